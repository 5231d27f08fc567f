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
  /* rounding into the subnormals: sigmoid(-100) = 3.7200759760208e-44 = 26.55 * 2^-149 */
  r = ref("sigmoid", 0, -100, 1);
  CHECK(fabs(r.hi - 3.7200759760208361e-44) < 1e-58, "sigmoid(-100) = %.17g", r.hi);
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
