#!/bin/bash
# actbench report from the fixed results files in tests/data/report (no suite
# runs): the whole report, an implementation marked available:false, a
# speed.json alone, replacing a report, and bad input.
# usage: test_report_fixture.sh ACTBENCH SCRATCH
set -u
BIN=$1
S=$2
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$HERE/data/report
. "$DATA/lib.sh"
rm -rf "$S"
mkdir -p "$S"

# 1. the whole report
out=$("$BIN" report --results "$DATA/full" --out "$S/full" 2>"$S/err")
rc=$?
check "full: exit status 0 (got $rc: $(head -c 300 "$S/err"))" [ $rc -eq 0 ]
check "full: says where the report is" grep -qx "report: $S/full/index.html" <<<"$out"
check "full: every linked file is there" check_report "$S/full"
check "full: a page per activation" test -s "$S/full/sigmoid.html" -a -s "$S/full/leaky_relu.html"
for f in sigmoid_curve sigmoid_ulp_fwd sigmoid_ulp_bwd sigmoid_speed sigmoid_satpoints overview; do
  check "full: figure $f with its script" test -s "$S/full/fig/$f.svg" -a -s "$S/full/fig/$f.png" \
    -a -s "$S/full/gp/$f.gp"
done
check "full: data files for gnuplot" test -s "$S/full/data/sigmoid_ulp_fwd.dat"
check "full: the data behind the figures is the results files' (ULP against x, Pareto, saturation points)" \
  python3 "$HERE/report_data_check.py" "$S/full" "$DATA/full"
check "full: the unavailable implementation is reported as such" \
  grep -q 'not available: needs avx512f' "$S/full/sigmoid.html"
check "full: ... in tables.md too" grep -q 'sigmoid.avx512.rr2-p5-div' "$S/full/tables.md"
check "full: summary.md is a summary (at most 300 lines), every table in tables.md" \
  bash -c "[ \$(wc -l <'$S/full/summary.md') -le 300 ] && grep -q 'tables.md' '$S/full/summary.md'"
check "full: the machine context" grep -q 'Fixture CPU @ 3.0GHz' "$S/full/index.html"
check "full: the command of each results file" \
  grep -q 'actbench saturation --stride 65536' "$S/full/index.html"
check "full: a special-value failure is shown" grep -q '>FAIL<' "$S/full/sigmoid.html"
check "full: the index links every activation's page" \
  grep -q 'Activations: <a href="sigmoid.html">sigmoid</a> <a href="leaky_relu.html">leaky_relu</a> <a href="gelu.html">gelu</a>' "$S/full/index.html"
check "full: the four questions at the top of the index, with their answers" \
  bash -c "grep -q '<h2 id=\"questions\">Four questions' '$S/full/index.html' &&
           grep -q 'Is a peer&#39;s kernel safe (say XNNPACK&#39;s sigmoid)?</dt><dd>sigmoid.xnnpack.sigmoid-nc-f32: not everywhere (marks !): max 6.4 ULP, above its claim or documented bound' '$S/full/index.html'"
check "full: the libraries' accuracy, activation by library, with the marks" \
  grep -qF '| [sigmoid](sigmoid.html) | 3.2–6.4 ! (f′ 3.2–6.4 !) | 6.4 ! (f′ 6.4 !) | — | 6.4 ! (no f′ kernel) |' "$S/full/summary.md"
check "full: a page for an activation of the family with only a peer" test -s "$S/full/gelu.html"
check "full: gelu comes after the seed's four" \
  grep -q 'sigmoid.html.*leaky_relu.html.*gelu.html' <(tr -d '\n' <"$S/full/index.html")
check "full: the baselines get no page of their own" test ! -e "$S/full/memory.html"
# an implementation without a backward kernel (XNNPACK)
check "full: no backward kernel, in each table (accuracy, saturation, speed)" \
  [ "$(grep -o 'no backward kernel' "$S/full/sigmoid.html" | wc -l)" -ge 4 ]
check "full: ... and in tables.md" grep -q 'xnnpack-auto | — | no backward kernel' "$S/full/tables.md"
check "full: left out of the f' ULP figure" \
  bash -c "! grep -q xnnpack '$S/full/data/sigmoid_ulp_bwd.dat'"
