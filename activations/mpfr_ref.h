/* actbench: what the activations' MPFR evaluations share (activations/<name>.c,
 * the descriptor's mpfr; the engine that calls them, Ziv's loop and the
 * rounding, is numerics/reference.c).
 *
 * Each evaluation computes f or f' at precision prec from the mathematical
 * definition, with a bound on the relative error: "lost" counts it in units
 * of 2^-prec, each correctly rounded operation adding at most 1; exp(g)
 * multiplies the absolute error of g into its relative error; a sum whose
 * terms cancel loses the bits between the larger term's exponent and the
 * result's.  An evaluation returns lost + 1 when some operation was inexact,
 * -1 when v is exact. */
#ifndef ACTBENCH_MPFR_REF_H
#define ACTBENCH_MPFR_REF_H

#include <mpfr.h>

#include "descriptor.h"

/* SELU's constants, as defined (Klambauer et al. 2017), to 32 digits */
#define SELU_LAMBDA "1.0507009873554804934193349852946"
#define SELU_ALPHA "1.6732632423543772848170429916717"

/* The frame of an evaluation, around its body: v (the mpfr_ptr passed as
 * vp, its precision already prec; p, the parameters, may go unused), t = x exactly (512 bits more
 * than prec, for exact products and sums of floats), scratch e, s, a, b, c at prec, and inex (some
 * operation was inexact) and lost. */
#define ACT_MPFR_BEGIN(vp, prec, x, p)           \
  mpfr_ptr v = (mpfr_ptr)(vp);                   \
  mpfr_t t, e, s, a, b, c;                       \
  int inex = 0, lost = 0;                        \
  (void)(p);                                     \
  mpfr_inits2(prec, e, s, a, b, c, (mpfr_ptr)0); \
  mpfr_init2(t, (mpfr_prec_t)(prec) + 512);      \
  mpfr_set_flt(t, x, MPFR_RNDN)
#define ACT_MPFR_END                          \
  mpfr_clears(t, e, s, a, b, c, (mpfr_ptr)0); \
  return inex ? lost + 1 : -1

/* smallest k with 2^k >= v, for v >= 1 */
int act_ilog2_ceil(double v);
/* r = 1 / (1 + exp(-t)) for an exact t: three roundings (returns 3) */
int act_mpfr_sigma(mpfr_t r, mpfr_srcptr t, int *inex);
/* r = a + b where a and b carry relative errors of 2^(la - P) and 2^(lb - P):
 * returns the bound for r, the cancellation included.  An exact zero sum of
 * inexact terms returns a bound of 2P, which sends Ziv's loop on. */
int act_mpfr_add_lost(mpfr_t r, mpfr_srcptr a, int la, mpfr_srcptr b, int lb, int *inex);
/* c elu(x; a / c) = c x for x > 0, a expm1(x) (f' c, a exp(x)) into v, t = x
 * exactly, e scratch: elu with c = 1, a = alpha; selu with c = lambda, a =
 * lambda alpha.  Returns the bits lost. */
int act_mpfr_elu(mpfr_ptr v, mpfr_srcptr c, mpfr_srcptr a, mpfr_srcptr t, mpfr_ptr e, int deriv,
                 float x, int *inex);

#endif
