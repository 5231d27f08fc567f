/* actbench: ReLU as it is usually written.
 *
 *   y  = x > 0 ? x : 0
 *   dx = x > 0 ? dy : 0            (relu'(0) = 0, the frameworks' convention)
 *
 * Exact for every number.  A NaN input fails the comparison and gives 0, in
 * both directions: the NaN is silently lost (no ACT_NAN_* flag). */
#include "kernels.h"

void act_relu_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

void act_relu_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                               const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = x[i] > 0.0f ? dy[i] : 0.0f;
}
