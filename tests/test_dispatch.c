/* actbench test: CPU feature detection, the ISA cap, and which
 * implementations act_impl_available lets run; and that every implementation
 * that stays available under a forced mask still passes.
 *
 * - ACTBENCH_ISA: if the environment does not set it, the test sets it to
 *   "avx2" before the first call into contract/cpu.c (which reads it lazily,
 *   once) and checks that the cap took effect; act_cpu_set_cap then
 *   overrides it.
 * - act_cpu_set_cap(0): every avx2/avx512 implementation is unavailable, the
 *   scalar ones are available and their kernels still run (and give the same
 *   bits as before the cap).
 * - cap ACT_CPU_AVX2: avx512 unavailable, avx2 available iff detected.
 * - no cap: available iff detected.
 * - under the caps avx2 and scalar (0), for every implementation of the
 *   registry, generically (ours, the peers', whatever kernels exist): every
 *   AVX-512 one (and under 0 every AVX2 one) is reported unavailable, and every
 *   one still available passes what tests/test_bounds.c and test_layout.c hold
 *   it to, on a smaller scale: for ours their claimed bounds on a small
 *   sampled sweep (forward and derivative, against MPFR), its NaN flags, for ours the
 *   limits at +-inf, +-0, +-FLT_MAX equal to the correctly rounded ones and
 *   the subnormal and FLT_MIN inputs within the claim; the same bits at odd
 *   sizes, on unaligned pointers and in place (guard words untouched); and
 *   the same bits as without the cap (a kernel that dispatches on the
 *   features, such as the stable ones' FMA copy, must not change its
 *   results). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "registry.h"
#include "util.h"

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

/* ---- what the implementations that stay available must still do */

#define SWEEP_SAMPLES 8192 /* per activation: the special values, a dense grid, random floats */

typedef struct {
  const act_activation *act;
  act_params p;
  float *x;
  size_t n;
  act_ref *rf, *rd; /* references of f and f' at x */
} act_data;

static const float sp[] = {
    INFINITY,          -INFINITY, 0.0f,     -0.0f,   0x1p-149f, -0x1p-149f, 0x1.fffffcp-127f,
    -0x1.fffffcp-127f, FLT_MIN,   -FLT_MIN, FLT_MAX, -FLT_MAX,  NAN};
#define NSP (sizeof sp / sizeof sp[0])
static act_ref spf[64][NSP], spd[64][NSP];
static act_data data[64];
/* each implementation's results on its activation's sweep without a cap */
static float **free_y, **free_dx;

static act_data *data_of(const act_impl *m) {
  for (size_t a = 0; a < act_activation_count && a < 64; a++)
    if (!strcmp(act_activations[a]->name, m->activation)) return &data[a];
  return NULL;
}

static void make_data(void) {
  for (size_t a = 0; a < act_activation_count && a < 64; a++) {
    act_data *d = &data[a];
    d->act = act_activations[a];
    d->p = d->act->defaults;
    d->x = act_acc_sampled_inputs(d->act, &d->p, SWEEP_SAMPLES, 5, &d->n);
    d->rf = malloc(sizeof(act_ref) * d->n);
    d->rd = malloc(sizeof(act_ref) * d->n);
    if (!d->rf || !d->rd) exit(2);
    act_reference_many(d->act->name, 0, d->x, d->n, &d->p, d->rf);
    act_reference_many(d->act->name, 1, d->x, d->n, &d->p, d->rd);
    act_reference_many(d->act->name, 0, sp, NSP, &d->p, spf[a]);
    act_reference_many(d->act->name, 1, sp, NSP, &d->p, spd[a]);
  }
}

/* Bounds, NaN flags and (for ours) the limits; the same bits as without the
 * cap where the implementation ran without it. */
