/* actbench: correctly rounded sigmoid and tanh, forward and backward, for
 * AVX-512 (F, DQ, BW, VL): binary32, and native bfloat16 and binary16.
 *
 * Sixteen floats at a time, as two halves of eight doubles (double precision
 * keeps the error near 2^-41, far below binary32's 2^-24, so that the
 * rounding test rarely fails):
 *   w = -x/ln2 (sigmoid, x clamped to [-112, 112]) or -2|x|/ln2 (tanh), and
 *   2^w = 2^m 2^(j/8) 2^r, k = 8m + j = RN(8w), r = w - k/8 (Tang's table
 *     method, P. T. P. Tang, ACM TOMS 15(2), 1989: VPERMPD looks up 2^(j/8),
 *     VSCALEFPD applies 2^m);
 *   2^r or 2^r - 1 by the polynomials of coeffs_cr_exp.h (degree 5 for 2^r,
 *     6 for 2^r - 1, which tanh needs to keep its relative accuracy near 0);
 *   sigmoid 1/(1+E) with E = e^-x for every x (no branch on the sign: E up to
 *     2^162 is an ordinary double), sigmoid' E/(1+E)^2, tanh -em/(2+em) with
 *     em = e^-2|x| - 1, tanh' 4E/(1+E)^2 with E = e^-2|x|; the reciprocal by
 *     VRCP14PD and one cubic Newton-Raphson step;
 *   Ziv's rounding test (cr_bounds.h, with the error budget): v -+ W rounded
 *     to the target format must agree; the lanes where they do not, and NaN,
 *     go to the scalar double-double slow path (cr_dd.h): about one lane in
 *     2^15, so about one 16-float step in 2000.
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
 * (activation.h): the tail is done with masked loads and stores, and the slow
 * path reads x and dy from registers saved before the store. */
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "../kernels.h"
#include "cr_bounds.h"
#include "cr_dd.h"

#define AI static inline __attribute__((always_inline))

/* 2^w = 2^m 2^(j/8) 2^r (coeffs_cr_exp.h): kd = k/8 = RN(8w)/8 by adding and
 * subtracting 1.5 2^49 (whose ulp is 1/8), r = w - kd exactly (|r| <= 1/16),
 * 2^(j/8) by VPERMPD (the low three bits of the sum are j), 2^m later by
 * VSCALEFPD (which scales by 2^floor(kd) = 2^m). */
AI void cr512_split(__m512d w, __m512d *T, __m512d *kd, __m512d *r) {
  const __m512d magic = _mm512_set1_pd(0x1.8p49);
  __m512d z = _mm512_add_pd(w, magic);
  *kd = _mm512_sub_pd(z, magic);
  *r = _mm512_sub_pd(w, *kd);
  *T = _mm512_permutexvar_pd(_mm512_castpd_si512(z), _mm512_loadu_pd(cr_exp_t8));
}

/* 2^w for |w| <= 162, by E5 */
AI __m512d cr512_exp2(__m512d w) {
  __m512d T, kd, r;
  cr512_split(w, &T, &kd, &r);
  __m512d q = _mm512_fmadd_pd(_mm512_set1_pd(CR_EXP_E5_C5), r, _mm512_set1_pd(CR_EXP_E5_C4));
  q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(CR_EXP_E5_C3));
  q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(CR_EXP_E5_C2));
  q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(CR_EXP_E5_C1));
  return _mm512_scalef_pd(_mm512_fmadd_pd(_mm512_mul_pd(T, r), q, T), kd);
}

/* 2^w - 1 for -29 <= w <= 0, by M6: (S - 1) + S r q(r), S = 2^m 2^(j/8) */
AI __m512d cr512_exp2m1(__m512d w) {
  __m512d T, kd, r;
  cr512_split(w, &T, &kd, &r);
  __m512d S = _mm512_scalef_pd(T, kd);
  __m512d q = _mm512_fmadd_pd(_mm512_set1_pd(CR_EXP_M6_C6), r, _mm512_set1_pd(CR_EXP_M6_C5));
  q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(CR_EXP_M6_C4));
  q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(CR_EXP_M6_C3));
  q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(CR_EXP_M6_C2));
  q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(CR_EXP_M6_C1));
  return _mm512_fmadd_pd(_mm512_mul_pd(S, r), q, _mm512_sub_pd(S, _mm512_set1_pd(1.0)));
}

