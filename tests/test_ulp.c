/* The ULP engine on hand-worked cases, in binary32, bfloat16 and binary16;
 * the statistics' exact sums (the same bits whatever the order), histogram
 * bins, rounding into the narrow formats, and the flat form of the
 * statistics that checkpoints and MPI carry. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "util.h"

static act_ref R(double hi, double lo) {
  act_ref r = {hi, lo, (float)hi, ACT_REF_FINITE, 0};
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
  act_ref rn = {NAN, 0, NAN, ACT_REF_NAN, 0}, ri = {INFINITY, 0, INFINITY, ACT_REF_INF, 0};
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
  CHECK(act_ulp(0.75, 0, bf) == 0x1p-8, "bf16 ulp(0.75)");
  CHECK(act_ulp(1000, 0, h) == 0.5, "half ulp(1000) = 2^(10-11)");
  CHECK(E(1002, R(1000.25, 0), h, &st) == 3.5, "half: 1.75 / 0.5");
  CHECK(E(0x1p-14 + 0x1p-24, R(0x1p-14, 0), h, &st) == 1.0, "half: at the least normal");
  CHECK(E(-INFINITY, R(-70000, 0), h, &st) == 0.0, "half: -70000 rounds to -inf");

  /* rounding into the formats: ties to even, subnormals, overflow */
  CHECK(act_round_to_format(1 + 0x1p-8, bf) == 1.0f, "bf16 tie to even (down)");
  CHECK(act_round_to_format(1 + 3 * 0x1p-8, bf) == 1 + 0x1p-6f, "bf16 tie to even (up)");
  CHECK(act_round_to_format(1 + 0x1p-8 + 0x1p-20, bf) == 1 + 0x1p-7f, "bf16 above the tie");
  CHECK(act_round_to_format(0x1p-134, bf) == 0.0f, "bf16 half the least subnormal: 0");
  CHECK(act_round_to_format(3 * 0x1p-134, bf) == 0x1p-132f, "bf16 1.5 subnormals: 2");
  CHECK(act_round_to_format(65520, h) == INFINITY, "half: 65520 rounds to inf");
  CHECK(act_round_to_format(65519.99, h) == 65504.0f, "half: below the tie, max");
  CHECK(act_round_to_format(0x1p-25, h) == 0.0f, "half: 2^-25 to 0");
  CHECK(act_round_to_format(0x1.8p-25, h) == 0x1p-24f, "half: 1.5 2^-25 to 2^-24");
  CHECK(act_round_to_format(-1 - 0x1p-11, h) == -1.0f, "half: -1 - 2^-11 to -1");
  CHECK(act_round_to_format(0x1.fffffep127, b32) == 0x1.fffffep127f, "binary32 FLT_MAX");
  CHECK(act_round_to_format(0x1.ffffffp127, b32) == INFINITY, "binary32: the overflow tie");

  /* histogram bins: [0,1/2], (1/2,1], (1,2], (2,4], ... */
  CHECK(act_hist_bin(0) == 0 && act_hist_bin(0.5) == 0, "bin 0");
  CHECK(act_hist_bin(0.5000001) == 1 && act_hist_bin(1) == 1, "bin 1");
  CHECK(act_hist_bin(1.5) == 2 && act_hist_bin(2) == 2, "bin 2");
  CHECK(act_hist_bin(2.5) == 3 && act_hist_bin(4) == 3 && act_hist_bin(4.1) == 4, "bins 3, 4");
  CHECK(act_hist_bin(0x1p39) == 40 && act_hist_bin(0x1.1p39) == ACT_HIST_BINS - 1 &&
            act_hist_bin(0x1p277) == ACT_HIST_BINS - 1,
        "the last bins");
  { /* against the definition through frexp, over (1/2, 2^40] and the powers of two */
    int bad = 0;
    uint64_t st = 12345;
    for (int i = 0; i < 200000; i++) {
      st = st * 6364136223846793005ull + 1442695040888963407ull;
      double e = ldexp(1.0 + (double)(st >> 11) * 0x1p-53, (int)(st % 41) - 1);
      if (i % 3 == 0) e = ldexp(1.0, (int)(st % 41) - 1);
      int want;
      if (e <= 0.5)
        want = 0;
      else if (e <= 1.0)
        want = 1;
      else if (!(e <= 0x1p39))
        want = ACT_HIST_BINS - 1;
      else {
        int ex;
        double m = frexp(e, &ex);
        want = (m == 0.5 ? ex - 1 : ex) + 1;
      }
      bad += act_hist_bin(e) != want;
    }
    CHECK(bad == 0, "histogram bins from the bits = from frexp (%d differ)", bad);
  }

  /* exact sums: small errors in 2^-40 units, large ones exactly; any order
   * of additions and merges gives the same bits */
  {
    double vals[] = {0.25,   0.3333333333333333,    0.5,     1.75,  0x1p22, 0x1.8p23, 0x1p24 + 0.5,
                     0x1p60, 0x1.23456789abcdep100, 0x1p277, 1e-13, 0x1p-41};
    int nv = (int)(sizeof vals / sizeof vals[0]);
    act_xsum a = {0}, b = {0}, c = {0}, d = {0};
    for (int i = 0; i < nv; i++) act_xsum_add(&a, vals[i]);
    for (int i = nv - 1; i >= 0; i--) act_xsum_add(i % 2 ? &b : &c, vals[i]);
    act_xsum_merge(&d, &c);
    act_xsum_merge(&d, &b);
    CHECK(!memcmp(&a, &d, sizeof a), "the same sum in another order");
    long double want = 0;
    for (int i = 0; i < nv; i++) want += vals[i];
    double m = act_xsum_mean(&a, (uint64_t)nv);
    CHECK(fabs(m - (double)(want / nv)) <= 1e-15 * m, "mean %.17g vs %.17Lg", m, want / nv);
    act_xsum z = {0};
    act_xsum_add(&z, 0.1);
    CHECK(act_xsum_mean(&z, 1) == ldexp(nearbyint(ldexp(0.1, 40)), -40),
          "0.1 counts as its nearest multiple of 2^-40");
    act_xsum big = {0};
    for (int i = 0; i < 1000; i++) act_xsum_add(&big, 0x1.fffffffffffffp1000 / 0x1p700);
    CHECK(act_xsum_mean(&big, 1000) == 0x1.fffffffffffffp300, "large errors add exactly");
  }

  /* the flat form round-trips, and merging statistics in any order agrees */
  {
    act_acc_stats s1, s2, s3, t;
    act_acc_stats_init(&s1, 8, -4, 4), act_acc_stats_init(&s2, 8, -4, 4);
    act_acc_stats_init(&s3, 8, -4, 4), act_acc_stats_init(&t, 8, -4, 4);
    act_acc_stats_want_binades(&s1), act_acc_stats_want_binades(&s2);
    act_acc_stats_want_binades(&s3), act_acc_stats_want_binades(&t);
    float xs[6] = {-3, -1, 0.5f, 1, 2, 3}, g[6] = {1.5f, 2, 0.25f, 1.0f + 0x1p-22f, 2, NAN};
    act_ref rr[6] = {R(1.5, 0), R(2 + 0x1p-21, 0), R(0.25, 0), R(1, 0), R(2, 0), R(3, 0)};
    for (int i = 0; i < 6; i++)
      act_acc_stats_add_one(i < 3 ? &s1 : &s2, xs[i], g[i], &rr[i], (uint64_t)i);
    for (int i = 5; i >= 0; i--) act_acc_stats_add_one(&s3, xs[i], g[i], &rr[i], (uint64_t)i);
    act_acc_stats_merge(&t, &s2);
    act_acc_stats_merge(&t, &s1);
    /* two inputs 2 ulp off (x = -1 and x = 1): the tie goes to the lower index */
    CHECK(t.inputs == 6 && t.cr == 3 && t.special_fail == 1 && t.max_ulp == 2.0 && t.max_x == -1,
          "merged: inputs %zu cr %zu special %zu max %g at %g", t.inputs, t.cr, t.special_fail,
          t.max_ulp, (double)t.max_x);
    CHECK(t.nworst == 2 && t.worst[0].ulp == 2.0 && t.worst[0].x == -1 && t.worst[1].x == 1,
          "worst list");
    uint64_t hsum = 0;
    for (int i = 0; i < ACT_HIST_BINS; i++) hsum += t.hist[i];
    CHECK(hsum + t.special_fail == t.inputs, "histogram and special failures add up");
    CHECK(!memcmp(&t.sum, &s3.sum, sizeof t.sum) && t.max_ulp == s3.max_ulp &&
              t.max_idx == s3.max_idx && !memcmp(t.hist, s3.hist, sizeof t.hist) &&
              !memcmp(t.bin_max, s3.bin_max, 8 * sizeof(double)) &&
              !memcmp(t.binade, s3.binade, ACT_BINADES * sizeof *t.binade),
          "merged halves equal the whole");
    static unsigned char buf[1 << 20];
    CHECK(act_acc_stats_packed_size(&t) <= sizeof buf, "packed size %zu",
          act_acc_stats_packed_size(&t));
    size_t n = act_acc_stats_pack(&t, buf);
    CHECK(n == act_acc_stats_packed_size(&t), "packed size");
    act_acc_stats u;
    act_acc_stats_init(&u, 8, -4, 4);
    act_acc_stats_want_binades(&u);
    CHECK(act_acc_stats_unpack(&u, buf, n) == n && u.inputs == 6 && u.max_ulp == 2.0 &&
              !memcmp(u.binade, t.binade, ACT_BINADES * sizeof *t.binade),
          "unpacked");
    act_acc_stats w8;
    act_acc_stats_init(&w8, 9, -4, 4);
    CHECK(act_acc_stats_unpack(&w8, buf, n) == 0, "a different layout is refused");
    act_acc_stats_free(&s1), act_acc_stats_free(&s2), act_acc_stats_free(&s3);
    act_acc_stats_free(&t), act_acc_stats_free(&u), act_acc_stats_free(&w8);
  }
  /* figures for people: percentages and probabilities never in exponent
   * form, short numbers, what happened at a max ULP of the wrong kind */
  {
    char b[32], n[96];
    CHECK(!strcmp(act_fmt_pct(b, 5.062e-243), "< 0.0001%"), "pct tiny: %s", b);
    CHECK(!strcmp(act_fmt_pct(b, 0), "0%") && !strcmp(act_fmt_pct(b, 1), "100%"), "pct 0, 1");
    CHECK(!strcmp(act_fmt_pct(b, 0.87126), "87.13%"), "pct: %s", b);
    CHECK(!strcmp(act_fmt_pct(b, 0.9999999), ">99.99%"), "pct near 1: %s", b);
    CHECK(!strcmp(act_fmt_pct(b, 1.5e-6), "0.00015%"), "pct small: %s", b);
    CHECK(!strcmp(act_fmt_prob(b, 5.062e-243), "< 1e-06") && !strcmp(act_fmt_prob(b, 0.25), "0.25"),
          "prob: %s", b);
    CHECK(!strcmp(act_fmt_short(n, sizeof n, 1.7e-38), "1.7e-38") &&
              !strcmp(act_fmt_short(n, sizeof n, 3e27), "3e27") &&
              !strcmp(act_fmt_short(n, sizeof n, -0.0), "-0") &&
              !strcmp(act_fmt_short(n, sizeof n, INFINITY), "inf"),
          "short numbers");
    act_ulp_note(n, sizeof n, 2.1e6, 0.0f, 2.9e-39f, b32);
    CHECK(!strcmp(n, "0 for 2.9e-39"), "a zero for a subnormal: '%s'", n);
    act_ulp_note(n, sizeof n, 0x1p151, INFINITY, 1.0f, b32);
    CHECK(!strcmp(n, "inf for 1"), "an infinity for 1: '%s'", n);
    act_ulp_note(n, sizeof n, 5.4e39, 0x1p-17f, 1.4e-45f, b32);
    CHECK(!strcmp(n, "7.6e-6 for 1.4e-45"), "beyond 2^24: '%s'", n);
    act_ulp_note(n, sizeof n, 3.5, 1.0f, 0.99999994f, b32);
    CHECK(!strcmp(n, ""), "an ordinary error has no note: '%s'", n);
    act_ulp_note(n, sizeof n, 300, 0.5f, 0.25f, bf);
    CHECK(!strcmp(n, "0.5 for 0.25"), "beyond 2^8 in bfloat16: '%s'", n);
  }
  return check_done();
}
