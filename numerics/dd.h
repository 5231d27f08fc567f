/* actbench: double-word ("double-double") arithmetic with running error
 * bounds, for the exhaustive sweep's fast screen (screen.c).
 *
 * A dd is an unevaluated sum h + l of two doubles with |l| <= ulp(h)/2.  The
 * basic operations are the algorithms of M. Joldes, J.-M. Muller and
 * V. Popescu, "Tight and rigorous error bounds for basic building blocks of
 * double-word arithmetic", ACM TOMS 44(2), 2017, with their proven relative
 * error bounds (u = 2^-53, round to nearest, no underflow or overflow):
 *   dd_add     AccurateDWPlusDW (Alg. 6)   3u^2 + 13u^3
 *   dd_add_d   DWPlusFP (Alg. 4)           2u^2
 *   dd_mul     DWTimesDW3 (Alg. 12, FMA)   4u^2
 *   dd_mul_d   DWTimesFP3 (Alg. 9, FMA)    2u^2
 *   dd_div     DWDivDW2 (Alg. 17)          15u^2 + 56u^3
 *   dd_div_d   DWDivFP1 (Alg. 14)          3.5u^2
 * The exact transformations (TwoSum, Fast2Sum, TwoProd with FMA) are those
 * of Knuth, Dekker and the FMA literature.
 *
 * A ddr carries, beside its value, a bound e on the absolute distance between
 * the value and the exact quantity it stands for (Wilkinson's running error
 * analysis): each operation adds its inputs' propagated errors and its own
 * rounding error (the bounds above times the result's magnitude).  The bound
 * itself is computed in double with round to nearest, so every bound is
 * multiplied by BUMP = 1 + 2^-48, which exceeds the few relative roundings of
 * its own evaluation; magnitudes |h + l| are bounded by |h| (1 + 2^-52).
 * A bound that cannot be given (a denominator that may be zero) is +inf,
 * which later makes the screen hand the input to MPFR.
 *
 * Everything is static inline; FP contraction is off in the build (C17 mode),
 * so every fused multiply-add is an explicit fma. */
#ifndef ACTBENCH_DD_H
#define ACTBENCH_DD_H

#include <math.h>

typedef struct {
  double h, l;
} dd;

typedef struct {
  double h, l, e;
} ddr;

#define DD_U2 0x1p-106             /* u^2 */
#define DD_BUMP 1.0000000000000036 /* 1 + 2^-48 */
#define DD_MAG 1.0000000000000003  /* 1 + 2^-52: |h + l| <= |h| DD_MAG */

/* ---- exact transformations */
static inline dd dd_two_sum(double a, double b) {
  double s = a + b, bb = s - a;
  dd r = {s, (a - (s - bb)) + (b - bb)};
  return r;
}
static inline dd dd_fast_two_sum(double a, double b) { /* |a| >= |b| or a == 0 */
  double s = a + b;
  dd r = {s, b - (s - a)};
  return r;
}
static inline dd dd_two_prod(double a, double b) {
  double p = a * b;
  dd r = {p, fma(a, b, -p)};
  return r;
}
static inline dd dd_from(double a) {
  dd r = {a, 0.0};
  return r;
}
static inline dd dd_neg(dd a) {
  dd r = {-a.h, -a.l};
  return r;
}

