/* actbench: tanh and its derivative on 8 floats with AVX2 and FMA
 * intrinsics, static inline for impls/tanh/avx2_*.c and
 * impls/gelu_tanh/avx2_*.c (files compiled with the AVX2 flags).  The same
 * algorithms as impls/tanh/tanh_avx512.h with what AVX2 has: an 8-entry
 * table (lut8, one vpermps), vrcpps (12 bits) or a true division for the
 * reciprocal, no vscalefps (exponents built with integer adds), blends on
 * vector masks.  The error analysis is in impls/tanh/avx2_lut8.c and
 * impls/tanh/avx2_rational.c. */
#ifndef ACTBENCH_TANH_AVX2_H
#define ACTBENCH_TANH_AVX2_H

#include <immintrin.h>
#include <stdint.h>

#include "tanh/coeffs_tanh_exp.h"
#include "tanh/coeffs_tanh_odd.h"
#include "tanh/coeffs_tanh_rational.h"

#define TANH_INLINE __attribute__((always_inline)) static inline

/* A lane mask for the first m < 8 lanes, for vmaskmovps. */
static inline __m256i tanh256_tail_mask(size_t m) {
  const __m256i idx = _mm256_set_epi32(7, 6, 5, 4, 3, 2, 1, 0);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)m), idx);
}

/* The lut8 tables (see tanh512_tables): neg = bits of -2^(i/8) minus i << 20,
 * pos = 2^(i/8), rel = relative rounding errors of the entries. */
typedef struct {
  __m256 neg, pos, rel;
} tanh256_tables;

static inline tanh256_tables tanh256_tables_load(void) {
  static const float t[8] = TANH_LUT8;
  static const float rel[8] = TANH_LUT8_REL;
  tanh256_tables c;
  const __m256i idx = _mm256_set_epi32(7, 6, 5, 4, 3, 2, 1, 0);
  c.pos = _mm256_loadu_ps(t);
  c.neg = _mm256_castsi256_ps(
      _mm256_sub_epi32(_mm256_or_si256(_mm256_castps_si256(c.pos), _mm256_set1_epi32(INT32_MIN)),
                       _mm256_slli_epi32(idx, 20)));
  c.rel = _mm256_loadu_ps(rel);
  return c;
}

/* tanh for |x| >= about 1/2: 1 - 2e/(1+e), e = exp(-2|x|) with the lut8 exp
 * (p4: degree 4, else degree 3), the table correction (corr), and
 * 1/(1+e) by a true division refined by one Newton step on the exact
 * residual (div), or vrcpps and two such steps.  x's sign is put back. */
TANH_INLINE __m256 tanh256_lut8_big(__m256 x, __m256 z, const tanh256_tables *c, int corr, int p4,
                                    int div) {
  const __m256 one = _mm256_set1_ps(1.0f);
  const __m256 magic = _mm256_set1_ps(0x1.8p23f);
  const __m256 sign = _mm256_castsi256_ps(_mm256_set1_epi32(INT32_MIN));
  __m256 zc = _mm256_min_ps(_mm256_set1_ps(9.5f), z);
  __m256 kb = _mm256_fmadd_ps(zc, _mm256_set1_ps(TANH_M2N_LN2_8), magic);
  __m256 kf = _mm256_sub_ps(kb, magic);
  __m256 r = _mm256_fmadd_ps(kf, _mm256_set1_ps(TANH_LN2_2N_8), zc);
  __m256i kbi = _mm256_castps_si256(kb);
  __m256 s = _mm256_castsi256_ps(_mm256_add_epi32(
      _mm256_castps_si256(_mm256_permutevar8x32_ps(c->neg, kbi)), _mm256_slli_epi32(kbi, 20)));
  __m256 q;
  if (p4) {
    q = _mm256_fmadd_ps(_mm256_set1_ps(TANH_EXPM2_LUT8P4_Q3), r,
                        _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q2));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q1));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q0));
  } else {
    q = _mm256_fmadd_ps(_mm256_set1_ps(TANH_EXPM2_LUT8_Q2), r, _mm256_set1_ps(TANH_EXPM2_LUT8_Q1));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(TANH_EXPM2_LUT8_Q0));
  }
  __m256 en;
  if (corr)
    en = _mm256_fmadd_ps(s, _mm256_fmadd_ps(r, q, _mm256_permutevar8x32_ps(c->rel, kbi)), s);
  else
    en = _mm256_fmadd_ps(_mm256_mul_ps(s, r), q, s);
  __m256 d = _mm256_sub_ps(one, en);
  __m256 R;
  if (div) {
    R = _mm256_div_ps(one, d);
  } else {
    R = _mm256_rcp_ps(d);
    R = _mm256_fmadd_ps(R, _mm256_fmadd_ps(en, R, _mm256_sub_ps(one, R)), R);
  }
  R = _mm256_fmadd_ps(R, _mm256_fmadd_ps(en, R, _mm256_sub_ps(one, R)), R);
  __m256 y = _mm256_fmadd_ps(en, _mm256_add_ps(R, R), one);
  return _mm256_or_ps(y, _mm256_and_ps(x, sign));
}

