/* actbench report: an activation's page, from the section table (act_sections: one entry per
 * section, in order; a section that has nothing to show is left out), and tables.md, every table of
 * every activation. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_sections.h"
#include "util.h"

/* ---- the overview on the index */

/* The best of ours (peer 0) or of the peers (peer 1): the smallest max ULP of
 * f, the largest fwd throughput at the largest n. */
const char *best_accuracy(const rep_act *a, int peer) {
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

const char *best_speed(const rep_act *a, int peer) {
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

table *overview_table(const rep_model *m) {
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

const act_section act_sections[] = {
    {"choice", "Which kernel: the fastest in each accuracy class", has_ranking, choice_html,
     choice_md, 0},
    {"frameworks", "What the frameworks run", has_frameworks, frameworks_html, frameworks_md, 0},
    {"comparison", "Every implementation", has_comparison, comparison_html, comparison_md, 0},
    {"pareto", "Throughput against error: the Pareto front", has_pareto, pareto_html, pareto_md, 0},
    {"accuracy", "Accuracy", has_acc, accuracy_html, accuracy_md, 1},
    {"speed", "Speed", has_spd, speed_html, speed_md, 1},
    {"saturation", "Saturation", has_sat, saturation_html, saturation_md, 1},
    {"formats", "Gradients in float, bfloat16 and half", has_formats, formats_html, formats_md, 1},
};
#define NSECTIONS (sizeof act_sections / sizeof act_sections[0])

void activation_page(const rep_model *m, const rep_act *a, const char *dir) {
  const char *name = rep_printf("%s.html", a->stem);
  FILE *f = rep_fopen(dir, name);
  page_begin(f, rep_printf("actbench report: %s", a->name));
  fputs("<nav><a href=\"index.html\">\u2190 index</a>", f);
  acts_nav_links(f, m);
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
