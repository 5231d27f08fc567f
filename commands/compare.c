/* actbench compare: one activation's implementations side by side, one row
 * each, from the results files of a folder (speed.json, accuracy.json,
 * saturation.json; any may be missing), sorted by any column.  Like the
 * report it reads only results files: it measures nothing. */
#include "compare.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "registry.h"
#include "results.h"
#include "table.h"
#include "util.h"

enum { G_ID, G_SPEED, G_ACC, G_SAT };
/* how a column's values are shown */
enum { D_STR, D_GIPS, D_SPREAD, D_ULP, D_FRAC, D_COUNT, D_BOOL, D_X, D_VERDICT };

#define MAX_COLS 160

typedef struct {
  char key[48], label[56];
  int group, disp;
  long long n;  /* speed: the size */
  int dir;      /* speed: 0 fwd, 1 bwd */
  int threads;  /* speed: the thread count */
  int csv_only; /* shown in CSV only (elsewhere it is beside another column's number) */
} col;

typedef struct {
  int has;
  double num;      /* numbers, booleans (0/1), and the sort key of D_X and D_VERDICT */
  const char *str; /* D_STR, D_X and D_VERDICT: the text; D_ULP: what happened (or NULL) */
} val;

typedef struct {
  const char *name;
  val v[MAX_COLS];
} row;

typedef struct {
  col cols[MAX_COLS];
  size_t ncols;
  row *rows;
  size_t nrows, cap;
} model;

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench compare ACTIVATION [--results DIR] [--speed FILE] [--accuracy FILE]\n"
          "                        [--saturation FILE] [--sort [-]COLUMN] [--columns LIST]\n"
          "                        [--format table|csv|markdown] [--baselines]\n"
          "One activation's implementations side by side, one row each, from the results\n"
          "files: throughput at each size (forward, backward), max and mean ULP error and\n"
          "correctly rounded fraction of f and f', special-value failures, whether the\n"
          "claims hold, and where the computed gradient becomes exactly zero.  Columns\n"
          "whose file is missing are left out.  It measures nothing.\n"
          "\n"
          "  --results DIR     read DIR/speed.json, DIR/accuracy.json, DIR/saturation.json,\n"
          "                    each when present (default: results)\n"
          "  --speed FILE      read this file (it must exist); likewise --accuracy and\n"
          "                    --saturation.  Given alone, without --results, only the named\n"
          "                    files are read\n"
          "  --sort COLUMN     sort by a column, named by its key or its heading; ascending,\n"
          "                    or descending with a leading '-' (--sort -l1_fwd: fastest\n"
          "                    first).  Rows without a value go last.  Default: file order\n"
          "  --columns LIST    comma list of column keys, or the groups speed, accuracy,\n"
          "                    saturation (the implementation's name always comes first)\n"
          "  --format F        table (default), csv or markdown\n"
          "  --baselines       add the speed suite's memory baselines (memory.copy, memory.relu)\n"
          "\n"
          "Column keys: impl, origin, isa; speed (items/s, the median of the repetitions;\n"
          "G/s in the table and Markdown): l1_fwd, l1_bwd, l2_fwd, ... dram_bwd, n<N>_fwd\n"
          "for a size given by count, dram_fwd_t<T> for a run on T threads, each followed\n"
          "by <key>_spread: half the interquartile range of the repetitions over the\n"
          "median (a fraction; %% in the table);\n"
          "accuracy: fwd_max_ulp (with what happened beside it when the result is of the\n"
          "wrong kind: '2.1e+06 (0 for 2.9e-39)'; in CSV in fwd_max_note), fwd_mean_ulp,\n"
          "fwd_cr (a fraction; %% in the table), fwd_special, fwd_core_max_ulp,\n"
          "fwd_core_mean_ulp (over the inputs whose exact result is 0 or a normal float),\n"
          "fwd_tails (letters: Z 0 for a subnormal exact result, P 0 or the limit while\n"
          "the exact result is normal, N NaN for a number, I a wrong infinity, D a\n"
          "subnormal input treated as 0, S a zero of the wrong sign, K f' at a kink: the\n"
          "other one-sided derivative, another convention; - none), fwd_verdict\n"
          "(against the claim or the documented bound; sorts within, none, exceeds); the\n"
          "same with bwd_; within_claim (no verdict exceeds);\n"
          "saturation: grad0_neg, grad0_pos (first x where f' is computed as exactly 0;\n"
          "'never'), premature (where that happens while the exact f' is not 0).\n");
}

