/* actbench report: the figures of gradients.html: every activation's saturated fraction and
 * gradient product, the zig-zag paths of zerocenter.json. */
#include "report_figs.h"

/* across activations: one curve per activation with "normal" (|f'| < 1e-3,
 * mu = 0) or "depth" (E[f']^L at the scale 1) */
void draw_all(rep_model *m, const char *dir, int depth) {
  size_t n = 0;
  rep_act **acts = rep_alloc((m->nacts ? m->nacts : 1) * sizeof *acts);
  const char *stem = depth ? "all_depth" : "all_normal";
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = NULL;
  double lo = INFINITY, hi = 0, xlo = INFINITY, xhi = 0;
  for (size_t i = 0; i < m->nacts; i++) {
    rep_act *a = &m->acts[i];
    if (!a->sat) continue;
    const double *xs = NULL, *ys = NULL;
    size_t nx;
    if (depth) {
      const act_res_depth *dp = a->sat->depth;
      int k = rep_scale1(dp);
      if (k < 0 || !dp->product) continue;
      ys = dp->product + (size_t)k * dp->layers;
      nx = dp->layers;
    } else {
      const act_res_normal *no = a->sat->normal;
      const act_res_normal_row *e = rep_normal_set(no);
      if (!e || !e->exact) continue;
      xs = no->sigma;
      ys = e->exact + rep_mu0(no) * no->nsigma;
      nx = no->nsigma;
    }
    if (nx < 2) continue;
    if (!d) {
      d = rep_fopen(dir, datname);
      fprintf(d, depth ? "# E[f'(x)]^L, x ~ N(0, 1), against L (saturation.json, depth.product)\n"
                       : "# P(|f'(x)| < 1e-3), x ~ N(0, sigma^2), against sigma "
                         "(saturation.json, normal)\n");
      fputs("# one block per activation: x y\n", d);
    }
    fprintf(d, "# %s\n", a->name);
    for (size_t j = 0; j < nx; j++) {
      double x = depth ? (double)(j + 1) : xs[j], y = ys[j];
      if (depth && !(y > 1e-300)) y = NAN;
      fprintf(d, "%.9g", x);
      dat_num(d, y);
      fputc('\n', d);
      if (isfinite(y)) lo = fmin(lo, y), hi = fmax(hi, y), xlo = fmin(xlo, x), xhi = fmax(xhi, x);
    }
    fputs("\n\n", d);
    acts[n++] = a;
  }
  if (!d) return;
  rep_fclose(d, dir, datname);
  if (!(hi > 0) || !(xhi > xlo)) return;
  size_t len = 0;
  for (size_t k = 0; k < n; k++) len = strlen(acts[k]->name) > len ? strlen(acts[k]->name) : len;
  int cols, rows = key_rows(n, len, 900, &cols);
  FILE *g = gp_begin(dir, stem,
                     depth ? "E[f']^L against depth, every activation"
                           : "saturated fraction against sigma, every activation",
                     900, 500 + 18 * rows);
  series_linetypes(g, n);
  if (depth)
    fprintf(g,
            "  set logscale y\n  set format y '1e%%T'\n  set xrange [1:%g]\n  set yrange [%g:%g]\n"
            "  set xlabel 'depth L (layers)'\n"
            "  set ylabel 'E[f′(x)]^L, x ~ N(0, 1) (log scale)'\n",
            xhi, pow(10, floor(log10(fmax(lo, hi * 1e-300)))), pow(10, ceil(log10(hi)) + 0.3));
  else
    fprintf(g,
            "  set logscale x 2\n  set xrange [%g:%g]\n  set yrange [0:1.02]\n"
            "  set xlabel 'σ of the input x ~ N(0, σ²)'\n"
            "  set ylabel 'fraction of inputs with |f′(x)| < 1e-3'\n",
            xlo, xhi);
  fprintf(g, "  set key below maxcols %d height 1 font ',9'\n  plot", cols);
  for (size_t k = 0; k < n; k++) {
    fprintf(g, "%s '%s' index %zu using 1:2 with %s lt %zu title ", k ? ", \\\n      " : " ",
            datname, k, depth ? "lines" : "linespoints", LT_BASE + k);
    gp_str(g, acts[k]->name);
  }
  fputc('\n', g);
  gp_end(g, dir, stem);
  if (depth)
    m->fig_all_depth = stem;
  else
    m->fig_all_normal = stem;
}

/* zerocenter.json: the example problem's paths of gradient descent in the two
 * weights, full batch and one sample per step, one panel each */
void draw_zigzag(rep_model *m, const char *dir) {
  const act_res_zerocenter *z = m->zerocenter;
  if (!z || !z->has_example || !z->npaths) return;
  const char *stem = "zerocenter_paths";
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fputs("# zerocenter.json, two_weight.example: w0 w1 after each step, one block per path\n", d);
  size_t np = z->npaths;
  for (size_t k = 0; k < np; k++) {
    const act_res_zc_path *p = &z->paths[k];
    fprintf(d, "# %s %s\n", fstr0(p->activation), fstr0(p->method));
    for (size_t i = 0; i < p->n; i++) {
      fprintf(d, "%.9g", p->w0[i]);
      dat_num(d, p->w1[i]);
      fputc('\n', d);
    }
    fputs("\n\n", d);
  }
  rep_fclose(d, dir, datname);
  FILE *g = gp_begin(dir, stem, "zig-zag paths of the two-weight problem", 1000, 520);
  series_linetypes(g, 4);
  fputs("  set multiplot layout 1,2\n", g);
  static const char *const methods[2] = {"gd", "sgd"};
  static const char *const mtitle[2] = {"full-batch gradient descent (gd)",
                                        "one sample per step (sgd)"};
  for (int mm = 0; mm < 2; mm++) {
    fputs(
        "  set size ratio -1\n  set xlabel 'w0'\n  set ylabel 'w1'\n"
        "  set key below font ',9'\n",
        g);
    fprintf(g, "  set title '%s'\n  plot", mtitle[mm]);
    int first = 1;
    for (size_t k = 0; k < np; k++) {
      const act_res_zc_path *p = &z->paths[k];
      const char *meth = p->method, *act = p->activation;
      if (!meth || strcmp(meth, methods[mm])) continue;
      size_t lt = act && !strcmp(act, "tanh") ? 1 : act && !strcmp(act, "sigmoid") ? 0 : 2;
      fprintf(g, "%s '%s' index %zu using 1:2 with linespoints lt %zu ps 0.5 title ",
              first ? " " : ", \\\n      ", datname, k, LT_BASE + lt);
      gp_str(g, rep_printf("%s: %.0f steps", act ? act : "?", p->steps));
      first = 0;
    }
    fprintf(g,
            "%s '+' using (%.9g):(%.9g) every ::0::0 with points pt 3 ps 2 lc rgb '#000000' "
            "title 'optimum w*', \\\n      '+' using (%.9g):(%.9g) every ::0::0 with points pt 4 "
            "ps 1.6 lc rgb '#000000' title 'start'\n",
            first ? " " : ",", z->w_star[0], z->w_star[1], z->start[0], z->start[1]);
  }
  fputs("  unset multiplot\n", g);
  gp_end(g, dir, stem);
  m->fig_zigzag = stem;
}
