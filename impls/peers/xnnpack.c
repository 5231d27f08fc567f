/* actbench peer: XNNPACK's f32 elementwise operators (Debian libxnnpack-dev
 * 0.0~git20220216), behind the act_impl contract.
 *
 * XNNPACK is an inference library: forward only, bwd = NULL.  This snapshot has
 * sigmoid, elu, leaky_relu and hardswish operators, and clamp, which with
 * [0, +inf] is ReLU (XNNPACK then runs its relu microkernel); it has no tanh,
 * gelu, silu, ... operator.  XNNPACK chooses its microkernels for the CPU in
 * xnn_initialize (on AVX-512 hardware: the avx512f ones), so the isa is
 * "xnnpack-auto" and the ACTBENCH_ISA cap does not apply to it.
 *
 * How it is called: xnn_initialize once; one operator per (operator,
 * parameter) created on first use and kept (channels = 1, strides 1, so
 * XNNPACK treats the batch as one contiguous vector); each call is
 * xnn_setup_*_nc_f32(op, batch_size = n, x, y, threadpool = NULL) and
 * xnn_run_operator(op, NULL): single-threaded, on the caller's thread.  The
 * operators live in a per-thread cache (setup writes into the operator, so
 * two threads must not share one); every operator is deleted, and XNNPACK
 * deinitialized, at exit.
 *
 * XNN_EXTRA_BYTES: XNNPACK may read up to 16 bytes past the end of its input.
 * Its kernels work in blocks of 4, 8, 16, 40 or 64 floats and handle a
 * remainder below their vector width with a (possibly over-reading) partial
 * load, so a length that is a multiple of 16 floats is never over-read: the
 * largest such prefix runs on the caller's arrays, the last n mod 16 elements
 * in a padded local buffer.  In place (y == x) is fine: each kernel loads a
 * block before it stores it.
 *
 * What the library does that the claims and flags record (measured over all
 * 2^32 floats against a double-precision reference, scratch program, and on
 * the accuracy suite's sampled sweep):
 * - xnn_run_operator always runs with PTHREADPOOL_FLAG_DISABLE_DENORMALS:
 *   MXCSR DAZ|FTZ for the duration of the call (restored afterwards), so a
 *   subnormal input reads as zero where the kernel does arithmetic on it, and
 *   a subnormal result comes out as zero.  In the ULP measure a 0 for an exact
 *   value just below FLT_MIN is an error of 2^23 - 1 ulp: the maximum of every
 *   operator here (sigmoid's own kernel also flushes e^x to 0 below
 *   x = -87.34).  Flag ACT_FTZ.
 * - sigmoid (the avx512f rr2-lut32-p2-perm2-scalef-div kernel on AVX-512
 *   hardware) returns NaN for 626770728 finite inputs, all with
 *   |x| >= 0x1.62e442p+88 (4.29e26), in 16639216 runs (the accuracy suite's
 *   tails give them as intervals): the reduced argument x - n ln2 loses all
 *   precision, the polynomial overflows to inf, and inf / (inf + 1) is NaN.
 *   hardswish is x * min(max(x/6 + 1/2, 0), 1): f(-inf) = -inf * 0 = NaN
 *   (PyTorch's formula gives the same).  Flag ACT_NAN_SPURIOUS; the tests
 *   allow it only outside the activation's interesting range.
 * Without the flushing (normal inputs with normal results), the maxima over
 * all floats are: sigmoid 3.86 ulp (x = -0x1.b8182ep+1), elu 4.83 ulp
 * (x = -0x1.62ecp-6), leaky_relu 0.5, relu 0, hardswish 6.3e6 ulp next to its
 * zero at x = -3 (x = -0x1.7ffffep+1: x/6 + 1/2 cancels, 1/6 is rounded).
 *
 * Claims: none (NAN).  XNNPACK documents no accuracy for its operators
 * (xnnpack.h declares them without a word on it; its eval/f32-*-ulp.cc
 * programs measure ULP errors and state no bound; its tests' tolerances
 * are not a documented bound: docs/accuracy.md, "Claims").
 * Findings (not claims), measured with
 *   build/actbench accuracy --impl '*xnnpack*'
 * (sampled sweep, 2^20 inputs): sigmoid 8386662, elu 8388607, leaky_relu
 * 8371657, hardswish 8381120, relu 8388607 ulp; and over all 2^32 floats
 * (double reference): sigmoid 8388582, elu 8388607, leaky_relu 8388607.2,
 * hardswish 8388607.5, relu 8388607 ulp (NaN results left out, above).
 * There is no backward kernel. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xnnpack.h>

#include "registry.h"

enum { OP_SIGMOID, OP_ELU, OP_LEAKY, OP_HARDSWISH, OP_RELU, OP_KINDS };
static const char *const op_names[OP_KINDS] = {"sigmoid", "elu", "leaky_relu", "hardswish",
                                               "relu (clamp)"};

/* ---- initialization and cleanup */

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static int g_ready; /* xnn_initialize succeeded */

