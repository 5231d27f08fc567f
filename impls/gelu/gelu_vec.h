/* actbench: GELU (erf form), the vector kernels, written once for AVX2+FMA
 * and AVX-512 (impls/gelu/simd_gelu.c, compiled once per ISA, includes this
 * after the SIMD layer impls/simd/vk.h; ACT_KERNEL names the copies
 * apart).
 *
 *   y = x Phi(x),   y' = Phi(x) + x phi(x)
 *
 * erfc-based, so that the negative tail does not cancel.  With a = |x| and
 *   Q(a) = Phi(-a) = e^(-a^2/2) F(a),       F = erfcx(a/sqrt 2)/2,
 *   D(a) = Phi(-a) - a phi(a) = e^(-a^2/2) h(a),  h = F - a/sqrt(2 pi),
 * the function and its derivative are, for x < 0 and x >= 0,
 *   y  = x Q(a)       or  x (1 - Q(a)),
 *   y' = D(a)         or  1 - D(a)             (y'(x) + y'(-x) = 1).
 * F and h are smooth and slowly varying (erfcx is entire; F ~ 1/(a sqrt(2
 * pi)) in the tail): piecewise polynomials in t = a - m_j on log-spaced
 * intervals read from the exponent and leading mantissa bits of a + 1, the
 * coefficients picked from register tables by vpermps (Tang-style table of
 * polynomials; scripts/coeffs/gelu_erfc.sollya, impls/gelu/coeffs_erfc.h):
 * 16 intervals of degree 6 on AVX-512 ("lut16-p6"), 8 of degree 8 on AVX2
 * ("lut8-p8").  h has a simple root at a0 = 0.7518 (the minimum of gelu,
 * where y' changes sign): on the intervals around it the table holds
 * h/(a - a0) and the kernel multiplies by a - a0 (a0 = a0h + a0l, a - a0h
 * exact on [a0h/2, 2 a0h] by Sterbenz), so y' keeps its relative accuracy
 * right up to its zero, and nowhere does the evaluation of h cancel (the
 * intervals so done cover [0, 1.5), or [0, 2) with 8 intervals; where a -
 * a0h rounds, dd adds its rounding error); elsewhere the table holds h
 * itself.
 * e^(-a^2/2): a^2 = q + ql exactly (fma), then the exponential of -q/2 - ql/2
 * with two constants (rr2: the rounding of a^2 alone would cost up to 2^-17
 * relative at a = 14), Estrin polynomial of degree 7 ("rr2-p7", e^r = 1 + r
 * + r^2 E(r)), and 2^n applied last: for
 * x < 0 to x Q(a) itself (vscalefps on AVX-512, two steps on AVX2 where
 * n < -126), so a subnormal result is rounded once; for x >= 0 the scale
 * only matters while Q 2^n is above 2^-126.
 * "dd" (the accurate kernels): e^r, F (its 48-bit constant term), Q, and
 * 1 - Q are carried as double-floats (Fast2Sum, fma products), and the
 * products by x are formed as fma(x, hi, x lo).  Without dd (the fast
 * kernels) each of them is one float (the table constant too), the
 * reduction is r = fma(a, -a/2, -k ln2hi) - k ln2lo (one rounding), and
 * the results are formed from the scaled product w = xc Q 2^n alone:
 * y = w for x < 0, x - w for x >= 0; y' = D 2^n or 1 - D 2^n.
 *
 * Special values, on purpose: a is clamped to 14.9 (the last interval ends
 * at 15); gelu(-14.9) and gelu'(-14.9) round to -0, gelu'(14.9) to 1.  The
 * dd forward selects the limits where |x| > 14.9 (y = x for x > 0, -0 for
 * x < 0); the fast forward clamps x itself to [-14.9, 14.9] in the product
 * xc Q (x - xc Q = x there); the backward needs no select.  So y(+inf) =
 * +inf, y(-inf) = -0, y'(+inf) = 1, y'(-inf) = -0, y(+-0) = +-0, y'(+-0) =
 * 1/2; NaN propagates (min/max keep a NaN second operand, every step is
 * arithmetic on it, and the limit select does not take it). */
#ifndef ACTBENCH_GELU_VEC_H
#define ACTBENCH_GELU_VEC_H

#include <stdint.h>

#include "gelu/coeffs_erfc.h"
#include "simd/vk.h"

