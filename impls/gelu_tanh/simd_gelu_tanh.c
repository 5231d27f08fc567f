/* actbench: gelu_tanh, the kernels on the SIMD layer (impls/simd/vk.h),
 * compiled for AVX2 and for AVX-512.  <lut> is lut8 with AVX2 (an 8-entry
 * table in one register, the degree-4 exp polynomial of the tanh kernels,
 * impls/tanh/coeffs_tanh_exp.h) and lut16 with AVX-512 (16 entries, degree
 * 3).
 *
 * gelu_tanh.avx2.dd-rr2-lut8-p4-nr1fma, gelu_tanh.avx512.dd-rr2-lut16-p3-rcp14
 *   (gt_fwd, gt_bwd): x sigma(2u) with 2u as a double-float; 1/(1+e) by the
 *   reciprocal estimate (AVX2: vrcpps and one Newton step with FMA; AVX-512:
 *   vrcp14ps alone) refined through the exact residual (the Newton step
 *   folded into the final double-float products).  2^j: AVX-512 vscalefps
 *   (a subnormal result is rounded once); AVX2 builds it in the exponent
 *   field: 2^max(j, -126) for e inside 1 + e (where a smaller e no longer
 *   matters) and the result as (g 2^(j-b)) 2^b, b = max(j, -126): the first
 *   product is exact (g >= 9 where j < -126), so a subnormal result is
 *   rounded once.  Backward from x, with the window polynomial around the
 *   derivative's root.  The AVX2 f reaches 1 ulp at x ~ -2^-125, presumably
 *   where the correction terms (the result times 2^-23) fall below 2^-149
 *   (AVX-512 keeps 0.77 ulp: its vrcp14ps residual is larger, 2^-14).
 * gelu_tanh.avx2.rr2-lut8-p4-div, gelu_tanh.avx512.rr2-lut16-p3-nr1fma (the
 *   fast variant, gt_fwd_fast, gt_bwd_fast): 2u in float, 1/(1+e) by a true
 *   division (AVX2: vrcpps and one Newton step miss 1/1 and 1/2, which
 *   f(FLT_MAX) and f'(0) need exactly) or by vrcp14ps and one Newton step
 *   (AVX-512), plain products.
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
 * (impls/tanh/): k = round(z N/ln 2), two-constant reduction
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
 * propagates; f has x's sign (-0 gives -0).
 *
 * NaN payloads: a NaN x makes NaNs of both signs inside (or-ing in -0,
 * flipping by sg), and on AVX2 the 2^j built from its bits can be inf, so
 * inf - inf adds the default NaN; where two of them meet in one operation
 * the instruction's operand order decides which survives, and the compiler
 * may commute the operands of vk_add, vk_mul and vk_fma.  The operations
 * where that decided differently from the per-ISA kernels this file
 * replaces (avx2_lut8.c, avx512_lut16.c as compiled: every one of the 2^24
 * NaN inputs compared, fwd and bwd) are pinned with vk_add_ord, vk_mul_ord
 * and vk_fma_ord (simd/vk_avx2.h): dl in gt_core, f for x >= 0 and the
 * fast f' for x >= 0, each in the order the old code had per kernel and
 * ISA, the same in the loop and in the tail. */
#include <stdint.h>

#include "gelu_tanh/coeffs_gelu_tanh.h"
#include "kernels.h"
#include "simd/vk.h"
#include "tanh/coeffs_tanh_exp.h"

/* ---- the parameters per ISA: the table of 2^(i/L), L = VK_LUT (8 or
 * 16), the reduction constants and the exp
 * polynomial (impls/tanh/coeffs_tanh_exp.h, as in impls/tanh/simd_tanh.c) */
#define GT_M2N_LN2 VK_PICK(TANH_M2N_LN2_8, TANH_M2N_LN2_16)
#define GT_LN2_2N_HI VK_PICK(TANH_LN2_2N_8_HI, TANH_LN2_2N_16_HI)
#define GT_LN2_2N_LO VK_PICK(TANH_LN2_2N_8_LO, TANH_LN2_2N_16_LO)
#define GT_Q_LUT8P4 \
  { TANH_EXPM2_LUT8P4_Q3, TANH_EXPM2_LUT8P4_Q2, TANH_EXPM2_LUT8P4_Q1, TANH_EXPM2_LUT8P4_Q0 }
