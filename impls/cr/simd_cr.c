/* actbench: correctly rounded sigmoid and tanh, forward and backward, on the
 * SIMD layer (impls/simd/vk.h), compiled for AVX2+FMA (with F16C) and for
 * AVX-512 (F, DQ, BW, VL): binary32, and native bfloat16 and binary16.
 *
 * A vector of floats at a time (8 or 16), as two halves of doubles (the
 * layer's vd: double precision keeps the error near 2^-41, far below
 * binary32's 2^-24, so that the rounding test rarely fails):
 *   w = -x/ln2 (sigmoid) or -2|x|/ln2 (tanh), and
 *   2^w = 2^m 2^(j/8) 2^r, k = 8m + j = RN(8w), r = w - k/8 (Tang's table
 *     method, P. T. P. Tang, ACM TOMS 15(2), 1989);
 *   2^r or 2^r - 1 by the polynomials of coeffs_cr_exp.h (degree 5 for 2^r,
 *     6 for 2^r - 1, which tanh needs to keep its relative accuracy near 0);
 *   sigmoid 1/(1+E), sigmoid' E/(1+E)^2, tanh -em/(2+em) with
 *     em = e^-2|x| - 1, tanh' 4E/(1+E)^2 with E = e^-2|x|;
 *   Ziv's rounding test (cr_bounds.h, with the error budget): v -+ W rounded
 *     to the target format must agree; the lanes where they do not, and NaN,
 *     go to the scalar double-double slow path (cr_dd.h): about one lane in
 *     2^15.
 * What differs per ISA (the CR_* parameters and the helpers under
 * VK_ISA_AVX512 below):
 *   the table 2^(j/8): VPERMPD (AVX-512); two VPERMD and a VPBLENDD (AVX2,
 *     no VPERMPD with a vector index);
 *   2^m: VSCALEFPD (AVX-512); added to the exponent field (AVX2);
 *   the reciprocal: VRCP14PD and one cubic Newton-Raphson step (AVX-512,
 *     for any positive normal d, so sigmoid is 1/(1+E) with E = e^-x for
 *     every x, E up to 2^162); RCPPS on the value rounded to binary32
 *     (|1 - d r0| <= 1.5 2^-12 + 2^-24 < 2^-11.4) and one quartic step
 *     r0 (1 + e0 + e0^2 + e0^3), truncation e0^4/(1 - e0) < 1.9e-14, below
 *     the 2.2741e-13 that cr_bounds.h budgets for VRCP14PD's cubic step, so
 *     the same widths W hold (AVX2: RCPPS needs d in [1, 2], so x's sign is
 *     taken out, CR_SIGN_SPLIT: sigmoid is E/(1+E) for x < 0, E = e^-|x|);
 *   round-to-odd to binary32 (for the narrow formats): conversion toward 0
 *     and the last bit set where inexact (AVX-512); from RN, one below where
 *     RN went up, then the last bit set where inexact (AVX2).
 * On this project's AMD Zen 4 the FMA, MUL, VRCP14PD (and VPERMT2Q, hence
 * the 8-entry table) share the two FMA pipes, while VSCALEFPD, VPERMPD, the
 * integer adds, MIN/MAX and the conversions issue beside them: the kernel
 * spends its FMA-pipe slots on the polynomial and the reciprocal only.
 * The backward multiplies the correctly rounded f' by dy in binary32 (one
 * more rounding: dx = RN(RN(f'(x)) dy), exact for dy = +-2^k).  The bfloat16
 * and binary16 kernels round x to the format, and round v -+ W to it
 * directly (round-to-odd to binary32 first, then RN: no double rounding), so
 * their results are RN in the format; their backward is RN(f' dy) in the
 * format, with dy rounded to it first.
 *
 * Kernels must accept any n, unaligned pointers and in-place calls
 * (activation.h): the tail is done with the layer's partial loads and
 * stores, and the slow path reads x and dy from registers saved before the
 * store. */
#include <stddef.h>
#include <stdint.h>

#include "cr/coeffs_cr_gelu.h"
#include "cr/coeffs_cr_log1p.h"
#include "cr/cr_bounds.h"
#include "cr/cr_dd.h"
#include "kernels.h"
#include "simd/vk.h"

/* ---- the parameters per ISA */

/* sigmoid as E/(1+E) for x < 0 with E = e^-|x| (1), or 1/(1+E) with
 * E = e^-x for every x (0) */
#define CR_SIGN_SPLIT VK_PICK(1, 0)

/* 2^w = 2^m 2^(j/8) 2^r (coeffs_cr_exp.h): kd = k/8 = RN(8w)/8 by adding and
 * subtracting 1.5 2^49 (whose ulp is 1/8), r = w - kd exactly (|r| <= 1/16),
 * 2^(j/8) from the table (the low three bits of the sum are j), 2^m later by
 * cr_scale. */
#if VK_ISA_AVX512
typedef vd cr_sc; /* kd: VSCALEFPD scales by 2^floor(kd) = 2^m */
VK_INLINE void cr_split(vd w, vd *T, cr_sc *kd, vd *r) {
  const vd magic = vkd_set(0x1.8p49);
  vd z = vkd_add(w, magic);
  *kd = vkd_sub(z, magic);
  *r = vkd_sub(w, *kd);
  *T = _mm512_permutexvar_pd(_mm512_castpd_si512(z), _mm512_loadu_pd(cr_exp_t8));
}
VK_INLINE vd cr_scale(vd v, cr_sc kd) {
  return _mm512_scalef_pd(v, kd);
}
#else
typedef __m256i cr_sc; /* m << 52 */
/* 2^(j/8) from the table's low and high dwords by VPERMD (j, the low three
 * bits of the sum, in both dwords of a lane: VPSHUFD) and VPBLENDD; 2^m as
 * (k >> 3) << 52, added to the exponent field */
