/* actbench: leaky ReLU in its textbook form (Maas, Hannun & Ng 2013):
 *
 *   y  = x > 0 ? x : a x
 *   dx = x > 0 ? dy : a dy         (leaky_relu'(0) = a, the frameworks'
 *                                   convention)
 *
 * For 0 <= a < 1 this is max(a x, x).  The one rounding of a x makes the
 * forward correctly rounded.  A NaN input gives a x = NaN forward (so
 * ACT_NAN_FWD) but a dy backward: the NaN is lost there (no ACT_NAN_BWD). */
#include "kernels.h"

void act_leaky_relu_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) y[i] = x[i] > 0.0f ? x[i] : a * x[i];
}

void act_leaky_relu_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx,
                                     size_t n, const act_params *p) {
  (void)y;
  const float a = p->a;
  for (size_t i = 0; i < n; i++) dx[i] = x[i] > 0.0f ? dy[i] : a * dy[i];
}
