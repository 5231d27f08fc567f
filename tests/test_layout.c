/* actbench test: every implementation that can run here gives the same bits
 * whatever the memory layout.
 *
 * For each available implementation and each size n, fwd and bwd run first
 * on separate 64-byte-aligned buffers (the reference), then
 *   (a) on pointers offset by 1, 2 and 3 floats (every array differently),
 *   (b) fwd in place, y == x (aligned and offset),
 *   (c) bwd in place, dx == dy and dx == x (aligned and offset),
 * and every result must equal the reference bit for bit (memcmp, so NaNs
 * compare by their bits too).  Guard words around every output must be left
 * alone, which also checks that n = 0 writes nothing.  Inputs come from a
 * fixed-seed generator over [-12, 12] with NaN, inf, zeros, subnormals and
 * huge values sprinkled in.  An implementation without a backward kernel
 * (bwd == NULL, an inference library) gets the fwd checks only.  Plugins
 * named by ACTBENCH_PLUGINS are loaded first and checked the same way.
 *
 * And the values: a kernel is not only compared with itself.  The reference
 * results (aligned buffers, at every size, so the remainder loops of the
 * vector kernels too) and f' computed with dy = 1 from them are held to the
 * implementation's accuracy profile (tests/profile.h) against MPFR: every
 * result of the right kind within the bound of its range of x, and no NaN
 * for a number unless the flags say the kernel does that (ACT_NAN_SPURIOUS).
 * Kernels native to bfloat16 and plugins (no profile) get the layout checks
 * only. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "plugin.h"
#include "profile.h"
#include "registry.h"

#define MAXN 1003
#define GUARD 16 /* floats of guard on each side of an output */
#define ALIGN 64

static const size_t sizes[] = {0,  1,  2,  3,  5,  7,  8,   15,   16,
                               17, 31, 33, 63, 64, 65, 127, 1000, 1003};

static unsigned passed, failed;

static void check(int ok, const char *impl, const char *what, size_t n) {
  if (ok) {
    passed++;
  } else {
    failed++;
    if (failed <= 50) printf("FAIL %s: %s, n = %zu\n", impl, what, n);
  }
}

/* xorshift64*, fixed seed */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 0x2545f4914f6cdd1dull;
}
static float uniform(float lo, float hi) {
  return lo + (hi - lo) * (float)((rng() >> 40) * 0x1p-24);
}

static float special(void) {
  const float s[] = {NAN,       -NAN,       INFINITY,       -INFINITY,     0.0f,     -0.0f,
                     0x1p-149f, -0x1p-140f, 0x1p-126f,      3.0e38f,       -3.0e38f, 1e-30f,
                     90.0f,     -90.0f,     0x1.193ea8p-1f, 0x1.62e430p-2f};
  float v = s[rng() % (sizeof s / sizeof s[0])];
  if (isnan(v) && (rng() & 1)) { /* a NaN with a payload */
    uint32_t b;
    memcpy(&b, &v, sizeof b);
    b |= (uint32_t)(rng() & 0x3fffff);
    memcpy(&v, &b, sizeof v);
  }
  return v;
}

static void fill(float *v, size_t n, float lo, float hi) {
  for (size_t i = 0; i < n; i++) v[i] = (rng() % 9 == 0) ? special() : uniform(lo, hi);
}

/* A buffer: GUARD floats, room for MAXN + 3 floats, GUARD floats; data()
 * starts 64-byte aligned plus the offset. */
typedef struct {
  float *base;
} buf;
static const uint32_t guard_bits = 0x7fa5a5a5u; /* a NaN nobody computes */

static buf buf_new(void) {
  size_t bytes = (GUARD + MAXN + 3 + GUARD) * sizeof(float);
  bytes = (bytes + ALIGN - 1) / ALIGN * ALIGN + ALIGN;
  buf b = {aligned_alloc(ALIGN, bytes)};
  if (b.base == NULL) {
    perror("aligned_alloc");
    exit(2);
  }
  return b;
}
/* data pointer: aligned to 64 bytes, plus off floats */
static float *at(buf b, size_t off) {
  return b.base + ALIGN / sizeof(float) + off; /* ALIGN/4 = 16 = GUARD */
}
static void guard_set(buf b, size_t off, size_t n) {
  float *d = at(b, off);
  for (float *g = b.base; g < d; g++) memcpy(g, &guard_bits, sizeof(float));
  for (size_t i = n; i < n + GUARD + 3; i++) memcpy(&d[i], &guard_bits, sizeof(float));
}
static int guard_ok(buf b, size_t off, size_t n) {
  float *d = at(b, off);
  for (float *g = b.base; g < d; g++)
    if (memcmp(g, &guard_bits, sizeof(float)) != 0) return 0;
  for (size_t i = n; i < n + GUARD + 3; i++)
    if (memcmp(&d[i], &guard_bits, sizeof(float)) != 0) return 0;
  return 1;
}

