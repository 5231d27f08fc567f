/* actbench: prototypes of the kernels in impls/<activation>/ *.c, for the
 * registry (impls/registry.c).
 *
 * naive.c and stable.c are scalar C compiled with the default flags.
 * autovec.c is compiled twice by CMake, with the AVX2 and with the AVX-512
 * flags, and -DACT_AUTOVEC_SUFFIX=_avx2 or _avx512 names the two copies
 * apart (see ACT_AUTOVEC_NAME below). */
#ifndef ACTBENCH_KERNELS_H
#define ACTBENCH_KERNELS_H

#include "activation.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Inside an autovec*.c: ACT_AUTOVEC_NAME(act_sigmoid_autovec_fwd) expands to
 * act_sigmoid_autovec_fwd_avx2 or act_sigmoid_autovec_fwd_avx512. */
#define ACT_PASTE_(a, b) a##b
#define ACT_PASTE(a, b) ACT_PASTE_(a, b)
#define ACT_AUTOVEC_NAME(base) ACT_PASTE(base, ACT_AUTOVEC_SUFFIX)

/* Inside a stable.c: ACT_SCALAR_NAME(act_sigmoid_stable_fwd) is the plain
 * name in the build for any x86-64, and act_sigmoid_stable_fwd_fma in the
 * second build of the same file with -mfma (CMake), where fmaf is one
 * instruction instead of a libm call; the registry calls the second where the
 * CPU has FMA.  fmaf is exact either way: both give the same bits. */
#ifndef ACT_SCALAR_SUFFIX
#define ACT_SCALAR_SUFFIX
#endif
#define ACT_SCALAR_NAME(base) ACT_PASTE(base, ACT_SCALAR_SUFFIX)

/* Declares name's forward kernel (suffix _fwd) and backward kernel (_bwd),
 * with an optional ISA suffix after them. */
#define ACT_DECLARE_KERNELS(name, isa)                                                       \
  void name##_fwd##isa(const float *x, float *y, size_t n, const act_params *p);             \
  void name##_bwd##isa(const float *x, const float *y, const float *dy, float *dx, size_t n, \
                       const act_params *p);

