/* actbench: exact references with MPFR.
 *
 * Each activation is evaluated at working precision P from its mathematical
 * definition, with a bound on the relative error of the evaluation (every
 * MPFR operation is correctly rounded, so each contributes at most 2^-P).
 * Ziv's strategy settles the rounding: when mpfr_can_round cannot prove that
 * the approximation rounds like the exact value at the precision the float
 * result has at that magnitude (24 bits, fewer for subnormals), P is doubled.
 * Results that are exactly representable (x = 0, the piecewise-linear
 * activations) are recognised from the ternary values and need no loop.
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <mpfr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "descriptor.h"
#include "numerics.h"
#include "util.h"

/* Evaluate at precision prec into v (the activation's descriptor, mpfr).
 * Returns the number of bits lost: the relative error is below
 * 2^(lost - prec); -1 when v is exact. */
static int eval(int id, int deriv, float x, const act_params *p, mpfr_t v, mpfr_prec_t prec) {
  mpfr_set_prec(v, prec);
  return act_activations[id]->mpfr(deriv, x, p, v, (long)prec);
}

/* Tails where f (or f') is a float F plus a term far below F's half-ulp
 * (|delta| < 2^-150 |F|): there RN is F itself, while Ziv's loop would need
 * about -log2|delta| bits to see the difference.  hi = F, lo = delta (a tiny
 * stand-in with delta's sign when delta is below the doubles).  Returns 1
 * when x is in such a tail. */
static int tail(int id, int deriv, float xf, const act_params *p, act_ref *out) {
  double F = NAN, d = 0;
  const act_activation *act = act_activations[id];
  if (!act->mpfr_tail || !act->mpfr_tail(deriv, xf, p, &F, &d)) return 0;
  if (isinf(F)) { /* f(+-inf) = +-inf for the ones that tend to x */
    out->rn = (float)F, out->hi = F, out->lo = 0, out->cls = ACT_REF_INF, out->exact_zero = 0;
    return 1;
  }
  /* At x = +-inf the value is the limit itself, exactly.  Elsewhere
   * |d| < 2^-150 |F| (or the value is below 2^-280): the canonical value
   * (64 bits, 2^-189) is F itself, or a zero with the value's sign. */
  int at_limit = isinf(xf) || !isfinite(d);
  if (at_limit) d = 0;
  out->cls = ACT_REF_FINITE;
  out->lo = 0;
  if (F == 0) {
    out->rn = signbit(d) ? -0.0f : 0.0f;
    out->hi = signbit(d) ? -0.0 : 0.0;
    out->exact_zero = (unsigned char)at_limit;
  } else {
    out->rn = (float)F, out->hi = F;
    out->exact_zero = 0;
  }
  return 1;
}

/* Round v (exact when exact != 0, else within a relative 2^(lost - prec) of
 * the exact value) to the binary format with p significand bits and
 * smallest subnormal 2^emin_sub, values from 2^(emax+1) on (after rounding)
 * becoming infinities (emax = INT_MAX: no overflow).  The result goes to r
 * (its precision is set here).  Returns 0 when the approximation cannot
 * decide the rounding (Ziv's loop then raises the precision). */
/* sign of |v| - 2^k for a nonzero finite v */
static int cmpabs_2exp(mpfr_srcptr v, mpfr_exp_t k) {
  mpfr_exp_t e = mpfr_get_exp(v);
  if (e - 1 != k) return e - 1 > k ? 1 : -1;
  return mpfr_signbit(v) ? -mpfr_cmp_si_2exp(v, -1, k) : mpfr_cmp_ui_2exp(v, 1, k);
}

