/* actbench: exp, expm1, log1p and the normal distribution function in
 * double-double with proven error bounds, for the exhaustive sweep's screen
 * (screen.c).  Tables and constants are computed once with MPFR, correctly
 * rounded to double-double.
 *
 * exp (dd_exp_core).  Tang's table-driven method (P. T. P. Tang, "Table-driven
 * implementation of the exponential function in IEEE floating-point
 * arithmetic", ACM TOMS 15(2), 1989), in double-double:
 *   x = k L + r,  L = ln2/256,  k = 256 m + j,  |r| <= L/2 + |x.l|
 *   e^x = 2^m T[j] p(r),  T[j] = 2^(j/256),  p(r) = sum_{i<=9} r^i/i!
 * - k L: L = L1 + L2 + L3 (L1 with 32 significant bits, so k L1 is exact for
 *   |k| < 2^20, and x.h - k L1 is exact by Sterbenz's lemma); the truncation
 *   of L after L3 costs |k| 2^-146 < 2^-126.
 * - r is formed with TwoProd and two double-double additions (relative error
 *   < 2^-104 each, |r| < 2^-9.5): absolute error < 2^-112, which is the
 *   relative error it brings into e^x.
 * - p: terms 6..9 in double Horner on r.h (their sum is < 2^-66 and is
 *   computed to 16 u relative, < 2^-115 absolute; dropping r.l there costs
 *   6 |r.l| |r|^5/720 < 2^-125), terms 0..5 in double-double Horner.  The
 *   double-double steps add at most 4u^2 + 3u^2 relative each, and every
 *   step's error but the last two is multiplied by |r| <= 2^-9.5 on the way
 *   out: < 7.1u^2 + 7.1u^2 2^-9.5 + ... < 7.2u^2.  Truncation after r^9:
 *   |r|^10/10! e^|r| < 2^-116.
 * - T[j] correctly rounded to double-double: relative error <= u^2.
 * - the product T[j] p: 4u^2.
 * Sum < 7.2u^2 + u^2 + 4u^2 + 2^-112 + 2^-115 + 2^-116 < 13u^2 < 2^-102.2;
 * DD_EXP_BOUND below is 2^-100.
 *
 * expm1 for |x| <= L/2 = ln2/512 is the same polynomial without its constant
 * term, r (1 + r (1/2 + ...)), with no reduction: the same analysis gives
 * < 8u^2 relative (its result does not cancel).  Beyond, e^x - 1 =
 * 2^m T[j] expm1(r) + (2^m T[j] - 1), where the second term is exact but for
 * T[j]'s rounding, so nothing cancels catastrophically.
 *
 * log1p(z), z >= 0: y0 = log1p(z.h) from the C library (any accuracy: it is
 * only a starting point), then one correction: with w = expm1(y0) (relative
 * bound above), rho = (z - w)/(1 + w) is log1p's residual, and
 *   log1p(z) = y0 + log1p(rho) = y0 + rho - rho^2/2 + theta,
 *   |theta| <= |rho|^3 / (3 (1 - |rho|)).
 * The running bounds carry w's, z's and the operations' errors through.
 *
 * The screen computes the exponentials of a block's inputs together
 * (dd_exp_parts_batch) and hands them back through the DDM_*_FIND hooks:
 * the same operations in the same order, so the same values and bounds.
 *
 * Phi(x) = (1 + erf(x/sqrt 2))/2 for x <= 0, by Taylor series around centers
 * c = -i/128 (|h| = |x - c| <= 1/256), with Phi(c) and phi(c) from MPFR:
 *   Phi(c + h) = Phi(c) + phi(c) sum_{n>=1} h P_{n-1} / n,
 *   P_k = He_k(c) (-h)^k / k!,  P_0 = 1, P_1 = -h c,
 *   P_{k+1} = -(h c P_k + h^2 P_{k-1}) / (k + 1)
 * (Phi^(n) = phi (-1)^(n-1) He_{n-1}, He the probabilists' Hermite
 * polynomials, He_{k+1} = c He_k - k He_{k-1}).  The remainder after N terms
 * is Phi^(N+1)(xi) h^(N+1)/(N+1)! for some xi between c and x, and by
 * Cramer's inequality |He_n(t)| e^(-t^2/4) <= K sqrt(n!), K = 1.086435,
 *   |Phi^(N+1)(xi)| <= K sqrt(N!) e^(-xi^2/4) / sqrt(2 pi),
 * so each center stores B_c = K e^(-xi_min^2/4) / (sqrt(2 pi) Phi(c - 1/256))
 * (xi_min the smallest |xi| in its interval, Phi(c - 1/256) the least value
 * of Phi there) and the series stops once B_c sqrt(N!) |h|^(N+1)/(N+1)! is
 * below 2^-112: a bound relative to Phi(x).  The first three terms are
 * summed in double-double (P_1 = -h c is exact: h has at most 24 + 8
 * significant bits and c at most 12), the rest in double with a bound of
 * their rounding. */
