#!/usr/bin/env python3
"""The data behind the report's figures against the results files they come
from (tests/test_report_fixture.sh, tests/test_report.sh):

- ULP against x (data/<act>_ulp_<dir>.dat): per implementation, every bin's
  value is the file's ulp_vs_x, and the largest value over the plotted range
  equals the accuracy file's largest over that range; the drawn value is the
  file's (or the floor, or left out in a tail);
- the Pareto chart (data/<act>_pareto.dat): each point's max ULP is the core's
  max (or the max over all inputs in files without a core) and its G items/s
  the speed file's median at the ranking size;
- the saturation points (data/<act>_satpoints.dat): each implementation's x
  where f' becomes 0 is saturation.json's grad_zero;
- the error per binade (data/<act>_binades_<dir>.dat): the file's by_binade.
usage: report_data_check.py REPORT_DIR RESULTS_DIR
- bfloat16 and binary16: the narrow formats' results in accuracy.json are
  rounded (a float kernel within 1 ulp is exact or off by >= 0.05 ulp of the
  format once rounded) and tables.md's max ULP cells are the file's.
Prints a line per problem, then "checked N figures' data: K problems"; exit
status 1 when there is one."""
import json
import math
import os
import re
import sys

rep, res = sys.argv[1], sys.argv[2]
problems = []
checked = 0


def load(name):
    p = os.path.join(res, name)
    return json.load(open(p)) if os.path.exists(p) else None


def num(v):
    if v is None:
        return math.nan
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(v)
    except ValueError:
        return math.nan


def blocks(path):
    """The data file's blocks: (comment lines, rows of fields)."""
    out, cur, com = [], [], []
    for line in open(path):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                out.append((com, cur))
                cur, com = [], []
            continue
        if line.startswith("#"):
            if cur:
                out.append((com, cur))
                cur, com = [], []
            com.append(line[1:].strip())
            continue
        cur.append(line.split())
    if cur:
        out.append((com, cur))
    return out


def close(a, b, rel=1e-6):
    if math.isnan(a) and math.isnan(b):
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


acc, spd, sat = load("accuracy.json"), load("speed.json"), load("saturation.json")
stems = {}
for f in os.listdir(os.path.join(rep, "data")):
    stems[f] = os.path.join(rep, "data", f)

# ---- ULP against x
for a in (acc or {}).get("activations", []):
    act = a["activation"]
    g = a["grid"]
    lo, hi, bins = float(g["lo"]), float(g["hi"]), int(g["bins"])
    width = (hi - lo) / bins if bins else 0
    for d in ("fwd", "bwd"):
        path = stems.get(f"{act}_ulp_{d}.dat")
        if not path:
            continue
        checked += 1
        head = open(path).read()
        m = re.search(r"drawn: x in \[([^,]+), ([^\]]+)\]", head)
        xlo, xhi = (float(m.group(1)), float(m.group(2))) if m else (lo, hi)
        impls = {i["name"]: i for i in a["implementations"]}
        for com, rows in blocks(path):
            name = com[-1] if com else None
            if name not in impls:
                continue
            st = impls[name].get(d)
            if not isinstance(st, dict):
                problems.append(f"{path}: {name} has no {d} in the accuracy file")
                continue
            want = [num(v) for v in st["ulp_vs_x"]]
            if len(rows) != bins + 1:
                problems.append(f"{path}: {name}: {len(rows)} rows for {bins} bins")
                continue
            got_max, want_max = -1.0, -1.0
            for k in range(bins):
                x = float(rows[k][0])
                v = num(rows[k][1]) if rows[k][1] != "?" else math.nan
                if not close(v, want[k]):
                    problems.append(f"{path}: {name}: bin {k} (x = {x}): {v}, the file says {want[k]}")
                    break
                drawn = rows[k][2]
                if drawn != "?" and not math.isnan(want[k]) and not close(float(drawn), max(want[k], 1e-2)):
                    problems.append(f"{path}: {name}: bin {k}: drawn {drawn}, the file says {want[k]}")
                    break
                if x + width > xlo and x < xhi:
                    if not math.isnan(v):
                        got_max = max(got_max, v)
                    if not math.isnan(want[k]):
                        want_max = max(want_max, want[k])
            if not close(got_max, want_max):
                problems.append(f"{path}: {name}: max over [{xlo}, {xhi}] {got_max}, the file {want_max}")

# ---- the Pareto charts
def median_at(name, direction, n):
    for m in (spd or {}).get("measurements", []):
        if m["impl"] == name and m["direction"] == direction and m["n"] == n and m.get("threads", 1) == 1:
            return m["items_per_second"]["median"]
    vals = [b["items_per_second"] for b in (spd or {}).get("benchmarks", [])
            if b.get("impl") == name and b.get("direction") == direction and b.get("n") == n
            and b.get("run_type", "iteration") == "iteration" and b.get("threads", 1) == 1]
    if vals:
        return sum(vals) / len(vals)
    return math.nan


for a in (acc or {}).get("activations", []):
    act = a["activation"]
    path = stems.get(f"{act}_pareto.dat")
    if not path:
        continue
    checked += 1
    m = re.search(r"throughput at n = (\d+)", open(path).read())
    n = int(m.group(1))
    impls = {i["name"]: i for i in a["implementations"]}
    for com, rows in blocks(path):
        if not com:
            continue
        mm = re.match(r"(fwd|bwd) (\S+)$", com[-1])
        if not mm or mm.group(2) not in impls or len(rows) != 1:
            continue
        d, name = mm.group(1), mm.group(2)
        st = impls[name][d]
        core = st.get("core")
        want = num(core["max_ulp"]) if isinstance(core, dict) and core.get("max_ulp") is not None else num(st["max_ulp"])
        got = float(rows[0][1])
        if not close(got, want):
            problems.append(f"{path}: {name} {d}: max ULP {got}, the accuracy file's core {want}")
        ips = median_at(name, d, n)
        if not close(float(rows[0][2]) * 1e9, ips, 1e-6):
            problems.append(f"{path}: {name} {d}: {rows[0][2]} G/s, the speed file's {ips / 1e9}")

