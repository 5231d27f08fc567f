/* actbench: ReLU on the SIMD layer (impls/simd/vk.h), compiled for AVX2 and
 * for AVX-512; two ways of treating a NaN input.
 *
 * relu.<isa>.max-nan0      y  = max(x, 0)                 (vmaxps)
 *                          dx = x > 0 ? dy : 0            (ordered compare, select)
 *   vmaxps returns its second operand when either is NaN (Intel SDM, MAXPS),
 *   so a NaN input gives 0 forward, and the ordered compare is false for NaN,
 *   so it gives 0 backward too: the NaN is silently dropped in both
 *   directions (no ACT_NAN_* flag), as in most frameworks' fast paths.
 *   max(-0, +0) is the second operand, +0.
 *
 * relu.<isa>.cmp-nanprop   y  = (x > 0 or unordered) ? x : +0
 *                          dx = x > 0 ? dy : (x is NaN ? x : 0)
 *   One unordered "not less or equal" compare and a select against +0: a NaN
 *   input comes out as itself (payload kept) in both directions
 *   (ACT_NAN_FWD | ACT_NAN_BWD); -0 gives +0.
 *
 * Both are exact (relu'(0) = 0, the frameworks' convention) and give the
 * same numbers as relu.scalar.stable; they differ only for NaN.
 *
 * Loops (simd/vk_loop.h): forward four vectors a step, backward one (measured
 * at n = 1024, where x, y, dy and dx all sit in L1, on the 2-core Zen 4 this
 * was written on: forward x4 about 7% faster than x1 and the same as x8;
 * backward x1 10-15% faster than x4 with AVX2 and the same with AVX-512),
 * then one vector at a time, then a masked tail. */
#include "kernels.h"
#include "simd/vk.h"

#define RELU_FWD_U 4
#define RELU_BWD_U 1

/* ---- max-nan0 */
VK_INLINE vf max_fwd(vf x) {
  return vk_max(x, vk_set(0.0f)); /* NaN x: the second operand, 0 */
}
VK_INLINE vf max_bwd(vf x, vf dy) {
  return vk_sel(vk_gt(x, vk_set(0.0f)), dy, vk_set(0.0f));
}

/* ---- cmp-nanprop */
VK_INLINE vf cmp_fwd(vf x) {
  return vk_sel(vk_gt_or_nan(x, vk_set(0.0f)), x, vk_set(0.0f)); /* x > 0 or NaN: x; else +0 */
}
VK_INLINE vf cmp_bwd(vf x, vf dy) {
  vf z = vk_set(0.0f);
  return vk_sel(vk_gt(x, z), dy, vk_sel(vk_isnan(x), x, z));
}

void ACT_KERNEL(relu, max_nan0, fwd)(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  VK_FWD_LOOP(RELU_FWD_U, max_fwd(v));
}
void ACT_KERNEL(relu, max_nan0, bwd)(const float *x, const float *y, const float *dy, float *dx,
                                     size_t n, const act_params *p) {
  (void)p;
  VK_BWD_LOOP(RELU_BWD_U, VK_X | VK_DY, max_bwd(vx, vdy));
}
void ACT_KERNEL(relu, cmp_nanprop, fwd)(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  VK_FWD_LOOP(RELU_FWD_U, cmp_fwd(v));
}
void ACT_KERNEL(relu, cmp_nanprop, bwd)(const float *x, const float *y, const float *dy, float *dx,
                                        size_t n, const act_params *p) {
  (void)p;
  VK_BWD_LOOP(RELU_BWD_U, VK_X | VK_DY, cmp_bwd(vx, vdy));
}
