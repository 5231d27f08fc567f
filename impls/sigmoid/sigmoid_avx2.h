/* actbench: the AVX2+FMA building blocks of the sigmoid and silu kernels
 * (impls/sigmoid/avx2_*.c, impls/silu/avx2_*.c; compiled with -mavx2 -mfma).
 * The same algorithms as sigmoid_avx512.h (read its comment first), on 8
 * floats, with an 8-entry table held in one ymm register and looked up with
 * vpermd (_mm256_permutevar8x32: no gather):
 *   n = RN(8 z / ln 2) = 8 k + j,  r = z - n ln2/8 (rr2),  |r| <= ln2/16,
 * and polynomials of one degree more than the AVX-512 kernels' (lut8-p3 in
 * the fast kernels, relative error 2^-25.17; lut8-p5 in the double-float
 * kernels, 2^-39.8).
 *
 * Form 1 ("inverse", fast forward): P = 2^-36 p(r), si = 2^(-k-36) 2^(-j/8),
 *   sigma(z) = P/(P + si) for z in [-110, 60].
 * Form 2 ("scaled", backward and accurate): e' = exp(z) 2^40, z in [-110, 0].
 * Quotients: a true division (div) in the fast kernels; rcpps (relative error
 * 1.5 2^-12) refined by one Newton step and then one Newton step on the
 * quotient with the double-float residual (nr2fma) in the accurate ones.
 * Selects use blendv on the sign bit; tails a masked load and store. */
#ifndef ACTBENCH_SIGMOID_AVX2_H
#define ACTBENCH_SIGMOID_AVX2_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "coeffs_sigmoid_exp.h"

#define SIG256_AI static inline __attribute__((always_inline))

#ifndef SIG_ZMIN
#define SIG_ZMIN (-110.0f)
#define SIG_ZMAX 60.0f
#define SIG_INV_SCALE 36
#define SIG_S 40
#endif

typedef struct {
  __m256i inv;   /* 2^(-j/8): bits - (36 << 23) + (j << 20) */
  __m256i h;     /* 2^(j/8): bits + (40 << 23) - (j << 20) */
  __m256 th, tl; /* 2^(j/8) hi and lo as floats */
} sig256_tab;

SIG256_AI void sig256_tab_load(sig256_tab *t) {
  const __m256i j = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m256i js = _mm256_slli_epi32(j, 20);
  /* 2^(-j/8): entries 4 j of the 2^(-j/32) table; 2^(j/8): entries 8 j of
   * the 2^(j/64) tables */
#define SIG256_EVERY(t, k) \
  _mm256_setr_ps(t[0], t[k], t[2 * k], t[3 * k], t[4 * k], t[5 * k], t[6 * k], t[7 * k])
  __m256 inv = SIG256_EVERY(act_sigexp_tinv32, 4);
  __m256 th = SIG256_EVERY(act_sigexp_t64_hi, 8);
  t->tl = SIG256_EVERY(act_sigexp_t64_lo, 8);
  t->th = th;
#undef SIG256_EVERY
  __m256i v = _mm256_sub_epi32(_mm256_castps_si256(inv), _mm256_set1_epi32(SIG_INV_SCALE << 23));
  t->inv = _mm256_add_epi32(v, js);
  __m256i h = _mm256_add_epi32(_mm256_castps_si256(th), _mm256_set1_epi32(SIG_S << 23));
  t->h = _mm256_sub_epi32(h, js);
}

/* t = a x, and its rounding error clamped to +-2^-10 (see sigmoid_avx512.h) */
SIG256_AI __m256 sig256_t(__m256 x, __m256 a, int fold, __m256 *tl) {
  if (!fold) {
    *tl = _mm256_setzero_ps();
    return x;
  }
  __m256 t = _mm256_mul_ps(a, x);
  __m256 l = _mm256_fmsub_ps(a, x, t);
  l = _mm256_min_ps(l, _mm256_set1_ps(0x1p-10f)); /* NaN -> 2^-10 */
  *tl = _mm256_max_ps(l, _mm256_set1_ps(-0x1p-10f));
  return t;
}

/* max(lo, z) then min(hi, .): vmaxps/vminps return the second operand when
 * one is NaN, so NaN passes through */
SIG256_AI __m256 sig256_clamp(__m256 z, float lo, float hi) {
  return _mm256_min_ps(_mm256_set1_ps(hi), _mm256_max_ps(_mm256_set1_ps(lo), z));
}

