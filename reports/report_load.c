/* actbench report: reading the results files (docs/results.md) into the
 * report's model.  Every member the report needs is checked here, before
 * anything is drawn, and a file that lacks one ends the run with one line
 * naming the file, where in it, and what is wrong. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_int.h"
#include "util.h"

const char *const rep_kind_names[REP_NFILES] = {"speed", "accuracy", "saturation", "zerocenter"};

/* ---- arena */

typedef struct rep_block {
  struct rep_block *next;
  max_align_t align[];
} rep_block;
static rep_block *arena;

void *rep_alloc(size_t bytes) {
  rep_block *b = calloc(1, sizeof *b + bytes);
  if (!b) act_die("report: out of memory");
  b->next = arena;
  arena = b;
  return b->align;
}

/* A growing array inside the arena: returns the array with room for have + 1
 * elements; the old block stays in the arena until the end (arrays are small). */
void *rep_grow(void *p, size_t *cap, size_t have, size_t elem) {
  if (have < *cap) return p;
  size_t ncap = *cap ? 2 * *cap : 8;
  void *q = rep_alloc(ncap * elem);
  if (have) memcpy(q, p, have * elem);
  *cap = ncap;
  return q;
}

char *rep_strdup(const char *s) {
  size_t n = strlen(s);
  char *d = rep_alloc(n + 1);
  memcpy(d, s, n);
  return d;
}