# ---- the saturation points
for a in (sat or {}).get("activations", []):
    act = a["activation"]
    path = stems.get(f"{act}_satpoints.dat")
    if not path:
        continue
    checked += 1
    bl = blocks(path)
    avail = [i for i in a["implementations"] if i.get("available", True)]
    for side, blk in (("neg", 0), ("pos", 1)):
        rows = bl[blk][1]
        if len(rows) != len(avail) + 1:
            problems.append(f"{path}: {len(rows)} rows for {len(avail)} implementations")
            continue
        exact = num(a["exact_zero"][side])
        if rows[0][1] != "?" and not close(float(rows[0][1]), abs(exact)):
            problems.append(f"{path}: exact f'=0 ({side}) {rows[0][1]}, the file {exact}")
        for i, im in enumerate(avail):
            want = num((im.get("grad_zero") or {}).get(side))
            got = math.nan if rows[i + 1][1] == "?" else float(rows[i + 1][1])
            if not close(got, abs(want)):
                problems.append(f"{path}: {im['name']} f'=0 ({side}) {got}, the file {want}")

# ---- the binades
for a in (acc or {}).get("activations", []):
    act = a["activation"]
    for d in ("fwd", "bwd"):
        path = stems.get(f"{act}_binades_{d}.dat")
        if not path:
            continue
        checked += 1
        impls = {i["name"]: i for i in a["implementations"]}
        for com, rows in blocks(path):
            name = com[-1] if com else None
            if name not in impls:
                continue
            want = [num(b["max_ulp"]) for b in impls[name][d]["by_binade"]]
            got = [math.nan if r[3] == "?" else float(r[3]) for r in rows]
            if len(got) != len(want) or not all(close(x, y) for x, y in zip(got, want)):
                problems.append(f"{path}: {name}: the binades differ from the file's")

# ---- bfloat16 and binary16 (the narrow formats' tables of tables.md)
def fmt4(v):
    """the report's "%.4g" of a ULP error"""
    if math.isnan(v):
        return "—"
    if math.isinf(v):
        return "inf"
    return "%.4g" % v


tables = os.path.join(rep, "tables.md")
tables_text = open(tables).read() if os.path.exists(tables) else ""
for a in (acc or {}).get("activations", []):
    act = a["activation"]
    narrow = {n["format"]: n for n in a.get("narrow") or []}
    if not narrow:
        continue
    f32 = {i["name"]: i for i in a["implementations"]}
    # the values are rounded to the format: a kernel within 1 ulp in float,
    # its results rounded, is exact or off by up to half an ulp of the format
    # (at least a tenth of one wherever it is not exact: 0.16 for leaky_relu's
    # slope in bfloat16); results left in float (unrounded) are off by a few
    # 2^-16 ulps of the format at most
    for fmt, n in narrow.items():
        for im in n["implementations"]:
            base = f32.get(im["name"])
            if not base or im.get("native"):
                continue
            for d in ("fwd", "bwd"):
                if not isinstance(base.get(d), dict) or not isinstance(im.get(d), dict):
                    continue
                if not num(base[d]["max_ulp"]) <= 1:
                    continue
                mx = num(im[d]["max_ulp"])
                checked += 1
                if 0 < mx < 0.05:
                    problems.append(f"accuracy.json: {act} {fmt} {im['name']} {d}: max ULP {mx}: "
                                    f"the results look unrounded (a rounded one is 0 or >= 0.05)")
    # the table's max ULP cells are the file's
    # the activation's section of tables.md ("## <act>"), its narrow table
    h = re.search(r"^## %s$" % re.escape(act), tables_text, re.M)
    if not h:
        continue
    end = tables_text.find("\n## ", h.end())
    section = tables_text[h.end():end if end >= 0 else len(tables_text)]
    m = re.search(r"^\| implementation \| bfloat16 f max ULP.*$", section, re.M)
    if not m:
        problems.append(f"{tables}: {act}: no table of bfloat16 and binary16")
        continue
    tables_text_act, start = section, m.end()
    checked += 1
    rows, ncells = {}, 0
    for line in tables_text_act[start:].split("\n")[2:]:
        if not line.startswith("| "):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0].split(" (")[0]] = cells
    for k, fmt in enumerate(("bfloat16", "binary16")):
        for im in (narrow.get(fmt) or {}).get("implementations", []):
            cells = rows.get(im["name"])
            if not cells:
                continue
            for d, col in (("fwd", 1 + 4 * k), ("bwd", 3 + 4 * k)):
                st = im.get(d)
                want = fmt4(num(st["max_ulp"])) if isinstance(st, dict) else "—"
                got = cells[col].split(" (")[0]
                ncells += 1
                if got != want:
                    problems.append(f"{tables}: {act} {fmt} {im['name']} {d} max ULP {got}, "
                                    f"the file's {want}")
    if not ncells:
        problems.append(f"{tables}: {act}: the narrow table lists none of the file's implementations")

for p in problems:
    print(p)
print(f"checked {checked} figures' data: {len(problems)} problems")
sys.exit(1 if problems or not checked else 0)
