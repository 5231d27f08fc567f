/* actbench saturation: sets of floats where |f'| < eps, and where f' = 0,
 * from MPFR, without assuming that |f'| is monotone.
 *
 * |f'| is evaluated (act_reference_id, the canonical 64-bit value) on a
 * grid: every 2^-8 over [-64, 64], every 2^16-th float bit pattern beyond
 * (steps of 2^-1 at |x| = 64, relatively 2^-7 everywhere out there), the
 * smallest subnormals and +-FLT_MAX.  Every local minimum of |f'| that the
 * grid brackets (a sample below its left neighbour and not above its right
 * one) is then located to the float by a ternary search and added to the
 * samples, so that a narrow dip (gelu' and silu' cross zero near -0.75 and
 * -1.28: |f'| < 1e-6 holds there on intervals a few 1e-6 wide) is not
 * missed.  Finally every change of membership between neighbouring samples
 * is bisected down to adjacent floats: each endpoint of an interval is the
 * first (or last) float of the set, exactly.  What can be missed: a
 * component of a set that lies entirely between two samples without a
 * bracketed local minimum of |f'| (none for these activations). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "saturation.h"
#include "util.h"

const char sat_math_scan_note[] =
    "sets of floats, from MPFR (the canonical 64-bit value of f'): |f'| sampled every 2^-8 on "
    "[-64, 64] and every 2^16-th float bit pattern beyond, each local minimum of |f'| the grid "
    "brackets located to the float by ternary search, and every change of membership bisected "
    "to adjacent floats: endpoints are exact floats (lo and hi belong to the set); a component "
    "lying between two samples without a bracketed minimum could be missed";

/* ---- sets */

void sat_set_add(sat_set *s, float lo, float hi) {
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 8;
    s->v = realloc(s->v, s->cap * sizeof *s->v);
    if (!s->v) act_die("out of memory");
  }
  s->v[s->n].lo = lo;
  s->v[s->n].hi = hi;
  s->n++;
}

void sat_set_free(sat_set *s) {
  free(s->v);
  memset(s, 0, sizeof *s);
}

/* ulp of the format's values in [2^e, 2^(e+1)) */
static double ulp_at(const sat_fmt *c, int e) {
  int q = e - (c->p - 1);
  return ldexp(1.0, q < c->emin_sub ? c->emin_sub : q);
}

double sat_fmt_next(const sat_fmt *c, double v, int dir) {
  if (v < 0) return -sat_fmt_next(c, -v, -dir);
  if (v == 0) return dir > 0 ? ldexp(1.0, c->emin_sub) : -ldexp(1.0, c->emin_sub);
  if (isinf(v)) return dir > 0 ? v : c->max_finite;
  int e = ilogb(v);
  if (dir > 0) {
    double r = v + ulp_at(c, e);
    return r > c->max_finite ? INFINITY : r;
  }
  if (v == ldexp(1.0, e)) e--; /* a power of two: the step below is the smaller one */
  return v - ulp_at(c, e);
}

/* the rounding cell of the format value v: (lo, hi] up to ties */
static void cell(const sat_fmt *c, double v, double *lo, double *hi) {
  double dn = sat_fmt_next(c, v, -1), up = sat_fmt_next(c, v, 1);
  *lo = isinf(dn) ? -INFINITY : v <= -c->max_finite ? -INFINITY : 0.5 * (dn + v);
  *hi = isinf(up) ? INFINITY : v >= c->max_finite ? INFINITY : 0.5 * (v + up);
}

double sat_set_prob(const sat_set *s, const sat_fmt *c, double mu, double sigma) {
  double sum = 0;
  for (size_t i = 0; i < s->n; i++) {
    double a, b, t;
    cell(c, s->v[i].lo, &a, &t);
    cell(c, s->v[i].hi, &t, &b);
    sum += sat_normal_prob(a, b, mu, sigma);
  }
  return sum;
}

int sat_set_side(const sat_set *s, int dir, float *x) {
  if (s->n == 0) return 0;
  if (dir > 0) {
    const sat_ivl *l = &s->v[s->n - 1];
    if (l->hi < FLT_MAX) return 0;
    if (l->lo <= 0x1p-149f) return 1; /* every positive float */
    *x = l->lo;
    return 2;
  }
  const sat_ivl *f = &s->v[0];
  if (f->lo > -FLT_MAX) return 0;
  if (f->hi >= -0x1p-149f) return 1;
  *x = f->hi;
  return 2;
}

/* ---- the scan */

/* floats in increasing order as integers, -0 and +0 one point */
static int64_t ord_of(float x) {
  uint32_t b = act_float_bits(fabsf(x));
  return x < 0 ? -(int64_t)b : (int64_t)b;
}
static float float_of(int64_t k) {
  return k < 0 ? -act_bits_float((uint32_t)-k) : act_bits_float((uint32_t)k);
}

typedef struct {
  int64_t k;
  double hi, lo; /* the canonical f', exactly hi + lo */
  unsigned char zero;
} pt;

typedef struct {
  int id;
  const act_params *p;
  size_t evals;
} scan_ctx;

static pt eval_pt(scan_ctx *s, int64_t k) {
  act_ref r;
  act_reference_id(s->id, 1, float_of(k), s->p, &r);
  s->evals++;
  pt q = {k, r.hi, r.lo, r.exact_zero};
  if (r.cls != ACT_REF_FINITE) q.hi = NAN, q.lo = 0, q.zero = 0;
  return q;
}

