/* actbench: the tanh approximation of GELU (Hendrycks & Gimpel 2016), the
 * textbook formula with the C library, as the frameworks write it:
 *
 *   u  = k (x + c x^3),  k = sqrt(2/pi), c = 0.044715
 *   y  = 0.5 x (1 + tanhf(u))
 *   dx = dy (0.5 (1 + t) + 0.5 x (1 - t^2) k (1 + 3 c x^2)),  t = tanhf(u)
 *                                         (PyTorch's GeluBackward, approximate='tanh')
 *
 * 1 + tanh(u) cancels for x < 0: y is 0 from x ~ -5 on while the true value
 * is a normal float down to x ~ -11; 1 - t^2 cancels as |t| -> 1, and the
 * derivative's two terms cancel at its root near -0.75.  The one change to
 * the formula: for |x| > 2^40 (and +-inf), where it saturated long before
 * (t = +-1) but x^3 overflows and would give inf * 0 = NaN, the limits are
 * returned (x or 0; 1 or 0 for the derivative). */
#include <math.h>

#include "kernels.h"

static const float gt_k = 0.79788456080286535588f; /* sqrt(2/pi) */
static const float gt_c = 0.044715f;

void act_gelu_tanh_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    if (fabsf(xi) > 0x1p40f)
      y[i] = xi > 0.0f ? xi : 0.0f;
    else
      y[i] = 0.5f * xi * (1.0f + tanhf(gt_k * (xi + gt_c * xi * xi * xi)));
  }
}

void act_gelu_tanh_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx,
                                    size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i], d;
    if (fabsf(xi) > 0x1p40f) {
      d = xi > 0.0f ? 1.0f : 0.0f;
    } else {
      float x2 = xi * xi;
      float t = tanhf(gt_k * (xi + gt_c * x2 * xi));
      float left = 0.5f * xi, right = 1.0f + t;
      float dleft = 0.5f * right;
      float dright = left * (1.0f - t * t) * (gt_k * (1.0f + 3.0f * gt_c * x2));
      d = dleft + dright;
    }
    dx[i] = dy[i] * d;
  }
}
