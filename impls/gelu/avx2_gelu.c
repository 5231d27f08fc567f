/* actbench: GELU, the avx2 vector kernels, one vector at a time (two per
 * loop step); algorithms and special values: impls/gelu/gelu_vec.h. */
#include "kernels.h"
#include "vk_avx2.h"
#include "vk_loop.h"

#define VK_SUFFIX _avx2
#include "gelu/gelu_vec.h"

GELU_KERNELS(erfc_dd, 2, 1)
GELU_KERNELS(erfc, 2, 0)
