// `npm run bench`: builds, serves the production build on a throw-away database, and prints
//  - for each public route (e2e/support/public-routes.json) the gzipped JS its HTML loads, next
//    to the control route (/ar/control: the layout and nothing else); and, loaded in Chromium as
//    a first visit on a phone (scripts/support/page-weight.mjs), every script it really loads
//    (late chunks included: the network is left to settle after `load`), the bytes the router
//    prefetched after load that nobody asked for (`?_rsc=`, Next-Router-Prefetch, Purpose:
//    prefetch), and its layout shift (CLS), each beside the control's;
//  - for each form page, signed in as the demo citizen, agent, official and admin where it needs
//    one (a suggestion and an interview booking are made on the way, to reach the check pages, the
//    case pages and the booking's pages), the same figure: the form kit's budget (issue 14);
//  - the service worker's precache size;
//  - Lighthouse mobile scores of the home page, a service page and the control (lighthouse 12.8.2, Chromium);
//  - the benches of each domain that has one (scripts/bench-*.ts); one that fails fails the run
//    (scripts/bench-shedding.ts: a 5× burst on a signed-in page, the share of 503s, the p95 of
//    the requests served and the home page's p95 beside it; BENCH_SHED_SECONDS shortens it).
// A full run ends with issue 19's goals in one table (scripts/support/goals-summary.mjs).
// Results (the domain benches' figures too) go to bench-results/latest.json. Loopback only, bounded in time.
// BENCH_ONLY=forms measures the control and the form pages only (no public routes, precache,
// Lighthouse or domain benches): a few seconds on a current build (SKIP_BUILD=1).
// BENCH_ONLY=public measures the control and the public routes only (HTML and Chromium).
// BENCH_ONLY=lean compares a lean public page with the same page in full and the control
// (scripts/support/lean-compare.mjs, docs/adr/0021): JS, HTML size, Lighthouse (default, CPU 10×,
// 400 kbps DevTools throttling), median of LEAN_RUNS; the full run does it too.
//
// Budgets (BUDGETS below, data, per route group; kB gzipped): a page over its group's budget fails
// the run, after every figure is printed and saved. `js` is the JS a first visit loads in Chromium
// (public routes) or the JS its HTML loads (form pages: measured without a browser); `prefetch`
// the bytes prefetched after load; `cls` the layout shift. Set at today's figures (Dec 2026:
// public pages 139–142 kB, form pages ≤ 177 kB, the control 139 kB) plus ~10 % headroom, so that
// a framework upgrade or a new client component shows up here first; lower them as §1 of issue 19
// lands (its goal: 25 kB). Prefetch: none on load, on any public page (issue 19 §2).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import os from "node:os";
import path from "node:path";
import { findChromium } from "./chromium.mjs";
import { openBrowser } from "./support/page-weight.mjs";
import { printGoals } from "./support/goals-summary.mjs";
import { startBenchServer } from "./support/bench-server.mjs";

/** Budgets per route group (see the header). `match` sees the measured path (e.g. /ar/houses). */
const BUDGETS = [
  { group: "control", match: (p) => p === "/ar/control", js: 150, prefetch: 0, cls: 0.05 },
  // Served lean (ADR 0021): no framework, the issue's goal of 25 kB gz.
  { group: "lean", match: (p) => ["/ar", "/ar/offline", "/ar/help", "/ar/accessibility", "/ar/verify", "/ar/services/pay-steg-bill"].includes(p), js: 25, prefetch: 0, cls: 0.05 },
  { group: "public", match: () => true, js: 155, prefetch: 0, cls: 0.05 },
];
const FORM_BUDGET = { group: "forms", js: 195 };
const budgetOf = (p) => BUDGETS.find((b) => b.match(p));
/** The page issue 19 §1 proves the lean pages on (docs/adr/0021). */
const LEAN_ROUTE = "/ar/services/pay-steg-bill";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const port = Number(process.env.BENCH_PORT ?? 3400);
const base = `http://localhost:${port}`;
const routes = JSON.parse(readFileSync("e2e/support/public-routes.json", "utf8"));
const extra = process.env.BENCH_ROUTES ? process.env.BENCH_ROUTES.split(",") : [];

