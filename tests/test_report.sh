#!/bin/bash
# actbench report on a small real run of the three suites, then bad input.
# usage: test_report.sh ACTBENCH SCRATCH
set -u
BIN=$1
S=$2
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/data/report/lib.sh"
rm -rf "$S"
mkdir -p "$S"
R=$S/r

# a small real run: the suites write the results files the report reads
run_suite() {
  local name=$1
  shift
  "$BIN" "$@" >"$S/$name.out" 2>&1
  local rc=$?
  if [ $rc -eq 0 ] && [ -s "$R/$name.json" ]; then
    ok "suite $name wrote $R/$name.json"
  else
    bad "suite $name: status $rc, $(tail -n 3 "$S/$name.out" | tr '\n' ' ')"
  fi
}
run_suite speed speed --sizes 1024 --min-time 0.01 --out "$R"
run_suite accuracy accuracy --samples 20000 --out "$R"
run_suite saturation saturation --stride 65536 --float-stride 65536 --mc 1000 --chains 100 \
  --out "$R"
run_suite zerocenter zerocenter --trials 500 --problems 40 --out "$R"

# the report
out=$("$BIN" report --results "$R" --out "$S/rep" 2>"$S/report.err")
rc=$?
check "report: exit status 0 (got $rc: $(head -c 300 "$S/report.err"))" [ $rc -eq 0 ]
check "report: says where it is" grep -qx "report: $S/rep/index.html" <<<"$out"
check "report: every file linked from index.html and summary.md is there" check_report "$S/rep"
nsvg=$(ls "$S"/rep/fig/*.svg 2>/dev/null | wc -l)
npng=$(ls "$S"/rep/fig/*.png 2>/dev/null | wc -l)
check "report: figures drawn ($nsvg SVG, $npng PNG)" [ "$nsvg" -gt 0 -a "$nsvg" -eq "$npng" ]
bad_svg=""
for f in "$S"/rep/fig/*.svg; do grep -q '<svg' "$f" || bad_svg+=" $f"; done
check "report: each .svg is SVG$bad_svg" [ -z "$bad_svg" ]
bad_png=""
for f in "$S"/rep/fig/*.png; do
  [ "$(head -c 8 "$f" | od -An -tx1)" = "$PNG_MAGIC" ] || bad_png+=" $f"
done
check "report: each .png is PNG$bad_png" [ -z "$bad_png" ]
ngp=$(ls "$S"/rep/gp/*.gp 2>/dev/null | wc -l)
check "report: a gnuplot script per figure ($ngp)" [ "$ngp" -eq "$nsvg" ]
check "report: what the frameworks run, against the results files ($(python3 "$HERE/frameworks_check.py" "$S/rep" "$R" 2>&1 | tail -n 1))" \
  python3 "$HERE/frameworks_check.py" "$S/rep" "$R"
check "report: the data behind the figures is the results files' ($(python3 "$HERE/report_data_check.py" "$S/rep" "$R" 2>&1 | tail -n 1))" \
  python3 "$HERE/report_data_check.py" "$S/rep" "$R"
# a page for every activation the suites wrote about, and none for the baselines
acts=$(cat "$R"/*.json 2>/dev/null | grep -o '"activation": *"[A-Za-z0-9_]*"' |
  sed 's/.*"\([A-Za-z0-9_]*\)"$/\1/' | grep -vx memory | sort -u)
missing=""
for act in $acts; do [ -s "$S/rep/$act.html" ] || missing+=" $act"; done
check "report: a page for each of the $(echo $acts | wc -w) activations$missing" [ -z "$missing" ]
check "report: no page for the baselines" test ! -e "$S/rep/memory.html"
# an implementation without a backward kernel (XNNPACK, when it is built in)
if grep -q '"bwd": *null' "$R/accuracy.json" 2>/dev/null; then
  check "report: an implementation without a backward kernel is shown as such" \
    grep -q 'no backward kernel' "$S/rep/tables.md"
fi
# the memory limit, when speed.json has the copy baseline
if grep -q '"memory.copy' "$R/speed.json" 2>/dev/null; then
  check "report: the memory limit on the throughput figures" \
    grep -q 'memory limit (copy)' "$S/rep/gp/sigmoid_speed.gp"
  check "report: % of copy bandwidth in the speed tables" \
    grep -q '% of copy bandwidth' "$S/rep/sigmoid.html"
fi
# the speed targets of speed.json: a summary on the index and in summary.md, a table on the pages
if grep -q '"targets"' "$R/speed.json" 2>/dev/null; then
  check "report: the speed targets on the index" grep -q '<summary>Speed targets</summary>' "$S/rep/index.html"
  check "report: ... and in summary.md" grep -q '^## Speed targets' "$S/rep/summary.md"
  check "report: ... and on the sigmoid page, with what was not measured" \
    grep -q 'L1 and L2 not measured' "$S/rep/sigmoid.html"
fi
check "report: the origin of the implementations" grep -q '^| sigmoid\.[^ ]* | actbench |' \
  "$S/rep/tables.md"
check "report: ours are ours, the scalar kernels that call libm included" \
  bash -c "grep -q '^| sigmoid.scalar.naive | actbench |' '$S/rep/tables.md' && ! grep -q '| libm |' '$S/rep/tables.md'"
# the core, the tails and the verdicts (a results file of this actbench)
check "report: core max/mean ULP, tails and verdict in the comparison table" \
  bash -c "grep -q '<th>core max ULP</th><th>max ULP (all inputs)</th><th>mean ULP</th><th>core mean ULP</th><th>tails</th>' '$S/rep/sigmoid.html' &&
           grep -q '<th>verdict</th>' '$S/rep/sigmoid.html'"
check "report: what happened beside a max ULP of the wrong kind" \
  grep -Eq '\| [0-9.e+]+ \(0 for [0-9.e-]+\) \|' "$S/rep/tables.md"
check "report: a verdict against the claim" grep -q 'within its claim (2 ulp)' "$S/rep/sigmoid.html"
check "report: the tails as intervals of x, in details" \
  bash -c "grep -q '<h3>Tails</h3>' '$S/rep/sigmoid.html' &&
           grep -q '<th>from x</th><th>to x</th><th>inputs</th>' '$S/rep/sigmoid.html' &&
           grep -q 'while the exact result stays representable (subnormal) down to -103.97' '$S/rep/sigmoid.html'"
check "report: the special values name each failure by its kind" \
  grep -q 'sigmoid.scalar.naive</code>: [0-9]* failures: 0 for a subnormal exact result' \
  "$S/rep/sigmoid.html"
check "report: no percentage in exponent form" \
  bash -c "! grep -Eq '[0-9]e-?[0-9]+%' '$S/rep/summary.md' '$S/rep/'*.html"
# the saturation suite's analysis in formats and zerocenter.json
check "report: where sigmoid's computed f' vanishes in float, bfloat16 and half" \
  bash -c "grep -q '<h4>binary32 (float)</h4>' '$S/rep/sigmoid.html' &&
           grep -q '<h4>bfloat16</h4>' '$S/rep/sigmoid.html' &&
           grep -q '<h4>binary16 (half)</h4>' '$S/rep/sigmoid.html' &&
           grep -q 'sigmoid.formula.from-y' '$S/rep/sigmoid.html'"
for f in sigmoid_numsat sigmoid_normal sigmoid_depth sigmoid_delivered all_normal all_depth \
  zerocenter_paths; do
  check "report: figure $f" test -s "$S/rep/fig/$f.svg" -a -s "$S/rep/fig/$f.png"
done
check "report: gradients.html with the step counts of sigmoid and tanh" \
  bash -c "grep -q '<tr><td>sigmoid</td><td>gd</td>' '$S/rep/gradients.html' &&
           grep -q '<tr><td>tanh</td><td>gd</td>' '$S/rep/gradients.html'"
check "report: every figure with the commands behind it" check_figures "$S/rep"
check "report: no temporary folder left" no_leftovers "$S/rep"

# bad input: exit status 2, one line on stderr, and the good report intact
sum_before=$(cat "$S/rep/index.html" | cksum)
mkdir -p "$S/bad"
printf '{oops' >"$S/bad/accuracy.json"
expect_fail "missing results folder" "$BIN" report --results "$S/nowhere" --out "$S/rep"
expect_fail "corrupt JSON" "$BIN" report --accuracy "$S/bad/accuracy.json" --out "$S/rep"
cp -r "$R" "$S/corrupt"
printf '{oops' >"$S/corrupt/saturation.json"
expect_fail "corrupt JSON in --results" "$BIN" report --results "$S/corrupt" --out "$S/rep"
expect_fail "wrong kind" "$BIN" report --accuracy "$R/speed.json" --out "$S/rep"
expect_fail "unwritable --out" "$BIN" report --results "$R" --out /proc/x
check "bad input: the good report is intact" \
  [ "$(cat "$S/rep/index.html" | cksum)" = "$sum_before" ]
check "bad input: the good report still checks" check_report "$S/rep"
check "bad input: no temporary folder left" no_leftovers "$S/rep"

finish
