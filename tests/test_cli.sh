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

# --help on every command exits 0 and says what it does
for c in list speed accuracy saturation zerocenter report; do
  if "$A" "$c" --help >"$S/help" 2>&1 && grep -q "usage: actbench $c" "$S/help"; then ok; else bad "$c --help"; fi
done

# a good small run writes one whole file and nothing else
rm -rf "$S/good"
if "$A" accuracy --activation relu --samples 1000 --out "$S/good" >/dev/null 2>&1 &&
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kind"]=="accuracy"' "$S/good/accuracy.json" &&
  [ "$(ls "$S/good")" = "accuracy.json" ]; then ok; else bad "good run"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
