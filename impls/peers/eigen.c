/* actbench peer: what TensorFlow (and, where said, JAX) users get on a CPU:
 * TensorFlow's activation kernels as its source writes them on Eigen 3.4
 * (libeigen3-dev, header-only), forward and the gradient kernels TensorFlow
 * runs.  The kernels and the formulas are impls/peers/eigen/kernels.cc,
 * compiled once with AVX2+FMA (Eigen's Packet8f) and once with AVX-512
 * (Packet16f); this table picks the copy with actbench's dispatch.  Origin
 * "tensorflow": every entry models a TensorFlow op, none is plain Eigen.
 *
 * Eigen's two paths.  TensorFlow's executor evaluates a tensor with Eigen's
 * packet code and the last n mod PacketSize elements with the scalar code
 * (the functors' operator()).  Where the two give different results both are
 * here: "...-p<fn>" entries run every element through the packet path,
 * "...-<fn>-scalar" ones through the scalar path (glibc's expf, log1pf,
 * powf; the rationals are the same in both, Eigen's scalar pmadd being fmaf
 * in an FMA build).  tests/test_peer_eigen.c counts where they differ; tanh,
 * relu and leaky_relu are the same in both, so they have one entry.  With
 * AVX-512, Eigen 3.4's executor vectorizes no select() (its Packet16f has no
 * blend): TensorFlow's LeakyRelu, Elu, Selu and Softplus (and the first
 * three's gradients) then run the scalar path on every element, and their
 * avx512 entries are that ("...-scalar" with isa avx512).
 *
 * JAX.  JAX on a CPU runs XLA's code, not Eigen's: XLA's tanh
 * (xla/service/llvm_ir/math_ops.cc, EmitFastTanh) is Eigen's 13/6 rational
 * with the same coefficients, evaluated with separate multiplies and adds
 * (like the scalar path here) and clamped at +-9 in older XLA (the input
 * range where the rational exceeds 1), at Eigen's constants in newer ones:
 * the tanh entries stand for JAX's tanh up to that clamp and operation
 * order.  XLA expands logistic to 1/(1 + exp(-x)) (LogisticExpander) with its
 * own exp, and its erf is a different rational (newer Eigen's, clamped at
 * 3.8325): the sigmoid, silu and gelu entries are TensorFlow's only.
 *
 * Claims: none.  Eigen's source states its accuracy only in words ("a
 * 13/6-degree rational interpolant which is accurate up to a couple of ulps
 * in the (approximate) range [-8, 8]" for tanh, "up to a couple of ulps in
 * the range [-9, 18]" for the logistic, "accurate up to a couple of ulp in
 * the range [-4, 4]" for erf): no number, and only on a range, so every
 * claim is NAN, "no documented bound"; TensorFlow documents none. */
#include <math.h>
#include <stddef.h>

#include "registry.h"

#define ACT_EIGEN_DECL1(op, path, isa)           \
  act_fwd act_eigen_##op##_##path##_##isa##_fwd; \
  act_bwd act_eigen_##op##_##path##_##isa##_bwd;
#define ACT_EIGEN_DECL(isa)        \
  ACT_EIGEN_DECL1(sigmoid, p, isa) \
  ACT_EIGEN_DECL1(tanh, p, isa)    \
  ACT_EIGEN_DECL1(relu, p, isa)    \
  ACT_EIGEN_DECL1(silu, p, isa) ACT_EIGEN_DECL1(gelu, p, isa) ACT_EIGEN_DECL1(gelu_tanh, p, isa)
ACT_EIGEN_DECL(avx2)
ACT_EIGEN_DECL(avx512)
ACT_EIGEN_DECL1(leaky, p, avx2)
ACT_EIGEN_DECL1(elu, p, avx2)
ACT_EIGEN_DECL1(selu, p, avx2)
ACT_EIGEN_DECL1(softplus, p, avx2)
ACT_EIGEN_DECL1(sigmoid, s, avx2)
ACT_EIGEN_DECL1(elu, s, avx2)
ACT_EIGEN_DECL1(selu, s, avx2)
ACT_EIGEN_DECL1(softplus, s, avx2)
ACT_EIGEN_DECL1(silu, s, avx2)
ACT_EIGEN_DECL1(gelu, s, avx2)
ACT_EIGEN_DECL1(gelu_tanh, s, avx2)
ACT_EIGEN_DECL1(leaky, x, avx512)
ACT_EIGEN_DECL1(elu, x, avx512)
ACT_EIGEN_DECL1(selu, x, avx512)
ACT_EIGEN_DECL1(softplus, x, avx512)

