/* actbench: hard sigmoid, scalar float code written for accuracy.
 *
 *   y  = 0 for x <= -3,  1 for x >= 3,  (x + 3) / 6 between
 *   dx = dy / 6 for -3 < x < 3, else 0      (hardsigmoid'(+-3) = 0, as PyTorch)
 *
 * (x + 3) / 6 with one rounding, almost: s + sl = x + 3 exactly (Fast2Sum,
 * |3| > |x|), q = s / 6 (a true division), r = fma(-q, 6, s) its exact
 * remainder, y = q + (r + sl) / 6; only the last addition rounds the result
 * (the error of (r + sl) / 6 is far below its half ulp).  1/6 in the
 * derivative is the float nearest.  A NaN passes through both. */
#include <math.h>

#include "kernels.h"

static inline float hardsigmoid_stable(float x) {
  if (isnan(x)) return x;
  if (x <= -3.0f) return 0.0f;
  if (x >= 3.0f) return 1.0f;
  float s = 3.0f + x;
  float sl = (3.0f - s) + x; /* Fast2Sum: 3 + x = s + sl */
  float q = s / 6.0f;
  float r = fmaf(-q, 6.0f, s);
  return q + (r + sl) / 6.0f;
}

void ACT_SCALAR_NAME(act_hardsigmoid_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                        const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = hardsigmoid_stable(x[i]);
}

void ACT_SCALAR_NAME(act_hardsigmoid_scalar_stable_bwd)(const float *x, const float *y,
                                                        const float *dy, float *dx, size_t n,
                                                        const act_params *p) {
  (void)y;
  (void)p;
  const float sixth = 1.0f / 6.0f;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    float d = xi > -3.0f && xi < 3.0f ? sixth : 0.0f;
    dx[i] = isnan(xi) ? xi : dy[i] * d;
  }
}
