/* actbench: tables for the terminal, CSV and Markdown (compare, diff). */
#ifndef ACTBENCH_TABLE_H
#define ACTBENCH_TABLE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { ACT_FMT_TABLE, ACT_FMT_CSV, ACT_FMT_MARKDOWN } act_table_format;
/* "table", "csv" or "markdown"; act_die naming opt otherwise. */
act_table_format act_parse_format(const char *opt, const char *s);

typedef struct act_table act_table;
/* A table of ncols columns; the column labels are set with act_table_col. */
act_table *act_table_new(size_t ncols);
/* label: the heading in a terminal table and in Markdown; key: the heading
 * in CSV (a name without spaces); right: right-aligned (numbers). */
void act_table_col(act_table *t, size_t col, const char *label, const char *key, int right);
/* Append a cell to the last row; a new row starts when the last one is full. */
void act_table_cell(act_table *t, const char *text);
void act_table_cellf(act_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t act_table_rows(const act_table *t);
/* Terminal: columns padded, two spaces apart, a heading line; CSV (RFC
 * 4180): the keys, then the rows, fields quoted where needed; Markdown: a
 * pipe table. */
void act_table_print(const act_table *t, FILE *f, act_table_format fmt);
void act_table_free(act_table *t);

#ifdef __cplusplus
}
#endif
#endif
