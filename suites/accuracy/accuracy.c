/* actbench accuracy: ULP error of every implementation against MPFR, forward
 * and derivative, over a sampled sweep or every float of a range. */
#include "accuracy.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define MAX_IMPLS 512
#define CHUNK ((size_t)1 << 20)

size_t act_acc_special_inputs(const act_activation *act, const act_params *p, float *out,
                              size_t cap) {
  float base[] = {NAN,
                  INFINITY,
                  -INFINITY,
                  0.0f,
                  -0.0f,
                  0x1p-149f,
                  -0x1p-149f,
                  0x1.fffffcp-127f,
                  -0x1.fffffcp-127f,
                  FLT_MIN,
                  -FLT_MIN,
                  FLT_MAX,
                  -FLT_MAX,
                  1.0f,
                  -1.0f};
  size_t n = 0;
  for (size_t i = 0; i < sizeof base / sizeof base[0] && n < cap; i++) out[n++] = base[i];
  /* where f reaches its asymptote and f' rounds to zero, both sides */
  int has_asymptote = !strcmp(act->name, "sigmoid") || !strcmp(act->name, "tanh");
  if (has_asymptote) {
    int is_sig = !strcmp(act->name, "sigmoid");
    for (int dir = -1; dir <= 1; dir += 2) {
      float target = is_sig ? (dir > 0 ? 1.0f : 0.0f) : (float)dir;
      if (is_sig && p->a < 0) target = dir > 0 ? 0.0f : 1.0f;
      float pts[2] = {act_ref_first_equal(act->name, 0, p, dir, target),
                      act_ref_first_equal(act->name, 1, p, dir, 0.0f)};
      for (int k = 0; k < 2; k++)
        if (!isnan(pts[k]) && n + 2 <= cap) {
          out[n++] = pts[k];
          out[n++] = nextafterf(pts[k], 0.0f); /* the last one before it */
        }
    }
  }
  return n;
}

float *act_acc_sampled_inputs(const act_activation *act, const act_params *p, size_t samples,
                              uint64_t seed, size_t *n_out) {
  float *x = malloc(sizeof(float) * (samples + 64));
  if (!x) act_die("out of memory for %zu samples", samples);
  size_t n = act_acc_special_inputs(act, p, x, 64);
  if (n > samples) n = samples;
  size_t rest = samples - n;
  size_t grid = rest / 2, rnd = rest - grid;
  /* a dense, evenly spaced grid over the interesting range */
  double lo = act->sample_lo, hi = act->sample_hi;
  for (size_t i = 0; i < grid; i++)
    x[n++] = (float)(grid > 1 ? lo + (hi - lo) * (double)i / (double)(grid - 1) : lo);
  /* random bit patterns over every non-NaN float (every binade equally) */
  act_rng r;
  act_rng_seed(&r, seed);
  for (size_t i = 0; i < rnd; i++) {
    float v;
    do v = act_bits_float((uint32_t)act_rng_next(&r));
    while (isnan(v));
    x[n++] = v;
  }
  *n_out = n;
  return x;
}

void act_acc_run_impl(const act_impl *m, const act_params *p, const float *x, float *y, float *dx,
                      size_t n) {
  m->fwd(x, y, n, p);
  if (!m->bwd) { /* no backward kernel: nothing to measure */
    for (size_t i = 0; i < n; i++) dx[i] = NAN;
    return;
  }
  float *dy = act_alloc(sizeof(float) * (n ? n : 1));
  for (size_t i = 0; i < n; i++) dy[i] = 1.0f;
  m->bwd(x, y, dy, dx, n, p);
  act_free(dy);
}

static json_t *jfloat(float v) {
  char b[32];
  return json_string(act_fmt_float(b, v));
}

/* a number, or "inf" / "nan" where JSON has none */
static json_t *jnum(double v) {
  if (isnan(v)) return json_string("nan");
  if (isinf(v)) return json_string(v > 0 ? "inf" : "-inf");
  return json_real(v);
}

