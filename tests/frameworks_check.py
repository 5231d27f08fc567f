#!/usr/bin/env python3
"""The report's "What the frameworks run" sections against the results files.

usage: frameworks_check.py REPORT_DIR RESULTS_DIR

For every activation whose accuracy.json lists implementations of a framework
(origin pytorch or tensorflow), its page must have the section, a row per
such implementation and direction measured, the implementation's core max ULP
as accuracy.json gives it, and beside it our fastest kernel (origin actbench)
at least as accurate at the ranking size with the ratio of the two medians of
speed.json.  Prints what it checked; exits 1 on the first disagreement, 0
otherwise (also when no framework peer was built in: nothing to check)."""
import html
import json
import math
import re
import sys

FRAMEWORKS = ("pytorch", "tensorflow")
BOUNDS = (0.5, 1, 2, 4, math.inf)


def fail(msg):
    print("frameworks_check: " + msg)
    sys.exit(1)


def text(cell):
    return html.unescape(re.sub(r"<[^>]+>", " ", cell)).split()


def main():
    rep, res = sys.argv[1], sys.argv[2]
    acc = json.load(open(res + "/accuracy.json"))
    spd = json.load(open(res + "/speed.json"))
    # the ranking size: the report's default, L1 where measured, else the smallest
    sizes = spd["actbench"]["sizes"]
    l1 = [z["n"] for z in sizes if z.get("class") == "L1"]
    rank_n = l1[0] if l1 else min(z["n"] for z in sizes)
    ips = {}
    for m in spd.get("measurements", []):
        if m["n"] == rank_n and m.get("threads", 1) == 1:
            ips[(m["impl"], m["direction"])] = m["items_per_second"]["median"]
    checked = 0
    for a in acc["activations"]:
        impls = a["implementations"]
        fw = [i for i in impls if i.get("origin") in FRAMEWORKS and i.get("available")]
        if not fw:
            continue
        page = open("%s/%s.html" % (rep, a["activation"])).read()
        m = re.search(r'<table[^>]*id="frameworks-table".*?</table>', page, re.S)
        if not m:
            fail("%s.html: no frameworks table" % a["activation"])
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", m.group(0), re.S)[1:]
        got = {}
        for r in rows:
            cells = re.findall(r"(<td[^>]*>.*?)</td>", r, re.S)
            # the first row of a framework has its name (rowspan) first
            if len(cells) == 8:
                cells = cells[1:]
            name = text(cells[0])[0]
            d = "bwd" if text(cells[1])[0] == "f\u2032" else "fwd"
            ours = re.search(r'title="([^"]+)"', cells[5])
            ratio = text(cells[6])[0] if text(cells[6]) else ""
            got[(name, d)] = (text(cells[2]), ours.group(1) if ours else None, ratio)

        def core(i, d):
            s = i.get(d)
            if not s:
                return None
            c = s.get("core")
            return c["max_ulp"] if c and c.get("max_ulp") is not None else s.get("max_ulp")

        for i in fw:
            for d in ("fwd", "bwd"):
                u = core(i, d)
                if u is None:
                    continue
                key = (i["name"], d)
                if key not in got:
                    fail("%s.html: no row for %s %s" % (a["activation"], *key))
                cells, ours, ratio = got[key]
                shown = float(cells[0])
                if not math.isclose(shown, u, rel_tol=1e-3, abs_tol=1e-3):
                    fail("%s %s: core max ULP shown %s, accuracy.json %s" % (*key, shown, u))
                bound = next(b for b in BOUNDS if u <= b)
                cand = [j for j in impls if j.get("origin") == "actbench" and j.get("available")
                        and core(j, d) is not None and core(j, d) <= bound
                        and (j["name"], d) in ips]
                if key not in ips:
                    continue
                if not cand:
                    if ours is not None:
                        fail("%s %s: shows %s, but none of ours is this accurate" % (*key, ours))
                    continue
                best = max(cand, key=lambda j: ips[(j["name"], d)])
                if ours != best["name"]:
                    fail("%s %s: our fastest at least as accurate is %s, the page says %s"
                         % (*key, best["name"], ours))
                want = ips[(best["name"], d)] / ips[key]
                if not ratio.endswith("\u00d7") or not math.isclose(
                        float(ratio[:-1]), want, rel_tol=0.01, abs_tol=0.006):
                    fail("%s %s: ratio %s, speed.json's medians give %.3f" % (*key, ratio, want))
                checked += 1
    print("frameworks_check: %d framework rows checked against accuracy.json and speed.json"
          % checked)


main()
