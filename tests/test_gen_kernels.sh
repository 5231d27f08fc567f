#!/usr/bin/env bash
# scripts/gen-kernels.py: the prototypes of impls/registry.c's kernels, and
# the naming rule (impls/kernels.h) held at build time.  The real registry
# passes and gives a prototype per symbol; a registry broken on purpose in
# each way the rule forbids gives exit status 2 and one line that names the
# entry.
# usage: test_gen_kernels.sh ACTBENCH SCRATCH (ACTBENCH unused: as every
# tests/test_*.sh is called, tests/CMakeLists.txt)
set -u
S=$2
SRC=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$S" && mkdir -p "$S"
G="python3 $SRC/scripts/gen-kernels.py"
R=$SRC/impls/registry.c
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# the real list: every symbol it names has its prototype, the rule holds
if $G "$R" "$S/gen.h" 2>"$S/err"; then
  n=$(grep -c '^void act_' "$S/gen.h")
  named=$(sed 's,/\*.*\*/,,' "$R" | grep -o '\.\(fwd\|bwd\) = act_[a-z0-9_]*' | sort -u | wc -l)
  if [ "$n" -ge "$named" ] && grep -q '^void act_sigmoid_avx2_rr2_lut8_p3_div_fwd(' "$S/gen.h"; then
    ok "registry.c: $n prototypes for $named named symbols"
  else
    bad "registry.c: $n prototypes, $named symbols named"
  fi
else
  bad "registry.c rejected: $(cat "$S/err")"
fi

# broken SED WHAT REGEX: registry.c edited by SED fails with one line matching REGEX
broken() {
  sed "$1" "$R" >"$S/r.c"
  if cmp -s "$R" "$S/r.c"; then
    bad "$2: the edit changed nothing (the test is out of date)"
    return
  fi
  $G "$S/r.c" "$S/out.h" >"$S/stdout" 2>"$S/err"
  local rc=$?
  if [ "$rc" -ne 2 ]; then
    bad "$2: exit status $rc, want 2"
  elif [ "$(wc -l <"$S/err")" -ne 1 ] || ! grep -Eq "^gen-kernels: .*$3" "$S/err"; then
    bad "$2: stderr is not one line matching /$3/: $(head -c 300 "$S/err")"
  elif [ -e "$S/out.h" ]; then
    bad "$2: wrote its output anyway"
  else
    ok "$2"
  fi
}
broken 's/\.fwd = act_tanh_avx2_p13_lut8_p3_div_fwd/.fwd = act_tanh_lut_fast_fwd_avx2/' \
  "a symbol not derived from the name" "entry 'tanh.avx2.p13-lut8-p3-div': .fwd = act_tanh_lut_fast_fwd_avx2"
broken 's/\(\.bwd = \)act_tanh_avx2_rational_9_8_div_from_y_bwd/\1act_tanh_avx512_rational_9_8_div_from_y_bwd/' \
  "another ISA's kernel" "is neither act_tanh_avx2_"
broken '0,/\.fwd = act_relu_avx2_max_nan0_fwd/s//.fwd = act_relu_avx2_cmp_nanprop_bwd/' \
  "another entry's backward as a forward" "entry 'relu.avx2.max-nan0': .fwd"
broken 's/OURS(relu, avx2, "cmp-nanprop")/OURS(relu, avx2, "max-nan0")/' \
  "two entries, one symbol" "both give the symbol act_relu_avx2_max_nan0"
broken 's/OURS(relu, avx2, "max-nan0")/OURS(relu, avx2, "cmp_nanprop")/' \
  "two names that differ in - and _ alone" "both give the symbol act_relu_avx2_cmp_nanprop"

echo "test_gen_kernels: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
