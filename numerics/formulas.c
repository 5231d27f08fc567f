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