if (process.env.SKIP_BUILD !== "1") {
  const t0 = Date.now();
  const b = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
  console.info(`build: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// BENCH_ONLY=load,shedding,…: only those domain benches (each starts its own servers), no page figures.
const onlyNames = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",") : null;
if (onlyNames && onlyNames.every((o) => !["forms", "public", "lean"].includes(o))) {
  const benches = {};
  const failed = runDomainBenches(benches);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(`bench-results/${onlyNames.join("-")}.json`, JSON.stringify({ at: new Date().toISOString(), benches }, null, 2));
  console.info(`\n→ bench-results/${onlyNames.join("-")}.json`);
  if (failed.length > 0) console.error(`✗ failed: ${failed.join(", ")}`);
  process.exit(failed.length > 0 ? 1 : 0);
}


const sizeCache = new Map();
async function gz(url) {
  if (!sizeCache.has(url)) {
    const buf = Buffer.from(await (await fetch(url)).arrayBuffer());
    sizeCache.set(url, { raw: buf.length, gz: gzipSync(buf).length });
  }
  return sizeCache.get(url);
}

/** The gzipped JS a page's HTML loads: its scripts and the scripts it preloads for its first render. */
async function pageJs(route) {
  return htmlJs(await (await fetch(`${base}${route}`)).text());
}

async function htmlJs(html) {
  // noModule scripts (legacy polyfills) are never loaded by a browser that runs modules.
  const srcs = new Set([...html.matchAll(/<script([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1])).map((m) => /src="([^"]+)"/.exec(m[1])?.[1]).filter(Boolean));
  for (const m of html.matchAll(/<link[^>]+rel="preload"[^>]+as="script"[^>]+href="([^"]+)"/g)) srcs.add(m[1]);
  let total = 0;
  for (const src of srcs) total += (await gz(new URL(src, base).href)).gz;
  return { scripts: srcs.size, gz: total };
}

const kb = (n) => (n / 1024).toFixed(1);

// BENCH_ONLY=payments,interviews,shedding runs only those domain benches; BENCH_ONLY=forms only the form pages.
const only = onlyNames;
const formsOnly = only !== null && only.every((o) => o === "forms");
const leanOnly = only !== null && only.every((o) => o === "lean");

// The form pages sign four people in from 127.0.0.1, and the local stand-ins get ports of their own beside the bench's.
const { stop } = await startBenchServer({
  port,
  name: "pages",
  env: {
    D17_SIMULATOR_PORT: String(port + 101), D17_API_URL: `http://127.0.0.1:${port + 101}`,
    BILLER_SIMULATOR_PORT: String(port + 102), BILLER_API_URL: `http://127.0.0.1:${port + 102}`,
  },
});
// BENCH_ONLY=lean: the lean service page beside the same page in full and the control (issue 19 §1).
if (leanOnly) {
  const { compareLean } = await import("./support/lean-compare.mjs");
  const chrome = await findChromium();
  const b = chrome ? await openBrowser(chrome) : null;
  const lean = await compareLean({ base, chrome, browser: b, route: LEAN_ROUTE });
  await b?.close();
  stop();
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/lean.json", JSON.stringify({ at: new Date().toISOString(), route: LEAN_ROUTE, ...lean }, null, 2));
  console.info("\n→ bench-results/lean.json");
  process.exit(lean.lean.lean ? 0 : 1);
}
const results = { at: new Date().toISOString(), routes: [], forms: [], precache: null, lighthouse: {}, budgets: { routes: BUDGETS.map((b) => ({ group: b.group, js: b.js, prefetch: b.prefetch, cls: b.cls })), forms: FORM_BUDGET } };
const overBudget = [];
const control = await pageJs("/ar/control");
const chromiumPath = await findChromium();
const browser = chromiumPath && !formsOnly ? await openBrowser(chromiumPath) : null;
if (!browser && !formsOnly) console.info("\n(no Chromium: the JS loaded, the prefetch bytes and CLS are not measured)");
const controlLoad = browser ? await browser.weigh(`${base}/ar/control`) : null;
console.info("\nA first visit (ar), kB gzipped: JS its HTML names; in Chromium, JS loaded after load settles, prefetch after load, CLS:");
console.info(`${"route".padEnd(40)} ${"HTML JS".padStart(8)} ${"loaded".padStart(8)} ${"over ctl".padStart(9)} ${"prefetch".padStart(13)} ${"CLS".padStart(6)}  budget`);
for (const route of formsOnly ? [] : ["/control", ...routes.filter((r) => r !== "/control"), ...extra]) {
  const p = `/ar${route === "/" ? "" : route}`;
  const r = await pageJs(p);
  const load = browser ? (p === "/ar/control" ? controlLoad : await browser.weigh(`${base}${p}`)) : null;
  const budget = budgetOf(p);
  const over = load
    ? [
        load.js.gz > budget.js * 1024 ? `JS ${kb(load.js.gz)} > ${budget.js} kB` : null,
        load.prefetch.gz > budget.prefetch * 1024 ? `prefetch ${kb(load.prefetch.gz)} > ${budget.prefetch} kB` : null,
        load.cls > budget.cls ? `CLS ${load.cls} > ${budget.cls}` : null,
      ].filter(Boolean)
    : [];
  for (const o of over) overBudget.push(`${p}: ${o} (${budget.group})`);
  results.routes.push({ route: p, ...r, overControl: r.gz - control.gz, ...(load ? { loaded: load.js, prefetch: load.prefetch, cls: load.cls, loadedOverControl: load.js.gz - controlLoad.js.gz } : {}), budget: budget.group, overBudget: over });
  const sign = (n) => (n >= 0 ? "+" : "") + kb(n);
  console.info(
    `${p.padEnd(40)} ${kb(r.gz).padStart(8)} ${(load ? kb(load.js.gz) : "—").padStart(8)} ${(load ? sign(load.js.gz - controlLoad.js.gz) : "—").padStart(9)} ` +
      `${(load ? `${kb(load.prefetch.gz)} (${load.prefetch.requests})` : "—").padStart(13)} ${(load ? String(load.cls) : "—").padStart(6)}  ${budget.group}${over.length ? ` ✗ ${over.join("; ")}` : ""}`,
  );
}
await browser?.close();

