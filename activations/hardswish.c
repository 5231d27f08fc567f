/* actbench: hardswish (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  if (deriv) return x < -3 ? 0 : x > 3 ? 1 : x / 3 + 0.5;
  return x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6;
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  if (!deriv) {
    if (x <= -3) {
      mpfr_set_zero(v, 1);
    } else if (x >= 3) {
      mpfr_set_flt(v, x, MPFR_RNDN);
    } else {
      mpfr_t q;
      mpfr_init2(q, prec + 1024);
      mpfr_add_ui(q, t, 3, MPFR_RNDN);
      mpfr_mul(q, q, t, MPFR_RNDN); /* x (x + 3), exact */
      inex |= mpfr_div_ui(v, q, 6, MPFR_RNDN);
      mpfr_clear(q);
      lost = 1;
    }
  } else {
    if (x < -3) {
      mpfr_set_zero(v, 1);
    } else if (x > 3) {
      mpfr_set_ui(v, 1, MPFR_RNDN);
    } else { /* (2x + 3) / 6 */
      mpfr_mul_2ui(t, t, 1, MPFR_RNDN);
      mpfr_add_ui(t, t, 3, MPFR_RNDN);
      inex |= mpfr_div_ui(v, t, 6, MPFR_RNDN);
      lost = 1;
    }
  }
  ACT_MPFR_END;
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
static void hardswish_from_x(const sat_fmt *c, double x, const act_params *p, double *y,
                             double *d) {
  (void)p;
  double r = ADD(x, 3);
  r = r < 0 ? 0 : r > 6 ? 6 : r;
  *y = DIV(MUL(x, r), 6);
  *d = x < -3 ? 0 : x > 3 ? 1 : ADD(DIV(x, 3), 0.5);
}

static const sat_formula formulas[] = {
    {"from-x", "x", "x < -3 ? 0 : x > 3 ? 1 : x/3 + 1/2", hardswish_from_x},
};

extern const act_screen_ops act_screen_hardswish; /* numerics/screen.c */

const act_activation act_hardswish = {
    .name = "hardswish",
    .formula = "x clip(x/6 + 1/2, 0, 1)",
    .dformula = "0 for x < -3, x/3 + 1/2 for -3 <= x <= 3, 1 for x > 3",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -8,
    .sample_hi = 8,
    .plot_lo = -5,
    .plot_hi = 5,
    .kink_note = "hardswish'(-3) = -1/2, hardswish'(3) = 3/2, as PyTorch",
    .kinks = {-3, 3},
    .n_kinks = 2,
    .param_note = NULL,
    .limit = act_limit_gate,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = NULL,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_hardswish,
};
