/* actbench speed: what the files of the speed suite share (speed.c runs the
 * benchmarks, targets.c judges the targets, machine.c reads the machine's
 * state).  Not a public interface. */
#ifndef ACTBENCH_SPEED_INT_H
#define ACTBENCH_SPEED_INT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "registry.h"
#include "spread.h"

enum { SPD_FWD = 0, SPD_BWD = 1 };
#define SPD_MAX_REPS 1000 /* --repetitions at most */

/* The arrays of one size.  Inputs come in P slots (x, and y per
 * activation), consecutive iterations rotate through them (speed.c, "inputs");
 * each slot is stride floats, n rounded up to 16 so that every slot starts on
 * a 64-byte line.  Outputs are one array each. */
typedef struct {
  const char *activation;
  float *y; /* P slots */
} spd_ypool;

typedef struct {
  size_t n;
  const char *cls; /* "L1", "L2", "L3", "DRAM" or "custom" */
  size_t slots, stride;
  float *x;             /* slots * stride */
  float *dy, *out, *dx; /* n */
  spd_ypool *ys;
  size_t nys;
} spd_size;

/* One benchmark: an implementation (or a baseline) in one direction at one
 * size on some threads, and, after the run, its repetitions. */
typedef struct {
  const act_impl *impl; /* NULL for a baseline */
  const char *impl_name, *activation, *isa, *origin;
  act_fwd *fwd;
  act_bwd *bwd;
  act_params p;
  spd_size *size;
  const float *y; /* bwd: the y slots of this activation */
  int dir, threads;
  int64_t bytes_per_element; /* what the kernel reads and writes */
  int ours_vector, peer;     /* one of our vector kernels; a peer library's */
  char name[256];            /* as registered: <impl>/<dir>/<n>[/threads:T] */
  char run_name[300];        /* as Google Benchmark reports it */
  /* after the run: items/s of each repetition, and their summary */
  double *ips;
  size_t nrep, cap;
  act_spread s;
} spd_bench;

/* The class a size counts as for the targets (a count equal to a class's
 * count on this machine counts as that class), NULL for none. */
const char *spd_target_class(const spd_size *s);

/* The speed targets (targets.c): a JSON array, every verdict judged from
 * this run's repetitions. */
json_t *spd_targets_json(const spd_bench *bs, size_t nb, const spd_size *sizes, size_t nsizes);
void spd_print_targets(const json_t *targets);
/* The bar of the DRAM bandwidth targets (a fraction of memory.copy's bytes/s). */
#define SPD_BW_MIN_RATIO 0.9

/* The machine's state around a run (machine.c). */
typedef struct {
  double load_before[3], load_after[3]; /* /proc/loadavg, NAN if unreadable */
  uint64_t stat0[10], stat1[10];        /* /proc/stat "cpu" line */
  int have_stat;
  double self_cpu0, self_cpu1; /* this process's CPU seconds */
  double wall0, wall1;
} spd_machine;
void spd_machine_begin(spd_machine *m);
void spd_machine_end(spd_machine *m);
/* The state as JSON (load, other processes' share of the CPUs, steal, the
 * frequency governor and boost where the kernel exposes them, Google
 * Benchmark's build type from its context) with "warnings"; the warnings
 * are also printed. */
json_t *spd_machine_json(const spd_machine *m, const json_t *gb_context);

#endif