/* x + x^3 P(x^2) (odd degree 13) below 0.7, the exp branch beyond:
 * accurate = 1: the table correction and the degree-4 exp polynomial;
 * accurate = 0: neither (fewer operations, a larger error). */
TANH_INLINE __m256 tanh256_p13_lut8(__m256 x, const tanh256_tables *c, int accurate) {
  __m256 z = _mm256_andnot_ps(_mm256_castsi256_ps(_mm256_set1_epi32(INT32_MIN)), x);
  __m256 yb = tanh256_lut8_big(x, z, c, accurate, accurate, 1);
  __m256 s = _mm256_mul_ps(x, x);
  __m256 x3 = _mm256_mul_ps(s, x);
  __m256 P = _mm256_fmadd_ps(_mm256_set1_ps(TANH_ODD13_C5), s, _mm256_set1_ps(TANH_ODD13_C4));
  P = _mm256_fmadd_ps(P, s, _mm256_set1_ps(TANH_ODD13_C3));
  P = _mm256_fmadd_ps(P, s, _mm256_set1_ps(TANH_ODD13_C2));
  P = _mm256_fmadd_ps(P, s, _mm256_set1_ps(TANH_ODD13_C1));
  P = _mm256_fmadd_ps(P, s, _mm256_set1_ps(TANH_ODD13_C0));
  __m256 ys = _mm256_fmadd_ps(x3, P, x);
  __m256 small = _mm256_cmp_ps(z, _mm256_set1_ps(TANH_ODD13_BOUND), _CMP_LT_OQ);
  return _mm256_blendv_ps(yb, ys, small);
}

/* sech^2 x = 4e/(1+e)^2 as in tanh512_sech2, with the lut8 exp (rr2, p4)
 * and without vscalefps: 2^j for e (j clamped to -126, where e no longer
 * matters in 1 + e) and 2^(j+64) for the result, which is formed as
 * (g 2^-62) 2^(j+64) so that a subnormal result is rounded once. */
