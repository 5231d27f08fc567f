/* actbench: sigmoid sigma(a x), AVX-512 kernels with table-driven exp
 * (impls/sigmoid/sigmoid_avx512.h: the exp in its two forms, the scaling
 * that gives gradual underflow, the loops).
 *
 * sigmoid.avx512.rr2-lut32-p2-div[-x64] (fast): t = a x clamped to
 *   [-110, 60]; exp(t) = P/si in the "inverse" form (lut32-p2: the table
 *   2^(-j/32) through one vpermt2d, a degree-2 polynomial, relative error
 *   2^-24.16); sigma = P/(P + si) with one true division (div: Zen 4 and
 *   Intel cores divide in a unit of their own, beside the FMA pipes, so
 *   it costs less than rcp14 and a Newton step).  No sign select, no
 *   1 - something.  16 or 64 floats per loop iteration.
 *   Backward from x, -div (16 floats): f' = a e/(1 + e)^2 with e =
 *   exp(-|t|) in the "scaled" form e' = e 2^40 (lut32-p2), f' = e'/(2^20 +
 *   e' 2^-20)^2: one division.  -div-x64 (64 floats): the forward's inverse
 *   form on the left side, s = sigma(-|t|) = P/(P + si) <= 1/2, and f' =
 *   s (1 - s) = s - s^2 in one fnmadd (1 - s does not cancel there): two
 *   operations less than the scaled form.
 * sigmoid.avx512.rr1-lut32-p2-div-x64: the same with the one-constant
 *   reduction (rr1, one FMA less; exp's relative error grows to |z| 2^-28.4,
 *   sigmoid_avx512.h), forward and backward (s - s^2).
 * sigmoid.avx512.rr2-lut32-p2-div-from-y: the same forward; backward
 *   a y (1 - y) from the forward's output, what frameworks do (1 - y cancels
 *   as y -> 1: 2^24 ulp and more).
 * sigmoid.avx512.rr2-lut64-p3-nr2fma-dd (accurate): e = exp(-|t|) as a
 *   double-float (table hi + lo, lut64-p3, relative error 2^-37.2), 1 + e
 *   as an exact double-float (Fast2Sum), the quotient by rcp14, one Newton
 *   step on the reciprocal and one on the quotient whose residual includes
 *   the low parts (nr2fma): about 2^-40 relative before its one rounding.
 *   Backward from x: f' = e'/D with D = (d' 2^-20)^2 as a double-float.
 *
 * The slope: a == 1 runs loops without any multiplication by a; otherwise
 * t = a x is rounded and its exact error tl = fma(a, x, -t) is added to the
 * reduced argument, so the forward claims hold for any a; backward, the
 * factor a is one more rounding in the fast kernels and part of the
 * numerator's double-float in the accurate one.
 *
 * Saturation: t is clamped at -110 (and at 60 in the fast forward): sigma
 * (-inf) = +0 and sigma(+inf) = 1 exactly, f'(+-inf) = +0 (a > 0).
 * Subnormal results are rounded once (no flushing, see the header).  NaN in,
 * NaN out (forward and backward).  Tails: masked loads and stores.  In place
 * (y == x, dx == dy or dx == x) works: a vector is loaded before it is
 * stored. */
#include <immintrin.h>

#include "kernels.h"
#include "sigmoid_avx512.h"

/* ---- one vector */

/* forward, fast: P/(P + si) */
SIG512_AI __m512 fwd_inv(__m512 x, __m512 a, int fold, int rr1, const sig512_tab *tab) {
  __m512 tl, si;
  __m512 t = sig512_t(x, a, fold, &tl);
  __m512 z = sig512_clamp(t, SIG_ZMIN, SIG_ZMAX);
  __m512 P = sig512_exp_inv(z, tl, fold, rr1, tab, &si);
  return _mm512_div_ps(P, _mm512_add_ps(P, si));
}
#define fwd_fast(x, a, fold, tab) fwd_inv(x, a, fold, 0, tab)
#define fwd_rr1(x, a, fold, tab) fwd_inv(x, a, fold, 1, tab)

