/* actbench: silu / swish x sigma(b x) (b = p->a), AVX-512 kernels on the exp
 * of impls/sigmoid/sigmoid_avx512.h (read its comment first).
 *
 * silu.avx512.rr2-lut32-p2-div (fast): with t = b x,
 *   exp(t) = P/si (the "inverse" form, lut32-p2),
 *   silu = x P/(P + si): one multiplication more than the sigmoid, one
 *   division.  The numerator uses max(x, -110), so silu(-inf) = -0 and the
 *   left tail, subnormal below x = -87, is the quotient rounded once; lanes
 *   with t > 32 (where x sigma(t) rounds to x) take x itself, which also
 *   covers +inf and makes silu(FLT_MAX) = FLT_MAX exactly; lanes with
 *   |t| < 2^-25 take x/2 (x P, with P about 2^-36, would underflow there).
 *   Backward from x, with E = exp(-|t|) in the "scaled" form e' = E 2^40,
 *   d' = 2^40 + e' and D = (d' 2^-20)^2 = 2^40 (1 + E)^2:
 *     silu'(t) = sigma + t sigma (1 - sigma)
 *              = (d' + t e')/D             for t >= 0
 *              = e' (1 + t + E)/D          for t < 0   (1 + t exact)
 *   one division.  1 + t + E vanishes at the minimum of silu, t0 = -1.2785:
 *   there the error of E (about 2^-23) is no longer small against the
 *   result, and the relative error grows as 1/|t - t0| (as in every float
 *   evaluation of the formula: oneDNN, SLEEF and libmvec peers alike).
 * silu.avx512.rr2-lut32-p2-div-root-p6: the fast forward; backward the fast
 *   formula, and in the window |t - t0| < 1/16 around the root of silu' the
 *   degree-6 polynomial of the accurate kernel below (root_poly), so that
 *   the relative error stays bounded: a few ulp instead of 2^24.
 * silu.avx512.rr2-lut64-p3-nr2fma-dd (accurate): E = exp(-|t|) as a
 *   double-float (sigmoid_avx512.h, form 2), numerator and denominator as
 *   double-floats, rcp14 with Newton steps on the reciprocal and on the
 *   quotient (nr2fma).  Backward: the same formulas in double-float, and in
 *   the window |t - t0| < 1/16 around the root of silu' a polynomial in
 *   d = t - t0 (t0 as a double-float): silu'(t0 + d) = c1 d + d^2 Q(d) with
 *   c1 = silu''(t0) as a double-float (scripts/coeffs/silu_root.sollya).
 *
 * The slope b: b == 1 runs loops without any multiplication by b; otherwise
 * t = b x is rounded and its exact error folded into the reduced argument.
 * NaN in, NaN out.  silu(+-0) = +-0 (x P/(P + si) keeps the sign). */
#include <immintrin.h>

#include "coeffs_silu_root.h"
#include "kernels.h"
#include "sigmoid/sigmoid_avx512.h"

/* forward, fast */
SIG512_AI __m512 fwd_fast(__m512 x, __m512 b, int fold, const sig512_tab *tab) {
  __m512 tl, si;
  __m512 t = sig512_t(x, b, fold, &tl);
  __m512 z = _mm512_max_ps(_mm512_set1_ps(SIG_ZMIN), t); /* no upper clamp: t > 32 takes x */
  __m512 P = sig512_exp_inv(z, tl, fold, 0, tab, &si);
  __m512 d = _mm512_add_ps(P, si);
  __m512 num = _mm512_mul_ps(fold ? x : z, P);
  __m512 y = _mm512_div_ps(num, d);
  y = _mm512_mask_mov_ps(y, _mm512_cmp_ps_mask(t, _mm512_set1_ps(32.0f), _CMP_GT_OQ), x);
  /* |t| < 2^-25: x/2 (x P would underflow for |x| < 2^-90; x/2 is within
   * 2^-26 relative of x sigma(t) there) */
  __mmask16 tiny = _mm512_cmp_ps_mask(_mm512_abs_ps(t), _mm512_set1_ps(0x1p-25f), _CMP_LT_OQ);
  y = _mm512_mask_mul_ps(y, tiny, x, _mm512_set1_ps(0.5f));
  if (fold) /* t <= -110: +-0 (x may be huge or infinite there) */
    y = _mm512_mask_mov_ps(y, _mm512_cmp_ps_mask(t, _mm512_set1_ps(SIG_ZMIN), _CMP_LE_OQ),
                           _mm512_and_ps(x, _mm512_set1_ps(-0.0f)));
  return y;
}