static int has_avx2(void) {
  return act_cpu_has_avx2();
}
static int has_avx512(void) {
  return act_cpu_has_avx512();
}

#ifndef ACT_EIGEN_VERSION
#define ACT_EIGEN_VERSION "3.4"
#endif

/* What each gradient kernel reads besides dy (activation.h), as TensorFlow's:
 * SigmoidGrad, TanhGrad, EluGrad, SeluGrad and ReluGrad take y; LeakyReluGrad,
 * SoftplusGrad and the Python-level gradients (swish, gelu) take x. */
enum {
  sigmoid_reads = ACT_BWD_NO_X,
  tanh_reads = ACT_BWD_NO_X,
  relu_reads = ACT_BWD_NO_X,
  leaky_reads = ACT_BWD_NO_Y,
  elu_reads = ACT_BWD_NO_X,
  selu_reads = ACT_BWD_NO_X,
  softplus_reads = ACT_BWD_NO_Y,
  silu_reads = ACT_BWD_NO_Y,
  gelu_reads = ACT_BWD_NO_Y,
  gelu_tanh_reads = ACT_BWD_NO_Y
};
#define NAN_BOTH (ACT_NAN_FWD | ACT_NAN_BWD)

#define TFE(act, op, path, isa, alg, bwdf, flags, note)                                          \
  {                                                                                              \
#act, #act "." #isa ".tensorflow-eigen-" alg, #isa, "tensorflow", NAN, NAN,                  \
        act_eigen_##op##_##path##_##isa##_fwd, act_eigen_##op##_##path##_##isa##_bwd, has_##isa, \
        bwdf, (flags) | op##_reads, note                                                         \
  }
#define TFE_P(act, op, alg, bwdf, flags, note) \
  TFE(act, op, p, avx512, alg, bwdf, flags, note), TFE(act, op, p, avx2, alg, bwdf, flags, note)