static int is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static size_t add_col(model *m, const char *key, const char *label, int group, int disp) {
  if (m->ncols == MAX_COLS) act_die("compare: too many columns (more than %d)", MAX_COLS);
  col *c = &m->cols[m->ncols];
  memset(c, 0, sizeof *c);
  snprintf(c->key, sizeof c->key, "%s", key);
  snprintf(c->label, sizeof c->label, "%s", label);
  c->group = group;
  c->disp = disp;
  return m->ncols++;
}

static row *get_row(model *m, const char *name) {
  for (size_t i = 0; i < m->nrows; i++)
    if (!strcmp(m->rows[i].name, name)) return &m->rows[i];
  if (m->nrows == m->cap) {
    m->cap = m->cap ? 2 * m->cap : 32;
    row *r = realloc(m->rows, m->cap * sizeof *r);
    if (!r) act_die("out of memory");
    m->rows = r;
  }
  row *r = &m->rows[m->nrows++];
  memset(r, 0, sizeof *r);
  r->name = name;
  return r;
}

/* a copy of s that lives until the call ends (keep_free; the fuzz targets
 * call compare again and again in one process) */
static char **kept;
static size_t nkept, capkept;

static void keep_free(void) {
  for (size_t k = 0; k < nkept; k++) free(kept[k]);
  free(kept);
  kept = NULL;
  nkept = capkept = 0;
}

static const char *keep_str(const char *s) {
  size_t n = nkept, cap = capkept;
  if (n == cap) {
    cap = cap ? 2 * cap : 64;
    char **k = realloc(kept, cap * sizeof *k);
    if (!k) act_die("out of memory");
    kept = k;
    capkept = cap;
  }
  char *c = strdup(s);
  if (!c) act_die("out of memory");
  nkept = n + 1;
  return kept[n] = c;
}

static void set_num(row *r, size_t c, double v) {
  if (isnan(v)) return;
  r->v[c].has = 1;
  r->v[c].num = v;
}

static void set_str(row *r, size_t c, const char *s) {
  if (!s || r->v[c].has) return;
  r->v[c].has = 1;
  r->v[c].str = s;
}

/* identity columns, in this order */
enum { C_IMPL, C_ORIGIN, C_ISA };

