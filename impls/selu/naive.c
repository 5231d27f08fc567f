/* actbench: SELU (Klambauer, Unterthiner, Mayr & Hochreiter 2017) as the
 * frameworks compute it, with the C library:
 *
 *   y  = x > 0 ? l x : la expm1f(x)           la = RN(l a) in float, as
 *                                              PyTorch's negcoef = alpha * scale
 *   dx = x > 0 ? dy l : dy (y + la)           (from the output y, as PyTorch's
 *                                              elu_backward with is_result)
 *
 * l = 1.0507009873554804934, a = 1.6732632423543772848, each rounded to
 * float.  selu'(0) = l a (the x <= 0 branch).  The rounded constants cost up
 * to a further half ulp; the derivative from y cancels as y -> -l a
 * (x < ~-17), where the true value l a e^x is still a normal float. */
#include <math.h>

#include "kernels.h"

static const float selu_l = 1.0507009873554804934f;
static const float selu_a = 1.6732632423543772848f;

void act_selu_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  const float la = selu_l * selu_a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    y[i] = xi > 0.0f ? selu_l * xi : la * expm1f(xi);
  }
}

void act_selu_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                               const act_params *p) {
  (void)p;
  const float la = selu_l * selu_a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i], yi = y[i];
    dx[i] = xi > 0.0f ? dy[i] * selu_l : dy[i] * (yi + la);
  }
}
