// actbench test helper: TensorFlow's CPU kernels as TensorFlow itself runs
// them, on Eigen's Tensor module (TensorMap expressions assigned with
// .device(), Eigen's TensorExecutor: packets for the first n - n mod
// PacketSize elements, the functors' scalar operator() for the rest), for
// tests/test_peer_eigen.c.  The expressions are TensorFlow's (relu_op_functor.h,
// softplus_op.h, cwise_ops.h, cwise_ops_gradients.h; the gelu and swish
// chains of nn_ops.py / nn_impl.py op by op); DefaultDevice stands for
// TensorFlow's ThreadPoolDevice on one thread.  Compiled like
// impls/peers/eigen/kernels.cc, once per ISA (ACT_EIGEN_ISA).
#include <stddef.h>

#include <unsupported/Eigen/CXX11/Tensor>
#include <unsupported/Eigen/SpecialFunctions>

#define ACT_CAT_(a, b) a##b
#define ACT_CAT(a, b) ACT_CAT_(a, b)
#define NAME(f) ACT_CAT(ACT_CAT(eigen_direct_, f), ACT_CAT(_, ACT_EIGEN_ISA))

namespace {

using T1 =
    Eigen::TensorMap<Eigen::Tensor<float, 1, Eigen::RowMajor, Eigen::DenseIndex>, Eigen::Unaligned>;
using C1 = Eigen::TensorMap<Eigen::Tensor<const float, 1, Eigen::RowMajor, Eigen::DenseIndex>,
                            Eigen::Unaligned>;

// TensorFlow's gradient functors (cwise_ops_gradients.h), as it declares them
template <typename T>
struct tf_tanh_gradient_op {
  EIGEN_STRONG_INLINE T operator()(const T &output, const T &output_gradient) const {
    return output_gradient * (T(1) - output * output);
  }
  template <typename Packet>
  EIGEN_STRONG_INLINE Packet packetOp(const Packet &output, const Packet &output_gradient) const {
    using namespace Eigen::internal;
    return pmul(output_gradient, psub(pset1<Packet>(T(1)), pmul(output, output)));
  }
};
template <typename T>
struct tf_sigmoid_gradient_op {
  EIGEN_STRONG_INLINE T operator()(const T &output, const T &output_gradient) const {
    return output_gradient * output * (T(1) - output);
  }
  template <typename Packet>
  EIGEN_STRONG_INLINE Packet packetOp(const Packet &output, const Packet &output_gradient) const {
    using namespace Eigen::internal;
    return pmul(output_gradient, pmul(output, psub(pset1<Packet>(T(1)), output)));
  }
};

}  // namespace

namespace Eigen {
namespace internal {
template <typename T>
struct functor_traits<tf_tanh_gradient_op<T>> {
  enum { Cost = 3, PacketAccess = true };
};
template <typename T>
struct functor_traits<tf_sigmoid_gradient_op<T>> {
  enum { Cost = 3, PacketAccess = true };
};
}  // namespace internal
}  // namespace Eigen

enum { SIGMOID, TANH, RELU, LEAKY, ELU, SELU, SOFTPLUS, SILU, GELU, GELU_TANH };

