/* actbench: what an activation is, once (issue 15).
 *
 * One descriptor per activation, one file each (activations/<name>.c), listed
 * once (activations/list.c): the formulas and their text, the default
 * parameters and their valid range, the limits of f and f' at -inf and +inf,
 * f and f' in double, f and f' with MPFR, and the derivative formulas people
 * use in a format's arithmetic.  The engines (the MPFR references, the
 * saturation suite's double arithmetic and its comparison of formulas, the
 * sampled sweep's special inputs, the command line's parameter check) reach
 * an activation only through its descriptor.  An activation's number (act_activation_id)
 * is its place in the list.
 *
 * This header needs neither MPFR nor libm: the MPFR evaluation takes its
 * value as an opaque pointer (an mpfr_ptr, activations/mpfr_ref.h). */
#ifndef ACTBENCH_DESCRIPTOR_H
#define ACTBENCH_DESCRIPTOR_H

#include <stddef.h>

#include "actbench/activation.h"

#ifdef __cplusplus
extern "C" {
#endif

struct sat_formula;    /* numerics/formulas.h */
struct act_screen_ops; /* numerics/numerics.h */

typedef struct act_activation {
  const char *name;
  const char *formula;     /* human-readable f */
  const char *dformula;    /* human-readable f' */
  act_params defaults;     /* the frameworks' defaults */
  const char *param_names; /* "a" (slope, alpha or beta), "a b" (softplus: beta, threshold), "" */
  double sample_lo, sample_hi; /* the interesting range for the dense grid */
  double plot_lo, plot_hi;     /* range of the f / f' plot */
  const char *kink_note;       /* derivative convention at a kink, or NULL */
  /* the kinks: the x where f' jumps (for some parameters), where libraries
   * follow different conventions for f'(x) (kink_note states the
   * references'); the accuracy suite accepts either one-sided derivative
   * there and marks the other convention (suites/accuracy, "kink") */
  double kinks[4];
  int n_kinks;
  const char *param_note; /* what a and b mean, or NULL */
  /* the parameters' valid range: NULL (any), or a function that returns NULL
   * for valid parameters and otherwise what they must satisfy ("0 <= a < 1") */
  const char *(*params_invalid)(const act_params *p);
  /* the limit of f (deriv = 0) or f' (deriv = 1) as x -> dir * inf (dir = -1
   * or +1) with parameters p, NAN where there is none (relu's f at +inf) */
  double (*limit)(int deriv, int dir, const act_params *p);
  /* f (deriv = 0) or f' (deriv = 1) at x in double, without overflow and with
   * full relative accuracy where the formulas allow (the saturation suite's
   * reference, numerics/formulas.h) */
  double (*dref)(int deriv, double x, const act_params *p);
  /* f or f' at the float x with MPFR at precision prec into v (an mpfr_ptr,
   * its precision set by the caller): returns the bits lost, the relative
   * error being below 2^(lost - prec), or -1 when v is exact
   * (activations/mpfr_ref.h; the references' engine is
   * numerics/reference.c) */
  int (*mpfr)(int deriv, float x, const act_params *p, void *v, long prec);
  /* the tails where f (or f') is F + d with |d| far below F's half-ulp
   * (2^-150 |F|) or the value is below 2^-280: sets *F and *d and returns 1;
   * 0 elsewhere.  NULL: no such tail. */
  int (*mpfr_tail)(int deriv, double x, const act_params *p, double *F, double *d);
  /* the derivative formulas people use, each with the forward it goes with,
   * in a format's arithmetic (numerics/formulas.h): the saturation suite
   * compares them with the exact f' */
  const struct sat_formula *formulas;
  size_t n_formulas;
  /* the double-double screen of the exhaustive sweep (numerics/screen.c,
   * numerics.h): it decides most inputs' f and f' without MPFR; NULL: MPFR
   * for every input */
  const struct act_screen_ops *screen;
} act_activation;

extern const act_activation *const act_activations[];
extern const size_t act_activation_count;
/* the descriptor of the named activation, NULL if none */
const act_activation *act_find_activation(const char *name);
/* its number, the place in act_activations[]; -1 for an unknown name */
int act_activation_id(const char *name);
/* f is bounded on side dir (-1, +1) with the default parameters: it tends to
 * a constant there (sigmoid both sides, elu at -inf, ...) */
int act_bounded(const act_activation *act, int dir);
/* the limits of a gate x g(x) with g from 0 to 1 (gelu, gelu_tanh, silu,
 * softplus, mish, hardswish): f and f' tend to 0 at -inf, f' to 1 at +inf,
 * f to no constant there */
double act_limit_gate(int deriv, int dir, const act_params *p);

#ifdef __cplusplus
}
#endif
#endif
