#!/usr/bin/env python3
"""Make tests/profiles.inc, the accuracy profiles of tests/profile.h, from
measurements on inputs that are none of the tests':

    build/tests/calibrate_profiles > CAL.json        (about a minute of CPU)
    scripts/gen-profiles.py CAL.json > tests/profiles.inc

calibrate_profiles (tests/calibrate_profiles.c says which inputs: offset
grids, random bit patterns from seed 20141, 1024 floats in every binade, the
neighbours of the saturation points; every bfloat16 input for the kernels
native to it) writes the maximum ULP error per binade of x of every
available implementation, f and f'.  Exhaustive sweeps may be given too
(actbench accuracy --exhaustive --out EXH; EXH/accuracy.json), first: an
implementation takes its profile from the first file that has it.

Every implementation gets a profile per direction, in binary32, or in
bfloat16 for the kernels native to it:

  m(b)      the binade's maximum, times 2 where it comes from samples (the
            calibration's binary32 part: the tests' inputs may find a little
            worse in the same binade), times 1.25 more where no claim caps
            it (regression data: another CPU may take another code path in
            a peer library);
  level(b)  m(b) rounded up to a power of two (at least 1/2); min(claim,
            level) where the implementation claims a bound it keeps there
            (ours, or a peer's documented bound);
  core      twice the median of m over the binades where the kernel is not
            correctly rounded, as a level (capped by the claim): the
            kernel's ordinary accuracy (1/2, correctly rounded, when there
            are fewer than 8 such binades: they are then the ranges);
  ranges    the binades above the core, neighbours of one level merged: where
            it degrades (tails, the root of f', f' from y).

The kind of a profile: "claim" (ours: capped by the claim, which the
exhaustive sweep established), "documented" (a peer held to its documented
bound), "regression" (a peer without one: what it did, never a claim).  A
binade where the maxima exceed the claim is held to what was measured (times
1.25) and the entry is marked: for a peer's documented bound a finding
(tests/test_bounds.c lists them); for ours the claim is wrong, and
test_bounds' claim check says so.
"""
import json
import math
import sys


def pow2ceil(v):
    if v <= 0.5:
        return 0.5
    return 2.0 ** math.ceil(math.log2(v))


def binade_key(b):
    """(sign, e) with e = -127 for the zeros and subnormals, 128 for inf/NaN"""
    e = b["exponent"]
    e = -127 if e == "subnormal" else 128 if e == "inf/nan" else int(e)
    return b["sign"], e


def num(v):
    if v is None:
        return None
    return float(v)


def fmt_bound(v):
    if v == math.floor(v) and v < 2 ** 53:
        return "%d" % v
    return "%.9g" % v