check "full: ... but in the f ULP figure" grep -q 'sigmoid.xnnpack' "$S/full/data/sigmoid_ulp_fwd.dat"
check "full: ... and in the throughput legend as such" \
  grep -q 'xnnpack.sigmoid-nc-f32 \[xnnpack\] (no backward kernel)' "$S/full/gp/sigmoid_speed.gp"
# peers: origin in every table, dashed in the figures, in their library's colours
check "full: the origin of every implementation in every table" \
  [ "$(grep -c '<td>sleef</td>' "$S/full/sigmoid.html")" -ge 4 ]
check "full: peers named with their library in the legends" \
  grep -q "'avx2.sleef-expf-u10 \[sleef\]'" "$S/full/gp/sigmoid_ulp_fwd.gp"
check "full: ours solid, peers dashed" \
  bash -c "grep -q \"lc rgb '#0072B2' lw 2 dt 1\" '$S/full/gp/sigmoid_speed.gp' &&
           grep -q \"lc rgb '#E69F00' lw 1.6 dt 2\" '$S/full/gp/sigmoid_speed.gp'"
# the baselines of speed.json
check "full: the memory limit on the throughput figure" \
  grep -q "memory limit (copy)" "$S/full/gp/sigmoid_speed.gp"
check "full: ... as the copy's bytes/s over 8 (fwd) and 12 (bwd: dy and one of x or y in, dx out)" \
  grep -q '^4096 10.1 6.73333333 ' "$S/full/data/sigmoid_speed.dat"
check "full: ... on every activation's figure" grep -q "memory limit (copy)" "$S/full/gp/gelu_speed.gp"
check "full: % of copy bandwidth in the speed table" \
  grep -q '% of copy bandwidth, n = 4096' "$S/full/sigmoid.html"
check "full: ... the kernel's bytes/s over the copy's (40.4 / 80.8 GB/s)" \
  grep -q '| sigmoid.avx2.rr2-p5-div | actbench | avx2 | fwd | 5.05 G/s (40.4 GB/s, 8 B/element) | 50% |' \
  "$S/full/tables.md"
check "full: the baselines listed in the speed table" grep -q '| memory.copy | baseline |' \
  "$S/full/tables.md"
# saturation: sides without an asymptote, dead sides; accuracy: NaN inputs
check "full: gelu has no asymptote for x > 0" \
  grep -q '| gelu.onednn.gelu-erf | onednn | jit | -6.15135145 | never | x < 0 | -5.54304075 | — |' \
  "$S/full/tables.md"
check "full: leaky_relu's dead side" grep -q "f&#39; = 0.01 for all x &lt;= 0" "$S/full/leaky_relu.html"
check "full: special failures from NaN inputs" grep -q '1 of them NaN inputs' "$S/full/sigmoid.html"
# choosing a kernel: the ranking on the index, the comparison, the Pareto chart
check "full: the ranking of the accuracy classes on the index" \
  grep -q '<h2 id="classes">The fastest kernel in each accuracy class</h2>' "$S/full/index.html"
# (an older accuracy.json: no core, so ranked by the max over all inputs, and its
# sigmoid.scalar.naive of origin libm read as ours)
check "full: ... each class's winner at L1, linked to the activation's page" \
  grep -qF '| [sigmoid](sigmoid.html) (at n = 4096 (L1)) | f | none this accurate | none this accurate | none this accurate | scalar.naive (2.02 G/s; max 3.2 ULP) | xnnpack.sigmoid-nc-f32 [xnnpack] (14.1 G/s; max 6.4 ULP; exceeds its bound; 1 special-value failure) |' \
  "$S/full/summary.md"
check "full: ... backward too (no XNNPACK: it has no backward kernel)" \
  grep -qF '|  | f′ | none this accurate | none this accurate | none this accurate | scalar.naive (1.35 G/s; max 3.2 ULP) | avx2.sleef-expf-u10 [sleef] (7.41 G/s; max 6.4 ULP; exceeds its bound; 1 special-value failure) |' \
  "$S/full/summary.md"
check "full: ... exact kernels win every class" \
  grep -qF '| [leaky_relu](leaky_relu.html) (at n = 4096 (L1)) | f | scalar.max (2.02 G/s; max 0 ULP) |' \
  "$S/full/summary.md"
check "full: the classes on the activation's page" \
  grep -q '<h2 id="choice">Which kernel' "$S/full/sigmoid.html"
