/* actbench: the statistics of one implementation in one direction, exactly
 * as docs/accuracy.md defines them, in a form that merges in any order to
 * the same bits (integer counts, exact sums, maxima with a fixed tie-break),
 * so that threads, MPI ranks and resumed runs all give one answer. */
#include <immintrin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "util.h"

/* ---- exact sums */
void act_xsum_add_big(act_xsum *s, double e) {
  /* e = M 2^(ex - 53), 2^52 <= M < 2^53 (e is a normal double here); in
   * units of 2^-29: M << (ex - 24) */
  union {
    double d;
    uint64_t u;
  } b = {e};
  int ex = (int)((b.u >> 52) & 0x7ff) - 1022;
  uint64_t M = (b.u & 0xfffffffffffffull) | 0x10000000000000ull;
  int shift = ex - 24;
  int limb = shift / 64, off = shift % 64;
  if (limb >= 6) return; /* beyond 2^355: cannot happen for float errors */
  uint64_t lo = M << off, hi = off ? M >> (64 - off) : 0;
  unsigned __int128 t = (unsigned __int128)s->big[limb] + lo;
  s->big[limb] = (uint64_t)t;
  uint64_t carry = (uint64_t)(t >> 64);
  for (int i = limb + 1; i < 6 && (hi || carry); i++) {
    t = (unsigned __int128)s->big[i] + hi + carry;
    s->big[i] = (uint64_t)t;
    carry = (uint64_t)(t >> 64);
    hi = 0;
  }
}

void act_xsum_merge(act_xsum *into, const act_xsum *from) {
  into->small += from->small;
  uint64_t carry = 0;
  for (int i = 0; i < 6; i++) {
    unsigned __int128 t = (unsigned __int128)into->big[i] + from->big[i] + carry;
    into->big[i] = (uint64_t)t;
    carry = (uint64_t)(t >> 64);
  }
}

double act_xsum_mean(const act_xsum *s, uint64_t n) {
  if (n == 0) return 0.0;
  long double v = ldexpl((long double)s->small, -40);
  for (int i = 5; i >= 0; i--)
    if (s->big[i]) v += ldexpl((long double)s->big[i], 64 * i - 29);
  return (double)(v / (long double)n);
}

/* ---- statistics */
void act_acc_ctx_init(act_acc_ctx *c) {
  memset(c, 0, sizeof *c);
  c->claim = NAN;
  c->excuse_nan_in = 1;
  c->sub_below = 0x1p-126;
  c->zero_pos = c->zero_neg = c->lim_neg = c->lim_pos = NAN;
}

void act_acc_stats_init(act_acc_stats *s, int bins, double lo, double hi) {
  memset(s, 0, sizeof *s);
  s->max_ulp = -1;
  s->max_x = NAN;
  s->max_idx = UINT64_MAX;
  act_acc_ctx_init(&s->ctx);
  s->core_max = -1;
  s->core_max_x = NAN;
  s->core_max_idx = UINT64_MAX;
  s->bins = bins;
  s->bin_lo = lo;
  s->bin_hi = hi;
  if (bins > 0) {
    s->bin_max = malloc(sizeof(double) * (size_t)bins);
    if (!s->bin_max) act_die("out of memory");
    for (int i = 0; i < bins; i++) s->bin_max[i] = -1;
  }
}

void act_acc_stats_want_binades(act_acc_stats *s) {
  if (s->binade) return;
  s->binade = calloc(ACT_BINADES, sizeof *s->binade);
  if (!s->binade) act_die("out of memory");
  for (int i = 0; i < ACT_BINADES; i++) s->binade[i].max_ulp = -1;
}

void act_acc_stats_free(act_acc_stats *s) {
  free(s->bin_max);
  free(s->binade);
  s->bin_max = NULL;
  s->binade = NULL;
}

int act_hist_bin(double e) {
  if (e <= 0.5) return 0;
  if (e <= 1.0) return 1;
  if (!(e <= 0x1p39)) return ACT_HIST_BINS - 1;
  /* e in [2^E, 2^(E+1)), a normal double: e in (2^(k-1), 2^k] with k = E
   * when e is 2^E, else E + 1 (from the bits: no libm call) */
  uint64_t u;
  memcpy(&u, &e, sizeof u);
  int E = (int)((u >> 52) & 0x7ff) - 1023;
  int k = (u & 0xfffffffffffffull) ? E + 1 : E;
  return k + 1; /* (1,2] -> 2, (2,4] -> 3, ... */
}

static int same_bits_or_nan(float a, float b) {
  if (isnan(a) && isnan(b)) return 1;
  return act_float_bits(a) == act_float_bits(b);
}

/* (ulp, idx) is worse than w: a larger error, or the same at a lower index */
static int worse(double ulp, uint64_t idx, const act_worst *w) {
  return ulp > w->ulp || (ulp == w->ulp && idx < w->idx);
}

static void worst_insert(act_acc_stats *s, const act_worst *w) {
  int n = s->nworst;
  if (n == ACT_WORST_K && !worse(w->ulp, w->idx, &s->worst[n - 1])) return;
  int i = n < ACT_WORST_K ? n : n - 1;
  while (i > 0 && worse(w->ulp, w->idx, &s->worst[i - 1])) {
    s->worst[i] = s->worst[i - 1];
    i--;
  }
  s->worst[i] = *w;
  if (n < ACT_WORST_K) s->nworst++;
}

/* ---- marks: the cells of one kind (accuracy.h) */
static int ex_better(double e, uint64_t i, double f, uint64_t j) {
  return e > f || (e == f && i < j);
}

/* b's inputs into cell a (the same cell at the marks' level) */
static void cell_join(act_cell *a, const act_cell *b) {
  if (b->lo < a->lo) a->lo = b->lo, a->lo_x = b->lo_x;
  if (b->hi > a->hi) a->hi = b->hi, a->hi_x = b->hi_x;
  a->count += b->count;
  if (ex_better(b->ex_err, b->ex_idx, a->ex_err, a->ex_idx)) {
    a->ex_idx = b->ex_idx, a->ex_err = b->ex_err;
    a->ex_x = b->ex_x, a->ex_got = b->ex_got, a->ex_want = b->ex_want;
  }
}

/* cells (sorted, one per key at level) to level + 1, in place; the new count */
static int cells_coarsen(act_cell *c, int n, int level) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (k && (c[k - 1].lo >> (level + 1)) == (c[i].lo >> (level + 1)))
      cell_join(&c[k - 1], &c[i]);
    else
      c[k++] = c[i];
  }
  return k;
}

static void marks_add(act_marks *m, uint64_t idx, float x, double err, float got, float want) {
  act_cell one;
  memset(&one, 0, sizeof one); /* the padding too: packed statistics are the same bytes */
  one.lo = one.hi = one.ex_idx = idx;
  one.count = 1;
  one.ex_err = err;
  one.lo_x = one.hi_x = one.ex_x = x;
  one.ex_got = got, one.ex_want = want;
  m->count++;
  for (;;) {
    int n = m->ncells, i = n;
    uint64_t k = idx >> m->level;
    while (i > 0 && (m->cell[i - 1].lo >> m->level) > k) i--;
    if (i > 0 && (m->cell[i - 1].lo >> m->level) == k) {
      cell_join(&m->cell[i - 1], &one);
      return;
    }
    if (n < ACT_CELLS) {
      memmove(&m->cell[i + 1], &m->cell[i], sizeof(act_cell) * (size_t)(n - i));
      m->cell[i] = one;
      m->ncells++;
      return;
    }
    m->ncells = cells_coarsen(m->cell, n, m->level); /* full: coarser cells, then again */
    m->level++;
  }
}

