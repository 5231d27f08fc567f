/* actbench: correctly rounded sigmoid and tanh, forward and backward, for
 * AVX2+FMA (with F16C): binary32, and native bfloat16 and binary16.
 *
 * The algorithm of avx512_cr.c (see there, and cr_bounds.h for the error
 * budget and the rounding test) on eight floats at a time, as two halves of
 * four doubles, with what AVX2 has instead of AVX-512's instructions:
 *   x's sign taken out (AVX2 has no reciprocal estimate for doubles, and
 *     RCPPS needs d = 1 + e^-|x| in [1, 2]): sigmoid is e/(1+e) for x < 0;
 *   the table 2^(j/8) by two VPERMD and a VPBLENDD (no VPERMPD with a vector
 *     index), 2^m added to the exponent field (no VSCALEFPD);
 *   the reciprocal from RCPPS on the value rounded to binary32
 *     (|1 - d r0| <= 1.5 2^-12 + 2^-24 < 2^-11.4), then one quartic
 *     Newton-Raphson step r0 (1 + e0 + e0^2 + e0^3), truncation
 *     e0^4/(1 - e0) < 1.9e-14, below the 2.2741e-13 that cr_bounds.h budgets
 *     for VRCP14PD's cubic step, so the same widths W hold;
 *   round-to-odd to binary32 (for the narrow formats) from RN: one below
 *     where RN went up, then the last bit set where inexact;
 *   the tail through a small buffer. */
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../kernels.h"
#include "cr_bounds.h"
#include "cr_dd.h"

#define AI static inline __attribute__((always_inline))

/* 2^w = 2^m 2^(j/8) 2^r as in avx512_cr.c: kd = k/8 by adding and subtracting
 * 1.5 2^49, r = w - kd exactly; 2^(j/8) from the table's low and high dwords
 * by VPERMD (j, the low three bits of the sum, in both dwords of a lane:
 * VPSHUFD) and VPBLENDD; 2^m added to the exponent field as (k >> 3) << 52. */
AI void cr256_split(__m256d w, __m256d *T, __m256i *m52, __m256d *r) {
  const __m256d magic = _mm256_set1_pd(0x1.8p49);
  __m256d z = _mm256_add_pd(w, magic);
  *r = _mm256_sub_pd(w, _mm256_sub_pd(z, magic));
  __m256i zi = _mm256_castpd_si256(z);
  __m256i idx = _mm256_shuffle_epi32(zi, _MM_SHUFFLE(2, 2, 0, 0));
  const __m256i tlo = _mm256_setr_epi32(
      (int)cr_dbits(cr_exp_t8[0]), (int)cr_dbits(cr_exp_t8[1]), (int)cr_dbits(cr_exp_t8[2]),
      (int)cr_dbits(cr_exp_t8[3]), (int)cr_dbits(cr_exp_t8[4]), (int)cr_dbits(cr_exp_t8[5]),
      (int)cr_dbits(cr_exp_t8[6]), (int)cr_dbits(cr_exp_t8[7]));
  const __m256i thi = _mm256_setr_epi32(
      (int)(cr_dbits(cr_exp_t8[0]) >> 32), (int)(cr_dbits(cr_exp_t8[1]) >> 32),
      (int)(cr_dbits(cr_exp_t8[2]) >> 32), (int)(cr_dbits(cr_exp_t8[3]) >> 32),
      (int)(cr_dbits(cr_exp_t8[4]) >> 32), (int)(cr_dbits(cr_exp_t8[5]) >> 32),
      (int)(cr_dbits(cr_exp_t8[6]) >> 32), (int)(cr_dbits(cr_exp_t8[7]) >> 32));
  __m256i t = _mm256_blend_epi32(_mm256_permutevar8x32_epi32(tlo, idx),
                                 _mm256_permutevar8x32_epi32(thi, idx), 0xaa);
  *T = _mm256_castsi256_pd(t);
  *m52 = _mm256_slli_epi64(_mm256_srli_epi64(zi, 3), 52);
}

AI __m256d cr256_scale(__m256d v, __m256i m52) {
  return _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(v), m52));
}

/* 2^w for -162 <= w <= 0, by E5 */
AI __m256d cr256_exp2(__m256d w) {
  __m256d T, r;
  __m256i m52;
  cr256_split(w, &T, &m52, &r);
  __m256d q = _mm256_fmadd_pd(_mm256_set1_pd(CR_EXP_E5_C5), r, _mm256_set1_pd(CR_EXP_E5_C4));
  q = _mm256_fmadd_pd(q, r, _mm256_set1_pd(CR_EXP_E5_C3));
  q = _mm256_fmadd_pd(q, r, _mm256_set1_pd(CR_EXP_E5_C2));
  q = _mm256_fmadd_pd(q, r, _mm256_set1_pd(CR_EXP_E5_C1));
  return cr256_scale(_mm256_fmadd_pd(_mm256_mul_pd(T, r), q, T), m52);
}

