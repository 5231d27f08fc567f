/* actbench: the one table of implementations (what the suites know about
 * each activation is its descriptor, activations/descriptor.h). */
#ifndef ACTBENCH_REGISTRY_H
#define ACTBENCH_REGISTRY_H

#include "activation.h"
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
/* Append implementations (a plugin's, src/plugin.c) to the registry: they
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

/* CPU features (impls/cpu.c).  Honours the environment variable ACTBENCH_ISA
 * (scalar, avx2 or avx512) as a cap, so tests can force the mask down. */
#define ACT_CPU_AVX2 1u              /* AVX2 + FMA + OS support for YMM state */
#define ACT_CPU_AVX512 2u            /* AVX-512 F/DQ/BW/VL + OS support for ZMM state */
unsigned act_cpu_features(void);     /* after the cap */
unsigned act_cpu_detected(void);     /* before the cap */
void act_cpu_set_cap(unsigned mask); /* tests: force features down */
int act_cpu_has_avx2(void);
int act_cpu_has_avx512(void);

#ifdef __cplusplus
}
#endif
#endif
