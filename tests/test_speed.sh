#!/usr/bin/env bash
# actbench speed: a short run writes a whole speed.json (fwd and bwd for every
# available implementation at every size, fwd only for one without a backward
# kernel, the baselines memory.copy and memory.relu at every size, with
# throughput counters, and no temporary left behind) with its speed targets
# (recomputed here from its benchmarks and claims; a reference not measured,
# no kernel of ours measured, the DRAM bandwidth targets); bad input exits 2
# with one line on stderr and writes nothing.
# usage: test_speed.sh ACTBENCH SCRATCH_DIR
set -u
bin=${1:?usage: test_speed.sh ACTBENCH SCRATCH_DIR}
dir=${2:?usage: test_speed.sh ACTBENCH SCRATCH_DIR}
rm -rf "$dir"
mkdir -p "$dir"
pass=0
fail=0

ok() {
  pass=$((pass + 1))
  echo "ok: $1"
}
bad() {
  fail=$((fail + 1))
  echo "FAIL: $1"
}

# check_json FILE SIZE... : kind, and fwd+bwd per available implementation
# and size with items_per_second > 0 and bytes_per_second > 0; no bwd entry
# for an implementation without a backward kernel (bwd_kernel false); the
# baselines memory.copy and memory.relu (fwd, role baseline, activation
# memory, origin baseline) at every size.
check_json() {
  python3 - "$@" <<'EOF'
import json, sys
path, sizes = sys.argv[1], sys.argv[2:]
d = json.load(open(path))
errs = []
if d.get("kind") != "speed":
    errs.append("kind is %r" % d.get("kind"))
for k in ("actbench_version", "context", "actbench", "benchmarks"):
    if k not in d:
        errs.append("no member " + k)
ab = d.get("actbench", {})
ns = []
for s in sizes:
    if s.isdigit():
        ns.append(int(s))
    else:
        m = [z["n"] for z in ab.get("sizes", []) if z.get("class") == s]
        if not m:
            errs.append("size class %s missing from actbench.sizes" % s)
        ns += m
allimpls = ab.get("implementations", [])
impls = [m["name"] for m in allimpls if m.get("available") and m.get("role") != "baseline"]
if not impls:
    errs.append("no available implementation")
nobwd = {m["name"] for m in allimpls if m.get("bwd_kernel") is False}
for m in allimpls:
    if "bwd_kernel" not in m:
        errs.append("implementation %s has no bwd_kernel member" % m.get("name"))
baselines = {"memory.copy", "memory.relu"}
for name in baselines:
    e = [m for m in allimpls if m.get("name") == name]
    if len(e) != 1:
        errs.append("baseline %s listed %d times in actbench.implementations" % (name, len(e)))
    elif not (e[0].get("activation") == "memory" and e[0].get("origin") == "baseline" and
              e[0].get("role") == "baseline" and e[0].get("available") is True):
        errs.append("baseline %s listed as %r" % (name, e[0]))
runs = {}
for b in d.get("benchmarks", []):
    if b.get("run_type") == "iteration":
        runs[(b.get("impl"), b.get("direction"), b.get("n"))] = b
        for k in ("activation", "size_class"):
            if k not in b:
                errs.append("%s has no %s" % (b.get("name"), k))
for m in impls + sorted(baselines):
    for n in ns:
        for dirn in ("fwd", "bwd"):
            b = runs.get((m, dirn, n))
            name = "%s/%s/%d" % (m, dirn, n)
            if dirn == "bwd" and (m in nobwd or m in baselines):
                if b is not None:
                    errs.append("%s has no backward kernel, yet %s exists" % (m, name))
                continue
            if b is None:
                errs.append("missing " + name)
            elif m in baselines and not (b.get("role") == "baseline" and
                                         b.get("activation") == "memory"):
                errs.append("%s: role %r, activation %r" % (name, b.get("role"), b.get("activation")))
            elif b.get("name") != name:
                errs.append("entry named %s, expected %s" % (b.get("name"), name))
            elif not (b.get("items_per_second", 0) > 0 and b.get("bytes_per_second", 0) > 0):
                errs.append("no throughput for " + name)
            elif abs(b["bytes_per_second"] / b["items_per_second"] - (8 if dirn == "fwd" else 16)) > 1e-6:
                errs.append("wrong bytes per item for " + name)
for e in errs[:20]:
    print("  " + e)
print("  %d implementations (%d without bwd) and %d baselines x %d sizes checked"
      % (len(impls), len(nobwd & set(impls)), len(baselines), len(ns)))
sys.exit(1 if errs else 0)
EOF
}

