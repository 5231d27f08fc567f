/* actbench: the one table of implementations, and what the suites know about
 * each activation.
 *
 * A new kernel is one file under impls/<activation>/ and one line in
 * act_registry[] below (its prototypes go to kernels.h).  Names are
 * <activation>.<isa>.<algorithm>; the algorithm tokens say what the kernel
 * does: rr2 = Cody-Waite range reduction with two constants, pN = polynomial
 * of degree N, div = a true division.
 *
 * fwd_ulp / bwd_ulp are the claimed maximum errors over all floats, with the
 * activation's default parameters and dy = 1; the accuracy suite checks them
 * against MPFR (tests/test_bounds.c holds every kernel to them on the sampled
 * sweep; `actbench accuracy --lo X --hi Y` sweeps any range against MPFR).
 * The values are the maxima seen, rounded up, in a comparison over all 2^32
 * floats against a double-precision reference made while writing the kernels
 * (glibc 2.36, gcc 12); the suite's own exhaustive sweep is still to come: sigmoid stable 1.48
 * / 1.49, autovec 0.80 / 0.80; tanh stable 1.62 / 1.49, autovec 0.95 / 0.82; naive sigmoid 2^21
 * (expf overflow flushes y to 0 below x = -88.7) / 2^24 (1 - y cancels); naive tanh 2.19 (glibc
 * tanhf) / 2^24.  The stable kernels keep some margin for other C libraries' expf/expm1f.  The
 * flags say whether a NaN input really comes out as NaN. */
#include "registry.h"

#include <stdlib.h>
#include <string.h>

#include "kernels.h"

static int always(void) {
  return 1;
}

#define NAN_BOTH (ACT_NAN_FWD | ACT_NAN_BWD)

/* One scalar entry: kernels act_<act>_<alg>_fwd/_bwd. */
#define SCALAR(act, alg, origin, fu, bu, bwdf, flags, note)                        \
  {                                                                                \
#act, #act ".scalar." #alg, "scalar", origin, fu, bu, act_##act##_##alg##_fwd, \
        act_##act##_##alg##_bwd, always, bwdf, flags, note                         \
  }
/* One autovec entry per ISA: kernels act_<act>_autovec_fwd_<isa>. */
#define AUTOVEC(act, isa, algname, fu, bu, bwdf, flags, note)                                 \
  {                                                                                           \
#act, #act "." #isa "." algname, #isa, "actbench", fu, bu, act_##act##_autovec_fwd_##isa, \
        act_##act##_autovec_bwd_##isa, act_cpu_has_##isa, bwdf, flags, note                   \
  }

/* Ours.  The peers come in their own tables (impls/peers/). */
static const act_impl own_impls[] = {
    /* ---- sigmoid */
    SCALAR(sigmoid, naive, "libm", 0x1p21, 0x1p24, "a*y*(1-y)", NAN_BOTH,
           "1/(1+expf(-a x)); f' from y cancels as y -> 1"),
    SCALAR(sigmoid, stable, "actbench", 2.0, 2.0, "a*e/(1+e)^2, e=exp(-|ax|)", NAN_BOTH,
           "expf(-|ax|), double-float 1/(1+e)"),
    AUTOVEC(sigmoid, avx2, "autovec-rr2-p7-div", 1.0, 1.0, "a*e/(1+e)^2, e=exp(-|ax|)", NAN_BOTH,
            "gcc-vectorized C: inline exp, double-float 1/(1+e)"),
    AUTOVEC(sigmoid, avx512, "autovec-rr2-p7-div", 1.0, 1.0, "a*e/(1+e)^2, e=exp(-|ax|)", NAN_BOTH,
            "gcc-vectorized C: inline exp, double-float 1/(1+e)"),
    /* ---- tanh */
    SCALAR(tanh, naive, "libm", 2.5, 0x1p24, "1-y*y", NAN_BOTH,
           "tanhf; f' from y cancels as |y| -> 1"),
    SCALAR(tanh, stable, "actbench", 2.0, 2.0, "4e/(1+e)^2, e=exp(-2|x|)", NAN_BOTH,
           "expm1f for |x| < atanh(1/2), expf beyond"),
    AUTOVEC(tanh, avx2, "autovec-rr2-p7-div", 1.0, 1.0, "4e/(1+e)^2, e=exp(-2|x|)", NAN_BOTH,
            "gcc-vectorized C: inline expm1/exp, double-float reciprocal"),
    AUTOVEC(tanh, avx512, "autovec-rr2-p7-div", 1.0, 1.0, "4e/(1+e)^2, e=exp(-2|x|)", NAN_BOTH,
            "gcc-vectorized C: inline expm1/exp, double-float reciprocal"),
    /* ---- relu: exact */
    SCALAR(relu, naive, "actbench", 0.0, 0.0, "x > 0 ? 1 : 0", 0u, "x > 0 ? x : 0; NaN gives 0"),
    SCALAR(relu, stable, "actbench", 0.0, 0.0, "x > 0 ? 1 : 0", NAN_BOTH, "NaN passed through"),
    AUTOVEC(relu, avx2, "autovec", 0.0, 0.0, "x > 0 ? 1 : 0", NAN_BOTH, "gcc-vectorized select"),
    AUTOVEC(relu, avx512, "autovec", 0.0, 0.0, "x > 0 ? 1 : 0", NAN_BOTH, "gcc-vectorized select"),
    /* ---- leaky_relu: one rounding of a x */
    SCALAR(leaky_relu, naive, "actbench", 0.5, 0.0, "x > 0 ? 1 : a", ACT_NAN_FWD,
           "x > 0 ? x : a x; NaN gives a*dy backward"),
    SCALAR(leaky_relu, stable, "actbench", 0.5, 0.0, "x > 0 ? 1 : a", NAN_BOTH,
           "NaN passed through"),
    AUTOVEC(leaky_relu, avx2, "autovec", 0.5, 0.0, "x > 0 ? 1 : a", NAN_BOTH,
            "gcc-vectorized select"),
    AUTOVEC(leaky_relu, avx512, "autovec", 0.5, 0.0, "x > 0 ? 1 : a", NAN_BOTH,
            "gcc-vectorized select"),
};

const act_impl *act_registry = own_impls;
size_t act_registry_count = sizeof own_impls / sizeof own_impls[0];

/* Concatenate ours and the peer tables once, before main() (and before any
 * test) looks at the registry. */
__attribute__((constructor)) static void act_registry_build(void) {
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

const act_impl *act_find_impl(const char *name) {
  if (name == NULL) return NULL;
  for (size_t i = 0; i < act_registry_count; i++)
    if (strcmp(act_registry[i].name, name) == 0) return &act_registry[i];
  return NULL;
}

int act_impl_available(const act_impl *impl) {
  if (impl == NULL || impl->available == NULL || !impl->available()) return 0;
  unsigned f = act_cpu_features();
  if (strcmp(impl->isa, "avx2") == 0) return (f & ACT_CPU_AVX2) != 0;
  if (strcmp(impl->isa, "avx512") == 0) return (f & ACT_CPU_AVX512) != 0;
  return 1; /* scalar (and any ISA the cap does not cover) */
}
