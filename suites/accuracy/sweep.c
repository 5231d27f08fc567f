/* actbench: the accuracy sweep engine.
 *
 * The domain (an explicit list, or every float of an ordered range and
 * optionally every NaN) is cut into blocks of BLOCK inputs, aligned in the
 * order of floats so that a block never spans two binades.  For each block:
 * the references of f and f' (the screen, screen.c, and MPFR for what it
 * cannot decide; or MPFR for all), once, shared by every implementation;
 * then each implementation's fwd and bwd on the block; then the statistics.
 * Most results are correctly rounded, and those are folded in a
 * vectorizable pass (a count, a quantized sum and maxima); the others go
 * through act_acc_stats_add_one.  Both give exactly what add_one would have
 * given for every input (stats.c), so the statistics do not depend on the
 * path, the order, the threads or the ranks.
 *
 * Blocks are grouped in rounds: OpenMP threads share a round, each with its
 * own statistics, merged at the end of the round.  A checkpoint (the merged
 * statistics and the next round) is written atomically every ckpt_every_s
 * seconds; SIGINT/SIGTERM stop the sweep at the end of the round in flight,
 * whose partial work is dropped, so a rerun resumes without losing or
 * counting twice any input.  Under MPI, rank r takes the rounds r, r + N,
 * ...; at the end rank 0 gathers and merges everyone's statistics. */
#include "sweep.h"

#include <errno.h>
#include <immintrin.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#ifdef ACT_HAVE_MPI
#include <mpi.h>
#endif

#include "util.h"

#define BLOCK 8192
#define ROUND 256 /* blocks per round: 2^21 inputs */

/* ---- signals */
static volatile sig_atomic_t g_stop;
static void on_signal(int sig) {
  (void)sig;
  g_stop = 1;
}
void act_sweep_catch_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  /* SIGHUP too, unless ignored (nohup: the sweep goes on) */
  struct sigaction old;
  if (sigaction(SIGHUP, NULL, &old) == 0 && old.sa_handler != SIG_IGN) sigaction(SIGHUP, &sa, NULL);
}

/* ---- MPI */
static int g_rank = 0, g_size = 1;
#ifdef ACT_HAVE_MPI
static int g_mpi = 0;
#endif
#ifdef ACT_HAVE_MPI
static void mpi_abort(int code) {
  MPI_Abort(MPI_COMM_WORLD, code);
}
#endif

void act_mpi_init(int *argc, char ***argv) {
  (void)argc, (void)argv;
#ifdef ACT_HAVE_MPI
  /* only under a launcher: a plain run stays a single process */
  if (getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMI_SIZE") || getenv("PMIX_RANK")) {
    int provided;
    MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &g_size);
    g_mpi = 1;
    act_die_hook = mpi_abort;
  }
