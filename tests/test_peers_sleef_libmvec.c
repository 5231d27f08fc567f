/* actbench test: the SLEEF and libmvec peers do what their names say.
 *
 * - libmvec: sigmoid.<isa>.libmvec-expf and tanh.<isa>.libmvec-tanhf give,
 *   bit for bit and for every n up to 70 (tails included), what direct calls
 *   of glibc's vector variants (_ZGVdN8v_expf / _ZGVeN16v_expf, ..._tanhf)
 *   give: so gcc really vectorized the loops into libmvec calls (the scalar
 *   expf/tanhf round differently on some of these inputs, which the test
 *   also checks, or it would prove nothing).
 * - SLEEF: tanh.<isa>.sleef-tanhf-u10/u35 give what direct calls of
 *   Sleef_tanhf{16,8}_u{10,35}... give, and for every SLEEF entry the AVX2
 *   and AVX-512 versions agree bit for bit (SLEEF computes the same
 *   algorithm on both; a lane or tail bug would show), fwd and bwd.
 * - both: selu.<isa>.{libmvec-expm1f,sleef-expm1f-u10} and
 *   gelu_tanh.<isa>.{libmvec-tanhf,sleef-tanhf-u10}, fwd and bwd, give for
 *   every n up to 70 what PyTorch's formula gives on direct calls of the
 *   vector functions (_ZGV*_expm1f/expf/tanhf, Sleef_*_u10*), lane by lane;
 *   for libmvec the same formula on the scalar libm functions differs
 *   somewhere on a dense grid (so the check proves something).
 * Parts whose library is not compiled in, or whose ISA this CPU lacks (or
 * ACTBENCH_ISA caps), are skipped and say so. */
#include <float.h>
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "registry.h"

#define MAXN 70

#if defined(ACT_HAVE_LIBMVEC) || defined(ACT_HAVE_SLEEF)
/* inputs: a grid over [-20, 20] and the specials, fixed */
static void fill(float *x, size_t n, unsigned seed) {
  uint32_t s = 2463534242u + seed;
  const float sp[] = {0.0f,       -0.0f, INFINITY, -INFINITY, NAN,     1e-30f,
                      -0x1p-149f, 88.8f, -88.8f,   -104.5f,   FLT_MAX, -FLT_MAX};
  for (size_t i = 0; i < n; i++) {
    s ^= s << 13, s ^= s >> 17, s ^= s << 5; /* xorshift32 */
    x[i] = (s % 7 == 0) ? sp[s / 7 % (sizeof sp / sizeof sp[0])]
                        : -20.0f + 40.0f * (float)(s >> 8) * 0x1p-24f;
  }
}

/* a == b bit for bit, or both NaN */
static int same(float a, float b) {
  return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b));
}

static const act_impl *find(const char *name) {
  const act_impl *m = act_find_impl(name);
  CHECK(m != NULL, "%s is in the registry", name);
  return m;
}
#endif

#ifdef ACT_HAVE_LIBMVEC
/* glibc's libmvec, the x86_64 vector function ABI names */
__m256 _ZGVdN8v_expf(__m256);
__m256 _ZGVdN8v_tanhf(__m256);
__m512 _ZGVeN16v_expf(__m512);
__m512 _ZGVeN16v_tanhf(__m512);

