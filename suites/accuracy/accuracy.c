/* actbench accuracy: ULP error of every implementation against MPFR, forward
 * and derivative, over a sampled sweep or every float of a range. */
#include "accuracy.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "select.h"
#include "sweep.h"
#include "util.h"

#define MAX_IMPLS 512

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
  /* where f and f' reach their limits (the descriptor's), both sides: the
   * first float from which RN is the limit, and the last one before it
   * (sigmoid: where f rounds to 0 or 1 and f' to 0; elu: to -a and 0 at
   * -inf; hardswish: f' to 1 from x = 3 on ...); a point may come twice, as
   * sigmoid's f and f' reach 0 at the same x */
  for (int dir = -1; dir <= 1; dir += 2)
    for (int deriv = 0; deriv < 2; deriv++) {
      double lim = act->limit(deriv, dir, p);
      if (isnan(lim)) continue;
      float pt = act_ref_first_equal(act->name, deriv, p, dir, (float)lim);
      if (!isnan(pt) && n + 2 <= cap) {
        out[n++] = pt;
        out[n++] = nextafterf(pt, 0.0f);
      }
    }
  /* the kinks and their neighbours, where conventions and cancellations meet */
  for (int k = 0; k < act->n_kinks; k++) {
    float xk = (float)act->kinks[k];
    if (n + 3 > cap) break;
    out[n++] = xk;
    out[n++] = nextafterf(xk, -INFINITY);
    out[n++] = nextafterf(xk, INFINITY);
  }
  return n;
}

void act_acc_random_floats(float *x, size_t n, uint64_t seed) {
  act_rng r;
  act_rng_seed(&r, seed);
  for (size_t i = 0; i < n; i++) {
    float v;
    do v = act_bits_float((uint32_t)act_rng_next(&r));
    while (isnan(v));
    x[i] = v;
  }
}

void act_reference_narrow_many(const char *activation, const float *x, size_t n,
                               const act_params *p, const act_format *fmt, act_ref *rf,
                               act_ref *rd) {
  act_reference_many(activation, 0, x, n, p, rf);
  act_reference_many(activation, 1, x, n, p, rd);
  int id = act_activation_id(activation);
  for (size_t i = 0; i < n; i++)
    for (int d = 0; d < 2; d++) {
      act_ref *r = d ? &rd[i] : &rf[i];
      int tie;
      float rn = act_narrow_rn(r, fmt, &tie);
      r->rn = tie ? act_reference_narrow(id, d, x[i], p, fmt) : rn;
    }
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
  act_acc_random_floats(x + n, rnd, seed);
  n += rnd;
  act_sort_floats(x, n);
  *n_out = n;
  return x;
}

/* a key whose unsigned order is the order of the floats (-0 before +0,
 * positive NaNs last) */
static inline uint32_t order_key(float v) {
  uint32_t u = act_float_bits(v);
  return u & 0x80000000u ? ~u : u | 0x80000000u;
}

void act_sort_floats(float *x, size_t n) {
  /* two passes of a 16-bit radix sort on the keys */
  uint32_t *a = malloc(sizeof(uint32_t) * (n ? n : 1)), *b = malloc(sizeof(uint32_t) * (n ? n : 1));
  size_t *cnt = calloc(65536, sizeof *cnt);
  if (!a || !b || !cnt) act_die("out of memory");
  for (size_t i = 0; i < n; i++) a[i] = order_key(x[i]);
  for (int pass = 0; pass < 2; pass++) {
    int sh = 16 * pass;
    memset(cnt, 0, 65536 * sizeof *cnt);
    for (size_t i = 0; i < n; i++) cnt[(a[i] >> sh) & 0xffff]++;
    size_t sum = 0;
    for (size_t k = 0; k < 65536; k++) {
      size_t c = cnt[k];
      cnt[k] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) b[cnt[(a[i] >> sh) & 0xffff]++] = a[i];
    uint32_t *t = a;
    a = b, b = t;
  }
  for (size_t i = 0; i < n; i++) {
    uint32_t k = a[i];
    x[i] = act_bits_float(k & 0x80000000u ? k & 0x7fffffffu : ~k);
  }
  free(a), free(b), free(cnt);
}

/* RN(exact) of f or f' at x in fmt; NAN where the exact value is not finite */
static float rn_in(int id, int deriv, float x, const act_params *p, const act_format *fmt) {
  act_ref r;
  if (act_reference_id(id, deriv, x, p, &r) != 0 || r.cls != ACT_REF_FINITE) return NAN;
  if (fmt == &act_binary32) return r.rn;
  int tie;
  float v = act_narrow_rn(&r, fmt, &tie);
  return tie ? act_reference_narrow(id, deriv, x, p, fmt) : v;
}