SIG256_AI __m256 sig256_negabs(__m256 t, __m256 tl, int fold, __m256 *zl) {
  const __m256 sign = _mm256_set1_ps(-0.0f);
  *zl = fold ? _mm256_xor_ps(tl, _mm256_andnot_ps(t, sign)) : _mm256_setzero_ps();
  return _mm256_max_ps(_mm256_set1_ps(SIG_ZMIN), _mm256_or_ps(t, sign));
}

/* n, bits(magic + n) and r = z - n ln2/8 (rr2, or rr1) */
SIG256_AI __m256 sig256_reduce(__m256 z, __m256 zl, int fold, int rr1, __m256i *nb) {
  const __m256 magic = _mm256_set1_ps(0x1.8p23f);
  __m256 n = _mm256_fmadd_ps(z, _mm256_set1_ps(ACT_SIGEXP_L8_LOG2E), magic);
  *nb = _mm256_castps_si256(n);
  n = _mm256_sub_ps(n, magic);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(ACT_SIGEXP_L8_LN2HI), z);
  if (!rr1) r = _mm256_fnmadd_ps(n, _mm256_set1_ps(ACT_SIGEXP_L8_LN2LO), r);
  if (fold) r = _mm256_add_ps(r, zl);
  return r;
}

/* p(r) ~= exp(r), lut8-p3, coefficients times sc */
SIG256_AI __m256 sig256_p3(__m256 r, float sc) {
  __m256 p = _mm256_fmadd_ps(_mm256_set1_ps(ACT_SIGEXP_LUT8_P3_C3 * sc), r,
                             _mm256_set1_ps(ACT_SIGEXP_LUT8_P3_C2 * sc));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(ACT_SIGEXP_LUT8_P3_C1 * sc));
  return _mm256_fmadd_ps(p, r, _mm256_set1_ps(ACT_SIGEXP_LUT8_P3_C0 * sc));
}

/* form 1: P = 2^-36 exp(r), si = 2^(-k-36) 2^(-j/8), z in [-110, 60] */
SIG256_AI __m256 sig256_exp_inv(__m256 z, __m256 zl, int fold, int rr1, const sig256_tab *t,
                                __m256 *si) {
  __m256i nb;
  __m256 r = sig256_reduce(z, zl, fold, rr1, &nb);
  __m256i h = _mm256_permutevar8x32_epi32(t->inv, nb);
  *si = _mm256_castsi256_ps(_mm256_sub_epi32(h, _mm256_slli_epi32(nb, 20)));
  return sig256_p3(r, 0x1p-36f);
}

/* form 2: e' = exp(z + zl) 2^40 for z in [-110, 0] */
SIG256_AI __m256 sig256_exp_scaled(__m256 z, __m256 zl, int fold, const sig256_tab *t) {
  __m256i nb;
  __m256 r = sig256_reduce(z, zl, fold, 0, &nb);
  __m256i h = _mm256_permutevar8x32_epi32(t->h, nb);
  __m256 s = _mm256_castsi256_ps(_mm256_add_epi32(h, _mm256_slli_epi32(nb, 20)));
  return _mm256_mul_ps(s, sig256_p3(r, 1.0f));
}

/* form 2 as a double-float eh + el (z in [-110, 0]): lut8 hi and lo, the
 * degree-5 polynomial q = r + r^2 (c2 + ... + c5 r^3) (|q| < 0.045: its
 * rounding is below 2^-29 of e), c = T_hi q + T_lo, E + El = T_hi + c
 * (Fast2Sum), both times 2^(k + 40). */
SIG256_AI void sig256_exp_dd(__m256 z, __m256 zl, int fold, const sig256_tab *t, __m256 *eh,
                             __m256 *el) {
  __m256i nb;
  __m256 r = sig256_reduce(z, zl, fold, 0, &nb);
  __m256 th = _mm256_permutevar8x32_ps(t->th, nb);
  __m256 tl = _mm256_permutevar8x32_ps(t->tl, nb);
  __m256i kb = _mm256_and_si256(_mm256_slli_epi32(nb, 20), _mm256_set1_epi32((int)0xff800000u));
  __m256 sc = _mm256_castsi256_ps(_mm256_add_epi32(kb, _mm256_set1_epi32((127 + SIG_S) << 23)));
  __m256 u = _mm256_fmadd_ps(_mm256_set1_ps(ACT_SIGEXP_LUT8_P5_C5), r,
                             _mm256_set1_ps(ACT_SIGEXP_LUT8_P5_C4));
  u = _mm256_fmadd_ps(u, r, _mm256_set1_ps(ACT_SIGEXP_LUT8_P5_C3));
  u = _mm256_fmadd_ps(u, r, _mm256_set1_ps(ACT_SIGEXP_LUT8_P5_C2));
  __m256 q = _mm256_fmadd_ps(_mm256_mul_ps(r, r), u, r);
  __m256 c = _mm256_fmadd_ps(th, q, tl);
  __m256 E = _mm256_add_ps(th, c);
  __m256 El = _mm256_sub_ps(c, _mm256_sub_ps(E, th));
  *eh = _mm256_mul_ps(E, sc);
  *el = _mm256_mul_ps(El, sc);
}

