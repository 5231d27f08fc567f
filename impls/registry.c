/* actbench: our implementations (own_impls[] below), and the one table of
 * implementations that every suite reads (act_registry: ours, then the peer
 * libraries' tables from impls/peers/, then the plugins', registry.h).
 *
 * A new kernel is one file under impls/<activation>/ (for AVX2 and AVX-512 a
 * simd_*.c written once against the SIMD layer impls/simd/vk.h, which CMake
 * compiles once per ISA) and one entry in own_impls[] below with named
 * fields; its prototypes are generated from the entries
 * (scripts/gen-kernels.py, included by kernels.h).  Names are
 * <activation>.<isa>.<algorithm>; the algorithm tokens say what the kernel
 * does: rr2 = Cody-Waite range reduction with two constants, pN = polynomial
 * of degree N, div = a true division.
 *
 * fwd_ulp / bwd_ulp are the claimed maximum errors over all floats, with the
 * activation's default parameters and dy = 1; the comment above each entry
 * (or group of entries) gives the evidence: the maxima measured and the
 * command that measured them, mostly the accuracy suite's exhaustive sweep
 * against MPFR (`actbench accuracy --exhaustive`).  tests/test_bounds.c holds
 * every kernel to its claims on the sampled sweep.  The flags say whether a
 * NaN input really comes out as NaN. */
#include "registry.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

static int always(void) {
  return 1;
}

#define NAN_BOTH (ACT_NAN_FWD | ACT_NAN_BWD)
/* What a backward kernel reads besides dy (activation.h): f' from x alone,
 * or from the output y alone; an entry with neither reads both. */
#define FROM_X ACT_BWD_NO_Y
#define FROM_Y ACT_BWD_NO_X

/* One entry per kernel, with named fields: OURS(act, isa, "alg") gives
 * .activation, .name = "<act>.<isa>.<alg>", .isa, .origin = "actbench" and
 * .available (the CPU has the ISA: always for scalar); the entry gives the
 * rest, its claims beside the evidence for them. */
#define OURS(act, isa_, alg)                                                              \
  .activation = #act, .name = #act "." #isa_ "." alg, .isa = #isa_, .origin = "actbench", \
  .available = AVAILABLE_##isa_
#define AVAILABLE_scalar always
#define AVAILABLE_avx2 act_cpu_has_avx2
#define AVAILABLE_avx512 act_cpu_has_avx512
/* The stable kernels: the copy built with FMA where the CPU has it (and
 * ACTBENCH_ISA does not cap it away), the plain one elsewhere; both give the
 * same bits (impls/kernels.h, ACT_SCALAR_NAME).  STABLE_DISPATCH(act)
 * defines the registered act_<act>_scalar_stable_fwd and _bwd. */
#define STABLE_DISPATCH(act)                                                                    \
  static void act_##act##_scalar_stable_fwd(const float *x, float *y, size_t n,                 \
                                            const act_params *p) {                              \
    if (act_cpu_features() & ACT_CPU_AVX2)                                                      \
      act_##act##_scalar_stable_fwd_fma(x, y, n, p);                                            \
    else                                                                                        \
      act_##act##_scalar_stable_fwd_generic(x, y, n, p);                                        \
  }                                                                                             \
  static void act_##act##_scalar_stable_bwd(const float *x, const float *y, const float *dy,    \
                                            float *dx, size_t n, const act_params *p) {         \
    if (act_cpu_features() & ACT_CPU_AVX2)                                                      \
      act_##act##_scalar_stable_bwd_fma(x, y, dy, dx, n, p);                                    \
    else                                                                                        \
      act_##act##_scalar_stable_bwd_generic(x, y, dy, dx, n, p);                                \
  }
STABLE_DISPATCH(sigmoid)
STABLE_DISPATCH(tanh)
STABLE_DISPATCH(relu)
STABLE_DISPATCH(leaky_relu)
STABLE_DISPATCH(elu)
STABLE_DISPATCH(selu)
STABLE_DISPATCH(gelu)
STABLE_DISPATCH(gelu_tanh)
STABLE_DISPATCH(silu)
STABLE_DISPATCH(softplus)
STABLE_DISPATCH(mish)
STABLE_DISPATCH(hardsigmoid)
STABLE_DISPATCH(hardswish)
STABLE_DISPATCH(logsigmoid)

/* Ours, one entry per kernel.  The peers come in their own tables
 * (impls/peers/). */
