# Generates the fixture set of tests/test_report_fixture.sh (results files shaped as
# docs/results.md describes, with made-up numbers):
#   python3 tests/data/report/make_fixtures.py tests/data/report
# What it covers: ours and peers (origins actbench, libm, sleef, xnnpack, onednn), an
# implementation not available, one without a backward kernel (XNNPACK: "bwd": null in
# accuracy.json, grad_zero null on both sides in saturation.json, no .../bwd/... entries in
# speed.json), an activation of the family with only a peer (gelu: unbounded for x > 0), the
# dead side of leaky_relu, a mean_ulp left out (too large for JSON), and the baselines of
# speed.json (memory.copy, memory.relu); the histograms and worst inputs of every sweep; in
# exhaustive/, an exhaustive sweep (by_binade, accuracy.run.json) with a speed.json whose
# second size is a count that counts as L2.
import json, math, os, sys
out = sys.argv[1]
ctx = {"date": "2025-01-01T00:00:00Z", "command": "actbench accuracy --samples 2000 --out fixture",
       "host": "fixture-host", "cpu_model": "Fixture CPU @ 3.0GHz",
       "cpu_features": ["sse2", "avx", "avx2", "fma"], "isa_selected": ["scalar", "avx2"],
       "cores": 8, "caches": {"l1d": 49152, "l2": 2097152, "l3": 33554432},
       "compiler": "gcc 12.2.0", "libc": "glibc 2.36", "mpfr_version": "4.2.0",
       "gmp_version": "6.2.1", "jansson_version": "2.14", "benchmark_version": "1.7.1"}
