/* actbench report: choosing a kernel: the Pareto chart of throughput against the core's max ULP,
 * and the front page's overview of every activation. */
#include "report_figs.h"

int boxes_meet(double u0, double v0, double w0, double h0, double u1, double v1, double w1,
               double h1) {
  return u0 < u1 + w1 && u1 < u0 + w0 && v0 < v1 + h1 && v1 < v0 + h0;
}

void place_labels(label_box *b, size_t n, const double *pu, const double *pv, size_t np) {
  static const double du[8] = {0.012, 0.012, -1, -1, -0.5, -0.5, 0.012, -1};
  static const double dv[8] = {0.012, -1.012, 0.012, -1.012, 0.03, -1.03, -0.5, -0.5};
  for (size_t i = 0; i < n; i++) {
    int ok = 0;
    for (int t = 0; t < 8 && !ok; t++) {
      double lu = b[i].u + (du[t] < -0.9 ? -b[i].w - 0.012 : du[t] < 0 ? -b[i].w / 2 : du[t]);
      double lv = b[i].v + (dv[t] < -0.9 ? -b[i].h - 0.012 : dv[t] == -0.5 ? -b[i].h / 2 : dv[t]);
      if (lu < 0 || lv < 0 || lu + b[i].w > 1 || lv + b[i].h > 1) continue;
      ok = 1;
      for (size_t k = 0; k < i && ok; k++)
        if (b[k].placed && boxes_meet(lu, lv, b[i].w, b[i].h, b[k].lu, b[k].lv, b[k].w, b[k].h))
          ok = 0;
      for (size_t k = 0; k < np && ok; k++)
        if (boxes_meet(lu, lv, b[i].w, b[i].h, pu[k] - 0.008, pv[k] - 0.012, 0.016, 0.024)) ok = 0;
      if (ok) b[i].lu = lu, b[i].lv = lv;
    }
    b[i].placed = ok;
  }
}

