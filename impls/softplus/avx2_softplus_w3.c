/* actbench: softplus, the avx2 vector kernels on 3 vectors in lockstep
 * (impls/vk_wide.h: their instructions interleaved, which hides more of the
 * long dependency chain exp -> log1p; ~10% faster than the same code one
 * vector at a time).  Algorithms and special values:
 * impls/softplus/softplus_vec.h. */
#define VK_WIDE 3
#define VK_BASE_HEADER "vk_avx2.h"
#include "kernels.h"
#include "vk_loop.h"
#include "vk_wide.h"

#define VK_SUFFIX _avx2
#include "softplus/softplus_vec.h"

SP_KERNELS(rr2_p7_lut_dd_w, 1, 1)
SP_KERNELS(rr2_p7_lut_w, 1, 0)
