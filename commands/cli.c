/* actbench: the command-line program.  Each subcommand is a suite (it
 * measures and writes a results file) or the report (it reads results files
 * and draws).  commands/main.c calls act_cli_main; the fuzz targets (fuzz/) call
 * it too, in parse-only mode. */
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "accuracy.h"
#include "compare.h"
#include "plugin.h"
#include "registry.h"
#include "report.h"
#include "saturation.h"
#include "speed.h"
#include "sweep.h"
#include "select.h"
#include "util.h"
#include "zerocenter.h"

#define COMMANDS "list, speed, accuracy, saturation, zerocenter, report, compare, diff"

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench [--plugin PATH]... <command> [options]\n"
          "\n"
          "commands:\n"
          "  list         the implementations, their ISA, origin, claimed bounds and availability\n"
          "  speed        throughput of every implementation (Google Benchmark)\n"
          "  accuracy     ULP error against MPFR, forward and derivative\n"
          "  saturation   where gradients vanish, mathematically and numerically\n"
          "  zerocenter   the zig-zag of inputs that are not zero-centred, measured\n"
          "  report       render the gnuplot/HTML/Markdown report from results files\n"
          "  compare      one activation's implementations side by side, from results files\n"
          "  diff         two results files of the same kind: what changed (exit 1: a regression)\n"
          "\n"
          "global options (before the command):\n"
          "  --plugin PATH   load a shared library of implementations (<actbench/activation.h>,\n"
          "                  act_plugin); may be repeated.  The environment variable\n"
          "                  ACTBENCH_PLUGINS (PATH:PATH...) names more, loaded first.\n"
          "\n"
          "'actbench <command> --help' describes each command's options.\n");
}

static int list_main(int argc, char **argv) {
  const char *activation = NULL, *pattern = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      printf(
          "usage: actbench list [--activation A] [--impl PATTERN]\n"
          "Lists every implementation in the registry: name, ISA, origin, the claimed\n"
          "max ULP error of f and f', how f' is computed, and whether this CPU runs it.\n"
          "PATTERN is a full name, a glob on it, or a name without the activation.\n");
      return 0;
    } else if (!strcmp(argv[i], "--activation") && i + 1 < argc) {
      activation = argv[++i];
    } else if (!strcmp(argv[i], "--impl") && i + 1 < argc) {
      pattern = argv[++i];
    } else {
      act_die("list: unknown or incomplete option '%s' (see actbench list --help)", argv[i]);
    }
  }
  const act_impl *sel[1024];
  size_t n = act_select(activation, pattern, sel, 1024);
  if (act_parse_only) return 0;
  /* which peer libraries this build found */
  printf("peer libraries compiled in: %s\n", act_peers_found()[0] ? act_peers_found() : "none");
  for (size_t t = 0; act_peer_tables[t]; t++)
    printf("  %s: %zu implementations\n",
           act_peer_tables[t]->library ? act_peer_tables[t]->library : "?",
           act_peer_tables[t]->count);
  for (size_t i = 0; i < act_plugin_count(); i++) {
    const act_plugin_info *pi = act_plugin_at(i);
    printf("plugin %s%s%s (%s): %zu implementations\n", pi->name, pi->version ? " " : "",
           pi->version ? pi->version : "", pi->path, pi->count);
  }
  printf("\n");
  /* columns as wide as the longest name (a plugin's may be longer than ours) */
  int wn = 40, wi = 7, wo = 9;
  for (size_t i = 0; i < n; i++) {
    if ((int)strlen(sel[i]->name) > wn) wn = (int)strlen(sel[i]->name);
    if ((int)strlen(sel[i]->isa) > wi) wi = (int)strlen(sel[i]->isa);
    if ((int)strlen(sel[i]->origin) > wo) wo = (int)strlen(sel[i]->origin);
  }
  printf("%-*s %-*s %-*s %10s %10s  %-10s %s\n", wn, "implementation", wi, "isa", wo, "origin",
         "fwd ulp", "bwd ulp", "available", "f' computed as");
  for (size_t i = 0; i < n; i++) {
    const act_impl *m = sel[i];
    /* a claim, or none (NAN: a peer whose documentation states no bound) */
    char f[32], b[32];
    snprintf(f, sizeof f, isnan(m->fwd_ulp) ? "none" : "%.4g", m->fwd_ulp);
    snprintf(b, sizeof b, isnan(m->bwd_ulp) ? "none" : "%.4g", m->bwd_ulp);
    printf("%-*s %-*s %-*s %10s %10s  %-10s %s\n", wn, m->name, wi, m->isa, wo, m->origin, f, b,
           act_impl_available(m) ? "yes" : "no", m->bwd_formula ? m->bwd_formula : "");
  }
  return 0;
}

