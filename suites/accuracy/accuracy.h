/* actbench accuracy: MPFR references, the ULP engine, and the sweeps. */
#ifndef ACTBENCH_ACCURACY_H
#define ACTBENCH_ACCURACY_H

#include <stddef.h>
#include <stdint.h>

#include "activation.h"
#include "registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- number formats (docs/accuracy.md) */
typedef struct {
  const char *name;
  int p;        /* significand bits */
  int emin_sub; /* exponent of the smallest subnormal */
  int emax;     /* largest finite value < 2^(emax+1) */
} act_format;
extern const act_format act_binary32, act_bfloat16, act_binary16;

/* ---- the exact value */
enum { ACT_REF_FINITE = 0, ACT_REF_NAN = 1, ACT_REF_INF = 2 };
typedef struct {
  double hi, lo; /* the exact value as an unevaluated sum hi + lo (|lo| <= ulp(hi)/2);
                    an infinite exact value has hi = +-inf, lo = 0 */
  float rn;      /* RN(exact) in binary32, subnormals included */
  int cls;       /* ACT_REF_* */
} act_ref;

/* Exact f(x) (deriv = 0) or f'(x) (deriv = 1) of the named activation at the
 * float x taken as an exact number, parameters as the implementation receives
 * them.  Returns 0, or -1 for an activation without a reference. Thread-safe
 * (MPFR built with thread-local storage). */
int act_reference(const char *activation, int deriv, float x, const act_params *p, act_ref *out);
/* Same for many inputs, in parallel when OpenMP is there. */
int act_reference_many(const char *activation, int deriv, const float *x, size_t n,
                       const act_params *p, act_ref *out);

/* ---- ULP error (docs/accuracy.md): ulp(y) = 2^max(e - p, emin_sub) for
 * 2^(e-1) <= |y| < 2^e; ulp(0) = 2^emin_sub; a returned infinity counts as
 * +-2^(emax+1).  Returns ACT_ULP_OK with *err set, ACT_ULP_MATCH_SPECIAL
 * (NaN for NaN, or the right infinity; *err = 0), or ACT_ULP_SPECIAL_FAIL. */
enum { ACT_ULP_OK = 0, ACT_ULP_MATCH_SPECIAL = 1, ACT_ULP_SPECIAL_FAIL = 2 };
double act_ulp(double y_hi, double y_lo, const act_format *fmt);
int act_ulp_error(double got, const act_ref *ref, const act_format *fmt, double *err);

/* ---- statistics of one implementation in one direction */
typedef struct {
  size_t inputs;       /* all inputs */
  size_t finite;       /* inputs whose error was measured (no special failure) */
  size_t cr;           /* got == RN(exact) bit for bit (NaN for NaN equal) */
  size_t gt1;          /* error > 1 ulp */
  size_t special_fail; /* special-value failures, all */
  size_t nan_in_fail;  /* of them: a NaN input that did not give NaN */
  size_t nan_out_fail; /* of them: a NaN for a non-NaN input */
  double max_ulp, sum_ulp;
  float max_x, max_got, max_want;
  double max_abs, max_rel;
  int bins; /* ulp_vs_x bins over [bin_lo, bin_hi] */
  double bin_lo, bin_hi;
  double *bin_max; /* bins entries, -1 = empty */
} act_acc_stats;

void act_acc_stats_init(act_acc_stats *s, int bins, double lo, double hi);
void act_acc_stats_free(act_acc_stats *s);
/* Fold one batch: x inputs, got results, exact references. */
void act_acc_stats_add(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                       size_t n);
void act_acc_stats_merge(act_acc_stats *into, const act_acc_stats *from);
/* max_ulp <= claim, no special failure but those a NaN input makes when the
 * implementation does not claim NaN propagation. */
int act_acc_within(const act_acc_stats *s, double claim, int claims_nan);
/* The same with the implementation's flags for direction bwd (0 or 1):
 * ACT_NAN_SPURIOUS excuses NaN for non-NaN inputs (counted apart). */
int act_acc_within_impl(const act_acc_stats *s, const act_impl *m, int bwd);

/* ---- inputs */
/* The sampled sweep's inputs: the special values, a dense grid over the
 * activation's interesting range, random bit patterns over all non-NaN floats,
 * all from the seed.  Returns a malloc'd array of *n floats. */
float *act_acc_sampled_inputs(const act_activation *act, const act_params *p, size_t samples,
                              uint64_t seed, size_t *n);
/* The special inputs: NaN, +-inf, +-0, +-smallest/largest subnormal,
 * +-FLT_MIN, +-FLT_MAX and the activation's saturation points. */
size_t act_acc_special_inputs(const act_activation *act, const act_params *p, float *out,
                              size_t cap);

/* Saturation points from the exact function (bisection over floats, valid
 * for the tails): the first float x, going outward from |x| = 1 in the
 * direction dir (+1 or -1), from which RN(f(x)) (deriv 0) or RN(f'(x))
 * (deriv 1) equals target (zeros of either sign equal) for every x further
 * out.  Returns NAN when RN at +-FLT_MAX is not target. */
float act_ref_first_equal(const char *activation, int deriv, const act_params *p, int dir,
                          float target);

/* Run fwd then bwd (dy = 1, y from the implementation's own fwd). */
void act_acc_run_impl(const act_impl *m, const act_params *p, const float *x, float *y, float *dx,
                      size_t n);

/* actbench accuracy [options]: argv[0] is "accuracy". */
int act_accuracy_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif
#endif
