/* calibrate_profiles [SEED [ACTIVATION...]] > calibration.json: the measurements the accuracy
 * profiles of tests/profile.h are made from (scripts/gen-profiles.py), on
 * inputs that are none of the tests': not test_bounds' (its grid of 2^17
 * points over the sampled range and random bit patterns from seed 7) nor
 * test_layout's (its own generator over [-12, 12]).  Per activation:
 *
 *   - a grid of 2^21 points over the activation's sampled range and one of
 *     2^19 over [-12, 12], both offset by half a step (lo + (i + 1/2) h),
 *     not test_bounds' grid (lo + i h');
 *   - 2^20 random bit patterns from SEED (default 20141);
 *   - in every binade of x (both signs, the subnormals too), 1024 random
 *     floats from SEED + 1;
 *   - the 32 floats on either side of each of the sweep's special inputs
 *     (the saturation points: where kernels change regime), not the points
 *     themselves;
 *   - the 65 floats around each root of f' in the sampled range (found by
 *     bisection on the reference: silu', mish', gelu', hardswish', ...),
 *     where the ULP error of any kernel that is not exact there peaks: a
 *     sampled maximum elsewhere in that binade says nothing of it.  (The
 *     float nearest a root is the worst input of its binade whoever draws
 *     it: test_bounds' grid happens to hit the one of gelu_tanh'.)
 *
 * For each available implementation and direction (f, and f' with dy = 1 as
 * the accuracy suite runs it) it writes the maximum ULP error per binade of x
 * over the results of the right kind (act_ulp_error's ACT_ULP_OK), in the
 * shape of an exhaustive sweep's "by_binade".  The kernels native to
 * bfloat16 are measured on every one of its 65536 inputs, in its ulps (as
 * test_bounds does: that part is exhaustive).  The references come from the
 * exhaustive sweep's proven double-double screen, MPFR where it cannot decide
 * (the same values as MPFR's throughout).  Only the activations named, when
 * some are (scripts/gen-profiles.py takes several files). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "registry.h"
#include "util.h"

#define NBIN 512 /* (sign, biased exponent) */

typedef struct {
  double max[2][NBIN];
  size_t inputs[2][NBIN];
} binmax;

static int bin_of(float x) {
  uint32_t u = act_float_bits(x);
  return (int)((u >> 31) << 8 | ((u >> 23) & 0xff));
}

static void add(binmax *b, const act_impl *m, int d, const float *x, const float *got,
                const act_ref *ref, size_t n, const act_format *fmt) {
  /* f' at a kink may be either one-sided derivative (act_acc_kink_convention) */
  const act_activation *act = act_find_activation(m->activation);
  act_acc_ctx kc;
  act_acc_ctx_for(&kc, m, d, act, &act->defaults, fmt);
  for (size_t i = 0; i < n; i++) {
    double e;
    if (act_ulp_error((double)got[i], &ref[i], fmt, &e) != ACT_ULP_OK) continue;
    if (act_acc_kink_convention(&kc, x[i], got[i])) e = 0;
    int k = bin_of(x[i]);
    b->inputs[d][k]++;
    if (e > b->max[d][k]) b->max[d][k] = e;
  }
}

/* f (rf) and f' (rd) at x: the screen, MPFR where it cannot decide */
static void refs(const char *activation, const float *x, size_t n, const act_params *p, act_ref *rf,
                 act_ref *rd) {
  int id = act_activation_id(activation);
  act_screen_init(id);
  long long nn = (long long)n;
#pragma omp parallel for schedule(dynamic, 4096)
  for (long long i = 0; i < nn; i++) {
    unsigned m = act_screen(id, x[i], p, &rf[i], &rd[i]);
    if (!(m & 1)) act_reference_id(id, 0, x[i], p, &rf[i]);
    if (!(m & 2)) act_reference_id(id, 1, x[i], p, &rd[i]);
  }
}

/* the float nearest a sign change of f' in [a, b] (f'(a) and f'(b) of
 * opposite signs or one of them zero), by bisection in float order */
