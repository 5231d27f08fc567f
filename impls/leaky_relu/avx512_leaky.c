/* actbench: leaky ReLU, AVX-512 intrinsics, two ways of treating a NaN input.
 *
 * leaky_relu.avx512.max-ax-x-nanfwd   y  = max(a x, x)           (vmulps, vmaxps)
 *                                     dx = x > 0 ? dy : a dy     (ordered compare, masked move)
 *   For 0 <= a < 1, max(a x, x) is x for x > 0 and a x for x <= 0 (Maas,
 *   Hannun & Ng 2013), and RN(a x) never crosses x, so y is the one rounding
 *   of a x: correctly rounded.  vmaxps returns its second operand, x, when
 *   either is NaN, so a NaN input comes out as itself forward (a x is NaN
 *   too); backward the ordered compare is false for NaN and gives a dy: the
 *   NaN is dropped there (ACT_NAN_FWD only; PyTorch's leaky_relu_backward
 *   does the same).  -0 gives a(-0) = -0.  (With a = 0 and x = -inf, a x is
 *   NaN and max returns -inf, where the stable kernel returns NaN.)
 *
 * leaky_relu.avx512.blend-nanprop     y  = x <= 0 ? a x : x
 *                                     dx = x > 0 ? dy : (x <= 0 ? a dy : x)
 *   Ordered compares into mask registers and masked moves: a NaN input fails
 *   both compares and comes out as itself (payload kept) in both directions
 *   (ACT_NAN_FWD | ACT_NAN_BWD), as leaky_relu.scalar.stable.
 *
 * leaky_relu'(0) = a, the frameworks' convention.  Both give the same numbers
 * as leaky_relu.scalar.stable (forward correctly rounded, backward a dy
 * rounded once) and differ only for NaN.
 *
 * Loops: forward four vectors of 16 floats a step, backward one (measured at n = 1024, where x, y,
 * dy and dx all sit in L1, on the 2-core Zen 4 this was written on: forward x4 about 7% faster
 * than x1 and the same as x8; backward x1 10-15% faster than x4 with AVX2 and the same with
 * AVX-512), then one vector at a time, then a masked tail (masked loads do not fault on the lanes
 * they leave out).  Each step loads before it stores, so y == x, dx == dy and dx == x work, with
 * any n and alignment. */
#include <immintrin.h>

#include "kernels.h"

#define W 16 /* floats per vector */

typedef __m512 (*op1)(__m512 x, __m512 a);
typedef __m512 (*op2)(__m512 x, __m512 dy, __m512 a);

#define ACT_INLINE static inline __attribute__((always_inline))

static inline __mmask16 tail_mask(size_t left) {
  return (__mmask16)((1u << left) - 1u);
}

ACT_INLINE void map1(const float *x, float *y, size_t n, float a_, op1 f) {
  const __m512 a = _mm512_set1_ps(a_);
  size_t i = 0;
  for (; i + 4 * W <= n; i += 4 * W) {
    __m512 v0 = _mm512_loadu_ps(x + i), v1 = _mm512_loadu_ps(x + i + W);
    __m512 v2 = _mm512_loadu_ps(x + i + 2 * W), v3 = _mm512_loadu_ps(x + i + 3 * W);
    _mm512_storeu_ps(y + i, f(v0, a));
    _mm512_storeu_ps(y + i + W, f(v1, a));
    _mm512_storeu_ps(y + i + 2 * W, f(v2, a));
    _mm512_storeu_ps(y + i + 3 * W, f(v3, a));
  }
  for (; i + W <= n; i += W) _mm512_storeu_ps(y + i, f(_mm512_loadu_ps(x + i), a));
  if (i < n) {
    __mmask16 m = tail_mask(n - i);
    _mm512_mask_storeu_ps(y + i, m, f(_mm512_maskz_loadu_ps(m, x + i), a));
  }
}

ACT_INLINE void map2(const float *x, const float *dy, float *dx, size_t n, float a_, op2 g) {
  const __m512 a = _mm512_set1_ps(a_);
  size_t i = 0;
  for (; i + W <= n; i += W)
    _mm512_storeu_ps(dx + i, g(_mm512_loadu_ps(x + i), _mm512_loadu_ps(dy + i), a));
  if (i < n) {
    __mmask16 m = tail_mask(n - i);
    _mm512_mask_storeu_ps(dx + i, m,
                          g(_mm512_maskz_loadu_ps(m, x + i), _mm512_maskz_loadu_ps(m, dy + i), a));
  }
}

/* ---- max-ax-x-nanfwd */
ACT_INLINE __m512 max_fwd(__m512 x, __m512 a) {
  return _mm512_max_ps(_mm512_mul_ps(a, x), x); /* NaN: the second operand, x */
}
ACT_INLINE __m512 max_bwd(__m512 x, __m512 dy, __m512 a) {
  __mmask16 pos = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_GT_OQ); /* false for NaN */
  return _mm512_mask_mov_ps(_mm512_mul_ps(a, dy), pos, dy);
}

/* ---- blend-nanprop */
ACT_INLINE __m512 blend_fwd(__m512 x, __m512 a) {
  __mmask16 neg = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_LE_OQ); /* false for NaN */
  return _mm512_mask_mov_ps(x, neg, _mm512_mul_ps(a, x));
}
ACT_INLINE __m512 blend_bwd(__m512 x, __m512 dy, __m512 a) {
  __mmask16 neg = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_LE_OQ);
  __mmask16 pos = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_GT_OQ);
  __m512 r = _mm512_mask_mov_ps(x, neg, _mm512_mul_ps(a, dy)); /* a dy, or x (> 0 or NaN) */
  return _mm512_mask_mov_ps(r, pos, dy);
}

void act_leaky_relu_max_ax_x_fwd_avx512(const float *x, float *y, size_t n, const act_params *p) {
  map1(x, y, n, p->a, max_fwd);
}
void act_leaky_relu_max_ax_x_bwd_avx512(const float *x, const float *y, const float *dy, float *dx,
                                        size_t n, const act_params *p) {
  (void)y;
  map2(x, dy, dx, n, p->a, max_bwd);
}
void act_leaky_relu_blend_nanprop_fwd_avx512(const float *x, float *y, size_t n,
                                             const act_params *p) {
  map1(x, y, n, p->a, blend_fwd);
}
void act_leaky_relu_blend_nanprop_bwd_avx512(const float *x, const float *y, const float *dy,
                                             float *dx, size_t n, const act_params *p) {
  (void)y;
  map2(x, dy, dx, n, p->a, blend_bwd);
}
