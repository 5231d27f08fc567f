/* actbench saturation: arithmetic in a number format, the activations in
 * double precision, and the derivative formulas people use.
 *
 * A formula is evaluated in a format's arithmetic: every operation (+, -, *,
 * /, and every elementary function: exp, expm1, log1p, tanh, cosh, erf,
 * erfc) is computed in double from operands that are values of the format,
 * then rounded to nearest-even in the format, subnormals included and
 * overflow to infinity.  Double rounding is innocuous for the basic
 * operations (53 >= 2p + 2 for p <= 24); for the elementary functions the
 * model is a correctly rounded library in the format (the double result is
 * within an ulp of double of the exact one).  Constants are rounded to the
 * format once.
 */
#ifndef ACTBENCH_FORMULAS_H
#define ACTBENCH_FORMULAS_H

#include <stddef.h>
#include <stdint.h>

#include "actbench/activation.h"
#include "numerics.h"
#include "util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* a number format, as the formulas need it */
typedef struct {
  const act_format *fmt; /* act_binary32, act_bfloat16 or act_binary16 */
  int p, emin_sub, emax;
  double ovf;        /* 2^(emax+1): a rounded result this large is an infinity */
  double min_normal; /* 2^(emin_sub + p - 1) */
  double epsilon;    /* 2^(1-p), the format's machine epsilon */
  double max_finite; /* (2 - 2^(1-p)) 2^emax */
} sat_fmt;
void sat_fmt_init(sat_fmt *c, const act_format *fmt);

/* v rounded to nearest (ties to even) in the format; NaN, infinities and
 * zeros (with their sign) unchanged; beyond the range an infinity. */
static inline double sat_round(const sat_fmt *c, double v) {
  if (v == 0 || v != v) return v;
  double a = __builtin_fabs(v);
  if (a == __builtin_inf()) return v;
  if (a < 0x1p-1000) return v < 0 ? -0.0 : 0.0; /* far below every format's subnormals */
  int e = act_exp_of(a) - 1;                    /* 2^e <= a < 2^(e+1) */
  int q = e - (c->p - 1);
  if (q < c->emin_sub) q = c->emin_sub;
  double r = act_rint(a * act_pow2(-q)) * act_pow2(q); /* both scalings exact */
  if (r >= c->ovf) r = __builtin_inf();
  return v < 0 ? -r : r;
}

/* ---- the activations in double precision (docs/accuracy.md's definitions,
 * the parameters as the implementation receives them), written without
 * avoidable cancellation or overflow: relative error a few ulps of double
 * wherever the value is far from a zero of the function, absolute error
 * about 1e-17 near one.  deriv = 0: f, 1: f'.  id: act_activation_id. */
double sat_dref(int id, int deriv, double x, const act_params *p);
/* f(-inf) (dir < 0) or f(+inf) (dir > 0); NaN where f is unbounded there */
double sat_dlimit(int id, int dir, const act_params *p);

/* standard normal: P(X <= z) and P(a < X <= b) with erfc (no cancellation in
 * either tail) */
double sat_phi_cdf(double z);
double sat_normal_prob(double a, double b, double mu, double sigma);
/* a standard normal draw (Box-Muller, both values used) */
typedef struct {
  act_rng r;
  double spare;
  int have;
} sat_normal_rng;
void sat_normal_seed(sat_normal_rng *g, uint64_t seed);
double sat_normal(sat_normal_rng *g);

/* ---- derivative formulas: each activation's, with the forward each goes
 * with, are in its descriptor (activations/<name>.c: .formulas,
 * .n_formulas) */
typedef void sat_formula_fn(const sat_fmt *c, double x, const act_params *p, double *y, double *d);
typedef struct sat_formula {
  const char *key;  /* "from-y", "stable", ... */
  const char *from; /* what f' is computed from: "x", "y" or "x,y" */
  const char *text; /* the formula, f' and the forward it goes with */
  sat_formula_fn *fn;
} sat_formula;

#ifdef SAT_ARITH
#include <math.h>
/* the formulas' shorthand: R(v) is v rounded to the format c; every
 * operation and function result goes through it */
#define R(v) sat_round(c, (v))
#define ADD(u, v) R((u) + (v))
#define SUB(u, v) R((u) - (v))
#define MUL(u, v) R((u) * (v))
#define DIV(u, v) R((u) / (v))
#define FN(f, v) R(f(v))

/* what several activations' formulas share */
/* 1/(1 + exp(-t)) as written */
static inline double sat_sig_textbook(const sat_fmt *c, double t) {
  return DIV(1, ADD(1, FN(exp, -t)));
}
/* sigma(t) without overflow: 1/(1+e) for t >= 0, e/(1+e) below, e = exp(-|t|) */
static inline double sat_sig_stable(const sat_fmt *c, double t) {
  double e = FN(exp, -fabs(t));
  return t >= 0 ? DIV(1, ADD(1, e)) : DIV(e, ADD(1, e));
}

/* elu and selu: y = x (times lambda) for x > 0, k expm1(x) below */
static inline void sat_elu_common(const sat_fmt *c, double x, double l, double k, int from_y,
                                  double *y, double *d) {
  if (x > 0) {
    *y = l == 1 ? x : MUL(l, x);
    *d = l;
    return;
  }
  *y = MUL(k, FN(expm1, x));
  *d = from_y ? ADD(*y, k) : MUL(k, FN(exp, x));
}
#endif

#ifdef __cplusplus
}
#endif
#endif
