/* actbench peer: what PyTorch users get on a CPU.  PyTorch 1.13's ATen
 * operators (libtorch-dev), forward and the backward operators autograd
 * calls, one thread, on tensors that wrap our buffers: the calls themselves
 * are impls/peers/pytorch/aten.cc, a module of ours (libactbench_pytorch.so)
 * that links libtorch and that this file dlopen()s the first time a pytorch
 * implementation is asked whether it is available or is run.  A process
 * that never touches one does not load libtorch (about 0.4 s and 300 shared
 * libraries at start-up).  The module is looked for in $ACTBENCH_TORCH_MODULE,
 * then next to the program's directory (../lib/actbench/, as `make install`
 * puts it), then in the program's directory, then where the build made it;
 * ACTBENCH_TORCH_MODULE=off makes the pytorch implementations unavailable
 * without loading anything (tests/CMakeLists.txt uses it where libtorch's
 * start-up in every process would only cost time).
 *
 * The ATen CPU capability.  ATen picks one set of kernels per process:
 * DEFAULT (compiled for baseline x86-64), AVX2 or AVX512, from the
 * environment variable ATEN_CPU_CAPABILITY (default, avx2, avx512) if set,
 * else from the CPU, where 1.13 picks AVX2 on an AVX2+FMA CPU even when it
 * has AVX-512 ("AVX512 can be slower then AVX2, so lets keep it as opt-in",
 * aten/src/ATen/native/DispatchStub.cpp).  It decides once
 * (get_cpu_capability() keeps the answer in a function-static variable, not
 * exported) and every operator's DispatchStub caches its kernel on first
 * use in a private member, so a process cannot switch: the implementations
 * registered are the capability in effect, named with its ISA (DEFAULT:
 * scalar, AVX2: avx2, AVX512: avx512).  The name is decided before main()
 * (act_peer_pytorch_prepare(), without loading libtorch) by ATen's rule
 * above, and checked when the module loads against what ATen reports
 * (at::show_config(), "CPU capability usage: ..."); if they disagree the
 * implementations are unavailable, with one line on stderr.  To measure the other capabilities,
 * run actbench again:
 *   ATEN_CPU_CAPABILITY=avx512 actbench speed --impl '*pytorch*' ...
 *   ATEN_CPU_CAPABILITY=default actbench accuracy --impl '*pytorch*' ...
 * (the names then say avx512 / scalar; results of several runs sit side by
 * side in a report).  ACTBENCH_ISA caps them like any implementation: under
 * ACTBENCH_ISA=avx2 the avx512 names are unavailable, ATen is not told.
 *
 * What runs underneath, per capability (ATen's Vectorized<float>):
 * AVX2 and AVX512 call SLEEF's u10 functions (Sleef_expf8_u10 / expf16,
 * tanhf, log1pf, expm1f, erff: impls/peers/sleef.c measures them bare);
 * DEFAULT calls glibc (std::exp, ...) element by element.  In every
 * capability the last n mod 2W elements of a call (W = 8 floats, 16 with
 * AVX512) go through the operator's scalar lambda, i.e. glibc (ATen's
 * vectorized_loop).  gelu with approximate="none" on more than one float
 * goes to oneDNN (ideep, eltwise_gelu_erf, forward and backward: the same
 * libdnnl 2.6 as impls/peers/onednn.c's gelu.onednn.gelu-erf), on one
 * element to ATen's GeluKernel.  elu and selu compute exp(x) - 1, not
 * expm1.
 *
 * Claims: none.  PyTorch documents no error bound for these operators, so
 * every claim is NAN, "no documented bound". */
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peers/pytorch/api.h"
#include "registry.h"

#ifndef ACT_TORCH_VERSION
#define ACT_TORCH_VERSION "?"
#endif
#ifndef ACT_TORCH_MODULE_BUILD
#define ACT_TORCH_MODULE_BUILD "libactbench_pytorch.so"
#endif
#define MODULE_FILE "libactbench_pytorch.so"