#define GELU_LOG2E 0x1.715476p+0f
#define GELU_LN2HI 0x1.62e400p-1f /* ln 2 = hi + lo, hi with 15 bits */
#define GELU_LN2LO 0x1.7f7d1cp-20f
#define GELU_MAGIC 0x1.8p23f
#define GELU_AMAX 14.9f

#if VK_LUT == 16
#define GELU_DEG 6
#define GELU_SHIFT 21 /* 2 mantissa bits of a + 1 */
#define GELU_ROT 4    /* register entry p holds interval (p + 4) mod 16 */
#define GELU_T(name) GELU_##name##16_
#else
#define GELU_DEG 8
#define GELU_SHIFT 22 /* 1 mantissa bit of a + 1 */
#define GELU_ROT 2    /* register entry p holds interval (p + 2) mod 8 */
#define GELU_T(name) GELU_##name##8_
#endif
#define GELU_TAB_(p, s) p##s
#define GELU_TAB(p, s) GELU_TAB_(p, s)

/* a polynomial table: centre, 48-bit constant, coefficients of t^1..t^DEG;
 * for the derivative also A, R, RL (the factor (A a - R) + RL) */
typedef struct {
  vk_table m, c0h, c0l, c[GELU_DEG], al, r, rl;
} gelu_tab;

static inline vk_table gelu_tload(const float *src) {
  float t[VK_LUT];
  for (int p = 0; p < VK_LUT; p++) t[p] = src[(p + GELU_ROT) % VK_LUT];
  return vk_table_load(t);
}

#define GELU_LOAD_COMMON(T, P)                                                                    \
  do {                                                                                            \
    static const float m_[] = GELU_TAB(P, M), c0h_[] = GELU_TAB(P, C0H),                          \
                       c0l_[] = GELU_TAB(P, C0L), c1_[] = GELU_TAB(P, C1),                        \
                       c2_[] = GELU_TAB(P, C2), c3_[] = GELU_TAB(P, C3), c4_[] = GELU_TAB(P, C4), \
                       c5_[] = GELU_TAB(P, C5), c6_[] = GELU_TAB(P, C6);                          \
    (T).m = gelu_tload(m_), (T).c0h = gelu_tload(c0h_);                                           \
    (T).c0l = gelu_tload(c0l_), (T).c[0] = gelu_tload(c1_);                                       \
    (T).c[1] = gelu_tload(c2_), (T).c[2] = gelu_tload(c3_);                                       \
    (T).c[3] = gelu_tload(c4_), (T).c[4] = gelu_tload(c5_);                                       \
    (T).c[5] = gelu_tload(c6_);                                                                   \
  } while (0)

static inline gelu_tab gelu_ftab_load(void) {
  gelu_tab T;
  GELU_LOAD_COMMON(T, GELU_T(F));
#if GELU_DEG == 8
  static const float c7[] = GELU_F8_C7, c8[] = GELU_F8_C8;
  T.c[6] = gelu_tload(c7), T.c[7] = gelu_tload(c8);
#endif
  T.al = T.r = T.rl = T.m; /* unused */
  return T;
}

static inline gelu_tab gelu_gtab_load(void) {
  gelu_tab T;
  GELU_LOAD_COMMON(T, GELU_T(G));
  static const float al[] = GELU_TAB(GELU_T(G), A), r[] = GELU_TAB(GELU_T(G), R),
                     rl[] = GELU_TAB(GELU_T(G), RL);
#if GELU_DEG == 8
  static const float c7[] = GELU_G8_C7, c8[] = GELU_G8_C8;
  T.c[6] = gelu_tload(c7), T.c[7] = gelu_tload(c8);
#endif
  T.al = gelu_tload(al), T.r = gelu_tload(r), T.rl = gelu_tload(rl);
  return T;
}

