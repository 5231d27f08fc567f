/* actbench report: choosing a kernel: the accuracy classes (by the core's max ULP, with the max
 * over all inputs and the tails beside it), the table of every implementation (sortable,
 * filterable, folded), the Pareto front. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_sections.h"
#include "util.h"

/* the accuracy class of a core max ULP: "<= 1 ULP", ..., "any" */
const char *class_of(double ulp) {
  if (isnan(ulp)) return "\u2014";
  for (int c = 0; c < REP_NCLASSES - 1; c++)
    if (ulp <= rep_class_bound[c]) return rep_printf("\u2264 %g", rep_class_bound[c]);
  return "> 4";
}

/* The three files joined: per implementation a row for f and one for f',
 * sortable, filterable by origin, isa, direction and accuracy class, folded
 * beyond its first rows. */
table *comparison_table(const rep_act *a) {
  long long *ns = NULL;
  const char **cls = NULL;
  size_t nn = a->spd ? rep_sizes(a->spd, &ns, &cls) : 0;
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
      double core =
          s ? (s->has_core && !isnan(s->core_max_ulp) ? s->core_max_ulp : s->max_ulp) : NAN;
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
          cell *c =
              tab_num(t, s->has_core ? "num" : "num muted",
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

const char *const comparison_note =
    "A row for f (forward) and one for f\u2032 (backward) per implementation, from the three "
    "results files; a click on a heading sorts, the selects above filter, the first rows are "
    "shown (the button below shows all). Throughput in G elements/s at each size (the median "
    "of the repetitions, \u00b1 half their interquartile range; the fastest in bold); the "
    "max ULP error over the core (the inputs whose exact result is 0 or a normal float) and "
    "its class, and over all inputs (beside a max that is a result of the wrong kind, what "
    "happened: \u201c0 for 2.9e-39\u201d is 0 where the exact value is 2.9e-39); the tails (Z 0 "
    "for a subnormal exact result, P 0 or the limit while the exact result is a normal float, "
    "N NaN for a number, I a wrong infinity, D a subnormal input treated as 0, S a zero of the "
    "wrong sign, K f\u2032 at a kink is the other one-sided derivative; their intervals of x under Accuracy); the fraction correctly rounded, "
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
  if (w->has_core && !(w->all == w->ulp)) acc = rep_printf("%s, all inputs %s", acc, fulp(w->all));
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
table *classes_table(const rep_act *a) {
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
      "a subnormal input taken as 0, S a zero of the wrong sign, K f\u2032 at a kink is the other "
      "one-sided derivative), so that a kernel that flushes "
      "or returns NaN cannot hide behind its core; a class's winner, greyed, is the same as the "
      "class before. Files without a core are ranked by the max over all inputs.",
      m->rank_size ? m->rank_size : "L1");
}

/* The Pareto front of one direction, from the most accurate to the fastest. */
table *front_table(const rep_act *a, int dir, size_t *count) {
  table *t = tab_new(6, "# on the chart", "implementation", "origin", "core max ULP",
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
const char *pareto_missing(const rep_act *a) {
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

int has_ranking(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->acc && a->spd && a->rank_n;
}

void choice_html(FILE *f, const rep_model *m, const rep_act *a) {
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

void choice_md(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  md_note(f,
          rep_printf("The fastest kernel at %s within each bound of max ULP error over the core.",
                     rank_size_str(a)));
  if (a->rank_note) md_note(f, a->rank_note);
  tab_md(f, classes_table(a));
}

int has_comparison(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->nnames > 0;
}

void comparison_html(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  p_note(f, comparison_note);
  tokens_html(f, a);
  tab_html(f, comparison_table(a), "compact");
}

void comparison_md(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  tab_md(f, comparison_table(a));
}

int has_pareto(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->fig_pareto != NULL;
}

const char *const pareto_note =
    "Each kernel is a point: its measured max ULP error (log scale; an error of 0, correctly "
    "rounded everywhere, is drawn at 0.25 ULP) against its throughput. The Pareto front, "
    "ringed and joined, is the kernels that no other beats on both: none is at least as fast "
    "and at most as inaccurate. The steps show the best throughput to be had at each error.";

void pareto_html(FILE *f, const rep_model *m, const rep_act *a) {
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

void pareto_md(FILE *f, const rep_model *m, const rep_act *a) {
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
