/* actbench: GELU, the avx2 vector kernels on 3 vectors in lockstep
 * (impls/vk_wide.h); algorithms and special values: impls/gelu/gelu_vec.h. */
#define VK_WIDE 3
#define VK_BASE_HEADER "vk_avx2.h"
#include "vk_wide.h"

#include "kernels.h"
#include "vk_loop.h"

#define VK_SUFFIX _avx2
#include "gelu/gelu_vec.h"

GELU_KERNELS(erfc_dd_w, 1, 1)
GELU_KERNELS(erfc_w, 1, 0)
