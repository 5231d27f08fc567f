#!/usr/bin/env bash
# Issue 14's bad inputs, replayed: every case the issue reports that is fixed
# (and every input the fuzzers found, fuzz/README.md), each with its exit
# status and its message.  Bad input is one line "actbench: ..." on stderr and
# exit status 2, at once (nothing blocks, nothing runs, no folder is left);
# a signal (SIGINT, SIGTERM, SIGHUP) while a results file is being written
# leaves no temporary; a later run removes the temporaries of earlier runs
# that were killed (only its own names, only for processes that no longer
# run); a checkpoint that cannot be used is said in one warning line.
# usage: test_badinput.sh ACTBENCH SCRATCH
# environment (tests/CMakeLists.txt): ACTBENCH_EXAMPLE_PLUGIN (the example
# plugin, cut short here), ACTBENCH_SLOW_RENAME_LIB (tests/plugins/
# slow_rename.c), ACTBENCH_SOURCE_DIR, ACTBENCH_SANITIZED (1 under ASan)
set -u
A=$1
S=$2
rm -rf "$S" && mkdir -p "$S" && chmod 755 "$S"
SRC=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
F=$SRC/tests/data/report/full
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect WHAT RC REGEX -- ARGS... (tests/expect.sh)
. "$SRC/tests/expect.sh"
if [ "${ACTBENCH_SANITIZED:-0}" = 1 ]; then
  # the preloaded library comes before the sanitizers' runtime
  export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
fi

# wait until a file matches the glob $1, at most $2 times 0.05 s
until_exists() {
  for _ in $(seq 1 "$2"); do
    compgen -G "$1" >/dev/null && return 0
    sleep 0.05
  done
  return 1
}

# ---- plugins: a library cut short (the first 1000 or 8000 bytes of the
# example plugin) died with SIGBUS
if [ -n "${ACTBENCH_EXAMPLE_PLUGIN:-}" ] && [ -f "$ACTBENCH_EXAMPLE_PLUGIN" ]; then
  for n in 1000 8000; do
    head -c $n "$ACTBENCH_EXAMPLE_PLUGIN" >"$S/t$n.so"
    expect "plugin cut to $n bytes" 2 "plugin .*t$n.so: .*(truncated|beyond the end)" -- \
      --plugin "$S/t$n.so" list
  done
else
  echo "skip: the example plugin is not built (ACTBENCH_EXAMPLE_PLUGIN)"
fi

# ---- results files that are not regular files: refused at once (a FIFO
# blocked until killed; /dev/null said "cannot read ...: Success")
mkfifo "$S/fifo"
expect "diff NEW a FIFO" 2 "fifo is not a regular file \(a FIFO\)" -- diff "$F/speed.json" "$S/fifo"
expect "diff OLD a FIFO" 2 "fifo is not a regular file \(a FIFO\)" -- diff "$S/fifo" "$F/speed.json"
expect "compare --speed a FIFO" 2 "fifo is not a regular file \(a FIFO\)" -- \
  compare sigmoid --speed "$S/fifo"
expect "report --zerocenter a FIFO" 2 "fifo is not a regular file \(a FIFO\)" -- \
  report --zerocenter "$S/fifo" --out "$S/out"
expect "report --zerocenter /dev/null" 2 "/dev/null is not a regular file \(a character device\)" -- \
  report --zerocenter /dev/null --out "$S/out"
expect "report --zerocenter /dev/zero" 2 "/dev/zero is not a regular file \(a character device\)" -- \
  report --zerocenter /dev/zero --out "$S/out"
expect "compare --speed a folder" 2 "is a folder, not a results file" -- compare sigmoid --speed "$S"
expect "diff OLD a folder" 2 "is a folder, not a results file" -- diff "$S" "$F/speed.json"
expect "report --results a file" 2 "--results .*speed.json is a file" -- \
  report --results "$F/speed.json" --out "$S/out"
: >"$S/empty.json"
expect "diff NEW empty" 2 "empty.json is empty" -- diff "$F/speed.json" "$S/empty.json"

# a file we may not read, and a folder we may not write: as root, through a
# user without privileges (root reads and writes anything)
runas=""
if [ "$(id -u)" = 0 ]; then
  runas=skip
  if command -v setpriv >/dev/null &&
    setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$A" 2>/dev/null; then
    runas="setpriv --reuid=65534 --regid=65534 --clear-groups"
  fi
