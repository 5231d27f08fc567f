/* actbench report: the saturation figures: f and f' with where |f'| < eps, every implementation's
 * saturation points on log |x|, the saturated fraction against sigma, where f' vanishes in each
 * format, the gradient through depth. */
#include "report_figs.h"

double interp(const rep_sat *s, double x) {
  for (size_t k = 1; k < s->ncurve; k++) {
    double x0 = s->x[k - 1], x1 = s->x[k];
    if (isnan(x0) || isnan(x1) || x < fmin(x0, x1) || x > fmax(x0, x1)) continue;
    double f0 = s->f[k - 1], f1 = s->f[k];
    if (x1 == x0) return f0;
    return f0 + (f1 - f0) * (x - x0) / (x1 - x0);
  }
  return NAN;
}

const char *color_of(const char *c) {
  return c ? c : "#000000";
}

/* Writes the markers of one panel: the ones inside [xlo, xhi] go into the
 * data file as blocks (index numbers returned in idx[], -1 when empty); the
 * ones outside become labels at the edge with their value. */
void write_markers(FILE *dat, FILE *gp, const marker_series *ms, size_t n, int *idx, int *nblocks,
                   double xlo, double xhi, int *label_no) {
  for (size_t i = 0; i < n; i++) {
    int any = 0;
    for (int s = 0; s < 2; s++) {
      double x = ms[i].x[s], y = ms[i].y[s];
      if (isnan(x) || isnan(y)) continue;
      if (x >= xlo && x <= xhi && !ms[i].ygraph[s]) {
        if (!any) fprintf(dat, "# %s\n", ms[i].title ? ms[i].title : "markers");
        fprintf(dat, "%.9g %.9g\n", x, y);
        any = 1;
      } else if (0) { /* beyond the range: on the log-|x| figure (fig_satpoints), not here */
        int left = x < xlo;
        fprintf(gp, "  set label %d ", ++*label_no);
        gp_str(gp, rep_printf(left ? "\u2190 %.6g" : "%.6g \u2192", x));
        fprintf(gp, " at %.9g, %s%.9g %s offset %s,0 tc rgb '%s' font ',8' front\n",
                left ? xlo : xhi, ms[i].ygraph[s] ? "graph " : "", y, left ? "left" : "right",
                left ? "0.5" : "-0.5", color_of(ms[i].color));
      }
    }
    if (any) {
      fputs("\n\n", dat);
      idx[i] = (*nblocks)++;
    } else {
      idx[i] = -1;
    }
  }
}

void plot_markers(FILE *gp, const char *datname, const marker_series *ms, size_t n,
                  const int *idx) {
  for (size_t i = 0; i < n; i++) {
    const char *lc = rep_printf("lc rgb '%s'", color_of(ms[i].color));
    if (idx[i] >= 0) {
      fputs(", \\\n    ", gp);
      gp_str(gp, datname);
      fprintf(gp, " index %d using 1:2 with points pt %d ps 1.3 %s ", idx[i], ms[i].pt, lc);
    } else if (ms[i].title && (ms[i].color || !isnan(ms[i].x[0]) || !isnan(ms[i].x[1]))) {
      fprintf(gp, ", \\\n    keyentry with points pt %d ps 1.3 %s ", ms[i].pt, lc);
    } else {
      continue;
    }
    if (ms[i].title) {
      fputs("title ", gp);
      gp_str(gp, ms[i].title);
    } else {
      fputs("notitle", gp);
    }
  }
}

/* A marker of the top panel beyond the plotted range becomes a label at the
 * edge, stacked up from the bottom (or down from the top) of the panel. */
void top_edge(marker_series *ms, int side, double xlo, double xhi, const int *edge_low,
              int *edge_count) {
  double x = ms->x[side];
  if (isnan(x) || (x >= xlo && x <= xhi)) return;
  int edge = x > xhi;
  int k = edge_count[edge]++;
  ms->ygraph[side] = 1;
  ms->y[side] = edge_low[edge] ? 0.08 + 0.075 * k : 0.92 - 0.075 * k;
}

size_t thresholds(const rep_sat *s, threshold *th) {
  size_t n = 0;
  for (size_t k = 0; k < s->nmath; k++)
    for (int side = 0; side < 2; side++) {
      const rep_side *sd = side ? &s->math[k].pos : &s->math[k].neg;
      if (sd->kind == REP_MATH_NEVER) continue;
      double x = sd->kind == REP_MATH_ALL ? 0 : (side ? sd->x : -sd->x);
      size_t i = 0;
      while (i < n && !(th[i].side == side && fabs(th[i].x - x) <= 1e-9 * fabs(x))) i++;
      if (i == n) {
        th[n++] = (threshold){side, sd->kind == REP_MATH_ALL, 0, x, "\u03b5="};
      }
      threshold *t = &th[i];
      if (t->count < 3)
        t->label = rep_printf("%s%s%g", t->label, t->count ? ", " : "", s->math[k].eps);
      else if (t->count == 3)
        t->label = rep_printf("%s, \u2026", t->label);
      t->count++;
    }
  for (size_t i = 0; i < n; i++)
    if (th[i].count == (int)s->nmath && s->nmath > 1) th[i].label = "every \u03b5";
  return n;
}

