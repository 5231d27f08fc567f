/* actbench: ReLU, AVX-512 intrinsics, two ways of treating a NaN input.
 *
 * relu.avx512.max-nan0      y  = max(x, 0)                 (vmaxps)
 *                           dx = x > 0 ? dy : 0            (ordered compare, zero-masked dy)
 *   vmaxps returns its second operand when either is NaN (Intel SDM, MAXPS),
 *   so a NaN input gives 0 forward, and the ordered compare is false for NaN,
 *   so it gives 0 backward too: the NaN is silently dropped in both
 *   directions (no ACT_NAN_* flag), as in most frameworks' fast paths.
 *   max(-0, +0) is the second operand, +0.
 *
 * relu.avx512.cmp-nanprop   y  = (x > 0 or unordered) ? x : +0
 *                           dx = x > 0 ? dy : (x is NaN ? x : 0)
 *   One unordered "not less or equal" compare into a mask register and a
 *   zero-masked move: a NaN input comes out as itself (payload kept) in both
 *   directions (ACT_NAN_FWD | ACT_NAN_BWD); -0 gives +0.
 *
 * Both are exact (relu'(0) = 0, the frameworks' convention) and give the
 * same numbers as relu.scalar.stable; they differ only for NaN.
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

typedef __m512 (*op1)(__m512 x);
typedef __m512 (*op2)(__m512 x, __m512 dy);

#define ACT_INLINE static inline __attribute__((always_inline))

static inline __mmask16 tail_mask(size_t left) {
  return (__mmask16)((1u << left) - 1u);
}

/* y[i] = f(x[i]), u vectors a step (u is a constant at every call) */
ACT_INLINE void map1(const float *x, float *y, size_t n, op1 f) {
  size_t i = 0;
  for (; i + 4 * W <= n; i += 4 * W) {
    __m512 a0 = _mm512_loadu_ps(x + i), a1 = _mm512_loadu_ps(x + i + W);
    __m512 a2 = _mm512_loadu_ps(x + i + 2 * W), a3 = _mm512_loadu_ps(x + i + 3 * W);
    _mm512_storeu_ps(y + i, f(a0));
    _mm512_storeu_ps(y + i + W, f(a1));
    _mm512_storeu_ps(y + i + 2 * W, f(a2));
    _mm512_storeu_ps(y + i + 3 * W, f(a3));
  }
  for (; i + W <= n; i += W) _mm512_storeu_ps(y + i, f(_mm512_loadu_ps(x + i)));
  if (i < n) {
    __mmask16 m = tail_mask(n - i);
    _mm512_mask_storeu_ps(y + i, m, f(_mm512_maskz_loadu_ps(m, x + i)));
  }
}

/* dx[i] = g(x[i], dy[i]) */
ACT_INLINE void map2(const float *x, const float *dy, float *dx, size_t n, op2 g) {
  size_t i = 0;
  for (; i + W <= n; i += W)
    _mm512_storeu_ps(dx + i, g(_mm512_loadu_ps(x + i), _mm512_loadu_ps(dy + i)));
  if (i < n) {
    __mmask16 m = tail_mask(n - i);
    _mm512_mask_storeu_ps(dx + i, m,
                          g(_mm512_maskz_loadu_ps(m, x + i), _mm512_maskz_loadu_ps(m, dy + i)));
  }
}

/* ---- max-nan0 */
ACT_INLINE __m512 max_fwd(__m512 x) {
  return _mm512_max_ps(x, _mm512_setzero_ps()); /* NaN x: the second operand, 0 */
}
ACT_INLINE __m512 max_bwd(__m512 x, __m512 dy) {
  return _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_GT_OQ), dy);
}

/* ---- cmp-nanprop */
ACT_INLINE __m512 cmp_fwd(__m512 x) {
  /* x > 0, or unordered (NaN): keep x; else +0 */
  return _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_NLE_UQ), x);
}
ACT_INLINE __m512 cmp_bwd(__m512 x, __m512 dy) {
  __mmask16 keep = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_NLE_UQ); /* x > 0 or NaN */
  __mmask16 pos = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_GT_OQ);
  return _mm512_mask_mov_ps(_mm512_maskz_mov_ps(keep, x), pos, dy);
}

void act_relu_max_nan0_fwd_avx512(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  map1(x, y, n, max_fwd);
}
void act_relu_max_nan0_bwd_avx512(const float *x, const float *y, const float *dy, float *dx,
                                  size_t n, const act_params *p) {
  (void)y;
  (void)p;
  map2(x, dy, dx, n, max_bwd);
}
void act_relu_cmp_nanprop_fwd_avx512(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  map1(x, y, n, cmp_fwd);
}
void act_relu_cmp_nanprop_bwd_avx512(const float *x, const float *y, const float *dy, float *dx,
                                     size_t n, const act_params *p) {
  (void)y;
  (void)p;
  map2(x, dy, dx, n, cmp_bwd);
}
