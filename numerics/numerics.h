/* The base numerics of actbench, below the kernels and every suite: number
 * formats, the exact value of an activation (MPFR references, the
 * double-double screen of the exhaustive sweep, saturation points), rounding
 * to a format and the ULP error (docs/accuracy.md; ../shared/ACCURACY.md).
 * Reached through the activation descriptors (activations/descriptor.h). */
#ifndef ACTBENCH_NUMERICS_H
#define ACTBENCH_NUMERICS_H

#include <stddef.h>
#include <stdint.h>

#include "actbench/activation.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- number formats (docs/accuracy.md) */
typedef struct act_format_s {
  const char *name;
  int p;        /* significand bits */
  int emin_sub; /* exponent of the smallest subnormal */
  int emax;     /* largest finite value < 2^(emax+1) */
} act_format;
extern const act_format act_binary32, act_bfloat16, act_binary16;

/* 2^k for -1022 <= k <= 1023, built from its bits (no libm call) */
static inline double act_pow2(int k) {
  union {
    uint64_t u;
    double d;
  } v = {(uint64_t)(k + 1023) << 52};
  return v.d;
}
/* the exponent e of a normal double: 2^(e-1) <= |v| < 2^e (frexp's) */
static inline int act_exp_of(double v) {
  union {
    double d;
    uint64_t u;
  } b = {v};
  return (int)((b.u >> 52) & 0x7ff) - 1022;
}

/* ---- the exact value */
enum { ACT_REF_FINITE = 0, ACT_REF_NAN = 1, ACT_REF_INF = 2 };
/* The exact value is recorded as its rounding to a "canonical" binary
 * format with p = 64 and emin_sub = -189 (40 bits below binary32 at every
 * magnitude): every ULP figure computed from it is within 2^-40 ulp of the
 * one computed from the exact value, and the sampled sweep, the exhaustive
 * sweep's screen and its MPFR mode all produce the same canonical value, so
 * their statistics agree bit for bit (docs/accuracy.md). */
#define ACT_CANON_P 64
#define ACT_CANON_EMIN (-189)
typedef struct {
  double hi, lo;            /* the exact value rounded to the canonical format, held
                               exactly as hi + lo (hi = RN53 of it); +-inf for an
                               infinite exact value */
  float rn;                 /* RN(exact) in binary32, subnormals included */
  unsigned char cls;        /* ACT_REF_* */
  unsigned char exact_zero; /* the exact value is 0 (either zero is right) */
} act_ref;

/* Exact f(x) (deriv = 0) or f'(x) (deriv = 1) of the named activation at the
 * float x taken as an exact number, parameters as the implementation receives
 * them.  Returns 0, or -1 for an activation without a reference. Thread-safe
 * (MPFR built with thread-local storage). */
int act_reference(const char *activation, int deriv, float x, const act_params *p, act_ref *out);
/* The same for an activation number (act_activation_id). */
int act_reference_id(int id, int deriv, float x, const act_params *p, act_ref *out);
/* Same for many inputs, in parallel when OpenMP is there. */
int act_reference_many(const char *activation, int deriv, const float *x, size_t n,
                       const act_params *p, act_ref *out);
/* RN(exact) in a narrow format (act_bfloat16 or act_binary16) as a float
 * value (the narrow format's values are floats), MPFR with Ziv's strategy;
 * NaN for NaN, +-inf beyond the format's range. */
float act_reference_narrow(int id, int deriv, float x, const act_params *p, const act_format *fmt);

/* The fast screen of the exhaustive sweep (screen.c): the canonical
 * references of f and f' at x from double-double evaluations with proven
 * error bounds.  Returns a mask: bit 0 set when f was decided (written to
 * *f), bit 1 for f' (*d); what it cannot decide is left to MPFR. */
unsigned act_screen(int id, float x, const act_params *p, act_ref *f, act_ref *d);
/* an activation's screen, in its descriptor (.screen; screen.c): the copy
 * built with FMA, the generic one, and whether it needs ddmath's Phi tables */
