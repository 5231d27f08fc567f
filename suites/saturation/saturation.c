/* actbench saturation: where gradients vanish.
 *
 * Mathematically (from MPFR): for each eps, the sets of x where |f'(x)| < eps
 * and where f'(x) = 0, as intervals (intervals.c); the old "math" member (the
 * |x| beyond which |f'| < eps) is read off those sets.
 * Numerically (per implementation): the first x, going outward from 0 (0
 * itself excluded: that is the kink of the piecewise-linear ones), where
 * the computed gradient is exactly zero, whether the correctly rounded
 * gradient is still nonzero there (a premature zero), and the first x where
 * the computed f equals its asymptote.  The scan visits every stride-th float
 * bit pattern and then every float of the last step, so the point it reports
 * is exact to the float provided the computed value does not flip back and
 * forth inside a step.
 * In binary32, bfloat16 and binary16 (numeric.c): the implementations and
 * the derivative formulas people use (formulas.c) against the exact f'.
 * Under a normal law, through depth, and dying ReLU: dist.c.
 */
#include "saturation.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numerics.h"
#include "select.h"
#include "util.h"

#define MAX_IMPLS 512
#define BATCH 65536

/* the thresholds; the first five are those of the old "math" member */
static const double k_eps[] = {1e-1, 1e-2, 1e-3, 1e-6, 0x1p-23, 0x1p-7, 0x1p-10};
static const char *const k_eps_label[] = {"1e-1",
                                          "1e-2",
                                          "1e-3",
                                          "1e-6",
                                          "binary32 epsilon 2^-23",
                                          "bfloat16 epsilon 2^-7",
                                          "binary16 epsilon 2^-10"};
static const char *const k_eps_format[] = {NULL,       NULL,       NULL,      NULL,
                                           "binary32", "bfloat16", "binary16"};
#define N_EPS (sizeof k_eps / sizeof k_eps[0])
#define N_EPS_OLD 5

static double exact_df(const act_activation *act, const act_params *p, double x) {
  act_ref r;
  act_reference(act->name, 1, (float)x, p, &r);
  return fabs(r.hi + r.lo);
}

static float exact_rn(const act_activation *act, const act_params *p, int deriv, float x) {
  act_ref r;
  act_reference(act->name, deriv, x, p, &r);
  return r.rn;
}

/* f is bounded on side dir (act_bounded): the value it tends to, rounded
 * (RN(f(+-FLT_MAX))) */
static float asymptote(const act_activation *act, const act_params *p, int dir) {
  return exact_rn(act, p, 0, dir * FLT_MAX);
}

/* f' is the same constant all along side dir (ReLU, leaky ReLU): that side
 * is dead (f' = 0) or linear, and the report says so instead of a threshold */
static int constant_side(const act_activation *act, const act_params *p, int dir) {
  double d = exact_df(act, p, dir * 1.0);
  return exact_df(act, p, dir * 0x1p-100) == d && exact_df(act, p, dir * 1e30) == d &&
         exact_df(act, p, dir * 3.0) == d;
}

/* the old "math" member's side object, from a set */
static json_t *math_side(const sat_set *set, int dir) {
  json_t *o = json_object();
  float x = 0;
  int k = sat_set_side(set, dir, &x);
  json_object_set_new(o, "kind", json_string(k == 0 ? "never" : k == 1 ? "all" : "beyond"));
  if (k == 2) json_object_set_new(o, "x", json_real(x));
  return o;
}

/* a set as [{"lo", "hi"}] (at most cap intervals), the ends of the
 * format's range (+-top) as "-inf" / "inf" */
static json_t *jset(const sat_set *s, size_t cap, double top) {
  json_t *a = json_array();
  for (size_t i = 0; i < s->n && i < cap; i++) {
    json_t *o = json_object();
    json_object_set_new(o, "lo", s->v[i].lo <= -top ? json_string("-inf") : json_real(s->v[i].lo));
    json_object_set_new(o, "hi", s->v[i].hi >= top ? json_string("inf") : json_real(s->v[i].hi));
    json_array_append_new(a, o);
  }
  return a;
}

/* a set in words, for the terminal */
static void print_set(const sat_set *s) {
  if (s->n == 0) printf("{}");
  for (size_t i = 0; i < s->n && i < 6; i++) {
    if (i) printf(" u ");
    if (s->v[i].lo == s->v[i].hi)
      printf("{%.6g}", (double)s->v[i].lo);
    else if (s->v[i].lo <= -FLT_MAX)
      printf("(-inf, %.6g]", (double)s->v[i].hi);
    else if (s->v[i].hi >= FLT_MAX)
      printf("[%.6g, inf)", (double)s->v[i].lo);
    else
      printf("[%.6g, %.6g]", (double)s->v[i].lo, (double)s->v[i].hi);
  }
  if (s->n > 6) printf(" u ... (%zu intervals)", s->n);
}

typedef int (*hit_fn)(const float *y, const float *dx, size_t i, float target);
static int hit_zero_grad(const float *y, const float *dx, size_t i, float target) {
  (void)y;
  (void)target;
  return dx[i] == 0.0f;
}
static int hit_asymptote(const float *y, const float *dx, size_t i, float target) {
  (void)dx;
  return y[i] == target;
}