/* the capability ATen will use: 0 DEFAULT, 1 AVX2, 2 AVX512 */
enum { CAP_DEFAULT, CAP_AVX2, CAP_AVX512 };
static int predicted = CAP_AVX2;
static const char *const cap_aten_word[] = {"NO AVX", "AVX2", "AVX512"};
static const char *const cap_env_word[] = {"default", "avx2", "avx512"};

/* ---- the module, loaded once */
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const act_torch_api *api;
static int loaded; /* 1: usable */

static const act_torch_api *try_load(const char *path, char *why, size_t len) {
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (h == NULL) {
    const char *e = dlerror();
    snprintf(why, len, "%s", e ? e : path);
    return NULL;
  }
  void *sym = dlsym(h, ACT_TORCH_ENTRY);
  if (sym == NULL) {
    snprintf(why, len, "%s: no %s", path, ACT_TORCH_ENTRY);
    return NULL;
  }
  act_torch_module_fn *fn;
  memcpy(&fn, &sym, sizeof fn); /* POSIX: a function pointer from dlsym */
  const act_torch_api *a = fn();
  if (a == NULL || a->abi != ACT_TORCH_ABI) {
    snprintf(why, len, "%s: another interface version", path);
    return NULL;
  }
  return a;
}

static void load(void) {
  char why[512] = "not found";
  char exe[4096], path[4200];
  const char *env = getenv("ACTBENCH_TORCH_MODULE");
  if (env && strcmp(env, "off") == 0) return; /* unavailable, libtorch not loaded */
  if (env && *env) api = try_load(env, why, sizeof why);
  ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (api == NULL && k > 0) {
    exe[k] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      snprintf(path, sizeof path, "%s/../lib/actbench/" MODULE_FILE, exe);
      if (access(path, R_OK) == 0) api = try_load(path, why, sizeof why);
      snprintf(path, sizeof path, "%s/" MODULE_FILE, exe);
      if (api == NULL && access(path, R_OK) == 0) api = try_load(path, why, sizeof why);
    }
  }
  if (api == NULL && access(ACT_TORCH_MODULE_BUILD, R_OK) == 0)
    api = try_load(ACT_TORCH_MODULE_BUILD, why, sizeof why);
  if (api == NULL) {
    fprintf(stderr, "actbench: pytorch: cannot load %s (%s): its implementations are unavailable\n",
            MODULE_FILE, why);
    return;
  }
  if (strcmp(api->capability, cap_aten_word[predicted]) != 0) {
    fprintf(stderr,
            "actbench: pytorch: ATen runs its '%s' kernels, not the %s ones this process named: "
            "its implementations are unavailable\n",
            api->capability, cap_aten_word[predicted]);
    return;
  }
  loaded = 1;
}

static int torch_ready(void) {
  pthread_once(&load_once, load);
  return loaded;
}

/* an error (an unsupported parameter): NaN out, one line per operator */
static void failed(int op, const char *dir, const char *err, float *out, size_t n) {
  static int said[ACT_TORCH_OPS][2];
  int d = dir[0] == 'b';
  if (!said[op][d]) {
    said[op][d] = 1;
    fprintf(stderr, "actbench: pytorch: %s: %s\n", dir, err[0] ? err : "not available");
  }
  for (size_t i = 0; i < n; i++) out[i] = NAN;
}

static void torch_fwd(int op, const float *x, float *y, size_t n, const act_params *p) {
  char err[256] = "";
  if (n == 0) return;
  if (!torch_ready() || api->fwd(op, x, y, n, p, err, sizeof err) != 0)
    failed(op, "forward", err, y, n);
}
static void torch_bwd(int op, const float *x, const float *y, const float *dy, float *dx, size_t n,
                      const act_params *p) {
  char err[256] = "";
  if (n == 0) return;
  if (!torch_ready() || api->bwd(op, x, y, dy, dx, n, p, err, sizeof err) != 0)
    failed(op, "backward", err, dx, n);
}

#define TORCH_KERNELS(fn, OP)                                                                \
  static void fn##_fwd(const float *x, float *y, size_t n, const act_params *p) {            \
    torch_fwd(OP, x, y, n, p);                                                               \
  }                                                                                          \
  static void fn##_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n, \
                       const act_params *p) {                                                \
    torch_bwd(OP, x, y, dy, dx, n, p);                                                       \
  }
