/* actbench speed: throughput of every implementation, forward and backward,
 * at sizes chosen from the machine's caches, measured by Google Benchmark.
 * An implementation without a backward kernel (bwd == NULL, an inference
 * library) gets a forward benchmark only.
 *
 * Repetitions.  Every benchmark runs --repetitions times (default
 * DEFAULT_REPS), each repetition at least --min-time seconds, and Google
 * Benchmark interleaves the repetitions of all benchmarks in a random order
 * (--benchmark_enable_random_interleaving), so that a slow minute of the
 * machine spreads over many benchmarks instead of falsifying one.  Every
 * figure is the median of the repetitions with its quartiles
 * (util/spread.h); a ratio is the ratio of medians with a bootstrap interval.
 *
 * Inputs.  x is uniform over [X_LO, X_HI] (pre-activations of that size are
 * what trained networks feed these functions; the range covers the saturated
 * tails and the transition region of sigmoid and tanh, and keeps every output
 * and derivative normal), dy uniform over [DY_LO, DY_HI], from --seed.  A
 * branch predictor learns a short input that is replayed: a kernel with
 * data-dependent branches then runs far faster than on new data (on the
 * AMD Zen 4 this suite is developed on, inputs of up to about 40000 elements
 * replayed are learnt: hardsigmoid.scalar.naive runs 0.70 G/s on 32768 of them
 * and 0.14 G/s on 65536 or more).  So each size has P = ceil(POOL_ELEMS / n)
 * different inputs (slots), and consecutive calls rotate through them: every
 * call of a kernel sees x (and y) that it has not seen for the last POOL_ELEMS
 * elements or more (from POOL_ELEMS elements on, P = 1).  Below that size the
 * inputs come from the pool in L2 while the output (and dy, which decides no
 * branch) stay in the cache the size names.  The backward kernels read y
 * computed once per size by the activation's stable scalar kernel (the
 * values of every implementation's forward, to a few ulp).
 *
 * Bytes.  Forward reads x and writes y: 8 bytes per element.  Backward reads
 * dy and writes dx, and reads x and y unless the implementation says it does
 * not (ACT_BWD_NO_X, ACT_BWD_NO_Y): 12 or 16 bytes.  memory.copy moves 8.
 *
 * Baselines.  At every size, memory.copy (memcpy of x to y: glibc's, chosen
 * for this CPU; for large n it may use non-temporal stores) and memory.relu
 * (the fastest ReLU of the registry that runs here), forward, activation
 * "memory", origin and role "baseline".
 *
 * Threads.  --threads N (or "all": the online cores) runs, besides the
 * single-thread benchmarks, every kernel and the baselines on N threads over
 * disjoint parts of the arrays at the DRAM size (the largest size given when
 * DRAM is not), as oneDNN and PyTorch split large tensors: wall-clock
 * throughput of all threads together, beside an N-thread copy.  An
 * implementation whose calls run one at a time (ACT_SERIAL: a wrapper's
 * lock) gets no multi-threaded benchmark.
 *
 * Google Benchmark writes its JSON to a temporary file in the output folder;
 * this suite then adds what docs/results.md asks for (kind, version, the
 * machine context and state, the sizes and implementations, per benchmark the
 * implementation, direction, n, size class and threads, the summaries, the
 * targets) and writes DIR/speed.json atomically.  Every option is checked
 * before anything is measured. */
#include "speed.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <unistd.h>

#include "gbench_shim.h"
#include "speed_int.h"
#include "select.h"
#include "util.h"

#ifndef ACTBENCH_VERSION
#define ACTBENCH_VERSION "unknown"
#endif

#define X_LO -8.0
#define X_HI 8.0
#define DY_LO -1.0
#define DY_HI 1.0

#define MAX_N ((long long)1 << 27) /* floats per array: 512 MiB */
#define MIN_CLASS_N 256            /* smallest n a cache class may give */
#define MAX_SIZES 64
#define MAX_IMPLS 4096    /* implementations one run may select */
#define POOL_ELEMS 131072 /* input elements a call has not seen recently, at least */
#define DEFAULT_REPS 5
#define DEFAULT_MIN_TIME 0.01

static uint64_t g_seed = 1;
/* Google Benchmark's output: a memfd (no name in any folder), else a
 * temporary in the output folder, removed however the run ends */
static char g_tmp[4200];
static int g_tmp_slot = -1;

static void remove_tmp(void) {
  if (g_tmp[0]) unlink(g_tmp);
  g_tmp[0] = '\0';
  act_tmp_drop(g_tmp_slot);
  g_tmp_slot = -1;
}

/* the names speed writes in its output folder (and earlier versions wrote),
 * for act_remove_stale */