static int round_fmt(mpfr_srcptr v, int exact, int lost, int p, int emin_sub, int emax, mpfr_t r) {
  if (mpfr_nan_p(v) || mpfr_inf_p(v) || mpfr_zero_p(v)) {
    /* a zero: exact, or an underflow of the working exponent range (far below
     * 2^-300 either way) */
    mpfr_set_prec(r, p);
    mpfr_set(r, v, MPFR_RNDN);
    return 1;
  }
  mpfr_exp_t ex = mpfr_get_exp(v); /* 2^(ex-1) <= |v| < 2^ex */
  int neg = mpfr_signbit(v) != 0;
  if (emax != INT_MAX && ex > emax + 2) {
    mpfr_set_prec(r, p);
    mpfr_set_inf(r, neg ? -1 : 1);
    return 1;
  }
  if (ex < emin_sub - 1) { /* |v| < 2^(emin_sub - 2): rounds to a zero */
    mpfr_set_prec(r, p);
    mpfr_set_zero(r, neg ? -1 : 1);
    return 1;
  }
  long q = ex - emin_sub >= p ? p : ex - emin_sub; /* bits at this magnitude */
  mpfr_prec_t pv = mpfr_get_prec(v);
  if (q <= 0) {
    /* 2^(emin_sub-2) <= |v| < 2^emin_sub: 0 or 2^emin_sub, the tie at
     * 2^(emin_sub-1) going to 0 (even) */
    int c = cmpabs_2exp(v, emin_sub - 1);
    if (!exact) {
      /* decided only if |v| is off the tie by more than the error bound */
      mpfr_t d;
      mpfr_init2(d, pv + 8);
      mpfr_set_ui_2exp(d, 1, emin_sub - 1, MPFR_RNDN);
      mpfr_sub(d, d, v, MPFR_RNDN);
      if (neg) mpfr_neg(d, d, MPFR_RNDN);
      mpfr_abs(d, d, MPFR_RNDN);
      int ok = c != 0 && mpfr_cmp_ui_2exp(d, 1, ex - (mpfr_exp_t)pv + lost + 2) > 0;
      mpfr_clear(d);
      if (!ok) return 0;
    }
    mpfr_set_prec(r, p);
    if (c > 0)
      mpfr_set_ui_2exp(r, 1, emin_sub, MPFR_RNDN);
    else
      mpfr_set_zero(r, 1);
    if (neg) mpfr_neg(r, r, MPFR_RNDN);
    return 1;
  }
  if (!exact && !mpfr_can_round(v, pv - lost, MPFR_RNDN, MPFR_RNDZ, q + 1)) return 0;
  mpfr_set_prec(r, q);
  mpfr_set(r, v, MPFR_RNDN); /* the one rounding */
  if (emax != INT_MAX && cmpabs_2exp(r, emax + 1) >= 0) mpfr_set_inf(r, neg ? -1 : 1);
  return 1;
}

static void set_nan(act_ref *out) {
  out->hi = NAN;
  out->lo = 0;
  out->rn = NAN;
  out->cls = ACT_REF_NAN;
  out->exact_zero = 0;
}

int act_reference_id(int id, int deriv, float x, const act_params *p, act_ref *out) {
  if (id < 0 || id >= (int)act_activation_count) return -1;
  if (isnan(x)) {
    set_nan(out);
    return 0;
  }
  if (tail(id, deriv, x, p, out)) return 0;
  mpfr_t v, rf, rc;
  mpfr_init2(v, 64);
  mpfr_init2(rf, 64);
  mpfr_init2(rc, 64);
  int lost;
  for (mpfr_prec_t prec = 128;; prec *= 2) {
    lost = eval(id, deriv, x, p, v, prec);
    if (round_fmt(v, lost < 0, lost < 0 ? 0 : lost, act_binary32.p, act_binary32.emin_sub,
                  act_binary32.emax, rf) &&
        round_fmt(v, lost < 0, lost < 0 ? 0 : lost, ACT_CANON_P, ACT_CANON_EMIN, INT_MAX, rc))
      break;
    if (prec > 8192) { /* cannot happen for these functions; fail loudly */
      fprintf(stderr, "actbench: reference for %s%s(%a) did not settle\n",
              act_activations[id]->name, deriv ? "'" : "", (double)x);
      abort();
    }
  }
  out->exact_zero = 0;
  if (mpfr_nan_p(v)) {
    set_nan(out);
  } else if (mpfr_inf_p(v)) {
    out->hi = mpfr_sgn(v) > 0 ? INFINITY : -INFINITY;
    out->lo = 0;
    out->rn = (float)out->hi;
    out->cls = ACT_REF_INF;
  } else {
    out->rn = mpfr_get_flt(rf, MPFR_RNDN);
    out->hi = mpfr_get_d(rc, MPFR_RNDN);
    mpfr_sub_d(rc, rc, out->hi, MPFR_RNDN); /* exact: rc has at most 64 bits */
    out->lo = mpfr_get_d(rc, MPFR_RNDN);
    out->cls = ACT_REF_FINITE;
    out->exact_zero = lost < 0 && mpfr_zero_p(v);
  }
  mpfr_clears(v, rf, rc, (mpfr_ptr)0);
  return 0;
}

