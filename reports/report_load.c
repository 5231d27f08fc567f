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

#include "arena.h"
#include "descriptor.h"
#include "marks.h"
#include "report_int.h"
#include "util.h"

const char *const rep_kind_names[REP_NFILES] = {"speed", "accuracy", "saturation", "zerocenter"};

/* ---- arena */

static act_arena arena;

void *rep_alloc(size_t bytes) {
  return act_arena_alloc(&arena, bytes, "report");
}

/* A growing array inside the arena: returns the array with room for have + 1
 * elements; the old block stays in the arena until the end (arrays are small). */
void *rep_grow(void *p, size_t *cap, size_t have, size_t elem) {
  return act_arena_grow(&arena, p, cap, have, elem, "report");
}

char *rep_strdup(const char *s) {
  return act_arena_strdup(&arena, s, "report");
}

char *rep_printf(const char *fmt, ...) {
  va_list ap;
  if (!fmt) return rep_strdup(""); /* never; keeps gcc -fsanitize=undefined quiet */
  va_start(ap, fmt);
  char *s = act_arena_vprintf(&arena, "report", fmt, ap);
  va_end(ap);
  return s;
}

void rep_arena_free(void) {
  act_arena_free(&arena);
}

double rep_parse_x(const char *s) {
  return act_res_num(s);
}

/* The sizes measured for an activation, sorted, with their size class
 * (report_int.h). */
