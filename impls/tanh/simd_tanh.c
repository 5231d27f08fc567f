/* actbench: tanh, the hand-written kernels on the SIMD layer (impls/simd/
 * vk.h), compiled for AVX2 and for AVX-512.  What differs per ISA is a
 * VK_PICK parameter below: the exp table (lut8: one vpermps on AVX2, lut16
 * on AVX-512), the exp and odd polynomials, the reciprocal (a true division
 * on AVX2, whose vrcpps has 12 bits; vrcp14ps on AVX-512), and how 2^j is
 * applied in the derivative (integer adds on AVX2, vscalefps on AVX-512).
 *
 * Forward, table-driven exp:
 * tanh.avx2.p13-lut8-p4-div, tanh.avx512.p13-lut16-p3-nr1fma (accurate):
 *   |x| < 0.7:  tanh x = x + x^3 P(x^2), P of degree 5 (odd degree 13 in x),
 *               fpminimax (scripts/coeffs/tanh_odd.sollya), relative error
 *               2^-28.5; x^3 P is at most 0.23 of the result, so its
 *               roundings reach the result scaled down, and the final FMA
 *               rounds once.  Tiny and subnormal x come out as x, -0 as -0.
 *   |x| >= 0.7: tanh|x| = 1 - 2e/(1+e), e = exp(-2|x|) <= 0.25, so the
 *               error of 2e/(1+e) reaches the result scaled by at most 0.4.
 *               exp (Tang's table method): k = round(-2|x| L/ln 2) by the
 *               magic number 1.5 * 2^23 (k lands in the low bits), one-constant
 *               reduction r = |x| + k ln2/(2L) (rr1: ln2/32 is within 2^-32 of
 *               a float, ln2/16 within 2^-33, so for lut16 the error
 *               k (ln2/32 - c) stays below 2^-22 relative at |k| = 439),
 *               exp(-2r) = 1 + r q(r) (lut16: degree 3,
 *               error 2^-29 on |r| <= ln2/64; lut8: degree 4, error 2^-32 on
 *               |r| <= ln2/32), and 2^(k/L) = 2^floor(k/L) 2^(i/L) from an
 *               L-entry table read with one permute whose exponent is
 *               adjusted with integer adds; the table's own rounding error (a
 *               second permute of relative corrections) is folded into the
 *               polynomial.  1/(1+e): the division of the rounded 1 + e (div,
 *               AVX2) or vrcp14ps (AVX-512), then one Newton step with FMA on
 *               the exact residual 1 - (1+e) R0 = (1 - R0) - e R0 (1 - R0 is
 *               exact for R0 in [3/4, 1]), so the rounding of 1 + e never
 *               enters.  Then x's sign.
 *   Both branches are computed and one is selected per lane.
 * tanh.avx2.p13-lut8-p3-div, tanh.avx512.p11-lut16-p3-nr1fma (faster): no
 *   table correction; AVX2 with exp(-2r) of degree 3 (error 2^-25), AVX-512
 *   with odd degree 11 below 0.5625 (where tanh reaches 1/2, so the exp
 *   branch's result keeps its ulp): fewer operations, a larger error.
 * Special values: |x| is clamped to 9.5 in the exp branch (tanh rounds to 1
 * from 9.0109 on), so +-inf and +-FLT_MAX give +-1; NaN propagates through
 * both branches (min(c, NaN) returns the NaN); no subnormal result except
 * tanh x = x for subnormal x.
 *
 * Forward, rational (tanh.<isa>.rational-9-8-div, AVX2 -nr2fma, AVX-512
 * -nr1fma and -div-x64):
 *   tanh x ~ x P(x^2) / Q(x^2), P and Q of degree 4 in x^2 (odd degree 9
 *   over even degree 8, as in Eigen's and XNNPACK's rational tanh kernels),
 *   a rational minimax of the relative error on |x| <= 9.02 computed by
 *   scripts/coeffs/tanh_rational.sollya (2^-24.5 with float coefficients).
 *   x is clamped to +-9.02 (tanh rounds to +-1 from 9.0109 on; NaN passes
 *   the clamp), P and Q by Horner with FMA, then the quotient by a true
 *   division (div) or by the reciprocal estimate and a Newton step with FMA
 *   on the quotient, y0 = p R0, y = y0 + (p - Q y0) R0 (nr1fma, after one
 *   step on vrcpps' 12-bit reciprocal first on AVX2: nr2fma), and y is
 *   clamped to [-1, 1].  No table, no exp: the fewest operations of our tanh
 *   kernels, at the price of accuracy: the roundings of x^2, P and Q each
 *   reach the result unscaled (for large |x| every Horner step dominates the
 *   sum), a few ulp in all (exhaustive maximum 5.4 ulp, at x = -7.13).
 *   -x64 (AVX-512 only): 4 vectors per loop step (no faster on the AMD Zen 4
 *   this was written on: out-of-order execution already overlaps the
 *   iterations).  Special values: +-inf and +-FLT_MAX give +-1, NaN gives
 *   NaN, subnormal x gives x.
 *
 * Backward, from x (tanh_sech2):
 *   tanh' x = sech^2 x = 4e/(1+e)^2, e = exp(-2|x|),
 * with no cancellation anywhere: e's relative error reaches the result
 * scaled by (1-e)/(1+e) <= 1.  The table exp with two-constant reduction
 * (rr2: the reduced argument stays accurate up to |k| = 2955), the table
 * correction, |x| clamped to 64 (4e^-128 is below half the smallest
 * subnormal); 1/(1+e) by a division (AVX2) or vrcp14ps (AVX-512) of the
 * rounded 1 + e and the residual h = 1 - (1+e) R0 formed from 1 + e as an
 * exact sum (Fast2Sum), then e/(1+e)^2 = e R0^2 (1 + 2h) with e R0^2 as a
 * double-float (Dekker's products with FMA) and one final rounding.  2^j,
 * j = floor(k/L): vscalefps on AVX-512; on AVX2 2^j for e (j clamped to
 * -126, where e no longer matters in 1 + e) and 2^(j+64) for the result,
 * formed as (g 2^-62) 2^(j+64): either way the subnormal values (|x| in
 * [43.7, 52]) are rounded once.  dx = dy * sech^2 x; NaN propagates.
 * Backward, from y (the -from-y entries): 1 - y^2 from the forward output,
 * as frameworks do: it cancels as |y| -> 1 (2^24-class errors; exactly 0
 * once y rounds to +-1, from |x| = 9.01 on, while the true derivative stays
 * above 2^-126 up to |x| = 43.7).
 *
 * Every operation keeps the operand order of the per-ISA kernels it
 * replaces (a NaN's payload depends on it).  Loops and tails: simd/vk_loop.h;
 * in place (y == x, dx == dy or dx == x) works. */