typedef unsigned act_screen_fn(float x, const act_params *p, act_ref *f, act_ref *d);
typedef void act_screen_block_fn(const float *x, size_t n, const act_params *p, act_ref *f,
                                 act_ref *d, unsigned char *m);
typedef struct act_screen_ops {
  act_screen_fn *fma, *generic;
  act_screen_block_fn *fma_block, *generic_block; /* the same over an array */
  int needs_phi;
} act_screen_ops;
/* act_screen over x[0..n): f[i], d[i] and m[i] (the mask) for x[i], in one
 * call (the sweep's blocks: no dispatch per input) */
void act_screen_block(int id, const float *x, size_t n, const act_params *p, act_ref *f, act_ref *d,
                      unsigned char *m);
/* Prepare the screen's tables for activation id (before threads start). */
void act_screen_init(int id);
/* the screen for any x86-64, whatever the CPU: the same verdicts and values
 * as the FMA copy that act_screen uses where it can (tests/test_refhash.c
 * compares the two over its inputs) */
unsigned act_screen_generic(int id, float x, const act_params *p, act_ref *f, act_ref *d);
/* v rounded to nearest (ties to even) in fmt, +-inf beyond its range */
float act_round_to_format(double v, const act_format *fmt);
/* RN(exact) in fmt from the canonical value of ref; *tie is set (and the
 * result not to be trusted) when the canonical value is exactly a midpoint
 * of fmt, where only the exact value can tell (act_reference_narrow). */
float act_narrow_rn(const act_ref *ref, const act_format *fmt, int *tie);

/* ---- ULP error (docs/accuracy.md): ulp(y) = 2^max(e - p, emin_sub) for
 * 2^(e-1) <= |y| < 2^e; ulp(0) = 2^emin_sub; a returned infinity counts as
 * +-2^(emax+1).  Returns ACT_ULP_OK with *err set, ACT_ULP_MATCH_SPECIAL
 * (NaN for NaN, or the right infinity; *err = 0), or ACT_ULP_SPECIAL_FAIL. */
enum { ACT_ULP_OK = 0, ACT_ULP_MATCH_SPECIAL = 1, ACT_ULP_SPECIAL_FAIL = 2 };
double act_ulp(double y_hi, double y_lo, const act_format *fmt);
int act_ulp_error(double got, const act_ref *ref, const act_format *fmt, double *err);

/* v rounded to an integer, to nearest even (the default rounding mode),
 * without a libm call: adding 2^52 to |v| < 2^52 leaves an ulp of 1; from
 * 2^52 on v is an integer */
static inline double act_rint(double v) {
  double a = __builtin_fabs(v);
  if (!(a < 0x1p52)) return v;
  double r = (a + 0x1p52) - 0x1p52;
  return v < 0 ? -r : r;
}
/* An error beyond 2^p ulp, or a zero or an infinity for another value, is a
 * result of the wrong kind: what happened, as "<got> for <exact>" ("0 for
 * 1.7e-38", "inf for 1", "1.2e-7 for 5.7e-8"), into buf; "" otherwise. */
const char *act_ulp_note(char *buf, size_t cap, double ulp, float got, float want,
                         const act_format *fmt);
/* v in at most two significant digits, without a "+" or leading zeros in
 * the exponent: "1.7e-38", "3e27", "0.5", "inf", "nan", "-0" */
const char *act_fmt_short(char *buf, size_t cap, double v);
/* Saturation points from the exact function (bisection over floats, valid
 * for the tails): the first float x, going outward from |x| = 1 in the
 * direction dir (+1 or -1), from which RN(f(x)) (deriv 0) or RN(f'(x))
 * (deriv 1) equals target (zeros of either sign equal) for every x further
 * out.  Returns NAN when RN at +-FLT_MAX is not target. */
float act_ref_first_equal(const char *activation, int deriv, const act_params *p, int dir,
                          float target);

#ifdef __cplusplus
}
#endif
#endif
