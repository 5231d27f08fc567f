/* actbench: gelu (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  double cdf = 0.5 * erfc(-x * SQRT1_2);
  if (!deriv) return x * cdf;
  return cdf + x * (exp(-0.5 * x * x) * RSQRT_2PI);
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  /* Phi(x) = erfc(-x / sqrt 2) / 2: erfc amplifies its argument's relative
   * error by about 2 u^2 + 1 for u = -x/sqrt2 > 0 */
  mpfr_sqrt_ui(s, 2, MPFR_RNDN);
  inex |= mpfr_div(e, t, s, MPFR_RNDN);
  mpfr_neg(e, e, MPFR_RNDN);
  double u = mpfr_get_d(e, MPFR_RNDN);
  int lphi = 4 + (u > 0 ? act_ilog2_ceil(2 * u * u + 2) : 1);
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
    } else {
      lost = act_mpfr_add_lost(v, a, lphi, b, 6, &inex);
    }
  }
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double F = NAN, d = 0;
  const double s2pi = 2.5066282746310002; /* sqrt(2 pi) */
  (void)p;
  /* x Phi(x) and Phi(x) + x phi(x) are below 2^-280 in magnitude (negative)
   * from x = -20 on: RN is -0 (and MPFR's erfc is slow out there) */
  if (x < -20) F = 0, d = -0.0;
  if (x > 16) {
    double q = 0.5 * erfc(x / sqrt(2.0)), ph = exp(-x * x / 2) / s2pi;
    F = deriv ? 1 : x, d = deriv ? x * ph - q : -x * q;
  }
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* gelu: Phi + x phi */
static double f_gelu_pdf(const sat_fmt *c, double x) {
  return MUL(FN(exp, MUL(-0.5, MUL(x, x))), R(RSQRT_2PI));
}

static void gelu_erf(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double cdf = MUL(0.5, ADD(1, FN(erf, MUL(x, R(SQRT1_2)))));
  *y = MUL(x, cdf);
  *d = ADD(cdf, MUL(x, f_gelu_pdf(c, x)));
}

static void gelu_erfc(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double cdf = MUL(0.5, FN(erfc, MUL(-x, R(SQRT1_2))));
  *y = MUL(x, cdf);
  *d = ADD(cdf, MUL(x, f_gelu_pdf(c, x)));
}

static const sat_formula formulas[] = {
    {"erf", "x", "cdf + x*pdf, cdf = 0.5*(1+erf(x/sqrt 2)), pdf = exp(-x^2/2)/sqrt(2 pi)",
     gelu_erf},
    {"erfc", "x", "cdf + x*pdf, cdf = 0.5*erfc(-x/sqrt 2)", gelu_erfc},
};

extern const act_screen_ops act_screen_gelu; /* numerics/screen.c */

const act_activation act_gelu = {
    .name = "gelu",
    .formula = "x Phi(x) = x/2 (1 + erf(x/sqrt 2))",
    .dformula = "Phi(x) + x phi(x)",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -20,
    .sample_hi = 20,
    .plot_lo = -4,
    .plot_hi = 4,
    .kink_note = NULL,
    .param_note = NULL,
    .limit = act_limit_gate,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_gelu,
};
