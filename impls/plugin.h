/* actbench: implementations from shared libraries (plugins).
 *
 * The contract a plugin fills in is act_plugin in include/actbench/activation.h.  The
 * program loads the plugins named by the environment variable
 * ACTBENCH_PLUGINS (colon-separated) and by the global option --plugin PATH,
 * in that order, before it runs a command; their implementations join the
 * registry after ours and the peers'. */
#ifndef ACTBENCH_PLUGIN_H
#define ACTBENCH_PLUGIN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *path;    /* as given */
  const char *name;    /* the plugin's name */
  const char *version; /* the plugin's version, NULL when it states none */
  size_t count;        /* implementations it added */
} act_plugin_info;

/* dlopen() the library at path, check its act_plugin and append its
 * implementations to the registry.  Any problem: a one-line error naming
 * the plugin, exit status 2 (act_die).  A path without a slash names a file
 * in the current folder when one exists there, otherwise it is searched for
 * as dlopen() does. */
void act_plugin_load(const char *path);
/* The check act_plugin_load makes before dlopen(): the file at path must be
 * a regular file, an ELF shared object for this machine whose headers and
 * segments all lie inside the file (a library cut short died with SIGBUS
 * when mapped).  act_die with one line otherwise; nothing is loaded.  (The
 * fuzz target fuzz/fuzz_elf.c feeds it arbitrary bytes.) */
void act_plugin_check_file(const char *path);
/* Load every plugin of ACTBENCH_PLUGINS (PATH:PATH..., empty entries
 * ignored). */
void act_plugins_from_env(void);

/* The plugins loaded, in order. */
size_t act_plugin_count(void);
const act_plugin_info *act_plugin_at(size_t i);

#ifdef __cplusplus
}
#endif
#endif
