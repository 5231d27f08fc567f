/* actbench: ELU, the vector kernels on the SIMD layer (impls/simd/vk.h),
 * compiled for AVX2 and for AVX-512 (algorithms and special values:
 * impls/elu/elu_vec.h).  Two vectors per loop step: one runs ~2% slower,
 * four no faster (slower on AVX2, with its 16 registers). */
#include "elu/elu_vec.h"
#include "kernels.h"
#include "simd/vk.h"

#define FROM_X elu_bwd_rr2_p7(vx, vdy, va)
#define FROM_Y elu_bwd_from_y(vy, vdy, va)

ELU_KERNELS(rr1_p7, 2, elu_fwd_rr1_p7(v, na), (void)0, VK_X | VK_DY, FROM_X)
ELU_KERNELS(rr1_lut8_p4, 2, elu_fwd_rr1_lut8_p4(v, na, &L, 0), const elu_lut L = elu_lut_load(),
            VK_X | VK_DY, FROM_X)
ELU_KERNELS(rr1_lut8d_p4, 2, elu_fwd_rr1_lut8_p4(v, na, &L, 1), const elu_lut L = elu_lut_load(),
            VK_X | VK_DY, FROM_X)
ELU_KERNELS(rr1_lut8_p4_from_y, 2, elu_fwd_rr1_lut8_p4(v, na, &L, 0),
            const elu_lut L = elu_lut_load(), VK_Y | VK_DY, FROM_Y)
