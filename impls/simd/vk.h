/* actbench: the one SIMD layer of the hand-written kernels, in the spirit of
 * SLEEF's helper header per ISA.
 *
 * A kernel family is one file, impls/<act>/simd_<family>.c, written against
 * the vk_* names; CMake compiles every simd_*.c twice, once with the AVX2+FMA
 * flags and once with the AVX-512 flags (as autovec*.c), and this header
 * picks the ISA's helpers from the flags:
 *
 *   simd/vk_avx2.h    8 lanes: vf = __m256, masks are vectors, vpermps tables of 8
 *   simd/vk_avx512.h  16 lanes: vf = __m512, masks are __mmask16, tables of 16
 *   simd/vk_wide.h    VK_WIDE native vectors in lockstep behind the same names
 *                     (define VK_WIDE before including this header)
 *   simd/vk_loop.h    the loop drivers: VK_FWD_LOOP(U, F), VK_BWD_LOOP(U, LOADS, F)
 *                     (U vectors a step, then single vectors, then a masked tail)
 *
 * The ISA headers also give half a vector's lanes as doubles (vd, with vh
 * the same half as floats: vk_lo, vk_hi, vk_join, vkd_*), for a family that
 * computes in double (impls/cr/simd_cr.c; not under VK_WIDE).
 *
 * Parameters that differ per ISA (unroll, lockstep width, table size) are
 * written VK_PICK(avx2 value, avx512 value), with simd/vk_isa.h included
 * first where they are needed before this header.  The kernels' symbols are
 * ACT_KERNEL(act, alg, fwd|bwd) (impls/kernels.h): the registered name, with
 * VK_PICK(avx2's, avx512's) for alg where the name states such a parameter. */
#ifndef ACTBENCH_SIMD_VK_H
#define ACTBENCH_SIMD_VK_H

#include "simd/vk_isa.h"

#ifdef VK_WIDE
#define VK_BASE_HEADER VK_ISA_HEADER
#include "simd/vk_wide.h"
#else
#include VK_ISA_HEADER
#endif
#include "simd/vk_loop.h"

/* ---- built on the above, the same for every ISA and VK_WIDE */

/* a table of N floats (N = VK_LUT, 2 VK_LUT or 4 VK_LUT: a VK_PICK
 * parameter of the family) in N / VK_LUT registers, and t[i mod N] */
VK_INLINE void vk_table_load_n(vk_table *t, const float *p, int n) {
  for (int r = 0; r < n / VK_LUT; r++) t[r] = vk_table_load(p + r * VK_LUT);
}
VK_INLINE vf vk_lut_n(const vk_table *t, int n, vi i) {
  return n == VK_LUT ? vk_lut(t[0], i) : n == 2 * VK_LUT ? vk_lut2(t, i) : vk_lut4(t, i);
}
/* c[0] r^(n-1) + ... + c[n-1] in Horner's form, times sc (exact where sc is
 * a power of 2 and no coefficient under- or overflows): the first step
 * c[0] r + c[1], then p r + c[k], one fma each */
VK_INLINE vf vk_horner(vf r, const float *c, int n, float sc) {
  vf p = vk_fma(vk_set(c[0] * sc), r, vk_set(c[1] * sc));
  for (int k = 2; k < n; k++) p = vk_fma(p, r, vk_set(c[k] * sc));
  return p;
}

#endif
