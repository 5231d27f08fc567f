/* actbench report: what every figure shares: running gnuplot (stopped with the report on an
 * interrupt), the scripts' head and tail, each implementation's colour, dashes and point, legends,
 * tics, the ULP axis of the Pareto chart and the overview. */
#include "report_figs.h"

static const char *const ours_colors[] = {"#0072B2", "#009E73", "#56B4E9", "#332288",
                                          "#44AA99", "#117733", "#88CCEE", "#1F3A93"};
static const char *const libm_colors[] = {"#8C8C1A", "#5E5E5E"};
static const char *const libmvec_colors[] = {"#6B8E23", "#A0A040"};
static const char *const pytorch_colors[] = {"#B8860B", "#DAA520"};
static const char *const tensorflow_colors[] = {"#8B4513", "#CD853F"};
static const char *const highway_colors[] = {"#2F4F4F", "#5F9EA0"};
static const char *const libxsmm_colors[] = {"#708090", "#4682B4"};
static const char *const sleef_colors[] = {"#E69F00", "#D55E00", "#A65E2E", "#F2B86B"};
static const char *const onednn_colors[] = {"#CC79A7", "#882255", "#AA4499", "#6F3F8F"};
static const char *const xnnpack_colors[] = {"#C00000", "#E8746A"};
static const char *const other_colors[] = {"#666666", "#999999", "#404040"};
/* in the order of rep_libraries, then the others */
const family families[] = {
    FAM(ours_colors, 1),    FAM(sleef_colors, 2),      FAM(onednn_colors, 4),
    FAM(xnnpack_colors, 5), FAM(libmvec_colors, 3),    FAM(libm_colors, 3),
    FAM(pytorch_colors, 4), FAM(tensorflow_colors, 5), FAM(highway_colors, 2),
    FAM(libxsmm_colors, 3), FAM(other_colors, 2)};
const int filled_points[] = {7, 5, 9, 11, 13, 15};
const int open_points[] = {6, 4, 8, 10, 12, 14};

int family_of(const char *origin) {
  return rep_library_rank(origin);
}

