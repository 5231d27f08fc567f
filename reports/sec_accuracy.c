/* actbench report: the section Accuracy of an activation's page: the tables of f and f', the tails
 * as intervals of x, the histogram of the errors, the worst inputs and binades, bfloat16 and
 * binary16, special values. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_sections.h"
#include "util.h"

/* ---- accuracy */

table *accuracy_table(const rep_act *a, int bwd) {
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
table *narrow_table(const rep_act *a) {
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
const char *double_rounding_note(const rep_act *a) {
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

/* a special value's verdict: "ok", "ok" with the other convention at a kink,
 * or the failure's kind */
static void special_cell(table *t, const rep_special *u) {
  if (u->ok && u->kind && !strcmp(u->kind, "kink_convention"))
    tab_cell(t, "ok", "ok (another convention at the kink)");
  else
    tab_cell(t, u->ok ? "ok" : "bad", u->ok ? "ok" : tail_text(u->kind));
}

/* fwd and bwd side by side when they were run on the same inputs */
table *specials_table(const rep_acc_impl *p, int *failures) {
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
      special_cell(t, u);
      tab_cell(t, "num", fstr(v->got));
      tab_cell(t, "num", fstr(v->want));
      special_cell(t, v);
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
      special_cell(t, u);
      *failures += !u->ok;
    }
  }
  return t;
}

/* ---- accuracy: the histogram and the worst inputs */

const char *hbin_name(const rep_hbin *b) {
  if (b->lo == 0) return rep_printf("\u2264 %g", b->hi);
  if (isinf(b->hi)) return rep_printf("> %g", b->lo);
  return rep_printf("(%g, %g]", b->lo, b->hi);
}

/* Inputs per error bin, one row per implementation; NULL when the file has
 * no histograms. */
table *histogram_table(const rep_act *a, int dir) {
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
  head[0] = "# on the chart";
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

table *worst_table(const rep_stats *s) {
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
table *binade_table(const rep_stats *s, size_t *rows) {
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

/* one kind's intervals of x */
table *intervals_table(const rep_tail *r) {
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
void tails_details(FILE *f, int as_md, size_t num, const rep_acc_impl *p, int d) {
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

int any_tails(const rep_act *a) {
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

void tails_section(FILE *f, int as_md, const rep_act *a) {
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
table *special_kinds_table(const rep_act *a) {
  table *t = tab_new(8, "# on the chart", "implementation", "", rep_sfk_texts[0], rep_sfk_texts[1],
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
const char *specials_summary(const rep_acc_impl *p, int fails) {
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

int has_acc(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->acc != NULL;
}

/* worst inputs and binades, in details elements, per implementation */
void accuracy_details_html(FILE *f, const rep_act *a) {
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

void accuracy_html(FILE *f, const rep_model *m, const rep_act *a) {
  figure_html(f, m, a->fig_ulp_fwd, "ULP error of f against x, the largest in each bin", SRC_ACC);
  figure_html(f, m, a->fig_ulp_bwd, "ULP error of f\u2032 against x, the largest in each bin",
              SRC_ACC);
  figure_html(f, m, a->fig_binades_fwd,
              "ULP error of f in each binade of x: every float of the sweep (accuracy.json "
              "by_binade), a row per implementation",
              SRC_ACC);
  figure_html(f, m, a->fig_binades_bwd, "ULP error of f\u2032 in each binade of x", SRC_ACC);
  for (int d = 0; d < 2; d++)
    if (a->ulp_exact[d])
      p_note(f, rep_printf("Every implementation's %s is within 0.01 ULP (exact, mostly) in every "
                           "bin of x over the "
                           "core's range, outside its tails: no figure of its error against x.",
                           d ? "f\u2032" : "f"));
  if (!a->fig_ulp_fwd && !a->ulp_exact[0])
    p_note(f, "No implementation was measured, so there is no figure.");
  else if (!a->fig_ulp_bwd && !a->ulp_exact[1])
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

void accuracy_md(FILE *f, const rep_model *m, const rep_act *a) {
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

