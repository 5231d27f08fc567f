/* The exhaustive sweep's screen against MPFR: wherever the screen decides a
 * reference, it must be the one MPFR gives, bit for bit (binary32 rounding,
 * canonical value, exact-zero flag); and it must decide almost everything.
 * Inputs: random floats over the whole range and dense windows around the
 * places where the screen works hardest (tails, roots of the derivatives,
 * tiny and subnormal x, the switch points of its formulas), for every
 * activation with its default parameters and with other slopes.
 *   test_screen [N]   N random inputs per activation (default 20000) */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "check.h"
#include "cpu.h"
#include "util.h"

static int same(const act_ref *a, const act_ref *b) {
  if (a->cls != b->cls || a->exact_zero != b->exact_zero) return 0;
  if (a->cls == ACT_REF_NAN) return 1;
  return act_float_bits(a->rn) == act_float_bits(b->rn) && a->hi == b->hi && a->lo == b->lo &&
         signbit(a->hi) == signbit(b->hi);
}

static size_t undecided, checked;

/* the block entries (which compute their exponentials a batch at a time,
 * vectorized in the FMA copy) against the one-input entries, bit for bit:
 * masks, and every reference decided */
static size_t block_checked;
static void block_vs_one(const act_activation *act, const float *x, size_t n, const act_params *p) {
  static act_ref bf[4096], bd[4096], of, od;
  static unsigned char m[4096];
  const act_screen_ops *s = act->screen;
  for (int v = 0; v < 2; v++) {
    if (v == 0 && !act_cpu_has_avx2()) continue; /* the FMA copy needs AVX2 and FMA */
    (v ? s->generic_block : s->fma_block)(x, n, p, bf, bd, m);
    for (size_t i = 0; i < n; i++) {
      unsigned mo = (v ? s->generic : s->fma)(x[i], p, &of, &od);
      block_checked++;
      CHECK(m[i] == mo && (!(mo & 1) || same(&bf[i], &of)) && (!(mo & 2) || same(&bd[i], &od)),
            "%s a=%g x=%a: the %s block's mask %u or references differ from one input's (%u)",
            act->name, (double)p->a, (double)x[i], v ? "generic" : "FMA", m[i], mo);
    }
  }
}

