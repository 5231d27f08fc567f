/* actbench: silu / swish x sigma(b x) (b = p->a), AVX2+FMA kernels: the
 * algorithms of avx512_lut.c (read its comment) on the exp of
 * impls/sigmoid/sigmoid_avx2.h (8-entry table in one ymm register, lut8-p3
 * in the fast kernels, lut8-p5 double-float in the accurate ones).
 *
 * silu.avx2.rr2-lut8-p3-div (fast): silu = x P/(P + si), one division;
 *   t > 32 takes x, |t| < 2^-25 takes x/2.  Backward from x:
 *   (d' + t e')/D for t >= 0, e' (1 + t + E)/D for t < 0 (one division; the
 *   error grows near the root of silu', t0 = -1.2785).
 * silu.avx2.rr2-lut8-p3-div-root-p6: the fast forward; backward the fast
 *   formula with the accurate kernel's root polynomial in |t - t0| < 1/16.
 * silu.avx2.rr2-lut8-p5-nr2fma-dd (accurate): double-float numerator and
 *   denominator, rcpps with Newton steps; backward in double-float with the
 *   polynomial c1 d + d^2 Q(d) in |t - t0| < 1/16.
 * Selects by blendv on the sign bit or on a compare; tails with vmaskmovps. */
#include <immintrin.h>

#include "coeffs_silu_root.h"
#include "kernels.h"
#include "sigmoid/sigmoid_avx2.h"

/* lanes where t > 32 take x; where |t| < 2^-25, x/2; for fold, t <= -110
 * gives +-0 */
SIG256_AI __m256 fixups(__m256 y, __m256 x, __m256 t, int fold) {
  __m256 big = _mm256_cmp_ps(t, _mm256_set1_ps(32.0f), _CMP_GT_OQ);
  y = _mm256_blendv_ps(y, x, big);
  __m256 at = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), t);
  __m256 tiny = _mm256_cmp_ps(at, _mm256_set1_ps(0x1p-25f), _CMP_LT_OQ);
  y = _mm256_blendv_ps(y, _mm256_mul_ps(x, _mm256_set1_ps(0.5f)), tiny);
  if (fold) {
    __m256 low = _mm256_cmp_ps(t, _mm256_set1_ps(SIG_ZMIN), _CMP_LE_OQ);
    y = _mm256_blendv_ps(y, _mm256_and_ps(x, _mm256_set1_ps(-0.0f)), low);
  }
  return y;
}

SIG256_AI __m256 fwd_fast(__m256 x, __m256 b, int fold, const sig256_tab *tab) {
  __m256 tl, si;
  __m256 t = sig256_t(x, b, fold, &tl);
  __m256 z = _mm256_max_ps(_mm256_set1_ps(SIG_ZMIN), t);
  __m256 P = sig256_exp_inv(z, tl, fold, 0, tab, &si);
  __m256 y = _mm256_div_ps(_mm256_mul_ps(fold ? x : z, P), _mm256_add_ps(P, si));
  return fixups(y, x, t, fold);
}

SIG256_AI __m256 bwd_fast(__m256 x, __m256 dy, __m256 b, int fold, const sig256_tab *tab) {
  __m256 tl, zl;
  __m256 t = sig256_t(x, b, fold, &tl);
  __m256 z = sig256_negabs(t, tl, fold, &zl);
  __m256 e = sig256_exp_scaled(z, zl, fold, tab);
  __m256 d2 = _mm256_fmadd_ps(e, _mm256_set1_ps(0x1p-20f), _mm256_set1_ps(0x1p20f));
  __m256 D = _mm256_mul_ps(d2, d2);
  __m256 d = _mm256_add_ps(e, _mm256_set1_ps(0x1p40f));
  __m256 np = _mm256_fnmadd_ps(z, e, d);
  __m256 G = _mm256_fmadd_ps(e, _mm256_set1_ps(0x1p-40f), _mm256_add_ps(_mm256_set1_ps(1.0f), z));
  __m256 nn = _mm256_mul_ps(e, G);
  __m256 num = _mm256_blendv_ps(np, nn, t);
  return _mm256_mul_ps(dy, _mm256_div_ps(num, D));
}

