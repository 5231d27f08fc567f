/* actbench: the SIMD layer's AVX-512 helpers (impls/simd/vk.h).  The same
 * names exist for AVX2+FMA in impls/simd/vk_avx2.h, so a kernel family
 * written once against them (impls/<act>/simd_*.c) compiles for either ISA.
 *
 *   vf  a vector of VK_W floats,  vi  the same lanes as 32-bit integers,
 *   vm  a lane mask (a __mmask16 here, a vector of all-ones/zeros on AVX2).
 *
 * vk_lut(t, i) picks t[i mod VK_LUT] in every lane from a table held in a
 * register (vpermps over 16 entries); vk_ldexp(x, k) is x 2^k for an
 * integral float k in [-250, 250], rounded once even where the result is
 * subnormal (vscalefps).  Loads and stores of a partial vector use masks.
 * Only compiled with the AVX-512 flags (through simd/vk.h). */
#ifndef ACTBENCH_VK_AVX512_H
#define ACTBENCH_VK_AVX512_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#define VK_W 16   /* lanes */
#define VK_LUT 16 /* entries of a register table */

typedef __m512 vf;
typedef __m512i vi;
typedef __mmask16 vm;
typedef __m512 vk_table; /* VK_LUT floats */

#define VK_INLINE static inline __attribute__((always_inline))

VK_INLINE vf vk_set(float a) {
  return _mm512_set1_ps(a);
}
VK_INLINE vf vk_add(vf a, vf b) {
  return _mm512_add_ps(a, b);
}
VK_INLINE vf vk_sub(vf a, vf b) {
  return _mm512_sub_ps(a, b);
}
VK_INLINE vf vk_mul(vf a, vf b) {
  return _mm512_mul_ps(a, b);
}
VK_INLINE vf vk_div(vf a, vf b) {
  return _mm512_div_ps(a, b);
}
/* a + b and a b with a as the instruction's first source, so that where
 * both are NaN the result is a's NaN (quieted): the compiler may swap the
 * operands of vk_add and vk_mul, which changes only which NaN survives */
VK_INLINE vf vk_add_ord(vf a, vf b) {
  vf r;
  __asm__("vaddps %2, %1, %0" : "=v"(r) : "v"(a), "vm"(b));
  return r;
}
VK_INLINE vf vk_mul_ord(vf a, vf b) {
  vf r;
  __asm__("vmulps %2, %1, %0" : "=v"(r) : "v"(a), "vm"(b));
  return r;
}
/* a b + c with the NaN of a, else of b, else of c where two or three of
 * them are NaN (vfmadd231ps c, a, b: its NaN order, as measured on AMD
 * Zen 4, is the multiplicands' then the addend's) */
VK_INLINE vf vk_fma_ord(vf a, vf b, vf c) {
  __asm__("vfmadd231ps %2, %1, %0" : "+v"(c) : "v"(a), "vm"(b));
  return c;
}
/* a b + c, a b - c, -(a b) + c: one rounding */
VK_INLINE vf vk_fma(vf a, vf b, vf c) {
  return _mm512_fmadd_ps(a, b, c);
}
VK_INLINE vf vk_fms(vf a, vf b, vf c) {
  return _mm512_fmsub_ps(a, b, c);
}
VK_INLINE vf vk_fnma(vf a, vf b, vf c) {
  return _mm512_fnmadd_ps(a, b, c);
}
/* an approximation of 1/d within 2^-27 relative (rcp14 and one Newton
 * step), for d in [2^-126, 2^126] */
VK_INLINE vf vk_recip(vf d) {
  vf w = _mm512_rcp14_ps(d);
  return vk_fma(w, vk_fnma(w, d, vk_set(1.0f)), w);
}
/* the hardware's estimate of 1/d (vrcp14ps: relative error below 2^-14),
 * for callers that refine it with their own Newton steps */
