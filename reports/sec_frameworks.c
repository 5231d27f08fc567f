/* actbench report: what the frameworks run.  For a PyTorch or a
 * TensorFlow/JAX user: each kernel their framework runs for this activation
 * (through the framework's own entry point), its accuracy over the core and
 * its tails, and its speed against our fastest kernel that is at least as
 * accurate (the same accuracy class or a tighter one). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_sections.h"

/* the frameworks, by the origin of their implementations */
static const struct {
  const char *origin, *label;
} frameworks[] = {
    {"pytorch", "PyTorch (ATen, CPU)"},
    {"tensorflow", "TensorFlow (Eigen, CPU)"},
};
#define NFRAMEWORKS (sizeof frameworks / sizeof frameworks[0])

static int framework_of(const char *origin) {
  for (size_t i = 0; origin && i < NFRAMEWORKS; i++)
    if (!strcmp(origin, frameworks[i].origin)) return (int)i;
  return -1;
}

int has_frameworks(const rep_model *m, const rep_act *a) {
  (void)m;
  for (size_t i = 0; i < a->nnames; i++)
    if (framework_of(a->names[i].origin) >= 0) return 1;
  return 0;
}

/* the accuracy class of a max ULP: the index of the least bound >= it */
static int class_index(double ulp) {
  int c = 0;
  while (c < REP_NCLASSES - 1 && !(ulp <= rep_class_bound[c])) c++;
  return c;
}

/* ours, fastest, with a core max ULP within the bound */
static const rep_kpoint *our_fastest(const rep_kpoint *p, size_t n, double bound) {
  const rep_kpoint *best = NULL;
  for (size_t i = 0; i < n; i++) {
    if (!rep_origin_is_ours(p[i].origin) || isnan(p[i].ulp) || isnan(p[i].ips) ||
        !(p[i].ulp <= bound))
      continue;
    if (!best || p[i].ips > best->ips) best = &p[i];
  }
  return best;
}

/* "1.35x" with the range the repetitions' quartiles allow (ours' lower
 * quartile over theirs' upper, and the other way), and whether that range
 * leaves 1 out */
static const char *ratio_text(const rep_kpoint *o, const rep_kpoint *w, const char **sub) {
  double r = o->ips / w->ips;
  *sub = NULL;
  if (isfinite(o->q1) && isfinite(o->q3) && isfinite(w->q1) && isfinite(w->q3) && w->q1 > 0 &&
      w->q3 > 0) {
    double lo = o->q1 / w->q3, hi = o->q3 / w->q1;
    *sub = rep_printf("quartiles allow %.2f\u2013%.2f%s", lo, hi,
                      lo > 1   ? ": ours faster"
                      : hi < 1 ? ": theirs faster"
                               : ": within the spread");
  }
  return rep_printf("%.2f\u00d7", r);
}

