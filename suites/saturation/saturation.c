/* actbench saturation: where gradients vanish.
 *
 * Mathematically (from MPFR): for each eps, the |x| beyond which |f'(x)| < eps.
 * Numerically (per implementation): the first x, going outward from 0 (0
 * itself excluded: that is the kink of the piecewise-linear ones), where
 * the computed gradient is exactly zero, whether the correctly rounded
 * gradient is still nonzero there (a premature zero), and the first x where
 * the computed f equals its asymptote.  The scan visits every stride-th float
 * bit pattern and then every float of the last step, so the point it reports
 * is exact to the float provided the computed value does not flip back and
 * forth inside a step.
 */
#include "saturation.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "util.h"

#define MAX_IMPLS 512
#define BATCH 65536

static const double k_eps[] = {1e-1, 1e-2, 1e-3, 1e-6, FLT_EPSILON};

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

/* f is bounded on side dir: the value it tends to, rounded (RN(f(+-FLT_MAX))) */
static int bounded(const act_activation *act, int dir) {
  return dir < 0 ? act->bounded_neg : act->bounded_pos;
}
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

/* Side dir: |f'(x)| < eps for every x beyond the returned point.  No
 * monotonicity is assumed: |f'| is sampled on a fine grid out to |x| = 256
 * and on a geometric one beyond, the last sample with |f'| >= eps is found,
 * and the crossing after it is bisected. */
