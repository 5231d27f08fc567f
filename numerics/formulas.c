/* actbench saturation: a format's arithmetic, the activations in double
 * precision, and the derivative formulas people use (formulas.h). */
#include "formulas.h"

#include <float.h>
#include <math.h>

#include "descriptor.h"
#include "dmath.h"

void sat_fmt_init(sat_fmt *c, const act_format *fmt) {
  c->fmt = fmt;
  c->p = fmt->p;
  c->emin_sub = fmt->emin_sub;
  c->emax = fmt->emax;
  c->ovf = ldexp(1.0, fmt->emax + 1);
  c->min_normal = ldexp(1.0, fmt->emin_sub + fmt->p - 1);
  c->epsilon = ldexp(1.0, 1 - fmt->p);
  c->max_finite = (2.0 - ldexp(1.0, 1 - fmt->p)) * ldexp(1.0, fmt->emax);
}

/* ---- the activations in double: their descriptors' (activations/<name>.c) */

double sat_dref(int id, int deriv, double x, const act_params *p) {
  return act_activations[id]->dref(deriv, x, p);
}

double sat_dlimit(int id, int dir, const act_params *p) {
  return act_activations[id]->limit(0, dir, p);
}

/* ---- the normal law */

double sat_phi_cdf(double z) {
  return 0.5 * erfc(-z * SQRT1_2);
}

/* P(a < X <= b), X ~ N(mu, sigma^2): the difference of two upper tails or of
 * two lower tails, whichever is small, so that nothing cancels */
double sat_normal_prob(double a, double b, double mu, double sigma) {
  if (!(b > a)) return 0;
  double za = (a - mu) / sigma, zb = (b - mu) / sigma;
  if (za >= 0) return 0.5 * (erfc(za * SQRT1_2) - erfc(zb * SQRT1_2));
  if (zb <= 0) return 0.5 * (erfc(-zb * SQRT1_2) - erfc(-za * SQRT1_2));
  return 1 - 0.5 * erfc(-za * SQRT1_2) - 0.5 * erfc(zb * SQRT1_2);
}

void sat_normal_seed(sat_normal_rng *g, uint64_t seed) {
  act_rng_seed(&g->r, seed);
  g->have = 0;
}

double sat_normal(sat_normal_rng *g) {
  if (g->have) {
    g->have = 0;
    return g->spare;
  }
  double u = 1 - act_rng_uniform(&g->r); /* (0, 1] */
  double v = act_rng_uniform(&g->r);
  double r = sqrt(-2 * log(u)), t = 2 * M_PI * v;
  g->spare = r * sin(t);
  g->have = 1;
  return r * cos(t);
}

/* ---- formulas in a format's arithmetic.  R(v): v rounded to the format;
 * every operation and function result goes through it. */
#define R(v) sat_round(c, (v))
#define ADD(u, v) R((u) + (v))
#define SUB(u, v) R((u) - (v))
#define MUL(u, v) R((u) * (v))
#define DIV(u, v) R((u) / (v))
#define FN(f, v) R(f(v))

/* 1/(1 + exp(-t)) as written */
static double f_sig_textbook(const sat_fmt *c, double t) {
  return DIV(1, ADD(1, FN(exp, -t)));
}
/* sigma(t) without overflow: 1/(1+e) for t >= 0, e/(1+e) below, e = exp(-|t|) */
static double f_sig_stable(const sat_fmt *c, double t) {
  double e = FN(exp, -fabs(t));
  return t >= 0 ? DIV(1, ADD(1, e)) : DIV(e, ADD(1, e));
}

