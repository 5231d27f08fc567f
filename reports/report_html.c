/* actbench report: index.html, one page per activation, and summary.md.
 *
 * The tables are built once (struct table) and written twice, as HTML and as
 * GitHub Markdown, so both say the same.  The HTML opens from disk: no server,
 * no network, the style sheet inline. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "report_int.h"
#include "report_page.h"
#include "util.h"

/* the document builder's names, short */
typedef doc_cell cell;
typedef doc_row row;
typedef doc_table table;
#define html doc_html_text
#define md doc_md_text
#define href doc_html_text
#define tab_new doc_table_new
#define tab_new_v doc_table_new_v
#define tab_row doc_table_row
#define tab_cell doc_table_cell
#define tab_num doc_table_num
#define tab_covered doc_table_covered
#define tab_html doc_table_html
#define tab_md doc_table_md

/* ---- numbers */

const char *fnum(const char *fmt, double v) {
  if (isnan(v)) return "\u2014";
  if (isinf(v)) return v > 0 ? "inf" : "-inf";
  return rep_printf(fmt, v);
}

const char *fulp(double v) {
  return fnum("%.4g", v);
}
const char *fsci(double v) {
  return fnum("%.3g", v);
}
const char *fcount(double v) {
  return fnum("%.0f", v);
}

/* a fraction as a percentage: never "5.062e-241%" (act_fmt_pct); the exact
 * figure is in the results file */
const char *fpct(double v) {
  if (isnan(v)) return "\u2014";
  char b[32];
  return rep_strdup(act_fmt_pct(b, v));
}

const char *fstr(const char *s) {
  return s ? s : "\u2014";
}

/* a max ULP with what happened beside it when the result is of the wrong
 * kind: "2.1e+06 (0 for 2.9e-39)" */
const char *fulp_note(double v, const char *note) {
  if (!note || !*note || isnan(v)) return fulp(v);
  return rep_printf("%s (%s)", fulp(v), note);
}

/* ---- the core, the tails, the verdicts (docs/results.md) */

const char *tail_text(const char *kind) {
  static const char *const k[][2] = {
      {"flush_to_zero", "0 for a subnormal exact result"},
      {"premature_saturation", "0 or the limit while the exact result is a normal float"},
      {"nan", "NaN for a number"},
      {"infinity", "a wrong infinity"},
      {"flushed_input", "a subnormal input treated as 0"},
      {"zero_sign", "a zero of the wrong sign"},
      {"exceeds", "above the claim"},
      {"nan_for_number", "NaN for a number"},
      {"number_for_nan", "a number for NaN"},
      {"wrong_infinity", "a wrong infinity"},
      {"inaccurate", "not correctly rounded"}};
  for (size_t i = 0; kind && i < sizeof k / sizeof k[0]; i++)
    if (!strcmp(k[i][0], kind)) return k[i][1];
  return kind ? kind : "FAIL"; /* an older file names no kind */
}

static char tail_letter(const char *kind) {
  static const char *const k[] = {"flush_to_zero", "premature_saturation", "nan",
                                  "infinity",      "flushed_input",        "zero_sign"};
  static const char l[] = "ZPNIDS";
  for (size_t i = 0; i < 6; i++)
    if (!strcmp(k[i], kind)) return l[i];
  return '?';
}

static const char *fpair(const char *x) {
  return x ? x : "never";
}

/* ---- tables */

/* the tails' letters in a cell, what they mean in its tooltip; "\u2014" when
 * the file does not say */
static void tails_cell(table *t, const rep_stats *s) {
  if (!s->tails) {
    tab_cell(t, "num muted", "\u2014");
    return;
  }
  if (!s->ntails) {
    tab_cell(t, NULL, "none");
    return;
  }
  char l[16];
  size_t n = 0;
  const char *tip = "";
  for (size_t k = 0; k < s->ntails && n + 1 < sizeof l; k++) {
    l[n++] = tail_letter(s->tails[k].kind);
    tip = rep_printf("%s%s%c: %s, %s inputs", tip, k ? "; " : "", tail_letter(s->tails[k].kind),
                     tail_text(s->tails[k].kind), fcount(s->tails[k].count));
  }
  l[n] = '\0';
  cell *c = tab_cell(t, "bad", rep_strdup(l));
  c->tip = tip;
}

/* the verdict: the file's text, or for an older file whether it stayed
 * within its claim */
static void verdict_cell(table *t, const rep_stats *s) {
  if (s->verdict >= 0) {
    tab_cell(t,
             s->verdict == 0   ? "ok"
             : s->verdict == 1 ? "bad"
                               : "muted",
             s->verdict_text   ? s->verdict_text
             : s->verdict == 0 ? "within its claim"
             : s->verdict == 1 ? "exceeds its claim"
                               : "no claim");
    return;
  }
  tab_cell(t, s->within_claim ? "ok" : "bad", s->within_claim ? "within its claim" : "EXCEEDS");
}

/* the claim of a detail table: a number, or none */
static const char *claim_str(double v, const rep_stats *s) {
  if (!isnan(v)) return fulp(v);
  if (s->claim_source && !strcmp(s->claim_source, "documented")) return "none documented";
  return "none";
}

/* ---- what the pages say */

void page_begin(FILE *f, const char *title) {
  fputs(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      f);
  html(f, title);
  fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", doc_style);
}

void page_end(FILE *f) {
  fprintf(f, "<script>\n%s</script>\n</body>\n</html>\n", doc_script);
}

/* The report's one format for a moment: "2026-12-06 08:36:14 UTC". */
static const char *utc_str(time_t t) {
  struct tm tm;
  char buf[40];
  gmtime_r(&t, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return rep_strdup(buf);
}

const char *now_utc(void) {
  return utc_str(time(NULL));
}

/* A date of a results file (ISO 8601: "2026-12-06T08:29:28Z",
 * "2026-12-06T04:57:50+00:00", Google Benchmark's "2026-12-06T08:29:28+01:00")
 * in the report's format; anything else as it is. */
const char *rep_date_str(const char *iso) {
  if (!iso) return NULL;
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  int used = 0;
  if (sscanf(iso, "%4d-%2d-%2d%*1[T ]%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
             &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &used) != 6)
    return iso;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const char *z = iso + used;
  if (*z == '.')
    for (z++; *z >= '0' && *z <= '9'; z++) {
    }
  long off = 0;
  if (*z == '+' || *z == '-') {
    int h = 0, mi = 0;
    if (sscanf(z + 1, "%2d:%2d", &h, &mi) < 1 && sscanf(z + 1, "%2d%2d", &h, &mi) < 1) return iso;
    off = (*z == '-' ? -1 : 1) * (h * 3600L + mi * 60L);
  } else if (*z && *z != 'Z') {
    return iso;
  }
  return utc_str(timegm(&tm) - off);
}

static const char *bytes_str(double b) {
  if (!(b > 0)) return "?";
  if (b >= 1 << 20 && fmod(b, 1 << 20) == 0) return rep_printf("%.0f MiB", b / (1 << 20));
  if (b >= 1 << 10 && fmod(b, 1 << 10) == 0) return rep_printf("%.0f KiB", b / (1 << 10));
  return rep_printf("%.0f B", b);
}

/* A context value as text: strings as they are, arrays joined, the cache
 * object of act_context_json() and Google Benchmark's cache list readable. */
static const char *ctx_value(const json_t *v) {
  if (!v || json_is_null(v)) return NULL;
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_integer(v)) return rep_printf("%lld", (long long)json_integer_value(v));
  if (json_is_number(v)) return rep_printf("%g", json_number_value(v));
  if (json_is_boolean(v)) return json_is_true(v) ? "yes" : "no";
  if (json_is_array(v)) {
    const char *s = "";
    for (size_t i = 0; i < json_array_size(v); i++) {
      json_t *e = json_array_get(v, i);
      const char *x;
      if (json_is_object(e) && json_object_get(e, "size")) {
        json_t *ty = json_object_get(e, "type"), *lv = json_object_get(e, "level");
        x = rep_printf("L%lld %s %s", (long long)json_integer_value(lv),
                       json_is_string(ty) ? json_string_value(ty) : "",
                       bytes_str(json_number_value(json_object_get(e, "size"))));
      } else {
        x = ctx_value(e);
      }
      s = rep_printf("%s%s%s", s, i ? (json_is_string(e) ? " " : ", ") : "", x ? x : "?");
    }
    return s;
  }
  if (json_is_object(v)) {
    const char *s = "", *key;
    json_t *e;
    int first = 1;
    json_object_foreach((json_t *)v, key, e) {
      const char *x = json_is_number(e) ? bytes_str(json_number_value(e)) : ctx_value(e);
      s = rep_printf("%s%s%s %s", s, first ? "" : ", ", key, x ? x : "?");
      first = 0;
    }
    return s;
  }
  return NULL;
}

static const char *const file_label[REP_NFILES] = {"speed.json", "accuracy.json", "saturation.json",
                                                   "zerocenter.json"};

/* caches come as actbench's object {l1d, l2, l3} or as Google Benchmark's
 * list (speed.json); when both are there, the object says it for all */
static int cache_object(const rep_model *m) {
  for (int i = 0; i < REP_NFILES; i++)
    if (m->files[i].context && json_is_object(json_object_get(m->files[i].context, "caches")))
      return 1;
  return 0;
}

/* A context member as text: the value, or the values per file where the files
 * disagree (results from different machines or builds); NULL when no file
 * has it. */
const char *ctx_joined(const rep_model *m, const char *key) {
  const char *vals[REP_NFILES] = {NULL, NULL, NULL};
  int nv = 0, same = 1, cobj = cache_object(m);
  const char *first = NULL;
  for (int i = 0; i < REP_NFILES; i++) {
    if (!m->files[i].context) continue;
    json_t *v = json_object_get(m->files[i].context, key);
    if (!strcmp(key, "caches") && cobj && !json_is_object(v)) continue;
    vals[i] = ctx_value(v);
    if (!vals[i]) continue;
    if (!first)
      first = vals[i];
    else if (strcmp(first, vals[i]))
      same = 0;
    nv++;
  }
  if (!nv) return NULL;
  if (same) return first;
  const char *v = "";
  for (int i = 0; i < REP_NFILES; i++)
    if (vals[i]) v = rep_printf("%s%s%s: %s", v, *v ? "; " : "", file_label[i], vals[i]);
  return v;
}

/* One row per context member. */
table *context_table(const rep_model *m) {
  static const char *const keys[][2] = {{"cpu_model", "CPU"},
                                        {"cpu_features", "CPU features"},
                                        {"isa_selected", "ISAs allowed"},
                                        {"cores", "cores (online)"},
                                        {"caches", "caches"},
                                        {"host", "host"},
                                        {"compiler", "compiler"},
                                        {"libc", "C library"},
                                        {"mpfr_version", "MPFR"},
                                        {"gmp_version", "GMP"},
                                        {"jansson_version", "jansson"},
                                        {"benchmark_version", "Google Benchmark"},
                                        {"num_cpus", "CPUs (Google Benchmark)"},
                                        {"mhz_per_cpu", "MHz per CPU"},
                                        {"library_build_type", "benchmark library build"},
                                        {"actbench_input_range", "speed: input range"}};
  table *t = tab_new(2, "", "value");
  for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
    const char *v = ctx_joined(m, keys[k][0]);
    if (!v) continue;
    tab_row(t);
    tab_cell(t, NULL, keys[k][1]);
    tab_cell(t, !strcmp(keys[k][0], "cpu_features") ? "code" : NULL, v);
  }
  return t;
}

/* The machine and the software in a few lines, for the top of every page:
 * what the results were measured on, with what, and when. */
typedef struct {
  const char *machine, *software, *dates, *features;
  size_t nfeatures;
  const char *speed_run; /* how speed.json was measured, and the machine's state; or NULL */
  const char **warnings; /* speed.json's warnings about that state */
  size_t nwarnings;
} ctx_lines;

/* speed.json's repetitions and the machine's state during the run, in one
 * line; its warnings into c. */
static void speed_run_line(const rep_model *m, ctx_lines *c) {
  const act_res_state *st = m->speed_state;
  if (!m->speed_reps && !st) return;
  const char *l = "";
  if (m->speed_reps)
    l = rep_printf("%lld repetitions of at least %g s each%s, every figure their median",
                   m->speed_reps, m->speed_min_time,
                   m->speed_interleaved > 0 ? ", interleaved at random across benchmarks" : "");
  if (st) {
    if (isfinite(st->load_before) && isfinite(st->load_after))
      l = rep_printf("%s; load average %.2f before, %.2f after", l, st->load_before, st->load_after);
    if (isfinite(st->other_share))
      l = rep_printf("%s; other processes %.1f%% of the machine's CPU time", l,
                     100 * st->other_share);
    if (isfinite(st->steal_share)) l = rep_printf("%s, steal %.1f%%", l, 100 * st->steal_share);
    if (st->governor) l = rep_printf("%s; frequency governor %s", l, st->governor);
    if (st->boost) l = rep_printf("%s, boost %s", l, st->boost);
    if (st->build_type) l = rep_printf("%s; Google Benchmark library: %s build", l, st->build_type);
    c->warnings = st->warnings;
    c->nwarnings = st->nwarnings;
  }
  c->speed_run = *l == ';' ? l + 2 : l;
}

static ctx_lines context_lines(const rep_model *m) {
  ctx_lines c = {NULL, NULL, NULL, NULL, 0, NULL, NULL, 0};
  speed_run_line(m, &c);
  const char *cpu = ctx_joined(m, "cpu_model"), *cores = ctx_joined(m, "cores");
  const char *caches = ctx_joined(m, "caches"), *host = ctx_joined(m, "host");
  const char *isa = ctx_joined(m, "isa_selected");
  /* a virtual machine (CPUID's hypervisor bit, context "hypervisor") reports
   * the host's caches: say so, for an L3 that is not this machine's own */
  int vm = 0;
  double l3 = NAN;
  for (int i = 0; i < REP_NFILES; i++) {
    const json_t *cx = m->files[i].context;
    if (!cx) continue;
    vm |= json_is_true(json_object_get(cx, "hypervisor"));
    json_t *cc = json_object_get(cx, "caches");
    if (json_is_object(cc) && json_is_number(json_object_get(cc, "l3")))
      l3 = json_number_value(json_object_get(cc, "l3"));
  }
  int ncores = cores ? atoi(cores) : 0;
  const char *cache_note = "";
  if (vm)
    cache_note = " as the hypervisor reports them (a virtual machine: the L3 is the host's, "
                 "shared with whatever else runs there)";
  else if (ncores > 0 && isfinite(l3) && l3 / ncores > 16.0 * 1048576)
    cache_note = rep_printf(" as reported (%s of L3 for %d cores: most likely a host's cache "
                            "shared with others, a virtual machine)",
                            rep_printf("%.0f MiB", l3 / 1048576), ncores);
  c.machine = rep_printf("%s; %s core%s%s; caches%s: %s%s%s%s%s", cpu ? cpu : "CPU not stated",
                         cores ? cores : "?", ncores == 1 ? "" : "s",
                         vm ? " of a virtual machine" : "", cache_note,
                         caches ? caches : "not stated", isa ? "; ISAs allowed: " : "",
                         isa ? isa : "", host ? "; host " : "", host ? host : "");
  static const char *const sw[][2] = {{"compiler", "compiler"},
                                      {"libc", "C library"},
                                      {"mpfr_version", "MPFR"},
                                      {"gmp_version", "GMP"},
                                      {"benchmark_version", "Google Benchmark"},
                                      {"jansson_version", "jansson"}};
  const char *s = "";
  for (size_t k = 0; k < sizeof sw / sizeof sw[0]; k++) {
    const char *v = ctx_joined(m, sw[k][0]);
    s = rep_printf("%s%s%s %s", s, k ? "; " : "", sw[k][1], v ? v : "not stated");
  }
  const char *ver = NULL;
  for (int i = 0; i < REP_NFILES; i++)
    if (m->files[i].version && !ver) ver = m->files[i].version;
  c.software = ver ? rep_printf("%s; actbench %s", s, ver) : s;
  const char *d = "";
  for (int i = 0; i < REP_NFILES; i++) {
    if (!m->files[i].doc) continue;
    const char *date = rep_date_str(rep_file_date(m, i));
    d = rep_printf("%s%s%s %s", d, *d ? "; " : "", file_label[i], date ? date : "(no date)");
  }
  c.dates = d;
  for (int i = 0; i < REP_NFILES && !c.features; i++) {
    json_t *v = m->files[i].context ? json_object_get(m->files[i].context, "cpu_features") : NULL;
    if (!json_is_array(v) || !json_array_size(v)) continue;
    c.features = ctx_value(v);
    c.nfeatures = json_array_size(v);
  }
  return c;
}

table *files_table(const rep_model *m) {
  table *t = tab_new(5, "results", "file", "written", "actbench", "command");
  for (int i = 0; i < REP_NFILES; i++) {
    const rep_file *f = &m->files[i];
    if (!f->doc) continue;
    tab_row(t);
    tab_cell(t, NULL, rep_kind_names[i]);
    tab_cell(t, "code", f->path);
    const char *date = rep_date_str(rep_file_date(m, i));
    const char *cmd = f->context ? ctx_value(json_object_get(f->context, "command")) : NULL;
    if (!cmd && f->context) cmd = ctx_value(json_object_get(f->context, "executable"));
    tab_cell(t, NULL, fstr(date));
    tab_cell(t, NULL, fstr(f->version));
    tab_cell(t, "code", fstr(cmd));
  }
  return t;
}

