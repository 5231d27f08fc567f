/* actbench: implementations from shared libraries (plugins); the contract is
 * act_plugin in include/actbench/activation.h, the loading rules are in plugin.h. */
#include "plugin.h"

#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "registry.h"
#include "util.h"

#define MAX_PLUGINS 64
#define MAX_NAME 160 /* implementation names: speed.c builds "<name>/bwd/<n>" in 256 */

typedef struct {
  act_plugin_info info;
  void *handle;
  char *origin; /* "plugin:<name>", for the implementations that state none */
} loaded;

static loaded g_plugins[MAX_PLUGINS];
static size_t g_nplugins;

size_t act_plugin_count(void) {
  return g_nplugins;
}

const act_plugin_info *act_plugin_at(size_t i) {
  return i < g_nplugins ? &g_plugins[i].info : NULL;
}

/* dlerror() text on one line */
static const char *one_line(const char *s, char *buf, size_t cap) {
  if (!s) s = "unknown error";
  size_t k = 0;
  for (; *s && k + 1 < cap; s++) buf[k++] = (*s == '\n' || *s == '\r') ? ' ' : *s;
  buf[k] = '\0';
  return buf;
}

/* Letters, digits and the characters of extra; 1..max characters. */
static int is_token(const char *s, const char *extra, size_t max) {
  if (!s || !*s || strlen(s) > max) return 0;
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             (c && strchr(extra, c));
    if (!ok) return 0;
  }
  return 1;
}

static void known_activations(char *buf, size_t cap) {
  buf[0] = '\0';
  for (size_t i = 0; i < act_activation_count; i++) {
    if (i) strncat(buf, ", ", cap - strlen(buf) - 1);
    strncat(buf, act_activations[i]->name, cap - strlen(buf) - 1);
  }
}

#define KNOWN_FLAGS                                                                            \
  (ACT_NAN_FWD | ACT_NAN_BWD | ACT_FTZ | ACT_NAN_SPURIOUS | ACT_NATIVE_BF16 | ACT_NATIVE_F16 | \
   ACT_BWD_NO_X | ACT_BWD_NO_Y | ACT_SERIAL)

/* One implementation of the plugin: dies with what is wrong. */
static void check_impl(const char *path, const act_impl *impls, size_t k) {
  const act_impl *m = &impls[k];
  char what[256];
  if (m->name && is_token(m->name, "_.+-", MAX_NAME))
    snprintf(what, sizeof what, "plugin %s: implementation %s", path, m->name);
  else
    snprintf(what, sizeof what, "plugin %s: implementation [%zu]", path, k);
  if (!m->activation) act_die("%s: no activation", what);
  if (!act_find_activation(m->activation)) {
    char names[512];
    known_activations(names, sizeof names);
    act_die("%s: unknown activation '%.40s' (known: %s)", what, m->activation, names);
  }
  if (!m->name) act_die("%s: no name", what);
  if (!is_token(m->name, "_.+-", MAX_NAME))
    act_die("%s: name '%.60s' is not <activation>.<isa>.<algorithm> of letters, digits, _ . + -",
            what, m->name);
  size_t al = strlen(m->activation);
  if (strncmp(m->name, m->activation, al) != 0 || m->name[al] != '.' || !m->name[al + 1])
    act_die("%s: the name must start with '%s.' (<activation>.<isa>.<algorithm>)", what,
            m->activation);
  if (!m->isa || !is_token(m->isa, "_-", 32))
    act_die("%s: isa must be a word such as scalar, avx2 or avx512", what);
  if (!m->fwd) act_die("%s: fwd is NULL (every implementation needs a forward kernel)", what);
  if (!m->available) act_die("%s: available is NULL (return 1 when the CPU can run it)", what);
  /* a claim is a bound >= 0, or NAN for none */
  if (!(m->fwd_ulp >= 0 || isnan(m->fwd_ulp)) || !(m->bwd_ulp >= 0 || isnan(m->bwd_ulp)))
    act_die("%s: claimed bounds must be numbers >= 0, or NAN for none (fwd_ulp %g, bwd_ulp %g)",
            what, m->fwd_ulp, m->bwd_ulp);
  if (m->flags & ~KNOWN_FLAGS)
    act_die("%s: unknown flags 0x%x (this actbench knows 0x%x)", what, m->flags & ~KNOWN_FLAGS,
            KNOWN_FLAGS);
  if (m->origin && !is_token(m->origin, "_.:+-", 64))
    act_die("%s: origin must be a word (or NULL for plugin:<name>)", what);
  const act_impl *have = act_find_impl(m->name);
  if (have) act_die("%s: the name is taken (origin %s)", what, have->origin ? have->origin : "?");
  for (size_t j = 0; j < k; j++)
    if (!strcmp(impls[j].name, m->name)) act_die("%s: declared twice", what);
}

/* The file must be a shared object for this machine whose every part lies
 * inside the file, before the dynamic loader maps it: a truncated library
 * (its segments beyond the end of the file) would otherwise be mapped and
 * die with SIGBUS when touched.  Dies with one line on what is wrong. */
