/* actbench report: the figures, in one table.  For each activation the
 * figures of its page, then those across activations; each writes
 * data/<stem>.dat and gp/<stem>.gp and runs gnuplot on it, so that `gnuplot
 * gp/<stem>.gp` in the report folder redraws it.  A figure kind is a module
 * (fig_accuracy.c, fig_speed.c, fig_choice.c, fig_saturation.c,
 * fig_gradients.c) and a line here; it draws nothing when its results are
 * not there. */
#include "report_figs.h"

/* the figures of an activation's page */
static void ulp_fwd(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->acc) draw_ulp(a, dir, 0);
}
static void ulp_bwd(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->acc) draw_ulp(a, dir, 1);
}
static void binades_fwd(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->acc) draw_binades(a, dir, 0);
}
static void binades_bwd(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->acc) draw_binades(a, dir, 1);
}
static void speed(rep_model *m, rep_act *a, const char *dir) {
  if (a->spd) draw_speed(m, a, dir);
}
static void pareto(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  draw_pareto(a, dir); /* with accuracy.json and speed.json */
}
static void curve(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->sat) draw_curve(a, dir);
}
static void satpoints(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->sat) draw_satpoints(a, dir);
}
static void normal(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->sat && a->sat->normal) draw_normal(a, dir);
}
static void depth(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->sat && a->sat->depth) draw_depth(a, dir);
}
static void numsat(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->sat && a->sat->numerical) draw_numsat(a, dir);
}
static void delivered(rep_model *m, rep_act *a, const char *dir) {
  (void)m;
  if (a->sat && a->sat->depth) draw_delivered(a, dir);
}

static const struct {
  const char *name;
  void (*draw)(rep_model *m, rep_act *a, const char *dir);
} act_figures[] = {
    {"f and f' with where |f'| < eps (saturation)", curve},
    {"ULP error of f against x (accuracy)", ulp_fwd},
    {"ULP error of f' against x (accuracy)", ulp_bwd},
    {"ULP error of f per binade (exhaustive accuracy)", binades_fwd},
    {"ULP error of f' per binade (exhaustive accuracy)", binades_bwd},
    {"throughput against n (speed)", speed},
    {"throughput against the core's max ULP (speed, accuracy)", pareto},
    {"saturation points on log |x| (saturation)", satpoints},
    {"saturated fraction against sigma (saturation normal)", normal},
    {"gradient product against depth (saturation depth)", depth},
    {"where f' vanishes in each format (saturation numerical)", numsat},
    {"the gradient delivered through depth (saturation depth)", delivered},
};

/* the figures across activations */
static void all_normal(rep_model *m, const char *dir) {
  draw_all(m, dir, 0);
}
static void all_depth(rep_model *m, const char *dir) {
  draw_all(m, dir, 1);
}
static void zigzag(rep_model *m, const char *dir) {
  if (m->zerocenter) draw_zigzag(m, dir);
}

static const struct {
  const char *name;
  void (*draw)(rep_model *m, const char *dir);
} model_figures[] = {
    {"speed against accuracy, every activation (the front page)", draw_overview},
    {"saturated fraction against sigma, every activation", all_normal},
    {"gradient product against depth, every activation", all_depth},
    {"the zig-zag paths (zerocenter)", zigzag},
};

void rep_plot(rep_model *m, const char *dir) {
  detect_png_terminal();
  for (size_t i = 0; i < m->nacts; i++)
    for (size_t k = 0; k < sizeof act_figures / sizeof act_figures[0]; k++)
      act_figures[k].draw(m, &m->acts[i], dir);
  for (size_t k = 0; k < sizeof model_figures / sizeof model_figures[0]; k++)
    model_figures[k].draw(m, dir);
}