/* backward from x, fast */
SIG512_AI __m512 bwd_fast(__m512 x, __m512 dy, __m512 b, int fold, const sig512_tab *tab) {
  __m512 tl, zl;
  __m512 t = sig512_t(x, b, fold, &tl);
  __m512 z = sig512_negabs(t, tl, fold, &zl); /* -|t| >= -110 */
  __m512 e = sig512_exp_scaled(z, zl, fold, tab);
  __m512 d2 = _mm512_fmadd_ps(e, _mm512_set1_ps(0x1p-20f), _mm512_set1_ps(0x1p20f));
  __m512 D = _mm512_mul_ps(d2, d2);
  __m512 d = _mm512_add_ps(e, _mm512_set1_ps(0x1p40f));
  __m512 np = _mm512_fnmadd_ps(z, e, d); /* d' + |t| e' */
  /* t < 0: z = max(t, -110); e' (1 + z + E) */
  __m512 G = _mm512_fmadd_ps(e, _mm512_set1_ps(0x1p-40f), _mm512_add_ps(_mm512_set1_ps(1.0f), z));
  __m512 nn = _mm512_mul_ps(e, G);
  __m512 num = _mm512_mask_blend_ps(sig512_neg(t), np, nn);
  return _mm512_mul_ps(dy, _mm512_div_ps(num, D));
}

/* forward, accurate */
SIG512_AI __m512 fwd_acc(__m512 x, __m512 b, int fold, const sig512_tab *tab) {
  __m512 tl, zl, eh, el;
  __m512 t = sig512_t(x, b, fold, &tl);
  __m512 z = sig512_negabs(t, tl, fold, &zl);
  sig512_exp_dd(z, zl, fold, tab, &eh, &el);
  const __m512 two_s = _mm512_set1_ps(0x1p40f);
  __m512 dh = _mm512_add_ps(two_s, eh);
  __m512 dl = _mm512_add_ps(_mm512_add_ps(_mm512_sub_ps(two_s, dh), eh), el);
  __mmask16 neg = sig512_neg(t);
  /* t >= 0: x / (1 + E), the denominator scaled by 2^-40 */
  __m512 m40 = _mm512_set1_ps(0x1p-40f);
  dh = _mm512_mask_mul_ps(dh, ~neg, dh, m40);
  dl = _mm512_mask_mul_ps(dl, ~neg, dl, m40);
  /* t < 0: x (eh + el) / d', x clamped at -110 where b == 1 */
  __m512 xn = fold ? x : _mm512_max_ps(_mm512_set1_ps(SIG_ZMIN), x);
  __m512 ph = _mm512_mul_ps(xn, eh);
  __m512 pl = _mm512_fmadd_ps(xn, el, _mm512_fmsub_ps(xn, eh, ph));
  __m512 nh = _mm512_mask_blend_ps(neg, x, ph);
  __m512 nl = _mm512_maskz_mov_ps(neg, pl);
  __m512 y = sig512_div_dd(nh, nl, dh, dl);
  y = _mm512_mask_mov_ps(y, _mm512_cmp_ps_mask(t, _mm512_set1_ps(32.0f), _CMP_GT_OQ), x);
  if (fold)
    y = _mm512_mask_mov_ps(y, _mm512_cmp_ps_mask(t, _mm512_set1_ps(SIG_ZMIN), _CMP_LE_OQ),
                           _mm512_and_ps(x, _mm512_set1_ps(-0.0f)));
  return y;
}