# (an older accuracy.json: no core, no tails, no verdict; within_claim says "within its claim")
check "full: the comparison table joins the three files, a row for f and one for f'" \
  bash -c "grep -qF '| sigmoid.scalar.naive | actbench | scalar | f | ≤ 4 | 2.02 | 1.01 | — | 3.2 | 0.21 | — | — | 87% | 0 | within its claim | -103.972084 | 16.6355324 |' '$S/full/tables.md' &&
           grep -qF '| sigmoid.scalar.naive | actbench | scalar | f′ | ≤ 4 | 1.35 | 0.673 | — | 3.2 | 0.21 | — | — | 87% | 0 | within its claim | -87.336544 (premature) | 16.6355324 (premature) |' '$S/full/tables.md'"
check "full: ... sortable, filterable by origin, isa, direction and class, folded beyond 12 rows" \
  bash -c "grep -q '<table id=\"every\" class=\"compact sortable\"' '$S/full/sigmoid.html' &&
           grep -q '<th data-filter=\"origin\">origin</th><th data-filter=\"isa\">isa</th><th data-filter=\"direction\"></th>' '$S/full/sigmoid.html'"
check "full: ... an unavailable implementation in one row" \
  grep -q '<td class="code">sigmoid.avx512.rr2-p5-div</td><td>actbench</td><td>avx512</td><td class="muted" colspan="[0-9]*">not available: needs avx512f' "$S/full/sigmoid.html"
check "full: the Pareto chart, with its script" \
  test -s "$S/full/fig/sigmoid_pareto.svg" -a -s "$S/full/fig/sigmoid_pareto.png" -a -s "$S/full/gp/sigmoid_pareto.gp"
check "full: ... log x with errors of 0 at 0.25" \
  bash -c "grep -q 'set logscale x' '$S/full/gp/sigmoid_pareto.gp' &&
           grep -q '^0.25 0 2.02 1 1' '$S/full/data/leaky_relu_pareto.dat'"
check "full: ... the front of f: scalar.naive (3.2 ULP) and XNNPACK (the fastest)" \
  bash -c "grep -A 2 '^# fwd: the Pareto front' '$S/full/data/sigmoid_pareto.dat' | tail -n 2 | tr '\n' ' ' |
           grep -qx '3.2 2.02 6.4 14.14 '"
check "full: ... labelled by number, in the legend by name" \
  bash -c "grep -q '\"1\"' '$S/full/data/sigmoid_pareto.dat' && grep -q \"'1  scalar.naive'\" '$S/full/gp/sigmoid_pareto.gp'"
check "full: ... the quartiles of the repetitions as error bars" \
  grep -q 'using 1:3:6:7 with yerrorbars' "$S/full/gp/sigmoid_pareto.gp"
check "full: ... the front in a table too" grep -q '<summary>The front, f (forward)' "$S/full/sigmoid.html"
# the machine on every page, the commands under every figure
for page in "$S"/full/*.html; do
  check "full: the machine on ${page##*/}" \
    bash -c "grep -q '<b>Machine:</b> Fixture CPU @ 3.0GHz; 8 cores; caches: l1d 48 KiB, l2 2 MiB, l3 32 MiB' '$page' &&
             grep -q '<b>Software:</b> compiler gcc 12.2.0; C library glibc 2.36; MPFR 4.2.0; GMP 6.2.1; Google Benchmark 1.7.1; jansson 2.14' '$page' &&
             grep -q '<b>Results:</b> speed.json 2025-01-01 00:00:00 UTC' '$page' && grep -q 'CPU features (4)' '$page'"
done
check "full: every figure with the commands behind it" check_figures "$S/full"
check "full: ... the suite's command under the throughput figure" \
  grep -q 'speed.json: <code>actbench speed --min-time 0.01</code>' "$S/full/sigmoid.html"
check "full: ... and the redraw command" \
  grep -qF "<code>cd $S/full &amp;&amp; gnuplot gp/sigmoid_speed.gp</code>" "$S/full/sigmoid.html"
# the histogram of the errors and the worst inputs
check "full: the histogram of the errors" \
  grep -qF '| 2 | sigmoid.avx2.rr2-p5-div | 1540 (77%) | 447 (22.35%) | 6 (0.3%) | 6 (0.3%) | 1 | 2000 |' "$S/full/tables.md"
