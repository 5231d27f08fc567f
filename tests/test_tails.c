/* The core and the tails (docs/accuracy.md, "Core and tails"; stats.c,
 * describe.c) on synthetic kernels of leaky_relu with slope a = 1/2, whose
 * exact value x/2 is known without a reference (x/2 is exact for a normal
 * x, and below 2^-126 it is a subnormal value, its float only rounded):
 * - exact: RN(x/2) itself: no tails, the core is every input whose x/2 is
 *   0 or normal;
 * - flush: 0 wherever |RN(x/2)| < T = 0x1.00001p-126 (flushes results below
 *   a threshold just above the least normal): 0 for a normal x/2 below T
 *   (premature), 0 for a subnormal x/2 (flush to zero), 0 for a subnormal x
 *   (a flushed input, as f(0));
 * - nan: NaN on a range of x;
 * - off: 2 ulp off on a range of x, against a documented bound of 1 ulp (a
 *   peer-like implementation: the verdict says it exceeds, how much, on how
 *   many inputs, where), and the same kernel without a bound (NAN: "no
 *   documented bound");
 * in a range sweep (every float of a range: the intervals and counts are
 * known by hand) and in a sampled sweep (a sorted list: the intervals are
 * runs of consecutive samples, counted against a direct scan); the fast
 * pass against add_one for every result, bit for bit; the special-value
 * failures by kind on hand-picked inputs; the core's statistics on
 * hand-worked references, and a kernel that flushes its subnormal inputs
 * (ACT_FTZ) has them outside its core. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "sweep.h"
#include "util.h"

#define T 0x1.00001p-126f /* the flush kernel's threshold */
static const float NAN_LO = -0x1.00000cp-125f, NAN_HI = -0x1.000004p-125f;
static const float OFF_LO = -0x1.00001ap-125f, OFF_HI = -0x1.000016p-125f;

static float half(float x) {
  return x * 0.5f; /* RN(x/2) */
}

static void exact_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : half(x[i]);
}
static void flush_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float v = x[i] > 0 ? x[i] : half(x[i]);
    y[i] = v != 0 && fabsf(v) < T ? 0.0f : v;
  }
}
static void nan_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++)
    y[i] = x[i] >= NAN_LO && x[i] <= NAN_HI ? NAN : x[i] > 0 ? x[i] : half(x[i]);
}
static void off_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float v = x[i] > 0 ? x[i] : half(x[i]);
    if (x[i] >= OFF_LO && x[i] <= OFF_HI) v = nextafterf(nextafterf(v, -INFINITY), -INFINITY);
    y[i] = v;
  }
}
/* special values: +0 for -2^-149 (RN(-2^-150) is -0), -FLT_MAX for -inf,
 * 0 for NaN, f(0) for a subnormal x, NaN for x = -1 */
static void special_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float v = x[i] > 0 ? x[i] : half(x[i]);
    if (x[i] == -0x1p-149f) v = 0.0f;
    if (x[i] == -INFINITY) v = -FLT_MAX;
    if (isnan(x[i])) v = 0.0f;
    if (x[i] != 0 && fabsf(x[i]) < FLT_MIN && x[i] != -0x1p-149f) v = 0.0f;
    if (x[i] == -1.0f) v = NAN;
    y[i] = v;
  }
}
/* sigmoid at a subnormal input or 0: 1/2, correctly rounded */
static void half_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p, (void)x;
  for (size_t i = 0; i < n; i++) y[i] = 0.5f;
}
static int always(void) {
  return 1;
}
#define IMPL(name, fwd, fu, flags)                                                               \
  {                                                                                              \
    "leaky_relu", "leaky_relu.scalar." name, "scalar", "test", fu, NAN, fwd, NULL, always, NULL, \
        flags, NULL                                                                              \
  }
static const act_impl k_exact = IMPL("exact", exact_fwd, 0.5, ACT_NAN_FWD);
static const act_impl k_flush = IMPL("flush", flush_fwd, NAN, ACT_NAN_FWD);
static const act_impl k_nan = IMPL("nan", nan_fwd, NAN, ACT_NAN_FWD);
static const act_impl k_off = IMPL("off", off_fwd, 1.0, ACT_NAN_FWD);
static const act_impl k_off_none = IMPL("off-none", off_fwd, NAN, ACT_NAN_FWD);
static const act_impl k_special = IMPL("special", special_fwd, 0.5, ACT_NAN_FWD);
static const act_impl k_ftz = {"sigmoid", "sigmoid.scalar.ftz",
                               "scalar",  "test",
                               0.5,       NAN,
                               half_fwd,  NULL,
                               always,    NULL,
                               ACT_FTZ,   NULL};
