/* actbench report: the document builder (doc.h). */
#include "doc.h"

#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "report_int.h"

/* ---- escaping */

void doc_html_text(FILE *f, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
      case '&':
        fputs("&amp;", f);
        break;
      case '<':
        fputs("&lt;", f);
        break;
      case '>':
        fputs("&gt;", f);
        break;
      case '"':
        fputs("&quot;", f);
        break;
      case '\'':
        fputs("&#39;", f);
        break;
      default:
        if ((unsigned char)*s >= 0x20 || *s == '\n') fputc(*s, f);
    }
  }
}

void doc_md_text(FILE *f, const char *s) {
  for (; s && *s; s++) {
    if (*s == '\n' || *s == '\r' || *s == '\t') {
      fputc(' ', f);
      continue;
    }
    if ((unsigned char)*s < 0x20) continue;
    /* '<' starts markup only before a letter, '/', '!' or '?' */
    if (strchr("\\|*`", *s) || (*s == '<' && (isalpha((unsigned char)s[1]) || strchr("/!?", s[1]))))
      fputc('\\', f);
    fputc(*s, f);
  }
}

/* ---- tables */

doc_table *doc_table_new_v(size_t ncols, const char **head) {
  doc_table *t = rep_alloc(sizeof *t);
  t->ncols = ncols;
  t->head = head;
  t->head_tip = rep_alloc((ncols + 1) * sizeof *t->head_tip);
  t->filter = rep_alloc((ncols + 1) * sizeof *t->filter);
  return t;
}

doc_table *doc_table_new(size_t ncols, ...) {
  const char **head = rep_alloc((ncols + 1) * sizeof *head);
  va_list ap;
  va_start(ap, ncols);
  for (size_t i = 0; i < ncols; i++) head[i] = va_arg(ap, const char *);
  va_end(ap);
  return doc_table_new_v(ncols, head);
}

void doc_table_row(doc_table *t) {
  t->rows = rep_grow(t->rows, &t->cap, t->nrows, sizeof *t->rows);
  memset(&t->rows[t->nrows++], 0, sizeof(doc_row));
}

doc_cell *doc_table_cell(doc_table *t, const char *cls, const char *text) {
  doc_row *r = &t->rows[t->nrows - 1];
  r->cells = rep_grow(r->cells, &r->cap, r->n, sizeof *r->cells);
  doc_cell *c = &r->cells[r->n++];
  memset(c, 0, sizeof *c);
  c->text = text ? text : "";
  c->cls = cls;
  c->key = NAN;
  return c;
}

doc_cell *doc_table_num(doc_table *t, const char *cls, const char *text, double key) {
  doc_cell *c = doc_table_cell(t, cls, text);
  c->key = key;
  c->has_key = 1;
  return c;
}

void doc_table_covered(doc_table *t) {
  doc_table_cell(t, NULL, "")->covered = 1;
}

void doc_table_filter(doc_table *t, size_t col, const char *name) {
  if (col < t->ncols) t->filter[col] = name;
}

static void attr(FILE *f, const char *name, const char *value) {
  fprintf(f, " %s=\"", name);
  doc_html_text(f, value);
  fputc('"', f);
}

