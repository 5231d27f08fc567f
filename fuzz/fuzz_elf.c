/* fuzz target: the plugin check (impls/plugin.c, act_plugin_check_file) on
 * arbitrary bytes as the file --plugin names.  Seeds: the example plugin and
 * the bad plugins of tests/plugins, whole and cut short (scripts/fuzz.sh). */
#include "fuzz_common.h"
#include "plugin.h"

static fuzz_file g_file;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  act_die_hook = fuzz_die_hook;
  fuzz_file_open(&g_file, "plugin.so");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_file_set(&g_file, data, size);
  FUZZ_TRY(act_plugin_check_file(g_file.path));
  return 0;
}
