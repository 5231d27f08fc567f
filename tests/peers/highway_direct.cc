// actbench test helper: Highway's functions called directly, through
// Highway's own loop (hwy/contrib/algo/transform-inl.h, Transform: full
// vectors, then a masked or one-lane tail), for tests/test_peer_highway.c.
// Compiled like impls/peers/highway/kernels.cc, once per ISA (static target
// HWY_AVX2 / HWY_AVX3); ACT_HWY_ISA names the copy.  Each function works
// in place on n floats.
#include <stddef.h>

#include "hwy/contrib/algo/transform-inl.h"
#include "hwy/contrib/math/math-inl.h"
#include "hwy/highway.h"

#define ACT_CAT_(a, b) a##b
#define ACT_CAT(a, b) ACT_CAT_(a, b)
#define NAME(f) ACT_CAT(ACT_CAT(hwy_direct_, f), ACT_CAT(_, ACT_HWY_ISA))

namespace hn = hwy::HWY_NAMESPACE;

extern "C" {

void NAME(tanh)(float *v, size_t n) {
  hn::Transform(hn::ScalableTag<float>(), v, n, [](auto d, auto x) { return hn::Tanh(d, x); });
}
void NAME(exp)(float *v, size_t n) {
  hn::Transform(hn::ScalableTag<float>(), v, n, [](auto d, auto x) { return hn::Exp(d, x); });
}
void NAME(log1p)(float *v, size_t n) {
  hn::Transform(hn::ScalableTag<float>(), v, n, [](auto d, auto x) { return hn::Log1p(d, x); });
}
// the peer's formulas, each Highway function called as the user would
void NAME(sigmoid)(float *v, size_t n, float a) {
  hn::Transform(hn::ScalableTag<float>(), v, n, [a](auto d, auto x) {
    const auto one = hn::Set(d, 1.0f);
    const auto t = hn::Min(hn::Neg(hn::Mul(hn::Set(d, a), x)), hn::Set(d, 104.0f));
    return hn::Div(one, hn::Add(one, hn::Exp(d, t)));
  });
}
void NAME(silu)(float *v, size_t n, float a) {
  hn::Transform(hn::ScalableTag<float>(), v, n, [a](auto d, auto x) {
    const auto t = hn::Min(hn::Neg(hn::Mul(hn::Set(d, a), x)), hn::Set(d, 104.0f));
    return hn::Div(x, hn::Add(hn::Set(d, 1.0f), hn::Exp(d, t)));
  });
}
void NAME(softplus)(float *v, size_t n, float a, float b) {
  hn::Transform(hn::ScalableTag<float>(), v, n, [a, b](auto d, auto x) {
    const auto t = hn::Mul(hn::Set(d, a), x);
    const auto r = hn::Div(hn::Log1p(d, hn::Exp(d, t)), hn::Set(d, a));
    return hn::IfThenElse(hn::Gt(t, hn::Set(d, b)), x, r);
  });
}
void NAME(mish)(float *v, size_t n) {
  hn::Transform(hn::ScalableTag<float>(), v, n, [](auto d, auto x) {
    return hn::Mul(x, hn::Tanh(d, hn::Log1p(d, hn::Exp(d, hn::Min(x, hn::Set(d, 88.0f))))));
  });
}
void NAME(elu)(float *v, size_t n, float a) {
  hn::Transform(hn::ScalableTag<float>(), v, n, [a](auto d, auto x) {
    return hn::IfThenElse(hn::Gt(x, hn::Zero(d)), x, hn::Mul(hn::Set(d, a), hn::Expm1(d, x)));
  });
}

}  // extern "C"
