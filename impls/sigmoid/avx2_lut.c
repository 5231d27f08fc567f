/* actbench: sigmoid sigma(a x), AVX2+FMA kernels with table-driven exp
 * (impls/sigmoid/sigmoid_avx2.h; the algorithms are those of avx512_lut.c
 * with an 8-entry table in one ymm register and one degree more in the
 * polynomials).
 *
 * sigmoid.avx2.rr2-lut8-p3-div (fast): sigma = P/(P + si) with exp
 *   in the "inverse" form (lut8-p3, relative error 2^-25.17), one division;
 *   8 floats per loop iteration (unrolling by 4 gained nothing here).
 *   Backward from x: f' = a e/(1 + e)^2, e' = e 2^40 in the "scaled" form,
 *   f' = e'/(2^20 + e' 2^-20)^2.
 * sigmoid.avx2.rr2-lut8-p3-div-from-y: the same forward, backward a y (1 - y).
 * sigmoid.avx2.rr2-lut8-p5-nr2fma-dd (accurate): e = exp(-|t|) as a
 *   double-float (lut8 hi + lo, p5, relative error 2^-39.8), 1 + e exact,
 *   rcpps with one Newton step on the reciprocal and one on the quotient
 *   with the double-float residual.  Backward f' = e'/D, D = (d' 2^-20)^2.
 *
 * The slope a, saturation (sigma(-inf) = +0, sigma(+inf) = 1), gradual
 * underflow, NaN (in, out) and in-place calls: as in avx512_lut.c.  Tails
 * with vmaskmovps. */
#include <immintrin.h>

#include "kernels.h"
#include "sigmoid_avx2.h"

SIG256_AI __m256 fwd_inv(__m256 x, __m256 a, int fold, int rr1, const sig256_tab *tab) {
  __m256 tl, si;
  __m256 t = sig256_t(x, a, fold, &tl);
  __m256 z = sig256_clamp(t, SIG_ZMIN, SIG_ZMAX);
  __m256 P = sig256_exp_inv(z, tl, fold, rr1, tab, &si);
  return _mm256_div_ps(P, _mm256_add_ps(P, si));
}
#define fwd_fast(x, a, fold, tab) fwd_inv(x, a, fold, 0, tab)

SIG256_AI __m256 bwd_fast(__m256 x, __m256 dy, __m256 a, int fold, const sig256_tab *tab) {
  __m256 tl, zl;
  __m256 t = sig256_t(x, a, fold, &tl);
  __m256 z = sig256_negabs(t, tl, fold, &zl);
  __m256 e = sig256_exp_scaled(z, zl, fold, tab);
  __m256 d = _mm256_fmadd_ps(e, _mm256_set1_ps(0x1p-20f), _mm256_set1_ps(0x1p20f));
  __m256 g = _mm256_div_ps(e, _mm256_mul_ps(d, d));
  if (fold) g = _mm256_mul_ps(a, g);
  return _mm256_mul_ps(dy, g);
}

SIG256_AI __m256 bwd_from_y(__m256 y, __m256 dy, __m256 a, int fold, const sig256_tab *tab) {
  (void)tab;
  __m256 g = _mm256_mul_ps(y, _mm256_sub_ps(_mm256_set1_ps(1.0f), y));
  if (fold) g = _mm256_mul_ps(a, g);
  return _mm256_mul_ps(dy, g);
}

SIG256_AI __m256 fwd_acc(__m256 x, __m256 a, int fold, const sig256_tab *tab) {
  __m256 tl, zl, eh, el;
  __m256 t = sig256_t(x, a, fold, &tl);
  __m256 z = sig256_negabs(t, tl, fold, &zl);
  sig256_exp_dd(z, zl, fold, tab, &eh, &el);
  const __m256 two_s = _mm256_set1_ps(0x1p40f);
  __m256 dh = _mm256_add_ps(two_s, eh);
  __m256 dl = _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(two_s, dh), eh), el);
  __m256 nh = _mm256_blendv_ps(two_s, eh, t); /* t < 0: e/(1 + e) */
  __m256 nl = _mm256_blendv_ps(_mm256_setzero_ps(), el, t);
  return sig256_div_dd(nh, nl, dh, dl);
}

SIG256_AI __m256 bwd_acc(__m256 x, __m256 dy, __m256 a, int fold, const sig256_tab *tab) {
  __m256 tl, zl, eh, el;
  __m256 t = sig256_t(x, a, fold, &tl);
  __m256 z = sig256_negabs(t, tl, fold, &zl);
  sig256_exp_dd(z, zl, fold, tab, &eh, &el);
  const __m256 two_s = _mm256_set1_ps(0x1p40f);
  const __m256 m20 = _mm256_set1_ps(0x1p-20f);
  __m256 dh = _mm256_add_ps(two_s, eh);
  __m256 dl = _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(two_s, dh), eh), el);
  dh = _mm256_mul_ps(dh, m20);
  dl = _mm256_mul_ps(dl, m20);
  __m256 Dh = _mm256_mul_ps(dh, dh);
  __m256 Dl = _mm256_fmsub_ps(dh, dh, Dh);
  Dl = _mm256_fmadd_ps(_mm256_add_ps(dh, dh), dl, Dl);
  if (fold) {
    __m256 ah = _mm256_mul_ps(a, eh);
    el = _mm256_fmadd_ps(a, el, _mm256_fmsub_ps(a, eh, ah));
    eh = ah;
  }
  return _mm256_mul_ps(dy, sig256_div_dd(eh, el, Dh, Dl));
}

#define DEF_FWD(name, U, CORE)                                         \
  void name(const float *x, float *y, size_t n, const act_params *p) { \
    sig256_tab tab;                                                    \
    sig256_tab_load(&tab);                                             \
    const __m256 a = _mm256_set1_ps(p->a);                             \
    if (p->a == 1.0f)                                                  \
      SIG256_FWD_LOOP(U, CORE(v, a, 0, &tab));                         \
    else                                                               \
      SIG256_FWD_LOOP(U, CORE(v, a, 1, &tab));                         \
  }

#define DEF_BWD(name, U, IN, CORE)                                                \
  void name(const float *x, const float *y, const float *dy, float *dx, size_t n, \
            const act_params *p) {                                                \
    (void)x;                                                                      \
    (void)y;                                                                      \
    sig256_tab tab;                                                               \
    sig256_tab_load(&tab);                                                        \
    const __m256 a = _mm256_set1_ps(p->a);                                        \
    if (p->a == 1.0f)                                                             \
      SIG256_BWD_LOOP(U, IN, CORE(v, g, a, 0, &tab));                             \
    else                                                                          \
      SIG256_BWD_LOOP(U, IN, CORE(v, g, a, 1, &tab));                             \
  }

DEF_FWD(act_sigmoid_avx2_lut8_p3_fwd, 1, fwd_fast)
DEF_BWD(act_sigmoid_avx2_lut8_p3_bwd, 1, x, bwd_fast)
DEF_BWD(act_sigmoid_avx2_from_y_bwd, 4, y, bwd_from_y)
DEF_FWD(act_sigmoid_avx2_lut8_p5_dd_fwd, 2, fwd_acc)
DEF_BWD(act_sigmoid_avx2_lut8_p5_dd_bwd, 2, x, bwd_acc)