static const char *const stale_names[] = {"speed.json.tmp.%p", ".speed.gbench.%p.json"};

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
          "  --repetitions N    repetitions of each benchmark, interleaved at random (%d);\n"
          "                     every figure is their median with its quartiles\n"
          "  --min-time S       minimum time of each repetition in seconds (%g)\n"
          "  --no-interleave    run each benchmark's repetitions back to back\n"
          "  --threads N|all    also run every kernel on N threads over disjoint parts\n"
          "                     of the arrays at the DRAM size (the largest size given\n"
          "                     when DRAM is not); all: the online cores (default 1: none)\n"
          "  --a VALUE          slope parameter a (default: the activation's default)\n"
          "  --seed S           seed of the inputs (1)\n"
          "  --out DIR          output folder (results)\n"
          "  --benchmark_*=...  passed to Google Benchmark, e.g. --benchmark_filter=avx2\n"
          "\n"
          "Inputs x are uniform over [%g, %g], dy over [%g, %g]; below %d elements\n"
          "each call gets new inputs (rotating through several arrays), so that no\n"
          "branch predictor learns them.  Benchmarks are named <impl>/fwd/<n> and\n"
          "<impl>/bwd/<n> (and /threads:N).  Bytes counted: fwd 8 per element (x, y);\n"
          "bwd 12 or 16 (dy, dx, and x and/or y as the kernel reads them).  At every\n"
          "size the baselines memory.copy/fwd/<n> (memcpy) and memory.relu/fwd/<n>\n"
          "(the fastest ReLU here) show what memory allows.\n"
          "\n"
          "At the end it judges the speed targets (docs/results.md): at the L1 and L2\n"
          "sizes our fastest vector kernel of no worse claimed error against a peer\n"
          "(sigmoid: XNNPACK, tanh: oneDNN, >= 1.2x; gelu, silu, elu, softplus: the\n"
          "fastest peer, >= 1x; backward: oneDNN), and at the DRAM size our fastest\n"
          "vector kernel of each accuracy class (<= 1, 2, 4 ulp, any) against\n"
          "memory.copy (>= 90%% of its bytes/s).  A ratio is judged by its 95%%\n"
          "interval: met, not met, or undecided when the interval straddles the bar.\n"
          "They go to speed.json as \"targets\", with the machine's state (load,\n"
          "other processes, steal) and a warning when the machine was not quiet.\n",
          DEFAULT_REPS, DEFAULT_MIN_TIME, X_LO, X_HI, DY_LO, DY_HI, POOL_ELEMS);
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

const char *spd_target_class(const spd_size *s) {
  static const char *const classes[] = {"L1", "L2", "L3", "DRAM"};
  if (strcmp(s->cls, "custom") != 0) return s->cls;
  for (size_t k = 0; k < 4; k++)
    if (class_n(classes[k]) == s->n) return classes[k];
  return NULL;
}

static size_t parse_sizes(const char *list, spd_size *out) {
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
    spd_size sb = {0};
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

/* ---- memory: every array on its own 2 MiB-aligned region, backed by huge
 * pages where the kernel gives them (madvise), so that where an array lies
 * relative to the caches and the TLB does not change from run to run with
 * address-space randomisation */
#define HUGE_ALIGN ((size_t)2 << 20)
typedef struct {
  void *base;
  size_t len;
} spd_map;

static float *spd_alloc(size_t floats) {
  size_t bytes = floats * sizeof(float);
  size_t len = ((bytes + HUGE_ALIGN - 1) / HUGE_ALIGN) * HUGE_ALIGN + HUGE_ALIGN + 64;
  void *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) act_die("out of memory allocating %zu bytes", bytes);
  uintptr_t a = ((uintptr_t)m + sizeof(spd_map) + HUGE_ALIGN - 1) & ~(uintptr_t)(HUGE_ALIGN - 1);
  madvise((void *)a, len - (a - (uintptr_t)m), MADV_HUGEPAGE);
  spd_map *h = (spd_map *)(a - sizeof(spd_map)); /* the mapping, just below */
  h->base = m;
  h->len = len;
  return (float *)a;
}

static void spd_free(float *p) {
  if (!p) return;
  spd_map *h = (spd_map *)((uintptr_t)p - sizeof(spd_map));
  munmap(h->base, h->len);
}

/* ---- inputs */

static void fill_uniform(float *v, size_t n, double lo, double hi, act_rng *r) {
  for (size_t i = 0; i < n; i++) v[i] = (float)(lo + (hi - lo) * act_rng_uniform(r));
}

/* The implementation whose forward gives the y of an activation's backward
 * benchmarks: its stable scalar kernel, else any that runs here. */
static const act_impl *y_source(const char *activation, const act_impl **run, size_t nrun) {
  char name[128];
  snprintf(name, sizeof name, "%s.scalar.stable", activation);
  const act_impl *m = act_find_impl(name);
  if (m && m->fwd && act_impl_available(m)) return m;
  for (size_t k = 0; k < nrun; k++)
    if (!strcmp(run[k]->activation, activation) && run[k]->fwd) return run[k];
  return NULL;
}

/* The arrays of a size: inputs in slots, outputs, and a y per activation
 * that has a backward benchmark (acts[k] with params ps[k]). */
