/* actbench report: reads the results files of the suites (speed.json,
 * accuracy.json, saturation.json; docs/results.md) and renders a folder with
 * gnuplot figures, index.html, a page per activation and summary.md.
 *
 * The report never measures: it reads only the results files.  It renders
 * into a temporary folder next to --out and puts it in place at the end, so a
 * failed run leaves the previous report as it was. */
#include "report.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report_int.h"
#include "util.h"

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench report [--results DIR] [--speed FILE] [--accuracy FILE]\n"
          "                       [--saturation FILE] [--zerocenter FILE] [--out DIR]\n"
          "                       [--size SIZE]\n"
          "Renders the results files of the suites into a report folder: gnuplot figures\n"
          "(SVG and PNG, with their data and scripts), index.html with a page per\n"
          "activation, and summary.md.  It measures nothing.\n"
          "\n"
          "  --results DIR      read DIR/speed.json, DIR/accuracy.json, DIR/saturation.json\n"
          "                     and DIR/zerocenter.json, each when present (default:\n"
          "                     results); what a file lacks, the report leaves out\n"
          "  --speed FILE       read this speed results file (it must exist); likewise\n"
          "  --accuracy FILE    --accuracy, --saturation and --zerocenter.  Given alone,\n"
          "  --saturation FILE  without --results, only the named files are read\n"
          "  --zerocenter FILE\n"
          "  --out DIR          the report folder (default: report); an existing report\n"
          "                     there is replaced only when the new one is complete\n"
          "  --size SIZE        the size at which each activation's kernels are ranked\n"
          "                     in accuracy classes and drawn on the Pareto chart of\n"
          "                     throughput against max ULP error: a size class of\n"
          "                     speed.json (L1, L2, L3, DRAM) or a count n (default: L1;\n"
          "                     where it was not measured, the smallest size measured)\n"
          "\n"
          "Redraw a figure from the report folder with: gnuplot gp/<name>.gp\n"
          "The environment variable ACTBENCH_GNUPLOT names another gnuplot to run.\n");
}

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static void strip_slashes(char *s) {
  size_t n = strlen(s);
  while (n > 1 && s[n - 1] == '/') s[--n] = 0;
}

/* A word of a command line, quoted for a POSIX shell where it needs it. */
static const char *shell_word(const char *w) {
  int plain = *w != 0;
  for (const char *s = w; *s; s++)
    if (!(isalnum((unsigned char)*s) || strchr("-_./=:,+@%", *s))) plain = 0;
  if (plain) return w;
  const char *q = "'";
  for (const char *s = w; *s; s++)
    q = *s == '\'' ? rep_printf("%s'\\''", q) : rep_printf("%s%c", q, *s);
  return rep_printf("%s'", q);
}

/* The command that renders this report, as it was given (argv[0] is
 * "report"; global options such as --plugin do not change the report). */
static const char *command_line(int argc, char **argv) {
  const char *s = "actbench report";
  for (int i = 1; i < argc; i++) s = rep_printf("%s %s", s, shell_word(argv[i]));
  return s;
}