SIG256_AI __m256 fwd_acc(__m256 x, __m256 b, int fold, const sig256_tab *tab) {
  __m256 tl, zl, eh, el;
  __m256 t = sig256_t(x, b, fold, &tl);
  __m256 z = sig256_negabs(t, tl, fold, &zl);
  sig256_exp_dd(z, zl, fold, tab, &eh, &el);
  const __m256 two_s = _mm256_set1_ps(0x1p40f);
  __m256 dh = _mm256_add_ps(two_s, eh);
  __m256 dl = _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(two_s, dh), eh), el);
  /* t >= 0: x / (1 + E): the denominator times 2^-40 */
  __m256 sc = _mm256_blendv_ps(_mm256_set1_ps(0x1p-40f), _mm256_set1_ps(1.0f), t);
  dh = _mm256_mul_ps(dh, sc);
  dl = _mm256_mul_ps(dl, sc);
  __m256 xn = fold ? x : _mm256_max_ps(_mm256_set1_ps(SIG_ZMIN), x);
  __m256 ph = _mm256_mul_ps(xn, eh);
  __m256 pl = _mm256_fmadd_ps(xn, el, _mm256_fmsub_ps(xn, eh, ph));
  __m256 nh = _mm256_blendv_ps(x, ph, t);
  __m256 nl = _mm256_blendv_ps(_mm256_setzero_ps(), pl, t);
  __m256 y = sig256_div_dd(nh, nl, dh, dl);
  /* no x/2 fixup needed here, but the same selects are harmless and keep
   * silu(+inf) and the t > 32 lanes exact */
  return fixups(y, x, t, fold);
}

SIG256_AI __m256 root_poly(__m256 t, __m256 tl, int fold, __m256 *dhp) {
  __m256 dh = _mm256_sub_ps(t, _mm256_set1_ps(ACT_SILU_T0_HI));
  __m256 dl = _mm256_set1_ps(-ACT_SILU_T0_LO);
  if (fold) dl = _mm256_add_ps(dl, tl);
  __m256 d = _mm256_add_ps(dh, dl);
  __m256 q = _mm256_fmadd_ps(_mm256_set1_ps(ACT_SILU_ROOT_Q6), d, _mm256_set1_ps(ACT_SILU_ROOT_Q5));
  q = _mm256_fmadd_ps(q, d, _mm256_set1_ps(ACT_SILU_ROOT_Q4));
  q = _mm256_fmadd_ps(q, d, _mm256_set1_ps(ACT_SILU_ROOT_Q3));
  q = _mm256_fmadd_ps(q, d, _mm256_set1_ps(ACT_SILU_ROOT_Q2));
  __m256 u = _mm256_mul_ps(_mm256_mul_ps(d, d), q);
  const __m256 c1h = _mm256_set1_ps(ACT_SILU_ROOT_C1_HI);
  u = _mm256_fmadd_ps(dl, c1h, u);
  u = _mm256_fmadd_ps(dh, _mm256_set1_ps(ACT_SILU_ROOT_C1_LO), u);
  *dhp = dh;
  return _mm256_fmadd_ps(dh, c1h, u);
}

