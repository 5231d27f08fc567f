/* actbench peer: Highway 1.0.3 (libhwy-dev), the vector math of its contrib
 * module hwy/contrib/math/math-inl.h (header-only; libhwy is linked for its
 * abort handler only).  The kernels are impls/peers/highway/kernels.cc,
 * compiled once per ISA with static dispatch (Highway's HWY_AVX2 and
 * HWY_AVX3 targets); this table picks the copy with actbench's dispatch
 * (act_cpu_has_avx2 / act_cpu_has_avx512), as impls/peers/sleef.c does.
 *
 * Highway offers no activation functions and no derivatives, so every entry
 * is forward only: Tanh itself, and sigmoid, silu, softplus, mish and elu
 * written from its Exp, Expm1 and Log1p, inside the valid ranges the header
 * documents for them (the formulas, and what happens outside, are in
 * kernels.cc).
 *
 * Claims are what Highway documents, and only where the entry is that
 * function.  math-inl.h states, for Tanh: "Max Error: ULP = 4, Valid Range:
 * float32[-FLT_MAX, +FLT_MAX]", so tanh claims 4.  Exp ("ULP = 1", float32
 * [-FLT_MAX, +104]), Expm1 ("ULP = 4", same range) and Log1p ("ULP = 2",
 * float32[0, +FLT_MAX]) are documented too, but a function built from them
 * has no documented bound of its own: the others claim NAN, "no documented
 * bound". */
#include <math.h>
#include <stddef.h>

#include "registry.h"

#define ACT_HWY_DECL(isa)                                                                        \
  act_fwd act_hwy_tanh_##isa, act_hwy_sigmoid_##isa, act_hwy_silu_##isa, act_hwy_softplus_##isa, \
      act_hwy_mish_##isa, act_hwy_elu_##isa;
ACT_HWY_DECL(avx2)
ACT_HWY_DECL(avx512)

static int has_avx2(void) {
  return act_cpu_has_avx2();
}
static int has_avx512(void) {
  return act_cpu_has_avx512();
}

#ifndef ACT_HWY_VERSION
#define ACT_HWY_VERSION "1.0.3"
#endif

/* forward only (no derivative in Highway); NaN flags as measured: Exp(NaN)
 * is 0 in Highway 1.0.3 (its lower-bound test is false for NaN), so sigmoid
 * and softplus return a number for NaN (and sigmoid's min() sends NaN to
 * 104: 0); silu and mish give NaN at -inf (-inf * 0) */
#define HWY_ENTRY(act, isa, alg, claim, flags, note)                                               \
  {                                                                                                \
#act, #act "." #isa ".highway-" alg, #isa, "highway", claim, NAN, act_hwy_##act##_##isa, NULL, \
        has_##isa, NULL, flags, note                                                               \
  }
#define HWY2(act, alg, claim, flags, note) \
  HWY_ENTRY(act, avx512, alg, claim, flags, note), HWY_ENTRY(act, avx2, alg, claim, flags, note)

static const act_impl highway_impls[] = {
    HWY2(tanh, "tanh", 4.0, ACT_NAN_FWD,
         "hn::Tanh: (e-1)/(e+1), e = Expm1(2|x|), sign put back, 1 beyond 18.71; documented "
         "\"Max Error: ULP = 4\""),
    HWY2(sigmoid, "exp-div", NAN, 0,
         "1/(1+hn::Exp(min(-a x, 104))) written on Highway (Exp's valid range ends at "
         "104); no documented bound"),
    HWY2(silu, "exp-div", NAN, ACT_NAN_FWD | ACT_NAN_SPURIOUS,
         "x/(1+hn::Exp(min(-a x, 104))) written on Highway; NaN at -inf; no documented "
         "bound"),
    HWY2(softplus, "exp-log1p", NAN, 0,
         "a x > b ? x : hn::Log1p(hn::Exp(a x))/a written on Highway; no documented bound"),
    HWY2(mish, "exp-log1p-tanh", NAN, ACT_NAN_FWD | ACT_NAN_SPURIOUS,
         "x hn::Tanh(hn::Log1p(hn::Exp(min(x, 88)))) written on Highway (Log1p(inf) "
         "is NaN); NaN at -inf; no documented bound"),
    HWY2(elu, "expm1", NAN, ACT_NAN_FWD,
         "x > 0 ? x : a hn::Expm1(x) written on Highway; no documented bound"),
};

const act_impl_table act_peer_highway = {
    highway_impls, sizeof highway_impls / sizeof highway_impls[0],
    "highway " ACT_HWY_VERSION " (hwy/contrib/math, static dispatch per ISA)",
    "hwy/contrib/math/math-inl.h states per function \"Max Error: ULP = N\" and a valid range: "
    "Tanh 4 (the tanh entries); functions built from Exp, Expm1 or Log1p are not documented "
    "functions: no documented bound"};