VK_INLINE void cr_split(vd w, vd *T, cr_sc *m52, vd *r) {
  const vd magic = vkd_set(0x1.8p49);
  vd z = vkd_add(w, magic);
  *r = vkd_sub(w, vkd_sub(z, magic));
  __m256i zi = _mm256_castpd_si256(z);
  __m256i idx = _mm256_shuffle_epi32(zi, _MM_SHUFFLE(2, 2, 0, 0));
  const __m256i tlo = _mm256_setr_epi32((int)cr_dbits(cr_exp_t8[0]), (int)cr_dbits(cr_exp_t8[1]),
                                        (int)cr_dbits(cr_exp_t8[2]), (int)cr_dbits(cr_exp_t8[3]),
                                        (int)cr_dbits(cr_exp_t8[4]), (int)cr_dbits(cr_exp_t8[5]),
                                        (int)cr_dbits(cr_exp_t8[6]), (int)cr_dbits(cr_exp_t8[7]));
  const __m256i thi =
      _mm256_setr_epi32((int)(cr_dbits(cr_exp_t8[0]) >> 32), (int)(cr_dbits(cr_exp_t8[1]) >> 32),
                        (int)(cr_dbits(cr_exp_t8[2]) >> 32), (int)(cr_dbits(cr_exp_t8[3]) >> 32),
                        (int)(cr_dbits(cr_exp_t8[4]) >> 32), (int)(cr_dbits(cr_exp_t8[5]) >> 32),
                        (int)(cr_dbits(cr_exp_t8[6]) >> 32), (int)(cr_dbits(cr_exp_t8[7]) >> 32));
  __m256i t = _mm256_blend_epi32(_mm256_permutevar8x32_epi32(tlo, idx),
                                 _mm256_permutevar8x32_epi32(thi, idx), 0xaa);
  *T = _mm256_castsi256_pd(t);
  *m52 = _mm256_slli_epi64(_mm256_srli_epi64(zi, 3), 52);
}
VK_INLINE vd cr_scale(vd v, cr_sc m52) {
  return _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(v), m52));
}
#endif

/* 1/d (see the top) */
VK_INLINE vd cr_rcp(vd d) {
#if VK_ISA_AVX512
  vd r0 = _mm512_rcp14_pd(d);
  vd e0 = vkd_fnma(d, r0, vkd_set(1.0));
  vd q = vkd_fma(e0, e0, e0);
#else
  vd r0 = _mm256_cvtps_pd(_mm_rcp_ps(_mm256_cvtpd_ps(d)));
  vd e0 = vkd_fnma(d, r0, vkd_set(1.0));
  vd q = vkd_fma(e0, vkd_fma(e0, e0, e0), e0);
#endif
  return vkd_fma(r0, q, r0);
}

/* RN in a narrow format of doubles d >= 0 (finite): round-to-odd to binary32,
 * then RN; as floats */
