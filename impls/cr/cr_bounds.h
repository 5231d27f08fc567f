/* actbench: the error bounds of the correctly rounded kernels' fast path
 * (impls/cr/simd_cr.c, per ISA), and the widths of their rounding test.
 *
 * The fast path computes v, an approximation of |f(x)| (or |f'(x)|) in double
 * precision with |v - |f|| <= eps |f|, then rounds v - W and v + W, where
 * v -+ W are the doubles W steps below and above v (its bit pattern minus and
 * plus the integer W).  Each step is at least 2^-53 v (an ulp of a double is
 * at least 2^-53 times it), so with W 2^-53 >= eps (1 + 2 eps) the interval
 * [v - W, v + W] holds |f|; RN is monotonic, so where the two roundings agree
 * they are RN(|f|), and where they differ a rounding boundary may lie in
 * between and the input goes to the slow path (cr_dd.h).  This is Ziv's
 * rounding test (A. Ziv, "Fast evaluation of elementary mathematical functions
 * with correctly rounded last bit", ACM TOMS 17(3), 1991) in the form of
 * CORE-MATH's binary32 functions (evaluate in double with a proven bound,
 * check that both ends of the error interval round alike); it holds for
 * subnormal and zero results and in every target format alike.
 *
 * The budget (u = 2^-53; 2^w through coeffs_cr_exp.h's split, w the exponent
 * in log2 units, |w| <= 162):
 * - w = RN(a c), c = RN(-1/ln2) or RN(-2/ln2): |w - w*| <= 2u |w*| (1 + u),
 *   so 2^w is off by ln2 2u 161.61 < 2.4876e-14 relative (tanh's f, |w| <=
 *   28.86: < 4.44e-15); then w = k/8 + r exactly, and 2^(j/8) is RN'd (u).
 * - E5, 2^r ~= 1 + r q(r): CR_EXP_E5_ERR = 0x1.8dcp-42 = 3.5327e-13; T r and
 *   T + (T r) q round twice, < 1.2u relative (T r q < 0.045 of the sum);
 *   VSCALEFPD is exact.  So E = 2^w is within 3.7840e-13 relative.
 * - the reciprocal 1/d: VRCP14PD (|1 - d r0| <= 2^-14, Intel's specification),
 *   then r0 (1 + e0 + e0^2), e0 = 1 - d r0 by one FMA (error < 2^-67):
 *   truncation e0^3/(1 - e0) < 2.2740e-13, and two roundings.
 * - sigmoid 1/(1 + E), E = e^-x (for every x: E <= 2^162, d up to 2^162 is
 *   fine for VRCP14PD): an error d of E moves it by d E/(1+E) <= d relative:
 *   3.7840e-13 + 2.2740e-13 + 2u < 6.0602e-13: W = 5500 (2^-53 5500 =
 *   6.1062e-13).
 * - sigmoid' E/(1 + E)^2: an error d of E moves it by d |1-E|/(1+E) <= d;
 *   the reciprocal twice, two products: < 8.3386e-13: W = 7600 (8.4377e-13).
 *   tanh' 4E/(1 + E)^2 with E = e^-2|x| likewise (the 4 by VSCALEFPD): W =
 *   7600.
 * - tanh |x| = -em/(2 + em), em = 2^w - 1 = (S - 1) + (S r) q(r) with M6,
 *   r q(r) ~= 2^r - 1: CR_EXP_M6_ERR = 0x1.714p-45 = 4.0995e-14 relative to
 *   2^r - 1.  For k = 0 (S = 1) em = r q(r) itself: < 4.0995e-14 + 5u
 *   (w's 2u is relative here).  Otherwise w <= -1/16, |em| >= 1 - 2^(-1/16)
 *   > 0.042405, and the absolute errors (S's rounding u, the polynomial's
 *   0.04427 4.0995e-14, w's 4.44e-15, the roundings 0.61u) give < 1.5189e-13
 *   relative.  An error d of em moves -em/(2+em) by 2d/(2+em) <= 2d
 *   relative: 3.0377e-13, + the reciprocal 2.2740e-13 + 4u < 5.3161e-13:
 *   W = 4900 (5.4401e-13).
 */
#ifndef ACTBENCH_CR_BOUNDS_H
#define ACTBENCH_CR_BOUNDS_H

#define CR_W_SIGMOID_F 5500
#define CR_W_SIGMOID_D 7600
#define CR_W_TANH_F 4900
#define CR_W_TANH_D 7600

#endif
