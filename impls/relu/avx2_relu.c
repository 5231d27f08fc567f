/* actbench: ReLU, AVX2 intrinsics, two ways of treating a NaN input.
 *
 * relu.avx2.max-nan0      y  = max(x, 0)                 (vmaxps)
 *                         dx = x > 0 ? dy : 0            (ordered compare, and with dy)
 *   vmaxps returns its second operand when either is NaN (Intel SDM, MAXPS),
 *   so a NaN input gives 0 forward, and the ordered compare is false for NaN,
 *   so it gives 0 backward too: the NaN is silently dropped in both
 *   directions (no ACT_NAN_* flag), as in most frameworks' fast paths.
 *   max(-0, +0) is the second operand, +0.
 *
 * relu.avx2.cmp-nanprop   y  = (x > 0 or unordered) ? x : +0
 *                         dx = x > 0 ? dy : (x is NaN ? x : 0)
 *   An unordered "not less or equal" compare gives an all-ones lane for
 *   x > 0 and for NaN, and the and with x keeps those lanes: a NaN input
 *   comes out as itself (payload kept) in both directions
 *   (ACT_NAN_FWD | ACT_NAN_BWD); -0 gives +0.
 *
 * Both are exact (relu'(0) = 0, the frameworks' convention) and give the
 * same numbers as relu.scalar.stable; they differ only for NaN.
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

typedef __m256 (*op1)(__m256 x);
typedef __m256 (*op2)(__m256 x, __m256 dy);

#define ACT_INLINE static inline __attribute__((always_inline))

/* lanes 0 .. left-1 set, for 0 < left < 8 */
static inline __m256i tail_mask(size_t left) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)left),
                            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

ACT_INLINE void map1(const float *x, float *y, size_t n, op1 f) {
  size_t i = 0;
  for (; i + 4 * W <= n; i += 4 * W) {
    __m256 a0 = _mm256_loadu_ps(x + i), a1 = _mm256_loadu_ps(x + i + W);
    __m256 a2 = _mm256_loadu_ps(x + i + 2 * W), a3 = _mm256_loadu_ps(x + i + 3 * W);
    _mm256_storeu_ps(y + i, f(a0));
    _mm256_storeu_ps(y + i + W, f(a1));
    _mm256_storeu_ps(y + i + 2 * W, f(a2));
    _mm256_storeu_ps(y + i + 3 * W, f(a3));
  }
  for (; i + W <= n; i += W) _mm256_storeu_ps(y + i, f(_mm256_loadu_ps(x + i)));
  if (i < n) {
    __m256i m = tail_mask(n - i);
    _mm256_maskstore_ps(y + i, m, f(_mm256_maskload_ps(x + i, m)));
  }
}

ACT_INLINE void map2(const float *x, const float *dy, float *dx, size_t n, op2 g) {
  size_t i = 0;
  for (; i + W <= n; i += W)
    _mm256_storeu_ps(dx + i, g(_mm256_loadu_ps(x + i), _mm256_loadu_ps(dy + i)));
  if (i < n) {
    __m256i m = tail_mask(n - i);
    _mm256_maskstore_ps(dx + i, m, g(_mm256_maskload_ps(x + i, m), _mm256_maskload_ps(dy + i, m)));
  }
}

/* ---- max-nan0 */
ACT_INLINE __m256 max_fwd(__m256 x) {
  return _mm256_max_ps(x, _mm256_setzero_ps()); /* NaN x: the second operand, 0 */
}
ACT_INLINE __m256 max_bwd(__m256 x, __m256 dy) {
  return _mm256_and_ps(_mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ), dy);
}

/* ---- cmp-nanprop */
ACT_INLINE __m256 cmp_fwd(__m256 x) {
  return _mm256_and_ps(_mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_NLE_UQ), x);
}
ACT_INLINE __m256 cmp_bwd(__m256 x, __m256 dy) {
  __m256 z = _mm256_setzero_ps();
  __m256 pos = _mm256_cmp_ps(x, z, _CMP_GT_OQ);
  __m256 nan = _mm256_cmp_ps(x, x, _CMP_UNORD_Q);
  return _mm256_or_ps(_mm256_and_ps(pos, dy), _mm256_and_ps(nan, x));
}

void act_relu_max_nan0_fwd_avx2(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  map1(x, y, n, max_fwd);
}
void act_relu_max_nan0_bwd_avx2(const float *x, const float *y, const float *dy, float *dx,
                                size_t n, const act_params *p) {
  (void)y;
  (void)p;
  map2(x, dy, dx, n, max_bwd);
}
void act_relu_cmp_nanprop_fwd_avx2(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  map1(x, y, n, cmp_fwd);
}
void act_relu_cmp_nanprop_bwd_avx2(const float *x, const float *y, const float *dy, float *dx,
                                   size_t n, const act_params *p) {
  (void)y;
  (void)p;
  map2(x, dy, dx, n, cmp_bwd);
}