static void marks_merge(act_marks *into, const act_marks *from) {
  if (!from->count) return;
  act_cell a[2 * ACT_CELLS], b[ACT_CELLS];
  int na = into->ncells, nb = from->ncells, la = into->level, lb = from->level;
  memcpy(a, into->cell, sizeof(act_cell) * (size_t)na);
  memcpy(b, from->cell, sizeof(act_cell) * (size_t)nb);
  for (; la < lb; la++) na = cells_coarsen(a, na, la);
  for (; lb < la; lb++) nb = cells_coarsen(b, nb, lb);
  /* the union, in order: a's cells then b's, sorted by key (stable) */
  act_cell u[2 * ACT_CELLS];
  int i = 0, j = 0, n = 0;
  while (i < na || j < nb) {
    uint64_t ka = i < na ? a[i].lo >> la : UINT64_MAX, kb = j < nb ? b[j].lo >> la : UINT64_MAX;
    if (i < na && ka <= kb) {
      u[n] = a[i++];
      if (j < nb && kb == ka) cell_join(&u[n], &b[j++]);
    } else {
      u[n] = b[j++];
    }
    n++;
  }
  while (n > ACT_CELLS) n = cells_coarsen(u, n, la++);
  memcpy(into->cell, u, sizeof(act_cell) * (size_t)n);
  into->ncells = n;
  into->level = la;
  into->count += from->count;
}

int act_marks_intervals(const act_marks *m, act_interval *out) {
  int n = 0;
  for (int i = 0; i < m->ncells; i++) {
    const act_cell *c = &m->cell[i];
    int solid = c->count == c->hi - c->lo + 1;
    act_interval *p = n ? &out[n - 1] : NULL;
    /* a cell next to the one before it (adjacent keys) continues its
     * interval: exactly when both are runs and they touch, else coalesced */
    if (p && (c->lo >> m->level) == (m->cell[i - 1].lo >> m->level) + 1) {
      p->coalesced |= !solid || c->lo != m->cell[i - 1].hi + 1;
      p->hi = c->hi_x;
      p->count += c->count;
      if (c->ex_err > p->ex_err)
        p->ex_x = c->ex_x, p->ex_got = c->ex_got, p->ex_want = c->ex_want, p->ex_err = c->ex_err;
      continue;
    }
    out[n++] = (act_interval){c->lo_x,   c->hi_x,    c->count,  c->ex_x,
                              c->ex_got, c->ex_want, c->ex_err, !solid};
  }
  return n;
}

static void take_max(act_acc_stats *s, double e, uint64_t idx, float x, float got, float want) {
  if (e > s->max_ulp || (e == s->max_ulp && idx < s->max_idx)) {
    s->max_ulp = e;
    s->max_idx = idx;
    s->max_x = x;
    s->max_got = got;
    s->max_want = want;
  }
}

static void take_core_max(act_acc_stats *s, double e, uint64_t idx, float x, float got,
                          float want) {
  if (e > s->core_max || (e == s->core_max && idx < s->core_max_idx)) {
    s->core_max = e;
    s->core_max_idx = idx;
    s->core_max_x = x;
    s->core_max_got = got;
    s->core_max_want = want;
  }
}

static int same_value(float a, float b) {
  return a == b; /* zeros of either sign equal; NaN equals nothing */
}

/* What went wrong in kind with a result that is not correctly rounded (the
 * first kind of accuracy.h's list that applies), -1 for none. */
int act_acc_kink_convention(const act_acc_ctx *c, float x, float got) {
  for (int k = 0; k < c->n_kinks; k++)
    if (x == c->kink_x[k]) return got == c->kink_side[k][0] || got == c->kink_side[k][1];
  return 0;
}

int act_acc_mark_kind(const act_acc_ctx *c, float x, float got, const act_ref *ref,
                      double least_normal) {
  float rn = ref->rn;
  if (isnan(x) || isnan(rn)) return -1;
  if (act_acc_kink_convention(c, x, got)) return ACT_MARK_KINK;
  if (isnan(got)) return ACT_MARK_NAN;
  if (isinf(got) || isinf(rn)) return ACT_MARK_INF;
  if (got == 0 && rn == 0) return ACT_MARK_ZERO_SIGN; /* not CR: the other sign */
  float ax = fabsf(x);
  if (ax != 0 && (double)ax < c->sub_below) {
    float z = signbit(x) ? c->zero_neg : c->zero_pos;
    if (same_value(got, z) && !same_value(rn, z)) return ACT_MARK_FLUSHED_IN;
  }
  if (got == 0) return act_ref_core_value(ref, least_normal) ? ACT_MARK_PREMATURE : ACT_MARK_FLUSH;
  float lim = x < 0 ? c->lim_neg : c->lim_pos;
  if (same_value(got, lim)) return ACT_MARK_PREMATURE;
  return -1;
}

void act_acc_stats_add_one(act_acc_stats *s, float x, float got, const act_ref *ref, uint64_t idx) {
  act_acc_stats_add_one_fmt(s, x, got, ref, idx, &act_binary32);
}

void act_acc_stats_add_one_fmt(act_acc_stats *s, float x, float got, const act_ref *ref,
                               uint64_t idx, const act_format *fmt) {
  s->inputs++;
  double err;
  int r = act_ulp_error((double)got, ref, fmt, &err);
  /* an exact zero has no sign to round to: either zero is right */
  int cr = same_bits_or_nan(got, ref->rn) || (ref->exact_zero && got == 0);
  s->cr += (size_t)cr;
  act_binade_stats *b = s->binade ? &s->binade[act_binade_of(act_float_bits(x))] : NULL;
  if (b) b->count++, b->cr += (uint64_t)cr;
  double ln = act_least_normal(fmt);
  int core = act_core_input(x, &s->ctx) && act_ref_core_value(ref, ln);
  s->core_inputs += (size_t)core;
  int kind = cr ? -1 : act_acc_mark_kind(&s->ctx, x, got, ref, ln);
  if (kind == ACT_MARK_KINK) err = 0; /* another convention at a kink: not an error */
  if (kind >= 0) marks_add(&s->marks[kind], idx, x, r == ACT_ULP_OK ? err : 0, got, ref->rn);
  int claimed = !isnan(s->ctx.claim);
  if (r == ACT_ULP_SPECIAL_FAIL) {
    s->special_fail++;
    if (isnan(x)) s->nan_in_fail++;
    if (!isnan(x) && isnan(got)) s->nan_out_fail++;
    /* a failure of the claim unless the flags excuse it (NaN inputs are
     * counted by act_acc_exceeding) */
    if (claimed && !isnan(x) && !(isnan(got) && s->ctx.excuse_nan_out))
      marks_add(&s->marks[ACT_MARK_EXCEEDS], idx, x, INFINITY, got, ref->rn);
    return;
  }
  s->finite++;
  if (r == ACT_ULP_MATCH_SPECIAL) err = 0; /* NaN for NaN, the right infinity */
  act_xsum_add(&s->sum, err);
  s->hist[act_hist_bin(err)]++;
  if (err > 1.0) s->gt1++;
  take_max(s, err, idx, x, got, ref->rn);
  if (core) {
    s->core_finite++;
    act_xsum_add(&s->core_sum, err);
    take_core_max(s, err, idx, x, got, ref->rn);
  }
  if (claimed && err > s->ctx.claim)
    marks_add(&s->marks[ACT_MARK_EXCEEDS], idx, x, err, got, ref->rn);
  if (!cr) {
    act_worst w;
    memset(&w, 0, sizeof w); /* the padding too: packed statistics are the same bytes */
    w.ulp = err, w.idx = idx, w.x = x, w.got = got, w.want = ref->rn;
    worst_insert(s, &w);
  }
  if (b) {
    act_xsum_add(&b->sum, err);
    if (err > b->max_ulp) b->max_ulp = err;
  }
  if (r == ACT_ULP_MATCH_SPECIAL) return;
  double g = isinf(got) ? copysign(act_pow2(fmt->emax + 1), (double)got) : (double)got;
  double abs_err = fabs((g - ref->hi) - ref->lo);
  if (abs_err > s->max_abs) s->max_abs = abs_err;
  if (fabs(ref->hi) >= act_pow2(fmt->emin_sub + fmt->p - 1)) { /* the least normal */
    double rel = abs_err / fabs(ref->hi);
    if (rel > s->max_rel) s->max_rel = rel;
  }
  int bi = act_acc_stats_bin(s, x);
  if (bi >= 0 && err > s->bin_max[bi]) s->bin_max[bi] = err;
}

