/* Every available implementation within its claimed ULP bounds on the sampled
 * sweep (forward and derivative); its NaN behaviour as its flags declare; and
 * for ours, the limits (infinities, zeros, FLT_MAX) equal to the correctly
 * rounded ones and the subnormal and FLT_MIN inputs within the claim.
 *
 * What a peer library's flags excuse, and nothing else:
 * - bwd == NULL (an inference library): only the forward checks.
 * - ACT_NAN_SPURIOUS (NaN for some non-NaN inputs, a defect the note
 *   describes): such inputs are counted and left out of the claim, but only
 *   outside the activation's interesting range [sample_lo, sample_hi]; one
 *   inside it fails. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "util.h"

int main(int argc, char **argv) {
  size_t samples = argc > 1 ? (size_t)atol(argv[1]) : (size_t)1 << 18;
  for (size_t ai = 0; ai < act_activation_count; ai++) {
    const act_activation *act = &act_activations[ai];
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
      act_acc_run_impl(m, &p, x, y, dx, n);
      size_t nn = n, spurious = 0, inside = 0;
      const float *xs = x, *ys = y, *dxs = dx;
      const act_ref *rfs = rf, *rds = rd;
      float *xk = NULL, *yk = NULL, *dxk = NULL;
      act_ref *rfk = NULL, *rdk = NULL;
      if (m->flags & ACT_NAN_SPURIOUS) { /* keep the inputs that did not give NaN */
        xk = malloc(sizeof(float) * n), yk = malloc(sizeof(float) * n);
        dxk = malloc(sizeof(float) * n);
        rfk = malloc(sizeof(act_ref) * n), rdk = malloc(sizeof(act_ref) * n);
        nn = 0;
        for (size_t i = 0; i < n; i++) {
          if (!isnan(x[i]) && isnan(y[i])) {
            spurious++;
            inside += x[i] >= act->sample_lo && x[i] <= act->sample_hi;
            continue;
          }
          xk[nn] = x[i], yk[nn] = y[i], dxk[nn] = dx[i], rfk[nn] = rf[i], rdk[nn] = rd[i];
          nn++;
        }
        xs = xk, ys = yk, dxs = dxk, rfs = rfk, rds = rdk;
        CHECK(inside == 0, "%s: NaN for %zu non-NaN inputs inside [%g, %g]", m->name, inside,
              act->sample_lo, act->sample_hi);
      }
      act_acc_stats_add(&fs, xs, ys, rfs, nn);
      CHECK(act_acc_within_impl(&fs, m, 0),
            "%s: f max %.4g ulp at x = %a (claim %g), special failures %zu", m->name, fs.max_ulp,
            (double)fs.max_x, m->fwd_ulp, fs.special_fail);
      if (m->bwd) {
        act_acc_stats_add(&ds, xs, dxs, rds, nn);
        CHECK(act_acc_within_impl(&ds, m, 1),
              "%s: f' max %.4g ulp at x = %a (claim %g), special failures %zu", m->name, ds.max_ulp,
              (double)ds.max_x, m->bwd_ulp, ds.special_fail);
        printf("%-40s f %10.4g ulp (claim %-8g)  f' %10.4g ulp (claim %g)\n", m->name, fs.max_ulp,
               m->fwd_ulp, ds.max_ulp, m->bwd_ulp);
      } else {
        printf("%-40s f %10.4g ulp (claim %-8g)  no backward kernel\n", m->name, fs.max_ulp,
               m->fwd_ulp);
      }
      if (spurious)
        printf("%-40s NaN for %zu non-NaN inputs, all outside [%g, %g] (ACT_NAN_SPURIOUS)\n",
               m->name, spurious, act->sample_lo, act->sample_hi);
      free(xk), free(yk), free(dxk), free(rfk), free(rdk);
      act_acc_stats_free(&fs);
      act_acc_stats_free(&ds);
      /* special values */
      float sy[16], sdx[16];
      act_acc_run_impl(m, &p, sp, sy, sdx, ns);
      /* Ours (origin actbench or libm): the limits (+-inf, +-0, +-FLT_MAX) are
       * the correctly rounded ones, and the subnormal and FLT_MIN inputs within
       * the claim.  A peer library's conventions there are reported by the
       * accuracy suite's specials table, not held to ours. */
      int ours = !strcmp(m->origin, "actbench") || !strcmp(m->origin, "libm");
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
    act_reference_many(act->name, 0, x, NB, &p, rf);
    act_reference_many(act->name, 1, x, NB, &p, rd);
    int id = act_activation_id(act->name);
    for (int i = 0; i < NB; i++)
      for (int d = 0; d < 2; d++) {
        act_ref *r = d ? &rd[i] : &rf[i];
        int tie;
        float rn = act_narrow_rn(r, &act_bfloat16, &tie);
        r->rn = tie ? act_reference_narrow(id, d, x[i], &p, &act_bfloat16) : rn;
      }
    act_acc_run_impl(m, &p, x, y, dx, NB);
    for (int d = 0; d < 2; d++) {
      act_acc_stats s;
      act_acc_stats_init(&s, 0, 0, 1);
      for (int i = 0; i < NB; i++)
        act_acc_stats_add_one_fmt(&s, x[i], d ? dx[i] : y[i], d ? &rd[i] : &rf[i], (uint64_t)i,
                                  &act_bfloat16);
      CHECK(act_acc_within_impl(&s, m, d), "%s (bfloat16): f%s max %.4g ulp (claim %g)", m->name,
            d ? "'" : "", s.max_ulp, d ? m->bwd_ulp : m->fwd_ulp);
      printf("%-40s bfloat16 f%s %10.4g ulp (claim %g)\n", m->name, d ? "'" : " ", s.max_ulp,
             d ? m->bwd_ulp : m->fwd_ulp);
      act_acc_stats_free(&s);
    }
    act_free(x), act_free(y), act_free(dx);
    free(rf), free(rd);
  }
  return check_done();
}
