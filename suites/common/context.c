/* actbench: the machine and software context written into every results file. */
#include <cpuid.h>
#include <gmp.h>
#include <gnu/libc-version.h>
#include <mpfr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "plugin.h"
#include "select.h"
#include "util.h"

#ifndef ACTBENCH_BENCHMARK_VERSION
#define ACTBENCH_BENCHMARK_VERSION "unknown"
#endif

static size_t sysfs_cache(int level) {
  /* /sys/devices/system/cpu/cpu0/cache/indexN/{level,type,size} */
  for (int idx = 0; idx < 8; idx++) {
    char path[128], buf[64];
    int lv = 0;
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/level", idx);
    FILE *f = fopen(path, "r");
    if (!f) break;
    if (fscanf(f, "%d", &lv) != 1) lv = 0;
    fclose(f);
    if (lv != level) continue;
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/type", idx);
    f = fopen(path, "r");
    if (!f) continue;
    if (!fgets(buf, sizeof buf, f)) buf[0] = '\0';
    fclose(f);
    if (strncmp(buf, "Instruction", 11) == 0) continue;
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", idx);
    f = fopen(path, "r");
    if (!f) continue;
    unsigned long v = 0;
    char unit = 0;
    int got = fscanf(f, "%lu%c", &v, &unit);
    fclose(f);
    if (got < 1) continue;
    if (unit == 'K') v *= 1024ul;
    if (unit == 'M') v *= 1024ul * 1024ul;
    return v;
  }
  return 0;
}

size_t act_cache_size(int level) {
  size_t v = sysfs_cache(level);
  if (v) return v;
  long s = -1;
  if (level == 1) s = sysconf(_SC_LEVEL1_DCACHE_SIZE);
  if (level == 2) s = sysconf(_SC_LEVEL2_CACHE_SIZE);
  if (level == 3) s = sysconf(_SC_LEVEL3_CACHE_SIZE);
  return s > 0 ? (size_t)s : 0;
}

static void cpu_model(char *out, size_t cap) {
  snprintf(out, cap, "unknown");
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (!f) return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "model name", 10) == 0) {
      char *p = strchr(line, ':');
      if (p) {
        p++;
        while (*p == ' ' || *p == '\t') p++;
        p[strcspn(p, "\n")] = '\0';
        snprintf(out, cap, "%s", p);
      }
      break;
    }
  }
  fclose(f);
}

json_t *act_context_json(void) {
  json_t *c = json_object();
  char buf[256];
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  json_object_set_new(c, "date", json_string(buf));
  json_object_set_new(c, "command", json_string(act_command_line()));
  if (gethostname(buf, sizeof buf) != 0) snprintf(buf, sizeof buf, "unknown");
  buf[sizeof buf - 1] = '\0';
  json_object_set_new(c, "host", json_string(buf));
  cpu_model(buf, sizeof buf);
  json_object_set_new(c, "cpu_model", json_string(buf));

  json_t *feat = json_array();
  __builtin_cpu_init();
#define FEAT(s) \
  if (__builtin_cpu_supports(s)) json_array_append_new(feat, json_string(s));
  FEAT("sse4.2")
  FEAT("avx")
  FEAT("avx2")
  FEAT("fma")
  FEAT("avx512f")
  FEAT("avx512dq")
  FEAT("avx512bw")
  FEAT("avx512vl")
  FEAT("avx512ifma")
  FEAT("avx512vbmi")
  FEAT("avx512vnni")
  FEAT("avx512bf16")
#undef FEAT
  json_object_set_new(c, "cpu_features", feat);
  json_t *isa = json_array();
  unsigned m = act_cpu_features();
  json_array_append_new(isa, json_string("scalar"));
  if (m & ACT_CPU_AVX2) json_array_append_new(isa, json_string("avx2"));
  if (m & ACT_CPU_AVX512) json_array_append_new(isa, json_string("avx512"));
  json_object_set_new(c, "isa_selected", isa);
  json_object_set_new(c, "cores", json_integer(sysconf(_SC_NPROCESSORS_ONLN)));
  /* a virtual machine: CPUID's hypervisor bit (leaf 1, ECX bit 31); its
   * caches are the host's as the hypervisor reports them */
  {
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    int hv = __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx >> 31 & 1);
    json_object_set_new(c, "hypervisor", json_boolean(hv));
  }
  json_t *caches = json_object();
  json_object_set_new(caches, "l1d", json_integer((json_int_t)act_cache_size(1)));
  json_object_set_new(caches, "l2", json_integer((json_int_t)act_cache_size(2)));
  json_object_set_new(caches, "l3", json_integer((json_int_t)act_cache_size(3)));
  json_object_set_new(c, "caches", caches);
#if defined(__clang__)
  snprintf(buf, sizeof buf, "clang %s", __clang_version__);
#elif defined(__GNUC__)
  snprintf(buf, sizeof buf, "gcc %s", __VERSION__);
#else
  snprintf(buf, sizeof buf, "unknown");
#endif
  json_object_set_new(c, "compiler", json_string(buf));
  snprintf(buf, sizeof buf, "glibc %s", gnu_get_libc_version());
  json_object_set_new(c, "libc", json_string(buf));
  json_object_set_new(c, "mpfr_version", json_string(mpfr_get_version()));
  json_object_set_new(c, "gmp_version", json_string(gmp_version));
  json_object_set_new(c, "jansson_version", json_string(JANSSON_VERSION));
  json_object_set_new(c, "benchmark_version", json_string(ACTBENCH_BENCHMARK_VERSION));
  if (act_plugin_count()) { /* only when plugins were loaded */
    json_t *pl = json_array();
    for (size_t i = 0; i < act_plugin_count(); i++) {
      const act_plugin_info *pi = act_plugin_at(i);
      json_array_append_new(
          pl, json_pack("{s:s, s:s?, s:s, s:I}", "name", pi->name, "version", pi->version, "path",
                        pi->path, "implementations", (json_int_t)pi->count));
    }
    json_object_set_new(c, "plugins", pl);
  }
  return c;
}