/* ---- speed.json */
static void load_speed(model *m, const act_res_speed *S, const char *path, const char *act,
                       int baselines, char *note, size_t ncap) {
  size_t nr = S->nruns;
  const act_speed_run *runs = S->runs;
  /* the sizes (and thread counts) this activation was measured at */
  long long ns[64];
  int ts[64];
  const char *cls[64];
  size_t nn = 0;
  int found = 0;
  long long reps = 0;
  for (size_t i = 0; i < nr; i++) {
    const act_speed_run *r = &runs[i];
    int mine = !strcmp(r->activation, act);
    found |= mine;
    if (!mine && !(baselines && r->baseline)) continue;
    if ((long long)r->nsamples > reps) reps = (long long)r->nsamples;
    size_t k = 0;
    while (k < nn && !(ns[k] == r->n && ts[k] == r->threads)) k++;
    if (k == nn && nn < 64) {
      ns[nn] = r->n;
      ts[nn] = r->threads;
      cls[nn++] = r->size_class;
    }
  }
  if (!found) {
    snprintf(note + strlen(note), ncap - strlen(note), "  speed: %s has no %s benchmarks\n", path,
             act);
    return;
  }
  for (size_t i = 1; i < nn; i++) /* by thread count, then size */
    for (size_t j = i; j > 0 && (ts[j - 1] > ts[j] || (ts[j - 1] == ts[j] && ns[j - 1] > ns[j]));
         j--) {
      long long t = ns[j];
      ns[j] = ns[j - 1];
      ns[j - 1] = t;
      int u = ts[j];
      ts[j] = ts[j - 1];
      ts[j - 1] = u;
      const char *c = cls[j];
      cls[j] = cls[j - 1];
      cls[j - 1] = c;
    }
  size_t first = m->ncols;
  char sizes[1024] = "";
  for (size_t k = 0; k < nn; k++) {
    int named = !strcmp(cls[k], "L1") || !strcmp(cls[k], "L2") || !strcmp(cls[k], "L3") ||
                !strcmp(cls[k], "DRAM");
    for (size_t j = 0; j < nn && named; j++) /* a class twice: name both by n */
      if (j != k && ts[j] == ts[k] && !strcmp(cls[j], cls[k])) named = 0;
    char thr[24] = "", thl[24] = "";
    if (ts[k] > 1) {
      snprintf(thr, sizeof thr, "_t%d", ts[k]);
      snprintf(thl, sizeof thl, " %d thr", ts[k]);
    }
    for (int d = 0; d < 2; d++) {
      char key[40], label[56];
      if (named) {
        snprintf(key, sizeof key, "%s_%s%s", cls[k], d ? "bwd" : "fwd", thr);
        for (char *p = key; *p; p++) *p = (char)tolower((unsigned char)*p);
        snprintf(label, sizeof label, "%s %s%s", cls[k], d ? "bwd" : "fwd", thl);
      } else {
        snprintf(key, sizeof key, "n%lld_%s%s", ns[k], d ? "bwd" : "fwd", thr);
        snprintf(label, sizeof label, "n=%lld %s%s", ns[k], d ? "bwd" : "fwd", thl);
      }
      size_t c = add_col(m, key, label, G_SPEED, D_GIPS);
      m->cols[c].n = ns[k];
      m->cols[c].dir = d;
      m->cols[c].threads = ts[k];
      if (reps < 2) continue;
      /* its spread: half the interquartile range over the median */
      char skey[48];
      snprintf(skey, sizeof skey, "%s_spread", key);
      c = add_col(m, skey, "+-", G_SPEED, D_SPREAD);
      m->cols[c].n = ns[k];
      m->cols[c].dir = d;
      m->cols[c].threads = ts[k];
    }
    snprintf(sizes + strlen(sizes), sizeof sizes - strlen(sizes), "%s%s n=%lld%s", k ? ", " : " ",
             cls[k][0] ? cls[k] : "?", ns[k], thl);
  }
  /* implementations: origin and ISA from the "actbench" member */
  for (size_t i = 0; i < S->nimpls; i++) {
    const act_res_impl *e = &S->impls[i];
    if (!(!strcmp(e->activation, act) || (baselines && e->baseline))) continue;
    row *r = get_row(m, e->name);
    set_str(r, C_ORIGIN, e->origin);
    set_str(r, C_ISA, e->isa);
  }
  for (size_t k = 0; k < nr; k++) {
    const act_speed_run *s = &runs[k];
    if (strcmp(s->activation, act) && !(baselines && s->baseline)) continue;
    row *r = get_row(m, s->impl);
    int d = !strcmp(s->direction, "bwd");
    for (size_t c = first; c < m->ncols; c++) {
      if (m->cols[c].n != s->n || m->cols[c].dir != d || m->cols[c].threads != s->threads) continue;
      if (m->cols[c].disp == D_GIPS)
        set_num(r, c, act_speed_center(s));
      else if (s->spread.n > 1)
        set_num(r, c, act_spread_rel_iqr(&s->spread) / 2);
    }
  }
  snprintf(note + strlen(note), ncap - strlen(note),
           "  speed: %s (items/s in G/s: median of %lld repetitions, +- half the interquartile "
           "range over the median;%s)\n",
           path, reps, sizes);
}