def profile(stats, claim, margin):
    """(core, [(sign, e_lo, e_hi, bound)], finding) from one direction's stats;
    margin: 2 for sampled maxima, 1 for exhaustive ones"""
    levels = {}
    exceeds = False
    for b in stats["by_binade"]:
        m = num(b["max_ulp"])
        if b["inputs"] == 0 or m is None or m < 0:
            continue
        k = binade_key(b)
        if claim is not None and m <= claim:
            lv = min(claim, pow2ceil(margin * m))
        elif claim is not None:  # a bound the implementation exceeds here
            exceeds = True
            lv = pow2ceil(1.25 * margin * m)
        else:
            lv = pow2ceil(1.25 * margin * m) if m > 0.5 else pow2ceil(1.25 * 0.5)
        levels[k] = (lv, margin * m)
    raw = sorted(v[1] for v in levels.values() if v[1] > 0.5)
    if len(raw) >= 8:
        q = 2 * raw[len(raw) // 2]
        core = pow2ceil(1.25 * q) if claim is None else min(claim, pow2ceil(q))
    else:  # correctly rounded but in a few binades: those are the ranges
        core = pow2ceil(1.25 * 0.5) if claim is None else min(claim, 0.5)
    ranges = []
    for sign in "+-":
        run = None
        for e in range(-127, 129):
            lv = levels.get((sign, e), (None,))[0]
            if lv is None or lv <= core:
                run = None
                continue
            if run and run[2] == e - 1 and run[3] == lv:
                run[2] = e
            else:
                run = [sign, e, e, lv]
                ranges.append(run)
    return core, ranges, exceeds


def impl_class(m):
    """ours, peer or plugin: calibrate_profiles says; an exhaustive sweep's
    entry has its origin"""
    if m.get("class"):
        return m["class"]
    o = m.get("origin")
    if o is None:
        return None
    return "ours" if o in ("actbench", "libm") else "plugin" if o.startswith("plugin:") else "peer"


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    out = []
    sources = []
    seen = set()
    for path in sys.argv[1:]:
        d = json.load(open(path))
        mode = d.get("sweep", {}).get("mode")
        if d.get("kind") != "accuracy" or mode not in ("exhaustive", "calibration"):
            sys.exit("%s: neither an exhaustive accuracy sweep nor calibrate_profiles' output" % path)
        ctx = d.get("context", {})
        if mode == "calibration":
            sources.append("tests/calibrate_profiles (seed %s), actbench %s" % (
                d["sweep"].get("seed"), d.get("actbench_version", "?")))
        else:
            sources.append("an exhaustive sweep: %s, actbench %s, %s" % (
                ctx.get("cpu_model", "?"), d.get("actbench_version", "?"), ctx.get("compiler", "?")))
        for a in d["activations"]:
            entries = []
            for m in a["implementations"]:
                if not m.get("available", True):
                    continue
                for k, bwd in (("fwd", 0), ("bwd", 1)):
                    s = m.get(k)
                    if not s or "by_binade" not in s:
                        continue
                    entries.append((m["name"], bwd, "binary32", s, num(m["claimed"][k + "_ulp"]),
                                    impl_class(m), 2 if mode == "calibration" else 1))
            for n in a.get("narrow", []):
                for m in n["implementations"]:
                    if not m.get("native"):
                        continue
                    for k, bwd in (("fwd", 0), ("bwd", 1)):
                        s = m.get(k)
                        if not s or "by_binade" not in s:
                            continue
                        entries.append((m["name"], bwd, n["format"], s,
                                        num(m["claimed"][k + "_ulp"]), impl_class(m), 1))
            for name, bwd, fmt, s, claim, cls, margin in entries:
                if (name, bwd) in seen:
                    continue
                seen.add((name, bwd))
                core, ranges, exceeds = profile(s, claim, margin)
                if claim is None:
                    kind = "regression"
                elif cls == "peer":
                    kind = "documented"
                else:
                    kind = "claim"
                note = ""
                if exceeds and kind == "documented":
                    note = " /* exceeds its documented bound %s somewhere: a finding */" % fmt_bound(claim)
                elif exceeds:
                    note = " /* exceeds its claim %s somewhere: the claim is wrong */" % fmt_bound(claim)
                rs = ", ".join("{'%s', %d, %d, %s}" % (r[0], r[1], r[2], fmt_bound(r[3])) for r in ranges)
                out.append('{"%s", %d, "%s", "%s", %s, %s},%s' % (
                    name, bwd, kind, fmt, fmt_bound(core),
                    "ACT_PROF_RANGES(%s)" % rs if ranges else "ACT_PROF_NONE", note))
    print("/* tests/profiles.inc: the accuracy profiles of tests/profile.h, generated by")
    print(" * scripts/gen-profiles.py (its docstring says how) from:")
    for s in sources:
        print(" *   %s" % s)
    print(" * {impl, 0 f / 1 f', kind, format, core bound, ranges {sign, e_lo, e_hi, bound}}.")
    print(" * Do not edit: measure again and run the script (tests/profile.h says how). */")
    for line in out:
        print(line)


if __name__ == "__main__":
    main()
