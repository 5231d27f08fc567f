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
#include <math.h>
#include <mpfr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "util.h"

enum { ACT_SIGMOID, ACT_TANH, ACT_RELU, ACT_LEAKY, ACT_UNKNOWN };

static int activation_id(const char *name) {
  if (!strcmp(name, "sigmoid")) return ACT_SIGMOID;
  if (!strcmp(name, "tanh")) return ACT_TANH;
  if (!strcmp(name, "relu")) return ACT_RELU;
  if (!strcmp(name, "leaky_relu")) return ACT_LEAKY;
  return ACT_UNKNOWN;
}

/* Evaluate at precision prec into v. Returns the number of bits lost: the
 * relative error is below 2^(lost - prec); -1 when v is exact. */
static int eval(int id, int deriv, float x, const act_params *p, mpfr_t v, mpfr_prec_t prec) {
  mpfr_t t, e, s;
  int inex = 0, lost = 0;
  mpfr_set_prec(v, prec);
  mpfr_inits2(prec + 64, t, e, s, (mpfr_ptr)0);
  switch (id) {
    case ACT_SIGMOID:
      /* t = a x exactly (48 bits suffice for a product of two floats) */
      mpfr_set_flt(t, p->a, MPFR_RNDN);
      inex |= mpfr_mul_d(t, t, (double)x, MPFR_RNDN);
      mpfr_set_prec(e, prec);
      mpfr_set_prec(s, prec);
      if (!deriv) {
        /* sigma(t) = 1 / (1 + exp(-t)): three roundings, no cancellation */
        mpfr_neg(e, t, MPFR_RNDN);
        inex |= mpfr_exp(e, e, MPFR_RNDN);
        inex |= mpfr_add_ui(s, e, 1, MPFR_RNDN);
        inex |= mpfr_ui_div(v, 1, s, MPFR_RNDN);
        lost = 3;
      } else {
        /* a sigma'(t) = a e / (1 + e)^2, e = exp(-|t|): five roundings */
        mpfr_abs(e, t, MPFR_RNDN);
        mpfr_neg(e, e, MPFR_RNDN);
        inex |= mpfr_exp(e, e, MPFR_RNDN);
        inex |= mpfr_add_ui(s, e, 1, MPFR_RNDN);
        inex |= mpfr_sqr(s, s, MPFR_RNDN);
        inex |= mpfr_div(v, e, s, MPFR_RNDN);
        inex |= mpfr_mul_d(v, v, (double)p->a, MPFR_RNDN);
        lost = 4;
      }
      break;
    case ACT_TANH:
      mpfr_set_flt(t, x, MPFR_RNDN);
      if (!deriv) {
        inex |= mpfr_tanh(v, t, MPFR_RNDN);
        lost = 1;
      } else {
        /* 1 - tanh^2 x = sech^2 x: two roundings, no cancellation */
        mpfr_set_prec(e, prec);
        inex |= mpfr_sech(e, t, MPFR_RNDN);
        inex |= mpfr_sqr(v, e, MPFR_RNDN);
        lost = 2;
      }
      break;
    case ACT_RELU:
      if (!deriv) {
        if (x > 0)
          mpfr_set_flt(v, x, MPFR_RNDN);
        else
          mpfr_set_zero(v, 1);
      } else {
        mpfr_set_ui(v, x > 0 ? 1 : 0, MPFR_RNDN);
      }
      break;
    case ACT_LEAKY:
      if (!deriv) {
        if (x > 0) {
          mpfr_set_flt(v, x, MPFR_RNDN);
        } else if (p->a == 0) {
          mpfr_set_zero(v, 1); /* max(0 x, x) = 0 for x <= 0, -inf included */
        } else {
          mpfr_set_prec(v, prec < 64 ? 64 : prec);
          mpfr_set_flt(v, p->a, MPFR_RNDN);
          inex |= mpfr_mul_d(v, v, (double)x, MPFR_RNDN); /* exact: 48 bits */
        }
      } else {
        if (x > 0)
          mpfr_set_ui(v, 1, MPFR_RNDN);
        else
          mpfr_set_flt(v, p->a, MPFR_RNDN);
      }
      break;
  }
  mpfr_clears(t, e, s, (mpfr_ptr)0);
  return inex ? lost : -1;
}

/* Round v (exact when exact != 0) to binary32 with subnormals, or report that
 * the approximation cannot decide (returns 0). */
