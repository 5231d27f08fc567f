/* Every available implementation within its claimed ULP bounds on the sampled
 * sweep (forward and derivative); its NaN behaviour as its flags declare; and
 * the IEEE special values (infinities, zeros, subnormals, FLT_MIN, FLT_MAX)
 * equal to the correctly rounded limit. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "util.h"

int main(int argc, char **argv) {
  size_t samples = argc > 1 ? (size_t)atol(argv[1]) : (size_t)1 << 19;
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
      act_acc_stats fs, ds;
      act_acc_stats_init(&fs, 0, 0, 1);
      act_acc_stats_init(&ds, 0, 0, 1);
      act_acc_run_impl(m, &p, x, y, dx, n);
      act_acc_stats_add(&fs, x, y, rf, n);
      act_acc_stats_add(&ds, x, dx, rd, n);
      CHECK(act_acc_within(&fs, m->fwd_ulp, (m->flags & ACT_NAN_FWD) != 0),
            "%s: f max %.4g ulp at x = %a (claim %g), special failures %zu", m->name, fs.max_ulp,
            (double)fs.max_x, m->fwd_ulp, fs.special_fail);
      CHECK(act_acc_within(&ds, m->bwd_ulp, (m->flags & ACT_NAN_BWD) != 0),
            "%s: f' max %.4g ulp at x = %a (claim %g), special failures %zu", m->name, ds.max_ulp,
            (double)ds.max_x, m->bwd_ulp, ds.special_fail);
      printf("%-40s f %10.4g ulp (claim %-8g)  f' %10.4g ulp (claim %g)\n", m->name, fs.max_ulp,
             m->fwd_ulp, ds.max_ulp, m->bwd_ulp);
      act_acc_stats_free(&fs);
      act_acc_stats_free(&ds);
      /* special values */
      float sy[16], sdx[16];
      act_acc_run_impl(m, &p, sp, sy, sdx, ns);
      for (size_t i = 0; i + 1 < ns; i++) {
        CHECK(sy[i] == sf[i].rn, "%s: f(%a) = %a, want %a", m->name, (double)sp[i], (double)sy[i],
              (double)sf[i].rn);
        CHECK(sdx[i] == sd[i].rn, "%s: f'(%a) = %a, want %a", m->name, (double)sp[i],
              (double)sdx[i], (double)sd[i].rn);
      }
      /* NaN: exactly what the flags declare */
      CHECK(!!isnan(sy[ns - 1]) == !!(m->flags & ACT_NAN_FWD), "%s: f(NaN) = %g, flags say %s",
            m->name, (double)sy[ns - 1], (m->flags & ACT_NAN_FWD) ? "NaN" : "not NaN");
      CHECK(!!isnan(sdx[ns - 1]) == !!(m->flags & ACT_NAN_BWD), "%s: f'(NaN) = %g, flags say %s",
            m->name, (double)sdx[ns - 1], (m->flags & ACT_NAN_BWD) ? "NaN" : "not NaN");
    }
    free(x);
    free(rf);
    free(rd);
    act_free(y);
    act_free(dx);
  }
  return check_done();
}
