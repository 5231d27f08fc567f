/* actbench peer: glibc's vector math library, libmvec, the way a C program
 * reaches it: plain loops over libm calls (expf, expm1f, log1pf, tanhf,
 * erff) that gcc vectorizes into calls of the vector variants
 * _ZGVdN8v_<f> (AVX2, 8 lanes) and _ZGVeN16v_<f> (AVX-512, 16 lanes).
 * glibc 2.36's libmvec has all five in float (nm -D libmvec.so.1), so every
 * activation below is the textbook formula on them, as in impls/peers/sleef.c
 * (PyTorch's formulas; the same limits at x = +-inf where those compute
 * inf * 0):
 *   sigmoid     1/(1 + expf(-a x))                      f' = a y (1 - y)
 *   tanh        tanhf x                                 f' = 1 - y^2
 *   elu         x > 0 ? x : a expm1f(x)                 f' = x > 0 ? 1 : a expf(x)
 *   selu        x > 0 ? l x : l al expm1f(x)            f' = x > 0 ? l : l al expf(x)
 *   gelu        x/2 (1 + erff(x/sqrt 2))                f' = cdf + x expf(-x^2/2)/sqrt(2 pi)
 *   gelu_tanh   x/2 (1 + tanhf(k (x + c x^3)))          f' = (1+t)/2 + x/2 (1-t^2) k (1+3c x^2)
 *   silu        x / (1 + expf(-a x))                    f' = s (1 + a x (1 - s))
 *   softplus    a x > b ? x : log1pf(expf(a x)) / a     f' = a x > b ? 1 : z/(z + 1)
 *   mish        x tanhf(log1pf(expf x))                 f' = t + x s (1 - t^2)
 *   logsigmoid  min(0, x) - log1pf(expf(-|x|))         f' = x < 0 ? 1 - z/(1+z) : z/(1+z)
 *
 * What gcc needs to call libmvec, without -ffast-math for the file:
 * - to know the vector variants exist.  glibc's <math.h> declares them
 *   (bits/math-vector.h) only under __FAST_MATH__; here each function gets
 *   a local prototype, act_mvec_<f>, bound to the libm symbol by an asm
 *   label and marked __attribute__((simd("notinbranch"))) (the x86_64
 *   vector ABI: gcc derives _ZGV<isa>N<lanes>v_<f> from the symbol) and
 *   const (so the call has no errno side effect that would stop the
 *   vectorizer; libmvec does not promise errno anyway);
 * - to vectorize: -O2 (gcc 12's very-cheap cost model suffices, see below)
 *   forced per function with optimize("O2,tree-loop-vectorize") so that a
 *   -O0 build gets the same code; the target attribute
 *   "avx512f,...,prefer-vector-width=512" (gcc's generic tuning would
 *   otherwise use 256-bit vectors, and the AVX2 variants, on AVX-512) or
 *   "avx2,fma".  no_sanitize: the sanitizers' checks on the local buffer
 *   stop the vectorizer (the memcpy to and from the caller's arrays is still
 *   checked by ASan's interceptor).
 * - the loops with libm calls run on a 64-byte-aligned local buffer of CH
 *   floats, padded with zeros to a multiple of 16: the trip count is a
 *   multiple of the vector width, so gcc vectorizes without a scalar
 *   epilogue, alias check or peeling, and every element (the tail
 *   included) goes through the same vector variant, whatever the alignment
 *   or aliasing of the caller's arrays; y == x and dx == dy work because a
 *   chunk is copied in before its result is copied out.
 * Checked with objdump -dr on the object: the kernels call only _ZGVdN8v_*
 * / _ZGVeN16v_* (and memcpy/memset), never the scalar expf & co.;
 * tests/test_peers_sleef_libmvec.c checks the results bitwise against
 * direct calls of the vector variants.
 *
 * Claims (table at the end): the bound glibc documents for libmvec where
 * the kernel IS one libmvec function, else none (NAN); never what we
 * measured (docs/accuracy.md, "Claims").  The measurements are kept beside
 * each entry as findings. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "registry.h"

/* libm functions with their libmvec variants (see above) */
#define ACT_MVEC_DECLARE(f) \
  extern float act_mvec_##f(float) __asm__(#f) __attribute__((simd("notinbranch"), const, nothrow));
