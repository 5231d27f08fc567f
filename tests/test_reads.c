/* actbench test: every backward kernel reads what its flags say it reads.
 *
 * The speed suite counts the bytes a backward kernel moves from its flags
 * (include/actbench/activation.h): ACT_BWD_NO_X, it never reads x; ACT_BWD_NO_Y, it
 * never reads y; dy and dx always.  A declaration that is wrong in either
 * direction makes "% of copy bandwidth" dishonest, so both are checked here
 * by what the kernel computes:
 *   - x changed, y and dy kept: a kernel that declares ACT_BWD_NO_X must give
 *     the same dx bit for bit; one that does not declare it must give a
 *     different dx somewhere (else it reads x for nothing, or the flag is
 *     missing);
 *   - y changed (y from the implementation's own forward at other inputs),
 *     x and dy kept: the same for ACT_BWD_NO_Y.
 * Inputs are uniform over [-12, 12] with a few special values (NaN, +-inf,
 * zeros, subnormals) so that a kernel reading x only to pass a NaN on still
 * counts as reading it.  `test_reads --list` prints what each kernel was seen
 * to read, for writing the flags. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "plugin.h"
#include "registry.h"

#define N 4099

static uint64_t rng_state = 0x2545f4914f6cdd1dull;
static uint64_t rng(void) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 0x2545f4914f6cdd1dull;
}
static float uniform(float lo, float hi) {
  return lo + (hi - lo) * (float)((rng() >> 40) * 0x1p-24);
}
static void fill(float *v, size_t n) {
  static const float s[] = {NAN, -INFINITY, INFINITY, 0.0f, -0.0f, 0x1p-140f, -0x1p-149f};
  for (size_t i = 0; i < n; i++)
    v[i] = (rng() % 37 == 0) ? s[rng() % (sizeof s / sizeof s[0])] : uniform(-12.0f, 12.0f);
}

/* Does dx change when x (which = 0) or y (which = 1) changes? */
static int depends(const act_impl *m, const act_params *p, int which) {
  float *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y), *dy = malloc(N * sizeof *dy);
  float *x2 = malloc(N * sizeof *x2), *y2 = malloc(N * sizeof *y2);
  float *d0 = malloc(N * sizeof *d0), *d1 = malloc(N * sizeof *d1);
  if (!x || !y || !dy || !x2 || !y2 || !d0 || !d1) {
    fprintf(stderr, "out of memory\n");
    exit(2);
  }
  int dep = 0;
  for (int round = 0; round < 4 && !dep; round++) {
    fill(x, N);
    fill(x2, N);
    for (size_t i = 0; i < N; i++) dy[i] = uniform(-1.0f, 1.0f);
    m->fwd(x, y, N, p);
    m->fwd(x2, y2, N, p);
    m->bwd(x, y, dy, d0, N, p);
    if (which == 0)
      m->bwd(x2, y, dy, d1, N, p);
    else
      m->bwd(x, y2, dy, d1, N, p);
    dep = memcmp(d0, d1, N * sizeof *d0) != 0;
  }
  free(x), free(y), free(dy), free(x2), free(y2), free(d0), free(d1);
  return dep;
}

int main(int argc, char **argv) {
  int list = argc > 1 && !strcmp(argv[1], "--list");
  act_plugins_from_env();
  size_t checked = 0;
  for (size_t k = 0; k < act_registry_count; k++) {
    const act_impl *m = &act_registry[k];
    if (!m->bwd || !m->fwd || !act_impl_available(m)) continue;
    const act_activation *act = act_find_activation(m->activation);
    act_params p = act ? act->defaults : (act_params){1.0f, 0.0f};
    int dx_x = depends(m, &p, 0), dx_y = depends(m, &p, 1);
    int no_x = (m->flags & ACT_BWD_NO_X) != 0, no_y = (m->flags & ACT_BWD_NO_Y) != 0;
    if (list) {
      printf("%-50s reads %s%s%s  declared %s\n", m->name, dx_x ? "x " : "", dx_y ? "y " : "",
             !dx_x && !dx_y ? "neither" : "",
             no_x && no_y ? "neither"
             : no_x       ? "y"
             : no_y       ? "x"
                          : "x y");
      continue;
    }
    checked++;
    if (no_x)
      CHECK(!dx_x, "%s declares ACT_BWD_NO_X but its dx changes with x", m->name);
    else
      CHECK(dx_x, "%s does not declare ACT_BWD_NO_X but its dx never changes with x", m->name);
    if (no_y)
      CHECK(!dx_y, "%s declares ACT_BWD_NO_Y but its dx changes with y", m->name);
    else
      CHECK(dx_y, "%s does not declare ACT_BWD_NO_Y but its dx never changes with y", m->name);
  }
  if (list) return 0;
  printf("%zu backward kernels checked\n", checked);
  CHECK(checked > 0, "no backward kernel ran");
  return check_done();
}
