# Shared by tests/test_report.sh and tests/test_report_fixture.sh (sourced, not
# a test of its own): counters, the check of a whole report folder, and the
# check of a run that must fail with one line on stderr.
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $*"; }
check() { # check NAME COMMAND...: passes when the command succeeds
  local name=$1
  shift
  if "$@"; then ok "$name"; else bad "$name"; fi
}

PNG_MAGIC=' 89 50 4e 47 0d 0a 1a 0a'

# check_target BASE TARGET FROM: a file a report links to exists and is what its
# name says.  Prints nothing when fine, the problem otherwise.
check_target() {
  local base=$1 t=$2 from=$3
  case $t in
    http:* | https:* | //*) echo "$from links to the network: $t"; return ;;
    mailto:* | '#'*) return ;;
  esac
  t=${t%%#*}
  local f="$base/$t"
  if [ ! -s "$f" ]; then echo "$from links to $t, which is missing or empty"; return; fi
  case $t in
    *.svg) grep -q '<svg' "$f" || echo "$t is not an SVG" ;;
    *.png) [ "$(head -c 8 "$f" | od -An -tx1)" = "$PNG_MAGIC" ] || echo "$t is not a PNG" ;;
  esac
}

# check_report DIR: index.html and summary.md exist; every file linked from
# them and from every other .html page of DIR (href= and src=, following
# linked .html pages) exists, is not empty,
# and each .svg/.png is one; the pages load nothing from the network.
check_report() {
  local dir=$1 problems="" queue="index.html" seen=" " page links t
  # every page of the folder, linked from the index or not
  for page in "$dir"/*.html; do [ -e "$page" ] && queue+=" ${page##*/}"; done
  [ -s "$dir/index.html" ] || problems+="no index.html;"
  [ -s "$dir/summary.md" ] || problems+="no summary.md;"
  while :; do
    queue=${queue#"${queue%%[! ]*}"} # drop leading spaces
    [ -n "$queue" ] || break
    page=${queue%% *}
    queue=${queue#"$page"}
    case $seen in *" $page "*) continue ;; esac
    seen+="$page "
    [ -s "$dir/$page" ] || { problems+="$page missing;"; continue; }
    # inline script and style only: nothing loaded from elsewhere
    grep -qiE '<script[^>]*src=|<link[ >]' "$dir/$page" && problems+="$page loads scripts or style sheets;"
    links=$(grep -oE '(href|src)="[^"]*"' "$dir/$page" | sed -E 's/^(href|src)="//; s/"$//' |
      sort -u)
    for t in $links; do
      local p
      p=$(check_target "$dir" "$t" "$page")
      [ -n "$p" ] && problems+="$p;"
      case $t in *.html) queue+=" $t" ;; esac
    done
  done
  if [ -s "$dir/summary.md" ]; then
    links=$(grep -oE '\]\([^)]*\)' "$dir/summary.md" | sed -E 's/^\]\(//; s/\)$//' | sort -u)
    for t in $links; do
      local p
      p=$(check_target "$dir" "$t" summary.md)
      [ -n "$p" ] && problems+="$p;"
    done
  fi
  if [ -n "$problems" ]; then
    echo "  $problems" | tr ';' '\n' | sed '/^ *$/d; s/^/    /'
    return 1
  fi
  return 0
}

# expect_fail NAME COMMAND...: exit status 2 and exactly one line on stderr,
# beginning with "actbench:".
expect_fail() {
  local name=$1
  shift
  local err rc lines
  err=$("$@" 2>&1 >/dev/null)
  rc=$?
  lines=$(printf '%s\n' "$err" | sed '/^$/d' | wc -l)
  if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && [ "${err#actbench:}" != "$err" ]; then
    ok "$name (${err})"
  else
    bad "$name: status $rc, stderr: $err"
  fi
}

# Nothing left behind: no temporary folders next to the report.
no_leftovers() {
  local dir=$1
  ! ls -d "$dir".tmp-* "$dir".old-* >/dev/null 2>&1
}

finish() {
  echo "$PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}

# check_figures DIR: every <figure> of every page states the commands behind
# it (the results file's command, the report's, the gnuplot that redraws it)
# and its script is there.  Prints the problems.
check_figures() {
  local dir=$1 problems="" page stem n
  for page in "$dir"/*.html; do
    n=0
    for stem in $(grep -o 'src="fig/[^"]*\.svg"' "$page" | sed 's/^src="fig\///; s/\.svg"$//'); do
      n=$((n + 1))
      [ -s "$dir/gp/$stem.gp" ] || problems+="${page##*/}: no gp/$stem.gp;"
      grep -q "gnuplot gp/$stem.gp</code>" "$page" ||
        problems+="${page##*/}: no redraw command for $stem;"
    done
    local figs drawn
    figs=$(grep -c '<figure>' "$page")
    drawn=$(grep -c 'drawn by <code>actbench report' "$page")
    [ "$figs" -eq "$drawn" ] || problems+="${page##*/}: $figs figures, $drawn with their commands;"
  done
  if [ -n "$problems" ]; then
    echo "  $problems" | tr ';' '\n' | sed '/^ *$/d; s/^/    /'
    return 1
  fi
  return 0
}
