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

/* The other activations (simd_cr.c, cr_core_signed) take the sign with them
 * and may cancel (f' of silu, gelu_tanh and mish has a zero): the fast path
 * computes v and a bound e >= |v - f| as e = C m, m = |v| (C a relative
 * bound) or m = |T1| + |T2| for f' = T1 + T2 (C bounds each term's relative
 * error, and the sum's rounding); then rounds |v| - e and |v| + e, each
 * moved one double further out (so that the roundings of the subtraction,
 * the addition and of C m, each below 2^-52 relative, cannot bring them
 * inside), and where |v| - e < 0 the sign is unknown: the slow path.  Each C
 * below is at least 1% above its budget (u = 2^-53):
 * - e^x - 1 (elu, selu, x in [-40, 0]) by M6 as tanh's em: |w| <= 57.71, so
 *   w's error 2u |w| ln2 < 8.88e-15; the absolute errors (S's rounding u,
 *   the polynomial's 0.04427 4.0995e-14, w's, roundings 0.61u) over
 *   |em| >= 0.042405 give < 2.565e-13 relative (k = 0: 4.16e-14).  selu
 *   times RN(lambda alpha): 2u more.
 * - e^x (elu', selu', mish; x in [-112, 28.9]): E5 as sigmoid's E,
 *   < 3.7840e-13.  selu' times RN(lambda alpha): 2u more; lambda x and
 *   lambda: 2u and u.
 * - sigma(t) (silu, gelu_tanh): sigmoid's budget, < 6.0602e-13 (1/(1+E), or
 *   E/(1+E) for t < 0); sigma(t) sigma(-t) = E/(1+E)^2: sigmoid''s
 *   < 8.3386e-13.  gelu_tanh's t = x (c1 + c3 x^2) (x^2 exact; c1, c3, the
 *   FMA and the product: 4u relative) adds 4u |w| ln2 < 4.97e-14 to E's.
 * - silu x s: 6.0602e-13 + u: C = 6.2e-13.  silu' s + x s(1-s): 8.3386e-13
 *   + 2u each term: C = 8.5e-13.  gelu_tanh x s: 6.5572e-13 + u: C =
 *   6.7e-13; gelu_tanh' s + x s(1-s) t' (t' = c1 + 3c3 x^2: 3u):
 *   8.8356e-13 + 6u: C = 9.0e-13.
 * - mish n/(n + 2), n = E(E + 2): n within 3.7840e-13 + 2u; an error d of n
 *   moves n/(n+2) by 2d/(n+2) <= d relative; n + 2 rounds (u), the
 *   reciprocal 2.2740e-13 (RCPPS and VRCP14PD alike, as above), the product
 *   u: < 6.0636e-13, times x: u: C = 6.2e-13.  mish' q + 4x E(1+E)/(n+2)^2:
 *   E 3.7840e-13, 1 + E 3.7840e-13 + u, the reciprocal twice 2 (6.0636e-13
 *   - u), four products: < 1.9719e-12, and the sum: C = 2.0e-12 (2 is
 *   1.4% above).
 * - softplus max(x, 0) + log1p(E), E = e^-|x| (|x| clamped at 112; logsigmoid
 *   the same at -x, negated): E within 3.7840e-13, and log1p's condition
 *   number E/((1 + E) log1p(E)) <= 1; log1p by coeffs_cr_log1p.h: for
 *   j >= 1 (log1p(E) >= log(1 + 1/64) > 0.0155) L_j's rounding
 *   (u 0.6932/0.0155 = 4.97e-15), L7's 4.45e-16 and the roundings of r,
 *   P, c inv_j (< 1.4e-17 absolute: 9e-16), the last addition u: < 6.0e-15;
 *   for j = 0 (L_0 = 0, r and c exact): < 4.45e-16 + 3u.  The sum with
 *   max(x, 0) (no cancellation): u.  So 3.8451e-13: C = 3.9e-13.  softplus'
 *   sigma(x) and logsigmoid' sigma(-x): sigmoid's 6.0602e-13: C = 6.2e-13.
 * - hardsigmoid (t + 3) RN(1/6): 3u, C = 4e-16; its f' RN(1/6): u, e =
 *   2^-52 v; hardswish t (t + 3) RN(1/6): 4u, C = 5e-16; its f'
 *   (2t + 3) RN(1/6): 3u, C = 4e-16.
 * - gelu: Q(a) = 1 - Phi(a) = E P(a), a = |x| (clamped at 14.9), E = e^(-a^2/2)
 *   by E5 (w = a^2 RN(-1/(2 ln2)), a^2 exact, |w| <= 160.2: sigmoid's E,
 *   < 3.7840e-13), P by coeffs_cr_gelu.h: the fit CR_GELU_P9_ERR < 1.32e-15,
 *   Horner's roundings CR_GELU_HORNER u < 1.23u, t's rounding (a < 2^-26
 *   only: u |t| |P'/P| <= u (1/16) 0.8 < 0.1u), the product E P u: Q within
 *   3.8000e-13 relative.  Phi = 1 - Q for x > 0 (Q <= 1/2: 1 - Q within
 *   3.8000e-13 + u relative) or Q.  f = x Phi (x clamped at -14.9): u more,
 *   3.8022e-13: C = 3.85e-13.  f' = Phi +- |x| phi, |x| phi = (a
 *   RN(1/sqrt(2 pi))) E: 3.7840e-13 + 3u; the sum u: < 3.8022e-13 of
 *   Phi + |x| phi: C = 3.85e-13. */
#define CR_C_EM 2.6e-13
#define CR_C_SELU_F 2.6e-13
#define CR_C_LX 2.3e-16
#define CR_C_E 3.83e-13
#define CR_C_SELU_D 3.83e-13
#define CR_C_L 1.2e-16
#define CR_C_SILU_F 6.2e-13
#define CR_C_SILU_D 8.5e-13
#define CR_C_GELUT_F 6.7e-13
#define CR_C_GELUT_D 9.0e-13
#define CR_C_MISH_F 6.2e-13
#define CR_C_MISH_D 2.0e-12
#define CR_C_SOFTPLUS_F 3.9e-13
#define CR_C_SIG 6.2e-13
#define CR_C_HSIG_F 4e-16
#define CR_C_HSIG_D 0x1p-52
#define CR_C_HSWISH_F 5e-16
#define CR_C_HSWISH_D 4e-16
#define CR_C_GELU_F 3.85e-13
#define CR_C_GELU_D 3.85e-13

#endif
