/* The correctly rounded kernels (issue 18; impls/cr/): every registry entry
 * whose name says ".cr-" returns RN(exact) in its format, bit for bit, for
 * f and f' (dy = 1), on
 * - the hardest cases: the inputs whose exact f or f' lies nearest a rounding
 *   boundary (a midpoint of two neighbours in the format), listed in
 *   tests/data/cr_hard.txt with the expected result (checked against MPFR
 *   here too, so that the file cannot drift from the reference);
 * - the special values (NaN, +-inf, +-0, subnormals, FLT_MIN, FLT_MAX, the
 *   activation's saturation points: act_acc_special_inputs);
 * - the sampled sweep (act_acc_sampled_inputs, 2^18 samples) for the
 *   binary32 kernels, and every one of the 65536 inputs of their format for
 *   the native bfloat16 and binary16 kernels;
 * (the references of these sets: the exhaustive sweeps' screen, MPFR where
 * it cannot decide); and, for dy != 1, the backward is RN(RN(f') dy) in
 * the kernel's format (what the registry's note states).  The exhaustive proofs (every binary32
 * input) run outside CI: docs/accuracy.md, "Correctly rounded kernels".
 *
 *   test_cr --find-hard FILE   rewrites the hardest-case list (see
 *                              find_hard below: a few minutes on one core)
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "util.h"

/* the activations with correctly rounded kernels (--find-hard) */
static const char *const cr_acts[] = {"sigmoid",     "tanh",      "elu",       "selu",
                                      "silu",        "gelu",      "gelu_tanh", "mish",
                                      "hardsigmoid", "hardswish", "softplus",  "logsigmoid"};
/* the magnitudes of x that --find-hard screens, per activation (beyond hi
 * the results are the ends' or x itself; below lo, f is x, x/2 + ... or
 * 1/2 + ..., whose nearest cases the smallest binades already show) */
static const double cr_hard_lo[] = {0x1p-32, 0x1p-14, 0x1p-40, 0x1p-40, 0x1p-40, 0x1p-40,
                                    0x1p-40, 0x1p-40, 0x1p-40, 0x1p-40, 0x1p-40, 0x1p-40};
static const double cr_hard_hi[] = {104, 10, 40, 40, 112, 15, 11, 112, 3, 3, 112, 112};
enum { NACTS = sizeof cr_acts / sizeof cr_acts[0] };

/* binary16 bits to float (no F16C needed here) */
static float half_float(uint32_t h) {
  uint32_t s = (h & 0x8000u) << 16, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e == 31) return act_bits_float(s | 0x7f800000u | (m << 13));
  if (e == 0) {
    float v = (float)m * 0x1p-24f;
    return s ? -v : v;
  }
  return act_bits_float(s | ((e + 112) << 23) | (m << 13));
}

/* tests/data/cr_hard.txt: beside this file (CMake compiles it by its full
 * path), or under $ACTBENCH_SOURCE_DIR */
static void data_path(char *buf, size_t cap) {
  const char *src = getenv("ACTBENCH_SOURCE_DIR");
  if (src) {
    snprintf(buf, cap, "%s/tests/data/cr_hard.txt", src);
    return;
  }
  snprintf(buf, cap, "%s", __FILE__);
  char *slash = strrchr(buf, '/');
  if (slash)
    snprintf(slash + 1, cap - (size_t)(slash + 1 - buf), "data/cr_hard.txt");
  else
    snprintf(buf, cap, "tests/data/cr_hard.txt");
}

static int is_cr(const act_impl *m) {
  return strstr(m->name, ".cr-") != NULL && act_impl_class(m) == ACT_IMPL_OURS;
}

static const act_format *impl_format(const act_impl *m) {
  return (m->flags & ACT_NATIVE_BF16)  ? &act_bfloat16
         : (m->flags & ACT_NATIVE_F16) ? &act_binary16
                                       : &act_binary32;
}

static const act_format *format_named(const char *s) {
  return !strcmp(s, "binary32")   ? &act_binary32
         : !strcmp(s, "bfloat16") ? &act_bfloat16
         : !strcmp(s, "binary16") ? &act_binary16
                                  : NULL;
}

/* x rounded to fmt (the native kernels' inputs are values of their format) */
static float to_format(float x, const act_format *fmt) {
  if (fmt == &act_binary32 || isnan(x)) return x;
  return act_round_to_format((double)x, fmt);
}

