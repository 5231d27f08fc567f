/* actbench: helpers shared by the command-line program and the suites. */
#ifndef ACTBENCH_UTIL_H
#define ACTBENCH_UTIL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Called by act_die before it exits, when set (MPI: abort every rank). */
extern void (*act_die_hook)(int code);
/* Bad input: print "actbench: <message>" as one line on stderr and exit 2. */
_Noreturn void act_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "actbench: warning: <message>" on stderr. */
void act_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Strict number parsing for options: the whole string must be a decimal
 * number in [lo, hi] (no blanks, no '+', no hex, no inf or nan; integers
 * digits only, a '-' only where the range allows it); otherwise act_die
 * naming the option. */
double act_parse_double(const char *opt, const char *s, double lo, double hi);

/* argv[*i] as "--name VALUE" or "--name=VALUE": the value (advancing *i past a separate one),
 * NULL when argv[*i] is another option; act_die ("<cmd>: --name needs a value") when the value
 * is missing or is itself an option. */
const char *act_opt_value(const char *cmd, int argc, char **argv, int *i, const char *name);
long long act_parse_int(const char *opt, const char *s, long long lo, long long hi);
/* Parse a float as the user wrote it (decimal, or a hex float such as
 * -0x1.5ab9e8p+6, the form results files give exact inputs in; inf, nan),
 * die on junk and on leading blanks or '+'. */
float act_parse_float(const char *opt, const char *s);

/* Make sure dir exists (mkdir -p) and that a file can be created in it (it
 * creates and removes one, .actbench-probe.<pid>: a mode, a read-only mount
 * or a file system such as /proc or /sys that takes no new files is found
 * before anything runs); act_die otherwise. */
void act_ensure_dir(const char *dir);
/* Write a JSON document atomically: path.tmp.<pid>, fsync, rename.  Dies with
 * a one-line message (and removes the temporary) on failure; the temporary
 * is removed too when a signal ends the process while it is written
 * (act_tmp_add). */
void act_write_json(const json_t *doc, const char *path);

/* ---- temporaries and signals.
 * A temporary file registered here is removed when the process ends on
 * SIGINT, SIGTERM or SIGHUP (act_signals_init installs the handlers: they
 * remove every registered path, then the signal takes its default course)
 * and when act_die ends it.  act_tmp_add returns a slot for act_tmp_drop
 * (after the rename that makes the file whole, or its removal); -1 when
 * every slot is taken (the file is then simply not removed on a signal). */
void act_signals_init(void);
int act_tmp_add(const char *path);
void act_tmp_drop(int slot);
/* Remove every registered temporary now (act_die does). */
void act_tmp_remove_all(void);
/* Temporaries of earlier runs that were killed (SIGKILL, a power cut): in
 * folder dir, every regular file whose name is one of the patterns, each a
 * name with "%p" where the writer's process id stands
 * ("speed.json.tmp.%p"), or act_ensure_dir's .actbench-probe.%p, and whose
 * process no longer runs, is removed, with a warning line for each.  Only names actbench writes
 * itself are ever given; a process that still runs (or that we may not signal) keeps its files; a
 * folder that does not exist is nothing to clean.  Returns how many were removed. */
size_t act_remove_stale(const char *dir, const char *const *patterns, size_t n);

/* Parse-only mode (the fuzz targets, fuzz/): the commands check their
 * options and return 0 before they create a folder, read a results file
 * they would measure into, or measure anything. */
extern int act_parse_only;
/* Open a results file for reading: it must be a regular file (a FIFO, a
 * device or a folder is refused at once, without blocking) of at most
 * ACT_MAX_RESULTS_BYTES; dies with a one-line message (permission, kind of
 * file) otherwise. */
#define ACT_MAX_RESULTS_BYTES ((long long)1 << 30)
FILE *act_open_regular(const char *path);
/* Read and parse a JSON results file; dies with a one-line message naming the
 * file when it is missing or corrupt.  kind, when non-NULL, must match the
 * document's "kind" member. */
json_t *act_read_json(const char *path, const char *kind);

/* The command line as one string, for the results files ("actbench accuracy ..."). */
void act_set_command_line(int argc, char **argv);
const char *act_command_line(void);

/* Deterministic generator (splitmix64), so that results are reproducible
 * from a seed. */
typedef struct {
  uint64_t s;
} act_rng;
void act_rng_seed(act_rng *r, uint64_t seed);
uint64_t act_rng_next(act_rng *r);
double act_rng_uniform(act_rng *r); /* [0, 1) */

/* Float <-> ordered integer (monotone over all non-NaN floats), for
 * iterating over every float in a range. */
int64_t act_float_order(float x);
float act_order_float(int64_t k);
float act_bits_float(uint32_t u);
uint32_t act_float_bits(float x);

/* Format a float for JSON and tables: "%.9g", or "nan", "inf", "-inf". */
const char *act_fmt_float(char buf[32], float x);
/* Hex float "%a" */
const char *act_fmt_hex(char buf[40], float x);
/* A fraction as a percentage people read: "0%", "< 0.0001%" (above 0 but
 * below that), "12.35%" (four digits), ">99.99%" (below 1 but four digits
 * would say 100%), "100%"; "-" for NaN.  Never a figure such as "5.062e-241%": the exact fraction
 * is in the results file. */
const char *act_fmt_pct(char buf[32], double frac);
/* A probability (a fraction) the same way without the %: "0", "< 1e-06",
 * "0.01234", "> 0.999999", "1". */
const char *act_fmt_prob(char buf[32], double p);

/* 64-byte aligned allocation that dies on failure. */
void *act_alloc(size_t bytes);
void act_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
