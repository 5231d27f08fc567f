#!/usr/bin/env python3
"""The layers point one way (issue 15; README, "Layout").

Bottom first: the utilities (util/), the kernel contract
(include/actbench/activation.h, contract/: the CPU probe), the base numerics
(activations/, numerics/), the kernels, the registry and the plugin loader
(impls/), the suites (suites/, with suites/common/ that they share), the
results readers (results/), the report (reports/), and the commands on top
(commands/).  A file may include headers of its own layer or of a lower one; a
suite only its own folder's headers among the suites' (and suites/common/'s).
Every #include "..." (and #include <actbench/...>) of every C and C++ file in
those folders is resolved to the file it names (the including file's folder
first, then the one file of that name in the layered folders) and checked.
The contract is included by one path only, actbench/activation.h (in the
tree "actbench/activation.h", in a plugin <actbench/activation.h>), here and
in tests/, fuzz/ and examples/.  EXCEPTIONS lists what is known and not yet
moved, each with the reason; an exception that no longer occurs fails too, so
that the list stays true.

The build follows the layers (CMakeLists.txt, tests/, fuzz/): every
target_include_directories() of a layered folder names a target of TARGETS,
and the folder is of that target's layer or a lower one (a suite's target
sees no other suite's folder); no target_link_libraries() links a target of
TARGETS to one of a higher layer; no include_directories() names a layered
folder (it would give it to every target).  Exit status 1 on any violation.
usage: test_layers.py [SOURCE_DIR]"""
import fnmatch
import os
import re
import sys

LAYERS = [
    ("util", ["util/*"]),
    ("contract", ["include/actbench/*", "contract/*"]),
    ("numerics", ["activations/*", "numerics/*"]),
    ("kernels", ["impls/*"]),
    ("suites", ["suites/*"]),
    ("results", ["results/*"]),
    ("reports", ["reports/*"]),
    ("command", ["commands/*"]),
]
FOLDERS = ["util", "include", "contract", "activations", "numerics", "impls", "suites", "results",
           "reports", "commands"]
SHARED_SUITE = "common"  # suites/common/: what every suite may include
CONTRACT = "actbench/activation.h"  # the one path of the contract (include/ in the tree)
OTHER_FOLDERS = ["tests", "fuzz", "examples"]  # checked for the contract's spelling only
EXCEPTIONS = {}  # (file, header): why, for what is known and not yet moved

# the build's targets (CMake names, ${VAR} of a foreach() expanded), each with
# its layer and, for a suite's own library, its suite
TARGETS = {
    "act_util": "util",
    "actbench_plugin": "contract",
    "act_contract": "contract",
    "act_screen_fma": "numerics",
    "act_numerics": "numerics",
    "act_autovec_avx2": "kernels",
    "act_autovec_avx512": "kernels",
    "act_stable_fma": "kernels",
    "act_highway_avx2": "kernels",
    "act_highway_avx512": "kernels",
    "act_eigen_avx2": "kernels",
    "act_eigen_avx512": "kernels",
    "actbench_pytorch": "kernels",
    "act_impls": "kernels",
    "act_suite_common": "suites",
    "act_accuracy": "suites",
    "act_speed": "suites",
    "act_saturation": "suites",
    "act_zerocenter": "suites",
    "act_results": "results",
    "act_report": "reports",
    "act_commands": "command",
    "actbench": "command",
}
TARGET_SUITE = {"act_accuracy": "accuracy", "act_speed": "speed", "act_saturation": "saturation",
                "act_zerocenter": "zerocenter"}
CMAKE_FILES = ["CMakeLists.txt", "tests/CMakeLists.txt", "fuzz/CMakeLists.txt"]
LAYER_INDEX = {name: k for k, (name, _) in enumerate(LAYERS)}


def layer_of(path):
    for k, (_, globs) in enumerate(LAYERS):
        if any(fnmatch.fnmatch(path, g) for g in globs):
            return k
    return None


def suite_of(path):
    parts = path.split("/")
    if parts[0] == "suites" and len(parts) > 2 and parts[1] != SHARED_SUITE:
        return parts[1]
    return None


def folder_layer(d):
    """The layer of a folder of the tree (an include directory), or None."""
    for k, (_, globs) in enumerate(LAYERS):
        if any(fnmatch.fnmatch(d + "/x", g) or g.startswith(d + "/") for g in globs):
            return k
    return None


def cmake_calls(text):
    """(command, [arguments]) of a CMake file, in order, with comments gone and
    the ${VAR} of an enclosing foreach() over literal items (or over a set()
    variable) expanded: one call per combination."""
    text = re.sub(r"#[^\n]*", "", text)
    variables, loops, out = {}, [], []
    for m in re.finditer(r"\b([A-Za-z_]\w*)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", text):
        cmd, args = m.group(1).lower(), m.group(2).split()
        if cmd == "set" and args:
            variables[args[0]] = args[1:]
        elif cmd == "foreach" and args:
            items = []
            for a in args[1:]:
                v = re.fullmatch(r"\$\{(\w+)\}", a)
                items += variables.get(v.group(1), []) if v else [a]
            loops.append((args[0], items))
        elif cmd == "endforeach":
            if loops:
                loops.pop()
        else:
            combos = [args]
            for var, items in loops:
                ref = "${" + var + "}"
                combos = [[a.replace(ref, it) for a in c] for c in combos for it in items] \
                    if any(ref in a for c in combos for a in c) else combos
            out += [(cmd, c) for c in combos]
    return out


