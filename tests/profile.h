/* Accuracy profiles: what tests/test_bounds.c and tests/test_layout.c hold
 * every implementation to, beyond its one claimed number.
 *
 * A claim is a maximum over all floats; where a kernel degrades somewhere
 * (the tails, the root of f', the region where f' comes from y), that
 * maximum is millions of ulp and says nothing about the rest: a kernel made
 * 1% wrong on an ordinary range stays within it.  A profile holds each range
 * of x to its own bound instead:
 *
 *   core      the bound over every x outside the ranges below (the kernel's
 *             ordinary accuracy);
 *   ranges    where the kernel degrades: x in sign * [2^e_lo, 2^(e_hi+1)),
 *             each with its bound (binades of x: e = -127 is the zeros and
 *             subnormals, e = 128 infinity and NaN).
 *
 * Errors are in ulps of the implementation's format (binary32; bfloat16 for
 * the kernels native to it), as the accuracy suite measures them, and only
 * results of the right kind are held to them (a special-value failure is the
 * claim checks' business).  Every bound is a power of two with a margin over
 * the maximum measured in its range, capped by the claim:
 *
 *   kind "claim"       ours: capped by the claim (which the exhaustive sweep
 *                      over all 2^32 floats established: the registry's
 *                      comments);
 *   kind "documented"  a peer with a documented bound: capped by that bound
 *                      except where the peer exceeds it (a finding
 *                      test_bounds.c asserts as such);
 *   kind "regression"  a peer without a documented bound: what it did, with
 *                      a margin (another CPU may take another code path), as
 *                      regression data, never a claim.
 *
 * The table, tests/profiles.inc, is generated: tests/calibrate_profiles
 * measures the maximum per binade of x on inputs that none of the tests use
 * (grids offset from theirs, random bit patterns from another seed, floats
 * drawn in every binade, the neighbours of the saturation points; every input
 * for the kernels native to bfloat16), and scripts/gen-profiles.py (its
 * docstring says how) makes the bounds, twice the sampled maxima at least.
 * Regenerate both when a kernel changes:
 *
 *   build/tests/calibrate_profiles > cal.json
 *   scripts/gen-profiles.py cal.json > tests/profiles.inc
 */
#ifndef ACTBENCH_TEST_PROFILE_H
#define ACTBENCH_TEST_PROFILE_H

#include <stdint.h>
#include <string.h>

typedef struct {
  char sign;      /* '+' or '-' */
  int e_lo, e_hi; /* binades 2^e_lo .. 2^e_hi of |x| */
  double bound;   /* ulps */
} act_prof_range;

typedef struct {
  const char *impl;
  int bwd;            /* 0: f, 1: f' */
  const char *kind;   /* "claim", "documented", "regression" */
  const char *format; /* "binary32", "bfloat16" */
  double core;
  const act_prof_range *ranges;
  size_t nranges;
} act_profile;

#define ACT_PROF_RANGES(...)             \
  (const act_prof_range[]){__VA_ARGS__}, \
      sizeof((const act_prof_range[]){__VA_ARGS__}) / sizeof(act_prof_range)
#define ACT_PROF_NONE NULL, 0

static const act_profile act_profiles[] = {
#include "profiles.inc"
};

static inline const act_profile *act_profile_of(const char *impl, int bwd) {
  for (size_t i = 0; i < sizeof act_profiles / sizeof act_profiles[0]; i++)
    if (act_profiles[i].bwd == bwd && !strcmp(act_profiles[i].impl, impl)) return &act_profiles[i];
  return NULL;
}

/* the binade of x: its sign and e (-127 zeros and subnormals, 128 inf/NaN) */
static inline void act_prof_binade(float x, char *sign, int *e) {
  uint32_t u;
  memcpy(&u, &x, sizeof u);
  *sign = (u >> 31) ? '-' : '+';
  *e = (int)((u >> 23) & 0xff) - 127;
}

/* the bound at x, and the range it comes from (NULL: the core) */
static inline double act_prof_bound(const act_profile *p, float x, const act_prof_range **from) {
  char s;
  int e;
  act_prof_binade(x, &s, &e);
  for (size_t i = 0; i < p->nranges; i++) {
    const act_prof_range *r = &p->ranges[i];
    if (r->sign == s && e >= r->e_lo && e <= r->e_hi) {
      if (from) *from = r;
      return r->bound;
    }
  }
  if (from) *from = NULL;
  return p->core;
}

#endif
