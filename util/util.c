/* actbench: helpers shared by the command-line program and the suites. */
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void (*act_die_hook)(int code);
int act_parse_only;

_Noreturn void act_die(const char *fmt, ...) {
  va_list ap;
  fflush(stdout);
  fputs("actbench: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  act_tmp_remove_all();
  if (act_die_hook) act_die_hook(2);
  exit(2);
}

/* ---- temporaries: a fixed table, so that a signal handler can walk it.
 * A slot's path is written before its flag is set (release), and the
 * handler reads the flag first (acquire): it never sees half a path. */
#define TMP_SLOTS 16
#define TMP_PATH 4400
static struct {
  volatile int used;
  char path[TMP_PATH];
} g_tmps[TMP_SLOTS];

int act_tmp_add(const char *path) {
  size_t len = strlen(path);
  if (len >= TMP_PATH) return -1;
  for (int k = 0; k < TMP_SLOTS; k++)
    if (!__atomic_load_n(&g_tmps[k].used, __ATOMIC_ACQUIRE)) {
      memcpy(g_tmps[k].path, path, len + 1);
      __atomic_store_n(&g_tmps[k].used, 1, __ATOMIC_RELEASE);
      return k;
    }
  return -1;
}

void act_tmp_drop(int slot) {
  if (slot >= 0 && slot < TMP_SLOTS) __atomic_store_n(&g_tmps[slot].used, 0, __ATOMIC_RELEASE);
}

/* async-signal-safe: unlink only */
void act_tmp_remove_all(void) {
  for (int k = 0; k < TMP_SLOTS; k++)
    if (__atomic_exchange_n(&g_tmps[k].used, 0, __ATOMIC_ACQ_REL)) unlink(g_tmps[k].path);
}

static void on_fatal_signal(int sig) {
  int e = errno;
  act_tmp_remove_all();
  /* then what the signal would have done: the process ends by it */
  signal(sig, SIG_DFL);
  errno = e;
  raise(sig);
}

void act_signals_init(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    /* a signal ignored by whoever started us (nohup) stays ignored */
    if (sigaction(sigs[k], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(sigs[k], &sa, NULL);
  }
}

/* name matches pattern (with one "%p" for a process id, decimal digits
 * without a leading zero): the pid, else 0 */
static long stale_pid(const char *name, const char *pattern) {
  const char *p = strstr(pattern, "%p");
  if (!p) return 0;
  size_t pre = (size_t)(p - pattern), suf = strlen(p + 2), len = strlen(name);
  if (len <= pre + suf || strncmp(name, pattern, pre) != 0 || strcmp(name + len - suf, p + 2) != 0)
    return 0;
  const char *d = name + pre;
  size_t nd = len - pre - suf;
  if (nd > 9 || d[0] == '0') return 0;
  long pid = 0;
  for (size_t i = 0; i < nd; i++) {
    if (d[i] < '0' || d[i] > '9') return 0;
    pid = pid * 10 + (d[i] - '0');
  }
  return pid;
}

size_t act_remove_stale(const char *dir, const char *const *patterns, size_t n) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  size_t removed = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    long pid = stale_pid(e->d_name, ".actbench-probe.%p"); /* act_ensure_dir's */
    for (size_t k = 0; k < n && !pid; k++) pid = stale_pid(e->d_name, patterns[k]);
    if (pid <= 0 || pid == (long)getpid()) continue;
    if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue; /* it runs (or is not ours) */
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
      continue;
    if (unlinkat(dirfd(d), e->d_name, 0) == 0) {
      act_warn("removed %s/%s, a temporary left by process %ld, which no longer runs", dir,
               e->d_name, pid);
      removed++;
    }
  }
  closedir(d);
  return removed;
}