VK_INLINE vh cr_narrow(vd d, int fmt) {
#if VK_ISA_AVX512
  __m256 ft = _mm512_cvt_roundpd_ps(d, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
  __mmask8 inex = _mm512_cmp_pd_mask(_mm512_cvtps_pd(ft), d, _CMP_NEQ_UQ);
  __m256i b = _mm256_castps_si256(ft);
  b = _mm256_mask_or_epi32(b, inex, b, _mm256_set1_epi32(1));
  if (fmt == CR_BF16) {
    __m256i lsb = _mm256_and_si256(_mm256_srli_epi32(b, 16), _mm256_set1_epi32(1));
    b = _mm256_add_epi32(b, _mm256_add_epi32(lsb, _mm256_set1_epi32(0x7fff)));
    return _mm256_castsi256_ps(_mm256_and_si256(b, _mm256_set1_epi32((int)0xffff0000u)));
  }
  return _mm256_cvtph_ps(_mm256_cvtps_ph(_mm256_castsi256_ps(b), _MM_FROUND_TO_NEAREST_INT));
#else
  /* the low dwords of the four 64-bit compare masks */
  const __m256i lo32 = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
  __m128 f = _mm256_cvtpd_ps(d);
  __m256d b = _mm256_cvtps_pd(f);
  __m128i up = _mm256_castsi256_si128(
      _mm256_permutevar8x32_epi32(_mm256_castpd_si256(_mm256_cmp_pd(b, d, _CMP_GT_OQ)), lo32));
  __m128i ne = _mm256_castsi256_si128(
      _mm256_permutevar8x32_epi32(_mm256_castpd_si256(_mm256_cmp_pd(b, d, _CMP_NEQ_UQ)), lo32));
  __m128i u = _mm_add_epi32(_mm_castps_si128(f), up); /* truncated */
  u = _mm_or_si128(u, _mm_and_si128(ne, _mm_set1_epi32(1)));
  if (fmt == CR_BF16) {
    __m128i lsb = _mm_and_si128(_mm_srli_epi32(u, 16), _mm_set1_epi32(1));
    u = _mm_add_epi32(u, _mm_add_epi32(lsb, _mm_set1_epi32(0x7fff)));
    return _mm_castsi128_ps(_mm_and_si128(u, _mm_set1_epi32((int)0xffff0000u)));
  }
  return _mm_cvtph_ps(_mm_cvtps_ph(_mm_castsi128_ps(u), _MM_FROUND_TO_NEAREST_INT));
#endif
}

/* ---- the algorithm, the same for both ISAs */

/* c[0] r^(n-1) + ... + c[n-1] in Horner's form, one FMA a step (the
 * coefficients of E5 and M6 without their constant terms) */
static const double cr_e5[] = {CR_EXP_E5_C5, CR_EXP_E5_C4, CR_EXP_E5_C3, CR_EXP_E5_C2,
                               CR_EXP_E5_C1};
static const double cr_m6[] = {CR_EXP_M6_C6, CR_EXP_M6_C5, CR_EXP_M6_C4,
                               CR_EXP_M6_C3, CR_EXP_M6_C2, CR_EXP_M6_C1};
VK_INLINE vd cr_horner(vd r, const double *c, int n) {
  vd q = vkd_fma(vkd_set(c[0]), r, vkd_set(c[1]));
  for (int k = 2; k < n; k++) q = vkd_fma(q, r, vkd_set(c[k]));
  return q;
}

/* 2^w for -162 <= w <= 0 (AVX-512: |w| <= 162), by E5 */
VK_INLINE vd cr_exp2(vd w) {
  vd T, r;
  cr_sc sc;
  cr_split(w, &T, &sc, &r);
  vd q = cr_horner(r, cr_e5, 5);
  return cr_scale(vkd_fma(vkd_mul(T, r), q, T), sc);
}

/* 2^w - 1 for -29 <= w <= 0, by M6: (S - 1) + S r q(r), S = 2^m 2^(j/8) */
VK_INLINE vd cr_exp2m1(vd w) {
  vd T, r;
  cr_sc sc;
  cr_split(w, &T, &sc, &r);
  vd S = cr_scale(T, sc);
  vd q = cr_horner(r, cr_m6, 6);
  return vkd_fma(vkd_mul(S, r), q, vkd_sub(S, vkd_set(1.0)));
}

/* |f| or |f'| at VK_WH lanes from a (the clamped x, or |x|; CR_SIGN_SPLIT:
 * always |x|, and neg the lanes where x < 0) */
VK_INLINE vd cr_core(int fn, vd a, vdm neg) {
  const vd one = vkd_set(1.0);
  switch (fn) {
    case CR_SIGMOID_F: { /* 1/(1 + E), E = e^-x; split: E/(1 + E) for x < 0 */
      vd E = cr_exp2(vkd_mul(a, vkd_set(CR_EXP_NLOG2E)));
      vd rec = cr_rcp(vkd_add(one, E));
      return CR_SIGN_SPLIT ? vkd_mul(vkd_sel(neg, E, one), rec) : rec;
    }
    case CR_SIGMOID_D: { /* E/(1 + E)^2 */
      vd E = cr_exp2(vkd_mul(a, vkd_set(CR_EXP_NLOG2E)));
      vd rec = cr_rcp(vkd_add(one, E));
      return vkd_mul(vkd_mul(E, rec), rec);
    }
    case CR_TANH_D: { /* 4E/(1 + E)^2, E = e^-2|x| */
      vd E = cr_exp2(vkd_mul(a, vkd_set(CR_EXP_N2LOG2E)));
      vd rec = cr_rcp(vkd_add(one, E));
      return vkd_mul(vkd_mul(vkd_mul(E, rec), rec), vkd_set(4.0)); /* 4: exact */
    }
    default: { /* CR_TANH_F: -em/(2 + em), em = e^-2|x| - 1 */
      vd em = cr_exp2m1(vkd_mul(a, vkd_set(CR_EXP_N2LOG2E)));
      vd rec = cr_rcp(vkd_add(vkd_set(2.0), em));
      return vkd_fnma(em, rec, vkd_set(0.0)); /* -em rec >= 0 */
    }
  }
}

VK_INLINE int64_t cr_w(int fn) {
  switch (fn) {
    case CR_SIGMOID_F:
      return CR_W_SIGMOID_F;
    case CR_SIGMOID_D:
      return CR_W_SIGMOID_D;
    case CR_TANH_F:
      return CR_W_TANH_F;
    default:
      return CR_W_TANH_D;
  }
}

/* x rounded to the kernel's format (NaN kept) */
VK_INLINE vf cr_vin_fmt(vf x, int fmt) {
  if (fmt == CR_BF16) {
    vi b = vk_bits(x);
    vi lsb = vk_andi(vk_srli(b, 16), vk_seti(1));
    vi r = vk_addi(b, vk_addi(lsb, vk_seti(0x7fff)));
    r = vk_andi(r, vk_seti((int32_t)0xffff0000u));
    return vk_sel(vk_isnan(x), x, vk_float(r));
  }
  if (fmt == CR_F16) return vk_round_f16(x);
  return x;
}

/* One half: the result of VK_WH lanes in fmt (|f|) and the lanes decided */
VK_INLINE vh cr_half(int fn, int fmt, vh a, vh xs, unsigned *ok) {
  vdm neg = CR_SIGN_SPLIT ? vkd_lt(vkd_cvt(xs), vkd_set(0.0)) : (vdm){0};
  vd v = cr_core(fn, vkd_cvt(a), neg);
  vd lo = vkd_step(v, -cr_w(fn));
  vd hi = vkd_step(v, cr_w(fn));
  vh flo, fhi;
  if (fmt == CR_F32) {
    flo = vkd_cvt_ps(lo);
    fhi = vkd_cvt_ps(hi);
  } else {
    flo = cr_narrow(lo, fmt);
    fhi = cr_narrow(hi, fmt);
  }
  *ok = vkh_same(flo, fhi);
  return flo;
}

/* A vector (x already in fmt): the results, and the lanes decided (bits).
 * sigmoid: x clamped to [-112, 112] (beyond, the results round as at the
 * ends: 0 or 1, and f' 0; split: |x| to 112); tanh |x| clamped at 10 (f
 * rounds to 1 from 9.01 on), tanh' at 56 (rounds to 0 from 52.3 on).  MIN
 * and MAX return their second operand for a NaN, which keeps x's NaN. */
VK_INLINE vf cr_block(int fn, int fmt, vf x, unsigned *ok) {
  vf a;
  if (CR_SIGN_SPLIT || fn == CR_TANH_F || fn == CR_TANH_D)
    a = vk_min(vk_set(fn == CR_TANH_F ? 10.0f : fn == CR_TANH_D ? 56.0f : 112.0f), vk_abs(x));
  else
    a = vk_max(vk_set(-112.0f), vk_min(vk_set(112.0f), x));
  unsigned ok0, ok1;
  vh r0 = cr_half(fn, fmt, vk_lo(a), vk_lo(x), &ok0);
  vh r1 = cr_half(fn, fmt, vk_hi(a), vk_hi(x), &ok1);
  vf res = vk_join(r0, r1);
  if (fn == CR_TANH_F) res = vk_or(res, vk_signbit(x));
  /* NaN lanes always go to the slow path */
  *ok = (ok0 | (ok1 << VK_WH)) & ~vk_mbits(vk_isnan(x));
  return res;
}

/* ---- the other activations: signed, and some cancel (cr_bounds.h) */

VK_INLINE vd cr_dabs(vd a) {
  return vkd_and(a, vkd_set(cr_bitsd(0x7fffffffffffffffull)));
}

/* sigma(t) as CR_SIGMOID_F computes it, t clamped to [-112, 112] */
VK_INLINE vd cr_sig(vd t) {
  vd tc = vkd_max(vkd_set(-112.0), vkd_min(vkd_set(112.0), t));
  vdm neg = vkd_lt(tc, vkd_set(0.0));
  return cr_core(CR_SIGMOID_F, CR_SIGN_SPLIT ? cr_dabs(tc) : tc, neg);
}

/* sigma(t) and sigma(t) sigma(-t) = E/(1+E)^2, E = e^-|t|, |t| <= 112 */
VK_INLINE vd cr_sig2(vd t, vd *ss) {
  vd E = cr_exp2(vkd_mul(cr_dabs(t), vkd_set(CR_EXP_NLOG2E)));
  vd rec = cr_rcp(vkd_add(vkd_set(1.0), E));
  vd er = vkd_mul(E, rec);
  *ss = vkd_mul(er, rec);
  return vkd_sel(vkd_lt(t, vkd_set(0.0)), er, rec);
}

/* log1p(E) for 0 <= E <= 1 (coeffs_cr_log1p.h): u = 1 + E, c = E - (u - 1)
 * exactly, j = RN(32 (u - 1)) by the 1.5 2^52 addition (its low bits),
 * inv_j and L_j gathered, r = u inv_j - 1, log1p(E) = L_j + (P(r) + c inv_j)
 * (c inv_j for c/u: off by |r c| <= 2^-59) */
VK_INLINE vd cr_log1p(vd E) {
  const vd one = vkd_set(1.0);
  vd u = vkd_add(one, E);
  vd um1 = vkd_sub(u, one);
  vd c = vkd_sub(E, um1);
  vd z = vkd_fma(um1, vkd_set(32.0), vkd_set(0x1.8p52));
#if VK_ISA_AVX512
  __m512i j = _mm512_and_si512(_mm512_castpd_si512(z), _mm512_set1_epi64(63));
  vd inv = _mm512_i64gather_pd(j, cr_log1p_inv, 8);
  vd L = _mm512_i64gather_pd(j, cr_log1p_l, 8);
#else
  __m256i j = _mm256_and_si256(_mm256_castpd_si256(z), _mm256_set1_epi64x(63));
  vd inv = _mm256_i64gather_pd(cr_log1p_inv, j, 8);
  vd L = _mm256_i64gather_pd(cr_log1p_l, j, 8);
#endif
  vd r = vkd_fma(u, inv, vkd_set(-1.0));
  vd q = vkd_fma(vkd_set(CR_LOG1P_L7_C7), r, vkd_set(CR_LOG1P_L7_C6));
  q = vkd_fma(q, r, vkd_set(CR_LOG1P_L7_C5));
  q = vkd_fma(q, r, vkd_set(CR_LOG1P_L7_C4));
  q = vkd_fma(q, r, vkd_set(CR_LOG1P_L7_C3));
  q = vkd_fma(q, r, vkd_set(CR_LOG1P_L7_C2));
  vd P = vkd_fma(q, vkd_mul(r, r), r);
  return vkd_add(L, vkd_fma(c, inv, P));
}

/* gelu's upper tail Q(a) = 1 - Phi(a) = E P(a), E = 2^w = e^(-a^2/2),
 * w = a^2 RN(-1/(2 ln2)) (a^2 exact: a is a float), for 0 <= a <= 14.9
 * (coeffs_cr_gelu.h): the piece j = 8e + k from the bits of b = a + 1
 * (2^e (1 + k/8) <= b < 2^e (1 + (k+1)/8)), its middle c_j = 2^e (1 + k/8)
 * + 2^e/16 - 1 from b's bits (exact), t = a - c_j (exact for a >= 2^-26),
 * and the degree-9 polynomial in t by Horner's scheme; *E = E.  The
 * coefficients of the four or eight lanes' pieces: AVX-512 gathers each;
 * AVX2 loads two of a row at a time (128 bits) and interleaves the lanes'
 * (VINSERTF128, then VUNPCKLPD and VUNPCKHPD: two coefficients for four
 * lanes), as Horner's scheme needs them: far fewer micro-operations than
 * VGATHERQPD on the AMD Zen 3 this was measured on. */
VK_INLINE vd cr_gelu_q(vd a, vd *E) {
  *E = cr_exp2(vkd_mul(vkd_mul(a, a), vkd_set(0.5 * CR_EXP_NLOG2E)));
  vd b = vkd_add(a, vkd_set(1.0));
  const vd m3 = vkd_set(cr_bitsd(0xfffe000000000000ull)); /* sign, exponent, 3 bits */
  const vd me = vkd_set(cr_bitsd(0xfff0000000000000ull));
  vd c = vkd_fma(vkd_and(b, me), vkd_set(0.0625), vkd_sub(vkd_and(b, m3), vkd_set(1.0)));
  vd t = vkd_sub(a, c);
#if VK_ISA_AVX512
  __m512i j =
      _mm512_sub_epi64(_mm512_srli_epi64(_mm512_castpd_si512(b), 49), _mm512_set1_epi64(1023 << 3));
  __m512i j10 = _mm512_mullo_epi64(j, _mm512_set1_epi64(10));
#define CR_COEF(k) _mm512_i64gather_pd(j10, &cr_gelu_pw[0][k], 8)
  vd q = vkd_fma(CR_COEF(9), t, CR_COEF(8));
  for (int i = 7; i >= 0; i--) q = vkd_fma(q, t, CR_COEF(i));
#undef CR_COEF
#else
  __m256i j = _mm256_sub_epi64(_mm256_srli_epi64(_mm256_castpd_si256(b), 49),
                               _mm256_set1_epi64x(1023 << 3));
  int64_t jj[4];
  _mm256_storeu_si256((__m256i *)jj, j);
  const double *r0 = cr_gelu_pw[jj[0]], *r1 = cr_gelu_pw[jj[1]];
  const double *r2 = cr_gelu_pw[jj[2]], *r3 = cr_gelu_pw[jj[3]];
  vd q = vkd_set(0.0);
  for (int k = 8; k >= 0; k -= 2) { /* p_(k+1) and p_k of the four lanes */
    vd m02 =
        _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_load_pd(r0 + k)), _mm_load_pd(r2 + k), 1);
    vd m13 =
        _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_load_pd(r1 + k)), _mm_load_pd(r3 + k), 1);
    vd lo = _mm256_unpacklo_pd(m02, m13), hi = _mm256_unpackhi_pd(m02, m13);
    q = k == 8 ? vkd_fma(hi, t, lo) : vkd_fma(vkd_fma(q, t, hi), t, lo);
  }
