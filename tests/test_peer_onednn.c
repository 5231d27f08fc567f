/* actbench test: what is particular to the oneDNN peer (impls/peers/onednn.c);
 * the generic tests (layout, bounds, dispatch) cover the rest.  Skipped (exit
 * 0) when oneDNN is not compiled in.
 *
 * - The primitive cache: 60 different sizes (more than the wrapper keeps, so
 *   entries are evicted and created again) give, for every implementation,
 *   the same bits as one call on the whole array.
 * - Two threads calling at once (the wrapper serializes them) give the same
 *   bits too.
 * - Single-threaded: a call on 2^20 elements starts no OpenMP worker thread
 *   (the process still has one thread afterwards; Linux /proc).
 * - Parameters other than the defaults reach oneDNN (leaky_relu, elu, silu
 *   alpha) or are applied around it (sigmoid slope, softplus beta): results
 *   within 1e-5 (relative plus absolute) of a double-precision formula on
 *   [-10, 10].
 * Run under ASan (cmake -DACTBENCH_SANITIZE=ON), exiting normally also checks
 * that the wrapper frees everything at exit. */
#include <dirent.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "registry.h"

#define BIG 2000

static float xs[BIG], dys[BIG];

static void fill(void) {
  for (int i = 0; i < BIG; i++) {
    xs[i] = -12.0f + 24.0f * (float)i / (float)BIG + 0.001f * (float)(i % 7);
    dys[i] = 1.0f - 0.0005f * (float)i;
  }
}

/* fwd and bwd on the first n inputs, written to y and dx */
static void run(const act_impl *m, const act_params *p, size_t n, float *y, float *dx) {
  m->fwd(xs, y, n, p);
  m->bwd(xs, y, dys, dx, n, p);
}

typedef struct {
  const act_impl *m;
  const act_params *p;
  const float *yref, *dxref;
  int ok;
} job;

static void *thread_main(void *arg) {
  job *j = arg;
  static _Thread_local float y[BIG], dx[BIG];
  j->ok = 1;
  for (size_t n = 1; n < 300; n += 37) {
    run(j->m, j->p, n, y, dx);
    j->ok &=
        memcmp(y, j->yref, n * sizeof(float)) == 0 && memcmp(dx, j->dxref, n * sizeof(float)) == 0;
  }
  return NULL;
}

static int threads_now(void) {
  DIR *d = opendir("/proc/self/task");
  if (d == NULL) return -1;
  int c = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;)
    if (e->d_name[0] != '.') c++;
  closedir(d);
  return c;
}

static double sig(double t) {
  return 1.0 / (1.0 + exp(-t));
}

/* f and f' in double for a parameter set a; returns 0 for no formula */
static int formula(const char *act, double x, double a, double *f, double *d) {
  if (!strcmp(act, "sigmoid")) {
    *f = sig(a * x), *d = a * sig(a * x) * sig(-a * x);
  } else if (!strcmp(act, "softplus")) {
    *f = log1p(exp(a * x)) / a, *d = sig(a * x);
  } else if (!strcmp(act, "leaky_relu")) {
    *f = x > 0 ? x : a * x, *d = x > 0 ? 1 : a;
  } else if (!strcmp(act, "elu")) {
    *f = x > 0 ? x : a * expm1(x), *d = x > 0 ? 1 : a * exp(x);
  } else if (!strcmp(act, "silu")) {
    *f = x * sig(a * x), *d = sig(a * x) * (1 + a * x * sig(-a * x));
  } else {
    return 0;
  }
  return 1;
}

/* loose enough for oneDNN's own error (soft_relu is off by ~2^-19 absolute
 * in its left tail), tight enough to catch a parameter that did not arrive */
static int close_to(float got, double want) {
  return fabs((double)got - want) <= 1e-5 * fabs(want) + 1e-5;
}

