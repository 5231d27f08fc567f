/* actbench: what the kernels in impls/<activation>/ *.c share with the
 * registry (impls/registry.c): their prototypes, generated, and the names of
 * their copies per build.
 *
 * naive.c and stable.c are scalar C compiled with the default flags.
 * autovec.c is compiled twice by CMake, with the AVX2 and with the AVX-512
 * flags, and -DACT_AUTOVEC_SUFFIX=_avx2 or _avx512 names the two copies
 * apart (see ACT_AUTOVEC_NAME below). */
#ifndef ACTBENCH_KERNELS_H
#define ACTBENCH_KERNELS_H

#include "actbench/activation.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Inside an autovec*.c: ACT_AUTOVEC_NAME(act_sigmoid_autovec_fwd) expands to
 * act_sigmoid_autovec_fwd_avx2 or act_sigmoid_autovec_fwd_avx512. */
#define ACT_PASTE_(a, b) a##b
#define ACT_PASTE(a, b) ACT_PASTE_(a, b)
#define ACT_AUTOVEC_NAME(base) ACT_PASTE(base, ACT_AUTOVEC_SUFFIX)

/* Inside a stable.c: ACT_SCALAR_NAME(act_sigmoid_stable_fwd) is the plain
 * name in the build for any x86-64, and act_sigmoid_stable_fwd_fma in the
 * second build of the same file with -mfma (CMake), where fmaf is one
 * instruction instead of a libm call; the registry calls the second where the
 * CPU has FMA.  fmaf is exact either way: both give the same bits. */
#ifndef ACT_SCALAR_SUFFIX
#define ACT_SCALAR_SUFFIX
#endif
#define ACT_SCALAR_NAME(base) ACT_PASTE(base, ACT_SCALAR_SUFFIX)

/* The prototype of every kernel the registry names (own_impls[] in
 * impls/registry.c), generated from that list at build time
 * (scripts/gen-kernels.py, CMakeLists.txt): no prototype is written by
 * hand. */
#include "kernels_gen.h"

#ifdef __cplusplus
}
#endif
#endif
