#!/usr/bin/env bash
# actbench zerocenter: the seed's zig-zag argument on cases with known answers.
#  - inputs that are all positive (sigmoid, softplus, hardsigmoid; ReLU's
#    zeros have no sign; logsigmoid's all negative) give weight gradients
#    that share one sign in every draw: the fraction is exactly 1, and so is
#    the exact answer; summed over a mini-batch, they no longer do;
#  - tanh of z ~ N(0, 1): all d inputs share a sign with probability 2^(1-d);
#    the simulation must agree within its standard error;
#  - one sample per step with sigmoid inputs: every step moves both weights
#    the same way (same_sign = 1 in every problem);
#  - the example paths start at the start and end within tol of w*;
#  - the same seed gives the same file, another seed another one; bad input
#    is a one-line error with exit status 2.
set -u
A=$1
S=$2
rm -rf "$S" && mkdir -p "$S"
run() { "$A" zerocenter --trials 4000 --problems 200 "$@" >"$S/log" 2>&1 || { cat "$S/log"; echo "0 passed, 1 failed"; exit 1; }; }
run --out "$S/a"
run --out "$S/b"
run --out "$S/c" --seed 2
python3 - "$S" <<'PY'
import json, math, sys
S = sys.argv[1]
d = json.load(open(f"{S}/a/zerocenter.json"))
passed = failed = 0
def check(cond, what):
    global passed, failed
    if cond: passed += 1
    else:
        failed += 1
        print("FAIL:", what)
check(d["kind"] == "zerocenter", "kind")
rows = d["sign_agreement"]["rows"]
check(len(rows) > 0, "sign agreement rows")
for r in rows:
    if r["activation"] in ("sigmoid", "softplus", "relu", "hardsigmoid", "logsigmoid"):
        if r["batch"] == 1:  # one example: the seed's argument holds exactly
            check(r["fraction"] == 1.0, f"one sign always for {r['activation']}: {r}")
            check(abs(r["exact"] - 1) < 1e-15, f"exact 1 for {r['activation']}: {r}")
        else:  # a mini-batch mixes the signs of the examples' errors
            check(r["fraction"] < 1.0, f"a batch of {r['batch']} breaks it: {r}")
    if r["batch"] == 1:
        tol = 5 * math.sqrt(max(r["exact"] * (1 - r["exact"]), 1e-12) / r["trials"]) + 1 / r["trials"]
        check(abs(r["fraction"] - r["exact"]) <= tol, f"simulation against exact: {r}")
    if r["activation"] == "tanh" and r["batch"] == 1 and r["z_mu"] == 0:
        check(abs(r["exact"] - 2.0 ** (1 - r["d"])) < 1e-12, f"tanh exact 2^(1-d): {r}")
    if r["activation"] == "relu" and r["batch"] == 1 and r["z_mu"] == 0:
        check(abs(r["exact_strict"] - 2.0 ** -r["d"]) < 1e-12, f"relu strict exact 2^-d: {r}")
    if r["activation"] == "tanh" and r["batch"] > 1:
        check(r["fraction"] < 0.01, f"tanh, mini-batch: mixed signs: {r}")
tw = d["two_weight"]
res = {(r["activation"], r["method"]): r for r in tw["results"]}
check(res[("sigmoid", "sgd")]["same_sign"]["min"] == 1.0,
      f"sgd, sigmoid inputs: every step shares a sign in every problem: {res[('sigmoid', 'sgd')]['same_sign']}")
check(res[("tanh", "sgd")]["same_sign"]["median"] < 0.9, "tanh inputs: not always")
for m in ("gd", "sgd"):
    s, t = res[("sigmoid", m)], res[("tanh", m)]
    check(s["not_reached"] == 0 and t["not_reached"] == 0, f"{m}: all reached")
    check(s["steps"]["median"] > t["steps"]["median"], f"{m}: sigmoid slower than tanh")
    check(s["path_ratio"]["median"] > t["path_ratio"]["median"], f"{m}: sigmoid's path longer")
    for r in (s, t):
        q = r["steps"]
        check(q["min"] <= q["q1"] <= q["median"] <= q["q3"] <= q["max"], f"quantiles ordered {q}")
        check(r["path_ratio"]["min"] >= 1 - tw["tol"] - 1e-12, f"path at least the straight line {r}")
pr = {p["method"]: p for p in tw["paired"]}
check(pr["gd"]["a_more_steps"] > 0.5, f"paired: {pr['gd']}")
ex = tw["example"]
for p in ex["paths"]:
    check(len(p["w0"]) == len(p["w1"]) >= 2, "path arrays")
    check(p["w0"][0] == ex["start"][0] and p["w1"][0] == ex["start"][1], "the path starts at the start")
    R = math.hypot(ex["start"][0] - ex["w_star"][0], ex["start"][1] - ex["w_star"][1])
    dist = math.hypot(p["w0"][-1] - ex["w_star"][0], p["w1"][-1] - ex["w_star"][1])
    check(p["reached"] and dist <= tw["tol"] * R * (1 + 1e-12), f"and ends near w*: {dist} {R}")
check({p["activation"] for p in ex["paths"]} == {"sigmoid", "tanh"}, "sigmoid and tanh paths")
# reproducible from the seed
strip = lambda f: json.dumps({k: v for k, v in json.load(open(f)).items() if k != "context"}, sort_keys=True)
check(strip(f"{S}/a/zerocenter.json") == strip(f"{S}/b/zerocenter.json"), "the same seed, the same file")
check(strip(f"{S}/a/zerocenter.json") != strip(f"{S}/c/zerocenter.json"), "another seed, another file")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
rc=$?
# bad input: one line on stderr, exit 2, no file
fails=0
for args in "--trials 0" "--tol 2" "--tol abc" "--activation nosuch" "--frobnicate 1" "--problems" "--samples 1" "--seed -1"; do
  rm -rf "$S/bad"
  # shellcheck disable=SC2086
  "$A" zerocenter $args --out "$S/bad" >/dev/null 2>"$S/err"
  st=$?
  if [ $st -ne 2 ] || [ "$(wc -l <"$S/err")" -ne 1 ] || ls "$S"/bad/*.json >/dev/null 2>&1; then
    echo "FAIL: zerocenter $args: status $st, stderr $(cat "$S/err")"
    fails=$((fails + 1))
  fi
done
if "$A" zerocenter --help | grep -q "usage: actbench zerocenter"; then :; else echo "FAIL: --help"; fails=$((fails + 1)); fi
echo "bad input: $((9 - fails)) passed, $fails failed"
[ $rc -eq 0 ] && [ $fails -eq 0 ]
