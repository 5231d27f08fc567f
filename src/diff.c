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
#include "util.h"

/* compare.py recommends this many repetitions for its U test */
#define RECOMMENDED_REPS 9

typedef struct {
  const char *old_path, *new_path;
  json_t *old_doc, *new_doc;
  const char *activation; /* NULL: all */
  double thr_speed;       /* NAN: none */
  double thr_ulp;         /* NAN: none */
  int thr_ulp_rel;        /* thr_ulp is a percentage */
  double alpha;
  int formats; /* bit 0 binary32, 1 bfloat16, 2 binary16 */
  int changed_only;
  act_format fmt;
} diff_opts;

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench diff OLD NEW [--threshold-speed R] [--threshold-ulp X | X%%]\n"
          "                     [--alpha A] [--activation A] [--formats LIST] [--changed]\n"
          "                     [--format table|csv|markdown]\n"
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
          "  --format F           table (default), csv or markdown\n"
          "\n"
          "Exit status: 0 no regression, 1 a regression, 2 bad input.\n",
          RECOMMENDED_REPS);
}

/* "host, cpu, date" of a results file's context */
static void describe(char *buf, size_t cap, const json_t *doc) {
  const json_t *c = json_object_get(doc, "context");
  const char *host = json_string_value(json_object_get(c, "host"));
  if (!host) host = json_string_value(json_object_get(c, "host_name"));
  const char *cpu = json_string_value(json_object_get(c, "cpu_model"));
  const char *date = json_string_value(json_object_get(c, "actbench_date"));
  if (!date) date = json_string_value(json_object_get(c, "date"));
  snprintf(buf, cap, "%s, %s%s%s", host ? host : "?", cpu ? cpu : "?", date ? ", " : "",
           date ? date : "");
}

static const char *ctx_str(const json_t *doc, const char *key) {
  return json_string_value(json_object_get(json_object_get(doc, "context"), key));
}

static void print_header(const diff_opts *o, const char *kind) {
  if (o->fmt == ACT_FMT_CSV) return;
  char a[512], b[512];
  describe(a, sizeof a, o->old_doc);
  describe(b, sizeof b, o->new_doc);
  printf("%s results\nOLD: %s (%s)\nNEW: %s (%s)\n", kind, o->old_path, a, o->new_path, b);
  const char *ca = ctx_str(o->old_doc, "cpu_model"), *cb = ctx_str(o->new_doc, "cpu_model");
  const char *ha = ctx_str(o->old_doc, "host"), *hb = ctx_str(o->new_doc, "host");
  if ((ca && cb && strcmp(ca, cb)) || (ha && hb && strcmp(ha, hb)))
    printf("note: two machines: differences include the machine's\n");
  printf("\n");
}

/* ---- speed */

static int diff_speed(const diff_opts *o) {
  size_t no, nn;
  act_speed_run *ro = act_speed_runs(o->old_doc, o->old_path, &no);
  act_speed_run *rn = act_speed_runs(o->new_doc, o->new_path, &nn);
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
  act_table *t = act_table_new(csv ? 12 : 8);
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
  size_t only_old = 0;
  for (size_t k = 0; k < no; k++) {
    if (o->activation && strcmp(ro[k].activation, o->activation) && !ro[k].baseline) continue;
    int found = 0;
    for (size_t i = 0; i < nn && !found; i++) found = !strcmp(ro[k].name, rn[i].name);
    only_old += !found;
  }
  act_table_print(t, stdout, o->fmt);
  act_table_free(t);
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
        printf("REGRESSION: %zu benchmarks more than %g%% slower (threshold-speed %g): %s\n",
               regressions, 100 * o->thr_speed, o->thr_speed, regressed);
      else
        printf("no regression (threshold-speed %g)\n", o->thr_speed);
    }
  }
  act_speed_runs_free(ro, no);
  act_speed_runs_free(rn, nn);
  return regressions ? 1 : 0;
}

/* ---- accuracy */

static const char *const fmt_names[3] = {"binary32", "bfloat16", "binary16"};
static const char *const fmt_short[3] = {"f32", "bf16", "f16"};

/* the implementations array of one format of an activation entry */
static json_t *impls_of(const json_t *ja, int f) {
  if (f == 0) return json_object_get(ja, "implementations");
  json_t *nw = act_json_find(json_object_get(ja, "narrow"), "format", fmt_names[f]);
  return json_object_get(nw, "implementations");
}

typedef struct {
  int has;
  double max, cr, special;
  int within;    /* -1 unknown */
  double core;   /* the core's max ULP; NAN in older files */
  int verdict;   /* 0 within, 1 exceeds, 2 none, -1 unknown (act_json_verdict) */
  char note[96]; /* what happened at the max ULP, "" for nothing */
} acc_side;

static const int fmt_p[3] = {24, 8, 11}; /* significand bits of the formats */