/* direct: sigmoid = 1/(1 + v(-x)) (which = 0) or tanh = v(x) (which = 1) */
__attribute__((target("avx2,fma"))) static void direct_avx2(int which, const float *x, float *y,
                                                            size_t n) {
  for (size_t i = 0; i < n; i += 8) {
    float t[8] = {0};
    memcpy(t, x + i, (n - i < 8 ? n - i : 8) * sizeof(float));
    __m256 v = _mm256_loadu_ps(t);
    if (which == 0) {
      __m256 one = _mm256_set1_ps(1.0f);
      v = _mm256_div_ps(one,
                        _mm256_add_ps(one, _ZGVdN8v_expf(_mm256_sub_ps(_mm256_setzero_ps(), v))));
    } else {
      v = _ZGVdN8v_tanhf(v);
    }
    _mm256_storeu_ps(t, v);
    memcpy(y + i, t, (n - i < 8 ? n - i : 8) * sizeof(float));
  }
}
__attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,avx2,fma"))) static void direct_avx512(
    int which, const float *x, float *y, size_t n) {
  for (size_t i = 0; i < n; i += 16) {
    float t[16] = {0};
    memcpy(t, x + i, (n - i < 16 ? n - i : 16) * sizeof(float));
    __m512 v = _mm512_loadu_ps(t);
    if (which == 0) {
      __m512 one = _mm512_set1_ps(1.0f);
      v = _mm512_div_ps(one,
                        _mm512_add_ps(one, _ZGVeN16v_expf(_mm512_sub_ps(_mm512_setzero_ps(), v))));
    } else {
      v = _ZGVeN16v_tanhf(v);
    }
    _mm512_storeu_ps(t, v);
    memcpy(y + i, t, (n - i < 16 ? n - i : 16) * sizeof(float));
  }
}

static void test_libmvec(void) {
  static const char *const isas[] = {"avx2", "avx512"};
  for (int k = 0; k < 2; k++) {
    const char *isa = isas[k];
    for (int which = 0; which < 2; which++) {
      char name[64];
      snprintf(name, sizeof name, which == 0 ? "sigmoid.%s.libmvec-expf" : "tanh.%s.libmvec-tanhf",
               isa);
      const act_impl *m = find(name);
      if (m == NULL) continue;
      if (!act_impl_available(m)) {
        printf("skip %s (not available here)\n", name);
        continue;
      }
      act_params p = {1.0f, 0.0f};
      float x[MAXN], y[MAXN], want[MAXN];
      int scalar_differs = 0;
      for (size_t n = 0; n <= MAXN; n++) {
        fill(x, n, (unsigned)n);
        m->fwd(x, y, n, &p);
        if (k == 0)
          direct_avx2(which, x, want, n);
        else
          direct_avx512(which, x, want, n);
        size_t bad = 0;
        for (size_t i = 0; i < n; i++) {
          bad += !same(y[i], want[i]);
          float s = which == 0 ? 1.0f / (1.0f + expf(-x[i])) : tanhf(x[i]);
          scalar_differs |= !same(s, want[i]);
        }
        CHECK(bad == 0, "%s, n = %zu: %zu results differ from the direct libmvec calls", name, n,
              bad);
      }
      /* on a dense grid the scalar libm rounds differently somewhere */
      for (int i = 0; i < 4096 && !scalar_differs; i += 16) {
        float g[16], w[16];
        for (int j = 0; j < 16; j++) g[j] = -9.0f + (float)(i + j) * (18.0f / 4096.0f);
        if (k == 0)
          direct_avx2(which, g, w, 16);
        else
          direct_avx512(which, g, w, 16);
        for (int j = 0; j < 16; j++)
          scalar_differs |= !same(which == 0 ? 1.0f / (1.0f + expf(-g[j])) : tanhf(g[j]), w[j]);
      }
      CHECK(scalar_differs, "%s: libmvec and scalar libm never differ, the check proves nothing",
            name);
      printf("ok   %s calls libmvec\n", name);
    }
  }
}
#endif

#ifdef ACT_HAVE_SLEEF
__m256 Sleef_tanhf8_u10avx2(__m256);
__m256 Sleef_tanhf8_u35avx2(__m256);
__m512 Sleef_tanhf16_u10avx512f(__m512);
__m512 Sleef_tanhf16_u35avx512f(__m512);

__attribute__((target("avx2,fma"))) static void sleef_tanh_avx2(int u35, const float *x, float *y,
                                                                size_t n) {
  for (size_t i = 0; i < n; i++) {
    __m256 v = _mm256_set1_ps(x[i]);
    v = u35 ? Sleef_tanhf8_u35avx2(v) : Sleef_tanhf8_u10avx2(v);
    y[i] = _mm256_cvtss_f32(v);
  }
}
__attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,avx2,fma"))) static void
sleef_tanh_avx512(int u35, const float *x, float *y, size_t n) {
  for (size_t i = 0; i < n; i++) {
    __m512 v = _mm512_set1_ps(x[i]);
    v = u35 ? Sleef_tanhf16_u35avx512f(v) : Sleef_tanhf16_u10avx512f(v);
    y[i] = _mm512_cvtss_f32(v);
  }
}

