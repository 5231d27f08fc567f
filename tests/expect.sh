# Sourced by tests/test_badinput.sh and tests/test_readers.sh (which define A,
# the actbench binary; S, the scratch folder; ok and bad):
# expect WHAT RC REGEX -- ARGS...: actbench ARGS ends within 120 s with exit
# status RC, stderr one line "actbench: ..." matching the extended regular
# expression REGEX, nothing on stdout (nothing ran), and no folder $S/out made
expect() {
  local what=$1 rc=$2 re=$3
  shift 4
  rm -rf "$S/out"
  timeout 120 "$A" "$@" >"$S/stdout" 2>"$S/stderr" </dev/null
  local got=$?
  if [ "$got" -ne "$rc" ]; then
    bad "$what: exit status $got, want $rc ($*): $(head -c 300 "$S/stderr")"
  elif [ "$(wc -l <"$S/stderr")" -ne 1 ] || ! grep -Eq "^actbench: .*$re" "$S/stderr"; then
    bad "$what: stderr is not one line matching /$re/: $(head -c 600 "$S/stderr")"
  elif [ -s "$S/stdout" ]; then
    bad "$what: something ran (stdout: $(head -c 200 "$S/stdout"))"
  elif [ -e "$S/out" ]; then
    bad "$what: left a folder behind: $(ls -A "$S/out")"
  else
    ok "$what"
  fi
}
