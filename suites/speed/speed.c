/* actbench speed: throughput of every implementation, forward and backward,
 * at sizes chosen from the machine's caches, measured by Google Benchmark.
 * An implementation without a backward kernel (bwd == NULL, an inference
 * library) gets a forward benchmark only.
 *
 * At every size two baselines run as well, so that each kernel can be set
 * against what memory allows: memory.copy (memcpy of x to y: glibc's, chosen
 * for this CPU; for large n it may use non-temporal stores) and memory.relu
 * (the fastest ReLU of the registry that runs here: relu.avx512.autovec, else
 * relu.avx2.autovec, else relu.scalar.stable), both forward, 8 bytes per element,
 * activation "memory", origin and role "baseline".
 *
 * Google Benchmark writes its JSON to a temporary file in the output folder;
 * this suite then adds what docs/results.md asks for (kind, version, the
 * machine context, the sizes and the implementations, and per benchmark the
 * implementation, direction, n and size class) and writes DIR/speed.json
 * atomically.  Every option is checked before anything is measured. */
#include "speed.h"

#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "gbench_shim.h"
#include "registry.h"
#include "util.h"

#ifndef ACTBENCH_VERSION
#define ACTBENCH_VERSION "unknown"
#endif

/* Inputs are uniform over [-8, 8]: pre-activations of that size are what
 * trained networks feed these functions, the range covers both saturated
 * tails and the transition region of sigmoid and tanh, and it keeps every
 * output and derivative normal (no subnormal slow paths).  Upstream
 * gradients dy are uniform over [-1, 1]. */
#define X_LO -8.0
#define X_HI 8.0
#define DY_LO -1.0
#define DY_HI 1.0

#define MAX_N ((long long)1 << 27) /* floats per array: 512 MiB, four arrays 2 GiB */
#define MIN_CLASS_N 256            /* smallest n a cache class may give */
#define MAX_SIZES 64
#define FWD_BYTES 8  /* reads x, writes y */
#define BWD_BYTES 16 /* reads x, y, dy, writes dx */

typedef struct {
  size_t n;
  const char *cls; /* "L1", "L2", "L3", "DRAM" or "custom" */
  float *x, *y, *dy, *dx;
} size_buf;

enum { FWD = 0, BWD = 1 };

typedef struct {
  const act_impl *impl; /* NULL for a baseline */
  const char *impl_name, *activation, *isa;
  act_fwd *fwd;
  act_params p;
  size_buf *buf;
  int dir;
  char name[256];
} bench;

/* The baselines (see the top of this file). */
typedef struct {
  const char *name, *isa, *kernel;
  act_fwd *fwd;
} baseline;

static void copy_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  if (x != y) memcpy(y, x, n * sizeof(float));
}

/* memory.copy and memory.relu; out must hold 2. */
static size_t baselines(baseline *out) {
  static const char *const relus[] = {"relu.avx512.autovec", "relu.avx2.autovec",
                                      "relu.scalar.stable"};
  size_t nb = 0;
  out[nb++] = (baseline){"memory.copy", "glibc", "memcpy", copy_fwd};
  for (size_t k = 0; k < sizeof relus / sizeof relus[0]; k++) {
    const act_impl *r = act_find_impl(relus[k]);
    if (r && r->fwd && act_impl_available(r)) {
      out[nb++] = (baseline){"memory.relu", r->isa, r->name, r->fwd};
      break;
    }
  }
  return nb;
}

static uint64_t g_seed = 1;
static size_buf *g_live; /* the size whose buffers are allocated */
static char g_tmp[4200]; /* Google Benchmark's output, removed at exit */

static void remove_tmp(void) {
  if (g_tmp[0]) unlink(g_tmp);
}

static void on_signal(int sig) {
  if (g_tmp[0]) unlink(g_tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench speed [options] [--benchmark_*=...]\n"
          "Throughput of every implementation, forward (x -> y) and backward\n"
          "(x, y, dy -> dx), measured by Google Benchmark; writes DIR/speed.json.\n"
          "\n"
          "  --activation A     only implementations of activation A\n"
          "  --impl PATTERN     full name, glob, or name without the activation\n"
          "  --sizes LIST       comma list of element counts and/or L1, L2, L3, DRAM\n"
          "                     (default L1,L2,L3,DRAM, derived from this machine's caches)\n"
          "  --min-time S       minimum measuring time per benchmark in seconds (0.1)\n"
          "  --repetitions N    repeat each benchmark N times; N > 1 adds mean/median/stddev\n"
          "  --a VALUE          slope parameter a (default: the activation's default)\n"
          "  --seed S           seed of the inputs (1)\n"
          "  --out DIR          output folder (results)\n"
          "  --benchmark_*=...  passed to Google Benchmark, e.g. --benchmark_filter=avx2\n"
          "\n"
          "Inputs x are uniform over [%g, %g], dy over [%g, %g].  Benchmarks are named\n"
          "<impl>/fwd/<n> and <impl>/bwd/<n>; bytes counted: fwd %d, bwd %d per element.\n"
          "An implementation without a backward kernel gets no bwd benchmark.  At every\n"
          "size the baselines memory.copy/fwd/<n> (memcpy) and memory.relu/fwd/<n> (the\n"
          "fastest ReLU here) show what memory allows.\n"
          "\n"
          "At the end it judges the speed targets (docs/results.md): at the L1 and L2\n"
          "sizes our fastest vector kernel of no worse claimed error against a peer\n"
          "(sigmoid: XNNPACK, tanh: oneDNN, >= 1.2x; gelu, silu, elu, softplus: the\n"
          "fastest peer, >= 1x; backward: oneDNN), and at the DRAM size each of our\n"
          "vector kernels against memory.copy (>= 90%% of its bytes/s); a count equal\n"
          "to a class's counts as that class.  They go to speed.json as \"targets\".\n",
          X_LO, X_HI, DY_LO, DY_HI, FWD_BYTES, BWD_BYTES);
}

/* Google Benchmark answers a bad value of these flags with its usage text
 * and exit status 0; catch them first.  choices: "a|b|c". */
static void check_gb_enum(const char *arg, const char *flag, const char *choices) {
  size_t fl = strlen(flag);
  if (strncmp(arg, flag, fl) != 0) return;
  const char *v = arg + fl, *c = choices;
  size_t vl = strlen(v);
  for (;;) {
    const char *bar = strchr(c, '|');
    size_t cl = bar ? (size_t)(bar - c) : strlen(c);
    if (cl == vl && !strncmp(c, v, vl)) return;
    if (!bar) break;
    c = bar + 1;
  }
  act_die("speed: %.*s: '%s' is not one of %s", (int)(fl - 1), flag, v, choices);
}

