#!/usr/bin/env node
// Real-browser check of the static site that `jaarcyclus build` writes to OUT/<Y>/site/ (issue 16).
//
//   node check.mjs OUT ARTEFACTS_DIR
//
// Opens every OUT/*/site/**/*.html over file:// in headless Chromium (Debian's /usr/bin/chromium,
// or $CHROMIUM) and fails (exit 1) on:
//   - a console message of type error, an uncaught page error, a JavaScript dialog;
//   - a failed request (a missing stylesheet, image, ...);
//   - any request that is not file:// / data: / blob: / about: (the site makes no external
//     requests): such requests are aborted and counted as failures;
//   - an <a href> to a local file that does not exist, that lies outside OUT, or whose #fragment
//     names no element (id, or <a name>) in the target page; a javascript: link;
//   - an axe-core violation (tags WCAG 2.0/2.1 A and AA) with impact serious or critical.
// It prints a summary of all axe violations (minor and moderate too) by rule, writes a JSON report
// and two full-page screenshots (the start page of the latest year and its first party page in
// sort order) into ARTEFACTS_DIR, and prints their paths.
//
// Deterministic and bounded: pages are visited in code-point order of their path, two at a time,
// each with a time limit; the whole run has a time budget; above MAX_PAGES a deterministic sample
// is checked (always including every year's top-level pages and the screenshot pages), and the
// output says so.
//
// Exit codes: 0 = passed, 1 = the site has problems, 2 = usage or set-up error.
//
// Tunables (environment): CHROMIUM (executable), BROWSER_CHECK_MAX_PAGES (400),
// BROWSER_CHECK_PAGE_TIMEOUT_S (60), BROWSER_CHECK_BUDGET_S (1200), BROWSER_CHECK_CONCURRENCY (2).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const MAX_PAGES = intEnv('BROWSER_CHECK_MAX_PAGES', 400);
const PAGE_TIMEOUT_MS = intEnv('BROWSER_CHECK_PAGE_TIMEOUT_S', 60) * 1000;
const BUDGET_MS = intEnv('BROWSER_CHECK_BUDGET_S', 1200) * 1000;
const CONCURRENCY = intEnv('BROWSER_CHECK_CONCURRENCY', 2);
const VIEWPORT = { width: 1280, height: 900, deviceScaleFactor: 1 };
// The axe-core rule tags that make up WCAG 2.0 and 2.1, levels A and AA.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const IMPACT_ORDER = ['critical', 'serious', 'moderate', 'minor'];
// Schemes a page may load from without leaving the machine.
const LOCAL_SCHEMES = ['file:', 'data:', 'blob:', 'about:'];

