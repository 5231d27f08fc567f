/* actbench: SiLU / swish (Elfwing, Uchibe & Doya 2018; Ramachandran, Zoph &
 * Le 2017) with slope b = p->a, the textbook formula with the C library, as
 * the frameworks write it:
 *
 *   y  = x / (1 + expf(-b x))
 *   dx = dy s (1 + b x (1 - s)),  s = 1 / (1 + expf(-b x))   (PyTorch's silu_backward)
 *
 * expf(-b x) overflows for b x < -88.7, so y and dx flush to 0 where the
 * true values (about x e^(b x)) are still representable; 1 - s cancels as
 * s -> 1 and the derivative's factor 1 + b x (1 - s) cancels at its root
 * near b x = -1.28.  The one change to the formula: at x = +-inf it would
 * give inf/inf or inf * 0 = NaN; the limits are returned there. */
#include <math.h>

#include "kernels.h"

void act_silu_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  const float b = p->a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    if (isinf(xi))
      y[i] = b * xi > 0.0f ? xi : 0.0f;
    else
      y[i] = xi / (1.0f + expf(-b * xi));
  }
}

void act_silu_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                               const act_params *p) {
  (void)y;
  const float b = p->a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i], d;
    if (isinf(xi)) {
      d = b * xi > 0.0f ? 1.0f : 0.0f;
    } else {
      float s = 1.0f / (1.0f + expf(-b * xi));
      d = s * (1.0f + b * xi * (1.0f - s));
    }
    dx[i] = dy[i] * d;
  }
}