static const act_impl k_noftz = {
    "sigmoid", "sigmoid.scalar.noftz", "scalar", "test", 0.5, NAN, half_fwd, NULL, always, NULL, 0,
    NULL};
static const act_impl *const kernels[] = {&k_exact, &k_flush, &k_nan, &k_off, &k_off_none};
enum { K_EXACT, K_FLUSH, K_NAN, K_OFF, K_OFF_NONE, NK };

/* the range: from x/2 normal above T, through the premature zeros, to
 * subnormal x/2 and a few subnormal x (every float of it) */
static const float LO = -0x1.000020p-125f, HI = -0x1.ffffe0p-126f;

static act_params P = {0.5f, 0};

/* the sweep of kernels over [LO, HI] (list == NULL) or over a list, of
 * leaky_relu (or the activation of the first kernel) */
static void sweep(const act_impl *const *ks, size_t nk, const float *list, size_t n,
                  act_sweep_result *r) {
  static act_acc_ctx fc[8], dc[8];
  const act_activation *act = act_find_activation(ks[0]->activation);
  for (size_t k = 0; k < nk; k++) {
    act_acc_ctx_for(&fc[k], ks[k], 0, act, &P, &act_binary32);
    act_acc_ctx_for(&dc[k], ks[k], 1, act, &P, &act_binary32);
  }
  act_sweep_cfg c;
  memset(&c, 0, sizeof c);
  c.act = act, c.p = P, c.impls = ks, c.nimpl = nk, c.fctx = fc, c.dctx = dc;
  c.glo = -1, c.ghi = 1;
  if (list) {
    c.list = list, c.nlist = n;
  } else {
    c.k0 = act_float_order(LO), c.k1 = act_float_order(HI);
  }
  act_sweep_run(&c, r);
}

static int one_interval(const act_marks *m, float lo, float hi, uint64_t count, const char *what) {
  act_interval v[ACT_CELLS];
  int n = act_marks_intervals(m, v);
  int ok = n == 1 && v[0].lo == lo && v[0].hi == hi && v[0].count == count && !v[0].coalesced &&
           m->count == count;
  CHECK(ok, "%s: %d intervals, [%a, %a] count %llu (want [%a, %a] count %llu)", what, n,
        n ? (double)v[0].lo : 0.0, n ? (double)v[0].hi : 0.0,
        n ? (unsigned long long)v[0].count : 0ull, (double)lo, (double)hi,
        (unsigned long long)count);
  return ok;
}

/* the runs of consecutive list entries with mark(x) true, against the
 * intervals of m */
static void same_runs(const act_marks *m, const float *x, size_t n, int (*mark)(float),
                      const char *what) {
  act_interval v[ACT_CELLS];
  int nv = act_marks_intervals(m, v), k = 0, ok = 1;
  uint64_t total = 0;
  for (size_t i = 0; i < n;) {
    if (!mark(x[i])) {
      i++;
      continue;
    }
    size_t j = i;
    while (j + 1 < n && mark(x[j + 1])) j++;
    ok &=
        k < nv && v[k].lo == x[i] && v[k].hi == x[j] && v[k].count == j - i + 1 && !v[k].coalesced;
    total += j - i + 1;
    k++;
    i = j + 1;
  }
  CHECK(ok && k == nv && m->count == total, "%s: %d runs in the list, %d intervals, %llu marked",
        what, k, nv, (unsigned long long)m->count);
}

static int is_premature(float x) {
  return x <= -0x1p-125f && fabsf(half(x)) < T;
}
static int is_flush(float x) {
  return x > -0x1p-125f && x <= -FLT_MIN;
}
static int is_nan(float x) {
  return x >= NAN_LO && x <= NAN_HI;
}
static int is_off(float x) {
  return x >= OFF_LO && x <= OFF_HI;
}

static act_ref R(double hi, float rn) {
  act_ref r = {hi, 0, rn, ACT_REF_FINITE, 0};
  return r;
}