/* 2^w - 1 for -29 <= w <= 0, by M6 */
AI __m256d cr256_exp2m1(__m256d w) {
  __m256d T, r;
  __m256i m52;
  cr256_split(w, &T, &m52, &r);
  __m256d S = cr256_scale(T, m52);
  __m256d q = _mm256_fmadd_pd(_mm256_set1_pd(CR_EXP_M6_C6), r, _mm256_set1_pd(CR_EXP_M6_C5));
  q = _mm256_fmadd_pd(q, r, _mm256_set1_pd(CR_EXP_M6_C4));
  q = _mm256_fmadd_pd(q, r, _mm256_set1_pd(CR_EXP_M6_C3));
  q = _mm256_fmadd_pd(q, r, _mm256_set1_pd(CR_EXP_M6_C2));
  q = _mm256_fmadd_pd(q, r, _mm256_set1_pd(CR_EXP_M6_C1));
  return _mm256_fmadd_pd(_mm256_mul_pd(S, r), q, _mm256_sub_pd(S, _mm256_set1_pd(1.0)));
}

/* 1/d, d in [1, 2] */
AI __m256d cr256_rcp(__m256d d) {
  __m256d r0 = _mm256_cvtps_pd(_mm_rcp_ps(_mm256_cvtpd_ps(d)));
  __m256d e0 = _mm256_fnmadd_pd(d, r0, _mm256_set1_pd(1.0));
  __m256d q = _mm256_fmadd_pd(e0, _mm256_fmadd_pd(e0, e0, e0), e0);
  return _mm256_fmadd_pd(r0, q, r0);
}

/* |f| or |f'| at four lanes from a = min(|x|, clamp); neg: all-ones where
 * x < 0 */
AI __m256d cr256_core(int fn, __m256d a, __m256d neg) {
  const __m256d one = _mm256_set1_pd(1.0);
  switch (fn) {
    case CR_SIGMOID_F: { /* x >= 0: 1/(1+E), x < 0: E/(1+E), E = e^-|x| */
      __m256d E = cr256_exp2(_mm256_mul_pd(a, _mm256_set1_pd(CR_EXP_NLOG2E)));
      __m256d rec = cr256_rcp(_mm256_add_pd(one, E));
      return _mm256_mul_pd(_mm256_blendv_pd(one, E, neg), rec);
    }
    case CR_SIGMOID_D: {
      __m256d E = cr256_exp2(_mm256_mul_pd(a, _mm256_set1_pd(CR_EXP_NLOG2E)));
      __m256d rec = cr256_rcp(_mm256_add_pd(one, E));
      return _mm256_mul_pd(_mm256_mul_pd(E, rec), rec);
    }
    case CR_TANH_D: {
      __m256d E = cr256_exp2(_mm256_mul_pd(a, _mm256_set1_pd(CR_EXP_N2LOG2E)));
      __m256d rec = cr256_rcp(_mm256_add_pd(one, E));
      return _mm256_mul_pd(_mm256_mul_pd(E, rec), _mm256_mul_pd(rec, _mm256_set1_pd(4.0)));
    }
    default: { /* CR_TANH_F */
      __m256d em = cr256_exp2m1(_mm256_mul_pd(a, _mm256_set1_pd(CR_EXP_N2LOG2E)));
      __m256d rec = cr256_rcp(_mm256_add_pd(_mm256_set1_pd(2.0), em));
      return _mm256_fnmadd_pd(em, rec, _mm256_setzero_pd());
    }
  }
}

AI int64_t cr256_w(int fn) {
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

/* the low dwords of four 64-bit lanes */
AI __m128i cr256_lo32(__m256i v) {
  return _mm256_castsi256_si128(
      _mm256_permutevar8x32_epi32(v, _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6)));
}