void act_acc_ctx_for(act_acc_ctx *c, const act_impl *m, int deriv, const act_activation *act,
                     const act_params *p, const act_format *fmt) {
  act_acc_ctx_init(c);
  unsigned native = m->flags & ACT_NATIVE;
  unsigned mine = fmt == &act_bfloat16   ? ACT_NATIVE_BF16
                  : fmt == &act_binary16 ? ACT_NATIVE_F16
                                         : 0;
  /* a kernel's claims are in the format it computes in */
  int claims = fmt == &act_binary32 ? !native : (native & mine) != 0;
  if (claims) c->claim = deriv ? m->bwd_ulp : m->fwd_ulp;
  c->excuse_nan_in = !(m->flags & (deriv ? ACT_NAN_BWD : ACT_NAN_FWD));
  c->excuse_nan_out = (m->flags & ACT_NAN_SPURIOUS) != 0;
  c->ftz = (m->flags & ACT_FTZ) != 0;
  c->sub_below = (native & mine) ? act_least_normal(fmt) : 0x1p-126;
  int id = act_activation_id(act->name);
  if (id < 0) return;
  c->zero_pos = rn_in(id, deriv, 0.0f, p, fmt);
  c->zero_neg = rn_in(id, deriv, -0.0f, p, fmt);
  c->lim_neg = rn_in(id, deriv, -INFINITY, p, fmt);
  c->lim_pos = rn_in(id, deriv, INFINITY, p, fmt);
  /* f' at the kinks: the one-sided derivatives, from the double f' a hair
   * to either side (f' is smooth on each side of a kink) */
  for (int k = 0; deriv && k < act->n_kinks && k < 4; k++) {
    double xk = act->kinks[k], h = 0x1p-40 * fmax(1, fabs(xk)); /* far below a float's ulp */
    c->kink_x[c->n_kinks] = (float)xk;
    for (int s = 0; s < 2; s++)
      c->kink_side[c->n_kinks][s] = act_round_to_format(act->dref(1, s ? xk + h : xk - h, p), fmt);
    if (c->kink_side[c->n_kinks][0] != c->kink_side[c->n_kinks][1]) c->n_kinks++;
  }
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

/* The statistics of m in one direction, in fmt.  claimed: the statistics
 * were given m's claim (binary32, or the format a native kernel computes
 * in): then the claim, the verdict and the legacy within_claim. */
static json_t *stats_json(const act_acc_stats *s, const act_impl *m, int bwd, const act_format *fmt,
                          int claimed) {
  json_t *o = json_object();
  char b[40], note[96];
  json_object_set_new(o, "max_ulp", jnum(s->max_ulp < 0 ? 0 : s->max_ulp));
  json_object_set_new(o, "max_ulp_x", jfloat(s->max_x));
  json_object_set_new(o, "max_ulp_x_hex", json_string(act_fmt_hex(b, s->max_x)));
  json_object_set_new(o, "max_ulp_got", jfloat(s->max_got));
  json_object_set_new(o, "max_ulp_want", jfloat(s->max_want));
  act_ulp_note(note, sizeof note, s->max_ulp, s->max_got, s->max_want, fmt);
  json_object_set_new(o, "max_ulp_note", note[0] ? json_string(note) : json_null());
  json_object_set_new(o, "core", act_acc_core_json(s, fmt));
  json_object_set_new(o, "tails", act_acc_tails_json(s));
  json_object_set_new(o, "special_failures_by_kind", act_acc_special_kinds_json(s));
  char *sum = act_acc_summary(s, fmt);
  json_object_set_new(o, "summary", json_string(sum));
  free(sum);
  if (claimed) {
    json_object_set_new(o, "claim", act_acc_claim_json(m, s->ctx.claim));
    json_object_set_new(o, "verdict", act_acc_verdict_json(s, m));
  }
  json_object_set_new(o, "mean_ulp", jnum(act_acc_mean(s)));
  json_object_set_new(o, "cr_fraction", jnum(s->inputs ? (double)s->cr / (double)s->inputs : 0.0));
  json_object_set_new(o, "cr_count", json_integer((json_int_t)s->cr));
  json_object_set_new(o, "count_gt_1ulp", json_integer((json_int_t)s->gt1));
  json_object_set_new(o, "max_abs_err", jnum(s->max_abs));
  json_object_set_new(o, "max_rel_err", jnum(s->max_rel));
  json_object_set_new(o, "special_failures", json_integer((json_int_t)s->special_fail));
  json_object_set_new(o, "nan_input_failures", json_integer((json_int_t)s->nan_in_fail));
  json_object_set_new(o, "inputs", json_integer((json_int_t)s->inputs));
  json_object_set_new(o, "nan_output_failures", json_integer((json_int_t)s->nan_out_fail));
  /* kept for older readers: false only when the verdict is "exceeds" */
  (void)bwd;
  if (claimed) json_object_set_new(o, "within_claim", json_boolean(act_acc_verdict(s) != 1));
  /* the histogram of errors, up to its last nonempty bin */
  json_t *h = json_array();
  int last = 0;
  for (int i = 0; i < ACT_HIST_BINS; i++)
    if (s->hist[i]) last = i;
  for (int i = 0; i <= last; i++) {
    double lo = i == 0 ? 0 : i == 1 ? 0.5 : ldexp(1.0, i - 2);
    double hi = i == 0 ? 0.5 : i == ACT_HIST_BINS - 1 ? INFINITY : ldexp(1.0, i - 1);
    json_array_append_new(h, json_pack("{s:o, s:o, s:I}", "lo", jnum(lo), "hi", jnum(hi), "count",
                                       (json_int_t)s->hist[i]));
  }
  json_object_set_new(o, "histogram", h);
  json_t *wl = json_array();
  for (int i = 0; i < s->nworst; i++) {
    const act_worst *w = &s->worst[i];
    json_t *e = json_object();
    json_object_set_new(e, "x", jfloat(w->x));
    json_object_set_new(e, "x_hex", json_string(act_fmt_hex(b, w->x)));
    json_object_set_new(e, "ulp", jnum(w->ulp));
    json_object_set_new(e, "got", jfloat(w->got));
    json_object_set_new(e, "want", jfloat(w->want));
    json_array_append_new(wl, e);
  }
  json_object_set_new(o, "worst", wl);
  if (s->binade) {
    json_t *bl = json_array();
    for (int i = 0; i < ACT_BINADES; i++) {
      const act_binade_stats *bd = &s->binade[i];
      if (!bd->count) continue;
      int e = i & 255, neg = i >> 8;
      json_t *jb = json_object();
      json_object_set_new(jb, "sign", json_string(neg ? "-" : "+"));
      json_object_set_new(jb, "exponent",
                          e == 0     ? json_string("subnormal")
                          : e == 255 ? json_string("inf/nan")
                                     : json_integer(e - 127));
      json_object_set_new(jb, "inputs", json_integer((json_int_t)bd->count));
      json_object_set_new(jb, "cr", json_integer((json_int_t)bd->cr));
      json_object_set_new(jb, "max_ulp", jnum(bd->max_ulp < 0 ? 0 : bd->max_ulp));
      json_object_set_new(jb, "mean_ulp", jnum(act_xsum_mean(&bd->sum, bd->count)));
      json_array_append_new(bl, jb);
    }
    json_object_set_new(o, "by_binade", bl);
  }
  json_t *bins = json_array();
  for (int i = 0; i < s->bins; i++)
    json_array_append_new(bins, s->bin_max[i] < 0 ? json_null() : jnum(s->bin_max[i]));
  json_object_set_new(o, "ulp_vs_x", bins);
  return o;
}

static json_t *specials_json(const act_impl *m, const act_activation *act, const act_params *p,
                             const float *xs, size_t n, const act_ref *ref, int deriv) {
  float *y = act_alloc(sizeof(float) * n), *dx = act_alloc(sizeof(float) * n);
  act_impl_run(m, p, xs, y, dx, n);
  act_acc_ctx cx;
  act_acc_ctx_for(&cx, m, deriv, act, p, &act_binary32);
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
    /* a failure by its kind; f' at a kink equal to the other one-sided
     * derivative is right, with its kind */
    int k = ok ? -1 : act_acc_mark_kind(&cx, xs[i], got, &ref[i], 0x1p-126);
    json_object_set_new(o, "ok", json_boolean(ok || k == ACT_MARK_KINK));
    const char *kind = NULL;
    double e = NAN;
    if (!ok) {
      if (act_ulp_error((double)got, &ref[i], &act_binary32, &e) != ACT_ULP_OK) e = NAN;
      kind = isnan(xs[i])               ? "number_for_nan"
             : k == ACT_MARK_KINK       ? "kink_convention"
             : k == ACT_MARK_NAN        ? "nan_for_number"
             : k == ACT_MARK_INF        ? "wrong_infinity"
             : k == ACT_MARK_ZERO_SIGN  ? "zero_sign"
             : k == ACT_MARK_FLUSHED_IN ? "flushed_input"
             : k == ACT_MARK_FLUSH      ? "flush_to_zero"
             : k == ACT_MARK_PREMATURE  ? "premature_saturation"
                                        : "inaccurate";
    }
    json_object_set_new(o, "kind", kind ? json_string(kind) : json_null());
    json_object_set_new(o, "ulp", isnan(e) ? json_null() : json_real(e));
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
          "  --activation A    only this activation (default: all)\n"
          "  --impl PATTERN    only these implementations (full name, glob, or name without\n"
          "                    the activation, e.g. 'stable' or 'avx2.*')\n"
          "  --samples N       sampled sweep size (default 1048576): the special values, a dense\n"
          "                    grid over the interesting range and random bit patterns\n"
          "  --seed S          seed of the random part (default 1)\n"
          "  --lo X --hi Y     instead: every float in [X, Y]\n"
          "  --exhaustive      instead: every one of the 2^32 floats (NaNs included), or with\n"
          "                    --lo/--hi every float of that range; per-binade statistics,\n"
          "                    checkpoints (a rerun of the same command resumes)\n"
          "  --with-nans       with --lo/--hi: every NaN bit pattern too\n"
          "  --reference R     screen (default: a proven double-double screen, MPFR where it\n"
          "                    cannot decide) or mpfr (MPFR for every input); the statistics\n"
          "                    are the same bit for bit\n"
          "  --formats LIST    binary32, bfloat16, binary16, comma-separated (default: all three;\n"
          "                    the narrow formats sweep all 65536 of their inputs)\n"
          "  --threads N       OpenMP threads (default: all cores)\n"
          "  --checkpoint-every S  seconds between checkpoints (default 30)\n"
          "  --a VALUE         the slope parameter a (default: the activation's default)\n"
          "  --bins N          bins of the ULP-against-x curves (default 400)\n"
          "  --out DIR         write DIR/accuracy.json (default: results)\n"
          "Under mpirun (Open MPI) the ranks share the sweep and rank 0 writes the results,\n"
          "identical to a single process's.\n");
}

