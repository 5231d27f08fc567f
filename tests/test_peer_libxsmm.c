/* actbench test: the libxsmm peer (impls/peers/libxsmm.c), compiled only
 * where that peer is (tests/CMakeLists.txt).
 *
 * - Every entry against a direct call of libxsmm's function on the same
 *   inputs (its header's MM512 function on whole vectors, or
 *   libxsmm_stanh_pade78 per element), bit for bit, at sizes with and
 *   without a tail; the AVX-512 ones only where the CPU has AVX-512.
 * - Hand-checked values: tanh(0) = 0 and the +-1 beyond the clamps, the
 *   sigmoid's 1/2 at 0, and the Pade rational at 1 and 10 worked out by
 *   hand (x (36x^6 + 6930x^4 + 270270x^2 + 2027025) / (x^8 + 630x^6 +
 *   51975x^4 + 945945x^2 + 2027025) in double).
 * - The claims: libxsmm documents no bound, so every claim is NAN ("no
 *   documented bound": nothing to check against).
 * - The defects this peer shows, asserted as findings: libxsmm_stanh_pade78
 *   never clamps (10 gives the rational's 0.99790, 100 its 0.34504, where
 *   tanh is 0.9999999959 and 1); MINIMAX3 gives
 *   -1.50006e-08 at 0 (its first table entry: no small-x branch), MINIMAX2
 *   -inf at +inf; RATIONAL_32, MINIMAX2 and MINIMAX3 exceed 1 (1.000106,
 *   1.00000048, 1.00000036 at their worst); the FC sigmoid is exactly 0 from
 *   x = -9.94 on (its tanh is clamped at 4.97 on x/2), where the logistic
 *   is 4.8e-5. */
#include <immintrin.h>
#include <libxsmm_intrinsics_x86.h>
#include <libxsmm_math.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "registry.h"

#define XT LIBXSMM_INTRINSICS(LIBXSMM_X86_AVX512)
#define N 1000

/* the header's functions, by the name the entry carries */
typedef __m512 (*vfn)(__m512);
XT static __m512 r78(__m512 x) {
  return LIBXSMM_INTRINSICS_MM512_TANH_PS_RATIONAL_78(x);
}
XT static __m512 r32(__m512 x) {
  return LIBXSMM_INTRINSICS_MM512_TANH_PS_RATIONAL_32(x);
}
XT static __m512 e2(__m512 x) {
  return LIBXSMM_INTRINSICS_MM512_TANH_PS_EXP2(x);
}
XT static __m512 e3(__m512 x) {
  return LIBXSMM_INTRINSICS_MM512_TANH_PS_EXP3(x);
}
XT static __m512 m2(__m512 x) {
  return LIBXSMM_INTRINSICS_MM512_TANH_PS_MINIMAX2(x);
}
XT static __m512 m3(__m512 x) {
  return LIBXSMM_INTRINSICS_MM512_TANH_PS_MINIMAX3(x);
}
/* the fused-FC template's sigmoid: (tanh78(x/2) + 1)/2 as it writes it */
XT static __m512 sig78(__m512 x) {
  const __m512 half = _mm512_set1_ps(0.5f), one = _mm512_set1_ps(1.0f);
  return _mm512_mul_ps(
      _mm512_add_ps(LIBXSMM_INTRINSICS_MM512_TANH_PS_RATIONAL_78(_mm512_mul_ps(x, half)), one),
      half);
}

/* direct: n floats (n a multiple of 16 here: the library works on vectors) */
XT static void direct(vfn f, const float *x, float *y, size_t n) {
  for (size_t i = 0; i < n; i += 16) _mm512_storeu_ps(y + i, f(_mm512_loadu_ps(x + i)));
}
XT static float direct1(vfn f, float v) {
  float in[16], out[16];
  for (int i = 0; i < 16; i++) in[i] = v;
  direct(f, in, out, 16);
  return out[0];
}

static double pade78(double x) {
  double x2 = x * x;
  return x * (((36 * x2 + 6930) * x2 + 270270) * x2 + 2027025) /
         ((((x2 + 630) * x2 + 51975) * x2 + 945945) * x2 + 2027025);
}

static float xs[N + 32], ys[N + 32], yd[N + 32];

static void fill(void) {
  for (int i = 0; i < N + 32; i++) xs[i] = -12.0f + 24.0f * (float)i / (float)N;
  const float sp[] = {0.0f, -0.0f, 1e-30f, -1e-30f, INFINITY, -INFINITY, NAN, 4.97f, 3.2f, 1e20f};
  for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++) xs[7 + 37 * i] = sp[i];
}

static int same(const float *a, const float *b, size_t n) {
  return memcmp(a, b, n * sizeof(float)) == 0;
}