extern "C" {

void NAME(fwd)(int op, const float *xp, float *yp, long n, float a) {
  Eigen::DefaultDevice d;
  C1 x(xp, n);
  T1 y(yp, n);
  const float scale = 1.0507009873554804934193349852946f;
  const float scale_alpha = 1.7580993408473768599402175208123f;
  switch (op) {
    case SIGMOID:
      y.device(d) = x.unaryExpr(Eigen::internal::scalar_logistic_op<float>());
      break;
    case TANH:
      y.device(d) = x.unaryExpr(Eigen::internal::scalar_tanh_op<float>());
      break;
    case RELU:
      y.device(d) = x.template cwiseMax<Eigen::PropagateNaN>(0.0f);
      break;
    case LEAKY:
      y.device(d) = (x > 0.0f).select(x, x * a);
      break;
    case ELU:
      y.device(d) = (x < 0.0f).select(x.exp() - x.constant(1.0f), x);
      break;
    case SELU:
      y.device(d) = (x < 0.0f).select(scale_alpha * (x.exp() - x.constant(1.0f)), scale * x);
      break;
    case SOFTPLUS: {
      static const float threshold = Eigen::numext::log(Eigen::NumTraits<float>::epsilon()) + 2.0f;
      auto too_large = x > x.constant(-threshold);
      auto too_small = x < x.constant(threshold);
      auto features_exp = x.exp();
      y.device(d) = too_large.select(x, too_small.select(features_exp, features_exp.log1p()));
      break;
    }
    case SILU:  // features * sigmoid(beta * features)
      y.device(d) = x * (a * x).unaryExpr(Eigen::internal::scalar_logistic_op<float>());
      break;
    case GELU:  // 0.5 * features * (1.0 + erf(features / 1.4142135623730951))
      y.device(d) = (0.5f * x) * ((x / 1.4142135623730951f).erf() + 1.0f);
      break;
    case GELU_TANH: {  // 0.5 * f * (1 + tanh(0.7978845608028654 * (f + 0.044715 * pow(f, 3))))
      auto w = x + 0.044715f * x.pow(3.0f);
      y.device(d) =
          (0.5f * x) *
          ((0.7978845608028654f * w).unaryExpr(Eigen::internal::scalar_tanh_op<float>()) + 1.0f);
      break;
    }
  }
}

// u: y for SigmoidGrad, TanhGrad, ReluGrad, EluGrad, SeluGrad; x for the others
void NAME(bwd)(int op, const float *up, const float *dyp, float *dxp, long n, float a) {
  Eigen::DefaultDevice d;
  C1 u(up, n), g(dyp, n);
  T1 dx(dxp, n);
  const float scale = 1.0507009873554804934193349852946f;
  const float scale_alpha = 1.7580993408473768599402175208123f;
  switch (op) {
    case SIGMOID:
      dx.device(d) = u.binaryExpr(g, tf_sigmoid_gradient_op<float>());
      break;
    case TANH:
      dx.device(d) = u.binaryExpr(g, tf_tanh_gradient_op<float>());
      break;
    case RELU:
      dx.device(d) = g * (u > 0.0f).template cast<float>();
      break;
    case LEAKY:
      dx.device(d) = (u > 0.0f).select(g, g * a);
      break;
    case ELU:
      dx.device(d) = (u < 0.0f).select((u + 1.0f) * g, g);
      break;
    case SELU:
      dx.device(d) = (u < 0.0f).select(g * (u + scale_alpha), g * scale);
      break;
    case SOFTPLUS:
      dx.device(d) = g / ((-u).exp() + u.constant(1.0f));
      break;
    case SILU: {  // dy * (s * (1 + (beta * x) * (1 - s))), s = sigmoid(beta * x)
      auto bx = a * u;
      auto s = bx.unaryExpr(Eigen::internal::scalar_logistic_op<float>());
      dx.device(d) = g * (s * ((bx * (1.0f - s)) + 1.0f));
      break;
    }
    case GELU: {  // the autodiff chain: Mul, AddV2, Erf, RealDiv
      const float c = 1.1283791670955126f, s2 = 1.4142135623730951f;
      auto h = 0.5f * u;
      auto v = u / s2;
      auto B = v.erf() + 1.0f;
      auto dxh = (g * B) * 0.5f;
      auto dxu = (((g * h) * c) * (-(v * v)).exp()) / s2;
      dx.device(d) = dxh + dxu;
      break;
    }
    case GELU_TANH: {  // Mul, AddV2, Tanh (TanhGrad), Mul, AddV2, Pow
      const float k = 0.7978845608028654f, c = 0.044715f;
      auto h = 0.5f * u;
      auto t = (k * (u + c * u.pow(3.0f))).unaryExpr(Eigen::internal::scalar_tanh_op<float>());
      auto dxh = (g * (t + 1.0f)) * 0.5f;
      auto dw = ((g * h) * (1.0f - t * t)) * k;
      auto dxp = ((dw * c) * 3.0f) * u.pow(2.0f);
      dx.device(d) = (dxh + dw) + dxp;
      break;
    }
  }
}

int NAME(packet_size)(void) {
  return Eigen::internal::unpacket_traits<Eigen::internal::packet_traits<float>::type>::size;
}

}  // extern "C"