/* RN in a narrow format of doubles d >= 0 (finite), as floats */
AI __m128 cr256_narrow(__m256d d, int fmt) {
  __m128 f = _mm256_cvtpd_ps(d);
  __m256d b = _mm256_cvtps_pd(f);
  __m128i up = cr256_lo32(_mm256_castpd_si256(_mm256_cmp_pd(b, d, _CMP_GT_OQ)));
  __m128i ne = cr256_lo32(_mm256_castpd_si256(_mm256_cmp_pd(b, d, _CMP_NEQ_UQ)));
  __m128i u = _mm_add_epi32(_mm_castps_si128(f), up); /* truncated */
  u = _mm_or_si128(u, _mm_and_si128(ne, _mm_set1_epi32(1)));
  if (fmt == CR_BF16) {
    __m128i lsb = _mm_and_si128(_mm_srli_epi32(u, 16), _mm_set1_epi32(1));
    u = _mm_add_epi32(u, _mm_add_epi32(lsb, _mm_set1_epi32(0x7fff)));
    return _mm_castsi128_ps(_mm_and_si128(u, _mm_set1_epi32((int)0xffff0000u)));
  }
  return _mm_cvtph_ps(_mm_cvtps_ph(_mm_castsi128_ps(u), _MM_FROUND_TO_NEAREST_INT));
}

AI __m256 cr256_in_fmt(__m256 x, int fmt) {
  if (fmt == CR_BF16) {
    __m256i b = _mm256_castps_si256(x);
    __m256i lsb = _mm256_and_si256(_mm256_srli_epi32(b, 16), _mm256_set1_epi32(1));
    __m256i r = _mm256_add_epi32(b, _mm256_add_epi32(lsb, _mm256_set1_epi32(0x7fff)));
    r = _mm256_and_si256(r, _mm256_set1_epi32((int)0xffff0000u));
    return _mm256_blendv_ps(_mm256_castsi256_ps(r), x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
  }
  if (fmt == CR_F16) return _mm256_cvtph_ps(_mm256_cvtps_ph(x, _MM_FROUND_TO_NEAREST_INT));
  return x;
}

AI __m128 cr256_half(int fn, int fmt, __m128 af, __m128 negf, int *ok) {
  __m256d neg = _mm256_castsi256_pd(_mm256_cvtepi32_epi64(_mm_castps_si128(negf)));
  __m256d v = cr256_core(fn, _mm256_cvtps_pd(af), neg);
  __m256i vb = _mm256_castpd_si256(v), w = _mm256_set1_epi64x(cr256_w(fn));
  __m256d lo = _mm256_castsi256_pd(_mm256_sub_epi64(vb, w));
  __m256d hi = _mm256_castsi256_pd(_mm256_add_epi64(vb, w));
  __m128 flo, fhi;
  if (fmt == CR_F32) {
    flo = _mm256_cvtpd_ps(lo);
    fhi = _mm256_cvtpd_ps(hi);
  } else {
    flo = cr256_narrow(lo, fmt);
    fhi = cr256_narrow(hi, fmt);
  }
  *ok = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(_mm_castps_si128(flo), _mm_castps_si128(fhi))));
  return flo;
}

/* Eight lanes (x already in fmt): the results, and the lanes decided */
AI __m256 cr256_block(int fn, int fmt, __m256 x, int *ok) {
  const __m256 sign = _mm256_castsi256_ps(_mm256_set1_epi32((int)0x80000000u));
  float lim = fn == CR_TANH_F ? 10.0f : fn == CR_TANH_D ? 56.0f : 112.0f;
  __m256 t = _mm256_min_ps(_mm256_set1_ps(lim), _mm256_andnot_ps(sign, x));
  __m256 neg = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_LT_OQ);
  int ok0, ok1;
  __m128 r0 = cr256_half(fn, fmt, _mm256_castps256_ps128(t), _mm256_castps256_ps128(neg), &ok0);
  __m128 r1 = cr256_half(fn, fmt, _mm256_extractf128_ps(t, 1), _mm256_extractf128_ps(neg, 1), &ok1);
  __m256 res = _mm256_insertf128_ps(_mm256_castps128_ps256(r0), r1, 1);
  if (fn == CR_TANH_F) res = _mm256_or_ps(res, _mm256_and_ps(x, sign));
  *ok = (ok0 | (ok1 << 4)) & _mm256_movemask_ps(_mm256_cmp_ps(x, x, _CMP_ORD_Q));
  return res;
}

static float cr_times_dy(float f, float dy, int fmt) {
  if (fmt == CR_F32) return f * dy;
  return cr_d_round((double)f * (double)cr_in_fmt(dy, fmt), fmt);
}

static __attribute__((noinline)) void cr256_fix(int fn, int fmt, __m256 x, __m256 dy, int has_dy,
                                                unsigned bad, float *out) {
  float xb[8], db[8];
  _mm256_storeu_ps(xb, x);
  _mm256_storeu_ps(db, dy);
  while (bad) {
    int l = __builtin_ctz(bad);
    bad &= bad - 1;
    float f = cr_slow(fn, xb[l], fmt);
    out[l] = has_dy ? cr_times_dy(f, db[l], fmt) : f;
  }
}