/* ---- the basic operations (Joldes, Muller, Popescu 2017) */
static inline dd dd_add(dd x, dd y) {
  dd s = dd_two_sum(x.h, y.h), t = dd_two_sum(x.l, y.l);
  double c = s.l + t.h;
  dd v = dd_fast_two_sum(s.h, c);
  double w = t.l + v.l;
  return dd_fast_two_sum(v.h, w);
}
static inline dd dd_add_d(dd x, double y) {
  dd s = dd_two_sum(x.h, y);
  double v = x.l + s.l;
  return dd_fast_two_sum(s.h, v);
}
static inline dd dd_mul(dd x, dd y) {
  dd c = dd_two_prod(x.h, y.h);
  double tl0 = x.l * y.l;
  double tl1 = fma(x.h, y.l, tl0);
  double cl2 = fma(x.l, y.h, tl1);
  double cl3 = c.l + cl2;
  return dd_fast_two_sum(c.h, cl3);
}
static inline dd dd_mul_d(dd x, double y) {
  dd c = dd_two_prod(x.h, y);
  double cl3 = fma(x.l, y, c.l);
  return dd_fast_two_sum(c.h, cl3);
}
static inline dd dd_div(dd x, dd y) {
  double th = x.h / y.h;
  dd r = dd_mul_d(y, th);
  double pih = x.h - r.h, dl = x.l - r.l;
  double d = pih + dl;
  double tl = d / y.h;
  return dd_fast_two_sum(th, tl);
}
static inline dd dd_div_d(dd x, double y) {
  double th = x.h / y;
  dd p = dd_two_prod(th, y);
  double dh = x.h - p.h, dt = dh - p.l, d = dt + x.l;
  double tl = d / y;
  return dd_fast_two_sum(th, tl);
}

/* ---- values with running error bounds */
static inline ddr ddr_exact(double h, double l) {
  ddr r = {h, l, 0.0};
  return r;
}
static inline ddr ddr_of(dd v, double e) {
  ddr r = {v.h, v.l, e};
  return r;
}
static inline dd ddr_val(ddr a) {
  dd r = {a.h, a.l};
  return r;
}
static inline double ddr_mag(ddr a) { /* an upper bound of |h + l| */
  return fabs(a.h) * DD_MAG;
}
static inline ddr ddr_neg(ddr a) {
  ddr r = {-a.h, -a.l, a.e};
  return r;
}
static inline ddr ddr_add(ddr a, ddr b) {
  dd s = dd_add(ddr_val(a), ddr_val(b));
  return ddr_of(s, (a.e + b.e + 3.0001 * DD_U2 * fabs(s.h) * DD_MAG) * DD_BUMP);
}
static inline ddr ddr_sub(ddr a, ddr b) {
  return ddr_add(a, ddr_neg(b));
}
static inline ddr ddr_add_d(ddr a, double b) { /* b exact */
  dd s = dd_add_d(ddr_val(a), b);
  return ddr_of(s, (a.e + 2.0001 * DD_U2 * fabs(s.h) * DD_MAG) * DD_BUMP);
}
static inline ddr ddr_mul(ddr a, ddr b) {
  dd p = dd_mul(ddr_val(a), ddr_val(b));
  double e = ddr_mag(a) * b.e + ddr_mag(b) * a.e + a.e * b.e + 4.0001 * DD_U2 * fabs(p.h) * DD_MAG;
  return ddr_of(p, e * DD_BUMP);
}
static inline ddr ddr_mul_d(ddr a, double b) { /* b exact */
  dd p = dd_mul_d(ddr_val(a), b);
  return ddr_of(p, (fabs(b) * a.e + 2.0001 * DD_U2 * fabs(p.h) * DD_MAG) * DD_BUMP);
}
/* a / b: |a_t/b_t - a/b| <= (e_a + |a/b| e_b) / (|b| - e_b); ddr_div_q
 * with q = dd_div(a, b) computed already */
static inline ddr ddr_div_q(ddr a, ddr b, dd q) {
  double bmin = fabs(b.h) * (1 - 0x1p-51) - b.e;
  if (!(bmin > 0.5 * fabs(b.h))) return ddr_of(q, INFINITY);
  double qm = fabs(q.h) * (1 + 0x1p-50);
  double e = (a.e + qm * b.e) / bmin * (1 + 0x1p-50) + 15.0001 * DD_U2 * qm;
  return ddr_of(q, e * DD_BUMP);
}
static inline ddr ddr_div(ddr a, ddr b) {
  return ddr_div_q(a, b, dd_div(ddr_val(a), ddr_val(b)));
}
static inline ddr ddr_div_d(ddr a, double b) { /* b exact, nonzero */
  dd q = dd_div_d(ddr_val(a), b);
  return ddr_of(q, (a.e / fabs(b) * (1 + 0x1p-50) + 3.5001 * DD_U2 * fabs(q.h) * DD_MAG) * DD_BUMP);
}

#endif
