/* actbench peer: SLEEF (https://sleef.org), the vectorized math library that
 * PyTorch's CPU kernels call through at::vec::Vectorized<float>.
 *
 * Each activation is written the way PyTorch's ATen CPU kernels write it
 * (aten/src/ATen/native/cpu/{UnaryOpsKernel,Activation,GeluKernel}.cpp and
 * aten/src/ATen/cpu/vec/vec512/vec512_float.h, read for the formulas, no code
 * copied), on SLEEF's vector functions with the accuracy class PyTorch uses
 * (u10: within 1.0 ulp; u35: within 3.5 ulp):
 *   sigmoid     1/(1 + exp(-a x))                       f' = a y (1 - y)
 *   tanh        tanh x                                  f' = 1 - y^2
 *   elu         x > 0 ? x : a expm1(x)                  f' = x > 0 ? 1 : a exp(x)
 *   selu        x > 0 ? l x : l al expm1(x)             f' = x > 0 ? l : l al exp(x)
 *   gelu        x/2 (1 + erf(x/sqrt 2))                 f' = cdf + x exp(-x^2/2)/sqrt(2 pi)
 *   gelu_tanh   x/2 (1 + tanh(k (x + c x^3)))           f' = (1+t)/2 + x/2 (1-t^2) k (1+3c x^2)
 *   silu        x / (1 + exp(-a x))                     f' = s (1 + a x (1 - s)), s = sigmoid
 *   softplus    a x > b ? x : log1p(exp(a x)) / a       f' = a x > b ? 1 : z/(z + 1), z = exp(a x)
 *   mish        x tanh(log1p(exp x))                    f' = t + x s (1 - t^2)
 *   logsigmoid  min(0, x) - log1p(exp(-|x|))           f' = x < 0 ? 1 - z/(1+z) : z/(1+z)
 * (selu: l, al the SELU constants as float, l al multiplied in float;
 * gelu_tanh: k = sqrt(2/pi), c = 0.044715, t = tanh(k (x + c x^3)), tanh u10.)
 * Deviations from PyTorch: at x = +-inf, where its formulas compute
 * inf * 0 = NaN, gelu, gelu_tanh, silu and mish (f and f') return the limit
 * (a blend that changes no finite input's result but, at most, the sign of
 * a zero; gelu_tanh's f' also for finite |x| >= 2^64, where x^2 overflows
 * and PyTorch's f' is NaN), so the suite's special-value check holds; and
 * PyTorch's Vectorized<float>::erf is its own polynomial, gelu here calls
 * SLEEF's erff (u10).
 *
 * Two versions of every kernel, chosen by actbench's dispatch (never by
 * SLEEF's own): AVX-512 on SLEEF's 16-lane ...f16_u10avx512f functions with
 * masked loads and stores for the tail, AVX2 on the 8-lane ...f8_u10avx2
 * functions with a padded local buffer for the tail.  This file is compiled
 * without -m flags: only the functions marked TARGET contain AVX code, and
 * they run only after act_cpu_has_avx512()/act_cpu_has_avx2() said yes.
 * sleef.h declares its AVX/AVX-512 functions only under __AVX__/__AVX512F__,
 * so the few used here are declared below with the header's signatures.
 *
 * The kernels are written once: the file includes itself twice (second
 * half, after "#else"), once per ISA, with V (the vector type), M (a lane
 * mask), W (the width), the v* operations and the SLEEF names defined for
 * that ISA.
 *
 * Claims (table at the end): the bound SLEEF's documentation states, where
 * the kernel IS one SLEEF function, else none (NAN); never what we measured
 * (docs/accuracy.md, "Claims").  The measurements are kept beside each entry
 * as findings. */
#ifndef ACT_SLEEF_ISA

#include <immintrin.h>
#include <math.h>
#include <sleef.h>
#include <stddef.h>
#include <string.h>

#include "registry.h"

/* the version pkg-config reports (CMake), else the header's */
#ifndef ACT_SLEEF_VERSION
#define ACT_SLEEF_STR_(v) #v
#define ACT_SLEEF_STR(v) ACT_SLEEF_STR_(v)
#define ACT_SLEEF_VERSION            \
  ACT_SLEEF_STR(SLEEF_VERSION_MAJOR) \
  "." ACT_SLEEF_STR(SLEEF_VERSION_MINOR) "." ACT_SLEEF_STR(SLEEF_VERSION_PATCHLEVEL)
