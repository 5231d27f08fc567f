#ifndef ACTBENCH_REPORT_H
#define ACTBENCH_REPORT_H
/* actbench report [options]: argv[0] is "report". Returns the exit status. */
int act_report_main(int argc, char **argv);
#endif
