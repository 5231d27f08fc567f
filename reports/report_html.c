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

#include "report_int.h"
#include "util.h"

/* ---- escaping */

static void html(FILE *f, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
      case '&':
        fputs("&amp;", f);
        break;
      case '<':
        fputs("&lt;", f);
        break;
      case '>':
        fputs("&gt;", f);
        break;
      case '"':
        fputs("&quot;", f);
        break;
      case '\'':
        fputs("&#39;", f);
        break;
      default:
        if ((unsigned char)*s >= 0x20 || *s == '\n') fputc(*s, f);
    }
  }
}

/* Text inside a Markdown table cell: no line breaks, and the characters that
 * would end the cell or start markup escaped. */
static void md(FILE *f, const char *s) {
  for (; s && *s; s++) {
    if (*s == '\n' || *s == '\r' || *s == '\t') {
      fputc(' ', f);
      continue;
    }
    if ((unsigned char)*s < 0x20) continue;
    /* '<' starts markup only before a letter, '/', '!' or '?' */
    if (strchr("\\|*`", *s) || (*s == '<' && (isalpha((unsigned char)s[1]) || strchr("/!?", s[1]))))
      fputc('\\', f);
    fputc(*s, f);
  }
}

/* A relative link target (our own file names: only [A-Za-z0-9_.-/]). */
static void href(FILE *f, const char *s) {
  html(f, s);
}

/* ---- numbers */

static const char *fnum(const char *fmt, double v) {
  if (isnan(v)) return "\u2014";
  if (isinf(v)) return v > 0 ? "inf" : "-inf";
  return rep_printf(fmt, v);
}

static const char *fulp(double v) {
  return fnum("%.4g", v);
}
static const char *fsci(double v) {
  return fnum("%.3g", v);
}
static const char *fcount(double v) {
  return fnum("%.0f", v);
}

static const char *fpct(double v) {
  if (isnan(v)) return "\u2014";
  if (v >= 1) return "100%";
  const char *s = rep_printf("%.4g%%", v * 100);
  if (!strcmp(s, "100%")) return ">99.99%";
  return s;
}

static const char *fstr(const char *s) {
  return s ? s : "\u2014";
}

static const char *fpair(const char *x) {
  return x ? x : "never";
}

/* ---- tables */

typedef struct {
  const char *text, *sub, *cls, *tip;
} cell;

typedef struct {
  cell *cells;
  size_t n, cap;
} row;

typedef struct {
  const char **head;
  size_t ncols;
  row *rows;
  size_t nrows, cap;
} table;

static table *tab_new(size_t ncols, ...) {
  table *t = rep_alloc(sizeof *t);
  t->ncols = ncols;
  t->head = rep_alloc(ncols * sizeof *t->head);
  va_list ap;
  va_start(ap, ncols);
  for (size_t i = 0; i < ncols; i++) t->head[i] = va_arg(ap, const char *);
  va_end(ap);
  return t;
}

static table *tab_new_v(size_t ncols, const char **head) {
  table *t = rep_alloc(sizeof *t);
  t->ncols = ncols;
  t->head = head;
  return t;
}

static void tab_row(table *t) {
  t->rows = rep_grow(t->rows, &t->cap, t->nrows, sizeof *t->rows);
  memset(&t->rows[t->nrows++], 0, sizeof(row));
}

static cell *tab_cell(table *t, const char *cls, const char *text) {
  row *r = &t->rows[t->nrows - 1];
  r->cells = rep_grow(r->cells, &r->cap, r->n, sizeof *r->cells);
  cell *c = &r->cells[r->n++];
  memset(c, 0, sizeof *c);
  c->text = text ? text : "";
  c->cls = cls;
  return c;
}

