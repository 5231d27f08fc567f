/* actbench: tanh, plain C loops that gcc -O3 vectorizes (compiled once with
 * the AVX2 flags and once with the AVX-512 flags; see kernels.h).
 *
 * Algorithm "rr2-p7-div" (registry: tanh.<isa>.autovec-rr2-p7-div): the exp
 * core of impls/act_math_inline.h at u = -2|x| (Cody & Waite range reduction
 * with two constants, Taylor polynomial of degree 7 for expm1(r) on
 * [-ln2/2, ln2/2], 2^k from the exponent bits) gives both
 *   e = exp(u)   = 2^k (1 + expm1(r))        (a double-float) and
 *   t = expm1(u) = e - 1                      (a double-float, exact
 *                                              Fast2Sum when k is 0 or -1),
 * and both branches are formed and one is selected:
 *   |x| < ln2/2 (e > 1/2):  tanh|x| = -t / (2 + t)  (no cancellation near 0:
 *                           the low part of e carries the bits of t)
 *   otherwise:              tanh|x| = (1 - e) / (1 + e), with 1 - e and
 *                           1 + e as exact double-floats (Fast2Sum)
 * The split at e = 1/2 is where the two formulas amplify the error of t and
 * of e equally (by 2/(1+e) and by 2e/(1-e^2)).  One true division (div) for
 * the reciprocal, refined to a double-float, then the sign of x.  Tiny and
 * subnormal x come out exactly (k = 0, r = u, expm1(r) = r).
 * Derivative from x: 1 - tanh^2 x = 4e / (1 + e)^2, e = exp(-2|x|).
 * NaN inputs are selected through; inf and huge |x| saturate through the
 * clamp of u. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

#ifndef ACT_ISA
#error "autovec.c is compiled with -DACT_ISA=avx2 or avx512"
#endif

void ACT_KERNEL(tanh, autovec_rr2_p7_div, fwd)(const float *x, float *y, size_t n,
                                               const act_params *p) {
  (void)p;
  const float ln2_half = 0x1.62e430p-2f; /* ln(2)/2: e = exp(-2|x|) = 1/2 */
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    float ax = fabsf(xi);
    float u = -2.0f * ax;
    u = act_sel(u > ACT_EXP_UMIN, u, ACT_EXP_UMIN); /* also -inf, NaN */
    act_exp_parts c = act_exp_core(u, 0.0f);
    /* e = exp(u) = s1 (p + pl) s2 with s1 p, s1 pl exact */
    float e1 = c.s1 * c.p, e1l = c.s1 * c.pl;
    /* small |x| (k = 0 or -1, s2 = 1, e1 <= 1): t = expm1(u) = th + tl,
     * Fast2Sum of -1 and e1, tanh|x| = -t / (2 + t) */
    float t0 = e1 - 1.0f;
    float t0l = (e1 - (t0 + 1.0f)) + e1l;
    float th = t0 + t0l;        /* renormalize: |tl| <= ulp(th)/2 */
    float tl = t0l - (th - t0); /* (t0 = 0 or |t0| >= |t0l|) */
    /* otherwise: e = eh + el <= 1/2, tanh|x| = (1 - e) / (1 + e); where
     * s2 != 1, e < 2^-100 and only the 1 matters */
    float eh = e1 * c.s2, el = e1l * c.s2;
    float mh = 1.0f - eh;
    float ml = ((1.0f - mh) - eh) - el; /* 1 - e = mh + ml (Fast2Sum) */
    int small = ax < ln2_half;
    float nh = act_sel(small, -th, mh);
    float nl = act_sel(small, -tl, ml);
    float w, wl;
    act_recip_sum(act_sel(small, 2.0f, 1.0f), act_sel(small, th, eh), act_sel(small, tl, el), &w,
                  &wl);
    float r = fmaf(nh, w, fmaf(nh, wl, nl * w)); /* (nh + nl)(w + wl) */
    r = copysignf(r, xi);
    y[i] = act_sel(xi != xi, xi, r);
  }
}

void ACT_KERNEL(tanh, autovec_rr2_p7_div, bwd)(const float *x, const float *y, const float *dy,
                                               float *dx, size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    float u = -2.0f * fabsf(xi);
    u = act_sel(u > ACT_EXP_UMIN, u, ACT_EXP_UMIN);
    act_exp_parts c = act_exp_core(u, 0.0f);
    float eh = c.s1 * c.p, el = c.s1 * c.pl; /* exp(u) / s2, exact */
    float w, wl, w2, w2l;
    act_recip_sum(1.0f, eh * c.s2, el * c.s2, &w, &wl);
    act_sqr2(w, wl, &w2, &w2l); /* 1/(1+e)^2 = w2 + w2l */
    /* 4 e / (1+e)^2; the factor 4 is exact, s2 rounds only subnormals */
    float g = 4.0f * fmaf(eh, w2, fmaf(eh, w2l, el * w2)) * c.s2;
    float r = dy[i] * g;
    dx[i] = act_sel(xi != xi, xi, r);
  }
}