function intEnv(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number.parseInt(v, 10);
  if (!Number.isFinite(n) || n <= 0) usage(`${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

function usage(msg) {
  console.error(`browser check: ${msg}`);
  console.error('usage: node check.mjs OUT ARTEFACTS_DIR');
  process.exit(2);
}

// Plain code-point order, independent of the locale.
const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// Year folders sort numerically when they are numbers, else by code point.
function byYear(a, b) {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return Number(a) - Number(b) || byCodePoint(a, b);
  if (na !== nb) return na ? 1 : -1; // numeric years after anything else: "latest" is numeric
  return byCodePoint(a, b);
}

// All *.html files below dir, as paths relative to dir with '/' separators, sorted.
function listHtml(dir) {
  const found = [];
  const walk = (rel) => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && e.name.endsWith('.html')) found.push(r);
    }
  };
  walk('');
  return found.sort(byCodePoint);
}

// The site's pages: [{ year, rel (relative to OUT), abs }], years and paths in sorted order.
function discover(out) {
  const years = fs
    .readdirSync(out, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(out, e.name, 'site')))
    .map((e) => e.name)
    .sort(byYear);
  const pages = [];
  for (const year of years) {
    const site = path.join(out, year, 'site');
    for (const r of listHtml(site)) {
      pages.push({ year, site: r, rel: `${year}/site/${r}`, abs: path.join(site, r) });
    }
  }
  return { years, pages };
}

// Above MAX_PAGES: every year's top-level pages and the screenshot pages, then an evenly spaced
// selection of the rest, all in the original order. Deterministic for the same tree.
function sample(pages, must) {
  if (pages.length <= MAX_PAGES) return { chosen: pages, sampled: false };
  const keep = new Set(pages.filter((p) => !p.site.includes('/') || must.has(p.rel)).map((p) => p.rel));
  const rest = pages.filter((p) => !keep.has(p.rel));
  const room = Math.max(0, MAX_PAGES - keep.size);
  for (let i = 0; i < room; i++) keep.add(rest[Math.floor((i * rest.length) / room)].rel);
  return { chosen: pages.filter((p) => keep.has(p.rel)), sampled: true };
}

const schemeOf = (url) => {
  const m = /^([a-z][a-z0-9+.-]*:)/i.exec(url);
  return m ? m[1].toLowerCase() : '';
};

// Sets up the listeners that turn console errors, page errors, dialogs, failed and external
// requests into problems for this page.
async function instrument(page, problems) {
  const blocked = new WeakSet(); // requests this check aborted itself
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    if (LOCAL_SCHEMES.includes(schemeOf(url))) {
      req.continue();
    } else {
      blocked.add(req);
      problems.push({ kind: 'external request', detail: `${req.resourceType()} ${url}` });
      req.abort('blockedbyclient');
    }
  });
  page.on('requestfailed', (req) => {
    if (blocked.has(req)) return; // already counted as an external request
    const why = req.failure()?.errorText ?? 'failed';
    problems.push({ kind: 'failed request', detail: `${req.resourceType()} ${req.url()} (${why})` });
  });
  page.on('response', (res) => {
    // file:// has no status; anything that has one and is an error still counts.
    const s = res.status();
    if (s >= 400) problems.push({ kind: 'failed request', detail: `${res.url()} (HTTP ${s})` });
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc?.url ? ` [${loc.url}${loc.lineNumber !== undefined ? `:${loc.lineNumber + 1}` : ''}]` : '';
    problems.push({ kind: 'console error', detail: `${msg.text()}${where}` });
  });
  page.on('pageerror', (err) => {
    problems.push({ kind: 'page error', detail: String(err?.message ?? err) });
  });
  page.on('dialog', async (d) => {
    problems.push({ kind: 'dialog', detail: `${d.type()}: ${d.message()}` });
    await d.dismiss().catch(() => {});
  });
}

// What the page links to, and the anchor names it offers (element ids and <a name>).
function collectInPage() {
  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    links.push({ raw: a.getAttribute('href'), url: a.href, text: (a.textContent || '').trim().slice(0, 60) });
  }
  const anchors = [];
  for (const e of document.querySelectorAll('[id]')) anchors.push(e.id);
  for (const a of document.querySelectorAll('a[name]')) anchors.push(a.getAttribute('name'));
  return { links, anchors };
}

let axeSource;
async function runAxe(page) {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol rather than a <script> tag, so a Content Security
  // Policy in the page neither blocks it nor has to be bypassed.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
      // axe would fetch the stylesheets by XHR for its CSSOM rules; over file:// Chromium blocks
      // that (CORS), which would show up as the page's console error and failed request.
      preload: false,
    });
    const slim = (list) =>
      list.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')),
      }));
    return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
  }, AXE_TAGS);
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

async function checkPage(browser, p) {
  const problems = [];
  const page = await browser.newPage();
  const started = Date.now();
  try {
    await page.setViewport(VIEWPORT);
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await instrument(page, problems);
    const work = (async () => {
      await page.goto(pathToFileURL(p.abs).href, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      const found = await page.evaluate(collectInPage);
      const axe = await runAxe(page);
      return { ...found, axe };
    })();
    const r = await withTimeout(work, PAGE_TIMEOUT_MS, 'checking the page');
    return { ...p, problems, ...r, ms: Date.now() - started };
  } catch (err) {
    problems.push({ kind: 'check failed', detail: String(err?.message ?? err).split('\n')[0] });
    return { ...p, problems, links: [], anchors: [], axe: { violations: [], incomplete: [] }, ms: Date.now() - started };
  } finally {
    await page.close().catch(() => {});
  }
}

// Anchor names of a page that was not opened (sampling): read from the file, leniently.
function staticAnchors(file) {
  const html = fs.readFileSync(file, 'utf8');
  const names = new Set();
  const re = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>=<`]+))/gi;
  for (const m of html.matchAll(re)) names.add(decodeEntities(m[1] ?? m[2] ?? m[3]));
  return names;
}

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// Checks every page's <a href>: local targets exist inside OUT, fragments name an anchor.
function checkLinks(results, out) {
  const outAbs = path.resolve(out);
  const anchorsOf = new Map(results.map((r) => [path.resolve(r.abs), new Set(r.anchors)]));
  const external = new Map(); // url -> count (links only, not requests: information)
  const stats = { local: 0, anchors: 0 }; // distinct (page, target) links checked, and of them with a #fragment
  for (const r of results) {
    const seen = new Set();
    for (const l of r.links) {
      const scheme = schemeOf(l.url);
      if (scheme === 'javascript:') {
        r.problems.push({ kind: 'javascript: link', detail: `href="${l.raw}"` });
        continue;
      }
      if (scheme !== 'file:') {
        if (scheme === 'http:' || scheme === 'https:') external.set(l.url, (external.get(l.url) ?? 0) + 1);
        continue;
      }
      const u = new URL(l.url);
      const fragment = u.hash ? u.hash.slice(1) : null;
      u.hash = '';
      u.search = '';
      const key = `${u.href}#${fragment ?? ''}`;
      if (seen.has(key)) continue; // report each broken target once per page
      seen.add(key);
      stats.local++;
      let target;
      try {
        target = path.resolve(fileURLToPath(u));
      } catch {
        r.problems.push({ kind: 'broken link', detail: `href="${l.raw}": not a valid file URL` });
        continue;
      }
      if (target !== outAbs && !target.startsWith(outAbs + path.sep)) {
        r.problems.push({ kind: 'broken link', detail: `href="${l.raw}" leaves the output folder (${target})` });
        continue;
      }
      if (!fs.existsSync(target)) {
        r.problems.push({ kind: 'broken link', detail: `href="${l.raw}": ${path.relative(outAbs, target)} does not exist` });
        continue;
      }
      // "#" and "#top" need no element (HTML's rules for scrolling to a fragment).
      if (fragment === null || fragment === '' || fragment.toLowerCase() === 'top') continue;
      if (!/\.html?$/i.test(target) || fs.statSync(target).isDirectory()) continue;
      stats.anchors++;
      if (!anchorsOf.has(target)) anchorsOf.set(target, staticAnchors(target));
      const names = anchorsOf.get(target);
      let decoded = fragment;
      try {
        decoded = decodeURIComponent(fragment);
      } catch {
        /* keep the raw fragment */
      }
      if (!names.has(fragment) && !names.has(decoded)) {
        r.problems.push({
          kind: 'missing anchor',
          detail: `href="${l.raw}": no id "${decoded}" in ${path.relative(outAbs, target)}`,
        });
      }
    }
  }
  return { external, stats };
}