/* ---- accuracy.json */
static void load_accuracy(model *m, const act_res_accuracy *A, const char *path, const char *act,
                          char *note, size_t ncap) {
  const act_res_act *desc = NULL;
  const act_res_acc *ja = act_res_accuracy_of(A, act, &desc);
  if (!ja) {
    snprintf(note + strlen(note), ncap - strlen(note), "  accuracy: %s has no %s\n", path, act);
    return;
  }
  static const char *const dirs[2] = {"fwd", "bwd"};
  /* per direction, in this order */
  enum { A_MAX, A_MEAN, A_CR, A_SPECIAL, A_CMAX, A_CMEAN, A_TAILS, A_VERDICT, A_NOTE, A_N };
  static const struct {
    const char *key, *label;
    int disp;
  } acol[A_N] = {{"max_ulp", "max ulp", D_ULP},
                 {"mean_ulp", "mean", D_ULP},
                 {"cr", "CR", D_FRAC},
                 {"special", "special", D_COUNT},
                 {"core_max_ulp", "core max", D_ULP},
                 {"core_mean_ulp", "core mean", D_ULP},
                 {"tails", "tails", D_STR},
                 {"verdict", "verdict", D_VERDICT},
                 {"max_note", "max: what", D_STR}};
  size_t c0 = m->ncols;
  for (int d = 0; d < 2; d++)
    for (int k = 0; k < A_N; k++) {
      char key[32], label[48];
      snprintf(key, sizeof key, "%s_%s", dirs[d], acol[k].key);
      snprintf(label, sizeof label, "%s %s", d ? "f'" : "f", acol[k].label);
      size_t c = add_col(m, key, label, G_ACC, acol[k].disp);
      m->cols[c].csv_only = k == A_NOTE;
    }
  size_t cw = add_col(m, "within_claim", "within claim", G_ACC, D_BOOL);
  for (size_t i = 0; i < ja->nimpls; i++) {
    const act_res_acc_impl *e = &ja->impls[i];
    row *r = get_row(m, e->name);
    set_str(r, C_ORIGIN, e->origin);
    set_str(r, C_ISA, e->isa);
    if (!e->available) continue;
    int within = -1;
    for (int d = 0; d < 1 + e->has_bwd; d++) {
      const act_res_stats *s = d ? &e->bwd : &e->fwd;
      size_t b = c0 + (size_t)(A_N * d);
      char tl[16];
      set_num(r, b + A_MAX, s->max_ulp);
      if (s->max_ulp_note && s->max_ulp_note[0]) {
        r->v[b + A_MAX].str = keep_str(s->max_ulp_note);
        set_str(r, b + A_NOTE, r->v[b + A_MAX].str);
      }
      set_num(r, b + A_MEAN, s->mean_ulp);
      set_num(r, b + A_CR, s->cr_fraction);
      set_num(r, b + A_SPECIAL, s->special_failures);
      if (s->has_core) {
        set_num(r, b + A_CMAX, s->core_max_ulp);
        if (s->core_max_ulp_note && s->core_max_ulp_note[0] && r->v[b + A_CMAX].has)
          r->v[b + A_CMAX].str = keep_str(s->core_max_ulp_note);
        set_num(r, b + A_CMEAN, s->core_mean_ulp);
      }
      const char *letters = act_res_tail_letters(s, tl, sizeof tl);
      if (letters) set_str(r, b + A_TAILS, keep_str(letters));
      int v = act_res_verdict(s);
      if (v >= 0) {
        /* the claim: stated beside the verdict, or (older files) the registry's */
        double bound = s->claim_source || !isnan(s->claim_bound)
                           ? s->claim_bound
                           : (d ? e->claimed_bwd : e->claimed_fwd);
        int peer = s->claim_source && !strcmp(s->claim_source, "documented");
        double cnt = s->exceeds.count;
        char vb[96];
        if (v == 2)
          snprintf(vb, sizeof vb, peer ? "no documented bound" : "no claim");
        else if (isnan(bound))
          snprintf(vb, sizeof vb, v ? "EXCEEDS its claim" : "within its claim");
        else if (v == 0)
          snprintf(vb, sizeof vb, "within its %s (%g)", peer ? "bound" : "claim", bound);
        else if (!isnan(cnt))
          snprintf(vb, sizeof vb, "EXCEEDS its %s (%g) on %.0f", peer ? "bound" : "claim", bound,
                   cnt);
        else
          snprintf(vb, sizeof vb, "EXCEEDS its %s (%g)", peer ? "bound" : "claim", bound);
        /* sorted within, none, exceeds */
        r->v[b + A_VERDICT] = (val){1, v == 0 ? 0 : v == 2 ? 1 : 2, keep_str(vb)};
        within = (within != 0) && v != 1;
      }
    }
    if (within >= 0) set_num(r, cw, within);
  }
  char pbuf[64] = "";
  for (size_t k = 0; desc && k < desc->nparams; k++) {
    const act_res_param *q = &desc->params[k];
    if (isnan(q->num) || (!strcmp(q->key, "b") && q->num == 0) ||
        (strcmp(q->key, "a") && strcmp(q->key, "b")))
      continue;
    snprintf(pbuf + strlen(pbuf), sizeof pbuf - strlen(pbuf), "%s%s = %g", pbuf[0] ? ", " : "",
             q->key, q->num);
  }
  snprintf(note + strlen(note), ncap - strlen(note), "  accuracy: %s (%s, %.0f inputs%s%s)\n", path,
           A->mode ? A->mode : "?", ja->inputs, pbuf[0] ? "; " : "", pbuf);
}

