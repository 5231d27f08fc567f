/* actbench report: the front page (index.html) and summary.md, one document
 * written twice (doc.h): the four questions a reader brings and their
 * answers, the accuracy classes, the libraries' accuracy, where gradients
 * vanish, what the peers get wrong; then (HTML) the overview figure, the
 * activations, the results files and the machine.  summary.md stops at the
 * verdicts; every table of every activation is in tables.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_page.h"
#include "util.h"

/* ---- the libraries' accuracy: activation by library */

/* the libraries present, ours first, then rep_libraries' order, then the
 * others (plugins) as they come */
static size_t libraries(const rep_model *m, const char **out, size_t cap) {
  size_t n = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < m->nacts; i++)
      for (size_t j = 0; j < m->acts[i].nnames; j++) {
        const char *o = m->acts[i].names[j].origin;
        const char *lib = rep_origin_is_ours(o) ? "actbench" : o;
        int known = rep_library_rank(lib) < REP_NLIBS;
        if (known != !pass) continue;
        size_t k = 0;
        while (k < n && strcmp(out[k], lib)) k++;
        if (k == n && n < cap) out[n++] = lib;
      }
  /* the known ones in rep_libraries' order */
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && rep_library_rank(out[j - 1]) > rep_library_rank(out[j]); j--) {
      const char *t = out[j];
      out[j] = out[j - 1];
      out[j - 1] = t;
    }
  return n;
}

static const char *lib_title(const char *lib) {
  return !strcmp(lib, "actbench") ? "ours" : lib;
}

/* the marks of a kernel in one direction: its tails' letters and "!" when
 * it exceeds its claim or documented bound */
static const char *marks_of(const rep_stats *s) {
  const char *t = rep_tail_letters(s);
  int exceeds = s->verdict >= 0 ? s->verdict == 1 : !s->within_claim;
  return rep_printf("%s%s", t ? t : "", exceeds ? "!" : "");
}

static void add_marks(char *have, const char *m) {
  for (; *m; m++)
    if (!strchr(have, *m) && strlen(have) < 15) {
      size_t n = strlen(have);
      have[n] = *m;
      have[n + 1] = 0;
    }
}

/* core max ULP of one direction: the range over a library's kernels */
typedef struct {
  double lo, hi;
  char marks[16];
  size_t n;
  const char *tip;
} lib_cell;

static void lib_add(lib_cell *c, const rep_acc_impl *p, int d) {
  const rep_stats *s = d ? &p->bwd : &p->fwd;
  double u = s->has_core && !isnan(s->core_max_ulp) ? s->core_max_ulp : s->max_ulp;
  if (!c->n || u < c->lo) c->lo = u;
  if (!c->n || u > c->hi) c->hi = u;
  c->n++;
  const char *mk = marks_of(s);
  add_marks(c->marks, mk);
  c->tip = rep_printf("%s%s%s %s: core %s, all inputs %s ULP%s%s", c->tip ? c->tip : "",
                      c->tip ? "; " : "", p->name, d ? "f\u2032" : "f", fulp(u), fulp(s->max_ulp),
                      *mk ? ", marks " : "", mk);
}

static const char *range_str(const lib_cell *c) {
  if (!c->n) return "\u2014";
  if (c->lo == c->hi || c->n == 1) return fulp(c->hi);
  return rep_printf("%s\u2013%s", fulp(c->lo), fulp(c->hi));
}

static const char *lib_cls(const lib_cell *f, const lib_cell *b) {
  const char *all = rep_printf("%s%s", f->marks, b->marks);
  if (strpbrk(all, "NI!")) return "num cell-bad";
  if (strpbrk(all, "ZPDS") || f->lo > 1 || (b->n && b->lo > 1)) return "num cell-warn";
  return "num cell-ok";
}