/* backward from x, fast: dy a e'/(2^20 + e' 2^-20)^2 */
SIG512_AI __m512 bwd_fast(__m512 x, __m512 dy, __m512 a, int fold, const sig512_tab *tab) {
  __m512 tl, zl;
  __m512 t = sig512_t(x, a, fold, &tl);
  __m512 z = sig512_negabs(t, tl, fold, &zl);
  __m512 e = sig512_exp_scaled(z, zl, fold, tab);
  __m512 d = _mm512_fmadd_ps(e, _mm512_set1_ps(0x1p-20f), _mm512_set1_ps(0x1p20f));
  __m512 g = _mm512_div_ps(e, _mm512_mul_ps(d, d));
  if (fold) g = _mm512_mul_ps(a, g);
  return _mm512_mul_ps(dy, g);
}

/* backward from x, via the forward's inverse form: s = sigma(-|t|) =
 * P/(P + si) <= 1/2, f' = s (1 - s) = s - s^2 (one fnmadd: 1 - s has no
 * cancellation on this side).  (vrangeps would give -min(|t|, 110) in one
 * instruction, but it returns the other operand for a NaN.) */
SIG512_AI __m512 bwd_s1s(__m512 x, __m512 dy, __m512 a, int fold, int rr1, const sig512_tab *tab) {
  __m512 tl, zl, si;
  __m512 t = sig512_t(x, a, fold, &tl);
  __m512 z = sig512_negabs(t, tl, fold, &zl);
  __m512 P = sig512_exp_inv(z, zl, fold, rr1, tab, &si);
  __m512 s = _mm512_div_ps(P, _mm512_add_ps(P, si));
  __m512 g = _mm512_fnmadd_ps(s, s, s);
  if (fold) g = _mm512_mul_ps(a, g);
  return _mm512_mul_ps(dy, g);
}
#define bwd_s1s_rr1(v, g, a, fold, tab) bwd_s1s(v, g, a, fold, 1, tab)
#define bwd_s1s_rr2(v, g, a, fold, tab) bwd_s1s(v, g, a, fold, 0, tab)

/* backward from y: dy a y (1 - y) */
SIG512_AI __m512 bwd_from_y(__m512 y, __m512 dy, __m512 a, int fold) {
  __m512 g = _mm512_mul_ps(y, _mm512_sub_ps(_mm512_set1_ps(1.0f), y));
  if (fold) g = _mm512_mul_ps(a, g);
  return _mm512_mul_ps(dy, g);
}

/* forward, accurate */
SIG512_AI __m512 fwd_acc(__m512 x, __m512 a, int fold, const sig512_tab *tab) {
  __m512 tl, zl, eh, el;
  __m512 t = sig512_t(x, a, fold, &tl);
  __m512 z = sig512_negabs(t, tl, fold, &zl);
  sig512_exp_dd(z, zl, fold, tab, &eh, &el);
  const __m512 two_s = _mm512_set1_ps(0x1p40f);
  __m512 dh = _mm512_add_ps(two_s, eh);
  __m512 dl = _mm512_add_ps(_mm512_add_ps(_mm512_sub_ps(two_s, dh), eh), el);
  __mmask16 neg = sig512_neg(t);
  __m512 nh = _mm512_mask_blend_ps(neg, two_s, eh);
  __m512 nl = _mm512_maskz_mov_ps(neg, el);
  return sig512_div_dd(nh, nl, dh, dl);
}