TANH_INLINE __m256 tanh256_sech2(__m256 x, const tanh256_tables *c, int div) {
  const __m256 one = _mm256_set1_ps(1.0f);
  const __m256 magic = _mm256_set1_ps(0x1.8p23f);
  __m256 z = _mm256_andnot_ps(_mm256_castsi256_ps(_mm256_set1_epi32(INT32_MIN)), x);
  z = _mm256_min_ps(_mm256_set1_ps(64.0f), z);
  __m256 kb = _mm256_fmadd_ps(z, _mm256_set1_ps(TANH_M2N_LN2_8), magic);
  __m256 kf = _mm256_sub_ps(kb, magic);
  __m256 r = _mm256_fmadd_ps(kf, _mm256_set1_ps(TANH_LN2_2N_8_HI), z);
  r = _mm256_fmadd_ps(kf, _mm256_set1_ps(TANH_LN2_2N_8_LO), r);
  __m256i kbi = _mm256_castps_si256(kb);
  __m256 t = _mm256_permutevar8x32_ps(c->pos, kbi);
  __m256 q = _mm256_fmadd_ps(_mm256_set1_ps(TANH_EXPM2_LUT8P4_Q3), r,
                             _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q2));
  q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q1));
  q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q0));
  __m256 w = _mm256_fmadd_ps(r, q, _mm256_permutevar8x32_ps(c->rel, kbi)); /* e = 2^j t (1+w) */
  /* j << 23 from the low bits of k: (k << 20) with i's bits cleared */
  __m256i j23 = _mm256_and_si256(_mm256_slli_epi32(kbi, 20), _mm256_set1_epi32((int)0xff800000u));
  __m256 sj = _mm256_castsi256_ps(_mm256_add_epi32(
      _mm256_max_epi32(j23, _mm256_set1_epi32(-126 * (1 << 23))), _mm256_set1_epi32(127 << 23)));
  __m256 sj64 = _mm256_castsi256_ps(_mm256_add_epi32(j23, _mm256_set1_epi32((127 + 64) << 23)));
  __m256 eh = _mm256_mul_ps(t, sj);
  __m256 el = _mm256_mul_ps(_mm256_mul_ps(t, w), sj);
  /* 1 + e = dh + dl exactly (Fast2Sum) up to the rounding of el */
  __m256 dh = _mm256_add_ps(one, eh);
  __m256 dl = _mm256_add_ps(_mm256_sub_ps(eh, _mm256_sub_ps(dh, one)), el);
  __m256 d = _mm256_add_ps(dh, dl);
  __m256 R0;
  if (div) {
    R0 = _mm256_div_ps(one, d);
  } else {
    R0 = _mm256_rcp_ps(d);
    R0 = _mm256_fmadd_ps(R0, _mm256_fnmadd_ps(d, R0, one), R0);
  }
  /* h = 1 - (1+e) R0, accurate relative to itself */
  __m256 h = _mm256_fnmadd_ps(dl, R0, _mm256_fnmadd_ps(dh, R0, one));
  __m256 a = _mm256_mul_ps(t, R0);
  __m256 al = _mm256_fmsub_ps(t, R0, a);
  __m256 b = _mm256_mul_ps(a, R0);
  __m256 bl = _mm256_fmadd_ps(al, R0, _mm256_fmsub_ps(a, R0, b));
  __m256 u = _mm256_fmadd_ps(_mm256_fmadd_ps(h, w, h), _mm256_set1_ps(2.0f), w);
  __m256 g = _mm256_add_ps(b, _mm256_fmadd_ps(b, u, bl));
  return _mm256_mul_ps(_mm256_mul_ps(g, _mm256_set1_ps(0x1p-62f)), sj64);
}

/* The rational 9/8, as tanh512_r98. */
TANH_INLINE __m256 tanh256_r98(__m256 x, int div) {
  const __m256 b = _mm256_set1_ps(TANH_R98_BOUND);
  const __m256 one = _mm256_set1_ps(1.0f);
  __m256 xc = _mm256_max_ps(_mm256_set1_ps(-TANH_R98_BOUND), _mm256_min_ps(b, x));
  __m256 s = _mm256_mul_ps(xc, xc);
  __m256 P = _mm256_fmadd_ps(_mm256_set1_ps(TANH_R98_P4), s, _mm256_set1_ps(TANH_R98_P3));
  P = _mm256_fmadd_ps(P, s, _mm256_set1_ps(TANH_R98_P2));
  P = _mm256_fmadd_ps(P, s, _mm256_set1_ps(TANH_R98_P1));
  P = _mm256_fmadd_ps(P, s, _mm256_set1_ps(TANH_R98_P0));
  __m256 Q = _mm256_fmadd_ps(_mm256_set1_ps(TANH_R98_Q4), s, _mm256_set1_ps(TANH_R98_Q3));
  Q = _mm256_fmadd_ps(Q, s, _mm256_set1_ps(TANH_R98_Q2));
  Q = _mm256_fmadd_ps(Q, s, _mm256_set1_ps(TANH_R98_Q1));
  Q = _mm256_fmadd_ps(Q, s, _mm256_set1_ps(TANH_R98_Q0));
  __m256 p = _mm256_mul_ps(xc, P);
  __m256 y;
  if (div) {
    y = _mm256_div_ps(p, Q);
  } else {
    /* vrcpps has 12 bits: two Newton steps on the quotient */
    __m256 R0 = _mm256_rcp_ps(Q);
    R0 = _mm256_fmadd_ps(R0, _mm256_fnmadd_ps(Q, R0, one), R0);
    __m256 y0 = _mm256_mul_ps(p, R0);
    y = _mm256_fmadd_ps(_mm256_fnmadd_ps(Q, y0, p), R0, y0);
  }
  return _mm256_max_ps(_mm256_set1_ps(-1.0f), _mm256_min_ps(one, y));
}

#endif
