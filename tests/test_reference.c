/* MPFR references against known values, and against a second method
 * (double-precision libm) where that one is accurate enough to decide. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "util.h"

static act_ref ref(const char *act, int d, float x, float a) {
  act_params p = {a, 0};
  act_ref r;
  int rc = act_reference(act, d, x, &p, &r);
  CHECK(rc == 0, "reference for %s", act);
  return r;
}

static void near(const char *what, act_ref r, double want, double rel) {
  double got = r.hi + r.lo;
  CHECK(fabs(got - want) <= rel * fabs(want), "%s: %.17g want %.17g", what, got, want);
  if (fabs(want) >= FLT_MIN)
    CHECK(r.rn == (float)want, "%s: rn %a want %a", what, (double)r.rn, (double)(float)want);
}

int main(void) {
  /* exact values */
  act_ref r = ref("sigmoid", 0, 0, 1);
  CHECK(r.hi == 0.5 && r.lo == 0 && r.rn == 0.5f, "sigmoid(0)");
  r = ref("sigmoid", 1, 0, 1);
  CHECK(r.hi == 0.25 && r.rn == 0.25f, "sigmoid'(0)");
  r = ref("tanh", 0, 0, 0);
  CHECK(r.hi == 0 && r.rn == 0, "tanh(0)");
  r = ref("tanh", 0, -0.0f, 0);
  CHECK(r.rn == 0 && signbit(r.rn), "tanh(-0) = -0");
  r = ref("tanh", 1, 0, 0);
  CHECK(r.hi == 1 && r.rn == 1, "tanh'(0)");
  /* known values (worked to 17 digits elsewhere) */
  near("sigmoid(1)", ref("sigmoid", 0, 1, 1), 0.73105857863000487925, 1e-16);
  near("sigmoid'(1)", ref("sigmoid", 1, 1, 1), 0.19661193324148185254, 1e-16);
  near("sigmoid(1; a=2)", ref("sigmoid", 0, 1, 2), 0.88079707797788244406, 1e-16);
  near("sigmoid'(1; a=2) = 2 s(2)(1-s(2))", ref("sigmoid", 1, 1, 2), 0.20998717080701303470, 1e-15);
  near("tanh(1)", ref("tanh", 0, 1, 0), 0.76159415595576488812, 1e-16);
  near("tanh'(1)", ref("tanh", 1, 1, 0), 0.41997434161402606939, 1e-16);
  near("tanh(-0.5)", ref("tanh", 0, -0.5f, 0), -0.46211715726000975850, 1e-16);
  /* rounding into the subnormals: sigmoid(-100) = 3.7200759760208e-44 = 26.55 * 2^-149;
   * the canonical value is the exact one rounded to a multiple of 2^-189 */
  r = ref("sigmoid", 0, -100, 1);
  CHECK(fabs(r.hi + r.lo - 3.7200759760208361e-44) <= 0x1p-190 + 1e-60, "sigmoid(-100) = %.17g",
        r.hi);
  CHECK(ldexp(r.hi, 189) == floor(ldexp(r.hi, 189)) && r.lo == 0,
        "sigmoid(-100): canonical value on the 2^-189 grid (%a)", r.hi);
  CHECK(r.rn == 27 * 0x1p-149f, "sigmoid(-100) rounds to 27 * 2^-149, got %a", (double)r.rn);
  /* near the asymptote: sigmoid(17) = 1 - 4.14e-8 rounds below 1, sigmoid(17.5) to 1 */
  CHECK(ref("sigmoid", 0, 17, 1).rn == 1 - 0x1p-24f, "sigmoid(17)");
  CHECK(ref("sigmoid", 0, 17.5f, 1).rn == 1.0f, "sigmoid(17.5)");
  CHECK(ref("sigmoid", 0, 1000, 1).rn == 1.0f, "sigmoid(1000)");
  CHECK(ref("sigmoid", 0, -1000, 1).rn == 0.0f, "sigmoid(-1000)");
  CHECK(ref("sigmoid", 0, INFINITY, 1).rn == 1.0f, "sigmoid(inf)");
  CHECK(ref("sigmoid", 0, -INFINITY, 1).rn == 0.0f, "sigmoid(-inf)");
  CHECK(ref("sigmoid", 1, INFINITY, 1).rn == 0.0f, "sigmoid'(inf)");
  CHECK(ref("tanh", 0, -INFINITY, 0).rn == -1.0f, "tanh(-inf)");
  CHECK(ref("tanh", 1, FLT_MAX, 0).rn == 0.0f, "tanh'(FLT_MAX)");
  CHECK(ref("sigmoid", 0, NAN, 1).cls == ACT_REF_NAN, "sigmoid(nan)");
  /* the rest of the family: values worked to 40 digits with Python's decimal
   * module (exp, ln) or, for erf, double-precision math.erf */
  near("elu(-1)", ref("elu", 0, -1, 1), -0.63212055882855767840, 1e-16);
  near("elu'(-1)", ref("elu", 1, -1, 1), 0.36787944117144232160, 1e-16);
  near("selu(-1)", ref("selu", 0, -1, 0), -1.1113307378125627618, 1e-16);
  near("selu(2)", ref("selu", 0, 2, 0), 2.1014019747109609868, 1e-16);
  near("selu'(-1)", ref("selu", 1, -1, 0), 0.64676860303481409814, 1e-16);
  near("silu(1)", ref("silu", 0, 1, 1), 0.73105857863000487925, 1e-16);
  near("silu'(1)", ref("silu", 1, 1, 1), 0.92767051187148673179, 1e-16);
  near("silu(-2)", ref("silu", 0, -2, 1), -0.23840584404423511188, 1e-16);
  {
    act_params sp = {1, 20};
    act_ref r1;
    act_reference("softplus", 0, 1, &sp, &r1);
    near("softplus(1)", r1, 1.3132616875182228340, 1e-16);
    act_reference("softplus", 0, -3, &sp, &r1);
    near("softplus(-3)", r1, 0.048587351573742058759, 1e-16);
    act_reference("softplus", 0, 1e30f, &sp, &r1);
    CHECK(r1.rn == 1e30f, "softplus(1e30) = 1e30");
  }
  near("mish(1)", ref("mish", 0, 1, 0), 0.86509838826731034612, 1e-16);
  near("mish'(1)", ref("mish", 1, 1, 0), 1.0490362200997921591, 1e-16);
  near("logsigmoid(1)", ref("logsigmoid", 0, 1, 0), -0.31326168751822283405, 1e-16);
  near("logsigmoid'(1)", ref("logsigmoid", 1, 1, 0), 0.26894142136999512075, 1e-16);
  near("gelu(1)", ref("gelu", 0, 1, 0), 0.8413447460685429, 2e-16);
  near("gelu(-2)", ref("gelu", 0, -2, 0), -0.04550026389635844, 1e-15);
  near("gelu_tanh(1)", ref("gelu_tanh", 0, 1, 0), 0.84119199060827670478, 1e-16);
  r = ref("gelu", 1, 0, 0);
  CHECK(r.hi == 0.5 && r.rn == 0.5f, "gelu'(0) = 1/2 exactly");
  near("hardswish(1)", ref("hardswish", 0, 1, 0), 2.0 / 3.0, 1e-16);
  near("hardsigmoid(1)", ref("hardsigmoid", 0, 1, 0), 2.0 / 3.0, 1e-16);
  CHECK(ref("hardsigmoid", 1, 3, 0).rn == 0 && ref("hardsigmoid", 1, 2.5f, 0).rn == 1.0f / 6,
        "hardsigmoid' is 1/6 inside (-3, 3) only");
  CHECK(ref("hardswish", 1, -3, 0).rn == -0.5f && ref("hardswish", 1, 3, 0).rn == 1.5f &&
            ref("hardswish", 1, -3.5f, 0).rn == 0 && ref("hardswish", 1, 3.5f, 0).rn == 1,
        "hardswish' at and beyond the kinks (PyTorch's convention)");
  CHECK(ref("elu", 1, 0, 1).rn == 1 && ref("elu", 1, 0, 0.5f).rn == 0.5f, "elu'(0) = a");
  /* tails: the asymptote or x itself, and signed zeros below every float */
  CHECK(ref("elu", 0, -1000, 1).rn == -1, "elu(-1000) = -1");
  CHECK(ref("gelu", 0, 100, 0).rn == 100 && ref("gelu", 1, 100, 0).rn == 1, "gelu(100)");
  CHECK(ref("gelu", 0, -100, 0).rn == 0 && signbit(ref("gelu", 0, -100, 0).rn), "gelu(-100) = -0");
  CHECK(ref("mish", 0, FLT_MAX, 0).rn == FLT_MAX && ref("mish", 0, -FLT_MAX, 0).rn == 0,
        "mish at +-FLT_MAX");
  CHECK(ref("silu", 1, -FLT_MAX, 1).rn == 0 && ref("silu", 1, FLT_MAX, 1).rn == 1, "silu'");
  CHECK(ref("logsigmoid", 0, -FLT_MAX, 0).rn == -FLT_MAX, "logsigmoid(-FLT_MAX)");
  CHECK(ref("softplus", 0, INFINITY, 1).cls == ACT_REF_INF, "softplus(inf) = inf");
  CHECK(ref("gelu_tanh", 0, -FLT_MAX, 0).rn == 0 && ref("gelu_tanh", 1, FLT_MAX, 0).rn == 1,
        "gelu_tanh at +-FLT_MAX");
  /* the piecewise-linear ones are exact */
  CHECK(ref("relu", 0, 2.5f, 0).rn == 2.5f && ref("relu", 0, -2.5f, 0).rn == 0, "relu");
  CHECK(ref("relu", 1, 2.5f, 0).rn == 1 && ref("relu", 1, 0, 0).rn == 0, "relu' (relu'(0) = 0)");
  CHECK(ref("relu", 0, INFINITY, 0).cls == ACT_REF_INF, "relu(inf) is inf");
  CHECK(ref("leaky_relu", 0, -3, 0.01f).rn == (float)(-3.0 * (double)0.01f), "leaky(-3)");
  CHECK(ref("leaky_relu", 1, -3, 0.01f).rn == 0.01f, "leaky'(-3) = a");
  CHECK(ref("leaky_relu", 1, 0, 0.01f).rn == 0.01f, "leaky'(0) = a");
  CHECK(ref("leaky_relu", 0, -INFINITY, 0.01f).rn == -INFINITY, "leaky(-inf)");
  CHECK(ref("leaky_relu", 0, -INFINITY, 0).rn == 0, "leaky(-inf; a=0) = 0");
  {
    act_params p = {1, 0};
    act_ref rr;
    CHECK(act_reference("nosuch", 0, 1, &p, &rr) == -1, "unknown activation");
  }
  /* a second method: double-precision libm, accurate to a few 2^-53, decides
   * the rounding wherever the value is not within 2^-40 of a float midpoint */
  act_rng g;
  act_rng_seed(&g, 42);
  int decided = 0;
  for (int i = 0; i < 20000; i++) {
    float x = (float)(-30 + 60 * act_rng_uniform(&g));
    double s = 1 / (1 + exp(-(double)x)), t = tanh((double)x);
    double e = exp(-fabs((double)x)), ds = e / ((1 + e) * (1 + e)),
           dt = 1 / (cosh((double)x) * cosh((double)x));
    const char *names[4] = {"sigmoid", "sigmoid'", "tanh", "tanh'"};
    double want[4] = {s, ds, t, dt};
    act_ref got[4] = {ref("sigmoid", 0, x, 1), ref("sigmoid", 1, x, 1), ref("tanh", 0, x, 0),
                      ref("tanh", 1, x, 0)};
    for (int k = 0; k < 4; k++) {
      double v = got[k].hi + got[k].lo;
      if (!(fabs(v - want[k]) <= 1e-13 * fabs(want[k])))
        CHECK(0, "%s(%a): %.17g vs libm %.17g", names[k], (double)x, v, want[k]);
      float f = (float)want[k];
      double mid = fabs((double)f - want[k]) / (fabs((double)nextafterf(f, INFINITY) - f));
      if (fabs(mid - 0.5) > 0x1p-20 && fabs(want[k]) > FLT_MIN) {
        decided++;
        if (got[k].rn != f)
          CHECK(0, "%s(%a): rn %a, libm says %a", names[k], (double)x, (double)got[k].rn,
                (double)f);
      }
    }
  }
  CHECK(decided > 70000, "second method decided %d roundings", decided);
  /* the family against double-precision formulas, in their accurate forms,
   * on [-30, 30]; near a zero of f' the double formula itself cancels, so
   * values below 1e-3 are compared absolutely */
  {
    const char *fam[] = {"elu",  "selu",     "gelu", "gelu_tanh",
                         "silu", "softplus", "mish", "logsigmoid"};
    act_params fp[] = {{1, 0}, {0, 0}, {0, 0}, {0, 0}, {1, 0}, {1, 20}, {0, 0}, {0, 0}};
    const double L = 1.0507009873554804934, A = 1.6732632423543772848, c = sqrt(2 / M_PI);
    act_rng g2;
    act_rng_seed(&g2, 5);
    for (int n = 0; n < 8; n++) {
      int bad = 0;
      for (int i = 0; i < 2000; i++) {
        double X = (float)(-30 + 60 * act_rng_uniform(&g2)), f = 0, d = 0;
        double sx = 1 / (1 + exp(-X)), sp = X > 0 ? X + log1p(exp(-X)) : log1p(exp(X));
        switch (n) {
          case 0:
            f = X > 0 ? X : expm1(X), d = X > 0 ? 1 : exp(X);
            break;
          case 1:
            f = X > 0 ? L * X : L * A * expm1(X), d = X > 0 ? L : L * A * exp(X);
            break;
          case 2:
            f = X * 0.5 * erfc(-X / sqrt(2.0));
            d = 0.5 * erfc(-X / sqrt(2.0)) + X * exp(-X * X / 2) / sqrt(2 * M_PI);
            break;
          case 3: {
            double u2 = 2 * c * (X + 0.044715 * X * X * X), s2 = 1 / (1 + exp(-u2));
            f = X * s2, d = s2 + X * 2 * c * (1 + 3 * 0.044715 * X * X) * s2 * (1 - s2);
            break;
          }
          case 4:
            f = X * sx, d = sx + X * sx / (1 + exp(X));
            break;
          case 5:
            f = sp, d = sx;
            break;
          case 6:
            f = X * tanh(sp), d = tanh(sp) + X * (1 - tanh(sp) * tanh(sp)) * sx;
            break;
          case 7:
            f = X < 0 ? X - log1p(exp(X)) : -log1p(exp(-X)), d = 1 / (1 + exp(X));
            break;
        }
        for (int k = 0; k < 2; k++) {
          act_ref r1;
          act_reference(fam[n], k, (float)X, &fp[n], &r1);
          double w = k ? d : f, v = r1.hi + r1.lo, tol = fabs(w) < 1e-3 ? 1e-15 : 1e-12 * fabs(w);
          if (fabs(w) < 1e-290) continue; /* below the doubles: the tails are checked above */
          if (!(fabs(v - w) <= tol) && bad++ < 3)
            CHECK(0, "%s%s(%.9g) = %.17g, double formula %.17g", fam[n], k ? "'" : "", X, v, w);
        }
      }
      CHECK(bad == 0, "%s: %d disagreements with the double formulas", fam[n], bad);
    }
  }
  /* first float where RN(sigmoid) == 1: 1 - sigma(x) < 2^-25, i.e. x just above 25 ln 2 */
  act_params p1 = {1, 0};
  float s1 = act_ref_first_equal("sigmoid", 0, &p1, 1, 1.0f);
  CHECK(fabs(s1 - 25 * log(2.0)) < 1e-5, "sigmoid reaches 1.0f at %.9g, want ~%.9g", (double)s1,
        25 * log(2.0));
  float z1 = act_ref_first_equal("sigmoid", 1, &p1, 1, 0.0f);
  CHECK(fabs(z1 - 150 * log(2.0)) < 1e-3, "sigmoid' rounds to 0 from %.9g, want ~%.9g", (double)z1,
        150 * log(2.0));
  return check_done();
}
