/* actbench: the correctly rounded kernels' slow path (impls/cr/): scalar
 * double-double arithmetic, e^t and e^t - 1 in double-double, each
 * activation's exact-enough value, and the roundings to binary32, bfloat16
 * and binary16.  Included by impls/cr/simd_cr.c (compiled per ISA, with
 * FMA: __builtin_fma is one instruction there).
 *
 * The fast path (simd_cr.c) sends here only the rare inputs whose result its
 * rounding test cannot decide (and NaN, zero and a few range ends); nothing
 * here is vectorized or needs to be fast.
 *
 * Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi)/2.  The
 * error-free transformations are Knuth's TwoSum, Dekker's Fast2Sum and the
 * FMA product (TwoProd); the sum and the product are the "accurate" variants
 * analysed by Joldes, Muller and Popescu ("Tight and rigorous error bounds
 * for basic building blocks of double-word arithmetic", ACM TOMS 44(2), 2017):
 * relative error below 3u^2 (sum of two double-words of the same sign; the
 * sums below never cancel except where stated) and 5u^2 (product), u = 2^-53;
 * the quotient is the classic long division in three partial quotients
 * (error well below 2^-100 relative).
 *
 * e^t (cr_dd_exp), Tang's table-driven method (P. T. P. Tang, ACM TOMS 15(2),
 * 1989) in double-double: k = RN(64 t / ln2), t = k ln2/64 + r with ln2/64 =
 * L1 + L2 + L3 (L1 has 37 bits, so k L1 is exact for |k| < 2^16 and
 * t - k L1 is exact), |r| <= ln2/128 + 2^-60; e^t = 2^(k div 64) 2^((k mod
 * 64)/64) e^r, 2^(j/64) a double-double table, e^r the Taylor series to r^10
 * in double-double Horner steps (truncation |r|^11/11! e^|r| < 2^-108).
 * The steps add some 12 (5u^2 + 3u^2) < 2^-99 relative; r's error (the
 * third constant's product rounded, L's truncation after L3) < 2^-110; the
 * table's < u^2: e^t within 2^-98 relative.  e^t - 1 (cr_dd_expm1): for
 * k = 0 the series without its constant term (no reduction, so no
 * cancellation); otherwise e^t - 1 as a double-double sum, where
 * |e^t - 1| >= 1 - e^(-ln2/128) > 2^-7.6, so the error relative to e^t - 1
 * stays below 2^-90.
 *
 * Each activation's value below (cr_eval) is then within 2^-88 relative of
 * the exact one (a few double-double operations after e^t; no subtraction
 * cancels).  No exact f or f' at a binary32 input lies that close to a
 * rounding boundary of binary32, bfloat16 or binary16: the nearest are
 * sigmoid's 1/2 + x/4 - x^3/48 + ... near 0 (x = -2^-24: 2^-76.6 relative
 * from the midpoint 1/2 - 2^-26), and for |x| > 2^-12 none is nearer than
 * 2^-31 ulp of binary32 (2^-26.5 ulp of binary16, 2^-20.5 of bfloat16);
 * tests/data/cr_hard.txt lists the nearest, found by tests/test_cr.c
 * --find-hard.  So rounding this value gives the correctly rounded result;
 * the exhaustive sweeps check every input against MPFR as well.
 *
 * Rounding: a double-double is rounded to a double by round-to-odd (Boldo and
 * Melquiond, "Emulation of FMA and correctly rounded sums: proved algorithms
 * using rounding to odd", IEEE TC 57(4), 2008: RN_p(RO_q(y)) = RN_p(y) when
 * q >= p + 2), then to binary32 by the hardware's RN; for bfloat16 and
 * binary16 by round-to-odd to binary32 first, then RN to the format. */
#ifndef ACTBENCH_CR_DD_H
#define ACTBENCH_CR_DD_H

#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#include "coeffs_cr_exp.h"
#include "coeffs_cr_gelu.h"

typedef struct {
  double h, l;
} cr_dd;

static inline uint64_t cr_dbits(double d) {
  uint64_t u;
  memcpy(&u, &d, 8);
  return u;
}
static inline double cr_bitsd(uint64_t u) {
  double d;
  memcpy(&d, &u, 8);
  return d;
}
static inline uint32_t cr_fbits(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return u;
}
static inline float cr_bitsf(uint32_t u) {
  float f;
  memcpy(&f, &u, 4);
  return f;
}

