/* actbench: softplus, the vector kernels, written once for AVX2+FMA and
 * AVX-512 (impls/softplus/simd_softplus.c, compiled once per ISA, includes
 * this after the SIMD layer impls/simd/vk.h in its lockstep form
 * impls/simd/vk_wide.h; ACT_KERNEL names the copies apart).
 *
 *   y = log(1 + e^(b x)) / b,   y' = sigma(b x),   b = p->a (beta)
 *
 * evaluated, with t = b x, as y = (max(t, 0) + log1p(v)) / b, v = e^-|t|:
 * nothing overflows and nothing cancels (both terms >= 0).  Polynomials and
 * tables: scripts/coeffs/softplus_log1p.sollya (impls/softplus/coeffs_log1p.h).
 *
 * v: rr2-p7, the exponential with two constants (ln2 = hi + lo, hi of 15
 * bits, so n hi is exact) and e^r = 1 + (r + r^2 G(r)), G of degree 5
 * (relative error 2^-31.6), v = (e^r) 2^n with 2^n applied in one rounding
 * (vscalefps; on AVX2 two steps where n < -126): a subnormal v (t < -87.3),
 * which is then softplus itself, is rounded once.  -|t| is clamped to
 * [-104, 0]: e^-104 < 2^-150.
 * log1p(v), v in [0, 1]: u = 1 + v and its exact rounding error
 * c = (1 - u) + v (Fast2Sum), then log(u + c) from a table (Tang's method):
 *   j = round((u - 1) N) (read from the low bits of u N + 1.5 2^23 - N),
 *   r = u IC[j] - 1 + c IC[j]  (IC[j] ~ 1/(1 + j/N), |r| <= 1/(2N)),
 *   log1p(v) = LC[j] + log1p(r),  LC[j] = -log IC[j] as hi + lo,
 *   log1p(r) = r + r^2 P(r).
 * AVX-512: N = 15 (three 16-entry tables, vpermps), P of degree 3 (relative
 * error 2^-30.1); AVX2: N = 7 (8-entry tables), P of degree 4 (2^-29.5): the
 * name's "lut16" / "lut8".  For v < 2^-24, u = 1, j = 0, IC = 1, LC = 0 and
 * r = c = v exactly: the table costs no relative accuracy in the left tail.
 * Derivative from x: sigma(t) = 1/(1 + v) (t >= 0) or v/(1 + v) (t < 0),
 * with 1 + v = d + dl exactly (Fast2Sum) and 1/(d + dl) = w + wl from an
 * approximation w of 1/d and the exact residual 1 - w d (Markstein; act_recip_
 * sum in impls/act_math_inline.h does the same in scalar code): w is rcp14
 * and one Newton step on AVX-512 ("nr1fma"), a true division on AVX2 ("div").
 *
 * The slope b: t = b x is rounded (b = 1, the default, is exact), and the
 * division by b is a true division; where t > 16, y = x (the correction
 * log1p(e^-t)/b is below half an ulp of x), which also keeps a huge b x from
 * overflowing.  The threshold p->b of the frameworks (x where b x > 20) is
 * not used: returning x is exact only where the formula already rounds to x,
 * so the kernels apply the formula everywhere below t = 16 (the results are
 * the frameworks' for their default 20, and correct for smaller thresholds).
 *
 * Special values, on purpose: NaN passes through (max/min keep the input as
 * their second operand); y(+inf) = +inf, y(-inf) = +0, y(+-0) = ln 2,
 * y(FLT_MAX) = FLT_MAX, y(-FLT_MAX) = +0; y'(+inf) = 1, y'(-inf) = +0,
 * y'(+-0) = 1/2. */
#ifndef ACTBENCH_SOFTPLUS_VEC_H
#define ACTBENCH_SOFTPLUS_VEC_H

#include "simd/vk.h"
#include "softplus/coeffs_log1p.h"

#define SP_LOG2E 0x1.715476p+0f
#define SP_LN2HI 0x1.62e400p-1f /* ln 2 = hi + lo, hi with 15 bits */
#define SP_LN2LO 0x1.7f7d1cp-20f
#define SP_MAGIC 0x1.8p23f /* 1.5 2^23: adding it rounds to an integer */

