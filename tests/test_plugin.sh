#!/usr/bin/env bash
# Plugins: the example plugin (examples/plugin) is loaded with --plugin and
# with ACTBENCH_PLUGINS, its kernels appear in list, speed, accuracy,
# saturation, compare and the report with their claims, and they pass;
# plugins that cannot be used get a one-line error and exit status 2.
# Environment (tests/CMakeLists.txt): ACTBENCH_EXAMPLE_PLUGIN (the built
# .so), ACTBENCH_BAD_PLUGINS (folder of tests/plugins/bad_plugin.c's
# variants), ACTBENCH_SOURCE_DIR, ACTBENCH_TEST_LAYOUT (tests/test_layout.c).
set -u
A=$1
S=$2
P=${ACTBENCH_EXAMPLE_PLUGIN:?}
BAD=${ACTBENCH_BAD_PLUGINS:?}
SRC=${ACTBENCH_SOURCE_DIR:?}
LAYOUT=${ACTBENCH_TEST_LAYOUT:?}
rm -rf "$S" && mkdir -p "$S"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { # check "what" command...: the command succeeds
  local what=$1
  shift
  if "$@"; then ok; else bad "$what"; fi
}

# ---- list: both kernels, origin plugin:example, their claims
"$A" --plugin "$P" list >"$S/list" 2>"$S/list.err" || bad "list with the plugin: $(cat "$S/list.err")"
check "list names the plugin" grep -q '^plugin example 1.0 (.*): 2 implementations' "$S/list"
check "list: the sigmoid kernel, origin and claims" \
  grep -Eq '^sigmoid\.scalar\.example-expf-div +scalar +plugin:example +3 +5 +yes' "$S/list"
check "list: the relu kernel" grep -Eq '^relu\.scalar\.example +scalar +plugin:example +0 +0 +yes' "$S/list"
check "list --impl finds plugin kernels by the short name" \
  bash -c "'$A' --plugin=$P list --activation relu --impl example | grep -q '^relu.scalar.example '"
check "ACTBENCH_PLUGINS loads it too" \
  bash -c "ACTBENCH_PLUGINS=:$P: '$A' list | grep -q '^relu.scalar.example '"
check "without the plugin it is absent" bash -c "! '$A' list | grep -q example"

# ---- any n, unaligned and in-place calls: tests/test_layout.c on the plugin too
# (in the sanitizer build, LeakSanitizer's own tracer has crashed at exit once
# after every check passed, "LeakSanitizer has encountered a fatal error": that
# failure, and only that one, is tried once more)
layout() { ACTBENCH_PLUGINS=$P "$LAYOUT" >"$S/layout" 2>&1; }
if layout || { grep -q 'LeakSanitizer has encountered a fatal error' "$S/layout" && layout; }; then
  check "test_layout checked the plugin's kernels" \
    bash -c "grep -q '^ok   sigmoid.scalar.example-expf-div$' '$S/layout' && grep -q '^ok   relu.scalar.example$' '$S/layout'"
else
  bad "test_layout with the plugin: $(grep -v '^ok' "$S/layout" | tail -5)"
fi

# ---- accuracy: the kernels meet their claims, no special-value failure
if "$A" --plugin "$P" accuracy --impl '*example*' --samples 65536 --formats binary32 \
  --out "$S/res" >"$S/acc" 2>&1; then
  check "accuracy: within claim, no special failures" python3 - "$S/res/accuracy.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
seen = {}
for a in d["activations"]:
    for m in a["implementations"]:
        seen[m["name"]] = m
        assert m["origin"] == "plugin:example", m["origin"]
        for k in ("fwd", "bwd"):
            s = m[k]
            assert s["within_claim"] and s["special_failures"] == 0, (m["name"], k, s["max_ulp"])
assert set(seen) == {"sigmoid.scalar.example-expf-div", "relu.scalar.example"}, seen.keys()
assert seen["relu.scalar.example"]["fwd"]["max_ulp"] == 0
assert d["context"]["plugins"][0]["name"] == "example"
PY
else
  bad "accuracy with the plugin: $(tail -3 "$S/acc")"
fi

# ---- saturation, speed, compare and the report see them
check "saturation with the plugin" "$A" --plugin "$P" saturation --impl '*example*' --out "$S/res" >/dev/null
check "speed with the plugin" "$A" --plugin "$P" speed --impl '*example*' --sizes 1024 \
  --min-time 0.01 --out "$S/res" >/dev/null 2>&1
check "compare shows the plugin kernel" \
  bash -c "'$A' compare sigmoid --results '$S/res' --format csv | grep -q '^sigmoid.scalar.example-expf-div,plugin:example,scalar,[0-9]'"
if "$A" report --results "$S/res" --out "$S/rep" >/dev/null 2>&1; then
  check "report names the plugin kernels" grep -q 'sigmoid.scalar.example-expf-div' "$S/rep/tables.md"
  check "report: the relu page" grep -q 'relu.scalar.example' "$S/rep/tables.md"
  check "report: the plugin a library of its own in the library table" \
    grep -q '^| activation |.* plugin:example |' "$S/rep/summary.md"
else
  bad "report on the plugin's results"
fi

