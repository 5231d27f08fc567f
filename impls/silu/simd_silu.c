/* actbench: silu / swish x sigma(b x) (b = p->a), the kernels on the SIMD
 * layer (impls/simd/vk.h), compiled for AVX2 and for AVX-512, on the exp of
 * impls/sigmoid/sigmoid_vec.h (read its comment first).  <lut> is lut8-p3
 * with AVX2 and lut32-p2 with AVX-512, <lut-dd> lut8-p5 and lut64-p3.
 *
 * silu.<isa>.rr2-<lut>-div (fast): with t = b x,
 *   exp(t) = P/si (the "inverse" form),
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
 * silu.<isa>.rr2-<lut>-div-root-p6: the fast forward; backward the fast
 *   formula, and in the window |t - t0| < 1/16 around the root of silu' the
 *   degree-6 polynomial of the accurate kernel below (root_poly), so that
 *   the relative error stays bounded: a few ulp instead of 2^24.
 * silu.<isa>.rr2-<lut-dd>-nr2fma-dd (accurate): E = exp(-|t|) as a
 *   double-float (sigmoid_vec.h, form 2), numerator and denominator as
 *   double-floats, the reciprocal estimate with Newton steps on the
 *   reciprocal and on the quotient (nr2fma).  Backward: the same formulas in
 *   double-float, and in the window |t - t0| < 1/16 around the root of silu'
 *   a polynomial in d = t - t0 (t0 as a double-float): silu'(t0 + d) =
 *   c1 d + d^2 Q(d) with c1 = silu''(t0) as a double-float
 *   (scripts/coeffs/silu_root.sollya).
 *
 * The slope b: b == 1 runs loops without any multiplication by b; otherwise
 * t = b x is rounded and its exact error folded into the reduced argument.
 * NaN in, NaN out.  silu(+-0) = +-0 (x P/(P + si) keeps the sign). */
#include "coeffs_silu_root.h"
#include "kernels.h"
#include "sigmoid/sigmoid_vec.h"

/* The accurate forward takes x/2 where |t| < 2^-25 with AVX2 and not with
 * AVX-512, as the two kernels always did (the quotient, not x/2, decides a
 * subnormal x/2's rounding there). */
#define SILU_ACC_TINY VK_PICK(1, 0)

/* lanes where t > 32 take x; where |t| < 2^-25 (tiny), x/2; for fold,
 * t <= -110 gives +-0 (x may be huge or infinite there) */
VK_INLINE vf fixups(vf y, vf x, vf t, int tiny, int fold) {
  y = vk_sel(vk_gt(t, vk_set(32.0f)), x, y);
  if (tiny) /* x P would underflow for |x| < 2^-90; x/2 is within 2^-26 of x sigma(t) */
    y = vk_sel(vk_lt(vk_abs(t), vk_set(0x1p-25f)), vk_mul(x, vk_set(0.5f)), y);
  if (fold) y = vk_sel(vk_le(t, vk_set(SIG_ZMIN)), vk_signbit(x), y);
  return y;
}

/* forward, fast */
VK_INLINE vf fwd_fast(vf x, vf b, int fold, const sig_tab *tab) {
  vf tl, si;
  vf t = sig_t(x, b, fold, &tl);
  vf z = vk_max(vk_set(SIG_ZMIN), t); /* no upper clamp: t > 32 takes x */
  vf P = sig_exp_inv(z, tl, fold, 0, tab, &si);
  vf y = vk_div(vk_mul(fold ? x : z, P), vk_add(P, si));
  return fixups(y, x, t, 1, fold);
}