#include <stdint.h>
#include <string.h>

#include "kernels.h"
#include "simd/vk.h"
#include "tanh/coeffs_tanh_exp.h"
#include "tanh/coeffs_tanh_odd.h"
#include "tanh/coeffs_tanh_rational.h"

/* ---- the parameters per ISA */

/* the exp table: L entries, the index shift 23 - log2 L, the reduction */
#define TANH_L VK_PICK(8, 16)
#define TANH_LSH VK_PICK(20, 19)
#define TANH_M2N_LN2 VK_PICK(TANH_M2N_LN2_8, TANH_M2N_LN2_16)
#define TANH_LN2_2N VK_PICK(TANH_LN2_2N_8, TANH_LN2_2N_16)
#define TANH_LN2_2N_HI VK_PICK(TANH_LN2_2N_8_HI, TANH_LN2_2N_16_HI)
#define TANH_LN2_2N_LO VK_PICK(TANH_LN2_2N_8_LO, TANH_LN2_2N_16_LO)
static const float tanh_lut[TANH_L] = VK_PICK(TANH_LUT8, TANH_LUT16);
static const float tanh_lut_rel[TANH_L] = VK_PICK(TANH_LUT8_REL, TANH_LUT16_REL);

/* q(r) of exp(-2r) ~ 1 + r q(r), highest degree first: the accurate kernel's
 * (AVX2 degree 4, AVX-512 degree 3; also the derivative's) and the fast
 * one's (degree 3) */
#define TANH_Q_LUT8P4 \
  { TANH_EXPM2_LUT8P4_Q3, TANH_EXPM2_LUT8P4_Q2, TANH_EXPM2_LUT8P4_Q1, TANH_EXPM2_LUT8P4_Q0 }
#define TANH_Q_LUT8 \
  { TANH_EXPM2_LUT8_Q2, TANH_EXPM2_LUT8_Q1, TANH_EXPM2_LUT8_Q0 }
#define TANH_Q_LUT16 \
  { TANH_EXPM2_LUT16_Q2, TANH_EXPM2_LUT16_Q1, TANH_EXPM2_LUT16_Q0 }
static const float tanh_q_acc[] = VK_PICK(TANH_Q_LUT8P4, TANH_Q_LUT16);
static const float tanh_q_fast[] = VK_PICK(TANH_Q_LUT8, TANH_Q_LUT16);
#define TANH_NQ_ACC ((int)(sizeof tanh_q_acc / sizeof tanh_q_acc[0]))
#define TANH_NQ_FAST ((int)(sizeof tanh_q_fast / sizeof tanh_q_fast[0]))

