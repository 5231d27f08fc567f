/* actbench peer: oneDNN (libdnnl, v2.x C API) eltwise primitives behind our contract.
 *
 * What a user of oneDNN does, and nothing more: one CPU engine and one
 * in-order stream, created once; per (algorithm, direction, n, alpha, beta)
 * one primitive and its memory objects (1-D f32, format tag a), created on the
 * first call with that key and kept in a small cache (the CACHE_MAX most
 * recently used keys).  A later call only points the memory objects at the
 * caller's arrays (dnnl_memory_set_data_handle), executes and waits
 * (dnnl_stream_wait).  Backward primitives are created from a forward
 * (dnnl_forward_training) primitive descriptor as hint, as the API requires.
 * n = 0 returns without calling oneDNN.  In place (y == x; dx == dy or
 * dx == x) is passed to oneDNN as is: eltwise reads each vector of its
 * inputs before it writes that vector of its output (tests/test_layout.c
 * checks every case bit for bit).
 *
 * Algorithms of oneDNN 2.6 for our activations (dnnl_types.h):
 *   relu        dnnl_eltwise_relu, alpha 0        (+ relu_use_dst_for_bwd)
 *   leaky_relu  dnnl_eltwise_relu, alpha = a      (+ relu_use_dst_for_bwd)
 *   tanh        dnnl_eltwise_tanh                 (+ tanh_use_dst_for_bwd)
 *   sigmoid     dnnl_eltwise_logistic             (+ logistic_use_dst_for_bwd)
 *   elu         dnnl_eltwise_elu, alpha = a       (+ elu_use_dst_for_bwd)
 *   gelu_tanh   dnnl_eltwise_gelu_tanh
 *   gelu        dnnl_eltwise_gelu_erf
 *   silu        dnnl_eltwise_swish, alpha = a (the sigmoid's argument scale)
 *   softplus    dnnl_eltwise_soft_relu (no parameter in 2.6)
 *   mish        dnnl_eltwise_mish
 *   hardswish   dnnl_eltwise_hardswish
 *   logsigmoid  dnnl_eltwise_logsigmoid
 * Not expressible as one eltwise primitive with a backward in 2.6, so absent:
 * hardsigmoid (oneDNN added dnnl_eltwise_hardsigmoid in 3.0; in 2.6 only a
 * forward chain linear(1/6, 1/2) + clip(0, 1) post-op) and selu (elu with
 * alpha = 1.6733 followed by a linear(1.0507) post-op gives the forward, but
 * post-ops have no backward).
 *
 * Parameters oneDNN 2.6 lacks:
 * - sigmoid slope a: logistic has no parameter.  For a == 1 (the default, what
 *   the suites and tests run) oneDNN alone computes everything.  For a != 1
 *   the wrapper does what a framework would: t = a x rounded to float, then
 *   the primitive on t; backward multiplies oneDNN's dy s'(t) by a.  The
 *   rounding of a x costs up to about |a x| 2^-24 relative in the tails.
 * - softplus beta a: soft_relu has none either; for a != 1, t = a x, then
 *   y = soft_relu(t) / a, and dx = dy s(t) from the soft_relu backward on t.
 *   The threshold b (frameworks return x where a x > b) has no counterpart:
 *   oneDNN computes log(1 + exp x) everywhere (log(1 + e^20) rounds to 20 in
 *   float anyway, so the default b = 20 changes nothing measurable).
 *
 * Threads: Debian's libdnnl 2.6 is the OpenMP build (DNNL_CPU_RUNTIME ==
 * DNNL_RUNTIME_OMP; ldd shows libgomp), and its C API has no thread-count
 * call; oneDNN asks omp_get_max_threads() when a primitive executes.  So
 * around every call into oneDNN (creation and execution) the wrapper sets
 * OpenMP's nthreads to 1 and restores the caller's value afterwards: oneDNN
 * then runs the kernel inline on the calling thread, with no parallel region.
 * The omp_* entry points are looked up with dlsym in the libgomp that libdnnl
 * brought in, so this file needs no OpenMP flags of its own.  (Inside a
 * parallel region oneDNN runs single-threaded by itself.)
 *
 * Errors: a primitive that cannot be created or run (an unsupported
 * parameter) leaves NaN in the output and one line on stderr; available()
 * creates the forward and backward primitives of its algorithm once and says
 * whether that worked.  Everything is destroyed at exit (atexit), so leak
 * checkers stay quiet.  The isa is "jit": oneDNN picks its own JIT kernels
 * for the CPU (AVX-512 here); ACTBENCH_ISA does not cap it.
 *
 * Calls are serialized by one mutex (the cached memory objects are shared).
 * What a call costs beyond the kernel (lock, thread count, handles, execute,
 * wait): about 180 ns forward and 230 ns backward (relu at n = 1..16). */
#include <dlfcn.h>
#include <math.h>
#include <oneapi/dnnl/dnnl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"

#define CACHE_MAX 32

enum { DIR_FWD = 0, DIR_BWD = 1 };