void draw_pareto(rep_act *a, const char *dir) {
  if (!a->acc || !a->spd || !a->rank_n) return;
  rep_kpoint *pts[2];
  size_t npts[2], nplot[2] = {0, 0};
  double umin = INFINITY, umax = 0, ymin = INFINITY, ymax = 0;
  int any_zero = 0;
  for (int d = 0; d < 2; d++) {
    pts[d] = rep_alloc((a->nnames + 1) * sizeof *pts[d]);
    npts[d] = rep_kernel_points(a, d, pts[d]);
    for (size_t i = 0; i < npts[d]; i++) {
      const rep_kpoint *p = &pts[d][i];
      if (isnan(p->ulp) || isnan(p->ips)) continue;
      nplot[d]++;
      if (p->ulp > 0) umin = fmin(umin, p->ulp);
      any_zero |= p->ulp <= 0;
      umax = fmax(umax, p->ulp);
      double lo = isfinite(p->q1) ? fmin(p->q1, p->ips) : p->ips;
      double hi = isfinite(p->q3) ? fmax(p->q3, p->ips) : p->ips;
      ymin = fmin(ymin, lo / 1e9);
      ymax = fmax(ymax, hi / 1e9);
    }
  }
  if (!nplot[0] && !nplot[1]) return;
  int ndir = nplot[1] ? 2 : 1;
  ulp_axis ax = ulp_axis_of(isfinite(umin) ? umin : 0.5, umax, any_zero);
  int logy = ymax / ymin > 20;
  double ylo = logy ? ymin / 1.6 : 0, yhi = logy ? ymax * 1.6 : ymax * 1.15;
  const char *stem = rep_printf("%s_pareto", a->stem);
  const char *datname = rep_printf("data/%s.dat", stem);
  const char *size = a->rank_cls ? rep_printf("n = %lld (%s)", a->rank_n, a->rank_cls)
                                 : rep_printf("n = %lld", a->rank_n);
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: throughput at %s (speed.json) against the max ULP error over the core\n"
          "# (accuracy.json; over all inputs where the file has no core). Per direction (fwd,\n"
          "# then bwd): one block per implementation (x drawn: 0 at %g, above %g in the band\n"
          "# at %g; max ULP; G items/s; its number; on the front; q1 and q3 of G items/s),\n"
          "# then the Pareto front as steps, then the labels (x, y, numbers).\n",
          a->name, size, ax.floor, OFF_SCALE, ax.band);
  int block = 0;
  int *idx[2], front_idx[2] = {-1, -1}, label_idx[2] = {-1, -1};
  for (int dd = 0; dd < ndir; dd++) {
    idx[dd] = rep_alloc((npts[dd] + 1) * sizeof *idx[dd]);
    rep_kpoint *p = pts[dd];
    for (size_t i = 0; i < npts[dd]; i++) {
      idx[dd][i] = -1;
      if (isnan(p[i].ulp) || isnan(p[i].ips)) continue;
      fprintf(d, "# %s %s\n%.9g %.9g %.9g %zu %d", dd ? "bwd" : "fwd", p[i].name,
              ulp_axis_x(&ax, p[i].ulp), p[i].ulp, p[i].ips / 1e9, p[i].idx + 1, p[i].front);
      dat_num(d, isfinite(p[i].q1) ? p[i].q1 / 1e9 : p[i].ips / 1e9);
      dat_num(d, isfinite(p[i].q3) ? p[i].q3 / 1e9 : p[i].ips / 1e9);
      fputs("\n\n\n", d);
      idx[dd][i] = block++;
    }
    size_t nf = 0;
    const rep_kpoint **f = rep_alloc((npts[dd] + 1) * sizeof *f);
    for (size_t i = 0; i < npts[dd]; i++)
      if (p[i].front) f[nf++] = &p[i];
    for (size_t i = 1; i < nf; i++)
      for (size_t j = i; j > 0 && (f[j - 1]->ulp > f[j]->ulp ||
                                   (f[j - 1]->ulp == f[j]->ulp && f[j - 1]->ips < f[j]->ips));
           j--) {
        const rep_kpoint *t = f[j];
        f[j] = f[j - 1];
        f[j - 1] = t;
      }
    if (nf) {
      fprintf(d, "# %s: the Pareto front, its points, then its steps\n", dd ? "bwd" : "fwd");
      for (size_t i = 0; i < nf; i++)
        fprintf(d, "%.9g %.9g\n", ulp_axis_x(&ax, f[i]->ulp), f[i]->ips / 1e9);
      fputs("\n\n", d);
      for (size_t i = 0; i < nf; i++)
        fprintf(d, "%.9g %.9g\n", ulp_axis_x(&ax, f[i]->ulp), f[i]->ips / 1e9);
      fprintf(d, "%.9g %.9g\n\n\n", ax.hi, f[nf - 1]->ips / 1e9);
      front_idx[dd] = block;
      block += 2;
    }
    /* labels: the numbers, those of points that coincide together, each put
     * where it meets no other label and no point */
    size_t nl = 0;
    label_box *lb = rep_alloc((npts[dd] + 1) * sizeof *lb);
    const char **lt = rep_alloc((npts[dd] + 1) * sizeof *lt);
    double *pu = rep_alloc((npts[dd] + 1) * sizeof *pu),
           *pv = rep_alloc((npts[dd] + 1) * sizeof *pv);
    size_t np = 0;
    double panel_w = ndir == 2 ? 0.42 * 1200 : 0.87 * 1000, panel_h = 420;
    for (size_t i = 0; i < npts[dd]; i++) {
      if (idx[dd][i] < 0) continue;
      double x = ulp_axis_x(&ax, p[i].ulp), y = p[i].ips / 1e9;
      double u = log10(x / ax.lo) / log10(ax.hi / ax.lo);
      double v = logy ? log10(y / ylo) / log10(yhi / ylo) : (y - ylo) / (yhi - ylo);
      pu[np] = u;
      pv[np++] = v;
      size_t k = 0;
      for (; k < nl; k++)
        if (fabs(u - lb[k].u) < 0.01 && fabs(v - lb[k].v) < 0.012) break;
      if (k < nl) {
        lt[k] = rep_printf("%s,%zu", lt[k], p[i].idx + 1);
        lb[k].w = (double)(strlen(lt[k]) * 6 + 4) / panel_w;
        continue;
      }
      lb[nl] = (label_box){u, v, 0, 0, 0, 14.0 / panel_h, 0};
      lt[nl] = rep_printf("%zu", p[i].idx + 1);
      lb[nl].w = (double)(strlen(lt[nl]) * 6 + 4) / panel_w;
      nl++;
    }
    place_labels(lb, nl, pu, pv, np);
    if (nl) {
      fprintf(d, "# %s: labels (x y text), placed clear of the others\n", dd ? "bwd" : "fwd");
      for (size_t k = 0; k < nl; k++) {
        double lu = lb[k].placed ? lb[k].lu : lb[k].u + 0.01,
               lv = lb[k].placed ? lb[k].lv : lb[k].v;
        double x = ax.lo * pow(ax.hi / ax.lo, lu);
        double y = logy ? ylo * pow(yhi / ylo, lv) : ylo + lv * (yhi - ylo);
        fprintf(d, "%.9g %.9g \"%s\"\n", x, y, lt[k]);
      }
      fputs("\n\n", d);
      label_idx[dd] = block++;
    }
  }
  rep_fclose(d, dir, datname);

  size_t nkey = 2;
  int *in_key = rep_alloc((a->nnames + 1) * sizeof *in_key);
  for (int dd = 0; dd < ndir; dd++)
    for (size_t i = 0; i < npts[dd]; i++)
      if (idx[dd][i] >= 0 && !in_key[pts[dd][i].idx]) in_key[pts[dd][i].idx] = 1, nkey++;
  int w = ndir == 2 ? 1200 : 1000, cols;
  /* font 10: about 7.5 pixels a character, against key_rows' 6 */
  int rows = key_rows(nkey, (longest_legend(a) + 16) * 5 / 4, w, &cols);
  int keyh = rows * 18 + 14;
  int h = 520 + keyh;
  FILE *g = gp_begin(dir, stem, rep_printf("%s, throughput against max ULP error", a->name), w, h);
  gp_linetypes(g, a);
  double bot = (double)(keyh + 70) / h, top = 1.0 - 60.0 / h;
  fputs("  set multiplot title ", g);
  gp_str(g, rep_printf("%s: throughput at %s (\u00b1 the quartiles of the repetitions) against "
                       "the max ULP error over the core; ringed and joined: the Pareto front",
                       a->name, size));
  fprintf(g,
          " font ',11'\n  set tmargin at screen %.4f\n  set bmargin at screen %.4f\n"
          "  set xlabel 'max ULP error over the core (log scale)'\n"
          "  set grid xtics ytics\n  unset key\n",
          top, bot);
  ulp_axis_gp(g, &ax);
  if (logy) {
    fprintf(g,
            "  set logscale y\n  set yrange [%.9g:%.9g]\n"
            "  set ylabel 'throughput (G elements/s, log scale)'\n",
            ylo, yhi);
    gp_125_tics(g, 'y', ylo, yhi);
  } else {
    fprintf(g, "  set yrange [0:%.9g]\n  set ylabel 'throughput (G elements/s)'\n", yhi);
  }
  for (int dd = 0; dd < ndir; dd++) {
    if (ndir == 2)
      fprintf(g, "  set lmargin at screen %s\n  set rmargin at screen %s\n", dd ? "0.555" : "0.065",
              dd ? "0.985" : "0.495");
    else
      fputs("  set lmargin at screen 0.09\n  set rmargin at screen 0.97\n", g);
    fputs("  set title ", g);
    gp_str(g, dd ? "backward: f\u2032 (dx = dy \u00b7 f\u2032(x))" : "forward: f (x \u2192 y)");
    fputc('\n', g);
    int last = dd == ndir - 1;
    if (last)
      fprintf(g,
              "  set key at screen 0.5, screen %.4f center top Left reverse vertical maxrows %d "
              "samplen 1 spacing 1.1 width 1 font ',10'\n",
              (double)(keyh + 6) / h, rows);
    fputs("  plot ", g);
    int first = 1;
    if (front_idx[dd] >= 0) {
      gp_str(g, datname);
      fprintf(g, " index %d using 1:2 with steps lw 7 lc rgb '#f6d38a' ", front_idx[dd] + 1);
      fputs(last ? "title 'Pareto front (steps)'" : "notitle", g);
      fputs(", \\\n    ", g);
      gp_str(g, datname);
      fprintf(g, " index %d using 1:2 with points pt 6 ps 2.6 lw 1.5 lc rgb '#000000' ",
              front_idx[dd]);
      fputs(last ? "title 'on the front (ringed)'" : "notitle", g);
      first = 0;
    }
    for (size_t k = 0; k < a->nnames; k++) {
      size_t i = 0;
      while (i < npts[dd] && pts[dd][i].idx != k) i++;
      int here = i < npts[dd] && idx[dd][i] >= 0;
      if (!here && !(last && in_key[k])) continue;
      if (!first) fputs(", \\\n    ", g);
      first = 0;
      const char *title = rep_printf("%zu  %s", k + 1, legend_name(a, a->names[k].name));
      if (!here) {
        fprintf(g, "keyentry with points lt %zu ps 1.4 title ", LT_BASE + k);
        gp_str(g, rep_printf("%s (%s)", title,
                             rep_impl_has_bwd(a, a->names[k].name) == 0 ? "no f\u2032" : "f only"));
        continue;
      }
      gp_str(g, datname);
      fprintf(g, " index %d using 1:3:6:7 with yerrorbars lt %zu ps 1.4 ", idx[dd][i], LT_BASE + k);
      if (last) {
        fputs("title ", g);
        gp_str(g, title);
      } else {
        fputs("notitle", g);
      }
    }
    if (label_idx[dd] >= 0) {
      fputs(", \\\n    ", g);
      gp_str(g, datname);
      fprintf(g,
              " index %d using 1:2:3 with labels left offset 0,0.45 font ',9' tc rgb '#202020' "
              "notitle",
              label_idx[dd]);
    }
    if (first) fputs("NaN notitle", g);
    fputc('\n', g);
  }
  fputs("  unset multiplot\n", g);
  gp_end(g, dir, stem);
  a->fig_pareto = stem;
}