int main(void) {
  /* ---- a range sweep: every float of [LO, HI], intervals by hand */
  act_sweep_result r;
  sweep(kernels, NK, NULL, 0, &r);
  uint64_t total = (uint64_t)(act_float_order(HI) - act_float_order(LO) + 1);
  CHECK(r.inputs == total && total == 33, "range: %llu inputs", (unsigned long long)r.inputs);
  const act_acc_stats *ex = &r.fs[K_EXACT], *fl = &r.fs[K_FLUSH], *na = &r.fs[K_NAN];
  for (int k = 0; k < ACT_MARKS; k++)
    CHECK(ex->marks[k].count == 0, "exact: no %s", act_mark_name(k));
  /* the core: x <= -2^-125, where x/2 is normal: 17 inputs, all exact */
  CHECK(ex->core_inputs == 17 && ex->core_finite == 17 && ex->core_max == 0,
        "exact: core %zu inputs, max %g", ex->core_inputs, ex->core_max);
  CHECK(act_acc_verdict(ex) == 0, "exact: within its claim");
  /* flush: premature zeros for x in [-0x1.00000ep-125, -2^-125] (8 inputs:
   * |x/2| in [2^-126, T)), flushes to zero for every x above (16 inputs) */
  one_interval(&fl->marks[ACT_MARK_PREMATURE], -0x1.00000ep-125f, -0x1p-125f, 8,
               "range flush: premature");
  one_interval(&fl->marks[ACT_MARK_FLUSH], -0x1.fffffep-126f, -0x1.ffffe0p-126f, 16,
               "range flush: flush to zero");
  CHECK(fl->marks[ACT_MARK_PREMATURE].cell[0].ex_x == -0x1.00000ep-125f,
        "flush: the example is the worst, x = %a",
        (double)fl->marks[ACT_MARK_PREMATURE].cell[0].ex_x);
  /* its core: the 17 of the exact kernel; the 8 premature zeros are off by
   * |x/2| / 2^-149 = 2^23 + k, k = 0..7 */
  double sum = 8 * 0x1p23 + 28;
  CHECK(fl->core_inputs == 17 && fl->core_max == 0x1p23 + 7 &&
            fl->core_max_x == -0x1.00000ep-125f && act_acc_core_mean(fl) == sum / 17,
        "flush: core %zu, max %.17g at %a, mean %.17g", fl->core_inputs, fl->core_max,
        (double)fl->core_max_x, act_acc_core_mean(fl));
  CHECK(act_acc_verdict(fl) == -1, "flush: no claim");
  char note[96];
  act_ulp_note(note, sizeof note, fl->max_ulp, fl->max_got, fl->max_want, &act_binary32);
  CHECK(!strcmp(note, "0 for -1.2e-38"), "flush: the note of its max ULP is '%s'", note);
  /* nan: NaN on [NAN_LO, NAN_HI], 5 inputs, special failures of kind NaN */
  one_interval(&na->marks[ACT_MARK_NAN], NAN_LO, NAN_HI, 5, "range nan");
  CHECK(na->special_fail == 5 && na->nan_out_fail == 5 && na->core_inputs == 17 &&
            na->core_finite == 12,
        "nan: %zu special failures, core %zu / %zu measured", na->special_fail, na->core_inputs,
        na->core_finite);
  /* off against a documented bound of 1 ulp: exceeds by 1 on [OFF_LO, OFF_HI] */
  const act_acc_stats *of = &r.fs[K_OFF], *on = &r.fs[K_OFF_NONE];
  one_interval(&of->marks[ACT_MARK_EXCEEDS], OFF_LO, OFF_HI, 3, "range off: exceeds");
  CHECK(act_acc_verdict(of) == 1 && act_acc_exceeding(of) == 3 && of->max_ulp == 2.0,
        "off: verdict %d, %llu exceeding, max %g", act_acc_verdict(of),
        (unsigned long long)act_acc_exceeding(of), of->max_ulp);
  char *t = act_acc_verdict_text_cls(of, ACT_IMPL_PEER);
  CHECK(!strcmp(t,
                "exceeds its documented bound (1 ulp) by 1 ulp (max 2) on 3 inputs: x in "
                "[-2.351e-38, -2.351e-38]"),
        "off: '%s'", t);
  free(t);
  t = act_acc_verdict_text_cls(on, ACT_IMPL_PEER);
  CHECK(act_acc_verdict(on) == -1 && !strcmp(t, "no documented bound") &&
            on->marks[ACT_MARK_EXCEEDS].count == 0,
        "off without a bound: '%s'", t);
  free(t);
  json_t *vj = act_acc_verdict_json(of, &k_off);
  CHECK(!strcmp(json_string_value(json_object_get(vj, "status")), "exceeds") &&
            json_integer_value(json_object_get(vj, "count")) == 3 &&
            json_array_size(json_object_get(vj, "where")) == 1,
        "off: verdict JSON");
  json_decref(vj);
  /* the sentence */
  t = act_acc_summary(fl, &act_binary32);
  CHECK(strstr(t,
               "returns 0 from x = -2.351e-38 while the exact result stays representable "
               "(subnormal) down to -2.351e-38 (16 inputs)") &&
            strstr(t,
                   "returns 0 from x = -2.351e-38 down to -2.351e-38 while the exact result is "
                   "a normal float (8 inputs)") &&
            strstr(t, "8.39e+06 (0 for -1.2e-38) ulp wherever the result is a normal float"),
        "flush: '%s'", t);
  free(t);

  /* the fast pass against add_one, bit for bit */
  unsigned char *b1 = malloc(1 << 20), *b2 = malloc(1 << 20);
  setenv("ACTBENCH_SWEEP_SLOWPATH", "1", 1);
  act_sweep_result r2;
  sweep(kernels, NK, NULL, 0, &r2);
  unsetenv("ACTBENCH_SWEEP_SLOWPATH");
  for (int k = 0; k < NK; k++) {
    size_t n1 = act_acc_stats_pack(&r.fs[k], b1), n2 = act_acc_stats_pack(&r2.fs[k], b2);
    CHECK(n1 == n2 && !memcmp(b1, b2, n1), "%s: the fast pass = add_one", kernels[k]->name);
  }
  act_sweep_cfg cf0;
  memset(&cf0, 0, sizeof cf0);
  cf0.nimpl = NK;
  act_sweep_free(&cf0, &r2);

  /* ---- a sampled sweep: every third float of the range and some beyond,
   * sorted; intervals are runs of consecutive samples */
  size_t n = 0;
  float *xs = malloc(sizeof(float) * 64);
  for (int64_t k = act_float_order(LO); k <= act_float_order(HI); k += 3)
    xs[n++] = act_order_float(k);
  float more[] = {-1.0f, 2.0f, -0x1.00000ap-125f, -0x1.00000ap-125f, 0.0f};
  for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) xs[n++] = more[i];
  act_sort_floats(xs, n);
  act_sweep_result rs;
  sweep(kernels, NK, xs, n, &rs);
  same_runs(&rs.fs[K_FLUSH].marks[ACT_MARK_PREMATURE], xs, n, is_premature, "sampled premature");
  same_runs(&rs.fs[K_FLUSH].marks[ACT_MARK_FLUSH], xs, n, is_flush, "sampled flush");
  same_runs(&rs.fs[K_NAN].marks[ACT_MARK_NAN], xs, n, is_nan, "sampled nan");
  same_runs(&rs.fs[K_OFF].marks[ACT_MARK_EXCEEDS], xs, n, is_off, "sampled exceeds");
  /* the duplicate -0x1.00000ap-125 (a NaN input) counts twice */
  CHECK(rs.fs[K_NAN].marks[ACT_MARK_NAN].count == 3, "sampled nan: %llu",
        (unsigned long long)rs.fs[K_NAN].marks[ACT_MARK_NAN].count);
  act_sweep_free(&cf0, &rs);
  act_sweep_free(&cf0, &r);

  /* ---- special-value failures by kind, on hand-picked inputs */
  {
    float sx[] = {NAN, -INFINITY, -1.0f, -0x1p-149f, -0x1p-140f, 0.5f, 0.0f};
    size_t ns = sizeof sx / sizeof sx[0];
    act_sort_floats(sx, ns);
    const act_impl *ks[1] = {&k_special};
    act_sweep_result rq;
    sweep(ks, 1, sx, ns, &rq);
    const act_acc_stats *q = &rq.fs[0];
    CHECK(q->marks[ACT_MARK_NAN].count == 1 && q->marks[ACT_MARK_NAN].cell[0].lo_x == -1.0f,
          "special: NaN for a number at x = -1");
    CHECK(q->marks[ACT_MARK_INF].count == 1 && q->marks[ACT_MARK_INF].cell[0].lo_x == -INFINITY,
          "special: a wrong infinity at -inf");
    CHECK(q->marks[ACT_MARK_ZERO_SIGN].count == 1 &&
              q->marks[ACT_MARK_ZERO_SIGN].cell[0].lo_x == -0x1p-149f,
          "special: a zero of the wrong sign at -2^-149");
    CHECK(q->marks[ACT_MARK_FLUSHED_IN].count == 1 &&
              q->marks[ACT_MARK_FLUSHED_IN].cell[0].lo_x == -0x1p-140f,
          "special: a flushed input at -2^-140");
    CHECK(q->nan_in_fail == 1 && q->special_fail == 3,
          "special: a number for NaN; %zu special failures (NaN for a number, a number for NaN, "
          "the infinity)",
          q->special_fail);
    json_t *j = act_acc_special_kinds_json(q);
    CHECK(json_integer_value(json_object_get(j, "nan_for_number")) == 1 &&
              json_integer_value(json_object_get(j, "number_for_nan")) == 1 &&
              json_integer_value(json_object_get(j, "wrong_infinity")) == 1 &&
              json_integer_value(json_object_get(j, "zero_sign")) == 1 &&
              json_integer_value(json_object_get(j, "flushed_input")) == 1,
          "special: by kind in JSON");
    json_decref(j);
    /* its claim (0.5) fails for the NaN input (it claims NaN), the NaN for
     * -1, the infinity; the zero's sign and the flushed input are
     * errors of 2^-150 / 2^-149 and 2^9 ulp */
    CHECK(act_acc_verdict(q) == 1, "special: exceeds its claim");
    act_sweep_cfg c1;
    memset(&c1, 0, sizeof c1);
    c1.nimpl = 1;
    act_sweep_free(&c1, &rq);
  }

  /* ---- the core on hand-worked references (add_one) */
  {
    act_acc_stats s;
    act_acc_stats_init(&s, 0, 0, 1);
    act_acc_ctx c;
    act_acc_ctx_init(&c);
    c.ftz = 1;
    act_acc_stats_set_ctx(&s, &c);
    /* normal exact 1, 1 ulp off; subnormal exact value (outside); exact 0
     * (inside); a subnormal input with a normal result (outside: flushed);
     * an infinite input (outside); a normal result with 3 ulp */
    float x[] = {1, -100, -1, 0x1p-140f, INFINITY, 2};
    float got[] = {1.0f + 0x1p-23f, 0, 0, 1, 1, 2.0f + 3 * 0x1p-22f};
    act_ref ref[] = {R(1, 1), R(0x1p-140, 0x1p-140f), R(0, 0), R(1, 1), R(1, 1), R(2, 2)};
    ref[2].exact_zero = 1;
    act_acc_stats_add(&s, x, got, ref, 6);
    CHECK(s.core_inputs == 3 && s.core_finite == 3 && s.core_max == 3 && s.core_max_x == 2 &&
              act_acc_core_mean(&s) == 4.0 / 3,
          "core: %zu inputs, max %g at %g, mean %.17g", s.core_inputs, s.core_max,
          (double)s.core_max_x, act_acc_core_mean(&s));
    act_acc_stats_free(&s);
    /* the same without flushing: the subnormal input is in the core */
    act_acc_stats_init(&s, 0, 0, 1);
    act_acc_stats_add(&s, x, got, ref, 6);
    CHECK(s.core_inputs == 4, "core without FTZ: %zu inputs", s.core_inputs);
    act_acc_stats_free(&s);
  }
  /* a kernel that flushes its subnormal inputs (ACT_FTZ) in the sweep, on
   * sigmoid, whose value at a subnormal input is 1/2 (a normal result): its
   * core leaves them out, the same kernel without the flag keeps them; the
   * fast pass (which keeps both counts) equals add_one */
  {
    float sx[] = {-0x1p-140f, -0x1p-130f, -0x1.8p-127f, 0.0f, -0.0f, 0x1p-135f, 0x1p-149f};
    size_t ns = sizeof sx / sizeof sx[0];
    act_sort_floats(sx, ns);
    const act_impl *ks[2] = {&k_ftz, &k_noftz};
    act_sweep_result rz, rz2;
    sweep(ks, 2, sx, ns, &rz);
    CHECK(rz.fs[0].core_inputs == 2 && rz.fs[1].core_inputs == 7 && rz.fs[0].cr == 7,
          "ftz core %zu, without the flag %zu", rz.fs[0].core_inputs, rz.fs[1].core_inputs);
    setenv("ACTBENCH_SWEEP_SLOWPATH", "1", 1);
    sweep(ks, 2, sx, ns, &rz2);
    unsetenv("ACTBENCH_SWEEP_SLOWPATH");
    for (int k = 0; k < 2; k++) {
      size_t n1 = act_acc_stats_pack(&rz.fs[k], b1), n2 = act_acc_stats_pack(&rz2.fs[k], b2);
      CHECK(n1 == n2 && !memcmp(b1, b2, n1), "%s: the fast pass = add_one", ks[k]->name);
    }
    act_sweep_cfg c2;
    memset(&c2, 0, sizeof c2);
    c2.nimpl = 2;
    act_sweep_free(&c2, &rz);
    act_sweep_free(&c2, &rz2);
  }
  free(b1), free(b2), free(xs);
  /* ---- f' at a kink (the descriptor's): either one-sided derivative is
   * right, marked as another convention (K) with no error; any other value
   * is an error */
  {
    const act_activation *hs = act_find_activation("hardswish");
    act_impl kk = {.activation = "hardswish",
                   .name = "hardswish.scalar.kinks",
                   .fwd_ulp = 0.5,
                   .bwd_ulp = 0.5};
    act_acc_ctx c;
    act_acc_ctx_for(&c, &kk, 1, hs, &hs->defaults, &act_binary32);
    CHECK(c.n_kinks == 2 && c.kink_x[0] == -3 && c.kink_side[0][0] == 0 &&
              c.kink_side[0][1] == -0.5f && c.kink_x[1] == 3 && c.kink_side[1][0] == 1.5f &&
              c.kink_side[1][1] == 1,
          "hardswish' kinks: %d: %g [%g %g], %g [%g %g]", c.n_kinks, (double)c.kink_x[0],
          (double)c.kink_side[0][0], (double)c.kink_side[0][1], (double)c.kink_x[1],
          (double)c.kink_side[1][0], (double)c.kink_side[1][1]);
    act_acc_ctx cf;
    act_acc_ctx_for(&cf, &kk, 0, hs, &hs->defaults, &act_binary32);
    CHECK(cf.n_kinks == 0, "hardswish f: %d kinks (f is continuous)", cf.n_kinks);
    const act_activation *elu = act_find_activation("elu");
    act_impl ke = {.activation = "elu", .name = "elu.scalar.kinks", .bwd_ulp = 0.5};
    act_params a1 = {1.0f, 0}, a2 = {0.5f, 0};
    act_acc_ctx_for(&c, &ke, 1, elu, &a1, &act_binary32);
    CHECK(c.n_kinks == 0, "elu' with a = 1: %d kinks (f' is continuous at 0)", c.n_kinks);
    act_acc_ctx_for(&c, &ke, 1, elu, &a2, &act_binary32);
    CHECK(c.n_kinks == 1 && c.kink_side[0][0] == 0.5f && c.kink_side[0][1] == 1,
          "elu' with a = 1/2: %d kinks", c.n_kinks);
    act_acc_ctx_for(&c, &kk, 1, hs, &hs->defaults, &act_binary32);
    float xs[] = {-3.0f, 3.0f, 3.0f, 2.0f}, got[] = {0.0f, 1.0f, 0.75f, 7.0f / 6};
    act_acc_stats s;
    act_acc_stats_init(&s, 0, 0, 1);
    act_acc_stats_set_ctx(&s, &c);
    for (int i = 0; i < 4; i++) {
      act_ref r;
      act_reference("hardswish", 1, xs[i], &hs->defaults, &r);
      act_acc_stats_add_one(&s, xs[i], got[i], &r, (uint64_t)i);
    }
    CHECK(s.marks[ACT_MARK_KINK].count == 2, "kink conventions: %llu, want 2",
          (unsigned long long)s.marks[ACT_MARK_KINK].count);
    CHECK(s.max_x == 3.0f && s.max_got == 0.75f && s.max_ulp > 1e6,
          "0.75 at the kink 3 is an error: max %g at %g (got %g)", s.max_ulp, (double)s.max_x,
          (double)s.max_got);
    CHECK(s.marks[ACT_MARK_EXCEEDS].count == 1, "exceeds: %llu, want 1 (0.75 at 3)",
          (unsigned long long)s.marks[ACT_MARK_EXCEEDS].count);
  }

  return check_done();
}
