/* actbench peer PyTorch: the interface between the table (impls/peers/
 * pytorch.c, C, in actbench) and the module that calls ATen
 * (impls/peers/pytorch/aten.cc, C++, built as libactbench_pytorch.so and
 * dlopen()ed on first use). */
#ifndef ACTBENCH_PEER_PYTORCH_API_H
#define ACTBENCH_PEER_PYTORCH_API_H

#include <stddef.h>

#include "actbench/activation.h"

#ifdef __cplusplus
extern "C" {
#endif

/* one per activation; the module maps each to ATen's operators */
enum {
  ACT_TORCH_SIGMOID,
  ACT_TORCH_TANH,
  ACT_TORCH_RELU,
  ACT_TORCH_LEAKY_RELU,
  ACT_TORCH_ELU,
  ACT_TORCH_SELU,
  ACT_TORCH_GELU,
  ACT_TORCH_GELU_TANH,
  ACT_TORCH_SILU,
  ACT_TORCH_SOFTPLUS,
  ACT_TORCH_MISH,
  ACT_TORCH_HARDSIGMOID,
  ACT_TORCH_HARDSWISH,
  ACT_TORCH_LOGSIGMOID,
  ACT_TORCH_OPS
};

#define ACT_TORCH_ABI 1
#define ACT_TORCH_ENTRY "act_torch_module"

typedef struct {
  int abi;                /* ACT_TORCH_ABI */
  const char *version;    /* TORCH_VERSION of the headers it was built with */
  const char *capability; /* ATen's "CPU capability usage" (at::show_config): "AVX2", ... */
  int mkldnn;             /* at::hasMKLDNN() && the user setting (gelu goes to oneDNN) */
  /* 0, or -1 with a message in err (an ATen exception: an unsupported
   * parameter, ...); n = 0 returns 0 without calling ATen */
  int (*fwd)(int op, const float *x, float *y, size_t n, const act_params *p, char *err,
             size_t errlen);
  int (*bwd)(int op, const float *x, const float *y, const float *dy, float *dx, size_t n,
             const act_params *p, char *err, size_t errlen);
} act_torch_api;

typedef const act_torch_api *act_torch_module_fn(void);

#ifdef __cplusplus
}
#endif
#endif
