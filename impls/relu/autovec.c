/* actbench: ReLU, the select loop that gcc -O3 vectorizes (compiled once with
 * the AVX2 flags and once with the AVX-512 flags; see kernels.h).
 *
 *   y  = x <= 0 ? 0 : x            (the comparison is false for NaN, so a NaN
 *                                   input goes through; -0 gives +0)
 *   dx = x > 0 ? dy : (x <= 0 ? 0 : x)   (relu'(0) = 0; NaN x gives x)
 *
 * Exact; the same results as relu.scalar.stable, bit for bit. */
#include "kernels.h"

#ifndef ACT_ISA
#error "autovec.c is compiled with -DACT_ISA=avx2 or avx512"
#endif

void ACT_KERNEL(relu, autovec, fwd)(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    y[i] = xi <= 0.0f ? 0.0f : xi;
  }
}

void ACT_KERNEL(relu, autovec, bwd)(const float *x, const float *y, const float *dy, float *dx,
                                    size_t n, const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float xi = x[i];
    float g = xi <= 0.0f ? 0.0f : xi; /* 0, a positive x, or NaN */
    dx[i] = xi > 0.0f ? dy[i] : g;
  }
}
