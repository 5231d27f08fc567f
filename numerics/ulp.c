/* actbench: the ULP engine and the per-implementation statistics, exactly as
 * docs/accuracy.md defines them. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numerics.h"
#include "util.h"

const act_format act_binary32 = {"binary32", 24, -149, 127};
const act_format act_bfloat16 = {"bfloat16", 8, -133, 127};
const act_format act_binary16 = {"binary16", 11, -24, 15};

double act_ulp(double y_hi, double y_lo, const act_format *fmt) {
  if (y_hi == 0) return act_pow2(fmt->emin_sub);
  int e;
  double m;
  if (fabs(y_hi) >= 0x1p-1000 && fabs(y_hi) < 0x1p1000) {
    e = act_exp_of(y_hi); /* 2^(e-1) <= |hi| < 2^e */
    m = fabs(y_hi) * act_pow2(-e);
  } else {
    m = fabs(frexp(y_hi, &e));
  }
  /* |hi + lo| < |hi| when hi is a power of two and lo points inward */
  if (m == 0.5 && y_lo != 0 && (y_lo < 0) != (y_hi < 0)) e -= 1;
  int k = e - fmt->p;
  if (k < fmt->emin_sub) k = fmt->emin_sub;
  return k >= -1022 && k <= 1023 ? act_pow2(k) : ldexp(1.0, k);
}

int act_ulp_error(double got, const act_ref *ref, const act_format *fmt, double *err) {
  *err = 0;
  if (ref->cls == ACT_REF_NAN) return isnan(got) ? ACT_ULP_MATCH_SPECIAL : ACT_ULP_SPECIAL_FAIL;
  if (isnan(got)) return ACT_ULP_SPECIAL_FAIL;
  if (ref->cls == ACT_REF_INF) return got == ref->hi ? ACT_ULP_MATCH_SPECIAL : ACT_ULP_SPECIAL_FAIL;
  if (isinf(got)) {
    /* an infinity stands for everything from 2^(emax+1) up: it is the
     * correctly rounded result of an exact value beyond the format */
    double top = act_pow2(fmt->emax + 1);
    if (fabs(ref->hi) >= top && (got > 0) == (ref->hi > 0)) return ACT_ULP_OK;
    got = copysign(top, got);
  }
  /* (got - hi) is exact when the two are within a factor of two (Sterbenz);
   * otherwise its rounding error is far below what is reported. */
  double d = (got - ref->hi) - ref->lo;
  *err = fabs(d) / act_ulp(ref->hi, ref->lo, fmt);
  return ACT_ULP_OK;
}

const char *act_fmt_short(char *buf, size_t cap, double v) {
  if (isnan(v)) return snprintf(buf, cap, "NaN"), buf;
  if (isinf(v)) return snprintf(buf, cap, v > 0 ? "inf" : "-inf"), buf;
  if (v == 0) return snprintf(buf, cap, signbit(v) ? "-0" : "0"), buf;
  char t[48];
  snprintf(t, sizeof t, "%.2g", v);
  /* "1.7e-08" -> "1.7e-8", "3e+27" -> "3e27" */
  char *e = strchr(t, 'e');
  if (e) {
    char *q = e + 1, *d = e + 1;
    if (*q == '+')
      q++;
    else if (*q == '-')
      *d++ = *q++;
    while (*q == '0' && q[1]) q++;
    memmove(d, q, strlen(q) + 1);
  }
  snprintf(buf, cap, "%s", t);
  return buf;
}

const char *act_ulp_note(char *buf, size_t cap, double ulp, float got, float want,
                         const act_format *fmt) {
  buf[0] = '\0';
  /* beyond 2^p ulp no bit of the result is right; a zero or an infinity
   * for another value is of the wrong kind however large the error */
  int kind = (got == 0 || isinf(got)) && !(got == want);
  if (!(ulp > act_pow2(fmt->p)) && !(kind && ulp > 0)) return buf;
  char g[48], w[48];
  snprintf(buf, cap, "%s for %s", act_fmt_short(g, sizeof g, got),
           act_fmt_short(w, sizeof w, want));
  return buf;
}