static void sweep_checks(size_t idx, const char *label) {
  const act_impl *m = &act_registry[idx];
  act_data *d = data_of(m);
  char what[256];
  if (!d) return;
  float *y = act_alloc(sizeof(float) * d->n), *dx = act_alloc(sizeof(float) * d->n);
  act_impl_run(m, &d->p, d->x, y, dx, d->n);
  if (!label) { /* without a cap: keep the results */
    free_y[idx] = y;
    free_dx[idx] = dx;
    return;
  }
  /* a kernel native to a narrow format claims in that format's ulps
   * (test_bounds holds it there): here only the same bits and its flags;
   * a peer's documented bound (and its known exceedances) is test_bounds'
   * business too */
  int ours = act_impl_class(m) == ACT_IMPL_OURS;
  for (int dir = 0; dir < 2 && ours && !(m->flags & ACT_NATIVE); dir++) {
    if (dir && !m->bwd) break;
    act_acc_stats st;
    act_acc_stats_init(&st, 0, 0, 1);
    act_acc_stats_add(&st, d->x, dir ? dx : y, dir ? d->rd : d->rf, d->n);
    snprintf(what, sizeof what,
             "%s: %s: f%s max %.4g ulp at x = %a (claim %g), %zu special failures", label, m->name,
             dir ? "'" : "", st.max_ulp, (double)st.max_x, dir ? m->bwd_ulp : m->fwd_ulp,
             st.special_fail);
    check(act_acc_within_impl(&st, m, dir), what, NULL);
    act_acc_stats_free(&st);
  }
  if (m->flags & ACT_NAN_SPURIOUS) { /* excused only outside the interesting range */
    size_t inside = 0;
    for (size_t i = 0; i < d->n; i++)
      inside += !isnan(d->x[i]) && isnan(y[i]) && d->x[i] >= d->act->sample_lo &&
                d->x[i] <= d->act->sample_hi;
    snprintf(what, sizeof what, "%s: %s: no NaN for a number inside [%g, %g]", label, m->name,
             d->act->sample_lo, d->act->sample_hi);
    check(inside == 0, what, NULL);
  }
  if (free_y[idx]) {
    snprintf(what, sizeof what, "%s: %s: the same bits as without the cap", label, m->name);
    check(!memcmp(free_y[idx], y, sizeof(float) * d->n) &&
              (!m->bwd || !memcmp(free_dx[idx], dx, sizeof(float) * d->n)),
          what, NULL);
  }
  act_free(y);
  act_free(dx);
  /* special values: NaN as the flags say; ours hold the limits (in binary32:
   * not a kernel native to a narrow format, which rounds x to its format
   * first, 2^-149 to 0 in bfloat16; tests/test_cr.c checks those in theirs) */
  size_t a = (size_t)(d - data);
  float sy[NSP], sdx[NSP];
  act_impl_run(m, &d->p, sp, sy, sdx, NSP);
  snprintf(what, sizeof what, "%s: %s: NaN forward as its flags say", label, m->name);
  check(!!isnan(sy[NSP - 1]) == !!(m->flags & ACT_NAN_FWD), what, NULL);
  if (m->bwd) {
    snprintf(what, sizeof what, "%s: %s: NaN backward as its flags say", label, m->name);
    check(!!isnan(sdx[NSP - 1]) == !!(m->flags & ACT_NAN_BWD), what, NULL);
  }
  for (size_t i = 0; ours && !(m->flags & ACT_NATIVE) && i + 1 < NSP; i++) {
    int limit = isinf(sp[i]) || sp[i] == 0 || fabsf(sp[i]) == FLT_MAX;
    for (int dir = 0; dir < 2; dir++) {
      if (dir && !m->bwd) break;
      float got = dir ? sdx[i] : sy[i];
      const act_ref *want = dir ? &spd[a][i] : &spf[a][i];
      double e = 0;
      int ok = limit ? got == want->rn
                     : act_ulp_error(got, want, &act_binary32, &e) == ACT_ULP_OK &&
                           e <= (dir ? m->bwd_ulp : m->fwd_ulp);
      snprintf(what, sizeof what, "%s: %s: f%s(%a) = %a, want %a", label, m->name, dir ? "'" : "",
               (double)sp[i], (double)got, (double)want->rn);
      check(ok, what, NULL);
    }
  }
}

/* The same bits at odd sizes, unaligned and in place; guard words intact. */
#define LMAX 1003
#define GUARD 16
static const size_t lsizes[] = {0, 1, 3, 7, 8, 15, 17, 31, 33, 63, 65, 127, 1003};

