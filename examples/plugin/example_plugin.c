/* An actbench plugin: two implementations behind the contract of
 * actbench/activation.h, built into a shared library that actbench loads at
 * run time:
 *
 *   actbench --plugin ./libexample_plugin.so list
 *   actbench --plugin ./libexample_plugin.so accuracy --impl '*example*'
 *
 * sigmoid.scalar.example-expf-div: sigma(t) = 1/(1+e) for t = a x >= 0 and
 *   e/(1+e) below, with e = expf(-|t|) (no overflow, no cancellation);
 *   f' = a e/(1+e)^2 from x, not a y(1-y) that cancels as y -> 1.
 * relu.scalar.example: max(x, 0), exact; NaN passes through.
 *
 * The claimed bounds are what `actbench --plugin ... accuracy --samples 4194304
 * --seed S` measured for seeds 11, 12 and 13 (max ULP of f 2.56, of f' 4.55),
 * rounded up: measure yours the same way.  Kernels take any n, unaligned
 * pointers, and in-place calls (y == x; dx == dy or dx == x). */
#include <actbench/activation.h>
#include <math.h>

static void sigmoid_fwd(const float *x, float *y, size_t n, const act_params *p) {
  for (size_t i = 0; i < n; i++) {
    float t = p->a * x[i];
    float e = expf(-fabsf(t)); /* in [0, 1] */
    float r = 1.0f / (1.0f + e);
    y[i] = t >= 0 ? r : e * r; /* NaN: the comparison fails, e * r is NaN */
  }
}

static void sigmoid_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                        const act_params *p) {
  (void)y; /* computed from x */
  for (size_t i = 0; i < n; i++) {
    float e = expf(-fabsf(p->a * x[i]));
    float r = 1.0f / (1.0f + e);
    dx[i] = dy[i] * (p->a * (e * r * r));
  }
}

static void relu_fwd(const float *x, float *y, size_t n, const act_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : x[i] == x[i] ? 0.0f : x[i];
}

static void relu_bwd(const float *x, const float *y, const float *dy, float *dx, size_t n,
                     const act_params *p) {
  (void)y;
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float v = x[i];
    dx[i] = v > 0 ? dy[i] : v == v ? 0.0f : v; /* relu'(0) = 0, as actbench's convention */
  }
}

static int always(void) {
  return 1;
}

static const act_impl impls[] = {
    {.activation = "sigmoid",
     .name = "sigmoid.scalar.example-expf-div",
     .isa = "scalar",
     .origin = NULL, /* "plugin:example" */
     .fwd_ulp = 3.0,
     .bwd_ulp = 5.0,
     .fwd = sigmoid_fwd,
     .bwd = sigmoid_bwd,
     .available = always,
     .bwd_formula = "a*e/(1+e)^2, e=exp(-|ax|)",
     .flags = ACT_NAN_FWD | ACT_NAN_BWD | ACT_BWD_NO_Y, /* f' from x: never reads y */
     .note = "example plugin: expf(-|ax|), float division"},
    {.activation = "relu",
     .name = "relu.scalar.example",
     .isa = "scalar",
     .origin = NULL,
     .fwd_ulp = 0,
     .bwd_ulp = 0,
     .fwd = relu_fwd,
     .bwd = relu_bwd,
     .available = always,
     .bwd_formula = "x > 0 ? 1 : 0",
     .flags = ACT_NAN_FWD | ACT_NAN_BWD | ACT_BWD_NO_Y,
     .note = "example plugin: a select, NaN passed through"},
};

static const act_plugin plugin = {
    .contract_version = ACT_CONTRACT_VERSION,
    .name = "example",
    .version = "1.0",
    .impls = impls,
    .count = sizeof impls / sizeof impls[0],
};

ACT_PLUGIN_EXPORT const act_plugin *actbench_plugin(void) {
  return &plugin;
}