static float root_of_fprime(const act_activation *act, const act_params *p, float a, float b) {
  act_ref r;
  act_reference(act->name, 1, a, p, &r);
  int sa = r.rn > 0 ? 1 : r.rn < 0 ? -1 : 0;
  if (sa == 0) return a;
  for (;;) {
    float m;
    if (a < 0 && b > 0) {
      m = 0.0f;
    } else { /* one sign: the middle in bit order is the middle in float order */
      uint32_t ua = act_float_bits(a), ub = act_float_bits(b);
      m = act_bits_float(ua / 2 + ub / 2 + (ua & ub & 1));
    }
    if (act_float_bits(m) == act_float_bits(a) || act_float_bits(m) == act_float_bits(b)) break;
    act_reference(act->name, 1, m, p, &r);
    int sm = r.rn > 0 ? 1 : r.rn < 0 ? -1 : 0;
    if (sm == 0) return m;
    if (sm == sa)
      a = m;
    else
      b = m == 0.0f && a < 0 ? -0.0f : m;
  }
  return a;
}

static void print_num(double v) {
  if (isnan(v))
    printf("null");
  else
    printf("%.17g", v);
}

static void print_dir(const binmax *b, int d) {
  printf("{\"by_binade\": [");
  int first = 1;
  for (int k = 0; k < NBIN; k++) {
    if (!b->inputs[d][k]) continue;
    int be = k & 0xff;
    printf("%s\n    {\"sign\": \"%c\", \"exponent\": ", first ? "" : ",", (k >> 8) ? '-' : '+');
    if (be == 0)
      printf("\"subnormal\"");
    else if (be == 255)
      printf("\"inf/nan\"");
    else
      printf("%d", be - 127);
    printf(", \"inputs\": %zu, \"max_ulp\": %.17g}", b->inputs[d][k], b->max[d][k]);
    first = 0;
  }
  printf("]}");
}

static void print_impl(const act_impl *m, const binmax *b, int *first) {
  int cls = act_impl_class(m);
  printf("%s\n  {\"name\": \"%s\", \"class\": \"%s\", \"native\": %s, \"claimed\": {\"fwd_ulp\": ",
         *first ? "" : ",", m->name,
         cls == ACT_IMPL_OURS   ? "ours"
         : cls == ACT_IMPL_PEER ? "peer"
                                : "plugin",
         (m->flags & ACT_NATIVE) ? "true" : "false");
  print_num(m->fwd_ulp);
  printf(", \"bwd_ulp\": ");
  print_num(m->bwd_ulp);
  printf("},\n   \"fwd\": ");
  print_dir(b, 0);
  if (m->bwd) {
    printf(",\n   \"bwd\": ");
    print_dir(b, 1);
  }
  printf("}");
  *first = 0;
}