# 1. a short run
out="$dir/r"
if "$bin" speed --sizes 1024,L1 --min-time 0.01 --out "$out" >"$dir/run.out" 2>"$dir/run.err"; then
  ok "speed --sizes 1024,L1 --min-time 0.01 exits 0"
else
  bad "speed run exited $? (stderr: $(head -c 600 "$dir/run.err"))"
fi
if [ -f "$out/speed.json" ]; then
  ok "speed.json written"
  if check_json "$out/speed.json" 1024 L1; then
    ok "speed.json: kind=speed, fwd and bwd at both sizes with throughput"
  else
    bad "speed.json content"
  fi
else
  bad "no speed.json"
fi
left=$(find "$out" -mindepth 1 ! -name speed.json 2>/dev/null)
if [ -z "$left" ]; then ok "no temporary file left"; else bad "left behind: $left"; fi
if grep -q "Benchmark" "$dir/run.out" && grep -q "/fwd/1024" "$dir/run.out"; then
  ok "console table on stdout"
else
  bad "no console table on stdout"
fi

# check_targets FILE EXPECT...: the "targets" section (docs/results.md) recomputed from the
# file's own benchmarks and claims: for each peer target, the reference is the fastest peer of
# the named library (or of all) measured at each required size, the qualifying kernels are our
# vector kernels measured there whose claim is no worse, ours is the fastest of them, and ratio,
# met and status follow; for each bandwidth target, every kernel's bytes/s over memory.copy's.
# EXPECT: ID=STATUS (the overall status of target ID), or ID=absent.
check_targets() {
  python3 - "$@" <<'EOF'
import json, sys, math
path, expect = sys.argv[1], sys.argv[2:]
d = json.load(open(path))
errs = []
err = errs.append
ab = d["actbench"]
impls = {m["name"]: m for m in ab["implementations"] if m.get("role") != "baseline"}
def tclass(z):  # a count equal to a class's counts as that class
    return z.get("counts_as") if z["class"] == "custom" else z["class"]
meas = {}
for b in d["benchmarks"]:
    if b.get("run_type") == "iteration" and not b.get("error_occurred"):
        meas.setdefault((b["impl"], b["direction"], b["n"]), []).append(b)
def rate(name, dirn, n, key="items_per_second"):
    v = meas.get((name, dirn, n))
    return sum(b[key] for b in v) / len(v) if v else None
def ours(m):  # our vector kernels
    return m["origin"] == "actbench" and m["isa"] in ("avx2", "avx512")
def peer(m):  # the peer libraries' (libmvec's have origin libm and a vector ISA)
    return m["origin"] != "actbench" and not (m["origin"] == "libm" and m["isa"] == "scalar")
def has_dir(m, dirn):
    return m["available"] and (dirn == "fwd" or m["bwd_kernel"])
rules = {"sigmoid/fwd": ("xnnpack", 1.2), "tanh/fwd": ("onednn", 1.2), "gelu/fwd": (None, 1.0),
         "silu/fwd": (None, 1.0), "elu/fwd": (None, 1.0), "softplus/fwd": (None, 1.0),
         "sigmoid/bwd": ("onednn", 1.2), "tanh/bwd": ("onednn", 1.2), "gelu/bwd": ("onednn", 1.0),
         "silu/bwd": ("onednn", 1.0), "elu/bwd": ("onednn", 1.0), "softplus/bwd": ("onednn", 1.0)}
targets = d.get("targets")
if not isinstance(targets, list):
    print("  no targets array")
    sys.exit(1)
byid = {t["id"]: t for t in targets}
if len(byid) != len(targets):
    err("duplicate target ids")
acts = {m["activation"] for m in impls.values() if m["available"]}
want = {i for i in rules if i.split("/")[0] in acts}
for m in impls.values():
    for dirn in ("fwd", "bwd"):
        if ours(m) and has_dir(m, dirn):
            want.add("%s/%s/dram" % (m["activation"], dirn))
if set(byid) != want:
    err("targets %s, expected %s" % (sorted(byid), sorted(want)))
def overall(t):
    st = {z["class"]: z["status"] for z in t["sizes"]}
    vals = list(st.values())
    if "not met" in vals:
        return "not met"
    for v in vals:
        if v.startswith("no kernel of ours"):
            return v
    for v in vals:
        if v != "met":
            return v
    miss = [c for c in t["classes"] if c not in st]
    return " and ".join(miss) + " not measured" if miss else "met"
for t in targets:
    tid = t.get("id")
    miss = [k for k in ("kind", "activation", "direction", "reference", "description",
                        "min_ratio", "classes", "ours", "sizes", "met", "status") if k not in t]
    if miss:
        err("%s: no member %s" % (tid, miss))
        continue
    act, dirn = t["activation"], t["direction"]
    cand = sorted(m["name"] for m in impls.values()
                  if m["activation"] == act and ours(m) and has_dir(m, dirn))
    if sorted(c["name"] for c in t["ours"]) != cand:
        err("%s: ours %s, expected %s" % (tid, [c["name"] for c in t["ours"]], cand))
    req = [z["n"] for z in ab["sizes"] if tclass(z) in t["classes"]]
    if sorted(z["n"] for z in t["sizes"]) != sorted(req):
        err("%s: sizes %s, expected %s" % (tid, [z["n"] for z in t["sizes"]], req))
    key = "fwd_ulp" if dirn == "fwd" else "bwd_ulp"
    for z in t["sizes"]:
        n = z["n"]
        if t["kind"] == "peer":
            origin, minr = rules[tid]
            if t["min_ratio"] != minr or t["classes"] != ["L1", "L2"]:
                err("%s: min_ratio %r classes %r" % (tid, t["min_ratio"], t["classes"]))
            ps = [(rate(m["name"], dirn, n), m["name"]) for m in impls.values()
                  if m["activation"] == act and has_dir(m, dirn) and peer(m)
                  and (origin is None or m["origin"] == origin) and rate(m["name"], dirn, n)]
            p = max(ps)[1] if ps else None
            if z["peer"] != p:
                err("%s n=%d: peer %r, expected %r" % (tid, n, z["peer"], p))
                continue
            if p is None:
                if z["status"] != "peer not measured" or z["met"] is not None:
                    err("%s n=%d: no peer, status %r met %r" % (tid, n, z["status"], z["met"]))
                continue
            pc = impls[p]["claimed"][key]
            if z["peer_claimed_ulp"] != pc:
                err("%s n=%d: peer claim %r, expected %r" % (tid, n, z["peer_claimed_ulp"], pc))
            q = sorted(m["name"] for m in impls.values() if m["activation"] == act and ours(m)
                       and has_dir(m, dirn) and rate(m["name"], dirn, n)
                       and (pc is None or m["claimed"][key] <= pc))
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
            st = "met" if r >= minr else "not met"
            if z["status"] != st or z["met"] != (st == "met"):
                err("%s n=%d: status %r met %r, ratio %.3g" % (tid, n, z["status"], z["met"], r))
        else:
            if t["min_ratio"] != 0.9 or t["classes"] != ["DRAM"] or t["reference"] != "memory.copy":
                err("%s: min_ratio %r classes %r" % (tid, t["min_ratio"], t["classes"]))
            copy = rate("memory.copy", "fwd", n, "bytes_per_second")
            ks = {k["name"]: k for k in z["kernels"]}
            if sorted(ks) != cand:
                err("%s n=%d: kernels %s, expected %s" % (tid, n, sorted(ks), cand))
            worst = None
            for name, k in ks.items():
                r = rate(name, dirn, n, "bytes_per_second") / copy
                if not math.isclose(k["ratio"], r, rel_tol=1e-9) or k["met"] != (r >= 0.9):
                    err("%s n=%d %s: ratio %r met %r, expected %r" % (tid, n, name, k["ratio"],
                                                                      k["met"], r))
                worst = min(worst or (r, name), (r, name))
            if worst and (z["worst"] != worst[1] or not math.isclose(z["ratio"], worst[0])):
                err("%s n=%d: worst %r %r, expected %r" % (tid, n, z["worst"], z["ratio"], worst))
            st = "met" if worst and worst[0] >= 0.9 else "not met"
            if z["status"] != st:
                err("%s n=%d: status %r, expected %r" % (tid, n, z["status"], st))
    o = overall(t)
    met = {"met": True, "not met": False}.get(o, False if o.startswith("no kernel") else None)
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
for e in errs[:20]:
    print("  " + e)
print("  %d targets checked" % len(targets))
sys.exit(1 if errs else 0)
EOF
}

