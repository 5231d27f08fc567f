/* actbench report: the accuracy figures: ULP error against x (a panel per library, over the core's
 * range), and per binade of x for exhaustive sweeps. */
#include "report_figs.h"

/* The panels of the ULP figure: ours by ISA, then each library. */
const char *ulp_group(const rep_acc_impl *p) {
  if (rep_origin_is_ours(p->origin)) return rep_printf("ours, %s", p->isa ? p->isa : "?");
  return p->origin;
}

/* 1 when bin [b0, b1] of x meets one of the implementation's tails (its
 * error there is of another kind: 0, the limit, NaN, an infinity) */
int in_tails(const rep_stats *s, double b0, double b1) {
  for (size_t t = 0; t < s->ntails; t++)
    for (size_t k = 0; k < s->tails[t].niv; k++) {
      double lo = rep_parse_x(s->tails[t].iv[k].lo), hi = rep_parse_x(s->tails[t].iv[k].hi);
      if (lo > hi) {
        double u = lo;
        lo = hi;
        hi = u;
      }
      if (!(hi < b0 || lo > b1)) return 1;
    }
  return 0;
}

/* ULP error of f or f' against x, one panel per group (ours by ISA, each
 * library), all on the same axes: x over the range where the error is
 * interesting (the saturation curve's range, widened to the x of every
 * implementation's worst error over the core), y on a log axis set by the
 * errors drawn; bins that meet an implementation's tails are left out (the
 * tails are tabulated as intervals of x). */