typedef struct {
  const char *activation, *pattern, *out;
  size_t samples;
  uint64_t seed;
  int range, exhaustive, bins, have_a, ref_mpfr, threads, with_nans;
  int fmt32, fmtbf16, fmthalf;
  double ckpt_every;
  float lo, hi, a;
} acc_opts;

/* max ULP with what happened beside it when the result is of the wrong kind */
static const char *ulp_cell(char *buf, size_t cap, double ulp, float got, float want) {
  char note[96];
  act_ulp_note(note, sizeof note, ulp, got, want, &act_binary32);
  if (note[0])
    snprintf(buf, cap, "%.3g (%s)", ulp < 0 ? 0 : ulp, note);
  else
    snprintf(buf, cap, "%.3g", ulp < 0 ? 0 : ulp);
  return buf;
}

static void print_head(void) {
  printf("  %-38s %-3s %-30s %9s %9s %-24s %9s %-6s %s\n", "implementation", "dir", "max ulp",
         "mean", "CR", "core max ulp", "core mean", "tails", "verdict");
}

/* one line per direction; d NULL: no backward kernel */
static void print_rows(const act_impl *m, const act_acc_stats *f, const act_acc_stats *d) {
  for (int k = 0; k < 2; k++) {
    const act_acc_stats *s = k ? d : f;
    const char *name = k ? "" : m->name;
    if (!s) {
      printf("  %-38s %-3s (no backward kernel)\n", name, "f'");
      continue;
    }
    char mx[128], cm[128], cr[32], tl[16], vd[64];
    printf("  %-38s %-3s %-30s %9.3g %9s %-24s %9.3g %-6s %s\n", name, k ? "f'" : "f",
           ulp_cell(mx, sizeof mx, s->max_ulp, s->max_got, s->max_want), act_acc_mean(s),
           act_fmt_pct(cr, s->inputs ? (double)s->cr / (double)s->inputs : NAN),
           ulp_cell(cm, sizeof cm, s->core_max, s->core_max_got, s->core_max_want),
           act_acc_core_mean(s), act_acc_tail_letters(s, tl, sizeof tl),
           act_acc_verdict_short(s, m, vd, sizeof vd));
  }
}

