/* actbench accuracy: the statistics of one implementation in one direction
 * put in words and in JSON: the core, the tails as intervals of x, the
 * special-value failures by kind, the claim and the verdict against it
 * (docs/accuracy.md, "Core and tails" and "Claims"; docs/results.md). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "util.h"

const char *act_acc_tail_letters(const act_acc_stats *s, char *buf, size_t cap) {
  unsigned set = 0;
  for (int k = 0; k < ACT_MARKS; k++)
    if (k != ACT_MARK_EXCEEDS && s->marks[k].count) set |= 1u << k;
  act_tail_letters(set, buf, cap);
  if (!buf[0] && cap > 1) buf[0] = '-', buf[1] = '\0';
  return buf;
}

/* ---- text in a growing buffer */
typedef struct {
  char *s;
  size_t n, cap;
} sbuf;

static void __attribute__((format(printf, 2, 3))) sb_add(sbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (k < 0) return;
  if (b->n + (size_t)k + 1 > b->cap) {
    size_t cap = (b->n + (size_t)k + 1) * 2;
    char *s = realloc(b->s, cap);
    if (!s) act_die("out of memory");
    b->s = s, b->cap = cap;
  }
  va_start(ap, fmt);
  vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
  va_end(ap);
  b->n += (size_t)k;
}

/* x as people read it: five significant digits */
static const char *fx(char *buf, size_t cap, float x) {
  if (isinf(x))
    snprintf(buf, cap, x > 0 ? "inf" : "-inf");
  else if (x == 0)
    snprintf(buf, cap, signbit(x) ? "-0" : "0");
  else
    snprintf(buf, cap, "%.5g", (double)x);
  return buf;
}

/* "at x = v", "from x = hi down to lo", "from x = lo up to hi", "for x in [lo, hi]" */
static void sb_range(sbuf *b, const act_interval *v) {
  char l[32], h[32];
  fx(l, sizeof l, v->lo), fx(h, sizeof h, v->hi);
  if (v->lo == v->hi)
    sb_add(b, "at x = %s", l);
  else if (v->hi < 0)
    sb_add(b, "from x = %s down to %s", h, l);
  else if (v->lo > 0)
    sb_add(b, "from x = %s up to %s", l, h);
  else
    sb_add(b, "for x in [%s, %s]", l, h);
}

/* ulp with its note: "1.4", "2.1e+06 (0 for 1.7e-38)" */
static void sb_ulp(sbuf *b, double ulp, float got, float want, const act_format *fmt) {
  char note[96];
  act_ulp_note(note, sizeof note, ulp, got, want, fmt);
  sb_add(b, "%.3g", ulp);
  if (note[0]) sb_add(b, " (%s)", note);
}

/* the intervals of the sentence: the two with the most inputs, in order of x */
static int top_two(const act_interval *v, int n, int pick[2]) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (k < 2) {
      pick[k++] = i;
      continue;
    }
    int w = v[pick[0]].count <= v[pick[1]].count ? 0 : 1; /* the smaller of the two */
    if (v[i].count > v[pick[w]].count) pick[w] = i;
  }
  if (k == 2 && pick[0] > pick[1]) {
    int t = pick[0];
    pick[0] = pick[1], pick[1] = t;
  }
  return k;
}

