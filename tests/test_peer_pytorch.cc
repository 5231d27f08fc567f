// actbench test: the PyTorch peer (impls/peers/pytorch.c and its module,
// impls/peers/pytorch/aten.cc), compiled only where that peer is
// (tests/CMakeLists.txt).  This test links libtorch itself.
//
// - Every entry against PyTorch as a user runs it: the functional ATen op
//   on a tensor (at::sigmoid(x), at::gelu(x, "tanh"), ...) for the forward,
//   and autograd for the backward (x.requires_grad_(), y = op(x),
//   y.backward(dy), x.grad()), bit for bit, on 1003 inputs over [-12, 12]
//   with special values, and at n = 1 (ATen's scalar path).  So the
//   backward operator each entry calls is the one autograd calls.
// - The capability: the entries' ISA is the one ATen reports in effect
//   (at::show_config(), "CPU capability usage: ...").
// - Hand-checked values of f and f' (sigmoid(0) = 1/2, tanh'(0) = 1,
//   softplus(0) = log 2, logsigmoid'(0) = 1/2, selu(1) = 1.0507009,
//   hardswish'(0) = 1/2, ...).
// - The claims: PyTorch documents no bound, so every claim is NAN.
// - Findings, asserted: the exact gelu cancels in its negative tail
//   (gelu(-6) = 0, exactly -5.9e-9; it is oneDNN's gelu_erf for n > 1 and
//   ATen's GeluKernel for n = 1, both 0); sigmoid is 0 from x = -88.73 on
//   (1/(1 + exp(-x)) with exp overflowing; exactly 2.2e-39 at -89); elu and
//   selu compute exp(x) - 1 (elu(-1e-10) = 0).
// - One thread, and the caller's OpenMP setting kept: a call on 2^20
//   elements starts no thread, and omp_get_max_threads() is the same
//   before and after a call.
// - silu's beta a != 1 (PyTorch has none): NaN out.
#define TORCH_ASSERT_ONLY_METHOD_OPERATORS
#include <ATen/Version.h>
#include <ATen/core/Tensor.h>
#include <ATen/ops/elu.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/gelu.h>
#include <ATen/ops/hardsigmoid.h>
#include <ATen/ops/hardswish.h>
#include <ATen/ops/leaky_relu.h>
#include <ATen/ops/log_sigmoid.h>
#include <ATen/ops/mish.h>
#include <ATen/ops/relu.h>
#include <ATen/ops/selu.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/silu.h>
#include <ATen/ops/softplus.h>
#include <ATen/ops/tanh.h>
#include <dirent.h>
#include <omp.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#undef CHECK /* c10's (glog's): tests/check.h has the tests' own */
#include "check.h"
#include "registry.h"

namespace {

constexpr int N = 1003;
const double kSeluAlpha = 1.6732632423543772848170429916717;
const double kSeluScale = 1.0507009873554804934193349852946;

at::Tensor tensor(const std::vector<float> &v) {
  return at::from_blob(const_cast<float *>(v.data()), {static_cast<int64_t>(v.size())},
                       at::TensorOptions().dtype(at::kFloat))
      .clone();
}

at::Tensor forward_op(const std::string &act, const at::Tensor &x) {
  if (act == "sigmoid") return at::sigmoid(x);
  if (act == "tanh") return at::tanh(x);
  if (act == "relu") return at::relu(x);
  if (act == "leaky_relu") return at::leaky_relu(x, 0.01f);
  if (act == "elu") return at::elu(x, 1.0f);
  if (act == "selu") return at::selu(x);
  if (act == "gelu") return at::gelu(x, "none");
  if (act == "gelu_tanh") return at::gelu(x, "tanh");
  if (act == "silu") return at::silu(x);
  if (act == "softplus") return at::softplus(x, 1.0f, 20.0f);
  if (act == "mish") return at::mish(x);
  if (act == "hardsigmoid") return at::hardsigmoid(x);
  if (act == "hardswish") return at::hardswish(x);
  if (act == "logsigmoid") return at::log_sigmoid(x);
  return at::Tensor();
}

// y and dx as PyTorch gives them: the op, then autograd
void pytorch(const std::string &act, const std::vector<float> &x, const std::vector<float> &dy,
             std::vector<float> &y, std::vector<float> &dx) {
  at::Tensor tx = tensor(x).requires_grad_(true);
  at::Tensor ty = forward_op(act, tx);
  ty.backward(tensor(dy));
  at::Tensor yv = ty.detach().contiguous(), gv = tx.grad().contiguous();
  std::memcpy(y.data(), yv.data_ptr<float>(), x.size() * sizeof(float));
  std::memcpy(dx.data(), gv.data_ptr<float>(), x.size() * sizeof(float));
}

int threads_now() {
  DIR *d = opendir("/proc/self/task");
  if (d == nullptr) return -1;
  int c = 0;
  for (struct dirent *e; (e = readdir(d)) != nullptr;)
    if (e->d_name[0] != '.') c++;
  closedir(d);
  return c;
}

float f1(const act_impl *m, float x) {
  float y;
  m->fwd(&x, &y, 1, &act_find_activation(m->activation)->defaults);
  return y;
}
float d1(const act_impl *m, float x) {
  float y, g = 1.0f, d;
  const act_params *p = &act_find_activation(m->activation)->defaults;
  m->fwd(&x, &y, 1, p);
  m->bwd(&x, &y, &g, &d, 1, p);
  return d;
}
bool same(const std::vector<float> &a, const std::vector<float> &b, size_t n) {
  return std::memcmp(a.data(), b.data(), n * sizeof(float)) == 0;
}

}  // namespace

