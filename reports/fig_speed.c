/* actbench report: the speed figure: throughput against n with the spread, the memory limit at each
 * kernel's bytes, the same n on every thread. */
#include "report_figs.h"

/* ---- (3) throughput against n */

int is_copy(const char *name) {
  return !strcmp(name, "memory.copy");
}

/* One panel of the throughput figure: dir 0 forward, 1 backward. */
void speed_panel(FILE *g, const rep_model *mo, const rep_act *a, const char *datname,
                 const int *idx, const int *bidx, int dir, int titles, int bpe16, int mt_threads) {
  const rep_spd *s = a->spd;
  int first = 1;
  fputs("  plot ", g);
  /* the memory limit first, behind the kernels */
  for (size_t b = 0; mo->baseline && b < mo->baseline->nimpls; b++) {
    if (bidx[b] < 0) continue;
    const rep_spd_impl *p = &mo->baseline->impls[b];
    int col = dir ? 3 : 2;
    int any = 1;
    if (!is_copy(p->name)) {
      any = 0; /* a baseline other than copy: its own throughput, where measured */
      for (size_t k = 0; k < p->npoints; k++) any |= isfinite(p->points[k].ips[dir]);
      if (!any && !titles) continue;
      col = dir ? 5 : 4;
    }
    if (!first) fputs(", \\\n    ", g);
    first = 0;
    const char *style =
        rep_printf("with linespoints lw %s dt %s pt %s ps 0.8 lc rgb '%s'",
                   is_copy(p->name) ? "4" : "2", is_copy(p->name) ? "1" : "3",
                   is_copy(p->name) ? "2" : "1", is_copy(p->name) ? "#9a9a9a" : "#7a7a7a");
    if (!any) { /* in the legend only: measured in the other direction */
      fprintf(g, "keyentry %s title ", style);
      gp_str(g, rep_printf("baseline %s (%s only)", p->name, dir ? "forward" : "backward"));
      continue;
    }
    gp_str(g, datname);
    fprintf(g, " index %d using 1:%d %s ", bidx[b], col, style);
    if (titles) {
      fputs("title ", g);
      gp_str(g, is_copy(p->name) ? "memory limit (copy): 8 B/element forward, 12 backward"
                                 : rep_printf("baseline %s", p->name));
    } else {
      fputs("notitle", g);
    }
    if (!is_copy(p->name)) continue;
    /* a backward kernel that reads x and y moves 16 bytes an element */
    if (dir && bpe16) {
      fputs(", \\\n    ", g);
      gp_str(g, datname);
      fprintf(g, " index %d using 1:7 with lines lw 3 dt 2 lc rgb '#b5b5b5' %s", bidx[b],
              titles ? "title 'memory limit at 16 B/element (copy)'" : "notitle");
    }
    /* the copy on every thread, beside the largest size */
    if (mt_threads > 1) {
      fputs(", \\\n    ", g);
      gp_str(g, datname);
      fprintf(g, " index %d using ($1*1.45):%d with points pt 5 ps 1.6 lc rgb '#9a9a9a' ", bidx[b],
              dir ? 9 : 8);
      if (titles)
        fprintf(g, "title 'memory limit on %d threads (copy)'", mt_threads);
      else
        fputs("notitle", g);
    }
  }
  for (size_t k = 0; k < a->nnames; k++)
    for (size_t j = 0; j < s->nimpls; j++) {
      const rep_spd_impl *p = &s->impls[j];
      if (idx[j] < 0 || strcmp(p->name, a->names[k].name)) continue;
      int any = 0;
      for (size_t q = 0; q < p->npoints; q++) any |= isfinite(p->points[q].ips[dir]);
      const char *title = legend_name(a, p->name);
      if (!any && (!titles || !p->npoints)) continue;
      if (!first) fputs(", \\\n    ", g);
      first = 0;
      if (!any) { /* only in the legend: measured forward, no backward kernel */
        fprintf(g, "keyentry with linespoints lt %zu title ", LT_BASE + rep_impl_index(a, p->name));
        gp_str(g, rep_printf("%s (%s)", title,
                             rep_impl_has_bwd(a, p->name) == 0 ? "no backward kernel"
                                                               : "backward not measured"));
        continue;
      }
      gp_str(g, datname);
      fprintf(g, " index %d using 1:%d:%d:%d with yerrorlines lt %zu ", idx[j], dir ? 3 : 2,
              dir ? 8 : 6, dir ? 9 : 7, LT_BASE + rep_impl_index(a, p->name));
      if (titles) {
        fputs("title ", g);
        gp_str(g, title);
      } else {
        fputs("notitle", g);
      }
      if (mt_threads > 1) {
        fputs(", \\\n    ", g);
        gp_str(g, datname);
        fprintf(g, " index %d using ($1*1.45):%d with points lt %zu ps 1.5 notitle", idx[j],
                dir ? 11 : 10, LT_BASE + rep_impl_index(a, p->name));
      }
    }
  if (titles && mt_threads > 1)
    fprintf(g,
            ", \\\n    keyentry with points pt 6 ps 1.5 lc rgb '#303030' title 'right of the "
            "largest n: the same n on %d threads'",
            mt_threads);
  if (titles) key_line_kinds(g, a);
  if (first) fputs("NaN notitle", g);
  fputc('\n', g);
}