static size_t pow2_floor(size_t v) {
  size_t p = 1;
  while (p <= v / 2) p *= 2;
  return p;
}

static size_t pow2_ceil(size_t v) {
  size_t p = 1;
  while (p < v) p *= 2;
  return p;
}

static size_t clamp_class(size_t n) {
  if (n < MIN_CLASS_N) n = MIN_CLASS_N;
  if (n > (size_t)MAX_N) n = (size_t)MAX_N;
  return n;
}

/* Elements per array for a cache class; fallbacks 32 KiB, 1 MiB, 32 MiB. */
static size_t class_n(const char *cls) {
  size_t l1 = act_cache_size(1), l2 = act_cache_size(2), l3 = act_cache_size(3);
  if (!l1) l1 = (size_t)32 << 10;
  if (!l2) l2 = (size_t)1 << 20;
  if (!l3) l3 = (size_t)32 << 20;
  if (!strcmp(cls, "L1")) return clamp_class(pow2_floor(l1 / 8)); /* fwd: x and y fit */
  if (!strcmp(cls, "L2")) return clamp_class(pow2_floor(l2 / 32));
  if (!strcmp(cls, "L3")) return clamp_class(pow2_floor(l3 / 32));
  return clamp_class(pow2_ceil(2 * l3 / 4)); /* DRAM: each array twice the L3 */
}

static size_t parse_sizes(const char *list, size_buf *out) {
  static const char *classes[] = {"L1", "L2", "L3", "DRAM"};
  size_t count = 0;
  const char *s = list;
  if (!*s) act_die("speed: --sizes needs a list, e.g. 1024,L1,DRAM");
  for (;;) {
    const char *end = strchr(s, ',');
    size_t len = end ? (size_t)(end - s) : strlen(s);
    char tok[64];
    if (len == 0) act_die("speed: --sizes '%s' has an empty entry", list);
    if (len >= sizeof tok) act_die("speed: --sizes: '%.*s' is not a size", (int)len, s);
    memcpy(tok, s, len);
    tok[len] = '\0';
    size_buf sb = {0};
    for (size_t c = 0; c < 4; c++)
      if (!strcasecmp(tok, classes[c])) {
        sb.cls = classes[c];
        sb.n = class_n(classes[c]);
      }
    if (!sb.cls) {
      if (strspn(tok, "0123456789") != len)
        act_die("speed: --sizes: '%s' is not a size (a count of elements, or L1, L2, L3, DRAM)",
                tok);
      const char *digits = tok;
      while (digits[0] == '0' && digits[1]) digits++; /* decimal, not octal */
      sb.cls = "custom";
      sb.n = (size_t)act_parse_int("--sizes", digits, 1, MAX_N);
    }
    int dup = 0;
    for (size_t k = 0; k < count; k++) dup |= out[k].n == sb.n;
    if (!dup) {
      if (count == MAX_SIZES) act_die("speed: --sizes: more than %d sizes", MAX_SIZES);
      out[count++] = sb;
    }
    if (!end) break;
    s = end + 1;
  }
  return count;
}

static void free_buf(size_buf *b) {
  act_free(b->x);
  act_free(b->y);
  act_free(b->dy);
  act_free(b->dx);
  b->x = b->y = b->dy = b->dx = NULL;
}

/* Only one size's arrays live at a time: Google Benchmark runs the
 * benchmarks in the order they were registered, size by size. */
static void ensure_buf(size_buf *b) {
  if (g_live == b) return;
  if (g_live) free_buf(g_live);
  g_live = NULL;
  size_t bytes = b->n * sizeof(float);
  b->x = act_alloc(bytes);
  b->y = act_alloc(bytes);
  b->dy = act_alloc(bytes);
  b->dx = act_alloc(bytes);
  act_rng r;
  act_rng_seed(&r, g_seed);
  for (size_t i = 0; i < b->n; i++) b->x[i] = (float)(X_LO + (X_HI - X_LO) * act_rng_uniform(&r));
  for (size_t i = 0; i < b->n; i++)
    b->dy[i] = (float)(DY_LO + (DY_HI - DY_LO) * act_rng_uniform(&r));
  memset(b->y, 0, bytes); /* touch every page before timing */
  memset(b->dx, 0, bytes);
  g_live = b;
}

static void setup_fwd(void *user) {
  ensure_buf(((bench *)user)->buf);
}

static void setup_bwd(void *user) {
  bench *b = user;
  ensure_buf(b->buf);
  /* y for this implementation's bwd comes from its own fwd. */
  b->impl->fwd(b->buf->x, b->buf->y, b->buf->n, &b->p);
}

static void iter_fwd(void *user) {
  bench *b = user;
  b->fwd(b->buf->x, b->buf->y, b->buf->n, &b->p);
}

static void iter_bwd(void *user) {
  bench *b = user;
  size_buf *s = b->buf;
  b->impl->bwd(s->x, s->y, s->dy, s->dx, s->n, &b->p);
}

/* Google Benchmark writes non-finite numbers as bare NaN / Infinity, which
 * is not JSON; make them null. */
static char *sanitize_json(const char *in, size_t len) {
  char *out = malloc(len + 1);
  if (!out) act_die("out of memory");
  size_t o = 0;
  int str = 0;
  for (size_t i = 0; i < len;) {
    char c = in[i];
    if (str) {
      out[o++] = c;
      i++;
      if (c == '\\' && i < len)
        out[o++] = in[i++];
      else if (c == '"')
        str = 0;
      continue;
    }
    if (c == '"') str = 1;
    static const char *bad[] = {"-Infinity", "Infinity", "-NaN", "NaN"};
    int done = 0;
    for (size_t k = 0; k < 4 && !done; k++) {
      size_t bl = strlen(bad[k]);
      if (len - i >= bl && !memcmp(in + i, bad[k], bl)) {
        memcpy(out + o, "null", 4); /* never longer than the token it replaces */
        o += 4;
        i += bl;
        done = 1;
      }
    }
    if (!done) out[o++] = in[i++];
  }
  out[o] = '\0';
  return out;
}