#include "ddmath.h"

#include <mpfr.h>
#include <pthread.h>
#include <stdlib.h>

#include "numerics.h"

#define TAB_BITS 8
#define TAB_N (1 << TAB_BITS)

static dd exp_tab[TAB_N];
static double L1, L2, L3, INV_L;
static dd C3, C4, C5; /* 1/6, 1/24, 1/120 */
static double C6, C7, C8, C9;

/* RN to double-double of an MPFR value */
static dd dd_of_mpfr(mpfr_srcptr v) {
  mpfr_t r;
  mpfr_init2(r, mpfr_get_prec(v) + 64);
  dd out;
  out.h = mpfr_get_d(v, MPFR_RNDN);
  mpfr_sub_d(r, v, out.h, MPFR_RNDN);
  out.l = mpfr_get_d(r, MPFR_RNDN);
  mpfr_clear(r);
  return out;
}

static void init_exp(void) {
  mpfr_t v, l, t;
  mpfr_inits2(300, v, l, t, (mpfr_ptr)0);
  for (int j = 0; j < TAB_N; j++) {
    mpfr_set_ui(v, (unsigned)j, MPFR_RNDN);
    mpfr_div_ui(v, v, TAB_N, MPFR_RNDN);
    mpfr_exp2(v, v, MPFR_RNDN);
    exp_tab[j] = dd_of_mpfr(v);
  }
  mpfr_const_log2(l, MPFR_RNDN);
  mpfr_div_ui(l, l, TAB_N, MPFR_RNDN); /* L = ln2/256 */
  mpfr_set_prec(t, 32);
  mpfr_set(t, l, MPFR_RNDN);
  L1 = mpfr_get_d(t, MPFR_RNDN);
  mpfr_sub_d(v, l, L1, MPFR_RNDN);
  L2 = mpfr_get_d(v, MPFR_RNDN);
  mpfr_sub_d(v, v, L2, MPFR_RNDN);
  L3 = mpfr_get_d(v, MPFR_RNDN);
  mpfr_ui_div(v, 1, l, MPFR_RNDN);
  INV_L = mpfr_get_d(v, MPFR_RNDN);
  /* 1/i! */
  mpfr_set_prec(v, 300);
  mpfr_set_ui(v, 1, MPFR_RNDN);
  for (unsigned i = 1; i <= 9; i++) {
    mpfr_div_ui(v, v, i, MPFR_RNDN);
    dd c = dd_of_mpfr(v);
    switch (i) {
      case 3:
        C3 = c;
        break;
      case 4:
        C4 = c;
        break;
      case 5:
        C5 = c;
        break;
      case 6:
        C6 = c.h;
        break;
      case 7:
        C7 = c.h;
        break;
      case 8:
        C8 = c.h;
        break;
      case 9:
        C9 = c.h;
        break;
      default:
        break;
    }
  }
  mpfr_clears(v, l, t, (mpfr_ptr)0);
}