static acc_side no_side(void) {
  acc_side s = {0, NAN, NAN, NAN, -1, NAN, -1, ""};
  return s;
}

static acc_side side_of(const json_t *impl, const char *dir, int f) {
  acc_side s = no_side();
  json_t *st = json_object_get(impl, dir);
  if (!json_is_object(st)) return s;
  s.has = 1;
  s.max = act_json_num(json_object_get(st, "max_ulp"));
  s.cr = act_json_num(json_object_get(st, "cr_fraction"));
  s.special = act_json_num(json_object_get(st, "special_failures"));
  json_t *w = json_object_get(st, "within_claim");
  if (json_is_boolean(w)) s.within = json_is_true(w);
  s.core = act_json_num(json_object_get(json_object_get(st, "core"), "max_ulp"));
  s.verdict = act_json_verdict(st);
  act_json_ulp_note(st, fmt_p[f], s.note, sizeof s.note);
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

/* Dies when the two files share no activation (after --activation). */
static void common_activations(const diff_opts *o, const json_t *ao, const json_t *an) {
  char only[1024] = "";
  size_t both = 0, i;
  json_t *ja;
  json_array_foreach(an, i, ja) {
    const char *act = json_string_value(json_object_get(ja, "activation"));
    if (!act) act_die("diff: %s: activations[%zu] has no name", o->new_path, i);
    if (o->activation && strcmp(act, o->activation)) continue;
    if (act_json_find(ao, "activation", act))
      both++;
    else
      snprintf(only + strlen(only), sizeof only - strlen(only), " %s (NEW)", act);
  }
  json_array_foreach(ao, i, ja) {
    const char *act = json_string_value(json_object_get(ja, "activation"));
    if (!act || (o->activation && strcmp(act, o->activation))) continue;
    if (!act_json_find(an, "activation", act))
      snprintf(only + strlen(only), sizeof only - strlen(only), " %s (OLD)", act);
  }
  if (both) return;
  if (o->activation)
    act_die("diff: %s is not in both files (only in:%s)", o->activation,
            only[0] ? only : " neither");
  act_die("diff: %s and %s have no activation in common (only in one:%s)", o->old_path, o->new_path,
          only);
}

static int diff_accuracy(const diff_opts *o) {
  json_t *ao = json_object_get(o->old_doc, "activations");
  json_t *an = json_object_get(o->new_doc, "activations");
  if (!json_is_array(ao)) act_die("diff: %s has no \"activations\" array", o->old_path);
  if (!json_is_array(an)) act_die("diff: %s has no \"activations\" array", o->new_path);
  common_activations(o, ao, an);
  print_header(o, "accuracy");
  int csv = o->fmt == ACT_FMT_CSV;
  int narrow = (o->formats & 6) != 0;
  char notes[4096] = "";
  if (!json_equal(json_object_get(o->old_doc, "sweep"), json_object_get(o->new_doc, "sweep")))
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
    t = act_table_new(17);
    for (size_t c = 0; c < 17; c++) act_table_col(t, c, keys[c], keys[c], 0);
  } else {
    size_t c = 0;
    t = act_table_new(narrow ? 14 : 13);
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
  size_t acts_both = 0, rows = 0, changed = 0, regressions = 0, grew = 0, shrank = 0;
  size_t verdict_regs = 0;
  char regressed[1024] = "", only[1024] = "";
  size_t i;
  json_t *ja;
  json_array_foreach(an, i, ja) {
    const char *act = json_string_value(json_object_get(ja, "activation"));
    if (!act || (o->activation && strcmp(act, o->activation))) continue;
    json_t *jo = act_json_find(ao, "activation", act);
    if (!jo) {
      snprintf(only + strlen(only), sizeof only - strlen(only), " %s (NEW)", act);
      continue;
    }
    acts_both++;
    if (!json_equal(json_object_get(jo, "params"), json_object_get(ja, "params")))
      snprintf(notes + strlen(notes), sizeof notes - strlen(notes),
               "note: %s: the parameters differ between the files\n", act);
    for (int f = 0; f < 3; f++) {
      if (!(o->formats & (1 << f))) continue;
      json_t *in = impls_of(ja, f), *io = impls_of(jo, f);
      /* NEW's implementations, then those only OLD has */
      for (int pass = 0; pass < 2; pass++) {
        json_t *list = pass ? io : in, *other = pass ? in : io;
        size_t k;
        json_t *e;
        json_array_foreach(list, k, e) {
          const char *name = json_string_value(json_object_get(e, "name"));
          if (!name) continue;
          json_t *twin = act_json_find(other, "name", name);
          if (pass && twin) continue; /* done in the first pass */
          json_t *eo = pass ? e : twin, *en = pass ? NULL : e;
          for (int d = 0; d < 2; d++) {
            const char *dir = d ? "bwd" : "fwd";
            acc_side so = eo ? side_of(eo, dir, f) : no_side();
            acc_side sn = en ? side_of(en, dir, f) : no_side();
            if (!so.has && !sn.has) continue; /* no backward kernel, or unavailable */
            const char *result = "";
            int chg = 0;
            if (!so.has || !sn.has) {
              result = !eo ? "only in NEW" : !en ? "only in OLD" : "measured on one side";
              chg = 1;
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
  json_array_foreach(ao, i, ja) {
    const char *act = json_string_value(json_object_get(ja, "activation"));
    if (!act || (o->activation && strcmp(act, o->activation))) continue;
    if (!act_json_find(an, "activation", act))
      snprintf(only + strlen(only), sizeof only - strlen(only), " %s (OLD)", act);
  }
  act_table_print(t, stdout, o->fmt);
  act_table_free(t);
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
            "failures went up%s: %s\n",
            regressions, thr, verdict_regs ? ", or whose verdict went from within to exceeds" : "",
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

static const char *xstr(const json_t *v) {
  if (json_is_null(v)) return "never";
  if (json_is_string(v)) return json_string_value(v);
  return "-";
}

static int diff_saturation(const diff_opts *o) {
  json_t *ao = json_object_get(o->old_doc, "activations");
  json_t *an = json_object_get(o->new_doc, "activations");
  if (!json_is_array(ao)) act_die("diff: %s has no \"activations\" array", o->old_path);
  if (!json_is_array(an)) act_die("diff: %s has no \"activations\" array", o->new_path);
  common_activations(o, ao, an);
  print_header(o, "saturation");
  act_table *t = act_table_new(8);
  static const char *const keys[] = {"impl",          "old_grad0_neg", "new_grad0_neg",
                                     "old_grad0_pos", "new_grad0_pos", "old_premature",
                                     "new_premature", "result"};
  static const char *const labels[] = {
      "implementation", "f'=0 x<0 OLD", "NEW",   "f'=0 x>0 OLD", "NEW",
      "premature OLD",  "NEW",          "result"};
  for (size_t c = 0; c < 8; c++) act_table_col(t, c, labels[c], keys[c], c > 0 && c < 5);
  size_t both = 0, rows = 0, changed = 0;
  size_t i;
  json_t *ja;
  json_array_foreach(an, i, ja) {
    const char *act = json_string_value(json_object_get(ja, "activation"));
    if (!act || (o->activation && strcmp(act, o->activation))) continue;
    json_t *jo = act_json_find(ao, "activation", act);
    if (!jo) continue;
    both++;
    json_t *in = json_object_get(ja, "implementations"),
           *io = json_object_get(jo, "implementations");
    size_t k;
    json_t *e;
    json_array_foreach(in, k, e) {
      const char *name = json_string_value(json_object_get(e, "name"));
      if (!name) continue;
      json_t *eo = act_json_find(io, "name", name);
      json_t *gn = json_object_get(e, "grad_zero"), *go = json_object_get(eo, "grad_zero");
      json_t *pn = json_object_get(e, "grad_zero_premature"),
             *po = json_object_get(eo, "grad_zero_premature");
      const char *v[6];
      v[0] = eo ? xstr(json_object_get(go, "neg")) : "-";
      v[1] = xstr(json_object_get(gn, "neg"));
      v[2] = eo ? xstr(json_object_get(go, "pos")) : "-";
      v[3] = xstr(json_object_get(gn, "pos"));
      int pon = json_is_true(json_object_get(po, "neg")),
          pop = json_is_true(json_object_get(po, "pos"));
      int pnn = json_is_true(json_object_get(pn, "neg")),
          pnp = json_is_true(json_object_get(pn, "pos"));
      v[4] = !eo ? "-" : pon && pop ? "both" : pon ? "neg" : pop ? "pos" : "no";
      v[5] = pnn && pnp ? "both" : pnn ? "neg" : pnp ? "pos" : "no";
      int chg = !eo || strcmp(v[0], v[1]) || strcmp(v[2], v[3]) || strcmp(v[4], v[5]);
      rows++;
      changed += chg;
      if (o->changed_only && !chg) continue;
      act_table_cell(t, name);
      for (int c = 0; c < 6; c++) act_table_cell(t, v[c]);
      act_table_cell(t, !eo ? "only in NEW" : chg ? "changed" : "");
    }
  }
  act_table_print(t, stdout, o->fmt);
  act_table_free(t);
  if (o->fmt != ACT_FMT_CSV)
    printf("\n%zu activations in both files; %zu implementations, %zu changed\n", both, rows,
           changed);
  return 0;
}

int act_diff_main(int argc, char **argv) {
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
  o.old_doc = act_read_json(o.old_path, NULL);
  o.new_doc = act_read_json(o.new_path, NULL);
  const char *ko = json_string_value(json_object_get(o.old_doc, "kind"));
  const char *kn = json_string_value(json_object_get(o.new_doc, "kind"));
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
  json_decref(o.old_doc);
  json_decref(o.new_doc);
  return rc;
}
