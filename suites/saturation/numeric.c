/* actbench saturation: computed gradients against exact ones, in binary32,
 * bfloat16 and binary16, for the registry's implementations and for the
 * derivative formulas (saturation.h). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "saturation.h"
#include "util.h"

#define NB 65536 /* inputs per batch */
#define MAX_REFINED_RUNS 64

void sat_evaluate(const sat_evaluator *e, int id, const act_params *p, const sat_fmt *c,
                  const float *x, size_t n, float *y, float *d) {
  if (n == 0) return;
  switch (e->kind) {
    case SAT_EXACT:
      for (size_t i = 0; i < n; i++) {
        y[i] = (float)sat_round(c, sat_dref(id, 0, x[i], p));
        d[i] = (float)sat_round(c, sat_dref(id, 1, x[i], p));
      }
      return;
    case SAT_FORMULA:
      for (size_t i = 0; i < n; i++) {
        double yy, dd;
        e->formula->fn(c, x[i], p, &yy, &dd);
        y[i] = (float)yy; /* values of the format: exact in float */
        d[i] = (float)dd;
      }
      return;
    case SAT_IMPL: {
      const act_impl *m = e->impl;
      int store = c->fmt != &act_binary32 && !(m->flags & ACT_NATIVE);
      m->fwd(x, y, n, p);
      if (store)
        for (size_t i = 0; i < n; i++) y[i] = (float)sat_round(c, y[i]);
      float *dy = act_alloc(sizeof(float) * n);
      for (size_t i = 0; i < n; i++) dy[i] = 1.0f;
      m->bwd(x, y, dy, d, n, p);
      act_free(dy);
      if (store)
        for (size_t i = 0; i < n; i++) d[i] = (float)sat_round(c, d[i]);
      return;
    }
  }
}

/* ---- inputs */

static float half_value(uint32_t h) {
  uint32_t e = (h >> 10) & 31, f = h & 1023;
  return (float)(e ? ldexp(1024.0 + f, (int)e - 25) : ldexp((double)f, -24));
}

void sat_inputs_make(sat_inputs *in, const sat_fmt *c, uint32_t stride, int id,
                     const act_params *p) {
  memset(in, 0, sizeof *in);
  in->c = c;
  size_t n = 0;
  if (c->fmt == &act_binary32) {
    const uint32_t last = 0x7f7fffffu;
    in->stride = stride;
    in->m = act_alloc(sizeof(float) * ((size_t)last / stride + 3));
    in->m[n++] = act_bits_float(1);
    for (uint64_t b = stride; b < last; b += stride)
      if (b > 1) in->m[n++] = act_bits_float((uint32_t)b);
    in->m[n++] = act_bits_float(last);
  } else if (c->fmt == &act_bfloat16) {
    in->stride = 1;
    in->m = act_alloc(sizeof(float) * 0x7f7f);
    for (uint32_t h = 1; h <= 0x7f7f; h++) in->m[n++] = act_bits_float(h << 16);
  } else {
    in->stride = 1;
    in->m = act_alloc(sizeof(float) * 0x7bff);
    for (uint32_t h = 1; h <= 0x7bff; h++) in->m[n++] = half_value(h);
  }
  in->n = n;
  for (int s = 0; s < 2; s++) {
    in->refd[s] = act_alloc(sizeof(double) * n);
    for (size_t i = 0; i < n; i++) in->refd[s][i] = sat_dref(id, 1, s ? in->m[i] : -in->m[i], p);
  }
}

void sat_inputs_free(sat_inputs *in) {
  act_free(in->m);
  act_free(in->refd[0]);
  act_free(in->refd[1]);
  memset(in, 0, sizeof *in);
}

/* ---- what holds at one input */
enum {
  P_ZERO = 1,      /* f' computed 0 */
  P_PREMATURE = 2, /* ... while RN_fmt(exact) is not */
  P_OFF1 = 4,      /* off by more than 1% */
  P_ASYM = 8,      /* f computed equal to RN_fmt(limit) */
  P_NONFINITE = 16,
  P_SMALL = 32 /* |f'| computed below the least normal */
};

typedef struct {
  const sat_evaluator *e;
  int id;
  const act_params *p;
  const sat_fmt *c;
  const double *lim;
} nctx;

static unsigned preds(const nctx *z, int s, float x, double ref, float y, float d) {
  const sat_fmt *c = z->c;
  unsigned r = 0;
  double rn = sat_round(c, ref);
  if (d == 0) {
    r |= P_ZERO;
    if (rn != 0) r |= P_PREMATURE;
  }
  if (!isfinite(d)) r |= P_NONFINITE;
  int counted = rn == 0 ? ref == 0 : fabs(rn) >= c->min_normal;
  if (counted && (!isfinite(d) || fabs((double)d - ref) > 0.01 * fabs(ref))) r |= P_OFF1;
  /* the asymptote is looked for from |x| = 1 on (a zero asymptote is also
   * met next to x = 0) */
  if (!isnan(z->lim[s]) && (double)y == z->lim[s] && fabsf(x) >= 1) r |= P_ASYM;
  if (fabs((double)d) < c->min_normal) r |= P_SMALL;
  return r;
}