/* r (1 + r/2 + r^2/6 + ... + r^8/9!) = expm1(r) for small r, as dd: for
 * |r.h| < 2^-15 (poly_short) r^4/24 and beyond are below 2^-49 |r|: their
 * sum in double (error below 2^-101 |r|); r^8/8! and beyond below 2^-120 |r| */
static inline dd poly_short(dd r) {
  double q = fma(fma(fma(1.0 / 5040, r.h, C6), r.h, 1.0 / 120), r.h, 1.0 / 24);
  dd s = dd_add(C3, dd_mul_d(r, q));
  s = dd_add_d(dd_mul(r, s), 0.5);
  s = dd_add_d(dd_mul(r, s), 1.0);
  return dd_mul(r, s);
}
static inline dd poly_long(dd r) {
  double q = fma(fma(fma(C9, r.h, C8), r.h, C7), r.h, C6);
  dd s = dd_add(C5, dd_mul_d(r, q));
  s = dd_add(C4, dd_mul(r, s));
  s = dd_add(C3, dd_mul(r, s));
  s = dd_add_d(dd_mul(r, s), 0.5);
  s = dd_add_d(dd_mul(r, s), 1.0);
  return dd_mul(r, s);
}
#define POLY_SHORT_BELOW 0x1p-15
static inline dd poly_m1(dd r) {
  return fabs(r.h) < POLY_SHORT_BELOW ? poly_short(r) : poly_long(r);
}

/* the reduction x = k L + r of Tang's method (see the top of the file) */
static inline dd reduce(dd x, int *j, int *m) {
  double kd = act_rint(x.h * INV_L);
  double t = x.h - kd * L1; /* exact */
  dd p2 = dd_two_prod(kd, L2);
  dd r = dd_add(dd_from(t), dd_neg(p2));
  r = dd_add_d(r, x.l);
  r = dd_add_d(r, -kd * L3);
  long k = (long)kd;
  *j = (int)(k & (TAB_N - 1));
  *m = (int)((k - *j) / TAB_N);
  return r;
}

/* a 2^m, |m| <= 900 here: a product by a power of two, exact (the low
 * parts stay normal for |x| <= DD_EXP_MAX) */
static inline dd dd_ldexp(dd a, int m) {
  double s = act_pow2(m);
  dd r = {a.h * s, a.l * s};
  return r;
}

/* e^x = 2^m T[j] (1 + p), p = expm1(r) of the reduction */
static inline dd exp_value(dd p, int j, int m) {
  dd E = dd_add_d(p, 1.0);
  if (j == 0 && m == 0) return E; /* T[0] = 1 exactly */
  return dd_ldexp(dd_mul(exp_tab[j], E), m);
}

/* Where the caller has computed them already (the screen's blocks, with
 * dd_exp_parts_batch), DDM_PARTS_FIND(x, &p, &j, &m, &rx) gives the
 * reduction and polynomial of x, DDM_EXP_FIND(x, &E) the value e^x as
 * dd_exp_core gives it, and DDM_LOG1P_FIND(z, &y) the C library's log1p(z);
 * each returns 1 where it has them */
#ifndef DDM_PARTS_FIND
#define DDM_PARTS_FIND(x, p, j, m, rx) 0
#define DDM_EXP_FIND(x, E) 0
#define DDM_LOG1P_FIND(z, y) 0
#endif

/* p = e^r - 1 for the reduction x = (256 m + j) L + r; *rx: r is x itself
 * (k = 0, nothing subtracted) */
static inline dd exp_parts(dd x, int *j, int *m, int *rx) {
  dd p;
  if (DDM_PARTS_FIND(x, &p, j, m, rx)) return p;
  dd r = reduce(x, j, m);
  *rx = r.h == x.h && r.l == x.l;
  return poly_m1(r);
}

DDM_API dd dd_exp_core(dd x) {
  int j, m, rx;
  dd E;
  if (DDM_EXP_FIND(x, &E)) return E;
  dd p = exp_parts(x, &j, &m, &rx);
  return exp_value(p, j, m);
}