doc_table *library_table(const rep_model *m) {
  const char *libs[32];
  size_t nl = libraries(m, libs, 32);
  const char **head = rep_alloc((1 + nl) * sizeof *head);
  head[0] = "activation";
  for (size_t k = 0; k < nl; k++) head[1 + k] = lib_title(libs[k]);
  doc_table *t = doc_table_new_v(1 + nl, head);
  for (size_t k = 0; k < nl; k++)
    t->head_tip[1 + k] = !strcmp(libs[k], "actbench")
                             ? "our kernels (origin actbench): the range over them"
                             : rep_printf("the kernels of %s: the range over them", libs[k]);
  for (size_t i = 0; i < m->nacts; i++) {
    const rep_act *a = &m->acts[i];
    if (!a->acc) continue;
    doc_table_row(t);
    doc_cell *c = doc_table_cell(t, NULL, a->name);
    c->link = rep_printf("%s.html", a->stem);
    for (size_t k = 0; k < nl; k++) {
      lib_cell f = {0, 0, "", 0, NULL}, b = {0, 0, "", 0, NULL};
      for (size_t j = 0; j < a->acc->nimpls; j++) {
        const rep_acc_impl *p = &a->acc->impls[j];
        const char *lib = rep_origin_is_ours(p->origin) ? "actbench" : p->origin;
        if (!p->available || strcmp(lib, libs[k])) continue;
        lib_add(&f, p, 0);
        if (p->has_bwd) lib_add(&b, p, 1);
      }
      if (!f.n) {
        doc_table_cell(t, "num muted", "\u2014");
        continue;
      }
      c = doc_table_num(t, lib_cls(&f, &b),
                        rep_printf("%s%s%s", range_str(&f), *f.marks ? " " : "", f.marks), f.lo);
      c->sub = b.n ? rep_printf("f\u2032 %s%s%s", range_str(&b), *b.marks ? " " : "", b.marks)
                   : "no f\u2032 kernel";
      c->tip = rep_printf("%zu kernel%s. %s%s%s", f.n, f.n == 1 ? "" : "s", f.tip,
                          b.tip ? "; " : "", b.tip ? b.tip : "");
    }
  }
  return t;
}

static const char *const library_note =
    "The max ULP error over the core (the inputs whose exact result is 0 or a normal float) of "
    "f, and below it of f\u2032, of each library's kernels for each activation: one number for "
    "one kernel, the range over several (hover a cell for each kernel, with its max over all "
    "inputs). The marks say what the core leaves out: Z flushes to 0 where the exact result is "
    "subnormal, P returns 0 or the limit while the exact result is a normal float (saturates "
    "early), N NaN for a number, I a wrong infinity, D a subnormal input taken as 0, S a zero "
    "of the wrong sign, K f\u2032 at a kink is the other one-sided derivative (another "
    "convention, not an error), ! exceeds its claim (ours) or its documented bound (a library's). "
    "Green: within 1 ULP and no mark; amber: more than 1 ULP, or early zeros; red: NaN, "
    "infinities, or a bound exceeded.";

/* ---- where gradients vanish */

static const act_res_numerical *numerical_of(const rep_act *a, const char *format) {
  for (size_t k = 0; a->sat && k < a->sat->nnumerical; k++)
    if (!strcmp(a->sat->numerical[k].format, format)) return &a->sat->numerical[k];
  return NULL;
}

/* where f' is 0 from outward, on one side, of an evaluator or of the exact
 * row of a format (NAN: never, or not given) */
static double zero_from(const act_res_num_eval *e, int pos) {
  return !e ? NAN : pos ? e->zero_from.xpos : e->zero_from.xneg;
}

static const act_res_num_eval *exact_of(const act_res_numerical *nf) {
  return nf && nf->has_exact ? &nf->exact : NULL;
}

/* the evaluator (formula or implementation) of a format whose computed f'
 * is 0 nearest 0, outward: "name (x = 16.64)", with the x on which side */
static const char *first_zero(const act_res_numerical *nf, const char *kind, double *xout) {
  const char *best = NULL;
  double bx = NAN;
  for (size_t k = 0; nf && k < nf->nevals; k++) {
    const act_res_num_eval *e = &nf->evals[k];
    if (!e->kind || strcmp(e->kind, kind)) continue;
    for (int pos = 0; pos < 2; pos++) {
      double x = zero_from(e, pos);
      if (isfinite(x) && (isnan(bx) || fabs(x) < fabs(bx))) bx = x, best = e->name;
    }
  }
  *xout = bx;
  return best;
}