#endif
  return vkd_mul(*E, q);
}

/* f or f' (fn >= CR_ELU_F) at x (a double of the kernel's format, finite;
 * the other lanes are thrown away): v, and e >= |v - exact|.  The clamps:
 * where x is beyond one, the value at the clamp rounds as the exact one does
 * in every format (elu and selu: e^x - 1 at -40 and below round alike, e^x
 * below -112 rounds to 0 as at -112; silu, mish: x sigma(x) and its
 * relatives round to -0 from x = -112 down; gelu_tanh: from x = -10.9 down
 * (|x| sigma(t) < 2^-155, f' < 2^-150.2); gelu: from x = -14.9 down (|f| <
 * 2^-161, |f'| < 2^-155); f' of silu and gelu_tanh round to
 * 1 beyond 112 and 10.9, mish' beyond 20), and for x itself above the clamp
 * the value is computed with x (silu, gelu_tanh and mish: x sigma(...)). */
VK_INLINE vd cr_core_signed(int fn, vd x, vd *e) {
  const vd zero = vkd_set(0.0), one = vkd_set(1.0), l2e = vkd_set(-CR_EXP_NLOG2E);
  const vd sixth = vkd_set(1.0 / 6.0);
  vdm pos = vkd_lt(zero, x);
  switch (fn) {
    case CR_ELU_F:
    case CR_SELU_F: { /* x or lambda x; e^x - 1 or lambda alpha (e^x - 1) */
      vd a = vkd_min(zero, vkd_max(vkd_set(-40.0), x));
      vd em = cr_exp2m1(vkd_mul(a, l2e));
      vdm neg = vkd_lt(x, zero); /* not at -0: e^-0 - 1 = -0 is x's own */
      if (fn == CR_ELU_F) {
        *e = vkd_sel(neg, vkd_mul(cr_dabs(em), vkd_set(CR_C_EM)), zero);
        return vkd_sel(neg, em, x);
      }
      vd v = vkd_sel(neg, vkd_mul(em, vkd_set(CR_SELU_LA_H)), vkd_mul(x, vkd_set(CR_SELU_L_H)));
      *e = vkd_mul(cr_dabs(v), vkd_sel(neg, vkd_set(CR_C_SELU_F), vkd_set(CR_C_LX)));
      return v;
    }
    case CR_ELU_D:
    case CR_SELU_D: { /* 1 or lambda; e^x or lambda alpha e^x */
      vd a = vkd_min(zero, vkd_max(vkd_set(-112.0), x));
      vd E = cr_exp2(vkd_mul(a, l2e));
      if (fn == CR_ELU_D) {
        *e = vkd_sel(pos, zero, vkd_mul(E, vkd_set(CR_C_E)));
        return vkd_sel(pos, one, E);
      }
      vd v = vkd_sel(pos, vkd_set(CR_SELU_L_H), vkd_mul(E, vkd_set(CR_SELU_LA_H)));
      *e = vkd_mul(v, vkd_sel(pos, vkd_set(CR_C_L), vkd_set(CR_C_SELU_D)));
      return v;
    }
    case CR_SILU_F: { /* x sigma(x) */
      vd v = vkd_mul(vkd_max(vkd_set(-112.0), x), cr_sig(x));
      *e = vkd_mul(cr_dabs(v), vkd_set(CR_C_SILU_F));
      return v;
    }
    case CR_SILU_D: { /* sigma(x) + x sigma(x) sigma(-x) */
      vd xc = vkd_max(vkd_set(-112.0), vkd_min(vkd_set(112.0), x));
      vd ss, s = cr_sig2(xc, &ss);
      vd t2 = vkd_mul(xc, ss);
      *e = vkd_mul(vkd_add(s, cr_dabs(t2)), vkd_set(CR_C_SILU_D));
      return vkd_add(s, t2);
    }
    case CR_GELUT_F: { /* x sigma(t), t = x (c1 + c3 x^2) */
      vd xm = vkd_max(vkd_set(-10.9), x);
      vd t = vkd_mul(xm, vkd_fma(vkd_set(CR_GELUT_C3_H), vkd_mul(xm, xm), vkd_set(CR_GELUT_C1_H)));
      vd v = vkd_mul(xm, cr_sig(t));
      *e = vkd_mul(cr_dabs(v), vkd_set(CR_C_GELUT_F));
      return v;
    }
    case CR_GELUT_D: { /* sigma(t) + x t' sigma(t) sigma(-t), t' = c1 + 3 c3 x^2 */
      vd xc = vkd_max(vkd_set(-10.9), vkd_min(vkd_set(10.9), x));
      vd x2 = vkd_mul(xc, xc);
      vd t = vkd_mul(xc, vkd_fma(vkd_set(CR_GELUT_C3_H), x2, vkd_set(CR_GELUT_C1_H)));
      vd tp = vkd_fma(vkd_set(CR_GELUT_C3X3_H), x2, vkd_set(CR_GELUT_C1_H));
      vd ss, s = cr_sig2(t, &ss);
      vd t2 = vkd_mul(vkd_mul(xc, ss), tp);
      *e = vkd_mul(vkd_add(s, cr_dabs(t2)), vkd_set(CR_C_GELUT_D));
      return vkd_add(s, t2);
    }
    case CR_MISH_F:
    case CR_MISH_D: { /* x n/(n + 2); n/(n + 2) + 4x E(1 + E)/(n + 2)^2 */
      vd xc = vkd_max(vkd_set(-112.0), vkd_min(vkd_set(20.0), x));
      vd E = cr_exp2(vkd_mul(xc, l2e));
      vd n = vkd_mul(E, vkd_add(E, vkd_set(2.0)));
      vd rec = cr_rcp(vkd_add(n, vkd_set(2.0)));
      vd q = vkd_mul(n, rec);
      if (fn == CR_MISH_F) {
        vd v = vkd_mul(vkd_max(vkd_set(-112.0), x), q);
        *e = vkd_mul(cr_dabs(v), vkd_set(CR_C_MISH_F));
        return v;
      }
      vd t2 = vkd_mul(vkd_mul(vkd_mul(vkd_mul(E, vkd_add(one, E)), vkd_mul(xc, vkd_set(4.0))), rec),
                      rec);
      *e = vkd_mul(vkd_add(q, cr_dabs(t2)), vkd_set(CR_C_MISH_D));
      return vkd_add(q, t2);
    }
    case CR_GELU_F:
    case CR_GELU_D: { /* x Phi(x); Phi(x) + x phi(x) = Phi +- |x| phi, Phi = 1 - Q or Q */
      /* |x| min 14.9 (NaN: 14.9, so that the gathers stay in the tables) */
      vd a = vkd_min(cr_dabs(x), vkd_set(14.9));
      vd E, Q = cr_gelu_q(a, &E);
      vd Phi = vkd_sel(pos, vkd_sub(one, Q), Q);
      if (fn == CR_GELU_F) {
        vd v = vkd_mul(vkd_max(vkd_set(-14.9), x), Phi);
        *e = vkd_mul(cr_dabs(v), vkd_set(CR_C_GELU_F));
        return v;
      }
      vd t2 = vkd_mul(vkd_mul(a, vkd_set(CR_GELU_RS_H)), E); /* |x| phi(x) */
      *e = vkd_mul(vkd_add(Phi, t2), vkd_set(CR_C_GELU_D));
      return vkd_sel(pos, vkd_add(Phi, t2), vkd_sub(Phi, t2));
    }
    case CR_SOFTPLUS_F:
    case CR_LOGSIG_F: { /* max(s, 0) + log1p(e^-|x|), s = x or -x; logsigmoid -that */
      vd E = cr_exp2(vkd_mul(vkd_min(vkd_set(112.0), cr_dabs(x)), vkd_set(CR_EXP_NLOG2E)));
      vd sx = fn == CR_LOGSIG_F ? vkd_sub(zero, x) : x;
      vd v = vkd_add(vkd_max(sx, zero), cr_log1p(E));
      *e = vkd_mul(v, vkd_set(CR_C_SOFTPLUS_F));
      return fn == CR_LOGSIG_F ? vkd_sub(zero, v) : v;
    }
    case CR_SOFTPLUS_D:
    case CR_LOGSIG_D: { /* sigma(x), sigma(-x) */
      vd v = cr_sig(fn == CR_LOGSIG_D ? vkd_sub(zero, x) : x);
      *e = vkd_mul(v, vkd_set(CR_C_SIG));
      return v;
    }
    case CR_HSIG_F: { /* (t + 3)/6, t = x clamped to [-3, 3] */
      vd t = vkd_max(vkd_set(-3.0), vkd_min(vkd_set(3.0), x));
      vd v = vkd_mul(vkd_add(t, vkd_set(3.0)), sixth);
      *e = vkd_mul(v, vkd_set(CR_C_HSIG_F));
      return v;
    }
    case CR_HSIG_D: { /* 1/6 in (-3, 3) */
      vd v = vkd_sel(vkd_lt(cr_dabs(x), vkd_set(3.0)), sixth, zero);
      *e = vkd_mul(v, vkd_set(CR_C_HSIG_D));
      return v;
    }
    case CR_HSWISH_F: { /* t (t + 3)/6 in (-3, 3), x from 3 on, 0 to -3 */
      vd t = vkd_max(vkd_set(-3.0), vkd_min(vkd_set(3.0), x));
      vd w = vkd_mul(vkd_mul(t, vkd_add(t, vkd_set(3.0))), sixth);
      vdm in = vkd_lt(x, vkd_set(3.0));
      *e = vkd_sel(in, vkd_mul(cr_dabs(w), vkd_set(CR_C_HSWISH_F)), zero);
      /* +0 for x <= -3, as the definition (w is -0 there) */
      return vkd_sel(vkd_lt(vkd_set(-3.0), x), vkd_sel(in, w, x), zero);
    }
    default: { /* CR_HSWISH_D: (2t + 3)/6 in [-3, 3], 0 below, 1 above */
      vd t = vkd_max(vkd_set(-3.0), vkd_min(vkd_set(3.0), x));
      vd w = vkd_mul(vkd_fma(t, vkd_set(2.0), vkd_set(3.0)), sixth);
      vd v = vkd_sel(vkd_lt(x, vkd_set(-3.0)), zero, vkd_sel(vkd_lt(vkd_set(3.0), x), one, w));
      *e = vkd_mul(cr_dabs(v), vkd_set(CR_C_HSWISH_D));
      return v;
    }
  }
}

