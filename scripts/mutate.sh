#!/usr/bin/env bash
# Deliberate bugs, each in its own build: the tests must catch every one.
#   scripts/mutate.sh                 every mutation of tests/mutations/
#   scripts/mutate.sh NAME...         only these (file names without .mut, or globs)
#   scripts/mutate.sh --pending       also the ones marked pending (shown, never failing)
#   scripts/mutate.sh --list          the mutations and the tests each names
# It copies the tree (git's files, committed or not) to a scratch folder
# ($SCRATCH, default /tmp/actbench-mutate), builds it once, checks that the
# tests the mutations name pass there, then for each mutation: applies it,
# rebuilds, runs the tests it names (ctest -R), restores the files.  A
# mutation is caught when one of those tests fails; one that does not apply
# or does not build is an error of the mutation.  At the end a table:
# mutation, what it does, the tests that caught it.  CMAKE_FLAGS are passed to
# the scratch build's cmake (-DACTBENCH_PEERS=OFF: a much shorter build, the
# tests without the peers).  Exit status 0 only
# when every mutation (not pending) was caught.  It runs outside CI: on 2
# cores about an hour and a half (test_bounds and test_exhaustive are long).
#
# A mutation, tests/mutations/NAME.mut:
#   # what: one line on the bug
#   # tests: a ctest -R regular expression (test_bounds|test_layout)
#   # pending: why it is not expected to be caught yet (optional)
#   @@ file PATH            (relative to the top of the tree)
#   @@ find
#   text, exactly as in the file (its first occurrence is replaced)
#   @@ replace
#   the new text
#   @@ end
# (several file/find/replace blocks may follow one another).
set -uo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-/tmp/actbench-mutate}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
pending=0
list=0
names=()
for a in "$@"; do
  case $a in
  --pending) pending=1 ;;
  --list) list=1 ;;
  -h | --help)
    sed -n '2,29p' "$0"
    exit 0
    ;;
  *) names+=("$a") ;;
  esac
