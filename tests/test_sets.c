/* The sets where |f'| < eps and where f' = 0 (suites/saturation/intervals.c)
 * against thresholds derived by hand, and their endpoints exact to the float
 * (the endpoint is in the set, the next float outside is not, by MPFR). */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "accuracy.h"
#include "check.h"
#include "saturation.h"
#include "util.h"

/* an activation's number, its place in activations/list.c */
#define ID(name) act_activation_id(#name)

static const double k_eps[] = {1e-1, 1e-3, 1e-6};

static int in_set_mpfr(int id, const act_params *p, double eps, float x) {
  act_ref r;
  act_reference_id(id, 1, x, p, &r);
  if (eps == 0) return r.exact_zero;
  return fabs(r.hi + r.lo) < eps;
}

/* every finite endpoint of s is the last float of the set: its outer
 * neighbour is outside */
static void check_ends(const char *name, int id, const act_params *p, double eps,
                       const sat_set *s) {
  for (size_t i = 0; i < s->n; i++) {
    float lo = s->v[i].lo, hi = s->v[i].hi;
    CHECK(in_set_mpfr(id, p, eps, lo) && in_set_mpfr(id, p, eps, hi),
          "%s eps %g: [%a, %a] ends in the set", name, eps, (double)lo, (double)hi);
    if (lo > -FLT_MAX)
      CHECK(!in_set_mpfr(id, p, eps, nextafterf(lo, -INFINITY)), "%s eps %g: below %a is out", name,
            eps, (double)lo);
    if (hi < FLT_MAX)
      CHECK(!in_set_mpfr(id, p, eps, nextafterf(hi, INFINITY)), "%s eps %g: above %a is out", name,
            eps, (double)hi);
  }
}

/* the float nearest v, one float either way allowed */
static int near(float got, double want) {
  return fabs(got - want) <= 2 * fabs(nextafterf((float)want, INFINITY) - (float)want);
}

