/* actbench: softplus, the vector kernels on the SIMD layer (impls/simd/vk.h),
 * compiled for AVX2 and for AVX-512, on VK_WIDE vectors in lockstep: 3 with
 * AVX2, 2 with AVX-512 (impls/simd/vk_wide.h: their instructions interleaved,
 * which hides more of the long dependency chain exp -> log1p; ~10% faster
 * than the same code one vector at a time).  Algorithms and special values:
 * impls/softplus/softplus_vec.h. */
#include "kernels.h"
#include "simd/vk_isa.h"

#define VK_WIDE VK_PICK(3, 2)
#include "simd/vk.h"
#include "softplus/softplus_vec.h"

SP_KERNELS(VK_PICK(rr2_p7_lut8_p6_div_dd_x24, rr2_p7_lut16_p5_nr1fma_dd_x32), 1, 1)
SP_KERNELS(VK_PICK(rr2_p7_lut8_p6_div_x24, rr2_p7_lut16_p5_nr1fma_x32), 1, 0)
