/* actbench diff OLD NEW: two results files of the same kind, before and after
 * a change or from two machines.
 *
 * speed: benchmarks matched by name (<impl>/<fwd|bwd>/<n>), the ratio NEW/OLD
 * of their throughput (items/s: the median of the repetitions), and with
 * repetitions on both sides a two-sided Mann-Whitney U test on them, as
 * Google Benchmark's tools/compare.py does.  accuracy: per implementation
 * and direction, max ULP, the core's max ULP, correctly rounded fraction,
 * special-value failures, whether the claim holds and the verdict, OLD ->
 * NEW.  saturation: where each implementation's gradient becomes exactly
 * zero, OLD -> NEW.
 *
 * Exit status: 0, 1 when a threshold given is crossed or a verdict went from
 * within to exceeds (a regression), 2 for bad input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "mannwhitney.h"
#include "results.h"
#include "table.h"
#include "select.h"
#include "util.h"

/* compare.py recommends this many repetitions for its U test */
#define RECOMMENDED_REPS 9

typedef struct {
  const char *old_path, *new_path;
  json_t *old_doc, *new_doc;               /* as loaded, handed to the readers */
  const act_res_file *old_file, *new_file; /* as the readers read them */
  const char *activation;                  /* NULL: all */
  double thr_speed;                        /* NAN: none */
  double thr_ulp;                          /* NAN: none */
  int thr_ulp_rel;                         /* thr_ulp is a percentage */
  double alpha;
  int formats; /* bit 0 binary32, 1 bfloat16, 2 binary16 */
  int changed_only;
  int allow_missing; /* a kernel only in OLD is not a regression */
  act_table_format fmt;
} diff_opts;

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench diff OLD NEW [--threshold-speed R] [--threshold-ulp X | X%%]\n"
          "                     [--alpha A] [--activation A] [--formats LIST] [--changed]\n"
          "                     [--allow-missing] [--format table|csv|markdown]\n"
          "Compares two results files of the same kind (speed.json, accuracy.json or\n"
          "saturation.json), e.g. before and after a change, or from two machines.\n"
          "\n"
          "speed: benchmarks matched by name; NEW/OLD is the ratio of their throughput\n"
          "(items/s, the median of the repetitions).  When both files have repetitions\n"
          "(actbench speed --repetitions N), a two-sided Mann-Whitney U test on them gives\n"
          "p, as Google Benchmark's compare.py does (%d or more repetitions recommended).\n"
          "accuracy: per implementation and direction, max ULP (with what happened beside\n"
          "it when the result is of the wrong kind), the core's max ULP, correctly rounded\n"
          "fraction, special-value failures, the claim and the verdict, OLD -> NEW; a\n"
          "verdict that goes from within to exceeds is always a regression.\n"
          "saturation: where each implementation's computed f' becomes 0, OLD -> NEW.\n"
          "\n"
          "  --threshold-speed R  a regression: a kernel whose throughput NEW/OLD is below\n"
          "                       1 - R (R = 0.05: more than 5%% slower), and, when the U\n"
          "                       test can reach the level --alpha with these repetitions,\n"
          "                       significantly so (p < alpha).  Memory baselines never count\n"
          "  --threshold-ulp X    a regression: a max ULP error that grew by more than X ULP\n"
          "                       (absolute; X%% instead: relative, by more than X percent),\n"
          "                       or special-value failures that went up\n"
          "  --alpha A            significance level of the U test (0.05)\n"
          "  --activation A       only this activation\n"
          "  --formats LIST       accuracy: binary32, bfloat16, binary16, or all (binary32)\n"
          "  --changed            accuracy, saturation: only the rows that changed\n"
          "  --allow-missing      with a threshold, a kernel (or an activation) that OLD has\n"
          "                       and NEW lacks is not a regression (by default it is one:\n"
          "                       a kernel that stopped being measured hides what it does)\n"
          "  --format F           table (default), csv or markdown\n"
          "\n"
          "Exit status: 0 no regression, 1 a regression, 2 bad input.\n",
          RECOMMENDED_REPS);
}

/* "host, cpu, date" of a results file's context */
static void describe(char *buf, size_t cap, const act_res_file *f) {
  snprintf(buf, cap, "%s, %s%s%s", f->host ? f->host : "?", f->cpu_model ? f->cpu_model : "?",
           f->date ? ", " : "", f->date ? f->date : "");
}

static void print_header(const diff_opts *o, const char *kind) {
  if (o->fmt == ACT_FMT_CSV) return;
  char a[512], b[512];
  describe(a, sizeof a, o->old_file);
  describe(b, sizeof b, o->new_file);
  printf("%s results\nOLD: %s (%s)\nNEW: %s (%s)\n", kind, o->old_path, a, o->new_path, b);
  const char *ca = o->old_file->cpu_model, *cb = o->new_file->cpu_model;
  const char *ha = o->old_file->host, *hb = o->new_file->host;
  if ((ca && cb && strcmp(ca, cb)) || (ha && hb && strcmp(ha, hb)))
    printf("note: two machines: differences include the machine's\n");
  printf("\n");
}