#endif
}
void act_mpi_finalize(void) {
#ifdef ACT_HAVE_MPI
  if (g_mpi) MPI_Finalize();
  g_mpi = 0;
  act_die_hook = NULL;
#endif
}
int act_mpi_rank(void) {
  return g_rank;
}
int act_mpi_size(void) {
  return g_size;
}
int act_mpi_any(int v) {
#ifdef ACT_HAVE_MPI
  if (g_mpi) {
    int out = 0;
    MPI_Allreduce(&v, &out, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    return out;
  }
#endif
  return v != 0;
}

/* ---- the domain */
#define NAN_PER_SIGN ((uint64_t)0x7fffff) /* NaN patterns of one sign */

static uint64_t nord(const act_sweep_cfg *c) {
  return c->list ? 0 : (uint64_t)(c->k1 - c->k0 + 1);
}

uint64_t act_sweep_inputs(const act_sweep_cfg *c) {
  if (c->list) return c->nlist;
  return nord(c) + (c->nans ? 2 * NAN_PER_SIGN : 0);
}

float act_sweep_input(const act_sweep_cfg *c, uint64_t i) {
  if (c->list) return c->list[i];
  uint64_t no = nord(c);
  if (i < no) return act_order_float(c->k0 + (int64_t)i);
  uint64_t j = i - no;
  if (j < NAN_PER_SIGN) return act_bits_float(0x7f800001u + (uint32_t)j);
  return act_bits_float(0xff800001u + (uint32_t)(j - NAN_PER_SIGN));
}

/* Blocks: the ordered part is cut at multiples of BLOCK in float order (so a
 * block stays inside one binade), the NaN part and a list in plain steps. */
typedef struct {
  uint64_t nblocks, nblocks_ord;
  int64_t kbase; /* BLOCK-aligned order at or below k0 */
} blocking;

static blocking make_blocking(const act_sweep_cfg *c) {
  blocking b = {0, 0, 0};
  if (c->list) {
    b.nblocks = (c->nlist + BLOCK - 1) / BLOCK;
    return b;
  }
  int64_t k0 = c->k0;
  b.kbase = k0 >= 0 ? k0 / BLOCK * BLOCK : -((-k0 + BLOCK - 1) / BLOCK) * BLOCK;
  b.nblocks_ord = (uint64_t)((c->k1 - b.kbase) / BLOCK + 1);
  b.nblocks = b.nblocks_ord + (c->nans ? 2 * ((NAN_PER_SIGN + BLOCK - 1) / BLOCK) : 0);
  return b;
}

/* the sweep indices [*i0, *i1) of block b */
static void block_range(const act_sweep_cfg *c, const blocking *bl, uint64_t b, uint64_t *i0,
                        uint64_t *i1) {
  if (c->list) {
    *i0 = b * BLOCK;
    *i1 = *i0 + BLOCK < c->nlist ? *i0 + BLOCK : c->nlist;
    return;
  }
  uint64_t no = nord(c);
  if (b < bl->nblocks_ord) {
    int64_t s = bl->kbase + (int64_t)b * BLOCK, e = s + BLOCK - 1;
    if (s < c->k0) s = c->k0;
    if (e > c->k1) e = c->k1;
    *i0 = (uint64_t)(s - c->k0);
    *i1 = (uint64_t)(e - c->k0) + 1;
    return;
  }
  uint64_t nb = (NAN_PER_SIGN + BLOCK - 1) / BLOCK, j = b - bl->nblocks_ord;
  uint64_t sign = j / nb, k = j % nb;
  uint64_t s = sign * NAN_PER_SIGN + k * BLOCK, e = s + BLOCK;
  if (e > (sign + 1) * NAN_PER_SIGN) e = (sign + 1) * NAN_PER_SIGN;
  *i0 = no + s;
  *i1 = no + e;
}

/* ACTBENCH_SWEEP_SLOWPATH=1 sends every result through act_acc_stats_add_one
 * instead of the fast pass: tests check that both give the same bits */
static int g_slow;

static inline uint32_t fbits(float v) {
  uint32_t u;
  memcpy(&u, &v, sizeof u);
  return u;
}

/* ---- per-thread work */
enum { FL_EZ = 1, FL_RNAN = 2 };

typedef struct {
  uint64_t qsum, mi;
  double mx, ma, mr;
  size_t mpos, ma_pos, mr_pos; /* the first inputs where mx, ma, mr are reached */
  int nruns;
  int *run_bin;
  double *run_max;
  size_t *run_pos;      /* the first input of a run where run_max is reached */
  size_t *run_end;      /* one past a run's last input (it starts after the run before) */
  unsigned char *inbin; /* the input counts in its ulp_vs_x bin */
  /* the core's part: [0] every input of the core, [1] without the
   * subnormal inputs (for a kernel that flushes them) */
  uint64_t core_n[2], core_q[2];
  double core_mx[2];
  size_t core_pos[2];
} block_agg;

typedef struct {
  float *x, *y, *dx, *dy;
  act_ref *rf, *rd;
  uint32_t *eq;
  uint32_t *nc; /* the inputs whose result is not correctly rounded (fold) */
  block_agg agg[2];
  uint32_t *rb[2];
  uint32_t *fl[2];
  double *ecr[2], *acr[2], *rcr[2];
  double *rulp[2]; /* 1 / the reference's ulp (act_ulp) where it is finite */
  uint64_t *q[2];
  unsigned char *core[2]; /* the input and its exact value are in the core */
  unsigned char *sub;     /* the input is subnormal */
  unsigned char *sm;      /* the screen's masks (act_screen_block) */
  int *bin;
  act_acc_stats *fs, *ds;
  uint64_t screened, mpfr;
  double t_screen, t_mpfr, t_kernels, t_stats, *t_impl; /* seconds (act_sweep_result) */
  double *t_blk; /* the implementations' kernel time in the block at hand */
} worker;

/* a thread's clock: what it spent, not the machine's wall (the threads
 * share the cores with whatever else runs).  It is a system call (about
 * half a microsecond), so it is read twice per block only; the parts of a
 * block are timed with the monotonic clock (the vDSO: no system call) and
 * scaled to the block's thread time. */
static double thread_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
static double mono_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* fresh statistics for every implementation; ctx: their contexts (or NULL) */
static void stats_init_all(const act_sweep_cfg *c, act_acc_stats *s, size_t n,
                           const act_acc_ctx *ctx) {
  for (size_t k = 0; k < n; k++) {
    act_acc_stats_init(&s[k], c->bins, c->glo, c->ghi);
    if (c->binades) act_acc_stats_want_binades(&s[k]);
    if (ctx) act_acc_stats_set_ctx(&s[k], &ctx[k]);
  }
}

static void stats_reset_all(const act_sweep_cfg *c, act_acc_stats *s, size_t n,
                            const act_acc_ctx *ctx) {
  for (size_t k = 0; k < n; k++) act_acc_stats_free(&s[k]);
  stats_init_all(c, s, n, ctx);
}

static void worker_init(const act_sweep_cfg *c, worker *w) {
  memset(w, 0, sizeof *w);
  w->x = act_alloc(sizeof(float) * BLOCK);
  w->y = act_alloc(sizeof(float) * BLOCK);
  w->dx = act_alloc(sizeof(float) * BLOCK);
  w->dy = act_alloc(sizeof(float) * BLOCK);
  for (int i = 0; i < BLOCK; i++) w->dy[i] = 1.0f;
  w->rf = act_alloc(sizeof(act_ref) * BLOCK);
  w->rd = act_alloc(sizeof(act_ref) * BLOCK);
  for (int d = 0; d < 2; d++) {
    w->rb[d] = act_alloc(sizeof(uint32_t) * BLOCK);
    w->fl[d] = act_alloc(sizeof(uint32_t) * BLOCK);
    w->ecr[d] = act_alloc(sizeof(double) * BLOCK);
    w->acr[d] = act_alloc(sizeof(double) * BLOCK);
    w->rcr[d] = act_alloc(sizeof(double) * BLOCK);
    w->rulp[d] = act_alloc(sizeof(double) * BLOCK);
    w->q[d] = act_alloc(sizeof(uint64_t) * BLOCK);
    w->core[d] = act_alloc(BLOCK);
  }
  w->sub = act_alloc(BLOCK);
  w->sm = act_alloc(BLOCK);
  w->bin = act_alloc(sizeof(int) * BLOCK);
  w->eq = act_alloc(sizeof(uint32_t) * BLOCK);
  for (int d = 0; d < 2; d++) {
    w->agg[d].run_bin = act_alloc(sizeof(int) * BLOCK);
    w->agg[d].run_max = act_alloc(sizeof(double) * BLOCK);
    w->agg[d].run_pos = act_alloc(sizeof(size_t) * BLOCK);
    w->agg[d].run_end = act_alloc(sizeof(size_t) * BLOCK);
    w->agg[d].inbin = act_alloc(BLOCK);
  }
  w->nc = act_alloc(sizeof(uint32_t) * BLOCK);
  w->fs = calloc(c->nimpl ? c->nimpl : 1, sizeof *w->fs);
  w->ds = calloc(c->nimpl ? c->nimpl : 1, sizeof *w->ds);
  w->t_impl = calloc(c->nimpl ? c->nimpl : 1, sizeof *w->t_impl);
  w->t_blk = calloc(c->nimpl ? c->nimpl : 1, sizeof *w->t_blk);
  if (!w->fs || !w->ds || !w->t_impl || !w->t_blk) act_die("out of memory");
  stats_init_all(c, w->fs, c->nimpl, c->fctx);
  stats_init_all(c, w->ds, c->nimpl, c->dctx);
}

static void worker_free(const act_sweep_cfg *c, worker *w) {
  act_free(w->x), act_free(w->y), act_free(w->dx), act_free(w->dy);
  act_free(w->rf), act_free(w->rd);
  for (int d = 0; d < 2; d++) {
    act_free(w->rb[d]), act_free(w->fl[d]), act_free(w->ecr[d]);
    act_free(w->acr[d]), act_free(w->rcr[d]), act_free(w->q[d]), act_free(w->rulp[d]);
    act_free(w->core[d]);
  }
  act_free(w->sub), act_free(w->sm);
  act_free(w->bin);
  act_free(w->eq);
  for (int d = 0; d < 2; d++)
    act_free(w->agg[d].run_bin), act_free(w->agg[d].run_max), act_free(w->agg[d].run_pos),
        act_free(w->agg[d].run_end), act_free(w->agg[d].inbin);
  act_free(w->nc);
  for (size_t k = 0; k < c->nimpl; k++) {
    act_acc_stats_free(&w->fs[k]);
    act_acc_stats_free(&w->ds[k]);
  }
  free(w->fs);
  free(w->ds);
  free(w->t_impl);
  free(w->t_blk);
}

/* what a correctly rounded result contributes, per input and direction:
 * input i's reference */
static inline void precompute_one(worker *w, int d, const act_ref *ref, size_t i) {
  const act_ref *r = &ref[i];
  w->core[d][i] =
      (unsigned char)(fabsf(w->x[i]) <= 0x1.fffffep+127f && act_ref_core_value(r, 0x1p-126));
  w->rb[d][i] = fbits(r->rn);
  w->fl[d][i] = (uint32_t)((r->exact_zero ? FL_EZ : 0) | (isnan(r->rn) ? FL_RNAN : 0));
  if (i > 0 && w->rb[d][i] == w->rb[d][i - 1] && r->hi == r[-1].hi && r->lo == r[-1].lo &&
      r->cls == r[-1].cls && w->fl[d][i] == w->fl[d][i - 1]) {
    /* the same reference as the input before (a saturated tail) */
    w->ecr[d][i] = w->ecr[d][i - 1], w->q[d][i] = w->q[d][i - 1];
    w->rulp[d][i] = w->rulp[d][i - 1];
    w->acr[d][i] = w->acr[d][i - 1], w->rcr[d][i] = w->rcr[d][i - 1];
    return;
  }
  w->rulp[d][i] = r->cls == ACT_REF_FINITE ? 1.0 / act_ulp(r->hi, r->lo, &act_binary32) : 1.0;
  double e;
  int st;
  if (r->cls == ACT_REF_FINITE && isfinite(r->rn)) {
    /* act_ulp_error's arithmetic (an ulp is a power of two: the product
     * by its reciprocal is the quotient) */
    e = fabs(((double)r->rn - r->hi) - r->lo) * w->rulp[d][i];
    st = ACT_ULP_OK;
  } else {
    st = act_ulp_error((double)r->rn, r, &act_binary32, &e);
  }
  if (st == ACT_ULP_OK) {
    w->ecr[d][i] = e;
    w->q[d][i] = act_xsum_q(e);
    double g = isinf(r->rn) ? copysign(0x1p128, (double)r->rn) : (double)r->rn;
    double ae = fabs((g - r->hi) - r->lo);
    w->acr[d][i] = ae;
    w->rcr[d][i] = fabs(r->hi) >= 0x1p-126 ? ae / fabs(r->hi) : -1;
  } else { /* NaN for NaN, the right infinity: error 0, no abs/rel/bin */
    w->ecr[d][i] = 0;
    w->q[d][i] = 0;
    w->acr[d][i] = -1;
    w->rcr[d][i] = -1;
  }
}

/* precompute_one for eight references at a time: lanes whose reference is
 * a finite value with a finite rounding (all but a few) in vectors, with
 * the same operations (act_ulp's power of two from the exponent of hi, its
 * reciprocal exact), the others through precompute_one; returns how many
 * inputs it took (a multiple of eight) */
__attribute__((target("avx512f,avx512dq"))) static size_t precompute_avx512(worker *w, int d,
                                                                            const act_ref *ref,
                                                                            size_t n) {
  const __m512i i3 = _mm512_setr_epi64(0, 3, 6, 9, 12, 15, 18, 21);
  const __m512i i6 = _mm512_setr_epi64(4, 10, 16, 22, 28, 34, 40, 46); /* rn, in floats */
  const __m512i absd = _mm512_set1_epi64(0x7fffffffffffffffll),
                mant = _mm512_set1_epi64(0xfffffffffffffll);
  const __m256i expm = _mm256_set1_epi32(0x7f800000);
  const __m512d ln = _mm512_set1_pd(0x1p-126), zero = _mm512_setzero_pd(),
                sc40 = _mm512_set1_pd(0x1p40), big = _mm512_set1_pd(0x1p12);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const double *base = (const double *)(ref + i);
    __m512d hi = _mm512_i64gather_pd(i3, base, 8);
    __m512d lo = _mm512_i64gather_pd(_mm512_add_epi64(i3, _mm512_set1_epi64(1)), base, 8);
    __m256i rb = _mm512_i64gather_epi32(i6, base, 4);
    __m256i meta = _mm512_i64gather_epi32(_mm512_add_epi64(i6, _mm512_set1_epi64(1)), base, 4);
    __m256i cls = _mm256_and_si256(meta, _mm256_set1_epi32(0xff));
    __m256i ez32 = _mm256_and_si256(meta, _mm256_set1_epi32(0xff00));
    /* ordinary lanes: a finite reference (cls 0) with a finite rounding */
    __m256i bad = _mm256_or_si256(
        _mm256_cmpeq_epi32(_mm256_and_si256(rb, expm), expm),
        _mm256_xor_si256(_mm256_cmpeq_epi32(cls, _mm256_setzero_si256()), _mm256_set1_epi32(-1)));
    __mmask8 ok = (__mmask8)~_mm256_movemask_ps(_mm256_castsi256_ps(bad));
    __m512d ahi = _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(hi), absd));
    /* act_ulp: 2^k, k = max(e - 24, -149), 2^(e-1) <= |hi| < 2^e, e one
     * less where |hi| is a power of two and lo points inward; 2^-149 for 0 */
    __m512d E = _mm512_getexp_pd(ahi); /* e - 1 */
    __mmask8 pow2 = _mm512_testn_epi64_mask(_mm512_castpd_si512(hi), mant);
    __mmask8 inward =
        _mm512_cmp_pd_mask(lo, zero, _CMP_NEQ_OQ) &
        _mm512_movepi64_mask(_mm512_xor_si512(_mm512_castpd_si512(lo), _mm512_castpd_si512(hi)));
    E = _mm512_mask_sub_pd(E, pow2 & inward, E, _mm512_set1_pd(1.0));
    __m512d k = _mm512_max_pd(_mm512_sub_pd(E, _mm512_set1_pd(23.0)), _mm512_set1_pd(-149.0));
    k = _mm512_mask_mov_pd(k, _mm512_cmp_pd_mask(hi, zero, _CMP_EQ_OQ), _mm512_set1_pd(-149.0));
    __m512d ru = _mm512_scalef_pd(_mm512_set1_pd(1.0), _mm512_sub_pd(zero, k));
    __m512d rn = _mm512_cvtps_pd(_mm256_castsi256_ps(rb));
    __m512d dd = _mm512_sub_pd(_mm512_sub_pd(rn, hi), lo);
    __m512d ae = _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(dd), absd));
    __m512d e = _mm512_mul_pd(ae, ru);
    ok &= _mm512_cmp_pd_mask(e, big, _CMP_LT_OQ);
    __m512i q = _mm512_cvtpd_epu64(_mm512_mul_pd(e, sc40)); /* to nearest even: act_rint */
    __mmask8 nrm = _mm512_cmp_pd_mask(ahi, ln, _CMP_GE_OQ);
    __m512d rel = _mm512_mask_div_pd(_mm512_set1_pd(-1.0), nrm, ae, ahi);
    _mm512_storeu_pd(w->rulp[d] + i, ru);
    _mm512_storeu_pd(w->ecr[d] + i, e);
    _mm512_storeu_si512(w->q[d] + i, q);
    _mm512_storeu_pd(w->acr[d] + i, ae);
    _mm512_storeu_pd(w->rcr[d] + i, rel);
    _mm256_storeu_si256((__m256i *)(w->rb[d] + i), rb);
    /* the flags (rn is finite here: no FL_RNAN) and the core */
    __mmask8 ez = (__mmask8)~_mm256_movemask_ps(
        _mm256_castsi256_ps(_mm256_cmpeq_epi32(ez32, _mm256_setzero_si256())));
    __mmask8 same_sign = (__mmask8)~_mm512_movepi64_mask(
        _mm512_xor_si512(_mm512_castpd_si512(lo), _mm512_castpd_si512(hi)));
    __mmask8 core = ez | _mm512_cmp_pd_mask(ahi, ln, _CMP_GT_OQ) |
                    (_mm512_cmp_pd_mask(ahi, ln, _CMP_EQ_OQ) &
                     (_mm512_cmp_pd_mask(lo, zero, _CMP_EQ_OQ) | same_sign));
    for (int l = 0; l < 8; l++) {
      if (!((ok >> l) & 1)) {
        precompute_one(w, d, ref, i + (size_t)l);
        continue;
      }
      w->fl[d][i + l] = (uint32_t)(((ez >> l) & 1) ? FL_EZ : 0);
      w->core[d][i + l] =
          (unsigned char)(fabsf(w->x[i + l]) <= 0x1.fffffep+127f && ((core >> l) & 1));
    }
  }
  return i;
}

