/* actbench: the results files, read (results.h).  One reader per kind of
 * file; every member read is checked, and a file that lacks one ends the run
 * with one line naming the file, where in it, and what is wrong. */
#include "results.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "arena.h"
#include "marks.h"
#include "numerics.h"
#include "registry.h"
#include "util.h"

/* ---- the module's memory: every allocation of the readers, released by
 * act_res_release (blocks chained from a global: reachable until then) */

static act_arena arena;

static void *res_alloc(size_t bytes) {
  return act_arena_alloc(&arena, bytes, "results");
}

static void *res_grow(void *p, size_t *cap, size_t have, size_t elem) {
  return act_arena_grow(&arena, p, cap, have, elem, "results");
}

static char *res_strdup(const char *s) {
  return act_arena_strdup(&arena, s, "results");
}

static char *res_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *res_printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = act_arena_vprintf(&arena, "results", fmt, ap);
  va_end(ap);
  return s;
}

/* the documents read, released with the rest */
static json_t **docs;
static size_t ndocs, docs_cap;

static void keep_doc(json_t *doc) {
  for (size_t k = 0; k < ndocs; k++)
    if (docs[k] == doc) return; /* act_res_kind kept it already */
  docs = res_grow(docs, &docs_cap, ndocs, sizeof *docs);
  docs[ndocs++] = doc;
}

void act_res_release(void) {
  for (size_t i = 0; i < ndocs; i++) json_decref(docs[i]);
  docs = NULL;
  ndocs = docs_cap = 0;
  act_arena_free(&arena);
}

/* ---- checked access to members */

static const char *cur_file; /* the file being read, for messages */

static _Noreturn void __attribute__((format(printf, 2, 3)))
bad(const char *where, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (where && *where) act_die("%s: %s: %s", cur_file, where, msg);
  act_die("%s: %s", cur_file, msg);
}

static const char *type_name(const json_t *v) {
  switch (json_typeof(v)) {
    case JSON_OBJECT:
      return "an object";
    case JSON_ARRAY:
      return "an array";
    case JSON_STRING:
      return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
      return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
      return "a boolean";
    default:
      return "null";
  }
}

/* A required member (null counts as present). */
static json_t *mem(const json_t *obj, const char *where, const char *key) {
  json_t *v = json_object_get(obj, key);
  if (!v) bad(where, "missing member \"%s\"", key);
  return v;
}

static json_t *get_obj(const json_t *obj, const char *where, const char *key) {
  json_t *v = mem(obj, where, key);
  if (!json_is_object(v)) bad(where, "member \"%s\" is %s, not an object", key, type_name(v));
  return v;
}

static json_t *get_arr(const json_t *obj, const char *where, const char *key) {
  json_t *v = mem(obj, where, key);
  if (!json_is_array(v)) bad(where, "member \"%s\" is %s, not an array", key, type_name(v));
  return v;
}

/* A string member; optional ones may be missing or null (NULL back). */
static const char *get_str(const json_t *obj, const char *where, const char *key, int optional) {
  json_t *v = json_object_get(obj, key);
  if ((!v || json_is_null(v)) && optional) return NULL;
  if (!v) bad(where, "missing member \"%s\"", key);
  if (!json_is_string(v)) bad(where, "member \"%s\" is %s, not a string", key, type_name(v));
  return json_string_value(v);
}

double act_res_num(const char *s) {
  if (!s) return NAN;
  while (isspace((unsigned char)*s)) s++;
  const char *t = s + (*s == '+' || *s == '-');
  if (!strcasecmp(t, "nan")) return NAN;
  if (!strcasecmp(t, "inf") || !strcasecmp(t, "infinity")) return *s == '-' ? -INFINITY : INFINITY;
  char *end;
  double d = strtod(s, &end);
  if (end == s) return NAN;
  while (isspace((unsigned char)*end)) end++;
  return *end ? NAN : d;
}

/* A value that is a number, or a number written as a string ("%.9g", "nan",
 * "inf"); null gives NAN where allowed. */
static double num_value(const json_t *v, const char *where, const char *what, int null_ok) {
  if (json_is_number(v)) return json_number_value(v);
  if (json_is_null(v) && null_ok) return NAN;
  if (json_is_string(v)) {
    const char *s = json_string_value(v);
    double d = act_res_num(s);
    if (!isnan(d) || !strcasecmp(s + (*s == '-' || *s == '+'), "nan")) return d;
    bad(where, "%s is \"%.40s\", not a number", what, s);
  }
  bad(where, "%s is %s, not a number", what, type_name(v));
}

static double get_num(const json_t *obj, const char *where, const char *key, int null_ok) {
  char what[80];
  snprintf(what, sizeof what, "member \"%s\"", key);
  return num_value(mem(obj, where, key), where, what, null_ok);
}

/* A number that may be missing or null (NAN then). */
static double get_num_opt(const json_t *obj, const char *where, const char *key) {
  json_t *v = json_object_get(obj, key);
  if (!v) return NAN;
  char what[80];
  snprintf(what, sizeof what, "member \"%s\"", key);
  return num_value(v, where, what, 1);
}

/* ---- ranges (docs/results.md, "Validation"): what a number may be */
enum {
  R_NULL = 1, /* null (or, for an optional member, absence) allowed: NAN */
  R_INF = 2,  /* +inf allowed ("inf"): a ULP error or an error size that overflowed */
  R_FRAC = 4, /* a fraction: in [0, 1] */
  R_INT = 8,  /* a whole number (a count) */
  R_SIGN = 16 /* any sign (a position, a signed difference): only finiteness checked */
};

/* v, a number of a results file that must be >= 0 (or, R_SIGN, of any
 * sign) and finite unless flags allow null or +inf; a "nan" string is
 * never a value */
static double range_value(const json_t *v, const char *where, const char *what, int flags) {
  if (json_is_null(v)) {
    if (flags & R_NULL) return NAN;
    bad(where, "%s is null, not a number", what);
  }
  double d = num_value(v, where, what, 0);
  if (isnan(d)) bad(where, "%s is \"nan\", not a number", what);
  if (isinf(d) && !((flags & R_INF) && (d > 0 || (flags & R_SIGN))))
    bad(where, "%s is %s, not a finite number", what, d > 0 ? "inf" : "-inf");
  if (!(flags & R_SIGN) && d < 0) bad(where, "%s is %.9g, negative", what, d);
  if ((flags & R_FRAC) && d > 1 + 1e-9) bad(where, "%s is %.9g, not a fraction in [0, 1]", what, d);
  if ((flags & R_INT) && isfinite(d) && d != floor(d))
    bad(where, "%s is %.9g, not a whole number", what, d);
  return d;
}

/* a required member in range (flags as range_value) */
static double get_range(const json_t *obj, const char *where, const char *key, int flags) {
  char what[80];
  snprintf(what, sizeof what, "member \"%s\"", key);
  return range_value(mem(obj, where, key), where, what, flags);
}

/* an optional one: absent gives NAN (null too, with R_NULL) */
static double get_range_opt(const json_t *obj, const char *where, const char *key, int flags) {
  json_t *v = json_object_get(obj, key);
  if (!v) return NAN;
  char what[80];
  snprintf(what, sizeof what, "member \"%s\"", key);
  return range_value(v, where, what, flags);
}

/* the caps on the sizes of what a results file holds: what actbench itself
 * writes at most (docs/results.md, "Validation") */
#define CAP_BINS 100000    /* accuracy --bins */
#define CAP_CURVE 1000000  /* saturation --points */
#define CAP_PATH 2001      /* zerocenter: PATH_POINTS, and the last point */
#define CAP_ARRAY 10000000 /* any other array */

static void cap_size(size_t n, size_t cap, const char *where, const char *what) {
  if (n > cap) bad(where, "%s has %zu values, more than actbench writes (%zu)", what, n, cap);
}

/* an activation name: one of the registry's (speed.json's baselines:
 * "memory") */
static void known_activation(const char *name, const char *where, int memory_ok) {
  if (act_find_activation(name)) return;
  if (memory_ok && !strcmp(name, "memory")) return;
  bad(where, "unknown activation \"%.60s\"", name);
}

/* an implementation the file says is ours (origin "actbench"): named as
 * ours are, "<activation>.<isa>.<algorithm>", of the activation it is listed
 * under.  Not looked up in the registry: kernels are renamed and removed
 * over time and files of every age are read (tests/data's fixtures hold
 * sigmoid.avx2.rr2-p5-div, since renamed).  Peers' and plugins' names are
 * not checked: a file is read by builds without that peer or plugin. */
static void known_impl(const char *name, const char *origin, const char *activation,
                       const char *where) {
  if (!origin || strcmp(origin, "actbench")) return;
  if (!strncmp(name, "memory.", 7) && (!activation || !strcmp(activation, "memory")))
    return; /* a memory baseline (older files: origin "actbench") */
  const char *d1 = strchr(name, '.'), *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
  size_t la = d1 ? (size_t)(d1 - name) : 0;
  if (!d2 || d2 == d1 + 1 || !d2[1] || strlen(name) > 128)
    bad(where, "\"%.60s\" is not the name of an implementation of ours (activation.isa.algorithm)",
        name);
  if (activation && (strlen(activation) != la || strncmp(name, activation, la)))
    bad(where, "implementation \"%.60s\" of ours is not of %.40s", name, activation);
  char act[64];
  snprintf(act, sizeof act, "%.*s", (int)(la < 63 ? la : 63), name);
  if (!act_find_activation(act)) bad(where, "implementation \"%.60s\": unknown activation", name);
}

/* A boolean member; dflt >= 0 is used when it is missing. */
static int get_bool(const json_t *obj, const char *where, const char *key, int dflt) {
  json_t *v = json_object_get(obj, key);
  if (!v && dflt >= 0) return dflt;
  if (!v) bad(where, "missing member \"%s\"", key);
  if (!json_is_boolean(v)) bad(where, "member \"%s\" is %s, not a boolean", key, type_name(v));
  return json_is_true(v);
}

/* An x value as written: a string, a number (formatted), or null -> NULL. */
static const char *xstr_value(const json_t *v, const char *where, const char *what) {
  if (json_is_null(v)) return NULL;
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_number(v)) return res_printf("%.9g", json_number_value(v));
  bad(where, "%s is %s, not a string", what, type_name(v));
}

static act_res_pair get_pair(const json_t *obj, const char *where, const char *key) {
  json_t *o = get_obj(obj, where, key);
  char what[80];
  act_res_pair p;
  snprintf(what, sizeof what, "\"%s\".neg", key);
  p.neg = xstr_value(mem(o, where, "neg"), where, what);
  snprintf(what, sizeof what, "\"%s\".pos", key);
  p.pos = xstr_value(mem(o, where, "pos"), where, what);
  return p;
}

/* ---- activations: the union over the files */

/* Files written before every implementation of ours said "actbench" gave
 * the scalar kernels that call libm (*.scalar.naive, some *.scalar.stable)
 * origin "libm", and glibc's vector math library's kernels too: the first
 * are ours, the second the library libmvec. */
static const char *norm_origin(const char *name, const char *origin) {
  if (!origin || strcmp(origin, "libm")) return origin;
  return strstr(name, ".scalar.") ? "actbench" : "libmvec";
}