# the targets of the short run, recomputed from its benchmarks and claims; only L1 was
# measured, so no peer target is met (at best "L2 not measured"), and DRAM was not measured
if [ -f "$out/speed.json" ] && check_targets "$out/speed.json" sigmoid/fwd/dram="DRAM not measured"; then
  ok "targets: recomputed from the run's benchmarks and claims"
else
  bad "targets section of speed.json"
fi
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(any(t["met"] for t in d["targets"] if t["kind"] == "peer"))' "$out/speed.json" 2>/dev/null; then
  ok "targets: no peer target is met without its L2 size"
else
  bad "a peer target is met with L2 not measured"
fi
if grep -q '^targets (' "$dir/run.out" && grep -q '^  sigmoid fwd ' "$dir/run.out" &&
  grep -q 'DRAM not measured' "$dir/run.out"; then
  ok "targets: the table at the end of the console output"
else
  bad "targets: no table at the end of the console output"
fi

# a reference not measured, and no kernel of ours measured; the L1 count given as a number
# counts as L1
l1=$(python3 -c 'import json,sys; print([z["n"] for z in json.load(open(sys.argv[1]))["actbench"]["sizes"] if z["class"] == "L1"][0])' \
  "$out/speed.json" 2>/dev/null)
xnn=$(python3 -c 'import json,sys; print(any(m["name"].startswith("sigmoid.xnnpack") and m["available"] for m in json.load(open(sys.argv[1]))["actbench"]["implementations"]))' \
  "$out/speed.json" 2>/dev/null)