/* precompute_avx512's work four references at a time, for machines with
 * AVX2 only: the same operations (act_ulp's power of two built from the
 * exponent field of hi: for |hi| below 2^-125, a double subnormal included,
 * k is -149 whatever the field says; act_rint by the magic number 2^52,
 * e 2^40 being below 2^52) */
__attribute__((target("avx2,fma"))) static size_t precompute_avx2(worker *w, int d,
                                                                  const act_ref *ref, size_t n) {
  const __m256i absd = _mm256_set1_epi64x(0x7fffffffffffffffll),
                mant = _mm256_set1_epi64x(0xfffffffffffffll);
  const __m128i expm = _mm_set1_epi32(0x7f800000), z32 = _mm_setzero_si128(),
                ones32 = _mm_set1_epi32(-1);
  const __m256d ln = _mm256_set1_pd(0x1p-126), zero = _mm256_setzero_pd(),
                sc40 = _mm256_set1_pd(0x1p40), two52 = _mm256_set1_pd(0x1p52),
                big = _mm256_set1_pd(0x1p12), fmax = _mm256_set1_pd(0x1.fffffep+127);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    /* plain loads, not gathers (slow on some AVX2 machines) */
    const act_ref *r = ref + i;
    __m256d hi = _mm256_setr_pd(r[0].hi, r[1].hi, r[2].hi, r[3].hi);
    __m256d lo = _mm256_setr_pd(r[0].lo, r[1].lo, r[2].lo, r[3].lo);
    __m128i rb = _mm_castps_si128(_mm_setr_ps(r[0].rn, r[1].rn, r[2].rn, r[3].rn));
    __m128i meta = _mm_setr_epi32(r[0].cls | r[0].exact_zero << 8, r[1].cls | r[1].exact_zero << 8,
                                  r[2].cls | r[2].exact_zero << 8, r[3].cls | r[3].exact_zero << 8);
    __m128i cls = _mm_and_si128(meta, _mm_set1_epi32(0xff));
    __m128i ez32 = _mm_and_si128(meta, _mm_set1_epi32(0xff00));
    /* ordinary lanes: a finite reference (cls 0) with a finite rounding */
    __m128i bad = _mm_or_si128(_mm_cmpeq_epi32(_mm_and_si128(rb, expm), expm),
                               _mm_xor_si128(_mm_cmpeq_epi32(cls, z32), ones32));
    unsigned ok = ~(unsigned)_mm_movemask_ps(_mm_castsi128_ps(bad)) & 15u;
    __m256i hb = _mm256_castpd_si256(hi);
    __m256d ahi = _mm256_and_pd(hi, _mm256_castsi256_pd(absd));
    /* act_ulp: 2^k, k = max(e - 24, -149), 2^(e-1) <= |hi| < 2^e, e one
     * less where |hi| is a power of two and lo points inward; 2^-149 for 0 */
    __m256i E = _mm256_sub_epi64(_mm256_srli_epi64(_mm256_castpd_si256(ahi), 52),
                                 _mm256_set1_epi64x(1023)); /* e - 1 */
    __m256i pow2 = _mm256_cmpeq_epi64(_mm256_and_si256(hb, mant), _mm256_setzero_si256());
    __m256i inward = _mm256_and_si256(
        _mm256_castpd_si256(_mm256_cmp_pd(lo, zero, _CMP_NEQ_OQ)),
        _mm256_cmpgt_epi64(_mm256_setzero_si256(), _mm256_xor_si256(_mm256_castpd_si256(lo), hb)));
    E = _mm256_add_epi64(E, _mm256_and_si256(pow2, inward)); /* -1 where both */
    __m256i k = _mm256_sub_epi64(E, _mm256_set1_epi64x(23));
    __m256i kmin = _mm256_set1_epi64x(-149);
    k = _mm256_blendv_epi8(k, kmin, _mm256_cmpgt_epi64(kmin, k));
    k = _mm256_blendv_epi8(k, kmin, _mm256_castpd_si256(_mm256_cmp_pd(hi, zero, _CMP_EQ_OQ)));
    __m256d ru = _mm256_castsi256_pd(
        _mm256_slli_epi64(_mm256_sub_epi64(_mm256_set1_epi64x(1023), k), 52)); /* 2^-k */
    __m256d rn = _mm256_cvtps_pd(_mm_castsi128_ps(rb));
    __m256d dd = _mm256_sub_pd(_mm256_sub_pd(rn, hi), lo);
    __m256d ae = _mm256_and_pd(dd, _mm256_castsi256_pd(absd));
    __m256d e = _mm256_mul_pd(ae, ru);
    ok &= (unsigned)_mm256_movemask_pd(_mm256_cmp_pd(e, big, _CMP_LT_OQ));
    __m256i q = _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(_mm256_mul_pd(e, sc40), two52)),
                                 _mm256_castpd_si256(two52)); /* act_rint(e 2^40) */
    __m256d nrm = _mm256_cmp_pd(ahi, ln, _CMP_GE_OQ);
    __m256d rel = _mm256_blendv_pd(_mm256_set1_pd(-1.0), _mm256_div_pd(ae, ahi), nrm);
    _mm256_storeu_pd(w->rulp[d] + i, ru);
    _mm256_storeu_pd(w->ecr[d] + i, e);
    _mm256_storeu_si256((__m256i *)(w->q[d] + i), q);
    _mm256_storeu_pd(w->acr[d] + i, ae);
    _mm256_storeu_pd(w->rcr[d] + i, rel);
    _mm_storeu_si128((__m128i *)(w->rb[d] + i), rb);
    /* the flags (rn is finite here: no FL_RNAN) and the core */
    __m128i ez = _mm_xor_si128(_mm_cmpeq_epi32(ez32, z32), ones32);
    _mm_storeu_si128((__m128i *)(w->fl[d] + i), _mm_and_si128(ez, _mm_set1_epi32(FL_EZ)));
    __m256d same_sign = _mm256_castsi256_pd(
        _mm256_cmpgt_epi64(_mm256_xor_si256(_mm256_castpd_si256(lo), hb), _mm256_set1_epi64x(-1)));
    __m256d core =
        _mm256_or_pd(_mm256_or_pd(_mm256_castsi256_pd(_mm256_cvtepi32_epi64(ez)),
                                  _mm256_cmp_pd(ahi, ln, _CMP_GT_OQ)),
                     _mm256_and_pd(_mm256_cmp_pd(ahi, ln, _CMP_EQ_OQ),
                                   _mm256_or_pd(_mm256_cmp_pd(lo, zero, _CMP_EQ_OQ), same_sign)));
    __m256d xd = _mm256_cvtps_pd(_mm_loadu_ps(w->x + i));
    core = _mm256_and_pd(
        core, _mm256_cmp_pd(_mm256_and_pd(xd, _mm256_castsi256_pd(absd)), fmax, _CMP_LE_OQ));
    unsigned cm = (unsigned)_mm256_movemask_pd(core);
    for (int l = 0; l < 4; l++) w->core[d][i + l] = (unsigned char)((cm >> l) & 1);
    for (unsigned b = ~ok & 15u; b; b &= b - 1) precompute_one(w, d, ref, i + __builtin_ctz(b));
  }
  return i;
}

/* precompute's per-input part in four lanes (AVX2): act_acc_stats_bin's
 * arithmetic in double, the same operations, and the subnormal flag */
__attribute__((target("avx2,fma"))) static size_t bins_avx2(const act_acc_stats *s, const float *x,
                                                            int *bin, unsigned char *sub,
                                                            size_t n) {
  if (s->bins <= 0) return 0;
  const __m256d lo = _mm256_set1_pd(s->bin_lo), hi = _mm256_set1_pd(s->bin_hi),
                w = _mm256_set1_pd(s->bin_hi - s->bin_lo), nb = _mm256_set1_pd((double)s->bins);
  const __m128i top = _mm_set1_epi32(s->bins - 1), z = _mm_setzero_si128();
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    __m128 xf = _mm_loadu_ps(x + i);
    __m256d xd = _mm256_cvtps_pd(xf);
    __m256d in =
        _mm256_and_pd(_mm256_cmp_pd(xd, lo, _CMP_GE_OQ), _mm256_cmp_pd(xd, hi, _CMP_LE_OQ));
    __m256d v = _mm256_mul_pd(_mm256_div_pd(_mm256_sub_pd(xd, lo), w), nb);
    __m128i bi = _mm256_cvttpd_epi32(_mm256_blendv_pd(_mm256_setzero_pd(), v, in));
    bi = _mm_max_epi32(_mm_min_epi32(bi, top), z);
    __m128i in32 = _mm256_cvtpd_epi32(_mm256_and_pd(in, _mm256_set1_pd(1.0)));
    bi = _mm_blendv_epi8(_mm_set1_epi32(-1), bi, _mm_cmpgt_epi32(in32, z));
    _mm_storeu_si128((__m128i *)(bin + i), bi);
    /* 0 < |x| < 2^-126: the magnitude's bits less one below 0x7fffff */
    __m128i ab = _mm_and_si128(_mm_castps_si128(xf), _mm_set1_epi32(0x7fffffff));
    __m128i sb = _mm_cmpgt_epi32(_mm_set1_epi32(0x7fffff),
                                 _mm_sub_epi32(ab, _mm_set1_epi32(1))); /* signed: 0 gives -1 */
    sb = _mm_andnot_si128(_mm_cmpeq_epi32(ab, z), sb);
    uint32_t m = (uint32_t)_mm_movemask_ps(_mm_castsi128_ps(sb));
    for (int l = 0; l < 4; l++) sub[i + l] = (unsigned char)((m >> l) & 1);
  }
  return i;
}

static int g_pre_isa; /* 2: precompute_avx512, 1: the AVX2 copies (cr_scan_pick decides) */

static void precompute(const act_sweep_cfg *c, worker *w, int d, size_t n) {
  const act_ref *ref = d ? w->rd : w->rf;
  const act_acc_stats *s0 = &w->fs[0];
  if (d == 0) {
    size_t i = g_pre_isa >= 1 && c->nimpl ? bins_avx2(s0, w->x, w->bin, w->sub, n) : 0;
    for (; i < n; i++) {
      w->bin[i] = c->nimpl ? act_acc_stats_bin(s0, w->x[i]) : -1;
      float ax = fabsf(w->x[i]);
      w->sub[i] = ax != 0 && ax < 0x1p-126f;
    }
  }
  size_t i = g_pre_isa == 2   ? precompute_avx512(w, d, ref, n)
             : g_pre_isa == 1 ? precompute_avx2(w, d, ref, n)
                              : 0;
  for (; i < n; i++) precompute_one(w, d, ref, i);
}

/* the fast pass over one implementation's results in one direction */
/* correctly rounded: the same bits, either zero for an exact zero, any NaN
 * for NaN */