int act_reference(const char *activation, int deriv, float x, const act_params *p, act_ref *out) {
  return act_reference_id(act_activation_id(activation), deriv, x, p, out);
}

float act_reference_narrow(int id, int deriv, float x, const act_params *p, const act_format *fmt) {
  if (id < 0 || id >= (int)act_activation_count) return NAN;
  if (isnan(x)) return NAN;
  act_ref t;
  if (tail(id, deriv, x, p, &t)) {
    /* the value is F + d with |d| < 2^-150 |F|, or a signed zero: RN in the
     * narrow format is RN of F there (F is 0, +-1, an integer-like limit or
     * x itself, far from a narrow tie by construction) */
    if (t.cls == ACT_REF_INF) return t.rn;
    mpfr_t v, r;
    mpfr_init2(v, 64);
    mpfr_init2(r, 64);
    mpfr_set_d(v, t.hi, MPFR_RNDN);
    round_fmt(v, 1, 0, fmt->p, fmt->emin_sub, fmt->emax, r);
    float out = mpfr_get_flt(r, MPFR_RNDN);
    mpfr_clears(v, r, (mpfr_ptr)0);
    return out;
  }
  mpfr_t v, r;
  mpfr_init2(v, 64);
  mpfr_init2(r, 64);
  float out;
  for (mpfr_prec_t prec = 64;; prec *= 2) {
    int lost = eval(id, deriv, x, p, v, prec);
    if (round_fmt(v, lost < 0, lost < 0 ? 0 : lost, fmt->p, fmt->emin_sub, fmt->emax, r)) {
      out = mpfr_get_flt(r, MPFR_RNDN);
      break;
    }
    if (prec > 8192) {
      fprintf(stderr, "actbench: %s reference for %s%s(%a) did not settle\n", fmt->name,
              act_activations[id]->name, deriv ? "'" : "", (double)x);
      abort();
    }
  }
  mpfr_clears(v, r, (mpfr_ptr)0);
  return out;
}

int act_reference_many(const char *activation, int deriv, const float *x, size_t n,
                       const act_params *p, act_ref *out) {
  int id = act_activation_id(activation);
  if (id < 0) return -1;
  long long nn = (long long)n;
#pragma omp parallel for schedule(dynamic, 4096)
  for (long long i = 0; i < nn; i++) act_reference_id(id, deriv, x[i], p, &out[i]);
  mpfr_free_cache();
  return 0;
}

float act_ref_first_equal(const char *activation, int deriv, const act_params *p, int dir,
                          float target) {
  /* The largest float order k from |x| = 1 outward with RN != target, by
   * bisection: valid where RN == target holds from some point on to FLT_MAX
   * (the tails of the activations; zeros compare equal whatever their sign). */
  act_ref r;
  int64_t lo = 0x3f800000, hi = 0x7f7fffff; /* 1 .. FLT_MAX in bit order */
  float sgn = dir < 0 ? -1.0f : 1.0f;
#define AT(k) (sgn * act_bits_float((uint32_t)(k)))
  act_reference(activation, deriv, AT(hi), p, &r);
  if (r.rn != target) return NAN;
  act_reference(activation, deriv, AT(lo), p, &r);
  if (r.rn == target) return AT(lo);
  while (hi - lo > 1) {
    int64_t mid = lo + (hi - lo) / 2;
    act_reference(activation, deriv, AT(mid), p, &r);
    if (r.rn == target)
      hi = mid;
    else
      lo = mid;
  }
  return AT(hi);
#undef AT
}
