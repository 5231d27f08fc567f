/* actbench: small float helpers shared by the stable (scalar) kernels and the
 * autovec kernels.  Everything is static inline, branch-free and written in
 * plain C (fmaf, memcpy for bit casts) so that gcc -O3 can if-convert and
 * vectorize loops that call it; nothing here calls into libm except fmaf,
 * which gcc expands to one instruction when FMA is enabled.
 *
 * Conventions: "double-float" means an unevaluated sum hi + lo of two floats
 * with |lo| <= ulp(hi) (Dekker 1971).  The C17 mode of the build disables FP
 * contraction, so every fused multiply-add below is an explicit fmaf.
 */
#ifndef ACTBENCH_ACT_MATH_INLINE_H
#define ACTBENCH_ACT_MATH_INLINE_H

#include <math.h>
#include <stdint.h>
#include <string.h>

static inline float act_from_bits(uint32_t b) {
  float f;
  memcpy(&f, &b, sizeof f);
  return f;
}

static inline uint32_t act_to_bits(float f) {
  uint32_t b;
  memcpy(&b, &f, sizeof b);
  return b;
}

/* c ? a : b, as bit operations on a mask.  In the autovec loops this keeps
 * gcc from sinking the arithmetic of one arm into a conditional block (with
 * -ftrapping-math, the default, it then refuses to if-convert the loop for
 * AVX2, which has no masked arithmetic): both arms are computed, one is kept.
 * c must be 0 or 1. */
static inline float act_sel(int c, float a, float b) {
  uint32_t m = 0u - (uint32_t)c;
  return act_from_bits((act_to_bits(a) & m) | (act_to_bits(b) & ~m));
}

/* 1 / (c + v + vl) as a double-float *hi + *lo, for |c| >= |v|, |vl| tiny
 * against v, and c + v > 0.
 *
 * d + dl == c + v exactly (Fast2Sum, Dekker 1971: exact under round to
 * nearest when |c| >= |v|), then vl is added to the low part.  w = RN(1/d);
 * the residual 1 - w d is exactly representable and an fma computes it
 * exactly (Markstein 1990), so
 *   1/(d + dl) = w (1 + (1 - w d) - w dl) + O(2^-46 w)
 * and the correction term needs only a few correct bits.  One division. */
static inline void act_recip_sum(float c, float v, float vl, float *hi, float *lo) {
  float d = c + v;
  float dl = (v - (d - c)) + vl;
  float w = 1.0f / d;
  float res = fmaf(-w, d, 1.0f);
  *hi = w;
  *lo = w * fmaf(-w, dl, res);
}

/* The square of a double-float h + l, as a double-float (the l^2 term is
 * below 2^-46 of the result and dropped). */
static inline void act_sqr2(float h, float l, float *sh, float *sl) {
  float p = h * h;
  *sh = p;
  *sl = fmaf(h, h, -p) + (h + h) * l;
}

/* The exp core for non-positive arguments: what act_exp_core returns.
 *   exp(u + ul) ~= s1 (p + pl) s2        (p + pl a double-float near 1)
 * where ul is a small correction to the argument (the rounding error of a
 * product a x, at most 2^-17 here, or 0).
 * s1 = 2^k1, s2 = 2^k2, k1 + k2 = k = round(u / ln 2), k1 = max(k, -100):
 * s1 p is exact and normal (s1 pl too, unless it is so small that it no
 * longer matters), and s2 == 1 unless the result is below 2^-100, so a final
 * multiplication by s2 rounds at most once, and only a subnormal result. */
typedef struct {
  float p, pl; /* exp(r) = 1 + expm1(r), double-float */
  float s1, s2;
} act_exp_parts;

/* Method: Cody & Waite (1980) range reduction with two constants,
 *   r = (u - k ln2hi) + (ul - k ln2lo),   |r| <= ln2/2 (+ a rounding),
 * where ln2hi has 15 significant bits so k ln2hi and u - k ln2hi are exact
 * for |k| < 2^8 (the first fma never rounds); k is rounded to nearest with
 * the 0x1.8p23 magic number (adding it leaves k in the low mantissa bits),
 * and the rounding error rl of r is kept (Fast2Sum; where |r| is smaller
 * than the second term, r is so small that the inexact rl does not matter).
 * expm1(r) is the Taylor polynomial of degree 7, r + r^2 P(r), P in Horner
 * form with fmaf: the first omitted term r^8/8! is below 2^-27 on
 * |r| <= ln2/2 (degree 6 would leave 2^-23, a whole ulp), so truncation
 * costs < 0.2 ulp.  The sum r + r^2 P(r) and then 1 + that are kept as
 * double-floats (Fast2Sum twice: |r| >= r^2 P, 1 >= |q|) with rl folded in,
 * so besides a result's own last rounding only the truncation and the
 * roundings inside r^2 P(r) reach it (together about 0.2 ulp at most).
 *
 * Range: the caller clamps u to [ACT_EXP_UMIN, 0]; exp(ACT_EXP_UMIN) * 4 is
 * below half the smallest subnormal, so the clamp changes no result, and k
 * is in [-159, 0]: 2^k1 and 2^k2 are normal, built directly in the exponent
 * field.  A NaN u gives garbage (no UB: all the integer work is unsigned);
 * callers select NaN inputs through at the end. */
#define ACT_EXP_UMIN (-110.0f)

static inline act_exp_parts act_exp_core(float u, float ul) {
  const float magic = 0x1.8p23f;       /* 1.5 * 2^23: round to integer */
  const float log2e = 0x1.715476p+0f;  /* 1/ln 2 */
  const float ln2hi = 0x1.62e400p-1f;  /* ln 2, high 15 bits */
  const float ln2lo = 0x1.7f7d1cp-20f; /* ln 2 - ln2hi, rounded */
  const float c2 = 0x1.000000p-1f;     /* 1/2! */
  const float c3 = 0x1.555556p-3f;     /* 1/3! */
  const float c4 = 0x1.555556p-5f;     /* 1/4! */
  const float c5 = 0x1.111112p-7f;     /* 1/5! */
  const float c6 = 0x1.6c16c2p-10f;    /* 1/6! */
  const float c7 = 0x1.a01a02p-13f;    /* 1/7! */
  act_exp_parts o;

  float kf = fmaf(u, log2e, magic);
  uint32_t kb = act_to_bits(kf);  /* 0x4b400000 + k */
  kf -= magic;                    /* k, exactly */
  float rh = fmaf(kf, -ln2hi, u); /* exact */
  float rc = fmaf(kf, -ln2lo, ul);
  float r = rh + rc;
  float rl = rc - (r - rh); /* r + rl ~= u + ul - k ln2 */

  float p = fmaf(r, c7, c6);
  p = fmaf(r, p, c5);
  p = fmaf(r, p, c4);
  p = fmaf(r, p, c3);
  p = fmaf(r, p, c2);
  float h = (r * r) * p; /* expm1(r) - r */
  float q = r + h;
  float ql = (h - (q - r)) + fmaf(rl, q, rl); /* + exp(r) rl */
  o.p = 1.0f + q;
  o.pl = ((1.0f - o.p) + q) + ql;

  /* k1 = max(k, -100), k2 = k - k1, in the biased representation kb. */
  const uint32_t kb0 = 0x4b400000u;
  uint32_t kb1 = kb > kb0 - 100u ? kb : kb0 - 100u;
  o.s1 = act_from_bits((kb1 - kb0 + 127u) << 23);
  o.s2 = act_from_bits((kb - kb1 + 127u) << 23);
  return o;
}

#endif