ACT_MVEC_DECLARE(expf)
ACT_MVEC_DECLARE(expm1f)
ACT_MVEC_DECLARE(log1pf)
ACT_MVEC_DECLARE(tanhf)
ACT_MVEC_DECLARE(erff)

/* always_inline: the helpers must be inlined into the loops below, which
 * are optimized whatever the file's -O level (a -O0 or sanitized helper
 * would not be inlined into them, and its call would stop the vectorizer) */
#define INLINE static inline __attribute__((always_inline))

/* c ? t : f with bit operations (c is 0 or 1): both arms are computed and
 * one is kept; with c ? t : f gcc sinks the arithmetic of one arm into a
 * branch and then (-ftrapping-math) cannot if-convert the loop for AVX2 */
INLINE float sel(int c, float t, float f) {
  /* a union, not memcpy: gcc 12 crashes (sanopt) on memcpy bit casts in
   * no_sanitize functions under -fsanitize=address,undefined */
  union {
    float f;
    uint32_t u;
  } tu = {t}, fu = {f}, r;
  uint32_t m = 0u - (uint32_t)c;
  r.u = (tu.u & m) | (fu.u & ~m);
  return r.f;
}

/* ---- one element: fn_f(x, a, b) -> y, fn_b(x, y, dy, a, b) -> dx.
 * Every choice is a sel, so the loops have no control flow. */

INLINE float sigmoid_f(float x, float a, float b) {
  (void)b;
  return 1.0f / (1.0f + act_mvec_expf(-a * x));
}
INLINE float sigmoid_b(float x, float y, float dy, float a, float b) {
  (void)x, (void)b;
  return dy * (1.0f - y) * (a * y); /* PyTorch: dy (1-y) y */
}

INLINE float tanh_f(float x, float a, float b) {
  (void)a, (void)b;
  return act_mvec_tanhf(x);
}
INLINE float tanh_b(float x, float y, float dy, float a, float b) {
  (void)x, (void)a, (void)b;
  return dy * (1.0f - y * y);
}

/* elu (alpha a); f'(0) from the x <= 0 branch, as PyTorch */
INLINE float elu_f(float x, float a, float b) {
  (void)b;
  float e = act_mvec_expm1f(x) * a;
  return sel(x > 0.0f, x, e);
}
INLINE float elu_b(float x, float y, float dy, float a, float b) {
  (void)y, (void)b;
  float e = dy * a * act_mvec_expf(x);
  return sel(x > 0.0f, dy, e);
}

/* selu: PyTorch's elu_kernel with alpha = SELU_ALPHA, scale = SELU_SCALE,
 * input_scale = 1, the constants taken as float and negcoef = alpha scale
 * multiplied in float; f' from x (elu_backward, is_result = false), the
 * x <= 0 branch at 0 */
#define SELU_SCALE ((float)1.0507009873554804934193349852946)
#define SELU_ALPHA ((float)1.6732632423543772848170429916717)
#define SELU_NEGCOEF (SELU_ALPHA * SELU_SCALE)
INLINE float selu_f(float x, float a, float b) {
  (void)a, (void)b;
  float e = act_mvec_expm1f(x) * SELU_NEGCOEF;
  return sel(x > 0.0f, x * SELU_SCALE, e);
}
INLINE float selu_b(float x, float y, float dy, float a, float b) {
  (void)y, (void)a, (void)b;
  float e = dy * SELU_NEGCOEF * act_mvec_expf(x);
  return sel(x > 0.0f, dy * SELU_SCALE, e);
}

/* gelu: x * 0 taken as 0 where x = +-inf (cdf = 0, pdf = 0) */
INLINE float gelu_f(float x, float a, float b) {
  (void)a, (void)b;
  float c = 1.0f + act_mvec_erff(x * (float)0.70710678118654752440);
  float r = x * 0.5f * c;
  return sel(c == 0.0f, copysignf(0.0f, x), r);
}
INLINE float gelu_b(float x, float y, float dy, float a, float b) {
  (void)y, (void)a, (void)b;
  float cdf = 0.5f * (1.0f + act_mvec_erff(x * (float)0.70710678118654752440));
  float pdf = (float)0.39894228040143267794 * act_mvec_expf(x * x * -0.5f);
  float xp = sel(pdf == 0.0f, 0.0f, x * pdf);
  return dy * (cdf + xp);
}

