/* actbench report: what the page and section modules share (not a public
 * header).  The report is split by what it draws:
 *   page_common.c    numbers, dates, the machine's box, figures with their
 *                    commands, the names' tokens: what every page uses
 *   sec_choice.c     which kernel: the accuracy classes, every implementation,
 *                    the Pareto front
 *   sec_accuracy.c   accuracy: the tables, tails, histograms, worst inputs,
 *                    special values, bfloat16 and binary16
 *   sec_frameworks.c what PyTorch and TensorFlow/JAX run, against ours
 *   sec_speed.c      speed: throughput at every size, the speed targets
 *   sec_saturation.c saturation: where f' vanishes, mathematically and in
 *                    each format, through depth
 *   page_gradients.c gradients.html: across activations, zero-centring
 *   page_activation.c an activation's page from the section table
 *                    (act_sections), and tables.md
 *   page_front.c     index.html and summary.md
 * and the figures (report_plot.c), the model (report_load.c), the files
 * (rep_files.c) and the document builder (doc.c).  Every name below is
 * global under an rp_ prefix (the #defines), so the modules can share what
 * they need without a name taken elsewhere in actbench. */
#ifndef ACTBENCH_REPORT_SECTIONS_H
#define ACTBENCH_REPORT_SECTIONS_H

#include <stdio.h>

#include "doc.h"
#include "report_int.h"
#include "report_page.h"

/* the document builder's names, short */
typedef doc_cell cell;
typedef doc_row row;
typedef doc_table table;
#define html doc_html_text
#define md doc_md_text
#define href doc_html_text
#define tab_new doc_table_new
#define tab_new_v doc_table_new_v
#define tab_row doc_table_row
#define tab_cell doc_table_cell
#define tab_num doc_table_num
#define tab_covered doc_table_covered
#define tab_html doc_table_html
#define tab_md doc_table_md

#define tail_letter rp_tail_letter
#define fpair rp_fpair
#define tails_cell rp_tails_cell
#define verdict_cell rp_verdict_cell
#define claim_str rp_claim_str
#define utc_str rp_utc_str
#define bytes_str rp_bytes_str
#define ctx_value rp_ctx_value
#define file_label rp_file_label
#define cache_object rp_cache_object
#define speed_run_line rp_speed_run_line
#define context_lines rp_context_lines
#define params_str rp_params_str
#define figure_commands rp_figure_commands
#define token_matches rp_token_matches
#define mark_tokens rp_mark_tokens
#define accuracy_table rp_accuracy_table
#define narrow_table rp_narrow_table
#define double_rounding_note rp_double_rounding_note
#define specials_table rp_specials_table
#define hbin_name rp_hbin_name
#define histogram_table rp_histogram_table
#define worst_table rp_worst_table
#define binade_table rp_binade_table
#define intervals_table rp_intervals_table
#define tails_details rp_tails_details
#define any_tails rp_any_tails
#define tails_section rp_tails_section
#define special_kinds_table rp_special_kinds_table
#define specials_summary rp_specials_summary
#define has_acc rp_has_acc
#define accuracy_details_html rp_accuracy_details_html
#define accuracy_html rp_accuracy_html
#define accuracy_md rp_accuracy_md
#define speed_row rp_speed_row
#define speed_table rp_speed_table
#define verdict_cls rp_verdict_cls
#define target_name rp_target_name
#define fratio rp_fratio
#define fratio_ci rp_fratio_ci
#define who_cell rp_who_cell
#define overall_row rp_overall_row
#define peer_targets_table rp_peer_targets_table
#define bw_targets_table rp_bw_targets_table
#define has_spd rp_has_spd
#define speed_html rp_speed_html
#define speed_md rp_speed_md
#define side_str rp_side_str
#define math_table rp_math_table
#define fside rp_fside
#define sat_table rp_sat_table
#define has_sat rp_has_sat
#define saturation_html rp_saturation_html
#define saturation_md rp_saturation_md
#define side_xs rp_side_xs
#define count_pair rp_count_pair
#define numsat_table rp_numsat_table
#define normal_num_table rp_normal_num_table
#define delivered_table rp_delivered_table
#define has_formats rp_has_formats
#define numsat_note rp_numsat_note
#define formats_html rp_formats_html
#define formats_md rp_formats_md
#define class_of rp_class_of
#define comparison_table rp_comparison_table
#define comparison_note rp_comparison_note
#define classes_table rp_classes_table
#define front_table rp_front_table
#define pareto_missing rp_pareto_missing
#define has_ranking rp_has_ranking
#define choice_html rp_choice_html
#define choice_md rp_choice_md
#define has_comparison rp_has_comparison
#define comparison_html rp_comparison_html
#define comparison_md rp_comparison_md
#define has_pareto rp_has_pareto
#define pareto_note rp_pareto_note
#define pareto_html rp_pareto_html
#define pareto_md rp_pareto_md
#define dying_of rp_dying_of
#define summary_str rp_summary_str
#define steps_table rp_steps_table
#define paired_table rp_paired_table
#define sign_table rp_sign_table
#define dying_table rp_dying_table
#define dying_html rp_dying_html
#define zigzag_note rp_zigzag_note
#define gradients_page rp_gradients_page
#define gradients_md rp_gradients_md
#define best_accuracy rp_best_accuracy
#define best_speed rp_best_speed
#define overview_table rp_overview_table
#define act_sections rp_act_sections
#define has_frameworks rp_has_frameworks
#define frameworks_html rp_frameworks_html
#define frameworks_md rp_frameworks_md
#define activation_page rp_activation_page