done
muts=()
for f in tests/mutations/*.mut; do
  n=$(basename "$f" .mut)
  if [ ${#names[@]} -gt 0 ]; then
    keep=0
    for p in "${names[@]}"; do
      # shellcheck disable=SC2053
      [[ $n == $p ]] && keep=1
    done
    [ $keep = 1 ] || continue
  fi
  if grep -q '^# pending:' "$f" && [ $pending = 0 ] && [ ${#names[@]} -eq 0 ]; then continue; fi
  muts+=("$f")
done
field() { sed -n "s/^# $2: *//p" "$1" | head -n 1; }
if [ $list = 1 ]; then
  for f in tests/mutations/*.mut; do
    printf '%-34s %-40s %s%s\n' "$(basename "$f" .mut)" "$(field "$f" tests)" "$(field "$f" what)" \
      "$(grep -q '^# pending:' "$f" && echo " [pending: $(field "$f" pending)]")"
  done
  exit 0
fi
[ ${#muts[@]} -gt 0 ] || {
  echo "mutate: no mutation selected" >&2
  exit 2
}

# ---- the scratch tree and its build
echo "mutate: copying the tree to $SCRATCH/src"
mkdir -p "$SCRATCH"
rm -rf "$SCRATCH/src"
mkdir -p "$SCRATCH/src"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' p; do
  [ -e "$p" ] && printf '%s\0' "$p"
done | tar --null -T - -cf - | tar -xf - -C "$SCRATCH/src"
# the tree as it was: mutations are read and files restored from this copy,
# so that work going on in the tree meanwhile cannot mix into the run
rm -rf "$SCRATCH/orig"
cp -a "$SCRATCH/src" "$SCRATCH/orig"
B=$SCRATCH/build
echo "mutate: building in $B"
if ! { [ -f "$B/CMakeCache.txt" ] || cmake -S "$SCRATCH/src" -B "$B" ${CMAKE_FLAGS:-} >"$SCRATCH/configure.log" 2>&1; } ||
  ! cmake --build "$B" -j "$JOBS" >"$SCRATCH/build.log" 2>&1; then
  echo "mutate: the unmutated tree does not build: $SCRATCH/build.log" >&2
  exit 2
fi

# apply MUT FILES_LIST: python applies the blocks, writes the files it touched to FILES_LIST
apply() {
  python3 - "$1" "$SCRATCH/src" "$2" <<'EOF'
import sys
mut, src, touched = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(mut).read().split("\n")
blocks, path, mode, find, repl = [], None, None, [], []
for l in lines:
    if l.startswith("@@ file "):
        path = l[8:].strip()
    elif l == "@@ find":
        mode, find, repl = "find", [], []
    elif l == "@@ replace":
        mode = "replace"
    elif l == "@@ end":
        blocks.append((path, "\n".join(find), "\n".join(repl)))
        mode = None
    elif mode == "find":
        find.append(l)
    elif mode == "replace":
        repl.append(l)
if not blocks:
    sys.exit("no @@ find / @@ replace block")
done = []
for path, f, r in blocks:
    p = src + "/" + path
    s = open(p).read()
    if f not in s:
        sys.exit("%s: the text to find is not there" % path)
    open(p, "w").write(s.replace(f, r, 1))
    done.append(path)
open(touched, "w").write("\n".join(sorted(set(done))) + "\n")
EOF
}

# ---- the tests the mutations name must pass before any mutation
all_tests=$(for f in "${muts[@]}"; do field "$SCRATCH/orig/$f" tests; done | tr '|' '\n' | sort -u | paste -sd'|')
echo "mutate: the unmutated tree: ctest -R '$all_tests'"
if ! (cd "$B" && ctest -j "$JOBS" -R "$all_tests" >"$SCRATCH/baseline.log" 2>&1); then
  echo "mutate: these tests fail without any mutation: $(grep -o '[0-9]* - [a-z_]* (Failed)' "$SCRATCH/baseline.log" | tr '\n' ' ') ($SCRATCH/baseline.log)" >&2
  exit 2
fi

# ---- each mutation
rows=()
bad=0
for f0 in "${muts[@]}"; do
  f=$SCRATCH/orig/$f0
  n=$(basename "$f" .mut)
  what=$(field "$f" what)
  tests=$(field "$f" tests)
  pend=$(grep -q '^# pending:' "$f" && echo 1 || echo 0)
  log=$SCRATCH/$n.log
  echo "mutate: $n: $what"
  result=""
  if ! apply "$f" "$SCRATCH/touched" >"$log" 2>&1; then
    result="ERROR: does not apply ($(tail -n 1 "$log"))"
  elif ! cmake --build "$B" -j "$JOBS" >>"$log" 2>&1; then
    result="ERROR: does not build ($log)"
  else
    (cd "$B" && ctest -j "$JOBS" -R "$tests" >>"$log" 2>&1)
    caught=$(grep -o '[0-9]* - [a-z_]* ([A-Za-z ]*)' "$log" | sed 's/^[0-9]* - //; s/ (.*)//' | sort -u | paste -sd' ')
    if [ -n "$caught" ]; then result="caught by $caught"; else result="SURVIVED ($tests)"; fi
  fi
  # restore what the mutation touched
  if [ -s "$SCRATCH/touched" ]; then
    while IFS= read -r p; do
      [ -n "$p" ] && cp "$SCRATCH/orig/$p" "$SCRATCH/src/$p"
    done <"$SCRATCH/touched"
  fi
  : >"$SCRATCH/touched"
  [ "$pend" = 1 ] && result="$result [pending: $(field "$f" pending)]"
  case $result in
  caught*) ;;
  *) [ "$pend" = 1 ] || bad=1 ;;
  esac
  echo "mutate: $n: $result"
  rows+=("$n|$what|$result")
done
cmake --build "$B" -j "$JOBS" >/dev/null 2>&1 # back to the unmutated build

echo
echo "| mutation | what | result |"
echo "| --- | --- | --- |"
for r in "${rows[@]}"; do
  IFS='|' read -r n w res <<<"$r"
  echo "| $n | $w | $res |"
done
exit $bad