static const char *drop_act(const rep_act *a, const char *name) {
  size_t n = strlen(a->name);
  if (name && !strncmp(name, a->name, n) && name[n] == '.') return name + n + 1;
  return name;
}

doc_table *vanish_table(const rep_model *m) {
  doc_table *t =
      doc_table_new(5, "activation", "exact f\u2032 rounds to 0 from (float)",
                    "first derivative formula computed as 0 (float)", "the same in bfloat16",
                    "implementations whose f\u2032 is 0 too early (float)");
  for (size_t i = 0; i < m->nacts; i++) {
    const rep_act *a = &m->acts[i];
    if (!a->sat) continue;
    doc_table_row(t);
    doc_cell *c = doc_table_cell(t, NULL, a->name);
    c->link = rep_printf("%s.html#saturation", a->stem);
    const char *ez =
        rep_printf("%s / %s", a->sat->exact_zero.neg ? a->sat->exact_zero.neg : "never",
                   a->sat->exact_zero.pos ? a->sat->exact_zero.pos : "never");
    doc_table_cell(t, "num", ez);
    static const char *const fmts[2] = {"binary32", "bfloat16"};
    for (int k = 0; k < 2; k++) {
      const act_res_numerical *nf = numerical_of(a, fmts[k]);
      double x;
      const char *who = first_zero(nf, "formula", &x);
      if (!who) {
        doc_table_cell(t, "muted", nf ? "never" : "\u2014");
        continue;
      }
      double exs = zero_from(exact_of(nf), x > 0);
      int early = !(fabs(x) >= fabs(exs)) || (isnan(exs) && isfinite(x));
      c = doc_table_num(t, early ? "num bad" : "num", rep_printf("%.6g: %s", x, drop_act(a, who)),
                        fabs(x));
      c->tip = early
                   ? rep_printf("0 from x = %.9g while the exact f\u2032 rounds to 0 only from %s",
                                x, isnan(exs) ? "nowhere" : rep_printf("%.9g", exs))
                   : "where the exact f\u2032 rounds to 0 too";
    }
    size_t early = 0, all = 0;
    for (size_t j = 0; j < a->sat->nimpls; j++) {
      const rep_sat_impl *p = &a->sat->impls[j];
      if (!p->available || rep_impl_has_bwd(a, p->name) == 0) continue;
      all++;
      early += p->premature_neg || p->premature_pos;
    }
    doc_table_num(t, early ? "num bad" : "num", rep_printf("%zu of %zu", early, all),
                  (double)early);
  }
  return t;
}

/* ---- what the peers get wrong */

doc_table *findings_table(const rep_model *m, size_t *count) {
  doc_table *t = doc_table_new(6, "implementation", "library", "", "core max ULP", "marks",
                               "what happens (accuracy.json)");
  doc_table_filter(t, 1, "library");
  doc_table_filter(t, 2, "direction");
  t->sortable = 1;
  t->collapse = 8;
  t->id = "findings";
  *count = 0;
  for (size_t i = 0; i < m->nacts; i++) {
    const rep_act *a = &m->acts[i];
    if (!a->acc) continue;
    for (size_t k = 0; k < a->nnames; k++) {
      const rep_acc_impl *p = acc_impl(a, a->names[k].name);
      if (!p || !p->available || rep_origin_is_ours(p->origin)) continue;
      for (int d = 0; d < 1 + p->has_bwd; d++) {
        const rep_stats *s = d ? &p->bwd : &p->fwd;
        const char *mk = marks_of(s);
        if (!*mk) continue;
        ++*count;
        doc_table_row(t);
        doc_cell *c = doc_table_cell(t, "code", p->name);
        c->link = rep_printf("%s.html#accuracy", a->stem);
        doc_table_cell(t, NULL, p->origin);
        doc_table_cell(t, NULL, d ? "f\u2032" : "f");
        double u = s->has_core ? s->core_max_ulp : s->max_ulp;
        doc_table_num(t, "num", fulp(u), u);
        doc_table_cell(t, strpbrk(mk, "NI!") ? "bad" : NULL, mk);
        doc_table_cell(t, NULL, s->summary ? s->summary : fstr(s->verdict_text));
      }
    }
  }
  return t;
}

