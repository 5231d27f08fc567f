/* actbench: sigmoid sigma(a x), the table-driven kernels on the SIMD layer
 * (impls/simd/vk.h), compiled for AVX2 and for AVX-512; the exp in its two
 * forms, the tables per ISA and the scaling that gives gradual underflow:
 * impls/sigmoid/sigmoid_vec.h.  <lut> is lut8-p3 with AVX2 and lut32-p2 with
 * AVX-512, <lut-dd> lut8-p5 and lut64-p3.
 *
 * sigmoid.<isa>.rr2-<lut>-div (fast): t = a x clamped to [-110, 60];
 *   exp(t) = P/si in the "inverse" form; sigma = P/(P + si) with one true
 *   division (div: Zen 4 and Intel cores divide in a unit of their own,
 *   beside the FMA pipes, so it costs less than a reciprocal estimate and a
 *   Newton step).  No sign select, no 1 - something.  One vector per loop
 *   step.  Backward from x: f' = a e/(1 + e)^2 with e = exp(-|t|) in the
 *   "scaled" form e' = e 2^40, f' = e'/(2^20 + e' 2^-20)^2: one division.
 * sigmoid.avx512.rr2-lut32-p2-div-x64 (AVX-512 only): four vectors (64
 *   floats) a step; backward the forward's inverse form on the left side,
 *   s = sigma(-|t|) = P/(P + si) <= 1/2, and f' = s (1 - s) = s - s^2 in one
 *   fnmadd (1 - s does not cancel there): two operations less than the
 *   scaled form.
 * sigmoid.avx512.rr1-lut32-p2-div-x64 (AVX-512 only): the same with the
 *   one-constant reduction (rr1, one FMA less; exp's relative error grows to
 *   |z| 2^-28.4, sigmoid_vec.h), forward and backward (s - s^2).
 * sigmoid.<isa>.rr2-<lut>-div-from-y: the fast forward (AVX-512: the x64
 *   one); backward a y (1 - y) from the forward's output, what frameworks do
 *   (1 - y cancels as y -> 1: 2^24 ulp and more).
 * sigmoid.<isa>.rr2-<lut-dd>-nr2fma-dd (accurate): e = exp(-|t|) as a
 *   double-float (table hi + lo), 1 + e as an exact double-float (Fast2Sum),
 *   the quotient by the reciprocal estimate, one Newton step on the
 *   reciprocal and one on the quotient whose residual includes the low parts
 *   (nr2fma): about 2^-40 relative before its one rounding.  Backward from
 *   x: f' = e'/D with D = (d' 2^-20)^2 as a double-float.
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
 * NaN out (forward and backward).  Loops and tails: simd/vk_loop.h; in place
 * (y == x, dx == dy or dx == x) works. */
#include "kernels.h"
#include "sigmoid/sigmoid_vec.h"

/* forward, fast: P/(P + si) */
VK_INLINE vf fwd_inv(vf x, vf a, int fold, int rr1, const sig_tab *tab) {
  vf tl, si;
  vf t = sig_t(x, a, fold, &tl);
  vf z = sig_clamp(t, SIG_ZMIN, SIG_ZMAX);
  vf P = sig_exp_inv(z, tl, fold, rr1, tab, &si);
  return vk_div(P, vk_add(P, si));
}
#define fwd_fast(x, a, fold, tab) fwd_inv(x, a, fold, 0, tab)

/* backward from x, fast: dy a e'/(2^20 + e' 2^-20)^2 */
VK_INLINE vf bwd_fast(vf x, vf dy, vf a, int fold, const sig_tab *tab) {
  vf tl, zl;
  vf t = sig_t(x, a, fold, &tl);
  vf z = sig_negabs(t, tl, fold, &zl);
  vf e = sig_exp_scaled(z, zl, fold, tab);
  vf d = vk_fma(e, vk_set(0x1p-20f), vk_set(0x1p20f));
  vf g = vk_div(e, vk_mul(d, d));
  if (fold) g = vk_mul(a, g);
  return vk_mul(dy, g);
}

/* backward from y: dy a y (1 - y) */
VK_INLINE vf bwd_from_y(vf y, vf dy, vf a, int fold, const sig_tab *tab) {
  (void)tab;
  vf g = vk_mul(y, vk_sub(vk_set(1.0f), y));
  if (fold) g = vk_mul(a, g);
  return vk_mul(dy, g);
}

