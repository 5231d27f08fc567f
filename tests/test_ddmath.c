/* The screen's double-double functions against MPFR at 300 bits: every
 * result must lie within its own running bound, and the bounds must be
 * tight enough to decide (exp and log1p within 2^-98 relative, Phi within
 * 2^-96 relative, where it is not near a cancellation). */
#include <math.h>
#include <mpfr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ddmath.h"
#include "util.h"

/* |exact - (h + l)| in units of |exact|, and the claimed bound e / |exact| */
static void measure(mpfr_srcptr exact, ddr v, double *err_rel, double *bnd_rel) {
  mpfr_t d;
  mpfr_init2(d, 400);
  mpfr_sub_d(d, exact, v.h, MPFR_RNDN);
  mpfr_sub_d(d, d, v.l, MPFR_RNDN);
  mpfr_abs(d, d, MPFR_RNDN);
  double ad = mpfr_get_d(d, MPFR_RNDU);
  double ax = fabs(mpfr_get_d(exact, MPFR_RNDN));
  *err_rel = ad / ax;
  *bnd_rel = v.e / ax;
  int within = mpfr_cmp_d(d, v.e) <= 0;
  CHECK(within, "error %a above its bound %a (value %a)", ad, v.e, v.h);
  mpfr_clear(d);
}

static int same_ddr(ddr a, ddr b) {
  return memcmp(&a.h, &b.h, sizeof a.h) == 0 && memcmp(&a.l, &b.l, sizeof a.l) == 0 &&
         memcmp(&a.e, &b.e, sizeof a.e) == 0;
}

int main(void) {
  ddmath_init_phi();
  act_rng r;
  act_rng_seed(&r, 5);
  mpfr_t x, y;
  mpfr_inits2(300, x, y, (mpfr_ptr)0);
  double worst[4] = {0}, worst_bnd[4] = {0};
  const char *names[4] = {"exp", "expm1", "log1p", "Phi"};
  for (int i = 0; i < 60000; i++) {
    double u = act_rng_uniform(&r), er, br;
    /* exp on a double-double argument in [-600, 600], denser near 0 */
    double a = (i & 1) ? (u - 0.5) * 1200 : ldexp(u - 0.5, -(i % 60));
    double al = a * 0x1p-60 * (act_rng_uniform(&r) - 0.5);
    dd s = dd_two_sum(a, al);
    ddr A = ddr_exact(s.h, s.l);
    mpfr_set_d(x, s.h, MPFR_RNDN);
    mpfr_add_d(x, x, s.l, MPFR_RNDN);
    mpfr_exp(y, x, MPFR_RNDN);
    measure(y, ddr_exp(A), &er, &br);
    if (br > worst_bnd[0]) worst_bnd[0] = br;
    if (er > worst[0]) worst[0] = er;
    /* the shared evaluation gives both functions' bits and bounds */
    ddr both_e, both_m, one_e = ddr_exp(A), one_m = ddr_expm1(A);
    ddr_exp_expm1(A, &both_e, &both_m);
    CHECK(same_ddr(both_e, one_e) && same_ddr(both_m, one_m),
          "ddr_exp_expm1(%a + %a) differs from ddr_exp, ddr_expm1", s.h, s.l);
    if (fabs(a) < 30) {
      mpfr_expm1(y, x, MPFR_RNDN);
      ddr m = ddr_expm1(A);
      measure(y, m, &er, &br);
      if (er > worst[1]) worst[1] = er;
      if (br > worst_bnd[1]) worst_bnd[1] = br;
    }
    /* log1p on [0, 1], denser near 0 */
    double z = ldexp(u, -(i % 80));
    mpfr_set_d(x, z, MPFR_RNDN);
    mpfr_log1p(y, x, MPFR_RNDN);
    measure(y, ddr_log1p(ddr_exact(z, 0)), &er, &br);
    if (er > worst[2]) worst[2] = er;
    if (br > worst_bnd[2]) worst_bnd[2] = br;
    /* Phi on [-17.9, 0] at floats */
    float xf = (float)(-17.9 * act_rng_uniform(&r));
    if (i % 7 == 0) xf = (float)ldexp(-u, -(i % 40));
    mpfr_set_flt(x, xf, MPFR_RNDN);
    mpfr_sqrt_ui(y, 2, MPFR_RNDN);
    mpfr_div(y, x, y, MPFR_RNDN);
    mpfr_neg(y, y, MPFR_RNDN);
    mpfr_erfc(y, y, MPFR_RNDN);
    mpfr_div_2ui(y, y, 1, MPFR_RNDN);
    measure(y, ddr_Phi_neg(xf), &er, &br);
    if (er > worst[3]) worst[3] = er;
    if (br > worst_bnd[3]) worst_bnd[3] = br;
  }
  for (int k = 0; k < 4; k++)
    printf("%-6s max relative error 2^%.1f, max relative bound 2^%.1f\n", names[k], log2(worst[k]),
           log2(worst_bnd[k]));
  CHECK(worst_bnd[0] < 0x1p-98, "exp bound too loose: %a", worst_bnd[0]);
  CHECK(worst_bnd[1] < 0x1p-95, "expm1 bound too loose: %a", worst_bnd[1]);
  CHECK(worst_bnd[2] < 0x1p-95, "log1p bound too loose: %a", worst_bnd[2]);
  CHECK(worst_bnd[3] < 0x1p-96, "Phi bound too loose: %a", worst_bnd[3]);
  mpfr_clears(x, y, (mpfr_ptr)0);
  mpfr_free_cache();
  return check_done();
}