void act_warn(const char *fmt, ...) {
  va_list ap;
  fputs("actbench: warning: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

const char *act_opt_value(const char *cmd, int argc, char **argv, int *i, const char *name) {
  const char *a = argv[*i];
  size_t len = strlen(name);
  if (strncmp(a, name, len) != 0) return NULL;
  if (a[len] == '=') return a + len + 1;
  if (a[len] != '\0') return NULL;
  if (*i + 1 >= argc || !strncmp(argv[*i + 1], "--", 2)) act_die("%s: %s needs a value", cmd, name);
  return argv[++*i];
}

/* A decimal number as a person writes it: an optional '-', digits, an
 * optional fraction and exponent; no blanks, no '+', no hex, no inf or nan. */
static int decimal_number(const char *s) {
  if (*s == '-') s++;
  size_t d = strspn(s, "0123456789");
  s += d;
  if (*s == '.') {
    size_t f = strspn(s + 1, "0123456789");
    s += 1 + f;
    d += f;
  }
  if (!d) return 0;
  if (*s == 'e' || *s == 'E') {
    s++;
    if (*s == '-' || *s == '+') s++;
    size_t e = strspn(s, "0123456789");
    if (!e) return 0;
    s += e;
  }
  return *s == '\0';
}

double act_parse_double(const char *opt, const char *s, double lo, double hi) {
  if (!s || !*s) act_die("%s needs a number", opt);
  if (!decimal_number(s)) act_die("%s: '%s' is not a decimal number", opt, s);
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (*end != '\0' || end == s || isnan(v)) act_die("%s: '%s' is not a number", opt, s);
  if (v < lo || v > hi) act_die("%s: %s is out of range [%g, %g]", opt, s, lo, hi);
  return v;
}

long long act_parse_int(const char *opt, const char *s, long long lo, long long hi) {
  if (!s || !*s) act_die("%s needs an integer", opt);
  /* decimal digits, and a '-' only where the range has negative values */
  const char *d = (*s == '-' && lo < 0) ? s + 1 : s;
  if (!*d || strspn(d, "0123456789") != strlen(d))
    act_die("%s: '%s' is not a%s decimal integer", opt, s, lo < 0 ? "" : " non-negative");
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (*end != '\0' || end == s) act_die("%s: '%s' is not an integer", opt, s);
  if (errno == ERANGE || v < lo || v > hi)
    act_die("%s: %s is out of range [%lld, %lld]", opt, s, lo, hi);
  return v;
}

float act_parse_float(const char *opt, const char *s) {
  if (!s || !*s) act_die("%s needs a number", opt);
  if (isspace((unsigned char)*s) || *s == '+')
    act_die("%s: '%s' is not a number (no blanks or '+' before it)", opt, s);
  char *end;
  errno = 0;
  float v = strtof(s, &end);
  if (*end != '\0' || end == s) act_die("%s: '%s' is not a number", opt, s);
  if (errno == ERANGE && isinf(v) && !strstr(s, "inf"))
    act_die("%s: %s is out of the range of float", opt, s);
  return v;
}

void act_ensure_dir(const char *dir) {
  if (!dir || !*dir) act_die("empty output folder name");
  char buf[4096];
  size_t len = strlen(dir);
  if (len >= sizeof buf) act_die("output folder name too long: %s", dir);
  memcpy(buf, dir, len + 1);
  for (char *p = buf + 1; *p; p++) {
    if (*p == '/') {
      *p = '\0';
      if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        act_die("cannot create folder %s: %s", buf, strerror(errno));
      *p = '/';
    }
  }
  if (mkdir(buf, 0777) != 0 && errno != EEXIST)
    act_die("cannot create folder %s: %s", dir, strerror(errno));
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) act_die("%s is not a folder", dir);
  if (access(dir, W_OK) != 0) act_die("folder %s is not writable: %s", dir, strerror(errno));
  /* access() says yes to root anywhere, and /proc and /sys take no new
   * files: create one */
  char probe[4400];
  if (snprintf(probe, sizeof probe, "%s/.actbench-probe.%ld", dir, (long)getpid()) >=
      (int)sizeof probe)
    act_die("output folder name too long: %s", dir);
  int slot = act_tmp_add(probe);
  int fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) { /* left by a killed run that had our pid */
    unlink(probe);
    fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  }
  if (fd < 0) {
    int e = errno;
    act_tmp_drop(slot);
    act_die("cannot create files in folder %s: %s", dir, strerror(e));
  }
  close(fd);
  unlink(probe);
  act_tmp_drop(slot);
}

