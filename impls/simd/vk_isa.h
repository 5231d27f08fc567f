/* actbench: which ISA a simd_*.c is being compiled for (impls/simd/vk.h):
 * VK_ISA_HEADER and VK_PICK(avx2 value, avx512 value); the symbols come from
 * impls/kernels.h's ACT_KERNEL, with CMake's ACT_ISA (avx2 or avx512). */
#ifndef ACTBENCH_SIMD_VK_ISA_H
#define ACTBENCH_SIMD_VK_ISA_H

#if defined(__AVX512F__) && defined(__AVX512DQ__) && defined(__AVX512BW__) && defined(__AVX512VL__)
#define VK_ISA_AVX512 1
#define VK_ISA_HEADER "simd/vk_avx512.h"
#define VK_PICK(avx2, avx512) avx512
#elif defined(__AVX2__) && defined(__FMA__)
#define VK_ISA_AVX512 0
#define VK_ISA_HEADER "simd/vk_avx2.h"
#define VK_PICK(avx2, avx512) avx2
#else
#error "impls/simd: compile with the AVX2+FMA or the AVX-512 flags (CMake: simd_*.c)"
#endif

#ifndef ACT_ISA
#error "impls/simd: ACT_ISA (avx2 or avx512) comes from CMake"
#endif

#endif