/* |f'| < eps (eps = 0: f' = 0 exactly) */
static int member(const pt *q, double eps) {
  if (eps == 0) return q->zero;
  double a = fabs(q->hi), b = q->hi < 0 ? -q->lo : q->lo;
  return a < eps || (a == eps && b < 0);
}

/* |f'| as a double, for comparisons between samples (ties broken by lo) */
static int abs_less(const pt *u, const pt *v) {
  double a = fabs(u->hi), b = fabs(v->hi);
  if (a != b) return a < b;
  double la = u->hi < 0 ? -u->lo : u->lo, lb = v->hi < 0 ? -v->lo : v->lo;
  return la < lb;
}

static int cmp_pt(const void *a, const void *b) {
  int64_t x = ((const pt *)a)->k, y = ((const pt *)b)->k;
  return x < y ? -1 : x > y;
}

/* the float minimizing |f'| in [lo, hi] (|f'| unimodal there) */
static pt ternary_min(scan_ctx *s, int64_t lo, int64_t hi) {
  while (hi - lo > 2) {
    int64_t m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
    pt a = eval_pt(s, m1), b = eval_pt(s, m2);
    if (abs_less(&a, &b))
      hi = m2 - 1;
    else if (abs_less(&b, &a))
      lo = m1 + 1;
    else
      lo = m1, hi = m2;
  }
  pt best = eval_pt(s, lo);
  for (int64_t k = lo + 1; k <= hi; k++) {
    pt q = eval_pt(s, k);
    if (abs_less(&q, &best)) best = q;
  }
  return best;
}

/* the boundary between a (member ma) and b (not ma): adjacent floats */
static void bisect(scan_ctx *s, double eps, int64_t *a, int64_t *b, int ma) {
  while (*b - *a > 1) {
    int64_t m = *a + (*b - *a) / 2;
    pt q = eval_pt(s, m);
    if (member(&q, eps) == ma)
      *a = m;
    else
      *b = m;
  }
}

static void build_set(scan_ctx *s, const pt *v, size_t n, double eps, sat_set *out) {
  memset(out, 0, sizeof *out);
  int in = 0;
  float lo = 0;
  for (size_t i = 0; i < n; i++) {
    int m = member(&v[i], eps);
    if (m && !in) {
      if (i == 0) {
        lo = float_of(v[0].k);
      } else {
        int64_t a = v[i - 1].k, b = v[i].k;
        bisect(s, eps, &a, &b, 0);
        lo = float_of(b);
      }
      in = 1;
    } else if (!m && in) {
      int64_t a = v[i - 1].k, b = v[i].k;
      bisect(s, eps, &a, &b, 1);
      sat_set_add(out, lo, float_of(a));
      in = 0;
    }
  }
  if (in) sat_set_add(out, lo, float_of(v[n - 1].k));
}

void sat_math_sets(int id, const act_params *p, size_t neps, const double *eps, sat_math *out) {
  memset(out, 0, sizeof *out);
  scan_ctx s = {id, p, 0};
  const int64_t fmax = 0x7f7fffff, tail0 = 0x42800000; /* FLT_MAX, 64 */
  size_t cap = 2 * 16384 + 1 + 2 * ((fmax - tail0) / 65536 + 4) + 64, n = 0;
  pt *v = malloc(cap * sizeof *v);
  if (!v) act_die("out of memory");
  for (int j = -16384; j <= 16384; j++) v[n++] = eval_pt(&s, ord_of((float)j / 256.0f));
  for (int sg = -1; sg <= 1; sg += 2) {
    for (int64_t b = tail0 + 65536; b < fmax; b += 65536) v[n++] = eval_pt(&s, sg * b);
    v[n++] = eval_pt(&s, sg * fmax);
    v[n++] = eval_pt(&s, sg * 1); /* the smallest subnormals */
  }
  qsort(v, n, sizeof *v, cmp_pt);
  out->samples = n;
  /* the local minima of |f'| that the grid brackets */
  size_t n0 = n;
  for (size_t i = 1; i + 1 < n0; i++) {
    if (!(fabs(v[i].hi) > 0) || v[i + 1].k - v[i - 1].k <= 2) continue;
    if (!(abs_less(&v[i], &v[i - 1]) && !abs_less(&v[i + 1], &v[i]))) continue;
    pt q = ternary_min(&s, v[i - 1].k, v[i + 1].k);
    if (q.k == v[i].k || q.k == v[i - 1].k || q.k == v[i + 1].k) continue;
    if (n == cap) {
      cap *= 2;
      v = realloc(v, cap * sizeof *v);
      if (!v) act_die("out of memory");
    }
    v[n++] = q;
    out->minima++;
  }
  qsort(v, n, sizeof *v, cmp_pt);
  out->neps = neps;
  out->lt = calloc(neps ? neps : 1, sizeof *out->lt);
  if (!out->lt) act_die("out of memory");
  for (size_t e = 0; e < neps; e++) build_set(&s, v, n, eps[e], &out->lt[e]);
  build_set(&s, v, n, 0, &out->dead);
  out->evaluations = s.evals;
  free(v);
}

void sat_math_free(sat_math *m) {
  for (size_t e = 0; e < m->neps; e++) sat_set_free(&m->lt[e]);
  free(m->lt);
  sat_set_free(&m->dead);
  memset(m, 0, sizeof *m);
}
