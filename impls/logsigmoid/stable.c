/* actbench: log-sigmoid, scalar float code written for accuracy.
 *
 *   log sigma(x) = min(x, 0) - log1p(e),   e = e^-|x| <= 1,
 * which cannot overflow, and nothing cancels (both terms are <= 0).
 * e comes from act_exp_core (impls/act_math_inline.h) as a double-float
 * E + El times a scale s2 (1 unless e < 2^-100).  log1p(e):
 *   e <  2^-8   e (1 - e/2 + e^2/3 - e^3/4), the series (next term < 2^-34
 *               relative), kept scaled by s2 to the end so that a subnormal
 *               result (x > 87) is rounded once;
 *   otherwise   log1pf(E) + El / (1 + E)   (glibc 2.36 log1pf: 0.80 ulp),
 * and min(x, 0) - log1p(e) is summed as a double-float (TwoSum).  x < -32
 * returns x (log1p(e^x) < 2^-50 |x|), x > 120 returns -0.
 *
 * Derivative from x: sigma(-x) = 1/(1 + e) for x <= 0, e/(1 + e) for x > 0,
 * with 1/(1 + e) a double-float (act_recip_sum): no cancellation, no
 * premature underflow.  A NaN passes through. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

/* e^u, u <= 0, as (E + El) s2 */
static inline void exp_split(float u, float *E, float *El, float *s2) {
  if (!(u >= ACT_EXP_UMIN)) u = ACT_EXP_UMIN;
  act_exp_parts e = act_exp_core(u, 0.0f);
  *E = e.s1 * e.p;
  *El = e.s1 * e.pl;
  *s2 = e.s2;
}

static inline float logsigmoid_stable(float x) {
  if (isnan(x)) return x;
  if (x < -32.0f) return x;
  if (x > 120.0f) return -0.0f;
  int neg = x < 0.0f;
  float E, El, s2;
  exp_split(-fabsf(x), &E, &El, &s2);
  float s, sl; /* log1p(e) - min(x, 0), before the scale s2 */
  if (E < 0x1p-8f) {
    float e = E * s2;
    float r = e * fmaf(e, fmaf(e, -0.25f, 0x1.555556p-2f), -0.5f); /* -e/2 + e^2/3 - e^3/4 */
    if (neg) {
      /* x < -5.5, s2 == 1 */
      s = E - x;
      sl = ((-x - s) + E) + fmaf(E, r, El);
    } else {
      s = E;
      sl = fmaf(E, r, El);
    }
  } else {
    float L = log1pf(E);
    float Ll = El / (1.0f + E);
    if (neg) {
      s = L - x;
      float bb = s - L;
      sl = ((L - (s - bb)) + (-x - bb)) + Ll; /* TwoSum */
    } else {
      s = L;
      sl = Ll;
    }
  }
  return -((s + sl) * s2);
}

/* sigma(-x) */
static inline float dlogsigmoid_stable(float x) {
  if (isnan(x)) return x;
  float E, El, s2;
  exp_split(-fabsf(x), &E, &El, &s2);
  float w, wl;
  act_recip_sum(1.0f, E * s2, El * s2, &w, &wl); /* 1/(1 + e) */
  if (x <= 0.0f) return w + wl;
  return fmaf(E, w, fmaf(E, wl, El * w)) * s2;
}

void ACT_SCALAR_NAME(act_logsigmoid_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                       const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = logsigmoid_stable(x[i]);
}

void ACT_SCALAR_NAME(act_logsigmoid_scalar_stable_bwd)(const float *x, const float *y,
                                                       const float *dy, float *dx, size_t n,
                                                       const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dlogsigmoid_stable(x[i]);
}