/* A row's last cell spans the columns left. */
static void tab_html(FILE *f, const table *t, const char *cls) {
  fprintf(f, "<div class=\"scroll\"><table%s%s%s>\n<thead><tr>", cls ? " class=\"" : "",
          cls ? cls : "", cls ? "\"" : "");
  for (size_t i = 0; i < t->ncols; i++) {
    fputs("<th>", f);
    html(f, t->head[i]);
    fputs("</th>", f);
  }
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t r = 0; r < t->nrows; r++) {
    const row *w = &t->rows[r];
    fputs("<tr>", f);
    for (size_t i = 0; i < w->n; i++) {
      const cell *c = &w->cells[i];
      fputs("<td", f);
      if (c->cls) {
        fputs(" class=\"", f);
        html(f, c->cls);
        fputc('"', f);
      }
      if (c->tip) {
        fputs(" title=\"", f);
        html(f, c->tip);
        fputc('"', f);
      }
      if (i + 1 == w->n && w->n < t->ncols) fprintf(f, " colspan=\"%zu\"", t->ncols - i);
      fputc('>', f);
      html(f, c->text);
      if (c->sub) {
        fputs("<br><small>", f);
        html(f, c->sub);
        fputs("</small>", f);
      }
      fputs("</td>", f);
    }
    fputs("</tr>\n", f);
  }
  fputs("</tbody></table></div>\n", f);
}

static void tab_md(FILE *f, const table *t) {
  fputc('|', f);
  for (size_t i = 0; i < t->ncols; i++) {
    fputc(' ', f);
    md(f, t->head[i]);
    fputs(" |", f);
  }
  fputs("\n|", f);
  for (size_t i = 0; i < t->ncols; i++) fputs(" --- |", f);
  fputc('\n', f);
  for (size_t r = 0; r < t->nrows; r++) {
    const row *w = &t->rows[r];
    fputc('|', f);
    for (size_t i = 0; i < t->ncols; i++) {
      fputc(' ', f);
      if (i < w->n) {
        const cell *c = &w->cells[i];
        int strong = c->cls && (strstr(c->cls, "best") || strstr(c->cls, "group"));
        if (strong) fputs("**", f);
        md(f, c->text);
        if (c->sub) {
          fputs(" (", f);
          md(f, c->sub);
          fputc(')', f);
        }
        if (strong) fputs("**", f);
      }
      fputs(" |", f);
    }
    fputc('\n', f);
  }
  fputc('\n', f);
}

/* ---- what the pages say */

static const char *const style =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;"
    "max-width:1180px;padding:1em 1.5em;color:#1d1d1f;line-height:1.45}\n"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ddd}\n"
    "h3{margin-top:1.4em}\n"
    "table{border-collapse:collapse;font-size:.86em;margin:.5em 0 1em}\n"
    "th,td{border:1px solid #d0d0d0;padding:.25em .5em;vertical-align:top;text-align:left}\n"
    "th{background:#f2f4f7}tr:nth-child(even) td{background:#fafbfc}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "td.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95em}\n"
    "td.ok{color:#0a6b2b}td.bad{color:#b00020;font-weight:600}td.muted{color:#777}\n"
    "td.best{font-weight:700}td small{color:#666}\n"
    ".scroll{overflow-x:auto}\n"
    "figure{margin:1em 0 2em}figure img{max-width:100%;height:auto;border:1px solid #e4e4e4}\n"
    "figcaption{font-size:.88em;color:#444}\n"
    "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;background:#f4f4f4;"
    "padding:0 .2em}\n"
    "details{margin:.3em 0}summary{cursor:pointer}\n"
    "nav a{margin-right:.8em}.note{color:#555;font-size:.9em}\n"
    "td.group{background:#e8edf4;font-weight:600}p.group{font-weight:600;margin:.8em 0 .2em}\n"
    "ul.acts{columns:2;margin-top:.2em}\n";

