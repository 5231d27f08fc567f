#!/usr/bin/env bash
# How stable are the speed verdicts from run to run?  A benchmark, not a test:
# it runs `actbench speed --activation A --sizes L1,L2` with the default
# settings RUNS times in a row for each activation given (default sigmoid and
# tanh), then prints each peer target's ratio per run with its interval and
# verdict, the mean of the ratios, the largest deviation from the mean in
# percent, and whether the verdicts agree.  It exits 1 when a ratio strays
# more than TOLERANCE percent from its mean or the verdicts differ.
#
#   scripts/speed-stability.sh [-b BUILD] [-n RUNS] [-t TOLERANCE] [-o DIR] [ACTIVATION...]
#   (defaults: build, 3, 10, a temporary folder, sigmoid tanh)
#
# The machine should be quiet: each run's speed.json records the load and the
# share of CPU time other processes took, and this script prints them.
set -euo pipefail
build=build
runs=3
tol=10
out=
while getopts "b:n:t:o:h" o; do
  case $o in
    b) build=$OPTARG ;;
    n) runs=$OPTARG ;;
    t) tol=$OPTARG ;;
    o) out=$OPTARG ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
acts=("$@")
[ ${#acts[@]} -gt 0 ] || acts=(sigmoid tanh)
case $runs in '' | *[!0-9]* | 0 | 1) echo "speed-stability: -n needs a count >= 2" >&2; exit 2 ;; esac
case $tol in '' | *[!0-9.]*) echo "speed-stability: -t needs a number" >&2; exit 2 ;; esac
bin=$build/actbench
[ -x "$bin" ] || { echo "speed-stability: $bin not found (make build first)" >&2; exit 2; }
if [ -z "$out" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
status=0
for act in "${acts[@]}"; do
  files=()
  for i in $(seq 1 "$runs"); do
    d=$out/$act.$i
    mkdir -p "$d"
    start=$(date +%s)
    "$bin" speed --activation "$act" --sizes L1,L2 --out "$d" > "$d/log" 2>&1 || {
      echo "speed-stability: run $i of $act failed; its output:" >&2
      tail -5 "$d/log" >&2
      exit 2
    }
    echo "$act run $i: $(($(date +%s) - start)) s"
    files+=("$d/speed.json")
  done
  python3 - "$tol" "${files[@]}" <<'EOF' || status=1
import json, sys
tol = float(sys.argv[1])
docs = [json.load(open(p)) for p in sys.argv[2:]]
rows = {}
for k, d in enumerate(docs):
    st = d["actbench"].get("machine_state", {})
    other = st.get("other_processes_share")
    print("  run %d: load before %s, other processes %s of the machine, steal %s" % (
        k + 1, (st.get("load_average_before") or ["?"])[0],
        "?" if other is None else "%.0f%%" % (100 * other),
        "?" if st.get("steal_share") is None else "%.0f%%" % (100 * st["steal_share"])))
    for t in d.get("targets", []):
        if t.get("kind") != "peer":
            continue
        for e in t.get("sizes", []):
            key = "%s %s vs %s at %s" % (t["activation"], t["direction"], t["reference"], e["class"])
            rows.setdefault(key, []).append(e)
bad = 0
for key, es in rows.items():
    ratios = [e.get("ratio") for e in es]
    verdicts = [e.get("status") for e in es]
    cells = ["%.3f [%s, %s] %s" % (e["ratio"], "%.3f" % e["ratio_lo"] if e.get("ratio_lo") else "-",
                                   "%.3f" % e["ratio_hi"] if e.get("ratio_hi") else "-", e["status"])
             if e.get("ratio") is not None else e.get("status") for e in es]
    if any(r is None for r in ratios):
        print("  %-34s %s" % (key, "; ".join(cells)))
        if len(set(verdicts)) > 1:
            bad += 1
        continue
    mean = sum(ratios) / len(ratios)
    dev = max(abs(r - mean) / mean for r in ratios) * 100
    same = len(set(verdicts)) == 1
    ok = dev <= tol and same
    bad += not ok
    print("  %-34s %s | mean %.3f, max deviation %.1f%%, verdicts %s%s" % (
        key, "; ".join(cells), mean, dev, "agree" if same else "DIFFER",
        "" if ok else "  <-- unstable"))
sys.exit(1 if bad else 0)
EOF
done
exit $status