async function screenshot(browser, p, file) {
  const problems = [];
  const page = await browser.newPage();
  try {
    await page.setViewport(VIEWPORT);
    await instrument(page, problems); // no external requests here either
    await page.goto(pathToFileURL(p.abs).href, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.evaluate(() => document.fonts.ready);
    await withTimeout(page.screenshot({ path: file, fullPage: true, type: 'png' }), PAGE_TIMEOUT_MS, 'screenshot');
    return null;
  } catch (err) {
    return String(err?.message ?? err).split('\n')[0];
  } finally {
    await page.close().catch(() => {});
  }
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function listTargets(targets, max = 8) {
  const shown = targets.slice(0, max).map((t) => `        ${t}`);
  if (targets.length > max) shown.push(`        … and ${targets.length - max} more`);
  return shown.join('\n');
}

async function main() {
  const [out, artefacts] = process.argv.slice(2);
  if (!out || !artefacts || process.argv.length > 4) usage('expected two arguments');
  if (!fs.existsSync(out) || !fs.statSync(out).isDirectory()) usage(`${out} is not a folder`);
  if (!fs.existsSync(CHROMIUM)) usage(`no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM)`);
  fs.mkdirSync(artefacts, { recursive: true });

  const { years, pages } = discover(out);
  if (pages.length === 0) {
    console.error(`browser check: FAILED: no pages found (${out}/*/site/**/*.html)`);
    process.exit(1);
  }
  const latest = years[years.length - 1];
  const startPage = pages.find((p) => p.year === latest && p.site === 'index.html');
  const partyPage = pages.find((p) => p.year === latest && /^partij\/[^/]+\.html$/.test(p.site));
  const must = new Set([startPage, partyPage].filter(Boolean).map((p) => p.rel));
  const { chosen, sampled } = sample(pages, must);

  console.log(`browser check: ${out} — years ${years.join(', ')}; ${plural(pages.length, 'page', 'pages')}`);
  if (sampled) {
    console.log(
      `browser check: more than ${MAX_PAGES} pages: checking a deterministic sample of ${chosen.length} of ` +
        `${pages.length} (every year's top-level pages, the screenshot pages, and evenly spaced others)`,
    );
  }
  console.log(`browser check: ${CHROMIUM}, ${CONCURRENCY} at a time, ${PAGE_TIMEOUT_MS / 1000} s per page, axe-core tags ${AXE_TAGS.join(' ')}`);

  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // CI runs as root, where Chromium's sandbox cannot start. /dev/shm can be small in containers.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    timeout: 60_000,
  });
  const version = await browser.version();
  console.log(`browser check: ${version}, axe-core ${JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version}`);

  const started = Date.now();
  const results = new Array(chosen.length);
  let next = 0;
  let done = 0;
  const skipped = [];
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= chosen.length) return;
      if (Date.now() - started > BUDGET_MS) {
        skipped.push(chosen[i].rel);
        continue;
      }
      results[i] = await checkPage(browser, chosen[i]);
      done++;
      if (done % 50 === 0) console.log(`browser check: ${done}/${chosen.length} pages …`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, chosen.length) }, worker));
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
  const checked = results.filter(Boolean);
  const { external, stats: linkStats } = checkLinks(checked, out);

  // Screenshots, in a fixed order, after the checks.
  const shots = [];
  const shotErrors = [];
  const wanted = [
    [startPage, `site-${latest}-start.png`, 'start page (index.html)'],
    [partyPage, partyPage && `site-${latest}-partij-${path.basename(partyPage.site, '.html')}.png`, 'party page (partij/*.html)'],
  ];
  for (const [p, name, what] of wanted) {
    if (!p) {
      shotErrors.push(`no ${what} in ${latest}/site`);
      continue;
    }
    const file = path.join(artefacts, name);
    const err = await screenshot(browser, p, file);
    if (err) shotErrors.push(`${p.rel}: ${err}`);
    else shots.push({ page: p.rel, file });
  }
  await browser.close();

  // ---- Report -------------------------------------------------------------------------------
  let failures = 0;
  console.log('');
  // Events arrive in whatever order the browser sends them: list each page's problems sorted.
  const KIND_ORDER = ['check failed', 'page error', 'console error', 'dialog', 'external request', 'failed request',
    'broken link', 'missing anchor', 'javascript: link'];
  const rankKind = (k) => (KIND_ORDER.indexOf(k) + KIND_ORDER.length + 1) % (KIND_ORDER.length + 1);
  for (const r of checked) {
    r.problems.sort((a, b) => rankKind(a.kind) - rankKind(b.kind) || byCodePoint(a.detail, b.detail));
  }
  for (const r of checked) {
    const serious = r.axe.violations.filter((v) => FAILING_IMPACTS.has(v.impact));
    if (r.problems.length === 0 && serious.length === 0) continue;
    console.log(`FAIL ${r.rel}`);
    for (const pr of r.problems) {
      failures++;
      console.log(`    ${pr.kind}: ${pr.detail}`);
    }
    for (const v of serious) {
      failures++;
      console.log(`    axe ${v.id} (${v.impact}): ${v.help} — ${plural(v.targets.length, 'element', 'elements')}:`);
      console.log(listTargets(v.targets));
    }
  }
  for (const rel of skipped) {
    failures++;
    console.log(`FAIL ${rel}\n    not checked: the time budget of ${BUDGET_MS / 1000} s ran out`);
  }
  for (const e of shotErrors) {
    failures++;
    console.log(`FAIL screenshot: ${e}`);
  }

  // All axe results by rule (minor and moderate too), worst impact first.
  const byRule = (kind) => {
    const m = new Map();
    for (const r of checked) {
      for (const v of r.axe[kind]) {
        const e = m.get(v.id) ?? { id: v.id, impact: v.impact, help: v.help, pages: 0, nodes: 0, example: null };
        e.pages++;
        e.nodes += v.targets.length;
        e.example ??= `${r.rel}: ${v.targets[0] ?? ''}`;
        m.set(v.id, e);
      }
    }
    const rank = (i) => (IMPACT_ORDER.indexOf(i) + 5) % 5; // unknown impact (null) last
    return [...m.values()].sort((a, b) => rank(a.impact) - rank(b.impact) || byCodePoint(a.id, b.id));
  };
  const violations = byRule('violations');
  const incomplete = byRule('incomplete');
  console.log('');
  console.log(`axe-core audit (${AXE_TAGS.join(', ')}) over ${plural(checked.length, 'page', 'pages')}:`);
  if (violations.length === 0) console.log('    no violations');
  for (const v of violations) {
    const mark = FAILING_IMPACTS.has(v.impact) ? '  ← fails' : '';
    console.log(`    ${v.id} (${v.impact}): ${plural(v.nodes, 'element', 'elements')} on ${plural(v.pages, 'page', 'pages')} — ${v.help}${mark}`);
    console.log(`        e.g. ${v.example}`);
  }
  if (incomplete.length > 0) {
    console.log(`  needs review (axe could not decide; does not fail): ` + incomplete.map((v) => `${v.id} ×${v.nodes}`).join(', '));
  }
  console.log(`links: ${linkStats.local} distinct local links checked, ${linkStats.anchors} of them with a #fragment`);
  if (external.size > 0) {
    console.log(`  links to outside sites (not requests; does not fail): ${[...external.keys()].sort(byCodePoint).join(', ')}`);
  }

  const report = {
    out: path.resolve(out),
    browser: version,
    tags: AXE_TAGS,
    pages: pages.length,
    checked: checked.length,
    sampled,
    skipped,
    screenshots: shots,
    failures,
    results: checked.map((r) => ({
      page: r.rel,
      ms: r.ms,
      problems: r.problems,
      violations: r.axe.violations,
      incomplete: r.axe.incomplete,
    })),
  };
  const reportFile = path.join(artefacts, 'browser-check.json');
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n');

  console.log('');
  for (const s of shots) console.log(`screenshot: ${s.file} (${s.page})`);
  console.log(`report: ${reportFile}`);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const seriousCount = violations.filter((v) => FAILING_IMPACTS.has(v.impact)).length;
  console.log(
    `browser check: ${checked.length} of ${pages.length} pages checked in ${secs} s; ` +
      `${plural(violations.length, 'axe rule', 'axe rules')} violated (${seriousCount} serious or critical); ` +
      `${plural(failures, 'problem', 'problems')}`,
  );
  // The closing tally, in the plain "N passed, N failed" form that CI logs are read for: pages
  // checked clean, pages with a problem (or left unchecked by the time budget) plus failed
  // screenshots, and pages left out of a sample.
  const bad = checked.filter((r) => r.problems.length > 0 || r.axe.violations.some((v) => FAILING_IMPACTS.has(v.impact)));
  const tally = `browser: ${checked.length - bad.length} passed, ${bad.length + skipped.length + shotErrors.length} failed`;
  console.log(failures > 0 ? 'browser check: FAILED' : 'browser check: passed');
  console.log(sampled ? `${tally}, ${pages.length - chosen.length} skipped` : tally);
  process.exit(failures > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`browser check: error: ${err?.stack ?? err}`);
  process.exit(2);
});