static void test_sleef(void) {
  /* tanh: the kernels are SLEEF's functions */
  static const char *const isas[] = {"avx2", "avx512"};
  for (int k = 0; k < 2; k++)
    for (int u35 = 0; u35 < 2; u35++) {
      char name[64];
      snprintf(name, sizeof name, "tanh.%s.sleef-tanhf-%s", isas[k], u35 ? "u35" : "u10");
      const act_impl *m = find(name);
      if (m == NULL) continue;
      if (!act_impl_available(m)) {
        printf("skip %s (not available here)\n", name);
        continue;
      }
      act_params p = {0.0f, 0.0f};
      float x[MAXN], y[MAXN], want[MAXN];
      fill(x, MAXN, 99);
      for (size_t n = 0; n <= MAXN; n += 7) {
        m->fwd(x, y, n, &p);
        if (k == 0)
          sleef_tanh_avx2(u35, x, want, n);
        else
          sleef_tanh_avx512(u35, x, want, n);
        size_t bad = 0;
        for (size_t i = 0; i < n; i++) bad += !same(y[i], want[i]);
        CHECK(bad == 0, "%s, n = %zu: %zu results differ from direct SLEEF calls", name, n, bad);
      }
    }
  /* every SLEEF entry: AVX2 == AVX-512 */
  for (size_t i = 0; i < act_registry_count; i++) {
    const act_impl *m512 = &act_registry[i];
    if (strcmp(m512->origin, "sleef") != 0 || strcmp(m512->isa, "avx512") != 0) continue;
    const char *alg = strstr(m512->name, ".avx512.");
    char name[128];
    snprintf(name, sizeof name, "%s.avx2.%s", m512->activation, alg + strlen(".avx512."));
    const act_impl *m2 = find(name);
    if (m2 == NULL) continue;
    if (!act_impl_available(m512) || !act_impl_available(m2)) {
      printf("skip %s vs %s (not available here)\n", m512->name, name);
      continue;
    }
    const act_activation *a = act_find_activation(m512->activation);
    float x[MAXN], y1[MAXN], y2[MAXN], dy[MAXN], d1[MAXN], d2[MAXN];
    size_t bad = 0;
    for (size_t n = 1; n <= MAXN; n += 3) {
      fill(x, n, (unsigned)(n + 1000));
      for (size_t j = 0; j < n; j++) dy[j] = 1.0f + (float)j / 64.0f;
      m512->fwd(x, y1, n, &a->defaults);
      m2->fwd(x, y2, n, &a->defaults);
      m512->bwd(x, y1, dy, d1, n, &a->defaults);
      m2->bwd(x, y1, dy, d2, n, &a->defaults);
      for (size_t j = 0; j < n; j++) {
        if (!same(y1[j], y2[j]) || !same(d1[j], d2[j])) {
          if (bad++ < 3)
            fprintf(stderr, "  %s x = %a: f %a / %a, f' %a / %a\n", m512->name, (double)x[j],
                    (double)y1[j], (double)y2[j], (double)d1[j], (double)d2[j]);
        }
      }
    }
    CHECK(bad == 0, "%s and %s differ on %zu inputs", m512->name, name, bad);
    printf("ok   %s == %s\n", m512->name, name);
  }
}
#endif

#if defined(ACT_HAVE_LIBMVEC) || defined(ACT_HAVE_SLEEF)
/* selu and gelu_tanh: the kernels against PyTorch's formulas (as the peer
 * files write them, the same limits included) evaluated here lane by lane,
 * each vector function called on a broadcast input and lane 0 kept (the
 * functions are elementwise).  Float arithmetic without contraction (ISO C,
 * no -ffp-contract=fast) rounds like the kernels' vector operations. */
typedef float lane_fn(float);
/* declares fn (again, for those declared above) and defines lane_fn */
#define LANE_AVX2(fn)                                                   \
  __m256 fn(__m256);                                                    \
  __attribute__((target("avx2,fma"))) static float lane_##fn(float x) { \
    return _mm256_cvtss_f32(fn(_mm256_set1_ps(x)));                     \
  }