static void alloc_size(spd_size *s, const char *const *acts, const act_params *ps, size_t nacts,
                       const act_impl **run, size_t nrun) {
  s->slots = s->n < POOL_ELEMS ? (POOL_ELEMS + s->n - 1) / s->n : 1;
  s->stride = (s->n + 15) & ~(size_t)15;
  size_t total = s->slots * s->stride;
  s->x = spd_alloc(total);
  s->dy = spd_alloc(s->n);
  s->out = spd_alloc(s->n);
  s->dx = spd_alloc(s->n);
  act_rng r;
  act_rng_seed(&r, g_seed);
  for (size_t k = 0; k < s->slots; k++) fill_uniform(s->x + k * s->stride, s->n, X_LO, X_HI, &r);
  fill_uniform(s->dy, s->n, DY_LO, DY_HI, &r);
  memset(s->out, 0, s->n * sizeof(float)); /* touch every page before timing */
  memset(s->dx, 0, s->n * sizeof(float));
  s->ys = calloc(nacts + 1, sizeof *s->ys);
  if (!s->ys) act_die("out of memory");
  s->nys = 0;
  for (size_t a = 0; a < nacts; a++) {
    const act_impl *src = y_source(acts[a], run, nrun);
    if (!src) continue;
    spd_ypool *yp = &s->ys[s->nys++];
    yp->activation = acts[a];
    yp->y = spd_alloc(total);
    for (size_t k = 0; k < s->slots; k++)
      src->fwd(s->x + k * s->stride, yp->y + k * s->stride, s->n, &ps[a]);
  }
}

static void free_size(spd_size *s) {
  spd_free(s->x);
  spd_free(s->dy);
  spd_free(s->out);
  spd_free(s->dx);
  for (size_t k = 0; k < s->nys; k++) spd_free(s->ys[k].y);
  free(s->ys);
}

static const float *y_of(const spd_size *s, const char *activation) {
  for (size_t k = 0; k < s->nys; k++)
    if (!strcmp(s->ys[k].activation, activation)) return s->ys[k].y;
  return NULL;
}

static void copy_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  if (x != y) memcpy(y, x, n * sizeof(float));
}

/* ---- the timed calls: one call per iteration on this thread's part, the
 * inputs of slot iter mod P */

static void part_fwd(void *user, size_t lo, size_t hi, uint64_t iter) {
  spd_bench *b = user;
  const spd_size *s = b->size;
  size_t off = (size_t)(iter % s->slots) * s->stride;
  b->fwd(s->x + off + lo, s->out + lo, hi - lo, &b->p);
}

static void part_bwd(void *user, size_t lo, size_t hi, uint64_t iter) {
  spd_bench *b = user;
  const spd_size *s = b->size;
  size_t off = (size_t)(iter % s->slots) * s->stride;
  b->bwd(s->x + off + lo, b->y + off + lo, s->dy + lo, s->dx + lo, hi - lo, &b->p);
}

/* ---- Google Benchmark's JSON */

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

/* Google Benchmark's JSON from fd (read from its start); what names it in
 * messages */
static json_t *load_gb_json(int fd, const char *path) {
  if (fd < 0 || lseek(fd, 0, SEEK_SET) != 0) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  if (!buf) act_die("out of memory");
  for (;;) {
    ssize_t got = read(fd, buf + len, cap - len);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0)
      act_die("speed: cannot read Google Benchmark's output %s: %s", path, strerror(errno));
    if (got == 0) break;
    len += (size_t)got;
    if (len < cap) continue;
    cap *= 2;
    char *nb = realloc(buf, cap);
    if (!nb) act_die("out of memory");
    buf = nb;
  }
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

/* The benchmark a Google Benchmark entry is about: its run_name (or its name
 * without an aggregate suffix) is what was registered, followed by what
 * Google Benchmark adds ("/real_time", "/threads:N"), and its thread count
 * matches. */
static spd_bench *find_bench(spd_bench *bs, size_t nb, json_t *entry) {
  const char *rn = json_string_value(json_object_get(entry, "run_name"));
  const char *name = json_string_value(json_object_get(entry, "name"));
  json_t *th = json_object_get(entry, "threads");
  long long threads = json_is_integer(th) ? json_integer_value(th) : 1;
  const char *key = rn ? rn : name;
  if (!key) return NULL;
  for (size_t i = 0; i < nb; i++) {
    size_t l = strlen(bs[i].name);
    if (bs[i].threads != threads || strncmp(key, bs[i].name, l) != 0) continue;
    if (key[l] == '\0' || key[l] == '/' || (!rn && key[l] == '_')) return &bs[i];
  }
  return NULL;
}

static void add_rep(spd_bench *b, double ips) {
  if (b->nrep == b->cap) {
    b->cap = b->cap ? 2 * b->cap : 8;
    b->ips = realloc(b->ips, b->cap * sizeof *b->ips);
    if (!b->ips) act_die("out of memory");
  }
  b->ips[b->nrep++] = ips;
}

static json_t *jnum(double v) {
  return isfinite(v) ? json_real(v) : json_null();
}

static json_t *spread_json(const act_spread *s, double scale, const double *values, size_t n) {
  json_t *o = json_object();
  json_object_set_new(o, "median", jnum(s->median * scale));
  json_object_set_new(o, "q1", jnum(s->q1 * scale));
  json_object_set_new(o, "q3", jnum(s->q3 * scale));
  json_object_set_new(o, "min", jnum(s->min * scale));
  json_object_set_new(o, "max", jnum(s->max * scale));
  if (values) {
    json_t *v = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(v, jnum(values[i] * scale));
    json_object_set_new(o, "values", v);
  }
  return o;
}

static const spd_bench *find_copy(const spd_bench *bs, size_t nb, const spd_bench *b) {
  for (size_t i = 0; i < nb; i++)
    if (!bs[i].impl && bs[i].size == b->size && bs[i].threads == b->threads &&
        !strcmp(bs[i].impl_name, "memory.copy") && bs[i].s.n > 0)
      return &bs[i];
  return NULL;
}