typedef struct {
  dnnl_alg_kind_t alg;
  int dir;
  size_t n;
  float alpha, beta;
  dnnl_data_type_t dt; /* dnnl_f32, or dnnl_bf16 for the native bfloat16 kernels */
  dnnl_primitive_t prim;
  dnnl_memory_t mem[3]; /* fwd: src, dst; bwd: src (or dst), diff_dst, diff_src */
  int arg[3];
  int nmem;
  unsigned long long used; /* for least-recently-used eviction */
} entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int state; /* 0: not tried; 1: engine and stream ready; -1: failed; -2: shut down */
static dnnl_engine_t engine;
static dnnl_stream_t stream;
static entry cache[CACHE_MAX];
static int cache_n;
static unsigned long long clock_now;
static float *scratch;
static size_t scratch_n;
static uint16_t *scratch16; /* three arrays of bfloat16 for the native kernels */
static size_t scratch16_n;

/* OpenMP's thread count, through the runtime libdnnl loaded */
static int (*omp_get_max_threads_p)(void);
static void (*omp_set_num_threads_p)(int);
static int (*omp_in_parallel_p)(void);

static void shutdown_all(void);

static void resolve_omp(void) {
#if defined(DNNL_CPU_RUNTIME) && DNNL_CPU_RUNTIME == DNNL_RUNTIME_OMP
  /* POSIX allows converting dlsym's void * to a function pointer */
  void *g = dlsym(RTLD_DEFAULT, "omp_get_max_threads");
  void *s = dlsym(RTLD_DEFAULT, "omp_set_num_threads");
  void *p = dlsym(RTLD_DEFAULT, "omp_in_parallel");
  if (g && s && p) {
    memcpy(&omp_get_max_threads_p, &g, sizeof g);
    memcpy(&omp_set_num_threads_p, &s, sizeof s);
    memcpy(&omp_in_parallel_p, &p, sizeof p);
  }
#endif
}

/* Take the lock and make oneDNN single-threaded; returns the caller's
 * thread count to restore (0: nothing to restore). */
static int enter(void) {
  pthread_mutex_lock(&lock);
  if (omp_set_num_threads_p == NULL || omp_in_parallel_p()) return 0;
  int t = omp_get_max_threads_p();
  if (t == 1) return 0;
  omp_set_num_threads_p(1);
  return t;
}
static void leave(int t) {
  if (t > 0) omp_set_num_threads_p(t);
  pthread_mutex_unlock(&lock);
}

/* engine and stream, once (lock held) */
static int ready(void) {
  if (state == 0) {
    state = -1;
    if (dnnl_engine_create(&engine, dnnl_cpu, 0) != dnnl_success) return 0;
    if (dnnl_stream_create(&stream, engine, dnnl_stream_default_flags) != dnnl_success) {
      dnnl_engine_destroy(engine);
      engine = NULL;
      return 0;
    }
    state = 1;
    atexit(shutdown_all);
  }
  return state == 1;
}

static void entry_free(entry *e) {
  for (int i = 0; i < e->nmem; i++)
    if (e->mem[i]) dnnl_memory_destroy(e->mem[i]);
  if (e->prim) dnnl_primitive_destroy(e->prim);
  memset(e, 0, sizeof *e);
}

static void shutdown_all(void) {
  pthread_mutex_lock(&lock);
  for (int i = 0; i < cache_n; i++) entry_free(&cache[i]);
  cache_n = 0;
  if (stream) dnnl_stream_destroy(stream);
  if (engine) dnnl_engine_destroy(engine);
  stream = NULL;
  engine = NULL;
  free(scratch);
  scratch = NULL;
  scratch_n = 0;
  free(scratch16);
  scratch16 = NULL;
  scratch16_n = 0;
  state = -2;
  pthread_mutex_unlock(&lock);
}

static int uses_dst(dnnl_alg_kind_t alg) {
  return alg == dnnl_eltwise_relu_use_dst_for_bwd || alg == dnnl_eltwise_tanh_use_dst_for_bwd ||
         alg == dnnl_eltwise_elu_use_dst_for_bwd || alg == dnnl_eltwise_logistic_use_dst_for_bwd;
}