#define LANE_AVX512(fn)                                                                          \
  __m512 fn(__m512);                                                                             \
  __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,avx2,fma"))) static float lane_##fn( \
      float x) {                                                                                 \
    return _mm512_cvtss_f32(fn(_mm512_set1_ps(x)));                                              \
  }
#ifdef ACT_HAVE_LIBMVEC
LANE_AVX2(_ZGVdN8v_expm1f)
LANE_AVX2(_ZGVdN8v_expf)
LANE_AVX2(_ZGVdN8v_tanhf)
LANE_AVX512(_ZGVeN16v_expm1f)
LANE_AVX512(_ZGVeN16v_expf)
LANE_AVX512(_ZGVeN16v_tanhf)
static float libm_expm1f(float x) {
  return expm1f(x);
}
static float libm_expf(float x) {
  return expf(x);
}
static float libm_tanhf(float x) {
  return tanhf(x);
}
#endif
#ifdef ACT_HAVE_SLEEF
LANE_AVX2(Sleef_expm1f8_u10avx2)
LANE_AVX2(Sleef_expf8_u10avx2)
LANE_AVX512(Sleef_expm1f16_u10avx512f)
LANE_AVX512(Sleef_expf16_u10avx512f)
LANE_AVX2(Sleef_tanhf8_u10avx2)
LANE_AVX512(Sleef_tanhf16_u10avx512f)
#endif

/* PyTorch's constants as float (impls/peers/sleef.c, libmvec.c) */
#define SELU_SCALE ((float)1.0507009873554804934193349852946)
#define SELU_NEGCOEF ((float)1.6732632423543772848170429916717 * SELU_SCALE)
#define GT_BETA ((float)(1.41421356237309504880 * 1.12837916709551257390 * 0.5))
#define GT_KAPPA ((float)0.044715)

/* fn[0]: expm1 (selu) or tanh (gelu_tanh); fn[1]: exp (selu) */
static float selu_f(float x, lane_fn *const *fn) {
  return x > 0.0f ? x * SELU_SCALE : fn[0](x) * SELU_NEGCOEF;
}
static float selu_b(float x, float dy, lane_fn *const *fn) {
  return x > 0.0f ? dy * SELU_SCALE : dy * SELU_NEGCOEF * fn[1](x);
}
static float gelu_tanh_f(float x, lane_fn *const *fn) {
  float right = 1.0f + fn[0](GT_BETA * (x + GT_KAPPA * (x * x * x)));
  return right == 0.0f ? copysignf(0.0f, x) : 0.5f * x * right; /* limit at -inf */
}
static float gelu_tanh_b(float x, float dy, lane_fn *const *fn) {
  float xsq = x * x;
  float t = fn[0](GT_BETA * (x + GT_KAPPA * (x * xsq)));
  float left = 0.5f * x, dleft = 0.5f * (1.0f + t), dt = 1.0f - t * t;
  float dinner = GT_BETA * (1.0f + 3.0f * GT_KAPPA * xsq);
  float dright = dt == 0.0f ? 0.0f : left * dt * dinner; /* limits at +-inf, |x| >= 2^64 */
  return dy * (dleft + dright);
}

typedef struct {
  const char *name; /* with %s for the ISA */
  int gelu_tanh;    /* 0: selu */
  lane_fn *avx2[2], *avx512[2];
  lane_fn *scalar[2]; /* libm's scalar functions (libmvec), to show they differ */
} formula_case;

static const formula_case formula_cases[] = {
#ifdef ACT_HAVE_LIBMVEC
    {"selu.%s.libmvec-expm1f",
     0,
     {lane__ZGVdN8v_expm1f, lane__ZGVdN8v_expf},
     {lane__ZGVeN16v_expm1f, lane__ZGVeN16v_expf},
     {libm_expm1f, libm_expf}},
    {"gelu_tanh.%s.libmvec-tanhf",
     1,
     {lane__ZGVdN8v_tanhf, NULL},
     {lane__ZGVeN16v_tanhf, NULL},
     {libm_tanhf, NULL}},
#endif
#ifdef ACT_HAVE_SLEEF
    {"selu.%s.sleef-expm1f-u10",
     0,
     {lane_Sleef_expm1f8_u10avx2, lane_Sleef_expf8_u10avx2},
     {lane_Sleef_expm1f16_u10avx512f, lane_Sleef_expf16_u10avx512f},
     {NULL, NULL}},
    {"gelu_tanh.%s.sleef-tanhf-u10",
     1,
     {lane_Sleef_tanhf8_u10avx2, NULL},
     {lane_Sleef_tanhf16_u10avx512f, NULL},
     {NULL, NULL}},
#endif
};

