/* actbench: softplus with slope b = p->a, scalar float code written for
 * accuracy.  The exact value is log(1 + e^(b x)) / b (the reference has no
 * threshold).
 *
 * With t = b x, rounded, and tl = fma(b, x, -t) its exact rounding error:
 *   sp(t + tl) = max(t + tl, 0) + log1p(e),   e = e^-|t + tl| <= 1,
 * which cannot overflow, and nothing cancels: both terms are >= 0.
 * e comes from act_exp_core (impls/act_math_inline.h) as a double-float
 * E + El times a scale s2 (1 unless e < 2^-100), with tl folded into the
 * exponent, so a slope b != 1 costs no accuracy.  log1p(e):
 *   e <  2^-8   e (1 - e/2 + e^2/3 - e^3/4), the series (next term < 2^-34
 *               relative), kept scaled by s2 to the end so that a subnormal
 *               result is rounded once;
 *   otherwise   log1pf(E) + El / (1 + E)   (glibc 2.36 log1pf: 0.80 ulp).
 * max(t + tl, 0) + log1p(e) is summed as a double-float (TwoSum), and the
 * division by b is corrected with its exact remainder fma(-q, b, s).
 *
 * The threshold p->b: frameworks return x where b x > threshold.  That is
 * the correctly rounded value only where log1p(e^-bx)/b is below half an ulp
 * of x; so the rule is applied only where it is: t > 32 returns x (there
 * e^-t / t < 2^-50) whatever the threshold, and below 32 the formula is
 * always evaluated.  The threshold parameter is therefore ignored: with the
 * default 20 the results are the same, with a small one they are exact where
 * the frameworks' are not.
 *
 * Derivative from x: sigma(b x) = 1/(1 + e) for t >= 0, e/(1 + e) for t < 0,
 * with 1/(1 + e) a double-float (act_recip_sum), so no 1 - y cancellation
 * and no premature underflow.  A NaN passes through. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

/* e^(u + ul), u <= 0, as (E + El) s2 */
static inline void exp_split(float u, float ul, float *E, float *El, float *s2) {
  if (!(u >= ACT_EXP_UMIN)) u = ACT_EXP_UMIN, ul = 0.0f;
  act_exp_parts e = act_exp_core(u, ul);
  *E = e.s1 * e.p;
  *El = e.s1 * e.pl;
  *s2 = e.s2;
}

static inline float softplus_stable(float x, float b) {
  float t = b * x;
  if (isnan(t)) return t;
  if (t > 32.0f) return x;
  if (t < -120.0f) return copysignf(0.0f, b);
  float tl = fmaf(b, x, -t); /* b x = t + tl */
  int pos = t >= 0.0f;
  float E, El, s2;
  exp_split(-fabsf(t), pos ? -tl : tl, &E, &El, &s2);
  float s, sl; /* max(t + tl, 0) + log1p(e), before the scale s2 */
  if (E < 0x1p-8f) {
    float e = E * s2; /* the true e, for the series' small terms */
    float r = e * fmaf(e, fmaf(e, -0.25f, 0x1.555556p-2f), -0.5f); /* -e/2 + e^2/3 - e^3/4 */
    if (pos) {
      /* here t > 5.5: t + tl + (E + El) s2 (s2 == 1 unless t > 69) */
      s = t + e;
      sl = ((t - s) + e) + (tl + fmaf(e, r, El * s2));
      s2 = 1.0f;
    } else {
      s = E;
      sl = fmaf(E, r, El);
    }
  } else {
    float L = log1pf(E);
    float Ll = El / (1.0f + E);
    if (pos) {
      s = t + L;
      float bb = s - t;
      sl = ((t - (s - bb)) + (L - bb)) + (tl + Ll); /* TwoSum */
    } else {
      s = L;
      sl = Ll;
    }
  }
  float q = s / b;
  float r = fmaf(-q, b, s); /* exact remainder */
  return (q + (r + sl) / b) * s2;
}

/* sigma(b x) */
static inline float dsoftplus_stable(float x, float b) {
  float t = b * x;
  if (isnan(t)) return t;
  float tl = fmaf(b, x, -t);
  int pos = t >= 0.0f;
  float E, El, s2;
  exp_split(-fabsf(t), pos ? -tl : tl, &E, &El, &s2);
  float w, wl;
  act_recip_sum(1.0f, E * s2, El * s2, &w, &wl); /* 1/(1 + e) */
  if (pos) return w + wl;
  return fmaf(E, w, fmaf(E, wl, El * w)) * s2;
}

void ACT_SCALAR_NAME(act_softplus_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                     const act_params *p) {
  const float b = p->a;
  for (size_t i = 0; i < n; i++) y[i] = softplus_stable(x[i], b);
}

void ACT_SCALAR_NAME(act_softplus_scalar_stable_bwd)(const float *x, const float *y,
                                                     const float *dy, float *dx, size_t n,
                                                     const act_params *p) {
  (void)y;
  const float b = p->a;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dsoftplus_stable(x[i], b);
}