static void layout_checks(const act_impl *m, const act_params *p, const char *label) {
  static float x[LMAX], dy[LMAX], yref[LMAX], dxref[LMAX];
  static float bx[LMAX + 2 * GUARD + 8], by[LMAX + 2 * GUARD + 8], bdy[LMAX + 2 * GUARD + 8],
      bdx[LMAX + 2 * GUARD + 8];
  const uint32_t gbits = 0x7fa5a5a5u;
  float g;
  memcpy(&g, &gbits, sizeof g);
  act_rng r;
  act_rng_seed(&r, 99);
  int bad = 0;
  for (size_t si = 0; si < sizeof lsizes / sizeof lsizes[0]; si++) {
    size_t n = lsizes[si];
    for (size_t i = 0; i < n; i++) {
      uint64_t v = act_rng_next(&r);
      x[i] = v % 11 == 0 ? sp[v % NSP] : (float)(24.0 * act_rng_uniform(&r) - 12.0);
      dy[i] = (float)(4.0 * act_rng_uniform(&r) - 2.0);
    }
    m->fwd(x, yref, n, p);
    if (m->bwd) m->bwd(x, yref, dy, dxref, n, p);
    for (size_t o = 0; o < 4; o++) {
      /* out of place, every array at its own misalignment */
      for (size_t i = 0; i < sizeof by / sizeof by[0]; i++) by[i] = bdx[i] = g;
      float *xo = bx + GUARD + o, *yo = by + GUARD + (o + 1) % 4, *dyo = bdy + GUARD + (o + 2) % 4,
            *dxo = bdx + GUARD + (o + 3) % 4;
      memcpy(xo, x, n * sizeof(float));
      memcpy(dyo, dy, n * sizeof(float));
      m->fwd(xo, yo, n, p);
      bad |= memcmp(yo, yref, n * sizeof(float)) != 0;
      for (size_t i = 0; i < sizeof by / sizeof by[0]; i++)
        if (by + i < yo || by + i >= yo + n) bad |= memcmp(&by[i], &g, sizeof g) != 0;
      if (m->bwd) {
        m->bwd(xo, yo, dyo, dxo, n, p);
        bad |= memcmp(dxo, dxref, n * sizeof(float)) != 0;
        for (size_t i = 0; i < sizeof bdx / sizeof bdx[0]; i++)
          if (bdx + i < dxo || bdx + i >= dxo + n) bad |= memcmp(&bdx[i], &g, sizeof g) != 0;
      }
      /* in place: y == x, dx == dy, dx == x */
      memcpy(xo, x, n * sizeof(float));
      m->fwd(xo, xo, n, p);
      bad |= memcmp(xo, yref, n * sizeof(float)) != 0;
      if (m->bwd) {
        memcpy(xo, x, n * sizeof(float));
        memcpy(yo, yref, n * sizeof(float));
        m->bwd(xo, yo, dyo, dyo, n, p);
        bad |= memcmp(dyo, dxref, n * sizeof(float)) != 0;
        memcpy(dyo, dy, n * sizeof(float));
        m->bwd(xo, yo, dyo, xo, n, p);
        bad |= memcmp(xo, dxref, n * sizeof(float)) != 0;
      }
    }
  }
  char what[256];
  snprintf(what, sizeof what,
           "%s: %s: the same bits at odd sizes, unaligned and in place, guards intact", label,
           m->name);
  check(!bad, what, NULL);
}

/* Under a forced mask: the AVX-512 kernels (and, under 0, the AVX2 ones)
 * unavailable, every other one still passing. */
static void checks_under(unsigned cap, const char *label) {
  act_cpu_set_cap(cap);
  size_t off = 0, ran = 0;
  for (size_t i = 0; i < act_registry_count; i++) {
    const act_impl *m = &act_registry[i];
    char what[256];
    unsigned bit = isa_bit(m->isa);
    if (bit && !(bit & cap)) {
      snprintf(what, sizeof what, "%s: %s (%s) is reported unavailable", label, m->name, m->isa);
      check(!act_impl_available(m), what, NULL);
      off++;
      continue;
    }
    if (!act_impl_available(m)) continue; /* not on this CPU at all */
    const act_data *d = data_of(m);
    if (!d) continue;
    sweep_checks(i, label);
    layout_checks(m, &d->p, label);
    ran++;
  }
  printf("%s: %zu implementations reported unavailable, %zu still available checked\n", label, off,
         ran);
  check(ran > 0, label, "some implementation still runs");
}

int main(void) {
  unsigned det = act_cpu_detected();
  printf("detected: avx2 %s, avx512 %s\n", (det & ACT_CPU_AVX2) ? "yes" : "no",
         (det & ACT_CPU_AVX512) ? "yes" : "no");
  check((det & ~(ACT_CPU_AVX2 | ACT_CPU_AVX512)) == 0, "detected mask", "only known bits");
  check(!(det & ACT_CPU_AVX512) || (det & ACT_CPU_AVX2), "detected mask", "avx512 implies avx2");
  check(act_cpu_has_avx2() == ((det & ACT_CPU_AVX2) != 0), "act_cpu_has_avx2", NULL);
  check(act_cpu_has_avx512() == ((det & ACT_CPU_AVX512) != 0), "act_cpu_has_avx512", NULL);

  /* the ISA a name states (<activation>.<isa>.<algorithm>) is the one the
   * cap goes by */
  for (size_t i = 0; i < act_registry_count; i++) {
    const act_impl *im = &act_registry[i];
    const char *dot = strchr(im->name, '.');
    size_t len = dot ? strcspn(dot + 1, ".") : 0;
    char tok[32] = "";
    if (dot && len < sizeof tok) memcpy(tok, dot + 1, len), tok[len] = 0;
    if (strcmp(tok, "scalar") && strcmp(tok, "avx2") && strcmp(tok, "avx512")) continue;
    char what[160];
    snprintf(what, sizeof what, "%s: isa \"%s\" as its name says", im->name, im->isa);
    check(!strcmp(tok, im->isa), what, NULL);
  }

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

  /* every implementation that stays available under a forced mask still
   * passes (references once; results without a cap to compare with) */
  make_data();
  free_y = calloc(act_registry_count + 1, sizeof *free_y);
  free_dx = calloc(act_registry_count + 1, sizeof *free_dx);
  if (!free_y || !free_dx) return 2;
  for (size_t i = 0; i < act_registry_count; i++)
    if (act_impl_available(&act_registry[i])) sweep_checks(i, NULL);
  checks_under(ACT_CPU_AVX2, "forced to avx2");
  checks_under(0, "forced to scalar");
  act_cpu_set_cap(all);

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
