#ifndef ACTBENCH_SATURATION_H
#define ACTBENCH_SATURATION_H
/* actbench saturation [options]: argv[0] is "saturation". */
int act_saturation_main(int argc, char **argv);
#endif