size_t rep_sizes(const rep_spd *s, long long **ns_out, const char ***cls_out) {
  long long *ns = NULL;
  const char **cls = NULL;
  size_t nn = 0, cap = 0, cap2 = 0;
  for (size_t j = 0; j < s->nimpls; j++)
    for (size_t k = 0; k < s->impls[j].npoints; k++) {
      const rep_point *q = &s->impls[j].points[k];
      size_t i = 0;
      while (i < nn && ns[i] < q->n) i++;
      if (i < nn && ns[i] == q->n) {
        if (!cls[i]) cls[i] = q->size_class;
        continue;
      }
      ns = rep_grow(ns, &cap, nn, sizeof *ns);
      cls = rep_grow(cls, &cap2, nn, sizeof *cls);
      memmove(&ns[i + 1], &ns[i], (nn - i) * sizeof *ns);
      memmove(&cls[i + 1], &cls[i], (nn - i) * sizeof *cls);
      ns[i] = q->n;
      cls[i] = q->size_class;
      nn++;
    }
  *ns_out = ns;
  *cls_out = cls;
  return nn;
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

/* The activations in the order of the family, their descriptors'
 * (activations/list.c): the seed's four first. */
#define NSEED 4

static size_t act_rank(const char *name) {
  int id = act_activation_id(name);
  return id < 0 ? act_activation_count : (size_t)id;
}

int rep_act_is_seed(const rep_act *a) {
  return act_rank(a->name) < NSEED;
}

/* What a file says about an activation besides the measurements. */
static void act_describe(rep_act *a, const act_res_act *d) {
  if (!a->params && d->nparams) a->params = d->params, a->nparams = d->nparams;
  if (!a->formula) a->formula = d->formula;
  if (!a->dformula) a->dformula = d->dformula;
  if (!a->kink_note) a->kink_note = d->kink_note;
}

size_t rep_mu0(const act_res_normal *normal) {
  size_t best = 0;
  double d = INFINITY;
  for (size_t i = 0; normal && i < normal->nmu; i++)
    if (fabs(normal->mu[i]) < d) d = fabs(normal->mu[i]), best = i;
  return best;
}

const act_res_normal_row *rep_normal_set(const act_res_normal *normal) {
  for (size_t k = 0; normal && k < normal->nsets; k++) {
    const act_res_normal_row *e = &normal->sets[k];
    if (e->set && !strcmp(e->set, "lt") && fabs(e->eps - 1e-3) < 1e-9) return e;
  }
  return NULL;
}

int rep_scale1(const act_res_depth *depth) {
  int best = -1;
  double d = INFINITY;
  for (size_t i = 0; depth && i < depth->nscales; i++)
    if (fabs(depth->scales[i] - 1) < d) d = fabs(depth->scales[i] - 1), best = (int)i;
  return best;
}

/* ---- speed.json: each activation's implementations and their points */

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
static rep_spd_impl *spd_entry_impl(rep_model *m, int baseline, const char *activation,
                                    const char *name, rep_act **act) {
  *act = NULL;
  if (baseline) return spd_impl(&m->baseline, name);
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

static void model_speed(rep_model *m, const act_res_speed *S) {
  m->speed = S;
  for (size_t j = 0; j < S->nimpls; j++) {
    const act_res_impl *e = &S->impls[j];
    rep_act *a;
    rep_spd_impl *p = spd_entry_impl(m, e->baseline, e->activation, e->name, &a);
    p->isa = e->isa;
    p->origin = e->origin;
    p->available = e->available;
    if (a) act_add_impl(a, e->name, p->origin);
  }
  m->speed_reps = S->repetitions;
  m->speed_min_time = S->min_time;
  m->speed_interleaved = S->interleaved;
  m->speed_state = S->state.present ? &S->state : NULL;
  for (size_t i = 0; i < S->nruns; i++) {
    const act_speed_run *r = &S->runs[i];
    int dir = !strcmp(r->direction, "bwd");
    rep_act *a;
    rep_spd_impl *p = spd_entry_impl(m, r->baseline, r->activation, r->impl, &a);
    if (!p->isa) p->isa = r->isa;
    if (!p->origin) p->origin = r->origin;
    if (a && p->origin) act_add_impl(a, r->impl, p->origin);
    rep_point *q = spd_point(p, r->n);
    if (!q->size_class && r->size_class[0]) q->size_class = r->size_class;
    double v = act_speed_center(r);
    if (r->threads > 1) {
      q->mt_threads = r->threads;
      q->mt_ips[dir] = v;
      q->mt_bps[dir] = v * r->bytes_per_element;
      continue;
    }
    q->ips[dir] = v;
    q->bps[dir] = v * r->bytes_per_element;
    q->bpe[dir] = r->bytes_per_element;
    q->ips_q1[dir] = r->q1;
    q->ips_q3[dir] = r->q3;
    q->nrep[dir] = r->repetitions ? r->repetitions : (int)r->nsamples;
  }
  /* the size class of a point from the file's sizes, where its runs had none */
  for (size_t i = 0; i < m->nacts; i++)
    for (size_t j = 0; m->acts[i].spd && j < m->acts[i].spd->nimpls; j++)
      for (size_t k = 0; k < m->acts[i].spd->impls[j].npoints; k++) {
        rep_point *q = &m->acts[i].spd->impls[j].points[k];
        for (size_t z = 0; !q->size_class && z < S->nsizes; z++)
          if (S->sizes[z].n == q->n) q->size_class = S->sizes[z].cls;
      }
  m->targets = S->targets;
  m->ntargets = S->ntargets;
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
const char *const rep_libraries[REP_NLIBS] = {"actbench", "sleef",  "onednn",  "xnnpack",
                                              "libmvec",  "libm",   "pytorch", "tensorflow",
                                              "highway",  "libxsmm"};

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
  for (size_t k = 0; m->speed && k < m->speed->nsizes; k++)
    if (m->speed->sizes[k].n == n) return m->speed->sizes[k].counts_as;
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
  if (!s->tails) return NULL;
  unsigned set = 0;
  for (size_t t = 0; t < s->ntails; t++) {
    int k = act_mark_by_name(s->tails[t].kind);
    if (k >= 0 && k != ACT_MARK_EXCEEDS) set |= 1u << k;
  }
  char buf[ACT_TAILS + 1];
  return rep_strdup(act_tail_letters(set, buf, sizeof buf));
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

const char *rep_file_command(const rep_model *m, int kind) {
  return m->files[kind].command;
}

const char *rep_file_date(const rep_model *m, int kind) {
  return m->files[kind].date;
}

/* Each results file by the results module's reader, then the activations
 * as the union over the files. */
void rep_load(rep_model *m, const char *const paths[REP_NFILES]) {
  m->speed_interleaved = -1;
  for (int k = 0; k < REP_NFILES; k++) {
    if (!paths[k]) continue;
    if (k == REP_SPEED) {
      const act_res_speed *S = act_res_read_speed(paths[k]);
      m->files[k] = S->file;
      model_speed(m, S);
    } else if (k == REP_ACCURACY) {
      const act_res_accuracy *A = act_res_read_accuracy(paths[k]);
      m->files[k] = A->file;
      m->acc_mode = A->mode;
      m->acc_sweep = A->sweep;
      m->acc_conventions = A->conventions;
      for (size_t i = 0; i < A->nacts; i++) {
        rep_act *a = act_get(m, A->acts[i].name);
        a->acc = &A->acc[i];
        act_describe(a, &A->acts[i]);
        for (size_t j = 0; j < a->acc->nimpls; j++) {
          const rep_acc_impl *p = &a->acc->impls[j];
          rep_name *nm = act_add_impl(a, p->name, p->origin);
          if (p->available) nm->bwd = p->has_bwd;
        }
      }
    } else if (k == REP_SATURATION) {
      const act_res_saturation *R = act_res_read_saturation(paths[k]);
      m->files[k] = R->file;
      m->sat_scan = R->scan;
      m->dying = R->dying;
      for (size_t i = 0; i < R->nacts; i++) {
        rep_act *a = act_get(m, R->acts[i].name);
        a->sat = &R->sat[i];
        act_describe(a, &R->acts[i]);
        for (size_t j = 0; j < a->sat->nimpls; j++) {
          const rep_sat_impl *p = &a->sat->impls[j];
          rep_name *nm = act_add_impl(a, p->name, p->origin);
          /* saturation.json says nothing of a backward kernel in so many
           * words: without one, grad_zero is null on both sides, no f'
           * formula is given and there is no dead side (accuracy.json, read
           * first, says it for sure where it has the implementation) */
          if (p->available && nm->bwd < 0 && !p->grad_zero.neg && !p->grad_zero.pos &&
              !p->dead_side && (!p->bwd_formula || !*p->bwd_formula))
            nm->bwd = 0;
        }
      }
    } else {
      const act_res_zerocenter *Z = act_res_read_zerocenter(paths[k]);
      m->files[k] = Z->file;
      m->zerocenter = Z;
    }
  }
  finish(m);
  for (size_t i = 0; i < m->nacts; i++) {
    m->acts[i].stem = make_stem(m, i, m->acts[i].name);
    rank_size(m, &m->acts[i]);
  }
}