/* sigmoid: s(a x) */
static void sigmoid_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), s = f_sig_textbook(c, MUL(a, x));
  *y = s;
  *d = MUL(MUL(a, s), SUB(1, s));
}
static void sigmoid_stable(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x);
  *y = f_sig_stable(c, t);
  *d = MUL(a, MUL(f_sig_stable(c, t), f_sig_stable(c, -t)));
}
static void sigmoid_exp(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x), e = FN(exp, -fabs(t)), q = ADD(1, e);
  *y = f_sig_stable(c, t);
  *d = MUL(a, DIV(e, MUL(q, q)));
}
static void sigmoid_naive_x(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x), e = FN(exp, -t), q = ADD(1, e);
  *y = f_sig_textbook(c, t);
  *d = MUL(a, DIV(e, MUL(q, q)));
}

/* tanh */
static void tanh_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double t = FN(tanh, x);
  *y = t;
  *d = SUB(1, MUL(t, t));
}
/* tanh(|x|) = -m/(2 + m), m = expm1(-2|x|) */
static double f_tanh_expm1(const sat_fmt *c, double x) {
  double m = FN(expm1, MUL(-2, fabs(x))), t = DIV(-m, ADD(2, m));
  return x < 0 ? -t : t;
}
static void tanh_exp(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double e = FN(exp, MUL(-2, fabs(x))), q = ADD(1, e);
  *y = f_tanh_expm1(c, x);
  *d = DIV(MUL(4, e), MUL(q, q));
}
static void tanh_cosh(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double ch = FN(cosh, x);
  *y = FN(tanh, x);
  *d = DIV(1, MUL(ch, ch));
}

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

/* elu and selu: y = x (times lambda) for x > 0, k expm1(x) below */
static void elu_common(const sat_fmt *c, double x, double l, double k, int from_y, double *y,
                       double *d) {
  if (x > 0) {
    *y = l == 1 ? x : MUL(l, x);
    *d = l;
    return;
  }
  *y = MUL(k, FN(expm1, x));
  *d = from_y ? ADD(*y, k) : MUL(k, FN(exp, x));
}
static void elu_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  elu_common(c, x, 1, R(p->a), 1, y, d);
}
static void elu_from_x(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  elu_common(c, x, 1, R(p->a), 0, y, d);
}
static void selu_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  elu_common(c, x, R(SELU_L), R(SELU_L * SELU_A), 1, y, d);
}
static void selu_from_x(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  elu_common(c, x, R(SELU_L), R(SELU_L * SELU_A), 0, y, d);
}

/* gelu: Phi + x phi */
static double f_gelu_pdf(const sat_fmt *c, double x) {
  return MUL(FN(exp, MUL(-0.5, MUL(x, x))), R(RSQRT_2PI));
}
static void gelu_erf(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double cdf = MUL(0.5, ADD(1, FN(erf, MUL(x, R(SQRT1_2)))));
  *y = MUL(x, cdf);
  *d = ADD(cdf, MUL(x, f_gelu_pdf(c, x)));
}
static void gelu_erfc(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double cdf = MUL(0.5, FN(erfc, MUL(-x, R(SQRT1_2))));
  *y = MUL(x, cdf);
  *d = ADD(cdf, MUL(x, f_gelu_pdf(c, x)));
}

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
  double u2 = MUL(2, f_gelu_u(c, x)), s = f_sig_stable(c, u2), sm = f_sig_stable(c, -u2);
  *y = MUL(x, s);
  *d = ADD(s, MUL(MUL(MUL(2, x), MUL(s, sm)), f_gelu_du(c, x)));
}

/* silu: x s(a x) */
static void silu_textbook(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x), s = f_sig_textbook(c, t);
  *y = MUL(x, s);
  *d = MUL(s, ADD(1, MUL(t, SUB(1, s))));
}
static void silu_stable(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x), s = f_sig_stable(c, t);
  *y = MUL(x, s);
  *d = MUL(s, ADD(1, MUL(t, f_sig_stable(c, -t))));
}