#define GT_Q_LUT16 \
  { TANH_EXPM2_LUT16_Q2, TANH_EXPM2_LUT16_Q1, TANH_EXPM2_LUT16_Q0 }
static const float gt_q[] = VK_PICK(GT_Q_LUT8P4, GT_Q_LUT16);
#define GT_NQ ((int)(sizeof gt_q / sizeof gt_q[0]))
static const float gt_t[VK_LUT] = VK_PICK(TANH_LUT8, TANH_LUT16);
static const float gt_rel[VK_LUT] = VK_PICK(TANH_LUT8_REL, TANH_LUT16_REL);
/* which NaN f keeps for x >= 0 where x and R0 are both NaN: x's on AVX2,
 * R0's on AVX-512 (see NaN payloads at the top) */
#define GT_FWD_NAN_X VK_PICK(1, 0)
/* which NaN the fast f' keeps for x >= 0 where R and (A e) R + 1 are both
 * NaN: R's on AVX2, the other's on AVX-512 (see NaN payloads at the top) */
#define GT_FAST_NAN_R VK_PICK(1, 0)

typedef struct {
  vk_table pos, rel;
} gt_tables;

#if VK_ISA_AVX512
typedef vf gt_scale; /* j as a float, for vscalefps */
/* j = floor(k/16) (k/16 is exact) */
VK_INLINE gt_scale gt_scale_make(vf kf, vi kbi) {
  (void)kbi;
  return vk_floor(vk_mul(kf, vk_set(0.0625f)));
}
/* t 2^j and g 2^j, each rounded once */
VK_INLINE vf gt_scale_e(vf t, gt_scale j) {
  return vk_ldexp(t, j);
}
VK_INLINE vf gt_scale_out(vf g, gt_scale j) {
  return vk_ldexp(g, j);
}
#else
typedef struct {
  vf sj, sa; /* 2^max(j, -126), 2^(j - max(j, -126)) */
} gt_scale;
/* j << 23 from k's bits: (k << 20) with i's bits cleared (j >= -166) */
VK_INLINE gt_scale gt_scale_make(vf kf, vi kbi) {
  (void)kf;
  gt_scale s;
  vi j23 = vk_andi(vk_slli(kbi, 20), vk_seti((int32_t)0xff800000u));
  vi jb = vk_maxi(j23, vk_seti(-126 * (1 << 23)));
  s.sj = vk_float(vk_addi(jb, vk_seti(127 << 23)));
  s.sa = vk_float(vk_addi(vk_subi(j23, jb), vk_seti(127 << 23)));
  return s;
}
/* t 2^max(j, -126) (e is negligible in 1 + e below), and (g 2^(j-b)) 2^b */
VK_INLINE vf gt_scale_e(vf t, gt_scale s) {
  return vk_mul(t, s.sj);
}
VK_INLINE vf gt_scale_out(vf g, gt_scale s) {
  return vk_mul(vk_mul(g, s.sa), s.sj);
}
#endif

/* r (2 - d r): one Newton step on an estimate r of 1/d */
VK_INLINE vf gt_newton(vf d, vf r) {
  return vk_fma(r, vk_fnma(d, r, vk_set(1.0f)), r);
}
/* 1/d to at least 2^-14 (the residual step of gt_core squares its error):
 * AVX2 vrcpps (12 bits) and one Newton step, AVX-512 vrcp14ps */
VK_INLINE vf gt_rcp(vf d) {
  return VK_PICK(gt_newton(d, vk_rcp_est(d)), vk_rcp_est(d));
}
/* 1/d to about 2^-23 (the fast variant): AVX2 a true division, AVX-512
 * vrcp14ps and one Newton step */
VK_INLINE vf gt_rcp_nr(vf d) {
  return VK_PICK(vk_div(vk_set(1.0f), d), gt_newton(d, vk_rcp_est(d)));
}
/* the sign bit of x set */
VK_INLINE vm gt_neg(vf x) {
  return vk_signmask(vk_bits(x));
}

