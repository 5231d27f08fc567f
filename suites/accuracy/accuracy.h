/* actbench accuracy: the statistics of ULP errors, the sweeps and the command
 * (the references, the screen and the ULP itself: numerics/numerics.h). */
#ifndef ACTBENCH_ACCURACY_H
#define ACTBENCH_ACCURACY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "actbench/activation.h"
#include "marks.h"
#include "numerics.h"
#include "registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- exact sums of ULP errors, so that statistics merge in any order
 * (threads, MPI ranks, a resumed run) to the same bits.  An error below 2^23
 * is counted in units of 2^-40 ulp (rounded to nearest); a larger one is a
 * double, hence a multiple of 2^-29, counted exactly in a wide integer. */
typedef struct {
  unsigned __int128 small; /* units of 2^-40 */
  uint64_t big[6];         /* units of 2^-29, little-endian limbs */
} act_xsum;
void act_xsum_add_big(act_xsum *s, double e); /* e >= 2^23 */
void act_xsum_merge(act_xsum *into, const act_xsum *from);
/* the sum divided by n, as a double (0 for n = 0) */
double act_xsum_mean(const act_xsum *s, uint64_t n);
/* e < 2^23 quantized to units of 2^-40, as act_xsum_add counts it */
static inline uint64_t act_xsum_q(double e) {
  return (uint64_t)act_rint(e * 0x1p40); /* the scaling is exact */
}
/* add an error e >= 0 to the sum, exactly */
static inline void act_xsum_add(act_xsum *s, double e) {
  if (e < 0x1p23)
    s->small += act_xsum_q(e);
  else
    act_xsum_add_big(s, e);
}

/* ---- statistics of one implementation in one direction */
#define ACT_HIST_BINS 42 /* [0,0.5], (0.5,1], (1,2], (2,4], ... (2^38,2^39], above */
#define ACT_WORST_K 10   /* the worst incorrectly rounded inputs kept */
#define ACT_BINADES 512  /* x's sign and biased exponent */
typedef struct {
  double ulp;
  uint64_t idx; /* the input's index in the sweep: ties go to the lower */
  float x, got, want;
} act_worst;
typedef struct {
  uint64_t count, cr;
  double max_ulp;
  act_xsum sum;
} act_binade_stats;
/* ---- core and tails (docs/accuracy.md, "Core and tails"): the kinds of
 * failure, ACT_MARK_*, in numerics/marks.h */
/* The marked inputs of one kind, by their sweep index (which grows with x
 * in every sweep: the sampled inputs are sorted), in at most ACT_CELLS
 * cells: cell c holds the marked inputs with index >> level == c (their
 * first and last, how many, and the worst as the example).  level is the
 * smallest for which ACT_CELLS cells hold them all: a function of the set of
 * marked inputs alone, so the cells do not depend on the order in which
 * inputs and partial statistics arrive (threads, MPI ranks, a resumed run).
 * Cells with adjacent keys make one interval of x: exact when every one of
 * them is a run of consecutive inputs (its count fills [lo, hi]) and each
 * run touches the next; otherwise coalesced (it may also hold inputs
 * without the mark; its count is exact). */
#define ACT_CELLS 32
typedef struct {
  uint64_t lo, hi, count; /* sweep indices of the first and last marked input; how many */
  uint64_t ex_idx;        /* the example: the largest error, ties to the lowest index */
  double ex_err;
  float lo_x, hi_x, ex_x, ex_got, ex_want;
} act_cell;
typedef struct {
  uint64_t count; /* marked inputs */
  int32_t level, ncells;
  act_cell cell[ACT_CELLS]; /* by index */
} act_marks;
/* An interval of x from the cells: runs of consecutive marked inputs (exact)
 * or a coalesced cell. */
typedef struct {
  float lo, hi;   /* the first and last marked input in it */
  uint64_t count; /* marked inputs in it */
  float ex_x, ex_got, ex_want;
  double ex_err;
  int coalesced; /* it may hold inputs without the mark */
} act_interval;
/* the intervals of a kind, in order of x; returns how many (at most
 * ACT_CELLS) */