fi
cp "$F/speed.json" "$S/mode000.json" && chmod 000 "$S/mode000.json"
mkdir -p "$S/ro" && chmod 555 "$S/ro"
if [ "$runas" != skip ]; then
  A0=$A
  A="$S/as-user.sh" # (expect runs "$A": wrap it)
  printf '#!/usr/bin/env bash\nexec %s "%s" "$@"\n' "$runas" "$A0" >"$A"
  chmod 755 "$A"
  expect "a mode-000 results file" 2 "cannot read .*mode000.json: Permission denied" -- \
    diff "$F/speed.json" "$S/mode000.json"
  expect "speed --out a read-only folder" 2 "(folder .*/ro is not writable|cannot create files in folder .*/ro): Permission denied" -- \
    speed --activation relu --sizes 1024 --out "$S/ro"
  expect "accuracy --out a read-only folder" 2 "(folder .*/ro is not writable|cannot create files in folder .*/ro): Permission denied" -- \
    accuracy --activation relu --samples 100 --out "$S/ro"
  A=$A0
else
  echo "skip: no user without privileges to run as (setpriv)"
fi

# ---- output folders: refused before anything runs (speed --out /proc ran
# every benchmark and then failed with Google Benchmark's "invalid file name")
for c in speed accuracy saturation zerocenter; do
  args=(--activation relu)
  [ $c = zerocenter ] && args=(--activation tanh)
  expect "$c --out /proc" 2 "cannot create files in folder /proc" -- $c "${args[@]}" --out /proc
  expect "$c --out /sys" 2 "cannot create files in folder /sys" -- $c "${args[@]}" --out /sys
  expect "$c --out a file" 2 "is not a folder" -- $c "${args[@]}" --out "$S/empty.json"
done
# --benchmark_filter that selects nothing: one line, no folder made
expect "speed --benchmark_filter=zzz" 2 "speed: --benchmark_filter selects no benchmark" -- \
  speed --activation relu --out "$S/out" --benchmark_filter=zzz
expect "speed --benchmark_filter=((" 2 "speed: --benchmark_filter selects no benchmark \(Could not compile" -- \
  speed --activation relu --out "$S/out" '--benchmark_filter=(('
expect "speed --benchmark_filter=-." 2 "speed: --benchmark_filter selects no benchmark" -- \
  speed --activation relu --out "$S/out" '--benchmark_filter=-.'

# ---- numbers parsed strictly
expect "--samples ' 1000'" 2 "--samples: ' 1000' is not" -- accuracy --samples ' 1000' --out "$S/out"
expect "--samples '+1000'" 2 "--samples: '\+1000' is not" -- accuracy --samples '+1000' --out "$S/out"
expect "--samples '0x400'" 2 "--samples: '0x400' is not" -- accuracy --samples '0x400' --out "$S/out"
expect "report --size 10^23" 2 "--size: 99999999999999999999999 is out of range" -- \
  report --size 99999999999999999999999 --results "$F" --out "$S/out"
expect "speed --repetitions 1e3" 2 "--repetitions: '1e3' is not" -- speed --repetitions 1e3 --out "$S/out"
expect "saturation --seed -1" 2 "--seed: '-1' is not" -- saturation --seed -1 --out "$S/out"

# ---- options that do not apply to the activation (accuracy --activation
# relu --a 2 ran with a = 2)
expect "accuracy relu --a" 2 "accuracy: --a does not apply to relu: it takes no parameter" -- \
  accuracy --activation relu --a 2 --out "$S/out"
expect "speed tanh --a" 2 "speed: --a does not apply to tanh: it takes no parameter" -- \
  speed --activation tanh --a 2 --out "$S/out"
expect "saturation gelu --a" 2 "saturation: --a does not apply to gelu" -- \
  saturation --activation gelu --a 1 --out "$S/out"
expect "accuracy --a for every activation" 2 "accuracy: --a does not apply to tanh, relu, .* choose one with --activation" -- \
  accuracy --a 2 --out "$S/out"
expect "speed --impl 'stable' --a" 2 "speed: --a does not apply to tanh, relu" -- \
  speed --impl stable --a 2 --out "$S/out"
expect "speed leaky_relu --a 1" 2 "speed: leaky_relu needs 0 <= a < 1" -- \
  speed --activation leaky_relu --a 1 --out "$S/out"
expect "saturation leaky_relu --a -1" 2 "saturation: leaky_relu needs 0 <= a < 1" -- \
  saturation --activation leaky_relu --a -1 --out "$S/out"
expect "accuracy --a inf" 2 "--a must be (finite|a finite number)" -- accuracy --activation sigmoid --a inf --out "$S/out"
# and where it applies it is taken
if "$A" accuracy --impl 'sigmoid.scalar.*' --a 2 --samples 1000 --formats binary32 --out "$S/a2" \
  >"$S/a2.out" 2>&1 && grep -q "sigmoid (a = 2)" "$S/a2.out"; then
  ok "accuracy --impl 'sigmoid.scalar.*' --a 2 runs with a = 2"
else
  bad "accuracy --impl 'sigmoid.scalar.*' --a 2: $(tail -3 "$S/a2.out")"
fi

