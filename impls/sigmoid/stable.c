/* actbench: sigmoid, scalar float code written for accuracy.
 *
 * With t = a x and e = expf(-|t|) in (0, 1] nothing overflows:
 *   sigma(t)  = 1 / (1 + e)  for t >= 0,   e / (1 + e)  for t < 0,
 *   sigma'    = a sigma(t) sigma(-t) = a e / (1 + e)^2   (from x, not from y:
 *               no 1 - y cancellation).
 * Accuracy measures (see impls/act_math_inline.h):
 * - a x is rounded; its exact rounding error tl = fma(a, x, -t) corrects e
 *   to first order (e (1 + ul)), so a slope a != 1 costs no accuracy in the
 *   tails where exp amplifies an argument error by |a x|;
 * - 1/(1 + e) is a double-float: Fast2Sum gives 1 + e exactly as d + dl and
 *   one Newton step on the exact fma residual gives the reciprocal to
 *   ~2^-46, so the only roundings left are expf's and the last one;
 * - (1 + e)^2 <= 4 cannot overflow; its reciprocal is squared in
 *   double-float.
 * Subnormal results come out of expf rounded once and stay (1 + e == 1). */
#include <math.h>

#include "act_math_inline.h"
#include "kernels.h"

/* e = exp(-|a x|) with the product's rounding error folded in; *pos = a x >= 0.
 * A NaN x (or a) gives a NaN e. */
static inline float sigmoid_e(float a, float x, int *pos) {
  float t = a * x;
  float tl = fmaf(a, x, -t); /* a x == t + tl exactly */
  float e = expf(-fabsf(t));
  *pos = t >= 0.0f;
  /* exp(-|t + tl|) = e exp(-+tl) ~= e (1 -+ tl); |tl| <= 2^-18 here */
  if (fabsf(t) < 128.0f) e = fmaf(e, *pos ? -tl : tl, e);
  return e;
}

void act_sigmoid_stable_fwd(const float *x, float *y, size_t n,
                            const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    int pos;
    float e = sigmoid_e(a, x[i], &pos);
    float w, wl;
    act_recip_sum(1.0f, e, 0.0f, &w, &wl); /* 1/(1+e) = w + wl */
    float num = pos ? 1.0f : e;
    y[i] = fmaf(num, w, num * wl);
  }
}

void act_sigmoid_stable_bwd(const float *x, const float *y, const float *dy,
                            float *dx, size_t n, const act_params *p) {
  (void)y;
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    int pos;
    float e = sigmoid_e(a, x[i], &pos);
    float w, wl, w2, w2l;
    act_recip_sum(1.0f, e, 0.0f, &w, &wl);
    act_sqr2(w, wl, &w2, &w2l); /* 1/(1+e)^2 = w2 + w2l */
    float ae = a * e;
    float ael = fmaf(a, e, -ae); /* a e == ae + ael */
    float g = fmaf(ae, w2, fmaf(ae, w2l, ael * w2)); /* a e / (1+e)^2 */
    dx[i] = dy[i] * g;
  }
}