if (!only || only.includes("forms")) {
  const { measureFormPages } = await import("./support/form-pages.mjs");
  results.forms = await measureFormPages({ base, htmlJs, control });
  console.info(`\nForm pages (ar), gzipped JS over the control route (${kb(control.gz)} kB gz):`);
  console.info(`| route | as | JS gz | over control |\n| --- | --- | ---: | ---: |`);
  for (const f of results.forms) {
    if (f.error) console.info(`| ${f.route} | ${f.who} | — | not reached: ${f.error} |`);
    else console.info(`| ${f.route} | ${f.who} | ${kb(f.gz)} kB | ${(f.overControl >= 0 ? "+" : "") + kb(f.overControl)} kB |`);
  }
  for (const f of results.forms) if (!f.error && f.gz > FORM_BUDGET.js * 1024) overBudget.push(`${f.route} (${f.who}): JS ${kb(f.gz)} > ${FORM_BUDGET.js} kB (forms)`);
}

/** Pages over their budget fail the run, after the figures are saved. */
function reportBudgets() {
  if (overBudget.length === 0) return true;
  console.error(`\n✗ over budget:\n  ${overBudget.join("\n  ")}`);
  return false;
}
const publicOnly = only !== null && only.every((o) => o === "public");
if (publicOnly) {
  stop();
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/latest.json", JSON.stringify(results, null, 2));
  console.info("\n→ bench-results/latest.json");
  process.exit(reportBudgets() ? 0 : 1);
}