/* exp_parts of n arguments (xh[i], xl[i]), |xh[i]| <= DD_EXP_MAX, n <=
 * DD_EXP_BATCH: the same operations on each, so the same bits, but each
 * step runs over the whole batch.  One argument's double-double Horner
 * chain is a row of dependent latencies (about 200 cycles); across a batch
 * the steps of different arguments overlap, and the compiler vectorizes
 * the polynomial's loop. */
DDM_API void dd_exp_parts_batch(const double *xh, const double *xl, int n, double *ph, double *pl,
                                int *jj, int *mm, unsigned char *rx) {
  double rh[DD_EXP_BATCH], rl[DD_EXP_BATCH];
  for (int i = 0; i < n; i++) {
    dd x = {xh[i], xl[i]};
    dd r = reduce(x, &jj[i], &mm[i]);
    rh[i] = r.h, rl[i] = r.l;
    rx[i] = r.h == x.h && r.l == x.l;
  }
  for (int i = 0; i < n; i++) {
    dd r = {rh[i], rl[i]};
    dd p = poly_long(r);
    ph[i] = p.h, pl[i] = p.l;
  }
  for (int i = 0; i < n; i++)
    if (fabs(rh[i]) < POLY_SHORT_BELOW) {
      dd r = {rh[i], rl[i]};
      dd p = poly_short(r);
      ph[i] = p.h, pl[i] = p.l;
    }
}

/* e^a's value E with its bound: dd_exp_core's, and a's error carried */
static inline ddr exp_bounded(ddr a, dd E) {
  /* e^(a + d) = e^a e^d, |e^d - 1| <= |d| (1 + |d|) */
  double de = a.e * (1 + 2 * a.e);
  double e = fabs(E.h) * DD_MAG * (DD_EXP_BOUND + de * (1 + DD_EXP_BOUND));
  return ddr_of(E, e * DD_BUMP);
}

/* what a's error adds to expm1(a): |expm1(a + d) - expm1(a)| = e^a |e^d - 1|
 * <= e^a |d| (1 + |d|); no libm call for an exact a */
static inline double expm1_arg_err(ddr a) {
  return a.e == 0 ? 0 : a.e * (1 + 2 * a.e) * exp(a.h) * 1.0001;
}

/* expm1(a), |a| > DD_EXPM1_SMALL, from the same reduction and polynomial */
static inline ddr expm1_from(ddr a, dd p, int j, int m) {
  double de = expm1_arg_err(a);
  /* e^x - 1 = 2^m T[j] expm1(r) + (2^m T[j] - 1): the second term is exact
   * but for T[j]'s own error (u^2 of 2^m T[j]) and one dd addition; the
   * first carries exp's bound; the final addition loses at most a factor
   * of 2 to cancellation (x < 0), and its rounding is 3u^2 */
  dd T = dd_ldexp(exp_tab[j], m);
  dd A = dd_mul(T, p);
  dd B = dd_add_d(T, -1.0);
  dd M = dd_add(A, B);
  double e = fabs(A.h) * DD_MAG * DD_EXP_BOUND + DD_U2 * 1.01 * fabs(T.h) +
             2.0001 * DD_U2 * fabs(B.h) * DD_MAG + 3.0001 * DD_U2 * fabs(M.h) * DD_MAG + de;
  return ddr_of(M, e * DD_BUMP);
}

/* expm1(a), |a| <= DD_EXPM1_SMALL, from the polynomial of a itself */
static inline ddr expm1_small(ddr a, dd M) {
  return ddr_of(M, (fabs(M.h) * DD_MAG * DD_EXP_BOUND + expm1_arg_err(a)) * DD_BUMP);
}

static inline int exp_domain(ddr a) {
  return a.e < 0x1p-20 && fabs(a.h) <= DD_EXP_MAX;
}

DDM_API ddr ddr_exp(ddr a) {
  if (!exp_domain(a)) {
    ddr bad = {exp(a.h), 0, INFINITY};
    return bad;
  }
  return exp_bounded(a, dd_exp_core(ddr_val(a)));
}

