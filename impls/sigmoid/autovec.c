/* actbench: sigmoid, plain C loops that gcc -O3 vectorizes (compiled once
 * with the AVX2 flags and once with the AVX-512 flags; see kernels.h).
 *
 * Algorithm "rr2-p7-div" (registry: sigmoid.<isa>.autovec-rr2-p7-div):
 * e = exp(-|a x|) by act_exp_core (impls/act_math_inline.h): Cody & Waite
 * range reduction with two constants (rr2), Taylor polynomial of degree 7 for
 * expm1 on [-ln2/2, ln2/2] (p7), 2^k from the exponent bits, two-step scaling
 * so subnormal results are rounded once; then
 *   sigma(a x) = 1/(1 + e) (a x >= 0)  or  e/(1 + e) (a x < 0),
 *   sigma'     = a e / (1 + e)^2,
 * with one true division (div) per element for 1/(1 + e), refined to a
 * double-float (Fast2Sum for 1 + e, one Newton step on the exact residual).
 * The rounding error of t = a x is folded into the reduced argument, so a
 * slope a != 1 costs no accuracy.
 *
 * No libm call in the loops (fmaf and fabsf become instructions).  Both
 * branches are computed and selected, so the loop has no control flow.
 * NaN inputs are selected through on purpose (the exp core returns garbage
 * for them); inf and huge |x| saturate through the clamp of the argument. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

#ifndef ACT_ISA
#error "autovec.c is compiled with -DACT_ISA=avx2 or avx512"
#endif

/* For one x: t = a x (for the sign and the NaN test), e = exp(-|a x|) as
 * (eh + el) * s2 with eh = s1 p exact and normal, and the double-float
 * w + wl = 1/(1 + e). */
static inline void sigmoid_parts(float a, float x, float *t_out, float *eh, float *el, float *s2,
                                 float *w, float *wl) {
  float t = a * x;
  float tl = fmaf(a, x, -t); /* a x == t + tl exactly */
  float u = -fabsf(t);
  float ul = act_sel(t >= 0.0f, -tl, tl); /* -|a x| == u + ul */
  int in_range = u > ACT_EXP_UMIN;        /* false for NaN and for -inf */
  ul = act_sel(in_range, ul, 0.0f);
  u = act_sel(in_range, u, ACT_EXP_UMIN);
  act_exp_parts c = act_exp_core(u, ul);
  *eh = c.s1 * c.p; /* exact: s1 is a power of 2 */
  *el = c.s1 * c.pl;
  *s2 = c.s2;
  act_recip_sum(1.0f, *eh * c.s2, *el * c.s2, w, wl);
  *t_out = t;
}

void ACT_KERNEL(sigmoid, autovec_rr2_p7_div, fwd)(const float *x, float *y, size_t n,
                                                  const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float t, eh, el, s2, w, wl;
    sigmoid_parts(a, x[i], &t, &eh, &el, &s2, &w, &wl);
    /* a x >= 0: (1 + 0) (w + wl);  a x < 0: (eh + el) (w + wl) s2 */
    int pos = t >= 0.0f;
    float nh = act_sel(pos, 1.0f, eh);
    float nl = act_sel(pos, 0.0f, el);
    float sc = act_sel(pos, 1.0f, s2);
    float r = fmaf(nh, w, fmaf(nh, wl, nl * w)) * sc; /* sc rounds only
                                                          subnormals */
    y[i] = act_sel(t != t, t, r);
  }
}

void ACT_KERNEL(sigmoid, autovec_rr2_p7_div, bwd)(const float *x, const float *y, const float *dy,
                                                  float *dx, size_t n, const act_params *p) {
  (void)y;
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float t, eh, el, s2, w, wl, w2, w2l;
    sigmoid_parts(a, x[i], &t, &eh, &el, &s2, &w, &wl);
    act_sqr2(w, wl, &w2, &w2l); /* 1/(1+e)^2 = w2 + w2l */
    float ae = a * eh;
    float ael = fmaf(a, eh, -ae) + a * el; /* a e / s2 ~= ae + ael */
    float g = fmaf(ae, w2, fmaf(ae, w2l, ael * w2)) * s2;
    float r = dy[i] * g;
    dx[i] = act_sel(t != t, t, r);
  }
}
