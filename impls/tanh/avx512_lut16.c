/* actbench: tanh with AVX-512 intrinsics, table-driven exp (the vector
 * functions are in impls/tanh/tanh_avx512.h).
 *
 * tanh.avx512.p13-lut16-p3-nr1fma (the accurate one):
 *   |x| < 0.7:  tanh x = x + x^3 P(x^2), P of degree 5 (odd degree 13 in x),
 *               fpminimax (scripts/coeffs/tanh_odd.sollya), relative error
 *               2^-28.5; x^3 P is at most 0.23 of the result, so its
 *               roundings reach the result scaled down, and the final FMA
 *               rounds once.  Tiny and subnormal x come out as x, -0 as -0.
 *   |x| >= 0.7: tanh|x| = 1 - 2e/(1+e), e = exp(-2|x|) <= 0.25, so the
 *               error of 2e/(1+e) reaches the result scaled by at most 0.4.
 *               exp (Tang's table method): k = round(-2|x| 16/ln 2) by the
 *               magic number 1.5 * 2^23 (k lands in the low bits), one-constant
 *               reduction r = |x| + k ln2/32 (rr1: ln2/32 is within 2^-32 of a
 *               float, so the error k (ln2/32 - c) stays below 2^-22 relative
 *               at |k| = 439), exp(-2r) = 1 + r q(r) of degree 3 (p3, error
 *               2^-29 on |r| <= ln2/64), and 2^(k/16) = 2^floor(k/16) 2^(i/16)
 *               from a 16-entry table read with one vpermps (lut16) whose
 *               exponent is adjusted with integer adds; the table's own
 *               rounding error (a second vpermps of relative corrections) is
 *               folded into the polynomial.  1/(1+e): vrcp14ps and one Newton
 *               step with FMA (nr1fma) on the exact residual
 *               1 - (1+e) R0 = (1 - R0) - e R0, so the rounding of 1 + e never
 *               enters.  Then x's sign (vpternlogd).
 *   Both branches are computed and one is selected per lane.
 * tanh.avx512.p11-lut16-p3-nr1fma: the same with degree 11 below 0.5625
 *   (where tanh reaches 1/2, so the exp branch's result keeps its ulp) and
 *   without the table correction: fewer operations, a larger error.
 * Special values: |x| is clamped to 9.5 in the exp branch (tanh rounds to 1
 * from 9.0109 on), so +-inf and +-FLT_MAX give +-1; NaN propagates through
 * both branches (vminps(c, NaN) returns the NaN); no subnormal result except
 * tanh x = x for subnormal x.
 *
 * Backward (all entries of this file): from x,
 *   tanh' x = sech^2 x = 4e/(1+e)^2, e = exp(-2|x|),
 * with no cancellation anywhere: e's relative error reaches the result
 * scaled by (1-e)/(1+e) <= 1.  The lut16 exp with two-constant reduction
 * (rr2), |x| clamped to 64, vscalefps for 2^floor(k/16) so that the
 * subnormal values (|x| in [43.7, 52]) are rounded once; 1/(1+e) as above.
 * dx = dy * sech^2 x; NaN propagates. */
#include <immintrin.h>

#include "kernels.h"
#include "tanh/tanh_avx512.h"

/* y[i] = F(x[i]) for any n: full vectors, then a masked tail. */
#define TANH512_FWD_LOOP(F)                                                            \
  const tanh512_tables c = tanh512_tables_load();                                      \
  size_t i = 0;                                                                        \
  for (; i + 16 <= n; i += 16) _mm512_storeu_ps(y + i, F(_mm512_loadu_ps(x + i), &c)); \
  if (i < n) {                                                                         \
    __mmask16 m = (__mmask16)((1u << (n - i)) - 1u);                                   \
    _mm512_mask_storeu_ps(y + i, m, F(_mm512_maskz_loadu_ps(m, x + i), &c));           \
  }

void act_tanh_avx512_p13_lut16_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  TANH512_FWD_LOOP(tanh512_p13_lut16)
}

void act_tanh_avx512_p11_lut16_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  TANH512_FWD_LOOP(tanh512_p11_lut16)
}

void act_tanh_avx512_sech2_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                               const act_params *p) {
  (void)p;
  (void)y;
  const tanh512_tables c = tanh512_tables_load();
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m512 g = tanh512_sech2(_mm512_loadu_ps(x + i), &c);
    _mm512_storeu_ps(dx + i, _mm512_mul_ps(_mm512_loadu_ps(dy + i), g));
  }
  if (i < n) {
    __mmask16 m = (__mmask16)((1u << (n - i)) - 1u);
    __m512 g = tanh512_sech2(_mm512_maskz_loadu_ps(m, x + i), &c);
    _mm512_mask_storeu_ps(dx + i, m, _mm512_mul_ps(_mm512_maskz_loadu_ps(m, dy + i), g));
  }
}
