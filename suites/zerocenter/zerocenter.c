/* actbench zerocenter: the seed's zig-zag argument, measured (zerocenter.h).
 *
 * The activations are evaluated in double (sat_dref): the question is about
 * the signs of the inputs a neuron receives, not about rounding. */
#include "zerocenter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numerics.h"
#include "formulas.h"
#include "registry.h"
#include "select.h"
#include "util.h"

/* ---- the grids */
static const double k_dist[][2] = {{0, 1}, {1, 1}, {-1, 1}, {0, 3}}; /* z ~ N(mu, sigma^2) */
#define N_DIST (sizeof k_dist / sizeof k_dist[0])
static const int k_d[] = {2, 4, 16, 64};
#define N_D (sizeof k_d / sizeof k_d[0])
static const int k_batch[] = {2, 8, 32}; /* the mini-batch block: d = 16, z ~ N(0, 1) */
#define N_BATCH (sizeof k_batch / sizeof k_batch[0])
#define BATCH_D 16
#define MAX_ACTS 32
#define PATH_POINTS 2000

static uint64_t stream_seed(uint64_t seed, int a, int b, int c) {
  act_rng r;
  act_rng_seed(
      &r, seed ^ ((uint64_t)(a + 1) << 40) ^ ((uint64_t)(b + 1) << 24) ^ ((uint64_t)(c + 1) << 8));
  return act_rng_next(&r);
}

void act_zc_sign_probs(int id, const act_params *p, double mu, double sigma, double *pos,
                       double *neg, double *zero) {
  static const double rep[3] = {-4, -1, 1}, lo[3] = {-INFINITY, -3, 0}, hi[3] = {-3, 0, INFINITY};
  *pos = *neg = *zero = 0;
  for (int r = 0; r < 3; r++) {
    double g = sat_dref(id, 0, rep[r], p), q = sat_normal_prob(lo[r], hi[r], mu, sigma);
    if (g > 0)
      *pos += q;
    else if (g < 0)
      *neg += q;
    else
      *zero += q;
  }
}

/* ---- one descent */

void act_zc_descend(int sgd, const double *x, const double *t, size_t n, const double wstar[2],
                    const double start[2], double tol, long max_steps, uint64_t seed,
                    size_t keep_path, act_zc_run *r) {
  memset(r, 0, sizeof *r);
  double h00 = 0, h01 = 0, h11 = 0, c0 = 0, c1 = 0, xmax = 0;
  for (size_t j = 0; j < n; j++) {
    double a = x[2 * j], b = x[2 * j + 1];
    h00 += a * a, h01 += a * b, h11 += b * b, c0 += t[j] * a, c1 += t[j] * b;
    if (a * a + b * b > xmax) xmax = a * a + b * b;
  }
  h00 /= (double)n, h01 /= (double)n, h11 /= (double)n, c0 /= (double)n, c1 /= (double)n;
  double tr = 0.5 * (h00 + h11), dd = sqrt(0.25 * (h00 - h11) * (h00 - h11) + h01 * h01);
  double lmax = tr + dd, lmin = tr - dd;
  r->kappa = lmin > 0 ? lmax / lmin : INFINITY;
  double lr = sgd ? (xmax > 0 ? 1 / xmax : 0) : (lmax + lmin > 0 ? 2 / (lmax + lmin) : 0);
  double w0 = start[0], w1 = start[1];
  double R = hypot(w0 - wstar[0], w1 - wstar[1]), goal = tol * R, len = 0;
  size_t cap = keep_path ? (size_t)max_steps + 1 : 0, np = 0;
  double *p0 = cap ? malloc(sizeof(double) * cap) : NULL,
         *p1 = cap ? malloc(sizeof(double) * cap) : NULL;
  if (cap && (!p0 || !p1)) act_die("out of memory");
  if (cap) p0[np] = w0, p1[np++] = w1;
  size_t *perm = sgd ? malloc(sizeof(size_t) * n) : NULL;
  if (sgd && !perm) act_die("out of memory");
  act_rng rng;
  act_rng_seed(&rng, seed);
  long k = 0, same = 0;
  size_t pos = n;
  while (k < max_steps && hypot(w0 - wstar[0], w1 - wstar[1]) > goal) {
    double g0, g1;
    if (sgd) {
      if (pos == n) { /* a new epoch: a fresh order */
        for (size_t j = 0; j < n; j++) perm[j] = j;
        for (size_t j = n; j > 1; j--) {
          size_t q = (size_t)(act_rng_next(&rng) % j), tmp = perm[j - 1];
          perm[j - 1] = perm[q], perm[q] = tmp;
        }
        pos = 0;
      }
      size_t j = perm[pos++];
      double e = w0 * x[2 * j] + w1 * x[2 * j + 1] - t[j];
      g0 = e * x[2 * j], g1 = e * x[2 * j + 1];
    } else {
      g0 = h00 * w0 + h01 * w1 - c0, g1 = h01 * w0 + h11 * w1 - c1;
    }
    double d0 = -lr * g0, d1 = -lr * g1;
    same += d0 * d1 >= 0;
    w0 += d0, w1 += d1;
    len += hypot(d0, d1);
    k++;
    if (cap) p0[np] = w0, p1[np++] = w1;
  }
  r->steps = k;
  r->reached = hypot(w0 - wstar[0], w1 - wstar[1]) <= goal;
  r->path_ratio = R > 0 ? len / R : NAN;
  r->same_sign = k ? (double)same / (double)k : NAN;
  if (cap) { /* keep at most keep_path points: every `every`-th, and the last */
    size_t every = (np + keep_path - 1) / keep_path;
    if (every < 1) every = 1;
    size_t m = 0;
    for (size_t i = 0; i < np; i += every) p0[m] = p0[i], p1[m++] = p1[i];
    if ((np - 1) % every) p0[m] = p0[np - 1], p1[m++] = p1[np - 1];
    r->w0 = p0, r->w1 = p1, r->npath = m, r->every = every;
  }
  free(perm);
}