void draw_curve(rep_act *a, const char *dir) {
  const rep_sat *s = a->sat;
  double xlo = INFINITY, xhi = -INFINITY, dlo = INFINITY, dhi = -INFINITY;
  size_t good = 0;
  for (size_t k = 0; k < s->ncurve; k++) {
    if (isnan(s->x[k])) continue;
    xlo = fmin(xlo, s->x[k]);
    xhi = fmax(xhi, s->x[k]);
    if (!isnan(s->df[k])) {
      dlo = fmin(dlo, s->df[k]);
      dhi = fmax(dhi, s->df[k]);
    }
    if (!isnan(s->f[k]) || !isnan(s->df[k])) good++;
  }
  if (good < 2 || !(xhi > xlo)) {
    a->curve_note = "saturation.json has no curve for this activation";
    return;
  }
  if (!(dhi >= dlo)) dlo = dhi = 0;
  if (dhi - dlo < 1e-30) {
    dlo -= 0.5;
    dhi += 0.5;
  }
  const char *stem = rep_printf("%s_curve", a->stem);
  const char *curvedat = rep_printf("data/%s_curve.dat", a->stem);
  const char *markdat = rep_printf("data/%s_curve_markers.dat", a->stem);
  FILE *d = rep_fopen(dir, curvedat);
  fprintf(d, "# %s: exact f and f' (MPFR), from saturation.json\n# x f df\n", a->name);
  for (size_t k = 0; k < s->ncurve; k++) {
    if (isnan(s->x[k])) continue;
    fprintf(d, "%.9g", s->x[k]);
    dat_num(d, s->f[k]);
    dat_num(d, s->df[k]);
    fputc('\n', d);
  }
  rep_fclose(d, dir, curvedat);

  /* markers: f reaching its asymptote (top), f' computed as exactly 0 (bottom,
   * one row below the axis per implementation) */
  /* the implementations' points are on the log-|x| figure below it
   * (fig_satpoints), where every one of them is on a drawn axis: here only
   * the exact ones */
  size_t ni = 0;
  marker_series *top = rep_alloc((ni + 1) * sizeof *top);
  marker_series *bot = rep_alloc((ni + 1) * sizeof *bot);
  double range = dhi - dlo;
  /* one row per implementation below the axis, at least 14 pixels high: the
   * figure grows with the implementations, the curve keeps half the panel */
  int fig_h = 640 + 22 * (ni > 4 ? (int)ni - 4 : 0);
  double rows = (double)ni + 1.6, frac = 14.0 / (0.41 * fig_h);
  if (frac * rows > 0.55) frac = 0.55 / rows;
  double h = frac * 1.05 * range / (1 - frac * rows);
  top[0] = (marker_series){"RN(f) = asymptote (exact)", NULL, 12, {NAN, NAN}, {NAN, NAN}, {0, 0}};
  bot[0] = (marker_series){"RN(f\u2032) = 0 (exact)", NULL, 12, {NAN, NAN}, {NAN, NAN}, {0, 0}};
  const char *ex[2] = {s->exact_asymptote.neg, s->exact_asymptote.pos};
  const char *ez[2] = {s->exact_zero.neg, s->exact_zero.pos};
  for (int side = 0; side < 2; side++) {
    top[0].x[side] = rep_parse_x(ex[side]);
    top[0].y[side] = interp(s, top[0].x[side]);
    bot[0].x[side] = rep_parse_x(ez[side]);
    bot[0].y[side] = dlo - h;
  }
  size_t m = 1;
  /* f at the two edges: labels for points beyond the range stack away from it */
  double flo = INFINITY, fhi = -INFINITY, fedge[2] = {NAN, NAN};
  for (size_t k = 0; k < s->ncurve; k++) {
    if (isnan(s->f[k]) || isnan(s->x[k])) continue;
    flo = fmin(flo, s->f[k]);
    fhi = fmax(fhi, s->f[k]);
    if (isnan(fedge[0])) fedge[0] = s->f[k];
    fedge[1] = s->f[k];
  }
  int edge_low[2], edge_count[2] = {0, 0};
  for (int side = 0; side < 2; side++) edge_low[side] = !(fedge[side] - flo > 0.5 * (fhi - flo));
  for (int side = 0; side < 2; side++) top_edge(&top[0], side, xlo, xhi, edge_low, edge_count);
  for (size_t j = 0; ni && j < s->nimpls; j++) {
    const rep_sat_impl *p = &s->impls[j];
    if (!p->available) continue;
    impl_style st = style_of(a, p->name);
    const char *title = legend_name(a, p->name);
    if (rep_impl_has_bwd(a, p->name) == 0) title = rep_printf("%s, no bwd", title);
    top[m] = (marker_series){NULL, st.color, st.pt, {NAN, NAN}, {NAN, NAN}, {0, 0}};
    bot[m] = (marker_series){title, st.color, st.pt, {NAN, NAN}, {NAN, NAN}, {0, 0}};
    const char *fa[2] = {p->f_asymptote.neg, p->f_asymptote.pos};
    const char *gz[2] = {p->grad_zero.neg, p->grad_zero.pos};
    for (int side = 0; side < 2; side++) {
      top[m].x[side] = rep_parse_x(fa[side]);
      top[m].y[side] = interp(s, top[m].x[side]);
      top_edge(&top[m], side, xlo, xhi, edge_low, edge_count);
      bot[m].x[side] = rep_parse_x(gz[side]);
      bot[m].y[side] = dlo - (double)(m + 1) * h;
    }
    m++;
  }

  FILE *g =
      gp_begin(dir, stem, rep_printf("%s, f and f' over x with the saturation thresholds", a->name),
               960, fig_h);
  gp_linetypes(g, a);
  d = rep_fopen(dir, markdat);
  fprintf(d, "# %s: saturation points from saturation.json, one block per series\n", a->name);
  int label_no = 0, nblocks = 0;
  int *itop = rep_alloc(m * sizeof *itop), *ibot = rep_alloc(m * sizeof *ibot);

  fputs("  set multiplot title ", g);
  gp_str(g, rep_printf("%s: f and f\u2032 (exact, MPFR); shaded: |f\u2032| < \u03b5", a->name));
  fprintf(g,
          " font ',12'\n"
          "  set lmargin at screen 0.085\n  set rmargin at screen 0.635\n"
          "  set xrange [%.9g:%.9g]\n"
          "  set key left top Left reverse samplen 2 font ',9'\n",
          xlo, xhi);
  /* the mathematical thresholds, merged where several eps give the same x
   * (ReLU: every eps holds for all x < 0): a band from each to the edge */
  threshold *th = rep_alloc((2 * s->nmath + 1) * sizeof *th);
  size_t nth = thresholds(s, th);
  for (size_t k = 0; k < nth; k++) {
    double inner = th[k].x;
    int side = th[k].side;
    if ((side && inner >= xhi) || (!side && inner <= xlo)) continue;
    double outer = side ? xhi : xlo;
    fprintf(g,
            "  set object %zu rect from %.9g, graph 0 to %.9g, graph 1 behind "
            "fc rgb '#4a78c2' fs transparent solid 0.10 noborder\n",
            k + 1, side ? inner : outer, side ? outer : inner);
  }
  /* the inner intervals of the sets (saturation.json's "sets"): where |f'|
   * dips below eps near a zero of f' (gelu, silu, mish) or is 0 at a point
   * (hardswish at -1.5), at least a few pixels wide */
  size_t nobj = nth;
  const act_res_sets *sets = s->sets;
  for (size_t k = 0; sets && k <= sets->nlt; k++) {
    const act_res_spans *iv =
        k < sets->nlt ? (sets->lt[k].format ? NULL : &sets->lt[k].intervals) : &sets->dead;
    for (size_t q = 0; iv && q < iv->n && nobj < 400; q++) {
      double lo = iv->iv[q].lo, hi = iv->iv[q].hi;
      if (!isfinite(lo) || !isfinite(hi) || hi < xlo || lo > xhi) continue;
      double w = (xhi - xlo) / 300;
      if (hi - lo < w) lo = (lo + hi) / 2 - w / 2, hi = lo + w;
      fprintf(g,
              "  set object %zu rect from %.9g, graph 0 to %.9g, graph 1 behind "
              "fc rgb '#4a78c2' fs transparent solid 0.10 noborder\n",
              ++nobj, fmax(lo, xlo), fmin(hi, xhi));
    }
  }
  /* top panel */
  write_markers(d, g, top, m, itop, &nblocks, xlo, xhi, &label_no);
  fputs(
      "  set tmargin at screen 0.91\n  set bmargin at screen 0.55\n"
      "  set key at screen 0.655, screen 0.91\n"
      "  set ylabel 'f(x)'\n  set format x ''\n",
      g);
  fputs("  plot ", g);
  gp_str(g, curvedat);
  fputs(" using 1:2 with lines lw 2 lc rgb '#202020' title 'f(x)'", g);
  plot_markers(g, markdat, top, m, itop);
  int top_any = 0;
  for (size_t i = 1; i < m; i++) top_any |= !isnan(top[i].x[0]) || !isnan(top[i].x[1]);
  if (top_any)
    fputs(
        ", \\\n    keyentry with points pt 7 lc rgb '#909090' title 'computed f = "
        "asymptote'",
        g);
  fputs("\n  unset label\n", g);
  /* bottom panel: the threshold lines, labelled by their eps */
  for (size_t k = 0; k < nth; k++) {
    double x = th[k].x;
    int side = th[k].side;
    if (x < xlo || x > xhi) continue;
    fprintf(g,
            "  set arrow %zu from %.9g, graph 0 to %.9g, graph 1 nohead lc rgb '#3a64a8' "
            "dt 2 lw 1 back\n",
            k + 1, x, x);
    fprintf(g, "  set label %d ", ++label_no);
    gp_str(g,
           th[k].all ? rep_printf("all x %s 0: %s", side ? ">" : "<", th[k].label) : th[k].label);
    fprintf(g,
            " at %.9g, graph 0.97 right rotate by 90 offset %s,0 tc rgb '#3a64a8' "
            "font ',9' front\n",
            x, side ? "1.2" : "-1.4");
  }
  write_markers(d, g, bot, m, ibot, &nblocks, xlo, xhi, &label_no);
  rep_fclose(d, dir, markdat);
  fprintf(g,
          "  set tmargin at screen 0.50\n  set bmargin at screen 0.09\n"
          "  set key at screen 0.655, screen 0.50\n"
          "  set format x '%% g'\n  set xlabel 'x'\n  set ylabel 'f\u2032(x)'\n"
          "  set yrange [%.9g:%.9g]\n  set xzeroaxis lt 1 lc rgb '#a0a0a0'\n",
          dlo - (double)(m + 0.6) * h, dhi + 0.05 * range);
  /* tics on f' only, not in the rows of markers below it */
  double step = pow(10, floor(log10(range / 4)));
  if (range / step > 20)
    step *= 5;
  else if (range / step > 8)
    step *= 2;
  fprintf(g, "  set ytics %.9g, %.9g\n", ceil(dlo / step - 1e-9) * step, step);
  fputs("  plot ", g);
  gp_str(g, curvedat);
  fputs(" using 1:3 with lines lw 2 lc rgb '#202020' title 'f\u2032(x)'", g);
  if (s->nmath)
    fputs(
        ", \\\n    keyentry with boxes fc rgb '#4a78c2' fs transparent solid 0.25 noborder "
        "title '|f\u2032| < \u03b5'",
        g);
  plot_markers(g, markdat, bot, m, ibot);
  fputs("\n  unset multiplot\n", g);
  gp_end(g, dir, stem);
  a->fig_curve = stem;
}

