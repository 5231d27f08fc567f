/* actbench: leaky_relu (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static const char *params_invalid(const act_params *p) {
  return p->a >= 0 && p->a < 1 ? NULL : "0 <= a < 1";
}

static double limit(int deriv, int dir, const act_params *p) {
  if (!deriv) return NAN;
  return dir < 0 ? p->a : 1;
}

static double dref(int deriv, double x, const act_params *p) {
  double a = p->a;
  return deriv ? (x > 0 ? 1 : a) : (x > 0 ? x : a * x);
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
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
  ACT_MPFR_END;
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
static void leaky_from_x(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a);
  *y = x > 0 ? x : MUL(a, x);
  *d = x > 0 ? 1 : a;
}

static void leaky_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a);
  *y = x > 0 ? x : MUL(a, x);
  *d = *y > 0 ? 1 : a;
}

static const sat_formula formulas[] = {
    {"from-x", "x", "x > 0 ? 1 : a", leaky_from_x},
    {"from-y", "y", "y > 0 ? 1 : a", leaky_from_y},
};

extern const act_screen_ops act_screen_leaky_relu; /* numerics/screen.c */

const act_activation act_leaky_relu = {
    .name = "leaky_relu",
    .formula = "max(a x, x)",
    .dformula = "1 for x > 0, a for x <= 0",
    .defaults = {0.01f, 0.0f},
    .param_names = "a",
    .sample_lo = -8,
    .sample_hi = 8,
    .plot_lo = -3,
    .plot_hi = 3,
    .kink_note = "leaky_relu'(0) = a, the frameworks' convention",
    .kinks = {0},
    .n_kinks = 1,
    .param_note = "a: negative slope, 0 <= a < 1",
    .params_invalid = params_invalid,
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = NULL,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_leaky_relu,
};