/* The results a fast pass found not correctly rounded (the inputs list[0..m),
 * in order), all of them as act_acc_stats_add_one would count them, in
 * binary32.  Most are ordinary: a finite result, not zero, not the limit, of
 * a finite exact value within the format, for an input the kernel does not
 * flush, within the claim, with an error below 2^10 ulp; for those add_one
 * would mark nothing, and what it adds is summed here, with the reciprocal
 * of the reference's ulp given (rulp[i] = 1 / act_ulp(hi, lo), any value
 * where the reference is not finite: an ulp is a power of two, so that |d|
 * rulp[i] is |d| / ulp to the bit) and x's ulp_vs_x bin (bin[i],
 * act_acc_stats_bin).  Everything else goes through add_one, in order: the
 * marks see the same inputs in the same order; the rest merges in any order
 * (this file's header), so the statistics are add_one's to the bit (the
 * tests compare both paths: ACTBENCH_SWEEP_SLOWPATH, and this file's two
 * copies: ACTBENCH_SWEEP_ISA). */
static inline uint32_t fbits(float v) {
  uint32_t u;
  memcpy(&u, &v, sizeof u);
  return u;
}

/* the ordinary results' sums, counts and maxima, added to the statistics
 * once at the end: a quantized error is below 2^50 (errors below 2^10 ulp),
 * so a block's sum of them fits 64 bits */
typedef struct {
  uint64_t n_ord, n_gt1, n_core, qs, cqs;
  double mx, cmx, ma, mr;
  size_t mi, cmi; /* the first inputs where mx and cmx are reached */
} rest_acc;

/* what an ordinary result adds beyond rest_acc's sums: the histogram, the
 * worst list, the binades (bb == NULL: one per input) and the ulp_vs_x bins */
static inline void rest_each_hb(act_acc_stats *s, double err, int hb, int maybe_worst, size_t i,
                                uint64_t idx0, float xi, float g, float rn, int bi,
                                act_binade_stats *bb) {
  s->hist[hb]++;
  if (maybe_worst &&
      (s->nworst < ACT_WORST_K || worse(err, idx0 + i, &s->worst[ACT_WORST_K - 1]))) {
    act_worst w;
    memset(&w, 0, sizeof w); /* the padding too: packed statistics are the same bytes */
    w.ulp = err, w.idx = idx0 + i, w.x = xi, w.got = g, w.want = rn;
    worst_insert(s, &w);
  }
  if (!bb && s->binade) {
    act_binade_stats *b = &s->binade[act_binade_of(fbits(xi))];
    b->count++;
    act_xsum_add(&b->sum, err);
    if (err > b->max_ulp) b->max_ulp = err;
  }
  if (bi >= 0 && err > s->bin_max[bi]) s->bin_max[bi] = err;
}
/* hb: the histogram's bin of err; maybe_worst: 0 where err is known to be
 * below the worst list's last entry (a full list) */
static inline void rest_each(act_acc_stats *s, double err, size_t i, uint64_t idx0, float xi,
                             float g, float rn, int bi, act_binade_stats *bb) {
  rest_each_hb(s, err, act_hist_bin(err), 1, i, idx0, xi, g, rn, bi, bb);
}

/* rest_each for the ordinary lanes (the bits of k) of a vector step over
 * the entries list[0..]: their errors in ev; their histogram bins in hv
 * (NULL: act_hist_bin's), and in wk the lanes that may enter the worst list */
static inline void rest_lanes(act_acc_stats *s, const double *ev, const long long *hv, unsigned wk,
                              unsigned k, const uint32_t *list, uint64_t idx0, const float *x,
                              const float *got, const act_ref *ref, const int *bin,
                              act_binade_stats *bb) {
  for (unsigned b = k; b; b &= b - 1) {
    unsigned l = (unsigned)__builtin_ctz(b);
    size_t i = list[l];
    rest_each_hb(s, ev[l], hv ? (int)hv[l] : act_hist_bin(ev[l]), (int)(wk >> l & 1), i, idx0, x[i],
                 got[i], ref[i].rn, bin[i], bb);
  }
}

/* an ordinary or zero result's counts and maxima (rest_one); q: its
 * quantized error for the core's sum (zero results add theirs at once) */
static inline void rest_max(act_acc_stats *s, rest_acc *a, double err, double d, size_t i,
                            uint64_t idx0, float xi, float g, float rn, const act_ref *r, int bi,
                            act_binade_stats *bb, uint64_t q, int core) {
  const double ln = 0x1p-126;
  a->n_gt1 += err > 1.0;
  if (err > a->mx || (err == a->mx && i < a->mi)) a->mx = err, a->mi = i;
  if (core) {
    a->n_core++;
    a->cqs += q;
    if (err > a->cmx || (err == a->cmx && i < a->cmi)) a->cmx = err, a->cmi = i;
  }
  double abs_err = fabs(d);
  if (abs_err > a->ma) a->ma = abs_err;
  if (fabs(r->hi) >= ln) {
    double rel = abs_err / fabs(r->hi);
    if (rel > a->mr) a->mr = rel;
  }
  rest_each(s, err, i, idx0, xi, g, rn, bi, bb);
}

