/* fuzz target: the typed readers of the results files (results/results.c: the
 * four kinds, every rule of docs/results.md's "Validation") and what compare
 * and diff make of what they read (act_compare_main, act_diff_main), on
 * arbitrary bytes as a results file.  The document is read as its "kind"
 * says and, when it says none, as each kind in turn.  Seeds: the results
 * files of tests/data, saturation.json and zerocenter.json included
 * (scripts/fuzz.sh). */
#include "compare.h"
#include "descriptor.h"
#include "fuzz_common.h"
#include "results.h"

static fuzz_file g_file;
/* a results file of each kind from the fixtures, made small, for diff's OLD
 * side */
static char g_fixture[4][4096];
static const char *const g_kinds[4] = {"speed", "accuracy", "saturation", "zerocenter"};

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  act_die_hook = fuzz_die_hook;
  fuzz_quiet_stdout();
  fuzz_file_open(&g_file, "results.json");
  const char *dir = getenv("ACTBENCH_FUZZ_FIXTURES"); /* tests/data/report/full */
  char tmpl[] = "/tmp/actbench-fuzz-results-XXXXXX";
  if (!mkdtemp(tmpl)) {
    perror("mkdtemp");
    abort();
  }
  for (int k = 0; k < 4; k++) {
    char from[4096];
    snprintf(from, sizeof from, "%s/%s.json", dir ? dir : ".", g_kinds[k]);
    snprintf(g_fixture[k], sizeof g_fixture[k], "%s/%s.json", tmpl, g_kinds[k]);
    fuzz_small_copy(from, g_fixture[k]);
  }
  return 0;
}

/* the activation compare is asked for: the document's first, else sigmoid */
static const char *first_activation(const json_t *doc, char *buf, size_t cap) {
  const char *a = NULL;
  json_t *acts = json_object_get(doc, "activations");
  if (json_is_array(acts))
    a = json_string_value(json_object_get(json_array_get(acts, 0), "activation"));
  json_t *b = json_object_get(doc, "benchmarks");
  if (!a && json_is_array(b))
    a = json_string_value(json_object_get(json_array_get(b, 0), "activation"));
  snprintf(buf, cap, "%s", a && act_find_activation(a) ? a : "sigmoid");
  return buf;
}

static void read_as(int k, const json_t *doc, const char *act) {
  char opt[32], *path = g_file.path;
  snprintf(opt, sizeof opt, "--%s", g_kinds[k]);
  (void)doc;
  /* the typed reader of the kind (results/results.c), as report, compare and diff use it */
  if (k == 0) {
    act_res_speed *r = NULL;
    FUZZ_TRY(r = act_res_read_speed(path));
    for (size_t i = 0; r && i < r->nruns; i++) (void)act_speed_center(&r->runs[i]);
  } else if (k == 1) {
    FUZZ_TRY((void)act_res_read_accuracy(path));
  } else if (k == 2) {
    FUZZ_TRY((void)act_res_read_saturation(path));
  } else {
    FUZZ_TRY((void)act_res_read_zerocenter(path));
  }
  act_res_release();
  if (k < 3) { /* compare reads speed, accuracy and saturation results */
    char *cv[] = {"compare", (char *)act, opt, path, "--format", "csv", NULL};
    FUZZ_TRY(act_compare_main(6, cv));
  }
  char *dv[] = {"diff", g_fixture[k], path, NULL};
  FUZZ_TRY(act_diff_main(3, dv));
  char *dv2[] = {"diff", path, path, "--formats", "all", NULL};
  FUZZ_TRY(act_diff_main(5, dv2));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_file_set(&g_file, data, size);
  json_t *doc = NULL;
  FUZZ_TRY(doc = act_read_json(g_file.path, NULL));
  if (!doc) return 0;
  char act[64];
  first_activation(doc, act, sizeof act);
  const char *kind = json_string_value(json_object_get(doc, "kind"));
  int any = 0;
  for (int k = 0; k < 4; k++)
    if (!kind || !strcmp(kind, g_kinds[k])) {
      read_as(k, doc, act);
      any = 1;
    }
  if (!any) read_as(0, doc, act); /* another kind: compare and diff say so */
  json_decref(doc);
  return 0;
}