/* One half, signed: the results of VK_WH lanes in fmt and the lanes
 * decided (|v| -+ e one double further out round alike, |v| - e >= 0, x
 * finite) */
VK_INLINE vh cr_half_signed(int fn, int fmt, vh xh, unsigned *ok) {
  const vd zero = vkd_set(0.0);
  vd x = vkd_cvt(xh), e;
  vd v = cr_core_signed(fn, x, &e);
  vd sg = vkd_and(v, vkd_set(-0.0));
  vd a = cr_dabs(v);
  vd lo = vkd_sub(a, e), hi = vkd_step(vkd_add(a, e), 1);
  unsigned bad = vkd_mbits(vkd_lt(lo, zero));
  bad |= ~vkd_mbits(vkd_lt(cr_dabs(x), vkd_set(__builtin_inf())));
  lo = vkd_sel(vkd_lt(zero, lo), vkd_step(lo, -1), lo);
  vh flo, fhi;
  if (fmt == CR_F32) {
    flo = vkd_cvt_ps(vkd_or(lo, sg));
    fhi = vkd_cvt_ps(vkd_or(hi, sg));
  } else {
    flo = cr_narrow(lo, fmt);
    fhi = cr_narrow(hi, fmt);
  }
  *ok = vkh_same(flo, fhi) & ~bad & ((1u << VK_WH) - 1u);
  return fmt == CR_F32 ? flo : vkh_or(flo, vkd_cvt_ps(sg));
}

