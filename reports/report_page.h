/* actbench report: what the page modules share (not a public header).
 *
 * report_html.c: the activation pages (their section table) and the helpers
 * below; page_front.c: index.html and summary.md; report_plot.c and the
 * figure modules: the figures.  The helpers format numbers the same way
 * everywhere, write a figure with the commands behind it, and the machine's
 * box at the top of every page. */
#ifndef ACTBENCH_REPORT_PAGE_H
#define ACTBENCH_REPORT_PAGE_H

#include <stdio.h>

#include "doc.h"
#include "report_int.h"

/* the results files a figure's data come from */
enum {
  SRC_SPEED = 1 << REP_SPEED,
  SRC_ACC = 1 << REP_ACCURACY,
  SRC_SAT = 1 << REP_SATURATION,
  SRC_ZC = 1 << REP_ZEROCENTER
};

#define fnum rp_fnum
#define fulp rp_fulp
#define fsci rp_fsci
#define fcount rp_fcount
#define fpct rp_fpct
#define fstr rp_fstr
#define fulp_note rp_fulp_note
#define tail_text rp_tail_text
#define page_begin rp_page_begin
#define page_end rp_page_end
#define now_utc rp_now_utc
#define context_table rp_context_table
#define files_table rp_files_table
#define targets_summary rp_targets_summary
#define targets_note rp_targets_note
#define conventions rp_conventions
#define short_name rp_short_name
#define gps rp_gps
#define rank_size_str rp_rank_size_str
#define class_name rp_class_name
#define acc_impl rp_acc_impl
#define sat_impl rp_sat_impl
#define spd_impl_of rp_spd_impl_of
#define figure_html rp_figure_html
#define figure_md rp_figure_md
#define p_note rp_p_note
#define md_note rp_md_note
#define context_html rp_context_html
#define context_md rp_context_md
#define has_gradients_page rp_has_gradients_page
#define acts_nav_links rp_acts_nav_links
#define code rp_code
#define ctx_joined rp_ctx_joined
#define format_name rp_format_name
#define tokens_html rp_tokens_html

const char *fnum(const char *fmt, double v);
const char *fulp(double v);   /* "%.4g", "—" for NAN */
const char *fsci(double v);   /* "%.3g" */
const char *fcount(double v); /* "%.0f" */
const char *fpct(double v);   /* a fraction as a percentage */
const char *fstr(const char *s);
const char *fulp_note(double v, const char *note); /* "2.1e+06 (0 for 2.9e-39)" */
const char *tail_text(const char *kind);
void page_begin(FILE *f, const char *title);
void page_end(FILE *f);
const char *now_utc(void); /* the report's one date format: 2026-12-06 08:36:14 UTC */
doc_table *context_table(const rep_model *m);
doc_table *files_table(const rep_model *m);
doc_table *targets_summary(const rep_model *m);
extern const char *const targets_note;
extern const char *const conventions;
const char *short_name(const rep_act *a, const char *impl, const char *origin);
const char *gps(double ips);
const char *rank_size_str(const rep_act *a);
const char *class_name(int c);
const rep_acc_impl *acc_impl(const rep_act *a, const char *name);
const rep_sat_impl *sat_impl(const rep_act *a, const char *name);
const rep_spd_impl *spd_impl_of(const rep_act *a, const char *name);
void figure_html(FILE *f, const rep_model *m, const char *stem, const char *caption, int sources);
void figure_md(FILE *f, const rep_model *m, const char *stem, const char *caption, int sources);
void p_note(FILE *f, const char *text);
void md_note(FILE *f, const char *text);
void context_html(FILE *f, const rep_model *m);
void context_md(FILE *f, const rep_model *m);
int has_gradients_page(const rep_model *m);
/* a link to every activation's page, and to the page across activations
 * when there is one, each after a space */
void acts_nav_links(FILE *f, const rep_model *m);
void code(FILE *f, const char *s);
const char *ctx_joined(const rep_model *m, const char *key);
const char *format_name(const char *fmt);
/* what the tokens of our kernels' names mean, where names appear */
void tokens_html(FILE *f, const rep_act *a);
/* a date of a results file in the report's one format, or NULL */
const char *rep_date_str(const char *iso);

#define kpoint_text rp_kpoint_text
#define winner_cell rp_winner_cell
#define ranking_table rp_ranking_table
#define ranking_note rp_ranking_note
const char *kpoint_text(const rep_kpoint *w);
void winner_cell(doc_table *t, const rep_act *a, const rep_kpoint *w, const rep_kpoint *tighter);
doc_table *ranking_table(
    const rep_model *m); /* per activation and direction, each class's winner */
const char *ranking_note(const rep_model *m);

/* page_front.c */
void rep_write_front(const rep_model *m, const char *dir);
void rep_write_summary(const rep_model *m, const char *dir);
#endif
