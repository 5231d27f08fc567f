#!/usr/bin/env bash
# actbench speed: a short run writes a whole speed.json (fwd and bwd for every
# available implementation at every size, fwd only for one without a backward
# kernel, the baselines memory.copy and memory.relu at every size, the bytes
# each kernel moves counted from what it reads, a median and quartiles per
# benchmark over its repetitions, the machine's state, and no temporary left
# behind) with its speed targets (recomputed here from its measurements and
# claims by speed_check.py: ratios of medians, verdicts that follow their
# intervals; a reference not measured, no kernel of ours measured, the DRAM
# bandwidth targets per accuracy class); --threads adds multi-threaded runs
# beside a copy on as many threads; inputs rotate at small sizes; bad input
# exits 2 with one line on stderr and writes nothing.
# usage: test_speed.sh ACTBENCH SCRATCH_DIR
set -u
bin=${1:?usage: test_speed.sh ACTBENCH SCRATCH_DIR}
dir=${2:?usage: test_speed.sh ACTBENCH SCRATCH_DIR}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$dir"
mkdir -p "$dir"
pass=0
fail=0

ok() {
  pass=$((pass + 1))
  echo "ok: $1"
}
bad() {
  fail=$((fail + 1))
  echo "FAIL: $1"
}
check_json() { python3 "$here/speed_check.py" json "$@"; }
check_targets() { python3 "$here/speed_check.py" targets "$@"; }

# 1. a short run
out="$dir/r"
if "$bin" speed --sizes 1024,L1 --min-time 0.003 --repetitions 3 --out "$out" >"$dir/run.out" \
  2>"$dir/run.err"; then
  ok "speed --sizes 1024,L1 --min-time 0.003 --repetitions 3 exits 0"
else
  bad "speed run exited $? (stderr: $(head -c 600 "$dir/run.err"))"
fi
if [ -f "$out/speed.json" ]; then
  ok "speed.json written"
  if check_json "$out/speed.json" 1024 L1; then
    ok "speed.json: fwd and bwd at both sizes, bytes per kernel, measurements, machine state"
  else
    bad "speed.json content"
  fi
else
  bad "no speed.json"
fi
left=$(find "$out" -mindepth 1 ! -name speed.json 2>/dev/null)
if [ -z "$left" ]; then ok "no temporary file left"; else bad "left behind: $left"; fi
if grep -q "Benchmark" "$dir/run.out" && grep -q "/fwd/1024_median" "$dir/run.out" &&
  grep -q "^throughput, G items/s: median of 3 repetitions" "$dir/run.out"; then
  ok "console: Google Benchmark's aggregates, then the medians with their spread"
else
  bad "no console table on stdout"
