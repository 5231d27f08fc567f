/* actbench: pieces the activations' double-precision f and f' share
 * (activations/<name>.c, dref). */
#ifndef ACTBENCH_DMATH_H
#define ACTBENCH_DMATH_H

#include <math.h>

#define SELU_L 1.0507009873554804934193349852946
#define SELU_A 1.6732632423543772848170429916717
#define SQRT1_2 0.70710678118654752440084436210485
#define RSQRT_2PI 0.39894228040143267793994605993438
#define SQRT_2_PI 0.79788456080286535587989211986876 /* sqrt(2/pi) */
#define GELU_C 0.044715

/* sigma(t) = 1/(1 + exp(-t)), no overflow, full relative accuracy */
static inline double sig(double t) {
  if (t >= 0) return 1 / (1 + exp(-t));
  double e = exp(t);
  return e / (1 + e);
}
/* sigma(t) sigma(-t) = e/(1+e)^2, e = exp(-|t|) */
static inline double sigsig(double t) {
  double e = exp(-fabs(t)), q = 1 + e;
  return e / (q * q);
}
/* log(1 + exp(t)) */
static inline double softplus(double t) {
  return (t > 0 ? t : 0) + log1p(exp(-fabs(t)));
}

#endif
