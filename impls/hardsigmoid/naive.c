/* actbench: hard sigmoid as PyTorch computes it:
 *
 *   y  = min(max(x + 3, 0), 6) / 6
 *   dx = -3 < x < 3 ? dy / 6 : 0        (hardsigmoid'(+-3) = 0)
 *
 * max and min are written as std::max/std::min are (a comparison and a
 * select), so a NaN input stays NaN forward; backward it fails both
 * comparisons and gives 0.  Two roundings (x + 3, then / 6). */
#include "kernels.h"

void act_hardsigmoid_scalar_naive_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float t = x[i] + 3.0f;
    t = t < 0.0f ? 0.0f : t; /* std::max(t, 0) */
    t = 6.0f < t ? 6.0f : t; /* std::min(t, 6) */
    y[i] = t / 6.0f;
  }
}

void act_hardsigmoid_scalar_naive_bwd(const float *x, const float *y, const float *dy, float *dx,
                                      size_t n, const act_params *p) {
  (void)y;
  (void)p;
  const float sixth = 1.0f / 6.0f;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    dx[i] = xi > -3.0f && xi < 3.0f ? dy[i] * sixth : 0.0f;
  }
}
