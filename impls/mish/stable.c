/* actbench: Mish (Misra 2019), scalar float code written for accuracy.
 *
 * tanh(softplus x) = ((1 + e^x)^2 - 1) / ((1 + e^x)^2 + 1) = n / (n + 2),
 * n = e^x (e^x + 2), evaluated without overflow or cancellation:
 *   x <  0:  e = e^x  <= 1,   T = n / D,            D = n + 2
 *   x >= 0:  e = e^-x <= 1,   T = 1 - 2 e^2 / D',   D' = 1 + 2e + 2e^2
 *            (n / (n + 2) with numerator and denominator divided by e^2x;
 *             2 e^2 / D' <= 0.4, so the subtraction loses < 1 bit)
 *   y = x T.
 * The derivative tanh(sp) + x sech^2(sp) sigma(x), with sech^2 = 1 - T^2 =
 * 4 (n + 1) / D^2 and n + 1 = (1 + e^x)^2, becomes
 *   x >= 0:  y' = T + 4 x e^2 (1 + e) / D'^2        (every term >= 0)
 *   x <  0:  y' = (e / D) ((2 + e) + 4 x (1 + e) / D).
 * e comes from act_exp_core (impls/act_math_inline.h) as a double-float
 * E + El (about 2^-26 relative) times a scale s2 (1 unless e < 2^-100), the
 * reciprocal 1/D as a double-float (one Newton step on the exact residual),
 * and every product and sum above as a double-float; s2 is applied last, so
 * a subnormal result (x < -87) is rounded once.
 *
 * For x < 0 the bracket (2 + e) + 4 x (1 + e) / D vanishes at
 * x0 = -1.19243121451550 (the minimum of mish), where a float evaluation
 * loses its relative accuracy; in the window DWIN_LO < x < DWIN_HI the
 * derivative is evaluated in double precision instead (exp of glibc).
 *
 * x > 9.5 returns y = x (2 e^-2x < 2^-26), x > 12 y' = 1 (4 x e^-2x <
 * 2^-28), x < -120 returns -0 for both.  A NaN passes through. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

#define DWIN_LO (-1.36f)
#define DWIN_HI (-1.02f)

/* e^u, u <= 0, as (E + El) s2 */
static inline void exp_split(float u, float *E, float *El, float *s2) {
  if (!(u >= ACT_EXP_UMIN)) u = ACT_EXP_UMIN;
  act_exp_parts e = act_exp_core(u, 0.0f);
  *E = e.s1 * e.p;
  *El = e.s1 * e.pl;
  *s2 = e.s2;
}

/* double-float helpers: (h, l) unevaluated sums */
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

/* 1/(dh + dl) */
static inline void recip22(float dh, float dl, float *wh, float *wl) {
  float w = 1.0f / dh;
  float res = fmaf(-w, dh, 1.0f);
  *wl = w * fmaf(-w, dl, res);
  *wh = w;
}

/* The parts shared by y and y'. */
typedef struct {
  float E, El, s2; /* e = (E + El) s2 */
  float wh, wl;    /* 1/D or 1/D' */
  float th, tl;    /* T, for x < 0 before the scale s2 */
  float ah, al;    /* x < 0: 2 + e;  x >= 0: e^2 */
} mish_parts;

static inline mish_parts mish_core(float x) {
  mish_parts m;
  if (x >= 0.0f) {
    exp_split(-x, &m.E, &m.El, &m.s2); /* s2 == 1: x <= 12 here */
    float e2h, e2l, nh, nl, dh, dl, rh, rl;
    mul22(m.E, m.El, m.E, m.El, &e2h, &e2l);
    add22(1.0f, 0.0f, 2.0f * m.E, 2.0f * m.El, &nh, &nl); /* N = 1 + 2e */
    add22(nh, nl, 2.0f * e2h, 2.0f * e2l, &dh, &dl);      /* D' = N + 2e^2 */
    recip22(dh, dl, &m.wh, &m.wl);
    mul22(2.0f * e2h, 2.0f * e2l, m.wh, m.wl, &rh, &rl); /* 2e^2 / D' <= 0.4 */
    m.th = 1.0f - rh;
    m.tl = ((1.0f - m.th) - rh) - rl; /* Fast2Sum */
    m.ah = e2h;
    m.al = e2l;
  } else {
    exp_split(x, &m.E, &m.El, &m.s2);
    float ee = m.E * m.s2, eel = m.El * m.s2; /* e itself (tiny when s2 < 1) */
    float nh, nl, dh, dl;
    m.ah = 2.0f + ee;
    m.al = ((2.0f - m.ah) + ee) + eel;                 /* 2 + e, Fast2Sum */
    mul22(m.E, m.El, m.ah, m.al, &nh, &nl);            /* n / s2 */
    add22(2.0f, 0.0f, nh * m.s2, nl * m.s2, &dh, &dl); /* D = 2 + n */
    recip22(dh, dl, &m.wh, &m.wl);
    mul22(nh, nl, m.wh, m.wl, &m.th, &m.tl); /* T / s2 */
  }
  return m;
}

static inline float mish_stable(float x) {
  if (isnan(x)) return x;
  if (x == 0.0f) return x; /* -0 for -0 (p + pl below is +0) */
  if (x > 9.5f) return x;
  if (x < -120.0f) return -0.0f;
  mish_parts m = mish_core(x);
  float p = x * m.th;
  float pl = fmaf(x, m.th, -p) + x * m.tl;
  return x >= 0.0f ? p + pl : (p + pl) * m.s2;
}

static inline float dmish_stable(float x) {
  if (isnan(x)) return x;
  if (x > 12.0f) return 1.0f;
  if (x < -120.0f) return -0.0f;
  if (x > DWIN_LO && x < DWIN_HI) {
    double xd = x, e = exp(xd);
    double n = e * (e + 2.0), d = n + 2.0;
    return (float)(n / d + 4.0 * xd * e * (1.0 + e) / (d * d));
  }
  mish_parts m = mish_core(x);
  float oh = 1.0f + m.E * m.s2;
  float ol = ((1.0f - oh) + m.E * m.s2) + m.El * m.s2; /* 1 + e, Fast2Sum */
  float qh, ql, rh, rl;
  if (x >= 0.0f) {
    /* T + 4 x e^2 (1 + e) W^2 */
    mul22(m.ah, m.al, oh, ol, &qh, &ql);     /* e^2 (1 + e) */
    mul22(qh, ql, m.wh, m.wl, &qh, &ql);     /* ... W */
    mul22(qh, ql, m.wh, m.wl, &qh, &ql);     /* ... W^2 */
    mul22(qh, ql, 4.0f * x, 0.0f, &qh, &ql); /* ... 4x */
    add22(m.th, m.tl, qh, ql, &rh, &rl);
    return rh + rl;
  }
  /* E W ((2 + e) + 4 x (1 + e) W), scaled by s2 */
  mul22(oh, ol, m.wh, m.wl, &qh, &ql);
  mul22(qh, ql, 4.0f * x, 0.0f, &qh, &ql);
  add22(m.ah, m.al, qh, ql, &qh, &ql);
  mul22(m.E, m.El, m.wh, m.wl, &rh, &rl);
  mul22(rh, rl, qh, ql, &rh, &rl);
  return (rh + rl) * m.s2;
}

void ACT_SCALAR_NAME(act_mish_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                 const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = mish_stable(x[i]);
}

void ACT_SCALAR_NAME(act_mish_scalar_stable_bwd)(const float *x, const float *y, const float *dy,
                                                 float *dx, size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dmish_stable(x[i]);
}