int main(int argc, char **argv) {
  uint64_t seed = argc > 1 ? strtoull(argv[1], NULL, 10) : 20141;
  printf(
      "{\"kind\": \"accuracy\", \"actbench_version\": \"%s\",\n \"sweep\": {\"mode\": "
      "\"calibration\", \"seed\": %llu},\n \"activations\": [",
      ACTBENCH_VERSION, (unsigned long long)seed);
  int first_act = 1;
  for (size_t ai = 0; ai < act_activation_count; ai++) {
    const act_activation *act = act_activations[ai];
    int wanted = argc <= 2;
    for (int k = 2; k < argc; k++) wanted |= !strcmp(argv[k], act->name);
    if (!wanted) continue;
    act_params p = act->defaults;
    enum { G1 = 1 << 21, G2 = 1 << 19, R = 1 << 20, PER = 1024, SP = 64, NB = 1 << 16 };
    size_t cap = G1 + G2 + R + NBIN * PER + SP * 64 + 16 * 65 + 16;
    float *x = act_alloc(sizeof(float) * cap);
    size_t n = 0;
    double lo = act->sample_lo, hi = act->sample_hi;
    for (size_t i = 0; i < G1; i++) x[n++] = (float)(lo + (hi - lo) * ((double)i + 0.5) / G1);
    for (size_t i = 0; i < G2; i++) x[n++] = (float)(-12.0 + 24.0 * ((double)i + 0.5) / G2);
    act_acc_random_floats(x + n, R, seed);
    n += R;
    act_rng r;
    act_rng_seed(&r, seed + 1);
    for (uint32_t k = 0; k < NBIN; k++) {
      if ((k & 0xff) == 0xff) continue; /* inf/NaN: the specials' business */
      for (int i = 0; i < PER; i++)
        x[n++] = act_bits_float((k >> 8) << 31 | (k & 0xff) << 23 |
                                ((uint32_t)act_rng_next(&r) & 0x7fffff));
    }
    float sp[SP];
    size_t ns = act_acc_special_inputs(act, &p, sp, SP);
    for (size_t s = 0; s < ns; s++) {
      if (!isfinite(sp[s])) continue;
      float up = sp[s], down = sp[s];
      for (int i = 0; i < 32; i++) {
        up = nextafterf(up, INFINITY), down = nextafterf(down, -INFINITY);
        if (isfinite(up)) x[n++] = up;
        if (isfinite(down)) x[n++] = down;
      }
    }
    /* the roots of f': sign changes on a scan of the sampled range */
    {
      enum { SCAN = 1 << 16 };
      act_ref r;
      float prev = NAN; /* the last point where f' was not 0, and its sign */
      int sprev = 0;
      for (int i = 0; i <= SCAN && n + 65 <= cap; i++) {
        float v = (float)(lo + (hi - lo) * (double)i / SCAN);
        act_reference(act->name, 1, v, &p, &r);
        int sv = r.rn > 0 ? 1 : r.rn < 0 ? -1 : 0;
        if (sv == 0) continue; /* a root on the scan, or f' = 0 over a range */
        if (sprev != 0 && sv != sprev) {
          float root = root_of_fprime(act, &p, prev, v);
          float up = root, down = root;
          x[n++] = root;
          for (int k = 0; k < 32; k++) {
            up = nextafterf(up, INFINITY), down = nextafterf(down, -INFINITY);
            x[n++] = up, x[n++] = down;
          }
        }
        prev = v, sprev = sv;
      }
    }
    act_ref *rf = malloc(sizeof(act_ref) * n), *rd = malloc(sizeof(act_ref) * n);
    float *y = act_alloc(sizeof(float) * n), *dx = act_alloc(sizeof(float) * n);
    if (!rf || !rd) act_die("out of memory");
    refs(act->name, x, n, &p, rf, rd);
    printf("%s\n {\"activation\": \"%s\", \"inputs\": %zu, \"implementations\": [",
           first_act ? "" : ",", act->name, n);
    first_act = 0;
    int first = 1;
    binmax *b = malloc(sizeof *b);
    for (size_t k = 0; k < act_registry_count; k++) {
      const act_impl *m = &act_registry[k];
      if (strcmp(m->activation, act->name) || !act_impl_available(m)) continue;
      if (m->flags & ACT_NATIVE) continue;
      memset(b, 0, sizeof *b);
      act_impl_run(m, &p, x, y, dx, n);
      add(b, m, 0, x, y, rf, n, &act_binary32);
      if (m->bwd) add(b, m, 1, x, dx, rd, n, &act_binary32);
      print_impl(m, b, &first);
    }
    printf("],\n  \"narrow\": [{\"format\": \"bfloat16\", \"implementations\": [");
    first = 1;
    for (size_t k = 0; k < act_registry_count; k++) {
      const act_impl *m = &act_registry[k];
      if (strcmp(m->activation, act->name) || !(m->flags & ACT_NATIVE_BF16) ||
          !act_impl_available(m))
        continue;
      float *bx = act_alloc(sizeof(float) * NB), *by = act_alloc(sizeof(float) * NB),
            *bdx = act_alloc(sizeof(float) * NB);
      act_ref *bf = malloc(sizeof(act_ref) * NB), *bd = malloc(sizeof(act_ref) * NB);
      for (int i = 0; i < NB; i++) bx[i] = act_bits_float((uint32_t)i << 16);
      act_reference_narrow_many(act->name, bx, NB, &p, &act_bfloat16, bf, bd);
      act_impl_run(m, &p, bx, by, bdx, NB);
      memset(b, 0, sizeof *b);
      add(b, m, 0, bx, by, bf, NB, &act_bfloat16);
      if (m->bwd) add(b, m, 1, bx, bdx, bd, NB, &act_bfloat16);
      print_impl(m, b, &first);
      act_free(bx), act_free(by), act_free(bdx);
      free(bf), free(bd);
    }
    printf("]}]}");
    fflush(stdout);
    fprintf(stderr, "calibrate_profiles: %s, %zu inputs\n", act->name, n);
    free(b);
    act_free(x), act_free(y), act_free(dx);
    free(rf), free(rd);
  }
  printf("\n]}\n");
  return 0;
}
