/* actbench: silu (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double dref(int deriv, double x, const act_params *p) {
  double a = p->a;
  double t = a * x, s = sig(t);
  if (!deriv) return x * s;
  if (s == 0) return 0;
  return s * (1 + t * sig(-t));
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  mpfr_mul_d(t, t, (double)p->a, MPFR_RNDN); /* t = beta x, exact */
  act_mpfr_sigma(a, t, &inex);
  if (!deriv) {
    mpfr_set_flt(b, x, MPFR_RNDN);
    inex |= mpfr_mul(v, a, b, MPFR_RNDN);
    lost = 4;
  } else {
    /* sigma(t) + t sigma(t) sigma(-t) */
    mpfr_neg(s, t, MPFR_RNDN);
    act_mpfr_sigma(e, s, &inex);
    inex |= mpfr_mul(b, a, e, MPFR_RNDN);
    inex |= mpfr_mul(b, b, t, MPFR_RNDN);
    lost = act_mpfr_add_lost(v, a, 3, b, 9, &inex);
  }
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double a = p->a, F = NAN, d = 0;
  if (a * x < -1e6) F = 0, d = deriv ? -0.0 : copysign(0.0, x); /* sigma below MPFR's range */
  if (a * x > 128) {
    double e = exp(-a * x);
    F = deriv ? 1 : x, d = deriv ? (a * x - 1) * e : -x * e;
  }
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* silu: x s(a x) */
static void silu_textbook(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x), s = sat_sig_textbook(c, t);
  *y = MUL(x, s);
  *d = MUL(s, ADD(1, MUL(t, SUB(1, s))));
}

static void silu_stable(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x), s = sat_sig_stable(c, t);
  *y = MUL(x, s);
  *d = MUL(s, ADD(1, MUL(t, sat_sig_stable(c, -t))));
}

static const sat_formula formulas[] = {
    {"textbook", "x", "s*(1 + a x (1-s)), s = 1/(1+exp(-a x))", silu_textbook},
    {"stable", "x", "s(ax)*(1 + a x s(-ax)), s without overflow", silu_stable},
};

extern const act_screen_ops act_screen_silu; /* numerics/screen.c */

const act_activation act_silu = {
    .name = "silu",
    .formula = "x s(a x)",
    .dformula = "s(ax) (1 + a x (1 - s(ax)))",
    .defaults = {1.0f, 0.0f},
    .param_names = "a",
    .sample_lo = -110,
    .sample_hi = 110,
    .plot_lo = -6,
    .plot_hi = 4,
    .kink_note = NULL,
    .param_note = "a: beta",
    .limit = act_limit_gate,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_silu,
};
