/* actbench: the ULP engine and the per-implementation statistics, exactly as
 * docs/accuracy.md defines them. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "util.h"

const act_format act_binary32 = {"binary32", 24, -149, 127};
const act_format act_bfloat16 = {"bfloat16", 8, -133, 127};
const act_format act_binary16 = {"binary16", 11, -24, 15};

double act_ulp(double y_hi, double y_lo, const act_format *fmt) {
  if (y_hi == 0) return ldexp(1.0, fmt->emin_sub);
  int e;
  double m = frexp(y_hi, &e); /* 2^(e-1) <= |hi| < 2^e */
  /* |hi + lo| < |hi| when hi is a power of two and lo points inward */
  if (fabs(m) == 0.5 && y_lo != 0 && (y_lo < 0) != (y_hi < 0)) e -= 1;
  int k = e - fmt->p;
  if (k < fmt->emin_sub) k = fmt->emin_sub;
  return ldexp(1.0, k);
}

int act_ulp_error(double got, const act_ref *ref, const act_format *fmt, double *err) {
  *err = 0;
  if (ref->cls == ACT_REF_NAN) return isnan(got) ? ACT_ULP_MATCH_SPECIAL : ACT_ULP_SPECIAL_FAIL;
  if (isnan(got)) return ACT_ULP_SPECIAL_FAIL;
  if (ref->cls == ACT_REF_INF) return got == ref->hi ? ACT_ULP_MATCH_SPECIAL : ACT_ULP_SPECIAL_FAIL;
  if (isinf(got)) {
    /* an infinity stands for everything from 2^(emax+1) up: it is the
     * correctly rounded result of an exact value beyond the format */
    double top = ldexp(1.0, fmt->emax + 1);
    if (fabs(ref->hi) >= top && (got > 0) == (ref->hi > 0)) return ACT_ULP_OK;
    got = copysign(top, got);
  }
  /* (got - hi) is exact when the two are within a factor of two (Sterbenz);
   * otherwise its rounding error is far below what is reported. */
  double d = (got - ref->hi) - ref->lo;
  *err = fabs(d) / act_ulp(ref->hi, ref->lo, fmt);
  return ACT_ULP_OK;
}

void act_acc_stats_init(act_acc_stats *s, int bins, double lo, double hi) {
  memset(s, 0, sizeof *s);
  s->max_ulp = -1;
  s->max_x = NAN;
  s->bins = bins;
  s->bin_lo = lo;
  s->bin_hi = hi;
  if (bins > 0) {
    s->bin_max = malloc(sizeof(double) * (size_t)bins);
    if (!s->bin_max) act_die("out of memory");
    for (int i = 0; i < bins; i++) s->bin_max[i] = -1;
  }
}

void act_acc_stats_free(act_acc_stats *s) {
  free(s->bin_max);
  s->bin_max = NULL;
}

static int same_bits_or_nan(float a, float b) {
  if (isnan(a) && isnan(b)) return 1;
  return act_float_bits(a) == act_float_bits(b);
}

void act_acc_stats_add(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                       size_t n) {
  for (size_t i = 0; i < n; i++) {
    s->inputs++;
    double err;
    int r = act_ulp_error((double)got[i], &ref[i], &act_binary32, &err);
    /* an exact zero has no sign to round to: either zero is right */
    int exact_zero = ref[i].cls == ACT_REF_FINITE && ref[i].hi == 0 && ref[i].lo == 0;
    if (same_bits_or_nan(got[i], ref[i].rn) || (exact_zero && got[i] == 0)) s->cr++;
    if (r == ACT_ULP_SPECIAL_FAIL) {
      s->special_fail++;
      if (isnan(x[i])) s->nan_in_fail++;
      if (!isnan(x[i]) && isnan(got[i])) s->nan_out_fail++;
      continue;
    }
    s->finite++;
    if (r == ACT_ULP_MATCH_SPECIAL) continue;
    s->sum_ulp += err;
    if (err > 1.0) s->gt1++;
    if (err > s->max_ulp || (isnan(s->max_x) && err >= s->max_ulp)) {
      s->max_ulp = err;
      s->max_x = x[i];
      s->max_got = got[i];
      s->max_want = ref[i].rn;
    }
    double g = isinf(got[i]) ? copysign(0x1p128, (double)got[i]) : (double)got[i];
    double abs_err = fabs((g - ref[i].hi) - ref[i].lo);
    if (abs_err > s->max_abs) s->max_abs = abs_err;
    if (fabs(ref[i].hi) >= FLT_MIN) {
      double rel = abs_err / fabs(ref[i].hi);
      if (rel > s->max_rel) s->max_rel = rel;
    }
    if (s->bins > 0 && x[i] >= s->bin_lo && x[i] <= s->bin_hi) {
      int b = (int)((x[i] - s->bin_lo) / (s->bin_hi - s->bin_lo) * s->bins);
      if (b >= s->bins) b = s->bins - 1;
      if (b < 0) b = 0;
      if (err > s->bin_max[b]) s->bin_max[b] = err;
    }
  }
}

void act_acc_stats_merge(act_acc_stats *into, const act_acc_stats *from) {
  into->inputs += from->inputs;
  into->finite += from->finite;
  into->cr += from->cr;
  into->gt1 += from->gt1;
  into->special_fail += from->special_fail;
  into->nan_in_fail += from->nan_in_fail;
  into->nan_out_fail += from->nan_out_fail;
  into->sum_ulp += from->sum_ulp;
  if (from->max_ulp > into->max_ulp) {
    into->max_ulp = from->max_ulp;
    into->max_x = from->max_x;
    into->max_got = from->max_got;
    into->max_want = from->max_want;
  }
  if (from->max_abs > into->max_abs) into->max_abs = from->max_abs;
  if (from->max_rel > into->max_rel) into->max_rel = from->max_rel;
  for (int i = 0; i < into->bins && i < from->bins; i++)
    if (from->bin_max[i] > into->bin_max[i]) into->bin_max[i] = from->bin_max[i];
}

int act_acc_within(const act_acc_stats *s, double claim, int claims_nan) {
  if (s->max_ulp > claim) return 0;
  size_t allowed = claims_nan ? 0 : s->nan_in_fail;
  return s->special_fail <= allowed;
}

int act_acc_within_impl(const act_acc_stats *s, const act_impl *m, int bwd) {
  double claim = bwd ? m->bwd_ulp : m->fwd_ulp;
  int claims_nan = (m->flags & (bwd ? ACT_NAN_BWD : ACT_NAN_FWD)) != 0;
  if (s->max_ulp > claim) return 0;
  size_t allowed =
      (claims_nan ? 0 : s->nan_in_fail) + ((m->flags & ACT_NAN_SPURIOUS) ? s->nan_out_fail : 0);
  return s->special_fail <= allowed;
}
