/* actbench test: the TensorFlow-on-Eigen peer (impls/peers/eigen.c),
 * compiled only where that peer is (tests/CMakeLists.txt).
 *
 * - Every entry against TensorFlow's own code path: the kernels' Eigen
 *   Tensor expressions evaluated by Eigen's executor
 *   (tests/peers/eigen_direct.cc), which runs the packet path on the first
 *   n - n mod PacketSize elements and the scalar path on the rest, or the
 *   scalar path on all where it cannot vectorize (select() with AVX-512).
 *   At n = 1003 the packet entries must give the executor's bits on the
 *   packet part, and the scalar-path entries (the AVX2+FMA copy's) its bits
 *   on the scalar part, for the AVX-512 executor too (so the AVX-512 scalar
 *   path is the AVX2 one); the AVX-512 entries of LeakyRelu, Elu, Selu and
 *   Softplus its bits everywhere; forward and gradient.
 * - Where the packet and scalar paths differ: counted on every float of
 *   [-16, 16] and printed; each op that has a scalar-path entry must differ
 *   somewhere (else it would not have one).
 * - Hand-checked values: sigmoid(0) = 1/2, tanh(0) = 0, relu, leaky_relu,
 *   elu(-1) = e^-1 - 1, selu(1) = 1.0507009, softplus(0) = log 2,
 *   gelu(0) = 0, and the gradients at 0.
 * - The claims: none documented (Eigen's "a couple of ulps" has no number),
 *   so every claim is NAN: nothing to check against.
 * - Findings, asserted: Elu computes exp(x) - 1, so elu(-1e-10) is 0, not
 *   -1e-10; the exact gelu is positive for negative x near -5.66 (1.01e-6 at
 *   -5.6566: Eigen's erf rational goes below -1 there); Eigen's AVX2 pexp never goes below 2^-128
 * (it clamps its argument at -88.38), so the AVX2 packet sigmoid is 2.94e-39 at -100 and at -inf,
 * where the AVX-512 one is 0 and the exact one 3.7e-44 / 0. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "registry.h"

#define DIRECT(isa)                                                                       \
  void eigen_direct_fwd_##isa(int op, const float *x, float *y, long n, float a);         \
  void eigen_direct_bwd_##isa(int op, const float *u, const float *dy, float *dx, long n, \
                              float a);                                                   \
  int eigen_direct_packet_size_##isa(void);
DIRECT(avx2)
DIRECT(avx512)

enum { SIGMOID, TANH, RELU, LEAKY, ELU, SELU, SOFTPLUS, SILU, GELU, GELU_TANH, OPS };
static const struct {
  const char *act;
  const char *avx2, *avx512; /* the entries for the executor's packet part */
  const char *scalar;        /* the AVX2 scalar-path entry; NULL: the same as the packet path */
  int vec512_f, vec512_b;    /* the AVX-512 executor vectorizes f, f' (no select()) */
  int from_y;                /* the gradient reads y */
} ops[OPS] = {
    {"sigmoid", "plogistic", "plogistic", "logistic-scalar", 1, 1, 1},
    {"tanh", "ptanh", "ptanh", NULL, 1, 1, 1},
    {"relu", "pmax", "pmax", NULL, 1, 1, 1},
    {"leaky_relu", "select", "select-scalar", NULL, 0, 0, 0},
    {"elu", "pexp", "exp-scalar", "exp-scalar", 0, 0, 1},
    {"selu", "pexp", "exp-scalar", "exp-scalar", 0, 0, 1},
    {"softplus", "pexp-plog1p", "exp-log1p-scalar", "exp-log1p-scalar", 0, 1, 0},
    {"silu", "plogistic", "plogistic", "logistic-scalar", 1, 1, 0},
    {"gelu", "perf", "perf", "erf-scalar", 1, 1, 0},
    {"gelu_tanh", "ptanh-ppow", "ptanh-ppow", "tanh-pow-scalar", 1, 1, 0},
};