/* ---- saturation.json */
static void load_saturation(model *m, const act_res_saturation *R, const char *path,
                            const char *act, char *note, size_t ncap) {
  const act_res_sat *ja = act_res_saturation_of(R, act);
  if (!ja) {
    snprintf(note + strlen(note), ncap - strlen(note), "  saturation: %s has no %s\n", path, act);
    return;
  }
  size_t cn = add_col(m, "grad0_neg", "f'=0 from x<0", G_SAT, D_X);
  size_t cp = add_col(m, "grad0_pos", "f'=0 from x>0", G_SAT, D_X);
  size_t cpre = add_col(m, "premature", "premature", G_SAT, D_STR);
  for (size_t i = 0; i < ja->nimpls; i++) {
    const act_res_sat_impl *e = &ja->impls[i];
    row *r = get_row(m, e->name);
    set_str(r, C_ORIGIN, e->origin);
    set_str(r, C_ISA, e->isa);
    if (!e->available || e->bwd_kernel == 0) continue; /* no f' to vanish */
    const char *x[2] = {e->grad_zero.neg, e->grad_zero.pos};
    for (int side = 0; side < 2; side++) {
      size_t c = side ? cp : cn;
      if (!x[side]) /* never: the farthest possible */
        r->v[c] = (val){1, side ? INFINITY : -INFINITY, "never"};
      else
        r->v[c] = (val){1, act_res_num(x[side]), x[side]};
    }
    int pn = e->premature_neg > 0, pp = e->premature_pos > 0;
    set_str(r, cpre, pn && pp ? "both" : pn ? "neg" : pp ? "pos" : "no");
  }
  snprintf(note + strlen(note), ncap - strlen(note), "  saturation: %s\n", path);
}

/* ---- sorting */
static int g_sort_col, g_sort_desc, g_sort_str;

static int cmp_rows(const row *a, const row *b) {
  const val *u = &a->v[g_sort_col], *w = &b->v[g_sort_col];
  if (!u->has || !w->has) return !u->has - !w->has; /* missing last */
  int c;
  if (g_sort_str)
    c = strcmp(u->str ? u->str : "", w->str ? w->str : "");
  else
    c = (u->num > w->num) - (u->num < w->num);
  return g_sort_desc ? -c : c;
}