/* below the table: what each tail and each exceeded claim is, in words */
static void print_details(const act_impl *m, const act_acc_stats *f, const act_acc_stats *d) {
  for (int k = 0; k < 2; k++) {
    const act_acc_stats *s = k ? d : f;
    if (!s) continue;
    int tails = 0;
    for (int j = 0; j < ACT_MARKS; j++) tails |= j != ACT_MARK_EXCEEDS && s->marks[j].count;
    if (tails || s->nan_in_fail) {
      char *t = act_acc_summary(s, &act_binary32);
      printf("    %s %s: %s\n", m->name, k ? "f'" : "f", t);
      free(t);
    }
    if (act_acc_verdict(s) == 1) {
      char *t = act_acc_verdict_text(s, m);
      printf("    %s %s: %s\n", m->name, k ? "f'" : "f", t);
      free(t);
    }
  }
}

/* ---- the narrow formats: all 65536 inputs, the float kernels' results
 * rounded to the format, errors in the format's ulps */
static float narrow_input(unsigned u, const act_format *fmt) {
  if (fmt == &act_bfloat16) return act_bits_float((uint32_t)u << 16);
  /* binary16: sign, 5 exponent bits, 10 fraction bits */
  int sign = (u >> 15) & 1, e = (u >> 10) & 31, m = (int)(u & 1023);
  double v;
  if (e == 31)
    v = m ? NAN : INFINITY;
  else if (e == 0)
    v = ldexp(m, -24);
  else
    v = ldexp(1024 + m, e - 25);
  return (float)(sign ? -v : v);
}

/* the registry's claims, null for none (NAN) */
static json_t *claimed_json(const act_impl *m) {
  json_t *jc = json_object();
  json_object_set_new(jc, "fwd_ulp", isnan(m->fwd_ulp) ? json_null() : json_real(m->fwd_ulp));
  json_object_set_new(jc, "bwd_ulp", isnan(m->bwd_ulp) ? json_null() : json_real(m->bwd_ulp));
  return jc;
}

/* binades: per-binade statistics too (--exhaustive: the narrow sweep is
 * every input of its format then) */
static json_t *run_narrow(const act_activation *act, const act_params *p,
                          const act_impl *const *sel, size_t nsel, const act_format *fmt,
                          int binades) {
  int id = act_activation_id(act->name);
  act_screen_init(id);
  enum { N = 65536 };
  float *x = act_alloc(sizeof(float) * N), *y = act_alloc(sizeof(float) * N),
        *dx = act_alloc(sizeof(float) * N);
  act_ref *rf = malloc(sizeof(act_ref) * N), *rd = malloc(sizeof(act_ref) * N);
  if (!rf || !rd) act_die("out of memory");
  uint64_t dr[2] = {0, 0}, mp = 0;
#pragma omp parallel for schedule(dynamic, 256) reduction(+ : mp)
  for (int i = 0; i < N; i++) {
    /* in order of x (the sweep index grows with x, for the intervals of the
     * tails): the negative patterns from the largest down to -0, then +0 up */
    unsigned u = i < 0x8000 ? 0x8000u | (0x7fffu - (unsigned)i) : (unsigned)i - 0x8000u;
    x[i] = narrow_input(u, fmt);
    unsigned m = act_screen(id, x[i], p, &rf[i], &rd[i]);
    for (int d = 0; d < 2; d++) {
      act_ref *r = d ? &rd[i] : &rf[i];
      if (!(m & (1u << d))) act_reference_id(id, d, x[i], p, r), mp++;
      int tie;
      float rn = act_narrow_rn(r, fmt, &tie);
      if (tie) rn = act_reference_narrow(id, d, x[i], p, fmt), mp++;
      /* from here on the reference speaks of fmt: rn is RN in fmt */
      float r32 = r->rn;
      r->rn = rn;
      /* double rounding: RN_fmt(RN_binary32(y)) against RN_fmt(y) */
      float twice = isnan(r32) ? r32 : act_round_to_format((double)r32, fmt);
      if (!(isnan(twice) && isnan(rn)) && act_float_bits(twice) != act_float_bits(rn)) {
#pragma omp atomic
        dr[d]++;
      }
    }
  }
  json_t *jn = json_object();
  json_object_set_new(jn, "format", json_string(fmt->name));
  json_object_set_new(jn, "inputs", json_integer(N));
  json_object_set_new(jn, "double_rounding",
                      json_pack("{s:I, s:I}", "fwd", (json_int_t)dr[0], "bwd", (json_int_t)dr[1]));
  json_t *impls = json_array();
  unsigned mine = fmt == &act_bfloat16 ? ACT_NATIVE_BF16 : ACT_NATIVE_F16;
  for (size_t k = 0; k < nsel; k++) {
    const act_impl *m = sel[k];
    if (!act_impl_available(m)) continue;
    if ((m->flags & ACT_NATIVE) && !(m->flags & mine)) continue; /* another format's */
    act_impl_run(m, p, x, y, dx, N);
    json_t *ji = json_object();
    json_object_set_new(ji, "name", json_string(m->name));
    if (m->flags & mine) { /* works in this format: its claims are in its ulps */
      json_object_set_new(ji, "native", json_true());
      json_object_set_new(ji, "claimed", claimed_json(m));
    }
    for (int d = 0; d < 2; d++) {
      if (d && !m->bwd) {
        json_object_set_new(ji, "bwd", json_null());
        continue;
      }
      act_acc_stats st;
      act_acc_stats_init(&st, 0, 0, 1);
      if (binades) act_acc_stats_want_binades(&st);
      act_acc_ctx cx;
      act_acc_ctx_for(&cx, m, d, act, p, fmt);
      act_acc_stats_set_ctx(&st, &cx);
      const float *got = d ? dx : y;
      for (int i = 0; i < N; i++) {
        float g = isnan(got[i]) ? got[i] : act_round_to_format((double)got[i], fmt);
        act_acc_stats_add_one_fmt(&st, x[i], g, d ? &rd[i] : &rf[i], (uint64_t)i, fmt);
      }
      json_t *js = stats_json(&st, m, d, fmt, (m->flags & mine) != 0);
      json_object_del(js, "ulp_vs_x");
      json_object_set_new(ji, d ? "bwd" : "fwd", js);
      act_acc_stats_free(&st);
    }
    json_array_append_new(impls, ji);
  }
  json_object_set_new(jn, "implementations", impls);
  printf("  %s: %d inputs; float rounded once is not RN in %s for %llu f / %llu f' inputs\n",
         fmt->name, N, fmt->name, (unsigned long long)dr[0], (unsigned long long)dr[1]);
  act_free(x), act_free(y), act_free(dx);
  free(rf), free(rd);
  return jn;
}