#endif

/* PyTorch's constants, taken as float as its float kernels take them.
 * selu: at::elu(x, SELU_ALPHA, SELU_SCALE) with the two as double constants,
 * negcoef = alpha * scale multiplied in float (elu_kernel).
 * gelu_tanh: kBeta = M_SQRT2 * M_2_SQRTPI * 0.5 (= sqrt(2/pi)) in double,
 * then float; kKappa = 0.044715. */
#define ACT_SELU_SCALE ((float)1.0507009873554804934193349852946)
#define ACT_SELU_ALPHA ((float)1.6732632423543772848170429916717)
#define ACT_SELU_NEGCOEF (ACT_SELU_ALPHA * ACT_SELU_SCALE)
#define ACT_GT_BETA ((float)(1.41421356237309504880 * 1.12837916709551257390 * 0.5))
#define ACT_GT_KAPPA ((float)0.044715)

/* SLEEF's functions used here (sleef.h hides them without -mavx2/-mavx512f) */
#define ACT_SLEEF_DECLARE(V, name) extern V name(V) __attribute__((const));
#define ACT_SLEEF_FUNCS(X, V, w, isa) \
  X(V, Sleef_expf##w##_u10##isa)      \
  X(V, Sleef_expm1f##w##_u10##isa)    \
  X(V, Sleef_log1pf##w##_u10##isa)    \
  X(V, Sleef_tanhf##w##_u10##isa)     \
  X(V, Sleef_tanhf##w##_u35##isa)     \
  X(V, Sleef_erff##w##_u10##isa)
ACT_SLEEF_FUNCS(ACT_SLEEF_DECLARE, __m512, 16, avx512f)
ACT_SLEEF_FUNCS(ACT_SLEEF_DECLARE, __m256, 8, avx2)

/* ---- AVX-512: 16 lanes, __mmask16 masks */
#define ACT_SLEEF_ISA avx512
#define TARGET __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,avx2,fma")))
#define W 16
#define V __m512
#define M __mmask16
#define vset1 _mm512_set1_ps
#define vzero _mm512_setzero_ps
#define vloadu _mm512_loadu_ps
#define vstoreu _mm512_storeu_ps
#define vadd _mm512_add_ps
#define vsub _mm512_sub_ps
#define vmul _mm512_mul_ps
#define vdiv _mm512_div_ps
#define vmin _mm512_min_ps
#define vand _mm512_and_ps
#define vabs _mm512_abs_ps
#define vcmp(a, b, pred) _mm512_cmp_ps_mask(a, b, pred)
#define vsel(m, t, f) _mm512_mask_blend_ps(m, f, t) /* m ? t : f */
#define S_EXP Sleef_expf16_u10avx512f
#define S_EXPM1 Sleef_expm1f16_u10avx512f
#define S_LOG1P Sleef_log1pf16_u10avx512f
#define S_TANH_U10 Sleef_tanhf16_u10avx512f
#define S_TANH_U35 Sleef_tanhf16_u35avx512f
#define S_ERF Sleef_erff16_u10avx512f
#include "sleef.c"
#undef ACT_SLEEF_ISA
#undef TARGET
#undef W
#undef V
#undef M
#undef vset1
#undef vzero
#undef vloadu
#undef vstoreu
#undef vadd
#undef vsub
#undef vmul
#undef vdiv
#undef vmin
#undef vand
#undef vabs
#undef vcmp
#undef vsel
#undef S_EXP
#undef S_EXPM1
#undef S_LOG1P
#undef S_TANH_U10
#undef S_TANH_U35
#undef S_ERF

/* ---- AVX2 + FMA: 8 lanes, masks are vectors of all-ones/all-zeros lanes */
#define ACT_SLEEF_ISA avx2
#define TARGET __attribute__((target("avx2,fma")))
#define W 8
#define V __m256
#define M __m256
#define vset1 _mm256_set1_ps
#define vzero _mm256_setzero_ps
#define vloadu _mm256_loadu_ps
#define vstoreu _mm256_storeu_ps
#define vadd _mm256_add_ps
#define vsub _mm256_sub_ps
#define vmul _mm256_mul_ps
#define vdiv _mm256_div_ps
#define vmin _mm256_min_ps
#define vand _mm256_and_ps
#define vabs(a) _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a)
#define vcmp(a, b, pred) _mm256_cmp_ps(a, b, pred)
#define vsel(m, t, f) _mm256_blendv_ps(f, t, m) /* m ? t : f */
#define S_EXP Sleef_expf8_u10avx2
#define S_EXPM1 Sleef_expm1f8_u10avx2
#define S_LOG1P Sleef_log1pf8_u10avx2
#define S_TANH_U10 Sleef_tanhf8_u10avx2
#define S_TANH_U35 Sleef_tanhf8_u35avx2
#define S_ERF Sleef_erff8_u10avx2
#include "sleef.c"

/* ---- the table */
static int act_sleef_has_avx512(void) {
  return act_cpu_has_avx512();
}
static int act_sleef_has_avx2(void) {
  return act_cpu_has_avx2();
}

#define NAN_BOTH (ACT_NAN_FWD | ACT_NAN_BWD)
/* What each backward kernel reads besides dy (activation.h): sigmoid and
 * tanh take f' from y as PyTorch does, the others from x. */
enum {
  sigmoid_reads = ACT_BWD_NO_X,
  tanh_u10_reads = ACT_BWD_NO_X,
  tanh_u35_reads = ACT_BWD_NO_X,
  elu_reads = ACT_BWD_NO_Y,
  selu_reads = ACT_BWD_NO_Y,
  gelu_reads = ACT_BWD_NO_Y,
  gelu_tanh_reads = ACT_BWD_NO_Y,
  silu_reads = ACT_BWD_NO_Y,
  softplus_reads = ACT_BWD_NO_Y,
  mish_reads = ACT_BWD_NO_Y,
  logsigmoid_reads = ACT_BWD_NO_Y
};
/* one entry; kernels <fn>_fwd_<isa> / <fn>_bwd_<isa> from the passes above */
#define SLEEF(act, isa, fn, alg, fu, bu, bwdf, note)                                          \
  {                                                                                           \
#act, #act "." #isa ".sleef-" alg, #isa, "sleef", fu, bu, fn##_fwd_##isa, fn##_bwd_##isa, \
        act_sleef_has_##isa, bwdf, NAN_BOTH | fn##_reads, note                                \
  }
#define SLEEF2(act, fn, alg, fu, bu, bwdf, note) \
  SLEEF(act, avx512, fn, alg, fu, bu, bwdf, note), SLEEF(act, avx2, fn, alg, fu, bu, bwdf, note)

/* Claims: SLEEF documents its functions' accuracy in their names and its
 * reference (https://sleef.org/purec.xhtml: "Sleef_tanhf_u10 ... hyperbolic
 * tangent functions with 1.0 ULP error bound", u35 "3.5 ULP"; the vector
 * functions of https://sleef.org/x86.xhtml, "Vectorized single precision
 * hyperbolic tangent function with 1.0 ULP error bound ... the same accuracy
 * specification").  A claim here is that bound, and only where the kernel,
 * with the default parameters and dy = 1, returns exactly one SLEEF
 * function's result:
 * - tanh f: Sleef_tanhf_u10 / _u35 itself: 1.0 / 3.5.  f' = 1 - y^2 from y
 *   is our arithmetic on SLEEF's output: none.
 * - elu (a = 1, the default): f = x for x > 0 (exact) and 1 * expm1f_u10(x)
 *   (the product by 1 is exact) for x <= 0; f' = dy for x > 0 and
 *   dy * 1 * expf_u10(x) (exact products with dy = 1): each is one u10
 *   function, 1.0 both ways.  Another a rounds a product: no bound then.
 * - everything else is PyTorch's formula around SLEEF's exp, expm1, log1p,
 *   tanh, erf (sigmoid, selu's scale, gelu, gelu_tanh, silu, softplus, mish,
 *   logsigmoid) or a derivative from y: SLEEF documents no bound for the
 *   composite, so none.
 * Findings (not claims), measured with the default parameters and dy = 1 on
 *   M: build/actbench accuracy --activation A --impl '*sleef*' (the sampled
 *      2^20 sweep against MPFR),
 *   R: build/actbench accuracy ... --lo X --hi Y (every float of the range
 *      against MPFR) around the worst spots,
 *   M11: the same with --samples 4194304 --seed 11,
 *   S: a screen against long double libm over every float with
 *      1/2 <= |x| < 128 and every 16th bit pattern elsewhere (tanh: every
 *      float below 16; selu: every x < 0 with 2^-30 <= |x| < 128;
 *      gelu_tanh: every float with 2^-12 <= |x| < 32), to find those spots;
 * the AVX2 and AVX-512 kernels give the same bits (test_peers_sleef_libmvec).
 * "2^24-class" errors are a tiny exact value computed as 0 or with the
 * wrong size: f' = y(1-y) or 1-y^2 once y has rounded to 1, exp(-x)
 * overflowing below x = -88.72 (sigmoid, silu), 1 + erf(x/sqrt 2)
 * cancelling (gelu).  They are the formulas' (PyTorch's), not SLEEF's. */
static const act_impl sleef_impls[] = {
    /* measured: M 2096336 / 16777212, S 2097151.5 / 16777215 (0 below x = -88.72 where the
     * exact value is subnormal; y(1-y) = 0 or 2^-24-sized where the exact f' is normal) */
    SLEEF2(sigmoid, sigmoid, "expf-u10", NAN, NAN, "a*y*(1-y)",
           "PyTorch: 1/(1+Sleef_expf_u10(-a x)); f' from y"),
    /* documented 1.0 ulp (Sleef_tanhf_u10); measured: M 1.0000000194, every float below 16
     * (and M on the negative side) 1.00000002 (x ~ 2^-24 gives x + 1 ulp): it exceeds its
     * bound by 2e-8 ulp; f' M 16777199, S 16777215 */
    SLEEF2(tanh, tanh_u10, "tanhf-u10", 1.0, NAN, "1-y*y",
           "PyTorch: Sleef_tanhf_u10 (documented 1.0 ulp); f' from y"),
    /* documented 3.5 ulp (Sleef_tanhf_u35); measured: M 2.51, every float below 16 2.86 */
    SLEEF2(tanh, tanh_u35, "tanhf-u35", 3.5, NAN, "1-y*y",
           "Sleef_tanhf_u35 (documented 3.5 ulp); f' from y"),
    /* documented 1.0 ulp each way at a = 1 (expm1f_u10, expf_u10); measured: M 0.99975 /
     * 0.965, S 0.999998 / 0.986 */
    SLEEF2(elu, elu, "expm1f-u10", 1.0, 1.0, "x > 0 ? 1 : a*exp(x)",
           "PyTorch: x > 0 ? x : a Sleef_expm1f_u10(x); f' from x with Sleef_expf_u10"),
    /* measured: M 1.5726 / 1.9451, M11 1.5880 / 1.8895, S 1.6036 / 1.9451;
     * R [-2^-20, -2^-21] 1.6036 (x = -0x1.1dff96p-21: expm1's error and the
     * product's rounding), [-104, -80] f' 1.9451 (x = -87.364, exp(x) near
     * FLT_MIN), [1, 2] 1.0555 (x > 0: scale rounded to float) */
    SLEEF2(selu, selu, "expm1f-u10", NAN, NAN, "x > 0 ? l : l*a*exp(x)",
           "PyTorch: x > 0 ? l x : l a Sleef_expm1f_u10(x); f' from x with Sleef_expf_u10"),
    /* measured: M 16777126 / 524259, S 16777215 / 11770860 (f' at its zero,
     * x = -0.7518, where cdf + x pdf cancels) */
    SLEEF2(gelu, gelu, "erff-u10", NAN, NAN, "cdf + x*exp(-x^2/2)/sqrt(2 pi)",
           "PyTorch's formula on Sleef_erff_u10/expf_u10; limit at -inf instead of NaN"),
    /* measured: M 16777168 / 16777157, M11 16777205 / 16777211, S 16777215.1 /
     * 56118782; R [-9.6, -9.1] 16777215.1 / 16777212 (f, f' = 0 from
     * x = -5.06 on, 1 + t = 0, where the exact values are normal down to
     * x = -10.1),
     * [-0.76, -0.745] 2.39 / 56118782 (f' at its zero, x = -0.75246, where
     * its two terms cancel) */
    SLEEF2(gelu_tanh, gelu_tanh, "tanhf-u10", NAN, NAN,
           "0.5(1+t) + 0.5x(1-t*t)k(1+3c x^2), t=tanh(k(x+c x^3))",
           "PyTorch: 0.5 x (1 + Sleef_tanhf_u10(k (x + c x^3))); limits instead of NaN at -inf "
           "(f), +-inf and |x| >= 2^64 (f')"),
    /* measured: M 16776798 / 16775259, S 16777178 / 16777194 */
    SLEEF2(silu, silu, "expf-u10", NAN, NAN, "s*(1+a*x*(1-s)), s=1/(1+exp(-a x))",
           "PyTorch: x/(1+Sleef_expf_u10(-a x)); limits at +-inf instead of NaN"),
    /* measured: M 1.49992 / 2.107, S 1.499998 / 2.402 */
    SLEEF2(softplus, softplus, "expf-log1pf-u10", NAN, NAN, "a x > b ? 1 : z/(z+1), z=exp(a x)",
           "PyTorch: log1p(exp(a x))/a below threshold b"),
    /* measured: M 154.25 / 16966820, S 154.31 / 16967716: f' below x = -88.72, where
     * exp(-x) overflows and s = 0, is tanh(...) ~ e^x instead of ~ (1+x) e^x
     * (wrong sign; up to 2^24 (1 + 1/88)); f near x = -103 subnormal */
    SLEEF2(mish, mish, "expf-log1pf-tanhf-u10", NAN, NAN,
           "t+x*s*(1-t*t), t=tanh(log1p(exp x)), s=1/(1+exp(-x))",
           "PyTorch: x tanh(log1p(exp x)) on SLEEF u10; limits at +-inf instead of NaN"),
    /* measured: M 1.49992 / 2.146, S 1.499998 / 2.402 */
    SLEEF2(logsigmoid, logsigmoid, "expf-log1pf-u10", NAN, NAN,
           "x < 0 ? 1-z/(1+z) : z/(1+z), z=exp(-|x|)",
           "PyTorch: min(0,x) - log1p(exp(-|x|)) on SLEEF u10"),
};

const act_impl_table act_peer_sleef = {
    sleef_impls, sizeof sleef_impls / sizeof sleef_impls[0], "sleef " ACT_SLEEF_VERSION,
    "SLEEF's reference (sleef.org/purec.xhtml, x86.xhtml): its _u10 functions are within "
    "1.0 ulp and its _u35 functions within 3.5 ulp; a bound only where the implementation is "
    "one SLEEF function (tanh f; elu at a = 1), none for PyTorch's formulas around them or a "
    "derivative from y"};

#else /* ---- the kernels, compiled once per ISA ------------------------- */

#define ACT_CAT_(f, isa) f##_##isa
#define ACT_CAT(f, isa) ACT_CAT_(f, isa)
#define N(f) ACT_CAT(f, ACT_SLEEF_ISA) /* sigmoid_f -> sigmoid_f_avx512 */

/* k < W floats: masked on AVX-512 (the masked-off lanes are neither read nor
 * written), through a zero-padded local buffer on AVX2 */
#if W == 16
TARGET static inline V N(load_part)(const float *p, size_t k) {
  return _mm512_maskz_loadu_ps((__mmask16)((1u << k) - 1u), p);
}
TARGET static inline void N(store_part)(float *p, V v, size_t k) {
  _mm512_mask_storeu_ps(p, (__mmask16)((1u << k) - 1u), v);
}
#else
TARGET static inline V N(load_part)(const float *p, size_t k) {
  float t[W] = {0};
  memcpy(t, p, k * sizeof(float));
  return vloadu(t);
}
TARGET static inline void N(store_part)(float *p, V v, size_t k) {
  float t[W];
  vstoreu(t, v);
  memcpy(p, t, k * sizeof(float));
}
#endif

/* The loops: fn##_f(x, a, b) -> y and fn##_b(x, y, dy, a, b) -> dx on one
 * vector each.  Every input vector is loaded before the result is stored,
 * so y == x and dx == dy / dx == x work. */
#define ACT_SLEEF_LOOPS(fn)                                                                       \
  TARGET static void N(fn##_fwd)(const float *x, float *y, size_t n, const act_params *p) {       \
    const float a = p->a, b = p->b;                                                               \
    size_t i = 0;                                                                                 \
    for (; i + W <= n; i += W) vstoreu(y + i, N(fn##_f)(vloadu(x + i), a, b));                    \
    if (i < n) N(store_part)(y + i, N(fn##_f)(N(load_part)(x + i, n - i), a, b), n - i);          \
  }                                                                                               \
  TARGET static void N(fn##_bwd)(const float *x, const float *y, const float *dy, float *dx,      \
                                 size_t n, const act_params *p) {                                 \
    const float a = p->a, b = p->b;                                                               \
    size_t i = 0;                                                                                 \
    for (; i + W <= n; i += W)                                                                    \
      vstoreu(dx + i, N(fn##_b)(vloadu(x + i), vloadu(y + i), vloadu(dy + i), a, b));             \
    if (i < n) {                                                                                  \
      size_t k = n - i;                                                                           \
      V r = N(fn##_b)(N(load_part)(x + i, k), N(load_part)(y + i, k), N(load_part)(dy + i, k), a, \
                      b);                                                                         \
      N(store_part)(dx + i, r, k);                                                                \
    }                                                                                             \
  }

/* 0 with the sign of x (the limit where x * 0 would give NaN for x = inf) */
TARGET static inline V N(signed_zero)(V x) {
  return vand(x, vset1(-0.0f));
}

/* ---- sigmoid: 1/(1 + exp(-a x)); f' = a y (1 - y) */
TARGET static inline V N(sigmoid_f)(V x, float a, float b) {
  (void)b;
  const V one = vset1(1.0f);
  return vdiv(one, vadd(one, S_EXP(vmul(vset1(-a), x))));
}
TARGET static inline V N(sigmoid_b)(V x, V y, V dy, float a, float b) {
  (void)x, (void)b;
  return vmul(vmul(dy, vsub(vset1(1.0f), y)), vmul(vset1(a), y)); /* PyTorch: dy (1-y) y */
}
ACT_SLEEF_LOOPS(sigmoid)

/* ---- tanh: SLEEF's tanhf (u10, u35); f' = 1 - y^2 */
TARGET static inline V N(tanh_b)(V x, V y, V dy) {
  (void)x;
  return vmul(dy, vsub(vset1(1.0f), vmul(y, y)));
}
TARGET static inline V N(tanh_u10_f)(V x, float a, float b) {
  (void)a, (void)b;
  return S_TANH_U10(x);
}
TARGET static inline V N(tanh_u10_b)(V x, V y, V dy, float a, float b) {
  (void)a, (void)b;
  return N(tanh_b)(x, y, dy);
}
ACT_SLEEF_LOOPS(tanh_u10)
TARGET static inline V N(tanh_u35_f)(V x, float a, float b) {
  (void)a, (void)b;
  return S_TANH_U35(x);
}
TARGET static inline V N(tanh_u35_b)(V x, V y, V dy, float a, float b) {
  (void)a, (void)b;
  return N(tanh_b)(x, y, dy);
}
ACT_SLEEF_LOOPS(tanh_u35)

/* ---- elu (alpha a): x > 0 ? x : a expm1(x); f' = x > 0 ? 1 : a exp(x)
 * (the x <= 0 branch at 0, as PyTorch) */
TARGET static inline V N(elu_f)(V x, float a, float b) {
  (void)b;
  M pos = vcmp(x, vzero(), _CMP_GT_OQ);
  return vsel(pos, x, vmul(S_EXPM1(x), vset1(a)));
}
TARGET static inline V N(elu_b)(V x, V y, V dy, float a, float b) {
  (void)y, (void)b;
  M pos = vcmp(x, vzero(), _CMP_GT_OQ);
  return vsel(pos, dy, vmul(vmul(dy, vset1(a)), S_EXP(x)));
}
ACT_SLEEF_LOOPS(elu)

/* ---- selu: PyTorch's selu is elu_kernel with alpha = SELU_ALPHA, scale =
 * SELU_SCALE, input_scale = 1 (Activation.cpp):
 * x > 0 ? scale x : expm1(x) negcoef, negcoef = alpha scale (in float);
 * f' (elu_backward, is_result = false) = x > 0 ? dy scale : dy negcoef exp(x)
 * (the x <= 0 branch at 0) */
TARGET static inline V N(selu_f)(V x, float a, float b) {
  (void)a, (void)b;
  M pos = vcmp(x, vzero(), _CMP_GT_OQ);
  return vsel(pos, vmul(x, vset1(ACT_SELU_SCALE)), vmul(S_EXPM1(x), vset1(ACT_SELU_NEGCOEF)));
}
TARGET static inline V N(selu_b)(V x, V y, V dy, float a, float b) {
  (void)y, (void)a, (void)b;
  M pos = vcmp(x, vzero(), _CMP_GT_OQ);
  V neg = vmul(vmul(dy, vset1(ACT_SELU_NEGCOEF)), S_EXP(x));
  return vsel(pos, vmul(dy, vset1(ACT_SELU_SCALE)), neg);
}
ACT_SLEEF_LOOPS(selu)

/* ---- gelu: x/2 (1 + erf(x/sqrt 2)); f' = cdf + x pdf,
 * pdf = exp(-x^2/2)/sqrt(2 pi).  At x = -inf (cdf = 0) and x = +-inf
 * (pdf = 0) the products are taken as 0. */
TARGET static inline V N(gelu_f)(V x, float a, float b) {
  (void)a, (void)b;
  const V half = vset1(0.5f), one = vset1(1.0f);
  V c = vadd(one, S_ERF(vmul(x, vset1((float)0.70710678118654752440))));
  V r = vmul(vmul(x, half), c);
  return vsel(vcmp(c, vzero(), _CMP_EQ_OQ), N(signed_zero)(x), r);
}
TARGET static inline V N(gelu_b)(V x, V y, V dy, float a, float b) {
  (void)y, (void)a, (void)b;
  const V half = vset1(0.5f), one = vset1(1.0f);
  V cdf = vmul(half, vadd(one, S_ERF(vmul(x, vset1((float)0.70710678118654752440)))));
  V pdf = vmul(vset1((float)0.39894228040143267794), S_EXP(vmul(vmul(x, x), vset1(-0.5f))));
  V xp = vsel(vcmp(pdf, vzero(), _CMP_EQ_OQ), vzero(), vmul(x, pdf));
  return vmul(dy, vadd(cdf, xp));
}
ACT_SLEEF_LOOPS(gelu)

/* ---- gelu_tanh (GeluKernel.cpp, approximate = 'tanh', Vectorized<float>):
 * inner = kBeta (x + kKappa x^3), t = tanh(inner), y = (0.5 x)(1 + t);
 * f' = 0.5 (1 + t) + (0.5 x)(1 - t^2) kBeta (1 + 3 kKappa x^2).
 * Limits where PyTorch's formula computes inf * 0 = NaN: f(-inf) = -0
 * (1 + t = 0); in f' the second term is taken as 0 where 1 - t^2 = 0,
 * which changes no finite result but gives f'(+-inf) = 1 / 0 and a number
 * for |x| >= 2^64, where x^2 and so the last factor overflow. */
TARGET static inline V N(gelu_tanh_f)(V x, float a, float b) {
  (void)a, (void)b;
  V x3 = vmul(vmul(x, x), x);
  V inner = vmul(vset1(ACT_GT_BETA), vadd(x, vmul(vset1(ACT_GT_KAPPA), x3)));
  V right = vadd(vset1(1.0f), S_TANH_U10(inner));
  V r = vmul(vmul(vset1(0.5f), x), right);
  return vsel(vcmp(right, vzero(), _CMP_EQ_OQ), N(signed_zero)(x), r);
}
TARGET static inline V N(gelu_tanh_b)(V x, V y, V dy, float a, float b) {
  (void)y, (void)a, (void)b;
  const V one = vset1(1.0f), half = vset1(0.5f), beta = vset1(ACT_GT_BETA);
  V xsq = vmul(x, x);
  V x3 = vmul(x, xsq);
  V t = S_TANH_U10(vmul(beta, vadd(x, vmul(vset1(ACT_GT_KAPPA), x3))));
  V left = vmul(half, x);
  V dleft = vmul(half, vadd(one, t));
  V dt = vsub(one, vmul(t, t));
  V dinner = vmul(beta, vadd(one, vmul(vmul(vset1(3.0f), vset1(ACT_GT_KAPPA)), xsq)));
  V dright = vsel(vcmp(dt, vzero(), _CMP_EQ_OQ), vzero(), vmul(vmul(left, dt), dinner));
  return vmul(dy, vadd(dleft, dright));
}
ACT_SLEEF_LOOPS(gelu_tanh)

/* ---- silu (beta a): x / (1 + exp(-a x)); f' = s (1 + a x (1 - s)).
 * Limits where inf * 0 would appear: f(-inf) = -0, f'(-inf) = 0,
 * f'(+inf) = 1. */
TARGET static inline V N(silu_f)(V x, float a, float b) {
  (void)b;
  V d = vadd(vset1(1.0f), S_EXP(vmul(vset1(-a), x)));
  V r = vdiv(x, d);
  return vsel(vcmp(d, vset1(__builtin_inff()), _CMP_EQ_OQ), N(signed_zero)(x), r);
}
TARGET static inline V N(silu_b)(V x, V y, V dy, float a, float b) {
  (void)y, (void)b;
  const V one = vset1(1.0f), va = vset1(a);
  V s = vdiv(one, vadd(one, S_EXP(vmul(vset1(-a), x))));
  V oms = vsub(one, s);
  V t = vsel(vcmp(oms, vzero(), _CMP_EQ_OQ), vzero(), vmul(vmul(va, x), oms));
  V g = vmul(vmul(dy, s), vadd(one, t)); /* PyTorch: dy s (1 + x (1 - s)) */
  return vsel(vcmp(s, vzero(), _CMP_EQ_OQ), vzero(), g);
}
ACT_SLEEF_LOOPS(silu)

/* ---- softplus (beta a, threshold b): a x > b ? x : log1p(exp(a x)) / a;
 * f' = a x > b ? 1 : z / (z + 1), z = exp(a x) */
TARGET static inline V N(softplus_f)(V x, float a, float b) {
  V ax = vmul(x, vset1(a));
  V r = vdiv(S_LOG1P(S_EXP(ax)), vset1(a));
  return vsel(vcmp(ax, vset1(b), _CMP_GT_OQ), x, r);
}
TARGET static inline V N(softplus_b)(V x, V y, V dy, float a, float b) {
  (void)y;
  V ax = vmul(x, vset1(a));
  V z = S_EXP(ax);
  V r = vdiv(vmul(dy, z), vadd(z, vset1(1.0f)));
  return vsel(vcmp(ax, vset1(b), _CMP_GT_OQ), dy, r);
}
ACT_SLEEF_LOOPS(softplus)

/* ---- mish: x tanh(log1p(exp x)); f' = t + x s (1 - t^2) with t the tanh
 * and s = 1/(1 + exp(-x)).  Limits where inf * 0 would appear:
 * f(-inf) = -0, f'(+-inf) = t. */
TARGET static inline V N(mish_f)(V x, float a, float b) {
  (void)a, (void)b;
  V t = S_TANH_U10(S_LOG1P(S_EXP(x)));
  return vsel(vcmp(t, vzero(), _CMP_EQ_OQ), N(signed_zero)(x), vmul(x, t));
}
TARGET static inline V N(mish_b)(V x, V y, V dy, float a, float b) {
  (void)y, (void)a, (void)b;
  const V one = vset1(1.0f);
  V s = vdiv(one, vadd(one, S_EXP(vsub(vzero(), x))));
  V t = S_TANH_U10(S_LOG1P(S_EXP(x)));
  V d = vsub(one, vmul(t, t));
  V xu = vmul(vmul(x, s), d); /* PyTorch: x s (1 - t^2) */
  xu = vsel(vcmp(vmul(s, d), vzero(), _CMP_EQ_OQ), vzero(), xu);
  return vmul(dy, vadd(t, xu));
}
ACT_SLEEF_LOOPS(mish)

/* ---- logsigmoid: min(0, x) - log1p(z), z = exp(-|x|);
 * f' = x < 0 ? 1 - z/(1+z) : z/(1+z) (PyTorch's max_deriv - sign z/(1+z)) */
TARGET static inline V N(logsigmoid_f)(V x, float a, float b) {
  (void)a, (void)b;
  V z = S_EXP(vsub(vzero(), vabs(x)));
  /* min(x, 0) returns 0 for a NaN x; log1p(NaN) makes the result NaN */
  return vsub(vmin(x, vzero()), S_LOG1P(z));
}
TARGET static inline V N(logsigmoid_b)(V x, V y, V dy, float a, float b) {
  (void)y, (void)a, (void)b;
  const V one = vset1(1.0f);
  V z = S_EXP(vsub(vzero(), vabs(x)));
  M neg = vcmp(x, vzero(), _CMP_LT_OQ);
  V q = vdiv(z, vadd(one, z));
  return vmul(vsel(neg, vsub(one, q), q), dy);
}
ACT_SLEEF_LOOPS(logsigmoid)

#undef ACT_SLEEF_LOOPS
#undef N
#undef ACT_CAT
#undef ACT_CAT_

#endif