/* A row's last cell spans the columns left. */
void doc_table_html(FILE *f, const doc_table *t, const char *cls) {
  int tall = t->sortable || t->collapse;
  fprintf(f, "<div class=\"scroll%s\">", tall ? " tall" : "");
  fputs("<table", f);
  if (t->id) attr(f, "id", t->id);
  const char *c = cls ? cls : "";
  if (t->sortable) c = rep_printf("%s%ssortable", c, *c ? " " : "");
  if (*c) attr(f, "class", c);
  if (t->collapse && t->nrows > t->collapse + 2) fprintf(f, " data-collapse=\"%zu\"", t->collapse);
  fputs(">\n<thead><tr>", f);
  for (size_t i = 0; i < t->ncols; i++) {
    fputs("<th", f);
    if (t->head_tip[i]) attr(f, "title", t->head_tip[i]);
    if (t->filter[i]) attr(f, "data-filter", t->filter[i]);
    fputc('>', f);
    doc_html_text(f, t->head[i]);
    fputs("</th>", f);
  }
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t r = 0; r < t->nrows; r++) {
    const doc_row *w = &t->rows[r];
    fputs("<tr", f);
    if (w->cls) attr(f, "class", w->cls);
    fputc('>', f);
    for (size_t i = 0; i < w->n; i++) {
      const doc_cell *ce = &w->cells[i];
      if (ce->covered) continue;
      fputs("<td", f);
      if (ce->cls) attr(f, "class", ce->cls);
      if (ce->tip) attr(f, "title", ce->tip);
      if (ce->has_key) {
        if (isnan(ce->key))
          fputs(" data-k=\"\"", f);
        else
          fprintf(f, " data-k=\"%.9g\"", isinf(ce->key) ? (ce->key > 0 ? 1e308 : -1e308) : ce->key);
      }
      if (ce->rowspan > 1) fprintf(f, " rowspan=\"%d\"", ce->rowspan);
      if (i + 1 == w->n && w->n < t->ncols) fprintf(f, " colspan=\"%zu\"", t->ncols - i);
      fputc('>', f);
      if (ce->link) {
        fputs("<a href=\"", f);
        doc_html_text(f, ce->link);
        fputs("\">", f);
      }
      doc_html_text(f, ce->text);
      if (ce->link) fputs("</a>", f);
      if (ce->sub) {
        fputs("<br><small>", f);
        doc_html_text(f, ce->sub);
        fputs("</small>", f);
      }
      fputs("</td>", f);
    }
    fputs("</tr>\n", f);
  }
  fputs("</tbody></table></div>\n", f);
}

void doc_table_md(FILE *f, const doc_table *t) {
  fputc('|', f);
  for (size_t i = 0; i < t->ncols; i++) {
    fputc(' ', f);
    doc_md_text(f, t->head[i]);
    fputs(" |", f);
  }
  fputs("\n|", f);
  for (size_t i = 0; i < t->ncols; i++) fputs(" --- |", f);
  fputc('\n', f);
  for (size_t r = 0; r < t->nrows; r++) {
    const doc_row *w = &t->rows[r];
    fputc('|', f);
    for (size_t i = 0; i < t->ncols; i++) {
      fputc(' ', f);
      if (i < w->n) {
        const doc_cell *c = &w->cells[i];
        if (c->covered) {
          fputs(" |", f);
          continue;
        }
        int strong = c->cls && (strstr(c->cls, "best") || strstr(c->cls, "group"));
        if (strong) fputs("**", f);
        if (c->link) fputc('[', f);
        doc_md_text(f, c->text);
        if (c->link) fprintf(f, "](%s)", c->link);
        if (c->sub) {
          fputs(" (", f);
          doc_md_text(f, c->sub);
          fputc(')', f);
        }
        if (strong) fputs("**", f);
      }
      fputs(" |", f);
    }
    fputc('\n', f);
  }
  fputc('\n', f);
}

/* ---- blocks */

void doc_h(doc_out *d, int level, const char *id, const char *text) {
  if (d->md) {
    for (int i = 0; i < level; i++) fputc('#', d->f);
    fputc(' ', d->f);
    doc_md_text(d->f, text);
    fputs("\n\n", d->f);
    return;
  }
  fprintf(d->f, "<h%d", level);
  if (id) attr(d->f, "id", id);
  fputc('>', d->f);
  doc_html_text(d->f, text);
  fprintf(d->f, "</h%d>\n", level);
}

void doc_p(doc_out *d, const char *cls, const char *text) {
  if (d->md) {
    doc_md_text(d->f, text);
    fputs("\n\n", d->f);
    return;
  }
  fputs("<p", d->f);
  if (cls) attr(d->f, "class", cls);
  fputc('>', d->f);
  doc_html_text(d->f, text);
  fputs("</p>\n", d->f);
}

void doc_p_raw(doc_out *d, const char *html, const char *md_text) {
  if (d->md) {
    fputs(md_text, d->f);
    fputs("\n\n", d->f);
  } else {
    fputs(html, d->f);
    fputc('\n', d->f);
  }
}

void doc_table_out(doc_out *d, const doc_table *t, const char *cls) {
  if (d->md)
    doc_table_md(d->f, t);
  else
    doc_table_html(d->f, t, cls);
}

void doc_details_begin(doc_out *d, const char *summary, int open) {
  fprintf(d->f, "<details%s><summary>", open ? " open" : "");
  if (d->md)
    doc_md_text(d->f, summary);
  else
    doc_html_text(d->f, summary);
  fputs(d->md ? "</summary>\n\n" : "</summary>\n", d->f);
}

