/* actbench: hard swish, scalar float code written for accuracy.
 *
 *   y  = 0 for x <= -3,  x for x >= 3,  x (x + 3) / 6 between
 *   dx = dy * (0 for x < -3,  1 for x > 3,  (2x + 3) / 6 for -3 <= x <= 3)
 *        (PyTorch's convention at the kinks: -1/2 at -3, 3/2 at 3)
 *
 * Between the kinks, with exact double-floats: x + 3 = s + sl (Fast2Sum),
 * x (s + sl) = p + pl (fma for the product's error; pl's own rounding is far
 * below an ulp of the result), then the division by 6 with its exact
 * remainder fma(-q, 6, p): y = q + (r + pl) / 6, one rounding that counts.
 * The derivative (2x + 3) / 6 is x/3 + 1/2 without its cancellation at
 * x = -3/2: 2x + 3 = s + sl exactly (TwoSum, 2x exact), then the same
 * division.  For |x| < 2^-60, y = x/2 rounded upward at a tie (the exact
 * value x/2 + x^2/6 lies above it), -0 for x = -2^-149.  A NaN passes through both. */
#include <math.h>

#include "kernels.h"

/* (s + sl) / 6, rounded once (nearly) */
static inline float div6(float s, float sl) {
  float q = s / 6.0f;
  float r = fmaf(-q, 6.0f, s);
  return q + (r + sl) / 6.0f;
}

static inline float hardswish_stable(float x) {
  if (isnan(x)) return x;
  if (x <= -3.0f) return 0.0f;
  if (x >= 3.0f) return x;
  if (fabsf(x) < 0x1p-60f) {
    /* y = x/2 + x^2/6: x^2 is lost below the subnormals, and where x/2 is a
     * tie (x an odd multiple of 2^-149) the exact value lies above it */
    float h = x * 0.5f;
    if (h + h == x) return h;
    /* x = -2^-149: the exact value lies in (-2^-150, 0), RN is -0 */
    float r = (x + 0x1p-149f) * 0.5f;
    return r == 0 ? copysignf(0.0f, x) : r;
  }
  float s = 3.0f + x;
  float sl = (3.0f - s) + x; /* Fast2Sum */
  float p = x * s;
  float pl = fmaf(x, s, -p) + x * sl;
  return div6(p, pl);
}

static inline float dhardswish_stable(float x) {
  if (isnan(x)) return x;
  if (x < -3.0f) return 0.0f;
  if (x > 3.0f) return 1.0f;
  float a = x + x; /* exact */
  float s = a + 3.0f;
  float bb = s - a;
  float sl = (a - (s - bb)) + (3.0f - bb); /* TwoSum */
  return div6(s, sl);
}

void ACT_SCALAR_NAME(act_hardswish_stable_fwd)(const float *x, float *y, size_t n,
                                               const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = hardswish_stable(x[i]);
}

void ACT_SCALAR_NAME(act_hardswish_stable_bwd)(const float *x, const float *y, const float *dy,
                                               float *dx, size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dhardswish_stable(x[i]);
}