static void page_begin(FILE *f, const char *title) {
  fputs(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      f);
  html(f, title);
  fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

static void page_end(FILE *f) {
  fputs("</body>\n</html>\n", f);
}

static const char *now_utc(void) {
  time_t t = time(NULL);
  struct tm tm;
  char buf[40];
  gmtime_r(&t, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return rep_strdup(buf);
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

static const char *const file_label[REP_NFILES] = {"speed.json", "accuracy.json",
                                                   "saturation.json"};

/* One row per context member: the value, or the values per file where the
 * files disagree (results from different machines or builds). */
static table *context_table(const rep_model *m) {
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
  /* caches come as actbench's object {l1d, l2, l3} or as Google Benchmark's
   * list (speed.json); when both are there, the object says it for all */
  int cache_object = 0;
  for (int i = 0; i < REP_NFILES; i++)
    if (m->files[i].context && json_is_object(json_object_get(m->files[i].context, "caches")))
      cache_object = 1;
  for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
    const char *vals[REP_NFILES] = {NULL, NULL, NULL};
    int nv = 0, same = 1;
    const char *first = NULL;
    for (int i = 0; i < REP_NFILES; i++) {
      if (!m->files[i].context) continue;
      json_t *v = json_object_get(m->files[i].context, keys[k][0]);
      if (!strcmp(keys[k][0], "caches") && cache_object && !json_is_object(v)) continue;
      vals[i] = ctx_value(v);
      if (!vals[i]) continue;
      if (!first)
        first = vals[i];
      else if (strcmp(first, vals[i]))
        same = 0;
      nv++;
    }
    if (!nv) continue;
    const char *v = first;
    if (!same) {
      v = "";
      for (int i = 0; i < REP_NFILES; i++)
        if (vals[i]) v = rep_printf("%s%s%s: %s", v, *v ? "; " : "", file_label[i], vals[i]);
    }
    tab_row(t);
    tab_cell(t, NULL, keys[k][1]);
    tab_cell(t, !strcmp(keys[k][0], "cpu_features") ? "code" : NULL, v);
  }
  return t;
}

static table *files_table(const rep_model *m) {
  table *t = tab_new(5, "results", "file", "date", "actbench", "command");
  for (int i = 0; i < REP_NFILES; i++) {
    const rep_file *f = &m->files[i];
    if (!f->doc) continue;
    tab_row(t);
    tab_cell(t, NULL, rep_kind_names[i]);
    tab_cell(t, "code", f->path);
    const char *date = f->context ? ctx_value(json_object_get(f->context, "date")) : NULL;
    const char *cmd = f->context ? ctx_value(json_object_get(f->context, "command")) : NULL;
    if (!cmd && f->context) cmd = ctx_value(json_object_get(f->context, "executable"));
    tab_cell(t, NULL, fstr(date));
    tab_cell(t, NULL, fstr(f->version));
    tab_cell(t, "code", fstr(cmd));
  }
  return t;
}

static const char *params_str(const rep_act *a) {
  if (!a->params || !json_object_size(a->params)) return NULL;
  const char *s = "", *key;
  json_t *v;
  json_object_foreach(a->params, key, v) {
    const char *x = json_is_number(v) ? rep_printf("%.9g", json_number_value(v)) : ctx_value(v);
    s = rep_printf("%s%s%s = %s", s, *s ? ", " : "", key, x ? x : "?");
  }
  return s;
}

/* ---- accuracy */

static table *accuracy_table(const rep_act *a, int bwd) {
  table *t =
      bwd ? tab_new(14, "implementation", "origin", "isa", "f\u2032 computed as", "claimed ULP",
                    "max ULP", "at x", "mean ULP", "correctly rounded", "> 1 ULP", "max abs err",
                    "max rel err", "special failures", "within claim")
          : tab_new(13, "implementation", "origin", "isa", "claimed ULP", "max ULP", "at x",
                    "mean ULP", "correctly rounded", "> 1 ULP", "max abs err", "max rel err",
                    "special failures", "within claim");
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
    tab_cell(t, "num", fulp(bwd ? p->claimed_bwd : p->claimed_fwd));
    tab_cell(t, "num", fulp(s->max_ulp));
    /* where the largest error is, when there is an error at all */
    cell *c = tab_cell(t, "num", s->max_ulp > 0 ? fstr(s->max_ulp_x) : "\u2014");
    if (s->max_ulp > 0 && (s->max_ulp_got || s->max_ulp_want))
      c->tip =
          rep_printf("got %s, correctly rounded %s", fstr(s->max_ulp_got), fstr(s->max_ulp_want));
    tab_cell(t, "num", fulp(s->mean_ulp));
    tab_cell(t, "num", fpct(s->cr_fraction));
    tab_cell(t, "num", fcount(s->count_gt_1ulp));
    tab_cell(t, "num", fsci(s->max_abs_err));
    tab_cell(t, "num", fsci(s->max_rel_err));
    c = tab_cell(t, s->special_failures > 0 ? "num bad" : "num", fcount(s->special_failures));
    if (s->nan_input_failures > 0)
      c->sub = rep_printf("%s of them NaN inputs", fcount(s->nan_input_failures));
    if (isfinite(s->inputs) && !(s->inputs == r->inputs))
      c->tip = rep_printf("of %s inputs", fcount(s->inputs));
    tab_cell(t, s->within_claim ? "ok" : "bad", s->within_claim ? "yes" : "NO");
  }
  return t;
}

static void p_note(FILE *f, const char *text);

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
      tab_cell(t, p->fspecial > 0 ? "num bad" : "num", fulp(p->fmax));
      tab_cell(t, "num", fpct(p->fcr));
      tab_cell(t, p->has_bwd && p->bspecial > 0 ? "num bad" : "num",
               p->has_bwd ? fulp(p->bmax) : "\u2014");
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
    t = tab_new(7, "x", "f got", "f exact", "f ok", "f\u2032 got", "f\u2032 exact", "f\u2032 ok");
    for (size_t k = 0; k < f->nspecials; k++) {
      const rep_special *u = &f->specials[k], *v = &b->specials[k];
      tab_row(t);
      tab_cell(t, "num", fstr(u->x));
      tab_cell(t, "num", fstr(u->got));
      tab_cell(t, "num", fstr(u->want));
      tab_cell(t, u->ok ? "ok" : "bad", u->ok ? "ok" : "FAIL");
      tab_cell(t, "num", fstr(v->got));
      tab_cell(t, "num", fstr(v->want));
      tab_cell(t, v->ok ? "ok" : "bad", v->ok ? "ok" : "FAIL");
      *failures += !u->ok + !v->ok;
    }
    return t;
  }
  t = tab_new(5, "", "x", "got", "exact", "ok");
  for (int d = 0; d < 1 + p->has_bwd; d++) {
    const rep_stats *s = d ? b : f;
    for (size_t k = 0; k < s->nspecials; k++) {
      const rep_special *u = &s->specials[k];
      tab_row(t);
      tab_cell(t, NULL, d ? "f\u2032" : "f");
      tab_cell(t, "num", fstr(u->x));
      tab_cell(t, "num", fstr(u->got));
      tab_cell(t, "num", fstr(u->want));
      tab_cell(t, u->ok ? "ok" : "bad", u->ok ? "ok" : "FAIL");
      *failures += !u->ok;
    }
  }
  return t;
}

