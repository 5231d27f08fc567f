/* actbench: sigmoid (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double limit(int deriv, int dir, const act_params *p) {
  if (!deriv) return (dir > 0) == (p->a >= 0) ? 1 : 0;
  return 0;
}

static double dref(int deriv, double x, const act_params *p) {
  double a = p->a;
  return deriv ? a * sigsig(a * x) : sig(a * x);
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  mpfr_mul_d(t, t, (double)p->a, MPFR_RNDN); /* t = a x, exact */
  if (!deriv) {
    lost = act_mpfr_sigma(v, t, &inex); /* no cancellation */
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
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double a = p->a, F = NAN, d = 0;
  if (!deriv && a * x > 128) F = 1, d = -exp(-a * x);
  if (!deriv && a * x < -1e6) F = 0, d = 0; /* exp(-a x) beyond MPFR's range */
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* sigmoid: s(a x) */
static void sigmoid_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), s = sat_sig_textbook(c, MUL(a, x));
  *y = s;
  *d = MUL(MUL(a, s), SUB(1, s));
}

static void sigmoid_stable(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x);
  *y = sat_sig_stable(c, t);
  *d = MUL(a, MUL(sat_sig_stable(c, t), sat_sig_stable(c, -t)));
}

static void sigmoid_exp(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x), e = FN(exp, -fabs(t)), q = ADD(1, e);
  *y = sat_sig_stable(c, t);
  *d = MUL(a, DIV(e, MUL(q, q)));
}

static void sigmoid_naive_x(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x), e = FN(exp, -t), q = ADD(1, e);
  *y = sat_sig_textbook(c, t);
  *d = MUL(a, DIV(e, MUL(q, q)));
}

static const sat_formula formulas[] = {
    {"from-y", "y", "a*y*(1-y), y = 1/(1+exp(-a x))", sigmoid_from_y},
    {"stable", "x", "a*s(ax)*s(-ax), s(t) = 1/(1+exp(-t)) for t >= 0, exp(t)/(1+exp(t)) below",
     sigmoid_stable},
    {"exp", "x", "a*e/(1+e)^2, e = exp(-|a x|)", sigmoid_exp},
    {"naive-exp", "x", "a*e/(1+e)^2, e = exp(-a x); y = 1/(1+e)", sigmoid_naive_x},
};

extern const act_screen_ops act_screen_sigmoid; /* numerics/screen.c */

const act_activation act_sigmoid = {
    .name = "sigmoid",
    .formula = "1/(1+exp(-a x))",
    .dformula = "a s(ax)(1-s(ax))",
    .defaults = {1.0f, 0.0f},
    .param_names = "a",
    .sample_lo = -110,
    .sample_hi = 110,
    .plot_lo = -8,
    .plot_hi = 8,
    .kink_note = NULL,
    .param_note = "a: slope, s(a x)",
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_sigmoid,
};
