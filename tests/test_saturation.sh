#!/usr/bin/env bash
# The saturation suite against hand-derived thresholds:
#  - sigma'(x) = eps solved by hand: u/(1+u)^2 = eps with u = exp(-x), the root
#    small root of eps u^2 + (2 eps - 1) u + eps = 0, u = 2 eps / (b + sqrt(b^2 - 4 eps^2))
#    with b = 1 - 2 eps (no cancellation): x = 6.905752 for 1e-3, 13.815509 for 1e-6;
#    tanh'(x) = sech^2 x = eps: x = acosh(sqrt(1/eps)) = 4.146775 for 1e-3;
#  - 1/(1+expf(-x)) reaches 1.0f once expf(-x) <= 2^-24 (1 + 2^-24 ties to 1):
#    x = 24 ln 2 = 16.63553, so y(1-y) is zero from there (premature: the
#    correctly rounded sigma' is not zero until 150 ln 2 = 103.97);
#  - RN(sigma) = 1 from 25 ln 2 = 17.32868; ReLU's dead side.
# and that a second run from the same arguments gives the same numbers.
set -u
A=$1
S=$2
rm -rf "$S" && mkdir -p "$S"
for act in sigmoid tanh relu leaky_relu; do
  "$A" saturation --activation $act --out "$S/r-$act" >"$S/log" 2>&1 ||
    { cat "$S/log"; echo "0 passed, 1 failed"; exit 1; }
done
"$A" saturation --activation sigmoid --out "$S/r2" >/dev/null 2>&1 || { echo "0 passed, 1 failed"; exit 1; }
python3 - "$S" "$S/r2/saturation.json" <<'PY'
import json, math, sys
parts = [json.load(open(f"{sys.argv[1]}/r-{a}/saturation.json")) for a in ("sigmoid", "tanh", "relu", "leaky_relu")]
d = dict(parts[0], activations=[a for p in parts for a in p["activations"]])
d2 = json.load(open(sys.argv[2]))
passed = failed = 0
def check(cond, what):
    global passed, failed
    if cond: passed += 1
    else:
        failed += 1
        print("FAIL:", what)
acts = {a["activation"]: a for a in d["activations"]}
check(d["kind"] == "saturation", "kind")
check(set(acts) >= {"sigmoid", "tanh", "relu", "leaky_relu"}, "all four activations")
def math_pos(act, eps):
    for row in acts[act]["math"]:
        if abs(row["eps"] - eps) < 1e-12 * eps:
            return row
for act, eps, want in [("sigmoid", 1e-1, 2.063437069), ("sigmoid", 1e-3, 6.905752272),
                       ("sigmoid", 1e-6, 13.81550856), ("tanh", 1e-3, 4.146774726),
                       ("tanh", 1e-2, 2.993222846)]:
    row = math_pos(act, eps)
    check(row and row["pos"]["kind"] == "beyond" and abs(row["pos"]["x"] - want) < 1e-5,
          f"{act} |f'| < {eps} beyond {want}: {row}")
    check(row and row["neg"]["kind"] == "beyond" and abs(row["neg"]["x"] + want) < 1e-5,
          f"{act} negative side: {row}")
r = math_pos("relu", 1e-3)
check(r["neg"]["kind"] == "all" and r["pos"]["kind"] == "never", f"relu dead side {r}")
r = math_pos("leaky_relu", 1e-3)
check(r["neg"]["kind"] == "never", f"leaky relu (a = 0.01) is not saturated at 1e-3: {r}")
r = math_pos("leaky_relu", 1e-1)
check(r["neg"]["kind"] == "all", f"leaky relu (a = 0.01) below 1e-1: {r}")
sig = acts["sigmoid"]
check(abs(float(sig["exact_asymptote"]["pos"]) - 25 * math.log(2)) < 1e-5, "RN(sigma) = 1 from 25 ln 2")
check(abs(float(sig["exact_zero"]["pos"]) - 150 * math.log(2)) < 1e-3, "RN(sigma') = 0 from 150 ln 2")
impls = {m["name"]: m for m in sig["implementations"]}
naive = impls["sigmoid.scalar.naive"]
check(abs(float(naive["grad_zero"]["pos"]) - 24 * math.log(2)) < 1e-5,
      f"y(1-y) is zero from 24 ln 2: {naive['grad_zero']}")
check(naive["grad_zero_premature"]["pos"] is True, "and that zero is premature")
check(abs(float(naive["f_asymptote"]["pos"]) - 24 * math.log(2)) < 1e-5, "1/(1+expf(-x)) reaches 1")
stable = impls["sigmoid.scalar.stable"]
check(stable["grad_zero_premature"]["pos"] is False and stable["grad_zero_premature"]["neg"] is False,
      f"the stable derivative has no premature zero: {stable['grad_zero']}")
check(float(stable["grad_zero"]["pos"]) > 100, "stable sigma' nonzero beyond x = 100")
for m in acts["relu"]["implementations"]:
    if m.get("bwd_kernel") is False or not m.get("available", True):
        continue  # no backward kernel (an inference library), or not on this CPU
    check(m.get("dead_side") and "f' = 0 for all x <= 0" in m["dead_side"] and ", 0 differ" in m["dead_side"],
          f"{m['name']} dead side: {m.get('dead_side')}")
# reproducible: the same numbers from a second run
sig2 = {a["activation"]: a for a in d2["activations"]}["sigmoid"]
strip = lambda a: json.dumps({k: v for k, v in a.items()}, sort_keys=True)
check(strip(sig) == strip(sig2), "a second run gives the same sigmoid results")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