void draw_ulp(rep_act *a, const char *dir, int bwd) {
  const rep_acc *r = a->acc;
  const rep_acc_impl **use = rep_alloc((r->nimpls + 1) * sizeof *use);
  size_t nuse = acc_order(a, bwd, use);
  if (!nuse || !r->bins) return;
  const double ULP_FLOOR = 1e-2;
  const char *which = bwd ? "bwd" : "fwd";
  const char *stem = rep_printf("%s_ulp_%s", a->stem, which);
  const char *datname = rep_printf("data/%s.dat", stem);
  double width = (r->hi - r->lo) / (double)r->bins;
  /* the range of x */
  double xlo = INFINITY, xhi = -INFINITY;
  if (a->sat)
    for (size_t k = 0; k < a->sat->ncurve; k++)
      if (isfinite(a->sat->x[k])) xlo = fmin(xlo, a->sat->x[k]), xhi = fmax(xhi, a->sat->x[k]);
  for (size_t j = 0; j < nuse; j++) {
    const rep_stats *s = bwd ? &use[j]->bwd : &use[j]->fwd;
    const char *wx = s->has_core ? s->core_max_ulp_x : s->max_ulp_x;
    double x = rep_parse_x(wx), u = s->has_core ? s->core_max_ulp : s->max_ulp;
    if (isfinite(x) && u > 0 && x >= r->lo && x <= r->hi && !in_tails(s, x, x))
      xlo = fmin(xlo, x), xhi = fmax(xhi, x);
  }
  if (!(xhi > xlo)) xlo = r->lo, xhi = r->hi;
  double pad = 0.04 * (xhi - xlo);
  xlo = fmax(r->lo, xlo - pad);
  xhi = fmin(r->hi, xhi + pad);
  /* the panels */
  const char *groups[16];
  size_t ng = 0;
  for (size_t j = 0; j < nuse; j++) {
    const char *g = ulp_group(use[j]);
    size_t k = 0;
    while (k < ng && strcmp(groups[k], g)) k++;
    if (k == ng && ng < 16) groups[ng++] = g;
  }
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: max ULP error of %s per bin of x (accuracy.json ulp_vs_x)\n"
          "# grid [%.9g, %.9g], %zu bins; drawn: x in [%.9g, %.9g]\n"
          "# one block per implementation: left edge of the bin, the file's max ULP in the bin\n"
          "# (? for null), the value drawn (below %g at %g; ? where the bin meets one of the\n"
          "# implementation's tails), the drawn value again for the last edge\n",
          a->name, bwd ? "f'" : "f", r->lo, r->hi, r->bins, xlo, xhi, ULP_FLOOR, ULP_FLOOR);
  double ymax = 1;
  size_t *ntails = rep_alloc((nuse + 1) * sizeof *ntails);
  for (size_t j = 0; j < nuse; j++) {
    const rep_acc_impl *p = use[j];
    const rep_stats *s = bwd ? &p->bwd : &p->fwd;
    fprintf(d, "# %s\n", p->name);
    for (size_t k = 0; k <= r->bins; k++) {
      size_t b = k < r->bins ? k : k - 1;
      double u = s->ulp_vs_x[b], b0 = r->lo + (double)b * width, b1 = b0 + width;
      int tail = in_tails(s, b0, b1);
      double drawn = tail || !isfinite(u) ? NAN : u < ULP_FLOOR ? ULP_FLOOR : u;
      fprintf(d, "%.9g", k < r->bins ? r->lo + (double)k * width : r->hi);
      dat_num(d, u);
      dat_num(d, drawn);
      fputc('\n', d);
      if (k < r->bins && tail && b1 > xlo && b0 < xhi) ntails[j]++;
      if (isfinite(drawn) && b1 > xlo && b0 < xhi) ymax = fmax(ymax, drawn);
    }
    fputs("\n\n", d);
  }
  rep_fclose(d, dir, datname);
  /* every implementation exact in every bin drawn: nothing to see, said
   * on the page instead */
  int any = 0;
  for (size_t j = 0; j < nuse && !any; j++) {
    const rep_stats *s = bwd ? &use[j]->bwd : &use[j]->fwd;
    for (size_t k = 0; k < r->bins && !any; k++) {
      double b0 = r->lo + (double)k * width;
      any = s->ulp_vs_x[k] > ULP_FLOOR && b0 + width > xlo && b0 < xhi &&
            !in_tails(s, b0, b0 + width);
    }
  }
  if (!any) {
    a->ulp_exact[bwd] = 1;
    return;
  }

  int cols = ng > 1 ? 2 : 1, rows = (int)((ng + 1) / (size_t)cols);
  int pw = cols == 2 ? 600 : 900, ph = 300;
  int w = pw * cols, h = 50 + ph * rows;
  FILE *g = gp_begin(dir, stem,
                     rep_printf("%s, ULP error of %s against x", a->name, bwd ? "f'" : "f"), w, h);
  gp_linetypes(g, a);
  fputs("  set multiplot title ", g);
  gp_str(g, rep_printf("%s: ULP error of %s, the largest in each of %zu bins of x; a panel per "
                       "library (ours by ISA); bins in an implementation's tails left out",
                       a->name, bwd ? "f\u2032 (backward)" : "f (forward)", r->bins));
  fputs(" font ',11'\n", g);
  gp_decade_tics(g, ULP_FLOOR, ymax * 3);
  fprintf(g,
          "  set logscale y\n  set yrange [%g:%.9g]\n  set xrange [%.9g:%.9g]\n"
          "  set key top left Left reverse samplen 1.5 spacing 0.95 font ',8' opaque box lc rgb "
          "'#dddddd'\n",
          ULP_FLOOR, ymax * 3, xlo, xhi);
  for (size_t k = 0; k < ng; k++) {
    int col = (int)k % cols, row = (int)k / cols;
    double l = (double)(col * pw + 60) / w, rr = (double)((col + 1) * pw - 12) / w;
    double top = 1 - (double)(40 + row * ph + 22) / h,
           bot = 1 - (double)(40 + (row + 1) * ph - 30) / h;
    gp_panel(g, l, rr, top, bot, groups[k], -0.6, 10);
    fprintf(g, "  set xlabel %s\n  set ylabel %s\n", row == rows - 1 ? "'x'" : "''",
            col == 0 ? "'max ULP error in the bin'" : "''");
    fputs("  plot ", g);
    int first = 1;
    for (size_t j = 0; j < nuse; j++) {
      if (strcmp(ulp_group(use[j]), groups[k])) continue;
      if (!first) fputs(", \\\n    ", g);
      first = 0;
      gp_str(g, datname);
      fprintf(g, " index %zu using 1:3 with steps lt %zu title ", j,
              LT_BASE + rep_impl_index(a, use[j]->name));
      const char *t = legend_name(a, use[j]->name);
      if (ntails[j]) t = rep_printf("%s (tails left out)", t);
      gp_str(g, t);
    }
    fputs(", \\\n    0.5 with lines dt 3 lw 1 lc rgb '#606060' notitle\n", g);
  }
  fputs("  unset multiplot\n", g);
  gp_end(g, dir, stem);
  if (bwd)
    a->fig_ulp_bwd = stem;
  else
    a->fig_ulp_fwd = stem;
}

/* ---- the error per binade of x (exhaustive sweeps): a row per
 * implementation, a column per binade (x < 0 on the left, growing outward),
 * the colour its max ULP error on a log scale */
