#!/usr/bin/env bash
# The kernels' polynomial coefficients are what their scripts say:
#   scripts/gen-coeffs.sh --check regenerates every header from its
#   scripts/coeffs/*.sollya script (sollya's fpminimax) and compares it with the
#   committed one (skipped, with exit status 77, where sollya is not installed);
# and every committed impls/*/coeffs_*.h is named by some script's first line
# ("// out: impls/<act>/coeffs_<name>.h"), so no header lacks its script.
# No scripts and no headers yet is a pass.
# usage: test_coeffs.sh ACTBENCH SCRATCH_DIR (neither is used)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
fail=0
shopt -s nullglob
scripts=(scripts/coeffs/*.sollya)
headers=(impls/*/coeffs_*.h)
echo "${#scripts[@]} coefficient scripts, ${#headers[@]} headers"

# every header has its script
for h in "${headers[@]}"; do
  found=0
  for s in "${scripts[@]}"; do
    [ "$(sed -n '1s|^// out: ||p' "$s")" = "$h" ] && found=1
  done
  if [ $found = 1 ]; then echo "ok: $h has its script"; else
    echo "FAIL: $h is named by no scripts/coeffs/*.sollya (first line '// out: $h')"
    fail=1
  fi
done
# every script names a header that is there (gen-coeffs.sh --check says which differ)
for s in "${scripts[@]}"; do
  out=$(sed -n '1s|^// out: ||p' "$s")
  if [ -z "$out" ]; then
    echo "FAIL: $s: the first line is not '// out: <header path>'"
    fail=1
  elif [ ! -f "$out" ]; then
    echo "FAIL: $s writes $out, which is not committed"
    fail=1
  fi
done

if ! command -v sollya >/dev/null 2>&1; then
  echo "skip: sollya is not installed (Debian package sollya): the headers were not regenerated"
  [ $fail = 0 ] && exit 77
  exit 1
fi
if scripts/gen-coeffs.sh --check; then
  echo "ok: scripts/gen-coeffs.sh --check: every header is what its script writes"
else
  echo "FAIL: scripts/gen-coeffs.sh --check (run scripts/gen-coeffs.sh and commit the headers, or fix the script)"
  fail=1
fi
exit $fail
