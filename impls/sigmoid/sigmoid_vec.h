/* actbench: the building blocks of the sigmoid and silu kernels on the SIMD
 * layer (impls/simd/vk.h; impls/sigmoid/simd_sigmoid.c, impls/silu/simd_silu.c),
 * compiled once per ISA.  Everything works on one vector.
 *
 * exp, table-driven (Tang 1989; the table through permutes as in XNNPACK's
 * "lut-perm" kernels):
 *   n = RN(L z / ln 2) = L k + j,  r = z - n ln2/L,  |r| <= ln2/(2L),
 *   exp(z) = 2^k 2^(j/L) exp(r),
 * n rounded with the 1.5*2^23 "magic" addend (n lands in the low mantissa
 * bits, j in the low log2(L) bits: the permute index), the Cody-Waite
 * reduction with two constants (rr2; the first fma is exact, see
 * coeffs_sigmoid_exp.h), 2^(+-j/L) from a table held in registers
 * (vk_lut_n), and 2^k put into the exponent field by integer arithmetic: the
 * table entries are stored as bits(2^(+-j/L)) +- (j << (23 - log2 L)) plus a
 * fixed scale, so that adding or subtracting bits(magic + n) << (23 - log2
 * L), which is (k << 23) + (j << (23 - log2 L)) modulo 2^32, gives
 * 2^(+-(k + j/L)) and the scale in one shift and one add.
 *
 * The tables and polynomials per ISA (VK_PICK(AVX2, AVX-512)):
 *   fast kernels      SIG_L  = 8 / 32 entries, lut8-p3 (relative error of the
 *                     polynomial 2^-25.17) / lut32-p2 (2^-24.16)
 *   accurate kernels  SIG_DL = 8 / 64 entries (hi and lo parts), lut8-p5
 *                     (2^-39.8) / lut64-p3 (2^-37.2)
 * (AVX2 holds 8 entries in a register, AVX-512 16: one polynomial degree more
 * buys the smaller table there.)
 *
 * Two forms of the same exp:
 *
 * 1. "inverse" (the fast forward kernels): for z = a x in [-110, 60],
 *      P  = 2^-36 p(r),            p(r) ~= exp(r)  (all coefficients scaled
 *                                  by 2^-36, no extra op)
 *      si = 2^(-k-36) 2^(-j/L)     (table of 2^(-j/L), exponent -k-36)
 *    so that exp(z) = P/si, and
 *      sigma(z) = exp(z)/(1 + exp(z)) = P/(P + si)
 *    is one addition and one division, with no select on the sign of z and
 *    no "1 - something": the polynomial is not multiplied by the table value
 *    (one multiplication less than e = s p).  The scale 2^-36 keeps si normal
 *    over the whole range (2^-122 <= si <= 2^123), so a subnormal sigmoid
 *    (z < -87.3) is the correctly scaled quotient rounded once: gradual
 *    underflow at no cost.
 *
 * 2. "scaled" (backward and the accurate kernels): e' = exp(z) 2^40 for z in
 *    [-110, 0]; e' >= 2^-119 is normal, and the quotients
 *      e/(1 + e) = e'/(2^40 + e'),  1/(1 + e) = 2^40/(2^40 + e'),
 *      e/(1 + e)^2 = e'/(2^20 + e' 2^-20)^2
 *    are again rounded once where the result is subnormal.
 *
 * exp(-110) 110 is below half the smallest subnormal, so clamping z at -110
 * changes no result of sigmoid or silu or their derivatives; at 60 sigma is 1
 * and silu x in float.
 *
 * NaN: the clamps are max(c, z) and min(c, z), which return z when z is NaN,
 * so a NaN reaches r, the polynomial and the quotient (the integer work on a
 * NaN's bits is harmless: a permute takes any index, and the garbage scale is
 * multiplied by or added to a NaN). */
#ifndef ACTBENCH_SIGMOID_VEC_H
#define ACTBENCH_SIGMOID_VEC_H

#include <stdint.h>
#include <string.h>

#include "coeffs_sigmoid_exp.h"
#include "simd/vk.h"

#define SIG_ZMIN (-110.0f) /* exp(-110) 110 < 2^-150 */
#define SIG_ZMAX 60.0f     /* sigma(60) = 1 and si(60) = 2^-122 is normal */
#define SIG_INV_SCALE 36   /* P and si carry 2^-36 */
#define SIG_S 40           /* e' = exp(z) 2^40 */