void draw_binades(rep_act *a, const char *dir, int bwd) {
  const rep_acc *r = a->acc;
  const rep_acc_impl **use = rep_alloc((r->nimpls + 1) * sizeof *use);
  size_t nuse = acc_order(a, bwd, use), nrow = 0;
  for (size_t j = 0; j < nuse; j++) nrow += (bwd ? use[j]->bwd.nbinades : use[j]->fwd.nbinades) > 0;
  if (!nrow) return;
  const char *stem = rep_printf("%s_binades_%s", a->stem, bwd ? "bwd" : "fwd");
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: max ULP error of %s per binade of x (accuracy.json by_binade): column (x < 0\n"
          "# negative: -(e + 128) for 2^e <= |x| < 2^(e+1), -1 the subnormals, -256 inf/nan),\n"
          "# row, log10 of the max ULP (? for none: every input exact or no input), max ULP\n",
          a->name, bwd ? "f'" : "f");
  const char **names = rep_alloc((nrow + 1) * sizeof *names);
  double vmax = -2;
  size_t row = 0;
  for (size_t j = 0; j < nuse; j++) {
    const rep_stats *s = bwd ? &use[j]->bwd : &use[j]->fwd;
    if (!s->nbinades) continue;
    names[row] = legend_name(a, use[j]->name);
    fprintf(d, "# %s\n", use[j]->name);
    for (size_t k = 0; k < s->nbinades; k++) {
      const rep_binade *b = &s->binades[k];
      char *end;
      long e = strtol(b->exponent, &end, 10);
      double c = *end ? (!strcmp(b->exponent, "subnormal") ? 1 : 256) : (double)(e + 128);
      if (!strcmp(b->sign, "-")) c = -c;
      double v = b->max_ulp > 0 ? log10(b->max_ulp) : NAN;
      if (v < -2) v = -2;
      if (isfinite(v)) vmax = fmax(vmax, v);
      fprintf(d, "%g %zu", c, row);
      dat_num(d, v);
      dat_num(d, b->max_ulp);
      fputc('\n', d);
    }
    fputs("\n\n", d);
    row++;
  }
  rep_fclose(d, dir, datname);
  size_t len = 10;
  for (size_t i = 0; i < nrow; i++) len = strlen(names[i]) > len ? strlen(names[i]) : len;
  int w = 1200, h = 130 + 18 * (int)nrow;
  FILE *g =
      gp_begin(dir, stem,
               rep_printf("%s, ULP error of %s per binade of x", a->name, bwd ? "f'" : "f"), w, h);
  fputs("  set title ", g);
  gp_str(g, rep_printf("%s: max ULP error of %s in each binade of x (every float; colour: log "
                       "scale; white: correctly rounded throughout)",
                       a->name, bwd ? "f\u2032" : "f"));
  fprintf(
      g,
      "\n  set lmargin at screen %.4f\n  set rmargin at screen 0.9\n"
      "  set xrange [-257:257]\n  set yrange [%g:-0.6] reverse\n"
      "  set palette defined (-2 '#f7fbff', 0 '#c6dbef', 1 '#fdd49e', 3 '#fc8d59', 6 '#b30000', "
      "9 '#4d0000')\n  set cbrange [-2:%g]\n  set cbtics ('0.01' -2, '0.1' -1, '1' 0, '10' 1, "
      "'100' 2, '10⁴' 4, '10⁶' 6, '10⁸' 8)\n  set cblabel 'max ULP'\n"
      "  set xtics ('-2¹²⁷' -255, '-2⁶⁴' -192, '-1' -128, '-2⁻⁶⁴' -64, '0' 0, "
      "'2⁻⁶⁴' 64, '1' 128, '2⁶⁴' 192, '2¹²⁷' 255) font ',9'\n"
      "  set xlabel 'x, by binade (2^e ≤ |x| < 2^(e+1)); x < 0 on the left'\n  unset key\n"
      "  set ytics (",
      (double)(len * 7 + 24) / w, (double)nrow - 0.4, vmax > 0 ? ceil(vmax) : 1);
  for (size_t i = 0; i < nrow; i++) {
    if (i) fputs(", ", g);
    gp_str(g, names[i]);
    fprintf(g, " %zu", i);
  }
  fprintf(g,
          ") font ',9'\n  plot '%s' using 1:2:(0.5):(0.45):3 with boxxyerror fs solid 1.0 noborder "
          "fc palette\n",
          datname);
  gp_end(g, dir, stem);
  if (bwd)
    a->fig_binades_bwd = stem;
  else
    a->fig_binades_fwd = stem;
}
