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

#include "accuracy.h"
#include "util.h"

static const char *const k_names[] = {
    "sigmoid",   "tanh", "relu",     "leaky_relu", "elu",         "selu",      "gelu",
    "gelu_tanh", "silu", "softplus", "mish",       "hardsigmoid", "hardswish", "logsigmoid"};

_Static_assert(sizeof k_names / sizeof k_names[0] == ACT_UNKNOWN, "one name per activation id");

static int activation_id(const char *name) {
  for (int i = 0; i < ACT_UNKNOWN; i++)
    if (!strcmp(name, k_names[i])) return i;
  return ACT_UNKNOWN;
}

int act_activation_id(const char *activation) {
  int id = activation ? activation_id(activation) : ACT_UNKNOWN;
  return id == ACT_UNKNOWN ? -1 : id;
}

/* SELU's constants, as defined (Klambauer et al. 2017), to 32 digits */
#define SELU_LAMBDA "1.0507009873554804934193349852946"
#define SELU_ALPHA "1.6732632423543772848170429916717"

/* ---- small pieces with their error accounting.  "lost" is the bound on the
 * relative error in units of 2^-P: each correctly rounded operation adds at
 * most 1 (2^-P for RN at precision P); exp(g) multiplies the absolute error of
 * g into its relative error; a sum whose terms cancel loses the bits between
 * the larger term's exponent and the result's. */

static int ilog2_ceil(double v) { /* smallest k with 2^k >= v, for v >= 1 */
  int k = 0;
  while (k < 2000 && ldexp(1.0, k) < v) k++;
  return k;
}

/* r = 1 / (1 + exp(-t)) for an exact t: three roundings */
static int sigma_of(mpfr_t r, mpfr_srcptr t, int *inex) {
  mpfr_t e;
  mpfr_init2(e, mpfr_get_prec(r));
  mpfr_neg(e, t, MPFR_RNDN);
  *inex |= mpfr_exp(e, e, MPFR_RNDN);
  *inex |= mpfr_add_ui(e, e, 1, MPFR_RNDN);
  *inex |= mpfr_ui_div(r, 1, e, MPFR_RNDN);
  mpfr_clear(e);
  return 3;
}

/* r = a + b where a and b carry relative errors of 2^(la - P) and 2^(lb - P):
 * returns the bound for r, the cancellation included.  An exact zero sum of
 * inexact terms returns a bound of 2P, which sends Ziv's loop on. */
static int add_lost(mpfr_t r, mpfr_srcptr a, int la, mpfr_srcptr b, int lb, int *inex) {
  mpfr_exp_t ea = mpfr_zero_p(a) ? mpfr_get_emin() : mpfr_get_exp(a);
  mpfr_exp_t eb = mpfr_zero_p(b) ? mpfr_get_emin() : mpfr_get_exp(b);
  *inex |= mpfr_add(r, a, b, MPFR_RNDN);
  int l = (la > lb ? la : lb) + 2;
  if (mpfr_zero_p(r)) return *inex ? 2 * (int)mpfr_get_prec(r) : l;
  mpfr_exp_t er = mpfr_get_exp(r), em = ea > eb ? ea : eb;
  if (em > er) l += (int)(em - er);
  return l;
}

/* Evaluate at precision prec into v.  Returns the number of bits lost: the
 * relative error is below 2^(lost - prec); -1 when v is exact. */