static void one(const char *name, int id, float x, const act_params *p) {
  act_ref sf, sd, mf, md;
  unsigned m = act_screen(id, x, p, &sf, &sd);
  for (int d = 0; d < 2; d++) {
    checked++;
    if (!(m & (1u << d))) {
      undecided++;
      if (getenv("SCREEN_VERBOSE"))
        printf("  undecided: %s%s(%a) a=%g\n", name, d ? "'" : "", (double)x, (double)p->a);
      continue;
    }
    act_ref *s = d ? &sd : &sf, *r = d ? &md : &mf;
    act_reference_id(id, d, x, p, r);
    CHECK(same(s, r), "%s%s(%a) a=%g: screen rn %a hi %a lo %a z%d, MPFR rn %a hi %a lo %a z%d",
          name, d ? "'" : "", (double)x, (double)p->a, (double)s->rn, s->hi, s->lo, s->exact_zero,
          (double)r->rn, r->hi, r->lo, r->exact_zero);
  }
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 20000;
  act_rng r;
  act_rng_seed(&r, 3);
  static const float windows[][2] = {{-0x1p-126f, 0x1p-126f},
                                     {-0x1p-20f, 0x1p-20f},
                                     {-0.76f, -0.74f},
                                     {-1.29f, -1.27f},
                                     {-1.2f, -1.185f},
                                     {-1.51f, -1.49f},
                                     {0.49f, 0.51f},
                                     {-3.01f, -2.99f},
                                     {2.99f, 3.01f},
                                     {9.4f, 9.6f},
                                     {15.9f, 18.1f},
                                     {-18.1f, -15.9f},
                                     {40, 50},
                                     {-50, -40},
                                     {80, 110},
                                     {-110, -80},
                                     {290, 310},
                                     {-310, -290},
                                     {590, 610},
                                     {-610, -590}};
  for (size_t ai = 0; ai < act_activation_count; ai++) {
    const act_activation *act = act_activations[ai];
    int id = act_activation_id(act->name);
    float slopes[3] = {act->defaults.a, 0.5f, 3.0f};
    int nslopes = act->param_names[0] == 'a' ? 3 : 1;
    act_screen_init(id);
    size_t und0 = undecided, chk0 = checked;
    for (int si = 0; si < nslopes; si++) {
      act_params p = act->defaults;
      p.a = slopes[si];
      if (act->params_invalid && act->params_invalid(&p)) p.a = 0.25f; /* leaky_relu's a < 1 */
      long count = si == 0 ? n : n / 4;
      for (long i = 0; i < count; i++) {
        float x;
        if (i % 2) {
          do x = act_bits_float((uint32_t)act_rng_next(&r));
          while (isnan(x));
        } else {
          int w = (int)(act_rng_next(&r) % (sizeof windows / sizeof windows[0]));
          x = windows[w][0] + (float)act_rng_uniform(&r) * (windows[w][1] - windows[w][0]);
        }
        one(act->name, id, x, &p);
      }
      /* blocks: random floats, a window, a dense run of consecutive floats
       * (where the batches are full), the specials */
      {
        static float xb[4096];
        size_t nb = 0;
        for (; nb < 1024; nb++) {
          do xb[nb] = act_bits_float((uint32_t)act_rng_next(&r));
          while (isnan(xb[nb]));
        }
        for (int w = 0; nb < 2048; nb++, w = (w + 1) % (int)(sizeof windows / sizeof windows[0]))
          xb[nb] = windows[w][0] + (float)act_rng_uniform(&r) * (windows[w][1] - windows[w][0]);
        float x0 = (float)(act_rng_uniform(&r) * 8 - 4);
        for (; nb < 3900; nb++) x0 = xb[nb] = nextafterf(x0, INFINITY);
        block_vs_one(act, xb, nb, &p);
      }
      /* special inputs: every one must match (or be left to MPFR) */
      float sp[] = {0.0f,      -0.0f,      INFINITY, -INFINITY, 0x1p-149f, -0x1p-149f,
                    0x1p-148f, -0x3p-149f, FLT_MIN,  -FLT_MIN,  FLT_MAX,   -FLT_MAX,
                    1.0f,      -1.0f,      3.0f,     -3.0f};
      for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++) one(act->name, id, sp[i], &p);
      /* sigmoid decides 2^-64 <= |a x| < 2^-32 in closed form, ties of its
       * 64-bit rounding included: x = +-(2^e + m 2^-63) puts 1/2 + a x/4 on
       * (a = 1: the odd m) or beside a midpoint of that format (2^-65 above
       * 1/2, 2^-66 below), and x = 2^e (1 - k 2^-24) near each power of two */
      if (!strcmp(act->name, "sigmoid"))
        for (int e = -66; e <= -30; e++)
          for (int m = -2; m <= 9; m++)
            for (int sg = -1; sg <= 1; sg += 2) {
              float xe = sg * (ldexpf(1.0f, e) + (float)m * 0x1p-63f);
              float xk = sg * ldexpf(1.0f - (float)(m + 3) * 0x1p-24f, e);
              one(act->name, id, xe, &p);
              one(act->name, id, xk, &p);
            }
      /* closed forms near zero: elu and selu decide f' at once for
       * -2^-80 < x < 0 (a e^x rounds as a; selu's lambda alpha e^x decided at
       * start-up) and for x > 0 (lambda), f by a series for -2^-40 < x < 0;
       * for |x| < 2^-70, hardsigmoid's f and hardswish's f' are 1/2,
       * hardswish's f x/2 with the side of x^2/6, softplus's f log 2 / a,
       * logsigmoid's -log 2, mish's f' 3/5 and its f a series, gelu's,
       * gelu_tanh's and silu's f x/2 with the side of the rest (as hardswish's)
       * and f' 1/2.  Both sides
       * of those ends equal to MPFR, and all decided below 2^-45 (but elu's and
       * silu's f, which leave to MPFR the x where a x + a x^2/2 or x/2 + a x^2/4
       * is a 64-bit midpoint, x = -2^-64) */
      if (!strcmp(act->name, "elu") || !strcmp(act->name, "selu") ||
          !strncmp(act->name, "hards", 5) || !strcmp(act->name, "softplus") ||
          !strcmp(act->name, "logsigmoid") || !strcmp(act->name, "mish") ||
          !strncmp(act->name, "gelu", 4) || !strcmp(act->name, "silu")) {
        size_t left = 0; /* below 2^-45 (above, sigma's series has its midpoints) */
        for (int e = -95; e <= -35; e++)
          for (int k = 0; k < 4; k++)
            for (int sg = -1; sg <= 1; sg += 2) {
              size_t und1 = undecided;
              one(act->name, id, sg * ldexpf(1.0f - (float)k * 0x1p-24f, e), &p);
              if (e <= -45) left += undecided - und1;
            }
        CHECK(act->name[0] == 'e' || !strcmp(act->name, "silu") || left == 0,
              "%s a=%g: %zu of the inputs near 2^-70 left to MPFR", act->name, (double)p.a, left);
      }
    }
    size_t und = undecided - und0, chk = checked - chk0;
    printf("%-12s %zu references, %zu left to MPFR (%.4f%%)\n", act->name, chk, und,
           100.0 * (double)und / (double)chk);
    /* the screen must carry the load: at most 0.5% to MPFR on these inputs
     * (the windows are where it is weakest) */
    CHECK(und * 200 <= chk, "%s: the screen decides too little (%zu of %zu left)", act->name, und,
          chk);
  }
  printf("blocks: %zu references the same as one input's\n", block_checked);
  return check_done();
}
