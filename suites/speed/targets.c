/* actbench speed: the speed targets, judged from this run's repetitions
 * (docs/results.md, "targets").
 *
 * Every verdict compares medians and judges the ratio by its interval
 * (util/spread.h: a percentile bootstrap of the ratio of medians at 95%):
 * "met" when the whole interval is at or above the bar, "not met" when it is
 * wholly below, "undecided" when it straddles the bar (or there are too few
 * repetitions for an interval).
 *
 * - peer targets: at the L1 and L2 sizes, our fastest vector kernel (origin
 *   actbench, ISA avx2 or avx512; fastest by median items/s) among those whose
 *   claimed max ULP error in the direction is no worse than the reference
 *   peer's claim (a peer without a documented bound admits every kernel of
 *   ours), against that peer: sigmoid forward >= 1.2x XNNPACK's sigmoid, tanh
 *   forward >= 1.2x oneDNN's eltwise tanh, gelu, silu, elu and softplus
 *   forward >= 1x the fastest peer at each size; backward against oneDNN's
 *   backward eltwise (1.2x for sigmoid and tanh, 1x for the rest).  Where a
 *   library has several forms (oneDNN's use-dst ones), the fastest at each
 *   size (by median) is the reference.
 * - bandwidth targets, one per activation, direction and accuracy class
 *   (claimed max ULP error <= 1, <= 2, <= 4, any): at the DRAM size, our
 *   fastest vector kernel of the class moves >= 90% of the bytes/s of
 *   memory.copy at the same n, each kernel's bytes counted from what it reads
 *   and writes.  The other kernels' ratios are listed beside it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "speed_int.h"

typedef struct {
  const char *activation;
  int dir;
  const char *origin; /* the reference library, NULL: every peer (the fastest) */
  double min_ratio;
  /* the correctly rounded kernels' targets (issue 18): only our kernels
   * claiming at most ours_max ulp take part, and only peers claiming at most
   * peer_max (a peer without a documented bound then takes no part); 0: no
   * such limit.  id: the target's id after "<activation>/<dir>/" (NULL: none) */
  double ours_max, peer_max;
  const char *id;
} peer_target;