static const char *params_str(const rep_act *a) {
  if (!a->nparams) return NULL;
  const char *s = "";
  for (size_t k = 0; k < a->nparams; k++)
    s = rep_printf("%s%s%s = %s", s, *s ? ", " : "", a->params[k].key, a->params[k].text);
  return s;
}

/* ---- accuracy */

static table *accuracy_table(const rep_act *a, int bwd) {
  table *t = bwd ? tab_new(16, "implementation", "origin", "isa", "f\u2032 computed as",
                           "claimed ULP", "max ULP", "at x", "mean ULP", "core max ULP",
                           "core mean ULP", "correctly rounded", "> 1 ULP", "max abs err",
                           "max rel err", "special failures", "verdict")
                 : tab_new(15, "implementation", "origin", "isa", "claimed ULP", "max ULP", "at x",
                           "mean ULP", "core max ULP", "core mean ULP", "correctly rounded",
                           "> 1 ULP", "max abs err", "max rel err", "special failures", "verdict");
  t->sortable = 1;
  t->collapse = 12;
  doc_table_filter(t, 1, "origin");
  doc_table_filter(t, 2, "isa");
  const rep_acc *r = a->acc;
  for (size_t j = 0; j < r->nimpls; j++) {
    const rep_acc_impl *p = &r->impls[j];
    tab_row(t);
    tab_cell(t, "code", p->name);
    tab_cell(t, NULL, fstr(p->origin));
    tab_cell(t, NULL, fstr(p->isa));
    if (bwd) tab_cell(t, "code", p->bwd_formula && *p->bwd_formula ? p->bwd_formula : "\u2014");
    if (!p->available) {
      tab_cell(t, "muted",
               p->reason ? rep_printf("not available: %s", p->reason)
                         : "not available on the machine that ran the suite");
      continue;
    }
    if (bwd && !p->has_bwd) {
      tab_cell(t, "muted", "no backward kernel");
      continue;
    }
    const rep_stats *s = bwd ? &p->bwd : &p->fwd;
    double claim = bwd ? p->claimed_bwd : p->claimed_fwd;
    cell *c = tab_cell(t, isnan(claim) ? "num muted" : "num", claim_str(claim, s));
    if (s->claim_reference) c->tip = s->claim_reference;
    tab_cell(t, "num", fulp_note(s->max_ulp, s->max_ulp_note));
    /* where the largest error is, when there is an error at all */
    c = tab_cell(t, "num", s->max_ulp > 0 ? fstr(s->max_ulp_x) : "\u2014");
    if (s->max_ulp > 0 && (s->max_ulp_got || s->max_ulp_want))
      c->tip =
          rep_printf("got %s, correctly rounded %s", fstr(s->max_ulp_got), fstr(s->max_ulp_want));
    tab_cell(t, "num", fulp(s->mean_ulp));
    c = tab_cell(t, s->has_core ? "num" : "num muted",
                 s->has_core ? fulp_note(s->core_max_ulp, s->core_max_ulp_note) : "\u2014");
    if (s->has_core && s->core_max_ulp_x)
      c->tip = rep_printf("at x = %s; %s inputs whose exact result is 0 or a normal float",
                          s->core_max_ulp_x, fcount(s->core_inputs));
    tab_cell(t, s->has_core ? "num" : "num muted", s->has_core ? fulp(s->core_mean_ulp) : "\u2014");
    tab_cell(t, "num", fpct(s->cr_fraction));
    tab_cell(t, "num", fcount(s->count_gt_1ulp));
    tab_cell(t, "num", fsci(s->max_abs_err));
    tab_cell(t, "num", fsci(s->max_rel_err));
    c = tab_cell(t, s->special_failures > 0 ? "num bad" : "num", fcount(s->special_failures));
    if (s->nan_input_failures > 0)
      c->sub = rep_printf("%s of them NaN inputs", fcount(s->nan_input_failures));
    if (isfinite(s->inputs) && !(s->inputs == r->inputs))
      c->tip = rep_printf("of %s inputs", fcount(s->inputs));
    verdict_cell(t, s);
  }
  return t;
}


/* bfloat16 and binary16: one row per implementation, the formats side by side */
static table *narrow_table(const rep_act *a) {
  const rep_acc *r = a->acc;
  const char **head = rep_alloc((1 + 4 * r->nnarrow) * sizeof *head);
  head[0] = "implementation";
  for (size_t k = 0; k < r->nnarrow; k++) {
    const char *fm = r->narrow[k].format;
    head[1 + 4 * k] = rep_printf("%s f max ULP", fm);
    head[2 + 4 * k] = rep_printf("%s f correctly rounded", fm);
    head[3 + 4 * k] = rep_printf("%s f\u2032 max ULP", fm);
    head[4 + 4 * k] = rep_printf("%s f\u2032 correctly rounded", fm);
  }
  table *t = tab_new_v(1 + 4 * r->nnarrow, head);
  /* the union of the implementations over the formats (a native kernel is
   * in its own format's list only) */
  const char **names = NULL;
  size_t nn = 0, cap = 0;
  for (size_t k = 0; k < r->nnarrow; k++)
    for (size_t i = 0; i < r->narrow[k].nimpls; i++) {
      const char *nm = r->narrow[k].impls[i].name;
      size_t u = 0;
      while (u < nn && strcmp(names[u], nm)) u++;
      if (u < nn) continue;
      names = rep_grow(names, &cap, nn, sizeof *names);
      names[nn++] = nm;
    }
  for (size_t j = 0; j < nn; j++) {
    tab_row(t);
    int native = 0;
    for (size_t k = 0; k < r->nnarrow; k++)
      for (size_t i = 0; i < r->narrow[k].nimpls; i++)
        if (!strcmp(r->narrow[k].impls[i].name, names[j]) && r->narrow[k].impls[i].native)
          native = 1;
    cell *nc = tab_cell(t, "code", names[j]);
    if (native) nc->sub = "computes in bfloat16 itself";
    for (size_t k = 0; k < r->nnarrow; k++) {
      const rep_narrow *q = &r->narrow[k];
      const rep_narrow_impl *p = NULL;
      for (size_t i = 0; i < q->nimpls; i++)
        if (!strcmp(q->impls[i].name, names[j])) p = &q->impls[i];
      if (!p) {
        for (int c = 0; c < 4; c++) tab_cell(t, "muted", "\u2014");
        continue;
      }
      tab_cell(t, p->fspecial > 0 ? "num bad" : "num", fulp_note(p->fmax, p->fnote));
      tab_cell(t, "num", fpct(p->fcr));
      tab_cell(t, p->has_bwd && p->bspecial > 0 ? "num bad" : "num",
               p->has_bwd ? fulp_note(p->bmax, p->bnote) : "\u2014");
      tab_cell(t, "num", p->has_bwd ? fpct(p->bcr) : "\u2014");
    }
  }
  return t;
}

/* how often rounding the correctly rounded float once more misses */
static const char *double_rounding_note(const rep_act *a) {
  const rep_acc *r = a->acc;
  const char *s =
      "Each float kernel is fed every input of the narrow format and its result is "
      "rounded to nearest in that format; errors are in the narrow format's ulps. "
      "Computing in float and rounding once more is not always correctly rounded: ";
  for (size_t k = 0; k < r->nnarrow; k++) {
    const rep_narrow *q = &r->narrow[k];
    s = rep_printf(
        "%s%s%s: RN(RN32(y)) differs from RN(y) for %s f and %s f\u2032 of the %s "
        "inputs",
        s, k ? "; " : "", q->format, fcount(q->dr_fwd), fcount(q->dr_bwd), fcount(q->inputs));
  }
  return rep_printf("%s.", s);
}

/* fwd and bwd side by side when they were run on the same inputs */
static table *specials_table(const rep_acc_impl *p, int *failures) {
  const rep_stats *f = &p->fwd, *b = &p->bwd;
  int same = p->has_bwd && f->nspecials == b->nspecials;
  for (size_t k = 0; same && k < f->nspecials; k++)
    same = !strcmp(fstr(f->specials[k].x), fstr(b->specials[k].x));
  *failures = 0;
  table *t;
  if (same) {
    t = tab_new(7, "x", "f got", "f exact", "f ok or failure", "f\u2032 got", "f\u2032 exact",
                "f\u2032 ok or failure");
    for (size_t k = 0; k < f->nspecials; k++) {
      const rep_special *u = &f->specials[k], *v = &b->specials[k];
      tab_row(t);
      tab_cell(t, "num", fstr(u->x));
      tab_cell(t, "num", fstr(u->got));
      tab_cell(t, "num", fstr(u->want));
      tab_cell(t, u->ok ? "ok" : "bad", u->ok ? "ok" : tail_text(u->kind));
      tab_cell(t, "num", fstr(v->got));
      tab_cell(t, "num", fstr(v->want));
      tab_cell(t, v->ok ? "ok" : "bad", v->ok ? "ok" : tail_text(v->kind));
      *failures += !u->ok + !v->ok;
    }
    return t;
  }
  t = tab_new(5, "", "x", "got", "exact", "ok or failure");
  for (int d = 0; d < 1 + p->has_bwd; d++) {
    const rep_stats *s = d ? b : f;
    for (size_t k = 0; k < s->nspecials; k++) {
      const rep_special *u = &s->specials[k];
      tab_row(t);
      tab_cell(t, NULL, d ? "f\u2032" : "f");
      tab_cell(t, "num", fstr(u->x));
      tab_cell(t, "num", fstr(u->got));
      tab_cell(t, "num", fstr(u->want));
      tab_cell(t, u->ok ? "ok" : "bad", u->ok ? "ok" : tail_text(u->kind));
      *failures += !u->ok;
    }
  }
  return t;
}

/* ---- speed */

/* One row of the speed table: an implementation's throughput in one
 * direction at every size (the median of the repetitions, +- half their
 * interquartile range over the median), and its share of the copy's
 * bandwidth; then, when speed.json has a multi-threaded run (at n = mt_n on
 * mt_threads threads), the same there. */
static void speed_row(table *t, const rep_model *m, const rep_spd_impl *p, int d,
                      const long long *ns, size_t nn, double (*best)[2], int with_copy, int nimpls,
                      const char *cls, long long mt_n, int mt_threads) {
  for (size_t i = 0; i < nn + (mt_threads > 1); i++) {
    int mt = i == nn;
    long long n = mt ? mt_n : ns[i];
    const rep_point *q = NULL;
    for (size_t k = 0; k < p->npoints; k++)
      if (p->points[k].n == n) q = &p->points[k];
    double ips = q ? (mt ? q->mt_ips[d] : q->ips[d]) : NAN;
    double bps = q ? (mt ? q->mt_bps[d] : q->bps[d]) : NAN;
    if (!isfinite(ips)) {
      tab_cell(t, "num muted", "\u2014");
      if (with_copy) tab_cell(t, "num muted", "\u2014");
      continue;
    }
    int top = !mt && best && ips >= best[i][d] && nimpls > 1;
    const char *text = rep_printf("%.3g G/s", ips / 1e9);
    if (!mt && isfinite(q->ips_q1[d]) && isfinite(q->ips_q3[d]) && ips > 0)
      text = rep_printf("%s \u00b1%.1f%%", text, 50 * (q->ips_q3[d] - q->ips_q1[d]) / ips);
    cell *c = tab_cell(t, top ? "num best" : cls ? cls : "num", text);
    if (isfinite(bps)) c->sub = rep_printf("%.3g GB/s, %g B/element", bps / 1e9, q->bpe[d]);
    if (!mt && isfinite(q->ips_q1[d]))
      c->tip = rep_printf("median of %d repetitions; quartiles %.4g and %.4g G/s", q->nrep[d],
                          q->ips_q1[d] / 1e9, q->ips_q3[d] / 1e9);
    if (!with_copy) continue;
    double copy = mt ? rep_copy_bps_mt(m, n) : rep_copy_bps(m, n);
    c = tab_cell(
        t, "num",
        isfinite(copy) && isfinite(bps) ? rep_printf("%.0f%%", 100 * bps / copy) : "\u2014");
    if (isfinite(copy))
      c->tip = rep_printf("memory.copy at this n%s: %.3g GB/s (8 bytes per element)",
                          mt ? rep_printf(" on %d threads", mt_threads) : "", copy / 1e9);
  }
}

static table *speed_table(const rep_model *m, const rep_act *a) {
  const rep_spd *s = a->spd;
  long long ns[64], mt_n = 0;
  const char *cls[64];
  int mt_threads = 0;
  size_t nn = 0;
  for (size_t j = 0; j < s->nimpls; j++)
    for (size_t k = 0; k < s->impls[j].npoints; k++) {
      const rep_point *q = &s->impls[j].points[k];
      if (q->mt_threads > 1) {
        mt_threads = q->mt_threads;
        mt_n = q->n;
      }
      size_t i = 0;
      while (i < nn && ns[i] < q->n) i++;
      if (i < nn && ns[i] == q->n && !cls[i]) cls[i] = q->size_class;
      if ((i < nn && ns[i] == q->n) || nn == 64) continue;
      memmove(&ns[i + 1], &ns[i], (nn - i) * sizeof *ns);
      memmove(&cls[i + 1], &cls[i], (nn - i) * sizeof *cls);
      ns[i] = q->n;
      cls[i] = q->size_class;
      nn++;
    }
  /* "% of copy bandwidth": the kernel's bytes/s over memory.copy's at the
   * same n, when speed.json has the baseline */
  int with_copy = 0;
  for (size_t i = 0; i < nn; i++) with_copy |= isfinite(rep_copy_bps(m, ns[i]));
  size_t per = with_copy ? 2 : 1, ncols = 4 + per * (nn + (mt_threads > 1));
  const char **head = rep_alloc(ncols * sizeof *head);
  head[0] = "implementation";
  head[1] = "origin";
  head[2] = "isa";
  head[3] = "direction";
  for (size_t i = 0; i < nn + (mt_threads > 1); i++) {
    int mt = i == nn;
    long long n = mt ? mt_n : ns[i];
    const char *c = mt ? NULL : cls[i];
    const char *thr = mt ? rep_printf(", %d threads", mt_threads) : "";
    head[4 + per * i] =
        c ? rep_printf("n = %lld (%s)%s", n, c, thr) : rep_printf("n = %lld%s", n, thr);
    if (with_copy) head[5 + per * i] = rep_printf("%% of copy bandwidth, n = %lld%s", n, thr);
  }
  table *t = tab_new_v(ncols, head);
  t->sortable = 1;
  t->collapse = 12;
  doc_table_filter(t, 1, "origin");
  doc_table_filter(t, 2, "isa");
  doc_table_filter(t, 3, "direction");
  /* the fastest at each size and direction in bold */
  double(*best)[2] = rep_alloc((nn ? nn : 1) * sizeof *best);
  for (size_t j = 0; j < s->nimpls; j++)
    for (size_t k = 0; k < s->impls[j].npoints; k++) {
      const rep_point *q = &s->impls[j].points[k];
      for (size_t i = 0; i < nn; i++)
        if (ns[i] == q->n)
          for (int d = 0; d < 2; d++)
            if (isfinite(q->ips[d])) best[i][d] = fmax(best[i][d], q->ips[d]);
    }
  /* in the legend's order: ours first, then the peers by library */
  for (size_t o = 0; o < a->nnames; o++)
    for (size_t j = 0; j < s->nimpls; j++) {
      const rep_spd_impl *p = &s->impls[j];
      if (strcmp(p->name, a->names[o].name)) continue;
      const char *origin = p->origin ? p->origin : a->names[o].origin;
      if (!p->npoints) {
        tab_row(t);
        tab_cell(t, "code", p->name);
        tab_cell(t, NULL, fstr(origin));
        tab_cell(t, NULL, fstr(p->isa));
        tab_cell(t, "muted",
                 p->available ? "not measured" : "not available on the machine that ran the suite");
        continue;
      }
      int fwd = 0, bwd = 0;
      for (size_t k = 0; k < p->npoints; k++) {
        fwd |= isfinite(p->points[k].ips[0]);
        bwd |= isfinite(p->points[k].ips[1]);
      }
      int kb = rep_impl_has_bwd(a, p->name);
      for (int d = 0; d < 2; d++) {
        int has = d ? bwd : fwd;
        if (!has && (!d || kb < 0)) continue; /* nothing to say */
        tab_row(t);
        tab_cell(t, "code", p->name);
        tab_cell(t, NULL, fstr(origin));
        tab_cell(t, NULL, fstr(p->isa));
        tab_cell(t, NULL, d ? "bwd" : "fwd");
        if (!has) {
          tab_cell(t, "muted", kb == 0 ? "no backward kernel" : "backward not measured");
          continue;
        }
        speed_row(t, m, p, d, ns, nn, best, with_copy, (int)s->nimpls, NULL, mt_n, mt_threads);
      }
    }
  /* the baselines, for scale */
  for (size_t b = 0; m->baseline && b < m->baseline->nimpls; b++) {
    const rep_spd_impl *p = &m->baseline->impls[b];
    for (int d = 0; d < 2; d++) {
      int any = 0;
      for (size_t k = 0; k < p->npoints; k++)
        for (size_t i = 0; i < nn; i++)
          any |= p->points[k].n == ns[i] && isfinite(p->points[k].ips[d]);
      if (!any) continue;
      tab_row(t);
      tab_cell(t, "code muted", p->name);
      tab_cell(t, "muted", "baseline");
      tab_cell(t, "muted", fstr(p->isa));
      tab_cell(t, "muted", d ? "bwd" : "fwd");
      speed_row(t, m, p, d, ns, nn, NULL, with_copy, 0, "num muted", mt_n, mt_threads);
    }
  }
  return t;
}

