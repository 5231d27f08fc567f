/* actbench: which vector instruction sets this CPU and OS can run, and the
 * cap that tests and users put on them (ACTBENCH_ISA or act_cpu_set_cap).
 *
 * Detection follows the Intel SDM (vol. 1, 13.2 and 15.2): a feature bit in
 * CPUID is not enough, the OS must also save the register state, which
 * XGETBV(0) reports in XCR0.
 *   AVX2:    CPUID.1:ECX.OSXSAVE[27], .AVX[28], .FMA[12]; CPUID.7.0:EBX.AVX2[5];
 *            XCR0 bits 1 (SSE) and 2 (AVX/YMM).
 *   AVX-512: all of the above, CPUID.7.0:EBX .F[16] .DQ[17] .BW[30] .VL[31];
 *            XCR0 bits 5 (opmask), 6 (ZMM0-15 upper), 7 (ZMM16-31).
 * Compiles without -m flags: cpuid through <cpuid.h>, xgetbv as inline asm
 * (the assembler takes the mnemonic whatever the -m flags; no -mxsave).
 * XGETBV is only executed once CPUID has reported OSXSAVE. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "cpu.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

static unsigned long long xgetbv0(void) {
  unsigned lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((unsigned long long)hi << 32) | lo;
}

static unsigned detect(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid_count(1, 0, &a, &b, &c, &d)) return 0;
  const unsigned osxsave = 1u << 27, avx = 1u << 28, fma = 1u << 12;
  if ((c & (osxsave | avx | fma)) != (osxsave | avx | fma)) return 0;
  unsigned long long xcr0 = xgetbv0();
  if ((xcr0 & 0x6) != 0x6) return 0; /* SSE and YMM state */
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  if (!(b & (1u << 5))) return 0; /* AVX2 */
  unsigned f = ACT_CPU_AVX2;
  const unsigned avx512 = (1u << 16) | (1u << 17) | (1u << 30) | (1u << 31);
  if ((b & avx512) == avx512 && (xcr0 & 0xe0) == 0xe0) f |= ACT_CPU_AVX512;
  return f;
}
#else
static unsigned detect(void) {
  return 0;
}
#endif

/* Cached values; -1 means not computed yet.  Computing twice from two
 * threads is harmless (the same value is stored). */
static atomic_int detected_cache = -1;
static atomic_int cap_cache = -1; /* set by act_cpu_set_cap or from the env */

unsigned act_cpu_detected(void) {
  int v = atomic_load_explicit(&detected_cache, memory_order_relaxed);
  if (v < 0) {
    v = (int)detect();
    atomic_store_explicit(&detected_cache, v, memory_order_relaxed);
  }
  return (unsigned)v;
}

static unsigned cap_from_env(void) {
  const unsigned all = ACT_CPU_AVX2 | ACT_CPU_AVX512;
  const char *s = getenv("ACTBENCH_ISA");
  if (s == NULL || *s == '\0') return all;
  if (strcasecmp(s, "scalar") == 0) return 0;
  if (strcasecmp(s, "avx2") == 0) return ACT_CPU_AVX2;
  if (strcasecmp(s, "avx512") == 0) return all;
  fprintf(stderr,
          "actbench: warning: ACTBENCH_ISA=%s is not scalar, avx2 or avx512; "
          "ignored\n",
          s);
  return all;
}

void act_cpu_set_cap(unsigned mask) {
  atomic_store_explicit(&cap_cache, (int)(mask & (ACT_CPU_AVX2 | ACT_CPU_AVX512)),
                        memory_order_relaxed);
}

unsigned act_cpu_features(void) {
  int cap = atomic_load_explicit(&cap_cache, memory_order_relaxed);
  if (cap < 0) {
    int env = (int)cap_from_env();
    int expected = -1;
    /* the first reader stores; a concurrent first reader may warn too */
    if (!atomic_compare_exchange_strong(&cap_cache, &expected, env)) env = expected;
    cap = env;
  }
  return act_cpu_detected() & (unsigned)cap;
}

int act_cpu_has_avx2(void) {
  return (act_cpu_detected() & ACT_CPU_AVX2) != 0;
}

int act_cpu_has_avx512(void) {
  return (act_cpu_detected() & ACT_CPU_AVX512) != 0;
}
