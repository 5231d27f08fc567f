/* actbench: the program (commands/cli.c has the command line). */
#include "cli.h"
#include "util.h"

int main(int argc, char **argv) {
  act_signals_init(); /* temporaries go when a signal ends the run */
  return act_cli_main(argc, argv);
}