/* ---- statistics */

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}
/* quantile q of sorted v (linear interpolation between order statistics) */
static double quant(const double *v, size_t n, double q) {
  if (n == 0) return NAN;
  double h = q * (double)(n - 1);
  size_t i = (size_t)h;
  return i + 1 < n ? v[i] + (h - (double)i) * (v[i + 1] - v[i]) : v[n - 1];
}
static json_t *jnum(double v) {
  if (isnan(v)) return json_null();
  if (isinf(v)) return json_string(v > 0 ? "inf" : "-inf");
  return json_real(v);
}
static json_t *summary(double *v, size_t n) {
  qsort(v, n, sizeof *v, cmp_d);
  double s = 0;
  for (size_t i = 0; i < n; i++) s += v[i];
  json_t *o = json_object();
  json_object_set_new(o, "median", jnum(quant(v, n, 0.5)));
  json_object_set_new(o, "q1", jnum(quant(v, n, 0.25)));
  json_object_set_new(o, "q3", jnum(quant(v, n, 0.75)));
  json_object_set_new(o, "min", jnum(n ? v[0] : NAN));
  json_object_set_new(o, "max", jnum(n ? v[n - 1] : NAN));
  json_object_set_new(o, "mean", jnum(n ? s / (double)n : NAN));
  return o;
}
static json_t *jvec(const double *v, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(a, json_real(v[i]));
  return a;
}

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench zerocenter [options]\n"
          "The seed's zig-zag argument, measured, for inputs that come from an activation g:\n"
          " - sign agreement: a neuron with d inputs a_i = g(z_i) gets the weight gradients\n"
          "   a_i * delta; the fraction of draws in which they all share one sign (z ~ N(mu,\n"
          "   sigma^2), d = 2, 4, 16, 64; exact where the sign of g is known), and with\n"
          "   mini-batches;\n"
          " - two weights: least squares on y = w0 x0 + w1 x1 with x = g(z), gradient descent\n"
          "   (full batch, the optimal constant step; and one sample per step) from a start\n"
          "   where w0 must grow and w1 shrink: steps to the optimum and path length against\n"
          "   the straight line over many problems, and one representative pair of paths.\n"
          "  --activation LIST  activations g, comma-separated (default: all)\n"
          "  --trials N         draws per sign-agreement row (default 20000)\n"
          "  --problems N       two-weight problems (default 1000)\n"
          "  --samples N        samples per problem (default 32)\n"
          "  --tol T            stop at |w - w*| <= T |w_start - w*| (default 0.01)\n"
          "  --max-steps N      give up after N steps (default 100000)\n"
          "  --seed S           seed of every random draw (default 1)\n"
          "  --out DIR          write DIR/zerocenter.json (default: results)\n");
}

