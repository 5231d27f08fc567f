/* The saturation suite's arithmetic and references (suites/saturation):
 *  - rounding to bfloat16 / binary16 / binary32 (ties to even, subnormals,
 *    overflow), against hand-worked cases and, for binary32, the compiler's
 *    own double -> float conversion;
 *  - the double-precision activations (sat_dref) against MPFR;
 *  - the normal law's probabilities against known values; quadrature;
 *  - the derivative formulas' saturation points derived by hand. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "saturation.h"
#include "util.h"

/* an activation's number, its place in activations/list.c */
#define ID(name) act_activation_id(#name)

static sat_fmt f32, bf16, f16;

static void test_rounding(void) {
  /* bfloat16: 8 significant bits, ulp(1) = 2^-7 */
  CHECK(sat_round(&bf16, 1 + 0x1p-8) == 1, "1 + 2^-8 is a tie: to even, 1");
  CHECK(sat_round(&bf16, 1 + 3 * 0x1p-8) == 1 + 0x1p-6, "1 + 3 2^-8: tie to even 1 + 2^-6");
  CHECK(sat_round(&bf16, 1 + 0x1p-8 + 0x1p-20) == 1 + 0x1p-7, "above the tie");
  CHECK(sat_round(&bf16, 0x1p-134) == 0, "half the smallest subnormal 2^-133: tie to 0");
  CHECK(sat_round(&bf16, 0x1.8p-134) == 0x1p-133, "above it: 2^-133");
  CHECK(isinf(sat_round(&bf16, 0x1.ffp127)), "beyond the largest bfloat16: inf");
  CHECK(sat_round(&bf16, 0x1.fep127) == 0x1.fep127, "the largest bfloat16");
  CHECK(sat_round(&bf16, -2.5) == -2.5 && signbit(sat_round(&bf16, -0.0)), "signs kept");
  /* binary16: 11 bits, max 65504, smallest subnormal 2^-24 */
  CHECK(sat_round(&f16, 65519) == 65504, "65519 -> 65504");
  CHECK(isinf(sat_round(&f16, 65520)), "65520 is the tie with 65536: even, an overflow");
  CHECK(sat_round(&f16, 0x1p-25) == 0, "2^-25: tie to 0");
  CHECK(sat_round(&f16, 3 * 0x1p-26) == 0x1p-24, "3 2^-26 -> 2^-24");
  CHECK(sat_round(&f16, 1 + 0x1p-11) == 1, "1 + 2^-11: tie to even");
  CHECK(f16.min_normal == 0x1p-14 && bf16.min_normal == 0x1p-126, "least normals");
  CHECK(f16.epsilon == 0x1p-10 && bf16.epsilon == 0x1p-7 && f32.epsilon == 0x1p-23,
        "machine epsilons");
  /* binary32 against the conversion of the hardware */
  act_rng r;
  act_rng_seed(&r, 7);
  int bad = 0;
  for (int i = 0; i < 200000; i++) {
    union {
      uint64_t u;
      double d;
    } v = {act_rng_next(&r)};
    if (!isfinite(v.d) || fabs(v.d) < 0x1p-160) continue;
    double want = (double)(float)v.d;
    if (sat_round(&f32, v.d) != want) bad++;
  }
  CHECK(bad == 0, "binary32 rounding differs from (float) on %d doubles", bad);
  /* neighbours */
  CHECK(sat_fmt_next(&bf16, 1, 1) == 1 + 0x1p-7 && sat_fmt_next(&bf16, 1, -1) == 1 - 0x1p-8,
        "bfloat16 neighbours of 1");
  CHECK(sat_fmt_next(&f16, 0, 1) == 0x1p-24 && sat_fmt_next(&f16, -0x1p-24, 1) == 0,
        "binary16 neighbours at 0");
  CHECK(isinf(sat_fmt_next(&f16, 65504, 1)), "after the largest: inf");
  CHECK(sat_fmt_next(&f32, 1, 1) == (double)nextafterf(1, 2), "binary32 next of 1");
}

/* sat_dref against MPFR: f and f' of every activation */
static void test_dref(void) {
  act_rng r;
  act_rng_seed(&r, 11);
  for (int id = 0; id < (int)act_activation_count; id++) {
    const act_activation *act = NULL;
    for (size_t i = 0; i < act_activation_count; i++)
      if (act_activation_id(act_activations[i]->name) == id) act = act_activations[i];
    if (!act) continue;
    const act_params *p = &act->defaults;
    double worst[2] = {0, 0};
    float wx[2] = {0, 0};
    for (int k = 0; k < 6000; k++) {
      float x;
      if (k < 4000)
        x = (float)(-60 + 120.0 * k / 4000); /* the interesting range */
      else if (k < 5000)
        x = (float)((act_rng_uniform(&r) - 0.5) * 240);
      else
        x = act_bits_float((uint32_t)act_rng_next(&r) & 0xff7fffffu); /* any finite float */
      for (int d = 0; d < 2; d++) {
        act_ref ref;
        act_reference_id(id, d, x, p, &ref);
        if (ref.cls != ACT_REF_FINITE) continue;
        double want = ref.hi + ref.lo, got = sat_dref(id, d, x, p);
        double err = fabs(got - want) / (1e-11 * fabs(want) + 1e-16);
        if (!(err <= worst[d])) worst[d] = err, wx[d] = x;
      }
    }
    CHECK(worst[0] <= 1, "%s: f in double off at x = %a (%.3g of the tolerance)", act->name,
          (double)wx[0], worst[0]);
    CHECK(worst[1] <= 1, "%s: f' in double off at x = %a (%.3g of the tolerance)", act->name,
          (double)wx[1], worst[1]);
  }
}

