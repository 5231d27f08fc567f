/* actbench: GELU (Hendrycks & Gimpel 2016), the textbook formula with the C
 * library, as the frameworks write it:
 *
 *   y  = 0.5 x (1 + erff(x / sqrt 2))
 *   dx = dy (Phi + x phi),  Phi = 0.5 (1 + erff(x / sqrt 2)),
 *                           phi = expf(-x^2 / 2) / sqrt(2 pi)    (PyTorch's GeluBackward)
 *
 * 1 + erf(x/sqrt 2) cancels for x < 0: y is 0 from x ~ -5.9 on while the
 * true value -x Phi(x) is a normal float down to x ~ -13, and Phi + x phi
 * cancels for x < 0 too (its root near -0.75 and the whole tail).  The one
 * change to the formula: at x = +-inf it would give inf * 0 = NaN; the limits
 * (x for +inf, 0 for -inf; 1 and 0 for the derivative) are returned there. */
#include <math.h>

#include "kernels.h"

static const float gelu_rsqrt2 = 0.70710678118654752440f;   /* 1/sqrt 2 */
static const float gelu_rsqrt2pi = 0.39894228040143267794f; /* 1/sqrt(2 pi) */

void act_gelu_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    if (isinf(xi))
      y[i] = xi > 0.0f ? xi : 0.0f;
    else
      y[i] = 0.5f * xi * (1.0f + erff(xi * gelu_rsqrt2));
  }
}

void act_gelu_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                               const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i], d;
    if (isinf(xi)) {
      d = xi > 0.0f ? 1.0f : 0.0f;
    } else {
      float cdf = 0.5f * (1.0f + erff(xi * gelu_rsqrt2));
      float pdf = expf(-0.5f * xi * xi) * gelu_rsqrt2pi;
      d = cdf + xi * pdf;
    }
    dx[i] = dy[i] * d;
  }
}
