// Side by side (issue 19 §1, docs/adr/0021): a lean public page, the same page as the framework
// serves it (asked with x-idarti-full-page), and the control route (/ar/control: the layout and
// nothing else, full framework), in one run, interleaved, median of LEAN_RUNS (3) Lighthouse runs
// per configuration — this machine's absolutes are noisy, the ratios are what to read:
//  - "lighthouse": Lighthouse's default mobile run (simulated throttling, CPU 4×): score, LCP, TBT;
//  - "cpu10": the same with CPU 10×: TBT;
//  - "400kbps": DevTools (real) throttling at 400 kbps down/up, 400 ms latency, CPU 4×: LCP.
// Plus what a first visit downloads in Chromium (scripts/support/page-weight.mjs) and the HTML's
// gzipped size (what the service worker keeps offline).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import os from "node:os";
import path from "node:path";

const FULL = { "x-idarti-full-page": "1" };
const CONFIGS = {
  lighthouse: [],
  cpu10: ["--throttling.cpuSlowdownMultiplier=10"],
  "400kbps": ["--throttling-method=devtools", "--throttling.downloadThroughputKbps=400", "--throttling.uploadThroughputKbps=400", "--throttling.requestLatencyMs=400", "--throttling.cpuSlowdownMultiplier=4"],
};
export const LEAN_GOALS = { js: 25 * 1024, score: 98, lcp400Ms: 2500, tbtCpu10Ms: 200 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

function lighthouse(chrome, url, flags, headers) {
  const out = path.join(os.tmpdir(), `lh-lean-${process.pid}.json`);
  rmSync(out, { force: true });
  const r = spawnSync(
    "npx",
    ["lighthouse", url, "--quiet", "--only-categories=performance", "--output=json", `--output-path=${out}`, ...flags,
      ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"],
    { env: { ...process.env, CHROME_PATH: chrome }, stdio: ["ignore", "ignore", "inherit"], timeout: 180_000 },
  );
  if (r.status !== 0 || !existsSync(out)) return null;
  const lh = JSON.parse(readFileSync(out, "utf8"));
  return { score: Math.round(lh.categories.performance.score * 100), lcpMs: Math.round(lh.audits["largest-contentful-paint"].numericValue), tbtMs: Math.round(lh.audits["total-blocking-time"].numericValue) };
}

/** Figures for `route` lean vs full vs the control; prints a table and returns the figures. */
export async function compareLean({ base, chrome, browser, route, runs = Number(process.env.LEAN_RUNS ?? 3) }) {
  const pages = [
    { name: "lean", url: `${base}${route}`, headers: null },
    { name: "full", url: `${base}${route}`, headers: FULL },
    { name: "control", url: `${base}/ar/control`, headers: null },
  ];
  const figures = {};
  for (const p of pages) {
    const res = await fetch(p.url, { headers: p.headers ?? {} });
    const html = Buffer.from(await res.arrayBuffer());
    const load = browser ? await browser.weigh(p.url, { extraHTTPHeaders: p.headers ?? undefined }) : null;
    figures[p.name] = { lean: res.headers.get("x-idarti-lean") === "1", htmlGz: gzipSync(html).length, htmlRaw: html.length, js: load?.js ?? null, runs: {} };
  }
  if (chrome && process.env.SKIP_LIGHTHOUSE !== "1") {
    for (let i = 0; i < runs; i++)
      for (const [config, flags] of Object.entries(CONFIGS))
        for (const p of pages) {
          const r = lighthouse(chrome, p.url, flags, p.headers);
          if (r) (figures[p.name].runs[config] ??= []).push(r);
        }
    for (const p of pages)
      for (const [config, list] of Object.entries(figures[p.name].runs))
        figures[p.name][config] = { score: median(list.map((r) => r.score)), lcpMs: median(list.map((r) => r.lcpMs)), tbtMs: median(list.map((r) => r.tbtMs)), n: list.length };
  }
  const kb = (n) => (n == null ? "—" : (n / 1024).toFixed(1));
  const f = figures;
  const cell = (name, config, key) => f[name][config]?.[key] ?? "—";
  const ratio = (name, config, key) => (f[name][config] && f.control[config]?.[key] ? (f[name][config][key] / f.control[config][key]).toFixed(2) : "—");
  console.info(`\nLean public page ${route} (served lean: ${f.lean.lean}), side by side, median of ${runs}:`);
  console.info("| figure | goal | lean | full page | control | lean ÷ control |");
  console.info("| --- | ---: | ---: | ---: | ---: | ---: |");
  console.info(`| JS loaded, kB gz | ≤ 25 | ${kb(f.lean.js?.gz)} | ${kb(f.full.js?.gz)} | ${kb(f.control.js?.gz)} | ${f.lean.js && f.control.js ? (f.lean.js.gz / f.control.js.gz).toFixed(2) : "—"} |`);
  // Kept offline = what Cache Storage holds: the body decoded. Downloaded = gzip on the wire.
  console.info(`| HTML kept offline (as stored), kB | half of full | ${kb(f.lean.htmlRaw)} | ${kb(f.full.htmlRaw)} | ${kb(f.control.htmlRaw)} | — |`);
  console.info(`| HTML downloaded, kB gz | — | ${kb(f.lean.htmlGz)} | ${kb(f.full.htmlGz)} | ${kb(f.control.htmlGz)} | — |`);
  console.info(`| Lighthouse mobile score | ≥ 98 | ${cell("lean", "lighthouse", "score")} | ${cell("full", "lighthouse", "score")} | ${cell("control", "lighthouse", "score")} | ${ratio("lean", "lighthouse", "score")} |`);
  console.info(`| LCP simulated, ms | ≤ 2500 | ${cell("lean", "lighthouse", "lcpMs")} | ${cell("full", "lighthouse", "lcpMs")} | ${cell("control", "lighthouse", "lcpMs")} | ${ratio("lean", "lighthouse", "lcpMs")} |`);
  console.info(`| LCP 400 kbps DevTools, ms | ≤ 2500 | ${cell("lean", "400kbps", "lcpMs")} | ${cell("full", "400kbps", "lcpMs")} | ${cell("control", "400kbps", "lcpMs")} | ${ratio("lean", "400kbps", "lcpMs")} |`);
  console.info(`| TBT CPU 10×, ms | ≤ 200 | ${cell("lean", "cpu10", "tbtMs")} | ${cell("full", "cpu10", "tbtMs")} | ${cell("control", "cpu10", "tbtMs")} | ${ratio("lean", "cpu10", "tbtMs")} |`);
  return figures;
}
