/* actbench test: medians, spreads, ratio intervals and verdicts
 * (util/spread.c), on synthetic samples with known answers:
 *   - quantiles by linear interpolation (type 7) on hand-worked samples,
 *     non-finite values skipped;
 *   - the ratio of medians and its bootstrap interval: inside the range of
 *     pairwise ratios, around the ratio, the same for the same seed;
 *   - verdicts: a ratio clearly above the bar is met, clearly below is not
 *     met, one whose interval straddles the bar is undecided, and fewer than
 *     three repetitions give no interval, hence undecided. */
#include <math.h>
#include <stdio.h>

#include "check.h"
#include "spread.h"

static int near(double a, double b) {
  return fabs(a - b) <= 1e-12 * fmax(1.0, fabs(b));
}

int main(void) {
  /* quantiles */
  act_spread s;
  double v1[] = {5, 1, 4, 2, 3};
  CHECK(act_spread_of(v1, 5, &s) == 5, "count");
  CHECK(near(s.median, 3) && near(s.q1, 2) && near(s.q3, 4) && near(s.min, 1) && near(s.max, 5),
        "1..5: median %g q1 %g q3 %g", s.median, s.q1, s.q3);
  double v2[] = {10, 20, 30, 40};
  act_spread_of(v2, 4, &s);
  /* type 7: h = 3 p; q1 at 0.75 -> 17.5, median 25, q3 at 2.25 -> 32.5 */
  CHECK(near(s.median, 25) && near(s.q1, 17.5) && near(s.q3, 32.5), "10..40: %g %g %g", s.q1,
        s.median, s.q3);
  CHECK(near(act_spread_rel_iqr(&s), 15.0 / 25.0), "rel iqr %g", act_spread_rel_iqr(&s));
  double v3[] = {NAN, 7, INFINITY, 3};
  CHECK(act_spread_of(v3, 4, &s) == 2 && near(s.median, 5), "non-finite skipped: n %zu median %g",
        s.n, s.median);
  CHECK(act_spread_of(v3, 0, &s) == 0 && isnan(s.median), "empty sample");

  /* a ratio clearly above a bar of 1.2: 1.5 +- 1% over 1.0 +- 1% */
  double a[] = {1.50, 1.49, 1.51, 1.505, 1.495, 1.50, 1.502};
  double b[] = {1.00, 0.99, 1.01, 1.005, 0.995, 1.00, 0.998};
  act_ratio_ci r, r2;
  act_ratio_interval(a, 7, b, 7, 0.95, 42, &r);
  CHECK(r.have_interval && near(r.ratio, 1.5), "ratio %g", r.ratio);
  CHECK(r.lo <= r.ratio && r.ratio <= r.hi, "interval [%g, %g] holds %g", r.lo, r.hi, r.ratio);
  CHECK(r.lo >= 1.49 / 1.01 - 1e-12 && r.hi <= 1.51 / 0.99 + 1e-12,
        "interval [%g, %g] inside the pairwise ratios", r.lo, r.hi);
  CHECK(act_judge_ratio(&r, 1.2) == ACT_VERDICT_MET, "1.5 vs bar 1.2: %s",
        act_verdict_name(act_judge_ratio(&r, 1.2)));
  CHECK(act_judge_ratio(&r, 1.6) == ACT_VERDICT_NOT_MET, "1.5 vs bar 1.6: %s",
        act_verdict_name(act_judge_ratio(&r, 1.6)));
  act_ratio_interval(a, 7, b, 7, 0.95, 42, &r2);
  CHECK(r2.lo == r.lo && r2.hi == r.hi, "same seed, same interval");

  /* straddling: the medians' ratio is 1.2 and the samples spread +-10% */
  double c[] = {1.08, 1.32, 1.20, 1.14, 1.26, 1.10, 1.30};
  double d[] = {1.0, 0.92, 1.08, 1.0, 0.95, 1.05, 1.0};
  act_ratio_interval(c, 7, d, 7, 0.95, 7, &r);
  CHECK(r.have_interval && r.lo < 1.2 && r.hi > 1.2, "straddles: [%g, %g]", r.lo, r.hi);
  CHECK(act_judge_ratio(&r, 1.2) == ACT_VERDICT_UNDECIDED, "straddling ratio judged %s",
        act_verdict_name(act_judge_ratio(&r, 1.2)));
  CHECK(act_judge_ratio(&r, 0.5) == ACT_VERDICT_MET, "far below the interval: met");
  CHECK(act_judge_ratio(&r, 3.0) == ACT_VERDICT_NOT_MET, "far above the interval: not met");

  /* too few repetitions: a ratio but no interval, undecided whatever the bar */
  act_ratio_interval(a, 2, b, 7, 0.95, 1, &r);
  CHECK(!r.have_interval && isnan(r.lo) && isfinite(r.ratio), "two repetitions: no interval");
  CHECK(act_judge_ratio(&r, 0.01) == ACT_VERDICT_UNDECIDED, "no interval: undecided");

  /* zeros and NaNs are no measurements */
  double e[] = {0, NAN, 2, 2, 2};
  double f[] = {1, 1, 1, -1};
  act_ratio_interval(e, 5, f, 4, 0.95, 3, &r);
  CHECK(r.na == 3 && r.nb == 3 && near(r.ratio, 2) && r.have_interval,
        "positive values only: na %zu nb %zu ratio %g", r.na, r.nb, r.ratio);
  CHECK(near(r.lo, 2) && near(r.hi, 2), "constant samples: [%g, %g]", r.lo, r.hi);
  return check_done();
}