/* e^(zh + zl) = 2^j t (1 + w), zh <= 0 (>= -115): k = round(zh N/ln 2),
 * r = zh - k ln2/N (rr2) + zl, exp(r) = 1 + r' q(r') with r' = -r/2 (the
 * tanh kernels' exp(-2r') polynomial, relative error 2^-32 (N = 8, degree
 * 4), 2^-29 (N = 16, degree 3)), t = 2^(i/N) and its rounding error rel,
 * i = k mod N, j = floor(k/N). */
VK_INLINE void gt_exp(vf zh, vf zl, const gt_tables *c, vf *t, vf *w, gt_scale *s) {
  const vf magic = vk_set(0x1.8p23f);
  vf kb = vk_fma(zh, vk_set(-0.5f * GT_M2N_LN2), magic);
  vf kf = vk_sub(kb, magic);
  vf r = vk_fnma(kf, vk_set(2.0f * GT_LN2_2N_HI), zh);
  r = vk_fnma(kf, vk_set(2.0f * GT_LN2_2N_LO), r);
  vf rp = vk_mul(vk_add(r, zl), vk_set(-0.5f));
  vi kbi = vk_bits(kb);
  vf q = vk_horner(rp, gt_q, GT_NQ, 1.0f);
  *w = vk_fma(rp, q, vk_lut(c->rel, kbi));
  *t = vk_lut(c->pos, kbi);
  *s = gt_scale_make(kf, kbi);
}

/* f' near its root x0: (x - x0) P(x - x0) on lo < x < hi, x - x0 from x0
 * as a double-float, P's coefficients c[0..n-1] highest degree first (the
 * accurate kernel's GT_WIN_*, the fast one's GT_WINF_*); f elsewhere */
static const float gt_win[] = {GT_WIN_C11, GT_WIN_C10, GT_WIN_C9, GT_WIN_C8, GT_WIN_C7, GT_WIN_C6,
                               GT_WIN_C5,  GT_WIN_C4,  GT_WIN_C3, GT_WIN_C2, GT_WIN_C1, GT_WIN_C0};
static const float gt_winf[] = {GT_WINF_C5, GT_WINF_C4, GT_WINF_C3,
                                GT_WINF_C2, GT_WINF_C1, GT_WINF_C0};
#define GT_NWIN ((int)(sizeof gt_win / sizeof gt_win[0]))
#define GT_NWINF ((int)(sizeof gt_winf / sizeof gt_winf[0]))
VK_INLINE vf gt_window(vf x, vf f, const float *c, int n, float lo, float hi) {
  vf d = vk_sub(vk_sub(x, vk_set(GT_X0_HI)), vk_set(GT_X0_LO));
  vf P = vk_horner(d, c, n, 1.0f);
  vm win = vk_mand(vk_gt(x, vk_set(lo)), vk_lt(x, vk_set(hi)));
  return vk_sel(win, vk_mul(d, P), f);
}

typedef struct {
  vf t, w, R0, h, x2;
  gt_scale sc;
} gt_core_parts;

/* everything f and f' share: e = 2^j t (1 + w), 1/(1 + e) = R0 (1 + h);
 * dl_nan_el: where both terms of dl are NaN, el's survives (f) or the
 * other's (f'), as in the per-ISA kernels this replaces */
