/* Every available implementation against its profile and its claim on the
 * sampled sweep (forward and derivative).
 *
 * The profile (tests/profile.h, tests/profiles.inc) holds each range of x to
 * its own bound: the kernel's ordinary accuracy everywhere, and a bound per
 * range where it degrades (tails, the root of f', f' from y), from maxima
 * per binade measured on other inputs (tests/calibrate_profiles), so that a
 * result wrong on any ordinary range fails even where the one claimed
 * number, set by the worst input anywhere, is millions of ulp.  Every input
 * whose result is of the right kind is held to it (ours, peers and the
 * kernels native to bfloat16 alike; a peer without a documented bound to
 * what it did, as regression data).  This sweep's inputs (seed 7) play no
 * part in making the profiles.
 *
 * The claim, as docs/accuracy.md ("Claims") reads claims:
 * - ours (and plugins): within the claim;
 * - a peer with a documented bound: within it, or exceeding it as one of
 *   the findings listed below (asserted as such, so that a change shows);
 * - a peer without one (NAN): nothing to hold it to;
 * and for every one its NaN behaviour as its flags declare; and for ours the
 * limits (infinities, zeros, FLT_MAX) equal to the correctly rounded ones and
 * the subnormal and FLT_MIN inputs within the claim.
 *
 * What a peer library's flags excuse, and nothing else:
 * - bwd == NULL (an inference library): only the forward checks.
 * - ACT_NAN_SPURIOUS (NaN for some non-NaN inputs, a defect the note
 *   describes): such inputs are not failures of the claim, but only
 *   outside the activation's interesting range [sample_lo, sample_hi]; one
 *   inside it fails. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "profile.h"
#include "util.h"

/* Documented bounds that the peers exceed on this sweep: the excess over
 * the bound stays below max_excess ulp.  SLEEF's tanhf_u10 (documented
 * 1.0 ulp) returns x + 1 ulp near |x| = 2^-24, 1.00000002 ulp
 * (impls/peers/sleef.c). */
static const struct {
  const char *name;
  int bwd;
  double max_excess;
} findings[] = {
    {"tanh.avx512.sleef-tanhf-u10", 0, 1e-7},
    {"tanh.avx2.sleef-tanhf-u10", 0, 1e-7},
};

static int finding(const act_impl *m, int bwd) {
  for (size_t i = 0; i < sizeof findings / sizeof findings[0]; i++)
    if (!strcmp(findings[i].name, m->name) && findings[i].bwd == bwd) return (int)i;
  return -1;
}

/* s (with m's context) held to m's claim as the comment above says */
static void check_claim(const act_impl *m, int bwd, const act_acc_stats *s, const char *fmt) {
  const char *d = bwd ? "'" : "";
  int cls = act_impl_class(m), v = act_acc_verdict(s);
  char *text = act_acc_verdict_text(s, m);
  if (cls != ACT_IMPL_PEER) {
    CHECK(v == 0, "%s (%s): f%s %s (max %.4g ulp at x = %a, %zu special failures)", m->name, fmt, d,
          text, s->max_ulp, (double)s->max_x, s->special_fail);
  } else if (v >= 0) {
    int k = finding(m, bwd);
    if (k < 0)
      CHECK(v == 0, "%s (%s): f%s %s", m->name, fmt, d, text);
    else
      CHECK(v == 1 && s->max_ulp - s->ctx.claim <= findings[k].max_excess,
            "%s (%s): f%s, a finding that it exceeds its bound by at most %g ulp: %s", m->name, fmt,
            d, findings[k].max_excess, text);
  }
  printf("%-40s %s f%s %10.4g ulp: %s\n", m->name, fmt, bwd ? "'" : " ", s->max_ulp, text);
  free(text);
}

/* got[i] (results of m in direction bwd, in fmt, under the context kc of
 * its statistics) against the profile: every input whose result is of the
 * right kind within the bound of its range (f' at a kink may be either
 * one-sided derivative: act_acc_kink_convention) */