def c(cmd): d = dict(ctx); d["command"] = cmd; return d
sig = lambda x: 1 / (1 + math.exp(-x))
Phi = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))
phi = lambda x: math.exp(-x * x / 2) / math.sqrt(2 * math.pi)
# (name, isa, origin, available, bwd formula or None for no backward kernel, claimed fwd, bwd)
acts = {
  "sigmoid": dict(f=sig, df=lambda x: sig(x) * (1 - sig(x)), lo=-12, hi=12, bins=24,
                  impls=[("sigmoid.scalar.naive", "scalar", "libm", True, "a*y*(1-y)", 2.0, 1.7e7),
                         ("sigmoid.avx2.rr2-p5-div", "avx2", "actbench", True, "a*y*(1-y)", 4.0, 1.7e7),
                         ("sigmoid.avx512.rr2-p5-div", "avx512", "actbench", False, "a*y*(1-y)", 4.0, 1.7e7),
                         ("sigmoid.avx2.sleef-expf-u10", "avx2", "sleef", True, "a*y*(1-y)", 1.0, 1.7e7),
                         ("sigmoid.xnnpack.sigmoid-nc-f32", "xnnpack-auto", "xnnpack", True, None, 8.4e6, 0)]),
  "leaky_relu": dict(f=lambda x: x if x > 0 else 0.01 * x, df=lambda x: 1.0 if x > 0 else 0.01,
                     lo=-4, hi=4, bins=16,
                     impls=[("leaky_relu.scalar.max", "scalar", "actbench", True, "x > 0 ? 1 : a", 0, 0)]),
  "gelu": dict(f=lambda x: x * Phi(x), df=lambda x: Phi(x) + x * phi(x), lo=-20, hi=20, bins=20,
               impls=[("gelu.onednn.gelu-erf", "jit", "onednn", True, "oneDNN's, from x", 2.0, 3.0)]),
}
specials = ["nan", "inf", "-inf", "0", "-0", "1.40129846e-45", "-3.40282347e+38"]
def stats(name, k, bins, lo, hi, exact, d):
  u = []
  for b in range(bins):
    x = lo + (b + .5) * (hi - lo) / bins
    if exact: u.append(0)
    elif b == bins // 2 and k == 1: u.append(None)
    else: u.append(round((0.3 + 0.2 * math.sin(b)) * (1 + k * 50 * (abs(x) > 6)) * (k + 1), 4))
  s = {"max_ulp": 0 if exact else 3.2 * (k + 1), "max_ulp_x": "-7.5", "max_ulp_x_hex": "-0x1.ep+2",
       "max_ulp_got": "0.000552778", "max_ulp_want": "0.000552779",
       "mean_ulp": 0 if exact else 0.21, "cr_fraction": 1 if exact else 0.87 - 0.1 * k,
       "count_gt_1ulp": 0 if exact else 12 * k, "max_abs_err": 0 if exact else 5.9e-8,
       "max_rel_err": None if exact else 2.1e-7, "special_failures": 0 if k == 0 else 1,
       "nan_input_failures": 1 if k == 1 else 0, "inputs": 2000,
       "within_claim": k == 0, "ulp_vs_x": u,
       "specials": [{"x": s, "got": "nan" if s == "nan" else "0.5", "want": "nan" if s == "nan" else "0.5",
                     "ok": not (k == 1 and s == "nan")} for s in specials]}
  if name.startswith("gelu") and d == "bwd": del s["mean_ulp"]  # a sum that overflowed
  # the histogram (up to its last nonempty bin) and the worst inputs
  if exact:
    s["histogram"] = [{"lo": 0, "hi": 0.5, "count": 2000 - s["special_failures"]}]
    s["worst"] = []
  else:
    gt1 = s["count_gt_1ulp"]
    s["histogram"] = [{"lo": 0, "hi": 0.5, "count": 1740 - 200 * k}, {"lo": 0.5, "hi": 1, "count": 260 + 200 * k - gt1 - s["special_failures"]},
                      {"lo": 1, "hi": 2, "count": gt1 // 2}, {"lo": 2, "hi": 4, "count": gt1 - gt1 // 2}][:4 if gt1 else 2]
    s["worst"] = [{"x": "-7.5", "x_hex": "-0x1.ep+2", "ulp": s["max_ulp"], "got": "0.000552778", "want": "0.000552779"},
                  {"x": "7.25", "x_hex": "0x1.dp+2", "ulp": round(s["max_ulp"] * 0.8, 3), "got": "0.99929", "want": "0.999291"}]
  return s
acc = {"kind": "accuracy", "actbench_version": "0.1.0", "context": c("actbench accuracy --samples 2000"),
       "sweep": {"mode": "sampled", "samples": 2000, "seed": 1, "inputs": 2000},
       "conventions": "ULP as in docs/accuracy.md; relative error over exact |y| >= FLT_MIN",
       "activations": []}
sat = {"kind": "saturation", "actbench_version": "0.1.0", "context": c("actbench saturation --stride 65536"),
       "scan": {"stride": 65536, "note": "every 65536-th float, then refined"}, "activations": []}
for name, a in acts.items():
  ent = {"activation": name, "params": {"a": 0.01 if name == "leaky_relu" else 1, "b": 0},
         "inputs": 2000, "grid": {"lo": a["lo"], "hi": a["hi"], "bins": a["bins"]}, "implementations": []}
  sent = {"activation": name, "params": ent["params"], "curve": {"x": [], "f": [], "df": []},
          "implementations": []}
  for i in range(41):
    x = -10 + 20 * i / 40
    sent["curve"]["x"].append(round(x, 6)); sent["curve"]["f"].append(a["f"](x)); sent["curve"]["df"].append(a["df"](x))
  if name == "sigmoid":
    sent["math"] = [{"eps": e, "neg": {"kind": "beyond", "x": -math.log(1 / e)}, "pos": {"kind": "beyond", "x": math.log(1 / e)}}
                    for e in (1e-2, 1e-4, 1e-7)]
    sent["exact_zero"] = {"neg": "-103.972084", "pos": "88.7228394"}
    sent["exact_asymptote"] = {"neg": "-103.972084", "pos": "16.6355324"}
  elif name == "gelu":
    sent["math"] = [{"eps": e, "neg": {"kind": "beyond", "x": x}, "pos": {"kind": "never"}}
                    for e, x in ((0.1, -1.8613), (1e-3, -3.8104))]
    sent["exact_zero"] = {"neg": "-14.5413494", "pos": None}
    sent["exact_asymptote"] = {"neg": "-14.3560686", "pos": None}
  else:
    sent["math"] = [{"eps": 0.1, "neg": {"kind": "all"}, "pos": {"kind": "never"}},
                    {"eps": 1e-3, "neg": {"kind": "never"}, "pos": {"kind": "never"}}]
    sent["exact_zero"] = {"neg": None, "pos": None}
    sent["exact_asymptote"] = {"neg": None, "pos": None}
  for k, (n, isa, org, av, bf, cf, cb) in enumerate(a["impls"]):
    e = {"name": n, "isa": isa, "origin": org, "available": av, "bwd_formula": bf or ""}
    s = {"name": n, "isa": isa, "origin": org, "available": av, "bwd_formula": bf or ""}
    k = min(k, 3)
    if av:
      e["claimed"] = {"fwd_ulp": cf, "bwd_ulp": cb}
      e["fwd"] = stats(n, k % 2, a["bins"], a["lo"], a["hi"], name == "leaky_relu", "fwd")
      e["bwd"] = stats(n, k % 2, a["bins"], a["lo"], a["hi"], name == "leaky_relu", "bwd") if bf else None
      if name == "sigmoid":
        s.update({"grad_zero": {"neg": "-103.2789" if k else "-87.336544", "pos": "16.6355324" if k == 0 else "88.3762589"},
                  "grad_zero_premature": {"neg": k == 0, "pos": k == 0},
                  "f_asymptote": {"neg": "-103.972084", "pos": "16.6355324" if k == 0 else "15.9423847"},
                  "dead_side": None})
        if not bf:
          s.update({"grad_zero": {"neg": None, "pos": None}, "grad_zero_premature": {"neg": False, "pos": False},
                    "f_asymptote": {"neg": "-87.3365479", "pos": "17.32868"}})
      elif name == "gelu":
        s.update({"grad_zero": {"neg": "-6.15135145", "pos": None}, "grad_zero_premature": {"neg": True, "pos": False},
                  "f_asymptote": {"neg": "-5.54304075", "pos": None}, "dead_side": None})
      else:
        s.update({"grad_zero": {"neg": None, "pos": None}, "grad_zero_premature": {"neg": False, "pos": False},
                  "f_asymptote": {"neg": None, "pos": None},
                  "dead_side": "f' = 0.01 for all x <= 0 (checked on 8160 inputs, 0 differ)"})
    else:
      e["reason"] = "needs avx512f, avx512dq, avx512bw, avx512vl"
      s["reason"] = e["reason"]
    ent["implementations"].append(e); sent["implementations"].append(s)
  acc["activations"].append(ent); sat["activations"].append(sent)
# the saturation suite's analysis in formats (docs/results.md: NUMERICAL, NORMAL, DEPTH):
# sigmoid has all three, leaky_relu normal and depth, gelu none (its parts are left out)
def grid_expect(g, mu, sd, n=2001):  # E[g(x)], x ~ N(mu, sd^2), by a grid over +-8 sd
  tot = wsum = 0
  for i in range(n):
    z = -8 + 16 * i / (n - 1); w = math.exp(-z * z / 2)
    tot += w * g(mu + sd * z); wsum += w
  return tot / wsum
def side(neg, pos): return {"neg": neg, "pos": pos}
def evaluator(name, kind, formula, frm, zf, zero, off1, asym, prem):
  cnt = lambda n, p: side(n, p)
  return {"name": name, "kind": kind, "formula": formula, "from": frm, "zero": zero, "zero_from": zf,
          "off1": off1, "asymptote": asym,
          "counts": {"inputs": cnt(32639, 32639), "zero": cnt(15566, 16056), "zero_premature": cnt(0, prem),
                     "off1": cnt(0, 650), "nonfinite": cnt(0, 0)},
          "zero_set": [{"lo": "-inf", "hi": -float(zf["pos"])}, {"lo": float(zf["pos"]), "hi": "inf"}],
          "zero_set_size": 2, "runs_unrefined": 0}
for sent in sat["activations"]:
  name = sent["activation"]
  if name == "gelu":  # the sets only: |f'| < 0.1 near the zero of gelu' at -0.7518, too
    sent["sets"] = {"lt": [{"eps": 0.1, "label": "1e-1", "format": None,
                            "intervals": [{"lo": "-inf", "hi": -1.8613}, {"lo": -0.8246, "hi": -0.6878}]},
                           {"eps": 0.0078125, "label": "bfloat16 epsilon 2^-7", "format": "bfloat16",
                            "intervals": [{"lo": -0.76, "hi": -0.74}]}],
                    "dead": [], "samples": 64003, "minima": 1, "evaluations": 64183}
    continue
  a = acts[name]; df = a["df"]
  mus, sigmas = [-1, 0, 1], [0.25, 1, 4]
  sets = [("lt", 0.1, "1e-1"), ("lt", 1e-3, "1e-3"), ("dead", None, "f' = 0")]
  def inset(st, eps): return (lambda x: float(df(x) == 0)) if st == "dead" else (lambda x: float(abs(df(x)) < eps))
  M = lambda g: [[round(grid_expect(g, mu, sd), 6) for sd in sigmas] for mu in mus]
  normal = {"mu": mus, "sigma": sigmas, "mc_samples": 1000, "sets": [], "numerical": []}
  for st, eps, lab in sets:
    e = M(inset(st, eps))
    normal["sets"].append({"set": st, "eps": eps, "label": lab, "exact": e, "mc": e,
                           "mc_se": [[0.001] * 3 for _ in mus]})
  if name == "sigmoid":
    for fmt, nm in (("binary32", "sigmoid.exact"), ("bfloat16", "sigmoid.exact"), ("bfloat16", "sigmoid.formula.from-y")):
      lim = {"binary32": 16.6355, "bfloat16": 6.25}[fmt] if nm.endswith("from-y") else 88.7
      e = M(lambda x: float(abs(x) >= lim))
      normal["numerical"].append({"format": fmt, "name": nm, "exact": e, "mc": e, "mc_se": [[0.001] * 3 for _ in mus]})
  sent["normal"] = normal
  scales, L = [0.5, 1, 2], 20
  mean = [grid_expect(df, 0, sc) for sc in scales]
  geo = [math.exp(grid_expect(lambda x: math.log(abs(df(x))), 0, sc)) for sc in scales]
  sent["depth"] = {"scales": scales, "layers": L, "mean_df": mean, "geo_mean_abs_df": geo,
                   "dead_prob": [0.0] * 3, "product": [[m ** l for l in range(1, L + 1)] for m in mean],
                   "delivered": {"chains": 100, "scales": [1],
                                 "exact": [{"format": "bfloat16", "scale": 1, "exact_zero": [0.0] * L, "exact_underflow": [0.0] * L}],
                                 "rows": [{"format": "bfloat16", "name": f"{name}.formula.from-x", "scale": 1,
                                           "median_rel_err": [round(0.004 * l, 4) for l in range(1, L + 1)],
                                           "underflow": [0.0] * (L - 1) + [0.25]}]}}
  if name == "sigmoid":
    sent["numerical"] = []
    for fmt, zpos, ypos in (("binary32", "88.7228394", "16.6355324"), ("bfloat16", "93", "6.25"), ("binary16", "17.34375", "8.3203125")):
      sent["numerical"].append({
        "format": fmt, "inputs_per_side": 32639, "stride": 1, "least_normal": 1.1754943508222875e-38,
        "limit": side(0, 1),
        "exact": {"zero_from": side("-" + zpos, zpos), "subnormal_from": side("-87.5", "87.5"),
                  "asymptote": side("-" + zpos, ypos), "zero_set": []},
        "evaluators": [evaluator("sigmoid.scalar.naive", "implementation", "a*y*(1-y)", None,
                                 side("-" + zpos, zpos), side(None, None), side(None, "1.5859375"), side("-" + zpos, ypos), 0),
                       evaluator("sigmoid.formula.from-y", "formula", "y*(1-y), y = 1/(1+exp(-x))", "y",
                                 side("-" + zpos, ypos), side(None, ypos), side(None, "1.5859375"), side("-" + zpos, ypos), 498)]})
# dying ReLU (docs/results.md, DYING): two shifts, two batches, normal inputs with the exact
sat["dying"] = {"fan_in": 64, "units": 32, "trials": 2, "weights": "w ~ N(0, I/fan_in)",
                "delta": [-1, 0], "batch": [1, 16], "elu_a": 1, "elu_eps": 0.001,
                "leaky_relu": {"a": 0.01, "grad_on_relu_dead": 0.01, "dead_fraction": 0},
                "inputs": [{"inputs": "normal", "description": "x ~ N(0, I)",
                            "relu_dead": {"exact": [[0.84, 0.07], [0.5, 0.0]], "sampled": [[0.8125, 0.0625], [0.5, 0]],
                                          "se": [[0.01, 0.01], [0.01, 0]]},
                            "elu_saturated": {"exact": None, "sampled": [[0, 0], [0, 0]], "se": [[0, 0], [0, 0]]},
                            "elu_grad_on_relu_dead": [[0.5, 0.4], [0.6, None]]}]}
sizes = [(4096, "L1"), (4194304, "DRAM")]
spd = {"context": c("actbench speed --min-time 0.01"), "kind": "speed", "actbench_version": "0.1.0",
       "actbench": {"sizes": [{"class": cl, "n": n, "bytes_per_array": 4 * n} for n, cl in sizes],
                    "implementations": []}, "benchmarks": []}
def bench(n, act, d, sz, cl, ips, bpe, rep, reps=2, role=None):
  b = {"name": f"{n}/{d}/{sz}", "run_name": f"{n}/{d}/{sz}", "run_type": "iteration",
       "repetitions": reps, "repetition_index": rep, "threads": 1, "iterations": 1000, "real_time": sz / ips * 1e9,
       "cpu_time": sz / ips * 1e9, "time_unit": "ns", "items_per_second": ips,
       "bytes_per_second": ips * bpe, "impl": n, "activation": act, "direction": d,
       "n": sz, "size_class": cl}
  if role: b["role"] = role
  return b
for name, a in acts.items():
  for k, (n, isa, org, av, bf, cf, cb) in enumerate(a["impls"]):
    spd["actbench"]["implementations"].append({"name": n, "activation": name, "isa": isa, "origin": org, "available": av})
    if not av: continue
    for sz, cl in sizes:
      for d in ("fwd", "bwd"):
        if d == "bwd" and not bf: continue  # no backward kernel: no .../bwd/... entries
        ips = (2 + 3 * k) * 1e9 / (1 + (sz > 100000)) / (1.5 if d == "bwd" else 1)
        for rep in range(2):
          spd["benchmarks"].append(bench(n, name, d, sz, cl, ips * (1 + 0.02 * rep), 8 if d == "fwd" else 16, rep))
        spd["benchmarks"].append({"name": f"{n}/{d}/{sz}_stddev", "run_type": "aggregate", "aggregate_name": "stddev",
              "items_per_second": 1e6, "impl": n, "activation": name, "direction": d, "n": sz, "size_class": cl})
# the baselines: memory.copy moves 8 bytes per element like a forward kernel; at n = 4096 it
# reaches 80.8 GB/s (10.1 G elements/s, the mean of the two repetitions), so
# sigmoid.avx2.rr2-p5-div forward (5.05 G/s, 40.4 GB/s) is at 50% of the copy's bandwidth
spd["actbench"]["implementations"].append({"name": "memory.copy", "activation": "memory", "isa": "scalar",
                                           "origin": "actbench", "available": True, "role": "baseline"})
for sz, cl in sizes:
  for rep in range(2):
    copy = (10.1e9 if sz < 100000 else 4e9) * (1 + 0.02 * rep) / 1.01
    spd["benchmarks"].append(bench("memory.copy", "memory", "fwd", sz, cl, copy, 8, rep, role="baseline"))
    spd["benchmarks"].append(bench("memory.relu", "memory", "fwd", sz, cl, copy * 0.9, 8, rep, role="baseline"))
os.makedirs(out + "/full", exist_ok=True); os.makedirs(out + "/speedonly", exist_ok=True)
for fn, doc in (("full/accuracy.json", acc), ("full/saturation.json", sat), ("full/speed.json", spd)):
  with open(os.path.join(out, fn), "w") as f: json.dump(doc, f, indent=1)
# zerocenter.json: from a small real run, given as a second argument (left as it is without):
#   actbench zerocenter --activation sigmoid,tanh,relu --trials 200 --problems 20 --out DIR
#   python3 tests/data/report/make_fixtures.py tests/data/report DIR/zerocenter.json
# its context replaced by the fixture's
if len(sys.argv) > 2:
  zc = json.load(open(sys.argv[2]))
  zc["context"] = c("actbench zerocenter --activation sigmoid,tanh,relu --trials 200 --problems 20")
  with open(os.path.join(out, "full/zerocenter.json"), "w") as f: json.dump(zc, f, indent=1)
# speed only: one activation (and the baselines), one implementation not available
so = json.loads(json.dumps(spd))
so["benchmarks"] = [b for b in so["benchmarks"] if b["activation"] in ("sigmoid", "memory")]
so["actbench"]["implementations"] = [i for i in so["actbench"]["implementations"]
                                     if i["activation"] in ("sigmoid", "memory")]
with open(os.path.join(out, "speedonly/speed.json"), "w") as f: json.dump(so, f, indent=1)
# an exhaustive sweep of sigmoid: every float, the binades of x; no date or command in the
# file (they are in accuracy.run.json beside it), and a speed.json measured at L1 and L2 only
os.makedirs(out + "/exhaustive", exist_ok=True)
ex = json.loads(json.dumps(acc))
ex["context"] = {k: v for k, v in ex["context"].items() if k not in ("date", "command")}
ex["sweep"] = {"mode": "exhaustive", "inputs": 4294967296}
ex["activations"] = [a for a in ex["activations"] if a["activation"] == "sigmoid"]
for im in ex["activations"][0]["implementations"]:
  for d in ("fwd", "bwd"):
    st = im.get(d)
    if not st: continue
    st["by_binade"] = [{"sign": sg, "exponent": e, "inputs": 8388608, "cr": 8388608 if e in ("subnormal", -100) else 8388000,
                        "max_ulp": 0.5 if e in ("subnormal", -100) else st["max_ulp"], "mean_ulp": 0.25}
                       for sg in ("-", "+") for e in ("subnormal", -100, 0, 3)] + \
                      [{"sign": "+", "exponent": "inf/nan", "inputs": 8388608, "cr": 8388608, "max_ulp": 0, "mean_ulp": 0}]
with open(os.path.join(out, "exhaustive/accuracy.json"), "w") as f: json.dump(ex, f, indent=1)
run = {"kind": "accuracy-run", "date": "2025-01-02T03:04:05Z",
       "command": "actbench accuracy --exhaustive --activation sigmoid --out fixture-exhaustive",
       "reference": "screen", "target_s_per_activation_2p32": 180,
       "activations": [{"activation": "sigmoid", "inputs": 4294967296, "wall_s": 373.0, "inputs_per_s": 1.15e7,
                        "screen_decided": 4294000000, "mpfr_references": 967296, "resumed": False, "threads": 2, "ranks": 1}]}
with open(os.path.join(out, "exhaustive/accuracy.run.json"), "w") as f: json.dump(run, f, indent=1)
se = json.loads(json.dumps(spd))
se["actbench"]["sizes"] = [{"class": "L1", "n": 4096, "bytes_per_array": 16384}, {"class": "custom", "n": 65536, "counts_as": "L2", "bytes_per_array": 262144}]
se["benchmarks"] = [dict(b, n=65536, size_class="custom", name=b["name"].replace("/4194304", "/65536")) if b["n"] == 4194304 else b
                    for b in se["benchmarks"] if b["activation"] in ("sigmoid", "memory")]
se["actbench"]["implementations"] = [i for i in se["actbench"]["implementations"] if i["activation"] in ("sigmoid", "memory")]
with open(os.path.join(out, "exhaustive/speed.json"), "w") as f: json.dump(se, f, indent=1)
