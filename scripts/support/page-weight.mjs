// What a first visit of a page really downloads, as a phone's Chromium does it (scripts/bench.mjs):
// the page is loaded in a fresh context (empty cache, no service worker: its precache is counted
// on its own line), then left until the network settles, so the chunks loaded late (a client
// component's lazy import, a route's chunks fetched by a prefetch) are counted with the others.
//  - js: every script response (resource type `script`), gzipped as the server sends them;
//  - prefetch: what the router fetched after `load` that nobody asked for — requests marked
//    `Next-Router-Prefetch`, `Purpose`/`Sec-Purpose: prefetch` or carrying `?_rsc=` — gzipped;
//  - cls: the layout shift of the visit (PerformanceObserver 'layout-shift', buffered).
import { gzipSync } from "node:zlib";
import { chromiumArgs } from "../chromium.mjs";

/** Waits until no request has been in flight for `quietMs` (at most `maxMs`). */
async function settle(page, inFlight, quietMs = 1000, maxMs = 15_000) {
  const start = Date.now();
  let quietSince = Date.now();
  while (Date.now() - start < maxMs) {
    if (inFlight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(100);
  }
}

const isPrefetch = (request) => {
  const h = request.headers();
  return h["next-router-prefetch"] === "1" || "next-router-segment-prefetch" in h || /prefetch/i.test(h["purpose"] ?? "") || /prefetch/i.test(h["sec-purpose"] ?? "") || new URL(request.url()).searchParams.has("_rsc");
};

export async function openBrowser(executablePath) {
  const { chromium, devices } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const device = devices["Pixel 7"];
  return {
    close: () => browser.close(),
    /** { js: { scripts, gz }, prefetch: { requests, gz }, cls } of one first visit of `url`. */
    async weigh(url, { extraHTTPHeaders } = {}) {
      const context = await browser.newContext({ ...device, serviceWorkers: "block", extraHTTPHeaders });
      const page = await context.newPage();
      const inFlight = new Set();
      const bodies = [];
      let loaded = false;
      page.on("request", (r) => inFlight.add(r));
      page.on("requestfailed", (r) => inFlight.delete(r));
      page.on("requestfinished", (r) => inFlight.delete(r));
      page.on("response", (response) => {
        const request = response.request();
        const kind = request.resourceType() === "script" ? "js" : loaded && isPrefetch(request) ? "prefetch" : null;
        if (!kind) return;
        bodies.push(response.body().then((b) => ({ kind, url: request.url(), gz: gzipSync(b).length }), () => ({ kind, url: request.url(), gz: 0 })));
      });
      try {
        await page.goto(url, { waitUntil: "load" });
        loaded = true;
        await settle(page, inFlight);
        const cls = await page.evaluate(
          () =>
            new Promise((resolve) => {
              let sum = 0;
              new globalThis.PerformanceObserver((list) => {
                for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
              }).observe({ type: "layout-shift", buffered: true });
              setTimeout(() => resolve(sum), 200);
            }),
        );
        const all = await Promise.all(bodies);
        const sum = (kind) => {
          const rows = all.filter((b) => b.kind === kind);
          return { requests: rows.length, gz: rows.reduce((n, b) => n + b.gz, 0) };
        };
        const js = sum("js");
        return { js: { scripts: js.requests, gz: js.gz }, prefetch: sum("prefetch"), cls: Math.round(cls * 1000) / 1000 };
      } finally {
        await context.close();
      }
    },
  };
}