static json_t *load_gb_json(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  if (!buf) act_die("out of memory");
  for (;;) {
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (len < cap) break;
    cap *= 2;
    char *nb = realloc(buf, cap);
    if (!nb) act_die("out of memory");
    buf = nb;
  }
  fclose(f);
  if (len == 0) {
    free(buf);
    return NULL;
  }
  char *clean = sanitize_json(buf, len);
  free(buf);
  json_error_t err;
  json_t *doc = json_loads(clean, 0, &err);
  free(clean);
  if (!doc || !json_is_object(doc))
    act_die("speed: Google Benchmark's output %s is not valid JSON (line %d: %s)", path, err.line,
            doc ? "not an object" : err.text);
  return doc;
}

/* Google Benchmark's context wins; an actbench member whose name it already
 * uses with a different value (caches, date) is kept as actbench_<name>. */
static void merge_context(json_t *gb_ctx, json_t *ours) {
  const char *key;
  json_t *val;
  json_object_foreach(ours, key, val) {
    json_t *have = json_object_get(gb_ctx, key);
    if (!have) {
      json_object_set(gb_ctx, key, val);
    } else if (!json_equal(have, val)) {
      char alt[128];
      snprintf(alt, sizeof alt, "actbench_%s", key);
      json_object_set(gb_ctx, alt, val);
    }
  }
}

/* Google Benchmark's run_name, or its name without the aggregate suffix. */
static const bench *find_bench(const bench *bs, size_t nb, json_t *entry) {
  const char *rn = json_string_value(json_object_get(entry, "run_name"));
  const char *name = json_string_value(json_object_get(entry, "name"));
  for (size_t i = 0; i < nb; i++) {
    if (rn && !strcmp(rn, bs[i].name)) return &bs[i];
    if (!rn && name) {
      size_t l = strlen(bs[i].name);
      if (!strncmp(name, bs[i].name, l) && (name[l] == '\0' || name[l] == '_')) return &bs[i];
    }
  }
  return NULL;
}

/* ---- the speed targets (issue 5; docs/results.md, "targets")
 *
 * What our vector kernels must reach against the peers measured in the same
 * run, judged from the registry's claims and this run's throughput:
 * - peer targets: at the L1 and L2 sizes, our fastest kernel (origin
 *   actbench, ISA avx2 or avx512) among those whose claimed max ULP error in
 *   the direction is no worse than the reference peer's claim (all of them
 *   where the peer's documentation states no bound), against that
 *   peer: sigmoid forward >= 1.2x XNNPACK's sigmoid, tanh forward >= 1.2x
 *   oneDNN's eltwise tanh, gelu, silu, elu and softplus forward >= 1x the
 *   fastest peer at each size; backward the same against oneDNN's backward
 *   eltwise (1.2x for sigmoid and tanh, 1x for the rest).  Where a library
 *   has several forms (oneDNN's use-dst ones), the fastest at each size is the
 *   reference, with its own claim.
 * - bandwidth targets: at the DRAM size each of our vector kernels moves
 *   >= 90% of the bytes/s of memory.copy at the same n.
 * A size given as a count (class "custom") that equals a class's count on
 * this machine counts as that class (--sizes 4096,32768 is L1,L2 here when
 * the L1d holds 32 KiB and the L2 1 MiB). */

typedef struct {
  const char *activation;
  int dir;
  const char *origin; /* the reference library, NULL: every peer (the fastest) */
  double min_ratio;
} peer_target;

static const peer_target peer_targets[] = {
    {"sigmoid", FWD, "xnnpack", 1.2}, {"tanh", FWD, "onednn", 1.2},
    {"gelu", FWD, NULL, 1.0},         {"silu", FWD, NULL, 1.0},
    {"elu", FWD, NULL, 1.0},          {"softplus", FWD, NULL, 1.0},
    {"sigmoid", BWD, "onednn", 1.2},  {"tanh", BWD, "onednn", 1.2},
    {"gelu", BWD, "onednn", 1.0},     {"silu", BWD, "onednn", 1.0},
    {"elu", BWD, "onednn", 1.0},      {"softplus", BWD, "onednn", 1.0},
};
static const char *const peer_classes[] = {"L1", "L2"};
static const char *const bw_classes[] = {"DRAM"};
#define BW_MIN_RATIO 0.9

/* What Google Benchmark measured for one of our benchmarks: the median of
 * the repetitions when it reports one, else the mean of the iterations. */
typedef struct {
  double ips_sum, bps_sum, ips_med, bps_med;
  int count, has_med;
} meas;

static double meas_ips(const meas *m) {
  return m->has_med ? m->ips_med : m->count ? m->ips_sum / m->count : NAN;
}
static double meas_bps(const meas *m) {
  return m->has_med ? m->bps_med : m->count ? m->bps_sum / m->count : NAN;
}

/* The class a size counts as for the targets, NULL for none. */
static const char *target_class(const size_buf *s) {
  static const char *const classes[] = {"L1", "L2", "L3", "DRAM"};
  if (strcmp(s->cls, "custom") != 0) return s->cls;
  for (size_t k = 0; k < 4; k++)
    if (class_n(classes[k]) == s->n) return classes[k];
  return NULL;
}

/* In one of the peer tables (impls/peers/), not ours. */
static int is_peer(const act_impl *m) {
  for (size_t t = 0; act_peer_tables[t]; t++)
    for (size_t i = 0; i < act_peer_tables[t]->count; i++)
      if (!strcmp(act_peer_tables[t]->impls[i].name, m->name)) return 1;
  return 0;
}

/* One of our vector kernels: origin actbench, ISA avx2 or avx512. */
static int is_ours_vector(const act_impl *m) {
  return !strcmp(m->origin, "actbench") && (!strcmp(m->isa, "avx2") || !strcmp(m->isa, "avx512")) &&
         !is_peer(m);
}

static int has_dir(const act_impl *m, int dir) {
  return m->fwd && (dir == FWD || m->bwd);
}

static double claim(const act_impl *m, int dir) {
  return dir == FWD ? m->fwd_ulp : m->bwd_ulp;
}

/* What was measured of the implementation or baseline called name, in one
 * direction at one size; NULL when nothing was. */
static const meas *find_meas(const bench *bs, const meas *ms, size_t nb, const char *name, int dir,
                             const size_buf *buf) {
  for (size_t i = 0; i < nb; i++)
    if (bs[i].buf == buf && bs[i].dir == dir && !strcmp(bs[i].impl_name, name) &&
        (ms[i].count || ms[i].has_med))
      return &ms[i];
  return NULL;
}

