/* actbench: the AVX-512 building blocks of the sigmoid and silu kernels
 * (impls/sigmoid/avx512_*.c, impls/silu/avx512_*.c; compiled with the
 * AVX-512F/DQ/BW/VL flags).  Everything is static inline and works on one
 * vector of 16 floats.
 *
 * exp, table-driven (Tang 1989; the table through permutes as in XNNPACK's
 * "lut-perm" kernels):
 *   n = RN(L z / ln 2) = L k + j,  r = z - n ln2/L,  |r| <= ln2/(2L),
 *   exp(z) = 2^k 2^(j/L) exp(r),
 * n rounded with the 1.5*2^23 "magic" addend (n lands in the low mantissa
 * bits, j in the low log2(L) bits: the permute index), the Cody-Waite
 * reduction with two constants (rr2; the first fma is exact, see
 * coeffs_sigmoid_exp.h), 2^(+-j/L) from a table held in registers, and 2^k
 * put into the exponent field by integer arithmetic: the table entries are
 * stored as bits(2^(+-j/L)) +- (j << (23 - log2 L)) plus a fixed scale, so
 * that adding or subtracting bits(magic + n) << (23 - log2 L), which is
 * (k << 23) + (j << (23 - log2 L)) modulo 2^32, gives 2^(+-(k + j/L)) and the
 * scale in one shift and one add.
 *
 * Two forms of the same exp:
 *
 * 1. "inverse" (the fast forward kernels): for z = a x in [-110, 60],
 *      P  = 2^-36 p(r),            p(r) ~= exp(r)   (lut32-p2: all three
 *                                  coefficients scaled by 2^-36, no extra op)
 *      si = 2^(-k-36) 2^(-j/32)    (table of 2^(-j/32), exponent -k-36)
 *    so that exp(z) = P/si, and
 *      sigma(z) = exp(z)/(1 + exp(z)) = P/(P + si)
 *    is one addition and one division, with no select on the sign of z and
 *    no "1 - something": the polynomial is not multiplied by the table value
 *    (one multiplication less than e = s p).  The scale 2^-36 keeps si normal
 *    over the whole range (2^-122 <= si <= 2^123), so a subnormal sigmoid
 *    (z < -87.3) is the correctly scaled quotient rounded once: gradual
 *    underflow at no cost.
 *
 * 2. "scaled" (backward and the accurate kernels): e' = exp(z) 2^40 for z in
 *    [-110, 0]; e' >= 2^-119 is normal, and the quotients
 *      e/(1 + e) = e'/(2^40 + e'),  1/(1 + e) = 2^40/(2^40 + e'),
 *      e/(1 + e)^2 = e'/(2^20 + e' 2^-20)^2
 *    are again rounded once where the result is subnormal.
 *
 * exp(-110) 110 is below half the smallest subnormal, so clamping z at -110
 * changes no result of sigmoid or silu or their derivatives; at 60 sigma is 1
 * and silu x in float.
 *
 * NaN: the clamps are max(c, z) and min(c, z), which return z when z is NaN,
 * so a NaN reaches r, the polynomial and the quotient (the integer work on a
 * NaN's bits is harmless: a permute takes any index, and the garbage scale is
 * multiplied by or added to a NaN). */
#ifndef ACTBENCH_SIGMOID_AVX512_H
#define ACTBENCH_SIGMOID_AVX512_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "coeffs_sigmoid_exp.h"

#define SIG512_AI static inline __attribute__((always_inline))

#ifndef SIG_ZMIN
#define SIG_ZMIN (-110.0f) /* exp(-110) 110 < 2^-150 */
#define SIG_ZMAX 60.0f     /* sigma(60) = 1 and si(60) = 2^-122 is normal */
#define SIG_INV_SCALE 36   /* P and si carry 2^-36 */
#define SIG_S 40           /* e' = exp(z) 2^40 */
#endif

/* The tables in registers. */
typedef struct {
  __m512i inv[2];      /* 2^(-j/32): bits - (36 << 23) + (j << 18) */
  __m512i h[2];        /* 2^(j/32): bits + (40 << 23) - (j << 18) */
  __m512 th[4], tl[4]; /* 2^(j/64) hi and lo as floats (double-float kernels) */
} sig512_tab;

