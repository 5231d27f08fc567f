/* hashall: a 64-bit hash of every output bit of implementations, forward and
 * backward, so that a change meant to be layout only (a kernel moved onto
 * another SIMD layer, a reformat, a new kernel list) can be shown not to
 * change a single result (issue 15).
 *
 *   build/tests/tools/hashall [--sampled] [--own] [--ragged] [--a A] [--threads T] GLOB...
 *
 * For every registered implementation whose name matches a GLOB (fnmatch),
 * ours only with --own (impls/registry.c, not the peers'), that the CPU can
 * run: fwd over the inputs (all 2^32 binary32 bit
 * patterns, or with --sampled the 17111423 patterns k * 251, k < 2^32 / 251),
 * then bwd with dy = 1 and y from its own fwd, both with the activation's
 * default parameters (--a A: the first parameter, p.a, is A instead: the
 * slope paths of kernels that treat a == 1 apart); one line per
 * implementation:
 *
 *   <name> <all|sampled> fwd <16 hex digits> bwd <16 hex digits>
 *
 * The inputs go in blocks of 2^16 (in order, each block one call); each
 * block's outputs are hashed (four xor-multiply chains over the bit patterns,
 * then splitmix64), and
 * the block hashes are chained in order, so the figure does not depend on
 * the thread count (default 2).  --ragged makes each block's calls of
 * 1, 2, ..., 97, 1, 2, ... elements instead of one: every loop path and
 * every tail length (the same hash as without it, for kernels whose
 * results do not depend on n).  A kernel without a backward prints "-". */
#include <fnmatch.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "registry.h"

#define BLOCK_BITS 16
#define BLOCK ((size_t)1 << BLOCK_BITS)
#define STRIDE 251u

static uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

/* four independent chains h = (h ^ w) * M over 64-bit words (two outputs
 * each), then mixed: every step is a bijection of the chain's state, so a
 * single changed output always changes the hash */
static uint64_t hash_block(const float *v, size_t n) {
  const uint64_t M = 0x9e3779b97f4a7c15ull;
  uint64_t h[4] = {1, 2, 3, 4};
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w[4];
    memcpy(w, v + i, sizeof w);
    for (int k = 0; k < 4; k++) h[k] = (h[k] ^ w[k]) * M;
  }
  for (; i < n; i++) {
    uint32_t a;
    memcpy(&a, v + i, 4);
    h[0] = (h[0] ^ a) * M;
  }
  return mix(mix(mix(mix(n, h[0]), h[1]), h[2]), h[3]);
}

typedef struct {
  const act_impl *impl;
  act_params p;
  int sampled, ragged;
  uint64_t total; /* inputs */
  size_t nblocks;
  uint64_t *hf, *hb; /* per block */
  size_t next;       /* the next block to take */
  pthread_mutex_t lock;
} job;

static void *worker(void *arg) {
  job *j = arg;
  float *x = malloc(BLOCK * sizeof *x), *y = malloc(BLOCK * sizeof *y);
  float *dy = malloc(BLOCK * sizeof *dy), *dx = malloc(BLOCK * sizeof *dx);
  if (!x || !y || !dy || !dx) {
    fprintf(stderr, "hashall: out of memory\n");
    exit(2);
  }
  for (;;) {
    pthread_mutex_lock(&j->lock);
    size_t b = j->next++;
    pthread_mutex_unlock(&j->lock);
    if (b >= j->nblocks) break;
    uint64_t k0 = (uint64_t)b * BLOCK;
    size_t n = (size_t)(j->total - k0 < BLOCK ? j->total - k0 : BLOCK);
    for (size_t i = 0; i < n; i++) {
      uint32_t bits = j->sampled ? (uint32_t)((k0 + i) * STRIDE) : (uint32_t)(k0 + i);
      memcpy(&x[i], &bits, 4);
      dy[i] = 1.0f;
    }
    memset(y, 0, n * sizeof *y);
    /* --ragged: the block in calls of 1, 2, ..., 97 elements (then again),
     * through every loop's unrolled, single-vector and masked-tail paths */
    for (size_t o = 0, c = 1; o < n; o += c, c = c % 97 + 1) {
      size_t m = j->ragged ? (c < n - o ? c : n - o) : n;
      j->impl->fwd(x + o, y + o, m, &j->p);
      if (!j->ragged) break;
    }
    j->hf[b] = hash_block(y, n);
    if (j->impl->bwd) {
      memset(dx, 0, n * sizeof *dx);
      for (size_t o = 0, c = 1; o < n; o += c, c = c % 97 + 1) {
        size_t m = j->ragged ? (c < n - o ? c : n - o) : n;
        j->impl->bwd(x + o, y + o, dy + o, dx + o, m, &j->p);
        if (!j->ragged) break;
      }
      j->hb[b] = hash_block(dx, n);
    }
  }
  free(x), free(y), free(dy), free(dx);
  return NULL;
}

