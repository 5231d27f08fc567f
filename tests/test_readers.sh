#!/usr/bin/env bash
# The typed readers' rules (docs/results.md, "Validation"; issue 14, phase B):
# a corrupt copy of a fixture for each rule, refused by every command that
# reads that kind (report, compare, diff on either side) with one line
# "actbench: FILE: WHERE: WHAT" and exit status 2, nothing on stdout (diff
# says nothing about files it could not read whole), no folder made.
# usage: test_readers.sh ACTBENCH SCRATCH
set -u
A=$1
S=$2
rm -rf "$S" && mkdir -p "$S"
SRC=$(cd "$(dirname "$0")/.." && pwd)
F=$SRC/tests/data/report/full
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect WHAT RC REGEX -- ARGS...
. "$SRC/tests/expect.sh"

# ---- each rule, for every command that reads that kind: report, compare and
# diff (the fixture on one side, the bad file on the other)
# corrupt KIND NAME PYTHON: $S/bad/NAME/KIND.json, the fixture's KIND.json with
# PYTHON applied to it (d: the document); the fixture's other files beside it
corrupt() {
  local kind=$1 name=$2 code=$3 dir=$S/bad/$2
  mkdir -p "$dir"
  python3 - "$F/$kind.json" "$dir/$kind.json" "$code" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def acc_impl(d): return d["activations"][0]["implementations"][0]
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))
PY
}
# readers KIND NAME REGEX: the bad file NAME of kind KIND refused by report,
# compare (speed, accuracy, saturation) and diff (the same)
readers() {
  local kind=$1 name=$2 re=$3 f=$S/bad/$2/$1.json
  expect "report --$kind, $name" 2 "$re" -- report --$kind "$f" --out "$S/out"
  case $kind in
  speed | accuracy | saturation)
    expect "compare --$kind, $name" 2 "$re" -- compare sigmoid --$kind "$f"
    expect "diff OLD NEW, NEW $name" 2 "$re" -- diff "$F/$kind.json" "$f"
    expect "diff OLD NEW, OLD $name" 2 "$re" -- diff "$f" "$F/$kind.json"
    ;;
  esac
}
corrupt accuracy neg-ulp 'acc_impl(d)["fwd"]["max_ulp"] = -0.053'
readers accuracy neg-ulp 'accuracy.json: activation "sigmoid", implementation "[^"]*", fwd: member "max_ulp" is -0.053, negative'
corrupt accuracy neg-ulp-bin 'acc_impl(d)["fwd"]["ulp_vs_x"][3] = -1'
readers accuracy neg-ulp-bin 'accuracy.json: .*, fwd: ulp_vs_x\[3\] is -1, negative'
corrupt accuracy neg-count 'acc_impl(d)["fwd"]["count_gt_1ulp"] = -4'
readers accuracy neg-count 'accuracy.json: .*, fwd: member "count_gt_1ulp" is -4, negative'
corrupt accuracy frac 'acc_impl(d)["fwd"]["cr_fraction"] = 1.5'
readers accuracy frac 'accuracy.json: .*, fwd: member "cr_fraction" is 1.5, not a fraction in \[0, 1\]'
corrupt accuracy nan-string 'acc_impl(d)["fwd"]["max_ulp"] = "nan"'
readers accuracy nan-string 'accuracy.json: .*, fwd: member "max_ulp" is "nan", not a number'
corrupt accuracy neg-inf 'acc_impl(d)["fwd"]["mean_ulp"] = "-inf"'
readers accuracy neg-inf 'accuracy.json: .*, fwd: member "mean_ulp" is -inf, not a finite number'
corrupt accuracy unknown-act 'd["activations"][0]["activation"] = "swish2"'
readers accuracy unknown-act 'accuracy.json: activation "swish2": unknown activation "swish2"'
corrupt accuracy dup-impl 'im = d["activations"][0]["implementations"]; im.append(im[0])'
readers accuracy dup-impl 'accuracy.json: activation "sigmoid", implementation "[^"]*": appears twice \(implementations\[0\] too\)'
corrupt accuracy ours-misnamed 'acc_impl(d)["origin"] = "actbench"; acc_impl(d)["name"] = "tanh.scalar.naive"'
readers accuracy ours-misnamed 'implementation "tanh.scalar.naive" of ours is not of sigmoid'
corrupt accuracy big-grid 'g = d["activations"][0]["grid"]; g["bins"] = 200000'
readers accuracy big-grid 'accuracy.json: activation "sigmoid", grid: "bins" is 200000, not a count'
corrupt speed neg-ips 'd["benchmarks"][0]["items_per_second"] = -2e9'
readers speed neg-ips 'speed.json: benchmark "[^"]*": member "items_per_second" is -2e\+09, negative'
corrupt speed nan-ips 'd["benchmarks"][0]["items_per_second"] = "nan"'
readers speed nan-ips 'speed.json: benchmark "[^"]*": member "items_per_second" is "nan", not a number'
corrupt speed unknown-act 'd["benchmarks"][0]["activation"] = "swish2"'
readers speed unknown-act 'speed.json: benchmark "[^"]*": unknown activation "swish2"'
corrupt speed dup-bench 'd["benchmarks"].insert(1, dict(d["benchmarks"][0]))'
readers speed dup-bench 'speed.json: benchmark "[^"]*": appears twice \(repetition_index 0\)'
corrupt speed dup-impl 'im = d["actbench"]["implementations"]; im.append(im[0])'
readers speed dup-impl 'speed.json: actbench, implementation "[^"]*": appears twice'
corrupt speed neg-reps 'd["actbench"]["repetitions"] = -2'
readers speed neg-reps 'speed.json: actbench: member "repetitions" is -2, negative'
corrupt saturation unknown-act 'd["activations"][0]["activation"] = "swish2"'
readers saturation unknown-act 'saturation.json: activation "swish2": unknown activation "swish2"'
corrupt saturation dup-impl 'im = d["activations"][0]["implementations"]; im.append(im[0])'
readers saturation dup-impl 'saturation.json: activation "sigmoid", implementation "[^"]*": appears twice'
corrupt saturation neg-eps 'd["activations"][0]["math"][0]["eps"] = -0.1'
readers saturation neg-eps 'saturation.json: activation "sigmoid", math\[0\]: member "eps" is -0.1, negative'
corrupt saturation big-curve 'c = d["activations"][0]["curve"]; c["x"] = c["f"] = c["df"] = [0.5] * 1000001'
readers saturation big-curve 'saturation.json: activation "sigmoid", curve: "x" has 1000001 values, more than actbench writes \(1000000\)'
corrupt saturation interval 'd["activations"][0]["numerical"][0]["exact"]["zero_set"] = [{"lo": 5, "hi": -5}]'
readers saturation interval 'saturation.json: activation "sigmoid", numerical\[0\], exact, "zero_set"\[0\]: lo \(5\) is above hi \(-5\)'
corrupt saturation neg-count 'd["activations"][0]["numerical"][0]["evaluators"][0]["counts"]["zero"]["neg"] = -1'
readers saturation neg-count 'saturation.json: .*evaluators\[0\], counts, zero: member "neg" is -1, negative'
corrupt saturation depth-lengths 'd["activations"][0]["depth"]["dead_prob"].append(0)'
readers saturation depth-lengths 'saturation.json: activation "sigmoid", depth: member "dead_prob" has [0-9]+ values, not [0-9]+'
corrupt saturation side-text 'd["activations"][0]["numerical"][0]["evaluators"][0]["zero_from"]["pos"] = "far"'
readers saturation side-text 'saturation.json: .*evaluators\[0\]: "zero_from".pos is "far", not a number'
corrupt saturation numerical-type 'd["activations"][0]["numerical"] = {"format": "binary32"}'
readers saturation numerical-type 'saturation.json: activation "sigmoid": member "numerical" is an object, not an array'
corrupt saturation normal-row 'd["activations"][0]["normal"]["numerical"][0]["exact"][0].append(0.5)'
readers saturation normal-row 'saturation.json: activation "sigmoid", normal, numerical\[0\]: member "exact"\[0\] has [0-9]+ values, not [0-9]+'
corrupt saturation delivered-frac 'd["activations"][0]["depth"]["delivered"]["rows"][0]["underflow"][3] = 1.5'
readers saturation delivered-frac 'saturation.json: activation "sigmoid", depth, delivered, rows\[0\]: member "underflow"\[3\] is 1.5, not a fraction in \[0, 1\]'
corrupt saturation delivered-name 'del d["activations"][0]["depth"]["delivered"]["rows"][0]["name"]'
readers saturation delivered-name 'saturation.json: activation "sigmoid", depth, delivered, rows\[0\]: missing member "name"'
corrupt zerocenter path-lengths 'p = d["two_weight"]["example"]["paths"][0]; p["w1"] = p["w1"][:-1]'
readers zerocenter path-lengths 'zerocenter.json: two_weight, example, paths\[0\]: "w0" has [0-9]+ points but "w1" [0-9]+'
corrupt zerocenter path-long 'p = d["two_weight"]["example"]["paths"][0]; p["w0"] = p["w1"] = [0.25] * 2000000'
readers zerocenter path-long 'zerocenter.json: two_weight, example, paths\[0\]: member "w0" has 2000000 values, more than actbench writes \(2001\)'
corrupt zerocenter unknown-act 'd["sign_agreement"]["rows"][0]["activation"] = "swish2"'
readers zerocenter unknown-act 'zerocenter.json: sign_agreement, rows\[0\]: unknown activation "swish2"'
corrupt zerocenter frac 'd["sign_agreement"]["rows"][0]["fraction"] = -0.5'
readers zerocenter frac 'zerocenter.json: sign_agreement, rows\[0\]: member "fraction" is -0.5, negative'
corrupt zerocenter dup-result 'r = d["two_weight"]["results"]; r.append(r[0])'
readers zerocenter dup-result 'zerocenter.json: two_weight, results\[[0-9]+\]: [a-z_]+ [a-z]+ appears twice'
# a file of another kind where one kind is named
for kind in speed accuracy saturation zerocenter; do
  other=accuracy
  [ $kind = accuracy ] && other=speed
  expect "report --$kind given $other.json" 2 "$other.json holds $other results, expected $kind results" -- \
    report --$kind "$F/$other.json" --out "$S/out"
  case $kind in
  zerocenter) ;;
  *)
    expect "compare --$kind given $other.json" 2 "$other.json holds $other results, expected $kind results" -- \
      compare sigmoid --$kind "$F/$other.json"
    ;;
  esac
done
expect "diff speed.json accuracy.json" 2 "holds speed results and .* holds accuracy results" -- \
  diff "$F/speed.json" "$F/accuracy.json"
expect "diff zerocenter.json" 2 "diff reads speed, accuracy and saturation results" -- \
  diff "$F/zerocenter.json" "$F/zerocenter.json"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
