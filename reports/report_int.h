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

/* ---- arena: every allocation of the report, released by rep_arena_free */
void *rep_alloc(size_t bytes);                                  /* zeroed; dies on failure */
void *rep_grow(void *p, size_t *cap, size_t have, size_t elem); /* room for have + 1 */
char *rep_strdup(const char *s);
char *rep_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void rep_arena_free(void);

/* ---- the results files */
enum { REP_SPEED, REP_ACCURACY, REP_SATURATION, REP_NFILES };
extern const char *const rep_kind_names[REP_NFILES];

typedef struct {
  const char *path; /* as given, NULL when not read */
  json_t *doc;
  json_t *context; /* the "context" object, may be NULL */
  const char *version;
} rep_file;

/* ---- accuracy.json */
typedef struct {
  const char *x, *got, *want;
  int ok;
} rep_special;

typedef struct {
  double max_ulp, mean_ulp, cr_fraction, count_gt_1ulp, max_abs_err, max_rel_err;
  double special_failures; /* NAN: null in the file */
  const char *max_ulp_x, *max_ulp_got, *max_ulp_want;
  int within_claim;
  double *ulp_vs_x; /* bins values, NAN for null */
  rep_special *specials;
  size_t nspecials;
} rep_stats;

typedef struct {
  const char *name, *isa, *origin, *reason, *bwd_formula;
  int available;
  double claimed_fwd, claimed_bwd;
  rep_stats fwd, bwd;
} rep_acc_impl;

typedef struct {
  double lo, hi;
  size_t bins;
  double inputs; /* NAN when absent */
  rep_acc_impl *impls;
  size_t nimpls;
} rep_acc;

/* ---- saturation.json */
enum { REP_MATH_BEYOND, REP_MATH_ALL, REP_MATH_NEVER };
typedef struct {
  int kind;
  double x; /* |x| of the threshold for REP_MATH_BEYOND */
} rep_side;

typedef struct {
  double eps;
  rep_side neg, pos;
} rep_math;

typedef struct {
  const char *neg, *pos; /* x as written, NULL for null ("never") */
} rep_pair;

typedef struct {
  const char *name, *isa, *origin, *reason, *bwd_formula, *dead_side;
  int available;
  rep_pair grad_zero, f_asymptote;
  int premature_neg, premature_pos;
} rep_sat_impl;

typedef struct {
  double *x, *f, *df; /* NAN for null or non-finite */
  size_t ncurve;
  rep_math *math;
  size_t nmath;
  rep_pair exact_zero, exact_asymptote;
  rep_sat_impl *impls;
  size_t nimpls;
} rep_sat;

/* ---- speed.json */
typedef struct {
  long long n;
  const char *size_class;
  double ips[2], bps[2]; /* [fwd, bwd]; NAN when not measured */
} rep_point;

typedef struct {
  const char *name, *isa, *origin;
  int available;
  rep_point *points; /* sorted by n */
  size_t npoints, cap;
} rep_spd_impl;

typedef struct {
  rep_spd_impl *impls;
  size_t nimpls, cap;
} rep_spd;

/* ---- one activation, the union over the files */
typedef struct {
  const char *name;
  const char *stem; /* file-name-safe and unique: "sigmoid", "leaky_relu" */
  json_t *params;   /* may be NULL */
  const char *formula, *dformula, *kink_note; /* when a file states them */
  rep_acc *acc;                               /* NULL when accuracy.json lacks this activation */
  rep_sat *sat;
  rep_spd *spd;
  const char **impl_names; /* union over the files, for colours and legends */
  size_t nimpl_names, impl_cap;
  /* figures written: stems such as "sigmoid_curve", NULL when not drawn */
  const char *fig_curve, *fig_ulp_fwd, *fig_ulp_bwd, *fig_speed, *fig_satbars;
  const char *curve_note; /* what the curve figure leaves out, or NULL */
} rep_act;

typedef struct {
  rep_file files[REP_NFILES];
  rep_act *acts;
  size_t nacts, cap;
  /* accuracy sweep, saturation scan: descriptions for the index */
  const char *acc_sweep, *acc_conventions, *sat_scan;
} rep_model;

/* report_load.c */
void rep_load(rep_model *m, const char *const paths[REP_NFILES]);
size_t rep_impl_index(const rep_act *a, const char *impl); /* colour index */
double rep_parse_x(const char *s); /* number from a results-file string; NAN on junk */

/* report_plot.c: writes data/, gp/ and fig/ under dir and runs gnuplot there */
void rep_plot(rep_model *m, const char *dir);

/* report_html.c */
void rep_write_html(const rep_model *m, const char *dir);
void rep_write_markdown(const rep_model *m, const char *dir);

/* report.c */
FILE *rep_fopen(const char *dir, const char *name);          /* dies on failure */
void rep_fclose(FILE *f, const char *dir, const char *name); /* checks write errors */
#endif