VK_INLINE vf cr_block_signed(int fn, int fmt, vf x, unsigned *ok) {
  unsigned ok0, ok1;
  vh r0 = cr_half_signed(fn, fmt, vk_lo(x), &ok0);
  vh r1 = cr_half_signed(fn, fmt, vk_hi(x), &ok1);
  *ok = ok0 | (ok1 << VK_WH);
  return vk_join(r0, r1);
}

/* RN in fmt of f dy (f a value of fmt, dy rounded to it) */
static float cr_times_dy(float f, float dy, int fmt) {
  if (fmt == CR_F32) return f * dy;
  return cr_d_round((double)f * (double)cr_in_fmt(dy, fmt), fmt);
}

/* the undecided lanes of one step, from the scalar slow path */
static __attribute__((noinline)) void cr_fix(int fn, int fmt, vf x, vf dy, int has_dy, unsigned bad,
                                             float *out) {
  float xb[VK_W], db[VK_W];
  vk_store(xb, x);
  vk_store(db, dy);
  while (bad) {
    int l = __builtin_ctz(bad);
    bad &= bad - 1;
    float f = cr_slow(fn, xb[l], fmt);
    out[l] = has_dy ? cr_times_dy(f, db[l], fmt) : f;
  }
}

/* dx = RN(f dy) in fmt */
VK_INLINE vf cr_times(vf f, vf dy, int fmt) {
  if (fmt == CR_F32) return vk_mul(f, dy);
  dy = cr_vin_fmt(dy, fmt);
  vd p0 = vkd_mul(vkd_cvt(vk_lo(f)), vkd_cvt(vk_lo(dy)));
  vd p1 = vkd_mul(vkd_cvt(vk_hi(f)), vkd_cvt(vk_hi(dy)));
  /* the products are exact; round |p| and put the sign back */
  const vd mag = vkd_set(cr_bitsd(0x7fffffffffffffffull));
  vf a = vk_join(cr_narrow(vkd_and(p0, mag), fmt), cr_narrow(vkd_and(p1, mag), fmt));
  vf r = vk_or(a, vk_signbit(vk_xor(f, dy)));
  /* NaN stays NaN (the narrow rounding does not keep it) */
  vf prod = vk_mul(f, dy);
  return vk_sel(vk_isnan(prod), prod, r);
}