static void check_profile(const act_impl *m, int bwd, const act_acc_ctx *kc, const float *x,
                          const float *got, const act_ref *ref, size_t n, const act_format *fmt) {
  const char *d = bwd ? "'" : "";
  const act_profile *pr = act_profile_of(m->name, bwd);
  CHECK(pr != NULL,
        "%s: f%s has no profile in tests/profiles.inc (scripts/gen-profiles.py makes them from an "
        "exhaustive sweep)",
        m->name, d);
  if (!pr) return;
  CHECK(!strcmp(pr->format, fmt->name), "%s: f%s's profile is in %s, the sweep in %s", m->name, d,
        pr->format, fmt->name);
  size_t over = 0, held = 0;
  double worst = 0, worst_e = 0, worst_b = 0;
  float wx = 0, wgot = 0, wwant = 0;
  const act_prof_range *wr = NULL;
  for (size_t i = 0; i < n; i++) {
    double e;
    if (!isfinite(x[i])) continue; /* +-inf, NaN: the special-value checks' business */
    if (act_ulp_error((double)got[i], &ref[i], fmt, &e) != ACT_ULP_OK) continue;
    if (act_acc_kink_convention(kc, x[i], got[i])) e = 0;
    const act_prof_range *r;
    double b = act_prof_bound(pr, x[i], &r);
    held++;
    if (e <= b) continue;
    over++;
    if (e / b > worst)
      worst = e / b, worst_e = e, worst_b = b, wx = x[i], wgot = got[i], wwant = ref[i].rn, wr = r;
  }
  char where[96];
  if (wr)
    snprintf(where, sizeof where, "the range %cx in [2^%d, 2^%d)", wr->sign, wr->e_lo,
             wr->e_hi + 1);
  else
    snprintf(where, sizeof where, "its core");
  CHECK(over == 0,
        "%s (%s): f%s above its profile (%s) on %zu of %zu inputs: worst %.4g ulp at x = %a "
        "(got %a, want %a) where %s allows %g",
        m->name, fmt->name, d, pr->kind, over, held, worst_e, (double)wx, (double)wgot,
        (double)wwant, where, worst_b);
  printf("%-40s %s f%s profile (%s): core %g, %zu ranges: %zu inputs held, %zu above\n", m->name,
         fmt->name, bwd ? "'" : " ", pr->kind, pr->core, pr->nranges, held, over);
}