/* the floats with bit patterns blo..bhi (magnitudes; side s), evaluated */
typedef struct {
  size_t n;
  uint32_t b0;
  unsigned *pr;
} span;
static void span_eval(const nctx *z, int s, uint32_t blo, uint32_t bhi, span *sp) {
  sp->n = blo <= bhi ? (size_t)(bhi - blo) + 1 : 0;
  sp->b0 = blo;
  sp->pr = malloc(sizeof(unsigned) * (sp->n ? sp->n : 1));
  if (!sp->pr) act_die("out of memory");
  float *x = act_alloc(sizeof(float) * NB), *y = act_alloc(sizeof(float) * NB),
        *d = act_alloc(sizeof(float) * NB);
  for (size_t i0 = 0; i0 < sp->n; i0 += NB) {
    size_t k = sp->n - i0 < NB ? sp->n - i0 : NB;
    for (size_t j = 0; j < k; j++) {
      float v = act_bits_float(blo + (uint32_t)(i0 + j));
      x[j] = s ? v : -v;
    }
    sat_evaluate(z->e, z->id, z->p, z->c, x, k, y, d);
    for (size_t j = 0; j < k; j++)
      sp->pr[i0 + j] = preds(z, s, x[j], sat_dref(z->id, 1, x[j], z->p), y[j], d[j]);
  }
  act_free(x), act_free(y), act_free(d);
}

/* refine "the first input where pr & mask" found at index i: the floats
 * between m[i-1] and m[i] */
static float refine_first(const nctx *z, const sat_inputs *in, int s, size_t i, unsigned mask) {
  if (in->stride == 1 || i == 0) return in->m[i];
  uint32_t lo = act_float_bits(in->m[i - 1]) + 1, hi = act_float_bits(in->m[i]) - 1;
  span sp;
  span_eval(z, s, lo, hi, &sp);
  float r = in->m[i];
  for (size_t j = 0; j < sp.n; j++)
    if (sp.pr[j] & mask) {
      r = act_bits_float(sp.b0 + (uint32_t)j);
      break;
    }
  free(sp.pr);
  return r;
}

/* "pr & mask holds at every input from here outward", the last input where
 * it does not being at index last (-1: none) */
static float refine_from(const nctx *z, const sat_inputs *in, int s, long last, unsigned mask) {
  if (last < 0) return in->m[0];
  if ((size_t)last + 1 >= in->n) return NAN;
  if (in->stride == 1) return in->m[last + 1];
  uint32_t lo = act_float_bits(in->m[last]) + 1, hi = act_float_bits(in->m[last + 1]) - 1;
  span sp;
  span_eval(z, s, lo, hi, &sp);
  float r = act_bits_float(lo);
  for (size_t j = sp.n; j-- > 0;)
    if (!(sp.pr[j] & mask)) {
      r = act_bits_float(sp.b0 + (uint32_t)j + 1);
      break;
    }
  free(sp.pr);
  return r;
}

typedef struct {
  size_t a, b; /* indices of the first and last input of the run */
} run;

/* a run of zeros on side s: its magnitudes [lo, hi], edges refined */
static void refine_run(const nctx *z, const sat_inputs *in, int s, run r, int refine, float *lo,
                       float *hi) {
  *lo = in->m[r.a];
  *hi = in->m[r.b];
  if (in->stride == 1 || !refine) return;
  span sp;
  if (r.a > 0) {
    span_eval(z, s, act_float_bits(in->m[r.a - 1]) + 1, act_float_bits(in->m[r.a]) - 1, &sp);
    size_t j = sp.n;
    while (j > 0 && (sp.pr[j - 1] & P_ZERO)) j--;
    if (j < sp.n) *lo = act_bits_float(sp.b0 + (uint32_t)j);
    free(sp.pr);
  }
  if (r.b + 1 < in->n) {
    span_eval(z, s, act_float_bits(in->m[r.b]) + 1, act_float_bits(in->m[r.b + 1]) - 1, &sp);
    size_t j = 0;
    while (j < sp.n && (sp.pr[j] & P_ZERO)) j++;
    if (j > 0) *hi = act_bits_float(sp.b0 + (uint32_t)j - 1);
    free(sp.pr);
  }
}

