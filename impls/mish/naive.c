/* actbench: Mish (Misra 2019), the textbook formula with the C library:
 *
 *   y  = x tanhf(logf(1 + expf(x)))
 *   dx = dy (t + x s (1 - t^2)),  t = tanhf(logf(1 + expf(x))),
 *                                 s = 1 / (1 + expf(-x))   (PyTorch's mish_backward)
 *
 * log(1 + e^x) written literally: 1 + e^x rounds to 1 for x < -17, so
 * softplus, and with it y, flushes to 0 there while the true value x e^x is a
 * normal float down to x ~ -92; 1 - t^2 cancels as t -> 1, and the
 * derivative's two terms cancel at its root near -1.19.  The one change to
 * the formula: at x = +-inf it would give inf * 0 = NaN; the limits are
 * returned there (x or 0; 1 or 0 for the derivative). */
#include <math.h>

#include "kernels.h"

void act_mish_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    if (isinf(xi))
      y[i] = xi > 0.0f ? xi : 0.0f;
    else
      y[i] = xi * tanhf(logf(1.0f + expf(xi)));
  }
}

void act_mish_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                               const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i], d;
    if (isinf(xi)) {
      d = xi > 0.0f ? 1.0f : 0.0f;
    } else {
      float t = tanhf(logf(1.0f + expf(xi)));
      float s = 1.0f / (1.0f + expf(-xi));
      d = t + xi * s * (1.0f - t * t);
    }
    dx[i] = dy[i] * d;
  }
}
