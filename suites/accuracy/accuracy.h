/* actbench accuracy: MPFR references, the ULP engine, and the sweeps. */
#ifndef ACTBENCH_ACCURACY_H
#define ACTBENCH_ACCURACY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "activation.h"
#include "registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- number formats (docs/accuracy.md) */
typedef struct act_format_s {
  const char *name;
  int p;        /* significand bits */
  int emin_sub; /* exponent of the smallest subnormal */
  int emax;     /* largest finite value < 2^(emax+1) */
} act_format;
extern const act_format act_binary32, act_bfloat16, act_binary16;

/* 2^k for -1022 <= k <= 1023, built from its bits (no libm call) */
static inline double act_pow2(int k) {
  union {
    uint64_t u;
    double d;
  } v = {(uint64_t)(k + 1023) << 52};
  return v.d;
}
/* the exponent e of a normal double: 2^(e-1) <= |v| < 2^e (frexp's) */
static inline int act_exp_of(double v) {
  union {
    double d;
    uint64_t u;
  } b = {v};
  return (int)((b.u >> 52) & 0x7ff) - 1022;
}

/* ---- the activations by number: their places in activations/list.c
 * (act_activation_id), as the screen and the saturation suite's formulas
 * still name them (tests/test_refhash.c checks the two agree) */
enum {
  ACT_SIGMOID,
  ACT_TANH,
  ACT_RELU,
  ACT_LEAKY,
  ACT_ELU,
  ACT_SELU,
  ACT_GELU,
  ACT_GELU_TANH,
  ACT_SILU,
  ACT_SOFTPLUS,
  ACT_MISH,
  ACT_HARDSIGMOID,
  ACT_HARDSWISH,
  ACT_LOGSIGMOID,
  ACT_UNKNOWN
};

/* ---- the exact value */
enum { ACT_REF_FINITE = 0, ACT_REF_NAN = 1, ACT_REF_INF = 2 };
/* The exact value is recorded as its rounding to a "canonical" binary
 * format with p = 64 and emin_sub = -189 (40 bits below binary32 at every
 * magnitude): every ULP figure computed from it is within 2^-40 ulp of the
 * one computed from the exact value, and the sampled sweep, the exhaustive
 * sweep's screen and its MPFR mode all produce the same canonical value, so
 * their statistics agree bit for bit (docs/accuracy.md). */
#define ACT_CANON_P 64
#define ACT_CANON_EMIN (-189)
typedef struct {
  double hi, lo;            /* the exact value rounded to the canonical format, held
                               exactly as hi + lo (hi = RN53 of it); +-inf for an
                               infinite exact value */
  float rn;                 /* RN(exact) in binary32, subnormals included */
  unsigned char cls;        /* ACT_REF_* */
  unsigned char exact_zero; /* the exact value is 0 (either zero is right) */
} act_ref;

/* Exact f(x) (deriv = 0) or f'(x) (deriv = 1) of the named activation at the
 * float x taken as an exact number, parameters as the implementation receives
 * them.  Returns 0, or -1 for an activation without a reference. Thread-safe
 * (MPFR built with thread-local storage). */
int act_reference(const char *activation, int deriv, float x, const act_params *p, act_ref *out);
/* The same for an activation number (act_activation_id). */
int act_reference_id(int id, int deriv, float x, const act_params *p, act_ref *out);
/* Same for many inputs, in parallel when OpenMP is there. */
int act_reference_many(const char *activation, int deriv, const float *x, size_t n,
                       const act_params *p, act_ref *out);
/* RN(exact) in a narrow format (act_bfloat16 or act_binary16) as a float
 * value (the narrow format's values are floats), MPFR with Ziv's strategy;
 * NaN for NaN, +-inf beyond the format's range. */
float act_reference_narrow(int id, int deriv, float x, const act_params *p, const act_format *fmt);

/* The fast screen of the exhaustive sweep (screen.c): the canonical
 * references of f and f' at x from double-double evaluations with proven
 * error bounds.  Returns a mask: bit 0 set when f was decided (written to
 * *f), bit 1 for f' (*d); what it cannot decide is left to MPFR. */
unsigned act_screen(int id, float x, const act_params *p, act_ref *f, act_ref *d);
/* Prepare the screen's tables for activation id (before threads start). */
void act_screen_init(int id);
/* the screen for any x86-64, whatever the CPU: the same verdicts and values
 * as the FMA copy that act_screen uses where it can (tests/test_refhash.c
 * compares the two over its inputs) */