/* the tables: sizes, index shifts 23 - log2(size), polynomials (highest
 * degree first; the accurate kernels' from degree 2 up: q = r + r^2 u) */
#define SIG_L VK_PICK(8, 32)
#define SIG_LSH VK_PICK(20, 18)
#define SIG_DL VK_PICK(8, 64)
#define SIG_DSH VK_PICK(20, 17)
#define SIG_P_LUT8_P3 \
  { ACT_SIGEXP_LUT8_P3_C3, ACT_SIGEXP_LUT8_P3_C2, ACT_SIGEXP_LUT8_P3_C1, ACT_SIGEXP_LUT8_P3_C0 }
#define SIG_P_LUT32_P2 \
  { ACT_SIGEXP_LUT32_P2_C2, ACT_SIGEXP_LUT32_P2_C1, ACT_SIGEXP_LUT32_P2_C0 }
#define SIG_U_LUT8_P5 \
  { ACT_SIGEXP_LUT8_P5_C5, ACT_SIGEXP_LUT8_P5_C4, ACT_SIGEXP_LUT8_P5_C3, ACT_SIGEXP_LUT8_P5_C2 }
#define SIG_U_LUT64_P3 \
  { ACT_SIGEXP_LUT64_P3_C3, ACT_SIGEXP_LUT64_P3_C2 }
static const float sig_pfast[] = VK_PICK(SIG_P_LUT8_P3, SIG_P_LUT32_P2);
static const float sig_udd[] = VK_PICK(SIG_U_LUT8_P5, SIG_U_LUT64_P3);
#define SIG_NPFAST ((int)(sizeof sig_pfast / sizeof sig_pfast[0]))
#define SIG_NUDD ((int)(sizeof sig_udd / sizeof sig_udd[0]))

/* the reduction constants of a table of L entries: RN(L/ln 2), RN(ln2/L) and
 * the rest */
#define SIG_K_(L, what) ACT_SIGEXP_L##L##_##what
#define SIG_K(L, what) SIG_K_(L, what)

/* The tables in registers. */
typedef struct {
  vk_table inv[SIG_L / VK_LUT];                      /* 2^(-j/L): bits - (36 << 23) + (j << LSH) */
  vk_table h[SIG_L / VK_LUT];                        /* 2^(j/L): bits + (40 << 23) - (j << LSH) */
  vk_table th[SIG_DL / VK_LUT], tl[SIG_DL / VK_LUT]; /* 2^(j/DL) hi and lo (dd kernels) */
} sig_tab;

/* bits(f) + add, as a float's bits */
static inline float sig_addbits(float f, uint32_t add) {
  uint32_t b;
  memcpy(&b, &f, 4);
  b += add;
  memcpy(&f, &b, 4);
  return f;
}

/* 2^(-j/L) = entries 32 j / L of the 2^(-j/32) table; 2^(j/L) = entries
 * 64 j / L of the 2^(j/64) tables (the hi and lo parts only for dd) */
VK_INLINE void sig_tab_load(sig_tab *t, int dd) {
  float inv[SIG_L], h[SIG_L], th[SIG_DL], tl[SIG_DL];
  for (uint32_t j = 0; j < (uint32_t)SIG_L; j++) {
    inv[j] = sig_addbits(act_sigexp_tinv32[j * (32 / SIG_L)],
                         (j << SIG_LSH) - ((uint32_t)SIG_INV_SCALE << 23));
    h[j] =
        sig_addbits(act_sigexp_t64_hi[j * (64 / SIG_L)], ((uint32_t)SIG_S << 23) - (j << SIG_LSH));
  }
  for (int j = 0; j < SIG_DL; j++) {
    th[j] = dd ? act_sigexp_t64_hi[j * (64 / SIG_DL)] : 0.0f;
    tl[j] = dd ? act_sigexp_t64_lo[j * (64 / SIG_DL)] : 0.0f;
  }
  vk_table_load_n(t->inv, inv, SIG_L);
  vk_table_load_n(t->h, h, SIG_L);
  vk_table_load_n(t->th, th, SIG_DL);
  vk_table_load_n(t->tl, tl, SIG_DL);
}

/* ---- the argument */

/* t = a x (or x when a == 1, fold == 0) and, for fold, its rounding error
 * tl = a x - t exactly, clamped to +-2^-10 (a NaN or infinite tl, from an
 * infinite a x, becomes a constant there; z is clamped then anyway). */