static json_t *stats_json(const act_acc_stats *s, const act_impl *m, int bwd) {
  json_t *o = json_object();
  char b[40];
  json_object_set_new(o, "max_ulp", jnum(s->max_ulp < 0 ? 0 : s->max_ulp));
  json_object_set_new(o, "max_ulp_x", jfloat(s->max_x));
  json_object_set_new(o, "max_ulp_x_hex", json_string(act_fmt_hex(b, s->max_x)));
  json_object_set_new(o, "max_ulp_got", jfloat(s->max_got));
  json_object_set_new(o, "max_ulp_want", jfloat(s->max_want));
  json_object_set_new(o, "mean_ulp", jnum(s->finite ? s->sum_ulp / (double)s->finite : 0.0));
  json_object_set_new(o, "cr_fraction", jnum(s->inputs ? (double)s->cr / (double)s->inputs : 0.0));
  json_object_set_new(o, "count_gt_1ulp", json_integer((json_int_t)s->gt1));
  json_object_set_new(o, "max_abs_err", jnum(s->max_abs));
  json_object_set_new(o, "max_rel_err", jnum(s->max_rel));
  json_object_set_new(o, "special_failures", json_integer((json_int_t)s->special_fail));
  json_object_set_new(o, "nan_input_failures", json_integer((json_int_t)s->nan_in_fail));
  json_object_set_new(o, "inputs", json_integer((json_int_t)s->inputs));
  json_object_set_new(o, "nan_output_failures", json_integer((json_int_t)s->nan_out_fail));
  json_object_set_new(o, "within_claim", json_boolean(act_acc_within_impl(s, m, bwd)));
  json_t *bins = json_array();
  for (int i = 0; i < s->bins; i++)
    json_array_append_new(bins, s->bin_max[i] < 0 ? json_null() : jnum(s->bin_max[i]));
  json_object_set_new(o, "ulp_vs_x", bins);
  return o;
}

static json_t *specials_json(const act_impl *m, const act_params *p, const float *xs, size_t n,
                             const act_ref *ref, int deriv) {
  float *y = act_alloc(sizeof(float) * n), *dx = act_alloc(sizeof(float) * n);
  act_acc_run_impl(m, p, xs, y, dx, n);
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) {
    float got = deriv ? dx[i] : y[i], want = ref[i].rn;
    int ok = (isnan(got) && isnan(want)) || act_float_bits(got) == act_float_bits(want);
    char b[40];
    json_t *o = json_object();
    json_object_set_new(o, "x", jfloat(xs[i]));
    json_object_set_new(o, "x_hex", json_string(act_fmt_hex(b, xs[i])));
    json_object_set_new(o, "got",
                        json_string(signbit(got) && got == 0 ? "-0" : act_fmt_float(b, got)));
    json_object_set_new(o, "want",
                        json_string(signbit(want) && want == 0 ? "-0" : act_fmt_float(b, want)));
    json_object_set_new(o, "ok", json_boolean(ok));
    json_array_append_new(arr, o);
  }
  act_free(y);
  act_free(dx);
  return arr;
}

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench accuracy [options]\n"
          "ULP error of every implementation against MPFR references (docs/accuracy.md), for f and "
          "f'.\n"
          "  --activation A   only this activation (default: all)\n"
          "  --impl PATTERN   only these implementations (full name, glob, or name without\n"
          "                   the activation, e.g. 'stable' or 'avx2.*')\n"
          "  --samples N      sampled sweep size (default 1048576): the special values, a dense\n"
          "                   grid over the interesting range and random bit patterns\n"
          "  --seed S         seed of the random part (default 1)\n"
          "  --lo X --hi Y    instead: every float in [X, Y] (exhaustive over the range)\n"
          "  --a VALUE        the slope parameter a (default: the activation's default)\n"
          "  --bins N         bins of the ULP-against-x curves (default 400)\n"
          "  --out DIR        write DIR/accuracy.json (default: results)\n");
}

typedef struct {
  const char *activation, *pattern, *out;
  size_t samples;
  uint64_t seed;
  int range, bins, have_a;
  float lo, hi, a;
} acc_opts;

