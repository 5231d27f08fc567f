/* actbench saturation: the normal law over the saturation sets, products of
 * derivatives through depth, and dying ReLU (saturation.h). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "saturation.h"
#include "util.h"

const double sat_mu_grid[] = {-2, -1, -0.5, 0, 0.5, 1, 2};
const double sat_sigma_grid[] = {0.1, 0.25, 0.5, 1, 2, 4, 8};
const size_t sat_mu_count = sizeof sat_mu_grid / sizeof sat_mu_grid[0];
const size_t sat_sigma_count = sizeof sat_sigma_grid / sizeof sat_sigma_grid[0];
const double sat_depth_scales[] = {0.25, 0.5, 1, 2, 4};
const size_t sat_depth_scale_count = sizeof sat_depth_scales / sizeof sat_depth_scales[0];
/* the scales of the delivered-gradient chains (a subset of the above) */
static const double k_chain_scales[] = {0.5, 1, 2};
#define N_CHAIN_SCALES (sizeof k_chain_scales / sizeof k_chain_scales[0])
const double sat_dying_delta[] = {-3, -2, -1, -0.5, 0, 0.5, 1};
const int sat_dying_batch[] = {1, 4, 16, 64, 256, 1024};
const size_t sat_dying_delta_count = sizeof sat_dying_delta / sizeof sat_dying_delta[0];
const size_t sat_dying_batch_count = sizeof sat_dying_batch / sizeof sat_dying_batch[0];
#define ELU_EPS 1e-3

/* a seed for one stream of one activation, from the run's seed */
static uint64_t stream_seed(uint64_t seed, int id, int stream) {
  act_rng r;
  act_rng_seed(&r, seed ^ ((uint64_t)(id + 1) << 32) ^ ((uint64_t)stream << 48));
  return act_rng_next(&r);
}

static const char *id_name(int id) {
  for (size_t i = 0; i < act_activation_count; i++)
    if (act_activation_id(act_activations[i]->name) == id) return act_activations[i]->name;
  return "?";
}

/* a number, or "inf" / "-inf" / "nan" where JSON has none */
static json_t *jnum(double v) {
  if (isnan(v)) return json_string("nan");
  if (isinf(v)) return json_string(v > 0 ? "inf" : "-inf");
  return json_real(v);
}
static json_t *jvec(const double *v, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(a, jnum(v[i]));
  return a;
}
/* rows x cols, row-major */
static json_t *jmat(const double *v, size_t rows, size_t cols) {
  json_t *a = json_array();
  for (size_t i = 0; i < rows; i++) json_array_append_new(a, jvec(v + i * cols, cols));
  return a;
}

/* ---- quadrature */

static const double k_gl_x[4] = {0.1834346424956498, 0.5255324099163290, 0.7966664774136267,
                                 0.9602898564975363};
static const double k_gl_w[4] = {0.3626837833783620, 0.3137066458778873, 0.2223810344533745,
                                 0.1012285362903763};

/* the integral of h over [a, b], Gauss-Legendre with 8 nodes */
static double gl8(double (*h)(double, void *), void *ctx, double a, double b) {
  double m = 0.5 * (a + b), r = 0.5 * (b - a), s = 0;
  for (int i = 0; i < 4; i++)
    s += k_gl_w[i] * (h(m - r * k_gl_x[i], ctx) + h(m + r * k_gl_x[i], ctx));
  return r * s;
}

typedef struct {
  double (*g)(double, void *);
  void *ctx;
  double mu, s;
} nexp_ctx;
static double nexp_h(double x, void *v) {
  nexp_ctx *c = v;
  double z = (x - c->mu) / c->s, w = exp(-0.5 * z * z) * 0.39894228040143267794 / c->s;
  return w == 0 ? 0 : w * c->g(x, c->ctx);
}
static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

double sat_normal_expect(double (*g)(double x, void *ctx), void *ctx, double mu, double s,
                         const double *kinks, size_t nk) {
  enum { PER_S = 16 };
  const double half = 8.5;
  size_t n = (size_t)(2 * half * PER_S) + 1;
  double *b = malloc(sizeof(double) * (n + nk));
  if (!b) act_die("out of memory");
  size_t m = 0;
  for (size_t i = 0; i < n; i++) b[m++] = mu - half * s + (double)i * s / PER_S;
  for (size_t k = 0; k < nk; k++)
    if (kinks[k] > mu - half * s && kinks[k] < mu + half * s) b[m++] = kinks[k];
  qsort(b, m, sizeof *b, cmp_d);
  nexp_ctx c = {g, ctx, mu, s};
  double sum = 0;
  for (size_t i = 0; i + 1 < m; i++)
    if (b[i + 1] > b[i]) sum += gl8(nexp_h, &c, b[i], b[i + 1]);
  free(b);
  return sum;
}

