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
# The sets and the formats:
#  - the sets |f'| < eps as intervals (sigmoid's and tanh's two tails, ReLU's
#    dead side (-inf, 0]);
#  - y(1-y) with every operation rounded to the format is 0 once 1 + e rounds
#    to 1, e = RN(exp(-x)) <= 2^-p, i.e. from the first value of the format
#    >= p ln 2 - ln(1 + 2^-p) (p = 24, 8, 11): 16.6355 in binary32, 5.5625 in
#    bfloat16, 7.625 in binary16; a float kernel whose output is stored in
#    bfloat16 (a framework's bfloat16 tensor) gives y = 1, hence y(1-y) = 0,
#    once sigma(x) >= 1 - 2^-9 (the tie goes to 1): from the first bfloat16
#    >= ln 511, 6.25; the exact sigma' drops below FLT_MIN at about 126 ln 2;
#  - the normal table: exact against Monte Carlo within 5 standard errors,
#    sigmoid's P(|f'| < 1e-3) = erfc(6.905752/(s sqrt 2)) at mu = 0;
#  - depth: E[f'] by the suite against a Simpson rule here, sigmoid's at most
#    1/4, the product E[f']^L; sigmoid's product is below 0.25^L, so in
#    binary32 every chain's exact product underflows from L = 76 on;
#  - dying ReLU: the exact fraction is 2^-B at delta = 0, and the sampled
#    one agrees with the exact within 5 standard errors;
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
import json, math, struct, sys
parts = [json.load(open(f"{sys.argv[1]}/r-{a}/saturation.json")) for a in ("sigmoid", "tanh", "relu", "leaky_relu")]
d = dict(parts[0], activations=[a for p in parts for a in p["activations"]], dying=parts[2]["dying"])
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
# ---- the sets
def lt(act, eps):
    for row in acts[act]["sets"]["lt"]:
        if abs(row["eps"] - eps) < 1e-12 * eps:
            return row["intervals"]
for act, eps, want in [("sigmoid", 1e-3, 6.905752272), ("tanh", 1e-3, 4.146774726),
                       ("sigmoid", 1e-6, 13.81550856)]:
    iv = lt(act, eps)
    check(len(iv) == 2 and iv[0]["lo"] == "-inf" and iv[1]["hi"] == "inf" and
          abs(iv[0]["hi"] + want) < 1e-5 and abs(iv[1]["lo"] - want) < 1e-5,
          f"{act}: |f'| < {eps} on (-inf, -{want}] u [{want}, inf): {iv}")
check(acts["relu"]["sets"]["dead"] == [{"lo": "-inf", "hi": 0}], f"relu dead on (-inf, 0]: {acts['relu']['sets']['dead']}")
check(acts["sigmoid"]["sets"]["dead"] == [], "sigmoid' never 0")
check(lt("leaky_relu", 1e-1) == [{"lo": "-inf", "hi": 0}] and lt("leaky_relu", 1e-3) == [],
      "leaky relu: 0.01 < 0.1 on (-inf, 0], never below 1e-3")

# ---- the formats
def ceil_fmt(v, p, emin):
    """the least positive value of a binary format (p bits, smallest subnormal 2^emin) >= v"""
    e = math.floor(math.log2(v))
    ulp = 2.0 ** max(e - p + 1, emin)
    return math.ceil(v / ulp) * ulp
def f32(s):
    """a "%.9g" string of a float, as that float"""
    return struct.unpack("f", struct.pack("f", float(s)))[0]
fmtp = {"binary32": (24, -149), "bfloat16": (8, -133), "binary16": (11, -24)}
num = {f["format"]: f for f in sig["numerical"]}
check(set(num) == set(fmtp), f"three formats: {list(num)}")
def ev(fmt, name):
    for e in num[fmt]["evaluators"]:
        if e["name"] == name: return e
    return None
for fmt, (p, emin) in fmtp.items():
    want = ceil_fmt(p * math.log(2) - math.log1p(2.0 ** -p), p, emin)
    e = ev(fmt, "sigmoid.formula.from-y")
    check(e and f32(e["zero_from"]["pos"]) == want and f32(e["zero"]["pos"]) == want,
          f"{fmt}: y(1-y) is 0 from {want}: {e and (e['zero_from'], e['zero'])}")
    st = ev(fmt, "sigmoid.formula.stable")
    check(st and st["zero"]["pos"] is None and st["zero"]["neg"] is None and
          st["counts"]["zero_premature"] == {"neg": 0, "pos": 0},
          f"{fmt}: s(ax)s(-ax) has no premature zero: {st and st['zero']}")
    check(num[fmt]["exact"]["zero_from"]["pos"] is not None, f"{fmt}: RN(sigma') is 0 far out")
    if fmt != "binary32":
        check(num[fmt]["inputs_per_side"] == {"bfloat16": 0x7f7f, "binary16": 0x7bff}[fmt],
              f"{fmt}: every value of the format")
check(abs(float(num["binary32"]["exact"]["subnormal_from"]["pos"]) - 126 * math.log(2)) < 1e-3,
      f"sigma' is below FLT_MIN from about 126 ln 2 = 87.34: {num['binary32']['exact']['subnormal_from']}")
nv = ev("bfloat16", "sigmoid.scalar.naive")
check(nv and f32(nv["zero_from"]["pos"]) == ceil_fmt(math.log(511), 8, -133) == 6.25,
      f"bfloat16 tensors: y(1-y) from a stored y is 0 from 6.25: {nv and nv['zero_from']}")