typedef struct {
  double wall_s;
  uint64_t inputs, screened, mpfr;
  int resumed;
  json_t *time; /* where the time went (a sweep's), or NULL */
} run_info;

/* the checkpoint folder of the exhaustive and range sweeps */
static void ckpt_dir(const acc_opts *o, char *buf, size_t n) {
  snprintf(buf, n, "%s/.accuracy-checkpoint", o->out);
}

/* What a finished activation's file in the checkpoint folder was computed
 * for: the sweep, the implementations, a, the reference mode, the bins and
 * the formats (malloc'ed). */
static char *frag_key(const acc_opts *o, const act_activation *act, const json_t *sweep) {
  char *sw = json_dumps(sweep, JSON_COMPACT | JSON_SORT_KEYS);
  const act_impl *sel[MAX_IMPLS];
  size_t n = act_select(act->name, o->pattern, sel, MAX_IMPLS);
  size_t cap = 512 + (sw ? strlen(sw) : 0);
  for (size_t k = 0; k < n; k++) cap += strlen(sel[k]->name) + 1;
  char *key = malloc(cap);
  if (!key) act_die("out of memory");
  int len = snprintf(key, cap, "actbench %s %s sweep=%s a=%a ref=%s bins=%d formats=%d%d%d impls=",
                     ACTBENCH_VERSION, act->name, sw ? sw : "", o->have_a ? (double)o->a : 0.0,
                     o->ref_mpfr ? "mpfr" : "screen", o->bins, o->fmt32, o->fmtbf16, o->fmthalf);
  for (size_t k = 0; k < n && len > 0; k++)
    len += snprintf(key + len, cap - (size_t)len, "%s,", sel[k]->name);
  free(sw);
  return key;
}

/* The file a previous, interrupted run wrote for an activation it finished,
 * when it is whole and was computed for this run (key); NULL when there is
 * none.  One that cannot be used is said in one warning line and removed. */
static json_t *read_frag(const char *frag, const char *key, const char *act) {
  struct stat st;
  if (lstat(frag, &st) != 0) return NULL;
  const char *why = NULL;
  json_t *fd = NULL;
  json_error_t err;
  if (!S_ISREG(st.st_mode)) {
    why = "it is not a regular file";
  } else if (!(fd = json_load_file(frag, 0, &err))) {
    why = "it is not valid JSON";
  } else if (!json_is_object(json_object_get(fd, "activation")) ||
             !json_is_object(json_object_get(fd, "run"))) {
    why = "it is not a finished activation of actbench accuracy";
  } else if (!json_is_string(json_object_get(fd, "key")) ||
             strcmp(json_string_value(json_object_get(fd, "key")), key) != 0) {
    why =
        "it was computed for another run (sweep, implementations, a, reference, bins or "
        "formats differ)";
  }
  if (!why) return fd;
  json_decref(fd);
  act_warn("accuracy: %s dropped, %s: %s is measured again", frag, why, act);
  if (S_ISREG(st.st_mode)) unlink(frag);
  return NULL;
}

/* Temporaries of earlier runs that were killed, in the output folder (rank
 * 0: the results files) and the checkpoint folder (each rank its own
 * checkpoints' temporaries; rank 0 the finished activations'). */
static void remove_stale(const acc_opts *o) {
  int rank = act_mpi_rank(), size = act_mpi_size();
  if (rank == 0) {
    static const char *const names[] = {"accuracy.json.tmp.%p", "accuracy.run.json.tmp.%p"};
    act_remove_stale(o->out, names, 2);
  }
  char dir[4200];
  ckpt_dir(o, dir, sizeof dir);
  static char pats[2 * ACT_MAX_ACTS][160];
  const char *pp[2 * ACT_MAX_ACTS];
  size_t np = 0;
  for (size_t i = 0; i < act_activation_count && i < ACT_MAX_ACTS; i++) {
    snprintf(pats[np], sizeof pats[np], "%s.rank%dof%d.sweep.tmp.%%p", act_activations[i]->name,
             rank, size);
    pp[np] = pats[np], np++;
    if (rank == 0) {
      snprintf(pats[np], sizeof pats[np], "%s.json.tmp.%%p", act_activations[i]->name);
      pp[np] = pats[np], np++;
    }
  }
  act_remove_stale(dir, pp, np);
}

