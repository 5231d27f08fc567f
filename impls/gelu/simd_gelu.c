/* actbench: GELU, the vector kernels on the SIMD layer (impls/simd/vk.h),
 * compiled for AVX2 and for AVX-512, one vector at a time (two per loop
 * step); algorithms and special values: impls/gelu/gelu_vec.h. */
#include "gelu/gelu_vec.h"
#include "kernels.h"
#include "simd/vk.h"

GELU_KERNELS(VK_PICK(erfc_rr2_p7_lut8_p8_dd, erfc_rr2_p7_lut16_p6_dd), 2, 1)
GELU_KERNELS(VK_PICK(erfc_rr2_p7_lut8_p8, erfc_rr2_p7_lut16_p6), 2, 0)