/* e^(-a^2/2) = (e + el) 2^n for a in [0, 14.9]; el = 0 without dd */
VK_INLINE void gelu_gauss(vf a, int dd, vf *e, vf *el, vf *n) {
  vf r, rh, rc;
  vf k;
  if (dd) {
    vf q = vk_mul(a, a);
    vf ql = vk_fms(a, a, q); /* a^2 = q + ql */
    vf u = vk_mul(q, vk_set(-0.5f)), ul = vk_mul(ql, vk_set(-0.5f));
    vf nm = vk_fma(u, vk_set(GELU_LOG2E), vk_set(GELU_MAGIC));
    k = vk_sub(nm, vk_set(GELU_MAGIC));
    rh = vk_fnma(k, vk_set(GELU_LN2HI), u); /* exact */
    rc = vk_fnma(k, vk_set(GELU_LN2LO), ul);
    r = vk_add(rh, rc);
  } else {                            /* -a^2/2 - k ln2hi rounded once: fma(a, -a/2, -k ln2hi) */
    vf ha = vk_mul(a, vk_set(-0.5f)); /* exact */
    vf u = vk_mul(a, ha);
    vf nm = vk_fma(u, vk_set(GELU_LOG2E), vk_set(GELU_MAGIC));
    k = vk_sub(nm, vk_set(GELU_MAGIC));
    vf r1 = vk_fma(a, ha, vk_mul(k, vk_set(-GELU_LN2HI))); /* k ln2hi exact */
    r = vk_fnma(k, vk_set(GELU_LN2LO), r1);
    rh = rc = r; /* unused */
  }
  vf r2 = vk_mul(r, r);
  vf a0 = vk_fma(vk_set(GELU_E1), r, vk_set(GELU_E0));
  vf a1 = vk_fma(vk_set(GELU_E3), r, vk_set(GELU_E2));
  vf a2 = vk_fma(vk_set(GELU_E5), r, vk_set(GELU_E4));
  vf g = vk_fma(vk_mul(r2, r2), a2, vk_fma(r2, a1, a0));
  vf h = vk_mul(r2, g);
  vf q1 = vk_add(r, h); /* expm1(r) */
  *e = vk_add(vk_set(1.0f), q1);
  *n = k;
  if (dd) { /* the roundings of r, r + h and 1 + q1 (Fast2Sum each) */
    vf rl = vk_add(vk_sub(rh, r), rc);
    vf qe = vk_sub(h, vk_sub(q1, r));
    *el = vk_add(vk_add(vk_sub(vk_set(1.0f), *e), q1), vk_add(qe, vk_fma(rl, q1, rl)));
  } else {
    *el = vk_set(0.0f);
  }
}

/* the table index of a: exponent and leading mantissa bits of a + 1 */
VK_INLINE vi gelu_index(vf a) {
  return vk_srli(vk_bits(vk_add(a, vk_set(1.0f))), GELU_SHIFT);
}

/* P(a) = C0 + t C1 + ... + t^DEG CDEG, t = a - m_j, as ph + pl (pl = 0
 * without dd); the terms above the constant in Estrin form */
VK_INLINE void gelu_poly(vf a, vi k, const gelu_tab *T, int dd, vf *ph, vf *pl) {
  vf t = vk_sub(a, vk_lut(T->m, k)); /* exact (Sterbenz), or t = a */
  vf t2 = vk_mul(t, t);
  vf b0 = vk_fma(vk_lut(T->c[1], k), t, vk_lut(T->c[0], k));
  vf b1 = vk_fma(vk_lut(T->c[3], k), t, vk_lut(T->c[2], k));
  vf b2 = vk_fma(vk_lut(T->c[5], k), t, vk_lut(T->c[4], k));
  vf t4 = vk_mul(t2, t2);
#if GELU_DEG == 8
  vf b3 = vk_fma(vk_lut(T->c[7], k), t, vk_lut(T->c[6], k));
  b2 = vk_fma(t2, b3, b2);
#endif
  vf p = vk_fma(t4, b2, vk_fma(t2, b1, b0)); /* C1 + C2 t + ... */
  vf c0h = vk_lut(T->c0h, k);
  if (dd) {
    vf s = vk_fma(t, p, vk_lut(T->c0l, k));
    *ph = vk_add(c0h, s);
    *pl = vk_add(vk_sub(c0h, *ph), s); /* Fast2Sum: |s| < C0H */
  } else {                             /* the constant rounded to a float */
    *ph = vk_fma(t, p, c0h);
    *pl = vk_set(0.0f);
  }
}