/* ---- the speed targets (speed.json's "targets") */

static const char *verdict_cls(int met) {
  return met > 0 ? "ok" : met == 0 ? "bad" : "muted";
}

static const char *target_name(const rep_target *t) {
  if (t->bandwidth && t->acc_class)
    return rep_printf("%s %s, our fastest at %s: >= %g%% of memory.copy's bytes/s at %s",
                      t->activation, t->direction, t->acc_class, 100 * t->min_ratio, t->classes);
  if (t->bandwidth)
    return rep_printf("%s %s: >= %g%% of memory.copy's bytes/s at %s", t->activation, t->direction,
                      100 * t->min_ratio, t->classes);
  return rep_printf("%s %s: >= %gx %s at %s", t->activation, t->direction, t->min_ratio,
                    t->reference, t->classes);
}

static const char *fratio(const rep_target *t, double r) {
  if (isnan(r)) return "\u2014";
  return t->bandwidth ? rep_printf("%.0f%%", 100 * r) : rep_printf("%.2fx", r);
}

/* a ratio with its interval: "1.35x [1.31, 1.39]" */
static const char *fratio_ci(const rep_target *t, const rep_target_size *q) {
  if (isnan(q->ratio)) return "\u2014";
  if (isnan(q->ratio_lo) || isnan(q->ratio_hi)) return fratio(t, q->ratio);
  if (t->bandwidth)
    return rep_printf("%.0f%% [%.0f, %.0f]", 100 * q->ratio, 100 * q->ratio_lo, 100 * q->ratio_hi);
  return rep_printf("%.2fx [%.2f, %.2f]", q->ratio, q->ratio_lo, q->ratio_hi);
}

/* ours or the reference: name, claimed ULP and throughput */
static void who_cell(table *t, const char *name, double ulp, double ips, const char *none) {
  if (!name) {
    tab_cell(t, "muted", none ? none : "\u2014");
    return;
  }
  cell *c = tab_cell(t, "code", name);
  /* a peer without a documented bound claims nothing (null in the file) */
  const char *cl = isnan(ulp) ? "no documented bound" : rep_printf("claims %s ulp", fsci(ulp));
  c->sub = isnan(ips) ? cl : rep_printf("%s; %.3g G/s", cl, ips / 1e9);
}

/* The overall verdict as a row of its own when no size's row says it (a
 * size class that was not measured), in column col. */
static void overall_row(table *t, const rep_target *g, size_t col) {
  if (!g->nsizes) return; /* the target's one row says it */
  for (size_t k = 0; k < g->nsizes; k++)
    if (!strcmp(g->sizes[k].status, g->status)) return;
  tab_row(t);
  tab_cell(t, NULL, "");
  tab_cell(t, "muted", "overall");
  for (size_t c = 2; c < col; c++) tab_cell(t, "muted", "");
  tab_cell(t, verdict_cls(g->met), g->status);
}

/* An activation's peer targets: a row per target and size. */
static table *peer_targets_table(const rep_model *m, const rep_act *a, size_t *count) {
  table *t = tab_new(7, "target", "size", "ratio [95% interval]", "verdict",
                     "ours (the fastest that qualifies)", "reference", "note");
  *count = 0;
  for (size_t i = 0; i < m->ntargets; i++) {
    const rep_target *g = &m->targets[i];
    if (strcmp(g->activation, a->name) || g->bandwidth) continue;
    ++*count;
    if (!g->nsizes) {
      tab_row(t);
      tab_cell(t, NULL, target_name(g));
      tab_cell(t, "muted", "\u2014");
      tab_cell(t, "num muted", "\u2014");
      tab_cell(t, verdict_cls(g->met), g->status);
      continue;
    }
    for (size_t k = 0; k < g->nsizes; k++) {
      const rep_target_size *q = &g->sizes[k];
      tab_row(t);
      tab_cell(t, NULL, k ? "" : target_name(g));
      tab_cell(t, "num", rep_printf("%s, n = %lld", q->cls, q->n));
      tab_cell(t, "num", fratio_ci(g, q));
      tab_cell(t, verdict_cls(q->met), q->status);
      who_cell(t, q->ours, q->ours_ulp, q->ours_ips, NULL);
      who_cell(t, q->peer, q->peer_ulp, q->peer_ips, "not measured");
      tab_cell(t, "muted",
               q->note              ? q->note
               : q->nqualifying > 1 ? rep_printf("%zu kernels of ours qualify", q->nqualifying)
                                    : "");
    }
    overall_row(t, g, 3);
  }
  return t;
}

/* An activation's bandwidth targets: a row per direction, size and kernel. */
static table *bw_targets_table(const rep_model *m, const rep_act *a, size_t *count) {
  table *t = tab_new(6, "target", "size", "kernel", "% of copy bandwidth [95% interval]", "verdict",
                     "memory.copy");
  *count = 0;
  for (size_t i = 0; i < m->ntargets; i++) {
    const rep_target *g = &m->targets[i];
    if (strcmp(g->activation, a->name) || !g->bandwidth) continue;
    ++*count;
    if (!g->nsizes) {
      tab_row(t);
      tab_cell(t, NULL, target_name(g));
      tab_cell(t, "muted", "\u2014");
      tab_cell(t, "muted", "\u2014");
      tab_cell(t, "num muted", "\u2014");
      tab_cell(t, verdict_cls(g->met), g->status);
      continue;
    }
    for (size_t k = 0; k < g->nsizes; k++) {
      const rep_target_size *q = &g->sizes[k];
      for (size_t j = 0; j < (q->nkernels ? q->nkernels : 1); j++) {
        tab_row(t);
        tab_cell(t, NULL, k || j ? "" : target_name(g));
        tab_cell(t, "num", rep_printf("%s, n = %lld", q->cls, q->n));
        if (!q->nkernels) {
          tab_cell(t, "muted", "\u2014");
          tab_cell(t, "num muted", "\u2014");
          tab_cell(t, verdict_cls(q->met), q->status);
          continue;
        }
        if (g->acc_class) { /* our fastest of the class: one row */
          cell *c = tab_cell(t, "code", q->ours ? q->ours : "\u2014");
          if (q->nkernels > 1)
            c->sub = rep_printf("the fastest of %zu kernels of ours in the class", q->nkernels);
          tab_cell(t, "num", fratio_ci(g, q));
          tab_cell(t, verdict_cls(q->met), q->status);
          tab_cell(
              t, "num",
              isfinite(q->copy_bps) ? rep_printf("%.3g GB/s", q->copy_bps / 1e9) : "not measured");
          break;
        }
        const rep_target_kernel *kk = &q->kernels[j];
        tab_cell(t, "code", kk->name);
        tab_cell(t, "num", fratio(g, kk->ratio));
        tab_cell(t, verdict_cls(kk->met),
                 kk->met > 0    ? "met"
                 : kk->met == 0 ? "not met"
                                : q->status);
        tab_cell(
            t, "num",
            isfinite(q->copy_bps) ? rep_printf("%.3g GB/s", q->copy_bps / 1e9) : "not measured");
      }
    }
  }
  return t;
}

/* Every target in one line each, for the index and summary.md. */
table *targets_summary(const rep_model *m) {
  table *t = tab_new(4, "target", "verdict", "ratio at each size", "ours / reference");
  for (size_t i = 0; i < m->ntargets; i++) {
    const rep_target *g = &m->targets[i];
    tab_row(t);
    tab_cell(t, NULL, target_name(g));
    tab_cell(t, verdict_cls(g->met), g->status);
    const char *r = "", *who = "";
    for (size_t k = 0; k < g->nsizes; k++) {
      const rep_target_size *q = &g->sizes[k];
      r = rep_printf("%s%s%s %s", r, k ? ", " : "", q->cls, fratio_ci(g, q));
      const char *w = g->bandwidth ? (q->ours    ? q->ours
                                      : q->worst ? rep_printf("worst: %s", q->worst)
                                                 : "")
                                   : rep_printf("%s / %s", q->ours ? q->ours : "\u2014",
                                                q->peer ? q->peer : "not measured");
      if (!strstr(who, w)) who = rep_printf("%s%s%s", who, *who ? "; " : "", w);
    }
    tab_cell(t, "num", g->nsizes ? r : "\u2014");
    tab_cell(t, "code", who);
  }
  return t;
}

const char *const targets_note =
    "The speed targets, judged in the run that wrote speed.json: medians of the repetitions "
    "measured side by side, each ratio with its 95% interval (a bootstrap of the ratio of "
    "medians). A target is met when the whole interval is at or above the bar, not met when it "
    "is wholly below, and undecided when the interval straddles the bar. Peer targets: at each "
    "size, of our vector kernels (origin actbench, avx2 or avx512) those whose claimed max ULP "
    "error (f forward, f\u2032 backward) is no worse than the reference's documented bound "
    "(every kernel when it has none) qualify, and the fastest of them is set against the "
    "reference (the fastest implementation of the named library, or of every peer) in items/s. "
    "Bandwidth targets: at the DRAM size, for each accuracy class (claimed max ULP <= 1, 2, 4, "
    "any), our fastest vector kernel of the class against memory.copy in bytes/s, each kernel's "
    "bytes counted from what it reads and writes. A verdict that is neither met, not met nor "
    "undecided says what was missing.";

/* ---- saturation */

static const char *side_str(const rep_side *s, int pos) {
  switch (s->kind) {
    case REP_MATH_ALL:
      return pos ? "all x > 0" : "all x < 0";
    case REP_MATH_NEVER:
      return "never";
    default:
      return rep_printf(pos ? "x \u2265 %.6g" : "x \u2264 -%.6g", s->x);
  }
}

static table *math_table(const rep_act *a) {
  table *t =
      tab_new(3, "\u03b5", "|f\u2032(x)| < \u03b5 for x < 0", "|f\u2032(x)| < \u03b5 for x > 0");
  for (size_t k = 0; k < a->sat->nmath; k++) {
    const rep_math *r = &a->sat->math[k];
    tab_row(t);
    tab_cell(t, "num", rep_printf("%g", r->eps));
    tab_cell(t, "num", side_str(&r->neg, 0));
    tab_cell(t, "num", side_str(&r->pos, 1));
  }
  return t;
}

/* An x where something first happens on one side; null: it never does, or
 * (for f's asymptote) f has none on that side. */
static const char *fside(const char *x, int none) {
  return x ? x : none ? "\u2014" : "never";
}

static table *sat_table(const rep_act *a) {
  table *t = tab_new(10, "implementation", "origin", "isa", "f\u2032 = 0 from (x < 0)",
                     "f\u2032 = 0 from (x > 0)", "premature f\u2032 = 0", "f = asymptote (x < 0)",
                     "f = asymptote (x > 0)", "f\u2032 computed as", "dead side");
  t->collapse = 12;
  const rep_sat *s = a->sat;
  /* a side where neither RN(f) nor any implementation reaches an asymptote:
   * f is unbounded there (gelu, x > 0), or never gets there */
  int none[2] = {!s->exact_asymptote.neg, !s->exact_asymptote.pos};
  for (size_t j = 0; j < s->nimpls; j++) {
    if (!s->impls[j].available) continue;
    if (s->impls[j].f_asymptote.neg) none[0] = 0;
    if (s->impls[j].f_asymptote.pos) none[1] = 0;
  }
  tab_row(t);
  tab_cell(t, NULL, "exact (correctly rounded)");
  tab_cell(t, NULL, "");
  tab_cell(t, NULL, "");
  tab_cell(t, "num", fpair(s->exact_zero.neg));
  tab_cell(t, "num", fpair(s->exact_zero.pos));
  tab_cell(t, NULL, "");
  tab_cell(t, "num", fside(s->exact_asymptote.neg, none[0]));
  tab_cell(t, "num", fside(s->exact_asymptote.pos, none[1]));
  tab_cell(t, NULL, "");
  tab_cell(t, NULL, "");
  for (size_t j = 0; j < s->nimpls; j++) {
    const rep_sat_impl *p = &s->impls[j];
    tab_row(t);
    tab_cell(t, "code", p->name);
    tab_cell(t, NULL, fstr(p->origin));
    tab_cell(t, NULL, fstr(p->isa));
    if (!p->available) {
      tab_cell(t, "muted",
               p->reason ? rep_printf("not available: %s", p->reason)
                         : "not available on the machine that ran the suite");
      continue;
    }
    int nobwd = rep_impl_has_bwd(a, p->name) == 0;
    if (nobwd) {
      tab_cell(t, "muted", "no backward kernel");
      tab_cell(t, "muted", "no backward kernel");
      tab_cell(t, "muted", "\u2014");
    } else {
      tab_cell(t, "num", fpair(p->grad_zero.neg));
      tab_cell(t, "num", fpair(p->grad_zero.pos));
      const char *pr = p->premature_neg && p->premature_pos ? "both sides"
                       : p->premature_neg                   ? "x < 0"
                       : p->premature_pos                   ? "x > 0"
                                                            : "no";
      tab_cell(t, (p->premature_neg || p->premature_pos) ? "bad" : "ok", pr);
    }
    tab_cell(t, "num", fside(p->f_asymptote.neg, none[0]));
    tab_cell(t, "num", fside(p->f_asymptote.pos, none[1]));
    tab_cell(t, nobwd ? "muted" : "code",
             nobwd                               ? "no backward kernel"
             : p->bwd_formula && *p->bwd_formula ? p->bwd_formula
                                                 : "\u2014");
    tab_cell(t, NULL, p->dead_side ? p->dead_side : nobwd ? "\u2014" : "none");
  }
  return t;
}

/* ---- the overview on the index */

/* The best of ours (peer 0) or of the peers (peer 1): the smallest max ULP of
 * f, the largest fwd throughput at the largest n. */
static const char *best_accuracy(const rep_act *a, int peer) {
  const char *acc = "\u2014";
  if (!a->acc) return acc;
  double best = INFINITY;
  for (size_t j = 0; j < a->acc->nimpls; j++) {
    const rep_acc_impl *p = &a->acc->impls[j];
    if (!p->available || rep_origin_is_ours(p->origin) == peer) continue;
    if (p->fwd.max_ulp < best) {
      best = p->fwd.max_ulp;
      acc = rep_printf("%s (%s)", p->name, fulp_note(best, p->fwd.max_ulp_note));
    }
  }
  return acc;
}

static const char *best_speed(const rep_act *a, int peer) {
  const char *spd = "\u2014";
  if (!a->spd) return spd;
  double best = 0;
  long long nmax = 0;
  for (size_t j = 0; j < a->spd->nimpls; j++)
    for (size_t k = 0; k < a->spd->impls[j].npoints; k++)
      if (a->spd->impls[j].points[k].n > nmax) nmax = a->spd->impls[j].points[k].n;
  for (size_t j = 0; j < a->spd->nimpls; j++) {
    const rep_spd_impl *p = &a->spd->impls[j];
    const char *origin = p->origin ? p->origin : a->names[rep_impl_index(a, p->name)].origin;
    if (rep_origin_is_ours(origin) == peer) continue;
    for (size_t k = 0; k < p->npoints; k++) {
      const rep_point *q = &p->points[k];
      if (q->n == nmax && isfinite(q->ips[0]) && q->ips[0] > best) {
        best = q->ips[0];
        spd = rep_printf("%s (%.3g G/s at n = %lld)", p->name, best / 1e9, nmax);
      }
    }
  }
  return spd;
}

static table *overview_table(const rep_model *m) {
  table *t = tab_new(7, "activation", "implementations", "most accurate f: ours (max ULP)",
                     "most accurate f: peers", "fastest f: ours (largest n)", "fastest f: peers",
                     "exact f\u2032 rounds to 0 from");
  int group = -1;
  for (size_t i = 0; i < m->nacts; i++) {
    const rep_act *a = &m->acts[i];
    int g = rep_act_is_seed(a) ? 0 : 1;
    if (g != group) {
      tab_row(t);
      tab_cell(t, "group", g ? "the family added to the seed" : "the seed's four");
      group = g;
    }
    tab_row(t);
    tab_cell(t, NULL, a->name);
    size_t ours = 0;
    for (size_t j = 0; j < a->nnames; j++) ours += rep_origin_is_ours(a->names[j].origin);
    tab_cell(t, "num",
             a->nnames ? rep_printf("%zu ours, %zu peer%s", ours, a->nnames - ours,
                                    a->nnames - ours == 1 ? "" : "s")
                       : "none");
    tab_cell(t, NULL, best_accuracy(a, 0));
    tab_cell(t, NULL, best_accuracy(a, 1));
    tab_cell(t, NULL, best_speed(a, 0));
    tab_cell(t, NULL, best_speed(a, 1));
    tab_cell(
        t, "num",
        a->sat ? rep_printf("%s / %s", fpair(a->sat->exact_zero.neg), fpair(a->sat->exact_zero.pos))
               : "\u2014");
  }
  return t;
}

