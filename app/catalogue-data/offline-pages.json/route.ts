import { createHash } from "node:crypto";
import { getCatalogue, listLifeEvents } from "@/lib/catalogue/catalogue";
import { servedFingerprint } from "@/lib/content/snapshot";
import { listHouses } from "@/lib/houses/houses";
import { getSearchIndex } from "@/lib/catalogue/search/build-index";
import { localePrefixes, locales } from "@/lib/i18n/routing";

// Built at build time, and again after a publish (lib/content/live.ts revalidates it): the list of pages the service worker keeps for offline reading
// after a visit of the catalogue home (see components/catalogue/offline-save.tsx and app/sw.ts).
export const dynamic = "force-static";

/**
 * Every procedure and every house — in one language — as two one-page documents (offline, a
 * procedure's own address leads to its section there: see app/sw.ts), plus the pages that lead
 * to them. Each page carries ~4.7 kB gzipped of layout: one page per procedure and house cost
 * ~380 kB gzipped in Arabic; the one-page catalogue ~70 kB. With the browsing pages (bodies,
 * topics, life events) and the search index: ~255 kB (scripts/measure-offline-catalogue.mjs).
 * The bodies, the topics, the checklists, "houses for" a procedure and the governorates are read
 * offline in one-page documents too (lib/pwa/cache-policy.ts, onePageSectionFor): twenty body and
 * topic pages cost ~115 kB gzipped in Arabic, their two one-page lists a fraction of it, which
 * makes room for the governorates and the digital-skills lessons (few, kept as they are).
 */
function pagesFor(prefix: string): string[] {
  return [
    // The home page: where an installed app opens, online or not.
    "",
    "/services",
    "/services/all",
    // Bodies and topics as one page each (offline, their own addresses lead to their sections).
    "/services/bodies/all",
    "/services/categories/all",
    "/houses",
    "/houses/all",
    "/houses/mobile-units",
    "/houses/governorates/all",
    "/life-events",
    ...listLifeEvents().map((e) => `/life-events/${e.slug}`),
    // The lessons' list; each lesson is kept once it is opened (11 lessons with their pictures and
    // questions would take the download past its 300 kB budget).
    "/learn",
  ].map((p) => `${prefix}${p}`);
}

export function GET() {
  const index = getSearchIndex();
  const pages = Object.fromEntries(locales.map((l) => [localePrefixes[l].slice(1), pagesFor(localePrefixes[l])]));
  const data = [`/catalogue-data/search-index.json?v=${index.version}`];
  // The published content's fingerprint too: any publish (a fee, a house's hours — not only what
  // the search index holds) changes the version, and the service worker fetches every page again.
  const content = servedFingerprint(getCatalogue(), listHouses());
  const version = createHash("sha256").update(JSON.stringify({ pages, data, content })).digest("hex").slice(0, 12);
  return Response.json({ version, pages, data }, { headers: { "Cache-Control": "public, max-age=300" } });
}