check "full: the worst inputs, folded" \
  grep -q '<summary>#2 <code>sigmoid.avx2.rr2-p5-div</code>, f: the 2 worst incorrectly rounded inputs' \
  "$S/full/sigmoid.html"
check "full: no temporary folder left" no_leftovers "$S/full"
# the saturation suite's analysis in formats (sigmoid: all of it; leaky_relu: normal and
# depth; gelu: none) and zerocenter.json
for f in sigmoid_numsat sigmoid_normal sigmoid_depth sigmoid_delivered leaky_relu_normal leaky_relu_depth \
  all_normal all_depth zerocenter_paths; do
  check "formats: figure $f with its script" test -s "$S/full/fig/$f.svg" -a -s "$S/full/fig/$f.png" \
    -a -s "$S/full/gp/$f.gp"
done
check "formats: where the computed f' vanishes, a table per format" \
  bash -c "grep -q '<h4>binary32 (float)</h4>' '$S/full/sigmoid.html' &&
           grep -q '<h4>bfloat16</h4>' '$S/full/sigmoid.html' &&
           grep -q '<h4>binary16 (half)</h4>' '$S/full/sigmoid.html'"
check "formats: ... the exact derivative rounded to bfloat16 is 0 from 93" \
  grep -qF '<tr><td>exact, rounded to the format</td><td>RN(f′)</td><td class="num">-93 / 93</td>' \
  "$S/full/sigmoid.html"
check "formats: ... the formula from y, 0 from 6.25 on: a premature zero, marked" \
  grep -qF '<td class="num">-93 / 6.25</td><td class="num bad">never / 6.25</td>' "$S/full/sigmoid.html"
check "formats: ... in the figure, a row per evaluator and a point per format" \
  bash -c "grep -qx '0.00 -93 93' '$S/full/data/sigmoid_numsat.dat' &&
           grep -qx '2.00 -93 6.25' '$S/full/data/sigmoid_numsat.dat' &&
           grep -q \"'sigmoid.formula.from-y' 2\" '$S/full/gp/sigmoid_numsat.gp'"
check "formats: the saturated fraction against sigma, log x, a curve per set" \
  bash -c "grep -q 'set logscale x 2' '$S/full/gp/sigmoid_normal.gp' &&
           grep -q \"title '|f′| < 1e-3'\" '$S/full/gp/sigmoid_normal.gp' &&
           grep -q \"title 'f′ = 0 (dead)'\" '$S/full/gp/sigmoid_normal.gp'"
check "formats: ... P(the computed f' is 0) per format and evaluator" \
  grep -qF '<tr><td></td><td class="code">sigmoid.formula.from-y</td><td class="num">0%</td><td class="num">0%</td><td class="num">11.78%</td></tr>' \
  "$S/full/sigmoid.html"
check "formats: E[f']^L against depth, log y, E[f'] = 0.2360 at s = 0.5" \
  bash -c "grep -q 'set logscale y' '$S/full/gp/sigmoid_depth.gp' &&
           grep -q '^1 0.236044' '$S/full/data/sigmoid_depth.dat'"
check "formats: the delivered gradient: its error at L = 10 and the depth from which half the chains are 0" \
  grep -qF '<td class="code">sigmoid.formula.from-x</td><td class="num">0.04</td><td class="num">0%</td><td class="num" data-k="1e+308">beyond 20</td>' \
  "$S/full/sigmoid.html"
check "formats: leaky_relu without numerical: its other parts only" \
  bash -c "grep -q 'id=\"depth\"' '$S/full/leaky_relu.html' && ! grep -q 'id=\"numerical\"' '$S/full/leaky_relu.html' &&
           test ! -e '$S/full/fig/leaky_relu_numsat.svg'"
check "formats: the inner intervals of the sets shaded on the curve (|f'| < 0.1 near gelu's -0.75)" \
  bash -c "grep -q 'set object 3 rect from -0.8246, graph 0 to -0.6878, graph 1' '$S/full/gp/gelu_curve.gp' &&
           ! grep -q 'set object 4 rect' '$S/full/gp/gelu_curve.gp'"
check "formats: gelu without any: no such section" \
  bash -c "! grep -q 'id=\"formats\"' '$S/full/gelu.html'"
