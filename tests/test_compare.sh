#!/usr/bin/env bash
# actbench compare and actbench diff on fixed results files: the rows and
# columns compare finds, sorting, the three formats; diff's ratios, its U
# test deciding what counts as a regression, the thresholds and the exit
# status (0 none crossed, 1 a regression).  The results files are
# tests/data/report/full and files written here (no suite runs).
# usage: test_compare.sh ACTBENCH SCRATCH
set -u
A=$1
S=$2
HERE=$(cd "$(dirname "$0")" && pwd)
FULL=$HERE/data/report/full
rm -rf "$S" && mkdir -p "$S"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { # check "what" command...
  local what=$1
  shift
  if "$@"; then ok; else bad "$what"; fi
}
run() { # run WANT_RC args...: actbench's stdout in $S/out, its status checked
  local want=$1
  shift
  "$A" "$@" >"$S/out" 2>"$S/err"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    bad "actbench $*: exit status $rc, want $want: $(head -c 400 "$S/err")"
    return 1
  fi
  return 0
}

# ---- compare
if run 0 compare sigmoid --results "$FULL"; then
  check "compare: a row per implementation" [ "$(grep -c '^sigmoid\.' "$S/out")" -eq 5 ]
  check "compare: speed, accuracy and saturation columns" \
    grep -q "implementation .*L1 fwd .*DRAM bwd .*f max ulp .*f' CR .*within claim .*f'=0 from x<0" "$S/out"
  check "compare: says which files" grep -q "accuracy: $FULL/accuracy.json" "$S/out"
fi
if run 0 compare sigmoid --results "$FULL" --format csv --sort -l1_fwd; then
  check "compare csv, --sort -l1_fwd: fastest first, no value last" python3 - "$S/out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert rows and "l1_fwd" in rows[0] and "fwd_max_ulp" in rows[0] and "grad0_pos" in rows[0], rows[0].keys()
v = [r["l1_fwd"] for r in rows]
have = [float(x) for x in v if x]
assert have == sorted(have, reverse=True), v
assert all(x == "" for x in v[len(have):]), v   # missing values go last
assert len(rows) == 5
naive = [r for r in rows if r["impl"] == "sigmoid.scalar.naive"][0]
assert naive["origin"] == "actbench" and float(naive["l1_fwd"]) > 1e9, naive
PY
fi
if run 0 compare sigmoid --results "$FULL" --format csv --sort "f max ulp" --columns impl,fwd_max_ulp; then
  check "compare: --sort by heading, ascending; --columns" python3 - "$S/out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert list(rows[0].keys()) == ["impl", "fwd_max_ulp"], rows[0].keys()
have = [float(r["fwd_max_ulp"]) for r in rows if r["fwd_max_ulp"]]
assert have == sorted(have), have
PY
fi
if run 0 compare sigmoid --results "$FULL" --format markdown --columns speed; then
  check "compare markdown: a pipe table of the speed columns" \
    grep -q '^| implementation | L1 fwd | +- | L1 bwd | +- | DRAM fwd | +- | DRAM bwd | +- |$' "$S/out"
  check "compare markdown: each median with its spread (half the IQR over the median)" \
    grep -q '^| sigmoid.scalar.naive | 2.02 | 0.5% | 1.35 | 0.5% |' "$S/out"
  check "compare markdown: numbers right-aligned" grep -q '^| --- | ---: |' "$S/out"
fi
run 0 compare sigmoid --results "$FULL" --baselines --format csv &&
  check "compare --baselines: memory.copy" grep -q '^memory.copy,' "$S/out"
run 0 compare leaky_relu --speed "$FULL/speed.json" --format csv &&
  check "compare --speed alone: only speed columns" \
    bash -c "head -1 '$S/out' | grep -q '^impl,origin,isa,l1_fwd,l1_fwd_spread,l1_bwd,l1_bwd_spread,dram_fwd,dram_fwd_spread,dram_bwd,dram_bwd_spread$'"

