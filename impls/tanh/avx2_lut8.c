/* actbench: tanh with AVX2 and FMA intrinsics, table-driven exp (the vector
 * functions are in impls/tanh/tanh_avx2.h).  The algorithm of
 * impls/tanh/avx512_lut16.c with what AVX2 has:
 *
 * tanh.avx2.p13-lut8-p4-div (the accurate one):
 *   |x| < 0.7:  x + x^3 P(x^2), odd degree 13 (scripts/coeffs/tanh_odd.sollya).
 *   |x| >= 0.7: 1 - 2e/(1+e), e = exp(-2|x|): k = round(-2|x| 8/ln 2) by the
 *               magic number, rr1 (ln2/16 is within 2^-33 of a float),
 *               2^(k/8) from an 8-entry table (lut8, one vpermps) with its
 *               exponent adjusted by integer adds, the table's rounding
 *               error corrected through a second vpermps, exp(-2r) of
 *               degree 4 on |r| <= ln2/32 (error 2^-32);
 *               1/(1+e) by a true division (div) of the rounded 1 + e, then
 *               one Newton step with FMA on the exact residual
 *               1 - (1+e) R = (1 - R) - e R (1 - R is exact for R in
 *               [3/4, 1]), which removes the rounding of 1 + e and of the
 *               quotient.
 * tanh.avx2.p13-lut8-p3-div: no table correction, exp(-2r) of degree 3
 *   (error 2^-25): fewer operations, a larger error.
 * Special values as in impls/tanh/avx512_lut16.c: +-inf and +-FLT_MAX give
 * +-1 (|x| clamped to 9.5 in the exp branch), NaN propagates, subnormal x
 * gives x.  The tail (n mod 8) goes through vmaskmovps.
 *
 * Backward: from x, sech^2 x = 4e/(1+e)^2 (tanh256_sech2): the lut8 exp
 * with two-constant reduction (rr2) and degree 4, |x| clamped to 64;
 * 1/(1+e) by a division of the rounded 1 + e and the residual
 * h = 1 - (1+e) R formed from 1 + e as an exact sum (Fast2Sum), then
 * e/(1+e)^2 = e R^2 (1 + 2h) with e R^2 as a double-float (Dekker's
 * products with FMA) and one final rounding; without vscalefps the result is
 * formed as (g 2^-62) 2^(j+64), so subnormal values (|x| in [43.7, 52]) are
 * rounded once.  dx = dy * sech^2 x; NaN propagates. */
#include <immintrin.h>

#include "kernels.h"
#include "tanh/tanh_avx2.h"

void act_tanh_avx2_p13_lut8_p4_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  const tanh256_tables c = tanh256_tables_load();
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    _mm256_storeu_ps(y + i, tanh256_p13_lut8(_mm256_loadu_ps(x + i), &c, 1));
  if (i < n) {
    __m256i m = tanh256_tail_mask(n - i);
    _mm256_maskstore_ps(y + i, m, tanh256_p13_lut8(_mm256_maskload_ps(x + i, m), &c, 1));
  }
}

void act_tanh_avx2_p13_lut8_p3_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  const tanh256_tables c = tanh256_tables_load();
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    _mm256_storeu_ps(y + i, tanh256_p13_lut8(_mm256_loadu_ps(x + i), &c, 0));
  if (i < n) {
    __m256i m = tanh256_tail_mask(n - i);
    _mm256_maskstore_ps(y + i, m, tanh256_p13_lut8(_mm256_maskload_ps(x + i, m), &c, 0));
  }
}

void act_tanh_avx2_sech2_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                             const act_params *p) {
  (void)p;
  (void)y;
  const tanh256_tables c = tanh256_tables_load();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 g = tanh256_sech2(_mm256_loadu_ps(x + i), &c, 1);
    _mm256_storeu_ps(dx + i, _mm256_mul_ps(_mm256_loadu_ps(dy + i), g));
  }
  if (i < n) {
    __m256i m = tanh256_tail_mask(n - i);
    __m256 g = tanh256_sech2(_mm256_maskload_ps(x + i, m), &c, 1);
    _mm256_maskstore_ps(dx + i, m, _mm256_mul_ps(_mm256_maskload_ps(dy + i, m), g));
  }
}