#define ACT_DECLARE_ACTIVATION(act)               \
  ACT_DECLARE_KERNELS(act_##act##_naive, )        \
  ACT_DECLARE_KERNELS(act_##act##_stable, )       \
  ACT_DECLARE_KERNELS(act_##act##_stable, _fma)   \
  ACT_DECLARE_KERNELS(act_##act##_autovec, _avx2) \
  ACT_DECLARE_KERNELS(act_##act##_autovec, _avx512)

/* act_sigmoid_naive_fwd, act_sigmoid_naive_bwd, act_sigmoid_stable_fwd, ...,
 * act_sigmoid_autovec_fwd_avx2, act_sigmoid_autovec_bwd_avx512, ... */
ACT_DECLARE_ACTIVATION(sigmoid)
ACT_DECLARE_ACTIVATION(tanh)
ACT_DECLARE_ACTIVATION(relu)
ACT_DECLARE_ACTIVATION(leaky_relu)

/* The scalar kernels of the ten further activations (impls/<act>/naive.c and
 * stable.c). */
#define ACT_DECLARE_SCALAR(act)             \
  ACT_DECLARE_KERNELS(act_##act##_naive, )  \
  ACT_DECLARE_KERNELS(act_##act##_stable, ) \
  ACT_DECLARE_KERNELS(act_##act##_stable, _fma)
ACT_DECLARE_SCALAR(elu)
ACT_DECLARE_SCALAR(selu)
ACT_DECLARE_SCALAR(gelu)
ACT_DECLARE_SCALAR(gelu_tanh)
ACT_DECLARE_SCALAR(silu)
ACT_DECLARE_SCALAR(softplus)
ACT_DECLARE_SCALAR(mish)
ACT_DECLARE_SCALAR(hardsigmoid)
ACT_DECLARE_SCALAR(hardswish)
ACT_DECLARE_SCALAR(logsigmoid)

/* relu, leaky_relu: the kernels on the SIMD layer, one file each compiled
 * per ISA (impls/relu/simd_relu.c, impls/leaky_relu/simd_leaky.c). */
ACT_DECLARE_KERNELS(act_relu_max_nan0, _avx2)
ACT_DECLARE_KERNELS(act_relu_max_nan0, _avx512)
ACT_DECLARE_KERNELS(act_relu_cmp_nanprop, _avx2)
ACT_DECLARE_KERNELS(act_relu_cmp_nanprop, _avx512)
ACT_DECLARE_KERNELS(act_leaky_relu_max_ax_x, _avx2)
ACT_DECLARE_KERNELS(act_leaky_relu_max_ax_x, _avx512)
ACT_DECLARE_KERNELS(act_leaky_relu_blend_nanprop, _avx2)
ACT_DECLARE_KERNELS(act_leaky_relu_blend_nanprop, _avx512)
/* gelu, elu, softplus, sigmoid, silu, tanh, gelu_tanh: the kernels on the SIMD layer, one
 * file each compiled per ISA (impls/<act>/simd_<act>.c), act_<act>_<alg>_fwd_<isa>,
 * _bwd_<isa> (the x64 ones AVX-512 only). */
#define ACT_DECLARE_VEC(act, alg)               \
  ACT_DECLARE_KERNELS(act_##act##_##alg, _avx2) \
  ACT_DECLARE_KERNELS(act_##act##_##alg, _avx512)
/* a backward kernel alone (its forward is another's), both ISAs */
#define ACT_DECLARE_VEC_BWD(act, alg)                                                             \
  void act_##act##_##alg##_bwd_avx2(const float *x, const float *y, const float *dy, float *dx,   \
                                    size_t n, const act_params *p);                               \
  void act_##act##_##alg##_bwd_avx512(const float *x, const float *y, const float *dy, float *dx, \
                                      size_t n, const act_params *p);
ACT_DECLARE_VEC(elu, rr1_p7)
ACT_DECLARE_VEC(elu, rr1_lut8_p4)
ACT_DECLARE_VEC(elu, rr1_lut8d_p4)
ACT_DECLARE_VEC(elu, rr1_lut8_p4_from_y)
ACT_DECLARE_VEC(softplus, rr2_p7_lut_w)
ACT_DECLARE_VEC(softplus, rr2_p7_lut_dd_w)
ACT_DECLARE_VEC(gelu, erfc_dd)
ACT_DECLARE_VEC(gelu, erfc)
ACT_DECLARE_VEC(sigmoid, rr2_lut_div)
ACT_DECLARE_VEC(sigmoid, rr2_lut_dd)
ACT_DECLARE_VEC_BWD(sigmoid, from_y)
ACT_DECLARE_KERNELS(act_sigmoid_rr2_lut_div_x64, _avx512)
ACT_DECLARE_KERNELS(act_sigmoid_rr1_lut_div_x64, _avx512)
ACT_DECLARE_VEC(silu, rr2_lut_div)
ACT_DECLARE_VEC(silu, rr2_lut_dd)
ACT_DECLARE_VEC_BWD(silu, rr2_lut_div_root)
ACT_DECLARE_VEC(gelu_tanh, dd)
ACT_DECLARE_VEC(gelu_tanh, fast)
/* tanh: a forward or a backward kernel alone each (the registry pairs them) */
#define ACT_DECLARE_VEC_FWD(act, alg)                                                         \
  void act_##act##_##alg##_fwd_avx2(const float *x, float *y, size_t n, const act_params *p); \
  void act_##act##_##alg##_fwd_avx512(const float *x, float *y, size_t n, const act_params *p);
ACT_DECLARE_VEC_FWD(tanh, lut_acc)
ACT_DECLARE_VEC_FWD(tanh, lut_fast)
ACT_DECLARE_VEC_FWD(tanh, r98_div)
ACT_DECLARE_VEC_FWD(tanh, r98_nr)
ACT_DECLARE_VEC_BWD(tanh, sech2)
ACT_DECLARE_VEC_BWD(tanh, from_y)
void act_tanh_r98_div_x64_fwd_avx512(const float *x, float *y, size_t n, const act_params *p);

/* ---- the correctly rounded kernels (issue 18; impls/cr/simd_cr.c, compiled
 * per ISA): act_<act>_cr[_bf16|_f16]_fwd_<isa>, _bwd_<isa>. */
#define ACT_DECLARE_CR(act)     \
  ACT_DECLARE_VEC(act, cr)      \
  ACT_DECLARE_VEC(act, cr_bf16) \
  ACT_DECLARE_VEC(act, cr_f16)
ACT_DECLARE_CR(sigmoid)
ACT_DECLARE_CR(tanh)

#ifdef __cplusplus
}
#endif
#endif
