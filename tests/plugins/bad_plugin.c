/* Plugins that actbench must refuse, one per macro (tests/test_plugin.sh):
 * BAD_NO_ENTRY (no actbench_plugin symbol), BAD_VERSION (contract version 7),
 * BAD_NULL (the entry point returns NULL), BAD_ACTIVATION (an unknown
 * activation), BAD_DUPLICATE (a name the registry has), BAD_NULL_FWD (no
 * forward kernel), BAD_NEG_CLAIM (a claimed bound below 0); and one it must
 * take: BAD_NAN_CLAIM (NAN claims: none, which is allowed). */
#include <actbench/activation.h>
#include <math.h>

__attribute__((unused)) static void fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = x[i];
}

static int always(void) {
  return 1;
}

#if defined(BAD_ACTIVATION)
#define ACTIVATION "swish2"
#define NAME "swish2.scalar.copy"
#elif defined(BAD_DUPLICATE)
#define ACTIVATION "sigmoid"
#define NAME "sigmoid.scalar.naive"
#else
#define ACTIVATION "relu"
#define NAME "relu.scalar.bad-copy"
#endif

static const act_impl impls[] = {{
    .activation = ACTIVATION,
    .name = NAME,
    .isa = "scalar",
#if defined(BAD_NEG_CLAIM)
    .fwd_ulp = -1,
    .bwd_ulp = 0,
#elif defined(BAD_NAN_CLAIM)
    .fwd_ulp = NAN,
    .bwd_ulp = NAN,
#else
    .fwd_ulp = 0,
    .bwd_ulp = 0,
#endif
#ifdef BAD_NULL_FWD
    .fwd = NULL,
#else
    .fwd = fwd,
#endif
    .bwd = NULL,
    .available = always,
}};

static const act_plugin plugin = {
#ifdef BAD_VERSION
    .contract_version = 7,
#else
    .contract_version = ACT_CONTRACT_VERSION,
#endif
    .name = "bad",
    .impls = impls,
    .count = 1,
};

#ifdef BAD_NO_ENTRY
ACT_PLUGIN_EXPORT const act_plugin *not_the_entry_point(void) {
  return &plugin;
}
#else
ACT_PLUGIN_EXPORT const act_plugin *actbench_plugin(void) {
#ifdef BAD_NULL
  (void)plugin;
  return NULL;
#else
  return &plugin;
#endif
}
#endif