/* What a file may say about an activation besides the measurements. */
static void describe(act_res_act *a, const char *name, const json_t *o, const char *w) {
  a->name = name;
  a->formula = get_str(o, w, "formula", 1);
  a->dformula = get_str(o, w, "dformula", 1);
  a->kink_note = get_str(o, w, "kink_note", 1);
  json_t *p = json_object_get(o, "params");
  if (!json_is_object(p)) return;
  a->params = res_alloc((json_object_size(p) + 1) * sizeof *a->params);
  const char *key;
  json_t *v;
  json_object_foreach(p, key, v) {
    act_res_param *q = &a->params[a->nparams++];
    q->key = key;
    q->num = json_is_number(v) ? json_number_value(v) : NAN;
    q->text = json_is_number(v)   ? res_printf("%.9g", json_number_value(v))
              : json_is_string(v) ? json_string_value(v)
                                  : "?";
  }
}

static const char *where_act(size_t i, const char *name) {
  return name ? res_printf("activation \"%s\"", name) : res_printf("activations[%zu]", i);
}

static const char *where_impl(const char *wa, size_t j, const char *name) {
  return name ? res_printf("%s, implementation \"%s\"", wa, name)
              : res_printf("%s, implementations[%zu]", wa, j);
}

/* What every implementation's entry of accuracy.json and saturation.json
 * says of it: the entry (an object), its name, ISA, origin, availability,
 * the reason it is not available and its backward formula; *wi, where it is
 * (for the messages). */
typedef struct {
  const char *name, *isa, *origin, *reason, *bwd_formula, *note;
  int available;
} impl_head;

static json_t *read_head(json_t *im, size_t j, const char *wa, const char *activation,
                         const char **wi, impl_head *h) {
  json_t *e = json_array_get(im, j);
  *wi = where_impl(wa, j, NULL);
  if (!json_is_object(e)) bad(*wi, "is %s, not an object", type_name(e));
  h->name = get_str(e, *wi, "name", 0);
  *wi = where_impl(wa, j, h->name);
  h->isa = get_str(e, *wi, "isa", 1);
  h->origin = norm_origin(h->name, get_str(e, *wi, "origin", 1));
  known_impl(h->name, h->origin, activation, *wi);
  for (size_t k = 0; k < j; k++) {
    const char *other = get_str(json_array_get(im, k), *wi, "name", 0);
    if (!strcmp(other, h->name)) bad(*wi, "appears twice (implementations[%zu] too)", k);
  }
  h->available = get_bool(e, *wi, "available", 1);
  h->reason = get_str(e, *wi, "reason", 1);
  h->bwd_formula = get_str(e, *wi, "bwd_formula", 1);
  h->note = get_str(e, *wi, "note", 1);
  return e;
}

/* ---- accuracy.json */

const char *const act_res_sfk_names[5] = {"nan_for_number", "number_for_nan", "wrong_infinity",
                                          "zero_sign", "flushed_input"};
const char *const act_res_sfk_texts[5] = {"NaN for a number", "a number for NaN",
                                          "a wrong infinity", "a zero of the wrong sign",
                                          "a subnormal input treated as 0"};

/* intervals: [{lo, hi, lo_hex, hi_hex, count, example_hex, ...}] */
static void load_intervals(act_res_tail *t, const json_t *a, const char *w) {
  if (!json_is_array(a)) bad(w, "\"intervals\" is %s, not an array", type_name(a));
  t->niv = json_array_size(a);
  t->iv = res_alloc((t->niv + 1) * sizeof *t->iv);
  for (size_t k = 0; k < t->niv; k++) {
    json_t *e = json_array_get(a, k);
    const char *we = res_printf("%s, intervals[%zu]", w, k);
    if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
    act_res_interval *v = &t->iv[k];
    v->lo = xstr_value(mem(e, we, "lo"), we, "member \"lo\"");
    v->hi = xstr_value(mem(e, we, "hi"), we, "member \"hi\"");
    v->lo_hex = get_str(e, we, "lo_hex", 1);
    v->hi_hex = get_str(e, we, "hi_hex", 1);
    v->example_hex = get_str(e, we, "example_hex", 1);
    json_t *g = json_object_get(e, "example_got"), *x = json_object_get(e, "example_want");
    v->example_got = g ? xstr_value(g, we, "member \"example_got\"") : NULL;
    v->example_want = x ? xstr_value(x, we, "member \"example_want\"") : NULL;
    v->count = get_range(e, we, "count", R_INT);
    v->coalesced = get_bool(e, we, "coalesced", 0);
  }
}

