/* actbench: ELU, the vector kernels, written once for AVX2+FMA and AVX-512
 * (impls/elu/simd_elu.c, compiled once per ISA, includes this after the SIMD
 * layer impls/simd/vk.h; ACT_KERNEL names the copies apart).
 *
 *   y  = x > 0 ? x : a expm1(x)          y' = x > 0 ? 1 : a e^x  (y'(0) = a)
 *
 * Polynomials and tables: scripts/coeffs/elu_exp.sollya (impls/elu/coeffs_exp.h).
 *
 * rr1-p7 (forward): expm1 by range reduction with one constant,
 *   n = round(x / ln2),  r = x - n ln2  (one fma, ln2 rounded to float),
 *   expm1(x) = 2^n (1 + q) - 1,  q = expm1(r) = r + r (r G(r)),
 *   G of degree 5 (total degree 7, relative error 2^-30.4 on |r| <= ln2/2).
 * Near 0 (|x| <= ln2/2, n = 0) r = x exactly and the result is q: the
 * polynomial carries the relative accuracy, nothing cancels.  Below, n <= -1,
 * 1 - 2^n is exact (n >= -24) and the result lies in [-1, -0.29], where the
 * absolute error of the reduction (n times the rounding of ln2, weighted by
 * e^x = 2^n e^r: at most 2^-30) is a small fraction of an ulp, so one
 * constant is enough.  x is clamped to [-18, ...): expm1 rounds to -1 there
 * (e^-18 < 2^-25) and 2^n stays normal.
 * rr1-lut8-p4 (forward): the same with n = round(8 x / ln2) and
 *   2^(n/8) = 2^floor(n/8) T[n mod 8],
 * T an 8-entry table in a register (vpermps; floor(n/8) added to T's exponent
 * as an integer, XNNPACK's trick: the table holds T[j] minus j << 20), so
 * |r| <= ln2/16 and expm1(r) = r + r^2 M(r) with M of degree 2 (relative
 * error 2^-26.9).  T[j] is 2^(j/8) rounded to float: where 2^(n/8) is close
 * to 1 (n = -1, -2: x in [-0.13, -0.04]) that rounding is a sizeable part of
 * expm1 and costs up to ~2 ulp.  rr1-lut8d-p4 puts it back: a second table
 * D[j] = ln(2^(j/8) / T[j]) is added to the reduced argument (D[0] = 0, so
 * near 0 the result is still q(x)).
 *   Both are written for a short dependency chain: nr = -r (one fms), the
 * polynomial evaluated at nr with its coefficients' signs adjusted, and
 *   a expm1(x) = (-a 2^(n/8)) (-q) + (-a) (1 - 2^(n/8)),
 * whose terms are computed beside the polynomial (for a = 1, the loop
 * compiled with a constant turns both products into sign flips).
 * rr2-p7 (backward, from x): e^x with two constants (ln2 = hi + lo, hi of 15
 * bits so n hi is exact for |n| < 2^9): the result is e^x itself and needs
 * its relative accuracy for every n down to -150;
 *   e^r = 1 + (r + r^2 G(r))  (the same G; r + r^2 G rounded once, then 1 +),
 * and 2^n applied last (vscalefps on AVX-512; on AVX2 through the exponent
 * bits, in two steps where n < -126) so a subnormal e^x is rounded once.
 * x is clamped to [-104, ...): e^-104 < 2^-150 rounds to 0.
 * from-y (backward): y > 0 ? dy : dy (y + a), what frameworks do with the
 * stored output; y + a cancels as y -> -a (x << 0): up to 2^24 ulp there.
 *
 * Special values, on purpose: NaN passes through every path (the clamps put
 * the input second, where x86 max returns it when it is a NaN; the select of
 * the forward takes the a expm1 branch exactly where x's sign bit is set,
 * and it propagates a NaN).  y(-0) = -0 (the two terms above are -0),
 * y(+0) = +0, y(-inf) = -a, y(+inf) = +inf, y(-FLT_MAX) = -a; y'(-inf) = +0
 * (e^x flushed by the clamp), y'(+inf) = 1, y'(+-0) = a.  A subnormal
 * x < 0 gives y = a x (r = x, and the correction r^2 M is below its ulp). */