SIG512_AI void sig512_tab_load(sig512_tab *t, int dd) {
  const __m512i iota = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i idx2 = _mm512_slli_epi32(iota, 1); /* 0, 2, ..., 30 */
  for (int i = 0; i < 2; i++) {
    __m512i j = _mm512_add_epi32(iota, _mm512_set1_epi32(16 * i));
    __m512i js = _mm512_slli_epi32(j, 18);
    __m512i v = _mm512_castps_si512(_mm512_loadu_ps(act_sigexp_tinv32 + 16 * i));
    v = _mm512_sub_epi32(v, _mm512_set1_epi32(SIG_INV_SCALE << 23));
    t->inv[i] = _mm512_add_epi32(v, js);
    /* 2^(j/32) = the even entries of the 2^(j/64) table */
    __m512 lo = _mm512_loadu_ps(act_sigexp_t64_hi + 32 * i);
    __m512 hi = _mm512_loadu_ps(act_sigexp_t64_hi + 32 * i + 16);
    __m512i h = _mm512_castps_si512(_mm512_permutex2var_ps(lo, idx2, hi));
    h = _mm512_add_epi32(h, _mm512_set1_epi32(SIG_S << 23));
    t->h[i] = _mm512_sub_epi32(h, js);
  }
  for (int i = 0; i < 4; i++) {
    t->th[i] = dd ? _mm512_loadu_ps(act_sigexp_t64_hi + 16 * i) : _mm512_setzero_ps();
    t->tl[i] = dd ? _mm512_loadu_ps(act_sigexp_t64_lo + 16 * i) : _mm512_setzero_ps();
  }
}

/* ---- the argument */

/* t = a x (or x when a == 1, fold == 0) and, for fold, its rounding error
 * tl = a x - t exactly, clamped to +-2^-10 (a NaN or infinite tl, from an
 * infinite a x, becomes a constant there; z is clamped then anyway). */
SIG512_AI __m512 sig512_t(__m512 x, __m512 a, int fold, __m512 *tl) {
  if (!fold) {
    *tl = _mm512_setzero_ps();
    return x;
  }
  __m512 t = _mm512_mul_ps(a, x);
  __m512 l = _mm512_fmsub_ps(a, x, t);
  l = _mm512_min_ps(l, _mm512_set1_ps(0x1p-10f)); /* NaN -> 2^-10 */
  *tl = _mm512_max_ps(l, _mm512_set1_ps(-0x1p-10f));
  return t;
}

/* max(lo, z) then min(hi, .): NaN passes through */
SIG512_AI __m512 sig512_clamp(__m512 z, float lo, float hi) {
  return _mm512_min_ps(_mm512_set1_ps(hi), _mm512_max_ps(_mm512_set1_ps(lo), z));
}

/* z = -|t| clamped at -110, with zl = -sign(t) tl (so that z + zl = -|t + tl|) */
SIG512_AI __m512 sig512_negabs(__m512 t, __m512 tl, int fold, __m512 *zl) {
  const __m512 sign = _mm512_set1_ps(-0.0f);
  *zl = fold ? _mm512_xor_ps(tl, _mm512_andnot_ps(t, sign)) : _mm512_setzero_ps();
  return _mm512_max_ps(_mm512_set1_ps(SIG_ZMIN), _mm512_or_ps(t, sign));
}

/* ---- exp, form 1: P = 2^-36 exp(r) and si = 2^(-k-36) 2^(-j/32) for z in
 * [-110, 60] (zl: the correction tl, added to r when fold is set).  lut32-p2:
 * relative error 2^-24.16 of the polynomial.  rr1: the reduction with the
 * one constant HI = RN(ln2/32) only, which leaves r too small by n LO,
 * |LO| = 1.02 2^-34: a relative error of exp up to |z| 2^-28.4 (2^-22 at
 * z = -87), one FMA less. */
SIG512_AI __m512 sig512_exp_inv(__m512 z, __m512 zl, int fold, int rr1, const sig512_tab *t,
                                __m512 *si) {
  const __m512 magic = _mm512_set1_ps(0x1.8p23f);
  const float sc = 0x1p-36f;
  __m512 n = _mm512_fmadd_ps(z, _mm512_set1_ps(ACT_SIGEXP_L32_LOG2E), magic);
  __m512i nb = _mm512_castps_si512(n);
  __m512i h = _mm512_permutex2var_epi32(t->inv[0], nb, t->inv[1]);
  *si = _mm512_castsi512_ps(_mm512_sub_epi32(h, _mm512_slli_epi32(nb, 18)));
  n = _mm512_sub_ps(n, magic);
  __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(ACT_SIGEXP_L32_LN2HI), z);
  if (!rr1) r = _mm512_fnmadd_ps(n, _mm512_set1_ps(ACT_SIGEXP_L32_LN2LO), r);
  if (fold) r = _mm512_add_ps(r, zl);
  __m512 p = _mm512_fmadd_ps(_mm512_set1_ps(ACT_SIGEXP_LUT32_P2_C2 * sc), r,
                             _mm512_set1_ps(ACT_SIGEXP_LUT32_P2_C1 * sc));
  return _mm512_fmadd_ps(p, r, _mm512_set1_ps(ACT_SIGEXP_LUT32_P2_C0 * sc));
}

