#!/usr/bin/env bash
# The exhaustive accuracy engine: its statistics must not depend on how the
# references were found or how the work was split.
#   1. --reference mpfr (MPFR at every input) and the screen give the same
#      statistics, bit for bit, for every activation on ranges of 2^22 inputs
#      (ACTBENCH_EXH_BITS, default 22; ctest sets a smaller size, see
#      tests/CMakeLists.txt) in the middle (around the root of f' where f'
#      has one: silu' at -1.2785, mish' at -1.1924, gelu' at -0.7518; else
#      from -1 down), a tail and the subnormals; the run files say that the
#      MPFR run evaluated MPFR for f and f' at every input (the scalar
#      implementations only: a reference that differs changes their errors,
#      one far from it and one near it, and the vector kernels would add only
#      time);
#   2. the fast pass and add_one for every result (ACTBENCH_SWEEP_SLOWPATH)
#      agree;
#   3. a sweep killed part way and resumed gives the same file as one that
#      ran through;
#   4. two MPI ranks give the same file as one process (where mpirun is),
#      and their run file says that two ranks ran;
#   5. the counts add up: histogram + special failures = inputs, binades
#      sum to the inputs, the NaN patterns are all there;
#   6. the core and the tails (intervals of x) are the same bits whatever
#      the number of threads, killed and resumed, and over two MPI ranks, on
#      a range where they are many (sigmoid's left tail, where the naive
#      kernel flushes to zero), and their counts agree with the rest; the fast pass
#      agrees with add_one there too and on subnormal inputs (a kernel that
#      flushes them has a smaller core).
# usage: test_exhaustive.sh ACTBENCH SCRATCH
set -u
BIN=$1
S=$2
rm -rf "$S"
mkdir -p "$S"
fail=0
ok() { echo "ok: $*"; }
bad() {
  echo "FAIL: $*"
  fail=1
}
BITS=${ACTBENCH_EXH_BITS:-22}
# the JSON member "activations" of a results file, canonical text
acts() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["activations"], sort_keys=True))' "$1"; }