check(float(ev("binary32", "sigmoid.scalar.naive")["zero_from"]["pos"]) ==
      float(impls["sigmoid.scalar.naive"]["grad_zero"]["pos"]), "binary32: the two scans agree")

# ---- the normal table
for a in acts.values():
    nt = a["normal"]
    N = nt["mc_samples"]
    for row in nt["sets"] + nt["numerical"]:
        for i, mu in enumerate(nt["mu"]):
            for j, sg in enumerate(nt["sigma"]):
                e, m = row["exact"][i][j], row["mc"][i][j]
                tol = 5 * math.sqrt(max(e * (1 - e), 0) / N) + 2 / N
                check(abs(e - m) <= tol, f"{a['activation']} {row.get('label', row.get('name'))} "
                      f"mu {mu} sigma {sg}: exact {e} mc {m}")
nt = acts["relu"]["normal"]
dead = [r for r in nt["sets"] if r["set"] == "dead"][0]
check(abs(dead["exact"][nt["mu"].index(0)][nt["sigma"].index(1)] - 0.5) < 1e-12, "relu dead half the time at mu = 0")
nt = sig["normal"]
row = [r for r in nt["sets"] if r["set"] == "lt" and abs(r["eps"] - 1e-3) < 1e-15][0]
for j, sg in enumerate(nt["sigma"]):
    # the set's boundary is a float: within 1e-6 of the real one
    got = row["exact"][nt["mu"].index(0)][j]
    lo, hi = (math.erfc((6.905752272 + t) / (sg * math.sqrt(2))) for t in (1e-6, -1e-6))
    check(lo <= got <= hi, f"sigmoid P(|f'| < 1e-3), N(0, {sg}^2): {got} in [{lo}, {hi}]")

# ---- depth
def simpson_mean(df, s, n=200000):
    a, b = -12 * s, 12 * s
    h = (b - a) / n
    tot = 0
    for k in range(n + 1):
        x = a + k * h
        w = 1 if k in (0, n) else (4 if k % 2 else 2)
        tot += w * df(x) * math.exp(-x * x / (2 * s * s)) / (s * math.sqrt(2 * math.pi))
    return tot * h / 3
sigp = lambda x: math.exp(-abs(x)) / (1 + math.exp(-abs(x))) ** 2
tanhp = lambda x: 1 / math.cosh(x) ** 2
for act, df in (("sigmoid", sigp), ("tanh", tanhp)):
    dp = acts[act]["depth"]
    k = dp["scales"].index(1)
    want = simpson_mean(df, 1.0)
    check(abs(dp["mean_df"][k] - want) < 1e-9, f"{act}: E[f'] at s = 1: {dp['mean_df'][k]} vs {want}")
    for k, m in enumerate(dp["mean_df"]):
        for L in (1, 10, 100):
            check(abs(dp["product"][k][L - 1] / m ** L - 1) < 1e-12, f"{act}: product = E[f']^{L}")
check(all(m <= 0.25 for m in acts["sigmoid"]["depth"]["mean_df"]), "sigmoid: E[f'] <= 1/4")
check(all(abs(m - 0.5) < 1e-9 for m in acts["relu"]["depth"]["mean_df"]), "relu: E[f'] = 1/2")
dl = sig["depth"]["delivered"]
ex = [r for r in dl["exact"] if r["format"] == "binary32" and r["scale"] == 1][0]
check(all(v == 1 for v in ex["exact_underflow"][75:]), "sigmoid: the exact product is below 2^-150 from L = 76")
for r in dl["rows"]:
    if r["format"] == "binary32" and r["scale"] == 1:
        check(all(v == 1 for v in r["underflow"][75:]), f"so the computed one is 0: {r['name']}")
        check(r["median_rel_err"][0] < 1e-6, f"binary32, one layer: {r['median_rel_err'][0]}")
for r in acts["relu"]["depth"]["delivered"]["rows"]:
    check(all(v == 0 for v in r["underflow"]), f"relu's products of 0 and 1 never underflow: {r['name']}")

# ---- dying relu
dy = d["dying"]
nrm = [r for r in dy["inputs"] if r["inputs"] == "normal"][0]
U = dy["units"] * dy["trials"]
for i, delta in enumerate(dy["delta"]):
    for j, B in enumerate(dy["batch"]):
        e, m, se = (nrm["relu_dead"][k][i][j] for k in ("exact", "sampled", "se"))
        if delta == 0:
            check(abs(e - 2.0 ** -B) < 1e-15 * 2.0 ** -B, f"delta 0: exact 2^-{B}: {e}")
        tol = 5 * max(se, math.sqrt(e * (1 - e) / U)) + 1 / U
        check(abs(e - m) <= tol, f"dying relu delta {delta} B {B}: exact {e} sampled {m} se {se}")
check(dy["leaky_relu"]["dead_fraction"] == 0 and dy["leaky_relu"]["grad_on_relu_dead"] == dy["leaky_relu"]["a"],
      "leaky relu never dies")
pos = [r for r in dy["inputs"] if r["inputs"] == "relu"][0]
check(pos["relu_dead"]["exact"] is None, "positive inputs: sampled only")

# reproducible: the same numbers from a second run
sig2 = {a["activation"]: a for a in d2["activations"]}["sigmoid"]
strip = lambda a: json.dumps({k: v for k, v in a.items()}, sort_keys=True)
check(strip(sig) == strip(sig2), "a second run gives the same sigmoid results")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
