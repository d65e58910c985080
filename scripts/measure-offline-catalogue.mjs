// Measures what the offline warm-up downloads after a visit of the catalogue home: the pages the
// service worker keeps (components/catalogue/offline-save.tsx, app/sw.ts), the search index, and
// the scripts those pages load that the catalogue home did not (the others are already in the
// browser's HTTP cache). Gzipped as the server sends them. Run against a started server:
//   node scripts/measure-offline-catalogue.mjs [baseUrl] [lang]
import { gzipSync } from "node:zlib";

const base = process.argv[2] ?? "http://localhost:3000";
const langs = process.argv[3] ? [process.argv[3]] : ["ar", "fr", "en"];
// As app/sw.ts keeps them: `nomodule` scripts are never run by a browser with a service worker.
const scriptsOf = (html) =>
  new Set([...html.matchAll(/<script\b[^>]*>/g)].filter((m) => !/\snomodule\b/i.test(m[0])).map((m) => /\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(m[0])?.[1]).filter(Boolean));
const list = await (await fetch(`${base}/catalogue-data/offline-pages.json`)).json();
for (const lang of langs) {
  const home = scriptsOf(await (await fetch(`${base}/${lang}/services`)).text());
  const extra = new Set();
  let gz = 0;
  const sizes = [];
  for (const url of [...list.pages[lang], ...list.data]) {
    const body = Buffer.from(await (await fetch(base + url)).arrayBuffer());
    for (const s of scriptsOf(body.toString("utf8"))) if (!home.has(s)) extra.add(s);
    const g = gzipSync(body).length;
    gz += g;
    sizes.push([g, url]);
  }
  let js = 0;
  for (const s of extra) js += gzipSync(Buffer.from(await (await fetch(base + s)).arrayBuffer())).length;
  sizes.sort((a, b) => b[0] - a[0]);
  console.info(
    `${lang}: ${list.pages[lang].length} pages + ${list.data.length} data file(s) ${(gz / 1024).toFixed(1)} kB, ` +
      `${extra.size} more script(s) ${(js / 1024).toFixed(1)} kB — total ${((gz + js) / 1024).toFixed(1)} kB gzipped`,
  );
  console.info(`  largest: ${sizes.slice(0, 3).map(([g, u]) => `${u} ${(g / 1024).toFixed(1)} kB`).join(", ")}`);
}
