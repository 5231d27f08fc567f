/* The zero-centring experiment's pieces (suites/zerocenter) on cases with
 * known answers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "accuracy.h"
#include "check.h"
#include "formulas.h"
#include "util.h"
#include "zerocenter.h"

/* an activation's number, its place in activations/list.c */
#define ID(name) act_activation_id(#name)

int main(void) {
  act_params p = {1, 0}, p0 = {0, 0}, pl = {0.01f, 0};
  double pp, pn, pz;
  /* the signs of g(z): sigmoid always positive; tanh with the sign of z;
   * relu zero below 0; hardswish negative on (-3, 0) and zero below -3 */
  act_zc_sign_probs(ID(sigmoid), &p, 0.3, 2, &pp, &pn, &pz);
  CHECK(pp == 1 && pn == 0 && pz == 0, "sigmoid: %g %g %g", pp, pn, pz);
  act_zc_sign_probs(ID(tanh), &p0, 0, 1, &pp, &pn, &pz);
  CHECK(fabs(pp - 0.5) < 1e-15 && fabs(pn - 0.5) < 1e-15 && pz == 0, "tanh: %g %g %g", pp, pn, pz);
  act_zc_sign_probs(ID(relu), &p0, 0, 1, &pp, &pn, &pz);
  CHECK(fabs(pp - 0.5) < 1e-15 && pn == 0 && fabs(pz - 0.5) < 1e-15, "relu: %g %g %g", pp, pn, pz);
  act_zc_sign_probs(ID(leaky_relu), &pl, 1, 1, &pp, &pn, &pz);
  CHECK(fabs(pn - 0.5 * erfc(1 / sqrt(2))) < 1e-15 && pz == 0, "leaky relu negative below 0");
  act_zc_sign_probs(ID(hardswish), &p0, 0, 1, &pp, &pn, &pz);
  CHECK(fabs(pz - 0.5 * erfc(3 / sqrt(2))) < 1e-15 && fabs(pp - 0.5) < 1e-15,
        "hardswish: zero below -3: %g", pz);

  /* gd on H = c I: the optimal step 2/(2c) lands on w* in one step, along
   * the straight line */
  double x[4] = {1.5, 0, 0, 1.5}, t[2], ws[2] = {0.3, -0.7}, st[2] = {-0.2, 0.1};
  for (int j = 0; j < 2; j++) t[j] = ws[0] * x[2 * j] + ws[1] * x[2 * j + 1];
  act_zc_run r;
  act_zc_descend(0, x, t, 2, ws, st, 0.01, 1000, 1, 100, &r);
  CHECK(r.steps == 1 && r.reached && fabs(r.path_ratio - 1) < 1e-12 && fabs(r.kappa - 1) < 1e-12,
        "gd on c I: one step, straight (%ld steps, ratio %g)", r.steps, r.path_ratio);
  CHECK(r.npath == 2 && r.w0[0] == st[0] && fabs(r.w0[1] - ws[0]) < 1e-12, "the path: start, w*");
  free(r.w0), free(r.w1);

  /* inputs all positive (sigmoid of anything): every sgd step moves both
   * weights the same way; the start asks one to grow and the other to
   * shrink, so the path is longer than the straight line */
  act_rng rng;
  act_rng_seed(&rng, 3);
  enum { N = 24 };
  double xs[2 * N], ts[N];
  for (int j = 0; j < 2 * N; j++)
    xs[j] = sat_dref(ID(sigmoid), 0, 4 * act_rng_uniform(&rng) - 2, &p);
  double w2[2] = {0.5, 1}, s2[2] = {0.5 - 0.7, 1 + 0.7};
  for (int j = 0; j < N; j++) ts[j] = w2[0] * xs[2 * j] + w2[1] * xs[2 * j + 1];
  act_zc_descend(1, xs, ts, N, w2, s2, 0.01, 200000, 5, 0, &r);
  CHECK(r.reached && r.same_sign == 1, "sgd, positive inputs: every step shares a sign (%g)",
        r.same_sign);
  CHECK(r.path_ratio > 1.2, "and zig-zags: path %g times the straight line", r.path_ratio);
  act_zc_run r2;
  act_zc_descend(1, xs, ts, N, w2, s2, 0.01, 200000, 5, 0, &r2);
  CHECK(r2.steps == r.steps && r2.path_ratio == r.path_ratio, "the same seed, the same run");
  /* the same problem with zero-mean inputs (tanh of the same z) converges in
   * fewer steps */
  act_rng_seed(&rng, 3);
  for (int j = 0; j < 2 * N; j++) xs[j] = sat_dref(ID(tanh), 0, 4 * act_rng_uniform(&rng) - 2, &p0);
  for (int j = 0; j < N; j++) ts[j] = w2[0] * xs[2 * j] + w2[1] * xs[2 * j + 1];
  act_zc_descend(1, xs, ts, N, w2, s2, 0.01, 200000, 5, 0, &r2);
  CHECK(r2.reached && r2.steps < r.steps && r2.same_sign < 1,
        "tanh inputs: %ld steps against %ld, same sign %g", r2.steps, r.steps, r2.same_sign);
  return check_done();
}