static int eval(int id, int deriv, float x, const act_params *p, mpfr_t v, mpfr_prec_t prec) {
  mpfr_t t, e, s, a, b, c;
  int inex = 0, lost = 0;
  mpfr_set_prec(v, prec);
  mpfr_inits2(prec, e, s, a, b, c, (mpfr_ptr)0);
  mpfr_init2(t, prec + 512); /* exact products and sums of floats */
  mpfr_set_flt(t, x, MPFR_RNDN);
  switch (id) {
    case ACT_SIGMOID:
      mpfr_mul_d(t, t, (double)p->a, MPFR_RNDN); /* t = a x, exact */
      if (!deriv) {
        lost = sigma_of(v, t, &inex); /* no cancellation */
      } else {
        /* a sigma'(t) = a e / (1 + e)^2, e = exp(-|t|) */
        mpfr_abs(e, t, MPFR_RNDN);
        mpfr_neg(e, e, MPFR_RNDN);
        inex |= mpfr_exp(e, e, MPFR_RNDN);
        inex |= mpfr_add_ui(s, e, 1, MPFR_RNDN);
        inex |= mpfr_sqr(s, s, MPFR_RNDN);
        inex |= mpfr_div(v, e, s, MPFR_RNDN);
        inex |= mpfr_mul_d(v, v, (double)p->a, MPFR_RNDN);
        lost = 6;
      }
      break;
    case ACT_TANH:
      if (!deriv) {
        inex |= mpfr_tanh(v, t, MPFR_RNDN);
        lost = 1;
      } else { /* 1 - tanh^2 x = sech^2 x */
        inex |= mpfr_sech(e, t, MPFR_RNDN);
        inex |= mpfr_sqr(v, e, MPFR_RNDN);
        lost = 3;
      }
      break;
    case ACT_RELU:
      if (!deriv)
        x > 0 ? mpfr_set_flt(v, x, MPFR_RNDN) : mpfr_set_zero(v, 1);
      else
        mpfr_set_ui(v, x > 0 ? 1 : 0, MPFR_RNDN);
      break;
    case ACT_LEAKY:
      if (!deriv) {
        if (x > 0) {
          mpfr_set_flt(v, x, MPFR_RNDN);
        } else if (p->a == 0) {
          mpfr_set_zero(v, 1); /* max(0 x, x) = 0 for x <= 0, -inf included */
        } else {
          mpfr_mul_d(t, t, (double)p->a, MPFR_RNDN); /* exact */
          inex |= mpfr_set(v, t, MPFR_RNDN);
          lost = 1;
        }
      } else {
        x > 0 ? mpfr_set_ui(v, 1, MPFR_RNDN) : mpfr_set_flt(v, p->a, MPFR_RNDN);
      }
      break;
    case ACT_ELU:  /* x for x > 0, a expm1(x); f' 1, a exp(x) (a at x = 0) */
    case ACT_SELU: /* lambda elu(x; alpha) */
      if (id == ACT_SELU) {
        mpfr_set_str(c, SELU_LAMBDA, 10, MPFR_RNDN);
        mpfr_set_str(a, SELU_ALPHA, 10, MPFR_RNDN);
        inex |= mpfr_mul(a, a, c, MPFR_RNDN); /* lambda alpha */
        inex |= 1;
        lost = 3;
      } else {
        mpfr_set_ui(c, 1, MPFR_RNDN);
        mpfr_set_flt(a, p->a, MPFR_RNDN);
      }
      if (x > 0) {
        if (!deriv)
          inex |= mpfr_mul(v, c, t, MPFR_RNDN);
        else
          inex |= mpfr_set(v, c, MPFR_RNDN);
        lost += 1;
      } else {
        if (!deriv)
          inex |= mpfr_expm1(e, t, MPFR_RNDN);
        else
          inex |= mpfr_exp(e, t, MPFR_RNDN);
        inex |= mpfr_mul(v, a, e, MPFR_RNDN);
        lost += 2;
      }
      break;
    case ACT_GELU: {
      /* Phi(x) = erfc(-x / sqrt 2) / 2: erfc amplifies its argument's relative
       * error by about 2 u^2 + 1 for u = -x/sqrt2 > 0 */
      mpfr_sqrt_ui(s, 2, MPFR_RNDN);
      inex |= mpfr_div(e, t, s, MPFR_RNDN);
      mpfr_neg(e, e, MPFR_RNDN);
      double u = mpfr_get_d(e, MPFR_RNDN);
      int lphi = 4 + (u > 0 ? ilog2_ceil(2 * u * u + 2) : 1);
      inex |= mpfr_erfc(a, e, MPFR_RNDN);
      mpfr_div_2ui(a, a, 1, MPFR_RNDN); /* Phi(x) */
      if (!deriv) {
        inex |= mpfr_mul(v, a, t, MPFR_RNDN);
        lost = lphi + 1;
      } else {
        /* Phi(x) + x phi(x), phi(x) = exp(-x^2/2) / sqrt(2 pi) */
        mpfr_sqr(b, t, MPFR_RNDN); /* b has prec P: x^2 needs 48 bits */
        mpfr_div_2ui(b, b, 1, MPFR_RNDN);
        mpfr_neg(b, b, MPFR_RNDN);
        inex |= mpfr_exp(b, b, MPFR_RNDN);
        mpfr_const_pi(c, MPFR_RNDN);
        mpfr_mul_2ui(c, c, 1, MPFR_RNDN);
        mpfr_sqrt(c, c, MPFR_RNDN);
        inex |= mpfr_div(b, b, c, MPFR_RNDN);
        inex |= mpfr_mul(b, b, t, MPFR_RNDN);
        if (x == 0) { /* Phi(0) = 1/2 exactly: no rounding to settle */
          mpfr_set_d(v, 0.5, MPFR_RNDN);
          inex = 0;
          break;
        }
        lost = add_lost(v, a, lphi, b, 6, &inex);
      }
      break;
    }
    case ACT_GELU_TANH: {
      /* x sigma(2u), u = sqrt(2/pi) (x + k x^3), k = 0.044715: 1 + tanh u =
       * 2 sigma(2u) avoids the cancellation of the negative tail */
      mpfr_t u, up;
      mpfr_inits2(prec, u, up, (mpfr_ptr)0);
      mpfr_const_pi(c, MPFR_RNDN);
      mpfr_ui_div(c, 2, c, MPFR_RNDN);
      mpfr_sqrt(c, c, MPFR_RNDN); /* sqrt(2/pi): 3 roundings */
      mpfr_set_str(b, "0.044715", 10, MPFR_RNDN);
      mpfr_t x3;
      mpfr_init2(x3, 128);
      mpfr_sqr(x3, t, MPFR_RNDN);
      mpfr_mul(x3, x3, t, MPFR_RNDN); /* exact: 72 bits */
      mpfr_mul(u, x3, b, MPFR_RNDN);
      mpfr_add(u, u, t, MPFR_RNDN);     /* same signs: no cancellation */
      mpfr_mul(u, u, c, MPFR_RNDN);     /* u: 6 roundings */
      mpfr_mul_2ui(u, u, 1, MPFR_RNDN); /* 2u */
      double au = fabs(mpfr_get_d(u, MPFR_RNDN));
      int lsig = 3 + 6 + ilog2_ceil(au + 1); /* exp(-2u) amplifies u's error by |2u| */
      inex = 1;
      sigma_of(a, u, &inex); /* sigma(2u) */
      if (!deriv) {
        mpfr_mul(v, a, t, MPFR_RNDN);
        lost = lsig + 1;
      } else {
        /* sigma(2u) + x 2u' sigma(2u) sigma(-2u), u' = sqrt(2/pi) (1 + 3k x^2) */
        mpfr_neg(u, u, MPFR_RNDN);
        sigma_of(e, u, &inex); /* sigma(-2u) */
        mpfr_sqr(up, t, MPFR_RNDN);
        mpfr_mul(up, up, b, MPFR_RNDN);
        mpfr_mul_ui(up, up, 3, MPFR_RNDN);
        mpfr_add_ui(up, up, 1, MPFR_RNDN);
        mpfr_mul(up, up, c, MPFR_RNDN);
        mpfr_mul_2ui(up, up, 1, MPFR_RNDN); /* 2u' */
        mpfr_mul(b, up, t, MPFR_RNDN);
        mpfr_mul(b, b, a, MPFR_RNDN);
        mpfr_mul(b, b, e, MPFR_RNDN);
        lost = add_lost(v, a, lsig, b, 2 * lsig + 8, &inex);
        if (x == 0) { /* sigma(0) = 1/2 exactly */
          mpfr_set_d(v, 0.5, MPFR_RNDN);
          inex = 0;
        }
      }
      mpfr_clears(u, up, x3, (mpfr_ptr)0);
      break;
    }
    case ACT_SILU:
      mpfr_mul_d(t, t, (double)p->a, MPFR_RNDN); /* t = beta x, exact */
      sigma_of(a, t, &inex);
      if (!deriv) {
        mpfr_set_flt(b, x, MPFR_RNDN);
        inex |= mpfr_mul(v, a, b, MPFR_RNDN);
        lost = 4;
      } else {
        /* sigma(t) + t sigma(t) sigma(-t) */
        mpfr_neg(s, t, MPFR_RNDN);
        sigma_of(e, s, &inex);
        inex |= mpfr_mul(b, a, e, MPFR_RNDN);
        inex |= mpfr_mul(b, b, t, MPFR_RNDN);
        lost = add_lost(v, a, 3, b, 9, &inex);
      }
      break;
    case ACT_SOFTPLUS:
      mpfr_mul_d(t, t, (double)p->a, MPFR_RNDN); /* t = beta x */
      if (!deriv) {
        /* log1p(exp t) / beta: log1p's condition number at exp(t) is <= 1 */
        inex |= mpfr_exp(e, t, MPFR_RNDN);
        inex |= mpfr_log1p(e, e, MPFR_RNDN);
        inex |= mpfr_div_d(v, e, (double)p->a, MPFR_RNDN);
        lost = 4;
      } else {
        lost = sigma_of(v, t, &inex);
      }
      break;
    case ACT_MISH: {
      /* x tanh(sp), sp = log1p(exp x); f' = tanh(sp) + x sech^2(sp) sigma(x) */
      inex |= mpfr_exp(e, t, MPFR_RNDN);
      inex |= mpfr_log1p(s, e, MPFR_RNDN); /* sp: 2 */
      inex |= mpfr_tanh(a, s, MPFR_RNDN);  /* tanh's condition number <= 1: 4 */
      if (!deriv) {
        inex |= mpfr_mul(v, a, t, MPFR_RNDN);
        lost = 5;
      } else {
        double sp = mpfr_get_d(s, MPFR_RNDN);
        int lb = 10 + ilog2_ceil(2 * sp + 1); /* sech amplifies sp's error by sp tanh sp */
        inex |= mpfr_sech(b, s, MPFR_RNDN);
        inex |= mpfr_sqr(b, b, MPFR_RNDN);
        sigma_of(c, t, &inex);
        inex |= mpfr_mul(b, b, c, MPFR_RNDN);
        inex |= mpfr_mul(b, b, t, MPFR_RNDN);
        lost = add_lost(v, a, 4, b, lb, &inex);
      }
      break;
    }
    case ACT_HARDSIGMOID:
      if (!deriv) {
        if (x <= -3)
          mpfr_set_zero(v, 1);
        else if (x >= 3)
          mpfr_set_ui(v, 1, MPFR_RNDN);
        else {
          mpfr_add_ui(t, t, 3, MPFR_RNDN); /* exact at this precision */
          inex |= mpfr_div_ui(v, t, 6, MPFR_RNDN);
          lost = 1;
        }
      } else {
        if (x > -3 && x < 3) {
          mpfr_set_ui(v, 1, MPFR_RNDN);
          inex |= mpfr_div_ui(v, v, 6, MPFR_RNDN);
          lost = 1;
        } else {
          mpfr_set_zero(v, 1);
        }
      }
      break;
    case ACT_HARDSWISH:
      if (!deriv) {
        if (x <= -3) {
          mpfr_set_zero(v, 1);
        } else if (x >= 3) {
          mpfr_set_flt(v, x, MPFR_RNDN);
        } else {
          mpfr_t q;
          mpfr_init2(q, prec + 1024);
          mpfr_add_ui(q, t, 3, MPFR_RNDN);
          mpfr_mul(q, q, t, MPFR_RNDN); /* x (x + 3), exact */
          inex |= mpfr_div_ui(v, q, 6, MPFR_RNDN);
          mpfr_clear(q);
          lost = 1;
        }
      } else {
        if (x < -3) {
          mpfr_set_zero(v, 1);
        } else if (x > 3) {
          mpfr_set_ui(v, 1, MPFR_RNDN);
        } else { /* (2x + 3) / 6 */
          mpfr_mul_2ui(t, t, 1, MPFR_RNDN);
          mpfr_add_ui(t, t, 3, MPFR_RNDN);
          inex |= mpfr_div_ui(v, t, 6, MPFR_RNDN);
          lost = 1;
        }
      }
      break;
    case ACT_LOGSIGMOID:
      if (!deriv) { /* -log1p(exp(-x)) */
        mpfr_neg(e, t, MPFR_RNDN);
        inex |= mpfr_exp(e, e, MPFR_RNDN);
        inex |= mpfr_log1p(e, e, MPFR_RNDN);
        mpfr_neg(v, e, MPFR_RNDN);
        inex |= mpfr_set(v, v, MPFR_RNDN);
        lost = 3;
      } else { /* sigma(-x) */
        mpfr_neg(t, t, MPFR_RNDN);
        lost = sigma_of(v, t, &inex);
      }
      break;
  }
  mpfr_clears(t, e, s, a, b, c, (mpfr_ptr)0);
  return inex ? lost + 1 : -1;
}