static inline cr_dd cr_two_sum(double a, double b) {
  double s = a + b, bb = s - a;
  return (cr_dd){s, (a - (s - bb)) + (b - bb)};
}
/* |a| >= |b| (or a == 0) */
static inline cr_dd cr_fast_two_sum(double a, double b) {
  double s = a + b;
  return (cr_dd){s, b - (s - a)};
}
static inline cr_dd cr_two_prod(double a, double b) {
  double p = a * b;
  return (cr_dd){p, __builtin_fma(a, b, -p)};
}
static inline cr_dd cr_dd_add(cr_dd x, cr_dd y) {
  cr_dd s = cr_two_sum(x.h, y.h), t = cr_two_sum(x.l, y.l);
  s.l += t.h;
  s = cr_fast_two_sum(s.h, s.l);
  s.l += t.l;
  return cr_fast_two_sum(s.h, s.l);
}
static inline cr_dd cr_dd_neg(cr_dd x) {
  return (cr_dd){-x.h, -x.l};
}
static inline cr_dd cr_dd_mul(cr_dd x, cr_dd y) {
  cr_dd p = cr_two_prod(x.h, y.h);
  p.l = __builtin_fma(x.h, y.l, __builtin_fma(x.l, y.h, p.l));
  return cr_fast_two_sum(p.h, p.l);
}
static inline cr_dd cr_dd_mul_d(cr_dd x, double y) {
  cr_dd p = cr_two_prod(x.h, y);
  p.l = __builtin_fma(x.l, y, p.l);
  return cr_fast_two_sum(p.h, p.l);
}
static inline cr_dd cr_dd_d(double a) {
  return (cr_dd){a, 0.0};
}
/* x / y, y != 0 */
static inline cr_dd cr_dd_div(cr_dd x, cr_dd y) {
  double q1 = x.h / y.h;
  cr_dd r = cr_dd_add(x, cr_dd_neg(cr_dd_mul_d(y, q1)));
  double q2 = r.h / y.h;
  r = cr_dd_add(r, cr_dd_neg(cr_dd_mul_d(y, q2)));
  double q3 = r.h / y.h;
  return cr_dd_add(cr_fast_two_sum(q1, q2), cr_dd_d(q3));
}

/* 2^m for -1022 <= m <= 1023 */
static inline double cr_pow2(int m) {
  return cr_bitsd((uint64_t)(m + 1023) << 52);
}

/* e^t for -700 <= t <= 1, within 2^-98 relative (above) */
static inline cr_dd cr_dd_exp_k(double t, double *kout) {
  double z = __builtin_fma(t, CR_DD_INVL, 0x1.8p52);
  double kd = z - 0x1.8p52;
  int64_t k = (int64_t)kd;
  *kout = kd;
  int j = (int)(k & 63);
  int m = (int)((k - j) / 64);
  double rh = __builtin_fma(-kd, CR_DD_L1, t); /* exact */
  cr_dd r = cr_dd_add(cr_dd_d(rh), cr_dd_neg(cr_two_prod(kd, CR_DD_L2)));
  r = cr_fast_two_sum(r.h, r.l - kd * CR_DD_L3);
  cr_dd p = {cr_dd_fact[10][0], cr_dd_fact[10][1]};
  for (int i = 9; i >= 0; i--)
    p = cr_dd_add(cr_dd_mul(p, r), (cr_dd){cr_dd_fact[i][0], cr_dd_fact[i][1]});
  p = cr_dd_mul(p, (cr_dd){cr_dd_t64[j][0], cr_dd_t64[j][1]});
  /* 2^m in two steps, so that e^t down to 2^-1000 stays exact */
  int m1 = m / 2, m2 = m - m1;
  double s1 = cr_pow2(m1), s2 = cr_pow2(m2);
  return (cr_dd){p.h * s1 * s2, p.l * s1 * s2};
}
static inline cr_dd cr_dd_exp(double t) {
  double k;
  return cr_dd_exp_k(t, &k);
}
/* e^t - 1 for -700 <= t <= 1, within 2^-90 relative (above) */
static inline cr_dd cr_dd_expm1(double t) {
  if (__builtin_fabs(t) < 0x1.5p-8) { /* k = 0: the series without its constant */
    cr_dd r = cr_dd_d(t);
    cr_dd p = {cr_dd_fact[11][0], cr_dd_fact[11][1]};
    for (int i = 10; i >= 1; i--)
      p = cr_dd_add(cr_dd_mul(p, r), (cr_dd){cr_dd_fact[i][0], cr_dd_fact[i][1]});
    return cr_dd_mul(p, r);
  }
  return cr_dd_add(cr_dd_exp(t), cr_dd_d(-1.0));
}

