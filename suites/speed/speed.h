#ifndef ACTBENCH_SPEED_H
#define ACTBENCH_SPEED_H
#ifdef __cplusplus
extern "C" {
#endif
/* actbench speed [options]: argv[0] is "speed". Returns the exit status. */
int act_speed_main(int argc, char **argv);
#ifdef __cplusplus
}
#endif
#endif
