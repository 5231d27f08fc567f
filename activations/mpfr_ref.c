/* actbench: what the activations' MPFR evaluations share (mpfr_ref.h). */
#include "mpfr_ref.h"

#include <math.h>

int act_ilog2_ceil(double v) {
  int k = 0;
  while (k < 2000 && ldexp(1.0, k) < v) k++;
  return k;
}

int act_mpfr_sigma(mpfr_t r, mpfr_srcptr t, int *inex) {
  mpfr_t e;
  mpfr_init2(e, mpfr_get_prec(r));
  mpfr_neg(e, t, MPFR_RNDN);
  *inex |= mpfr_exp(e, e, MPFR_RNDN);
  *inex |= mpfr_add_ui(e, e, 1, MPFR_RNDN);
  *inex |= mpfr_ui_div(r, 1, e, MPFR_RNDN);
  mpfr_clear(e);
  return 3;
}

int act_mpfr_add_lost(mpfr_t r, mpfr_srcptr a, int la, mpfr_srcptr b, int lb, int *inex) {
  mpfr_exp_t ea = mpfr_zero_p(a) ? mpfr_get_emin() : mpfr_get_exp(a);
  mpfr_exp_t eb = mpfr_zero_p(b) ? mpfr_get_emin() : mpfr_get_exp(b);
  *inex |= mpfr_add(r, a, b, MPFR_RNDN);
  int l = (la > lb ? la : lb) + 2;
  if (mpfr_zero_p(r)) return *inex ? 2 * (int)mpfr_get_prec(r) : l;
  mpfr_exp_t er = mpfr_get_exp(r), em = ea > eb ? ea : eb;
  if (em > er) l += (int)(em - er);
  return l;
}

int act_mpfr_elu(mpfr_ptr v, mpfr_srcptr c, mpfr_srcptr a, mpfr_srcptr t, mpfr_ptr e, int deriv,
                 float x, int *inex) {
  if (x > 0) {
    if (!deriv)
      *inex |= mpfr_mul(v, c, t, MPFR_RNDN);
    else
      *inex |= mpfr_set(v, c, MPFR_RNDN);
    return 1;
  }
  if (!deriv)
    *inex |= mpfr_expm1(e, t, MPFR_RNDN);
  else
    *inex |= mpfr_exp(e, t, MPFR_RNDN);
  *inex |= mpfr_mul(v, a, e, MPFR_RNDN);
  return 2;
}