# ranges of 2^BITS floats: the middle (centred on the root of f' of silu, mish
# and gelu, where f' is hardest; from -1 down for the others), [-24, -16]
# (tails), the negative subnormals, the small ones from -2^-6 toward zero; python computes their ends and checks
# that a middle range holds its root
ranges_of() {
  python3 - "$BITS" "$1" <<'EOF'
import struct, sys
b = int(sys.argv[1])
act = sys.argv[2]
def f(bits): return struct.unpack('<f', struct.pack('<I', bits))[0]
def b_(x): return struct.unpack('<I', struct.pack('<f', x))[0]
n = 1 << b
roots = {"silu": -1.2784645, "mish": -1.1924312, "gelu": -0.7517916}
out = []
if act in roots:
    # n floats around the root (the bits of negative floats grow with |x|)
    c = b_(roots[act])
    lo, hi = f(c + n // 2 - 1), f(c - n // 2)
    assert lo <= roots[act] <= hi, (act, lo, hi)
    out.append((lo, hi))
else:
    # middle: from -1 downward
    lo = b_(-1.0); out.append((f(lo + n - 1), -1.0))
# tail: from -16 downward
lo = b_(-16.0); out.append((f(lo + n - 1), -16.0))
# subnormals: the n smallest negative ones
out.append((f(0x80000000 + n), f(0x80000001)))
# small: from -2^-6 toward zero (sigmoid's and tanh's screens take a series
# there, tanh's up to |x| = 2^-6, sigmoid's up to |x| = 2^-5)
c = b_(-2.0 ** -6); out.append((-2.0 ** -6, f(c - n + 1)))
for a, c in out: print(float(a).hex(), float(c).hex())
EOF
}
# the run file's activations: how many inputs, what decided their references, how many ranks
runfacts() {
  python3 -c 'import json,sys
for a in json.load(open(sys.argv[1]))["activations"]:
    print(a["inputs"], a["screen_decided"], a["mpfr_references"], a["ranks"])' "$1"
}
for act in sigmoid tanh relu leaky_relu elu selu gelu gelu_tanh silu softplus mish hardsigmoid \
  hardswish logsigmoid; do
  ranges=$(ranges_of "$act") || {
    bad "$act: the middle range misses the root of f'"
    continue
  }
  while read -r lo hi; do
    "$BIN" accuracy --activation "$act" --impl 'scalar.*' --lo "$lo" --hi "$hi" --formats binary32 \
      --bins 64 --out "$S/scr" >/dev/null 2>"$S/err" || {
      bad "$act [$lo, $hi]: screen run failed: $(head -c 300 "$S/err")"
      continue
    }
    "$BIN" accuracy --activation "$act" --impl 'scalar.*' --lo "$lo" --hi "$hi" --formats binary32 \
      --bins 64 --reference mpfr --out "$S/mp" >/dev/null 2>"$S/err" || {
      bad "$act [$lo, $hi]: mpfr run failed: $(head -c 300 "$S/err")"
      continue
    }
    # one python for both files: the statistics the same?, then each run
    # file's inputs, references decided by the screen and by MPFR
    read -r same n sd mr n2 sd2 mr2 <<<"$(python3 -c 'import json,sys
a, b = (json.load(open(f + "/accuracy.json"))["activations"] for f in sys.argv[1:])
r = [json.load(open(f + "/accuracy.run.json"))["activations"][0] for f in sys.argv[1:]]
print("same" if json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True) else "differ",
      *[x[k] for x in (r[1], r[0]) for k in ("inputs", "screen_decided", "mpfr_references")])' \
      "$S/scr" "$S/mp")"
    if [ "$same" = same ]; then
      ok "$act [$lo, $hi]: $n2 inputs, screen = MPFR"
    else
      bad "$act [$lo, $hi]: the screen's statistics differ from MPFR's"
    fi
    # --reference mpfr: MPFR for f and f' at every input, the screen for none;
    # the screen's run: every reference counted once, by the screen or MPFR
    if [ "$sd" = 0 ] && [ "$mr" = $((2 * n)) ] && [ $((sd2 + mr2)) = $((2 * n2)) ]; then
      ok "$act [$lo, $hi]: MPFR evaluated for all $mr references; the screen decided $sd2 of $((2 * n2))"
    else
      bad "$act [$lo, $hi]: run files: mpfr run $sd screened / $mr MPFR of $n inputs, screen run $sd2 / $mr2 of $n2"
    fi
  done <<<"$ranges"
done

# where the screen once left inputs to MPFR, it decides every reference now,
# as MPFR would: sigmoid, softplus (f' = sigma) and logsigmoid (f' = sigma(-x))
# for 2^-40 <= |t| < 2^-39 (half the inputs are midpoints of the references'
# 64-bit rounding, decided by the series' side); hardsigmoid and hardswish
# where (x + 3)/6, x (x + 3)/6 or (2x + 3)/6 is such a midpoint exactly
# (decided as exact values)
while read -r act lo hi; do
  "$BIN" accuracy --activation $act --impl 'scalar.*' --lo $lo --hi $hi \
    --formats binary32 --out "$S/tscr" >/dev/null 2>&1
  "$BIN" accuracy --activation $act --impl 'scalar.*' --lo $lo --hi $hi \
    --formats binary32 --reference mpfr --out "$S/tmp" >/dev/null 2>&1
  read -r n sd mr rk <<<"$(runfacts "$S/tscr/accuracy.run.json" 2>/dev/null)"
  if [ -s "$S/tscr/accuracy.json" ] && [ "${mr:-x}" = 0 ] && [ "${sd:-}" = $((2 * ${n:-0})) ] &&
    [ "$(acts "$S/tscr/accuracy.json")" = "$(acts "$S/tmp/accuracy.json")" ]; then
    ok "$act [$lo, $hi]: the screen decided all $sd references, = MPFR"
  else
    bad "$act [$lo, $hi]: the screen left ${mr:-?} of $((2 * ${n:-0})) references to MPFR, or differs from it"
  fi
  rm -rf "$S/tscr" "$S/tmp"