check "across: gradients.html, linked from the index and every page" \
  bash -c "grep -q 'href=\"gradients.html\"' '$S/full/index.html' &&
           grep -q 'href=\"gradients.html\"' '$S/full/gelu.html'"
check "across: a curve per activation that has the data" \
  bash -c "[ \"\$(grep '^# [a-z]' '$S/full/data/all_normal.dat' | tail -n +2 | tr '\n' ' ')\" = '# sigmoid # leaky_relu ' ] &&
           grep -q \"title 'leaky_relu'\" '$S/full/gp/all_depth.gp' && grep -q 'set logscale y' '$S/full/gp/all_depth.gp'"
check "zerocenter: the zig-zag paths, gd and sgd, of sigmoid and tanh" \
  bash -c "[ \"\$(grep -c '^# \(sigmoid\|tanh\) \(gd\|sgd\)$' '$S/full/data/zerocenter_paths.dat')\" -eq 4 ] &&
           grep -q 'set multiplot layout 1,2' '$S/full/gp/zerocenter_paths.gp'"
check "zerocenter: ... with the command that measured them" \
  grep -q 'zerocenter.json: <code>actbench zerocenter --activation sigmoid,tanh,relu' "$S/full/gradients.html"
check "zerocenter: the step counts" grep -q '^| sigmoid | gd | 26 (23–32) | 0 | ' "$S/full/tables.md"
check "zerocenter: ... and the sign agreement" grep -q '<h3>Sign agreement</h3>' "$S/full/gradients.html"
check "dying: ReLU units dead on a whole batch, sampled and exact" \
  grep -qF '<tr><td class="num">-1</td><td class="num">81.25% (exact 84%)</td><td class="num">6.25% (exact 7%)</td></tr>' \
  "$S/full/gradients.html"
check "zerocenter: in the results files table" grep -q '<td>zerocenter</td>' "$S/full/index.html"
# an older saturation.json (no numerical, normal, depth, dying) and no zerocenter.json: those
# parts are left out, the rest is there
mkdir -p "$S/oldsat"
python3 - "$DATA/full/saturation.json" "$S/oldsat/saturation.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
d.pop("dying", None)
for a in d["activations"]:
  for k in ("numerical", "normal", "depth"): a.pop(k, None)
json.dump(d, open(sys.argv[2], "w"))
PYEOF
cp "$DATA/full/speed.json" "$DATA/full/accuracy.json" "$S/oldsat/"
"$BIN" report --results "$S/oldsat" --out "$S/old" >/dev/null 2>"$S/err"
rc=$?
check "old saturation.json: exit status 0 (got $rc: $(head -c 300 "$S/err"))" [ $rc -eq 0 ]
check "old saturation.json: every linked file is there" check_report "$S/old"
check "old saturation.json: the saturation section, no formats section, no gradients.html" \
  bash -c "grep -q 'id=\"saturation\"' '$S/old/sigmoid.html' && ! grep -q 'id=\"formats\"' '$S/old/sigmoid.html' &&
           test ! -e '$S/old/gradients.html' && ! grep -q gradients.html '$S/old/index.html'"
# zerocenter.json alone
"$BIN" report --zerocenter "$DATA/full/zerocenter.json" --out "$S/zc" >/dev/null 2>"$S/err"
rc=$?
check "--zerocenter alone: exit status 0 (got $rc: $(head -c 300 "$S/err"))" [ $rc -eq 0 ]
check "--zerocenter alone: gradients.html with the paths" \
  test -s "$S/zc/gradients.html" -a -s "$S/zc/fig/zerocenter_paths.png"
check "--zerocenter alone: every linked file is there" check_report "$S/zc"
# a figure redraws from its script in the report folder
if command -v gnuplot >/dev/null; then
  cp -r "$S/full" "$S/redraw"
  rm "$S/redraw/fig/sigmoid_curve.png" "$S/redraw/fig/sigmoid_curve.svg"
  (cd "$S/redraw" && gnuplot gp/sigmoid_curve.gp) >"$S/gnuplot.out" 2>&1
  check "full: gnuplot gp/sigmoid_curve.gp redraws the figure" \
    test -s "$S/redraw/fig/sigmoid_curve.png" -a -s "$S/redraw/fig/sigmoid_curve.svg"
fi