/* backward from x, fast */
VK_INLINE vf bwd_fast(vf x, vf dy, vf b, int fold, const sig_tab *tab) {
  vf tl, zl;
  vf t = sig_t(x, b, fold, &tl);
  vf z = sig_negabs(t, tl, fold, &zl); /* -|t| >= -110 */
  vf e = sig_exp_scaled(z, zl, fold, tab);
  vf d2 = vk_fma(e, vk_set(0x1p-20f), vk_set(0x1p20f));
  vf D = vk_mul(d2, d2);
  vf d = vk_add(e, vk_set(0x1p40f));
  vf np = vk_fnma(z, e, d); /* d' + |t| e' */
  /* t < 0: z = max(t, -110); e' (1 + z + E) */
  vf G = vk_fma(e, vk_set(0x1p-40f), vk_add(vk_set(1.0f), z));
  vf nn = vk_mul(e, G);
  vf num = vk_sel(sig_neg(t), nn, np);
  return vk_mul(dy, vk_div(num, D));
}

/* forward, accurate */
VK_INLINE vf fwd_acc(vf x, vf b, int fold, const sig_tab *tab) {
  sig_dd s = sig_dd_start(x, b, fold, tab);
  vf t = s.t, eh = s.eh, el = s.el, dh = s.dh, dl = s.dl;
  vm neg = sig_neg(t);
  /* t >= 0: x / (1 + E), the denominator scaled by 2^-40 */
  const vf m40 = vk_set(0x1p-40f);
  dh = vk_sel(neg, dh, vk_mul(dh, m40));
  dl = vk_sel(neg, dl, vk_mul(dl, m40));
  /* t < 0: x (eh + el) / d', x clamped at -110 where b == 1 */
  vf xn = fold ? x : vk_max(vk_set(SIG_ZMIN), x);
  vf ph = vk_mul(xn, eh);
  vf pl = vk_fma(xn, el, vk_fms(xn, eh, ph));
  vf nh = vk_sel(neg, ph, x);
  vf nl = vk_sel(neg, pl, vk_set(0.0f));
  vf y = sig_div_dd(nh, nl, dh, dl);
  return fixups(y, x, t, SILU_ACC_TINY, fold);
}

/* silu'(t0 + d) near the root t0 of silu' (coeffs_silu_root.h), with
 * d = dh + dl, dh = t - T0_HI (exact near t0, returned for the window test),
 * dl = tl - T0_LO: c1 (dh + dl) + d^2 Q(d), c1 a double-float, so that the
 * result is rounded once up to terms of a relative 2^-30. */
static const float silu_root_q[] = {ACT_SILU_ROOT_Q6, ACT_SILU_ROOT_Q5, ACT_SILU_ROOT_Q4,
                                    ACT_SILU_ROOT_Q3, ACT_SILU_ROOT_Q2};
VK_INLINE vf root_poly(vf t, vf tl, int fold, vf *dhp) {
  vf dh = vk_sub(t, vk_set(ACT_SILU_T0_HI));
  vf dl = vk_set(-ACT_SILU_T0_LO);
  if (fold) dl = vk_add(dl, tl);
  vf d = vk_add(dh, dl);
  vf q = vk_horner(d, silu_root_q, 5, 1.0f);
  vf u = vk_mul(vk_mul(d, d), q);
  const vf c1h = vk_set(ACT_SILU_ROOT_C1_HI);
  u = vk_fma(dl, c1h, u);
  u = vk_fma(dh, vk_set(ACT_SILU_ROOT_C1_LO), u);
  *dhp = dh;
  return vk_fma(dh, c1h, u);
}

/* g, or in the root window |t - t0| < 1/16 the root polynomial */
VK_INLINE vf root_window(vf g, vf t, vf tl, int fold) {
  vf wd;
  vf gw = root_poly(t, tl, fold, &wd);
  return vk_sel(vk_lt(vk_abs(wd), vk_set(ACT_SILU_ROOT_W)), gw, g);
}