VK_INLINE gt_core_parts gt_core(vf x, const gt_tables *tab, int dl_nan_el) {
  const vf one = vk_set(1.0f);
  const vf k2h = vk_set(GT_K2_HI);
  gt_core_parts o;
  vf x2 = vk_mul(x, x);
  vf x2l = vk_fms(x, x, x2);
  vf ph = vk_mul(vk_set(GT_K2C_HI), x2);
  vf pl = vk_fms(vk_set(GT_K2C_HI), x2, ph);
  pl = vk_fma(vk_set(GT_K2C_HI), x2l, vk_fma(vk_set(GT_K2C_LO), x2, pl));
  /* W + Wl = K2 + K2C x^2 (TwoSum of the high parts) */
  vf W = vk_add(k2h, ph);
  vf bb = vk_sub(W, k2h);
  vf Wl = vk_add(vk_sub(k2h, vk_sub(W, bb)), vk_sub(ph, bb));
  Wl = vk_add(Wl, vk_add(pl, vk_set(GT_K2_LO)));
  /* 2u = vh + vl */
  vf vh = vk_mul(x, W);
  vf vl = vk_fma(x, Wl, vk_fms(x, W, vh));
  /* z = -|2u|: flip both parts where vh >= 0 */
  vf sg = vk_andnot(vh, vk_set(-0.0f));
  vf zh = vk_xor(vh, sg);
  vf zl = vk_xor(vl, sg);
  zh = vk_max(vk_set(-115.0f), zh); /* NaN passes (the second operand) */
  gt_exp(zh, zl, tab, &o.t, &o.w, &o.sc);
  vf eh = gt_scale_e(o.t, o.sc);
  vf el = vk_mul(eh, o.w);
  vf dh = vk_add(one, eh);
  vf dl = dl_nan_el ? vk_add_ord(el, vk_sub(eh, vk_sub(dh, one)))
                    : vk_add_ord(vk_sub(eh, vk_sub(dh, one)), el);
  o.R0 = gt_rcp(vk_add(dh, dl));
  o.h = vk_fnma(dl, o.R0, vk_fnma(dh, o.R0, one));
  o.x2 = x2;
  return o;
}

VK_INLINE vf gt_fwd(vf x, const gt_tables *tab) {
  gt_core_parts o = gt_core(x, tab, 1);
  /* x >= 0: x R0 (1 + h) */
  vf a = GT_FWD_NAN_X ? vk_mul_ord(x, o.R0) : vk_mul_ord(o.R0, x);
  vf al = vk_fms(x, o.R0, a);
  vf fpos = vk_add_ord(a, vk_fma(a, o.h, al));
  /* x < 0: (x t R0) (1 + w)(1 + h) 2^j */
  vf b = vk_mul(x, o.t);
  vf bl = vk_fms(x, o.t, b);
  vf c = vk_mul(b, o.R0);
  vf cl = vk_fma(bl, o.R0, vk_fms(b, o.R0, c));
  vf u = vk_add(o.w, vk_fma(o.h, o.w, o.h));
  vf fneg = gt_scale_out(vk_add(c, vk_fma(c, u, cl)), o.sc);
  vf f = vk_sel(gt_neg(x), fneg, fpos);
  f = vk_or(f, vk_and(x, vk_set(-0.0f))); /* x's sign, for -0 */
  f = vk_sel(vk_gt(x, vk_set(12.0f)), x, f);
  return vk_sel(vk_lt(x, vk_set(-12.0f)), vk_set(-0.0f), f);
}

VK_INLINE vf gt_bwd(vf x, const gt_tables *tab) {
  const vf one = vk_set(1.0f);
  gt_core_parts o = gt_core(x, tab, 0);
  vf A = vk_mul(x, vk_fma(vk_set(GT_K2C3), o.x2, vk_set(GT_K2_HI)));
  vf R = vk_fma(o.R0, o.h, o.R0);
  vf te = vk_fma(o.t, o.w, o.t); /* e = te 2^j */
  /* x >= 0: R (1 + A e R) (here 2^j t is exact or negligible) */
  vf e = gt_scale_e(te, o.sc);
  vf fpos = vk_mul(R, vk_fma(vk_mul(A, e), R, one));
  /* x < 0: e R (1 + A R) */
  vf fneg = gt_scale_out(vk_mul(vk_mul(te, R), vk_fma(A, R, one)), o.sc);
  vf f = vk_sel(gt_neg(x), fneg, fpos);
  f = gt_window(x, f, gt_win, GT_NWIN, GT_WLO, GT_WHI);
  f = vk_sel(vk_gt(x, vk_set(12.0f)), one, f);
  return vk_sel(vk_lt(x, vk_set(-12.0f)), vk_set(-0.0f), f);
}

