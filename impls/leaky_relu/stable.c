/* actbench: leaky ReLU with NaN propagation.
 *
 *   y  = NaN if x is NaN, else x > 0 ? x : a x
 *   dx = NaN if x is NaN, else x > 0 ? dy : a dy   (leaky_relu'(0) = a)
 *
 * As the naive kernel (one rounding of a x: correctly rounded), but a NaN
 * input is passed through explicitly in both directions. */
#include <math.h>

#include "kernels.h"

void ACT_SCALAR_NAME(act_leaky_relu_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                       const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    y[i] = isnan(xi) ? xi : (xi > 0.0f ? xi : a * xi);
  }
}

void ACT_SCALAR_NAME(act_leaky_relu_scalar_stable_bwd)(const float *x, const float *y,
                                                       const float *dy, float *dx, size_t n,
                                                       const act_params *p) {
  (void)y;
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    dx[i] = isnan(xi) ? xi : (xi > 0.0f ? dy[i] : a * dy[i]);
  }
}
