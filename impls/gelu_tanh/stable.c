/* actbench: the tanh approximation of GELU, scalar float code written for
 * accuracy.
 *
 * With u = k (x + c x^3), k = sqrt(2/pi), c = 0.044715, and
 * 1 + tanh u = 2 sigma(2u):
 *   y  = x sigma(2u)                  (no 1 + tanh cancellation for x < 0)
 *   y' = sigma(2u) (1 + 2 x u' sigma(-2u)),   u' = k (1 + 3 c x^2)
 *      = w (1 + A e w)      for x >= 0        e = e^-|2u|, w = 1/(1 + e),
 *      = e w (1 + A w)      for x < 0         A = 2 x u'
 * 2u is a double-float (x^3 by fma, c and k as double-floats hi + lo): the
 * exponential multiplies an absolute error of 2u into a relative error of
 * the result, and |2u| reaches 110 before the result underflows, so a float
 * 2u alone would cost up to ~2^6 ulp.  e comes from act_exp_core
 * (impls/act_math_inline.h), which takes 2u's low part as a correction, as a
 * double-float E + El times a scale s2 (1 unless e < 2^-100), 1/(1 + e) as a
 * double-float (act_recip_sum), every product and sum as a double-float,
 * and s2 last, so a subnormal result (x < -11) is rounded once.
 *
 * For x < 0 the factor 1 + A w vanishes at x0 = -0.752461422071016 (the
 * minimum), where a float evaluation loses its relative accuracy; in the
 * window DWIN_LO < x < DWIN_HI the derivative is evaluated in double
 * precision instead (exp of glibc).
 *
 * Tiny x: y = x/2 + k x^2/2; where x/2 is a tie between two subnormals the
 * exact value lies above it, so it is rounded by hand.  |x| > 12: y = x or
 * -0, y' = 1 or -0 (e < 2^-140).  A NaN passes through. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

#define DWIN_LO (-0.92f)
#define DWIN_HI (-0.58f)

static const float k2_hi = 0x1.988454p+0f, k2_lo = -0x1.857936p-25f; /* 2 sqrt(2/pi) */
static const float c_hi = 0x1.6e4e26p-5f, c_lo = 0x1.a9003ep-30f;    /* 0.044715 */
static const float c3_hi = 0x1.12ba9ep-3f, c3_lo = -0x1.c13fd0p-28f; /* 3 * 0.044715 */

/* e^(u + ul), u <= 0, as (E + El) s2 */
static inline void exp_split(float u, float ul, float *E, float *El, float *s2) {
  if (!(u >= ACT_EXP_UMIN)) u = ACT_EXP_UMIN, ul = 0.0f;
  act_exp_parts e = act_exp_core(u, ul);
  *E = e.s1 * e.p;
  *El = e.s1 * e.pl;
  *s2 = e.s2;
}

static inline void mul22(float ah, float al, float bh, float bl, float *ph, float *pl) {
  float p = ah * bh;
  *pl = fmaf(ah, bh, -p) + fmaf(ah, bl, al * bh);
  *ph = p;
}

static inline void add22(float ah, float al, float bh, float bl, float *sh, float *sl) {
  float s = ah + bh;
  float bb = s - ah;
  *sl = ((ah - (s - bb)) + (bh - bb)) + (al + bl); /* TwoSum */
  *sh = s;
}

typedef struct {
  float E, El, s2; /* e = e^-|2u| = (E + El) s2 */
  float w, wl;     /* 1/(1 + e) */
  float x2, x2l;   /* x^2 */
} gt_parts;

static inline gt_parts gt_core(float x) {
  gt_parts g;
  float x3, x3l, vh, vl, uh, ul;
  g.x2 = x * x;
  g.x2l = fmaf(x, x, -g.x2);
  x3 = g.x2 * x;
  x3l = fmaf(g.x2, x, -x3) + g.x2l * x;
  mul22(c_hi, c_lo, x3, x3l, &vh, &vl);
  add22(x, 0.0f, vh, vl, &vh, &vl);      /* x + c x^3 */
  mul22(k2_hi, k2_lo, vh, vl, &uh, &ul); /* 2u */
  if (x >= 0.0f) uh = -uh, ul = -ul;     /* -|2u| */
  exp_split(uh, ul, &g.E, &g.El, &g.s2);
  act_recip_sum(1.0f, g.E * g.s2, g.El * g.s2, &g.w, &g.wl);
  return g;
}

static inline float gelu_tanh_stable(float x) {
  if (isnan(x)) return x;
  if (x > 12.0f) return x;
  if (x < -12.0f) return -0.0f;
  if (fabsf(x) < 0x1p-100f) {
    float h = x * 0.5f;
    if (h + h == x) return h;
    /* a tie: the exact value is above; for x = -2^-149 it lies in
     * (-2^-150, 0), where RN is -0, not the sum's +0 */
    float r = (x + 0x1p-149f) * 0.5f;
    return r == 0.0f ? copysignf(0.0f, x) : r;
  }
  gt_parts g = gt_core(x);
  if (x >= 0.0f) return fmaf(x, g.w, x * g.wl);
  float p = x * g.E;
  float pl = fmaf(x, g.E, -p) + x * g.El;
  return fmaf(p, g.w, fmaf(p, g.wl, pl * g.w)) * g.s2;
}

static inline float dgelu_tanh_stable(float x) {
  if (isnan(x)) return x;
  if (x > 12.0f) return 1.0f;
  if (x < -12.0f) return -0.0f;
  if (x > DWIN_LO && x < DWIN_HI) {
    const double k = 0.79788456080286535588, c = 0.044715;
    double xd = x, u = k * (xd + c * xd * xd * xd);
    double s = 1.0 / (1.0 + exp(-2.0 * u));
    return (float)(s * (1.0 + 2.0 * xd * k * (1.0 + 3.0 * c * xd * xd) * (1.0 - s)));
  }
  gt_parts g = gt_core(x);
  float bh, bl, ah, al, qh, ql, rh, rl;
  mul22(c3_hi, c3_lo, g.x2, g.x2l, &bh, &bl);
  add22(1.0f, 0.0f, bh, bl, &bh, &bl);    /* 1 + 3 c x^2 */
  mul22(k2_hi, k2_lo, x, 0.0f, &ah, &al); /* 2 k x */
  mul22(ah, al, bh, bl, &ah, &al);        /* A = 2 x u' */
  if (x >= 0.0f) {
    mul22(ah, al, g.E, g.El, &qh, &ql); /* s2 == 1 here */
    mul22(qh, ql, g.w, g.wl, &qh, &ql);
    add22(1.0f, 0.0f, qh, ql, &qh, &ql);
    mul22(g.w, g.wl, qh, ql, &rh, &rl);
    return rh + rl;
  }
  mul22(ah, al, g.w, g.wl, &qh, &ql);
  add22(1.0f, 0.0f, qh, ql, &qh, &ql); /* 1 + A w */
  mul22(g.E, g.El, g.w, g.wl, &rh, &rl);
  mul22(rh, rl, qh, ql, &rh, &rl);
  return (rh + rl) * g.s2;
}

void ACT_SCALAR_NAME(act_gelu_tanh_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                      const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = gelu_tanh_stable(x[i]);
}

void ACT_SCALAR_NAME(act_gelu_tanh_scalar_stable_bwd)(const float *x, const float *y,
                                                      const float *dy, float *dx, size_t n,
                                                      const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dgelu_tanh_stable(x[i]);
}
