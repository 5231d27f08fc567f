/* actbench: leaky ReLU, the select loop that gcc -O3 vectorizes (compiled
 * once with the AVX2 flags and once with the AVX-512 flags; see kernels.h).
 *
 *   y  = x <= 0 ? a x : x          (false for NaN: a NaN input goes through)
 *   dx = x > 0 ? dy : (x <= 0 ? a dy : x)   (leaky_relu'(0) = a; NaN x gives x)
 *
 * Both arms are computed (a x, a dy) and one is selected; the one rounding
 * of a x makes the forward correctly rounded.  The selects are bit masks
 * (act_sel) so that gcc keeps a x unconditional and vectorizes for AVX2. */
#include "act_math_inline.h"
#include "kernels.h"

#ifndef ACT_ISA
#error "autovec.c is compiled with -DACT_ISA=avx2 or avx512"
#endif

void ACT_KERNEL(leaky_relu, autovec, fwd)(const float *x, float *y, size_t n, const act_params *p) {
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    float ax = a * xi;
    y[i] = act_sel(xi <= 0.0f, ax, xi);
  }
}

void ACT_KERNEL(leaky_relu, autovec, bwd)(const float *x, const float *y, const float *dy,
                                          float *dx, size_t n, const act_params *p) {
  (void)y;
  const float a = p->a;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    float d = dy[i];
    float ad = a * d;
    float g = act_sel(xi <= 0.0f, ad, xi); /* a dy, a positive x, or NaN */
    dx[i] = act_sel(xi > 0.0f, d, g);
  }
}