/* ---- exp, form 2: e' = exp(z + zl) 2^40 for z in [-110, 0]: lut32-p2,
 * e' = s p(r) with s = 2^(k+40) 2^(j/32). */
SIG512_AI __m512 sig512_exp_scaled(__m512 z, __m512 zl, int fold, const sig512_tab *t) {
  const __m512 magic = _mm512_set1_ps(0x1.8p23f);
  __m512 n = _mm512_fmadd_ps(z, _mm512_set1_ps(ACT_SIGEXP_L32_LOG2E), magic);
  __m512i nb = _mm512_castps_si512(n);
  __m512i h = _mm512_permutex2var_epi32(t->h[0], nb, t->h[1]);
  __m512 s = _mm512_castsi512_ps(_mm512_add_epi32(h, _mm512_slli_epi32(nb, 18)));
  n = _mm512_sub_ps(n, magic);
  __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(ACT_SIGEXP_L32_LN2HI), z);
  r = _mm512_fnmadd_ps(n, _mm512_set1_ps(ACT_SIGEXP_L32_LN2LO), r);
  if (fold) r = _mm512_add_ps(r, zl);
  __m512 p = _mm512_fmadd_ps(_mm512_set1_ps(ACT_SIGEXP_LUT32_P2_C2), r,
                             _mm512_set1_ps(ACT_SIGEXP_LUT32_P2_C1));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(ACT_SIGEXP_LUT32_P2_C0));
  return _mm512_mul_ps(s, p);
}

/* ---- exp, form 2 as a double-float (the accurate kernels): e' = eh + el for
 * z in [-110, 0], lut64 with the hi and lo table parts and the degree-3
 * polynomial (relative error 2^-37.2):
 *   q  = r + r^2 (c2 + c3 r)             (|q| < 2^-7: its rounding is 2^-32)
 *   c  = T_hi q + T_lo                   (one fma; T_lo q is below 2^-31)
 *   E  = T_hi + c,  El = c - (E - T_hi)  (Fast2Sum: exact)
 * and both parts times 2^(k + 40) (exact for E; El may lose bits below
 * 2^-149 where e' is tiny, a relative 2^-30 of e' at most). */
SIG512_AI __m512 sig512_lookup64(const __m512 t[4], __m512i nb) {
  __m512 l01 = _mm512_permutex2var_ps(t[0], nb, t[1]);
  __m512 l23 = _mm512_permutex2var_ps(t[2], nb, t[3]);
  return _mm512_mask_blend_ps(_mm512_test_epi32_mask(nb, _mm512_set1_epi32(32)), l01, l23);
}

SIG512_AI void sig512_exp_dd(__m512 z, __m512 zl, int fold, const sig512_tab *t, __m512 *eh,
                             __m512 *el) {
  const __m512 magic = _mm512_set1_ps(0x1.8p23f);
  __m512 n = _mm512_fmadd_ps(z, _mm512_set1_ps(ACT_SIGEXP_L64_LOG2E), magic);
  __m512i nb = _mm512_castps_si512(n);
  n = _mm512_sub_ps(n, magic);
  __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(ACT_SIGEXP_L64_LN2HI), z);
  r = _mm512_fnmadd_ps(n, _mm512_set1_ps(ACT_SIGEXP_L64_LN2LO), r);
  if (fold) r = _mm512_add_ps(r, zl);
  __m512 th = sig512_lookup64(t->th, nb);
  __m512 tl = sig512_lookup64(t->tl, nb);
  /* 2^(k + 40): k << 23 is (bits(n) << 17) without j's bits */
  __m512i kb = _mm512_and_si512(_mm512_slli_epi32(nb, 17), _mm512_set1_epi32((int)0xff800000u));
  __m512 sc = _mm512_castsi512_ps(_mm512_add_epi32(kb, _mm512_set1_epi32((127 + SIG_S) << 23)));
  __m512 r2 = _mm512_mul_ps(r, r);
  __m512 u = _mm512_fmadd_ps(_mm512_set1_ps(ACT_SIGEXP_LUT64_P3_C3), r,
                             _mm512_set1_ps(ACT_SIGEXP_LUT64_P3_C2));
  __m512 q = _mm512_fmadd_ps(r2, u, r);
  __m512 c = _mm512_fmadd_ps(th, q, tl);
  __m512 E = _mm512_add_ps(th, c);
  __m512 El = _mm512_sub_ps(c, _mm512_sub_ps(E, th));
  *eh = _mm512_mul_ps(E, sc);
  *el = _mm512_mul_ps(El, sc);
}