/* Create the primitive and memory objects of one key into e (lock held). */
static dnnl_status_t entry_make(entry *e, dnnl_alg_kind_t alg, int dir, size_t n, float alpha,
                                float beta, dnnl_data_type_t dt) {
  dnnl_status_t st;
  dnnl_memory_desc_t md;
  dnnl_dims_t dims = {(dnnl_dim_t)n};
  dnnl_eltwise_desc_t fd, bd;
  dnnl_primitive_desc_t fpd = NULL, bpd = NULL;
  memset(e, 0, sizeof *e);
  e->alg = alg, e->dir = dir, e->n = n, e->alpha = alpha, e->beta = beta, e->dt = dt;
  if ((st = dnnl_memory_desc_init_by_tag(&md, 1, dims, dt, dnnl_a)) != dnnl_success ||
      (st = dnnl_eltwise_forward_desc_init(&fd, dnnl_forward_training, alg, &md, alpha, beta)) !=
          dnnl_success ||
      (st = dnnl_primitive_desc_create(&fpd, &fd, NULL, engine, NULL)) != dnnl_success)
    goto fail;
  if (dir == DIR_BWD) {
    if ((st = dnnl_eltwise_backward_desc_init(&bd, alg, &md, &md, alpha, beta)) != dnnl_success ||
        (st = dnnl_primitive_desc_create(&bpd, &bd, NULL, engine, fpd)) != dnnl_success)
      goto fail;
    st = dnnl_primitive_create(&e->prim, bpd);
    e->arg[0] = uses_dst(alg) ? DNNL_ARG_DST : DNNL_ARG_SRC;
    e->arg[1] = DNNL_ARG_DIFF_DST;
    e->arg[2] = DNNL_ARG_DIFF_SRC;
    e->nmem = 3;
  } else {
    st = dnnl_primitive_create(&e->prim, fpd);
    e->arg[0] = DNNL_ARG_SRC;
    e->arg[1] = DNNL_ARG_DST;
    e->nmem = 2;
  }
  if (st != dnnl_success) goto fail;
  for (int i = 0; i < e->nmem; i++)
    if ((st = dnnl_memory_create(&e->mem[i], &md, engine, DNNL_MEMORY_NONE)) != dnnl_success)
      goto fail;
  dnnl_primitive_desc_destroy(fpd);
  if (bpd) dnnl_primitive_desc_destroy(bpd);
  return dnnl_success;
fail:
  if (fpd) dnnl_primitive_desc_destroy(fpd);
  if (bpd) dnnl_primitive_desc_destroy(bpd);
  entry_free(e);
  return st;
}

/* The cached primitive of a key, created on first use (lock held). */
static entry *lookup(dnnl_alg_kind_t alg, int dir, size_t n, float alpha, float beta,
                     dnnl_data_type_t dt, dnnl_status_t *st) {
  *st = dnnl_runtime_error;
  if (!ready()) return NULL;
  clock_now++;
  for (int i = 0; i < cache_n; i++) {
    entry *e = &cache[i];
    if (e->alg == alg && e->dir == dir && e->n == n && e->dt == dt &&
        memcmp(&e->alpha, &alpha, sizeof alpha) == 0 && memcmp(&e->beta, &beta, sizeof beta) == 0) {
      e->used = clock_now;
      *st = dnnl_success;
      return e;
    }
  }
  entry fresh;
  if ((*st = entry_make(&fresh, alg, dir, n, alpha, beta, dt)) != dnnl_success) return NULL;
  int slot = cache_n;
  if (cache_n < CACHE_MAX) {
    cache_n++;
  } else {
    slot = 0;
    for (int i = 1; i < CACHE_MAX; i++)
      if (cache[i].used < cache[slot].used) slot = i;
    entry_free(&cache[slot]);
  }
  cache[slot] = fresh;
  cache[slot].used = clock_now;
  return &cache[slot];
}

static void fail_nan(float *out, size_t n, dnnl_alg_kind_t alg, int dir, dnnl_status_t st) {
  static int warned;
  if (!warned) {
    warned = 1;
    fprintf(stderr, "actbench: oneDNN eltwise algorithm 0x%x (%s) failed with status %d\n",
            (unsigned)alg, dir == DIR_FWD ? "forward" : "backward", (int)st);
  }
  for (size_t i = 0; i < n; i++) out[i] = NAN;
}

/* Run one primitive (lock held): fwd in0 -> out; bwd (in0 = x or y, in1 = dy) -> out. */
/* Run one primitive on data of type dt; on a failure out_f (the caller's
 * float output) is filled with NaN and 0 returned. */
static int run_dt(dnnl_alg_kind_t alg, int dir, size_t n, float alpha, float beta,
                  dnnl_data_type_t dt, const void *in0, const void *in1, void *out, float *out_f) {
  dnnl_status_t st;
  entry *e = lookup(alg, dir, n, alpha, beta, dt, &st);
  if (e == NULL) {
    fail_nan(out_f, n, alg, dir, st);
    return 0;
  }
  void *h[3] = {(void *)in0, dir == DIR_FWD ? out : (void *)in1, out};
  dnnl_exec_arg_t args[3];
  for (int i = 0; i < e->nmem; i++) {
    if ((st = dnnl_memory_set_data_handle(e->mem[i], h[i])) != dnnl_success) {
      fail_nan(out_f, n, alg, dir, st);
      return 0;
    }
    args[i].arg = e->arg[i];
    args[i].memory = e->mem[i];
  }
  if ((st = dnnl_primitive_execute(e->prim, stream, e->nmem, args)) != dnnl_success ||
      (st = dnnl_stream_wait(stream)) != dnnl_success) {
    fail_nan(out_f, n, alg, dir, st);
    return 0;
  }
  return 1;
}

static void run(dnnl_alg_kind_t alg, int dir, size_t n, float alpha, float beta, const float *in0,
                const float *in1, float *out) {
  run_dt(alg, dir, n, alpha, beta, dnnl_f32, in0, in1, out, out);
}

static void fwd(dnnl_alg_kind_t alg, float alpha, float beta, const float *x, float *y, size_t n) {
  if (n == 0) return;
  int t = enter();
  run(alg, DIR_FWD, n, alpha, beta, x, NULL, y);
  leave(t);
}

static void bwd(dnnl_alg_kind_t alg, float alpha, float beta, const float *x, const float *y,
                const float *dy, float *dx, size_t n) {
  if (n == 0) return;
  int t = enter();
  run(alg, DIR_BWD, n, alpha, beta, uses_dst(alg) ? y : x, dy, dx);
  leave(t);
}

