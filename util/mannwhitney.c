/* actbench: the Mann-Whitney U test, written from its definition.
 *
 * H. B. Mann and D. R. Whitney, "On a test of whether one of two random
 * variables is stochastically larger than the other", Annals of Mathematical
 * Statistics 18 (1947) 50-60: U counts the pairs (x_i, y_j) with x_i > y_j;
 * under the null hypothesis (both samples from one continuous distribution)
 * every one of the C(m+n, m) orderings of the pooled sample is equally
 * likely, and the number of orderings with U = u obeys their recurrence
 *     c(m, n; u) = c(m - 1, n; u - n) + c(m, n - 1; u)
 * (the largest value of the pooled sample is an x, above all n y's, or a y).
 *
 * With ties, or with samples too large for the table, the large-sample
 * normal approximation: U = R_1 - m(m+1)/2 from the mid-ranks, mean mn/2,
 * variance mn/12 ((N+1) - sum(t^3 - t) / (N(N-1))) over the groups of t tied
 * values, and a continuity correction of 1/2 (M. Hollander, D. A. Wolfe and
 * E. Chicken, Nonparametric Statistical Methods, 3rd ed., Wiley 2014, section
 * 4.1, the Wilcoxon rank sum test and its large-sample approximation with
 * ties).  Both p-values are two-sided: twice the smaller tail, at most 1. */
#include "mannwhitney.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  double v;
  int group; /* 0: x, 1: y */
} obs;

static int cmp_obs(const void *a, const void *b) {
  double u = ((const obs *)a)->v, w = ((const obs *)b)->v;
  return (u > w) - (u < w);
}

double act_mw_min_p(size_t n1, size_t n2) {
  /* C(n1 + n2, n1) as a product, in doubles */
  double c = 1;
  size_t k = n1 < n2 ? n1 : n2, n = n1 + n2;
  for (size_t i = 1; i <= k; i++) c = c * (double)(n - k + i) / (double)i;
  double p = 2 / c;
  return p > 1 ? 1 : p;
}

/* P(U <= k) under the null hypothesis, from the recurrence; counts in
 * doubles (C(100, 50) ~ 1e29 is far inside their range). */
static double exact_cdf(size_t m, size_t n, double k) {
  size_t umax = m * n;
  double *prev = calloc((n + 1) * (umax + 1), sizeof *prev);
  double *cur = calloc((n + 1) * (umax + 1), sizeof *cur);
  if (!prev || !cur) {
    free(prev);
    free(cur);
    return NAN;
  }
  /* row i = 0: no x, U = 0 whatever n */
  for (size_t j = 0; j <= n; j++) prev[j * (umax + 1)] = 1;
  for (size_t i = 1; i <= m; i++) {
    memset(cur, 0, (n + 1) * (umax + 1) * sizeof *cur);
    cur[0] = 1; /* j = 0: no y, U = 0 */
    for (size_t j = 1; j <= n; j++) {
      double *c = cur + j * (umax + 1);
      const double *left = cur + (j - 1) * (umax + 1), *up = prev + j * (umax + 1);
      for (size_t u = 0; u <= i * j; u++) c[u] = (u >= j ? up[u - j] : 0) + left[u];
    }
    double *t = prev;
    prev = cur;
    cur = t;
  }
  const double *dist = prev + n * (umax + 1);
  double below = 0, total = 0;
  for (size_t u = 0; u <= umax; u++) {
    total += dist[u];
    if ((double)u <= k) below += dist[u];
  }
  free(prev);
  free(cur);
  return below / total;
}

int act_mann_whitney(const double *x, size_t n1, const double *y, size_t n2, act_mw_result *r) {
  if (n1 == 0 || n2 == 0 || n1 > 100000 || n2 > 100000) return -1;
  size_t n = n1 + n2;
  obs *o = malloc(n * sizeof *o);
  if (!o) return -1;
  for (size_t i = 0; i < n1; i++) o[i] = (obs){x[i], 0};
  for (size_t j = 0; j < n2; j++) o[n1 + j] = (obs){y[j], 1};
  qsort(o, n, sizeof *o, cmp_obs);
  /* mid-ranks, the rank sum of x, and the tie term sum(t^3 - t) */
  double r1 = 0, ties = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j + 1 < n && o[j + 1].v == o[i].v) j++;
    double t = (double)(j - i + 1), mid = (double)(i + j) / 2 + 1;
    for (size_t k = i; k <= j; k++)
      if (o[k].group == 0) r1 += mid;
    ties += t * t * t - t;
    i = j + 1;
  }
  free(o);
  double m = (double)n1, w = (double)n2, N = (double)n;
  double u1 = r1 - m * (m + 1) / 2, mean = m * w / 2;
  r->u = u1;
  if (ties == 0 && n1 <= ACT_MW_EXACT_MAX && n2 <= ACT_MW_EXACT_MAX) {
    double k = fmin(u1, m * w - u1);
    double p = 2 * exact_cdf(n1, n2, k);
    if (!isnan(p)) {
      r->p = p > 1 ? 1 : p;
      r->z = 0;
      r->exact = 1;
      return 0;
    }
  }
  double var = m * w / 12 * ((N + 1) - ties / (N * (N - 1)));
  r->exact = 0;
  if (!(var > 0)) { /* every value the same */
    r->z = 0;
    r->p = 1;
    return 0;
  }
  double z = (fabs(u1 - mean) - 0.5) / sqrt(var);
  if (z < 0) z = 0;
  r->z = z;
  double p = erfc(z / sqrt(2.0));
  r->p = p > 1 ? 1 : p;
  return 0;
}