/* ---- speed */

/* what a call holds while it runs: freed at its end, or at the start of the
 * next call when act_die ended it (the fuzz targets call diff again and
 * again in one process) */
static act_table *g_table;
static void *g_rows[2];

static act_table *new_table(size_t ncols) {
  act_table_free(g_table);
  return g_table = act_table_new(ncols);
}

static void end_table(void) {
  act_table_free(g_table);
  g_table = NULL;
}

static void release_held(void) {
  end_table();
  for (int k = 0; k < 2; k++) {
    free(g_rows[k]);
    g_rows[k] = NULL;
  }
}

static int diff_speed(diff_opts *o) {
  const act_res_speed *so = act_res_speed_doc(o->old_doc, o->old_path);
  const act_res_speed *sn = act_res_speed_doc(o->new_doc, o->new_path);
  o->old_file = &so->file;
  o->new_file = &sn->file;
  size_t no = so->nruns, nn = sn->nruns;
  const act_speed_run *ro = so->runs, *rn = sn->runs;
  size_t common = 0;
  for (size_t i = 0; i < nn; i++) {
    if (o->activation && strcmp(rn[i].activation, o->activation) && !rn[i].baseline) continue;
    for (size_t k = 0; k < no; k++)
      if (!strcmp(ro[k].name, rn[i].name)) {
        common++;
        break;
      }
  }
  if (common == 0)
    act_die(
        "diff: %s and %s have no benchmark in common%s%s (compare runs of the same "
        "implementations and sizes)",
        o->old_path, o->new_path, o->activation ? " for " : "", o->activation ? o->activation : "");
  print_header(o, "speed");
  int csv = o->fmt == ACT_FMT_CSV;
  act_table *t = new_table(csv ? 12 : 8);
  if (csv) {
    static const char *const keys[] = {"benchmark",
                                       "impl",
                                       "direction",
                                       "n",
                                       "size_class",
                                       "old_items_per_second",
                                       "new_items_per_second",
                                       "ratio",
                                       "old_repetitions",
                                       "new_repetitions",
                                       "p_value",
                                       "result"};
    for (size_t c = 0; c < 12; c++) act_table_col(t, c, keys[c], keys[c], c >= 3 && c < 11);
  } else {
    act_table_col(t, 0, "benchmark", "benchmark", 0);
    act_table_col(t, 1, "OLD G/s", "old", 1);
    act_table_col(t, 2, "NEW G/s", "new", 1);
    act_table_col(t, 3, "NEW/OLD", "ratio", 1);
    act_table_col(t, 4, "change", "change", 1);
    act_table_col(t, 5, "reps", "reps", 1);
    act_table_col(t, 6, "p (U test)", "p", 1);
    act_table_col(t, 7, "result", "result", 0);
  }
  size_t both = 0, only_new = 0, regressions = 0, tested = 0, usable = 0, slower = 0, faster = 0;
  size_t min_reps = SIZE_MAX;
  double logsum[3] = {0, 0, 0};
  size_t logn[3] = {0, 0, 0};
  char regressed[1024] = "";
  for (size_t i = 0; i < nn; i++) {
    const act_speed_run *b = &rn[i];
    if (o->activation && strcmp(b->activation, o->activation) && !b->baseline) continue;
    const act_speed_run *a = NULL;
    for (size_t k = 0; k < no && !a; k++)
      if (!strcmp(ro[k].name, b->name)) a = &ro[k];
    if (!a) {
      only_new++;
      continue;
    }
    both++;
    double co = act_speed_center(a), cn = act_speed_center(b);
    double ratio = cn / co;
    if (!b->baseline && ratio > 0 && isfinite(ratio)) {
      int d = !strcmp(b->direction, "bwd");
      logsum[d] += log(ratio);
      logn[d]++;
      logsum[2] += log(ratio);
      logn[2]++;
    }
    act_mw_result mw;
    int have_p = a->nsamples >= 2 && b->nsamples >= 2 &&
                 act_mann_whitney(a->samples, a->nsamples, b->samples, b->nsamples, &mw) == 0;
    int use = have_p && act_mw_min_p(a->nsamples, b->nsamples) <= o->alpha;
    int sig = use && mw.p < o->alpha;
    if (have_p) {
      tested++;
      usable += use;
      if (a->nsamples < min_reps) min_reps = a->nsamples;
      if (b->nsamples < min_reps) min_reps = b->nsamples;
    }
    const char *result = "";
    if (!isnan(o->thr_speed) && !b->baseline && ratio < 1 - o->thr_speed && (!use || sig)) {
      result = "REGRESSION";
      if (regressions++ < 8)
        snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed), "%s%s",
                 regressions > 1 ? ", " : "", b->name);
      else if (regressions == 9)
        snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed), ", ...");
    } else if (use) {
      result = sig ? (ratio < 1 ? "slower" : "faster") : "same";
    }
    if (sig) {
      slower += ratio < 1;
      faster += ratio >= 1;
    }
    if (csv) {
      act_table_cell(t, b->name);
      act_table_cell(t, b->impl);
      act_table_cell(t, b->direction);
      act_table_cellf(t, "%lld", b->n);
      act_table_cell(t, b->size_class);
      act_table_cellf(t, "%.9g", co);
      act_table_cellf(t, "%.9g", cn);
      act_table_cellf(t, "%.6f", ratio);
      act_table_cellf(t, "%zu", a->nsamples);
      act_table_cellf(t, "%zu", b->nsamples);
      if (have_p)
        act_table_cellf(t, "%.6g", mw.p);
      else
        act_table_cell(t, "");
      act_table_cell(t, result);
    } else {
      act_table_cellf(t, "%s%s", b->name, b->baseline ? " (baseline)" : "");
      act_table_cellf(t, "%.3g", co / 1e9);
      act_table_cellf(t, "%.3g", cn / 1e9);
      act_table_cellf(t, "%.3f", ratio);
      act_table_cellf(t, "%+.1f%%", 100 * (ratio - 1));
      act_table_cellf(t, "%zu/%zu", a->nsamples, b->nsamples);
      if (have_p)
        act_table_cellf(t, mw.p >= 1e-3 ? "%.4f" : "%.1e", mw.p);
      else
        act_table_cell(t, "-");
      act_table_cell(t, result);
    }
  }
  size_t only_old = 0, missing = 0;
  for (size_t k = 0; k < no; k++) {
    if (o->activation && strcmp(ro[k].activation, o->activation) && !ro[k].baseline) continue;
    int found = 0;
    for (size_t i = 0; i < nn && !found; i++) found = !strcmp(ro[k].name, rn[i].name);
    only_old += !found;
    /* a kernel measured before and not now: a regression unless allowed */
    if (!found && !ro[k].baseline && !isnan(o->thr_speed) && !o->allow_missing) {
      missing++;
      if (regressions++ < 8)
        snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed),
                 "%s%s (not in NEW)", regressions > 1 ? ", " : "", ro[k].name);
      else if (regressions == 9)
        snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed), ", ...");
      if (csv) {
        act_table_cell(t, ro[k].name);
        act_table_cell(t, ro[k].impl);
        act_table_cell(t, ro[k].direction);
        act_table_cellf(t, "%lld", ro[k].n);
        act_table_cell(t, ro[k].size_class);
        act_table_cellf(t, "%.9g", act_speed_center(&ro[k]));
        for (int c = 0; c < 5; c++) act_table_cell(t, "");
        act_table_cell(t, "REGRESSION (not in NEW)");
      } else {
        act_table_cell(t, ro[k].name);
        act_table_cellf(t, "%.3g", act_speed_center(&ro[k]) / 1e9);
        for (int c = 0; c < 5; c++) act_table_cell(t, "-");
        act_table_cell(t, "REGRESSION (not in NEW)");
      }
    }
  }
  act_table_print(t, stdout, o->fmt);
  end_table();
  if (o->fmt != ACT_FMT_CSV) {
    printf("\n%zu benchmarks in both files", both);
    if (only_old || only_new) printf(" (%zu only in OLD, %zu only in NEW)", only_old, only_new);
    printf(".\n");
    if (logn[2])
      printf("geometric mean of NEW/OLD over the kernels: %.4f (fwd %.4f, bwd %.4f)\n",
             exp(logsum[2] / (double)logn[2]), logn[0] ? exp(logsum[0] / (double)logn[0]) : NAN,
             logn[1] ? exp(logsum[1] / (double)logn[1]) : NAN);
    if (tested) {
      printf(
          "U test (two-sided Mann-Whitney on the repetitions' items/s, alpha %g): %zu of %zu "
          "benchmarks tested, %zu significantly slower, %zu faster\n",
          o->alpha, tested, both, slower, faster);
      if (usable < tested)
        printf(
            "note: with %zu repetitions the U test cannot reach p < %g (the smallest p is %.3g):"
            " %zu benchmarks judged by their ratio alone\n",
            min_reps, o->alpha, act_mw_min_p(min_reps, min_reps), tested - usable);
      if (min_reps < RECOMMENDED_REPS)
        printf("note: %d or more repetitions per side are recommended for the U test (here %zu)\n",
               RECOMMENDED_REPS, min_reps);
    } else {
      printf("no U test: a file has no repetitions (actbench speed --repetitions N)\n");
    }
    if (!isnan(o->thr_speed)) {
      if (regressions)
        printf("REGRESSION: %zu benchmarks more than %g%% slower (threshold-speed %g)%s: %s\n",
               regressions, 100 * o->thr_speed, o->thr_speed,
               missing ? " or not in NEW (--allow-missing allows that)" : "", regressed);
      else
        printf("no regression (threshold-speed %g)\n", o->thr_speed);
    }
  }
  return regressions ? 1 : 0;
}

