/* The ULP engine on hand-worked cases, in binary32, bfloat16 and binary16. */
#include <float.h>
#include <math.h>

#include "accuracy.h"
#include "check.h"

static act_ref R(double hi, double lo) {
  act_ref r = {hi, lo, (float)hi, ACT_REF_FINITE};
  return r;
}

static double E(double got, act_ref r, const act_format *f, int *status) {
  double e;
  *status = act_ulp_error(got, &r, f, &e);
  return e;
}

int main(void) {
  const act_format *b32 = &act_binary32, *bf = &act_bfloat16, *h = &act_binary16;
  int st;
  /* exact */
  CHECK(E(1.0, R(1, 0), b32, &st) == 0 && st == ACT_ULP_OK, "1 vs 1");
  /* one ulp above 1 */
  CHECK(E(1.0 + 0x1p-23, R(1, 0), b32, &st) == 1.0, "1+2^-23 vs 1");
  /* below 1: the ulp is the exact value's (2^-23), not the result's */
  CHECK(E(1.0 - 0x1p-24, R(1, 0), b32, &st) == 0.5, "1-2^-24 vs 1");
  /* an exact tie: both neighbours are 0.5 ulp away; only RN is correctly rounded */
  CHECK(E(1.0, R(1 + 0x1p-24, 0), b32, &st) == 0.5, "tie low");
  CHECK(E(1.0 + 0x1p-23, R(1 + 0x1p-24, 0), b32, &st) == 0.5, "tie high");
  {
    act_acc_stats s;
    act_acc_stats_init(&s, 0, 0, 1);
    float x[2] = {1, 2}, got[2] = {1.0f, 1.0f + 0x1p-23f};
    act_ref ref[2] = {R(1 + 0x1p-24, 0), R(1 + 0x1p-24, 0)};
    ref[0].rn = ref[1].rn = 1.0f; /* ties to even */
    act_acc_stats_add(&s, x, got, ref, 2);
    CHECK(s.cr == 1, "only the even neighbour of a tie is correctly rounded (cr=%zu)", s.cr);
    CHECK(s.max_ulp == 0.5 && s.gt1 == 0, "max %g", s.max_ulp);
    act_acc_stats_free(&s);
  }
  /* just below a power of two: hi = 1, lo < 0 puts y in [1/2, 1), ulp 2^-24 */
  CHECK(fabs(E(1.0 - 0x1p-24, R(1, -0x1p-60), b32, &st) - (1 - 0x1p-36)) < 1e-12,
        "below a power of two: %.17g", E(1.0 - 0x1p-24, R(1, -0x1p-60), b32, &st));
  /* subnormal results: ulp is 2^-149 */
  CHECK(E(0x1p-149, R(3 * 0x1p-150, 0), b32, &st) == 0.5, "subnormal tie low");
  CHECK(E(0x1p-148, R(3 * 0x1p-150, 0), b32, &st) == 0.5, "subnormal tie high");
  CHECK(E(0, R(0x1p-160, 0), b32, &st) == 0x1p-11, "tiny exact value, zero result");
  /* exact zero: ulp = 2^emin_sub */
  CHECK(E(0x1p-149, R(0, 0), b32, &st) == 1.0, "2^-149 vs 0");
  CHECK(E(-0.0, R(0, 0), b32, &st) == 0.0, "-0 vs 0");
  /* a returned infinity counts as 2^128 */
  CHECK(E(INFINITY, R(FLT_MAX, 0), b32, &st) == 1.0 && st == ACT_ULP_OK, "inf vs FLT_MAX");
  CHECK(E(-INFINITY, R(-FLT_MAX, 0), b32, &st) == 1.0, "-inf vs -FLT_MAX");
  /* an exact value beyond the format: its infinity is correctly rounded */
  CHECK(E(INFINITY, R(0x1.1p128, 0), b32, &st) == 0.0, "inf vs 1.06 * 2^128");
  CHECK(E(FLT_MAX, R(0x1.1p128, 0), b32, &st) > 1e5, "FLT_MAX vs 1.06 * 2^128");
  /* negative values */
  CHECK(E(-1.5 - 0x1p-23, R(-1.5, 0), b32, &st) == 1.0, "-1.5");
  /* NaN and infinities: special values, counted apart */
  act_ref rn = {NAN, 0, NAN, ACT_REF_NAN}, ri = {INFINITY, 0, INFINITY, ACT_REF_INF};
  double e;
  CHECK(act_ulp_error(NAN, &rn, b32, &e) == ACT_ULP_MATCH_SPECIAL, "nan for nan");
  CHECK(act_ulp_error(1.0, &rn, b32, &e) == ACT_ULP_SPECIAL_FAIL, "number for nan");
  act_ref one = R(1, 0);
  CHECK(act_ulp_error(NAN, &one, b32, &e) == ACT_ULP_SPECIAL_FAIL, "nan for number");
  CHECK(act_ulp_error(INFINITY, &ri, b32, &e) == ACT_ULP_MATCH_SPECIAL, "inf for inf");
  CHECK(act_ulp_error(FLT_MAX, &ri, b32, &e) == ACT_ULP_SPECIAL_FAIL, "FLT_MAX for inf");
  CHECK(act_ulp_error(-INFINITY, &ri, b32, &e) == ACT_ULP_SPECIAL_FAIL, "-inf for inf");
  /* bfloat16 (p = 8, emin_sub = -133) and binary16 (p = 11, emin_sub = -24) */
  CHECK(E(1 + 0x1p-7, R(1, 0), bf, &st) == 1.0, "bf16 one ulp");
  CHECK(E(0x1p-133, R(0, 0), bf, &st) == 1.0, "bf16 smallest subnormal");
  CHECK(E(0, R(0x1p-134, 0), bf, &st) == 0.5, "bf16 subnormal half");
  CHECK(E(1 + 0x1p-10, R(1, 0), h, &st) == 1.0, "half one ulp");
  CHECK(E(0, R(0x1p-25, 0), h, &st) == 0.5, "half subnormal half");
  CHECK(E(INFINITY, R(65504, 0), h, &st) == 1.0, "half inf vs max: (2^16-65504)/32");
  CHECK(act_ulp(3 * 0x1p-150, 0, b32) == 0x1p-149, "ulp of a subnormal");
  CHECK(act_ulp(1.0, 0, b32) == 0x1p-23, "ulp(1)");
  CHECK(act_ulp(0.75, 0, b32) == 0x1p-24, "ulp(0.75)");
  return check_done();
}
