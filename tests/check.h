/* A tiny check helper for the C tests: counts, prints failures, and ends with
 * "N passed, M failed". */
#ifndef ACTBENCH_TEST_CHECK_H
#define ACTBENCH_TEST_CHECK_H
#include <stdio.h>

static int t_pass, t_fail;
#define CHECK(cond, ...)                                              \
  do {                                                                \
    if (cond) {                                                       \
      t_pass++;                                                       \
    } else {                                                          \
      t_fail++;                                                       \
      fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                   \
      fputc('\n', stderr);                                            \
    }                                                                 \
  } while (0)
static int check_done(void) {
  printf("%d passed, %d failed\n", t_pass, t_fail);
  return t_fail ? 1 : 0;
}
#endif