/* The machine and the software in a few lines, for the top of every page:
 * what the results were measured on, with what, and when. */
typedef struct {
  const char *machine, *software, *dates, *features;
  size_t nfeatures;
  const char *speed_run; /* how speed.json was measured, and the machine's state; or NULL */
  const char **warnings; /* speed.json's warnings about that state */
  size_t nwarnings;
} ctx_lines;

/* ---- where the figures come from */

/* The commands behind a figure: the suites' runs that wrote its data, the
 * report that drew it, and the gnuplot that redraws it. */
typedef struct {
  const char *data[REP_NFILES]; /* "actbench speed ... (speed.json, date)", NULL: not used */
  const char *report, *redraw;
} fig_cmds;

/* ---- the sections of an activation's page
 *
 * A page is the list of sections below, in order; a section that has
 * nothing to show for an activation is left out, of the page and of its
 * contents line.  A new kind of results (a new suite) adds a section here,
 * and its figures in report_plot.c. */

typedef struct {
  const char *id, *title;
  int (*has)(const rep_model *m, const rep_act *a);
  void (*html)(FILE *f, const rep_model *m, const rep_act *a);
  void (*md)(FILE *f, const rep_model *m, const rep_act *a);
  int md_details; /* in summary.md, folded in a <details> element */
} act_section;

char tail_letter(const char *kind);
const char *fpair(const char *x);
void tails_cell(table *t, const rep_stats *s);
void verdict_cell(table *t, const rep_stats *s);
const char *claim_str(double v, const rep_stats *s);
const char *utc_str(time_t t);
const char *bytes_str(double b);
const char *ctx_value(const json_t *v);
extern const char *const file_label[REP_NFILES];
int cache_object(const rep_model *m);
void speed_run_line(const rep_model *m, ctx_lines *c);
ctx_lines context_lines(const rep_model *m);
const char *params_str(const rep_act *a);
fig_cmds figure_commands(const rep_model *m, const char *stem, int sources);
int token_matches(const char *tok, size_t len, const char *pat);
void mark_tokens(const char *name, int *used);
table *accuracy_table(const rep_act *a, int bwd);
table *narrow_table(const rep_act *a);
const char *double_rounding_note(const rep_act *a);
table *specials_table(const rep_acc_impl *p, int *failures);
const char *hbin_name(const rep_hbin *b);
table *histogram_table(const rep_act *a, int dir);
table *worst_table(const rep_stats *s);
table *binade_table(const rep_stats *s, size_t *rows);
table *intervals_table(const rep_tail *r);
void tails_details(FILE *f, int as_md, size_t num, const rep_acc_impl *p, int d);
int any_tails(const rep_act *a);
void tails_section(FILE *f, int as_md, const rep_act *a);
table *special_kinds_table(const rep_act *a);
const char *specials_summary(const rep_acc_impl *p, int fails);
int has_acc(const rep_model *m, const rep_act *a);
void accuracy_details_html(FILE *f, const rep_act *a);
void accuracy_html(FILE *f, const rep_model *m, const rep_act *a);
void accuracy_md(FILE *f, const rep_model *m, const rep_act *a);
void speed_row(table *t, const rep_model *m, const rep_spd_impl *p, int d, const long long *ns,
               size_t nn, double (*best)[2], int with_copy, int nimpls, const char *cls,
               long long mt_n, int mt_threads);