/* scratch of n floats (lock held); NULL if out of memory */
static float *scratch_get(size_t n) {
  if (n > scratch_n) {
    float *s = realloc(scratch, n * sizeof *s);
    if (s == NULL) return NULL;
    scratch = s;
    scratch_n = n;
  }
  return scratch;
}

/* ---- sigmoid (slope a) and softplus (beta a) through t = a x when a != 1 */
static void scaled_fwd(dnnl_alg_kind_t alg, int divide, const float *x, float *y, size_t n,
                       float a) {
  if (n == 0) return;
  int t = enter();
  if (a == 1.0f) {
    run(alg, DIR_FWD, n, 0.0f, 0.0f, x, NULL, y);
  } else {
    for (size_t i = 0; i < n; i++) y[i] = a * x[i];
    run(alg, DIR_FWD, n, 0.0f, 0.0f, y, NULL, y);
    if (divide)
      for (size_t i = 0; i < n; i++) y[i] /= a;
  }
  leave(t);
}

/* dx = dy f'(x): oneDNN's backward on t = a x (or on y), times a when
 * multiply (sigmoid: d/dx s(a x) = a s'(a x); softplus: d/dx sp(a x)/a = s(a x)) */
static void scaled_bwd(dnnl_alg_kind_t alg, int multiply, const float *x, const float *y,
                       const float *dy, float *dx, size_t n, float a) {
  if (n == 0) return;
  int t = enter();
  if (a == 1.0f) {
    run(alg, DIR_BWD, n, 0.0f, 0.0f, uses_dst(alg) ? y : x, dy, dx);
  } else {
    const float *in = y;
    if (!uses_dst(alg)) {
      float *s = scratch_get(n);
      if (s == NULL) {
        fail_nan(dx, n, alg, DIR_BWD, dnnl_out_of_memory);
        leave(t);
        return;
      }
      for (size_t i = 0; i < n; i++) s[i] = a * x[i];
      in = s;
    }
    run(alg, DIR_BWD, n, 0.0f, 0.0f, in, dy, dx);
    if (multiply)
      for (size_t i = 0; i < n; i++) dx[i] *= a;
  }
  leave(t);
}

/* available(): the engine, and the forward and backward primitives of the
 * algorithm (n = 1), can be created; asked once per algorithm. */
static int probe(dnnl_alg_kind_t alg, float alpha) {
  static struct {
    dnnl_alg_kind_t alg;
    int ok;
  } seen[32];
  static int nseen;
  int t = enter();
  int ok = -1;
  for (int i = 0; i < nseen; i++)
    if (seen[i].alg == alg) ok = seen[i].ok;
  if (ok < 0) {
    dnnl_status_t st;
    ok = lookup(alg, DIR_FWD, 1, alpha, 0.0f, dnnl_f32, &st) != NULL &&
         lookup(alg, DIR_BWD, 1, alpha, 0.0f, dnnl_f32, &st) != NULL;
    if (nseen < 32) seen[nseen].alg = alg, seen[nseen++].ok = ok;
  }
  leave(t);
  return ok;
}

__attribute__((constructor)) static void onednn_init(void) {
  resolve_omp();
}

/* ---- bfloat16: oneDNN's eltwise on bf16 data (its bf16 kernels, or its
 * emulation on AVX-512 without the BF16 instructions).  The float interface
 * of the contract rounds each input to bfloat16 (to nearest even; a
 * bfloat16 input is exact), runs the bf16 primitive, and widens the bf16
 * results (exactly). */