/* (nh + nl) / (dh + dl): rcpps, one Newton step on the reciprocal (relative
 * error ~2^-22.8), one on the quotient with the double-float residual. */
SIG256_AI __m256 sig256_div_dd(__m256 nh, __m256 nl, __m256 dh, __m256 dl) {
  const __m256 one = _mm256_set1_ps(1.0f);
  __m256 rc = _mm256_rcp_ps(dh);
  rc = _mm256_fmadd_ps(_mm256_fnmadd_ps(rc, dh, one), rc, rc);
  __m256 q0 = _mm256_mul_ps(nh, rc);
  __m256 res = _mm256_fnmadd_ps(q0, dh, nh); /* exact */
  res = _mm256_add_ps(res, nl);
  res = _mm256_fnmadd_ps(q0, dl, res);
  return _mm256_fmadd_ps(res, rc, q0);
}

/* lanes below n (< 8) all ones */
SIG256_AI __m256i sig256_tail(size_t n) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

/* ---- loops (as in sigmoid_avx512.h), 8 floats a vector */
#define SIG256_FWD_LOOP(U, VEC)                                                    \
  do {                                                                             \
    size_t i_ = 0;                                                                 \
    for (; i_ + 8 * (U) <= n; i_ += 8 * (U)) {                                     \
      __m256 vv_[U];                                                               \
      for (int u_ = 0; u_ < (U); u_++) vv_[u_] = _mm256_loadu_ps(x + i_ + 8 * u_); \
      for (int u_ = 0; u_ < (U); u_++) {                                           \
        __m256 v = vv_[u_];                                                        \
        vv_[u_] = VEC;                                                             \
      }                                                                            \
      for (int u_ = 0; u_ < (U); u_++) _mm256_storeu_ps(y + i_ + 8 * u_, vv_[u_]); \
    }                                                                              \
    for (; i_ + 8 <= n; i_ += 8) {                                                 \
      __m256 v = _mm256_loadu_ps(x + i_);                                          \
      _mm256_storeu_ps(y + i_, VEC);                                               \
    }                                                                              \
    if (i_ < n) {                                                                  \
      __m256i m_ = sig256_tail(n - i_);                                            \
      __m256 v = _mm256_maskload_ps(x + i_, m_);                                   \
      _mm256_maskstore_ps(y + i_, m_, VEC);                                        \
    }                                                                              \
  } while (0)

#define SIG256_BWD_LOOP(U, IN, VEC)                                                 \
  do {                                                                              \
    size_t i_ = 0;                                                                  \
    for (; i_ + 8 * (U) <= n; i_ += 8 * (U)) {                                      \
      __m256 vv_[U], gg_[U];                                                        \
      for (int u_ = 0; u_ < (U); u_++) vv_[u_] = _mm256_loadu_ps(IN + i_ + 8 * u_); \
      for (int u_ = 0; u_ < (U); u_++) gg_[u_] = _mm256_loadu_ps(dy + i_ + 8 * u_); \
      for (int u_ = 0; u_ < (U); u_++) {                                            \
        __m256 v = vv_[u_], g = gg_[u_];                                            \
        vv_[u_] = VEC;                                                              \
      }                                                                             \
      for (int u_ = 0; u_ < (U); u_++) _mm256_storeu_ps(dx + i_ + 8 * u_, vv_[u_]); \
    }                                                                               \
    for (; i_ + 8 <= n; i_ += 8) {                                                  \
      __m256 v = _mm256_loadu_ps(IN + i_), g = _mm256_loadu_ps(dy + i_);            \
      _mm256_storeu_ps(dx + i_, VEC);                                               \
    }                                                                               \
    if (i_ < n) {                                                                   \
      __m256i m_ = sig256_tail(n - i_);                                             \
      __m256 v = _mm256_maskload_ps(IN + i_, m_);                                   \
      __m256 g = _mm256_maskload_ps(dy + i_, m_);                                   \
      _mm256_maskstore_ps(dx + i_, m_, VEC);                                        \
    }                                                                               \
  } while (0)

#endif