/* Float order index of the first float, going outward in dir, where hit(). */
static int64_t scan(const act_impl *m, const act_params *p, int dir, uint32_t stride, hit_fn hit,
                    float target, uint32_t start, float *x, float *y, float *dx) {
  const uint32_t last = 0x7f7fffffu; /* FLT_MAX */
  float sgn = dir < 0 ? -1.0f : 1.0f;
  for (uint64_t k = start; k <= last;) {
    size_t n = 0;
    for (; n < BATCH && k <= last; n++, k += stride) x[n] = sgn * act_bits_float((uint32_t)k);
    act_impl_run(m, p, x, y, dx, n);
    for (size_t i = 0; i < n; i++) {
      if (hit(y, dx, i, target)) {
        uint32_t b = act_float_bits(fabsf(x[i]));
        /* every float between the previous step and this one */
        uint32_t from = b >= start + stride ? b - stride + 1 : start, cnt = b - from + 1;
        float *x2 = act_alloc(sizeof(float) * cnt), *y2 = act_alloc(sizeof(float) * cnt),
              *d2 = act_alloc(sizeof(float) * cnt);
        for (uint32_t j = 0; j < cnt; j++) x2[j] = sgn * act_bits_float(from + j);
        act_impl_run(m, p, x2, y2, d2, cnt);
        uint32_t found = b;
        for (uint32_t j = 0; j < cnt; j++)
          if (hit(y2, d2, j, target)) {
            found = from + j;
            break;
          }
        act_free(x2);
        act_free(y2);
        act_free(d2);
        return (int64_t)found;
      }
    }
  }
  return -1;
}

static json_t *jx(float v) {
  char b[32];
  return isnan(v) ? json_null() : json_string(act_fmt_float(b, v));
}

static json_t *pair(json_t *neg, json_t *pos) {
  json_t *o = json_object();
  json_object_set_new(o, "neg", neg);
  json_object_set_new(o, "pos", pos);
  return o;
}

static void usage(FILE *f) {
  fprintf(
      f,
      "usage: actbench saturation [options]\n"
      "Where gradients vanish, for every activation:\n"
      " - the sets of x where |f'(x)| < eps (eps = 1e-1, 1e-2, 1e-3, 1e-6 and the epsilons\n"
      "   of binary32, bfloat16 and binary16) and where f'(x) = 0, as intervals, from MPFR;\n"
      " - per implementation the first x where its computed f' is exactly 0 (and whether the\n"
      "   correctly rounded f' is still nonzero there) and where its f reaches the asymptote;\n"
      " - in binary32, bfloat16 and binary16, for the implementations and for the derivative\n"
      "   formulas people use (from x, from the output y, stable forms): where f' is computed\n"
      "   0 while the exact one is not, where it is off by more than 1%%, where f has rounded\n"
      "   to its asymptote;\n"
      " - the fraction of saturated or dead units for x ~ N(mu, sigma^2), exact and by Monte\n"
      "   Carlo; E[f'(x)]^L through L layers and the gradient a chain of L layers delivers in\n"
      "   each format; dying ReLU in a layer with a shifted bias.\n"
      "  --activation A     only this activation (default: all)\n"
      "  --impl PATTERN     only these implementations\n"
      "  --stride N         implementations' zero and asymptote scan: every N-th float, then\n"
      "                     every float of the last step (default 64; 1 scans every float)\n"
      "  --a VALUE          the slope parameter a (default: the activation's default)\n"
      "  --points N         points of the exact f / f' curve (default 801)\n"
      "  --formats LIST     formats of the numerical analysis, comma-separated: binary32\n"
      "                     (float), bfloat16 (bf16), binary16 (half) (default: all three)\n"
      "  --float-stride N   binary32 inputs: every N-th float bit pattern, the first hit of\n"
      "                     each property refined to the float (default 4096, 256 to 2^24;\n"
      "                     bfloat16 and binary16: every value)\n"
      "  --mc N             Monte Carlo draws per (mu, sigma) of the normal table (default\n"
      "                     10000; 0: none)\n"
      "  --chains N         chains of the delivered-gradient experiment per scale (default 1000)\n"
      "  --depth L          layers of the depth experiment (default 100)\n"
      "  --units N          dying ReLU: units per layer (default 256)\n"
      "  --fan-in D         dying ReLU: inputs per unit (default 64)\n"
      "  --trials N         dying ReLU: layers (and batches) drawn (default 16)\n"
      "  --seed S           seed of every random draw (default 1)\n"
      "  --out DIR          write DIR/saturation.json (default: results)\n");
}

/* a format name as the user may write it */
static const act_format *format_of(const char *s) {
  if (!strcmp(s, "binary32") || !strcmp(s, "float") || !strcmp(s, "fp32")) return &act_binary32;
  if (!strcmp(s, "bfloat16") || !strcmp(s, "bf16")) return &act_bfloat16;
  if (!strcmp(s, "binary16") || !strcmp(s, "half") || !strcmp(s, "fp16")) return &act_binary16;
  return NULL;
}

