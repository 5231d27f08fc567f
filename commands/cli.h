/* actbench: the command line (commands/cli.c). */
#ifndef ACTBENCH_CLI_H
#define ACTBENCH_CLI_H

#ifdef __cplusplus
extern "C" {
#endif

/* actbench's main: the global options, then the command.  Returns the exit
 * status (act_die exits 2 on bad input).  With act_parse_only set (util.h)
 * the measuring commands check their options and return 0 before doing
 * anything, and no plugin is loaded. */
int act_cli_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif
#endif