static json_t *jnum(double v) {
  return isfinite(v) ? json_real(v) : json_null();
}

static const char *class_list(const char *const *cls, size_t n, const char *sep) {
  static char buf[64];
  buf[0] = '\0';
  for (size_t k = 0; k < n; k++) {
    if (k) strncat(buf, sep, sizeof buf - strlen(buf) - 1);
    strncat(buf, cls[k], sizeof buf - strlen(buf) - 1);
  }
  return buf;
}

/* The overall verdict from the verdicts at each required size class: a
 * ratio below the target anywhere is "not met", no kernel of ours to compare
 * is a failure too; otherwise a reference or a class not measured leaves it
 * open (met null); otherwise "met". */
static void verdict(json_t *t, const json_t *jsizes, const char *const *cls, size_t ncls) {
  int ratio_fail = 0;
  const char *fail = NULL, *open = NULL;
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
      ratio_fail = 1;
    else if (!strncmp(st, "no kernel of ours", 17))
      fail = st;
    else
      open = st;
  }
  char buf[96];
  json_t *met;
  const char *status;
  if (ratio_fail || fail) {
    met = json_false();
    status = ratio_fail ? "not met" : fail;
  } else if (open) {
    met = json_null();
    status = open;
  } else if (*missing) {
    met = json_null();
    snprintf(buf, sizeof buf, "%s not measured", missing);
    status = buf;
  } else {
    met = json_true();
    status = "met";
  }
  json_object_set_new(t, "met", met);
  json_object_set_new(t, "status", json_string(status));
}

static json_t *peer_target_json(const peer_target *pt, const act_impl **run, size_t nrun,
                                const bench *bs, const meas *ms, size_t nb, size_buf *sizes,
                                size_t nsizes) {
  const char *dn = pt->dir == FWD ? "fwd" : "bwd";
  json_t *t = json_object();
  char id[96], desc[512], ref[64];
  snprintf(id, sizeof id, "%s/%s", pt->activation, dn);
  snprintf(ref, sizeof ref, "%s", pt->origin ? pt->origin : "fastest peer");
  snprintf(desc, sizeof desc,
           "our fastest %s kernel whose claimed max ULP error of %s is no worse than the "
           "reference's (any, where it has no documented bound) runs at >= %gx the throughput "
           "of %s%s at %s",
           pt->activation, pt->dir == FWD ? "f" : "f'", pt->min_ratio,
           pt->origin ? pt->origin : "the fastest peer",
           pt->origin ? (pt->dir == FWD ? "'s forward kernel" : "'s backward kernel") : "",
           class_list(peer_classes, 2, " and "));
  json_object_set_new(t, "id", json_string(id));
  json_object_set_new(t, "kind", json_string("peer"));
  json_object_set_new(t, "activation", json_string(pt->activation));
  json_object_set_new(t, "direction", json_string(dn));
  json_object_set_new(t, "reference", json_string(ref));
  json_object_set_new(t, "description", json_string(desc));
  json_object_set_new(t, "min_ratio", json_real(pt->min_ratio));
  json_t *jc = json_array();
  for (size_t c = 0; c < 2; c++) json_array_append_new(jc, json_string(peer_classes[c]));
  json_object_set_new(t, "classes", jc);
  /* the candidates: ours and the reference peers that ran */
  json_t *jours = json_array(), *jpeers = json_array();
  for (size_t k = 0; k < nrun; k++) {
    const act_impl *m = run[k];
    if (strcmp(m->activation, pt->activation) || !has_dir(m, pt->dir)) continue;
    if (is_ours_vector(m))
      json_array_append_new(jours, json_pack("{s:s, s:s, s:o}", "name", m->name, "isa", m->isa,
                                             "claimed_ulp", jnum(claim(m, pt->dir))));
    else if (is_peer(m) && (!pt->origin || !strcmp(m->origin, pt->origin)))
      json_array_append_new(jpeers, json_pack("{s:s, s:s, s:o}", "name", m->name, "origin",
                                              m->origin, "claimed_ulp", jnum(claim(m, pt->dir))));
  }
  json_object_set_new(t, "ours", jours);
  json_object_set_new(t, "peers", jpeers);
  json_t *jsizes = json_array();
  for (size_t s = 0; s < nsizes; s++) {
    const char *cls = target_class(&sizes[s]);
    if (!cls || (strcmp(cls, "L1") && strcmp(cls, "L2"))) continue;
    /* the reference: the fastest of the peers measured here */
    const act_impl *peer = NULL;
    double peer_ips = NAN;
    for (size_t k = 0; k < nrun; k++) {
      const act_impl *m = run[k];
      if (strcmp(m->activation, pt->activation) || !has_dir(m, pt->dir) || !is_peer(m) ||
          (pt->origin && strcmp(m->origin, pt->origin)))
        continue;
      const meas *q = find_meas(bs, ms, nb, m->name, pt->dir, &sizes[s]);
      if (q && meas_ips(q) > 0 && !(meas_ips(q) <= peer_ips)) {
        peer = m;
        peer_ips = meas_ips(q);
      }
    }
    /* ours: the fastest whose claim is no worse than the reference's */
    const act_impl *ours = NULL;
    double ours_ips = NAN;
    json_t *qual = json_array();
    int any_ours = 0;
    for (size_t k = 0; peer && k < nrun; k++) {
      const act_impl *m = run[k];
      if (strcmp(m->activation, pt->activation) || !has_dir(m, pt->dir) || !is_ours_vector(m))
        continue;
      const meas *q = find_meas(bs, ms, nb, m->name, pt->dir, &sizes[s]);
      if (!q || !(meas_ips(q) > 0)) continue;
      any_ours = 1;
      /* no worse than the reference's claim; a peer whose documentation
       * states no bound (NAN) promises nothing, and every kernel of ours
       * qualifies */
      if (!isnan(claim(peer, pt->dir)) && !(claim(m, pt->dir) <= claim(peer, pt->dir))) continue;
      json_array_append_new(qual, json_string(m->name));
      if (!(meas_ips(q) <= ours_ips)) {
        ours = m;
        ours_ips = meas_ips(q);
      }
    }
    json_t *e = json_pack("{s:I, s:s}", "n", (json_int_t)sizes[s].n, "class", cls);
    json_object_set_new(e, "peer", peer ? json_string(peer->name) : json_null());
    json_object_set_new(e, "peer_claimed_ulp", peer ? jnum(claim(peer, pt->dir)) : json_null());
    json_object_set_new(e, "peer_items_per_second", jnum(peer_ips));
    json_object_set_new(e, "qualifying", qual);
    json_object_set_new(e, "ours", ours ? json_string(ours->name) : json_null());
    json_object_set_new(e, "ours_claimed_ulp", ours ? jnum(claim(ours, pt->dir)) : json_null());
    json_object_set_new(e, "ours_items_per_second", jnum(ours_ips));
    double ratio = ours && peer ? ours_ips / peer_ips : NAN;
    json_object_set_new(e, "ratio", jnum(ratio));
    const char *st = !peer  ? "peer not measured"
                     : ours ? (ratio >= pt->min_ratio ? "met" : "not met")
                            : "no kernel of ours qualifies";
    if (peer && !ours)
      json_object_set_new(e, "note",
                          json_string(any_ours ? "every kernel of ours measured here claims a "
                                                 "larger max ULP error than the reference"
                                               : "no vector kernel of ours was measured"));
    json_object_set_new(e, "met",
                        !strcmp(st, "met")                 ? json_true()
                        : !strcmp(st, "peer not measured") ? json_null()
                                                           : json_false());
    json_object_set_new(e, "status", json_string(st));
    json_array_append_new(jsizes, e);
  }
  verdict(t, jsizes, peer_classes, 2);
  json_object_set_new(t, "sizes", jsizes);
  return t;
}

