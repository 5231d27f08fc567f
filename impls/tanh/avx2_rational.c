/* actbench: the fast tanh with AVX2 and FMA intrinsics, the rational 9/8 of
 * impls/tanh/avx512_rational.c (tanh256_r98 in impls/tanh/tanh_avx2.h):
 * x P(x^2)/Q(x^2) with x clamped to +-9.02, the quotient by a true division
 * (div) or by vrcpps (12 bits) and two Newton steps with FMA (nr2fma: one on
 * the reciprocal, one on the quotient), then clamped to [-1, 1].  A few ulp
 * (the roundings of x^2, P and Q reach the result unscaled).  +-inf and
 * +-FLT_MAX give +-1, NaN gives NaN, subnormal x gives x; the tail through
 * vmaskmovps.  Backward: sech^2 from x (impls/tanh/avx2_lut8.c), or, for the
 * -from-y entry, 1 - y^2 from the output as frameworks do (it cancels as
 * |y| -> 1: 2^24-class errors, and 0 once y rounds to +-1). */
#include <immintrin.h>

#include "kernels.h"
#include "tanh/tanh_avx2.h"

#define R98_FWD256(name, DIV)                                                                     \
  void name(const float *x, float *y, size_t n, const act_params *p) {                            \
    (void)p;                                                                                      \
    size_t i = 0;                                                                                 \
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, tanh256_r98(_mm256_loadu_ps(x + i), DIV)); \
    if (i < n) {                                                                                  \
      __m256i m = tanh256_tail_mask(n - i);                                                       \
      _mm256_maskstore_ps(y + i, m, tanh256_r98(_mm256_maskload_ps(x + i, m), DIV));              \
    }                                                                                             \
  }

R98_FWD256(act_tanh_avx2_r98_div_fwd, 1)
R98_FWD256(act_tanh_avx2_r98_nr2fma_fwd, 0)

/* dx = dy (1 - y^2) */
void act_tanh_avx2_from_y_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                              const act_params *p) {
  (void)x;
  (void)p;
  const __m256 one = _mm256_set1_ps(1.0f);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 yv = _mm256_loadu_ps(y + i);
    _mm256_storeu_ps(dx + i, _mm256_mul_ps(_mm256_loadu_ps(dy + i), _mm256_fnmadd_ps(yv, yv, one)));
  }
  if (i < n) {
    __m256i m = tanh256_tail_mask(n - i);
    __m256 yv = _mm256_maskload_ps(y + i, m);
    _mm256_maskstore_ps(
        dx + i, m, _mm256_mul_ps(_mm256_maskload_ps(dy + i, m), _mm256_fnmadd_ps(yv, yv, one)));
  }
}