/* ---- roundings */
/* round-to-odd of hi + lo to a double */
static inline double cr_dd_ro(cr_dd v) {
  if (v.l == 0) return v.h;
  uint64_t u = cr_dbits(v.h);
  if ((v.l < 0) != (v.h < 0)) u -= 1; /* |v| < |hi|: the truncation is one below */
  return cr_bitsd(u | 1);
}
/* round-to-odd of a double to binary32 (finite, |d| < 2^128) */
static inline float cr_ro_float(double d) {
  float f = (float)d;
  double b = (double)f;
  if (b == d) return f;
  uint32_t u = cr_fbits(f);
  if (__builtin_fabs(b) > __builtin_fabs(d)) u -= 1;
  return cr_bitsf(u | 1);
}
/* RN to bfloat16 of a binary32 value (NaN kept, quieted) */
static inline float cr_rn_bf16(float f) {
  uint32_t u = cr_fbits(f);
  if ((u & 0x7fffffffu) > 0x7f800000u) return cr_bitsf((u | 0x00400000u) & 0xffff0000u);
  u += 0x7fffu + ((u >> 16) & 1u);
  return cr_bitsf(u & 0xffff0000u);
}
/* RN to binary16 of a binary32 value (F16C) */
static inline float cr_rn_f16(float f) {
  return _cvtsh_ss(_cvtss_sh(f, _MM_FROUND_TO_NEAREST_INT));
}
/* the narrow formats of the native kernels */
enum { CR_F32 = 0, CR_BF16 = 1, CR_F16 = 2 };
static inline float cr_rn_fmt(float f, int fmt) {
  return fmt == CR_BF16 ? cr_rn_bf16(f) : fmt == CR_F16 ? cr_rn_f16(f) : f;
}
/* RN in fmt of a double-double (finite, |v| < 2^128) */
static inline float cr_dd_round(cr_dd v, int fmt) {
  double d = cr_dd_ro(v);
  if (fmt == CR_F32) return (float)d;
  return cr_rn_fmt(cr_ro_float(d), fmt);
}
/* RN in fmt of a double (exact value, finite) */
static inline float cr_d_round(double d, int fmt) {
  if (fmt == CR_F32) return (float)d;
  return cr_rn_fmt(cr_ro_float(d), fmt);
}

/* ---- the activations' values (functions numbered for the kernels) */
enum {
  CR_SIGMOID_F,
  CR_SIGMOID_D,
  CR_TANH_F,
  CR_TANH_D,
  /* the signed ones (simd_cr.c, cr_core_signed): value and error bound */
  CR_ELU_F,
  CR_ELU_D,
  CR_SELU_F,
  CR_SELU_D,
  CR_SILU_F,
  CR_SILU_D,
  CR_GELUT_F,
  CR_GELUT_D,
  CR_MISH_F,
  CR_MISH_D,
  CR_HSIG_F,
  CR_HSIG_D,
  CR_HSWISH_F,
  CR_HSWISH_D,
  CR_SOFTPLUS_F,
  CR_SOFTPLUS_D,
  CR_LOGSIG_F,
  CR_LOGSIG_D,
  CR_GELU_F,
  CR_GELU_D,
  CR_NFUNCS
};

/* the constants as double-doubles (MPFR, 400 bits): selu's lambda and
 * lambda alpha (the product of the two 32-digit decimals that define them),
 * gelu_tanh's 2 sqrt(2/pi), 2 sqrt(2/pi) 0.044715 and three times that */
#define CR_SELU_L_H 0x1.0cfabd6a91132p+0
#define CR_SELU_L_L 0x1.6fc7d272f2695p-55
#define CR_SELU_LA_H 0x1.c212cc640f031p+0
#define CR_SELU_LA_L 0x1.05161b045a1fep-56
#define CR_GELUT_C1_H 0x1.9884533d43651p+0
#define CR_GELUT_C1_L -0x1.cbc0d30ebfd15p-54
#define CR_GELUT_C3_H 0x1.2444f2a4d8b4bp-4
#define CR_GELUT_C3_L -0x1.6c843a29d1c7p-61
#define CR_GELUT_C3X3_H 0x1.b6676bf7450fp-3
#define CR_GELUT_C3X3_L 0x1.bba7351828aabp-57

/* e^t for a double-double t (|t| <= 700, |t.l| <= 2^-53 |t.h|):
 * e^t.h (1 + t.l + t.l^2/2), the rest below 2^-150 relative */
static inline cr_dd cr_dd_exp_dd(cr_dd t) {
  cr_dd c = cr_two_sum(1.0, t.l);
  c.l += 0.5 * t.l * t.l;
  return cr_dd_mul(cr_dd_exp(t.h), c);
}

/* sigma(t), sigma(t) sigma(-t) = E/(1+E)^2 and E = e^-|t| for a
 * double-double t, |t| <= 700 */
static inline void cr_dd_sigmas(cr_dd t, cr_dd *s, cr_dd *ss) {
  cr_dd at = t.h < 0 ? cr_dd_neg(t) : t;
  cr_dd e = cr_dd_exp_dd(cr_dd_neg(at));
  cr_dd d = cr_dd_add(cr_dd_d(1.0), e);
  cr_dd rec = cr_dd_div(cr_dd_d(1.0), d);
  *s = t.h < 0 ? cr_dd_mul(e, rec) : rec;
  *ss = cr_dd_mul(cr_dd_mul(e, rec), rec);
}

