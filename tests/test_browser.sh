#!/bin/bash
# The report in a real browser: the fixtures' report, and the same with many
# implementations (tests/data/report/make_big.py), opened in Debian's
# chromium headless through puppeteer-core (tests/browser/check.js): every
# page opens without an error; sigmoid.html is at most 6000 px high at 1400 px
# with the details folded; the long table folds, sorts on a click on a
# heading and filters; no figure's PNG is wider than the width it is shown at.
# Screenshots of index.html and sigmoid.html are left in SCRATCH/shots.
#
# Skipped (exit status 77) without node, npm or chromium, or when
# puppeteer-core (tests/browser/package.json, package-lock.json) cannot be
# installed: npm ci prefers its cache (--prefer-offline) and installs once
# per build folder.
# usage: test_browser.sh ACTBENCH SCRATCH
set -u
BIN=$1
S=$2
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$HERE/data/report
skip() {
  echo "skip: $*"
  exit 77
}
command -v node >/dev/null 2>&1 || skip "no node (Debian package nodejs)"
command -v npm >/dev/null 2>&1 || skip "no npm (Debian package npm)"
CHROMIUM=${CHROMIUM:-}
for b in chromium chromium-browser; do
  [ -n "$CHROMIUM" ] && break
  command -v "$b" >/dev/null 2>&1 && CHROMIUM=$(command -v "$b")
done
[ -n "$CHROMIUM" ] || skip "no chromium (Debian package chromium; scripts/deps.sh installs it)"

# puppeteer-core, once per build folder, beside the scratch folder
NM=$(dirname "$S")/browser
if [ ! -f "$NM/node_modules/puppeteer-core/package.json" ] ||
  ! cmp -s "$HERE/browser/package-lock.json" "$NM/package-lock.json"; then
  rm -rf "$NM"
  mkdir -p "$NM"
  cp "$HERE/browser/package.json" "$HERE/browser/package-lock.json" "$NM/"
  (cd "$NM" && PUPPETEER_SKIP_DOWNLOAD=1 timeout 300 npm ci --prefer-offline --no-audit --no-fund \
    --ignore-scripts) >"$NM/npm.log" 2>&1 ||
    skip "cannot install puppeteer-core with npm (no registry and nothing cached): $(tail -n 1 "$NM/npm.log")"
fi
cp "$HERE/browser/check.js" "$NM/check.js"

rm -rf "$S"
mkdir -p "$S/shots" "$S/bigdata"
"$BIN" report --results "$DATA/full" --out "$S/full" >/dev/null 2>"$S/err" || {
  echo "FAIL the fixtures' report: $(head -c 300 "$S/err")"
  exit 1
}
python3 "$DATA/make_big.py" "$DATA/full" "$S/bigdata" 12 || {
  echo "FAIL make_big.py"
  exit 1
}
"$BIN" report --results "$S/bigdata" --out "$S/big" >/dev/null 2>"$S/err" || {
  echo "FAIL the big report: $(head -c 300 "$S/err")"
  exit 1
}
cd "$NM" && timeout 300 node check.js "$CHROMIUM" "$S/full" "$S/big" "$S/shots"