done <<'EOF_RANGES'
sigmoid 0x1p-40 0x1.02p-40
softplus 0x1p-40 0x1.02p-40
logsigmoid -0x1.02p-40 -0x1p-40
hardsigmoid 0x1p-41 0x1.02p-41
hardsigmoid 0.1 0.10002
hardswish 0x1p-20 0x1.02p-20
hardswish -2.9 -2.89998
EOF_RANGES

# the run files say where the time went: the four phases, every implementation
# of the results file, MPFR's share where MPFR decided every reference
timefacts() {
  python3 -c 'import json,sys
run = json.load(open(sys.argv[1]))["activations"][0]
acc = json.load(open(sys.argv[2]))["activations"][0]
t = run["time"]
ph = [t[k] for k in ("screen_s", "mpfr_s", "kernels_s", "statistics_s")]
names = {m["name"] for m in acc["implementations"] if "fwd" in m}
by = t["kernels_by_implementation_s"]
ok = all(v >= 0 for v in ph) and set(by) >= names and all(v >= 0 for v in by.values())
ok = ok and (sys.argv[3] != "mpfr" or (t["mpfr_s"] > 0 and t["screen_s"] < t["mpfr_s"]))
print("yes" if ok else "no: %s" % t)' "$@"
}
if [ "$(timefacts "$S/mp/accuracy.run.json" "$S/mp/accuracy.json" mpfr 2>&1)" = yes ] &&
  [ "$(timefacts "$S/scr/accuracy.run.json" "$S/scr/accuracy.json" screen 2>&1)" = yes ]; then
  ok "the run files say where the time went (screen, MPFR, kernels, statistics, each implementation)"
else
  bad "run files' time: $(timefacts "$S/mp/accuracy.run.json" "$S/mp/accuracy.json" mpfr 2>&1 | head -c 300)"
fi

# 2. fast pass against add_one (the core, the tails and the verdicts included)
for r in "gelu -4 -3 *" "sigmoid -90 -86 scalar.*" "sigmoid -0x1.000008p-126 -0x1.fffff8p-127 *" \
  "tanh 12 12.5 *" "sigmoid 4e5 4.4e5 *"; do
  read -r fa flo fhi fi <<<"$r"
  "$BIN" accuracy --activation "$fa" --impl "$fi" --lo "$flo" --hi "$fhi" --formats binary32 \
    --out "$S/fast" >/dev/null 2>&1
  ACTBENCH_SWEEP_SLOWPATH=1 "$BIN" accuracy --activation "$fa" --impl "$fi" --lo "$flo" \
    --hi "$fhi" --formats binary32 --out "$S/slow" >/dev/null 2>&1
  if [ -s "$S/fast/accuracy.json" ] && [ "$(acts "$S/fast/accuracy.json")" = "$(acts "$S/slow/accuracy.json")" ]; then
    ok "$fa [$flo, $fhi]: fast pass = add_one for every result"
  else
    bad "$fa [$flo, $fhi]: the fast pass and add_one disagree"
  fi
  # the fast pass's copies for older processors (ACTBENCH_SWEEP_ISA caps the
  # choice; on a processor without AVX-512 the cap changes less)
  for isa in generic avx2; do
    ACTBENCH_SWEEP_ISA=$isa "$BIN" accuracy --activation "$fa" --impl "$fi" --lo "$flo" \
      --hi "$fhi" --formats binary32 --out "$S/isa" >/dev/null 2>&1
    if [ -s "$S/isa/accuracy.json" ] && [ "$(acts "$S/isa/accuracy.json")" = "$(acts "$S/slow/accuracy.json")" ]; then
      ok "$fa [$flo, $fhi]: the fast pass's $isa copy = add_one"
    else
      bad "$fa [$flo, $fhi]: the fast pass's $isa copy and add_one disagree"
    fi
  done
  rm -rf "$S/fast" "$S/slow" "$S/isa"
done