# an exhaustive sweep: its command and date from accuracy.run.json, the binades of x; ranked
# at --size L2, a count that counts as L2
"$BIN" report --results "$DATA/exhaustive" --out "$S/exh" --size L2 >/dev/null 2>"$S/err"
rc=$?
check "exhaustive: exit status 0 (got $rc: $(head -c 300 "$S/err"))" [ $rc -eq 0 ]
check "exhaustive: every linked file is there" check_report "$S/exh"
check "exhaustive: the data behind the figures is the results files' (the binades too)" \
  python3 "$HERE/report_data_check.py" "$S/exh" "$DATA/exhaustive"
check "exhaustive: the command of accuracy.run.json under the ULP figures" \
  grep -q 'accuracy.json: <code>actbench accuracy --exhaustive --activation sigmoid --out fixture-exhaustive</code> (2025-01-02 03:04:05 UTC)' \
  "$S/exh/sigmoid.html"
check "exhaustive: the error per binade of x, a heatmap" \
  bash -c "test -s '$S/exh/fig/sigmoid_binades_fwd.png' && grep -q 'with boxxyerror fs solid 1.0 noborder fc palette' '$S/exh/gp/sigmoid_binades_fwd.gp'"
check "exhaustive: the binades not correctly rounded throughout" \
  grep -q 'f: the 4 binades of x (of 9) not correctly rounded throughout' "$S/exh/sigmoid.html"
check "exhaustive: ranked at --size L2 (a count that counts as L2)" \
  grep -q 'at n = 65536 (L2)' "$S/exh/index.html"
"$BIN" report --results "$DATA/exhaustive" --out "$S/exh3" --size L3 >/dev/null 2>"$S/err"
check "exhaustive: --size L3, not measured: ranked at the smallest size, and said" \
  bash -c "grep -q 'at n = 4096 (L1)' '$S/exh3/index.html' &&
           grep -q 'the size class L3 was not measured for sigmoid' '$S/exh3/sigmoid.html'"

# 2. speed.json alone: no accuracy or saturation sections, no dangling links
"$BIN" report --results "$DATA/speedonly" --out "$S/speed" >/dev/null 2>"$S/err"
rc=$?
check "speed only: exit status 0 (got $rc: $(head -c 300 "$S/err"))" [ $rc -eq 0 ]
check "speed only: every linked file is there" check_report "$S/speed"
check "speed only: throughput figure" test -s "$S/speed/fig/sigmoid_speed.png"
check "speed only: no accuracy figure" test ! -e "$S/speed/fig/sigmoid_ulp_fwd.png"
check "speed only: no saturation section" \
  bash -c "! grep -q '<h2>Saturation' '$S/speed/sigmoid.html'"
check "speed only: unavailable implementation listed" \
  grep -q 'not available on the machine that ran the suite' "$S/speed/sigmoid.html"
check "speed only: no backward kernel, from speed.json alone" \
  grep -q 'no backward kernel' "$S/speed/sigmoid.html"
check "speed only: the memory limit" grep -q "memory limit (copy)" "$S/speed/gp/sigmoid_speed.gp"
check "speed only: no ranking or Pareto chart without accuracy.json" \
  bash -c "! grep -q 'id=\"classes\"' '$S/speed/index.html' && test ! -e '$S/speed/fig/sigmoid_pareto.png'"
check "speed only: one page, none for the baselines" \
  [ "$(ls "$S/speed"/*.html | wc -l)" -eq 2 ]

# 3. explicit files: only those are read
"$BIN" report --accuracy "$DATA/full/accuracy.json" --out "$S/acc" >/dev/null 2>"$S/err"
check "--accuracy alone: exit status 0" [ $? -eq 0 ]
check "--accuracy alone: every linked file is there" check_report "$S/acc"
check "--accuracy alone: no speed figure" test ! -e "$S/acc/fig/sigmoid_speed.png"

# 4. a report replaces the one before it
mkdir -p "$S/replace"
cp -r "$S/full/." "$S/replace/"
"$BIN" report --results "$DATA/speedonly" --out "$S/replace" >/dev/null 2>"$S/err"
check "replace: exit status 0" [ $? -eq 0 ]
check "replace: the new report is in place" check_report "$S/replace"
check "replace: nothing of the old one is left" test ! -e "$S/replace/leaky_relu.html"
check "replace: no temporary folder left" no_leftovers "$S/replace"