static void print_row(const act_impl *m, const act_acc_stats *f, const act_acc_stats *d, int ok) {
  if (!d) {
    printf("  %-38s %10.3g %9.3g %7.3f%%   %31s  %s\n", m->name, f->max_ulp < 0 ? 0 : f->max_ulp,
           f->finite ? f->sum_ulp / (double)f->finite : 0,
           100.0 * (double)f->cr / (double)(f->inputs ? f->inputs : 1), "(no backward kernel)",
           ok ? "yes" : "NO");
    return;
  }
  printf("  %-38s %10.3g %9.3g %7.3f%%   %10.3g %9.3g %7.3f%%  %s\n", m->name,
         f->max_ulp < 0 ? 0 : f->max_ulp, f->finite ? f->sum_ulp / (double)f->finite : 0,
         100.0 * (double)f->cr / (double)(f->inputs ? f->inputs : 1),
         d->max_ulp < 0 ? 0 : d->max_ulp, d->finite ? d->sum_ulp / (double)d->finite : 0,
         100.0 * (double)d->cr / (double)(d->inputs ? d->inputs : 1), ok ? "yes" : "NO");
}

static json_t *run_activation(const act_activation *act, const acc_opts *o) {
  act_params p = act->defaults;
  if (o->have_a) p.a = o->a;
  const act_impl *sel[MAX_IMPLS];
  size_t nsel = act_select(act->name, o->pattern, sel, MAX_IMPLS);
  if (nsel == 0) return NULL;
  double glo = act->sample_lo, ghi = act->sample_hi;
  if (o->range) {
    glo = isinf(o->lo) ? -FLT_MAX : o->lo;
    ghi = isinf(o->hi) ? FLT_MAX : o->hi;
    if (glo == ghi) ghi = glo + 1;
  }
  act_acc_stats *fs = calloc(nsel, sizeof *fs), *ds = calloc(nsel, sizeof *ds);
  if (!fs || !ds) act_die("out of memory");
  for (size_t k = 0; k < nsel; k++) {
    act_acc_stats_init(&fs[k], o->bins, glo, ghi);
    act_acc_stats_init(&ds[k], o->bins, glo, ghi);
  }
  /* the inputs, in chunks; references computed once and shared */
  float *xs = NULL;
  size_t total;
  int64_t k0 = 0;
  if (o->range) {
    k0 = act_float_order(o->lo);
    total = (size_t)(act_float_order(o->hi) - k0 + 1);
  } else {
    xs = act_acc_sampled_inputs(act, &p, o->samples, o->seed, &total);
  }
  size_t cap = total < CHUNK ? total : CHUNK;
  float *x = act_alloc(sizeof(float) * cap), *y = act_alloc(sizeof(float) * cap),
        *dx = act_alloc(sizeof(float) * cap);
  act_ref *rf = malloc(sizeof(act_ref) * cap), *rd = malloc(sizeof(act_ref) * cap);
  if (!rf || !rd) act_die("out of memory");
  int tty = isatty(2);
  for (size_t done = 0; done < total;) {
    size_t n = total - done < cap ? total - done : cap;
    if (o->range)
      for (size_t i = 0; i < n; i++) x[i] = act_order_float(k0 + (int64_t)(done + i));
    else
      memcpy(x, xs + done, sizeof(float) * n);
    act_reference_many(act->name, 0, x, n, &p, rf);
    act_reference_many(act->name, 1, x, n, &p, rd);
    for (size_t k = 0; k < nsel; k++) {
      if (!act_impl_available(sel[k])) continue;
      act_acc_run_impl(sel[k], &p, x, y, dx, n);
      act_acc_stats_add(&fs[k], x, y, rf, n);
      act_acc_stats_add(&ds[k], x, dx, rd, n);
    }
    done += n;
    if (tty && total > cap)
      fprintf(stderr, "\r%s: %zu / %zu inputs (%.1f%%)", act->name, done, total,
              100.0 * (double)done / (double)total);
  }
  if (tty && total > cap) fputc('\n', stderr);

  /* specials table */
  float sx[64];
  size_t ns = act_acc_special_inputs(act, &p, sx, 64);
  act_ref srf[64], srd[64];
  act_reference_many(act->name, 0, sx, ns, &p, srf);
  act_reference_many(act->name, 1, sx, ns, &p, srd);

  json_t *ja = act_activation_json(act, &p);
  json_object_set_new(ja, "inputs", json_integer((json_int_t)total));
  json_t *jg = json_object();
  json_object_set_new(jg, "lo", json_real(glo));
  json_object_set_new(jg, "hi", json_real(ghi));
  json_object_set_new(jg, "bins", json_integer(o->bins));
  json_object_set_new(ja, "grid", jg);
  json_t *impls = json_array();
  char pa[48] = "";
  if (act->param_names[0]) snprintf(pa, sizeof pa, " (a = %g)", (double)p.a);
  printf("%s%s: %zu inputs\n  %-38s %10s %9s %8s   %10s %9s %8s  %s\n", act->name, pa, total,
         "implementation", "f max ulp", "mean", "CR", "f' max ulp", "mean", "CR", "within claim");
  for (size_t k = 0; k < nsel; k++) {
    const act_impl *m = sel[k];
    json_t *ji = act_impl_json(m);
    json_t *jc = json_object();
    json_object_set_new(jc, "fwd_ulp", json_real(m->fwd_ulp));
    json_object_set_new(jc, "bwd_ulp", json_real(m->bwd_ulp));
    json_object_set_new(ji, "claimed", jc);
    int avail = act_impl_available(m);
    if (!avail) {
      json_object_set_new(
          ji, "reason",
          json_string("this CPU lacks its instruction set (or ACTBENCH_ISA caps it)"));
      printf("  %-38s unavailable on this CPU\n", m->name);
    } else {
      json_t *jf = stats_json(&fs[k], m, 0);
      json_object_set_new(jf, "specials", specials_json(m, &p, sx, ns, srf, 0));
      json_object_set_new(ji, "fwd", jf);
      int ok = act_acc_within_impl(&fs[k], m, 0);
      if (m->bwd) {
        json_t *jd = stats_json(&ds[k], m, 1);
        json_object_set_new(jd, "specials", specials_json(m, &p, sx, ns, srd, 1));
        json_object_set_new(ji, "bwd", jd);
        ok = ok && act_acc_within_impl(&ds[k], m, 1);
      } else {
        json_object_set_new(ji, "bwd", json_null()); /* no backward kernel */
      }
      print_row(m, &fs[k], m->bwd ? &ds[k] : NULL, ok);
    }
    json_array_append_new(impls, ji);
    act_acc_stats_free(&fs[k]);
    act_acc_stats_free(&ds[k]);
  }
  json_object_set_new(ja, "implementations", impls);
  free(fs);
  free(ds);
  free(xs);
  free(rf);
  free(rd);
  act_free(x);
  act_free(y);
  act_free(dx);
  return ja;
}

