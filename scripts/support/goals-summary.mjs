// Issue 19's goals in one table at the end of a full `npm run bench`: each figure of this run
// beside its goal and, where a page has one, the control route's (ratios in one run, since this
// machine's absolutes are noisy). Reads what the run saved (bench-results/latest.json's shape).

const kb = (n) => (n / 1024).toFixed(1);

/** Rows { figure, measured, goal, control, ok } from a run's results; a figure not measured is "—". */
export function goalRows(results) {
  const rows = [];
  const add = (figure, measured, goal, control, ok) => rows.push({ figure, measured: measured ?? "—", goal, control: control ?? "—", ok: measured == null ? null : ok });
  const lean = (results.routes ?? []).filter((r) => r.budget === "lean" && r.loaded);
  const control = (results.routes ?? []).find((r) => r.route === "/ar/control");
  const heaviest = lean.reduce((m, r) => (m && m.loaded.gz >= r.loaded.gz ? m : r), null);
  add("JS a lean public page loads, kB gz (heaviest)", heaviest ? `${kb(heaviest.loaded.gz)} (${heaviest.route})` : null, "≤ 25", control?.loaded ? kb(control.loaded.gz) : null, heaviest ? heaviest.loaded.gz <= 25 * 1024 : null);
  const l = results.lean;
  const lh = (name, config, key) => l?.[name]?.[config]?.[key];
  add("Lighthouse mobile, lean service page", lh("lean", "lighthouse", "score"), "≥ 98", lh("control", "lighthouse", "score"), lh("lean", "lighthouse", "score") >= 98);
  add("LCP at 400 kbps (DevTools), ms", lh("lean", "400kbps", "lcpMs"), "≤ 2500", lh("control", "400kbps", "lcpMs"), lh("lean", "400kbps", "lcpMs") <= 2500);
  add("TBT at CPU 10×, ms", lh("lean", "cpu10", "tbtMs"), "≤ 200", lh("control", "cpu10", "tbtMs"), lh("lean", "cpu10", "tbtMs") <= 200);
  // The cache keeps a page's body decoded (Cache Storage holds what the browser read, not the
  // gzip on the wire): that is the size "kept offline". The gzipped ratio (what a first visit
  // downloads) is shown beside it, without a goal of its own.
  if (l?.lean?.htmlRaw && l?.full?.htmlRaw) add("HTML kept offline (as stored), lean ÷ full", `${(l.lean.htmlRaw / l.full.htmlRaw).toFixed(2)} (${kb(l.lean.htmlRaw)} / ${kb(l.full.htmlRaw)} kB)`, "≤ 0.5", null, l.lean.htmlRaw / l.full.htmlRaw <= 0.5);
  if (l?.lean?.htmlGz && l?.full?.htmlGz) add("HTML downloaded (gz), lean ÷ full", `${(l.lean.htmlGz / l.full.htmlGz).toFixed(2)} (${kb(l.lean.htmlGz)} / ${kb(l.full.htmlGz)} kB)`, "—", null, null);
  const load = results.benches?.load?.figures ?? {};
  add("PGlite, 10 posts/s, p95 ms", load.pglite?.p95Ms, "≤ 800", null, load.pglite?.p95Ms <= 800 && load.pglite?.errors === 0);
  for (const n of [1, 2]) {
    const pg = load[`postgres${n}`];
    add(`PostgreSQL, ${n} instance${n > 1 ? "s" : ""}: 50 posts/s, p95 ms (errors)`, pg ? `${pg.posts.p95Ms} (${pg.posts.errors})` : null, "≤ 800 (0)", null, pg ? pg.posts.p95Ms <= 800 && pg.posts.errors === 0 : null);
    add(`PostgreSQL, ${n} instance${n > 1 ? "s" : ""}: 250 catalogue req/s, p95 ms (errors)`, pg ? `${pg.catalogue.p95Ms} (${pg.catalogue.errors})` : null, "≤ 300 (0)", null, pg ? pg.catalogue.p95Ms <= 300 && pg.catalogue.errors === 0 : null);
  }
  const shed = results.benches?.shedding?.figures;
  add("5× burst: errors (neither served nor 503)", shed ? `${(shed.errorShare * 100).toFixed(2)} %` : null, "< 1 %", null, shed ? shed.errorShare < 0.01 && shed.shedShare > 0 : null);
  add("5× burst: home page p95 beside it, ms", shed?.homeP95Ms, "≤ 300", shed?.homeP95AtRestMs != null ? `${shed.homeP95AtRestMs} at rest` : null, shed ? shed.homeP95Ms <= 300 : null);
  const mem = load.memory;
  // Halved from what was measured when the issue was filed (503 MB right after start, 878 MB peak).
  add("server RSS right after start, MB", mem?.startMb, "≤ 251 (503 ÷ 2)", null, mem ? mem.startMb <= 251 : null);
  add("server RSS warmed at idle → after the load, MB", mem ? `${mem.idleMb} → ${mem.afterMb}` : null, "—", null, null);
  add("server RSS peak under the load, MB", mem?.peakMb, "≤ 439 (878 ÷ 2)", null, mem ? mem.peakMb <= 439 : null);
  return rows;
}

/** The table, as markdown on stdout. */
export function printGoals(results) {
  const rows = goalRows(results);
  console.info("\nIssue 19's goals, this run:\n| figure | measured | goal | control | |\n| --- | ---: | --- | ---: | --- |");
  for (const r of rows) console.info(`| ${r.figure} | ${r.measured} | ${r.goal} | ${r.control} | ${r.ok === null ? "" : r.ok ? "✓" : "✗"} |`);
  return rows;
}
