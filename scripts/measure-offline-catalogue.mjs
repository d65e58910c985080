// Measures what the offline warm-up downloads (the pages the service worker keeps after a visit
// of the catalogue home), gzipped as the server sends them. Run against a started server:
//   node scripts/measure-offline-catalogue.mjs [baseUrl] [lang]
import { gzipSync } from "node:zlib";

const base = process.argv[2] ?? "http://localhost:3000";
const langs = process.argv[3] ? [process.argv[3]] : ["ar", "fr", "en"];
const list = await (await fetch(`${base}/catalogue-data/offline-pages.json`)).json();
for (const lang of langs) {
  let raw = 0;
  let gz = 0;
  const sizes = [];
  for (const url of [...list.pages[lang], ...list.data]) {
    const body = Buffer.from(await (await fetch(base + url)).arrayBuffer());
    const g = gzipSync(body, { level: 6 }).length;
    raw += body.length;
    gz += g;
    sizes.push([g, url]);
  }
  sizes.sort((a, b) => b[0] - a[0]);
  console.info(`${lang}: ${list.pages[lang].length} pages + ${list.data.length} data files, ${(raw / 1024).toFixed(0)} kB raw, ${(gz / 1024).toFixed(1)} kB gzipped`);
  console.info(`  largest: ${sizes.slice(0, 3).map(([g, u]) => `${u} ${(g / 1024).toFixed(1)} kB`).join(", ")}`);
}