static const peer_target peer_targets[] = {
    {"sigmoid", SPD_FWD, "xnnpack", 1.2, 0, 0, NULL},
    {"tanh", SPD_FWD, "onednn", 1.2, 0, 0, NULL},
    {"gelu", SPD_FWD, NULL, 1.0, 0, 0, NULL},
    {"silu", SPD_FWD, NULL, 1.0, 0, 0, NULL},
    {"elu", SPD_FWD, NULL, 1.0, 0, 0, NULL},
    {"softplus", SPD_FWD, NULL, 1.0, 0, 0, NULL},
    {"sigmoid", SPD_BWD, "onednn", 1.2, 0, 0, NULL},
    {"tanh", SPD_BWD, "onednn", 1.2, 0, 0, NULL},
    {"gelu", SPD_BWD, "onednn", 1.0, 0, 0, NULL},
    {"silu", SPD_BWD, "onednn", 1.0, 0, 0, NULL},
    {"elu", SPD_BWD, "onednn", 1.0, 0, 0, NULL},
    {"softplus", SPD_BWD, "onednn", 1.0, 0, 0, NULL},
    /* the correctly rounded kernels (claim 0.5 ulp): sigmoid and tanh forward
     * >= 0.5x the fastest peer of any accuracy; every one faster than the
     * fastest peer that claims <= 1 ulp; backward >= 0.5x oneDNN's */
    {"sigmoid", SPD_FWD, NULL, 0.5, 0.5, 0, "cr"},
    {"tanh", SPD_FWD, NULL, 0.5, 0.5, 0, "cr"},
    {"sigmoid", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"tanh", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"sigmoid", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"tanh", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"sigmoid", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"tanh", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    /* the other correctly rounded kernels: faster than the fastest peer that
     * claims <= 1 ulp, forward and backward; backward >= 0.5x oneDNN's */
    {"elu", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"elu", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"elu", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"selu", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"selu", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"selu", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"silu", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"silu", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"silu", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"gelu", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"gelu", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"gelu", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"gelu_tanh", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"gelu_tanh", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"gelu_tanh", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"mish", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"mish", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"mish", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"hardsigmoid", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"hardsigmoid", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"hardsigmoid", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"hardswish", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"hardswish", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"hardswish", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"softplus", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"softplus", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"softplus", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
    {"logsigmoid", SPD_FWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"logsigmoid", SPD_BWD, NULL, 1.0, 0.5, 1.0, "cr-1ulp"},
    {"logsigmoid", SPD_BWD, "onednn", 0.5, 0.5, 0, "cr"},
};
static const char *const peer_classes[] = {"L1", "L2"};

/* the accuracy classes of the bandwidth targets */
static const struct {
  const char *name, *id; /* "<= 1 ulp", and in the target's id "1ulp" */
  double max_ulp;        /* INFINITY: any */
} acc_classes[] = {{"<= 1 ulp", "1ulp", 1.0},
                   {"<= 2 ulp", "2ulp", 2.0},
                   {"<= 4 ulp", "4ulp", 4.0},
                   {"any", "any", INFINITY}};

static const char *dname(int dir) {
  return dir == SPD_FWD ? "fwd" : "bwd";
}

static double claim(const act_impl *m, int dir) {
  return dir == SPD_FWD ? m->fwd_ulp : m->bwd_ulp;
}

static json_t *jnum(double v) {
  return isfinite(v) ? json_real(v) : json_null();
}

/* A benchmark measured (at least one repetition) of this implementation
 * name, direction, size and thread count. */
static const spd_bench *find(const spd_bench *bs, size_t nb, const char *name, int dir,
                             const spd_size *size, int threads) {
  for (size_t i = 0; i < nb; i++)
    if (bs[i].size == size && bs[i].dir == dir && bs[i].threads == threads && bs[i].s.n > 0 &&
        !strcmp(bs[i].impl_name, name))
      return &bs[i];
  return NULL;
}

/* The bytes/s of each repetition of b into out (cap values). */
static size_t bytes_per_second(const spd_bench *b, double *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < b->nrep && k < cap; i++)
    out[k++] = b->ips[i] * (double)b->bytes_per_element;
  return k;
}

/* A stable seed for the bootstrap of one comparison, so that the same file
 * gives the same interval: FNV-1a of the two benchmark names. */
static uint64_t seed_of(const char *a, const char *b) {
  uint64_t h = 1469598103934665603ull;
  for (const char *s = a; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  h = (h ^ '|') * 1099511628211ull;
  for (const char *s = b; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static void set_ratio(json_t *e, const act_ratio_ci *r) {
  json_object_set_new(e, "ratio", jnum(r->ratio));
  json_object_set_new(e, "ratio_lo", jnum(r->lo));
  json_object_set_new(e, "ratio_hi", jnum(r->hi));
  json_object_set_new(e, "repetitions", json_pack("[I, I]", (json_int_t)r->na, (json_int_t)r->nb));
}

/* met: true; not met, or no kernel of ours that qualifies: false; open: null */
static json_t *jmet(const char *status) {
  return !strcmp(status, "met")                           ? json_true()
         : !strcmp(status, "not met")                     ? json_false()
         : !strcmp(status, "no kernel of ours qualifies") ? json_false()
                                                          : json_null();
}

/* The verdict over the required size classes: any "not met" (or no kernel
 * of ours that qualifies) fails it; then any undecided, unmeasured or
 * missing class leaves it open; otherwise met. */
static void overall(json_t *t, const json_t *jsizes, const char *const *cls, size_t ncls) {
  int fail = 0, undecided = 0;
  const char *fail_st = NULL, *open = NULL;
  char missing[64] = "";
  for (size_t c = 0; c < ncls; c++) {
    const json_t *found = NULL;
    size_t k;
    json_t *e;
    json_array_foreach(jsizes, k, e) {
      if (!strcmp(json_string_value(json_object_get(e, "class")), cls[c])) found = e;
    }
    if (!found) {
      if (*missing) strncat(missing, " and ", sizeof missing - strlen(missing) - 1);
      strncat(missing, cls[c], sizeof missing - strlen(missing) - 1);
      continue;
    }
    const char *st = json_string_value(json_object_get(found, "status"));
    if (!strcmp(st, "met")) continue;
    if (!strcmp(st, "not met"))
      fail = 1;
    else if (!strncmp(st, "no kernel of ours", 17))
      fail_st = st;
    else if (!strcmp(st, "undecided"))
      undecided = 1;
    else
      open = st;
  }
  char buf[96];
  const char *status;
  if (fail || fail_st) {
    status = fail ? "not met" : fail_st;
    json_object_set_new(t, "met", json_false());
  } else if (undecided || open || *missing) {
    if (undecided)
      status = "undecided";
    else if (open)
      status = open;
    else {
      snprintf(buf, sizeof buf, "%s not measured", missing);
      status = buf;
    }
    json_object_set_new(t, "met", json_null());
  } else {
    status = "met";
    json_object_set_new(t, "met", json_true());
  }
  json_object_set_new(t, "status", json_string(status));
}

static int same_activation_dir(const spd_bench *b, const char *activation, int dir) {
  return b->impl && b->threads == 1 && b->dir == dir && !strcmp(b->activation, activation);
}

static json_t *peer_target_json(const peer_target *pt, const spd_bench *bs, size_t nb,
                                const spd_size *sizes, size_t nsizes) {
  const char *dn = dname(pt->dir);
  json_t *t = json_object();
  char id[96], desc[600];
  if (pt->id)
    snprintf(id, sizeof id, "%s/%s/%s", pt->activation, dn, pt->id);
  else
    snprintf(id, sizeof id, "%s/%s", pt->activation, dn);
  if (pt->ours_max > 0)
    snprintf(desc, sizeof desc,
             "our fastest %s kernel claiming a max ULP error of %s of at most %g (correctly "
             "rounded) runs at >= %gx the throughput of %s%s at L1 and L2: medians of the "
             "repetitions, the ratio judged by its 95%% interval",
             pt->activation, pt->dir == SPD_FWD ? "f" : "f'", pt->ours_max, pt->min_ratio,
             pt->origin         ? pt->origin
             : pt->peer_max > 0 ? "the fastest peer claiming at most 1 ulp"
                                : "the fastest peer of any accuracy",
             pt->origin ? (pt->dir == SPD_FWD ? "'s forward kernel" : "'s backward kernel") : "");
  else
    snprintf(desc, sizeof desc,
             "our fastest %s kernel whose claimed max ULP error of %s is no worse than the "
             "reference's (every kernel, when the reference has no documented bound) runs at >= "
             "%gx the throughput of %s%s at L1 and L2: medians of the repetitions, the ratio "
             "judged by its 95%% interval",
             pt->activation, pt->dir == SPD_FWD ? "f" : "f'", pt->min_ratio,
             pt->origin ? pt->origin : "the fastest peer",
             pt->origin ? (pt->dir == SPD_FWD ? "'s forward kernel" : "'s backward kernel") : "");
  json_object_set_new(t, "id", json_string(id));
  json_object_set_new(t, "kind", json_string("peer"));
  json_object_set_new(t, "activation", json_string(pt->activation));
  json_object_set_new(t, "direction", json_string(dn));
  json_object_set_new(t, "reference",
                      json_string(pt->origin         ? pt->origin
                                  : pt->peer_max > 0 ? "fastest peer <= 1 ulp"
                                                     : "fastest peer"));
  if (pt->ours_max > 0) json_object_set_new(t, "ours_max_ulp", json_real(pt->ours_max));
  if (pt->peer_max > 0) json_object_set_new(t, "peer_max_ulp", json_real(pt->peer_max));
  json_object_set_new(t, "description", json_string(desc));
  json_object_set_new(t, "min_ratio", json_real(pt->min_ratio));
  json_object_set_new(t, "level", json_real(ACT_RATIO_LEVEL));
  json_object_set_new(t, "classes", json_pack("[s, s]", peer_classes[0], peer_classes[1]));
  /* the candidates */
  json_t *jours = json_array(), *jpeers = json_array();
  for (size_t i = 0; i < nb; i++) {
    const spd_bench *b = &bs[i];
    if (!same_activation_dir(b, pt->activation, pt->dir) || b->size != &sizes[0]) continue;
    if (b->ours_vector)
      json_array_append_new(jours, json_pack("{s:s, s:s, s:o}", "name", b->impl_name, "isa", b->isa,
                                             "claimed_ulp", jnum(claim(b->impl, pt->dir))));
    else if (b->peer && (!pt->origin || !strcmp(b->origin, pt->origin)) &&
             (!(pt->peer_max > 0) || claim(b->impl, pt->dir) <= pt->peer_max))
      json_array_append_new(jpeers,
                            json_pack("{s:s, s:s, s:o}", "name", b->impl_name, "origin", b->origin,
                                      "claimed_ulp", jnum(claim(b->impl, pt->dir))));
  }
  json_object_set_new(t, "ours", jours);
  json_object_set_new(t, "peers", jpeers);
  json_t *jsizes = json_array();
  for (size_t s = 0; s < nsizes; s++) {
    const char *cls = spd_target_class(&sizes[s]);
    if (!cls || (strcmp(cls, "L1") && strcmp(cls, "L2"))) continue;
    const spd_bench *peer = NULL, *ours = NULL;
    for (size_t i = 0; i < nb; i++) {
      const spd_bench *b = &bs[i];
      if (b->size != &sizes[s] || !same_activation_dir(b, pt->activation, pt->dir) || !b->peer ||
          (pt->origin && strcmp(b->origin, pt->origin)) || !(b->s.median > 0) ||
          (pt->peer_max > 0 && !(claim(b->impl, pt->dir) <= pt->peer_max)))
        continue;
      if (!peer || b->s.median > peer->s.median) peer = b;
    }
    double peer_claim = peer ? claim(peer->impl, pt->dir) : NAN;
    if (isnan(peer_claim)) peer_claim = INFINITY; /* no documented bound */
    json_t *qual = json_array();
    int any_ours = 0;
    for (size_t i = 0; peer && i < nb; i++) {
      const spd_bench *b = &bs[i];
      if (b->size != &sizes[s] || !same_activation_dir(b, pt->activation, pt->dir) ||
          !b->ours_vector || !(b->s.median > 0))
        continue;
      any_ours = 1;
      if (!(claim(b->impl, pt->dir) <= peer_claim)) continue;
      if (pt->ours_max > 0 && !(claim(b->impl, pt->dir) <= pt->ours_max)) continue;
      json_array_append_new(qual, json_string(b->impl_name));
      if (!ours || b->s.median > ours->s.median) ours = b;
    }
    json_t *e = json_pack("{s:I, s:s}", "n", (json_int_t)sizes[s].n, "class", cls);
    json_object_set_new(e, "peer", peer ? json_string(peer->impl_name) : json_null());
    json_object_set_new(e, "peer_claimed_ulp",
                        peer ? jnum(claim(peer->impl, pt->dir)) : json_null());
    json_object_set_new(e, "peer_items_per_second", jnum(peer ? peer->s.median : NAN));
    json_object_set_new(e, "qualifying", qual);
    json_object_set_new(e, "ours", ours ? json_string(ours->impl_name) : json_null());
    json_object_set_new(e, "ours_claimed_ulp",
                        ours ? jnum(claim(ours->impl, pt->dir)) : json_null());
    json_object_set_new(e, "ours_items_per_second", jnum(ours ? ours->s.median : NAN));
    const char *st;
    if (!peer) {
      st = "peer not measured";
      json_object_set_new(e, "ratio", json_null());
    } else if (!ours) {
      st = "no kernel of ours qualifies";
      json_object_set_new(e, "ratio", json_null());
      json_object_set_new(e, "note",
                          json_string(any_ours ? "every kernel of ours measured here claims a "
                                                 "larger max ULP error than the reference"
                                               : "no vector kernel of ours was measured"));
    } else {
      act_ratio_ci r;
      act_ratio_interval(ours->ips, ours->nrep, peer->ips, peer->nrep, ACT_RATIO_LEVEL,
                         seed_of(ours->name, peer->name), &r);
      set_ratio(e, &r);
      st = act_verdict_name(act_judge_ratio(&r, pt->min_ratio));
      if (!r.have_interval)
        json_object_set_new(e, "note",
                            json_string("too few repetitions for an interval (at least 3 each)"));
    }
    json_object_set_new(e, "met", jmet(st));
    json_object_set_new(e, "status", json_string(st));
    json_array_append_new(jsizes, e);
  }
  overall(t, jsizes, peer_classes, 2);
  json_object_set_new(t, "sizes", jsizes);
  return t;
}

static json_t *bw_target_json(const char *activation, int dir, size_t cls_k, const spd_bench *bs,
                              size_t nb, const spd_size *sizes, size_t nsizes) {
  const char *dn = dname(dir);
  const char *cname = acc_classes[cls_k].name;
  double cmax = acc_classes[cls_k].max_ulp;
  json_t *t = json_object();
  char id[128], desc[400];
  snprintf(id, sizeof id, "%s/%s/dram/%s", activation, dn, acc_classes[cls_k].id);
  snprintf(desc, sizeof desc,
           "at the DRAM size our fastest vector %s kernel (%s) claiming a max ULP error %s moves "
           ">= %g%% of the bytes/s of memory.copy at the same n (bytes counted from what each "
           "kernel reads and writes; medians, the ratio judged by its 95%% interval)",
           activation, dn, cname, 100 * SPD_BW_MIN_RATIO);
  json_object_set_new(t, "id", json_string(id));
  json_object_set_new(t, "kind", json_string("bandwidth"));
  json_object_set_new(t, "activation", json_string(activation));
  json_object_set_new(t, "direction", json_string(dn));
  json_object_set_new(t, "accuracy_class", json_string(cname));
  json_object_set_new(t, "accuracy_class_max_ulp", jnum(cmax));
  json_object_set_new(t, "reference", json_string("memory.copy"));
  json_object_set_new(t, "description", json_string(desc));
  json_object_set_new(t, "min_ratio", json_real(SPD_BW_MIN_RATIO));
  json_object_set_new(t, "level", json_real(ACT_RATIO_LEVEL));
  json_object_set_new(t, "classes", json_pack("[s]", "DRAM"));
  json_t *jsizes = json_array();
  for (size_t s = 0; s < nsizes; s++) {
    const char *cls = spd_target_class(&sizes[s]);
    if (!cls || strcmp(cls, "DRAM")) continue;
    const spd_bench *copy = find(bs, nb, "memory.copy", SPD_FWD, &sizes[s], 1);
    json_t *e = json_pack("{s:I, s:s}", "n", (json_int_t)sizes[s].n, "class", cls);
    json_object_set_new(e, "copy_bytes_per_second",
                        jnum(copy ? copy->s.median * (double)copy->bytes_per_element : NAN));
    double copy_bps[SPD_MAX_REPS];
    size_t ncopy = copy ? bytes_per_second(copy, copy_bps, SPD_MAX_REPS) : 0;
    json_t *ks = json_array();
    const spd_bench *best = NULL;
    double best_bps = NAN;
    for (size_t i = 0; i < nb; i++) {
      const spd_bench *b = &bs[i];
      if (b->size != &sizes[s] || !same_activation_dir(b, activation, dir) || !b->ours_vector ||
          !(b->s.median > 0) || !(claim(b->impl, dir) <= cmax))
        continue;
      double bps = b->s.median * (double)b->bytes_per_element;
      json_t *kj = json_pack("{s:s, s:o, s:I}", "name", b->impl_name, "claimed_ulp",
                             jnum(claim(b->impl, dir)), "bytes_per_element",
                             (json_int_t)b->bytes_per_element);
      json_object_set_new(kj, "bytes_per_second", jnum(bps));
      json_object_set_new(
          kj, "ratio", jnum(copy ? bps / (copy->s.median * (double)copy->bytes_per_element) : NAN));
      json_array_append_new(ks, kj);
      if (!best || bps > best_bps) {
        best = b;
        best_bps = bps;
      }
    }
    json_object_set_new(e, "kernels", ks);
    json_object_set_new(e, "ours", best ? json_string(best->impl_name) : json_null());
    json_object_set_new(e, "ours_bytes_per_second", jnum(best_bps));
    const char *st;
    if (!copy) {
      st = "memory.copy not measured";
      json_object_set_new(e, "ratio", json_null());
    } else if (!best) {
      st = "no kernel of ours in this class";
      json_object_set_new(e, "ratio", json_null());
    } else {
      double kb[SPD_MAX_REPS];
      size_t nk = bytes_per_second(best, kb, SPD_MAX_REPS);
      act_ratio_ci r;
      act_ratio_interval(kb, nk, copy_bps, ncopy, ACT_RATIO_LEVEL, seed_of(best->name, copy->name),
                         &r);
      set_ratio(e, &r);
      st = act_verdict_name(act_judge_ratio(&r, SPD_BW_MIN_RATIO));
    }
    json_object_set_new(e, "met", jmet(st));
    json_object_set_new(e, "status", json_string(st));
    json_array_append_new(jsizes, e);
  }
  /* a class with no kernel of ours is no failure: there is nothing to judge */
  const json_t *only = json_array_size(jsizes) == 1 ? json_array_get(jsizes, 0) : NULL;
  if (only && !strcmp(json_string_value(json_object_get(only, "status")),
                      "no kernel of ours in this class")) {
    json_object_set_new(t, "met", json_null());
    json_object_set_new(t, "status", json_string("no kernel of ours in this class"));
  } else {
    static const char *const dram[] = {"DRAM"};
    overall(t, jsizes, dram, 1);
  }
  json_object_set_new(t, "sizes", jsizes);
  return t;
}

json_t *spd_targets_json(const spd_bench *bs, size_t nb, const spd_size *sizes, size_t nsizes) {
  json_t *arr = json_array();
  for (size_t k = 0; k < sizeof peer_targets / sizeof peer_targets[0]; k++) {
    int selected = 0;
    for (size_t i = 0; i < nb && !selected; i++)
      selected = bs[i].impl && !strcmp(bs[i].activation, peer_targets[k].activation);
    if (selected)
      json_array_append_new(arr, peer_target_json(&peer_targets[k], bs, nb, sizes, nsizes));
  }
  /* bandwidth: every activation and direction with a vector kernel of ours */
  for (int dir = SPD_FWD; dir <= SPD_BWD; dir++)
    for (size_t i = 0; i < nb; i++) {
      if (!bs[i].ours_vector || bs[i].dir != dir || bs[i].threads != 1) continue;
      int seen = 0;
      for (size_t j = 0; j < i && !seen; j++)
        seen = bs[j].ours_vector && bs[j].dir == dir && bs[j].threads == 1 &&
               !strcmp(bs[j].activation, bs[i].activation);
      if (seen) continue;
      for (size_t c = 0; c < sizeof acc_classes / sizeof acc_classes[0]; c++)
        json_array_append_new(arr, bw_target_json(bs[i].activation, dir, c, bs, nb, sizes, nsizes));
    }
  return arr;
}

/* The table at the end of `actbench speed`: one line per target and size. */
void spd_print_targets(const json_t *targets) {
  if (!json_array_size(targets)) return;
  printf(
      "\ntargets (medians of this run's repetitions, ratio with its 95%% interval; claims from "
      "the registry; docs/results.md):\n");
  printf("  %-34s %-14s %-24s %-8s %-11s %s\n", "target", "size", "ratio [95% interval]", "need",
         "verdict", "ours / reference");
  size_t i;
  json_t *t;
  json_array_foreach(targets, i, t) {
    const char *kind = json_string_value(json_object_get(t, "kind"));
    int bw = !strcmp(kind, "bandwidth");
    char name[96], need[32];
    if (bw)
      snprintf(name, sizeof name, "%s %s vs copy, %s",
               json_string_value(json_object_get(t, "activation")),
               json_string_value(json_object_get(t, "direction")),
               json_string_value(json_object_get(t, "accuracy_class")));
    else
      snprintf(name, sizeof name, "%s %s%s vs %s",
               json_string_value(json_object_get(t, "activation")),
               json_string_value(json_object_get(t, "direction")),
               json_object_get(t, "ours_max_ulp") ? " cr" : "",
               json_string_value(json_object_get(t, "reference")));
    double minr = json_number_value(json_object_get(t, "min_ratio"));
    if (bw)
      snprintf(need, sizeof need, ">= %g%%", 100 * minr);
    else
      snprintf(need, sizeof need, ">= %gx", minr);
    json_t *sz = json_object_get(t, "sizes");
    if (!json_array_size(sz)) {
      printf("  %-34s %-14s %-24s %-8s %s\n", name, "-", "-", need,
             json_string_value(json_object_get(t, "status")));
      continue;
    }
    size_t k;
    json_t *e;
    json_array_foreach(sz, k, e) {
      char size[48], ratio[64], who[512];
      snprintf(size, sizeof size, "%s %lld", json_string_value(json_object_get(e, "class")),
               (long long)json_integer_value(json_object_get(e, "n")));
      json_t *r = json_object_get(e, "ratio"), *lo = json_object_get(e, "ratio_lo"),
             *hi = json_object_get(e, "ratio_hi");
      double f = bw ? 100 : 1;
      const char *u = bw ? "%" : "x";
      if (!json_is_number(r))
        snprintf(ratio, sizeof ratio, "-");
      else if (json_is_number(lo) && json_is_number(hi))
        snprintf(ratio, sizeof ratio, "%.*f%s [%.*f, %.*f]", bw ? 0 : 2, f * json_number_value(r),
                 u, bw ? 0 : 2, f * json_number_value(lo), bw ? 0 : 2, f * json_number_value(hi));
      else
        snprintf(ratio, sizeof ratio, "%.*f%s [no interval]", bw ? 0 : 2, f * json_number_value(r),
                 u);
      json_t *o = json_object_get(e, "ours"), *p = json_object_get(e, "peer");
      char os[200] = "-", ps[200] = "-";
      if (json_is_string(o)) snprintf(os, sizeof os, "%s", json_string_value(o));
      if (!bw && json_is_string(p)) snprintf(ps, sizeof ps, "%s", json_string_value(p));
      if (bw) snprintf(ps, sizeof ps, "memory.copy");
      json_t *note = json_object_get(e, "note");
      if (json_is_string(note)) snprintf(os, sizeof os, "- (%s)", json_string_value(note));
      snprintf(who, sizeof who, "%s / %s", os, ps);
      printf("  %-34s %-14s %-24s %-8s %-11s %s\n", k ? "" : name, size, ratio, k ? "" : need,
             json_string_value(json_object_get(e, "status")), who);
    }
    const char *st = json_string_value(json_object_get(t, "status"));
    int said = 0;
    json_array_foreach(sz, k, e) {
      said |= !strcmp(st, json_string_value(json_object_get(e, "status")));
    }
    if (!said) printf("  %-34s %-14s %-24s %-8s overall: %s\n", "", "", "", "", st);
  }
}
