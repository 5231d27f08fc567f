/* actbench test: CPU feature detection, the ISA cap, and which
 * implementations act_impl_available lets run.
 *
 * - ACTBENCH_ISA: if the environment does not set it, the test sets it to
 *   "avx2" before the first call into impls/cpu.c (which reads it lazily,
 *   once) and checks that the cap took effect; act_cpu_set_cap then
 *   overrides it.
 * - act_cpu_set_cap(0): every avx2/avx512 implementation is unavailable, the
 *   scalar ones are available and their kernels still run (and give the same
 *   bits as before the cap).
 * - cap ACT_CPU_AVX2: avx512 unavailable, avx2 available iff detected.
 * - no cap: available iff detected. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"

static unsigned passed, failed;

static void check(int ok, const char *what, const char *detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  }
}

static unsigned isa_bit(const char *isa) {
  if (strcmp(isa, "avx2") == 0) return ACT_CPU_AVX2;
  if (strcmp(isa, "avx512") == 0) return ACT_CPU_AVX512;
  return 0; /* scalar */
}

/* Under the current cap, every implementation is available exactly when its
 * ISA is detected and allowed. */
static void check_all(unsigned cap, const char *label) {
  unsigned det = act_cpu_detected();
  check(act_cpu_features() == (det & cap), label, "features == detected & cap");
  for (size_t i = 0; i < act_registry_count; i++) {
    const act_impl *im = &act_registry[i];
    unsigned bit = isa_bit(im->isa);
    /* an ISA the cap does not cover (scalar, a peer's "jit" or "xnnpack-auto"):
     * whatever the implementation's own check says */
    int want = bit == 0 ? im->available() != 0 : (det & cap & bit) != 0;
    char what[160];
    snprintf(what, sizeof what, "%s: %s %s", label, im->name, want ? "available" : "unavailable");
    check(act_impl_available(im) == want, what, NULL);
  }
}

#define N 37
static float xs[N], ys[N], dys[N], dxs[N];
static float y0s[64][N], dx0s[64][N];

static void run_scalar(size_t idx, int compare) {
  const act_impl *im = &act_registry[idx];
  const act_activation *a = act_find_activation(im->activation);
  if (a == NULL) return;
  im->fwd(xs, ys, N, &a->defaults);
  if (im->bwd) /* NULL: an inference library's, forward only */
    im->bwd(xs, ys, dys, dxs, N, &a->defaults);
  else
    memset(dxs, 0, sizeof dxs);
  if (idx >= 64) return;
  if (!compare) {
    memcpy(y0s[idx], ys, sizeof ys);
    memcpy(dx0s[idx], dxs, sizeof dxs);
    return;
  }
  char what[160];
  snprintf(what, sizeof what, "%s runs under cap 0 with the same results", im->name);
  check(memcmp(y0s[idx], ys, sizeof ys) == 0 && memcmp(dx0s[idx], dxs, sizeof dxs) == 0, what,
        NULL);
  /* finite inputs give finite outputs */
  int finite = 1;
  for (int i = 0; i < N; i++) finite &= isfinite(ys[i]) && isfinite(dxs[i]);
  snprintf(what, sizeof what, "%s: finite in, finite out", im->name);
  check(finite, what, NULL);
}

int main(void) {
  unsigned det = act_cpu_detected();
  printf("detected: avx2 %s, avx512 %s\n", (det & ACT_CPU_AVX2) ? "yes" : "no",
         (det & ACT_CPU_AVX512) ? "yes" : "no");
  check((det & ~(ACT_CPU_AVX2 | ACT_CPU_AVX512)) == 0, "detected mask", "only known bits");
  check(!(det & ACT_CPU_AVX512) || (det & ACT_CPU_AVX2), "detected mask", "avx512 implies avx2");
  check(act_cpu_has_avx2() == ((det & ACT_CPU_AVX2) != 0), "act_cpu_has_avx2", NULL);
  check(act_cpu_has_avx512() == ((det & ACT_CPU_AVX512) != 0), "act_cpu_has_avx512", NULL);

  /* ACTBENCH_ISA: read lazily by the first act_cpu_features() call. */
  const char *env = getenv("ACTBENCH_ISA");
  if (env == NULL) {
    setenv("ACTBENCH_ISA", "avx2", 1);
    check_all(ACT_CPU_AVX2, "ACTBENCH_ISA=avx2");
  } else {
    printf("ACTBENCH_ISA=%s set by the caller; its check skipped\n", env);
    (void)act_cpu_features();
  }

  for (int i = 0; i < N; i++) {
    xs[i] = -9.0f + 0.5f * (float)i;
    dys[i] = 1.0f - 0.03f * (float)i;
  }
  for (size_t i = 0; i < act_registry_count; i++)
    if (strcmp(act_registry[i].isa, "scalar") == 0) run_scalar(i, 0);

  const unsigned all = ACT_CPU_AVX2 | ACT_CPU_AVX512;
  act_cpu_set_cap(0);
  check(act_cpu_features() == 0, "cap 0", "no features");
  check_all(0, "cap 0");
  size_t nscalar = 0;
  for (size_t i = 0; i < act_registry_count; i++)
    if (strcmp(act_registry[i].isa, "scalar") == 0) {
      run_scalar(i, 1);
      nscalar++;
    }
  check(nscalar > 0, "cap 0", "some scalar implementation exists");

  act_cpu_set_cap(ACT_CPU_AVX2);
  check_all(ACT_CPU_AVX2, "cap avx2");
  act_cpu_set_cap(all);
  check_all(all, "no cap");

  /* lookups */
  check(act_find_impl("sigmoid.scalar.naive") != NULL, "act_find_impl", "sigmoid.scalar.naive");
  check(act_find_impl("no.such.impl") == NULL, "act_find_impl", "unknown name");
  check(act_find_impl(NULL) == NULL, "act_find_impl", "NULL");
  check(act_find_activation("leaky_relu") != NULL, "act_find_activation", "leaky_relu");
  check(act_find_activation("nope") == NULL, "act_find_activation", "unknown name");
  check(act_impl_available(NULL) == 0, "act_impl_available", "NULL");

  printf("%u passed, %u failed\n", passed, failed);
  return failed != 0;
}
