/* actbench: ELU (Clevert, Unterthiner & Hochreiter 2016) as the frameworks
 * compute it, with the C library:
 *
 *   y  = x > 0 ? x : a expm1f(x)              (PyTorch's CPU kernel: std::expm1)
 *   dx = x > 0 ? dy : dy (y + a)              (from the output y, as PyTorch's
 *                                              elu_backward with is_result)
 *
 * elu'(0) = a (the x <= 0 branch).  The forward is expm1f's error plus one
 * rounding of the product.  The derivative from y cancels: y + a = a e^x
 * loses everything once y rounds to -a (x < ~-17 for a = 1), where the true
 * value is still a normal float down to x ~ -87. */
#include <math.h>

#include "kernels.h"

void act_elu_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    y[i] = xi > 0.0f ? xi : a * expm1f(xi);
  }
}

void act_elu_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                              const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i], yi = y[i];
    dx[i] = xi > 0.0f ? dy[i] : dy[i] * (yi + a);
  }
}