/* the odd polynomials P(x^2) of x + x^3 P(x^2), highest degree first, and
 * their bounds: degree 13 for the accurate kernels; the fast one's odd
 * degree: 13 on AVX2, 11 on AVX-512 */
#define TANH_P_ODD13 \
  { TANH_ODD13_C5, TANH_ODD13_C4, TANH_ODD13_C3, TANH_ODD13_C2, TANH_ODD13_C1, TANH_ODD13_C0 }
#define TANH_P_ODD11 \
  { TANH_ODD11_C4, TANH_ODD11_C3, TANH_ODD11_C2, TANH_ODD11_C1, TANH_ODD11_C0 }
static const float tanh_odd_acc[] = TANH_P_ODD13;
static const float tanh_odd_fast[] = VK_PICK(TANH_P_ODD13, TANH_P_ODD11);
#define TANH_NODD_ACC ((int)(sizeof tanh_odd_acc / sizeof tanh_odd_acc[0]))
#define TANH_NODD_FAST ((int)(sizeof tanh_odd_fast / sizeof tanh_odd_fast[0]))
#define TANH_ODD_FAST_BOUND VK_PICK(TANH_ODD13_BOUND, TANH_ODD11_BOUND)

/* 1/(1+e): a true division (1) or the reciprocal estimate (0), both then
 * refined (forward) or used with the exact residual (backward) */
#define TANH_DIV VK_PICK(1, 0)
/* 2^j in the derivative by vscalefps (1) or integer adds (0) */
#define TANH_SCALEF VK_PICK(0, 1)
/* the rational kernel's Newton steps on the reciprocal estimate before the
 * one on the quotient (vrcpps: 12 bits; vrcp14ps: 14) */
#define TANH_R98_NR_RCP VK_PICK(1, 0)

static const float tanh_p98[] = {TANH_R98_P4, TANH_R98_P3, TANH_R98_P2, TANH_R98_P1, TANH_R98_P0};
static const float tanh_q98[] = {TANH_R98_Q4, TANH_R98_Q3, TANH_R98_Q2, TANH_R98_Q1, TANH_R98_Q0};

/* ---- the tables in registers (prepared once per call):
 * neg = the bits of -2^(i/L) minus i << LSH, so that adding the bits of the
 *       magic-number k (shifted left by LSH) gives -2^(k/L) exactly (the
 *       low log2 L bits of k cancel the i << LSH, the rest is floor(k/L) in
 *       the exponent field);
 * pos = 2^(i/L) (for the derivative);
 * rel = the relative rounding error of each entry. */
typedef struct {
  vk_table neg, pos, rel;
} tanh_tab;

VK_INLINE tanh_tab tanh_tab_load(void) {
  float neg[TANH_L];
  for (uint32_t i = 0; i < (uint32_t)TANH_L; i++) {
    uint32_t b;
    memcpy(&b, &tanh_lut[i], 4);
    b = (b | 0x80000000u) - (i << TANH_LSH);
    memcpy(&neg[i], &b, 4);
  }
  tanh_tab c;
  c.neg = vk_table_load(neg);
  c.pos = vk_table_load(tanh_lut);
  c.rel = vk_table_load(tanh_lut_rel);
  return c;
}

/* tanh for |x| >= about 1/2 (z = |x|), as 1 - 2e/(1+e), e = exp(-2|x|) (the
 * caller selects the small-|x| branch where it applies); corr: correct the
 * table's rounding error; q: the exp polynomial.  Returns the value with
 * x's sign. */
VK_INLINE vf tanh_big(vf x, vf z, const tanh_tab *c, int corr, const float *qc, int nq) {
  const vf one = vk_set(1.0f);
  const vf magic = vk_set(0x1.8p23f);
  /* z clamped to 9.5, where 2e < 2^-26 and tanh rounds to 1; NaN stays NaN
   * (min returns its second operand when one is NaN) */
  vf zc = vk_min(vk_set(9.5f), z);
  vf kb = vk_fma(zc, vk_set(TANH_M2N_LN2), magic);
  vf kf = vk_sub(kb, magic);
  vf r = vk_fma(kf, vk_set(TANH_LN2_2N), zc);
  vi kbi = vk_bits(kb);
  /* s = -2^(k/L) */
  vf s = vk_float(vk_addi(vk_bits(vk_lut(c->neg, kbi)), vk_slli(kbi, TANH_LSH)));
  vf q = vk_horner(r, qc, nq, 1.0f);
  vf en; /* -e = s (1 + r q + rel) */
  if (corr)
    en = vk_fma(s, vk_fma(r, q, vk_lut(c->rel, kbi)), s);
  else
    en = vk_fma(vk_mul(s, r), q, s);
  /* R = 1/(1+e), one Newton step on the exact residual
   * h = 1 - (1+e) R0 = (1 - R0) - e R0 */
  vf d = vk_sub(one, en);
  vf R = TANH_DIV ? vk_div(one, d) : vk_rcp_est(d);
  R = vk_fma(R, vk_fma(en, R, vk_sub(one, R)), R);
  vf y = vk_fma(en, vk_add(R, R), one); /* 1 - 2e/(1+e) */
  /* x's sign: AVX2 or-s it into y, AVX-512 takes y's magnitude (they differ
   * only for a NaN y with the sign bit set) */
  if (VK_ISA_AVX512) y = vk_abs(y);
  return vk_or(y, vk_signbit(x));
}