/* list[j] through add_one, or into a as an ordinary result */
static inline void rest_one(act_acc_stats *s, rest_acc *a, const float *x, const float *got,
                            const act_ref *ref, const double *rulp, const int *bin, size_t i,
                            uint64_t idx0, act_binade_stats *bb) {
  const act_acc_ctx *c = &s->ctx;
  const double ln = 0x1p-126; /* binary32's least normal */
  const act_ref *r = &ref[i];
  float g = got[i], xi = x[i], rn = r->rn;
  float ax = fabsf(xi), lim = xi < 0 ? c->lim_neg : c->lim_pos;
  uint32_t gb = fbits(g), rb = fbits(rn);
  int ordinary = r->cls == ACT_REF_FINITE && (rb & 0x7f800000u) != 0x7f800000u &&
                 (gb & 0x7f800000u) != 0x7f800000u && !isnan(xi) && g != 0 && g != lim &&
                 !(ax != 0 && (double)ax < c->sub_below);
  double d = 0, err = 0;
  if (ordinary) {
    /* act_ulp_error's arithmetic, the same operations */
    d = ((double)g - r->hi) - r->lo;
    err = fabs(d) * rulp[i];
    if ((!isnan(c->claim) && err > c->claim) || !(err < 0x1p10)) ordinary = 0;
  }
  if (!ordinary) {
    /* beside them, the results add_one would mark only as a zero for a
     * nonzero exact value (a premature flush or a flush to zero:
     * act_acc_mark_kind's answer for these inputs) or as above the claim,
     * and those of large errors: marked as add_one marks them, their errors
     * summed exactly at once */
    int plain = r->cls == ACT_REF_FINITE && (rb & 0x7f800000u) != 0x7f800000u &&
                (gb & 0x7f800000u) != 0x7f800000u && !isnan(xi) &&
                !(ax != 0 && (double)ax < c->sub_below) && (g == 0 ? rn != 0 : g != lim) &&
                !act_acc_kink_convention(c, xi, g);
    if (plain) {
      d = ((double)g - r->hi) - r->lo;
      err = fabs(d) * rulp[i];
      if (g == 0)
        marks_add(&s->marks[act_ref_core_value(r, ln) ? ACT_MARK_PREMATURE : ACT_MARK_FLUSH],
                  idx0 + i, xi, err, g, rn);
      if (!isnan(c->claim) && err > c->claim)
        marks_add(&s->marks[ACT_MARK_EXCEEDS], idx0 + i, xi, err, g, rn);
      act_xsum_add(&s->sum, err);
      int core = act_core_input(xi, c) && act_ref_core_value(r, ln);
      if (core) act_xsum_add(&s->core_sum, err);
      if (bb) act_xsum_add(&bb->sum, err);
      a->n_ord++;
      rest_max(s, a, err, d, i, idx0, xi, g, rn, r, bin[i], bb, 0, core);
      return;
    }
    if (isnan(g) && !isnan(xi) && r->cls != ACT_REF_NAN && !isnan(rn)) {
      /* NaN for a number: add_one's special failure, marked NaN */
      s->inputs++;
      if (s->binade) s->binade[act_binade_of(fbits(xi))].count++;
      s->core_inputs += (size_t)(act_core_input(xi, c) && act_ref_core_value(r, ln));
      marks_add(&s->marks[ACT_MARK_NAN], idx0 + i, xi, 0, g, rn);
      s->special_fail++, s->nan_out_fail++;
      if (!isnan(c->claim) && !c->excuse_nan_out)
        marks_add(&s->marks[ACT_MARK_EXCEEDS], idx0 + i, xi, INFINITY, g, rn);
      return;
    }
    act_acc_stats_add_one(s, xi, g, r, idx0 + i);
    return;
  }
  a->n_ord++;
  uint64_t q = act_xsum_q(err);
  a->qs += q;
  rest_max(s, a, err, d, i, idx0, xi, g, rn, r, bin[i], bb, q,
           act_core_input(xi, c) && act_ref_core_value(r, ln));
}

/* the sixteen lanes' worth at a time: eight list entries per step, their
 * references, results and inputs gathered, the ordinary ones summed in
 * vectors (the same operations as rest_one, lane by lane), the others
 * through add_one in order; returns how many entries it took (a multiple of
 * eight) */
