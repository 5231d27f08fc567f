/* actbench: GELU, scalar float code written for accuracy.
 *
 *   y  = x Phi(x),  Phi(x) = erfc(-x/sqrt 2) / 2
 *   y' = Phi(x) + x phi(x),  phi(x) = e^(-x^2/2) / sqrt(2 pi)
 *
 * z = x/sqrt 2 is a double-float zh + zl (1/sqrt 2 as hi + lo): erfc(w) for
 * w >> 0 has relative condition number 2 w^2, so the rounding of z alone
 * would cost up to ~2^7 ulp at the end of the range; the low part enters as
 * the first-order correction erf(zh + zl) = erf(zh) + zl (2/sqrt pi) e^-zh^2.
 *   x >= -0.6:     Phi = (1 + erff(z)) / 2, the sum kept as a double-float
 *                  (Fast2Sum); erf(z) > -0.45 there, so it loses < 1 bit,
 *                  and erff (0.86 ulp) beats erfcf near 0;
 *   -12.5 <= x < -0.6: Phi = erfcf(-z) / 2 (not 1 + erf, which cancels);
 *   x < -12.5:     erfcf(-z) would be subnormal and its rounding multiplied
 *                  by |x| (and it underflows to 0 at x = -14.2 where y does
 *                  not until -14.5), so the asymptotic series of the Mills
 *                  ratio is used: x Phi(x) = -phi(t) S(1/t^2), t = -x,
 *                  S(v) = 1 - v + 3v^2 - 15v^3 + 105v^4 - 945v^5 + 10395v^6
 *                  (the first omitted term, 135135 v^7 < 2^-34 at t = 12.5),
 *                  with e^(-x^2/2) from act_exp_core (impls/act_math_inline.h)
 *                  for the double-float argument x^2/2 (fma), scaled last so
 *                  that a subnormal result is rounded once.
 * The errors left are the C library's: glibc 2.36 erfcf is off by up to
 * 2.8 ulp (erff 0.86), measured.
 *
 * y' for x >= 0 adds two positive double-floats.  For x < 0 the two terms
 * have opposite signs and cancel at x0 = -0.751791524693564 (the minimum of
 * gelu); around it (DWIN_LO < x < DWIN_HI) erfcf's error is amplified by
 * Phi / |y'| and the derivative is evaluated in double precision instead
 * (erfc and exp of glibc).  For x < -12.5, y' = x phi(x) (1 - S/t^2), again
 * from the scaled exponential.
 *
 * Tiny x: y = x/2 + x^2/sqrt(2 pi); where x/2 is a tie between two
 * subnormals the exact value lies above it, so it is rounded by hand.
 * x > 6: y = x (1 - Phi < 2^-29); x > 8: y' = 1; x < -15: -0 for both.
 * A NaN passes through. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

#define DWIN_LO (-2.5f)
#define DWIN_HI (-0.2f)

static const float r2_hi = 0x1.6a09e6p-1f, r2_lo = 0x1.9fcef4p-27f;  /* 1/sqrt 2 */
static const float rp_hi = 0x1.988454p-2f, rp_lo = -0x1.857936p-27f; /* 1/sqrt(2 pi) */
static const float tsp = 0x1.20dd76p+0f;                             /* 2/sqrt pi */

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

/* 2 Phi(x) = erfc(-x/sqrt 2) as a double-float, for -12.5 <= x <= 8 */
static inline void two_phi(float x, float *ph, float *pl) {
  float zh = x * r2_hi;
  float zl = fmaf(x, r2_hi, -zh) + x * r2_lo;
  float d = zl * tsp * expf(-zh * zh); /* erf(zh + zl) - erf(zh), first order */
  if (x >= -0.6f) {
    float e = erff(zh);
    *ph = 1.0f + e;
    *pl = ((1.0f - *ph) + e) + d; /* Fast2Sum: |e| < 1 */
  } else {
    *ph = erfcf(-zh);
    *pl = d;
  }
}

/* S(1/x^2) - 1 for the Mills ratio series, |x| >= 12.5 */
static inline float mills_tail(float x) {
  float v = 1.0f / (x * x);
  float s = fmaf(v, 10395.0f, -945.0f);
  s = fmaf(v, s, 105.0f);
  s = fmaf(v, s, -15.0f);
  s = fmaf(v, s, 3.0f);
  s = fmaf(v, s, -1.0f);
  return v * s;
}

/* e^(-x^2/2) as (E + El) s2 */
static inline void gauss(float x, float *E, float *El, float *s2) {
  float q = x * x;
  float ql = fmaf(x, x, -q);
  exp_split(-0.5f * q, -0.5f * ql, E, El, s2);
}

static inline float gelu_stable(float x) {
  if (isnan(x)) return x;
  if (x > 6.0f) return x;
  if (x < -15.0f) return -0.0f;
  if (fabsf(x) < 0x1p-100f) {
    float h = x * 0.5f;
    if (h + h == x) return h;
    /* a tie: the exact value is above; for x = -2^-149 it lies in
     * (-2^-150, 0), where RN is -0, not the sum's +0 */
    float r = (x + 0x1p-149f) * 0.5f;
    return r == 0.0f ? copysignf(0.0f, x) : r;
  }
  if (x >= -12.5f) {
    float ph, pl;
    two_phi(x, &ph, &pl);
    return 0.5f * fmaf(x, ph, x * pl);
  }
  float E, El, s2;
  gauss(x, &E, &El, &s2);
  float kl = fmaf(rp_hi, mills_tail(x), rp_lo); /* phi(t) S / e^(-t^2/2) = rp_hi + kl */
  return -(fmaf(E, rp_hi, fmaf(E, kl, El * rp_hi)) * s2);
}

static inline float dgelu_stable(float x) {
  if (isnan(x)) return x;
  if (x > 8.0f) return 1.0f;
  if (x < -15.0f) return -0.0f;
  if (x > DWIN_LO && x < DWIN_HI) {
    double xd = x;
    return (float)(0.5 * erfc(-xd * 0.70710678118654752440) +
                   xd * exp(-0.5 * xd * xd) * 0.39894228040143267794);
  }
  float E, El, s2, xh, xl, ph, pl;
  gauss(x, &E, &El, &s2);
  mul22(x, 0.0f, rp_hi, rp_lo, &xh, &xl);
  mul22(xh, xl, E, El, &ph, &pl); /* x phi(x) / s2 */
  if (x >= -12.5f) {
    float fh, fl;
    two_phi(x, &fh, &fl);
    add22(0.5f * fh, 0.5f * fl, ph * s2, pl * s2, &fh, &fl); /* s2 < 1 for x < -11.8 */
    return fh + fl;
  }
  float g = 1.0f + mills_tail(x); /* S */
  g *= 1.0f / (x * x);            /* S / t^2 <= 0.006 */
  float G = 1.0f - g;
  float Gl = (1.0f - G) - g;
  mul22(ph, pl, G, Gl, &ph, &pl);
  return (ph + pl) * s2;
}

void ACT_SCALAR_NAME(act_gelu_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                 const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = gelu_stable(x[i]);
}

void ACT_SCALAR_NAME(act_gelu_scalar_stable_bwd)(const float *x, const float *y, const float *dy,
                                                 float *dx, size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dgelu_stable(x[i]);
}