# 5. bad input: exit status 2, one line, and the good report stays as it was
good=$S/good
"$BIN" report --results "$DATA/full" --out "$good" >/dev/null 2>&1
sum_before=$(cat "$good/index.html" "$good/sigmoid.html" | cksum)
mkdir -p "$S/bad"
printf '{oops' >"$S/bad/corrupt.json"
cp "$DATA/full/speed.json" "$S/bad/speed.json"
python3 - "$DATA/full/accuracy.json" "$S/bad/missing.json" <<'EOF' 2>/dev/null ||
import json, sys
d = json.load(open(sys.argv[1]))
del d["activations"][0]["implementations"][0]["fwd"]["ulp_vs_x"]
json.dump(d, open(sys.argv[2], "w"))
EOF
  sed 's/"ulp_vs_x"/"ulp_vs_y"/' "$DATA/full/accuracy.json" >"$S/bad/missing.json"
sed 's/"bins": 24/"bins": 25/' "$DATA/full/accuracy.json" >"$S/bad/bins.json"
mkdir -p "$S/notreport"
echo keep >"$S/notreport/precious.txt"

expect_fail "missing results folder" "$BIN" report --results "$S/nowhere" --out "$good"
expect_fail "results folder without results" "$BIN" report --results "$S/notreport" --out "$good"
expect_fail "missing --speed file" "$BIN" report --speed "$S/nowhere.json" --out "$good"
expect_fail "corrupt JSON" "$BIN" report --accuracy "$S/bad/corrupt.json" --out "$good"
expect_fail "wrong kind" "$BIN" report --saturation "$S/bad/speed.json" --out "$good"
expect_fail "wrong kind for --zerocenter" "$BIN" report --zerocenter "$S/bad/speed.json" --out "$good"
expect_fail "missing member" "$BIN" report --accuracy "$S/bad/missing.json" --out "$good"
expect_fail "ulp_vs_x against grid.bins" "$BIN" report --accuracy "$S/bad/bins.json" --out "$good"
expect_fail "unwritable --out" "$BIN" report --results "$DATA/full" --out /proc/x
expect_fail "--out is a folder that is no report" "$BIN" report --results "$DATA/full" \
  --out "$S/notreport"
expect_fail "gnuplot fails" env ACTBENCH_GNUPLOT=/bin/false "$BIN" report --results "$DATA/full" \
  --out "$good"
expect_fail "gnuplot missing" env ACTBENCH_GNUPLOT="$S/no-gnuplot" "$BIN" report \
  --results "$DATA/full" --out "$good"
expect_fail "unknown option" "$BIN" report --colour
expect_fail "--size that is no size" "$BIN" report --results "$DATA/full" --out "$good" --size L7
expect_fail "option without its value" "$BIN" report --out
check "bad input: the good report is intact" \
  [ "$(cat "$good/index.html" "$good/sigmoid.html" | cksum)" = "$sum_before" ]
check "bad input: the good report still checks" check_report "$good"
check "bad input: the other folder is untouched" test -s "$S/notreport/precious.txt"
check "bad input: no temporary folder left" no_leftovers "$good"

