/* actbench: sigmoid, scalar float code written for accuracy.
 *
 * With t = a x and e = expf(-|t|) in (0, 1] nothing overflows:
 *   sigma(t)  = 1 / (1 + e)  for t >= 0,   e / (1 + e)  for t < 0,
 *   sigma'    = a sigma(t) sigma(-t) = a e / (1 + e)^2   (from x, not from y:
 *               no 1 - y cancellation; (1 + e)^2 <= 4 cannot overflow).
 * Accuracy measures (helpers in impls/act_math_inline.h):
 * - a x is rounded; its exact rounding error tl = fma(a, x, -t) becomes a
 *   first-order correction e tl kept apart from e (e + el), so a slope
 *   a != 1 costs no accuracy where exp amplifies an argument error by |a x|;
 * - 1/(1 + e) is a double-float: Fast2Sum gives 1 + e exactly as d + dl and
 *   one Newton step on the exact residual gives the reciprocal to ~2^-46;
 *   its square is taken in double-float; products are summed with fmaf, so
 *   the only roundings left are expf's and the last one;
 * - where e would be subnormal (|t| >= 64, e < 2^-92, (1 + e)^2 == 1) the
 *   derivative a e is computed from e 2^64 = expf(-|t| + 64 ln 2) and scaled
 *   at the end, so a != 1 does not multiply the rounding of a subnormal e. */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

/* |a x| and ul, the first-order correction for the rounding of the product:
 * exp(-|a x|) ~= expf(-|a x|) (1 + ul).  *pos = (a x >= 0).  A NaN x (or a)
 * gives a NaN |a x|. */
static inline float sigmoid_t(float a, float x, int *pos, float *ul) {
  float t = a * x;
  float tl = fmaf(a, x, -t); /* a x == t + tl exactly */
  float at = fabsf(t);
  *pos = t >= 0.0f;
  /* exp(-|t + tl|) = e exp(-+tl); |tl| <= 2^-18 below 128, and beyond
   * (and for inf, where tl is NaN) e is 0 or 1 anyway */
  *ul = at < 128.0f ? (*pos ? -tl : tl) : 0.0f;
  return at;
}

/* expf(v), without the call where it is +0: below -104, e^v < 2^-150
 * rounds to +0, which is what the C library's expf returns there (through
 * its underflow path, which sets errno and costs several times the call) */
static inline float expf_or_0(float v) {
  return v < -104.0f ? 0.0f : expf(v);
}

void ACT_SCALAR_NAME(act_sigmoid_scalar_stable_fwd)(const float *x, float *y, size_t n,
                                                    const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    int pos;
    float ul;
    float e = expf_or_0(-sigmoid_t(a, x[i], &pos, &ul));
    float el = e * ul;
    float w, wl;
    act_recip_sum(1.0f, e, el, &w, &wl); /* 1/(1+e) = w + wl */
    if (pos)
      y[i] = w + wl;
    else
      y[i] = fmaf(e, w, fmaf(e, wl, el * w)); /* (e + el)(w + wl) */
  }
}

static inline float dsigmoid_stable(float a, float x) {
  int pos;
  float ul;
  float at = sigmoid_t(a, x, &pos, &ul);
  if (at >= 64.0f) {
    /* -|t| + c64hi is exact for |t| < 128 (both multiples of 2^-17);
     * beyond, the result underflows to 0 anyway. */
    const float c64hi = 0x1.62e4p+5f;    /* 64 ln 2, rounded to 2^-9 */
    const float c64lo = 0x1.7f7d1cp-14f; /* 64 ln 2 - c64hi */
    float es = expf_or_0(-at + c64hi);   /* e 2^64 ~= es (1 + c64lo + ul) */
    float esl = es * (c64lo + ul);
    return fmaf(a, es, a * esl) * 0x1p-64f; /* rounds again if subnormal */
  }
  float e = expf(-at), el = e * ul; /* (e is not used beyond 64: expf's cost saved) */
  float w, wl, w2, w2l;
  act_recip_sum(1.0f, e, el, &w, &wl);
  act_sqr2(w, wl, &w2, &w2l); /* 1/(1+e)^2 = w2 + w2l */
  float ae = a * e;
  float ael = fmaf(a, e, -ae) + a * el;         /* a (e + el) = ae + ael */
  return fmaf(ae, w2, fmaf(ae, w2l, ael * w2)); /* a e / (1+e)^2 */
}

void ACT_SCALAR_NAME(act_sigmoid_scalar_stable_bwd)(const float *x, const float *y, const float *dy,
                                                    float *dx, size_t n, const act_params *p) {
  (void)y;
  const float a = p->a;
  for (size_t i = 0; i < n; i++) dx[i] = dy[i] * dsigmoid_stable(a, x[i]);
}