AI __m256 cr256_times(__m256 f, __m256 dy, int fmt) {
  if (fmt == CR_F32) return _mm256_mul_ps(f, dy);
  dy = cr256_in_fmt(dy, fmt);
  const __m256d mag = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7fffffffffffffffll));
  __m256d p0 = _mm256_mul_pd(_mm256_cvtps_pd(_mm256_castps256_ps128(f)),
                             _mm256_cvtps_pd(_mm256_castps256_ps128(dy)));
  __m256d p1 = _mm256_mul_pd(_mm256_cvtps_pd(_mm256_extractf128_ps(f, 1)),
                             _mm256_cvtps_pd(_mm256_extractf128_ps(dy, 1)));
  __m128 a0 = cr256_narrow(_mm256_and_pd(p0, mag), fmt);
  __m128 a1 = cr256_narrow(_mm256_and_pd(p1, mag), fmt);
  __m256 a = _mm256_insertf128_ps(_mm256_castps128_ps256(a0), a1, 1);
  const __m256 sign = _mm256_castsi256_ps(_mm256_set1_epi32((int)0x80000000u));
  __m256 r = _mm256_or_ps(a, _mm256_and_ps(_mm256_xor_ps(f, dy), sign));
  __m256 prod = _mm256_mul_ps(f, dy);
  return _mm256_blendv_ps(r, prod, _mm256_cmp_ps(prod, prod, _CMP_UNORD_Q));
}

AI void cr256_step(int fn, int fmt, const float *x, const float *dy, float *out, unsigned mask) {
  __m256 xv = cr256_in_fmt(_mm256_loadu_ps(x), fmt);
  __m256 dv = dy ? _mm256_loadu_ps(dy) : _mm256_set1_ps(1.0f);
  int ok;
  __m256 r = cr256_block(fn, fmt, xv, &ok);
  if (dy) r = cr256_times(r, dv, fmt);
  _mm256_storeu_ps(out, r);
  unsigned bad = (unsigned)~ok & mask;
  if (__builtin_expect(bad != 0, 0)) cr256_fix(fn, fmt, xv, dv, dy != NULL, bad, out);
}

AI void cr256_run(int fn, int fmt, const float *x, const float *dy, float *out, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) cr256_step(fn, fmt, x + i, dy ? dy + i : NULL, out + i, 0xffu);
  if (i < n) {
    size_t k = n - i;
    float xb[8] = {0}, db[8] = {0}, ob[8];
    memcpy(xb, x + i, k * sizeof(float));
    if (dy) memcpy(db, dy + i, k * sizeof(float));
    cr256_step(fn, fmt, xb, dy ? db : NULL, ob, (1u << k) - 1);
    memcpy(out + i, ob, k * sizeof(float));
  }
}

#define CR256_KERNELS(name, FN, FMT)                                                         \
  void name##_fwd_avx2(const float *x, float *y, size_t n, const act_params *p) {            \
    if (FN##_F == CR_SIGMOID_F && p && p->a != 1.0f) {                                         \
      for (size_t i = 0; i < n; i++) y[i] = cr_sigmoid_slope(0, cr_in_fmt(x[i], FMT), p->a, FMT); \
      return;                                                                                  \
    }                                                                                          \
    cr256_run(FN##_F, FMT, x, NULL, y, n);                                                   \
  }                                                                                          \
  void name##_bwd_avx2(const float *x, const float *y, const float *dy, float *dx, size_t n, \
                       const act_params *p) {                                                \
    (void)y;                                                                                   \
    if (FN##_D == CR_SIGMOID_D && p && p->a != 1.0f) {                                         \
      for (size_t i = 0; i < n; i++)                                                           \
        dx[i] = cr_times_dy(cr_sigmoid_slope(1, cr_in_fmt(x[i], FMT), p->a, FMT), dy[i], FMT); \
      return;                                                                                  \
    }                                                                                          \
    cr256_run(FN##_D, FMT, x, dy, dx, n);                                                    \
  }

CR256_KERNELS(act_sigmoid_cr, CR_SIGMOID, CR_F32)
CR256_KERNELS(act_sigmoid_cr_bf16, CR_SIGMOID, CR_BF16)
CR256_KERNELS(act_sigmoid_cr_f16, CR_SIGMOID, CR_F16)
CR256_KERNELS(act_tanh_cr, CR_TANH, CR_F32)
CR256_KERNELS(act_tanh_cr_bf16, CR_TANH, CR_BF16)
CR256_KERNELS(act_tanh_cr_f16, CR_TANH, CR_F16)