/* results got[0..n-1] of im in direction d for inputs x, against MPFR within
 * the profile */
static void check_values(const act_impl *im, const act_params *p, int d, const float *x,
                         const float *got, size_t n) {
  const act_profile *pr = act_profile_of(im->name, d);
  if (!pr || (im->flags & ACT_NATIVE) || n == 0) return;
  static act_ref ref[MAXN];
  act_reference_many(im->activation, d, x, n, p, ref);
  /* f' at a kink may be either one-sided derivative (act_acc_kink_convention) */
  static act_acc_ctx kc;
  static const act_impl *kc_im;
  static int kc_d = -1;
  static float kc_a;
  if (kc_im != im || kc_d != d || kc_a != p->a) { /* once per kernel and direction */
    act_acc_ctx_for(&kc, im, d, act_find_activation(im->activation), p, &act_binary32);
    kc_im = im, kc_d = d, kc_a = p->a;
  }
  for (size_t i = 0; i < n; i++) {
    if (!isfinite(x[i])) continue; /* +-inf, NaN: test_bounds' special-value checks */
    char what[200];
    double e;
    int st = act_ulp_error((double)got[i], &ref[i], &act_binary32, &e);
    if (st == ACT_ULP_OK && act_acc_kink_convention(&kc, x[i], got[i])) e = 0;
    if (st == ACT_ULP_OK) {
      double b = act_prof_bound(pr, x[i], NULL);
      snprintf(what, sizeof what, "f%s(%a) = %a, want %a: %.4g ulp, its profile allows %g",
               d ? "'" : "", (double)x[i], (double)got[i], (double)ref[i].rn, e, b);
      check(e <= b, im->name, what, n);
    } else if (isnan(got[i]) && ref[i].cls != ACT_REF_NAN) {
      snprintf(what, sizeof what, "f%s(%a) = NaN, want %a", d ? "'" : "", (double)x[i],
               (double)ref[i].rn);
      check((im->flags & ACT_NAN_SPURIOUS) != 0, im->name, what, n);
    }
  }
}