int act_zerocenter_main(int argc, char **argv) {
  const char *out = "results", *alist = NULL;
  long trials = 20000, problems = 1000, samples = 32, max_steps = 100000;
  double tol = 0.01;
  uint64_t seed = 1;
  for (int i = 1; i < argc; i++) {
    const char *o = argv[i];
    if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
      usage(stdout);
      return 0;
    }
    if (i + 1 >= argc) act_die("zerocenter: unknown or incomplete option '%s' (see --help)", o);
    const char *v = argv[++i];
    if (!strcmp(o, "--activation"))
      alist = v;
    else if (!strcmp(o, "--trials"))
      trials = (long)act_parse_int("--trials", v, 1, 1000000000);
    else if (!strcmp(o, "--problems"))
      problems = (long)act_parse_int("--problems", v, 1, 100000000);
    else if (!strcmp(o, "--samples"))
      samples = (long)act_parse_int("--samples", v, 2, 1000000);
    else if (!strcmp(o, "--max-steps"))
      max_steps = (long)act_parse_int("--max-steps", v, 1, 100000000);
    else if (!strcmp(o, "--tol")) {
      tol = act_parse_double("--tol", v, 0, 1);
      if (!(tol > 0 && tol < 1)) act_die("zerocenter: --tol must be in (0, 1), got %s", v);
    } else if (!strcmp(o, "--seed"))
      seed = (uint64_t)act_parse_int("--seed", v, 0, INT64_MAX);
    else if (!strcmp(o, "--out"))
      out = v;
    else
      act_die("zerocenter: unknown option '%s' (see actbench zerocenter --help)", o);
  }
  /* the activations */
  const act_activation *acts[MAX_ACTS];
  size_t na = 0;
  if (alist) {
    char buf[512];
    if (strlen(alist) >= sizeof buf) act_die("zerocenter: --activation: list too long");
    strcpy(buf, alist);
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
      const act_activation *a = act_find_activation(t);
      if (!a || act_activation_id(t) < 0)
        act_die("zerocenter: unknown activation '%s' (see actbench list)", t);
      int dup = 0;
      for (size_t k = 0; k < na; k++) dup |= acts[k] == a;
      if (!dup && na < MAX_ACTS) acts[na++] = a;
    }
    if (na == 0) act_die("zerocenter: --activation: no activation given");
  } else {
    for (size_t k = 0; k < act_activation_count && na < MAX_ACTS; k++)
      if (act_activation_id(act_activations[k]->name) >= 0) acts[na++] = act_activations[k];
  }
  if (act_parse_only) return 0; /* the fuzz targets: options checked, nothing run */
  act_ensure_dir(out);
  {
    static const char *const names[] = {"zerocenter.json.tmp.%p"};
    act_remove_stale(out, names, 1);
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/zerocenter.json", out);

  json_t *doc = json_object();
  json_object_set_new(doc, "kind", json_string("zerocenter"));
  json_object_set_new(doc, "actbench_version", json_string(ACTBENCH_VERSION));
  json_object_set_new(doc, "context", act_context_json());
  json_object_set_new(doc, "seed", json_integer((json_int_t)seed));
  json_t *jacts = json_array();
  for (size_t k = 0; k < na; k++) {
    json_t *ja = act_activation_json(acts[k], &acts[k]->defaults);
    json_array_append_new(jacts, ja);
  }
  json_object_set_new(doc, "activations", jacts);

  /* ---- 1. sign agreement */
  json_t *sa = json_object();
  json_object_set_new(sa, "trials", json_integer(trials));
  json_object_set_new(
      sa, "convention",
      json_string("the weight gradients a_i * delta share one sign when no two of them have "
                  "opposite signs (a zero input, ReLU's, has no sign and agrees with any); "
                  "fraction_strict asks all of them to be nonzero as well. exact (batch 1): "
                  "(p_pos + p_zero)^d + (p_neg + p_zero)^d - p_zero^d, strict p_pos^d + p_neg^d, "
                  "with p_* = P(g(z) > 0, < 0, = 0); se = sqrt(f(1-f)/trials). batch B > 1: the "
                  "gradient of w_i is sum_b a_bi delta_b with delta_b ~ N(0, 1) independent"));
  json_t *rows = json_array();
  printf(
      "sign agreement: fraction of draws in which all d weight gradients share a sign "
      "(%ld draws; exact in brackets)\n",
      trials);
  printf("  %-12s %-10s", "g", "z");
  for (size_t k = 0; k < N_D; k++) printf("  d = %-14d", k_d[k]);
  printf("\n");
  for (size_t k = 0; k < na; k++) {
    int id = act_activation_id(acts[k]->name);
    const act_params *p = &acts[k]->defaults;
    for (size_t di = 0; di < N_DIST; di++) {
      double mu = k_dist[di][0], sg = k_dist[di][1], pp, pn, pz;
      act_zc_sign_probs(id, p, mu, sg, &pp, &pn, &pz);
      printf("  %-12s N(%g, %g)%*s", acts[k]->name, mu, sg * sg, mu < 0 ? 1 : 2, "");
      for (size_t dk = 0; dk < N_D; dk++) {
        int d = k_d[dk];
        sat_normal_rng g;
        sat_normal_seed(&g, stream_seed(seed, id, (int)di, d));
        long agree = 0, strict = 0;
        for (long t = 0; t < trials; t++) {
          int hp = 0, hn = 0, hz = 0;
          for (int i = 0; i < d; i++) {
            double v = sat_dref(id, 0, mu + sg * sat_normal(&g), p);
            hp |= v > 0, hn |= v < 0, hz |= v == 0;
          }
          agree += !(hp && hn);
          strict += !(hp && hn) && !hz;
        }
        double f = (double)agree / trials, fs = (double)strict / trials;
        /* (p_pos + p_zero)^d + (p_neg + p_zero)^d - p_zero^d, written with
         * the complements so that a g of one sign gives 1 exactly */
        double ex = pow(1 - pn, d) + pow(1 - pp, d) - pow(pz, d), exs = pow(pp, d) + pow(pn, d);
        json_t *r = json_object();
        json_object_set_new(r, "activation", json_string(acts[k]->name));
        json_object_set_new(r, "z_mu", json_real(mu));
        json_object_set_new(r, "z_sigma", json_real(sg));
        json_object_set_new(r, "d", json_integer(d));
        json_object_set_new(r, "batch", json_integer(1));
        json_object_set_new(r, "trials", json_integer(trials));
        json_object_set_new(r, "fraction", json_real(f));
        json_object_set_new(r, "se", json_real(sqrt(f * (1 - f) / trials)));
        json_object_set_new(r, "exact", json_real(ex));
        json_object_set_new(r, "fraction_strict", json_real(fs));
        json_object_set_new(r, "exact_strict", json_real(exs));
        json_object_set_new(r, "p_pos", json_real(pp));
        json_object_set_new(r, "p_neg", json_real(pn));
        json_object_set_new(r, "p_zero", json_real(pz));
        json_array_append_new(rows, r);
        printf("  %.4f [%.4f]    ", f, ex);
      }
      printf("\n");
    }
    /* mini-batches: d = 16, z ~ N(0, 1) */
    for (size_t bk = 0; bk < N_BATCH; bk++) {
      int B = k_batch[bk], d = BATCH_D;
      sat_normal_rng g;
      sat_normal_seed(&g, stream_seed(seed, id, 100, B));
      long tb = trials / 4 > 0 ? trials / 4 : 1, agree = 0, strict = 0;
      for (long t = 0; t < tb; t++) {
        double gr[BATCH_D] = {0};
        for (int b = 0; b < B; b++) {
          double delta = sat_normal(&g);
          for (int i = 0; i < d; i++) gr[i] += sat_dref(id, 0, sat_normal(&g), p) * delta;
        }
        int hp = 0, hn = 0, hz = 0;
        for (int i = 0; i < d; i++) hp |= gr[i] > 0, hn |= gr[i] < 0, hz |= gr[i] == 0;
        agree += !(hp && hn);
        strict += !(hp && hn) && !hz;
      }
      double f = (double)agree / tb, fs = (double)strict / tb;
      json_t *r = json_object();
      json_object_set_new(r, "activation", json_string(acts[k]->name));
      json_object_set_new(r, "z_mu", json_real(0));
      json_object_set_new(r, "z_sigma", json_real(1));
      json_object_set_new(r, "d", json_integer(d));
      json_object_set_new(r, "batch", json_integer(B));
      json_object_set_new(r, "trials", json_integer(tb));
      json_object_set_new(r, "fraction", json_real(f));
      json_object_set_new(r, "se", json_real(sqrt(f * (1 - f) / tb)));
      json_object_set_new(r, "exact", json_null());
      json_object_set_new(r, "fraction_strict", json_real(fs));
      json_object_set_new(r, "exact_strict", json_null());
      json_array_append_new(rows, r);
    }
  }
  json_object_set_new(sa, "rows", rows);
  json_object_set_new(doc, "sign_agreement", sa);

  /* ---- 2. two weights */
  const size_t n = (size_t)samples;
  json_t *tw = json_object();
  json_object_set_new(tw, "problems", json_integer(problems));
  json_object_set_new(tw, "samples", json_integer(samples));
  json_object_set_new(tw, "tol", json_real(tol));
  json_object_set_new(tw, "max_steps", json_integer(max_steps));
  json_object_set_new(
      tw, "setup",
      json_string("per problem: z ~ N(0, 1) for both inputs of each of the samples, w* ~ N(0, I), "
                  "targets t = w*.x (noise-free: w* is the optimum), start w* + (-cos phi, sin "
                  "phi) with phi ~ U(0, pi/2) (w0 must grow, w1 shrink), loss mean (w.x - t)^2 "
                  "/ 2; the same z, w* and start for every g"));
  json_t *jm = json_object();
  json_object_set_new(jm, "gd",
                      json_string("full batch, w -= lr * H (w - w*), H = X^T X / n, the optimal "
                                  "constant step lr = 2/(lmax + lmin)"));
  json_object_set_new(jm, "sgd",
                      json_string("one sample per step, a fresh seeded order each epoch, w -= lr "
                                  "(w.x_j - t_j) x_j with lr = 1/max_j |x_j|^2"));
  json_object_set_new(tw, "methods", jm);
  json_object_set_new(
      tw, "measures",
      json_string("steps: to reach |w - w*| <= tol |w_start - w*| (max_steps when not reached, "
                  "counted in not_reached); path_ratio: path length / |w_start - w*|; same_sign: "
                  "fraction of steps whose two weight updates have no opposite signs; kappa: "
                  "lmax/lmin of H; summaries over the problems: median, q1, q3, min, max, mean"));
  /* the problems */
  double *Z = malloc(sizeof(double) * (size_t)problems * n * 2),
         *W = malloc(sizeof(double) * (size_t)problems * 4);
  if (!Z || !W) act_die("out of memory");
  {
    sat_normal_rng g;
    sat_normal_seed(&g, stream_seed(seed, 200, 0, 0));
    act_rng u;
    act_rng_seed(&u, stream_seed(seed, 201, 0, 0));
    for (long q = 0; q < problems; q++) {
      for (size_t j = 0; j < 2 * n; j++) Z[(size_t)q * 2 * n + j] = sat_normal(&g);
      double phi = act_rng_uniform(&u) * M_PI / 2;
      W[4 * q] = sat_normal(&g), W[4 * q + 1] = sat_normal(&g);
      W[4 * q + 2] = W[4 * q] - cos(phi), W[4 * q + 3] = W[4 * q + 1] + sin(phi);
    }
  }
  double *steps = malloc(sizeof(double) * (size_t)problems * na * 2),
         *ratio = malloc(sizeof(double) * (size_t)problems * na * 2),
         *same = malloc(sizeof(double) * (size_t)problems * na * 2),
         *kap = malloc(sizeof(double) * (size_t)problems * na * 2),
         *X = malloc(sizeof(double) * 2 * n), *T = malloc(sizeof(double) * n),
         *tmp = malloc(sizeof(double) * (size_t)problems);
  long *notr = calloc(na * 2, sizeof(long));
  if (!steps || !ratio || !same || !kap || !X || !T || !tmp || !notr) act_die("out of memory");
  static const char *const mname[2] = {"gd", "sgd"};
  for (size_t k = 0; k < na; k++) {
    int id = act_activation_id(acts[k]->name);
    const act_params *p = &acts[k]->defaults;
    for (long q = 0; q < problems; q++) {
      for (size_t j = 0; j < 2 * n; j++) X[j] = sat_dref(id, 0, Z[(size_t)q * 2 * n + j], p);
      for (size_t j = 0; j < n; j++) T[j] = W[4 * q] * X[2 * j] + W[4 * q + 1] * X[2 * j + 1];
      for (int m = 0; m < 2; m++) {
        act_zc_run r;
        act_zc_descend(m, X, T, n, W + 4 * q, W + 4 * q + 2, tol, max_steps,
                       stream_seed(seed, 300, (int)q, 0), 0, &r);
        size_t at = ((k * 2 + (size_t)m) * (size_t)problems) + (size_t)q;
        steps[at] = (double)r.steps, ratio[at] = r.path_ratio, same[at] = r.same_sign;
        kap[at] = r.kappa;
        notr[k * 2 + (size_t)m] += !r.reached;
      }
    }
  }
  json_t *res = json_array();
  printf(
      "\ntwo weights, %ld problems of %ld samples: steps to 1/%g of the start distance, "
      "median [q1, q3]; path length / straight line, median\n",
      problems, samples, 1 / tol);
  for (size_t k = 0; k < na; k++)
    for (int m = 0; m < 2; m++) {
      size_t at = (k * 2 + (size_t)m) * (size_t)problems;
      json_t *r = json_object();
      json_object_set_new(r, "activation", json_string(acts[k]->name));
      json_object_set_new(r, "method", json_string(mname[m]));
      memcpy(tmp, steps + at, sizeof(double) * (size_t)problems);
      json_t *js = summary(tmp, (size_t)problems);
      json_object_set_new(r, "steps", js);
      json_object_set_new(r, "not_reached", json_integer(notr[k * 2 + (size_t)m]));
      memcpy(tmp, ratio + at, sizeof(double) * (size_t)problems);
      json_t *jr = summary(tmp, (size_t)problems);
      json_object_set_new(r, "path_ratio", jr);
      memcpy(tmp, same + at, sizeof(double) * (size_t)problems);
      json_object_set_new(r, "same_sign", summary(tmp, (size_t)problems));
      memcpy(tmp, kap + at, sizeof(double) * (size_t)problems);
      json_object_set_new(r, "kappa", summary(tmp, (size_t)problems));
      json_array_append_new(res, r);
      printf("  %-12s %-4s steps %8.0f [%g, %g]%s  path/straight %6.3g\n", acts[k]->name, mname[m],
             json_number_value(json_object_get(js, "median")),
             json_number_value(json_object_get(js, "q1")),
             json_number_value(json_object_get(js, "q3")),
             notr[k * 2 + (size_t)m] ? " (some not reached)" : "",
             json_number_value(json_object_get(jr, "median")));
    }
  json_object_set_new(tw, "results", res);

  /* sigmoid against tanh, problem by problem, and the representative pair */
  size_t ks = na, kt = na;
  for (size_t k = 0; k < na; k++) {
    if (!strcmp(acts[k]->name, "sigmoid")) ks = k;
    if (!strcmp(acts[k]->name, "tanh")) kt = k;
  }
  if (ks < na && kt < na) {
    json_t *pj = json_array();
    size_t best = 0;
    for (int m = 0; m < 2; m++) {
      size_t as = (ks * 2 + (size_t)m) * (size_t)problems,
             at = (kt * 2 + (size_t)m) * (size_t)problems;
      long more = 0;
      for (long q = 0; q < problems; q++) {
        more += steps[as + (size_t)q] > steps[at + (size_t)q];
        tmp[q] = steps[as + (size_t)q] / steps[at + (size_t)q];
      }
      double *sorted = malloc(sizeof(double) * (size_t)problems);
      if (!sorted) act_die("out of memory");
      memcpy(sorted, tmp, sizeof(double) * (size_t)problems);
      qsort(sorted, (size_t)problems, sizeof(double), cmp_d);
      double med = quant(sorted, (size_t)problems, 0.5);
      free(sorted);
      if (m == 0) { /* the example: the problem whose gd step ratio is nearest the median */
        for (long q = 1; q < problems; q++)
          if (fabs(log(tmp[q] / med)) < fabs(log(tmp[best] / med))) best = (size_t)q;
      }
      json_t *r = json_object();
      json_object_set_new(r, "method", json_string(mname[m]));
      json_object_set_new(r, "a", json_string("sigmoid"));
      json_object_set_new(r, "b", json_string("tanh"));
      json_object_set_new(r, "a_more_steps", json_real((double)more / problems));
      json_object_set_new(r, "median_step_ratio", jnum(med));
      json_array_append_new(pj, r);
      printf(
          "  sigmoid against tanh (%s): more steps in %.1f%% of the problems, median ratio %.3g\n",
          mname[m], 100.0 * more / problems, med);
    }
    json_object_set_new(tw, "paired", pj);
    json_t *ex = json_object();
    json_object_set_new(ex, "problem", json_integer((json_int_t)best));
    json_object_set_new(ex, "w_star", jvec(W + 4 * best, 2));
    json_object_set_new(ex, "start", jvec(W + 4 * best + 2, 2));
    json_object_set_new(ex, "chosen",
                        json_string("the problem whose sigmoid/tanh gd step ratio is nearest the "
                                    "median ratio"));
    json_t *paths = json_array();
    size_t which[2] = {ks, kt};
    for (int w = 0; w < 2; w++) {
      int id = act_activation_id(acts[which[w]]->name);
      const act_params *p = &acts[which[w]]->defaults;
      for (size_t j = 0; j < 2 * n; j++) X[j] = sat_dref(id, 0, Z[best * 2 * n + j], p);
      for (size_t j = 0; j < n; j++) T[j] = W[4 * best] * X[2 * j] + W[4 * best + 1] * X[2 * j + 1];
      for (int m = 0; m < 2; m++) {
        act_zc_run r;
        act_zc_descend(m, X, T, n, W + 4 * best, W + 4 * best + 2, tol, max_steps,
                       stream_seed(seed, 300, (int)best, 0), PATH_POINTS, &r);
        json_t *pr = json_object();
        json_object_set_new(pr, "activation", json_string(acts[which[w]]->name));
        json_object_set_new(pr, "method", json_string(mname[m]));
        json_object_set_new(pr, "steps", json_integer(r.steps));
        json_object_set_new(pr, "reached", json_boolean(r.reached));
        json_object_set_new(pr, "path_ratio", jnum(r.path_ratio));
        json_object_set_new(pr, "same_sign", jnum(r.same_sign));
        json_object_set_new(pr, "kappa", jnum(r.kappa));
        json_object_set_new(pr, "every", json_integer((json_int_t)r.every));
        json_object_set_new(pr, "w0", jvec(r.w0, r.npath));
        json_object_set_new(pr, "w1", jvec(r.w1, r.npath));
        json_array_append_new(paths, pr);
        free(r.w0), free(r.w1);
      }
    }
    json_object_set_new(ex, "paths", paths);
    json_object_set_new(tw, "example", ex);
  }
  json_object_set_new(doc, "two_weight", tw);
  free(Z), free(W), free(steps), free(ratio), free(same), free(kap), free(X), free(T), free(tmp);
  free(notr);
  act_write_json(doc, path);
  json_decref(doc);
  printf("zerocenter: wrote %s\n", path);
  return 0;
}