/* RN(exact f or f') in fmt at x (a value of fmt) */
static float want_rn(const char *act, int deriv, float x, const act_params *p,
                     const act_format *fmt) {
  act_ref r;
  act_reference(act, deriv, x, p, &r);
  if (fmt == &act_binary32) return r.rn;
  int tie;
  float rn = act_narrow_rn(&r, fmt, &tie);
  return tie ? act_reference_narrow(act_activation_id(act), deriv, x, p, fmt) : rn;
}

/* got is the correctly rounded want: the same bits (NaN for NaN) */
static int same(float got, float want) {
  if (isnan(want)) return isnan(got);
  return act_float_bits(got) == act_float_bits(want);
}

/* ---- the hardest cases */
typedef struct {
  char act[16];
  int deriv;
  const act_format *fmt;
  float x, want;
} hard_case;

static hard_case *read_hard(const char *path, size_t *n) {
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  size_t cap = 256, k = 0;
  hard_case *h = malloc(cap * sizeof *h);
  char line[256];
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    char act[16], dir[8], fmt[16], xs[64], ws[64];
    if (sscanf(line, "%15s %7s %15s %63s %63s", act, dir, fmt, xs, ws) != 5) continue;
    if (k == cap) h = realloc(h, (cap *= 2) * sizeof *h);
    snprintf(h[k].act, sizeof h[k].act, "%s", act);
    h[k].deriv = !strcmp(dir, "f'");
    h[k].fmt = format_named(fmt);
    h[k].x = strtof(xs, NULL);
    h[k].want = strtof(ws, NULL);
    if (h[k].fmt) k++;
  }
  fclose(f);
  *n = k;
  return h;
}

/* one kernel's f and f' (dy = 1) at the inputs x */
static void run(const act_impl *m, const act_params *p, const float *x, float *y, float *dx,
                size_t n) {
  act_impl_run(m, p, x, y, dx, n);
}

static void check_hard(const hard_case *h, size_t nh) {
  /* the data against MPFR */
  size_t bad = 0;
  for (size_t i = 0; i < nh; i++) {
    const act_activation *a = act_find_activation(h[i].act);
    float w = want_rn(h[i].act, h[i].deriv, h[i].x, &a->defaults, h[i].fmt);
    if (!same(w, h[i].want)) bad++;
  }
  CHECK(bad == 0, "tests/data/cr_hard.txt: %zu expected results differ from MPFR's", bad);
  for (size_t k = 0; k < act_registry_count; k++) {
    const act_impl *m = &act_registry[k];
    if (!is_cr(m) || !act_impl_available(m)) continue;
    const act_format *fmt = impl_format(m);
    const act_activation *a = act_find_activation(m->activation);
    size_t tried = 0, fails = 0;
    for (size_t i = 0; i < nh; i++) {
      /* the binary32 cases for every kernel (the narrow kernels round x to
       * their format first, so they get the case's x rounded: checked against
       * the reference at that x), the narrow cases for the kernels native to
       * that format */
      if (strcmp(h[i].act, m->activation)) continue;
      if (h[i].fmt != &act_binary32 && h[i].fmt != fmt) continue;
      float x = to_format(h[i].x, fmt), y, dx;
      run(m, &a->defaults, &x, &y, &dx, 1);
      float want =
          (fmt == h[i].fmt) ? h[i].want : want_rn(m->activation, h[i].deriv, x, &a->defaults, fmt);
      float got = h[i].deriv ? dx : y;
      tried++;
      if (!same(got, want)) {
        fails++;
        if (fails <= 5)
          fprintf(stderr, "  %s: f%s(%a) = %a, want %a (%s)\n", m->name, h[i].deriv ? "'" : "",
                  (double)x, (double)got, (double)want, h[i].fmt->name);
      }
    }
    CHECK(tried > 0 && fails == 0, "%s: %zu of %zu hardest cases not correctly rounded", m->name,
          fails, tried);
    printf("%-44s hardest cases: %zu, all correctly rounded: %s\n", m->name, tried,
           fails ? "no" : "yes");
  }
}

/* ---- inputs (values of one format) with their RN(exact f) and RN(exact f')
 * in that format, computed once for the kernels of that format */