/* the members a newer accuracy.json adds (all optional) */
static void load_new_members(act_res_stats *s, const json_t *o, const char *w) {
  s->max_ulp_note = get_str(o, w, "max_ulp_note", 1);
  for (int k = 0; k < 5; k++) s->kinds[k] = NAN;
  s->core_inputs = s->core_max_ulp = s->core_mean_ulp = NAN;
  s->claim_bound = NAN;
  s->verdict = -1;
  json_t *c = json_object_get(o, "core");
  if (c) {
    const char *wc = res_printf("%s, core", w);
    if (!json_is_object(c)) bad(w, "member \"core\" is %s, not an object", type_name(c));
    s->has_core = 1;
    s->core_inputs = get_range(c, wc, "inputs", R_INT);
    s->core_max_ulp = get_range(c, wc, "max_ulp", R_NULL | R_INF);
    s->core_mean_ulp = get_range_opt(c, wc, "mean_ulp", R_NULL | R_INF);
    json_t *x = json_object_get(c, "max_ulp_x");
    s->core_max_ulp_x = x ? xstr_value(x, wc, "member \"max_ulp_x\"") : NULL;
    s->core_max_ulp_note = get_str(c, wc, "max_ulp_note", 1);
  }
  json_t *t = json_object_get(o, "tails");
  if (t) {
    if (!json_is_array(t)) bad(w, "member \"tails\" is %s, not an array", type_name(t));
    s->ntails = json_array_size(t);
    s->tails = res_alloc((s->ntails + 1) * sizeof *s->tails);
    for (size_t k = 0; k < s->ntails; k++) {
      json_t *e = json_array_get(t, k);
      const char *we = res_printf("%s, tails[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      act_res_tail *r = &s->tails[k];
      r->kind = get_str(e, we, "kind", 0);
      r->description = get_str(e, we, "description", 1);
      r->note = get_str(e, we, "note", 1);
      r->count = get_range(e, we, "count", R_INT);
      r->truncated = get_bool(e, we, "truncated", 0);
      load_intervals(r, mem(e, we, "intervals"), we);
    }
  }
  json_t *k = json_object_get(o, "special_failures_by_kind");
  if (k) {
    const char *wk = res_printf("%s, special_failures_by_kind", w);
    if (!json_is_object(k)) bad(wk, "is %s, not an object", type_name(k));
    for (int j = 0; j < 5; j++) s->kinds[j] = get_range(k, wk, act_res_sfk_names[j], R_INT);
  }
  s->summary = get_str(o, w, "summary", 1);
  json_t *cl = json_object_get(o, "claim");
  if (json_is_object(cl)) {
    const char *wc = res_printf("%s, claim", w);
    s->claim_bound = get_range(cl, wc, "bound", R_NULL | R_INF);
    s->claim_source = get_str(cl, wc, "source", 1);
    s->claim_reference = get_str(cl, wc, "reference", 1);
  }
  json_t *v = json_object_get(o, "verdict");
  if (v) {
    const char *wv = res_printf("%s, verdict", w);
    if (!json_is_object(v)) bad(w, "member \"verdict\" is %s, not an object", type_name(v));
    const char *st = get_str(v, wv, "status", 0);
    s->verdict = !strcmp(st, "within")    ? 0
                 : !strcmp(st, "exceeds") ? 1
                 : !strcmp(st, "none")    ? 2
                                          : -1;
    if (s->verdict < 0) bad(wv, "status \"%s\" is not within, exceeds or none", st);
    s->verdict_text = get_str(v, wv, "text", 1);
    s->exceeds.kind = "exceeds";
    s->exceeds.count = get_range_opt(v, wv, "count", R_NULL | R_INT);
    json_t *wh = json_object_get(v, "where");
    if (wh) load_intervals(&s->exceeds, wh, wv);
  }
}

/* bins: the grid's (0: a narrow format's statistics, which have no
 * ulp_vs_x, specials nor within_claim); p: the format's significand bits,
 * for the note of an older file */
static void load_stats(act_res_stats *s, const json_t *impl, const char *wi, const char *dir,
                       size_t bins, int p) {
  const char *w = res_printf("%s, %s", wi, dir);
  json_t *o = get_obj(impl, wi, dir);
  s->max_ulp = get_range(o, w, "max_ulp", R_NULL | R_INF);
  s->max_ulp_x = xstr_value(mem(o, w, "max_ulp_x"), w, "member \"max_ulp_x\"");
  json_t *v = json_object_get(o, "max_ulp_got");
  s->max_ulp_got = v ? xstr_value(v, w, "member \"max_ulp_got\"") : NULL;
  v = json_object_get(o, "max_ulp_want");
  s->max_ulp_want = v ? xstr_value(v, w, "member \"max_ulp_want\"") : NULL;
  /* means and error sizes that overflow (a sum of huge ULP errors) may be
   * missing: jansson writes no infinite number */
  s->mean_ulp = get_range_opt(o, w, "mean_ulp", R_NULL | R_INF);
  s->cr_fraction = get_range(o, w, "cr_fraction", R_NULL | R_FRAC);
  s->count_gt_1ulp = get_range(o, w, "count_gt_1ulp", R_NULL | R_INT);
  s->max_abs_err = get_range_opt(o, w, "max_abs_err", R_NULL | R_INF);
  s->max_rel_err = get_range_opt(o, w, "max_rel_err", R_NULL | R_INF);
  s->special_failures = get_range(o, w, "special_failures", R_NULL | R_INT);
  s->nan_input_failures = get_range_opt(o, w, "nan_input_failures", R_NULL | R_INT);
  s->inputs = get_range_opt(o, w, "inputs", R_NULL | R_INT);
  s->within_claim =
      bins || json_object_get(o, "within_claim") ? get_bool(o, w, "within_claim", -1) : -1;
  s->ulp_vs_x = res_alloc((bins ? bins : 1) * sizeof *s->ulp_vs_x);
  if (bins) {
    json_t *u = get_arr(o, w, "ulp_vs_x");
    if (json_array_size(u) != bins)
      bad(w, "\"ulp_vs_x\" has %zu values but grid.bins is %zu", json_array_size(u), bins);
    for (size_t k = 0; k < bins; k++)
      s->ulp_vs_x[k] =
          range_value(json_array_get(u, k), w, res_printf("ulp_vs_x[%zu]", k), R_NULL | R_INF);
  }
  json_t *sp = bins ? get_arr(o, w, "specials") : json_object_get(o, "specials");
  s->nspecials = json_array_size(sp);
  s->specials = res_alloc((s->nspecials ? s->nspecials : 1) * sizeof *s->specials);
  for (size_t k = 0; k < s->nspecials; k++) {
    json_t *e = json_array_get(sp, k);
    const char *we = res_printf("%s, specials[%zu]", w, k);
    if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
    act_res_special *r = &s->specials[k];
    r->x = xstr_value(mem(e, we, "x"), we, "member \"x\"");
    r->got = xstr_value(mem(e, we, "got"), we, "member \"got\"");
    r->want = xstr_value(mem(e, we, "want"), we, "member \"want\"");
    r->ok = get_bool(e, we, "ok", -1);
    r->kind = get_str(e, we, "kind", 1);
  }
  load_new_members(s, o, w);
  /* an older file states no note: made from the worst input's result */
  if (!s->max_ulp_note && !json_object_get(o, "max_ulp_note")) {
    char buf[96];
    double g = act_res_num(s->max_ulp_got), x = act_res_num(s->max_ulp_want);
    const act_format *f = p == act_bfloat16.p   ? &act_bfloat16
                          : p == act_binary16.p ? &act_binary16
                                                : &act_binary32;
    if (!isnan(s->max_ulp) && !isnan(g) && !isnan(x) &&
        *act_ulp_note(buf, sizeof buf, s->max_ulp, (float)g, (float)x, f))
      s->max_ulp_note = res_strdup(buf);
  }
  /* the histogram, the worst inputs and the binades: optional (files written
   * before they existed have none; by_binade only in exhaustive sweeps) */
  json_t *h = json_object_get(o, "histogram");
  if (h) {
    if (!json_is_array(h)) bad(w, "member \"histogram\" is %s, not an array", type_name(h));
    s->nhist = json_array_size(h);
    s->hist = res_alloc((s->nhist + 1) * sizeof *s->hist);
    for (size_t k = 0; k < s->nhist; k++) {
      json_t *e = json_array_get(h, k);
      const char *we = res_printf("%s, histogram[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      s->hist[k].lo = get_range(e, we, "lo", 0);
      s->hist[k].hi = get_range(e, we, "hi", R_INF);
      s->hist[k].count = get_range(e, we, "count", R_INT);
    }
  }
  json_t *wl = json_object_get(o, "worst");
  if (wl) {
    if (!json_is_array(wl)) bad(w, "member \"worst\" is %s, not an array", type_name(wl));
    s->nworst = json_array_size(wl);
    s->worst = res_alloc((s->nworst + 1) * sizeof *s->worst);
    for (size_t k = 0; k < s->nworst; k++) {
      json_t *e = json_array_get(wl, k);
      const char *we = res_printf("%s, worst[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      act_res_worst *r = &s->worst[k];
      r->x = xstr_value(mem(e, we, "x"), we, "member \"x\"");
      json_t *xh = json_object_get(e, "x_hex");
      r->x_hex = xh ? xstr_value(xh, we, "member \"x_hex\"") : NULL;
      r->ulp = get_range(e, we, "ulp", R_NULL | R_INF);
      r->got = xstr_value(mem(e, we, "got"), we, "member \"got\"");
      r->want = xstr_value(mem(e, we, "want"), we, "member \"want\"");
    }
  }
  json_t *bl = json_object_get(o, "by_binade");
  if (bl) {
    if (!json_is_array(bl)) bad(w, "member \"by_binade\" is %s, not an array", type_name(bl));
    s->nbinades = json_array_size(bl);
    s->binades = res_alloc((s->nbinades + 1) * sizeof *s->binades);
    for (size_t k = 0; k < s->nbinades; k++) {
      json_t *e = json_array_get(bl, k);
      const char *we = res_printf("%s, by_binade[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      act_res_binade *r = &s->binades[k];
      r->sign = get_str(e, we, "sign", 0);
      r->exponent = xstr_value(mem(e, we, "exponent"), we, "member \"exponent\"");
      if (!r->exponent) bad(we, "member \"exponent\" is null");
      r->inputs = get_range(e, we, "inputs", R_INT);
      r->cr = get_range(e, we, "cr", R_INT);
      r->max_ulp = get_range(e, we, "max_ulp", R_NULL | R_INF);
      r->mean_ulp = get_range_opt(e, we, "mean_ulp", R_NULL | R_INF);
    }
  }
}

/* The i-th entry of an "activations" array (accuracy.json, saturation.json):
 * checked, described in acts[i] (its name not among acts[0..i)); *wa, where
 * it is (for the messages). */
static json_t *read_act(json_t *arr, size_t i, act_res_act *acts, const char **wa) {
  json_t *o = json_array_get(arr, i);
  const char *wa0 = res_printf("activations[%zu]", i);
  if (!json_is_object(o)) bad(wa0, "is %s, not an object", type_name(o));
  const char *name = get_str(o, wa0, "activation", 0);
  *wa = where_act(i, name);
  known_activation(name, *wa, 0);
  for (size_t k = 0; k < i; k++)
    if (!strcmp(acts[k].name, name)) bad(*wa, "appears twice");
  describe(&acts[i], name, o, *wa);
  return o;
}

static void load_accuracy(act_res_accuracy *R, const json_t *doc) {
  json_t *sw = json_object_get(doc, "sweep");
  if (json_is_object(sw)) {
    const char *mode = get_str(sw, "sweep", "mode", 1);
    R->mode = mode;
    json_t *in = json_object_get(sw, "inputs");
    char inputs[64] = "";
    if (json_is_number(in)) snprintf(inputs, sizeof inputs, ", %.0f inputs", json_number_value(in));
    if (mode && (!strcmp(mode, "range") || !strcmp(mode, "exhaustive"))) {
      json_t *lo = json_object_get(sw, "lo"), *hi = json_object_get(sw, "hi");
      R->sweep = lo && hi ? res_printf("every float in [%s, %s]%s", xstr_value(lo, "sweep", "lo"),
                                       xstr_value(hi, "sweep", "hi"), inputs)
                          : res_printf("every float, NaN payloads included%s", inputs);
    } else if (mode) {
      json_t *n = json_object_get(sw, "samples"), *seed = json_object_get(sw, "seed");
      R->sweep = res_printf("%s: %.0f samples, seed %.0f%s", mode,
                            json_is_number(n) ? json_number_value(n) : NAN,
                            json_is_number(seed) ? json_number_value(seed) : NAN, inputs);
    }
  }
  R->conventions = get_str(doc, "", "conventions", 1);
  json_t *acts = get_arr(doc, "", "activations");
  R->nacts = json_array_size(acts);
  R->acts = res_alloc((R->nacts + 1) * sizeof *R->acts);
  R->acc = res_alloc((R->nacts + 1) * sizeof *R->acc);
  for (size_t i = 0; i < json_array_size(acts); i++) {
    const char *wa;
    json_t *o = read_act(acts, i, R->acts, &wa);
    act_res_acc *r = &R->acc[i];
    json_t *g = get_obj(o, wa, "grid");
    const char *wg = res_printf("%s, grid", wa);
    r->lo = get_num(g, wg, "lo", 0);
    r->hi = get_num(g, wg, "hi", 0);
    double bins = get_num(g, wg, "bins", 0);
    if (!(bins >= 0 && bins <= CAP_BINS && bins == floor(bins)))
      bad(wg, "\"bins\" is %g, not a count", bins);
    if (!(r->hi > r->lo) && bins > 0) bad(wg, "hi (%g) is not above lo (%g)", r->hi, r->lo);
    r->bins = (size_t)bins;
    json_t *in = json_object_get(o, "inputs");
    r->inputs = in ? get_range(o, wa, "inputs", R_NULL | R_INT) : NAN;
    json_t *im = get_arr(o, wa, "implementations");
    r->nimpls = json_array_size(im);
    r->impls = res_alloc((r->nimpls ? r->nimpls : 1) * sizeof *r->impls);
    for (size_t j = 0; j < r->nimpls; j++) {
      const char *wi;
      impl_head h;
      json_t *e = read_head(im, j, wa, R->acts[i].name, &wi, &h);
      act_res_acc_impl *p = &r->impls[j];
      p->name = h.name, p->isa = h.isa, p->origin = h.origin, p->reason = h.reason;
      p->bwd_formula = h.bwd_formula, p->available = h.available, p->note = h.note;
      if (!p->available) continue;
      json_t *c = get_obj(e, wi, "claimed");
      const char *wc = res_printf("%s, claimed", wi);
      p->claimed_fwd = get_range(c, wc, "fwd_ulp", R_NULL | R_INF);
      load_stats(&p->fwd, e, wi, "fwd", r->bins, 24);
      /* "bwd": null, an implementation without a backward kernel (XNNPACK) */
      p->has_bwd = !json_is_null(mem(e, wi, "bwd"));
      if (p->has_bwd) {
        p->claimed_bwd = get_range(c, wc, "bwd_ulp", R_NULL | R_INF);
        load_stats(&p->bwd, e, wi, "bwd", r->bins, 24);
      }
    }
    /* bfloat16 and binary16, when the file has them */
    json_t *nw = json_object_get(o, "narrow");
    if (nw) {
      const char *wn0 = res_printf("%s, narrow", wa);
      if (!json_is_array(nw)) bad(wn0, "is %s, not an array", type_name(nw));
      r->nnarrow = json_array_size(nw);
      r->narrow = res_alloc((r->nnarrow ? r->nnarrow : 1) * sizeof *r->narrow);
      for (size_t k = 0; k < r->nnarrow; k++) {
        json_t *e = json_array_get(nw, k);
        const char *wn = res_printf("%s[%zu]", wn0, k);
        if (!json_is_object(e)) bad(wn, "is %s, not an object", type_name(e));
        act_res_narrow *q = &r->narrow[k];
        q->format = get_str(e, wn, "format", 0);
        q->inputs = get_range(e, wn, "inputs", R_INT);
        json_t *dr = get_obj(e, wn, "double_rounding");
        const char *wd = res_printf("%s, double_rounding", wn);
        q->dr_fwd = get_range(dr, wd, "fwd", R_INT);
        q->dr_bwd = get_range(dr, wd, "bwd", R_INT);
        json_t *ni = get_arr(e, wn, "implementations");
        q->nimpls = json_array_size(ni);
        q->impls = res_alloc((q->nimpls ? q->nimpls : 1) * sizeof *q->impls);
        for (size_t j = 0; j < q->nimpls; j++) {
          json_t *ie = json_array_get(ni, j);
          const char *wi = res_printf("%s, implementations[%zu]", wn, j);
          if (!json_is_object(ie)) bad(wi, "is %s, not an object", type_name(ie));
          act_res_narrow_impl *p = &q->impls[j];
          p->name = get_str(ie, wi, "name", 0);
          for (size_t k = 0; k < j; k++)
            if (!strcmp(q->impls[k].name, p->name))
              bad(wi, "implementation \"%.60s\" appears twice", p->name);
          p->native = get_bool(ie, wi, "native", 0);
          for (int d = 0; d < 2; d++) {
            json_t *st = mem(ie, wi, d ? "bwd" : "fwd");
            if (d) p->has_bwd = !json_is_null(st);
            if (json_is_null(st)) {
              p->bmax = p->bmean = p->bcr = p->bspecial = NAN;
              continue;
            }
            const char *ws = res_printf("%s, %s", wi, d ? "bwd" : "fwd");
            if (!json_is_object(st)) bad(ws, "is %s, not an object", type_name(st));
            int bits = !strcmp(q->format, "bfloat16")   ? 8
                       : !strcmp(q->format, "binary16") ? 11
                                                        : 24;
            load_stats(d ? &p->bwd : &p->fwd, ie, wi, d ? "bwd" : "fwd", 0, bits);
            double mx = get_range(st, ws, "max_ulp", R_NULL | R_INF);
            double mn = get_range_opt(st, ws, "mean_ulp", R_NULL | R_INF);
            double cr = get_range(st, ws, "cr_fraction", R_NULL | R_FRAC);
            double sf = get_range(st, ws, "special_failures", R_NULL | R_INT);
            const char *note = (d ? &p->bwd : &p->fwd)->max_ulp_note;
            if (d)
              p->bmax = mx, p->bmean = mn, p->bcr = cr, p->bspecial = sf, p->bnote = note;
            else
              p->fmax = mx, p->fmean = mn, p->fcr = cr, p->fspecial = sf, p->fnote = note;
          }
        }
      }
    }
  }
}

/* ---- arrays of numbers: a vector of n values, a matrix of rows x cols
 * (n, rows, cols 0: any, the length found is returned), each in range */

static size_t check_vec(const json_t *a, size_t n, const char *where, const char *what, int flags,
                        size_t cap) {
  if (!json_is_array(a)) bad(where, "%s is %s, not an array", what, type_name(a));
  size_t m = json_array_size(a);
  cap_size(m, cap, where, what);
  if (n && m != n) bad(where, "%s has %zu values, not %zu", what, m, n);
  for (size_t k = 0; k < m; k++)
    range_value(json_array_get(a, k), where, res_printf("%s[%zu]", what, k), flags);
  return m;
}

static void check_matrix(const json_t *a, size_t rows, size_t cols, const char *where,
                         const char *what, int flags) {
  if (!json_is_array(a)) bad(where, "%s is %s, not an array", what, type_name(a));
  size_t m = json_array_size(a);
  cap_size(m, CAP_ARRAY, where, what);
  if (rows && m != rows) bad(where, "%s has %zu rows, not %zu", what, m, rows);
  for (size_t k = 0; k < m; k++)
    check_vec(json_array_get(a, k), cols, where, res_printf("%s[%zu]", what, k), flags, CAP_ARRAY);
}

/* an optional member that is a matrix of numbers */
static void opt_matrix(const json_t *o, const char *where, const char *key, size_t rows,
                       size_t cols, int flags) {
  json_t *v = json_object_get(o, key);
  if (v && !json_is_null(v))
    check_matrix(v, rows, cols, where, res_printf("member \"%s\"", key), flags);
}

static double *get_vec(const json_t *o, const char *where, const char *key, size_t n, int flags,
                       size_t cap, size_t *len);
static json_t *opt_list(const json_t *o, const char *w, const char *key, size_t elem, void **out,
                        size_t *n);
static json_t *obj_at(const json_t *a, size_t k, const char *w, const char **we);

/* an optional matrix member of rows x cols numbers (check_matrix's rules),
 * row by row, NAN for null; NULL when absent or null */
static double *get_matrix(const json_t *o, const char *where, const char *key, size_t rows,
                          size_t cols, int flags) {
  json_t *a = json_object_get(o, key);
  if (!a || json_is_null(a)) return NULL;
  check_matrix(a, rows, cols, where, res_printf("member \"%s\"", key), flags);
  double *d = res_alloc((rows * cols > 0 ? rows * cols : 1) * sizeof *d);
  for (size_t i = 0; i < rows; i++)
    for (size_t j = 0; j < cols; j++)
      d[i * cols + j] = range_value(json_array_get(json_array_get(a, i), j), where, key, flags);
  return d;
}

/* saturation.json's analysis in formats (docs/results.md: SETS, NUMERICAL,
 * NORMAL, DEPTH): what the report draws, each number in its range, tables
 * of the sizes their axes give */

/* an x as written, { "neg": x, "pos": x }: strings must be numbers */
static double xpair_value(const char *text, const char *where, const char *what) {
  if (!text) return NAN;
  double d = act_res_num(text);
  if (isnan(d)) bad(where, "%s is \"%.40s\", not a number", what, text);
  return d;
}

static act_res_xpair get_xpair(const json_t *o, const char *where, const char *key) {
  act_res_xpair p = {0, NULL, NULL, NAN, NAN};
  json_t *v = json_object_get(o, key);
  if (!v || json_is_null(v)) return p;
  act_res_pair t = get_pair(o, where, key);
  p.present = 1;
  p.neg = t.neg;
  p.pos = t.pos;
  p.xneg = xpair_value(t.neg, where, res_printf("\"%s\".neg", key));
  p.xpos = xpair_value(t.pos, where, res_printf("\"%s\".pos", key));
  return p;
}

/* intervals of x: [{lo, hi}], lo <= hi, either infinite or not */
static act_res_spans get_intervals(const json_t *a, const char *where, const char *what) {
  act_res_spans r = {1, NULL, 0};
  if (!json_is_array(a)) bad(where, "%s is %s, not an array", what, type_name(a));
  r.n = json_array_size(a);
  cap_size(r.n, CAP_ARRAY, where, what);
  r.iv = res_alloc((r.n ? r.n : 1) * sizeof *r.iv);
  for (size_t k = 0; k < r.n; k++) {
    json_t *e = json_array_get(a, k);
    const char *we = res_printf("%s, %s[%zu]", where, what, k);
    if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
    double lo = get_range(e, we, "lo", R_SIGN | R_INF), hi = get_range(e, we, "hi", R_SIGN | R_INF);
    if (lo > hi) bad(we, "lo (%.9g) is above hi (%.9g)", lo, hi);
    r.iv[k].lo = lo;
    r.iv[k].hi = hi;
  }
  return r;
}

static act_res_spans opt_intervals(const json_t *o, const char *where, const char *key) {
  json_t *v = json_object_get(o, key);
  if (!v || json_is_null(v)) return (act_res_spans){0, NULL, 0};
  return get_intervals(v, where, res_printf("\"%s\"", key));
}

/* an optional member that is an object (NULL when absent or null) */
static json_t *opt_obj(const json_t *o, const char *where, const char *key) {
  json_t *v = json_object_get(o, key);
  if (!v || json_is_null(v)) return NULL;
  if (!json_is_object(v)) bad(where, "member \"%s\" is %s, not an object", key, type_name(v));
  return v;
}

/* an optional vector of numbers (NULL when absent or null) */
static double *opt_vec(const json_t *o, const char *where, const char *key, size_t n, int flags,
                       size_t cap, size_t *len) {
  json_t *v = json_object_get(o, key);
  *len = 0;
  if (!v || json_is_null(v)) return NULL;
  return get_vec(o, where, key, n, flags, cap, len);
}

/* the SETS: where |f'| < eps ("lt", per eps) and where f' = 0 ("dead") */
static act_res_sets *load_sets(const json_t *s, const char *wa) {
  const char *w = res_printf("%s, sets", wa);
  act_res_sets *S = res_alloc(sizeof *S);
  void *v;
  json_t *lt = opt_list(s, w, "lt", sizeof *S->lt, &v, &S->nlt);
  S->lt = v;
  cap_size(S->nlt, 1000, w, "\"lt\"");
  for (size_t k = 0; k < S->nlt; k++) {
    const char *we;
    json_t *e = obj_at(lt, k, res_printf("%s, lt", w), &we);
    act_res_set_lt *p = &S->lt[k];
    p->eps = get_range(e, we, "eps", 0);
    p->label = get_str(e, we, "label", 1);
    p->format = get_str(e, we, "format", 1);
    p->intervals = get_intervals(mem(e, we, "intervals"), we, "\"intervals\"");
  }
  S->dead = opt_intervals(s, w, "dead");
  S->samples = get_range_opt(s, w, "samples", R_NULL | R_INT);
  S->minima = get_range_opt(s, w, "minima", R_NULL | R_INT);
  S->evaluations = get_range_opt(s, w, "evaluations", R_NULL | R_INT);
  return S;
}

/* NUMERICAL's counts: every side pair whole and >= 0, the known ones kept */
static void load_counts(act_res_num_eval *p, const json_t *v, const char *wv) {
  json_t *c = opt_obj(v, wv, "counts");
  if (!c) return;
  const char *wc = res_printf("%s, counts", wv);
  static const char *const keys[5] = {"inputs", "zero", "zero_premature", "off1", "nonfinite"};
  act_res_npair *dst[5] = {&p->n_inputs, &p->n_zero, &p->n_premature, &p->n_off1, &p->n_nonfinite};
  const char *key;
  json_t *side;
  json_object_foreach(c, key, side) {
    const char *ws = res_printf("%s, %s", wc, key);
    if (!json_is_object(side)) bad(ws, "is %s, not an object", type_name(side));
    double neg = get_range_opt(side, ws, "neg", R_NULL | R_INT);
    double pos = get_range_opt(side, ws, "pos", R_NULL | R_INT);
    for (int k = 0; k < 5; k++)
      if (!strcmp(key, keys[k])) *dst[k] = (act_res_npair){1, neg, pos};
  }
}

static void load_num_eval(act_res_num_eval *p, const json_t *v, const char *wv, int exact) {
  static const act_res_npair none = {0, NAN, NAN};
  p->n_inputs = p->n_zero = p->n_premature = p->n_off1 = p->n_nonfinite = none;
  if (!exact) {
    p->name = get_str(v, wv, "name", 0);
    p->kind = get_str(v, wv, "kind", 1);
    p->formula = get_str(v, wv, "formula", 1);
    p->from = get_str(v, wv, "from", 1);
  }
  p->zero = get_xpair(v, wv, "zero");
  p->zero_from = get_xpair(v, wv, "zero_from");
  p->off1 = get_xpair(v, wv, "off1");
  p->asymptote = get_xpair(v, wv, "asymptote");
  p->subnormal_from = get_xpair(v, wv, "subnormal_from");
  p->zero_set = opt_intervals(v, wv, "zero_set");
  p->zero_set_size = get_range_opt(v, wv, "zero_set_size", R_NULL | R_INT);
  p->runs_unrefined = get_range_opt(v, wv, "runs_unrefined", R_NULL | R_INT);
  load_counts(p, v, wv);
}

/* NUMERICAL: per format, where the computed f' vanishes (its counts, its
 * zero set) for the exact derivative and each evaluator */
static act_res_numerical *load_numerical(const json_t *o, const char *wa, size_t *n) {
  const char *w = res_printf("%s, numerical", wa);
  void *v;
  json_t *a = opt_list(o, wa, "numerical", sizeof(act_res_numerical), &v, n);
  act_res_numerical *N = v;
  cap_size(*n, 1000, w, "\"numerical\"");
  for (size_t k = 0; k < *n; k++) {
    const char *we;
    json_t *e = obj_at(a, k, w, &we);
    act_res_numerical *q = &N[k];
    q->format = get_str(e, we, "format", 0);
    q->inputs_per_side = get_range_opt(e, we, "inputs_per_side", R_NULL | R_INT);
    q->stride = get_range_opt(e, we, "stride", R_NULL | R_INT);
    q->least_normal = get_range_opt(e, we, "least_normal", R_NULL);
    json_t *ex = opt_obj(e, we, "exact");
    q->has_exact = ex != NULL;
    if (ex) load_num_eval(&q->exact, ex, res_printf("%s, exact", we), 1);
    json_t *ev = opt_list(e, we, "evaluators", sizeof *q->evals, &v, &q->nevals);
    q->evals = v;
    for (size_t j = 0; j < q->nevals; j++) {
      const char *wv;
      json_t *x = obj_at(ev, j, res_printf("%s, evaluators", we), &wv);
      load_num_eval(&q->evals[j], x, wv, 0);
    }
  }
  return N;
}

/* NORMAL's tables are mu x sigma fractions */
static act_res_normal *load_normal(const json_t *n, const char *wa) {
  const char *w = res_printf("%s, normal", wa);
  act_res_normal *N = res_alloc(sizeof *N);
  N->mu = get_vec(n, w, "mu", 0, R_SIGN, 1000, &N->nmu);
  N->sigma = get_vec(n, w, "sigma", 0, 0, 1000, &N->nsigma);
  N->mc_samples = get_range_opt(n, w, "mc_samples", R_NULL | R_INT);
  for (int l = 0; l < 2; l++) {
    const char *key = l ? "numerical" : "sets";
    void *v;
    size_t m;
    json_t *a = opt_list(n, w, key, sizeof(act_res_normal_row), &v, &m);
    act_res_normal_row *rows = v;
    for (size_t k = 0; k < m; k++) {
      const char *we;
      json_t *e = obj_at(a, k, res_printf("%s, %s", w, key), &we);
      act_res_normal_row *r = &rows[k];
      r->set = get_str(e, we, "set", 1);
      r->label = get_str(e, we, "label", 1);
      r->format = get_str(e, we, "format", 1);
      r->name = get_str(e, we, "name", 1);
      r->eps = get_range_opt(e, we, "eps", R_NULL);
      r->exact = get_matrix(e, we, "exact", N->nmu, N->nsigma, R_NULL | R_FRAC);
      r->mc = get_matrix(e, we, "mc", N->nmu, N->nsigma, R_NULL | R_FRAC);
      r->mc_se = get_matrix(e, we, "mc_se", N->nmu, N->nsigma, R_NULL | R_FRAC);
    }
    if (l)
      N->numerical = rows, N->nnumerical = m;
    else
      N->sets = rows, N->nsets = m;
  }
  return N;
}

/* DEPTH: series one per scale, the product scales x layers, the delivered
 * gradient per format, formula and scale */
static act_res_depth *load_depth(const json_t *d, const char *wa) {
  const char *w = res_printf("%s, depth", wa);
  act_res_depth *D = res_alloc(sizeof *D);
  D->scales = get_vec(d, w, "scales", 0, 0, 1000, &D->nscales);
  size_t ns = D->nscales, len;
  double layers = get_range(d, w, "layers", R_INT);
  if (layers > 100000) bad(w, "\"layers\" is %.9g, more than actbench writes", layers);
  D->layers = (size_t)layers;
  D->mean_df = opt_vec(d, w, "mean_df", ns, R_NULL | R_INF, 1000, &len);
  D->geo_mean_abs_df = opt_vec(d, w, "geo_mean_abs_df", ns, R_NULL | R_INF, 1000, &len);
  D->dead_prob = opt_vec(d, w, "dead_prob", ns, R_NULL | R_FRAC, 1000, &len);
  D->product = get_matrix(d, w, "product", ns, D->layers, R_NULL | R_INF);
  json_t *dl = opt_obj(d, w, "delivered");
  if (!dl) return D;
  const char *wd = res_printf("%s, delivered", w);
  D->has_delivered = 1;
  D->chains = get_range_opt(dl, wd, "chains", R_NULL | R_INT);
  D->dscales = get_vec(dl, wd, "scales", 0, 0, 1000, &D->ndscales);
  void *v;
  size_t m;
  json_t *ex = opt_list(dl, wd, "exact", 1, &v, &m);
  for (size_t k = 0; k < m; k++) {
    const char *we;
    json_t *e = obj_at(ex, k, res_printf("%s, exact", wd), &we);
    get_str(e, we, "format", 0);
    get_range(e, we, "scale", 0);
    opt_vec(e, we, "exact_zero", 0, R_NULL | R_FRAC, 100000, &len);
    opt_vec(e, we, "exact_underflow", 0, R_NULL | R_FRAC, 100000, &len);
  }
  json_t *rows = opt_list(dl, wd, "rows", sizeof *D->rows, &v, &D->nrows);
  D->rows = v;
  for (size_t k = 0; k < D->nrows; k++) {
    const char *we;
    json_t *e = obj_at(rows, k, res_printf("%s, rows", wd), &we);
    act_res_delivered *r = &D->rows[k];
    r->format = get_str(e, we, "format", 0);
    r->name = get_str(e, we, "name", 0);
    r->scale = get_range(e, we, "scale", 0);
    r->median_rel_err =
        opt_vec(e, we, "median_rel_err", 0, R_NULL | R_INF, 100000, &r->n_median_rel_err);
    r->underflow = opt_vec(e, we, "underflow", 0, R_NULL | R_FRAC, 100000, &r->n_underflow);
  }
  return D;
}

static act_res_dying *load_dying(const json_t *d) {
  const char *w = "dying";
  act_res_dying *D = res_alloc(sizeof *D);
  D->delta = get_vec(d, w, "delta", 0, R_SIGN, 1000, &D->ndelta);
  D->batch = get_vec(d, w, "batch", 0, R_INT, 1000, &D->nbatch);
  size_t nd = D->ndelta, nb = D->nbatch;
  D->units = get_range_opt(d, w, "units", R_NULL | R_INT);
  D->fan_in = get_range_opt(d, w, "fan_in", R_NULL | R_INT);
  D->trials = get_range_opt(d, w, "trials", R_NULL | R_INT);
  void *v;
  json_t *in = opt_list(d, w, "inputs", sizeof *D->inputs, &v, &D->ninputs);
  D->inputs = v;
  for (size_t k = 0; k < D->ninputs; k++) {
    const char *we;
    json_t *e = obj_at(in, k, "dying, inputs", &we);
    act_res_dying_in *p = &D->inputs[k];
    p->inputs = get_str(e, we, "inputs", 1);
    p->description = get_str(e, we, "description", 1);
    json_t *rd = json_object_get(e, "relu_dead");
    if (json_is_object(rd)) {
      const char *wt = res_printf("%s, relu_dead", we);
      p->relu_sampled = get_matrix(rd, wt, "sampled", nd, nb, R_NULL | R_FRAC);
      p->relu_exact = get_matrix(rd, wt, "exact", nd, nb, R_NULL | R_FRAC);
    }
    static const char *const tabs[2] = {"relu_dead", "elu_saturated"};
    for (int t = 0; t < 2; t++) {
      json_t *o = json_object_get(e, tabs[t]);
      if (!o) continue;
      const char *wt = res_printf("%s, %s", we, tabs[t]);
      if (!json_is_object(o)) bad(wt, "is %s, not an object", type_name(o));
      opt_matrix(o, wt, "exact", nd, nb, R_NULL | R_FRAC);
      opt_matrix(o, wt, "sampled", nd, nb, R_NULL | R_FRAC);
      opt_matrix(o, wt, "se", nd, nb, R_NULL | R_FRAC);
    }
    opt_matrix(e, we, "elu_grad_on_relu_dead", nd, nb, R_NULL | R_SIGN);
  }
  return D;
}

/* ---- saturation.json */

static void load_side(act_res_side *s, const json_t *o, const char *where, const char *key) {
  json_t *v = get_obj(o, where, key);
  const char *w = res_printf("%s, %s", where, key);
  const char *kind = get_str(v, w, "kind", 0);
  if (!strcmp(kind, "beyond")) {
    s->kind = ACT_RES_MATH_BEYOND;
    s->x = fabs(get_num(v, w, "x", 0));
    if (!isfinite(s->x)) bad(w, "\"x\" is not finite");
  } else if (!strcmp(kind, "all")) {
    s->kind = ACT_RES_MATH_ALL;
  } else if (!strcmp(kind, "never")) {
    s->kind = ACT_RES_MATH_NEVER;
  } else {
    bad(w, "\"kind\" is \"%.40s\", not beyond, all or never", kind);
  }
}

static double *load_series(const json_t *c, const char *where, const char *key, size_t *n) {
  json_t *a = get_arr(c, where, key);
  *n = json_array_size(a);
  cap_size(*n, CAP_CURVE, where, res_printf("\"%s\"", key));
  double *d = res_alloc((*n ? *n : 1) * sizeof *d);
  for (size_t k = 0; k < *n; k++) {
    d[k] = num_value(json_array_get(a, k), where, res_printf("%s[%zu]", key, k), 1);
    if (!isfinite(d[k])) d[k] = NAN;
  }
  return d;
}

static void load_saturation(act_res_saturation *R, const json_t *doc) {
  json_t *sc = json_object_get(doc, "scan");
  if (json_is_object(sc)) {
    json_t *st = json_object_get(sc, "stride");
    const char *note = get_str(sc, "scan", "note", 1);
    if (json_is_number(st))
      R->scan =
          res_printf("stride %.0f%s%s", json_number_value(st), note ? "; " : "", note ? note : "");
    else if (note)
      R->scan = note;
  }
  json_t *acts = get_arr(doc, "", "activations");
  R->nacts = json_array_size(acts);
  R->acts = res_alloc((R->nacts + 1) * sizeof *R->acts);
  R->sat = res_alloc((R->nacts + 1) * sizeof *R->sat);
  json_t *dy = json_object_get(doc, "dying");
  R->dying = json_is_object(dy) ? load_dying(dy) : NULL;
  for (size_t i = 0; i < json_array_size(acts); i++) {
    const char *wa;
    json_t *o = read_act(acts, i, R->acts, &wa);
    act_res_sat *r = &R->sat[i];
    json_t *c = get_obj(o, wa, "curve");
    const char *wc = res_printf("%s, curve", wa);
    size_t nx, nf, ndf;
    r->x = load_series(c, wc, "x", &nx);
    r->f = load_series(c, wc, "f", &nf);
    r->df = load_series(c, wc, "df", &ndf);
    if (nf != nx || ndf != nx)
      bad(wc, "x, f and df have different lengths (%zu, %zu, %zu)", nx, nf, ndf);
    r->ncurve = nx;
    json_t *ma = get_arr(o, wa, "math");
    r->nmath = json_array_size(ma);
    r->math = res_alloc((r->nmath ? r->nmath : 1) * sizeof *r->math);
    for (size_t k = 0; k < r->nmath; k++) {
      json_t *e = json_array_get(ma, k);
      const char *we = res_printf("%s, math[%zu]", wa, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      r->math[k].eps = get_range(e, we, "eps", 0);
      load_side(&r->math[k].neg, e, we, "neg");
      load_side(&r->math[k].pos, e, we, "pos");
    }
    json_t *x = json_object_get(o, "numerical");
    if (x && !json_is_null(x)) r->numerical = load_numerical(o, wa, &r->nnumerical);
    if ((x = opt_obj(o, wa, "normal"))) r->normal = load_normal(x, wa);
    if ((x = opt_obj(o, wa, "sets"))) r->sets = load_sets(x, wa);
    if ((x = opt_obj(o, wa, "depth"))) r->depth = load_depth(x, wa);
    r->exact_zero = get_pair(o, wa, "exact_zero");
    r->exact_asymptote = get_pair(o, wa, "exact_asymptote");
    json_t *im = get_arr(o, wa, "implementations");
    r->nimpls = json_array_size(im);
    r->impls = res_alloc((r->nimpls ? r->nimpls : 1) * sizeof *r->impls);
    for (size_t j = 0; j < r->nimpls; j++) {
      const char *wi;
      impl_head h;
      json_t *e = read_head(im, j, wa, R->acts[i].name, &wi, &h);
      act_res_sat_impl *p = &r->impls[j];
      p->name = h.name, p->isa = h.isa, p->origin = h.origin, p->reason = h.reason;
      p->bwd_formula = h.bwd_formula, p->available = h.available;
      json_t *bk = json_object_get(e, "bwd_kernel");
      p->bwd_kernel = json_is_boolean(bk) ? json_is_true(bk) : -1;
      if (!p->available) continue;
      p->grad_zero = get_pair(e, wi, "grad_zero");
      p->f_asymptote = get_pair(e, wi, "f_asymptote");
      json_t *pr = get_obj(e, wi, "grad_zero_premature");
      const char *wp = res_printf("%s, grad_zero_premature", wi);
      p->premature_neg = get_bool(pr, wp, "neg", -1);
      p->premature_pos = get_bool(pr, wp, "pos", -1);
      p->dead_side = get_str(e, wi, "dead_side", 1);
    }
  }
}

static int get_tristate(const json_t *obj, const char *where, const char *key) {
  json_t *v = mem(obj, where, key);
  if (json_is_null(v)) return -1;
  if (!json_is_boolean(v))
    bad(where, "member \"%s\" is %s, not a boolean or null", key, type_name(v));
  return json_is_true(v);
}

/* speed.json's "targets" (absent in files written before it existed) */
static void load_targets(act_res_speed *m, const json_t *doc) {
  json_t *arr = json_object_get(doc, "targets");
  if (!arr) return;
  if (!json_is_array(arr)) bad("", "member \"targets\" is %s, not an array", type_name(arr));
  m->ntargets = json_array_size(arr);
  m->targets = res_alloc((m->ntargets + 1) * sizeof *m->targets);
  for (size_t i = 0; i < m->ntargets; i++) {
    json_t *o = json_array_get(arr, i);
    const char *w = res_printf("targets[%zu]", i);
    if (!json_is_object(o)) bad(w, "is %s, not an object", type_name(o));
    act_res_target *t = &m->targets[i];
    t->id = get_str(o, w, "id", 0);
    w = res_printf("target \"%s\"", t->id);
    t->kind = get_str(o, w, "kind", 0);
    t->bandwidth = !strcmp(t->kind, "bandwidth");
    if (!t->bandwidth && strcmp(t->kind, "peer"))
      bad(w, "\"kind\" is \"%.20s\", not peer or bandwidth", t->kind);
    t->activation = get_str(o, w, "activation", 0);
    known_activation(t->activation, w, 0);
    t->direction = get_str(o, w, "direction", 0);
    t->acc_class = t->bandwidth ? get_str(o, w, "accuracy_class", 1) : NULL;
    t->reference = get_str(o, w, "reference", 0);
    t->description = get_str(o, w, "description", 1);
    t->status = get_str(o, w, "status", 0);
    t->met = get_tristate(o, w, "met");
    t->min_ratio = get_range(o, w, "min_ratio", 0);
    json_t *cls = get_arr(o, w, "classes");
    const char *cl = "";
    for (size_t k = 0; k < json_array_size(cls); k++) {
      json_t *c = json_array_get(cls, k);
      if (!json_is_string(c)) bad(w, "\"classes\"[%zu] is %s, not a string", k, type_name(c));
      cl = res_printf("%s%s%s", cl, k ? ", " : "", json_string_value(c));
    }
    t->classes = cl;
    json_t *ours = json_object_get(o, "ours"), *peers = json_object_get(o, "peers");
    t->nours = json_is_array(ours) ? json_array_size(ours) : 0;
    t->npeers = json_is_array(peers) ? json_array_size(peers) : 0;
    json_t *sz = get_arr(o, w, "sizes");
    t->nsizes = json_array_size(sz);
    t->sizes = res_alloc((t->nsizes + 1) * sizeof *t->sizes);
    for (size_t k = 0; k < t->nsizes; k++) {
      json_t *e = json_array_get(sz, k);
      const char *we = res_printf("%s, sizes[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      act_res_target_size *q = &t->sizes[k];
      double n = get_num(e, we, "n", 0);
      if (!(n >= 1 && n < 9e18 && n == floor(n))) bad(we, "\"n\" is %g, not a size", n);
      q->n = (long long)n;
      q->cls = get_str(e, we, "class", 0);
      q->status = get_str(e, we, "status", 0);
      q->note = get_str(e, we, "note", 1);
      q->met = get_tristate(e, we, "met");
      q->ratio = get_range(e, we, "ratio", R_NULL | R_INF);
      q->ratio_lo = get_range_opt(e, we, "ratio_lo", R_NULL | R_INF);
      q->ratio_hi = get_range_opt(e, we, "ratio_hi", R_NULL | R_INF);
      if (!t->bandwidth) {
        q->peer = get_str(e, we, "peer", 1);
        q->ours = get_str(e, we, "ours", 1);
        q->peer_ulp = get_range_opt(e, we, "peer_claimed_ulp", R_NULL | R_INF);
        q->ours_ulp = get_range_opt(e, we, "ours_claimed_ulp", R_NULL | R_INF);
        q->peer_ips = get_range_opt(e, we, "peer_items_per_second", R_NULL);
        q->ours_ips = get_range_opt(e, we, "ours_items_per_second", R_NULL);
        json_t *qu = json_object_get(e, "qualifying");
        q->nqualifying = json_is_array(qu) ? json_array_size(qu) : 0;
        continue;
      }
      q->copy_bps = get_range_opt(e, we, "copy_bytes_per_second", R_NULL);
      q->worst = get_str(e, we, "worst", 1);
      q->ours = get_str(e, we, "ours", 1);
      q->ours_bps = get_range_opt(e, we, "ours_bytes_per_second", R_NULL);
      json_t *ks = get_arr(e, we, "kernels");
      q->nkernels = json_array_size(ks);
      q->kernels = res_alloc((q->nkernels + 1) * sizeof *q->kernels);
      for (size_t j = 0; j < q->nkernels; j++) {
        json_t *kj = json_array_get(ks, j);
        const char *wk = res_printf("%s, kernels[%zu]", we, j);
        if (!json_is_object(kj)) bad(wk, "is %s, not an object", type_name(kj));
        q->kernels[j].name = get_str(kj, wk, "name", 0);
        q->kernels[j].ratio = get_range(kj, wk, "ratio", R_NULL | R_INF);
        q->kernels[j].met = json_object_get(kj, "met") ? get_tristate(kj, wk, "met") : -1;
      }
    }
  }
}

/* ---- speed.json */

static double state_num(const json_t *st, const char *key, int first) {
  json_t *v = json_object_get(st, key);
  if (first && json_is_array(v)) v = json_array_get(v, 0);
  return json_is_number(v) ? json_number_value(v) : NAN;
}

static const char *state_str(const json_t *st, const char *key) {
  json_t *v = json_object_get(st, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static act_speed_run *new_run(act_res_speed *S, size_t *cap, const char *name) {
  S->runs = res_grow(S->runs, cap, S->nruns, sizeof *S->runs);
  act_speed_run *r = &S->runs[S->nruns++];
  memset(r, 0, sizeof *r);
  r->name = name;
  r->mean = r->median = r->q1 = r->q3 = NAN;
  r->size_class = "";
  r->threads = 1;
  return r;
}

static void add_sample(act_speed_run *r, size_t *cap, double v) {
  r->samples = res_grow(r->samples, cap, r->nsamples, sizeof *r->samples);
  r->samples[r->nsamples++] = v;
}

static int is_baseline(const char *role, const char *activation) {
  return (role && !strcmp(role, "baseline")) || (activation && !strcmp(activation, "memory"));
}

static double size_n(const json_t *e, const char *w) {
  double n = get_num(e, w, "n", 0);
  if (!(n >= 1 && n < 9e18 && n == floor(n))) bad(w, "\"n\" is %g, not a size", n);
  return n;
}

static int direction_of(const json_t *e, const char *w) {
  const char *dirs = get_str(e, w, "direction", 0);
  if (strcmp(dirs, "fwd") && strcmp(dirs, "bwd"))
    bad(w, "\"direction\" is \"%.20s\", not fwd or bwd", dirs);
  return !strcmp(dirs, "bwd");
}

/* "measurements": per benchmark the median of the repetitions, their
 * quartiles, every repetition and the bytes the kernel moves.  0 when the
 * file has none (older files: "benchmarks" below). */
static int load_measurements(act_res_speed *S, const json_t *doc, size_t *cap) {
  json_t *ms = json_object_get(doc, "measurements");
  if (!ms) return 0;
  if (!json_is_array(ms)) bad("", "member \"measurements\" is %s, not an array", type_name(ms));
  for (size_t i = 0; i < json_array_size(ms); i++) {
    json_t *e = json_array_get(ms, i);
    const char *w = res_printf("measurements[%zu]", i);
    if (!json_is_object(e)) bad(w, "is %s, not an object", type_name(e));
    const char *name = get_str(e, w, "name", 0);
    w = res_printf("measurement \"%s\"", name);
    double th = get_num_opt(e, w, "threads");
    if (!isnan(th) && !(th >= 1 && th == floor(th) && th < 1e6)) bad(w, "\"threads\" is %g", th);
    for (size_t k = 0; k < S->nruns; k++)
      if (!strcmp(S->runs[k].name, name) && S->runs[k].threads == (isnan(th) ? 1 : (int)th))
        bad(w, "appears twice (measurements[%zu] too)", k);
    act_speed_run *r = new_run(S, cap, name);
    r->impl = get_str(e, w, "impl", 0);
    r->activation = get_str(e, w, "activation", 0);
    known_activation(r->activation, w, 1);
    r->direction = direction_of(e, w) ? "bwd" : "fwd";
    r->n = (long long)size_n(e, w);
    r->threads = isnan(th) ? 1 : (int)th;
    r->bytes_per_element = get_num(e, w, "bytes_per_element", 0);
    if (!(r->bytes_per_element > 0 && r->bytes_per_element <= 64))
      bad(w, "\"bytes_per_element\" is %g", r->bytes_per_element);
    const char *sc = get_str(e, w, "size_class", 1);
    r->size_class = sc ? sc : "";
    r->role = get_str(e, w, "role", 1);
    r->isa = get_str(e, w, "isa", 1);
    r->origin = norm_origin(r->impl, get_str(e, w, "origin", 1));
    known_impl(r->impl, r->origin, r->activation, w);
    r->baseline = is_baseline(r->role, r->activation);
    json_t *ips = get_obj(e, w, "items_per_second");
    const char *wi = res_printf("%s, items_per_second", w);
    r->median = get_range(ips, wi, "median", R_NULL);
    r->q1 = get_range(ips, wi, "q1", R_NULL);
    r->q3 = get_range(ips, wi, "q3", R_NULL);
    double rep = get_range_opt(e, w, "repetitions", R_NULL | R_INT);
    if (rep > 1e6) bad(w, "\"repetitions\" is %.9g, more than actbench runs", rep);
    r->repetitions = isnan(rep) ? 0 : (int)rep;
    json_t *vals = json_object_get(ips, "values");
    size_t vcap = 0;
    if (json_is_array(vals)) cap_size(json_array_size(vals), 1000000, wi, "\"values\"");
    for (size_t k = 0; json_is_array(vals) && k < json_array_size(vals); k++)
      add_sample(r, &vcap,
                 range_value(json_array_get(vals, k), wi, res_printf("values[%zu]", k), 0));
  }
  return 1;
}

typedef struct {
  double *v;
  size_t n, cap;
} rep_seen;

/* Google Benchmark's "benchmarks" (files before "measurements"): the
 * repetitions of each benchmark gathered, its mean and median aggregates */
static void load_benchmarks(act_res_speed *S, const json_t *doc, size_t *cap) {
  json_t *bm = get_arr(doc, "", "benchmarks");
  size_t *vcap = NULL, nv = 0;
  /* per benchmark, the repetition_index values seen: one twice is a
   * benchmark written twice */
  rep_seen *rix = NULL;
  size_t nrix = 0;
  for (size_t i = 0; i < json_array_size(bm); i++) {
    json_t *e = json_array_get(bm, i);
    const char *w = res_printf("benchmarks[%zu]", i);
    if (!json_is_object(e)) bad(w, "is %s, not an object", type_name(e));
    if (json_is_true(json_object_get(e, "error_occurred"))) continue;
    const char *name = get_str(e, w, "run_name", 1);
    if (!name) name = get_str(e, w, "name", 0);
    w = res_printf("benchmark \"%s\"", name);
    int kind = 0; /* 0 a repetition, 1 mean, 2 median */
    const char *rt = get_str(e, w, "run_type", 1);
    if (rt && !strcmp(rt, "aggregate")) {
      const char *ag = get_str(e, w, "aggregate_name", 1);
      if (ag && !strcmp(ag, "mean"))
        kind = 1;
      else if (ag && !strcmp(ag, "median"))
        kind = 2;
      else
        continue; /* stddev, cv: not a throughput */
    }
    double ips = get_range(e, w, "items_per_second", 0);
    double th = get_num_opt(e, w, "threads");
    int threads = isnan(th) ? 1 : (int)th;
    act_speed_run *r = NULL;
    for (size_t k = S->nruns; k-- > 0 && !r;)
      if (!strcmp(S->runs[k].name, name) && S->runs[k].threads == threads) r = &S->runs[k];
    if (!r) {
      r = new_run(S, cap, name);
      vcap = res_grow(vcap, &nv, S->nruns - 1, sizeof *vcap);
      vcap[S->nruns - 1] = 0;
      rix = res_grow(rix, &nrix, S->nruns - 1, sizeof *rix);
      memset(&rix[S->nruns - 1], 0, sizeof *rix);
      r->impl = get_str(e, w, "impl", 0);
      r->activation = get_str(e, w, "activation", 0);
      known_activation(r->activation, w, 1);
      r->direction = direction_of(e, w) ? "bwd" : "fwd";
      r->n = (long long)size_n(e, w);
      r->threads = threads;
      const char *sc = get_str(e, w, "size_class", 1);
      if (!sc) sc = get_str(e, w, "label", 1);
      r->size_class = sc ? sc : "";
      r->role = get_str(e, w, "role", 1);
      r->isa = get_str(e, w, "isa", 1);
      r->origin = norm_origin(r->impl, get_str(e, w, "origin", 1));
      known_impl(r->impl, r->origin, r->activation, w);
      r->baseline = is_baseline(r->role, r->activation);
      double bpe = get_num_opt(e, w, "bytes_per_element");
      double bps = get_num_opt(e, w, "bytes_per_second");
      r->bytes_per_element = bpe > 0                        ? bpe
                             : bps > 0 && ips > 0           ? bps / ips
                             : !strcmp(r->direction, "bwd") ? 16
                                                            : 8;
    }
    if (kind && !isnan(kind == 1 ? r->mean : r->median))
      bad(w, "has two %s aggregates", kind == 1 ? "mean" : "median");
    double ri = kind ? NAN : get_range_opt(e, w, "repetition_index", R_NULL | R_INT);
    if (!isnan(ri)) {
      rep_seen *q = &rix[r - S->runs];
      for (size_t k = 0; k < q->n; k++)
        if (q->v[k] == ri) bad(w, "appears twice (repetition_index %.0f)", ri);
      q->v = res_grow(q->v, &q->cap, q->n, sizeof *q->v);
      q->v[q->n++] = ri;
    }
    if (kind == 0)
      add_sample(r, &vcap[r - S->runs], ips);
    else if (kind == 1)
      r->mean = ips;
    else
      r->median = ips;
  }
}

static void load_speed(act_res_speed *S, const json_t *doc) {
  S->interleaved = -1;
  S->min_time = NAN;
  json_t *ab = json_object_get(doc, "actbench");
  if (ab && !json_is_object(ab)) bad("", "member \"actbench\" is %s, not an object", type_name(ab));
  if (ab) {
    json_t *im = json_object_get(ab, "implementations");
    if (im && !json_is_array(im))
      bad("actbench", "member \"implementations\" is %s, not an array", type_name(im));
    S->nimpls = json_array_size(im);
    S->impls = res_alloc((S->nimpls + 1) * sizeof *S->impls);
    for (size_t j = 0; j < S->nimpls; j++) {
      json_t *e = json_array_get(im, j);
      const char *wi = res_printf("actbench, implementations[%zu]", j);
      if (!json_is_object(e)) bad(wi, "is %s, not an object", type_name(e));
      act_res_impl *p = &S->impls[j];
      p->name = get_str(e, wi, "name", 0);
      wi = res_printf("actbench, implementation \"%s\"", p->name);
      p->activation = get_str(e, wi, "activation", 0);
      known_activation(p->activation, wi, 1);
      for (size_t k = 0; k < j; k++)
        if (!strcmp(S->impls[k].name, p->name)) bad(wi, "appears twice");
      p->isa = get_str(e, wi, "isa", 1);
      p->origin = norm_origin(p->name, get_str(e, wi, "origin", 1));
      known_impl(p->name, p->origin, p->activation, wi);
      p->role = get_str(e, wi, "role", 1);
      p->available = get_bool(e, wi, "available", 1);
      p->baseline = is_baseline(p->role, p->activation);
      json_t *bk = json_object_get(e, "bwd_kernel");
      p->bwd_kernel = json_is_boolean(bk) ? json_is_true(bk) : -1;
    }
    json_t *sz = json_object_get(ab, "sizes");
    for (size_t k = 0; json_is_array(sz) && k < json_array_size(sz); k++) {
      json_t *z = json_array_get(sz, k);
      json_t *zn = json_object_get(z, "n");
      if (!json_is_number(zn)) continue;
      if (!S->sizes) S->sizes = res_alloc((json_array_size(sz) + 1) * sizeof *S->sizes);
      act_res_size *q = &S->sizes[S->nsizes++];
      q->n = (long long)json_number_value(zn);
      q->cls = json_is_string(json_object_get(z, "class"))
                   ? json_string_value(json_object_get(z, "class"))
                   : NULL;
      q->counts_as = json_is_string(json_object_get(z, "counts_as"))
                         ? json_string_value(json_object_get(z, "counts_as"))
                         : NULL;
    }
    double r = get_range_opt(ab, "actbench", "repetitions", R_NULL | R_INT);
    S->repetitions = isnan(r) ? 0 : (long long)r;
    S->min_time = get_range_opt(ab, "actbench", "min_time", R_NULL);
    json_t *il = json_object_get(ab, "interleaved");
    S->interleaved = json_is_boolean(il) ? json_is_true(il) : -1;
    json_t *st = json_object_get(ab, "machine_state");
    if (json_is_object(st)) {
      act_res_state *m = &S->state;
      m->present = 1;
      m->load_before = state_num(st, "load_average_before", 1);
      m->load_after = state_num(st, "load_average_after", 1);
      m->other_share = state_num(st, "other_processes_share", 0);
      m->steal_share = state_num(st, "steal_share", 0);
      m->governor = state_str(st, "governor");
      m->boost = state_str(st, "boost");
      m->build_type = state_str(st, "benchmark_build_type");
      json_t *wa = json_object_get(st, "warnings");
      m->warnings = res_alloc((json_array_size(wa) + 1) * sizeof *m->warnings);
      for (size_t i = 0; json_is_array(wa) && i < json_array_size(wa); i++)
        if (json_is_string(json_array_get(wa, i)))
          m->warnings[m->nwarnings++] = json_string_value(json_array_get(wa, i));
    }
  }
  size_t cap = 0;
  if (!load_measurements(S, doc, &cap)) load_benchmarks(S, doc, &cap);
  for (size_t k = 0; k < S->nruns; k++)
    act_spread_of(S->runs[k].samples, S->runs[k].nsamples, &S->runs[k].spread);
  load_targets(S, doc);
}

double act_speed_center(const act_speed_run *r) {
  if (r->spread.n) return r->spread.median;
  if (!isnan(r->median)) return r->median;
  return r->mean;
}

/* ---- the files */

static act_res_file open_doc(json_t *doc, const char *path, const char *kind) {
  act_res_file f;
  memset(&f, 0, sizeof f);
  cur_file = path;
  keep_doc(doc);
  f.path = path;
  f.doc = doc;
  if (!json_is_object(doc)) bad("", "is not a JSON object");
  json_t *k = json_object_get(doc, "kind");
  if (!json_is_string(k) || strcmp(json_string_value(k), kind))
    bad("", "\"kind\" is not \"%s\"", kind);
  json_t *c = json_object_get(doc, "context");
  f.context = json_is_object(c) ? c : NULL;
  f.version = get_str(doc, "", "actbench_version", 1);
  f.hypervisor = -1;
  f.l3 = NAN;
  if (f.context) {
    const char *w = "context";
    if (json_object_get(f.context, "hypervisor"))
      f.hypervisor = get_bool(f.context, w, "hypervisor", 0);
    json_t *cc = json_object_get(f.context, "caches");
    if (json_is_object(cc)) f.l3 = get_range_opt(cc, "context, caches", "l3", R_NULL);
    json_t *ft = json_object_get(f.context, "cpu_features");
    if (ft && !json_is_null(ft)) {
      if (!json_is_array(ft)) bad(w, "member \"cpu_features\" is %s, not an array", type_name(ft));
      f.ncpu_features = json_array_size(ft);
      cap_size(f.ncpu_features, 1000, w, "\"cpu_features\"");
      f.cpu_features = res_alloc((f.ncpu_features + 1) * sizeof *f.cpu_features);
      for (size_t i = 0; i < f.ncpu_features; i++) {
        json_t *e = json_array_get(ft, i);
        if (!json_is_string(e)) bad(w, "cpu_features[%zu] is %s, not a string", i, type_name(e));
        f.cpu_features[i] = json_string_value(e);
      }
    }
    const json_t *cx = f.context;
    f.host = json_string_value(json_object_get(cx, "host"));
    if (!f.host) f.host = json_string_value(json_object_get(cx, "host_name"));
    f.cpu_model = json_string_value(json_object_get(cx, "cpu_model"));
    f.date = json_string_value(json_object_get(cx, "actbench_date"));
    if (!f.date) f.date = json_string_value(json_object_get(cx, "date"));
    f.command = json_string_value(json_object_get(cx, "command"));
    if (!f.command) f.command = json_string_value(json_object_get(cx, "actbench_command"));
  }
  /* a range or exhaustive accuracy file keeps its date and command in
   * accuracy.run.json beside it: taken from there when it is whole */
  if (!strcmp(kind, "accuracy") && f.context && !json_object_get(f.context, "date")) {
    const char *slash = strrchr(path, '/');
    char *run = slash ? res_printf("%.*s/accuracy.run.json", (int)(slash - path), path)
                      : res_strdup("accuracy.run.json");
    json_error_t err;
    json_t *rd = access(run, R_OK) == 0 ? json_load_file(run, 0, &err) : NULL;
    if (json_is_object(rd)) {
      json_t *d = json_object_get(rd, "date"), *cm = json_object_get(rd, "command");
      if (json_is_string(d)) json_object_set(f.context, "date", d);
      if (json_is_string(cm)) json_object_set(f.context, "command", cm);
      if (json_is_string(d)) f.date = json_string_value(json_object_get(f.context, "date"));
      if (json_is_string(cm)) f.command = json_string_value(json_object_get(f.context, "command"));
    }
    json_decref(rd);
  }
  return f;
}

act_res_speed *act_res_speed_doc(json_t *doc, const char *path) {
  act_res_speed *S = res_alloc(sizeof *S);
  S->file = open_doc(doc, path, "speed");
  load_speed(S, doc);
  return S;
}

act_res_accuracy *act_res_accuracy_doc(json_t *doc, const char *path) {
  act_res_accuracy *A = res_alloc(sizeof *A);
  A->file = open_doc(doc, path, "accuracy");
  load_accuracy(A, doc);
  return A;
}

act_res_saturation *act_res_saturation_doc(json_t *doc, const char *path) {
  act_res_saturation *R = res_alloc(sizeof *R);
  R->file = open_doc(doc, path, "saturation");
  load_saturation(R, doc);
  return R;
}

act_res_speed *act_res_read_speed(const char *path) {
  return act_res_speed_doc(act_read_json(path, "speed"), path);
}

act_res_accuracy *act_res_read_accuracy(const char *path) {
  return act_res_accuracy_doc(act_read_json(path, "accuracy"), path);
}

act_res_saturation *act_res_read_saturation(const char *path) {
  return act_res_saturation_doc(act_read_json(path, "saturation"), path);
}

/* ---- zerocenter.json */

/* a summary of a sample: {median, q1, q3, min, max, mean}, each null, a
 * number or "inf" (flags: the range of the values) */
static act_res_summary get_summary(const json_t *o, const char *where, const char *key, int flags) {
  act_res_summary r = {0, NAN, NAN, NAN, NAN, NAN, NAN};
  json_t *v = json_object_get(o, key);
  if (!v) return r;
  const char *w = res_printf("%s, %s", where, key);
  if (!json_is_object(v)) bad(w, "is %s, not an object", type_name(v));
  r.present = 1;
  r.median = get_range_opt(v, w, "median", R_NULL | flags);
  r.q1 = get_range_opt(v, w, "q1", R_NULL | flags);
  r.q3 = get_range_opt(v, w, "q3", R_NULL | flags);
  r.min = get_range_opt(v, w, "min", R_NULL | flags);
  r.max = get_range_opt(v, w, "max", R_NULL | flags);
  r.mean = get_range_opt(v, w, "mean", R_NULL | flags);
  return r;
}

/* a vector of numbers as doubles (check_vec's rules) */
static double *get_vec(const json_t *o, const char *where, const char *key, size_t n, int flags,
                       size_t cap, size_t *len) {
  json_t *a = mem(o, where, key);
  *len = check_vec(a, n, where, res_printf("member \"%s\"", key), flags, cap);
  double *d = res_alloc((*len ? *len : 1) * sizeof *d);
  for (size_t k = 0; k < *len; k++) d[k] = range_value(json_array_get(a, k), where, key, flags);
  return d;
}

/* an optional member that is an array (absent: empty), capped; *out gets
 * room for its elements, elem bytes each */
static json_t *opt_list(const json_t *o, const char *w, const char *key, size_t elem, void **out,
                        size_t *n) {
  json_t *a = json_object_get(o, key);
  if (a && !json_is_array(a)) bad(w, "member \"%s\" is %s, not an array", key, type_name(a));
  cap_size(json_array_size(a), CAP_ARRAY, w, res_printf("\"%s\"", key));
  *n = json_array_size(a);
  *out = res_alloc((*n + 1) * elem);
  return a;
}

/* element k of an array of objects, checked; *we, where it is */
static json_t *obj_at(const json_t *a, size_t k, const char *w, const char **we) {
  json_t *e = json_array_get(a, k);
  *we = res_printf("%s[%zu]", w, k);
  if (!json_is_object(e)) bad(*we, "is %s, not an object", type_name(e));
  return e;
}

static void load_sign_agreement(act_res_zerocenter *Z, const json_t *sa) {
  const char *w = "sign_agreement";
  get_range_opt(sa, w, "trials", R_NULL | R_INT);
  void *v;
  json_t *rows = opt_list(sa, w, "rows", sizeof *Z->signs, &v, &Z->nsigns);
  Z->signs = v;
  for (size_t k = 0; k < Z->nsigns; k++) {
    const char *we;
    json_t *e = obj_at(rows, k, "sign_agreement, rows", &we);
    act_res_zc_sign *r = &Z->signs[k];
    r->activation = get_str(e, we, "activation", 0);
    known_activation(r->activation, we, 0);
    r->z_mu = get_range_opt(e, we, "z_mu", R_SIGN);
    r->z_sigma = get_range_opt(e, we, "z_sigma", 0);
    r->d = get_range_opt(e, we, "d", R_INT);
    r->batch = get_range_opt(e, we, "batch", R_INT);
    get_range_opt(e, we, "trials", R_INT);
    r->fraction = get_range_opt(e, we, "fraction", R_NULL | R_FRAC);
    r->exact = get_range_opt(e, we, "exact", R_NULL | R_FRAC);
    static const char *const fr[9] = {"fraction",        "se",           "exact",
                                      "fraction_strict", "exact_strict", "p_pos",
                                      "p_neg",           "p_zero",       "fraction_se"};
    for (int j = 0; j < 9; j++) get_range_opt(e, we, fr[j], R_NULL | R_FRAC);
  }
}

static void load_two_weight(act_res_zerocenter *Z, const json_t *tw) {
  const char *w = "two_weight";
  static const char *const counts[3] = {"problems", "samples", "max_steps"};
  for (int j = 0; j < 3; j++) get_range_opt(tw, w, counts[j], R_NULL | R_INT);
  get_range_opt(tw, w, "tol", R_NULL);
  void *v;
  json_t *rs = opt_list(tw, w, "results", sizeof *Z->results, &v, &Z->nresults);
  Z->results = v;
  for (size_t k = 0; k < Z->nresults; k++) {
    const char *we;
    json_t *e = obj_at(rs, k, "two_weight, results", &we);
    const char *act = get_str(e, we, "activation", 0), *meth = get_str(e, we, "method", 0);
    act_res_zc_result *r = &Z->results[k];
    r->activation = act, r->method = meth;
    known_activation(act, we, 0);
    for (size_t j = 0; j < k; j++) {
      json_t *o = json_array_get(rs, j);
      if (!strcmp(get_str(o, we, "activation", 0), act) &&
          !strcmp(get_str(o, we, "method", 0), meth))
        bad(we, "%.40s %.20s appears twice (results[%zu] too)", act, meth, j);
    }
    r->steps = get_summary(e, we, "steps", R_INF);
    r->path_ratio = get_summary(e, we, "path_ratio", R_INF);
    r->same_sign = get_summary(e, we, "same_sign", R_FRAC);
    r->kappa = get_summary(e, we, "kappa", R_INF);
    r->not_reached = get_range_opt(e, we, "not_reached", R_INT);
  }
  json_t *pa = opt_list(tw, w, "paired", sizeof *Z->pairs, &v, &Z->npairs);
  Z->pairs = v;
  for (size_t k = 0; k < Z->npairs; k++) {
    const char *we;
    json_t *e = obj_at(pa, k, "two_weight, paired", &we);
    act_res_zc_pair *r = &Z->pairs[k];
    r->method = get_str(e, we, "method", 1);
    r->a = get_str(e, we, "a", 0);
    r->b = get_str(e, we, "b", 0);
    known_activation(r->a, we, 0);
    known_activation(r->b, we, 0);
    r->a_more_steps = get_range_opt(e, we, "a_more_steps", R_NULL | R_FRAC);
    r->median_step_ratio = get_range_opt(e, we, "median_step_ratio", R_NULL | R_INF);
  }
  json_t *ex = json_object_get(tw, "example");
  if (!ex) return;
  const char *wx = "two_weight, example";
  if (!json_is_object(ex)) bad(wx, "is %s, not an object", type_name(ex));
  size_t n2;
  double *ws = get_vec(ex, wx, "w_star", 2, R_SIGN, 2, &n2);
  double *st = get_vec(ex, wx, "start", 2, R_SIGN, 2, &n2);
  Z->has_example = 1;
  Z->w_star[0] = ws[0], Z->w_star[1] = ws[1], Z->start[0] = st[0], Z->start[1] = st[1];
  json_t *ps = get_arr(ex, wx, "paths");
  cap_size(json_array_size(ps), 64, wx, "\"paths\"");
  Z->npaths = json_array_size(ps);
  Z->paths = res_alloc((Z->npaths + 1) * sizeof *Z->paths);
  for (size_t k = 0; k < Z->npaths; k++) {
    const char *we;
    json_t *e = obj_at(ps, k, "two_weight, example, paths", &we);
    act_res_zc_path *p = &Z->paths[k];
    p->activation = get_str(e, we, "activation", 0);
    known_activation(p->activation, we, 0);
    p->method = get_str(e, we, "method", 0);
    p->steps = get_range_opt(e, we, "steps", R_INT);
    get_range_opt(e, we, "every", R_INT);
    size_t n0, n1;
    p->w0 = get_vec(e, we, "w0", 0, R_SIGN, CAP_PATH, &n0);
    p->w1 = get_vec(e, we, "w1", 0, R_SIGN, CAP_PATH, &n1);
    if (n0 != n1) bad(we, "\"w0\" has %zu points but \"w1\" %zu", n0, n1);
    p->n = n0;
  }
}

act_res_zerocenter *act_res_zerocenter_doc(json_t *doc, const char *path) {
  act_res_zerocenter *Z = res_alloc(sizeof *Z);
  Z->file = open_doc(doc, path, "zerocenter");
  json_t *t = json_object_get(doc, "two_weight"), *s = json_object_get(doc, "sign_agreement");
  if (t && !json_is_object(t)) bad("", "member \"two_weight\" is %s, not an object", type_name(t));
  if (s && !json_is_object(s))
    bad("", "member \"sign_agreement\" is %s, not an object", type_name(s));
  Z->has_two_weight = t != NULL;
  Z->has_sign_agreement = s != NULL;
  if (t) load_two_weight(Z, t);
  if (s) load_sign_agreement(Z, s);
  return Z;
}

act_res_zerocenter *act_res_read_zerocenter(const char *path) {
  return act_res_zerocenter_doc(act_read_json(path, "zerocenter"), path);
}

const char *act_res_kind(const char *path, json_t **doc) {
  *doc = act_read_json(path, NULL);
  keep_doc(*doc); /* released with the rest, whether a reader takes it over or not */
  json_t *k = json_object_get(*doc, "kind");
  return json_is_string(k) ? json_string_value(k) : NULL;
}

const act_res_acc *act_res_accuracy_of(const act_res_accuracy *r, const char *activation,
                                       const act_res_act **act) {
  for (size_t i = 0; r && i < r->nacts; i++)
    if (!strcmp(r->acts[i].name, activation)) {
      if (act) *act = &r->acts[i];
      return &r->acc[i];
    }
  return NULL;
}

const act_res_sat *act_res_saturation_of(const act_res_saturation *r, const char *activation) {
  for (size_t i = 0; r && i < r->nacts; i++)
    if (!strcmp(r->acts[i].name, activation)) return &r->sat[i];
  return NULL;
}

const act_res_narrow *act_res_narrow_of(const act_res_acc *a, const char *format) {
  for (size_t k = 0; a && k < a->nnarrow; k++)
    if (!strcmp(a->narrow[k].format, format)) return &a->narrow[k];
  return NULL;
}

const char *act_res_tail_letters(const act_res_stats *s, char *buf, size_t cap) {
  if (!s->tails) return NULL;
  unsigned set = 0;
  for (size_t t = 0; t < s->ntails; t++) {
    int k = act_mark_by_name(s->tails[t].kind);
    if (k >= 0 && k != ACT_MARK_EXCEEDS) set |= 1u << k;
  }
  act_tail_letters(set, buf, cap);
  if (!buf[0] && cap > 1) buf[0] = '-', buf[1] = '\0';
  return buf;
}

int act_res_verdict(const act_res_stats *s) {
  if (s->verdict >= 0) return s->verdict;
  if (s->within_claim >= 0) return s->within_claim ? 0 : 1;
  return -1;
}