VK_INLINE vf gelu_fwd(vf x, const gelu_tab *T, int dd) {
  if (!dd) { /* x clamped to [-14.9, 14.9] (NaN kept): y = xc Q or x - xc Q */
    vf xc = vk_max(vk_set(-GELU_AMAX), vk_min(vk_set(GELU_AMAX), x));
    vf a = vk_abs(xc);
    vf e, el, n, fh, fl;
    gelu_gauss(a, 0, &e, &el, &n);
    gelu_poly(a, gelu_index(a), T, 0, &fh, &fl);
    vf yn = vk_ldexp(vk_mul(xc, vk_mul(e, fh)), n); /* xc Q */
    return vk_sel(vk_signmask(vk_bits(x)), yn, vk_sub(x, yn));
  }
  vf ax = vk_abs(x);
  vf a = vk_min(vk_set(GELU_AMAX), ax);
  vf e, el, n, fh, fl;
  gelu_gauss(a, dd, &e, &el, &n);
  gelu_poly(a, gelu_index(a), T, dd, &fh, &fl);
  vf qh = vk_mul(e, fh); /* Q 2^-n = qh + ql */
  vf s = vk_pow2(vk_max(n, vk_set(-126.0f)));
  vf ql = vk_add(vk_fms(e, fh, qh), vk_fma(e, fl, vk_mul(el, fh)));
  vf yn = vk_ldexp(vk_fma(x, qh, vk_mul(x, ql)), n); /* x Q */
  vf qs = vk_mul(qh, s), qls = vk_mul(ql, s);
  vf ph = vk_sub(vk_set(1.0f), qs);
  vf pl = vk_sub(vk_sub(vk_sub(vk_set(1.0f), ph), qs), qls); /* 1 - Q = ph + pl */
  vf yp = vk_fma(x, ph, vk_mul(x, pl));
  vf y = vk_sel(vk_signmask(vk_bits(x)), yn, yp);
  return vk_sel(vk_gt(ax, vk_set(GELU_AMAX)), vk_max(vk_set(-0.0f), x), y);
}

/* a = min(|x|, 14.9) gives the limits: y'(14.9) rounds to 1, y'(-14.9) to
 * -0 (D < 0 there) */
VK_INLINE vf gelu_bwd(vf x, vf dy, const gelu_tab *T, int dd) {
  vf a = vk_min(vk_set(GELU_AMAX), vk_abs(x));
  vf e, el, n, gh, gl;
  gelu_gauss(a, dd, &e, &el, &n);
  vi k = gelu_index(a);
  gelu_poly(a, k, T, dd, &gh, &gl);
  vf al = vk_lut(T->al, k), r = vk_lut(T->r, k);
  vf dh = vk_fms(a, al, r); /* a - a0h or 1 */
  vf dl = vk_lut(T->rl, k); /* -a0l or 0 */
  vf fn, fp;
  if (dd) {
    vf bv = vk_fnma(a, al, dh), av = vk_sub(dh, bv); /* a - a0h - dh (TwoSum) */
    dl = vk_add(dl, vk_sub(vk_fms(a, al, av), vk_add(r, bv)));
    vf s = vk_pow2(vk_max(n, vk_set(-126.0f)));
    vf mh = vk_mul(e, gh); /* e^(-a^2/2) G 2^-n = mh + ml */
    vf ml = vk_add(vk_fms(e, gh, mh), vk_fma(e, gl, vk_mul(el, gh)));
    vf Dh = vk_mul(mh, dh); /* D 2^-n = Dh + Dl */
    vf Dl = vk_add(vk_fms(mh, dh, Dh), vk_fma(ml, dh, vk_mul(mh, dl)));
    fn = vk_ldexp(vk_add(Dh, Dl), n);
    vf ds = vk_mul(Dh, s), dls = vk_mul(Dl, s);
    vf ph = vk_sub(vk_set(1.0f), ds);
    fp = vk_add(ph, vk_sub(vk_sub(vk_sub(vk_set(1.0f), ph), ds), dls)); /* 1 - D */
  } else {
    fn = vk_ldexp(vk_mul(vk_mul(e, gh), vk_add(dh, dl)), n); /* D */
    fp = vk_sub(vk_set(1.0f), fn);
  }
  return vk_mul(dy, vk_sel(vk_signmask(vk_bits(x)), fn, fp));
}

/* The kernels ACT_KERNEL(gelu, alg, fwd) and (gelu, alg, bwd) */
#define GELU_KERNELS(alg, U, DD)                                                              \
  void ACT_KERNEL(gelu, alg, fwd)(const float *x, float *y, size_t n, const act_params *p) {  \
    (void)p;                                                                                  \
    const gelu_tab T = gelu_ftab_load();                                                      \
    VK_FWD_LOOP(U, gelu_fwd(v, &T, DD));                                                      \
  }                                                                                           \
  void ACT_KERNEL(gelu, alg, bwd)(const float *x, const float *y, const float *dy, float *dx, \
                                  size_t n, const act_params *p) {                            \
    (void)p;                                                                                  \
    const gelu_tab T = gelu_gtab_load();                                                      \
    VK_BWD_LOOP(U, VK_X | VK_DY, gelu_bwd(vx, vdy, &T, DD));                                  \
  }

#endif