static void sort_rows(model *m) {
  /* insertion sort: stable, and tables are short */
  for (size_t i = 1; i < m->nrows; i++) {
    row t = m->rows[i];
    size_t j = i;
    while (j > 0 && cmp_rows(&m->rows[j - 1], &t) > 0) {
      m->rows[j] = m->rows[j - 1];
      j--;
    }
    m->rows[j] = t;
  }
}

static void col_names(const model *m, char *buf, size_t cap) {
  buf[0] = '\0';
  for (size_t c = 0; c < m->ncols; c++)
    snprintf(buf + strlen(buf), cap - strlen(buf), "%s%s", c ? ", " : "", m->cols[c].key);
}

/* a column by key or heading, case-insensitively; -1 when none */
static int find_col(const model *m, const char *name) {
  for (size_t c = 0; c < m->ncols; c++)
    if (!strcasecmp(m->cols[c].key, name)) return (int)c;
  for (size_t c = 0; c < m->ncols; c++)
    if (!strcasecmp(m->cols[c].label, name)) return (int)c;
  return -1;
}

/* keys the program knows whatever the files hold: a column that is not
 * there is "not in these results", not unknown */
static int known_key(const char *k) {
  static const char *const keys[] = {"impl",      "origin",    "isa",      "within_claim",
                                     "grad0_neg", "grad0_pos", "premature"};
  static const char *const acc[] = {"max_ulp", "mean_ulp",     "cr",
                                    "special", "core_max_ulp", "core_mean_ulp",
                                    "tails",   "verdict",      "max_note"};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    if (!strcasecmp(keys[i], k)) return 1;
  for (size_t i = 0; i < sizeof acc / sizeof acc[0]; i++)
    if ((!strncasecmp(k, "fwd_", 4) || !strncasecmp(k, "bwd_", 4)) && !strcasecmp(k + 4, acc[i]))
      return 1;
  static const char *const cls[] = {"l1", "l2", "l3", "dram"};
  for (size_t i = 0; i < 4; i++) {
    size_t l = strlen(cls[i]);
    if (!strncasecmp(k, cls[i], l) && (!strcasecmp(k + l, "_fwd") || !strcasecmp(k + l, "_bwd")))
      return 1;
  }
  return 0;
}

static void format_val(char *buf, size_t cap, const col *c, const val *v, act_table_format fmt) {
  if (!v->has) {
    snprintf(buf, cap, "%s", fmt == ACT_FMT_CSV ? "" : "-");
    return;
  }
  int csv = fmt == ACT_FMT_CSV;
  switch (c->disp) {
    case D_STR:
      snprintf(buf, cap, "%s", v->str ? v->str : "");
      break;
    case D_X:
      if (v->str)
        snprintf(buf, cap, "%s", v->str);
      else
        snprintf(buf, cap, "%.9g", v->num);
      break;
    case D_GIPS:
      snprintf(buf, cap, csv ? "%.6g" : "%.3g", csv ? v->num : v->num / 1e9);
      break;
    case D_SPREAD:
      if (csv)
        snprintf(buf, cap, "%.4g", v->num);
      else
        snprintf(buf, cap, "%.1f%%", 100 * v->num);
      break;
    case D_ULP:
      if (isinf(v->num))
        snprintf(buf, cap, "inf");
      else if (!csv && v->str) /* what happened, beside the number */
        snprintf(buf, cap, "%.3g (%s)", v->num, v->str);
      else
        snprintf(buf, cap, csv ? "%.9g" : "%.3g", v->num);
      break;
    case D_FRAC:
      if (csv) {
        snprintf(buf, cap, "%.9g", v->num);
      } else {
        char p[32];
        snprintf(buf, cap, "%s", act_fmt_pct(p, v->num));
      }
      break;
    case D_VERDICT:
      snprintf(buf, cap, "%s", v->str ? v->str : "");
      break;
    case D_COUNT:
      snprintf(buf, cap, "%.0f", v->num);
      break;
    case D_BOOL:
      snprintf(buf, cap, "%s", v->num != 0 ? "yes" : "no");
      break;
  }
}

