/* actbench fuzz targets (libFuzzer): what they share.
 *
 * Bad input ends in act_die, which exits; here act_die_hook jumps back to
 * the target instead (FUZZ_TRY), so that one process runs input after input
 * with libFuzzer's coverage.  That is sound for the code these targets run:
 * the option parsers in parse-only mode (act_parse_only: nothing is created,
 * read or measured before every option is checked) and the readers, which
 * hold no state between calls beyond what they leak on the way out (a
 * results file that dies half read leaves its JSON allocated: the targets
 * run with -detect_leaks=0, and scripts/fuzz.sh bounds their memory). */
#ifndef ACTBENCH_FUZZ_COMMON_H
#define ACTBENCH_FUZZ_COMMON_H

#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util.h"

static jmp_buf fuzz_jb;
static volatile int fuzz_armed;

static void fuzz_die_hook(int code) {
  (void)code;
  if (fuzz_armed) longjmp(fuzz_jb, 1);
}

/* run stmt; an act_die inside comes back here */
#define FUZZ_TRY(stmt)            \
  do {                            \
    if (setjmp(fuzz_jb) == 0) {   \
      fuzz_armed = 1;             \
      stmt;                       \
    }                             \
    fuzz_armed = 0;               \
    act_die_hook = fuzz_die_hook; \
  } while (0)

/* stdout to /dev/null (the tables of compare, diff and list); stderr stays
 * for the sanitizers' reports (act_die's lines go there too) */
static inline void fuzz_quiet_stdout(void) {
  int fd = open("/dev/null", O_WRONLY);
  if (fd >= 0) {
    fflush(stdout);
    dup2(fd, 1);
    close(fd);
  }
}

/* a file with the bytes of an input, without touching the disk: a memfd,
 * named /proc/self/fd/N (a regular file for act_open_regular) */
typedef struct {
  int fd;
  char path[64];
} fuzz_file;

static inline void fuzz_file_open(fuzz_file *f, const char *name) {
  f->fd = memfd_create(name, MFD_CLOEXEC);
  if (f->fd < 0) {
    perror("memfd_create");
    abort();
  }
  snprintf(f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
}

static inline void fuzz_file_set(fuzz_file *f, const uint8_t *data, size_t size) {
  if (ftruncate(f->fd, 0) != 0 || (size && pwrite(f->fd, data, size, 0) != (ssize_t)size)) {
    perror("memfd write");
    abort();
  }
}

/* Results files from the fixtures, made small (every array cut to its
 * first two elements, recursively): compare and diff keep what they read of
 * them until the process ends (or leak it when they die), so a small side
 * keeps a long session's memory flat while every structure is still there. */
static inline void fuzz_trim(json_t *v) {
  if (json_is_array(v)) {
    while (json_array_size(v) > 2) json_array_remove(v, json_array_size(v) - 1);
    for (size_t i = 0; i < json_array_size(v); i++) fuzz_trim(json_array_get(v, i));
  } else if (json_is_object(v)) {
    const char *k;
    json_t *m;
    json_object_foreach(v, k, m) fuzz_trim(m);
  }
}

static inline int fuzz_small_copy(const char *from, const char *to) {
  json_t *d = json_load_file(from, 0, NULL);
  if (!d) return 0;
  fuzz_trim(d);
  int ok = json_dump_file(d, to, JSON_INDENT(1)) == 0;
  json_decref(d);
  return ok;
}

#endif
