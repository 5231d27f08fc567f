/* actbench report: gradients.html: saturation across activations, dying ReLU, the zig-zag of
 * zerocenter.json. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_sections.h"
#include "util.h"

/* ---- gradients.html: across activations, and zerocenter.json */

const act_res_dying *dying_of(const rep_model *m) {
  return m->dying;
}

int has_gradients_page(const rep_model *m) {
  return m->fig_all_normal || m->fig_all_depth || m->zerocenter || dying_of(m);
}

const char *summary_str(const act_res_summary *s, const char *fmt) {
  if (!s->present || !isfinite(s->median)) return "\u2014";
  if (!isfinite(s->q1) || !isfinite(s->q3)) return rep_printf(fmt, s->median);
  return rep_printf("%s (%s\u2013%s)", rep_printf(fmt, s->median), rep_printf(fmt, s->q1),
                    rep_printf(fmt, s->q3));
}

table *steps_table(const act_res_zerocenter *z) {
  if (!z->nresults) return NULL;
  table *t = tab_new(7, "activation g", "method", "steps: median (q1\u2013q3)", "not reached",
                     "path length / straight line", "steps with no opposite signs",
                     "\u03ba = \u03bbmax/\u03bbmin");
  for (size_t k = 0; k < z->nresults; k++) {
    const act_res_zc_result *r = &z->results[k];
    tab_row(t);
    tab_cell(t, NULL, fstr(r->activation));
    tab_cell(t, NULL, fstr(r->method));
    tab_cell(t, "num", summary_str(&r->steps, "%.0f"));
    tab_cell(t, "num", fcount(r->not_reached));
    tab_cell(t, "num", summary_str(&r->path_ratio, "%.3g"));
    tab_cell(t, "num", summary_str(&r->same_sign, "%.2f"));
    tab_cell(t, "num", summary_str(&r->kappa, "%.3g"));
  }
  return t;
}

table *paired_table(const act_res_zerocenter *z) {
  if (!z->npairs) return NULL;
  table *t = tab_new(4, "method", "pair", "problems where the first took more steps",
                     "median ratio of steps");
  for (size_t k = 0; k < z->npairs; k++) {
    const act_res_zc_pair *r = &z->pairs[k];
    tab_row(t);
    tab_cell(t, NULL, fstr(r->method));
    tab_cell(t, NULL, rep_printf("%s against %s", fstr(r->a), fstr(r->b)));
    tab_cell(t, "num", fpct(r->a_more_steps));
    tab_cell(t, "num", fnum("%.3g", r->median_step_ratio));
  }
  return t;
}

/* sign agreement, z ~ N(0, 1) and batch 1: a row per activation, a column
 * per d */
static int sign_row_used(const act_res_zc_sign *r) {
  return r->batch == 1 && r->z_mu == 0 && r->z_sigma == 1;
}

table *sign_table(const act_res_zerocenter *z) {
  if (!z->has_sign_agreement) return NULL;
  double ds[16];
  size_t nd = 0;
  const char *acts[64];
  size_t na = 0;
  for (size_t k = 0; k < z->nsigns; k++) {
    const act_res_zc_sign *r = &z->signs[k];
    if (!sign_row_used(r)) continue;
    double d = r->d;
    const char *a = r->activation;
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
      for (size_t k = 0; k < z->nsigns; k++) {
        const act_res_zc_sign *r = &z->signs[k];
        if (!sign_row_used(r) || r->d != ds[q] || strcmp(r->activation, acts[i])) continue;
        double ex = r->exact;
        txt = isfinite(ex) ? rep_printf("%s (exact %s)", fpct(r->fraction), fpct(ex))
                           : fpct(r->fraction);
        break;
      }
      tab_cell(t, "num", txt);
    }
  }
  return t;
}

/* saturation.json's "dying": per input kind, the fraction of ReLU units
 * dead on a whole batch, a row per bias shift delta, a column per batch */