/* gelu_tanh (PyTorch's GeluKernel, approximate = 'tanh'): kBeta = M_SQRT2 *
 * M_2_SQRTPI * 0.5 (sqrt(2/pi)) in double, then float; kKappa = 0.044715.
 * Limits where the formula computes inf * 0 = NaN: f(-inf) = -0 (1 + t = 0);
 * f' takes its second term as 0 where 1 - t^2 = 0 (no finite result
 * changes; f'(+-inf) = 1 / 0, and a number for |x| >= 2^64, where x^2
 * overflows) */
#define GT_BETA ((float)(1.41421356237309504880 * 1.12837916709551257390 * 0.5))
#define GT_KAPPA ((float)0.044715)
INLINE float gelu_tanh_f(float x, float a, float b) {
  (void)a, (void)b;
  float inner = GT_BETA * (x + GT_KAPPA * (x * x * x));
  float right = 1.0f + act_mvec_tanhf(inner);
  float r = 0.5f * x * right;
  return sel(right == 0.0f, copysignf(0.0f, x), r);
}
INLINE float gelu_tanh_b(float x, float y, float dy, float a, float b) {
  (void)y, (void)a, (void)b;
  float xsq = x * x;
  float t = act_mvec_tanhf(GT_BETA * (x + GT_KAPPA * (x * xsq)));
  float left = 0.5f * x;
  float dleft = 0.5f * (1.0f + t);
  float dt = 1.0f - t * t;
  float dinner = GT_BETA * (1.0f + 3.0f * GT_KAPPA * xsq);
  float dright = sel(dt == 0.0f, 0.0f, left * dt * dinner);
  return dy * (dleft + dright);
}

/* silu (beta a): limits f(-inf) = -0, f'(-inf) = 0, f'(+inf) = 1 */
INLINE float silu_f(float x, float a, float b) {
  (void)b;
  float d = 1.0f + act_mvec_expf(-a * x);
  float r = x / d;
  return sel(d == INFINITY, copysignf(0.0f, x), r);
}
INLINE float silu_b(float x, float y, float dy, float a, float b) {
  (void)y, (void)b;
  float s = 1.0f / (1.0f + act_mvec_expf(-a * x));
  float oms = 1.0f - s;
  float t = sel(oms == 0.0f, 0.0f, a * x * oms);
  float g = dy * s * (1.0f + t); /* PyTorch: dy s (1 + x (1 - s)) */
  return sel(s == 0.0f, 0.0f, g);
}

/* softplus (beta a, threshold b) */
INLINE float softplus_f(float x, float a, float b) {
  float ax = x * a;
  float r = act_mvec_log1pf(act_mvec_expf(ax)) / a;
  return sel(ax > b, x, r);
}
INLINE float softplus_b(float x, float y, float dy, float a, float b) {
  (void)y;
  float ax = x * a;
  float z = act_mvec_expf(ax);
  float r = dy * z / (z + 1.0f);
  return sel(ax > b, dy, r);
}

/* mish: limits f(-inf) = -0, f'(+-inf) = t */
INLINE float mish_f(float x, float a, float b) {
  (void)a, (void)b;
  float t = act_mvec_tanhf(act_mvec_log1pf(act_mvec_expf(x)));
  float r = x * t;
  return sel(t == 0.0f, copysignf(0.0f, x), r);
}
INLINE float mish_b(float x, float y, float dy, float a, float b) {
  (void)y, (void)a, (void)b;
  float s = 1.0f / (1.0f + act_mvec_expf(-x));
  float t = act_mvec_tanhf(act_mvec_log1pf(act_mvec_expf(x)));
  float d = 1.0f - t * t;
  float xu = sel(s * d == 0.0f, 0.0f, x * s * d); /* PyTorch: x s (1 - t^2) */
  return dy * (t + xu);
}

