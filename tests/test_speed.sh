#!/usr/bin/env bash
# actbench speed: a short run writes a whole speed.json (fwd and bwd for every
# available implementation at every size, fwd only for one without a backward
# kernel, the baselines memory.copy and memory.relu at every size, with
# throughput counters, and no temporary left behind); bad input exits 2 with
# one line on stderr and writes nothing.
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
