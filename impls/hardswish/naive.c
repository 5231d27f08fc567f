/* actbench: hard swish (Howard et al. 2019, MobileNetV3) in the textbook form
 * x hardsigmoid(x), with PyTorch's backward:
 *
 *   y  = x (min(max(x + 3, 0), 6) / 6)
 *   dx = x < -3 ? 0 : x <= 3 ? dy (x / 3 + 1/2) : dy      (PyTorch's hardswish_backward)
 *
 * (PyTorch's forward, x min(max(x + 3, 0), 6) / 6, overflows for
 * x > FLT_MAX / 6; the grouping above does not.)  x / 3 + 1/2 cancels near
 * x = -3/2, the derivative's root.  A NaN input gives NaN forward and dy
 * backward (it fails both comparisons, as in PyTorch).  The one change: at
 * x = -inf the formula would give -inf * 0 = NaN; 0 is returned there. */
#include <math.h>

#include "kernels.h"

void act_hardswish_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    float t = xi + 3.0f;
    t = t < 0.0f ? 0.0f : t;
    t = 6.0f < t ? 6.0f : t;
    y[i] = isinf(xi) && xi < 0.0f ? 0.0f : xi * (t / 6.0f);
  }
}

void act_hardswish_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx,
                                    size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    if (xi < -3.0f)
      dx[i] = 0.0f;
    else if (xi <= 3.0f)
      dx[i] = dy[i] * (xi / 3.0f + 0.5f);
    else
      dx[i] = dy[i];
  }
}