static void test_impl(const act_impl *im, const act_params *p) {
  buf bx = buf_new(), by = buf_new(), bdy = buf_new(), bdx = buf_new();
  buf wx = buf_new(), wy = buf_new(), wdy = buf_new(), wdx = buf_new();
  static float x[MAXN], dy[MAXN], yref[MAXN], dxref[MAXN];
  char what[128];

  for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
    size_t n = sizes[si];
    fill(x, MAXN, -12.0f, 12.0f);
    fill(dy, MAXN, -2.0f, 2.0f);

    /* reference: separate aligned buffers */
    memcpy(at(bx, 0), x, sizeof x);
    guard_set(by, 0, n);
    im->fwd(at(bx, 0), at(by, 0), n, p);
    check(guard_ok(by, 0, n), im->name, "fwd aligned: guard words", n);
    memcpy(yref, at(by, 0), n * sizeof(float));
    memcpy(at(bdy, 0), dy, sizeof dy);
    if (im->bwd) {
      guard_set(bdx, 0, n);
      im->bwd(at(bx, 0), at(by, 0), at(bdy, 0), at(bdx, 0), n, p);
      check(guard_ok(bdx, 0, n), im->name, "bwd aligned: guard words", n);
      memcpy(dxref, at(bdx, 0), n * sizeof(float));
    }
    check(memcmp(at(bx, 0), x, n * sizeof(float)) == 0 &&
              memcmp(at(bdy, 0), dy, n * sizeof(float)) == 0 &&
              memcmp(at(by, 0), yref, n * sizeof(float)) == 0,
          im->name, "inputs left unchanged", n);
    /* the values: f, and f' with dy = 1, within the profile */
    check_values(im, p, 0, x, yref, n);
    if (im->bwd && n > 0) {
      static float ones[MAXN], d1[MAXN];
      for (size_t i = 0; i < n; i++) ones[i] = 1.0f;
      im->bwd(x, yref, ones, d1, n, p);
      check_values(im, p, 1, x, d1, n);
    }

    for (size_t o = 0; o <= 3; o++) {
      /* (a) offsets: every array at a different misalignment */
      size_t ox = o, oy = (o + 1) % 4, ody = (o + 2) % 4, odx = (o + 3) % 4;
      if (o > 0) {
        memcpy(at(wx, ox), x, n * sizeof(float));
        guard_set(wy, oy, n);
        im->fwd(at(wx, ox), at(wy, oy), n, p);
        snprintf(what, sizeof what, "fwd x+%zu y+%zu", ox, oy);
        check(memcmp(at(wy, oy), yref, n * sizeof(float)) == 0 && guard_ok(wy, oy, n), im->name,
              what, n);
        if (im->bwd) {
          memcpy(at(wdy, ody), dy, n * sizeof(float));
          guard_set(wdx, odx, n);
          im->bwd(at(wx, ox), at(wy, oy), at(wdy, ody), at(wdx, odx), n, p);
          snprintf(what, sizeof what, "bwd x+%zu y+%zu dy+%zu dx+%zu", ox, oy, ody, odx);
          check(memcmp(at(wdx, odx), dxref, n * sizeof(float)) == 0 && guard_ok(wdx, odx, n),
                im->name, what, n);
        }
      }
      /* (b) fwd in place */
      guard_set(wx, o, n);
      memcpy(at(wx, o), x, n * sizeof(float));
      im->fwd(at(wx, o), at(wx, o), n, p);
      snprintf(what, sizeof what, "fwd in place y == x (+%zu)", o);
      check(memcmp(at(wx, o), yref, n * sizeof(float)) == 0 && guard_ok(wx, o, n), im->name, what,
            n);
      if (!im->bwd) continue;
      /* (c) bwd in place: dx == dy */
      memcpy(at(wy, oy), yref, n * sizeof(float));
      memcpy(at(wx, ox), x, n * sizeof(float));
      guard_set(wdy, o, n);
      memcpy(at(wdy, o), dy, n * sizeof(float));
      im->bwd(at(wx, ox), at(wy, oy), at(wdy, o), at(wdy, o), n, p);
      snprintf(what, sizeof what, "bwd in place dx == dy (+%zu)", o);
      check(memcmp(at(wdy, o), dxref, n * sizeof(float)) == 0 && guard_ok(wdy, o, n), im->name,
            what, n);
      /* (c) bwd in place: dx == x */
      memcpy(at(wdy, ody), dy, n * sizeof(float));
      guard_set(wx, o, n);
      memcpy(at(wx, o), x, n * sizeof(float));
      im->bwd(at(wx, o), at(wy, oy), at(wdy, ody), at(wx, o), n, p);
      snprintf(what, sizeof what, "bwd in place dx == x (+%zu)", o);
      check(memcmp(at(wx, o), dxref, n * sizeof(float)) == 0 && guard_ok(wx, o, n), im->name, what,
            n);
    }
  }
  free(bx.base), free(by.base), free(bdy.base), free(bdx.base);
  free(wx.base), free(wy.base), free(wdy.base), free(wdx.base);
}

int main(void) {
  size_t tested = 0;
  act_plugins_from_env(); /* a plugin's kernels too (tests/test_plugin.sh) */
  for (size_t i = 0; i < act_registry_count; i++) {
    const act_impl *im = &act_registry[i];
    if (!act_impl_available(im)) {
      printf("skip %s (not available: CPU or ACTBENCH_ISA cap)\n", im->name);
      continue;
    }
    const act_activation *a = act_find_activation(im->activation);
    check(a != NULL, im->name, "its activation is in act_activations", 0);
    if (a == NULL) continue;
    unsigned before = failed;
    test_impl(im, &a->defaults);
    printf("%s %s\n", failed == before ? "ok  " : "FAIL", im->name);
    tested++;
  }
  check(tested > 0, "registry", "at least one implementation runs", 0);
  printf("%u passed, %u failed\n", passed, failed);
  return failed != 0;
}