void sat_numeric(const sat_evaluator *e, int id, const act_params *p, const sat_inputs *in,
                 const double lim[2], sat_num *out) {
  memset(out, 0, sizeof *out);
  nctx z = {e, id, p, in->c, lim};
  float *x = act_alloc(sizeof(float) * NB), *y = act_alloc(sizeof(float) * NB),
        *d = act_alloc(sizeof(float) * NB);
  run *runs[2] = {NULL, NULL};
  size_t nruns[2] = {0, 0}, caps[2] = {0, 0};
  for (int s = 0; s < 2; s++) {
    long first_pre = -1, first_off = -1, first_asym = -1, last_nz = -1, last_big = -1;
    long run_start = -1;
    for (size_t i0 = 0; i0 < in->n; i0 += NB) {
      size_t k = in->n - i0 < NB ? in->n - i0 : NB;
      for (size_t j = 0; j < k; j++) x[j] = s ? in->m[i0 + j] : -in->m[i0 + j];
      sat_evaluate(e, id, p, in->c, x, k, y, d);
      for (size_t j = 0; j < k; j++) {
        size_t i = i0 + j;
        unsigned pr = preds(&z, s, x[j], in->refd[s][i], y[j], d[j]);
        out->n_inputs[s]++;
        if (pr & P_ZERO) {
          out->n_zero[s]++;
          if (run_start < 0) run_start = (long)i;
        } else {
          last_nz = (long)i;
          if (run_start >= 0) {
            if (nruns[s] == caps[s]) {
              caps[s] = caps[s] ? 2 * caps[s] : 8;
              runs[s] = realloc(runs[s], caps[s] * sizeof *runs[s]);
              if (!runs[s]) act_die("out of memory");
            }
            runs[s][nruns[s]++] = (run){(size_t)run_start, i - 1};
            run_start = -1;
          }
        }
        if (!(pr & P_SMALL)) last_big = (long)i;
        if (pr & P_PREMATURE) {
          out->n_premature[s]++;
          if (first_pre < 0) first_pre = (long)i;
        }
        if (pr & P_OFF1) {
          out->n_off1[s]++;
          if (first_off < 0) first_off = (long)i;
        }
        if (pr & P_NONFINITE) out->n_nonfinite[s]++;
        if ((pr & P_ASYM) && first_asym < 0) first_asym = (long)i;
      }
    }
    if (run_start >= 0) {
      if (nruns[s] == caps[s]) {
        caps[s] = caps[s] ? 2 * caps[s] : 8;
        runs[s] = realloc(runs[s], caps[s] * sizeof *runs[s]);
        if (!runs[s]) act_die("out of memory");
      }
      runs[s][nruns[s]++] = (run){(size_t)run_start, in->n - 1};
    }
    float sg = s ? 1.0f : -1.0f;
    out->zero[s] =
        first_pre < 0 ? NAN : sg * refine_first(&z, in, s, (size_t)first_pre, P_PREMATURE);
    out->off1[s] = first_off < 0 ? NAN : sg * refine_first(&z, in, s, (size_t)first_off, P_OFF1);
    out->asym[s] = first_asym < 0 ? NAN : sg * refine_first(&z, in, s, (size_t)first_asym, P_ASYM);
    out->zero_from[s] = sg * refine_from(&z, in, s, last_nz, P_ZERO);
    out->subnormal_from[s] =
        e->kind == SAT_EXACT ? sg * refine_from(&z, in, s, last_big, P_SMALL) : NAN;
  }
  /* the zero set over the whole line: the negative side's runs outermost
   * first, x = 0, the positive side's */
  float lo, hi;
  for (size_t r = nruns[0]; r-- > 0;) {
    int refine = nruns[0] - 1 - r < MAX_REFINED_RUNS;
    if (!refine && in->stride > 1) out->runs_unrefined++;
    refine_run(&z, in, 0, runs[0][r], refine, &lo, &hi);
    sat_set_add(&out->zeros, -hi, -lo);
  }
  x[0] = 0.0f;
  sat_evaluate(e, id, p, in->c, x, 1, y, d);
  if (d[0] == 0) sat_set_add(&out->zeros, 0.0f, 0.0f);
  for (size_t r = 0; r < nruns[1]; r++) {
    int refine = r < MAX_REFINED_RUNS;
    if (!refine && in->stride > 1) out->runs_unrefined++;
    refine_run(&z, in, 1, runs[1][r], refine, &lo, &hi);
    sat_set_add(&out->zeros, lo, hi);
  }
  /* merge neighbours (across 0, and runs that refinement made adjacent) */
  sat_set *zs = &out->zeros;
  size_t k = 0;
  for (size_t i = 0; i < zs->n; i++) {
    if (k > 0 && sat_fmt_next(in->c, zs->v[k - 1].hi, 1) >= zs->v[i].lo)
      zs->v[k - 1].hi = zs->v[i].hi;
    else
      zs->v[k++] = zs->v[i];
  }
  zs->n = k;
  free(runs[0]), free(runs[1]);
  act_free(x), act_free(y), act_free(d);
}

void sat_num_free(sat_num *r) {
  sat_set_free(&r->zeros);
}