int act_marks_intervals(const act_marks *m, act_interval *out);

/* What the statistics of one implementation in one direction need to know
 * beyond the inputs (act_acc_ctx_init gives the defaults). */
typedef struct {
  double claim;             /* inputs with an error above it get ACT_MARK_EXCEEDS; NAN: no claim */
  int excuse_nan_in;        /* a NaN input giving a number is not a failure of the claim */
  int excuse_nan_out;       /* NaN for a non-NaN input is not a failure of the claim */
  int ftz;                  /* the kernel flushes subnormal inputs: they are outside the core */
  double sub_below;         /* 0 < |x| < sub_below: x is subnormal where the kernel computes */
  float zero_pos, zero_neg; /* RN(f(+0)), RN(f(-0)) in the result's format (flushed inputs) */
  float lim_neg, lim_pos;   /* RN(f(-inf)), RN(f(+inf)); NAN where not finite */
  /* f' only: the activation's kinks and the one-sided derivatives there, in
   * the result's format (left, right) */
  int n_kinks;
  float kink_x[4], kink_side[4][2];
} act_acc_ctx;
void act_acc_ctx_init(act_acc_ctx *c);
/* got is f' at one of the activation's kinks (c->kink_x) equal to a
 * one-sided derivative there: either convention is right (ACT_MARK_KINK) */
int act_acc_kink_convention(const act_acc_ctx *c, float x, float got);

typedef struct {
  size_t inputs;       /* all inputs */
  size_t finite;       /* inputs whose error was measured (no special failure) */
  size_t cr;           /* got == RN(exact) bit for bit (NaN for NaN equal) */
  size_t gt1;          /* error > 1 ulp */
  size_t special_fail; /* special-value failures, all */
  size_t nan_in_fail;  /* of them: a NaN input that did not give NaN */
  size_t nan_out_fail; /* of them: a NaN for a non-NaN input */
  double max_ulp;      /* -1 before any input */
  uint64_t max_idx;    /* ties of max_ulp go to the lowest sweep index */
  float max_x, max_got, max_want;
  act_xsum sum; /* of the errors of the finite inputs */
  double max_abs, max_rel;
  uint64_t hist[ACT_HIST_BINS];
  int nworst;
  act_worst worst[ACT_WORST_K]; /* worst first */
  int bins;                     /* ulp_vs_x bins over [bin_lo, bin_hi] */
  double bin_lo, bin_hi;
  double *bin_max;          /* bins entries, -1 = empty */
  act_binade_stats *binade; /* ACT_BINADES entries, or NULL */
  /* the core: inputs (finite, not a flushed subnormal) whose exact value is
   * zero or at least the least normal of the result's format */
  act_acc_ctx ctx;
  size_t core_inputs; /* inputs in the core */
  size_t core_finite; /* of them, measured (no special-value failure) */
  double core_max;    /* -1 before any */
  uint64_t core_max_idx;
  float core_max_x, core_max_got, core_max_want;
  act_xsum core_sum;
  act_marks marks[ACT_MARKS];
} act_acc_stats;

void act_acc_stats_init(act_acc_stats *s, int bins, double lo, double hi);
/* per-binade statistics as well (the exhaustive sweep) */
void act_acc_stats_want_binades(act_acc_stats *s);
void act_acc_stats_free(act_acc_stats *s);
/* Fold one batch: x inputs, got results, exact references; idx0 is the
 * sweep index of x[0] (act_acc_stats_add numbers inputs in arrival order). */
void act_acc_stats_add(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                       size_t n);
void act_acc_stats_add_idx(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                           size_t n, uint64_t idx0);
/* One input that is correctly rounded with error e (the caller has checked
 * got == RN), and one that is not: the building blocks of the fast path. */
void act_acc_stats_add_one(act_acc_stats *s, float x, float got, const act_ref *ref, uint64_t idx);
/* the same in another format: got and ref->rn are values of fmt, the error
 * in fmt's ulps */
void act_acc_stats_add_one_fmt(act_acc_stats *s, float x, float got, const act_ref *ref,
                               uint64_t idx, const act_format *fmt);
