/* actbench report: the figures.  For each figure this writes the data gnuplot
 * reads (data/<stem>.dat) and a script (gp/<stem>.gp) that draws it as SVG and
 * PNG into fig/, then runs gnuplot on the script from the report folder, so
 * that `gnuplot gp/<stem>.gp` there redraws the same figure. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report_int.h"
#include "util.h"

#ifndef ACTBENCH_GNUPLOT
#define ACTBENCH_GNUPLOT "gnuplot"
#endif

/* How an implementation is drawn: ours (origin "actbench") in solid lines,
 * cool colours and filled points; the peers dashed, each library in a colour
 * family of its own (SLEEF orange, oneDNN purple, XNNPACK red, libm olive)
 * with open points.  Colours from Okabe-Ito and Tol's sets, which stay apart
 * for most readers. */
typedef struct {
  const char *const *colors;
  int ncolors, dt;
} family;
static const char *const ours_colors[] = {"#0072B2", "#009E73", "#56B4E9", "#332288",
                                          "#44AA99", "#117733", "#88CCEE", "#1F3A93"};
static const char *const libm_colors[] = {"#8C8C1A", "#5E5E5E"};
static const char *const libmvec_colors[] = {"#6B8E23", "#A0A040"};
static const char *const sleef_colors[] = {"#E69F00", "#D55E00", "#A65E2E", "#F2B86B"};
static const char *const onednn_colors[] = {"#CC79A7", "#882255", "#AA4499", "#6F3F8F"};
static const char *const xnnpack_colors[] = {"#C00000", "#E8746A"};
static const char *const other_colors[] = {"#666666", "#999999", "#404040"};
#define FAM(c, dt) \
  { c, (int)(sizeof c / sizeof c[0]), dt }
/* in the order of rep_libraries, then the others */
static const family families[] = {FAM(ours_colors, 1),    FAM(sleef_colors, 2),
                                  FAM(onednn_colors, 4),  FAM(xnnpack_colors, 5),
                                  FAM(libmvec_colors, 3), FAM(libm_colors, 3),
                                  FAM(other_colors, 2)};
static const int filled_points[] = {7, 5, 9, 11, 13, 15};
static const int open_points[] = {6, 4, 8, 10, 12, 14};
#define NPT 6

static int family_of(const char *origin) {
  return rep_library_rank(origin);
}

typedef struct {
  const char *color;
  int dt, pt, ours;
} impl_style;

static impl_style style_at(const rep_act *a, size_t idx) {
  if (idx >= a->nnames) return (impl_style){"#000000", 1, 7, 1};
  int fam = family_of(a->names[idx].origin);
  int k = 0; /* place within the family */
  for (size_t i = 0; i < idx; i++) k += family_of(a->names[i].origin) == fam;
  const family *f = &families[fam];
  impl_style st;
  st.color = f->colors[k % f->ncolors];
  st.dt = f->dt;
  st.ours = fam == 0;
  st.pt = st.ours ? filled_points[k % NPT] : open_points[k % NPT];
  return st;
}

static impl_style style_of(const rep_act *a, const char *impl) {
  return style_at(a, rep_impl_index(a, impl));
}

/* The name in a legend: without the activation (the title says it), and a
 * peer's library after it. */
static const char *legend_name(const rep_act *a, const char *impl) {
  size_t n = strlen(a->name);
  const char *s = impl;
  if (!strncmp(impl, a->name, n) && impl[n] == '.' && impl[n + 1]) s = impl + n + 1;
  size_t i = rep_impl_index(a, impl);
  const char *origin = i < a->nnames ? a->names[i].origin : NULL;
  if (rep_origin_is_ours(origin)) return s;
  return rep_printf("%s [%s]", s, origin);
}

/* Legend entries that say what solid and dashed mean, when both appear. */
static int has_peers_and_ours(const rep_act *a) {
  int ours = 0, peers = 0;
  for (size_t i = 0; i < a->nnames; i++) {
    if (rep_origin_is_ours(a->names[i].origin))
      ours = 1;
    else
      peers = 1;
  }
  return ours && peers;
}

static const char *png_terminal; /* "pngcairo" or "png" */

static const char *gnuplot_path(void) {
  const char *p = getenv("ACTBENCH_GNUPLOT");
  return p && *p ? p : ACTBENCH_GNUPLOT;
}

/* Run gnuplot with args in dir; output (stdout and stderr) to log, or to
 * /dev/null when log is NULL.  Returns the wait status, or -1 when it could
 * not be started. */
static int run_gnuplot(const char *dir, const char *const *args, const char *log) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    /* the child must never run the parent's exit handlers */
    int fd = open(log ? log : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    int in = open("/dev/null", O_RDONLY);
    if (in >= 0) {
      dup2(in, 0);
      close(in);
    }
    if (dir && chdir(dir) != 0) _exit(126);
    const char *argv[8];
    int k = 0;
    argv[k++] = "gnuplot";
    while (args[k - 1] && k < 7) {
      argv[k] = args[k - 1];
      k++;
    }
    argv[k] = NULL;
    execv(gnuplot_path(), (char *const *)argv);
    dprintf(2, "cannot run %s: %s\n", gnuplot_path(), strerror(errno));
    _exit(127);
  }
  rep_child_started((long)pid);
  int st;
  while (waitpid(pid, &st, 0) < 0) {
    if (errno != EINTR) {
      rep_child_ended();
      return -1;
    }
    rep_check_interrupt(); /* kills gnuplot, removes the folder, dies of the signal */
  }
  rep_child_ended();
  rep_check_interrupt();
  return st;
}