/* logsigmoid: min(0, x) gives 0 for a NaN x, log1pf(NaN) makes it NaN */
INLINE float logsigmoid_f(float x, float a, float b) {
  (void)a, (void)b;
  float z = act_mvec_expf(-fabsf(x));
  float m = sel(x < 0.0f, x, 0.0f);
  return m - act_mvec_log1pf(z);
}
INLINE float logsigmoid_b(float x, float y, float dy, float a, float b) {
  (void)y, (void)a, (void)b;
  float z = act_mvec_expf(-fabsf(x));
  float q = z / (1.0f + z);
  return sel(x < 0.0f, 1.0f - q, q) * dy;
}

/* ---- the loops, once per ISA */
#define CH 256 /* floats per chunk: 1 KiB per array */
#define PAD(k) (((k) + 15) & ~(size_t)15)
#define ACT_MVEC_ATTR(isa_list)                                                  \
  __attribute__((target(isa_list), optimize("O2,tree-loop-vectorize"), noinline, \
                 no_sanitize("address", "undefined")))
#define ATTR_avx512 \
  ACT_MVEC_ATTR("avx512f,avx512dq,avx512bw,avx512vl,avx2,fma,prefer-vector-width=512")
#define ATTR_avx2 ACT_MVEC_ATTR("avx2,fma")

#define ACT_MVEC_FWD(fn, isa)                                                                      \
  ATTR_##isa static void fn##_fwd_##isa(const float *x, float *y, size_t n, const act_params *p) { \
    const float a = p->a, b = p->b;                                                                \
    float t[CH] __attribute__((aligned(64)));                                                      \
    for (size_t i = 0; i < n; i += CH) {                                                           \
      size_t k = n - i < CH ? n - i : CH, kk = PAD(k);                                             \
      memcpy(t, x + i, k * sizeof(float));                                                         \
      for (size_t j = k; j < kk; j++) t[j] = 0.0f;                                                 \
      for (size_t j = 0; j < kk; j++) t[j] = fn##_f(t[j], a, b);                                   \
      memcpy(y + i, t, k * sizeof(float));                                                         \
    }                                                                                              \
  }
#define ACT_MVEC_BWD(fn, isa)                                                            \
  ATTR_##isa static void fn##_bwd_##isa(const float *x, const float *y, const float *dy, \
                                        float *dx, size_t n, const act_params *p) {      \
    const float a = p->a, b = p->b;                                                      \
    float tx[CH] __attribute__((aligned(64))), ty[CH] __attribute__((aligned(64)));      \
    float td[CH] __attribute__((aligned(64)));                                           \
    for (size_t i = 0; i < n; i += CH) {                                                 \
      size_t k = n - i < CH ? n - i : CH, kk = PAD(k);                                   \
      memcpy(tx, x + i, k * sizeof(float));                                              \
      memcpy(ty, y + i, k * sizeof(float));                                              \
      memcpy(td, dy + i, k * sizeof(float));                                             \
      for (size_t j = k; j < kk; j++) tx[j] = ty[j] = td[j] = 0.0f;                      \
      for (size_t j = 0; j < kk; j++) td[j] = fn##_b(tx[j], ty[j], td[j], a, b);         \
      memcpy(dx + i, td, k * sizeof(float));                                             \
    }                                                                                    \
  }
/* f' without a libm call (from y): the plain loop, vectorized by gcc with its
 * own alias checks and scalar epilogue, which give the same bits */
#define ACT_MVEC_BWD_PLAIN(fn, isa)                                                      \
  ATTR_##isa static void fn##_bwd_##isa(const float *x, const float *y, const float *dy, \
                                        float *dx, size_t n, const act_params *p) {      \
    const float a = p->a, b = p->b;                                                      \
    for (size_t i = 0; i < n; i++) dx[i] = fn##_b(x[i], y[i], dy[i], a, b);              \
  }
#define ACT_MVEC_BOTH(fn, bwd) \
  ACT_MVEC_FWD(fn, avx512) ACT_MVEC_FWD(fn, avx2) bwd(fn, avx512) bwd(fn, avx2)

