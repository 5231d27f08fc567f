/* What the suites and the commands share above the registry: the selection
 * of implementations, the check of an activation's parameters, and the
 * members every results file gives an activation, an implementation and the
 * machine.  (util.h, below the kernels, knows nothing of them.) */
#ifndef ACTBENCH_SELECT_H
#define ACTBENCH_SELECT_H

#include <jansson.h>
#include <stddef.h>

#include "registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- options that belong to an activation's parameters.
 * The activations a command selected (acts[0..n-1]) must all take the
 * parameters given (--a: param_names has "a"; --b: "b"); otherwise act_die
 * with one line naming those that do not and what each selected activation
 * takes.  leaky_relu's a must be in [0, 1); a value must be finite. */
#define ACT_MAX_ACTS 64 /* activations, at most (act_activation_count is 14) */
void act_check_params(const char *cmd, const act_activation *const *acts, size_t n, int have_a,
                      float a, int have_b, float b);

/* Selection of implementations: activation may be NULL (all); pattern may be
 * NULL (all), a full name, a glob on the full name (fnmatch), or a name
 * relative to the activation ("scalar.naive", "*.autovec*").  Returns the
 * number selected; out receives pointers into the registry (available or
 * not; callers check act_impl_available).  Dies when an explicit activation
 * or pattern matches nothing. */
size_t act_select(const char *activation, const char *pattern, const act_impl **out, size_t cap);

/* Drop from a selection the kernels that work natively in a narrow format
 * (ACT_NATIVE: measured by the accuracy suite's narrow sweeps only);
 * returns the new count. */
size_t act_drop_native(const act_impl **sel, size_t n);

/* The members every results file gives an activation ("activation",
 * "params", "formula", "dformula", "kink_note") and an implementation
 * ("name", "isa", "origin", "bwd_formula", "available"). */
json_t *act_activation_json(const act_activation *act, const act_params *p);
json_t *act_impl_json(const act_impl *m);

/* Machine context for results files: CPU model and features, caches, cores,
 * compiler, libc, MPFR/GMP versions, date, command. */
json_t *act_context_json(void);
/* Cache sizes in bytes (0 when unknown): level 1 (data), 2, 3. */
size_t act_cache_size(int level);

#ifdef __cplusplus
}
#endif
#endif