static int round_float(mpfr_srcptr v, int exact, int lost, float *out) {
  if (mpfr_nan_p(v)) {
    *out = NAN;
    return 1;
  }
  if (mpfr_inf_p(v)) {
    *out = mpfr_sgn(v) > 0 ? INFINITY : -INFINITY;
    return 1;
  }
  if (mpfr_zero_p(v)) {
    /* exact zero, or an underflow of the working exponent range: far below
     * 2^-150 either way */
    *out = mpfr_signbit(v) ? -0.0f : 0.0f;
    return 1;
  }
  mpfr_exp_t ex = mpfr_get_exp(v); /* 2^(ex-1) <= |v| < 2^ex */
  int neg = mpfr_signbit(v) != 0;
  if (ex < -200) { /* |exact| < 2^-199: rounds to zero */
    *out = neg ? -0.0f : 0.0f;
    return 1;
  }
  if (ex > 129) {
    *out = neg ? -INFINITY : INFINITY;
    return 1;
  }
  long q = ex >= -125 ? 24 : ex + 149; /* bits the float has at this magnitude */
  long qc = q < 1 ? 1 : q;
  if (!exact) {
    mpfr_prec_t pv = mpfr_get_prec(v);
    if (!mpfr_can_round(v, pv - lost, MPFR_RNDN, MPFR_RNDZ, qc + 1)) return 0;
  }
  if (q >= 1) {
    mpfr_t r;
    mpfr_init2(r, q);
    mpfr_set(r, v, MPFR_RNDN); /* the one rounding; r is then a float value */
    *out = mpfr_get_flt(r, MPFR_RNDN);
    mpfr_clear(r);
  } else if (q == 0) { /* 2^-150 <= |v| < 2^-149: 2^-149 above the tie, 0 at it */
    int tie = exact && mpfr_cmp_si_2exp(v, neg ? -1 : 1, -150) == 0;
    float m = tie ? 0.0f : 0x1p-149f;
    *out = neg ? -m : m;
  } else {
    *out = neg ? -0.0f : 0.0f;
  }
  return 1;
}

int act_reference(const char *activation, int deriv, float x, const act_params *p, act_ref *out) {
  int id = activation_id(activation);
  if (id == ACT_UNKNOWN) return -1;
  if (isnan(x)) {
    out->hi = NAN;
    out->lo = 0;
    out->rn = NAN;
    out->cls = ACT_REF_NAN;
    return 0;
  }
  /* Next to an asymptote (sigma -> 1, tanh -> +-1) the exact value differs
   * from the asymptote by less than 2^-180: RN is the asymptote, and Ziv's
   * loop would need thousands of bits to see the difference. */
  double t = id == ACT_SIGMOID ? (double)p->a * (double)x : (double)x;
  if (!deriv && ((id == ACT_SIGMOID && t > 128) || (id == ACT_TANH && fabs(t) > 64))) {
    double sgn = t > 0 ? 1.0 : -1.0;
    out->rn = (float)sgn;
    out->hi = sgn;
    out->lo = id == ACT_SIGMOID ? -exp(-t) : -sgn * 2.0 * exp(-2.0 * fabs(t));
    out->cls = ACT_REF_FINITE;
    return 0;
  }
  mpfr_t v, r;
  mpfr_init2(v, 64);
  mpfr_init2(r, 64);
  for (mpfr_prec_t prec = 64;; prec *= 2) {
    int lost = eval(id, deriv, x, p, v, prec);
    float rn;
    if (round_float(v, lost < 0, lost < 0 ? 0 : lost, &rn)) {
      out->rn = rn;
      break;
    }
    if (prec > 4096) { /* cannot happen for these functions; fail loudly */
      fprintf(stderr, "actbench: reference for %s%s(%a) did not settle\n", activation,
              deriv ? "'" : "", (double)x);
      abort();
    }
  }
  if (mpfr_nan_p(v)) {
    out->hi = NAN;
    out->lo = 0;
    out->cls = ACT_REF_NAN;
  } else if (mpfr_inf_p(v)) {
    out->hi = mpfr_sgn(v) > 0 ? INFINITY : -INFINITY;
    out->lo = 0;
    out->cls = ACT_REF_INF;
  } else {
    out->hi = mpfr_get_d(v, MPFR_RNDN);
    mpfr_set_prec(r, mpfr_get_prec(v));
    mpfr_sub_d(r, v, out->hi, MPFR_RNDN);
    out->lo = mpfr_get_d(r, MPFR_RNDN);
    out->cls = ACT_REF_FINITE;
  }
  mpfr_clear(v);
  mpfr_clear(r);
  return 0;
}

int act_reference_many(const char *activation, int deriv, const float *x, size_t n,
                       const act_params *p, act_ref *out) {
  if (activation_id(activation) == ACT_UNKNOWN) return -1;
  long long nn = (long long)n;
#pragma omp parallel for schedule(dynamic, 4096)
  for (long long i = 0; i < nn; i++) act_reference(activation, deriv, x[i], p, &out[i]);
  mpfr_free_cache();
  return 0;
}

float act_ref_first_equal(const char *activation, int deriv, const act_params *p, int dir,
                          float target) {
  /* Largest k (float order from 0 outward) with RN != target, by bisection:
   * valid where the function is monotone in the tail, which holds for the
   * activations with asymptotes (sigmoid, tanh and their derivatives). */
  act_ref r;
  int64_t lo = 0, hi = 0x7f7fffff; /* +0 .. FLT_MAX in bit order */
  float sgn = dir < 0 ? -1.0f : 1.0f;
#define AT(k) (sgn * act_bits_float((uint32_t)(k)))
  float xmax = sgn * FLT_MAX;
  act_reference(activation, deriv, xmax, p, &r);
  if (!(r.rn == target && signbit(r.rn) == signbit(target))) return NAN;
  while (hi - lo > 1) {
    int64_t mid = lo + (hi - lo) / 2;
    act_reference(activation, deriv, AT(mid), p, &r);
    if (r.rn == target && signbit(r.rn) == signbit(target))
      hi = mid;
    else
      lo = mid;
  }
  return AT(hi);
#undef AT
}
