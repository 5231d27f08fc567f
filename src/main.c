/* actbench: the command-line program.  Each subcommand is a suite (it
 * measures and writes a results file) or the report (it reads results files
 * and draws). */
#include <stdio.h>
#include <string.h>

#include "accuracy.h"
#include "registry.h"
#include "report.h"
#include "saturation.h"
#include "speed.h"
#include "sweep.h"
#include "util.h"
#include "zerocenter.h"

static void usage(FILE *f) {
  fprintf(f,
          "usage: actbench <command> [options]\n"
          "\n"
          "commands:\n"
          "  list         the implementations, their ISA, origin, claimed bounds and availability\n"
          "  speed        throughput of every implementation (Google Benchmark)\n"
          "  accuracy     ULP error against MPFR, forward and derivative\n"
          "  saturation   where gradients vanish, mathematically and numerically\n"
          "  zerocenter   the zig-zag of inputs that are not zero-centred, measured\n"
          "  report       render the gnuplot/HTML/Markdown report from results files\n"
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
  /* which peer libraries this build found */
  printf("peer libraries compiled in: %s\n", act_peers_found()[0] ? act_peers_found() : "none");
  for (size_t t = 0; act_peer_tables[t]; t++)
    printf("  %s: %zu implementations\n",
           act_peer_tables[t]->library ? act_peer_tables[t]->library : "?",
           act_peer_tables[t]->count);
  printf("\n");
  printf("%-40s %-7s %-9s %10s %10s  %-10s %s\n", "implementation", "isa", "origin", "fwd ulp",
         "bwd ulp", "available", "f' computed as");
  for (size_t i = 0; i < n; i++) {
    const act_impl *m = sel[i];
    printf("%-40s %-7s %-9s %10.4g %10.4g  %-10s %s\n", m->name, m->isa, m->origin, m->fwd_ulp,
           m->bwd_ulp, act_impl_available(m) ? "yes" : "no", m->bwd_formula ? m->bwd_formula : "");
  }
  return 0;
}

int main(int argc, char **argv) {
  act_set_command_line(argc, argv);
  if (argc < 2)
    act_die(
        "no command given (commands: list, speed, accuracy, saturation, zerocenter, report; "
        "see actbench --help)");
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version")) {
    printf("actbench %s\n", ACTBENCH_VERSION);
    return 0;
  }
  if (!strcmp(cmd, "list")) return list_main(argc - 1, argv + 1);
  if (!strcmp(cmd, "speed")) return act_speed_main(argc - 1, argv + 1);
  if (!strcmp(cmd, "accuracy")) {
    act_mpi_init(&argc, &argv); /* a no-op unless run under mpirun */
    int rc = act_accuracy_main(argc - 1, argv + 1);
    act_mpi_finalize();
    return rc;
  }
  if (!strcmp(cmd, "saturation")) return act_saturation_main(argc - 1, argv + 1);
  if (!strcmp(cmd, "zerocenter")) return act_zerocenter_main(argc - 1, argv + 1);
  if (!strcmp(cmd, "report")) return act_report_main(argc - 1, argv + 1);
  act_die("unknown command '%s' (commands: list, speed, accuracy, saturation, zerocenter, report)",
          cmd);
}
