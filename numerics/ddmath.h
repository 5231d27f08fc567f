/* actbench: elementary functions in double-double with proven error bounds
 * (ddmath.c), for the exhaustive sweep's screen. */
#ifndef ACTBENCH_DDMATH_H
#define ACTBENCH_DDMATH_H

#include "dd.h"

/* DDM_API is "static" where ddmath.c is included into another file (the
 * screen, compiled twice: for any x86-64 and with FMA) */
#ifndef DDM_API
#define DDM_API
#endif

#define DD_EXP_BOUND 0x1p-100 /* relative error of dd_exp_core */
#define DD_EXP_MAX 600.0      /* |x| <= 600: no overflow, and exp's low part stays normal */
#define DD_EXPM1_SMALL 0x1.62e42fefa39efp-10 /* ln2/512: expm1's direct polynomial */

/* Tables and constants (MPFR); thread-safe, idempotent.  ddmath_init_phi
 * also builds Phi's table (about 0.1 s). */
DDM_API void ddmath_init(void);
DDM_API void ddmath_init_phi(void);

/* e^x for |x.h| <= DD_EXP_MAX, relative error below DD_EXP_BOUND */
DDM_API dd dd_exp_core(dd x);
/* its reduction and polynomial for up to DD_EXP_BATCH arguments at once */
#define DD_EXP_BATCH 64
DDM_API void dd_exp_parts_batch(const double *xh, const double *xl, int n, double *ph, double *pl,
                                int *jj, int *mm, unsigned char *rx);
/* With running bounds: a's error carried through (a bound of +inf for
 * arguments outside the domain). */
DDM_API ddr ddr_exp(ddr a);
DDM_API ddr ddr_expm1(ddr a);
/* both at once, each the same as from its own function */
DDM_API void ddr_exp_expm1(ddr a, ddr *E, ddr *M);
DDM_API ddr ddr_log1p(ddr z); /* z >= 0 */
/* Phi(x), the standard normal distribution function, for -17.99 <= x <= 0;
 * the bound includes the series' truncation. */
DDM_API ddr ddr_Phi_neg(double x);

#endif