/* 1/d for any positive normal d: rcp14, then r0 (1 + e0 + e0^2) */
AI __m512d cr512_rcp(__m512d d) {
  __m512d r0 = _mm512_rcp14_pd(d);
  __m512d e0 = _mm512_fnmadd_pd(d, r0, _mm512_set1_pd(1.0));
  __m512d q = _mm512_fmadd_pd(e0, e0, e0);
  return _mm512_fmadd_pd(r0, q, r0);
}

/* |f| or |f'| at eight lanes from a (the float prologue's clamped x or |x|) */
AI __m512d cr512_core(int fn, __m512d a) {
  const __m512d one = _mm512_set1_pd(1.0);
  switch (fn) {
    case CR_SIGMOID_F: /* 1/(1 + E), E = e^-x */
      return cr512_rcp(_mm512_add_pd(one, cr512_exp2(_mm512_mul_pd(a, _mm512_set1_pd(CR_EXP_NLOG2E)))));
    case CR_SIGMOID_D: { /* E/(1 + E)^2 */
      __m512d E = cr512_exp2(_mm512_mul_pd(a, _mm512_set1_pd(CR_EXP_NLOG2E)));
      __m512d rec = cr512_rcp(_mm512_add_pd(one, E));
      return _mm512_mul_pd(_mm512_mul_pd(E, rec), rec);
    }
    case CR_TANH_D: { /* 4E/(1 + E)^2, E = e^-2|x| */
      __m512d E = cr512_exp2(_mm512_mul_pd(a, _mm512_set1_pd(CR_EXP_N2LOG2E)));
      __m512d rec = cr512_rcp(_mm512_add_pd(one, E));
      return _mm512_scalef_pd(_mm512_mul_pd(_mm512_mul_pd(E, rec), rec), _mm512_set1_pd(2.0));
    }
    default: { /* CR_TANH_F: -em/(2 + em), em = e^-2|x| - 1 */
      __m512d em = cr512_exp2m1(_mm512_mul_pd(a, _mm512_set1_pd(CR_EXP_N2LOG2E)));
      __m512d rec = cr512_rcp(_mm512_add_pd(_mm512_set1_pd(2.0), em));
      return _mm512_fnmadd_pd(em, rec, _mm512_setzero_pd()); /* -em rec >= 0 */
    }
  }
}

AI int64_t cr512_w(int fn) {
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

/* RN in a narrow format of doubles d >= 0 (finite): round-to-odd to binary32
 * (truncate, then set the last bit where inexact), then RN; as floats */
AI __m256 cr512_narrow(__m512d d, int fmt) {
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
}

/* x rounded to the kernel's format (NaN kept) */
AI __m512 cr512_in_fmt(__m512 x, int fmt) {
  if (fmt == CR_BF16) {
    __m512i b = _mm512_castps_si512(x);
    __m512i lsb = _mm512_and_si512(_mm512_srli_epi32(b, 16), _mm512_set1_epi32(1));
    __m512i r = _mm512_add_epi32(b, _mm512_add_epi32(lsb, _mm512_set1_epi32(0x7fff)));
    r = _mm512_and_si512(r, _mm512_set1_epi32((int)0xffff0000u));
    __mmask16 nan = _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q);
    return _mm512_mask_blend_ps(nan, _mm512_castsi512_ps(r), x);
  }
  if (fmt == CR_F16) return _mm512_cvtph_ps(_mm512_cvtps_ph(x, _MM_FROUND_TO_NEAREST_INT));
  return x;
}