static uint16_t bf16_of(float v) {
  uint32_t u;
  memcpy(&u, &v, sizeof u);
  if ((u & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((u >> 16) | 0x40u); /* quiet NaN */
  u += 0x7fffu + ((u >> 16) & 1u);
  return (uint16_t)(u >> 16);
}
static float float_of_bf16(uint16_t h) {
  uint32_t u = (uint32_t)h << 16;
  float v;
  memcpy(&v, &u, sizeof v);
  return v;
}

/* three bf16 arrays of n (lock held); NULL if out of memory */
static uint16_t *scratch16_get(size_t n) {
  if (3 * n > scratch16_n) {
    uint16_t *s = realloc(scratch16, 3 * n * sizeof *s);
    if (s == NULL) return NULL;
    scratch16 = s;
    scratch16_n = 3 * n;
  }
  return scratch16;
}

static void run_bf16(dnnl_alg_kind_t alg, int dir, size_t n, float alpha, const float *in0,
                     const float *in1, float *out) {
  if (n == 0) return;
  int t = enter();
  uint16_t *b = scratch16_get(n);
  if (b == NULL) {
    fail_nan(out, n, alg, dir, dnnl_out_of_memory);
    leave(t);
    return;
  }
  uint16_t *b0 = b, *b1 = b + n, *bo = b + 2 * n;
  for (size_t i = 0; i < n; i++) b0[i] = bf16_of(in0[i]);
  if (in1)
    for (size_t i = 0; i < n; i++) b1[i] = bf16_of(in1[i]);
  if (run_dt(alg, dir, n, alpha, 0.0f, dnnl_bf16, b0, in1 ? b1 : NULL, bo, out))
    for (size_t i = 0; i < n; i++) out[i] = float_of_bf16(bo[i]);
  leave(t);
}

static int probe_bf16(dnnl_alg_kind_t alg) {
  static struct {
    dnnl_alg_kind_t alg;
    int ok;
  } seen[32];
  static int nseen;
  int t = enter();
  int ok = -1;
  for (int i = 0; i < nseen; i++)
    if (seen[i].alg == alg) ok = seen[i].ok;
  if (ok < 0) {
    dnnl_status_t st;
    ok = lookup(alg, DIR_FWD, 1, 0.0f, 0.0f, dnnl_bf16, &st) != NULL &&
         lookup(alg, DIR_BWD, 1, 0.0f, 0.0f, dnnl_bf16, &st) != NULL;
    if (nseen < 32) seen[nseen].alg = alg, seen[nseen++].ok = ok;
  }
  leave(t);
  return ok;
}

/* ---- the kernels: id, algorithm, alpha from the parameters */
#define ELTWISE(id, ALG, ALPHA)                                                              \
  static void id##_fwd(const float *x, float *y, size_t n, const act_params *p) {            \
    (void)p;                                                                                 \
    fwd(ALG, ALPHA, 0.0f, x, y, n);                                                          \
  }                                                                                          \
  static void id##_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n, \
                       const act_params *p) {                                                \
    (void)p;                                                                                 \
    bwd(ALG, ALPHA, 0.0f, x, y, dy, dx, n);                                                  \
  }                                                                                          \
  static int id##_avail(void) {                                                              \
    return probe(ALG, 0.0f);                                                                 \
  }

#define SCALED(id, ALG, DIVIDE_FWD, MULTIPLY_BWD)                                            \
  static void id##_fwd(const float *x, float *y, size_t n, const act_params *p) {            \
    scaled_fwd(ALG, DIVIDE_FWD, x, y, n, p->a);                                              \
  }                                                                                          \
  static void id##_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n, \
                       const act_params *p) {                                                \
    scaled_bwd(ALG, MULTIPLY_BWD, x, y, dy, dx, n, p->a);                                    \
  }                                                                                          \
  static int id##_avail(void) {                                                              \
    return probe(ALG, 0.0f);                                                                 \
  }

/* native bfloat16: the defaults' parameters (alpha 0 or the activation's
 * default; sigmoid and softplus with a = 1 only: the scaled path is f32) */
#define ELTWISE_BF16(id, ALG, ALPHA)                                                              \
  static void id##_bf16_fwd(const float *x, float *y, size_t n, const act_params *p) {            \
    (void)p;                                                                                      \
    run_bf16(ALG, DIR_FWD, n, ALPHA, x, NULL, y);                                                 \
  }                                                                                               \
  static void id##_bf16_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n, \
                            const act_params *p) {                                                \
    (void)p;                                                                                      \
    run_bf16(ALG, DIR_BWD, n, ALPHA, uses_dst(ALG) ? y : x, dy, dx);                              \
  }                                                                                               \
  static int id##_bf16_avail(void) {                                                              \
    return probe_bf16(ALG);                                                                       \
  }
ELTWISE_BF16(logistic, dnnl_eltwise_logistic, 0.0f)
ELTWISE_BF16(tanh, dnnl_eltwise_tanh, 0.0f)
ELTWISE_BF16(elu, dnnl_eltwise_elu, p->a)
ELTWISE_BF16(gelu_tanh, dnnl_eltwise_gelu_tanh, 0.0f)
ELTWISE_BF16(gelu_erf, dnnl_eltwise_gelu_erf, 0.0f)
ELTWISE_BF16(swish, dnnl_eltwise_swish, p->a)
ELTWISE_BF16(soft_relu, dnnl_eltwise_soft_relu, 0.0f)
ELTWISE_BF16(mish, dnnl_eltwise_mish, 0.0f)
ELTWISE_BF16(logsigmoid, dnnl_eltwise_logsigmoid, 0.0f)

ELTWISE(relu, dnnl_eltwise_relu, 0.0f)
ELTWISE(relu_dst, dnnl_eltwise_relu_use_dst_for_bwd, 0.0f)
ELTWISE(leaky, dnnl_eltwise_relu, p->a)
ELTWISE(leaky_dst, dnnl_eltwise_relu_use_dst_for_bwd, p->a)
ELTWISE(tanh, dnnl_eltwise_tanh, 0.0f)
ELTWISE(tanh_dst, dnnl_eltwise_tanh_use_dst_for_bwd, 0.0f)
SCALED(logistic, dnnl_eltwise_logistic, 0, 1)
SCALED(logistic_dst, dnnl_eltwise_logistic_use_dst_for_bwd, 0, 1)
ELTWISE(elu, dnnl_eltwise_elu, p->a)
ELTWISE(elu_dst, dnnl_eltwise_elu_use_dst_for_bwd, p->a)
ELTWISE(gelu_tanh, dnnl_eltwise_gelu_tanh, 0.0f)
ELTWISE(gelu_erf, dnnl_eltwise_gelu_erf, 0.0f)
ELTWISE(swish, dnnl_eltwise_swish, p->a)
SCALED(soft_relu, dnnl_eltwise_soft_relu, 1, 0)
ELTWISE(mish, dnnl_eltwise_mish, 0.0f)
ELTWISE(hardswish, dnnl_eltwise_hardswish, 0.0f)
ELTWISE(logsigmoid, dnnl_eltwise_logsigmoid, 0.0f)
/* What each backward primitive reads besides diff_dst (activation.h): the
 * *_use_dst_for_bwd algorithms take dst (y), the others src (x); the bf16
 * ones above are all from src. */
