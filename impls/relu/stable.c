/* actbench: ReLU with NaN propagation.
 *
 *   y  = NaN if x is NaN, else x > 0 ? x : 0
 *   dx = NaN if x is NaN, else x > 0 ? dy : 0     (relu'(0) = 0)
 *
 * As the naive kernel (exact for every number; -0 gives +0), but a NaN input
 * is passed through explicitly in both directions instead of becoming 0. */
#include <math.h>

#include "kernels.h"

void ACT_SCALAR_NAME(act_relu_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                 const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    y[i] = isnan(xi) ? xi : (xi > 0.0f ? xi : 0.0f);
  }
}

void ACT_SCALAR_NAME(act_relu_scalar_stable_bwd)(const float *x, const float *y, const float *dy,
                                                 float *dx, size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    dx[i] = isnan(xi) ? xi : (xi > 0.0f ? dy[i] : 0.0f);
  }
}