table *speed_table(const rep_model *m, const rep_act *a);
const char *verdict_cls(int met);
const char *target_name(const rep_target *t);
const char *fratio(const rep_target *t, double r);
const char *fratio_ci(const rep_target *t, const rep_target_size *q);
void who_cell(table *t, const char *name, double ulp, double ips, const char *none);
void overall_row(table *t, const rep_target *g, size_t col);
table *peer_targets_table(const rep_model *m, const rep_act *a, size_t *count);
table *bw_targets_table(const rep_model *m, const rep_act *a, size_t *count);
int has_spd(const rep_model *m, const rep_act *a);
void speed_html(FILE *f, const rep_model *m, const rep_act *a);
void speed_md(FILE *f, const rep_model *m, const rep_act *a);
const char *side_str(const rep_side *s, int pos);
table *math_table(const rep_act *a);
const char *fside(const char *x, int none);
table *sat_table(const rep_act *a);
int has_sat(const rep_model *m, const rep_act *a);
void saturation_html(FILE *f, const rep_model *m, const rep_act *a);
void saturation_md(FILE *f, const rep_model *m, const rep_act *a);
const char *side_xs(const act_res_xpair *p);
const char *count_pair(const act_res_npair *c);
table *numsat_table(const act_res_numerical *nf);
table *normal_num_table(const act_res_normal *no);
table *delivered_table(const act_res_depth *dp, size_t *L);
int has_formats(const rep_model *m, const rep_act *a);
extern const char *const numsat_note;
void formats_html(FILE *f, const rep_model *m, const rep_act *a);
void formats_md(FILE *f, const rep_model *m, const rep_act *a);
const char *class_of(double ulp);
table *comparison_table(const rep_act *a);
extern const char *const comparison_note;
void winner_cell(table *t, const rep_act *a, const rep_kpoint *w, const rep_kpoint *tighter);
table *classes_table(const rep_act *a);
table *ranking_table(const rep_model *m);
table *front_table(const rep_act *a, int dir, size_t *count);
const char *pareto_missing(const rep_act *a);
int has_ranking(const rep_model *m, const rep_act *a);
void choice_html(FILE *f, const rep_model *m, const rep_act *a);
void choice_md(FILE *f, const rep_model *m, const rep_act *a);
int has_comparison(const rep_model *m, const rep_act *a);
void comparison_html(FILE *f, const rep_model *m, const rep_act *a);
void comparison_md(FILE *f, const rep_model *m, const rep_act *a);
int has_pareto(const rep_model *m, const rep_act *a);
extern const char *const pareto_note;
void pareto_html(FILE *f, const rep_model *m, const rep_act *a);
void pareto_md(FILE *f, const rep_model *m, const rep_act *a);
const act_res_dying *dying_of(const rep_model *m);
const char *summary_str(const act_res_summary *s, const char *fmt);
table *steps_table(const act_res_zerocenter *z);
table *paired_table(const act_res_zerocenter *z);
table *sign_table(const act_res_zerocenter *z);
table *dying_table(const act_res_dying_in *in, const act_res_dying *dy);
void dying_html(FILE *f, const act_res_dying *dy);
extern const char *const zigzag_note;
void gradients_page(const rep_model *m, const char *dir);
void gradients_md(FILE *f, const rep_model *m);
const char *best_accuracy(const rep_act *a, int peer);
const char *best_speed(const rep_act *a, int peer);
table *overview_table(const rep_model *m);
extern const char *const conventions;
extern const act_section act_sections[];
int has_frameworks(const rep_model *m, const rep_act *a);
void frameworks_html(FILE *f, const rep_model *m, const rep_act *a);
void frameworks_md(FILE *f, const rep_model *m, const rep_act *a);
void activation_page(const rep_model *m, const rep_act *a, const char *dir);
void rep_write_html(const rep_model *m, const char *dir);
void rep_write_markdown(const rep_model *m, const char *dir);

#endif