const char *const conventions =
    "ULP error as in docs/accuracy.md: the exact value from MPFR for the float input, "
    "ulp(y) = 2^max(e - 24, -149) for 2^(e-1) <= |y| < 2^e; correctly rounded means "
    "bit-for-bit equal to RN(exact). Special-value failures (NaN for a number, a number for "
    "NaN, a wrong infinity) are counted apart and left out of the means. At a kink the "
    "derivative follows the major frameworks: relu'(0) = 0, leaky_relu'(0) = a. "
    "Throughput: items_per_second of Google Benchmark in G elements/s, the median of the "
    "repetitions (\u00b1 half their interquartile range); bytes counted from what each kernel "
    "reads and writes: 8 per element forward (x in, y out), backward 12 (dy and one of x or y "
    "in, dx out) or 16 (x, y and dy in). The memory limit is the bytes/s of the baseline "
    "memory.copy (a copy of x to y) at the same n, drawn as the elements/s a kernel would "
    "reach at that bandwidth (bytes/s / 8 forward, / 12 backward); % of copy bandwidth is a "
    "kernel's bytes/s over the copy's. Ours: origin "
    "actbench, solid lines in the figures; peers (the library in the origin column: libm, "
    "SLEEF, oneDNN, XNNPACK): dashed. An implementation without a backward kernel (XNNPACK) "
    "has no f\u2032 measurements.";

/* ---- choosing a kernel: the comparison, the classes, the front */

/* An implementation's name without its activation (the page says it), a
 * peer's library after it. */
const char *short_name(const rep_act *a, const char *impl, const char *origin) {
  size_t n = strlen(a->name);
  const char *s = impl;
  if (!strncmp(impl, a->name, n) && impl[n] == '.' && impl[n + 1]) s = impl + n + 1;
  return rep_origin_is_ours(origin) ? s : rep_printf("%s [%s]", s, origin);
}

const char *gps(double ips) {
  return isfinite(ips) ? rep_printf("%.3g G/s", ips / 1e9) : "\u2014";
}

/* "n = 4096 (L1)" */
const char *rank_size_str(const rep_act *a) {
  if (!a->rank_n) return "no size measured";
  return a->rank_cls ? rep_printf("n = %lld (%s)", a->rank_n, a->rank_cls)
                     : rep_printf("n = %lld", a->rank_n);
}

const char *class_name(int c) {
  return isinf(rep_class_bound[c]) ? "any error" : rep_printf("\u2264 %g ULP", rep_class_bound[c]);
}

/* The sizes measured for an activation, sorted, with their classes. */
static size_t act_sizes(const rep_act *a, long long *ns, const char **cls, size_t cap) {
  size_t nn = 0;
  for (size_t j = 0; a->spd && j < a->spd->nimpls; j++)
    for (size_t k = 0; k < a->spd->impls[j].npoints; k++) {
      const rep_point *q = &a->spd->impls[j].points[k];
      size_t i = 0;
      while (i < nn && ns[i] < q->n) i++;
      if (i < nn && ns[i] == q->n && !cls[i]) cls[i] = q->size_class;
      if ((i < nn && ns[i] == q->n) || nn == cap) continue;
      memmove(&ns[i + 1], &ns[i], (nn - i) * sizeof *ns);
      memmove(&cls[i + 1], &cls[i], (nn - i) * sizeof *cls);
      ns[i] = q->n;
      cls[i] = q->size_class;
      nn++;
    }
  return nn;
}

const rep_acc_impl *acc_impl(const rep_act *a, const char *name) {
  for (size_t j = 0; a->acc && j < a->acc->nimpls; j++)
    if (!strcmp(a->acc->impls[j].name, name)) return &a->acc->impls[j];
  return NULL;
}

const rep_sat_impl *sat_impl(const rep_act *a, const char *name) {
  for (size_t j = 0; a->sat && j < a->sat->nimpls; j++)
    if (!strcmp(a->sat->impls[j].name, name)) return &a->sat->impls[j];
  return NULL;
}

const rep_spd_impl *spd_impl_of(const rep_act *a, const char *name) {
  for (size_t j = 0; a->spd && j < a->spd->nimpls; j++)
    if (!strcmp(a->spd->impls[j].name, name)) return &a->spd->impls[j];
  return NULL;
}

/* the accuracy class of a core max ULP: "<= 1 ULP", ..., "any" */
static const char *class_of(double ulp) {
  if (isnan(ulp)) return "\u2014";
  for (int c = 0; c < REP_NCLASSES - 1; c++)
    if (ulp <= rep_class_bound[c]) return rep_printf("\u2264 %g", rep_class_bound[c]);
  return "> 4";
}

/* The three files joined: per implementation a row for f and one for f',
 * sortable, filterable by origin, isa, direction and accuracy class, folded
 * beyond its first rows. */
static table *comparison_table(const rep_act *a) {
  long long ns[64];
  const char *cls[64];
  size_t nn = act_sizes(a, ns, cls, 64);
  size_t ncols = 5 + nn + (a->acc ? 8 : 0) + (a->sat ? 2 : 0);
  const char **head = rep_alloc(ncols * sizeof *head);
  size_t h = 0;
  head[h++] = "implementation";
  head[h++] = "origin";
  head[h++] = "isa";
  head[h++] = "";
  head[h++] = "class (core ULP)";
  for (size_t i = 0; i < nn; i++)
    head[h++] = cls[i] && strcmp(cls[i], "custom")
                    ? rep_printf("G/s at %s, n = %lld", cls[i], ns[i])
                    : rep_printf("G/s at n = %lld", ns[i]);
  if (a->acc) {
    head[h++] = "core max ULP";
    head[h++] = "max ULP (all inputs)";
    head[h++] = "mean ULP";
    head[h++] = "core mean ULP";
    head[h++] = "tails";
    head[h++] = "correctly rounded";
    head[h++] = "special-value failures";
    head[h++] = "verdict";
  }
  if (a->sat) {
    head[h++] = "saturates from, x < 0";
    head[h++] = "saturates from, x > 0";
  }
  table *t = tab_new_v(ncols, head);
  t->sortable = 1;
  t->collapse = 12;
  t->id = "every";
  doc_table_filter(t, 1, "origin");
  doc_table_filter(t, 2, "isa");
  doc_table_filter(t, 3, "direction");
  doc_table_filter(t, 4, "class");
  t->head_tip[4] = "the accuracy class of its max ULP error over the core";
  /* the fastest at each size and direction in bold */
  double(*best)[2] = rep_alloc((nn ? nn : 1) * sizeof *best);
  for (size_t j = 0; a->spd && j < a->spd->nimpls; j++)
    for (size_t k = 0; k < a->spd->impls[j].npoints; k++) {
      const rep_point *q = &a->spd->impls[j].points[k];
      for (size_t i = 0; i < nn; i++)
        if (ns[i] == q->n)
          for (int d = 0; d < 2; d++)
            if (isfinite(q->ips[d])) best[i][d] = fmax(best[i][d], q->ips[d]);
    }
  for (size_t k = 0; k < a->nnames; k++) {
    const rep_name *nm = &a->names[k];
    const rep_acc_impl *ac = acc_impl(a, nm->name);
    const rep_sat_impl *sa = sat_impl(a, nm->name);
    const rep_spd_impl *sp = spd_impl_of(a, nm->name);
    const char *isa = ac && ac->isa ? ac->isa : sa && sa->isa ? sa->isa : sp ? sp->isa : NULL;
    int unavailable = (ac && !ac->available) || (sa && !sa->available) || (sp && !sp->available);
    const char *reason = ac && ac->reason ? ac->reason : sa && sa->reason ? sa->reason : NULL;
    int rows = unavailable ? 1 : 2;
    for (int d = 0; d < rows; d++) {
      tab_row(t);
      tab_cell(t, "code", nm->name);
      tab_cell(t, NULL, fstr(nm->origin));
      tab_cell(t, NULL, fstr(isa));
      if (unavailable) {
        tab_cell(t, "muted",
                 reason ? rep_printf("not available: %s", reason)
                        : "not available on the machine that ran the suites");
        continue;
      }
      tab_cell(t, NULL, d ? "f\u2032" : "f");
      if (d && nm->bwd == 0) {
        tab_cell(t, "muted", "no backward kernel");
        continue;
      }
      const rep_stats *s = ac && (!d || ac->has_bwd) ? (d ? &ac->bwd : &ac->fwd) : NULL;
      double core = s ? (s->has_core && !isnan(s->core_max_ulp) ? s->core_max_ulp : s->max_ulp) : NAN;
      tab_num(t, NULL, class_of(core), core);
      for (size_t i = 0; i < nn; i++) {
        const rep_point *q = NULL;
        for (size_t p = 0; sp && p < sp->npoints; p++)
          if (sp->points[p].n == ns[i]) q = &sp->points[p];
        double v = q ? q->ips[d] : NAN;
        cell *c = tab_num(t,
                          !isfinite(v)                       ? "num muted"
                          : v >= best[i][d] && a->nnames > 1 ? "num best"
                                                             : "num",
                          isfinite(v) ? rep_printf("%.3g", v / 1e9) : "\u2014", v);
        if (isfinite(v) && isfinite(q->ips_q1[d]) && isfinite(q->ips_q3[d]) && v > 0) {
          c->sub = rep_printf("\u00b1%.1f%%", 50 * (q->ips_q3[d] - q->ips_q1[d]) / v);
          c->tip = rep_printf("median of %d repetitions; quartiles %.4g and %.4g G/s", q->nrep[d],
                              q->ips_q1[d] / 1e9, q->ips_q3[d] / 1e9);
        }
      }
      if (a->acc) {
        if (!s) {
          for (int c = 0; c < 8; c++) tab_cell(t, "num muted", "\u2014");
        } else {
          cell *c = tab_num(t, s->has_core ? "num" : "num muted",
                            s->has_core ? fulp_note(s->core_max_ulp, s->core_max_ulp_note) : "\u2014",
                            s->has_core ? s->core_max_ulp : NAN);
          if (s->has_core && s->core_max_ulp > 0 && s->core_max_ulp_x)
            c->tip = rep_printf("at x = %s", s->core_max_ulp_x);
          c = tab_num(t, "num", fulp_note(s->max_ulp, s->max_ulp_note), s->max_ulp);
          if (s->max_ulp > 0 && s->max_ulp_x) c->tip = rep_printf("at x = %s", s->max_ulp_x);
          tab_num(t, "num", fulp(s->mean_ulp), s->mean_ulp);
          tab_num(t, s->has_core ? "num" : "num muted",
                  s->has_core ? fulp(s->core_mean_ulp) : "\u2014",
                  s->has_core ? s->core_mean_ulp : NAN);
          tails_cell(t, s);
          tab_num(t, "num", fpct(s->cr_fraction), s->cr_fraction);
          tab_num(t, s->special_failures > 0 ? "num bad" : "num", fcount(s->special_failures),
                  s->special_failures);
          verdict_cell(t, s);
        }
      }
      if (a->sat) {
        if (!sa) {
          tab_cell(t, "num muted", "\u2014");
          tab_cell(t, "num muted", "\u2014");
        } else if (!d) {
          /* f: where it reaches its asymptote */
          tab_num(t, "num", sa->f_asymptote.neg ? sa->f_asymptote.neg : "\u2014",
                  rep_parse_x(sa->f_asymptote.neg));
          tab_num(t, "num", sa->f_asymptote.pos ? sa->f_asymptote.pos : "\u2014",
                  rep_parse_x(sa->f_asymptote.pos));
        } else {
          /* f': where it is computed as exactly 0 */
          const char *xs[2] = {sa->grad_zero.neg, sa->grad_zero.pos};
          int pre[2] = {sa->premature_neg, sa->premature_pos};
          for (int side = 0; side < 2; side++) {
            cell *c = tab_num(t, pre[side] ? "num bad" : "num", xs[side] ? xs[side] : "never",
                              xs[side] ? rep_parse_x(xs[side]) : (side ? INFINITY : -INFINITY));
            if (pre[side]) c->sub = "premature";
          }
        }
      }
    }
  }
  return t;
}

static const char *const comparison_note =
    "A row for f (forward) and one for f\u2032 (backward) per implementation, from the three "
    "results files; a click on a heading sorts, the selects above filter, the first rows are "
    "shown (the button below shows all). Throughput in G elements/s at each size (the median "
    "of the repetitions, \u00b1 half their interquartile range; the fastest in bold); the "
    "max ULP error over the core (the inputs whose exact result is 0 or a normal float) and "
    "its class, and over all inputs (beside a max that is a result of the wrong kind, what "
    "happened: \u201c0 for 2.9e-39\u201d is 0 where the exact value is 2.9e-39); the tails (Z 0 "
    "for a subnormal exact result, P 0 or the limit while the exact result is a normal float, "
    "N NaN for a number, I a wrong infinity, D a subnormal input treated as 0, S a zero of the "
    "wrong sign; their intervals of x under Accuracy); the fraction correctly rounded, "
    "special-value failures, the verdict against the claim (ours) or the documented bound (a "
    "library's), and where it saturates: the first x, going out from 0, where the computed f "
    "equals its asymptote (row f) and where the computed f\u2032 is exactly 0 (row f\u2032; "
    "premature where the exact f\u2032 is not 0 there).";

/* A class's winner as a cell: the name, and its throughput and error. */
/* What a kernel's point says beside its name: its throughput with the
 * spread of the repetitions, the core's max ULP and the max over all inputs,
 * its tails and special-value failures, so that none of them can hide. */
const char *kpoint_text(const rep_kpoint *w) {
  const char *spd = gps(w->ips);
  if (isfinite(w->q1) && isfinite(w->q3) && w->ips > 0)
    spd = rep_printf("%s \u00b1%.1f%%", spd, 50 * (w->q3 - w->q1) / w->ips);
  const char *acc = w->has_core ? rep_printf("core %s ULP", fulp_note(w->ulp, w->note))
                                : rep_printf("max %s ULP", fulp_note(w->ulp, w->note));
  if (w->has_core && !(w->all == w->ulp))
    acc = rep_printf("%s, all inputs %s", acc, fulp(w->all));
  const char *marks = w->tails && *w->tails ? rep_printf("; tails %s", w->tails) : "";
  if (w->verdict == 1) marks = rep_printf("%s; exceeds its bound", marks);
  return rep_printf("%s; %s%s%s", spd, acc, marks,
                    w->special > 0 ? rep_printf("; %s special-value failure%s", fcount(w->special),
                                                w->special == 1 ? "" : "s")
                                   : "");
}

void winner_cell(table *t, const rep_act *a, const rep_kpoint *w, const rep_kpoint *tighter) {
  if (!w) {
    tab_cell(t, "muted", "none this accurate");
    return;
  }
  cell *c = tab_cell(t, tighter == w ? "code muted" : "code", short_name(a, w->name, w->origin));
  c->sub = kpoint_text(w);
  c->tip = tighter == w ? "the same as the class before" : w->name;
}

/* The activation page's ranking: per class, the winner in each direction,
 * and how many kernels are in the class. */
static table *classes_table(const rep_act *a) {
  table *t = tab_new(3, "accuracy class (max ULP over the core)", "f: the fastest",
                     "f\u2032: the fastest");
  rep_kpoint *p[2];
  size_t n[2];
  for (int d = 0; d < 2; d++) {
    p[d] = rep_alloc((a->nnames + 1) * sizeof *p[d]);
    n[d] = rep_kernel_points(a, d, p[d]);
  }
  const rep_kpoint *prev[2] = {NULL, NULL};
  for (int c = 0; c < REP_NCLASSES; c++) {
    tab_row(t);
    cell *cc = tab_cell(t, NULL, class_name(c));
    size_t m[2] = {0, 0};
    for (int d = 0; d < 2; d++)
      for (size_t i = 0; i < n[d]; i++)
        m[d] += !isnan(p[d][i].ips) && p[d][i].ulp <= rep_class_bound[c];
    cc->sub = rep_printf("%zu kernels f, %zu f\u2032", m[0], m[1]);
    for (int d = 0; d < 2; d++) {
      const rep_kpoint *w = rep_class_winner(p[d], n[d], rep_class_bound[c]);
      winner_cell(t, a, w, prev[d]);
      prev[d] = w;
    }
  }
  return t;
}

/* The front page's ranking: per activation and direction, the winner of each
 * class. */
table *ranking_table(const rep_model *m) {
  const char **head = rep_alloc((2 + REP_NCLASSES) * sizeof *head);
  head[0] = "activation";
  head[1] = "";
  for (int c = 0; c < REP_NCLASSES; c++) head[2 + c] = class_name(c);
  table *t = tab_new_v(2 + REP_NCLASSES, head);
  for (size_t i = 0; i < m->nacts; i++) {
    const rep_act *a = &m->acts[i];
    if (!a->acc || !a->spd) continue;
    for (int d = 0; d < 2; d++) {
      rep_kpoint *p = rep_alloc((a->nnames + 1) * sizeof *p);
      size_t n = rep_kernel_points(a, d, p);
      int any = 0;
      for (size_t k = 0; k < n; k++) any |= !isnan(p[k].ips) && !isnan(p[k].ulp);
      if (d && !any) continue;
      tab_row(t);
      if (d) {
        tab_covered(t);
      } else {
        cell *c = tab_cell(t, NULL, a->name);
        c->link = rep_printf("%s.html", a->stem);
        c->sub = rep_printf("at %s", rank_size_str(a));
        c->rowspan = 2;
      }
      tab_cell(t, NULL, d ? "f\u2032" : "f");
      const rep_kpoint *prev = NULL;
      for (int c = 0; c < REP_NCLASSES; c++) {
        const rep_kpoint *w = rep_class_winner(p, n, rep_class_bound[c]);
        winner_cell(t, a, w, prev);
        prev = w;
      }
    }
  }
  return t;
}