int main() {
  // the capability ATen reports, and the ISA it means in our names
  std::string cfg = at::show_config();
  std::string isa = cfg.find("CPU capability usage: AVX512") != std::string::npos ? "avx512"
                    : cfg.find("CPU capability usage: AVX2") != std::string::npos ? "avx2"
                                                                                  : "scalar";
  std::vector<const act_impl *> torch;
  for (size_t k = 0; k < act_registry_count; k++)
    if (!std::strcmp(act_registry[k].origin, "pytorch")) torch.push_back(&act_registry[k]);
  CHECK(torch.size() == 14, "14 pytorch entries, found %zu", torch.size());
  for (const act_impl *m : torch) {
    CHECK(!std::strcmp(m->isa, isa.c_str()), "%s: ISA %s, ATen reports %s", m->name, m->isa,
          isa.c_str());
    CHECK(std::isnan(m->fwd_ulp) && std::isnan(m->bwd_ulp),
          "%s: PyTorch documents no bound: claims NAN", m->name);
  }
  if (torch.empty() || !act_impl_available(torch[0])) {
    std::printf("the pytorch entries are not available here (ACTBENCH_ISA?)\n");
    return check_done();
  }

  // one thread: a large call starts none (first, before anything else has
  // made OpenMP start its team), and the caller's OpenMP count is kept
  {
    const act_impl *g = act_find_impl(("gelu." + isa + ".pytorch-aten").c_str());
    std::vector<float> bx((size_t)1 << 20, 0.5f), by(bx.size()), bd(bx.size());
    act_params p = {0.0f, 0.0f};
    g->fwd(bx.data(), by.data(), 16, &p);  // loads the module, ATen's own threads
    omp_set_num_threads(2);
    int before = threads_now();
    g->fwd(bx.data(), by.data(), bx.size(), &p);
    g->bwd(bx.data(), by.data(), bx.data(), bd.data(), bx.size(), &p);
    CHECK(threads_now() == before, "gelu on 2^20: %d threads before, %d after", before,
          threads_now());
    CHECK(omp_get_max_threads() == 2, "the caller's OpenMP count: 2 before, %d after",
          omp_get_max_threads());
  }

  // every entry against the functional op and autograd
  std::vector<float> x(N), dy(N), y(N), dx(N), ye(N), dxe(N);
  for (int i = 0; i < N; i++) {
    x[i] = -12.0f + 24.0f * (float)i / (float)N;
    dy[i] = 1.0f - 0.001f * (float)i;
  }
  const float sp[] = {0.0f, -0.0f, 1e-30f, -1e-30f, INFINITY, -INFINITY, NAN, -3.0f, 3.0f, 3e38f};
  for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++) x[5 + 97 * i] = sp[i];
  for (const act_impl *m : torch) {
    const act_params *p = &act_find_activation(m->activation)->defaults;
    for (size_t n : {(size_t)N, (size_t)1}) {
      std::vector<float> xn(x.begin(), x.begin() + n), dyn(dy.begin(), dy.begin() + n);
      if (n == 1) xn[0] = -0.75f;
      pytorch(m->activation, xn, dyn, y, dx);
      m->fwd(xn.data(), ye.data(), n, p);
      m->bwd(xn.data(), ye.data(), dyn.data(), dxe.data(), n, p);
      CHECK(same(ye, y, n), "%s: n = %zu, f differs from at::%s", m->name, n, m->activation);
      CHECK(same(dxe, dx, n), "%s: n = %zu, f' differs from autograd's", m->name, n);
    }
  }

  // hand-checked values
  auto E = [&](const char *act) {
    return act_find_impl((std::string(act) + "." + isa + ".pytorch-aten").c_str());
  };
  const act_impl *m;
  m = E("sigmoid");
  CHECK(f1(m, 0) == 0.5f && d1(m, 0) == 0.25f, "sigmoid at 0: %g %g", f1(m, 0), d1(m, 0));
  m = E("tanh");
  CHECK(f1(m, 0) == 0.0f && d1(m, 0) == 1.0f && f1(m, 10) == 1.0f, "tanh");
  m = E("relu");
  CHECK(f1(m, -2) == 0.0f && f1(m, 3) == 3.0f && d1(m, 0) == 0.0f && d1(m, 3) == 1.0f, "relu");
  m = E("leaky_relu");
  CHECK(f1(m, -2) == -0.02f && d1(m, 0) == 0.01f && d1(m, 1) == 1.0f, "leaky_relu");
  m = E("elu");
  CHECK(std::fabs(f1(m, -1) + 0.632120559f) < 2e-7f && d1(m, 0) == 1.0f, "elu(-1) = %.9g",
        f1(m, -1));
  CHECK(f1(m, -1e-10f) == 0.0f, "elu(-1e-10) = %g: exp(x) - 1 cancels (finding)", f1(m, -1e-10f));
  m = E("selu");
  CHECK(f1(m, 1) == (float)kSeluScale && d1(m, 0) == (float)kSeluAlpha * (float)kSeluScale,
        "selu(1) = %.9g, selu'(0) = %.9g", f1(m, 1), d1(m, 0));
  m = E("gelu");
  CHECK(f1(m, 0) == 0.0f && d1(m, 0) == 0.5f, "gelu at 0: %g %g", f1(m, 0), d1(m, 0));
  CHECK(f1(m, -6) == 0.0f, "gelu(-6) = %g, exactly -5.9e-9: cancels (finding)", f1(m, -6));
  {
    std::vector<float> v(64, -6.0f), w(64);
    act_params p = {0.0f, 0.0f};
    m->fwd(v.data(), w.data(), v.size(), &p);  // n > 1: oneDNN
    CHECK(w[0] == 0.0f && w[63] == 0.0f, "gelu(-6) on 64 (oneDNN) = %g", w[0]);
  }
  m = E("gelu_tanh");
  CHECK(f1(m, 0) == 0.0f && d1(m, 0) == 0.5f, "gelu_tanh at 0");
  m = E("silu");
  CHECK(f1(m, 0) == 0.0f && d1(m, 0) == 0.5f, "silu at 0");
  {
    float v = 1.0f, w = 0.0f;
    act_params p = {2.0f, 0.0f};
    std::fprintf(stderr, "(one line expected next: silu has no beta)\n");
    m->fwd(&v, &w, 1, &p);
    CHECK(std::isnan(w), "silu with a = 2: %g, want NaN (PyTorch has no beta)", w);
  }
  m = E("softplus");
  CHECK(std::fabs(f1(m, 0) - 0.693147181f) < 2e-7f && d1(m, 0) == 0.5f && f1(m, 21) == 21.0f,
        "softplus(0) = %.9g", f1(m, 0));
  m = E("mish");
  CHECK(f1(m, 0) == 0.0f, "mish(0)");
  m = E("hardsigmoid");
  CHECK(f1(m, 0) == 0.5f && f1(m, 3) == 1.0f && d1(m, 0) == 1.0f / 6 && d1(m, 3) == 0.0f,
        "hardsigmoid");
  m = E("hardswish");
  CHECK(f1(m, 3) == 3.0f && f1(m, -3) == 0.0f && d1(m, 0) == 0.5f && d1(m, -3) == -0.5f,
        "hardswish: %g %g %g %g", f1(m, 3), f1(m, -3), d1(m, 0), d1(m, -3));
  m = E("logsigmoid");
  CHECK(std::fabs(f1(m, 0) + 0.693147181f) < 2e-7f && d1(m, 0) == 0.5f, "logsigmoid(0) = %.9g",
        f1(m, 0));
  m = E("sigmoid");
  CHECK(f1(m, -89.0f) == 0.0f && f1(m, -88.0f) > 0.0f,
        "sigmoid(-89) = %g (exactly 2.2e-39: exp(89) overflows, finding)", f1(m, -89.0f));
  return check_done();
}