typedef struct {
  void (*fwd)(int, const float *, float *, long, float);
  void (*bwd)(int, const float *, const float *, float *, long, float);
  int (*ps)(void);
} direct_fns;
static const direct_fns d_avx2 = {eigen_direct_fwd_avx2, eigen_direct_bwd_avx2,
                                  eigen_direct_packet_size_avx2};
static const direct_fns d_avx512 = {eigen_direct_fwd_avx512, eigen_direct_bwd_avx512,
                                    eigen_direct_packet_size_avx512};

#define N 1003
static float xs[N], dys[N], y[N], dx[N], yd[N], dxd[N], ys[N], dxs[N];

static const act_impl *entry(const char *act, const char *isa, const char *alg) {
  char name[96];
  snprintf(name, sizeof name, "%s.%s.tensorflow-eigen-%s", act, isa, alg);
  const act_impl *m = act_find_impl(name);
  CHECK(m != NULL, "%s registered", name);
  return m;
}

static int same(const float *a, const float *b, size_t from, size_t to) {
  return memcmp(a + from, b + from, (to - from) * sizeof(float)) == 0;
}

static void against_executor(const char *isa, const direct_fns *f) {
  size_t split = N - N % (size_t)f->ps(); /* the executor's packet part */
  for (int i = 0; i < N; i++) {
    xs[i] = -20.0f + 40.0f * (float)i / (float)N;
    dys[i] = 1.0f - 0.001f * (float)i;
  }
  const float sp[] = {0.0f,      -0.0f, 1e-30f,  -1e-30f, INFINITY,
                      -INFINITY, NAN,   -100.0f, 90.0f,   3e38f};
  for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++) xs[5 + 97 * i] = sp[i];
  xs[N - 2] = -0.5f, xs[N - 1] = 7.95f; /* in the scalar part */
  int is512 = !strcmp(isa, "avx512");
  for (int op = 0; op < OPS; op++) {
    const act_impl *mp = entry(ops[op].act, isa, is512 ? ops[op].avx512 : ops[op].avx2);
    const act_impl *sp_ = ops[op].scalar ? entry(ops[op].act, "avx2", ops[op].scalar) : mp;
    if (!mp || !sp_) continue;
    /* the entry that gives the executor's scalar part: the scalar path where
     * the executor vectorizes, the entry itself where it does not */
    const act_impl *tf = is512 && !ops[op].vec512_f ? mp : sp_;
    const act_impl *tb = is512 && !ops[op].vec512_b ? mp : sp_;
    CHECK(isnan(mp->fwd_ulp) && isnan(mp->bwd_ulp), "%s: no documented bound: claims NAN",
          mp->name);
    const act_params *p = &act_find_activation(ops[op].act)->defaults;
    mp->fwd(xs, y, N, p);
    f->fwd(op, xs, yd, N, p->a);
    CHECK(same(y, yd, 0, split), "%s: f differs from TensorFlow's executor (packet part)",
          mp->name);
    tf->fwd(xs, ys, N, p);
    CHECK(same(ys, yd, split, N), "%s: f differs from TensorFlow's %s executor (scalar part)",
          tf->name, isa);
    mp->bwd(xs, y, dys, dx, N, p);
    f->bwd(op, ops[op].from_y ? y : xs, dys, dxd, N, p->a);
    CHECK(same(dx, dxd, 0, split), "%s: f' differs from TensorFlow's executor (packet part)",
          mp->name);
    /* the scalar part: that entry's gradient on its own y */
    tb->fwd(xs, ys, N, p);
    tb->bwd(xs, ys, dys, dxs, N, p);
    f->bwd(op, ops[op].from_y ? ys : xs, dys, dxd, N, p->a);
    CHECK(same(dxs, dxd, split, N), "%s: f' differs from TensorFlow's %s executor (scalar part)",
          tb->name, isa);
  }
}

