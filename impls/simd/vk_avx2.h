/* actbench: the SIMD layer's AVX2+FMA helpers (impls/simd/vk.h): the same
 * names as impls/simd/vk_avx512.h (see there), for 8 lanes.
 *
 * Differences: a lane mask vm is a vector (all-ones or zero per lane);
 * vk_lut(t, i) picks t[i mod 8] (vpermps over 8 entries: VK_LUT is 8);
 * vk_ldexp(x, k) scales in two steps where some k < -126, x 2^k1 2^k2 with
 * k1 = max(k, -100), so that only the second product can round (once, where
 * the result is subnormal): it needs |x| >= 2^-26 and k in [-226, 127].  Partial vectors
 * use vmaskmovps.  Only compiled with -mavx2 -mfma (through simd/vk.h). */
#ifndef ACTBENCH_VK_AVX2_H
#define ACTBENCH_VK_AVX2_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#define VK_W 8   /* lanes */
#define VK_LUT 8 /* entries of a register table */

typedef __m256 vf;
typedef __m256i vi;
typedef __m256 vm;
typedef __m256 vk_table; /* VK_LUT floats */

#define VK_INLINE static inline __attribute__((always_inline))

VK_INLINE vf vk_set(float a) {
  return _mm256_set1_ps(a);
}
VK_INLINE vf vk_add(vf a, vf b) {
  return _mm256_add_ps(a, b);
}
VK_INLINE vf vk_sub(vf a, vf b) {
  return _mm256_sub_ps(a, b);
}
VK_INLINE vf vk_mul(vf a, vf b) {
  return _mm256_mul_ps(a, b);
}
VK_INLINE vf vk_div(vf a, vf b) {
  return _mm256_div_ps(a, b);
}
/* a + b and a b with a as the instruction's first source, so that where
 * both are NaN the result is a's NaN (quieted): the compiler may swap the
 * operands of vk_add and vk_mul, which changes only which NaN survives */
VK_INLINE vf vk_add_ord(vf a, vf b) {
  vf r;
  __asm__("vaddps %2, %1, %0" : "=x"(r) : "x"(a), "xm"(b));
  return r;
}
VK_INLINE vf vk_mul_ord(vf a, vf b) {
  vf r;
  __asm__("vmulps %2, %1, %0" : "=x"(r) : "x"(a), "xm"(b));
  return r;
}
/* a b + c with the NaN of a, else of b, else of c where two or three of
 * them are NaN (vfmadd231ps c, a, b: its NaN order, as measured on AMD
 * Zen 4, is the multiplicands' then the addend's) */
VK_INLINE vf vk_fma_ord(vf a, vf b, vf c) {
  __asm__("vfmadd231ps %2, %1, %0" : "+x"(c) : "x"(a), "xm"(b));
  return c;
}
/* a b + c, a b - c, -(a b) + c: one rounding */
VK_INLINE vf vk_fma(vf a, vf b, vf c) {
  return _mm256_fmadd_ps(a, b, c);
}
VK_INLINE vf vk_fms(vf a, vf b, vf c) {
  return _mm256_fmsub_ps(a, b, c);
}
VK_INLINE vf vk_fnma(vf a, vf b, vf c) {
  return _mm256_fnmadd_ps(a, b, c);
}
/* 1/d correctly rounded (vdivps: the 12-bit vrcpps and one Newton step
 * would leave ~2^-23, too coarse for the exact-residual step callers do) */
VK_INLINE vf vk_recip(vf d) {
  return _mm256_div_ps(_mm256_set1_ps(1.0f), d);
}
/* the hardware's estimate of 1/d (vrcpps: relative error up to 1.5 2^-12),
 * for callers that refine it with their own Newton steps */