unsigned act_screen_generic(int id, float x, const act_params *p, act_ref *f, act_ref *d);
/* v rounded to nearest (ties to even) in fmt, +-inf beyond its range */
float act_round_to_format(double v, const act_format *fmt);
/* RN(exact) in fmt from the canonical value of ref; *tie is set (and the
 * result not to be trusted) when the canonical value is exactly a midpoint
 * of fmt, where only the exact value can tell (act_reference_narrow). */
float act_narrow_rn(const act_ref *ref, const act_format *fmt, int *tie);

/* ---- ULP error (docs/accuracy.md): ulp(y) = 2^max(e - p, emin_sub) for
 * 2^(e-1) <= |y| < 2^e; ulp(0) = 2^emin_sub; a returned infinity counts as
 * +-2^(emax+1).  Returns ACT_ULP_OK with *err set, ACT_ULP_MATCH_SPECIAL
 * (NaN for NaN, or the right infinity; *err = 0), or ACT_ULP_SPECIAL_FAIL. */
enum { ACT_ULP_OK = 0, ACT_ULP_MATCH_SPECIAL = 1, ACT_ULP_SPECIAL_FAIL = 2 };
double act_ulp(double y_hi, double y_lo, const act_format *fmt);
int act_ulp_error(double got, const act_ref *ref, const act_format *fmt, double *err);

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
/* v rounded to an integer, to nearest even (the default rounding mode),
 * without a libm call: adding 2^52 to |v| < 2^52 leaves an ulp of 1; from
 * 2^52 on v is an integer */
static inline double act_rint(double v) {
  double a = __builtin_fabs(v);
  if (!(a < 0x1p52)) return v;
  double r = (a + 0x1p52) - 0x1p52;
  return v < 0 ? -r : r;
}
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
/* ---- core and tails (docs/accuracy.md, "Core and tails").
 * What goes wrong in kind, per input, as intervals of x: each input that is
 * not correctly rounded gets at most one of the kinds below (the first that
 * applies, in this order), and independently the mark "exceeds" when its
 * error is above the claim the statistics were given. */
enum {
  ACT_MARK_NAN,        /* NaN for a non-NaN input */
  ACT_MARK_INF,        /* an infinity where RN(exact) is another value, or another value
                          where RN(exact) is an infinity */
  ACT_MARK_ZERO_SIGN,  /* a zero of the other sign than RN(exact), a zero of a nonzero value */
  ACT_MARK_FLUSHED_IN, /* a subnormal x giving RN(f(+-0)) where RN(f(x)) differs */
  ACT_MARK_FLUSH,      /* +-0 where the exact value is below the least normal and RN(exact) != 0 */
  ACT_MARK_PREMATURE,  /* 0, or the asymptote on x's side, where the exact value is a normal
                          float (or beyond) and RN(exact) is another float */
  ACT_MARK_EXCEEDS,    /* error above the claim, or a special-value failure the flags do not
                          excuse */
  ACT_MARKS
};
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
} act_acc_ctx;
void act_acc_ctx_init(act_acc_ctx *c);

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
 * binary32, given the reciprocals of the references' ulps and x's ulp_vs_x
 * bins (stats.c) */
void act_acc_stats_add_rest(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                            const double *rulp, const int *bin, const uint32_t *list, size_t m,
                            uint64_t idx0);
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
/* An error beyond 2^p ulp, or a zero or an infinity for another value, is a
 * result of the wrong kind: what happened, as "<got> for <exact>" ("0 for
 * 1.7e-38", "inf for 1", "1.2e-7 for 5.7e-8"), into buf; "" otherwise. */
const char *act_ulp_note(char *buf, size_t cap, double ulp, float got, float want,
                         const act_format *fmt);
/* v in at most two significant digits, without a "+" or leading zeros in
 * the exponent: "1.7e-38", "3e27", "0.5", "inf", "nan", "-0" */
const char *act_fmt_short(char *buf, size_t cap, double v);
/* The same with the implementation's flags for direction bwd (0 or 1):
 * ACT_NAN_SPURIOUS excuses NaN for non-NaN inputs (counted apart). */
int act_acc_within_impl(const act_acc_stats *s, const act_impl *m, int bwd);

/* ---- in words and in JSON (describe.c; docs/results.md) */
const char *act_mark_name(int kind); /* "flush_to_zero", "nan", ... */
const char *act_mark_text(int kind); /* what it means, one line */
/* the letters of the tails present (Z P N I D S, "-" for none) and their legend */
const char *act_acc_tail_letters(const act_acc_stats *s, char *buf, size_t cap);
const char *act_acc_tail_legend(void);
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
