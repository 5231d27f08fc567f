/* actbench: hashes of every activation's numerics over a fixed set of inputs
 * (issue 15: "same bits, shown").  For each activation and two parameter sets
 * (the defaults, and a = 0.5, b = 10), over the specials, 2048 random floats
 * and 2048 points of the dense grid, it hashes (FNV-1a 64) the MPFR
 * references of f and f' (act_ref as stored), the narrow references
 * (bfloat16, binary16; every 8th input), the double-double screen (its mask
 * and the values it decides, FMA copy and generic copy), the double f and f'
 * of the saturation suite (sat_dref) and the limits at -inf and +inf
 * (sat_dlimit).  It prints one line per activation and parameter set, and
 * exits 1 if the two screens differ anywhere.
 *
 *   test_refhash       all activations
 *   test_refhash NAME  one */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "accuracy.h"
#include "formulas.h"
#include "registry.h"

typedef struct {
  uint64_t h;
} fnv;
static void fnv_add(fnv *f, const void *p, size_t n) {
  const unsigned char *c = p;
  for (size_t i = 0; i < n; i++) f->h = (f->h ^ c[i]) * 0x100000001b3ull;
}
static void add_ref(fnv *f, const act_ref *r) {
  fnv_add(f, &r->hi, sizeof r->hi);
  fnv_add(f, &r->lo, sizeof r->lo);
  fnv_add(f, &r->rn, sizeof r->rn);
  fnv_add(f, &r->cls, 1);
  fnv_add(f, &r->exact_zero, 1);
}
static void add_d(fnv *f, double v) {
  fnv_add(f, &v, sizeof v);
}

enum { NRAND = 2048, NGRID = 2048, CAP = NRAND + NGRID + 64 };

int main(int argc, char **argv) {
  static float x[CAP];
  int bad = 0;
  for (size_t ai = 0; ai < act_activation_count; ai++) {
    const act_activation *act = act_activations[ai];
    if (argc > 1 && strcmp(argv[1], act->name)) continue;
    int id = act_activation_id(act->name);
    act_params ps[2] = {act->defaults, {0.5f, 10.0f}};
    for (int pi = 0; pi < 2; pi++) {
      const act_params *p = &ps[pi];
      size_t n = 0;
      const float sp[] = {
          NAN,     INFINITY, -INFINITY, 0.0f,     -0.0f, 0x1p-149f, -0x1p-149f, 0x1.fffffcp-127f,
          FLT_MIN, -FLT_MIN, FLT_MAX,   -FLT_MAX, 1.0f,  -1.0f,     3.0f,       -3.0f,
          88.7f,   -88.7f,   -104.0f,   20.0f};
      for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++) x[n++] = sp[i];
      act_acc_random_floats(x + n, NRAND, 0x15a + ai);
      n += NRAND;
      for (int i = 0; i < NGRID; i++)
        x[n++] = (float)(act->sample_lo + (act->sample_hi - act->sample_lo) * i / (NGRID - 1));
      fnv hm = {0xcbf29ce484222325ull}, hn = hm, hs = hm, hg = hm, hd = hm, hl = hm;
      for (size_t i = 0; i < n; i++) {
        for (int d = 0; d < 2; d++) {
          act_ref r;
          act_reference(act->name, d, x[i], p, &r);
          add_ref(&hm, &r);
          if (i % 8 == 0) {
            float b = act_reference_narrow(id, d, x[i], p, &act_bfloat16);
            float h = act_reference_narrow(id, d, x[i], p, &act_binary16);
            fnv_add(&hn, &b, sizeof b);
            fnv_add(&hn, &h, sizeof h);
          }
          add_d(&hd, sat_dref(id, d, (double)x[i], p));
        }
        act_ref f1 = {0}, d1 = {0}, f2 = {0}, d2 = {0};
        unsigned m1 = act_screen(id, x[i], p, &f1, &d1);
        unsigned m2 = act_screen_generic(id, x[i], p, &f2, &d2);
        fnv_add(&hs, &m1, sizeof m1);
        fnv_add(&hg, &m2, sizeof m2);
        if (m1 & 1) add_ref(&hs, &f1);
        if (m1 & 2) add_ref(&hs, &d1);
        if (m2 & 1) add_ref(&hg, &f2);
        if (m2 & 2) add_ref(&hg, &d2);
        if (m1 != m2 || ((m1 & 1) && memcmp(&f1, &f2, sizeof f1)) ||
            ((m1 & 2) && memcmp(&d1, &d2, sizeof d1))) {
          if (bad++ < 10)
            fprintf(stderr, "test_refhash: %s(%a): the FMA screen and the generic one differ\n",
                    act->name, (double)x[i]);
        }
      }
      add_d(&hl, sat_dlimit(id, -1, p));
      add_d(&hl, sat_dlimit(id, 1, p));
      printf(
          "%-12s p%d n=%zu mpfr %016llx narrow %016llx screen %016llx generic %016llx "
          "double %016llx limits %016llx\n",
          act->name, pi, n, (unsigned long long)hm.h, (unsigned long long)hn.h,
          (unsigned long long)hs.h, (unsigned long long)hg.h, (unsigned long long)hd.h,
          (unsigned long long)hl.h);
    }
  }
  return bad ? 1 : 0;
}