static float case_f(const formula_case *c, lane_fn *const *fn, float x) {
  return c->gelu_tanh ? gelu_tanh_f(x, fn) : selu_f(x, fn);
}
static float case_b(const formula_case *c, lane_fn *const *fn, float x, float dy) {
  return c->gelu_tanh ? gelu_tanh_b(x, dy, fn) : selu_b(x, dy, fn);
}

static void test_formulas(void) {
  static const char *const isas[] = {"avx2", "avx512"};
  for (size_t ci = 0; ci < sizeof formula_cases / sizeof formula_cases[0]; ci++) {
    const formula_case *c = &formula_cases[ci];
    for (int k = 0; k < 2; k++) {
      char name[64];
      snprintf(name, sizeof name, c->name, isas[k]);
      const act_impl *m = find(name);
      if (m == NULL) continue;
      if (!act_impl_available(m)) {
        printf("skip %s (not available here)\n", name);
        continue;
      }
      lane_fn *const *fn = k == 0 ? c->avx2 : c->avx512;
      act_params p = {0.0f, 0.0f};
      float x[MAXN], y[MAXN], dy[MAXN], dx[MAXN];
      size_t badf = 0, badb = 0;
      int differs[2] = {0, 0}; /* scalar libm against the vector function, f and f' */
      for (size_t n = 0; n <= MAXN; n++) {
        fill(x, n, (unsigned)(n + 2000));
        for (size_t j = 0; j < n; j++) dy[j] = 1.0f + (float)j / 64.0f;
        m->fwd(x, y, n, &p);
        m->bwd(x, y, dy, dx, n, &p);
        for (size_t j = 0; j < n; j++) {
          float wf = case_f(c, fn, x[j]), wb = case_b(c, fn, x[j], dy[j]);
          if (!same(y[j], wf) || !same(dx[j], wb)) {
            if (badf + badb < 3)
              fprintf(stderr, "  %s x = %a: f %a want %a, f' %a want %a\n", name, (double)x[j],
                      (double)y[j], (double)wf, (double)dx[j], (double)wb);
          }
          badf += !same(y[j], wf);
          badb += !same(dx[j], wb);
        }
      }
      CHECK(badf == 0 && badb == 0,
            "%s: %zu f and %zu f' results differ from the formula on direct calls", name, badf,
            badb);
      if (c->scalar[0] != NULL) {
        /* on a dense grid the scalar libm rounds differently somewhere */
        for (int i = 0; i < 1 << 16 && !(differs[0] && differs[1]); i++) {
          float g = -9.0f + (float)i * (18.0f / 65536.0f);
          lane_fn *const *s = c->scalar;
          differs[0] |= !same(case_f(c, s, g), case_f(c, fn, g));
          differs[1] |= !same(case_b(c, s, g, 1.0f), case_b(c, fn, g, 1.0f));
        }
        CHECK(differs[0] && differs[1],
              "%s: libmvec and scalar libm never differ (f %d, f' %d), the check proves nothing",
              name, differs[0], differs[1]);
      }
      printf("ok   %s == PyTorch's formula on direct calls\n", name);
    }
  }
}
#endif

int main(void) {
#ifdef ACT_HAVE_LIBMVEC
  test_libmvec();
#else
  printf("skip libmvec (not compiled in)\n");
#endif
#ifdef ACT_HAVE_SLEEF
  test_sleef();
#else
  printf("skip SLEEF (not compiled in)\n");
#endif
#if defined(ACT_HAVE_LIBMVEC) || defined(ACT_HAVE_SLEEF)
  test_formulas();
#endif
  return check_done();
}
