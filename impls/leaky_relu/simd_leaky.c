/* actbench: leaky ReLU on the SIMD layer (impls/simd/vk.h), compiled for
 * AVX2 and for AVX-512; two ways of treating a NaN input.
 *
 * leaky_relu.<isa>.max-ax-x-nanfwd   y  = max(a x, x)           (vmulps, vmaxps)
 *                                    dx = x > 0 ? dy : a dy     (ordered compare, select)
 *   For 0 <= a < 1, max(a x, x) is x for x > 0 and a x for x <= 0 (Maas,
 *   Hannun & Ng 2013), and RN(a x) never crosses x, so y is the one rounding
 *   of a x: correctly rounded.  vmaxps returns its second operand, x, when
 *   either is NaN, so a NaN input comes out as itself forward (a x is NaN
 *   too); backward the ordered compare is false for NaN and gives a dy: the
 *   NaN is dropped there (ACT_NAN_FWD only; PyTorch's leaky_relu_backward
 *   does the same).  -0 gives a(-0) = -0.  (With a = 0 and x = -inf, a x is
 *   NaN and max returns -inf, where the stable kernel returns NaN.)
 *
 * leaky_relu.<isa>.blend-nanprop     y  = x <= 0 ? a x : x
 *                                    dx = x > 0 ? dy : (x <= 0 ? a dy : x)
 *   Ordered compares and selects: a NaN input fails both compares and comes
 *   out as itself (payload kept) in both directions (ACT_NAN_FWD |
 *   ACT_NAN_BWD), as leaky_relu.scalar.stable.
 *
 * leaky_relu'(0) = a, the frameworks' convention.  Both give the same numbers
 * as leaky_relu.scalar.stable (forward correctly rounded, backward a dy
 * rounded once) and differ only for NaN.
 *
 * Loops (simd/vk_loop.h): forward four vectors a step, backward one (measured
 * at n = 1024, where x, y, dy and dx all sit in L1, on the 2-core Zen 4 this
 * was written on: forward x4 about 7% faster than x1 and the same as x8;
 * backward x1 10-15% faster than x4 with AVX2 and the same with AVX-512),
 * then one vector at a time, then a masked tail. */
#include "kernels.h"
#include "simd/vk.h"

#define LEAKY_FWD_U 4
#define LEAKY_BWD_U 1

/* ---- max-ax-x-nanfwd */
VK_INLINE vf max_fwd(vf x, vf a) {
  return vk_max(vk_mul(a, x), x); /* NaN: the second operand, x */
}
VK_INLINE vf max_bwd(vf x, vf dy, vf a) {
  return vk_sel(vk_gt(x, vk_set(0.0f)), dy, vk_mul(a, dy)); /* the compare is false for NaN */
}

/* ---- blend-nanprop */
VK_INLINE vf blend_fwd(vf x, vf a) {
  return vk_sel(vk_le(x, vk_set(0.0f)), vk_mul(a, x), x); /* the compare is false for NaN */
}
VK_INLINE vf blend_bwd(vf x, vf dy, vf a) {
  vf z = vk_set(0.0f);
  vf r = vk_sel(vk_le(x, z), vk_mul(a, dy), x); /* a dy, or x (> 0 or NaN) */
  return vk_sel(vk_gt(x, z), dy, r);
}

void ACT_KERNEL(leaky_relu, max_ax_x_nanfwd, fwd)(const float *x, float *y, size_t n,
                                                  const act_params *p) {
  const vf a = vk_set(p->a);
  VK_FWD_LOOP(LEAKY_FWD_U, max_fwd(v, a));
}
void ACT_KERNEL(leaky_relu, max_ax_x_nanfwd, bwd)(const float *x, const float *y, const float *dy,
                                                  float *dx, size_t n, const act_params *p) {
  const vf a = vk_set(p->a);
  VK_BWD_LOOP(LEAKY_BWD_U, VK_X | VK_DY, max_bwd(vx, vdy, a));
}
void ACT_KERNEL(leaky_relu, blend_nanprop, fwd)(const float *x, float *y, size_t n,
                                                const act_params *p) {
  const vf a = vk_set(p->a);
  VK_FWD_LOOP(LEAKY_FWD_U, blend_fwd(v, a));
}
void ACT_KERNEL(leaky_relu, blend_nanprop, bwd)(const float *x, const float *y, const float *dy,
                                                float *dx, size_t n, const act_params *p) {
  const vf a = vk_set(p->a);
  VK_BWD_LOOP(LEAKY_BWD_U, VK_X | VK_DY, blend_bwd(vx, vdy, a));
}
