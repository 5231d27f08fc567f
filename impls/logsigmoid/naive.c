/* actbench: log-sigmoid, the textbook formula with the C library (the log of
 * the textbook sigmoid):
 *
 *   y  = logf(1 / (1 + expf(-x)))
 *   dx = dy / (1 + expf(x))             (sigma(-x))
 *
 * 1 + e^-x rounds to 1 for x > 16.6, so y is 0 there while the true value
 * -log1p(e^-x) ~ -e^-x is a normal float up to x ~ 87; expf(x) overflows for
 * x > 88.7 and flushes dx to 0 while sigma(-x) is still a subnormal float up
 * to x ~ 104.  The one change to the formula: where expf(-x) overflows
 * (x < -88.7: 1/(1 + inf) = 0 and log 0 = -inf, a wrong infinity down to
 * -FLT_MAX) x itself is returned, which is the value rounded there
 * (log sigma(x) = x - log1p(e^x)). */
#include <math.h>

#include "kernels.h"

void act_logsigmoid_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    float e = expf(-xi);
    y[i] = isinf(e) ? xi : logf(1.0f / (1.0f + e));
  }
}

void act_logsigmoid_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx,
                                     size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] / (1.0f + expf(x[i]));
}
