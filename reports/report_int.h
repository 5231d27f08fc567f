/* actbench report: what the parts of the report share (not a public header).
 *
 * report_load.c reads the results files into the model below, checking every
 * member the report needs; report_plot.c writes the gnuplot data and scripts
 * and runs gnuplot; report_html.c writes index.html, one page per activation
 * and summary.md; report.c parses the options and puts the report folder in
 * place.  Strings in the model point into the JSON documents or into the
 * report's arena, both released at the end. */
#ifndef ACTBENCH_REPORT_INT_H
#define ACTBENCH_REPORT_INT_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "results.h"

/* ---- arena: every allocation of the report, released by rep_arena_free */
void *rep_alloc(size_t bytes);                                  /* zeroed; dies on failure */
void *rep_grow(void *p, size_t *cap, size_t have, size_t elem); /* room for have + 1 */
char *rep_strdup(const char *s);
char *rep_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void rep_arena_free(void);

/* ---- the results files */
enum { REP_SPEED, REP_ACCURACY, REP_SATURATION, REP_ZEROCENTER, REP_NFILES };
extern const char *const rep_kind_names[REP_NFILES];

/* the results files as the results module reads them (results/results.h) */
typedef act_res_target_kernel rep_target_kernel;
typedef act_res_narrow_impl rep_narrow_impl;
typedef act_res_target_size rep_target_size;
typedef act_res_acc_impl rep_acc_impl;
typedef act_res_interval rep_interval;
typedef act_res_sat_impl rep_sat_impl;
typedef act_res_special rep_special;
typedef act_res_binade rep_binade;
typedef act_res_narrow rep_narrow;
typedef act_res_target rep_target;
typedef act_res_stats rep_stats;
typedef act_res_worst rep_worst;
typedef act_res_pair rep_pair;
typedef act_res_tail rep_tail;
typedef act_res_hbin rep_hbin;
typedef act_res_file rep_file;
typedef act_res_math rep_math;
typedef act_res_side rep_side;
typedef act_res_acc rep_acc;
typedef act_res_sat rep_sat;
#define REP_MATH_BEYOND ACT_RES_MATH_BEYOND
#define REP_MATH_ALL ACT_RES_MATH_ALL
#define REP_MATH_NEVER ACT_RES_MATH_NEVER
#define rep_sfk_names act_res_sfk_names
#define rep_sfk_texts act_res_sfk_texts

/* ---- speed.json */
typedef struct {
  long long n;
  const char *size_class;
  double ips[2], bps[2];       /* [fwd, bwd]: medians; NAN when not measured */
  double ips_q1[2], ips_q3[2]; /* quartiles of the repetitions; NAN when not known */
  int nrep[2];                 /* repetitions (0 when the file does not say) */
  double bpe[2];               /* bytes per element the kernel moves */
  /* the same n on several threads (speed --threads): median items/s and
   * bytes/s, NAN when not measured */
  int mt_threads;
  double mt_ips[2], mt_bps[2];
} rep_point;

typedef struct {
  const char *name, *isa, *origin;
  int available;
  rep_point *points; /* sorted by n */
  size_t npoints, cap;
} rep_spd_impl;

/* The baselines of speed.json (activation "memory", role "baseline"):
 * memory.copy, the memory limit, and memory.relu; they get no page of their
 * own, they are drawn and tabulated with every activation. */

typedef struct {
  rep_spd_impl *impls;
  size_t nimpls, cap;
} rep_spd;

/* ---- one activation, the union over the files */
typedef struct {
  const char *name;
  const char *origin; /* NULL where no file says */
  int bwd;            /* 1 a backward kernel, 0 none, -1 not known */
} rep_name;

