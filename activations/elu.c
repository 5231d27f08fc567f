/* actbench: elu (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double limit(int deriv, int dir, const act_params *p) {
  if (!deriv) return dir < 0 ? -(double)p->a : NAN;
  return dir < 0 ? 0 : 1;
}

static double dref(int deriv, double x, const act_params *p) {
  double a = p->a;
  if (x > 0) return deriv ? 1 : x;
  return deriv ? a * exp(x) : a * expm1(x);
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  /* x for x > 0, a expm1(x); f' 1, a exp(x) (a at x = 0) */
  mpfr_set_ui(c, 1, MPFR_RNDN);
  mpfr_set_flt(a, p->a, MPFR_RNDN);
  lost += act_mpfr_elu(v, c, a, t, e, deriv, x, &inex);
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double a = p->a, F = NAN, d = 0;
  if (!deriv && x < -128) F = -a, d = a * exp(x);
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
static void elu_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  sat_elu_common(c, x, 1, R(p->a), 1, y, d);
}

static void elu_from_x(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  sat_elu_common(c, x, 1, R(p->a), 0, y, d);
}

static const sat_formula formulas[] = {
    {"from-y", "x,y", "x > 0 ? 1 : y + a, y = a*expm1(x)", elu_from_y},
    {"from-x", "x", "x > 0 ? 1 : a*exp(x)", elu_from_x},
};

extern const act_screen_ops act_screen_elu; /* numerics/screen.c */

const act_activation act_elu = {
    .name = "elu",
    .formula = "x for x > 0, a (exp x - 1)",
    .dformula = "1 for x > 0, a exp x",
    .defaults = {1.0f, 0.0f},
    .param_names = "a",
    .sample_lo = -110,
    .sample_hi = 110,
    .plot_lo = -4,
    .plot_hi = 3,
    .kink_note = "elu'(0) = a (the x <= 0 branch), as PyTorch",
    .kinks = {0},
    .n_kinks = 1,
    .param_note = "a: alpha",
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_elu,
};