static double one(double x, void *c) {
  (void)x, (void)c;
  return 1;
}
static double sq(double x, void *c) {
  (void)c;
  return x * x;
}

static void test_normal(void) {
  CHECK(fabs(sat_normal_prob(-1, 1, 0, 1) - 0.68268949213708585) < 1e-15, "P(|X| < 1)");
  /* Q(8) = 6.2209605742717841e-16: the upper tail keeps its relative accuracy */
  CHECK(fabs(sat_normal_prob(8, INFINITY, 0, 1) / 6.2209605742717841e-16 - 1) < 1e-13, "Q(8)");
  CHECK(fabs(sat_normal_prob(-INFINITY, -8, 0, 1) / 6.2209605742717841e-16 - 1) < 1e-13, "Phi(-8)");
  CHECK(fabs(sat_normal_prob(1, 3, 2, 0.5) - 0.95449973610364158) < 1e-15, "P(|X - 2| < 2 s)");
  double k[1] = {0};
  CHECK(fabs(sat_normal_expect(one, NULL, 0.3, 2, k, 1) - 1) < 1e-14, "E[1] = 1");
  CHECK(fabs(sat_normal_expect(sq, NULL, 0, 3, k, 1) - 9) < 1e-12, "E[X^2] = 9");
  /* the relu dead set (-inf, 0] of floats: P = Phi(-mu/s) */
  sat_set s = {0};
  sat_set_add(&s, -FLT_MAX, 0.0f);
  CHECK(fabs(sat_set_prob(&s, &f32, 0.5, 2) - 0.5 * erfc(0.25 / sqrt(2))) < 1e-12,
        "P(x <= 0) for N(0.5, 4)");
  sat_set_free(&s);
  /* dying ReLU: delta = 0 gives 2^-B whatever the fan-in; a large fan-in
   * gives Phi(-delta)^B (|w| concentrates at 1) */
  CHECK(sat_dying_exact(64, 0, 0, 7) == 0x1p-7, "Phi(0)^7");
  double ph = 0.5 * erfc(1 / sqrt(2)); /* Phi(-1) */
  CHECK(fabs(sat_dying_exact(40000, 1, 0, 4) / pow(ph, 4) - 1) < 2e-3, "large fan-in: %g vs %g",
        sat_dying_exact(40000, 1, 0, 4), pow(ph, 4));
  /* an independent value: for fan-in 1 and one input, w x is the product of
   * two standard normals, of density K0(|z|)/pi, so P(w x <= -1/2) =
   * (1/pi) * integral of K0 from 1/2 to inf = 0.2048941020817005 (mpmath,
   * 30 digits: quad(besselk(0, z), [0.5, inf]) / pi) */
  CHECK(fabs(sat_dying_exact(1, 0.5, 0, 1) - 0.2048941020817005) < 1e-9,
        "fan-in 1, delta 1/2: %.16g vs 0.2048941020817005 (the product-normal law)",
        sat_dying_exact(1, 0.5, 0, 1));
  /* fan-in 1: |w| is half-normal; B = 1: P(w x + delta <= 0) = P(Z <= -delta / |w|) with
   * w x ~ N(0, 1) * N(0, 1) ... : check against a direct quadrature over |w| */
  double sum = 0, h = 1e-4;
  for (double r = h / 2; r < 12; r += h)
    sum += h * sqrt(2 / M_PI) * exp(-r * r / 2) * 0.5 * erfc(0.7 / r / sqrt(2));
  CHECK(fabs(sat_dying_exact(1, 0.7, 0, 1) - sum) < 1e-7, "fan-in 1: %.10g vs %.10g",
        sat_dying_exact(1, 0.7, 0, 1), sum);
}

/* the first value of the format, going up from lo, where pred holds */
static const sat_formula *formula(int id, const char *key) {
  const act_activation *act = act_activations[id];
  for (size_t i = 0; i < act->n_formulas; i++)
    if (!strcmp(act->formulas[i].key, key)) return &act->formulas[i];
  return NULL;
}
static double first_zero(const sat_fmt *c, const sat_formula *f, double lo, double hi) {
  act_params p = {1, 20};
  for (double x = sat_round(c, lo); x <= hi; x = sat_fmt_next(c, x, 1)) {
    double y, d;
    f->fn(c, x, &p, &y, &d);
    if (d == 0) return x;
  }
  return NAN;
}
/* the least value of the format >= v */
static double ceil_fmt(const sat_fmt *c, double v) {
  double r = sat_round(c, v);
  return r < v ? sat_fmt_next(c, r, 1) : r;
}

