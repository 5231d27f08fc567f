/* actbench: what every suite knows about each activation (definitions in
 * docs/accuracy.md).  Parameters a and b are the frameworks' defaults. */
#include <stddef.h>
#include <string.h>

#include "registry.h"

/* name, f, f', defaults {a, b}, parameter names, dense-grid range, plot range,
 * kink convention, parameter note, f bounded as x -> -inf / +inf */
const act_activation act_activations[] = {
    {"sigmoid", "1/(1+exp(-a x))", "a s(ax)(1-s(ax))", {1.0f, 0.0f}, "a", -110, 110, -8, 8, NULL,
     "a: slope, s(a x)", 1, 1},
    {"tanh", "tanh x", "1 - tanh^2 x", {0.0f, 0.0f}, "", -60, 60, -4, 4, NULL, NULL, 1, 1},
    {"relu", "max(0, x)", "1 for x > 0, 0 for x <= 0", {0.0f, 0.0f}, "", -8, 8, -3, 3,
     "relu'(0) = 0, the frameworks' convention", NULL, 0, 0},
    {"leaky_relu", "max(a x, x)", "1 for x > 0, a for x <= 0", {0.01f, 0.0f}, "a", -8, 8, -3, 3,
     "leaky_relu'(0) = a, the frameworks' convention", "a: negative slope, 0 <= a < 1", 0, 0},
    {"elu", "x for x > 0, a (exp x - 1)", "1 for x > 0, a exp x", {1.0f, 0.0f}, "a", -110, 110, -4,
     3, "elu'(0) = a (the x <= 0 branch), as PyTorch", "a: alpha", 1, 0},
    {"selu", "l x for x > 0, l al (exp x - 1); l = 1.0507009873554804934, al = 1.6732632423543772848",
     "l for x > 0, l al exp x", {0.0f, 0.0f}, "", -110, 110, -4, 3,
     "selu'(0) = l al (the x <= 0 branch), as PyTorch", NULL, 1, 0},
    {"gelu", "x Phi(x) = x/2 (1 + erf(x/sqrt 2))", "Phi(x) + x phi(x)", {0.0f, 0.0f}, "", -20, 20,
     -4, 4, NULL, NULL, 1, 0},
    {"gelu_tanh", "x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))", "its own derivative",
     {0.0f, 0.0f}, "", -20, 20, -4, 4, NULL, NULL, 1, 0},
    {"silu", "x s(a x)", "s(ax) (1 + a x (1 - s(ax)))", {1.0f, 0.0f}, "a", -110, 110, -6, 4, NULL,
     "a: beta", 1, 0},
    {"softplus", "log(1 + exp(a x)) / a", "s(a x)", {1.0f, 20.0f}, "a b", -110, 110, -4, 4, NULL,
     "a: beta; b: threshold (frameworks return x where a x > b)", 1, 0},
    {"mish", "x tanh(softplus x)", "tanh(sp) + x sech^2(sp) s(x), sp = softplus x", {0.0f, 0.0f},
     "", -120, 120, -5, 4, NULL, NULL, 1, 0},
    {"hardsigmoid", "clip(x/6 + 1/2, 0, 1)", "1/6 for -3 < x < 3, else 0", {0.0f, 0.0f}, "", -8, 8,
     -5, 5, "hardsigmoid'(+-3) = 0 (outside the open interval), as PyTorch", NULL, 1, 1},
    {"hardswish", "x clip(x/6 + 1/2, 0, 1)", "0 for x < -3, x/3 + 1/2 for -3 <= x <= 3, 1 for x > 3",
     {0.0f, 0.0f}, "", -8, 8, -5, 5, "hardswish'(-3) = -1/2, hardswish'(3) = 3/2, as PyTorch",
     NULL, 1, 0},
    {"logsigmoid", "log s(x) = -softplus(-x)", "s(-x)", {0.0f, 0.0f}, "", -110, 110, -6, 4, NULL,
     NULL, 0, 1},
};
const size_t act_activation_count = sizeof act_activations / sizeof act_activations[0];

const act_activation *act_find_activation(const char *name) {
  if (name == NULL) return NULL;
  for (size_t i = 0; i < act_activation_count; i++)
    if (strcmp(act_activations[i].name, name) == 0) return &act_activations[i];
  return NULL;
}