char *rep_printf(const char *fmt, ...) {
  char small[256];
  va_list ap;
  if (!fmt) return rep_strdup(""); /* never; keeps gcc -fsanitize=undefined quiet */
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *s = rep_alloc((size_t)n + 1);
  if ((size_t)n < sizeof small) {
    memcpy(s, small, (size_t)n + 1);
    return s;
  }
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

void rep_arena_free(void) {
  while (arena) {
    rep_block *b = arena;
    arena = b->next;
    free(b);
  }
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

double rep_parse_x(const char *s) {
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
    double d = rep_parse_x(s);
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
  if (json_is_number(v)) return rep_printf("%.9g", json_number_value(v));
  bad(where, "%s is %s, not a string", what, type_name(v));
}

static rep_pair get_pair(const json_t *obj, const char *where, const char *key) {
  json_t *o = get_obj(obj, where, key);
  char what[80];
  rep_pair p;
  snprintf(what, sizeof what, "\"%s\".neg", key);
  p.neg = xstr_value(mem(o, where, "neg"), where, what);
  snprintf(what, sizeof what, "\"%s\".pos", key);
  p.pos = xstr_value(mem(o, where, "pos"), where, what);
  return p;
}

/* ---- activations: the union over the files */

static rep_act *act_get(rep_model *m, const char *name) {
  for (size_t i = 0; i < m->nacts; i++)
    if (!strcmp(m->acts[i].name, name)) return &m->acts[i];
  m->acts = rep_grow(m->acts, &m->cap, m->nacts, sizeof *m->acts);
  rep_act *a = &m->acts[m->nacts++];
  memset(a, 0, sizeof *a);
  a->name = name;
  return a;
}

static rep_name *act_add_impl(rep_act *a, const char *impl, const char *origin) {
  rep_name *r = NULL;
  for (size_t i = 0; i < a->nnames && !r; i++)
    if (!strcmp(a->names[i].name, impl)) r = &a->names[i];
  if (!r) {
    a->names = rep_grow(a->names, &a->names_cap, a->nnames, sizeof *a->names);
    r = &a->names[a->nnames++];
    r->name = impl;
    r->origin = NULL;
    r->bwd = -1;
  }
  if (origin && *origin && !r->origin) r->origin = origin;
  return r;
}

size_t rep_impl_index(const rep_act *a, const char *impl) {
  for (size_t i = 0; i < a->nnames; i++)
    if (!strcmp(a->names[i].name, impl)) return i;
  return 0;
}

int rep_impl_has_bwd(const rep_act *a, const char *impl) {
  for (size_t i = 0; i < a->nnames; i++)
    if (!strcmp(a->names[i].name, impl)) return a->names[i].bwd;
  return -1;
}

/* Files written before every implementation of ours said "actbench" gave
 * the scalar kernels that call libm (*.scalar.naive, some *.scalar.stable)
 * origin "libm", and glibc's vector math library's kernels too: the first
 * are ours, the second the library libmvec. */
const char *rep_norm_origin(const char *name, const char *origin) {
  if (!origin || strcmp(origin, "libm")) return origin;
  return strstr(name, ".scalar.") ? "actbench" : "libmvec";
}

int rep_origin_is_ours(const char *origin) {
  return !origin || !*origin || !strcmp(origin, "actbench");
}

/* The activations in the order of the family (impls/activations.c): the
 * seed's four first. */
static const char *const act_order[] = {
    "sigmoid",   "tanh", "relu",     "leaky_relu", "elu",         "selu",      "gelu",
    "gelu_tanh", "silu", "softplus", "mish",       "hardsigmoid", "hardswish", "logsigmoid"};
#define NSEED 4
#define NORDER (sizeof act_order / sizeof act_order[0])

static size_t act_rank(const char *name) {
  for (size_t i = 0; i < NORDER; i++)
    if (!strcmp(act_order[i], name)) return i;
  return NORDER;
}

int rep_act_is_seed(const rep_act *a) {
  return act_rank(a->name) < NSEED;
}

/* What a file may say about an activation besides the measurements. */
static void act_describe(rep_act *a, const json_t *o) {
  json_t *p = json_object_get(o, "params");
  if (json_is_object(p) && !a->params) a->params = p;
  const char *keys[3] = {"formula", "dformula", "kink_note"};
  const char **dst[3] = {&a->formula, &a->dformula, &a->kink_note};
  for (int i = 0; i < 3; i++) {
    json_t *v = json_object_get(o, keys[i]);
    if (json_is_string(v) && !*dst[i]) *dst[i] = json_string_value(v);
  }
}

static const char *where_act(size_t i, const char *name) {
  return name ? rep_printf("activation \"%s\"", name) : rep_printf("activations[%zu]", i);
}

static const char *where_impl(const char *wa, size_t j, const char *name) {
  return name ? rep_printf("%s, implementation \"%s\"", wa, name)
              : rep_printf("%s, implementations[%zu]", wa, j);
}

/* ---- accuracy.json */

const char *const rep_sfk_names[5] = {"nan_for_number", "number_for_nan", "wrong_infinity",
                                      "zero_sign", "flushed_input"};
const char *const rep_sfk_texts[5] = {"NaN for a number", "a number for NaN", "a wrong infinity",
                                      "a zero of the wrong sign", "a subnormal input treated as 0"};

/* intervals: [{lo, hi, lo_hex, hi_hex, count, example_hex, ...}] */
static void load_intervals(rep_tail *t, const json_t *a, const char *w) {
  if (!json_is_array(a)) bad(w, "\"intervals\" is %s, not an array", type_name(a));
  t->niv = json_array_size(a);
  t->iv = rep_alloc((t->niv + 1) * sizeof *t->iv);
  for (size_t k = 0; k < t->niv; k++) {
    json_t *e = json_array_get(a, k);
    const char *we = rep_printf("%s, intervals[%zu]", w, k);
    if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
    rep_interval *v = &t->iv[k];
    v->lo = xstr_value(mem(e, we, "lo"), we, "member \"lo\"");
    v->hi = xstr_value(mem(e, we, "hi"), we, "member \"hi\"");
    v->lo_hex = get_str(e, we, "lo_hex", 1);
    v->hi_hex = get_str(e, we, "hi_hex", 1);
    v->example_hex = get_str(e, we, "example_hex", 1);
    json_t *g = json_object_get(e, "example_got"), *x = json_object_get(e, "example_want");
    v->example_got = g ? xstr_value(g, we, "member \"example_got\"") : NULL;
    v->example_want = x ? xstr_value(x, we, "member \"example_want\"") : NULL;
    v->count = get_num(e, we, "count", 0);
    v->coalesced = get_bool(e, we, "coalesced", 0);
  }
}

/* the members a newer accuracy.json adds (all optional) */
static void load_new_members(rep_stats *s, const json_t *o, const char *w) {
  s->max_ulp_note = get_str(o, w, "max_ulp_note", 1);
  for (int k = 0; k < 5; k++) s->kinds[k] = NAN;
  s->core_inputs = s->core_max_ulp = s->core_mean_ulp = NAN;
  s->claim_bound = NAN;
  s->verdict = -1;
  json_t *c = json_object_get(o, "core");
  if (c) {
    const char *wc = rep_printf("%s, core", w);
    if (!json_is_object(c)) bad(w, "member \"core\" is %s, not an object", type_name(c));
    s->has_core = 1;
    s->core_inputs = get_num(c, wc, "inputs", 0);
    s->core_max_ulp = get_num(c, wc, "max_ulp", 1);
    s->core_mean_ulp = get_num_opt(c, wc, "mean_ulp");
    json_t *x = json_object_get(c, "max_ulp_x");
    s->core_max_ulp_x = x ? xstr_value(x, wc, "member \"max_ulp_x\"") : NULL;
    s->core_max_ulp_note = get_str(c, wc, "max_ulp_note", 1);
  }
  json_t *t = json_object_get(o, "tails");
  if (t) {
    if (!json_is_array(t)) bad(w, "member \"tails\" is %s, not an array", type_name(t));
    s->ntails = json_array_size(t);
    s->tails = rep_alloc((s->ntails + 1) * sizeof *s->tails);
    for (size_t k = 0; k < s->ntails; k++) {
      json_t *e = json_array_get(t, k);
      const char *we = rep_printf("%s, tails[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      rep_tail *r = &s->tails[k];
      r->kind = get_str(e, we, "kind", 0);
      r->description = get_str(e, we, "description", 1);
      r->note = get_str(e, we, "note", 1);
      r->count = get_num(e, we, "count", 0);
      r->truncated = get_bool(e, we, "truncated", 0);
      load_intervals(r, mem(e, we, "intervals"), we);
    }
  }
  json_t *k = json_object_get(o, "special_failures_by_kind");
  if (k) {
    const char *wk = rep_printf("%s, special_failures_by_kind", w);
    if (!json_is_object(k)) bad(wk, "is %s, not an object", type_name(k));
    for (int j = 0; j < 5; j++) s->kinds[j] = get_num(k, wk, rep_sfk_names[j], 0);
  }
  s->summary = get_str(o, w, "summary", 1);
  json_t *cl = json_object_get(o, "claim");
  if (json_is_object(cl)) {
    const char *wc = rep_printf("%s, claim", w);
    s->claim_bound = get_num(cl, wc, "bound", 1);
    s->claim_source = get_str(cl, wc, "source", 1);
    s->claim_reference = get_str(cl, wc, "reference", 1);
  }
  json_t *v = json_object_get(o, "verdict");
  if (v) {
    const char *wv = rep_printf("%s, verdict", w);
    if (!json_is_object(v)) bad(w, "member \"verdict\" is %s, not an object", type_name(v));
    const char *st = get_str(v, wv, "status", 0);
    s->verdict = !strcmp(st, "within")    ? 0
                 : !strcmp(st, "exceeds") ? 1
                 : !strcmp(st, "none")    ? 2
                                          : -1;
    if (s->verdict < 0) bad(wv, "status \"%s\" is not within, exceeds or none", st);
    s->verdict_text = get_str(v, wv, "text", 1);
    s->exceeds.kind = "exceeds";
    s->exceeds.count = get_num_opt(v, wv, "count");
    json_t *wh = json_object_get(v, "where");
    if (wh) load_intervals(&s->exceeds, wh, wv);
  }
}

static void load_stats(rep_stats *s, const json_t *impl, const char *wi, const char *dir,
                       size_t bins) {
  const char *w = rep_printf("%s, %s", wi, dir);
  json_t *o = get_obj(impl, wi, dir);
  s->max_ulp = get_num(o, w, "max_ulp", 1);
  s->max_ulp_x = xstr_value(mem(o, w, "max_ulp_x"), w, "member \"max_ulp_x\"");
  json_t *v = json_object_get(o, "max_ulp_got");
  s->max_ulp_got = v ? xstr_value(v, w, "member \"max_ulp_got\"") : NULL;
  v = json_object_get(o, "max_ulp_want");
  s->max_ulp_want = v ? xstr_value(v, w, "member \"max_ulp_want\"") : NULL;
  /* means and error sizes that overflow (a sum of huge ULP errors) may be
   * missing: jansson writes no infinite number */
  s->mean_ulp = get_num_opt(o, w, "mean_ulp");
  s->cr_fraction = get_num(o, w, "cr_fraction", 1);
  s->count_gt_1ulp = get_num(o, w, "count_gt_1ulp", 1);
  s->max_abs_err = get_num_opt(o, w, "max_abs_err");
  s->max_rel_err = get_num_opt(o, w, "max_rel_err");
  s->special_failures = get_num(o, w, "special_failures", 1);
  s->nan_input_failures = get_num_opt(o, w, "nan_input_failures");
  s->inputs = get_num_opt(o, w, "inputs");
  s->within_claim = get_bool(o, w, "within_claim", -1);
  json_t *u = get_arr(o, w, "ulp_vs_x");
  if (json_array_size(u) != bins)
    bad(w, "\"ulp_vs_x\" has %zu values but grid.bins is %zu", json_array_size(u), bins);
  s->ulp_vs_x = rep_alloc((bins ? bins : 1) * sizeof *s->ulp_vs_x);
  for (size_t k = 0; k < bins; k++)
    s->ulp_vs_x[k] = num_value(json_array_get(u, k), w, rep_printf("ulp_vs_x[%zu]", k), 1);
  json_t *sp = get_arr(o, w, "specials");
  s->nspecials = json_array_size(sp);
  s->specials = rep_alloc((s->nspecials ? s->nspecials : 1) * sizeof *s->specials);
  for (size_t k = 0; k < s->nspecials; k++) {
    json_t *e = json_array_get(sp, k);
    const char *we = rep_printf("%s, specials[%zu]", w, k);
    if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
    rep_special *r = &s->specials[k];
    r->x = xstr_value(mem(e, we, "x"), we, "member \"x\"");
    r->got = xstr_value(mem(e, we, "got"), we, "member \"got\"");
    r->want = xstr_value(mem(e, we, "want"), we, "member \"want\"");
    r->ok = get_bool(e, we, "ok", -1);
    r->kind = get_str(e, we, "kind", 1);
  }
  load_new_members(s, o, w);
  /* the histogram, the worst inputs and the binades: optional (files written
   * before they existed have none; by_binade only in exhaustive sweeps) */
  json_t *h = json_object_get(o, "histogram");
  if (h) {
    if (!json_is_array(h)) bad(w, "member \"histogram\" is %s, not an array", type_name(h));
    s->nhist = json_array_size(h);
    s->hist = rep_alloc((s->nhist + 1) * sizeof *s->hist);
    for (size_t k = 0; k < s->nhist; k++) {
      json_t *e = json_array_get(h, k);
      const char *we = rep_printf("%s, histogram[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      s->hist[k].lo = get_num(e, we, "lo", 0);
      s->hist[k].hi = get_num(e, we, "hi", 0);
      s->hist[k].count = get_num(e, we, "count", 0);
    }
  }
  json_t *wl = json_object_get(o, "worst");
  if (wl) {
    if (!json_is_array(wl)) bad(w, "member \"worst\" is %s, not an array", type_name(wl));
    s->nworst = json_array_size(wl);
    s->worst = rep_alloc((s->nworst + 1) * sizeof *s->worst);
    for (size_t k = 0; k < s->nworst; k++) {
      json_t *e = json_array_get(wl, k);
      const char *we = rep_printf("%s, worst[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      rep_worst *r = &s->worst[k];
      r->x = xstr_value(mem(e, we, "x"), we, "member \"x\"");
      json_t *xh = json_object_get(e, "x_hex");
      r->x_hex = xh ? xstr_value(xh, we, "member \"x_hex\"") : NULL;
      r->ulp = get_num(e, we, "ulp", 1);
      r->got = xstr_value(mem(e, we, "got"), we, "member \"got\"");
      r->want = xstr_value(mem(e, we, "want"), we, "member \"want\"");
    }
  }
  json_t *bl = json_object_get(o, "by_binade");
  if (bl) {
    if (!json_is_array(bl)) bad(w, "member \"by_binade\" is %s, not an array", type_name(bl));
    s->nbinades = json_array_size(bl);
    s->binades = rep_alloc((s->nbinades + 1) * sizeof *s->binades);
    for (size_t k = 0; k < s->nbinades; k++) {
      json_t *e = json_array_get(bl, k);
      const char *we = rep_printf("%s, by_binade[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      rep_binade *r = &s->binades[k];
      r->sign = get_str(e, we, "sign", 0);
      r->exponent = xstr_value(mem(e, we, "exponent"), we, "member \"exponent\"");
      if (!r->exponent) bad(we, "member \"exponent\" is null");
      r->inputs = get_num(e, we, "inputs", 0);
      r->cr = get_num(e, we, "cr", 0);
      r->max_ulp = get_num(e, we, "max_ulp", 1);
      r->mean_ulp = get_num_opt(e, we, "mean_ulp");
    }
  }
}

static void load_accuracy(rep_model *m, const json_t *doc) {
  json_t *sw = json_object_get(doc, "sweep");
  if (json_is_object(sw)) {
    const char *mode = get_str(sw, "sweep", "mode", 1);
    m->acc_mode = mode;
    json_t *in = json_object_get(sw, "inputs");
    char inputs[64] = "";
    if (json_is_number(in)) snprintf(inputs, sizeof inputs, ", %.0f inputs", json_number_value(in));
    if (mode && (!strcmp(mode, "range") || !strcmp(mode, "exhaustive"))) {
      json_t *lo = json_object_get(sw, "lo"), *hi = json_object_get(sw, "hi");
      m->acc_sweep = lo && hi
                         ? rep_printf("every float in [%s, %s]%s", xstr_value(lo, "sweep", "lo"),
                                      xstr_value(hi, "sweep", "hi"), inputs)
                         : rep_printf("every float, NaN payloads included%s", inputs);
    } else if (mode) {
      json_t *n = json_object_get(sw, "samples"), *seed = json_object_get(sw, "seed");
      m->acc_sweep = rep_printf("%s: %.0f samples, seed %.0f%s", mode,
                                json_is_number(n) ? json_number_value(n) : NAN,
                                json_is_number(seed) ? json_number_value(seed) : NAN, inputs);
    }
  }
  m->acc_conventions = get_str(doc, "", "conventions", 1);
  json_t *acts = get_arr(doc, "", "activations");
  for (size_t i = 0; i < json_array_size(acts); i++) {
    json_t *o = json_array_get(acts, i);
    const char *wa0 = rep_printf("activations[%zu]", i);
    if (!json_is_object(o)) bad(wa0, "is %s, not an object", type_name(o));
    const char *name = get_str(o, wa0, "activation", 0);
    const char *wa = where_act(i, name);
    rep_act *a = act_get(m, name);
    if (a->acc) bad(wa, "appears twice");
    act_describe(a, o);
    rep_acc *r = a->acc = rep_alloc(sizeof *r);
    json_t *g = get_obj(o, wa, "grid");
    const char *wg = rep_printf("%s, grid", wa);
    r->lo = get_num(g, wg, "lo", 0);
    r->hi = get_num(g, wg, "hi", 0);
    double bins = get_num(g, wg, "bins", 0);
    if (!(bins >= 0 && bins <= 1e7 && bins == floor(bins)))
      bad(wg, "\"bins\" is %g, not a count", bins);
    if (!(r->hi > r->lo) && bins > 0) bad(wg, "hi (%g) is not above lo (%g)", r->hi, r->lo);
    r->bins = (size_t)bins;
    json_t *in = json_object_get(o, "inputs");
    r->inputs = json_is_number(in) ? json_number_value(in) : NAN;
    json_t *im = get_arr(o, wa, "implementations");
    r->nimpls = json_array_size(im);
    r->impls = rep_alloc((r->nimpls ? r->nimpls : 1) * sizeof *r->impls);
    for (size_t j = 0; j < r->nimpls; j++) {
      json_t *e = json_array_get(im, j);
      const char *wi = where_impl(wa, j, NULL);
      if (!json_is_object(e)) bad(wi, "is %s, not an object", type_name(e));
      rep_acc_impl *p = &r->impls[j];
      p->name = get_str(e, wi, "name", 0);
      wi = where_impl(wa, j, p->name);
      p->isa = get_str(e, wi, "isa", 1);
      p->origin = rep_norm_origin(p->name, get_str(e, wi, "origin", 1));
      p->available = get_bool(e, wi, "available", 1);
      p->reason = get_str(e, wi, "reason", 1);
      p->bwd_formula = get_str(e, wi, "bwd_formula", 1);
      rep_name *nm = act_add_impl(a, p->name, p->origin);
      if (!p->available) continue;
      json_t *c = get_obj(e, wi, "claimed");
      const char *wc = rep_printf("%s, claimed", wi);
      p->claimed_fwd = get_num(c, wc, "fwd_ulp", 1);
      load_stats(&p->fwd, e, wi, "fwd", r->bins);
      /* "bwd": null, an implementation without a backward kernel (XNNPACK) */
      p->has_bwd = !json_is_null(mem(e, wi, "bwd"));
      nm->bwd = p->has_bwd;
      if (p->has_bwd) {
        p->claimed_bwd = get_num(c, wc, "bwd_ulp", 1);
        load_stats(&p->bwd, e, wi, "bwd", r->bins);
      }
    }
    /* bfloat16 and binary16, when the file has them */
    json_t *nw = json_object_get(o, "narrow");
    if (nw) {
      const char *wn0 = rep_printf("%s, narrow", wa);
      if (!json_is_array(nw)) bad(wn0, "is %s, not an array", type_name(nw));
      r->nnarrow = json_array_size(nw);
      r->narrow = rep_alloc((r->nnarrow ? r->nnarrow : 1) * sizeof *r->narrow);
      for (size_t k = 0; k < r->nnarrow; k++) {
        json_t *e = json_array_get(nw, k);
        const char *wn = rep_printf("%s[%zu]", wn0, k);
        if (!json_is_object(e)) bad(wn, "is %s, not an object", type_name(e));
        rep_narrow *q = &r->narrow[k];
        q->format = get_str(e, wn, "format", 0);
        q->inputs = get_num(e, wn, "inputs", 0);
        json_t *dr = get_obj(e, wn, "double_rounding");
        const char *wd = rep_printf("%s, double_rounding", wn);
        q->dr_fwd = get_num(dr, wd, "fwd", 0);
        q->dr_bwd = get_num(dr, wd, "bwd", 0);
        json_t *ni = get_arr(e, wn, "implementations");
        q->nimpls = json_array_size(ni);
        q->impls = rep_alloc((q->nimpls ? q->nimpls : 1) * sizeof *q->impls);
        for (size_t j = 0; j < q->nimpls; j++) {
          json_t *ie = json_array_get(ni, j);
          const char *wi = rep_printf("%s, implementations[%zu]", wn, j);
          if (!json_is_object(ie)) bad(wi, "is %s, not an object", type_name(ie));
          rep_narrow_impl *p = &q->impls[j];
          p->name = get_str(ie, wi, "name", 0);
          p->native = get_bool(ie, wi, "native", 0);
          for (int d = 0; d < 2; d++) {
            json_t *st = mem(ie, wi, d ? "bwd" : "fwd");
            if (d) p->has_bwd = !json_is_null(st);
            if (json_is_null(st)) {
              p->bmax = p->bmean = p->bcr = p->bspecial = NAN;
              continue;
            }
            const char *ws = rep_printf("%s, %s", wi, d ? "bwd" : "fwd");
            if (!json_is_object(st)) bad(ws, "is %s, not an object", type_name(st));
            double mx = get_num(st, ws, "max_ulp", 1), mn = get_num_opt(st, ws, "mean_ulp");
            double cr = get_num(st, ws, "cr_fraction", 1);
            double sf = get_num(st, ws, "special_failures", 1);
            const char *note = get_str(st, ws, "max_ulp_note", 1);
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

/* ---- saturation.json */

static void load_side(rep_side *s, const json_t *o, const char *where, const char *key) {
  json_t *v = get_obj(o, where, key);
  const char *w = rep_printf("%s, %s", where, key);
  const char *kind = get_str(v, w, "kind", 0);
  if (!strcmp(kind, "beyond")) {
    s->kind = REP_MATH_BEYOND;
    s->x = fabs(get_num(v, w, "x", 0));
    if (!isfinite(s->x)) bad(w, "\"x\" is not finite");
  } else if (!strcmp(kind, "all")) {
    s->kind = REP_MATH_ALL;
  } else if (!strcmp(kind, "never")) {
    s->kind = REP_MATH_NEVER;
  } else {
    bad(w, "\"kind\" is \"%.40s\", not beyond, all or never", kind);
  }
}

static double *load_series(const json_t *c, const char *where, const char *key, size_t *n) {
  json_t *a = get_arr(c, where, key);
  *n = json_array_size(a);
  double *d = rep_alloc((*n ? *n : 1) * sizeof *d);
  for (size_t k = 0; k < *n; k++) {
    d[k] = num_value(json_array_get(a, k), where, rep_printf("%s[%zu]", key, k), 1);
    if (!isfinite(d[k])) d[k] = NAN;
  }
  return d;
}

static void load_saturation(rep_model *m, const json_t *doc) {
  json_t *sc = json_object_get(doc, "scan");
  if (json_is_object(sc)) {
    json_t *st = json_object_get(sc, "stride");
    const char *note = get_str(sc, "scan", "note", 1);
    if (json_is_number(st))
      m->sat_scan =
          rep_printf("stride %.0f%s%s", json_number_value(st), note ? "; " : "", note ? note : "");
    else if (note)
      m->sat_scan = note;
  }
  json_t *acts = get_arr(doc, "", "activations");
  for (size_t i = 0; i < json_array_size(acts); i++) {
    json_t *o = json_array_get(acts, i);
    const char *wa0 = rep_printf("activations[%zu]", i);
    if (!json_is_object(o)) bad(wa0, "is %s, not an object", type_name(o));
    const char *name = get_str(o, wa0, "activation", 0);
    const char *wa = where_act(i, name);
    rep_act *a = act_get(m, name);
    if (a->sat) bad(wa, "appears twice");
    act_describe(a, o);
    rep_sat *r = a->sat = rep_alloc(sizeof *r);
    json_t *c = get_obj(o, wa, "curve");
    const char *wc = rep_printf("%s, curve", wa);
    size_t nx, nf, ndf;
    r->x = load_series(c, wc, "x", &nx);
    r->f = load_series(c, wc, "f", &nf);
    r->df = load_series(c, wc, "df", &ndf);
    if (nf != nx || ndf != nx)
      bad(wc, "x, f and df have different lengths (%zu, %zu, %zu)", nx, nf, ndf);
    r->ncurve = nx;
    json_t *ma = get_arr(o, wa, "math");
    r->nmath = json_array_size(ma);
    r->math = rep_alloc((r->nmath ? r->nmath : 1) * sizeof *r->math);
    for (size_t k = 0; k < r->nmath; k++) {
      json_t *e = json_array_get(ma, k);
      const char *we = rep_printf("%s, math[%zu]", wa, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      r->math[k].eps = get_num(e, we, "eps", 0);
      load_side(&r->math[k].neg, e, we, "neg");
      load_side(&r->math[k].pos, e, we, "pos");
    }
    r->numerical = rep_jarr(o, "numerical");
    r->normal = rep_jobj(o, "normal");
    r->depth = rep_jobj(o, "depth");
    r->sets = rep_jobj(o, "sets");
    r->exact_zero = get_pair(o, wa, "exact_zero");
    r->exact_asymptote = get_pair(o, wa, "exact_asymptote");
    json_t *im = get_arr(o, wa, "implementations");
    r->nimpls = json_array_size(im);
    r->impls = rep_alloc((r->nimpls ? r->nimpls : 1) * sizeof *r->impls);
    for (size_t j = 0; j < r->nimpls; j++) {
      json_t *e = json_array_get(im, j);
      const char *wi = where_impl(wa, j, NULL);
      if (!json_is_object(e)) bad(wi, "is %s, not an object", type_name(e));
      rep_sat_impl *p = &r->impls[j];
      p->name = get_str(e, wi, "name", 0);
      wi = where_impl(wa, j, p->name);
      p->isa = get_str(e, wi, "isa", 1);
      p->origin = rep_norm_origin(p->name, get_str(e, wi, "origin", 1));
      p->available = get_bool(e, wi, "available", 1);
      p->reason = get_str(e, wi, "reason", 1);
      p->bwd_formula = get_str(e, wi, "bwd_formula", 1);
      rep_name *nm = act_add_impl(a, p->name, p->origin);
      if (!p->available) continue;
      p->grad_zero = get_pair(e, wi, "grad_zero");
      p->f_asymptote = get_pair(e, wi, "f_asymptote");
      json_t *pr = get_obj(e, wi, "grad_zero_premature");
      const char *wp = rep_printf("%s, grad_zero_premature", wi);
      p->premature_neg = get_bool(pr, wp, "neg", -1);
      p->premature_pos = get_bool(pr, wp, "pos", -1);
      p->dead_side = get_str(e, wi, "dead_side", 1);
      /* saturation.json says nothing of a backward kernel in so many words:
       * without one, grad_zero is null on both sides, no f' formula is
       * given and there is no dead side (accuracy.json, read first, says it
       * for sure where it has the implementation) */
      if (nm->bwd < 0 && !p->grad_zero.neg && !p->grad_zero.pos && !p->dead_side &&
          (!p->bwd_formula || !*p->bwd_formula))
        nm->bwd = 0;
    }
  }
}

double rep_jnum(const json_t *o, const char *key) {
  json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
  return json_is_number(v) ? json_number_value(v) : NAN;
}

json_t *rep_jarr(const json_t *o, const char *key) {
  json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
  return json_is_array(v) ? v : NULL;
}

json_t *rep_jobj(const json_t *o, const char *key) {
  json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
  return json_is_object(v) ? v : NULL;
}

size_t rep_mu0(const json_t *normal) {
  json_t *mu = rep_jarr(normal, "mu");
  size_t best = 0;
  double d = INFINITY;
  for (size_t i = 0; mu && i < json_array_size(mu); i++) {
    json_t *v = json_array_get(mu, i);
    if (json_is_number(v) && fabs(json_number_value(v)) < d)
      d = fabs(json_number_value(v)), best = i;
  }
  return best;
}

json_t *rep_normal_set(const json_t *normal) {
  json_t *sets = rep_jarr(normal, "sets");
  for (size_t k = 0; sets && k < json_array_size(sets); k++) {
    json_t *e = json_array_get(sets, k);
    json_t *s = json_object_get(e, "set");
    if (json_is_string(s) && !strcmp(json_string_value(s), "lt") &&
        fabs(rep_jnum(e, "eps") - 1e-3) < 1e-9)
      return e;
  }
  return NULL;
}

int rep_scale1(const json_t *depth) {
  json_t *sc = rep_jarr(depth, "scales");
  int best = -1;
  double d = INFINITY;
  for (size_t i = 0; sc && i < json_array_size(sc); i++) {
    json_t *v = json_array_get(sc, i);
    if (json_is_number(v) && fabs(json_number_value(v) - 1) < d)
      d = fabs(json_number_value(v) - 1), best = (int)i;
  }
  return best;
}

/* ---- speed.json */

typedef struct {
  rep_spd_impl *impl; /* of an activation, or a baseline */
  long long n;
  int dir;
  double sum[2], mean[2], median[2]; /* [items/s, bytes/s] */
  int count, has_mean, has_median;
  const char *size_class;
} spd_acc;

static rep_spd_impl *spd_impl(rep_spd **sp, const char *name) {
  if (!*sp) *sp = rep_alloc(sizeof **sp);
  rep_spd *s = *sp;
  for (size_t i = 0; i < s->nimpls; i++)
    if (!strcmp(s->impls[i].name, name)) return &s->impls[i];
  s->impls = rep_grow(s->impls, &s->cap, s->nimpls, sizeof *s->impls);
  rep_spd_impl *p = &s->impls[s->nimpls++];
  memset(p, 0, sizeof *p);
  p->name = name;
  p->available = 1;
  return p;
}

/* The implementation an entry of speed.json is about: a baseline (role
 * "baseline", or the pseudo-activation "memory") or an activation's. */
static rep_spd_impl *spd_entry_impl(rep_model *m, const json_t *e, const char *w,
                                    const char *activation, const char *name, rep_act **act) {
  const char *role = get_str(e, w, "role", 1);
  *act = NULL;
  if ((role && !strcmp(role, "baseline")) || !strcmp(activation, "memory"))
    return spd_impl(&m->baseline, name);
  rep_act *a = *act = act_get(m, activation);
  act_add_impl(a, name, NULL);
  return spd_impl(&a->spd, name);
}

static rep_point *spd_point(rep_spd_impl *p, long long n) {
  size_t k = 0;
  while (k < p->npoints && p->points[k].n < n) k++;
  if (k < p->npoints && p->points[k].n == n) return &p->points[k];
  p->points = rep_grow(p->points, &p->cap, p->npoints, sizeof *p->points);
  memmove(&p->points[k + 1], &p->points[k], (p->npoints - k) * sizeof *p->points);
  p->npoints++;
  rep_point *q = &p->points[k];
  memset(q, 0, sizeof *q);
  q->n = n;
  for (int d = 0; d < 2; d++) {
    q->ips[d] = q->bps[d] = q->ips_q1[d] = q->ips_q3[d] = q->mt_ips[d] = q->mt_bps[d] = NAN;
    q->bpe[d] = d ? 16 : 8;
  }
  return q;
}

/* speed.json's "measurements" (files from before it: the benchmarks below):
 * per benchmark the median of the repetitions, their quartiles and the bytes
 * the kernel moves.  Returns 0 when the file has none. */
static int load_measurements(rep_model *m, const json_t *doc) {
  json_t *ms = json_object_get(doc, "measurements");
  if (!ms) return 0;
  if (!json_is_array(ms)) bad("", "member \"measurements\" is %s, not an array", type_name(ms));
  for (size_t i = 0; i < json_array_size(ms); i++) {
    json_t *e = json_array_get(ms, i);
    const char *w = rep_printf("measurements[%zu]", i);
    if (!json_is_object(e)) bad(w, "is %s, not an object", type_name(e));
    const char *name = get_str(e, w, "name", 0);
    w = rep_printf("measurement \"%s\"", name);
    const char *impl = get_str(e, w, "impl", 0);
    const char *activation = get_str(e, w, "activation", 0);
    const char *dirs = get_str(e, w, "direction", 0);
    int dir = !strcmp(dirs, "fwd") ? 0 : !strcmp(dirs, "bwd") ? 1 : -1;
    if (dir < 0) bad(w, "\"direction\" is \"%.20s\", not fwd or bwd", dirs);
    double n = get_num(e, w, "n", 0);
    if (!(n >= 1 && n < 9e18 && n == floor(n))) bad(w, "\"n\" is %g, not a size", n);
    double th = get_num_opt(e, w, "threads");
    int threads = isnan(th) ? 1 : (int)th;
    if (!(threads >= 1 && threads == th) && !isnan(th)) bad(w, "\"threads\" is %g", th);
    double bpe = get_num(e, w, "bytes_per_element", 0);
    if (!(bpe > 0 && bpe <= 64)) bad(w, "\"bytes_per_element\" is %g", bpe);
    json_t *ips = json_object_get(e, "items_per_second");
    if (!json_is_object(ips)) bad(w, "member \"items_per_second\" is not an object");
    const char *wi = rep_printf("%s, items_per_second", w);
    double med = get_num(ips, wi, "median", 1);
    if (!(med >= 0) && !isnan(med)) bad(wi, "\"median\" is %g", med);
    rep_act *a;
    rep_spd_impl *p = spd_entry_impl(m, e, w, activation, impl, &a);
    if (!p->isa) p->isa = get_str(e, w, "isa", 1);
    if (!p->origin) p->origin = rep_norm_origin(impl, get_str(e, w, "origin", 1));
    if (a && p->origin) act_add_impl(a, impl, p->origin);
    rep_point *q = spd_point(p, (long long)n);
    if (!q->size_class) q->size_class = get_str(e, w, "size_class", 1);
    if (threads > 1) {
      q->mt_threads = threads;
      q->mt_ips[dir] = med;
      q->mt_bps[dir] = med * bpe;
      continue;
    }
    q->ips[dir] = med;
    q->bps[dir] = med * bpe;
    q->bpe[dir] = bpe;
    q->ips_q1[dir] = get_num(ips, wi, "q1", 1);
    q->ips_q3[dir] = get_num(ips, wi, "q3", 1);
    double r = get_num_opt(e, w, "repetitions");
    q->nrep[dir] = isnan(r) ? 0 : (int)r;
  }
  json_t *ab = json_object_get(doc, "actbench");
  if (json_is_object(ab)) {
    double r = get_num_opt(ab, "actbench", "repetitions");
    m->speed_reps = isnan(r) ? 0 : (long long)r;
    m->speed_min_time = get_num_opt(ab, "actbench", "min_time");
    json_t *il = json_object_get(ab, "interleaved");
    m->speed_interleaved = json_is_boolean(il) ? json_is_true(il) : -1;
    json_t *st = json_object_get(ab, "machine_state");
    if (json_is_object(st)) m->speed_state = st;
  }
  return 1;
}

static void load_speed(rep_model *m, const json_t *doc) {
  /* implementations first: their order, ISA, origin and availability */
  json_t *ab = json_object_get(doc, "actbench");
  json_t *sizes = NULL;
  if (ab && !json_is_object(ab)) bad("", "member \"actbench\" is %s, not an object", type_name(ab));
  if (ab) {
    json_t *im = json_object_get(ab, "implementations");
    if (im && !json_is_array(im))
      bad("actbench", "member \"implementations\" is %s, not an array", type_name(im));
    for (size_t j = 0; j < json_array_size(im); j++) {
      json_t *e = json_array_get(im, j);
      const char *wi = rep_printf("actbench, implementations[%zu]", j);
      if (!json_is_object(e)) bad(wi, "is %s, not an object", type_name(e));
      const char *name = get_str(e, wi, "name", 0);
      wi = rep_printf("actbench, implementation \"%s\"", name);
      const char *activation = get_str(e, wi, "activation", 0);
      rep_act *a;
      rep_spd_impl *p = spd_entry_impl(m, e, wi, activation, name, &a);
      p->isa = get_str(e, wi, "isa", 1);
      p->origin = rep_norm_origin(p->name, get_str(e, wi, "origin", 1));
      p->available = get_bool(e, wi, "available", 1);
      if (a) act_add_impl(a, name, p->origin);
    }
    sizes = json_object_get(ab, "sizes");
    if (sizes && !json_is_array(sizes)) sizes = NULL;
  }
  m->speed_interleaved = -1;
  if (load_measurements(m, doc)) return;
  json_t *bm = get_arr(doc, "", "benchmarks");
  spd_acc *acc = NULL;
  size_t nacc = 0, cap = 0;
  for (size_t i = 0; i < json_array_size(bm); i++) {
    json_t *e = json_array_get(bm, i);
    const char *w = rep_printf("benchmarks[%zu]", i);
    if (!json_is_object(e)) bad(w, "is %s, not an object", type_name(e));
    json_t *nm = json_object_get(e, "name");
    if (json_is_string(nm)) w = rep_printf("benchmark \"%s\"", json_string_value(nm));
    if (json_is_true(json_object_get(e, "error_occurred"))) continue;
    int kind = 0; /* 0 iteration, 1 mean, 2 median */
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
    const char *impl = get_str(e, w, "impl", 0);
    const char *activation = get_str(e, w, "activation", 0);
    const char *dirs = get_str(e, w, "direction", 0);
    int dir = !strcmp(dirs, "fwd") ? 0 : !strcmp(dirs, "bwd") ? 1 : -1;
    if (dir < 0) bad(w, "\"direction\" is \"%.20s\", not fwd or bwd", dirs);
    double n = get_num(e, w, "n", 0);
    if (!(n >= 1 && n < 9e18 && n == floor(n))) bad(w, "\"n\" is %g, not a size", n);
    double ips = get_num(e, w, "items_per_second", 0);
    json_t *bv = json_object_get(e, "bytes_per_second");
    double bps = bv ? num_value(bv, w, "member \"bytes_per_second\"", 1) : NAN;
    if (isnan(bps)) bps = ips * (dir ? 16.0 : 8.0);
    rep_act *a;
    rep_spd_impl *p = spd_entry_impl(m, e, w, activation, impl, &a);
    if (!p->isa) p->isa = get_str(e, w, "isa", 1);
    if (!p->origin) p->origin = rep_norm_origin(impl, get_str(e, w, "origin", 1));
    if (a && p->origin) act_add_impl(a, impl, p->origin);
    spd_acc *r = NULL;
    for (size_t k = 0; k < nacc && !r; k++)
      if (acc[k].impl == p && acc[k].n == (long long)n && acc[k].dir == dir) r = &acc[k];
    if (!r) {
      acc = rep_grow(acc, &cap, nacc, sizeof *acc);
      r = &acc[nacc++];
      memset(r, 0, sizeof *r);
      r->impl = p;
      r->n = (long long)n;
      r->dir = dir;
    }
    const char *sc = get_str(e, w, "size_class", 1);
    if (sc) r->size_class = sc;
    if (kind == 0) {
      r->sum[0] += ips;
      r->sum[1] += bps;
      r->count++;
    } else if (kind == 1) {
      r->mean[0] = ips;
      r->mean[1] = bps;
      r->has_mean = 1;
    } else {
      r->median[0] = ips;
      r->median[1] = bps;
      r->has_median = 1;
    }
  }
  for (size_t k = 0; k < nacc; k++) {
    spd_acc *r = &acc[k];
    rep_point *q = spd_point(r->impl, r->n);
    const double *v = r->has_median ? r->median : r->has_mean ? r->mean : r->sum;
    double div = (r->has_median || r->has_mean) ? 1.0 : r->count;
    q->ips[r->dir] = v[0] / div;
    q->bps[r->dir] = v[1] / div;
    q->size_class = r->size_class;
    for (size_t s = 0; !q->size_class && s < json_array_size(sizes); s++) {
      json_t *z = json_array_get(sizes, s);
      json_t *zn = json_object_get(z, "n"), *zc = json_object_get(z, "class");
      if (json_is_number(zn) && json_number_value(zn) == (double)r->n && json_is_string(zc))
        q->size_class = json_string_value(zc);
    }
  }
}

/* a boolean or null: 1, 0, -1 */
static int get_tristate(const json_t *obj, const char *where, const char *key) {
  json_t *v = mem(obj, where, key);
  if (json_is_null(v)) return -1;
  if (!json_is_boolean(v))
    bad(where, "member \"%s\" is %s, not a boolean or null", key, type_name(v));
  return json_is_true(v);
}

/* speed.json's "targets" (absent in files written before it existed) */
static void load_targets(rep_model *m, const json_t *doc) {
  json_t *arr = json_object_get(doc, "targets");
  if (!arr) return;
  if (!json_is_array(arr)) bad("", "member \"targets\" is %s, not an array", type_name(arr));
  m->ntargets = json_array_size(arr);
  m->targets = rep_alloc((m->ntargets + 1) * sizeof *m->targets);
  for (size_t i = 0; i < m->ntargets; i++) {
    json_t *o = json_array_get(arr, i);
    const char *w = rep_printf("targets[%zu]", i);
    if (!json_is_object(o)) bad(w, "is %s, not an object", type_name(o));
    rep_target *t = &m->targets[i];
    t->id = get_str(o, w, "id", 0);
    w = rep_printf("target \"%s\"", t->id);
    t->kind = get_str(o, w, "kind", 0);
    t->bandwidth = !strcmp(t->kind, "bandwidth");
    if (!t->bandwidth && strcmp(t->kind, "peer"))
      bad(w, "\"kind\" is \"%.20s\", not peer or bandwidth", t->kind);
    t->activation = get_str(o, w, "activation", 0);
    t->direction = get_str(o, w, "direction", 0);
    t->acc_class = t->bandwidth ? get_str(o, w, "accuracy_class", 1) : NULL;
    t->reference = get_str(o, w, "reference", 0);
    t->description = get_str(o, w, "description", 1);
    t->status = get_str(o, w, "status", 0);
    t->met = get_tristate(o, w, "met");
    t->min_ratio = get_num(o, w, "min_ratio", 0);
    json_t *cls = get_arr(o, w, "classes");
    const char *cl = "";
    for (size_t k = 0; k < json_array_size(cls); k++) {
      json_t *c = json_array_get(cls, k);
      if (!json_is_string(c)) bad(w, "\"classes\"[%zu] is %s, not a string", k, type_name(c));
      cl = rep_printf("%s%s%s", cl, k ? ", " : "", json_string_value(c));
    }
    t->classes = cl;
    json_t *ours = json_object_get(o, "ours"), *peers = json_object_get(o, "peers");
    t->nours = json_is_array(ours) ? json_array_size(ours) : 0;
    t->npeers = json_is_array(peers) ? json_array_size(peers) : 0;
    json_t *sz = get_arr(o, w, "sizes");
    t->nsizes = json_array_size(sz);
    t->sizes = rep_alloc((t->nsizes + 1) * sizeof *t->sizes);
    for (size_t k = 0; k < t->nsizes; k++) {
      json_t *e = json_array_get(sz, k);
      const char *we = rep_printf("%s, sizes[%zu]", w, k);
      if (!json_is_object(e)) bad(we, "is %s, not an object", type_name(e));
      rep_target_size *q = &t->sizes[k];
      double n = get_num(e, we, "n", 0);
      if (!(n >= 1 && n < 9e18 && n == floor(n))) bad(we, "\"n\" is %g, not a size", n);
      q->n = (long long)n;
      q->cls = get_str(e, we, "class", 0);
      q->status = get_str(e, we, "status", 0);
      q->note = get_str(e, we, "note", 1);
      q->met = get_tristate(e, we, "met");
      q->ratio = get_num(e, we, "ratio", 1);
      q->ratio_lo = get_num_opt(e, we, "ratio_lo");
      q->ratio_hi = get_num_opt(e, we, "ratio_hi");
      if (!t->bandwidth) {
        q->peer = get_str(e, we, "peer", 1);
        q->ours = get_str(e, we, "ours", 1);
        q->peer_ulp = get_num_opt(e, we, "peer_claimed_ulp");
        q->ours_ulp = get_num_opt(e, we, "ours_claimed_ulp");
        q->peer_ips = get_num_opt(e, we, "peer_items_per_second");
        q->ours_ips = get_num_opt(e, we, "ours_items_per_second");
        json_t *qu = json_object_get(e, "qualifying");
        q->nqualifying = json_is_array(qu) ? json_array_size(qu) : 0;
        continue;
      }
      q->copy_bps = get_num_opt(e, we, "copy_bytes_per_second");
      q->worst = get_str(e, we, "worst", 1);
      q->ours = get_str(e, we, "ours", 1);
      q->ours_bps = get_num_opt(e, we, "ours_bytes_per_second");
      json_t *ks = get_arr(e, we, "kernels");
      q->nkernels = json_array_size(ks);
      q->kernels = rep_alloc((q->nkernels + 1) * sizeof *q->kernels);
      for (size_t j = 0; j < q->nkernels; j++) {
        json_t *kj = json_array_get(ks, j);
        const char *wk = rep_printf("%s, kernels[%zu]", we, j);
        if (!json_is_object(kj)) bad(wk, "is %s, not an object", type_name(kj));
        q->kernels[j].name = get_str(kj, wk, "name", 0);
        q->kernels[j].ratio = get_num(kj, wk, "ratio", 1);
        q->kernels[j].met = json_object_get(kj, "met") ? get_tristate(kj, wk, "met") : -1;
      }
    }
  }
}

double rep_copy_bps_mt(const rep_model *m, long long n) {
  if (!m->baseline) return NAN;
  for (size_t i = 0; i < m->baseline->nimpls; i++) {
    const rep_spd_impl *p = &m->baseline->impls[i];
    if (strcmp(p->name, "memory.copy")) continue;
    for (size_t k = 0; k < p->npoints; k++)
      if (p->points[k].n == n && p->points[k].mt_bps[0] > 0) return p->points[k].mt_bps[0];
  }
  return NAN;
}

double rep_copy_bps(const rep_model *m, long long n) {
  if (!m->baseline) return NAN;
  for (size_t i = 0; i < m->baseline->nimpls; i++) {
    const rep_spd_impl *p = &m->baseline->impls[i];
    if (strcmp(p->name, "memory.copy")) continue;
    for (size_t k = 0; k < p->npoints; k++)
      if (p->points[k].n == n && p->points[k].bps[0] > 0) return p->points[k].bps[0];
  }
  return NAN;
}

/* The libraries in the order of the report's tables and legends: ours
 * first, then the peers, then anything else (plugins) after them. */
const char *const rep_libraries[REP_NLIBS] = {"actbench", "sleef", "onednn", "xnnpack", "libmvec",
                                              "libm"};

int rep_library_rank(const char *origin) {
  if (rep_origin_is_ours(origin)) return 0;
  for (int i = 1; i < REP_NLIBS; i++)
    if (!strcmp(rep_libraries[i], origin)) return i;
  return REP_NLIBS;
}

/* ---- the whole model */

static const char *make_stem(const rep_model *m, size_t upto, const char *name) {
  char buf[80];
  size_t k = 0;
  for (const char *s = name; *s && k < 60; s++)
    buf[k++] = (isalnum((unsigned char)*s) || *s == '_' || *s == '-') ? *s : '_';
  buf[k] = 0;
  if (!k || !strcmp(buf, "index") || !strcmp(buf, "summary")) {
    snprintf(buf + k, sizeof buf - k, "_act");
  }
  const char *stem = rep_strdup(buf);
  for (int n = 2;; n++) {
    size_t i = 0;
    while (i < upto && strcmp(m->acts[i].stem, stem)) i++;
    if (i == upto) return stem;
    stem = rep_printf("%s_%d", buf, n);
  }
}

/* Peers in a fixed order of origins, so that a library keeps its place (and
 * its colours) from one activation to the next. */
static int origin_rank(const char *origin) {
  return rep_library_rank(origin);
}

/* After all files: the activations in the family's order, each one's
 * implementations ours first (both stable sorts), and what speed.json says
 * of backward kernels where no other file did. */
static void finish(rep_model *m) {
  for (size_t i = 1; i < m->nacts; i++) {
    rep_act t = m->acts[i];
    size_t j = i, r = act_rank(t.name);
    while (j > 0 && act_rank(m->acts[j - 1].name) > r) {
      m->acts[j] = m->acts[j - 1];
      j--;
    }
    m->acts[j] = t;
  }
  /* a speed.json that measured backward kernels at all, and none for an
   * implementation: it has none */
  int any_bwd = 0;
  for (size_t i = 0; i < m->nacts; i++)
    for (size_t j = 0; m->acts[i].spd && j < m->acts[i].spd->nimpls; j++)
      for (size_t k = 0; k < m->acts[i].spd->impls[j].npoints; k++)
        any_bwd |= !isnan(m->acts[i].spd->impls[j].points[k].ips[1]);
  for (size_t i = 0; i < m->nacts; i++) {
    rep_act *a = &m->acts[i];
    for (size_t j = 0; any_bwd && a->spd && j < a->spd->nimpls; j++) {
      const rep_spd_impl *p = &a->spd->impls[j];
      int fwd = 0, bwd = 0;
      for (size_t k = 0; k < p->npoints; k++) {
        fwd |= !isnan(p->points[k].ips[0]);
        bwd |= !isnan(p->points[k].ips[1]);
      }
      rep_name *nm = act_add_impl(a, p->name, p->origin);
      if (fwd && nm->bwd < 0) nm->bwd = bwd;
    }
    for (size_t j = 1; j < a->nnames; j++) {
      rep_name t = a->names[j];
      size_t k = j;
      int r = origin_rank(t.origin);
      while (k > 0 && origin_rank(a->names[k - 1].origin) > r) {
        a->names[k] = a->names[k - 1];
        k--;
      }
      a->names[k] = t;
    }
  }
}

/* ---- the ranking size, the kernels' points, the classes */

const double rep_class_bound[REP_NCLASSES] = {0.5, 1, 2, 4, INFINITY};

/* The class a count counts as in speed.json's actbench.sizes ("custom" sizes
 * with "counts_as"), or NULL. */
static const char *counts_as(const rep_model *m, long long n) {
  json_t *doc = m->files[REP_SPEED].doc;
  json_t *sizes = json_object_get(json_object_get(doc, "actbench"), "sizes");
  for (size_t k = 0; k < json_array_size(sizes); k++) {
    json_t *z = json_array_get(sizes, k);
    json_t *zn = json_object_get(z, "n"), *zc = json_object_get(z, "counts_as");
    if (json_is_number(zn) && json_number_value(zn) == (double)n && json_is_string(zc))
      return json_string_value(zc);
  }
  return NULL;
}

/* Where an activation's kernels are ranked: the size of class m->rank_size
 * (or that count), else the smallest measured, said in rank_note. */
static void rank_size(const rep_model *m, rep_act *a) {
  a->rank_n = 0;
  a->rank_cls = NULL;
  a->rank_note = NULL;
  if (!a->spd) return;
  const char *want = m->rank_size ? m->rank_size : "L1";
  char *end;
  long long want_n = strtoll(want, &end, 10);
  if (*end || want_n <= 0) want_n = 0;
  long long smallest = 0, found = 0;
  const char *smallest_cls = NULL, *found_cls = NULL;
  for (size_t j = 0; j < a->spd->nimpls; j++)
    for (size_t k = 0; k < a->spd->impls[j].npoints; k++) {
      const rep_point *q = &a->spd->impls[j].points[k];
      const char *cls = q->size_class;
      if (cls && !strcmp(cls, "custom")) cls = counts_as(m, q->n);
      if (!smallest || q->n < smallest) smallest = q->n, smallest_cls = cls;
      if (found) continue;
      if (want_n ? q->n == want_n : (cls && !strcasecmp(cls, want))) found = q->n, found_cls = cls;
    }
  if (!smallest) return;
  if (found) {
    a->rank_n = found;
    a->rank_cls = found_cls;
    return;
  }
  a->rank_n = smallest;
  a->rank_cls = smallest_cls;
  a->rank_note = rep_printf("%s %s was not measured for %s; ranked at the smallest size measured",
                            want_n ? "n =" : "the size class", want, a->name);
}

const char *rep_tail_letters(const rep_stats *s) {
  static const char *const k[] = {"flush_to_zero", "premature_saturation", "nan",
                                  "infinity",      "flushed_input",        "zero_sign"};
  static const char l[] = "ZPNIDS";
  if (!s->tails) return NULL;
  char buf[8];
  size_t n = 0;
  for (size_t i = 0; i < 6; i++)
    for (size_t t = 0; t < s->ntails; t++)
      if (!strcmp(s->tails[t].kind, k[i])) {
        buf[n++] = l[i];
        break;
      }
  buf[n] = 0;
  return rep_strdup(buf);
}

size_t rep_kernel_points(const rep_act *a, int dir, rep_kpoint *out) {
  size_t n = 0;
  for (size_t i = 0; i < a->nnames; i++) {
    rep_kpoint p;
    memset(&p, 0, sizeof p);
    p.idx = i;
    p.name = a->names[i].name;
    p.origin = a->names[i].origin;
    p.ulp = p.all = p.ips = p.q1 = p.q3 = p.special = NAN;
    p.verdict = -1;
    for (size_t j = 0; a->acc && j < a->acc->nimpls; j++) {
      const rep_acc_impl *q = &a->acc->impls[j];
      if (strcmp(q->name, p.name) || !q->available || (dir && !q->has_bwd)) continue;
      const rep_stats *s = dir ? &q->bwd : &q->fwd;
      p.has_core = s->has_core && !isnan(s->core_max_ulp);
      p.ulp = p.has_core ? s->core_max_ulp : s->max_ulp;
      p.all = s->max_ulp;
      p.special = s->special_failures;
      p.note = p.has_core ? s->core_max_ulp_note : s->max_ulp_note;
      p.tails = rep_tail_letters(s);
      p.verdict = s->verdict >= 0 ? s->verdict : !s->within_claim;
    }
    for (size_t j = 0; a->spd && a->rank_n && j < a->spd->nimpls; j++) {
      const rep_spd_impl *q = &a->spd->impls[j];
      if (strcmp(q->name, p.name)) continue;
      for (size_t k = 0; k < q->npoints; k++)
        if (q->points[k].n == a->rank_n && q->points[k].ips[dir] > 0) {
          p.ips = q->points[k].ips[dir];
          p.q1 = q->points[k].ips_q1[dir];
          p.q3 = q->points[k].ips_q3[dir];
        }
    }
    if (isnan(p.ulp) && isnan(p.ips)) continue;
    out[n++] = p;
  }
  /* the front: among those with both, none other is at least as fast and at
   * most as inaccurate, and better in one of the two */
  for (size_t i = 0; i < n; i++) {
    rep_kpoint *p = &out[i];
    if (isnan(p->ulp) || isnan(p->ips)) continue;
    int dominated = 0;
    for (size_t j = 0; j < n && !dominated; j++) {
      const rep_kpoint *q = &out[j];
      if (j == i || isnan(q->ulp) || isnan(q->ips)) continue;
      dominated = q->ips >= p->ips && q->ulp <= p->ulp && (q->ips > p->ips || q->ulp < p->ulp);
    }
    p->front = !dominated;
  }
  return n;
}

const rep_kpoint *rep_class_winner(const rep_kpoint *p, size_t n, double bound) {
  const rep_kpoint *best = NULL;
  for (size_t i = 0; i < n; i++) {
    if (isnan(p[i].ulp) || isnan(p[i].ips) || !(p[i].ulp <= bound)) continue;
    if (!best || p[i].ips > best->ips) best = &p[i];
  }
  return best;
}

static const char *ctx_str(const rep_model *m, int kind, const char *key) {
  const json_t *c = m->files[kind].context;
  json_t *v = c ? json_object_get(c, key) : NULL;
  if (!json_is_string(v) && c) v = json_object_get(c, rep_printf("actbench_%s", key));
  return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *rep_file_command(const rep_model *m, int kind) {
  return ctx_str(m, kind, "command");
}

const char *rep_file_date(const rep_model *m, int kind) {
  /* speed.json: Google Benchmark's date keeps the key; actbench's is ISO */
  const char *d = kind == REP_SPEED ? ctx_str(m, kind, "actbench_date") : NULL;
  return d ? d : ctx_str(m, kind, "date");
}

void rep_load(rep_model *m, const char *const paths[REP_NFILES]) {
  for (int k = 0; k < REP_NFILES; k++) {
    rep_file *f = &m->files[k];
    if (!paths[k]) continue;
    f->path = paths[k];
    cur_file = paths[k];
    f->doc = act_read_json(paths[k], rep_kind_names[k]);
    if (!json_is_object(f->doc)) bad("", "is not a JSON object");
    json_t *k2 = json_object_get(f->doc, "kind");
    if (!json_is_string(k2) || strcmp(json_string_value(k2), rep_kind_names[k]))
      bad("", "\"kind\" is not \"%s\"", rep_kind_names[k]);
    json_t *c = json_object_get(f->doc, "context");
    f->context = json_is_object(c) ? c : NULL;
    f->version = get_str(f->doc, "", "actbench_version", 1);
    /* a range or exhaustive accuracy file keeps its date and command in
     * accuracy.run.json beside it: take them from there when it is whole */
    if (k == REP_ACCURACY && f->context && !json_object_get(f->context, "date")) {
      const char *slash = strrchr(paths[k], '/');
      char *run = slash ? rep_printf("%.*s/accuracy.run.json", (int)(slash - paths[k]), paths[k])
                        : rep_strdup("accuracy.run.json");
      json_error_t err;
      json_t *rd = access(run, R_OK) == 0 ? json_load_file(run, 0, &err) : NULL;
      if (json_is_object(rd)) {
        json_t *d = json_object_get(rd, "date"), *cm = json_object_get(rd, "command");
        if (json_is_string(d)) json_object_set(f->context, "date", d);
        if (json_is_string(cm)) json_object_set(f->context, "command", cm);
      }
      json_decref(rd);
    }
    if (k == REP_SPEED) {
      load_speed(m, f->doc);
      load_targets(m, f->doc);
    }
    if (k == REP_ACCURACY) load_accuracy(m, f->doc);
    if (k == REP_SATURATION) load_saturation(m, f->doc);
    /* zerocenter.json is read where it is drawn (report_plot.c, report_html.c) */
  }
  finish(m);
  for (size_t i = 0; i < m->nacts; i++) {
    m->acts[i].stem = make_stem(m, i, m->acts[i].name);
    rank_size(m, &m->acts[i]);
  }
}
