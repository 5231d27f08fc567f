/* The Mann-Whitney U test of actbench diff (util/mannwhitney.c): the exact
 * p-values against a count over every split of the pooled sample, the
 * normal approximation's tie-corrected variance against the variance of U
 * over every split of a sample with ties, and published values. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "mannwhitney.h"

/* U of x against y: pairs x > y, ties 1/2 */
static double u_of(const double *x, size_t n1, const double *y, size_t n2) {
  double u = 0;
  for (size_t i = 0; i < n1; i++)
    for (size_t j = 0; j < n2; j++) u += x[i] > y[j] ? 1 : x[i] == y[j] ? 0.5 : 0;
  return u;
}

/* Every split of pool (n values) into n1 and n - n1: calls f(u) with U of
 * each, through a bit mask (n <= 20). */
typedef struct {
  double sum, sum2, count, at_most;
  double k; /* count splits with min(U, n1 n2 - U) <= k */
} split_stats;

static void all_splits(const double *pool, size_t n, size_t n1, split_stats *st) {
  double x[32], y[32];
  for (uint32_t mask = 0; mask < (1u << n); mask++) {
    if ((size_t)__builtin_popcount(mask) != n1) continue;
    size_t a = 0, b = 0;
    for (size_t i = 0; i < n; i++) {
      if (mask & (1u << i))
        x[a++] = pool[i];
      else
        y[b++] = pool[i];
    }
    double u = u_of(x, a, y, b);
    st->sum += u;
    st->sum2 += u * u;
    st->count++;
    if (fmin(u, (double)(a * b) - u) <= st->k) st->at_most++;
  }
}

int main(void) {
  act_mw_result r;
  /* published values */
  double x1[] = {1, 2, 3}, y1[] = {4, 5, 6};
  CHECK(act_mann_whitney(x1, 3, y1, 3, &r) == 0 && r.exact && r.u == 0 && fabs(r.p - 0.1) < 1e-15,
        "u %g p %.17g", r.u, r.p);
  /* scipy.stats.mannwhitneyu's documented example (exact): U = 17, p = 1/9 */
  double males[] = {19, 22, 16, 29, 24}, females[] = {20, 11, 17, 12};
  CHECK(act_mann_whitney(males, 5, females, 4, &r) == 0 && r.exact && r.u == 17 &&
            fabs(r.p - 1.0 / 9) < 1e-15,
        "u %g p %.17g", r.u, r.p);
  CHECK(act_mann_whitney(females, 4, males, 5, &r) == 0 && r.u == 3 && fabs(r.p - 1.0 / 9) < 1e-15,
        "swapped: u %g p %.17g", r.u, r.p);
  CHECK(fabs(act_mw_min_p(6, 6) - 2.0 / 924) < 1e-17, "%.17g", act_mw_min_p(6, 6));
  CHECK(fabs(act_mw_min_p(3, 3) - 0.1) < 1e-17, "%.17g", act_mw_min_p(3, 3));
  CHECK(act_mw_min_p(1, 1) == 1, "%.17g", act_mw_min_p(1, 1));
  CHECK(act_mann_whitney(x1, 0, y1, 3, &r) == -1, "empty sample");

  /* exact p against the count over every split, sizes up to 8 + 8 */
  srand(7);
  for (size_t n1 = 1; n1 <= 8; n1++)
    for (size_t n2 = 1; n2 <= 8; n2++) {
      double pool[16], x[8], y[8];
      /* distinct values in random order */
      for (size_t i = 0; i < n1 + n2; i++) pool[i] = (double)i + 0.25;
      for (size_t i = n1 + n2; i-- > 1;) {
        size_t j = (size_t)rand() % (i + 1);
        double t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
      }
      for (size_t i = 0; i < n1; i++) x[i] = pool[i];
      for (size_t j = 0; j < n2; j++) y[j] = pool[n1 + j];
      if (act_mann_whitney(x, n1, y, n2, &r) != 0) {
        CHECK(0, "n %zu %zu failed", n1, n2);
        continue;
      }
      split_stats st = {0, 0, 0, 0, fmin(r.u, (double)(n1 * n2) - r.u)};
      all_splits(pool, n1 + n2, n1, &st);
      /* both tails at once: min(U, n1 n2 - U) at most the observed one */
      double want = st.at_most / st.count;
      CHECK(r.exact && r.u == u_of(x, n1, y, n2) && fabs(r.p - want) <= 1e-14 * want,
            "n %zu %zu: u %g p %.17g, counted %.17g", n1, n2, r.u, r.p, want);
    }

  /* ties: the normal approximation, whose variance must be the variance of U
   * over every split of the pooled sample (ties included) */
  double tx[] = {1, 2, 2, 3, 5, 5, 5}, ty[] = {2, 3, 3, 4, 5, 6, 6, 7};
  double pool[15];
  for (size_t i = 0; i < 7; i++) pool[i] = tx[i];
  for (size_t j = 0; j < 8; j++) pool[7 + j] = ty[j];
  CHECK(act_mann_whitney(tx, 7, ty, 8, &r) == 0 && !r.exact, "ties: exact %d", r.exact);
  split_stats st = {0, 0, 0, 0, -1};
  all_splits(pool, 15, 7, &st);
  double mean = st.sum / st.count, var = st.sum2 / st.count - mean * mean;
  double want_z = (fabs(r.u - 28) - 0.5) / sqrt(var);
  CHECK(fabs(mean - 28) < 1e-9, "mean of U %.17g", mean);
  CHECK(r.u == u_of(tx, 7, ty, 8) && fabs(r.z - want_z) < 1e-9,
        "u %g z %.17g, from the splits' variance %.17g", r.u, r.z, want_z);
  CHECK(fabs(r.p - erfc(want_z / sqrt(2))) < 1e-12, "p %.17g", r.p);

  /* beyond the exact table: separated samples of 60, z from the formula */
  double *bx = malloc(60 * sizeof *bx), *by = malloc(60 * sizeof *by);
  for (int i = 0; i < 60; i++) {
    bx[i] = i;
    by[i] = 60 + i;
  }
  double z = (1800 - 0.5) / sqrt(60.0 * 60 * 121 / 12);
  CHECK(act_mann_whitney(bx, 60, by, 60, &r) == 0 && !r.exact && r.u == 0 &&
            fabs(r.z - z) < 1e-12 && fabs(r.p / erfc(z / sqrt(2)) - 1) < 1e-12,
        "u %g z %.17g p %g", r.u, r.z, r.p);
  /* all equal: no evidence at all */
  double ex[] = {3, 3, 3}, ey[] = {3, 3};
  CHECK(act_mann_whitney(ex, 3, ey, 2, &r) == 0 && r.p == 1, "p %g", r.p);
  free(bx);
  free(by);
  return check_done();
}