# ---- signals while a results file is written: the temporary goes.  The
# preloaded library holds the rename of the results file, so the signal
# arrives when the temporary is whole and not yet renamed.
SIG_CMDS=(
  "speed.json|speed --activation relu --impl relu.scalar.stable --sizes 1024 --min-time 0.001 --repetitions 1"
  "accuracy.json|accuracy --activation relu --samples 1000 --formats binary32"
  "saturation.json|saturation --activation relu --float-stride 16777216 --stride 16777216 --mc 0 --chains 1 --depth 1 --units 1 --fan-in 1 --trials 1 --points 2 --formats binary32"
  "zerocenter.json|zerocenter --activation tanh --trials 10 --problems 2"
)
dflt=(python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])')
if [ -n "${ACTBENCH_SLOW_RENAME_LIB:-}" ] && [ -f "$ACTBENCH_SLOW_RENAME_LIB" ]; then
  for entry in "${SIG_CMDS[@]}"; do
    name=${entry%%|*}
    read -r -a cmd <<<"${entry#*|}"
    for sig in INT TERM HUP; do
      out="$S/sig-$name-$sig"
      rm -rf "$out"
      # (a background job of a script starts with SIGINT ignored, and a
      # signal ignored at start stays ignored: start it with the default)
      LD_PRELOAD=$ACTBENCH_SLOW_RENAME_LIB ACTBENCH_SLOW_RENAME=$name \
        "${dflt[@]}" "$A" "${cmd[@]}" --out "$out" >/dev/null 2>"$S/sig.err" &
      pid=$!
      seen=0
      for _ in $(seq 1 600); do
        if compgen -G "$out/$name.tmp.*" >/dev/null; then
          seen=1
          break
        fi
        sleep 0.05
      done
      kill -s "$sig" "$pid" 2>/dev/null
      { wait "$pid"; } 2>/dev/null
      rc=$?
      want=$((128 + $(kill -l "$sig")))
      left=$(ls -A "$out" 2>/dev/null | tr '\n' ' ')
      if [ "$seen" = 1 ] && [ "$rc" = "$want" ] && [ -z "$left" ]; then
        ok "SIG$sig while $name is written: exit $rc, nothing left in the folder"
      else
        bad "SIG$sig while $name is written: temporary seen $seen, exit $rc (want $want), left: $left $(head -c 300 "$S/sig.err")"
      fi
    done
  done
  # a sweep's checkpoint: the signal stops the sweep once the checkpoint is
  # renamed (exit 130), and the temporary is gone
  out="$S/sig-sweep"
  rm -rf "$out"
  LD_PRELOAD=$ACTBENCH_SLOW_RENAME_LIB ACTBENCH_SLOW_RENAME=.sweep ACTBENCH_SLOW_RENAME_S=2 \
    "$A" accuracy --exhaustive --activation relu --lo 1 --hi 8 --formats binary32 \
    --checkpoint-every 0 --out "$out" >/dev/null 2>"$S/sig.err" &
  pid=$!
  until_exists "$out/.accuracy-checkpoint/*.sweep.tmp.*" 600
  kill -TERM "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  if [ "$rc" = 130 ] && compgen -G "$out/.accuracy-checkpoint/*.sweep" >/dev/null &&
    ! compgen -G "$out/.accuracy-checkpoint/*.tmp.*" >/dev/null && [ ! -e "$out/accuracy.json" ]; then
    ok "SIGTERM while a checkpoint is written: exit 130, the checkpoint whole, no temporary"
  else
    bad "SIGTERM while a checkpoint is written: exit $rc, $(ls -A "$out/.accuracy-checkpoint" 2>&1 | tr '\n' ' ')"
  fi
else
  echo "skip: tests/plugins/slow_rename.c is not built (ACTBENCH_SLOW_RENAME_LIB)"
fi

# ---- temporaries of killed runs (SIGKILL leaves them): the next run in the
# folder removes those of processes that no longer run, and only its names
true &
dead=$!
wait "$dead"
live=$$
out="$S/stale"
mkdir -p "$out/.accuracy-checkpoint"
for f in "speed.json.tmp.$dead" ".speed.gbench.$dead.json" "accuracy.json.tmp.$dead" \
  "accuracy.run.json.tmp.$dead" ".actbench-probe.$dead" ".accuracy-checkpoint/relu.json.tmp.$dead" \
  ".accuracy-checkpoint/relu.rank0of1.sweep.tmp.$dead" "speed.json.tmp.$live" \
  "speed.json.tmp.${dead}x" "notes.txt" "speed.json.tmp.0$dead"; do
  echo junk >"$out/$f"
done
"$A" speed --activation relu --impl relu.scalar.stable --sizes 1024 --min-time 0.001 \
  --repetitions 1 --out "$out" >/dev/null 2>"$S/stale.err"
"$A" accuracy --activation relu --samples 1000 --formats binary32 --out "$out" >/dev/null 2>>"$S/stale.err"
gone=1
for f in "speed.json.tmp.$dead" ".speed.gbench.$dead.json" "accuracy.json.tmp.$dead" \
  "accuracy.run.json.tmp.$dead" ".actbench-probe.$dead" ".accuracy-checkpoint/relu.json.tmp.$dead" \
  ".accuracy-checkpoint/relu.rank0of1.sweep.tmp.$dead"; do
  [ -e "$out/$f" ] && gone=0 && echo "still there: $f"
done
kept=1
for f in "speed.json.tmp.$live" "speed.json.tmp.${dead}x" "notes.txt" "speed.json.tmp.0$dead"; do
  [ -e "$out/$f" ] || kept=0
done
nwarn=$(grep -c "warning: removed .*a temporary left by process $dead, which no longer runs" "$S/stale.err")
if [ "$gone" = 1 ] && [ "$kept" = 1 ] && [ "$nwarn" = 7 ]; then
  ok "stale temporaries of a dead process removed (7, one warning each); a live one's and other names kept"
else
  bad "stale temporaries: gone $gone, kept $kept, $nwarn warnings: $(cat "$S/stale.err")"
fi

# ---- checkpoints that cannot be used: one warning line, then the sweep
# starts over and gives what an uninterrupted run gives
run=(accuracy --exhaustive --activation relu --lo 1 --hi 8 --formats binary32 --checkpoint-every 0)
"$A" "${run[@]}" --out "$S/ck-whole" >/dev/null 2>&1
interrupt() { # run into $1 until a checkpoint exists, then SIGINT
  "$A" "${run[@]}" "${@:2}" --out "$1" >/dev/null 2>&1 &
  local pid=$!
  until_exists "$1/.accuracy-checkpoint/*.sweep" 400
  kill -INT "$pid" 2>/dev/null
  wait "$pid"
}
for how in damaged truncated other; do
  out="$S/ck-$how"
  rm -rf "$out"
  if [ $how = other ]; then
    interrupt "$out" --impl 'relu.scalar.*'
  else
    interrupt "$out"
  fi
  ck=$(compgen -G "$out/.accuracy-checkpoint/*.sweep" | head -1)
  case $how in
  damaged) printf 'X' | dd of="$ck" bs=1 seek=2000 conv=notrunc 2>/dev/null ;;
  truncated) truncate -s 300 "$ck" ;;
  esac
  "$A" "${run[@]}" --out "$out" >/dev/null 2>"$S/ck.err"
  rc=$?
  case $how in
  damaged) re="dropped, it is damaged \(its checksum does not match\): starting relu over" ;;
  truncated) re="dropped, (it is truncated|it was written for another sweep).*: starting relu over" ;;
  other) re="dropped, it was written for another sweep \(impls=.* here, impls=.* in the checkpoint\): starting relu over" ;;
  esac
  if [ "$rc" = 0 ] && [ "$(wc -l <"$S/ck.err")" = 1 ] && grep -Eq "^actbench: warning: accuracy: checkpoint .*$re" "$S/ck.err" &&
    cmp -s "$S/ck-whole/accuracy.json" "$out/accuracy.json"; then
    ok "a $how checkpoint: one warning line, then the same results as an uninterrupted run"
  else
    bad "a $how checkpoint: exit $rc, $(cat "$S/ck.err")"
  fi
done
# a finished activation's file that is corrupt: said, measured again
out="$S/ck-frag"
rm -rf "$out"
mkdir -p "$out/.accuracy-checkpoint"
echo '{"activation": {"activation": "relu"' >"$out/.accuracy-checkpoint/relu.json"
"$A" "${run[@]}" --out "$out" >/dev/null 2>"$S/ck.err"
rc=$?
if [ "$rc" = 0 ] && [ "$(wc -l <"$S/ck.err")" = 1 ] &&
  grep -q "warning: accuracy: .*relu.json dropped, it is not valid JSON: relu is measured again" "$S/ck.err" &&
  cmp -s "$S/ck-whole/accuracy.json" "$out/accuracy.json"; then
  ok "a corrupt finished-activation file: one warning line, measured again"
else
  bad "a corrupt finished-activation file: exit $rc, $(cat "$S/ck.err")"
fi

# (results files with impossible content: tests/test_readers.sh)

# ---- inputs the fuzzers found (fuzz/README.md): replayed with their status
FOUND=$SRC/tests/data/fuzz-found
if [ -d "$FOUND" ]; then
  for f in "$FOUND"/*.args; do
    [ -e "$f" ] || continue
    # first line: expected exit status and message regex; then one argument per line
    { read -r rc re; mapfile -t args; } <"$f"
    args=("${args[@]//@DATA@/$SRC/tests/data}")
    expect "fuzzer-found $(basename "$f")" "$rc" "$re" -- "${args[@]}"
  done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
