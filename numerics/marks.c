/* actbench: the kinds of failure the accuracy suite marks, in one table
 * (marks.h). */
#include "marks.h"

#include <string.h>

static const struct {
  const char *name, *text, *brief;
  char letter;
} kinds[ACT_MARKS] = {
    [ACT_MARK_KINK] = {"kink_convention",
                       "f' at a kink equal to the other one-sided derivative: another "
                       "convention than the references' (not counted as an error)",
                       "f\u2032 at a kink: the other one-sided derivative (another convention)",
                       'K'},
    [ACT_MARK_NAN] = {"nan", "NaN for a non-NaN input", "NaN for a number", 'N'},
    [ACT_MARK_INF] = {"infinity",
                      "an infinity where the correctly rounded result is another value, or "
                      "another value where it is an infinity",
                      "a wrong infinity", 'I'},
    [ACT_MARK_ZERO_SIGN] = {"zero_sign",
                            "a zero of the wrong sign (the exact value is not zero: its sign "
                            "is the zero's)",
                            "a zero of the wrong sign", 'S'},
    [ACT_MARK_FLUSHED_IN] = {"flushed_input",
                             "a subnormal input treated as 0: the result is f(0)'s where the "
                             "correctly rounded f(x) is another value",
                             "a subnormal input treated as 0", 'D'},
    [ACT_MARK_FLUSH] = {"flush_to_zero",
                        "0 for a subnormal exact result (the correctly rounded result is "
                        "not 0): the result flushed to zero",
                        "0 for a subnormal exact result", 'Z'},
    [ACT_MARK_PREMATURE] = {"premature_saturation",
                            "0, or the activation's limit on that side, while the exact "
                            "result is a normal float and the correctly rounded result is "
                            "another one: a premature saturation",
                            "0 or the limit while the exact result is a normal float", 'P'},
    [ACT_MARK_EXCEEDS] = {"exceeds", "an error above the claim", "above the claim", 0},
};
/* the order in which the tails are listed: the tails proper first */
static const int tail_order[ACT_TAILS] = {ACT_MARK_FLUSH, ACT_MARK_PREMATURE,  ACT_MARK_NAN,
                                          ACT_MARK_INF,   ACT_MARK_FLUSHED_IN, ACT_MARK_ZERO_SIGN,
                                          ACT_MARK_KINK};

const char *act_mark_name(int kind) {
  return kind >= 0 && kind < ACT_MARKS ? kinds[kind].name : "?";
}

const char *act_mark_text(int kind) {
  return kind >= 0 && kind < ACT_MARKS ? kinds[kind].text : "?";
}

const char *act_mark_brief(int kind) {
  return kind >= 0 && kind < ACT_MARKS ? kinds[kind].brief : "?";
}

char act_mark_letter(int kind) {
  return kind >= 0 && kind < ACT_MARKS ? kinds[kind].letter : 0;
}

int act_mark_by_name(const char *name) {
  for (int k = 0; name && k < ACT_MARKS; k++)
    if (!strcmp(kinds[k].name, name)) return k;
  return -1;
}

int act_tail_kind(int i) {
  return i >= 0 && i < ACT_TAILS ? tail_order[i] : -1;
}

const char *act_tail_letters(unsigned set, char *buf, size_t cap) {
  size_t n = 0;
  for (int i = 0; i < ACT_TAILS && n + 1 < cap; i++)
    if (set >> tail_order[i] & 1u) buf[n++] = kinds[tail_order[i]].letter;
  if (cap) buf[n] = '\0';
  return buf;
}