/* every 1009th float of [-16, 16]: where the packet and scalar paths differ */
static void paths_differ(void) {
  enum { C = 1 << 20 };
  float *x = malloc(C * sizeof(float)), *a = malloc(C * sizeof(float)),
        *b = malloc(C * sizeof(float)), *g = malloc(C * sizeof(float)),
        *da = malloc(C * sizeof(float)), *db = malloc(C * sizeof(float));
  for (int op = 0; op < OPS; op++) {
    if (!ops[op].scalar) continue;
    const act_impl *mp = entry(ops[op].act, "avx2", ops[op].avx2);
    const act_impl *ms = entry(ops[op].act, "avx2", ops[op].scalar);
    if (!mp || !ms) continue;
    const act_params *p = &act_find_activation(ops[op].act)->defaults;
    size_t df = 0, dd = 0, n = 0;
    float ex = NAN;
    uint32_t lo = 0, hi = 0x41800000u; /* |x| <= 16 */
    for (int sign = 0; sign < 2; sign++)
      for (uint32_t b0 = lo; b0 <= hi; b0 += 1009u * C) {
        size_t k = 0;
        for (uint32_t i = b0; i <= hi && k < C; i += 1009, k++) {
          uint32_t bits = i | (sign ? 0x80000000u : 0u);
          memcpy(&x[k], &bits, sizeof bits);
          g[k] = 1.0f;
        }
        mp->fwd(x, a, k, p);
        ms->fwd(x, b, k, p);
        mp->bwd(x, a, g, da, k, p);
        ms->bwd(x, b, g, db, k, p);
        for (size_t i = 0; i < k; i++) {
          if (memcmp(&a[i], &b[i], sizeof(float)) != 0) {
            if (df++ == 0) ex = x[i];
          }
          dd += memcmp(&da[i], &db[i], sizeof(float)) != 0;
        }
        n += k;
      }
    printf(
        "%-10s packet and scalar path differ on %zu of %zu floats of [-16, 16] (f, e.g. at %a), "
        "%zu (f')\n",
        ops[op].act, df, n, (double)ex, dd);
    CHECK(df + dd > 0, "%s: the packet and scalar paths never differ: one entry would do",
          ops[op].act);
  }
  free(x), free(a), free(b), free(g), free(da), free(db);
}

static float f1(const act_impl *m, float x) {
  float y;
  m->fwd(&x, &y, 1, &act_find_activation(m->activation)->defaults);
  return y;
}
static float d1(const act_impl *m, float x) {
  float y, g = 1.0f, d;
  const act_params *p = &act_find_activation(m->activation)->defaults;
  m->fwd(&x, &y, 1, p);
  m->bwd(&x, &y, &g, &d, 1, p);
  return d;
}

