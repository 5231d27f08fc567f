/* The speed targets' verdicts (suites/speed/targets.c) on synthetic
 * measurements, so that they are tested on every machine (test_speed.sh runs
 * the real thing, and its DRAM part only where the DRAM size is small):
 * - a peer target: the ratio is the ratio of the medians (an outlier
 *   repetition does not move it), judged by its interval against the bar:
 *   met when wholly above, not met when wholly below, undecided when it
 *   straddles the bar or there are too few repetitions for an interval;
 *   over L1 and L2, any "not met" fails the target, any undecided leaves it
 *   open; a kernel of ours claiming a larger error than the reference does
 *   not qualify;
 * - a DRAM bandwidth target: our fastest vector kernel of each accuracy class
 *   against memory.copy in bytes/s (kernel over copy, never the inverse), with
 *   the same verdicts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "speed_int.h"

static spd_size sizes[] = {
    {.n = 4096, .cls = "L1"}, {.n = 32768, .cls = "L2"}, {.n = 1 << 24, .cls = "DRAM"}};
enum { L1, L2, DRAM };

static const act_impl ours_fast = {.activation = "sigmoid",
                                   .name = "sigmoid.avx512.fast",
                                   .isa = "avx512",
                                   .origin = "actbench",
                                   .fwd_ulp = 4,
                                   .bwd_ulp = 4};
static const act_impl ours_loose = {.activation = "sigmoid",
                                    .name = "sigmoid.avx2.loose",
                                    .isa = "avx2",
                                    .origin = "actbench",
                                    .fwd_ulp = 1e7,
                                    .bwd_ulp = 1e7};
static const act_impl peer = {.activation = "sigmoid",
                              .name = "sigmoid.xnnpack.peer",
                              .isa = "avx512",
                              .origin = "xnnpack",
                              .fwd_ulp = 100, /* a documented bound, for the qualifying rule */
                              .bwd_ulp = NAN};

static spd_bench bs[32];
static size_t nb;

/* one benchmark with its repetitions (items/s) */
static void bench(const act_impl *m, const char *baseline, int size, const double *ips, size_t n) {
  spd_bench *b = &bs[nb++];
  memset(b, 0, sizeof *b);
  b->impl = m;
  b->impl_name = m ? m->name : baseline;
  b->activation = m ? m->activation : "memory";
  b->isa = m ? m->isa : "glibc";
  b->origin = m ? m->origin : "baseline";
  b->size = &sizes[size];
  b->dir = SPD_FWD;
  b->threads = 1;
  b->bytes_per_element = 8;
  b->ours_vector = m && !strcmp(m->origin, "actbench");
  b->peer = m && !b->ours_vector;
  snprintf(b->name, sizeof b->name, "%s/fwd/%zu", b->impl_name, sizes[size].n);
  b->ips = malloc(n * sizeof *b->ips);
  memcpy(b->ips, ips, n * sizeof *ips);
  b->nrep = b->cap = n;
  act_spread_of(b->ips, n, &b->s);
}

static void reset(void) {
  for (size_t i = 0; i < nb; i++) free(bs[i].ips);
  nb = 0;
}

static const json_t *target(const json_t *ts, const char *id) {
  size_t i;
  json_t *t;
  json_array_foreach(ts, i,
                     t) if (!strcmp(json_string_value(json_object_get(t, "id")), id)) return t;
  return NULL;
}

/* the entry of a size class in a target */
static const json_t *at(const json_t *t, const char *cls) {
  size_t i;
  json_t *z;
  json_array_foreach(json_object_get(t, "sizes"), i, z) {
    if (!strcmp(json_string_value(json_object_get(z, "class")), cls)) return z;
  }
  return NULL;
}

static const char *status(const json_t *z) {
  const char *s = z ? json_string_value(json_object_get(z, "status")) : NULL;
  return s ? s : "(none)";
}

static double num(const json_t *z, const char *k) {
  json_t *v = z ? json_object_get(z, k) : NULL;
  return json_is_number(v) ? json_number_value(v) : NAN;
}

#define X5(a, b, c, d, e) ((const double[]){a, b, c, d, e})