#define SP_N VK_LUT

typedef struct {
  vk_table ic, icm, lch, lcl;
} sp_tab;

static inline sp_tab sp_tab_load(void) {
#if VK_LUT == 16
  static const float ic[16] = SP_IC16, icm[16] = SP_ICM16, lch[16] = SP_LCH16, lcl[16] = SP_LCL16;
#else
  static const float ic[8] = SP_IC8, icm[8] = SP_ICM8, lch[8] = SP_LCH8, lcl[8] = SP_LCL8;
#endif
  sp_tab T = {vk_table_load(ic), vk_table_load(icm), vk_table_load(lch), vk_table_load(lcl)};
  return T;
}

/* v = e^-|t| as a double-float v + vl (NaN propagates; vl only where dd) */
VK_INLINE void sp_exp_neg_abs(vf t, int dd, vf *v, vf *vl) {
  vf z = vk_max(vk_set(-104.0f), vk_or(t, vk_set(-0.0f))); /* -|t| */
  vf nm = vk_fma(z, vk_set(SP_LOG2E), vk_set(SP_MAGIC));
  vf n = vk_sub(nm, vk_set(SP_MAGIC));
  vf rh = vk_fnma(n, vk_set(SP_LN2HI), z); /* exact */
  vf rc = vk_mul(n, vk_set(SP_LN2LO));
  vf r = vk_sub(rh, rc);
  /* G(r) in Estrin form */
  vf r2 = vk_mul(r, r);
  vf a0 = vk_fma(vk_set(SP_G1), r, vk_set(SP_G0));
  vf a1 = vk_fma(vk_set(SP_G3), r, vk_set(SP_G2));
  vf a2 = vk_fma(vk_set(SP_G5), r, vk_set(SP_G4));
  vf g = vk_fma(vk_mul(r2, r2), a2, vk_fma(r2, a1, a0));
  vf h = vk_mul(r2, g);
  vf q = vk_add(r, h); /* expm1(r) */
  vf e = vk_add(vk_set(1.0f), q);
  vf el = vk_set(0.0f);
  if (dd) { /* the roundings of r, of r + h and of 1 + q (Fast2Sum each) */
    vf rl = vk_sub(vk_sub(rh, r), rc);
    vf ql = vk_sub(h, vk_sub(q, r));
    el = vk_add(vk_add(vk_sub(vk_set(1.0f), e), q), vk_add(ql, vk_fma(rl, q, rl)));
  }
  if (dd)
    vk_ldexp2(e, el, n, v, vl);
  else
    *v = vk_ldexp(e, n), *vl = el;
}

/* tm + log1p(v + vl) for v in [0, 1] (Tang's table method, above); tm =
 * max(t, 0).  With dd, r's low part (vl IC[j]) and the rounding of tm +
 * LC[j] are kept apart and added to the small terms, r last but one: where
 * j = 0 (v < 1/(2N)), r = v exactly and only the final sum rounds. */
VK_INLINE vf sp_log1p_lut(vf v, vf vl, int dd, const sp_tab *T, vf tm) {
  vi j = vk_cvtt(vk_mul(v, vk_set((float)SP_N * (1.0f - 0x1p-22f)))); /* floor(v N) < N */
  vf ic = vk_lut(T->ic, j);
  vf r = vk_fma(v, ic, vk_lut(T->icm, j)); /* (1 + v) IC[j] - 1 */
  vf r2 = vk_mul(r, r);
#if SP_N == 16
  vf pp = vk_fma(r2, vk_fma(vk_set(SP_P16_3), r, vk_set(SP_P16_2)),
                 vk_fma(vk_set(SP_P16_1), r, vk_set(SP_P16_0)));
#else
  vf pp = vk_fma(r2, vk_fma(vk_fma(vk_set(SP_P8_4), r, vk_set(SP_P8_3)), r, vk_set(SP_P8_2)),
                 vk_fma(vk_set(SP_P8_1), r, vk_set(SP_P8_0)));
#endif
  vf lch = vk_lut(T->lch, j), lcl = vk_lut(T->lcl, j);
  if (!dd) return vk_add(vk_add(tm, lch), vk_add(vk_fma(r2, pp, r), lcl));
  /* tm + LCH[j] exactly as sm + se (Fast2Sum on the larger and the smaller;
   * tm second, so that a NaN survives); sm - hi <= LCH[j] < 1, and the min
   * turns the NaN of inf - inf (t = +inf) into a finite se */
  vf hi = vk_max(lch, tm), lo = vk_min(lch, tm);
  vf sm = vk_add(hi, lo);
  vf se = vk_sub(lo, vk_min(vk_sub(sm, hi), vk_set(1.0f)));
  vf small = vk_add(vk_fma(r2, pp, vk_mul(vl, ic)), vk_add(lcl, se));
  return vk_add(sm, vk_add(r, small));
}