/* ---- accuracy */

static const char *const fmt_names[3] = {"binary32", "bfloat16", "binary16"};
static const char *const fmt_short[3] = {"f32", "bf16", "f16"};

/* one implementation of one format of an activation: its statistics in
 * each direction (NULL: none there) */
typedef struct {
  const char *name;
  const act_res_stats *fwd, *bwd;
} acc_row;

static size_t rows_of(const act_res_acc *a, int f, acc_row *out, size_t cap) {
  size_t n = 0;
  if (!a) return 0;
  if (f == 0) {
    for (size_t i = 0; i < a->nimpls && n < cap; i++) {
      const act_res_acc_impl *p = &a->impls[i];
      out[n++] = (acc_row){p->name, p->available ? &p->fwd : NULL,
                           p->available && p->has_bwd ? &p->bwd : NULL};
    }
    return n;
  }
  const act_res_narrow *nw = act_res_narrow_of(a, fmt_names[f]);
  for (size_t i = 0; nw && i < nw->nimpls && n < cap; i++) {
    const act_res_narrow_impl *p = &nw->impls[i];
    out[n++] = (acc_row){p->name, &p->fwd, p->has_bwd ? &p->bwd : NULL};
  }
  return n;
}

static const acc_row *row_named(const acc_row *r, size_t n, const char *name) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(r[i].name, name)) return &r[i];
  return NULL;
}