VK_INLINE vf vk_rcp_est(vf d) {
  return _mm256_rcp_ps(d);
}
/* min/max: the second operand where either is NaN (x86 semantics) */
VK_INLINE vf vk_min(vf a, vf b) {
  return _mm256_min_ps(a, b);
}
VK_INLINE vf vk_max(vf a, vf b) {
  return _mm256_max_ps(a, b);
}
VK_INLINE vf vk_and(vf a, vf b) {
  return _mm256_and_ps(a, b);
}
VK_INLINE vf vk_or(vf a, vf b) {
  return _mm256_or_ps(a, b);
}
VK_INLINE vf vk_xor(vf a, vf b) {
  return _mm256_xor_ps(a, b);
}
/* ~a & b (bits) */
VK_INLINE vf vk_andnot(vf a, vf b) {
  return _mm256_andnot_ps(a, b);
}
VK_INLINE vf vk_abs(vf a) {
  return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a);
}
/* masks */
VK_INLINE vm vk_lt(vf a, vf b) {
  return _mm256_cmp_ps(a, b, _CMP_LT_OQ);
}
VK_INLINE vm vk_le(vf a, vf b) {
  return _mm256_cmp_ps(a, b, _CMP_LE_OQ);
}
VK_INLINE vm vk_gt(vf a, vf b) {
  return _mm256_cmp_ps(a, b, _CMP_GT_OQ);
}
/* a > b, or either is NaN (unordered "not less or equal") */
VK_INLINE vm vk_gt_or_nan(vf a, vf b) {
  return _mm256_cmp_ps(a, b, _CMP_NLE_UQ);
}
VK_INLINE vm vk_isnan(vf a) {
  return _mm256_cmp_ps(a, a, _CMP_UNORD_Q);
}
VK_INLINE vm vk_mor(vm a, vm b) {
  return _mm256_or_ps(a, b);
}
VK_INLINE vm vk_mand(vm a, vm b) {
  return _mm256_and_ps(a, b);
}
/* the lanes whose integer has its sign bit set (blendv reads only that bit) */
VK_INLINE vm vk_signmask(vi a) {
  return _mm256_castsi256_ps(a);
}
/* m ? a : b */
VK_INLINE vf vk_sel(vm m, vf a, vf b) {
  return _mm256_blendv_ps(b, a, m);
}
/* the sign bit of a (other bits clear) */
VK_INLINE vf vk_signbit(vf a) {
  return vk_and(a, vk_set(-0.0f));
}
/* integers */
VK_INLINE vi vk_bits(vf a) {
  return _mm256_castps_si256(a);
}
VK_INLINE vf vk_float(vi a) {
  return _mm256_castsi256_ps(a);
}
VK_INLINE vi vk_srli(vi a, int n) {
  return _mm256_srli_epi32(a, n);
}
VK_INLINE vi vk_slli(vi a, int n) {
  return _mm256_slli_epi32(a, n);
}
VK_INLINE vi vk_addi(vi a, vi b) {
  return _mm256_add_epi32(a, b);
}
VK_INLINE vi vk_subi(vi a, vi b) {
  return _mm256_sub_epi32(a, b);
}
VK_INLINE vi vk_andi(vi a, vi b) {
  return _mm256_and_si256(a, b);
}
VK_INLINE vi vk_maxi(vi a, vi b) {
  return _mm256_max_epi32(a, b);
}
VK_INLINE vi vk_seti(int32_t a) {
  return _mm256_set1_epi32(a);
}
/* truncated toward 0, as an integer */
VK_INLINE vi vk_cvtt(vf a) {
  return _mm256_cvttps_epi32(a);
}
/* round to the nearest integer, as a float */
VK_INLINE vf vk_round(vf a) {
  return _mm256_round_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
}
/* round toward -inf, as a float */
VK_INLINE vf vk_floor(vf a) {
  return _mm256_round_ps(a, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
}
/* tables in registers: t[i mod 8] */
VK_INLINE vk_table vk_table_load(const float *t) {
  return _mm256_loadu_ps(t);
}
VK_INLINE vf vk_lut(vk_table t, vi i) {
  return _mm256_permutevar8x32_ps(t, i);
}
/* tables of 16 and 32 entries in 2 and 4 registers: t[i mod 16], t[i mod 32]
 * (a permute per register, blends on bits 3 and 4 of i) */
VK_INLINE vf vk_lut2(const vk_table t[2], vi i) {
  return vk_sel(vk_signmask(vk_slli(i, 28)), vk_lut(t[1], i), vk_lut(t[0], i));
}
VK_INLINE vf vk_lut4(const vk_table t[4], vi i) {
  return vk_sel(vk_signmask(vk_slli(i, 27)), vk_lut2(t + 2, i), vk_lut2(t, i));
}
/* 2^k for an integral float k in [-126, 127]: (k + 127) lands in the low
 * bits of k + (2^23 + 127), and the shift moves it into the exponent */
VK_INLINE vf vk_pow2(vf k) {
  return vk_float(vk_slli(vk_bits(vk_add(k, vk_set(0x1.0000fep23f))), 23));
}
/* x 2^k: one product where every k >= -126, else in two steps (see the
 * top); the branch is taken only by vectors with a subnormal result */
VK_INLINE vf vk_ldexp(vf x, vf k) {
  if (__builtin_expect(_mm256_movemask_ps(vk_lt(k, vk_set(-126.0f))) == 0, 1))
    return vk_mul(x, vk_pow2(k));
  vf k1 = vk_max(k, vk_set(-100.0f));
  return vk_mul(vk_mul(x, vk_pow2(k1)), vk_pow2(vk_sub(k, k1)));
}
/* x1 2^k and x2 2^k (the same steps as vk_ldexp, one test) */
VK_INLINE void vk_ldexp2(vf x1, vf x2, vf k, vf *y1, vf *y2) {
  if (__builtin_expect(_mm256_movemask_ps(vk_lt(k, vk_set(-126.0f))) == 0, 1)) {
    vf s = vk_pow2(k);
    *y1 = vk_mul(x1, s);
    *y2 = vk_mul(x2, s);
    return;
  }
  vf k1 = vk_max(k, vk_set(-100.0f));
  vf s1 = vk_pow2(k1), s2 = vk_pow2(vk_sub(k, k1));
  *y1 = vk_mul(vk_mul(x1, s1), s2);
  *y2 = vk_mul(vk_mul(x2, s1), s2);
}
/* memory: the full vector, or the first n < VK_W lanes (the others read
 * as 0 and are not written) */
VK_INLINE vf vk_load(const float *p) {
  return _mm256_loadu_ps(p);
}
VK_INLINE void vk_store(float *p, vf v) {
  _mm256_storeu_ps(p, v);
}
typedef __m256i vk_tail;
VK_INLINE vk_tail vk_tail_mask(size_t n) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
VK_INLINE vf vk_load_tail(const float *p, vk_tail t) {
  return _mm256_maskload_ps(p, t);
}
VK_INLINE void vk_store_tail(float *p, vf v, vk_tail t) {
  _mm256_maskstore_ps(p, t, v);
}

/* ---- doubles: half a vector's lanes as doubles (vd), the same half as
 * floats (vh), a mask of vd lanes (vdm); for kernels that compute in double
 * (impls/cr/simd_cr.c).  Not under VK_WIDE. */
typedef __m256d vd;
typedef __m128 vh;
typedef __m256d vdm;
#define VK_WH 4 /* lanes of vd and vh */
/* the low and the high half of a vector, and the two joined */
VK_INLINE vh vk_lo(vf a) {
  return _mm256_castps256_ps128(a);
}
VK_INLINE vh vk_hi(vf a) {
  return _mm256_extractf128_ps(a, 1);
}
VK_INLINE vf vk_join(vh lo, vh hi) {
  return _mm256_insertf128_ps(_mm256_castps128_ps256(lo), hi, 1);
}
/* exact, and rounded to nearest */
VK_INLINE vd vkd_cvt(vh a) {
  return _mm256_cvtps_pd(a);
}
VK_INLINE vh vkd_cvt_ps(vd a) {
  return _mm256_cvtpd_ps(a);
}
VK_INLINE vd vkd_set(double a) {
  return _mm256_set1_pd(a);
}
VK_INLINE vd vkd_add(vd a, vd b) {
  return _mm256_add_pd(a, b);
}
VK_INLINE vd vkd_sub(vd a, vd b) {
  return _mm256_sub_pd(a, b);
}
VK_INLINE vd vkd_mul(vd a, vd b) {
  return _mm256_mul_pd(a, b);
}
VK_INLINE vd vkd_fma(vd a, vd b, vd c) {
  return _mm256_fmadd_pd(a, b, c);
}
VK_INLINE vd vkd_fnma(vd a, vd b, vd c) {
  return _mm256_fnmadd_pd(a, b, c);
}
VK_INLINE vd vkd_and(vd a, vd b) {
  return _mm256_and_pd(a, b);
}
VK_INLINE vd vkd_min(vd a, vd b) {
  return _mm256_min_pd(a, b);
}
VK_INLINE vd vkd_max(vd a, vd b) {
  return _mm256_max_pd(a, b);
}
VK_INLINE vd vkd_or(vd a, vd b) {
  return _mm256_or_pd(a, b);
}
VK_INLINE vh vkh_or(vh a, vh b) {
  return _mm_or_ps(a, b);
}
/* the lanes of a mask as bits 0..VK_WH-1 */
VK_INLINE unsigned vkd_mbits(vdm m) {
  return (unsigned)_mm256_movemask_pd(m);
}
/* the double k steps above a (its bit pattern plus k; k < 0: below) */
VK_INLINE vd vkd_step(vd a, int64_t k) {
  return _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(a), _mm256_set1_epi64x(k)));
}
VK_INLINE vdm vkd_lt(vd a, vd b) {
  return _mm256_cmp_pd(a, b, _CMP_LT_OQ);
}
/* m ? a : b */
VK_INLINE vd vkd_sel(vdm m, vd a, vd b) {
  return _mm256_blendv_pd(b, a, m);
}
/* the lanes (bits 0..VK_WH-1) where a and b have the same bits */
VK_INLINE unsigned vkh_same(vh a, vh b) {
  return (unsigned)_mm_movemask_ps(
      _mm_castsi128_ps(_mm_cmpeq_epi32(_mm_castps_si128(a), _mm_castps_si128(b))));
}
/* a lane mask as bits 0..VK_W-1 */
VK_INLINE unsigned vk_mbits(vm m) {
  return (unsigned)_mm256_movemask_ps(m);
}
/* a rounded to binary16 (F16C), as floats */
VK_INLINE vf vk_round_f16(vf a) {
  return _mm256_cvtph_ps(_mm256_cvtps_ph(a, _MM_FROUND_TO_NEAREST_INT));
}

#endif
