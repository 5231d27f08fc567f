/* actbench: the vector gelu_tanh algorithm, written once over a thin layer
 * of vector operations that impls/gelu_tanh/avx2_lut8.c (8 floats, AVX2+FMA)
 * and impls/gelu_tanh/avx512_lut16.c (16 floats, AVX-512) define before
 * including this file:
 *   GV, GM                     the float vector and the lane-mask types
 *   G_SET1 G_ADD G_SUB G_MUL G_DIV G_MIN G_MAX
 *   G_FMA(a, b, c) = a b + c, G_FMS(a, b, c) = a b - c, G_FNMA(a, b, c) = c - a b
 *   G_AND G_OR G_XOR G_ANDNOT(a, b) = ~a & b (bits)
 *   G_LT G_GT G_AND_M (lane masks), G_BLEND(m, a, b) = m ? b : a,
 *   G_BLEND_SIGN(x, a, b) = sign bit of x set ? b : a
 *   G_RCP(d)                   1/d to at least 2^-14 (the residual step
 *                              below squares its error)
 *   G_RCP_NR(d)                1/d to about 2^-23 (the fast variant)
 *   gt_scale, gt_exp(zh, zl, tab, &t, &w, &sc), G_SCALE_E(t, sc) = t 2^j
 *   (any result once 2^j t < 2^-30), G_SCALE_OUT(g, sc) = g 2^j rounded once
 *   gt_tables                  what gt_exp reads (registers)
 *
 * gelu_tanh x = x/2 (1 + tanh u) = x sigma(2u), u = k (x + c x^3),
 * k = sqrt(2/pi), c = 0.044715 (the stable scalar kernel's formulation,
 * impls/gelu_tanh/stable.c: no 1 + tanh cancellation for x < 0):
 *   x >= 0: x / (1 + e),    x < 0: x e / (1 + e),    e = exp(-|2u|).
 * exp multiplies an absolute error of 2u into a relative error of the
 * result and |2u| reaches 106 before the result underflows, so 2u is a
 * double-float: 2u = x (K2 + K2C x^2) with K2 = 2k and K2C = 2kc as
 * double-floats (scripts/coeffs/gelu_tanh.sollya), x^2 exact by FMA, the sum
 * by TwoSum (Knuth), the product by FMA; its low part enters the reduced
 * argument of the exp.  exp: Tang's table method as in the tanh kernels
 * (impls/tanh/simd_tanh.c): k = round(z N/ln 2), two-constant reduction
 * (rr2), 2^(i/N) from a register table (lutN) with its rounding error
 * corrected, e = 2^j t (1 + w).  1 + e = dh + dl exactly (Fast2Sum),
 * R0 ~ 1/(1+e) and the residual h = 1 - (1+e) R0, so 1/(1+e) = R0 (1 + h) to
 * O(h^2); the final products as double-floats, one rounding at the end
 * (2^j applied last, so results below 2^-126, x < -9.3, are rounded once).
 *
 * Derivative: with A = 2 x u' = x (K2 + 3 K2C x^2), R = 1/(1+e),
 *   x >= 0: R (1 + A e R),    x < 0: e R (1 + A R).
 * 1 + A R vanishes at x0 = -0.75246... (gelu_tanh's minimum), where this
 * loses its relative accuracy; on the window GT_WLO < x < GT_WHI the
 * derivative is (x - x0) G(x - x0) instead, G a polynomial fitted by
 * fpminimax to f'(x0 + d)/d, x - x0 formed from x0 as a double-float.
 *
 * Special values: x > 12 gives x (+inf included) and 1 for f', x < -12
 * gives -0 for both (the exact values are below 2^-150 in magnitude); NaN
 * propagates; f has x's sign (-0 gives -0). */
#ifndef ACTBENCH_GELU_TANH_BODY_H
#define ACTBENCH_GELU_TANH_BODY_H

#include "gelu_tanh/coeffs_gelu_tanh.h"

typedef struct {
  GV t, w, R0, h, x2;
  gt_scale sc;
} gt_core_parts;