typedef struct {
  const char *what;
  const act_format *fmt;
  float *x, *rf, *rd;
  size_t n;
} input_set;

static void set_init(input_set *s, const char *act, const char *what, const act_format *fmt,
                     const float *x0, size_t n) {
  const act_activation *a = act_find_activation(act);
  size_t m = n ? n : 1;
  s->what = what, s->fmt = fmt, s->n = n;
  s->x = malloc(sizeof(float) * m), s->rf = malloc(sizeof(float) * m),
  s->rd = malloc(sizeof(float) * m);
  for (size_t i = 0; i < n; i++) s->x[i] = to_format(x0[i], fmt);
  /* the reference of the exhaustive sweeps: the screen (numerics/screen.c:
   * double-double with proven bounds, checked against MPFR by test_screen),
   * and MPFR for what it does not decide */
  act_ref *r = malloc(2 * sizeof(act_ref) * m);
  unsigned char *mask = malloc(m);
  int id = act_activation_id(act);
  act_screen_init(id);
  act_screen_block(id, s->x, n, &a->defaults, r, r + m, mask);
  for (int d = 0; d < 2; d++) {
    float *out = d ? s->rd : s->rf;
    for (size_t i = 0; i < n; i++) {
      act_ref *ri = &r[d * m + i];
      if (!(mask[i] & (1u << d))) act_reference_id(id, d, s->x[i], &a->defaults, ri);
      out[i] = ri->rn;
      if (fmt != &act_binary32) {
        int tie;
        out[i] = act_narrow_rn(ri, fmt, &tie);
        if (tie) out[i] = act_reference_narrow(id, d, s->x[i], &a->defaults, fmt);
      }
    }
  }
  free(r), free(mask);
}

static void set_free(input_set *s) {
  free(s->x), free(s->rf), free(s->rd);
}

/* every CR kernel of the set's format on its inputs */
static void check_set(const act_impl *m, const input_set *s) {
  const act_activation *a = act_find_activation(m->activation);
  size_t n = s->n, c = n ? n : 1;
  float *x = act_alloc(sizeof(float) * c), *y = act_alloc(sizeof(float) * c),
        *dx = act_alloc(sizeof(float) * c);
  memcpy(x, s->x, sizeof(float) * n);
  run(m, &a->defaults, x, y, dx, n);
  size_t fails[2] = {0, 0};
  for (size_t i = 0; i < n; i++)
    for (int d = 0; d < 2; d++) {
      float got = d ? dx[i] : y[i], want = d ? s->rd[i] : s->rf[i];
      if (!same(got, want) && ++fails[d] <= 3)
        fprintf(stderr, "  %s: f%s(%a) = %a, want %a\n", m->name, d ? "'" : "", (double)x[i],
                (double)got, (double)want);
    }
  CHECK(fails[0] == 0 && fails[1] == 0, "%s (%s): %zu f and %zu f' of %zu not correctly rounded",
        m->name, s->what, fails[0], fails[1], n);
  printf("%-44s %-8s %7zu inputs: %zu f, %zu f' not correctly rounded\n", m->name, s->what, n,
         fails[0], fails[1]);
  act_free(x), act_free(y), act_free(dx);
}

/* dy != 1: dx = RN(RN(f') dy) in the kernel's format (dy rounded to it
 * first), in place too (dx == dy) */
static void check_dy(const act_impl *m) {
  const act_format *fmt = impl_format(m);
  const act_activation *a = act_find_activation(m->activation);
  enum { N = 37 };
  float x[N], dy[N], y[N], dx[N], one[N], g[N], dyc[N];
  for (int i = 0; i < N; i++) {
    x[i] = to_format(-9.0f + 0.487f * (float)i, fmt);
    dy[i] = (i % 3 == 0) ? -0.3f * (float)i : 1.7f + (float)i * 0.11f;
    one[i] = 1.0f;
  }
  m->fwd(x, y, N, &a->defaults);
  m->bwd(x, y, one, g, N, &a->defaults);
  m->bwd(x, y, dy, dx, N, &a->defaults);
  memcpy(dyc, dy, sizeof dy);
  m->bwd(x, y, dyc, dyc, N, &a->defaults); /* in place */
  size_t fails = 0;
  for (int i = 0; i < N; i++) {
    float d = to_format(dy[i], fmt);
    float want = to_format((float)((double)g[i] * (double)d), fmt);
    if (fmt != &act_binary32) want = act_round_to_format((double)g[i] * (double)d, fmt);
    if (!same(dx[i], want) || !same(dyc[i], want)) fails++;
  }
  CHECK(fails == 0, "%s: %zu of %d dx != RN(RN(f') dy)", m->name, fails, N);
}

