/* actbench: tanh and its derivative on 16 floats with AVX-512 intrinsics,
 * static inline for impls/tanh/avx512_*.c and impls/gelu_tanh/avx512_*.c
 * (files compiled with the AVX-512 flags).  The algorithms and their error
 * analysis are described where the kernels are defined:
 * impls/tanh/avx512_lut16.c (tanh512_p13_lut16, tanh512_p11_lut16,
 * tanh512_lut16_big, tanh512_sech2) and impls/tanh/avx512_rational.c
 * (tanh512_r98). */
#ifndef ACTBENCH_TANH_AVX512_H
#define ACTBENCH_TANH_AVX512_H

#include <immintrin.h>
#include <stdint.h>

#include "tanh/coeffs_tanh_exp.h"
#include "tanh/coeffs_tanh_odd.h"
#include "tanh/coeffs_tanh_rational.h"

#define TANH_INLINE __attribute__((always_inline)) static inline

/* (a & m) | (b & ~m) for every bit: a's sign with b's magnitude when m is
 * the sign mask */
TANH_INLINE __m512 tanh512_bitsel(__m512 m, __m512 a, __m512 b) {
  return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(
      _mm512_castps_si512(m), _mm512_castps_si512(a), _mm512_castps_si512(b), 0xCA));
}

/* The tables of the lut16 exp in registers (prepared once per call):
 * neg  = the bits of -2^(i/16) minus i << 19, so that adding the bits of the
 *        magic-number k (shifted left by 19) gives -2^(k/16) exactly (the
 *        low four bits of k cancel the i << 19, the rest is floor(k/16) in
 *        the exponent field);
 * pos  = 2^(i/16) (for the derivative, scaled with vscalefps);
 * rel  = the relative rounding error of each entry. */
typedef struct {
  __m512i neg;
  __m512 pos, rel;
} tanh512_tables;

static inline tanh512_tables tanh512_tables_load(void) {
  static const float t[16] = TANH_LUT16;
  static const float rel[16] = TANH_LUT16_REL;
  tanh512_tables c;
  const __m512i idx = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  c.pos = _mm512_loadu_ps(t);
  c.neg =
      _mm512_sub_epi32(_mm512_or_si512(_mm512_castps_si512(c.pos), _mm512_set1_epi32(INT32_MIN)),
                       _mm512_slli_epi32(idx, 19));
  c.rel = _mm512_loadu_ps(rel);
  return c;
}

/* tanh for |x| >= about 1/2, as 1 - 2e/(1+e), e = exp(-2|x|) (the caller
 * selects the small-|x| branch where it applies); corr: correct the table's
 * rounding error.  Returns the value with x's sign. */
TANH_INLINE __m512 tanh512_lut16_big(__m512 x, __m512 z, const tanh512_tables *c, int corr) {
  const __m512 one = _mm512_set1_ps(1.0f);
  const __m512 magic = _mm512_set1_ps(0x1.8p23f);
  /* z clamped to 9.5, where 2e < 2^-26 and tanh rounds to 1; NaN stays NaN
   * (vminps returns its second operand when one is NaN) */
  __m512 zc = _mm512_min_ps(_mm512_set1_ps(9.5f), z);
  __m512 kb = _mm512_fmadd_ps(zc, _mm512_set1_ps(TANH_M2N_LN2_16), magic);
  __m512 kf = _mm512_sub_ps(kb, magic);
  __m512 r = _mm512_fmadd_ps(kf, _mm512_set1_ps(TANH_LN2_2N_16), zc);
  __m512i kbi = _mm512_castps_si512(kb);
  /* s = -2^(k/16) */
  __m512 s = _mm512_castsi512_ps(
      _mm512_add_epi32(_mm512_permutexvar_epi32(kbi, c->neg), _mm512_slli_epi32(kbi, 19)));
  __m512 q =
      _mm512_fmadd_ps(_mm512_set1_ps(TANH_EXPM2_LUT16_Q2), r, _mm512_set1_ps(TANH_EXPM2_LUT16_Q1));
  q = _mm512_fmadd_ps(q, r, _mm512_set1_ps(TANH_EXPM2_LUT16_Q0));
  __m512 en; /* -e = s (1 + r q + rel) */
  if (corr)
    en = _mm512_fmadd_ps(s, _mm512_fmadd_ps(r, q, _mm512_permutexvar_ps(kbi, c->rel)), s);
  else
    en = _mm512_fmadd_ps(_mm512_mul_ps(s, r), q, s);
  /* R = 1/(1+e): rcp14, then one Newton step on the exact residual
   * h = 1 - (1+e) R0 = (1 - R0) - e R0 (1 - R0 is exact for R0 in [3/4, 1]) */
  __m512 R0 = _mm512_rcp14_ps(_mm512_sub_ps(one, en));
  __m512 h = _mm512_fmadd_ps(en, R0, _mm512_sub_ps(one, R0));
  __m512 R = _mm512_fmadd_ps(R0, h, R0);
  __m512 y = _mm512_fmadd_ps(en, _mm512_add_ps(R, R), one); /* 1 - 2e/(1+e) */
  return tanh512_bitsel(_mm512_castsi512_ps(_mm512_set1_epi32(INT32_MIN)), x, y);
}