int main(int argc, char **argv) {
  size_t samples = argc > 1 ? (size_t)atol(argv[1]) : (size_t)1 << 18;
  for (size_t ai = 0; ai < act_activation_count; ai++) {
    const act_activation *act = act_activations[ai];
    act_params p = act->defaults;
    size_t n;
    float *x = act_acc_sampled_inputs(act, &p, samples, 7, &n);
    act_ref *rf = malloc(sizeof(act_ref) * n), *rd = malloc(sizeof(act_ref) * n);
    float *y = act_alloc(sizeof(float) * n), *dx = act_alloc(sizeof(float) * n);
    act_reference_many(act->name, 0, x, n, &p, rf);
    act_reference_many(act->name, 1, x, n, &p, rd);
    float sp[] = {
        INFINITY,          -INFINITY, 0.0f,     -0.0f,   0x1p-149f, -0x1p-149f, 0x1.fffffcp-127f,
        -0x1.fffffcp-127f, FLT_MIN,   -FLT_MIN, FLT_MAX, -FLT_MAX,  NAN};
    size_t ns = sizeof sp / sizeof sp[0];
    act_ref sf[16], sd[16];
    act_reference_many(act->name, 0, sp, ns, &p, sf);
    act_reference_many(act->name, 1, sp, ns, &p, sd);
    for (size_t k = 0; k < act_registry_count; k++) {
      const act_impl *m = &act_registry[k];
      if (strcmp(m->activation, act->name) || !act_impl_available(m)) continue;
      if (m->flags & ACT_NATIVE) continue; /* below, in their format */
      act_acc_stats fs, ds;
      act_acc_stats_init(&fs, 0, 0, 1);
      act_acc_stats_init(&ds, 0, 0, 1);
      act_acc_ctx cf, cd;
      act_acc_ctx_for(&cf, m, 0, act, &p, &act_binary32);
      act_acc_ctx_for(&cd, m, 1, act, &p, &act_binary32);
      act_acc_stats_set_ctx(&fs, &cf);
      act_acc_stats_set_ctx(&ds, &cd);
      act_impl_run(m, &p, x, y, dx, n);
      size_t spurious = 0, inside = 0;
      for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]) && isnan(y[i])) {
          spurious++;
          inside += x[i] >= act->sample_lo && x[i] <= act->sample_hi;
        }
      if (m->flags & ACT_NAN_SPURIOUS)
        CHECK(inside == 0, "%s: NaN for %zu non-NaN inputs inside [%g, %g]", m->name, inside,
              act->sample_lo, act->sample_hi);
      act_acc_stats_add(&fs, x, y, rf, n);
      check_claim(m, 0, &fs, "binary32");
      check_profile(m, 0, &cf, x, y, rf, n, &act_binary32);
      if (m->bwd) {
        act_acc_stats_add(&ds, x, dx, rd, n);
        check_claim(m, 1, &ds, "binary32");
        check_profile(m, 1, &cd, x, dx, rd, n, &act_binary32);
      }
      if (spurious)
        printf("%-40s NaN for %zu non-NaN inputs, %zu inside [%g, %g]%s\n", m->name, spurious,
               inside, act->sample_lo, act->sample_hi,
               (m->flags & ACT_NAN_SPURIOUS) ? " (ACT_NAN_SPURIOUS)" : "");
      act_acc_stats_free(&fs);
      act_acc_stats_free(&ds);
      /* special values */
      float sy[16], sdx[16];
      act_impl_run(m, &p, sp, sy, sdx, ns);
      /* Ours (origin actbench): the limits (+-inf, +-0, +-FLT_MAX) are
       * the correctly rounded ones, and the subnormal and FLT_MIN inputs within
       * the claim.  A peer library's conventions there are reported by the
       * accuracy suite's specials table, not held to ours. */
      int ours = act_impl_class(m) == ACT_IMPL_OURS;
      for (size_t i = 0; ours && i + 1 < ns; i++) {
        int limit = isinf(sp[i]) || sp[i] == 0 || fabsf(sp[i]) == FLT_MAX;
        for (int d = 0; d < 2; d++) {
          if (d && !m->bwd) break;
          float got = d ? sdx[i] : sy[i];
          const act_ref *want = d ? &sd[i] : &sf[i];
          double e = 0;
          int ok = limit ? got == want->rn
                         : act_ulp_error(got, want, &act_binary32, &e) == ACT_ULP_OK &&
                               e <= (d ? m->bwd_ulp : m->fwd_ulp);
          CHECK(ok, "%s: f%s(%a) = %a, want %a (%.3g ulp)", m->name, d ? "'" : "", (double)sp[i],
                (double)got, (double)want->rn, e);
        }
      }
      /* NaN: exactly what the flags declare */
      CHECK(!!isnan(sy[ns - 1]) == !!(m->flags & ACT_NAN_FWD), "%s: f(NaN) = %g, flags say %s",
            m->name, (double)sy[ns - 1], (m->flags & ACT_NAN_FWD) ? "NaN" : "not NaN");
      if (m->bwd)
        CHECK(!!isnan(sdx[ns - 1]) == !!(m->flags & ACT_NAN_BWD), "%s: f'(NaN) = %g, flags say %s",
              m->name, (double)sdx[ns - 1], (m->flags & ACT_NAN_BWD) ? "NaN" : "not NaN");
    }
    free(x);
    free(rf);
    free(rd);
    act_free(y);
    act_free(dx);
  }
  /* kernels native to bfloat16: every one of its 65536 inputs, errors in its
   * ulps, within the claims */
  for (size_t k = 0; k < act_registry_count; k++) {
    const act_impl *m = &act_registry[k];
    if (!(m->flags & ACT_NATIVE_BF16) || !act_impl_available(m)) continue;
    const act_activation *act = act_find_activation(m->activation);
    act_params p = act->defaults;
    enum { NB = 65536 };
    float *x = act_alloc(sizeof(float) * NB), *y = act_alloc(sizeof(float) * NB),
          *dx = act_alloc(sizeof(float) * NB);
    act_ref *rf = malloc(sizeof(act_ref) * NB), *rd = malloc(sizeof(act_ref) * NB);
    for (int i = 0; i < NB; i++) x[i] = act_bits_float((uint32_t)i << 16);
    act_reference_narrow_many(act->name, x, NB, &p, &act_bfloat16, rf, rd);
    act_impl_run(m, &p, x, y, dx, NB);
    act_acc_ctx cb[2];
    for (int d = 0; d < 2; d++) act_acc_ctx_for(&cb[d], m, d, act, &p, &act_bfloat16);
    check_profile(m, 0, &cb[0], x, y, rf, NB, &act_bfloat16);
    if (m->bwd) check_profile(m, 1, &cb[1], x, dx, rd, NB, &act_bfloat16);
    for (int d = 0; d < 2; d++) {
      act_acc_stats s;
      act_acc_stats_init(&s, 0, 0, 1);
      act_acc_ctx c = cb[d];
      act_acc_stats_set_ctx(&s, &c);
      for (int i = 0; i < NB; i++)
        act_acc_stats_add_one_fmt(&s, x[i], d ? dx[i] : y[i], d ? &rd[i] : &rf[i], (uint64_t)i,
                                  &act_bfloat16);
      check_claim(m, d, &s, "bfloat16");
      act_acc_stats_free(&s);
    }
    act_free(x), act_free(y), act_free(dx);
    free(rf), free(rd);
  }
  return check_done();
}
