#ifndef ACTBENCH_SATURATION_H
#define ACTBENCH_SATURATION_H
/* actbench saturation: where gradients vanish.  The command (saturation.c)
 * and its pieces, exposed for the tests:
 *   intervals.c  the sets where |f'| < eps and where f' = 0, from MPFR
 *   numeric.c    computed gradients in binary32, bfloat16 and binary16
 *   dist.c       the normal law over those sets, products through depth,
 *                dying ReLU */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "formulas.h"
#include "registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/* actbench saturation [options]: argv[0] is "saturation". */
int act_saturation_main(int argc, char **argv);

/* ---- sets of values of a format, as intervals [lo, hi] (both in the set);
 * sorted, disjoint, not adjacent */
typedef struct {
  float lo, hi;
} sat_ivl;
typedef struct {
  sat_ivl *v;
  size_t n, cap;
} sat_set;
void sat_set_add(sat_set *s, float lo, float hi); /* appends */
void sat_set_free(sat_set *s);
/* the neighbour of the format value v in direction dir (+1 up, -1 down);
 * +-inf beyond the largest finite value */
double sat_fmt_next(const sat_fmt *c, double v, int dir);
/* P(RN_fmt(X) in s), X ~ N(mu, sigma^2): the probability of the union of the
 * rounding cells of s's values (the cells of the largest finite values
 * extend to infinity) */
double sat_set_prob(const sat_set *s, const sat_fmt *c, double mu, double sigma);

/* ---- the mathematical sets (intervals.c), over the floats: for each
 * threshold eps[k] the x with |f'(x)| < eps[k] (lt[k]), and the x with
 * f'(x) = 0 exactly (dead), from MPFR (act_reference_id). */
typedef struct {
  size_t neps;
  sat_set *lt; /* [neps] */
  sat_set dead;
  size_t samples, minima, evaluations; /* the scan's size */
} sat_math;
void sat_math_sets(int id, const act_params *p, size_t neps, const double *eps, sat_math *out);
void sat_math_free(sat_math *m);
/* the scan's resolution, one line for the results file */
extern const char sat_math_scan_note[];
/* the old "math" member's view of a set on one side (dir -1 or +1):
 * 0 never, 1 all (every float of the side), 2 beyond *x (signed; the set holds
 * every float from *x outward and *x is the innermost such float) */
int sat_set_side(const sat_set *s, int dir, float *x);

/* ---- computed gradients (numeric.c) */
typedef enum { SAT_EXACT, SAT_IMPL, SAT_FORMULA } sat_ev_kind;
typedef struct {
  sat_ev_kind kind;
  const act_impl *impl;       /* SAT_IMPL */
  const sat_formula *formula; /* SAT_FORMULA */
  char name[128];
} sat_evaluator;
/* computed f and f' at n inputs x (values of the format): a formula in the
 * format's arithmetic; an implementation's float kernels with the input a
 * value of the format, its output y stored in the format (rounded) and
 * given to the backward kernel, and f' rounded to the format (a framework's
 * tensors in that format); SAT_EXACT: f and f' rounded to the format once. */
void sat_evaluate(const sat_evaluator *e, int id, const act_params *p, const sat_fmt *c,
                  const float *x, size_t n, float *y, float *d);

/* the inputs of one format: the positive values in increasing order (every
 * one for bfloat16 and binary16; every stride-th float bit pattern for
 * binary32, with the smallest subnormal and FLT_MAX), used with both signs */
typedef struct {
  const sat_fmt *c;
  float *m;
  size_t n;
  uint32_t stride; /* 1: every value of the format */
  double *refd[2]; /* exact f' at -m[i] and m[i], double (sat_dref) */
} sat_inputs;
void sat_inputs_make(sat_inputs *in, const sat_fmt *c, uint32_t stride, int id,
                     const act_params *p);
void sat_inputs_free(sat_inputs *in);

/* One evaluator over the inputs of a format, each side going outward from 0
 * (index 0: x < 0, 1: x > 0).  Values are NaN where there is none. */
typedef struct {
  float zero[2];           /* first x where f' is computed 0 while RN_fmt(exact f') is not */
  float zero_from[2];      /* the computed f' is 0 at every input from here outward */
  float off1[2];           /* first x where |computed - exact| > 1% |exact| (exact >= the
                              format's least normal in magnitude, or exactly 0) */
  float asym[2];           /* first x where the computed f equals RN_fmt(limit) */
  float subnormal_from[2]; /* SAT_EXACT: |RN_fmt(f')| < least normal from here outward */
  uint64_t n_inputs[2], n_zero[2], n_premature[2], n_off1[2], n_nonfinite[2];
  sat_set zeros;         /* the inputs (both signs, 0 included) where the computed f' is 0 */
  size_t runs_unrefined; /* binary32 with a stride: runs whose edges were not refined */
} sat_num;
void sat_numeric(const sat_evaluator *e, int id, const act_params *p, const sat_inputs *in,
                 const double lim[2], sat_num *out);
void sat_num_free(sat_num *r);

/* ---- the normal law, depth, dying ReLU (dist.c) */
typedef struct {
  uint64_t seed;
  int mc;                    /* Monte Carlo draws per (mu, sigma) */
  int chains;                /* delivered-gradient chains per scale */
  int depth;                 /* layers, L = 1..depth */
  int units, fan_in, trials; /* dying ReLU: units per layer, inputs per unit, layers drawn */
} sat_opts;
/* the grids of the normal table, of the depth experiment and of dying ReLU */
extern const double sat_mu_grid[], sat_sigma_grid[], sat_depth_scales[];
extern const size_t sat_mu_count, sat_sigma_count, sat_depth_scale_count;
extern const double sat_dying_delta[];
extern const int sat_dying_batch[];
extern const size_t sat_dying_delta_count, sat_dying_batch_count;

/* one computed gradient in one format, for the normal table */
typedef struct {
  const sat_fmt *c;
  const sat_evaluator *e;
  const sat_set *zeros; /* where it is computed 0 (sat_num.zeros) */
} sat_zero_entry;
/* the normal table of one activation: P(|f'| < eps) for each set of m (the
 * thresholds eps[] with their labels), P(f' = 0), and P(computed f' = 0)
 * for each entry, exact and by Monte Carlo (seeded) */
json_t *sat_normal_json(int id, const act_params *p, const sat_math *m, const double *eps,
                        const char *const *labels, const sat_zero_entry *z, size_t nz,
                        const sat_opts *o);
/* E[f'(x)] for x ~ N(0, s^2), its powers L = 1..depth, the geometric mean
 * of |f'|, and the gradient delivered by chains of formulas in each format */
json_t *sat_depth_json(int id, const act_params *p, const sat_set *dead, const sat_fmt *const *fmts,
                       size_t nfmt, const sat_opts *o);
/* the dying-ReLU layer experiment */
json_t *sat_dying_json(const act_params *leaky, const act_params *elu, const sat_opts *o);
/* E[g(X)], X ~ N(mu, s^2), by Gauss-Legendre quadrature split at g's kinks
 * (kinks: nk points) over mu +- 8.5 s */
double sat_normal_expect(double (*g)(double x, void *ctx), void *ctx, double mu, double s,
                         const double *kinks, size_t nk);
/* the dying-ReLU exact fraction: E over r^2 ~ chi^2_d / d of
 * Phi((c - delta)/r)^B (a unit z = w.x + delta with w ~ N(0, I/d), x ~ N(0,
 * I_d): all of its B pre-activations are <= c) */
double sat_dying_exact(int d, double delta, double c, int B);

#ifdef __cplusplus
}
#endif
#endif