typedef struct {
  int has;
  double max, cr, special;
  int within;    /* -1 unknown */
  double core;   /* the core's max ULP; NAN in older files */
  int verdict;   /* 0 within, 1 exceeds, 2 none, -1 unknown (act_json_verdict) */
  char note[96]; /* what happened at the max ULP, "" for nothing */
} acc_side;

static acc_side no_side(void) {
  acc_side s = {0, NAN, NAN, NAN, -1, NAN, -1, ""};
  return s;
}

static acc_side side_of(const act_res_stats *st) {
  acc_side s = no_side();
  if (!st) return s;
  s.has = 1;
  s.max = st->max_ulp;
  s.cr = st->cr_fraction;
  s.special = st->special_failures;
  s.within = st->within_claim;
  s.core = st->has_core ? st->core_max_ulp : NAN;
  s.verdict = act_res_verdict(st);
  snprintf(s.note, sizeof s.note, "%s", st->max_ulp_note ? st->max_ulp_note : "");
  return s;
}

static const char *verdict_name(int v) {
  return v == 0 ? "within" : v == 1 ? "exceeds" : v == 2 ? "none" : "";
}

/* a max ULP with what happened beside it */
static void cell_ulp(act_table *t, double v, const char *note) {
  if (isnan(v))
    act_table_cell(t, "-");
  else if (note && note[0])
    act_table_cellf(t, "%.4g (%s)", v, note);
  else
    act_table_cellf(t, "%.4g", v);
}

static void cell_num(act_table *t, double v, const char *fmt, int csv) {
  if (isnan(v))
    act_table_cell(t, csv ? "" : "-");
  else if (isinf(v))
    act_table_cell(t, v > 0 ? "inf" : "-inf");
  else
    act_table_cellf(t, fmt, v);
}

static const char *yes_no(int w) {
  return w < 0 ? "-" : w ? "yes" : "no";
}

/* Dies when the two files share no activation (after --activation); the
 * activations of each file given as names. */
static void common_activations(const diff_opts *o, const char *const *ao, size_t nao,
                               const char *const *an, size_t nan_) {
  char only[1024] = "";
  size_t both = 0;
  for (size_t i = 0; i < nan_; i++) {
    const char *act = an[i];
    if (o->activation && strcmp(act, o->activation)) continue;
    int in = 0;
    for (size_t k = 0; k < nao && !in; k++) in = !strcmp(ao[k], act);
    if (in)
      both++;
    else
      snprintf(only + strlen(only), sizeof only - strlen(only), " %s (NEW)", act);
  }
  for (size_t i = 0; i < nao; i++) {
    const char *act = ao[i];
    if (o->activation && strcmp(act, o->activation)) continue;
    int in = 0;
    for (size_t k = 0; k < nan_ && !in; k++) in = !strcmp(an[k], act);
    if (!in) snprintf(only + strlen(only), sizeof only - strlen(only), " %s (OLD)", act);
  }
  if (both) return;
  if (o->activation)
    act_die("diff: %s is not in both files (only in:%s)", o->activation,
            only[0] ? only : " neither");
  act_die("diff: %s and %s have no activation in common (only in one:%s)", o->old_path, o->new_path,
          only);
}

/* the names of a file's activations */
static const char **act_names(const act_res_act *a, size_t n) {
  static const char **kept[2];
  static int which;
  const char **v = calloc(n + 1, sizeof *v);
  if (!v) act_die("out of memory");
  for (size_t i = 0; i < n; i++) v[i] = a[i].name;
  free(kept[which]);
  kept[which] = v; /* reachable until the next call but one (two files) */
  which ^= 1;
  return v;
}

static int params_equal(const act_res_act *a, const act_res_act *b) {
  if (a->nparams != b->nparams) return 0;
  for (size_t i = 0; i < a->nparams; i++)
    if (strcmp(a->params[i].key, b->params[i].key) || strcmp(a->params[i].text, b->params[i].text))
      return 0;
  return 1;
}