static json_t *bw_target_json(const char *activation, int dir, const act_impl **run, size_t nrun,
                              const bench *bs, const meas *ms, size_t nb, size_buf *sizes,
                              size_t nsizes) {
  const char *dn = dir == FWD ? "fwd" : "bwd";
  json_t *t = json_object();
  char id[96], desc[256];
  snprintf(id, sizeof id, "%s/%s/dram", activation, dn);
  snprintf(desc, sizeof desc,
           "at the DRAM size each of our vector %s kernels (%s) moves >= %g%% of the bytes/s of "
           "memory.copy at the same n",
           activation, dn, 100 * BW_MIN_RATIO);
  json_object_set_new(t, "id", json_string(id));
  json_object_set_new(t, "kind", json_string("bandwidth"));
  json_object_set_new(t, "activation", json_string(activation));
  json_object_set_new(t, "direction", json_string(dn));
  json_object_set_new(t, "reference", json_string("memory.copy"));
  json_object_set_new(t, "description", json_string(desc));
  json_object_set_new(t, "min_ratio", json_real(BW_MIN_RATIO));
  json_object_set_new(t, "classes", json_pack("[s]", bw_classes[0]));
  json_t *jours = json_array();
  for (size_t k = 0; k < nrun; k++)
    if (!strcmp(run[k]->activation, activation) && has_dir(run[k], dir) && is_ours_vector(run[k]))
      json_array_append_new(jours, json_pack("{s:s, s:s, s:o}", "name", run[k]->name, "isa",
                                             run[k]->isa, "claimed_ulp", jnum(claim(run[k], dir))));
  json_object_set_new(t, "ours", jours);
  json_t *jsizes = json_array();
  for (size_t s = 0; s < nsizes; s++) {
    const char *cls = target_class(&sizes[s]);
    if (!cls || strcmp(cls, "DRAM")) continue;
    const meas *cq = find_meas(bs, ms, nb, "memory.copy", FWD, &sizes[s]);
    double copy = cq ? meas_bps(cq) : NAN;
    json_t *e = json_pack("{s:I, s:s}", "n", (json_int_t)sizes[s].n, "class", cls);
    json_object_set_new(e, "copy_bytes_per_second", jnum(copy));
    json_t *ks = json_array();
    const char *worst = NULL;
    double wr = NAN;
    int fails = 0;
    for (size_t k = 0; k < nrun; k++) {
      const act_impl *m = run[k];
      if (strcmp(m->activation, activation) || !has_dir(m, dir) || !is_ours_vector(m)) continue;
      const meas *q = find_meas(bs, ms, nb, m->name, dir, &sizes[s]);
      if (!q) continue;
      double r = meas_bps(q) / copy;
      json_t *kj = json_pack("{s:s}", "name", m->name);
      json_object_set_new(kj, "bytes_per_second", jnum(meas_bps(q)));
      json_object_set_new(kj, "ratio", jnum(r));
      json_object_set_new(kj, "met", isfinite(r) ? json_boolean(r >= BW_MIN_RATIO) : json_null());
      json_array_append_new(ks, kj);
      if (isfinite(r) && !(r >= wr)) {
        worst = m->name;
        wr = r;
      }
      fails += isfinite(r) && r < BW_MIN_RATIO;
    }
    json_object_set_new(e, "kernels", ks);
    json_object_set_new(e, "worst", worst ? json_string(worst) : json_null());
    json_object_set_new(e, "ratio", jnum(wr));
    const char *st = !(copy > 0)            ? "memory.copy not measured"
                     : !json_array_size(ks) ? "our kernels not measured"
                     : fails                ? "not met"
                                            : "met";
    json_object_set_new(e, "met",
                        !strcmp(st, "met")       ? json_true()
                        : !strcmp(st, "not met") ? json_false()
                                                 : json_null());
    json_object_set_new(e, "status", json_string(st));
    json_array_append_new(jsizes, e);
  }
  verdict(t, jsizes, bw_classes, 1);
  json_object_set_new(t, "sizes", jsizes);
  return t;
}

/* Every target that this run's selection touches: the peer targets of the
 * activations selected, and a bandwidth target per activation and direction
 * with a vector kernel of ours. */
static json_t *targets_json(const act_impl **run, size_t nrun, const bench *bs, const meas *ms,
                            size_t nb, size_buf *sizes, size_t nsizes) {
  json_t *arr = json_array();
  for (size_t k = 0; k < sizeof peer_targets / sizeof peer_targets[0]; k++) {
    int selected = 0;
    for (size_t i = 0; i < nrun; i++)
      selected |= !strcmp(run[i]->activation, peer_targets[k].activation);
    if (selected)
      json_array_append_new(
          arr, peer_target_json(&peer_targets[k], run, nrun, bs, ms, nb, sizes, nsizes));
  }
  for (int dir = FWD; dir <= BWD; dir++)
    for (size_t i = 0; i < nrun; i++) {
      if (!is_ours_vector(run[i]) || !has_dir(run[i], dir)) continue;
      int seen = 0;
      for (size_t j = 0; j < i; j++)
        seen |= is_ours_vector(run[j]) && has_dir(run[j], dir) &&
                !strcmp(run[j]->activation, run[i]->activation);
      if (!seen)
        json_array_append_new(
            arr, bw_target_json(run[i]->activation, dir, run, nrun, bs, ms, nb, sizes, nsizes));
    }
  return arr;
}