typedef struct {
  const char *name;
  const char *stem;            /* file-name-safe and unique: "sigmoid", "leaky_relu" */
  const act_res_param *params; /* may be NULL */
  size_t nparams;
  const char *formula, *dformula, *kink_note; /* when a file states them */
  rep_acc *acc;                               /* NULL when accuracy.json lacks this activation */
  rep_sat *sat;
  rep_spd *spd;
  /* implementations: the union over the files, ours (origin "actbench")
   * first, then the peers grouped by origin; the index into these arrays
   * picks an implementation's colour, dashes and point type */
  rep_name *names;
  size_t nnames, names_cap;
  /* figures written: stems such as "sigmoid_curve", NULL when not drawn */
  const char *fig_curve, *fig_ulp_fwd, *fig_ulp_bwd, *fig_speed, *fig_satbars, *fig_pareto;
  const char *fig_normal, *fig_depth, *fig_numsat, *fig_delivered;
  const char *fig_binades_fwd, *fig_binades_bwd; /* exhaustive sweeps: error per binade */
  int ulp_exact[2];       /* f, f': every implementation exact in every bin: no ULP figure */
  const char *curve_note; /* what the curve figure leaves out, or NULL */
  /* the size at which kernels are ranked and the Pareto chart is drawn
   * (rep_rank_size): n, its class ("L1", or NULL for a count of no class),
   * and a note when the size asked for was not measured; n 0: no speed */
  long long rank_n;
  const char *rank_cls, *rank_note;
} rep_act;

/* One implementation of an activation as the ranking and the Pareto chart see
 * it, in one direction: its max ULP error over the core (the inputs whose
 * exact result is 0 or a normal float; accuracy.json) and its throughput at
 * the ranking size (speed.json), with what else a reader must see beside
 * them: the max over all inputs, the tails, the verdict, the spread. */
typedef struct {
  size_t idx; /* into rep_act.names; its number in the report is idx + 1 */
  const char *name, *origin;
  double ulp;   /* the core's max ULP error (older files: over all inputs); NAN: not measured */
  double all;   /* the max ULP error over all inputs; NAN: not measured */
  int has_core; /* ulp is the core's */
  const char *tails; /* the tails' letters ("ZP"), "" for none, NULL when the file does not say */
  int verdict;       /* 0 within its claim or bound, 1 exceeds, 2 none, -1 not stated */
  double ips;        /* items/s at rank_n; NAN: not measured there */
  double q1, q3;     /* the quartiles of its repetitions; NAN when not known */
  double special;    /* special-value failures; NAN: not known */
  int front;         /* on the Pareto front: no other is faster and at most as inaccurate */
  const char *note;  /* what happened at the max ULP (a result of the wrong kind), or NULL */
} rep_kpoint;

/* The accuracy classes of the ranking: max ULP error <= each bound, the last
 * unbounded (INFINITY). */
#define REP_NCLASSES 5
extern const double rep_class_bound[REP_NCLASSES];

typedef struct {
  rep_file files[REP_NFILES];
  rep_act *acts; /* the seed's four first, then the family in docs order, then others */
  size_t nacts, cap;
  rep_spd *baseline;   /* speed.json's baselines; NULL when none */
  rep_target *targets; /* speed.json's targets; ntargets 0 when it has none */
  size_t ntargets;
  /* how speed.json was measured: repetitions (0: not stated), minimum time
   * of each, interleaved (-1 not stated), and the machine's state during the
   * run (its "machine_state" member, NULL when absent) */
  long long speed_reps;
  double speed_min_time;
  int speed_interleaved;
  const act_res_state *speed_state;
  /* the results files as the results module read them (NULL when not read) */
  const act_res_speed *speed;
  const act_res_zerocenter *zerocenter;
  const act_res_dying *dying; /* saturation.json's dying-ReLU experiment, NULL when absent */
  /* accuracy sweep, saturation scan: descriptions for the index */
  const char *acc_sweep, *acc_conventions, *sat_scan;
  const char *acc_mode; /* "sampled", "range", "exhaustive"; NULL when not stated */
  /* what the report was asked: the ranking size ("L1", "L2", "L3", "DRAM" or a
   * count), the report folder as given, and the command line */
  const char *rank_size, *out_dir, *report_cmd;
  /* the figures across activations (gradients.html): the saturated fraction
   * against sigma, E[f']^L against depth, the zig-zag paths of
   * zerocenter.json; NULL when not drawn */
  const char *fig_all_normal, *fig_all_depth, *fig_zigzag;
  /* the front page's figure: speed against accuracy, a panel per activation */
  const char *fig_overview;
} rep_model;

/* saturation.json's analysis in formats: the index of mu = 0 (or the mu
 * nearest 0) of "normal" */