const char *ranking_note(const rep_model *m) {
  return rep_printf(
      "For each activation, the fastest kernel whose max ULP error over the core (the inputs "
      "whose exact result is 0 or a normal float; accuracy.json) is within each bound, at the "
      "size %s of speed.json (actbench report --size chooses another; where an activation was "
      "not measured at it, the smallest size measured, said under its name), forward (f) and "
      "backward (f\u2032). Beside each: its throughput \u00b1 half the interquartile range of "
      "the repetitions, its max over all inputs where that is larger, and its tails (Z 0 for a "
      "subnormal result, P 0 or the limit too early, N NaN for a number, I a wrong infinity, D "
      "a subnormal input taken as 0, S a zero of the wrong sign), so that a kernel that flushes "
      "or returns NaN cannot hide behind its core; a class's winner, greyed, is the same as the "
      "class before. Files without a core are ranked by the max over all inputs.",
      m->rank_size ? m->rank_size : "L1");
}

/* The Pareto front of one direction, from the most accurate to the fastest. */
static table *front_table(const rep_act *a, int dir, size_t *count) {
  table *t = tab_new(6, "#", "implementation", "origin", "max ULP",
                     rep_printf("G/s at %s", rank_size_str(a)), "special-value failures");
  rep_kpoint *p = rep_alloc((a->nnames + 1) * sizeof *p);
  size_t n = rep_kernel_points(a, dir, p);
  const rep_kpoint **f = rep_alloc((n + 1) * sizeof *f);
  size_t nf = 0;
  for (size_t i = 0; i < n; i++)
    if (p[i].front) f[nf++] = &p[i];
  for (size_t i = 1; i < nf; i++)
    for (size_t j = i; j > 0 && (f[j - 1]->ulp > f[j]->ulp ||
                                 (f[j - 1]->ulp == f[j]->ulp && f[j - 1]->ips < f[j]->ips));
         j--) {
      const rep_kpoint *x = f[j];
      f[j] = f[j - 1];
      f[j - 1] = x;
    }
  for (size_t i = 0; i < nf; i++) {
    tab_row(t);
    tab_cell(t, "num", rep_printf("%zu", f[i]->idx + 1));
    tab_cell(t, "code", f[i]->name);
    tab_cell(t, NULL, fstr(f[i]->origin));
    tab_cell(t, "num", fulp_note(f[i]->ulp, f[i]->note));
    tab_cell(t, "num", gps(f[i]->ips));
    tab_cell(t, f[i]->special > 0 ? "num bad" : "num", fcount(f[i]->special));
  }
  *count = nf;
  return t;
}

/* What is on neither axis of the chart: measured for one but not the other. */
static const char *pareto_missing(const rep_act *a) {
  const char *s = "";
  for (int d = 0; d < 2; d++) {
    rep_kpoint *p = rep_alloc((a->nnames + 1) * sizeof *p);
    size_t n = rep_kernel_points(a, d, p);
    for (size_t i = 0; i < n; i++) {
      if (!isnan(p[i].ulp) && !isnan(p[i].ips)) continue;
      s = rep_printf("%s%s#%zu %s (%s: %s)", s, *s ? "; " : "", p[i].idx + 1, p[i].name,
                     d ? "f\u2032" : "f",
                     isnan(p[i].ips) ? rep_printf("not measured at %s", rank_size_str(a))
                                     : "no accuracy measurement");
    }
  }
  return *s ? rep_printf("Not on the chart: %s.", s) : NULL;
}

/* ---- accuracy: the histogram and the worst inputs */

static const char *hbin_name(const rep_hbin *b) {
  if (b->lo == 0) return rep_printf("\u2264 %g", b->hi);
  if (isinf(b->hi)) return rep_printf("> %g", b->lo);
  return rep_printf("(%g, %g]", b->lo, b->hi);
}

/* Inputs per error bin, one row per implementation; NULL when the file has
 * no histograms. */
static table *histogram_table(const rep_act *a, int dir) {
  const rep_acc_impl *widest = NULL;
  for (size_t j = 0; j < a->acc->nimpls; j++) {
    const rep_acc_impl *p = &a->acc->impls[j];
    if (!p->available || (dir && !p->has_bwd)) continue;
    const rep_stats *s = dir ? &p->bwd : &p->fwd;
    if (s->hist && (!widest || s->nhist > (dir ? widest->bwd.nhist : widest->fwd.nhist)))
      widest = p;
  }
  if (!widest) return NULL;
  const rep_stats *ws = dir ? &widest->bwd : &widest->fwd;
  size_t nb = ws->nhist;
  const char **head = rep_alloc((nb + 4) * sizeof *head);
  head[0] = "#";
  head[1] = "implementation";
  for (size_t b = 0; b < nb; b++) head[2 + b] = rep_printf("%s ULP", hbin_name(&ws->hist[b]));
  head[2 + nb] = "special-value failures";
  head[3 + nb] = "inputs";
  table *t = tab_new_v(nb + 4, head);
  for (size_t k = 0; k < a->nnames; k++) {
    const rep_acc_impl *p = acc_impl(a, a->names[k].name);
    if (!p || !p->available || (dir && !p->has_bwd)) continue;
    const rep_stats *s = dir ? &p->bwd : &p->fwd;
    if (!s->hist) continue;
    double total = 0;
    for (size_t b = 0; b < s->nhist; b++) total += s->hist[b].count;
    if (s->special_failures > 0) total += s->special_failures;
    tab_row(t);
    tab_cell(t, "num", rep_printf("%zu", k + 1));
    tab_cell(t, "code", p->name);
    for (size_t b = 0; b < nb; b++) {
      double c = b < s->nhist ? s->hist[b].count : 0;
      cell *x = tab_cell(t, c > 0 ? "num" : "num muted", fcount(c));
      if (c > 0 && total > 0) x->sub = fpct(c / total);
    }
    tab_cell(t, s->special_failures > 0 ? "num bad" : "num", fcount(s->special_failures));
    tab_cell(t, "num", fcount(isfinite(s->inputs) ? s->inputs : total));
  }
  return t;
}

static table *worst_table(const rep_stats *s) {
  table *t = tab_new(5, "x", "x (hex)", "ULP error", "got", "correctly rounded");
  for (size_t k = 0; k < s->nworst; k++) {
    const rep_worst *w = &s->worst[k];
    tab_row(t);
    tab_cell(t, "num", fstr(w->x));
    tab_cell(t, "num code", fstr(w->x_hex));
    tab_cell(t, "num", fulp(w->ulp));
    tab_cell(t, "num", fstr(w->got));
    tab_cell(t, "num", fstr(w->want));
  }
  return t;
}

/* The binades of x where not every input is correctly rounded. */
static table *binade_table(const rep_stats *s, size_t *rows) {
  table *t =
      tab_new(6, "sign", "binade of x", "inputs", "correctly rounded", "max ULP", "mean ULP");
  *rows = 0;
  for (size_t k = 0; k < s->nbinades; k++) {
    const rep_binade *b = &s->binades[k];
    if (b->cr >= b->inputs) continue;
    char *end;
    long e = strtol(b->exponent, &end, 10);
    tab_row(t);
    tab_cell(t, NULL, b->sign);
    tab_cell(t, "num", *end ? b->exponent : rep_printf("2^%ld \u2264 |x| < 2^%ld", e, e + 1));
    tab_cell(t, "num", fcount(b->inputs));
    tab_cell(t, "num", fpct(b->inputs > 0 ? b->cr / b->inputs : NAN));
    tab_cell(t, "num", fulp(b->max_ulp));
    tab_cell(t, "num", fulp(b->mean_ulp));
    ++*rows;
  }
  return t;
}

/* ---- where the figures come from */


/* The commands behind a figure: the suites' runs that wrote its data, the
 * report that drew it, and the gnuplot that redraws it. */
typedef struct {
  const char *data[REP_NFILES]; /* "actbench speed ... (speed.json, date)", NULL: not used */
  const char *report, *redraw;
} fig_cmds;

static fig_cmds figure_commands(const rep_model *m, const char *stem, int sources) {
  fig_cmds c;
  memset(&c, 0, sizeof c);
  for (int k = 0; k < REP_NFILES; k++) {
    if (!(sources & (1 << k)) || !m->files[k].doc) continue;
    const char *cmd = rep_file_command(m, k), *date = rep_file_date(m, k);
    c.data[k] = rep_printf("%s", cmd ? cmd : "(the results file does not say)");
    (void)date;
  }
  c.report = m->report_cmd;
  c.redraw = rep_printf("cd %s && gnuplot gp/%s.gp", m->out_dir ? m->out_dir : "report", stem);
  return c;
}

void code(FILE *f, const char *s) {
  fputs("<code>", f);
  html(f, s);
  fputs("</code>", f);
}

void figure_html(FILE *f, const rep_model *m, const char *stem, const char *caption,
                        int sources) {
  if (!stem) return;
  /* the PNG at the size it was drawn (no scaling: every label as gnuplot
   * set it), the SVG one click away */
  int w = 900, h = 0;
  rep_fig_size(stem, &w, &h);
  fputs("<figure><a href=\"", f);
  href(f, rep_printf("fig/%s.svg", stem));
  fputs("\"><img src=\"", f);
  href(f, rep_printf("fig/%s.png", stem));
  fputs("\" alt=\"", f);
  html(f, caption);
  fprintf(f, "\" width=\"%d\"", w);
  if (h > 0) fprintf(f, " height=\"%d\"", h);
  fputs("></a>\n<figcaption>", f);
  html(f, caption);
  fputs(" \u2014 <a href=\"", f);
  href(f, rep_printf("fig/%s.png", stem));
  fputs("\">PNG</a> \u00b7 <a href=\"", f);
  href(f, rep_printf("fig/%s.svg", stem));
  fputs("\">SVG</a> \u00b7 <a href=\"", f);
  href(f, rep_printf("gp/%s.gp", stem));
  fputs("\">gnuplot script</a>\n<small>", f);
  fig_cmds c = figure_commands(m, stem, sources);
  for (int k = 0; k < REP_NFILES; k++) {
    if (!c.data[k]) continue;
    fprintf(f, "%s: ", file_label[k]);
    code(f, c.data[k]);
    const char *date = rep_date_str(rep_file_date(m, k));
    if (date) fprintf(f, " (%s)", date);
    fputs("<br>", f);
  }
  fputs("drawn by ", f);
  code(f, c.report);
  fputs("; redraw: ", f);
  code(f, c.redraw);
  fputs("</small></figcaption></figure>\n", f);
}

void figure_md(FILE *f, const rep_model *m, const char *stem, const char *caption,
                      int sources) {
  if (!stem) return;
  fputs("![", f);
  md(f, caption);
  fprintf(f, "](fig/%s.png)\n\n", stem);
  fig_cmds c = figure_commands(m, stem, sources);
  for (int k = 0; k < REP_NFILES; k++)
    if (c.data[k]) fprintf(f, "%s: `%s`  \n", file_label[k], c.data[k]);
  fprintf(f, "drawn by `%s`; redraw: `%s`\n\n", c.report, c.redraw);
}

void p_note(FILE *f, const char *text) {
  fputs("<p class=\"note\">", f);
  html(f, text);
  fputs("</p>\n", f);
}

void md_note(FILE *f, const char *text) {
  md(f, text);
  fputs("\n\n", f);
}

/* ---- the machine, on every page */

void context_html(FILE *f, const rep_model *m) {
  ctx_lines c = context_lines(m);
  fputs("<div class=\"ctx\"><b>Machine:</b> ", f);
  html(f, c.machine);
  fputs("<br>\n<b>Software:</b> ", f);
  html(f, c.software);
  fputs("<br>\n<b>Results:</b> ", f);
  html(f, c.dates);
  fputs("; this report rendered ", f);
  html(f, now_utc());
  fputs(" by ", f);
  code(f, m->report_cmd);
  if (c.speed_run) {
    fputs("<br>\n<b>Speed run:</b> ", f);
    html(f, c.speed_run);
  }
  for (size_t i = 0; i < c.nwarnings; i++) {
    fputs("<br>\n<span class=\"warn\">Warning (speed run): ", f);
    html(f, c.warnings[i]);
    fputs("</span>", f);
  }
  if (c.features) {
    fprintf(f, "\n<details><summary>CPU features (%zu)</summary><code>", c.nfeatures);
    html(f, c.features);
    fputs("</code></details>", f);
  }
  fputs("</div>\n", f);
}

void context_md(FILE *f, const rep_model *m) {
  ctx_lines c = context_lines(m);
  fputs("- **Machine**: ", f);
  md(f, c.machine);
  fputs("\n- **Software**: ", f);
  md(f, c.software);
  fputs("\n- **Results**: ", f);
  md(f, c.dates);
  fprintf(f, "; rendered %s by `%s`\n", now_utc(), m->report_cmd);
  if (c.speed_run) {
    fputs("- **Speed run**: ", f);
    md(f, c.speed_run);
    fputc('\n', f);
  }
  for (size_t i = 0; i < c.nwarnings; i++) {
    fputs("- **Warning (speed run)**: ", f);
    md(f, c.warnings[i]);
    fputc('\n', f);
  }
  if (c.features) {
    fprintf(f, "- **CPU features** (%zu): ", c.nfeatures);
    md(f, c.features);
    fputc('\n', f);
  }
  fputc('\n', f);
}

/* ---- the sections of an activation's page
 *
 * A page is the list of sections below, in order; a section that has
 * nothing to show for an activation is left out, of the page and of its
 * contents line.  A new kind of results (a new suite) adds a section here,
 * and its figures in report_plot.c. */

typedef struct {
  const char *id, *title;
  int (*has)(const rep_model *m, const rep_act *a);
  void (*html)(FILE *f, const rep_model *m, const rep_act *a);
  void (*md)(FILE *f, const rep_model *m, const rep_act *a);
  int md_details; /* in summary.md, folded in a <details> element */
} act_section;

static int has_ranking(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->acc && a->spd && a->rank_n;
}

static void choice_html(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  p_note(f, rep_printf("The fastest kernel at %s whose max ULP error over the core (the inputs "
                       "whose exact result is 0 or a normal float) is within each bound, forward "
                       "(f) and backward (f\u2032), with its max over all inputs and its tails "
                       "beside it (Z flushes to 0, P saturates early, N NaN for a number, I a "
                       "wrong infinity). A winner greyed is the same as the class before.",
                       rank_size_str(a)));
  if (a->rank_note) p_note(f, a->rank_note);
  tab_html(f, classes_table(a), NULL);
}

static void choice_md(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  md_note(f, rep_printf("The fastest kernel at %s within each bound of max ULP error over the core.",
                        rank_size_str(a)));
  if (a->rank_note) md_note(f, a->rank_note);
  tab_md(f, classes_table(a));
}

static int has_comparison(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->nnames > 0;
}

static void comparison_html(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  p_note(f, comparison_note);
  tokens_html(f, a);
  tab_html(f, comparison_table(a), "compact");
}

static void comparison_md(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  tab_md(f, comparison_table(a));
}

static int has_pareto(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->fig_pareto != NULL;
}

static const char *const pareto_note =
    "Each kernel is a point: its measured max ULP error (log scale; an error of 0, correctly "
    "rounded everywhere, is drawn at 0.25 ULP) against its throughput. The Pareto front, "
    "ringed and joined, is the kernels that no other beats on both: none is at least as fast "
    "and at most as inaccurate. The steps show the best throughput to be had at each error.";

static void pareto_html(FILE *f, const rep_model *m, const rep_act *a) {
  figure_html(
      f, m, a->fig_pareto,
      rep_printf("throughput at %s against max ULP error, forward and backward", rank_size_str(a)),
      SRC_SPEED | SRC_ACC);
  p_note(f, pareto_note);
  const char *miss = pareto_missing(a);
  if (miss) p_note(f, miss);
  for (int d = 0; d < 2; d++) {
    size_t n;
    table *t = front_table(a, d, &n);
    if (!n) continue;
    fprintf(f, "<details><summary>The front, %s: %zu kernels</summary>\n",
            d ? "f\u2032 (backward)" : "f (forward)", n);
    tab_html(f, t, NULL);
    fputs("</details>\n", f);
  }
}

static void pareto_md(FILE *f, const rep_model *m, const rep_act *a) {
  figure_md(f, m, a->fig_pareto,
            rep_printf("throughput at %s against max ULP error", rank_size_str(a)),
            SRC_SPEED | SRC_ACC);
  for (int d = 0; d < 2; d++) {
    size_t n;
    table *t = front_table(a, d, &n);
    if (!n) continue;
    fprintf(f, "The Pareto front, %s:\n\n", d ? "f\u2032 (backward)" : "f (forward)");
    tab_md(f, t);
  }
}

/* one kind's intervals of x */
static table *intervals_table(const rep_tail *r) {
  table *t = tab_new(6, "from x", "to x", "inputs", "example (hex)", "got", "correctly rounded");
  for (size_t k = 0; k < r->niv; k++) {
    const rep_interval *v = &r->iv[k];
    tab_row(t);
    cell *c = tab_cell(t, "num", fstr(v->lo));
    c->tip = v->lo_hex;
    c = tab_cell(t, "num", fstr(v->hi));
    c->tip = v->hi_hex;
    c = tab_cell(t, "num", fcount(v->count));
    if (v->coalesced) c->sub = "coalesced: others among them";
    tab_cell(t, "code", fstr(v->example_hex));
    tab_cell(t, "num", fstr(v->example_got));
    tab_cell(t, "num", fstr(v->example_want));
  }
  return t;
}