static void detect_png_terminal(void) {
  if (png_terminal) return;
  const char *args[] = {"-e", "set terminal pngcairo", NULL};
  int st = run_gnuplot(NULL, args, NULL);
  png_terminal = (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0) ? "pngcairo" : "png";
}

/* The last line of gnuplot's output that says something, for the one-line
 * message when it fails. */
static void last_line(const char *log, char *out, size_t cap) {
  out[0] = 0;
  FILE *f = fopen(log, "r");
  if (!f) return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    size_t n = strcspn(line, "\r\n");
    line[n] = 0;
    const char *s = line;
    while (*s == ' ' || *s == '\t' || *s == '^') s++;
    if (*s) snprintf(out, cap, "%.*s", (int)(cap > 1 ? cap - 1 : 0), s);
  }
  fclose(f);
}

static void check_output(const char *dir, const char *path) {
  char full[4096];
  struct stat st;
  snprintf(full, sizeof full, "%s/%s", dir, path);
  if (stat(full, &st) != 0 || st.st_size == 0)
    act_die("report: gnuplot wrote no %s (see %s/gp)", path, dir);
}

/* ---- writing scripts */

/* A gnuplot string literal: single quotes, with ' doubled. */
static void gp_str(FILE *f, const char *s) {
  fputc('\'', f);
  for (; *s; s++) {
    if (*s == '\'') fputc('\'', f);
    if ((unsigned char)*s >= 0x20) fputc(*s, f);
  }
  fputc('\'', f);
}

static void dat_num(FILE *f, double v) {
  if (isfinite(v))
    fprintf(f, " %.9g", v);
  else
    fputs(" ?", f);
}

/* the size of every figure drawn, for the pages (shown at that size) */
typedef struct {
  const char *stem;
  int w, h;
} fig_size;
static fig_size *fig_sizes;
static size_t nfig_sizes, fig_sizes_cap;

int rep_fig_size(const char *stem, int *w, int *h) {
  for (size_t i = nfig_sizes; i-- > 0;)
    if (!strcmp(fig_sizes[i].stem, stem)) {
      *w = fig_sizes[i].w;
      *h = fig_sizes[i].h;
      return 1;
    }
  return 0;
}

static FILE *gp_begin(const char *dir, const char *stem, const char *what, int w, int h) {
  fig_sizes = rep_grow(fig_sizes, &fig_sizes_cap, nfig_sizes, sizeof *fig_sizes);
  fig_sizes[nfig_sizes++] = (fig_size){rep_strdup(stem), w, h};
  FILE *f = rep_fopen(dir, rep_printf("gp/%s.gp", stem));
  fprintf(f,
          "# actbench report: %s\n"
          "# Redraw from the report folder with: gnuplot gp/%s.gp\n"
          "# It reads data/%s*.dat and writes fig/%s.svg and fig/%s.png.\n"
          "do for [fmt in 'svg png'] {\n"
          "  if (fmt eq 'svg') {\n"
          "    set terminal svg size %d,%d dynamic noenhanced font 'Sans,11' background rgb "
          "'white'\n"
          "  } else {\n",
          what, stem, stem, stem, stem, w, h);
  if (!strcmp(png_terminal, "pngcairo"))
    fprintf(f,
            "    set terminal pngcairo size %d,%d noenhanced font 'Sans,10' background rgb "
            "'white'\n",
            w, h);
  else
    fprintf(f, "    set terminal png size %d,%d noenhanced background rgb 'white'\n", w, h);
  fprintf(f,
          "  }\n"
          "  set output 'fig/%s.'.fmt\n"
          "  reset\n"
          "  set encoding utf8\n"
          "  set datafile missing '?'\n"
          "  set grid lc rgb '#e0e0e0' lt 1\n"
          "  set border lc rgb '#404040'\n",
          stem);
  return f;
}

/* The implementations' line types, from 101 on: gnuplot gives the plain
 * elements of a plot (the curve, the grid) line types 1, 2, ... and they
 * must stay solid. */
#define LT_BASE ((size_t)101)

static void gp_linetypes(FILE *f, const rep_act *a) {
  for (size_t k = 0; k < a->nnames; k++) {
    impl_style st = style_at(a, k);
    fprintf(f, "  set linetype %zu lc rgb '%s' lw %s dt %d pt %d ps 1\n", LT_BASE + k, st.color,
            st.ours ? "2" : "1.6", st.dt, st.pt);
  }
}

/* Rows a legend below the plot needs for n entries of at most len
 * characters, in a figure w pixels wide (font ',9': about 6 pixels a
 * character, plus the sample). */
static int key_rows(size_t n, size_t len, int w, int *cols) {
  int colw = (int)len * 6 + 60;
  int c = (w - 40) / (colw > 1 ? colw : 1);
  if (c < 1) c = 1;
  if (c > 4) c = 4;
  *cols = c;
  return (int)((n + (size_t)c - 1) / (size_t)c);
}