void act_acc_stats_merge(act_acc_stats *into, const act_acc_stats *from);
/* n inputs, all correctly rounded (errors <= 1/2, quantized sum qsum), with
 * their maxima: what act_acc_stats_add_one would have done for each.  bin
 * (ulp_vs_x) and binade are -1 where the inputs do not share one. */
typedef struct {
  uint64_t n, qsum;
  double max_e; /* -1 for none */
  uint64_t max_idx;
  float max_x, max_got, max_want;
  double max_abs, max_rel;
  int bin, binade;
  /* the inputs of the block in the core: how many, their quantized sum and
   * their maximum (core_max_e -1 for none) */
  uint64_t core_n, core_qsum;
  double core_max_e;
  uint64_t core_max_idx;
  float core_max_x, core_max_got, core_max_want;
} act_cr_block;
void act_acc_stats_fold_cr(act_acc_stats *s, const act_cr_block *c);
/* what act_acc_stats_add_one would add for every input i of list[0..m), in
 * binary32, given the reciprocals of the references' ulps, x's ulp_vs_x
 * bins and the inputs' binade (-1 where they do not share one; stats.c) */
void act_acc_stats_add_rest(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                            const double *rulp, const int *bin, const uint32_t *list, size_t m,
                            uint64_t idx0, int binade);
/* the ulp_vs_x bin of x, -1 outside */
static inline int act_acc_stats_bin(const act_acc_stats *s, float x) {
  if (s->bins <= 0 || !(x >= s->bin_lo && x <= s->bin_hi)) return -1;
  int bi = (int)((x - s->bin_lo) / (s->bin_hi - s->bin_lo) * s->bins);
  if (bi >= s->bins) bi = s->bins - 1;
  if (bi < 0) bi = 0;
  return bi;
}
/* the histogram bin of an error */
int act_hist_bin(double e);
/* the binade index of an input: sign * 256 + biased exponent */
static inline int act_binade_of(uint32_t bits) {
  return (int)(bits >> 23);
}
/* mean error over the finite inputs */
double act_acc_mean(const act_acc_stats *s);
/* Flatten to bytes and back (checkpoints, MPI): act_acc_stats_pack writes
 * at most act_acc_stats_packed_size(s) bytes; unpack reads into an
 * initialized s with the same bins and binade setting, returns bytes read or
 * 0 on a mismatch. */
size_t act_acc_stats_packed_size(const act_acc_stats *s);
size_t act_acc_stats_pack(const act_acc_stats *s, unsigned char *buf);
size_t act_acc_stats_unpack(act_acc_stats *s, const unsigned char *buf, size_t len);
/* The statistics' context (before the first input). */
void act_acc_stats_set_ctx(act_acc_stats *s, const act_acc_ctx *c);
/* The context of an implementation in one direction (deriv 0 or 1) for the
 * activation act with parameters p, results in fmt: its claim (NAN: none;
 * in a narrow format only a kernel native to it has one), what its flags
 * excuse, RN(f) at +-0 and +-inf from MPFR. */
void act_acc_ctx_for(act_acc_ctx *c, const act_impl *m, int deriv, const act_activation *act,
                     const act_params *p, const act_format *fmt);
/* the exact value (as the reference holds it) is zero or at least the
 * least normal in magnitude */
static inline int act_ref_core_value(const act_ref *r, double least_normal) {
  if (r->cls != ACT_REF_FINITE) return 0;
  if (r->exact_zero) return 1;
  double a = __builtin_fabs(r->hi);
  return a > least_normal || (a == least_normal && (r->lo == 0 || (r->lo < 0) == (r->hi < 0)));
}
/* x is an input of the core as far as x goes: finite, and not a subnormal
 * that the kernel flushes */
static inline int act_core_input(float x, const act_acc_ctx *c) {
  float a = __builtin_fabsf(x);
  if (!(a <= 0x1.fffffep+127f)) return 0; /* NaN or infinite */
  return !(c->ftz && a != 0 && (double)a < c->sub_below);
}
/* the least normal of a format */
static inline double act_least_normal(const act_format *f) {
  return act_pow2(f->emin_sub + f->p - 1);
}
double act_acc_core_mean(const act_acc_stats *s);
/* What went wrong in kind (ACT_MARK_*, never ACT_MARK_EXCEEDS) with a
 * result got that is not correctly rounded, -1 for nothing of kind (an
 * ordinary error, or a NaN input). */