DDM_API ddr ddr_expm1(ddr a) {
  if (!exp_domain(a)) {
    ddr bad = {expm1(a.h), 0, INFINITY};
    return bad;
  }
  dd v = ddr_val(a), p;
  int j, m, rx;
  if (fabs(a.h) <= DD_EXPM1_SMALL)
    return expm1_small(a, DDM_PARTS_FIND(v, &p, &j, &m, &rx) && rx ? p : poly_m1(v));
  p = exp_parts(v, &j, &m, &rx);
  return expm1_from(a, p, j, m);
}

/* both, as ddr_exp and ddr_expm1 give them (the same values and bounds),
 * from one reduction and one polynomial: the two share e^r - 1, and for
 * |a| <= DD_EXPM1_SMALL the reduction leaves a itself (k = 0), checked */
DDM_API void ddr_exp_expm1(ddr a, ddr *E, ddr *M) {
  if (!exp_domain(a)) {
    *E = ddr_exp(a);
    *M = ddr_expm1(a);
    return;
  }
  int j, m, rx;
  dd v = ddr_val(a);
  dd p = exp_parts(v, &j, &m, &rx);
  *E = exp_bounded(a, exp_value(p, j, m));
  if (fabs(a.h) > DD_EXPM1_SMALL)
    *M = expm1_from(a, p, j, m);
  else
    *M = expm1_small(a, rx ? p : poly_m1(v));
}

DDM_API ddr ddr_log1p(ddr z) {
  if (!(z.h >= 0) || !(z.e <= 0x1p-40 * (1 + z.h))) {
    ddr bad = {log1p(z.h), 0, INFINITY};
    return bad;
  }
  if (z.h == 0 && z.l == 0) return ddr_of(dd_from(0.0), z.e * 1.0000001);
  double y0;
  if (!DDM_LOG1P_FIND(z.h, &y0)) y0 = log1p(z.h);
  ddr w = ddr_expm1(ddr_exact(y0, 0));
  ddr rho = ddr_div(ddr_sub(z, w), ddr_add_d(w, 1.0));
  double rm = fabs(rho.h) * DD_MAG + rho.e;
  if (!(rm < 0x1p-30)) {
    ddr bad = {y0, 0, INFINITY};
    return bad;
  }
  /* log1p(rho_t) for |rho_t - rho| <= rho.e: log1p's slope is <= 1/(1 - rm);
   * the series after rho^2/2 is below rm^3/(3 (1 - rm)); -rho.h^2/2 in
   * double is off by u rho.h^2/2 and ignores rho.l (2 |rho.h rho.l|) */
  double q = -0.5 * rho.h * rho.h;
  dd s = dd_add_d(ddr_val(rho), q);
  double e = rho.e * (1 + 2 * rm) + rm * rm * rm + 0x1p-52 * fabs(q) + 2.1 * fabs(rho.h * rho.l) +
             2.0001 * DD_U2 * fabs(s.h);
  ddr r = ddr_add(ddr_exact(y0, 0), ddr_of(s, e * DD_BUMP));
  return r;
}

/* ---- Phi */
#define PHI_STEP 128               /* centers c = -i/128 */
#define PHI_IMAX (PHI_STEP * 18)   /* down to c = -18 */
static dd phi_c[PHI_IMAX + 1];     /* Phi(c) */
static dd dens_c[PHI_IMAX + 1];    /* phi(c) */
static double bnd_c[PHI_IMAX + 1]; /* B_c */
static double sqfact_over[64];     /* sqrt(N!) / (N+1)! */