static void hand_checked(const char *isa) {
  const act_impl *m;
  if ((m = entry("sigmoid", isa, "plogistic")))
    CHECK(f1(m, 0.0f) == 0.5f && d1(m, 0.0f) == 0.25f, "%s at 0: %g, %g", m->name, f1(m, 0),
          d1(m, 0));
  if ((m = entry("tanh", isa, "ptanh")))
    CHECK(f1(m, 0.0f) == 0.0f && d1(m, 0.0f) == 1.0f && f1(m, 9.0f) == 1.0f,
          "%s: tanh(0) = %g, tanh'(0) = %g, tanh(9) = %g", m->name, f1(m, 0), d1(m, 0), f1(m, 9));
  if ((m = entry("relu", isa, "pmax")))
    CHECK(f1(m, -2.0f) == 0.0f && f1(m, 3.0f) == 3.0f && d1(m, -2.0f) == 0.0f &&
              d1(m, 3.0f) == 1.0f && d1(m, 0.0f) == 0.0f,
          "%s", m->name);
  if ((m = entry("leaky_relu", isa, strcmp(isa, "avx2") ? "select-scalar" : "select")))
    CHECK(f1(m, -2.0f) == -0.02f && d1(m, -2.0f) == 0.01f && d1(m, 0.0f) == 0.01f, "%s", m->name);
  if ((m = entry("elu", isa, strcmp(isa, "avx2") ? "exp-scalar" : "pexp"))) {
    CHECK(fabsf(f1(m, -1.0f) + 0.632120559f) < 2e-7f && d1(m, 2.0f) == 1.0f, "%s(-1) = %.9g",
          m->name, f1(m, -1.0f));
    CHECK(f1(m, -1e-10f) == 0.0f, "%s(-1e-10) = %g: exp(x) - 1 cancels (finding)", m->name,
          f1(m, -1e-10f));
  }
  if ((m = entry("selu", isa, strcmp(isa, "avx2") ? "exp-scalar" : "pexp")))
    CHECK(f1(m, 1.0f) == 1.05070099f && d1(m, 1.0f) == 1.05070099f, "%s(1) = %.9g", m->name,
          f1(m, 1.0f));
  if ((m = entry("softplus", isa, strcmp(isa, "avx2") ? "exp-log1p-scalar" : "pexp-plog1p")))
    CHECK(fabsf(f1(m, 0.0f) - 0.693147181f) < 2e-7f && d1(m, 0.0f) == 0.5f, "%s(0) = %.9g", m->name,
          f1(m, 0.0f));
  if ((m = entry("silu", isa, "plogistic")))
    CHECK(f1(m, 0.0f) == 0.0f && d1(m, 0.0f) == 0.5f, "%s at 0", m->name);
  if ((m = entry("gelu", isa, "perf"))) {
    CHECK(f1(m, 0.0f) == 0.0f && d1(m, 0.0f) == 0.5f, "%s at 0: %g, %g", m->name, f1(m, 0),
          d1(m, 0));
    /* finding: Eigen's erf rational goes below -1 near its clamp (u = -4),
     * so 1 + erf < 0 and gelu is positive for negative x */
    CHECK(f1(m, -0x1.6a06bap+2f) > 1e-6f, "%s(-5.6566) = %g > 0 (finding)", m->name,
          f1(m, -0x1.6a06bap+2f));
  }
  if ((m = entry("gelu_tanh", isa, "ptanh-ppow")))
    CHECK(f1(m, 0.0f) == 0.0f && d1(m, 0.0f) == 0.5f, "%s at 0: %g, %g", m->name, f1(m, 0),
          d1(m, 0));
  /* finding: Eigen's AVX2 pexp floor */
  if ((m = entry("sigmoid", isa, "plogistic"))) {
    if (!strcmp(isa, "avx2"))
      CHECK(f1(m, -100.0f) > 2.9e-39f && f1(m, -INFINITY) > 2.9e-39f,
            "%s(-100) = %g, (-inf) = %g: pexp's floor (finding)", m->name, f1(m, -100.0f),
            f1(m, -INFINITY));
    else
      CHECK(f1(m, -100.0f) == 0.0f && f1(m, -INFINITY) == 0.0f, "%s(-100) = %g, (-inf) = %g",
            m->name, f1(m, -100.0f), f1(m, -INFINITY));
  }
}

int main(void) {
  int ran = 0;
  size_t found = 0;
  for (size_t k = 0; k < act_registry_count; k++)
    found += !strcmp(act_registry[k].origin, "tensorflow");
  CHECK(found == 27, "27 tensorflow entries, found %zu", found);
  if (act_cpu_has_avx2()) {
    against_executor("avx2", &d_avx2), hand_checked("avx2"), paths_differ(), ran++;
  }
  if (act_cpu_has_avx512()) against_executor("avx512", &d_avx512), hand_checked("avx512"), ran++;
  if (!ran) printf("no AVX2: nothing of this peer runs here\n");
  return check_done();
}