# ---- plugins that cannot be used: one line, exit status 2
expect_error() { # expect_error "what" "regex of the message" args...
  local what=$1 want=$2
  shift 2
  # within 120 s: a plugin that blocks (a FIFO opened as a library) fails
  # here, not at ctest's timeout
  timeout 120 "$A" "$@" >"$S/stdout" 2>"$S/stderr" </dev/null
  local rc=$?
  if [ "$rc" -ne 2 ]; then
    bad "$what: exit status $rc, want 2$([ "$rc" = 124 ] && echo ' (did not end within 120 s)')"
  elif [ "$(wc -l <"$S/stderr")" -ne 1 ] || ! grep -Eq "^actbench: $want" "$S/stderr"; then
    bad "$what: stderr is not the one line '$want': $(cat "$S/stderr")"
  else
    ok
  fi
}
expect_error "missing file" "plugin $S/nope.so: cannot open: No such file" \
  --plugin "$S/nope.so" list
echo 'not a library' >"$S/junk.so"
expect_error "not a shared library" "plugin $S/junk.so: not an ELF shared library" \
  --plugin "$S/junk.so" list
# checked before the dynamic loader maps it: a truncated library (its segments
# beyond the end of the file) used to die with SIGBUS
head -c 1000 "$P" >"$S/cut1000.so"
expect_error "the first 1000 bytes of a plugin" "plugin $S/cut1000.so: .*beyond the end of the file" \
  --plugin "$S/cut1000.so" list
head -c 8000 "$P" >"$S/cut8000.so"
expect_error "the first 8000 bytes of a plugin" "plugin $S/cut8000.so: .*beyond the end of the file" \
  --plugin "$S/cut8000.so" list
expect_error "an executable" "plugin $A: .*" --plugin "$A" list
expect_error "a device" "plugin /dev/null: not a regular file \(a device\)" --plugin /dev/null list
expect_error "a folder" "plugin $S: not a regular file \(a folder\)" --plugin "$S" list
mkfifo "$S/fifo.so" 2>/dev/null &&
  expect_error "a FIFO, at once" "plugin $S/fifo.so: not a regular file \(a FIFO\)" \
    --plugin "$S/fifo.so" list
expect_error "no entry point" "plugin $BAD/libbad_plugin_no_entry.so: has no actbench_plugin entry point$" \
  --plugin "$BAD/libbad_plugin_no_entry.so" list
expect_error "wrong contract version" \
  "plugin $BAD/libbad_plugin_version.so: declares contract version 7, this actbench speaks 1$" \
  --plugin "$BAD/libbad_plugin_version.so" list
expect_error "entry point returns NULL" "plugin .*: actbench_plugin\(\) returned NULL" \
  --plugin "$BAD/libbad_plugin_null.so" list
expect_error "unknown activation" "plugin .*: implementation swish2.scalar.copy: unknown activation 'swish2'" \
  --plugin "$BAD/libbad_plugin_activation.so" list
expect_error "a name the registry has" "plugin .*: implementation sigmoid.scalar.naive: the name is taken" \
  --plugin "$BAD/libbad_plugin_duplicate.so" accuracy --out "$S/out"
expect_error "no forward kernel" "plugin .*: implementation relu.scalar.bad-copy: fwd is NULL" \
  --plugin "$BAD/libbad_plugin_null_fwd.so" speed --out "$S/out"
expect_error "a claim below 0" \
  "plugin .*: implementation relu.scalar.bad-copy: claimed bounds must be numbers >= 0, or NAN for none" \
  --plugin "$BAD/libbad_plugin_neg_claim.so" list
expect_error "loaded twice" "plugin .*: already loaded" --plugin "$P" --plugin "$P" list

# ---- a plugin may claim nothing (NAN): listed as none, its verdict "no claim"
NANP=$BAD/libbad_plugin_nan_claim.so
check "NAN claims: listed as none" \
  bash -c "'$A' --plugin '$NANP' list --impl 'relu.scalar.bad-copy' | grep -Eq '^relu\.scalar\.bad-copy +scalar +plugin:bad +none +none +yes'"
if "$A" --plugin "$NANP" accuracy --impl 'relu.scalar.bad-copy' --samples 4096 --formats binary32 \
  --out "$S/nan" >"$S/nan.out" 2>&1; then
  check "NAN claims: claim null, verdict none, no claim" python3 - "$S/nan/accuracy.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["activations"][0]["implementations"][0]
assert m["claimed"] == {"fwd_ulp": None, "bwd_ulp": None}, m["claimed"]
f = m["fwd"]
assert f["claim"] == {"bound": None, "source": "plugin", "reference": f["claim"]["reference"]}, f["claim"]
assert f["verdict"]["status"] == "none" and f["verdict"]["text"] == "no claim", f["verdict"]
assert m["bwd"] is None
PY
  check "NAN claims: the terminal says no claim" grep -q 'relu.scalar.bad-copy .* no claim$' "$S/nan.out"
else
  bad "accuracy with NAN claims: $(tail -3 "$S/nan.out")"
fi
expect_error "--plugin without a path" "--plugin needs the path" --plugin
ACTBENCH_PLUGINS=$S/nope.so expect_error "bad plugin from ACTBENCH_PLUGINS" "plugin $S/nope.so: cannot open" list
[ -e "$S/out/accuracy.json" ] && bad "a refused plugin left results behind"

# ---- make bench PLUGINS=... passes --plugin to every actbench command
if make -n -C "$SRC" --no-print-directory speed accuracy saturation report \
  PLUGINS="a.so:b.so" BUILD=/nonexistent >"$S/make" 2>&1; then
  n=$(grep -c -- 'actbench --plugin a.so --plugin b.so ' "$S/make")
  [ "$n" -eq 4 ] && ok || bad "make PLUGINS: $n of 4 commands get --plugin: $(cat "$S/make")"
else
  bad "make -n with PLUGINS: $(cat "$S/make")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
