// actbench peer PyTorch: the module that calls ATen, libactbench_pytorch.so.
//
// Each kernel is one call of the ATen operator that torch.nn.functional
// reaches, or that autograd calls for the backward, in its out= form on
// tensors that wrap the caller's buffers (at::from_blob: no copy, 1-D,
// contiguous, float32):
//   sigmoid      at::sigmoid_out              at::sigmoid_backward_out(dx, dy, y)
//   tanh         at::tanh_out                 at::tanh_backward_out(dx, dy, y)
//   relu         at::clamp_min_out(y, x, 0)   at::threshold_backward_out(dx, dy, y, 0)
//                (at::relu is at::clamp_min(self, 0); autograd's relu
//                backward is threshold_backward on the result)
//   leaky_relu   at::leaky_relu_out(y, x, a)  at::leaky_relu_backward_out(dx, dy, x, a, false)
//   elu          at::elu_out(y, x, a, 1, 1)   at::elu_backward_out(dx, dy, a, 1, 1, false, x)
//   selu         at::elu_out(y, x, SELU_ALPHA, SELU_SCALE, 1) (at::selu is that elu),
//                at::elu_backward_out(dx, dy, SELU_ALPHA, SELU_SCALE, 1, false, x)
//   gelu         at::gelu_out(y, x, "none")   at::gelu_backward_out(dx, dy, x, "none")
//   gelu_tanh    at::gelu_out(y, x, "tanh")   at::gelu_backward_out(dx, dy, x, "tanh")
//   silu         at::silu_out                 at::silu_backward_out(dx, dy, x)
//   softplus     at::softplus_out(y, x, a, b) at::softplus_backward_out(dx, dy, x, a, b)
//   mish         at::mish_out                 at::mish_backward(dy, x), which has no
//                                             out= form in 1.13: its result is copied to dx
//   hardsigmoid  at::hardsigmoid_out          at::hardsigmoid_backward_out(dx, dy, x)
//   hardswish    at::hardswish_out            at::hardswish_backward_out(dx, dy, x)
//   logsigmoid   at::log_sigmoid_forward_out(y, buffer, x), buffer from at::empty as
//                F.logsigmoid allocates it; backward: log_sigmoid_backward_out(dx, dy,
//                x, buffer), with the buffer recomputed by log_sigmoid_forward_out
//                (autograd keeps the forward's: this backward also pays a forward)
// Parameters where ATen has none: sigmoid's slope a as torch.sigmoid(a * x)
// (at::mul first, backward times a); silu's beta a != 1 is refused (an
// error: the kernel leaves NaN).
//
// One thread: at::set_num_threads(1) once, and around every call OpenMP's
// thread count of the calling thread set to 1 and restored afterwards (ATen
// and oneDNN, which gelu reaches, ask omp_get_max_threads(); ATen's first
// call on a thread also resets it), so actbench's own OpenMP regions keep
// theirs.  c10::InferenceMode around every call: the operators as autograd's
// engine runs them, without recording a graph.  An ATen exception (an
// unsupported parameter) becomes a message for the caller.
#define TORCH_ASSERT_ONLY_METHOD_OPERATORS
#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <ATen/core/Tensor.h>
#include <ATen/ops/clamp_min.h>
#include <ATen/ops/elu.h>
#include <ATen/ops/elu_backward.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/gelu.h>
#include <ATen/ops/gelu_backward.h>
#include <ATen/ops/hardsigmoid.h>
#include <ATen/ops/hardsigmoid_backward.h>
#include <ATen/ops/hardswish.h>
#include <ATen/ops/hardswish_backward.h>
#include <ATen/ops/leaky_relu.h>
#include <ATen/ops/leaky_relu_backward.h>
#include <ATen/ops/log_sigmoid_backward.h>
#include <ATen/ops/log_sigmoid_forward.h>
#include <ATen/ops/mish.h>
#include <ATen/ops/mish_backward.h>
#include <ATen/ops/mul.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/sigmoid_backward.h>
#include <ATen/ops/silu.h>
#include <ATen/ops/silu_backward.h>
#include <ATen/ops/softplus.h>
#include <ATen/ops/softplus_backward.h>
#include <ATen/ops/tanh.h>
#include <ATen/ops/tanh_backward.h>
#include <ATen/ops/threshold_backward.h>
#include <c10/core/InferenceMode.h>
#include <torch/csrc/api/include/torch/version.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "peers/pytorch/api.h"