# ---- compare: the core, the tails and the verdicts of a results file of
#      this actbench (tanh's naive and from-y kernels: f' from y = 1 - y^2 is
#      0 for tiny normal values, a result of the wrong kind)
if "$A" accuracy --activation tanh --impl 'scalar.*' --samples 20000 --formats binary32 \
  --out "$S/acc" >/dev/null 2>&1; then
  if run 0 compare tanh --accuracy "$S/acc/accuracy.json" --format csv --sort -bwd_core_max_ulp; then
    check "compare: core, tails, verdict columns; the note column in CSV" python3 - "$S/out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for k in ("fwd_core_max_ulp", "fwd_core_mean_ulp", "fwd_tails", "fwd_verdict", "fwd_max_note",
          "bwd_core_max_ulp", "bwd_tails", "bwd_verdict", "bwd_max_note", "within_claim"):
    assert k in rows[0], (k, rows[0].keys())
v = [float(r["bwd_core_max_ulp"]) for r in rows if r["bwd_core_max_ulp"]]
assert v == sorted(v, reverse=True), v
# a kernel without a backward (a forward-only peer) has no value and sorts last
assert all(r["bwd_core_max_ulp"] for r in rows[:len(v)]), rows
naive = [r for r in rows if r["impl"] == "tanh.scalar.naive"][0]
assert naive["bwd_tails"] and "Z" in naive["bwd_tails"], naive["bwd_tails"]
assert naive["bwd_max_note"].startswith("0 for "), naive["bwd_max_note"]
assert naive["bwd_verdict"].startswith("within its claim"), naive["bwd_verdict"]
stable = [r for r in rows if r["impl"] == "tanh.scalar.stable"][0]
assert stable["fwd_tails"] == "-" and stable["fwd_max_note"] == "", stable
PY
  fi
  if run 0 compare tanh --accuracy "$S/acc/accuracy.json" --columns impl,bwd_max_ulp,bwd_verdict; then
    check "compare table: what happened beside a max ULP of the wrong kind" \
      grep -Eq '^tanh\.scalar\.naive +1\.68e\+07 \(0 for [0-9.e-]+\) +within its claim' "$S/out"
    check "compare table: the note column is CSV's only" bash -c "! grep -q 'max: what' '$S/out'"
  fi
  run 0 compare tanh --accuracy "$S/acc/accuracy.json" --sort fwd_verdict --format csv &&
    check "compare: --sort by verdict" grep -q '^impl,' "$S/out"
  # diff: a verdict from within to exceeds is a regression, without a
  # threshold; a change of the core's max ULP is a change
  python3 - "$S/acc/accuracy.json" "$S" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = [m for m in d["activations"][0]["implementations"] if m["name"] == "tanh.scalar.stable"][0]
m["fwd"]["verdict"]["status"] = "exceeds"
m["bwd"]["core"]["max_ulp"] = float(m["bwd"]["core"]["max_ulp"]) + 1
json.dump(d, open(sys.argv[2] + "/acc_exceeds.json", "w"))
PY
  if run 1 diff "$S/acc/accuracy.json" "$S/acc_exceeds.json"; then
    check "diff: within -> exceeds is a regression" \
      grep -Eq '^tanh\.scalar\.stable +f +.*within -> exceeds +REGRESSION$' "$S/out"
    check "diff: the core's max ULP changed" grep -Eq "^tanh\.scalar\.stable +f' .* changed$" "$S/out"
    check "diff: says why" grep -q '^REGRESSION: 1 rows whose verdict went from within to exceeds' "$S/out"
  fi
else
  bad "accuracy run for compare"
fi

# ---- diff: speed files with repetitions
python3 - "$S" <<'PY'
import json, sys, random
S = sys.argv[1]
def speed(reps, scale, per_impl={}, values=None):
    b = []
    for impl in ("sigmoid.a", "sigmoid.b", "sigmoid.c", "memory.copy"):
        for d in ("fwd", "bwd"):
            if impl == "memory.copy" and d == "bwd":
                continue
            name = "%s/%s/4096" % (impl, d)
            base = 1e9 * scale * per_impl.get(name, 1.0)
            for k in range(reps):
                v = values[k] * per_impl.get(name, 1.0) if values else base * (1 + 0.001 * k)
                b.append({"name": name, "run_name": name, "run_type": "iteration",
                          "repetitions": reps, "repetition_index": k, "items_per_second": v,
                          "impl": impl, "activation": "memory" if impl == "memory.copy" else "sigmoid",
                          "direction": d, "n": 4096, "size_class": "L1"})
            b.append({"name": name + "_median", "run_name": name, "run_type": "aggregate",
                      "aggregate_name": "median", "items_per_second": 0.0, "impl": impl,
                      "activation": "sigmoid", "direction": d, "n": 4096})
    return {"kind": "speed", "context": {"host": "h", "cpu_model": "c"}, "benchmarks": b}
