/* CPU features (contract/cpu.c): what the kernels and the screen may use.  At
 * the bottom with the kernel contract (activation.h): the registry, the
 * suites and the base numerics (numerics/screen.c) ask it. */
#ifndef ACTBENCH_CPU_H
#define ACTBENCH_CPU_H

#ifdef __cplusplus
extern "C" {
#endif

/* CPU features (contract/cpu.c).  Honours the environment variable ACTBENCH_ISA
 * (scalar, avx2 or avx512) as a cap, so tests can force the mask down. */
#define ACT_CPU_AVX2 1u              /* AVX2 + FMA + OS support for YMM state */
#define ACT_CPU_AVX512 2u            /* AVX-512 F/DQ/BW/VL + OS support for ZMM state */
unsigned act_cpu_features(void);     /* after the cap */
unsigned act_cpu_detected(void);     /* before the cap */
void act_cpu_set_cap(unsigned mask); /* tests: force features down */
int act_cpu_has_avx2(void);
int act_cpu_has_avx512(void);

#ifdef __cplusplus
}
#endif
#endif
