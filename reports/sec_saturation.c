/* actbench report: the sections Saturation and Gradients in float, bfloat16 and half: where |f'| <
 * eps, where each implementation and formula computes f' = 0, the saturated fraction, the gradient
 * through depth. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_sections.h"
#include "util.h"

/* ---- saturation */

const char *side_str(const rep_side *s, int pos) {
  switch (s->kind) {
    case REP_MATH_ALL:
      return pos ? "all x > 0" : "all x < 0";
    case REP_MATH_NEVER:
      return "never";
    default:
      return rep_printf(pos ? "x \u2265 %.6g" : "x \u2264 -%.6g", s->x);
  }
}

table *math_table(const rep_act *a) {
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
const char *fside(const char *x, int none) {
  return x ? x : none ? "\u2014" : "never";
}

table *sat_table(const rep_act *a) {
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

int has_sat(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->sat != NULL;
}

void saturation_html(FILE *f, const rep_model *m, const rep_act *a) {
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

void saturation_md(FILE *f, const rep_model *m, const rep_act *a) {
  figure_md(f, m, a->fig_curve, "f and f' over x, saturation thresholds and points", SRC_SAT);
  if (a->sat->nmath) tab_md(f, math_table(a));
  tab_md(f, sat_table(a));
  figure_md(f, m, a->fig_satbars, "saturation points per implementation", SRC_SAT);
}

/* a side member { "neg": x, "pos": x } of a numerical entry as "neg / pos" */
const char *side_xs(const act_res_xpair *p) {
  if (!p->present) return "\u2014";
  return rep_printf("%s / %s", p->neg ? p->neg : "never", p->pos ? p->pos : "never");
}

const char *count_pair(const act_res_npair *c) {
  if (!c->present) return "\u2014";
  return rep_printf("%s / %s", fcount(c->neg), fcount(c->pos));
}

/* one format of "numerical": the exact row, then every evaluator */
table *numsat_table(const act_res_numerical *nf) {
  table *t = tab_new(8, "evaluator", "f\u2032 computed as", "f\u2032 = 0 from (x < 0 / x > 0)",
                     "first premature 0", "first off by > 1%", "f = its limit from",
                     "premature 0s (inputs)", "off by > 1% (inputs)");
  if (nf->has_exact) {
    const act_res_num_eval *ex = &nf->exact;
    tab_row(t);
    tab_cell(t, NULL, "exact, rounded to the format");
    tab_cell(t, NULL, "RN(f\u2032)");
    tab_cell(t, "num", side_xs(&ex->zero_from));
    tab_cell(t, NULL, "");
    tab_cell(t, NULL, "");
    tab_cell(t, "num", side_xs(&ex->asymptote));
    tab_cell(t, NULL, "");
    tab_cell(t, NULL, "");
  }
  for (size_t k = 0; k < nf->nevals; k++) {
    const act_res_num_eval *e = &nf->evals[k];
    tab_row(t);
    cell *c = tab_cell(t, "code", fstr(e->name));
    c->sub = e->kind && !strcmp(e->kind, "formula") ? "formula" : e->kind;
    tab_cell(t, "code", fstr(e->formula));
    tab_cell(t, "num", side_xs(&e->zero_from));
    const act_res_npair *pz = &e->n_premature;
    int bad = pz->present && (pz->neg > 0 || pz->pos > 0);
    tab_cell(t, bad ? "num bad" : "num", side_xs(&e->zero));
    tab_cell(t, "num", side_xs(&e->off1));
    tab_cell(t, "num", side_xs(&e->asymptote));
    tab_cell(t, "num", count_pair(&e->n_premature));
    tab_cell(t, "num", count_pair(&e->n_off1));
  }
  return t;
}

/* P(the computed f' is 0) for x ~ N(mu0, sigma^2): a row per format and
 * evaluator, a column per sigma */
table *normal_num_table(const act_res_normal *no) {
  size_t ns = no ? no->nsigma : 0;
  if (!ns || !no->nnumerical) return NULL;
  size_t i0 = rep_mu0(no);
  const char **head = rep_alloc((2 + ns) * sizeof *head);
  head[0] = "format";
  head[1] = "f\u2032 from";
  for (size_t j = 0; j < ns; j++) {
    head[2 + j] = rep_printf("\u03c3 = %g", no->sigma[j]);
  }
  table *t = tab_new_v(2 + ns, head);
  const char *last = NULL;
  for (size_t k = 0; k < no->nnumerical; k++) {
    const act_res_normal_row *r = &no->numerical[k];
    const char *fmt = r->format;
    tab_row(t);
    tab_cell(t, NULL, last && fmt && !strcmp(last, fmt) ? "" : format_name(fmt));
    last = fmt;
    tab_cell(t, "code", fstr(r->name));
    for (size_t j = 0; j < ns; j++) {
      double v = r->exact && i0 < no->nmu ? r->exact[i0 * ns + j] : NAN;
      tab_cell(t, "num", isnan(v) ? "\u2014" : fpct(v));
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
table *delivered_table(const act_res_depth *dp, size_t *L) {
  size_t nsc = dp && dp->has_delivered ? dp->ndscales : 0;
  if (!nsc || !dp->nrows) return NULL;
  if (dp->layers < 1) return NULL;
  *L = dp->layers;
  size_t at = *L >= 10 ? 10 : *L;
  const char **head = rep_alloc((2 + 3 * nsc) * sizeof *head);
  head[0] = "format";
  head[1] = "f\u2032 from";
  for (size_t k = 0; k < nsc; k++) {
    double s = dp->dscales[k];
    head[2 + 3 * k] = rep_printf("s = %g: median rel. error at L = %zu", s, at);
    head[3 + 3 * k] = rep_printf("s = %g: chains at 0, L = %zu", s, at);
    head[4 + 3 * k] = rep_printf("s = %g: half the chains 0 from L =", s);
  }
  table *t = tab_new_v(2 + 3 * nsc, head);
  /* rows of one (format, name) across scales */
  const char *last = NULL;
  for (size_t k = 0; k < dp->nrows; k++) {
    const char *fmt = dp->rows[k].format, *name = dp->rows[k].name;
    int seen = 0;
    for (size_t q = 0; q < k && !seen; q++)
      seen = !strcmp(dp->rows[q].format, fmt) && !strcmp(dp->rows[q].name, name);
    if (seen) continue;
    tab_row(t);
    tab_cell(t, NULL, last && !strcmp(last, fmt) ? "" : format_name(fmt));
    last = fmt;
    tab_cell(t, "code", name);
    for (size_t s = 0; s < nsc; s++) {
      double want = dp->dscales[s];
      const act_res_delivered *hit = NULL;
      for (size_t q = k; q < dp->nrows && !hit; q++) {
        const act_res_delivered *o = &dp->rows[q];
        if (!strcmp(o->format, fmt) && !strcmp(o->name, name) && o->scale == want) hit = o;
      }
      double me = hit && at - 1 < hit->n_median_rel_err ? hit->median_rel_err[at - 1] : NAN;
      double uf = hit && at - 1 < hit->n_underflow ? hit->underflow[at - 1] : NAN;
      tab_cell(t, "num", isnan(me) ? "\u2014" : fsci(me));
      tab_cell(t, uf > 0 ? "num bad" : "num", isnan(uf) ? "\u2014" : fpct(uf));
      size_t half = 0;
      for (size_t l = 0; hit && hit->underflow && l < hit->n_underflow && !half; l++)
        if (hit->underflow[l] >= 0.5) half = l + 1;
      tab_num(t, "num",
              half ? rep_printf("%zu", half)
                   : rep_printf("beyond %zu", hit && hit->underflow ? hit->n_underflow : *L),
              half ? (double)half : INFINITY);
    }
  }
  return t;
}

int has_formats(const rep_model *m, const rep_act *a) {
  (void)m;
  return a->sat && (a->sat->numerical || a->sat->normal || a->sat->depth);
}

const char *const numsat_note =
    "Per format, where the gradient computed in that format vanishes: the exact derivative "
    "rounded to the format, the implementations (their float kernels on the format's inputs, "
    "outputs rounded to it) and the derivative formulas in use (from x, from the output y, "
    "stable forms; every operation rounded to the format). \u201cf\u2032 = 0 from\u201d: the "
    "computed f\u2032 is 0 at every input from there outward (x < 0 / x > 0); premature: 0 "
    "where the rounded exact f\u2032 is not (in red when it happens); off by > 1%: more than 1% "
    "from the exact value. bfloat16 and binary16: every value of the format; binary32: a "
    "stride of the floats, first points refined to the float (docs/results.md, NUMERICAL).";

void formats_html(FILE *f, const rep_model *m, const rep_act *a) {
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
    for (size_t k = 0; k < s->nnumerical; k++) {
      const act_res_numerical *nf = &s->numerical[k];
      fputs("<h4>", f);
      html(f, format_name(nf->format));
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

void formats_md(FILE *f, const rep_model *m, const rep_act *a) {
  const rep_sat *s = a->sat;
  figure_md(f, m, a->fig_numsat, "where the computed f' vanishes, per format", SRC_SAT);
  for (size_t k = 0; k < s->nnumerical; k++) {
    const act_res_numerical *nf = &s->numerical[k];
    fprintf(f, "Where the computed f' vanishes in %s:\n\n", format_name(nf->format));
    tab_md(f, numsat_table(nf));
  }
  figure_md(f, m, a->fig_normal, "saturated fraction against sigma", SRC_SAT);
  figure_md(f, m, a->fig_depth, "gradient product against depth", SRC_SAT);
  figure_md(f, m, a->fig_delivered, "the gradient delivered through depth, per format", SRC_SAT);
}
