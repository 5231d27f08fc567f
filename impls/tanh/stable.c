/* actbench: tanh, scalar float code written for accuracy.
 *
 * tanh is odd; for |x| the result is built from exponentials of -2|x| <= 0,
 * which cannot overflow:
 *   |x| < 2^-13      tanh x = x (x^3/3 is below half an ulp of x);
 *   |x| < ln2/2      t = expm1f(-2|x|) in (-1/2, 0],  tanh|x| = -t / (2 + t)
 *                    (expm1 keeps the relative accuracy that 1 - e loses);
 *   otherwise        e = expf(-2|x|) <= 1/2,  tanh|x| = (1 - e) / (1 + e)
 * and the sign of x is put back.  The split at e = 1/2 is where the two
 * formulas amplify the error of t and of e equally (2/(1+e), 2e/(1-e^2)).
 * 1 - e, 2 + t and 1 + e are exact double-floats (Fast2Sum), the reciprocal
 * is a double-float (one Newton step on the exact residual; see
 * impls/act_math_inline.h), so the error is the C library's, amplified by at
 * most 4/3, plus one rounding.
 *
 * Derivative from x: 1 - tanh^2 x = 4e / (1 + e)^2 with e = expf(-2|x|), a
 * product of positive terms, so nothing cancels; the square of the
 * double-float 1/(1 + e) is taken in double-float.  Where e is subnormal
 * (|x| > 43.6) 4e is computed as exp(-2|x| + 2 ln 2) instead, so that the
 * rounding of a subnormal e is not multiplied by 4. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

static inline float tanh_stable(float x) {
  const float ln2_half = 0x1.62e430p-2f; /* ln(2)/2: e = 1/2 */
  float ax = fabsf(x);
  if (!(ax >= 0x1p-13f)) return x; /* tiny, +-0, or NaN (NaN in, NaN out) */
  float nh, nl, c, v;
  if (ax < ln2_half) {
    float t = expm1f(-2.0f * ax);
    nh = -t, nl = 0.0f, c = 2.0f, v = t;
  } else {
    float e = expf(-2.0f * ax);
    nh = 1.0f - e;
    nl = (1.0f - nh) - e; /* 1 - e = nh + nl exactly (Fast2Sum, 1 >= e) */
    c = 1.0f, v = e;
  }
  float w, wl;
  act_recip_sum(c, v, 0.0f, &w, &wl); /* 1/(c + v) = w + wl */
  return copysignf(fmaf(nh, w, fmaf(nh, wl, nl * w)), x);
}

/* 4 exp(-2|x|) / (1 + exp(-2|x|))^2 */
static inline float dtanh_stable(float x) {
  float ax = fabsf(x);
  if (ax > 40.0f) {
    /* e < 2^-115: (1 + e)^2 == 1.  4e = exp(-2|x| + c2hi) (1 + c2lo) with
     * c2hi + c2lo = 2 ln 2; c2hi has its last bit at 2^-17, so the sum with
     * -2|x| (a multiple of 2^-17 below 128 in magnitude) is exact. */
    const float c2hi = 0x1.62e4p+0f;    /* 2 ln 2, rounded to 2^-17 */
    const float c2lo = 0x1.7f7d1cp-19f; /* 2 ln 2 - c2hi */
    float e4 = expf(-2.0f * ax + c2hi);
    return fmaf(e4, c2lo, e4);
  }
  float e = expf(-2.0f * ax); /* NaN stays NaN */
  float w, wl, w2, w2l;
  act_recip_sum(1.0f, e, 0.0f, &w, &wl);
  act_sqr2(w, wl, &w2, &w2l); /* 1/(1+e)^2 = w2 + w2l */
  return 4.0f * fmaf(e, w2, e * w2l);
}

void ACT_SCALAR_NAME(act_tanh_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                 const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = tanh_stable(x[i]);
}

void ACT_SCALAR_NAME(act_tanh_scalar_stable_bwd)(const float *x, const float *y, const float *dy,
                                                 float *dx, size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dtanh_stable(x[i]);
}
