#!/usr/bin/env bash
# Regenerate the kernels' polynomial coefficients: every scripts/coeffs/*.sollya
# script writes the C header named on its first line ("// out: impls/...").
#   scripts/gen-coeffs.sh           write the headers
#   scripts/gen-coeffs.sh --check   regenerate into a temporary folder and
#                                   compare with the committed headers
# Needs sollya (Debian package sollya; scripts/deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sollya >/dev/null || { echo "gen-coeffs: sollya not found (apt-get install sollya)"; exit 1; }
check=0
[ "${1:-}" = "--check" ] && check=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
shopt -s nullglob
for s in scripts/coeffs/*.sollya; do
  out=$(sed -n '1s|^// out: ||p' "$s")
  [ -n "$out" ] || { echo "gen-coeffs: $s: first line must be '// out: <header path>'"; exit 1; }
  # (sollya exits with status 3 when a script ends without "quit;")
  sollya --warnonstderr "$s" >"$tmp/out.h" </dev/null ||
    { echo "gen-coeffs: sollya failed on $s (status $?; does it end with quit;?)"; exit 1; }
  if [ $check = 1 ]; then
    if cmp -s "$tmp/out.h" "$out"; then echo "gen-coeffs: $out up to date"; else
      echo "gen-coeffs: $out differs from what $s writes"
      status=1
    fi
  else
    mv "$tmp/out.h" "$out"
    echo "gen-coeffs: wrote $out"
  fi
done
exit $status