/* ---- speed */

/* One row of the speed table: an implementation's throughput in one
 * direction at every size, and its share of the copy's bandwidth. */
static void speed_row(table *t, const rep_model *m, const rep_spd_impl *p, int d,
                      const long long *ns, size_t nn, double (*best)[2], int with_copy, int nimpls,
                      const char *cls) {
  for (size_t i = 0; i < nn; i++) {
    const rep_point *q = NULL;
    for (size_t k = 0; k < p->npoints; k++)
      if (p->points[k].n == ns[i]) q = &p->points[k];
    if (!q || !isfinite(q->ips[d])) {
      tab_cell(t, "num muted", "\u2014");
      if (with_copy) tab_cell(t, "num muted", "\u2014");
      continue;
    }
    int top = best && q->ips[d] >= best[i][d] && nimpls > 1;
    cell *c = tab_cell(t,
                       top   ? "num best"
                       : cls ? cls
                             : "num",
                       rep_printf("%.3g G/s", q->ips[d] / 1e9));
    if (isfinite(q->bps[d])) c->sub = rep_printf("%.3g GB/s", q->bps[d] / 1e9);
    if (!with_copy) continue;
    double copy = rep_copy_bps(m, ns[i]);
    c = tab_cell(t, "num",
                 isfinite(copy) && isfinite(q->bps[d])
                     ? rep_printf("%.0f%%", 100 * q->bps[d] / copy)
                     : "\u2014");
    if (isfinite(copy)) c->tip = rep_printf("memory.copy at this n: %.3g GB/s", copy / 1e9);
  }
}