/* everything f and f' share: e = 2^j t (1 + w), 1/(1 + e) = R0 (1 + h) */
__attribute__((always_inline)) static inline gt_core_parts gt_core(GV x, const gt_tables *tab) {
  const GV one = G_SET1(1.0f);
  const GV k2h = G_SET1(GT_K2_HI);
  gt_core_parts o;
  GV x2 = G_MUL(x, x);
  GV x2l = G_FMS(x, x, x2);
  GV ph = G_MUL(G_SET1(GT_K2C_HI), x2);
  GV pl = G_FMS(G_SET1(GT_K2C_HI), x2, ph);
  pl = G_FMA(G_SET1(GT_K2C_HI), x2l, G_FMA(G_SET1(GT_K2C_LO), x2, pl));
  /* W + Wl = K2 + K2C x^2 (TwoSum of the high parts) */
  GV W = G_ADD(k2h, ph);
  GV bb = G_SUB(W, k2h);
  GV Wl = G_ADD(G_SUB(k2h, G_SUB(W, bb)), G_SUB(ph, bb));
  Wl = G_ADD(Wl, G_ADD(pl, G_SET1(GT_K2_LO)));
  /* 2u = vh + vl */
  GV vh = G_MUL(x, W);
  GV vl = G_FMA(x, Wl, G_FMS(x, W, vh));
  /* z = -|2u|: flip both parts where vh >= 0 */
  GV sg = G_ANDNOT(vh, G_SET1(-0.0f));
  GV zh = G_XOR(vh, sg);
  GV zl = G_XOR(vl, sg);
  zh = G_MAX(G_SET1(-115.0f), zh); /* NaN passes (the second operand) */
  gt_exp(zh, zl, tab, &o.t, &o.w, &o.sc);
  GV eh = G_SCALE_E(o.t, o.sc);
  GV el = G_MUL(eh, o.w);
  GV dh = G_ADD(one, eh);
  GV dl = G_ADD(G_SUB(eh, G_SUB(dh, one)), el);
  o.R0 = G_RCP(G_ADD(dh, dl));
  o.h = G_FNMA(dl, o.R0, G_FNMA(dh, o.R0, one));
  o.x2 = x2;
  return o;
}

__attribute__((always_inline)) static inline GV gt_fwd(GV x, const gt_tables *tab) {
  gt_core_parts o = gt_core(x, tab);
  /* x >= 0: x R0 (1 + h) */
  GV a = G_MUL(x, o.R0);
  GV al = G_FMS(x, o.R0, a);
  GV fpos = G_ADD(a, G_FMA(a, o.h, al));
  /* x < 0: (x t R0) (1 + w)(1 + h) 2^j */
  GV b = G_MUL(x, o.t);
  GV bl = G_FMS(x, o.t, b);
  GV c = G_MUL(b, o.R0);
  GV cl = G_FMA(bl, o.R0, G_FMS(b, o.R0, c));
  GV u = G_ADD(o.w, G_FMA(o.h, o.w, o.h));
  GV fneg = G_SCALE_OUT(G_ADD(c, G_FMA(c, u, cl)), o.sc);
  GV f = G_BLEND_SIGN(x, fpos, fneg);
  f = G_OR(f, G_AND(x, G_SET1(-0.0f))); /* x's sign, for -0 */
  f = G_BLEND(G_GT(x, G_SET1(12.0f)), f, x);
  return G_BLEND(G_LT(x, G_SET1(-12.0f)), f, G_SET1(-0.0f));
}

__attribute__((always_inline)) static inline GV gt_bwd(GV x, const gt_tables *tab) {
  const GV one = G_SET1(1.0f);
  gt_core_parts o = gt_core(x, tab);
  GV A = G_MUL(x, G_FMA(G_SET1(GT_K2C3), o.x2, G_SET1(GT_K2_HI)));
  GV R = G_FMA(o.R0, o.h, o.R0);
  GV te = G_FMA(o.t, o.w, o.t); /* e = te 2^j */
  /* x >= 0: R (1 + A e R) (here 2^j t is exact or negligible) */
  GV e = G_SCALE_E(te, o.sc);
  GV fpos = G_MUL(R, G_FMA(G_MUL(A, e), R, one));
  /* x < 0: e R (1 + A R) */
  GV fneg = G_SCALE_OUT(G_MUL(G_MUL(te, R), G_FMA(A, R, one)), o.sc);
  GV f = G_BLEND_SIGN(x, fpos, fneg);
  /* the window around the root x0 */
  GV d = G_SUB(G_SUB(x, G_SET1(GT_X0_HI)), G_SET1(GT_X0_LO));
  GV P = G_FMA(G_SET1(GT_WIN_C11), d, G_SET1(GT_WIN_C10));
  P = G_FMA(P, d, G_SET1(GT_WIN_C9));
  P = G_FMA(P, d, G_SET1(GT_WIN_C8));
  P = G_FMA(P, d, G_SET1(GT_WIN_C7));
  P = G_FMA(P, d, G_SET1(GT_WIN_C6));
  P = G_FMA(P, d, G_SET1(GT_WIN_C5));
  P = G_FMA(P, d, G_SET1(GT_WIN_C4));
  P = G_FMA(P, d, G_SET1(GT_WIN_C3));
  P = G_FMA(P, d, G_SET1(GT_WIN_C2));
  P = G_FMA(P, d, G_SET1(GT_WIN_C1));
  P = G_FMA(P, d, G_SET1(GT_WIN_C0));
  GM win = G_AND_M(G_GT(x, G_SET1(GT_WLO)), G_LT(x, G_SET1(GT_WHI)));
  f = G_BLEND(win, f, G_MUL(d, P));
  f = G_BLEND(G_GT(x, G_SET1(12.0f)), f, one);
  return G_BLEND(G_LT(x, G_SET1(-12.0f)), f, G_SET1(-0.0f));
}