/* The table at the end of `actbench speed`: one line per target and size. */
static void print_targets(const json_t *targets) {
  if (!json_array_size(targets)) return;
  printf("\ntargets (ratios measured in this run; claims from the registry; docs/results.md):\n");
  printf("  %-26s %-14s %-8s %-8s %-28s %s\n", "target", "size", "ratio", "need", "verdict",
         "ours / reference");
  size_t i;
  json_t *t;
  json_array_foreach(targets, i, t) {
    const char *kind = json_string_value(json_object_get(t, "kind"));
    int bw = !strcmp(kind, "bandwidth");
    char name[64], need[32];
    snprintf(name, sizeof name, "%s %s %s", json_string_value(json_object_get(t, "activation")),
             json_string_value(json_object_get(t, "direction")),
             bw ? "vs copy" : json_string_value(json_object_get(t, "reference")));
    double minr = json_number_value(json_object_get(t, "min_ratio"));
    if (bw)
      snprintf(need, sizeof need, ">= %g%%", 100 * minr);
    else
      snprintf(need, sizeof need, ">= %gx", minr);
    json_t *sz = json_object_get(t, "sizes");
    if (!json_array_size(sz)) {
      printf("  %-26s %-14s %-8s %-8s %s\n", name, "-", "-", need,
             json_string_value(json_object_get(t, "status")));
      continue;
    }
    size_t k;
    json_t *e;
    json_array_foreach(sz, k, e) {
      char size[48], ratio[32], who[512];
      snprintf(size, sizeof size, "%s %lld", json_string_value(json_object_get(e, "class")),
               (long long)json_integer_value(json_object_get(e, "n")));
      json_t *r = json_object_get(e, "ratio");
      if (!json_is_number(r))
        snprintf(ratio, sizeof ratio, "-");
      else if (bw)
        snprintf(ratio, sizeof ratio, "%.0f%%", 100 * json_number_value(r));
      else
        snprintf(ratio, sizeof ratio, "%.2fx", json_number_value(r));
      if (bw) {
        json_t *w = json_object_get(e, "worst");
        snprintf(who, sizeof who, "%s%s", json_is_string(w) ? "worst: " : "",
                 json_is_string(w) ? json_string_value(w) : "");
      } else {
        json_t *o = json_object_get(e, "ours"), *p = json_object_get(e, "peer");
        char os[200] = "-", ps[200] = "-";
        if (json_is_string(o))
          snprintf(os, sizeof os, "%s (%.3g ulp)", json_string_value(o),
                   json_number_value(json_object_get(e, "ours_claimed_ulp")));
        json_t *pc = json_object_get(e, "peer_claimed_ulp");
        if (json_is_string(p) && json_is_number(pc))
          snprintf(ps, sizeof ps, "%s (%.3g ulp)", json_string_value(p), json_number_value(pc));
        else if (json_is_string(p))
          snprintf(ps, sizeof ps, "%s (no documented bound)", json_string_value(p));
        json_t *note = json_object_get(e, "note");
        if (json_is_string(note)) snprintf(os, sizeof os, "- (%s)", json_string_value(note));
        snprintf(who, sizeof who, "%s / %s", os, ps);
      }
      printf("  %-26s %-14s %-8s %-8s %-28s %s\n", k ? "" : name, size, ratio, k ? "" : need,
             json_string_value(json_object_get(e, "status")), who);
    }
    const char *st = json_string_value(json_object_get(t, "status"));
    int said = 0;
    json_array_foreach(sz, k, e) {
      said |= !strcmp(st, json_string_value(json_object_get(e, "status")));
    }
    if (!said) printf("  %-26s %-14s %-8s %-8s overall: %s\n", "", "", "", "", st);
  }
}

