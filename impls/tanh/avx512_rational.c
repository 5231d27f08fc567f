/* actbench: the fast tanh with AVX-512 intrinsics, a rational approximation
 * (the vector function is tanh512_r98 in impls/tanh/tanh_avx512.h).
 *
 * tanh.avx512.rational-9-8-div, -div-x64, -nr1fma, -div-from-y:
 *   tanh x ~ x P(x^2) / Q(x^2), P and Q of degree 4 in x^2 (odd degree 9
 *   over even degree 8, as in Eigen's and XNNPACK's rational tanh kernels),
 *   a rational minimax of the relative error on |x| <= 9.02 computed by
 *   scripts/coeffs/tanh_rational.sollya (2^-24.5 with float coefficients).
 *   x is clamped to +-9.02 (tanh rounds to +-1 from 9.0109 on; NaN passes
 *   the clamp), P and Q by Horner with FMA, then the quotient by a true
 *   division (div) or by vrcp14ps and one Newton step with FMA on the
 *   quotient, y0 = p R0, y = y0 + (p - Q y0) R0 (nr1fma), and y is clamped to
 *   [-1, 1].  No table, no exp: the fewest operations of our tanh kernels,
 *   at the price of accuracy: the roundings of x^2, P and Q each reach the
 *   result unscaled (for large |x| every Horner step dominates the sum), a
 *   few ulp in all (exhaustive maximum 5.4 ulp, at x = -7.13).  -x64: the
 *   loop handles 4 vectors per iteration (no faster on the AMD Zen 4 this
 *   was written on: out-of-order execution already overlaps the
 *   iterations).  Special values: +-inf and +-FLT_MAX give +-1, NaN gives
 *   NaN, subnormal x gives x.
 * Backward: from x, sech^2 x = 4e/(1+e)^2 (tanh512_sech2, impls/tanh/
 *   avx512_lut16.c); the -from-y entries instead compute 1 - y^2 from the
 *   forward output y, as frameworks do: it cancels as |y| -> 1 (2^24-class
 *   errors; exactly 0 once y rounds to +-1, from |x| = 9.01 on, while the
 *   true derivative stays above 2^-126 up to |x| = 43.7). */
#include <immintrin.h>

#include "kernels.h"
#include "tanh/tanh_avx512.h"

/* y = tanh(x) with U vectors per iteration, the tail one masked vector at a
 * time. */
#define R98_FWD(name, DIV, U)                                                             \
  void name(const float *x, float *y, size_t n, const act_params *p) {                    \
    (void)p;                                                                              \
    size_t i = 0;                                                                         \
    for (; i + 16 * U <= n; i += 16 * U) {                                                \
      __m512 v[U];                                                                        \
      for (int u = 0; u < U; u++) v[u] = _mm512_loadu_ps(x + i + 16 * u);                 \
      for (int u = 0; u < U; u++) v[u] = tanh512_r98(v[u], DIV);                          \
      for (int u = 0; u < U; u++) _mm512_storeu_ps(y + i + 16 * u, v[u]);                 \
    }                                                                                     \
    for (; i < n; i += 16) {                                                              \
      __mmask16 m = n - i >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << (n - i)) - 1u);  \
      _mm512_mask_storeu_ps(y + i, m, tanh512_r98(_mm512_maskz_loadu_ps(m, x + i), DIV)); \
    }                                                                                     \
  }

R98_FWD(act_tanh_avx512_r98_div_fwd, 1, 1)
R98_FWD(act_tanh_avx512_r98_nr1fma_fwd, 0, 1)
R98_FWD(act_tanh_avx512_r98_div_x64_fwd, 1, 4)

/* dx = dy (1 - y^2), the framework's derivative from the output */
void act_tanh_avx512_from_y_bwd(const float *x, const float *y, const float *dy, float *dx,
                                size_t n, const act_params *p) {
  (void)x;
  (void)p;
  const __m512 one = _mm512_set1_ps(1.0f);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m512 yv = _mm512_loadu_ps(y + i);
    __m512 g = _mm512_fnmadd_ps(yv, yv, one);
    _mm512_storeu_ps(dx + i, _mm512_mul_ps(_mm512_loadu_ps(dy + i), g));
  }
  if (i < n) {
    __mmask16 m = (__mmask16)((1u << (n - i)) - 1u);
    __m512 yv = _mm512_maskz_loadu_ps(m, y + i);
    __m512 g = _mm512_fnmadd_ps(yv, yv, one);
    _mm512_mask_storeu_ps(dx + i, m, _mm512_mul_ps(_mm512_maskz_loadu_ps(m, dy + i), g));
  }
}