static json_t *jcount(const uint64_t v[2]) {
  return json_pack("{s:I, s:I}", "neg", (json_int_t)v[0], "pos", (json_int_t)v[1]);
}

static const char *fx(char b[32], float v) {
  return isnan(v) ? "-" : act_fmt_float(b, v);
}

/* the implementations of an activation that the numerical analysis runs in
 * format fmt: available, with a backward kernel; a kernel native to a narrow
 * format only there */
static int runs_in(const act_impl *m, const act_format *fmt) {
  if (!act_impl_available(m) || !m->bwd) return 0;
  if (m->flags & ACT_NATIVE)
    return (fmt == &act_bfloat16 && (m->flags & ACT_NATIVE_BF16)) ||
           (fmt == &act_binary16 && (m->flags & ACT_NATIVE_F16));
  return 1;
}

/* the numbers of a row of the normal table at mu = 0, for the terminal */
static void print_mu0(const char *what, json_t *row) {
  json_t *ex = json_object_get(row, "exact"), *mc = json_object_get(row, "mc");
  size_t i0 = 3; /* mu = 0 */
  printf("    %-28s", what);
  for (size_t j = 2; j < sat_sigma_count; j++) {
    double e = json_number_value(json_array_get(json_array_get(ex, i0), j));
    json_t *m = json_array_get(json_array_get(mc, i0), j);
    printf("  s=%g: %.4f", sat_sigma_grid[j], e);
    if (json_is_number(m)) printf(" (mc %.4f)", json_number_value(m));
  }
  printf("\n");
}

