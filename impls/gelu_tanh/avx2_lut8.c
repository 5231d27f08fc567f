/* actbench: gelu_tanh with AVX2 and FMA intrinsics, the algorithm of
 * impls/gelu_tanh/gelu_tanh_body.h on 8 floats.
 *
 * gelu_tanh.avx2.dd-rr2-lut8-p4-nr1fma: x sigma(2u) with 2u as a
 *   double-float, exp by an 8-entry table read with one vpermps (lut8) and
 *   the degree-4 polynomial of the tanh kernels (impls/tanh/coeffs_tanh_exp.h),
 *   1/(1+e) by vrcpps and one Newton step with FMA, then refined through the
 *   exact residual.  Without vscalefps, 2^j is built in the exponent field:
 *   2^max(j, -126) for e inside 1 + e (where a smaller e no longer matters)
 *   and the result as (g 2^(j-b)) 2^b, b = max(j, -126): the first product
 *   is exact (g >= 9 where j < -126), so a subnormal result is rounded
 *   once.  Backward from x, with the window polynomial around the
 *   derivative's root.  Its f reaches 1 ulp at x ~ -2^-125, presumably where the
 *   correction terms (the result times 2^-23) fall below 2^-149 (AVX-512
 *   keeps 0.77 ulp: its vrcp14ps residual is larger, 2^-14).
 * gelu_tanh.avx2.rr2-lut8-p4-div: the fast variant (gt_fwd_fast,
 *   gt_bwd_fast): 2u in float, 1/(1+e) by a true division, plain products.
 * The tail (n mod 8) through vmaskmovps. */
#include <immintrin.h>
#include <stdint.h>

#include "kernels.h"
#include "tanh/coeffs_tanh_exp.h"

typedef __m256 GV;
typedef __m256 GM;
typedef struct {
  __m256 sj, sa; /* 2^max(j, -126), 2^(j - max(j, -126)) */
} gt_scale;
typedef struct {
  __m256 pos, rel;
} gt_tables;

#define G_SET1(c) _mm256_set1_ps(c)
#define G_ADD _mm256_add_ps
#define G_SUB _mm256_sub_ps
#define G_MUL _mm256_mul_ps
#define G_DIV _mm256_div_ps
#define G_MIN _mm256_min_ps
#define G_MAX _mm256_max_ps
#define G_FMA _mm256_fmadd_ps
#define G_FMS _mm256_fmsub_ps
#define G_FNMA _mm256_fnmadd_ps
#define G_AND _mm256_and_ps
#define G_OR _mm256_or_ps
#define G_XOR _mm256_xor_ps
#define G_ANDNOT _mm256_andnot_ps
#define G_LT(a, b) _mm256_cmp_ps(a, b, _CMP_LT_OQ)
#define G_GT(a, b) _mm256_cmp_ps(a, b, _CMP_GT_OQ)
#define G_AND_M(a, b) _mm256_and_ps(a, b)
#define G_BLEND(m, a, b) _mm256_blendv_ps(a, b, m)
#define G_BLEND_SIGN(x, a, b) _mm256_blendv_ps(a, b, x)
#define G_SCALE_E(t, s) _mm256_mul_ps(t, (s).sj)
#define G_SCALE_OUT(g, s) _mm256_mul_ps(_mm256_mul_ps(g, (s).sa), (s).sj)

/* vrcpps (12 bits) and one Newton step: 2^-23 */
static inline __m256 G_RCP(__m256 d) {
  __m256 r = _mm256_rcp_ps(d);
  return _mm256_fmadd_ps(r, _mm256_fnmadd_ps(d, r, _mm256_set1_ps(1.0f)), r);
}

/* e^(zh + zl) = 2^j t (1 + w), zh <= 0 (>= -115): k = round(zh 8/ln 2),
 * r = zh - k ln2/8 (rr2) + zl, exp(r) = 1 + r' q(r') with r' = -r/2 (the
 * tanh kernels' degree-4 exp(-2r') polynomial, relative error 2^-32),
 * t = 2^(i/8) and its rounding error rel, i = k mod 8, j = floor(k/8). */
