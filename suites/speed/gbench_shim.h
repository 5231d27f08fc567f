/* actbench: a small C interface to Google Benchmark (the only C++ in the
 * speed suite).
 *
 * Use:
 *   act_gb_init(&argc, argv);           consumes the --benchmark_* flags it knows
 *   (argc > 1: argv[1..] were not understood; the caller reports them)
 *   act_gb_register_parts("name", fn, user, n, bytes_per_element, threads, "label");
 *   act_gb_add_context("key", "value");
 *   act_gb_run();
 *   act_gb_shutdown();
 *
 * A benchmark is a callback that does one timed iteration on its thread's part
 * of an array; the loop, the threads, the counters and the label are the
 * shim's business.
 *
 * None of these functions lets a C++ exception escape.
 */
#ifndef ACTBENCH_GBENCH_SHIM_H
#define ACTBENCH_GBENCH_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* benchmark::Initialize: parses and removes from argv the flags Google
 * Benchmark knows (--benchmark_filter=..., --benchmark_out=..., ...).
 * argv[0] is the program name; on return, argv[1 .. *argc-1] are the
 * arguments it did not recognise.  Returns 0, or -1 when Google Benchmark
 * threw. */
int act_gb_init(int *argc, char **argv);

/* A benchmark over an array of n elements that threads share: thread t of T
 * works on its own part [lo, hi) of the array (parts 16-element aligned, so
 * that no two threads write one cache line), and fn is called once per
 * timed iteration with that part and the iteration's number in this thread
 * (0, 1, 2, ... from the start of each run), so that it can rotate through
 * several inputs.  Items per iteration are the part's elements, bytes
 * bytes_per_element times that.  threads > 1 runs T threads and measures
 * real time (the throughput is then the sum over threads per wall-clock
 * second); threads == 1 measures the process's CPU time, Google Benchmark's
 * default. */
typedef void act_gb_part_fn(void *user, size_t lo, size_t hi, uint64_t iter);
int act_gb_register_parts(const char *name, act_gb_part_fn *fn, void *user, size_t n,
                          int64_t bytes_per_element, int threads, const char *label);
/* The part of thread t of T over n elements: [bound(t), bound(t + 1)). */
size_t act_gb_part_bound(size_t n, int t, int T);

/* benchmark::AddCustomContext: a key/value pair in the results' "context"
 * (and in the console header). */
int act_gb_add_context(const char *key, const char *value);

/* How many of the registered benchmarks the --benchmark_filter flags among
 * argv[1 .. argc-1] select, by Google Benchmark's own matching (its list
 * mode: nothing runs, nothing is printed, no file is opened); call it before
 * act_gb_init.  What Google Benchmark said (a regular expression it cannot
 * compile, "Failed to match ...") goes to err as one line.  -1 when it
 * threw. */
long act_gb_count_matching(int argc, char **argv, char *err, size_t errcap);

/* benchmark::RunSpecifiedBenchmarks: runs what --benchmark_filter selects,
 * prints the console table on stdout and writes --benchmark_out.  Returns
 * the number of benchmarks that matched the filter, or -1 on failure. */
long act_gb_run(void);

/* benchmark::Shutdown. */
void act_gb_shutdown(void);

#ifdef __cplusplus
}
#endif
#endif