/* The fast variant: 2u in float (x (K2 + K2C x^2), three roundings), so
 * that exp's relative error grows with |2u| (up to a few hundred ulp for
 * x near -10, where |2u| ~ 90; a few ulp for x > -2); 1/(1+e) by gt_rcp_nr
 * (an estimate and one Newton step), plain float products.  x is clamped to
 * -12 (the result there rounds to -0), x > 12 gives x through e = 0.  The
 * derivative's window is narrower (GT_WINF_*, degree 5 on [-0.85, -0.65]):
 * outside it 1 + A R cancels by up to ~6x, well inside the variant's error. */
VK_INLINE vf gt_fast_R(vf xc, const gt_tables *tab, vf *te, gt_scale *sc, vf *x2) {
  vf t, w;
  *x2 = vk_mul(xc, xc);
  vf v = vk_mul(xc, vk_fma(vk_set(GT_K2C_HI), *x2, vk_set(GT_K2_HI)));
  vf z = vk_max(vk_set(-115.0f), vk_or(v, vk_set(-0.0f))); /* -|2u|, NaN passes */
  gt_exp(z, vk_set(0.0f), tab, &t, &w, sc);
  *te = vk_fma(t, w, t);
  return gt_rcp_nr(vk_add(vk_set(1.0f), gt_scale_e(*te, *sc)));
}

VK_INLINE vf gt_fwd_fast(vf x, const gt_tables *tab) {
  vf te, x2;
  gt_scale sc;
  vf xc = vk_max(vk_set(-12.0f), x);
  vf R = gt_fast_R(xc, tab, &te, &sc, &x2);
  vf fneg = gt_scale_out(vk_mul(vk_mul(xc, te), R), sc);
  return vk_sel(gt_neg(x), fneg, vk_mul(xc, R));
}

VK_INLINE vf gt_bwd_fast(vf x, const gt_tables *tab) {
  const vf one = vk_set(1.0f);
  vf te, x2;
  gt_scale sc;
  vf xc = vk_max(vk_set(-12.0f), x);
  vf R = gt_fast_R(xc, tab, &te, &sc, &x2);
  vf A = vk_mul(xc, vk_fma(vk_set(GT_K2C3), x2, vk_set(GT_K2_HI)));
  vf fposr = vk_fma_ord(vk_mul_ord(A, gt_scale_e(te, sc)), R, one);
  vf fpos = GT_FAST_NAN_R ? vk_mul_ord(R, fposr) : vk_mul_ord(fposr, R);
  vf fneg = gt_scale_out(vk_mul(vk_mul(te, R), vk_fma(A, R, one)), sc);
  vf f = vk_sel(gt_neg(x), fneg, fpos);
  f = gt_window(x, f, gt_winf, GT_NWINF, GT_WINF_LO, GT_WINF_HI);
  return vk_sel(vk_gt(x, vk_set(12.0f)), one, f);
}

/* The loops (simd/vk_loop.h): one vector a step, then a masked tail;
 * f' = dy * g(x). */
#define GT_KERNELS(alg, fwdfn, bwdfn)                                                              \
  void ACT_KERNEL(gelu_tanh, alg, fwd)(const float *x, float *y, size_t n, const act_params *p) {  \
    (void)p;                                                                                       \
    const gt_tables c = {vk_table_load(gt_t), vk_table_load(gt_rel)};                              \
    VK_FWD_LOOP(1, fwdfn(v, &c));                                                                  \
  }                                                                                                \
  void ACT_KERNEL(gelu_tanh, alg, bwd)(const float *x, const float *y, const float *dy, float *dx, \
                                       size_t n, const act_params *p) {                            \
    (void)p;                                                                                       \
    const gt_tables c = {vk_table_load(gt_t), vk_table_load(gt_rel)};                              \
    VK_BWD_LOOP(1, VK_X | VK_DY, vk_mul(vdy, bwdfn(vx, &c)));                                      \
  }

GT_KERNELS(VK_PICK(dd_rr2_lut8_p4_nr1fma, dd_rr2_lut16_p3_rcp14), gt_fwd, gt_bwd)
GT_KERNELS(VK_PICK(rr2_lut8_p4_div, rr2_lut16_p3_nr1fma), gt_fwd_fast, gt_bwd_fast)
