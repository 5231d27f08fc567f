/* actbench report: numbers, dates, the machine and the results files, figures with the commands
 * behind them, and what the names say: what every page uses. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "marks.h"
#include "report_sections.h"
#include "util.h"

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

/* a tail's or a special value's kind in a few words: the marks'
 * (numerics/marks.h), then the special values' own (accuracy.c) */
const char *tail_text(const char *kind) {
  int m = act_mark_by_name(kind);
  if (m >= 0) return act_mark_brief(m);
  static const char *const k[][2] = {{"nan_for_number", "NaN for a number"},
                                     {"number_for_nan", "a number for NaN"},
                                     {"wrong_infinity", "a wrong infinity"},
                                     {"inaccurate", "not correctly rounded"}};
  for (size_t i = 0; kind && i < sizeof k / sizeof k[0]; i++)
    if (!strcmp(k[i][0], kind)) return k[i][1];
  return kind ? kind : "FAIL"; /* an older file names no kind */
}

char tail_letter(const char *kind) {
  char l = act_mark_letter(act_mark_by_name(kind));
  return l ? l : '?';
}

const char *fpair(const char *x) {
  return x ? x : "never";
}

/* ---- tables */

/* the tails' letters in a cell, what they mean in its tooltip; "\u2014" when
 * the file does not say */
void tails_cell(table *t, const rep_stats *s) {
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
  /* K alone (another convention at a kink) is no defect */
  cell *c = tab_cell(t, strcmp(l, "K") ? "bad" : NULL, rep_strdup(l));
  c->tip = tip;
}

/* the verdict: the file's text, or for an older file whether it stayed
 * within its claim */
void verdict_cell(table *t, const rep_stats *s) {
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
const char *claim_str(double v, const rep_stats *s) {
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
const char *utc_str(time_t t) {
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

const char *bytes_str(double b) {
  if (!(b > 0)) return "?";
  if (b >= 1 << 20 && fmod(b, 1 << 20) == 0) return rep_printf("%.0f MiB", b / (1 << 20));
  if (b >= 1 << 10 && fmod(b, 1 << 10) == 0) return rep_printf("%.0f KiB", b / (1 << 10));
  return rep_printf("%.0f B", b);
}

/* A context value as text: strings as they are, arrays joined, the cache
 * object of act_context_json() and Google Benchmark's cache list readable. */
const char *ctx_value(const json_t *v) {
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

const char *const file_label[REP_NFILES] = {"speed.json", "accuracy.json", "saturation.json",
                                            "zerocenter.json"};

/* caches come as actbench's object {l1d, l2, l3} or as Google Benchmark's
 * list (speed.json); when both are there, the object says it for all */
int cache_object(const rep_model *m) {
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

/* speed.json's repetitions and the machine's state during the run, in one
 * line; its warnings into c. */
void speed_run_line(const rep_model *m, ctx_lines *c) {
  const act_res_state *st = m->speed_state;
  if (!m->speed_reps && !st) return;
  const char *l = "";
  if (m->speed_reps)
    l = rep_printf("%lld repetitions of at least %g s each%s, every figure their median",
                   m->speed_reps, m->speed_min_time,
                   m->speed_interleaved > 0 ? ", interleaved at random across benchmarks" : "");
  if (st) {
    if (isfinite(st->load_before) && isfinite(st->load_after))
      l = rep_printf("%s; load average %.2f before, %.2f after", l, st->load_before,
                     st->load_after);
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

ctx_lines context_lines(const rep_model *m) {
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
    if (!m->files[i].context) continue;
    vm |= m->files[i].hypervisor == 1;
    if (!isnan(m->files[i].l3)) l3 = m->files[i].l3;
  }
  int ncores = cores ? atoi(cores) : 0;
  const char *cache_note = "";
  if (vm)
    cache_note =
        " as the hypervisor reports them (a virtual machine: the L3 is the host's, "
        "shared with whatever else runs there)";
  else if (ncores > 0 && isfinite(l3) && l3 / ncores > 16.0 * 1048576)
    cache_note = rep_printf(
        " as reported (%s of L3 for %d cores: most likely a host's cache "
        "shared with others, a virtual machine)",
        rep_printf("%.0f MiB", l3 / 1048576), ncores);
  c.machine =
      rep_printf("%s; %s core%s%s; caches%s: %s%s%s%s%s", cpu ? cpu : "CPU not stated",
                 cores ? cores : "?", ncores == 1 ? "" : "s", vm ? " of a virtual machine" : "",
                 cache_note, caches ? caches : "not stated", isa ? "; ISAs allowed: " : "",
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
    const rep_file *f = &m->files[i];
    if (!f->ncpu_features) continue;
    const char *s = "";
    for (size_t k = 0; k < f->ncpu_features; k++)
      s = rep_printf("%s%s%s", s, k ? " " : "", f->cpu_features[k]);
    c.features = s;
    c.nfeatures = f->ncpu_features;
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

const char *params_str(const rep_act *a) {
  if (!a->nparams) return NULL;
  const char *s = "";
  for (size_t k = 0; k < a->nparams; k++)
    s = rep_printf("%s%s%s = %s", s, *s ? ", " : "", a->params[k].key, a->params[k].text);
  return s;
}

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

fig_cmds figure_commands(const rep_model *m, const char *stem, int sources) {
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

void figure_html(FILE *f, const rep_model *m, const char *stem, const char *caption, int sources) {
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

void figure_md(FILE *f, const rep_model *m, const char *stem, const char *caption, int sources) {
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

void acts_nav_links(FILE *f, const rep_model *m) {
  for (size_t i = 0; i < m->nacts; i++) {
    fputs(" <a href=\"", f);
    href(f, rep_printf("%s.html", m->acts[i].stem));
    fputs("\">", f);
    html(f, m->acts[i].name);
    fputs("</a>", f);
  }
  if (has_gradients_page(m)) fputs(" <a href=\"gradients.html\">across activations</a>", f);
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

/* ---- the saturation suite's analysis in formats (saturation.json's
 * numerical, normal, depth) and zerocenter.json */

const char *format_name(const char *fmt) {
  if (!fmt) return "?";
  if (!strcmp(fmt, "binary32")) return "binary32 (float)";
  if (!strcmp(fmt, "binary16")) return "binary16 (half)";
  return fmt;
}

/* ---- what the names say */

static const struct {
  const char *token; /* a literal; a trailing '#' stands for digits */
  const char *meaning;
} name_tokens[] = {
    {"naive",
     "the textbook formula with the C library (libm); f\u2032 from the output as frameworks do"},
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
int token_matches(const char *tok, size_t len, const char *pat) {
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
void mark_tokens(const char *name, int *used) {
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
  fputs(
      "<p class=\"note tokens\"><b>What the names say</b> (&lt;activation&gt;.&lt;isa&gt;."
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