int main(void) {
  fill();
  act_params p = {1.0f, 0.0f};
  static const struct {
    const char *name;
    vfn f;
  } vec[] = {{"tanh.avx512.libxsmm-rational78", r78},
             {"tanh.avx512.libxsmm-rational32", r32},
             {"tanh.avx512.libxsmm-exp2", e2},
             {"tanh.avx512.libxsmm-exp3", e3},
             {"tanh.avx512.libxsmm-minimax2", m2},
             {"tanh.avx512.libxsmm-minimax3", m3},
             {"sigmoid.avx512.libxsmm-rational78", sig78}};
  size_t found = 0;
  for (size_t k = 0; k < act_registry_count; k++) {
    const act_impl *m = &act_registry[k];
    if (strcmp(m->origin, "libxsmm")) continue;
    found++;
    CHECK(isnan(m->fwd_ulp) && isnan(m->bwd_ulp), "%s: libxsmm documents no bound: claims NAN",
          m->name);
    CHECK(m->bwd == NULL, "%s: libxsmm has no derivative: forward only", m->name);
  }
  CHECK(found == 9, "9 libxsmm entries, found %zu", found);

  /* the AVX-512 ones against the header's functions */
  for (size_t v = 0; v < sizeof vec / sizeof vec[0]; v++) {
    const act_impl *m = act_find_impl(vec[v].name);
    CHECK(m != NULL, "%s registered", vec[v].name);
    if (m == NULL || !act_impl_available(m)) continue;
    direct(vec[v].f, xs, yd, N + 16);
    static const size_t sizes[] = {1, 15, 16, 17, 999, 1000};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
      m->fwd(xs, ys, sizes[s], &p);
      CHECK(same(ys, yd, sizes[s]), "%s: n = %zu, not the header's bits", m->name, sizes[s]);
    }
  }
  /* the scalar ones against libxsmm_stanh_pade78 */
  const act_impl *ts = act_find_impl("tanh.scalar.libxsmm-stanh-pade78");
  const act_impl *ss = act_find_impl("sigmoid.scalar.libxsmm-stanh-pade78");
  CHECK(ts && ss, "the scalar entries registered");
  if (ts && ss) {
    ts->fwd(xs, ys, N, &p);
    for (int i = 0; i < N; i++) yd[i] = libxsmm_stanh_pade78(xs[i]);
    CHECK(same(ys, yd, N), "tanh.scalar.libxsmm-stanh-pade78: not libxsmm_stanh_pade78's bits");
    ss->fwd(xs, ys, N, &p);
    for (int i = 0; i < N; i++) yd[i] = (libxsmm_stanh_pade78(xs[i] / 2.0f) + 1.0f) / 2.0f;
    CHECK(same(ys, yd, N), "sigmoid.scalar.libxsmm-stanh-pade78: not the template's bits");
    /* hand-checked: the rational at 1 and 10, and tanh(0) = 0 */
    float one = 1.0f, ten = 10.0f, zero = 0.0f, y1, y10, y0;
    ts->fwd(&one, &y1, 1, &p);
    ts->fwd(&ten, &y10, 1, &p);
    ts->fwd(&zero, &y0, 1, &p);
    CHECK(fabs(y1 - pade78(1.0)) <= 1e-6 && fabs(y1 - tanh(1.0)) < 1e-6,
          "pade78(1) = %.9g, by hand %.9g (tanh 1 = %.9g)", y1, pade78(1.0), tanh(1.0));
    CHECK(y0 == 0.0f, "pade78(0) = %g", y0);
    /* finding: the clamp tests the result, so 10 and 100 give the
     * rational's 0.99790 and 0.34504, not tanh's 0.99999999588 and 1 */
    float hundred = 100.0f, y100;
    ts->fwd(&hundred, &y100, 1, &p);
    CHECK(fabs(y10 - pade78(10.0)) <= 1e-6 && fabs(y10 - 0.997897) < 1e-5,
          "pade78(10) = %.9g, the unclamped rational %.9g", y10, pade78(10.0));
    CHECK(fabs(y100 - pade78(100.0)) <= 1e-6 && fabs(y100 - 0.345040) < 1e-5,
          "pade78(100) = %.9g, the unclamped rational %.9g", y100, pade78(100.0));
  }

  const act_impl *t78 = act_find_impl("tanh.avx512.libxsmm-rational78");
  if (t78 && act_impl_available(t78)) {
    /* hand-checked */
    CHECK(direct1(r78, 0.0f) == 0.0f, "rational78(0) = %g", direct1(r78, 0.0f));
    CHECK(direct1(r78, 4.971f) == 1.0f && direct1(r78, -5.0f) == -1.0f,
          "rational78: +-1 beyond 4.97");
    CHECK(fabs(direct1(r78, 1.0f) - pade78(1.0)) < 2e-4,
          "rational78(1) = %.9g, the rational %.9g (rcp14: 2^-14 relative)", direct1(r78, 1.0f),
          pade78(1.0));
    CHECK(direct1(r32, 3.3f) == 1.0f, "rational32: 1 beyond 3.2");
    CHECK(direct1(sig78, 0.0f) == 0.5f, "sigmoid78(0) = %g", direct1(sig78, 0.0f));
    /* findings */
    CHECK(direct1(m3, 0.0f) == -1.50006e-08f, "minimax3(0) = %a, its first table entry",
          direct1(m3, 0.0f));
    CHECK(direct1(m2, INFINITY) == -INFINITY, "minimax2(+inf) = %g", direct1(m2, INFINITY));
    CHECK(direct1(r32, 0x1.9983fap+1f) > 1.0001f, "rational32(3.1993) = %.9g > 1",
          direct1(r32, 0x1.9983fap+1f));
    CHECK(direct1(m2, 0x1.e107ecp+2f) > 1.0f, "minimax2(7.5158) = %.9g > 1",
          direct1(m2, 0x1.e107ecp+2f));
    CHECK(direct1(m3, 0x1.353382p+3f) > 1.0f, "minimax3(9.6625) = %.9g > 1",
          direct1(m3, 0x1.353382p+3f));
    CHECK(direct1(sig78, -9.95f) == 0.0f, "sigmoid78(-9.95) = %g (the logistic: 4.8e-5)",
          direct1(sig78, -9.95f));
  } else {
    printf("no AVX-512: the vector entries are not run here\n");
  }
  return check_done();
}
