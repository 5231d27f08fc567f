/* actbench: sigmoid, the textbook formula with the C library.
 *
 *   y  = 1 / (1 + expf(-a x))
 *   dx = dy * a y (1 - y)          (from the output y, as frameworks do)
 *
 * Kept on purpose as the baseline the other kernels are measured against:
 * expf(-a x) overflows to inf for a x < -88.7, so y flushes to 0 long before
 * the true value underflows, and 1 - y cancels catastrophically as y -> 1,
 * so the derivative is 0 for a x > ~17 where the true value is still about
 * exp(-a x). */
#include <math.h>

#include "kernels.h"

void act_sigmoid_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) y[i] = 1.0f / (1.0f + expf(-a * x[i]));
}

void act_sigmoid_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx,
                                  size_t n, const act_params *p) {
  (void)x;
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float yi = y[i];
    dx[i] = dy[i] * (a * yi * (1.0f - yi));
  }
}