/* ---- --find-hard: the hardest cases of every CR activation.
 *
 * binary32: every float x of the ranges below has its f and f' evaluated in
 * double with libm (sigmoid 1/(1+e^-x), e/(1+e)^2; tanh, 4e/(1+e)^2 with
 * e = e^-2|x|: within a few 2^-53 relative, i.e. 2^-26 of a binary32 ulp);
 * those within 2^-16 ulp of a midpoint are taken to MPFR (act_reference:
 * 64 significant bits, 2^-40 ulp), and the KEEP closest of each activation
 * and direction are written, with the PER_BINADE closest of each binade of x
 * (write_best).  Outside the ranges no result lies within
 * 1/8 ulp of a midpoint: sigmoid beyond [-104, 18] rounds to 0 or 1 (and f'
 * to 0) with the exact value far below the first midpoint; tanh beyond
 * |x| = 10 rounds to +-1 and f' to values already decided by |x| <= 60 (f' is
 * then < 2^-170, below half the least subnormal); below |x| = 2^-32
 * (sigmoid) or 2^-14 (tanh) the exact values lie within 1/16 ulp of x/4 +
 * 1/2, 1/4, x or 1 (so at least 7/16 ulp from a midpoint).
 * bfloat16, binary16: all 65536 inputs, every one to MPFR. */
enum { KEEP = 48, PER_BINADE = 2 };

typedef struct {
  float x;
  double dist; /* ulps from the nearest midpoint */
  float want;
} cand;

static int by_dist(const void *a, const void *b) {
  double u = ((const cand *)a)->dist, v = ((const cand *)b)->dist;
  return (u > v) - (u < v);
}

/* ulps from the nearest midpoint of fmt, from the reference */
static double ref_dist(const act_ref *r, const act_format *fmt, float rn) {
  double e;
  if (r->cls != ACT_REF_FINITE || act_ulp_error(rn, r, fmt, &e) != ACT_ULP_OK) return INFINITY;
  return 0.5 - e;
}

/* another parameter (sigmoid's slope, elu's alpha, silu's beta): the
 * scalar double-double path, against MPFR on the special values and 4096
 * samples per parameter (not proven exhaustively: docs/accuracy.md) */
static void check_params(const act_impl *m) {
  const act_activation *a = act_find_activation(m->activation);
  if (strcmp(a->name, "sigmoid") && strcmp(a->name, "elu") && strcmp(a->name, "silu") &&
      strcmp(a->name, "softplus"))
    return;
  const act_format *fmt = impl_format(m);
  static const float as[] = {0.5f, 1.75f, -2.0f};
  for (size_t ai = 0; ai < sizeof as / sizeof as[0]; ai++) {
    act_params p = a->defaults;
    p.a = as[ai];
    size_t n = 0, ns;
    float *xs = act_acc_sampled_inputs(a, &p, 4096, 11, &n);
    float sp[64];
    ns = act_acc_special_inputs(a, &p, sp, 64);
    size_t c = n + ns;
    float *x = malloc(sizeof(float) * c), *y = malloc(sizeof(float) * c),
          *dx = malloc(sizeof(float) * c);
    for (size_t i = 0; i < c; i++) x[i] = to_format(i < n ? xs[i] : sp[i - n], fmt);
    run(m, &p, x, y, dx, c);
    size_t fails = 0;
    for (size_t i = 0; i < c; i++)
      for (int d = 0; d < 2; d++) {
        float got = d ? dx[i] : y[i], want = want_rn(a->name, d, x[i], &p, fmt);
        if (!same(got, want) && ++fails <= 3)
          fprintf(stderr, "  %s a=%g: f%s(%a) = %a, want %a\n", m->name, (double)p.a, d ? "'" : "",
                  (double)x[i], (double)got, (double)want);
      }
    CHECK(fails == 0, "%s a=%g: %zu of %zu results not correctly rounded", m->name, (double)p.a,
          fails, 2 * c);
    free(x), free(y), free(dx), free(xs);
  }
}

