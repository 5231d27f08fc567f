/* actbench: softplus (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double dref(int deriv, double x, const act_params *p) {
  double a = p->a;
  return deriv ? sig(a * x) : softplus(a * x) / a;
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  mpfr_mul_d(t, t, (double)p->a, MPFR_RNDN); /* t = beta x */
  if (!deriv) {
    /* log1p(exp t) / beta: log1p's condition number at exp(t) is <= 1 */
    inex |= mpfr_exp(e, t, MPFR_RNDN);
    inex |= mpfr_log1p(e, e, MPFR_RNDN);
    inex |= mpfr_div_d(v, e, (double)p->a, MPFR_RNDN);
    lost = 4;
  } else {
    lost = act_mpfr_sigma(v, t, &inex);
  }
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double a = p->a, F = NAN, d = 0;
  if (a * x > 128) F = deriv ? 1 : x, d = deriv ? -exp(-a * x) : exp(-a * x) / a;
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* softplus: log(1 + exp(a x))/a; frameworks return x where a x > b */
static double f_softplus_thr(const sat_fmt *c, double x, double a, double b) {
  double t = MUL(a, x);
  return t > b ? x : DIV(FN(log1p, FN(exp, t)), a);
}

static void softplus_framework(const sat_fmt *c, double x, const act_params *p, double *y,
                               double *d) {
  double a = R(p->a), b = R(p->b), t = MUL(a, x), z = FN(exp, t);
  *y = f_softplus_thr(c, x, a, b);
  *d = t > b ? 1 : DIV(z, ADD(z, 1));
}

static void softplus_textbook(const sat_fmt *c, double x, const act_params *p, double *y,
                              double *d) {
  double a = R(p->a), t = MUL(a, x);
  *y = DIV(FN(log, ADD(1, FN(exp, t))), a);
  *d = sat_sig_textbook(c, t);
}

static void softplus_stable(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x);
  *y = DIV(ADD(t > 0 ? t : 0, FN(log1p, FN(exp, -fabs(t)))), a);
  *d = sat_sig_stable(c, t);
}

static void softplus_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), b = R(p->b);
  *y = f_softplus_thr(c, x, a, b);
  *d = -FN(expm1, -MUL(a, *y)); /* s(a x) = 1 - exp(-a y) */
}

static const sat_formula formulas[] = {
    {"framework", "x", "a x > b ? 1 : z/(z+1), z = exp(a x)", softplus_framework},
    {"textbook", "x", "1/(1+exp(-a x)); y = log(1+exp(a x))/a", softplus_textbook},
    {"stable", "x", "s(a x) without overflow; y = (max(t,0) + log1p(exp(-|t|)))/a",
     softplus_stable},
    {"from-y", "y", "-expm1(-a y) (= 1 - exp(-a y))", softplus_from_y},
};

extern const act_screen_ops act_screen_softplus; /* numerics/screen.c */

const act_activation act_softplus = {
    .name = "softplus",
    .formula = "log(1 + exp(a x)) / a",
    .dformula = "s(a x)",
    .defaults = {1.0f, 20.0f},
    .param_names = "a b",
    .sample_lo = -110,
    .sample_hi = 110,
    .plot_lo = -4,
    .plot_hi = 4,
    .kink_note = NULL,
    .param_note = "a: beta; b: threshold (frameworks return x where a x > b)",
    .limit = act_limit_gate,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_softplus,
};