int act_report_main(int argc, char **argv) {
  /* what an earlier call that ended in act_die left (the fuzz targets call
   * this again in one process) */
  static char *outdir;
  free(outdir);
  outdir = NULL;
  act_res_release();
  rep_arena_free();
  const char *results = NULL, *out = "report", *size = "L1";
  const char *given[REP_NFILES] = {NULL, NULL, NULL};
  static const char *const opt[REP_NFILES] = {"--speed", "--accuracy", "--saturation",
                                              "--zerocenter"};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *val = NULL;
    char name[32];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    }
    /* --opt VALUE or --opt=VALUE */
    const char *eq = strchr(a, '=');
    if (!strncmp(a, "--", 2) && eq && (size_t)(eq - a) < sizeof name) {
      memcpy(name, a, (size_t)(eq - a));
      name[eq - a] = 0;
      val = eq + 1;
    } else {
      snprintf(name, sizeof name, "%s", a);
      if (i + 1 < argc) val = argv[i + 1], i++;
    }
    int k = -1;
    for (int t = 0; t < REP_NFILES; t++)
      if (!strcmp(name, opt[t])) k = t;
    if (strcmp(name, "--results") && strcmp(name, "--out") && strcmp(name, "--size") && k < 0)
      act_die("report: unknown option '%s' (see actbench report --help)", a);
    if (!val || !*val) act_die("report: option %s needs a value", name);
    if (!strcmp(name, "--results"))
      results = val;
    else if (!strcmp(name, "--out"))
      out = val;
    else if (!strcmp(name, "--size"))
      size = val;
    else
      given[k] = val;
  }

  /* which files */
  const char *paths[REP_NFILES] = {NULL, NULL, NULL};
  int explicit = 0;
  for (int k = 0; k < REP_NFILES; k++) {
    if (!given[k]) continue;
    explicit = 1;
    fclose(act_open_regular(given[k])); /* a regular file we may read, or one line */
    paths[k] = given[k];
  }
  if (results || !explicit) {
    const char *dir = results ? results : "results";
    if (results && is_file(results))
      act_die(
          "report: --results %s is a file; --results takes the folder that holds the results "
          "files (a single file: --speed, --accuracy, --saturation or --zerocenter FILE)",
          results);
    if (!is_dir(dir))
      act_die(
          "report: results folder '%s' not found (run the suites first, or give "
          "--results DIR)",
          dir);
    int found = explicit;
    for (int k = 0; k < REP_NFILES; k++) {
      if (paths[k]) continue;
      char *p = rep_printf("%s/%s.json", dir, rep_kind_names[k]);
      if (is_file(p)) paths[k] = p, found = 1;
    }
    if (!found)
      act_die(
          "report: no results files in %s (speed.json, accuracy.json, saturation.json, "
          "zerocenter.json)",
          dir);
  }

  {
    static const char *const classes[] = {"L1", "L2", "L3", "DRAM"};
    int okc = 0;
    for (int c = 0; c < 4; c++) okc |= !strcasecmp(size, classes[c]);
    if (!okc && strspn(size, "0123456789") != strlen(size))
      act_die("report: --size '%s': give a size class (L1, L2, L3, DRAM) or a count", size);
    if (!okc) act_parse_int("report: --size", size, 1, (long long)1 << 40);
  }

  outdir = strdup(out);
  if (!outdir) act_die("report: out of memory");
  strip_slashes(outdir);
  if (!strcmp(outdir, "/") || !strcmp(outdir, ".") || !strcmp(outdir, ".."))
    act_die("report: --out %s: give a folder of its own", out);
  if (act_parse_only) { /* the fuzz targets: options checked, nothing read or written */
    free(outdir);
    outdir = NULL;
    rep_arena_free();
    return 0;
  }

  rep_model m;
  memset(&m, 0, sizeof m);
  m.rank_size = size;
  m.out_dir = out;
  m.report_cmd = command_line(argc, argv);
  rep_load(&m, paths);
  if (!m.nacts && !m.files[REP_ZEROCENTER].doc)
    act_die("report: the results files hold no activation to report on");

  rep_files_init();
  rep_check_replaceable(outdir);
  char *tmp = rep_make_tmp_dir(outdir);

  rep_plot(&m, tmp);
  rep_write_html(&m, tmp);
  rep_write_markdown(&m, tmp);
  rep_install(tmp, outdir);
  free(tmp);

  printf("report: %s/index.html\nreport: %s/summary.md\n", outdir, outdir);
  for (int k = 0; k < REP_NFILES; k++) m.files[k].doc = NULL;
  act_res_release(); /* the results files and what the readers made of them */
  free(outdir);
  outdir = NULL;
  rep_arena_free();
  return 0;
}
