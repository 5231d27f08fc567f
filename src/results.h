/* actbench: reading the suites' results files for compare and diff (the
 * report has its own, stricter reader in reports/). */
#ifndef ACTBENCH_RESULTS_H
#define ACTBENCH_RESULTS_H

#include <jansson.h>
#include <stddef.h>

#include "spread.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One benchmark of speed.json: its repetitions gathered. */
typedef struct {
  const char *name;       /* "<impl>/<fwd|bwd>/<n>" (Google Benchmark's run_name) */
  const char *impl;       /* "sigmoid.scalar.naive", "memory.copy" */
  const char *activation; /* "sigmoid", "memory" */
  const char *direction;  /* "fwd" or "bwd" */
  const char *size_class; /* "L1", ..., "custom"; "" when not stated */
  long long n;
  int threads;              /* 1, or the thread count of a multi-threaded run */
  int baseline;             /* a memory baseline */
  double bytes_per_element; /* what the kernel moves (older files: 8 fwd, 16 bwd) */
  double *samples;          /* items/s of each repetition (run_type "iteration") */
  size_t nsamples, cap;
  double mean, median; /* Google Benchmark's aggregates; NAN when absent */
  act_spread spread;   /* of the samples (n = 0 when there are none) */
} act_speed_run;

/* The benchmarks of a speed results file (doc from act_read_json), in the
 * order of the file; strings point into doc.  Entries with an error, and
 * aggregates other than mean and median, are left out.  Dies naming path
 * when "benchmarks" is missing or malformed. */
act_speed_run *act_speed_runs(const json_t *doc, const char *path, size_t *count);
void act_speed_runs_free(act_speed_run *runs, size_t count);
/* The throughput that stands for a benchmark: the median of its
 * repetitions, else the median aggregate, else the mean; NAN when none. */
double act_speed_center(const act_speed_run *r);

/* A number of a results file: a JSON number, or a string written for a
 * non-finite or exact value ("inf", "nan", "%.9g"); NAN otherwise. */
double act_json_num(const json_t *v);

/* The object of array arr whose member key is the string value; NULL when
 * none. */
json_t *act_json_find(const json_t *arr, const char *key, const char *value);

/* accuracy.json, one implementation in one direction (its "fwd" or "bwd"
 * object, or its "core"), in files of any age:
 * - what happened at its max ULP when the result is of the wrong kind
 *   ("0 for 1.7e-38"): its "max_ulp_note", else made from max_ulp_got and
 *   max_ulp_want (p: the format's significand bits, 24 for binary32); ""
 *   when there is nothing to say;
 * - the letters of its tails (Z P N I D S, "-" for none), NULL when the
 *   file has no "tails";
 * - its verdict: 0 within, 1 exceeds, 2 none (no claim), -1 unknown; from
 *   "verdict", else from the older "within_claim". */
const char *act_json_ulp_note(const json_t *stats, int p, char *buf, size_t cap);
const char *act_json_tail_letters(const json_t *stats, char *buf, size_t cap);
int act_json_verdict(const json_t *stats);

#ifdef __cplusplus
}
#endif
#endif