static json_t *run_activation(const act_activation *act, const acc_opts *o, run_info *ri,
                              int *interrupted) {
  act_params p = act->defaults;
  if (o->have_a) p.a = o->a;
  const act_impl *all[MAX_IMPLS], *sel[MAX_IMPLS], *avail[MAX_IMPLS], *natives[MAX_IMPLS];
  size_t nall = act_select(act->name, o->pattern, all, MAX_IMPLS), nsel = 0, navail = 0, nnat = 0;
  if (nall == 0) return NULL;
  /* kernels that work natively in a narrow format are measured there only */
  for (size_t k = 0; k < nall; k++) {
    if (all[k]->flags & ACT_NATIVE) {
      if (act_impl_available(all[k])) natives[nnat++] = all[k];
      continue;
    }
    sel[nsel++] = all[k];
    if (act_impl_available(all[k])) avail[navail++] = all[k];
  }
  act_sweep_cfg c;
  memset(&c, 0, sizeof c);
  c.act = act, c.p = p, c.impls = avail, c.nimpl = navail, c.ref_mpfr = o->ref_mpfr;
  /* claims, flags and limits of each implementation's statistics */
  act_acc_ctx *fctx = calloc(navail ? navail : 1, sizeof *fctx),
              *dctx = calloc(navail ? navail : 1, sizeof *dctx);
  if (!fctx || !dctx) act_die("out of memory");
  for (size_t k = 0; k < navail; k++) {
    act_acc_ctx_for(&fctx[k], avail[k], 0, act, &p, &act_binary32);
    act_acc_ctx_for(&dctx[k], avail[k], 1, act, &p, &act_binary32);
  }
  c.fctx = fctx, c.dctx = dctx;
  c.bins = o->bins;
  c.glo = act->sample_lo, c.ghi = act->sample_hi;
  float *xs = NULL;
  char ck[4400];
  if (o->range || o->exhaustive) {
    if (o->range) {
      c.glo = isinf(o->lo) ? -FLT_MAX : o->lo;
      c.ghi = isinf(o->hi) ? FLT_MAX : o->hi;
      if (c.glo == c.ghi) c.ghi = c.glo + 1;
      c.k0 = act_float_order(o->lo), c.k1 = act_float_order(o->hi);
      c.nans = o->with_nans;
    } else {
      c.k0 = act_float_order(-INFINITY), c.k1 = act_float_order(INFINITY);
      c.nans = 1;
    }
    c.binades = o->exhaustive;
    if (o->exhaustive || act_sweep_inputs(&c) > ((uint64_t)1 << 26)) {
      char dir[4200];
      ckpt_dir(o, dir, sizeof dir);
      act_ensure_dir(dir);
      snprintf(ck, sizeof ck, "%s/%s.rank%dof%d.sweep", dir, act->name, act_mpi_rank(),
               act_mpi_size());
      c.ckpt = ck;
      c.ckpt_every_s = o->ckpt_every;
    }
    c.progress = isatty(2);
  } else {
    size_t n;
    xs = act_acc_sampled_inputs(act, &p, o->samples, o->seed, &n);
    c.list = xs, c.nlist = n;
  }
  act_sweep_result r;
  if (navail) {
    act_sweep_run(&c, &r);
  } else { /* nothing to sweep in binary32 (only native narrow kernels) */
    memset(&r, 0, sizeof r);
    r.fs = calloc(1, sizeof *r.fs), r.ds = calloc(1, sizeof *r.ds);
    r.complete = 1;
    if (!r.fs || !r.ds) act_die("out of memory");
  }
  free(xs);
  ri->wall_s = r.wall_s, ri->inputs = r.inputs, ri->screened = r.screened, ri->mpfr = r.mpfr;
  ri->resumed = r.resumed;
  {
    /* thread-seconds per phase and per implementation: where the time went */
    json_t *jt = json_object(), *ji = json_object();
    json_object_set_new(jt, "screen_s", json_real(r.t_screen));
    json_object_set_new(jt, "mpfr_s", json_real(r.t_mpfr));
    json_object_set_new(jt, "kernels_s", json_real(r.t_kernels));
    json_object_set_new(jt, "statistics_s", json_real(r.t_stats));
    for (size_t k = 0; k < c.nimpl; k++)
      json_object_set_new(ji, c.impls[k]->name, json_real(r.t_impl[k]));
    json_object_set_new(jt, "kernels_by_implementation_s", ji);
    ri->time = jt;
  }
  if (!r.complete) {
    *interrupted = 1;
    act_sweep_free(&c, &r);
    free(fctx), free(dctx);
    return NULL;
  }
  if (act_mpi_rank() != 0) {
    act_sweep_free(&c, &r);
    free(fctx), free(dctx);
    return json_object(); /* only rank 0 reports */
  }

  /* specials table */
  float sx[64];
  size_t ns = act_acc_special_inputs(act, &p, sx, 64);
  act_ref srf[64], srd[64];
  act_reference_many(act->name, 0, sx, ns, &p, srf);
  act_reference_many(act->name, 1, sx, ns, &p, srd);

  json_t *ja = act_activation_json(act, &p);
  json_object_set_new(ja, "inputs", json_integer((json_int_t)r.inputs));
  json_object_set_new(ja, "grid",
                      json_pack("{s:f, s:f, s:i}", "lo", c.glo, "hi", c.ghi, "bins", o->bins));
  json_t *impls = json_array();
  char pa[48] = "";
  if (act->param_names[0]) snprintf(pa, sizeof pa, " (a = %g)", (double)p.a);
  printf("%s%s: %llu inputs\n", act->name, pa, (unsigned long long)r.inputs);
  print_head();
  size_t ka = 0, nd = 0;
  const act_impl *dsel[MAX_IMPLS];
  const act_acc_stats *dfs[MAX_IMPLS], *dds[MAX_IMPLS];
  for (size_t k = 0; k < nsel; k++) {
    const act_impl *m = sel[k];
    json_t *ji = act_impl_json(m);
    json_object_set_new(ji, "claimed", claimed_json(m));
    if (!act_impl_available(m)) {
      json_object_set_new(
          ji, "reason",
          json_string("this CPU lacks its instruction set (or ACTBENCH_ISA caps it)"));
      printf("  %-38s unavailable on this CPU\n", m->name);
    } else {
      const act_acc_stats *fs = &r.fs[ka], *ds = &r.ds[ka];
      ka++;
      json_t *jf = stats_json(fs, m, 0, &act_binary32, 1);
      json_object_set_new(jf, "specials", specials_json(m, act, &p, sx, ns, srf, 0));
      json_object_set_new(ji, "fwd", jf);
      if (m->bwd) {
        json_t *jd = stats_json(ds, m, 1, &act_binary32, 1);
        json_object_set_new(jd, "specials", specials_json(m, act, &p, sx, ns, srd, 1));
        json_object_set_new(ji, "bwd", jd);
      } else {
        json_object_set_new(ji, "bwd", json_null()); /* no backward kernel */
      }
      print_rows(m, fs, m->bwd ? ds : NULL);
      dsel[nd] = m, dfs[nd] = fs, dds[nd] = m->bwd ? ds : NULL, nd++;
    }
    json_array_append_new(impls, ji);
  }
  json_object_set_new(ja, "implementations", impls);
  for (size_t k = 0; k < nd; k++) print_details(dsel[k], dfs[k], dds[k]);
  act_sweep_free(&c, &r);
  free(fctx), free(dctx);
  /* bfloat16 and binary16 */
  json_t *nw = json_array();
  for (size_t k = 0; k < nnat; k++) avail[navail + k] = natives[k];
  if (o->fmtbf16)
    json_array_append_new(nw,
                          run_narrow(act, &p, avail, navail + nnat, &act_bfloat16, o->exhaustive));
  if (o->fmthalf)
    json_array_append_new(nw,
                          run_narrow(act, &p, avail, navail + nnat, &act_binary16, o->exhaustive));
  json_object_set_new(ja, "narrow", nw);
  return ja;
}