/* (nh + nl) / (dh + dl) for a double-float numerator and denominator: rcp14
 * refined by one Newton step (relative error ~2^-28), then one Newton step on
 * the quotient with the exact residual nh - q0 dh plus the low parts; about
 * 2^-40 relative before the final rounding (nr2fma). */
SIG512_AI __m512 sig512_div_dd(__m512 nh, __m512 nl, __m512 dh, __m512 dl) {
  const __m512 one = _mm512_set1_ps(1.0f);
  __m512 rc = _mm512_rcp14_ps(dh);
  rc = _mm512_fmadd_ps(_mm512_fnmadd_ps(rc, dh, one), rc, rc);
  __m512 q0 = _mm512_mul_ps(nh, rc);
  __m512 res = _mm512_fnmadd_ps(q0, dh, nh); /* exact */
  res = _mm512_add_ps(res, nl);
  res = _mm512_fnmadd_ps(q0, dl, res);
  return _mm512_fmadd_ps(res, rc, q0);
}

/* the sign bits of t as a mask: t < 0 (and -0, and NaNs with the sign set) */
SIG512_AI __mmask16 sig512_neg(__m512 t) {
  return _mm512_movepi32_mask(_mm512_castps_si512(t));
}

/* mask of the first n (< 16) lanes */
SIG512_AI __mmask16 sig512_tail(size_t n) {
  return (__mmask16)((1u << n) - 1u);
}

/* ---- loops: U vectors per iteration, then single vectors, then a masked
 * tail.  VEC is an expression of one vector (fwd: of the x vector v; bwd: of
 * v, the x or y vector, and g, the dy vector). */
#define SIG512_FWD_LOOP(U, VEC)                                                     \
  do {                                                                              \
    size_t i_ = 0;                                                                  \
    for (; i_ + 16 * (U) <= n; i_ += 16 * (U)) {                                    \
      __m512 vv_[U];                                                                \
      for (int u_ = 0; u_ < (U); u_++) vv_[u_] = _mm512_loadu_ps(x + i_ + 16 * u_); \
      for (int u_ = 0; u_ < (U); u_++) {                                            \
        __m512 v = vv_[u_];                                                         \
        vv_[u_] = VEC;                                                              \
      }                                                                             \
      for (int u_ = 0; u_ < (U); u_++) _mm512_storeu_ps(y + i_ + 16 * u_, vv_[u_]); \
    }                                                                               \
    for (; i_ + 16 <= n; i_ += 16) {                                                \
      __m512 v = _mm512_loadu_ps(x + i_);                                           \
      _mm512_storeu_ps(y + i_, VEC);                                                \
    }                                                                               \
    if (i_ < n) {                                                                   \
      __mmask16 m_ = sig512_tail(n - i_);                                           \
      __m512 v = _mm512_maskz_loadu_ps(m_, x + i_);                                 \
      _mm512_mask_storeu_ps(y + i_, m_, VEC);                                       \
    }                                                                               \
  } while (0)

#define SIG512_BWD_LOOP(U, IN, VEC)                                                  \
  do {                                                                               \
    size_t i_ = 0;                                                                   \
    for (; i_ + 16 * (U) <= n; i_ += 16 * (U)) {                                     \
      __m512 vv_[U], gg_[U];                                                         \
      for (int u_ = 0; u_ < (U); u_++) vv_[u_] = _mm512_loadu_ps(IN + i_ + 16 * u_); \
      for (int u_ = 0; u_ < (U); u_++) gg_[u_] = _mm512_loadu_ps(dy + i_ + 16 * u_); \
      for (int u_ = 0; u_ < (U); u_++) {                                             \
        __m512 v = vv_[u_], g = gg_[u_];                                             \
        vv_[u_] = VEC;                                                               \
      }                                                                              \
      for (int u_ = 0; u_ < (U); u_++) _mm512_storeu_ps(dx + i_ + 16 * u_, vv_[u_]); \
    }                                                                                \
    for (; i_ + 16 <= n; i_ += 16) {                                                 \
      __m512 v = _mm512_loadu_ps(IN + i_), g = _mm512_loadu_ps(dy + i_);             \
      _mm512_storeu_ps(dx + i_, VEC);                                                \
    }                                                                                \
    if (i_ < n) {                                                                    \
      __mmask16 m_ = sig512_tail(n - i_);                                            \
      __m512 v = _mm512_maskz_loadu_ps(m_, IN + i_);                                 \
      __m512 g = _mm512_maskz_loadu_ps(m_, dy + i_);                                 \
      _mm512_mask_storeu_ps(dx + i_, m_, VEC);                                       \
    }                                                                                \
  } while (0)

#endif
