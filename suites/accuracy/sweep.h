/* actbench: the accuracy sweep engine (sweep.c): every input of a domain
 * through every selected implementation, references shared, statistics
 * exact; OpenMP over the cores, MPI over processes, checkpoints. */
#ifndef ACTBENCH_SWEEP_H
#define ACTBENCH_SWEEP_H

#include <stdint.h>

#include "accuracy.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const act_activation *act;
  act_params p;
  const act_impl *const *impls; /* available ones */
  size_t nimpl;
  /* the statistics' contexts (claims, flags, limits), nimpl each; NULL:
   * the defaults (act_acc_ctx_init) */
  const act_acc_ctx *fctx, *dctx;
  int ref_mpfr; /* 1: MPFR for every reference (no screen) */
  int bins;     /* ulp_vs_x */
  double glo, ghi;
  int binades; /* per-binade statistics */
  /* the domain: an explicit list, or the floats of order [k0, k1] and, with
   * nans, every NaN bit pattern after them */
  const float *list;
  uint64_t nlist;
  int64_t k0, k1;
  int nans;
  /* checkpoints: a file to resume from and write to (NULL: none), and how
   * often to write it */
  const char *ckpt;
  double ckpt_every_s;
  int progress; /* a progress line on stderr */
} act_sweep_cfg;

typedef struct {
  act_acc_stats *fs, *ds; /* nimpl each */
  uint64_t inputs;
  uint64_t screened, mpfr; /* references decided by the screen, by MPFR */
  double wall_s;
  /* where the time went, in thread-seconds summed over this rank's threads
   * (rank 0: over every rank): the screen, MPFR (the references the screen
   * left, and NaN inputs), the kernels (fwd and bwd of every
   * implementation), the statistics (everything else of a block); and each
   * implementation's own kernel time, nimpl of them */
  double t_screen, t_mpfr, t_kernels, t_stats;
  double *t_impl;
  int resumed;  /* started from a checkpoint */
  int complete; /* 0: stopped by a signal (the checkpoint holds the work) */
} act_sweep_result;

/* The number of inputs of the domain. */
uint64_t act_sweep_inputs(const act_sweep_cfg *c);
/* The i-th input of the domain. */
float act_sweep_input(const act_sweep_cfg *c, uint64_t i);
/* Run the sweep; r's stats are allocated here (act_sweep_free).  Under MPI
 * every rank runs its share and rank 0 receives the merged statistics. */
void act_sweep_run(const act_sweep_cfg *c, act_sweep_result *r);
void act_sweep_free(const act_sweep_cfg *c, act_sweep_result *r);

/* SIGINT/SIGTERM (and SIGHUP unless it is ignored: nohup) set a flag that
 * stops the sweep at the next round; the handlers are installed by
 * act_sweep_catch_signals. */
void act_sweep_catch_signals(void);

/* MPI: set up when the program runs under mpirun (environment of Open MPI,
 * MPICH or PMIx), else a single process.  rank 0 of 1 without MPI. */
void act_mpi_init(int *argc, char ***argv);
void act_mpi_finalize(void);
int act_mpi_rank(void);
int act_mpi_size(void);
/* the logical OR of v over the ranks */
int act_mpi_any(int v);

#ifdef __cplusplus
}
#endif
#endif