/* One entry of "measurements": the benchmark's repetitions and summary. */
static json_t *measurement_json(const spd_bench *bs, size_t nb, const spd_bench *b) {
  char name[320];
  if (b->threads > 1)
    snprintf(name, sizeof name, "%s/threads:%d", b->name, b->threads);
  else
    snprintf(name, sizeof name, "%s", b->name);
  json_t *o =
      json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:s, s:i, s:I, s:I}", "name", name, "impl",
                b->impl_name, "activation", b->activation, "isa", b->isa, "origin", b->origin,
                "direction", b->dir == SPD_FWD ? "fwd" : "bwd", "n", (json_int_t)b->size->n,
                "size_class", b->size->cls, "threads", b->threads, "bytes_per_element",
                (json_int_t)b->bytes_per_element, "repetitions", (json_int_t)b->s.n);
  if (!b->impl) json_object_set_new(o, "role", json_string("baseline"));
  json_object_set_new(o, "items_per_second", spread_json(&b->s, 1.0, b->ips, b->nrep));
  json_object_set_new(o, "bytes_per_second",
                      spread_json(&b->s, (double)b->bytes_per_element, NULL, 0));
  const spd_bench *copy = find_copy(bs, nb, b);
  if (copy && copy != b && b->s.n > 0) {
    double *kb = malloc(b->nrep * sizeof *kb), *cb = malloc(copy->nrep * sizeof *cb);
    if (!kb || !cb) act_die("out of memory");
    for (size_t i = 0; i < b->nrep; i++) kb[i] = b->ips[i] * (double)b->bytes_per_element;
    for (size_t i = 0; i < copy->nrep; i++) cb[i] = copy->ips[i] * (double)copy->bytes_per_element;
    act_ratio_ci r;
    act_ratio_interval(kb, b->nrep, cb, copy->nrep, ACT_RATIO_LEVEL, 0x9e3779b97f4a7c15ull, &r);
    json_object_set_new(
        o, "of_copy",
        json_pack("{s:o, s:o, s:o}", "ratio", jnum(r.ratio), "lo", jnum(r.lo), "hi", jnum(r.hi)));
    free(kb);
    free(cb);
  }
  return o;
}

/* ---- the table at the end: medians with their spread */

static void print_summary(const spd_bench *bs, size_t nb, const spd_size *sizes, size_t nsizes,
                          long long reps) {
  printf(
      "\nthroughput, G items/s: median of %lld repetitions +- half the interquartile range "
      "(%% of the median); [%% of memory.copy's bytes/s at the same n]\n",
      reps);
  printf("  %-50s %-4s %-3s", "implementation", "dir", "thr");
  for (size_t s = 0; s < nsizes; s++) {
    char h[40];
    snprintf(h, sizeof h, "%s %zu", sizes[s].cls, sizes[s].n);
    printf(" %-25s", h);
  }
  printf("\n");
  for (size_t i = 0; i < nb; i++) {
    const spd_bench *b = &bs[i];
    if (b->size != &sizes[0] && b->threads == 1) continue; /* one row per kernel */
    int first_of_threads = 1;
    for (size_t j = 0; j < i && b->threads > 1; j++)
      if (bs[j].threads == b->threads && bs[j].dir == b->dir &&
          !strcmp(bs[j].impl_name, b->impl_name))
        first_of_threads = 0;
    if (!first_of_threads) continue;
    printf("  %-50s %-4s %-3d", b->impl_name, b->dir == SPD_FWD ? "fwd" : "bwd", b->threads);
    for (size_t s = 0; s < nsizes; s++) {
      const spd_bench *q = NULL;
      for (size_t j = 0; j < nb && !q; j++)
        if (bs[j].size == &sizes[s] && bs[j].dir == b->dir && bs[j].threads == b->threads &&
            !strcmp(bs[j].impl_name, b->impl_name))
          q = &bs[j];
      char cell[64] = "-";
      if (q && q->s.n > 0) {
        double rel = act_spread_rel_iqr(&q->s);
        const spd_bench *copy = find_copy(bs, nb, q);
        char pc[16] = "";
        if (copy && copy->s.median > 0)
          snprintf(pc, sizeof pc, " [%.0f%%]",
                   100 * q->s.median * (double)q->bytes_per_element /
                       (copy->s.median * (double)copy->bytes_per_element));
        snprintf(cell, sizeof cell, "%.3g +-%.1f%%%s", q->s.median * 1e-9,
                 isfinite(rel) ? 50 * rel : 0.0, pc);
      }
      printf(" %-25s", cell);
    }
    printf("\n");
  }
}

/* ---- the layout of the process (speed.h) */

void act_speed_fixed_layout(char **argv) {
  const char *keep = getenv("ACTBENCH_ASLR");
  if (keep && !strcmp(keep, "1")) return;
  int cur = personality(0xffffffff);
  if (cur == -1 || (cur & ADDR_NO_RANDOMIZE)) return; /* done, or not ours to change */
  if (personality((unsigned long)cur | ADDR_NO_RANDOMIZE) == -1) return;
  fflush(NULL);
  execv("/proc/self/exe", argv);
  personality((unsigned long)cur); /* could not re-execute: go on as we are */
}

/* ---- the command */