int main(void) {
  act_params p1 = {1, 0}, p0 = {0, 0};
  sat_math m;

  /* sigmoid: s'(x) = u/(1+u)^2 = eps with u = exp(-|x|): the small root of
   * eps u^2 + (2 eps - 1) u + eps = 0, u = 2 eps/(b + sqrt(b^2 - 4 eps^2)),
   * b = 1 - 2 eps; |f'| < eps beyond x = -ln u on both sides, nowhere else */
  sat_math_sets(ID(sigmoid), &p1, 3, k_eps, &m);
  for (int e = 0; e < 3; e++) {
    double eps = k_eps[e], b = 1 - 2 * eps, u = 2 * eps / (b + sqrt(b * b - 4 * eps * eps));
    double t = -log(u);
    const sat_set *s = &m.lt[e];
    CHECK(s->n == 2 && s->v[0].lo == -FLT_MAX && s->v[1].hi == FLT_MAX && near(s->v[0].hi, -t) &&
              near(s->v[1].lo, t),
          "sigmoid |f'| < %g beyond %.7g: got %zu intervals, [%.9g, %.9g]", eps, t, s->n,
          s->n ? (double)s->v[0].hi : 0.0, s->n > 1 ? (double)s->v[1].lo : 0.0);
    check_ends("sigmoid", ID(sigmoid), &p1, eps, s);
  }
  CHECK(fabs(-log(2e-3 / (1 - 2e-3 + sqrt((1 - 2e-3) * (1 - 2e-3) - 4e-6))) - 6.9057523) < 1e-6,
        "the hand value for 1e-3 is 6.9058");
  CHECK(m.dead.n == 0, "sigmoid' is never 0");
  sat_math_free(&m);

  /* tanh: sech^2 x = eps at x = acosh(1/sqrt(eps)) (4.1468 for 1e-3) */
  sat_math_sets(ID(tanh), &p0, 3, k_eps, &m);
  for (int e = 0; e < 3; e++) {
    double t = acosh(1 / sqrt(k_eps[e]));
    const sat_set *s = &m.lt[e];
    CHECK(s->n == 2 && near(s->v[1].lo, t) && near(s->v[0].hi, -t),
          "tanh |f'| < %g beyond %.7g: got [%.9g, %.9g]", k_eps[e], t,
          s->n ? (double)s->v[0].hi : 0.0, s->n > 1 ? (double)s->v[1].lo : 0.0);
    check_ends("tanh", ID(tanh), &p0, k_eps[e], s);
  }
  sat_math_free(&m);

  /* relu: f' = 0 exactly on (-inf, 0] (relu'(0) = 0), 1 beyond */
  sat_math_sets(ID(relu), &p0, 3, k_eps, &m);
  CHECK(m.dead.n == 1 && m.dead.v[0].lo == -FLT_MAX && m.dead.v[0].hi == 0, "relu dead (-inf, 0]");
  CHECK(m.lt[0].n == 1 && m.lt[0].v[0].hi == 0, "relu |f'| < 0.1 on (-inf, 0]");
  float x = 0;
  CHECK(sat_set_side(&m.dead, -1, &x) == 1 && sat_set_side(&m.dead, 1, &x) == 0,
        "relu: the whole negative side, never the positive");
  sat_math_free(&m);

  /* hardswish: f' = x/3 + 1/2 on [-3, 3] (-1/2 at -3), 0 below: dead on
   * (-inf, -3) and at x = -3/2; |f'| < eps also on |x + 3/2| < 3 eps */
  sat_math_sets(ID(hardswish), &p0, 3, k_eps, &m);
  CHECK(m.dead.n == 2 && m.dead.v[0].hi == nextafterf(-3, -INFINITY) && m.dead.v[1].lo == -1.5f &&
            m.dead.v[1].hi == -1.5f,
        "hardswish dead on (-inf, -3) and {-1.5}: %zu intervals", m.dead.n);
  for (int e = 0; e < 3; e++) {
    const sat_set *s = &m.lt[e];
    CHECK(
        s->n == 2 && near(s->v[1].lo, -1.5 - 3 * k_eps[e]) && near(s->v[1].hi, -1.5 + 3 * k_eps[e]),
        "hardswish |f'| < %g around -1.5: [%.9g, %.9g]", k_eps[e],
        s->n > 1 ? (double)s->v[1].lo : 0.0, s->n > 1 ? (double)s->v[1].hi : 0.0);
    check_ends("hardswish", ID(hardswish), &p0, k_eps[e], s);
  }
  check_ends("hardswish", ID(hardswish), &p0, 0, &m.dead);
  sat_math_free(&m);

  /* gelu: f' = Phi(x) + x phi(x) crosses 0 at x0 (found here by bisection in
   * double); |f'| < eps on a small interval around x0 (no monotonicity
   * assumed) and beyond a point on the negative side */
  sat_math_sets(ID(gelu), &p0, 3, k_eps, &m);
  double lo = -1, hi = -0.5;
  for (int i = 0; i < 100; i++) {
    double mid = 0.5 * (lo + hi);
    double d = 0.5 * erfc(-mid / sqrt(2)) + mid * exp(-mid * mid / 2) / sqrt(2 * M_PI);
    if (d < 0)
      lo = mid;
    else
      hi = mid;
  }
  for (int e = 0; e < 3; e++) {
    const sat_set *s = &m.lt[e];
    CHECK(
        s->n == 2 && s->v[0].lo == -FLT_MAX && s->v[1].lo < lo && s->v[1].hi > lo && s->v[1].hi < 0,
        "gelu |f'| < %g: the tail and an interval around the zero %.9g of gelu' (%zu intervals)",
        k_eps[e], lo, s->n);
    check_ends("gelu", ID(gelu), &p0, k_eps[e], s);
  }
  /* the width of the dip for eps = 1e-6: 2 eps / |gelu''(x0)|, gelu'' = phi(x)(2 - x^2) */
  double g2 = exp(-lo * lo / 2) / sqrt(2 * M_PI) * (2 - lo * lo);
  const sat_set *s6 = &m.lt[2];
  if (s6->n == 2)
    CHECK(fabs((s6->v[1].hi - s6->v[1].lo) / (2e-6 / g2) - 1) < 0.01,
          "gelu: the 1e-6 dip is %g wide, about %g", (double)(s6->v[1].hi - s6->v[1].lo),
          2e-6 / g2);
  CHECK(m.minima >= 1, "the dip was found as a local minimum");
  sat_math_free(&m);
  return check_done();
}