static void gp_end(FILE *f, const char *dir, const char *stem) {
  fputs("  set output\n}\n", f);
  const char *name = rep_printf("gp/%s.gp", stem);
  rep_fclose(f, dir, name);
  const char *log = rep_printf("%s/gp/.%s.log", dir, stem);
  const char *args[] = {name, NULL};
  int st = run_gnuplot(dir, args, log);
  if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
    char msg[400];
    last_line(log, msg, sizeof msg);
    if (st != -1 && WIFSIGNALED(st))
      act_die("report: gnuplot (%s) was killed by signal %d on %s", gnuplot_path(), WTERMSIG(st),
              name);
    act_die("report: gnuplot (%s) failed on %s: %s", gnuplot_path(), name,
            *msg ? msg : "no message");
  }
  unlink(log);
  check_output(dir, rep_printf("fig/%s.svg", stem));
  check_output(dir, rep_printf("fig/%s.png", stem));
}

/* ---- (1) f and f' over x, the saturation thresholds and points */

typedef struct {
  const char *title; /* NULL: no key entry of its own */
  const char *color; /* NULL: black */
  int pt;
  double x[2], y[2]; /* up to two points (neg, pos); NAN: none */
  int ygraph[2];     /* y is in graph coordinates (a label at the edge) */
} marker_series;

static double interp(const rep_sat *s, double x) {
  for (size_t k = 1; k < s->ncurve; k++) {
    double x0 = s->x[k - 1], x1 = s->x[k];
    if (isnan(x0) || isnan(x1) || x < fmin(x0, x1) || x > fmax(x0, x1)) continue;
    double f0 = s->f[k - 1], f1 = s->f[k];
    if (x1 == x0) return f0;
    return f0 + (f1 - f0) * (x - x0) / (x1 - x0);
  }
  return NAN;
}

static const char *color_of(const char *c) {
  return c ? c : "#000000";
}

/* Writes the markers of one panel: the ones inside [xlo, xhi] go into the
 * data file as blocks (index numbers returned in idx[], -1 when empty); the
 * ones outside become labels at the edge with their value. */