/* ---- the four questions */

static const rep_act *act_named(const rep_model *m, const char *name) {
  for (size_t i = 0; i < m->nacts; i++)
    if (!strcmp(m->acts[i].name, name)) return &m->acts[i];
  return NULL;
}

/* Q1: the fastest kernel of an activation within 1 ULP over the core */
static const char *answer_fastest(const rep_model *m, const rep_act **which) {
  const rep_act *a = act_named(m, "sigmoid");
  for (size_t i = 0; !(a && a->acc && a->spd) && i < m->nacts; i++) a = &m->acts[i];
  *which = a;
  if (!a || !a->acc || !a->spd || !a->rank_n) return NULL;
  rep_kpoint *p = rep_alloc((a->nnames + 1) * sizeof *p);
  size_t n = rep_kernel_points(a, 0, p);
  const rep_kpoint *w = rep_class_winner(p, n, 1.0);
  if (!w) return rep_printf("%s: no kernel within 1 ULP over the core", a->name);
  return rep_printf("%s at \u2264 1 ULP (f, %s): %s, %s", a->name, rank_size_str(a), w->name,
                    kpoint_text(w));
}

/* Q2: a library's kernels for an activation */
static const char *answer_library(const rep_model *m, const char *act, const char *lib) {
  const rep_act *a = act_named(m, act);
  if (!a || !a->acc) return NULL;
  const char *s = NULL;
  for (size_t j = 0; j < a->acc->nimpls; j++) {
    const rep_acc_impl *p = &a->acc->impls[j];
    if (!p->available || !p->origin || strcmp(p->origin, lib)) continue;
    for (int d = 0; d < 1 + p->has_bwd; d++) {
      const rep_stats *st = d ? &p->bwd : &p->fwd;
      double u = st->has_core ? st->core_max_ulp : st->max_ulp;
      const char *mk = marks_of(st);
      s = rep_printf("%s%s%s %s: core %s ULP%s%s%s", s ? s : "", s ? "; " : "", p->name,
                     d ? "f\u2032" : "f", fulp(u),
                     st->max_ulp > u ? rep_printf(" (all inputs %s)", fulp(st->max_ulp)) : "",
                     *mk ? ", marks " : "", mk);
    }
  }
  return s;
}

/* Q3: where the textbook derivative from the output stops */
static const char *answer_vanish(const rep_model *m) {
  const rep_act *a = act_named(m, "sigmoid");
  const act_res_numerical *nf = a ? numerical_of(a, "binary32") : NULL;
  if (!nf) return NULL;
  const act_res_num_eval *fy = NULL;
  for (size_t k = 0; k < nf->nevals; k++)
    if (strstr(nf->evals[k].name, "formula.from-y")) fy = &nf->evals[k];
  if (!fy) return NULL;
  double x = zero_from(fy, 1), ex = zero_from(exact_of(nf), 1);
  const act_res_numerical *nb = numerical_of(a, "bfloat16");
  const char *bf = "";
  for (size_t k = 0; nb && k < nb->nevals; k++)
    if (strstr(nb->evals[k].name, "formula.from-y"))
      bf = rep_printf("; in bfloat16 from %.6g", zero_from(&nb->evals[k], 1));
  return rep_printf(
      "sigmoid: \u03c3\u2032 = y(1\u2212y) computed in float is 0 for every x \u2265 %.6g, while "
      "the exact \u03c3\u2032 rounds to 0 only from %.6g%s. Every activation: the table below.",
      x, ex, bf);
}