void draw_speed(const rep_model *mo, rep_act *a, const char *dir) {
  const rep_spd *s = a->spd;
  long long *ns;
  const char **cls;
  size_t nn = rep_sizes(s, &ns, &cls);
  double ymax = 0, ymin = INFINITY;
  int have_bwd = 0;
  for (size_t j = 0; j < s->nimpls; j++)
    for (size_t k = 0; k < s->impls[j].npoints; k++)
      for (int d2 = 0; d2 < 2; d2++) {
        double v = s->impls[j].points[k].ips[d2] / 1e9;
        if (!(isfinite(v) && v > 0)) continue;
        ymax = fmax(ymax, v);
        ymin = fmin(ymin, v);
        have_bwd |= d2;
      }
  if (!nn || !(ymax > 0)) return;
  const char *stem = rep_printf("%s_speed", a->stem);
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fprintf(
      d,
      "# %s: throughput from speed.json; one block per implementation, then the\n"
      "# baselines of speed.json (memory.copy: the memory limit, its bytes/s over the\n"
      "# bytes a kernel moves per element: 8 forward, 12 backward for a kernel that\n"
      "# reads x or y besides dy, 16 for one that reads both)\n"
      "# n fwd_G_items_per_s bwd_G_items_per_s fwd_GB_per_s bwd_GB_per_s fwd_q1 fwd_q3\n"
      "# bwd_q1 bwd_q3 (the quartiles of the repetitions) fwd_on_all_threads bwd_on_all_threads\n",
      a->name);
  int block = 0, mt_threads = 0, bpe16 = 0;
  int *idx = rep_alloc((s->nimpls ? s->nimpls : 1) * sizeof *idx);
  for (size_t j = 0; j < s->nimpls; j++) {
    const rep_spd_impl *p = &s->impls[j];
    idx[j] = -1;
    if (!p->npoints) continue;
    fprintf(d, "# %s\n", p->name);
    for (size_t k = 0; k < p->npoints; k++) {
      const rep_point *q = &p->points[k];
      fprintf(d, "%lld", q->n);
      dat_num(d, q->ips[0] / 1e9);
      dat_num(d, q->ips[1] / 1e9);
      dat_num(d, q->bps[0] / 1e9);
      dat_num(d, q->bps[1] / 1e9);
      for (int dd = 0; dd < 2; dd++) {
        dat_num(d, (isfinite(q->ips_q1[dd]) ? q->ips_q1[dd] : q->ips[dd]) / 1e9);
        dat_num(d, (isfinite(q->ips_q3[dd]) ? q->ips_q3[dd] : q->ips[dd]) / 1e9);
      }
      dat_num(d, q->mt_ips[0] / 1e9);
      dat_num(d, q->mt_ips[1] / 1e9);
      fputc('\n', d);
      if (q->mt_threads > 1) mt_threads = q->mt_threads;
      for (int dd = 0; dd < 2; dd++)
        if (isfinite(q->mt_ips[dd]) && q->mt_ips[dd] > 0) {
          ymax = fmax(ymax, q->mt_ips[dd] / 1e9);
          ymin = fmin(ymin, q->mt_ips[dd] / 1e9);
        }
      if (q->bpe[1] == 16 && isfinite(q->ips[1])) bpe16 = 1;
    }
    fputs("\n\n", d);
    idx[j] = block++;
  }
  /* baselines, at the sizes of this activation */
  size_t nb = mo->baseline ? mo->baseline->nimpls : 0;
  int *bidx = rep_alloc((nb ? nb : 1) * sizeof *bidx);
  int nkeyb = 0;
  for (size_t b = 0; b < nb; b++) {
    const rep_spd_impl *p = &mo->baseline->impls[b];
    bidx[b] = -1;
    int any = 0;
    for (size_t k = 0; k < p->npoints; k++)
      for (size_t i = 0; i < nn; i++) any |= p->points[k].n == ns[i];
    if (!any) continue;
    if (is_copy(p->name))
      fprintf(d,
              "# %s: n, limit fwd (G elements/s = bytes/s / 8), limit bwd (bytes/s / 12),\n"
              "# its own G items/s fwd and bwd, limit bwd at 16 bytes (bytes/s / 16), the same\n"
              "# three on all threads\n",
              p->name);
    else
      fprintf(d, "# %s: n, -, -, its own G items/s fwd and bwd\n", p->name);
    for (size_t k = 0; k < p->npoints; k++) {
      const rep_point *q = &p->points[k];
      int at = 0;
      for (size_t i = 0; i < nn; i++) at |= q->n == ns[i];
      if (!at) continue;
      fprintf(d, "%lld", q->n);
      double lf = is_copy(p->name) ? q->bps[0] / 8 / 1e9 : NAN;
      double lb = is_copy(p->name) ? q->bps[0] / 12 / 1e9 : NAN;
      dat_num(d, lf);
      dat_num(d, lb);
      dat_num(d, q->ips[0] / 1e9);
      dat_num(d, q->ips[1] / 1e9);
      double l16 = is_copy(p->name) ? q->bps[0] / 16 / 1e9 : NAN;
      double mf = is_copy(p->name) ? q->mt_bps[0] / 8 / 1e9 : NAN;
      double mb = is_copy(p->name) ? q->mt_bps[0] / 12 / 1e9 : NAN;
      double m16 = is_copy(p->name) ? q->mt_bps[0] / 16 / 1e9 : NAN;
      dat_num(d, l16);
      dat_num(d, mf);
      dat_num(d, mb);
      dat_num(d, m16);
      fputc('\n', d);
      double vals[7] = {
          lf, have_bwd ? lb : NAN, q->ips[0] / 1e9, q->ips[1] / 1e9, have_bwd && bpe16 ? l16 : NAN,
          mf, have_bwd ? mb : NAN};
      for (int t = 0; t < 7; t++)
        if (isfinite(vals[t]) && vals[t] > 0) {
          ymax = fmax(ymax, vals[t]);
          ymin = fmin(ymin, vals[t]);
        }
    }
    fputs("\n\n", d);
    bidx[b] = block++;
    nkeyb++;
  }
  rep_fclose(d, dir, datname);

  /* a log axis when the kernels lie far apart (scalar against AVX-512) */
  int logy = ymax / ymin > 20;
  size_t nkey = (size_t)nkeyb + 2 * (size_t)has_peers_and_ours(a);
  for (size_t j = 0; j < s->nimpls; j++) nkey += s->impls[j].npoints > 0;
  nkey += 2 + (mt_threads > 1) * 2;
  int w = have_bwd ? 1200 : 900, cols;
  int rows = key_rows(nkey, (longest_legend(a) + 20) * 5 / 4, w, &cols);
  int keyh = rows * 17 + 12;
  int h = 430 + keyh;
  FILE *g = gp_begin(dir, stem, rep_printf("%s, throughput against n", a->name), w, h);
  gp_linetypes(g, a);
  /* x: the sizes, as tic labels on two lines ("\n" needs a double-quoted
   * gnuplot string) */
  fprintf(g,
          "  set logscale x\n  set xrange [%.9g:%.9g]\n"
          "  set xlabel 'n (elements per array, log scale)' offset 0,-0.6\n",
          (double)ns[0] / 1.6, (double)ns[nn - 1] * (mt_threads > 1 ? 2.4 : 1.6));
  fputs("  set xtics (", g);
  for (size_t i = 0; i < nn; i++) {
    if (i) fputs(", ", g);
    fprintf(g, "\"%lld", ns[i]);
    if (cls[i] && *cls[i]) {
      fputs("\\n", g);
      for (const char *t = cls[i]; *t; t++)
        if (*t != '"' && *t != '\\' && (unsigned char)*t >= 0x20) fputc(*t, g);
    }
    fprintf(g, "\" %lld", ns[i]);
  }
  fprintf(g, ")%s\n  set mxtics default\n  set grid xtics ytics\n", nn > 6 ? " rotate by -30" : "");
  if (logy) {
    fprintf(g,
            "  set logscale y\n  set yrange [%.9g:%.9g]\n"
            "  set ylabel 'throughput (G elements/s, log scale)'\n",
            ymin / 1.5, ymax * 1.5);
    gp_125_tics(g, 'y', ymin / 1.5, ymax * 1.5);
  } else
    fprintf(g, "  set yrange [0:%.9g]\n  set ylabel 'throughput (G elements/s)'\n", ymax * 1.08);
  const char *title =
      rep_printf("%s: throughput (speed.json)%s", a->name,
                 nkeyb ? "; grey: the memory limit, memory.copy's bytes/s as elements/s" : "");
  double bot = (double)(keyh + 75) / h, top = 1.0 - 62.0 / h;
  if (!have_bwd) {
    fputs("  set title ", g);
    gp_str(g, rep_printf("%s\nforward (x \u2192 y)", title));
    fprintf(g,
            "\n  set key below Left reverse vertical maxrows %d samplen 2 spacing 1.05 width -3 "
            "font ',9'\n",
            rows);
    speed_panel(g, mo, a, datname, idx, bidx, 0, 1, bpe16, mt_threads);
  } else {
    fputs("  set multiplot title ", g);
    gp_str(g, title);
    fprintf(g,
            " font ',12'\n  set tmargin at screen %.4f\n  set bmargin at screen %.4f\n"
            "  set lmargin at screen 0.07\n  set rmargin at screen 0.49\n  unset key\n"
            "  set title 'forward (x \u2192 y): 8 bytes per element'\n",
            top, bot);
    speed_panel(g, mo, a, datname, idx, bidx, 0, 0, bpe16, mt_threads);
    fprintf(g,
            "  set lmargin at screen 0.565\n  set rmargin at screen 0.985\n"
            "  set title 'backward (x or y, dy \u2192 dx): 12 bytes per element'\n"
            "  set key at screen 0.5, screen %.4f center top Left reverse vertical maxrows %d "
            "samplen 2 spacing 1.05 width -3 font ',9'\n",
            (double)(keyh + 8) / h, rows);
    speed_panel(g, mo, a, datname, idx, bidx, 1, 1, bpe16, mt_threads);
    fputs("  unset multiplot\n", g);
  }
  gp_end(g, dir, stem);
  a->fig_speed = stem;
}