# 3. kill and resume: the same command, once straight through and once killed
#    part way (a checkpoint after every round) and rerun
run=(accuracy --exhaustive --activation silu --lo 1 --hi 8 --formats binary32 --checkpoint-every 0)
"$BIN" "${run[@]}" --out "$S/whole" >/dev/null 2>&1
mkdir -p "$S/resumed"
"$BIN" "${run[@]}" --out "$S/resumed" >/dev/null 2>"$S/kill.err" &
pid=$!
for _ in $(seq 1 200); do # wait for a checkpoint, then interrupt
  ls "$S/resumed/.accuracy-checkpoint/"*.sweep >/dev/null 2>&1 && break
  sleep 0.05
done
kill -INT "$pid" 2>/dev/null
wait "$pid"
rc=$?
if [ "$rc" -eq 130 ] && ls "$S/resumed/.accuracy-checkpoint/"*.sweep >/dev/null 2>&1 &&
  [ ! -e "$S/resumed/accuracy.json" ]; then
  ok "interrupted: exit 130, a checkpoint, no results file"
else
  bad "interrupt: rc $rc, checkpoint $(ls "$S/resumed/.accuracy-checkpoint" 2>&1), $(cat "$S/kill.err")"
fi
"$BIN" "${run[@]}" --out "$S/resumed" >/dev/null 2>&1
if cmp -s "$S/whole/accuracy.json" "$S/resumed/accuracy.json" &&
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["activations"][0]["resumed"]' "$S/resumed/accuracy.run.json" &&
  [ ! -e "$S/resumed/.accuracy-checkpoint" ]; then
  ok "resumed run = uninterrupted run, byte for byte; checkpoint removed"
else
  bad "the resumed run differs from the uninterrupted one"
fi

# 4. MPI: two ranks against one process
if command -v mpirun >/dev/null 2>&1 && "$BIN" accuracy --help | grep -q mpirun; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
  # (Open MPI's own allocations outlive MPI_Finalize: not ours to report)
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    mpirun -np 2 "$BIN" "${run[@]}" --out "$S/mpi" >"$S/mpi.out" 2>&1
  if cmp -s "$S/whole/accuracy.json" "$S/mpi/accuracy.json"; then
    ok "mpirun -np 2 = one process, byte for byte"
  else
    bad "mpirun -np 2 differs from one process: $(tail -5 "$S/mpi.out")"
  fi
  # two ranks ran (two lone processes would write the same file)
  read -r n sd mr rk <<<"$(runfacts "$S/mpi/accuracy.run.json" 2>/dev/null)"
  if [ "${rk:-}" = 2 ] && [ $((sd + mr)) = $((2 * n)) ]; then
    ok "mpirun -np 2: the run file says 2 ranks, and every reference of the $n inputs counted once"
  else
    bad "mpirun -np 2: the run file says ${rk:-nothing} ranks (${sd:-?} + ${mr:-?} references for ${n:-?} inputs)"
  fi
else
  echo "skip: no mpirun (MPI not built in or not installed)"
fi

# 5. counts: every input lands in one histogram bin or is a special failure;
#    the binades add up; the NaN patterns of a --with-nans sweep are counted
"$BIN" accuracy --exhaustive --activation relu --lo -2 --hi -1 --with-nans --formats binary32 \
  --out "$S/cnt" >/dev/null 2>&1
if python3 - "$S/cnt/accuracy.json" <<'EOF'; then
import json, sys
d = json.load(open(sys.argv[1]))
a = d["activations"][0]
n = a["inputs"]
want = 2**23 + 1 + 2 * (2**23 - 1)  # [-2, -1] and every NaN pattern
assert n == want, (n, want)
for m in a["implementations"]:
    if not m["available"]:  # not run here (its ISA, or the PyTorch peer switched off)
        continue
    for k in ("fwd", "bwd"):
        s = m[k]
        if s is None:  # no backward kernel (XNNPACK's)
            continue
        assert s["inputs"] == n
        h = sum(b["count"] for b in s["histogram"])
        assert h + s["special_failures"] == n, (m["name"], k, h, s["special_failures"])
        assert sum(b["inputs"] for b in s["by_binade"]) == n
        assert sum(b["cr"] for b in s["by_binade"]) == s["cr_count"]
