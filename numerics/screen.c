/* actbench: the exhaustive sweep's fast screen.
 *
 * For an input x, f(x) and f'(x) are evaluated in double-double with a
 * running bound on the error (dd.h, ddmath.c): an interval [v - e, v + e]
 * that contains the exact value.  If both ends of the interval round to the
 * same binary32 value and to the same canonical value (64 bits, 2^-189;
 * accuracy.h), those roundings are the exact value's, and the reference is
 * decided; otherwise (an end exactly on a tie, a tie or a rounding boundary
 * inside the interval) the input goes to MPFR (reference.c).  With bounds
 * near 2^-100 relative, the interval straddles a 64-bit rounding boundary
 * for about one input in 2^35, so MPFR sees the exactly representable and
 * tie cases, and the points where a derivative crosses zero.
 *
 * What the screen decides directly, without an interval:
 * - the piecewise-linear activations, from exact double-double values (the
 *   rounding of an exact value, ties to even);
 * - the far tails, where the value is a float F times (1 - d) or plus d with
 *   |d| below 2^-66 |F| and its sign known (then both roundings are F's),
 *   or a value below 2^-700 (both roundings a zero of the value's sign);
 * - derivatives that are a constant over a range, decided once at start-up
 *   (hardsigmoid's 1/6, selu's lambda and lambda alpha e^x near 0), and
 *   values within 2^-70 of a constant on the 64-bit grid (hardsigmoid's
 *   1/2 + x/6, elu's alpha e^x, for tiny |x|).
 * It leaves to MPFR: x = +-0, +-inf and NaN (the exact zeros and limits are
 * MPFR's conventions, reference.c), and parameters outside the ones it
 * knows (a slope a <= 0 where the activation has one).
 *
 * The formulas are those of the stable kernels, in exact arithmetic: with
 * t = a x (exact in double), E = e^-|t| and W = 1/(1 + E),
 *   sigma(t) = W (t >= 0) or E W (t < 0),  sigma'(t) = E W^2;
 *   tanh |x| = -M/(2 + M), M = expm1(-2|x|), tanh' = 4(1 + M)/(2 + M)^2
 *              (|x| < 1/2), or (1 - E)/(1 + E), 4E/(1 + E)^2 (E = e^-2|x|);
 *   softplus = (max(t, 0) + log1p(E)) / a;  logsigmoid = min(x, 0) - log1p(E);
 *   gelu = x Phi(x), Phi from ddmath.c, Phi(x) = 1 - Phi(-x) for x > 0;
 *   gelu_tanh = x sigma(2u), u = k (x + c x^3);
 *   mish = x T, T = tanh(softplus x) = n/(n + 2), n = e^x (e^x + 2) (x < 0),
 *          1 - 2e^2/D', D' = 1 + 2e + 2e^2, e = e^-x (x >= 0);
 * and every cancellation (the derivatives' roots) is covered by the
 * running bound, which then grows and sends the input to MPFR. */
#include <float.h>
#include <math.h>
#include <mpfr.h>
#include <pthread.h>
#include <string.h>

#include "cpu.h"
#include "dd.h"
#include "descriptor.h"
#include "numerics.h"

/* The exponentials a block computed beforehand (screen_pre_block, below):
 * for the input being screened, up to two arguments (h, l) with the
 * reduction and polynomial of e^(h + l) (dd_exp_parts_batch), its value E,
 * and where the activation takes sigma, the quotient q = 1/(1 + E) as
 * dd_div gives it (sig_parts); the double-double functions take these
 * instead of computing them again (the same bits: the batch runs the same
 * operations).  Per thread: the sweep's threads screen their own blocks. */
typedef struct {
  double h, l;
  dd p, E, q;
  int j, m, rx, has_q;
} pre_part;
static _Thread_local pre_part PRE[2];
static _Thread_local int PRE_N;
static inline const pre_part *pre_of(dd x) {
  for (int k = 0; k < PRE_N; k++)
    if (PRE[k].h == x.h && PRE[k].h != 0 && memcmp(&PRE[k].l, &x.l, sizeof x.l) == 0)
      return &PRE[k];
  return NULL;
}
static inline int pre_find(dd x, dd *p, int *j, int *m, int *rx) {
  const pre_part *e = pre_of(x);
  if (e) *p = e->p, *j = e->j, *m = e->m, *rx = e->rx;
  return e != NULL;
}
static inline int pre_exp(dd x, dd *E) {
  const pre_part *e = pre_of(x);
  if (e) *E = e->E;
  return e != NULL;
}
/* ddr_log1p(E) of the first exponential: log1p(E.h) is the second's argument */
static inline int pre_log1p(double z, double *y) {
  if (PRE_N < 2 || PRE[0].E.h != z) return 0;
  *y = PRE[1].h;
  return 1;
}
#define DDM_PARTS_FIND(x, p, j, m, rx) pre_find(x, p, j, m, rx)
#define DDM_EXP_FIND(x, E) pre_exp(x, E)
#define DDM_LOG1P_FIND(z, y) pre_log1p(z, y)

/* the double-double functions, as a private copy of this file's */
#define DDM_API static
#include "ddmath.c"

/* This file is compiled twice: for any x86-64 (the public names), and with
 * -mavx2 -mfma and ACT_SCREEN_VARIANT=_fma, where the fused multiply-adds of
 * the double-double arithmetic become single instructions instead of calls
 * into libm (and the blocks' exponentials vectorize); fma is exact either
 * way, so both copies give the same bits, and act_screen takes the second
 * where the CPU has AVX2 and FMA (act_cpu_has_avx2). */
#ifdef ACT_SCREEN_VARIANT
#define SCREEN_CAT_(a, b) a##b
#define SCREEN_CAT(a, b) SCREEN_CAT_(a, b)
#define act_screen_init SCREEN_CAT(act_screen_init, ACT_SCREEN_VARIANT)
#define act_round_to_format SCREEN_CAT(act_round_to_format, ACT_SCREEN_VARIANT)
#define act_narrow_rn SCREEN_CAT(act_narrow_rn, ACT_SCREEN_VARIANT)
#else
void act_screen_init_fma(int id);
static int use_fma = -1; /* -1: not decided yet */
#endif

/* ---- constants (MPFR, correctly rounded to double-double) */
static ddr K_LAMBDA, K_LA, K_SQ2PI, K_C, K_RSQ2PI; /* selu lambda, lambda alpha,
                                                      sqrt(2/pi), 0.044715, 1/sqrt(2 pi) */
static ddr K_LN2, K_35; /* log 2 (softplus(0)), 3/5 (mish'(0) = tanh(log 2)) */
static ddr K_T[2];      /* tanh's Maclaurin coefficients -1/3, 2/15 (tanh_series) */

static ddr const_of(const char *dec, int op) {
  mpfr_t v, w;
  mpfr_inits2(256, v, w, (mpfr_ptr)0);
  switch (op) {
    case 0:
      mpfr_set_str(v, dec, 10, MPFR_RNDN);
      break;
    case 1: /* lambda alpha */
      mpfr_set_str(v, "1.0507009873554804934193349852946", 10, MPFR_RNDN);
      mpfr_set_str(w, "1.6732632423543772848170429916717", 10, MPFR_RNDN);
      mpfr_mul(v, v, w, MPFR_RNDN);
      break;
    case 2: /* sqrt(2/pi) */
      mpfr_const_pi(w, MPFR_RNDN);
      mpfr_ui_div(v, 2, w, MPFR_RNDN);
      mpfr_sqrt(v, v, MPFR_RNDN);
      break;
    case 4: /* log 2 */
      mpfr_const_log2(v, MPFR_RNDN);
      break;
    default: /* 1/sqrt(2 pi) */
      mpfr_const_pi(w, MPFR_RNDN);
      mpfr_mul_2ui(w, w, 1, MPFR_RNDN);
      mpfr_rec_sqrt(v, w, MPFR_RNDN);
      break;
  }
  ddr r;
  r.h = mpfr_get_d(v, MPFR_RNDN);
  mpfr_sub_d(w, v, r.h, MPFR_RNDN);
  r.l = mpfr_get_d(w, MPFR_RNDN);
  /* the constant as defined (SELU's to 32 digits, 0.044715 exactly) rounded
   * to double-double: within u^2 of it */
  r.e = DD_U2 * fabs(r.h) * DD_MAG;
  mpfr_clears(v, w, (mpfr_ptr)0);
  return r;
}

static int decide_side(ddr v, int side, dd base, act_ref *out);
static act_ref R_SIXTH; /* 1/6 decided (hardsigmoid's f' in (-3, 3)) */
static int HAVE_SIXTH;
/* selu's f' decided once: lambda (x > 0), and lambda alpha e^x for
 * -2^-80 < x < 0, where e^x lies in (1 - 2^-80, 1) */
static act_ref R_LAMBDA, R_LA_TINY;
static int HAVE_LAMBDA, HAVE_LA_TINY;
/* for |x| < 2^-70, decided once: logsigmoid = -log 2 + x/2 - x^2/8 + ...
 * (within 0.5001 |x| of -log 2) and mish' = 3/5 + 0.64 x - 0.048 x^2 + ...
 * (within 0.6401 |x| of 3/5) */
static act_ref R_LSIG0, R_MISH_D0;
static int HAVE_LSIG0, HAVE_MISH_D0;

