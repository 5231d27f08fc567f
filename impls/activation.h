/* actbench: the contract every implementation fills in.
 *
 * One act_impl describes one implementation of one activation: its forward
 * kernel, its backward kernel (dx = dy * f'(x)), the instruction set it needs,
 * where it comes from, and the maximum ULP errors it claims.  Every suite and
 * every test reads the same table of these (impls/registry.c); a plugin fills
 * in the same structure.
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

/* Parameters of an activation: slope a (sigmoid's a in sigma(a x), leaky
 * ReLU's a in max(a x, x)) and a second parameter b, unused so far. */
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
#define ACT_NAN_SPURIOUS 8u /* NaN for some non-NaN inputs far outside the useful range \
                               (a library defect that the implementation's note describes) */
/* Works natively in a narrow format: its inputs are rounded to the format, it
 * computes there and its results are values of the format (the kernel's
 * float interface converts).  Measured over the format's inputs only, with
 * claims in the format's ulps; the binary32 suites leave it out. */
#define ACT_NATIVE_BF16 16u
#define ACT_NATIVE_F16 32u
#define ACT_NATIVE (ACT_NATIVE_BF16 | ACT_NATIVE_F16)

typedef struct {
  const char *activation;  /* "sigmoid", "tanh", "relu", "leaky_relu" */
  const char *name;        /* "<activation>.<isa>.<algorithm>" */
  const char *isa;         /* "scalar", "avx2", "avx512" */
  const char *origin;      /* "actbench", "libm", later "sleef", ... */
  double fwd_ulp, bwd_ulp; /* claimed max ULP error over all floats */
  act_fwd *fwd;
  act_bwd *bwd;           /* NULL: no backward kernel (an inference library) */
  int (*available)(void);  /* nonzero when the CPU can run it */
  const char *bwd_formula; /* how f' is computed, e.g. "a*y*(1-y)" */
  unsigned flags;          /* ACT_NAN_* */
  const char *note;        /* one line for the report, may be NULL */
} act_impl;

#ifdef __cplusplus
}
#endif
#endif
