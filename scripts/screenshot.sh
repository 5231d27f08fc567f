#!/usr/bin/env bash
# A screenshot of a page of the report with Debian's headless chromium, which
# must not reach the network (the report loads nothing from it anyway).
#   scripts/screenshot.sh PAGE.html OUT.png [WIDTH,HEIGHT]
# e.g. scripts/screenshot.sh report/index.html docs/img/report_index.png 1400,2000
# Exit status 0 with OUT.png written; 1 when chromium failed or wrote nothing;
# 3 when no chromium is installed (scripts/deps.sh installs it).
set -u
page=${1:?usage: screenshot.sh PAGE.html OUT.png [WIDTH,HEIGHT]}
out=${2:?usage: screenshot.sh PAGE.html OUT.png [WIDTH,HEIGHT]}
size=${3:-1400,2000}
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser; do
    if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
  done
fi
if [ -z "$browser" ]; then
  echo "screenshot: no chromium installed (Debian package chromium)" >&2
  exit 3
fi
[ -s "$page" ] || { echo "screenshot: $page: no such page" >&2; exit 1; }
abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
outabs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$outabs"
# --proxy-server with nothing listening: any request that would leave the
# machine fails at once instead
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-default-apps --disable-extensions --no-first-run --no-default-browser-check \
  --metrics-recording-only --disable-crash-reporter --hide-scrollbars \
  --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' \
  --user-data-dir="$profile" --window-size="$size" --screenshot="$outabs" \
  "file://$abs" >"$profile/chromium.log" 2>&1
rc=$?
if [ ! -s "$outabs" ]; then
  echo "screenshot: chromium (status $rc) wrote no $out: $(grep -v '^$' "$profile/chromium.log" | tail -n 1)" >&2
  exit 1
fi
exit 0