static int diff_accuracy(diff_opts *o) {
  const act_res_accuracy *AO = act_res_accuracy_doc(o->old_doc, o->old_path);
  const act_res_accuracy *AN = act_res_accuracy_doc(o->new_doc, o->new_path);
  o->old_file = &AO->file;
  o->new_file = &AN->file;
  common_activations(o, act_names(AO->acts, AO->nacts), AO->nacts, act_names(AN->acts, AN->nacts),
                     AN->nacts);
  print_header(o, "accuracy");
  int csv = o->fmt == ACT_FMT_CSV;
  int narrow = (o->formats & 6) != 0;
  char notes[4096] = "";
  if (!(AO->mode == AN->mode || (AO->mode && AN->mode && !strcmp(AO->mode, AN->mode))) ||
      !(AO->sweep == AN->sweep || (AO->sweep && AN->sweep && !strcmp(AO->sweep, AN->sweep))))
    snprintf(notes + strlen(notes), sizeof notes - strlen(notes),
             "note: the sweeps differ (\"sweep\" in the two files): the errors are over different "
             "inputs\n");
  act_table *t;
  if (csv) {
    static const char *const keys[] = {"activation",
                                       "format",
                                       "impl",
                                       "direction",
                                       "old_max_ulp",
                                       "new_max_ulp",
                                       "old_cr_fraction",
                                       "new_cr_fraction",
                                       "old_special_failures",
                                       "new_special_failures",
                                       "old_within_claim",
                                       "new_within_claim",
                                       "old_core_max_ulp",
                                       "new_core_max_ulp",
                                       "old_verdict",
                                       "new_verdict",
                                       "result"};
    t = new_table(17);
    for (size_t c = 0; c < 17; c++) act_table_col(t, c, keys[c], keys[c], 0);
  } else {
    size_t c = 0;
    t = new_table(narrow ? 14 : 13);
    act_table_col(t, c++, "implementation", "impl", 0);
    if (narrow) act_table_col(t, c++, "format", "format", 0);
    act_table_col(t, c++, "f/f'", "direction", 0);
    act_table_col(t, c++, "max ulp OLD", "old_max_ulp", 1);
    act_table_col(t, c++, "NEW", "new_max_ulp", 1);
    act_table_col(t, c++, "change", "change", 1);
    act_table_col(t, c++, "core max OLD", "old_core_max_ulp", 1);
    act_table_col(t, c++, "NEW", "new_core_max_ulp", 1);
    act_table_col(t, c++, "CR OLD", "old_cr", 1);
    act_table_col(t, c++, "NEW", "new_cr", 1);
    act_table_col(t, c++, "special", "special", 1);
    act_table_col(t, c++, "within claim", "within_claim", 0);
    act_table_col(t, c++, "verdict", "verdict", 0);
    act_table_col(t, c++, "result", "result", 0);
  }
  size_t acts_both = 0, rows = 0, changed = 0, regressions = 0, grew = 0, shrank = 0, missing = 0;
  size_t verdict_regs = 0;
  char regressed[1024] = "", only[1024] = "";
  size_t cap = 1;
  for (size_t i = 0; i < AN->nacts; i++) cap += AN->acc[i].nimpls;
  for (size_t i = 0; i < AO->nacts; i++) cap += AO->acc[i].nimpls;
  acc_row *rn_ = g_rows[0] = calloc(cap, sizeof *rn_), *ro_ = g_rows[1] = calloc(cap, sizeof *ro_);
  if (!rn_ || !ro_) act_die("out of memory");
  for (size_t i = 0; i < AN->nacts; i++) {
    const char *act = AN->acts[i].name;
    if (o->activation && strcmp(act, o->activation)) continue;
    const act_res_act *dold = NULL;
    const act_res_acc *aold = act_res_accuracy_of(AO, act, &dold);
    if (!aold) {
      snprintf(only + strlen(only), sizeof only - strlen(only), " %s (NEW)", act);
      continue;
    }
    acts_both++;
    if (!params_equal(dold, &AN->acts[i]))
      snprintf(notes + strlen(notes), sizeof notes - strlen(notes),
               "note: %s: the parameters differ between the files\n", act);
    for (int f = 0; f < 3; f++) {
      if (!(o->formats & (1 << f))) continue;
      size_t nn_ = rows_of(&AN->acc[i], f, rn_, cap), no_ = rows_of(aold, f, ro_, cap);
      /* NEW's implementations, then those only OLD has */
      for (int pass = 0; pass < 2; pass++) {
        const acc_row *list = pass ? ro_ : rn_, *other = pass ? rn_ : ro_;
        size_t nlist = pass ? no_ : nn_, nother = pass ? nn_ : no_;
        for (size_t k = 0; k < nlist; k++) {
          const acc_row *e = &list[k];
          const char *name = e->name;
          const acc_row *twin = row_named(other, nother, name);
          if (pass && twin) continue; /* done in the first pass */
          const acc_row *eo = pass ? e : twin, *en = pass ? NULL : e;
          for (int d = 0; d < 2; d++) {
            const char *dir = d ? "bwd" : "fwd";
            acc_side so = eo ? side_of(d ? eo->bwd : eo->fwd) : no_side();
            acc_side sn = en ? side_of(d ? en->bwd : en->fwd) : no_side();
            if (!so.has && !sn.has) continue; /* no backward kernel, or unavailable */
            const char *result = "";
            int chg = 0;
            if (!so.has || !sn.has) {
              result = !eo ? "only in NEW" : !en ? "only in OLD" : "measured on one side";
              chg = 1;
              /* measured in OLD and not in NEW: a regression unless allowed */
              if (so.has && !isnan(o->thr_ulp) && !o->allow_missing) {
                result = "REGRESSION (not in NEW)";
                missing++;
                if (regressions++ < 6)
                  snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed),
                           "%s%s %s%s%s (not in NEW)", regressions > 1 ? ", " : "", name,
                           d ? "f'" : "f", f ? " " : "", f ? fmt_short[f] : "");
                else if (regressions == 7)
                  snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed),
                           ", ...");
              }
            } else {
              /* a change of the core's max ULP or of the verdict is a change
               * (an older file has neither: NAN and -1 on that side) */
              chg = !(so.max == sn.max || (isnan(so.max) && isnan(sn.max))) || so.cr != sn.cr ||
                    so.special != sn.special || so.within != sn.within ||
                    !(so.core == sn.core || (isnan(so.core) && isnan(sn.core))) ||
                    (so.verdict >= 0 && sn.verdict >= 0 && so.verdict != sn.verdict);
              int up = sn.max > so.max;
              grew += up;
              shrank += sn.max < so.max;
              int reg = 0;
              if (!isnan(o->thr_ulp)) {
                if (o->thr_ulp_rel)
                  reg = up && (so.max == 0 || sn.max > so.max * (1 + o->thr_ulp / 100));
                else
                  reg = sn.max - so.max > o->thr_ulp;
                reg |= sn.special > so.special;
              }
              /* within its claim (or bound) before, exceeding it now: always */
              if (so.verdict == 0 && sn.verdict == 1) reg = 1, verdict_regs++;
              if (reg) {
                result = "REGRESSION";
                if (regressions++ < 6)
                  snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed),
                           "%s%s %s%s%s", regressions > 1 ? ", " : "", name, d ? "f'" : "f",
                           f ? " " : "", f ? fmt_short[f] : "");
                else if (regressions == 7)
                  snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed),
                           ", ...");
              } else if (chg) {
                result = up                        ? "worse"
                         : sn.max < so.max         ? "better"
                         : sn.special > so.special ? "worse"
                                                   : "changed";
              }
            }
            rows++;
            changed += chg;
            if (o->changed_only && !chg) continue;
            if (csv) {
              act_table_cell(t, act);
              act_table_cell(t, fmt_names[f]);
              act_table_cell(t, name);
              act_table_cell(t, dir);
              cell_num(t, so.max, "%.9g", 1);
              cell_num(t, sn.max, "%.9g", 1);
              cell_num(t, so.cr, "%.9g", 1);
              cell_num(t, sn.cr, "%.9g", 1);
              cell_num(t, so.special, "%.0f", 1);
              cell_num(t, sn.special, "%.0f", 1);
              act_table_cell(t, so.within < 0 ? "" : so.within ? "true" : "false");
              act_table_cell(t, sn.within < 0 ? "" : sn.within ? "true" : "false");
              cell_num(t, so.core, "%.9g", 1);
              cell_num(t, sn.core, "%.9g", 1);
              act_table_cell(t, verdict_name(so.verdict));
              act_table_cell(t, verdict_name(sn.verdict));
              act_table_cell(t, result);
            } else {
              act_table_cell(t, name);
              if (narrow) act_table_cell(t, fmt_short[f]);
              act_table_cell(t, d ? "f'" : "f");
              cell_ulp(t, so.max, so.note);
              cell_ulp(t, sn.max, sn.note);
              if (so.has && sn.has && !isnan(sn.max - so.max) && sn.max != so.max)
                act_table_cellf(t, "%+.3g", sn.max - so.max);
              else
                act_table_cell(t, so.has && sn.has ? "0" : "-");
              cell_num(t, so.core, "%.4g", 0);
              cell_num(t, sn.core, "%.4g", 0);
              char pc[32];
              act_table_cell(t, isnan(so.cr) ? "-" : act_fmt_pct(pc, so.cr));
              act_table_cell(t, isnan(sn.cr) ? "-" : act_fmt_pct(pc, sn.cr));
              if (so.has && sn.has && so.special != sn.special)
                act_table_cellf(t, "%.0f -> %.0f", so.special, sn.special);
              else
                cell_num(t, sn.has ? sn.special : so.special, "%.0f", 0);
              if (so.within != sn.within)
                act_table_cellf(t, "%s -> %s", yes_no(so.within), yes_no(sn.within));
              else
                act_table_cell(t, yes_no(sn.within));
              if (so.verdict != sn.verdict && so.has && sn.has)
                act_table_cellf(t, "%s -> %s", so.verdict < 0 ? "-" : verdict_name(so.verdict),
                                sn.verdict < 0 ? "-" : verdict_name(sn.verdict));
              else
                act_table_cell(t, sn.verdict < 0 ? "-" : verdict_name(sn.verdict));
              act_table_cell(t, result);
            }
          }
        }
      }
    }
  }
  for (size_t i = 0; i < AO->nacts; i++) {
    const char *act = AO->acts[i].name;
    if (o->activation && strcmp(act, o->activation)) continue;
    if (!act_res_accuracy_of(AN, act, NULL)) {
      snprintf(only + strlen(only), sizeof only - strlen(only), " %s (OLD)", act);
      if (!isnan(o->thr_ulp) && !o->allow_missing) {
        missing++;
        if (regressions++ < 6)
          snprintf(regressed + strlen(regressed), sizeof regressed - strlen(regressed),
                   "%s%s (every implementation; not in NEW)", regressions > 1 ? ", " : "", act);
      }
    }
  }
  act_table_print(t, stdout, o->fmt);
  release_held();
  if (o->fmt != ACT_FMT_CSV) {
    printf("\n%zu activations in both files", acts_both);
    if (only[0]) printf(" (only in one:%s)", only);
    printf("; %zu rows, %zu changed; max ULP grew in %zu, shrank in %zu\n", rows, changed, grew,
           shrank);
    fputs(notes, stdout);
    if (!isnan(o->thr_ulp)) {
      char thr[64];
      snprintf(thr, sizeof thr, o->thr_ulp_rel ? "%g%%" : "%g ULP", o->thr_ulp);
      if (regressions)
        printf(
            "REGRESSION: %zu rows whose max ULP grew by more than %s or whose special-value "
            "failures went up%s%s: %s\n",
            regressions, thr, verdict_regs ? ", or whose verdict went from within to exceeds" : "",
            missing ? ", or measured in OLD and not in NEW (--allow-missing allows that)" : "",
            regressed);
      else
        printf("no regression (threshold-ulp %s)\n", thr);
    } else if (verdict_regs) {
      printf("REGRESSION: %zu rows whose verdict went from within to exceeds: %s\n", verdict_regs,
             regressed);
    }
  }
  return regressions ? 1 : 0;
}

