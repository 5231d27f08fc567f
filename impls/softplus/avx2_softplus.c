/* actbench: softplus, the avx2 vector kernels, one vector at a time (two
 * per loop step); algorithms and special values: impls/softplus/softplus_vec.h. */
#include "vk_avx2.h"

#include "kernels.h"
#include "vk_loop.h"

#define VK_SUFFIX _avx2
#include "softplus/softplus_vec.h"

SP_KERNELS(rr2_p7_lut, 2, 0)
