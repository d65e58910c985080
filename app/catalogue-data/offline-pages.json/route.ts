import { createHash } from "node:crypto";
import { listLifeEvents } from "@/lib/catalogue/catalogue";
import { getSearchIndex } from "@/lib/catalogue/search/build-index";
import { localePrefixes, locales } from "@/lib/i18n/routing";

// Built once at build time: the list of pages the service worker keeps for offline reading
// after a visit of the catalogue home (see components/catalogue/offline-save.tsx and app/sw.ts).
export const dynamic = "force-static";

/**
 * Every procedure and every house — in one language — as two one-page documents (offline, a
 * procedure's own address leads to its section there: see app/sw.ts), plus the pages that lead
 * to them. Each page carries ~4.7 kB gzipped of layout: one page per procedure would cost about
 * 380 kB, the one-page catalogue a fraction of that (scripts/measure-offline-catalogue.mjs).
 */
function pagesFor(prefix: string): string[] {
  return [
    "/services",
    "/services/all",
    "/houses",
    "/houses/all",
    "/houses/mobile-units",
    "/life-events",
    ...listLifeEvents().map((e) => `/life-events/${e.slug}`),
  ].map((p) => `${prefix}${p}`);
}

export function GET() {
  const index = getSearchIndex();
  const pages = Object.fromEntries(locales.map((l) => [localePrefixes[l].slice(1), pagesFor(localePrefixes[l])]));
  const data = [`/catalogue-data/search-index.json?v=${index.version}`];
  const version = createHash("sha256").update(JSON.stringify({ pages, data })).digest("hex").slice(0, 12);
  return Response.json({ version, pages, data }, { headers: { "Cache-Control": "public, max-age=300" } });
}