void doc_details_end(doc_out *d) {
  fputs(d->md ? "</details>\n\n" : "</details>\n", d->f);
}

void doc_list(doc_out *d, const char *const *items, size_t n) {
  if (!n) return;
  if (!d->md) fputs("<ul>\n", d->f);
  for (size_t i = 0; i < n; i++) {
    fputs(d->md ? "- " : "<li>", d->f);
    if (d->md)
      doc_md_text(d->f, items[i]);
    else
      doc_html_text(d->f, items[i]);
    fputs(d->md ? "\n" : "</li>\n", d->f);
  }
  fputs(d->md ? "\n" : "</ul>\n", d->f);
}

/* ---- what every page carries inline */

const char *const doc_style =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;"
    "max-width:1320px;padding:1em 1.5em;color:#1d1d1f;line-height:1.45}\n"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}\n"
    "h3{margin-top:1.2em}\n"
    "table{border-collapse:separate;border-spacing:0;font-size:.86em;margin:.5em 0 1em}\n"
    "th,td{border:1px solid #d0d0d0;border-width:0 1px 1px 0;padding:.25em .5em;"
    "vertical-align:top;text-align:left}\n"
    "tr>:first-child{border-left-width:1px}thead th{border-top-width:1px}\n"
    "th{background:#f2f4f7;position:sticky;top:0;z-index:1}"
    "tr:nth-child(even) td{background:#fafbfc}\n"
    "table.sortable th{cursor:pointer;user-select:none}"
    "table.sortable th[aria-sort=ascending]::after{content:' \\25B2'}"
    "table.sortable th[aria-sort=descending]::after{content:' \\25BC'}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "td.code,span.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95em}\n"
    "td.ok{color:#0a6b2b}td.bad{color:#b00020;font-weight:600}td.muted,span.muted{color:#777}\n"
    "td.best{font-weight:700}td small{color:#666}\n"
    ".scroll{overflow-x:auto}.scroll.tall{max-height:80vh;overflow:auto}\n"
    "figure{margin:1em 0 1.5em}figure img{max-width:100%;height:auto;border:1px solid #e4e4e4}\n"
    "figcaption{font-size:.88em;color:#444;max-width:1100px}\n"
    "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;background:#f4f4f4;"
    "padding:0 .2em}\n"
    "details{margin:.3em 0}summary{cursor:pointer}details.sec>summary{font-size:1.15em;"
    "font-weight:600;margin:.6em 0}\n"
    "nav a{margin-right:.8em}.note{color:#555;font-size:.9em}\n"
    "td.group{background:#e8edf4;font-weight:600}p.group{font-weight:600;margin:.8em 0 .2em}\n"
    "ul.acts{columns:2;margin-top:.2em}\n"
    "div.ctx{font-size:.85em;background:#f6f8fa;border:1px solid #e1e4e8;padding:.4em .8em;"
    "margin:.6em 0 1em}div.ctx details{margin:0}\n"
    "span.warn{color:#9a3412;font-weight:bold}\n"
    "figcaption small{display:block;color:#555;margin-top:.2em}\n"
    "nav.toc{font-size:.92em;margin:.4em 0}\n"
    "td a{color:inherit}table.compact{font-size:.8em}table.compact th{font-size:.95em}"
    "table.compact td{white-space:nowrap}\n"
    "div.filters{font-size:.85em;margin:.3em 0}div.filters select{margin-right:.6em}\n"
    "button.more{font-size:.85em;margin:-.6em 0 1em}\n"
    "dl.qa dt{font-weight:600;margin-top:.5em}dl.qa dd{margin:.1em 0 .3em 1.2em}\n"
    "dl.tokens{display:grid;grid-template-columns:max-content 1fr;gap:.1em .8em;font-size:.85em;"
    "margin:.3em 0}dl.tokens dt{font-family:ui-monospace,Menlo,Consolas,monospace}"
    "dl.tokens dd{margin:0}\n"
    "span.mark{font-weight:700;color:#b00020}td.cell-ok{background:#eef7ee !important}"
    "td.cell-warn{background:#fff4e0 !important}td.cell-bad{background:#fde8e8 !important}\n";

/* Sorting: a click on a heading orders the rows by that column (a number
 * where the cell has data-k or starts with one, else the text; empty cells
 * last), a second click reverses.  Filters: a select per heading with
 * data-filter.  Folding: rows beyond data-collapse hidden until "show all". */