static json_t *math_side(const act_activation *act, const act_params *p, double eps, int dir) {
  json_t *o = json_object();
  enum { FINE = 8192 };
  double last_hi = -1, next = -1, prev = 0;
  for (int k = 0; k <= FINE + 120; k++) {
    double xv = k == 0      ? 0x1p-100
                : k <= FINE ? 256.0 * k / FINE
                            : 256.0 * pow(2.0, (k - FINE) / 1.0);
    if (xv > 1e38) break;
    if (exact_df(act, p, dir * xv) >= eps) {
      last_hi = xv;
      next = -1;
    } else if (next < 0 && last_hi >= 0) {
      next = xv;
    }
    prev = xv;
  }
  (void)prev;
  if (last_hi < 0) {
    json_object_set_new(o, "kind", json_string("all"));
    return o;
  }
  if (next < 0) {
    json_object_set_new(o, "kind", json_string("never"));
    return o;
  }
  double lo = last_hi, hi = next;
  for (int it = 0; it < 200 && hi - lo > 1e-9 * hi; it++) {
    double mid = 0.5 * (lo + hi);
    if (exact_df(act, p, dir * mid) >= eps)
      lo = mid;
    else
      hi = mid;
  }
  json_object_set_new(o, "kind", json_string("beyond"));
  json_object_set_new(o, "x", json_real(dir * hi));
  return o;
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
    act_acc_run_impl(m, p, x, y, dx, n);
    for (size_t i = 0; i < n; i++) {
      if (hit(y, dx, i, target)) {
        uint32_t b = act_float_bits(fabsf(x[i]));
        /* every float between the previous step and this one */
        uint32_t from = b >= start + stride ? b - stride + 1 : start, cnt = b - from + 1;
        float *x2 = act_alloc(sizeof(float) * cnt), *y2 = act_alloc(sizeof(float) * cnt),
              *d2 = act_alloc(sizeof(float) * cnt);
        for (uint32_t j = 0; j < cnt; j++) x2[j] = sgn * act_bits_float(from + j);
        act_acc_run_impl(m, p, x2, y2, d2, cnt);
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
  fprintf(f,
          "usage: actbench saturation [options]\n"
          "Where gradients vanish: for each activation the |x| beyond which |f'(x)| < eps\n"
          "(eps = 1e-1, 1e-2, 1e-3, 1e-6 and FLT_EPSILON, from MPFR), and for each\n"
          "implementation the first x where its computed f' is exactly 0 (and whether the\n"
          "correctly rounded f' is still nonzero there) and where its f reaches the asymptote.\n"
          "  --activation A   only this activation (default: all)\n"
          "  --impl PATTERN   only these implementations\n"
          "  --stride N       scan every N-th float, then every float of the last step\n"
          "                   (default 64; 1 scans every float)\n"
          "  --a VALUE        the slope parameter a (default: the activation's default)\n"
          "  --points N       points of the exact f / f' curve (default 801)\n"
          "  --out DIR        write DIR/saturation.json (default: results)\n");
}

int act_saturation_main(int argc, char **argv) {
  const char *activation = NULL, *pattern = NULL, *out = "results";
  uint32_t stride = 64;
  int have_a = 0, points = 801;
  float a = 0;
  for (int i = 1; i < argc; i++) {
    const char *o = argv[i];
    if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
      usage(stdout);
      return 0;
    }
    if (i + 1 >= argc) act_die("saturation: unknown or incomplete option '%s' (see --help)", o);
    const char *v = argv[++i];
    if (!strcmp(o, "--activation"))
      activation = v;
    else if (!strcmp(o, "--impl"))
      pattern = v;
    else if (!strcmp(o, "--stride"))
      stride = (uint32_t)act_parse_int("--stride", v, 1, 1 << 24);
    else if (!strcmp(o, "--a")) {
      a = act_parse_float("--a", v);
      have_a = 1;
      if (!isfinite(a)) act_die("saturation: --a must be finite");
    } else if (!strcmp(o, "--points"))
      points = (int)act_parse_int("--points", v, 2, 1000000);
    else if (!strcmp(o, "--out"))
      out = v;
    else
      act_die("saturation: unknown option '%s' (see actbench saturation --help)", o);
  }
  const act_impl *sel[MAX_IMPLS];
  size_t nsel = act_drop_native(sel, act_select(activation, pattern, sel, MAX_IMPLS));
  if (nsel == 0)
    act_die(
        "saturation: nothing selected (kernels native to bfloat16/binary16 are measured by "
        "the accuracy suite only)");
  if (have_a && (!activation || !strcmp(activation, "leaky_relu")) && (a < 0 || a >= 1)) {
    if (activation || pattern == NULL)
      act_die("saturation: leaky_relu needs 0 <= a < 1, got %g", (double)a);
  }
  act_ensure_dir(out);
  char path[4096];
  snprintf(path, sizeof path, "%s/saturation.json", out);

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
  json_t *acts = json_array();
  float *x = act_alloc(sizeof(float) * BATCH), *y = act_alloc(sizeof(float) * BATCH),
        *dx = act_alloc(sizeof(float) * BATCH);

  for (size_t ai = 0; ai < act_activation_count; ai++) {
    const act_activation *act = &act_activations[ai];
    if (activation && strcmp(activation, act->name)) continue;
    int any = 0;
    for (size_t k = 0; k < nsel; k++)
      if (!strcmp(sel[k]->activation, act->name)) any = 1;
    if (!any) continue;
    act_params p = act->defaults;
    if (have_a) p.a = a;
    if (!strcmp(act->name, "leaky_relu") && (p.a < 0 || p.a >= 1)) continue;
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

    json_t *jm = json_array();
    char pa[48] = "";
    if (act->param_names[0]) snprintf(pa, sizeof pa, " (a = %g)", (double)p.a);
    printf("%s%s\n  mathematical: |f'(x)| < eps for", act->name, pa);
    for (size_t e = 0; e < sizeof k_eps / sizeof k_eps[0]; e++) {
      json_t *row = json_object();
      json_object_set_new(row, "eps", json_real(k_eps[e]));
      json_t *neg = math_side(act, &p, k_eps[e], -1), *pos = math_side(act, &p, k_eps[e], 1);
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
      if (bounded(act, dir))
        ea[s] = act_ref_first_equal(act->name, 0, &p, dir, asymptote(act, &p, dir));
    }
    if (act->bounded_neg || act->bounded_pos || !isnan(ez[0]) || !isnan(ez[1])) {
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
        if (bounded(act, dir)) {
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
          act_acc_run_impl(m, &p, x, y, dx, n);
          for (size_t i = 0; i < n; i++) bad += dx[i] != (float)want;
          seen += n;
        }
        char line[160];
        snprintf(line, sizeof line, "f' = %g for all x <= 0%s (checked on %zu inputs, %zu differ)",
                 want, want == 0 ? ": the unit is dead there" : "", seen, bad);
        json_object_set_new(ji, "dead_side", json_string(line));
        printf("  %-38s %s\n", m->name, line);
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
    json_array_append_new(acts, ja);
  }
  act_free(x);
  act_free(y);
  act_free(dx);
  json_object_set_new(doc, "activations", acts);
  act_write_json(doc, path);
  json_decref(doc);
  printf("saturation: wrote %s\n", path);
  return 0;
}