int main(void) {
  fill();
  /* single-threaded: no OpenMP team appears for a large call (first, before
   * anything else could have started threads) */
  const act_impl *big = act_find_impl("sigmoid.onednn.logistic");
  size_t n = (size_t)1 << 20;
  float *bx = calloc(n, sizeof(float)), *by = calloc(n, sizeof(float));
  int before = threads_now();
  if (big && bx && by && before > 0 && act_impl_available(big)) {
    act_params p = {1.0f, 0.0f};
    big->fwd(bx, by, n, &p);
    int after = threads_now();
    CHECK(after == before, "sigmoid.onednn.logistic on 2^20: threads %d before, %d after", before,
          after);
    CHECK(by[0] == 0.5f && by[n - 1] == 0.5f, "sigmoid.onednn.logistic(0) = 0.5");
  }
  free(bx);
  free(by);
  size_t count = 0;
  static float y[BIG], dx[BIG], yref[BIG], dxref[BIG];
  for (size_t k = 0; k < act_registry_count; k++) {
    const act_impl *m = &act_registry[k];
    if (strcmp(m->origin, "onednn") != 0) continue;
    if (m->flags & ACT_NATIVE) continue; /* bfloat16 kernels: held in test_bounds */
    count++;
    CHECK(act_impl_available(m), "%s available", m->name);
    if (!act_impl_available(m)) continue;
    const act_activation *act = act_find_activation(m->activation);
    CHECK(act != NULL, "%s: activation known", m->name);
    if (act == NULL) continue;
    const act_params *p = &act->defaults;

    /* the cache: many sizes, evictions, the same bits as the whole array */
    run(m, p, BIG, yref, dxref);
    int same = 1;
    for (size_t r = 0; r < 2; r++)
      for (size_t n = 1; n <= 60; n++) {
        size_t len = n * 31 % BIG + 1;
        run(m, p, len, y, dx);
        same &= memcmp(y, yref, len * sizeof(float)) == 0 &&
                memcmp(dx, dxref, len * sizeof(float)) == 0;
      }
    CHECK(same, "%s: 120 calls of 60 sizes equal one call on the whole array", m->name);

    /* two threads at once */
    job j[2] = {{m, p, yref, dxref, 0}, {m, p, yref, dxref, 0}};
    pthread_t t[2];
    int started = 0;
    for (int i = 0; i < 2; i++)
      if (pthread_create(&t[i], NULL, thread_main, &j[i]) == 0) started |= 1 << i;
    for (int i = 0; i < 2; i++)
      if (started & (1 << i)) pthread_join(t[i], NULL);
    CHECK(started == 3 && j[0].ok && j[1].ok, "%s: two threads give the same bits", m->name);

    /* parameters other than the defaults */
    act_params q = *p;
    double a = !strcmp(m->activation, "leaky_relu") ? 0.2
               : !strcmp(m->activation, "elu")      ? 0.5
                                                    : 2.0;
    q.a = (float)a;
    double f, d;
    if (formula(m->activation, 0.0, a, &f, &d)) {
      run(m, &q, BIG, y, dx);
      int ok = 1;
      size_t bad = 0;
      for (size_t i = 0; i < BIG; i++) {
        if (fabs(xs[i]) > 10) continue;
        formula(m->activation, xs[i], a, &f, &d);
        if (!close_to(y[i], f) || !close_to(dx[i], d * dys[i])) {
          if (ok) bad = i;
          ok = 0;
        }
      }
      formula(m->activation, xs[bad], a, &f, &d);
      CHECK(ok, "%s, a = %g: f and f' near the formula (first miss: x = %a, got %a %a, want %a %a)",
            m->name, a, (double)xs[bad], (double)y[bad], (double)dx[bad], f, d * dys[bad]);
    }
  }
  if (count == 0) {
    printf("oneDNN not compiled in: skipped\n");
    return 0;
  }

  printf("%zu oneDNN implementations\n", count);
  return check_done();
}
