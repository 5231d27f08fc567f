/* actbench: relu (activations/descriptor.h says what each part is). */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "mpfr_ref.h"

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
    .param_note = NULL,
    .limit = limit,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = NULL,
};