/* out = f(x) (dy NULL) or f'(x) dy: whole vectors, then a partial one */
VK_INLINE void cr_run(int fn, int fmt, const float *x, const float *dy, float *out, size_t n) {
  const unsigned all = (1u << VK_W) - 1u;
  size_t i = 0;
  vf dv = vk_set(1.0f);
  for (; i + VK_W <= n; i += VK_W) {
    vf xv = cr_vin_fmt(vk_load(x + i), fmt);
    if (dy) dv = vk_load(dy + i);
    unsigned ok;
    vf r = fn >= CR_ELU_F ? cr_block_signed(fn, fmt, xv, &ok) : cr_block(fn, fmt, xv, &ok);
    if (dy) r = cr_times(r, dv, fmt);
    vk_store(out + i, r);
    unsigned bad = ~ok & all;
    if (__builtin_expect(bad != 0, 0)) cr_fix(fn, fmt, xv, dv, dy != NULL, bad, out + i);
  }
  if (i < n) {
    vk_tail m = vk_tail_mask(n - i);
    vf xv = cr_vin_fmt(vk_load_tail(x + i, m), fmt);
    if (dy) dv = vk_load_tail(dy + i, m);
    unsigned ok;
    vf r = fn >= CR_ELU_F ? cr_block_signed(fn, fmt, xv, &ok) : cr_block(fn, fmt, xv, &ok);
    if (dy) r = cr_times(r, dv, fmt);
    vk_store_tail(out + i, r, m);
    unsigned bad = ~ok & ((1u << (n - i)) - 1u);
    if (bad) cr_fix(fn, fmt, xv, dv, dy != NULL, bad, out + i);
  }
}