/* the double estimate of f or f' (sigmoid and tanh here, the others by
 * their descriptor's double evaluation, activations/<name>.c: dref) */
static void approx(const char *act, double x, double *f, double *d) {
  double a = fabs(x);
  int tanh_ = !strcmp(act, "tanh");
  if (!tanh_ && strcmp(act, "sigmoid")) {
    const act_activation *ad = act_find_activation(act);
    *f = ad->dref(0, x, &ad->defaults);
    *d = ad->dref(1, x, &ad->defaults);
    return;
  }
  if (!tanh_) {
    double e = exp(-a);
    *f = x >= 0 ? 1 / (1 + e) : e / (1 + e);
    *d = e / ((1 + e) * (1 + e));
  } else {
    double e = exp(-2 * a);
    *f = tanh(x);
    *d = 4 * e / ((1 + e) * (1 + e));
  }
}

static double dist_estimate(double v) {
  float f = (float)v;
  if ((double)f == v || f == 0 || isinf(f)) return 0.5;
  float nb = nextafterf(f, v > (double)f ? INFINITY : -INFINITY);
  double mid = ((double)f + (double)nb) / 2;
  return fabs(v - mid) / fabs((double)nb - (double)f);
}

static void add_cand(cand **c, size_t *n, size_t *cap, float x, double dist) {
  if (*n == *cap) *c = realloc(*c, (*cap = *cap ? 2 * *cap : 4096) * sizeof **c);
  (*c)[(*n)++] = (cand){x, dist, 0};
}

static void write_best(FILE *out, const char *act, int deriv, const act_format *fmt, cand *c,
                       size_t n) {
  const act_activation *a = act_find_activation(act);
  for (size_t i = 0; i < n; i++) {
    act_ref r;
    act_reference(act, deriv, c[i].x, &a->defaults, &r);
    float rn = r.rn;
    if (fmt != &act_binary32) {
      int tie;
      rn = act_narrow_rn(&r, fmt, &tie);
      if (tie) rn = act_reference_narrow(act_activation_id(act), deriv, c[i].x, &a->defaults, fmt);
    }
    c[i].want = rn;
    c[i].dist = ref_dist(&r, fmt, rn);
  }
  qsort(c, n, sizeof *c, by_dist);
  /* the KEEP nearest, and the PER_BINADE nearest of every binade of x (so
   * that the many near-midpoint cases of x/4 + 1/2 near 0 do not crowd out
   * the rest of the range; binary32 only: the narrow kernels are checked on
   * every input) */
  unsigned char seen[512] = {0};
  for (size_t i = 0; i < n; i++) {
    uint32_t b = act_float_bits(c[i].x) >> 23; /* sign and exponent */
    if (i >= KEEP && (fmt != &act_binary32 || seen[b] >= PER_BINADE)) continue;
    seen[b]++;
    fprintf(out, "%-8s %-3s %-9s %-16a %-16a %.3e\n", act, deriv ? "f'" : "f", fmt->name,
            (double)c[i].x, (double)c[i].want, c[i].dist);
  }
}

