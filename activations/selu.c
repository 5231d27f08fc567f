/* actbench: selu (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double limit(int deriv, int dir, const act_params *p) {
  (void)p;
  if (!deriv) return dir < 0 ? -SELU_L * SELU_A : NAN;
  return dir < 0 ? 0 : SELU_L;
}

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  if (x > 0) return deriv ? SELU_L : SELU_L * x;
  return deriv ? SELU_L * SELU_A * exp(x) : SELU_L * SELU_A * expm1(x);
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  /* lambda elu(x; alpha) */
  mpfr_set_str(c, SELU_LAMBDA, 10, MPFR_RNDN);
  mpfr_set_str(a, SELU_ALPHA, 10, MPFR_RNDN);
  inex |= mpfr_mul(a, a, c, MPFR_RNDN); /* lambda alpha */
  inex |= 1;
  lost = 3;
  lost += act_mpfr_elu(v, c, a, t, e, deriv, x, &inex);
  ACT_MPFR_END;
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
static void selu_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  sat_elu_common(c, x, R(SELU_L), R(SELU_L * SELU_A), 1, y, d);
}

static void selu_from_x(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  sat_elu_common(c, x, R(SELU_L), R(SELU_L * SELU_A), 0, y, d);
}

static const sat_formula formulas[] = {
    {"from-y", "x,y", "x > 0 ? l : y + l*al, y = l*al*expm1(x)", selu_from_y},
    {"from-x", "x", "x > 0 ? l : l*al*exp(x)", selu_from_x},
};

extern const act_screen_ops act_screen_selu; /* numerics/screen.c */

const act_activation act_selu = {
    .name = "selu",
    .formula =
        "l x for x > 0, l al (exp x - 1); l = 1.0507009873554804934, al = 1.6732632423543772848",
    .dformula = "l for x > 0, l al exp x",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -110,
    .sample_hi = 110,
    .plot_lo = -4,
    .plot_hi = 3,
    .kink_note = "selu'(0) = l al (the x <= 0 branch), as PyTorch",
    .kinks = {0},
    .n_kinks = 1,
    .param_note = NULL,
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = NULL,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_selu,
};