/* log1p(e) for a double-double 0 <= e <= 1: below 2^-8 the series to e^14
 * (the rest < 2^-112 relative), otherwise one Newton step on e^y = 1 + e
 * from y0 = log1p(e.h) (the C library's, within an ulp): d = (1 + e) e^-y0
 * - 1 ~ 2^-52, log1p(e) = y0 + d - d^2/2 + ..., within 2^-98 absolute (the
 * exp's) of a value >= 2^-8.1: 2^-89 relative */
static inline cr_dd cr_dd_log1p(cr_dd e) {
  const cr_dd one = cr_dd_d(1.0);
  if (e.h < 0x1p-8) {
    cr_dd p = cr_dd_div(cr_dd_d(-1.0), cr_dd_d(14.0));
    for (int k = 13; k >= 1; k--)
      p = cr_dd_add(cr_dd_mul(p, e), cr_dd_div(cr_dd_d(k & 1 ? 1.0 : -1.0), cr_dd_d((double)k)));
    return cr_dd_mul(p, e);
  }
  double y0 = __builtin_log1p(e.h);
  cr_dd d = cr_dd_add(cr_dd_mul(cr_dd_add(one, e), cr_dd_exp(-y0)), cr_dd_d(-1.0));
  return cr_dd_add(cr_dd_d(y0), cr_dd_add(d, cr_dd_d(-0.5 * d.h * d.h)));
}

/* gelu_tanh's t = 2u = x (c1 + c3 x^2) and t' = c1 + 3 c3 x^2 (x^2 exact) */
static inline cr_dd cr_gelut_t(double x, cr_dd *tp) {
  cr_dd x2 = cr_two_prod(x, x);
  cr_dd c1 = {CR_GELUT_C1_H, CR_GELUT_C1_L};
  *tp = cr_dd_add(c1, cr_dd_mul(x2, (cr_dd){CR_GELUT_C3X3_H, CR_GELUT_C3X3_L}));
  return cr_dd_mul_d(cr_dd_add(c1, cr_dd_mul(x2, (cr_dd){CR_GELUT_C3_H, CR_GELUT_C3_L})), x);
}

/* gelu's Phi(x) at a finite x, as the parts that f and f' need, in
 * double-double: Q(a) = 1 - Phi(a) for a = |x| and phi(a) = e^(-a^2/2)/
 * sqrt(2 pi) (a^2 exact by TwoProd, e^t by cr_dd_exp_dd), for a <= 30.
 * - a < 3: Phi(a) - 1/2 = phi(a) S(a), S(a) = a + a^3/3 + a^5/(3 5) + ...
 *   (the series of Abramowitz and Stegun 26.2.11; positive terms, summed
 *   until a term is below 2^-110 of the sum: 50 terms at a = 3);
 *   *s = S(a).  Q = 1/2 - phi S cancels at most 8.5 bits (Q(3) = 0.00135),
 *   so Q is within 2^-94 relative.
 * - a >= 3: Q(a) = phi(a) M(a), M the Mills ratio, by Laplace's continued
 *   fraction M(a) = 1/(a + 1/(a + 2/(a + 3/(a + ...)))) evaluated from its
 *   N-th term back (t_N = a, t_(k-1) = a + k/t_k, M = 1/t_0) as a ratio p/q
 *   (p' = a p + k q, q' = p: no division but the last), N = 3000/a^2 + 24
 *   (the truncation below 2^-150 over [3, 30], checked at 20 points a unit);
 *   every step adds positive terms (< 13 u^2 each, u = 2^-53; N <= 358
 *   steps: 2^-93.8 relative).  *m = M(a).
 * Returns Q(a); *phi = phi(a); *s or *m as above (the other is 0). */
static inline cr_dd cr_dd_gauss(double a, cr_dd *phi, cr_dd *s, cr_dd *m) {
  cr_dd a2 = cr_two_prod(a, a);
  *phi = cr_dd_mul(cr_dd_exp_dd((cr_dd){-0.5 * a2.h, -0.5 * a2.l}),
                   (cr_dd){CR_GELU_RS_H, CR_GELU_RS_L});
  *s = *m = cr_dd_d(0.0);
  if (a < 3) {
    cr_dd term = cr_dd_d(a), sum = term;
    for (int k = 3; term.h > 0x1p-110 * sum.h; k += 2) {
      term = cr_dd_div(cr_dd_mul(term, a2), cr_dd_d((double)k));
      sum = cr_dd_add(sum, term);
    }
    *s = sum;
    return cr_dd_add(cr_dd_d(0.5), cr_dd_neg(cr_dd_mul(*phi, sum)));
  }
  int n = (int)(3000.0 / (a * a)) + 24;
  cr_dd p = cr_dd_d(a), q = cr_dd_d(1.0);
  for (int k = n; k >= 1; k--) {
    cr_dd np = cr_dd_add(cr_dd_mul_d(p, a), cr_dd_mul_d(q, (double)k));
    q = p;
    p = np;
    if (p.h > 0x1p500) { /* rescale both (exact) */
      p = (cr_dd){p.h * 0x1p-500, p.l * 0x1p-500};
      q = (cr_dd){q.h * 0x1p-500, q.l * 0x1p-500};
    }
  }
  *m = cr_dd_div(q, p);
  return cr_dd_mul(*phi, *m);
}