static void check_elf(const char *path, const char *open_path) {
  int fd = open(open_path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) act_die("plugin %s: cannot open: %s", path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    act_die("plugin %s: cannot read: %s", path, strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    act_die("plugin %s: not a regular file (%s)", path,
            S_ISDIR(st.st_mode)    ? "a folder"
            : S_ISFIFO(st.st_mode) ? "a FIFO"
                                   : "a device");
  }
  uint64_t size = (uint64_t)st.st_size;
  Elf64_Ehdr eh;
  ssize_t got = pread(fd, &eh, sizeof eh, 0);
  if (got < 4 || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0) {
    close(fd);
    act_die("plugin %s: not an ELF shared library", path);
  }
  const char *why = NULL;
  char buf[160];
  if (got < (ssize_t)sizeof eh)
    why = "its ELF header is cut short";
  else if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB)
    why = "not a 64-bit little-endian ELF file";
#if defined(__x86_64__)
  else if (eh.e_machine != EM_X86_64)
    why = "built for another machine than x86-64";
#endif
  else if (eh.e_type != ET_DYN)
    why = eh.e_type == ET_EXEC ? "an executable, not a shared library"
                               : "not a shared library (ELF type is not ET_DYN)";
  else if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phnum == 0)
    why = "no valid program headers";
  else if (eh.e_phoff > size || (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr) > size - eh.e_phoff)
    why = "its program headers lie beyond the end of the file (truncated?)";
  else if (eh.e_shoff &&
           (eh.e_shoff > size || (uint64_t)eh.e_shnum * eh.e_shentsize > size - eh.e_shoff))
    why = "its section headers lie beyond the end of the file (truncated?)";
  for (unsigned k = 0; !why && k < eh.e_phnum; k++) {
    Elf64_Phdr ph;
    if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + (uint64_t)k * sizeof ph)) !=
        (ssize_t)sizeof ph) {
      why = "its program headers cannot be read";
      break;
    }
    if ((ph.p_type == PT_LOAD || ph.p_type == PT_DYNAMIC) &&
        (ph.p_offset > size || ph.p_filesz > size - ph.p_offset)) {
      snprintf(buf, sizeof buf,
               "segment %u ends at byte %llu, beyond the end of the file (%llu bytes): truncated?",
               k, (unsigned long long)ph.p_offset + (unsigned long long)ph.p_filesz,
               (unsigned long long)size);
      why = buf;
    }
  }
  close(fd);
  if (why) act_die("plugin %s: %s", path, why);
}

void act_plugin_check_file(const char *path) {
  check_elf(path, path);
}

void act_plugin_load(const char *path) {
  if (!path || !*path) act_die("--plugin needs the path of a shared library");
  if (g_nplugins == MAX_PLUGINS) act_die("plugin %s: more than %d plugins", path, MAX_PLUGINS);
  /* a bare file name in the current folder means that file, not a search */
  char local[4096];
  const char *open_path = path;
  if (!strchr(path, '/') && access(path, F_OK) == 0 &&
      snprintf(local, sizeof local, "./%s", path) < (int)sizeof local)
    open_path = local;
  char err[512];
  check_elf(path, open_path);
  dlerror();
  void *h = dlopen(open_path, RTLD_NOW | RTLD_LOCAL);
  if (!h) act_die("plugin %s: cannot load: %s", path, one_line(dlerror(), err, sizeof err));
  for (size_t i = 0; i < g_nplugins; i++)
    if (g_plugins[i].handle == h)
      act_die("plugin %s: already loaded (as %s)", path, g_plugins[i].info.path);
  dlerror();
  void *sym = dlsym(h, ACT_PLUGIN_ENTRY);
  if (!sym) act_die("plugin %s: has no " ACT_PLUGIN_ENTRY " entry point", path);
  act_plugin_entry_fn *entry;
  memcpy(&entry, &sym, sizeof entry); /* POSIX: a function pointer from dlsym */
  const act_plugin *pl = entry();
  if (!pl) act_die("plugin %s: " ACT_PLUGIN_ENTRY "() returned NULL", path);
  if (pl->contract_version != ACT_CONTRACT_VERSION)
    act_die("plugin %s: declares contract version %d, this actbench speaks %d", path,
            pl->contract_version, ACT_CONTRACT_VERSION);
  if (!is_token(pl->name, "_.-", 64))
    act_die("plugin %s: its name must be 1 to 64 letters, digits, _ . -", path);
  for (size_t i = 0; i < g_nplugins; i++)
    if (!strcmp(g_plugins[i].info.name, pl->name))
      act_die("plugin %s: another plugin is named %s (%s)", path, pl->name, g_plugins[i].info.path);
  if (!pl->impls || pl->count == 0) act_die("plugin %s: declares no implementations", path);
  if (pl->count > 100000) act_die("plugin %s: declares %zu implementations", path, pl->count);
  for (size_t k = 0; k < pl->count; k++) check_impl(path, pl->impls, k);

  /* copies with the origin filled in */
  size_t olen = strlen(pl->name) + 8;
  char *origin = malloc(olen);
  act_impl *copy = malloc(pl->count * sizeof *copy);
  char *path_copy = strdup(path);
  if (!origin || !copy || !path_copy) act_die("plugin %s: out of memory", path);
  snprintf(origin, olen, "plugin:%s", pl->name);
  for (size_t k = 0; k < pl->count; k++) {
    copy[k] = pl->impls[k];
    if (!copy[k].origin || !*copy[k].origin) copy[k].origin = origin;
  }
  if (act_registry_append(copy, pl->count) != 0) act_die("plugin %s: out of memory", path);
  free(copy);
  loaded *l = &g_plugins[g_nplugins++];
  l->handle = h; /* never closed: the registry points into it */
  l->origin = origin;
  l->info.path = path_copy;
  l->info.name = pl->name;
  l->info.version = pl->version;
  l->info.count = pl->count;
}

void act_plugins_from_env(void) {
  const char *env = getenv("ACTBENCH_PLUGINS");
  if (!env || !*env) return;
  char *list = strdup(env);
  if (!list) act_die("out of memory");
  for (char *s = list, *next; s; s = next) {
    next = strchr(s, ':');
    if (next) *next++ = '\0';
    if (*s) act_plugin_load(s);
  }
  free(list);
}