if [ -n "$l1" ] &&
  "$bin" speed --activation sigmoid --sizes "$l1" --min-time 0.005 \
    --benchmark_filter='^sigmoid\.(avx|scalar)|^memory' --out "$dir/t1" >"$dir/t1.out" 2>&1 &&
  check_targets "$dir/t1/speed.json" sigmoid/fwd="peer not measured" tanh/fwd=absent &&
  grep -q 'peer not measured' "$dir/t1.out"; then
  ok "targets: a reference not measured is 'peer not measured'; --sizes $l1 counts as L1"
else
  bad "targets with the peers filtered out ($(tail -c 300 "$dir/t1.out"))"
fi
if [ "$xnn" = True ]; then want="no kernel of ours qualifies"; else want="peer not measured"; fi
if [ -n "$l1" ] &&
  "$bin" speed --activation sigmoid --sizes "$l1" --min-time 0.005 \
    --benchmark_filter='xnnpack|onednn|^memory' --out "$dir/t2" >"$dir/t2.out" 2>&1 &&
  check_targets "$dir/t2/speed.json" sigmoid/fwd="$want" && grep -q "$want" "$dir/t2.out"; then
  ok "targets: no kernel of ours measured is '$want'"
else
  bad "targets with our kernels filtered out ($(tail -c 300 "$dir/t2.out"))"