/* ---- (4) the numerical saturation points per implementation, on log |x|:
 * where the computed f' becomes exactly 0 and where the computed f reaches
 * its asymptote, a row per implementation, x < 0 on the left panel (|x|
 * growing to the left) and x > 0 on the right, so that every point from 1e-3
 * to 104 lies on a drawn axis */

void draw_satpoints(rep_act *a, const char *dir) {
  const rep_sat *s = a->sat;
  size_t n = 1; /* row 0: the exact values */
  for (size_t j = 0; j < s->nimpls; j++) n += s->impls[j].available;
  const char **names = rep_alloc(n * sizeof *names);
  double(*v)[4] = rep_alloc(n * sizeof *v); /* f'=0 neg, pos; f=asymptote neg, pos */
  int(*prem)[2] = rep_alloc(n * sizeof *prem);
  int *color = rep_alloc(n * sizeof *color);
  names[0] = "exact (RN)";
  const char *e4[4] = {s->exact_zero.neg, s->exact_zero.pos, s->exact_asymptote.neg,
                       s->exact_asymptote.pos};
  for (int t = 0; t < 4; t++) v[0][t] = rep_parse_x(e4[t]);
  size_t c = 1;
  for (size_t j = 0; j < s->nimpls; j++) {
    const rep_sat_impl *p = &s->impls[j];
    if (!p->available) continue;
    names[c] = legend_name(a, p->name);
    if (rep_impl_has_bwd(a, p->name) == 0) names[c] = rep_printf("%s (no f\u2032)", names[c]);
    const char *p4[4] = {p->grad_zero.neg, p->grad_zero.pos, p->f_asymptote.neg,
                         p->f_asymptote.pos};
    for (int t = 0; t < 4; t++) v[c][t] = rep_parse_x(p4[t]);
    prem[c][0] = p->premature_neg;
    prem[c][1] = p->premature_pos;
    color[c] = (int)rep_impl_index(a, p->name);
    c++;
  }
  double lo = INFINITY, hi = 0;
  for (size_t i = 0; i < n; i++)
    for (int t = 0; t < 4; t++)
      if (isfinite(v[i][t]) && v[i][t] != 0)
        lo = fmin(lo, fabs(v[i][t])), hi = fmax(hi, fabs(v[i][t]));
  if (!(hi > 0)) return;
  lo = fmin(lo / 1.5, 1);
  hi = fmax(hi * 1.5, 10);
  const char *stem = rep_printf("%s_satpoints", a->stem);
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: first x, going out from 0, where the computed f' is exactly 0 and where the\n"
          "# computed f equals its asymptote (saturation.json); row 0 the exact (correctly\n"
          "# rounded) values. Blocks: f'=0 (row |x| premature), then f = asymptote (row |x|),\n"
          "# each for x < 0 and then x > 0; ? where it never happens on that side\n",
          a->name);
  for (int t = 0; t < 4; t++) {
    fprintf(d, "# %s, %s\n", t < 2 ? "f'=0" : "f = asymptote", t % 2 ? "x > 0" : "x < 0");
    for (size_t i = 0; i < n; i++) {
      fprintf(d, "%zu", i);
      dat_num(d, fabs(v[i][t]) > 0 ? fabs(v[i][t]) : NAN);
      fprintf(d, " %d %zu\n", t < 2 && i > 0 ? prem[i][t] : 0,
              i ? LT_BASE + (size_t)color[i] : 100);
    }
    fputs("\n\n", d);
  }
  rep_fclose(d, dir, datname);
  size_t len = 10;
  for (size_t i = 0; i < n; i++) len = strlen(names[i]) > len ? strlen(names[i]) : len;
  int w = 1200, h = 120 + 19 * (int)n;
  double lm = (double)(len * 7 + 24) / w;
  if (lm > 0.42) lm = 0.42;
  double mid = lm + (0.98 - lm) / 2;
  FILE *g =
      gp_begin(dir, stem, rep_printf("%s, saturation points per implementation", a->name), w, h);
  gp_linetypes(g, a);
  fputs("  set linetype 100 lc rgb '#000000' pt 7\n", g);
  fputs("  set multiplot title ", g);
  gp_str(g, rep_printf("%s: where the computed f\u2032 becomes 0 (\u25cf; red ring: premature) "
                       "and f reaches its asymptote (\u25a1), log |x|",
                       a->name));
  fprintf(g,
          " font ',11'\n  set logscale x\n  set yrange [%g:-0.7] reverse\n  set ytics 1 scale 0\n"
          "  set grid xtics\n  set key off\n  set tmargin at screen %.4f\n  set bmargin at screen "
          "%.4f\n  set format x '%%g'\n",
          (double)n - 0.3, 1 - 42.0 / h, 48.0 / h);
  for (int side = 0; side < 2; side++) {
    fprintf(g, "  set lmargin at screen %.4f\n  set rmargin at screen %.4f\n",
            side ? mid + 0.01 : lm, side ? 0.98 : mid - 0.01);
    fprintf(g, "  set xrange [%.9g:%.9g]%s\n", side ? lo : hi, side ? hi : lo, "");
    fprintf(g, "  set xlabel '%s'\n", side ? "x > 0" : "x < 0: |x|, growing to the left");
    if (!side) {
      fputs("  set ytics (", g);
      for (size_t i = 0; i < n; i++) {
        if (i) fputs(", ", g);
        gp_str(g, names[i]);
        fprintf(g, " %zu", i);
      }
      fputs(") font ',9'\n", g);
    } else {
      fputs("  set ytics 1 format '' scale 0\n", g);
    }
    /* the exact values as vertical lines */
    fprintf(g, "  unset arrow\n");
    for (int t = side; t < 4; t += 2)
      if (isfinite(v[0][t]) && v[0][t] != 0)
        fprintf(g,
                "  set arrow from %.9g, graph 0 to %.9g, graph 1 nohead dt %d lc rgb '#808080'\n",
                fabs(v[0][t]), fabs(v[0][t]), t < 2 ? 2 : 3);
    fprintf(g,
            "  plot '%s' index %d using 2:1:4 with points pt 7 ps 1.1 lc variable, \\\n"
            "       '' index %d using ($3 > 0 ? $2 : 1/0):1 with points pt 6 ps 1.9 lw 2 lc rgb "
            "'#c00000', \\\n"
            "       '' index %d using 2:1:4 with points pt 4 ps 1.2 lw 1.5 lc variable\n",
            datname, side, side, 2 + side);
  }
  fputs("  unset multiplot\n", g);
  gp_end(g, dir, stem);
  a->fig_satbars = stem;
}

