/* actbench: reading the suites' results files for compare and diff. */
#include "results.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "util.h"

double act_json_num(const json_t *v) {
  if (json_is_number(v)) return json_number_value(v);
  if (json_is_string(v)) {
    const char *s = json_string_value(v);
    char *end;
    double d = strtod(s, &end);
    if (end != s && *end == '\0') return d;
  }
  return NAN;
}

json_t *act_json_find(const json_t *arr, const char *key, const char *value) {
  size_t i;
  json_t *e;
  json_array_foreach(arr, i, e) {
    const char *s = json_string_value(json_object_get(e, key));
    if (s && !strcmp(s, value)) return e;
  }
  return NULL;
}

const char *act_json_ulp_note(const json_t *stats, int p, char *buf, size_t cap) {
  buf[0] = '\0';
  json_t *n = json_object_get(stats, "max_ulp_note");
  if (n) {
    if (json_is_string(n)) snprintf(buf, cap, "%s", json_string_value(n));
    return buf;
  }
  /* older files: from the worst input's result and its exact value */
  double ulp = act_json_num(json_object_get(stats, "max_ulp"));
  double g = act_json_num(json_object_get(stats, "max_ulp_got"));
  double w = act_json_num(json_object_get(stats, "max_ulp_want"));
  const act_format *f = p == act_bfloat16.p   ? &act_bfloat16
                        : p == act_binary16.p ? &act_binary16
                                              : &act_binary32;
  if (isnan(ulp) || isnan(g) || isnan(w)) return buf;
  return act_ulp_note(buf, cap, ulp, (float)g, (float)w, f);
}

const char *act_json_tail_letters(const json_t *stats, char *buf, size_t cap) {
  static const struct {
    const char *kind;
    char letter;
  } k[] = {{"flush_to_zero", 'Z'}, {"premature_saturation", 'P'}, {"nan", 'N'},
           {"infinity", 'I'},      {"flushed_input", 'D'},        {"zero_sign", 'S'}};
  json_t *t = json_object_get(stats, "tails");
  if (!json_is_array(t)) return NULL;
  size_t n = 0;
  for (size_t j = 0; j < sizeof k / sizeof k[0] && n + 1 < cap; j++)
    if (act_json_find(t, "kind", k[j].kind)) buf[n++] = k[j].letter;
  if (n == 0 && cap > 1) buf[n++] = '-';
  buf[n] = '\0';
  return buf;
}

int act_json_verdict(const json_t *stats) {
  const char *st = json_string_value(json_object_get(json_object_get(stats, "verdict"), "status"));
  if (st) return !strcmp(st, "within") ? 0 : !strcmp(st, "exceeds") ? 1 : 2;
  json_t *w = json_object_get(stats, "within_claim");
  if (json_is_boolean(w)) return json_is_true(w) ? 0 : 1;
  return -1;
}

double act_speed_center(const act_speed_run *r) {
  if (r->spread.n) return r->spread.median;
  if (!isnan(r->median)) return r->median;
  return r->mean;
}

static const char *str_member(const json_t *e, const char *key) {
  return json_string_value(json_object_get(e, key));
}

/* The arrays handed out and not yet freed: reachable from here, so that a
 * command that dies (act_die exits) leaves nothing LeakSanitizer calls lost. */
#define MAX_LIVE 8
static act_speed_run *g_live[MAX_LIVE];

static void live_add(act_speed_run *r) {
  for (size_t i = 0; i < MAX_LIVE; i++)
    if (!g_live[i]) {
      g_live[i] = r;
      return;
    }
}

act_speed_run *act_speed_runs(const json_t *doc, const char *path, size_t *count) {
  json_t *bm = json_object_get(doc, "benchmarks");
  if (!json_is_array(bm)) act_die("%s: no \"benchmarks\" array (not a speed results file?)", path);
  size_t cap = json_array_size(bm) + 1, nr = 0;
  act_speed_run *runs = calloc(cap, sizeof *runs);
  if (!runs) act_die("out of memory");
  live_add(runs);
  size_t i;
  json_t *e;
  json_array_foreach(bm, i, e) {
    if (!json_is_object(e)) act_die("%s: benchmarks[%zu] is not an object", path, i);
    if (json_is_true(json_object_get(e, "error_occurred"))) continue;
    const char *name = str_member(e, "run_name");
    if (!name) name = str_member(e, "name");
    if (!name) act_die("%s: benchmarks[%zu] has no name", path, i);
    int kind = 0; /* 0 a repetition, 1 mean, 2 median */
    const char *rt = str_member(e, "run_type");
    if (rt && !strcmp(rt, "aggregate")) {
      const char *ag = str_member(e, "aggregate_name");
      if (ag && !strcmp(ag, "mean"))
        kind = 1;
      else if (ag && !strcmp(ag, "median"))
        kind = 2;
      else
        continue; /* stddev, cv */
      if (!str_member(e, "run_name"))
        act_die("%s: aggregate benchmarks[%zu] has no run_name", path, i);
    }
    double ips = act_json_num(json_object_get(e, "items_per_second"));
    if (isnan(ips)) act_die("%s: benchmark %s has no items_per_second", path, name);
    json_t *th = json_object_get(e, "threads");
    int threads = json_is_integer(th) ? (int)json_integer_value(th) : 1;
    act_speed_run *r = NULL;
    for (size_t k = nr; k-- > 0 && !r;)
      if (!strcmp(runs[k].name, name) && runs[k].threads == threads) r = &runs[k];
    if (!r) {
      r = &runs[nr++];
      r->name = name;
      r->mean = r->median = NAN;
      r->impl = str_member(e, "impl");
      r->activation = str_member(e, "activation");
      r->direction = str_member(e, "direction");
      r->size_class = str_member(e, "size_class");
      if (!r->size_class) r->size_class = str_member(e, "label");
      if (!r->size_class) r->size_class = "";
      json_t *n = json_object_get(e, "n");
      r->n = json_is_integer(n) ? (long long)json_integer_value(n) : -1;
      const char *role = str_member(e, "role");
      r->baseline = (role && !strcmp(role, "baseline")) ||
                    (r->activation && !strcmp(r->activation, "memory"));
      if (!r->impl || !r->direction || !r->activation || r->n < 0)
        act_die(
            "%s: benchmark %s lacks impl, activation, direction or n (not written by "
            "actbench speed?)",
            path, name);
      r->threads = threads;
      double bpe = act_json_num(json_object_get(e, "bytes_per_element"));
      r->bytes_per_element = bpe > 0 ? bpe : !strcmp(r->direction, "bwd") ? 16 : 8;
    }
    if (kind == 0) {
      if (r->nsamples == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        double *g = realloc(r->samples, r->cap * sizeof *g);
        if (!g) act_die("out of memory");
        r->samples = g;
      }
      r->samples[r->nsamples++] = ips;
    } else if (kind == 1)
      r->mean = ips;
    else
      r->median = ips;
  }
  for (size_t k = 0; k < nr; k++) act_spread_of(runs[k].samples, runs[k].nsamples, &runs[k].spread);
  *count = nr;
  return runs;
}

void act_speed_runs_free(act_speed_run *runs, size_t count) {
  for (size_t i = 0; i < MAX_LIVE; i++)
    if (g_live[i] == runs) g_live[i] = NULL;
  for (size_t i = 0; i < count; i++) free(runs[i].samples);
  free(runs);
}
