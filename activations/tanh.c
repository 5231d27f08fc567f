/* actbench: tanh (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double limit(int deriv, int dir, const act_params *p) {
  (void)p;
  if (!deriv) return dir < 0 ? -1 : 1;
  return 0;
}

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  if (!deriv) return tanh(x);
  double e = exp(-2 * fabs(x)), q = 1 + e;
  return 4 * e / (q * q);
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  if (!deriv) {
    inex |= mpfr_tanh(v, t, MPFR_RNDN);
    lost = 1;
  } else { /* 1 - tanh^2 x = sech^2 x */
    inex |= mpfr_sech(e, t, MPFR_RNDN);
    inex |= mpfr_sqr(v, e, MPFR_RNDN);
    lost = 3;
  }
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double F = NAN, d = 0;
  (void)p;
  if (!deriv && fabs(x) > 64) F = x > 0 ? 1 : -1, d = -F * 2 * exp(-2 * fabs(x));
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* tanh */
static void tanh_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double t = FN(tanh, x);
  *y = t;
  *d = SUB(1, MUL(t, t));
}

/* tanh(|x|) = -m/(2 + m), m = expm1(-2|x|) */
static double f_tanh_expm1(const sat_fmt *c, double x) {
  double m = FN(expm1, MUL(-2, fabs(x))), t = DIV(-m, ADD(2, m));
  return x < 0 ? -t : t;
}

static void tanh_exp(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double e = FN(exp, MUL(-2, fabs(x))), q = ADD(1, e);
  *y = f_tanh_expm1(c, x);
  *d = DIV(MUL(4, e), MUL(q, q));
}

static void tanh_cosh(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double ch = FN(cosh, x);
  *y = FN(tanh, x);
  *d = DIV(1, MUL(ch, ch));
}

static const sat_formula formulas[] = {
    {"from-y", "y", "1-y^2, y = tanh x", tanh_from_y},
    {"exp", "x", "4e/(1+e)^2, e = exp(-2|x|); y = -m/(2+m), m = expm1(-2|x|)", tanh_exp},
    {"cosh", "x", "1/cosh(x)^2 (sech^2 via cosh); y = tanh x", tanh_cosh},
};

extern const act_screen_ops act_screen_tanh; /* numerics/screen.c */

const act_activation act_tanh = {
    .name = "tanh",
    .formula = "tanh x",
    .dformula = "1 - tanh^2 x",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -60,
    .sample_hi = 60,
    .plot_lo = -4,
    .plot_hi = 4,
    .kink_note = NULL,
    .param_note = NULL,
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_tanh,
};
