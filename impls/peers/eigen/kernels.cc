// actbench peer: TensorFlow's CPU activation kernels as they are written on
// Eigen 3.4 (tensorflow/core/kernels/{relu_op_functor,softplus_op,
// cwise_ops,cwise_ops_gradients}.h and tensorflow/python/ops/{nn_ops,
// nn_impl}.py, read for the formulas; no code copied), the kernels.
//
// Compiled twice (CMakeLists.txt): with the AVX2+FMA flags, where Eigen's
// packet is Packet8f and EIGEN_VECTORIZE_FMA is on, and with the AVX-512
// flags (Packet16f); ACT_EIGEN_ISA names the copy, and the preprocessor
// renames namespace Eigen to Eigen_<isa> in each (CMakeLists.txt says why).
// Both are compiled with -ffp-contract=off (below).
//
// Every TensorFlow op is written once, as a template on a packet or a float:
//   the packet path (suffix p): Eigen's functors' packetOp on whole packets,
//     what TensorFlow's executor runs on all but the last few elements; the
//     last n mod PacketSize elements of a call go through one more packet
//     from and to a zero-padded local buffer, so every element gets it;
//   the scalar path (suffix s, AVX2 copy): the same functors' operator() on
//     each float, what TensorFlow's executor runs on the last n mod
//     PacketSize elements of a tensor;
//   suffix x (AVX-512 copy): what the executor runs where it cannot
//     vectorize an expression at all (select() without a packet blend, below).
// Elementwise + - * / and selects round the same way in both paths, and in
// an FMA build Eigen's scalar pmadd is fmaf ("Scalar path for pmadd with FMA
// to ensure consistency with vectorized path", arch/SSE/PacketMath.h), so
// the rationals (tanh, logistic above -9, erf) agree; the paths differ in
// exp, log1p and pow (Eigen's pexp / plog1p / generic_pow polynomials
// against glibc's expf / log1pf / powf: logistic below -9, Elu, Selu,
// Softplus, gelu's gradient, gelu_tanh) and in sigmoid's gradient, which
// associates differently (below).  -ffp-contract=off keeps gcc from fusing
// anything else (clang, which builds TensorFlow, would fuse the scalar
// TanhGrad's 1 - y*y into an FMA: one difference this does not model).
//
// The ops (TensorFlow's names; x features, y activations, dy gradients):
//   Sigmoid      y = logistic(x)        SigmoidGrad  packet dy*(y*(1-y)),
//                                                    scalar (dy*y)*(1-y)
//   Tanh         y = tanh(x)            TanhGrad     dy*(1-y*y)
//   Relu         y = max<PropagateNaN>(x, 0)    ReluGrad (from y) dy*(y>0)
//   LeakyRelu    y = x>0 ? x : x*a      LeakyReluGrad (from x) x>0 ? dy : dy*a
//   Elu          y = x<0 ? exp(x)-1 : x         EluGrad (from y) y<0 ? (y+1)*dy : dy
//   Selu         y = x<0 ? sa*(exp(x)-1) : s*x  SeluGrad (from y) y<0 ? dy*(y+sa) : dy*s
//                (s = 1.0507009873554804934, sa = 1.7580993408473768599 as floats)
//   Softplus     y = x>-t ? x : (x<t ? exp(x) : log1p(exp(x))), t = log(eps)+2
//                SoftplusGrad dy/(exp(-x)+1)
//   swish (tf.nn.silu, nn_impl.py: features*sigmoid(beta*features), custom
//                gradient s*(1+(beta*x)*(1-s)), s recomputed)
//   gelu (tf.nn.gelu, nn_ops.py, a chain of ops):
//                exact        0.5*x * (1 + erf(x/1.4142135623730951))
//                approximate  0.5*x * (1 + tanh(0.7978845608028654*(x + 0.044715*pow(x,3))))
//                and its gradient as TensorFlow's autodiff builds it from
//                the ops' gradients (Mul, AddV2, RealDiv, Erf: dy*2/sqrt(pi)*
//                exp(-u^2), Tanh: TanhGrad, Pow: dy*3*pow(x,2)), the
//                contributions summed in the order of the 0.5*x term, then
//                the x (+ ...) term, then the pow term (AddN's order in a
//                real graph may differ: the bits of the sum may too).
// Parameters where TensorFlow has none: sigmoid's slope a as sigmoid(a x)
// (gradient SigmoidGrad * a); elu's alpha a as Keras writes it,
// where(x > 0, elu(x), a elu(x)) (gradient EluGrad on elu(x) = y/a with
// where(x > 0, dy, a dy)); softplus's beta a as softplus(a x)/a (gradient
// SoftplusGrad on a x), its threshold b ignored (TensorFlow uses its own
// +-t above).  With the defaults (a = 1) none of these multiplications
// happens.
#include <stddef.h>
#include <string.h>