/* gelu x Phi(x) (deriv 0) or Phi(x) + x phi(x) at a finite x.  For x >= 0
 * Phi = 1 - Q; for x < 0 Phi = Q(|x|), and f' = Q - |x| phi: it cancels
 * at x = -0.7518 (M(a) = a), computed as 1/2 - phi (S + a) there (within
 * 2^-104 of 1/2, so 2^-77 relative at the binary32 input nearest to the
 * zero, where f' ~ 2^-27); from a = 3 on phi (M - a) does not cancel
 * (M < 1/a).  Beyond |x| = 30 a tiny double-double stands for the values,
 * which round as x (or 1) and -0 do. */
static inline cr_dd cr_eval_gelu(int deriv, double x) {
  double a = __builtin_fabs(x);
  if (x == 0) return deriv ? cr_dd_d(0.5) : cr_dd_d(0.5 * x);
  if (a > 30) {
    if (x > 0) return deriv ? (cr_dd){1.0, 0x1p-300} : (cr_dd){x, -x * 0x1p-200};
    return deriv ? cr_dd_d(-0x1p-300) : cr_dd_d(x * 0x1p-300);
  }
  cr_dd phi, s, m, Q = cr_dd_gauss(a, &phi, &s, &m);
  cr_dd Phi = x > 0 ? cr_dd_add(cr_dd_d(1.0), cr_dd_neg(Q)) : Q;
  if (!deriv) return cr_dd_mul_d(Phi, x);
  if (a < 3) { /* 1/2 +- phi (S + a) */
    cr_dd t = cr_dd_mul(phi, cr_dd_add(s, cr_dd_d(a)));
    return cr_dd_add(cr_dd_d(0.5), x > 0 ? t : cr_dd_neg(t));
  }
  cr_dd d = cr_dd_mul(phi, cr_dd_add(m, cr_dd_d(-a))); /* phi (M - a) < 0 */
  return x > 0 ? cr_dd_add(cr_dd_d(1.0), cr_dd_neg(d)) : d;
}

/* f or f' at a finite x (the caller has taken NaN and the infinities), as a
 * double-double within 2^-88 relative of the exact value (sigmoid and tanh;
 * the others below: within 2^-88 relative where nothing cancels, and where
 * f' has a zero (silu, gelu_tanh, mish near x = -1.28, -0.75, -1.19) within
 * about 2^-104 of the larger term, so 2^-75 relative at the binary32 inputs
 * nearest to it).  Beyond the ranges where the value is computed, a tiny
 * double-double stands for a value that rounds as the ends do: 1 + 2^-300,
 * x - 2^-200 x, a negative 2^-300 for a value that rounds to -0. */
