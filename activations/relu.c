/* actbench: relu (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double limit(int deriv, int dir, const act_params *p) {
  (void)p;
  if (!deriv) return NAN;
  return dir < 0 ? 0 : 1;
}

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  return deriv ? (x > 0 ? 1 : 0) : (x > 0 ? x : 0);
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  if (!deriv)
    x > 0 ? mpfr_set_flt(v, x, MPFR_RNDN) : mpfr_set_zero(v, 1);
  else
    mpfr_set_ui(v, x > 0 ? 1 : 0, MPFR_RNDN);
  ACT_MPFR_END;
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* relu, leaky relu */
static void relu_from_x(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)c, (void)p;
  *y = x > 0 ? x : 0;
  *d = x > 0 ? 1 : 0;
}

static void relu_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)c, (void)p;
  *y = x > 0 ? x : 0;
  *d = *y > 0 ? 1 : 0;
}

static const sat_formula formulas[] = {
    {"from-x", "x", "x > 0 ? 1 : 0", relu_from_x},
    {"from-y", "y", "y > 0 ? 1 : 0", relu_from_y},
};

extern const act_screen_ops act_screen_relu; /* numerics/screen.c */

const act_activation act_relu = {
    .name = "relu",
    .formula = "max(0, x)",
    .dformula = "1 for x > 0, 0 for x <= 0",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -8,
    .sample_hi = 8,
    .plot_lo = -3,
    .plot_hi = 3,
    .kink_note = "relu'(0) = 0, the frameworks' convention",
    .kinks = {0},
    .n_kinks = 1,
    .param_note = NULL,
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = NULL,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_relu,
};