fi
# the DRAM bandwidth targets, where the DRAM size is small enough for a test (<= 64 MiB per
# array, four arrays)
ndram=$("$bin" speed --activation relu --sizes DRAM --benchmark_list_tests=true --out "$dir/t3" \
  2>/dev/null | sed -n 's|^memory.copy/fwd/||p' | head -n 1)
if [ -n "$ndram" ] && [ "$ndram" -le 16777216 ]; then
  if "$bin" speed --activation relu --impl 'relu.avx*' --sizes DRAM --min-time 0.005 \
    --out "$dir/t3" >"$dir/t3.out" 2>&1 && check_targets "$dir/t3/speed.json" &&
    python3 -c '
import json, sys
t = {t["id"]: t for t in json.load(open(sys.argv[1]))["targets"]}
z = t["relu/fwd/dram"]["sizes"][0]
sys.exit(not (z["class"] == "DRAM" and len(z["kernels"]) >= 2 and z["copy_bytes_per_second"] > 0))' \
      "$dir/t3/speed.json"; then
    ok "targets: each vector relu kernel against memory.copy at DRAM (n = $ndram)"
  else
    bad "targets at DRAM ($(tail -c 300 "$dir/t3.out"))"
  fi
else
  echo "skip: the DRAM size here (${ndram:-unknown} floats) is too large for this test"
fi

# 2. repetitions give aggregates; --benchmark_* flags pass through
out2="$dir/rep"
if "$bin" speed --sizes 256 --min-time 0.001 --repetitions 2 --benchmark_filter=/fwd/ \
  --out "$out2" >"$dir/rep.out" 2>"$dir/rep.err" &&
  python3 - "$out2/speed.json" <<'EOF'; then
import json, sys
d = json.load(open(sys.argv[1]))
bs = d["benchmarks"]
aggs = {b.get("aggregate_name") for b in bs if b.get("run_type") == "aggregate"}
assert {"mean", "median", "stddev"} <= aggs, aggs
assert all(b["direction"] == "fwd" and b["n"] == 256 for b in bs)
assert d["actbench"]["repetitions"] == 2
EOF
  ok "--repetitions 2 and --benchmark_filter"
else
  bad "--repetitions 2 / --benchmark_filter (stderr: $(head -c 600 "$dir/rep.err"))"
fi

# 3. bad input: exit 2, one line on stderr starting with "actbench:", no speed.json
i=0
check_bad() {
  local odir="$1"
  shift
  "$bin" speed "$@" --min-time 0.01 --out "$odir" >"$dir/bad.out" 2>"$dir/bad.err"
  local rc=$?
  local lines
  lines=$(wc -l <"$dir/bad.err")
  if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -q '^actbench:' "$dir/bad.err" &&
    [ ! -e "$odir/speed.json" ]; then
    ok "speed $* --out $odir -> exit 2: $(cat "$dir/bad.err")"
  else
    bad "speed $* --out $odir -> exit $rc, $lines stderr lines: $(head -c 400 "$dir/bad.err")"
  fi
}
check_bad "$dir/b1" --sizes 0
check_bad "$dir/b2" --sizes abc
check_bad "$dir/b3" --sizes 1024 --min-time -1
check_bad "$dir/b4" --impl nosuch
check_bad "/proc/forbidden" --sizes 1024
check_bad "$dir/b6" --sizes 99999999999
check_bad "$dir/b7" --bogus
check_bad "$dir/b8" --sizes 1024 --benchmark_nosuchflag=1

if "$bin" speed --help >/dev/null 2>&1; then ok "--help exits 0"; else bad "--help"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