#define CACHE_SLOTS 8
typedef struct {
  int kind;
  float a;
  xnn_operator_t op;
} slot;
typedef struct cache {
  struct cache *next;
  unsigned used, next_evict;
  slot s[CACHE_SLOTS];
} cache;

static _Thread_local cache *t_cache;
static cache *g_caches; /* every thread's cache, for the cleanup at exit */
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static void xnn_cleanup(void) {
  pthread_mutex_lock(&g_lock);
  cache *c = g_caches;
  g_caches = NULL;
  pthread_mutex_unlock(&g_lock);
  while (c) {
    cache *next = c->next;
    for (unsigned i = 0; i < c->used; i++) xnn_delete_operator(c->s[i].op);
    free(c);
    c = next;
  }
  t_cache = NULL;
  if (g_ready) xnn_deinitialize();
  g_ready = 0;
}

static void xnn_init_once(void) {
  if (xnn_initialize(NULL) == xnn_status_success) {
    g_ready = 1;
    atexit(xnn_cleanup);
  }
}

static int xnn_available(void) {
  pthread_once(&g_once, xnn_init_once);
  return g_ready;
}

/* ---- operators, one per (kind, a) and thread */

static xnn_operator_t create_op(int kind, float a) {
  xnn_operator_t op = NULL;
  enum xnn_status st = xnn_status_invalid_parameter;
  switch (kind) {
    case OP_SIGMOID: /* no slope parameter: sigma(a x) only for a = 1 */
      if (a == 1.0f) st = xnn_create_sigmoid_nc_f32(1, 1, 1, 0, &op);
      break;
    case OP_ELU:
      st = xnn_create_elu_nc_f32(1, 1, 1, a, 0, &op);
      break;
    case OP_LEAKY:
      st = xnn_create_leaky_relu_nc_f32(1, 1, 1, a, 0, &op);
      break;
    case OP_HARDSWISH:
      st = xnn_create_hardswish_nc_f32(1, 1, 1, 0, &op);
      break;
    case OP_RELU:
      st = xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, INFINITY, 0, &op);
      break;
  }
  if (st != xnn_status_success) {
    static int warned[OP_KINDS];
    if (!warned[kind]) { /* once per operator: the outputs are NaN */
      warned[kind] = 1;
      fprintf(stderr, "actbench: XNNPACK refused its %s operator (a = %g, status %d); NaN out\n",
              op_names[kind], (double)a, (int)st);
    }
    return NULL;
  }
  return op;
}

static xnn_operator_t get_op(int kind, float a) {
  if (!xnn_available()) return NULL;
  cache *c = t_cache;
  if (!c) {
    c = calloc(1, sizeof *c);
    if (!c) return NULL;
    pthread_mutex_lock(&g_lock);
    c->next = g_caches;
    g_caches = c;
    pthread_mutex_unlock(&g_lock);
    t_cache = c;
  }
  for (unsigned i = 0; i < c->used; i++)
    if (c->s[i].kind == kind && memcmp(&c->s[i].a, &a, sizeof a) == 0) return c->s[i].op;
  xnn_operator_t op = create_op(kind, a);
  if (!op) return NULL;
  unsigned i;
  if (c->used < CACHE_SLOTS) {
    i = c->used++;
  } else { /* full: replace the slots in turn */
    i = c->next_evict;
    c->next_evict = (c->next_evict + 1) % CACHE_SLOTS;
    xnn_delete_operator(c->s[i].op);
  }
  c->s[i] = (slot){kind, a, op};
  return op;
}

