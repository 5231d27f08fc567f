#!/usr/bin/env bash
# make install into a temporary DESTDIR: the program, the contract, the CMake
# package and the pkg-config file are where the README says; the example
# plugin builds against the installed files alone, with CMake's
# find_package(actbench) and with pkg-config, and the installed actbench
# loads both builds.  Environment (tests/CMakeLists.txt): ACTBENCH_SOURCE_DIR,
# ACTBENCH_BUILD_DIR.
set -u
S=$2
SRC=${ACTBENCH_SOURCE_DIR:?}
BUILD=${ACTBENCH_BUILD_DIR:?}
rm -rf "$S" && mkdir -p "$S"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

ROOT=$S/root
PFX=/opt/actbench-test
I=$ROOT$PFX
if ! make -C "$SRC" --no-print-directory install BUILD="$BUILD" PREFIX="$PFX" DESTDIR="$ROOT" \
  >"$S/install.log" 2>&1; then
  bad "make install: $(tail -5 "$S/install.log")"
  echo "$pass passed, $fail failed"
  exit 1
fi
for f in bin/actbench include/actbench/activation.h lib/cmake/actbench/actbenchConfig.cmake \
  lib/cmake/actbench/actbenchConfigVersion.cmake lib/pkgconfig/actbench.pc \
  share/actbench/examples/plugin/example_plugin.c share/actbench/examples/plugin/CMakeLists.txt \
  share/actbench/examples/plugin/Makefile; do
  [ -f "$I/$f" ] && ok || bad "not installed: $PFX/$f"
done
[ -x "$I/bin/actbench" ] && ok || bad "bin/actbench is not executable"
cmp -s "$SRC/include/actbench/activation.h" "$I/include/actbench/activation.h" && ok || bad "installed header differs"
[ -e "$PFX" ] && bad "DESTDIR not respected: $PFX exists"

# pkg-config
export PKG_CONFIG_PATH=$I/lib/pkgconfig
[ "$(pkg-config --modversion actbench)" = "$("$I/bin/actbench" --version | awk '{print $2}')" ] &&
  ok || bad "pkg-config --modversion"
[ "$(pkg-config --variable=contract_version actbench)" = 1 ] && ok || bad "contract_version"
pkg-config --cflags actbench | grep -q -- "-I$I/lib/pkgconfig/../../include" && ok ||
  bad "pkg-config --cflags: $(pkg-config --cflags actbench)"

# the example against the installed files: CMake
EX=$I/share/actbench/examples/plugin
if cmake -S "$EX" -B "$S/cmake-build" -DCMAKE_PREFIX_PATH="$I" -DCMAKE_BUILD_TYPE=Release \
  >"$S/cmake.log" 2>&1 && cmake --build "$S/cmake-build" >>"$S/cmake.log" 2>&1 &&
  [ -f "$S/cmake-build/libexample_plugin.so" ]; then
  ok
else
  bad "example plugin with find_package(actbench): $(tail -5 "$S/cmake.log")"
fi
# a version it cannot satisfy is refused
mkdir -p "$S/v99"
printf 'cmake_minimum_required(VERSION 3.18)\nproject(v LANGUAGES NONE)\nfind_package(actbench 99 REQUIRED)\n' \
  >"$S/v99/CMakeLists.txt"
cmake -S "$S/v99" -B "$S/v99/b" -DCMAKE_PREFIX_PATH="$I" >/dev/null 2>&1 && bad "find_package(actbench 99) succeeded" || ok

# the example against the installed files: pkg-config and its Makefile
cp -r "$EX" "$S/pc"
if make -C "$S/pc" >"$S/pc.log" 2>&1 && [ -f "$S/pc/libexample_plugin.so" ]; then
  ok
else
  bad "example plugin with pkg-config: $(tail -5 "$S/pc.log")"
fi
nm -D --defined-only "$S/pc/libexample_plugin.so" 2>/dev/null | grep -q ' actbench_plugin$' && ok ||
  bad "the pkg-config build does not export actbench_plugin"

# the installed actbench loads both
for so in "$S/cmake-build/libexample_plugin.so" "$S/pc/libexample_plugin.so"; do
  if "$I/bin/actbench" --plugin "$so" list --impl '*example*' >"$S/list" 2>&1 &&
    grep -q '^sigmoid.scalar.example-expf-div .*plugin:example' "$S/list" &&
    grep -q '^relu.scalar.example .*plugin:example' "$S/list"; then
    ok
  else
    bad "installed actbench with $so: $(cat "$S/list")"
  fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
