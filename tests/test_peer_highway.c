/* actbench test: the Highway peer (impls/peers/highway.c), compiled only
 * where that peer is (tests/CMakeLists.txt).
 *
 * - Every entry, on each ISA the CPU has, against Highway's functions called
 *   directly through Highway's own loop (tests/peers/highway_direct.cc,
 *   hn::Transform: its tail is a masked or one-lane vector, ours a padded
 *   full one), bit for bit, at sizes with and without a tail.
 * - Hand-checked values: tanh(0) = 0, tanh(1) = 0.761594156 within the
 *   documented 4 ulp, tanh beyond 18.71 = 1, sigmoid(0) = 1/2, silu(0) = 0,
 *   softplus(0) = log 2, mish(0) = 0, elu(-1) = e^-1 - 1.
 * - The one documented bound: hn::Tanh, "Max Error: ULP = 4" (math-inl.h),
 *   checked on the sampled sweep against MPFR (the accuracy suite's inputs
 *   and reference, as tests/test_bounds.c); the other entries claim NAN,
 *   "no documented bound", and are not held to a number.
 * - Findings, asserted: hn::Exp(NaN) is 0, not NaN (so softplus(NaN) = 0);
 *   hn::Exp beyond its documented range (+104) is not always +inf (NaN at
 *   178, 0 at 200), and hn::Log1p(+inf) is NaN: why the peer's formulas
 *   clamp Exp's argument. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "registry.h"
#include "util.h"

#define HWY_DIRECT(isa)                                                 \
  void hwy_direct_tanh_##isa(float *v, size_t n);                       \
  void hwy_direct_exp_##isa(float *v, size_t n);                        \
  void hwy_direct_log1p_##isa(float *v, size_t n);                      \
  void hwy_direct_sigmoid_##isa(float *v, size_t n, float a);           \
  void hwy_direct_silu_##isa(float *v, size_t n, float a);              \
  void hwy_direct_softplus_##isa(float *v, size_t n, float a, float b); \
  void hwy_direct_mish_##isa(float *v, size_t n);                       \
  void hwy_direct_elu_##isa(float *v, size_t n, float a);
HWY_DIRECT(avx2)
HWY_DIRECT(avx512)

typedef struct {
  void (*tanh)(float *, size_t);
  void (*exp)(float *, size_t);
  void (*log1p)(float *, size_t);
  void (*sigmoid)(float *, size_t, float);
  void (*silu)(float *, size_t, float);
  void (*softplus)(float *, size_t, float, float);
  void (*mish)(float *, size_t);
  void (*elu)(float *, size_t, float);
} direct_fns;
#define FNS(isa)                                                                                   \
  {                                                                                                \
    hwy_direct_tanh_##isa, hwy_direct_exp_##isa, hwy_direct_log1p_##isa, hwy_direct_sigmoid_##isa, \
        hwy_direct_silu_##isa, hwy_direct_softplus_##isa, hwy_direct_mish_##isa,                   \
        hwy_direct_elu_##isa                                                                       \
  }
static const direct_fns fns_avx2 = FNS(avx2), fns_avx512 = FNS(avx512);

#define N 1003
static float xs[N], ys[N], yd[N];

/* the direct call for one activation, in place on v */
static void direct(const direct_fns *f, const char *act, float *v, size_t n, const act_params *p) {
  if (!strcmp(act, "tanh")) f->tanh(v, n);
  if (!strcmp(act, "sigmoid")) f->sigmoid(v, n, p->a);
  if (!strcmp(act, "silu")) f->silu(v, n, p->a);
  if (!strcmp(act, "softplus")) f->softplus(v, n, p->a, p->b);
  if (!strcmp(act, "mish")) f->mish(v, n);
  if (!strcmp(act, "elu")) f->elu(v, n, p->a);
}

static float one(const act_impl *m, float x) {
  const act_activation *a = act_find_activation(m->activation);
  float y;
  m->fwd(&x, &y, 1, &a->defaults);
  return y;
}

/* ulps of got against the correctly rounded value of act at x (MPFR) */
static double ulps(const char *act, float x, float got) {
  act_params p = act_find_activation(act)->defaults;
  act_ref r;
  double e = INFINITY;
  act_reference_many(act, 0, &x, 1, &p, &r);
  act_ulp_error(got, &r, &act_binary32, &e);
  return e;
}