ACT_MVEC_BOTH(sigmoid, ACT_MVEC_BWD_PLAIN)
ACT_MVEC_BOTH(tanh, ACT_MVEC_BWD_PLAIN)
ACT_MVEC_BOTH(elu, ACT_MVEC_BWD)
ACT_MVEC_BOTH(selu, ACT_MVEC_BWD)
ACT_MVEC_BOTH(gelu, ACT_MVEC_BWD)
ACT_MVEC_BOTH(gelu_tanh, ACT_MVEC_BWD)
ACT_MVEC_BOTH(silu, ACT_MVEC_BWD)
ACT_MVEC_BOTH(softplus, ACT_MVEC_BWD)
ACT_MVEC_BOTH(mish, ACT_MVEC_BWD)
ACT_MVEC_BOTH(logsigmoid, ACT_MVEC_BWD)

/* ---- the table */
static int act_mvec_has_avx512(void) {
  return act_cpu_has_avx512();
}
static int act_mvec_has_avx2(void) {
  return act_cpu_has_avx2();
}

#define NAN_BOTH (ACT_NAN_FWD | ACT_NAN_BWD)
/* What each backward kernel reads besides dy (activation.h): sigmoid and
 * tanh take f' from y, the others from x (the fn_b functions above). */
enum {
  sigmoid_reads = ACT_BWD_NO_X,
  tanh_reads = ACT_BWD_NO_X,
  elu_reads = ACT_BWD_NO_Y,
  selu_reads = ACT_BWD_NO_Y,
  gelu_reads = ACT_BWD_NO_Y,
  gelu_tanh_reads = ACT_BWD_NO_Y,
  silu_reads = ACT_BWD_NO_Y,
  softplus_reads = ACT_BWD_NO_Y,
  mish_reads = ACT_BWD_NO_Y,
  logsigmoid_reads = ACT_BWD_NO_Y
};
#define MVEC(act, isa, fn, alg, fu, bu, bwdf, note)                                            \
  {                                                                                            \
#act, #act "." #isa ".libmvec-" alg, #isa, "libmvec", fu, bu, fn##_fwd_##isa, fn##_bwd_##isa, \
        act_mvec_has_##isa, bwdf, NAN_BOTH | fn##_reads, note                                  \
  }
#define MVEC2(act, fn, alg, fu, bu, bwdf, note)                  \
  MVEC(act, avx512, fn, alg, fu, bu, bwdf,                       \
       note "; gcc -O2 + simd decl, no fast-math: _ZGVeN16v_*"), \
      MVEC(act, avx2, fn, alg, fu, bu, bwdf,                     \
           note "; gcc -O2 + simd decl, no fast-math: _ZGVdN8v_*")

/* Claims: what glibc documents for libmvec.  The manual's table of known
 * errors ("Errors in Math Functions") leaves the vector functions out ("vector
 * versions of functions are not covered"); the libmvec page
 * (https://sourceware.org/glibc/wiki/libmvec) says the x86_64 functions "were
 * tested (via reasonable random sampling) to pass 4-ulp maximum relative
 * error criterion on their domains": the bound is 4 ulp, for the functions
 * themselves.  So a claim of 4.0 only where the kernel, with the default
 * parameters and dy = 1, returns exactly one libmvec function's result:
 * - tanh f: tanhf itself (_ZGV*_tanhf).  f' = 1 - y^2 from y: none.
 * - elu (a = 1, the default): f = x for x > 0 and expm1f(x) * 1 (exact) for
 *   x <= 0; f' = dy for x > 0 and dy * 1 * expf(x) (exact with dy = 1):
 *   each one libmvec function, 4.0 both ways.
 * - the rest are formulas around the functions (sigmoid, selu's scale,
 *   gelu, gelu_tanh, silu, softplus, mish, logsigmoid) or derivatives from
 *   y: no documented bound.
 * Findings (not claims), measured with the default parameters and dy = 1 on
 *   M: build/actbench accuracy --activation A --impl '*libmvec*' (the
 *      sampled 2^20 sweep against MPFR),
 *   R: build/actbench accuracy ... --lo X --hi Y (every float of the range
 *      against MPFR) around the worst spots,
 *   M11: the same with --samples 4194304 --seed 11,
 *   S: a screen against long double libm over every float with
 *      1/2 <= |x| < 128 and every 16th bit pattern elsewhere (selu: every
 *      x < 0 with 2^-30 <= |x| < 128; gelu_tanh: every float with
 *      2^-12 <= |x| < 32), to find them.
 * libmvec's AVX2 and AVX-512 variants are different code and round
 * differently.  "2^24-class" errors are a tiny exact value computed as 0 or
 * with the wrong size by the formula (f' = y(1-y) or 1-y^2 once y has
 * rounded to 1, expf(-x) overflowing below x = -88.72, 1 + erff
 * cancelling), not libmvec's; beyond 2^24 a function's rounding meets a
 * cancellation (below). */