def check_cmake(top):
    """The include folders and the links of the build against the layers."""
    problems, dirs, links = [], 0, 0
    for cf in CMAKE_FILES:
        path = os.path.join(top, cf)
        if not os.path.exists(path):
            continue
        base = os.path.dirname(cf)
        for cmd, args in cmake_calls(open(path, encoding="utf-8").read()):
            if cmd in ("target_include_directories", "include_directories"):
                target = args[0] if cmd == "target_include_directories" else None
                for d in (args[1:] if target else args):
                    if d in ("PUBLIC", "PRIVATE", "INTERFACE", "SYSTEM", "BEFORE", "AFTER"):
                        continue
                    for prefix in ("${CMAKE_CURRENT_SOURCE_DIR}/", "${PROJECT_SOURCE_DIR}/",
                                   "${CMAKE_SOURCE_DIR}/"):
                        if d.startswith(prefix):
                            d = (base + "/" if prefix.startswith("${CMAKE_CURRENT") and base
                                 else "") + d[len(prefix):]
                    if "$" in d or d.startswith("/"):
                        continue  # generated, or outside the tree
                    d = os.path.normpath(os.path.join(base, d)) if base else os.path.normpath(d)
                    ld = folder_layer(d)
                    if ld is None:
                        continue
                    dirs += 1
                    where = f"{cf}: {cmd}({target or ''} ... {d})"
                    if target is None:
                        problems.append(f"{where}: a layered folder for every target")
                    elif target not in TARGETS:
                        problems.append(f"{where}: target in no layer (add it to TARGETS in "
                                        "tests/test_layers.py)")
                    elif ld > LAYER_INDEX[TARGETS[target]]:
                        problems.append(f"{where}: {TARGETS[target]} target sees "
                                        f"{LAYERS[ld][0]}, a layer above it")
                    elif suite_of(d + "/x") and suite_of(d + "/x") != TARGET_SUITE.get(target):
                        problems.append(f"{where}: sees a suite's folder not its own")
            elif cmd == "target_link_libraries" and args and args[0] in TARGETS:
                t = args[0]
                for u in args[1:]:
                    if u not in TARGETS:
                        continue
                    links += 1
                    lt, lu = LAYER_INDEX[TARGETS[t]], LAYER_INDEX[TARGETS[u]]
                    if lu > lt:
                        problems.append(f"{cf}: target_link_libraries({t} ... {u}): "
                                        f"{TARGETS[t]} links {TARGETS[u]}, a layer above it")
                    elif TARGET_SUITE.get(u) and TARGET_SUITE.get(u) != TARGET_SUITE.get(t) \
                            and lt == lu:
                        problems.append(f"{cf}: target_link_libraries({t} ... {u}): "
                                        "a suite links another suite")
    return problems, dirs, links


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
        for m in re.finditer(r'^\s*#\s*include\s+(?:"([^"]+)"|<(actbench/[^>]+)>)', text, re.M):
            inc = m.group(1) or m.group(2)
            local = os.path.normpath(os.path.join(os.path.dirname(f), inc))
            if m.group(2):
                if "include/" + inc not in files:
                    continue  # not ours
                target = "include/" + inc
            elif local in files:
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
    # the contract by one path, as a plugin includes it
    others = []
    for d in OTHER_FOLDERS:
        for root, _, names in os.walk(os.path.join(top, d)):
            others += [os.path.relpath(os.path.join(root, n), top) for n in names
                       if n.endswith((".c", ".h", ".cc"))]
    for f in sorted(files) + sorted(others):
        text = open(os.path.join(top, f), encoding="utf-8", errors="replace").read()
        for m in re.finditer(r'^\s*#\s*include\s+([<"])([^">]+)[">]', text, re.M):
            if os.path.basename(m.group(2)) == os.path.basename(CONTRACT) and \
                    m.group(2) != CONTRACT:
                close = ">" if m.group(1) == "<" else '"'
                problems.append(f"{f}: #include {m.group(1)}{m.group(2)}{close}: the contract's "
                                f"one path is {CONTRACT}")
    cmake_problems, dirs, links = check_cmake(top)
    problems += cmake_problems
    for e in EXCEPTIONS:
        if e not in seen:
            problems.append(f"exception {e[0]} -> {e[1]} no longer occurs: remove it from "
                            "EXCEPTIONS")
    for p in problems:
        print("FAIL:", p)
    print(f"test_layers: {len(files)} files, {checked} includes checked, "
          f"{dirs} include folders and {links} links of the build checked, "
          f"{len(problems)} problems, {len(seen)} known exceptions")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