static inline uint32_t is_cr(uint32_t g, uint32_t r, uint32_t f) {
  return (uint32_t)(g == r) | ((f & FL_EZ) & (uint32_t)((g << 1) == 0)) |
         ((f >> 1) & (uint32_t)((g & 0x7fffffffu) > 0x7f800000u));
}

/* pass 1: which results are correctly rounded: eq[i] = 1 for those, and the
 * others' positions listed in order in nc; returns how many are correctly
 * rounded.  Three copies of the same test: four lanes at a time with gcc's
 * vector extensions (SSE2, every x86-64), eight with AVX2, sixteen with
 * AVX-512 (its compress instruction writes the list); chosen once per run
 * (cr_scan_pick), ACTBENCH_SWEEP_ISA=generic|avx2 caps the choice for the
 * tests, which compare the copies' statistics. */
typedef uint32_t v4u __attribute__((vector_size(16)));
static size_t cr_scan_generic(const uint32_t *restrict gb, const uint32_t *restrict rb,
                              const uint32_t *restrict fl, uint32_t *restrict eq,
                              uint32_t *restrict nc, size_t n) {
  v4u acc = {0, 0, 0, 0};
  const v4u one = {1, 1, 1, 1}, ez = {FL_EZ, FL_EZ, FL_EZ, FL_EZ},
            rnan = {FL_RNAN, FL_RNAN, FL_RNAN, FL_RNAN}, zero = {0, 0, 0, 0},
            absm = {0x7fffffffu, 0x7fffffffu, 0x7fffffffu, 0x7fffffffu},
            inf = {0x7f800000u, 0x7f800000u, 0x7f800000u, 0x7f800000u};
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    v4u g, r, f;
    memcpy(&g, gb + i, sizeof g);
    memcpy(&r, rb + i, sizeof r);
    memcpy(&f, fl + i, sizeof f);
    v4u c = (v4u)(g == r) | ((v4u)((f & ez) != zero) & (v4u)((g << 1) == zero)) |
            ((v4u)((f & rnan) != zero) & (v4u)((g & absm) > inf));
    c &= one;
    memcpy(eq + i, &c, sizeof c);
    acc += c;
  }
  size_t ncr = acc[0] + acc[1] + acc[2] + acc[3];
  for (; i < n; i++) {
    uint32_t c = is_cr(gb[i], rb[i], fl[i]);
    eq[i] = c;
    ncr += c;
  }
  size_t m = 0;
  for (i = 0; i < n; i++) {
    nc[m] = (uint32_t)i;
    m += !eq[i];
  }
  return ncr;
}

/* the list's tail, and the whole of it for the AVX2 copy: positions base + j
 * for the bits j of the mask of results not correctly rounded */
static inline size_t list_bits(uint32_t *nc, size_t m, uint32_t bits, size_t base) {
  while (bits) {
    nc[m++] = (uint32_t)(base + (size_t)__builtin_ctz(bits));
    bits &= bits - 1;
  }
  return m;
}

/* the vector copies' last inputs (from i on, m listed so far), one by one;
 * returns how many are correctly rounded in all */
static inline size_t cr_scan_rest(const uint32_t *gb, const uint32_t *rb, const uint32_t *fl,
                                  uint32_t *eq, uint32_t *nc, size_t i, size_t m, size_t n) {
  for (; i < n; i++) {
    uint32_t c = is_cr(gb[i], rb[i], fl[i]);
    eq[i] = c;
    nc[m] = (uint32_t)i;
    m += !c;
  }
  return n - m;
}

__attribute__((target("avx2"))) static size_t cr_scan_avx2(const uint32_t *restrict gb,
                                                           const uint32_t *restrict rb,
                                                           const uint32_t *restrict fl,
                                                           uint32_t *restrict eq,
                                                           uint32_t *restrict nc, size_t n) {
  const __m256i one = _mm256_set1_epi32(1), ez = _mm256_set1_epi32(FL_EZ),
                rnan = _mm256_set1_epi32(FL_RNAN), zero = _mm256_setzero_si256(),
                absm = _mm256_set1_epi32(0x7fffffff), inf = _mm256_set1_epi32(0x7f800000);
  size_t i = 0, m = 0;
  for (; i + 8 <= n; i += 8) {
    __m256i g = _mm256_loadu_si256((const __m256i *)(gb + i));
    __m256i r = _mm256_loadu_si256((const __m256i *)(rb + i));
    __m256i f = _mm256_loadu_si256((const __m256i *)(fl + i));
    __m256i c = _mm256_cmpeq_epi32(g, r);
    __m256i z = _mm256_andnot_si256(_mm256_cmpeq_epi32(_mm256_and_si256(f, ez), zero),
                                    _mm256_cmpeq_epi32(_mm256_slli_epi32(g, 1), zero));
    /* (g & absm) > inf as signed: both are below 2^31 */
    __m256i nn = _mm256_andnot_si256(_mm256_cmpeq_epi32(_mm256_and_si256(f, rnan), zero),
                                     _mm256_cmpgt_epi32(_mm256_and_si256(g, absm), inf));
    c = _mm256_or_si256(_mm256_or_si256(c, z), nn);
    _mm256_storeu_si256((__m256i *)(eq + i), _mm256_and_si256(c, one));
    uint32_t bad = ~(uint32_t)_mm256_movemask_ps(_mm256_castsi256_ps(c)) & 0xffu;
    m = list_bits(nc, m, bad, i);
  }
  return cr_scan_rest(gb, rb, fl, eq, nc, i, m, n);
}

__attribute__((target("avx512f"))) static size_t cr_scan_avx512(const uint32_t *restrict gb,
                                                                const uint32_t *restrict rb,
                                                                const uint32_t *restrict fl,
                                                                uint32_t *restrict eq,
                                                                uint32_t *restrict nc, size_t n) {
  const __m512i one = _mm512_set1_epi32(1), ez = _mm512_set1_epi32(FL_EZ),
                rnan = _mm512_set1_epi32(FL_RNAN), absm = _mm512_set1_epi32(0x7fffffff),
                inf = _mm512_set1_epi32(0x7f800000), step = _mm512_set1_epi32(16);
  __m512i idx = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  size_t i = 0, m = 0;
  for (; i + 16 <= n; i += 16, idx = _mm512_add_epi32(idx, step)) {
    __m512i g = _mm512_loadu_si512(gb + i);
    __m512i r = _mm512_loadu_si512(rb + i);
    __m512i f = _mm512_loadu_si512(fl + i);
    __mmask16 c = _mm512_cmpeq_epi32_mask(g, r);
    c |= _mm512_test_epi32_mask(f, ez) &
         _mm512_cmpeq_epi32_mask(_mm512_slli_epi32(g, 1), _mm512_setzero_si512());
    c |= _mm512_test_epi32_mask(f, rnan) & _mm512_cmpgt_epu32_mask(_mm512_and_si512(g, absm), inf);
    _mm512_storeu_si512(eq + i, _mm512_maskz_mov_epi32(c, one));
    /* the compress into a register, then a plain store (nc has room: m <= i) */
    __mmask16 bad = (__mmask16)~c;
    _mm512_storeu_si512(nc + m, _mm512_maskz_compress_epi32(bad, idx));
    m += (size_t)__builtin_popcount((unsigned)bad);
  }
  return cr_scan_rest(gb, rb, fl, eq, nc, i, m, n);
}

typedef size_t cr_scan_fn(const uint32_t *restrict, const uint32_t *restrict,
                          const uint32_t *restrict, uint32_t *restrict, uint32_t *restrict, size_t);
static cr_scan_fn *cr_scan = cr_scan_generic;

/* runs of one ulp_vs_x bin (the inputs are in order of x, and so are their
 * bins): where the whole block is in one bin and every input counts, the
 * one run's maximum is the block's (aggregate's mx, reached first at mpos) */
static void aggregate_runs(worker *w, int d, size_t n) {
  const double *e = w->ecr[d], *ae = w->acr[d];
  block_agg *a = &w->agg[d];
  a->nruns = 0;
  if (n && w->bin[0] >= 0 && w->bin[n - 1] == w->bin[0]) {
    size_t i = 0;
    while (i < n && ae[i] >= 0) i++;
    if (i == n) {
      memset(a->inbin, 1, n);
      a->run_bin[0] = w->bin[0], a->run_max[0] = a->mx, a->run_pos[0] = a->mpos;
      a->run_end[0] = n, a->nruns = 1;
      return;
    }
  }
  for (size_t i = 0; i < n; i++) {
    int bi = w->bin[i];
    a->inbin[i] = bi >= 0 && ae[i] >= 0;
    if (!a->inbin[i]) continue;
    if (a->nruns && a->run_bin[a->nruns - 1] == bi) {
      if (e[i] > a->run_max[a->nruns - 1])
        a->run_max[a->nruns - 1] = e[i], a->run_pos[a->nruns - 1] = i;
    } else {
      a->run_bin[a->nruns] = bi, a->run_max[a->nruns] = e[i], a->run_pos[a->nruns] = i;
      a->nruns++;
    }
    a->run_end[a->nruns - 1] = i + 1;
  }
}

/* what every input of the block contributes when it is correctly rounded,
 * shared by the implementations that round all of them correctly */
static void aggregate(worker *w, int d, size_t n, uint64_t idx0) {
  const double *e = w->ecr[d], *ae = w->acr[d], *re = w->rcr[d];
  const uint64_t *q = w->q[d];
  block_agg *a = &w->agg[d];
  uint64_t qs = 0;
  double mx = -1, ma = 0, mr = 0;
  size_t mi = 0, pa = 0, pr = 0;
  for (size_t i = 0; i < n; i++) {
    qs += q[i];
    if (e[i] > mx) mx = e[i], mi = i;
    if (ae[i] > ma) ma = ae[i], pa = i;
    if (re[i] > mr) mr = re[i], pr = i;
  }
  a->qsum = qs, a->mx = mx, a->mi = idx0 + mi, a->mpos = mi, a->ma = ma, a->mr = mr;
  a->ma_pos = pa, a->mr_pos = pr;
  /* the core, with and without the subnormal inputs */
  const unsigned char *cf = w->core[d], *sub = w->sub;
  for (int v = 0; v < 2; v++) {
    uint64_t cn = 0, cq = 0;
    double cm = -1;
    size_t cp = 0;
    for (size_t i = 0; i < n; i++) {
      if (!cf[i] || (v && sub[i])) continue;
      cn++;
      cq += q[i];
      if (e[i] > cm) cm = e[i], cp = i;
    }
    a->core_n[v] = cn, a->core_q[v] = cq, a->core_mx[v] = cm, a->core_pos[v] = cp;
  }
  aggregate_runs(w, d, n);
}

/* the largest of four lanes with the lowest index among its equals (the
 * first input reaching it, the lanes holding each their first); the floor
 * and pos0 where no lane rose above the floor */