enum {
  relu_reads = ACT_BWD_NO_Y,
  relu_dst_reads = ACT_BWD_NO_X,
  leaky_reads = ACT_BWD_NO_Y,
  leaky_dst_reads = ACT_BWD_NO_X,
  tanh_reads = ACT_BWD_NO_Y,
  tanh_dst_reads = ACT_BWD_NO_X,
  logistic_reads = ACT_BWD_NO_Y,
  logistic_dst_reads = ACT_BWD_NO_X,
  elu_reads = ACT_BWD_NO_Y,
  elu_dst_reads = ACT_BWD_NO_X,
  gelu_tanh_reads = ACT_BWD_NO_Y,
  gelu_erf_reads = ACT_BWD_NO_Y,
  swish_reads = ACT_BWD_NO_Y,
  soft_relu_reads = ACT_BWD_NO_Y,
  mish_reads = ACT_BWD_NO_Y,
  hardswish_reads = ACT_BWD_NO_Y,
  logsigmoid_reads = ACT_BWD_NO_Y
};

#define STR_(x) #x
#define STR(x) STR_(x)
#define NAN_BOTH (ACT_NAN_FWD | ACT_NAN_BWD)

#define ONEDNN(act, algname, id, fu, bu, bwdf, flags, note)                                     \
  {                                                                                             \
    act, act ".onednn." algname, "jit", "onednn", fu, bu, id##_fwd, id##_bwd, id##_avail, bwdf, \
        (flags) | id##_reads | ACT_SERIAL, note                                                 \
  }
/* native bfloat16: claims in bfloat16's ulps, over its 65536 inputs */
#define ONEDNN_BF16(act, algname, id, fu, bu, bwdf, flags, note)                      \
  {                                                                                   \
    act, act ".onednn." algname "-bf16", "jit-bf16", "onednn", fu, bu, id##_bf16_fwd, \
        id##_bf16_bwd, id##_bf16_avail, bwdf,                                         \
        (flags) | ACT_NATIVE_BF16 | ACT_BWD_NO_Y | ACT_SERIAL, note                   \
  }

/* Claims: none (NAN).  oneDNN's eltwise documentation
 * (https://oneapi-src.github.io/oneDNN/v2/dev_guide_eltwise.html, and the
 * dnnl.h / dnnl_types.h comments) gives each operation's formula, forward
 * and backward, and states no accuracy; its tests' tolerances (about 1e-6
 * relative) are not a documented bound (docs/accuracy.md, "Claims").
 *
 * Findings (not claims): the maxima measured against MPFR over
 *   build/actbench accuracy --impl '*onednn*'    (2^20 sampled inputs, seed 1)
 *   build/tests/test_bounds                      (sampled inputs, seed 7)
 * and every float of the ranges where the maxima sit:
 *   build/actbench accuracy --activation A --impl '*onednn*' --lo X --hi Y
 * for sigmoid [-104, -80] and [8, 104], softplus [-104, -80], logsigmoid
 * [80, 104], gelu [-6.5, -4], gelu_tanh [-10, -4], hardswish [-3, -0.5] and
 * [0.5, 3], tanh [2^-7, 8] and [-8, -0.25]; beyond those ranges gelu
 * (x < -6.5) and gelu_tanh (x < -6) return exactly 0 for f and f' (checked
 * over every float to -20), so their error there stays below 2^24 ulp.
 * oneDNN 2.6.3 from Debian 12 on AVX-512 (its kernels for other ISAs may
 * differ).  Largest values seen: tanh 1.215 / 2^24; sigmoid 1.19e7 / 2^24;
 * elu 2^24 / 1.19e7 (use-dst 2^24 / 2^24); gelu 2^24 / 1.721e7; gelu_tanh,
 * silu, mish (fwd) 2^24; softplus, logsigmoid 2^132 / 1.19e7; mish' 2^151;
 * hardswish 1.871 / 2^23; leaky_relu 0.5 / 0; relu 0 / 0.
 *
 * What the large numbers are (oneDNN accepts ~1e-6 relative error in its own
 * tests and does not aim at the tails):
 * - 1.19e7 ulp: sigmoid, softplus', logsigmoid' and elu' are flushed to 0
 *   where exp underflows (x < -87.3) although the exact value is still
 *   normal down to -87.34 and subnormal to -103.97.
 * - 2^24 ulp: 0 for a nonzero value: elu(x) = 0 for tiny x < 0 (exp(x) - 1
 *   cancels), sigmoid' and tanh' from the recomputed or stored y (y(1-y),
 *   1-y^2) as y rounds to 1, gelu, gelu_tanh, silu and mish flushed to 0 in
 *   their left tails.
 * - 2^132 ulp: softplus(x) = 2^-17 (and logsigmoid(-x) = -2^-17) instead of
 *   ~1e-45 for x around -87: the absolute error of oneDNN's log stays
 *   ~7.6e-6 where the value is tiny.
 * - 2^23 ulp: hardswish' at the kinks, f'(-3) = 0 and f'(3) = 1 where the
 *   PyTorch convention of the suite says -1/2 and 3/2.
 * - 2^151 ulp: mish' = +inf for x > ~3.5e13 (the exact value is 1; an
 *   infinity counts as 2^128).
 * Special values (reported by the accuracy suite's specials table, as they
 * are): f(-inf) = NaN for gelu, gelu_tanh, silu, mish, hardswish, and
 * f'(+-inf) = NaN for gelu, gelu_tanh, silu, mish (-inf); gelu_tanh' = NaN
 * for |x| > ~1.2e13 and mish' = NaN for x < ~-8.5e37 (ACT_NAN_SPURIOUS);
 * elu(-0) = +0 and elu(x) = 0 for subnormal x < 0; gelu, gelu_tanh, silu and
 * hardswish round f(2^-149) to 0; softplus(0) = ln 2 + 1 ulp (likewise
 * logsigmoid).  NaN flags as measured: relu gives 0 for NaN (fwd) and 1 or
 * 0 backward; leaky_relu, elu and hardswish give dy (or a dy) backward. */
