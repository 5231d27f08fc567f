/* actbench report: what the figure modules share (not a public header):
 * fig_common.c (gnuplot, styles, legends, axes), fig_accuracy.c,
 * fig_speed.c, fig_choice.c, fig_saturation.c, fig_gradients.c, and the
 * table of figures in report_plot.c.  Every name below is global under an
 * rf_ prefix (the #defines). */
#ifndef ACTBENCH_REPORT_FIGS_H
#define ACTBENCH_REPORT_FIGS_H

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
#define FAM(c, dt) \
  { c, (int)(sizeof c / sizeof c[0]), dt }
#define NPT 6
/* The implementations' line types, from 101 on: gnuplot gives the plain
 * elements of a plot (the curve, the grid) line types 1, 2, ... and they
 * must stay solid. */
#define LT_BASE ((size_t)101)
/* The x axis of the Pareto chart and of the overview: the core's max ULP
 * error on a log axis over the data's own range; 0 (correctly rounded
 * everywhere) drawn at the bottom of the range, and errors above OFF_SCALE
 * (results of the wrong kind in the core: a premature 0 from a formula in y)
 * in a grey band at the right, their values in the tables. */
#define OFF_SCALE 64.0
#define NSERIES_COLORS ((size_t)14) /* the colours of series_colors */

#define families rf_families
#define filled_points rf_filled_points
#define open_points rf_open_points
#define family_of rf_family_of
#define style_at rf_style_at
#define style_of rf_style_of
#define legend_name rf_legend_name
#define has_peers_and_ours rf_has_peers_and_ours
#define gnuplot_path rf_gnuplot_path
#define run_gnuplot rf_run_gnuplot
#define detect_png_terminal rf_detect_png_terminal
#define last_line rf_last_line
#define check_output rf_check_output
#define gp_str rf_gp_str
#define gp_panel rf_gp_panel
#define dat_num rf_dat_num
#define gp_begin rf_gp_begin
#define gp_linetypes rf_gp_linetypes
#define key_rows rf_key_rows
#define gp_end rf_gp_end
#define gp_125_tics rf_gp_125_tics
#define gp_decade_tics rf_gp_decade_tics
#define acc_order rf_acc_order
#define key_line_kinds rf_key_line_kinds
#define longest_legend rf_longest_legend
#define ulp_axis_of rf_ulp_axis_of
#define ulp_axis_x rf_ulp_axis_x
#define ulp_axis_gp rf_ulp_axis_gp
#define fstr0 rf_fstr0
#define series_colors rf_series_colors
#define series_linetypes rf_series_linetypes
#define interp rf_interp
#define color_of rf_color_of
#define write_markers rf_write_markers
#define plot_markers rf_plot_markers
#define top_edge rf_top_edge
#define thresholds rf_thresholds
#define draw_curve rf_draw_curve
#define draw_satpoints rf_draw_satpoints
#define set_title rf_set_title
#define draw_normal rf_draw_normal
#define draw_numsat rf_draw_numsat
#define draw_delivered rf_draw_delivered
#define draw_depth rf_draw_depth
#define ulp_group rf_ulp_group
#define in_tails rf_in_tails
#define draw_ulp rf_draw_ulp
#define draw_binades rf_draw_binades
#define is_copy rf_is_copy
#define speed_panel rf_speed_panel
#define draw_speed rf_draw_speed
#define boxes_meet rf_boxes_meet
#define place_labels rf_place_labels
#define draw_pareto rf_draw_pareto
#define draw_overview rf_draw_overview
#define draw_all rf_draw_all
#define draw_zigzag rf_draw_zigzag

/* How an implementation is drawn: ours (origin "actbench") in solid lines,
 * cool colours and filled points; the peers dashed, each library in a colour
 * family of its own (SLEEF orange, oneDNN purple, XNNPACK red, libm olive)
 * with open points.  Colours from Okabe-Ito and Tol's sets, which stay apart
 * for most readers. */
typedef struct {
  const char *const *colors;
  int ncolors, dt;
} family;

typedef struct {
  const char *color;
  int dt, pt, ours;
} impl_style;

/* the size of every figure drawn, for the pages (shown at that size) */
typedef struct {
  const char *stem;
  int w, h;
} fig_size;

/* ---- (1) f and f' over x, the saturation thresholds and points */

typedef struct {
  const char *title; /* NULL: no key entry of its own */
  const char *color; /* NULL: black */
  int pt;
  double x[2], y[2]; /* up to two points (neg, pos); NAN: none */
  int ygraph[2];     /* y is in graph coordinates (a label at the edge) */
} marker_series;