static void parse_formats(acc_opts *o, const char *v) {
  o->fmt32 = o->fmtbf16 = o->fmthalf = 0;
  char buf[256];
  snprintf(buf, sizeof buf, "%s", v);
  for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
    if (!strcmp(t, "binary32"))
      o->fmt32 = 1;
    else if (!strcmp(t, "bfloat16"))
      o->fmtbf16 = 1;
    else if (!strcmp(t, "binary16"))
      o->fmthalf = 1;
    else
      act_die("accuracy: --formats: unknown format '%s' (binary32, bfloat16, binary16)", t);
  }
  if (!o->fmt32) act_die("accuracy: --formats must include binary32");
}

int act_accuracy_main(int argc, char **argv) {
  acc_opts o = {.out = "results",
                .samples = 1u << 20,
                .seed = 1,
                .bins = 400,
                .fmt32 = 1,
                .fmtbf16 = 1,
                .fmthalf = 1,
                .ckpt_every = 30};
  int have_lo = 0, have_hi = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    }
    if (!strcmp(a, "--exhaustive")) {
      o.exhaustive = 1;
      continue;
    }
    if (!strcmp(a, "--with-nans")) {
      o.with_nans = 1;
      continue;
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
    else if (!strcmp(a, "--reference")) {
      if (!strcmp(v, "mpfr"))
        o.ref_mpfr = 1;
      else if (!strcmp(v, "screen"))
        o.ref_mpfr = 0;
      else
        act_die("accuracy: --reference must be screen or mpfr, not '%s'", v);
    } else if (!strcmp(a, "--formats"))
      parse_formats(&o, v);
    else if (!strcmp(a, "--threads"))
      o.threads = (int)act_parse_int("--threads", v, 1, 4096);
    else if (!strcmp(a, "--checkpoint-every"))
      o.ckpt_every = act_parse_double("--checkpoint-every", v, 0, 1e6);
    else
      act_die("accuracy: unknown option '%s' (see actbench accuracy --help)", a);
  }
  if (have_lo != have_hi) act_die("accuracy: --lo and --hi go together");
  if (o.with_nans && !have_lo)
    act_die("accuracy: --with-nans goes with --lo/--hi (--exhaustive has every NaN)");
  if (have_lo) {
    if (isnan(o.lo) || isnan(o.hi)) act_die("accuracy: --lo and --hi must be numbers, not NaN");
    if (o.lo > o.hi) act_die("accuracy: --lo %g is above --hi %g", (double)o.lo, (double)o.hi);
    o.range = 1;
  }
  if (o.have_a && !isfinite(o.a)) act_die("accuracy: --a must be finite");
#ifdef _OPENMP
  if (o.threads) omp_set_num_threads(o.threads);
#else
  if (o.threads > 1) act_warn("accuracy: built without OpenMP, --threads is ignored");
