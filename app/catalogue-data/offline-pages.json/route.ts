import { createHash } from "node:crypto";
import { listBodies, listCategories, listLifeEvents, listServices } from "@/lib/catalogue/catalogue";
import { getSearchIndex } from "@/lib/catalogue/search/build-index";
import { listHouses } from "@/lib/houses/houses";
import { localePrefixes, locales } from "@/lib/i18n/routing";

// Built once at build time: the list of pages the service worker keeps for offline reading
// after a visit of the catalogue home (see components/catalogue/offline-save.tsx and app/sw.ts).
export const dynamic = "force-static";

/** Every procedure, every house, and the pages that lead to them — in one language. */
function pagesFor(prefix: string): string[] {
  return [
    "/services",
    ...listServices().map((s) => `/services/${s.slug}`),
    ...listBodies().map((b) => `/services/bodies/${b.id}`),
    ...listCategories().map((c) => `/services/categories/${c.id}`),
    "/life-events",
    ...listLifeEvents().map((e) => `/life-events/${e.slug}`),
    "/houses",
    "/houses/mobile-units",
    ...listHouses().map((h) => `/houses/${h.slug}`),
  ].map((p) => `${prefix}${p}`);
}

export function GET() {
  const index = getSearchIndex();
  const pages = Object.fromEntries(locales.map((l) => [localePrefixes[l].slice(1), pagesFor(localePrefixes[l])]));
  const data = [`/catalogue-data/search-index.json?v=${index.version}`];
  const version = createHash("sha256").update(JSON.stringify({ pages, data })).digest("hex").slice(0, 12);
  return Response.json({ version, pages, data }, { headers: { "Cache-Control": "public, max-age=300" } });
}