static int is_peer(const act_impl *m) {
  for (size_t t = 0; act_peer_tables[t]; t++)
    for (size_t i = 0; i < act_peer_tables[t]->count; i++)
      if (!strcmp(act_peer_tables[t]->impls[i].name, m->name)) return 1;
  return 0;
}

static int64_t bwd_bytes(const act_impl *m) {
  return 8 + ((m->flags & ACT_BWD_NO_X) ? 0 : 4) + ((m->flags & ACT_BWD_NO_Y) ? 0 : 4);
}

static long online_cores(void) {
  long c = sysconf(_SC_NPROCESSORS_ONLN);
  return c > 0 ? c : 1;
}

int act_speed_main(int argc, char **argv) {
  const char *activation = NULL, *pattern = NULL, *sizes_arg = "L1,L2,L3,DRAM";
  const char *out_dir = "results";
  double min_time = DEFAULT_MIN_TIME;
  long long reps = DEFAULT_REPS, threads = 1;
  int have_a = 0, interleave = 1;
  float a_value = 0.0f;
  int list_tests = 0;

  char *user_gb[257];
  int user_gbc = 0;
  user_gb[user_gbc++] = "actbench"; /* as act_gb_count_matching wants it */
  g_seed = 1;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
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
      reps = act_parse_int("--repetitions", v, 1, SPD_MAX_REPS);
    } else if (!strcmp(a, "--no-interleave")) {
      interleave = 0;
    } else if ((v = act_opt_value("speed", argc, argv, &i, "--threads"))) {
      threads = !strcmp(v, "all") ? online_cores() : act_parse_int("--threads", v, 1, 1024);
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
      check_gb_enum(a, "--benchmark_enable_random_interleaving=", "true|false");
      if (!strncmp(a, "--benchmark_repetitions=", 24)) /* recorded in "actbench" */
        reps = act_parse_int("--benchmark_repetitions", a + 24, 1, SPD_MAX_REPS);
      if (!strncmp(a, "--benchmark_min_time=", 21))
        min_time = act_parse_double("--benchmark_min_time", a + 21, 1e-9, 86400);
      if (user_gbc == 257) act_die("speed: too many --benchmark_* options");
      user_gb[user_gbc++] = argv[i];
    } else {
      act_die("speed: unknown option '%s' (see actbench speed --help)", a);
    }
  }
  if (!*out_dir) act_die("speed: --out needs a folder name");

  spd_size sizes[MAX_SIZES];
  size_t nsizes = parse_sizes(sizes_arg, sizes);
  /* the size of the multi-threaded benchmarks: DRAM, else the largest */
  size_t thread_size = 0;
  for (size_t s = 0; s < nsizes; s++) {
    const char *c = spd_target_class(&sizes[s]);
    if (c && !strcmp(c, "DRAM")) {
      thread_size = s;
      break;
    }
    if (sizes[s].n > sizes[thread_size].n) thread_size = s;
  }

  /* the selection (pointers into the registry; no allocation before every
   * option is checked) */
  static const act_impl *sel[MAX_IMPLS];
  size_t nall = act_select(activation, pattern, sel, MAX_IMPLS);
  if (nall == MAX_IMPLS) act_die("speed: more than %d implementations selected", MAX_IMPLS - 1);
  /* kernels native to a narrow format run behind float conversions here: the
   * accuracy suite measures them, the speed suite leaves them out */
  size_t nsel = act_drop_native(sel, nall);
  if (nsel == 0)
    act_die(
        "speed: no implementation selected (kernels native to bfloat16/binary16 are "
        "measured by the accuracy suite only)");
  /* --a applies to every activation selected, or is refused */
  const act_activation *sacts[MAX_IMPLS];
  size_t nsacts = 0;
  for (size_t k = 0; k < nsel; k++) {
    const act_activation *act = act_find_activation(sel[k]->activation);
    size_t j2 = 0;
    while (j2 < nsacts && sacts[j2] != act) j2++;
    if (act && j2 == nsacts) sacts[nsacts++] = act;
  }
  act_check_params("speed", sacts, nsacts, have_a, a_value, 0, 0);

  char json_path[4200];
  if (snprintf(json_path, sizeof json_path, "%s/speed.json", out_dir) >= (int)sizeof json_path ||
      snprintf(g_tmp, sizeof g_tmp, "%s/.speed.gbench.%ld.json", out_dir, (long)getpid()) >=
          (int)sizeof g_tmp)
    act_die("speed: --out: folder name too long");
  g_tmp[0] = '\0';              /* nothing to remove yet */
  if (act_parse_only) return 0; /* the fuzz targets: options checked, nothing run */

  /* Which implementations run here. */
  const act_impl **run = calloc(nsel + 1, sizeof *run);
  int *avail = calloc(nsel + 1, sizeof *avail);
  if (!run || !avail) act_die("out of memory");
  size_t nrun = 0;
  for (size_t k = 0; k < nsel; k++) {
    avail[k] = act_impl_available(sel[k]) != 0;
    if (avail[k]) run[nrun++] = sel[k];
  }
  if (nrun == 0) act_die("speed: none of the selected implementations runs on this CPU");

  /* The activations selected, with their parameters. */
  const char **acts = calloc(nrun + 1, sizeof *acts);
  act_params *aps = calloc(nrun + 1, sizeof *aps);
  if (!acts || !aps) act_die("out of memory");
  size_t nacts = 0;
  for (size_t k = 0; k < nrun; k++) {
    size_t j = 0;
    while (j < nacts && strcmp(acts[j], run[k]->activation)) j++;
    if (j < nacts) continue;
    const act_activation *act = act_find_activation(run[k]->activation);
    aps[nacts] = act ? act->defaults : (act_params){1.0f, 0.0f};
    if (have_a) aps[nacts].a = a_value;
    acts[nacts++] = run[k]->activation;
  }

  /* The baselines: memory.copy, and the fastest ReLU that runs here. */
  static const char *const relus[] = {"relu.avx512.autovec", "relu.avx2.autovec",
                                      "relu.scalar.stable"};
  const act_impl *relu = NULL;
  for (size_t k = 0; k < sizeof relus / sizeof relus[0] && !relu; k++) {
    const act_impl *r = act_find_impl(relus[k]);
    if (r && r->fwd && act_impl_available(r)) relu = r;
  }

  /* Register, size by size: the baselines first, then the kernels; the
   * multi-threaded ones at their size. */
  size_t nthr = threads > 1 ? 2 : 1;
  size_t nb = 0, capb = ((nrun * 2 + 2) * nsizes + 1) * nthr + 4;
  spd_bench *bs = calloc(capb, sizeof *bs);
  if (!bs) act_die("out of memory");
  for (size_t s = 0; s < nsizes; s++)
    for (size_t ti = 0; ti < nthr; ti++) {
      int T = ti ? (int)threads : 1;
      if (T > 1 && s != thread_size) continue;
      for (int k = 0; k < 2 + (int)nrun; k++) {
        const act_impl *m = k >= 2 ? run[k - 2] : NULL;
        if (k == 1 && !relu) continue;
        for (int dir = SPD_FWD; dir <= SPD_BWD; dir++) {
          /* (what is left out is said once the options are all checked) */
          if (dir == SPD_BWD && (!m || !m->bwd || !m->fwd)) continue;
          if (dir == SPD_FWD && m && !m->fwd) continue;
          if (T > 1 && m && (m->flags & ACT_SERIAL)) continue;
          spd_bench *b = &bs[nb++];
          b->size = &sizes[s];
          b->dir = dir;
          b->threads = T;
          b->impl = m;
          if (!m) {
            b->impl_name = k == 0 ? "memory.copy" : "memory.relu";
            b->activation = "memory";
            b->isa = k == 0 ? "glibc" : relu->isa;
            b->origin = "baseline";
            b->fwd = k == 0 ? copy_fwd : relu->fwd;
            b->bytes_per_element = 8;
          } else {
            b->impl_name = m->name;
            b->activation = m->activation;
            b->isa = m->isa;
            b->origin = m->origin;
            b->fwd = m->fwd;
            b->bwd = m->bwd;
            size_t a = 0;
            while (strcmp(acts[a], m->activation)) a++;
            b->p = aps[a];
            b->bytes_per_element = dir == SPD_FWD ? 8 : bwd_bytes(m);
            b->ours_vector = !strcmp(m->origin, "actbench") &&
                             (!strcmp(m->isa, "avx2") || !strcmp(m->isa, "avx512")) && !is_peer(m);
            b->peer = is_peer(m);
          }
          if (snprintf(b->name, sizeof b->name, "%s/%s/%zu", b->impl_name,
                       dir == SPD_FWD ? "fwd" : "bwd", sizes[s].n) >= (int)sizeof b->name)
            act_die("speed: implementation name too long: %s", b->impl_name);
          if (act_gb_register_parts(b->name, dir == SPD_FWD ? part_fwd : part_bwd, b, sizes[s].n,
                                    b->bytes_per_element, T, sizes[s].cls) != 0)
            act_die("speed: cannot register benchmark %s", b->name);
        }
      }
    }

  /* --benchmark_filter: a filter that selects nothing is bad input, said in
   * one line before the output folder is made (Google Benchmark's own
   * matching, its messages caught) */
  char gb_err[512];
  long matching = act_gb_count_matching(user_gbc, user_gb, gb_err, sizeof gb_err);
  if (matching < 0) act_die("speed: Google Benchmark failed to start");
  if (matching == 0)
    act_die(
        "speed: --benchmark_filter selects no benchmark (%s; names are <impl>/<fwd|bwd>/<n>, "
        "--benchmark_list_tests=true lists them)",
        gb_err[0] ? gb_err : "none matches");

  /* Google Benchmark's output: a memfd, which no folder names, so a run
   * killed at any point leaves nothing behind; where there is none (no
   * memfd_create, no /proc), a temporary in the output folder */
  int gb_fd = -1;
  char out_flag[4300];
  if (!list_tests) {
    gb_fd = memfd_create("actbench-gbench", MFD_CLOEXEC);
    char fdpath[64];
    snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", gb_fd);
    if (gb_fd >= 0 && access(fdpath, W_OK) == 0) {
      snprintf(out_flag, sizeof out_flag, "--benchmark_out=%s", fdpath);
    } else {
      if (gb_fd >= 0) close(gb_fd);
      gb_fd = -1;
      snprintf(out_flag, sizeof out_flag, "--benchmark_out=%s/.speed.gbench.%ld.json", out_dir,
               (long)getpid());
    }
  }

  /* Google Benchmark's argv: program name, our settings, then the user's
   * --benchmark_* flags (later flags win), checked now, before anything runs */
  char min_time_flag[64], reps_flag[64];
  snprintf(min_time_flag, sizeof min_time_flag, "--benchmark_min_time=%.9g", min_time);
  snprintf(reps_flag, sizeof reps_flag, "--benchmark_repetitions=%lld", reps);
  char **gbv = calloc((size_t)argc + 12, sizeof *gbv);
  if (!gbv) act_die("out of memory");
  int gbc = 0;
  gbv[gbc++] = "actbench";
  gbv[gbc++] = min_time_flag;
  gbv[gbc++] = reps_flag;
  if (!list_tests) {
    gbv[gbc++] = out_flag;
    gbv[gbc++] = "--benchmark_out_format=json";
  }
  gbv[gbc++] = interleave ? "--benchmark_enable_random_interleaving=true"
                          : "--benchmark_enable_random_interleaving=false";
  if (reps > 1) gbv[gbc++] = "--benchmark_display_aggregates_only=true";
  for (int k = 1; k < user_gbc; k++) gbv[gbc++] = user_gb[k];
  gbv[gbc] = NULL;
  if (act_gb_init(&gbc, gbv) != 0) act_die("speed: Google Benchmark failed to start");
  if (gbc > 1)
    act_die("speed: Google Benchmark does not understand '%s' (write --benchmark_flag=value)",
            gbv[1]);

  /* The output folder: made and tried (a file created there) before anything
   * runs; temporaries of earlier runs that were killed go */
  if (!list_tests) {
    act_ensure_dir(out_dir);
    act_remove_stale(out_dir, stale_names, sizeof stale_names / sizeof stale_names[0]);
  }

  /* What is left out, now that the options are good */
  for (size_t k = 0; k < nsel; k++)
    if (!avail[k])
      act_warn("speed: skipping %s: this CPU (or ACTBENCH_ISA) does not allow %s", sel[k]->name,
               sel[k]->isa);
  for (size_t k = 0; k < nrun; k++) {
    const act_impl *m = run[k];
    if (!m->fwd)
      act_warn("speed: %s has no fwd kernel: no benchmark", m->name);
    else if (!m->bwd)
      act_warn("speed: %s has no bwd kernel: no bwd benchmark", m->name);
    if (threads > 1 && (m->flags & ACT_SERIAL))
      act_warn("speed: %s: no %lld-thread benchmark (its calls run one at a time)", m->name,
               threads);
  }

  /* The arrays, all sizes at once (the repetitions of all sizes interleave),
   * and the y each backward benchmark reads. */
  if (!list_tests) {
    for (size_t s = 0; s < nsizes; s++) alloc_size(&sizes[s], acts, aps, nacts, run, nrun);
    for (size_t i = 0; i < nb; i++)
      if (bs[i].dir == SPD_BWD && bs[i].impl) {
        bs[i].y = y_of(bs[i].size, bs[i].activation);
        if (!bs[i].y) act_die("speed: no forward kernel of %s runs here", bs[i].activation);
      }
  }

  char range[64];
  snprintf(range, sizeof range, "[%g, %g]", X_LO, X_HI);
  act_gb_add_context("actbench_version", ACTBENCH_VERSION);
  act_gb_add_context("actbench_input_range", range);

  /* Run.  A temporary in the folder is removed however we leave. */
  if (!list_tests && gb_fd < 0) {
    snprintf(g_tmp, sizeof g_tmp, "%s/.speed.gbench.%ld.json", out_dir, (long)getpid());
    g_tmp_slot = act_tmp_add(g_tmp);
  }
  spd_machine ms;
  spd_machine_begin(&ms);
  long matched = act_gb_run();
  spd_machine_end(&ms);
  act_gb_shutdown();
  if (!list_tests)
    for (size_t s = 0; s < nsizes; s++) free_size(&sizes[s]);
  if (matched < 0) act_die("speed: Google Benchmark failed");
  if (list_tests) {
    free(gbv);
    return 0;
  }
  if (matched == 0) act_die("speed: --benchmark_filter matched no benchmark");

  if (gb_fd < 0) gb_fd = open(g_tmp, O_RDONLY | O_CLOEXEC);
  json_t *gb = load_gb_json(gb_fd, g_tmp[0] ? g_tmp : "(memfd)");
  if (!gb) act_die("speed: Google Benchmark wrote no results");
  close(gb_fd);
  remove_tmp();

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
    json_t *z =
        json_pack("{s:s, s:I, s:I, s:I}", "class", sizes[s].cls, "n", (json_int_t)sizes[s].n,
                  "bytes_per_array", (json_int_t)(sizes[s].n * sizeof(float)), "input_slots",
                  (json_int_t)sizes[s].slots);
    const char *tc = spd_target_class(&sizes[s]);
    if (tc && !strcmp(sizes[s].cls, "custom")) json_object_set_new(z, "counts_as", json_string(tc));
    json_array_append_new(jsizes, z);
  }
  json_object_set_new(ab, "sizes", jsizes);
  json_t *jimpls = json_array();
  for (size_t k = 0; k < nsel; k++) {
    json_t *e =
        json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:{s:o, s:o}}", "name", sel[k]->name,
                  "activation", sel[k]->activation, "isa", sel[k]->isa, "origin", sel[k]->origin,
                  "available", avail[k], "bwd_kernel", sel[k]->bwd != NULL, "claimed", "fwd_ulp",
                  jnum(sel[k]->fwd_ulp), "bwd_ulp", jnum(sel[k]->bwd_ulp));
    if (sel[k]->bwd)
      json_object_set_new(e, "bwd_reads",
                          json_pack("{s:b, s:b}", "x", !(sel[k]->flags & ACT_BWD_NO_X), "y",
                                    !(sel[k]->flags & ACT_BWD_NO_Y)));
    json_array_append_new(jimpls, e);
  }
  json_array_append_new(
      jimpls, json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:s, s:s}", "name", "memory.copy",
                        "activation", "memory", "isa", "glibc", "origin", "baseline", "available",
                        1, "bwd_kernel", 0, "role", "baseline", "kernel", "memcpy"));
  if (relu)
    json_array_append_new(jimpls, json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:s, s:s}", "name",
                                            "memory.relu", "activation", "memory", "isa", relu->isa,
                                            "origin", "baseline", "available", 1, "bwd_kernel", 0,
                                            "role", "baseline", "kernel", relu->name));
  json_object_set_new(ab, "implementations", jimpls);
  json_t *jacts = json_array();
  for (size_t a = 0; a < nacts; a++)
    json_array_append_new(jacts, json_pack("{s:s, s:{s:f, s:f}}", "activation", acts[a], "params",
                                           "a", (double)aps[a].a, "b", (double)aps[a].b));
  json_object_set_new(ab, "activations", jacts);
  json_object_set_new(ab, "input_range", json_pack("[f, f]", X_LO, X_HI));
  json_object_set_new(ab, "dy_range", json_pack("[f, f]", DY_LO, DY_HI));
  json_object_set_new(ab, "input_pool_elements", json_integer(POOL_ELEMS));
  json_object_set_new(ab, "seed", json_integer((json_int_t)g_seed));
  json_object_set_new(ab, "min_time", json_real(min_time));
  json_object_set_new(ab, "repetitions", json_integer((json_int_t)reps));
  json_object_set_new(ab, "interleaved", json_boolean(interleave));
  json_object_set_new(ab, "threads", json_integer((json_int_t)threads));
  if (threads > 1)
    json_object_set_new(ab, "threads_size", json_integer((json_int_t)sizes[thread_size].n));
  json_object_set_new(
      ab, "bytes_per_element",
      json_pack("{s:i, s:s, s:i}", "fwd", 8, "bwd",
                "8 + 4 for x unless ACT_BWD_NO_X + 4 for y unless ACT_BWD_NO_Y", "copy", 8));
  json_object_set_new(ab, "interval_level", json_real(ACT_RATIO_LEVEL));
  json_object_set_new(ab, "machine_state", spd_machine_json(&ms, ctx));
  json_object_set_new(doc, "actbench", ab);

  const char *key;
  json_t *val;
  json_object_foreach(gb, key, val) {
    if (strcmp(key, "context") != 0) json_object_set(doc, key, val);
  }
  json_t *benches = json_object_get(doc, "benchmarks");
  if (!json_is_array(benches)) act_die("speed: Google Benchmark's output has no benchmarks");
  size_t idx;
  json_array_foreach(benches, idx, val) {
    spd_bench *b = find_bench(bs, nb, val);
    if (!b) continue;
    const char *rt = json_string_value(json_object_get(val, "run_type"));
    if (!json_is_true(json_object_get(val, "error_occurred")) && (!rt || !strcmp(rt, "iteration")))
      add_rep(b, json_number_value(json_object_get(val, "items_per_second")));
    json_object_set_new(val, "impl", json_string(b->impl_name));
    json_object_set_new(val, "activation", json_string(b->activation));
    json_object_set_new(val, "isa", json_string(b->isa));
    json_object_set_new(val, "direction", json_string(b->dir == SPD_FWD ? "fwd" : "bwd"));
    json_object_set_new(val, "n", json_integer((json_int_t)b->size->n));
    json_object_set_new(val, "size_class", json_string(b->size->cls));
    json_object_set_new(val, "bytes_per_element", json_integer((json_int_t)b->bytes_per_element));
    if (!b->impl) json_object_set_new(val, "role", json_string("baseline"));
  }
  for (size_t i = 0; i < nb; i++) act_spread_of(bs[i].ips, bs[i].nrep, &bs[i].s);
  json_t *jm = json_array();
  for (size_t i = 0; i < nb; i++)
    if (bs[i].s.n > 0) json_array_append_new(jm, measurement_json(bs, nb, &bs[i]));
  json_object_set_new(doc, "measurements", jm);

  json_t *targets = spd_targets_json(bs, nb, sizes, nsizes);
  json_object_set_new(doc, "targets", targets);

  act_write_json(doc, json_path);
  print_summary(bs, nb, sizes, nsizes, reps);
  spd_print_targets(targets);
  printf("wrote %s\n", json_path);

  json_decref(doc);
  json_decref(gb);
  for (size_t i = 0; i < nb; i++) free(bs[i].ips);
  free(bs);
  free(run);
  free(avail);
  free(acts);
  free(aps);
  free(gbv);
  return 0;
}
