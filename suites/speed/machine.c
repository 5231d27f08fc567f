/* actbench speed: the state of the machine around a run, so that a reader
 * can tell a quiet run from a disturbed one.
 *
 * - load average before and after (/proc/loadavg);
 * - the share of the machine's CPU time that other processes used while the
 *   suite ran: the busy time of every CPU (/proc/stat, "cpu" line: all but
 *   idle and iowait) minus this process's own CPU time (getrusage), over the
 *   CPU time the machine had (the sum of all the line's fields);
 * - steal: time the hypervisor gave to other guests (the "steal" field);
 * - the frequency governor and boost, where the kernel exposes them (many
 *   virtual machines have no cpufreq: "not exposed");
 * - Google Benchmark's own build type (its context's library_build_type;
 *   Debian's library is a debug build, which slows its bookkeeping outside
 *   the timed region but not the kernels).
 * A warning goes to stderr and into speed.json when other processes used
 * more than OTHER_WARN of the machine, steal exceeded STEAL_WARN, or the load
 * before the run already showed a competing process. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "speed_int.h"
#include "util.h"

#define OTHER_WARN 0.05 /* of all CPUs */
#define STEAL_WARN 0.02
#define LOAD_WARN 0.5 /* load average before the run (1 minute) */

static void read_load(double v[3]) {
  v[0] = v[1] = v[2] = NAN;
  FILE *f = fopen("/proc/loadavg", "r");
  if (!f) return;
  if (fscanf(f, "%lf %lf %lf", &v[0], &v[1], &v[2]) != 3) v[0] = v[1] = v[2] = NAN;
  fclose(f);
}

/* user nice system idle iowait irq softirq steal guest guest_nice */
static int read_stat(uint64_t v[10]) {
  memset(v, 0, 10 * sizeof *v);
  FILE *f = fopen("/proc/stat", "r");
  if (!f) return 0;
  char line[512];
  int ok = 0;
  if (fgets(line, sizeof line, f) && !strncmp(line, "cpu ", 4)) {
    unsigned long long t[10] = {0};
    int got = sscanf(line + 4, "%llu %llu %llu %llu %llu %llu %llu %llu %llu %llu", &t[0], &t[1],
                     &t[2], &t[3], &t[4], &t[5], &t[6], &t[7], &t[8], &t[9]);
    for (int i = 0; i < 10; i++) v[i] = t[i];
    ok = got >= 8;
  }
  fclose(f);
  return ok;
}

static double self_cpu(void) {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0) return NAN;
  return (double)ru.ru_utime.tv_sec + 1e-6 * (double)ru.ru_utime.tv_usec +
         (double)ru.ru_stime.tv_sec + 1e-6 * (double)ru.ru_stime.tv_usec;
}

static double wall(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void spd_machine_begin(spd_machine *m) {
  memset(m, 0, sizeof *m);
  read_load(m->load_before);
  m->have_stat = read_stat(m->stat0);
  m->self_cpu0 = self_cpu();
  m->wall0 = wall();
}

void spd_machine_end(spd_machine *m) {
  read_load(m->load_after);
  m->have_stat &= read_stat(m->stat1);
  m->self_cpu1 = self_cpu();
  m->wall1 = wall();
}

/* The first line of a file, trimmed; NULL when unreadable. */
static const char *read_line(const char *path, char *buf, size_t cap) {
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  const char *r = fgets(buf, (int)cap, f);
  fclose(f);
  if (!r) return NULL;
  buf[strcspn(buf, "\n")] = '\0';
  return buf;
}

static json_t *jload(const double v[3]) {
  if (isnan(v[0])) return json_null();
  return json_pack("[f, f, f]", v[0], v[1], v[2]);
}

json_t *spd_machine_json(const spd_machine *m, const json_t *gb_context) {
  json_t *o = json_object();
  json_t *warn = json_array();
  char msg[256];
  json_object_set_new(o, "load_average_before", jload(m->load_before));
  json_object_set_new(o, "load_average_after", jload(m->load_after));
  json_object_set_new(o, "wall_seconds", json_real(m->wall1 - m->wall0));
  long hz = sysconf(_SC_CLK_TCK);
  if (m->have_stat && hz > 0) {
    uint64_t d[10], total = 0;
    for (int i = 0; i < 10; i++) d[i] = m->stat1[i] - m->stat0[i];
    for (int i = 0; i < 8; i++) total += d[i]; /* guest time is inside user */
    double busy =
        (double)(total - d[3] - d[4] - d[7]) / (double)hz; /* all but idle, iowait, steal */
    double machine = (double)total / (double)hz;
    double self = m->self_cpu1 - m->self_cpu0;
    double other = busy - self;
    if (other < 0) other = 0;
    double other_share = machine > 0 ? other / machine : NAN;
    double steal_share = machine > 0 ? (double)d[7] / (double)hz / machine : NAN;
    json_object_set_new(o, "cpu_seconds_machine", json_real(machine));
    json_object_set_new(o, "cpu_seconds_self", json_real(self));
    json_object_set_new(o, "cpu_seconds_other", json_real(other));
    json_object_set_new(o, "other_processes_share",
                        isfinite(other_share) ? json_real(other_share) : json_null());
    json_object_set_new(o, "steal_share",
                        isfinite(steal_share) ? json_real(steal_share) : json_null());
    if (other_share > OTHER_WARN) {
      snprintf(msg, sizeof msg,
               "other processes used %.0f%% of the machine's CPU time during the run: figures may "
               "be disturbed",
               100 * other_share);
      json_array_append_new(warn, json_string(msg));
    }
    if (steal_share > STEAL_WARN) {
      snprintf(msg, sizeof msg,
               "the hypervisor took %.0f%% of the CPU time for other guests (steal) during the run",
               100 * steal_share);
      json_array_append_new(warn, json_string(msg));
    }
  } else {
    json_object_set_new(o, "other_processes_share", json_null());
    json_object_set_new(o, "steal_share", json_null());
  }
  if (m->load_before[0] > LOAD_WARN) {
    snprintf(msg, sizeof msg,
             "the load average was %.2f before the run started: another process was competing",
             m->load_before[0]);
    json_array_append_new(warn, json_string(msg));
  }
  char buf[128];
  const char *gov =
      read_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", buf, sizeof buf);
  json_object_set_new(o, "governor", gov ? json_string(gov) : json_string("not exposed"));
  const char *boost = read_line("/sys/devices/system/cpu/cpufreq/boost", buf, sizeof buf);
  if (boost) {
    json_object_set_new(o, "boost", json_string(!strcmp(boost, "1") ? "on" : "off"));
  } else if ((boost =
                  read_line("/sys/devices/system/cpu/intel_pstate/no_turbo", buf, sizeof buf))) {
    json_object_set_new(o, "boost", json_string(!strcmp(boost, "1") ? "off" : "on"));
  } else {
    json_object_set_new(o, "boost", json_string("not exposed"));
  }
  const json_t *bt = gb_context ? json_object_get(gb_context, "library_build_type") : NULL;
  json_object_set_new(o, "benchmark_build_type",
                      json_is_string(bt) ? json_string(json_string_value(bt)) : json_null());
  size_t i;
  json_t *w;
  json_array_foreach(warn, i, w) act_warn("speed: %s", json_string_value(w));
  json_object_set_new(o, "warnings", warn);
  return o;
}