int act_accuracy_main(int argc, char **argv) {
  acc_opts o = {.out = "results", .samples = 1u << 20, .seed = 1, .bins = 400};
  int have_lo = 0, have_hi = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    }
    if (i + 1 >= argc) act_die("accuracy: unknown or incomplete option '%s' (see --help)", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--activation"))
      o.activation = v;
    else if (!strcmp(a, "--impl"))
      o.pattern = v;
    else if (!strcmp(a, "--samples"))
      o.samples = (size_t)act_parse_int("--samples", v, 1, 1ll << 31);
    else if (!strcmp(a, "--seed"))
      o.seed = (uint64_t)act_parse_int("--seed", v, 0, 1ll << 62);
    else if (!strcmp(a, "--lo")) {
      o.lo = act_parse_float("--lo", v);
      have_lo = 1;
    } else if (!strcmp(a, "--hi")) {
      o.hi = act_parse_float("--hi", v);
      have_hi = 1;
    } else if (!strcmp(a, "--a")) {
      o.a = act_parse_float("--a", v);
      o.have_a = 1;
    } else if (!strcmp(a, "--bins"))
      o.bins = (int)act_parse_int("--bins", v, 1, 100000);
    else if (!strcmp(a, "--out"))
      o.out = v;
    else
      act_die("accuracy: unknown option '%s' (see actbench accuracy --help)", a);
  }
  if (have_lo != have_hi) act_die("accuracy: --lo and --hi go together");
  if (have_lo) {
    if (isnan(o.lo) || isnan(o.hi)) act_die("accuracy: --lo and --hi must be numbers, not NaN");
    if (o.lo > o.hi) act_die("accuracy: --lo %g is above --hi %g", (double)o.lo, (double)o.hi);
    o.range = 1;
  }
  if (o.have_a && !isfinite(o.a)) act_die("accuracy: --a must be finite");
  /* validate everything before measuring anything */
  const act_impl *tmp[MAX_IMPLS];
  size_t nsel = act_select(o.activation, o.pattern, tmp, MAX_IMPLS);
  if (nsel == 0) act_die("accuracy: nothing selected");
  if (o.have_a) {
    for (size_t i = 0; i < act_activation_count; i++) {
      const act_activation *act = &act_activations[i];
      if (o.activation && strcmp(o.activation, act->name)) continue;
      if (!strcmp(act->name, "leaky_relu") && (o.a < 0 || o.a >= 1))
        act_die("accuracy: leaky_relu needs 0 <= a < 1, got %g", (double)o.a);
    }
  }
  act_ensure_dir(o.out);
  char path[4096];
  snprintf(path, sizeof path, "%s/accuracy.json", o.out);

  json_t *doc = json_object();
  json_object_set_new(doc, "kind", json_string("accuracy"));
  json_object_set_new(doc, "actbench_version", json_string(ACTBENCH_VERSION));
  json_object_set_new(doc, "context", act_context_json());
  json_t *sw = json_object();
  json_object_set_new(sw, "mode", json_string(o.range ? "range" : "sampled"));
  if (o.range) {
    char b[40];
    json_object_set_new(sw, "lo", jfloat(o.lo));
    json_object_set_new(sw, "hi", jfloat(o.hi));
    json_object_set_new(sw, "lo_hex", json_string(act_fmt_hex(b, o.lo)));
    json_object_set_new(sw, "hi_hex", json_string(act_fmt_hex(b, o.hi)));
    json_object_set_new(
        sw, "inputs",
        json_integer((json_int_t)(act_float_order(o.hi) - act_float_order(o.lo) + 1)));
  } else {
    json_object_set_new(sw, "samples", json_integer((json_int_t)o.samples));
    json_object_set_new(sw, "seed", json_integer((json_int_t)o.seed));
  }
  json_object_set_new(doc, "sweep", sw);
  json_object_set_new(
      doc, "conventions",
      json_string("ULP error as in docs/accuracy.md (binary32: p = 24, emin_sub = -149; a returned "
                  "infinity counts as 2^128); exact values from MPFR, correctly rounded with "
                  "Ziv's strategy; f' measured with dy = 1 and y from the implementation's own "
                  "forward kernel; relative error over inputs with |exact| >= FLT_MIN; NaN and "
                  "infinity mismatches counted apart as special-value failures"));
  json_t *acts = json_array();
  for (size_t i = 0; i < act_activation_count; i++) {
    const act_activation *act = &act_activations[i];
    if (o.activation && strcmp(o.activation, act->name)) continue;
    if (o.pattern) {
      /* a pattern may match in some activations only: skip the others quietly */
      int any = 0;
      for (size_t t = 0; t < nsel; t++)
        if (!strcmp(tmp[t]->activation, act->name)) any = 1;
      if (!any) continue;
    }
    json_t *ja = run_activation(act, &o);
    if (ja) json_array_append_new(acts, ja);
  }
  json_object_set_new(doc, "activations", acts);
  act_write_json(doc, path);
  json_decref(doc);
  printf("accuracy: wrote %s\n", path);
  return 0;
}
