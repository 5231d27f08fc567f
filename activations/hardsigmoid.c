/* actbench: hardsigmoid (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double limit(int deriv, int dir, const act_params *p) {
  (void)p;
  if (!deriv) return dir < 0 ? 0 : 1;
  return 0;
}

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  if (deriv) return x > -3 && x < 3 ? 1.0 / 6 : 0;
  return x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5;
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
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
  ACT_MPFR_END;
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* hardsigmoid, hardswish: PyTorch's forwards, min(max(x + 3, 0), 6) / 6 and
 * x * min(max(x + 3, 0), 6) / 6 */
static double f_relu6_div6(const sat_fmt *c, double x) {
  double r = ADD(x, 3);
  r = r < 0 ? 0 : r > 6 ? 6 : r;
  return DIV(r, 6);
}

static void hardsigmoid_from_x(const sat_fmt *c, double x, const act_params *p, double *y,
                               double *d) {
  (void)p;
  *y = f_relu6_div6(c, x);
  *d = x > -3 && x < 3 ? R(1.0 / 6) : 0;
}

static void hardsigmoid_from_y(const sat_fmt *c, double x, const act_params *p, double *y,
                               double *d) {
  (void)p;
  *y = f_relu6_div6(c, x);
  *d = *y > 0 && *y < 1 ? R(1.0 / 6) : 0;
}

static const sat_formula formulas[] = {
    {"from-x", "x", "-3 < x < 3 ? 1/6 : 0", hardsigmoid_from_x},
    {"from-y", "y", "0 < y < 1 ? 1/6 : 0", hardsigmoid_from_y},
};

extern const act_screen_ops act_screen_hardsigmoid; /* numerics/screen.c */

const act_activation act_hardsigmoid = {
    .name = "hardsigmoid",
    .formula = "clip(x/6 + 1/2, 0, 1)",
    .dformula = "1/6 for -3 < x < 3, else 0",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -8,
    .sample_hi = 8,
    .plot_lo = -5,
    .plot_hi = 5,
    .kink_note = "hardsigmoid'(+-3) = 0 (outside the open interval), as PyTorch",
    .kinks = {-3, 3},
    .n_kinks = 2,
    .param_note = NULL,
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = NULL,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_hardsigmoid,
};