static table *frameworks_table(const rep_act *a) {
  table *t = tab_new(8, "framework", "kernel it runs", "", "core max ULP", "tails, verdict",
                     rep_printf("G/s at %s", rank_size_str(a)), "our fastest at least as accurate",
                     "ours / theirs");
  t->id = "frameworks-table";
  t->head_tip[3] =
      "max ULP error over the inputs whose exact result is 0 or a normal float; "
      "its accuracy class below it";
  t->head_tip[7] = "ratio of the medians; below it the range the quartiles of the two allow";
  for (size_t fw = 0; fw < NFRAMEWORKS; fw++) {
    /* the framework's name once, over all its rows */
    int rows = 0, first = 1;
    for (int d = 0; d < 2; d++) {
      rep_kpoint *p = rep_alloc((a->nnames + 1) * sizeof *p);
      size_t n = rep_kernel_points(a, d, p);
      for (size_t i = 0; i < n; i++) rows += framework_of(p[i].origin) == (int)fw;
    }
    for (int d = 0; d < 2; d++) {
      rep_kpoint *p = rep_alloc((a->nnames + 1) * sizeof *p);
      size_t n = rep_kernel_points(a, d, p);
      for (size_t i = 0; i < n; i++) {
        if (framework_of(p[i].origin) != (int)fw) continue;
        const rep_kpoint *w = &p[i];
        const rep_acc_impl *ac = acc_impl(a, w->name);
        const rep_stats *s = ac && (!d || ac->has_bwd) ? (d ? &ac->bwd : &ac->fwd) : NULL;
        tab_row(t);
        cell *c;
        if (first) {
          c = tab_cell(t, NULL, frameworks[fw].label);
          c->rowspan = rows;
          first = 0;
        } else {
          tab_covered(t);
        }
        c = tab_cell(t, "code", w->name);
        if (ac && ac->note) c->sub = ac->note;
        if (d && ac && ac->bwd_formula && *ac->bwd_formula)
          c->sub = c->sub ? rep_printf("%s; f\u2032 as %s", c->sub, ac->bwd_formula)
                          : rep_printf("f\u2032 as %s", ac->bwd_formula);
        tab_cell(t, NULL, d ? "f\u2032" : "f");
        if (isnan(w->ulp)) {
          tab_cell(t, "num muted", "\u2014");
          tab_cell(t, "muted", "not measured");
        } else {
          c = tab_num(t, "num", fulp_note(w->ulp, w->note), w->ulp);
          c->sub = rep_printf("class %s%s", class_of(w->ulp), w->has_core ? "" : " (all inputs)");
          const char *tails = w->tails && *w->tails ? rep_printf("tails %s", w->tails) : "no tails";
          if (w->has_core && w->all > w->ulp)
            tails = rep_printf("%s; all inputs %s", tails, fulp(w->all));
          if (w->special > 0)
            tails = rep_printf("%s; %s special-value failure%s", tails, fcount(w->special),
                               w->special == 1 ? "" : "s");
          c = tab_cell(t, w->verdict == 1 || w->special > 0 ? "bad" : NULL, tails);
          c->sub = w->verdict == 1
                       ? (s && s->verdict_text ? s->verdict_text : "exceeds its documented bound")
                   : w->verdict == 0 ? "within its documented bound"
                   : w->verdict == 2 ? "no documented bound"
                                     : NULL;
        }
        if (isnan(w->ips)) {
          tab_cell(t, "num muted", "\u2014");
        } else {
          c = tab_num(t, "num", gps(w->ips), w->ips);
          if (isfinite(w->q1) && isfinite(w->q3) && w->ips > 0)
            c->sub = rep_printf("\u00b1%.1f%%", 50 * (w->q3 - w->q1) / w->ips);
        }
        /* ours in the same class or a tighter one; a kernel of no class
         * (no accuracy measured) is compared with ours of any */
        double bound = isnan(w->ulp) ? INFINITY : rep_class_bound[class_index(w->ulp)];
        const rep_kpoint *o = our_fastest(p, n, bound);
        if (!o) {
          tab_cell(t, "muted", "none this accurate");
          tab_cell(t, "num muted", "\u2014");
          continue;
        }
        c = tab_cell(t, "code", short_name(a, o->name, o->origin));
        c->sub = rep_printf("%s; core %s ULP", gps(o->ips), fulp(o->ulp));
        c->tip = o->name;
        if (isnan(w->ips)) {
          tab_cell(t, "num muted", "\u2014");
        } else {
          const char *sub;
          c = tab_num(t, "num", ratio_text(o, w, &sub), o->ips / w->ips);
          c->sub = sub;
        }
      }
    }
  }
  return t;
}

static const char *frameworks_note(const rep_act *a) {
  return rep_printf(
      "What a PyTorch or TensorFlow/JAX user gets for %s on this machine: each kernel the "
      "framework runs, called through its own entry point (ATen's operator and the backward "
      "operator autograd calls; TensorFlow's kernel as its source writes it on Eigen, packet "
      "and scalar path; JAX on a CPU runs XLA's code instead, the same as TensorFlow's only "
      "where a kernel's note says so), with its accuracy over the core, its tails and its "
      "verdict against what its documentation states, and its throughput at %s (the median "
      "\u00b1 half the interquartile range) against our fastest kernel whose core max ULP is in "
      "the same accuracy class or a tighter one.",
      a->name, rank_size_str(a));
}

void frameworks_html(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  p_note(f, frameworks_note(a));
  tab_html(f, frameworks_table(a), NULL);
}

void frameworks_md(FILE *f, const rep_model *m, const rep_act *a) {
  (void)m;
  md_note(f, frameworks_note(a));
  tab_md(f, frameworks_table(a));
}