static void lanes_max(const double *v, const long long *at, double floor, size_t pos0, double *m,
                      size_t *pos) {
  *m = floor, *pos = pos0;
  for (int l = 0; l < 4; l++) {
    if (!(v[l] > floor)) continue;
    if (v[l] > *m || (v[l] == *m && (size_t)at[l] < *pos)) *m = v[l], *pos = (size_t)at[l];
  }
}

/* aggregate's loops in four lanes (AVX2): the sums and maxima with their
 * first inputs, lane by lane as the plain loops do them, then the lanes
 * merged; the runs of ulp_vs_x bins as one run where the whole block is in
 * one bin (the bins grow with x, and x grows through the block), else
 * aggregate's loop */
__attribute__((target("avx2,fma"))) static void aggregate_avx2(worker *w, int d, size_t n,
                                                               uint64_t idx0) {
  const double *e = w->ecr[d], *ae = w->acr[d], *re = w->rcr[d];
  const uint64_t *q = w->q[d];
  const unsigned char *cf = w->core[d], *sub = w->sub;
  block_agg *a = &w->agg[d];
  __m256i vq = _mm256_setzero_si256(), vcq0 = vq, vcq1 = vq, vcn0 = vq, vcn1 = vq;
  __m256d vmx = _mm256_set1_pd(-1), vma = _mm256_setzero_pd(), vmr = vma, vcm0 = vmx, vcm1 = vmx;
  __m256i vmi = _mm256_setzero_si256(), vpa = vmi, vpr = vmi, vcp0 = vmi, vcp1 = vmi;
  __m256i idx = _mm256_setr_epi64x(0, 1, 2, 3), four = _mm256_set1_epi64x(4);
  size_t i = 0;
  for (; i + 4 <= n; i += 4, idx = _mm256_add_epi64(idx, four)) {
    __m256d ev = _mm256_loadu_pd(e + i), av = _mm256_loadu_pd(ae + i), rv = _mm256_loadu_pd(re + i);
    __m256i qv = _mm256_loadu_si256((const __m256i *)(q + i));
    vq = _mm256_add_epi64(vq, qv);
    __m256d up = _mm256_cmp_pd(ev, vmx, _CMP_GT_OQ);
    vmx = _mm256_blendv_pd(vmx, ev, up);
    vmi = _mm256_castpd_si256(
        _mm256_blendv_pd(_mm256_castsi256_pd(vmi), _mm256_castsi256_pd(idx), up));
    up = _mm256_cmp_pd(av, vma, _CMP_GT_OQ);
    vma = _mm256_blendv_pd(vma, av, up);
    vpa = _mm256_castpd_si256(
        _mm256_blendv_pd(_mm256_castsi256_pd(vpa), _mm256_castsi256_pd(idx), up));
    up = _mm256_cmp_pd(rv, vmr, _CMP_GT_OQ);
    vmr = _mm256_blendv_pd(vmr, rv, up);
    vpr = _mm256_castpd_si256(
        _mm256_blendv_pd(_mm256_castsi256_pd(vpr), _mm256_castsi256_pd(idx), up));
    /* the core: [0] every input in it, [1] less the subnormal inputs */
    uint32_t c4, s4;
    memcpy(&c4, cf + i, 4), memcpy(&s4, sub + i, 4);
    __m256i c = _mm256_cvtepu8_epi64(_mm_cvtsi32_si128((int)c4));
    __m256i u = _mm256_cvtepu8_epi64(_mm_cvtsi32_si128((int)s4));
    __m256i k0 =
        _mm256_xor_si256(_mm256_cmpeq_epi64(c, _mm256_setzero_si256()), _mm256_set1_epi64x(-1));
    __m256i k1 = _mm256_and_si256(k0, _mm256_cmpeq_epi64(u, _mm256_setzero_si256()));
    vcn0 = _mm256_sub_epi64(vcn0, k0), vcn1 = _mm256_sub_epi64(vcn1, k1);
    vcq0 = _mm256_add_epi64(vcq0, _mm256_and_si256(qv, k0));
    vcq1 = _mm256_add_epi64(vcq1, _mm256_and_si256(qv, k1));
    up = _mm256_and_pd(_mm256_castsi256_pd(k0), _mm256_cmp_pd(ev, vcm0, _CMP_GT_OQ));
    vcm0 = _mm256_blendv_pd(vcm0, ev, up);
    vcp0 = _mm256_castpd_si256(
        _mm256_blendv_pd(_mm256_castsi256_pd(vcp0), _mm256_castsi256_pd(idx), up));
    up = _mm256_and_pd(_mm256_castsi256_pd(k1), _mm256_cmp_pd(ev, vcm1, _CMP_GT_OQ));
    vcm1 = _mm256_blendv_pd(vcm1, ev, up);
    vcp1 = _mm256_castpd_si256(
        _mm256_blendv_pd(_mm256_castsi256_pd(vcp1), _mm256_castsi256_pd(idx), up));
  }
  long long t[4], at[4];
  double v[4];
  uint64_t qs = 0, cn[2] = {0, 0}, cq[2] = {0, 0};
  _mm256_storeu_si256((__m256i *)t, vq);
  for (int l = 0; l < 4; l++) qs += (uint64_t)t[l];
  _mm256_storeu_si256((__m256i *)t, vcn0);
  for (int l = 0; l < 4; l++) cn[0] += (uint64_t)t[l];
  _mm256_storeu_si256((__m256i *)t, vcn1);
  for (int l = 0; l < 4; l++) cn[1] += (uint64_t)t[l];
  _mm256_storeu_si256((__m256i *)t, vcq0);
  for (int l = 0; l < 4; l++) cq[0] += (uint64_t)t[l];
  _mm256_storeu_si256((__m256i *)t, vcq1);
  for (int l = 0; l < 4; l++) cq[1] += (uint64_t)t[l];
  double mx, ma, mr, cm[2];
  size_t mi, pa, pr, cp[2];
  _mm256_storeu_pd(v, vmx), _mm256_storeu_si256((__m256i *)at, vmi);
  lanes_max(v, at, -1, 0, &mx, &mi);
  _mm256_storeu_pd(v, vma), _mm256_storeu_si256((__m256i *)at, vpa);
  lanes_max(v, at, 0, 0, &ma, &pa);
  _mm256_storeu_pd(v, vmr), _mm256_storeu_si256((__m256i *)at, vpr);
  lanes_max(v, at, 0, 0, &mr, &pr);
  _mm256_storeu_pd(v, vcm0), _mm256_storeu_si256((__m256i *)at, vcp0);
  lanes_max(v, at, -1, 0, &cm[0], &cp[0]);
  _mm256_storeu_pd(v, vcm1), _mm256_storeu_si256((__m256i *)at, vcp1);
  lanes_max(v, at, -1, 0, &cm[1], &cp[1]);
  for (; i < n; i++) { /* the tail, as aggregate */
    qs += q[i];
    if (e[i] > mx) mx = e[i], mi = i;
    if (ae[i] > ma) ma = ae[i], pa = i;
    if (re[i] > mr) mr = re[i], pr = i;
    for (int s = 0; s < 2; s++) {
      if (!cf[i] || (s && sub[i])) continue;
      cn[s]++, cq[s] += q[i];
      if (e[i] > cm[s]) cm[s] = e[i], cp[s] = i;
    }
  }
  a->qsum = qs, a->mx = mx, a->mi = idx0 + mi, a->mpos = mi, a->ma = ma, a->mr = mr;
  a->ma_pos = pa, a->mr_pos = pr;
  for (int s = 0; s < 2; s++)
    a->core_n[s] = cn[s], a->core_q[s] = cq[s], a->core_mx[s] = cm[s], a->core_pos[s] = cp[s];
  aggregate_runs(w, d, n);
}

/* the largest v[i] (floor if larger) over the inputs correctly rounded
 * (eq[i]), and with cf given, in the core (cf[i], and not a subnormal sub[i]
 * when ftz); no NaN among the values.  An AVX-512 copy beside the plain
 * one (cr_scan_pick chooses for both). */
static double masked_max_generic(const double *restrict v, const uint32_t *restrict eq,
                                 const unsigned char *restrict cf,
                                 const unsigned char *restrict sub, int ftz, size_t n,
                                 double floor) {
  double m = floor;
  for (size_t i = 0; i < n; i++) {
    double t = eq[i] && (!cf || (cf[i] && !(ftz && sub[i]))) ? v[i] : floor;
    m = t > m ? t : m;
  }
  return m;
}

/* the first of those inputs where v is m (0 if none) */
static size_t first_at_generic(const double *v, const uint32_t *eq, const unsigned char *cf,
                               const unsigned char *sub, int ftz, size_t n, double m) {
  for (size_t i = 0; i < n; i++)
    if (eq[i] && v[i] == m && (!cf || (cf[i] && !(ftz && sub[i])))) return i;
  return 0;
}

/* the lanes i..i+15 that count: eq, and cf (not sub when ftz) */
__attribute__((target("avx512f"))) static inline __mmask16 lanes16(const uint32_t *eq,
                                                                   const unsigned char *cf,
                                                                   const unsigned char *sub,
                                                                   int ftz, size_t i) {
  __m512i e = _mm512_loadu_si512(eq + i);
  __mmask16 k = _mm512_test_epi32_mask(e, e);
  if (cf) {
    __m512i c = _mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i *)(cf + i)));
    k &= _mm512_test_epi32_mask(c, c);
    if (ftz) {
      __m512i u = _mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i *)(sub + i)));
      k &= (__mmask16)~_mm512_test_epi32_mask(u, u);
    }
  }
  return k;
}

__attribute__((target("avx512f"))) static double masked_max_avx512(
    const double *restrict v, const uint32_t *restrict eq, const unsigned char *restrict cf,
    const unsigned char *restrict sub, int ftz, size_t n, double floor) {
  __m512d m = _mm512_set1_pd(floor);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __mmask16 k = lanes16(eq, cf, sub, ftz, i);
    m = _mm512_mask_max_pd(m, (__mmask8)k, m, _mm512_loadu_pd(v + i));
    m = _mm512_mask_max_pd(m, (__mmask8)(k >> 8), m, _mm512_loadu_pd(v + i + 8));
  }
  double r = _mm512_reduce_max_pd(m);
  double t = masked_max_generic(v + i, eq + i, cf ? cf + i : NULL, sub ? sub + i : NULL, ftz, n - i,
                                floor);
  return t > r ? t : r;
}

__attribute__((target("avx512f"))) static size_t first_at_avx512(const double *v,
                                                                 const uint32_t *eq,
                                                                 const unsigned char *cf,
                                                                 const unsigned char *sub, int ftz,
                                                                 size_t n, double m) {
  __m512d mv = _mm512_set1_pd(m);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __mmask16 k = lanes16(eq, cf, sub, ftz, i);
    unsigned lo = _mm512_mask_cmp_pd_mask((__mmask8)k, _mm512_loadu_pd(v + i), mv, _CMP_EQ_OQ);
    unsigned hi =
        _mm512_mask_cmp_pd_mask((__mmask8)(k >> 8), _mm512_loadu_pd(v + i + 8), mv, _CMP_EQ_OQ);
    unsigned hit = lo | hi << 8;
    if (hit) return i + (size_t)__builtin_ctz(hit);
  }
  for (; i < n; i++)
    if (eq[i] && v[i] == m && (!cf || (cf[i] && !(ftz && sub[i])))) return i;
  return 0;
}

