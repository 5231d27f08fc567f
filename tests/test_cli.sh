#!/usr/bin/env bash
# Bad input: a one-line error on stderr that says what was wrong, exit status
# 2, and no results file (partial or not) left behind.
set -u
A=$1
S=$2
rm -rf "$S" && mkdir -p "$S"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# expect_error "what" args...  (runs with --out $S/out unless the args set it)
expect_error() {
  local what=$1
  shift
  rm -rf "$S/out"
  "$A" "$@" >"$S/stdout" 2>"$S/stderr"
  local rc=$?
  local lines
  lines=$(wc -l <"$S/stderr")
  if [ "$rc" -ne 2 ]; then
    bad "$what: exit status $rc, want 2 ($*)"
  elif [ "$lines" -ne 1 ] || ! grep -q '^actbench: ' "$S/stderr"; then
    bad "$what: stderr is not one 'actbench: ' line: $(cat "$S/stderr")"
  elif ls "$S"/out/*.json "$S"/out/*.tmp.* >/dev/null 2>&1; then
    bad "$what: left a results file behind: $(ls "$S/out")"
  else
    ok
  fi
}

expect_error "no command"
expect_error "unknown command" frobnicate
expect_error "unknown activation" accuracy --activation nosuch --out "$S/out"
expect_error "unknown implementation" accuracy --impl nosuch --out "$S/out"
expect_error "negative samples" accuracy --samples -5 --out "$S/out"
expect_error "zero samples" accuracy --samples 0 --out "$S/out"
expect_error "samples not a number" accuracy --samples many --out "$S/out"
expect_error "lo not a number" accuracy --activation relu --lo abc --hi 1 --out "$S/out"
expect_error "hi with junk" accuracy --activation relu --lo 0 --hi 1x --out "$S/out"
expect_error "lo above hi" accuracy --activation relu --lo 2 --hi 1 --out "$S/out"
expect_error "lo without hi" accuracy --activation relu --lo 2 --out "$S/out"
expect_error "lo is nan" accuracy --activation relu --lo nan --hi 1 --out "$S/out"
expect_error "leaky slope out of range" accuracy --activation leaky_relu --a 1.5 --out "$S/out"
expect_error "unknown option" accuracy --frobnicate 1 --out "$S/out"
expect_error "option without value" accuracy --samples
expect_error "unwritable output folder" accuracy --activation relu --samples 100 --out /proc/actbench-nope
expect_error "output is a file" accuracy --activation relu --samples 100 --out /etc/hostname
expect_error "saturation stride 0" saturation --stride 0 --out "$S/out"
expect_error "saturation unknown activation" saturation --activation nosuch --out "$S/out"
expect_error "saturation unwritable" saturation --activation relu --out /proc/actbench-nope
expect_error "saturation unknown format" saturation --activation relu --formats binary8 --out "$S/out"
expect_error "saturation empty formats" saturation --activation relu --formats , --out "$S/out"
expect_error "saturation float stride too small" saturation --activation relu --float-stride 1 --out "$S/out"
expect_error "saturation negative mc" saturation --activation relu --mc -1 --out "$S/out"
expect_error "saturation zero chains" saturation --activation relu --chains 0 --out "$S/out"
expect_error "saturation seed junk" saturation --activation relu --seed 1x --out "$S/out"
expect_error "zerocenter unknown activation" zerocenter --activation nosuch --out "$S/out"
expect_error "zerocenter zero problems" zerocenter --problems 0 --out "$S/out"
expect_error "zerocenter tol out of range" zerocenter --tol 1 --out "$S/out"
expect_error "zerocenter unknown option" zerocenter --frobnicate --out "$S/out"
expect_error "zerocenter unwritable" zerocenter --activation tanh --trials 10 --problems 2 --out /proc/actbench-nope
expect_error "list unknown activation" list --activation nosuch
expect_error "report: no results" report --results "$S/nothing-here" --out "$S/rep"
echo '{oops' >"$S/corrupt.json"
expect_error "report: corrupt results" report --accuracy "$S/corrupt.json" --out "$S/rep"
echo '{"kind": "speed"}' >"$S/wrongkind.json"
expect_error "report: wrong kind" report --accuracy "$S/wrongkind.json" --out "$S/rep"

# global options, compare and diff
F=$(cd "$(dirname "$0")" && pwd)/data/report/full
expect_error "unknown global option" --frobnicate list
expect_error "--plugin without a command" --plugin "$S/nothing.so"
expect_error "compare: no activation" compare --results "$F"
expect_error "compare: unknown activation" compare nosuch --results "$F"
expect_error "compare: two activations" compare sigmoid tanh --results "$F"
expect_error "compare: activation not in the results" compare tanh --results "$F"
expect_error "compare: unknown column" compare sigmoid --results "$F" --sort nosuch
expect_error "compare: column not in the results" compare sigmoid --speed "$F/speed.json" --sort fwd_max_ulp
expect_error "compare: unknown --columns entry" compare sigmoid --results "$F" --columns impl,nosuch
expect_error "compare: bad format" compare sigmoid --results "$F" --format xml
expect_error "compare: unknown option" compare sigmoid --results "$F" --frobnicate
expect_error "compare: no results folder" compare sigmoid --results "$S/nothing-here"
expect_error "compare: named file missing" compare sigmoid --accuracy "$S/nothing.json"
expect_error "compare: corrupt results" compare sigmoid --accuracy "$S/corrupt.json"
expect_error "compare: wrong kind" compare sigmoid --accuracy "$S/wrongkind.json"
expect_error "diff: one file" diff "$F/speed.json"
expect_error "diff: three files" diff "$F/speed.json" "$F/speed.json" "$F/speed.json"
expect_error "diff: missing file" diff "$F/speed.json" "$S/nothing.json"
expect_error "diff: corrupt file" diff "$S/corrupt.json" "$F/speed.json"
expect_error "diff: different kinds" diff "$F/speed.json" "$F/accuracy.json"
echo '{"kind": "speed", "benchmarks": [{"name": "x.y/fwd/1", "run_name": "x.y/fwd/1", "items_per_second": 1, "impl": "x.y", "activation": "x", "direction": "fwd", "n": 1}]}' >"$S/other.json"
expect_error "diff: no benchmark in common" diff "$F/speed.json" "$S/other.json"
echo '{"kind": "accuracy", "activations": [{"activation": "tanh", "implementations": []}]}' >"$S/tanh.json"
expect_error "diff: no activation in common" diff "$F/accuracy.json" "$S/tanh.json"
expect_error "diff: threshold of the other kind" diff "$F/speed.json" "$F/speed.json" --threshold-ulp 1
expect_error "diff: threshold on saturation" diff "$F/saturation.json" "$F/saturation.json" --threshold-speed 0.1
expect_error "diff: threshold not a number" diff "$F/speed.json" "$F/speed.json" --threshold-speed fast
expect_error "diff: threshold out of range" diff "$F/speed.json" "$F/speed.json" --threshold-speed 1.5
expect_error "diff: relative ulp threshold junk" diff "$F/accuracy.json" "$F/accuracy.json" --threshold-ulp x%
expect_error "diff: bad alpha" diff "$F/speed.json" "$F/speed.json" --alpha 0
expect_error "diff: unknown format" diff "$F/accuracy.json" "$F/accuracy.json" --formats float8
expect_error "diff: unknown activation" diff "$F/accuracy.json" "$F/accuracy.json" --activation nosuch

# --help on every command exits 0 and says what it does
for c in list speed accuracy saturation zerocenter report compare diff; do
  if "$A" "$c" --help >"$S/help" 2>&1 && grep -q "usage: actbench $c" "$S/help"; then ok; else bad "$c --help"; fi
done

# a good small run writes one whole file and nothing else
rm -rf "$S/good"
if "$A" accuracy --activation relu --samples 1000 --out "$S/good" >/dev/null 2>&1 &&
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kind"]=="accuracy"' "$S/good/accuracy.json" &&
  [ "$(ls "$S/good")" = "accuracy.json" ]; then ok; else bad "good run"; fi

# the specials table names each failure by its kind (relu.scalar.naive gives
# 0 for NaN, which its flags declare: a failure of kind number_for_nan, within
# its claim); the sweep counts the same kind
if python3 - "$S/good/accuracy.json" <<'PY'; then ok; else bad "specials by kind"; fi
import json, sys
a = json.load(open(sys.argv[1]))["activations"][0]
m = next(m for m in a["implementations"] if m["name"] == "relu.scalar.naive")
for k in ("fwd", "bwd"):
    s = m[k]
    bad = [r for r in s["specials"] if not r["ok"]]
    assert [(r["x"], r["kind"]) for r in bad] == [("nan", "number_for_nan")], bad
    assert all(r["kind"] is None for r in s["specials"] if r["ok"])
    assert s["special_failures_by_kind"]["number_for_nan"] == s["nan_input_failures"] == 1
    assert s["verdict"]["status"] == "within", s["verdict"]
PY

# bfloat16 and binary16: a float kernel's results rounded to the format before they are
# measured (unrounded, sigmoid's stable kernel would show a thousandth of an ulp there)
if "$A" accuracy --impl sigmoid.scalar.stable --samples 1000 --out "$S/narrow" >/dev/null 2>&1 &&
  python3 - "$S/narrow/accuracy.json" <<'PY'; then ok; else bad "narrow formats: results not rounded to the format"; fi
import json, sys
a = json.load(open(sys.argv[1]))["activations"][0]
for n in a["narrow"]:
    m = n["implementations"][0]
    for k in ("fwd", "bwd"):
        mx = float(m[k]["max_ulp"])
        assert 0.45 < mx <= 1.0, (n["format"], k, mx)
PY

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
