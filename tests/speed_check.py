#!/usr/bin/env python3
"""Checks a speed.json against what docs/results.md says it holds (tests/test_speed.sh).

usage: speed_check.py json FILE SIZE...       the benchmarks and measurements
       speed_check.py targets FILE EXPECT...  the targets, recomputed

json: kind and members; fwd and bwd per available implementation and size with throughput
(no bwd for an implementation without a backward kernel); the baselines memory.copy and
memory.relu (fwd, role baseline, activation memory, origin baseline) at every size; the bytes
each kernel moves counted from what it reads (fwd 8; bwd 8 for dy and dx, 4 more for x unless
it never reads x, 4 more for y unless it never reads y); one measurement per benchmark that
summarises its repetitions (their values, median, quartiles); the machine's state.

targets: the "targets" section recomputed from the file's own measurements and claims: for
each peer target the reference is the fastest peer (by median) of the named library (or of
all) measured at each required size, the qualifying kernels are our vector kernels measured
there whose claim is no worse (every one when the reference claims no bound), ours is the
fastest of them, the ratio is the ratio of medians, its interval holds it, and the verdict
follows the interval: met when it lies wholly at or above the bar, not met when wholly below,
undecided otherwise; for each bandwidth target (activation, direction, accuracy class), our
fastest vector kernel of the class against memory.copy in bytes/s, judged the same way.
EXPECT: ID=STATUS (the overall status of target ID), or ID=absent.
Prints what is wrong; exit status 1 when anything is.
"""
import json
import math
import sys

CLASSES = [("<= 1 ulp", 1.0), ("<= 2 ulp", 2.0), ("<= 4 ulp", 4.0), ("any", math.inf)]
CLASS_IDS = {"<= 1 ulp": "1ulp", "<= 2 ulp": "2ulp", "<= 4 ulp": "4ulp", "any": "any"}
RULES = {"sigmoid/fwd": ("xnnpack", 1.2), "tanh/fwd": ("onednn", 1.2), "gelu/fwd": (None, 1.0),
         "silu/fwd": (None, 1.0), "elu/fwd": (None, 1.0), "softplus/fwd": (None, 1.0),
         "sigmoid/bwd": ("onednn", 1.2), "tanh/bwd": ("onednn", 1.2),
         "gelu/bwd": ("onednn", 1.0), "silu/bwd": ("onednn", 1.0), "elu/bwd": ("onednn", 1.0),
         "softplus/bwd": ("onednn", 1.0),
         # the correctly rounded kernels' (issue 18): (reference, bar, our claim at most,
         # the peers' claim at most)
         "sigmoid/fwd/cr": (None, 0.5, 0.5, math.inf), "tanh/fwd/cr": (None, 0.5, 0.5, math.inf),
         "sigmoid/fwd/cr-1ulp": (None, 1.0, 0.5, 1.0), "tanh/fwd/cr-1ulp": (None, 1.0, 0.5, 1.0),
         "sigmoid/bwd/cr-1ulp": (None, 1.0, 0.5, 1.0), "tanh/bwd/cr-1ulp": (None, 1.0, 0.5, 1.0),
         "sigmoid/bwd/cr": ("onednn", 0.5, 0.5, math.inf),
         "tanh/bwd/cr": ("onednn", 0.5, 0.5, math.inf)}
for _a in ("elu", "selu", "silu", "gelu", "gelu_tanh", "mish", "hardsigmoid", "hardswish",
           "softplus", "logsigmoid"):
    RULES[_a + "/fwd/cr-1ulp"] = (None, 1.0, 0.5, 1.0)
    RULES[_a + "/bwd/cr-1ulp"] = (None, 1.0, 0.5, 1.0)
    RULES[_a + "/bwd/cr"] = ("onednn", 0.5, 0.5, math.inf)


def median(v):
    v = sorted(v)
    h = len(v) // 2
    return v[h] if len(v) % 2 else (v[h - 1] + v[h]) / 2