static inline cr_dd cr_eval(int fn, double x) {
  double a = __builtin_fabs(x);
  const cr_dd one = cr_dd_d(1.0);
  switch (fn) {
    case CR_ELU_F: /* x, or e^x - 1 */
      if (x > 0) return cr_dd_d(x);
      return x < -200 ? (cr_dd){-1.0, 0x1p-300} : cr_dd_expm1(x);
    case CR_ELU_D: /* 1, or e^x */
      if (x > 0) return one;
      return x < -200 ? cr_dd_d(0x1p-300) : cr_dd_exp(x);
    case CR_SELU_F: { /* lambda x, or lambda alpha (e^x - 1) */
      if (x > 0) return cr_dd_mul_d((cr_dd){CR_SELU_L_H, CR_SELU_L_L}, x);
      cr_dd em = x < -200 ? (cr_dd){-1.0, 0x1p-300} : cr_dd_expm1(x);
      return cr_dd_mul(em, (cr_dd){CR_SELU_LA_H, CR_SELU_LA_L});
    }
    case CR_SELU_D: /* lambda, or lambda alpha e^x */
      if (x > 0) return (cr_dd){CR_SELU_L_H, CR_SELU_L_L};
      if (x < -200) return cr_dd_d(0x1p-300);
      return cr_dd_mul(cr_dd_exp(x), (cr_dd){CR_SELU_LA_H, CR_SELU_LA_L});
    case CR_SILU_F: /* x sigma(x) */
      if (x < -200) return cr_dd_d(x * 0x1p-300);
      if (x > 200) return (cr_dd){x, -x * 0x1p-200};
      return cr_dd_mul_d(cr_eval(CR_SIGMOID_F, x), x);
    case CR_SILU_D: { /* sigma(x) + x sigma(x) sigma(-x) */
      if (x < -200) return cr_dd_d(-0x1p-300);
      if (x > 200) return (cr_dd){1.0, 0x1p-300};
      cr_dd s, ss;
      cr_dd_sigmas(cr_dd_d(x), &s, &ss);
      return cr_dd_add(s, cr_dd_mul_d(ss, x));
    }
    case CR_GELUT_F:
    case CR_GELUT_D: { /* x sigma(t); sigma(t) + x t' sigma(t) sigma(-t) */
      cr_dd tp, t = cr_gelut_t(x, &tp);
      if (t.h < -200) return cr_dd_d(fn == CR_GELUT_F ? x * 0x1p-300 : -0x1p-300);
      if (t.h > 200) return fn == CR_GELUT_F ? (cr_dd){x, -x * 0x1p-200} : (cr_dd){1.0, 0x1p-300};
      cr_dd s, ss;
      cr_dd_sigmas(t, &s, &ss);
      if (fn == CR_GELUT_F) return cr_dd_mul_d(s, x);
      return cr_dd_add(s, cr_dd_mul_d(cr_dd_mul(ss, tp), x));
    }
    case CR_MISH_F:
    case CR_MISH_D: {
      /* tanh(log(1 + E)) = n/(n + 2), n = E (E + 2), E = e^x; sech^2 sigma =
       * 4 E (1 + E)/(n + 2)^2.  For x > 0 in G = e^-x (no overflow):
       * q = (1 + 2G)/D, 4 E (1 + E)/(n + 2)^2 = 4 G^2 (1 + G)/D^2,
       * D = 1 + 2G + 2G^2. */
      if (x < -200) return cr_dd_d(fn == CR_MISH_F ? x * 0x1p-300 : -0x1p-300);
      if (x > 200) return fn == CR_MISH_F ? (cr_dd){x, -x * 0x1p-200} : (cr_dd){1.0, 0x1p-300};
      cr_dd q, s2; /* tanh(sp), and sech^2(sp) sigma(x) */
      if (x > 0) {
        cr_dd g = cr_dd_exp(-x);
        cr_dd g2 = cr_dd_mul(g, g);
        cr_dd num = cr_dd_add(one, cr_dd_mul_d(g, 2.0));
        cr_dd D = cr_dd_add(num, cr_dd_mul_d(g2, 2.0));
        cr_dd rec = cr_dd_div(one, D);
        q = cr_dd_mul(num, rec);
        s2 = cr_dd_mul(cr_dd_mul(cr_dd_mul_d(cr_dd_mul(g2, cr_dd_add(one, g)), 4.0), rec), rec);
      } else {
        cr_dd e = cr_dd_exp(x);
        cr_dd n = cr_dd_mul(e, cr_dd_add(e, cr_dd_d(2.0)));
        cr_dd rec = cr_dd_div(one, cr_dd_add(n, cr_dd_d(2.0)));
        q = cr_dd_mul(n, rec);
        s2 = cr_dd_mul(cr_dd_mul(cr_dd_mul_d(cr_dd_mul(e, cr_dd_add(one, e)), 4.0), rec), rec);
      }
      if (fn == CR_MISH_F) return cr_dd_mul_d(q, x);
      return cr_dd_add(q, cr_dd_mul_d(s2, x));
    }
    case CR_SOFTPLUS_F:
    case CR_LOGSIG_F: { /* max(s, 0) + log1p(e^-|x|), s = x (softplus) or -x; logsigmoid -that */
      double sx = fn == CR_LOGSIG_F ? -x : x;
      cr_dd v;
      if (a > 200)
        v = sx > 0 ? (cr_dd){sx, 0x1p-300} : cr_dd_d(0x1p-300);
      else {
        v = cr_dd_log1p(cr_dd_exp(-a));
        if (sx > 0) v = cr_dd_add(cr_dd_d(sx), v);
      }
      return fn == CR_LOGSIG_F ? cr_dd_neg(v) : v;
    }
    case CR_SOFTPLUS_D: /* sigma(x) */
      return cr_eval(CR_SIGMOID_F, x);
    case CR_LOGSIG_D: /* sigma(-x) */
      return cr_eval(CR_SIGMOID_F, -x);
    case CR_HSIG_F: /* (x + 3)/6 in (-3, 3) */
      if (x <= -3) return cr_dd_d(0.0);
      if (x >= 3) return one;
      return cr_dd_div(cr_two_sum(x, 3.0), cr_dd_d(6.0));
    case CR_HSIG_D: /* 1/6 in (-3, 3) */
      return a < 3 ? cr_dd_div(one, cr_dd_d(6.0)) : cr_dd_d(0.0);
    case CR_HSWISH_F: /* x (x + 3)/6 in (-3, 3) */
      if (x <= -3) return cr_dd_d(0.0);
      if (x >= 3) return cr_dd_d(x);
      return cr_dd_div(cr_dd_mul_d(cr_two_sum(x, 3.0), x), cr_dd_d(6.0));
    case CR_GELU_F:
    case CR_GELU_D:
      return cr_eval_gelu(fn == CR_GELU_D, x);
    case CR_HSWISH_D: /* (2x + 3)/6 in [-3, 3] */
      if (x < -3) return cr_dd_d(0.0);
      if (x > 3) return one;
      return cr_dd_div(cr_two_sum(2.0 * x, 3.0), cr_dd_d(6.0));
    case CR_SIGMOID_F: { /* x >= 0: 1/(1+e), x < 0: e/(1+e), e = e^-|x| */
      if (a > 200) return cr_dd_d(x > 0 ? 1.0 : 0x1p-300);
      cr_dd e = cr_dd_exp(-a);
      cr_dd d = cr_dd_add(cr_dd_d(1.0), e);
      return cr_dd_div(x < 0 ? e : cr_dd_d(1.0), d);
    }
    case CR_SIGMOID_D: { /* e/(1+e)^2 */
      if (a > 200) return cr_dd_d(0x1p-300);
      cr_dd e = cr_dd_exp(-a);
      cr_dd d = cr_dd_add(cr_dd_d(1.0), e);
      return cr_dd_div(e, cr_dd_mul(d, d));
    }
    case CR_TANH_F: { /* -em/(2+em), em = e^(-2|x|) - 1, sign of x */
      if (a > 20) return cr_dd_d(x > 0 ? 1.0 : -1.0);
      cr_dd em = cr_dd_expm1(-2 * a);
      cr_dd v = cr_dd_div(cr_dd_neg(em), cr_dd_add(cr_dd_d(2.0), em));
      return x < 0 ? cr_dd_neg(v) : v;
    }
    case CR_TANH_D: { /* 4e/(1+e)^2, e = e^(-2|x|) */
      if (a > 200) return cr_dd_d(0x1p-300);
      cr_dd e = cr_dd_exp(-2 * a);
      cr_dd d = cr_dd_add(cr_dd_d(1.0), e);
      return cr_dd_div(cr_dd_mul_d(e, 4.0), cr_dd_mul(d, d));
    }
  }
  return cr_dd_d(0.0);
}

