/* actbench: tanh (activations/descriptor.h says what each part is). */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "mpfr_ref.h"

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
};