static int setup_run(int kind, xnn_operator_t op, const float *x, float *y, size_t n) {
  enum xnn_status st = xnn_status_invalid_parameter;
  switch (kind) {
    case OP_SIGMOID:
      st = xnn_setup_sigmoid_nc_f32(op, n, x, y, NULL);
      break;
    case OP_ELU:
      st = xnn_setup_elu_nc_f32(op, n, x, y, NULL);
      break;
    case OP_LEAKY:
      st = xnn_setup_leaky_relu_nc_f32(op, n, x, y, NULL);
      break;
    case OP_HARDSWISH:
      st = xnn_setup_hardswish_nc_f32(op, n, x, y, NULL);
      break;
    case OP_RELU:
      st = xnn_setup_clamp_nc_f32(op, n, x, y, NULL);
      break;
  }
  if (st != xnn_status_success) return -1;
  return xnn_run_operator(op, NULL) == xnn_status_success ? 0 : -1;
}

#define BLOCK 16 /* floats: a prefix of a multiple of this is never over-read */

static void run(int kind, float a, const float *x, float *y, size_t n) {
  if (n == 0) return;
  xnn_operator_t op = get_op(kind, a);
  size_t head = n - n % BLOCK, tail = n % BLOCK;
  int bad = op == NULL;
  if (!bad && head) bad = setup_run(kind, op, x, y, head) != 0;
  if (!bad && tail) {
    /* the tail, with XNN_EXTRA_BYTES of padding after it */
    float buf[BLOCK + XNN_EXTRA_BYTES / sizeof(float)] = {0};
    memcpy(buf, x + head, tail * sizeof(float));
    bad = setup_run(kind, op, buf, buf, tail) != 0;
    if (!bad) memcpy(y + head, buf, tail * sizeof(float));
  }
  if (bad)
    for (size_t i = 0; i < n; i++) y[i] = NAN;
}

static void sigmoid_fwd(const float *x, float *y, size_t n, const act_params *p) {
  run(OP_SIGMOID, p->a, x, y, n); /* a != 1: refused, NaN out */
}
static void elu_fwd(const float *x, float *y, size_t n, const act_params *p) {
  run(OP_ELU, p->a, x, y, n);
}
static void leaky_fwd(const float *x, float *y, size_t n, const act_params *p) {
  run(OP_LEAKY, p->a, x, y, n);
}
static void hardswish_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  run(OP_HARDSWISH, 0.0f, x, y, n);
}
static void relu_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  run(OP_RELU, 0.0f, x, y, n);
}

#define XNN(act, op, fu, fwd, flags, note)                                                         \
  {                                                                                                \
#act, #act ".xnnpack." op, "xnnpack-auto", "xnnpack", fu, NAN, fwd, NULL, xnn_available, NULL, \
        flags, note                                                                                \
  }

static const act_impl xnnpack_impls[] = {
    XNN(sigmoid, "sigmoid-nc-f32", NAN, sigmoid_fwd, ACT_NAN_FWD | ACT_FTZ | ACT_NAN_SPURIOUS,
        "XNNPACK sigmoid, a = 1 only; NaN for |x| >= 4.29e26; 0 below x = -87.34 (DAZ|FTZ); "
        "no bwd"),
    XNN(elu, "elu-nc-f32", NAN, elu_fwd, ACT_NAN_FWD | ACT_FTZ,
        "XNNPACK elu, alpha = a > 0; subnormals flushed (DAZ|FTZ); no bwd"),
    XNN(leaky_relu, "leaky-relu-nc-f32", NAN, leaky_fwd, ACT_NAN_FWD | ACT_FTZ,
        "XNNPACK leaky_relu, slope a; subnormals flushed (DAZ|FTZ); no bwd"),
    XNN(hardswish, "hardswish-nc-f32", NAN, hardswish_fwd, ACT_NAN_FWD | ACT_FTZ | ACT_NAN_SPURIOUS,
        "XNNPACK hardswish x*clamp(x/6+1/2,0,1): f(-inf) = NaN, 6e6 ulp next to x = -3; "
        "subnormals flushed (DAZ|FTZ); no bwd"),
    XNN(relu, "clamp-nc-f32", NAN, relu_fwd, ACT_FTZ,
        "XNNPACK clamp to [0, +inf] (its relu kernel); NaN gives 0; subnormals flushed "
        "(DAZ|FTZ); no bwd"),
};

const act_impl_table act_peer_xnnpack = {
    xnnpack_impls, sizeof xnnpack_impls / sizeof xnnpack_impls[0], "XNNPACK 0.0~git20220216",
    "XNNPACK documents no accuracy for its operators (xnnpack.h; its eval/ programs measure "
    "ULP errors without stating a bound): no documented bound"};