fi
# inputs: below 131072 elements each call rotates through several input arrays
if python3 - "$out/speed.json" <<'EOF'; then
import json, sys
d = json.load(open(sys.argv[1]))
ab = d["actbench"]
pool = ab["input_pool_elements"]
for z in ab["sizes"]:
    assert z["input_slots"] == max(1, -(-pool // z["n"])), z
assert pool >= 65536
EOF
  ok "inputs: ceil($((131072)) / n) input arrays per size, rotated"
else
  bad "input slots"
fi

# the targets of the short run, recomputed from its measurements and claims; only L1 was
# measured, so no peer target is met (at best "L2 not measured"), and DRAM was not measured
if [ -f "$out/speed.json" ] &&
  check_targets "$out/speed.json" "sigmoid/fwd/dram/1ulp=DRAM not measured"; then
  ok "targets: recomputed from the run's measurements and claims"
else
  bad "targets section of speed.json"
fi
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(any(t["met"] for t in d["targets"] if t["kind"] == "peer"))' "$out/speed.json" 2>/dev/null; then
  ok "targets: no peer target is met without its L2 size"
else
  bad "a peer target is met with L2 not measured"
fi
if grep -q '^targets (' "$dir/run.out" && grep -q '^  sigmoid fwd ' "$dir/run.out" &&
  grep -q 'DRAM not measured' "$dir/run.out" && grep -q 'ratio \[95% interval\]' "$dir/run.out"; then
  ok "targets: the table at the end of the console output"
else
  bad "targets: no table at the end of the console output"
fi

# a reference not measured, and no kernel of ours measured; the L1 count given as a number
# counts as L1
l1=$(python3 -c 'import json,sys; print([z["n"] for z in json.load(open(sys.argv[1]))["actbench"]["sizes"] if z["class"] == "L1"][0])' \
  "$out/speed.json" 2>/dev/null)
xnn=$(python3 -c 'import json,sys; print(any(m["name"].startswith("sigmoid.xnnpack") and m["available"] for m in json.load(open(sys.argv[1]))["actbench"]["implementations"]))' \
  "$out/speed.json" 2>/dev/null)
if [ -n "$l1" ] &&
  "$bin" speed --activation sigmoid --sizes "$l1" --min-time 0.003 --repetitions 3 \
    --benchmark_filter='^sigmoid\.(avx|scalar)|^memory' --out "$dir/t1" >"$dir/t1.out" 2>&1 &&
  check_targets "$dir/t1/speed.json" sigmoid/fwd="peer not measured" tanh/fwd=absent &&
  grep -q 'peer not measured' "$dir/t1.out"; then
  ok "targets: a reference not measured is 'peer not measured'; --sizes $l1 counts as L1"
else
  bad "targets with the peers filtered out ($(tail -c 300 "$dir/t1.out"))"
fi
if [ "$xnn" = True ]; then want="no kernel of ours qualifies"; else want="peer not measured"; fi
if [ -n "$l1" ] &&
  "$bin" speed --activation sigmoid --sizes "$l1" --min-time 0.003 --repetitions 3 \
    --benchmark_filter='xnnpack|onednn|^memory' --out "$dir/t2" >"$dir/t2.out" 2>&1 &&
  check_targets "$dir/t2/speed.json" sigmoid/fwd="$want" && grep -q "$want" "$dir/t2.out"; then
  ok "targets: no kernel of ours measured is '$want'"
else
  bad "targets with our kernels filtered out ($(tail -c 300 "$dir/t2.out"))"
fi
# too few repetitions for an interval: every ratio undecided
if [ -n "$l1" ] &&
  "$bin" speed --activation tanh --sizes "$l1" --min-time 0.003 --repetitions 2 \
    --out "$dir/t4" >"$dir/t4.out" 2>&1 &&
  check_targets "$dir/t4/speed.json" && python3 -c '
import json, sys
ts = [t for t in json.load(open(sys.argv[1]))["targets"] if t["kind"] == "peer"]
zs = [z for t in ts for z in t["sizes"] if z.get("ratio") is not None]
peers = sys.argv[2] == "1"
# without peer libraries (ACTBENCH_PEERS=OFF) no peer target has a ratio to judge
sys.exit(not ((zs or not peers) and all(z["status"] == "undecided" and z["ratio_lo"] is None for z in zs)))' \
    "$dir/t4/speed.json" "$("$bin" list --activation tanh 2>/dev/null | grep -q '^peer libraries compiled in: none' && echo 0 || echo 1)"; then
  ok "targets: two repetitions give no interval, so every ratio is undecided"
else
  bad "targets with two repetitions ($(tail -c 300 "$dir/t4.out"))"
fi
# the DRAM bandwidth targets, where the DRAM size is small enough for a test (<= 64 MiB per
# array)
ndram=$("$bin" speed --activation relu --sizes DRAM --benchmark_list_tests=true --out "$dir/t3" \
  2>/dev/null | sed -n 's|^memory.copy/fwd/||p' | head -n 1)
if [ -n "$ndram" ] && [ "$ndram" -le 16777216 ]; then
  if "$bin" speed --activation relu --impl 'relu.avx*' --sizes DRAM --min-time 0.005 \
    --repetitions 3 --out "$dir/t3" >"$dir/t3.out" 2>&1 && check_targets "$dir/t3/speed.json" &&
    python3 -c '
import json, sys
t = {t["id"]: t for t in json.load(open(sys.argv[1]))["targets"]}
z = t["relu/fwd/dram/any"]["sizes"][0]
sys.exit(not (z["class"] == "DRAM" and len(z["kernels"]) >= 2 and z["copy_bytes_per_second"] > 0))' \
      "$dir/t3/speed.json"; then
    ok "targets: our fastest relu of each accuracy class against memory.copy at DRAM (n = $ndram)"
  else
    bad "targets at DRAM ($(tail -c 300 "$dir/t3.out"))"
  fi
else
  echo "skip: the DRAM size here (${ndram:-unknown} floats) is too large for this test"
fi

# 2. --threads: every kernel and a copy on as many threads at the largest size
if "$bin" speed --activation relu --impl 'relu.avx*' --sizes 4096,65536 --threads 2 \
  --min-time 0.003 --repetitions 3 --out "$dir/th" >"$dir/th.out" 2>&1 &&
  python3 - "$dir/th/speed.json" <<'EOF'; then
import json, sys
d = json.load(open(sys.argv[1]))
ms = d["measurements"]
two = [x for x in ms if x["threads"] == 2]
one = [x for x in ms if x["threads"] == 1]
assert two and all(x["n"] == 65536 for x in two), [(x["name"], x["n"]) for x in two]
assert {x["impl"] for x in two} == {x["impl"] for x in one}, "every kernel on 2 threads"
assert any(x["impl"] == "memory.copy" for x in two), "a 2-thread copy"
assert all(x["name"].endswith("/threads:2") for x in two)
assert all("of_copy" in x for x in two if x["impl"] != "memory.copy")
assert d["actbench"]["threads"] == 2 and d["actbench"]["threads_size"] == 65536
EOF
  ok "--threads 2: every kernel and memory.copy on 2 threads at the largest size"
else
  bad "--threads 2 ($(tail -c 300 "$dir/th.out"))"
fi

# 3. repetitions give aggregates; --benchmark_* flags pass through
out2="$dir/rep"
if "$bin" speed --sizes 256 --min-time 0.001 --repetitions 2 --benchmark_filter=/fwd/ \
  --out "$out2" >"$dir/rep.out" 2>"$dir/rep.err" &&
  python3 - "$out2/speed.json" <<'EOF'; then
import json, sys
d = json.load(open(sys.argv[1]))
bs = d["benchmarks"]
aggs = {b.get("aggregate_name") for b in bs if b.get("run_type") == "aggregate"}
assert {"mean", "median", "stddev"} <= aggs, aggs
assert all(b["direction"] == "fwd" and b["n"] == 256 for b in bs)
assert d["actbench"]["repetitions"] == 2 and d["actbench"]["interleaved"] is True
assert all(m["repetitions"] == 2 for m in d["measurements"])
EOF
  ok "--repetitions 2 and --benchmark_filter"
else
  bad "--repetitions 2 / --benchmark_filter (stderr: $(head -c 600 "$dir/rep.err"))"
fi

# 4. bad input: exit 2, one line on stderr starting with "actbench:", no speed.json
check_bad() {
  local odir="$1"
  shift
  "$bin" speed "$@" --min-time 0.01 --out "$odir" >"$dir/bad.out" 2>"$dir/bad.err"
  local rc=$?
  local lines
  lines=$(wc -l <"$dir/bad.err")
  if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -q '^actbench:' "$dir/bad.err" &&
    [ ! -e "$odir/speed.json" ]; then
    ok "speed $* --out $odir -> exit 2: $(cat "$dir/bad.err")"
  else
    bad "speed $* --out $odir -> exit $rc, $lines stderr lines: $(head -c 400 "$dir/bad.err")"
  fi
}
check_bad "$dir/b1" --sizes 0
check_bad "$dir/b2" --sizes abc
check_bad "$dir/b3" --sizes 1024 --min-time -1
check_bad "$dir/b4" --impl nosuch
check_bad "/proc/forbidden" --sizes 1024
check_bad "$dir/b6" --sizes 99999999999
check_bad "$dir/b7" --bogus
check_bad "$dir/b8" --sizes 1024 --benchmark_nosuchflag=1
check_bad "$dir/b9" --sizes 1024 --threads 0
check_bad "$dir/b10" --sizes 1024 --threads two
check_bad "$dir/b11" --sizes 1024 --repetitions -1
check_bad "$dir/b12" --sizes 1024 --repetitions 0
check_bad "$dir/b13" --sizes 1024 --repetitions 1001
check_bad "$dir/b14" --sizes 1024 --benchmark_enable_random_interleaving=maybe

if "$bin" speed --help >/dev/null 2>&1; then ok "--help exits 0"; else bad "--help"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
