// actbench: the C interface to Google Benchmark (see gbench_shim.h).
#include "gbench_shim.h"

#include <alloca.h>
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <sstream>
#include <string>
#include <vector>

namespace {

// One timed call, made from a stack 16 * ((97 iter) mod 256) bytes deeper
// than the loop's: successive calls cycle through all 256 offsets of a 4 KiB
// page.  Some kernels run at different speeds depending on where the stack
// lies relative to their data (oneDNN's backward eltwise: 1.9 or 3.6 G/s by
// placement); each repetition then measures their mean over the placements
// instead of the luck of one.  The extra call and alloca cost a few
// nanoseconds per call, the same for every kernel.
__attribute__((noinline)) void call_padded(act_gb_part_fn *fn, void *user, size_t lo, size_t hi,
                                           uint64_t iter) {
  const size_t pad = 16 * ((97 * iter) % 256);
  volatile char *p = static_cast<volatile char *>(alloca(pad + 16));
  p[0] = 0;
  fn(user, lo, hi, iter);
  p[0] = 1;  // keeps the padding alive across the call
}

void report(const char *what, const std::exception *e) {
  std::fprintf(stderr, "actbench: Google Benchmark failed in %s%s%s\n", what, e ? ": " : "",
               e ? e->what() : "");
}

// Initialize with {program, list_flag, the filter flags of argv}
void init_filter_only(int argc, char **argv, const char *list_flag) {
  std::vector<std::string> args = {"actbench", list_flag};
  for (int i = 1; i < argc; i++)
    if (!std::strncmp(argv[i], "--benchmark_filter", 18)) args.push_back(argv[i]);
  std::vector<char *> av;
  for (auto &a : args) av.push_back(&a[0]);
  av.push_back(nullptr);
  int ac = static_cast<int>(args.size());
  benchmark::Initialize(&ac, av.data());
}

}  // namespace

extern "C" {

int act_gb_init(int *argc, char **argv) {
  try {
    benchmark::Initialize(argc, argv);
    return 0;
  } catch (const std::exception &e) {
    report("Initialize", &e);
  } catch (...) {
    report("Initialize", nullptr);
  }
  return -1;
}

size_t act_gb_part_bound(size_t n, int t, int T) {
  if (t <= 0 || T <= 1) return t <= 0 ? 0 : n;
  if (t >= T) return n;
  size_t b = static_cast<size_t>((static_cast<unsigned __int128>(n) * static_cast<unsigned>(t)) /
                                 static_cast<unsigned>(T));
  return b & ~static_cast<size_t>(15);
}

int act_gb_register_parts(const char *name, act_gb_part_fn *fn, void *user, size_t n,
                          int64_t bytes_per_element, int threads, const char *label) {
  if (!name || !fn || threads < 1) return -1;
  try {
    std::string lab = label ? label : "";
    auto *b = benchmark::RegisterBenchmark(name, [=](benchmark::State &st) {
      const int t = st.thread_index(), T = st.threads();
      const size_t lo = act_gb_part_bound(n, t, T), hi = act_gb_part_bound(n, t + 1, T);
      uint64_t iter = 0;
      for (auto _ : st) {
        call_padded(fn, user, lo, hi, iter);
        iter++;
        // The kernel's stores must happen every iteration.
        benchmark::ClobberMemory();
      }
      const int64_t items = static_cast<int64_t>(st.iterations()) * static_cast<int64_t>(hi - lo);
      st.SetItemsProcessed(items);
      st.SetBytesProcessed(items * bytes_per_element);
      if (!lab.empty()) st.SetLabel(lab);
    });
    if (threads > 1) b->Threads(threads)->UseRealTime();
    return 0;
  } catch (const std::exception &e) {
    report("RegisterBenchmark", &e);
  } catch (...) {
    report("RegisterBenchmark", nullptr);
  }
  return -1;
}

int act_gb_add_context(const char *key, const char *value) {
  if (!key || !value) return -1;
  try {
    benchmark::AddCustomContext(key, value);
    return 0;
  } catch (const std::exception &e) {
    report("AddCustomContext", &e);
  } catch (...) {
    report("AddCustomContext", nullptr);
  }
  return -1;
}

long act_gb_count_matching(int argc, char **argv, char *err, size_t errcap) {
  if (err && errcap) err[0] = '\0';
  try {
    // Google Benchmark's own matching, in list mode, into strings.  Only the
    // filter flags are given (a context flag would be added twice).
    init_filter_only(argc, argv, "--benchmark_list_tests=true");
    benchmark::ConsoleReporter rep(benchmark::ConsoleReporter::OO_None);
    std::ostringstream out, errs;
    rep.SetOutputStream(&out);
    rep.SetErrorStream(&errs);
    size_t n = benchmark::RunSpecifiedBenchmarks(&rep);
    init_filter_only(argc, argv, "--benchmark_list_tests=false");
    if (err && errcap) {
      std::string e = errs.str();
      while (!e.empty() && (e.back() == '\n' || e.back() == '\r' || e.back() == ' ')) e.pop_back();
      for (auto &c : e)
        if (c == '\n' || c == '\r') c = ' ';
      std::snprintf(err, errcap, "%s", e.c_str());
    }
    return static_cast<long>(n);
  } catch (const std::exception &e) {
    report("counting the benchmarks", &e);
  } catch (...) {
    report("counting the benchmarks", nullptr);
  }
  return -1;
}

long act_gb_run(void) {
  try {
    return static_cast<long>(benchmark::RunSpecifiedBenchmarks());
  } catch (const std::exception &e) {
    report("RunSpecifiedBenchmarks", &e);
  } catch (...) {
    report("RunSpecifiedBenchmarks", nullptr);
  }
  return -1;
}

void act_gb_shutdown(void) {
  try {
    benchmark::Shutdown();
  } catch (...) {
  }
}

}  // extern "C"