__attribute__((always_inline)) static inline void gt_exp(GV zh, GV zl, const gt_tables *c, GV *t,
                                                         GV *w, gt_scale *s) {
  const __m256 magic = _mm256_set1_ps(0x1.8p23f);
  __m256 kb = _mm256_fmadd_ps(zh, _mm256_set1_ps(-0.5f * TANH_M2N_LN2_8), magic);
  __m256 kf = _mm256_sub_ps(kb, magic);
  __m256 r = _mm256_fnmadd_ps(kf, _mm256_set1_ps(2.0f * TANH_LN2_2N_8_HI), zh);
  r = _mm256_fnmadd_ps(kf, _mm256_set1_ps(2.0f * TANH_LN2_2N_8_LO), r);
  __m256 rp = _mm256_mul_ps(_mm256_add_ps(r, zl), _mm256_set1_ps(-0.5f));
  __m256i kbi = _mm256_castps_si256(kb);
  __m256 q = _mm256_fmadd_ps(_mm256_set1_ps(TANH_EXPM2_LUT8P4_Q3), rp,
                             _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q2));
  q = _mm256_fmadd_ps(q, rp, _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q1));
  q = _mm256_fmadd_ps(q, rp, _mm256_set1_ps(TANH_EXPM2_LUT8P4_Q0));
  *w = _mm256_fmadd_ps(rp, q, _mm256_permutevar8x32_ps(c->rel, kbi));
  *t = _mm256_permutevar8x32_ps(c->pos, kbi);
  /* j << 23 from k's bits: (k << 20) with i's bits cleared (j >= -166) */
  __m256i j23 = _mm256_and_si256(_mm256_slli_epi32(kbi, 20), _mm256_set1_epi32((int)0xff800000u));
  __m256i jb = _mm256_max_epi32(j23, _mm256_set1_epi32(-126 * (1 << 23)));
  s->sj = _mm256_castsi256_ps(_mm256_add_epi32(jb, _mm256_set1_epi32(127 << 23)));
  s->sa = _mm256_castsi256_ps(
      _mm256_add_epi32(_mm256_sub_epi32(j23, jb), _mm256_set1_epi32(127 << 23)));
}

/* the fast variant: a true division (vrcpps and one Newton step miss 1/1
 * and 1/2, which f(FLT_MAX) and f'(0) need exactly) */
#define G_RCP_NR(d) _mm256_div_ps(_mm256_set1_ps(1.0f), d)

#include "gelu_tanh/gelu_tanh_body.h"

static inline gt_tables gt_tables_load(void) {
  static const float t[8] = TANH_LUT8;
  static const float rel[8] = TANH_LUT8_REL;
  gt_tables c;
  c.pos = _mm256_loadu_ps(t);
  c.rel = _mm256_loadu_ps(rel);
  return c;
}

static inline __m256i gt_tail_mask(size_t m) {
  const __m256i idx = _mm256_set_epi32(7, 6, 5, 4, 3, 2, 1, 0);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)m), idx);
}

/* The loops: whole vectors, then the tail under a mask; f' = dy * g(x). */
#define GT_KERNELS(name, fwdfn, bwdfn)                                                             \
  void act_gelu_tanh_avx2_##name##_fwd(const float *x, float *y, size_t n, const act_params *p) {  \
    (void)p;                                                                                       \
    const gt_tables c = gt_tables_load();                                                          \
    size_t i = 0;                                                                                  \
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, fwdfn(_mm256_loadu_ps(x + i), &c));         \
    if (i < n) {                                                                                   \
      __m256i m = gt_tail_mask(n - i);                                                             \
      _mm256_maskstore_ps(y + i, m, fwdfn(_mm256_maskload_ps(x + i, m), &c));                      \
    }                                                                                              \
  }                                                                                                \
  void act_gelu_tanh_avx2_##name##_bwd(const float *x, const float *y, const float *dy, float *dx, \
                                       size_t n, const act_params *p) {                            \
    (void)p;                                                                                       \
    (void)y;                                                                                       \
    const gt_tables c = gt_tables_load();                                                          \
    size_t i = 0;                                                                                  \
    for (; i + 8 <= n; i += 8) {                                                                   \
      __m256 g = bwdfn(_mm256_loadu_ps(x + i), &c);                                                \
      _mm256_storeu_ps(dx + i, _mm256_mul_ps(_mm256_loadu_ps(dy + i), g));                         \
    }                                                                                              \
    if (i < n) {                                                                                   \
      __m256i m = gt_tail_mask(n - i);                                                             \
      __m256 g = bwdfn(_mm256_maskload_ps(x + i, m), &c);                                          \
      _mm256_maskstore_ps(dx + i, m, _mm256_mul_ps(_mm256_maskload_ps(dy + i, m), g));             \
    }                                                                                              \
  }

GT_KERNELS(lut8, gt_fwd, gt_bwd)
GT_KERNELS(lut8_fast, gt_fwd_fast, gt_bwd_fast)