const char *set_title(const act_res_normal_row *e) {
  if (e->set && !strcmp(e->set, "dead")) return "f\u2032 = 0 (dead)";
  return rep_printf("|f\u2032| < %s", e->label ? e->label : rep_printf("%g", e->eps));
}

/* the fraction of x ~ N(0, sigma^2) in each set of the activation, against sigma */
void draw_normal(rep_act *a, const char *dir) {
  const act_res_normal *no = a->sat->normal;
  size_t ns = no ? no->nsigma : 0, nset = no ? no->nsets : 0;
  if (ns < 2 || !nset) return;
  const double *sig = no->sigma;
  size_t i0 = rep_mu0(no);
  double mu = i0 < no->nmu ? no->mu[i0] : NAN;
  const char *stem = rep_printf("%s_normal", a->stem);
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: P(x in the set) for x ~ N(%g, sigma^2), exact (saturation.json, normal)\n"
          "# sigma, then one column per set of normal.sets\n",
          a->name, mu);
  for (size_t j = 0; j < ns; j++) {
    dat_num(d, sig[j]);
    for (size_t k = 0; k < nset; k++)
      dat_num(d, no->sets[k].exact ? no->sets[k].exact[i0 * ns + j] : NAN);
    fputc('\n', d);
  }
  rep_fclose(d, dir, datname);
  int cols, rows = key_rows(nset, 24, 900, &cols);
  FILE *g = gp_begin(dir, stem, rep_printf("%s: saturated fraction against sigma", a->name), 900,
                     480 + 18 * rows);
  series_linetypes(g, nset);
  fprintf(g,
          "  set logscale x 2\n  set xrange [%g:%g]\n  set yrange [0:1.02]\n"
          "  set xlabel 'σ of the input x ~ N(%g, σ²)'\n"
          "  set ylabel 'fraction of inputs in the set'\n"
          "  set key below maxcols %d height 1 font ',9'\n",
          sig[0], sig[ns - 1], mu, cols);
  fputs("  plot", g);
  for (size_t k = 0; k < nset; k++) {
    fprintf(g, "%s '%s' using 1:%zu with linespoints lt %zu title ", k ? ", \\\n      " : " ",
            datname, k + 2, LT_BASE + k);
    gp_str(g, set_title(&no->sets[k]));
  }
  fputc('\n', g);
  gp_end(g, dir, stem);
  a->fig_normal = stem;
}