static void write_markers(FILE *dat, FILE *gp, const marker_series *ms, size_t n, int *idx,
                          int *nblocks, double xlo, double xhi, int *label_no) {
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

static void plot_markers(FILE *gp, const char *datname, const marker_series *ms, size_t n,
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
static void top_edge(marker_series *ms, int side, double xlo, double xhi, const int *edge_low,
                     int *edge_count) {
  double x = ms->x[side];
  if (isnan(x) || (x >= xlo && x <= xhi)) return;
  int edge = x > xhi;
  int k = edge_count[edge]++;
  ms->ygraph[side] = 1;
  ms->y[side] = edge_low[edge] ? 0.08 + 0.075 * k : 0.92 - 0.075 * k;
}

typedef struct {
  int side, all, count;
  double x;          /* signed: where the band starts */
  const char *label; /* "eps=0.01", "eps=0.1, 0.01", "every eps" */
} threshold;

static size_t thresholds(const rep_sat *s, threshold *th) {
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

static void fig_curve(rep_act *a, const char *dir) {
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
  json_t *lt = rep_jarr(s->sets, "lt");
  for (size_t k = 0; lt && k <= json_array_size(lt); k++) {
    json_t *e = k < json_array_size(lt) ? json_array_get(lt, k) : NULL;
    json_t *iv = e ? (json_is_null(json_object_get(e, "format")) || !json_object_get(e, "format")
                          ? rep_jarr(e, "intervals")
                          : NULL)
                   : json_object_get(s->sets, "dead");
    for (size_t q = 0; json_is_array(iv) && q < json_array_size(iv) && nobj < 400; q++) {
      double lo = rep_jnum(json_array_get(iv, q), "lo"), hi = rep_jnum(json_array_get(iv, q), "hi");
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

/* ---- (2) ULP error against x */

/* Tics at 1, 2, 5 times the powers of ten on a log axis from lo to hi. */
static void gp_125_tics(FILE *g, char axis, double lo, double hi) {
  fprintf(g, "  set %ctics (", axis);
  int first = 1;
  for (int e = (int)floor(log10(lo)); e <= (int)ceil(log10(hi)); e++)
    for (int k = 0; k < 3; k++) {
      double v = (k == 0 ? 1 : k == 1 ? 2 : 5) * pow(10, e);
      if (v < lo || v > hi) continue;
      fprintf(g, "%s'%g' %.9g", first ? "" : ", ", v, v);
      first = 0;
    }
  fputs(")\n", g);
}

/* Tics at powers of ten on a log axis: 0.001 ... 1000, then 10⁴, 10⁵ ...
 * (gnuplot's %g would write 1e+06) */
static void gp_decade_tics(FILE *g, double lo, double hi) {
  static const char *const sup[10] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                      "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  int e0 = (int)floor(log10(lo) + 1e-9), e1 = (int)ceil(log10(hi) - 1e-9);
  if (e1 > 60) e1 = 60;
  int step = (e1 - e0) / 9 + 1;
  fputs("  set ytics (", g);
  for (int e = e0, first = 1; e <= e1; e += step, first = 0) {
    if (!first) fputs(", ", g);
    if (e >= -3 && e <= 3) {
      fprintf(g, "'%g' 1e%d", pow(10, e), e);
    } else {
      char digits[16];
      snprintf(digits, sizeof digits, "%d", e < 0 ? -e : e);
      fprintf(g, "'10%s", e < 0 ? "\u207b" : "");
      for (const char *d = digits; *d; d++) fputs(sup[*d - '0'], g);
      fprintf(g, "' 1e%d", e);
    }
  }
  fputs(")\n", g);
}

/* The implementations of accuracy.json in the legend's order (ours first);
 * only the available ones, and for bwd only those with a backward kernel. */
static size_t acc_order(const rep_act *a, int bwd, const rep_acc_impl **out) {
  const rep_acc *r = a->acc;
  size_t n = 0;
  for (size_t k = 0; k < a->nnames; k++)
    for (size_t j = 0; j < r->nimpls; j++) {
      const rep_acc_impl *p = &r->impls[j];
      if (strcmp(p->name, a->names[k].name) || !p->available || (bwd && !p->has_bwd)) continue;
      out[n++] = p;
      break;
    }
  return n;
}

/* Entries of the legend that say what solid and dashed mean. */
static void key_line_kinds(FILE *g, const rep_act *a) {
  if (!has_peers_and_ours(a)) return;
  fputs(
      ", \\\n    keyentry with lines lw 2 dt 1 lc rgb '#303030' title 'ours (actbench): solid'"
      ", \\\n    keyentry with lines lw 1.6 dt 2 lc rgb '#303030' title 'peers [library]: "
      "dashed'",
      g);
}

static size_t longest_legend(const rep_act *a) {
  size_t len = 30;
  for (size_t k = 0; k < a->nnames; k++) {
    size_t l = strlen(legend_name(a, a->names[k].name));
    if (l > len) len = l;
  }
  return len;
}

/* The panels of the ULP figure: ours by ISA, then each library. */
static const char *ulp_group(const rep_acc_impl *p) {
  if (rep_origin_is_ours(p->origin))
    return rep_printf("ours, %s", p->isa ? p->isa : "?");
  return p->origin;
}

/* 1 when bin [b0, b1] of x meets one of the implementation's tails (its
 * error there is of another kind: 0, the limit, NaN, an infinity) */
static int in_tails(const rep_stats *s, double b0, double b1) {
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
static void fig_ulp(rep_act *a, const char *dir, int bwd) {
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

  int cols = ng > 1 ? 2 : 1, rows = (int)((ng + 1) / (size_t)cols);
  int pw = cols == 2 ? 600 : 900, ph = 300;
  int w = pw * cols, h = 50 + ph * rows;
  FILE *g = gp_begin(
      dir, stem, rep_printf("%s, ULP error of %s against x", a->name, bwd ? "f'" : "f"), w, h);
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
    double top = 1 - (double)(40 + row * ph + 22) / h, bot = 1 - (double)(40 + (row + 1) * ph - 30) / h;
    fprintf(g,
            "  set lmargin at screen %.4f\n  set rmargin at screen %.4f\n"
            "  set tmargin at screen %.4f\n  set bmargin at screen %.4f\n",
            l, rr, top, bot);
    fputs("  set title ", g);
    gp_str(g, groups[k]);
    fputs(" offset 0,-0.6 font ',10'\n", g);
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

/* ---- (3) throughput against n */

/* Sizes measured for an activation, sorted, with their size class. */
static size_t speed_sizes(const rep_spd *s, long long **ns_out, const char ***cls_out) {
  long long *ns = NULL;
  const char **cls = NULL;
  size_t nn = 0, cap = 0, cap2 = 0;
  for (size_t j = 0; j < s->nimpls; j++)
    for (size_t k = 0; k < s->impls[j].npoints; k++) {
      const rep_point *q = &s->impls[j].points[k];
      size_t i = 0;
      while (i < nn && ns[i] < q->n) i++;
      if (i < nn && ns[i] == q->n) {
        if (!cls[i]) cls[i] = q->size_class;
        continue;
      }
      ns = rep_grow(ns, &cap, nn, sizeof *ns);
      cls = rep_grow(cls, &cap2, nn, sizeof *cls);
      memmove(&ns[i + 1], &ns[i], (nn - i) * sizeof *ns);
      memmove(&cls[i + 1], &cls[i], (nn - i) * sizeof *cls);
      ns[i] = q->n;
      cls[i] = q->size_class;
      nn++;
    }
  *ns_out = ns;
  *cls_out = cls;
  return nn;
}

static int is_copy(const char *name) {
  return !strcmp(name, "memory.copy");
}

/* One panel of the throughput figure: dir 0 forward, 1 backward. */
static void speed_panel(FILE *g, const rep_model *mo, const rep_act *a, const char *datname,
                        const int *idx, const int *bidx, int dir, int titles, int bpe16,
                        int mt_threads) {
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
      fprintf(g, " index %d using ($1*1.45):%d with points pt 5 ps 1.6 lc rgb '#9a9a9a' ",
              bidx[b], dir ? 9 : 8);
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

static void fig_speed(const rep_model *mo, rep_act *a, const char *dir) {
  const rep_spd *s = a->spd;
  long long *ns;
  const char **cls;
  size_t nn = speed_sizes(s, &ns, &cls);
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
  fprintf(d,
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
      double vals[7] = {lf, have_bwd ? lb : NAN, q->ips[0] / 1e9, q->ips[1] / 1e9,
                        have_bwd && bpe16 ? l16 : NAN, mf, have_bwd ? mb : NAN};
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

/* ---- (4) the numerical saturation points per implementation, on log |x|:
 * where the computed f' becomes exactly 0 and where the computed f reaches
 * its asymptote, a row per implementation, x < 0 on the left panel (|x|
 * growing to the left) and x > 0 on the right, so that every point from 1e-3
 * to 104 lies on a drawn axis */

static void fig_satpoints(rep_act *a, const char *dir) {
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
      if (isfinite(v[i][t]) && v[i][t] != 0) lo = fmin(lo, fabs(v[i][t])), hi = fmax(hi, fabs(v[i][t]));
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
      fprintf(d, " %d %zu\n", t < 2 && i > 0 ? prem[i][t] : 0, i ? LT_BASE + (size_t)color[i] : 100);
    }
    fputs("\n\n", d);
  }
  rep_fclose(d, dir, datname);
  size_t len = 10;
  for (size_t i = 0; i < n; i++) len = strlen(names[i]) > len ? strlen(names[i]) : len;
  int w = 1200, h = 120 + 19 * (int)n;
  double lm = (double)(len * 6.2 + 20) / w;
  if (lm > 0.42) lm = 0.42;
  double mid = lm + (0.98 - lm) / 2;
  FILE *g = gp_begin(dir, stem, rep_printf("%s, saturation points per implementation", a->name),
                     w, h);
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

/* ---- (5) throughput against max ULP error: the Pareto chart */

/* The x axis of the Pareto chart and of the overview: the core's max ULP
 * error on a log axis over the data's own range; 0 (correctly rounded
 * everywhere) drawn at the bottom of the range, and errors above OFF_SCALE
 * (results of the wrong kind in the core: a premature 0 from a formula in y)
 * in a grey band at the right, their values in the tables. */
#define OFF_SCALE 64.0

typedef struct {
  double lo, hi;   /* the axis: [lo, hi] */
  double floor;    /* where 0 is drawn */
  double band;     /* where off-scale errors are drawn (NAN: none) */
} ulp_axis;

static ulp_axis ulp_axis_of(double umin_pos, double umax, int any_zero) {
  ulp_axis ax;
  if (!(umin_pos > 0)) umin_pos = 0.5;
  double top = fmin(fmax(umax, umin_pos), OFF_SCALE);
  ax.lo = fmin(umin_pos, 0.5) / (any_zero ? 2.5 : 1.6);
  ax.floor = fmin(umin_pos, 0.5) / 2;
  ax.hi = top * 1.8;
  ax.band = NAN;
  if (umax > OFF_SCALE) {
    ax.band = top * 3;
    ax.hi = top * 5;
  }
  if (ax.hi < 2) ax.hi = 2;
  return ax;
}

static double ulp_axis_x(const ulp_axis *ax, double u) {
  if (isnan(u)) return NAN;
  if (u <= 0) return ax->floor;
  if (u > OFF_SCALE && isfinite(ax->band)) return ax->band;
  return u;
}

static void ulp_axis_gp(FILE *g, const ulp_axis *ax) {
  fprintf(g, "  set logscale x\n  set xrange [%.9g:%.9g]\n", ax->lo, ax->hi);
  fputs("  set xtics (", g);
  int first = 1;
  if (ax->floor < 0.25) {
    fprintf(g, "'0' %.9g", ax->floor);
    first = 0;
  }
  static const double t[] = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};
  for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
    if (t[k] >= ax->lo * 1.15 && t[k] <= ax->hi / 1.15 && (isnan(ax->band) || t[k] <= OFF_SCALE) &&
        !(ax->floor < 0.25 && t[k] < ax->floor * 1.6)) {
      fprintf(g, "%s'%g' %g", first ? "" : ", ", t[k], t[k]);
      first = 0;
    }
  if (isfinite(ax->band)) fprintf(g, "%s'> %g' %.9g", first ? "" : ", ", OFF_SCALE, ax->band);
  fputs(")\n", g);
  if (isfinite(ax->band))
    fprintf(g,
            "  set object 90 rect from %.9g, graph 0 to %.9g, graph 1 behind fc rgb '#eeeeee' "
            "fs solid noborder\n",
            ax->band / 1.6, ax->hi);
}

/* Labels placed where they meet no other label and no point: each tries
 * eight places around its point, in the plot's unit square. */
typedef struct {
  double u, v; /* the point */
  double lu, lv; /* the label's lower left corner */
  double w, h;
  int placed;
} label_box;

static int boxes_meet(double u0, double v0, double w0, double h0, double u1, double v1, double w1,
                      double h1) {
  return u0 < u1 + w1 && u1 < u0 + w0 && v0 < v1 + h1 && v1 < v0 + h0;
}

static void place_labels(label_box *b, size_t n, const double *pu, const double *pv, size_t np) {
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

static void fig_pareto(rep_act *a, const char *dir) {
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
    double *pu = rep_alloc((npts[dd] + 1) * sizeof *pu), *pv = rep_alloc((npts[dd] + 1) * sizeof *pv);
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
        double lu = lb[k].placed ? lb[k].lu : lb[k].u + 0.01, lv = lb[k].placed ? lb[k].lv : lb[k].v;
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
                             rep_impl_has_bwd(a, a->names[k].name) == 0 ? "no f\u2032"
                                                                        : "f only"));
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

/* ---- (6) the saturation suite's analysis in formats, and zerocenter.json */

/* M[i][j] of a matrix member, NAN where it is no number */
static double mat_at(const json_t *m, size_t i, size_t j) {
  json_t *row = json_is_array(m) ? json_array_get(m, i) : NULL;
  json_t *v = json_is_array(row) ? json_array_get(row, j) : NULL;
  return json_is_number(v) ? json_number_value(v) : NAN;
}

static double arr_at(const json_t *a, size_t i) {
  json_t *v = json_is_array(a) ? json_array_get(a, i) : NULL;
  return json_is_number(v) ? json_number_value(v) : NAN;
}

static const char *fstr0(const char *s) {
  return s ? s : "?";
}

static const char *jstr(const json_t *o, const char *key) {
  json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* colours of the series of one figure (the sets, the scales, the activations) */
static const char *const series_colors[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                            "#56B4E9", "#882255", "#332288", "#8C8C1A", "#C00000",
                                            "#5E5E5E", "#117733", "#AA4499", "#44AA99"};
#define NSERIES_COLORS (sizeof series_colors / sizeof series_colors[0])

static void series_linetypes(FILE *g, size_t n) {
  for (size_t k = 0; k < n; k++)
    fprintf(g, "  set linetype %zu lc rgb '%s' lw 2 dt %zu pt %d ps 0.8\n", LT_BASE + k,
            series_colors[k % NSERIES_COLORS], 1 + (k / NSERIES_COLORS) % 4, filled_points[k % 6]);
}

static const char *set_title(const json_t *e) {
  const char *set = jstr(e, "set"), *label = jstr(e, "label");
  if (set && !strcmp(set, "dead")) return "f\u2032 = 0 (dead)";
  return rep_printf("|f\u2032| < %s", label ? label : rep_printf("%g", rep_jnum(e, "eps")));
}

/* the fraction of x ~ N(0, sigma^2) in each set of the activation, against sigma */
static void fig_normal(rep_act *a, const char *dir) {
  const json_t *no = a->sat->normal;
  json_t *sig = rep_jarr(no, "sigma"), *sets = rep_jarr(no, "sets");
  size_t ns = sig ? json_array_size(sig) : 0, nset = sets ? json_array_size(sets) : 0;
  if (ns < 2 || !nset) return;
  size_t i0 = rep_mu0(no);
  double mu = arr_at(rep_jarr(no, "mu"), i0);
  const char *stem = rep_printf("%s_normal", a->stem);
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fprintf(d,
          "# %s: P(x in the set) for x ~ N(%g, sigma^2), exact (saturation.json, normal)\n"
          "# sigma, then one column per set of normal.sets\n",
          a->name, mu);
  for (size_t j = 0; j < ns; j++) {
    dat_num(d, arr_at(sig, j));
    for (size_t k = 0; k < nset; k++)
      dat_num(d, mat_at(json_object_get(json_array_get(sets, k), "exact"), i0, j));
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
          arr_at(sig, 0), arr_at(sig, ns - 1), mu, cols);
  fputs("  plot", g);
  for (size_t k = 0; k < nset; k++) {
    fprintf(g, "%s '%s' using 1:%zu with linespoints lt %zu title ", k ? ", \\\n      " : " ",
            datname, k + 2, LT_BASE + k);
    gp_str(g, set_title(json_array_get(sets, k)));
  }
  fputc('\n', g);
  gp_end(g, dir, stem);
  a->fig_normal = stem;
}

/* where the computed f' is 0 from outward (numerical[].evaluators[].zero_from),
 * a row per evaluator (the exact first), a colour and point per format,
 * both sides on one signed x axis */
static void fig_numsat(rep_act *a, const char *dir) {
  const json_t *num = a->sat->numerical;
  size_t nf = json_array_size(num);
  if (!nf) return;
  const char *names[64];
  size_t nn = 0;
  names[nn++] = "exact (rounded to the format)";
  for (size_t k = 0; k < nf; k++) {
    json_t *ev = rep_jarr(json_array_get(num, k), "evaluators");
    for (size_t j = 0; ev && j < json_array_size(ev); j++) {
      const char *n = jstr(json_array_get(ev, j), "name");
      if (!n) continue;
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
    json_t *nfm = json_array_get(num, k);
    fprintf(d, "# %s\n", fstr0(jstr(nfm, "format")));
    json_t *ev = rep_jarr(nfm, "evaluators");
    for (size_t r = 0; r < nn; r++) {
      json_t *e = NULL;
      if (r == 0)
        e = rep_jobj(nfm, "exact");
      else
        for (size_t j = 0; ev && j < json_array_size(ev) && !e; j++)
          if (jstr(json_array_get(ev, j), "name") &&
              !strcmp(jstr(json_array_get(ev, j), "name"), names[r]))
            e = json_array_get(ev, j);
      if (!e) continue;
      json_t *zf = rep_jobj(e, "zero_from");
      double v[2];
      static const char *const k2[2] = {"neg", "pos"};
      for (int t = 0; t < 2; t++) {
        json_t *x = zf ? json_object_get(zf, k2[t]) : NULL;
        v[t] = json_is_string(x)   ? rep_parse_x(json_string_value(x))
               : json_is_number(x) ? json_number_value(x)
                                   : NAN;
        if (isfinite(v[t])) xmax = fmax(xmax, fabs(v[t]));
      }
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
    const char *fmt = jstr(json_array_get(num, k), "format");
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
static void fig_delivered(rep_act *a, const char *dir) {
  json_t *dl = rep_jobj(a->sat->depth, "delivered");
  json_t *rows = rep_jarr(dl, "rows"), *sc = rep_jarr(dl, "scales");
  if (!rows || !sc || !json_array_size(rows)) return;
  double want = NAN, dist = INFINITY;
  for (size_t k = 0; k < json_array_size(sc); k++) {
    double v = arr_at(sc, k);
    if (isfinite(v) && fabs(v - 1) < dist) dist = fabs(v - 1), want = v;
  }
  if (!isfinite(want)) return;
  const char *fmts[8], *forms[16];
  size_t nfm = 0, nfo = 0;
  json_t *sel[64];
  size_t ns = 0;
  for (size_t k = 0; k < json_array_size(rows) && ns < 64; k++) {
    json_t *r = json_array_get(rows, k);
    const char *fm = jstr(r, "format"), *nm = jstr(r, "name");
    if (!fm || !nm || rep_jnum(r, "scale") != want) continue;
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
    json_t *me = rep_jarr(sel[k], "median_rel_err"), *uf = rep_jarr(sel[k], "underflow");
    fprintf(d, "# %s %s\n", jstr(sel[k], "format"), jstr(sel[k], "name"));
    for (size_t l = 0; me && l < json_array_size(me); l++) {
      double e = arr_at(me, l);
      if (!(e > 0)) e = NAN;
      if (isfinite(e)) lo = fmin(lo, e), hi = fmax(hi, e), any = 1;
      fprintf(d, "%zu", l + 1);
      dat_num(d, e);
      dat_num(d, arr_at(uf, l));
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
    const char *fm = jstr(sel[k], "format"), *nm = jstr(sel[k], "name");
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
    const char *nm = jstr(sel[k], "name");
    fprintf(g, "%s '%s' index %zu using 1:3 with lines lt %zu title ", k ? ", \\\n      " : " ",
            datname, k, LT_BASE + k);
    gp_str(g,
           rep_printf("%s, %s", jstr(sel[k], "format"),
                      strlen(nm) > pfx && !strncmp(nm, a->name, strlen(a->name)) ? nm + pfx : nm));
  }
  fputs("\n  unset multiplot\n", g);
  gp_end(g, dir, stem);
  a->fig_delivered = stem;
}

/* the gradient product through L layers, E[f'(x)]^L (solid) and its geometric
 * mean exp(E[log|f'|])^L (dashed), one colour per scale of x, log y */
static void fig_depth(rep_act *a, const char *dir) {
  const json_t *dp = a->sat->depth;
  json_t *sc = rep_jarr(dp, "scales"), *prod = rep_jarr(dp, "product");
  json_t *geo = rep_jarr(dp, "geo_mean_abs_df");
  size_t nsc = sc ? json_array_size(sc) : 0;
  size_t L = (size_t)(isfinite(rep_jnum(dp, "layers")) ? rep_jnum(dp, "layers") : 0);
  if (!nsc || !prod || L < 2 || L > 100000) return;
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
      double p = mat_at(prod, k, l - 1), gm = pow(arr_at(geo, k), (double)l);
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
                    arr_at(sc, k)));
      first = 0;
    }
  fputc('\n', g);
  gp_end(g, dir, stem);
  a->fig_depth = stem;
}

/* across activations: one curve per activation with "normal" (|f'| < 1e-3,
 * mu = 0) or "depth" (E[f']^L at the scale 1) */
static void fig_all(rep_model *m, const char *dir, int depth) {
  size_t n = 0;
  rep_act **acts = rep_alloc((m->nacts ? m->nacts : 1) * sizeof *acts);
  const char *stem = depth ? "all_depth" : "all_normal";
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = NULL;
  double lo = INFINITY, hi = 0, xlo = INFINITY, xhi = 0;
  for (size_t i = 0; i < m->nacts; i++) {
    rep_act *a = &m->acts[i];
    if (!a->sat) continue;
    json_t *xs, *ys = NULL;
    size_t row = 0, nx;
    if (depth) {
      int k = rep_scale1(a->sat->depth);
      json_t *prod = rep_jarr(a->sat->depth, "product");
      if (k < 0 || !prod) continue;
      xs = NULL;
      ys = json_array_get(prod, (size_t)k);
      nx = json_is_array(ys) ? json_array_size(ys) : 0;
    } else {
      json_t *e = rep_normal_set(a->sat->normal);
      xs = rep_jarr(a->sat->normal, "sigma");
      if (!e || !xs) continue;
      row = rep_mu0(a->sat->normal);
      ys = json_array_get(json_object_get(e, "exact"), row);
      nx = json_array_size(xs);
    }
    if (nx < 2 || !json_is_array(ys)) continue;
    if (!d) {
      d = rep_fopen(dir, datname);
      fprintf(d, depth ? "# E[f'(x)]^L, x ~ N(0, 1), against L (saturation.json, depth.product)\n"
                       : "# P(|f'(x)| < 1e-3), x ~ N(0, sigma^2), against sigma "
                         "(saturation.json, normal)\n");
      fputs("# one block per activation: x y\n", d);
    }
    fprintf(d, "# %s\n", a->name);
    for (size_t j = 0; j < nx; j++) {
      double x = depth ? (double)(j + 1) : arr_at(xs, j), y = arr_at(ys, j);
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
static void fig_zigzag(rep_model *m, const char *dir) {
  json_t *ex = m->zerocenter ? rep_jobj(m->zerocenter->two_weight, "example") : NULL;
  json_t *paths = rep_jarr(ex, "paths"), *ws = rep_jarr(ex, "w_star"), *st = rep_jarr(ex, "start");
  if (!paths || !json_array_size(paths) || !ws || !st) return;
  const char *stem = "zerocenter_paths";
  const char *datname = rep_printf("data/%s.dat", stem);
  FILE *d = rep_fopen(dir, datname);
  fputs("# zerocenter.json, two_weight.example: w0 w1 after each step, one block per path\n", d);
  size_t np = json_array_size(paths);
  for (size_t k = 0; k < np; k++) {
    json_t *p = json_array_get(paths, k);
    json_t *w0 = rep_jarr(p, "w0"), *w1 = rep_jarr(p, "w1");
    fprintf(d, "# %s %s\n", fstr0(jstr(p, "activation")), fstr0(jstr(p, "method")));
    for (size_t i = 0; w0 && w1 && i < json_array_size(w0); i++) {
      fprintf(d, "%.9g", arr_at(w0, i));
      dat_num(d, arr_at(w1, i));
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
      json_t *p = json_array_get(paths, k);
      const char *meth = jstr(p, "method"), *act = jstr(p, "activation");
      if (!meth || strcmp(meth, methods[mm])) continue;
      size_t lt = act && !strcmp(act, "tanh") ? 1 : act && !strcmp(act, "sigmoid") ? 0 : 2;
      fprintf(g, "%s '%s' index %zu using 1:2 with linespoints lt %zu ps 0.5 title ",
              first ? " " : ", \\\n      ", datname, k, LT_BASE + lt);
      gp_str(g, rep_printf("%s: %.0f steps", act ? act : "?", rep_jnum(p, "steps")));
      first = 0;
    }
    fprintf(g,
            "%s '+' using (%.9g):(%.9g) every ::0::0 with points pt 3 ps 2 lc rgb '#000000' "
            "title 'optimum w*', \\\n      '+' using (%.9g):(%.9g) every ::0::0 with points pt 4 "
            "ps 1.6 lc rgb '#000000' title 'start'\n",
            first ? " " : ",", arr_at(ws, 0), arr_at(ws, 1), arr_at(st, 0), arr_at(st, 1));
  }
  fputs("  unset multiplot\n", g);
  gp_end(g, dir, stem);
  m->fig_zigzag = stem;
}

/* ---- the front page's figure: speed against accuracy, a panel per
 * activation; the same axes as the Pareto chart's (the core's max ULP of f,
 * G items/s at the ranking size), ours filled, each library in its colour */
static void fig_overview(rep_model *m, const char *dir) {
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
  fputs("# every activation's kernels, f: x drawn (0 at the floor, above 64 ULP in the band),\n"
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
  int cols = na > 9 ? 4 : na > 4 ? 3 : (int)na, rows = (int)((na + (size_t)cols - 1) / (size_t)cols);
  int pw = 1200 / cols, ph = 240, w = pw * cols, h = 70 + ph * rows;
  int spare = (int)((size_t)(cols * rows) - na); /* empty places in the last row: the legend */
  if (!spare) h += 40;
  FILE *g = gp_begin(dir, stem, "speed against accuracy, every activation", w, h);
  for (int k = 0; k <= REP_NLIBS; k++)
    fprintf(g, "  set linetype %d lc rgb '%s' lw 1.5 ps 1\n", 101 + k, families[k].colors[0]);
  fputs("  set multiplot title 'every activation: throughput of f at the ranking size against its "
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
    fprintf(g,
            "  set lmargin at screen %.4f\n  set rmargin at screen %.4f\n"
            "  set tmargin at screen %.4f\n  set bmargin at screen %.4f\n",
            l, r, t, b);
    fputs("  set title ", g);
    gp_str(g, acts[i]->name);
    fputs(" offset 0,-0.7 font ',10'\n", g);
    fprintf(g, "  set xlabel %s\n  set ylabel %s\n", row == rows - 1 ? "'core max ULP' font ',8'" : "''",
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
                  k == 0 ? "ours" : k < REP_NLIBS ? rep_libraries[k] : "others (plugins)");
    }
    fputc('\n', g);
  }
  /* the legend: a panel of its own below, the libraries */
  fputs("  unset multiplot\n", g);
  gp_end(g, dir, stem);
  m->fig_overview = stem;
}

/* ---- the error per binade of x (exhaustive sweeps): a row per
 * implementation, a column per binade (x < 0 on the left, growing outward),
 * the colour its max ULP error on a log scale */
static void fig_binades(rep_act *a, const char *dir, int bwd) {
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
  FILE *g = gp_begin(dir, stem, rep_printf("%s, ULP error of %s per binade of x", a->name,
                                           bwd ? "f'" : "f"),
                     w, h);
  fputs("  set title ", g);
  gp_str(g, rep_printf("%s: max ULP error of %s in each binade of x (every float; colour: log "
                       "scale; white: correctly rounded throughout)",
                       a->name, bwd ? "f\u2032" : "f"));
  fprintf(g,
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

void rep_plot(rep_model *m, const char *dir) {
  detect_png_terminal();
  for (size_t i = 0; i < m->nacts; i++) {
    rep_act *a = &m->acts[i];
    if (a->sat) fig_curve(a, dir);
    if (a->acc) {
      fig_ulp(a, dir, 0);
      fig_ulp(a, dir, 1);
      fig_binades(a, dir, 0);
      fig_binades(a, dir, 1);
    }
    if (a->spd) fig_speed(m, a, dir);
    fig_pareto(a, dir);
    if (a->sat) fig_satpoints(a, dir);
    if (a->sat && a->sat->normal) fig_normal(a, dir);
    if (a->sat && a->sat->depth) fig_depth(a, dir);
    if (a->sat && a->sat->numerical) fig_numsat(a, dir);
    if (a->sat && a->sat->depth) fig_delivered(a, dir);
  }
  fig_overview(m, dir);
  fig_all(m, dir, 0);
  fig_all(m, dir, 1);
  if (m->zerocenter) fig_zigzag(m, dir);
}