#ifndef ACTBENCH_ELU_VEC_H
#define ACTBENCH_ELU_VEC_H

#include <stdint.h>

#include "elu/coeffs_exp.h"
#include "simd/vk.h"

#define ELU_LOG2E 0x1.715476p+0f
#define ELU_LN2 0x1.62e43p-1f    /* ln 2 rounded to float (rr1) */
#define ELU_LN2HI 0x1.62e400p-1f /* ln 2 = hi + lo (rr2), hi with 15 bits */
#define ELU_LN2LO 0x1.7f7d1cp-20f
#define ELU_MAGIC 0x1.8p23f         /* 1.5 2^23: adding it rounds to an integer */
#define ELU_MAGIC127 0x1.8000fep23f /* the same plus 127: the biased exponent */

/* G(r) in Horner form */
VK_INLINE vf elu_poly_g(vf r) {
  vf p = vk_fma(vk_set(ELU_G5), r, vk_set(ELU_G4));
  p = vk_fma(p, r, vk_set(ELU_G3));
  p = vk_fma(p, r, vk_set(ELU_G2));
  p = vk_fma(p, r, vk_set(ELU_G1));
  return vk_fma(p, r, vk_set(ELU_G0));
}

/* a expm1(x) for x < 0 (other lanes: anything; NaN propagates), rr1-p7,
 * as (-a) (-expm1 x) = (-a) ((1 - 2^n) - 2^n q): x = -0 gives (-a) (+0) */
VK_INLINE vf elu_neg_rr1_p7(vf x, vf na) {
  vf z = vk_max(vk_set(-18.0f), x);
  vf nm = vk_fma(z, vk_set(ELU_LOG2E), vk_set(ELU_MAGIC127));
  vf s = vk_float(vk_slli(vk_bits(nm), 23)); /* 2^n */
  vf n = vk_sub(nm, vk_set(ELU_MAGIC127));
  vf r = vk_fnma(n, vk_set(ELU_LN2), z);
  vf t = vk_mul(r, elu_poly_g(r));
  vf q = vk_fma(r, t, r);                        /* expm1(r) */
  vf e = vk_fnma(s, q, vk_sub(vk_set(1.0f), s)); /* -expm1(x) */
  return vk_mul(e, na);
}

/* x's sign bit set (x < 0, -0, a NaN with the sign set) ? a expm1(x) : x;
 * na = -a */
VK_INLINE vf elu_fwd_rr1_p7(vf x, vf na) {
  return vk_sel(vk_signmask(vk_bits(x)), elu_neg_rr1_p7(x, na), x);
}

/* The tables of rr1-lut8(d)-p4 in registers: T[j] with j << 20 taken off its
 * bits (so that adding n << 20 puts floor(n/8) into the exponent), and D[j];
 * repeated to fill a 16-entry register on AVX-512. */
typedef struct {
  vk_table t, d;
} elu_lut;

static inline elu_lut elu_lut_load(void) {
  static const float t8[8] = ELU_T8, d8[8] = ELU_D8;
  float tb[VK_LUT], db[VK_LUT];
  for (int j = 0; j < VK_LUT; j++) {
    union {
      float f;
      uint32_t u;
    } c = {t8[j % 8]};
    c.u -= (uint32_t)(j % 8) << 20;
    tb[j] = c.f;
    db[j] = d8[j % 8];
  }
  elu_lut L = {vk_table_load(tb), vk_table_load(db)};
  return L;
}

/* a expm1(x) for x < 0, rr1-lut8-p4 (withD: rr1-lut8d-p4), as
 * (-a 2^(n/8)) (-q) + (-a) (1 - 2^(n/8)) with -q = nr' + nr' (nr' K(nr)),
 * nr = -r, nr' = nr - D[j], K(nr) = -M(r): both terms are -0 for x = -0 */