typedef struct {
  int side, all, count;
  double x;          /* signed: where the band starts */
  const char *label; /* "eps=0.01", "eps=0.1, 0.01", "every eps" */
} threshold;

typedef struct {
  double lo, hi; /* the axis: [lo, hi] */
  double floor;  /* where 0 is drawn */
  double band;   /* where off-scale errors are drawn (NAN: none) */
} ulp_axis;

/* Labels placed where they meet no other label and no point: each tries
 * eight places around its point, in the plot's unit square. */
typedef struct {
  double u, v;   /* the point */
  double lu, lv; /* the label's lower left corner */
  double w, h;
  int placed;
} label_box;

extern const family families[];
extern const int filled_points[];
extern const int open_points[];
int family_of(const char *origin);
impl_style style_at(const rep_act *a, size_t idx);
impl_style style_of(const rep_act *a, const char *impl);
const char *legend_name(const rep_act *a, const char *impl);
int has_peers_and_ours(const rep_act *a);
const char *gnuplot_path(void);
int run_gnuplot(const char *dir, const char *const *args, const char *log);
void detect_png_terminal(void);
void last_line(const char *log, char *out, size_t cap);
void check_output(const char *dir, const char *path);
void gp_str(FILE *f, const char *s);
/* a panel of a multiplot: its margins at screen l, r, t, b and its title
 * (moved down by dy characters, at font size pt) */
void gp_panel(FILE *g, double l, double r, double t, double b, const char *title, double dy,
              int pt);
void dat_num(FILE *f, double v);
FILE *gp_begin(const char *dir, const char *stem, const char *what, int w, int h);
void gp_linetypes(FILE *f, const rep_act *a);
int key_rows(size_t n, size_t len, int w, int *cols);
void gp_end(FILE *f, const char *dir, const char *stem);
void gp_125_tics(FILE *g, char axis, double lo, double hi);
void gp_decade_tics(FILE *g, double lo, double hi);
size_t acc_order(const rep_act *a, int bwd, const rep_acc_impl **out);
void key_line_kinds(FILE *g, const rep_act *a);
size_t longest_legend(const rep_act *a);
ulp_axis ulp_axis_of(double umin_pos, double umax, int any_zero);
double ulp_axis_x(const ulp_axis *ax, double u);
void ulp_axis_gp(FILE *g, const ulp_axis *ax);
const char *fstr0(const char *s);
extern const char *const series_colors[];
void series_linetypes(FILE *g, size_t n);
double interp(const rep_sat *s, double x);
const char *color_of(const char *c);
void write_markers(FILE *dat, FILE *gp, const marker_series *ms, size_t n, int *idx, int *nblocks,
                   double xlo, double xhi, int *label_no);
void plot_markers(FILE *gp, const char *datname, const marker_series *ms, size_t n, const int *idx);
void top_edge(marker_series *ms, int side, double xlo, double xhi, const int *edge_low,
              int *edge_count);
size_t thresholds(const rep_sat *s, threshold *th);
void draw_curve(rep_act *a, const char *dir);
void draw_satpoints(rep_act *a, const char *dir);
const char *set_title(const act_res_normal_row *e);
void draw_normal(rep_act *a, const char *dir);
void draw_numsat(rep_act *a, const char *dir);
void draw_delivered(rep_act *a, const char *dir);
void draw_depth(rep_act *a, const char *dir);
const char *ulp_group(const rep_acc_impl *p);
int in_tails(const rep_stats *s, double b0, double b1);
void draw_ulp(rep_act *a, const char *dir, int bwd);
void draw_binades(rep_act *a, const char *dir, int bwd);
int is_copy(const char *name);
void speed_panel(FILE *g, const rep_model *mo, const rep_act *a, const char *datname,
                 const int *idx, const int *bidx, int dir, int titles, int bpe16, int mt_threads);
void draw_speed(const rep_model *mo, rep_act *a, const char *dir);
int boxes_meet(double u0, double v0, double w0, double h0, double u1, double v1, double w1,
               double h1);
void place_labels(label_box *b, size_t n, const double *pu, const double *pv, size_t np);
void draw_pareto(rep_act *a, const char *dir);
void draw_overview(rep_model *m, const char *dir);
void draw_all(rep_model *m, const char *dir, int depth);
void draw_zigzag(rep_model *m, const char *dir);

#endif