int main(void) {
  /* 1. met at L1 (1.5x, an outlier repetition that a mean would follow), not met at L2
   * (1.1x), so the target is not met */
  bench(&ours_fast, NULL, L1, X5(1.50e9, 1.51e9, 1.49e9, 1.50e9, 9e9), 5);
  bench(&peer, NULL, L1, X5(1.00e9, 1.01e9, 0.99e9, 1.00e9, 1.00e9), 5);
  bench(&ours_fast, NULL, L2, X5(1.10e9, 1.11e9, 1.09e9, 1.10e9, 1.10e9), 5);
  bench(&peer, NULL, L2, X5(1.00e9, 1.01e9, 0.99e9, 1.00e9, 1.00e9), 5);
  json_t *ts = spd_targets_json(bs, nb, sizes, 3);
  const json_t *t = target(ts, "sigmoid/fwd");
  CHECK(t != NULL, "a target sigmoid/fwd");
  CHECK(!strcmp(status(at(t, "L1")), "met"), "1.5x the peer at L1 is met: %s", status(at(t, "L1")));
  CHECK(fabs(num(at(t, "L1"), "ratio") - 1.5) < 1e-12, "the ratio of the medians, 1.5: %g",
        num(at(t, "L1"), "ratio"));
  CHECK(num(at(t, "L1"), "ratio_lo") >= 1.2 &&
            num(at(t, "L1"), "ratio_hi") >= num(at(t, "L1"), "ratio"),
        "its interval is above the bar: [%g, %g]", num(at(t, "L1"), "ratio_lo"),
        num(at(t, "L1"), "ratio_hi"));
  CHECK(!strcmp(status(at(t, "L2")), "not met"), "1.1x at L2 is not met: %s", status(at(t, "L2")));
  CHECK(!strcmp(status(t), "not met") && json_is_false(json_object_get(t, "met")),
        "one size not met: the target is not met (%s)", status(t));
  json_decref(ts);
  reset();

  /* 2. met at both sizes: met; a loose kernel of ours (claims more than the peer) is faster
   * but does not qualify */
  bench(&ours_fast, NULL, L1, X5(1.50e9, 1.51e9, 1.49e9, 1.50e9, 1.50e9), 5);
  bench(&ours_loose, NULL, L1, X5(5e9, 5e9, 5e9, 5e9, 5e9), 5);
  bench(&peer, NULL, L1, X5(1.00e9, 1.01e9, 0.99e9, 1.00e9, 1.00e9), 5);
  bench(&ours_fast, NULL, L2, X5(1.40e9, 1.41e9, 1.39e9, 1.40e9, 1.40e9), 5);
  bench(&peer, NULL, L2, X5(1.00e9, 1.01e9, 0.99e9, 1.00e9, 1.00e9), 5);
  ts = spd_targets_json(bs, nb, sizes, 3);
  t = target(ts, "sigmoid/fwd");
  CHECK(!strcmp(status(t), "met") && json_is_true(json_object_get(t, "met")),
        "met at L1 and L2: met (%s)", status(t));
  const char *o = json_string_value(json_object_get(at(t, "L1"), "ours"));
  CHECK(o && !strcmp(o, "sigmoid.avx512.fast"),
        "the loose kernel does not qualify against a peer that claims less: ours = %s",
        o ? o : "-");
  json_decref(ts);
  reset();

  /* 3. straddling the bar: undecided; two repetitions: no interval, undecided */
  bench(&ours_fast, NULL, L1, X5(1.0e9, 1.4e9, 1.2e9, 1.1e9, 1.3e9), 5);
  bench(&peer, NULL, L1, X5(1.0e9, 1.0e9, 1.0e9, 1.0e9, 1.0e9), 5);
  bench(&ours_fast, NULL, L2, X5(2.0e9, 2.0e9, 0, 0, 0), 2);
  bench(&peer, NULL, L2, X5(1.0e9, 1.0e9, 0, 0, 0), 2);
  ts = spd_targets_json(bs, nb, sizes, 3);
  t = target(ts, "sigmoid/fwd");
  CHECK(!strcmp(status(at(t, "L1")), "undecided"),
        "an interval across the bar: undecided (%s, [%g, %g])", status(at(t, "L1")),
        num(at(t, "L1"), "ratio_lo"), num(at(t, "L1"), "ratio_hi"));
  CHECK(!strcmp(status(at(t, "L2")), "undecided") && isnan(num(at(t, "L2"), "ratio_lo")),
        "two repetitions: no interval, undecided (%s)", status(at(t, "L2")));
  CHECK(!strcmp(status(t), "undecided") && json_is_null(json_object_get(t, "met")),
        "undecided sizes leave the target open (%s)", status(t));
  json_decref(ts);
  reset();

  /* 4. DRAM: bytes/s against memory.copy; 0.95 of the copy is met, 0.5 not met (and never
   * judged as copy over kernel, which would be 2) */
  bench(NULL, "memory.copy", DRAM, X5(1.0e9, 1.01e9, 0.99e9, 1.0e9, 1.0e9), 5);
  bench(&ours_fast, NULL, DRAM, X5(0.50e9, 0.51e9, 0.49e9, 0.50e9, 0.50e9), 5);
  ts = spd_targets_json(bs, nb, sizes, 3);
  t = target(ts, "sigmoid/fwd/dram/4ulp");
  CHECK(t != NULL, "a target sigmoid/fwd/dram/4ulp");
  CHECK(fabs(num(at(t, "DRAM"), "ratio") - 0.5) < 1e-12 && !strcmp(status(t), "not met"),
        "half the copy's bytes/s: ratio 0.5, not met (ratio %g, %s)", num(at(t, "DRAM"), "ratio"),
        status(t));
  t = target(ts, "sigmoid/fwd/dram/1ulp");
  CHECK(t && !strcmp(status(t), "no kernel of ours in this class"),
        "no kernel of ours claims <= 1 ulp: nothing to judge (%s)", status(t));
  json_decref(ts);
  reset();
  bench(NULL, "memory.copy", DRAM, X5(1.0e9, 1.01e9, 0.99e9, 1.0e9, 1.0e9), 5);
  bench(&ours_fast, NULL, DRAM, X5(0.95e9, 0.96e9, 0.95e9, 0.95e9, 0.94e9), 5);
  ts = spd_targets_json(bs, nb, sizes, 3);
  t = target(ts, "sigmoid/fwd/dram/any");
  CHECK(fabs(num(at(t, "DRAM"), "ratio") - 0.95) < 1e-12 && !strcmp(status(t), "met"),
        "0.95 of the copy's bytes/s: met (ratio %g, %s)", num(at(t, "DRAM"), "ratio"), status(t));
  json_decref(ts);
  reset();
  return check_done();
}