# 5b. the images: every PNG of the full report decodes and is no blank; where
# Debian's chromium is installed, index.html opens headless (no server, no
# network) and its screenshot is a page with something on it
ROOT=$(cd "$HERE/.." && pwd)
check "images: every PNG of the full report decodes and has ink" \
  python3 "$HERE/png_check.py" "$S"/full/fig/*.png
"$ROOT/scripts/screenshot.sh" "$S/full/index.html" "$S/index.png" 1400,2000 2>"$S/shot.err"
rc=$?
if [ $rc -eq 3 ]; then
  echo "skip screenshot: no chromium installed (scripts/deps.sh installs it)"
else
  check "screenshot: chromium opens index.html headless (status $rc: $(head -c 200 "$S/shot.err"))" \
    [ $rc -eq 0 ]
  check "screenshot: ... a page with tables on it" \
    python3 "$HERE/png_check.py" --min-colors 16 --min-ink 0.05 "$S/index.png"
  "$ROOT/scripts/screenshot.sh" "$S/full/gradients.html" "$S/gradients.png" 1400,2000 2>"$S/shot.err"
  check "screenshot: gradients.html too (status $?: $(head -c 200 "$S/shot.err"))" \
    python3 "$HERE/png_check.py" --min-colors 16 --min-ink 0.05 "$S/gradients.png"
fi

# 5c. interrupted: SIGTERM or SIGINT while gnuplot draws leaves no temporary
# folder and no gnuplot running, and the report there before stays as it was; a
# later report removes the temporaries of reports killed outright (their PID no
# longer runs), not those of one that runs
for sig in TERM INT; do
  # job control on: a background job's SIGINT is not ignored then
  set -m
  "$BIN" report --results "$DATA/full" --out "$good" >"$S/sig.out" 2>"$S/sig.err" &
  pid=$!
  set +m
  child=""
  for _ in $(seq 1 100); do
    child=$(pgrep -P $pid gnuplot | head -n 1)
    [ -n "$child" ] && break
    sleep 0.05
  done
  kill -$sig $pid
  wait $pid
  rc=$?
  sleep 0.2
  check "SIG$sig: the report dies of it (status $rc) while gnuplot ran (pid ${child:-none})" \
    [ -n "$child" -a $rc -eq $((128 + $(kill -l $sig))) ]
  # (stopped: gone, or a zombie left to whoever reaps orphans here)
  check "SIG$sig: gnuplot stopped with it" \
    bash -c "[ -z '$child' ] || ! ps -o stat= -p $child | grep -qv Z"
  check "SIG$sig: no temporary folder left" no_leftovers "$good"
  check "SIG$sig: the report before it intact" \
    [ "$(cat "$good/index.html" "$good/sigmoid.html" | cksum)" = "$sum_before" ]
done
mkdir -p "$good.tmp-999999/data" "$good.old-999998" "$good.tmp-1" "$good.tmp-$$"
"$BIN" report --results "$DATA/full" --out "$good" >/dev/null 2>"$S/stale.err"
check "stale: the temporaries of killed reports removed, and said so" \
  bash -c "test ! -e '$good.tmp-999999' -a ! -e '$good.old-999998' &&
           grep -q 'removed $good.tmp-999999, left by a report (pid 999999) that was killed' '$S/stale.err'"
check "stale: not those whose PID runs" test -d "$good.tmp-1" -a -d "$good.tmp-$$"
rmdir "$good.tmp-1" "$good.tmp-$$"
# a folder we may not write: blamed for it, not for a missing index.html (as
# root, permissions bind only another user: nobody, through setpriv)
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  asnobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  mkdir -p "$S/ro/sub" "$S/rw"
  chmod 755 "$S/ro" "$S/ro/sub"
  chmod 777 "$S/rw"
  cp -r "$good" "$S/rw/rep"
  chmod -R a+rX "$S/rw/rep"
  chmod 555 "$S/rw/rep"
  asnobody "$BIN" report --results "$DATA/full" --out "$S/ro/sub" >/dev/null 2>"$S/ro.err"
  rc=$?
  check "read-only --out: status 2, the permission blamed ($(cat "$S/ro.err"))" \
    bash -c "[ $rc -eq 2 ] && grep -q 'Permission denied' '$S/ro.err' && ! grep -q 'index.html' '$S/ro.err'"
  asnobody "$BIN" report --results "$DATA/full" --out "$S/ro/new" >/dev/null 2>"$S/ro.err"
  rc=$?
  check "--out in a read-only folder: status 2, the permission blamed ($(cat "$S/ro.err"))" \
    bash -c "[ $rc -eq 2 ] && grep -q 'cannot write the report in $S/ro: Permission denied' '$S/ro.err'"
  asnobody "$BIN" report --results "$DATA/full" --out "$S/rw/rep" >/dev/null 2>"$S/ro.err"
  rc=$?
  check "a read-only report folder: status 2, the permission blamed ($(cat "$S/ro.err"))" \
    bash -c "[ $rc -eq 2 ] && grep -q 'Permission denied' '$S/ro.err' && test -s '$S/rw/rep/index.html'"
  chmod 755 "$S/rw/rep"
else
  echo "skip read-only --out: needs root and setpriv to act as another user"
fi

# 6. help
"$BIN" report --help >"$S/help" 2>&1
check "--help: exit status 0 and a usage line" grep -q '^usage: actbench report' "$S/help"

finish