/* ---- saturation */

static const char *xstr(const char *x) {
  return x ? x : "never";
}

static int diff_saturation(diff_opts *o) {
  const act_res_saturation *RO = act_res_saturation_doc(o->old_doc, o->old_path);
  const act_res_saturation *RN = act_res_saturation_doc(o->new_doc, o->new_path);
  o->old_file = &RO->file;
  o->new_file = &RN->file;
  common_activations(o, act_names(RO->acts, RO->nacts), RO->nacts, act_names(RN->acts, RN->nacts),
                     RN->nacts);
  print_header(o, "saturation");
  act_table *t = new_table(8);
  static const char *const keys[] = {"impl",          "old_grad0_neg", "new_grad0_neg",
                                     "old_grad0_pos", "new_grad0_pos", "old_premature",
                                     "new_premature", "result"};
  static const char *const labels[] = {
      "implementation", "f'=0 x<0 OLD", "NEW",   "f'=0 x>0 OLD", "NEW",
      "premature OLD",  "NEW",          "result"};
  for (size_t c = 0; c < 8; c++) act_table_col(t, c, labels[c], keys[c], c > 0 && c < 5);
  size_t both = 0, rows = 0, changed = 0;
  for (size_t i = 0; i < RN->nacts; i++) {
    const char *act = RN->acts[i].name;
    if (o->activation && strcmp(act, o->activation)) continue;
    const act_res_sat *jo = act_res_saturation_of(RO, act), *ja = &RN->sat[i];
    if (!jo) continue;
    both++;
    for (size_t k = 0; k < ja->nimpls; k++) {
      const act_res_sat_impl *e = &ja->impls[k], *eo = NULL;
      for (size_t q = 0; q < jo->nimpls && !eo; q++)
        if (!strcmp(jo->impls[q].name, e->name)) eo = &jo->impls[q];
      const char *v[6];
      v[0] = eo ? xstr(eo->grad_zero.neg) : "-";
      v[1] = xstr(e->grad_zero.neg);
      v[2] = eo ? xstr(eo->grad_zero.pos) : "-";
      v[3] = xstr(e->grad_zero.pos);
      int pon = eo && eo->premature_neg > 0, pop = eo && eo->premature_pos > 0;
      int pnn = e->premature_neg > 0, pnp = e->premature_pos > 0;
      v[4] = !eo ? "-" : pon && pop ? "both" : pon ? "neg" : pop ? "pos" : "no";
      v[5] = pnn && pnp ? "both" : pnn ? "neg" : pnp ? "pos" : "no";
      int chg = !eo || strcmp(v[0], v[1]) || strcmp(v[2], v[3]) || strcmp(v[4], v[5]);
      rows++;
      changed += chg;
      if (o->changed_only && !chg) continue;
      act_table_cell(t, e->name);
      for (int c = 0; c < 6; c++) act_table_cell(t, v[c]);
      act_table_cell(t, !eo ? "only in NEW" : chg ? "changed" : "");
    }
  }
  act_table_print(t, stdout, o->fmt);
  end_table();
  if (o->fmt != ACT_FMT_CSV)
    printf("\n%zu activations in both files; %zu implementations, %zu changed\n", both, rows,
           changed);
  return 0;
}