/* where the computed f' is 0 from outward (numerical[].evaluators[].zero_from),
 * a row per evaluator (the exact first), a colour and point per format,
 * both sides on one signed x axis */
void draw_numsat(rep_act *a, const char *dir) {
  const act_res_numerical *num = a->sat->numerical;
  size_t nf = a->sat->nnumerical;
  if (!nf) return;
  const char *names[64];
  size_t nn = 0;
  names[nn++] = "exact (rounded to the format)";
  for (size_t k = 0; k < nf; k++) {
    for (size_t j = 0; j < num[k].nevals; j++) {
      const char *n = num[k].evals[j].name;
      size_t q = 1;
      while (q < nn && strcmp(names[q], n)) q++;
      if (q == nn && nn < 64) names[nn++] = n;
    }
  }
  const char *stem = rep_printf("%s_numsat", a->stem);
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: where the computed f' is 0 from outward, per format (one block each):\n"
          "# row x_neg x_pos (? where never), from saturation.json numerical[].zero_from\n",
          a->name);
  double xmax = 0;
  for (size_t k = 0; k < nf; k++) {
    const act_res_numerical *nfm = &num[k];
    fprintf(d, "# %s\n", fstr0(nfm->format));
    for (size_t r = 0; r < nn; r++) {
      const act_res_num_eval *e = NULL;
      if (r == 0)
        e = nfm->has_exact ? &nfm->exact : NULL;
      else
        for (size_t j = 0; j < nfm->nevals && !e; j++)
          if (!strcmp(nfm->evals[j].name, names[r])) e = &nfm->evals[j];
      if (!e) continue;
      double v[2] = {e->zero_from.xneg, e->zero_from.xpos};
      for (int t = 0; t < 2; t++)
        if (isfinite(v[t])) xmax = fmax(xmax, fabs(v[t]));
      fprintf(d, "%.2f", (double)r + 0.2 * ((double)k - (double)(nf - 1) / 2));
      dat_num(d, v[0]);
      dat_num(d, v[1]);
      fputc('\n', d);
    }
    fputs("\n\n", d);
  }
  rep_fclose(d, dir, datname);
  if (!(xmax > 0)) return;
  size_t len = 0;
  for (size_t r = 0; r < nn; r++) len = strlen(names[r]) > len ? strlen(names[r]) : len;
  int h = 160 + 34 * (int)nn;
  FILE *g = gp_begin(dir, stem, rep_printf("%s: where the computed f' vanishes", a->name), 1000,
                     h < 360 ? 360 : h);
  series_linetypes(g, nf);
  fprintf(g,
          "  set yrange [%g:-0.7]\n  set xrange [%g:%g]\n  set grid noytics\n"
          "  set xlabel 'x from which the computed f′ is 0 at every input outward "
          "(x < 0 left, x > 0 right)'\n"
          "  set lmargin %d\n  set key below font ',9'\n  set ytics (",
          (double)nn - 0.3, -xmax * 1.08, xmax * 1.08, (int)(len * 0.75) + 4);
  for (size_t r = 0; r < nn; r++) {
    fputs(r ? ", " : "", g);
    gp_str(g, names[r]);
    fprintf(g, " %zu", r);
  }
  fputs(") font ',9'\n  set yzeroaxis lt -1\n  plot", g);
  for (size_t k = 0; k < nf; k++) {
    const char *fmt = num[k].format;
    fprintf(g, "%s '%s' index %zu using 2:1 with points lt %zu ps 1.4 title ",
            k ? ", \\\n      " : " ", datname, k, LT_BASE + k);
    gp_str(g, fmt ? fmt : "?");
    fprintf(g, ", '%s' index %zu using 3:1 with points lt %zu ps 1.4 notitle", datname, k,
            LT_BASE + k);
  }
  fputc('\n', g);
  gp_end(g, dir, stem);
  a->fig_numsat = stem;
}

