#ifndef ACTBENCH_ZEROCENTER_H
#define ACTBENCH_ZEROCENTER_H
/* actbench zerocenter: the seed's zig-zag argument, measured.
 *
 * 1. Sign agreement: a neuron with d inputs a_i = g(z_i) gets the weight
 *    gradients a_i * delta (delta = dL/d(pre-activation), common to all
 *    weights), so they all share one sign exactly when the a_i do.
 * 2. Two weights: least squares on y = w0 x0 + w1 x1 with inputs x = g(z),
 *    gradient descent from a start where w0 must grow and w1 shrink; the
 *    steps to reach the optimum, the path length against the straight line,
 *    over many seeded problems, and one representative pair of paths. */
#include <stddef.h>
#include <stdint.h>

#include "actbench/activation.h"

#ifdef __cplusplus
extern "C" {
#endif

/* actbench zerocenter [options]: argv[0] is "zerocenter". */
int act_zerocenter_main(int argc, char **argv);

/* P(g(z) > 0), P(g(z) < 0), P(g(z) = 0) for z ~ N(mu, sigma^2), from the
 * sign of g on (-inf, -3), (-3, 0) and (0, inf) (constant there for every
 * activation of the registry) */
void act_zc_sign_probs(int id, const act_params *p, double mu, double sigma, double *pos,
                       double *neg, double *zero);

/* one two-weight problem solved by one method: gd (full batch, the
 * optimal constant step 2/(lmax + lmin)) or sgd (one sample per step, in a
 * seeded order each epoch, step 1/max |x_j|^2) */
typedef struct {
  long steps; /* to reach |w - w*| <= tol |w_start - w*|; max_steps when not */
  int reached;
  double path_ratio; /* path length / |w_start - w*| */
  double same_sign;  /* fraction of steps whose two weight updates share a sign */
  double kappa;      /* condition number of the Hessian X^T X / n */
  double *w0, *w1;   /* the path (when asked for), every `every`-th point and the last */
  size_t npath, every;
} act_zc_run;
/* x: n samples of 2 inputs (row-major), t: targets, w*: optimum, start */
void act_zc_descend(int sgd, const double *x, const double *t, size_t n, const double wstar[2],
                    const double start[2], double tol, long max_steps, uint64_t seed,
                    size_t keep_path, act_zc_run *r);

#ifdef __cplusplus
}
#endif
#endif