/* backward from x, accurate: dy a e'/D, D = (d' 2^-20)^2 */
SIG512_AI __m512 bwd_acc(__m512 x, __m512 dy, __m512 a, int fold, const sig512_tab *tab) {
  __m512 tl, zl, eh, el;
  __m512 t = sig512_t(x, a, fold, &tl);
  __m512 z = sig512_negabs(t, tl, fold, &zl);
  sig512_exp_dd(z, zl, fold, tab, &eh, &el);
  const __m512 two_s = _mm512_set1_ps(0x1p40f);
  const __m512 m20 = _mm512_set1_ps(0x1p-20f);
  __m512 dh = _mm512_add_ps(two_s, eh);
  __m512 dl = _mm512_add_ps(_mm512_add_ps(_mm512_sub_ps(two_s, dh), eh), el);
  dh = _mm512_mul_ps(dh, m20);
  dl = _mm512_mul_ps(dl, m20);
  __m512 Dh = _mm512_mul_ps(dh, dh);
  __m512 Dl = _mm512_fmsub_ps(dh, dh, Dh);
  Dl = _mm512_fmadd_ps(_mm512_add_ps(dh, dh), dl, Dl);
  if (fold) { /* a (eh + el) as a double-float */
    __m512 ah = _mm512_mul_ps(a, eh);
    el = _mm512_fmadd_ps(a, el, _mm512_fmsub_ps(a, eh, ah));
    eh = ah;
  }
  return _mm512_mul_ps(dy, sig512_div_dd(eh, el, Dh, Dl));
}

/* ---- kernels: the a == 1 loop and the general one */

#define DEF_FWD(name, U, CORE, DD)                                     \
  void name(const float *x, float *y, size_t n, const act_params *p) { \
    sig512_tab tab;                                                    \
    sig512_tab_load(&tab, DD);                                         \
    const __m512 a = _mm512_set1_ps(p->a);                             \
    if (p->a == 1.0f)                                                  \
      SIG512_FWD_LOOP(U, CORE(v, a, 0, &tab));                         \
    else                                                               \
      SIG512_FWD_LOOP(U, CORE(v, a, 1, &tab));                         \
  }

#define DEF_BWD(name, U, IN, CORE, DD)                                            \
  void name(const float *x, const float *y, const float *dy, float *dx, size_t n, \
            const act_params *p) {                                                \
    (void)x;                                                                      \
    (void)y;                                                                      \
    sig512_tab tab;                                                               \
    sig512_tab_load(&tab, DD);                                                    \
    const __m512 a = _mm512_set1_ps(p->a);                                        \
    if (p->a == 1.0f)                                                             \
      SIG512_BWD_LOOP(U, IN, CORE(v, g, a, 0, &tab));                             \
    else                                                                          \
      SIG512_BWD_LOOP(U, IN, CORE(v, g, a, 1, &tab));                             \
  }

#define bwd_from_y_t(v, g, a, fold, tab) bwd_from_y(v, g, a, fold)

DEF_FWD(act_sigmoid_avx512_lut32_p2_fwd, 1, fwd_fast, 0)
DEF_FWD(act_sigmoid_avx512_lut32_p2_x64_fwd, 4, fwd_fast, 0)
DEF_FWD(act_sigmoid_avx512_rr1_lut32_p2_x64_fwd, 4, fwd_rr1, 0)
DEF_BWD(act_sigmoid_avx512_lut32_p2_bwd, 1, x, bwd_fast, 0)
DEF_BWD(act_sigmoid_avx512_lut32_p2_x64_bwd, 4, x, bwd_s1s_rr2, 0)
DEF_BWD(act_sigmoid_avx512_rr1_lut32_p2_x64_bwd, 4, x, bwd_s1s_rr1, 0)
DEF_BWD(act_sigmoid_avx512_from_y_bwd, 4, y, bwd_from_y_t, 0)
DEF_FWD(act_sigmoid_avx512_lut64_p3_dd_fwd, 2, fwd_acc, 1)
DEF_BWD(act_sigmoid_avx512_lut64_p3_dd_bwd, 2, x, bwd_acc, 1)