void act_write_json(const json_t *doc, const char *path) {
  char tmp[4200];
  if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= (int)sizeof tmp)
    act_die("path too long: %s", path);
  int slot = act_tmp_add(tmp);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    int e = errno;
    act_tmp_drop(slot);
    act_die("cannot write %s: %s", path, strerror(e));
  }
  FILE *f = fdopen(fd, "w");
  if (!f) {
    int e = errno;
    close(fd);
    unlink(tmp);
    act_die("cannot write %s: %s", path, strerror(e));
  }
  int bad = json_dumpf(doc, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
  bad |= fputc('\n', f) == EOF;
  bad |= fflush(f) != 0;
  bad |= fsync(fileno(f)) != 0;
  bad |= fclose(f) != 0;
  if (bad) {
    int e = errno;
    unlink(tmp);
    act_die("cannot write %s: %s", path, strerror(e));
  }
  if (rename(tmp, path) != 0) {
    int e = errno;
    unlink(tmp);
    act_die("cannot rename %s to %s: %s", tmp, path, strerror(e));
  }
  act_tmp_drop(slot);
}

FILE *act_open_regular(const char *path) {
  /* O_NONBLOCK: opening a FIFO must not wait for a writer */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) act_die("cannot read %s: %s", path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    act_die("cannot read %s: %s", path, strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    if (S_ISDIR(st.st_mode)) act_die("%s is a folder, not a results file", path);
    act_die("%s is not a regular file (%s), not a results file", path,
            S_ISFIFO(st.st_mode)   ? "a FIFO"
            : S_ISCHR(st.st_mode)  ? "a character device"
            : S_ISBLK(st.st_mode)  ? "a block device"
            : S_ISSOCK(st.st_mode) ? "a socket"
                                   : "not a plain file");
  }
  if (st.st_size > ACT_MAX_RESULTS_BYTES) {
    close(fd);
    act_die("%s is %lld bytes, more than any results file (%lld)", path, (long long)st.st_size,
            (long long)ACT_MAX_RESULTS_BYTES);
  }
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    int e = errno;
    close(fd);
    act_die("cannot read %s: %s", path, strerror(e));
  }
  return f;
}

/* act_die, the document released first (the fuzz targets run on after
 * act_die: nothing may be left unreachable) */
static _Noreturn void __attribute__((format(printf, 2, 3)))
die_doc(json_t *doc, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  json_decref(doc);
  act_die("%s", msg);
}

json_t *act_read_json(const char *path, const char *kind) {
  FILE *f = act_open_regular(path);
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && st.st_size == 0) {
    fclose(f);
    act_die("%s is empty, not a results file", path);
  }
  json_error_t err;
  json_t *doc = json_loadf(f, 0, &err);
  int rerr = ferror(f);
  fclose(f);
  if (rerr) die_doc(doc, "cannot read %s: read error", path);
  if (!doc && err.line <= 0 && err.position == 0) act_die("%s is empty, not a results file", path);
  if (!doc) act_die("%s is not valid JSON (line %d: %s)", path, err.line, err.text);
  if (!json_is_object(doc)) die_doc(doc, "%s is not a results file (not a JSON object)", path);
  if (kind) {
    const char *k = json_string_value(json_object_get(doc, "kind"));
    if (!k) die_doc(doc, "%s is not an actbench results file (no \"kind\")", path);
    if (strcmp(k, kind) != 0)
      die_doc(doc, "%s holds %s results, expected %s results", path, k, kind);
  }
  return doc;
}

static char *g_cmdline;