static void sb_tail(sbuf *b, int kind, const act_marks *m, const act_format *fmt) {
  act_interval v[ACT_CELLS];
  int n = act_marks_intervals(m, v), pick[2];
  int k = top_two(v, n, pick);
  char g[48], w[48];
  for (int j = 0; j < k; j++) {
    const act_interval *p = &v[pick[j]];
    sb_add(b, "; ");
    switch (kind) {
      case ACT_MARK_FLUSH: {
        /* one-sided: "from x = -88.72 while the exact result stays
         * representable (subnormal) down to -103.97" */
        char l[32], h[32];
        fx(l, sizeof l, p->lo), fx(h, sizeof h, p->hi);
        if (p->lo != p->hi && p->hi < 0)
          sb_add(b,
                 "returns 0 from x = %s while the exact result stays representable "
                 "(subnormal) down to %s",
                 h, l);
        else if (p->lo != p->hi && p->lo > 0)
          sb_add(b,
                 "returns 0 from x = %s while the exact result stays representable "
                 "(subnormal) up to %s",
                 l, h);
        else {
          sb_add(b, "returns 0 ");
          sb_range(b, p);
          sb_add(b, " where the exact result is a subnormal float");
        }
        break;
      }
      case ACT_MARK_PREMATURE:
        sb_add(b, "returns %s ", act_fmt_short(g, sizeof g, p->ex_got));
        sb_range(b, p);
        sb_add(b, " while the exact result is a normal float");
        break;
      case ACT_MARK_NAN:
        sb_add(b, "returns NaN ");
        sb_range(b, p);
        break;
      case ACT_MARK_INF:
        sb_add(b, "returns %s ", act_fmt_short(g, sizeof g, p->ex_got));
        sb_range(b, p);
        sb_add(b, " (correctly rounded: %s)", act_fmt_short(w, sizeof w, p->ex_want));
        break;
      case ACT_MARK_FLUSHED_IN:
        sb_add(b, "treats subnormal x as 0 ");
        sb_range(b, p);
        break;
      case ACT_MARK_ZERO_SIGN:
        sb_add(b, "returns a zero of the wrong sign ");
        sb_range(b, p);
        break;
      case ACT_MARK_KINK:
        sb_add(b, "another convention at the kink ");
        sb_range(b, p);
        sb_add(b, ": %s (the references': %s)", act_fmt_short(g, sizeof g, p->ex_got),
               act_fmt_short(w, sizeof w, p->ex_want));
        break;
      default:
        break;
    }
    sb_add(b, " (%llu input%s%s)", (unsigned long long)p->count, p->count == 1 ? "" : "s",
           p->coalesced ? ", with others among them" : "");
  }
  if (n > k) sb_add(b, " (and %d more interval%s of this kind)", n - k, n - k == 1 ? "" : "s");
  (void)fmt;
}

char *act_acc_summary(const act_acc_stats *s, const act_format *fmt) {
  sbuf b = {0};
  if (s->core_finite) {
    sb_ulp(&b, s->core_max, s->core_max_got, s->core_max_want, fmt);
    sb_add(&b, " ulp wherever the result is a normal float%s",
           s->ctx.ftz ? " and x is not subnormal" : "");
  } else {
    sb_add(&b, "no input whose result is a normal float");
  }
  for (int i = 0; i < ACT_TAILS; i++)
    if (s->marks[act_tail_kind(i)].count)
      sb_tail(&b, act_tail_kind(i), &s->marks[act_tail_kind(i)], fmt);
  if (s->nan_in_fail)
    sb_add(&b, "; a number for %zu NaN input%s", s->nan_in_fail, s->nan_in_fail == 1 ? "" : "s");
  return b.s;
}

/* ---- JSON */
static json_t *jf(float v) {
  char b[32];
  return json_string(act_fmt_float(b, v));
}
static json_t *jh(float v) {
  char b[40];
  return json_string(act_fmt_hex(b, v));
}
static json_t *jnum(double v) {
  if (isnan(v)) return json_string("nan");
  if (isinf(v)) return json_string(v > 0 ? "inf" : "-inf");
  return json_real(v);
}

json_t *act_marks_json(const act_marks *m) {
  act_interval v[ACT_CELLS];
  int n = act_marks_intervals(m, v);
  json_t *a = json_array();
  for (int i = 0; i < n; i++) {
    const act_interval *p = &v[i];
    json_t *o = json_object();
    json_object_set_new(o, "lo", jf(p->lo));
    json_object_set_new(o, "hi", jf(p->hi));
    json_object_set_new(o, "lo_hex", jh(p->lo));
    json_object_set_new(o, "hi_hex", jh(p->hi));
    json_object_set_new(o, "count", json_integer((json_int_t)p->count));
    json_object_set_new(o, "example", jf(p->ex_x));
    json_object_set_new(o, "example_hex", jh(p->ex_x));
    json_object_set_new(o, "example_got", jf(p->ex_got));
    json_object_set_new(o, "example_want", jf(p->ex_want));
    json_object_set_new(o, "example_ulp", jnum(p->ex_err));
    json_object_set_new(o, "coalesced", json_boolean(p->coalesced));
    json_array_append_new(a, o);
  }
  return a;
}

