/* actbench: leaky ReLU, AVX2 intrinsics, two ways of treating a NaN input.
 *
 * leaky_relu.avx2.max-ax-x-nanfwd   y  = max(a x, x)           (vmulps, vmaxps)
 *                                   dx = x > 0 ? dy : a dy     (ordered compare, vblendvps)
 *   For 0 <= a < 1, max(a x, x) is x for x > 0 and a x for x <= 0 (Maas,
 *   Hannun & Ng 2013), and RN(a x) never crosses x, so y is the one rounding
 *   of a x: correctly rounded.  vmaxps returns its second operand, x, when
 *   either is NaN, so a NaN input comes out as itself forward (a x is NaN
 *   too); backward the ordered compare is false for NaN and gives a dy: the
 *   NaN is dropped there (ACT_NAN_FWD only; PyTorch's leaky_relu_backward
 *   does the same).  -0 gives a(-0) = -0.  (With a = 0 and x = -inf, a x is
 *   NaN and max returns -inf, where the stable kernel returns NaN.)
 *
 * leaky_relu.avx2.blend-nanprop     y  = x <= 0 ? a x : x
 *                                   dx = x > 0 ? dy : (x <= 0 ? a dy : x)
 *   Ordered compares and vblendvps: a NaN input fails both compares and
 *   comes out as itself (payload kept) in both directions
 *   (ACT_NAN_FWD | ACT_NAN_BWD), as leaky_relu.scalar.stable.
 *
 * leaky_relu'(0) = a, the frameworks' convention.  Both give the same numbers
 * as leaky_relu.scalar.stable (forward correctly rounded, backward a dy
 * rounded once) and differ only for NaN.
 *
 * Loops: forward four vectors of 8 floats a step, backward one (measured at n = 1024, where x, y,
 * dy and dx all sit in L1, on the 2-core Zen 4 this was written on: forward x4 about 7% faster
 * than x1 and the same as x8; backward x1 10-15% faster than x4 with AVX2 and the same with
 * AVX-512), then one vector at a time, then the tail with vmaskmovps (masked-off lanes are neither
 * read nor written, and do not fault).  Each step loads before it stores, so y == x, dx == dy and
 * dx == x work, with any n and alignment. */
#include <immintrin.h>

#include "kernels.h"

#define W 8 /* floats per vector */

typedef __m256 (*op1)(__m256 x, __m256 a);
typedef __m256 (*op2)(__m256 x, __m256 dy, __m256 a);

#define ACT_INLINE static inline __attribute__((always_inline))

/* lanes 0 .. left-1 set, for 0 < left < 8 */
static inline __m256i tail_mask(size_t left) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)left),
                            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

ACT_INLINE void map1(const float *x, float *y, size_t n, float a_, op1 f) {
  const __m256 a = _mm256_set1_ps(a_);
  size_t i = 0;
  for (; i + 4 * W <= n; i += 4 * W) {
    __m256 v0 = _mm256_loadu_ps(x + i), v1 = _mm256_loadu_ps(x + i + W);
    __m256 v2 = _mm256_loadu_ps(x + i + 2 * W), v3 = _mm256_loadu_ps(x + i + 3 * W);
    _mm256_storeu_ps(y + i, f(v0, a));
    _mm256_storeu_ps(y + i + W, f(v1, a));
    _mm256_storeu_ps(y + i + 2 * W, f(v2, a));
    _mm256_storeu_ps(y + i + 3 * W, f(v3, a));
  }
  for (; i + W <= n; i += W) _mm256_storeu_ps(y + i, f(_mm256_loadu_ps(x + i), a));
  if (i < n) {
    __m256i m = tail_mask(n - i);
    _mm256_maskstore_ps(y + i, m, f(_mm256_maskload_ps(x + i, m), a));
  }
}

ACT_INLINE void map2(const float *x, const float *dy, float *dx, size_t n, float a_, op2 g) {
  const __m256 a = _mm256_set1_ps(a_);
  size_t i = 0;
  for (; i + W <= n; i += W)
    _mm256_storeu_ps(dx + i, g(_mm256_loadu_ps(x + i), _mm256_loadu_ps(dy + i), a));
  if (i < n) {
    __m256i m = tail_mask(n - i);
    _mm256_maskstore_ps(dx + i, m,
                        g(_mm256_maskload_ps(x + i, m), _mm256_maskload_ps(dy + i, m), a));
  }
}

/* ---- max-ax-x-nanfwd */
ACT_INLINE __m256 max_fwd(__m256 x, __m256 a) {
  return _mm256_max_ps(_mm256_mul_ps(a, x), x); /* NaN: the second operand, x */
}
ACT_INLINE __m256 max_bwd(__m256 x, __m256 dy, __m256 a) {
  __m256 pos = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ); /* false for NaN */
  return _mm256_blendv_ps(_mm256_mul_ps(a, dy), dy, pos);
}

/* ---- blend-nanprop */
ACT_INLINE __m256 blend_fwd(__m256 x, __m256 a) {
  __m256 neg = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_LE_OQ); /* false for NaN */
  return _mm256_blendv_ps(x, _mm256_mul_ps(a, x), neg);
}
ACT_INLINE __m256 blend_bwd(__m256 x, __m256 dy, __m256 a) {
  __m256 z = _mm256_setzero_ps();
  __m256 neg = _mm256_cmp_ps(x, z, _CMP_LE_OQ);
  __m256 pos = _mm256_cmp_ps(x, z, _CMP_GT_OQ);
  __m256 r = _mm256_blendv_ps(x, _mm256_mul_ps(a, dy), neg); /* a dy, or x (> 0 or NaN) */
  return _mm256_blendv_ps(r, dy, pos);
}

void act_leaky_relu_max_ax_x_fwd_avx2(const float *x, float *y, size_t n, const act_params *p) {
  map1(x, y, n, p->a, max_fwd);
}
void act_leaky_relu_max_ax_x_bwd_avx2(const float *x, const float *y, const float *dy, float *dx,
                                      size_t n, const act_params *p) {
  (void)y;
  map2(x, dy, dx, n, p->a, max_bwd);
}
void act_leaky_relu_blend_nanprop_fwd_avx2(const float *x, float *y, size_t n,
                                           const act_params *p) {
  map1(x, y, n, p->a, blend_fwd);
}
void act_leaky_relu_blend_nanprop_bwd_avx2(const float *x, const float *y, const float *dy,
                                           float *dx, size_t n, const act_params *p) {
  (void)y;
  map2(x, dy, dx, n, p->a, blend_bwd);
}