/* The accurate kernel: x + x^3 P(x^2) (odd degree 13) for |x| < 0.7, the
 * exp branch with the table correction beyond. */
TANH_INLINE __m512 tanh512_p13_lut16(__m512 x, const tanh512_tables *c) {
  __m512 z = _mm512_abs_ps(x);
  __m512 yb = tanh512_lut16_big(x, z, c, 1);
  __m512 s = _mm512_mul_ps(x, x);
  __m512 x3 = _mm512_mul_ps(s, x);
  __m512 P = _mm512_fmadd_ps(_mm512_set1_ps(TANH_ODD13_C5), s, _mm512_set1_ps(TANH_ODD13_C4));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_ODD13_C3));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_ODD13_C2));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_ODD13_C1));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_ODD13_C0));
  __m512 ys = _mm512_fmadd_ps(x3, P, x);
  __mmask16 small = _mm512_cmp_ps_mask(z, _mm512_set1_ps(TANH_ODD13_BOUND), _CMP_LT_OQ);
  return _mm512_mask_blend_ps(small, yb, ys);
}

/* The faster one: odd degree 11 below 0.5625, no table correction. */
TANH_INLINE __m512 tanh512_p11_lut16(__m512 x, const tanh512_tables *c) {
  __m512 z = _mm512_abs_ps(x);
  __m512 yb = tanh512_lut16_big(x, z, c, 0);
  __m512 s = _mm512_mul_ps(x, x);
  __m512 x3 = _mm512_mul_ps(s, x);
  __m512 P = _mm512_fmadd_ps(_mm512_set1_ps(TANH_ODD11_C4), s, _mm512_set1_ps(TANH_ODD11_C3));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_ODD11_C2));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_ODD11_C1));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_ODD11_C0));
  __m512 ys = _mm512_fmadd_ps(x3, P, x);
  __mmask16 small = _mm512_cmp_ps_mask(z, _mm512_set1_ps(TANH_ODD11_BOUND), _CMP_LT_OQ);
  return _mm512_mask_blend_ps(small, yb, ys);
}

/* sech^2 x = 1 - tanh^2 x = 4e/(1+e)^2, e = exp(-2|x|), without
 * cancellation.  |x| is clamped to 64 (4e^-128 is below half the smallest
 * subnormal); the lut16 exp with two-constant reduction (rr2: the reduced
 * argument stays accurate up to |k| = 2955), the table correction, and
 * vscalefps for 2^floor(k/16), so a subnormal result is rounded once. */