static const act_impl libmvec_impls[] = {
    /* measured: M 2096336 / 16777212, S 2097151.5 / 16777215 (as sleef.c) */
    MVEC2(sigmoid, sigmoid, "expf", NAN, NAN, "a*y*(1-y)", "1/(1+expf(-a x)); f' from y"),
    /* documented 4 ulp (tanhf); measured AVX-512: M 1.351 / 124934763, S 1.374 / 124935100:
     * tanhf returns 1 - 2^-24 up to x = 10 where tanh x rounds to 1, and 1 - y^2 = 2^-23
     * is then 2^27-class against 4 e^-2x ~ 8e-9 */
    MVEC(tanh, avx512, tanh, "tanhf", 4.0, NAN, "1-y*y",
         "tanhf; f' from y; gcc -O2 + simd decl, no fast-math: _ZGVeN16v_*"),
    /* documented 4 ulp (tanhf); measured AVX2: M 1.0097 / 16777199, S 1.0265 / 16777215 */
    MVEC(tanh, avx2, tanh, "tanhf", 4.0, NAN, "1-y*y",
         "tanhf; f' from y; gcc -O2 + simd decl, no fast-math: _ZGVdN8v_*"),
    /* documented 4 ulp each way at a = 1 (expm1f, expf); measured AVX-512: M 2.284 /
     * 2.509, S 2.342 / 2.637 */
    MVEC(elu, avx512, elu, "expm1f", 4.0, 4.0, "x > 0 ? 1 : a*exp(x)",
         "x > 0 ? x : a expm1f(x); f' with expf; gcc -O2 + simd decl: _ZGVeN16v_*"),
    /* documented 4 ulp each way at a = 1; measured AVX2: M 1.392 / 2.509, S 1.454 / 2.637 */
    MVEC(elu, avx2, elu, "expm1f", 4.0, 4.0, "x > 0 ? 1 : a*exp(x)",
         "x > 0 ? x : a expm1f(x); f' with expf; gcc -O2 + simd decl: _ZGVdN8v_*"),
    /* measured AVX-512: M 2.900 / 2.667, M11 3.191 / 2.730, S 3.2816 / 2.9258;
     * R [-2^-6, -2^-7] 3.2816 (x = -0x1.23782ap-7, expm1f), [-1, -0.5]
     * 2.493 / 2.405, [-18, -16] f' 2.9258 (x = -16.982, expf), [1, 2] 1.0555
     * (x > 0: scale rounded to float) */
    MVEC(selu, avx512, selu, "expm1f", NAN, NAN, "x > 0 ? l : l*a*exp(x)",
         "x > 0 ? l x : l a expm1f(x); f' with expf; gcc -O2 + simd decl: _ZGVeN16v_*"),
    /* measured AVX2: M 2.316 / 2.667, M11 2.353 / 2.730, S 2.3837 / 2.9258;
     * R [-1, -0.5] 2.3837 (x = -0.73828) / 2.405, [-2^-6, -2^-7] 1.752,
     * [-18, -16] f' 2.9258 (x = -16.982), [1, 2] 1.0555 */
    MVEC(selu, avx2, selu, "expm1f", NAN, NAN, "x > 0 ? l : l*a*exp(x)",
         "x > 0 ? l x : l a expm1f(x); f' with expf; gcc -O2 + simd decl: _ZGVdN8v_*"),
    /* measured: M 16777126 / 605824, S 16777215 / 55338004 (f' at its zero,
     * x = -0.7518, where cdf + x pdf cancels) */
    MVEC2(gelu, gelu, "erff", NAN, NAN, "cdf + x*exp(-x^2/2)/sqrt(2 pi)",
          "x/2 (1 + erff(x/sqrt2)); f' with expf"),
    /* measured AVX-512: M 169243097 / 162824580, M11 169245210 / 162827422,
     * S 169246640 / 162829347; R [-5.6, -5.2] the same (x = -5.41871):
     * tanhf returns -(1 - 2^-24) down to -10 (see tanh above), so
     * 1 + t = 2^-24 where the exact value is 14 times smaller (f, f' = 0
     * from x = -5.42 on; exact: normal down to x = -10.1);
     * [-0.76, -0.745] 3.04 / 11694311 (f' at its zero, x = -0.75246) */
    MVEC(gelu_tanh, avx512, gelu_tanh, "tanhf", NAN, NAN,
         "0.5(1+t) + 0.5x(1-t*t)k(1+3c x^2), t=tanh(k(x+c x^3))",
         "0.5 x (1 + tanhf(k (x + c x^3))); gcc -O2 + simd decl, no fast-math: _ZGVeN16v_*"),
    /* measured AVX2: M 16777168 / 16777157, M11 16777205 / 16777211, S 16777215.1 /
     * 56118782; R [-9.6, -9.1] 16777215.1 / 16777212 (f, f' = 0 from
     * x = -5.16 on, where the exact values are normal down to x = -10.1,
     * as sleef.c), [-0.76, -0.745] 2.39 / 56118782
     * (f' at its zero, x = -0.75246, where its two terms cancel) */
    MVEC(gelu_tanh, avx2, gelu_tanh, "tanhf", NAN, NAN,
         "0.5(1+t) + 0.5x(1-t*t)k(1+3c x^2), t=tanh(k(x+c x^3))",
         "0.5 x (1 + tanhf(k (x + c x^3))); gcc -O2 + simd decl, no fast-math: _ZGVdN8v_*"),
    /* measured: M 16776798 / 16775259, S 16777178 / 16777194 */
    MVEC2(silu, silu, "expf", NAN, NAN, "s*(1+a*x*(1-s)), s=1/(1+exp(-a x))", "x/(1+expf(-a x))"),
    /* measured: M 2.800 / 3.363, S 3.415 / 3.628 */
    MVEC2(softplus, softplus, "expf-log1pf", NAN, NAN, "a x > b ? 1 : z/(z+1), z=exp(a x)",
          "log1pf(expf(a x))/a below threshold b"),
    /* measured: M 52.01 / 16966820, S 52.01 / 1088379830: f' at its zero, x = -1.1924,
     * where t + x s (1 - t^2) cancels (and below x = -88.72 as sleef.c) */
    MVEC2(mish, mish, "expf-log1pf-tanhf", NAN, NAN,
          "t+x*s*(1-t*t), t=tanh(log1p(exp x)), s=1/(1+exp(-x))", "x tanhf(log1pf(expf x))"),
    /* measured: M 2.800 / 3.363, S 3.415 / 3.628 */
    MVEC2(logsigmoid, logsigmoid, "expf-log1pf", NAN, NAN,
          "x < 0 ? 1-z/(1+z) : z/(1+z), z=exp(-|x|)", "min(0,x) - log1pf(expf(-|x|))"),
};

#define ACT_STR_(v) #v
#define ACT_STR(v) ACT_STR_(v)
const act_impl_table act_peer_libmvec = {
    libmvec_impls, sizeof libmvec_impls / sizeof libmvec_impls[0],
    "libmvec (glibc " ACT_STR(__GLIBC__) "." ACT_STR(__GLIBC_MINOR__) ")",
    "glibc's libmvec page (sourceware.org/glibc/wiki/libmvec): its functions were tested to "
    "pass a 4-ulp maximum relative error criterion (the manual's table of errors leaves the "
    "vector functions out); a bound of 4 ulp only where the implementation is one libmvec "
    "function (tanh f; elu at a = 1), none for formulas around them or a derivative from y"};