/* the lanes i..i+3 that count, as 64-bit masks: eq, and cf (not sub when ftz) */
__attribute__((target("avx2"))) static inline __m256d lanes4(const uint32_t *eq,
                                                             const unsigned char *cf,
                                                             const unsigned char *sub, int ftz,
                                                             size_t i) {
  const __m256i z = _mm256_setzero_si256(), ones = _mm256_set1_epi64x(-1);
  __m256i e = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(eq + i)));
  __m256i k = _mm256_xor_si256(_mm256_cmpeq_epi64(e, z), ones);
  if (cf) {
    uint32_t c4;
    memcpy(&c4, cf + i, 4);
    __m256i c = _mm256_cvtepu8_epi64(_mm_cvtsi32_si128((int)c4));
    k = _mm256_andnot_si256(_mm256_cmpeq_epi64(c, z), k);
    if (ftz) {
      uint32_t s4;
      memcpy(&s4, sub + i, 4);
      __m256i u = _mm256_cvtepu8_epi64(_mm_cvtsi32_si128((int)s4));
      k = _mm256_and_si256(_mm256_cmpeq_epi64(u, z), k);
    }
  }
  return _mm256_castsi256_pd(k);
}

__attribute__((target("avx2"))) static double masked_max_avx2(const double *restrict v,
                                                              const uint32_t *restrict eq,
                                                              const unsigned char *restrict cf,
                                                              const unsigned char *restrict sub,
                                                              int ftz, size_t n, double floor) {
  __m256d m = _mm256_set1_pd(floor);
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    m = _mm256_blendv_pd(m, _mm256_max_pd(m, _mm256_loadu_pd(v + i)), lanes4(eq, cf, sub, ftz, i));
  double t[4], r = floor;
  _mm256_storeu_pd(t, m);
  for (int l = 0; l < 4; l++) r = t[l] > r ? t[l] : r;
  double u = masked_max_generic(v + i, eq + i, cf ? cf + i : NULL, sub ? sub + i : NULL, ftz, n - i,
                                floor);
  return u > r ? u : r;
}

__attribute__((target("avx2"))) static size_t first_at_avx2(const double *v, const uint32_t *eq,
                                                            const unsigned char *cf,
                                                            const unsigned char *sub, int ftz,
                                                            size_t n, double m) {
  __m256d mv = _mm256_set1_pd(m);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    __m256d hit = _mm256_and_pd(lanes4(eq, cf, sub, ftz, i),
                                _mm256_cmp_pd(_mm256_loadu_pd(v + i), mv, _CMP_EQ_OQ));
    unsigned b = (unsigned)_mm256_movemask_pd(hit);
    if (b) return i + (size_t)__builtin_ctz(b);
  }
  for (; i < n; i++)
    if (eq[i] && v[i] == m && (!cf || (cf[i] && !(ftz && sub[i])))) return i;
  return 0;
}

typedef double masked_max_fn(const double *restrict, const uint32_t *restrict,
                             const unsigned char *restrict, const unsigned char *restrict, int,
                             size_t, double);
typedef size_t first_at_fn(const double *, const uint32_t *, const unsigned char *,
                           const unsigned char *, int, size_t, double);
static masked_max_fn *masked_max = masked_max_generic;
static first_at_fn *first_at = first_at_generic;

static void cr_scan_pick(void) {
  const char *cap = getenv("ACTBENCH_SWEEP_ISA");
  int level = 2;
  if (cap && !strcmp(cap, "generic")) level = 0;
  if (cap && !strcmp(cap, "avx2")) level = 1;
  __builtin_cpu_init();
  masked_max = masked_max_generic, first_at = first_at_generic;
  g_pre_isa = level >= 2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
                  ? 2
              : level >= 1 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1
                                                                                              : 0;
  if (level >= 2 && __builtin_cpu_supports("avx512f"))
    cr_scan = cr_scan_avx512, masked_max = masked_max_avx512, first_at = first_at_avx512;
  else if (level >= 1 && __builtin_cpu_supports("avx2"))
    cr_scan = cr_scan_avx2, masked_max = masked_max_avx2, first_at = first_at_avx2;
  else
    cr_scan = cr_scan_generic;
}

/* the statistics of one implementation's results in one direction */
static void fold(worker *w, int d, const float *got, size_t n, uint64_t idx0, act_acc_stats *s,
                 int binade) {
  const uint32_t *gb = (const uint32_t *)(const void *)got;
  const uint32_t *rb = w->rb[d];
  const uint32_t *fl = w->fl[d];
  const double *e = w->ecr[d], *ae = w->acr[d], *re = w->rcr[d];
  const uint64_t *q = w->q[d];
  const act_ref *ref = d ? w->rd : w->rf;
  uint32_t *eq = w->eq, *nc = w->nc;
  uint64_t ncr = cr_scan(gb, rb, fl, eq, nc, n);
  const block_agg *a = &w->agg[d];
  /* every input through add_one: for the tests, which compare the paths, and
   * where a correctly rounded result could be above the claim (claims below
   * 1/2 ulp) */
  if (g_slow || s->ctx.claim < a->mx) {
    for (size_t i = 0; i < n; i++) act_acc_stats_add_one(s, w->x[i], got[i], &ref[i], idx0 + i);
    return;
  }
  int ftz = s->ctx.ftz != 0;
  const unsigned char *cf = w->core[d], *sub = w->sub;
  if (ncr == n) { /* all correctly rounded: the shared aggregates */
    act_cr_block cb = {.n = n,
                       .qsum = a->qsum,
                       .max_e = a->mx,
                       .max_idx = a->mi,
                       .max_x = w->x[a->mpos],
                       .max_got = got[a->mpos],
                       .max_want = ref[a->mpos].rn,
                       .max_abs = a->ma,
                       .max_rel = a->mr,
                       .bin = -1,
                       .binade = binade};
    size_t cp = a->core_pos[ftz];
    cb.core_n = a->core_n[ftz], cb.core_qsum = a->core_q[ftz], cb.core_max_e = a->core_mx[ftz];
    cb.core_max_idx = idx0 + cp;
    cb.core_max_x = w->x[cp], cb.core_max_got = got[cp], cb.core_max_want = ref[cp].rn;
    act_acc_stats_fold_cr(s, &cb);
    if (s->bins > 0)
      for (int k = 0; k < a->nruns; k++)
        if (a->run_max[k] > s->bin_max[a->run_bin[k]]) s->bin_max[a->run_bin[k]] = a->run_max[k];
    if (binade < 0 && s->binade)
      for (size_t i = 0; i < n; i++) {
        act_binade_stats *bd = &s->binade[act_binade_of(fbits(w->x[i]))];
        bd->count++, bd->cr++, bd->sum.small += q[i];
        if (e[i] > bd->max_ulp) bd->max_ulp = e[i];
      }
    return;
  }
  /* some results are not correctly rounded: what the correctly rounded ones
   * contribute is the block's aggregates less what the others would have;
   * a maximum is the block's where the input that reaches it first is
   * correctly rounded here, else it is looked for again */
  size_t m = n - ncr;
  if (ncr) {
    uint64_t qs = a->qsum, cn = a->core_n[ftz], cq = a->core_q[ftz];
    for (size_t j = 0; j < m; j++) {
      size_t i = nc[j];
      qs -= q[i];
      if (cf[i] && !(ftz && sub[i])) cn--, cq -= q[i];
    }
    double mx = a->mx, ma = a->ma, mr = a->mr, cm = a->core_mx[ftz];
    size_t mi = a->mpos, cp = a->core_pos[ftz];
    if (!eq[mi]) {
      mx = masked_max(e, eq, NULL, NULL, 0, n, -1);
      mi = first_at(e, eq, NULL, NULL, 0, n, mx);
    }
    if (ma > 0 && !eq[a->ma_pos]) ma = masked_max(ae, eq, NULL, NULL, 0, n, 0);
    if (mr > 0 && !eq[a->mr_pos]) mr = masked_max(re, eq, NULL, NULL, 0, n, 0);
    if (cn == 0) {
      cm = -1, cp = 0;
    } else if (!eq[cp]) {
      cm = masked_max(e, eq, cf, sub, ftz, n, -1);
      cp = first_at(e, eq, cf, sub, ftz, n, cm);
    }
    act_cr_block cb = {.n = ncr,
                       .qsum = qs,
                       .max_e = mx,
                       .max_idx = idx0 + mi,
                       .max_x = w->x[mi],
                       .max_got = got[mi],
                       .max_want = ref[mi].rn,
                       .max_abs = ma,
                       .max_rel = mr,
                       .bin = -1,
                       .binade = binade};
    cb.core_n = cn, cb.core_qsum = cq, cb.core_max_e = cm, cb.core_max_idx = idx0 + cp;
    cb.core_max_x = w->x[cp], cb.core_max_got = got[cp], cb.core_max_want = ref[cp].rn;
    act_acc_stats_fold_cr(s, &cb);
    if (s->bins > 0) {
      /* a run's maximum where its first input reaching it is correctly
       * rounded here; if one is not, every correctly rounded input */
      for (int k = 0; k < a->nruns; k++) {
        double rm = a->run_max[k];
        if (!eq[a->run_pos[k]]) { /* the run's inputs that count, correctly rounded here */
          size_t r0 = k ? a->run_end[k - 1] : 0, r1 = a->run_end[k];
          rm = masked_max(e + r0, eq + r0, a->inbin + r0, NULL, 0, r1 - r0, -1);
        }
        if (rm > s->bin_max[a->run_bin[k]]) s->bin_max[a->run_bin[k]] = rm;
      }
    }
    if (binade < 0 && s->binade)
      for (size_t i = 0; i < n; i++) {
        if (!eq[i]) continue;
        act_binade_stats *bd = &s->binade[act_binade_of(fbits(w->x[i]))];
        bd->count++, bd->cr++, bd->sum.small += q[i];
        if (e[i] > bd->max_ulp) bd->max_ulp = e[i];
      }
  }
  act_acc_stats_add_rest(s, w->x, got, ref, w->rulp[d], w->bin, nc, m, idx0, binade);
}

/* the block's inputs: act_sweep_input's, in a plain loop over the ordered part */
static void block_inputs(const act_sweep_cfg *c, uint64_t i0, size_t n, float *x) {
  if (!c->list && i0 + n <= nord(c)) {
    int64_t k = c->k0 + (int64_t)i0;
    for (size_t i = 0; i < n; i++, k++) { /* act_order_float */
      uint32_t u = k < 0 ? (uint32_t)(-(k + 1)) | 0x80000000u : (uint32_t)k;
      memcpy(&x[i], &u, sizeof u);
    }
    return;
  }
  for (size_t i = 0; i < n; i++) x[i] = act_sweep_input(c, i0 + i);
}

