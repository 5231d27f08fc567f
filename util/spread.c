/* actbench: medians, spreads, ratio intervals and verdicts (spread.h). */
#include "spread.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

double act_quantile_sorted(const double *sorted, size_t n, double p) {
  if (n == 0) return NAN;
  if (p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  double h = (double)(n - 1) * p;
  size_t lo = (size_t)h;
  double frac = h - (double)lo;
  if (lo + 1 >= n) return sorted[n - 1];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/* The finite values of v, sorted, in a new array; *m their count. */
static double *sorted_finite(const double *v, size_t n, size_t *m) {
  double *s = malloc((n ? n : 1) * sizeof *s);
  if (!s) act_die("out of memory");
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (isfinite(v[i])) s[k++] = v[i];
  qsort(s, k, sizeof *s, cmp_double);
  *m = k;
  return s;
}

size_t act_spread_of(const double *v, size_t n, act_spread *s) {
  size_t m;
  double *sv = sorted_finite(v, n, &m);
  s->n = m;
  if (m == 0) {
    s->median = s->q1 = s->q3 = s->min = s->max = NAN;
  } else {
    s->median = act_quantile_sorted(sv, m, 0.5);
    s->q1 = act_quantile_sorted(sv, m, 0.25);
    s->q3 = act_quantile_sorted(sv, m, 0.75);
    s->min = sv[0];
    s->max = sv[m - 1];
  }
  free(sv);
  return m;
}

double act_spread_rel_iqr(const act_spread *s) {
  if (s->n == 0 || !(s->median > 0)) return NAN;
  return (s->q3 - s->q1) / s->median;
}

/* The median of k values drawn with replacement from sorted[0..n). */
static double resample_median(const double *sorted, size_t n, size_t k, act_rng *r,
                              double *scratch) {
  for (size_t i = 0; i < k; i++) scratch[i] = sorted[act_rng_next(r) % n];
  qsort(scratch, k, sizeof *scratch, cmp_double);
  return act_quantile_sorted(scratch, k, 0.5);
}

void act_ratio_interval(const double *a, size_t na, const double *b, size_t nb, double level,
                        uint64_t seed, act_ratio_ci *out) {
  size_t ma, mb;
  double *sa = sorted_finite(a, na, &ma), *sb = sorted_finite(b, nb, &mb);
  /* throughputs: only positive values are measurements */
  size_t za = 0, zb = 0;
  while (za < ma && !(sa[za] > 0)) za++;
  while (zb < mb && !(sb[zb] > 0)) zb++;
  const double *pa = sa + za, *pb = sb + zb;
  ma -= za;
  mb -= zb;
  memset(out, 0, sizeof *out);
  out->na = ma;
  out->nb = mb;
  out->lo = out->hi = NAN;
  out->ratio =
      (ma && mb) ? act_quantile_sorted(pa, ma, 0.5) / act_quantile_sorted(pb, mb, 0.5) : NAN;
  if (ma >= ACT_RATIO_MIN_N && mb >= ACT_RATIO_MIN_N && level > 0 && level < 1) {
    double *ratios = malloc(ACT_BOOT_RESAMPLES * sizeof *ratios);
    double *scratch = malloc((ma > mb ? ma : mb) * sizeof *scratch);
    if (!ratios || !scratch) act_die("out of memory");
    act_rng r;
    act_rng_seed(&r, seed);
    for (size_t i = 0; i < ACT_BOOT_RESAMPLES; i++) {
      double ra = resample_median(pa, ma, ma, &r, scratch);
      double rb = resample_median(pb, mb, mb, &r, scratch);
      ratios[i] = ra / rb;
    }
    qsort(ratios, ACT_BOOT_RESAMPLES, sizeof *ratios, cmp_double);
    out->lo = act_quantile_sorted(ratios, ACT_BOOT_RESAMPLES, (1 - level) / 2);
    out->hi = act_quantile_sorted(ratios, ACT_BOOT_RESAMPLES, (1 + level) / 2);
    out->have_interval = 1;
    free(ratios);
    free(scratch);
  }
  free(sa);
  free(sb);
}

act_verdict act_judge_ratio(const act_ratio_ci *r, double bar) {
  if (!r->have_interval || !isfinite(r->lo) || !isfinite(r->hi)) return ACT_VERDICT_UNDECIDED;
  if (r->lo >= bar) return ACT_VERDICT_MET;
  if (r->hi < bar) return ACT_VERDICT_NOT_MET;
  return ACT_VERDICT_UNDECIDED;
}

const char *act_verdict_name(act_verdict v) {
  switch (v) {
    case ACT_VERDICT_MET:
      return "met";
    case ACT_VERDICT_NOT_MET:
      return "not met";
    default:
      return "undecided";
  }
}