static void init_constants(void) {
  ddmath_init();
  K_LAMBDA = const_of("1.0507009873554804934193349852946", 0);
  K_LA = const_of(NULL, 1);
  K_SQ2PI = const_of(NULL, 2);
  K_C = const_of("0.044715", 0);
  K_RSQ2PI = const_of(NULL, 3);
  /* quotients of exact doubles, with ddr_div_d's bound */
  K_T[0] = ddr_div_d(ddr_exact(-1.0, 0), 3.0);
  K_T[1] = ddr_div_d(ddr_exact(2.0, 0), 15.0);
  /* what decide_side makes of ddr_div_d(1, 6) for every such input, once */
  dd zero = {0, 0};
  HAVE_SIXTH = decide_side(ddr_div_d(ddr_exact(1.0, 0), 6.0), 0, zero, &R_SIXTH);
  HAVE_LAMBDA = decide_side(K_LAMBDA, 0, zero, &R_LAMBDA);
  ddr la_tiny = K_LA; /* lambda alpha (1 - d), 0 < d < 2^-80: within 2^-80 lambda alpha */
  la_tiny.e += 0x1p-80 * fabs(K_LA.h) * 1.0001;
  HAVE_LA_TINY = decide_side(la_tiny, 0, zero, &R_LA_TINY);
  K_LN2 = const_of(NULL, 4);
  K_35 = ddr_div_d(ddr_exact(3.0, 0), 5.0);
  ddr v = ddr_neg(K_LN2);
  v.e += 0.5001 * 0x1p-70;
  HAVE_LSIG0 = decide_side(v, 0, zero, &R_LSIG0);
  v = K_35;
  v.e += 0.6401 * 0x1p-70;
  HAVE_MISH_D0 = decide_side(v, 0, zero, &R_MISH_D0);
  mpfr_free_cache();
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
void act_screen_init(int id) {
  pthread_once(&once, init_constants);
  if (id >= 0 && (size_t)id < act_activation_count && act_activations[id]->screen &&
      act_activations[id]->screen->needs_phi)
    ddmath_init_phi();
#ifndef ACT_SCREEN_VARIANT
  if (use_fma < 0) use_fma = act_cpu_has_avx2() != 0; /* AVX2 comes with FMA here */
  if (use_fma) act_screen_init_fma(id);
#endif
}

/* ---- rounding a double-double to a binary format, exactly */

/* v rounded to nearest in the format with p bits and smallest subnormal
 * 2^emin_sub (no overflow: the caller handles binary32's).  Exactly halfway,
 * tie_dir = 0 rounds to even and sets *tie; tie_dir = +1 / -1 takes the
 * neighbour above / below (the caller knows the value lies strictly on
 * that side of v) and leaves *tie clear. */
static dd round_dd_f(dd v, int p, int emin_sub, int tie_dir, int *tie, double *frac, double *gout);
static dd round_dd(dd v, int p, int emin_sub, int tie_dir, int *tie) {
  double f, g;
  return round_dd_f(v, p, emin_sub, tie_dir, tie, &f, &g);
}

/* the same, with (v - result)/g in *frac (approximately: for margins) and the
 * grid g in *gout */
static dd round_dd_f(dd v, int p, int emin_sub, int tie_dir, int *tie, double *frac, double *gout) {
  *tie = 0;
  *frac = 0, *gout = 0;
  if (v.h == 0) {
    dd z = {v.h, 0.0};
    return z;
  }
  /* canonical values are above 2^-200 and below 2^1000 (normal doubles) */
  int eh = act_exp_of(v.h) - 1; /* ilogb */
  int E = eh + 1;               /* 2^(E-1) <= |v.h| < 2^E */
  if (v.l != 0 && fabs(v.h) == act_pow2(eh) && (v.l < 0) != (v.h < 0)) E -= 1;
  int ge = E - p > emin_sub ? E - p : emin_sub;
  double g = act_pow2(ge), ig = act_pow2(-ge);
  *gout = g;
  if (eh - 52 >= ge) { /* v.h is on the grid: round v.l */
    double s = v.l * ig, k = act_rint(s);
    *frac = s - k;
    if (fabs(s - k) == 0.5) {           /* exactly halfway */
      double k0 = s - 0.5, k1 = k0 + 1; /* exact: s is a half-integer */
      if (tie_dir) {
        k = tie_dir > 0 ? k1 : k0;
      } else { /* make the total even: v.h/g is an integer */
        *tie = 1;
        double H = fmod(v.h * ig, 2.0);
        k = fmod(fabs(H + k0), 2.0) == 0 ? k0 : k1;
      }
    }
    dd r = dd_two_sum(v.h, k * g);
    if (r.l == 0) r.l = 0.0;
    return r;
  }
  /* (frac below) */
  /* the grid is coarser than v.h's ulp */
  double hs = v.h * ig, hk = act_rint(hs);
  dd rs = dd_two_sum(hs - hk, v.l * ig); /* |rs| < 1, exact */
  double k = hk;
  if (rs.h > 0.5 || (rs.h == 0.5 && rs.l > 0))
    k = hk + 1;
  else if (rs.h < -0.5 || (rs.h == -0.5 && rs.l < 0))
    k = hk - 1;
  else if (fabs(rs.h) == 0.5 && rs.l == 0) {
    double kb = rs.h > 0 ? hk : hk - 1, ka = kb + 1; /* below, above */
    if (tie_dir) {
      k = tie_dir > 0 ? ka : kb;
    } else {
      *tie = 1;
      k = fmod(fabs(kb), 2.0) == 0 ? kb : ka;
    }
  }
  *frac = (rs.h - (k - hk)) + rs.l;
  dd r = {k == 0 ? copysign(0.0, v.h) : k * g, 0.0};
  return r;
}

static float to_binary32(dd r24) { /* r24 already rounded to binary32's grid */
  if (fabs(r24.h) >= 0x1p128) return r24.h > 0 ? INFINITY : -INFINITY;
  return (float)r24.h;
}

static int same_dd(dd a, dd b) {
  return a.h == b.h && a.l == b.l && signbit(a.h) == signbit(b.h);
}

/* Decide the reference from an enclosure; 1 when decided.  side = +1 / -1
 * adds the knowledge that the exact value lies strictly above / below base
 * (an exact double-double); side = 0: nothing known. */
/* The common case, quickly: a value in binary32's normal range, away from
 * powers of two, with an error bound far inside both rounding cells.
 * Returns 1 with the roundings, 0 when the general method must decide. */
static inline int decide_fast(ddr v, dd *r24, dd *r64) {
  double av = fabs(v.h);
  if (!(av > 0x1p-125 && av < 0x1p127)) return 0;
  int eh = act_exp_of(v.h); /* 2^(eh-1) <= |v.h| < 2^eh */
  double e = (v.e + 0x1p-103 * (av + v.e)) * DD_BUMP;
  double lo = act_pow2(eh - 1), hi = act_pow2(eh);
  if (av == lo) {
    /* v.h = +-2^(eh-1), a grid point of both formats, whose cells below are
     * half the size of those above: within a quarter cell it is the answer */
    if (fabs(v.l) + e < act_pow2(eh - 1 - 26) * (1 - 0x1p-20) &&
        fabs(v.l) + e < act_pow2(eh - 1 - 66) * (1 - 0x1p-20)) {
      r24->h = v.h, r24->l = 0, r64->h = v.h, r64->l = 0;
      return 1;
    }
    return 0;
  }
  if (!(av - 4 * e > lo && av + 4 * e < hi)) return 0; /* one binade */
  /* binary32: cells of 2^(eh-24) */
  double g24 = act_pow2(eh - 24), s24 = v.h * act_pow2(24 - eh); /* |s24| < 2^24 */
  double k24 = act_rint(s24), f24 = (s24 - k24) + v.l * act_pow2(24 - eh);
  if (!(fabs(f24) + e / g24 < 0.5 - 0x1p-20)) return 0;
  /* canonical: cells of 2^(eh-64), v.h on the grid (|v.h| > 2^-125) */
  double i64 = act_pow2(64 - eh), s64 = v.l * i64, k64 = act_rint(s64);
  if (!(fabs(s64 - k64) + e * i64 < 0.5 - 0x1p-20)) return 0;
  r24->h = k24 * g24, r24->l = 0;
  *r64 = dd_two_sum(v.h, k64 * act_pow2(eh - 64));
  if (r64->l == 0) r64->l = 0.0;
  return 1;
}

static int decide_side(ddr v, int side, dd base, act_ref *out) {
  if (!(v.e < INFINITY) || !isfinite(v.h)) return 0;
  if (v.e > 0) {
    dd a, b;
    if (decide_fast(v, &a, &b)) {
      out->rn = (float)a.h;
      out->hi = b.h;
      out->lo = b.l;
      out->cls = ACT_REF_FINITE;
      out->exact_zero = 0;
      return 1;
    }
  }
  dd r24, r64;
  int t1, t2, t3, t4;
  if (v.e == 0) { /* exact */
    r24 = round_dd(ddr_val(v), 24, -149, 0, &t1);
    r64 = round_dd(ddr_val(v), ACT_CANON_P, ACT_CANON_EMIN, 0, &t2);
  } else {
    /* the centre's rounding, if the interval stays well inside its cell and
     * inside one binade (where the grid is the same) */
    double f24, g24, f64, g64;
    double e = (v.e + 0x1p-103 * (fabs(v.h) + v.e)) * DD_BUMP;
    r24 = round_dd_f(ddr_val(v), 24, -149, 0, &t1, &f24, &g24);
    r64 = round_dd_f(ddr_val(v), ACT_CANON_P, ACT_CANON_EMIN, 0, &t3, &f64, &g64);
    double av = fabs(v.h);
    int eh = av > 0 ? act_exp_of(v.h) : 0;
    int inside = av > 0 && av - 4 * e >= act_pow2(eh - 1) * (1 + 0x1p-50) &&
                 av + 4 * e < act_pow2(eh) * (1 - 0x1p-50);
    if (inside && !t1 && !t3 && fabs(f24) + e / g24 < 0.5 - 0x1p-20 &&
        fabs(f64) + e / g64 < 0.5 - 0x1p-20)
      goto decided;
    /* outward ends: the additions below round by at most 2u^2 of the result */
    dd lo = dd_add_d(ddr_val(v), -e), hi = dd_add_d(ddr_val(v), e);
    int dlo = 0, dhi = 0; /* the value is strictly inside this end */
    if (side > 0 && dd_add(lo, dd_neg(base)).h <= 0) lo = base, dlo = 1;
    if (side < 0 && dd_add(hi, dd_neg(base)).h >= 0) hi = base, dhi = -1;
    r24 = round_dd(lo, 24, -149, dlo, &t1);
    dd b = round_dd(hi, 24, -149, dhi, &t2);
    if (t1 || t2 || !same_dd(r24, b)) return 0;
    r64 = round_dd(lo, ACT_CANON_P, ACT_CANON_EMIN, dlo, &t3);
    b = round_dd(hi, ACT_CANON_P, ACT_CANON_EMIN, dhi, &t4);
    if (t3 || t4 || !same_dd(r64, b)) return 0;
  }
decided:
  out->rn = to_binary32(r24);
  out->hi = r64.h;
  out->lo = r64.l == 0 ? 0.0 : r64.l;
  out->cls = ACT_REF_FINITE;
  out->exact_zero = 0;
  return 1;
}

/* a value decided without an interval: F exactly (F a float value), or a
 * zero of the given sign (exact or not) */
static void set_final(act_ref *out, double F, int exact_zero) {
  out->rn = (float)F;
  out->hi = F;
  out->lo = 0.0;
  out->cls = ACT_REF_FINITE;
  out->exact_zero = (unsigned char)exact_zero;
}

/* x/2 + d for a float x and 0 < d < 2^-69 |x/2| (gelu, gelu_tanh, silu,
 * hardswish near 0): x/2 on the 64-bit grid (d is below half its spacing);
 * in binary32 x/2, or, where x/2 is a midpoint (x subnormal and odd), the
 * neighbour above it, which d points to */
static void set_half_above(act_ref *out, float x) {
  double h = 0.5 * (double)x; /* exact */
  float r = (float)h;
  if ((double)r < h) r = nextafterf(r, INFINITY);
  out->rn = r;
  out->hi = h;
  out->lo = 0.0;
  out->cls = ACT_REF_FINITE;
  out->exact_zero = 0;
}

/* ---- the activations.  Each fills vf/vd (enclosures) or sets *done bits
 * for values decided directly; returns the mask of directions it handled
 * (the others go to MPFR). */
enum { F_BIT = 1, D_BIT = 2 };

/* a hint for the decision of f: the exact value lies strictly on side
 * (+1 above, -1 below) of base */
typedef struct {
  int side;
  dd base;
} hint;

static ddr X(double x) {
  return ddr_exact(x, 0);
}

/* E = e^-|t|, W = 1/(1 + E) for an exact t, |t| <= DD_EXP_MAX */
static void sig_parts(double t, ddr *E, ddr *W) {
  *E = ddr_exp(X(-fabs(t)));
  ddr D = ddr_add_d(*E, 1.0);
  const pre_part *e = pre_of(dd_from(-fabs(t)));
  *W = e && e->has_q ? ddr_div_q(X(1.0), D, e->q) : ddr_div(X(1.0), D);
}

/* tanh(x) for an exact x, 2^-80 < |x| < 2^-6, by its Maclaurin series
 *   tanh x = x + x z P(z),  z = x^2,
 *   P(z) = -1/3 + 2/15 z + z^2 Q(z) + R,
 *   Q(z) = -17/315 + 62/2835 z - 1382/155925 z^2 + 21844/6081075 z^3
 *          - 929569/638512875 z^4
 * (the series of tanh alternates and its terms shrink by a factor below
 * (2/pi)^2 z < 1 each, so |R| is below the first omitted term,
 * 6404582/10854718875 z^7 < 5.91e-4 z^7; twice that is added).  z is exact
 * (TwoProd); Q in double on z.h: |Q| < 0.0541, and its error (the
 * coefficients' roundings, z.l dropped, eight operations, each within u of
 * a partial sum below 0.0541) is below 13 u 0.0541 < 2^-53; it reaches
 * tanh multiplied by |x| z^3 < |x| 2^-36.  The two leading steps of P in
 * double-double with running bounds (the coefficients K_T with
 * ddr_div_d's).  Beside exp and a division (the path for larger |x|) this is
 * a few dozen operations: most of the inputs of sigmoid and tanh that the
 * screen evaluates at all are this small. */
static ddr tanh_series(double x) {
  dd z = dd_two_prod(x, x);
  ddr Z = ddr_exact(z.h, z.l);
  const double t7 = -17.0 / 315, t9 = 62.0 / 2835, t11 = -1382.0 / 155925, t13 = 21844.0 / 6081075,
               t15 = -929569.0 / 638512875;
  double q = t7 + z.h * (t9 + z.h * (t11 + z.h * (t13 + z.h * t15)));
  ddr P = ddr_add(K_T[1], ddr_mul(Z, ddr_of(dd_from(q), 0x1p-53)));
  P = ddr_add(K_T[0], ddr_mul(Z, P));
  ddr T = ddr_add_d(ddr_mul_d(ddr_mul(Z, P), x), x);
  double z2 = z.h * z.h, z4 = z2 * z2, z8 = z4 * z4; /* within 2^-50 of z^8 */
  T.e = (T.e + 2 * 5.91e-4 * 1.001 * fabs(x) * z8) * DD_BUMP;
  return T;
}

/* sigma(t) for |t| < 2^-39 and an exact t: 1/2 + t/4 - t^3/48 + t^5/480 - ...
 * (an alternating series here), strictly on the side of 1/2 + t/4 that
 * -t^3 points to */
static ddr tiny_sigma(double t, hint *h) {
  h->side = t > 0 ? -1 : 1;
  h->base = dd_two_sum(0.5, 0.25 * t);
  double c = -t * t * t / 48;
  ddr v = ddr_of(dd_add_d(h->base, c), 0);
  v.e = (2.0001 * DD_U2 * 0.5 + 0x1p-52 * fabs(c) + t * t * t * t * fabs(t) / 400) * DD_BUMP;
  return v;
}

static unsigned sigmoid(float x, float a, ddr *vf, ddr *vd, act_ref *f, act_ref *d, hint *hf,
                        hint *hd) {
  if (!(a > 0)) return 0;
  double t = (double)a * x; /* exact */
  if (t != 0 && fabs(t) < 0x1p-64 && a >= 0x1p-100) {
    /* 1/2 - |t|/4 < sigma(t) < 1/2 + |t|/4: within 2^-66 of 1/2, inside
     * its rounding cell in the 64-bit format (2^-64 above 1/2, 2^-65 below)
     * and in binary32; a/4 (1 - t^2/4) < a sigma'(t) < a/4, within 2^-130
     * of a/4 relatively, which is a float (a >= 2^-100) and a 64-bit value */
    set_final(f, 0.5, 0);
    set_final(d, 0.25 * a, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(t) > 135 && a <= 16) {
    /* e^-|t| < 2^-194: sigma(t) within 2^-194 of 1 (or 0), a sigma'(t) below
     * 2^-190, half the 64-bit format's least value: both round as below */
    set_final(f, t > 0 ? 1.0 : 0.0, 0);
    set_final(d, 0.0, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(t) < 0x1p-32 && a >= 0x1p-100) {
    /* decided in closed form.  sigma(t) = 1/2 + u + D, u = t/4 (exact),
     * D = -t^3/48 + t^5/480 - ... (alternating, decreasing): D has the sign
     * of -t and |D| < |t|^3/48 < 2^-69 |t|.  binary32: |u + D| < 2^-34, far
     * inside 1/2's cells (2^-25 below, 2^-24 above): 1/2.  The 64-bit
     * format: t = a x has at most 48 significant bits, so u is a multiple
     * of L >= |u| 2^-47; the midpoints near 1/2 (odd multiples of 2^-65
     * above 1/2, of 2^-66 below) are multiples of L too unless L exceeds
     * them, so u is either a midpoint or at least min(L, 2^-65) from every
     * one, which is more than |D| (|D| / L < 2^49 t^2 / 48 < 1): 1/2 + u +
     * D rounds as 1/2 + u, and on a midpoint to the side of D (round_dd's
     * tie_dir: no tie is left).  a sigma'(t) = a/4 (1 - t^2/4 + t^4/24 -
     * ...): below a/4 (a float, at least 2^-102) by less than a/4 2^-66,
     * inside its cells in both formats (2^-65 relative below, at the least). */
    dd b = dd_two_sum(0.5, 0.25 * t);
    int tie;
    dd r = round_dd(b, ACT_CANON_P, ACT_CANON_EMIN, t > 0 ? -1 : 1, &tie);
    f->rn = 0.5f, f->hi = r.h, f->lo = r.l == 0 ? 0.0 : r.l;
    f->cls = ACT_REF_FINITE, f->exact_zero = 0;
    set_final(d, 0.25 * a, 0);
    return F_BIT | D_BIT;
  }
  /* up to 2^-39, not 2^-40: for 2^-40 <= t < 2^-39, 1/2 + t/4 has a bit of
   * weight 2^-65 and is a midpoint of the references' 64-bit rounding when
   * that bit is set; only the hint (the side -t^3 points to) decides those,
   * which the general path below cannot (it sent 2^22 inputs to MPFR) */
  if (fabs(t) < 0x1p-39) {
    /* a sigma'(t) = a/4 - a t^2/16 + a t^4/96 - ...: below a/4 */
    *vf = tiny_sigma(t, hf);
    hd->side = -1, hd->base = dd_from(0.25 * a);
    ddr q = ddr_of(dd_mul_d(dd_two_prod(t, t), -a / 16.0), 0);
    q.e = (2.0001 * DD_U2 * fabs(q.h) + fabs(a) * (t * t) * (t * t) / 90) * DD_BUMP;
    *vd = ddr_add_d(q, 0.25 * a);
    return 0;
  }
  if (fabs(t) > DD_EXP_MAX) {
    /* sigma(t) is 1 - E or E with E < 2^-865, a sigma'(t) < a 2^-865 */
    set_final(f, t > 0 ? 1.0 : 0.0, 0);
    set_final(d, 0.0, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(t) < 0x1p-5) {
    /* sigma(t) = 1/2 + tanh(t/2)/2, a sigma'(t) = a/4 (1 - tanh(t/2)^2) */
    ddr T = tanh_series(0.5 * t);
    *vf = ddr_add_d(ddr_mul_d(T, 0.5), 0.5);
    *vd = ddr_mul_d(ddr_add_d(ddr_neg(ddr_mul(T, T)), 1.0), 0.25 * a);
    return 0;
  }
  ddr E, W;
  sig_parts(t, &E, &W);
  *vf = t >= 0 ? W : ddr_mul(E, W);
  *vd = ddr_mul_d(ddr_mul(E, ddr_mul(W, W)), a);
  return 0;
}

static unsigned tanh_s(float x, ddr *vf, ddr *vd, act_ref *f, act_ref *d, hint *hd) {
  double ax = fabs((double)x), s = x < 0 ? -1.0 : 1.0;
  if (ax > 70) {
    /* 1 - 2E/(1 + E) and 4E/(1 + E)^2 with E = e^-2|x| < 2^-201: within
     * 2^-200 of 1 (the 64-bit format's cells below 1 are 2^-65) and below
     * 2^-198 (under half its least value, 2^-189) */
    set_final(f, s, 0);
    set_final(d, 0.0, 0);
    return F_BIT | D_BIT;
  }
  if (ax != 0 && ax < 0x1p-34) {
    /* x - x^3/3 < tanh x < x for x > 0 (odd): within x^2/3 < 2^-69 of x
     * relatively, inside x's 64-bit cell (2^-64 relative, 2^-65 below a
     * power of two; x itself is a 64-bit value down to 2^-149) and its
     * binary32 cell; 1 - x^2 < tanh' x < 1, within 2^-68 of 1 (cells of
     * 2^-65 below 1) */
    set_final(f, x, 0);
    set_final(d, 1.0, 0);
    return F_BIT | D_BIT;
  }
  if (ax < 0x1p-16) {
    /* x - x^3/3 + 2x^5/15 - 17x^7/315 + R, |R| <= 62 |x|^9 / 2835;
     * 1 - x^2 + 2x^4/3 - 17x^6/45 + R', |R'| <= 62 |x|^8 / 315 */
    dd x2 = dd_two_prod(x, x);
    ddr x3 = ddr_of(dd_mul_d(x2, x), 0);
    x3.e = 2.0001 * DD_U2 * fabs(x3.h);
    ddr t3 = ddr_div_d(x3, -3.0);
    double x4 = x2.h * x2.h, x5 = x3.h * x2.h;
    double c5 = 2.0 / 15 * x5 - 17.0 / 315 * x5 * x2.h;
    double r5 = 0x1p-50 * fabs(c5) + 62.0 / 2835 * fabs(x5 * x4) * 1.01;
    *vf = ddr_add(ddr_add_d(t3, x), ddr_of(dd_from(c5), r5));
    double c4 = 2.0 / 3 * x4 - 17.0 / 45 * x4 * x2.h;
    double r4 = 0x1p-50 * fabs(c4) + 62.0 / 315 * x4 * x4 * 1.01;
    dd om = dd_add_d(dd_neg(x2), 1.0); /* 1 - x^2: exact (|x| < 2^-16) */
    hd->side = 1, hd->base = om;       /* 2x^4/3 dominates the rest */
    *vd = ddr_add(ddr_of(om, 0), ddr_of(dd_from(c4), r4));
    return 0;
  }
  if (ax < 0x1p-6) { /* tanh' = 1 - tanh^2 */
    ddr T = tanh_series(x);
    *vf = T;
    *vd = ddr_add_d(ddr_neg(ddr_mul(T, T)), 1.0);
    return 0;
  }
  ddr vfa;
  if (ax < 0.5) {
    ddr M = ddr_expm1(X(-2 * ax));
    ddr den = ddr_add_d(M, 2.0);
    vfa = ddr_div(ddr_neg(M), den);
    *vd = ddr_mul_d(ddr_div(ddr_add_d(M, 1.0), ddr_mul(den, den)), 4.0);
  } else {
    ddr E = ddr_exp(X(-2 * ax));
    ddr den = ddr_add_d(E, 1.0);
    vfa = ddr_div(ddr_add_d(ddr_neg(E), 1.0), den);
    *vd = ddr_mul_d(ddr_div(E, ddr_mul(den, den)), 4.0);
  }
  *vf = s > 0 ? vfa : ddr_neg(vfa);
  return 0;
}

static unsigned relu(float x, act_ref *f, act_ref *d) {
  if (x > 0) {
    set_final(f, x, 0);
    set_final(d, 1.0, 0);
  } else {
    set_final(f, 0.0, 1);
    set_final(d, 0.0, 1);
  }
  return F_BIT | D_BIT;
}

static unsigned leaky(float x, float a, ddr *vf, act_ref *f, act_ref *d) {
  if (!(a >= 0) || !isfinite(a)) return 0;
  if (x > 0) {
    set_final(f, x, 0);
    set_final(d, 1.0, 0);
    return F_BIT | D_BIT;
  }
  set_final(d, a, a == 0);
  if (a == 0) {
    set_final(f, 0.0, 1);
    return F_BIT | D_BIT;
  }
  dd p = dd_two_prod(a, x);
  if (fabs(p.h) >= 0x1p-140 && fabs(p.h) < 0x1p127) {
    /* a x is exact in double (48 bits at most: p.l = 0), and with its
     * least bit at or above 2^-187 a value of the 64-bit format too: its
     * binary32 rounding is the conversion's (to nearest even) */
    set_final(f, p.h, 0);
    return F_BIT | D_BIT;
  }
  *vf = ddr_of(p, 0); /* exact: rounded with ties to even */
  return D_BIT;
}

/* elu (a = alpha, lam = NULL) and selu (the constants) */
static unsigned elu(float x, const ddr *A, double af, ddr *vf, ddr *vd, act_ref *f, act_ref *d,
                    hint *hf) {
  if (x > 0) {
    if (!A) {
      set_final(f, x, 0);
      set_final(d, 1.0, 0);
      return F_BIT | D_BIT;
    }
    *vf = ddr_mul_d(K_LAMBDA, x);
    if (!HAVE_LAMBDA) {
      *vd = K_LAMBDA;
      return 0;
    }
    *d = R_LAMBDA;
    return D_BIT;
  }
  ddr a = A ? *A : X(af);
  if (x < -DD_EXP_MAX) {
    /* -a (1 - e^x), e^x < 2^-865: rounds as -a; a e^x rounds as +0 */
    set_final(d, 0.0, 0);
    if (!A) {
      set_final(f, -af, 0);
      return F_BIT | D_BIT;
    }
    *vf = ddr_neg(a);
    return D_BIT;
  }
  if (x > -0x1p-40f) {
    if (!A) {
      /* a expm1(x) = a x + a x^2/2 + a x^3/6 + ..., strictly above a x (exact) */
      dd ax = dd_two_prod(af, x);
      hf->side = 1, hf->base = ax;
      ddr q = ddr_of(dd_mul_d(dd_two_prod(x, x), 0.5 * af), 0);
      q.e = (2.0001 * DD_U2 * fabs(q.h) + fabs(af * x * x * x) * 0.17) * DD_BUMP;
      *vf = ddr_add(q, ddr_of(ax, 0));
    } else {
      /* lambda alpha (x + x^2/2 + r), |r| <= |x|^3/6 (1 + 2^-40): x + x^2/2
       * in double-double within 2u^2 of it */
      ddr q = ddr_of(dd_add_d(dd_mul_d(dd_two_prod(x, x), 0.5), x), 0);
      q.e = (2.0001 * DD_U2 * fabs(q.h) + fabs((double)x * x * x) * 0.17) * DD_BUMP;
      *vf = ddr_mul(*A, q);
    }
    if (x > -0x1p-80f) {
      /* a e^x = a (1 - d), 0 < d < 2^-80: alpha a float, rounded as alpha
       * (in binary32 and on the 64-bit grid); lambda alpha decided once */
      if (!A) {
        set_final(d, af, 0);
        return D_BIT;
      }
      if (HAVE_LA_TINY) {
        *d = R_LA_TINY;
        return D_BIT;
      }
    }
    /* e^x = 1 + x + x^2/2 + r, |r| <= |x|^3/6 (1 + 2^-40): 1 + (x + x^2/2)
     * in double-double within 4u^2 of it */
    ddr E = ddr_of(dd_add_d(dd_add_d(dd_mul_d(dd_two_prod(x, x), 0.5), x), 1.0), 0);
    E.e = (4.0001 * DD_U2 * fabs(E.h) + fabs((double)x * x * x) * 0.17) * DD_BUMP;
    *vd = ddr_mul(a, E);
    return 0;
  }
  /* e^x and expm1(x) from one reduction (the same values as apart) */
  ddr E, M;
  ddr_exp_expm1(X(x), &E, &M);
  *vf = ddr_mul(a, M);
  *vd = ddr_mul(a, E);
  return 0;
}

/* gelu for |x| < 2^-40: x/2 + x^2/sqrt(2 pi) - x^4/(6 sqrt(2 pi)) + ...,
 * f' = 1/2 + 2x/sqrt(2 pi) - 2x^3/(3 sqrt(2 pi)) + ... */
static unsigned gelu(float x, ddr *vf, ddr *vd, act_ref *f, act_ref *d, hint *hf) {
  double xd = x;
  if (fabs(xd) < 0x1p-70) {
    /* x/2 + x^2/sqrt(2 pi) - ..., 1/2 + 2x/sqrt(2 pi) - ...: within 2^-70 */
    set_half_above(f, x);
    set_final(d, 0.5, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(xd) < 0x1p-40) {
    hf->side = 1, hf->base = dd_from(0.5 * xd); /* x^2/sqrt(2 pi) dominates the rest */
    ddr q = ddr_mul(K_RSQ2PI, ddr_of(dd_two_prod(xd, xd), 0));
    q.e += 0.07 * xd * xd * xd * xd;
    *vf = ddr_add_d(q, 0.5 * xd);
    ddr l = ddr_mul_d(K_RSQ2PI, 2 * xd);
    l.e += 0.3 * fabs(xd * xd * xd);
    *vd = ddr_add_d(l, 0.5);
    return 0;
  }
  if (xd <= -17.99) {
    /* |x Phi(x)| and |Phi + x phi| < 2^-230, both negative */
    set_final(f, -0.0, 0);
    set_final(d, -0.0, 0);
    return F_BIT | D_BIT;
  }
  unsigned done = 0;
  /* phi(x) = e^(-x^2/2) / sqrt(2 pi) */
  ddr ph = {0, 0, 0};
  if (xd < 18) {
    ddr hx2 = ddr_of(dd_mul_d(dd_two_prod(xd, xd), -0.5), 0);
    ph = ddr_mul(K_RSQ2PI, ddr_exp(hx2));
  } else {
    set_final(d, 1.0, 0); /* 1 - Q + x phi, both below 2^-230 */
    done |= D_BIT;
  }
  if (xd <= 0) {
    ddr P = ddr_Phi_neg(xd);
    *vf = ddr_mul_d(P, xd);
    *vd = ddr_add(P, ddr_mul_d(ph, xd));
    return done;
  }
  if (xd >= 9.5) {
    set_final(f, x, 0); /* x (1 - Q), 0 < Q < 2^-69 */
    done |= F_BIT;
    if (!(done & D_BIT)) {
      ddr Q = ddr_Phi_neg(-xd);
      *vd = ddr_add(ddr_add_d(ddr_neg(Q), 1.0), ddr_mul_d(ph, xd));
    }
    return done;
  }
  ddr Q = ddr_Phi_neg(-xd);
  ddr P = ddr_add_d(ddr_neg(Q), 1.0);
  *vf = ddr_mul_d(P, xd);
  *vd = ddr_add(P, ddr_mul_d(ph, xd));
  return done;
}

/* 2u = 2 k (x + c x^3), k = sqrt(2/pi), c = 0.044715 (x^2 exact) */
static ddr gelu_tanh_2u(double xd) {
  ddr x3 = ddr_of(dd_two_prod(xd * xd, xd), 0);
  return ddr_mul_d(ddr_mul(K_SQ2PI, ddr_add_d(ddr_mul(K_C, x3), xd)), 2.0);
}

static unsigned gelu_tanh(float x, ddr *vf, ddr *vd, act_ref *f, act_ref *d, hint *hf) {
  double xd = x;
  if (fabs(xd) < 0x1p-70) {
    /* x/2 + k x^2/2 + O(x^4), 1/2 + k x + O(x^3), k < 0.8: within 2^-70 */
    set_half_above(f, x);
    set_final(d, 0.5, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(xd) < 0x1p-40) {
    hf->side = 1, hf->base = dd_from(0.5 * xd); /* k x^2/2 dominates the rest */
    /* x sigma(2u) = x/2 + k x^2/2 + O(x^4), f' = 1/2 + k x + O(x^3) */
    ddr q = ddr_mul(K_SQ2PI, ddr_of(dd_mul_d(dd_two_prod(xd, xd), 0.5), 0));
    q.e += 0.2 * xd * xd * xd * xd;
    *vf = ddr_add_d(q, 0.5 * xd);
    ddr l = ddr_mul_d(K_SQ2PI, xd);
    l.e += 0.5 * fabs(xd * xd * xd);
    *vd = ddr_add_d(l, 0.5);
    return 0;
  }
  double x2 = xd * xd; /* exact */
  ddr v = gelu_tanh_2u(xd);
  if (fabs(v.h) > DD_EXP_MAX) {
    /* x > 0: x (1 - E W), f' = 1 + (2xu' - 1) E W (roughly): both within
     * 2^-500 of x and 1; x < 0: both tiny and negative */
    set_final(f, xd > 0 ? xd : -0.0, 0);
    set_final(d, xd > 0 ? 1.0 : -0.0, 0);
    return F_BIT | D_BIT;
  }
  ddr E = ddr_exp(v.h >= 0 ? ddr_neg(v) : v); /* e^-|2u|, 2u's error carried */
  ddr W = ddr_div(X(1.0), ddr_add_d(E, 1.0));
  ddr sp = v.h >= 0 ? W : ddr_mul(E, W); /* sigma(2u) */
  ddr sm = v.h >= 0 ? ddr_mul(E, W) : W; /* sigma(-2u) */
  *vf = ddr_mul_d(sp, xd);
  /* 2u' = 2k (1 + 3c x^2) */
  ddr up = ddr_mul_d(ddr_mul(K_SQ2PI, ddr_add_d(ddr_mul_d(K_C, 3 * x2), 1.0)), 2.0);
  ddr g = ddr_mul(ddr_mul_d(up, xd), sm); /* 2 x u' sigma(-2u) */
  *vd = ddr_mul(sp, ddr_add_d(g, 1.0));
  return 0;
}

static unsigned silu(float x, float a, ddr *vf, ddr *vd, act_ref *f, act_ref *d, hint *hf,
                     hint *hd) {
  if (!(a > 0)) return 0;
  double xd = x;
  dd tt = dd_two_prod(a, xd); /* exact: t = tt.h */
  double t = tt.h;
  if (fabs(t) < 0x1p-70) {
    /* x/2 + x t/4 - ..., 1/2 + t/2 - ...: within 2^-71 */
    set_half_above(f, x);
    set_final(d, 0.5, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(t) < 0x1p-40) {
    hf->side = 1, hf->base = dd_from(0.5 * xd); /* x t/4 = a x^2/4 dominates the rest */
    /* x sigma(t) = x/2 + x t/4 - x t^3/48, f' = 1/2 + t/2 - t^3 ... */
    dd xt = dd_two_prod(t, xd); /* exact */
    *vf = ddr_of(dd_add_d(dd_mul_d(xt, 0.25), 0.5 * xd), 0);
    vf->e = (2.0001 * DD_U2 * fabs(vf->h) + fabs(xd * t * t * t) / 40) * DD_BUMP;
    /* 1/2 + t/2 - t^3/12 + ...: on the side of 1/2 + t/2 that -t points to */
    hd->side = t > 0 ? -1 : 1, hd->base = dd_two_sum(0.5, 0.5 * t);
    *vd = ddr_of(hd->base, fabs(t * t * t) * 0.1);
    return 0;
  }
  if (fabs(t) > DD_EXP_MAX) {
    set_final(f, t > 0 ? xd : -0.0, 0);
    set_final(d, t > 0 ? 1.0 : -0.0, 0);
    return F_BIT | D_BIT;
  }
  ddr E, W;
  sig_parts(t, &E, &W);
  ddr sp = t >= 0 ? W : ddr_mul(E, W), sm = t >= 0 ? ddr_mul(E, W) : W;
  *vf = ddr_mul_d(sp, xd);
  *vd = ddr_mul(sp, ddr_add_d(ddr_mul_d(sm, t), 1.0));
  return 0;
}

static unsigned softplus(float x, float a, ddr *vf, ddr *vd, act_ref *f, act_ref *d, hint *hd) {
  if (!(a > 0)) return 0;
  double t = (double)a * x; /* exact */
  if (fabs(t) > DD_EXP_MAX) {
    /* t > 0: x + log1p(e^-t)/a, the term below 2^-700; t < 0: below 2^-700 */
    set_final(f, t > 0 ? (double)x : 0.0, 0);
    set_final(d, t > 0 ? 1.0 : 0.0, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(t) < 0x1p-70 && a >= 0x1p-100 && a <= 0x1p100) {
    /* softplus(t)/a = (log 2 + t/2 + t^2/8 - ...)/a, within 0.5001 |x| of
     * log 2 / a: decided without log1p where that interval allows */
    ddr v = ddr_div_d(K_LN2, a);
    v.e += 0.5001 * fabs((double)x) * DD_BUMP;
    dd zero = {0, 0};
    if (decide_side(v, 0, zero, f)) {
      *vd = tiny_sigma(t, hd);
      return F_BIT;
    }
  }
  ddr E, W;
  sig_parts(t, &E, &W);
  ddr L = ddr_log1p(E);
  ddr S = t > 0 ? ddr_add_d(L, t) : L;
  *vf = ddr_div_d(S, a);
  /* f' = sigma(t): the series up to 2^-39, as sigmoid's (the general path
   * sends the midpoints of 2^-40 <= t < 2^-39 to MPFR) */
  *vd = fabs(t) < 0x1p-39 ? tiny_sigma(t, hd) : t >= 0 ? W : ddr_mul(E, W);
  return 0;
}

static unsigned mish(float x, ddr *vf, ddr *vd, act_ref *f, act_ref *d) {
  double xd = x;
  if (fabs(xd) > DD_EXP_MAX / 2) {
    /* x > 0: x (1 - 2e^2/D'), f' = 1 - ..., e^2 < 2^-865; x < 0: tiny,
     * negative (f ~ 2x e^x, f' ~ (x + 2) e^x) */
    set_final(f, xd > 0 ? xd : -0.0, 0);
    set_final(d, xd > 0 ? 1.0 : -0.0, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(xd) < 0x1p-70 && HAVE_MISH_D0) {
    /* x T(x), T = tanh(softplus x) = 3/5 + 8/25 x - 0.016 x^2 - ...: 3/5 x
     * in double-double, 8/25 x^2 (below 2^-71 |f|) in double within 2^-51
     * of itself, the rest below 0.05 |x|^3; f' = 3/5 decided once */
    double q = 0.32 * xd * xd;
    ddr v = ddr_add_d(ddr_mul_d(K_35, xd), q);
    v.e += (0x1p-51 * q + 0.05 * fabs(xd * xd * xd)) * DD_BUMP;
    *vf = v;
    *d = R_MISH_D0;
    return D_BIT;
  }
  if (xd < 0) {
    ddr e = ddr_exp(X(xd));
    ddr n = ddr_mul(e, ddr_add_d(e, 2.0));
    ddr D = ddr_add_d(n, 2.0);
    ddr T = ddr_div(n, D);
    *vf = ddr_mul_d(T, xd);
    /* T + 4 x e (1 + e) / D^2 */
    ddr g = ddr_div(ddr_mul_d(ddr_mul(e, ddr_add_d(e, 1.0)), 4 * xd), ddr_mul(D, D));
    *vd = ddr_add(T, g);
  } else {
    ddr e = ddr_exp(X(-xd));
    ddr e2 = ddr_mul(e, e);
    ddr Dp = ddr_add_d(ddr_add(ddr_mul_d(e, 2.0), ddr_mul_d(e2, 2.0)), 1.0);
    ddr T = ddr_add_d(ddr_neg(ddr_div(ddr_mul_d(e2, 2.0), Dp)), 1.0);
    *vf = ddr_mul_d(T, xd);
    /* T + 4 x e^2 (1 + e) / D'^2 */
    ddr g = ddr_div(ddr_mul_d(ddr_mul(e2, ddr_add_d(e, 1.0)), 4 * xd), ddr_mul(Dp, Dp));
    *vd = ddr_add(T, g);
  }
  return 0;
}

/* ---- exact rationals: the piecewise activations' values are n/6 with n
 * an exact sum or product of floats.  Where n/6 has a finite binary
 * expansion it can be a midpoint of the references' 64-bit rounding, which
 * no enclosure decides (they went to MPFR: 1 in 6 inputs of some binades);
 * then it is exact in a dd, and decide_side rounds it as MPFR does (ties to
 * even).  n/6 is finite exactly when 3 divides n's integer significand. */

/* n = sign N 2^E with N < 2^120 (unsigned); 0 when n's bits span more */
static int dd_int(dd n, unsigned __int128 *N, int *E, int *neg) {
  double part[2] = {n.h, n.l};
  int lsb[2] = {0, 0}, have[2] = {n.h != 0, n.l != 0};
  long long m[2] = {0, 0};
  for (int k = 0; k < 2; k++)
    if (have[k]) {
      uint64_t b;
      memcpy(&b, &part[k], sizeof b);
      int ex = (int)(b >> 52 & 0x7ff);
      if (ex == 0) { /* a subnormal double */
        int e;
        double f = frexp(part[k], &e);
        m[k] = (long long)ldexp(f, 53); /* exact: 53 bits */
        lsb[k] = e - 53;
      } else { /* frexp's answer from the bits: the significand as an integer */
        long long v = (long long)((b & 0xfffffffffffffull) | 1ull << 52);
        m[k] = b >> 63 ? -v : v;
        lsb[k] = ex - 1075;
      }
    }
  if (!have[0]) return 0;
  int lo = have[1] && lsb[1] < lsb[0] ? lsb[1] : lsb[0];
  if (lsb[0] - lo > 66) return 0; /* 53 + 66 < 120 bits */
  __int128 S = (__int128)m[0] * ((__int128)1 << (lsb[0] - lo));
  if (have[1]) S += (__int128)m[1] * ((__int128)1 << (lsb[1] - lo));
  *neg = S < 0;
  *N = (unsigned __int128)(S < 0 ? -S : S);
  *E = lo;
  return 1;
}

static int bits128(unsigned __int128 N) {
  uint64_t h = (uint64_t)(N >> 64), l = (uint64_t)N;
  return h ? 128 - __builtin_clzll(h) : l ? 64 - __builtin_clzll(l) : 0;
}

/* sign N 2^E / 6 as an exact value (e = 0) when it is a finite binary
 * number of at most 106 significant bits: 1; 0 otherwise */
static int exact_over6(unsigned __int128 N, int E, int neg, ddr *v) {
  /* 2^64 = 1 mod 3: N mod 3 from its halves, without a 128-bit division
   * (every input of (-3, 3) comes here); N / 3 when 3 divides it, as N
   * times the inverse of 3 modulo 2^128 */
  uint64_t r3 = ((uint64_t)N % 3 + (uint64_t)(N >> 64) % 3) % 3;
  if (N == 0 || r3 != 0) return 0;
  const unsigned __int128 inv3 =
      ((unsigned __int128)0xaaaaaaaaaaaaaaaaull << 64) | 0xaaaaaaaaaaaaaaabull;
  unsigned __int128 M = N * inv3; /* = N / 3 exactly: the value is M 2^(E-1) */
  int tz = (uint64_t)M ? __builtin_ctzll((uint64_t)M) : 64 + __builtin_ctzll((uint64_t)(M >> 64));
  M >>= tz, E += tz; /* M != 0 (N != 0) */
  if (bits128(M) > 106) return 0;
  double hi = (double)M; /* M rounded to 53 bits */
  __int128 rem = (__int128)M - (__int128)hi;
  double lo = (double)rem; /* exact: at most 53 bits left */
  if ((__int128)lo != rem) return 0;
  double s = neg ? -1.0 : 1.0;
  *v = ddr_exact(s * ldexp(hi, E - 1), s * ldexp(lo, E - 1));
  return 1;
}

/* n/6 for an exact dd n: exact where it can be, else the enclosure */
static ddr over6(dd n) {
  unsigned __int128 N;
  int E, neg;
  ddr v;
  if (dd_int(n, &N, &E, &neg) && exact_over6(N, E, neg, &v)) return v;
  return ddr_div_d(ddr_of(n, 0), 6.0);
}

static unsigned hardsigmoid(float x, ddr *vf, ddr *vd, act_ref *f, act_ref *d) {
  unsigned done = 0;
  if (!(x > -3 && x < 3)) {
    set_final(d, 0.0, 1);
    done = D_BIT;
  } else if (HAVE_SIXTH) { /* f' = 1/6: decided once (init_constants) */
    *d = R_SIXTH;
    done = D_BIT;
  } else {
    *vd = ddr_div_d(X(1.0), 6.0);
  }
  if (x <= -3) {
    set_final(f, 0.0, 1);
    return done | F_BIT;
  }
  if (x >= 3) {
    set_final(f, 1.0, 0);
    return done | F_BIT;
  }
  if (fabsf(x) < 0x1p-70f) {
    /* 1/2 + x/6, |x/6| < 2^-72: 1/2 in binary32 and on the 64-bit grid
     * (its spacing is 2^-65 below 1/2, 2^-64 above) */
    set_final(f, 0.5, 0);
    return done | F_BIT;
  }
  *vf = over6(dd_two_sum(x, 3.0)); /* x + 3 exact as a dd */
  return done;
}

static unsigned hardswish(float x, ddr *vf, ddr *vd, act_ref *f, act_ref *d, hint *hf) {
  unsigned done = 0;
  if (x < -3) {
    set_final(d, 0.0, 1);
    done |= D_BIT;
  } else if (x > 3) {
    set_final(d, 1.0, 0);
    done |= D_BIT;
  } else if (fabsf(x) < 0x1p-70f) {
    set_final(d, 0.5, 0); /* 1/2 + x/3, |x/3| < 2^-71: 1/2, as hardsigmoid's f */
    done |= D_BIT;
  } else {
    *vd = over6(dd_two_sum(2.0 * x, 3.0)); /* 2x + 3 exact as a dd */
  }
  if (x <= -3) {
    set_final(f, 0.0, 1);
    return done | F_BIT;
  }
  if (x >= 3) {
    set_final(f, x, 0);
    return done | F_BIT;
  }
  /* x (x + 3) / 6 = x/2 + x^2/6: strictly above x/2 */
  if (fabsf(x) < 0x1p-70f) {
    set_half_above(f, x); /* x/2 + x^2/6 */
    return done | F_BIT;
  }
  hf->side = 1, hf->base = dd_from(0.5 * x);
  /* x (x + 3) exactly as an integer where its bits fit: an exact n/6 */
  unsigned __int128 N3, Nx;
  int E3, Ex, n3, nx;
  dd xd = {x, 0.0};
  if (dd_int(dd_two_sum(x, 3.0), &N3, &E3, &n3) && dd_int(xd, &Nx, &Ex, &nx) &&
      bits128(N3) + bits128(Nx) <= 120 && exact_over6(N3 * Nx, E3 + Ex, n3 != nx, vf))
    return done;
  /* x (x + 3): x + 3 exact as a dd, the product rounded (2u^2) */
  ddr p = ddr_of(dd_mul_d(dd_two_sum(x, 3.0), x), 0);
  p.e = 2.0001 * DD_U2 * fabs(p.h) * DD_BUMP;
  *vf = ddr_div_d(p, 6.0);
  return done;
}

static unsigned logsigmoid(float x, ddr *vf, ddr *vd, act_ref *f, act_ref *d, hint *hd) {
  double xd = x;
  if (fabs(xd) > DD_EXP_MAX) {
    /* x > 0: -log1p(e^-x) tiny negative, sigma(-x) tiny; x < 0: x - tiny, 1 */
    set_final(f, xd > 0 ? -0.0 : xd, 0);
    set_final(d, xd > 0 ? 0.0 : 1.0, 0);
    return F_BIT | D_BIT;
  }
  if (fabs(xd) < 0x1p-70 && HAVE_LSIG0) {
    *f = R_LSIG0; /* -log 2, decided once (init_constants) */
    *vd = tiny_sigma(-xd, hd);
    return F_BIT;
  }
  ddr E, W;
  sig_parts(xd, &E, &W);
  ddr L = ddr_log1p(E);
  *vf = xd < 0 ? ddr_sub(X(xd), L) : ddr_neg(L);
  /* f' = sigma(-x): the series up to 2^-39, as sigmoid's */
  *vd = fabs(xd) < 0x1p-39 ? tiny_sigma(-xd, hd) : xd >= 0 ? ddr_mul(E, W) : W;
  return 0;
}

/* ---- the blocks' exponentials: for each activation whose screen takes an
 * exponential, the argument its evaluation above will pass to ddr_exp,
 * ddr_expm1 or ddr_exp_expm1 (sig_parts: -|t|), or 0 where it passes none
 * (closed forms, tails).  These only predict: an argument predicted but not
 * used costs its batch share, one used but not predicted is computed where
 * it is used, and the values are the same either way. */
static int pre_sigmoid(float x, const act_params *p, dd *arg) {
  double t = fabs((double)p->a * x);
  if (!(p->a > 0) || t < 0x1p-5 || t > DD_EXP_MAX || (t > 135 && p->a <= 16)) return 0;
  *arg = dd_from(-t);
  return 1;
}
static int pre_tanh(float x, const act_params *p, dd *arg) {
  double ax = fabs((double)x);
  (void)p;
  if (ax < 0x1p-6 || ax > 70) return 0;
  *arg = dd_from(-2 * ax); /* tanh_s: expm1 below 1/2, exp above */
  return 1;
}
static int pre_elu(float x, const act_params *p, dd *arg) {
  (void)p;
  if (!(x <= -0x1p-40f) || x < -DD_EXP_MAX) return 0;
  *arg = dd_from(x);
  return 1;
}
static int pre_gelu(float x, const act_params *p, dd *arg) {
  double xd = x;
  (void)p;
  if (fabs(xd) < 0x1p-40 || xd <= -17.99 || xd >= 18) return 0;
  *arg = dd_mul_d(dd_two_prod(xd, xd), -0.5); /* gelu's hx2 */
  return 1;
}
static int pre_gelu_tanh(float x, const act_params *p, dd *arg) {
  double xd = x;
  (void)p;
  if (fabs(xd) < 0x1p-40) return 0;
  ddr v = gelu_tanh_2u(xd);
  if (fabs(v.h) > DD_EXP_MAX) return 0;
  *arg = ddr_val(v.h >= 0 ? ddr_neg(v) : v);
  return 1;
}
static int pre_silu(float x, const act_params *p, dd *arg) {
  double t = fabs(dd_two_prod(p->a, x).h);
  if (!(p->a > 0) || t < 0x1p-40 || t > DD_EXP_MAX) return 0;
  *arg = dd_from(-t);
  return 1;
}
static int pre_softplus(float x, const act_params *p, dd *arg) {
  double t = fabs((double)p->a * x);
  if (!(p->a > 0) || t < 0x1p-70 || t > DD_EXP_MAX) return 0;
  *arg = dd_from(-t);
  return 1;
}
static int pre_logsigmoid(float x, const act_params *p, dd *arg) {
  double ax = fabs((double)x);
  (void)p;
  if (ax < 0x1p-70 || ax > DD_EXP_MAX) return 0;
  *arg = dd_from(-ax);
  return 1;
}
static int pre_mish(float x, const act_params *p, dd *arg) {
  double ax = fabs((double)x);
  (void)p;
  if (ax < 0x1p-70 || ax > DD_EXP_MAX / 2) return 0;
  *arg = dd_from(-ax); /* e^x for x < 0, e^-x for x >= 0 */
  return 1;
}

/* A block screened in chunks of DD_EXP_BATCH inputs: the chunk's predicted
 * arguments, their exponentials' reductions and polynomials at once
 * (dd_exp_parts_batch), their values, with PRE_SIG sigma's quotient
 * 1/(1 + E), then each input's evaluation with them at hand (PRE).  With
 * PRE_LOG1P (softplus, logsigmoid: ddr_log1p(E) of the first exponential),
 * a second batch: ddr_log1p's expm1(y0), y0 = log1p(E.h). */
enum { PRE_SIG = 1, PRE_LOG1P = 2 };
typedef unsigned (*screen_one_fn)(float x, const act_params *p, act_ref *f, act_ref *d);
typedef int (*screen_pre_fn)(float x, const act_params *p, dd *arg);
static inline __attribute__((always_inline)) void screen_pre_block(const float *x, size_t n,
                                                                   const act_params *p, act_ref *f,
                                                                   act_ref *d, unsigned char *mask,
                                                                   screen_one_fn one,
                                                                   screen_pre_fn pre, int how) {
  enum { B = DD_EXP_BATCH };
  double h[2][B], l[2][B], ph[2][B], pl[2][B], eh[2][B], el[2][B], qh[B], ql[B];
  int idx[B], jj[2][B], mm[2][B];
  unsigned char rx[2][B];
  int stages = how & PRE_LOG1P ? 2 : 1;
  for (size_t c = 0; c < n; c += B) {
    int k = n - c < B ? (int)(n - c) : B, cnt = 0;
    for (int i = 0; i < k; i++) {
      dd a;
      if (pre(x[c + i], p, &a)) h[0][cnt] = a.h, l[0][cnt] = a.l, idx[cnt++] = i;
    }
    for (int s = 0; s < stages; s++) {
      dd_exp_parts_batch(h[s], l[s], cnt, ph[s], pl[s], jj[s], mm[s], rx[s]);
      for (int q = 0; q < cnt; q++) {
        dd P = {ph[s][q], pl[s][q]}, E = exp_value(P, jj[s][q], mm[s][q]);
        eh[s][q] = E.h, el[s][q] = E.l;
      }
      if (s == 0 && (how & PRE_LOG1P))
        for (int q = 0; q < cnt; q++) h[1][q] = log1p(eh[0][q]), l[1][q] = 0;
    }
    if (how & PRE_SIG)
      for (int q = 0; q < cnt; q++) {
        dd E = {eh[0][q], el[0][q]}, Q = dd_div(dd_from(1.0), dd_add_d(E, 1.0));
        qh[q] = Q.h, ql[q] = Q.l;
      }
    for (int i = 0, q = 0; i < k; i++) {
      PRE_N = 0;
      if (q < cnt && idx[q] == i) {
        for (int s = 0; s < stages; s++) {
          pre_part *e = &PRE[s];
          e->h = h[s][q], e->l = l[s][q], e->p.h = ph[s][q], e->p.l = pl[s][q];
          e->E.h = eh[s][q], e->E.l = el[s][q];
          e->j = jj[s][q], e->m = mm[s][q], e->rx = rx[s][q];
          e->has_q = s == 0 && (how & PRE_SIG);
          if (e->has_q) e->q.h = qh[q], e->q.l = ql[q];
        }
        PRE_N = stages, q++;
      }
      mask[c + i] = (unsigned char)one(x[c + i], p, &f[c + i], &d[c + i]);
    }
    PRE_N = 0;
  }
}

/* ---- the entries, one per activation, reached through its descriptor
 * (activations/<name>.c: .screen = &act_screen_<name>): the activation's
 * evaluation above, then the decision on what it left undecided */
#ifdef ACT_SCREEN_VARIANT
#define ENTRY(name) SCREEN_CAT(act_screen_##name, ACT_SCREEN_VARIANT)
#else
#define ENTRY(name) act_screen_##name##_generic
#endif
/* the block: one input after another, or with its exponentials first */
#define SCREEN_BLOCK_PLAIN(name, x, n, p, f, d, m) \
  for (size_t i = 0; i < n; i++) m[i] = (unsigned char)ENTRY(name)(x[i], p, &f[i], &d[i])
#define SCREEN_BLOCK_PRE(name, pre, how, x, n, p, f, d, m) \
  screen_pre_block(x, n, p, f, d, m, ENTRY(name), pre, how)
#define SCREEN_BLOCK_sigmoid(...) SCREEN_BLOCK_PRE(sigmoid, pre_sigmoid, PRE_SIG, __VA_ARGS__)
#define SCREEN_BLOCK_tanh(...) SCREEN_BLOCK_PRE(tanh, pre_tanh, 0, __VA_ARGS__)
#define SCREEN_BLOCK_relu(...) SCREEN_BLOCK_PLAIN(relu, __VA_ARGS__)
#define SCREEN_BLOCK_leaky_relu(...) SCREEN_BLOCK_PLAIN(leaky_relu, __VA_ARGS__)
#define SCREEN_BLOCK_elu(...) SCREEN_BLOCK_PRE(elu, pre_elu, 0, __VA_ARGS__)
#define SCREEN_BLOCK_selu(...) SCREEN_BLOCK_PRE(selu, pre_elu, 0, __VA_ARGS__)
#define SCREEN_BLOCK_gelu(...) SCREEN_BLOCK_PRE(gelu, pre_gelu, 0, __VA_ARGS__)
#define SCREEN_BLOCK_gelu_tanh(...) SCREEN_BLOCK_PRE(gelu_tanh, pre_gelu_tanh, 0, __VA_ARGS__)
#define SCREEN_BLOCK_silu(...) SCREEN_BLOCK_PRE(silu, pre_silu, PRE_SIG, __VA_ARGS__)
#define SCREEN_BLOCK_softplus(...) \
  SCREEN_BLOCK_PRE(softplus, pre_softplus, PRE_SIG | PRE_LOG1P, __VA_ARGS__)
#define SCREEN_BLOCK_mish(...) SCREEN_BLOCK_PRE(mish, pre_mish, 0, __VA_ARGS__)
#define SCREEN_BLOCK_hardsigmoid(...) SCREEN_BLOCK_PLAIN(hardsigmoid, __VA_ARGS__)
#define SCREEN_BLOCK_hardswish(...) SCREEN_BLOCK_PLAIN(hardswish, __VA_ARGS__)
#define SCREEN_BLOCK_logsigmoid(...) \
  SCREEN_BLOCK_PRE(logsigmoid, pre_logsigmoid, PRE_SIG | PRE_LOG1P, __VA_ARGS__)
#define SCREEN_ENTRY(name, body)                                                                  \
  unsigned ENTRY(name)(float x, const act_params *p, act_ref *f, act_ref *d);                     \
  unsigned ENTRY(name)(float x, const act_params *p, act_ref *f, act_ref *d) {                    \
    if (!isfinite(x) || x == 0) return 0;                                                         \
    ddr vf = {0, 0, INFINITY}, vd = {0, 0, INFINITY};                                             \
    hint hf = {0, {0, 0}}, hd = {0, {0, 0}};                                                      \
    unsigned done = 0;                                                                            \
    (void)p, (void)hf, (void)hd;                                                                  \
    body;                                                                                         \
    if (!(done & F_BIT) && decide_side(vf, hf.side, hf.base, f)) done |= F_BIT;                   \
    if (!(done & D_BIT) && decide_side(vd, hd.side, hd.base, d)) done |= D_BIT;                   \
    return done;                                                                                  \
  }                                                                                               \
  void ENTRY(name##_block)(const float *x, size_t n, const act_params *p, act_ref *f, act_ref *d, \
                           unsigned char *m);                                                     \
  void ENTRY(name##_block)(const float *x, size_t n, const act_params *p, act_ref *f, act_ref *d, \
                           unsigned char *m) {                                                    \
    SCREEN_BLOCK_##name(x, n, p, f, d, m);                                                        \
  }
SCREEN_ENTRY(sigmoid, done = sigmoid(x, p->a, &vf, &vd, f, d, &hf, &hd))
SCREEN_ENTRY(tanh, done = tanh_s(x, &vf, &vd, f, d, &hd))
SCREEN_ENTRY(relu, done = relu(x, f, d))
SCREEN_ENTRY(leaky_relu, done = leaky(x, p->a, &vf, f, d))
SCREEN_ENTRY(elu, if (!(p->a > 0) || !isfinite(p->a)) return 0;
             done = elu(x, NULL, p->a, &vf, &vd, f, d, &hf))
SCREEN_ENTRY(selu, done = elu(x, &K_LA, 0, &vf, &vd, f, d, &hf))
SCREEN_ENTRY(gelu, done = gelu(x, &vf, &vd, f, d, &hf))
SCREEN_ENTRY(gelu_tanh, done = gelu_tanh(x, &vf, &vd, f, d, &hf))
SCREEN_ENTRY(silu, done = silu(x, p->a, &vf, &vd, f, d, &hf, &hd))
SCREEN_ENTRY(softplus, done = softplus(x, p->a, &vf, &vd, f, d, &hd))
SCREEN_ENTRY(mish, done = mish(x, &vf, &vd, f, d))
SCREEN_ENTRY(hardsigmoid, done = hardsigmoid(x, &vf, &vd, f, d))
SCREEN_ENTRY(hardswish, done = hardswish(x, &vf, &vd, f, d, &hf))
SCREEN_ENTRY(logsigmoid, done = logsigmoid(x, &vf, &vd, f, d, &hd))

#ifndef ACT_SCREEN_VARIANT
#define SCREEN_OPS(name, phi)                                                                     \
  unsigned act_screen_##name##_fma(float x, const act_params *p, act_ref *f, act_ref *d);         \
  void act_screen_##name##_block_fma(const float *x, size_t n, const act_params *p, act_ref *f,   \
                                     act_ref *d, unsigned char *m);                               \
  const act_screen_ops act_screen_##name = {act_screen_##name##_fma, act_screen_##name##_generic, \
                                            act_screen_##name##_block_fma,                        \
                                            act_screen_##name##_block_generic, phi};
SCREEN_OPS(sigmoid, 0)
SCREEN_OPS(tanh, 0)
SCREEN_OPS(relu, 0)
SCREEN_OPS(leaky_relu, 0)
SCREEN_OPS(elu, 0)
SCREEN_OPS(selu, 0)
SCREEN_OPS(gelu, 1)
SCREEN_OPS(gelu_tanh, 0)
SCREEN_OPS(silu, 0)
SCREEN_OPS(softplus, 0)
SCREEN_OPS(mish, 0)
SCREEN_OPS(hardsigmoid, 0)
SCREEN_OPS(hardswish, 0)
SCREEN_OPS(logsigmoid, 0)

static const act_screen_ops *ops_of(int id) {
  if (id < 0 || (size_t)id >= act_activation_count) return NULL;
  return act_activations[id]->screen;
}
unsigned act_screen(int id, float x, const act_params *p, act_ref *f, act_ref *d) {
  const act_screen_ops *s = ops_of(id);
  if (!s) return 0;
  return use_fma > 0 ? s->fma(x, p, f, d) : s->generic(x, p, f, d);
}
void act_screen_block(int id, const float *x, size_t n, const act_params *p, act_ref *f, act_ref *d,
                      unsigned char *m) {
  const act_screen_ops *s = ops_of(id);
  if (!s)
    memset(m, 0, n);
  else if (use_fma > 0)
    s->fma_block(x, n, p, f, d, m);
  else
    s->generic_block(x, n, p, f, d, m);
}
unsigned act_screen_generic(int id, float x, const act_params *p, act_ref *f, act_ref *d) {
  const act_screen_ops *s = ops_of(id);
  return s ? s->generic(x, p, f, d) : 0;
}
#endif

/* ---- narrow formats */
static float narrow_of(dd v, const act_format *fmt, int *tie) {
  if (v.h != 0 && !(fabs(v.h) >= 0x1p-1000 && fabs(v.h) < 0x1p1000)) { /* not canonical */
    *tie = 1;
    return (float)v.h;
  }
  dd r = round_dd(v, fmt->p, fmt->emin_sub, 0, tie);
  if (fabs(r.h) >= ldexp(1.0, fmt->emax + 1)) return r.h > 0 ? INFINITY : -INFINITY;
  return (float)r.h;
}

float act_round_to_format(double v, const act_format *fmt) {
  if (isnan(v) || isinf(v)) return (float)v;
  int tie;
  return narrow_of(dd_from(v), fmt, &tie);
}

float act_narrow_rn(const act_ref *ref, const act_format *fmt, int *tie) {
  *tie = 0;
  if (ref->cls != ACT_REF_FINITE) return ref->rn;
  dd v = {ref->hi, ref->lo};
  return narrow_of(v, fmt, tie);
}