static void do_block(const act_sweep_cfg *c, const blocking *bl, uint64_t b, worker *w) {
  uint64_t i0, i1;
  block_range(c, bl, b, &i0, &i1);
  size_t n = (size_t)(i1 - i0);
  int id = act_activation_id(c->act->name);
  double c0 = thread_s(), t0 = mono_s(), tm = 0;
  block_inputs(c, i0, n, w->x);
  if (c->ref_mpfr)
    memset(w->sm, 0, n);
  else
    act_screen_block(id, w->x, n, &c->p, w->rf, w->rd, w->sm);
  uint64_t screened = 0, mpfr = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned m = w->sm[i];
    if (m == 3) { /* both decided: most inputs */
      screened += 2;
      continue;
    }
    if (isnan(w->x[i])) { /* NaN in, NaN out: no evaluation at all */
      act_reference_id(id, 0, w->x[i], &c->p, &w->rf[i]);
      act_reference_id(id, 1, w->x[i], &c->p, &w->rd[i]);
      continue;
    }
    if ((m & 3) != 3) { /* MPFR: rare after the screen, timed one by one */
      double ta = mono_s();
      if (!(m & 1)) act_reference_id(id, 0, w->x[i], &c->p, &w->rf[i]);
      if (!(m & 2)) act_reference_id(id, 1, w->x[i], &c->p, &w->rd[i]);
      tm += mono_s() - ta;
    }
    screened += (m & 1) + (m >> 1);
    mpfr += !(m & 1) + !(m & 2);
  }
  w->screened += screened, w->mpfr += mpfr;
  double t1 = mono_s();
  precompute(c, w, 0, n);
  precompute(c, w, 1, n);
  for (int d = 0; d < 2; d++) (g_pre_isa >= 1 ? aggregate_avx2 : aggregate)(w, d, n, i0);
  /* one binade for the whole block? (always, in a range: blocks are aligned;
   * outside a list the binades of a block's inputs run down to -0's, then
   * up from +0's, so its first and last input tell) */
  int binade = act_binade_of(fbits(w->x[0]));
  if (!c->list) binade = n && act_binade_of(fbits(w->x[n - 1])) == binade ? binade : -1;
  for (size_t i = 1; c->list && i < n && binade >= 0; i++)
    if (act_binade_of(fbits(w->x[i])) != binade) binade = -1;
  double tk = 0, t2 = mono_s();
  double *ti = w->t_blk;
  for (size_t k = 0; k < c->nimpl; k++) {
    const act_impl *m = c->impls[k];
    double ta = mono_s();
    m->fwd(w->x, w->y, n, &c->p);
    double tb = mono_s();
    fold(w, 0, w->y, n, i0, &w->fs[k], binade);
    double tc = mono_s(), td = tc;
    if (m->bwd) {
      m->bwd(w->x, w->y, w->dy, w->dx, n, &c->p);
      td = mono_s();
      fold(w, 1, w->dx, n, i0, &w->ds[k], binade);
    }
    ti[k] = (tb - ta) + (td - tc);
    tk += ti[k];
  }
  double t3 = mono_s(), c1 = thread_s();
  /* the block's thread time, split as the monotonic clock saw its parts */
  double sc = t3 > t0 ? (c1 - c0) / (t3 - t0) : 0;
  w->t_mpfr += tm * sc, w->t_screen += (t1 - t0 - tm) * sc;
  w->t_stats += ((t2 - t1) + (t3 - t2 - tk)) * sc;
  w->t_kernels += tk * sc;
  for (size_t k = 0; k < c->nimpl; k++) w->t_impl[k] += ti[k] * sc;
}

/* ---- checkpoints: a header line naming the configuration, the next round,
 * the counters, then every implementation's packed statistics */
static char *cfg_string(const act_sweep_cfg *c, uint64_t total) {
  size_t cap = 4096 + c->nimpl * 240;
  char *s = malloc(cap);
  if (!s) act_die("out of memory");
  int n = snprintf(s, cap,
                   "actbench %s sweep format=2 %s a=%a b=%a ref=%s bins=%d lo=%a hi=%a binades=%d "
                   "k0=%lld k1=%lld nans=%d list=%llu total=%llu rank=%d/%d impls=",
                   ACTBENCH_VERSION, c->act->name, (double)c->p.a, (double)c->p.b,
                   c->ref_mpfr ? "mpfr" : "screen", c->bins, c->glo, c->ghi, c->binades,
                   (long long)c->k0, (long long)c->k1, c->nans, (unsigned long long)c->nlist,
                   (unsigned long long)total, g_rank, g_size);
  for (size_t k = 0; k < c->nimpl && n > 0 && (size_t)n < cap - 80; k++)
    n += snprintf(s + n, cap - (size_t)n, "%s,", c->impls[k]->name);
  /* the contexts (claims, flags): statistics kept under other claims are
   * not resumed */
  for (size_t k = 0; k < c->nimpl && n > 0 && (size_t)n < cap - 80; k++)
    for (int d = 0; d < 2; d++) {
      const act_acc_ctx *x = d ? (c->dctx ? &c->dctx[k] : NULL) : (c->fctx ? &c->fctx[k] : NULL);
      if (x)
        n += snprintf(s + n, cap - (size_t)n, "%a:%d%d%d:%a;", x->claim, x->excuse_nan_in,
                      x->excuse_nan_out, x->ftz, x->sub_below);
    }
  return s;
}

/* FNV-1a, 64 bits: the checkpoint's last 8 bytes hash everything before
 * them, so that a file damaged anywhere is known as such */
static uint64_t fnv1a(const unsigned char *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ull;
  return h;
}

static void ckpt_write(const act_sweep_cfg *c, const char *cfgs, uint64_t next_round,
                       const act_sweep_result *r) {
  size_t size = strlen(cfgs) + 64 + 8;
  for (size_t k = 0; k < c->nimpl; k++)
    size += act_acc_stats_packed_size(&r->fs[k]) + act_acc_stats_packed_size(&r->ds[k]);
  unsigned char *buf = malloc(size), *p = buf;
  if (!buf) act_die("out of memory");
  size_t L = strlen(cfgs);
  memcpy(p, cfgs, L), p += L;
  *p++ = '\n';
  uint64_t hdr[4] = {next_round, r->screened, r->mpfr, (uint64_t)c->nimpl};
  memcpy(p, hdr, sizeof hdr), p += sizeof hdr;
  for (size_t k = 0; k < c->nimpl; k++) {
    p += act_acc_stats_pack(&r->fs[k], p);
    p += act_acc_stats_pack(&r->ds[k], p);
  }
  uint64_t h = fnv1a(buf, (size_t)(p - buf));
  memcpy(p, &h, sizeof h), p += sizeof h;
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.tmp.%ld", c->ckpt, (long)getpid());
  int slot = act_tmp_add(tmp); /* a signal that ends the process removes it */
  FILE *f = fopen(tmp, "wb");
  int bad = !f;
  if (f) {
    bad |= fwrite(buf, 1, (size_t)(p - buf), f) != (size_t)(p - buf);
    bad |= fflush(f) != 0;
    bad |= fsync(fileno(f)) != 0;
    bad |= fclose(f) != 0;
  }
  free(buf);
  if (bad || rename(tmp, c->ckpt) != 0) {
    int e = errno;
    unlink(tmp);
    act_tmp_drop(slot);
    act_die("cannot write the checkpoint %s: %s", c->ckpt, strerror(e));
  }
  act_tmp_drop(slot);
}

/* the first token ("key=value", blank-separated) where a and b differ, as
 * "key=<a's> here, <b's> in the checkpoint", shortened */
static void first_difference(const char *a, const char *b, size_t blen, char *out, size_t cap) {
  size_t i = 0;
  while (a[i] && i < blen && a[i] == b[i]) i++;
  size_t s = i;
  while (s > 0 && a[s - 1] != ' ') s--;
  size_t ea = s, eb = s;
  while (a[ea] && a[ea] != ' ') ea++;
  while (eb < blen && b[eb] != ' ' && b[eb] != '\n') eb++;
  int la = (int)(ea - s < 60 ? ea - s : 60), lb = (int)(eb - s < 60 ? eb - s : 60);
  snprintf(out, cap, "%.*s%s here, %.*s%s in the checkpoint", la, a + s, ea - s > 60 ? "..." : "",
           lb, b + s, eb - s > 60 ? "..." : "");
}

static uint64_t h_of(const unsigned char *buf, size_t len) {
  uint64_t h;
  memcpy(&h, buf + len - 8, sizeof h);
  return h;
}

/* 1 and the state when the checkpoint matches this configuration; 0 when
 * there is none; -1 when there is one that cannot be used, with why in
 * why (the caller says so, once, and starts over) */
