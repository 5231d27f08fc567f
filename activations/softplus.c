/* actbench: softplus (activations/descriptor.h says what each part is). */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "mpfr_ref.h"

static double dref(int deriv, double x, const act_params *p) {
  double a = p->a;
  return deriv ? sig(a * x) : softplus(a * x) / a;
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  mpfr_mul_d(t, t, (double)p->a, MPFR_RNDN); /* t = beta x */
  if (!deriv) {
    /* log1p(exp t) / beta: log1p's condition number at exp(t) is <= 1 */
    inex |= mpfr_exp(e, t, MPFR_RNDN);
    inex |= mpfr_log1p(e, e, MPFR_RNDN);
    inex |= mpfr_div_d(v, e, (double)p->a, MPFR_RNDN);
    lost = 4;
  } else {
    lost = act_mpfr_sigma(v, t, &inex);
  }
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double a = p->a, F = NAN, d = 0;
  if (a * x > 128) F = deriv ? 1 : x, d = deriv ? -exp(-a * x) : exp(-a * x) / a;
  *Fp = F, *dp = d;
  return !isnan(F);
}

const act_activation act_softplus = {
    .name = "softplus",
    .formula = "log(1 + exp(a x)) / a",
    .dformula = "s(a x)",
    .defaults = {1.0f, 20.0f},
    .param_names = "a b",
    .sample_lo = -110,
    .sample_hi = 110,
    .plot_lo = -4,
    .plot_hi = 4,
    .kink_note = NULL,
    .param_note = "a: beta; b: threshold (frameworks return x where a x > b)",
    .limit = act_limit_gate,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
};