#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>

#include "actbench/activation.h"

#define ACT_CAT_(a, b) a##b
#define ACT_CAT(a, b) ACT_CAT_(a, b)
#define ACT_EIGEN_IS_avx2 1
#define ACT_EIGEN_IS_avx512 2
#define ACT_EIGEN_ISA_ID ACT_CAT(ACT_EIGEN_IS_, ACT_EIGEN_ISA)

namespace E = Eigen::internal;
using P = E::packet_traits<float>::type;
constexpr int PS = E::unpacket_traits<P>::size;
#if ACT_EIGEN_ISA_ID == 1
static_assert(PS == 8, "the AVX2 copy wants Eigen's Packet8f");
#ifndef EIGEN_VECTORIZE_FMA
#error "the AVX2 copy wants Eigen's FMA path (-mfma)"
#endif
#elif ACT_EIGEN_ISA_ID == 2
static_assert(PS == 16, "the AVX-512 copy wants Eigen's Packet16f");
#else
#error "ACT_EIGEN_ISA must be avx2 or avx512"
#endif

namespace {

// ---- the two paths of Eigen's math functions
template <typename T>
struct Fn;
template <>
struct Fn<P> {
  static P tanh(const P &x) {
    return E::scalar_tanh_op<float>().packetOp(x);
  }
  static P logistic(const P &x) {
    return E::scalar_logistic_op<float>().packetOp(x);
  }
  static P exp(const P &x) {
    return E::scalar_exp_op<float>().packetOp(x);
  }
  static P log1p(const P &x) {
    return E::scalar_log1p_op<float>().packetOp(x);
  }
  static P erf(const P &x) {
    return E::scalar_erf_op<float>().packetOp(x);
  }
  static P pow(const P &x, float e) {
    return E::scalar_pow_op<float, float>().packetOp(x, E::pset1<P>(e));
  }
  static P sigmoid_grad(const P &y, const P &dy) {
    return E::pmul(dy, E::pmul(y, E::psub(E::pset1<P>(1.0f), y)));
  }
};
template <>
struct Fn<float> {
  static float tanh(float x) {
    return E::scalar_tanh_op<float>()(x);
  }
  static float logistic(float x) {
    return E::scalar_logistic_op<float>()(x);
  }
  static float exp(float x) {
    return E::scalar_exp_op<float>()(x);
  }
  static float log1p(float x) {
    return E::scalar_log1p_op<float>()(x);
  }
  static float erf(float x) {
    return E::scalar_erf_op<float>()(x);
  }
  static float pow(float x, float e) {
    return E::scalar_pow_op<float, float>()(x, e);
  }
  static float sigmoid_grad(float y, float dy) {
    return dy * y * (1.0f - y);
  }
};

// ---- elementwise arithmetic, the same in both paths
inline P add(const P &a, const P &b) {
  return E::padd(a, b);
}
inline P sub(const P &a, const P &b) {
  return E::psub(a, b);
}
inline P mul(const P &a, const P &b) {
  return E::pmul(a, b);
}
inline P div(const P &a, const P &b) {
  return E::pdiv(a, b);
}
inline P neg(const P &a) {
  return E::pnegate(a);
}
inline P lt(const P &a, const P &b) {
  return E::pcmp_lt(a, b);
}
inline P sel(const P &m, const P &a, const P &b) {
  return E::pselect(m, a, b);
} /* m ? a : b */
inline float add(float a, float b) {
  return a + b;
}
inline float sub(float a, float b) {
  return a - b;
}
inline float mul(float a, float b) {
  return a * b;
}
inline float div(float a, float b) {
  return a / b;
}
inline float neg(float a) {
  return -a;
}
inline bool lt(float a, float b) {
  return a < b;
}
inline float sel(bool m, float a, float b) {
  return m ? a : b;
}
template <typename T>
inline T c(float v) {
  return E::pset1<T>(v);
}

// TensorFlow's constants, as the float32 tensors its Python code makes
constexpr float kSeluScale = (float)1.0507009873554804934193349852946;
constexpr float kSeluScaleAlpha = (float)1.7580993408473768599402175208123;
constexpr float kSqrt2 = (float)1.4142135623730951;          // gelu: x / this
constexpr float kTwoOverRootPi = (float)1.1283791670955126;  // Erf's gradient, 2/sqrt(pi)
constexpr float kGeluK = (float)0.7978845608028654;          // gelu approximate
constexpr float kGeluC = 0.044715f;

// Softplus's threshold: numext::log(NumTraits<float>::epsilon()) + 2, in float
float softplus_threshold() {
  static const float t = Eigen::numext::log(Eigen::NumTraits<float>::epsilon()) + 2.0f;
  return t;
}

// ---- the ops, on a packet or a float
template <typename T>
struct TF {
  using F = Fn<T>;
  static T sigmoid_f(T x, float a) {
    return F::logistic(a == 1.0f ? x : mul(c<T>(a), x));
  }
  static T sigmoid_b(T y, T dy, float a) {
    T g = F::sigmoid_grad(y, dy);
    return a == 1.0f ? g : mul(g, c<T>(a));
  }
  static T tanh_f(T x, float) {
    return F::tanh(x);
  }
  static T tanh_b(T y, T dy, float) {
    return mul(dy, sub(c<T>(1.0f), mul(y, y)));
  }
  static T relu_b(T y, T dy, float) {
    return mul(dy, sel(lt(c<T>(0.0f), y), c<T>(1.0f), c<T>(0.0f)));
  }
  static T leaky_f(T x, float a) {
    return sel(lt(c<T>(0.0f), x), x, mul(x, c<T>(a)));
  }
  static T leaky_b(T x, T dy, float a) {
    return sel(lt(c<T>(0.0f), x), dy, mul(dy, c<T>(a)));
  }
  static T elu_f(T x, float a) {
    T r = sel(lt(x, c<T>(0.0f)), sub(F::exp(x), c<T>(1.0f)), x);
    return a == 1.0f ? r : sel(lt(c<T>(0.0f), x), r, mul(c<T>(a), r));
  }
  static T elu_b(T y, T dy, float a) {
    if (a == 1.0f) return sel(lt(y, c<T>(0.0f)), mul(add(y, c<T>(1.0f)), dy), dy);
    T pos = lt(c<T>(0.0f), y);
    T g = sel(pos, dy, mul(c<T>(a), dy));
    T r = sel(pos, y, div(y, c<T>(a)));
    return sel(lt(r, c<T>(0.0f)), mul(add(r, c<T>(1.0f)), g), g);
  }
  static T selu_f(T x, float) {
    return sel(lt(x, c<T>(0.0f)), mul(c<T>(kSeluScaleAlpha), sub(F::exp(x), c<T>(1.0f))),
               mul(c<T>(kSeluScale), x));
  }
  static T selu_b(T y, T dy, float) {
    return sel(lt(y, c<T>(0.0f)), mul(dy, add(y, c<T>(kSeluScaleAlpha))),
               mul(dy, c<T>(kSeluScale)));
  }
  static T softplus_f(T x, float a) {
    const float t = softplus_threshold();
    T ax = a == 1.0f ? x : mul(c<T>(a), x);
    T e = F::exp(ax);
    T r = sel(lt(c<T>(-t), ax), ax, sel(lt(ax, c<T>(t)), e, F::log1p(e)));
    return a == 1.0f ? r : div(r, c<T>(a));
  }
  static T softplus_b(T x, T dy, float a) {
    T ax = a == 1.0f ? x : mul(c<T>(a), x);
    return div(dy, add(F::exp(neg(ax)), c<T>(1.0f)));
  }
  static T silu_f(T x, float a) {
    return mul(x, F::logistic(mul(c<T>(a), x)));
  }
  static T silu_b(T x, T dy, float a) {
    T bx = mul(c<T>(a), x);
    T s = F::logistic(bx);
    return mul(dy, mul(s, add(c<T>(1.0f), mul(bx, sub(c<T>(1.0f), s)))));
  }
  static T gelu_f(T x, float) {
    T h = mul(c<T>(0.5f), x);
    return mul(h, add(c<T>(1.0f), F::erf(div(x, c<T>(kSqrt2)))));
  }
  static T gelu_b(T x, T dy, float) {
    T h = mul(c<T>(0.5f), x);
    T u = div(x, c<T>(kSqrt2));
    T B = add(c<T>(1.0f), F::erf(u));
    T dxh = mul(mul(dy, B), c<T>(0.5f));                                        // Mul's gradient
    T du = mul(mul(mul(dy, h), c<T>(kTwoOverRootPi)), F::exp(neg(mul(u, u))));  // Erf's
    T dxu = div(du, c<T>(kSqrt2));                                              // RealDiv's
    return add(dxh, dxu);
  }
  static T gelu_tanh_f(T x, float) {
    T h = mul(c<T>(0.5f), x);
    T w = add(x, mul(c<T>(kGeluC), F::pow(x, 3.0f)));
    return mul(h, add(c<T>(1.0f), F::tanh(mul(c<T>(kGeluK), w))));
  }
  static T gelu_tanh_b(T x, T dy, float) {
    T h = mul(c<T>(0.5f), x);
    T w = add(x, mul(c<T>(kGeluC), F::pow(x, 3.0f)));
    T t = F::tanh(mul(c<T>(kGeluK), w));
    T B = add(c<T>(1.0f), t);
    T dxh = mul(mul(dy, B), c<T>(0.5f));
    T dv = mul(mul(dy, h), sub(c<T>(1.0f), mul(t, t)));  // TanhGrad
    T dw = mul(dv, c<T>(kGeluK));
    T dxp = mul(mul(mul(dw, c<T>(kGeluC)), c<T>(3.0f)), F::pow(x, 2.0f));  // Pow's gradient
    return add(add(dxh, dw), dxp);
  }
};

// relu has one path: max<PropagateNaN> is the same on a packet and a float
inline P relu_p(const P &x) {
  return E::pmax<Eigen::PropagateNaN>(x, E::pset1<P>(0.0f));
}

// ---- the loops: any n, unaligned, in place (each vector read before written)
template <class F>
inline void loop_p1(const float *x, float *y, size_t n, const F &f) {
  size_t i = 0;
  for (; i + PS <= n; i += PS) E::pstoreu(y + i, f(E::ploadu<P>(x + i)));
  if (i < n) {
    alignas(64) float t[PS] = {0};
    memcpy(t, x + i, (n - i) * sizeof(float));
    E::pstore(t, f(E::pload<P>(t)));
    memcpy(y + i, t, (n - i) * sizeof(float));
  }
}
template <class F>
inline void loop_p2(const float *u, const float *dy, float *dx, size_t n, const F &f) {
  size_t i = 0;
  for (; i + PS <= n; i += PS) E::pstoreu(dx + i, f(E::ploadu<P>(u + i), E::ploadu<P>(dy + i)));
  if (i < n) {
    alignas(64) float t[PS] = {0}, g[PS] = {0};
    memcpy(t, u + i, (n - i) * sizeof(float));
    memcpy(g, dy + i, (n - i) * sizeof(float));
    E::pstore(t, f(E::pload<P>(t), E::pload<P>(g)));
    memcpy(dx + i, t, (n - i) * sizeof(float));
  }
}
template <class F>
inline void loop_s1(const float *x, float *y, size_t n, const F &f) {
  for (size_t i = 0; i < n; i++) y[i] = f(x[i]);
}
template <class F>
inline void loop_s2(const float *u, const float *dy, float *dx, size_t n, const F &f) {
  for (size_t i = 0; i < n; i++) dx[i] = f(u[i], dy[i]);
}

}  // namespace