namespace {

// at::selu's constants (aten/src/ATen/native/Activation.cpp), as doubles
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
constexpr double kSeluScale = 1.0507009873554804934193349852946;

// OpenMP's thread count of this thread: 1 for the call, the caller's after
struct OneThread {
  int saved = 0;
  OneThread() {
#ifdef _OPENMP
    if (!omp_in_parallel()) {
      saved = omp_get_max_threads();
      omp_set_num_threads(1);
    }
#endif
  }
  ~OneThread() {
#ifdef _OPENMP
    if (saved > 0) omp_set_num_threads(saved);
#endif
  }
};

at::Tensor wrap(const float *p, size_t n) {
  return at::from_blob(const_cast<float *>(p), {static_cast<int64_t>(n)},
                       at::TensorOptions().dtype(at::kFloat));
}

// the tensor for q: one already made for the same pointer (in place), or a new one
at::Tensor same_or_wrap(const float *q, size_t n, const float *p1, const at::Tensor &t1,
                        const float *p2, const at::Tensor &t2) {
  if (q == p1) return t1;
  if (q == p2) return t2;
  return wrap(q, n);
}

void fwd_op(int op, const float *x, float *y, size_t n, const act_params *p) {
  at::Tensor tx = wrap(x, n);
  at::Tensor ty = y == x ? tx : wrap(y, n);
  const double a = p->a, b = p->b;
  switch (op) {
    case ACT_TORCH_SIGMOID:
      if (p->a == 1.0f)
        at::sigmoid_out(ty, tx);
      else
        at::sigmoid_out(ty, at::mul(tx, a));
      break;
    case ACT_TORCH_TANH:
      at::tanh_out(ty, tx);
      break;
    case ACT_TORCH_RELU:
      at::clamp_min_out(ty, tx, 0);
      break;
    case ACT_TORCH_LEAKY_RELU:
      at::leaky_relu_out(ty, tx, a);
      break;
    case ACT_TORCH_ELU:
      at::elu_out(ty, tx, a, 1, 1);
      break;
    case ACT_TORCH_SELU:
      at::elu_out(ty, tx, kSeluAlpha, kSeluScale, 1);
      break;
    case ACT_TORCH_GELU:
      at::gelu_out(ty, tx, "none");
      break;
    case ACT_TORCH_GELU_TANH:
      at::gelu_out(ty, tx, "tanh");
      break;
    case ACT_TORCH_SILU:
      if (p->a != 1.0f) throw std::invalid_argument("PyTorch's silu has no beta (a must be 1)");
      at::silu_out(ty, tx);
      break;
    case ACT_TORCH_SOFTPLUS:
      at::softplus_out(ty, tx, a, b);
      break;
    case ACT_TORCH_MISH:
      at::mish_out(ty, tx);
      break;
    case ACT_TORCH_HARDSIGMOID:
      at::hardsigmoid_out(ty, tx);
      break;
    case ACT_TORCH_HARDSWISH:
      at::hardswish_out(ty, tx);
      break;
    case ACT_TORCH_LOGSIGMOID: {
      at::Tensor buffer = at::empty({static_cast<int64_t>(n)}, at::kFloat);
      at::log_sigmoid_forward_out(ty, buffer, tx);
      break;
    }
    default:
      throw std::invalid_argument("unknown operator");
  }
}

void bwd_op(int op, const float *x, const float *y, const float *dy, float *dx, size_t n,
            const act_params *p) {
  at::Tensor tx = wrap(x, n);
  at::Tensor ty = y == x ? tx : wrap(y, n);
  at::Tensor tdy = same_or_wrap(dy, n, x, tx, y, ty);
  at::Tensor tdx = dx == dy ? tdy : same_or_wrap(dx, n, x, tx, y, ty);
  const double a = p->a, b = p->b;
  switch (op) {
    case ACT_TORCH_SIGMOID:
      at::sigmoid_backward_out(tdx, tdy, ty);
      if (p->a != 1.0f) at::mul_out(tdx, tdx, a);
      break;
    case ACT_TORCH_TANH:
      at::tanh_backward_out(tdx, tdy, ty);
      break;
    case ACT_TORCH_RELU:
      at::threshold_backward_out(tdx, tdy, ty, 0);
      break;
    case ACT_TORCH_LEAKY_RELU:
      at::leaky_relu_backward_out(tdx, tdy, tx, a, false);
      break;
    case ACT_TORCH_ELU:
      at::elu_backward_out(tdx, tdy, a, 1, 1, false, tx);
      break;
    case ACT_TORCH_SELU:
      at::elu_backward_out(tdx, tdy, kSeluAlpha, kSeluScale, 1, false, tx);
      break;
    case ACT_TORCH_GELU:
      at::gelu_backward_out(tdx, tdy, tx, "none");
      break;
    case ACT_TORCH_GELU_TANH:
      at::gelu_backward_out(tdx, tdy, tx, "tanh");
      break;
    case ACT_TORCH_SILU:
      if (p->a != 1.0f) throw std::invalid_argument("PyTorch's silu has no beta (a must be 1)");
      at::silu_backward_out(tdx, tdy, tx);
      break;
    case ACT_TORCH_SOFTPLUS:
      at::softplus_backward_out(tdx, tdy, tx, a, b);
      break;
    case ACT_TORCH_MISH: {
      at::Tensor r = at::mish_backward(tdy, tx);
      std::memcpy(dx, r.data_ptr<float>(), n * sizeof(float));
      break;
    }
    case ACT_TORCH_HARDSIGMOID:
      at::hardsigmoid_backward_out(tdx, tdy, tx);
      break;
    case ACT_TORCH_HARDSWISH:
      at::hardswish_backward_out(tdx, tdy, tx);
      break;
    case ACT_TORCH_LOGSIGMOID: {
      at::Tensor out = at::empty({static_cast<int64_t>(n)}, at::kFloat);
      at::Tensor buffer = at::empty({static_cast<int64_t>(n)}, at::kFloat);
      at::log_sigmoid_forward_out(out, buffer, tx);
      at::log_sigmoid_backward_out(tdx, tdy, tx, buffer);
      break;
    }
    default:
      throw std::invalid_argument("unknown operator");
  }
}

void message(char *err, size_t len, const char *what) {
  if (err == nullptr || len == 0) return;
  // ATen's messages carry a backtrace after the first line: keep the line
  size_t k = std::strcspn(what, "\n");
  std::snprintf(err, len, "%.*s", static_cast<int>(k), what);
}

int fwd(int op, const float *x, float *y, size_t n, const act_params *p, char *err,
        size_t len) noexcept {
  if (n == 0) return 0;
  try {
    OneThread one;
    c10::InferenceMode guard;
    fwd_op(op, x, y, n, p);
    return 0;
  } catch (const std::exception &e) {
    message(err, len, e.what());
  } catch (...) {
    message(err, len, "unknown exception");
  }
  return -1;
}

int bwd(int op, const float *x, const float *y, const float *dy, float *dx, size_t n,
        const act_params *p, char *err, size_t len) noexcept {
  if (n == 0) return 0;
  try {
    OneThread one;
    c10::InferenceMode guard;
    bwd_op(op, x, y, dy, dx, n, p);
    return 0;
  } catch (const std::exception &e) {
    message(err, len, e.what());
  } catch (...) {
    message(err, len, "unknown exception");
  }
  return -1;
}

act_torch_api api;
char capability[32];

}  // namespace

extern "C" __attribute__((visibility("default"))) const act_torch_api *act_torch_module(void) {
  static std::once_flag once;
  std::call_once(once, [] {
    {
      OneThread one;  // at::set_num_threads also sets this thread's OpenMP count
      at::set_num_threads(1);
    }
    // ATen's own word for the capability it dispatches to (Version.cpp,
    // used_cpu_capability(): "NO AVX", "AVX2", "AVX512"); computing it also
    // fixes it for the process, from ATEN_CPU_CAPABILITY and the CPU
    std::string cfg = at::show_config();
    const char *key = "CPU capability usage: ";
    size_t k = cfg.find(key);
    std::string cap = k == std::string::npos ? "unknown"
                                             : cfg.substr(k + std::strlen(key),
                                                          cfg.find('\n', k) - k - std::strlen(key));
    std::snprintf(capability, sizeof capability, "%s", cap.c_str());
    api.abi = ACT_TORCH_ABI;
    api.version = TORCH_VERSION;
    api.capability = capability;
    api.mkldnn = at::hasMKLDNN() && at::globalContext().userEnabledMkldnn();
    api.fwd = fwd;
    api.bwd = bwd;
  });
  return &api;
}
