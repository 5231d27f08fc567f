/* actbench: gelu_tanh with AVX-512 intrinsics, the algorithm of
 * impls/gelu_tanh/gelu_tanh_body.h on 16 floats.
 *
 * gelu_tanh.avx512.dd-rr2-lut16-p3-rcp14: x sigma(2u) with 2u as a
 *   double-float, exp by a 16-entry table read with one vpermps (lut16, the
 *   table and the degree-3 polynomial of the tanh kernels,
 *   impls/tanh/coeffs_tanh_exp.h), vscalefps for 2^j (a subnormal result is
 *   rounded once), 1/(1+e) by vrcp14ps refined through the exact residual
 *   (the Newton step folded into the final double-float products).
 *   Backward from x, with the window polynomial around the derivative's
 *   root.
 * gelu_tanh.avx512.rr2-lut16-p3-nr1fma: the fast variant (gt_fwd_fast,
 *   gt_bwd_fast): 2u in float, 1/(1+e) by vrcp14ps and one Newton step,
 *   plain products.
 * The tail (n mod 16) through masked loads and stores. */
#include <immintrin.h>

#include "kernels.h"
#include "tanh/coeffs_tanh_exp.h"

typedef __m512 GV;
typedef __mmask16 GM;
typedef __m512 gt_scale; /* j as a float, for vscalefps */
typedef struct {
  __m512 pos, rel;
} gt_tables;

#define G_SET1(c) _mm512_set1_ps(c)
#define G_ADD _mm512_add_ps
#define G_SUB _mm512_sub_ps
#define G_MUL _mm512_mul_ps
#define G_DIV _mm512_div_ps
#define G_MIN _mm512_min_ps
#define G_MAX _mm512_max_ps
#define G_FMA _mm512_fmadd_ps
#define G_FMS _mm512_fmsub_ps
#define G_FNMA _mm512_fnmadd_ps
#define G_AND _mm512_and_ps
#define G_OR _mm512_or_ps
#define G_XOR _mm512_xor_ps
#define G_ANDNOT _mm512_andnot_ps
#define G_LT(a, b) _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ)
#define G_GT(a, b) _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ)
#define G_AND_M(a, b) ((GM)((a) & (b)))
#define G_BLEND(m, a, b) _mm512_mask_blend_ps(m, a, b)
#define G_BLEND_SIGN(x, a, b) \
  _mm512_mask_blend_ps(_mm512_movepi32_mask(_mm512_castps_si512(x)), a, b)
#define G_RCP _mm512_rcp14_ps
static inline __m512 G_RCP_NR(__m512 d) {
  __m512 r = _mm512_rcp14_ps(d);
  return _mm512_fmadd_ps(r, _mm512_fnmadd_ps(d, r, _mm512_set1_ps(1.0f)), r);
}
#define G_SCALE_E(t, j) _mm512_scalef_ps(t, j)
#define G_SCALE_OUT(g, j) _mm512_scalef_ps(g, j)

/* e^(zh + zl) = 2^j t (1 + w), zh <= 0 (>= -115): k = round(zh 16/ln 2),
 * r = zh - k ln2/16 (rr2) + zl, exp(r) = 1 + r' q(r') with r' = -r/2 (the
 * tanh kernels' exp(-2r') polynomial, relative error 2^-29), t = 2^(i/16)
 * and its rounding error rel, i = k mod 16, j = floor(k/16). */
__attribute__((always_inline)) static inline void gt_exp(GV zh, GV zl, const gt_tables *c, GV *t,
                                                         GV *w, gt_scale *j) {
  const __m512 magic = _mm512_set1_ps(0x1.8p23f);
  __m512 kb = _mm512_fmadd_ps(zh, _mm512_set1_ps(-0.5f * TANH_M2N_LN2_16), magic);
  __m512 kf = _mm512_sub_ps(kb, magic);
  __m512 r = _mm512_fnmadd_ps(kf, _mm512_set1_ps(2.0f * TANH_LN2_2N_16_HI), zh);
  r = _mm512_fnmadd_ps(kf, _mm512_set1_ps(2.0f * TANH_LN2_2N_16_LO), r);
  __m512 rp = _mm512_mul_ps(_mm512_add_ps(r, zl), _mm512_set1_ps(-0.5f));
  __m512i kbi = _mm512_castps_si512(kb);
  __m512 q =
      _mm512_fmadd_ps(_mm512_set1_ps(TANH_EXPM2_LUT16_Q2), rp, _mm512_set1_ps(TANH_EXPM2_LUT16_Q1));
  q = _mm512_fmadd_ps(q, rp, _mm512_set1_ps(TANH_EXPM2_LUT16_Q0));
  *w = _mm512_fmadd_ps(rp, q, _mm512_permutexvar_ps(kbi, c->rel));
  *t = _mm512_permutexvar_ps(kbi, c->pos);
  *j = _mm512_roundscale_ps(_mm512_mul_ps(kf, _mm512_set1_ps(0.0625f)),
                            _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
}

#include "gelu_tanh/gelu_tanh_body.h"

static inline gt_tables gt_tables_load(void) {
  static const float t[16] = TANH_LUT16;
  static const float rel[16] = TANH_LUT16_REL;
  gt_tables c;
  c.pos = _mm512_loadu_ps(t);
  c.rel = _mm512_loadu_ps(rel);
  return c;
}

/* The loops: whole vectors, then the tail under a mask; f' = dy * g(x). */
#define GT_KERNELS(name, fwdfn, bwdfn)                                                       \
  void act_gelu_tanh_avx512_##name##_fwd(const float *x, float *y, size_t n,                 \
                                         const act_params *p) {                              \
    (void)p;                                                                                 \
    const gt_tables c = gt_tables_load();                                                    \
    size_t i = 0;                                                                            \
    for (; i + 16 <= n; i += 16) _mm512_storeu_ps(y + i, fwdfn(_mm512_loadu_ps(x + i), &c)); \
    if (i < n) {                                                                             \
      __mmask16 m = (__mmask16)((1u << (n - i)) - 1u);                                       \
      _mm512_mask_storeu_ps(y + i, m, fwdfn(_mm512_maskz_loadu_ps(m, x + i), &c));           \
    }                                                                                        \
  }                                                                                          \
  void act_gelu_tanh_avx512_##name##_bwd(const float *x, const float *y, const float *dy,    \
                                         float *dx, size_t n, const act_params *p) {         \
    (void)p;                                                                                 \
    (void)y;                                                                                 \
    const gt_tables c = gt_tables_load();                                                    \
    size_t i = 0;                                                                            \
    for (; i + 16 <= n; i += 16) {                                                           \
      __m512 g = bwdfn(_mm512_loadu_ps(x + i), &c);                                          \
      _mm512_storeu_ps(dx + i, _mm512_mul_ps(_mm512_loadu_ps(dy + i), g));                   \
    }                                                                                        \
    if (i < n) {                                                                             \
      __mmask16 m = (__mmask16)((1u << (n - i)) - 1u);                                       \
      __m512 g = bwdfn(_mm512_maskz_loadu_ps(m, x + i), &c);                                 \
      _mm512_mask_storeu_ps(dx + i, m, _mm512_mul_ps(_mm512_maskz_loadu_ps(m, dy + i), g));  \
    }                                                                                        \
  }

GT_KERNELS(lut16, gt_fwd, gt_bwd)
GT_KERNELS(lut16_fast, gt_fwd_fast, gt_bwd_fast)