#define ACT_EN(op, path) ACT_CAT(ACT_CAT(act_eigen_##op##_##path##_, ACT_EIGEN_ISA), _fwd)
#define ACT_EB(op, path) ACT_CAT(ACT_CAT(act_eigen_##op##_##path##_, ACT_EIGEN_ISA), _bwd)

/* One op's forward on one path (T: P packet, float scalar), and its
 * gradient from U (x or y, as TensorFlow's gradient kernel reads it) and dy. */
#define ACT_EIGEN_FWD(op, path, T, L)                                              \
  void ACT_EN(op, path)(const float *x, float *y, size_t n, const act_params *p) { \
    const float a = p->a;                                                          \
    L(x, y, n, [a](T v) { return TF<T>::op##_f(v, a); });                          \
  }
#define ACT_EIGEN_BWD(op, path, T, U, L)                                                      \
  void ACT_EB(op, path)(const float *x, const float *y, const float *dy, float *dx, size_t n, \
                        const act_params *p) {                                                \
    (void)x, (void)y;                                                                         \
    const float a = p->a;                                                                     \
    L(U, dy, dx, n, [a](T u, T g) { return TF<T>::op##_b(u, g, a); });                        \
  }
#define ACT_EIGEN_PACKET(op, U) ACT_EIGEN_FWD(op, p, P, loop_p1) ACT_EIGEN_BWD(op, p, P, U, loop_p2)
#define ACT_EIGEN_SCALAR(op, U) \
  ACT_EIGEN_FWD(op, s, float, loop_s1) ACT_EIGEN_BWD(op, s, float, U, loop_s2)

extern "C" {

/* What TensorFlow's executor vectorizes on both ISAs */
ACT_EIGEN_PACKET(sigmoid, y)
ACT_EIGEN_PACKET(tanh, y)
ACT_EIGEN_PACKET(silu, x)
ACT_EIGEN_PACKET(gelu, x)
ACT_EIGEN_PACKET(gelu_tanh, x)

void ACT_EN(relu, p)(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  loop_p1(x, y, n, [](P v) { return relu_p(v); });
}
void ACT_EB(relu, p)(const float *x, const float *y, const float *dy, float *dx, size_t n,
                     const act_params *p) {
  (void)x, (void)p;
  loop_p2(y, dy, dx, n, [](P u, P g) { return TF<P>::relu_b(u, g, 0.0f); });
}

#if ACT_EIGEN_ISA_ID == 1
/* The kernels built on select(): vectorized where Eigen's packet has a blend
 * (AVX: HasBlend), */
ACT_EIGEN_PACKET(leaky, x)
ACT_EIGEN_PACKET(elu, y)
ACT_EIGEN_PACKET(selu, y)
ACT_EIGEN_PACKET(softplus, x)
/* and the scalar path, which TensorFlow's executor runs on the last
 * n mod PacketSize elements (tanh's is the same as its packet path, with the
 * same FMA: no entry) */
ACT_EIGEN_SCALAR(sigmoid, y)
ACT_EIGEN_SCALAR(elu, y)
ACT_EIGEN_SCALAR(selu, y)
ACT_EIGEN_SCALAR(softplus, x)
ACT_EIGEN_SCALAR(silu, x)
ACT_EIGEN_SCALAR(gelu, x)
ACT_EIGEN_SCALAR(gelu_tanh, x)
#else
/* Eigen 3.4's AVX-512 packet has no blend (packet_traits<float>::HasBlend is
 * 0), so Eigen's Tensor executor does not vectorize an expression with a
 * select(): TensorFlow's LeakyRelu, LeakyReluGrad, Elu, EluGrad, Selu,
 * SeluGrad and Softplus run the scalar path on every element in an AVX-512
 * build (SoftplusGrad, a division, is vectorized).  That is what these are
 * (suffix x: as the executor runs them). */
ACT_EIGEN_FWD(leaky, x, float, loop_s1)
ACT_EIGEN_BWD(leaky, x, float, x, loop_s2)
ACT_EIGEN_FWD(elu, x, float, loop_s1)
ACT_EIGEN_BWD(elu, x, float, y, loop_s2)
ACT_EIGEN_FWD(selu, x, float, loop_s1)
ACT_EIGEN_BWD(selu, x, float, y, loop_s2)
ACT_EIGEN_FWD(softplus, x, float, loop_s1)
ACT_EIGEN_BWD(softplus, x, P, x, loop_p2)
#endif

}  // extern "C"