int act_diff_main(int argc, char **argv) {
  release_held(); /* what an earlier call that ended in act_die left */
  act_res_release();
  diff_opts o;
  memset(&o, 0, sizeof o);
  o.thr_speed = o.thr_ulp = NAN;
  o.alpha = 0.05;
  o.formats = 1;
  o.fmt = ACT_FMT_TABLE;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    } else if ((v = act_opt_value("diff", argc, argv, &i, "--threshold-speed"))) {
      o.thr_speed = act_parse_double("diff: --threshold-speed", v, 0, 0.999999);
    } else if ((v = act_opt_value("diff", argc, argv, &i, "--threshold-ulp"))) {
      size_t l = strlen(v);
      char buf[64];
      o.thr_ulp_rel = l > 0 && v[l - 1] == '%';
      if (o.thr_ulp_rel) {
        if (l >= sizeof buf) act_die("diff: --threshold-ulp: '%s' is not a number", v);
        memcpy(buf, v, l - 1);
        buf[l - 1] = '\0';
        v = buf;
      }
      o.thr_ulp = act_parse_double("diff: --threshold-ulp", v, 0, 1e12);
    } else if ((v = act_opt_value("diff", argc, argv, &i, "--alpha"))) {
      o.alpha = act_parse_double("diff: --alpha", v, 1e-12, 0.5);
    } else if ((v = act_opt_value("diff", argc, argv, &i, "--activation"))) {
      if (!act_find_activation(v)) act_select(v, NULL, NULL, 0); /* dies naming the known ones */
      o.activation = v;
    } else if ((v = act_opt_value("diff", argc, argv, &i, "--formats"))) {
      o.formats = 0;
      const char *s = v;
      for (;;) {
        const char *end = strchr(s, ',');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        int f = -1;
        for (int k = 0; k < 3; k++)
          if (strlen(fmt_names[k]) == len && !strncmp(s, fmt_names[k], len)) f = k;
        if (len == 3 && !strncmp(s, "all", 3))
          o.formats = 7;
        else if (f < 0)
          act_die("diff: --formats: unknown format '%.*s' (binary32, bfloat16, binary16, all)",
                  (int)len, s);
        else
          o.formats |= 1 << f;
        if (!end) break;
        s = end + 1;
      }
    } else if (!strcmp(a, "--allow-missing")) {
      o.allow_missing = 1;
    } else if (!strcmp(a, "--changed")) {
      o.changed_only = 1;
    } else if ((v = act_opt_value("diff", argc, argv, &i, "--format"))) {
      o.fmt = act_parse_format("diff: --format", v);
    } else if (a[0] == '-' && a[1]) {
      act_die("diff: unknown option '%s' (see actbench diff --help)", a);
    } else if (!o.old_path) {
      o.old_path = a;
    } else if (!o.new_path) {
      o.new_path = a;
    } else {
      act_die("diff: two files, OLD and NEW ('%s' is a third)", a);
    }
  }
  if (!o.new_path) act_die("diff: needs two results files: actbench diff OLD NEW");
  const char *ko = act_res_kind(o.old_path, &o.old_doc);
  const char *kn = act_res_kind(o.new_path, &o.new_doc);
  if (!ko) act_die("diff: %s is not an actbench results file (no \"kind\")", o.old_path);
  if (!kn) act_die("diff: %s is not an actbench results file (no \"kind\")", o.new_path);
  if (strcmp(ko, kn))
    act_die(
        "diff: %s holds %s results and %s holds %s results: compare two files of the same "
        "kind",
        o.old_path, ko, o.new_path, kn);
  int rc;
  if (!strcmp(kn, "speed")) {
    if (!isnan(o.thr_ulp))
      act_die("diff: --threshold-ulp is for accuracy results, these are speed");
    rc = diff_speed(&o);
  } else if (!strcmp(kn, "accuracy")) {
    if (!isnan(o.thr_speed))
      act_die("diff: --threshold-speed is for speed results, these are accuracy");
    rc = diff_accuracy(&o);
  } else if (!strcmp(kn, "saturation")) {
    if (!isnan(o.thr_speed) || !isnan(o.thr_ulp))
      act_die(
          "diff: saturation results have no threshold (--threshold-speed is for speed, "
          "--threshold-ulp for accuracy)");
    rc = diff_saturation(&o);
  } else {
    act_die("diff: %s holds %s results; diff reads speed, accuracy and saturation results",
            o.new_path, kn);
  }
  act_res_release(); /* the readers took the documents over */
  return rc;
}