EOF
  ok "counts add up ($S/cnt)"
else
  bad "counts do not add up"
fi

# 6. the core and the tails: threads, kill and resume, MPI, on sigmoid's
#    left tail (every float of [-104, -64], three rounds: the naive kernel flushes to zero
#    below -88.72, in f and in f' from y)
tail=(accuracy --exhaustive --activation sigmoid --impl 'scalar.naive' --lo -104 --hi -64
  --formats binary32 --checkpoint-every 0)
"$BIN" "${tail[@]}" --threads 1 --out "$S/t1" >/dev/null 2>&1
"$BIN" "${tail[@]}" --threads 3 --out "$S/t3" >/dev/null 2>&1
if [ -s "$S/t1/accuracy.json" ] && cmp -s "$S/t1/accuracy.json" "$S/t3/accuracy.json"; then
  ok "tails: 1 thread = 3 threads, byte for byte"
else
  bad "tails: the results depend on the number of threads"
fi
mkdir -p "$S/tr"
"$BIN" "${tail[@]}" --threads 2 --out "$S/tr" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  ls "$S/tr/.accuracy-checkpoint/"*.sweep >/dev/null 2>&1 && break
  sleep 0.05
done
kill -INT "$pid" 2>/dev/null
wait "$pid"
rc=$?
"$BIN" "${tail[@]}" --threads 2 --out "$S/tr" >/dev/null 2>&1
if [ "$rc" -eq 130 ] && cmp -s "$S/t1/accuracy.json" "$S/tr/accuracy.json"; then
  ok "tails: killed (exit 130) and resumed = straight through, byte for byte"
else
  bad "tails: the resumed run differs (or was not interrupted: rc $rc)"
fi
if command -v mpirun >/dev/null 2>&1 && "$BIN" accuracy --help | grep -q mpirun; then
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    mpirun -np 2 "$BIN" "${tail[@]}" --threads 1 --out "$S/tm" >"$S/tm.out" 2>&1
  if cmp -s "$S/t1/accuracy.json" "$S/tm/accuracy.json"; then
    ok "tails: mpirun -np 2 = one process, byte for byte"
  else
    bad "tails: mpirun -np 2 differs: $(tail -5 "$S/tm.out")"
  fi
  read -r n sd mr rk <<<"$(runfacts "$S/tm/accuracy.run.json" 2>/dev/null)"
  if [ "${rk:-}" = 2 ]; then ok "tails: the run file says 2 ranks"; else bad "tails: the run file says ${rk:-no} ranks"; fi
fi
if python3 - "$S/t1/accuracy.json" <<'EOF'; then
import json, sys
a = json.load(open(sys.argv[1]))["activations"][0]
seen = set()
for m in a["implementations"]:
    for k in ("fwd", "bwd"):
        s = m.get(k)
        if not s:
            continue
        c = s["core"]
        assert c["inputs"] <= s["inputs"] and c["measured"] + c["special_failures"] == c["inputs"]
        assert float(c["max_ulp"]) <= float(s["max_ulp"])
        for t in s["tails"]:
            assert sum(i["count"] for i in t["intervals"]) == t["count"], (m["name"], k, t["kind"])
            assert len(t["intervals"]) <= 32
            seen.add(t["kind"])
        kinds = s["special_failures_by_kind"]
        assert kinds["nan_for_number"] == s["nan_output_failures"]
        assert kinds["number_for_nan"] == s["nan_input_failures"]
        v = s["verdict"]
        assert v["status"] in ("within", "exceeds", "none")
        assert sum(i["count"] for i in v["where"]) <= v["count"]
assert "flush_to_zero" in seen, seen
EOF
  ok "tails: the counts agree; flushes to zero found"
else
  bad "tails: the counts do not agree"
fi
exit $fail
