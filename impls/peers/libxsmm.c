/* actbench peer: libxsmm 1.17's activation approximations (libxsmm-dev), the
 * ones its header libxsmm_intrinsics_x86.h offers as inline AVX-512
 * functions and its scalar libxsmm_stanh_pade78 (libxsmm_math.h), called
 * from C as a libxsmm user would: no JIT, no library call, nothing linked.
 *
 * What the header computes (read from it; the names are its macros):
 *   MM512_TANH_PS_RATIONAL_78  x (36x^6 + 6930x^4 + 270270x^2 + 2027025) /
 *                              (x^8 + 630x^6 + 51975x^4 + 945945x^2 + 2027025),
 *                              the [7/8] Pade approximant of tanh at 0, Horner
 *                              with FMA, the division as a multiplication by
 *                              _mm512_rcp14_ps (2^-14 relative, no Newton
 *                              step); +-1 where x > 4.97 / x < -4.97
 *   MM512_TANH_PS_RATIONAL_32  x (1 + x^2/27) / (1 + x^2/3), rcp14; +-1
 *                              beyond +-3.2
 *   MM512_TANH_PS_EXP2 / EXP3  1 - 2/(e^{2x} + 1): t = 2 log2(e) x + 0.5
 *                              (log2 e as 1.442695), f = t - floor(t), 2^f
 *                              by a degree-2 (EXP2) or degree-3 (EXP3)
 *                              polynomial in f, scaled by 2^floor(t) with
 *                              _mm512_scalef_ps, the reciprocal by rcp14
 *   MM512_TANH_PS_MINIMAX2 / 3 piecewise minimax polynomials of degree 2 / 3
 *                              in |x|, 16 pieces picked by the float's bits
 *                              (bits >> 22 clamped to [246, 261], so one
 *                              piece per half binade from 2^-9 to 2^-2 and
 *                              up to 8), coefficients from three / four
 *                              16-lane tables (_mm512_permutexvar_ps), the
 *                              sign put back with xor
 *   libxsmm_stanh_pade78       the same [7/8] Pade approximant in scalar C
 *                              with a true division; its clamp compares the
 *                              result, not x, with +-4.97 (a result is never
 *                              that large), so it never clamps: beyond
 *                              |x| ~ 5.7 the rational falls back towards
 *                              36/x (tanh 10 = 0.9999999959 comes out as
 *                              0.9979, tanh 100 as 0.345), and for
 *                              |x| > 1.8e19, where x^8 overflows, it
 *                              gives NaN.
 * libxsmm's sigmoid is tanh in disguise: its fused fully-connected
 * templates (libxsmm_dnn_fullyconnected_st_fwd_*.tpl.c, FUSE_SIGMOID, "we
 * are using Pade 7/8 approximation") compute 0.5 (tanh78(x/2) + 1), with
 * MM512_TANH_PS_RATIONAL_78 on blocks of 32 and libxsmm_stanh_pade78 on the
 * rest; both are here.  The slope a is applied as a x first.
 *
 * Not here: GELU.  libxsmm 1.17 has no GELU function a C program can call:
 * the header and libxsmm_math.h have none, and libxsmm_typedefs.h only
 * names LIBXSMM_MELTW_FLAG_CBIASACT_ACT_GELU, a flag of the JIT's fused
 * bias+activation descriptor for which 1.17's generator
 * (generator_mateltwise_avx_avx512.c) emits no code (only tanh and sigmoid,
 * both with the 7/8 Pade rational).  No derivatives either (the header has
 * none), so every entry is forward only.
 *
 * Claims: none.  libxsmm documents no error bound for any of these (the
 * header's only comment is "SVML-intrinsics"), so fwd_ulp is NAN, "no
 * documented bound".
 *
 * The header's AVX-512 functions carry target("avx2,fma,avx512f,avx512cd")
 * (LIBXSMM_INTRINSICS(LIBXSMM_X86_AVX512)); the loops below have the same
 * attribute, this file is compiled without -m flags, and they run only after
 * act_cpu_has_avx512() (F, DQ, BW, VL; every such CPU has CD) said yes.  The
 * tail of a call is a masked load (zeros in the unused lanes) and a masked
 * store. */
#include <immintrin.h>
#include <libxsmm_intrinsics_x86.h>
#include <libxsmm_math.h>
#include <libxsmm_version.h>
#include <math.h>
#include <stddef.h>

#include "registry.h"

#define XT LIBXSMM_INTRINSICS(LIBXSMM_X86_AVX512)

/* one loop per vector function f(V) -> V */
#define XSMM_LOOP(fn, f)                                                             \
  XT static void fn##_fwd(const float *x, float *y, size_t n, const act_params *p) { \
    (void)p;                                                                         \
    size_t i = 0;                                                                    \
    for (; i + 16 <= n; i += 16) _mm512_storeu_ps(y + i, f(_mm512_loadu_ps(x + i))); \
    if (i < n) {                                                                     \
      __mmask16 m = (__mmask16)((1u << (n - i)) - 1u);                               \
      _mm512_mask_storeu_ps(y + i, m, f(_mm512_maskz_loadu_ps(m, x + i)));           \
    }                                                                                \
  }
XSMM_LOOP(tanh_r78, LIBXSMM_INTRINSICS_MM512_TANH_PS_RATIONAL_78)
XSMM_LOOP(tanh_r32, LIBXSMM_INTRINSICS_MM512_TANH_PS_RATIONAL_32)
XSMM_LOOP(tanh_exp2, LIBXSMM_INTRINSICS_MM512_TANH_PS_EXP2)
XSMM_LOOP(tanh_exp3, LIBXSMM_INTRINSICS_MM512_TANH_PS_EXP3)
XSMM_LOOP(tanh_mm2, LIBXSMM_INTRINSICS_MM512_TANH_PS_MINIMAX2)
XSMM_LOOP(tanh_mm3, LIBXSMM_INTRINSICS_MM512_TANH_PS_MINIMAX3)