/* The global options before the command (--plugin PATH, --plugin=PATH):
 * returns the index of the command in argv; with load, loads the plugins. */
static int global_options(int argc, char **argv, int load) {
  int i = 1;
  while (i < argc && !strncmp(argv[i], "--plugin", 8)) {
    const char *path;
    if (argv[i][8] == '=') {
      path = argv[i] + 9;
    } else if (argv[i][8] == '\0') {
      if (i + 1 >= argc) act_die("--plugin needs the path of a shared library");
      path = argv[++i];
    } else {
      break;
    }
    if (!*path) act_die("--plugin needs the path of a shared library, not ''");
    if (load && !act_parse_only) act_plugin_load(path);
    i++;
  }
  return i;
}

int act_cli_main(int argc, char **argv) {
  act_set_command_line(argc, argv);
  int ci = global_options(argc, argv, 0);
  if (ci >= argc) act_die("no command given (commands: " COMMANDS "; see actbench --help)");
  const char *cmd = argv[ci];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version")) {
    printf("actbench %s (contract version %d)\n", ACTBENCH_VERSION, ACT_CONTRACT_VERSION);
    return 0;
  }
  static const char *const commands[] = {"list",       "speed",  "accuracy", "saturation",
                                         "zerocenter", "report", "compare",  "diff"};
  int known = 0;
  for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
    known |= !strcmp(cmd, commands[k]);
  if (!known) {
    if (!strncmp(cmd, "--", 2))
      act_die(
          "unknown global option '%s' (the command comes after --plugin PATH; see actbench "
          "--help)",
          cmd);
    act_die("unknown command '%s' (commands: " COMMANDS ")", cmd);
  }
  int is_accuracy = !strcmp(cmd, "accuracy");
  if (is_accuracy && !act_parse_only) {
    act_mpi_init(&argc, &argv); /* a no-op unless run under mpirun */
    ci = global_options(argc, argv, 0);
  }
  /* plugins join the registry before any command reads it */
  if (!act_parse_only) act_plugins_from_env();
  global_options(argc, argv, 1);
  int sub_argc = argc - ci;
  char **sub_argv = argv + ci;
  if (!strcmp(cmd, "list")) return list_main(sub_argc, sub_argv);
  if (!strcmp(cmd, "speed")) {
    /* the process's layout fixed: re-executed without address randomisation */
    if (!act_parse_only) act_speed_fixed_layout(argv);
    return act_speed_main(sub_argc, sub_argv);
  }
  if (is_accuracy) {
    int rc = act_accuracy_main(sub_argc, sub_argv);
    if (!act_parse_only) act_mpi_finalize();
    return rc;
  }
  if (!strcmp(cmd, "saturation")) return act_saturation_main(sub_argc, sub_argv);
  if (!strcmp(cmd, "zerocenter")) return act_zerocenter_main(sub_argc, sub_argv);
  if (!strcmp(cmd, "report")) return act_report_main(sub_argc, sub_argv);
  if (!strcmp(cmd, "compare")) return act_compare_main(sub_argc, sub_argv);
  return act_diff_main(sub_argc, sub_argv);
}
