/* actbench: which ISA a simd_*.c is being compiled for (impls/simd/vk.h):
 * VK_ISA_HEADER, VK_PICK(avx2 value, avx512 value), and VK_SUFFIX / VK_NAME
 * for the symbols (_avx2 or _avx512, from CMake's ACT_AUTOVEC_SUFFIX). */
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

#ifndef ACT_AUTOVEC_SUFFIX
#error "impls/simd: ACT_AUTOVEC_SUFFIX (_avx2 or _avx512) comes from CMake"
#endif
#define VK_SUFFIX ACT_AUTOVEC_SUFFIX
#define VK_PASTE_(a, b) a##b
#define VK_PASTE(a, b) VK_PASTE_(a, b)
#define VK_NAME(base) VK_PASTE(base, VK_SUFFIX)

#endif
