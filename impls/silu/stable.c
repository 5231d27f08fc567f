/* actbench: SiLU / swish with slope b = p->a, scalar float code written for
 * accuracy.
 *
 * With t = b x, rounded, and tl = fma(b, x, -t) its exact rounding error,
 * e = e^-|t + tl| <= 1 from act_exp_core (impls/act_math_inline.h) as a
 * double-float E + El times a scale s2 (1 unless e < 2^-100), and
 * w + wl = 1/(1 + e) a double-float (act_recip_sum):
 *   sigma(t) = w          for t >= 0,    e w   for t < 0      (no overflow)
 *   y  = x sigma(t)                 the product kept as a double-float and
 *                                   scaled by s2 last, so a subnormal result
 *                                   (t < -87) is rounded once;
 *   y' = sigma(t) (1 + t sigma(-t))
 *      = w (1 + t e w)          for t >= 0   (every term positive)
 *      = e w (1 + t w)          for t < 0
 * with every product and sum a double-float.  For t < 0 the factor 1 + t w
 * vanishes at t0 = -1.27846454276107 (the minimum of silu), and there no
 * float evaluation keeps its relative accuracy: the e^x of act_exp_core is
 * good to about 2^-26, which the cancellation multiplies by
 * (1 + |t| w) / |1 + t w|.  In the window DWIN_LO < t < DWIN_HI around t0
 * the derivative is evaluated in double precision instead (exp of glibc,
 * < 1 ulp of double), which leaves 29 bits for the cancellation.
 *
 * Tiny x: y = x/2 + b x^2/4; where x/2 is a tie between two subnormals the
 * b x^2 term (lost below 2^-149) decides, so it is rounded by hand.
 * t > 32 returns y = x, y' = 1 (e^-t t < 2^-40); t < -120 returns +-0.
 * A NaN passes through. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

#define DWIN_LO (-1.45f)
#define DWIN_HI (-1.1f)

/* e^(u + ul), u <= 0, as (E + El) s2 */
static inline void exp_split(float u, float ul, float *E, float *El, float *s2) {
  if (!(u >= ACT_EXP_UMIN)) u = ACT_EXP_UMIN, ul = 0.0f;
  act_exp_parts e = act_exp_core(u, ul);
  *E = e.s1 * e.p;
  *El = e.s1 * e.pl;
  *s2 = e.s2;
}

static inline float silu_stable(float x, float b) {
  float t = b * x;
  if (isnan(t)) return t;
  if (t > 32.0f) return x;
  if (t < -120.0f) return copysignf(0.0f, x);
  if (fabsf(x) < 0x1p-100f && fabsf(t) < 0x1p-30f) {
    float h = x * 0.5f;
    if (h + h == x || b == 0.0f) return h;
    /* the tie, decided by b x^2; at x = -2^-149 (b > 0) the exact value lies
     * in (-2^-150, 0): -0, not the +0 of the sum */
    float r = (x + copysignf(0x1p-149f, b)) * 0.5f;
    return r == 0.0f ? copysignf(0.0f, x) : r;
  }
  float tl = fmaf(b, x, -t); /* b x = t + tl */
  int pos = t >= 0.0f;
  float E, El, s2, w, wl;
  exp_split(-fabsf(t), pos ? -tl : tl, &E, &El, &s2);
  act_recip_sum(1.0f, E * s2, El * s2, &w, &wl); /* 1/(1 + e) */
  if (pos) return fmaf(x, w, x * wl);
  float p = x * E;
  float pl = fmaf(x, E, -p) + x * El; /* x (E + El) */
  return fmaf(p, w, fmaf(p, wl, pl * w)) * s2;
}

static inline float dsilu_stable(float x, float b) {
  float t = b * x;
  if (isnan(t)) return t;
  if (t > 32.0f) return 1.0f;
  if (t < -120.0f) return -0.0f;
  if (t > DWIN_LO && t < DWIN_HI) {
    double td = (double)b * (double)x; /* exact */
    double s = 1.0 / (1.0 + exp(-td));
    return (float)(s * (1.0 + td * (1.0 - s)));
  }
  float tl = fmaf(b, x, -t);
  int pos = t >= 0.0f;
  float E, El, s2, w, wl;
  exp_split(-fabsf(t), pos ? -tl : tl, &E, &El, &s2);
  act_recip_sum(1.0f, E * s2, El * s2, &w, &wl);
  if (pos) {
    /* w (1 + g), g = (t + tl) (E + El) (w + wl) <= 0.28; s2 == 1 here */
    float a = t * E;
    float al = fmaf(t, E, -a) + fmaf(t, El, tl * E);
    float g = a * w;
    float gl = fmaf(a, w, -g) + fmaf(a, wl, al * w);
    float G = 1.0f + g;
    float Gl = ((1.0f - G) + g) + gl; /* Fast2Sum */
    return fmaf(w, G, fmaf(w, Gl, wl * G));
  }
  /* (E + El)(w + wl)(1 + (t + tl)(w + wl)), scaled by s2 */
  float a = t * w;
  float al = fmaf(t, w, -a) + fmaf(t, wl, tl * w);
  float G = 1.0f + a;
  float bb = G - a;
  float Gl = ((a - (G - bb)) + (1.0f - bb)) + al; /* TwoSum */
  float p1 = E * w;
  float p1l = fmaf(E, w, -p1) + fmaf(E, wl, El * w);
  float p2 = p1 * G;
  float p2l = fmaf(p1, G, -p2) + fmaf(p1, Gl, p1l * G);
  return (p2 + p2l) * s2;
}

void ACT_SCALAR_NAME(act_silu_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                 const act_params *p) {
  const float b = p->a;
  for (size_t i = 0; i < n; i++) y[i] = silu_stable(x[i], b);
}

void ACT_SCALAR_NAME(act_silu_scalar_stable_bwd)(const float *x, const float *y, const float *dy,
                                                 float *dx, size_t n, const act_params *p) {
  (void)y;
  const float b = p->a;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dsilu_stable(x[i], b);
}