static table *speed_table(const rep_model *m, const rep_act *a) {
  const rep_spd *s = a->spd;
  long long ns[64];
  const char *cls[64];
  size_t nn = 0;
  for (size_t j = 0; j < s->nimpls; j++)
    for (size_t k = 0; k < s->impls[j].npoints; k++) {
      const rep_point *q = &s->impls[j].points[k];
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
  size_t per = with_copy ? 2 : 1, ncols = 4 + per * nn;
  const char **head = rep_alloc(ncols * sizeof *head);
  head[0] = "implementation";
  head[1] = "origin";
  head[2] = "isa";
  head[3] = "direction";
  for (size_t i = 0; i < nn; i++) {
    head[4 + per * i] =
        cls[i] ? rep_printf("n = %lld (%s)", ns[i], cls[i]) : rep_printf("n = %lld", ns[i]);
    if (with_copy) head[5 + per * i] = rep_printf("%% of copy bandwidth, n = %lld", ns[i]);
  }
  table *t = tab_new_v(ncols, head);
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
        speed_row(t, m, p, d, ns, nn, best, with_copy, (int)s->nimpls, NULL);
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
      speed_row(t, m, p, d, ns, nn, NULL, with_copy, 0, "num muted");
    }
  }
  return t;
}

/* ---- the speed targets (speed.json's "targets") */

static const char *verdict_cls(int met) {
  return met > 0 ? "ok" : met == 0 ? "bad" : "muted";
}