def check_json(d, sizes, err):
    if d.get("kind") != "speed":
        err("kind is %r" % d.get("kind"))
    for k in ("actbench_version", "context", "actbench", "benchmarks", "measurements"):
        if k not in d:
            err("no member " + k)
    ab = d.get("actbench", {})
    ns = []
    for s in sizes:
        if s.isdigit():
            ns.append(int(s))
        else:
            m = [z["n"] for z in ab.get("sizes", []) if z.get("class") == s]
            if not m:
                err("size class %s missing from actbench.sizes" % s)
            ns += m
    allimpls = ab.get("implementations", [])
    byname = {m["name"]: m for m in allimpls}
    impls = [m["name"] for m in allimpls if m.get("available") and m.get("role") != "baseline"]
    if not impls:
        err("no available implementation")
    nobwd = {m["name"] for m in allimpls if m.get("bwd_kernel") is False}
    for m in allimpls:
        if "bwd_kernel" not in m:
            err("implementation %s has no bwd_kernel member" % m.get("name"))
        if m.get("bwd_kernel") and "bwd_reads" not in m:
            err("implementation %s has no bwd_reads member" % m.get("name"))
    baselines = {"memory.copy", "memory.relu"}
    for name in baselines:
        e = [m for m in allimpls if m.get("name") == name]
        if len(e) != 1:
            err("baseline %s listed %d times in actbench.implementations" % (name, len(e)))
        elif not (e[0].get("activation") == "memory" and e[0].get("origin") == "baseline" and
                  e[0].get("role") == "baseline" and e[0].get("available") is True):
            err("baseline %s listed as %r" % (name, e[0]))
    runs = {}
    for b in d.get("benchmarks", []):
        if b.get("run_type") == "iteration" and b.get("threads", 1) == 1:
            runs.setdefault((b.get("impl"), b.get("direction"), b.get("n")), []).append(b)
            for k in ("activation", "size_class", "bytes_per_element"):
                if k not in b:
                    err("%s has no %s" % (b.get("name"), k))
    meas = {}
    for x in d.get("measurements", []):
        key = (x["impl"], x["direction"], x["n"], x.get("threads"))
        if key in meas:
            err("two measurements for %r" % (key,))
        meas[key] = x
    for m in impls + sorted(baselines):
        for n in ns:
            for dirn in ("fwd", "bwd"):
                bs = runs.get((m, dirn, n))
                name = "%s/%s/%d" % (m, dirn, n)
                if dirn == "bwd" and (m in nobwd or m in baselines):
                    if bs is not None:
                        err("%s has no backward kernel, yet %s exists" % (m, name))
                    continue
                if bs is None:
                    err("missing " + name)
                    continue
                b = bs[0]
                if m in baselines and not (b.get("role") == "baseline" and
                                           b.get("activation") == "memory"):
                    err("%s: role %r, activation %r" % (name, b.get("role"), b.get("activation")))
                    continue
                if b.get("name") != name:
                    err("entry named %s, expected %s" % (b.get("name"), name))
                    continue
                if not all(x.get("items_per_second", 0) > 0 and x.get("bytes_per_second", 0) > 0
                           for x in bs):
                    err("no throughput for " + name)
                    continue
                want = 8
                if dirn == "bwd":
                    r = byname[m]["bwd_reads"]
                    want = 8 + 4 * r["x"] + 4 * r["y"]
                if any(abs(x["bytes_per_second"] / x["items_per_second"] - want) > 1e-6 or
                       x.get("bytes_per_element") != want for x in bs):
                    err("%s: %r bytes per item, expected %d" % (
                        name, b["bytes_per_second"] / b["items_per_second"], want))
                x = meas.get((m, dirn, n, 1))
                if x is None:
                    err("%s: no measurement" % name)
                    continue
                reps = sorted(y["items_per_second"] for y in bs)
                ips = x["items_per_second"]
                med = median(reps)
                if sorted(ips["values"]) != reps or len(reps) != x["repetitions"] or \
                   abs(ips["median"] - med) > 1e-9 * med or \
                   not (ips["q1"] <= med <= ips["q3"]) or x["bytes_per_element"] != want or \
                   abs(x["bytes_per_second"]["median"] - med * want) > 1e-6 * med * want:
                    err("%s: measurement %r does not summarise its repetitions %r" %
                        (name, x, reps))
    # bytes per kind of backward kernel
    kinds = {}
    for i in allimpls:
        if i.get("bwd_kernel") and i.get("available") and "bwd_reads" in i:
            kinds.setdefault((i["bwd_reads"]["x"], i["bwd_reads"]["y"]), i["name"])
    for (rx, ry), name in kinds.items():
        for x in d.get("measurements", []):
            if x["impl"] == name and x["direction"] == "bwd" and \
               x["bytes_per_element"] != 8 + 4 * rx + 4 * ry:
                err("%s reads x %s y %s: %r bytes" % (name, rx, ry, x["bytes_per_element"]))
    st = ab.get("machine_state", {})
    for k in ("load_average_before", "load_average_after", "other_processes_share",
              "steal_share", "governor", "boost", "benchmark_build_type", "warnings"):
        if k not in st:
            err("machine_state has no " + k)
    print("  %d implementations (%d without bwd) and %d baselines x %d sizes checked; "
          "backward kinds (reads x, reads y): %s" % (len(impls), len(nobwd & set(impls)),
                                                     len(baselines), len(ns), sorted(kinds)))