/* One half: the result of eight lanes in fmt (|f|) and the lanes decided */
AI __m256 cr512_half(int fn, int fmt, __m256 a, __mmask8 *ok) {
  __m512d v = cr512_core(fn, _mm512_cvtps_pd(a));
  __m512i vb = _mm512_castpd_si512(v), w = _mm512_set1_epi64(cr512_w(fn));
  __m512d lo = _mm512_castsi512_pd(_mm512_sub_epi64(vb, w));
  __m512d hi = _mm512_castsi512_pd(_mm512_add_epi64(vb, w));
  __m256 flo, fhi;
  if (fmt == CR_F32) {
    flo = _mm512_cvtpd_ps(lo);
    fhi = _mm512_cvtpd_ps(hi);
  } else {
    flo = cr512_narrow(lo, fmt);
    fhi = cr512_narrow(hi, fmt);
  }
  *ok = _mm256_cmpeq_epi32_mask(_mm256_castps_si256(flo), _mm256_castps_si256(fhi));
  return flo;
}

/* Sixteen lanes (x already in fmt): the results, and the lanes decided.
 * sigmoid: x clamped to [-112, 112] (beyond, the results round as at the
 * ends: 0 or 1, and f' 0); tanh |x| clamped at 10 (f rounds to 1 from 9.01
 * on), tanh' at 56 (rounds to 0 from 52.3 on).  MIN and MAX return their
 * second operand for a NaN, which keeps x's NaN. */
AI __m512 cr512_block(int fn, int fmt, __m512 x, __mmask16 *ok) {
  const __m512 sign = _mm512_castsi512_ps(_mm512_set1_epi32((int)0x80000000u));
  __m512 a;
  if (fn == CR_TANH_F || fn == CR_TANH_D)
    a = _mm512_min_ps(_mm512_set1_ps(fn == CR_TANH_F ? 10.0f : 56.0f), _mm512_andnot_ps(sign, x));
  else
    a = _mm512_max_ps(_mm512_set1_ps(-112.0f), _mm512_min_ps(_mm512_set1_ps(112.0f), x));
  __mmask8 ok0, ok1;
  __m256 r0 = cr512_half(fn, fmt, _mm512_castps512_ps256(a), &ok0);
  __m256 r1 = cr512_half(fn, fmt, _mm512_extractf32x8_ps(a, 1), &ok1);
  __m512 res = _mm512_insertf32x8(_mm512_castps256_ps512(r0), r1, 1);
  if (fn == CR_TANH_F) res = _mm512_or_ps(res, _mm512_and_ps(x, sign));
  /* NaN lanes always go to the slow path */
  *ok = (__mmask16)(ok0 | (ok1 << 8)) & _mm512_cmp_ps_mask(x, x, _CMP_ORD_Q);
  return res;
}

/* RN in fmt of f dy (f a value of fmt, dy rounded to it) */
static float cr_times_dy(float f, float dy, int fmt) {
  if (fmt == CR_F32) return f * dy;
  return cr_d_round((double)f * (double)cr_in_fmt(dy, fmt), fmt);
}

/* the undecided lanes of one step, from the scalar slow path */
static __attribute__((noinline)) void cr512_fix(int fn, int fmt, __m512 x, __m512 dy, int has_dy,
                                                unsigned bad, float *out) {
  float xb[16], db[16];
  _mm512_storeu_ps(xb, x);
  _mm512_storeu_ps(db, dy);
  while (bad) {
    int l = __builtin_ctz(bad);
    bad &= bad - 1;
    float f = cr_slow(fn, xb[l], fmt);
    out[l] = has_dy ? cr_times_dy(f, db[l], fmt) : f;
  }
}

/* dx = RN(f dy) in fmt, sixteen lanes */
AI __m512 cr512_times(__m512 f, __m512 dy, int fmt) {
  if (fmt == CR_F32) return _mm512_mul_ps(f, dy);
  dy = cr512_in_fmt(dy, fmt);
  __m512d p0 = _mm512_mul_pd(_mm512_cvtps_pd(_mm512_castps512_ps256(f)),
                             _mm512_cvtps_pd(_mm512_castps512_ps256(dy)));
  __m512d p1 = _mm512_mul_pd(_mm512_cvtps_pd(_mm512_extractf32x8_ps(f, 1)),
                             _mm512_cvtps_pd(_mm512_extractf32x8_ps(dy, 1)));
  /* the products are exact; round |p| and put the sign back */
  const __m512d mag = _mm512_castsi512_pd(_mm512_set1_epi64(0x7fffffffffffffffll));
  __m256 a0 = cr512_narrow(_mm512_and_pd(p0, mag), fmt);
  __m256 a1 = cr512_narrow(_mm512_and_pd(p1, mag), fmt);
  __m512 a = _mm512_insertf32x8(_mm512_castps256_ps512(a0), a1, 1);
  const __m512 sign = _mm512_castsi512_ps(_mm512_set1_epi32((int)0x80000000u));
  __m512 s = _mm512_and_ps(_mm512_xor_ps(f, dy), sign);
  __m512 r = _mm512_or_ps(a, s);
  /* NaN stays NaN (the narrow rounding does not keep it) */
  __mmask16 nan = _mm512_cmp_ps_mask(_mm512_mul_ps(f, dy), _mm512_setzero_ps(), _CMP_UNORD_Q);
  return _mm512_mask_blend_ps(nan, r, _mm512_mul_ps(f, dy));
}