VK_INLINE vf sig_t(vf x, vf a, int fold, vf *tl) {
  if (!fold) {
    *tl = vk_set(0.0f);
    return x;
  }
  vf t = vk_mul(a, x);
  vf l = vk_fms(a, x, t);
  l = vk_min(l, vk_set(0x1p-10f)); /* NaN -> 2^-10 */
  *tl = vk_max(l, vk_set(-0x1p-10f));
  return t;
}

/* max(lo, z) then min(hi, .): NaN passes through */
VK_INLINE vf sig_clamp(vf z, float lo, float hi) {
  return vk_min(vk_set(hi), vk_max(vk_set(lo), z));
}

/* z = -|t| clamped at -110, with zl = -sign(t) tl (so that z + zl = -|t + tl|) */
VK_INLINE vf sig_negabs(vf t, vf tl, int fold, vf *zl) {
  const vf sign = vk_set(-0.0f);
  *zl = fold ? vk_xor(tl, vk_and(vk_xor(t, sign), sign)) : vk_set(0.0f);
  return vk_max(vk_set(SIG_ZMIN), vk_or(t, sign));
}

/* the lanes where t has its sign bit set: t < 0, -0, NaNs with the sign */
VK_INLINE vm sig_neg(vf t) {
  return vk_signmask(vk_bits(t));
}

/* n = RN(z L/ln2), bits(magic + n) and r = z - n ln2/L (+ zl for fold): rr2,
 * or rr1, with the one constant HI = RN(ln2/L) only, which leaves r too
 * small by n LO, |LO| = 1.02 2^-34 for L = 32: a relative error of exp up to
 * |z| 2^-28.4 (2^-22 at z = -87), one FMA less. */
VK_INLINE vf sig_reduce(vf z, vf zl, int fold, int rr1, float log2e, float hi, float lo, vi *nb) {
  const vf magic = vk_set(0x1.8p23f);
  vf n = vk_fma(z, vk_set(log2e), magic);
  *nb = vk_bits(n);
  n = vk_sub(n, magic);
  vf r = vk_fnma(n, vk_set(hi), z);
  if (!rr1) r = vk_fnma(n, vk_set(lo), r);
  if (fold) r = vk_add(r, zl);
  return r;
}
#define SIG_REDUCE(z, zl, fold, rr1, L, nb) \
  sig_reduce(z, zl, fold, rr1, SIG_K(L, LOG2E), SIG_K(L, LN2HI), SIG_K(L, LN2LO), nb)

/* ---- exp, form 1: P = 2^-36 exp(r) and si = 2^(-k-36) 2^(-j/L) for z in
 * [-110, 60] (zl: the correction tl, added to r when fold is set). */
VK_INLINE vf sig_exp_inv(vf z, vf zl, int fold, int rr1, const sig_tab *t, vf *si) {
  vi nb;
  vf r = SIG_REDUCE(z, zl, fold, rr1, SIG_L, &nb);
  vi h = vk_bits(vk_lut_n(t->inv, SIG_L, nb));
  *si = vk_float(vk_subi(h, vk_slli(nb, SIG_LSH)));
  return vk_horner(r, sig_pfast, SIG_NPFAST, 0x1p-36f);
}

/* ---- exp, form 2: e' = exp(z + zl) 2^40 for z in [-110, 0], e' = s p(r)
 * with s = 2^(k+40) 2^(j/L). */
VK_INLINE vf sig_exp_scaled(vf z, vf zl, int fold, const sig_tab *t) {
  vi nb;
  vf r = SIG_REDUCE(z, zl, fold, 0, SIG_L, &nb);
  vi h = vk_bits(vk_lut_n(t->h, SIG_L, nb));
  vf s = vk_float(vk_addi(h, vk_slli(nb, SIG_LSH)));
  return vk_mul(s, vk_horner(r, sig_pfast, SIG_NPFAST, 1.0f));
}

/* ---- exp, form 2 as a double-float (the accurate kernels): e' = eh + el for
 * z in [-110, 0], with the hi and lo table parts:
 *   q  = r + r^2 u(r)                    (|q| < 0.045 (L = 8), 2^-7 (L = 64):
 *                                        its rounding is below 2^-29 of e)
 *   c  = T_hi q + T_lo                   (one fma; T_lo q is below 2^-31)
 *   E  = T_hi + c,  El = c - (E - T_hi)  (Fast2Sum: exact)
 * and both parts times 2^(k + 40) (exact for E; El may lose bits below
 * 2^-149 where e' is tiny, a relative 2^-30 of e' at most). */