/* ---- the front page's figure: speed against accuracy, a panel per
 * activation; the same axes as the Pareto chart's (the core's max ULP of f,
 * G items/s at the ranking size), ours filled, each library in its colour */
void draw_overview(rep_model *m, const char *dir) {
  size_t na = 0;
  double umin = INFINITY, umax = 0, ymin = INFINITY, ymax = 0;
  int any_zero = 0;
  rep_kpoint **pts = rep_alloc((m->nacts + 1) * sizeof *pts);
  size_t *npts = rep_alloc((m->nacts + 1) * sizeof *npts);
  rep_act **acts = rep_alloc((m->nacts + 1) * sizeof *acts);
  for (size_t i = 0; i < m->nacts; i++) {
    rep_act *a = &m->acts[i];
    if (!a->acc || !a->spd || !a->rank_n) continue;
    rep_kpoint *p = rep_alloc((a->nnames + 1) * sizeof *p);
    size_t n = rep_kernel_points(a, 0, p), good = 0;
    for (size_t k = 0; k < n; k++) {
      if (isnan(p[k].ulp) || isnan(p[k].ips)) continue;
      good++;
      if (p[k].ulp > 0) umin = fmin(umin, p[k].ulp);
      any_zero |= p[k].ulp <= 0;
      umax = fmax(umax, p[k].ulp);
      ymin = fmin(ymin, p[k].ips / 1e9);
      ymax = fmax(ymax, p[k].ips / 1e9);
    }
    if (!good) continue;
    pts[na] = p;
    npts[na] = n;
    acts[na++] = a;
  }
  if (!na) return;
  ulp_axis ax = ulp_axis_of(isfinite(umin) ? umin : 0.5, umax, any_zero);
  const char *stem = "overview";
  const char *datname = "data/overview.dat";
  FILE *d = rep_fopen(dir, datname);
  fputs(
      "# every activation's kernels, f: x drawn (0 at the floor, above 64 ULP in the band),\n"
      "# the core's max ULP (accuracy.json), G items/s at the ranking size (speed.json), the\n"
      "# library's place (0 ours), the point type; one block per activation\n",
      d);
  for (size_t i = 0; i < na; i++) {
    fprintf(d, "# %s\n", acts[i]->name);
    for (size_t k = 0; k < npts[i]; k++) {
      const rep_kpoint *p = &pts[i][k];
      if (isnan(p->ulp) || isnan(p->ips)) continue;
      int lib = rep_library_rank(p->origin);
      fprintf(d, "%.9g %.9g %.9g %d %d # %s\n", ulp_axis_x(&ax, p->ulp), p->ulp, p->ips / 1e9, lib,
              lib ? 6 + 2 * ((lib - 1) % 4) : 7, p->name);
    }
    fputs("\n\n", d);
  }
  rep_fclose(d, dir, datname);
  int cols = na > 9   ? 4
             : na > 4 ? 3
                      : (int)na,
      rows = (int)((na + (size_t)cols - 1) / (size_t)cols);
  int pw = 1200 / cols, ph = 240, w = pw * cols, h = 70 + ph * rows;
  int spare = (int)((size_t)(cols * rows) - na); /* empty places in the last row: the legend */
  if (!spare) h += 40;
  FILE *g = gp_begin(dir, stem, "speed against accuracy, every activation", w, h);
  for (int k = 0; k <= REP_NLIBS; k++)
    fprintf(g, "  set linetype %d lc rgb '%s' lw 1.5 ps 1\n", 101 + k, families[k].colors[0]);
  fputs(
      "  set multiplot title 'every activation: throughput of f at the ranking size against its "
      "max ULP error over the core (ours filled; open: the libraries, in their colours)' font "
      "',11'\n  set logscale y\n  set grid xtics ytics\n  unset key\n  set format y '%g'\n",
      g);
  ulp_axis_gp(g, &ax);
  fprintf(g, "  set yrange [%.9g:%.9g]\n", ymin / 1.5, ymax * 1.5);
  gp_125_tics(g, 'y', ymin / 1.5, ymax * 1.5);
  fputs("  set xtics font ',8'\n  set ytics font ',8'\n", g);
  for (size_t i = 0; i < na; i++) {
    int col = (int)i % cols, row = (int)i / cols;
    double l = (double)(col * pw + 42) / w, r = (double)((col + 1) * pw - 8) / w;
    double t = 1 - (double)(36 + row * ph + 20) / h, b = 1 - (double)(36 + (row + 1) * ph - 28) / h;
    gp_panel(g, l, r, t, b, acts[i]->name, -0.7, 10);
    fprintf(g, "  set xlabel %s\n  set ylabel %s\n",
            row == rows - 1 ? "'core max ULP' font ',8'" : "''",
            col == 0 ? "'G/s' font ',8'" : "''");
    if (i + 1 == na) {
      double kx = spare ? 1 - (double)spare * pw / 2 / w : 0.5;
      double ky = spare ? (double)(ph / 2 + 20) / h : 0.01;
      fprintf(g,
              "  set key at screen %.4f, screen %.4f center %s vertical Left reverse font ',10' "
              "samplen 1 spacing 1.3 box lc rgb '#cccccc' title 'kernels of'\n",
              kx, ky, spare ? "center" : "bottom");
    }
    fprintf(g,
            "  plot '%s' index %zu using 1:3:5:($4+101) with points pt variable lc variable ps 1.1 "
            "notitle",
            datname, i);
    if (i + 1 == na) { /* the legend, under the panels: the libraries present */
      int seen[REP_NLIBS + 1] = {0};
      for (size_t q = 0; q < na; q++)
        for (size_t k = 0; k < npts[q]; k++)
          if (!isnan(pts[q][k].ulp) && !isnan(pts[q][k].ips))
            seen[rep_library_rank(pts[q][k].origin)] = 1;
      for (int k = 0; k <= REP_NLIBS; k++)
        if (seen[k])
          fprintf(g, ", keyentry with points pt %d ps 1.3 lc rgb '%s' title '%s'",
                  k ? 6 + 2 * ((k - 1) % 4) : 7, families[k].colors[0],
                  k == 0          ? "ours"
                  : k < REP_NLIBS ? rep_libraries[k]
                                  : "others (plugins)");
    }
    fputc('\n', g);
  }
  /* the legend: a panel of its own below, the libraries */
  fputs("  unset multiplot\n", g);
  gp_end(g, dir, stem);
  m->fig_overview = stem;
}