static void test_formulas(void) {
  const sat_formula *fy = formula(ID(sigmoid), "from-y");
  CHECK(fy != NULL, "sigmoid from-y");
  if (!fy) return;
  /* y(1-y) = 0 once 1 + e rounds to 1, e = RN(exp(-x)): e <= 2^-p (the tie
   * 1 + 2^-p goes to the even 1), i.e. exp(-x) <= 2^-p (1 + 2^-p) (the tie
   * above 2^-p goes to the even 2^-p): x >= p ln 2 - ln(1 + 2^-p), p = 24,
   * 8, 11 the bits of the format */
  const struct {
    const sat_fmt *c;
    int p;
  } cases[] = {{&f32, 24}, {&bf16, 8}, {&f16, 11}};
  for (int k = 0; k < 3; k++) {
    double t = cases[k].p * log(2.0) - log1p(ldexp(1.0, -cases[k].p));
    double want = ceil_fmt(cases[k].c, t);
    double got = first_zero(cases[k].c, fy, t - 1, t + 1);
    CHECK(got == want, "%s: y(1-y) is 0 from %.9g, want %.9g", cases[k].c->fmt->name, got, want);
  }
  CHECK(ceil_fmt(&bf16, 8 * log(2.0) - log1p(0x1p-8)) == 5.5625, "bfloat16: 5.5625");
  /* the stable forms have no premature zero: sigma' rounds to 0 in the format
   * only where the exact value does (the smallest subnormal over 2) */
  const sat_formula *st = formula(ID(sigmoid), "exp");
  act_params p = {1, 0};
  for (int k = 0; k < 3; k++) {
    const sat_fmt *c = cases[k].c;
    double z = first_zero(c, st, 1, 200), half = ldexp(1.0, c->emin_sub - 1);
    /* e/(1+e)^2 with e = RN(exp(-x)): 0 once e rounds to 0, exp(-x) <= half */
    CHECK(fabs(z - ceil_fmt(c, -log(half))) <= 2 * (sat_fmt_next(c, z, 1) - z),
          "%s: a e/(1+e)^2 is 0 from %.9g, near -ln(2^%d) = %.9g", c->fmt->name, z, c->emin_sub - 1,
          -log(half));
    double y, d;
    st->fn(c, sat_fmt_next(c, z, -1), &p, &y, &d);
    CHECK(d > 0 && sat_round(c, sat_dref(ID(sigmoid), 1, sat_fmt_next(c, z, -1), &p)) > 0,
          "%s: nonzero just before", c->fmt->name);
  }
  /* tanh 1 - y^2: 0 once tanh rounds to 1: below 1 the floats are 2^-24
   * apart, and the tie 1 - 2^-25 goes to the even 1: 1 - tanh x = 2/(e^{2x} +
   * 1) <= 2^-25, x >= ln(2^26 - 1)/2 */
  const sat_formula *ty = formula(ID(tanh), "from-y");
  double zt = first_zero(&f32, ty, 1, 20);
  CHECK(zt == ceil_fmt(&f32, log(0x1p26 - 1) / 2), "tanh 1-y^2 zero from %.9g, want %.9g", zt,
        ceil_fmt(&f32, log(0x1p26 - 1) / 2));
  /* every formula: the forward and the derivative near the exact ones in
   * binary32 at moderate x */
  size_t nformulas = 0;
  for (size_t id = 0; id < act_activation_count; id++) {
    const act_activation *act = act_activations[id];
    CHECK(act->n_formulas > 0, "%s: no derivative formulas in its descriptor", act->name);
    for (size_t i = 0; i < act->n_formulas; i++, nformulas++) {
      const sat_formula *f = &act->formulas[i];
      double worst = 0, wx = 0;
      for (double x = -4; x <= 4; x += 1.0 / 64) {
        double y, d;
        f->fn(&f32, x, &act->defaults, &y, &d);
        double ey = sat_dref((int)id, 0, x, &act->defaults);
        double ed = sat_dref((int)id, 1, x, &act->defaults);
        double e = fmax(fabs(y - ey), fabs(d - ed)) / (fmax(fabs(ey), fabs(ed)) + 1);
        if (e > worst) worst = e, wx = x;
      }
      CHECK(worst < 1e-5, "%s.%s off by %g at x = %g", act->name, f->key, worst, wx);
    }
  }
  CHECK(nformulas == 33, "%zu derivative formulas, 33 expected", nformulas);
}

int main(void) {
  sat_fmt_init(&f32, &act_binary32);
  sat_fmt_init(&bf16, &act_bfloat16);
  sat_fmt_init(&f16, &act_binary16);
  test_rounding();
  test_dref();
  test_normal();
  test_formulas();
  return check_done();
}