/* silu'(t0 + d) near the root t0 of silu' (coeffs_silu_root.h), with
 * d = dh + dl, dh = t - T0_HI (exact near t0, returned for the window test),
 * dl = tl - T0_LO: c1 (dh + dl) + d^2 Q(d), c1 a double-float, so that the
 * result is rounded once up to terms of a relative 2^-30. */
SIG512_AI __m512 root_poly(__m512 t, __m512 tl, int fold, __m512 *dhp) {
  __m512 dh = _mm512_sub_ps(t, _mm512_set1_ps(ACT_SILU_T0_HI));
  __m512 dl = _mm512_set1_ps(-ACT_SILU_T0_LO);
  if (fold) dl = _mm512_add_ps(dl, tl);
  __m512 d = _mm512_add_ps(dh, dl);
  __m512 q = _mm512_fmadd_ps(_mm512_set1_ps(ACT_SILU_ROOT_Q6), d, _mm512_set1_ps(ACT_SILU_ROOT_Q5));
  q = _mm512_fmadd_ps(q, d, _mm512_set1_ps(ACT_SILU_ROOT_Q4));
  q = _mm512_fmadd_ps(q, d, _mm512_set1_ps(ACT_SILU_ROOT_Q3));
  q = _mm512_fmadd_ps(q, d, _mm512_set1_ps(ACT_SILU_ROOT_Q2));
  __m512 u = _mm512_mul_ps(_mm512_mul_ps(d, d), q);
  const __m512 c1h = _mm512_set1_ps(ACT_SILU_ROOT_C1_HI);
  u = _mm512_fmadd_ps(dl, c1h, u);
  u = _mm512_fmadd_ps(dh, _mm512_set1_ps(ACT_SILU_ROOT_C1_LO), u);
  *dhp = dh;
  return _mm512_fmadd_ps(dh, c1h, u);
}

/* backward from x, accurate: the formulas of bwd_fast in double-float */
SIG512_AI __m512 bwd_acc(__m512 x, __m512 dy, __m512 b, int fold, const sig512_tab *tab) {
  __m512 tl, zl, eh, el;
  __m512 t = sig512_t(x, b, fold, &tl);
  __m512 z = sig512_negabs(t, tl, fold, &zl); /* z + zl = -|t + tl|, z >= -110 */
  sig512_exp_dd(z, zl, fold, tab, &eh, &el);
  const __m512 two_s = _mm512_set1_ps(0x1p40f);
  const __m512 m20 = _mm512_set1_ps(0x1p-20f), m40 = _mm512_set1_ps(0x1p-40f);
  __m512 dh = _mm512_add_ps(two_s, eh);
  __m512 dl = _mm512_add_ps(_mm512_add_ps(_mm512_sub_ps(two_s, dh), eh), el);
  /* D = (d' 2^-20)^2 */
  __m512 sh = _mm512_mul_ps(dh, m20), sl = _mm512_mul_ps(dl, m20);
  __m512 Dh = _mm512_mul_ps(sh, sh);
  __m512 Dl = _mm512_fmadd_ps(_mm512_add_ps(sh, sh), sl, _mm512_fmsub_ps(sh, sh, Dh));
  /* t >= 0: d' + |t| e', with |t + tl| = -z - zl; |t| e' < d' (Fast2Sum) */
  __m512 at = _mm512_sub_ps(_mm512_setzero_ps(), z);
  __m512 p = _mm512_mul_ps(at, eh);
  __m512 pl = _mm512_fmadd_ps(at, el, _mm512_fmsub_ps(at, eh, p));
  if (fold) pl = _mm512_fnmadd_ps(zl, eh, pl);
  __m512 ph = _mm512_add_ps(dh, p);
  __m512 pl2 = _mm512_add_ps(_mm512_add_ps(_mm512_sub_ps(dh, ph), p), _mm512_add_ps(dl, pl));
  /* t < 0: e' G, G = (1 + t) + E (1 + t exact for t in [-110, -1/2]; TwoSum) */
  __m512 a1 = _mm512_add_ps(_mm512_set1_ps(1.0f), z);
  __m512 Eh = _mm512_mul_ps(eh, m40);
  __m512 gh = _mm512_add_ps(a1, Eh);
  __m512 bb = _mm512_sub_ps(gh, a1);
  __m512 gl = _mm512_add_ps(_mm512_sub_ps(a1, _mm512_sub_ps(gh, bb)), _mm512_sub_ps(Eh, bb));
  gl = _mm512_fmadd_ps(el, m40, gl);
  if (fold) gl = _mm512_add_ps(gl, zl);
  __m512 qh = _mm512_mul_ps(eh, gh);
  __m512 ql = _mm512_fmadd_ps(eh, gl, _mm512_fmadd_ps(el, gh, _mm512_fmsub_ps(eh, gh, qh)));
  __mmask16 neg = sig512_neg(t);
  __m512 nh = _mm512_mask_blend_ps(neg, ph, qh);
  __m512 nl = _mm512_mask_blend_ps(neg, pl2, ql);
  __m512 g = sig512_div_dd(nh, nl, Dh, Dl);
  /* the root window */
  __m512 wd;
  __m512 gw = root_poly(t, tl, fold, &wd);
  __mmask16 win =
      _mm512_cmp_ps_mask(_mm512_abs_ps(wd), _mm512_set1_ps(ACT_SILU_ROOT_W), _CMP_LT_OQ);
  g = _mm512_mask_mov_ps(g, win, gw);
  return _mm512_mul_ps(dy, g);
}