impl_style style_at(const rep_act *a, size_t idx) {
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

impl_style style_of(const rep_act *a, const char *impl) {
  return style_at(a, rep_impl_index(a, impl));
}

/* The name in a legend: without the activation (the title says it), and a
 * peer's library after it. */
const char *legend_name(const rep_act *a, const char *impl) {
  size_t n = strlen(a->name);
  const char *s = impl;
  if (!strncmp(impl, a->name, n) && impl[n] == '.' && impl[n + 1]) s = impl + n + 1;
  size_t i = rep_impl_index(a, impl);
  const char *origin = i < a->nnames ? a->names[i].origin : NULL;
  if (rep_origin_is_ours(origin)) return s;
  return rep_printf("%s [%s]", s, origin);
}

/* Legend entries that say what solid and dashed mean, when both appear. */
int has_peers_and_ours(const rep_act *a) {
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

const char *gnuplot_path(void) {
  const char *p = getenv("ACTBENCH_GNUPLOT");
  return p && *p ? p : ACTBENCH_GNUPLOT;
}

/* Run gnuplot with args in dir; output (stdout and stderr) to log, or to
 * /dev/null when log is NULL.  Returns the wait status, or -1 when it could
 * not be started. */
int run_gnuplot(const char *dir, const char *const *args, const char *log) {
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

void detect_png_terminal(void) {
  if (png_terminal) return;
  const char *args[] = {"-e", "set terminal pngcairo", NULL};
  int st = run_gnuplot(NULL, args, NULL);
  png_terminal = (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0) ? "pngcairo" : "png";
}

/* The last line of gnuplot's output that says something, for the one-line
 * message when it fails. */
void last_line(const char *log, char *out, size_t cap) {
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

void check_output(const char *dir, const char *path) {
  char full[4096];
  struct stat st;
  snprintf(full, sizeof full, "%s/%s", dir, path);
  if (stat(full, &st) != 0 || st.st_size == 0)
    act_die("report: gnuplot wrote no %s (see %s/gp)", path, dir);
}

/* ---- writing scripts */

/* A gnuplot string literal: single quotes, with ' doubled. */
void gp_panel(FILE *g, double l, double r, double t, double b, const char *title, double dy,
              int pt) {
  fprintf(g,
          "  set lmargin at screen %.4f\n  set rmargin at screen %.4f\n"
          "  set tmargin at screen %.4f\n  set bmargin at screen %.4f\n",
          l, r, t, b);
  fputs("  set title ", g);
  gp_str(g, title);
  fprintf(g, " offset 0,%g font ',%d'\n", dy, pt);
}

void gp_str(FILE *f, const char *s) {
  fputc('\'', f);
  for (; *s; s++) {
    if (*s == '\'') fputc('\'', f);
    if ((unsigned char)*s >= 0x20) fputc(*s, f);
  }
  fputc('\'', f);
}

void dat_num(FILE *f, double v) {
  if (isfinite(v))
    fprintf(f, " %.9g", v);
  else
    fputs(" ?", f);
}
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

FILE *gp_begin(const char *dir, const char *stem, const char *what, int w, int h) {
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

void gp_linetypes(FILE *f, const rep_act *a) {
  for (size_t k = 0; k < a->nnames; k++) {
    impl_style st = style_at(a, k);
    fprintf(f, "  set linetype %zu lc rgb '%s' lw %s dt %d pt %d ps 1\n", LT_BASE + k, st.color,
            st.ours ? "2" : "1.6", st.dt, st.pt);
  }
}

/* Rows a legend below the plot needs for n entries of at most len
 * characters, in a figure w pixels wide (font ',9': about 6 pixels a
 * character, plus the sample). */
int key_rows(size_t n, size_t len, int w, int *cols) {
  int colw = (int)len * 6 + 60;
  int c = (w - 40) / (colw > 1 ? colw : 1);
  if (c < 1) c = 1;
  if (c > 4) c = 4;
  *cols = c;
  return (int)((n + (size_t)c - 1) / (size_t)c);
}

void gp_end(FILE *f, const char *dir, const char *stem) {
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

/* ---- (2) ULP error against x */

/* Tics at 1, 2, 5 times the powers of ten on a log axis from lo to hi. */
void gp_125_tics(FILE *g, char axis, double lo, double hi) {
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
void gp_decade_tics(FILE *g, double lo, double hi) {
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
size_t acc_order(const rep_act *a, int bwd, const rep_acc_impl **out) {
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
void key_line_kinds(FILE *g, const rep_act *a) {
  if (!has_peers_and_ours(a)) return;
  fputs(
      ", \\\n    keyentry with lines lw 2 dt 1 lc rgb '#303030' title 'ours (actbench): solid'"
      ", \\\n    keyentry with lines lw 1.6 dt 2 lc rgb '#303030' title 'peers [library]: "
      "dashed'",
      g);
}

size_t longest_legend(const rep_act *a) {
  size_t len = 30;
  for (size_t k = 0; k < a->nnames; k++) {
    size_t l = strlen(legend_name(a, a->names[k].name));
    if (l > len) len = l;
  }
  return len;
}

ulp_axis ulp_axis_of(double umin_pos, double umax, int any_zero) {
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

double ulp_axis_x(const ulp_axis *ax, double u) {
  if (isnan(u)) return NAN;
  if (u <= 0) return ax->floor;
  if (u > OFF_SCALE && isfinite(ax->band)) return ax->band;
  return u;
}

void ulp_axis_gp(FILE *g, const ulp_axis *ax) {
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

/* ---- (6) the saturation suite's analysis in formats, and zerocenter.json */

const char *fstr0(const char *s) {
  return s ? s : "?";
}

/* colours of the series of one figure (the sets, the scales, the activations) */
const char *const series_colors[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                     "#56B4E9", "#882255", "#332288", "#8C8C1A", "#C00000",
                                     "#5E5E5E", "#117733", "#AA4499", "#44AA99"};

void series_linetypes(FILE *g, size_t n) {
  for (size_t k = 0; k < n; k++)
    fprintf(g, "  set linetype %zu lc rgb '%s' lw 2 dt %zu pt %d ps 0.8\n", LT_BASE + k,
            series_colors[k % NSERIES_COLORS], 1 + (k / NSERIES_COLORS) % 4, filled_points[k % 6]);
}
