/* actbench: the Mann-Whitney U test (Wilcoxon rank-sum test), two-sided. */
#ifndef ACTBENCH_MANNWHITNEY_H
#define ACTBENCH_MANNWHITNEY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Samples of up to this size on both sides, without ties, get the exact
 * null distribution; larger ones, or any with ties, the normal
 * approximation. */
#define ACT_MW_EXACT_MAX 50

typedef struct {
  double u;  /* U of the first sample: pairs (x_i, y_j) with x_i > y_j, a tie counting 1/2 */
  double p;  /* two-sided p-value */
  double z;  /* the normal approximation's z (with continuity correction); 0 when exact */
  int exact; /* 1: exact distribution, 0: normal approximation with tie correction */
} act_mw_result;

/* Two-sided test of x (n1 values) against y (n2 values), NaNs not allowed.
 * Returns 0, or -1 when a sample is empty or too large (then *r is
 * untouched). */
int act_mann_whitney(const double *x, size_t n1, const double *y, size_t n2, act_mw_result *r);

/* The smallest two-sided p-value samples of these sizes can give,
 * 2 / C(n1 + n2, n1) (every x above every y): when it exceeds the
 * significance level the test cannot reject whatever the data. */
double act_mw_min_p(size_t n1, size_t n2);

#ifdef __cplusplus
}
#endif
#endif
