// The report in a real browser (tests/test_browser.sh): Debian's chromium,
// headless, driven by puppeteer-core, pages opened from file:// with every
// request off the machine refused.
//   node check.js CHROMIUM REPORT_DIR BIG_REPORT_DIR SHOTS_DIR
// REPORT_DIR: the fixtures' report; BIG_REPORT_DIR: the same with many
// implementations (long tables).  Prints a line per check and ends with
// "N passed, M failed"; exit status 1 when one failed.
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [chromium, full, big, shots] = process.argv.slice(2);
let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log('ok   ' + name); } else { failed++; console.log('FAIL ' + name + (detail ? ': ' + detail : '')); }
}

async function open(browser, file) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('requestfailed', (r) => { if (!r.url().startsWith('file:')) errors.push('request ' + r.url()); });
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
  return { page, errors };
}

// the rows of a table as the reader sees them: the text of column col of
// every displayed row
async function column(page, sel, col) {
  return page.$$eval(sel + ' tbody tr', (rows, col) => rows.filter((r) => r.style.display !== 'none').map((r) => {
    const c = r.cells[col];
    if (!c) return null;
    const k = c.getAttribute('data-k');
    return { text: c.textContent.trim(), key: k === null ? null : k === '' ? null : parseFloat(k) };
  }), col);
}

async function colIndex(page, sel, heading) {
  return page.$$eval(sel + ' thead th', (hs, h) => hs.findIndex((x) => x.textContent.trim() === h), heading);
}

function ordered(vals, desc) {
  const v = vals.filter((x) => x !== null);
  for (let i = 1; i < v.length; i++) if (desc ? v[i - 1] < v[i] : v[i - 1] > v[i]) return false;
  return true;
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    protocolTimeout: 120000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--proxy-server=127.0.0.1:9',
      '--proxy-bypass-list=<-loopback>', '--disable-background-networking', '--no-first-run'],
  });
  try {
    // every page of both reports: opens without an error, and its height at
    // 1400 px with the details folded
    for (const dir of [full, big]) {
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.html')).sort()) {
        const { page, errors } = await open(browser, path.join(dir, f));
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        console.log(`     ${path.basename(dir)}/${f}: ${h} px high at 1400 px, details folded`);
        check(`${path.basename(dir)}/${f}: opens without an error`, errors.length === 0, errors.join('; '));
        if (f === 'sigmoid.html')
          check(`${path.basename(dir)}/sigmoid.html: at most 6000 px high at 1400 px (${h})`, h <= 6000, `${h} px`);
        // every figure: its PNG no wider than it is shown (every detail open)
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete), { timeout: 60000 })
          .catch(() => null);
        const imgs = await page.$$eval('img', (is) => is.map((i) => ({ src: i.getAttribute('src'), nat: i.naturalWidth, shown: i.getBoundingClientRect().width })));
        const bad = imgs.filter((i) => !(i.nat > 0) || i.nat > i.shown + 0.5);
        check(`${path.basename(dir)}/${f}: ${imgs.length} figures, each PNG no wider than it is shown`, bad.length === 0,
          bad.map((i) => `${i.src} ${i.nat} px shown at ${i.shown}`).join('; '));
        if (shots && dir === big && (f === 'index.html' || f === 'sigmoid.html')) {
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = false; }));
          await page.screenshot({ path: path.join(shots, f.replace('.html', '.png')), fullPage: true });
        }
        await page.close();
      }
    }

    // the long table of the big report: folded, sorted, filtered
    const { page } = await open(browser, path.join(big, 'sigmoid.html'));
    const T = 'table#every';
    const all = await page.$$eval(T + ' tbody tr', (r) => r.length);
    let shown = (await column(page, T, 0)).length;
    check(`sigmoid.html: the table of every implementation folded to its first 12 of ${all} rows`, shown === 12 && all > 14, `${shown} shown`);
    await page.click('button.more');
    shown = (await column(page, T, 0)).length;
    check('sigmoid.html: "show all" shows every row', shown === all, `${shown} of ${all}`);

    const cname = await colIndex(page, T, 'implementation');
    const before = (await column(page, T, cname)).map((x) => (x ? x.text : null));
    await page.click(`${T} thead th:nth-child(${cname + 1})`);
    const asc = (await column(page, T, cname)).map((x) => (x ? x.text.toLowerCase() : null));
    check('sigmoid.html: a click on "implementation" sorts the rows by name', ordered(asc, false) && asc.join() !== before.map((x) => (x || "").toLowerCase()).join(),
      asc.slice(0, 4).join(', '));
    const cu = await colIndex(page, T, 'max ULP (all inputs)');
    await page.click(`${T} thead th:nth-child(${cu + 1})`);
    let keys = (await column(page, T, cu)).map((x) => (x ? x.key : null));
    const nums = keys.filter((k) => k !== null);
    check('sigmoid.html: a click on "max ULP (all inputs)" orders the rows by it, ascending, empty cells last',
      nums.length > 10 && ordered(keys, false) && (keys.indexOf(null) === -1 || keys.slice(keys.indexOf(null)).every((k) => k === null)),
      keys.slice(0, 6).join(', '));
    await page.click(`${T} thead th:nth-child(${cu + 1})`);
    keys = (await column(page, T, cu)).map((x) => (x ? x.key : null));
    check('sigmoid.html: a second click reverses it', ordered(keys, true) && keys[0] > keys[keys.length - 1 - keys.filter((k) => k === null).length],
      keys.slice(0, 6).join(', '));
    const sorted = await page.$eval(`${T} thead th:nth-child(${cu + 1})`, (h) => h.getAttribute('aria-sort'));
    check('sigmoid.html: the heading says how it is sorted', sorted === 'descending', sorted);

    // filters: origin, isa, direction, class
    const sels = await page.$$eval('div.filters select', (ss) => ss.map((s) => s.getAttribute('aria-label')));
    check('sigmoid.html: filters by origin, isa, direction and class', ['origin', 'isa', 'direction', 'class'].every((x) => sels.includes(x)), sels.join(', '));
    await page.select('div.filters select[aria-label="origin"]', 'sleef');
    const co = await colIndex(page, T, 'origin');
    const origins = (await column(page, T, co)).map((x) => (x ? x.text : null));
    check('sigmoid.html: origin = sleef shows the sleef rows only', origins.length > 0 && origins.every((o) => o === 'sleef'), origins.join(','));
    await page.select('div.filters select[aria-label="origin"]', '');
    const sticky = await page.$eval(`${T} thead th`, (h) => getComputedStyle(h).position);
    check('sigmoid.html: the headings stay visible (position sticky)', sticky === 'sticky', sticky);
    await page.close();

    // a link to a folded section opens it
    const p2 = (await open(browser, path.join(big, 'sigmoid.html') + '#accuracy')).page;
    const openSec = await p2.$eval('details#accuracy', (d) => d.open);
    check('sigmoid.html#accuracy: the folded section opens', openSec === true);
    await p2.close();
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.log('FAIL the browser check: ' + (e && e.stack || e)); console.log(`${passed} passed, ${failed + 1} failed`); process.exit(1); });
