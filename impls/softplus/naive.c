/* actbench: softplus with slope b = p->a and PyTorch's threshold t = p->b,
 * the frameworks' formula with the C library:
 *
 *   y  = b x > t ? x : log1pf(expf(b x)) / b
 *   dx = b x > t ? dy : dy / (1 + expf(-b x))      (sigma(b x))
 *
 * The threshold rule returns x where the exact value is x + log1p(e^-bx)/b;
 * with the default t = 20 that is below half an ulp of x, so it costs
 * nothing there (a small t would).  The derivative's expf(-b x) overflows for
 * b x < -88.7 and flushes it to 0 while the true value e^(b x) is still a
 * subnormal float down to b x ~ -104. */
#include <math.h>

#include "kernels.h"

void act_softplus_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  const float b = p->a, t = p->b;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    y[i] = b * xi > t ? xi : log1pf(expf(b * xi)) / b;
  }
}

void act_softplus_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx,
                                   size_t n, const act_params *p) {
  (void)y;
  const float b = p->a, t = p->b;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    dx[i] = b * xi > t ? dy[i] : dy[i] / (1.0f + expf(-b * xi));
  }
}