def check_targets(d, expect, err):
    ab = d["actbench"]
    impls = {m["name"]: m for m in ab["implementations"] if m.get("role") != "baseline"}

    def tclass(z):  # a count equal to a class's counts as that class
        return z.get("counts_as") if z["class"] == "custom" else z["class"]

    meas = {(x["impl"], x["direction"], x["n"]): x for x in d["measurements"]
            if x.get("threads", 1) == 1}

    def rate(name, dirn, n, key="items_per_second"):
        x = meas.get((name, dirn, n))
        return x[key]["median"] if x else None

    def ours(m):
        return m["origin"] == "actbench" and m["isa"] in ("avx2", "avx512")

    def peer(m):  # the peer libraries (origin sleef, onednn, xnnpack, libmvec)
        return m["origin"] != "actbench"

    def has_dir(m, dirn):
        return m["available"] and (dirn == "fwd" or m["bwd_kernel"])

    def claim(m, key):
        c = m["claimed"][key]
        return math.inf if c is None else c

    def verdict(tid, z, bar):
        lo, hi = z.get("ratio_lo"), z.get("ratio_hi")
        if lo is None or hi is None:
            return "undecided"
        if not (lo <= z["ratio"] * (1 + 1e-12) and z["ratio"] <= hi * (1 + 1e-12)):
            err("%s n=%d: ratio %r outside its interval [%r, %r]" % (tid, z["n"], z["ratio"], lo,
                                                                      hi))
        return "met" if lo >= bar else "not met" if hi < bar else "undecided"

    targets = d.get("targets")
    if not isinstance(targets, list):
        err("no targets array")
        return
    byid = {t["id"]: t for t in targets}
    if len(byid) != len(targets):
        err("duplicate target ids")
    acts = {m["activation"] for m in impls.values() if m["available"]}
    want = {i for i in RULES if i.split("/")[0] in acts}
    for m in impls.values():
        for dirn in ("fwd", "bwd"):
            if ours(m) and has_dir(m, dirn):
                for c, _ in CLASSES:
                    want.add("%s/%s/dram/%s" % (m["activation"], dirn, CLASS_IDS[c]))
    if set(byid) != want:
        err("targets %s, expected %s" % (sorted(byid), sorted(want)))

    def overall(t):
        st = {z["class"]: z["status"] for z in t["sizes"]}
        vals = list(st.values())
        if t["kind"] == "bandwidth" and vals == ["no kernel of ours in this class"]:
            return vals[0]
        if "not met" in vals:
            return "not met"
        for v in vals:
            if v.startswith("no kernel of ours"):
                return v
        if "undecided" in vals:
            return "undecided"
        for v in vals:
            if v != "met":
                return v
        miss = [c for c in t["classes"] if c not in st]
        return " and ".join(miss) + " not measured" if miss else "met"

    for t in targets:
        tid = t.get("id")
        miss = [k for k in ("kind", "activation", "direction", "reference", "description",
                            "min_ratio", "classes", "sizes", "met", "status") if k not in t]
        if miss:
            err("%s: no member %s" % (tid, miss))
            continue
        act, dirn = t["activation"], t["direction"]
        cand = sorted(m["name"] for m in impls.values()
                      if m["activation"] == act and ours(m) and has_dir(m, dirn))
        req = [z["n"] for z in ab["sizes"] if tclass(z) in t["classes"]]
        if sorted(z["n"] for z in t["sizes"]) != sorted(req):
            err("%s: sizes %s, expected %s" % (tid, [z["n"] for z in t["sizes"]], req))
        key = "fwd_ulp" if dirn == "fwd" else "bwd_ulp"
        for z in t["sizes"]:
            n = z["n"]
            if t["kind"] == "peer":
                if sorted(c["name"] for c in t["ours"]) != cand:
                    err("%s: ours %s, expected %s" % (tid, [c["name"] for c in t["ours"]], cand))
                origin, minr, omax, pmax = (RULES[tid] + (math.inf, math.inf))[:4]
                if t["min_ratio"] != minr or t["classes"] != ["L1", "L2"]:
                    err("%s: min_ratio %r classes %r" % (tid, t["min_ratio"], t["classes"]))
                ps = [(rate(m["name"], dirn, n), m["name"]) for m in impls.values()
                      if m["activation"] == act and has_dir(m, dirn) and peer(m)
                      and (origin is None or m["origin"] == origin) and rate(m["name"], dirn, n)
                      and claim(m, key) <= pmax]
                p = max(ps)[1] if ps else None
                if z["peer"] != p:
                    err("%s n=%d: peer %r, expected %r" % (tid, n, z["peer"], p))
                    continue
                if p is None:
                    if z["status"] != "peer not measured" or z["met"] is not None:
                        err("%s n=%d: no peer, status %r met %r" % (tid, n, z["status"], z["met"]))
                    continue
                pc = claim(impls[p], key)
                q = sorted(m["name"] for m in impls.values() if m["activation"] == act and
                           ours(m) and has_dir(m, dirn) and rate(m["name"], dirn, n) and
                           claim(m, key) <= pc and claim(m, key) <= omax)
                if sorted(z["qualifying"]) != q:
                    err("%s n=%d: qualifying %s, expected %s" % (tid, n, z["qualifying"], q))
                best = max(((rate(x, dirn, n), x) for x in q), default=(None, None))[1]
                if z["ours"] != best:
                    err("%s n=%d: ours %r, expected %r" % (tid, n, z["ours"], best))
                if best is None:
                    if z["status"] != "no kernel of ours qualifies" or z["met"] is not False:
                        err("%s n=%d: none qualifies, yet %r" % (tid, n, z["status"]))
                    continue
                r = rate(best, dirn, n) / rate(p, dirn, n)
                if not math.isclose(z["ratio"], r, rel_tol=1e-9):
                    err("%s n=%d: ratio %r, expected %r" % (tid, n, z["ratio"], r))
                st = verdict(tid, z, minr)
                if z["status"] != st or z["met"] != {"met": True, "not met": False}.get(st):
                    err("%s n=%d: status %r met %r, expected %r" % (tid, n, z["status"], z["met"],
                                                                    st))
            else:
                cname = t.get("accuracy_class")
                cmax = dict(CLASSES).get(cname)
                if cmax is None or not tid.endswith("/dram/" + CLASS_IDS[cname]):
                    err("%s: accuracy class %r" % (tid, cname))
                    continue
                if t["min_ratio"] != 0.9 or t["classes"] != ["DRAM"] or \
                   t["reference"] != "memory.copy":
                    err("%s: min_ratio %r classes %r" % (tid, t["min_ratio"], t["classes"]))
                copy = rate("memory.copy", "fwd", n, "bytes_per_second")
                incls = [c for c in cand if claim(impls[c], key) <= cmax and rate(c, dirn, n)]
                ks = {k["name"]: k for k in z["kernels"]}
                if sorted(ks) != sorted(incls):
                    err("%s n=%d: kernels %s, expected %s" % (tid, n, sorted(ks), incls))
                best = max(((rate(c, dirn, n, "bytes_per_second"), c) for c in incls),
                           default=(None, None))
                if z.get("ours") != best[1]:
                    err("%s n=%d: ours %r, expected %r" % (tid, n, z.get("ours"), best[1]))
                if best[1] is None:
                    if z["status"] != "no kernel of ours in this class" or z["met"] is not None:
                        err("%s n=%d: empty class, yet %r" % (tid, n, z["status"]))
                    continue
                r = best[0] / copy
                if not math.isclose(z["ratio"], r, rel_tol=1e-9):
                    err("%s n=%d: ratio %r, expected %r" % (tid, n, z["ratio"], r))
                st = verdict(tid, z, 0.9)
                if z["status"] != st:
                    err("%s n=%d: status %r, expected %r" % (tid, n, z["status"], st))
        o = overall(t)
        met = {"met": True, "not met": False}.get(
            o, False if o.startswith("no kernel of ours qualifies") else None)
        if t["status"] != o or t["met"] != met:
            err("%s: overall %r met %r, expected %r" % (tid, t["status"], t["met"], o))
    for e in expect:
        tid, st = e.split("=", 1)
        t = byid.get(tid)
        if st == "absent":
            if t:
                err("%s: present, expected absent" % tid)
        elif not t:
            err("%s: absent, expected status %r" % (tid, st))
        elif t["status"] != st:
            err("%s: status %r, expected %r" % (tid, t["status"], st))
    print("  %d targets checked" % len(targets))


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("json", "targets"):
        print(__doc__.split("\n\n")[1])
        sys.exit(2)
    d = json.load(open(sys.argv[2]))
    errs = []
    (check_json if sys.argv[1] == "json" else check_targets)(d, sys.argv[3:], errs.append)
    for e in errs[:20]:
        print("  " + e)
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
