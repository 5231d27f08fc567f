#ifndef ACTBENCH_SPEED_H
#define ACTBENCH_SPEED_H
#ifdef __cplusplus
extern "C" {
#endif
/* The speed of some kernels depends on where the process's stack, heap and
 * code lie, which address-space randomisation changes from run to run (oneDNN's
 * backward eltwise kernels run at 1.9 or 3.6 G/s by layout): re-execute this
 * program (argv, as main received it) once with randomisation off for this
 * process (personality ADDR_NO_RANDOMIZE), so that the same command gives the
 * same layout every time; returns when that is done or cannot be (the
 * environment variable ACTBENCH_ASLR=1 keeps randomisation on). */
void act_speed_fixed_layout(char **argv);
/* actbench speed [options]: argv[0] is "speed". Returns the exit status. */
int act_speed_main(int argc, char **argv);
#ifdef __cplusplus
}
#endif
#endif