/* Tails where f (or f') is a float F plus a term far below F's half-ulp
 * (|delta| < 2^-150 |F|): there RN is F itself, while Ziv's loop would need
 * about -log2|delta| bits to see the difference.  hi = F, lo = delta (a tiny
 * stand-in with delta's sign when delta is below the doubles).  Returns 1
 * when x is in such a tail. */
static int tail(int id, int deriv, float xf, const act_params *p, act_ref *out) {
  double x = xf, a = p->a, F = NAN, d = 0;
  const double s2pi = 2.5066282746310002; /* sqrt(2 pi) */
  switch (id) {
    case ACT_SIGMOID:
      if (!deriv && a * x > 128) F = 1, d = -exp(-a * x);
      if (!deriv && a * x < -1e6) F = 0, d = 0; /* exp(-a x) beyond MPFR's range */
      break;
    case ACT_TANH:
      if (!deriv && fabs(x) > 64) F = x > 0 ? 1 : -1, d = -F * 2 * exp(-2 * fabs(x));
      break;
    case ACT_ELU:
      if (!deriv && x < -128) F = -a, d = a * exp(x);
      break;
    case ACT_GELU:
      /* x Phi(x) and Phi(x) + x phi(x) are below 2^-280 in magnitude (negative)
       * from x = -20 on: RN is -0 (and MPFR's erfc is slow out there) */
      if (x < -20) F = 0, d = -0.0;
      if (x > 16) {
        double q = 0.5 * erfc(x / sqrt(2.0)), ph = exp(-x * x / 2) / s2pi;
        F = deriv ? 1 : x, d = deriv ? x * ph - q : -x * q;
      }
      break;
    case ACT_GELU_TANH:
      if (x > 16) {
        double u2 = 2 * sqrt(2 / M_PI) * (x + 0.044715 * x * x * x);
        double sm = exp(-u2), up2 = 2 * sqrt(2 / M_PI) * (1 + 3 * 0.044715 * x * x);
        F = deriv ? 1 : x, d = deriv ? sm * (x * up2 - 1) : -x * sm;
      }
      if (x < -1000) F = 0, d = -0.0; /* exp(-2u) beyond MPFR's range; f and f' -> -0 */
      break;
    case ACT_SILU:
      if (a * x < -1e6) F = 0, d = deriv ? -0.0 : copysign(0.0, x); /* sigma below MPFR's range */
      if (a * x > 128) {
        double e = exp(-a * x);
        F = deriv ? 1 : x, d = deriv ? (a * x - 1) * e : -x * e;
      }
      break;
    case ACT_SOFTPLUS:
      if (a * x > 128) F = deriv ? 1 : x, d = deriv ? -exp(-a * x) : exp(-a * x) / a;
      break;
    case ACT_MISH:
      if (x < -1e6) F = 0, d = -0.0; /* exp(x) below MPFR's range; f and f' -> -0 */
      if (x > 64) {
        double e = exp(-2 * x);
        F = deriv ? 1 : x, d = deriv ? (4 * x - 2) * e : -2 * x * e;
      }
      break;
    case ACT_LOGSIGMOID:
      if (x < -128) F = deriv ? 1 : x, d = -exp(x);
      break;
  }
  if (isnan(F)) return 0;
  if (isinf(F)) { /* f(+-inf) = +-inf for the ones that tend to x */
    out->rn = (float)F, out->hi = F, out->lo = 0, out->cls = ACT_REF_INF, out->exact_zero = 0;
    return 1;
  }
  /* At x = +-inf the value is the limit itself, exactly.  Elsewhere
   * |d| < 2^-150 |F| (or the value is below 2^-280): the canonical value
   * (64 bits, 2^-189) is F itself, or a zero with the value's sign. */
  int at_limit = isinf(x) || !isfinite(d);
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
  if (id < 0 || id >= ACT_UNKNOWN) return -1;
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
      fprintf(stderr, "actbench: reference for %s%s(%a) did not settle\n", k_names[id],
              deriv ? "'" : "", (double)x);
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
  return act_reference_id(activation_id(activation), deriv, x, p, out);
}

float act_reference_narrow(int id, int deriv, float x, const act_params *p, const act_format *fmt) {
  if (id < 0 || id >= ACT_UNKNOWN) return NAN;
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
              k_names[id], deriv ? "'" : "", (double)x);
      abort();
    }
  }
  mpfr_clears(v, r, (mpfr_ptr)0);
  return out;
}

int act_reference_many(const char *activation, int deriv, const float *x, size_t n,
                       const act_params *p, act_ref *out) {
  if (activation_id(activation) == ACT_UNKNOWN) return -1;
  int id = activation_id(activation);
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
