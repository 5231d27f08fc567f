/* actbench compare and actbench diff: tables from results files. */
#ifndef ACTBENCH_COMPARE_H
#define ACTBENCH_COMPARE_H

#ifdef __cplusplus
extern "C" {
#endif

/* actbench compare ACTIVATION: one row per implementation, from the results
 * files of a folder (commands/compare.c). */
int act_compare_main(int argc, char **argv);
/* actbench diff OLD NEW: two results files of the same kind; exit status 1
 * when a threshold is crossed (commands/diff.c). */
int act_diff_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif
#endif