VK_INLINE void sig_exp_dd(vf z, vf zl, int fold, const sig_tab *t, vf *eh, vf *el) {
  vi nb;
  vf r = SIG_REDUCE(z, zl, fold, 0, SIG_DL, &nb);
  vf th = vk_lut_n(t->th, SIG_DL, nb);
  vf tl = vk_lut_n(t->tl, SIG_DL, nb);
  /* 2^(k + 40): k << 23 is (bits(n) << DSH) without j's bits */
  vi kb = vk_andi(vk_slli(nb, SIG_DSH), vk_seti((int32_t)0xff800000u));
  vf sc = vk_float(vk_addi(kb, vk_seti((127 + SIG_S) << 23)));
  vf u = vk_horner(r, sig_udd, SIG_NUDD, 1.0f);
  vf q = vk_fma(vk_mul(r, r), u, r);
  vf c = vk_fma(th, q, tl);
  vf E = vk_add(th, c);
  vf El = vk_sub(c, vk_sub(E, th));
  *eh = vk_mul(E, sc);
  *el = vk_mul(El, sc);
}

/* the accurate kernels' first steps: t = a x (+ tl), z = -|t| (+ zl),
 * e' = eh + el = exp(z + zl) 2^40, and d' = dh + dl = 2^40 + e' exactly
 * (Fast2Sum: e' <= 2^40) */
typedef struct {
  vf t, tl, z, zl, eh, el, dh, dl;
} sig_dd;
VK_INLINE sig_dd sig_dd_start(vf x, vf a, int fold, const sig_tab *tab) {
  sig_dd s;
  s.t = sig_t(x, a, fold, &s.tl);
  s.z = sig_negabs(s.t, s.tl, fold, &s.zl);
  sig_exp_dd(s.z, s.zl, fold, tab, &s.eh, &s.el);
  const vf two_s = vk_set(0x1p40f);
  s.dh = vk_add(two_s, s.eh);
  s.dl = vk_add(vk_add(vk_sub(two_s, s.dh), s.eh), s.el);
  return s;
}

/* (nh + nl) / (dh + dl) for a double-float numerator and denominator: the
 * reciprocal estimate (rcpps, 1.5 2^-12; rcp14, 2^-14) refined by one Newton
 * step (relative error ~2^-22.8, ~2^-28), then one Newton step on the
 * quotient with the exact residual nh - q0 dh plus the low parts (nr2fma). */
VK_INLINE vf sig_div_dd(vf nh, vf nl, vf dh, vf dl) {
  const vf one = vk_set(1.0f);
  vf rc = vk_rcp_est(dh);
  rc = vk_fma(vk_fnma(rc, dh, one), rc, rc);
  vf q0 = vk_mul(nh, rc);
  vf res = vk_fnma(q0, dh, nh); /* exact */
  res = vk_add(res, nl);
  res = vk_fnma(q0, dl, res);
  return vk_fma(res, rc, q0);
}

/* ---- kernels: the a == 1 loop (no multiplication by a) and the general one.
 * name: the kernel's symbol (ACT_KERNEL, impls/kernels.h).
 * CORE(v, a, fold, tab) of one vector; backward CORE(v, dy, a, fold, tab),
 * v the x or the y vector (LOADS: VK_X | VK_DY or VK_Y | VK_DY). */
#define SIG_DEF_FWD(name, U, CORE, DD)                                 \
  void name(const float *x, float *y, size_t n, const act_params *p) { \
    sig_tab tab;                                                       \
    sig_tab_load(&tab, DD);                                            \
    const vf a = vk_set(p->a);                                         \
    if (p->a == 1.0f)                                                  \
      VK_FWD_LOOP(U, CORE(v, a, 0, &tab));                             \
    else                                                               \
      VK_FWD_LOOP(U, CORE(v, a, 1, &tab));                             \
  }
#define SIG_DEF_BWD(name, U, LOADS, IN, CORE, DD)                                 \
  void name(const float *x, const float *y, const float *dy, float *dx, size_t n, \
            const act_params *p) {                                                \
    sig_tab tab;                                                                  \
    sig_tab_load(&tab, DD);                                                       \
    const vf a = vk_set(p->a);                                                    \
    if (p->a == 1.0f)                                                             \
      VK_BWD_LOOP(U, LOADS, CORE(IN, vdy, a, 0, &tab));                           \
    else                                                                          \
      VK_BWD_LOOP(U, LOADS, CORE(IN, vdy, a, 1, &tab));                           \
  }

#endif