/* backward from x, fast with the root window: bwd_fast, and in the window
 * |t - t0| < 1/16 the polynomial of the accurate kernel (root_poly), so that
 * the relative error stays bounded where 1 + t + E cancels. */
SIG512_AI __m512 bwd_root(__m512 x, __m512 dy, __m512 b, int fold, const sig512_tab *tab) {
  __m512 tl, wd;
  __m512 t = sig512_t(x, b, fold, &tl);
  __m512 g = bwd_fast(x, _mm512_set1_ps(1.0f), b, fold, tab);
  __m512 gw = root_poly(t, tl, fold, &wd);
  __mmask16 win =
      _mm512_cmp_ps_mask(_mm512_abs_ps(wd), _mm512_set1_ps(ACT_SILU_ROOT_W), _CMP_LT_OQ);
  g = _mm512_mask_mov_ps(g, win, gw);
  return _mm512_mul_ps(dy, g);
}

#define DEF_FWD(name, U, CORE, DD)                                     \
  void name(const float *x, float *y, size_t n, const act_params *p) { \
    sig512_tab tab;                                                    \
    sig512_tab_load(&tab, DD);                                         \
    const __m512 b = _mm512_set1_ps(p->a);                             \
    if (p->a == 1.0f)                                                  \
      SIG512_FWD_LOOP(U, CORE(v, b, 0, &tab));                         \
    else                                                               \
      SIG512_FWD_LOOP(U, CORE(v, b, 1, &tab));                         \
  }

#define DEF_BWD(name, U, CORE, DD)                                                \
  void name(const float *x, const float *y, const float *dy, float *dx, size_t n, \
            const act_params *p) {                                                \
    (void)y;                                                                      \
    sig512_tab tab;                                                               \
    sig512_tab_load(&tab, DD);                                                    \
    const __m512 b = _mm512_set1_ps(p->a);                                        \
    if (p->a == 1.0f)                                                             \
      SIG512_BWD_LOOP(U, x, CORE(v, g, b, 0, &tab));                              \
    else                                                                          \
      SIG512_BWD_LOOP(U, x, CORE(v, g, b, 1, &tab));                              \
  }

DEF_FWD(act_silu_avx512_lut32_p2_fwd, 1, fwd_fast, 0)
DEF_BWD(act_silu_avx512_lut32_p2_bwd, 1, bwd_fast, 0)
DEF_BWD(act_silu_avx512_lut32_p2_root_bwd, 1, bwd_root, 0)
DEF_FWD(act_silu_avx512_lut64_p3_dd_fwd, 2, fwd_acc, 1)
DEF_BWD(act_silu_avx512_lut64_p3_dd_bwd, 2, bwd_acc, 1)