/* RN in fmt of f or f' at x (x already a value of fmt for the narrow ones):
 * the slow path of every kernel, NaN and infinities included */
static inline float cr_slow(int fn, float x, int fmt) {
  if (x != x) return x + x;
  if (__builtin_isinf(x)) {
    switch (fn) {
      case CR_SIGMOID_F:
      case CR_HSIG_F:
        return x > 0 ? 1.0f : 0.0f;
      case CR_TANH_F:
        return x > 0 ? 1.0f : -1.0f;
      case CR_ELU_F:
        return x > 0 ? x : -1.0f;
      case CR_SELU_F:
        return x > 0 ? x : cr_dd_round((cr_dd){-CR_SELU_LA_H, -CR_SELU_LA_L}, fmt);
      case CR_SILU_F:
      case CR_GELU_F:
      case CR_GELUT_F:
      case CR_MISH_F:
      case CR_HSWISH_F:
      case CR_SOFTPLUS_F:
        return x > 0 ? x : 0.0f;
      case CR_LOGSIG_F:
        return x > 0 ? -0.0f : x;
      case CR_LOGSIG_D:
        return x > 0 ? 0.0f : 1.0f;
      case CR_ELU_D:
      case CR_SILU_D:
      case CR_GELU_D:
      case CR_GELUT_D:
      case CR_MISH_D:
      case CR_HSWISH_D:
      case CR_SOFTPLUS_D:
        return x > 0 ? 1.0f : 0.0f;
      case CR_SELU_D:
        return x > 0 ? cr_dd_round((cr_dd){CR_SELU_L_H, CR_SELU_L_L}, fmt) : 0.0f;
      default:
        return 0.0f;
    }
  }
  if (fn >= CR_ELU_F) return cr_dd_round(cr_eval(fn, (double)x), fmt);
  if (x == 0) {
    switch (fn) {
      case CR_SIGMOID_F:
        return 0.5f;
      case CR_SIGMOID_D:
        return 0.25f;
      case CR_TANH_F:
        return x; /* tanh(-0) = -0 */
      default:
        return 1.0f;
    }
  }
  return cr_dd_round(cr_eval(fn, (double)x), fmt);
}

