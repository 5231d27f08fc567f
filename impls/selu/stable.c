/* actbench: SELU, scalar float code written for accuracy.
 *
 *   y  = l x                   for x > 0
 *      = la (e^x - 1)          for x <= 0,    la = l a
 *   dx = dy l  or  dy la e^x   (selu'(0) = la, the x <= 0 branch)
 *
 * l = 1.0507009873554804934193349852946, a = 1.6732632423543772848170429916717
 * (Klambauer et al. 2017).  l and la are double-floats (hi + lo, the float
 * nearest and the rest), so the constants cost nothing: a float l alone is
 * off by 2^-26 relative, la by 2^-27.
 *
 * e^x for x <= 0 comes from act_exp_core (impls/act_math_inline.h) as a
 * double-float E + El (about 2^-26 relative) times a scale s2 (1 unless
 * e^x < 2^-100).  Then
 * - |x| < 2^-12:  e^x - 1 = x + x^2/2 + x^3/6 (+ x^4/24 < 2^-49 x), with
 *   la x as an exact double-float: the near-0 region, where expm1 would
 *   lose relative accuracy in e^x - 1 with E near 1;
 * - otherwise:    la ((E - 1) + El), E - 1 by TwoSum; for x >= -0.69
 *   (E >= 1/2) it is exact (Sterbenz), below the result lies in [la/2, la]
 *   and the cancellation costs at most a factor 2 of 2^-26.
 * The derivative la e^x is the double-float product la (E + El), scaled by
 * s2 last, so a subnormal result is rounded once.
 * |x| < 2^-100 is scaled by 2^64 around the product, so that the low parts
 * of the constants do not underflow.  A NaN x is passed through first
 * (act_exp_core needs a number). */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

static const float l_hi = 0x1.0cfabep+0f, l_lo = -0x1.2addd0p-25f;  /* l */
static const float la_hi = 0x1.c212ccp+0f, la_lo = 0x1.903c0cp-26f; /* l a */

/* e^u, u <= 0, as (E + El) s2 */
static inline void exp_split(float u, float *E, float *El, float *s2) {
  if (u < ACT_EXP_UMIN) u = ACT_EXP_UMIN;
  act_exp_parts e = act_exp_core(u, 0.0f);
  *E = e.s1 * e.p;
  *El = e.s1 * e.pl;
  *s2 = e.s2;
}

static inline float selu_stable(float x) {
  if (isnan(x)) return x;
  if (fabsf(x) < 0x1p-100f) {
    /* l x or la x: the low part's product would underflow, so scale by 2^64
     * (exact); the scaling back is exact too unless the result is subnormal */
    float xs = x * 0x1p64f;
    float r = x > 0.0f ? fmaf(l_hi, xs, l_lo * xs) : fmaf(la_hi, xs, la_lo * xs);
    return r * 0x1p-64f;
  }
  if (x > 0.0f) return x == INFINITY ? x : fmaf(l_hi, x, l_lo * x); /* inf - inf */
  if (x > -0x1p-12f) {
    /* la x + la x^2 (1/2 + x/6) */
    float p = la_hi * x;
    float pl = fmaf(la_hi, x, -p) + la_lo * x;
    float t = la_hi * x * x * fmaf(x, 0x1.555556p-3f, 0.5f);
    return p + (pl + t);
  }
  float E, El, s2;
  exp_split(x, &E, &El, &s2);
  E *= s2; /* s2 < 1 only where E is far below ulp(1) */
  El *= s2;
  float d = E - 1.0f;
  float bb = d - E;
  float dl = (E - (d - bb)) + (-1.0f - bb) + El; /* E - 1 = d + (TwoSum error), Knuth */
  return fmaf(la_hi, d, fmaf(la_hi, dl, la_lo * d));
}

static inline float dselu_stable(float x) {
  if (isnan(x)) return x;
  if (x > 0.0f) return l_hi;
  float E, El, s2;
  exp_split(x, &E, &El, &s2);
  float p = la_hi * E;
  float pl = fmaf(la_hi, E, -p) + fmaf(la_hi, El, la_lo * E);
  return (p + pl) * s2;
}

void ACT_SCALAR_NAME(act_selu_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                 const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = selu_stable(x[i]);
}

void ACT_SCALAR_NAME(act_selu_scalar_stable_bwd)(const float *x, const float *y, const float *dy,
                                                 float *dx, size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dselu_stable(x[i]);
}
