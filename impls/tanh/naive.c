/* actbench: tanh with the C library.
 *
 *   y  = tanhf(x)
 *   dx = dy * (1 - y^2)            (from the output y, as frameworks do)
 *
 * The forward error is the C library's (glibc 2.36 documents 2 ulp for
 * tanhf).  The derivative cancels as |y| -> 1: it becomes 0 for |x| > ~9
 * while the true value 4 exp(-2|x|) is still a normal float up to |x| ~ 44. */
#include <math.h>

#include "kernels.h"

void act_tanh_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = tanhf(x[i]);
}

void act_tanh_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                               const act_params *p) {
  (void)x;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float yi = y[i];
    dx[i] = dy[i] * (1.0f - yi * yi);
  }
}