/* softplus: log(1 + exp(a x))/a; frameworks return x where a x > b */
static double f_softplus_thr(const sat_fmt *c, double x, double a, double b) {
  double t = MUL(a, x);
  return t > b ? x : DIV(FN(log1p, FN(exp, t)), a);
}
static void softplus_framework(const sat_fmt *c, double x, const act_params *p, double *y,
                               double *d) {
  double a = R(p->a), b = R(p->b), t = MUL(a, x), z = FN(exp, t);
  *y = f_softplus_thr(c, x, a, b);
  *d = t > b ? 1 : DIV(z, ADD(z, 1));
}
static void softplus_textbook(const sat_fmt *c, double x, const act_params *p, double *y,
                              double *d) {
  double a = R(p->a), t = MUL(a, x);
  *y = DIV(FN(log, ADD(1, FN(exp, t))), a);
  *d = f_sig_textbook(c, t);
}
static void softplus_stable(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), t = MUL(a, x);
  *y = DIV(ADD(t > 0 ? t : 0, FN(log1p, FN(exp, -fabs(t)))), a);
  *d = f_sig_stable(c, t);
}
static void softplus_from_y(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  double a = R(p->a), b = R(p->b);
  *y = f_softplus_thr(c, x, a, b);
  *d = -FN(expm1, -MUL(a, *y)); /* s(a x) = 1 - exp(-a y) */
}