size_t rep_mu0(const act_res_normal *normal);
/* the row of "normal"."sets" for |f'| < 1e-3 (the saturated fraction across
 * activations), or NULL */
const act_res_normal_row *rep_normal_set(const act_res_normal *normal);
/* the index of the scale 1 in depth.scales (or the nearest), -1 when none */
int rep_scale1(const act_res_depth *depth);

/* report_load.c */
void rep_load(rep_model *m, const char *const paths[REP_NFILES]);
size_t rep_impl_index(const rep_act *a, const char *impl); /* colour index */
/* 1 when the implementation has a backward kernel, 0 when it has none, -1
 * when no results file tells */
int rep_impl_has_bwd(const rep_act *a, const char *impl);
/* ours: origin "actbench" (or not stated) */
int rep_origin_is_ours(const char *origin);
/* the origin an older file gave as "libm": "actbench" for our scalar
 * kernels, "libmvec" for glibc's vector kernels; any other as it is */
const char *rep_norm_origin(const char *name, const char *origin);
/* the libraries in the report's order (ours, the peers); an origin's place
 * in it (REP_NLIBS for one not listed: a plugin) */
#define REP_NLIBS 10
extern const char *const rep_libraries[REP_NLIBS];
int rep_library_rank(const char *origin);
/* the seed's activations (sigmoid, tanh, relu, leaky_relu) */
int rep_act_is_seed(const rep_act *a);
/* bytes/s of memory.copy at n, NAN when speed.json has none there; the same
 * on several threads (rep_point.mt_threads) */
double rep_copy_bps(const rep_model *m, long long n);
double rep_copy_bps_mt(const rep_model *m, long long n);
/* The sizes an activation's speed file measured, sorted, each with its
 * size class (the first point's that has one): the count, the arrays in
 * *ns_out and *cls_out (in the arena). */
size_t rep_sizes(const rep_spd *s, long long **ns_out, const char ***cls_out);
double rep_parse_x(const char *s); /* number from a results-file string; NAN on junk */
/* the kernels of an activation in one direction (0 fwd, 1 bwd), one per
 * name of a->names that has a max ULP error or a throughput at a->rank_n,
 * with the Pareto front marked; out has room for a->nnames.  Returns how
 * many. */
size_t rep_kernel_points(const rep_act *a, int dir, rep_kpoint *out);
/* the letters of the tails of one direction: Z flush to zero, P premature
 * saturation, N NaN for a number, I a wrong infinity, D a subnormal input
 * treated as 0, S a zero of the wrong sign; "" none, NULL not stated */
const char *rep_tail_letters(const rep_stats *s);
/* the fastest point with ulp <= bound and a throughput, or NULL */
const rep_kpoint *rep_class_winner(const rep_kpoint *p, size_t n, double bound);
/* a results file's command line and date (context, or accuracy.run.json for
 * a range or exhaustive sweep); NULL when it does not say */
const char *rep_file_command(const rep_model *m, int kind);
const char *rep_file_date(const rep_model *m, int kind);

/* the size a figure was drawn at (its PNG), 0 when it was not drawn */
int rep_fig_size(const char *stem, int *w, int *h);
/* report_plot.c: writes data/, gp/ and fig/ under dir and runs gnuplot there */
void rep_plot(rep_model *m, const char *dir);

/* report_html.c */
void rep_write_html(const rep_model *m, const char *dir);
void rep_write_markdown(const rep_model *m, const char *dir);

/* rep_files.c: every file the report writes, its temporary folder, and
 * what an interrupt leaves (nothing) */
FILE *rep_fopen(const char *dir, const char *name);          /* dies on failure */
void rep_fclose(FILE *f, const char *dir, const char *name); /* checks write errors */
void rep_files_init(void);                   /* the signal handlers, the cleanup at exit */
void rep_check_replaceable(const char *out); /* dies unless out may be replaced */
char *rep_make_tmp_dir(const char *out);     /* OUT.tmp-PID with data/ gp/ fig/ (malloc'd) */
void rep_install(const char *tmp, const char *out);
void rep_check_interrupt(void);   /* an interrupt: clean up and die of it */
void rep_child_started(long pid); /* gnuplot runs: killed on an interrupt */
void rep_child_ended(void);
#endif