/* sigmoid with a slope a != 1 (act_params.a; the vector kernels' fast path
 * is for the default a = 1 only): f = s(a x), f' = a s'(a x) at x (a value
 * of fmt).  t = a x is exact in double (a product of two floats), and the
 * double-double value (within 2^-88 relative, above; times a: 5u^2 more) is
 * rounded once, so the result is correctly rounded unless the exact value
 * lies within 2^-87 relative of a rounding boundary: the exhaustive sweeps
 * show that none does for a = 1, and for other slopes this is not proven. */
static inline float cr_sigmoid_slope(int deriv, float x, float a, int fmt) {
  if (x != x || a != a) return x + a;
  double t = (double)a * (double)x;
  if (t != t) return (float)t; /* a = +-inf, x = 0 */
  if (!deriv) {
    if (t == 0) return 0.5f;
    if (__builtin_isinf(t)) return t > 0 ? 1.0f : 0.0f;
    return cr_dd_round(cr_eval(CR_SIGMOID_F, t), fmt);
  }
  if (t == 0) return cr_d_round(0.25 * (double)a, fmt);
  if (__builtin_isinf(t)) return a > 0 ? 0.0f : -0.0f;
  return cr_dd_round(cr_dd_mul_d(cr_eval(CR_SIGMOID_D, t), (double)a), fmt);
}

/* elu with alpha a != 1 (act_params.a) and silu with beta b != 1: the
 * scalar double-double path for every element, as for sigmoid's slope
 * (correctly rounded unless an exact value lies within 2^-87 relative of a
 * rounding boundary; not proven for these parameters).  elu: x for x > 0,
 * a (e^x - 1); f' 1, a e^x.  silu: x sigma(t), f' = sigma(t) + t sigma(t)
 * sigma(-t), t = b x exact in double. */
static inline float cr_elu_alpha(int deriv, float x, float a, int fmt) {
  if (x != x || a != a) return x + a;
  if (x > 0) return deriv ? 1.0f : x;
  if (__builtin_isinf(x)) return deriv ? 0.0f * a : -a;
  if (x == 0) /* a (e^+-0 - 1) = a x, signed; f' = a */
    return deriv ? cr_d_round((double)a, fmt) : (float)((double)a * (double)x);
  cr_dd v = cr_eval(deriv ? CR_ELU_D : CR_ELU_F, (double)x);
  if (__builtin_isinf(a)) return (float)(v.h * (double)a);
  return cr_dd_round(cr_dd_mul_d(v, (double)a), fmt);
}
static inline float cr_silu_beta(int deriv, float x, float b, int fmt) {
  if (x != x || b != b) return x + b;
  double t = (double)b * (double)x;
  if (t != t) return (float)t;                    /* b = +-inf, x = 0 */
  if (__builtin_isinf(t) || __builtin_isinf(x)) { /* sigma(t) is 0 or 1 */
    double s = t > 0 ? 1.0 : 0.0;
    return deriv ? (float)s : s == 0 ? 0.0f : x; /* x sigma(t) -> 0 where sigma(t) -> 0 */
  }
  if (deriv) return t == 0 ? 0.5f : cr_dd_round(cr_eval(CR_SILU_D, t), fmt);
  if (t == 0) return cr_d_round(0.5 * (double)x, fmt);
  return cr_dd_round(cr_dd_mul_d(cr_eval(CR_SIGMOID_F, t), (double)x), fmt);
}

/* softplus with beta b != 1 (its threshold, act_params.b, is not part of
 * the definition: the exact log1p(e^(b x))/b everywhere): t = b x exact in
 * double, f = softplus(t)/b, f' = sigma(t); not proven, as above */
static inline float cr_softplus_beta(int deriv, float x, float b, int fmt) {
  if (x != x || b != b) return x + b;
  double t = (double)b * (double)x;
  if (t != t) return (float)t;
  if (__builtin_isinf(t) || __builtin_isinf(b)) {
    if (deriv) return t > 0 ? 1.0f : t < 0 ? 0.0f : 0.5f;
    return t > 0 ? (float)(t / (double)b) : 0.0f * b;
  }
  if (deriv) return t == 0 ? 0.5f : cr_dd_round(cr_eval(CR_SIGMOID_F, t), fmt);
  if (b == 0) return (float)__builtin_inf(); /* log 2 / 0 */
  return cr_dd_round(cr_dd_div(cr_eval(CR_SOFTPLUS_F, t), cr_dd_d((double)b)), fmt);
}

/* x rounded to fmt (the native kernels' inputs) */
static inline float cr_in_fmt(float x, int fmt) {
  return cr_rn_fmt(x, fmt);
}

#endif