static void init_phi(void) {
  mpfr_t c, v, w, s;
  mpfr_inits2(240, c, v, w, s, (mpfr_ptr)0);
  mpfr_const_pi(s, MPFR_RNDN);
  mpfr_mul_2ui(s, s, 1, MPFR_RNDN);
  mpfr_rec_sqrt(s, s, MPFR_RNDN); /* 1/sqrt(2 pi) */
  for (int i = 0; i <= PHI_IMAX; i++) {
    /* Phi(c) = erfc(-c/sqrt 2)/2 */
    mpfr_set_si(c, -i, MPFR_RNDN);
    mpfr_div_ui(c, c, PHI_STEP, MPFR_RNDN);
    mpfr_sqrt_ui(w, 2, MPFR_RNDN);
    mpfr_div(v, c, w, MPFR_RNDN);
    mpfr_neg(v, v, MPFR_RNDN);
    mpfr_erfc(v, v, MPFR_RNDN);
    mpfr_div_2ui(v, v, 1, MPFR_RNDN);
    phi_c[i] = dd_of_mpfr(v);
    /* phi(c) */
    mpfr_sqr(v, c, MPFR_RNDN);
    mpfr_div_2ui(v, v, 1, MPFR_RNDN);
    mpfr_neg(v, v, MPFR_RNDN);
    mpfr_exp(v, v, MPFR_RNDN);
    mpfr_mul(v, v, s, MPFR_RNDN);
    dens_c[i] = dd_of_mpfr(v);
    /* B_c, rounded up by a margin of 2^-20 */
    double cmin = i == 0 ? 0.0 : (i - 0.5) / PHI_STEP; /* smallest |xi| */
    mpfr_set_si(v, -(2 * i + 1), MPFR_RNDN);           /* c - 1/256 */
    mpfr_div_ui(v, v, 2 * PHI_STEP, MPFR_RNDN);
    mpfr_div(v, v, w, MPFR_RNDN);
    mpfr_neg(v, v, MPFR_RNDN);
    mpfr_erfc(v, v, MPFR_RNDD);
    mpfr_div_2ui(v, v, 1, MPFR_RNDD); /* Phi(c - 1/256), rounded down */
    mpfr_set_d(w, -cmin * cmin / 4, MPFR_RNDU);
    mpfr_exp(w, w, MPFR_RNDU);
    mpfr_mul(w, w, s, MPFR_RNDU);
    mpfr_mul_d(w, w, 1.086435 * (1 + 0x1p-20), MPFR_RNDU);
    mpfr_div(w, w, v, MPFR_RNDU);
    bnd_c[i] = mpfr_get_d(w, MPFR_RNDU);
  }
  /* sqrt(N!) / (N+1)!, rounded up */
  for (int n = 0; n < 64; n++) {
    mpfr_fac_ui(v, (unsigned long)n, MPFR_RNDU);
    mpfr_sqrt(v, v, MPFR_RNDU);
    mpfr_fac_ui(w, (unsigned long)n + 1, MPFR_RNDD);
    mpfr_div(v, v, w, MPFR_RNDU);
    sqfact_over[n] = mpfr_get_d(v, MPFR_RNDU) * (1 + 0x1p-40);
  }
  mpfr_clears(c, v, w, s, (mpfr_ptr)0);
  mpfr_free_cache();
}