static const act_impl onednn_impls[] = {
    ONEDNN("relu", "relu", relu, NAN, NAN, "x <= 0 ? 0 : 1 (NaN: 1)", 0u,
           "eltwise_relu, alpha 0; NaN -> 0"),
    ONEDNN("relu", "relu-use-dst", relu_dst, NAN, NAN, "y <= 0 ? 0 : 1", 0u,
           "eltwise_relu_use_dst_for_bwd: f' from y; NaN -> 0"),
    ONEDNN("leaky_relu", "relu", leaky, NAN, NAN, "x <= 0 ? a : 1 (NaN: 1)", ACT_NAN_FWD,
           "eltwise_relu, alpha = a"),
    ONEDNN("leaky_relu", "relu-use-dst", leaky_dst, NAN, NAN, "y <= 0 ? a : 1 (NaN: 1)",
           ACT_NAN_FWD, "eltwise_relu_use_dst_for_bwd, alpha = a: f' from y"),
    ONEDNN("tanh", "tanh", tanh, NAN, NAN, "1-t*t, t = tanh(x) recomputed", NAN_BOTH,
           "eltwise_tanh; f' = 1 - t^2 cancels as |t| -> 1"),
    ONEDNN("tanh", "tanh-use-dst", tanh_dst, NAN, NAN, "1-y*y", NAN_BOTH,
           "eltwise_tanh_use_dst_for_bwd: f' from y"),
    ONEDNN("sigmoid", "logistic", logistic, NAN, NAN, "s*(1-s), s = logistic(x) recomputed",
           NAN_BOTH, "eltwise_logistic; 0 below x = -87.3; slope a != 1: on t = a x, f' times a"),
    ONEDNN("sigmoid", "logistic-use-dst", logistic_dst, NAN, NAN, "a*y*(1-y)", NAN_BOTH,
           "eltwise_logistic_use_dst_for_bwd: f' from y; slope a != 1: on t = a x"),
    ONEDNN("elu", "elu", elu, NAN, NAN, "x > 0 ? 1 : a exp(x)", ACT_NAN_FWD,
           "eltwise_elu, alpha = a; exp(x) - 1 cancels for small |x| < 0, elu(-0) = +0"),
    ONEDNN("elu", "elu-use-dst", elu_dst, NAN, NAN, "y > 0 ? 1 : y + a", ACT_NAN_FWD,
           "eltwise_elu_use_dst_for_bwd, alpha = a: f' from y; elu(-0) = +0"),
    ONEDNN("gelu_tanh", "gelu-tanh", gelu_tanh, NAN, NAN, "(1+T)(1+G2(1-T))/2, T = tanh(G1)",
           NAN_BOTH | ACT_NAN_SPURIOUS,
           "eltwise_gelu_tanh; 0 below x ~ -6; NaN at -inf, f' NaN at +-inf and |x| > ~1.2e13"),
    ONEDNN("gelu", "gelu-erf", gelu_erf, NAN, NAN,
           "1/2 + x phi(x) + erf(x/sqrt 2)/2, erf by Abramowitz-Stegun",
           NAN_BOTH | ACT_NAN_SPURIOUS,
           "eltwise_gelu_erf; 0 below x ~ -5.6, f' garbage ~3e-8 then 0; NaN at -inf, f' at +-inf"),
    ONEDNN("silu", "swish", swish, NAN, NAN, "Q(1 + a x (1-Q)), Q = logistic(a x)",
           NAN_BOTH | ACT_NAN_SPURIOUS,
           "eltwise_swish, alpha = a; 0 below x ~ -87; NaN at -inf, f' NaN at +-inf"),
    ONEDNN("softplus", "soft-relu", soft_relu, NAN, NAN, "logistic(a x)", NAN_BOTH,
           "eltwise_soft_relu; abs error ~7.6e-6 in the left tail; no threshold b; a != 1: "
           "soft_relu(a x)/a"),
    ONEDNN(
        "mish", "mish", mish, NAN, NAN, "closed form in exp(x), x capped",
        NAN_BOTH | ACT_NAN_SPURIOUS,
        "eltwise_mish; 0 below x ~ -16; f' = inf for x > ~3.5e13, NaN below ~-8.5e37; f(-inf) NaN"),
    ONEDNN("hardswish", "hardswish", hardswish, NAN, NAN,
           "x <= -3 ? 0 : x >= 3 ? 1 : x/3 + 1/2 (NaN: 1)", ACT_NAN_FWD | ACT_NAN_SPURIOUS,
           "eltwise_hardswish; f'(-3) = 0, f'(3) = 1 (PyTorch: -1/2, 3/2); f(-inf) = NaN"),
    ONEDNN("logsigmoid", "logsigmoid", logsigmoid, NAN, NAN, "logistic(-x)", NAN_BOTH,
           "eltwise_logsigmoid; abs error ~7.6e-6 in the right tail"),
    /* ---- native bfloat16 (dnnl_bf16 data).  No documented bound either.  Findings in
     * bfloat16 ulps: the maxima over all 65536 bfloat16 inputs (the accuracy suite's
     * bfloat16 sweep: build/actbench accuracy --impl '*bf16*' --formats binary32,bfloat16):
     * sigmoid 180 / 256, tanh 127 / 256, elu 256 / 180, gelu_tanh 256 / 255, gelu 255 / 256,
     * silu 245 / 243, softplus 4.2e34 / 180, mish 256 / 4.4e40, logsigmoid 4.2e34 / 180.  oneDNN
     * flushes subnormal inputs and results to zero on bf16 data (ACT_FTZ): a zero for a subnormal
     * bfloat16 value is up to 127 ulp, for a value just above the least normal up to 255; the rest
     * is the f32 kernels' behaviour at bfloat16 precision (1 - t^2, y (1 - y) and the tails flushed
     * to 0: ~255 ulp, softplus/logsigmoid's ~7.6e-6 floor: 4.2e34 ulp, mish' = inf for x >=
     * 2^44: 4.4e40). */
    ONEDNN_BF16("sigmoid", "logistic", logistic, NAN, NAN, "s*(1-s) in bf16", NAN_BOTH | ACT_FTZ,
                "eltwise_logistic on bf16 data; a = 1 only"),
    ONEDNN_BF16("tanh", "tanh", tanh, NAN, NAN, "1-t*t in bf16", NAN_BOTH | ACT_FTZ,
                "eltwise_tanh on bf16 data"),
    ONEDNN_BF16("elu", "elu", elu, NAN, NAN, "x > 0 ? 1 : a exp(x)", ACT_NAN_FWD | ACT_FTZ,
                "eltwise_elu on bf16 data; NaN gives dy backward"),
    ONEDNN_BF16("gelu_tanh", "gelu-tanh", gelu_tanh, NAN, NAN, "(1+T)(1+G2(1-T))/2",
                NAN_BOTH | ACT_NAN_SPURIOUS | ACT_FTZ,
                "eltwise_gelu_tanh on bf16 data; f' NaN for huge |x|, f(-inf) NaN"),
    ONEDNN_BF16("gelu", "gelu-erf", gelu_erf, NAN, NAN, "Phi + x phi",
                NAN_BOTH | ACT_NAN_SPURIOUS | ACT_FTZ,
                "eltwise_gelu_erf on bf16 data; NaN at -inf, f' at +-inf"),
    ONEDNN_BF16("silu", "swish", swish, NAN, NAN, "Q(1 + a x (1-Q))",
                NAN_BOTH | ACT_NAN_SPURIOUS | ACT_FTZ,
                "eltwise_swish on bf16 data; NaN at -inf, f' at +-inf"),
    ONEDNN_BF16("softplus", "soft-relu", soft_relu, NAN, NAN, "logistic(x)", NAN_BOTH | ACT_FTZ,
                "eltwise_soft_relu on bf16 data; a = 1 only"),
    ONEDNN_BF16("mish", "mish", mish, NAN, NAN, "closed form in exp(x)",
                NAN_BOTH | ACT_NAN_SPURIOUS | ACT_FTZ,
                "eltwise_mish on bf16 data; f' = inf from x = 2^44"),
    ONEDNN_BF16("logsigmoid", "logsigmoid", logsigmoid, NAN, NAN, "logistic(-x)",
                NAN_BOTH | ACT_FTZ, "eltwise_logsigmoid on bf16 data"),
};

const act_impl_table act_peer_onednn = {
    onednn_impls, sizeof onednn_impls / sizeof onednn_impls[0],
    "oneDNN " STR(DNNL_VERSION_MAJOR) "." STR(DNNL_VERSION_MINOR) "." STR(
        DNNL_VERSION_PATCH) " (eltwise primitives, C API; OpenMP build run on 1 thread)",
    "oneDNN's eltwise documentation (oneapi-src.github.io/oneDNN/v2/dev_guide_eltwise.html) "
    "gives each operation's formula and states no accuracy: no documented bound (its tests' "
    "tolerances are not one)"};