static const char *target_name(const rep_target *t) {
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

/* ours or the reference: name, claimed ULP and throughput */
static void who_cell(table *t, const char *name, double ulp, double ips, const char *none) {
  if (!name) {
    tab_cell(t, "muted", none ? none : "\u2014");
    return;
  }
  cell *c = tab_cell(t, "code", name);
  c->sub = isnan(ips) ? rep_printf("claims %s ulp", fsci(ulp))
                      : rep_printf("claims %s ulp; %.3g G/s", fsci(ulp), ips / 1e9);
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
  table *t = tab_new(7, "target", "size", "ratio", "verdict", "ours (the fastest that qualifies)",
                     "reference", "note");
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
      tab_cell(t, "num", fratio(g, q->ratio));
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
  table *t =
      tab_new(6, "target", "size", "kernel", "% of copy bandwidth", "verdict", "memory.copy");
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
static table *targets_summary(const rep_model *m) {
  table *t = tab_new(4, "target", "verdict", "ratio at each size", "ours / reference");
  for (size_t i = 0; i < m->ntargets; i++) {
    const rep_target *g = &m->targets[i];
    tab_row(t);
    tab_cell(t, NULL, target_name(g));
    tab_cell(t, verdict_cls(g->met), g->status);
    const char *r = "", *who = "";
    for (size_t k = 0; k < g->nsizes; k++) {
      const rep_target_size *q = &g->sizes[k];
      r = rep_printf("%s%s%s %s", r, k ? ", " : "", q->cls, fratio(g, q->ratio));
      const char *w = g->bandwidth ? (q->worst ? rep_printf("worst: %s", q->worst) : "")
                                   : rep_printf("%s / %s", q->ours ? q->ours : "\u2014",
                                                q->peer ? q->peer : "not measured");
      if (!strstr(who, w)) who = rep_printf("%s%s%s", who, *who ? "; " : "", w);
    }
    tab_cell(t, "num", g->nsizes ? r : "\u2014");
    tab_cell(t, "code", who);
  }
  return t;
}

static const char *const targets_note =
    "The speed targets, judged in the run that wrote speed.json: ratios of throughput measured "
    "side by side. Peer targets: at each size, of our vector kernels (origin actbench, avx2 or "
    "avx512) those whose claimed max ULP error (f forward, f\u2032 backward) is no worse than "
    "the reference's claim qualify, and the fastest of them is set against the reference (the "
    "fastest implementation of the named library, or of every peer) in items/s. Bandwidth "
    "targets: at the DRAM size each of our vector kernels against memory.copy in bytes/s. A "
    "verdict that is neither met nor not met says what was missing.";

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
      acc = rep_printf("%s (%s)", p->name, fulp(best));
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

static const char *const conventions =
    "ULP error as in docs/accuracy.md: the exact value from MPFR for the float input, "
    "ulp(y) = 2^max(e - 24, -149) for 2^(e-1) <= |y| < 2^e; correctly rounded means "
    "bit-for-bit equal to RN(exact). Special-value failures (NaN for a number, a number for "
    "NaN, a wrong infinity) are counted apart and left out of the means. At a kink the "
    "derivative follows the major frameworks: relu'(0) = 0, leaky_relu'(0) = a. "
    "Throughput: items_per_second of Google Benchmark in G elements/s; bytes counted are "
    "8 per element forward (x in, y out) and 16 backward (x, y, dy in, dx out). The memory "
    "limit is the bytes/s of the baseline memory.copy (a copy of x to y) at the same n, drawn "
    "as the elements/s a kernel would reach at that bandwidth (bytes/s / 8 forward, / 16 "
    "backward); % of copy bandwidth is a kernel's bytes/s over the copy's. Ours: origin "
    "actbench, solid lines in the figures; peers (the library in the origin column: libm, "
    "SLEEF, oneDNN, XNNPACK): dashed. An implementation without a backward kernel (XNNPACK) "
    "has no f\u2032 measurements.";

/* ---- HTML */

static void figure_html(FILE *f, const char *stem, const char *caption) {
  if (!stem) return;
  fputs("<figure><a href=\"", f);
  href(f, rep_printf("fig/%s.png", stem));
  fputs("\"><img src=\"", f);
  href(f, rep_printf("fig/%s.svg", stem));
  fputs("\" alt=\"", f);
  html(f, caption);
  fputs("\" width=\"900\"></a>\n<figcaption>", f);
  html(f, caption);
  fputs(" \u2014 <a href=\"", f);
  href(f, rep_printf("fig/%s.png", stem));
  fputs("\">PNG</a> \u00b7 <a href=\"", f);
  href(f, rep_printf("gp/%s.gp", stem));
  fputs("\">gnuplot script</a> (run <code>gnuplot ", f);
  html(f, rep_printf("gp/%s.gp", stem));
  fputs("</code> in the report folder)</figcaption></figure>\n", f);
}

static void p_note(FILE *f, const char *text) {
  fputs("<p class=\"note\">", f);
  html(f, text);
  fputs("</p>\n", f);
}

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

  if (a->sat) {
    fputs("<h2>Saturation</h2>\n", f);
    figure_html(f, a->fig_curve,
                "f and f\u2032 over x (exact); shaded: where |f\u2032| < \u03b5; "
                "markers: where f reaches its asymptote and where f\u2032 is computed as 0 "
                "(values beyond the plotted range are written at its edge)");
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
    figure_html(f, a->fig_satbars, "saturation points per implementation");
  }
  if (a->acc) {
    fputs("<h2>Accuracy</h2>\n", f);
    figure_html(f, a->fig_ulp_fwd, "ULP error of f against x, the largest in each bin");
    figure_html(f, a->fig_ulp_bwd, "ULP error of f\u2032 against x, the largest in each bin");
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
    if (a->acc->nnarrow) {
      fputs("<h3>bfloat16 and binary16</h3>\n", f);
      p_note(f, double_rounding_note(a));
      tab_html(f, narrow_table(a), NULL);
    }
    fputs("<h3>Special values</h3>\n", f);
    for (size_t j = 0; j < a->acc->nimpls; j++) {
      const rep_acc_impl *p = &a->acc->impls[j];
      if (!p->available) continue;
      int fails;
      table *t = specials_table(p, &fails);
      fputs("<details><summary><code>", f);
      html(f, p->name);
      fprintf(f, "</code>: %d failure%s</summary>\n", fails, fails == 1 ? "" : "s");
      tab_html(f, t, NULL);
      fputs("</details>\n", f);
    }
  }
  if (a->spd) {
    fputs("<h2>Speed</h2>\n", f);
    figure_html(f, a->fig_speed, "throughput against n, forward and backward");
    p_note(f,
           "G elements per second (Google Benchmark items_per_second), and below it the "
           "memory traffic in GB/s; the fastest at each size in bold. % of copy bandwidth: the "
           "kernel's bytes/s over those of the baseline memory.copy at the same n (a kernel "
           "moves 8 bytes per element forward, 16 backward; the copy 8).");
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
  page_end(f);
  rep_fclose(f, dir, name);
}

void rep_write_html(const rep_model *m, const char *dir) {
  FILE *f = rep_fopen(dir, "index.html");
  page_begin(f, "actbench report");
  fputs(
      "<h1>actbench report</h1>\n<p>Activation functions: accuracy, saturation and speed, "
      "rendered ",
      f);
  html(f, now_utc());
  fputs(" from the results files below by <code>actbench report</code>.</p>\n", f);
  fputs("<h2>Activations</h2>\n", f);
  int group = -1;
  for (size_t i = 0; i < m->nacts; i++) {
    const rep_act *a = &m->acts[i];
    int g = rep_act_is_seed(a) ? 0 : 1;
    if (g != group) {
      fprintf(f, "%s<p class=\"group\">%s</p>\n<ul class=\"acts\">\n", group < 0 ? "" : "</ul>\n",
              g ? "The family added to the seed" : "The seed's four");
      group = g;
    }
    fputs("<li><a href=\"", f);
    href(f, rep_printf("%s.html", a->stem));
    fputs("\">", f);
    html(f, a->name);
    fputs("</a>", f);
    const char *parts = "";
    if (a->acc) parts = "accuracy";
    if (a->sat) parts = rep_printf("%s%ssaturation", parts, *parts ? ", " : "");
    if (a->spd) parts = rep_printf("%s%sspeed", parts, *parts ? ", " : "");
    fputs(": ", f);
    html(f, parts);
    size_t ours = 0;
    for (size_t j = 0; j < a->nnames; j++) ours += rep_origin_is_ours(a->names[j].origin);
    fprintf(f, " <span class=\"note\">(%zu ours, %zu peer%s)</span>", ours, a->nnames - ours,
            a->nnames - ours == 1 ? "" : "s");
    fputs("</li>\n", f);
  }
  if (group >= 0) fputs("</ul>\n", f);
  tab_html(f, overview_table(m), NULL);
  if (m->ntargets) {
    fputs("<h2>Speed targets</h2>\n", f);
    p_note(f, targets_note);
    tab_html(f, targets_summary(m), NULL);
  }
  fputs("<h2>Results files</h2>\n", f);
  tab_html(f, files_table(m), NULL);
  if (m->acc_sweep || m->sat_scan || m->acc_conventions) {
    fputs("<ul>\n", f);
    if (m->acc_sweep) {
      fputs("<li>accuracy sweep: ", f);
      html(f, m->acc_sweep);
      fputs("</li>\n", f);
    }
    if (m->acc_conventions) {
      fputs("<li>accuracy conventions: ", f);
      html(f, m->acc_conventions);
      fputs("</li>\n", f);
    }
    if (m->sat_scan) {
      fputs("<li>saturation scan: ", f);
      html(f, m->sat_scan);
      fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);
  }
  fputs("<h2>Machine</h2>\n", f);
  tab_html(f, context_table(m), NULL);
  fputs("<h2>Conventions</h2>\n", f);
  p_note(f, conventions);
  fputs(
      "<p class=\"note\">Every figure is redrawn by <code>gnuplot gp/&lt;name&gt;.gp</code> run "
      "in this folder, from the data in <code>data/</code>. A Markdown summary is in <a "
      "href=\"summary.md\">summary.md</a>.</p>\n",
      f);
  page_end(f);
  rep_fclose(f, dir, "index.html");
  for (size_t i = 0; i < m->nacts; i++) activation_page(m, &m->acts[i], dir);
}

/* ---- Markdown */

static void figure_md(FILE *f, const char *stem, const char *caption) {
  if (!stem) return;
  fputs("![", f);
  md(f, caption);
  fprintf(f, "](fig/%s.png)\n\n", stem);
}

void rep_write_markdown(const rep_model *m, const char *dir) {
  FILE *f = rep_fopen(dir, "summary.md");
  fprintf(f,
          "# actbench report\n\nRendered %s by `actbench report`; the same with the "
          "figures inline: [index.html](index.html).\n\n",
          now_utc());
  tab_md(f, overview_table(m));
  if (m->ntargets) {
    fputs("## Speed targets\n\n", f);
    md(f, targets_note);
    fputs("\n\n", f);
    tab_md(f, targets_summary(m));
  }
  fputs("## Results files\n\n", f);
  tab_md(f, files_table(m));
  if (m->acc_sweep) {
    fputs("- accuracy sweep: ", f);
    md(f, m->acc_sweep);
    fputc('\n', f);
  }
  if (m->acc_conventions) {
    fputs("- accuracy conventions: ", f);
    md(f, m->acc_conventions);
    fputc('\n', f);
  }
  if (m->sat_scan) {
    fputs("- saturation scan: ", f);
    md(f, m->sat_scan);
    fputc('\n', f);
  }
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
    if (a->sat) {
      fputs("### Saturation\n\n", f);
      figure_md(f, a->fig_curve, "f and f' over x, saturation thresholds and points");
      if (a->sat->nmath) tab_md(f, math_table(a));
      tab_md(f, sat_table(a));
      figure_md(f, a->fig_satbars, "saturation points per implementation");
    }
    if (a->acc) {
      fputs("### Accuracy\n\n", f);
      figure_md(f, a->fig_ulp_fwd, "ULP error of f against x");
      figure_md(f, a->fig_ulp_bwd, "ULP error of f' against x");
      fputs("f (forward):\n\n", f);
      tab_md(f, accuracy_table(a, 0));
      fputs("f\u2032 (backward):\n\n", f);
      tab_md(f, accuracy_table(a, 1));
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
        fprintf(f, ", %d failure%s</summary>\n\n", fails, fails == 1 ? "" : "s");
        tab_md(f, t);
        fputs("</details>\n\n", f);
      }
    }
    if (a->spd) {
      fputs("### Speed\n\n", f);
      figure_md(f, a->fig_speed, "throughput against n");
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
  }
  rep_fclose(f, dir, "summary.md");
}