VK_INLINE vf vk_rcp_est(vf d) {
  return _mm512_rcp14_ps(d);
}
/* min/max: the second operand where either is NaN (x86 semantics) */
VK_INLINE vf vk_min(vf a, vf b) {
  return _mm512_min_ps(a, b);
}
VK_INLINE vf vk_max(vf a, vf b) {
  return _mm512_max_ps(a, b);
}
VK_INLINE vf vk_abs(vf a) {
  return _mm512_castsi512_ps(
      _mm512_and_si512(_mm512_castps_si512(a), _mm512_set1_epi32(0x7fffffff)));
}
VK_INLINE vf vk_and(vf a, vf b) {
  return _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)));
}
VK_INLINE vf vk_or(vf a, vf b) {
  return _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)));
}
VK_INLINE vf vk_xor(vf a, vf b) {
  return _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)));
}
/* ~a & b (bits) */
VK_INLINE vf vk_andnot(vf a, vf b) {
  return _mm512_castsi512_ps(_mm512_andnot_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)));
}
/* masks */
VK_INLINE vm vk_lt(vf a, vf b) {
  return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ);
}
VK_INLINE vm vk_le(vf a, vf b) {
  return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ);
}
VK_INLINE vm vk_gt(vf a, vf b) {
  return _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ);
}
/* a > b, or either is NaN (unordered "not less or equal") */
VK_INLINE vm vk_gt_or_nan(vf a, vf b) {
  return _mm512_cmp_ps_mask(a, b, _CMP_NLE_UQ);
}
VK_INLINE vm vk_isnan(vf a) {
  return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q);
}
VK_INLINE vm vk_mor(vm a, vm b) {
  return (vm)(a | b);
}
VK_INLINE vm vk_mand(vm a, vm b) {
  return (vm)(a & b);
}
/* the lanes whose integer has its sign bit set */
VK_INLINE vm vk_signmask(vi a) {
  return _mm512_movepi32_mask(a);
}
/* m ? a : b */
VK_INLINE vf vk_sel(vm m, vf a, vf b) {
  return _mm512_mask_blend_ps(m, b, a);
}
/* the sign bit of a (other bits clear) */
VK_INLINE vf vk_signbit(vf a) {
  return vk_and(a, vk_set(-0.0f));
}
/* integers */
VK_INLINE vi vk_bits(vf a) {
  return _mm512_castps_si512(a);
}
VK_INLINE vf vk_float(vi a) {
  return _mm512_castsi512_ps(a);
}
VK_INLINE vi vk_srli(vi a, int n) {
  return _mm512_srli_epi32(a, (unsigned)n);
}
VK_INLINE vi vk_slli(vi a, int n) {
  return _mm512_slli_epi32(a, (unsigned)n);
}
VK_INLINE vi vk_addi(vi a, vi b) {
  return _mm512_add_epi32(a, b);
}
VK_INLINE vi vk_subi(vi a, vi b) {
  return _mm512_sub_epi32(a, b);
}
VK_INLINE vi vk_andi(vi a, vi b) {
  return _mm512_and_si512(a, b);
}
VK_INLINE vi vk_maxi(vi a, vi b) {
  return _mm512_max_epi32(a, b);
}
VK_INLINE vi vk_seti(int32_t a) {
  return _mm512_set1_epi32(a);
}
/* truncated toward 0, as an integer */
VK_INLINE vi vk_cvtt(vf a) {
  return _mm512_cvttps_epi32(a);
}
/* round to the nearest integer (current rounding mode), as a float */
VK_INLINE vf vk_round(vf a) {
  return _mm512_roundscale_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
}
/* round toward -inf, as a float */
VK_INLINE vf vk_floor(vf a) {
  return _mm512_roundscale_ps(a, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
}
/* tables in registers: t[i mod 16] */
VK_INLINE vk_table vk_table_load(const float *t) {
  return _mm512_loadu_ps(t);
}
VK_INLINE vf vk_lut(vk_table t, vi i) {
  return _mm512_permutexvar_ps(i, t);
}
/* tables of 32 and 64 entries in 2 and 4 registers: t[i mod 32], t[i mod 64]
 * (vpermt2ps over a pair; a blend on bit 5 of i between two pairs) */
VK_INLINE vf vk_lut2(const vk_table t[2], vi i) {
  return _mm512_permutex2var_ps(t[0], i, t[1]);
}
VK_INLINE vf vk_lut4(const vk_table t[4], vi i) {
  return _mm512_mask_blend_ps(_mm512_test_epi32_mask(i, _mm512_set1_epi32(32)), vk_lut2(t, i),
                              vk_lut2(t + 2, i));
}
/* x 2^k, k an integral float; one rounding, subnormal results included */
VK_INLINE vf vk_ldexp(vf x, vf k) {
  return _mm512_scalef_ps(x, k);
}
/* x1 2^k and x2 2^k */
VK_INLINE void vk_ldexp2(vf x1, vf x2, vf k, vf *y1, vf *y2) {
  *y1 = _mm512_scalef_ps(x1, k);
  *y2 = _mm512_scalef_ps(x2, k);
}
/* 2^k for an integral float k in [-126, 127] */
VK_INLINE vf vk_pow2(vf k) {
  return vk_float(vk_slli(vk_addi(_mm512_cvtps_epi32(k), vk_seti(127)), 23));
}
/* memory: the full vector, or the first n < VK_W lanes (the others read
 * as 0 and are not written) */
VK_INLINE vf vk_load(const float *p) {
  return _mm512_loadu_ps(p);
}
VK_INLINE void vk_store(float *p, vf v) {
  _mm512_storeu_ps(p, v);
}
typedef __mmask16 vk_tail;
VK_INLINE vk_tail vk_tail_mask(size_t n) {
  return (vk_tail)((1u << n) - 1u);
}
VK_INLINE vf vk_load_tail(const float *p, vk_tail t) {
  return _mm512_maskz_loadu_ps(t, p);
}
VK_INLINE void vk_store_tail(float *p, vf v, vk_tail t) {
  _mm512_mask_storeu_ps(p, t, v);
}

/* ---- doubles: half a vector's lanes as doubles (vd), the same half as
 * floats (vh), a mask of vd lanes (vdm); for kernels that compute in double
 * (impls/cr/simd_cr.c).  Not under VK_WIDE. */
typedef __m512d vd;
typedef __m256 vh;
typedef __mmask8 vdm;
#define VK_WH 8 /* lanes of vd and vh */
/* the low and the high half of a vector, and the two joined */
VK_INLINE vh vk_lo(vf a) {
  return _mm512_castps512_ps256(a);
}
VK_INLINE vh vk_hi(vf a) {
  return _mm512_extractf32x8_ps(a, 1);
}
VK_INLINE vf vk_join(vh lo, vh hi) {
  return _mm512_insertf32x8(_mm512_castps256_ps512(lo), hi, 1);
}
/* exact, and rounded to nearest */
VK_INLINE vd vkd_cvt(vh a) {
  return _mm512_cvtps_pd(a);
}
VK_INLINE vh vkd_cvt_ps(vd a) {
  return _mm512_cvtpd_ps(a);
}
VK_INLINE vd vkd_set(double a) {
  return _mm512_set1_pd(a);
}
VK_INLINE vd vkd_add(vd a, vd b) {
  return _mm512_add_pd(a, b);
}
VK_INLINE vd vkd_sub(vd a, vd b) {
  return _mm512_sub_pd(a, b);
}
VK_INLINE vd vkd_mul(vd a, vd b) {
  return _mm512_mul_pd(a, b);
}
VK_INLINE vd vkd_fma(vd a, vd b, vd c) {
  return _mm512_fmadd_pd(a, b, c);
}
VK_INLINE vd vkd_fnma(vd a, vd b, vd c) {
  return _mm512_fnmadd_pd(a, b, c);
}
VK_INLINE vd vkd_and(vd a, vd b) {
  return _mm512_and_pd(a, b);
}
VK_INLINE vd vkd_min(vd a, vd b) {
  return _mm512_min_pd(a, b);
}
VK_INLINE vd vkd_max(vd a, vd b) {
  return _mm512_max_pd(a, b);
}
VK_INLINE vd vkd_or(vd a, vd b) {
  return _mm512_or_pd(a, b);
}
VK_INLINE vh vkh_or(vh a, vh b) {
  return _mm256_or_ps(a, b);
}
/* the lanes of a mask as bits 0..VK_WH-1 */
VK_INLINE unsigned vkd_mbits(vdm m) {
  return (unsigned)m;
}
/* the double k steps above a (its bit pattern plus k; k < 0: below) */
VK_INLINE vd vkd_step(vd a, int64_t k) {
  return _mm512_castsi512_pd(_mm512_add_epi64(_mm512_castpd_si512(a), _mm512_set1_epi64(k)));
}
VK_INLINE vdm vkd_lt(vd a, vd b) {
  return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ);
}
/* m ? a : b */
VK_INLINE vd vkd_sel(vdm m, vd a, vd b) {
  return _mm512_mask_blend_pd(m, b, a);
}
/* the lanes (bits 0..VK_WH-1) where a and b have the same bits */
VK_INLINE unsigned vkh_same(vh a, vh b) {
  return (unsigned)_mm256_cmpeq_epi32_mask(_mm256_castps_si256(a), _mm256_castps_si256(b));
}
/* a lane mask as bits 0..VK_W-1 */
VK_INLINE unsigned vk_mbits(vm m) {
  return (unsigned)m;
}
/* a rounded to binary16 (F16C), as floats */
VK_INLINE vf vk_round_f16(vf a) {
  return _mm512_cvtph_ps(_mm512_cvtps_ph(a, _MM_FROUND_TO_NEAREST_INT));
}

#endif