int act_acc_mark_kind(const act_acc_ctx *c, float x, float got, const act_ref *ref,
                      double least_normal);
/* Inputs that fail the claim: errors above it, and the special-value
 * failures the flags do not excuse (0 without a claim). */
uint64_t act_acc_exceeding(const act_acc_stats *s);
/* The verdict against the claim of the context: -1 no claim, 0 within,
 * 1 exceeds. */
int act_acc_verdict(const act_acc_stats *s);
/* The same with the implementation's flags for direction bwd (0 or 1):
 * ACT_NAN_SPURIOUS excuses NaN for non-NaN inputs (counted apart). */
int act_acc_within_impl(const act_acc_stats *s, const act_impl *m, int bwd);

/* ---- in words and in JSON (describe.c; docs/results.md) */
/* the letters of the tails present (Z P N I D S K, "-" for none; marks.h) */
const char *act_acc_tail_letters(const act_acc_stats *s, char *buf, size_t cap);
/* "1.4 ulp wherever the result is a normal float; returns 0 from x = ..."
 * (malloc'd) */
char *act_acc_summary(const act_acc_stats *s, const act_format *fmt);
/* "within its claim (2 ulp)", "exceeds its documented bound (1 ulp) by ...
 * on N inputs: x in [...]", "no documented bound" (malloc'd); and short
 * for tables: "within claim (2)", "EXCEEDS bound (1)", "no documented bound" */
char *act_acc_verdict_text(const act_acc_stats *s, const act_impl *m);
/* the same for an implementation of class cls (ACT_IMPL_*) */
char *act_acc_verdict_text_cls(const act_acc_stats *s, int cls);
const char *act_acc_verdict_short(const act_acc_stats *s, const act_impl *m, char *buf, size_t cap);
json_t *act_marks_json(const act_marks *m);                 /* the intervals */
json_t *act_acc_tails_json(const act_acc_stats *s);         /* "tails" */
json_t *act_acc_special_kinds_json(const act_acc_stats *s); /* "special_failures_by_kind" */
json_t *act_acc_core_json(const act_acc_stats *s, const act_format *fmt); /* "core" */
json_t *act_acc_claim_json(const act_impl *m, double claim);              /* "claim" */
json_t *act_acc_verdict_json(const act_acc_stats *s, const act_impl *m);  /* "verdict" */

/* ---- inputs */
/* The sampled sweep's inputs: the special values, a dense grid over the
 * activation's interesting range, random bit patterns over all non-NaN floats,
 * all from the seed, sorted (so that the sweep index grows with x and the
 * tails come out as intervals of x).  Returns a malloc'd array of *n floats. */
float *act_acc_sampled_inputs(const act_activation *act, const act_params *p, size_t samples,
                              uint64_t seed, size_t *n);
/* n random bit patterns over every non-NaN float (every binade equally), from
 * the seed (the random part of the sampled sweep). */
void act_acc_random_floats(float *x, size_t n, uint64_t seed);
/* The references of f (rf) and f' (rd) at x with rn rounded to the narrow
 * format fmt (MPFR where the binary32 value is a tie of fmt): what a kernel
 * native to fmt is measured against. */
void act_reference_narrow_many(const char *activation, const float *x, size_t n,
                               const act_params *p, const act_format *fmt, act_ref *rf,
                               act_ref *rd);
/* Sort floats in increasing order (-0 before +0, NaN last). */
void act_sort_floats(float *x, size_t n);
/* The special inputs: NaN, +-inf, +-0, +-smallest/largest subnormal,
 * +-FLT_MIN, +-FLT_MAX and the activation's saturation points. */
size_t act_acc_special_inputs(const act_activation *act, const act_params *p, float *out,
                              size_t cap);

/* actbench accuracy [options]: argv[0] is "accuracy". */
int act_accuracy_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif
#endif
