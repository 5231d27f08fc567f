/* The report's document builder (reports/doc.c): escaping in HTML and in
 * Markdown, a table written by both back ends, the attributes that make a
 * table sortable, filterable and folding, a block written to both; and the
 * report's one date format (rep_date_str). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "doc.h"
#include "report_int.h"
#include "report_page.h"

/* what f wrote, as a string */
static char *written(FILE *f) {
  fflush(f);
  long n = ftell(f);
  rewind(f);
  char *s = calloc(1, (size_t)n + 1);
  if (fread(s, 1, (size_t)n, f) != (size_t)n) s[0] = 0;
  fclose(f);
  return s;
}

static char *html_of(const char *text) {
  FILE *f = tmpfile();
  doc_html_text(f, text);
  return written(f);
}

static char *md_of(const char *text) {
  FILE *f = tmpfile();
  doc_md_text(f, text);
  return written(f);
}

#define EXPECT(got, want)                                          \
  do {                                                             \
    char *g_ = (got);                                              \
    CHECK(!strcmp(g_, (want)), "got [%s], want [%s]", g_, (want)); \
    free(g_);                                                      \
  } while (0)

#define CONTAINS(hay, needle) \
  CHECK(strstr((hay), (needle)) != NULL, "no [%s] in [%s]", (needle), (hay))

int main(void) {
  /* HTML: the five characters that matter, control characters dropped,
   * newlines and UTF-8 kept */
  EXPECT(html_of("<a href=\"x\">T&J's</a>"), "&lt;a href=&quot;x&quot;&gt;T&amp;J&#39;s&lt;/a&gt;");
  EXPECT(html_of("a\x01\x1b[31mb\nc"), "a[31mb\nc");
  EXPECT(html_of("f\u2032 \u2264 0.5"), "f\u2032 \u2264 0.5");
  EXPECT(html_of("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  /* Markdown: a cell stays one cell on one line, markup characters escaped */
  EXPECT(md_of("a|b"), "a\\|b");
  EXPECT(md_of("x*y `z` \\ w"), "x\\*y \\`z\\` \\\\ w");
  EXPECT(md_of("line\nnext\tcol"), "line next col");
  EXPECT(md_of("<b>bold</b> 1 < 2"), "\\<b>bold\\</b> 1 < 2");
  EXPECT(md_of("<!-- c -->"), "\\<!-- c -->");

  /* a table, both back ends */
  doc_table *t = doc_table_new(3, "name", "a|b", "x");
  t->sortable = 1;
  t->collapse = 1;
  t->id = "tbl";
  doc_table_filter(t, 0, "name");
  for (int i = 0; i < 4; i++) {
    doc_table_row(t);
    doc_cell *c = doc_table_cell(t, "code", i ? "plain" : "<em>");
    if (!i) c->link = "p.html";
    doc_table_num(t, "num", i == 2 ? "\u2014" : "2.5", i == 2 ? NAN : 2.5 + i);
    c = doc_table_cell(t, NULL, "z");
    c->sub = "under";
  }
  FILE *f = tmpfile();
  doc_table_md(f, t);
  char *m = written(f);
  CHECK(!strncmp(m, "| name | a\\|b | x |\n| --- | --- | --- |\n", 40), "[%s]", m);
  CONTAINS(m, "| [\\<em>](p.html) | 2.5 | z (under) |\n");
  CONTAINS(m, "| plain | \u2014 | z (under) |\n");
  int lines = 0;
  for (const char *p = m; *p; p++) lines += *p == '\n';
  CHECK(lines == 7, "%d lines (header, separator, 4 rows, a blank line)", lines);
  free(m);
  f = tmpfile();
  doc_table_html(f, t, "compact");
  char *h = written(f);
  CONTAINS(h, "<table id=\"tbl\" class=\"compact sortable\" data-collapse=\"1\">");
  CONTAINS(h, "<th data-filter=\"name\">name</th><th>a|b</th>");
  CONTAINS(h, "<td class=\"code\"><a href=\"p.html\">&lt;em&gt;</a></td>");
  CONTAINS(h, "<td class=\"num\" data-k=\"2.5\">2.5</td>");
  CONTAINS(h, "<td class=\"num\" data-k=\"\">\u2014</td>");
  CONTAINS(h, "<td>z<br><small>under</small></td>");
  CONTAINS(h, "<div class=\"scroll tall\">");
  free(h);
  /* a row whose last cell spans what is left; a cell that spans rows */
  doc_table *u = doc_table_new(3, "a", "b", "c");
  doc_table_row(u);
  doc_table_cell(u, NULL, "1")->rowspan = 2;
  doc_table_cell(u, NULL, "2");
  doc_table_cell(u, NULL, "3");
  doc_table_row(u);
  doc_table_covered(u);
  doc_table_cell(u, "muted", "all of it");
  f = tmpfile();
  doc_table_html(f, u, NULL);
  h = written(f);
  CONTAINS(h, "<tr><td rowspan=\"2\">1</td><td>2</td><td>3</td></tr>");
  CONTAINS(h, "<tr><td class=\"muted\" colspan=\"2\">all of it</td></tr>");
  free(h);
  f = tmpfile();
  doc_table_md(f, u);
  m = written(f);
  CONTAINS(m, "| 1 | 2 | 3 |\n|  | all of it |  |\n");
  free(m);

  /* a block, written once, in both */
  for (int md = 0; md < 2; md++) {
    f = tmpfile();
    doc_out d = {f, md};
    doc_h(&d, 2, "q", "Is it <safe>?");
    doc_p(&d, "note", "a | b");
    doc_details_begin(&d, "more & more", 0);
    doc_details_end(&d);
    const char *items[2] = {"one*", "two"};
    doc_list(&d, items, 2);
    char *o = written(f);
    if (md) {
      CHECK(!strcmp(o,
                    "## Is it \\<safe>?\n\na \\| b\n\n<details><summary>more & more</summary>\n\n"
                    "</details>\n\n- one\\*\n- two\n\n"),
            "[%s]", o);
    } else {
      CHECK(!strcmp(o,
                    "<h2 id=\"q\">Is it &lt;safe&gt;?</h2>\n<p class=\"note\">a | b</p>\n"
                    "<details><summary>more &amp; more</summary>\n</details>\n"
                    "<ul>\n<li>one*</li>\n<li>two</li>\n</ul>\n"),
            "[%s]", o);
    }
    free(o);
  }

  /* the script: sorting, filters, folding, from file:// with nothing fetched */
  CONTAINS(doc_script, "sortBy");
  CONTAINS(doc_script, "data-filter");
  CONTAINS(doc_script, "data-collapse");
  CHECK(!strstr(doc_script, "http"), "the script fetches nothing");
  CONTAINS(doc_style, "position:sticky");

  /* one date format, in UTC */
  const char *dt = rep_date_str("2026-12-06T04:57:50+00:00");
  CHECK(!strcmp(dt, "2026-12-06 04:57:50 UTC"), "%s", dt);
  dt = rep_date_str("2026-12-06T05:04:48Z");
  CHECK(!strcmp(dt, "2026-12-06 05:04:48 UTC"), "%s", dt);
  dt = rep_date_str("2026-12-06T06:04:48.123+01:00");
  CHECK(!strcmp(dt, "2026-12-06 05:04:48 UTC"), "%s", dt);
  dt = rep_date_str("2026-12-06T00:30:00-02:30");
  CHECK(!strcmp(dt, "2026-12-06 03:00:00 UTC"), "%s", dt);
  dt = rep_date_str("yesterday");
  CHECK(!strcmp(dt, "yesterday"), "%s", dt);
  rep_arena_free();
  return check_done();
}