void act_set_command_line(int argc, char **argv) {
  size_t len = 1;
  for (int i = 0; i < argc; i++) len += strlen(argv[i]) * 4 + 3;
  free(g_cmdline);
  g_cmdline = malloc(len);
  if (!g_cmdline) return;
  char *p = g_cmdline;
  for (int i = 0; i < argc; i++) {
    const char *a = i == 0 ? "actbench" : argv[i];
    if (i) *p++ = ' ';
    int quote = a[0] == '\0' || strpbrk(a, " \t'\"*?$;&|<>()\\") != NULL;
    if (quote) *p++ = '\'';
    for (const char *q = a; *q; q++) {
      if (*q == '\'') {
        memcpy(p, "'\\''", 4);
        p += 4;
      } else {
        *p++ = *q;
      }
    }
    if (quote) *p++ = '\'';
  }
  *p = '\0';
}

const char *act_command_line(void) {
  return g_cmdline ? g_cmdline : "actbench";
}

void act_rng_seed(act_rng *r, uint64_t seed) {
  r->s = seed;
}

/* splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014). */
uint64_t act_rng_next(act_rng *r) {
  uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

double act_rng_uniform(act_rng *r) {
  return (double)(act_rng_next(r) >> 11) * 0x1p-53;
}

float act_bits_float(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

uint32_t act_float_bits(float x) {
  uint32_t u;
  memcpy(&u, &x, sizeof u);
  return u;
}

/* -0 and +0 map to distinct neighbours (-1 and 0) so that every float of a
 * range is visited once. */
int64_t act_float_order(float x) {
  uint32_t u = act_float_bits(x);
  if (u & 0x80000000u) return -(int64_t)(u & 0x7fffffffu) - 1;
  return (int64_t)u;
}

float act_order_float(int64_t k) {
  if (k < 0) return act_bits_float((uint32_t)(-(k + 1)) | 0x80000000u);
  return act_bits_float((uint32_t)k);
}

const char *act_fmt_float(char buf[32], float x) {
  if (isnan(x))
    snprintf(buf, 32, "nan");
  else if (isinf(x))
    snprintf(buf, 32, x > 0 ? "inf" : "-inf");
  else
    snprintf(buf, 32, "%.9g", (double)x);
  return buf;
}

const char *act_fmt_hex(char buf[40], float x) {
  if (isnan(x))
    snprintf(buf, 40, "nan");
  else if (isinf(x))
    snprintf(buf, 40, x > 0 ? "inf" : "-inf");
  else
    snprintf(buf, 40, "%a", (double)x);
  return buf;
}

const char *act_fmt_pct(char buf[32], double frac) {
  if (isnan(frac))
    snprintf(buf, 32, "-");
  else if (frac <= 0)
    snprintf(buf, 32, "0%%");
  else if (frac >= 1)
    snprintf(buf, 32, "100%%");
  else if (frac < 1e-6)
    snprintf(buf, 32, "< 0.0001%%");
  else {
    snprintf(buf, 32, "%.4g%%", 100 * frac);
    if (!strcmp(buf, "100%")) snprintf(buf, 32, ">99.99%%");
  }
  return buf;
}

const char *act_fmt_prob(char buf[32], double p) {
  if (isnan(p))
    snprintf(buf, 32, "-");
  else if (p <= 0)
    snprintf(buf, 32, "0");
  else if (p >= 1)
    snprintf(buf, 32, "1");
  else if (p < 1e-6)
    snprintf(buf, 32, "< 1e-06");
  else if (p > 1 - 1e-6)
    snprintf(buf, 32, "> 0.999999");
  else
    snprintf(buf, 32, "%.4g", p);
  return buf;
}

void *act_alloc(size_t bytes) {
  void *p = NULL;
  size_t sz = (bytes + 63) / 64 * 64;
  if (sz == 0) sz = 64;
  if (posix_memalign(&p, 64, sz) != 0 || !p) act_die("out of memory allocating %zu bytes", bytes);
  return p;
}

void act_free(void *p) {
  free(p);
}