TORCH_KERNELS(sigmoid, ACT_TORCH_SIGMOID)
TORCH_KERNELS(tanh, ACT_TORCH_TANH)
TORCH_KERNELS(relu, ACT_TORCH_RELU)
TORCH_KERNELS(leaky_relu, ACT_TORCH_LEAKY_RELU)
TORCH_KERNELS(elu, ACT_TORCH_ELU)
TORCH_KERNELS(selu, ACT_TORCH_SELU)
TORCH_KERNELS(gelu, ACT_TORCH_GELU)
TORCH_KERNELS(gelu_tanh, ACT_TORCH_GELU_TANH)
TORCH_KERNELS(silu, ACT_TORCH_SILU)
TORCH_KERNELS(softplus, ACT_TORCH_SOFTPLUS)
TORCH_KERNELS(mish, ACT_TORCH_MISH)
TORCH_KERNELS(hardsigmoid, ACT_TORCH_HARDSIGMOID)
TORCH_KERNELS(hardswish, ACT_TORCH_HARDSWISH)
TORCH_KERNELS(logsigmoid, ACT_TORCH_LOGSIGMOID)

static int torch_available(void) {
  return torch_ready();
}

/* What each backward operator reads besides dy: sigmoid_backward,
 * tanh_backward and threshold_backward (relu) take the result, the others
 * the input. */
enum {
  sigmoid_reads = ACT_BWD_NO_X,
  tanh_reads = ACT_BWD_NO_X,
  relu_reads = ACT_BWD_NO_X,
  leaky_relu_reads = ACT_BWD_NO_Y,
  elu_reads = ACT_BWD_NO_Y,
  selu_reads = ACT_BWD_NO_Y,
  gelu_reads = ACT_BWD_NO_Y,
  gelu_tanh_reads = ACT_BWD_NO_Y,
  silu_reads = ACT_BWD_NO_Y,
  softplus_reads = ACT_BWD_NO_Y,
  mish_reads = ACT_BWD_NO_Y,
  hardsigmoid_reads = ACT_BWD_NO_Y,
  hardswish_reads = ACT_BWD_NO_Y,
  logsigmoid_reads = ACT_BWD_NO_Y
};
#define NAN_BOTH (ACT_NAN_FWD | ACT_NAN_BWD)

/* what the capability runs underneath, for the notes */
#define UNDER_scalar "glibc per element"
#define UNDER_avx2 "SLEEF u10 (8 lanes)"
#define UNDER_avx512 "SLEEF u10 (16 lanes)"
#define CAPW_scalar "DEFAULT"
#define CAPW_avx2 "AVX2"
#define CAPW_avx512 "AVX512"

#define TORCH(act, isa, bwdf, flags, what)                                                \
  {                                                                                       \
#act, #act "." #isa ".pytorch-aten", #isa, "pytorch", NAN, NAN, act##_fwd, act##_bwd, \
        torch_available, bwdf, (flags) | act##_reads,                                     \
        "ATen CPU capability " CAPW_##isa " (" UNDER_##isa "): " what                     \
  }