/* softplus(t) (b = 1) */
VK_INLINE vf sp_fwd_t(vf t, int dd, const sp_tab *T) {
  vf v, vl;
  sp_exp_neg_abs(t, dd, &v, &vl);
  return sp_log1p_lut(v, vl, dd, T, vk_max(vk_set(0.0f), t));
}

/* any b: t = b x, y = softplus(t) / b, and x where t > 16 */
VK_INLINE vf sp_fwd_b(vf x, vf b, int dd, const sp_tab *T) {
  vf t = vk_mul(b, x);
  vf y = vk_div(sp_fwd_t(t, dd, T), b);
  return vk_sel(vk_gt(t, vk_set(16.0f)), x, y);
}

/* dy sigma(t).  1 + v is d + dl exactly (Fast2Sum); w ~ 1/d.  dd: v + vl
 * double-float and 1/(d + dl) = w + wl from the exact residual 1 - w d
 * (Markstein); otherwise 1/(d + dl) = w (1 - w dl) to first order. */
VK_INLINE vf sp_bwd_t(vf t, vf dy, int dd) {
  vf v, vl;
  sp_exp_neg_abs(t, dd, &v, &vl);
  vf d = vk_add(vk_set(1.0f), v);
  vf dl = vk_add(vk_sub(vk_set(1.0f), d), v);
  vf w = vk_recip(d);
  vf sp, sn;
  if (dd) {
    dl = vk_add(dl, vl);                    /* d + dl = 1 + v + vl */
    vf res = vk_fnma(w, d, vk_set(1.0f));   /* 1 - w d, exact */
    vf wl = vk_mul(w, vk_fnma(w, dl, res)); /* 1/(1 + v + vl) = w + wl */
    sp = vk_add(w, wl);
    sn = vk_fma(v, w, vk_fma(vl, w, vk_mul(v, wl)));
  } else {
    vf wdl = vk_mul(w, dl);
    sp = vk_fnma(w, wdl, w);
    vf vw = vk_mul(v, w);
    sn = vk_fnma(vw, wdl, vw);
  }
  return vk_mul(dy, vk_sel(vk_lt(t, vk_set(0.0f)), sn, sp));
}

/* The kernels ACT_KERNEL(softplus, alg, fwd) and (softplus, alg, bwd): b = 1 (the
 * default) without the product and the division, any b with them. */
#define SP_KERNELS(alg, U, DD)                                                                    \
  void ACT_KERNEL(softplus, alg, fwd)(const float *x, float *y, size_t n, const act_params *p) {  \
    const sp_tab T = sp_tab_load();                                                               \
    if (p->a == 1.0f) {                                                                           \
      VK_FWD_LOOP(U, sp_fwd_t(v, DD, &T));                                                        \
    } else {                                                                                      \
      const vf b = vk_set(p->a);                                                                  \
      VK_FWD_LOOP(U, sp_fwd_b(v, b, DD, &T));                                                     \
    }                                                                                             \
  }                                                                                               \
  void ACT_KERNEL(softplus, alg, bwd)(const float *x, const float *y, const float *dy, float *dx, \
                                      size_t n, const act_params *p) {                            \
    const vf b = vk_set(p->a);                                                                    \
    VK_BWD_LOOP(U, VK_X | VK_DY, sp_bwd_t(vk_mul(b, vx), vdy, DD));                               \
  }

#endif