SIG256_AI __m256 bwd_acc(__m256 x, __m256 dy, __m256 b, int fold, const sig256_tab *tab) {
  __m256 tl, zl, eh, el;
  __m256 t = sig256_t(x, b, fold, &tl);
  __m256 z = sig256_negabs(t, tl, fold, &zl);
  sig256_exp_dd(z, zl, fold, tab, &eh, &el);
  const __m256 two_s = _mm256_set1_ps(0x1p40f);
  const __m256 m20 = _mm256_set1_ps(0x1p-20f), m40 = _mm256_set1_ps(0x1p-40f);
  __m256 dh = _mm256_add_ps(two_s, eh);
  __m256 dl = _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(two_s, dh), eh), el);
  __m256 sh = _mm256_mul_ps(dh, m20), sl = _mm256_mul_ps(dl, m20);
  __m256 Dh = _mm256_mul_ps(sh, sh);
  __m256 Dl = _mm256_fmadd_ps(_mm256_add_ps(sh, sh), sl, _mm256_fmsub_ps(sh, sh, Dh));
  __m256 at = _mm256_sub_ps(_mm256_setzero_ps(), z);
  __m256 p = _mm256_mul_ps(at, eh);
  __m256 pl = _mm256_fmadd_ps(at, el, _mm256_fmsub_ps(at, eh, p));
  if (fold) pl = _mm256_fnmadd_ps(zl, eh, pl);
  __m256 ph = _mm256_add_ps(dh, p);
  __m256 pl2 = _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(dh, ph), p), _mm256_add_ps(dl, pl));
  __m256 a1 = _mm256_add_ps(_mm256_set1_ps(1.0f), z);
  __m256 Eh = _mm256_mul_ps(eh, m40);
  __m256 gh = _mm256_add_ps(a1, Eh);
  __m256 bb = _mm256_sub_ps(gh, a1);
  __m256 gl = _mm256_add_ps(_mm256_sub_ps(a1, _mm256_sub_ps(gh, bb)), _mm256_sub_ps(Eh, bb));
  gl = _mm256_fmadd_ps(el, m40, gl);
  if (fold) gl = _mm256_add_ps(gl, zl);
  __m256 qh = _mm256_mul_ps(eh, gh);
  __m256 ql = _mm256_fmadd_ps(eh, gl, _mm256_fmadd_ps(el, gh, _mm256_fmsub_ps(eh, gh, qh)));
  __m256 nh = _mm256_blendv_ps(ph, qh, t);
  __m256 nl = _mm256_blendv_ps(pl2, ql, t);
  __m256 g = sig256_div_dd(nh, nl, Dh, Dl);
  __m256 wd;
  __m256 gw = root_poly(t, tl, fold, &wd);
  __m256 awd = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), wd);
  g = _mm256_blendv_ps(g, gw, _mm256_cmp_ps(awd, _mm256_set1_ps(ACT_SILU_ROOT_W), _CMP_LT_OQ));
  return _mm256_mul_ps(dy, g);
}

/* backward from x, fast with the root window (as in avx512_lut.c) */
SIG256_AI __m256 bwd_root(__m256 x, __m256 dy, __m256 b, int fold, const sig256_tab *tab) {
  __m256 tl, wd;
  __m256 t = sig256_t(x, b, fold, &tl);
  __m256 g = bwd_fast(x, _mm256_set1_ps(1.0f), b, fold, tab);
  __m256 gw = root_poly(t, tl, fold, &wd);
  __m256 awd = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), wd);
  g = _mm256_blendv_ps(g, gw, _mm256_cmp_ps(awd, _mm256_set1_ps(ACT_SILU_ROOT_W), _CMP_LT_OQ));
  return _mm256_mul_ps(dy, g);
}

#define DEF_FWD(name, U, CORE)                                         \
  void name(const float *x, float *y, size_t n, const act_params *p) { \
    sig256_tab tab;                                                    \
    sig256_tab_load(&tab);                                             \
    const __m256 b = _mm256_set1_ps(p->a);                             \
    if (p->a == 1.0f)                                                  \
      SIG256_FWD_LOOP(U, CORE(v, b, 0, &tab));                         \
    else                                                               \
      SIG256_FWD_LOOP(U, CORE(v, b, 1, &tab));                         \
  }

#define DEF_BWD(name, U, CORE)                                                    \
  void name(const float *x, const float *y, const float *dy, float *dx, size_t n, \
            const act_params *p) {                                                \
    (void)y;                                                                      \
    sig256_tab tab;                                                               \
    sig256_tab_load(&tab);                                                        \
    const __m256 b = _mm256_set1_ps(p->a);                                        \
    if (p->a == 1.0f)                                                             \
      SIG256_BWD_LOOP(U, x, CORE(v, g, b, 0, &tab));                              \
    else                                                                          \
      SIG256_BWD_LOOP(U, x, CORE(v, g, b, 1, &tab));                              \
  }

DEF_FWD(act_silu_avx2_lut8_p3_fwd, 1, fwd_fast)
DEF_BWD(act_silu_avx2_lut8_p3_bwd, 1, bwd_fast)
DEF_BWD(act_silu_avx2_lut8_p3_root_bwd, 1, bwd_root)
DEF_FWD(act_silu_avx2_lut8_p5_dd_fwd, 2, fwd_acc)
DEF_BWD(act_silu_avx2_lut8_p5_dd_bwd, 2, bwd_acc)