def dump(name, doc):
    json.dump(doc, open("%s/%s" % (S, name), "w"))
dump("old.json", speed(10, 1.0))
# b/fwd 20% slower, c/fwd 3% slower, memory.copy 30% slower (a baseline never counts)
dump("new.json", speed(10, 1.0, {"sigmoid.b/fwd/4096": 0.8, "sigmoid.c/fwd/4096": 0.97,
                                 "memory.copy/fwd/4096": 0.7}))
# noisy repetitions: the medians 7% apart but the samples overlap: not significant
noise = [100, 80, 120, 90, 110, 95, 105, 85, 115]
dump("noisy_old.json", speed(9, 1.0, values=[1e7 * v for v in noise]))
random.seed(3)
shuffled = noise[:]
random.shuffle(shuffled)
dump("noisy_new.json", speed(9, 1.0, {"sigmoid.a/fwd/4096": 0.93}, values=[1e7 * v for v in shuffled]))
# three repetitions: the U test cannot reach 0.05, the ratio decides
dump("three_old.json", speed(3, 1.0))
dump("three_new.json", speed(3, 1.0, {"sigmoid.a/bwd/4096": 0.9}))
PY
run 0 diff "$S/old.json" "$S/old.json" --threshold-speed 0.05 &&
  check "diff of a file with itself: no regression" grep -q '^no regression' "$S/out"
run 1 diff "$S/old.json" "$S/new.json" --threshold-speed 0.05 && {
  check "diff: the 20% slower kernel is a regression" \
    grep -Eq '^sigmoid.b/fwd/4096 +1 +0.804 +0.800 +-20.0% +10/10 +1.1e-05 +REGRESSION$' "$S/out"
  check "diff: 3% slower is significant but under the threshold" \
    grep -Eq '^sigmoid.c/fwd/4096 .* 0.970 .* slower$' "$S/out"
  check "diff: a baseline is never a regression" grep -Eq '^memory.copy/fwd/4096 \(baseline\) .* slower$' "$S/out"
  check "diff: unchanged is 'same'" grep -Eq '^sigmoid.a/fwd/4096 .* 1.000 .* same$' "$S/out"
  check "diff: one regression named" grep -q '^REGRESSION: 1 benchmarks .*: sigmoid.b/fwd/4096$' "$S/out"
}
run 0 diff "$S/old.json" "$S/new.json" --threshold-speed 0.25 &&
  check "diff: a threshold above the change" grep -q '^no regression (threshold-speed 0.25)' "$S/out"
run 0 diff "$S/old.json" "$S/new.json" && check "diff: no threshold, exit 0" true
run 0 diff "$S/noisy_old.json" "$S/noisy_new.json" --threshold-speed 0.05 &&
  check "diff: 7% slower in the median, not significant: no regression" \
    grep -Eq '^sigmoid.a/fwd/4096 .* 0.930 .* same$' "$S/out"
run 1 diff "$S/three_old.json" "$S/three_new.json" --threshold-speed 0.05 && {
  check "diff: 3 repetitions: the ratio alone decides" grep -Eq '^sigmoid.a/bwd/4096 .*REGRESSION$' "$S/out"
  check "diff: says why" grep -q 'cannot reach p < 0.05' "$S/out"
}
if run 1 diff "$S/old.json" "$S/new.json" --threshold-speed 0.05 --format csv; then
  check "diff csv: ratio, p-value, result" python3 - "$S/out" <<'PY'
import csv, sys
rows = {r["benchmark"]: r for r in csv.DictReader(open(sys.argv[1]))}
b = rows["sigmoid.b/fwd/4096"]
assert abs(float(b["ratio"]) - 0.8) < 1e-6 and b["result"] == "REGRESSION", b
assert float(b["p_value"]) < 0.001 and b["old_repetitions"] == "10", b
assert abs(float(b["old_items_per_second"]) / 1e9 - 1.0045) < 1e-6, b   # the median of 10
PY
fi
run 0 diff "$FULL/speed.json" "$FULL/speed.json" &&
  check "diff of a real results file: its benchmarks" grep -q '^26 benchmarks in both files' "$S/out"