typedef struct {
  double delta, c;
  int d, B;
  double logk; /* log of the chi density's constant */
} dying_ctx;
static double dying_h(double r, void *v) {
  dying_ctx *c = v;
  if (r <= 0) return 0;
  double lf = c->logk + (c->d - 1) * log(r) - 0.5 * c->d * r * r;
  double ph = sat_phi_cdf((c->c - c->delta) / r);
  return ph == 0 ? 0 : exp(lf + c->B * log(ph));
}

double sat_dying_exact(int d, double delta, double c, int B) {
  if (c - delta == 0) return ldexp(1.0, -B); /* Phi(0)^B whatever r */
  double k = 0.5 * d;
  dying_ctx ctx = {delta, c, d, B, log(2.0) + k * log(k) - lgamma(k)};
  double lo = 1 - 12 / sqrt((double)d), hi = 1 + 12 / sqrt((double)d);
  if (lo < 0) lo = 0;
  enum { PIECES = 400 };
  double sum = 0;
  for (int i = 0; i < PIECES; i++)
    sum += gl8(dying_h, &ctx, lo + (hi - lo) * i / PIECES, lo + (hi - lo) * (i + 1) / PIECES);
  return sum;
}

/* ---- the normal table */

static int in_set(const sat_set *s, double v) {
  size_t lo = 0, hi = s->n;
  while (lo < hi) { /* the first interval with hi >= v */
    size_t m = (lo + hi) / 2;
    if (s->v[m].hi < v)
      lo = m + 1;
    else
      hi = m;
  }
  return lo < s->n && s->v[lo].lo <= v;
}