/* the tails and the exceeded claims of one implementation in one direction,
 * in a details element; nothing when there are none (or an older file) */
static void tails_details(FILE *f, int as_md, size_t num, const rep_acc_impl *p, int d) {
  const rep_stats *s = d ? &p->bwd : &p->fwd;
  if (!s->ntails && !s->exceeds.niv) return;
  fputs("<details><summary>", f);
  if (as_md) {
    fprintf(f, "#%zu ", num);
    md(f, p->name);
  } else {
    fprintf(f, "#%zu <code>", num);
    html(f, p->name);
    fputs("</code>", f);
  }
  fprintf(f, ", %s: ", d ? "f\u2032" : "f");
  if (as_md)
    md(f, s->summary ? s->summary : "tails");
  else
    html(f, s->summary ? s->summary : "tails");
  fputs(as_md ? "</summary>\n\n" : "</summary>\n", f);
  for (size_t k = 0; k <= s->ntails; k++) {
    const rep_tail *r = k < s->ntails ? &s->tails[k] : &s->exceeds;
    if (!r->niv) continue;
    const char *what =
        k < s->ntails ? rep_printf("%s (%s inputs)", tail_text(r->kind), fcount(r->count))
                      : rep_printf("%s", s->verdict_text ? s->verdict_text : "above the claim");
    if (as_md) {
      fputs("- ", f);
      md(f, what);
      fputs("\n\n", f);
      tab_md(f, intervals_table(r));
    } else {
      fputs("<p>", f);
      html(f, what);
      if (r->note) {
        fputs(" <span class=\"muted\">(", f);
        html(f, r->note);
        fputs(")</span>", f);
      }
      fputs("</p>\n", f);
      tab_html(f, intervals_table(r), NULL);
    }
  }
  fputs(as_md ? "</details>\n\n" : "</details>\n", f);
}

static int any_tails(const rep_act *a) {
  for (size_t j = 0; j < a->acc->nimpls; j++) {
    const rep_acc_impl *p = &a->acc->impls[j];
    if (!p->available) continue;
    for (int d = 0; d < 1 + p->has_bwd; d++) {
      const rep_stats *s = d ? &p->bwd : &p->fwd;
      if (s->ntails || s->exceeds.niv) return 1;
    }
  }
  return 0;
}

static void tails_section(FILE *f, int as_md, const rep_act *a) {
  if (!any_tails(a)) return;
  if (as_md)
    fputs(
        "Tails (as intervals of x: where an implementation returns 0, NaN or an infinity, "
        "flushes, saturates early or exceeds its claim):\n\n",
        f);
  else {
    fputs("<h3>Tails</h3>\n", f);
    p_note(f,
           "Where each implementation does something of the wrong kind, as intervals of x with "
           "their count of inputs and an example: 0 for a subnormal exact result (a flush to "
           "zero), 0 or the activation's limit while the exact result is still a normal float "
           "(a premature saturation), NaN or an infinity for a number, a subnormal input "
           "treated as 0, a zero of the wrong sign; and where it exceeds its claim. In a sampled "
           "sweep an interval runs over consecutive sampled inputs.");
  }
  for (size_t k = 0; k < a->nnames; k++) {
    const rep_acc_impl *p = acc_impl(a, a->names[k].name);
    if (!p || !p->available) continue;
    for (int d = 0; d < 1 + p->has_bwd; d++) tails_details(f, as_md, k + 1, p, d);
  }
}

/* the sweep's special-value failures by kind, one row per implementation and
 * direction that has any; NULL when none has (or an older file) */
static table *special_kinds_table(const rep_act *a) {
  table *t = tab_new(8, "#", "implementation", "", rep_sfk_texts[0], rep_sfk_texts[1],
                     rep_sfk_texts[2], rep_sfk_texts[3], rep_sfk_texts[4]);
  int rows = 0;
  for (size_t k = 0; k < a->nnames; k++) {
    const rep_acc_impl *p = acc_impl(a, a->names[k].name);
    if (!p || !p->available) continue;
    for (int d = 0; d < 1 + p->has_bwd; d++) {
      const rep_stats *s = d ? &p->bwd : &p->fwd;
      double any = 0;
      for (int j = 0; j < 5; j++) any += isnan(s->kinds[j]) ? 0 : s->kinds[j];
      if (!(any > 0)) continue;
      tab_row(t);
      rows++;
      tab_cell(t, "num", rep_printf("%zu", k + 1));
      tab_cell(t, "code", p->name);
      tab_cell(t, NULL, d ? "f\u2032" : "f");
      for (int j = 0; j < 5; j++) {
        cell *c = tab_cell(t, s->kinds[j] > 0 ? "num bad" : "num muted", fcount(s->kinds[j]));
        /* where: the first interval of the matching tail */
        static const char *const tk[5] = {"nan", NULL, "infinity", "zero_sign", "flushed_input"};
        for (size_t r = 0; tk[j] && s->kinds[j] > 0 && r < s->ntails; r++)
          if (!strcmp(s->tails[r].kind, tk[j]) && s->tails[r].niv)
            c->sub = rep_printf("x in [%s, %s]%s", s->tails[r].iv[0].lo, s->tails[r].iv[0].hi,
                                s->tails[r].niv > 1 ? " and more" : "");
      }
    }
  }
  return rows ? t : NULL;
}

/* the specials table's failures by kind: "2 failures: a zero of the wrong
 * sign, NaN for a number" */
static const char *specials_summary(const rep_acc_impl *p, int fails) {
  if (!fails) return "0 failures";
  const char *s = "";
  for (int d = 0; d < 1 + p->has_bwd; d++) {
    const rep_stats *st = d ? &p->bwd : &p->fwd;
    for (size_t k = 0; k < st->nspecials; k++) {
      const rep_special *u = &st->specials[k];
      if (u->ok || !u->kind) continue;
      const char *txt = tail_text(u->kind);
      if (!strstr(s, txt)) s = rep_printf("%s%s%s", s, *s ? ", " : "", txt);
    }
  }
  return rep_printf("%d failure%s%s%s", fails, fails == 1 ? "" : "s", *s ? ": " : "", s);
}

static int has_acc(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->acc != NULL;
}

/* worst inputs and binades, in details elements, per implementation */
static void accuracy_details_html(FILE *f, const rep_act *a) {
  int any = 0;
  for (size_t k = 0; k < a->nnames; k++) {
    const rep_acc_impl *p = acc_impl(a, a->names[k].name);
    if (!p || !p->available) continue;
    for (int d = 0; d < 1 + p->has_bwd; d++) {
      const rep_stats *s = d ? &p->bwd : &p->fwd;
      if (!s->nworst && !s->nbinades) continue;
      if (!any) fputs("<h3>The worst inputs</h3>\n", f);
      any = 1;
      if (s->nworst) {
        fprintf(f, "<details><summary>#%zu <code>", k + 1);
        html(f, p->name);
        fprintf(f, "</code>, %s: the %zu worst incorrectly rounded inputs (max %s ULP)</summary>\n",
                d ? "f\u2032" : "f", s->nworst, fulp(s->max_ulp));
        tab_html(f, worst_table(s), NULL);
        fputs("</details>\n", f);
      }
      size_t rows;
      table *bt = s->nbinades ? binade_table(s, &rows) : NULL;
      if (bt) {
        fprintf(f, "<details><summary>#%zu <code>", k + 1);
        html(f, p->name);
        fprintf(f,
                "</code>, %s: the %zu binades of x (of %zu) not correctly rounded "
                "throughout</summary>\n",
                d ? "f\u2032" : "f", rows, s->nbinades);
        if (rows) tab_html(f, bt, NULL);
        fputs("</details>\n", f);
      }
    }
  }
}

static void accuracy_html(FILE *f, const rep_model *m, const rep_act *a) {
  figure_html(f, m, a->fig_ulp_fwd, "ULP error of f against x, the largest in each bin", SRC_ACC);
  figure_html(f, m, a->fig_ulp_bwd, "ULP error of f\u2032 against x, the largest in each bin",
              SRC_ACC);
  figure_html(f, m, a->fig_binades_fwd,
              "ULP error of f in each binade of x: every float of the sweep (accuracy.json "
              "by_binade), a row per implementation",
              SRC_ACC);
  figure_html(f, m, a->fig_binades_bwd, "ULP error of f\u2032 in each binade of x", SRC_ACC);
  if (!a->fig_ulp_fwd)
    p_note(f, "No implementation was measured, so there is no figure.");
  else if (!a->fig_ulp_bwd)
    p_note(f,
           "No implementation measured here has a backward kernel, so there is no figure "
           "of the error of f\u2032.");
  fputs("<h3>f (forward)</h3>\n", f);
  tab_html(f, accuracy_table(a, 0), NULL);
  fputs("<h3>f\u2032 (backward)</h3>\n", f);
  tab_html(f, accuracy_table(a, 1), NULL);
  tails_section(f, 0, a);
  for (int d = 0; d < 2; d++) {
    table *t = histogram_table(a, d);
    if (!t) continue;
    fprintf(f, "<h3>Histogram of the errors of %s</h3>\n", d ? "f\u2032" : "f");
    p_note(f,
           "Inputs per bin of ULP error (and their share of the inputs); \u2264 0.5 ULP is "
           "correctly rounded or within half an ulp of the exact value.");
    tab_html(f, t, NULL);
  }
  accuracy_details_html(f, a);
  if (a->acc->nnarrow) {
    fputs("<h3>bfloat16 and binary16</h3>\n", f);
    p_note(f, double_rounding_note(a));
    tab_html(f, narrow_table(a), NULL);
  }
  fputs("<h3>Special values</h3>\n", f);
  table *kt = special_kinds_table(a);
  if (kt) {
    p_note(f,
           "Special-value failures in the sweep, by kind (a NaN for a number, a number for a "
           "NaN input, a wrong infinity, a zero of the wrong sign, a subnormal input treated "
           "as 0), with where the first of them are.");
    tab_html(f, kt, NULL);
  }
  p_note(f,
         "Each implementation on NaN, \u00b1inf, \u00b10, the smallest and largest subnormals, "
         "\u00b1FLT_MIN, \u00b1FLT_MAX, \u00b11 and where the function saturates; a failure is "
         "named by its kind.");
  for (size_t j = 0; j < a->acc->nimpls; j++) {
    const rep_acc_impl *p = &a->acc->impls[j];
    if (!p->available) continue;
    int fails;
    table *t = specials_table(p, &fails);
    fputs("<details><summary><code>", f);
    html(f, p->name);
    fputs("</code>: ", f);
    html(f, specials_summary(p, fails));
    fputs("</summary>\n", f);
    tab_html(f, t, NULL);
    fputs("</details>\n", f);
  }
}

static void accuracy_md(FILE *f, const rep_model *m, const rep_act *a) {
  figure_md(f, m, a->fig_ulp_fwd, "ULP error of f against x", SRC_ACC);
  figure_md(f, m, a->fig_ulp_bwd, "ULP error of f' against x", SRC_ACC);
  fputs("f (forward):\n\n", f);
  tab_md(f, accuracy_table(a, 0));
  fputs("f\u2032 (backward):\n\n", f);
  tab_md(f, accuracy_table(a, 1));
  tails_section(f, 1, a);
  for (int d = 0; d < 2; d++) {
    table *t = histogram_table(a, d);
    if (!t) continue;
    fprintf(f, "Histogram of the errors of %s (inputs per bin of ULP error):\n\n",
            d ? "f\u2032" : "f");
    tab_md(f, t);
  }
  if (a->acc->nnarrow) {
    fprintf(f, "bfloat16 and binary16: %s\n\n", double_rounding_note(a));
    tab_md(f, narrow_table(a));
  }
  for (size_t j = 0; j < a->acc->nimpls; j++) {
    const rep_acc_impl *p = &a->acc->impls[j];
    if (!p->available) continue;
    int fails;
    table *t = specials_table(p, &fails);
    fputs("<details><summary>special values: ", f);
    md(f, p->name);
    fputs(", ", f);
    md(f, specials_summary(p, fails));
    fputs("</summary>\n\n", f);
    tab_md(f, t);
    fputs("</details>\n\n", f);
  }
}

static int has_spd(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->spd != NULL;
}

static void speed_html(FILE *f, const rep_model *m, const rep_act *a) {
  figure_html(f, m, a->fig_speed, "throughput against n, forward and backward", SRC_SPEED);
  p_note(f,
         "G elements per second (Google Benchmark items_per_second): the median of the "
         "repetitions \u00b1 half their interquartile range (over the median), and below it "
         "the memory traffic in GB/s with the bytes the kernel moves per element; the fastest "
         "at each size in bold. % of copy bandwidth: the kernel's bytes/s over those of the "
         "baseline memory.copy at the same n (a kernel moves 8 bytes per element forward, 12 "
         "or 16 backward as it reads x, y or both besides dy; the copy 8). A run on several "
         "threads (actbench speed --threads) adds its columns at its size, against a copy on "
         "as many threads.");
  tab_html(f, speed_table(m, a), NULL);
  size_t np, nb;
  table *tp = peer_targets_table(m, a, &np), *tb = bw_targets_table(m, a, &nb);
  if (np || nb) {
    fputs("<h3>Speed targets</h3>\n", f);
    p_note(f, targets_note);
    if (np) tab_html(f, tp, NULL);
    if (nb) tab_html(f, tb, NULL);
  }
}

static void speed_md(FILE *f, const rep_model *m, const rep_act *a) {
  figure_md(f, m, a->fig_speed, "throughput against n", SRC_SPEED);
  fputs(
      "G elements/s (and GB/s of memory traffic); the fastest at each size in bold; % of "
      "copy bandwidth: the kernel's bytes/s over memory.copy's at the same n.\n\n",
      f);
  tab_md(f, speed_table(m, a));
  size_t np, nb;
  table *tp = peer_targets_table(m, a, &np), *tb = bw_targets_table(m, a, &nb);
  if (np || nb) fputs("Speed targets (how they are judged: the summary at the top):\n\n", f);
  if (np) tab_md(f, tp);
  if (nb) tab_md(f, tb);
}

static int has_sat(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->sat != NULL;
}

static void saturation_html(FILE *f, const rep_model *m, const rep_act *a) {
  figure_html(f, m, a->fig_curve,
              "f and f\u2032 over x (exact); shaded: where |f\u2032| < \u03b5; "
              "markers: where the exact f reaches its asymptote and f\u2032 rounds to 0, when "
              "they lie in this range (every implementation's points: the figure on log |x| "
              "below)",
              SRC_SAT);
  if (a->curve_note) p_note(f, a->curve_note);
  fputs("<h3>Where |f\u2032| falls below \u03b5 (mathematically)</h3>\n", f);
  if (a->sat->nmath)
    tab_html(f, math_table(a), NULL);
  else
    p_note(f, "saturation.json lists no thresholds for this activation.");
  fputs("<h3>Where each implementation saturates (numerically)</h3>\n", f);
  p_note(f,
         "The first x, going outward from 0, where the computed f\u2032 is exactly 0 and "
         "where the computed f equals its asymptote; \u201cpremature\u201d: f\u2032 "
         "computed as 0 where the correctly rounded value is not 0.");
  tab_html(f, sat_table(a), NULL);
  figure_html(f, m, a->fig_satbars,
              "where each implementation's computed f\u2032 becomes 0 and its f reaches the "
              "asymptote, on log |x| (x < 0 left, x > 0 right): every point on a drawn axis",
              SRC_SAT);
}

static void saturation_md(FILE *f, const rep_model *m, const rep_act *a) {
  figure_md(f, m, a->fig_curve, "f and f' over x, saturation thresholds and points", SRC_SAT);
  if (a->sat->nmath) tab_md(f, math_table(a));
  tab_md(f, sat_table(a));
  figure_md(f, m, a->fig_satbars, "saturation points per implementation", SRC_SAT);
}

/* ---- the saturation suite's analysis in formats (saturation.json's
 * numerical, normal, depth) and zerocenter.json */