# ---- diff: accuracy
python3 - "$FULL/accuracy.json" "$S" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
S = sys.argv[2]
sig = d["activations"][0]["implementations"]
naive = [m for m in sig if m["name"] == "sigmoid.scalar.naive"][0]
avx2 = [m for m in sig if m["name"] == "sigmoid.avx2.rr2-p5-div"][0]
json.dump(d, open(S + "/acc_old.json", "w"))
avx2["fwd"]["max_ulp"] = float(avx2["fwd"]["max_ulp"]) + 0.25
json.dump(d, open(S + "/acc_small.json", "w"))
avx2["fwd"]["max_ulp"] = float(avx2["fwd"]["max_ulp"]) + 1.0
naive["bwd"]["special_failures"] = int(naive["bwd"]["special_failures"]) + 2
json.dump(d, open(S + "/acc_new.json", "w"))
PY
run 0 diff "$S/acc_old.json" "$S/acc_old.json" --threshold-ulp 0.5 &&
  check "accuracy diff with itself: nothing changed" grep -q ' 0 changed; ' "$S/out"
run 0 diff "$S/acc_old.json" "$S/acc_small.json" --threshold-ulp 0.5 &&
  check "accuracy: +0.25 ULP is under 0.5" grep -Eq '^sigmoid.avx2.rr2-p5-div +f +.* \+0.25 .*worse$' "$S/out"
run 1 diff "$S/acc_old.json" "$S/acc_new.json" --threshold-ulp 0.5 && {
  check "accuracy: +1.25 ULP is a regression" grep -Eq "^sigmoid.avx2.rr2-p5-div +f +.*REGRESSION$" "$S/out"
  check "accuracy: more special failures are a regression" \
    grep -Eq "^sigmoid.scalar.naive +f' .* -> .*REGRESSION$" "$S/out"
}
run 0 diff "$S/acc_old.json" "$S/acc_small.json" --threshold-ulp 10% &&
  check "accuracy: a relative threshold, +3.9% under 10%" grep -q '^no regression (threshold-ulp 10%)' "$S/out"
run 1 diff "$S/acc_old.json" "$S/acc_new.json" --threshold-ulp 10% &&
  check "accuracy: +19.5% over 10%, and the special failures" grep -q '^REGRESSION: 2 rows .* 10%' "$S/out"
run 1 diff "$S/acc_old.json" "$S/acc_new.json" --threshold-ulp 25% &&
  check "accuracy: under 25%, the special failures alone" grep -q '^REGRESSION: 1 rows .* 25%' "$S/out"
run 0 diff "$S/acc_old.json" "$S/acc_new.json" --changed --activation leaky_relu &&
  check "accuracy --changed --activation: nothing else" bash -c "! grep -q '^sigmoid' '$S/out'"
# a kernel (or an activation) measured in OLD and missing from NEW: a regression unless allowed
python3 - "$S" <<'PY'
import json, sys
S = sys.argv[1]
d = json.load(open(S + "/acc_old.json"))
sig = d["activations"][0]
sig["implementations"] = [m for m in sig["implementations"] if m["name"] != "sigmoid.scalar.naive"]
json.dump(d, open(S + "/acc_missing.json", "w"))
d["activations"] = d["activations"][:1]
json.dump(d, open(S + "/acc_missing_act.json", "w"))
s = json.load(open(S + "/old.json"))
s["benchmarks"] = [b for b in s["benchmarks"] if not b["name"].startswith("sigmoid.b/")]
json.dump(s, open(S + "/speed_missing.json", "w"))
PY
run 1 diff "$S/acc_old.json" "$S/acc_missing.json" --threshold-ulp 0.5 && {
  check "accuracy: a kernel missing from NEW is a regression" \
    grep -Eq "^sigmoid.scalar.naive +f +.*REGRESSION \(not in NEW\)$" "$S/out"
  check "accuracy: the missing kernel named" \
    grep -q "^REGRESSION: 2 rows .*not in NEW.*: sigmoid.scalar.naive f (not in NEW), sigmoid.scalar.naive f' (not in NEW)$" "$S/out"
}
run 0 diff "$S/acc_old.json" "$S/acc_missing.json" --threshold-ulp 0.5 --allow-missing &&
  check "accuracy --allow-missing: no regression" grep -q '^no regression (threshold-ulp 0.5 ULP)' "$S/out"