/* one kind's entry: {kind, description, count, truncated, intervals} */
static json_t *kind_json(const act_marks *m, int kind) {
  json_t *o = json_object();
  json_object_set_new(o, "kind", json_string(act_mark_name(kind)));
  json_object_set_new(o, "description", json_string(act_mark_text(kind)));
  json_object_set_new(o, "count", json_integer((json_int_t)m->count));
  json_t *iv = act_marks_json(m);
  int trunc = 0;
  for (size_t i = 0; i < json_array_size(iv); i++)
    trunc |= json_is_true(json_object_get(json_array_get(iv, i), "coalesced"));
  json_object_set_new(o, "truncated", json_boolean(trunc));
  if (trunc) {
    char t[320];
    snprintf(t, sizeof t,
             "more runs than %d cells hold: cells of 2^%d consecutive inputs, neighbours "
             "joined; a coalesced interval may hold inputs without the mark; counts exact",
             ACT_CELLS, (int)m->level);
    json_object_set_new(o, "note", json_string(t));
  }
  json_object_set_new(o, "intervals", iv);
  return o;
}

json_t *act_acc_tails_json(const act_acc_stats *s) {
  json_t *a = json_array();
  for (int i = 0; i < ACT_TAILS; i++)
    if (s->marks[act_tail_kind(i)].count)
      json_array_append_new(a, kind_json(&s->marks[act_tail_kind(i)], act_tail_kind(i)));
  return a;
}

json_t *act_acc_special_kinds_json(const act_acc_stats *s) {
  return json_pack("{s:I, s:I, s:I, s:I, s:I}", "nan_for_number",
                   (json_int_t)s->marks[ACT_MARK_NAN].count, "number_for_nan",
                   (json_int_t)s->nan_in_fail, "wrong_infinity",
                   (json_int_t)s->marks[ACT_MARK_INF].count, "zero_sign",
                   (json_int_t)s->marks[ACT_MARK_ZERO_SIGN].count, "flushed_input",
                   (json_int_t)s->marks[ACT_MARK_FLUSHED_IN].count);
}

json_t *act_acc_core_json(const act_acc_stats *s, const act_format *fmt) {
  json_t *o = json_object();
  char note[96];
  json_object_set_new(o, "inputs", json_integer((json_int_t)s->core_inputs));
  json_object_set_new(o, "measured", json_integer((json_int_t)s->core_finite));
  json_object_set_new(o, "special_failures",
                      json_integer((json_int_t)(s->core_inputs - s->core_finite)));
  json_object_set_new(o, "least_normal", json_real(act_least_normal(fmt)));
  json_object_set_new(o, "max_ulp", jnum(s->core_max < 0 ? 0 : s->core_max));
  json_object_set_new(o, "mean_ulp", jnum(act_acc_core_mean(s)));
  json_object_set_new(o, "max_ulp_x", jf(s->core_max_x));
  json_object_set_new(o, "max_ulp_x_hex", jh(s->core_max_x));
  json_object_set_new(o, "max_ulp_got", jf(s->core_max_got));
  json_object_set_new(o, "max_ulp_want", jf(s->core_max_want));
  act_ulp_note(note, sizeof note, s->core_max, s->core_max_got, s->core_max_want, fmt);
  json_object_set_new(o, "max_ulp_note", note[0] ? json_string(note) : json_null());
  json_object_set_new(o, "subnormal_inputs_excluded", json_boolean(s->ctx.ftz));
  return o;
}

/* whose claim: ours, a peer's documented bound, a plugin's */
static const char *claim_source(const act_impl *m) {
  int c = act_impl_class(m);
  return c == ACT_IMPL_OURS ? "exhaustive" : c == ACT_IMPL_PEER ? "documented" : "plugin";
}