/* sigmoid as the fully-connected template writes it, on a x */
XT static inline __m512 sig_r78(__m512 x, __m512 a) {
  const __m512 half = _mm512_set1_ps(0.5f), one = _mm512_set1_ps(1.0f);
  __m512 t = _mm512_mul_ps(_mm512_mul_ps(a, x), half);
  return _mm512_mul_ps(_mm512_add_ps(LIBXSMM_INTRINSICS_MM512_TANH_PS_RATIONAL_78(t), one), half);
}
XT static void sigmoid_r78_fwd(const float *x, float *y, size_t n, const act_params *p) {
  const __m512 a = _mm512_set1_ps(p->a);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) _mm512_storeu_ps(y + i, sig_r78(_mm512_loadu_ps(x + i), a));
  if (i < n) {
    __mmask16 m = (__mmask16)((1u << (n - i)) - 1u);
    _mm512_mask_storeu_ps(y + i, m, sig_r78(_mm512_maskz_loadu_ps(m, x + i), a));
  }
}

/* the scalar function, and the template's scalar sigmoid with it */
static void tanh_pade78_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = libxsmm_stanh_pade78(x[i]);
}
static void sigmoid_pade78_fwd(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) y[i] = (libxsmm_stanh_pade78(a * x[i] / 2.0f) + 1.0f) / 2.0f;
}

static int has_avx512(void) {
  return act_cpu_has_avx512();
}
static int always(void) {
  return 1;
}

#define ACT_STR_(v) #v
#define ACT_STR(v) ACT_STR_(v)
/* forward only; NaN in, NaN out (measured: every one passes a NaN on);
 * "none" documented: the claims are NAN */
#define XSMM(act, isa, alg, fn, avail, flags, note)                                              \
  {                                                                                              \
#act, #act "." #isa ".libxsmm-" alg, #isa, "libxsmm", NAN, NAN, fn##_fwd, NULL, avail, NULL, \
        flags, note                                                                              \
  }
static const act_impl libxsmm_impls[] = {
    XSMM(tanh, avx512, "rational78", tanh_r78, has_avx512, ACT_NAN_FWD,
         "libxsmm MM512_TANH_PS_RATIONAL_78: [7/8] Pade of tanh, rcp14 (no Newton), +-1 beyond "
         "+-4.97; no documented bound"),
    XSMM(tanh, avx512, "rational32", tanh_r32, has_avx512, ACT_NAN_FWD,
         "libxsmm MM512_TANH_PS_RATIONAL_32: x(1+x^2/27)/(1+x^2/3), rcp14, +-1 beyond +-3.2; no "
         "documented bound"),
    XSMM(tanh, avx512, "exp2", tanh_exp2, has_avx512, ACT_NAN_FWD,
         "libxsmm MM512_TANH_PS_EXP2: 1-2/(e^2x+1), 2^f degree-2 polynomial, scalef, rcp14; no "
         "documented bound"),
    XSMM(tanh, avx512, "exp3", tanh_exp3, has_avx512, ACT_NAN_FWD,
         "libxsmm MM512_TANH_PS_EXP3: 1-2/(e^2x+1), 2^f degree-3 polynomial, scalef, rcp14; no "
         "documented bound"),
    XSMM(tanh, avx512, "minimax2", tanh_mm2, has_avx512, ACT_NAN_FWD,
         "libxsmm MM512_TANH_PS_MINIMAX2: 16-piece quadratic minimax in |x| from a permute "
         "table; no documented bound"),
    XSMM(tanh, avx512, "minimax3", tanh_mm3, has_avx512, ACT_NAN_FWD | ACT_NAN_SPURIOUS,
         "libxsmm MM512_TANH_PS_MINIMAX3: 16-piece cubic minimax in |x| from a permute table; "
         "no documented bound"),
    XSMM(sigmoid, avx512, "rational78", sigmoid_r78, has_avx512, ACT_NAN_FWD,
         "libxsmm's fused-FC sigmoid: 0.5 (MM512_TANH_PS_RATIONAL_78(a x/2) + 1); no documented "
         "bound"),
    XSMM(tanh, scalar, "stanh-pade78", tanh_pade78, always, ACT_NAN_FWD | ACT_NAN_SPURIOUS,
         "libxsmm_stanh_pade78: [7/8] Pade, true division; its clamp tests the result, not x, "
         "so never fires (-> 36/x for large |x|, NaN beyond |x| ~ 1.8e19); no documented bound"),
    XSMM(sigmoid, scalar, "stanh-pade78", sigmoid_pade78, always, ACT_NAN_FWD | ACT_NAN_SPURIOUS,
         "libxsmm's fused-FC scalar sigmoid: (libxsmm_stanh_pade78(a x/2) + 1)/2 (unclamped "
         "tanh: -> 0.5 for large |x|, NaN beyond |x| ~ 3.7e19); no documented bound"),
};

const act_impl_table act_peer_libxsmm = {
    libxsmm_impls, sizeof libxsmm_impls / sizeof libxsmm_impls[0],
    "libxsmm " LIBXSMM_CONFIG_VERSION
    " (libxsmm_intrinsics_x86.h and libxsmm_math.h, inline; no "
    "JIT)",
    "libxsmm's headers state no accuracy for its activation approximations (their only comment "
    "is \"SVML-intrinsics\"): no documented bound"};