/* the kernels of an activation: f and f' in binary32, bfloat16 and binary16;
 * a first parameter other than 1 (sigmoid's slope, elu's alpha, silu's and
 * softplus' beta: HASP 1) by the scalar slow path for every element
 * (cr_sigmoid_slope, cr_elu_alpha, cr_silu_beta, cr_softplus_beta in
 * cr_dd.h) */
#define CR_KERNELS(act, alg, FN, FMT, HASP, PSLOW)                                           \
  void ACT_KERNEL(act, alg, fwd)(const float *x, float *y, size_t n, const act_params *p) {  \
    if (HASP && p && p->a != 1.0f) {                                                         \
      for (size_t i = 0; i < n; i++) y[i] = PSLOW(0, cr_in_fmt(x[i], FMT), p->a, FMT);       \
      return;                                                                                \
    }                                                                                        \
    cr_run(FN##_F, FMT, x, NULL, y, n);                                                      \
  }                                                                                          \
  void ACT_KERNEL(act, alg, bwd)(const float *x, const float *y, const float *dy, float *dx, \
                                 size_t n, const act_params *p) {                            \
    (void)y;                                                                                 \
    if (HASP && p && p->a != 1.0f) {                                                         \
      for (size_t i = 0; i < n; i++)                                                         \
        dx[i] = cr_times_dy(PSLOW(1, cr_in_fmt(x[i], FMT), p->a, FMT), dy[i], FMT);          \
      return;                                                                                \
    }                                                                                        \
    cr_run(FN##_D, FMT, x, dy, dx, n);                                                       \
  }
/* binary32, bfloat16 and binary16; a2 and a512 the algorithm's names */
#define CR_FAMILY(act, a2, a512, FN, HASP, PSLOW)                            \
  CR_KERNELS(act, VK_PICK(a2, a512), FN, CR_F32, HASP, PSLOW)                \
  CR_KERNELS(act, VK_PICK(a2##_bf16, a512##_bf16), FN, CR_BF16, HASP, PSLOW) \
  CR_KERNELS(act, VK_PICK(a2##_f16, a512##_f16), FN, CR_F16, HASP, PSLOW)
static inline float cr_noparam(int deriv, float x, float a, int fmt) {
  (void)deriv, (void)x, (void)a, (void)fmt;
  return 0.0f;
}

CR_FAMILY(sigmoid, cr_f64_lut8_p5_rcpps, cr_f64_lut8_p5_rcp14, CR_SIGMOID, 1, cr_sigmoid_slope)
CR_FAMILY(tanh, cr_f64_lut8_p6_rcpps, cr_f64_lut8_p6_rcp14, CR_TANH, 0, cr_noparam)
CR_FAMILY(elu, cr_f64_lut8_m6, cr_f64_lut8_m6, CR_ELU, 1, cr_elu_alpha)
CR_FAMILY(selu, cr_f64_lut8_m6, cr_f64_lut8_m6, CR_SELU, 0, cr_noparam)
CR_FAMILY(silu, cr_f64_lut8_p5_rcpps, cr_f64_lut8_p5_rcp14, CR_SILU, 1, cr_silu_beta)
CR_FAMILY(gelu, cr_f64_lut8_p5_pw32_p9, cr_f64_lut8_p5_pw32_p9, CR_GELU, 0, cr_noparam)
CR_FAMILY(gelu_tanh, cr_f64_lut8_p5_rcpps, cr_f64_lut8_p5_rcp14, CR_GELUT, 0, cr_noparam)
CR_FAMILY(mish, cr_f64_lut8_p5_rcpps, cr_f64_lut8_p5_rcp14, CR_MISH, 0, cr_noparam)
CR_FAMILY(hardsigmoid, cr_f64, cr_f64, CR_HSIG, 0, cr_noparam)
CR_FAMILY(hardswish, cr_f64, cr_f64, CR_HSWISH, 0, cr_noparam)
CR_FAMILY(softplus, cr_f64_lut8_p5_l32_p7, cr_f64_lut8_p5_l32_p7, CR_SOFTPLUS, 1, cr_softplus_beta)
CR_FAMILY(logsigmoid, cr_f64_lut8_p5_l32_p7, cr_f64_lut8_p5_l32_p7, CR_LOGSIG, 0, cr_noparam)
