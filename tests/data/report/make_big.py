#!/usr/bin/env python3
"""A results folder with many implementations, from a small one: every
sigmoid implementation of SRC copied K times under new names (a suffix -cN;
the copies' errors and throughputs scaled a little so that they differ), in
accuracy.json, saturation.json and speed.json; the other files as they are.
For tests/test_browser.sh: long tables, a tall page.
usage: make_big.py SRC DST K"""
import copy
import json
import os
import shutil
import sys

src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst, exist_ok=True)


def renamed(name, c):
    return f"{name}-c{c}"


def scale_stats(st, f):
    for key in ("max_ulp", "mean_ulp"):
        if isinstance(st.get(key), (int, float)):
            st[key] = st[key] * f
    core = st.get("core")
    if isinstance(core, dict) and isinstance(core.get("max_ulp"), (int, float)):
        core["max_ulp"] *= f


acc = json.load(open(os.path.join(src, "accuracy.json")))
for a in acc["activations"]:
    if a["activation"] != "sigmoid":
        continue
    base = list(a["implementations"])
    for c in range(1, k + 1):
        for im in base:
            n = copy.deepcopy(im)
            n["name"] = renamed(im["name"], c)
            for d in ("fwd", "bwd"):
                if isinstance(n.get(d), dict):
                    scale_stats(n[d], 1 + 0.07 * c)
            a["implementations"].append(n)
    for nw in a.get("narrow", []):
        base = list(nw["implementations"])
        for c in range(1, k + 1):
            for im in base:
                n = copy.deepcopy(im)
                n["name"] = renamed(im["name"], c)
                nw["implementations"].append(n)
json.dump(acc, open(os.path.join(dst, "accuracy.json"), "w"))

sat = json.load(open(os.path.join(src, "saturation.json")))
for a in sat["activations"]:
    if a["activation"] != "sigmoid":
        continue
    base = list(a["implementations"])
    for c in range(1, k + 1):
        for im in base:
            n = copy.deepcopy(im)
            n["name"] = renamed(im["name"], c)
            a["implementations"].append(n)
json.dump(sat, open(os.path.join(dst, "saturation.json"), "w"))

spd = json.load(open(os.path.join(src, "speed.json")))
base = [im for im in spd["actbench"]["implementations"] if im.get("activation") == "sigmoid"]
for c in range(1, k + 1):
    for im in base:
        n = copy.deepcopy(im)
        n["name"] = renamed(im["name"], c)
        spd["actbench"]["implementations"].append(n)
bm = [b for b in spd["benchmarks"] if b.get("activation") == "sigmoid"]
for c in range(1, k + 1):
    for b in bm:
        n = copy.deepcopy(b)
        n["impl"] = renamed(b["impl"], c)
        for key in ("name", "run_name"):
            if key in n:
                n[key] = n[key].replace(b["impl"], n["impl"], 1)
        for key in ("items_per_second", "bytes_per_second"):
            if isinstance(n.get(key), (int, float)):
                n[key] *= 1 + 0.05 * c
        spd["benchmarks"].append(n)
json.dump(spd, open(os.path.join(dst, "speed.json"), "w"))

for f in ("zerocenter.json",):
    if os.path.exists(os.path.join(src, f)):
        shutil.copy(os.path.join(src, f), os.path.join(dst, f))