static void run(const act_impl *impl, int sampled, int ragged, const char *slope, int threads) {
  job j = {.impl = impl, .sampled = sampled, .ragged = ragged};
  const act_activation *a = act_find_activation(impl->activation);
  if (a) j.p = a->defaults;
  if (slope) j.p.a = strtof(slope, NULL);
  j.total = sampled ? ((uint64_t)1 << 32) / STRIDE : (uint64_t)1 << 32;
  j.nblocks = (size_t)((j.total + BLOCK - 1) / BLOCK);
  j.hf = calloc(j.nblocks, sizeof *j.hf);
  j.hb = calloc(j.nblocks, sizeof *j.hb);
  pthread_mutex_init(&j.lock, NULL);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pthread_t tid[64];
  for (int t = 0; t < threads; t++) pthread_create(&tid[t], NULL, worker, &j);
  for (int t = 0; t < threads; t++) pthread_join(tid[t], NULL);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  uint64_t hf = 0, hb = 0;
  for (size_t b = 0; b < j.nblocks; b++) hf = mix(hf, j.hf[b]), hb = mix(hb, j.hb[b]);
  char bs[17] = "-";
  if (impl->bwd) snprintf(bs, sizeof bs, "%016" PRIx64, hb);
  printf("%-52s %-7s fwd %016" PRIx64 " bwd %s\n", impl->name, sampled ? "sampled" : "all", hf, bs);
  fflush(stdout);
  fprintf(stderr, "hashall: %s %.1f s\n", impl->name,
          (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec));
  free(j.hf), free(j.hb);
  pthread_mutex_destroy(&j.lock);
}

int main(int argc, char **argv) {
  int sampled = 0, ragged = 0, threads = 2, nglobs = 0, own = 0;
  const char *slope = NULL;
  const char **globs = calloc((size_t)argc, sizeof *globs);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--sampled"))
      sampled = 1;
    else if (!strcmp(argv[i], "--own"))
      own = 1;
    else if (!strcmp(argv[i], "--ragged"))
      ragged = 1;
    else if (!strcmp(argv[i], "--a") && i + 1 < argc)
      slope = argv[++i];
    else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
      threads = atoi(argv[++i]);
    else if (argv[i][0] == '-') {
      fprintf(stderr,
              "usage: hashall [--sampled] [--own] [--ragged] [--a A] [--threads T] GLOB...\n");
      return 2;
    } else
      globs[nglobs++] = argv[i];
  }
  if (threads < 1 || threads > 64 || nglobs == 0) {
    fprintf(stderr, "usage: hashall [--sampled] [--own] [--threads T (1-64)] GLOB...\n");
    return 2;
  }
  int matched = 0;
  for (size_t i = 0; i < act_registry_count; i++) {
    const act_impl *impl = &act_registry[i];
    int hit = 0;
    for (int g = 0; g < nglobs && !hit; g++) hit = fnmatch(globs[g], impl->name, 0) == 0;
    if (!hit || (own && act_impl_class(impl) != ACT_IMPL_OURS)) continue;
    matched++;
    if (!act_impl_available(impl)) {
      printf("%-52s unavailable\n", impl->name);
      continue;
    }
    run(impl, sampled, ragged, slope, threads);
  }
  free(globs);
  if (!matched) {
    fprintf(stderr, "hashall: no implementation matches\n");
    return 1;
  }
  return 0;
}