static int find_hard(const char *path) {
  FILE *out = fopen(path, "w");
  if (!out) {
    perror(path);
    return 1;
  }
  fprintf(out,
          "# The hardest cases of the correctly rounded kernels (issue 18): the inputs whose\n"
          "# exact f or f' lies nearest a rounding boundary (a midpoint) of the format: the\n"
          "# %d nearest of each activation, direction and format, and in binary32 the %d nearest\n"
          "# of each binade of x.  Written by\n"
          "#   build/tests/test_cr --find-hard tests/data/cr_hard.txt\n"
          "# (tests/test_cr.c, find_hard: how the binary32 inputs are screened).\n"
          "# activation  f|f'  format  x  RN(exact)  ulps from the midpoint (0: nearer\n"
          "# than 2^-40 ulp, the resolution of the reference's 64 bits)\n",
          KEEP, PER_BINADE);
  for (int ai = 0; ai < NACTS; ai++) {
    int sig = !strcmp(cr_acts[ai], "sigmoid");
    double lo = cr_hard_lo[ai], hi = cr_hard_hi[ai];
    cand *c[2] = {NULL, NULL};
    size_t n[2] = {0, 0}, cap[2] = {0, 0};
    uint32_t b0 = act_float_bits((float)lo), b1 = act_float_bits((float)hi);
    for (int s = 0; s < 2; s++)
      for (uint32_t b = b0; b <= b1; b++) {
        float x = act_bits_float(b | (s ? 0x80000000u : 0));
        if (sig && x > 18) continue;
        double f, d;
        approx(cr_acts[ai], (double)x, &f, &d);
        double df = dist_estimate(f), dd = dist_estimate(d);
        if (df < 0x1p-16) add_cand(&c[0], &n[0], &cap[0], x, df);
        if (dd < 0x1p-16) add_cand(&c[1], &n[1], &cap[1], x, dd);
      }
    for (int d = 0; d < 2; d++) {
      fprintf(stderr, "%s f%s binary32: %zu candidates\n", cr_acts[ai], d ? "'" : "", n[d]);
      write_best(out, cr_acts[ai], d, &act_binary32, c[d], n[d]);
      free(c[d]);
    }
    for (int fi = 0; fi < 2; fi++) {
      const act_format *fmt = fi ? &act_binary16 : &act_bfloat16;
      for (int d = 0; d < 2; d++) {
        cand *cc = malloc(65536 * sizeof *cc);
        size_t k = 0;
        for (uint32_t b = 0; b < 65536; b++) {
          float x = fi ? half_float(b) : act_bits_float(b << 16);
          if (!isfinite(x)) continue;
          cc[k++] = (cand){x, 0, 0};
        }
        write_best(out, cr_acts[ai], d, fmt, cc, k);
        free(cc);
      }
    }
  }
  fclose(out);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 2 && !strcmp(argv[1], "--find-hard")) return find_hard(argv[2]);
  size_t nh = 0;
  char path[4096];
  data_path(path, sizeof path);
  hard_case *h = read_hard(path, &nh);
  CHECK(h && nh > 0, "%s: no cases read", path);
  /* every activation with a CR kernel has all six: AVX2 and AVX-512, each in
   * binary32, bfloat16 and binary16 */
  for (size_t ai = 0; ai < act_activation_count; ai++) {
    size_t ncr = 0;
    for (size_t k = 0; k < act_registry_count; k++)
      ncr +=
          is_cr(&act_registry[k]) && !strcmp(act_registry[k].activation, act_activations[ai]->name);
    CHECK(ncr == 0 || ncr == 6, "%s: %zu correctly rounded kernels, want 6",
          act_activations[ai]->name, ncr);
  }
  if (h) check_hard(h, nh);
  free(h);
  float *all = malloc(sizeof(float) * 65536);
  for (size_t ai = 0; ai < act_activation_count; ai++) {
    const act_activation *act = act_activations[ai];
    int any = 0;
    for (size_t k = 0; k < act_registry_count; k++)
      any |= is_cr(&act_registry[k]) && !strcmp(act_registry[k].activation, act->name);
    if (!any) continue;
    act_params p = act->defaults;
    size_t n, ns;
    float *xs = act_acc_sampled_inputs(act, &p, (size_t)1 << 18, 7, &n);
    float sp[64];
    ns = act_acc_special_inputs(act, &p, sp, 64);
    /* special values and the sampled sweep in binary32, the special values
     * and every input in bfloat16 and binary16 */
    input_set sets[6];
    const act_format *fmts[3] = {&act_binary32, &act_bfloat16, &act_binary16};
    for (int f = 0; f < 3; f++) {
      set_init(&sets[2 * f], act->name, "special", fmts[f], sp, ns);
      if (f == 0) {
        set_init(&sets[1], act->name, "sampled", fmts[0], xs, n);
      } else {
        for (uint32_t b = 0; b < 65536; b++)
          all[b] = f == 1 ? act_bits_float(b << 16) : half_float(b);
        set_init(&sets[2 * f + 1], act->name, "all", fmts[f], all, 65536);
      }
    }
    for (size_t k = 0; k < act_registry_count; k++) {
      const act_impl *m = &act_registry[k];
      if (!is_cr(m) || strcmp(m->activation, act->name) || !act_impl_available(m)) continue;
      for (int i = 0; i < 6; i++)
        if (sets[i].fmt == impl_format(m)) check_set(m, &sets[i]);
      check_dy(m);
      check_params(m);
    }
    for (int i = 0; i < 6; i++) set_free(&sets[i]);
    free(xs);
  }
  free(all);
  return check_done();
}