json_t *act_acc_claim_json(const act_impl *m, double claim) {
  json_t *o = json_object();
  json_object_set_new(o, "bound", isnan(claim) ? json_null() : json_real(claim));
  json_object_set_new(o, "source", json_string(claim_source(m)));
  const act_impl_table *t = act_impl_peer_table(m);
  char ref[512];
  switch (act_impl_class(m)) {
    case ACT_IMPL_OURS:
      snprintf(ref, sizeof ref,
               "our claim (impls/registry.c): the maximum we measured, rounded up; how it "
               "was measured is stated beside the entry");
      break;
    case ACT_IMPL_PEER:
      snprintf(ref, sizeof ref, "%s",
               t && t->claims_doc ? t->claims_doc : "the library documents no bound");
      break;
    default:
      snprintf(ref, sizeof ref, "stated by the plugin (origin %s)",
               m->origin ? m->origin : "not stated");
      break;
  }
  json_object_set_new(o, "reference", json_string(ref));
  return o;
}

char *act_acc_verdict_text(const act_acc_stats *s, const act_impl *m) {
  return act_acc_verdict_text_cls(s, act_impl_class(m));
}

char *act_acc_verdict_text_cls(const act_acc_stats *s, int cls) {
  sbuf b = {0};
  const char *noun = cls == ACT_IMPL_PEER ? "documented bound" : "claim";
  int v = act_acc_verdict(s);
  if (v < 0) {
    sb_add(&b, cls == ACT_IMPL_PEER ? "no documented bound" : "no claim");
    return b.s;
  }
  char c[32];
  snprintf(c, sizeof c, "%g", s->ctx.claim);
  if (v == 0) {
    sb_add(&b, "within its %s (%s ulp)", noun, c);
    return b.s;
  }
  uint64_t n = act_acc_exceeding(s), nerr = s->marks[ACT_MARK_EXCEEDS].count;
  sb_add(&b, "exceeds its %s (%s ulp)", noun, c);
  if (s->max_ulp > s->ctx.claim)
    sb_add(&b, " by %.3g ulp (max %.9g)", s->max_ulp - s->ctx.claim, s->max_ulp);
  sb_add(&b, " on %llu input%s", (unsigned long long)n, n == 1 ? "" : "s");
  act_interval iv[ACT_CELLS];
  int k = act_marks_intervals(&s->marks[ACT_MARK_EXCEEDS], iv);
  if (nerr && k) {
    sb_add(&b, ": x in ");
    char l[32], h[32];
    int show = k < 4 ? k : 3;
    for (int i = 0; i < show; i++) {
      if (iv[i].lo == iv[i].hi)
        sb_add(&b, "%s{%s}", i ? ", " : "", fx(l, sizeof l, iv[i].lo));
      else
        sb_add(&b, "%s[%s, %s]", i ? ", " : "", fx(l, sizeof l, iv[i].lo),
               fx(h, sizeof h, iv[i].hi));
    }
    if (k > show) sb_add(&b, " and %d more interval%s", k - show, k - show == 1 ? "" : "s");
  }
  if (n > nerr)
    sb_add(&b, "%s%llu NaN input%s giving a number", nerr ? "; " : ": ",
           (unsigned long long)(n - nerr), n - nerr == 1 ? "" : "s");
  return b.s;
}

json_t *act_acc_verdict_json(const act_acc_stats *s, const act_impl *m) {
  json_t *o = json_object();
  int v = act_acc_verdict(s);
  json_object_set_new(o, "status", json_string(v < 0 ? "none" : v ? "exceeds" : "within"));
  char *t = act_acc_verdict_text(s, m);
  json_object_set_new(o, "text", json_string(t));
  free(t);
  json_object_set_new(
      o, "by",
      v == 1 && s->max_ulp > s->ctx.claim ? json_real(s->max_ulp - s->ctx.claim) : json_null());
  json_object_set_new(o, "count", json_integer((json_int_t)act_acc_exceeding(s)));
  json_object_set_new(o, "where", act_marks_json(&s->marks[ACT_MARK_EXCEEDS]));
  return o;
}

const char *act_acc_verdict_short(const act_acc_stats *s, const act_impl *m, char *buf,
                                  size_t cap) {
  int v = act_acc_verdict(s);
  int peer = act_impl_class(m) == ACT_IMPL_PEER;
  if (v < 0)
    snprintf(buf, cap, peer ? "no documented bound" : "no claim");
  else
    snprintf(buf, cap, "%s %s (%g)", v ? "EXCEEDS" : "within", peer ? "bound" : "claim",
             s->ctx.claim);
  return buf;
}