/* mish: x tanh(softplus x) */
static void mish_textbook(const sat_fmt *c, double x, const act_params *p, double *y, double *d) {
  (void)p;
  double sp = FN(log1p, FN(exp, x)), t = FN(tanh, sp), s = f_sig_textbook(c, x);
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
static void hardswish_from_x(const sat_fmt *c, double x, const act_params *p, double *y,
                             double *d) {
  (void)p;
  double r = ADD(x, 3);
  r = r < 0 ? 0 : r > 6 ? 6 : r;
  *y = DIV(MUL(x, r), 6);
  *d = x < -3 ? 0 : x > 3 ? 1 : ADD(DIV(x, 3), 0.5);
}

/* logsigmoid: log s(x); f' = s(-x) */
static void logsigmoid_textbook(const sat_fmt *c, double x, const act_params *p, double *y,
                                double *d) {
  (void)p;
  *y = FN(log, f_sig_textbook(c, x));
  *d = DIV(1, ADD(1, FN(exp, x)));
}
static double f_logsig_stable(const sat_fmt *c, double x) {
  return SUB(x < 0 ? x : 0, FN(log1p, FN(exp, -fabs(x))));
}
static void logsigmoid_stable(const sat_fmt *c, double x, const act_params *p, double *y,
                              double *d) {
  (void)p;
  *y = f_logsig_stable(c, x);
  *d = f_sig_stable(c, -x);
}
static void logsigmoid_from_y(const sat_fmt *c, double x, const act_params *p, double *y,
                              double *d) {
  (void)p;
  *y = f_logsig_stable(c, x);
  *d = -FN(expm1, *y); /* s(-x) = 1 - exp(y) */
}

const sat_formula sat_formulas[] = {
    {ACT_SIGMOID, "from-y", "y", "a*y*(1-y), y = 1/(1+exp(-a x))", sigmoid_from_y},
    {ACT_SIGMOID, "stable", "x",
     "a*s(ax)*s(-ax), s(t) = 1/(1+exp(-t)) for t >= 0, exp(t)/(1+exp(t)) below", sigmoid_stable},
    {ACT_SIGMOID, "exp", "x", "a*e/(1+e)^2, e = exp(-|a x|)", sigmoid_exp},
    {ACT_SIGMOID, "naive-exp", "x", "a*e/(1+e)^2, e = exp(-a x); y = 1/(1+e)", sigmoid_naive_x},
    {ACT_TANH, "from-y", "y", "1-y^2, y = tanh x", tanh_from_y},
    {ACT_TANH, "exp", "x", "4e/(1+e)^2, e = exp(-2|x|); y = -m/(2+m), m = expm1(-2|x|)", tanh_exp},
    {ACT_TANH, "cosh", "x", "1/cosh(x)^2 (sech^2 via cosh); y = tanh x", tanh_cosh},
    {ACT_RELU, "from-x", "x", "x > 0 ? 1 : 0", relu_from_x},
    {ACT_RELU, "from-y", "y", "y > 0 ? 1 : 0", relu_from_y},
    {ACT_LEAKY, "from-x", "x", "x > 0 ? 1 : a", leaky_from_x},
    {ACT_LEAKY, "from-y", "y", "y > 0 ? 1 : a", leaky_from_y},
    {ACT_ELU, "from-y", "x,y", "x > 0 ? 1 : y + a, y = a*expm1(x)", elu_from_y},
    {ACT_ELU, "from-x", "x", "x > 0 ? 1 : a*exp(x)", elu_from_x},
    {ACT_SELU, "from-y", "x,y", "x > 0 ? l : y + l*al, y = l*al*expm1(x)", selu_from_y},
    {ACT_SELU, "from-x", "x", "x > 0 ? l : l*al*exp(x)", selu_from_x},
    {ACT_GELU, "erf", "x", "cdf + x*pdf, cdf = 0.5*(1+erf(x/sqrt 2)), pdf = exp(-x^2/2)/sqrt(2 pi)",
     gelu_erf},
    {ACT_GELU, "erfc", "x", "cdf + x*pdf, cdf = 0.5*erfc(-x/sqrt 2)", gelu_erfc},
    {ACT_GELU_TANH, "from-t", "x", "0.5(1+t) + 0.5x(1-t^2)k(1+3c x^2), t = tanh(k(x + c x^3))",
     gelu_tanh_t},
    {ACT_GELU_TANH, "sigmoid", "x", "s + 2x s s(-2u) k(1+3c x^2), s = s(2u), u = k(x + c x^3)",
     gelu_tanh_sig},
    {ACT_SILU, "textbook", "x", "s*(1 + a x (1-s)), s = 1/(1+exp(-a x))", silu_textbook},
    {ACT_SILU, "stable", "x", "s(ax)*(1 + a x s(-ax)), s without overflow", silu_stable},
    {ACT_SOFTPLUS, "framework", "x", "a x > b ? 1 : z/(z+1), z = exp(a x)", softplus_framework},
    {ACT_SOFTPLUS, "textbook", "x", "1/(1+exp(-a x)); y = log(1+exp(a x))/a", softplus_textbook},
    {ACT_SOFTPLUS, "stable", "x", "s(a x) without overflow; y = (max(t,0) + log1p(exp(-|t|)))/a",
     softplus_stable},
    {ACT_SOFTPLUS, "from-y", "y", "-expm1(-a y) (= 1 - exp(-a y))", softplus_from_y},
    {ACT_MISH, "textbook", "x", "t + x s (1-t^2), t = tanh(log1p(exp x)), s = 1/(1+exp(-x))",
     mish_textbook},
    {ACT_MISH, "closed", "x",
     "e w/D^2, w = 4(x+1) + 4e^2 + e^3 + e(4x+6), D = 2e + e^2 + 2, e = exp x", mish_closed},
    {ACT_HARDSIGMOID, "from-x", "x", "-3 < x < 3 ? 1/6 : 0", hardsigmoid_from_x},
    {ACT_HARDSIGMOID, "from-y", "y", "0 < y < 1 ? 1/6 : 0", hardsigmoid_from_y},
    {ACT_HARDSWISH, "from-x", "x", "x < -3 ? 0 : x > 3 ? 1 : x/3 + 1/2", hardswish_from_x},
    {ACT_LOGSIGMOID, "textbook", "x", "1/(1+exp(x)); y = log(1/(1+exp(-x)))", logsigmoid_textbook},
    {ACT_LOGSIGMOID, "stable", "x", "s(-x) without overflow; y = min(x,0) - log1p(exp(-|x|))",
     logsigmoid_stable},
    {ACT_LOGSIGMOID, "from-y", "y", "-expm1(y) (= 1 - exp(y))", logsigmoid_from_y},
};
const size_t sat_formula_count = sizeof sat_formulas / sizeof sat_formulas[0];
