/* actbench: the one table of implementations (what the suites know about
 * each activation is its descriptor, activations/descriptor.h). */
#ifndef ACTBENCH_REGISTRY_H
#define ACTBENCH_REGISTRY_H

#include "actbench/activation.h"
#include "cpu.h"
#include "descriptor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Every implementation, available or not: ours (impls/registry.c), then
 * the peer libraries found at build time (impls/peers/), in one array built
 * before main() runs; then the plugins' (act_registry_append). */
extern const act_impl *act_registry;
extern size_t act_registry_count;
/* A table of implementations contributed by one file (a peer library). */
typedef struct {
  const act_impl *impls;
  size_t count;
  const char *library; /* "sleef 3.5.1", ... for actbench list */
  /* what the library's documentation states about its accuracy, with where
   * it says so: the source of the table's claims (a claim is that bound, or
   * NAN where the documentation states none for the implementation) */
  const char *claims_doc;
} act_impl_table;
/* The peer tables compiled in (NULL-terminated list of pointers). */
extern const act_impl_table *const act_peer_tables[];
/* Functions the registry calls once, before it copies the peer tables
 * (before main), NULL-terminated: a peer whose entries depend on the process
 * fills its table in there (PyTorch: its names carry the ATen CPU
 * capability that ATEN_CPU_CAPABILITY selects).  They must not load
 * libraries or call into one. */
extern void (*const act_peer_prepare[])(void);
/* The peers compiled in, space-separated ("sleef onednn ..."), "" for none. */
const char *act_peers_found(void);
/* Append implementations (a plugin's, impls/plugin.c) to the registry: they
 * are copied, the strings and kernels they point to must stay.  The array
 * moves, so call it before anything takes a pointer into the registry (the
 * program loads plugins before it runs a command).  Returns 0, or -1 when
 * out of memory (the registry is then unchanged).  No checks: the caller
 * validates. */
int act_registry_append(const act_impl *impls, size_t count);
const act_impl *act_find_impl(const char *name);
/* Where an implementation comes from, which says what its claims are
 * (docs/accuracy.md, "Claims"): ours (impls/registry.c: what we measured),
 * a peer library's (impls/peers/: the bound its documentation states, or
 * none), or a plugin's (what the plugin states). */
enum { ACT_IMPL_OURS, ACT_IMPL_PEER, ACT_IMPL_PLUGIN };
int act_impl_class(const act_impl *impl);
/* the peer table an implementation comes from, NULL for none */
const act_impl_table *act_impl_peer_table(const act_impl *impl);
/* impl->available() and the ACTBENCH_ISA cap (scalar|avx2|avx512). */
int act_impl_available(const act_impl *impl);
/* Run m's fwd then its bwd (dy = 1, y from its own fwd) over x[0..n): what
 * every suite and test measures; dx all NaN without a bwd kernel. */
void act_impl_run(const act_impl *m, const act_params *p, const float *x, float *y, float *dx,
                  size_t n);

#ifdef __cplusplus
}
#endif
#endif
