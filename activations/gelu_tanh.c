/* actbench: gelu_tanh (activations/descriptor.h says what each part is). */
#define SAT_ARITH /* the formulas' shorthand, numerics/formulas.h */
#include <math.h>
#include <mpfr.h>

#include "dmath.h"
#include "formulas.h"
#include "mpfr_ref.h"
#include "numerics.h"

static double dref(int deriv, double x, const act_params *p) {
  (void)p;
  double u2 = 2 * SQRT_2_PI * (x + GELU_C * x * x * x);
  double s = sig(u2);
  if (!deriv) return x * s;
  double ss = sigsig(u2);
  double term = ss == 0 ? 0 : 2 * x * ss * SQRT_2_PI * (1 + 3 * GELU_C * x * x);
  return s + term;
}

static int mpfr_eval(int deriv, float x, const act_params *p, void *vp, long prec) {
  ACT_MPFR_BEGIN(vp, prec, x, p);
  /* x sigma(2u), u = sqrt(2/pi) (x + k x^3), k = 0.044715: 1 + tanh u =
   * 2 sigma(2u) avoids the cancellation of the negative tail */
  mpfr_t u, up;
  mpfr_inits2(prec, u, up, (mpfr_ptr)0);
  mpfr_const_pi(c, MPFR_RNDN);
  mpfr_ui_div(c, 2, c, MPFR_RNDN);
  mpfr_sqrt(c, c, MPFR_RNDN); /* sqrt(2/pi): 3 roundings */
  mpfr_set_str(b, "0.044715", 10, MPFR_RNDN);
  mpfr_t x3;
  mpfr_init2(x3, 128);
  mpfr_sqr(x3, t, MPFR_RNDN);
  mpfr_mul(x3, x3, t, MPFR_RNDN); /* exact: 72 bits */
  mpfr_mul(u, x3, b, MPFR_RNDN);
  mpfr_add(u, u, t, MPFR_RNDN);     /* same signs: no cancellation */
  mpfr_mul(u, u, c, MPFR_RNDN);     /* u: 6 roundings */
  mpfr_mul_2ui(u, u, 1, MPFR_RNDN); /* 2u */
  double au = fabs(mpfr_get_d(u, MPFR_RNDN));
  int lsig = 3 + 6 + act_ilog2_ceil(au + 1); /* exp(-2u) amplifies u's error by |2u| */
  inex = 1;
  act_mpfr_sigma(a, u, &inex); /* sigma(2u) */
  if (!deriv) {
    mpfr_mul(v, a, t, MPFR_RNDN);
    lost = lsig + 1;
  } else {
    /* sigma(2u) + x 2u' sigma(2u) sigma(-2u), u' = sqrt(2/pi) (1 + 3k x^2) */
    mpfr_neg(u, u, MPFR_RNDN);
    act_mpfr_sigma(e, u, &inex); /* sigma(-2u) */
    mpfr_sqr(up, t, MPFR_RNDN);
    mpfr_mul(up, up, b, MPFR_RNDN);
    mpfr_mul_ui(up, up, 3, MPFR_RNDN);
    mpfr_add_ui(up, up, 1, MPFR_RNDN);
    mpfr_mul(up, up, c, MPFR_RNDN);
    mpfr_mul_2ui(up, up, 1, MPFR_RNDN); /* 2u' */
    mpfr_mul(b, up, t, MPFR_RNDN);
    mpfr_mul(b, b, a, MPFR_RNDN);
    mpfr_mul(b, b, e, MPFR_RNDN);
    lost = act_mpfr_add_lost(v, a, lsig, b, 2 * lsig + 8, &inex);
    if (x == 0) { /* sigma(0) = 1/2 exactly */
      mpfr_set_d(v, 0.5, MPFR_RNDN);
      inex = 0;
    }
  }
  mpfr_clears(u, up, x3, (mpfr_ptr)0);
  ACT_MPFR_END;
}

static int tail(int deriv, double x, const act_params *p, double *Fp, double *dp) {
  double F = NAN, d = 0;
  (void)p;
  if (x > 16) {
    double u2 = 2 * sqrt(2 / M_PI) * (x + 0.044715 * x * x * x);
    double sm = exp(-u2), up2 = 2 * sqrt(2 / M_PI) * (1 + 3 * 0.044715 * x * x);
    F = deriv ? 1 : x, d = deriv ? sm * (x * up2 - 1) : -x * sm;
  }
  if (x < -1000) F = 0, d = -0.0; /* exp(-2u) beyond MPFR's range; f and f' -> -0 */
  *Fp = F, *dp = d;
  return !isnan(F);
}

/* ---- the derivative formulas people use, each with the forward it goes
 * with, in a format's arithmetic (numerics/formulas.h; the saturation suite
 * compares them) */
/* gelu_tanh: u = k (x + c x^3) */
static double f_gelu_u(const sat_fmt *c, double x) {
  return MUL(R(SQRT_2_PI), ADD(x, MUL(R(GELU_C), MUL(MUL(x, x), x))));
}

static double f_gelu_du(const sat_fmt *c, double x) { /* k (1 + 3 c x^2) */
  return MUL(R(SQRT_2_PI), ADD(1, MUL(R(3 * GELU_C), MUL(x, x))));
}

static void gelu_tanh_t(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double t = FN(tanh, f_gelu_u(c, x)), h = MUL(0.5, x);
  *y = MUL(h, ADD(1, t));
  *d = ADD(MUL(0.5, ADD(1, t)), MUL(MUL(h, SUB(1, MUL(t, t))), f_gelu_du(c, x)));
}

static void gelu_tanh_sig(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double u2 = MUL(2, f_gelu_u(c, x)), s = sat_sig_stable(c, u2), sm = sat_sig_stable(c, -u2);
  *y = MUL(x, s);
  *d = ADD(s, MUL(MUL(MUL(2, x), MUL(s, sm)), f_gelu_du(c, x)));
}

static const sat_formula formulas[] = {
    {"from-t", "x", "0.5(1+t) + 0.5x(1-t^2)k(1+3c x^2), t = tanh(k(x + c x^3))", gelu_tanh_t},
    {"sigmoid", "x", "s + 2x s s(-2u) k(1+3c x^2), s = s(2u), u = k(x + c x^3)", gelu_tanh_sig},
};

extern const act_screen_ops act_screen_gelu_tanh; /* numerics/screen.c */

const act_activation act_gelu_tanh = {
    .name = "gelu_tanh",
    .formula = "x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))",
    .dformula = "its own derivative",
    .defaults = {0.0f, 0.0f},
    .param_names = "",
    .sample_lo = -20,
    .sample_hi = 20,
    .plot_lo = -4,
    .plot_hi = 4,
    .kink_note = NULL,
    .param_note = NULL,
    .limit = act_limit_gate,
    .dref = dref,
    .mpfr = mpfr_eval,
    .mpfr_tail = tail,
    .formulas = formulas,
    .n_formulas = sizeof formulas / sizeof formulas[0],
    .screen = &act_screen_gelu_tanh,
};