TANH_INLINE __m512 tanh512_sech2(__m512 x, const tanh512_tables *c) {
  const __m512 one = _mm512_set1_ps(1.0f);
  const __m512 magic = _mm512_set1_ps(0x1.8p23f);
  __m512 z = _mm512_min_ps(_mm512_set1_ps(64.0f), _mm512_abs_ps(x));
  __m512 kb = _mm512_fmadd_ps(z, _mm512_set1_ps(TANH_M2N_LN2_16), magic);
  __m512 kf = _mm512_sub_ps(kb, magic);
  __m512 r = _mm512_fmadd_ps(kf, _mm512_set1_ps(TANH_LN2_2N_16_HI), z);
  r = _mm512_fmadd_ps(kf, _mm512_set1_ps(TANH_LN2_2N_16_LO), r);
  __m512i kbi = _mm512_castps_si512(kb);
  __m512 t = _mm512_permutexvar_ps(kbi, c->pos);
  __m512 q =
      _mm512_fmadd_ps(_mm512_set1_ps(TANH_EXPM2_LUT16_Q2), r, _mm512_set1_ps(TANH_EXPM2_LUT16_Q1));
  q = _mm512_fmadd_ps(q, r, _mm512_set1_ps(TANH_EXPM2_LUT16_Q0));
  __m512 w = _mm512_fmadd_ps(r, q, _mm512_permutexvar_ps(kbi, c->rel)); /* e = 2^j t (1 + w) */
  /* j = floor(k/16): k/16 is exact */
  __m512 j = _mm512_roundscale_ps(_mm512_mul_ps(kf, _mm512_set1_ps(0.0625f)),
                                  _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
  /* e = eh + el, eh = 2^j t exact; 1 + e = dh + dl exactly (Fast2Sum) up
   * to the rounding of el, and the residual h = 1 - (1+e) R0 of the
   * reciprocal estimate, accurate relative to itself, from dh and dl */
  __m512 eh = _mm512_scalef_ps(t, j);
  __m512 el = _mm512_scalef_ps(_mm512_mul_ps(t, w), j);
  __m512 dh = _mm512_add_ps(one, eh);
  __m512 dl = _mm512_add_ps(_mm512_sub_ps(eh, _mm512_sub_ps(dh, one)), el);
  __m512 R0 = _mm512_rcp14_ps(_mm512_add_ps(dh, dl));
  __m512 h = _mm512_fnmadd_ps(dl, R0, _mm512_fnmadd_ps(dh, R0, one));
  /* e/(1+e)^2 = 2^j t R0^2 (1 + w)(1 + h)^2 = 2^j t R0^2 (1 + w + 2h(1 + w))
   * + O(2^-27) (|h| < 2^-14, |w| < 2^-5); t R0^2 as a double-float b + bl
   * (Dekker's products with FMA), then one rounding of
   * b + (bl + b (w + 2h(1 + w))) */
  __m512 a = _mm512_mul_ps(t, R0);
  __m512 al = _mm512_fmsub_ps(t, R0, a);
  __m512 b = _mm512_mul_ps(a, R0);
  __m512 bl = _mm512_fmadd_ps(al, R0, _mm512_fmsub_ps(a, R0, b));
  __m512 u = _mm512_fmadd_ps(_mm512_fmadd_ps(h, w, h), _mm512_set1_ps(2.0f), w);
  __m512 g = _mm512_add_ps(b, _mm512_fmadd_ps(b, u, bl));
  return _mm512_scalef_ps(g, _mm512_add_ps(j, _mm512_set1_ps(2.0f))); /* 4 e/(1+e)^2 */
}

/* The rational 9/8 of coeffs_tanh_rational.h: x P(x^2) / Q(x^2) for |x| up
 * to TANH_R98_BOUND (x clamped there; NaN passes), the quotient by a true
 * division (div) or by rcp14 and one Newton step with FMA on the quotient
 * (nr1fma), then clamped to [-1, 1]. */
TANH_INLINE __m512 tanh512_r98(__m512 x, int div) {
  const __m512 b = _mm512_set1_ps(TANH_R98_BOUND);
  __m512 xc = _mm512_max_ps(_mm512_sub_ps(_mm512_setzero_ps(), b), _mm512_min_ps(b, x));
  __m512 s = _mm512_mul_ps(xc, xc);
  __m512 P = _mm512_fmadd_ps(_mm512_set1_ps(TANH_R98_P4), s, _mm512_set1_ps(TANH_R98_P3));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_R98_P2));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_R98_P1));
  P = _mm512_fmadd_ps(P, s, _mm512_set1_ps(TANH_R98_P0));
  __m512 Q = _mm512_fmadd_ps(_mm512_set1_ps(TANH_R98_Q4), s, _mm512_set1_ps(TANH_R98_Q3));
  Q = _mm512_fmadd_ps(Q, s, _mm512_set1_ps(TANH_R98_Q2));
  Q = _mm512_fmadd_ps(Q, s, _mm512_set1_ps(TANH_R98_Q1));
  Q = _mm512_fmadd_ps(Q, s, _mm512_set1_ps(TANH_R98_Q0));
  __m512 p = _mm512_mul_ps(xc, P);
  __m512 y;
  if (div) {
    y = _mm512_div_ps(p, Q);
  } else {
    __m512 R0 = _mm512_rcp14_ps(Q);
    __m512 y0 = _mm512_mul_ps(p, R0);
    y = _mm512_fmadd_ps(_mm512_fnmadd_ps(Q, y0, p), R0, y0);
  }
  const __m512 one = _mm512_set1_ps(1.0f);
  return _mm512_max_ps(_mm512_sub_ps(_mm512_setzero_ps(), one), _mm512_min_ps(one, y));
}

#endif