VK_INLINE vf elu_neg_rr1_lut8_p4(vf x, vf na, const elu_lut *L, int withD) {
  vf z = vk_max(vk_set(-18.0f), x);
  vf nm = vk_fma(z, vk_set(8.0f * ELU_LOG2E), vk_set(ELU_MAGIC));
  vi nb = vk_bits(nm); /* 0x4b400000 + n: the table index in the low bits */
  vf n = vk_sub(nm, vk_set(ELU_MAGIC));
  vf s = vk_float(vk_addi(vk_slli(nb, 20), vk_bits(vk_lut(L->t, nb)))); /* 2^(n/8) */
  vf nr = vk_fms(n, vk_set(ELU_LN2 / 8.0f), z);                         /* -r */
  vf nr1 = withD ? vk_sub(nr, vk_lut(L->d, nb)) : nr;                   /* -(r + D[j]) */
  vf k = vk_fma(vk_set(-ELU_M2), nr, vk_set(ELU_M1));
  k = vk_fma(k, nr, vk_set(-ELU_M0));         /* -M(r) */
  vf mq = vk_fma(nr1, vk_mul(nr1, k), nr1);   /* -expm1(r + D[j]) */
  vf c = vk_mul(vk_sub(vk_set(1.0f), s), na); /* -a (1 - 2^(n/8)) */
  return vk_fma(vk_mul(na, s), mq, c);
}

VK_INLINE vf elu_fwd_rr1_lut8_p4(vf x, vf na, const elu_lut *L, int withD) {
  return vk_sel(vk_signmask(vk_bits(x)), elu_neg_rr1_lut8_p4(x, na, L, withD), x);
}

/* dy f'(x), f' = x > 0 ? 1 : a e^x, rr2-p7 */
VK_INLINE vf elu_bwd_rr2_p7(vf x, vf dy, vf a) {
  vf z = vk_max(vk_set(-104.0f), x);
  vf nm = vk_fma(z, vk_set(ELU_LOG2E), vk_set(ELU_MAGIC));
  vf n = vk_sub(nm, vk_set(ELU_MAGIC));
  vf r = vk_fnma(n, vk_set(ELU_LN2HI), z);
  r = vk_fnma(n, vk_set(ELU_LN2LO), r);
  vf q = vk_fma(vk_mul(r, r), elu_poly_g(r), r);
  vf p = vk_add(q, vk_set(1.0f));
  vf e = vk_ldexp(p, n);
  vf g = vk_sel(vk_gt(x, vk_set(0.0f)), vk_set(1.0f), vk_mul(a, e));
  return vk_mul(dy, g);
}

/* dy f'(x) from y: y > 0 ? dy : dy (y + a) */
VK_INLINE vf elu_bwd_from_y(vf y, vf dy, vf a) {
  return vk_mul(dy, vk_sel(vk_gt(y, vk_set(0.0f)), vk_set(1.0f), vk_add(y, a)));
}

/* The kernels ACT_KERNEL(elu, alg, fwd) and (elu, alg, bwd); BWD_EXPR is
 * in vx, vy, vdy and va (= a), reading the arrays LOADS.  The forward loop is
 * compiled twice: for a = 1 (the frameworks' default: -a a constant, its
 * products sign flips) and for any a. */
#define ELU_KERNELS(alg, U, FWD_EXPR, SETUP, LOADS, BWD_EXPR)                                \
  void ACT_KERNEL(elu, alg, fwd)(const float *x, float *y, size_t n, const act_params *p) {  \
    SETUP;                                                                                   \
    if (p->a == 1.0f) {                                                                      \
      const vf na = vk_set(-1.0f);                                                           \
      VK_FWD_LOOP(U, FWD_EXPR);                                                              \
    } else {                                                                                 \
      const vf na = vk_set(-p->a);                                                           \
      VK_FWD_LOOP(U, FWD_EXPR);                                                              \
    }                                                                                        \
  }                                                                                          \
  void ACT_KERNEL(elu, alg, bwd)(const float *x, const float *y, const float *dy, float *dx, \
                                 size_t n, const act_params *p) {                            \
    const vf va = vk_set(p->a);                                                              \
    VK_BWD_LOOP(U, LOADS, BWD_EXPR);                                                         \
  }

#endif