int act_saturation_main(int argc, char **argv) {
  const char *activation = NULL, *pattern = NULL, *out = "results";
  uint32_t stride = 64, fstride = 4096;
  int have_a = 0, points = 801;
  float a = 0;
  sat_opts o = {1, 10000, 1000, 100, 256, 64, 16};
  const act_format *fmts[3] = {&act_binary32, &act_bfloat16, &act_binary16};
  size_t nfmt = 3;
  for (int i = 1; i < argc; i++) {
    const char *op = argv[i];
    if (!strcmp(op, "--help") || !strcmp(op, "-h")) {
      usage(stdout);
      return 0;
    }
    if (i + 1 >= argc) act_die("saturation: unknown or incomplete option '%s' (see --help)", op);
    const char *v = argv[++i];
    if (!strcmp(op, "--activation"))
      activation = v;
    else if (!strcmp(op, "--impl"))
      pattern = v;
    else if (!strcmp(op, "--stride"))
      stride = (uint32_t)act_parse_int("--stride", v, 1, 1 << 24);
    else if (!strcmp(op, "--a")) {
      a = act_parse_float("--a", v);
      have_a = 1;
      if (!isfinite(a)) act_die("saturation: --a must be finite");
    } else if (!strcmp(op, "--points"))
      points = (int)act_parse_int("--points", v, 2, 1000000);
    else if (!strcmp(op, "--out"))
      out = v;
    else if (!strcmp(op, "--float-stride"))
      fstride = (uint32_t)act_parse_int("--float-stride", v, 256, 1 << 24);
    else if (!strcmp(op, "--mc"))
      o.mc = (int)act_parse_int("--mc", v, 0, 100000000);
    else if (!strcmp(op, "--chains"))
      o.chains = (int)act_parse_int("--chains", v, 1, 10000000);
    else if (!strcmp(op, "--depth"))
      o.depth = (int)act_parse_int("--depth", v, 1, 100000);
    else if (!strcmp(op, "--units"))
      o.units = (int)act_parse_int("--units", v, 1, 1000000);
    else if (!strcmp(op, "--fan-in"))
      o.fan_in = (int)act_parse_int("--fan-in", v, 1, 100000);
    else if (!strcmp(op, "--trials"))
      o.trials = (int)act_parse_int("--trials", v, 1, 100000);
    else if (!strcmp(op, "--seed"))
      o.seed = (uint64_t)act_parse_int("--seed", v, 0, INT64_MAX);
    else if (!strcmp(op, "--formats")) {
      nfmt = 0;
      char buf[256];
      if (strlen(v) >= sizeof buf) act_die("saturation: --formats: list too long");
      strcpy(buf, v);
      for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
        const act_format *f = format_of(t);
        if (!f)
          act_die("saturation: --formats: unknown format '%s' (binary32, bfloat16, binary16)", t);
        int dup = 0;
        for (size_t k = 0; k < nfmt; k++) dup |= fmts[k] == f;
        if (!dup) fmts[nfmt++] = f;
      }
      if (nfmt == 0) act_die("saturation: --formats: no format given");
    } else
      act_die("saturation: unknown option '%s' (see actbench saturation --help)", op);
  }
  if ((size_t)o.units * (size_t)o.fan_in > (size_t)1 << 28)
    act_die("saturation: --units times --fan-in is too large (at most 2^28)");
  const act_impl *sel[MAX_IMPLS], *all[MAX_IMPLS];
  size_t nall = act_select(activation, pattern, all, MAX_IMPLS);
  memcpy(sel, all, nall * sizeof *all);
  size_t nsel = act_drop_native(sel, nall);
  if (nsel == 0)
    act_die(
        "saturation: nothing selected (kernels native to bfloat16/binary16 are measured by "
        "the accuracy suite only)");
  /* --a applies to every activation selected, or is refused */
  const act_activation *sacts[ACT_MAX_ACTS];
  size_t nsacts = 0;
  for (size_t i = 0; i < act_activation_count && nsacts < ACT_MAX_ACTS; i++) {
    const act_activation *act = act_activations[i];
    if (activation && strcmp(activation, act->name)) continue;
    int any = 0;
    for (size_t k = 0; k < nsel && !any; k++) any = !strcmp(sel[k]->activation, act->name);
    if (any) sacts[nsacts++] = act;
  }
  act_check_params("saturation", sacts, nsacts, have_a, a, 0, 0);
  if (act_parse_only) return 0; /* the fuzz targets: options checked, nothing run */
  act_ensure_dir(out);
  {
    static const char *const names[] = {"saturation.json.tmp.%p"};
    act_remove_stale(out, names, 1);
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/saturation.json", out);
  sat_fmt fc[3];
  const sat_fmt *fcp[3];
  for (size_t f = 0; f < nfmt; f++) sat_fmt_init(&fc[f], fmts[f]), fcp[f] = &fc[f];

  json_t *doc = json_object();
  json_object_set_new(doc, "kind", json_string("saturation"));
  json_object_set_new(doc, "actbench_version", json_string(ACTBENCH_VERSION));
  json_object_set_new(doc, "context", act_context_json());
  json_t *js = json_object();
  json_object_set_new(js, "stride", json_integer(stride));
  json_object_set_new(js, "note",
                      json_string("every stride-th float bit pattern outward from 0, then every "
                                  "float of the last step; f' computed with dy = 1 from the "
                                  "implementation's own forward output"));
  json_object_set_new(doc, "scan", js);
  json_object_set_new(doc, "sets_scan", json_string(sat_math_scan_note));
  json_t *jn = json_object();
  json_t *jf = json_array();
  for (size_t f = 0; f < nfmt; f++) json_array_append_new(jf, json_string(fmts[f]->name));
  json_object_set_new(jn, "formats", jf);
  json_object_set_new(jn, "float_stride", json_integer(fstride));
  json_object_set_new(
      jn, "note",
      json_string(
          "inputs: every finite value of bfloat16 and binary16, every float_stride-th binary32 "
          "bit pattern (with the smallest subnormal and FLT_MAX), both signs, 0 apart; in "
          "binary32 the first input of each property is refined to the float (every float "
          "between the sample where it first holds and the one before), so a property that "
          "holds only between two samples is missed. Formulas: every operation and function "
          "rounded to the format. Implementations: the float kernels on the format's inputs, "
          "the forward output y stored in the format and given to the backward kernel, f' "
          "rounded to the format (bfloat16/binary16 tensors in a framework). Exact: f' from a "
          "double-precision evaluation checked against MPFR (tests/test_formulas.c); off by "
          "more than 1% is counted where |RN(exact)| is at least the format's least normal, or "
          "the exact f' is 0"));
  json_object_set_new(doc, "numerical_settings", jn);
  json_t *jo = json_object();
  json_object_set_new(jo, "seed", json_integer((json_int_t)o.seed));
  json_object_set_new(jo, "mc", json_integer(o.mc));
  json_object_set_new(jo, "chains", json_integer(o.chains));
  json_object_set_new(jo, "depth", json_integer(o.depth));
  json_object_set_new(
      jo, "normal_note",
      json_string("exact: P(RN(X) in S) for X ~ N(mu, sigma^2), the sum over the intervals of S "
                  "of the normal probability of their rounding cells (erfc, no cancellation); "
                  "S is a set of floats (math) or of the format's values (numerical); mc: the "
                  "fraction of mc draws (the same standard normal draws for every cell, x = mu + "
                  "sigma z rounded to the format) in S, with its standard error "
                  "sqrt(p(1-p)/mc); numerical binary32 rows run the gradient on the draws, "
                  "bfloat16 and binary16 rows look the rounded draw up in the exhaustive set"));
  json_object_set_new(
      jo, "depth_note",
      json_string(
          "product[s][L-1] = E[f'(x)]^L: E[prod f'(x_l)] for x_l ~ N(0, s^2) independent, "
          "E[f'(x)] by Gauss-Legendre quadrature in double (mean_df); geo_mean_abs_df = "
          "exp(E[log |f'|]) (null where f' = 0 with positive probability); delivered: "
          "chains of x_l ~ N(0, s^2) rounded to the format, g_L = RN(g_{L-1} * f'_computed(x_L)), "
          "g_0 = 1, against the exact product at the same inputs: the median relative "
          "error over the chains whose exact product is not 0 (a computed 0 counts as "
          "1), the fraction of chains computed 0 while the exact product is not "
          "(underflow), and, per format, the fraction whose exact product is 0 "
          "(exact_zero) or below half the format's smallest subnormal (exact_underflow)"));
  json_object_set_new(doc, "settings", jo);
  json_t *acts = json_array();
  float *x = act_alloc(sizeof(float) * BATCH), *y = act_alloc(sizeof(float) * BATCH),
        *dx = act_alloc(sizeof(float) * BATCH);
  int want_dying = 0;
  act_params leaky_p = act_find_activation("leaky_relu")->defaults,
             elu_p = act_find_activation("elu")->defaults;

  for (size_t ai = 0; ai < act_activation_count; ai++) {
    const act_activation *act = act_activations[ai];
    if (activation && strcmp(activation, act->name)) continue;
    int any = 0;
    for (size_t k = 0; k < nsel; k++)
      if (!strcmp(sel[k]->activation, act->name)) any = 1;
    if (!any) continue;
    act_params p = act->defaults;
    if (have_a) p.a = a;
    if (act->params_invalid && act->params_invalid(&p)) continue;
    int id = act_activation_id(act->name);
    if (!strcmp(act->name, "relu") || !strcmp(act->name, "leaky_relu") || !strcmp(act->name, "elu"))
      want_dying = 1;
    if (!strcmp(act->name, "leaky_relu")) leaky_p = p;
    if (!strcmp(act->name, "elu")) elu_p = p;
    json_t *ja = act_activation_json(act, &p);

    /* the exact curve over the plot range */
    json_t *cx = json_array(), *cf = json_array(), *cd = json_array();
    for (int i = 0; i < points; i++) {
      float xv = (float)(act->plot_lo + (act->plot_hi - act->plot_lo) * i / (points - 1));
      act_ref rf, rd;
      act_reference(act->name, 0, xv, &p, &rf);
      act_reference(act->name, 1, xv, &p, &rd);
      json_array_append_new(cx, json_real(xv));
      json_array_append_new(cf, json_real(rf.hi + rf.lo));
      json_array_append_new(cd, json_real(rd.hi + rd.lo));
    }
    json_t *jc = json_object();
    json_object_set_new(jc, "x", cx);
    json_object_set_new(jc, "f", cf);
    json_object_set_new(jc, "df", cd);
    json_object_set_new(ja, "curve", jc);

    /* the sets, and the old "math" member read off them */
    sat_math ms;
    sat_math_sets(id, &p, N_EPS, k_eps, &ms);
    json_t *jm = json_array();
    char pa[48] = "";
    if (act->param_names[0]) snprintf(pa, sizeof pa, " (a = %g)", (double)p.a);
    printf("%s%s\n  mathematical: |f'(x)| < eps for", act->name, pa);
    for (size_t e = 0; e < N_EPS_OLD; e++) {
      json_t *row = json_object();
      json_object_set_new(row, "eps", json_real(k_eps[e]));
      json_t *neg = math_side(&ms.lt[e], -1), *pos = math_side(&ms.lt[e], 1);
      const char *kn = json_string_value(json_object_get(neg, "kind"));
      const char *kp = json_string_value(json_object_get(pos, "kind"));
      if (!strcmp(kp, "beyond"))
        printf("  [eps %g: |x| > %.6g]", k_eps[e], json_real_value(json_object_get(pos, "x")));
      else
        printf("  [eps %g: x<0 %s, x>0 %s]", k_eps[e], kn, kp);
      json_object_set_new(row, "neg", neg);
      json_object_set_new(row, "pos", pos);
      json_array_append_new(jm, row);
    }
    printf("\n");
    json_object_set_new(ja, "math", jm);
    json_t *jsets = json_object(), *jlt = json_array();
    for (size_t e = 0; e < N_EPS; e++) {
      json_t *row = json_object();
      json_object_set_new(row, "eps", json_real(k_eps[e]));
      json_object_set_new(row, "label", json_string(k_eps_label[e]));
      json_object_set_new(row, "format",
                          k_eps_format[e] ? json_string(k_eps_format[e]) : json_null());
      json_object_set_new(row, "intervals", jset(&ms.lt[e], (size_t)-1, FLT_MAX));
      json_array_append_new(jlt, row);
    }
    json_object_set_new(jsets, "lt", jlt);
    json_object_set_new(jsets, "dead", jset(&ms.dead, (size_t)-1, FLT_MAX));
    json_object_set_new(jsets, "samples", json_integer((json_int_t)ms.samples));
    json_object_set_new(jsets, "minima", json_integer((json_int_t)ms.minima));
    json_object_set_new(jsets, "evaluations", json_integer((json_int_t)ms.evaluations));
    json_object_set_new(ja, "sets", jsets);
    printf("  sets: |f'| < 1e-3 on ");
    print_set(&ms.lt[2]);
    printf("; f' = 0 on ");
    print_set(&ms.dead);
    printf("\n");

    float ez[2] = {NAN, NAN}, ea[2] = {NAN, NAN};
    int dead[2];
    for (int s = 0; s < 2; s++) {
      int dir = s ? 1 : -1;
      dead[s] = constant_side(act, &p, dir);
      /* f' rounds to 0 far out on this side (and is not 0 all along it) */
      if (!dead[s] && exact_rn(act, &p, 1, dir * FLT_MAX) == 0)
        ez[s] = act_ref_first_equal(act->name, 1, &p, dir, 0.0f);
      else if (dead[s] && exact_rn(act, &p, 1, dir * 1.0f) == 0)
        ez[s] = dir * 0x1p-149f; /* a dead side: f' = 0 from the first float on */
      if (act_bounded(act, dir))
        ea[s] = act_ref_first_equal(act->name, 0, &p, dir, asymptote(act, &p, dir));
    }
    if (act_bounded(act, -1) || act_bounded(act, 1) || !isnan(ez[0]) || !isnan(ez[1])) {
      printf(
          "  exact, rounded to float: f reaches its asymptote at x = %g / %g; f' rounds to 0 "
          "from x = %g / %g\n",
          (double)ea[0], (double)ea[1], (double)ez[0], (double)ez[1]);
    }
    json_object_set_new(ja, "exact_zero", pair(jx(ez[0]), jx(ez[1])));
    json_object_set_new(ja, "exact_asymptote", pair(jx(ea[0]), jx(ea[1])));

    json_t *impls = json_array();
    for (size_t k = 0; k < nsel; k++) {
      const act_impl *m = sel[k];
      if (strcmp(m->activation, act->name)) continue;
      json_t *ji = act_impl_json(m);
      int avail = act_impl_available(m);
      if (!avail) {
        json_array_append_new(impls, ji);
        printf("  %-38s unavailable on this CPU\n", m->name);
        continue;
      }
      float gz[2], fa[2] = {NAN, NAN};
      int premature[2] = {0, 0};
      for (int s = 0; s < 2; s++) {
        int dir = s ? 1 : -1;
        /* f' from the smallest subnormal outward; f's asymptote from |x| = 1
         * (a zero asymptote is also met next to x = 0) */
        int64_t b = m->bwd ? scan(m, &p, dir, stride, hit_zero_grad, 0, 1, x, y, dx) : -1;
        gz[s] = b < 0 ? NAN : (dir < 0 ? -1.0f : 1.0f) * act_bits_float((uint32_t)b);
        if (!isnan(gz[s])) {
          act_ref r;
          act_reference(act->name, 1, gz[s], &p, &r);
          premature[s] = r.rn != 0.0f;
        }
        if (act_bounded(act, dir)) {
          b = scan(m, &p, dir, stride, hit_asymptote, asymptote(act, &p, dir), 0x3f800000u, x, y,
                   dx);
          fa[s] = b < 0 ? NAN : (dir < 0 ? -1.0f : 1.0f) * act_bits_float((uint32_t)b);
        }
      }
      json_object_set_new(ji, "grad_zero", pair(jx(gz[0]), jx(gz[1])));
      json_t *jpm = json_object();
      json_object_set_new(jpm, "neg", json_boolean(premature[0]));
      json_object_set_new(jpm, "pos", json_boolean(premature[1]));
      json_object_set_new(ji, "grad_zero_premature", jpm);
      json_object_set_new(ji, "f_asymptote", pair(jx(fa[0]), jx(fa[1])));
      /* the dead side of the piecewise-linear activations, checked on every
       * stride-th negative float */
      if (dead[0] && m->bwd) {
        double want = exact_df(act, &p, -1.0);
        size_t bad = 0, seen = 0;
        for (uint64_t kk = 1; kk <= 0x7f800000u;) {
          size_t n = 0;
          for (; n < BATCH && kk <= 0x7f800000u; n++, kk += (uint64_t)stride * 64)
            x[n] = -act_bits_float((uint32_t)kk);
          act_impl_run(m, &p, x, y, dx, n);
          for (size_t i = 0; i < n; i++) bad += dx[i] != (float)want;
          seen += n;
        }
        char line[160];
        snprintf(line, sizeof line, "f' = %g for all x <= 0%s (checked on %zu inputs, %zu differ)",
                 want, want == 0 ? ": the unit is dead there" : "", seen, bad);
        json_object_set_new(ji, "dead_side", json_string(line));
        printf("  %-38s %s\n", m->name, line);
      } else if (!m->bwd) {
        json_object_set_new(ji, "dead_side", json_null());
        printf("  %-38s no backward kernel; f at asymptote from x = %g / %g\n", m->name,
               (double)fa[0], (double)fa[1]);
      } else {
        json_object_set_new(ji, "dead_side", json_null());
        printf(
            "  %-38s f' computed 0 from x = %g%s / %g%s; f at asymptote from x = %g / %g  "
            "[f' = %s]\n",
            m->name, (double)gz[0], premature[0] ? " (premature)" : "", (double)gz[1],
            premature[1] ? " (premature)" : "", (double)fa[0], (double)fa[1],
            m->bwd_formula ? m->bwd_formula : "");
      }
      json_array_append_new(impls, ji);
    }
    json_object_set_new(ja, "implementations", impls);

    /* ---- the numerical analysis in each format */
    size_t nev_cap = 8 + nall + act->n_formulas;
    sat_evaluator *ev = calloc(nev_cap * nfmt, sizeof *ev);
    sat_num *res = calloc(nev_cap * nfmt, sizeof *res);
    sat_zero_entry *ze = calloc(nev_cap * nfmt, sizeof *ze);
    if (!ev || !res || !ze) act_die("out of memory");
    size_t nres = 0;
    json_t *jnum = json_array();
    for (size_t f = 0; f < nfmt; f++) {
      const sat_fmt *c = &fc[f];
      sat_inputs in;
      sat_inputs_make(&in, c, fstride, id, &p);
      double lim[2];
      for (int s = 0; s < 2; s++) {
        int dir = s ? 1 : -1;
        lim[s] = !act_bounded(act, dir) ? NAN
                 : c->fmt == &act_binary32
                     ? (double)asymptote(act, &p, dir)
                     : (double)act_reference_narrow(id, 0, dir * FLT_MAX, &p, c->fmt);
      }
      json_t *jfmt = json_object();
      json_object_set_new(jfmt, "format", json_string(c->fmt->name));
      json_object_set_new(jfmt, "inputs_per_side", json_integer((json_int_t)in.n));
      json_object_set_new(jfmt, "stride", json_integer(in.stride));
      json_object_set_new(jfmt, "least_normal", json_real(c->min_normal));
      json_object_set_new(jfmt, "limit",
                          pair(isnan(lim[0]) ? json_null() : json_real(lim[0]),
                               isnan(lim[1]) ? json_null() : json_real(lim[1])));
      /* the evaluators: exact, implementations, formulas */
      size_t first = nres;
      ev[nres].kind = SAT_EXACT;
      snprintf(ev[nres].name, sizeof ev[nres].name, "%s.exact", act->name);
      nres++;
      for (size_t k = 0; k < nall; k++) {
        const act_impl *m = all[k];
        if (strcmp(m->activation, act->name) || !runs_in(m, c->fmt)) continue;
        ev[nres].kind = SAT_IMPL;
        ev[nres].impl = m;
        snprintf(ev[nres].name, sizeof ev[nres].name, "%s", m->name);
        nres++;
      }
      for (size_t k = 0; k < act->n_formulas; k++) {
        ev[nres].kind = SAT_FORMULA;
        ev[nres].formula = &act->formulas[k];
        snprintf(ev[nres].name, sizeof ev[nres].name, "%s.formula.%s", act->name,
                 act->formulas[k].key);
        nres++;
      }
      json_t *jev = json_array();
      char b1[32], b2[32], b3[32], b4[32], b5[32], b6[32];
      for (size_t k = first; k < nres; k++) {
        sat_num *r = &res[k];
        sat_numeric(&ev[k], id, &p, &in, lim, r);
        ze[k].c = c;
        ze[k].e = &ev[k];
        ze[k].zeros = &r->zeros;
        if (ev[k].kind == SAT_EXACT) {
          json_t *je = json_object();
          json_object_set_new(je, "zero_from", pair(jx(r->zero_from[0]), jx(r->zero_from[1])));
          json_object_set_new(je, "subnormal_from",
                              pair(jx(r->subnormal_from[0]), jx(r->subnormal_from[1])));
          json_object_set_new(je, "asymptote", pair(jx(r->asym[0]), jx(r->asym[1])));
          json_object_set_new(je, "zero_set", jset(&r->zeros, 32, c->max_finite));
          json_object_set_new(jfmt, "exact", je);
          printf(
              "  %s (%zu inputs a side%s): RN(f') = 0 from %s / %s, below the least normal "
              "from %s / %s; RN(f) = asymptote from %s / %s\n",
              c->fmt->name, in.n, in.stride > 1 ? ", sampled" : "", fx(b1, r->zero_from[0]),
              fx(b2, r->zero_from[1]), fx(b3, r->subnormal_from[0]), fx(b4, r->subnormal_from[1]),
              fx(b5, r->asym[0]), fx(b6, r->asym[1]));
          continue;
        }
        json_t *je = json_object();
        json_object_set_new(je, "name", json_string(ev[k].name));
        json_object_set_new(je, "kind",
                            json_string(ev[k].kind == SAT_IMPL ? "implementation" : "formula"));
        if (ev[k].kind == SAT_IMPL) {
          json_object_set_new(je, "formula",
                              json_string(ev[k].impl->bwd_formula ? ev[k].impl->bwd_formula : ""));
          json_object_set_new(je, "from", json_null());
        } else {
          json_object_set_new(je, "formula", json_string(ev[k].formula->text));
          json_object_set_new(je, "from", json_string(ev[k].formula->from));
        }
        json_object_set_new(je, "zero", pair(jx(r->zero[0]), jx(r->zero[1])));
        json_object_set_new(je, "zero_from", pair(jx(r->zero_from[0]), jx(r->zero_from[1])));
        json_object_set_new(je, "off1", pair(jx(r->off1[0]), jx(r->off1[1])));
        json_object_set_new(je, "asymptote", pair(jx(r->asym[0]), jx(r->asym[1])));
        json_t *jct = json_object();
        json_object_set_new(jct, "inputs", jcount(r->n_inputs));
        json_object_set_new(jct, "zero", jcount(r->n_zero));
        json_object_set_new(jct, "zero_premature", jcount(r->n_premature));
        json_object_set_new(jct, "off1", jcount(r->n_off1));
        json_object_set_new(jct, "nonfinite", jcount(r->n_nonfinite));
        json_object_set_new(je, "counts", jct);
        json_object_set_new(je, "zero_set", jset(&r->zeros, 32, c->max_finite));
        json_object_set_new(je, "zero_set_size", json_integer((json_int_t)r->zeros.n));
        json_object_set_new(je, "runs_unrefined", json_integer((json_int_t)r->runs_unrefined));
        json_array_append_new(jev, je);
        printf("    %-42s f' = 0 from %s / %s; first premature 0 %s / %s; >1%% off from %s / %s\n",
               ev[k].name, fx(b1, r->zero_from[0]), fx(b2, r->zero_from[1]), fx(b3, r->zero[0]),
               fx(b4, r->zero[1]), fx(b5, r->off1[0]), fx(b6, r->off1[1]));
      }
      json_object_set_new(jfmt, "evaluators", jev);
      json_array_append_new(jnum, jfmt);
      sat_inputs_free(&in);
    }
    json_object_set_new(ja, "numerical", jnum);

    /* ---- the normal law */
    json_t *jnorm = sat_normal_json(id, &p, &ms, k_eps, k_eps_label, ze, nres, &o);
    json_object_set_new(ja, "normal", jnorm);
    printf("  x ~ N(0, s^2):\n");
    json_t *nsets = json_object_get(jnorm, "sets");
    print_mu0("P(|f'| < 1e-3)", json_array_get(nsets, 2));
    print_mu0("P(f' = 0)", json_array_get(nsets, N_EPS));

    /* ---- depth */
    json_t *jd = sat_depth_json(id, &p, &ms.dead, fcp, nfmt, &o);
    json_object_set_new(ja, "depth", jd);
    {
      json_t *mean = json_object_get(jd, "mean_df"), *prod = json_object_get(jd, "product");
      printf("  depth: E[f'(x)], x ~ N(0, s^2):");
      for (size_t k = 0; k < sat_depth_scale_count; k++)
        printf(" s=%g: %.4g", sat_depth_scales[k], json_number_value(json_array_get(mean, k)));
      printf("\n         E[prod of L] at s = 1:");
      for (int L = 1; L <= o.depth; L *= 10)
        printf(" L=%d: %.3g", L,
               json_number_value(json_array_get(json_array_get(prod, 2), (size_t)L - 1)));
      printf("\n");
      json_t *rows = json_object_get(json_object_get(jd, "delivered"), "rows");
      for (size_t k = 0; k < json_array_size(rows); k++) {
        json_t *r = json_array_get(rows, k);
        if (json_number_value(json_object_get(r, "scale")) != 1) continue;
        json_t *mr = json_object_get(r, "median_rel_err"), *uf = json_object_get(r, "underflow");
        size_t L = json_array_size(mr), l10 = L >= 10 ? 9 : L - 1;
        json_t *m10 = json_array_get(mr, l10), *mL = json_array_get(mr, L - 1);
        printf(
            "         delivered, s = 1, %-9s %-34s median rel err L=%zu: %.3g, L=%zu: %.3g; "
            "underflow L=%zu: %.3f\n",
            json_string_value(json_object_get(r, "format")),
            json_string_value(json_object_get(r, "name")), l10 + 1,
            json_is_number(m10) ? json_number_value(m10) : NAN, L,
            json_is_number(mL) ? json_number_value(mL) : NAN, L,
            json_number_value(json_array_get(uf, L - 1)));
      }
    }
    for (size_t k = 0; k < nres; k++) sat_num_free(&res[k]);
    free(ev), free(res), free(ze);
    sat_math_free(&ms);
    json_array_append_new(acts, ja);
  }
  act_free(x);
  act_free(y);
  act_free(dx);
  json_object_set_new(doc, "activations", acts);
  if (want_dying) {
    json_t *jd = sat_dying_json(&leaky_p, &elu_p, &o);
    json_object_set_new(doc, "dying", jd);
    json_t *row = json_array_get(json_object_get(jd, "inputs"), 0);
    json_t *ex = json_object_get(json_object_get(row, "relu_dead"), "exact"),
           *sm = json_object_get(json_object_get(row, "relu_dead"), "sampled");
    printf(
        "dying ReLU (fan-in %d, %d units, %d layers; x ~ N(0, I)): units dead on every input "
        "of a batch of B, exact (sampled)\n  delta",
        o.fan_in, o.units, o.trials);
    for (size_t b = 0; b < sat_dying_batch_count; b++)
      printf("  %18s%-4d", "B = ", sat_dying_batch[b]);
    printf("\n");
    for (size_t d = 0; d < sat_dying_delta_count; d++) {
      printf("  %5g", sat_dying_delta[d]);
      for (size_t b = 0; b < sat_dying_batch_count; b++) {
        /* fractions: never "5.062e-241" (act_fmt_prob), the JSON has them exactly */
        char pe[32], ps[32];
        printf("  %9s (%9s)",
               act_fmt_prob(pe, json_number_value(json_array_get(json_array_get(ex, d), b))),
               act_fmt_prob(ps, json_number_value(json_array_get(json_array_get(sm, d), b))));
      }
      printf("\n");
    }
  }
  act_write_json(doc, path);
  json_decref(doc);
  printf("saturation: wrote %s\n", path);
  return 0;
}