/* The fast variant: 2u in float (x (K2 + K2C x^2), three roundings), so
 * that exp's relative error grows with |2u| (up to a few hundred ulp for
 * x near -10, where |2u| ~ 90; a few ulp for x > -2); 1/(1+e) by G_RCP_NR
 * (an estimate and one Newton step), plain float products.  x is clamped to
 * -12 (the result there rounds to -0), x > 12 gives x through e = 0.  The
 * derivative's window is narrower (GT_WINF_*, degree 5 on [-0.85, -0.65]):
 * outside it 1 + A R cancels by up to ~6x, well inside the variant's error. */
__attribute__((always_inline)) static inline GV gt_fast_R(GV xc, const gt_tables *tab, GV *te,
                                                          gt_scale *sc, GV *x2) {
  GV t, w;
  *x2 = G_MUL(xc, xc);
  GV v = G_MUL(xc, G_FMA(G_SET1(GT_K2C_HI), *x2, G_SET1(GT_K2_HI)));
  GV z = G_MAX(G_SET1(-115.0f), G_OR(v, G_SET1(-0.0f))); /* -|2u|, NaN passes */
  gt_exp(z, G_SET1(0.0f), tab, &t, &w, sc);
  *te = G_FMA(t, w, t);
  return G_RCP_NR(G_ADD(G_SET1(1.0f), G_SCALE_E(*te, *sc)));
}

__attribute__((always_inline)) static inline GV gt_fwd_fast(GV x, const gt_tables *tab) {
  GV te, x2;
  gt_scale sc;
  GV xc = G_MAX(G_SET1(-12.0f), x);
  GV R = gt_fast_R(xc, tab, &te, &sc, &x2);
  GV fneg = G_SCALE_OUT(G_MUL(G_MUL(xc, te), R), sc);
  return G_BLEND_SIGN(x, G_MUL(xc, R), fneg);
}

__attribute__((always_inline)) static inline GV gt_bwd_fast(GV x, const gt_tables *tab) {
  const GV one = G_SET1(1.0f);
  GV te, x2;
  gt_scale sc;
  GV xc = G_MAX(G_SET1(-12.0f), x);
  GV R = gt_fast_R(xc, tab, &te, &sc, &x2);
  GV A = G_MUL(xc, G_FMA(G_SET1(GT_K2C3), x2, G_SET1(GT_K2_HI)));
  GV fpos = G_MUL(R, G_FMA(G_MUL(A, G_SCALE_E(te, sc)), R, one));
  GV fneg = G_SCALE_OUT(G_MUL(G_MUL(te, R), G_FMA(A, R, one)), sc);
  GV f = G_BLEND_SIGN(x, fpos, fneg);
  GV d = G_SUB(G_SUB(x, G_SET1(GT_X0_HI)), G_SET1(GT_X0_LO));
  GV P = G_FMA(G_SET1(GT_WINF_C5), d, G_SET1(GT_WINF_C4));
  P = G_FMA(P, d, G_SET1(GT_WINF_C3));
  P = G_FMA(P, d, G_SET1(GT_WINF_C2));
  P = G_FMA(P, d, G_SET1(GT_WINF_C1));
  P = G_FMA(P, d, G_SET1(GT_WINF_C0));
  GM win = G_AND_M(G_GT(x, G_SET1(GT_WINF_LO)), G_LT(x, G_SET1(GT_WINF_HI)));
  f = G_BLEND(win, f, G_MUL(d, P));
  return G_BLEND(G_GT(x, G_SET1(12.0f)), f, one);
}

#endif