static const act_impl own_impls[] = {
    /* ---- sigmoid.  naive, stable, autovec: the maxima seen, rounded up, in a
     * comparison over all 2^32 floats against a double-precision reference
     * made while writing the kernels (glibc 2.36, gcc 12): stable 1.48 / 1.49,
     * autovec 0.80 / 0.80; naive 2^21 (expf overflow flushes y to 0 below
     * x = -88.7) / 2^24 (1 - y cancels); for the scalar kernels the
     * exhaustive sweep against MPFR (`actbench accuracy --exhaustive
     * --activation sigmoid --impl 'sigmoid.scalar.*' --formats binary32`, 278 s
     * on two threads) gives stable 1.47 / 1.49, naive 2.1e6 / 1.68e7.  The
     * stable kernel keeps some margin for other C libraries' expf. */
    {OURS(sigmoid, scalar, "naive"), .fwd = act_sigmoid_scalar_naive_fwd, .bwd = act_sigmoid_scalar_naive_bwd,
     .fwd_ulp = 0x1p21, .bwd_ulp = 0x1p24, .bwd_formula = "a*y*(1-y)", .flags = NAN_BOTH | FROM_Y,
     .note = "1/(1+expf(-a x)); f' from y cancels as y -> 1"},
    {OURS(sigmoid, scalar, "stable"), .fwd = act_sigmoid_scalar_stable_fwd,
     .bwd = act_sigmoid_scalar_stable_bwd, .fwd_ulp = 2.0, .bwd_ulp = 2.0,
     .bwd_formula = "a*e/(1+e)^2, e=exp(-|ax|)", .flags = NAN_BOTH | FROM_X,
     .note = "expf(-|ax|), double-float 1/(1+e)"},
    {OURS(sigmoid, avx2, "autovec-rr2-p7-div"), .fwd = act_sigmoid_avx2_autovec_rr2_p7_div_fwd,
     .bwd = act_sigmoid_avx2_autovec_rr2_p7_div_bwd, .fwd_ulp = 1.0, .bwd_ulp = 1.0,
     .bwd_formula = "a*e/(1+e)^2, e=exp(-|ax|)", .flags = NAN_BOTH | FROM_X,
     .note = "gcc-vectorized C: inline exp, double-float 1/(1+e)"},
    {OURS(sigmoid, avx512, "autovec-rr2-p7-div"), .fwd = act_sigmoid_avx512_autovec_rr2_p7_div_fwd,
     .bwd = act_sigmoid_avx512_autovec_rr2_p7_div_bwd, .fwd_ulp = 1.0, .bwd_ulp = 1.0,
     .bwd_formula = "a*e/(1+e)^2, e=exp(-|ax|)", .flags = NAN_BOTH | FROM_X,
     .note = "gcc-vectorized C: inline exp, double-float 1/(1+e)"},
    /* ---- sigmoid: AVX2+FMA and AVX-512 kernels (impls/sigmoid/simd_sigmoid.c,
     * compiled per ISA). */
    /* claims: the exhaustive sweep over all 2^32 floats (a = 1), `nice -n 5 build/actbench
     * accuracy --exhaustive --activation sigmoid --impl 'sigmoid.avx*.rr*' --formats binary32
     * --out DIR` (36 min on 2 shared cores), maxima rounded up; no special-value or NaN
     * failures.  f' from y is measured with y from the kernel's own forward. */
    /* exhaustive: f max 2.874 at x = -0x1.aa0634p+3, f' max 4.928 at x = -0x1.549f3p+1 */
    {OURS(sigmoid, avx2, "rr2-lut8-p3-div"), .fwd = act_sigmoid_avx2_rr2_lut8_p3_div_fwd,
     .bwd = act_sigmoid_avx2_rr2_lut8_p3_div_bwd, .fwd_ulp = 2.9, .bwd_ulp = 5.0,
     .bwd_formula = "a*e/(1+e)^2, e=exp(-|ax|)", .flags = NAN_BOTH | FROM_X, .note = "fast"},
    /* exhaustive: f max 2.874 at x = -0x1.aa0634p+3, f' max 1.749e7 at x = 0x1.0adc96p+4 */
    {OURS(sigmoid, avx2, "rr2-lut8-p3-div-from-y"), .fwd = act_sigmoid_avx2_rr2_lut8_p3_div_fwd,
     .bwd = act_sigmoid_avx2_rr2_lut8_p3_div_from_y_bwd, .fwd_ulp = 2.9, .bwd_ulp = 1.8e7,
     .bwd_formula = "a*y*(1-y)", .flags = NAN_BOTH | FROM_Y, .note = "fast; f' from y"},
    /* exhaustive: f max 0.5861 at x = -0x1.92a78ep+4, f' max 0.586 at x = -0x1.92a78ep+4 */
    {OURS(sigmoid, avx2, "rr2-lut8-p5-nr2fma-dd"), .fwd = act_sigmoid_avx2_rr2_lut8_p5_nr2fma_dd_fwd,
     .bwd = act_sigmoid_avx2_rr2_lut8_p5_nr2fma_dd_bwd, .fwd_ulp = 0.59, .bwd_ulp = 0.59,
     .bwd_formula = "a*e/(1+e)^2", .flags = NAN_BOTH | FROM_X, .note = "accurate"},
    /* exhaustive: f max 3.895 at x = -0x1.e8ab92p+2, f' max 6.21 at x = -0x1.08755cp+2 */
    {OURS(sigmoid, avx512, "rr2-lut32-p2-div"), .fwd = act_sigmoid_avx512_rr2_lut32_p2_div_fwd,
     .bwd = act_sigmoid_avx512_rr2_lut32_p2_div_bwd, .fwd_ulp = 3.9, .bwd_ulp = 6.3,
     .bwd_formula = "a*e/(1+e)^2, e=exp(-|ax|)", .flags = NAN_BOTH | FROM_X, .note = "fast"},
    /* exhaustive: f max 3.895 at x = -0x1.e8ab92p+2, f' max 4.295 at x = -0x1.e8ab66p+2 */
    {OURS(sigmoid, avx512, "rr2-lut32-p2-div-x64"), .fwd = act_sigmoid_avx512_rr2_lut32_p2_div_x64_fwd,
     .bwd = act_sigmoid_avx512_rr2_lut32_p2_div_x64_bwd, .fwd_ulp = 3.9, .bwd_ulp = 4.3,
     .bwd_formula = "a*s*(1-s), s=sigma(-|ax|)", .flags = NAN_BOTH | FROM_X, .note = "fast"},
    /* exhaustive: f max 6.87 at x = -0x1.5ab9e8p+6, f' max 6.87 at x = -0x1.5ab9e8p+6 */
    {OURS(sigmoid, avx512, "rr1-lut32-p2-div-x64"), .fwd = act_sigmoid_avx512_rr1_lut32_p2_div_x64_fwd,
     .bwd = act_sigmoid_avx512_rr1_lut32_p2_div_x64_bwd, .fwd_ulp = 6.9, .bwd_ulp = 6.9,
     .bwd_formula = "a*s*(1-s), s=sigma(-|ax|)", .flags = NAN_BOTH | FROM_X, .note = "fast"},
    /* exhaustive: f max 3.895 at x = -0x1.e8ab92p+2, f' max 1.696e7 at x = 0x1.0a577ep+4 */
    {OURS(sigmoid, avx512, "rr2-lut32-p2-div-from-y"), .fwd = act_sigmoid_avx512_rr2_lut32_p2_div_x64_fwd,
     .bwd = act_sigmoid_avx512_rr2_lut32_p2_div_from_y_bwd, .fwd_ulp = 3.9, .bwd_ulp = 1.7e7,
     .bwd_formula = "a*y*(1-y)", .flags = NAN_BOTH | FROM_Y, .note = "fast; f' from y"},
    /* exhaustive: f max 0.5116 at x = -0x1.d2e124p+5, f' max 0.5119 at x = -0x1.c2e66p+2 */
    {OURS(sigmoid, avx512, "rr2-lut64-p3-nr2fma-dd"), .fwd = act_sigmoid_avx512_rr2_lut64_p3_nr2fma_dd_fwd,
     .bwd = act_sigmoid_avx512_rr2_lut64_p3_nr2fma_dd_bwd, .fwd_ulp = 0.52, .bwd_ulp = 0.52,
     .bwd_formula = "a*e/(1+e)^2", .flags = NAN_BOTH | FROM_X, .note = "accurate"},
    /* ---- tanh.  naive, stable, autovec: as sigmoid's (the same comparison):
     * stable 1.62 / 1.49, autovec 0.95 / 0.82; naive 2.19 (glibc tanhf) /
     * 2^24; for the scalar kernels the exhaustive sweep against MPFR
     * (`actbench accuracy --exhaustive --activation tanh --impl
     * 'tanh.scalar.*' --formats binary32`, 722 s on one thread) gives the
     * same maxima: stable 1.62 / 1.49, naive 2.19 / 1.68e7.  The stable kernel
     * keeps some margin for other C libraries' expf/expm1f. */
    {OURS(tanh, scalar, "naive"), .fwd = act_tanh_scalar_naive_fwd, .bwd = act_tanh_scalar_naive_bwd,
     .fwd_ulp = 2.5, .bwd_ulp = 0x1p24, .bwd_formula = "1-y*y", .flags = NAN_BOTH | FROM_Y,
     .note = "tanhf; f' from y cancels as |y| -> 1"},
    {OURS(tanh, scalar, "stable"), .fwd = act_tanh_scalar_stable_fwd, .bwd = act_tanh_scalar_stable_bwd,
     .fwd_ulp = 2.0, .bwd_ulp = 2.0, .bwd_formula = "4e/(1+e)^2, e=exp(-2|x|)",
     .flags = NAN_BOTH | FROM_X, .note = "expm1f for |x| < atanh(1/2), expf beyond"},
    {OURS(tanh, avx2, "autovec-rr2-p7-div"), .fwd = act_tanh_avx2_autovec_rr2_p7_div_fwd,
     .bwd = act_tanh_avx2_autovec_rr2_p7_div_bwd, .fwd_ulp = 1.0, .bwd_ulp = 1.0,
     .bwd_formula = "4e/(1+e)^2, e=exp(-2|x|)", .flags = NAN_BOTH | FROM_X,
     .note = "gcc-vectorized C: inline expm1/exp, double-float reciprocal"},
    {OURS(tanh, avx512, "autovec-rr2-p7-div"), .fwd = act_tanh_avx512_autovec_rr2_p7_div_fwd,
     .bwd = act_tanh_avx512_autovec_rr2_p7_div_bwd, .fwd_ulp = 1.0, .bwd_ulp = 1.0,
     .bwd_formula = "4e/(1+e)^2, e=exp(-2|x|)", .flags = NAN_BOTH | FROM_X,
     .note = "gcc-vectorized C: inline expm1/exp, double-float reciprocal"},
/* tanh: our AVX2 and AVX-512 kernels (impls/tanh/simd_tanh.c).  Claims: the
 * exhaustive maxima (all 2^32 floats) rounded up, from
 *   build/actbench accuracy --exhaustive --activation tanh --impl 'tanh.avx*.[pr]*'
 *     --formats binary32 */
#define TG_SECH2 "4e/(1+e)^2, e=exp(-2|x|)"
    /* exhaustive: f max 0.7875 at x = -0x1.75ee44p-1, f' max 0.7643 at x = -0x1.63feaap+5 */
    {OURS(tanh, avx512, "p13-lut16-p3-nr1fma"), .fwd = act_tanh_avx512_p13_lut16_p3_nr1fma_fwd,
     .bwd = act_tanh_avx512_p13_lut16_p3_nr1fma_bwd, .fwd_ulp = 0.79, .bwd_ulp = 0.77, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X,
     .note = "x + x^3 P(x^2) below 0.7, 1 - 2e/(1+e) with a lut16 exp beyond"},
    /* exhaustive: f max 1.165 at x = -0x1.469f4ap-1, f' max 0.7643 at x = -0x1.63feaap+5 */
    {OURS(tanh, avx512, "p11-lut16-p3-nr1fma"), .fwd = act_tanh_avx512_p11_lut16_p3_nr1fma_fwd,
     .bwd = act_tanh_avx512_p13_lut16_p3_nr1fma_bwd, .fwd_ulp = 1.17, .bwd_ulp = 0.77, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X,
     .note = "degree 11 below 0.5625, lut16 exp without the table correction beyond"},
    /* exhaustive: f max 5.402 at x = -0x1.c87c8cp+2, f' max 0.7643 at x = -0x1.63feaap+5 */
    {OURS(tanh, avx512, "rational-9-8-div"), .fwd = act_tanh_avx512_rational_9_8_div_fwd,
     .bwd = act_tanh_avx512_p13_lut16_p3_nr1fma_bwd, .fwd_ulp = 5.5, .bwd_ulp = 0.77, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X, .note = "x P(x^2)/Q(x^2) clamped at 9.02, true division"},
    /* exhaustive: f max 5.402 at x = -0x1.c87c8cp+2, f' max 0.7643 at x = -0x1.63feaap+5 */
    {OURS(tanh, avx512, "rational-9-8-nr1fma"), .fwd = act_tanh_avx512_rational_9_8_nr1fma_fwd,
     .bwd = act_tanh_avx512_p13_lut16_p3_nr1fma_bwd, .fwd_ulp = 5.5, .bwd_ulp = 0.77, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X,
     .note = "x P(x^2)/Q(x^2) clamped at 9.02, rcp14 + one Newton step"},
    /* exhaustive: f max 5.402 at x = -0x1.c87c8cp+2, f' max 0.7643 at x = -0x1.63feaap+5 */
    {OURS(tanh, avx512, "rational-9-8-div-x64"), .fwd = act_tanh_avx512_rational_9_8_div_x64_fwd,
     .bwd = act_tanh_avx512_p13_lut16_p3_nr1fma_bwd, .fwd_ulp = 5.5, .bwd_ulp = 0.77, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X, .note = "as rational-9-8-div, 4 vectors per loop iteration"},
    /* exhaustive: f max 5.402 at x = -0x1.c87c8cp+2, f' max 1.177e+08 at x = -0x1.209f14p+3 */
    {OURS(tanh, avx512, "rational-9-8-div-from-y"), .fwd = act_tanh_avx512_rational_9_8_div_fwd,
     .bwd = act_tanh_avx512_rational_9_8_div_from_y_bwd, .fwd_ulp = 5.5, .bwd_ulp = 1.2e8, .bwd_formula = "1-y*y",
     .flags = NAN_BOTH | FROM_Y,
     .note = "rational-9-8-div; f' = 1 - y^2 from the output, as frameworks do"},
    /* exhaustive (build/actbench accuracy --exhaustive --activation tanh --impl
     * 'tanh.avx*.p13-*from-y' --formats binary32, 6.5 min on 2 cores): f max 0.7875 at
     * x = -0x1.75ee44p-1, f' max 1.6777215e7 = 2^24 (1 - 1.2e-9) at x = -0x1.3687aap+3, where y
     * rounds to 1 (as the correctly rounded tanh does) and 1 - y^2 = 0 against 1.49e-8 */
    {OURS(tanh, avx512, "p13-lut16-p3-nr1fma-from-y"), .fwd = act_tanh_avx512_p13_lut16_p3_nr1fma_fwd,
     .bwd = act_tanh_avx512_rational_9_8_div_from_y_bwd, .fwd_ulp = 0.79, .bwd_ulp = 0x1p24, .bwd_formula = "1-y*y",
     .flags = NAN_BOTH | FROM_Y,
     .note = "p13-lut16-p3-nr1fma; f' = 1 - y^2 from the output, as frameworks do"},
    /* exhaustive: f max 0.7902 at x = -0x1.864272p-1, f' max 0.7716 at x = -0x1.641f7ap+5 */
    {OURS(tanh, avx2, "p13-lut8-p4-div"), .fwd = act_tanh_avx2_p13_lut8_p4_div_fwd,
     .bwd = act_tanh_avx2_p13_lut8_p4_div_bwd, .fwd_ulp = 0.80, .bwd_ulp = 0.78, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X,
     .note = "x + x^3 P(x^2) below 0.7, 1 - 2e/(1+e) with a lut8 exp beyond"},
    /* exhaustive: f max 1.009 at x = -0x1.ca6acap-1, f' max 0.7716 at x = -0x1.641f7ap+5 */
    {OURS(tanh, avx2, "p13-lut8-p3-div"), .fwd = act_tanh_avx2_p13_lut8_p3_div_fwd,
     .bwd = act_tanh_avx2_p13_lut8_p4_div_bwd, .fwd_ulp = 1.1, .bwd_ulp = 0.78, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X,
     .note = "as p13-lut8-p4-div without the table correction, exp of degree 3"},
    /* exhaustive: f max 5.402 at x = -0x1.c87c8cp+2, f' max 0.7716 at x = -0x1.641f7ap+5 */
    {OURS(tanh, avx2, "rational-9-8-div"), .fwd = act_tanh_avx2_rational_9_8_div_fwd,
     .bwd = act_tanh_avx2_p13_lut8_p4_div_bwd, .fwd_ulp = 5.5, .bwd_ulp = 0.78, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X, .note = "x P(x^2)/Q(x^2) clamped at 9.02, true division"},
    /* exhaustive: f max 5.402 at x = -0x1.c87c8cp+2, f' max 0.7716 at x = -0x1.641f7ap+5 */
    {OURS(tanh, avx2, "rational-9-8-nr2fma"), .fwd = act_tanh_avx2_rational_9_8_nr2fma_fwd,
     .bwd = act_tanh_avx2_p13_lut8_p4_div_bwd, .fwd_ulp = 5.5, .bwd_ulp = 0.78, .bwd_formula = TG_SECH2,
     .flags = NAN_BOTH | FROM_X,
     .note = "x P(x^2)/Q(x^2) clamped at 9.02, rcpps + two Newton steps"},
    /* exhaustive: f max 5.402 at x = -0x1.c87c8cp+2, f' max 1.177e+08 at x = -0x1.209f14p+3 */
    {OURS(tanh, avx2, "rational-9-8-div-from-y"), .fwd = act_tanh_avx2_rational_9_8_div_fwd,
     .bwd = act_tanh_avx2_rational_9_8_div_from_y_bwd, .fwd_ulp = 5.5, .bwd_ulp = 1.2e8, .bwd_formula = "1-y*y",
     .flags = NAN_BOTH | FROM_Y,
     .note = "rational-9-8-div; f' = 1 - y^2 from the output, as frameworks do"},
    /* exhaustive (the same sweep): f max 0.7902 at x = -0x1.864272p-1, f' max 1.6777215e7 at
     * x = -0x1.3687aap+3 (y = 1) */
    {OURS(tanh, avx2, "p13-lut8-p4-div-from-y"), .fwd = act_tanh_avx2_p13_lut8_p4_div_fwd,
     .bwd = act_tanh_avx2_rational_9_8_div_from_y_bwd, .fwd_ulp = 0.80, .bwd_ulp = 0x1p24, .bwd_formula = "1-y*y",
     .flags = NAN_BOTH | FROM_Y,
     .note = "p13-lut8-p4-div; f' = 1 - y^2 from the output, as frameworks do"},
    /* ---- relu: exact.  Scalar kernels, exhaustive (all 2^32 floats, against
     * MPFR): f and f' max 0 ulp, naive and stable (`actbench accuracy
     * --exhaustive --activation relu --impl 'relu.scalar.*' --formats binary32`,
     * 213 s on one thread; naive: a number for the 16777214 NaN inputs, its
     * flags say so) */
    {OURS(relu, scalar, "naive"), .fwd = act_relu_scalar_naive_fwd, .bwd = act_relu_scalar_naive_bwd,
     .fwd_ulp = 0.0, .bwd_ulp = 0.0, .bwd_formula = "x > 0 ? 1 : 0", .flags = 0u | FROM_X,
     .note = "x > 0 ? x : 0; NaN gives 0"},
    {OURS(relu, scalar, "stable"), .fwd = act_relu_scalar_stable_fwd, .bwd = act_relu_scalar_stable_bwd,
     .fwd_ulp = 0.0, .bwd_ulp = 0.0, .bwd_formula = "x > 0 ? 1 : 0", .flags = NAN_BOTH | FROM_X,
     .note = "NaN passed through"},
    {OURS(relu, avx2, "autovec"), .fwd = act_relu_avx2_autovec_fwd,
     .bwd = act_relu_avx2_autovec_bwd, .fwd_ulp = 0.0, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : 0", .flags = NAN_BOTH | FROM_X, .note = "gcc-vectorized select"},
    {OURS(relu, avx512, "autovec"), .fwd = act_relu_avx512_autovec_fwd,
     .bwd = act_relu_avx512_autovec_bwd, .fwd_ulp = 0.0, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : 0", .flags = NAN_BOTH | FROM_X, .note = "gcc-vectorized select"},
    /* relu: AVX2 / AVX-512 on the SIMD layer (impls/relu/simd_relu.c), exact.
     * exhaustive (build/actbench accuracy --exhaustive --activation relu
     * --impl 'relu.avx*.*-nan*' --formats binary32 --out DIR; 290 s on 2 cores), all four:
     * f max 0, f' max 0 (every non-NaN float correctly rounded, -0 gives +0); max-nan0: the
     * 2^24 - 2 NaN inputs give 0 both ways (no NaN flag); cmp-nanprop: every NaN kept. */
    {OURS(relu, avx2, "max-nan0"), .fwd = act_relu_avx2_max_nan0_fwd,
     .bwd = act_relu_avx2_max_nan0_bwd, .fwd_ulp = 0.0, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : 0", .flags = 0u | FROM_X,
     .note = "max(x, 0): NaN gives 0 forward and backward"},
    {OURS(relu, avx512, "max-nan0"), .fwd = act_relu_avx512_max_nan0_fwd,
     .bwd = act_relu_avx512_max_nan0_bwd, .fwd_ulp = 0.0, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : 0", .flags = 0u | FROM_X,
     .note = "max(x, 0): NaN gives 0 forward and backward"},
    {OURS(relu, avx2, "cmp-nanprop"), .fwd = act_relu_avx2_cmp_nanprop_fwd,
     .bwd = act_relu_avx2_cmp_nanprop_bwd, .fwd_ulp = 0.0, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : 0 (NaN: x)", .flags = NAN_BOTH | FROM_X,
     .note = "x > 0 or NaN ? x : 0: NaN passed through forward and backward"},
    {OURS(relu, avx512, "cmp-nanprop"), .fwd = act_relu_avx512_cmp_nanprop_fwd,
     .bwd = act_relu_avx512_cmp_nanprop_bwd, .fwd_ulp = 0.0, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : 0 (NaN: x)", .flags = NAN_BOTH | FROM_X,
     .note = "x > 0 or NaN ? x : 0: NaN passed through forward and backward"},
    /* ---- leaky_relu: one rounding of a x.  Scalar kernels, exhaustive (all
     * 2^32 floats, a = 0.01, `actbench accuracy --exhaustive --activation
     * leaky_relu --impl 'leaky_relu.scalar.*' --formats binary32`): f max 0.5,
     * f' max 0, naive and stable */
    {OURS(leaky_relu, scalar, "naive"), .fwd = act_leaky_relu_scalar_naive_fwd,
     .bwd = act_leaky_relu_scalar_naive_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : a", .flags = ACT_NAN_FWD | FROM_X,
     .note = "x > 0 ? x : a x; NaN gives a*dy backward"},
    {OURS(leaky_relu, scalar, "stable"), .fwd = act_leaky_relu_scalar_stable_fwd,
     .bwd = act_leaky_relu_scalar_stable_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : a", .flags = NAN_BOTH | FROM_X, .note = "NaN passed through"},
    {OURS(leaky_relu, avx2, "autovec"), .fwd = act_leaky_relu_avx2_autovec_fwd,
     .bwd = act_leaky_relu_avx2_autovec_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : a", .flags = NAN_BOTH | FROM_X, .note = "gcc-vectorized select"},
    {OURS(leaky_relu, avx512, "autovec"), .fwd = act_leaky_relu_avx512_autovec_fwd,
     .bwd = act_leaky_relu_avx512_autovec_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : a", .flags = NAN_BOTH | FROM_X, .note = "gcc-vectorized select"},
    /* leaky_relu: AVX2 / AVX-512 on the SIMD layer (impls/leaky_relu/simd_leaky.c):
     * f is the one rounding of a x, f' = a dy.  exhaustive (build/actbench accuracy
     * --exhaustive --activation leaky_relu --impl 'leaky_relu.avx*.*-nan*' --formats binary32
     * --out DIR; 625 s on 2 busy cores), all four: f max 0.5 at x = -0x1.4p+127 (a tie, rounded
     * to even: every non-NaN float correctly rounded), f' max 0 (a = 0.01 exactly as the float
     * a); max-ax-x-nanfwd: the 2^24 - 2 NaN inputs give a backward (ACT_NAN_FWD only). */
    {OURS(leaky_relu, avx2, "max-ax-x-nanfwd"), .fwd = act_leaky_relu_avx2_max_ax_x_nanfwd_fwd,
     .bwd = act_leaky_relu_avx2_max_ax_x_nanfwd_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : a (NaN: a)", .flags = ACT_NAN_FWD | FROM_X,
     .note = "max(a x, x): NaN gives NaN forward, a dy backward"},
    {OURS(leaky_relu, avx512, "max-ax-x-nanfwd"), .fwd = act_leaky_relu_avx512_max_ax_x_nanfwd_fwd,
     .bwd = act_leaky_relu_avx512_max_ax_x_nanfwd_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : a (NaN: a)", .flags = ACT_NAN_FWD | FROM_X,
     .note = "max(a x, x): NaN gives NaN forward, a dy backward"},
    {OURS(leaky_relu, avx2, "blend-nanprop"), .fwd = act_leaky_relu_avx2_blend_nanprop_fwd,
     .bwd = act_leaky_relu_avx2_blend_nanprop_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : a (NaN: x)", .flags = NAN_BOTH | FROM_X,
     .note = "x <= 0 ? a x : x: NaN passed through forward and backward"},
    {OURS(leaky_relu, avx512, "blend-nanprop"), .fwd = act_leaky_relu_avx512_blend_nanprop_fwd,
     .bwd = act_leaky_relu_avx512_blend_nanprop_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.0,
     .bwd_formula = "x > 0 ? 1 : a (NaN: x)", .flags = NAN_BOTH | FROM_X,
     .note = "x <= 0 ? a x : x: NaN passed through forward and backward"},
    /* ---- the rest of the family: scalar kernels.  Claims from the
     * exhaustive sweep (all 2^32 floats against MPFR, default parameters:
     *   actbench accuracy --exhaustive --activation A --impl 'A.scalar.*'
     *     --formats binary32
     * ; "exhaustive:" in the comments, f / f' maxima, and its wall time).
     * naive: the next power of two above the maximum where it is a
     * 2^24-class error (a result that has lost every bit); stable: the
     * maximum rounded up to a round figure. */
    /* exhaustive (565 s on one thread): naive 0.773 / 1.68e7; stable 0.773 / 0.502 */
    {OURS(elu, scalar, "naive"), .fwd = act_elu_scalar_naive_fwd, .bwd = act_elu_scalar_naive_bwd, .fwd_ulp = 1.0,
     .bwd_ulp = 0x1p25, .bwd_formula = "x > 0 ? 1 : y + a", .flags = NAN_BOTH,
     .note = "a expm1f(x); f' from y: y + a cancels as y -> -a"},
    {OURS(elu, scalar, "stable"), .fwd = act_elu_scalar_stable_fwd, .bwd = act_elu_scalar_stable_bwd,
     .fwd_ulp = 1.0, .bwd_ulp = 0.75, .bwd_formula = "x > 0 ? 1 : a*expf(x)",
     .flags = NAN_BOTH | FROM_X, .note = "a expm1f(x); f' = a expf(x) from x"},
    /* elu: vector kernels (impls/elu/elu_vec.h).  Claims: the maxima of
     *   actbench accuracy --exhaustive --activation elu --impl 'elu.avx*.rr1*'
     *     --formats binary32
     * rounded up (AVX2 and AVX-512 give the same bits):
     * exhaustive rr1-p7: f max 0.8905 at x = -0x1.680e9ep-2, f' max 0.9814 at
     *   x = -0x1.b5484ep+4 (all four: the same rr2-p7 exp backward);
     * rr1-lut8-p4: f max 2.613 at x = -0x1.b922p-5;
     * rr1-lut8d-p4: f max 1.315 at x = -0x1.6331ecp-5;
     * rr1-lut8-p4-from-y: f' max 1.678e7 = 2^24 (1 - eps) at x = -0x1.3687aap+4
     *   (y + a = 0 where e^x = 2^-28). */
    {OURS(elu, avx512, "rr1-p7"), .fwd = act_elu_avx512_rr1_p7_fwd,
     .bwd = act_elu_avx512_rr1_p7_bwd, .fwd_ulp = 0.9, .bwd_ulp = 0.99,
     .bwd_formula = "x > 0 ? 1 : a e^x (rr2-p7)", .flags = NAN_BOTH | FROM_X,
     .note = "expm1 = 2^n (1 + q) - 1, q = expm1(r) of degree 7; f' e^x rr2, degree 7"},
    {OURS(elu, avx512, "rr1-lut8-p4"), .fwd = act_elu_avx512_rr1_lut8_p4_fwd,
     .bwd = act_elu_avx512_rr1_lut8_p4_bwd, .fwd_ulp = 2.62, .bwd_ulp = 0.99,
     .bwd_formula = "x > 0 ? 1 : a e^x (rr2-p7)", .flags = NAN_BOTH | FROM_X,
     .note = "2^(n/8) from an 8-entry table (vpermps), expm1(r) of degree 4"},
    {OURS(elu, avx512, "rr1-lut8d-p4"), .fwd = act_elu_avx512_rr1_lut8d_p4_fwd,
     .bwd = act_elu_avx512_rr1_lut8d_p4_bwd, .fwd_ulp = 1.32, .bwd_ulp = 0.99,
     .bwd_formula = "x > 0 ? 1 : a e^x (rr2-p7)", .flags = NAN_BOTH | FROM_X,
     .note = "rr1-lut8-p4 with the table's rounding corrected (a second table)"},
    {OURS(elu, avx512, "rr1-lut8-p4-from-y"), .fwd = act_elu_avx512_rr1_lut8_p4_from_y_fwd,
     .bwd = act_elu_avx512_rr1_lut8_p4_from_y_bwd, .fwd_ulp = 2.62, .bwd_ulp = 0x1p24,
     .bwd_formula = "y > 0 ? 1 : y + a", .flags = NAN_BOTH | FROM_Y,
     .note = "f' from y as frameworks do: y + a cancels as y -> -a"},
    {OURS(elu, avx2, "rr1-p7"), .fwd = act_elu_avx2_rr1_p7_fwd, .bwd = act_elu_avx2_rr1_p7_bwd,
     .fwd_ulp = 0.9, .bwd_ulp = 0.99, .bwd_formula = "x > 0 ? 1 : a e^x (rr2-p7)",
     .flags = NAN_BOTH | FROM_X,
     .note = "expm1 = 2^n (1 + q) - 1, q = expm1(r) of degree 7; f' e^x rr2, degree 7"},
    {OURS(elu, avx2, "rr1-lut8-p4"), .fwd = act_elu_avx2_rr1_lut8_p4_fwd,
     .bwd = act_elu_avx2_rr1_lut8_p4_bwd, .fwd_ulp = 2.62, .bwd_ulp = 0.99,
     .bwd_formula = "x > 0 ? 1 : a e^x (rr2-p7)", .flags = NAN_BOTH | FROM_X,
     .note = "2^(n/8) from an 8-entry table (vpermps), expm1(r) of degree 4"},
    {OURS(elu, avx2, "rr1-lut8d-p4"), .fwd = act_elu_avx2_rr1_lut8d_p4_fwd,
     .bwd = act_elu_avx2_rr1_lut8d_p4_bwd, .fwd_ulp = 1.32, .bwd_ulp = 0.99,
     .bwd_formula = "x > 0 ? 1 : a e^x (rr2-p7)", .flags = NAN_BOTH | FROM_X,
     .note = "rr1-lut8-p4 with the table's rounding corrected (a second table)"},
    {OURS(elu, avx2, "rr1-lut8-p4-from-y"), .fwd = act_elu_avx2_rr1_lut8_p4_from_y_fwd,
     .bwd = act_elu_avx2_rr1_lut8_p4_from_y_bwd, .fwd_ulp = 2.62, .bwd_ulp = 0x1p24,
     .bwd_formula = "y > 0 ? 1 : y + a", .flags = NAN_BOTH | FROM_Y,
     .note = "f' from y as frameworks do: y + a cancels as y -> -a"},
    /* exhaustive (804 s on one thread): naive 1.82 / 1.88e7; stable 1.01 / 0.801
     * (the sampled sweep had seen 0.902 / 0.769: the claim of 1 it gave was
     * wrong, now 1.25) */
    {OURS(selu, scalar, "naive"), .fwd = act_selu_scalar_naive_fwd, .bwd = act_selu_scalar_naive_bwd,
     .fwd_ulp = 2.0, .bwd_ulp = 0x1p25, .bwd_formula = "x > 0 ? l : y + l*a", .flags = NAN_BOTH,
     .note = "float constants, la expm1f(x); f' from y cancels as y -> -la"},
    {OURS(selu, scalar, "stable"), .fwd = act_selu_scalar_stable_fwd, .bwd = act_selu_scalar_stable_bwd,
     .fwd_ulp = 1.25, .bwd_ulp = 1.0, .bwd_formula = "x > 0 ? l : l*a*e^x",
     .flags = NAN_BOTH | FROM_X, .note = "double-float constants, inline exp, expm1 series near 0"},
    /* exhaustive (1276 s on two loaded threads): naive 1.68e7 / 1.99e7 (root; Z, P, D, S
     * tails); stable 3.68 (glibc erfcf) / 0.937, its one tail (+0 for x = -2^-149, S)
     * mended in stable.c since, that range re-measured (--lo -1e-30 --hi 1e-30: all CR) */
    {OURS(gelu, scalar, "naive"), .fwd = act_gelu_scalar_naive_fwd, .bwd = act_gelu_scalar_naive_bwd,
     .fwd_ulp = 0x1p25, .bwd_ulp = 0x1p25, .bwd_formula = "Phi + x*phi", .flags = NAN_BOTH | FROM_X,
     .note = "x/2 (1 + erff(x/sqrt 2)): cancels for x < 0"},
    {OURS(gelu, scalar, "stable"), .fwd = act_gelu_scalar_stable_fwd, .bwd = act_gelu_scalar_stable_bwd,
     .fwd_ulp = 4.0, .bwd_ulp = 1.0, .bwd_formula = "Phi + x*phi", .flags = NAN_BOTH | FROM_X,
     .note = "erfcf/erff with a double-float argument, Mills-ratio tail"},
    /* gelu: vector kernels (impls/gelu/gelu_vec.h).  Claims: the maxima of
     *   actbench accuracy --exhaustive --activation gelu --impl 'gelu.avx*.erfc*'
     *     --formats binary32
     * (782 s on 2 busy cores) rounded up; all maxima at x < 0:
     * exhaustive lut16-p6-dd: f max 0.928 at x = -0x1.f5586p-3,
     *   f' max 0.927 at x = -0x1.8f1932p+0;
     * exhaustive lut16-p6: f max 3.90 at x = -0x1.8e49bcp+3,
     *   f' max 3.94 at x = -0x1.2bd6f4p+0;
     * exhaustive lut8-p8-dd: f max 1.28 at x = -0x1.fe02ecp-2,
     *   f' max 1.19 at x = -0x1.944e8ep+1;
     * exhaustive lut8-p8: f max 3.85 at x = -0x1.8c605ep+2,
     *   f' max 4.41 at x = -0x1.8a00bp-1. */
    {OURS(gelu, avx512, "erfc-rr2-p7-lut16-p6-dd"), .fwd = act_gelu_avx512_erfc_rr2_p7_lut16_p6_dd_fwd,
     .bwd = act_gelu_avx512_erfc_rr2_p7_lut16_p6_dd_bwd, .fwd_ulp = 0.94, .bwd_ulp = 0.94,
     .bwd_formula = "x<0 ? D : 1-D, D = e^(-x^2/2) h(|x|), root factored",
     .flags = NAN_BOTH | FROM_X,
     .note = "x Q or x (1-Q), Q = e^(-x^2/2) F(|x|), F by table polynomials; double-float"},
    {OURS(gelu, avx512, "erfc-rr2-p7-lut16-p6"), .fwd = act_gelu_avx512_erfc_rr2_p7_lut16_p6_fwd,
     .bwd = act_gelu_avx512_erfc_rr2_p7_lut16_p6_bwd, .fwd_ulp = 4.0, .bwd_ulp = 4.0,
     .bwd_formula = "x<0 ? D : 1-D, D = e^(-x^2/2) h(|x|), root factored",
     .flags = NAN_BOTH | FROM_X,
     .note = "x Q or x (1-Q), Q = e^(-x^2/2) F(|x|), F by table polynomials"},
    {OURS(gelu, avx2, "erfc-rr2-p7-lut8-p8-dd"), .fwd = act_gelu_avx2_erfc_rr2_p7_lut8_p8_dd_fwd,
     .bwd = act_gelu_avx2_erfc_rr2_p7_lut8_p8_dd_bwd, .fwd_ulp = 1.3, .bwd_ulp = 1.2,
     .bwd_formula = "x<0 ? D : 1-D, D = e^(-x^2/2) h(|x|), root factored",
     .flags = NAN_BOTH | FROM_X,
     .note = "x Q or x (1-Q), Q = e^(-x^2/2) F(|x|), F by table polynomials; double-float"},
    {OURS(gelu, avx2, "erfc-rr2-p7-lut8-p8"), .fwd = act_gelu_avx2_erfc_rr2_p7_lut8_p8_fwd,
     .bwd = act_gelu_avx2_erfc_rr2_p7_lut8_p8_bwd, .fwd_ulp = 3.9, .bwd_ulp = 4.5,
     .bwd_formula = "x<0 ? D : 1-D, D = e^(-x^2/2) h(|x|), root factored",
     .flags = NAN_BOTH | FROM_X,
     .note = "x Q or x (1-Q), Q = e^(-x^2/2) F(|x|), F by table polynomials"},
    /* exhaustive (540 s on two loaded threads): naive 1.68e7 / 5.61e7 (root; Z, P, D, S
     * tails); stable 0.802 / 0.787, its one tail (+0 for x = -2^-149, S) mended in stable.c
     * since, that range re-measured (--lo -1e-30 --hi 1e-30: all CR) */
    {OURS(gelu_tanh, scalar, "naive"), .fwd = act_gelu_tanh_scalar_naive_fwd,
     .bwd = act_gelu_tanh_scalar_naive_bwd, .fwd_ulp = 0x1p25, .bwd_ulp = 0x1p26,
     .bwd_formula = "textbook", .flags = NAN_BOTH | FROM_X,
     .note = "x/2 (1 + tanhf(u)): cancels for x < 0 and at f's root"},
    {OURS(gelu_tanh, scalar, "stable"), .fwd = act_gelu_tanh_scalar_stable_fwd,
     .bwd = act_gelu_tanh_scalar_stable_bwd, .fwd_ulp = 1.0, .bwd_ulp = 1.0,
     .bwd_formula = "s(2u)(1 + 2xu's(-2u))", .flags = NAN_BOTH | FROM_X,
     .note = "x sigma(2u) with a double-float 2u"},
/* gelu_tanh: our AVX2 and AVX-512 kernels (impls/gelu_tanh/simd_gelu_tanh.c, compiled per
 * ISA).  Claims: the exhaustive maxima (all 2^32
 * floats) rounded up, from
 *   build/actbench accuracy --exhaustive --activation gelu_tanh
 *     --impl 'gelu_tanh.avx*.[dr][dr]*' --formats binary32 */
#define GT_BWDF "e R(1+A R) or R(1+A e R), R=1/(1+e), e=exp(-|2u|), A=2xu'"
    /* exhaustive: f max 0.7651 at x = -0x1.436902p+3, f' max 5.783 at x = -0x1.9e1558p+0 */
    {OURS(gelu_tanh, avx512, "dd-rr2-lut16-p3-rcp14"), .fwd = act_gelu_tanh_avx512_dd_rr2_lut16_p3_rcp14_fwd,
     .bwd = act_gelu_tanh_avx512_dd_rr2_lut16_p3_rcp14_bwd, .fwd_ulp = 0.77, .bwd_ulp = 5.8, .bwd_formula = GT_BWDF,
     .flags = NAN_BOTH | FROM_X,
     .note = "x sigma(2u), double-float 2u, lut16 exp; f' window poly at its root"},
    /* exhaustive: f max 1 at x = -0x1.000002p-125, f' max 5.906 at x = -0x1.93657ep+0 */
    {OURS(gelu_tanh, avx2, "dd-rr2-lut8-p4-nr1fma"), .fwd = act_gelu_tanh_avx2_dd_rr2_lut8_p4_nr1fma_fwd,
     .bwd = act_gelu_tanh_avx2_dd_rr2_lut8_p4_nr1fma_bwd, .fwd_ulp = 1.01, .bwd_ulp = 6.0, .bwd_formula = GT_BWDF,
     .flags = NAN_BOTH | FROM_X,
     .note = "x sigma(2u), double-float 2u, lut8 exp; f' window poly at its root"},
    /* exhaustive: f max 214.9 at x = -0x1.4150cp+3, f' max 209 at x = -0x1.42d9ep+3; f'
     * re-measured on every float of [-1.4, -0.45] after narrowing its window (bit-identical
     * elsewhere): 13.9 at x = -0x1.d7bd9p-1 */
    {OURS(gelu_tanh, avx512, "rr2-lut16-p3-nr1fma"), .fwd = act_gelu_tanh_avx512_rr2_lut16_p3_nr1fma_fwd,
     .bwd = act_gelu_tanh_avx512_rr2_lut16_p3_nr1fma_bwd, .fwd_ulp = 220.0, .bwd_ulp = 210.0,
     .bwd_formula = GT_BWDF, .flags = NAN_BOTH | FROM_X,
     .note = "x sigma(2u), float 2u (error grows with |2u|), lut16 exp"},
    /* exhaustive: f max 214.9 at x = -0x1.4150cp+3, f' max 209 at x = -0x1.42d9ep+3; f'
     * re-measured on every float of [-1.4, -0.45] after narrowing its window (bit-identical
     * elsewhere): 13.9 at x = -0x1.d7bd9p-1 */
    {OURS(gelu_tanh, avx2, "rr2-lut8-p4-div"), .fwd = act_gelu_tanh_avx2_rr2_lut8_p4_div_fwd,
     .bwd = act_gelu_tanh_avx2_rr2_lut8_p4_div_bwd, .fwd_ulp = 220.0, .bwd_ulp = 210.0, .bwd_formula = GT_BWDF,
     .flags = NAN_BOTH | FROM_X, .note = "x sigma(2u), float 2u (error grows with |2u|), lut8 exp"},
    /* exhaustive (542 s on two loaded threads): naive 1.68e7 / 1.68e7 (Z, P, D tails);
     * stable 0.794 / 0.847, its one tail (+0 for x = -2^-149, S) mended in stable.c
     * since, and that range re-measured (--lo -1e-30 --hi 1e-30: f 0.5, f' 0, all CR) */
    {OURS(silu, scalar, "naive"), .fwd = act_silu_scalar_naive_fwd, .bwd = act_silu_scalar_naive_bwd,
     .fwd_ulp = 0x1p25, .bwd_ulp = 0x1p25, .bwd_formula = "s(1+bx(1-s))",
     .flags = NAN_BOTH | FROM_X, .note = "x/(1+expf(-bx)); f' cancels at its root and as s -> 1"},
    {OURS(silu, scalar, "stable"), .fwd = act_silu_scalar_stable_fwd, .bwd = act_silu_scalar_stable_bwd,
     .fwd_ulp = 1.0, .bwd_ulp = 1.0, .bwd_formula = "s(t)(1+t s(-t))", .flags = NAN_BOTH | FROM_X,
     .note = "inline exp, double-float 1/(1+e), no overflow"},
    /* ---- silu: AVX2+FMA and AVX-512 kernels (impls/silu/simd_silu.c, compiled per ISA) */
    /* claims: the exhaustive sweep over all 2^32 floats (b = 1), `nice -n 5 build/actbench
     * accuracy --exhaustive --activation silu --impl 'silu.avx*.rr*' --formats binary32
     * --out DIR` (28 min on 2 shared cores), maxima rounded up; no special-value or NaN
     * failures.  The fast backward's 1.27e7 is at the float nearest the root of silu'
     * (t0 = -0x1.474974p+0); the root-p6 kernels' 11.7 just outside their window. */
    /* exhaustive: f max 3.921 at x = -0x1.24f492p+3, f' max 1.273e7 at x = -0x1.474974p+0 */
    {OURS(silu, avx2, "rr2-lut8-p3-div"), .fwd = act_silu_avx2_rr2_lut8_p3_div_fwd,
     .bwd = act_silu_avx2_rr2_lut8_p3_div_bwd, .fwd_ulp = 4.0, .bwd_ulp = 1.3e7,
     .bwd_formula = "t>=0: (1+E+tE)/(1+E)^2, t<0: E(1+t+E)/(1+E)^2", .flags = NAN_BOTH | FROM_X,
     .note = "fast"},
    /* exhaustive: f max 3.921 at x = -0x1.24f492p+3, f' max 11.67 at x = -0x1.3601cap+0 */
    {OURS(silu, avx2, "rr2-lut8-p3-div-root-p6"), .fwd = act_silu_avx2_rr2_lut8_p3_div_fwd,
     .bwd = act_silu_avx2_rr2_lut8_p3_div_root_p6_bwd, .fwd_ulp = 4.0, .bwd_ulp = 12.0,
     .bwd_formula = "as rr2-lut8-p3-div; |t-t0|<1/16: c1 d + d^2 Q(d), d=t-t0",
     .flags = NAN_BOTH | FROM_X, .note = "fast; f' root window"},
    /* exhaustive: f max 0.5939 at x = -0x1.e507f6p+2, f' max 0.7864 at x = -0x1.15bc74p-3 */
    {OURS(silu, avx2, "rr2-lut8-p5-nr2fma-dd"), .fwd = act_silu_avx2_rr2_lut8_p5_nr2fma_dd_fwd,
     .bwd = act_silu_avx2_rr2_lut8_p5_nr2fma_dd_bwd, .fwd_ulp = 0.6, .bwd_ulp = 0.79,
     .bwd_formula = "t>=0: (1+E+tE)/(1+E)^2, t<0: E(1+t+E)/(1+E)^2", .flags = NAN_BOTH | FROM_X,
     .note = "accurate"},
    /* exhaustive: f max 4.848 at x = -0x1.0b094ap+4, f' max 1.273e7 at x = -0x1.474974p+0 */
    {OURS(silu, avx512, "rr2-lut32-p2-div"), .fwd = act_silu_avx512_rr2_lut32_p2_div_fwd,
     .bwd = act_silu_avx512_rr2_lut32_p2_div_bwd, .fwd_ulp = 4.9, .bwd_ulp = 1.3e7,
     .bwd_formula = "t>=0: (1+E+tE)/(1+E)^2, t<0: E(1+t+E)/(1+E)^2", .flags = NAN_BOTH | FROM_X,
     .note = "fast"},
    /* exhaustive: f max 4.848 at x = -0x1.0b094ap+4, f' max 11.47 at x = -0x1.37312cp+0 */
    {OURS(silu, avx512, "rr2-lut32-p2-div-root-p6"), .fwd = act_silu_avx512_rr2_lut32_p2_div_fwd,
     .bwd = act_silu_avx512_rr2_lut32_p2_div_root_p6_bwd, .fwd_ulp = 4.9, .bwd_ulp = 12.0,
     .bwd_formula = "as rr2-lut32-p2-div; |t-t0|<1/16: c1 d + d^2 Q(d), d=t-t0",
     .flags = NAN_BOTH | FROM_X, .note = "fast; f' root window"},
    /* exhaustive: f max 0.5126 at x = -0x1.cfe1f8p+3, f' max 0.7548 at x = -0x1.7b2ad8p-4 */
    {OURS(silu, avx512, "rr2-lut64-p3-nr2fma-dd"), .fwd = act_silu_avx512_rr2_lut64_p3_nr2fma_dd_fwd,
     .bwd = act_silu_avx512_rr2_lut64_p3_nr2fma_dd_bwd, .fwd_ulp = 0.52, .bwd_ulp = 0.76,
     .bwd_formula = "t>=0: (1+E+tE)/(1+E)^2, t<0: E(1+t+E)/(1+E)^2", .flags = NAN_BOTH | FROM_X,
     .note = "accurate"},
    /* exhaustive (580 s on two threads): naive 1.54 / 2.1e6; stable 1.37 / 0.799 */
    {OURS(softplus, scalar, "naive"), .fwd = act_softplus_scalar_naive_fwd, .bwd = act_softplus_scalar_naive_bwd,
     .fwd_ulp = 2.0, .bwd_ulp = 0x1p21, .bwd_formula = "1/(1+expf(-bx))",
     .flags = NAN_BOTH | FROM_X, .note = "log1pf(expf(bx))/b below the threshold, x above"},
    {OURS(softplus, scalar, "stable"), .fwd = act_softplus_scalar_stable_fwd,
     .bwd = act_softplus_scalar_stable_bwd, .fwd_ulp = 1.5, .bwd_ulp = 1.0, .bwd_formula = "s(bx)",
     .flags = NAN_BOTH | FROM_X,
     .note = "max(t,0) + log1p(e^-|t|), no overflow; threshold not needed"},
    /* softplus: vector kernels (impls/softplus/softplus_vec.h).  Claims: the
     * maxima of
     *   actbench accuracy --exhaustive --activation softplus
     *     --impl 'softplus.avx*.rr2*' --formats binary32
     * (809 s on 2 busy cores) rounded up; all maxima at x < 0:
     * exhaustive lut16-p5-nr1fma-dd-x32: f max 1.053 at x = -0x1.2a76f6p+1,
     *   f' max 0.822 at x = -0x1.592a3p+6;
     * exhaustive lut16-p5-nr1fma-x32: f max 1.612 at x = -0x1.2b4dap+1,
     *   f' max 2.415 at x = -0x1.09ac2ap+2;
     * exhaustive lut8-p6-div-dd-x24: f max 1.019 at x = -0x1.92bfc4p+0,
     *   f' max 0.822 at x = -0x1.592a3p+6;
     * exhaustive lut8-p6-div-x24: f max 1.682 at x = -0x1.7d4eeep+0,
     *   f' max 2.375 at x = -0x1.b88dd4p+1. */
    {OURS(softplus, avx512, "rr2-p7-lut16-p5-nr1fma-dd-x32"),
     .fwd = act_softplus_avx512_rr2_p7_lut16_p5_nr1fma_dd_x32_fwd, .bwd = act_softplus_avx512_rr2_p7_lut16_p5_nr1fma_dd_x32_bwd,
     .fwd_ulp = 1.1, .bwd_ulp = 0.83,
     .bwd_formula = "s(bx) = 1/(1+e) or e/(1+e), e = exp(-|bx|), double-float",
     .flags = NAN_BOTH | FROM_X,
     .note = "max(t,0) + log1p(e^-|t|): e and 1/(1+e) as double-floats; 2 vectors in lockstep"},
    {OURS(softplus, avx512, "rr2-p7-lut16-p5-nr1fma-x32"),
     .fwd = act_softplus_avx512_rr2_p7_lut16_p5_nr1fma_x32_fwd, .bwd = act_softplus_avx512_rr2_p7_lut16_p5_nr1fma_x32_bwd,
     .fwd_ulp = 1.7, .bwd_ulp = 2.5, .bwd_formula = "s(bx) = 1/(1+e) or e/(1+e), e = exp(-|bx|)",
     .flags = NAN_BOTH | FROM_X,
     .note = "max(t,0) + log1p(e^-|t|), log1p by a 16-entry table; 2 vectors in lockstep"},
    {OURS(softplus, avx2, "rr2-p7-lut8-p6-div-dd-x24"),
     .fwd = act_softplus_avx2_rr2_p7_lut8_p6_div_dd_x24_fwd, .bwd = act_softplus_avx2_rr2_p7_lut8_p6_div_dd_x24_bwd,
     .fwd_ulp = 1.1, .bwd_ulp = 0.83,
     .bwd_formula = "s(bx) = 1/(1+e) or e/(1+e), e = exp(-|bx|), double-float",
     .flags = NAN_BOTH | FROM_X,
     .note = "max(t,0) + log1p(e^-|t|): e and 1/(1+e) as double-floats; 3 vectors in lockstep"},
    {OURS(softplus, avx2, "rr2-p7-lut8-p6-div-x24"), .fwd = act_softplus_avx2_rr2_p7_lut8_p6_div_x24_fwd,
     .bwd = act_softplus_avx2_rr2_p7_lut8_p6_div_x24_bwd, .fwd_ulp = 1.7, .bwd_ulp = 2.4,
     .bwd_formula = "s(bx) = 1/(1+e) or e/(1+e), e = exp(-|bx|)", .flags = NAN_BOTH | FROM_X,
     .note = "max(t,0) + log1p(e^-|t|), log1p by an 8-entry table; 3 vectors in lockstep"},
    /* exhaustive (1079 s on two loaded threads): naive 1.68e7 / 1.68e7 (Z, P, S tails);
     * stable 1 / 0.882 (root), its one tail (+0 for x = -0, S) mended in stable.c since,
     * that range re-measured (--lo -1e-30 --hi 1e-30: all CR) */
    {OURS(mish, scalar, "naive"), .fwd = act_mish_scalar_naive_fwd, .bwd = act_mish_scalar_naive_bwd,
     .fwd_ulp = 0x1p25, .bwd_ulp = 0x1p25, .bwd_formula = "t + x s (1-t^2)",
     .flags = NAN_BOTH | FROM_X, .note = "x tanhf(logf(1+expf(x))): flushes to 0 for x < -17"},
    {OURS(mish, scalar, "stable"), .fwd = act_mish_scalar_stable_fwd, .bwd = act_mish_scalar_stable_bwd,
     .fwd_ulp = 1.0, .bwd_ulp = 1.0, .bwd_formula = "n/D + 4xe(1+e)/D^2",
     .flags = NAN_BOTH | FROM_X, .note = "tanh(softplus) as a rational function of e^-|x|"},
    /* exhaustive (398 s on one thread): naive 1 / 0.333; stable 0.5 / 0.333
     * (correctly rounded) */
    {OURS(hardsigmoid, scalar, "naive"), .fwd = act_hardsigmoid_scalar_naive_fwd,
     .bwd = act_hardsigmoid_scalar_naive_bwd, .fwd_ulp = 1.25, .bwd_ulp = 0.5, .bwd_formula = "1/6 inside",
     .flags = ACT_NAN_FWD | FROM_X,
     .note = "min(max(x+3,0),6)/6: two roundings; NaN gives 0 backward"},
    {OURS(hardsigmoid, scalar, "stable"), .fwd = act_hardsigmoid_scalar_stable_fwd,
     .bwd = act_hardsigmoid_scalar_stable_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = "1/6 inside", .flags = NAN_BOTH | FROM_X, .note = "(x+3)/6 with one rounding"},
    /* exhaustive (714 s on one thread): naive 1.87 / 5.59e6 (root); stable
     * (344 s on two threads) 0.5 / 0.5, CR 100% both (correctly rounded:
     * earlier sweeps found a zero of the wrong sign at x = -2^-149 and a
     * quotient by 6 that was not one rounding, both mended in stable.c) */
    {OURS(hardswish, scalar, "naive"), .fwd = act_hardswish_scalar_naive_fwd,
     .bwd = act_hardswish_scalar_naive_bwd, .fwd_ulp = 2.0, .bwd_ulp = 0x1p23, .bwd_formula = "x/3 + 1/2",
     .flags = ACT_NAN_FWD | FROM_X, .note = "x hardsigmoid(x); f' = x/3 + 1/2 cancels at -3/2"},
    {OURS(hardswish, scalar, "stable"), .fwd = act_hardswish_scalar_stable_fwd,
     .bwd = act_hardswish_scalar_stable_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5, .bwd_formula = "(2x+3)/6",
     .flags = NAN_BOTH | FROM_X, .note = "x(x+3)/6 and (2x+3)/6 with one rounding"},
    /* exhaustive (595 s on two threads): naive 1.68e7 / 2.1e6; stable 1.37 / 0.799 */
    {OURS(logsigmoid, scalar, "naive"), .fwd = act_logsigmoid_scalar_naive_fwd,
     .bwd = act_logsigmoid_scalar_naive_bwd, .fwd_ulp = 0x1p25, .bwd_ulp = 0x1p21,
     .bwd_formula = "1/(1+expf(x))", .flags = NAN_BOTH | FROM_X,
     .note = "logf(1/(1+expf(-x))): 0 for x > 16.6"},
    {OURS(logsigmoid, scalar, "stable"), .fwd = act_logsigmoid_scalar_stable_fwd,
     .bwd = act_logsigmoid_scalar_stable_bwd, .fwd_ulp = 1.5, .bwd_ulp = 1.0, .bwd_formula = "s(-x)",
     .flags = NAN_BOTH | FROM_X, .note = "min(x,0) - log1p(e^-|x|), no overflow"},
/* ---- correctly rounded kernels (issue 18; impls/cr/, error budget and
 * rounding test in impls/cr/cr_bounds.h, slow path in impls/cr/cr_dd.h).
 * f and f' (dy = 1) are RN(exact) for every input; for other dy the
 * backward rounds once more, dx = RN(RN(f'(x)) dy) in the kernel's format.
 * The _bf16 and _f16 entries work natively in their format.  Sigmoid's
 * slope: a = 1 (the default) by the vector path; another a by the scalar
 * double-double path for every element (cr_sigmoid_slope in cr_dd.h:
 * correctly rounded unless an exact value lies within 2^-87 relative of a
 * rounding boundary, not proven for a != 1). */
#define CR_FLAGS 0u
#define CR_FLAGS_bf16 ACT_NATIVE_BF16
#define CR_FLAGS_f16 ACT_NATIVE_F16
#define CR_BWDF_sigmoid "e/(1+e)^2, e=exp(-|x|), double; RN, then * dy"
#define CR_BWDF_tanh "4e/(1+e)^2, e=exp(-2|x|), double; RN, then * dy"
#define CR_NOTE_sigmoid                                                                     \
  "correctly rounded: double e^-x (2^(j/8) table, degree 5), 1/(1+e) by rcp + Newton, Ziv " \
  "test; undecided lanes double-double"
#define CR_NOTE_tanh                                                                  \
  "correctly rounded: double e^-2|x| - 1 (2^(j/8) table, degree 6), -em/(2+em), Ziv " \
  "test; undecided lanes double-double"
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation sigmoid
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (1163 s on 2 shared cores; 8552185852 references by the screen,
     * 4194312 by MPFR).  Its output, and from DIR/accuracy.json the counts:
     *   sigmoid (a = 1): 4294967296 inputs
     *   sigmoid.avx512.cr-f64-lut8-p5-rcp14  f   0.5  0.0312  100% ...  within claim (0.5)
     *                                        f'  0.5  0.0192  100% ...  within claim (0.5)
     *   sigmoid.avx2.cr-f64-lut8-p5-rcpps    f   0.5  0.0312  100% ...  within claim (0.5)
     *                                        f'  0.5  0.0192  100% ...  within claim (0.5)
     *   bfloat16: 65536 inputs; float rounded once is not RN in bfloat16 for 0 f / 0 f' inputs
     *   binary16: 65536 inputs; float rounded once is not RN in binary16 for 7 f / 6 f' inputs
     * binary32, both kernels: f 4294967296 of 4294967296 correctly rounded,
     * f' 4294967296 of 4294967296 (0 not correctly rounded, 0 special-value
     * failures; largest error 0.5 ulp less than 2^-40 at x = -0x1.ap-21, f' 0.499999995
     * at -0x1.65cf3p+6); the _bf16 kernels 65536 of 65536 in bfloat16, f and
     * f'; the _f16 kernels 65536 of 65536 in binary16, f and f' (the binary32
     * kernels rounded once more to binary16 are not, at 7 f and 6 f' inputs:
     * hence the _f16 kernels). */
    {OURS(sigmoid, avx512, "cr-f64-lut8-p5-rcp14"), .fwd = act_sigmoid_avx512_cr_f64_lut8_p5_rcp14_fwd,
     .bwd = act_sigmoid_avx512_cr_f64_lut8_p5_rcp14_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_sigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS,
     .note = CR_NOTE_sigmoid},
    {OURS(sigmoid, avx2, "cr-f64-lut8-p5-rcpps"), .fwd = act_sigmoid_avx2_cr_f64_lut8_p5_rcpps_fwd,
     .bwd = act_sigmoid_avx2_cr_f64_lut8_p5_rcpps_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5, .bwd_formula = CR_BWDF_sigmoid,
     .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_sigmoid},
    {OURS(sigmoid, avx512, "cr-f64-lut8-p5-rcp14-bf16"), .fwd = act_sigmoid_avx512_cr_f64_lut8_p5_rcp14_bf16_fwd,
     .bwd = act_sigmoid_avx512_cr_f64_lut8_p5_rcp14_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_sigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16,
     .note = "correctly rounded in bfloat16"},
    {OURS(sigmoid, avx2, "cr-f64-lut8-p5-rcpps-bf16"), .fwd = act_sigmoid_avx2_cr_f64_lut8_p5_rcpps_bf16_fwd,
     .bwd = act_sigmoid_avx2_cr_f64_lut8_p5_rcpps_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_sigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16,
     .note = "correctly rounded in bfloat16"},
    {OURS(sigmoid, avx512, "cr-f64-lut8-p5-rcp14-f16"), .fwd = act_sigmoid_avx512_cr_f64_lut8_p5_rcp14_f16_fwd,
     .bwd = act_sigmoid_avx512_cr_f64_lut8_p5_rcp14_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_sigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16,
     .note = "correctly rounded in binary16"},
    {OURS(sigmoid, avx2, "cr-f64-lut8-p5-rcpps-f16"), .fwd = act_sigmoid_avx2_cr_f64_lut8_p5_rcpps_f16_fwd,
     .bwd = act_sigmoid_avx2_cr_f64_lut8_p5_rcpps_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_sigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16,
     .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep:
     *   nice -n 15 build/actbench accuracy --exhaustive --activation tanh
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (1435 s on 2 shared cores; 8556380152 references by the screen, 12 by
     * MPFR).  Its output, and from DIR/accuracy.json the counts:
     *   tanh: 4294967296 inputs
     *   tanh.avx512.cr-f64-lut8-p6-rcp14     f   0.5  0.0157  100% ...  within claim (0.5)
     *                                        f'  0.5  0.0192  100% ...  within claim (0.5)
     *   tanh.avx2.cr-f64-lut8-p6-rcpps       f   0.5  0.0157  100% ...  within claim (0.5)
     *                                        f'  0.5  0.0192  100% ...  within claim (0.5)
     *   bfloat16: 65536 inputs; float rounded once is not RN in bfloat16 for 0 f / 0 f' inputs
     *   binary16: 65536 inputs; float rounded once is not RN in binary16 for 0 f / 6 f' inputs
     * binary32, both kernels: f 4294967296 of 4294967296 correctly rounded,
     * f' 4294967296 of 4294967296 (0 not correctly rounded, 0 special-value
     * failures; largest error 0.499999991 ulp at x = -0x1.86fbc4p-10, f'
     * 0.499999992 at -0x1.2a9e3cp+0); the _bf16 kernels 65536 of 65536 in
     * bfloat16, f and f'; the _f16 kernels 65536 of 65536 in binary16, f and
     * f' (the binary32 kernels rounded once more to binary16: 6 f' wrong). */
    {OURS(tanh, avx512, "cr-f64-lut8-p6-rcp14"), .fwd = act_tanh_avx512_cr_f64_lut8_p6_rcp14_fwd,
     .bwd = act_tanh_avx512_cr_f64_lut8_p6_rcp14_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5, .bwd_formula = CR_BWDF_tanh,
     .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_tanh},
    {OURS(tanh, avx2, "cr-f64-lut8-p6-rcpps"), .fwd = act_tanh_avx2_cr_f64_lut8_p6_rcpps_fwd,
     .bwd = act_tanh_avx2_cr_f64_lut8_p6_rcpps_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5, .bwd_formula = CR_BWDF_tanh,
     .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_tanh},
    {OURS(tanh, avx512, "cr-f64-lut8-p6-rcp14-bf16"), .fwd = act_tanh_avx512_cr_f64_lut8_p6_rcp14_bf16_fwd,
     .bwd = act_tanh_avx512_cr_f64_lut8_p6_rcp14_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_tanh, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16,
     .note = "correctly rounded in bfloat16"},
    {OURS(tanh, avx2, "cr-f64-lut8-p6-rcpps-bf16"), .fwd = act_tanh_avx2_cr_f64_lut8_p6_rcpps_bf16_fwd,
     .bwd = act_tanh_avx2_cr_f64_lut8_p6_rcpps_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5, .bwd_formula = CR_BWDF_tanh,
     .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(tanh, avx512, "cr-f64-lut8-p6-rcp14-f16"), .fwd = act_tanh_avx512_cr_f64_lut8_p6_rcp14_f16_fwd,
     .bwd = act_tanh_avx512_cr_f64_lut8_p6_rcp14_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5, .bwd_formula = CR_BWDF_tanh,
     .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(tanh, avx2, "cr-f64-lut8-p6-rcpps-f16"), .fwd = act_tanh_avx2_cr_f64_lut8_p6_rcpps_f16_fwd,
     .bwd = act_tanh_avx2_cr_f64_lut8_p6_rcpps_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5, .bwd_formula = CR_BWDF_tanh,
     .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
/* ---- correctly rounded kernels of the other activations (issue 18;
 * impls/cr/simd_cr.c's cr_core_signed: a signed value and an error bound,
 * cr_bounds.h; the slow path cr_dd.h's cr_eval).  As above: f and f'
 * (dy = 1) are RN(exact) in the kernel's format, dx = RN(RN(f') dy) for
 * other dy; default parameters (elu's alpha, silu's and softplus' beta other than 1:
 * the scalar double-double path for every element, not proven).  The proofs
 * below ran on the build of commit f37cdde, whose kernels give the same
 * outputs as these (build/tests/tools/hashall --own --sampled of the 27 AVX2
 * kernels at both commits: identical; the later change is sigmoid's and
 * tanh's kernel macro only). */
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation elu
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (1256 s on 2 shared cores; 8556366400 references by the screen,
     * 13764 by MPFR).  From DIR/accuracy.json:
     *   elu.avx2.cr-f64-lut8-m6: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.499999997 ulp at x = -0x1.eb97f8p-19), f' 4294967296 of
     *     4294967296 (0.499999998 at -0x1.d2259ap+3); special-value failures 0, 0
     *   elu.avx2.cr-f64-lut8-m6 rounded again to bfloat16:
     *     f 65536, f' 65536 of 65536 (double rounding)
     *   elu.avx2.cr-f64-lut8-m6-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   elu.avx2.cr-f64-lut8-m6 rounded again to binary16:
     *     f 65536, f' 65536 of 65536 (double rounding)
     *   elu.avx2.cr-f64-lut8-m6-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_elu "1 (x > 0), e^x; double, RN, then * dy"
#define CR_NOTE_elu "correctly rounded: double e^x - 1 (2^(j/8) table, degree 6), f' e^x (degree 5), Ziv test; undecided lanes double-double; alpha != 1: scalar double-double"
    {OURS(elu, avx512, "cr-f64-lut8-m6"), .fwd = act_elu_avx512_cr_f64_lut8_m6_fwd,
     .bwd = act_elu_avx512_cr_f64_lut8_m6_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_elu, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_elu},
    {OURS(elu, avx2, "cr-f64-lut8-m6"), .fwd = act_elu_avx2_cr_f64_lut8_m6_fwd,
     .bwd = act_elu_avx2_cr_f64_lut8_m6_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_elu, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_elu},
    {OURS(elu, avx512, "cr-f64-lut8-m6-bf16"), .fwd = act_elu_avx512_cr_f64_lut8_m6_bf16_fwd,
     .bwd = act_elu_avx512_cr_f64_lut8_m6_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_elu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(elu, avx2, "cr-f64-lut8-m6-bf16"), .fwd = act_elu_avx2_cr_f64_lut8_m6_bf16_fwd,
     .bwd = act_elu_avx2_cr_f64_lut8_m6_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_elu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(elu, avx512, "cr-f64-lut8-m6-f16"), .fwd = act_elu_avx512_cr_f64_lut8_m6_f16_fwd,
     .bwd = act_elu_avx512_cr_f64_lut8_m6_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_elu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(elu, avx2, "cr-f64-lut8-m6-f16"), .fwd = act_elu_avx2_cr_f64_lut8_m6_f16_fwd,
     .bwd = act_elu_avx2_cr_f64_lut8_m6_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_elu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation selu
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (1550 s on 2 shared cores; 8556380129 references by the screen,
     * 35 by MPFR).  From DIR/accuracy.json:
     *   selu.avx2.cr-f64-lut8-m6: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.499999999 ulp at x = -0x1.cada28p-128), f' 4294967296 of
     *     4294967296 (0.499999998 at -0x1.7e7bacp-7); special-value failures 0, 0
     *   selu.avx2.cr-f64-lut8-m6 rounded again to bfloat16:
     *     f 65536, f' 65536 of 65536 (double rounding)
     *   selu.avx2.cr-f64-lut8-m6-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   selu.avx2.cr-f64-lut8-m6 rounded again to binary16:
     *     f 65536, f' 65534 of 65536 (double rounding)
     *   selu.avx2.cr-f64-lut8-m6-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_selu "lambda (x > 0), lambda alpha e^x; double, RN, then * dy"
#define CR_NOTE_selu "correctly rounded: double lambda x, lambda alpha (e^x - 1) (2^(j/8) table, degree 6), f' lambda alpha e^x, Ziv test; undecided lanes double-double"
    {OURS(selu, avx512, "cr-f64-lut8-m6"), .fwd = act_selu_avx512_cr_f64_lut8_m6_fwd,
     .bwd = act_selu_avx512_cr_f64_lut8_m6_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_selu, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_selu},
    {OURS(selu, avx2, "cr-f64-lut8-m6"), .fwd = act_selu_avx2_cr_f64_lut8_m6_fwd,
     .bwd = act_selu_avx2_cr_f64_lut8_m6_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_selu, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_selu},
    {OURS(selu, avx512, "cr-f64-lut8-m6-bf16"), .fwd = act_selu_avx512_cr_f64_lut8_m6_bf16_fwd,
     .bwd = act_selu_avx512_cr_f64_lut8_m6_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_selu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(selu, avx2, "cr-f64-lut8-m6-bf16"), .fwd = act_selu_avx2_cr_f64_lut8_m6_bf16_fwd,
     .bwd = act_selu_avx2_cr_f64_lut8_m6_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_selu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(selu, avx512, "cr-f64-lut8-m6-f16"), .fwd = act_selu_avx512_cr_f64_lut8_m6_f16_fwd,
     .bwd = act_selu_avx512_cr_f64_lut8_m6_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_selu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(selu, avx2, "cr-f64-lut8-m6-f16"), .fwd = act_selu_avx2_cr_f64_lut8_m6_f16_fwd,
     .bwd = act_selu_avx2_cr_f64_lut8_m6_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_selu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation silu
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (160 s on 2 shared cores; 8556314618 references by the screen,
     * 65546 by MPFR).  From DIR/accuracy.json:
     *   silu.avx2.cr-f64-lut8-p5-rcpps: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.5 ulp at x = -0x1.8p-21), f' 4294967296 of
     *     4294967296 (0.5 at -0x1.1p-21); special-value failures 0, 0
     *   silu.avx2.cr-f64-lut8-p5-rcpps rounded again to bfloat16:
     *     f 65408, f' 65536 of 65536 (double rounding)
     *   silu.avx2.cr-f64-lut8-p5-rcpps-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   silu.avx2.cr-f64-lut8-p5-rcpps rounded again to binary16:
     *     f 65534, f' 65526 of 65536 (double rounding)
     *   silu.avx2.cr-f64-lut8-p5-rcpps-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_silu "s + x s (1-s), s = sigma(x); double, RN, then * dy"
#define CR_NOTE_silu "correctly rounded: double x/(1+e^-x) (2^(j/8) table, degree 5, rcp + Newton), f' with its cancellation bounded, Ziv test; undecided lanes double-double; beta != 1: scalar double-double"
    {OURS(silu, avx512, "cr-f64-lut8-p5-rcp14"), .fwd = act_silu_avx512_cr_f64_lut8_p5_rcp14_fwd,
     .bwd = act_silu_avx512_cr_f64_lut8_p5_rcp14_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_silu, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_silu},
    {OURS(silu, avx2, "cr-f64-lut8-p5-rcpps"), .fwd = act_silu_avx2_cr_f64_lut8_p5_rcpps_fwd,
     .bwd = act_silu_avx2_cr_f64_lut8_p5_rcpps_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_silu, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_silu},
    {OURS(silu, avx512, "cr-f64-lut8-p5-rcp14-bf16"), .fwd = act_silu_avx512_cr_f64_lut8_p5_rcp14_bf16_fwd,
     .bwd = act_silu_avx512_cr_f64_lut8_p5_rcp14_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_silu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(silu, avx2, "cr-f64-lut8-p5-rcpps-bf16"), .fwd = act_silu_avx2_cr_f64_lut8_p5_rcpps_bf16_fwd,
     .bwd = act_silu_avx2_cr_f64_lut8_p5_rcpps_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_silu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(silu, avx512, "cr-f64-lut8-p5-rcp14-f16"), .fwd = act_silu_avx512_cr_f64_lut8_p5_rcp14_f16_fwd,
     .bwd = act_silu_avx512_cr_f64_lut8_p5_rcp14_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_silu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(silu, avx2, "cr-f64-lut8-p5-rcpps-f16"), .fwd = act_silu_avx2_cr_f64_lut8_p5_rcpps_f16_fwd,
     .bwd = act_silu_avx2_cr_f64_lut8_p5_rcpps_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_silu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation gelu
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (569 s on 2 shared cores; 8556378109 references by the screen,
     * 2055 by MPFR).  From DIR/accuracy.json:
     *   gelu.avx2.cr-f64-lut8-p5-pw32-p9: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.5 ulp at x = -0x1.fffffep-126), f' 4294967296 of
     *     4294967296 (0.5 at -0x1.40d932p-26); special-value failures 0, 0
     *   gelu.avx2.cr-f64-lut8-p5-pw32-p9 rounded again to bfloat16:
     *     f 65408, f' 65536 of 65536 (double rounding)
     *   gelu.avx2.cr-f64-lut8-p5-pw32-p9-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   gelu.avx2.cr-f64-lut8-p5-pw32-p9 rounded again to binary16:
     *     f 65533, f' 65536 of 65536 (double rounding)
     *   gelu.avx2.cr-f64-lut8-p5-pw32-p9-f16 in binary16: f 65536, f' 65536 of 65536
     * Run by the build of commit dff4d6a (the pieces' middles read from the
     * table, all coefficients loaded before Horner's scheme); the committed
     * kernels compute the same values, bit for bit: build/tests/tools/hashall
     * --own 'gelu.avx2.cr-*' over all 2^32 inputs, f / f': 2be87bde444b0abf /
     * 60593f7911ac645b (binary32),
     * 5ad8d90b39b45d2b / 57d1f85e391b5d9d (-bf16), 070238f2601f4a18 /
     * 8284158ec57d3e53 (-f16), at dff4d6a and now (the coefficients were
     * refitted since by sollya at 120 bits instead of 200, which halves
     * test_coeffs' time: other last bits, the same outputs).
     */
#define CR_BWDF_gelu "Phi +- |x| phi, Phi = 1 - Q or Q, Q = e^(-x^2/2) P(|x|); double, RN, then * dy"
#define CR_NOTE_gelu "correctly rounded: double e^(-x^2/2) (2^(j/8) table, degree 5) times a 32-piece degree-9 polynomial, f' with its cancellation bounded, Ziv test; undecided lanes double-double"
    {OURS(gelu, avx512, "cr-f64-lut8-p5-pw32-p9"), .fwd = act_gelu_avx512_cr_f64_lut8_p5_pw32_p9_fwd,
     .bwd = act_gelu_avx512_cr_f64_lut8_p5_pw32_p9_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_gelu},
    {OURS(gelu, avx2, "cr-f64-lut8-p5-pw32-p9"), .fwd = act_gelu_avx2_cr_f64_lut8_p5_pw32_p9_fwd,
     .bwd = act_gelu_avx2_cr_f64_lut8_p5_pw32_p9_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_gelu},
    {OURS(gelu, avx512, "cr-f64-lut8-p5-pw32-p9-bf16"), .fwd = act_gelu_avx512_cr_f64_lut8_p5_pw32_p9_bf16_fwd,
     .bwd = act_gelu_avx512_cr_f64_lut8_p5_pw32_p9_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(gelu, avx2, "cr-f64-lut8-p5-pw32-p9-bf16"), .fwd = act_gelu_avx2_cr_f64_lut8_p5_pw32_p9_bf16_fwd,
     .bwd = act_gelu_avx2_cr_f64_lut8_p5_pw32_p9_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(gelu, avx512, "cr-f64-lut8-p5-pw32-p9-f16"), .fwd = act_gelu_avx512_cr_f64_lut8_p5_pw32_p9_f16_fwd,
     .bwd = act_gelu_avx512_cr_f64_lut8_p5_pw32_p9_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(gelu, avx2, "cr-f64-lut8-p5-pw32-p9-f16"), .fwd = act_gelu_avx2_cr_f64_lut8_p5_pw32_p9_f16_fwd,
     .bwd = act_gelu_avx2_cr_f64_lut8_p5_pw32_p9_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation gelu_tanh
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (209 s on 2 shared cores; 8556380156 references by the screen,
     * 8 by MPFR).  From DIR/accuracy.json:
     *   gelu_tanh.avx2.cr-f64-lut8-p5-rcpps: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.5 ulp at x = -0x1.fffffep-126), f' 4294967296 of
     *     4294967296 (0.5 at -0x1.40d932p-26); special-value failures 0, 0
     *   gelu_tanh.avx2.cr-f64-lut8-p5-rcpps rounded again to bfloat16:
     *     f 65408, f' 65536 of 65536 (double rounding)
     *   gelu_tanh.avx2.cr-f64-lut8-p5-rcpps-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   gelu_tanh.avx2.cr-f64-lut8-p5-rcpps rounded again to binary16:
     *     f 65531, f' 65536 of 65536 (double rounding)
     *   gelu_tanh.avx2.cr-f64-lut8-p5-rcpps-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_gelu_tanh "s + x t' s (1-s), s = sigma(t), t = 2u; double, RN, then * dy"
#define CR_NOTE_gelu_tanh "correctly rounded: double x sigma(2u) (2^(j/8) table, degree 5, rcp + Newton), f' with its cancellation bounded, Ziv test; undecided lanes double-double"
    {OURS(gelu_tanh, avx512, "cr-f64-lut8-p5-rcp14"), .fwd = act_gelu_tanh_avx512_cr_f64_lut8_p5_rcp14_fwd,
     .bwd = act_gelu_tanh_avx512_cr_f64_lut8_p5_rcp14_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu_tanh, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_gelu_tanh},
    {OURS(gelu_tanh, avx2, "cr-f64-lut8-p5-rcpps"), .fwd = act_gelu_tanh_avx2_cr_f64_lut8_p5_rcpps_fwd,
     .bwd = act_gelu_tanh_avx2_cr_f64_lut8_p5_rcpps_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu_tanh, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_gelu_tanh},
    {OURS(gelu_tanh, avx512, "cr-f64-lut8-p5-rcp14-bf16"), .fwd = act_gelu_tanh_avx512_cr_f64_lut8_p5_rcp14_bf16_fwd,
     .bwd = act_gelu_tanh_avx512_cr_f64_lut8_p5_rcp14_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu_tanh, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(gelu_tanh, avx2, "cr-f64-lut8-p5-rcpps-bf16"), .fwd = act_gelu_tanh_avx2_cr_f64_lut8_p5_rcpps_bf16_fwd,
     .bwd = act_gelu_tanh_avx2_cr_f64_lut8_p5_rcpps_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu_tanh, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(gelu_tanh, avx512, "cr-f64-lut8-p5-rcp14-f16"), .fwd = act_gelu_tanh_avx512_cr_f64_lut8_p5_rcp14_f16_fwd,
     .bwd = act_gelu_tanh_avx512_cr_f64_lut8_p5_rcp14_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu_tanh, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(gelu_tanh, avx2, "cr-f64-lut8-p5-rcpps-f16"), .fwd = act_gelu_tanh_avx2_cr_f64_lut8_p5_rcpps_f16_fwd,
     .bwd = act_gelu_tanh_avx2_cr_f64_lut8_p5_rcpps_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_gelu_tanh, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation mish
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (192 s on 2 shared cores; 8556258402 references by the screen,
     * 121762 by MPFR).  From DIR/accuracy.json:
     *   mish.avx2.cr-f64-lut8-p5-rcpps: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.499999998 ulp at x = -0x1.4p-24), f' 4294967296 of
     *     4294967296 (0.5 at -0x1.4p-27); special-value failures 0, 0
     *   mish.avx2.cr-f64-lut8-p5-rcpps rounded again to bfloat16:
     *     f 65536, f' 65535 of 65536 (double rounding)
     *   mish.avx2.cr-f64-lut8-p5-rcpps-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   mish.avx2.cr-f64-lut8-p5-rcpps rounded again to binary16:
     *     f 65531, f' 65535 of 65536 (double rounding)
     *   mish.avx2.cr-f64-lut8-p5-rcpps-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_mish "n/(n+2) + 4x E(1+E)/(n+2)^2, E = e^x, n = E(E+2); double, RN, then * dy"
#define CR_NOTE_mish "correctly rounded: double x n/(n+2), n = e^x (e^x + 2) (2^(j/8) table, degree 5, rcp + Newton), f' with its cancellation bounded, Ziv test; undecided lanes double-double"
    {OURS(mish, avx512, "cr-f64-lut8-p5-rcp14"), .fwd = act_mish_avx512_cr_f64_lut8_p5_rcp14_fwd,
     .bwd = act_mish_avx512_cr_f64_lut8_p5_rcp14_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_mish, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_mish},
    {OURS(mish, avx2, "cr-f64-lut8-p5-rcpps"), .fwd = act_mish_avx2_cr_f64_lut8_p5_rcpps_fwd,
     .bwd = act_mish_avx2_cr_f64_lut8_p5_rcpps_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_mish, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_mish},
    {OURS(mish, avx512, "cr-f64-lut8-p5-rcp14-bf16"), .fwd = act_mish_avx512_cr_f64_lut8_p5_rcp14_bf16_fwd,
     .bwd = act_mish_avx512_cr_f64_lut8_p5_rcp14_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_mish, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(mish, avx2, "cr-f64-lut8-p5-rcpps-bf16"), .fwd = act_mish_avx2_cr_f64_lut8_p5_rcpps_bf16_fwd,
     .bwd = act_mish_avx2_cr_f64_lut8_p5_rcpps_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_mish, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(mish, avx512, "cr-f64-lut8-p5-rcp14-f16"), .fwd = act_mish_avx512_cr_f64_lut8_p5_rcp14_f16_fwd,
     .bwd = act_mish_avx512_cr_f64_lut8_p5_rcp14_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_mish, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(mish, avx2, "cr-f64-lut8-p5-rcpps-f16"), .fwd = act_mish_avx2_cr_f64_lut8_p5_rcpps_f16_fwd,
     .bwd = act_mish_avx2_cr_f64_lut8_p5_rcpps_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_mish, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation hardsigmoid
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (799 s on 2 shared cores; 8556380156 references by the screen,
     * 8 by MPFR).  From DIR/accuracy.json:
     *   hardsigmoid.avx2.cr-f64: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.5 ulp at x = -0x1.fffffep-2), f' 4294967296 of
     *     4294967296 (0.333333333 at -0x1.7ffffep+1); special-value failures 0, 0
     *   hardsigmoid.avx2.cr-f64 rounded again to bfloat16:
     *     f 65536, f' 65536 of 65536 (double rounding)
     *   hardsigmoid.avx2.cr-f64-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   hardsigmoid.avx2.cr-f64 rounded again to binary16:
     *     f 65536, f' 65536 of 65536 (double rounding)
     *   hardsigmoid.avx2.cr-f64-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_hardsigmoid "1/6 in (-3, 3), else 0; RN, then * dy"
#define CR_NOTE_hardsigmoid "correctly rounded: double (x+3) RN(1/6), Ziv test; undecided lanes double-double"
    {OURS(hardsigmoid, avx512, "cr-f64"), .fwd = act_hardsigmoid_avx512_cr_f64_fwd,
     .bwd = act_hardsigmoid_avx512_cr_f64_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_hardsigmoid},
    {OURS(hardsigmoid, avx2, "cr-f64"), .fwd = act_hardsigmoid_avx2_cr_f64_fwd,
     .bwd = act_hardsigmoid_avx2_cr_f64_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_hardsigmoid},
    {OURS(hardsigmoid, avx512, "cr-f64-bf16"), .fwd = act_hardsigmoid_avx512_cr_f64_bf16_fwd,
     .bwd = act_hardsigmoid_avx512_cr_f64_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(hardsigmoid, avx2, "cr-f64-bf16"), .fwd = act_hardsigmoid_avx2_cr_f64_bf16_fwd,
     .bwd = act_hardsigmoid_avx2_cr_f64_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(hardsigmoid, avx512, "cr-f64-f16"), .fwd = act_hardsigmoid_avx512_cr_f64_f16_fwd,
     .bwd = act_hardsigmoid_avx512_cr_f64_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(hardsigmoid, avx2, "cr-f64-f16"), .fwd = act_hardsigmoid_avx2_cr_f64_f16_fwd,
     .bwd = act_hardsigmoid_avx2_cr_f64_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation hardswish
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (314 s on 2 shared cores; 8556377426 references by the screen,
     * 2738 by MPFR).  From DIR/accuracy.json:
     *   hardswish.avx2.cr-f64: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.5 ulp at x = -0x1.7fffdcp+1), f' 4294967296 of
     *     4294967296 (0.5 at -0x1.fffffep-3); special-value failures 0, 0
     *   hardswish.avx2.cr-f64 rounded again to bfloat16:
     *     f 65408, f' 65536 of 65536 (double rounding)
     *   hardswish.avx2.cr-f64-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   hardswish.avx2.cr-f64 rounded again to binary16:
     *     f 65535, f' 65536 of 65536 (double rounding)
     *   hardswish.avx2.cr-f64-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_hardswish "(2x+3)/6 in [-3, 3], 0 below, 1 above; RN, then * dy"
#define CR_NOTE_hardswish "correctly rounded: double x (x+3) RN(1/6), Ziv test; undecided lanes double-double"
    {OURS(hardswish, avx512, "cr-f64"), .fwd = act_hardswish_avx512_cr_f64_fwd,
     .bwd = act_hardswish_avx512_cr_f64_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardswish, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_hardswish},
    {OURS(hardswish, avx2, "cr-f64"), .fwd = act_hardswish_avx2_cr_f64_fwd,
     .bwd = act_hardswish_avx2_cr_f64_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardswish, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_hardswish},
    {OURS(hardswish, avx512, "cr-f64-bf16"), .fwd = act_hardswish_avx512_cr_f64_bf16_fwd,
     .bwd = act_hardswish_avx512_cr_f64_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardswish, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(hardswish, avx2, "cr-f64-bf16"), .fwd = act_hardswish_avx2_cr_f64_bf16_fwd,
     .bwd = act_hardswish_avx2_cr_f64_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardswish, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(hardswish, avx512, "cr-f64-f16"), .fwd = act_hardswish_avx512_cr_f64_f16_fwd,
     .bwd = act_hardswish_avx512_cr_f64_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardswish, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(hardswish, avx2, "cr-f64-f16"), .fwd = act_hardswish_avx2_cr_f64_f16_fwd,
     .bwd = act_hardswish_avx2_cr_f64_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_hardswish, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation softplus
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (561 s on 2 shared cores; 8556380156 references by the screen,
     * 8 by MPFR).  From DIR/accuracy.json:
     *   softplus.avx2.cr-f64-lut8-p5-l32-p7: binary32 f 4294967296 of 4294967296 correctly rounded
     *     (largest error 0.5 ulp at x = 0x1.d483ap-12), f' 4294967296 of
     *     4294967296 (0.5 at -0x1.ap-21); special-value failures 0, 0
     *   softplus.avx2.cr-f64-lut8-p5-l32-p7 rounded again to bfloat16:
     *     f 65536, f' 65536 of 65536 (double rounding)
     *   softplus.avx2.cr-f64-lut8-p5-l32-p7-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   softplus.avx2.cr-f64-lut8-p5-l32-p7 rounded again to binary16:
     *     f 65535, f' 65529 of 65536 (double rounding)
     *   softplus.avx2.cr-f64-lut8-p5-l32-p7-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_softplus "sigma(x); double, RN, then * dy"
#define CR_NOTE_softplus "correctly rounded: double max(x,0) + log1p(e^-|x|) (2^(j/8) table, degree 5; log 33-entry table, degree 7), Ziv test; undecided lanes double-double; beta != 1: scalar double-double (threshold not used: the exact value everywhere)"
    {OURS(softplus, avx512, "cr-f64-lut8-p5-l32-p7"), .fwd = act_softplus_avx512_cr_f64_lut8_p5_l32_p7_fwd,
     .bwd = act_softplus_avx512_cr_f64_lut8_p5_l32_p7_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_softplus, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_softplus},
    {OURS(softplus, avx2, "cr-f64-lut8-p5-l32-p7"), .fwd = act_softplus_avx2_cr_f64_lut8_p5_l32_p7_fwd,
     .bwd = act_softplus_avx2_cr_f64_lut8_p5_l32_p7_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_softplus, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_softplus},
    {OURS(softplus, avx512, "cr-f64-lut8-p5-l32-p7-bf16"), .fwd = act_softplus_avx512_cr_f64_lut8_p5_l32_p7_bf16_fwd,
     .bwd = act_softplus_avx512_cr_f64_lut8_p5_l32_p7_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_softplus, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(softplus, avx2, "cr-f64-lut8-p5-l32-p7-bf16"), .fwd = act_softplus_avx2_cr_f64_lut8_p5_l32_p7_bf16_fwd,
     .bwd = act_softplus_avx2_cr_f64_lut8_p5_l32_p7_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_softplus, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(softplus, avx512, "cr-f64-lut8-p5-l32-p7-f16"), .fwd = act_softplus_avx512_cr_f64_lut8_p5_l32_p7_f16_fwd,
     .bwd = act_softplus_avx512_cr_f64_lut8_p5_l32_p7_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_softplus, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(softplus, avx2, "cr-f64-lut8-p5-l32-p7-f16"), .fwd = act_softplus_avx2_cr_f64_lut8_p5_l32_p7_f16_fwd,
     .bwd = act_softplus_avx2_cr_f64_lut8_p5_l32_p7_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_softplus, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    /* claims: 0.5 ulp, f and f', proven by the exhaustive sweep (every one of
     * the 2^32 inputs, NaNs included, and all 65536 of bfloat16 and binary16;
     * docs/accuracy.md, "Correctly rounded kernels"), of the AVX2 kernels (this
     * machine has no AVX-512: the AVX-512 ones are not proven):
     *   nice -n 15 build/actbench accuracy --exhaustive --activation logsigmoid
     *     --impl '*cr-*' --formats binary32,bfloat16,binary16 --out DIR
     * (273 s on 2 shared cores; 8556380156 references by the screen,
     * 8 by MPFR).  From DIR/accuracy.json:
     *   logsigmoid.avx2.cr-f64-lut8-p5-l32-p7: binary32 f 4294967296 of 4294967296
     *     (largest error 0.5 ulp at x = -0x1.d483ap-12), f' 4294967296 of
     *     4294967296 (0.5 at -0x1.2p-20); special-value failures 0, 0
     *   logsigmoid.avx2.cr-f64-lut8-p5-l32-p7 rounded again to bfloat16:
     *     f 65536, f' 65536 of 65536 (double rounding)
     *   logsigmoid.avx2.cr-f64-lut8-p5-l32-p7-bf16 in bfloat16: f 65536, f' 65536 of 65536
     *   logsigmoid.avx2.cr-f64-lut8-p5-l32-p7 rounded again to binary16:
     *     f 65535, f' 65529 of 65536 (double rounding)
     *   logsigmoid.avx2.cr-f64-lut8-p5-l32-p7-f16 in binary16: f 65536, f' 65536 of 65536
     */
#define CR_BWDF_logsigmoid "sigma(-x); double, RN, then * dy"
#define CR_NOTE_logsigmoid "correctly rounded: double min(x,0) - log1p(e^-|x|) (2^(j/8) table, degree 5; log 33-entry table, degree 7), Ziv test; undecided lanes double-double"
    {OURS(logsigmoid, avx512, "cr-f64-lut8-p5-l32-p7"), .fwd = act_logsigmoid_avx512_cr_f64_lut8_p5_l32_p7_fwd,
     .bwd = act_logsigmoid_avx512_cr_f64_lut8_p5_l32_p7_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_logsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_logsigmoid},
    {OURS(logsigmoid, avx2, "cr-f64-lut8-p5-l32-p7"), .fwd = act_logsigmoid_avx2_cr_f64_lut8_p5_l32_p7_fwd,
     .bwd = act_logsigmoid_avx2_cr_f64_lut8_p5_l32_p7_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_logsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS, .note = CR_NOTE_logsigmoid},
    {OURS(logsigmoid, avx512, "cr-f64-lut8-p5-l32-p7-bf16"), .fwd = act_logsigmoid_avx512_cr_f64_lut8_p5_l32_p7_bf16_fwd,
     .bwd = act_logsigmoid_avx512_cr_f64_lut8_p5_l32_p7_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_logsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(logsigmoid, avx2, "cr-f64-lut8-p5-l32-p7-bf16"), .fwd = act_logsigmoid_avx2_cr_f64_lut8_p5_l32_p7_bf16_fwd,
     .bwd = act_logsigmoid_avx2_cr_f64_lut8_p5_l32_p7_bf16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_logsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_bf16, .note = "correctly rounded in bfloat16"},
    {OURS(logsigmoid, avx512, "cr-f64-lut8-p5-l32-p7-f16"), .fwd = act_logsigmoid_avx512_cr_f64_lut8_p5_l32_p7_f16_fwd,
     .bwd = act_logsigmoid_avx512_cr_f64_lut8_p5_l32_p7_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_logsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
    {OURS(logsigmoid, avx2, "cr-f64-lut8-p5-l32-p7-f16"), .fwd = act_logsigmoid_avx2_cr_f64_lut8_p5_l32_p7_f16_fwd,
     .bwd = act_logsigmoid_avx2_cr_f64_lut8_p5_l32_p7_f16_bwd, .fwd_ulp = 0.5, .bwd_ulp = 0.5,
     .bwd_formula = CR_BWDF_logsigmoid, .flags = NAN_BOTH | FROM_X | CR_FLAGS_f16, .note = "correctly rounded in binary16"},
};

const act_impl *act_registry = own_impls;
size_t act_registry_count = sizeof own_impls / sizeof own_impls[0];

/* Concatenate ours and the peer tables once, before main() (and before any
 * test) looks at the registry. */
__attribute__((constructor)) static void act_registry_build(void) {
  for (size_t t = 0; act_peer_prepare[t]; t++) act_peer_prepare[t]();
  size_t n = sizeof own_impls / sizeof own_impls[0];
  for (size_t t = 0; act_peer_tables[t]; t++) n += act_peer_tables[t]->count;
  if (n == sizeof own_impls / sizeof own_impls[0]) return;
  act_impl *all = malloc(n * sizeof *all);
  if (!all) return; /* keep our own table alone */
  size_t k = 0;
  for (size_t i = 0; i < sizeof own_impls / sizeof own_impls[0]; i++) all[k++] = own_impls[i];
  for (size_t t = 0; act_peer_tables[t]; t++)
    for (size_t i = 0; i < act_peer_tables[t]->count; i++) all[k++] = act_peer_tables[t]->impls[i];
  act_registry = all;
  act_registry_count = n;
}

int act_registry_append(const act_impl *impls, size_t count) {
  if (count == 0) return 0;
  if (count > SIZE_MAX / sizeof *impls - act_registry_count) return -1;
  size_t n = act_registry_count + count;
  act_impl *all = malloc(n * sizeof *all);
  if (!all) return -1;
  memcpy(all, act_registry, act_registry_count * sizeof *all);
  memcpy(all + act_registry_count, impls, count * sizeof *all);
  /* the table before was built by the constructor (or an earlier append),
   * unless it is still our static one */
  if (act_registry != own_impls) free((void *)act_registry);
  act_registry = all;
  act_registry_count = n;
  return 0;
}

const act_impl *act_find_impl(const char *name) {
  if (name == NULL) return NULL;
  for (size_t i = 0; i < act_registry_count; i++)
    if (strcmp(act_registry[i].name, name) == 0) return &act_registry[i];
  return NULL;
}

const act_impl_table *act_impl_peer_table(const act_impl *impl) {
  for (size_t t = 0; impl && act_peer_tables[t]; t++)
    for (size_t i = 0; i < act_peer_tables[t]->count; i++)
      if (!strcmp(act_peer_tables[t]->impls[i].name, impl->name)) return act_peer_tables[t];
  return NULL;
}

int act_impl_class(const act_impl *impl) {
  for (size_t i = 0; i < sizeof own_impls / sizeof own_impls[0]; i++)
    if (!strcmp(own_impls[i].name, impl->name)) return ACT_IMPL_OURS;
  return act_impl_peer_table(impl) ? ACT_IMPL_PEER : ACT_IMPL_PLUGIN;
}

int act_impl_available(const act_impl *impl) {
  if (impl == NULL || impl->available == NULL || !impl->available()) return 0;
  unsigned f = act_cpu_features();
  if (strcmp(impl->isa, "avx2") == 0) return (f & ACT_CPU_AVX2) != 0;
  if (strcmp(impl->isa, "avx512") == 0) return (f & ACT_CPU_AVX512) != 0;
  return 1; /* scalar (and any ISA the cap does not cover) */
}

void act_impl_run(const act_impl *m, const act_params *p, const float *x, float *y, float *dx,
                  size_t n) {
  m->fwd(x, y, n, p);
  if (!m->bwd) { /* no backward kernel: nothing to measure */
    for (size_t i = 0; i < n; i++) dx[i] = NAN;
    return;
  }
  void *buf = NULL;
  if (posix_memalign(&buf, 64, sizeof(float) * (n ? n : 1)) != 0 || !buf) {
    fprintf(stderr, "actbench: out of memory allocating %zu floats\n", n);
    exit(1);
  }
  float *dy = buf;
  for (size_t i = 0; i < n; i++) dy[i] = 1.0f;
  m->bwd(x, y, dy, dx, n, p);
  free(dy);
}
