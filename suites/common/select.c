/* The selection of implementations, the parameter check, the results
 * files' members of an activation and an implementation (select.h). */
#include "select.h"

#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* what activation act says about its parameter pn ("slope, s(a x)"), from its
 * param_note ("a: slope, s(a x); b: ..."), into buf */
static const char *param_text(const act_activation *act, char pn, char *buf, size_t cap) {
  const char *note = act->param_note ? act->param_note : "";
  char key[4] = {pn, ':', ' ', '\0'};
  const char *p = strstr(note, key);
  if (!p) {
    snprintf(buf, cap, "%c", pn);
    return buf;
  }
  p += 3;
  size_t len = strcspn(p, ";");
  snprintf(buf, cap, "%c: %.*s", pn, (int)len, p);
  return buf;
}

void act_check_params(const char *cmd, const act_activation *const *acts, size_t n, int have_a,
                      float a, int have_b, float b) {
  for (int k = 0; k < 2; k++) {
    int have = k ? have_b : have_a;
    char pn = k ? 'b' : 'a';
    if (!have) continue;
    if (!isfinite(k ? b : a)) act_die("%s: --%c must be a finite number", cmd, pn);
    char without[512] = "", takes[1024] = "", t[128];
    size_t nw = 0, nt = 0;
    for (size_t i = 0; i < n; i++) {
      const act_activation *act = acts[i];
      if (!strchr(act->param_names, pn)) {
        size_t wl = strlen(without);
        snprintf(without + wl, sizeof without - wl, "%s%s", nw++ ? ", " : "", act->name);
      }
    }
    if (!nw) continue;
    /* what takes it: among all the activations */
    for (size_t i = 0; i < act_activation_count; i++) {
      const act_activation *act = act_activations[i];
      if (!strchr(act->param_names, pn)) continue;
      size_t tl = strlen(takes);
      snprintf(takes + tl, sizeof takes - tl, "%s%s (%s)", nt++ ? ", " : "", act->name,
               param_text(act, pn, t, sizeof t));
    }
    if (n == 1)
      act_die("%s: --%c does not apply to %s: it takes %s%s (--%c is taken by %s)", cmd, pn,
              acts[0]->name, acts[0]->param_names[0] ? "only " : "no parameter",
              acts[0]->param_names, pn, takes);
    act_die(
        "%s: --%c does not apply to %s, which take%s no %c (--%c is taken by %s: choose one "
        "with --activation)",
        cmd, pn, without, nw == 1 ? "s" : "", pn, pn, takes);
  }
  /* the parameters' range, from each descriptor */
  for (size_t i = 0; i < n; i++) {
    act_params p = acts[i]->defaults;
    if (have_a) p.a = a;
    if (have_b) p.b = b;
    const char *need = acts[i]->params_invalid ? acts[i]->params_invalid(&p) : NULL;
    if (need) act_die("%s: %s needs %s, got %g", cmd, acts[i]->name, need, (double)a);
  }
}

static int has_glob(const char *s) {
  return strpbrk(s, "*?[") != NULL;
}

static int impl_matches(const act_impl *m, const char *pattern) {
  if (!pattern) return 1;
  if (!strcmp(m->name, pattern) || !fnmatch(pattern, m->name, 0)) return 1;
  size_t al = strlen(m->activation);
  if (!strncmp(m->name, m->activation, al) && m->name[al] == '.') {
    const char *rel = m->name + al + 1;
    if (!strcmp(rel, pattern) || !fnmatch(pattern, rel, 0)) return 1;
    /* the algorithm alone: "naive", "stable", "autovec*" */
    const char *alg = strchr(rel, '.');
    if (alg && (!strcmp(alg + 1, pattern) || (has_glob(pattern) && !fnmatch(pattern, alg + 1, 0))))
      return 1;
    /* "autovec" matches "autovec-rr2-p7-div" */
    if (alg && !has_glob(pattern)) {
      size_t pl = strlen(pattern);
      if (!strncmp(alg + 1, pattern, pl) && alg[1 + pl] == '-') return 1;
    }
  }
  return 0;
}

size_t act_select(const char *activation, const char *pattern, const act_impl **out, size_t cap) {
  if (activation && !act_find_activation(activation)) {
    char names[512] = "";
    for (size_t i = 0; i < act_activation_count; i++) {
      if (i) strncat(names, ", ", sizeof names - strlen(names) - 1);
      strncat(names, act_activations[i]->name, sizeof names - strlen(names) - 1);
    }
    act_die("unknown activation '%s' (known: %s)", activation, names);
  }
  size_t n = 0;
  for (size_t i = 0; i < act_registry_count; i++) {
    const act_impl *m = &act_registry[i];
    if (activation && strcmp(m->activation, activation) != 0) continue;
    if (!impl_matches(m, pattern)) continue;
    if (n < cap) out[n] = m;
    n++;
  }
  if (n == 0 && pattern)
    act_die("no implementation matches '%s'%s%s (see actbench list)", pattern,
            activation ? " for activation " : "", activation ? activation : "");
  return n < cap ? n : cap;
}

size_t act_drop_native(const act_impl **sel, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!(sel[i]->flags & ACT_NATIVE)) sel[k++] = sel[i];
  return k;
}

json_t *act_activation_json(const act_activation *act, const act_params *p) {
  json_t *ja = json_object();
  json_object_set_new(ja, "activation", json_string(act->name));
  json_t *jp = json_object();
  json_object_set_new(jp, "a", json_real(p->a));
  json_object_set_new(jp, "b", json_real(p->b));
  json_object_set_new(ja, "params", jp);
  json_object_set_new(ja, "formula", json_string(act->formula));
  json_object_set_new(ja, "dformula", json_string(act->dformula));
  if (act->kink_note) json_object_set_new(ja, "kink_note", json_string(act->kink_note));
  return ja;
}

json_t *act_impl_json(const act_impl *m) {
  json_t *ji = json_object();
  json_object_set_new(ji, "name", json_string(m->name));
  json_object_set_new(ji, "isa", json_string(m->isa));
  json_object_set_new(ji, "origin", json_string(m->origin));
  json_object_set_new(ji, "bwd_formula", json_string(m->bwd_formula ? m->bwd_formula : ""));
  json_object_set_new(ji, "available", json_boolean(act_impl_available(m)));
  json_object_set_new(ji, "bwd_kernel", json_boolean(m->bwd != NULL));
  if (m->note) json_object_set_new(ji, "note", json_string(m->note));
  return ji;
}
