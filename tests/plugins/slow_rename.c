/* tests/test_badinput.sh: an LD_PRELOAD library that holds a rename() whose
 * target contains $ACTBENCH_SLOW_RENAME for $ACTBENCH_SLOW_RENAME_S seconds
 * (default 20) before doing it, so that the test can send a signal while a
 * results file is a whole temporary not yet renamed: the moment a signal
 * must not leave it behind.  Everything else goes to the C library. */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int rename(const char *from, const char *to) {
  static int (*real)(const char *, const char *);
  if (!real) real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
  const char *pat = getenv("ACTBENCH_SLOW_RENAME");
  if (pat && *pat && to && strstr(to, pat)) {
    const char *s = getenv("ACTBENCH_SLOW_RENAME_S");
    struct timespec t = {s ? atoi(s) : 20, 0};
    while (nanosleep(&t, &t) != 0) {
    }
  }
  return real(from, to);
}