/* the gradient a chain of L layers delivers in each format (depth.delivered)
 * at the scale nearest 1: the median relative error (log y) and the fraction
 * of chains underflowed to 0, against L; a colour per format, a dash pattern
 * per formula */
void draw_delivered(rep_act *a, const char *dir) {
  const act_res_depth *dp = a->sat->depth;
  if (!dp || !dp->has_delivered || !dp->nrows) return;
  double want = NAN, dist = INFINITY;
  for (size_t k = 0; k < dp->ndscales; k++) {
    double v = dp->dscales[k];
    if (isfinite(v) && fabs(v - 1) < dist) dist = fabs(v - 1), want = v;
  }
  if (!isfinite(want)) return;
  const char *fmts[8], *forms[16];
  size_t nfm = 0, nfo = 0;
  const act_res_delivered *sel[64];
  size_t ns = 0;
  for (size_t k = 0; k < dp->nrows && ns < 64; k++) {
    const act_res_delivered *r = &dp->rows[k];
    const char *fm = r->format, *nm = r->name;
    if (r->scale != want) continue;
    sel[ns++] = r;
    size_t q = 0;
    while (q < nfm && strcmp(fmts[q], fm)) q++;
    if (q == nfm && nfm < 8) fmts[nfm++] = fm;
    q = 0;
    while (q < nfo && strcmp(forms[q], nm)) q++;
    if (q == nfo && nfo < 16) forms[nfo++] = nm;
  }
  if (!ns) return;
  const char *stem = rep_printf("%s_delivered", a->stem);
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: the gradient delivered through L layers, x_l ~ N(0, %g^2), per format and\n"
          "# formula (saturation.json, depth.delivered): one block per row, L median_rel_err "
          "underflow\n",
          a->name, want);
  double lo = INFINITY, hi = 0;
  int any = 0;
  for (size_t k = 0; k < ns; k++) {
    const act_res_delivered *r = sel[k];
    fprintf(d, "# %s %s\n", r->format, r->name);
    for (size_t l = 0; l < r->n_median_rel_err; l++) {
      double e = r->median_rel_err[l];
      if (!(e > 0)) e = NAN;
      if (isfinite(e)) lo = fmin(lo, e), hi = fmax(hi, e), any = 1;
      fprintf(d, "%zu", l + 1);
      dat_num(d, e);
      dat_num(d, l < r->n_underflow ? r->underflow[l] : NAN);
      fputc('\n', d);
    }
    fputs("\n\n", d);
  }
  rep_fclose(d, dir, datname);
  if (!any) return;
  int cols, krows = key_rows(ns, 30, 1100, &cols);
  int hgt = 480 + 18 * krows;
  double bm = (70.0 + 18 * krows) / hgt, tm = 1 - 40.0 / hgt;
  FILE *g = gp_begin(dir, stem, rep_printf("%s: the gradient delivered through depth", a->name),
                     1100, hgt);
  size_t pfx = strlen(a->name) + strlen(".formula.");
  for (size_t k = 0; k < ns; k++) {
    const char *fm = sel[k]->format, *nm = sel[k]->name;
    size_t cf = 0, cn = 0;
    while (cf < nfm && strcmp(fmts[cf], fm)) cf++;
    while (cn < nfo && strcmp(forms[cn], nm)) cn++;
    fprintf(g, "  set linetype %zu lc rgb '%s' lw 1.6 dt %zu\n", LT_BASE + k,
            series_colors[cf % NSERIES_COLORS], 1 + cn % 5);
  }
  fprintf(g,
          "  set multiplot title 'gradient through L layers in each format, x_l ~ "
          "N(0, %g²), against the exact product' font ',11'\n"
          "  set key off\n  set bmargin at screen %.4f\n  set tmargin at screen %.4f\n"
          "  set lmargin at screen 0.08\n  set rmargin at screen 0.47\n"
          "  set logscale y\n  set format y '1e%%T'\n  set yrange [%g:%g]\n"
          "  set xlabel 'depth L (layers)'\n"
          "  set ylabel 'median relative error (log scale)'\n  plot",
          want, bm, tm, pow(10, floor(log10(lo))), pow(10, ceil(log10(hi)) + 0.3));
  for (size_t k = 0; k < ns; k++)
    fprintf(g, "%s '%s' index %zu using 1:2 with lines lt %zu notitle", k ? ", \\\n      " : " ",
            datname, k, LT_BASE + k);
  fprintf(g,
          "\n  unset logscale y\n  set format y '%%g'\n  set yrange [0:1.02]\n"
          "  set ylabel 'fraction of chains underflowed to 0'\n"
          "  set lmargin at screen 0.58\n  set rmargin at screen 0.97\n"
          "  set key at screen 0.5, screen 0.01 center bottom vertical maxrows %d Left reverse "
          "samplen 3 width 2 font ',9'\n  plot",
          krows);
  for (size_t k = 0; k < ns; k++) {
    const char *nm = sel[k]->name;
    fprintf(g, "%s '%s' index %zu using 1:3 with lines lt %zu title ", k ? ", \\\n      " : " ",
            datname, k, LT_BASE + k);
    gp_str(g,
           rep_printf("%s, %s", sel[k]->format,
                      strlen(nm) > pfx && !strncmp(nm, a->name, strlen(a->name)) ? nm + pfx : nm));
  }
  fputs("\n  unset multiplot\n", g);
  gp_end(g, dir, stem);
  a->fig_delivered = stem;
}

