/* actbench: the contract every implementation fills in.
 *
 * One act_impl describes one implementation of one activation: its forward
 * kernel, its backward kernel (dx = dy * f'(x)), the instruction set it needs,
 * where it comes from, and the maximum ULP errors it claims.  Every suite and
 * every test reads the same table of these (impls/registry.c); a plugin fills
 * in the same structure (act_plugin, at the end of this file).
 *
 * Kernels must accept any n (0 included), unaligned pointers, and in-place
 * calls: y == x for fwd; dx == dy or dx == x for bwd.
 */
#ifndef ACTBENCH_ACTIVATION_H
#define ACTBENCH_ACTIVATION_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ACT_CONTRACT_VERSION 1

/* Parameters of an activation: a (sigmoid's slope in sigma(a x), leaky
 * ReLU's a in max(a x, x), ELU's alpha, softplus's beta, ...) and a second
 * parameter b (softplus's threshold; 0 where the activation has none).  Each
 * activation's defaults and names: `actbench list`. */
typedef struct {
  float a, b;
} act_params;

typedef void act_fwd(const float *x, float *y, size_t n, const act_params *p);
/* y is the output of the same implementation's fwd on x; a kernel may use x,
 * y or both (frameworks keep y and compute sigma' as y(1-y)). */
typedef void act_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                     const act_params *p);

/* flags */
#define ACT_NAN_FWD 1u /* fwd returns NaN for a NaN input */
#define ACT_NAN_BWD 2u /* bwd returns NaN for a NaN input x */
#define ACT_FTZ 4u     /* runs with subnormals flushed to zero (DAZ|FTZ), as XNNPACK does */
#define ACT_NAN_SPURIOUS                                         \
  8u /* NaN for some non-NaN inputs far outside the useful range \
        (a library defect that the implementation's note describes) */
/* Works natively in a narrow format: its inputs are rounded to the format, it
 * computes there and its results are values of the format (the kernel's
 * float interface converts).  Measured over the format's inputs only, with
 * claims in the format's ulps; the binary32 suites leave it out. */
#define ACT_NATIVE_BF16 16u
#define ACT_NATIVE_F16 32u
#define ACT_NATIVE (ACT_NATIVE_BF16 | ACT_NATIVE_F16)
/* What the backward kernel reads besides dy (it always reads dy and writes
 * dx): ACT_BWD_NO_X, it never reads x (a derivative from the output y, as
 * y(1-y)); ACT_BWD_NO_Y, it never reads y (a derivative from x).  An
 * implementation that sets neither is taken to read both.  The speed suite
 * counts the bytes a kernel moves from them (tests/test_reads.c checks every
 * declaration against what the kernel computes). */
#define ACT_BWD_NO_X 64u
#define ACT_BWD_NO_Y 128u
/* Calls from several threads at once run one after the other (a wrapper
 * that holds a lock around the library): the speed suite's multi-threaded
 * benchmarks leave it out rather than report its single-thread speed as
 * such. */
#define ACT_SERIAL 256u

typedef struct {
  const char *activation;  /* "sigmoid", "tanh", "relu", ... (`actbench list`) */
  const char *name;        /* "<activation>.<isa>.<algorithm>" */
  const char *isa;         /* "scalar", "avx2", "avx512" */
  const char *origin;      /* "actbench", "libm", "sleef", ..., "plugin:<name>" */
  double fwd_ulp, bwd_ulp; /* claimed max ULP error over all floats; NAN: no claim */
  act_fwd *fwd;
  act_bwd *bwd;            /* NULL: no backward kernel (an inference library) */
  int (*available)(void);  /* nonzero when the CPU can run it */
  const char *bwd_formula; /* how f' is computed, e.g. "a*y*(1-y)" */
  unsigned flags;          /* ACT_NAN_* */
  const char *note;        /* one line for the report, may be NULL */
} act_impl;

/* ---- plugins: implementations from a shared library.
 *
 * A plugin is a shared library that exports one function,
 *
 *   ACT_PLUGIN_EXPORT const act_plugin *actbench_plugin(void);
 *
 * (ACT_PLUGIN_ENTRY names the symbol).  `actbench --plugin ./libmine.so
 * <command>` dlopen()s it before the command runs, calls the function once,
 * checks what it returns and adds its implementations to the registry, after
 * ours and the peers': every suite, the report and `actbench list` see them.
 * The library stays loaded until the program ends, so the act_plugin, the
 * act_impl array and every string and function they point to may be static
 * data of the plugin.
 *
 * contract_version must be ACT_CONTRACT_VERSION as the plugin saw it when it
 * was compiled (it comes first, so that any actbench can read it); actbench
 * refuses a plugin that speaks another version of this contract.  Each
 * act_impl is checked: a known activation ("sigmoid", "tanh", ... as
 * `actbench list` shows), a name "<activation>.<isa>.<algorithm>" that no
 * other implementation has, an ISA string ("scalar", "avx2", "avx512" or your
 * own), fwd and available non-NULL, claimed bounds >= 0 or NAN (no claim: a
 * peer whose documentation states no bound; the accuracy suite then says so
 * instead of a verdict), and only the flags
 * above.  origin may be NULL: the implementation then gets "plugin:<name>". */
#define ACT_PLUGIN_ENTRY "actbench_plugin"

typedef struct {
  int contract_version;  /* ACT_CONTRACT_VERSION */
  const char *name;      /* short name of the plugin: "example" (letters, digits, _ - .) */
  const char *version;   /* the plugin's own version, may be NULL */
  const act_impl *impls; /* its implementations */
  size_t count;          /* how many (at least one) */
} act_plugin;

/* The entry point's type. */
typedef const act_plugin *act_plugin_entry_fn(void);

#if defined(_WIN32)
#define ACT_PLUGIN_EXPORT __declspec(dllexport)
#else
#define ACT_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
}
#endif
#endif