#endif
  /* validate everything before measuring anything */
  const act_impl *tmp[MAX_IMPLS];
  size_t nsel = act_select(o.activation, o.pattern, tmp, MAX_IMPLS);
  if (nsel == 0) act_die("accuracy: nothing selected");
  /* --a applies to every activation selected, or is refused */
  const act_activation *sacts[ACT_MAX_ACTS];
  size_t nsacts = 0;
  for (size_t i = 0; i < act_activation_count && nsacts < ACT_MAX_ACTS; i++) {
    const act_activation *act = act_activations[i];
    if (o.activation && strcmp(o.activation, act->name)) continue;
    int any = 0;
    for (size_t t = 0; t < nsel && !any; t++) any = !strcmp(tmp[t]->activation, act->name);
    if (any) sacts[nsacts++] = act;
  }
  act_check_params("accuracy", sacts, nsacts, o.have_a, o.a, 0, 0);
  if (act_parse_only) return 0; /* the fuzz targets: options checked, nothing run */
  int root = act_mpi_rank() == 0;
  int deterministic = o.range || o.exhaustive; /* the run's facts go beside the file */
  act_ensure_dir(o.out);
  remove_stale(&o);
  char path[4096], runpath[4096];
  snprintf(path, sizeof path, "%s/accuracy.json", o.out);
  snprintf(runpath, sizeof runpath, "%s/accuracy.run.json", o.out);
  if (deterministic) act_sweep_catch_signals();

  json_t *doc = json_object();
  json_object_set_new(doc, "kind", json_string("accuracy"));
  json_object_set_new(doc, "actbench_version", json_string(ACTBENCH_VERSION));
  json_t *ctx = act_context_json();
  /* a deterministic sweep's file is the same bits for the same question,
   * wherever and however it ran: the date and the command line (its --out,
   * --threads, --reference) go to accuracy.run.json */
  json_t *date = json_incref(json_object_get(ctx, "date"));
  if (deterministic) json_object_del(ctx, "date"), json_object_del(ctx, "command");
  json_object_set_new(doc, "context", ctx);
  json_t *sw = json_object();
  json_object_set_new(sw, "mode",
                      json_string(o.exhaustive ? "exhaustive"
                                  : o.range    ? "range"
                                               : "sampled"));
  if (o.range) {
    char b[40];
    json_object_set_new(sw, "lo", jfloat(o.lo));
    json_object_set_new(sw, "hi", jfloat(o.hi));
    json_object_set_new(sw, "lo_hex", json_string(act_fmt_hex(b, o.lo)));
    json_object_set_new(sw, "hi_hex", json_string(act_fmt_hex(b, o.hi)));
  }
  if (o.range || o.exhaustive) {
    json_int_t n = o.range ? (json_int_t)(act_float_order(o.hi) - act_float_order(o.lo) + 1) +
                                 (o.with_nans ? 2 * 0x7fffff : 0)
                           : (json_int_t)1 << 32;
    if (o.with_nans) json_object_set_new(sw, "nans", json_true());
    json_object_set_new(sw, "inputs", json_integer(n));
  } else {
    json_object_set_new(sw, "samples", json_integer((json_int_t)o.samples));
    json_object_set_new(sw, "seed", json_integer((json_int_t)o.seed));
  }
  json_object_set_new(doc, "sweep", sw);
  json_object_set_new(
      doc, "conventions",
      json_string("ULP error as in docs/accuracy.md (binary32: p = 24, emin_sub = -149; a returned "
                  "infinity counts as 2^128); exact values from MPFR, correctly rounded with "
                  "Ziv's strategy, held rounded to 64 bits (2^-189 below): every error is within "
                  "2^-40 ulp of the exact one; f' measured with dy = 1 and y from the "
                  "implementation's own forward kernel; relative error over inputs with "
                  "|exact| >= FLT_MIN; NaN and infinity mismatches counted apart as special-value "
                  "failures; bfloat16 and binary16: the float kernels' results rounded to nearest "
                  "in the format, errors in its ulps"));
  json_t *acts = json_array(), *runs = json_array();
  int interrupted = 0;
  for (size_t i = 0; i < act_activation_count && !interrupted; i++) {
    const act_activation *act = act_activations[i];
    if (o.activation && strcmp(o.activation, act->name)) continue;
    if (o.pattern) {
      /* a pattern may match in some activations only: skip the others quietly */
      int any = 0;
      for (size_t t = 0; t < nsel; t++)
        if (!strcmp(tmp[t]->activation, act->name)) any = 1;
      if (!any) continue;
    }
    /* an activation a previous, interrupted run finished */
    char dir[4200], frag[4400];
    ckpt_dir(&o, dir, sizeof dir);
    snprintf(frag, sizeof frag, "%s/%s.json", dir, act->name);
    json_t *ja = NULL;
    run_info ri = {0};
    char *key = deterministic ? frag_key(&o, act, sw) : NULL;
    if (deterministic && root) {
      json_t *fd = read_frag(frag, key, act->name);
      if (fd) {
        ja = json_incref(json_object_get(fd, "activation"));
        json_t *jr = json_object_get(fd, "run");
        if (jr) json_array_append(runs, jr);
        json_decref(fd);
        printf("%s: finished by the interrupted run, kept (%s)\n", act->name, frag);
      }
    }
    int skip = act_mpi_any(ja != NULL); /* every rank skips what rank 0 has */
    if (!skip) {
      ja = run_activation(act, &o, &ri, &interrupted);
      if (interrupted) {
        json_decref(ri.time);
        break;
      }
      if (ja && root) {
        json_t *jr = json_pack("{s:s, s:I, s:f, s:f, s:I, s:I, s:b, s:i, s:i}", "activation",
                               act->name, "inputs", (json_int_t)ri.inputs, "wall_s", ri.wall_s,
                               "inputs_per_s", ri.wall_s > 0 ? (double)ri.inputs / ri.wall_s : 0,
                               "screen_decided", (json_int_t)ri.screened, "mpfr_references",
                               (json_int_t)ri.mpfr, "resumed", ri.resumed, "threads",
#ifdef _OPENMP
                               omp_get_max_threads(),
#else
                               1,
#endif
                               "ranks", act_mpi_size());
        if (ri.time) json_object_set_new(jr, "time", ri.time), ri.time = NULL;
        json_array_append(runs, jr);
        if (deterministic) { /* keep it, in case a later activation is interrupted */
          act_ensure_dir(dir);
          json_t *fd = json_pack("{s:s, s:O, s:O}", "key", key, "activation", ja, "run", jr);
          act_write_json(fd, frag);
          json_decref(fd);
        }
        json_decref(jr);
      }
    }
    free(key);
    json_decref(ri.time); /* not root's, or kept above */
    if (ja && root)
      json_array_append_new(acts, ja);
    else if (ja)
      json_decref(ja);
  }
  json_object_set_new(doc, "activations", acts);
  if (interrupted) {
    json_decref(doc), json_decref(runs), json_decref(date);
    if (root)
      fprintf(stderr,
              "actbench: accuracy: interrupted; the work done is in %s/.accuracy-checkpoint, "
              "run the same command again to resume\n",
              o.out);
    act_mpi_finalize();
    exit(130);
  }
  if (root) {
    act_write_json(doc, path);
    printf("accuracy: wrote %s\n", path);
    if (deterministic) {
      json_t *run = json_object();
      json_object_set_new(run, "kind", json_string("accuracy-run"));
      json_object_set_new(run, "date", date ? date : json_string(""));
      date = NULL;
      json_object_set_new(run, "command", json_string(act_command_line()));
      json_object_set_new(run, "reference", json_string(o.ref_mpfr ? "mpfr" : "screen"));
      json_object_set_new(run, "target_s_per_activation_2p32", json_real(180));
      json_object_set_new(run, "activations", runs);
      runs = NULL;
      act_write_json(run, runpath);
      json_decref(run);
      printf("accuracy: wrote %s\n", runpath);
      /* the checkpoints are spent */
      char dir[4200];
      ckpt_dir(&o, dir, sizeof dir);
      for (size_t i = 0; i < act_activation_count; i++) {
        char f[4400];
        snprintf(f, sizeof f, "%s/%s.json", dir, act_activations[i]->name);
        unlink(f);
      }
      rmdir(dir);
    }
  }
  json_decref(doc);
  json_decref(runs);
  json_decref(date);
  return 0;
}