table *dying_table(const act_res_dying_in *in, const act_res_dying *dy) {
  size_t nd = dy->ndelta, nb = dy->nbatch;
  if (!nd || !nb || !in->relu_sampled) return NULL;
  const char **head = rep_alloc((1 + nb) * sizeof *head);
  head[0] = "bias shift \u03b4";
  for (size_t j = 0; j < nb; j++) head[1 + j] = rep_printf("batch %s", fcount(dy->batch[j]));
  table *t = tab_new_v(1 + nb, head);
  for (size_t i = 0; i < nd; i++) {
    tab_row(t);
    tab_cell(t, "num", rep_printf("%g", dy->delta[i]));
    for (size_t j = 0; j < nb; j++) {
      double v = in->relu_sampled[i * nb + j],
             e = in->relu_exact ? in->relu_exact[i * nb + j] : NAN;
      const char *txt = isnan(v) ? "\u2014" : fpct(v);
      if (!isnan(e)) txt = rep_printf("%s (exact %s)", txt, fpct(e));
      tab_cell(t, "num", txt);
    }
  }
  return t;
}

void dying_html(FILE *f, const act_res_dying *dy) {
  if (!dy->ninputs) return;
  fputs("<h3 id=\"dying\">Dying ReLU: units dead on a whole batch</h3>\n", f);
  p_note(f, rep_printf("A layer of %s units z = w\u00b7x + \u03b4, w ~ N(0, I/%s): the fraction of "
                       "units with z \u2264 0 on every input of the batch (ReLU passes them no "
                       "gradient at all), over %s layers. Leaky ReLU's gradient there is its slope "
                       "a, never 0.",
                       fcount(dy->units), fcount(dy->fan_in), fcount(dy->trials)));
  for (size_t k = 0; k < dy->ninputs; k++) {
    const act_res_dying_in *in = &dy->inputs[k];
    table *t = dying_table(in, dy);
    if (!t) continue;
    fputs("<h4>", f);
    html(f, rep_printf("inputs %s", fstr(in->inputs)));
    fputs("</h4>\n", f);
    if (in->description) p_note(f, in->description);
    tab_html(f, t, NULL);
  }
}

const char *const zigzag_note =
    "The seed's zig-zag argument, measured (zerocenter.json): inputs x = g(z) of one sign "
    "(sigmoid) make the two weight updates of a neuron share their sign, so gradient descent "
    "cannot move one weight up and the other down in one step, and zig-zags; zero-centred "
    "inputs (tanh) do not. Least squares on y = w0 x0 + w1 x1 from a start where w0 must grow "
    "and w1 shrink: the paths of the problem whose sigmoid/tanh step ratio is the median one, "
    "and the steps to reach the optimum over all problems.";

void gradients_page(const rep_model *m, const char *dir) {
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
    p_note(f, zigzag_note);
    figure_html(f, m, m->fig_zigzag,
                "gradient descent on the two weights, from the start (\u25a1) to the optimum "
                "w* (\u2733), inputs from sigmoid and from tanh; full batch (left), one sample "
                "per step (right)",
                SRC_ZC);
    table *t = steps_table(zc);
    if (t) {
      fputs("<h3>Steps to the optimum</h3>\n", f);
      tab_html(f, t, NULL);
    }
    t = paired_table(zc);
    if (t) tab_html(f, t, NULL);
    t = sign_table(zc);
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

void gradients_md(FILE *f, const rep_model *m) {
  if (!has_gradients_page(m)) return;
  fputs("## Saturation and zero-centring across activations\n\n", f);
  figure_md(f, m, m->fig_all_normal, "saturated fraction against sigma", SRC_SAT);
  figure_md(f, m, m->fig_all_depth, "E[f']^L against depth", SRC_SAT);
  const act_res_zerocenter *zc = m->zerocenter;
  if (!zc) return;
  figure_md(f, m, m->fig_zigzag, "zig-zag paths of the two-weight problem", SRC_ZC);
  table *t = steps_table(zc);
  if (t) tab_md(f, t);
}
