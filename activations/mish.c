/* actbench: mish (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  double sp = softplus(x), t = tanh(sp);
  if (!deriv) return x * t;
  double e = exp(-2 * sp), q = 1 + e, sech2 = 4 * e / (q * q), s = sig(x);
  return t + (s == 0 ? 0 : x * sech2 * s);
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  /* x tanh(sp), sp = log1p(exp x); f' = tanh(sp) + x sech^2(sp) sigma(x) */
  inex |= mpfr_exp(e, t, MPFR_RNDN);
  inex |= mpfr_log1p(s, e, MPFR_RNDN); /* sp: 2 */
  inex |= mpfr_tanh(a, s, MPFR_RNDN);  /* tanh's condition number <= 1: 4 */
  if (!deriv) {
    inex |= mpfr_mul(v, a, t, MPFR_RNDN);
    lost = 5;
  } else {
    double sp = mpfr_get_d(s, MPFR_RNDN);
    int lb = 10 + act_ilog2_ceil(2 * sp + 1); /* sech amplifies sp's error by sp tanh sp */
    inex |= mpfr_sech(b, s, MPFR_RNDN);
    inex |= mpfr_sqr(b, b, MPFR_RNDN);
    act_mpfr_sigma(c, t, &inex);
    inex |= mpfr_mul(b, b, c, MPFR_RNDN);
    inex |= mpfr_mul(b, b, t, MPFR_RNDN);
    lost = act_mpfr_add_lost(v, a, 4, b, lb, &inex);
  }
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double F = NAN, d = 0;
  (void)p;
  if (x < -1e6) F = 0, d = -0.0; /* exp(x) below MPFR's range; f and f' -> -0 */
  if (x > 64) {
    double e = exp(-2 * x);
    F = deriv ? 1 : x, d = deriv ? (4 * x - 2) * e : -2 * x * e;
  }
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* mish: x tanh(softplus x) */
static void mish_textbook(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double sp = FN(log1p, FN(exp, x)), t = FN(tanh, sp), s = sat_sig_textbook(c, x);
  *y = MUL(x, t);
  *d = ADD(t, MUL(MUL(x, s), SUB(1, MUL(t, t))));
}

/* the Mish paper's closed form: e w / D^2, w = 4(x+1) + 4e^2 + e^3 + e(4x+6),
 * D = 2e + e^2 + 2, e = exp x */
static void mish_closed(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double e = FN(exp, x), e2 = MUL(e, e), e3 = MUL(e2, e);
  double w = ADD(ADD(ADD(MUL(4, ADD(x, 1)), MUL(4, e2)), e3), MUL(e, ADD(MUL(4, x), 6)));
  double D = ADD(ADD(MUL(2, e), e2), 2);
  *y = MUL(x, FN(tanh, FN(log1p, e)));
  *d = DIV(MUL(e, w), MUL(D, D));
}

static const sat_formula formulas[] = {
    {"textbook", "x", "t + x s (1-t^2), t = tanh(log1p(exp x)), s = 1/(1+exp(-x))", mish_textbook},
    {"closed", "x", "e w/D^2, w = 4(x+1) + 4e^2 + e^3 + e(4x+6), D = 2e + e^2 + 2, e = exp x",
     mish_closed},
};

extern const act_screen_ops act_screen_mish; /* numerics/screen.c */

const act_activation act_mish = {
    .name = "mish",
    .formula = "x tanh(softplus x)",
    .dformula = "tanh(sp) + x sech^2(sp) s(x), sp = softplus x",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -120,
    .sample_hi = 120,
    .plot_lo = -5,
    .plot_hi = 4,
    .kink_note = NULL,
    .param_note = NULL,
    .limit = act_limit_gate,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_mish,
};