/* backward from x, accurate: the formulas of bwd_fast in double-float */
VK_INLINE vf bwd_acc(vf x, vf dy, vf b, int fold, const sig_tab *tab) {
  sig_dd s = sig_dd_start(x, b, fold, tab); /* z + zl = -|t + tl|, z >= -110 */
  vf t = s.t, tl = s.tl, z = s.z, zl = s.zl, eh = s.eh, el = s.el, dh = s.dh, dl = s.dl;
  const vf m20 = vk_set(0x1p-20f), m40 = vk_set(0x1p-40f);
  /* D = (d' 2^-20)^2 */
  vf sh = vk_mul(dh, m20), sl = vk_mul(dl, m20);
  vf Dh = vk_mul(sh, sh);
  vf Dl = vk_fma(vk_add(sh, sh), sl, vk_fms(sh, sh, Dh));
  /* t >= 0: d' + |t| e', with |t + tl| = -z - zl; |t| e' < d' (Fast2Sum) */
  vf at = vk_sub(vk_set(0.0f), z);
  vf p = vk_mul(at, eh);
  vf pl = vk_fma(at, el, vk_fms(at, eh, p));
  if (fold) pl = vk_fnma(zl, eh, pl);
  vf ph = vk_add(dh, p);
  vf pl2 = vk_add(vk_add(vk_sub(dh, ph), p), vk_add(dl, pl));
  /* t < 0: e' G, G = (1 + t) + E (1 + t exact for t in [-110, -1/2]; TwoSum) */
  vf a1 = vk_add(vk_set(1.0f), z);
  vf Eh = vk_mul(eh, m40);
  vf gh = vk_add(a1, Eh);
  vf bb = vk_sub(gh, a1);
  vf gl = vk_add(vk_sub(a1, vk_sub(gh, bb)), vk_sub(Eh, bb));
  gl = vk_fma(el, m40, gl);
  if (fold) gl = vk_add(gl, zl);
  vf qh = vk_mul(eh, gh);
  vf ql = vk_fma(eh, gl, vk_fma(el, gh, vk_fms(eh, gh, qh)));
  vm neg = sig_neg(t);
  vf nh = vk_sel(neg, qh, ph);
  vf nl = vk_sel(neg, ql, pl2);
  vf g = sig_div_dd(nh, nl, Dh, Dl);
  return vk_mul(dy, root_window(g, t, tl, fold));
}

/* backward from x, fast with the root window: bwd_fast, and in the window
 * |t - t0| < 1/16 the polynomial of the accurate kernel (root_poly), so that
 * the relative error stays bounded where 1 + t + E cancels. */
VK_INLINE vf bwd_root(vf x, vf dy, vf b, int fold, const sig_tab *tab) {
  vf tl;
  vf t = sig_t(x, b, fold, &tl);
  vf g = bwd_fast(x, vk_set(1.0f), b, fold, tab);
  return vk_mul(dy, root_window(g, t, tl, fold));
}

SIG_DEF_FWD(ACT_KERNEL(silu, VK_PICK(rr2_lut8_p3_div, rr2_lut32_p2_div), fwd), 1, fwd_fast, 0)
SIG_DEF_BWD(ACT_KERNEL(silu, VK_PICK(rr2_lut8_p3_div, rr2_lut32_p2_div), bwd), 1, VK_X | VK_DY, vx,
            bwd_fast, 0)
SIG_DEF_BWD(ACT_KERNEL(silu, VK_PICK(rr2_lut8_p3_div_root_p6, rr2_lut32_p2_div_root_p6), bwd), 1,
            VK_X | VK_DY, vx, bwd_root, 0)
SIG_DEF_FWD(ACT_KERNEL(silu, VK_PICK(rr2_lut8_p5_nr2fma_dd, rr2_lut64_p3_nr2fma_dd), fwd), 2,
            fwd_acc, 1)
SIG_DEF_BWD(ACT_KERNEL(silu, VK_PICK(rr2_lut8_p5_nr2fma_dd, rr2_lut64_p3_nr2fma_dd), bwd), 2,
            VK_X | VK_DY, vx, bwd_acc, 1)