/* Q4: is a peer's kernel safe: its marks and what they mean */
static const char *answer_safe(const rep_model *m, const char **who) {
  const rep_act *a = act_named(m, "sigmoid");
  const rep_acc_impl *pick = NULL;
  for (size_t j = 0; a && a->acc && j < a->acc->nimpls; j++) {
    const rep_acc_impl *p = &a->acc->impls[j];
    if (p->available && p->origin && !strcmp(p->origin, "xnnpack")) pick = p;
  }
  for (size_t i = 0; !pick && i < m->nacts; i++)
    for (size_t j = 0; m->acts[i].acc && j < m->acts[i].acc->nimpls && !pick; j++) {
      const rep_acc_impl *p = &m->acts[i].acc->impls[j];
      if (p->available && !rep_origin_is_ours(p->origin) && *marks_of(&p->fwd)) pick = p;
    }
  if (!pick) return NULL;
  *who = pick->name;
  const rep_stats *s = &pick->fwd;
  const char *mk = marks_of(s);
  const char *what = s->summary;
  if (!what) /* an older file: no sentence, say what it has */
    what = rep_printf("max %s ULP%s%s", fulp(s->max_ulp),
                      (s->verdict >= 0 ? s->verdict == 1 : !s->within_claim)
                          ? ", above its claim or documented bound"
                          : "",
                      s->special_failures > 0
                          ? rep_printf("; %s special-value failures", fcount(s->special_failures))
                          : "");
  return rep_printf("%s: %s%s", pick->name,
                    *mk ? rep_printf("not everywhere (marks %s): ", mk) : "no mark: ", what);
}

static void qa(doc_out *d, const char *q, const char *a, const char *link, const char *link_text) {
  if (d->md) {
    fputs("- **", d->f);
    doc_md_text(d->f, q);
    fputs("** ", d->f);
    doc_md_text(d->f, a ? a : "(these results do not say)");
    if (link) fprintf(d->f, " ([%s](%s))", link_text, link);
    fputc('\n', d->f);
    return;
  }
  fputs("<dt>", d->f);
  doc_html_text(d->f, q);
  fputs("</dt><dd>", d->f);
  doc_html_text(d->f, a ? a : "(these results do not say)");
  if (link) {
    fputs(" <a href=\"", d->f);
    doc_html_text(d->f, link);
    fputs("\">", d->f);
    doc_html_text(d->f, link_text);
    fputs("</a>", d->f);
  }
  fputs("</dd>\n", d->f);
}

static void questions(doc_out *d, const rep_model *m) {
  doc_h(d, 2, "questions", "Four questions, answered from these results");
  if (!d->md) fputs("<dl class=\"qa\">\n", d->f);
  const rep_act *a1 = NULL;
  const char *q1 = answer_fastest(m, &a1);
  qa(d, "Which kernel is fastest at a given accuracy (say sigmoid at \u2264 1 ULP)?", q1,
     "#classes", "every activation and class");
  const char *q2 = answer_library(m, "tanh", "onednn");
  qa(d, "How accurate is a library's kernel (say oneDNN's tanh)?", q2, "#libraries",
     "every library and activation");
  qa(d, "Where does a derivative formula stop carrying a gradient (say y(1\u2212y))?",
     answer_vanish(m), "#vanish", "every activation");
  const char *who = NULL;
  const char *q4 = answer_safe(m, &who);
  qa(d, "Is a peer's kernel safe (say XNNPACK's sigmoid)?", q4, "#findings",
     "everything the peers get wrong");
  if (!d->md)
    fputs("</dl>\n", d->f);
  else
    fputc('\n', d->f);
}

/* ---- the two documents */

static void front_tables(doc_out *d, const rep_model *m) {
  doc_table *rank = ranking_table(m);
  if (rank->nrows) {
    doc_h(d, 2, "classes", "The fastest kernel in each accuracy class");
    doc_p(d, "note", ranking_note(m));
    doc_table_out(d, rank, "ranking");
  }
  doc_table *lt = library_table(m);
  if (lt->nrows) {
    doc_h(d, 2, "libraries", "How accurate each library is");
    doc_p(d, "note", library_note);
    doc_table_out(d, lt, "matrix");
  }
  doc_table *vt = vanish_table(m);
  if (vt->nrows) {
    doc_h(d, 2, "vanish", "Where the computed gradient vanishes");
    doc_p(d, "note",
          "Going out from 0, the x from which the computed f\u2032 is exactly 0 at every input: "
          "the exact derivative rounded to float, the first of the derivative formulas in use "
          "(from x, from the output y, stable forms) to give 0, in float and in bfloat16 "
          "(red: before the exact one), and how many implementations give 0 where the exact "
          "f\u2032 is not (saturation.json).");
    doc_table_out(d, vt, NULL);
  }
  size_t nf;
  doc_table *ft = findings_table(m, &nf);
  if (nf) {
    doc_h(d, 2, "findings", "What the peer libraries get wrong");
    doc_p(d, "note",
          rep_printf("%zu kernels and directions of the peer libraries with a mark (as in the "
                     "library table); the sentence is the accuracy suite's own.",
                     nf));
    if (d->md && ft->nrows > 40) {
      doc_p(d, NULL,
            rep_printf("(the first 40 of %zu here; every one in index.html and tables.md)",
                       ft->nrows));
      ft->nrows = 40;
    }
    doc_table_out(d, ft, NULL);
  }
}