static const act_impl eigen_impls[] = {
    /* vectorized on both ISAs */
    TFE_P(sigmoid, sigmoid, "plogistic", "dy*(y*(1-y))", NAN_BOTH,
          "TF Sigmoid: Eigen's logistic, 9/10 rational of s(x)-1/2 on [-9, 15.72], pexp(x) "
          "below -9; SigmoidGrad. Not JAX's (XLA: 1/(1+exp(-x)))"),
    TFE_P(tanh, tanh, "ptanh", "dy*(1-y*y)", NAN_BOTH,
          "TF Tanh: Eigen's ptanh, 13/6 rational, FMA, clamp +-7.99881, x below 4e-4 (scalar path "
          "alike); TanhGrad. JAX's tanh (XLA EmitFastTanh) is the same rational"),
    TFE_P(relu, relu, "pmax", "dy*(y>0)", ACT_NAN_FWD,
          "TF Relu: max<PropagateNaN>(x, 0); ReluGrad on y (both paths alike)"),
    TFE_P(silu, silu, "plogistic", "dy*(s*(1+(a x)*(1-s)))", NAN_BOTH | ACT_NAN_SPURIOUS,
          "tf.nn.silu: x*sigmoid(a x) on Eigen's logistic; its custom gradient, s recomputed"),
    TFE_P(gelu, gelu, "perf", "autodiff of 0.5x(1+erf(x/sqrt2))", NAN_BOTH | ACT_NAN_SPURIOUS,
          "tf.nn.gelu(approximate=False): 0.5x*(1+erf(x/1.4142135)), Eigen's 13/8 erf "
          "rational (below -1 near its clamp: gelu > 0 for some x in [-5.66, -5.2]); gradient "
          "by autodiff. Not JAX's erf"),
    TFE_P(gelu_tanh, gelu_tanh, "ptanh-ppow", "autodiff of 0.5x(1+tanh(k(x+c pow(x,3))))",
          NAN_BOTH | ACT_NAN_SPURIOUS,
          "tf.nn.gelu(approximate=True): Eigen's ptanh and generic_pow; gradient by autodiff "
          "(TanhGrad, Pow's 3 pow(x,2))"),
    /* select(): vectorized with AVX2 (packet blend), not with AVX-512 */
    TFE(leaky_relu, leaky, p, avx2, "select", "x>0 ? dy : dy*a", ACT_NAN_FWD,
        "TF LeakyRelu: x>0 ? x : x*a; LeakyReluGrad on x (both paths alike)"),
    TFE(leaky_relu, leaky, x, avx512, "select-scalar", "x>0 ? dy : dy*a", ACT_NAN_FWD,
        "TF LeakyRelu in an AVX-512 build: Eigen's executor does not vectorize select() "
        "there (no packet blend): the scalar path on every element"),
    TFE(elu, elu, p, avx2, "pexp", "y<0 ? (y+1)*dy : dy", ACT_NAN_FWD,
        "TF Elu: x<0 ? pexp(x)-1 : x (no expm1); EluGrad on y; alpha a != 1 as Keras"),
    TFE(elu, elu, x, avx512, "exp-scalar", "y<0 ? (y+1)*dy : dy", ACT_NAN_FWD,
        "TF Elu in an AVX-512 build: not vectorized (select, no packet blend): expf(x)-1 on "
        "every element; EluGrad on y, scalar too"),
    TFE(selu, selu, p, avx2, "pexp", "y<0 ? dy*(y+sa) : dy*s", ACT_NAN_FWD,
        "TF Selu: x<0 ? sa (pexp(x)-1) : s x; SeluGrad on y"),
    TFE(selu, selu, x, avx512, "exp-scalar", "y<0 ? dy*(y+sa) : dy*s", ACT_NAN_FWD,
        "TF Selu in an AVX-512 build: not vectorized (select): expf on every element; SeluGrad "
        "scalar too"),
    TFE(softplus, softplus, p, avx2, "pexp-plog1p", "dy/(exp(-x)+1)", NAN_BOTH,
        "TF Softplus: x > 13.94 ? x : x < -13.94 ? pexp(x) : plog1p(pexp(x)); SoftplusGrad; "
        "beta a as softplus(a x)/a, threshold b ignored"),
    TFE(softplus, softplus, x, avx512, "exp-log1p-scalar", "dy/(exp(-x)+1)", NAN_BOTH,
        "TF Softplus in an AVX-512 build: not vectorized (select): expf, log1pf on every "
        "element; SoftplusGrad vectorized (pexp)"),
    /* the scalar path (the last n mod 8 elements of a tensor), from the
     * AVX2+FMA copy; tanh has none (the same as its packet path) */
    TFE(sigmoid, sigmoid, s, avx2, "logistic-scalar", "(dy*y)*(1-y)", NAN_BOTH,
        "TF Sigmoid, Eigen's scalar path: the same rational, expf below -9; SigmoidGrad's scalar "
        "association"),
    TFE(elu, elu, s, avx2, "exp-scalar", "y<0 ? (y+1)*dy : dy", ACT_NAN_FWD,
        "TF Elu, Eigen's scalar path: x<0 ? expf(x)-1 : x; EluGrad on y"),
    TFE(selu, selu, s, avx2, "exp-scalar", "y<0 ? dy*(y+sa) : dy*s", ACT_NAN_FWD,
        "TF Selu, Eigen's scalar path: expf; SeluGrad on y"),
    TFE(softplus, softplus, s, avx2, "exp-log1p-scalar", "dy/(exp(-x)+1)", NAN_BOTH,
        "TF Softplus, Eigen's scalar path: expf, log1pf; SoftplusGrad with expf"),
    TFE(silu, silu, s, avx2, "logistic-scalar", "dy*(s*(1+(a x)*(1-s)))",
        NAN_BOTH | ACT_NAN_SPURIOUS, "tf.nn.silu on Eigen's scalar logistic; its custom gradient"),
    TFE(gelu, gelu, s, avx2, "erf-scalar", "autodiff of 0.5x(1+erf(x/sqrt2))",
        NAN_BOTH | ACT_NAN_SPURIOUS,
        "tf.nn.gelu(approximate=False) on Eigen's scalar path: f as the packet path, expf in "
        "the gradient"),
    TFE(gelu_tanh, gelu_tanh, s, avx2, "tanh-pow-scalar",
        "autodiff of 0.5x(1+tanh(k(x+c pow(x,3))))", NAN_BOTH | ACT_NAN_SPURIOUS,
        "tf.nn.gelu(approximate=True) on Eigen's scalar path: powf"),
};

const act_impl_table act_peer_eigen = {
    eigen_impls, sizeof eigen_impls / sizeof eigen_impls[0],
    "eigen " ACT_EIGEN_VERSION " (TensorFlow's kernels written on it, packet and scalar paths)",
    "Eigen says its tanh, logistic and erf are \"accurate up to a couple of ulps\" on limited "
    "ranges ([-8, 8], [-9, 18], [-4, 4]): no number and not over all floats, so no documented "
    "bound; TensorFlow documents none"};