DDM_API ddr ddr_Phi_neg(double x) {
  if (!(x <= 0) || !(x >= -(double)PHI_IMAX / PHI_STEP + 0.5 / PHI_STEP)) {
    ddr bad = {0.5 * erfc(-x / sqrt(2.0)), 0, INFINITY};
    return bad;
  }
  int i = (int)act_rint(-x * PHI_STEP);
  double c = -(double)i / PHI_STEP;
  double h = x - c;  /* exact: x and c are multiples of 2^-149 below 2^5 */
  double hc = h * c; /* exact: at most 24 + 8 + 12 significant bits */
  double ah = fabs(h);
  /* Terms in double-double while they exceed 2^-50 |h|, then in double.
   * P_1 = -h c is exact, P_2 = ((h c)^2 - h^2)/2 one dd addition; after
   * that P_n = -(h c P_{n-1} + h^2 P_{n-2}) / n.  A running bound follows
   * each P_n's absolute error: the recurrence damps older errors (by
   * |h c|/n < 0.08 and h^2/n < 2^-16) and each step adds its own rounding
   * (four dd operations, 4u^2 each, or four double roundings, u each, of
   * the magnitudes involved). */
  dd hh = dd_two_prod(h, h);
  dd Pm1 = dd_from(-hc);                                         /* P_1 */
  dd P = dd_mul_d(dd_add(dd_two_prod(hc, hc), dd_neg(hh)), 0.5); /* P_2 */
  double em1 = 0, e = 4 * DD_U2 * fabs(P.h);
  dd S = dd_add(dd_from(h), dd_two_prod(-hc, 0.5 * h)); /* h + h P_1 / 2 */
  double eS = 4 * DD_U2 * ah;
  dd t = dd_div_d(dd_mul_d(P, h), 3.0);
  S = dd_add(S, t);
  eS += ah * e / 3 + 6 * DD_U2 * (fabs(t.h) + ah);
  int n = 3;
  double hp = ah * ah * ah * ah; /* |h|^(n+1) */
  double B = bnd_c[i];
  double rem = B * sqfact_over[n] * hp; /* remainder bound after degree n */
  while (rem > 0x1p-112 && fmax(fabs(P.h), fabs(Pm1.h)) > 0x1p-50) {
    dd a1 = dd_mul_d(P, hc), a2 = dd_mul(hh, Pm1);
    dd Pn = dd_neg(dd_div_d(dd_add(a1, a2), (double)n));
    double en = (fabs(hc) * e + hh.h * 1.0001 * em1 + 12 * DD_U2 * (fabs(a1.h) + fabs(a2.h))) / n;
    t = dd_div_d(dd_mul_d(Pn, h), (double)(n + 1));
    S = dd_add(S, t);
    eS += ah * en / (n + 1) + 6 * DD_U2 * (fabs(t.h) + fabs(S.h));
    Pm1 = P, P = Pn, em1 = e, e = en;
    n++;
    hp *= ah;
    rem = B * sqfact_over[n] * hp;
  }
  double pkm1 = Pm1.h, pk = P.h, hhd = hh.h;
  em1 += fabs(Pm1.l), e += fabs(P.l);
  double tail = 0, etail = 0, tail_abs = 0;
  while (rem > 0x1p-112 && n < 60) {
    double a1 = hc * pk, a2 = hhd * pkm1;
    double pn = -(a1 + a2) / n; /* P_n */
    double en =
        (fabs(hc) * e + hhd * 1.0001 * em1 + 0x1p-51 * (fabs(a1) + fabs(a2)) + fabs(hh.l * pkm1)) /
        n;
    double term = h * pn / (n + 1);
    tail += term;
    tail_abs += fabs(term);
    etail += ah * en / (n + 1) + 0x1p-52 * fabs(term) + 0x1p-53 * tail_abs;
    pkm1 = pk, pk = pn, em1 = e, e = en;
    n++;
    hp *= ah;
    rem = B * sqfact_over[n] * hp;
  }
  ddr Sr = {S.h, S.l, eS * DD_BUMP};
  Sr = ddr_add(Sr, ddr_of(dd_from(tail), etail * DD_BUMP));
  /* Phi(x) = Phi(c) + phi(c) S, Phi(c), phi(c) within u^2 relative */
  ddr Pc = {phi_c[i].h, phi_c[i].l, DD_U2 * fabs(phi_c[i].h)};
  ddr dc = {dens_c[i].h, dens_c[i].l, DD_U2 * fabs(dens_c[i].h)};
  ddr r = ddr_add(Pc, ddr_mul(dc, Sr));
  /* the truncation: rem relative to Phi(x) <= |r| + r.e */
  r.e = (r.e + rem * (fabs(r.h) * DD_MAG + r.e)) * DD_BUMP;
  return r;
}

static pthread_once_t once_exp = PTHREAD_ONCE_INIT, once_phi = PTHREAD_ONCE_INIT;
DDM_API void ddmath_init(void) {
  pthread_once(&once_exp, init_exp);
}
DDM_API void ddmath_init_phi(void) {
  pthread_once(&once_exp, init_exp);
  pthread_once(&once_phi, init_phi);
}