json_t *sat_normal_json(int id, const act_params *p, const sat_math *m, const double *eps,
                        const char *const *labels, const sat_zero_entry *z, size_t nz,
                        const sat_opts *o) {
  const size_t NM = sat_mu_count, NS = sat_sigma_count, cells = NM * NS;
  sat_fmt f32;
  sat_fmt_init(&f32, &act_binary32);
  json_t *j = json_object();
  json_object_set_new(j, "mu", jvec(sat_mu_grid, NM));
  json_object_set_new(j, "sigma", jvec(sat_sigma_grid, NS));
  json_object_set_new(j, "mc_samples", json_integer(o->mc));
  /* the draws, shared by every cell: x = mu + sigma z */
  double *zs = malloc(sizeof(double) * (o->mc ? o->mc : 1));
  if (!zs) act_die("out of memory");
  sat_normal_rng g;
  sat_normal_seed(&g, stream_seed(o->seed, id, 1));
  for (int k = 0; k < o->mc; k++) zs[k] = sat_normal(&g);

  /* the mathematical sets: eps thresholds, then f' = 0 */
  size_t nset = m->neps + 1;
  double *ex = calloc(nset * cells, sizeof(double)), *mc = calloc(nset * cells, sizeof(double));
  if (!ex || !mc) act_die("out of memory");
  for (size_t i = 0; i < NM; i++)
    for (size_t jj = 0; jj < NS; jj++) {
      size_t cI = i * NS + jj;
      double mu = sat_mu_grid[i], sg = sat_sigma_grid[jj];
      for (size_t e = 0; e < nset; e++)
        ex[e * cells + cI] = sat_set_prob(e < m->neps ? &m->lt[e] : &m->dead, &f32, mu, sg);
      for (int k = 0; k < o->mc; k++) {
        float x = (float)(mu + sg * zs[k]);
        double d = fabs(sat_dref(id, 1, x, p));
        for (size_t e = 0; e < m->neps; e++) mc[e * cells + cI] += d < eps[e];
        if (d == 0) { /* dead, or below the doubles (gelu far out): MPFR says */
          act_ref r;
          act_reference_id(id, 1, x, p, &r);
          mc[m->neps * cells + cI] += r.exact_zero;
        }
      }
    }
  json_t *sets = json_array();
  for (size_t e = 0; e < nset; e++) {
    json_t *row = json_object();
    json_object_set_new(row, "set", json_string(e < m->neps ? "lt" : "dead"));
    json_object_set_new(row, "eps", e < m->neps ? json_real(eps[e]) : json_null());
    json_object_set_new(row, "label", json_string(e < m->neps ? labels[e] : "f' = 0"));
    double se[7 * 7];
    for (size_t c = 0; c < cells; c++) {
      double q = o->mc ? mc[e * cells + c] / o->mc : NAN;
      mc[e * cells + c] = q;
      se[c] = o->mc ? sqrt(q * (1 - q) / o->mc) : NAN;
    }
    json_object_set_new(row, "exact", jmat(ex + e * cells, NM, NS));
    json_object_set_new(row, "mc", jmat(mc + e * cells, NM, NS));
    json_object_set_new(row, "mc_se", jmat(se, NM, NS));
    json_array_append_new(sets, row);
  }
  json_object_set_new(j, "sets", sets);
  free(ex);
  free(mc);

  /* computed zeros */
  json_t *num = json_array();
  float *xb = act_alloc(sizeof(float) * (o->mc ? o->mc : 1)),
        *yb = act_alloc(sizeof(float) * (o->mc ? o->mc : 1)),
        *db = act_alloc(sizeof(float) * (o->mc ? o->mc : 1));
  for (size_t t = 0; t < nz; t++) {
    const sat_fmt *c = z[t].c;
    double exv[7 * 7], mcv[7 * 7], se[7 * 7];
    for (size_t i = 0; i < NM; i++)
      for (size_t jj = 0; jj < NS; jj++) {
        size_t cI = i * NS + jj;
        double mu = sat_mu_grid[i], sg = sat_sigma_grid[jj];
        exv[cI] = sat_set_prob(z[t].zeros, c, mu, sg);
        size_t cnt = 0;
        if (c->fmt == &act_binary32) { /* sampled inputs: run the gradient itself */
          for (int k = 0; k < o->mc; k++) xb[k] = (float)(mu + sg * zs[k]);
          sat_evaluate(z[t].e, id, p, c, xb, (size_t)o->mc, yb, db);
          for (int k = 0; k < o->mc; k++) cnt += db[k] == 0;
        } else { /* every input was scanned: look the rounded input up */
          for (int k = 0; k < o->mc; k++) {
            double v = sat_round(c, mu + sg * zs[k]);
            if (isinf(v)) v = v > 0 ? c->max_finite : -c->max_finite;
            cnt += in_set(z[t].zeros, v);
          }
        }
        double q = o->mc ? (double)cnt / o->mc : NAN;
        mcv[cI] = q;
        se[cI] = o->mc ? sqrt(q * (1 - q) / o->mc) : NAN;
      }
    json_t *row = json_object();
    json_object_set_new(row, "format", json_string(c->fmt->name));
    json_object_set_new(row, "name", json_string(z[t].e->name));
    json_object_set_new(row, "exact", jmat(exv, NM, NS));
    json_object_set_new(row, "mc", jmat(mcv, NM, NS));
    json_object_set_new(row, "mc_se", jmat(se, NM, NS));
    json_array_append_new(num, row);
  }
  json_object_set_new(j, "numerical", num);
  act_free(xb), act_free(yb), act_free(db);
  free(zs);
  return j;
}

/* ---- depth */

typedef struct {
  int id;
  const act_params *p;
} df_ctx;
static double df_g(double x, void *v) {
  df_ctx *c = v;
  return sat_dref(c->id, 1, x, c->p);
}
static double logdf_g(double x, void *v) {
  df_ctx *c = v;
  return log(fabs(sat_dref(c->id, 1, x, c->p)));
}

