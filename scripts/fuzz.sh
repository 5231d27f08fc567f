#!/usr/bin/env bash
# Run actbench's fuzz targets (fuzz/README.md) under libFuzzer with ASan and
# UBSan.
#   scripts/fuzz.sh TARGET SECONDS     one target (args, results, elf) for SECONDS
#   scripts/fuzz.sh all SECONDS        every target, SECONDS each
# It configures and builds build-fuzz (clang-14, -DACTBENCH_FUZZ=ON, no peers,
# no MPI) when needed, makes the seed corpus from the test fixtures
# (build-fuzz/seeds/TARGET), keeps what the fuzzer finds between runs
# (build-fuzz/corpus/TARGET), and writes any input that crashes, hangs or
# trips a sanitizer to build-fuzz/artifacts/TARGET/; exit status 1 when there
# is one.  A target runs in sessions of at most FUZZ_SESSION seconds (60):
# compare and diff keep what they read until the process ends, so a fresh
# process every minute keeps the memory flat (5000 inputs a second grow it
# by about 10 MB a second: what the readers keep and leak on the way out).
# Environment: BUILD (build-fuzz), JOBS (nproc), CC/CXX (clang-14/clang++-14).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
usage() {
  echo "usage: scripts/fuzz.sh args|results|elf|all SECONDS" >&2
  exit 2
}
[ $# -eq 2 ] || usage
TARGET=$1
SECS=$2
case $SECS in '' | *[!0-9]*) usage ;; esac
case $TARGET in args | results | elf) TARGETS=("$TARGET") ;; all) TARGETS=(args results elf) ;; *) usage ;; esac
BUILD=${BUILD:-build-fuzz}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac # (fuzz_args changes folder)
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
SESSION=${FUZZ_SESSION:-60}
export CC=${CC:-clang-14} CXX=${CXX:-clang++-14}
if ! command -v "$CC" >/dev/null; then
  echo "fuzz: $CC not found: install clang-14 and libfuzzer-14-dev (scripts/deps.sh)" >&2
  exit 2
fi

# ---- build
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD" -DACTBENCH_FUZZ=ON -DACTBENCH_PEERS=OFF -DACTBENCH_MPI=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$BUILD.configure.log" 2>&1 ||
    {
      cat "$BUILD.configure.log" >&2
      exit 2
    }
fi
cmake --build "$BUILD" -j "$JOBS" --target fuzz_args fuzz_results fuzz_elf example_plugin \
  bad_plugin_no_entry bad_plugin_version bad_plugin_null_fwd >/dev/null

# ---- seeds, from the test fixtures (made again every run: they are cheap)
SEEDS=$BUILD/seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS/args" "$SEEDS/results" "$SEEDS/elf"
python3 - "$ROOT" "$SEEDS" <<'EOF'
import glob, hashlib, json, os, shlex, sys
root, seeds = sys.argv[1], sys.argv[2]
def put(kind, data):
    name = hashlib.sha1(data).hexdigest()
    open(os.path.join(seeds, kind, name), "wb").write(data)
# args: fuzz/args.seeds, one command line a line, NUL-separated arguments
for line in open(os.path.join(root, "fuzz/args.seeds")):
    line = line.strip()
    if line and not line.startswith("#"):
        put("args", b"\0".join(a.encode() for a in shlex.split(line)))
# and the fuzzer-found command lines (tests/data/fuzz-found/*.args: a status line, then one
# argument a line)
for f in sorted(glob.glob(os.path.join(root, "tests/data/fuzz-found/*.args"))):
    args = open(f, "rb").read().split(b"\n")[1:]
    while args and args[-1] == b"":
        args.pop()
    put("args", b"\0".join(args))
# results: every results file of tests/data, cut small (every array to its first two
# elements: the structure whole, the memory of a long session flat), and the ones the
# fuzzers found
def trim(v):
    if isinstance(v, list):
        return [trim(x) for x in v[:2]]
    if isinstance(v, dict):
        return {k: trim(x) for k, x in v.items()}
    return v
for f in sorted(glob.glob(os.path.join(root, "tests/data/**/*.json"), recursive=True)):
    try:
        d = json.load(open(f))
    except ValueError:
        continue
    put("results", json.dumps(trim(d), indent=1).encode())
for f in sorted(glob.glob(os.path.join(root, "tests/data/fuzz-found/*.json"))):
    put("results", open(f, "rb").read())
EOF
for so in "$BUILD/examples/plugin/libexample_plugin.so" "$BUILD"/tests/plugins/libbad_plugin_*.so; do
  [ -f "$so" ] || continue
  b=$(basename "$so" .so)
  cp "$so" "$SEEDS/elf/$b"
  head -c 1000 "$so" >"$SEEDS/elf/$b.1000"
  head -c 8000 "$so" >"$SEEDS/elf/$b.8000"
done

# ---- run
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=16:malloc_context_size=8}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ACTBENCH_FUZZ_FIXTURES=$ROOT/tests/data/report/full
found=0
for t in "${TARGETS[@]}"; do
  corpus=$BUILD/corpus/$t art=$BUILD/artifacts/$t log=$BUILD/fuzz-$t.log
  mkdir -p "$corpus" "$art"
  extra=()
  case $t in
  args) extra=(-max_len=1024 -dict="$ROOT/fuzz/args.dict") ;;
  results) extra=(-max_len=32768 -dict="$ROOT/fuzz/results.dict") ;;
  elf) extra=(-max_len=20000) ;;
  esac
  left=$SECS runs=0 t0=$(date +%s)
  : >"$log"
  while [ "$left" -gt 0 ]; do
    s=$((left < SESSION ? left : SESSION))
    # -close_fd_mask=3: the target's own output (compare's and diff's tables,
    # act_die's lines: hundreds of MB in ten minutes) closed; libFuzzer's and the
    # sanitizers' reports still reach the log
    if ! "$BUILD/fuzz/fuzz_$t" "${extra[@]}" -max_total_time="$s" -timeout=20 -rss_limit_mb=3072 \
      -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$art/" "$corpus" "$SEEDS/$t" \
      >/dev/null 2>>"$log"; then
      found=1
      echo "fuzz: $t: an input failed; see $log and $art/" >&2
      break
    fi
    n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    runs=$((runs + ${n:-0}))
    left=$((left - s))
  done
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  echo "fuzz: $t: $((($(date +%s) - t0))) s, $runs inputs, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l) files, $(ls "$art" | wc -l) artifacts"
done
exit $found