const char *jstr(const json_t *o, const char *key) {
  json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
  return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *format_name(const char *fmt) {
  if (!fmt) return "?";
  if (!strcmp(fmt, "binary32")) return "binary32 (float)";
  if (!strcmp(fmt, "binary16")) return "binary16 (half)";
  return fmt;
}

/* a side member { "neg": x, "pos": x } of a numerical entry as "neg / pos" */
static const char *side_xs(const json_t *o, const char *key) {
  json_t *s = json_is_object(o) ? json_object_get(o, key) : NULL;
  if (!json_is_object(s)) return "\u2014";
  const char *v[2];
  static const char *const k2[2] = {"neg", "pos"};
  for (int t = 0; t < 2; t++) {
    json_t *x = json_object_get(s, k2[t]);
    v[t] = json_is_string(x)   ? json_string_value(x)
           : json_is_number(x) ? rep_printf("%.9g", json_number_value(x))
                               : "never";
  }
  return rep_printf("%s / %s", v[0], v[1]);
}

static const char *count_pair(const json_t *counts, const char *key) {
  json_t *c = json_is_object(counts) ? json_object_get(counts, key) : NULL;
  if (!json_is_object(c)) return "\u2014";
  return rep_printf("%s / %s", fcount(rep_jnum(c, "neg")), fcount(rep_jnum(c, "pos")));
}

/* one format of "numerical": the exact row, then every evaluator */
static table *numsat_table(const json_t *nf) {
  table *t = tab_new(8, "evaluator", "f\u2032 computed as", "f\u2032 = 0 from (x < 0 / x > 0)",
                     "first premature 0", "first off by > 1%", "f = its limit from",
                     "premature 0s (inputs)", "off by > 1% (inputs)");
  json_t *ex = rep_jobj(nf, "exact");
  if (ex) {
    tab_row(t);
    tab_cell(t, NULL, "exact, rounded to the format");
    tab_cell(t, NULL, "RN(f\u2032)");
    tab_cell(t, "num", side_xs(ex, "zero_from"));
    tab_cell(t, NULL, "");
    tab_cell(t, NULL, "");
    tab_cell(t, "num", side_xs(ex, "asymptote"));
    tab_cell(t, NULL, "");
    tab_cell(t, NULL, "");
  }
  json_t *ev = rep_jarr(nf, "evaluators");
  for (size_t k = 0; ev && k < json_array_size(ev); k++) {
    json_t *e = json_array_get(ev, k);
    tab_row(t);
    const char *kind = jstr(e, "kind");
    cell *c = tab_cell(t, "code", fstr(jstr(e, "name")));
    c->sub = kind && !strcmp(kind, "formula") ? "formula" : kind;
    tab_cell(t, "code", fstr(jstr(e, "formula")));
    tab_cell(t, "num", side_xs(e, "zero_from"));
    json_t *cnt = rep_jobj(e, "counts");
    json_t *pz = cnt ? json_object_get(cnt, "zero_premature") : NULL;
    int bad = json_is_object(pz) && (rep_jnum(pz, "neg") > 0 || rep_jnum(pz, "pos") > 0);
    tab_cell(t, bad ? "num bad" : "num", side_xs(e, "zero"));
    tab_cell(t, "num", side_xs(e, "off1"));
    tab_cell(t, "num", side_xs(e, "asymptote"));
    tab_cell(t, "num", count_pair(cnt, "zero_premature"));
    tab_cell(t, "num", count_pair(cnt, "off1"));
  }
  return t;
}

/* P(the computed f' is 0) for x ~ N(mu0, sigma^2): a row per format and
 * evaluator, a column per sigma */
static table *normal_num_table(const json_t *no) {
  json_t *sig = rep_jarr(no, "sigma"), *rows = rep_jarr(no, "numerical");
  size_t ns = sig ? json_array_size(sig) : 0;
  if (!ns || !rows || !json_array_size(rows)) return NULL;
  size_t i0 = rep_mu0(no);
  const char **head = rep_alloc((2 + ns) * sizeof *head);
  head[0] = "format";
  head[1] = "f\u2032 from";
  for (size_t j = 0; j < ns; j++) {
    json_t *v = json_array_get(sig, j);
    head[2 + j] = rep_printf("\u03c3 = %g", json_is_number(v) ? json_number_value(v) : NAN);
  }
  table *t = tab_new_v(2 + ns, head);
  const char *last = NULL;
  for (size_t k = 0; k < json_array_size(rows); k++) {
    json_t *r = json_array_get(rows, k);
    const char *fmt = jstr(r, "format");
    tab_row(t);
    tab_cell(t, NULL, last && fmt && !strcmp(last, fmt) ? "" : format_name(fmt));
    last = fmt;
    tab_cell(t, "code", fstr(jstr(r, "name")));
    json_t *row = json_array_get(json_object_get(r, "exact"), i0);
    for (size_t j = 0; j < ns; j++) {
      json_t *v = json_is_array(row) ? json_array_get(row, j) : NULL;
      tab_cell(t, "num", json_is_number(v) ? fpct(json_number_value(v)) : "\u2014");
    }
  }
  return t;
}

/* the gradient a chain of L layers delivers: a row per format and formula,
 * per scale the median relative error and the chains underflowed to 0 at
 * L = 10, and the depth from which half the chains are 0.  (At the last
 * layer alone, L = 100, every sigmoid row read "1 / 100%": the exact product
 * of 100 derivatives of at most 1/4 is below 2^-200, under every format's
 * smallest number, so every chain is 0 there: true, and no help.) */
static table *delivered_table(const json_t *dp, size_t *L) {
  json_t *dl = rep_jobj(dp, "delivered");
  json_t *rows = rep_jarr(dl, "rows"), *sc = rep_jarr(dl, "scales");
  size_t nsc = sc ? json_array_size(sc) : 0;
  if (!rows || !json_array_size(rows) || !nsc) return NULL;
  double layers = rep_jnum(dp, "layers");
  if (!(layers >= 1)) return NULL;
  *L = (size_t)layers;
  size_t at = *L >= 10 ? 10 : *L;
  const char **head = rep_alloc((2 + 3 * nsc) * sizeof *head);
  head[0] = "format";
  head[1] = "f\u2032 from";
  for (size_t k = 0; k < nsc; k++) {
    double s = json_number_value(json_array_get(sc, k));
    head[2 + 3 * k] = rep_printf("s = %g: median rel. error at L = %zu", s, at);
    head[3 + 3 * k] = rep_printf("s = %g: chains at 0, L = %zu", s, at);
    head[4 + 3 * k] = rep_printf("s = %g: half the chains 0 from L =", s);
  }
  table *t = tab_new_v(2 + 3 * nsc, head);
  /* rows of one (format, name) across scales */
  const char *last = NULL;
  for (size_t k = 0; k < json_array_size(rows); k++) {
    json_t *r = json_array_get(rows, k);
    const char *fmt = jstr(r, "format"), *name = jstr(r, "name");
    if (!fmt || !name) continue;
    int seen = 0;
    for (size_t q = 0; q < k && !seen; q++) {
      json_t *o = json_array_get(rows, q);
      seen = jstr(o, "format") && jstr(o, "name") && !strcmp(jstr(o, "format"), fmt) &&
             !strcmp(jstr(o, "name"), name);
    }
    if (seen) continue;
    tab_row(t);
    tab_cell(t, NULL, last && !strcmp(last, fmt) ? "" : format_name(fmt));
    last = fmt;
    tab_cell(t, "code", name);
    for (size_t s = 0; s < nsc; s++) {
      double want = json_number_value(json_array_get(sc, s));
      json_t *hit = NULL;
      for (size_t q = k; q < json_array_size(rows) && !hit; q++) {
        json_t *o = json_array_get(rows, q);
        if (jstr(o, "format") && jstr(o, "name") && !strcmp(jstr(o, "format"), fmt) &&
            !strcmp(jstr(o, "name"), name) && rep_jnum(o, "scale") == want)
          hit = o;
      }
      json_t *mes = hit ? json_object_get(hit, "median_rel_err") : NULL;
      json_t *ufs = hit ? json_object_get(hit, "underflow") : NULL;
      json_t *me = json_array_get(mes, at - 1), *uf = json_array_get(ufs, at - 1);
      tab_cell(t, "num", json_is_number(me) ? fsci(json_number_value(me)) : "\u2014");
      tab_cell(t, json_is_number(uf) && json_number_value(uf) > 0 ? "num bad" : "num",
               json_is_number(uf) ? fpct(json_number_value(uf)) : "\u2014");
      size_t half = 0;
      for (size_t l = 0; json_is_array(ufs) && l < json_array_size(ufs) && !half; l++) {
        json_t *u = json_array_get(ufs, l);
        if (json_is_number(u) && json_number_value(u) >= 0.5) half = l + 1;
      }
      tab_num(t, "num",
              half ? rep_printf("%zu", half)
                   : rep_printf("beyond %zu", json_is_array(ufs) ? json_array_size(ufs) : *L),
              half ? (double)half : INFINITY);
    }
  }
  return t;
}

static int has_formats(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->sat && (a->sat->numerical || a->sat->normal || a->sat->depth);
}

static const char *const numsat_note =
    "Per format, where the gradient computed in that format vanishes: the exact derivative "
    "rounded to the format, the implementations (their float kernels on the format's inputs, "
    "outputs rounded to it) and the derivative formulas in use (from x, from the output y, "
    "stable forms; every operation rounded to the format). \u201cf\u2032 = 0 from\u201d: the "
    "computed f\u2032 is 0 at every input from there outward (x < 0 / x > 0); premature: 0 "
    "where the rounded exact f\u2032 is not (in red when it happens); off by > 1%: more than 1% "
    "from the exact value. bfloat16 and binary16: every value of the format; binary32: a "
    "stride of the floats, first points refined to the float (docs/results.md, NUMERICAL).";

static void formats_html(FILE *f, const rep_model *m, const rep_act *a) {
  const rep_sat *s = a->sat;
  if (s->numerical) {
    fputs(
        "<h3 id=\"numerical\">Where the computed gradient vanishes, in float, bfloat16 and "
        "half</h3>\n",
        f);
    p_note(f, numsat_note);
    figure_html(f, m, a->fig_numsat,
                "from where the computed f\u2032 is 0 at every input outward, in each format, "
                "for the exact derivative rounded to the format, each implementation and each "
                "derivative formula (no point: never on that side)",
                SRC_SAT);
    for (size_t k = 0; k < json_array_size(s->numerical); k++) {
      json_t *nf = json_array_get(s->numerical, k);
      fputs("<h4>", f);
      html(f, format_name(jstr(nf, "format")));
      fputs("</h4>\n", f);
      tab_html(f, numsat_table(nf), "compact");
    }
  }
  if (a->fig_normal || s->normal) {
    fputs("<h3 id=\"normal\">Saturated units for x ~ N(\u03bc, \u03c3\u00b2)</h3>\n", f);
    figure_html(f, m, a->fig_normal,
                "the fraction of inputs x ~ N(0, \u03c3\u00b2) where |f\u2032(x)| < \u03b5 (each "
                "threshold) and where f\u2032(x) = 0, against \u03c3 (exact, from the sets of "
                "x computed with MPFR)",
                SRC_SAT);
    table *nt = normal_num_table(s->normal);
    if (nt) {
      p_note(f,
             "The unit gets no gradient at all: P(the computed f\u2032 is 0) for x ~ N(0, "
             "\u03c3\u00b2), per format and evaluator (exact: the rounded derivative).");
      tab_html(f, nt, "compact");
    }
  }
  if (a->fig_depth || s->depth) {
    fputs("<h3 id=\"depth\">The gradient through L layers</h3>\n", f);
    figure_html(f, m, a->fig_depth,
                "the product of L derivatives f\u2032(x_l), x_l ~ N(0, s\u00b2) independent: "
                "its expectation E[f\u2032]^L (solid) and its typical size exp(E[log|f\u2032|])^L "
                "(dashed), against depth, log scale",
                SRC_SAT);
    figure_html(f, m, a->fig_delivered,
                "the gradient a chain of L layers delivers when each product is rounded to the "
                "format: the median relative error against the exact product (left) and the "
                "fraction of chains underflowed to 0 (right); a colour per format, a dash "
                "pattern per derivative formula",
                SRC_SAT);
    size_t L = 0;
    table *dt = delivered_table(s->depth, &L);
    if (dt) {
      p_note(f, rep_printf("The gradient a chain of layers delivers when each product is "
                           "rounded to the format (g_L = RN(g_{L-1} \u00d7 f\u2032(x_L))), against "
                           "the exact product at the same inputs, x_l ~ N(0, s\u00b2): the median "
                           "relative error and the chains underflowed to 0 (while the exact "
                           "product is not) after 10 layers, and the depth from which half the "
                           "chains are 0 (of %zu layers measured). At the last layer every "
                           "sigmoid chain is 0 in every format: 100 derivatives of at most 1/4 "
                           "multiply to less than 2^-200, below the smallest float.",
                           L));
      tab_html(f, dt, "compact");
    }
  }
}

static void formats_md(FILE *f, const rep_model *m, const rep_act *a) {
  const rep_sat *s = a->sat;
  figure_md(f, m, a->fig_numsat, "where the computed f' vanishes, per format", SRC_SAT);
  for (size_t k = 0; s->numerical && k < json_array_size(s->numerical); k++) {
    json_t *nf = json_array_get(s->numerical, k);
    fprintf(f, "Where the computed f' vanishes in %s:\n\n", format_name(jstr(nf, "format")));
    tab_md(f, numsat_table(nf));
  }
  figure_md(f, m, a->fig_normal, "saturated fraction against sigma", SRC_SAT);
  figure_md(f, m, a->fig_depth, "gradient product against depth", SRC_SAT);
  figure_md(f, m, a->fig_delivered, "the gradient delivered through depth, per format", SRC_SAT);
}

/* ---- gradients.html: across activations, and zerocenter.json */

static const json_t *dying_of(const rep_model *m) {
  return m->dying;
}

int has_gradients_page(const rep_model *m) {
  return m->fig_all_normal || m->fig_all_depth || m->zerocenter || dying_of(m);
}

static const char *summary_str(const json_t *o, const char *key, const char *fmt) {
  json_t *s = rep_jobj(o, key);
  if (!s) return "\u2014";
  double md = rep_jnum(s, "median"), q1 = rep_jnum(s, "q1"), q3 = rep_jnum(s, "q3");
  if (!isfinite(md)) return "\u2014";
  if (!isfinite(q1) || !isfinite(q3)) return rep_printf(fmt, md);
  return rep_printf("%s (%s\u2013%s)", rep_printf(fmt, md), rep_printf(fmt, q1),
                    rep_printf(fmt, q3));
}

static table *steps_table(const json_t *tw) {
  json_t *res = rep_jarr(tw, "results");
  if (!res || !json_array_size(res)) return NULL;
  table *t = tab_new(7, "activation g", "method", "steps: median (q1\u2013q3)", "not reached",
                     "path length / straight line", "steps with no opposite signs",
                     "\u03ba = \u03bbmax/\u03bbmin");
  for (size_t k = 0; k < json_array_size(res); k++) {
    json_t *r = json_array_get(res, k);
    tab_row(t);
    tab_cell(t, NULL, fstr(jstr(r, "activation")));
    tab_cell(t, NULL, fstr(jstr(r, "method")));
    tab_cell(t, "num", summary_str(r, "steps", "%.0f"));
    tab_cell(t, "num", fcount(rep_jnum(r, "not_reached")));
    tab_cell(t, "num", summary_str(r, "path_ratio", "%.3g"));
    tab_cell(t, "num", summary_str(r, "same_sign", "%.2f"));
    tab_cell(t, "num", summary_str(r, "kappa", "%.3g"));
  }
  return t;
}

static table *paired_table(const json_t *tw) {
  json_t *pr = rep_jarr(tw, "paired");
  if (!pr || !json_array_size(pr)) return NULL;
  table *t = tab_new(4, "method", "pair", "problems where the first took more steps",
                     "median ratio of steps");
  for (size_t k = 0; k < json_array_size(pr); k++) {
    json_t *r = json_array_get(pr, k);
    tab_row(t);
    tab_cell(t, NULL, fstr(jstr(r, "method")));
    tab_cell(t, NULL, rep_printf("%s against %s", fstr(jstr(r, "a")), fstr(jstr(r, "b"))));
    tab_cell(t, "num", fpct(rep_jnum(r, "a_more_steps")));
    tab_cell(t, "num", fnum("%.3g", rep_jnum(r, "median_step_ratio")));
  }
  return t;
}

/* sign agreement, z ~ N(0, 1) and batch 1: a row per activation, a column
 * per d */
static table *sign_table(const json_t *sa) {
  json_t *rows = rep_jarr(sa, "rows");
  if (!rows) return NULL;
  double ds[16];
  size_t nd = 0;
  const char *acts[64];
  size_t na = 0;
  for (size_t k = 0; k < json_array_size(rows); k++) {
    json_t *r = json_array_get(rows, k);
    if (rep_jnum(r, "batch") != 1 || rep_jnum(r, "z_mu") != 0 || rep_jnum(r, "z_sigma") != 1)
      continue;
    double d = rep_jnum(r, "d");
    const char *a = jstr(r, "activation");
    if (!isfinite(d) || !a) continue;
    int have = 0;
    for (size_t q = 0; q < nd; q++) have |= ds[q] == d;
    if (!have && nd < 16) ds[nd++] = d;
    have = 0;
    for (size_t q = 0; q < na; q++) have |= !strcmp(acts[q], a);
    if (!have && na < 64) acts[na++] = a;
  }
  if (!nd || !na) return NULL;
  const char **head = rep_alloc((1 + nd) * sizeof *head);
  head[0] = "activation g";
  for (size_t q = 0; q < nd; q++) head[1 + q] = rep_printf("d = %g", ds[q]);
  table *t = tab_new_v(1 + nd, head);
  for (size_t i = 0; i < na; i++) {
    tab_row(t);
    tab_cell(t, NULL, acts[i]);
    for (size_t q = 0; q < nd; q++) {
      const char *txt = "\u2014";
      for (size_t k = 0; k < json_array_size(rows); k++) {
        json_t *r = json_array_get(rows, k);
        if (rep_jnum(r, "batch") != 1 || rep_jnum(r, "z_mu") != 0 || rep_jnum(r, "z_sigma") != 1 ||
            rep_jnum(r, "d") != ds[q] || !jstr(r, "activation") ||
            strcmp(jstr(r, "activation"), acts[i]))
          continue;
        double ex = rep_jnum(r, "exact");
        txt = isfinite(ex) ? rep_printf("%s (exact %s)", fpct(rep_jnum(r, "fraction")), fpct(ex))
                           : fpct(rep_jnum(r, "fraction"));
        break;
      }
      tab_cell(t, "num", txt);
    }
  }
  return t;
}

/* saturation.json's "dying": per input kind, the fraction of ReLU units
 * dead on a whole batch, a row per bias shift delta, a column per batch */
static table *dying_table(const json_t *in, const json_t *dy) {
  json_t *dl = rep_jarr(dy, "delta"), *bt = rep_jarr(dy, "batch");
  json_t *rd = rep_jobj(in, "relu_dead");
  json_t *ex = rd ? json_object_get(rd, "exact") : NULL, *sm = rd ? rep_jarr(rd, "sampled") : NULL;
  size_t nd = dl ? json_array_size(dl) : 0, nb = bt ? json_array_size(bt) : 0;
  if (!nd || !nb || !sm) return NULL;
  const char **head = rep_alloc((1 + nb) * sizeof *head);
  head[0] = "bias shift \u03b4";
  for (size_t j = 0; j < nb; j++)
    head[1 + j] = rep_printf("batch %s", fcount(json_number_value(json_array_get(bt, j))));
  table *t = tab_new_v(1 + nb, head);
  for (size_t i = 0; i < nd; i++) {
    tab_row(t);
    tab_cell(t, "num", rep_printf("%g", json_number_value(json_array_get(dl, i))));
    for (size_t j = 0; j < nb; j++) {
      json_t *r = json_array_get(sm, i), *re = json_is_array(ex) ? json_array_get(ex, i) : NULL;
      json_t *v = json_is_array(r) ? json_array_get(r, j) : NULL;
      json_t *e = json_is_array(re) ? json_array_get(re, j) : NULL;
      const char *txt = json_is_number(v) ? fpct(json_number_value(v)) : "\u2014";
      if (json_is_number(e)) txt = rep_printf("%s (exact %s)", txt, fpct(json_number_value(e)));
      tab_cell(t, "num", txt);
    }
  }
  return t;
}

static void dying_html(FILE *f, const json_t *dy) {
  json_t *ins = rep_jarr(dy, "inputs");
  if (!ins || !json_array_size(ins)) return;
  fputs("<h3 id=\"dying\">Dying ReLU: units dead on a whole batch</h3>\n", f);
  p_note(f, rep_printf("A layer of %s units z = w\u00b7x + \u03b4, w ~ N(0, I/%s): the fraction of "
                       "units with z \u2264 0 on every input of the batch (ReLU passes them no "
                       "gradient at all), over %s layers. Leaky ReLU's gradient there is its slope "
                       "a, never 0.",
                       fcount(rep_jnum(dy, "units")), fcount(rep_jnum(dy, "fan_in")),
                       fcount(rep_jnum(dy, "trials"))));
  for (size_t k = 0; k < json_array_size(ins); k++) {
    json_t *in = json_array_get(ins, k);
    table *t = dying_table(in, dy);
    if (!t) continue;
    fputs("<h4>", f);
    html(f, rep_printf("inputs %s", fstr(jstr(in, "inputs"))));
    fputs("</h4>\n", f);
    const char *desc = jstr(in, "description");
    if (desc) p_note(f, desc);
    tab_html(f, t, NULL);
  }
}

static const char *const zigzag_note =
    "The seed's zig-zag argument, measured (zerocenter.json): inputs x = g(z) of one sign "
    "(sigmoid) make the two weight updates of a neuron share their sign, so gradient descent "
    "cannot move one weight up and the other down in one step, and zig-zags; zero-centred "
    "inputs (tanh) do not. Least squares on y = w0 x0 + w1 x1 from a start where w0 must grow "
    "and w1 shrink: the paths of the problem whose sigmoid/tanh step ratio is the median one, "
    "and the steps to reach the optimum over all problems.";

static void gradients_page(const rep_model *m, const char *dir) {
  FILE *f = rep_fopen(dir, "gradients.html");
  page_begin(f, "actbench report: saturation and zero-centring across activations");
  fputs(
      "<nav><a href=\"index.html\">\u2190 index</a></nav>\n"
      "<h1>Saturation and zero-centring across activations</h1>\n",
      f);
  context_html(f, m);
  if (m->fig_all_normal || m->fig_all_depth || dying_of(m)) {
    fputs("<h2 id=\"saturation\">Saturation</h2>\n", f);
    figure_html(f, m, m->fig_all_normal,
                "the saturated fraction: P(|f\u2032(x)| < 10\u207b\u00b3) for x ~ N(0, "
                "\u03c3\u00b2) against \u03c3, one curve per activation (exact)",
                SRC_SAT);
    figure_html(f, m, m->fig_all_depth,
                "the gradient product through L layers, E[f\u2032(x)]^L for x ~ N(0, 1), "
                "against depth, one curve per activation (log scale)",
                SRC_SAT);
    if (dying_of(m)) dying_html(f, dying_of(m));
  }
  const act_res_zerocenter *zc = m->zerocenter;
  if (zc) {
    fputs("<h2 id=\"zerocenter\">Zero-centring: the zig-zag</h2>\n", f);
    json_t *tw = zc->two_weight;
    p_note(f, zigzag_note);
    figure_html(f, m, m->fig_zigzag,
                "gradient descent on the two weights, from the start (\u25a1) to the optimum "
                "w* (\u2733), inputs from sigmoid and from tanh; full batch (left), one sample "
                "per step (right)",
                SRC_ZC);
    table *t = steps_table(tw);
    if (t) {
      fputs("<h3>Steps to the optimum</h3>\n", f);
      tab_html(f, t, NULL);
    }
    t = paired_table(tw);
    if (t) tab_html(f, t, NULL);
    t = sign_table(zc->sign_agreement);
    if (t) {
      fputs("<h3>Sign agreement</h3>\n", f);
      p_note(f,
             "The fraction of draws in which the d weight gradients a_i\u00b7\u03b4 of a neuron, "
             "a_i = g(z_i) with z_i ~ N(0, 1), have no two of opposite signs (measured; exact "
             "from the law of g(z) where it is known).");
      tab_html(f, t, NULL);
    }
  }
  page_end(f);
  rep_fclose(f, dir, "gradients.html");
}

static void gradients_md(FILE *f, const rep_model *m) {
  if (!has_gradients_page(m)) return;
  fputs("## Saturation and zero-centring across activations\n\n", f);
  figure_md(f, m, m->fig_all_normal, "saturated fraction against sigma", SRC_SAT);
  figure_md(f, m, m->fig_all_depth, "E[f']^L against depth", SRC_SAT);
  const act_res_zerocenter *zc = m->zerocenter;
  if (!zc) return;
  figure_md(f, m, m->fig_zigzag, "zig-zag paths of the two-weight problem", SRC_ZC);
  table *t = steps_table(zc->two_weight);
  if (t) tab_md(f, t);
}

static const act_section act_sections[] = {
    {"choice", "Which kernel: the fastest in each accuracy class", has_ranking, choice_html,
     choice_md, 0},
    {"comparison", "Every implementation", has_comparison, comparison_html, comparison_md, 0},
    {"pareto", "Throughput against error: the Pareto front", has_pareto, pareto_html, pareto_md, 0},
    {"accuracy", "Accuracy", has_acc, accuracy_html, accuracy_md, 1},
    {"speed", "Speed", has_spd, speed_html, speed_md, 1},
    {"saturation", "Saturation", has_sat, saturation_html, saturation_md, 1},
    {"formats", "Gradients in float, bfloat16 and half", has_formats, formats_html, formats_md, 1},
};
#define NSECTIONS (sizeof act_sections / sizeof act_sections[0])

static void activation_page(const rep_model *m, const rep_act *a, const char *dir) {
  const char *name = rep_printf("%s.html", a->stem);
  FILE *f = rep_fopen(dir, name);
  page_begin(f, rep_printf("actbench report: %s", a->name));
  fputs("<nav><a href=\"index.html\">\u2190 index</a>", f);
  for (size_t i = 0; i < m->nacts; i++) {
    fputs(" <a href=\"", f);
    href(f, rep_printf("%s.html", m->acts[i].stem));
    fputs("\">", f);
    html(f, m->acts[i].name);
    fputs("</a>", f);
  }
  if (has_gradients_page(m)) fputs(" <a href=\"gradients.html\">across activations</a>", f);
  fputs("</nav>\n<h1>", f);
  html(f, a->name);
  fputs("</h1>\n", f);
  const char *ps = params_str(a);
  if (a->formula || ps) {
    fputs("<p>", f);
    if (a->formula) {
      fputs("f(x) = <code>", f);
      html(f, a->formula);
      fputs("</code>", f);
      if (a->dformula) {
        fputs(", f\u2032(x) = <code>", f);
        html(f, a->dformula);
        fputs("</code>", f);
      }
      if (ps) fputs("; ", f);
    }
    if (ps) {
      fputs("parameters: ", f);
      html(f, ps);
    }
    fputs("</p>\n", f);
  }
  if (a->kink_note) p_note(f, a->kink_note);
  context_html(f, m);
  fputs("<nav class=\"toc\">On this page:", f);
  for (size_t k = 0; k < NSECTIONS; k++) {
    if (!act_sections[k].has(m, a)) continue;
    fprintf(f, " <a href=\"#%s\">", act_sections[k].id);
    html(f, act_sections[k].title);
    fputs("</a>", f);
  }
  fputs("</nav>\n", f);
  for (size_t k = 0; k < NSECTIONS; k++) {
    if (!act_sections[k].has(m, a)) continue;
    if (act_sections[k].md_details) { /* the detail, one click away */
      fprintf(f, "<details class=\"sec\" id=\"%s\"><summary>", act_sections[k].id);
      html(f, act_sections[k].title);
      fputs("</summary>\n", f);
      act_sections[k].html(f, m, a);
      fputs("</details>\n", f);
      continue;
    }
    fprintf(f, "<h2 id=\"%s\">", act_sections[k].id);
    html(f, act_sections[k].title);
    fputs("</h2>\n", f);
    act_sections[k].html(f, m, a);
  }
  page_end(f);
  rep_fclose(f, dir, name);
}

void rep_write_html(const rep_model *m, const char *dir) {
  rep_write_front(m, dir);
  for (size_t i = 0; i < m->nacts; i++) activation_page(m, &m->acts[i], dir);
  if (has_gradients_page(m)) gradients_page(m, dir);
}

/* ---- Markdown */

/* summary.md: the front page's tables and verdicts (page_front.c);
 * tables.md: every table of every activation */
void rep_write_markdown(const rep_model *m, const char *dir) {
  rep_write_summary(m, dir);
  FILE *f = rep_fopen(dir, "tables.md");
  fprintf(f,
          "# actbench report: every table\n\nRendered %s by `%s`; the summary: "
          "[summary.md](summary.md); the same with the figures: [index.html](index.html).\n\n",
          now_utc(), m->report_cmd);
  context_md(f, m);
  table *rank = ranking_table(m);
  if (rank->nrows) {
    fputs("## Which kernel: the fastest in each accuracy class\n\n", f);
    md_note(f, ranking_note(m));
    tab_md(f, rank);
  }
  fputs("## Activations\n\n", f);
  tab_md(f, overview_table(m));
  if (m->ntargets) {
    fputs("## Speed targets\n\n", f);
    md(f, targets_note);
    fputs("\n\n", f);
    tab_md(f, targets_summary(m));
  }
  fputs("## Results files\n\n", f);
  tab_md(f, files_table(m));
  fputs("\n## Machine\n\n", f);
  tab_md(f, context_table(m));
  fputs("## Conventions\n\n", f);
  md(f, conventions);
  fputs("\n\n", f);
  for (size_t i = 0; i < m->nacts; i++) {
    const rep_act *a = &m->acts[i];
    fputs("## ", f);
    md(f, a->name);
    fputs("\n\n", f);
    const char *ps = params_str(a);
    if (a->formula) {
      fputs("f(x) = ", f);
      md(f, a->formula);
      if (a->dformula) {
        fputs(", f\u2032(x) = ", f);
        md(f, a->dformula);
      }
      fputs(ps ? "; " : "\n\n", f);
    }
    if (ps) {
      fputs("parameters: ", f);
      md(f, ps);
      fputs("\n\n", f);
    }
    if (a->kink_note) {
      md(f, a->kink_note);
      fputs("\n\n", f);
    }
    fprintf(f, "Page with the figures: [%s.html](%s.html)\n\n", a->stem, a->stem);
    for (size_t k = 0; k < NSECTIONS; k++) {
      const act_section *sec = &act_sections[k];
      if (!sec->has(m, a)) continue;
      if (sec->md_details) {
        fputs("<details><summary>", f);
        md(f, rep_printf("%s: %s", a->name, sec->title));
        fputs("</summary>\n\n", f);
      } else {
        fputs("### ", f);
        md(f, sec->title);
        fputs("\n\n", f);
      }
      sec->md(f, m, a);
      if (sec->md_details) fputs("</details>\n\n", f);
    }
  }
  gradients_md(f, m);
  rep_fclose(f, dir, "tables.md");
}

/* ---- what the names say */

static const struct {
  const char *token; /* a literal; a trailing '#' stands for digits */
  const char *meaning;
} name_tokens[] = {
    {"naive", "the textbook formula with the C library (libm); f\u2032 from the output as frameworks do"},
    {"stable", "scalar code written for accuracy: no overflow, no avoidable cancellation"},
    {"autovec", "a plain loop the compiler vectorized (for AVX2 and for AVX-512)"},
    {"rr#", "exp's range reduction with one or two constants (rr2: more accurate)"},
    {"lut#", "exp through a table of that many entries, read by permutes"},
    {"p#", "a polynomial of that degree"},
    {"rational", "odd over even polynomials (rational-9-8: degrees 9 and 8)"},
    {"div", "a true division"},
    {"nr#fma", "a reciprocal estimate refined by that many Newton steps with FMA"},
    {"dd", "double-float (two floats) arithmetic where it matters"},
    {"from", "from-y: f\u2032 from the output y, as frameworks do (0 once y rounds to its limit)"},
    {"erfc", "through erfc (gelu: accurate for x < 0)"},
    {"x#", "the loop unrolled to that many elements"},
    {"max", "max-nan0: relu by max, NaN gives 0; cmp-nanprop: by compare, NaN passes"},
    {"u#", "SLEEF's accuracy class: u10 within 1.0 ULP, u35 within 3.5 ULP (SLEEF's bound)"},
    {"use", "oneDNN's use-dst: f\u2032 from the output (dst) instead of x"},
    {"bf16", "computes in bfloat16 itself"},
    {"nc", "XNNPACK's operator on NC data, f32"},
    {"libmvec", "glibc's vector math library, reached by a loop gcc vectorizes"},
};
#define NTOKENS (sizeof name_tokens / sizeof name_tokens[0])

/* tok (len characters) against a pattern: a literal, or PRE#POST with one or
 * more digits for the # */
static int token_matches(const char *tok, size_t len, const char *pat) {
  const char *h = strchr(pat, '#');
  if (!h) return len == strlen(pat) && !strncmp(tok, pat, len);
  size_t pre = (size_t)(h - pat), post = strlen(h + 1);
  if (len < pre + 1 + post || strncmp(tok, pat, pre)) return 0;
  size_t k = pre;
  while (k < len && tok[k] >= '0' && tok[k] <= '9') k++;
  return k > pre && len - k == post && !strncmp(tok + k, h + 1, post);
}

/* the tokens of the names of an activation's implementations (every
 * activation's when a is NULL) */
static void mark_tokens(const char *name, int *used) {
  const char *s = strchr(name, '.');
  s = s ? strchr(s + 1, '.') : NULL; /* after <activation>.<isa>. */
  if (!s) {
    s = strchr(name, '.');
    if (!s) return;
  }
  s++;
  while (*s) {
    size_t len = strcspn(s, "-.");
    for (size_t k = 0; k < NTOKENS; k++)
      if (token_matches(s, len, name_tokens[k].token)) used[k] = 1;
    s += len;
    if (*s) s++;
  }
  for (size_t k = 0; k < NTOKENS; k++)
    if (strstr(name, ".scalar.") && strstr(name, name_tokens[k].token) &&
        (!strcmp(name_tokens[k].token, "naive") || !strcmp(name_tokens[k].token, "stable")))
      used[k] = 1;
}

void tokens_html(FILE *f, const rep_act *a) {
  int used[NTOKENS] = {0};
  for (size_t i = 0; i < (a ? 1 : 0); i++)
    for (size_t j = 0; j < a->nnames; j++) mark_tokens(a->names[j].name, used);
  if (!a)
    for (size_t k = 0; k < NTOKENS; k++) used[k] = 1;
  int any = 0;
  for (size_t k = 0; k < NTOKENS; k++) any |= used[k];
  if (!any) return;
  fputs("<p class=\"note tokens\"><b>What the names say</b> (&lt;activation&gt;.&lt;isa&gt;."
        "&lt;algorithm&gt;; a peer's library in brackets): ",
        f);
  int first = 1;
  for (size_t k = 0; k < NTOKENS; k++) {
    if (!used[k]) continue;
    fputs(first ? "" : "; ", f);
    first = 0;
    fputs("<code>", f);
    char tok[32];
    snprintf(tok, sizeof tok, "%s", name_tokens[k].token);
    char *h = strchr(tok, '#');
    if (h) *h = 'N';
    html(f, tok);
    fputs("</code> ", f);
    html(f, name_tokens[k].meaning);
  }
  fputs(".</p>\n", f);
}
