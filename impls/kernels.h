/* actbench: what the kernels in impls/<activation>/ *.c share with the
 * registry (impls/registry.c): their prototypes, generated, and the rule
 * that names them.
 *
 * The rule: the kernel registered as "<act>.<isa>.<alg>" is the pair
 * act_<act>_<isa>_<alg>_fwd and act_<act>_<isa>_<alg>_bwd, every '.' and '-'
 * of the name an '_' (sigmoid.avx2.rr2-lut8-p3-div is
 * act_sigmoid_avx2_rr2_lut8_p3_div_fwd and _bwd).  An entry that reuses
 * another entry's forward or backward (a from-y variant, the one sech^2
 * backward of several tanh forwards) names that entry's symbol.
 * scripts/gen-kernels.py checks every entry against the rule at build time.
 *
 * naive.c and stable.c are scalar C compiled with the default flags.
 * autovec.c and simd_*.c are compiled twice by CMake, with the AVX2 and with
 * the AVX-512 flags, and -DACT_ISA=avx2 or avx512 names the two copies. */
#ifndef ACTBENCH_KERNELS_H
#define ACTBENCH_KERNELS_H

#include "actbench/activation.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Inside a file compiled per ISA: ACT_KERNEL(act, alg, dir) is
 * act_<act>_<ACT_ISA>_<alg>_<dir>; alg may be VK_PICK(avx2's, avx512's)
 * where the two ISAs' kernels differ in a parameter the name states
 * (ACT_KERNEL(sigmoid, VK_PICK(rr2_lut8_p3_div, rr2_lut32_p2_div), fwd)). */
#define ACT_PASTE_(a, b) a##b
#define ACT_PASTE(a, b) ACT_PASTE_(a, b)
#define ACT_KERNEL(act, alg, dir) ACT_KERNEL_(act, ACT_ISA, alg, dir)
#define ACT_KERNEL_(act, isa, alg, dir) ACT_KERNEL__(act, isa, alg, dir)
#define ACT_KERNEL__(act, isa, alg, dir) act_##act##_##isa##_##alg##_##dir

/* Inside a stable.c: ACT_SCALAR_NAME(act_sigmoid_scalar_stable_fwd) is
 * act_sigmoid_scalar_stable_fwd_generic in the build for any x86-64, and
 * act_sigmoid_scalar_stable_fwd_fma in the second build of the same file with
 * -mfma (CMake), where fmaf is one instruction instead of a libm call; the
 * registered act_sigmoid_scalar_stable_fwd (registry.c, STABLE_DISPATCH)
 * calls the second where the CPU has FMA.  fmaf is exact either way: both
 * give the same bits. */
#ifndef ACT_SCALAR_SUFFIX
#define ACT_SCALAR_SUFFIX _generic
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