int act_compare_main(int argc, char **argv) {
  const char *activation = NULL, *results = NULL, *sort = NULL, *columns = NULL;
  const char *paths[3] = {NULL, NULL, NULL}; /* speed, accuracy, saturation */
  /* static: what a bad input's act_die leaves behind stays reachable */
  static char *owned[3]; /* the folder's paths */
  static model *m;
  static act_table *t;
  /* what an earlier call that ended in act_die left: freed now, so that
   * calls in one process (the fuzz targets) do not pile memory up */
  if (m) free(m->rows);
  free(m);
  m = NULL;
  act_table_free(t);
  t = NULL;
  for (int k = 0; k < 3; k++) {
    free(owned[k]);
    owned[k] = NULL;
  }
  keep_free();
  act_res_release();
  act_table_format fmt = ACT_FMT_TABLE;
  int baselines = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    } else if ((v = act_opt_value("compare", argc, argv, &i, "--results"))) {
      results = v;
    } else if ((v = act_opt_value("compare", argc, argv, &i, "--speed"))) {
      paths[0] = v;
    } else if ((v = act_opt_value("compare", argc, argv, &i, "--accuracy"))) {
      paths[1] = v;
    } else if ((v = act_opt_value("compare", argc, argv, &i, "--saturation"))) {
      paths[2] = v;
    } else if ((v = act_opt_value("compare", argc, argv, &i, "--sort"))) {
      sort = v;
    } else if ((v = act_opt_value("compare", argc, argv, &i, "--columns"))) {
      columns = v;
    } else if ((v = act_opt_value("compare", argc, argv, &i, "--format"))) {
      fmt = act_parse_format("compare: --format", v);
    } else if (!strcmp(a, "--baselines")) {
      baselines = 1;
    } else if (a[0] == '-' && a[1]) {
      act_die("compare: unknown option '%s' (see actbench compare --help)", a);
    } else if (!activation) {
      activation = a;
    } else {
      act_die("compare: one activation at a time ('%s' and '%s')", activation, a);
    }
  }
  if (!activation) act_die("compare: which activation? (actbench compare ACTIVATION)");
  if (!act_find_activation(activation)) {
    char names[512] = "";
    for (size_t i = 0; i < act_activation_count; i++)
      snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "",
               act_activations[i]->name);
    act_die("compare: unknown activation '%s' (known: %s)", activation, names);
  }
  /* the files: named ones must exist; the folder's when present */
  static const char *const kinds[3] = {"speed", "accuracy", "saturation"};
  int named = paths[0] || paths[1] || paths[2];
  if (!named || results) {
    const char *dir = results ? results : "results";
    for (int k = 0; k < 3; k++) {
      if (paths[k]) continue;
      char *p = malloc(strlen(dir) + 20);
      if (!p) act_die("out of memory");
      sprintf(p, "%s/%s.json", dir, kinds[k]);
      if (is_file(p))
        paths[k] = owned[k] = p;
      else
        free(p);
    }
    if (!paths[0] && !paths[1] && !paths[2])
      act_die("compare: no results files in %s (speed.json, accuracy.json, saturation.json)", dir);
  }
  const act_res_speed *S = paths[0] ? act_res_read_speed(paths[0]) : NULL;
  const act_res_accuracy *A = paths[1] ? act_res_read_accuracy(paths[1]) : NULL;
  const act_res_saturation *R = paths[2] ? act_res_read_saturation(paths[2]) : NULL;

  m = calloc(1, sizeof *m);
  if (!m) act_die("out of memory");
  add_col(m, "impl", "implementation", G_ID, D_STR);
  add_col(m, "origin", "origin", G_ID, D_STR);
  add_col(m, "isa", "isa", G_ID, D_STR);
  char note[4096] = "";
  if (S) load_speed(m, S, paths[0], activation, baselines, note, sizeof note);
  if (A) load_accuracy(m, A, paths[1], activation, note, sizeof note);
  if (R) load_saturation(m, R, paths[2], activation, note, sizeof note);
  if (m->nrows == 0)
    act_die("compare: no results for %s in %s%s%s%s%s", activation, paths[0] ? paths[0] : "",
            paths[0] && (paths[1] || paths[2]) ? ", " : "", paths[1] ? paths[1] : "",
            paths[1] && paths[2] ? ", " : "", paths[2] ? paths[2] : "");
  for (size_t i = 0; i < m->nrows; i++) set_str(&m->rows[i], C_IMPL, m->rows[i].name);

  char names[4096];
  col_names(m, names, sizeof names);
  if (sort) {
    const char *s = sort;
    g_sort_desc = 0;
    if (*s == '-' || *s == '+') g_sort_desc = *s++ == '-';
    int c = find_col(m, s);
    if (c < 0) {
      if (known_key(s))
        act_die("compare: --sort: column '%s' is not in these results (columns: %s)", s, names);
      act_die("compare: --sort: unknown column '%s' (columns: %s)", s, names);
    }
    g_sort_col = c;
    g_sort_str = m->cols[c].disp == D_STR; /* D_VERDICT sorts by its rank */
    sort_rows(m);
  }

  /* which columns to show */
  int show[MAX_COLS];
  for (size_t c = 0; c < m->ncols; c++) show[c] = !m->cols[c].csv_only || fmt == ACT_FMT_CSV;
  if (columns) {
    for (size_t c = 1; c < m->ncols; c++) show[c] = 0;
    const char *s = columns;
    for (;;) {
      const char *end = strchr(s, ',');
      size_t len = end ? (size_t)(end - s) : strlen(s);
      char tok[64];
      if (len == 0 || len >= sizeof tok) act_die("compare: --columns: '%s' is not a list", columns);
      memcpy(tok, s, len);
      tok[len] = '\0';
      int group = !strcasecmp(tok, "speed")        ? G_SPEED
                  : !strcasecmp(tok, "accuracy")   ? G_ACC
                  : !strcasecmp(tok, "saturation") ? G_SAT
                                                   : -1;
      if (group >= 0) {
        int any = 0;
        for (size_t c = 0; c < m->ncols; c++)
          if (m->cols[c].group == group && (!m->cols[c].csv_only || fmt == ACT_FMT_CSV))
            show[c] = any = 1;
        if (!any) act_die("compare: --columns: no %s results for %s", tok, activation);
      } else {
        int c = find_col(m, tok);
        if (c < 0) {
          if (known_key(tok))
            act_die("compare: --columns: column '%s' is not in these results (columns: %s)", tok,
                    names);
          act_die("compare: --columns: unknown column '%s' (columns: %s)", tok, names);
        }
        show[c] = 1;
      }
      if (!end) break;
      s = end + 1;
    }
  }

  size_t nshow = 0;
  for (size_t c = 0; c < m->ncols; c++) nshow += show[c];
  t = act_table_new(nshow);
  for (size_t c = 0, k = 0; c < m->ncols; c++)
    if (show[c])
      act_table_col(t, k++, m->cols[c].label, m->cols[c].key,
                    m->cols[c].disp != D_STR && m->cols[c].disp != D_VERDICT);
  for (size_t i = 0; i < m->nrows; i++)
    for (size_t c = 0; c < m->ncols; c++) {
      if (!show[c]) continue;
      char buf[128];
      format_val(buf, sizeof buf, &m->cols[c], &m->rows[i].v[c], fmt);
      act_table_cell(t, buf);
    }
  if (fmt == ACT_FMT_TABLE) printf("%s: %zu implementations\n%s\n", activation, m->nrows, note);
  act_table_print(t, stdout, fmt);
  act_table_free(t);
  t = NULL;
  free(m->rows);
  free(m);
  m = NULL;
  keep_free();
  act_res_release();
  for (int k = 0; k < 3; k++) {
    free(owned[k]);
    owned[k] = NULL;
  }
  return 0;
}
