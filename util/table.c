/* actbench: tables for the terminal, CSV and Markdown. */
#include "table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct act_table {
  size_t ncols;
  char **label, **key;
  int *right;
  char **cells; /* row-major */
  size_t ncells, cap;
};

act_table_format act_parse_format(const char *opt, const char *s) {
  if (!strcmp(s, "table")) return ACT_FMT_TABLE;
  if (!strcmp(s, "csv")) return ACT_FMT_CSV;
  if (!strcmp(s, "markdown") || !strcmp(s, "md")) return ACT_FMT_MARKDOWN;
  act_die("%s: '%s' is not one of table, csv, markdown", opt, s);
}

static char *xstrdup(const char *s) {
  char *d = strdup(s ? s : "");
  if (!d) act_die("out of memory");
  return d;
}

act_table *act_table_new(size_t ncols) {
  act_table *t = calloc(1, sizeof *t);
  if (!t) act_die("out of memory");
  t->ncols = ncols;
  t->label = calloc(ncols, sizeof *t->label);
  t->key = calloc(ncols, sizeof *t->key);
  t->right = calloc(ncols, sizeof *t->right);
  if (!t->label || !t->key || !t->right) act_die("out of memory");
  return t;
}

void act_table_col(act_table *t, size_t col, const char *label, const char *key, int right) {
  if (col >= t->ncols) return;
  free(t->label[col]);
  free(t->key[col]);
  t->label[col] = xstrdup(label);
  t->key[col] = xstrdup(key ? key : label);
  t->right[col] = right;
}

void act_table_cell(act_table *t, const char *text) {
  if (t->ncells == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 64;
    char **c = realloc(t->cells, t->cap * sizeof *c);
    if (!c) act_die("out of memory");
    t->cells = c;
  }
  t->cells[t->ncells++] = xstrdup(text);
}

void act_table_cellf(act_table *t, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  act_table_cell(t, buf);
}

size_t act_table_rows(const act_table *t) {
  return t->ncols ? (t->ncells + t->ncols - 1) / t->ncols : 0;
}

static const char *cell(const act_table *t, size_t r, size_t c) {
  size_t i = r * t->ncols + c;
  return i < t->ncells ? t->cells[i] : "";
}

/* display width: UTF-8 continuation bytes take no column */
static size_t width(const char *s) {
  size_t w = 0;
  for (; *s; s++) w += ((unsigned char)*s & 0xc0) != 0x80;
  return w;
}

static void pad(FILE *f, size_t n) {
  while (n--) fputc(' ', f);
}

static void csv_field(FILE *f, const char *s) {
  if (!strpbrk(s, ",\"\n\r")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

static void md_field(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '|') fputc('\\', f);
    fputc(*s == '\n' ? ' ' : *s, f);
  }
}

void act_table_print(const act_table *t, FILE *f, act_table_format fmt) {
  size_t rows = act_table_rows(t);
  if (fmt == ACT_FMT_CSV) {
    for (size_t c = 0; c < t->ncols; c++) {
      if (c) fputc(',', f);
      csv_field(f, t->key[c] ? t->key[c] : "");
    }
    fputc('\n', f);
    for (size_t r = 0; r < rows; r++) {
      for (size_t c = 0; c < t->ncols; c++) {
        if (c) fputc(',', f);
        csv_field(f, cell(t, r, c));
      }
      fputc('\n', f);
    }
    return;
  }
  if (fmt == ACT_FMT_MARKDOWN) {
    fputc('|', f);
    for (size_t c = 0; c < t->ncols; c++) {
      fputc(' ', f);
      md_field(f, t->label[c] ? t->label[c] : "");
      fputs(" |", f);
    }
    fputs("\n|", f);
    for (size_t c = 0; c < t->ncols; c++) fputs(t->right[c] ? " ---: |" : " --- |", f);
    fputc('\n', f);
    for (size_t r = 0; r < rows; r++) {
      fputc('|', f);
      for (size_t c = 0; c < t->ncols; c++) {
        fputc(' ', f);
        md_field(f, cell(t, r, c));
        fputs(" |", f);
      }
      fputc('\n', f);
    }
    return;
  }
  size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
  if (!w) act_die("out of memory");
  for (size_t c = 0; c < t->ncols; c++) {
    w[c] = width(t->label[c] ? t->label[c] : "");
    for (size_t r = 0; r < rows; r++)
      if (width(cell(t, r, c)) > w[c]) w[c] = width(cell(t, r, c));
  }
  for (size_t r = 0; r <= rows; r++) {
    for (size_t c = 0; c < t->ncols; c++) {
      const char *s = r == 0 ? (t->label[c] ? t->label[c] : "") : cell(t, r - 1, c);
      size_t sw = width(s), last = c + 1 == t->ncols;
      if (c) fputs("  ", f);
      if (t->right[c]) pad(f, w[c] - sw);
      fputs(s, f);
      if (!t->right[c] && !last) pad(f, w[c] - sw);
    }
    fputc('\n', f);
  }
  free(w);
}

void act_table_free(act_table *t) {
  if (!t) return;
  for (size_t c = 0; c < t->ncols; c++) {
    free(t->label[c]);
    free(t->key[c]);
  }
  for (size_t i = 0; i < t->ncells; i++) free(t->cells[i]);
  free(t->label);
  free(t->key);
  free(t->right);
  free(t->cells);
  free(t);
}
