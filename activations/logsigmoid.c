/* actbench: logsigmoid (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double limit(int deriv, int dir, const act_params *p) {
  (void)p;
  if (!deriv) return dir < 0 ? NAN : 0;
  return dir < 0 ? 1 : 0;
}

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  return deriv ? sig(-x) : (x < 0 ? x : 0) - log1p(exp(-fabs(x)));
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  if (!deriv) { /* -log1p(exp(-x)) */
    mpfr_neg(e, t, MPFR_RNDN);
    inex |= mpfr_exp(e, e, MPFR_RNDN);
    inex |= mpfr_log1p(e, e, MPFR_RNDN);
    mpfr_neg(v, e, MPFR_RNDN);
    inex |= mpfr_set(v, v, MPFR_RNDN);
    lost = 3;
  } else { /* sigma(-x) */
    mpfr_neg(t, t, MPFR_RNDN);
    lost = act_mpfr_sigma(v, t, &inex);
  }
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double F = NAN, d = 0;
  (void)p;
  if (x < -128) F = deriv ? 1 : x, d = -exp(x);
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* logsigmoid: log s(x); f' = s(-x) */
static void logsigmoid_textbook(const sat_fmt *c, double x, const act_params *p, double *y,
                                double *d) {
  (void)p;
  *y = FN(log, sat_sig_textbook(c, x));
  *d = DIV(1, ADD(1, FN(exp, x)));
}

static double f_logsig_stable(const sat_fmt *c, double x) {
  return SUB(x < 0 ? x : 0, FN(log1p, FN(exp, -fabs(x))));
}

static void logsigmoid_stable(const sat_fmt *c, double x, const act_params *p, double *y,
                              double *d) {
  (void)p;
  *y = f_logsig_stable(c, x);
  *d = sat_sig_stable(c, -x);
}

static void logsigmoid_from_y(const sat_fmt *c, double x, const act_params *p, double *y,
                              double *d) {
  (void)p;
  *y = f_logsig_stable(c, x);
  *d = -FN(expm1, *y); /* s(-x) = 1 - exp(y) */
}

static const sat_formula formulas[] = {
    {"textbook", "x", "1/(1+exp(x)); y = log(1/(1+exp(-x)))", logsigmoid_textbook},
    {"stable", "x", "s(-x) without overflow; y = min(x,0) - log1p(exp(-|x|))", logsigmoid_stable},
    {"from-y", "y", "-expm1(y) (= 1 - exp(y))", logsigmoid_from_y},
};

extern const act_screen_ops act_screen_logsigmoid; /* numerics/screen.c */

const act_activation act_logsigmoid = {
    .name = "logsigmoid",
    .formula = "log s(x) = -softplus(-x)",
    .dformula = "s(-x)",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -110,
    .sample_hi = 110,
    .plot_lo = -6,
    .plot_hi = 4,
    .kink_note = NULL,
    .param_note = NULL,
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_logsigmoid,
};
