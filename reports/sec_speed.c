/* actbench report: the section Speed: throughput at every size with the spread of the repetitions
 * and the share of the copy's bandwidth, and the speed targets (also on the front page). */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_sections.h"
#include "util.h"

/* ---- speed */

/* One row of the speed table: an implementation's throughput in one
 * direction at every size (the median of the repetitions, +- half their
 * interquartile range over the median), and its share of the copy's
 * bandwidth; then, when speed.json has a multi-threaded run (at n = mt_n on
 * mt_threads threads), the same there. */
void speed_row(table *t, const rep_model *m, const rep_spd_impl *p, int d, const long long *ns,
               size_t nn, double (*best)[2], int with_copy, int nimpls, const char *cls,
               long long mt_n, int mt_threads) {
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

table *speed_table(const rep_model *m, const rep_act *a) {
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

const char *verdict_cls(int met) {
  return met > 0 ? "ok" : met == 0 ? "bad" : "muted";
}

const char *target_name(const rep_target *t) {
  if (t->bandwidth && t->acc_class)
    return rep_printf("%s %s, our fastest at %s: >= %g%% of memory.copy's bytes/s at %s",
                      t->activation, t->direction, t->acc_class, 100 * t->min_ratio, t->classes);
  if (t->bandwidth)
    return rep_printf("%s %s: >= %g%% of memory.copy's bytes/s at %s", t->activation, t->direction,
                      100 * t->min_ratio, t->classes);
  return rep_printf("%s %s: >= %gx %s at %s", t->activation, t->direction, t->min_ratio,
                    t->reference, t->classes);
}

const char *fratio(const rep_target *t, double r) {
  if (isnan(r)) return "\u2014";
  return t->bandwidth ? rep_printf("%.0f%%", 100 * r) : rep_printf("%.2fx", r);
}

/* a ratio with its interval: "1.35x [1.31, 1.39]" */
const char *fratio_ci(const rep_target *t, const rep_target_size *q) {
  if (isnan(q->ratio)) return "\u2014";
  if (isnan(q->ratio_lo) || isnan(q->ratio_hi)) return fratio(t, q->ratio);
  if (t->bandwidth)
    return rep_printf("%.0f%% [%.0f, %.0f]", 100 * q->ratio, 100 * q->ratio_lo, 100 * q->ratio_hi);
  return rep_printf("%.2fx [%.2f, %.2f]", q->ratio, q->ratio_lo, q->ratio_hi);
}

/* ours or the reference: name, claimed ULP and throughput */
void who_cell(table *t, const char *name, double ulp, double ips, const char *none) {
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
void overall_row(table *t, const rep_target *g, size_t col) {
  if (!g->nsizes) return; /* the target's one row says it */
  for (size_t k = 0; k < g->nsizes; k++)
    if (!strcmp(g->sizes[k].status, g->status)) return;
  tab_row(t);
  tab_cell(t, NULL, "");
  tab_cell(t, "muted", "overall");
  for (size_t c = 2; c < col; c++) tab_cell(t, "muted", "");
  tab_cell(t, verdict_cls(g->met), g->status);
}

/* A target with no size measured: its name, dashes for the size, the
 * kernel column when there is one (kernel) and the number, and its status. */
static void unmeasured_row(table *t, const rep_target *g, int kernel) {
  tab_row(t);
  tab_cell(t, NULL, target_name(g));
  tab_cell(t, "muted", "\u2014");
  if (kernel) tab_cell(t, "muted", "\u2014");
  tab_cell(t, "num muted", "\u2014");
  tab_cell(t, verdict_cls(g->met), g->status);
}

/* An activation's peer targets: a row per target and size. */
table *peer_targets_table(const rep_model *m, const rep_act *a, size_t *count) {
  table *t = tab_new(7, "target", "size", "ratio [95% interval]", "verdict",
                     "ours (the fastest that qualifies)", "reference", "note");
  *count = 0;
  for (size_t i = 0; i < m->ntargets; i++) {
    const rep_target *g = &m->targets[i];
    if (strcmp(g->activation, a->name) || g->bandwidth) continue;
    ++*count;
    if (!g->nsizes) {
      unmeasured_row(t, g, 0);
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
table *bw_targets_table(const rep_model *m, const rep_act *a, size_t *count) {
  table *t = tab_new(6, "target", "size", "kernel", "% of copy bandwidth [95% interval]", "verdict",
                     "memory.copy");
  *count = 0;
  for (size_t i = 0; i < m->ntargets; i++) {
    const rep_target *g = &m->targets[i];
    if (strcmp(g->activation, a->name) || !g->bandwidth) continue;
    ++*count;
    if (!g->nsizes) {
      unmeasured_row(t, g, 1);
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

int has_spd(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->spd != NULL;
}

void speed_html(FILE *f, const rep_model *m, const rep_act *a) {
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

void speed_md(FILE *f, const rep_model *m, const rep_act *a) {
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