__attribute__((target("avx512f,avx512dq"))) static size_t rest_avx512(
    act_acc_stats *s, rest_acc *a, const float *x, const float *got, const act_ref *ref,
    const double *rulp, const int *bin, const uint32_t *list, size_t m, uint64_t idx0,
    act_binade_stats *bb) {
  const act_acc_ctx *c = &s->ctx;
  const __m512d ln = _mm512_set1_pd(0x1p-126), lim1 = _mm512_set1_pd(0x1p10),
                one = _mm512_set1_pd(1.0), sc40 = _mm512_set1_pd(0x1p40),
                subb = _mm512_set1_pd(c->sub_below), zero = _mm512_setzero_pd(),
                limn = _mm512_set1_pd((double)c->lim_neg),
                limp = _mm512_set1_pd((double)c->lim_pos),
                claim = _mm512_set1_pd(isnan(c->claim) ? INFINITY : c->claim);
  const __m512i absd = _mm512_set1_epi64(0x7fffffffffffffffll);
  const __m256i expm = _mm256_set1_epi32(0x7f800000), absf = _mm256_set1_epi32(0x7fffffff);
  __m512i vqs = _mm512_setzero_si512(), vcqs = vqs;
  __m512d vmx = _mm512_set1_pd(-1), vcmx = vmx, vma = zero, vmr = zero;
  __m512i vmi = _mm512_set1_epi64(-1), vcmi = vmi;
  uint64_t n_ord = 0, n_gt1 = 0, n_core = 0;
  size_t j = 0;
  for (; j + 8 <= m; j += 8) {
    __m512i ii = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(list + j)));
    __m512i i3 = _mm512_add_epi64(_mm512_slli_epi64(ii, 1), ii); /* 3 i: act_ref is 3 doubles */
    __m512d hi = _mm512_i64gather_pd(i3, (const double *)ref, 8);
    __m512d lo =
        _mm512_i64gather_pd(_mm512_add_epi64(i3, _mm512_set1_epi64(1)), (const double *)ref, 8);
    __m512i i6 = _mm512_slli_epi64(i3, 1); /* 6 i: in 4-byte units */
    __m256i rb = _mm512_i64gather_epi32(_mm512_add_epi64(i6, _mm512_set1_epi64(4)), ref, 4);
    __m256i meta = _mm512_i64gather_epi32(_mm512_add_epi64(i6, _mm512_set1_epi64(5)), ref, 4);
    __m256i gb = _mm512_i64gather_epi32(ii, got, 4);
    __m256i xb = _mm512_i64gather_epi32(ii, x, 4);
    __m512d ru = _mm512_i64gather_pd(ii, rulp, 8);
    __m512d gd = _mm512_cvtps_pd(_mm256_castsi256_ps(gb));
    __m512d xd = _mm512_cvtps_pd(_mm256_castsi256_ps(xb));
    __m512d axd = _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(xd), absd));
    /* the ordinary lanes (the conditions of rest_one, in 32-bit lanes
     * widened to the mask of 8) */
    __m256i cls = _mm256_and_si256(meta, _mm256_set1_epi32(0xff));
    __m256i ez = _mm256_and_si256(meta, _mm256_set1_epi32(0xff00));
    __m256i bad32 = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi32(_mm256_and_si256(rb, expm), expm),
                        _mm256_cmpeq_epi32(_mm256_and_si256(gb, expm), expm)),
        _mm256_or_si256(_mm256_cmpgt_epi32(_mm256_and_si256(xb, absf), expm),
                        _mm256_cmpeq_epi32(_mm256_and_si256(gb, absf), _mm256_setzero_si256())));
    bad32 = _mm256_or_si256(bad32, _mm256_xor_si256(_mm256_cmpeq_epi32(cls, _mm256_setzero_si256()),
                                                    _mm256_set1_epi32(-1)));
    __mmask8 k = (__mmask8)~_mm256_movemask_ps(_mm256_castsi256_ps(bad32));
    __mmask8 neg = _mm512_cmp_pd_mask(xd, zero, _CMP_LT_OQ);
    __m512d lim = _mm512_mask_blend_pd(neg, limp, limn);
    k &= (__mmask8)~_mm512_cmp_pd_mask(gd, lim, _CMP_EQ_OQ);
    k &= (__mmask8) ~(_mm512_cmp_pd_mask(axd, zero, _CMP_NEQ_OQ) &
                      _mm512_cmp_pd_mask(axd, subb, _CMP_LT_OQ));
    __m512d dd = _mm512_sub_pd(_mm512_sub_pd(gd, hi), lo);
    __m512d ad = _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(dd), absd));
    __m512d err = _mm512_mul_pd(ad, ru);
    k &= _mm512_cmp_pd_mask(err, claim, _CMP_LE_OQ) & _mm512_cmp_pd_mask(err, lim1, _CMP_LT_OQ);
    unsigned other = (unsigned)(__mmask8)~k;
    while (other) { /* in order: the marks see them as add_one would */
      size_t i = list[j + (size_t)__builtin_ctz(other)];
      rest_one(s, a, x, got, ref, rulp, bin, i, idx0, bb);
      other &= other - 1;
    }
    if (!k) continue;
    n_ord += (uint64_t)__builtin_popcount(k);
    __m512i q = _mm512_cvtpd_epu64(_mm512_mul_pd(err, sc40)); /* to nearest even: act_rint */
    vqs = _mm512_mask_add_epi64(vqs, k, vqs, q);
    n_gt1 += (uint64_t)__builtin_popcount(_mm512_mask_cmp_pd_mask(k, err, one, _CMP_GT_OQ));
    __mmask8 up = _mm512_mask_cmp_pd_mask(k, err, vmx, _CMP_GT_OQ); /* first wins a tie */
    vmx = _mm512_mask_mov_pd(vmx, up, err), vmi = _mm512_mask_mov_epi64(vmi, up, ii);
    /* the core: x finite (ordinary lanes are not flushed) and an exact zero
     * or a value at least the least normal */
    __m512d ahi = _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(hi), absd));
    __mmask8 ezk = (__mmask8)_mm256_movemask_ps(_mm256_castsi256_ps(
        _mm256_xor_si256(_mm256_cmpeq_epi32(ez, _mm256_setzero_si256()), _mm256_set1_epi32(-1))));
    __mmask8 same_sign = (__mmask8)~_mm512_movepi64_mask(
        _mm512_xor_si512(_mm512_castpd_si512(lo), _mm512_castpd_si512(hi)));
    __mmask8 at_ln = _mm512_cmp_pd_mask(ahi, ln, _CMP_EQ_OQ) &
                     (_mm512_cmp_pd_mask(lo, zero, _CMP_EQ_OQ) | same_sign);
    __mmask8 ck = k & _mm512_cmp_pd_mask(axd, _mm512_set1_pd(0x1.fffffep+127), _CMP_LE_OQ) &
                  (ezk | _mm512_cmp_pd_mask(ahi, ln, _CMP_GT_OQ) | at_ln);
    n_core += (uint64_t)__builtin_popcount(ck);
    vcqs = _mm512_mask_add_epi64(vcqs, ck, vcqs, q);
    __mmask8 cup = _mm512_mask_cmp_pd_mask(ck, err, vcmx, _CMP_GT_OQ);
    vcmx = _mm512_mask_mov_pd(vcmx, cup, err), vcmi = _mm512_mask_mov_epi64(vcmi, cup, ii);
    vma = _mm512_mask_max_pd(vma, k, vma, ad);
    __mmask8 rk = k & _mm512_cmp_pd_mask(ahi, ln, _CMP_GE_OQ);
    vmr = _mm512_mask_max_pd(vmr, rk, vmr, _mm512_maskz_div_pd(rk, ad, ahi));
    double ev[8];
    _mm512_storeu_pd(ev, err);
    rest_lanes(s, ev, NULL, ~0u, k, list + j, idx0, x, got, ref, bin, bb);
  }
  /* the lanes into a (maxima: the lowest input among equal ones) */
  a->n_ord += n_ord, a->n_gt1 += n_gt1, a->n_core += n_core;
  a->qs += (uint64_t)_mm512_reduce_add_epi64(vqs);
  a->cqs += (uint64_t)_mm512_reduce_add_epi64(vcqs);
  double mv[8], cv[8];
  long long mvi[8], cvi[8];
  _mm512_storeu_pd(mv, vmx), _mm512_storeu_pd(cv, vcmx);
  _mm512_storeu_si512(mvi, vmi), _mm512_storeu_si512(cvi, vcmi);
  for (int l = 0; l < 8; l++) {
    if (mvi[l] >= 0 && (mv[l] > a->mx || (mv[l] == a->mx && (size_t)mvi[l] < a->mi)))
      a->mx = mv[l], a->mi = (size_t)mvi[l];
    if (cvi[l] >= 0 && (cv[l] > a->cmx || (cv[l] == a->cmx && (size_t)cvi[l] < a->cmi)))
      a->cmx = cv[l], a->cmi = (size_t)cvi[l];
  }
  double t = _mm512_reduce_max_pd(vma);
  if (t > a->ma) a->ma = t;
  t = _mm512_reduce_max_pd(vmr);
  if (t > a->mr) a->mr = t;
  return j;
}

/* rest_avx512's work four entries at a time, for machines with AVX2 only
 * (the same operations lane by lane: the magic-number rounding of 2^52 is
 * act_rint's, the masked maxima are blends) */
