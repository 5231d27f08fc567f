/* actbench: the results files, read.  One typed reader per kind of results
 * file (docs/results.md): speed.json, accuracy.json, saturation.json and
 * zerocenter.json, used by the report, compare and diff alike; files of
 * every age this actbench wrote are read (members added later are optional,
 * and what older files said differently is read as the newer files say it:
 * the origin "libm" of our scalar kernels and of libmvec's, a max ULP's note).
 *
 * A reader checks every member it reads and ends the program (act_die, exit
 * status 2) with one line naming the file, where in it and what is wrong.
 * What it returns lives until act_res_release(): strings point into the
 * JSON document or into the module's own memory. */
#ifndef ACTBENCH_RESULTS_H
#define ACTBENCH_RESULTS_H

#include <jansson.h>
#include <stddef.h>

#include "spread.h"

#ifdef __cplusplus
extern "C" {
#endif

/* the one number parser of results files: a number written as a string
 * ("%.9g", "nan", "inf", "-inf"), surrounding blanks allowed; NAN on junk */
double act_res_num(const char *s);

typedef struct {
  const char *path; /* as given, NULL when not read */
  json_t *doc;
  json_t *context; /* the "context" object, may be NULL (shown as it is) */
  const char *version;
  /* from the context, NULL when it does not say: the host, the CPU, when
   * the file was written (speed.json: actbench's date, not Google
   * Benchmark's start) and the command that wrote it */
  const char *host, *cpu_model, *date, *command;
  /* from the context too: CPUID's hypervisor bit (1, 0; -1 not stated), the
   * L3 of actbench's "caches" object in bytes (NAN when not stated), the CPU
   * features ("cpu_features") */
  int hypervisor;
  double l3;
  const char **cpu_features;
  size_t ncpu_features;
} act_res_file;

/* ---- accuracy.json */
typedef struct {
  const char *x, *got, *want;
  int ok;
  const char *kind; /* a failure's kind ("nan_for_number", ...); NULL when ok or not stated */
} act_res_special;

/* one interval of x of a tail (docs/results.md, "tails") */
typedef struct {
  const char *lo, *hi, *lo_hex, *hi_hex, *example_hex, *example_got, *example_want;
  double count;
  int coalesced;
} act_res_interval;

/* one kind of tail, or the inputs above the claim */
typedef struct {
  const char *kind, *description, *note; /* note: why coalesced, or NULL */
  double count;
  int truncated;
  act_res_interval *iv;
  size_t niv;
} act_res_tail;

/* the histogram of errors: inputs per bin [0, 1/2], (1/2, 1], (1, 2], ... */
typedef struct {
  double lo, hi, count; /* hi may be inf */
} act_res_hbin;

/* one of the worst incorrectly rounded inputs */
typedef struct {
  const char *x, *x_hex, *got, *want;
  double ulp;
} act_res_worst;

/* one binade of x (exhaustive sweeps) */
typedef struct {
  const char *sign, *exponent; /* "+" / "-"; "-126", "subnormal", "inf/nan" */
  double inputs, cr, max_ulp, mean_ulp;
} act_res_binade;

typedef struct {
  double max_ulp, mean_ulp, cr_fraction, count_gt_1ulp, max_abs_err, max_rel_err;
  double special_failures;   /* NAN: null in the file */
  double nan_input_failures; /* of them, NaN inputs that did not give NaN; NAN when absent */
  double inputs;             /* inputs measured; NAN when absent */
  const char *max_ulp_x, *max_ulp_got, *max_ulp_want;
  int within_claim;
  double *ulp_vs_x; /* bins values, NAN for null */
  act_res_special *specials;
  size_t nspecials;
  act_res_hbin *hist; /* NULL when the file has no "histogram" */
  size_t nhist;
  act_res_worst *worst; /* NULL when the file has no "worst" */
  size_t nworst;
  act_res_binade *binades; /* NULL when the file has no "by_binade" (sampled, range) */
  size_t nbinades;
  /* newer members (docs/results.md), absent in older files: */
  const char *max_ulp_note; /* what happened at the max ULP, or NULL */
  int has_core;             /* "core" was there */
  double core_inputs, core_max_ulp, core_mean_ulp;
  const char *core_max_ulp_x, *core_max_ulp_note;
  act_res_tail *tails; /* NULL when the file has no "tails" */
  size_t ntails;
  double kinds[5]; /* special failures by kind (act_res_sfk_names); NAN when absent */
  const char *summary;
  /* the claim and the verdict: status 0 within, 1 exceeds, 2 none, -1 not
   * stated (then within_claim says what the file knew) */
  int verdict;
  double claim_bound; /* NAN: none or not stated */
  const char *claim_source, *claim_reference, *verdict_text;
  act_res_tail exceeds; /* where the claim is exceeded (niv 0 when nowhere) */
} act_res_stats;
/* the keys of "special_failures_by_kind", in the order of act_res_stats.kinds,
 * and what they mean */
extern const char *const act_res_sfk_names[5];
extern const char *const act_res_sfk_texts[5];

typedef struct {
  const char *name, *isa, *origin, *reason, *bwd_formula;
  const char *note; /* the implementation's one line (what it computes, how), or NULL */
  int available;
  int has_bwd; /* 0: "bwd" is null, the implementation has no backward kernel */
  double claimed_fwd, claimed_bwd;
  act_res_stats fwd, bwd; /* bwd only when has_bwd */
} act_res_acc_impl;

/* a narrow format's sweep (bfloat16, binary16): the float kernels' results
 * rounded to the format */
typedef struct {
  const char *name;
  int has_bwd;
  int native;                        /* computes in the narrow format itself (a bf16 kernel) */
  double fmax, fmean, fcr, fspecial; /* NAN where absent */
  double bmax, bmean, bcr, bspecial;
  const char *fnote, *bnote; /* what happened at the max ULP, or NULL */
  act_res_stats fwd, bwd;    /* every member the file has (no ulp_vs_x, specials, claim) */
} act_res_narrow_impl;

typedef struct {
  const char *format;
  double inputs, dr_fwd, dr_bwd; /* double rounding: RN(RN32(y)) != RN(y) */
  act_res_narrow_impl *impls;
  size_t nimpls;
} act_res_narrow;

typedef struct {
  double lo, hi;
  size_t bins;
  double inputs; /* NAN when absent */
  act_res_acc_impl *impls;
  size_t nimpls;
  act_res_narrow *narrow; /* bfloat16, binary16: may be absent (nnarrow 0) */
  size_t nnarrow;
} act_res_acc;

/* ---- saturation.json */
enum { ACT_RES_MATH_BEYOND, ACT_RES_MATH_ALL, ACT_RES_MATH_NEVER };
typedef struct {
  int kind;
  double x; /* |x| of the threshold for ACT_RES_MATH_BEYOND */
} act_res_side;

typedef struct {
  double eps;
  act_res_side neg, pos;
} act_res_math;

typedef struct {
  const char *neg, *pos; /* x as written, NULL for null ("never") */
} act_res_pair;

typedef struct {
  const char *name, *isa, *origin, *reason, *bwd_formula, *dead_side;
  int available;
  int bwd_kernel;                      /* the file's "bwd_kernel": 1, 0, -1 not stated */
  act_res_pair grad_zero, f_asymptote; /* grad_zero null on both sides without a bwd kernel */
  int premature_neg, premature_pos;
} act_res_sat_impl;

/* ---- saturation.json's analysis in formats (docs/results.md: SETS,
 * NUMERICAL, NORMAL, DEPTH) */

/* x on both sides, { "neg": x, "pos": x }: as written (a number formatted
 * "%.9g"; NULL for null, "never") and as a number (NAN for null) */
typedef struct {
  int present; /* the member is there */
  const char *neg, *pos;
  double xneg, xpos;
} act_res_xpair;

/* counts on both sides, { "neg": n, "pos": n }: NAN where absent or null */
typedef struct {
  int present;
  double neg, pos;
} act_res_npair;

/* a set of floats as sorted intervals [lo, hi]: -INFINITY / INFINITY for
 * "-inf" / "inf" */
typedef struct {
  double lo, hi;
} act_res_span;

typedef struct {
  int present;
  act_res_span *iv;
  size_t n;
} act_res_spans;

/* SETS */
typedef struct {
  double eps;
  const char *label, *format; /* NULL when absent; format NULL: a mathematical threshold */
  act_res_spans intervals;
} act_res_set_lt;

typedef struct {
  act_res_set_lt *lt;
  size_t nlt;
  act_res_spans dead;
  double samples, minima, evaluations; /* NAN when absent */
} act_res_sets;

/* NUMERICAL: an evaluator of one format, or its exact row (name, kind,
 * formula and from NULL) */
typedef struct {
  const char *name, *kind, *formula, *from;
  act_res_xpair zero, zero_from, off1, asymptote, subnormal_from;
  /* "counts": inputs, zero, zero_premature, off1, nonfinite */
  act_res_npair n_inputs, n_zero, n_premature, n_off1, n_nonfinite;
  act_res_spans zero_set;
  double zero_set_size, runs_unrefined; /* NAN when absent */
} act_res_num_eval;

typedef struct {
  const char *format;
  double inputs_per_side, stride, least_normal; /* NAN when absent */
  int has_exact;
  act_res_num_eval exact;
  act_res_num_eval *evals;
  size_t nevals;
} act_res_numerical;

/* NORMAL: a row of "sets" (set, label, eps) or of "numerical" (format,
 * name); its tables nmu x nsigma row by row, NAN for null, NULL when absent */
typedef struct {
  const char *set, *label, *format, *name; /* NULL when absent */
  double eps;                              /* NAN when absent or null */
  double *exact, *mc, *mc_se;
} act_res_normal_row;

typedef struct {
  double *mu, *sigma;
  size_t nmu, nsigma;
  double mc_samples; /* NAN when absent */
  act_res_normal_row *sets, *numerical;
  size_t nsets, nnumerical;
} act_res_normal;

/* DEPTH: delivered.rows, one format and formula at one scale; series
 * indexed by L - 1, NAN for null, NULL when absent */
typedef struct {
  const char *format, *name;
  double scale;
  double *median_rel_err, *underflow;
  size_t n_median_rel_err, n_underflow;
} act_res_delivered;

typedef struct {
  double *scales;
  size_t nscales;
  size_t layers;
  double *mean_df, *geo_mean_abs_df, *dead_prob; /* per scale; NULL when absent */
  double *product;                               /* nscales x layers; NULL when absent */
  int has_delivered;
  double chains; /* NAN when absent */
  double *dscales;
  size_t ndscales;
  act_res_delivered *rows;
  size_t nrows;
} act_res_depth;

typedef struct {
  double *x, *f, *df; /* NAN for null or non-finite */
  size_t ncurve;
  act_res_math *math;
  size_t nmath;
  act_res_pair exact_zero, exact_asymptote;
  act_res_sat_impl *impls;
  size_t nimpls;
  /* the saturation suite's analysis in formats (docs/results.md:
   * NUMERICAL, one per format, NORMAL, DEPTH); NULL when absent, and their
   * parts are left out of the report */
  act_res_numerical *numerical;
  size_t nnumerical;
  act_res_normal *normal;
  act_res_depth *depth;
  act_res_sets *sets; /* SETS: where |f'| < eps and f' = 0, as intervals (inner ones drawn) */
} act_res_sat;

/* ---- speed.json's targets (docs/results.md, "targets") */
typedef struct {
  const char *name;
  double ratio; /* bytes/s over memory.copy's; NAN when not measured */
  int met;      /* 1, 0, -1 (null) */
} act_res_target_kernel;

typedef struct {
  long long n;
  const char *cls, *status, *note;
  int met;                   /* 1, 0, -1 (null: not decided) */
  double ratio;              /* NAN for null */
  double ratio_lo, ratio_hi; /* its 95% interval; NAN when the file has none */
  /* kind "peer": the reference and the fastest of ours that qualifies */
  const char *peer, *ours;
  double peer_ulp, ours_ulp, peer_ips, ours_ips;
  size_t nqualifying;
  /* kind "bandwidth": memory.copy's bytes/s, every kernel, the worst (files
   * before accuracy classes) or our fastest in the class (ours) */
  double copy_bps, ours_bps;
  const char *worst;
  act_res_target_kernel *kernels;
  size_t nkernels;
} act_res_target_size;

typedef struct {
  const char *id, *kind, *activation, *direction, *reference, *description, *status;
  int bandwidth;         /* kind "bandwidth" (else "peer") */
  const char *acc_class; /* bandwidth: "<= 1 ulp", ..., "any"; NULL in older files */
  double min_ratio;
  int met;              /* 1, 0, -1 */
  const char *classes;  /* "L1, L2" */
  size_t nours, npeers; /* candidates listed */
  act_res_target_size *sizes;
  size_t nsizes;
} act_res_target;

/* One benchmark of speed.json: its repetitions gathered. */
typedef struct {
  const char *name;       /* "<impl>/<fwd|bwd>/<n>" (Google Benchmark's run_name) */
  const char *impl;       /* "sigmoid.scalar.naive", "memory.copy" */
  const char *activation; /* "sigmoid", "memory" */
  const char *direction;  /* "fwd" or "bwd" */
  const char *size_class; /* "L1", ..., "custom"; "" when not stated */
  long long n;
  int threads;              /* 1, or the thread count of a multi-threaded run */
  int baseline;             /* a memory baseline */
  double bytes_per_element; /* what the kernel moves (older files: 8 fwd, 16 bwd) */
  double *samples;          /* items/s of each repetition (run_type "iteration") */
  size_t nsamples, cap;
  double mean, median; /* Google Benchmark's aggregates; NAN when absent */
  act_spread spread;   /* of the samples (n = 0 when there are none) */
  /* from speed.json's "measurements" (files before it: NAN, NULL, 0) */
  double q1, q3;   /* the file's quartiles of the repetitions */
  int repetitions; /* the file's count of them */
  const char *isa, *origin, *role;
} act_speed_run;

/* The throughput that stands for a benchmark: the median of its
 * repetitions, else the median aggregate, else the mean; NAN when none. */
double act_speed_center(const act_speed_run *r);

/* A number of a results file: a JSON number, or a string written for a
 * non-finite or exact value ("inf", "nan", "%.9g"); NAN otherwise. */
double act_json_num(const json_t *v);

/* The object of array arr whose member key is the string value; NULL when
 * none. */
json_t *act_json_find(const json_t *arr, const char *key, const char *value);

/* ---- the files */

/* A parameter of an activation ("a", "b"): its value, as text and as a
 * number (NAN when not one). */
typedef struct {
  const char *key, *text;
  double num;
} act_res_param;

/* What a file says about an activation besides its measurements. */
typedef struct {
  const char *name;
  const char *formula, *dformula, *kink_note; /* NULL when not stated */
  act_res_param *params;
  size_t nparams;
} act_res_act;

typedef struct {
  act_res_file file;
  const char *mode;  /* "sampled", "range", "exhaustive"; NULL when not stated */
  const char *sweep; /* the sweep in words, or NULL */
  const char *conventions;
  act_res_act *acts; /* per activation: its description, */
  act_res_acc *acc;  /* and its measurements (same index) */
  size_t nacts;
} act_res_accuracy;

/* saturation.json's "dying": per kind of inputs, the fraction of ReLU units
 * dead on a whole batch, a row per bias shift delta, a column per batch */
typedef struct {
  const char *inputs, *description; /* NULL when absent */
  /* relu_dead's "sampled" and "exact", ndelta x nbatch row by row, NAN for
   * null; NULL when absent */
  double *relu_sampled, *relu_exact;
} act_res_dying_in;

typedef struct {
  double units, fan_in, trials; /* NAN when absent */
  double *delta, *batch;
  size_t ndelta, nbatch;
  act_res_dying_in *inputs;
  size_t ninputs;
} act_res_dying;

typedef struct {
  act_res_file file;
  const char *scan; /* the scan in words, or NULL */
  act_res_act *acts;
  act_res_sat *sat;
  size_t nacts;
  act_res_dying *dying; /* the dying-ReLU experiment (NULL when absent) */
} act_res_saturation;

/* an implementation listed in speed.json's "actbench" member */
typedef struct {
  const char *name, *activation, *isa, *origin, *role;
  int available, baseline;
  int bwd_kernel; /* 1, 0, -1 not stated */
} act_res_impl;

/* a size of speed.json: its class ("L1", ..., "custom") and what a custom
 * one counts as (or NULL) */
typedef struct {
  long long n;
  const char *cls, *counts_as;
} act_res_size;

/* the machine's state during the speed run (speed.json actbench.machine_state) */
typedef struct {
  int present;
  double load_before, load_after;  /* the 1-minute load average; NAN when not stated */
  double other_share, steal_share; /* of the machine's CPU time; NAN when not stated */
  const char *governor, *boost, *build_type;
  const char **warnings;
  size_t nwarnings;
} act_res_state;

typedef struct {
  act_res_file file;
  act_res_impl *impls;
  size_t nimpls;
  act_speed_run *runs; /* every benchmark, its repetitions gathered, in the file's order */
  size_t nruns;
  act_res_size *sizes;
  size_t nsizes;
  act_res_target *targets;
  size_t ntargets;
  long long repetitions; /* 0: not stated */
  double min_time;       /* NAN: not stated */
  int interleaved;       /* 1, 0, -1 not stated */
  act_res_state state;
} act_res_speed;

/* ---- zerocenter.json (docs/results.md, "zerocenter.json") */

/* SUMMARY: a sample's median, quartiles, extremes and mean; NAN where null
 * or absent (present 0: the member is absent) */
typedef struct {
  int present;
  double median, q1, q3, min, max, mean;
} act_res_summary;

/* two_weight.results: one activation and method over the problems */
typedef struct {
  const char *activation, *method;
  act_res_summary steps, path_ratio, same_sign, kappa;
  double not_reached; /* NAN when absent */
} act_res_zc_result;

/* two_weight.paired: problem by problem, a against b */
typedef struct {
  const char *method, *a, *b; /* method NULL when absent */
  double a_more_steps, median_step_ratio;
} act_res_zc_pair;

/* two_weight.example.paths: w0[k], w1[k] after step k * every */
typedef struct {
  const char *activation, *method;
  double steps; /* NAN when absent */
  double *w0, *w1;
  size_t n;
} act_res_zc_path;

/* sign_agreement.rows: NAN where absent or null */
typedef struct {
  const char *activation;
  double z_mu, z_sigma, d, batch, fraction, exact;
} act_res_zc_sign;

typedef struct {
  act_res_file file;
  int has_two_weight, has_sign_agreement; /* the members are there */
  act_res_zc_result *results;
  size_t nresults;
  act_res_zc_pair *pairs;
  size_t npairs;
  int has_example; /* two_weight.example: its optimum, start and paths */
  double w_star[2], start[2];
  act_res_zc_path *paths;
  size_t npaths;
  act_res_zc_sign *signs;
  size_t nsigns;
} act_res_zerocenter;

/* Read a results file of one kind (path as given on the command line).  The
 * _doc forms read a document already loaded (act_read_json), which they take
 * over. */
act_res_speed *act_res_read_speed(const char *path);
act_res_accuracy *act_res_read_accuracy(const char *path);
act_res_saturation *act_res_read_saturation(const char *path);
act_res_zerocenter *act_res_read_zerocenter(const char *path);
act_res_speed *act_res_speed_doc(json_t *doc, const char *path);
act_res_accuracy *act_res_accuracy_doc(json_t *doc, const char *path);
act_res_saturation *act_res_saturation_doc(json_t *doc, const char *path);
act_res_zerocenter *act_res_zerocenter_doc(json_t *doc, const char *path);
/* a file's "kind" ("speed", ...), loading it; NULL when it states none */
const char *act_res_kind(const char *path, json_t **doc);
/* everything the readers returned, and their documents */
void act_res_release(void);

/* lookups */
const act_res_acc *act_res_accuracy_of(const act_res_accuracy *r, const char *activation,
                                       const act_res_act **act);
const act_res_sat *act_res_saturation_of(const act_res_saturation *r, const char *activation);
/* the narrow format's results of an activation (NULL when absent) */
const act_res_narrow *act_res_narrow_of(const act_res_acc *a, const char *format);

/* accuracy.json, one implementation in one direction:
 * - the letters of its tails (Z P N I D S, "-" for none), NULL when the
 *   file has no "tails";
 * - its verdict: 0 within, 1 exceeds, 2 none (no claim), -1 unknown. */
const char *act_res_tail_letters(const act_res_stats *s, char *buf, size_t cap);
int act_res_verdict(const act_res_stats *s);

#ifdef __cplusplus
}
#endif
#endif