/* the gradient product through L layers, E[f'(x)]^L (solid) and its geometric
 * mean exp(E[log|f'|])^L (dashed), one colour per scale of x, log y */
void draw_depth(rep_act *a, const char *dir) {
  const act_res_depth *dp = a->sat->depth;
  size_t nsc = dp ? dp->nscales : 0, L = dp ? dp->layers : 0;
  if (!nsc || !dp->product || L < 2 || L > 100000) return;
  const char *stem = rep_printf("%s_depth", a->stem);
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: through L layers, x_l ~ N(0, s^2): E[f'(x)]^L and exp(E[log|f'(x)|])^L\n"
          "# (saturation.json, depth); L, then per scale s the two (? where 0 or none)\n",
          a->name);
  int *has = rep_alloc(2 * nsc * sizeof *has);
  double lo = INFINITY, hi = 0;
  for (size_t l = 1; l <= L; l++) {
    fprintf(d, "%zu", l);
    for (size_t k = 0; k < nsc; k++) {
      double p = dp->product[k * L + l - 1];
      double gm = pow(dp->geo_mean_abs_df ? dp->geo_mean_abs_df[k] : NAN, (double)l);
      double v[2] = {p, gm};
      for (int t = 0; t < 2; t++) {
        int ok = isfinite(v[t]) && v[t] > 1e-300;
        dat_num(d, ok ? v[t] : NAN);
        if (ok) {
          has[2 * k + (size_t)t] = 1;
          lo = fmin(lo, v[t]);
          hi = fmax(hi, v[t]);
        }
      }
    }
    fputc('\n', d);
  }
  rep_fclose(d, dir, datname);
  if (!(hi > 0)) return;
  int cols, rows = key_rows(2 * nsc, 34, 900, &cols);
  FILE *g = gp_begin(dir, stem, rep_printf("%s: gradient product against depth", a->name), 900,
                     500 + 18 * rows);
  series_linetypes(g, nsc);
  for (size_t k = 0; k < nsc; k++)
    fprintf(g, "  set linetype %zu lc rgb '%s' lw 1.5 dt 2\n", LT_BASE + 50 + k,
            series_colors[k % NSERIES_COLORS]);
  if (lo < hi * 1e-3) lo = fmax(lo, hi * 1e-300);
  fprintf(g,
          "  set logscale y\n  set format y '1e%%T'\n  set xrange [1:%zu]\n"
          "  set yrange [%g:%g]\n"
          "  set xlabel 'depth L (layers)'\n"
          "  set ylabel 'gradient factor through L layers (log scale)'\n"
          "  set key below maxcols %d height 1 font ',9'\n",
          L, pow(10, floor(log10(lo))), pow(10, ceil(log10(hi)) + (hi >= 1 ? 0.3 : 0)), cols);
  fputs("  plot", g);
  int first = 1;
  for (size_t k = 0; k < nsc; k++)
    for (int t = 0; t < 2; t++) {
      if (!has[2 * k + (size_t)t]) continue;
      fprintf(g, "%s '%s' using 1:%zu with lines lt %zu title ", first ? " " : ", \\\n      ",
              datname, 2 + 2 * k + (size_t)t, t ? LT_BASE + 50 + k : LT_BASE + k);
      gp_str(g, rep_printf(
                    t ? "typical (geometric mean), x ~ N(0, %g²)" : "E[f\u2032]^L, x ~ N(0, %g²)",
                    dp->scales[k]));
      first = 0;
    }
  fputc('\n', g);
  gp_end(g, dir, stem);
  a->fig_depth = stem;
}
