#!/usr/bin/env python3
"""The layers point one way (issue 15; README, "Layout").

Bottom first: the utilities (src/util, arena, table, spread, mannwhitney),
the kernel contract (impls/activation.h, impls/cpu.*), the base numerics
(activations/, numerics/), the kernels and the registry (impls/,
src/plugin.*), the suites (suites/, with src/select.* and src/context.c
that they share), the results readers (src/results.*), the report
(reports/), and the commands on top (src/cli.*, main.c, compare.*, diff.c).
A file may include headers of its own layer or of a lower one; a suite
only its own folder's headers among the suites'.  Every #include "..." of
every C and C++ file in those folders is resolved to the file it names (the
including file's folder first, then the one file of that name in the
layered folders) and checked.  EXCEPTIONS lists what is known and not yet
moved, each with the reason; an exception that no longer occurs fails too,
so that the list stays true.  Exit status 1 on any violation.
usage: test_layers.py [SOURCE_DIR]"""
import fnmatch
import os
import re
import sys

LAYERS = [
    ("util", ["src/util.[ch]", "src/arena.[ch]", "src/table.[ch]", "src/spread.[ch]",
              "src/mannwhitney.[ch]"]),
    ("contract", ["impls/activation.h", "impls/cpu.[ch]"]),
    ("numerics", ["activations/*", "numerics/*"]),
    ("kernels", ["impls/*", "src/plugin.[ch]"]),
    ("suites", ["suites/*", "src/select.[ch]", "src/context.c"]),
    ("results", ["src/results.[ch]"]),
    ("reports", ["reports/*"]),
    ("command", ["src/cli.[ch]", "src/main.c", "src/compare.[ch]", "src/diff.c"]),
]
FOLDERS = ["activations", "numerics", "impls", "suites", "src", "reports"]
EXCEPTIONS = {}  # (file, header): why, for what is known and not yet moved


def layer_of(path):
    for k, (_, globs) in enumerate(LAYERS):
        if any(fnmatch.fnmatch(path, g) for g in globs):
            return k
    return None


def suite_of(path):
    parts = path.split("/")
    return parts[1] if parts[0] == "suites" and len(parts) > 2 else None


def main():
    top = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                          os.path.join(os.path.dirname(__file__), ".."))
    files = []
    for d in FOLDERS:
        for root, _, names in os.walk(os.path.join(top, d)):
            for n in names:
                if n.endswith((".c", ".h", ".cc")):
                    files.append(os.path.relpath(os.path.join(root, n), top))
    by_name = {}
    for f in files:
        by_name.setdefault(os.path.basename(f), []).append(f)
    problems, seen, checked = [], set(), 0
    for f in sorted(files):
        lf = layer_of(f)
        if lf is None:
            problems.append(f"{f}: in no layer (add it to LAYERS in tests/test_layers.py)")
            continue
        text = open(os.path.join(top, f), encoding="utf-8", errors="replace").read()
        for m in re.finditer(r'^\s*#\s*include\s+"([^"]+)"', text, re.M):
            inc = m.group(1)
            local = os.path.normpath(os.path.join(os.path.dirname(f), inc))
            if local in files:
                target = local
            elif len(by_name.get(os.path.basename(inc), [])) == 1:
                target = by_name[os.path.basename(inc)][0]
            elif os.path.basename(inc) in by_name:
                problems.append(f"{f}: \"{inc}\" names {len(by_name[os.path.basename(inc)])} "
                                "files: ambiguous")
                continue
            else:
                continue  # generated (plugin headers) or outside the layered folders
            checked += 1
            lt = layer_of(target)
            if lt is None:
                continue
            bad = None
            if lt > lf:
                bad = f"{LAYERS[lf][0]} includes {LAYERS[lt][0]}, a layer above it"
            elif suite_of(f) and suite_of(target) and suite_of(f) != suite_of(target):
                bad = "a suite includes another suite's header"
            if not bad:
                continue
            if (f, target) in EXCEPTIONS:
                seen.add((f, target))
                print(f"known: {f} -> {target}: {EXCEPTIONS[(f, target)]}")
                continue
            problems.append(f"{f}: #include \"{inc}\" ({target}): {bad}")
    for e in EXCEPTIONS:
        if e not in seen:
            problems.append(f"exception {e[0]} -> {e[1]} no longer occurs: remove it from "
                            "EXCEPTIONS")
    for p in problems:
        print("FAIL:", p)
    print(f"test_layers: {len(files)} files, {checked} includes checked, "
          f"{len(problems)} problems, {len(seen)} known exceptions")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
