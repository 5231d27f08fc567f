/* actbench report: the document builder.  A part of a page (a heading, a
 * paragraph, a table, a figure, a folded block) is written once against a
 * doc_out and comes out as HTML or as GitHub Markdown, whichever the doc_out
 * is; tables are built once (doc_table) and written by either back end.
 *
 * The HTML back end adds what a reader of a long table needs, from file://
 * with no network: tables marked sortable sort on a click on a heading,
 * filter on the columns marked (a select per column, the values found), and
 * fold beyond their first rows ("show all N rows"); headings stay visible
 * while the table scrolls (one small inline script, doc_script). */
#ifndef ACTBENCH_DOC_H
#define ACTBENCH_DOC_H

#include <math.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
  const char *text, *sub, *cls, *tip;
  const char *link; /* a relative link on the text, or NULL */
  int rowspan;      /* > 1: the cell spans this many rows (HTML) */
  int covered;      /* a place held by a cell above that spans it: no <td>, empty in Markdown */
  double key;       /* the value a sort orders by (NAN: by the text) */
  int has_key;
} doc_cell;

typedef struct {
  doc_cell *cells;
  size_t n, cap;
  const char *cls; /* the row's class (HTML), or NULL */
} doc_row;

typedef struct {
  const char **head;
  const char **head_tip; /* per column, a tooltip for the heading (may be NULL) */
  const char **filter;   /* per column: NULL, or the name of a filter on its values */
  size_t ncols;
  doc_row *rows;
  size_t nrows, cap;
  const char *id;  /* the table's id in the page, or NULL */
  int sortable;    /* HTML: sort on a click on a heading */
  size_t collapse; /* HTML: show this many rows, the rest behind a button (0: all) */
} doc_table;

doc_table *doc_table_new(size_t ncols, ...);
doc_table *doc_table_new_v(size_t ncols, const char **head);
void doc_table_row(doc_table *t);
doc_cell *doc_table_cell(doc_table *t, const char *cls, const char *text);
/* a cell with a number to sort by */
doc_cell *doc_table_num(doc_table *t, const char *cls, const char *text, double key);
void doc_table_covered(doc_table *t);
void doc_table_filter(doc_table *t, size_t col, const char *name);

/* escaping: text in HTML (elements and attribute values), and in a
 * Markdown table cell or paragraph (no line breaks; | \ * ` and markup
 * escaped) */
void doc_html_text(FILE *f, const char *s);
void doc_md_text(FILE *f, const char *s);

/* the two back ends of a table; cls: the HTML table's classes, or NULL */
void doc_table_html(FILE *f, const doc_table *t, const char *cls);
void doc_table_md(FILE *f, const doc_table *t);

/* A document being written: HTML or Markdown. */
typedef struct {
  FILE *f;
  int md; /* 1 Markdown, 0 HTML */
} doc_out;

void doc_h(doc_out *d, int level, const char *id, const char *text);
void doc_p(doc_out *d, const char *cls, const char *text); /* cls "note": smaller, grey */
/* a paragraph whose HTML is given (Markdown: md_text), for links and code */
void doc_p_raw(doc_out *d, const char *html, const char *md_text);
void doc_table_out(doc_out *d, const doc_table *t, const char *cls);
/* a folded block: <details> (open or not); Markdown: the same element */
void doc_details_begin(doc_out *d, const char *summary, int open);
void doc_details_end(doc_out *d);
/* a bulleted list of n items (plain text) */
void doc_list(doc_out *d, const char *const *items, size_t n);

/* the style sheet and the script every page carries inline */
extern const char *const doc_style;
extern const char *const doc_script;
#endif