__attribute__((target("avx2,fma"))) static size_t rest_avx2(act_acc_stats *s, rest_acc *a,
                                                            const float *x, const float *got,
                                                            const act_ref *ref, const double *rulp,
                                                            const int *bin, const uint32_t *list,
                                                            size_t m, uint64_t idx0,
                                                            act_binade_stats *bb) {
  const act_acc_ctx *c = &s->ctx;
  const __m256d ln = _mm256_set1_pd(0x1p-126), lim1 = _mm256_set1_pd(0x1p10),
                one = _mm256_set1_pd(1.0), sc40 = _mm256_set1_pd(0x1p40),
                two52 = _mm256_set1_pd(0x1p52), subb = _mm256_set1_pd(c->sub_below),
                zero = _mm256_setzero_pd(), limn = _mm256_set1_pd((double)c->lim_neg),
                limp = _mm256_set1_pd((double)c->lim_pos),
                claim = _mm256_set1_pd(isnan(c->claim) ? INFINITY : c->claim),
                fmax = _mm256_set1_pd(0x1.fffffep+127);
  const __m256i absd = _mm256_set1_epi64x(0x7fffffffffffffffll);
  const __m128i expm = _mm_set1_epi32(0x7f800000), absf = _mm_set1_epi32(0x7fffffff),
                z32 = _mm_setzero_si128(), ones32 = _mm_set1_epi32(-1);
  __m256i vqs = _mm256_setzero_si256(), vcqs = vqs;
  __m256d vmx = _mm256_set1_pd(-1), vcmx = vmx, vma = zero, vmr = zero;
  __m256i vmi = _mm256_set1_epi64x(-1), vcmi = vmi;
  uint64_t n_ord = 0, n_gt1 = 0, n_core = 0;
  size_t j = 0;
  for (; j + 4 <= m; j += 4) {
    /* plain loads, not gathers (slow on some AVX2 machines) */
    size_t i0 = list[j], i1 = list[j + 1], i2 = list[j + 2], i3 = list[j + 3];
    const act_ref *r0 = ref + i0, *r1 = ref + i1, *r2 = ref + i2, *r3 = ref + i3;
    __m256i ii = _mm256_setr_epi64x((long long)i0, (long long)i1, (long long)i2, (long long)i3);
    __m256d hi = _mm256_setr_pd(r0->hi, r1->hi, r2->hi, r3->hi);
    __m256d lo = _mm256_setr_pd(r0->lo, r1->lo, r2->lo, r3->lo);
    __m128i rb = _mm_castps_si128(_mm_setr_ps(r0->rn, r1->rn, r2->rn, r3->rn));
    __m128i meta = _mm_setr_epi32(r0->cls | r0->exact_zero << 8, r1->cls | r1->exact_zero << 8,
                                  r2->cls | r2->exact_zero << 8, r3->cls | r3->exact_zero << 8);
    __m128i gb = _mm_castps_si128(_mm_setr_ps(got[i0], got[i1], got[i2], got[i3]));
    __m128i xb = _mm_castps_si128(_mm_setr_ps(x[i0], x[i1], x[i2], x[i3]));
    __m256d ru = _mm256_setr_pd(rulp[i0], rulp[i1], rulp[i2], rulp[i3]);
    __m256d gd = _mm256_cvtps_pd(_mm_castsi128_ps(gb));
    __m256d xd = _mm256_cvtps_pd(_mm_castsi128_ps(xb));
    __m256d axd = _mm256_and_pd(xd, _mm256_castsi256_pd(absd));
    /* the ordinary lanes: rest_avx512's conditions */
    __m128i cls = _mm_and_si128(meta, _mm_set1_epi32(0xff));
    __m128i ez = _mm_and_si128(meta, _mm_set1_epi32(0xff00));
    __m128i bad32 = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi32(_mm_and_si128(rb, expm), expm),
                                              _mm_cmpeq_epi32(_mm_and_si128(gb, expm), expm)),
                                 _mm_or_si128(_mm_cmpgt_epi32(_mm_and_si128(xb, absf), expm),
                                              _mm_cmpeq_epi32(_mm_and_si128(gb, absf), z32)));
    bad32 = _mm_or_si128(bad32, _mm_xor_si128(_mm_cmpeq_epi32(cls, z32), ones32));
    unsigned k = ~(unsigned)_mm_movemask_ps(_mm_castsi128_ps(bad32)) & 15u;
    __m256d neg = _mm256_cmp_pd(xd, zero, _CMP_LT_OQ);
    __m256d lim = _mm256_blendv_pd(limp, limn, neg);
    k &= ~(unsigned)_mm256_movemask_pd(_mm256_cmp_pd(gd, lim, _CMP_EQ_OQ));
    k &= ~(unsigned)_mm256_movemask_pd(
        _mm256_and_pd(_mm256_cmp_pd(axd, zero, _CMP_NEQ_OQ), _mm256_cmp_pd(axd, subb, _CMP_LT_OQ)));
    __m256d dd = _mm256_sub_pd(_mm256_sub_pd(gd, hi), lo);
    __m256d ad = _mm256_and_pd(dd, _mm256_castsi256_pd(absd));
    __m256d err = _mm256_mul_pd(ad, ru);
    k &= (unsigned)_mm256_movemask_pd(
        _mm256_and_pd(_mm256_cmp_pd(err, claim, _CMP_LE_OQ), _mm256_cmp_pd(err, lim1, _CMP_LT_OQ)));
    unsigned other = ~k & 15u;
    while (other) { /* in order: the marks see them as add_one would */
      size_t i = list[j + (size_t)__builtin_ctz(other)];
      rest_one(s, a, x, got, ref, rulp, bin, i, idx0, bb);
      other &= other - 1;
    }
    if (!k) continue;
    static const long long lanes[16][4] = {
        {0, 0, 0, 0},   {-1, 0, 0, 0},   {0, -1, 0, 0},   {-1, -1, 0, 0},
        {0, 0, -1, 0},  {-1, 0, -1, 0},  {0, -1, -1, 0},  {-1, -1, -1, 0},
        {0, 0, 0, -1},  {-1, 0, 0, -1},  {0, -1, 0, -1},  {-1, -1, 0, -1},
        {0, 0, -1, -1}, {-1, 0, -1, -1}, {0, -1, -1, -1}, {-1, -1, -1, -1}};
    __m256i km = _mm256_loadu_si256((const __m256i *)lanes[k]);
    __m256d kd = _mm256_castsi256_pd(km);
    n_ord += (uint64_t)__builtin_popcount(k);
    /* act_rint(err 2^40): err < 2^10, so err 2^40 + 2^52 has an ulp of 1 */
    __m256i q =
        _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(_mm256_mul_pd(err, sc40), two52)),
                         _mm256_castpd_si256(two52));
    vqs = _mm256_add_epi64(vqs, _mm256_and_si256(q, km));
    n_gt1 += (uint64_t)__builtin_popcount(
        k & (unsigned)_mm256_movemask_pd(_mm256_cmp_pd(err, one, _CMP_GT_OQ)));
    __m256d up = _mm256_and_pd(kd, _mm256_cmp_pd(err, vmx, _CMP_GT_OQ)); /* first wins a tie */
    vmx = _mm256_blendv_pd(vmx, err, up);
    vmi = _mm256_castpd_si256(
        _mm256_blendv_pd(_mm256_castsi256_pd(vmi), _mm256_castsi256_pd(ii), up));
    /* the core: x finite and an exact zero or a value at least the least normal */
    __m256d ahi = _mm256_and_pd(hi, _mm256_castsi256_pd(absd));
    __m256d ezk =
        _mm256_castsi256_pd(_mm256_cvtepi32_epi64(_mm_xor_si128(_mm_cmpeq_epi32(ez, z32), ones32)));
    __m256d same_sign = _mm256_castsi256_pd(
        _mm256_cmpgt_epi64(_mm256_xor_si256(_mm256_castpd_si256(lo), _mm256_castpd_si256(hi)),
                           _mm256_set1_epi64x(-1)));
    __m256d at_ln = _mm256_and_pd(_mm256_cmp_pd(ahi, ln, _CMP_EQ_OQ),
                                  _mm256_or_pd(_mm256_cmp_pd(lo, zero, _CMP_EQ_OQ), same_sign));
    __m256d ck =
        _mm256_and_pd(_mm256_and_pd(kd, _mm256_cmp_pd(axd, fmax, _CMP_LE_OQ)),
                      _mm256_or_pd(_mm256_or_pd(ezk, _mm256_cmp_pd(ahi, ln, _CMP_GT_OQ)), at_ln));
    n_core += (uint64_t)__builtin_popcount((unsigned)_mm256_movemask_pd(ck));
    vcqs = _mm256_add_epi64(vcqs, _mm256_and_si256(q, _mm256_castpd_si256(ck)));
    __m256d cup = _mm256_and_pd(ck, _mm256_cmp_pd(err, vcmx, _CMP_GT_OQ));
    vcmx = _mm256_blendv_pd(vcmx, err, cup);
    vcmi = _mm256_castpd_si256(
        _mm256_blendv_pd(_mm256_castsi256_pd(vcmi), _mm256_castsi256_pd(ii), cup));
    vma = _mm256_blendv_pd(vma, _mm256_max_pd(vma, ad), kd);
    __m256d rk = _mm256_and_pd(kd, _mm256_cmp_pd(ahi, ln, _CMP_GE_OQ));
    vmr = _mm256_blendv_pd(vmr, _mm256_max_pd(vmr, _mm256_div_pd(ad, ahi)), rk);
    /* rest_each's per-lane work with act_hist_bin's bin from the bits (err
     * < 2^10 here: bin = max(E + 2 - [mantissa 0], 0), E = err's exponent)
     * and the worst list looked at only where err reaches its last entry */
    double ev[4];
    long long hv[4];
    _mm256_storeu_pd(ev, err);
    __m256i eb = _mm256_castpd_si256(err), z = _mm256_setzero_si256();
    __m256i hb = _mm256_add_epi64(
        _mm256_sub_epi64(_mm256_srli_epi64(eb, 52), _mm256_set1_epi64x(1021)),
        _mm256_cmpeq_epi64(_mm256_and_si256(eb, _mm256_set1_epi64x(0xfffffffffffffll)), z));
    hb = _mm256_blendv_epi8(hb, z, _mm256_cmpgt_epi64(z, hb));
    _mm256_storeu_si256((__m256i *)hv, hb);
    double wmin = s->nworst < ACT_WORST_K ? -1.0 : s->worst[ACT_WORST_K - 1].ulp;
    unsigned wk =
        (unsigned)_mm256_movemask_pd(_mm256_cmp_pd(err, _mm256_set1_pd(wmin), _CMP_GE_OQ));
    rest_lanes(s, ev, hv, wk, k, list + j, idx0, x, got, ref, bin, bb);
  }
  /* the lanes into a (maxima: the lowest input among equal ones) */
  a->n_ord += n_ord, a->n_gt1 += n_gt1, a->n_core += n_core;
  long long qv[4], cqv[4], mvi[4], cvi[4];
  double mv[4], cv[4], mav[4], mrv[4];
  _mm256_storeu_si256((__m256i *)qv, vqs), _mm256_storeu_si256((__m256i *)cqv, vcqs);
  _mm256_storeu_si256((__m256i *)mvi, vmi), _mm256_storeu_si256((__m256i *)cvi, vcmi);
  _mm256_storeu_pd(mv, vmx), _mm256_storeu_pd(cv, vcmx);
  _mm256_storeu_pd(mav, vma), _mm256_storeu_pd(mrv, vmr);
  for (int l = 0; l < 4; l++) {
    a->qs += (uint64_t)qv[l], a->cqs += (uint64_t)cqv[l];
    if (mvi[l] >= 0 && (mv[l] > a->mx || (mv[l] == a->mx && (size_t)mvi[l] < a->mi)))
      a->mx = mv[l], a->mi = (size_t)mvi[l];
    if (cvi[l] >= 0 && (cv[l] > a->cmx || (cv[l] == a->cmx && (size_t)cvi[l] < a->cmi)))
      a->cmx = cv[l], a->cmi = (size_t)cvi[l];
    if (mav[l] > a->ma) a->ma = mav[l];
    if (mrv[l] > a->mr) a->mr = mrv[l];
  }
  return j;
}