AI void cr512_run(int fn, int fmt, const float *x, const float *dy, float *out, size_t n) {
  size_t i = 0;
  __m512 dv = _mm512_set1_ps(1.0f);
  for (; i + 16 <= n; i += 16) {
    __m512 xv = cr512_in_fmt(_mm512_loadu_ps(x + i), fmt);
    if (dy) dv = _mm512_loadu_ps(dy + i);
    __mmask16 ok;
    __m512 r = cr512_block(fn, fmt, xv, &ok);
    if (dy) r = cr512_times(r, dv, fmt);
    _mm512_storeu_ps(out + i, r);
    if (__builtin_expect(ok != 0xffff, 0))
      cr512_fix(fn, fmt, xv, dv, dy != NULL, (unsigned)(uint16_t)~ok, out + i);
  }
  if (i < n) {
    __mmask16 m = (__mmask16)((1u << (n - i)) - 1);
    __m512 xv = cr512_in_fmt(_mm512_maskz_loadu_ps(m, x + i), fmt);
    if (dy) dv = _mm512_mask_loadu_ps(dv, m, dy + i);
    __mmask16 ok;
    __m512 r = cr512_block(fn, fmt, xv, &ok);
    if (dy) r = cr512_times(r, dv, fmt);
    _mm512_mask_storeu_ps(out + i, m, r);
    unsigned bad = (unsigned)(uint16_t)~ok & m;
    if (bad) cr512_fix(fn, fmt, xv, dv, dy != NULL, bad, out + i);
  }
}

#define CR512_KERNELS(name, FN, FMT)                                                           \
  void name##_fwd_avx512(const float *x, float *y, size_t n, const act_params *p) {            \
    if (FN##_F == CR_SIGMOID_F && p && p->a != 1.0f) {                                         \
      for (size_t i = 0; i < n; i++) y[i] = cr_sigmoid_slope(0, cr_in_fmt(x[i], FMT), p->a, FMT); \
      return;                                                                                  \
    }                                                                                          \
    cr512_run(FN##_F, FMT, x, NULL, y, n);                                                     \
  }                                                                                            \
  void name##_bwd_avx512(const float *x, const float *y, const float *dy, float *dx, size_t n, \
                         const act_params *p) {                                                \
    (void)y;                                                                                   \
    if (FN##_D == CR_SIGMOID_D && p && p->a != 1.0f) {                                         \
      for (size_t i = 0; i < n; i++)                                                           \
        dx[i] = cr_times_dy(cr_sigmoid_slope(1, cr_in_fmt(x[i], FMT), p->a, FMT), dy[i], FMT); \
      return;                                                                                  \
    }                                                                                          \
    cr512_run(FN##_D, FMT, x, dy, dx, n);                                                      \
  }

CR512_KERNELS(act_sigmoid_cr, CR_SIGMOID, CR_F32)
CR512_KERNELS(act_sigmoid_cr_bf16, CR_SIGMOID, CR_BF16)
CR512_KERNELS(act_sigmoid_cr_f16, CR_SIGMOID, CR_F16)
CR512_KERNELS(act_tanh_cr, CR_TANH, CR_F32)
CR512_KERNELS(act_tanh_cr_bf16, CR_TANH, CR_BF16)
CR512_KERNELS(act_tanh_cr_f16, CR_TANH, CR_F16)
