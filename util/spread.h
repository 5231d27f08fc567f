/* actbench: repeated measurements summarised honestly: the median with its
 * spread (quartiles, extremes), an interval for the ratio of two medians, and
 * a verdict against a bar that may be "undecided".
 *
 * Used by the speed suite (its summaries and targets), compare and the report,
 * so that every figure a user reads is computed the same way. */
#ifndef ACTBENCH_SPREAD_H
#define ACTBENCH_SPREAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The summary of a sample: median and quartiles by linear interpolation
 * between order statistics (Hyndman and Fan's type 7, R's default), the
 * extremes, and the count of values used (non-finite values are skipped). */
typedef struct {
  size_t n;
  double median, q1, q3, min, max;
} act_spread;

/* Summarise v[0..n); returns the number of finite values used (s->n), all
 * members NAN when there are none. */
size_t act_spread_of(const double *v, size_t n, act_spread *s);
/* The interquartile range relative to the median, (q3 - q1) / median;
 * NAN when undefined. */
double act_spread_rel_iqr(const act_spread *s);
/* The p-quantile (0 <= p <= 1) of sorted[0..n), type 7. */
double act_quantile_sorted(const double *sorted, size_t n, double p);

/* The ratio of the medians of a and b, median(a) / median(b), with a
 * percentile bootstrap interval: ACT_BOOT_RESAMPLES resamples of each sample
 * (with replacement, independently, from a generator seeded by seed, so the
 * same data give the same interval), the ratio of their medians each time,
 * and the (1 - level)/2 and (1 + level)/2 quantiles of those ratios.  Both
 * samples need at least ACT_RATIO_MIN_N finite positive values for an
 * interval; with fewer, have_interval is 0 and lo = hi = NAN (ratio is
 * still the ratio of the medians when both have a value). */
#define ACT_BOOT_RESAMPLES 2000
#define ACT_RATIO_MIN_N 3
#define ACT_RATIO_LEVEL 0.95
typedef struct {
  double ratio, lo, hi;
  int have_interval;
  size_t na, nb;
} act_ratio_ci;
void act_ratio_interval(const double *a, size_t na, const double *b, size_t nb, double level,
                        uint64_t seed, act_ratio_ci *out);

/* A ratio against a bar (a target "ratio >= bar"): met when the whole
 * interval is at or above the bar, not met when it is wholly below, and
 * undecided when it straddles the bar or there is no interval. */
typedef enum { ACT_VERDICT_MET, ACT_VERDICT_NOT_MET, ACT_VERDICT_UNDECIDED } act_verdict;
act_verdict act_judge_ratio(const act_ratio_ci *r, double bar);
const char *act_verdict_name(act_verdict v); /* "met", "not met", "undecided" */

#ifdef __cplusplus
}
#endif
#endif