const char *const doc_script =
    "(function(){\n"
    "function val(td){if(!td)return null;var k=td.getAttribute('data-k');"
    "if(k!==null)return k===''?null:parseFloat(k);"
    "var t=td.textContent.trim();if(t===''||t==='\\u2014'||t==='-')return null;"
    "var m=t.match(/^[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?/i);"
    "if(m)return parseFloat(m[0]);if(/^inf/i.test(t))return Infinity;return t.toLowerCase();}\n"
    "function cmp(a,b){if(a===null&&b===null)return 0;if(a===null)return 1;if(b===null)return -1;"
    "if(typeof a===typeof b)return a<b?-1:a>b?1:0;return typeof a==='number'?-1:1;}\n"
    "function apply(t){var rows=t.tBodies[0].rows,n=parseInt(t.getAttribute('data-collapse')||'0'),"
    "open=t.classList.contains('expanded'),shown=0,match=0;var sel=t._filters||[];"
    "for(var i=0;i<rows.length;i++){var r=rows[i],ok=true;for(var j=0;j<sel.length;j++){"
    "var s=sel[j];if(s.value!==''){var "
    "c=r.cells[s._col];if(!c||c.textContent.trim()!==s.value)ok=false;}}"
    "if(ok){match++;if(n&&!open&&shown>=n)ok=false;}r.style.display=ok?'':'none';if(ok)shown++;}"
    "var b=t._more;if(b){b.style.display=n&&match>n?'':'none';"
    "b.textContent=open?'show the first '+n+' rows':'show all '+match+' rows';}}\n"
    "function sortBy(t,col){var "
    "th=t.tHead.rows[0].cells[col],asc=th.getAttribute('aria-sort')!=='ascending';"
    "for(var "
    "i=0;i<t.tHead.rows[0].cells.length;i++)t.tHead.rows[0].cells[i].removeAttribute('aria-sort');"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');var body=t.tBodies[0];"
    "var rows=Array.prototype.slice.call(body.rows);"
    "rows.forEach(function(r,i){r._i=i;});"
    "rows.sort(function(a,b){var c=cmp(val(a.cells[col]),val(b.cells[col]));"
    "if(!asc&&val(a.cells[col])!==null&&val(b.cells[col])!==null)c=-c;return c||a._i-b._i;});"
    "rows.forEach(function(r){body.appendChild(r);});apply(t);}\n"
    "document.querySelectorAll('table.sortable, table[data-collapse]').forEach(function(t){"
    "var hs=t.tHead?t.tHead.rows[0].cells:[];t._filters=[];var box=null;"
    "for(var i=0;i<hs.length;i++){(function(i){var h=hs[i];"
    "if(t.classList.contains('sortable'))h.addEventListener('click',function(){sortBy(t,i);});"
    "var f=h.getAttribute('data-filter');if(!f)return;var vals={};"
    "for(var r=0;r<t.tBodies[0].rows.length;r++){var c=t.tBodies[0].rows[r].cells[i];"
    "if(c)vals[c.textContent.trim()]=1;}var keys=Object.keys(vals).sort();if(keys.length<2)return;"
    "if(!box){box=document.createElement('div');box.className='filters';box.textContent='show: ';"
    "t.parentNode.parentNode.insertBefore(box,t.parentNode);}"
    "var s=document.createElement('select');s._col=i;s.setAttribute('aria-label',f);"
    "var o=document.createElement('option');o.value='';o.textContent='every '+f;s.appendChild(o);"
    "keys.forEach(function(k){var o=document.createElement('option');o.value=k;o.textContent=k;"
    "s.appendChild(o);});s.addEventListener('change',function(){apply(t);});box.appendChild(s);"
    "t._filters.push(s);})(i);}"
    "if(t.getAttribute('data-collapse')){var b=document.createElement('button');b.className='more';"
    "b.type='button';b.addEventListener('click',function(){t.classList.toggle('expanded');apply(t);"
    "});"
    "t.parentNode.parentNode.insertBefore(b,t.parentNode.nextSibling);t._more=b;}"
    "apply(t);});\n"
    "function openHash(){var e=location.hash&&document.getElementById(location.hash.slice(1));"
    "for(;e;e=e.parentElement)if(e.tagName==='DETAILS')e.open=true;}\n"
    "window.addEventListener('hashchange',openHash);openHash();\n"
    "})();\n";