/* x + x^3 P(x^2) below bound, the exp branch beyond */
VK_INLINE vf tanh_fwd_lut(vf x, const tanh_tab *c, int corr, const float *qc, int nq,
                          const float *pc, int np, float bound) {
  vf z = vk_abs(x);
  vf yb = tanh_big(x, z, c, corr, qc, nq);
  vf s = vk_mul(x, x);
  vf x3 = vk_mul(s, x);
  vf P = vk_horner(s, pc, np, 1.0f);
  vf ys = vk_fma(x3, P, x);
  return vk_sel(vk_lt(z, vk_set(bound)), ys, yb);
}
#define tanh_lut_acc(x, c) \
  tanh_fwd_lut(x, c, 1, tanh_q_acc, TANH_NQ_ACC, tanh_odd_acc, TANH_NODD_ACC, TANH_ODD13_BOUND)
#define tanh_lut_fast(x, c)                                                       \
  tanh_fwd_lut(x, c, 0, tanh_q_fast, TANH_NQ_FAST, tanh_odd_fast, TANH_NODD_FAST, \
               TANH_ODD_FAST_BOUND)

/* sech^2 x = 1 - tanh^2 x = 4e/(1+e)^2, e = exp(-2|x|) (see the top) */
VK_INLINE vf tanh_sech2(vf x, const tanh_tab *c) {
  const vf one = vk_set(1.0f);
  const vf magic = vk_set(0x1.8p23f);
  vf z = vk_min(vk_set(64.0f), vk_abs(x));
  vf kb = vk_fma(z, vk_set(TANH_M2N_LN2), magic);
  vf kf = vk_sub(kb, magic);
  vf r = vk_fma(kf, vk_set(TANH_LN2_2N_HI), z);
  r = vk_fma(kf, vk_set(TANH_LN2_2N_LO), r);
  vi kbi = vk_bits(kb);
  vf t = vk_lut(c->pos, kbi);
  vf q = vk_horner(r, tanh_q_acc, TANH_NQ_ACC, 1.0f);
  vf w = vk_fma(r, q, vk_lut(c->rel, kbi)); /* e = 2^j t (1 + w) */
  /* e = eh + el, eh = 2^j t exact */
  vf eh, el, j = vk_set(0.0f), sj64 = vk_set(0.0f);
  if (TANH_SCALEF) {
    /* j = floor(k/L): k/L is exact */
    j = vk_floor(vk_mul(kf, vk_set(1.0f / TANH_L)));
    eh = vk_ldexp(t, j);
    el = vk_ldexp(vk_mul(t, w), j);
  } else {
    /* j << 23 from the low bits of k: (k << LSH) with i's bits cleared */
    vi j23 = vk_andi(vk_slli(kbi, TANH_LSH), vk_seti((int32_t)0xff800000u));
    vf sj = vk_float(vk_addi(vk_maxi(j23, vk_seti(-126 * (1 << 23))), vk_seti(127 << 23)));
    sj64 = vk_float(vk_addi(j23, vk_seti((127 + 64) << 23)));
    eh = vk_mul(t, sj);
    el = vk_mul(vk_mul(t, w), sj);
  }
  /* 1 + e = dh + dl exactly (Fast2Sum) up to the rounding of el, and the
   * residual h = 1 - (1+e) R0 of the reciprocal, accurate relative to
   * itself, from dh and dl */
  vf dh = vk_add(one, eh);
  vf dl = vk_add(vk_sub(eh, vk_sub(dh, one)), el);
  vf d = vk_add(dh, dl);
  vf R0 = TANH_DIV ? vk_div(one, d) : vk_rcp_est(d);
  vf h = vk_fnma(dl, R0, vk_fnma(dh, R0, one));
  /* e/(1+e)^2 = 2^j t R0^2 (1 + w)(1 + h)^2 = 2^j t R0^2 (1 + w + 2h(1 + w))
   * + O(2^-27) (|h| < 2^-14, |w| < 2^-5); t R0^2 as a double-float b + bl
   * (Dekker's products with FMA), then one rounding of
   * b + (bl + b (w + 2h(1 + w))) */
  vf a = vk_mul(t, R0);
  vf al = vk_fms(t, R0, a);
  vf b = vk_mul(a, R0);
  vf bl = vk_fma(al, R0, vk_fms(a, R0, b));
  vf u = vk_fma(vk_fma(h, w, h), vk_set(2.0f), w);
  vf g = vk_add(b, vk_fma(b, u, bl));
  if (TANH_SCALEF) return vk_ldexp(g, vk_add(j, vk_set(2.0f))); /* 4 e/(1+e)^2 */
  return vk_mul(vk_mul(g, vk_set(0x1p-62f)), sj64);
}