// Precache: the entries the worker downloads at install.
if (formsOnly) {
  stop();
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/latest.json", JSON.stringify(results, null, 2));
  console.info("\n→ bench-results/latest.json");
  process.exit(reportBudgets() && !results.forms.some((f) => f.error) ? 0 : 1);
}
const sw = await (await fetch(`${base}/serwist/sw.js`)).text();
const entries = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
let pre = { raw: 0, gz: 0 };
for (const u of entries) {
  const s = await gz(new URL(u, base).href);
  pre = { raw: pre.raw + s.raw, gz: pre.gz + s.gz };
}
results.precache = { entries: entries.length, ...pre };
console.info(`\nPrecache: ${entries.length} entries, ${kb(pre.raw)} kB (${kb(pre.gz)} kB gz)`);

// Lighthouse mobile (its default form factor).
const chrome = chromiumPath;
if (chrome && process.env.SKIP_LIGHTHOUSE !== "1") {
  for (const p of ["/ar", "/ar/control", "/ar/services/pay-steg-bill", ...(process.env.LIGHTHOUSE_ROUTES ? process.env.LIGHTHOUSE_ROUTES.split(",") : [])]) {
    const out = path.join(os.tmpdir(), `lh-${p.replace(/\W/g, "_")}.json`);
    const r = spawnSync(
      "npx",
      ["lighthouse", `${base}${p}`, "--quiet", "--output=json", `--output-path=${out}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"],
      { env: { ...process.env, CHROME_PATH: chrome }, stdio: ["ignore", "ignore", "inherit"], timeout: 180_000 },
    );
    if (r.status === 0 && existsSync(out)) {
      const lh = JSON.parse(readFileSync(out, "utf8"));
      const c = lh.categories;
      const scores = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round(v.score * 100)]));
      const metrics = { lcpMs: Math.round(lh.audits["largest-contentful-paint"].numericValue), tbtMs: Math.round(lh.audits["total-blocking-time"].numericValue), cls: lh.audits["cumulative-layout-shift"].numericValue };
      results.lighthouse[p] = { ...scores, ...metrics };
      console.info(`Lighthouse mobile ${p}: ${JSON.stringify(results.lighthouse[p])}`);
    } else console.info(`Lighthouse ${p}: failed (exit ${r.status})`);
  }
}

if (chrome && !only) {
  const { compareLean } = await import("./support/lean-compare.mjs");
  const b = await openBrowser(chrome);
  results.lean = await compareLean({ base, chrome, browser: b, route: LEAN_ROUTE });
  await b.close();
}

stop();
await new Promise((r) => setTimeout(r, 1000));

results.benches = {};
const failed = runDomainBenches(results.benches);

// Issue 19's goals in one table, beside the control where a page has one.
results.goals = printGoals(results);
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/latest.json", JSON.stringify(results, null, 2));
console.info("\n→ bench-results/latest.json");
const withinBudgets = reportBudgets();
if (failed.length > 0) console.error(`✗ failed: ${failed.join(", ")}`);
process.exit(failed.length > 0 || !withinBudgets ? 1 : 0);

// Domain benches: scripts/bench-<domain>.ts, each printing its own figures; a line
// `BENCH_<NAME> {json}` is kept in latest.json. A bench that fails (a broken guarantee, a time
// limit) fails `npm run bench`, after the figures are saved. Answers the failed ones.
function runDomainBenches(benches) {
const failed = [];
for (const f of readdirSync("scripts").filter((f) => /^bench-.+\.ts$/.test(f) && (!onlyNames || onlyNames.includes(f.replace(/^bench-|\.ts$/g, "")))).sort()) {
  console.info(`\n→ ${f}`);
  const name = f.replace(/^bench-|\.ts$/g, "");
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${f}`], { stdio: ["ignore", "pipe", "inherit"], timeout: 900_000, maxBuffer: 16 * 1024 * 1024 });
  const out = r.stdout?.toString() ?? "";
  process.stdout.write(out);
  const figures = {};
  for (const m of out.matchAll(/^BENCH_([A-Z0-9_]+) (\{.*\})$/gm)) {
    try {
      Object.assign(figures, JSON.parse(m[2]));
    } catch {
      // a malformed line: the bench's own output above still shows it
    }
  }
  const ok = r.status === 0;
  benches[name] = { ok, exit: r.status, ...(r.signal ? { signal: r.signal } : {}), figures };
  if (!ok) failed.push(`${f} (exit ${r.status ?? r.signal})`);
}
return failed;
}