int act_speed_main(int argc, char **argv) {
  const char *activation = NULL, *pattern = NULL, *sizes_arg = "L1,L2,L3,DRAM";
  const char *out_dir = "results";
  double min_time = 0.1;
  long long reps = 1;
  int have_a = 0;
  float a_value = 0.0f;
  int list_tests = 0;

  /* Google Benchmark's argv: program name, our settings, then the user's
   * --benchmark_* flags (later flags win). */
  char **gbv = calloc((size_t)argc + 8, sizeof *gbv);
  if (!gbv) act_die("out of memory");
  int gbc = 0;
  char *user_gb[256];
  int user_gbc = 0;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      free(gbv);
      return 0;
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--activation"))) {
      activation = v;
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--impl"))) {
      pattern = v;
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--sizes"))) {
      sizes_arg = v;
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--min-time"))) {
      min_time = act_parse_double("--min-time", v, 0, 86400);
      if (!(min_time > 0)) act_die("speed: --min-time must be > 0 seconds");
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--repetitions"))) {
      reps = act_parse_int("--repetitions", v, 1, 100000);
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--a"))) {
      a_value = act_parse_float("--a", v);
      if (!isfinite(a_value)) act_die("speed: --a must be finite, not %s", v);
      have_a = 1;
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--seed"))) {
      g_seed = (uint64_t)act_parse_int("--seed", v, 0, INT64_MAX);
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--out"))) {
      out_dir = v;
    } else if (!strncmp(a, "--benchmark_", 12)) {
      if (!strncmp(a, "--benchmark_out", 15))
        act_die("speed: '%s': speed writes Google Benchmark's JSON itself (use --out DIR)", a);
      if (!strncmp(a, "--benchmark_list_tests", 22) && strcmp(a, "--benchmark_list_tests=false"))
        list_tests = 1;
      check_gb_enum(a, "--benchmark_format=", "console|json|csv");
      check_gb_enum(a, "--benchmark_time_unit=", "ns|us|ms|s");
      if (!strncmp(a, "--benchmark_repetitions=", 24)) /* recorded in "actbench" */
        reps = act_parse_int("--benchmark_repetitions", a + 24, 1, 100000);
      if (!strncmp(a, "--benchmark_min_time=", 21)) {
        char *end;
        double t = strtod(a + 21, &end);
        if (end != a + 21 && !*end && t > 0) min_time = t;
      }
      if (user_gbc == 256) act_die("speed: too many --benchmark_* options");
      user_gb[user_gbc++] = argv[i];
    } else {
      act_die("speed: unknown option '%s' (see actbench speed --help)", a);
    }
  }
  if (!*out_dir) act_die("speed: --out needs a folder name");

  size_buf sizes[MAX_SIZES];
  size_t nsizes = parse_sizes(sizes_arg, sizes);

  const act_impl **sel = calloc(act_registry_count + 1, sizeof *sel);
  if (!sel) act_die("out of memory");
  /* kernels native to a narrow format run behind float conversions here: the
   * accuracy suite measures them, the speed suite leaves them out */
  size_t nsel = act_drop_native(sel, act_select(activation, pattern, sel, act_registry_count));
  if (nsel == 0)
    act_die(
        "speed: no implementation selected (kernels native to bfloat16/binary16 are "
        "measured by the accuracy suite only)");

  char json_path[4200];
  if (snprintf(json_path, sizeof json_path, "%s/speed.json", out_dir) >= (int)sizeof json_path ||
      snprintf(g_tmp, sizeof g_tmp, "%s/.speed.gbench.%ld.json", out_dir, (long)getpid()) >=
          (int)sizeof g_tmp)
    act_die("speed: --out: folder name too long");
  g_tmp[0] = '\0'; /* nothing to remove yet */

  /* Google Benchmark's flags: checked now, before anything runs. */
  char min_time_flag[64], reps_flag[64], out_flag[4300];
  snprintf(min_time_flag, sizeof min_time_flag, "--benchmark_min_time=%.9g", min_time);
  snprintf(reps_flag, sizeof reps_flag, "--benchmark_repetitions=%lld", reps);
  snprintf(out_flag, sizeof out_flag, "--benchmark_out=%s/.speed.gbench.%ld.json", out_dir,
           (long)getpid());
  gbv[gbc++] = "actbench";
  gbv[gbc++] = min_time_flag;
  gbv[gbc++] = reps_flag;
  gbv[gbc++] = out_flag;
  gbv[gbc++] = "--benchmark_out_format=json";
  for (int k = 0; k < user_gbc; k++) gbv[gbc++] = user_gb[k];
  gbv[gbc] = NULL;
  if (act_gb_init(&gbc, gbv) != 0) act_die("speed: Google Benchmark failed to start");
  if (gbc > 1)
    act_die("speed: Google Benchmark does not understand '%s' (write --benchmark_flag=value)",
            gbv[1]);

  act_ensure_dir(out_dir);
  if (access(out_dir, W_OK | X_OK) != 0) act_die("speed: cannot write into %s", out_dir);

  /* Which implementations run here. */
  const act_impl **run = calloc(nsel + 1, sizeof *run);
  int *avail = calloc(nsel + 1, sizeof *avail);
  if (!run || !avail) act_die("out of memory");
  size_t nrun = 0;
  for (size_t k = 0; k < nsel; k++) {
    avail[k] = act_impl_available(sel[k]) != 0;
    if (avail[k])
      run[nrun++] = sel[k];
    else
      act_warn("speed: skipping %s: this CPU (or ACTBENCH_ISA) does not allow %s", sel[k]->name,
               sel[k]->isa);
  }
  if (nrun == 0) act_die("speed: none of the selected implementations runs on this CPU");

  /* Register, size by size: the baselines first, then the kernels. */
  baseline base[2];
  size_t nbase = baselines(base);
  size_t nb = 0;
  bench *bs = calloc((nrun * 2 + nbase) * nsizes + 1, sizeof *bs);
  if (!bs) act_die("out of memory");
  for (size_t s = 0; s < nsizes; s++) {
    for (size_t k = 0; k < nbase; k++) {
      bench *b = &bs[nb++];
      b->impl_name = base[k].name;
      b->activation = "memory";
      b->isa = base[k].isa;
      b->fwd = base[k].fwd;
      b->p = (act_params){0.0f, 0.0f};
      b->buf = &sizes[s];
      b->dir = FWD;
      snprintf(b->name, sizeof b->name, "%s/fwd/%zu", base[k].name, sizes[s].n);
      if (act_gb_register(b->name, iter_fwd, setup_fwd, b, (int64_t)sizes[s].n,
                          (int64_t)sizes[s].n * FWD_BYTES, sizes[s].cls) != 0)
        act_die("speed: cannot register benchmark %s", b->name);
    }
    for (size_t k = 0; k < nrun; k++) {
      const act_impl *m = run[k];
      const act_activation *act = act_find_activation(m->activation);
      act_params p = act ? act->defaults : (act_params){1.0f, 0.0f};
      if (have_a) p.a = a_value;
      for (int dir = FWD; dir <= BWD; dir++) {
        if ((dir == FWD && !m->fwd) || (dir == BWD && (!m->bwd || !m->fwd))) {
          if (s == 0 && (dir == FWD || m->fwd))
            act_warn("speed: %s has no %s kernel: no %s benchmark", m->name,
                     dir == FWD ? "fwd" : "bwd", dir == FWD ? "fwd" : "bwd");
          continue;
        }
        bench *b = &bs[nb++];
        b->impl = m;
        b->impl_name = m->name;
        b->activation = m->activation;
        b->isa = m->isa;
        b->fwd = m->fwd;
        b->p = p;
        b->buf = &sizes[s];
        b->dir = dir;
        if (snprintf(b->name, sizeof b->name, "%s/%s/%zu", m->name, dir == FWD ? "fwd" : "bwd",
                     sizes[s].n) >= (int)sizeof b->name)
          act_die("speed: implementation name too long: %s", m->name);
        size_t n = sizes[s].n;
        if (act_gb_register(b->name, dir == FWD ? iter_fwd : iter_bwd,
                            dir == FWD ? setup_fwd : setup_bwd, b, (int64_t)n,
                            (int64_t)n * (dir == FWD ? FWD_BYTES : BWD_BYTES), sizes[s].cls) != 0)
          act_die("speed: cannot register benchmark %s", b->name);
      }
    }
  }

  char range[64];
  snprintf(range, sizeof range, "[%g, %g]", X_LO, X_HI);
  act_gb_add_context("actbench_version", ACTBENCH_VERSION);
  act_gb_add_context("actbench_input_range", range);

  /* Run.  From here on the temporary is removed however we leave. */
  snprintf(g_tmp, sizeof g_tmp, "%s/.speed.gbench.%ld.json", out_dir, (long)getpid());
  atexit(remove_tmp);
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGHUP, on_signal);
  long matched = act_gb_run();
  act_gb_shutdown();
  if (g_live) free_buf(g_live);
  g_live = NULL;
  if (matched < 0) act_die("speed: Google Benchmark failed");
  if (list_tests) {
    remove_tmp();
    return 0;
  }
  if (matched == 0) act_die("speed: --benchmark_filter matched no benchmark");

  json_t *gb = load_gb_json(g_tmp);
  if (!gb) act_die("speed: Google Benchmark wrote no results to %s", g_tmp);

  /* The results file: kind, version, context, actbench, then Google
   * Benchmark's members (benchmarks, ...). */
  json_t *doc = json_object();
  json_object_set_new(doc, "kind", json_string("speed"));
  json_object_set_new(doc, "actbench_version", json_string(ACTBENCH_VERSION));
  json_t *ctx = json_object_get(gb, "context");
  if (!json_is_object(ctx)) {
    ctx = json_object();
    json_object_set_new(gb, "context", ctx);
  }
  json_t *ours = act_context_json();
  merge_context(ctx, ours);
  json_decref(ours);
  json_object_set(doc, "context", ctx);

  json_t *ab = json_object();
  json_t *jsizes = json_array();
  for (size_t s = 0; s < nsizes; s++) {
    json_t *z = json_pack("{s:s, s:I, s:I}", "class", sizes[s].cls, "n", (json_int_t)sizes[s].n,
                          "bytes_per_array", (json_int_t)(sizes[s].n * sizeof(float)));
    const char *tc = target_class(&sizes[s]);
    if (tc && !strcmp(sizes[s].cls, "custom")) json_object_set_new(z, "counts_as", json_string(tc));
    json_array_append_new(jsizes, z);
  }
  json_object_set_new(ab, "sizes", jsizes);
  json_t *jimpls = json_array();
  for (size_t k = 0; k < nsel; k++)
    json_array_append_new(
        jimpls,
        json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:{s:o, s:o}}", "name", sel[k]->name,
                  "activation", sel[k]->activation, "isa", sel[k]->isa, "origin", sel[k]->origin,
                  "available", avail[k], "bwd_kernel", sel[k]->bwd != NULL, "claimed", "fwd_ulp",
                  jnum(sel[k]->fwd_ulp), "bwd_ulp", jnum(sel[k]->bwd_ulp)));
  for (size_t k = 0; k < nbase; k++)
    json_array_append_new(
        jimpls,
        json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:s, s:s}", "name", base[k].name, "activation",
                  "memory", "isa", base[k].isa, "origin", "baseline", "available", 1, "bwd_kernel",
                  0, "role", "baseline", "kernel", base[k].kernel));
  json_object_set_new(ab, "implementations", jimpls);
  json_t *jacts = json_array();
  for (size_t k = 0; k < nsel; k++) {
    int seen = 0;
    for (size_t j = 0; j < k; j++) seen |= !strcmp(sel[j]->activation, sel[k]->activation);
    if (seen) continue;
    const act_activation *act = act_find_activation(sel[k]->activation);
    act_params p = act ? act->defaults : (act_params){1.0f, 0.0f};
    if (have_a) p.a = a_value;
    json_array_append_new(jacts, json_pack("{s:s, s:{s:f, s:f}}", "activation", sel[k]->activation,
                                           "params", "a", (double)p.a, "b", (double)p.b));
  }
  json_object_set_new(ab, "activations", jacts);
  json_object_set_new(ab, "input_range", json_pack("[f, f]", X_LO, X_HI));
  json_object_set_new(ab, "dy_range", json_pack("[f, f]", DY_LO, DY_HI));
  json_object_set_new(ab, "seed", json_integer((json_int_t)g_seed));
  json_object_set_new(ab, "min_time", json_real(min_time));
  json_object_set_new(ab, "repetitions", json_integer((json_int_t)reps));
  json_object_set_new(ab, "bytes_per_element",
                      json_pack("{s:i, s:i}", "fwd", FWD_BYTES, "bwd", BWD_BYTES));
  json_object_set_new(doc, "actbench", ab);

  const char *key;
  json_t *val;
  json_object_foreach(gb, key, val) {
    if (strcmp(key, "context") != 0) json_object_set(doc, key, val);
  }
  json_t *benches = json_object_get(doc, "benchmarks");
  if (!json_is_array(benches)) act_die("speed: Google Benchmark's output has no benchmarks");
  meas *ms = calloc(nb + 1, sizeof *ms);
  if (!ms) act_die("out of memory");
  size_t idx;
  json_array_foreach(benches, idx, val) {
    const bench *b = find_bench(bs, nb, val);
    if (!b) continue;
    if (!json_is_true(json_object_get(val, "error_occurred"))) {
      meas *q = &ms[b - bs];
      const char *rt = json_string_value(json_object_get(val, "run_type"));
      const char *ag = json_string_value(json_object_get(val, "aggregate_name"));
      double ips = json_number_value(json_object_get(val, "items_per_second"));
      double bps = json_number_value(json_object_get(val, "bytes_per_second"));
      if (!rt || !strcmp(rt, "iteration")) {
        q->ips_sum += ips;
        q->bps_sum += bps;
        q->count++;
      } else if (ag && !strcmp(ag, "median")) {
        q->ips_med = ips;
        q->bps_med = bps;
        q->has_med = 1;
      }
    }
    json_object_set_new(val, "impl", json_string(b->impl_name));
    json_object_set_new(val, "activation", json_string(b->activation));
    json_object_set_new(val, "isa", json_string(b->isa));
    json_object_set_new(val, "direction", json_string(b->dir == FWD ? "fwd" : "bwd"));
    json_object_set_new(val, "n", json_integer((json_int_t)b->buf->n));
    json_object_set_new(val, "size_class", json_string(b->buf->cls));
    if (!b->impl) json_object_set_new(val, "role", json_string("baseline"));
  }

  json_t *targets = targets_json(run, nrun, bs, ms, nb, sizes, nsizes);
  json_object_set_new(doc, "targets", targets);

  act_write_json(doc, json_path);
  remove_tmp();
  g_tmp[0] = '\0';
  print_targets(targets);
  printf("wrote %s\n", json_path);

  json_decref(doc);
  json_decref(gb);
  free(ms);
  free(bs);
  free(run);
  free(avail);
  free(sel);
  free(gbv);
  return 0;
}