/* the rational 9/8: x P(x^2) / Q(x^2) for |x| up to TANH_R98_BOUND (x
 * clamped there; NaN passes), the quotient by a true division (div) or by
 * the reciprocal estimate and Newton steps, then clamped to [-1, 1] */
VK_INLINE vf tanh_r98(vf x, int div) {
  const vf b = vk_set(TANH_R98_BOUND);
  const vf one = vk_set(1.0f);
  vf xc = vk_max(vk_set(-TANH_R98_BOUND), vk_min(b, x));
  vf s = vk_mul(xc, xc);
  vf P = vk_horner(s, tanh_p98, 5, 1.0f);
  vf Q = vk_horner(s, tanh_q98, 5, 1.0f);
  vf p = vk_mul(xc, P);
  vf y;
  if (div) {
    y = vk_div(p, Q);
  } else {
    vf R0 = vk_rcp_est(Q);
    for (int k = 0; k < TANH_R98_NR_RCP; k++) R0 = vk_fma(R0, vk_fnma(Q, R0, one), R0);
    vf y0 = vk_mul(p, R0);
    y = vk_fma(vk_fnma(Q, y0, p), R0, y0);
  }
  return vk_max(vk_set(-1.0f), vk_min(one, y));
}

/* ---- the kernels */

void ACT_KERNEL(tanh, VK_PICK(p13_lut8_p4_div, p13_lut16_p3_nr1fma),
                fwd)(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  const tanh_tab c = tanh_tab_load();
  VK_FWD_LOOP(1, tanh_lut_acc(v, &c));
}

void ACT_KERNEL(tanh, VK_PICK(p13_lut8_p3_div, p11_lut16_p3_nr1fma),
                fwd)(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  const tanh_tab c = tanh_tab_load();
  VK_FWD_LOOP(1, tanh_lut_fast(v, &c));
}

/* dx = dy sech^2 x: the backward of every tanh kernel here but the from-y
 * ones (registered with the first of them) */
void ACT_KERNEL(tanh, VK_PICK(p13_lut8_p4_div, p13_lut16_p3_nr1fma),
                bwd)(const float *x, const float *y, const float *dy, float *dx, size_t n,
                     const act_params *p) {
  (void)p;
  (void)y;
  const tanh_tab c = tanh_tab_load();
  VK_BWD_LOOP(1, VK_X | VK_DY, vk_mul(vdy, tanh_sech2(vx, &c)));
}

/* dx = dy (1 - y^2), the framework's derivative from the output */
void ACT_KERNEL(tanh, rational_9_8_div_from_y, bwd)(const float *x, const float *y, const float *dy,
                                                    float *dx, size_t n, const act_params *p) {
  (void)x;
  (void)p;
  const vf one = vk_set(1.0f);
  VK_BWD_LOOP(1, VK_Y | VK_DY, vk_mul(vdy, vk_fnma(vy, vy, one)));
}

/* y = tanh(x) by the rational, U vectors per loop step */
#define TANH_R98_FWD(alg, DIV, U)                                                            \
  void ACT_KERNEL(tanh, alg, fwd)(const float *x, float *y, size_t n, const act_params *p) { \
    (void)p;                                                                                 \
    VK_FWD_LOOP(U, tanh_r98(v, DIV));                                                        \
  }
TANH_R98_FWD(rational_9_8_div, 1, 1)
TANH_R98_FWD(VK_PICK(rational_9_8_nr2fma, rational_9_8_nr1fma), 0, 1)
#if VK_ISA_AVX512
TANH_R98_FWD(rational_9_8_div_x64, 1, 4)
#endif