void rep_write_front(const rep_model *m, const char *dir) {
  FILE *f = rep_fopen(dir, "index.html");
  page_begin(f, "actbench report");
  fputs("<h1>actbench report</h1>\n", f);
  context_html(f, m);
  doc_out d = {f, 0};
  if (m->nacts) {
    fputs("<nav class=\"toc\">Activations:", f);
    acts_nav_links(f, m);
    fputs("</nav>\n", f);
  }
  questions(&d, m);
  if (m->fig_overview) {
    doc_h(&d, 2, "overview", "Speed against accuracy, every activation");
    figure_html(f, m, m->fig_overview,
                "throughput of f at the ranking size against the max ULP error of f over the "
                "core, one panel per activation; ours filled, each library in its colour with "
                "open points; errors above 64 ULP drawn in the grey band at the right",
                SRC_SPEED | SRC_ACC);
  }
  front_tables(&d, m);
  if (m->ntargets) {
    doc_details_begin(&d, "Speed targets", 0);
    p_note(f, targets_note);
    doc_table_html(f, targets_summary(m), NULL);
    doc_details_end(&d);
  }
  doc_details_begin(&d, "Results files, machine and conventions", 0);
  doc_table_html(f, files_table(m), NULL);
  const char *items[3];
  size_t ni = 0;
  if (m->acc_sweep) items[ni++] = rep_printf("accuracy sweep: %s", m->acc_sweep);
  if (m->acc_conventions) items[ni++] = rep_printf("accuracy conventions: %s", m->acc_conventions);
  if (m->sat_scan) items[ni++] = rep_printf("saturation scan: %s", m->sat_scan);
  doc_list(&d, items, ni);
  doc_table_html(f, context_table(m), NULL);
  p_note(f, conventions);
  fputs("<p class=\"note\">Every figure is redrawn by <code>", f);
  doc_html_text(f, rep_printf("cd %s && gnuplot gp/<name>.gp", m->out_dir ? m->out_dir : "report"));
  fputs(
      "</code>, from the data in <code>data/</code>. A Markdown summary is in "
      "<a href=\"summary.md\">summary.md</a>, every table of every activation in "
      "<a href=\"tables.md\">tables.md</a>.</p>\n",
      f);
  doc_details_end(&d);
  tokens_html(f, NULL);
  page_end(f);
  rep_fclose(f, dir, "index.html");
}

void rep_write_summary(const rep_model *m, const char *dir) {
  FILE *f = rep_fopen(dir, "summary.md");
  fprintf(f,
          "# actbench report\n\nRendered %s by `%s`. The figures: [index.html](index.html); every "
          "table of every activation: [tables.md](tables.md).\n\n",
          now_utc(), m->report_cmd);
  context_md(f, m);
  doc_out d = {f, 1};
  questions(&d, m);
  front_tables(&d, m);
  if (m->ntargets) {
    doc_h(&d, 2, NULL, "Speed targets");
    doc_table_md(f, targets_summary(m));
  }
  doc_h(&d, 2, NULL, "Activations");
  for (size_t i = 0; i < m->nacts; i++)
    fprintf(f, "%s[%s](%s.html)", i ? ", " : "", m->acts[i].name, m->acts[i].stem);
  fputs("\n", f);
  rep_fclose(f, dir, "summary.md");
}