static void check_isa(const char *isa, const direct_fns *f) {
  char name[64];
  static const char *const acts[] = {"tanh", "sigmoid", "silu", "softplus", "mish", "elu"};
  static const char *const algs[] = {"tanh",      "exp-div",        "exp-div",
                                     "exp-log1p", "exp-log1p-tanh", "expm1"};
  for (int i = 0; i < N; i++) xs[i] = -120.0f + 240.0f * (float)i / (float)N;
  const float sp[] = {0.0f,      -0.0f, 1e-30f, -1e-30f, INFINITY,
                      -INFINITY, NAN,   88.5f,  -104.5f, 3e38f};
  for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++) xs[11 + 53 * i] = sp[i];
  for (size_t k = 0; k < sizeof acts / sizeof acts[0]; k++) {
    snprintf(name, sizeof name, "%s.%s.highway-%s", acts[k], isa, algs[k]);
    const act_impl *m = act_find_impl(name);
    CHECK(m != NULL, "%s registered", name);
    if (m == NULL) continue;
    CHECK(m->bwd == NULL, "%s: forward only (Highway has no derivatives)", name);
    CHECK(!strcmp(acts[k], "tanh") ? m->fwd_ulp == 4.0 : isnan(m->fwd_ulp),
          "%s: claim %g (tanh: the documented 4; others: no documented bound)", name, m->fwd_ulp);
    const act_params *p = &act_find_activation(acts[k])->defaults;
    static const size_t sizes[] = {1, 7, 8, 9, 17, 1000, N};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
      size_t n = sizes[s];
      m->fwd(xs, ys, n, p);
      memcpy(yd, xs, n * sizeof(float));
      direct(f, acts[k], yd, n, p);
      CHECK(memcmp(ys, yd, n * sizeof(float)) == 0, "%s: n = %zu, not Highway's bits", name, n);
    }
  }

  /* hand-checked values */
  snprintf(name, sizeof name, "tanh.%s.highway-tanh", isa);
  const act_impl *t = act_find_impl(name);
  if (t) {
    CHECK(one(t, 0.0f) == 0.0f, "%s(0) = %g", name, one(t, 0.0f));
    CHECK(fabsf(one(t, 1.0f) - 0.761594156f) < 1e-6f && ulps("tanh", 1.0f, one(t, 1.0f)) <= 4,
          "%s(1) = %.9g", name, one(t, 1.0f));
    CHECK(one(t, 18.75f) == 1.0f && one(t, -20.0f) == -1.0f, "%s: +-1 beyond 18.71", name);
  }
  snprintf(name, sizeof name, "sigmoid.%s.highway-exp-div", isa);
  if ((t = act_find_impl(name))) CHECK(one(t, 0.0f) == 0.5f, "%s(0) = %g", name, one(t, 0.0f));
  snprintf(name, sizeof name, "silu.%s.highway-exp-div", isa);
  if ((t = act_find_impl(name))) CHECK(one(t, 0.0f) == 0.0f, "%s(0) = %g", name, one(t, 0.0f));
  snprintf(name, sizeof name, "softplus.%s.highway-exp-log1p", isa);
  if ((t = act_find_impl(name))) {
    CHECK(fabsf(one(t, 0.0f) - 0.693147181f) < 2e-7f, "%s(0) = %.9g", name, one(t, 0.0f));
    CHECK(one(t, NAN) == 0.0f, "%s(NaN) = %g: Exp(NaN) is 0 (finding)", name, one(t, NAN));
  }
  snprintf(name, sizeof name, "mish.%s.highway-exp-log1p-tanh", isa);
  if ((t = act_find_impl(name))) {
    CHECK(one(t, 0.0f) == 0.0f, "%s(0) = %g", name, one(t, 0.0f));
    CHECK(one(t, 100.0f) == 100.0f, "%s(100) = %g", name, one(t, 100.0f));
  }
  snprintf(name, sizeof name, "elu.%s.highway-expm1", isa);
  if ((t = act_find_impl(name)))
    CHECK(fabsf(one(t, -1.0f) + 0.632120559f) < 2e-7f, "%s(-1) = %.9g", name, one(t, -1.0f));

  /* findings, on Highway's functions directly */
  float v[4] = {NAN, 178.0f, 200.0f, 104.0f};
  f->exp(v, 4);
  CHECK(v[0] == 0.0f, "hn::Exp(NaN) = %g (0: the finding)", v[0]);
  CHECK(isnan(v[1]) && v[2] == 0.0f, "hn::Exp(178) = %g, (200) = %g (outside its valid range)",
        v[1], v[2]);
  CHECK(v[3] == INFINITY, "hn::Exp(104) = %g (inside: overflows to +inf)", v[3]);
  float w[2] = {INFINITY, 3e38f};
  f->log1p(w, 2);
  CHECK(isnan(w[0]), "hn::Log1p(+inf) = %g (NaN: the finding)", w[0]);
  CHECK(fabsf(w[1] - 88.5968f) < 1e-3f, "hn::Log1p(3e38) = %g", w[1]);

  /* the documented bound, on the sampled sweep against MPFR */
  snprintf(name, sizeof name, "tanh.%s.highway-tanh", isa);
  if ((t = act_find_impl(name))) {
    const act_activation *act = act_find_activation("tanh");
    act_params p = act->defaults;
    size_t n;
    float *x = act_acc_sampled_inputs(act, &p, (size_t)1 << 18, 7, &n);
    float *y = act_alloc(n * sizeof(float)), *dx = act_alloc(n * sizeof(float));
    act_ref *r = malloc(n * sizeof *r);
    act_reference_many("tanh", 0, x, n, &p, r);
    act_impl_run(t, &p, x, y, dx, n);
    act_acc_stats s;
    act_acc_stats_init(&s, 0, 0, 1);
    act_acc_stats_add(&s, x, y, r, n);
    CHECK(s.max_ulp <= t->fwd_ulp && s.special_fail == 0,
          "%s: max %.4g ulp at %a, documented 4 (special failures %zu)", name, s.max_ulp,
          (double)s.max_x, s.special_fail);
    printf("%s: max %.4g ulp on %zu sampled inputs (documented: 4)\n", name, s.max_ulp, n);
    act_acc_stats_free(&s);
    free(x), free(r), act_free(y), act_free(dx);
  }
}

int main(void) {
  int ran = 0;
  if (act_cpu_has_avx2()) check_isa("avx2", &fns_avx2), ran++;
  if (act_cpu_has_avx512()) check_isa("avx512", &fns_avx512), ran++;
  if (!ran) printf("no AVX2: nothing of Highway's runs here\n");
  return check_done();
}