/* forward, accurate */
VK_INLINE vf fwd_acc(vf x, vf a, int fold, const sig_tab *tab) {
  sig_dd s = sig_dd_start(x, a, fold, tab);
  vm neg = sig_neg(s.t); /* t < 0: e/(1 + e) */
  vf nh = vk_sel(neg, s.eh, vk_set(0x1p40f));
  vf nl = vk_sel(neg, s.el, vk_set(0.0f));
  return sig_div_dd(nh, nl, s.dh, s.dl);
}

/* backward from x, accurate: dy a e'/D, D = (d' 2^-20)^2 */
VK_INLINE vf bwd_acc(vf x, vf dy, vf a, int fold, const sig_tab *tab) {
  sig_dd s = sig_dd_start(x, a, fold, tab);
  vf eh = s.eh, el = s.el;
  const vf m20 = vk_set(0x1p-20f);
  vf dh = vk_mul(s.dh, m20);
  vf dl = vk_mul(s.dl, m20);
  vf Dh = vk_mul(dh, dh);
  vf Dl = vk_fms(dh, dh, Dh);
  Dl = vk_fma(vk_add(dh, dh), dl, Dl);
  if (fold) { /* a (eh + el) as a double-float */
    vf ah = vk_mul(a, eh);
    el = vk_fma(a, el, vk_fms(a, eh, ah));
    eh = ah;
  }
  return vk_mul(dy, sig_div_dd(eh, el, Dh, Dl));
}

SIG_DEF_FWD(ACT_KERNEL(sigmoid, VK_PICK(rr2_lut8_p3_div, rr2_lut32_p2_div), fwd), 1, fwd_fast, 0)
SIG_DEF_BWD(ACT_KERNEL(sigmoid, VK_PICK(rr2_lut8_p3_div, rr2_lut32_p2_div), bwd), 1, VK_X | VK_DY,
            vx, bwd_fast, 0)
SIG_DEF_BWD(ACT_KERNEL(sigmoid, VK_PICK(rr2_lut8_p3_div_from_y, rr2_lut32_p2_div_from_y), bwd), 4,
            VK_Y | VK_DY, vy, bwd_from_y, 0)
SIG_DEF_FWD(ACT_KERNEL(sigmoid, VK_PICK(rr2_lut8_p5_nr2fma_dd, rr2_lut64_p3_nr2fma_dd), fwd), 2,
            fwd_acc, 1)
SIG_DEF_BWD(ACT_KERNEL(sigmoid, VK_PICK(rr2_lut8_p5_nr2fma_dd, rr2_lut64_p3_nr2fma_dd), bwd), 2,
            VK_X | VK_DY, vx, bwd_acc, 1)

#if VK_ISA_AVX512
#define fwd_rr1(x, a, fold, tab) fwd_inv(x, a, fold, 1, tab)

/* backward from x, via the forward's inverse form: s = sigma(-|t|) =
 * P/(P + si) <= 1/2, f' = s (1 - s) = s - s^2 (one fnmadd: 1 - s has no
 * cancellation on this side).  (vrangeps would give -min(|t|, 110) in one
 * instruction, but it returns the other operand for a NaN.) */
VK_INLINE vf bwd_s1s(vf x, vf dy, vf a, int fold, int rr1, const sig_tab *tab) {
  vf tl, zl, si;
  vf t = sig_t(x, a, fold, &tl);
  vf z = sig_negabs(t, tl, fold, &zl);
  vf P = sig_exp_inv(z, zl, fold, rr1, tab, &si);
  vf s = vk_div(P, vk_add(P, si));
  vf g = vk_fnma(s, s, s);
  if (fold) g = vk_mul(a, g);
  return vk_mul(dy, g);
}
#define bwd_s1s_rr1(v, g, a, fold, tab) bwd_s1s(v, g, a, fold, 1, tab)
#define bwd_s1s_rr2(v, g, a, fold, tab) bwd_s1s(v, g, a, fold, 0, tab)

SIG_DEF_FWD(ACT_KERNEL(sigmoid, rr2_lut32_p2_div_x64, fwd), 4, fwd_fast, 0)
SIG_DEF_BWD(ACT_KERNEL(sigmoid, rr2_lut32_p2_div_x64, bwd), 4, VK_X | VK_DY, vx, bwd_s1s_rr2, 0)
SIG_DEF_FWD(ACT_KERNEL(sigmoid, rr1_lut32_p2_div_x64, fwd), 4, fwd_rr1, 0)
SIG_DEF_BWD(ACT_KERNEL(sigmoid, rr1_lut32_p2_div_x64, bwd), 4, VK_X | VK_DY, vx, bwd_s1s_rr1, 0)
#endif
