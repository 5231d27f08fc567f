/* actbench report: the report's files.  Everything the report writes goes
 * through here: it renders into a temporary folder beside --out
 * (OUT.tmp-PID) and puts it in place at the end, so a failed or interrupted
 * run leaves the previous report as it was.
 *
 * Interrupted (SIGINT, SIGTERM, SIGHUP), the report stops its gnuplot child
 * and removes its temporary folder before it dies of the signal; a later run
 * removes the temporaries (OUT.tmp-PID, OUT.old-PID) of earlier runs that were
 * killed outright, those whose PID no longer runs.  The handler only records
 * the signal and kills the child (both async-signal-safe); the cleanup runs
 * at the next file the report opens or closes, or when gnuplot returns. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report_int.h"
#include "util.h"

static volatile sig_atomic_t g_signal; /* the signal that interrupted the report, 0 for none */
static volatile sig_atomic_t g_child;  /* gnuplot's pid while it runs, 0 otherwise */
static char *pending_dir;              /* the folder being rendered */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st;
  (void)flag;
  (void)ftw;
  remove(path);
  return 0;
}

static void remove_tree(const char *path) {
  nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void remove_pending(void) {
  if (pending_dir) remove_tree(pending_dir);
  free(pending_dir);
  pending_dir = NULL;
}

static void on_signal(int sig) {
  g_signal = sig;
  if (g_child > 0) kill((pid_t)g_child, SIGTERM);
}

void rep_files_init(void) {
  static int done;
  if (done) return;
  done = 1;
  atexit(remove_pending);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: waitpid returns EINTR and the report checks */
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction old;
    /* a signal ignored by whoever started us (nohup) stays ignored */
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(sigs[i], &sa, NULL);
  }
}

void rep_check_interrupt(void) {
  int sig = g_signal;
  if (!sig) return;
  pid_t c = (pid_t)g_child;
  if (c > 0) kill(c, SIGKILL);
  remove_pending();
  fprintf(stderr, "actbench: report: interrupted by signal %d; nothing written\n", sig);
  signal(sig, SIG_DFL);
  raise(sig);
  _exit(128 + sig);
}

void rep_child_started(long pid) {
  g_child = (sig_atomic_t)pid;
  if (g_signal && pid > 0) kill((pid_t)pid, SIGTERM);
}

void rep_child_ended(void) {
  g_child = 0;
}

FILE *rep_fopen(const char *dir, const char *name) {
  rep_check_interrupt();
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  if (!f) act_die("report: cannot write %s: %s", path, strerror(errno));
  return f;
}

void rep_fclose(FILE *f, const char *dir, const char *name) {
  int bad = ferror(f);
  if (fclose(f) != 0) bad = 1;
  if (bad) act_die("report: error writing %s/%s", dir, name);
  rep_check_interrupt();
}

static int is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder that holds out ("." when out has no slash). */
static char *parent_of(const char *out) {
  char *parent = strdup(out);
  if (!parent) act_die("report: out of memory");
  char *slash = strrchr(parent, '/');
  if (!slash) {
    free(parent);
    parent = strdup(".");
    if (!parent) act_die("report: out of memory");
  } else if (slash == parent) {
    slash[1] = 0;
  } else {
    *slash = 0;
  }
  return parent;
}

/* An existing --out is replaced only when it is a report (or empty): never
 * some other folder named by mistake.  A folder we may not look into or
 * write is said to be so, not taken for a folder without a report. */
void rep_check_replaceable(const char *out) {
  struct stat st;
  if (lstat(out, &st) != 0) {
    if (errno != ENOENT) act_die("report: --out %s: %s", out, strerror(errno));
    return;
  }
  if (!S_ISDIR(st.st_mode))
    act_die("report: --out %s exists and is not a folder; not replacing it", out);
  if (access(out, R_OK | W_OK | X_OK) != 0)
    act_die("report: --out %s: cannot replace the report there: %s (the folder is not %s)", out,
            strerror(errno), errno == EROFS ? "on a writable file system" : "writable by you");
  char p[4096];
  snprintf(p, sizeof p, "%s/index.html", out);
  if (is_file(p)) return;
  snprintf(p, sizeof p, "%s/summary.md", out);
  if (is_file(p)) return;
  if (rmdir(out) == 0) return; /* empty */
  if (errno == EACCES || errno == EPERM || errno == EROFS || errno == EBUSY)
    act_die("report: --out %s: cannot replace it: %s", out, strerror(errno));
  act_die("report: --out %s is a folder that holds no report (no index.html); not replacing it",
          out);
}

