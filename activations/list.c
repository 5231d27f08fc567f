/* actbench: the activations, listed once (definitions in docs/accuracy.md;
 * what a descriptor holds: activations/descriptor.h).  An activation's number
 * is its place here; the order is the order of `actbench list`, the results
 * files and the report. */
#include <math.h>
#include <string.h>

#include "descriptor.h"

extern const act_activation act_sigmoid, act_tanh, act_relu, act_leaky_relu, act_elu, act_selu,
    act_gelu, act_gelu_tanh, act_silu, act_softplus, act_mish, act_hardsigmoid, act_hardswish,
    act_logsigmoid;

const act_activation *const act_activations[] = {
    &act_sigmoid, &act_tanh,        &act_relu,      &act_leaky_relu, &act_elu,
    &act_selu,    &act_gelu,        &act_gelu_tanh, &act_silu,       &act_softplus,
    &act_mish,    &act_hardsigmoid, &act_hardswish, &act_logsigmoid,
};
const size_t act_activation_count = sizeof act_activations / sizeof act_activations[0];

int act_activation_id(const char *name) {
  if (name == NULL) return -1;
  for (size_t i = 0; i < act_activation_count; i++)
    if (strcmp(act_activations[i]->name, name) == 0) return (int)i;
  return -1;
}

const act_activation *act_find_activation(const char *name) {
  int id = act_activation_id(name);
  return id < 0 ? NULL : act_activations[id];
}

int act_bounded(const act_activation *act, int dir) {
  return !isnan(act->limit(0, dir, &act->defaults));
}

double act_limit_gate(int deriv, int dir, const act_params *p) {
  (void)p;
  if (!deriv) return dir < 0 ? 0 : NAN;
  return dir < 0 ? 0 : 1;
}
