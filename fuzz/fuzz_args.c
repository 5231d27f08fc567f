/* fuzz target: every command's argument handling, fed argv vectors.  An
 * input is the arguments after "actbench", separated by NUL bytes (or new
 * lines).  The measuring commands (list, speed, accuracy, saturation,
 * zerocenter) and report run in parse-only mode (act_parse_only: they check
 * every option, and report which files it would read, and return before
 * they make a folder, read results or measure anything; no plugin is
 * loaded); compare and diff run whole, against a results folder "results/"
 * (and a.json, b.json) made in a scratch folder from the fixtures
 * (ACTBENCH_FUZZ_FIXTURES), made small, their tables to /dev/null.
 * Seeds: fuzz/args.seeds (scripts/fuzz.sh). */
#include <sys/stat.h>

#include "cli.h"
#include "fuzz_common.h"

#define MAX_ARGS 64

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  act_parse_only = 1;
  act_die_hook = fuzz_die_hook;
  fuzz_quiet_stdout();
  /* a scratch folder with results/ (compare's default) and a.json, b.json */
  char dir[] = "/tmp/actbench-fuzz-args-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0 || mkdir("results", 0755) != 0) {
    perror("scratch folder");
    abort();
  }
  const char *fx = getenv("ACTBENCH_FUZZ_FIXTURES");
  static const char *const kinds[] = {"speed", "accuracy", "saturation", "zerocenter"};
  for (int k = 0; fx && k < 4; k++) {
    char from[4096], to[256];
    snprintf(from, sizeof from, "%s/%s.json", fx, kinds[k]);
    snprintf(to, sizeof to, "results/%s.json", kinds[k]);
    fuzz_small_copy(from, to);
  }
  fuzz_small_copy("results/speed.json", "a.json");
  fuzz_small_copy("results/accuracy.json", "b.json");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *buf = malloc(size + 1);
  if (!buf) return 0;
  memcpy(buf, data, size);
  buf[size] = '\0';
  char *argv[MAX_ARGS + 2];
  int argc = 0;
  argv[argc++] = "actbench";
  char *p = buf, *end = buf + size;
  while (p <= end && argc < MAX_ARGS + 1) {
    char *q = p;
    while (q < end && *q != '\0' && *q != '\n') q++;
    *q = '\0';
    argv[argc++] = p;
    p = q + 1;
  }
  argv[argc] = NULL;
  FUZZ_TRY(act_cli_main(argc, argv));
  free(buf);
  return 0;
}