static double median(double *v, size_t n) {
  if (n == 0) return NAN;
  qsort(v, n, sizeof *v, cmp_d);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

json_t *sat_depth_json(int id, const act_params *p, const sat_set *dead, const sat_fmt *const *fmts,
                       size_t nfmt, const sat_opts *o) {
  static const double kinks[] = {-3, -1.5, 0, 3};
  const size_t NS = sat_depth_scale_count, L = (size_t)o->depth;
  sat_fmt f32;
  sat_fmt_init(&f32, &act_binary32);
  json_t *j = json_object();
  json_object_set_new(j, "scales", jvec(sat_depth_scales, NS));
  json_object_set_new(j, "layers", json_integer(o->depth));
  double mean[16], geo[16], zp[16];
  json_t *prod = json_array();
  df_ctx dc = {id, p};
  double *pw = malloc(sizeof(double) * L);
  if (!pw) act_die("out of memory");
  for (size_t k = 0; k < NS; k++) {
    double s = sat_depth_scales[k];
    mean[k] = sat_normal_expect(df_g, &dc, 0, s, kinks, 4);
    zp[k] = sat_set_prob(dead, &f32, 0, s);
    geo[k] = zp[k] > 0 ? NAN : exp(sat_normal_expect(logdf_g, &dc, 0, s, kinks, 4));
    double v = 1;
    for (size_t l = 0; l < L; l++) pw[l] = v *= mean[k];
    json_array_append_new(prod, jvec(pw, L));
  }
  free(pw);
  json_object_set_new(j, "mean_df", jvec(mean, NS));
  json_t *jg = json_array();
  for (size_t k = 0; k < NS; k++)
    json_array_append_new(jg, isnan(geo[k]) ? json_null() : json_real(geo[k]));
  json_object_set_new(j, "geo_mean_abs_df", jg);
  json_object_set_new(j, "dead_prob", jvec(zp, NS));
  json_object_set_new(j, "product", prod);

  /* the delivered gradient: chains of L layers */
  const size_t T = (size_t)o->chains;
  json_t *dl = json_object();
  json_object_set_new(dl, "chains", json_integer(o->chains));
  json_object_set_new(dl, "scales", jvec(k_chain_scales, N_CHAIN_SCALES));
  json_t *exrows = json_array(), *rows = json_array();
  double *xs = malloc(sizeof(double) * T * L), *xr = malloc(sizeof(double) * T * L),
         *er = malloc(sizeof(double) * T * L), *rel = malloc(sizeof(double) * T * L),
         *col = malloc(sizeof(double) * (T ? T : 1)), *v1 = malloc(sizeof(double) * L),
         *v2 = malloc(sizeof(double) * L);
  size_t *nrel = malloc(sizeof(size_t) * L);
  if (!xs || !xr || !er || !rel || !col || !v1 || !v2 || !nrel) act_die("out of memory");
  for (size_t k = 0; k < N_CHAIN_SCALES; k++) {
    double s = k_chain_scales[k];
    sat_normal_rng g;
    sat_normal_seed(&g, stream_seed(o->seed, id, 2 + (int)k));
    for (size_t i = 0; i < T * L; i++) xs[i] = s * sat_normal(&g);
    for (size_t f = 0; f < nfmt; f++) {
      const sat_fmt *c = fmts[f];
      for (size_t i = 0; i < T * L; i++) {
        xr[i] = sat_round(c, xs[i]);
        er[i] = sat_dref(id, 1, xr[i], p);
      }
      /* the exact product at the format's inputs: zero, or below half the
       * format's smallest subnormal */
      double ulog = (c->emin_sub - 1) * log(2.0);
      memset(v1, 0, sizeof(double) * L);
      memset(v2, 0, sizeof(double) * L);
      for (size_t t = 0; t < T; t++) {
        double le = 0;
        int zero = 0;
        for (size_t l = 0; l < L; l++) {
          double e = er[t * L + l];
          if (e == 0) zero = 1;
          if (!zero) le += log(fabs(e));
          v1[l] += zero;
          v2[l] += !zero && le < ulog;
        }
      }
      for (size_t l = 0; l < L; l++) v1[l] /= (double)T, v2[l] /= (double)T;
      json_t *er_row = json_object();
      json_object_set_new(er_row, "format", json_string(c->fmt->name));
      json_object_set_new(er_row, "scale", json_real(s));
      json_object_set_new(er_row, "exact_zero", jvec(v1, L));
      json_object_set_new(er_row, "exact_underflow", jvec(v2, L));
      json_array_append_new(exrows, er_row);
      for (size_t fi = 0; fi < act_activations[id]->n_formulas; fi++) {
        const sat_formula *fm = &act_activations[id]->formulas[fi];
        memset(nrel, 0, sizeof(size_t) * L);
        memset(v2, 0, sizeof(double) * L);
        for (size_t t = 0; t < T; t++) {
          double gd = 1, le = 0;
          int neg = 0, zero = 0;
          for (size_t l = 0; l < L; l++) {
            double y, d, e = er[t * L + l];
            fm->fn(c, xr[t * L + l], p, &y, &d);
            gd = sat_round(c, gd * d);
            if (e == 0) zero = 1;
            if (zero) continue; /* the exact product is 0: no relative error */
            le += log(fabs(e));
            neg ^= e < 0;
            double r;
            if (gd == 0) {
              r = 1;
              v2[l] += 1;
            } else if (!isfinite(gd)) {
              r = INFINITY;
            } else {
              double q = exp(log(fabs(gd)) - le);
              r = (gd < 0) == neg ? fabs(q - 1) : q + 1;
            }
            rel[l * T + nrel[l]++] = r;
          }
        }
        for (size_t l = 0; l < L; l++) {
          memcpy(col, rel + l * T, sizeof(double) * nrel[l]);
          v1[l] = median(col, nrel[l]);
          v2[l] /= (double)T;
        }
        json_t *row = json_object();
        char name[128];
        snprintf(name, sizeof name, "%s.formula.%s", id_name(id), fm->key);
        json_object_set_new(row, "format", json_string(c->fmt->name));
        json_object_set_new(row, "name", json_string(name));
        json_object_set_new(row, "scale", json_real(s));
        json_t *mr = json_array();
        for (size_t l = 0; l < L; l++)
          json_array_append_new(mr, isnan(v1[l]) ? json_null() : jnum(v1[l]));
        json_object_set_new(row, "median_rel_err", mr);
        json_object_set_new(row, "underflow", jvec(v2, L));
        json_array_append_new(rows, row);
      }
    }
  }
  free(xs), free(xr), free(er), free(rel), free(col), free(v1), free(v2), free(nrel);
  json_object_set_new(dl, "exact", exrows);
  json_object_set_new(dl, "rows", rows);
  json_object_set_new(j, "delivered", dl);
  return j;
}

/* ---- dying ReLU */

json_t *sat_dying_json(const act_params *leaky, const act_params *elu, const sat_opts *o) {
  const size_t ND = sat_dying_delta_count, NB = sat_dying_batch_count;
  const int d = o->fan_in, U = o->units, R = o->trials, BM = sat_dying_batch[NB - 1];
  const double ea = elu->a, ec = log(ELU_EPS / ea); /* elu' = a e^z < eps iff z < ec */
  json_t *j = json_object();
  json_object_set_new(j, "fan_in", json_integer(d));
  json_object_set_new(j, "units", json_integer(U));
  json_object_set_new(j, "trials", json_integer(R));
  json_object_set_new(j, "weights",
                      json_string("w ~ N(0, I/fan_in), a fresh layer and batch per trial"));
  json_object_set_new(j, "delta", jvec(sat_dying_delta, ND));
  json_t *jb = json_array();
  for (size_t b = 0; b < NB; b++) json_array_append_new(jb, json_integer(sat_dying_batch[b]));
  json_object_set_new(j, "batch", jb);
  json_object_set_new(j, "elu_a", json_real(ea));
  json_object_set_new(j, "elu_eps", json_real(ELU_EPS));
  /* leaky relu: its gradient is a where relu's is 0, on the same units */
  json_t *jl = json_object();
  json_object_set_new(jl, "a", json_real(leaky->a));
  json_object_set_new(jl, "grad_on_relu_dead", json_real(leaky->a));
  json_object_set_new(jl, "dead_fraction", leaky->a > 0 ? json_real(0.0) : json_null());
  json_object_set_new(j, "leaky_relu", jl);
  static const char *const kinds[] = {"normal", "relu"};
  static const char *const desc[] = {
      "x ~ N(0, I): exact fraction E[Phi(-delta/|w|)^B] by quadrature over |w|^2 ~ chi^2_d/d",
      "x = max(0, N(0, I)): positive inputs, from a ReLU layer; sampled only"};
  json_t *ins = json_array();
  size_t cells = ND * NB;
  double *w = malloc(sizeof(double) * (size_t)U * d), *x = malloc(sizeof(double) * (size_t)BM * d),
         *mx = malloc(sizeof(double) * (size_t)U * NB), *fd = calloc(cells * R, sizeof(double)),
         *fe = calloc(cells * R, sizeof(double)), *out1 = malloc(sizeof(double) * cells),
         *out2 = malloc(sizeof(double) * cells), *out3 = malloc(sizeof(double) * cells);
  if (!w || !x || !mx || !fd || !fe || !out1 || !out2 || !out3) act_die("out of memory");
  double *grad = malloc(sizeof(double) * cells * (size_t)U * R);
  size_t *ng = calloc(cells, sizeof(size_t));
  if (!grad || !ng) act_die("out of memory");
  for (int kind = 0; kind < 2; kind++) {
    memset(ng, 0, sizeof(size_t) * cells);
    sat_normal_rng g;
    sat_normal_seed(&g, stream_seed(o->seed, 100, 10 + kind));
    for (int t = 0; t < R; t++) {
      for (size_t i = 0; i < (size_t)U * d; i++) w[i] = sat_normal(&g) / sqrt((double)d);
      for (size_t i = 0; i < (size_t)BM * d; i++) {
        double v = sat_normal(&g);
        x[i] = kind == 1 && v < 0 ? 0 : v;
      }
      for (int u = 0; u < U; u++) {
        double m = -INFINITY;
        size_t bi = 0;
        for (int b = 0; b < BM; b++) {
          double z = 0;
          for (int k = 0; k < d; k++) z += w[(size_t)u * d + k] * x[(size_t)b * d + k];
          if (z > m) m = z;
          if (b + 1 == sat_dying_batch[bi]) mx[(size_t)u * NB + bi++] = m;
        }
      }
      for (size_t di = 0; di < ND; di++)
        for (size_t bi = 0; bi < NB; bi++) {
          size_t cI = di * NB + bi, dead = 0, sat = 0;
          for (int u = 0; u < U; u++) {
            double z =
                mx[(size_t)u * NB + bi] + sat_dying_delta[di]; /* the largest pre-activation */
            if (z <= 0) {
              dead++;
              grad[cI * (size_t)U * R + ng[cI]++] = ea * exp(z);
            }
            sat += z < ec;
          }
          fd[cI * R + t] = (double)dead / U;
          fe[cI * R + t] = (double)sat / U;
        }
    }
    json_t *row = json_object();
    json_object_set_new(row, "inputs", json_string(kinds[kind]));
    json_object_set_new(row, "description", json_string(desc[kind]));
    for (int q = 0; q < 2; q++) {
      const double *f = q ? fe : fd;
      for (size_t cI = 0; cI < cells; cI++) {
        double s = 0, s2 = 0;
        for (int t = 0; t < R; t++) s += f[cI * R + t];
        double mean = s / R;
        for (int t = 0; t < R; t++) s2 += (f[cI * R + t] - mean) * (f[cI * R + t] - mean);
        out1[cI] = mean;
        out2[cI] = R > 1 ? sqrt(s2 / (R - 1) / R) : NAN;
        double dl = sat_dying_delta[cI / NB];
        int B = sat_dying_batch[cI % NB];
        out3[cI] = kind == 0 ? sat_dying_exact(d, dl, q ? ec : 0, B) : NAN;
      }
      json_t *jq = json_object();
      json_object_set_new(jq, "exact", kind == 0 ? jmat(out3, ND, NB) : json_null());
      json_object_set_new(jq, "sampled", jmat(out1, ND, NB));
      json_object_set_new(jq, "se", jmat(out2, ND, NB));
      json_object_set_new(row, q ? "elu_saturated" : "relu_dead", jq);
    }
    json_t *gm = json_array();
    for (size_t di = 0; di < ND; di++) {
      json_t *r = json_array();
      for (size_t bi = 0; bi < NB; bi++) {
        size_t cI = di * NB + bi;
        double m = median(grad + cI * (size_t)U * R, ng[cI]);
        json_array_append_new(r, isnan(m) ? json_null() : json_real(m));
      }
      json_array_append_new(gm, r);
    }
    json_object_set_new(row, "elu_grad_on_relu_dead", gm);
    json_array_append_new(ins, row);
  }
  json_object_set_new(j, "inputs", ins);
  free(w), free(x), free(mx), free(fd), free(fe), free(out1), free(out2), free(out3);
  free(grad), free(ng);
  return j;
}