static int g_rest_isa = -1; /* 2: rest_avx512; 1: rest_avx2; 0: rest_one alone */
static int rest_isa(void) {
  if (g_rest_isa < 0) {
    const char *cap = getenv("ACTBENCH_SWEEP_ISA");
    int level = cap && !strcmp(cap, "generic") ? 0 : cap && !strcmp(cap, "avx2") ? 1 : 2;
    __builtin_cpu_init();
    if (level >= 2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq"))
      g_rest_isa = 2;
    else if (level >= 1 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
      g_rest_isa = 1;
    else
      g_rest_isa = 0;
  }
  return g_rest_isa;
}

void act_acc_stats_add_rest(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                            const double *rulp, const int *bin, const uint32_t *list, size_t m,
                            uint64_t idx0, int binade) {
  rest_acc a = {
      .mx = -1, .cmx = -1, .ma = s->max_abs, .mr = s->max_rel, .mi = SIZE_MAX, .cmi = SIZE_MAX};
  act_binade_stats *bb = s->binade && binade >= 0 ? &s->binade[binade] : NULL;
  int isa = rest_isa();
  size_t j = isa == 2   ? rest_avx512(s, &a, x, got, ref, rulp, bin, list, m, idx0, bb)
             : isa == 1 ? rest_avx2(s, &a, x, got, ref, rulp, bin, list, m, idx0, bb)
                        : 0;
  for (; j < m; j++) rest_one(s, &a, x, got, ref, rulp, bin, list[j], idx0, bb);
  if (!a.n_ord) return;
  s->inputs += a.n_ord, s->finite += a.n_ord, s->gt1 += a.n_gt1;
  s->sum.small += a.qs;
  take_max(s, a.mx, idx0 + a.mi, x[a.mi], got[a.mi], ref[a.mi].rn);
  s->core_inputs += a.n_core, s->core_finite += a.n_core;
  s->core_sum.small += a.cqs;
  if (a.n_core) take_core_max(s, a.cmx, idx0 + a.cmi, x[a.cmi], got[a.cmi], ref[a.cmi].rn);
  if (a.ma > s->max_abs) s->max_abs = a.ma;
  if (a.mr > s->max_rel) s->max_rel = a.mr;
  if (bb) { /* the block's ordinary results are all of this binade */
    bb->count += a.n_ord;
    bb->sum.small += a.qs;
    if (a.mx > bb->max_ulp) bb->max_ulp = a.mx;
  }
}

void act_acc_stats_add_idx(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                           size_t n, uint64_t idx0) {
  for (size_t i = 0; i < n; i++) act_acc_stats_add_one(s, x[i], got[i], &ref[i], idx0 + i);
}

void act_acc_stats_add(act_acc_stats *s, const float *x, const float *got, const act_ref *ref,
                       size_t n) {
  act_acc_stats_add_idx(s, x, got, ref, n, s->inputs);
}

void act_acc_stats_merge(act_acc_stats *into, const act_acc_stats *from) {
  into->inputs += from->inputs;
  into->finite += from->finite;
  into->cr += from->cr;
  into->gt1 += from->gt1;
  into->special_fail += from->special_fail;
  into->nan_in_fail += from->nan_in_fail;
  into->nan_out_fail += from->nan_out_fail;
  act_xsum_merge(&into->sum, &from->sum);
  if (from->max_ulp >= 0)
    take_max(into, from->max_ulp, from->max_idx, from->max_x, from->max_got, from->max_want);
  if (from->max_abs > into->max_abs) into->max_abs = from->max_abs;
  if (from->max_rel > into->max_rel) into->max_rel = from->max_rel;
  for (int i = 0; i < ACT_HIST_BINS; i++) into->hist[i] += from->hist[i];
  for (int i = 0; i < from->nworst; i++) worst_insert(into, &from->worst[i]);
  for (int i = 0; i < into->bins && i < from->bins; i++)
    if (from->bin_max[i] > into->bin_max[i]) into->bin_max[i] = from->bin_max[i];
  into->core_inputs += from->core_inputs;
  into->core_finite += from->core_finite;
  act_xsum_merge(&into->core_sum, &from->core_sum);
  if (from->core_max >= 0)
    take_core_max(into, from->core_max, from->core_max_idx, from->core_max_x, from->core_max_got,
                  from->core_max_want);
  for (int k = 0; k < ACT_MARKS; k++) marks_merge(&into->marks[k], &from->marks[k]);
  if (into->binade && from->binade)
    for (int i = 0; i < ACT_BINADES; i++) {
      act_binade_stats *a = &into->binade[i];
      const act_binade_stats *b = &from->binade[i];
      a->count += b->count;
      a->cr += b->cr;
      if (b->max_ulp > a->max_ulp) a->max_ulp = b->max_ulp;
      act_xsum_merge(&a->sum, &b->sum);
    }
}

double act_acc_mean(const act_acc_stats *s) {
  return act_xsum_mean(&s->sum, s->finite);
}

double act_acc_core_mean(const act_acc_stats *s) {
  return act_xsum_mean(&s->core_sum, s->core_finite);
}

void act_acc_stats_set_ctx(act_acc_stats *s, const act_acc_ctx *c) {
  s->ctx = *c;
}

uint64_t act_acc_exceeding(const act_acc_stats *s) {
  if (isnan(s->ctx.claim)) return 0;
  return s->marks[ACT_MARK_EXCEEDS].count + (s->ctx.excuse_nan_in ? 0 : s->nan_in_fail);
}

int act_acc_verdict(const act_acc_stats *s) {
  if (isnan(s->ctx.claim)) return -1;
  return act_acc_exceeding(s) ? 1 : 0;
}

int act_acc_within_impl(const act_acc_stats *s, const act_impl *m, int bwd) {
  double claim = bwd ? m->bwd_ulp : m->fwd_ulp;
  int claims_nan = (m->flags & (bwd ? ACT_NAN_BWD : ACT_NAN_FWD)) != 0;
  if (s->max_ulp > claim) return 0;
  size_t allowed =
      (claims_nan ? 0 : s->nan_in_fail) + ((m->flags & ACT_NAN_SPURIOUS) ? s->nan_out_fail : 0);
  return s->special_fail <= allowed;
}

/* ---- flat form: the struct's plain part, then the variable arrays */
#define PACK_MAGIC 0x32544341u /* "ACT2": with the core and the marks */

size_t act_acc_stats_packed_size(const act_acc_stats *s) {
  return sizeof(uint32_t) * 3 + sizeof *s + (size_t)(s->bins > 0 ? s->bins : 0) * sizeof(double) +
         (s->binade ? ACT_BINADES * sizeof(act_binade_stats) : 0);
}

size_t act_acc_stats_pack(const act_acc_stats *s, unsigned char *buf) {
  unsigned char *p = buf;
  uint32_t hdr[3] = {PACK_MAGIC, (uint32_t)s->bins, s->binade != NULL};
  memcpy(p, hdr, sizeof hdr), p += sizeof hdr;
  memcpy(p, s, sizeof *s), p += sizeof *s; /* the pointers in it are ignored on unpack */
  if (s->bins > 0)
    memcpy(p, s->bin_max, sizeof(double) * (size_t)s->bins), p += sizeof(double) * (size_t)s->bins;
  if (s->binade)
    memcpy(p, s->binade, ACT_BINADES * sizeof *s->binade), p += ACT_BINADES * sizeof *s->binade;
  return (size_t)(p - buf);
}

size_t act_acc_stats_unpack(act_acc_stats *s, const unsigned char *buf, size_t len) {
  uint32_t hdr[3];
  if (len < sizeof hdr + sizeof *s) return 0;
  memcpy(hdr, buf, sizeof hdr);
  if (hdr[0] != PACK_MAGIC || (int)hdr[1] != s->bins || hdr[2] != (s->binade != NULL)) return 0;
  size_t need = act_acc_stats_packed_size(s);
  if (len < need) return 0;
  const unsigned char *p = buf + sizeof hdr;
  double *bm = s->bin_max;
  act_binade_stats *bd = s->binade;
  int bins = s->bins;
  memcpy(s, p, sizeof *s), p += sizeof *s;
  s->bin_max = bm, s->binade = bd;
  /* what indexes arrays must be in range, whatever the bytes said */
  int sane = s->bins == bins && s->nworst >= 0 && s->nworst <= ACT_WORST_K;
  for (int k = 0; k < ACT_MARKS && sane; k++)
    sane = s->marks[k].ncells >= 0 && s->marks[k].ncells <= ACT_CELLS && s->marks[k].level >= 0 &&
           s->marks[k].level < 64;
  if (!sane) {
    s->bins = bins, s->nworst = 0;
    for (int k = 0; k < ACT_MARKS; k++) s->marks[k].ncells = 0, s->marks[k].level = 0;
    return 0;
  }
  if (s->bins > 0)
    memcpy(s->bin_max, p, sizeof(double) * (size_t)s->bins), p += sizeof(double) * (size_t)s->bins;
  if (s->binade)
    memcpy(s->binade, p, ACT_BINADES * sizeof *s->binade), p += ACT_BINADES * sizeof *s->binade;
  return (size_t)(p - buf);
}

void act_acc_stats_fold_cr(act_acc_stats *s, const act_cr_block *c) {
  if (c->n == 0) return;
  s->inputs += c->n;
  s->cr += c->n;
  s->finite += c->n;
  s->sum.small += c->qsum;
  s->hist[0] += c->n;
  if (c->max_e >= 0) take_max(s, c->max_e, c->max_idx, c->max_x, c->max_got, c->max_want);
  if (c->max_abs > s->max_abs) s->max_abs = c->max_abs;
  if (c->max_rel > s->max_rel) s->max_rel = c->max_rel;
  s->core_inputs += c->core_n;
  s->core_finite += c->core_n;
  s->core_sum.small += c->core_qsum;
  if (c->core_max_e >= 0)
    take_core_max(s, c->core_max_e, c->core_max_idx, c->core_max_x, c->core_max_got,
                  c->core_max_want);
  if (c->bin >= 0 && c->bin < s->bins && c->max_e > s->bin_max[c->bin])
    s->bin_max[c->bin] = c->max_e;
  if (s->binade && c->binade >= 0) {
    act_binade_stats *b = &s->binade[c->binade];
    b->count += c->n;
    b->cr += c->n;
    b->sum.small += c->qsum;
    if (c->max_e > b->max_ulp) b->max_ulp = c->max_e;
  }
}