#define TORCH_TABLE(isa)                                                                      \
  TORCH(sigmoid, isa, "dy*(1-y)*y", NAN_BOTH, "1/(1+exp(-x)); sigmoid_backward from y"),      \
      TORCH(tanh, isa, "dy*(1-y*y)", NAN_BOTH, "tanh; tanh_backward from y"),                 \
      TORCH(relu, isa, "y <= 0 ? 0 : dy", ACT_NAN_FWD,                                        \
            "clamp_min(x, 0) (at::relu); threshold_backward on y"),                           \
      TORCH(leaky_relu, isa, "x > 0 ? dy : dy*a", ACT_NAN_FWD,                                \
            "leaky_relu; leaky_relu_backward from x"),                                        \
      TORCH(elu, isa, "x <= 0 ? dy*a*exp(x) : dy", ACT_NAN_FWD,                               \
            "(exp(x)-1)*a below 0, not expm1; elu_backward from x"),                          \
      TORCH(selu, isa, "x <= 0 ? dy*l*al*exp(x) : dy*l", ACT_NAN_FWD,                         \
            "at::elu with SELU's constants, exp(x)-1; elu_backward from x"),                  \
      TORCH(gelu, isa, "cdf + x*pdf (oneDNN)", NAN_BOTH | ACT_NAN_SPURIOUS,                   \
            "oneDNN 2.6 eltwise_gelu_erf (ideep) for n > 1, GeluKernel for n = 1"),           \
      TORCH(gelu_tanh, isa, "0.5(1+t) + 0.5x(1-t^2)k(1+3c x^2)", NAN_BOTH | ACT_NAN_SPURIOUS, \
            "GeluKernel tanh: 0.5x(1+tanh(k(x+c x^3))); gelu_backward from x"),               \
      TORCH(silu, isa, "dy*s*(1+x*(1-s))", NAN_BOTH | ACT_NAN_SPURIOUS,                       \
            "x/(1+exp(-x)), no beta; silu_backward from x"),                                  \
      TORCH(softplus, isa, "a x > b ? dy : dy*z/(z+1), z=exp(a x)", NAN_BOTH,                 \
            "a x > b ? x : log1p(exp(a x))/a; softplus_backward from x"),                     \
      TORCH(mish, isa, "dy*(t + x*s*(1-t*t))", NAN_BOTH | ACT_NAN_SPURIOUS,                   \
            "x*tanh(log1p(exp(x))); mish_backward (no out=, copied) from x"),                 \
      TORCH(hardsigmoid, isa, "-3 < x < 3 ? dy/6 : 0", ACT_NAN_FWD,                           \
            "hardsigmoid; hardsigmoid_backward from x"),                                      \
      TORCH(hardswish, isa, "x < -3 ? 0 : x <= 3 ? dy*(x/3+1/2) : dy",                        \
            ACT_NAN_FWD | ACT_NAN_SPURIOUS, "hardswish; hardswish_backward from x"),          \
      TORCH(logsigmoid, isa, "x < 0 ? dy*(1-b/(1+b)) : dy*b/(1+b), b=exp(-|x|)", NAN_BOTH,    \
            "min(x,0)-log1p(exp(-|x|)); log_sigmoid_backward from x and the buffer, "         \
            "recomputed")

static const act_impl torch_default[] = {TORCH_TABLE(scalar)};
static const act_impl torch_avx2[] = {TORCH_TABLE(avx2)};
static const act_impl torch_avx512[] = {TORCH_TABLE(avx512)};
#define TORCH_COUNT (sizeof torch_avx2 / sizeof torch_avx2[0])

static act_impl torch_impls[TORCH_COUNT];
static char torch_library[256];

/* before main(): ATen's choice, from the environment and the CPU (ATen's own
 * rule, DispatchStub.cpp), without loading libtorch */
void act_peer_pytorch_prepare(void) {
  const char *e = getenv("ATEN_CPU_CAPABILITY");
  int from_env = 0;
  predicted = (act_cpu_detected() & ACT_CPU_AVX2) ? CAP_AVX2 : CAP_DEFAULT;
  if (e) {
    for (int c = CAP_DEFAULT; c <= CAP_AVX512; c++)
      if (strcmp(e, cap_env_word[c]) == 0) predicted = c, from_env = 1;
  }
  const act_impl *src = predicted == CAP_AVX512 ? torch_avx512
                        : predicted == CAP_AVX2 ? torch_avx2
                                                : torch_default;
  memcpy(torch_impls, src, sizeof torch_impls);
  snprintf(torch_library, sizeof torch_library,
           "pytorch " ACT_TORCH_VERSION
           " (ATen operators; CPU capability %s, from %s; ATEN_CPU_CAPABILITY=default|avx2|avx512 "
           "selects another)",
           cap_aten_word[predicted] /* ATen's word */,
           from_env ? "ATEN_CPU_CAPABILITY" : "the CPU");
}

const act_impl_table act_peer_pytorch = {
    torch_impls, TORCH_COUNT, torch_library,
    "PyTorch's documentation of its activation operators (torch.nn.functional) gives formulas and "
    "states no accuracy: no documented bound"};
