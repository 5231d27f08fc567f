// actbench peer: Highway 1.0.3's contrib math (hwy/contrib/math/math-inl.h),
// the kernels.  Compiled twice (CMakeLists.txt): with the AVX2 flags, where
// Highway's static target is HWY_AVX2, and with the AVX-512 flags, where it
// is HWY_AVX3; ACT_HWY_ISA names the copy (avx2, avx512) and the table in
// impls/peers/highway.c picks one with actbench's dispatch, never Highway's.
//
// Tanh is Highway's own function; the others are built from its Exp, Expm1
// and Log1p the way a Highway user writes them (ScalableTag<float>, one full
// vector per step, LoadU/StoreU), keeping each function's argument inside
// the "Valid Range" math-inl.h documents for it (Exp and Expm1:
// float32[-FLT_MAX, +104]; Log1p: float32[0, +FLT_MAX], so a finite
// argument):
//   sigmoid   1 / (1 + Exp(min(-(a x), 104)))
//   silu      x / (1 + Exp(min(-(a x), 104)))
//   softplus  a x > b ? x : Log1p(Exp(a x)) / a   (b = 20: Exp(a x) finite
//             wherever it is used)
//   mish      x Tanh(Log1p(Exp(min(x, 88))))     (Exp(88) is finite, and
//             tanh(log1p(e^88)) is 1 in float)
//   elu       x > 0 ? x : a Expm1(x)
// Without those min()s, Exp beyond +104 is not always +inf (+inf up to 177,
// NaN at 178, 0 at 200, 4.2e-44 at 255) and Log1p(+inf) is NaN: sigmoid
// and silu would be wrong below x = -177 and mish NaN above 88.7 (findings,
// tests/test_peer_highway.c).
// The last n mod Lanes elements go through one more full vector, from and to
// a zero-padded local buffer (every element gets the vector code).  Every
// input vector is loaded before its result is stored, so y == x works.
#include <stddef.h>
#include <string.h>

#include "actbench/activation.h"
#include "hwy/contrib/math/math-inl.h"
#include "hwy/highway.h"

#define ACT_HWY_TARGET_avx2 HWY_AVX2
#define ACT_HWY_TARGET_avx512 HWY_AVX3
#define ACT_CAT_(a, b) a##b
#define ACT_CAT(a, b) ACT_CAT_(a, b)
static_assert(HWY_STATIC_TARGET == ACT_CAT(ACT_HWY_TARGET_, ACT_HWY_ISA),
              "Highway's static target is not the one this copy is for: check the -m flags");
#define ACT_HWY_NAME(f) ACT_CAT(ACT_CAT(act_hwy_, f), ACT_CAT(_, ACT_HWY_ISA))

namespace hn = hwy::HWY_NAMESPACE;

namespace {

using D = hn::ScalableTag<float>;
using V = hn::Vec<D>;

template <class F>
inline void loop(const float *x, float *y, size_t n, const F &f) {
  const D d;
  const size_t N = hn::Lanes(d);
  size_t i = 0;
  for (; i + N <= n; i += N) hn::StoreU(f(d, hn::LoadU(d, x + i)), d, y + i);
  if (i < n) {
    HWY_ALIGN float t[64] = {0};
    memcpy(t, x + i, (n - i) * sizeof(float));
    hn::Store(f(d, hn::Load(d, t)), d, t);
    memcpy(y + i, t, (n - i) * sizeof(float));
  }
}

}  // namespace

extern "C" {

void ACT_HWY_NAME(tanh)(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  loop(x, y, n, [](const D d, V v) { return hn::Tanh(d, v); });
}

void ACT_HWY_NAME(sigmoid)(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a;
  loop(x, y, n, [a](const D d, V v) {
    const V one = hn::Set(d, 1.0f);
    const V t = hn::Min(hn::Neg(hn::Mul(hn::Set(d, a), v)), hn::Set(d, 104.0f));
    return hn::Div(one, hn::Add(one, hn::Exp(d, t)));
  });
}

void ACT_HWY_NAME(silu)(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a;
  loop(x, y, n, [a](const D d, V v) {
    const V one = hn::Set(d, 1.0f);
    const V t = hn::Min(hn::Neg(hn::Mul(hn::Set(d, a), v)), hn::Set(d, 104.0f));
    return hn::Div(v, hn::Add(one, hn::Exp(d, t)));
  });
}

void ACT_HWY_NAME(softplus)(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a, b = p->b;
  loop(x, y, n, [a, b](const D d, V v) {
    const V va = hn::Set(d, a);
    const V t = hn::Mul(va, v);
    const V r = hn::Div(hn::Log1p(d, hn::Exp(d, t)), va);
    return hn::IfThenElse(hn::Gt(t, hn::Set(d, b)), v, r);
  });
}

void ACT_HWY_NAME(mish)(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  loop(x, y, n, [](const D d, V v) {
    const V e = hn::Exp(d, hn::Min(v, hn::Set(d, 88.0f)));
    return hn::Mul(v, hn::Tanh(d, hn::Log1p(d, e)));
  });
}

void ACT_HWY_NAME(elu)(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a;
  loop(x, y, n, [a](const D d, V v) {
    return hn::IfThenElse(hn::Gt(v, hn::Zero(d)), v, hn::Mul(hn::Set(d, a), hn::Expm1(d, v)));
  });
}

}  // extern "C"