/* Temporaries of earlier reports into the same --out that were killed
 * outright: OUT.tmp-PID and OUT.old-PID whose PID no longer runs. */
static void remove_stale(const char *out) {
  char *parent = parent_of(out);
  const char *base = strrchr(out, '/') ? strrchr(out, '/') + 1 : out;
  size_t bl = strlen(base);
  DIR *d = opendir(parent);
  if (!d) {
    free(parent);
    return;
  }
  struct dirent *e;
  while ((e = readdir(d))) {
    const char *n = e->d_name;
    if (strncmp(n, base, bl) || n[bl] != '.') continue;
    const char *t = n + bl + 1;
    if (strncmp(t, "tmp-", 4) && strncmp(t, "old-", 4)) continue;
    t += 4;
    if (!*t || strspn(t, "0123456789") != strlen(t) || strlen(t) > 9) continue;
    long pid = strtol(t, NULL, 10);
    if (pid <= 0 || pid == (long)getpid()) continue;
    if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue; /* it runs (or is not ours) */
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", parent, n);
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    remove_tree(path);
    fprintf(stderr, "actbench: report: removed %s, left by a report (pid %ld) that was killed\n",
            path, pid);
  }
  closedir(d);
  free(parent);
}

char *rep_make_tmp_dir(const char *out) {
  rep_files_init();
  char *parent = parent_of(out);
  struct stat st;
  if (stat(parent, &st) != 0) act_ensure_dir(parent);
  if (access(parent, W_OK | X_OK) != 0)
    act_die("report: --out %s: cannot write the report in %s: %s", out, parent, strerror(errno));
  free(parent);
  remove_stale(out);
  size_t n = strlen(out) + 32;
  char *tmp = malloc(n);
  if (!tmp) act_die("report: out of memory");
  snprintf(tmp, n, "%s.tmp-%ld", out, (long)getpid());
  remove_tree(tmp); /* a leftover of an earlier run with the same id */
  if (mkdir(tmp, 0777) != 0)
    act_die("report: --out %s: cannot create %s: %s", out, tmp, strerror(errno));
  pending_dir = tmp;
  static const char *const sub[] = {"data", "gp", "fig"};
  for (int i = 0; i < 3; i++) {
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", tmp, sub[i]);
    if (mkdir(p, 0777) != 0) act_die("report: cannot create %s: %s", p, strerror(errno));
  }
  return strdup(tmp);
}

/* Put the rendered folder in place of out, atomically where the file system
 * can exchange two names. */
void rep_install(const char *tmp, const char *out) {
  rep_check_interrupt();
  /* from here on an interrupt waits: the names are being swapped */
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigaddset(&block, SIGHUP);
  sigprocmask(SIG_BLOCK, &block, &old);
  if (rename(tmp, out) == 0) {
    free(pending_dir);
    pending_dir = NULL;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return;
  }
  if (errno != EEXIST && errno != ENOTEMPTY)
    act_die("report: cannot rename %s to %s: %s", tmp, out, strerror(errno));
  if (renameat2(AT_FDCWD, tmp, AT_FDCWD, out, RENAME_EXCHANGE) == 0) {
    remove_pending(); /* the old report, now under the temporary name */
    sigprocmask(SIG_SETMASK, &old, NULL);
    return;
  }
  size_t n = strlen(out) + 32;
  char *old_dir = malloc(n);
  if (!old_dir) act_die("report: out of memory");
  snprintf(old_dir, n, "%s.old-%ld", out, (long)getpid());
  remove_tree(old_dir);
  if (rename(out, old_dir) != 0) {
    free(old_dir);
    act_die("report: cannot move the old report %s aside: %s", out, strerror(errno));
  }
  if (rename(tmp, out) != 0) {
    int e = errno;
    rename(old_dir, out);
    free(old_dir);
    act_die("report: cannot rename %s to %s: %s", tmp, out, strerror(e));
  }
  remove_tree(old_dir);
  free(old_dir);
  free(pending_dir);
  pending_dir = NULL;
  sigprocmask(SIG_SETMASK, &old, NULL);
}
