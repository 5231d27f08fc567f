/* actbench: the kinds of failure the accuracy suite marks (docs/accuracy.md,
 * "Core and tails"): their names in the results files, their letters in the
 * tables, their texts.  The one table that the suite (describe.c), the
 * results readers, compare and the report read. */
#ifndef ACTBENCH_MARKS_H
#define ACTBENCH_MARKS_H

#include <stddef.h>

/* What goes wrong in kind, per input, as intervals of x: each input that is
 * not correctly rounded gets at most one of the kinds below (the first that
 * applies, in this order), and independently the mark "exceeds" when its
 * error is above the claim the statistics were given. */
enum {
  ACT_MARK_KINK,       /* f' at a kink (the descriptor's) equal to the other one-sided
                          derivative: another convention, not counted as an error */
  ACT_MARK_NAN,        /* NaN for a non-NaN input */
  ACT_MARK_INF,        /* an infinity where RN(exact) is another value, or another value
                          where RN(exact) is an infinity */
  ACT_MARK_ZERO_SIGN,  /* a zero of the other sign than RN(exact), a zero of a nonzero value */
  ACT_MARK_FLUSHED_IN, /* a subnormal x giving RN(f(+-0)) where RN(f(x)) differs */
  ACT_MARK_FLUSH,      /* +-0 where the exact value is below the least normal and RN(exact) != 0 */
  ACT_MARK_PREMATURE,  /* 0, or the asymptote on x's side, where the exact value is a normal
                          float (or beyond) and RN(exact) is another float */
  ACT_MARK_EXCEEDS,    /* error above the claim, or a special-value failure the flags do not
                          excuse */
  ACT_MARKS
};

const char *act_mark_name(int kind);    /* "flush_to_zero", "nan", ... ("?" for none) */
const char *act_mark_text(int kind);    /* what it means, one line */
const char *act_mark_brief(int kind);   /* the same in a few words, for a table's tooltip */
char act_mark_letter(int kind);         /* Z P N I D S K; 0 for "exceeds", which is no tail */
int act_mark_by_name(const char *name); /* the kind a results file names; -1 if none */

/* The tails (every kind but "exceeds") in the order their letters are
 * listed: the tails proper first, Z P N I D S K. */
#define ACT_TAILS 7
int act_tail_kind(int i); /* the i-th, 0 <= i < ACT_TAILS */
/* the letters of the kinds in the set (bit k for kind k) in that order,
 * "" for none */
const char *act_tail_letters(unsigned set, char *buf, size_t cap);

#endif