static int ckpt_read(const act_sweep_cfg *c, const char *cfgs, uint64_t mine, uint64_t *next_round,
                     act_sweep_result *r, char *why, size_t cap) {
  FILE *f = fopen(c->ckpt, "rb");
  if (!f) {
    if (errno == ENOENT) return 0;
    snprintf(why, cap, "cannot read it: %s", strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
    fclose(f);
    snprintf(why, cap, "it is not a regular file");
    return -1;
  }
  size_t len = (size_t)st.st_size;
  unsigned char *buf = malloc(len ? len : 1);
  if (!buf) act_die("out of memory");
  int rd = fread(buf, 1, len, f) == len;
  fclose(f);
  size_t L = strlen(cfgs);
  int ret = -1;
  const char *magic = "actbench ";
  if (!rd) {
    snprintf(why, cap, "cannot read it");
  } else if (len < strlen(magic) || memcmp(buf, magic, strlen(magic)) != 0) {
    snprintf(why, cap, "it is not an actbench checkpoint");
  } else if (len < L + 1 || memcmp(buf, cfgs, L) != 0 || buf[L] != '\n') {
    char d[200];
    first_difference(cfgs, (const char *)buf, len, d, sizeof d);
    snprintf(why, cap, "it was written for another sweep (%s)", d);
  } else if (len < L + 1 + 32 + 8) {
    snprintf(why, cap, "it is truncated (%zu bytes)", len);
  } else if (h_of(buf, len) != fnv1a(buf, len - 8)) {
    snprintf(why, cap, "it is damaged (its checksum does not match)");
  } else {
    const unsigned char *p = buf + L + 1, *end = buf + len - 8;
    uint64_t hdr[4];
    memcpy(hdr, p, sizeof hdr), p += sizeof hdr;
    int ok = hdr[3] == c->nimpl && hdr[0] <= mine;
    for (size_t k = 0; ok && k < c->nimpl; k++) {
      size_t u = act_acc_stats_unpack(&r->fs[k], p, (size_t)(end - p));
      ok = u > 0, p += u;
      if (ok) {
        u = act_acc_stats_unpack(&r->ds[k], p, (size_t)(end - p));
        ok = u > 0, p += u;
      }
    }
    if (ok && p != end) ok = 0;
    if (ok) {
      *next_round = hdr[0], r->screened = hdr[1], r->mpfr = hdr[2];
      ret = 1;
    } else {
      snprintf(why, cap, "its statistics are corrupt");
      /* what the unpacking wrote is not to be kept */
      for (size_t k = 0; k < c->nimpl; k++) {
        act_acc_stats_free(&r->fs[k]);
        act_acc_stats_free(&r->ds[k]);
      }
      stats_init_all(c, r->fs, c->nimpl, c->fctx);
      stats_init_all(c, r->ds, c->nimpl, c->dctx);
    }
  }
  free(buf);
  return ret;
}

/* ---- gathering the ranks' statistics on rank 0 */
static void mpi_gather(const act_sweep_cfg *c, act_sweep_result *r) {
#ifdef ACT_HAVE_MPI
  if (!g_mpi || g_size == 1) return;
  size_t size = 64;
  for (size_t k = 0; k < c->nimpl; k++)
    size += act_acc_stats_packed_size(&r->fs[k]) + act_acc_stats_packed_size(&r->ds[k]);
  unsigned char *buf = malloc(size), *p = buf;
  if (!buf) act_die("out of memory");
  uint64_t hdr[2] = {r->screened, r->mpfr};
  memcpy(p, hdr, sizeof hdr), p += sizeof hdr;
  for (size_t k = 0; k < c->nimpl; k++) {
    p += act_acc_stats_pack(&r->fs[k], p);
    p += act_acc_stats_pack(&r->ds[k], p);
  }
  int len = (int)(p - buf);
  int *lens = NULL, *offs = NULL;
  unsigned char *all = NULL;
  if (g_rank == 0) {
    lens = malloc(sizeof(int) * (size_t)g_size);
    offs = malloc(sizeof(int) * (size_t)g_size);
  }
  MPI_Gather(&len, 1, MPI_INT, lens, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (g_rank == 0) {
    long tot = 0;
    for (int i = 0; i < g_size; i++) offs[i] = (int)tot, tot += lens[i];
    all = malloc((size_t)tot);
    if (!all) act_die("out of memory");
  }
  MPI_Gatherv(buf, len, MPI_BYTE, all, lens, offs, MPI_BYTE, 0, MPI_COMM_WORLD);
  if (g_rank == 0) {
    act_acc_stats tf, td;
    act_acc_stats_init(&tf, c->bins, c->glo, c->ghi);
    act_acc_stats_init(&td, c->bins, c->glo, c->ghi);
    if (c->binades) act_acc_stats_want_binades(&tf), act_acc_stats_want_binades(&td);
    for (int i = 1; i < g_size; i++) {
      const unsigned char *q = all + offs[i], *end = q + lens[i];
      uint64_t h[2];
      memcpy(h, q, sizeof h), q += sizeof h;
      r->screened += h[0], r->mpfr += h[1];
      for (size_t k = 0; k < c->nimpl; k++) {
        size_t u = act_acc_stats_unpack(&tf, q, (size_t)(end - q));
        if (!u) act_die("MPI: rank %d sent statistics that do not match", i);
        q += u;
        u = act_acc_stats_unpack(&td, q, (size_t)(end - q));
        if (!u) act_die("MPI: rank %d sent statistics that do not match", i);
        q += u;
        act_acc_stats_merge(&r->fs[k], &tf);
        act_acc_stats_merge(&r->ds[k], &td);
      }
    }
    act_acc_stats_free(&tf);
    act_acc_stats_free(&td);
  }
  free(buf), free(lens), free(offs), free(all);
  /* the time, summed over the ranks */
  size_t nt = 4 + c->nimpl;
  double *tv = malloc(sizeof(double) * nt), *ts = malloc(sizeof(double) * nt);
  if (!tv || !ts) act_die("out of memory");
  tv[0] = r->t_screen, tv[1] = r->t_mpfr, tv[2] = r->t_kernels, tv[3] = r->t_stats;
  for (size_t k = 0; k < c->nimpl; k++) tv[4 + k] = r->t_impl[k];
  MPI_Reduce(tv, ts, (int)nt, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
  if (g_rank == 0) {
    r->t_screen = ts[0], r->t_mpfr = ts[1], r->t_kernels = ts[2], r->t_stats = ts[3];
    for (size_t k = 0; k < c->nimpl; k++) r->t_impl[k] = ts[4 + k];
  }
  free(tv), free(ts);
#else
  (void)c, (void)r;
#endif
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void fmt_time(char *b, size_t n, double s) {
  if (s < 60)
    snprintf(b, n, "%.0fs", s);
  else if (s < 3600)
    snprintf(b, n, "%dm%02ds", (int)(s / 60), (int)fmod(s, 60));
  else
    snprintf(b, n, "%dh%02dm", (int)(s / 3600), (int)fmod(s / 60, 60));
}

void act_sweep_run(const act_sweep_cfg *c, act_sweep_result *r) {
  memset(r, 0, sizeof *r);
  r->fs = calloc(c->nimpl ? c->nimpl : 1, sizeof *r->fs);
  r->ds = calloc(c->nimpl ? c->nimpl : 1, sizeof *r->ds);
  r->t_impl = calloc(c->nimpl ? c->nimpl : 1, sizeof *r->t_impl);
  if (!r->fs || !r->ds || !r->t_impl) act_die("out of memory");
  stats_init_all(c, r->fs, c->nimpl, c->fctx);
  stats_init_all(c, r->ds, c->nimpl, c->dctx);
  uint64_t total = act_sweep_inputs(c);
  r->inputs = total;
  const char *sp = getenv("ACTBENCH_SWEEP_SLOWPATH");
  g_slow = sp && *sp == '1';
  cr_scan_pick();
  if (!c->ref_mpfr) act_screen_init(act_activation_id(c->act->name));
  blocking bl = make_blocking(c);
  uint64_t nrounds = (bl.nblocks + ROUND - 1) / ROUND, next = 0;
  char *cfgs = c->ckpt ? cfg_string(c, total) : NULL;
  /* this rank's rounds: r, r + N, ...; next counts this rank's rounds */
  uint64_t mine =
      nrounds > (uint64_t)g_rank ? (nrounds - (uint64_t)g_rank + g_size - 1) / g_size : 0;
  if (cfgs) {
    char why[400];
    int got = ckpt_read(c, cfgs, mine, &next, r, why, sizeof why);
    if (got > 0)
      r->resumed = 1;
    else if (got < 0)
      act_warn("accuracy: checkpoint %s dropped, %s: starting %s over", c->ckpt, why, c->act->name);
  }
  uint64_t done_inputs = 0; /* for the progress line, this rank */
  int nth = 1;
#ifdef _OPENMP
  nth = omp_get_max_threads();
#endif
  worker *w = calloc((size_t)nth, sizeof *w);
  if (!w) act_die("out of memory");
  for (int t = 0; t < nth; t++) worker_init(c, &w[t]);
  double t0 = now_s(), last_ckpt = t0, last_prog = 0;
  uint64_t start_round = next;
  for (uint64_t j = next; j < mine && !g_stop; j++) {
    uint64_t rd = j * (uint64_t)g_size + (uint64_t)g_rank;
    uint64_t b0 = rd * ROUND, b1 = b0 + ROUND < bl.nblocks ? b0 + ROUND : bl.nblocks;
    long long nb = (long long)(b1 - b0);
#pragma omp parallel for schedule(dynamic, 1)
    for (long long k = 0; k < nb; k++) {
      if (g_stop) continue;
      int t = 0;
#ifdef _OPENMP
      t = omp_get_thread_num();
#endif
      do_block(c, &bl, b0 + (uint64_t)k, &w[t]);
    }
    if (g_stop) break; /* drop the round in flight */
    for (int t = 0; t < nth; t++) {
      for (size_t k = 0; k < c->nimpl; k++) {
        act_acc_stats_merge(&r->fs[k], &w[t].fs[k]);
        act_acc_stats_merge(&r->ds[k], &w[t].ds[k]);
      }
      stats_reset_all(c, w[t].fs, c->nimpl, c->fctx);
      stats_reset_all(c, w[t].ds, c->nimpl, c->dctx);
      r->screened += w[t].screened, r->mpfr += w[t].mpfr;
      w[t].screened = w[t].mpfr = 0;
      r->t_screen += w[t].t_screen, r->t_mpfr += w[t].t_mpfr;
      r->t_kernels += w[t].t_kernels, r->t_stats += w[t].t_stats;
      w[t].t_screen = w[t].t_mpfr = w[t].t_kernels = w[t].t_stats = 0;
      for (size_t k = 0; k < c->nimpl; k++) r->t_impl[k] += w[t].t_impl[k], w[t].t_impl[k] = 0;
    }
    next = j + 1;
    uint64_t i0, i1, e0, e1;
    block_range(c, &bl, b0, &i0, &i1);
    block_range(c, &bl, b1 - 1, &e0, &e1);
    done_inputs += e1 - i0;
    double tn = now_s();
    if (cfgs && tn - last_ckpt >= c->ckpt_every_s && next < mine) {
      ckpt_write(c, cfgs, next, r);
      last_ckpt = tn;
    }
    if (c->progress && g_rank == 0 && (tn - last_prog >= 0.5 || next == mine)) {
      last_prog = tn;
      double frac = (double)next / (double)(mine ? mine : 1);
      double rate = (double)done_inputs * g_size / (tn - t0 > 1e-9 ? tn - t0 : 1e-9);
      double eta =
          next > start_round ? (tn - t0) / (double)(next - start_round) * (double)(mine - next) : 0;
      char eb[32];
      fmt_time(eb, sizeof eb, eta);
      fprintf(stderr, "\r%s: %llu / %llu inputs (%.1f%%), %.1f M/s, ETA %s   ", c->act->name,
              (unsigned long long)((double)total * frac), (unsigned long long)total, 100.0 * frac,
              rate * 1e-6, eb);
    }
  }
  if (c->progress && g_rank == 0) fputc('\n', stderr);
  for (int t = 0; t < nth; t++) worker_free(c, &w[t]);
  free(w);
  r->wall_s = now_s() - t0;
  int stopped = act_mpi_any(g_stop != 0);
  if (stopped) {
    if (cfgs) ckpt_write(c, cfgs, next, r);
    r->complete = 0;
  } else {
    mpi_gather(c, r);
    r->complete = 1;
    if (cfgs) unlink(c->ckpt);
  }
  free(cfgs);
}

void act_sweep_free(const act_sweep_cfg *c, act_sweep_result *r) {
  for (size_t k = 0; k < c->nimpl; k++) {
    act_acc_stats_free(&r->fs[k]);
    act_acc_stats_free(&r->ds[k]);
  }
  free(r->fs);
  free(r->ds);
  free(r->t_impl);
  r->fs = r->ds = NULL;
  r->t_impl = NULL;
}