run 1 diff "$S/acc_old.json" "$S/acc_missing_act.json" --threshold-ulp 0.5 &&
  check "accuracy: an activation missing from NEW is a regression" \
    grep -q "^REGRESSION: .*(every implementation; not in NEW)" "$S/out"
run 1 diff "$S/old.json" "$S/speed_missing.json" --threshold-speed 0.05 && {
  check "speed: a benchmark missing from NEW is a regression" \
    grep -Eq "^sigmoid.b/fwd/4096 .*REGRESSION \(not in NEW\)$" "$S/out"
  check "speed: the missing benchmarks named" grep -q "^REGRESSION: 2 benchmarks .*not in NEW" "$S/out"
}
run 0 diff "$S/old.json" "$S/speed_missing.json" --threshold-speed 0.05 --allow-missing &&
  check "speed --allow-missing: no regression" grep -q '^no regression (threshold-speed 0.05)' "$S/out"
run 0 diff "$S/old.json" "$S/speed_missing.json" &&
  check "speed: no threshold, a missing benchmark is only counted" grep -q 'only in OLD' "$S/out"
run 0 diff "$FULL/saturation.json" "$FULL/saturation.json" &&
  check "saturation diff with itself" grep -q ', 0 changed$' "$S/out"

# ---- an older speed.json (Google Benchmark's format) with only the mean and
#      median aggregates (--benchmark_report_aggregates_only): the median
#      stands for the benchmark, not the mean (mutation 13)
run 0 compare sigmoid --speed "$HERE/data/compare/speed-aggregates-only.json" --format csv &&
  check "compare, aggregates only: the median aggregate, not the mean" python3 - "$S/out" <<'PY'
import csv, sys
rows = {r["impl"]: r for r in csv.DictReader(open(sys.argv[1]))}
assert float(rows["sigmoid.scalar.naive"]["l1_fwd"]) == 1.25e9, rows
assert float(rows["sigmoid.scalar.naive"]["l1_bwd"]) == 0.625e9, rows
assert float(rows["sigmoid.avx2.rr2-p5-div"]["l1_fwd"]) == 5e9, rows
PY

# ---- compare's max ULP columns are the file's max_ulp over every input, the
#      core's in their own columns (mutation 14: f max ULP taken from the core)
python3 - "$FULL/accuracy.json" "$S/acc_core.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for a in d["activations"]:
    for m in a["implementations"]:
        for dr in ("fwd", "bwd"):
            st = m.get(dr)
            if isinstance(st, dict) and st.get("max_ulp") is not None:
                st["core"] = {"inputs": 100, "max_ulp": float(st["max_ulp"]) / 4 + 0.125,
                              "mean_ulp": 0.0625, "max_ulp_x": "1"}
json.dump(d, open(sys.argv[2], "w"))
PY
run 0 compare sigmoid --accuracy "$S/acc_core.json" --format csv &&
  check "compare: f and f' max ULP are the file's max_ulp, the core's apart" python3 - "$S/out" "$S/acc_core.json" <<'PY'
import csv, json, sys
rows = {r["impl"]: r for r in csv.DictReader(open(sys.argv[1]))}
d = json.load(open(sys.argv[2]))
n = 0
for m in d["activations"][0]["implementations"]:
    if m["name"] not in rows or not isinstance(m.get("fwd"), dict):
        continue
    r = rows[m["name"]]
    for dr in ("fwd", "bwd"):
        if isinstance(m.get(dr), dict):
            assert float(r[dr + "_max_ulp"]) == float(m[dr]["max_ulp"]), (m["name"], dr, r)
            assert float(r[dr + "_core_max_ulp"]) == m[dr]["core"]["max_ulp"], (m["name"], dr, r)
            n += 1
assert n >= 4, n
PY

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
