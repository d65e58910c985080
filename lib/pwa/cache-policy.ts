/**
 * What the service worker may keep. An allow-list, so that a new personal route is private by
 * default: only these public sections are cached, and only when the server did not say
 * `no-store` / `private`. Imported by app/sw.ts and by the tests.
 */
export const PUBLIC_SECTIONS = ["", "services", "houses", "learn", "offline", "life-events", "search", "control"] as const;

const LOCALE_PREFIX = /^\/(ar|fr|en)(\/|$)/;

/**
 * Single public pages outside those sections: the help page and the accessibility statement
 * (static: a first-time user may need them without a connection), and the verify form (prerendered; it checks QR codes in
 * the browser, so it must open offline). Its results by short code (/xx/verify/CODE) stay uncached.
 */
export const PUBLIC_PAGES = ["verify", "help", "accessibility"] as const;

export function isCacheablePage(pathname: string): boolean {
  const m = LOCALE_PREFIX.exec(pathname);
  if (!m) return false;
  const rest = pathname.slice(m[0].length).replace(/\/$/, "");
  if ((PUBLIC_PAGES as readonly string[]).includes(rest)) return true;
  const section = rest.split("/")[0] ?? "";
  return (PUBLIC_SECTIONS as readonly string[]).includes(section);
}

export function isCacheableResponse(headers: Headers): boolean {
  const cc = (headers.get("cache-control") ?? "").toLowerCase();
  return !cc.includes("no-store") && !cc.includes("private");
}

export const OFFLINE_PAGES = ["/ar/offline", "/fr/offline", "/en/offline"] as const;

export function offlinePageFor(pathname: string): string {
  const m = LOCALE_PREFIX.exec(pathname);
  return `/${m?.[1] ?? "ar"}/offline`;
}

/**
 * Pages are cached when the browser navigates to them, and when a page asks the worker to keep
 * URLs ("warm"): the first page of a visit loads before the worker exists, so it asks for itself.
 * Warm requests carry this header (they cannot be real navigations).
 */
export const WARM_HEADER = "x-idarti-warm";

export function isPageRequest(request: Request): boolean {
  return request.mode === "navigate" || request.headers.get(WARM_HEADER) === "1";
}

/**
 * A QR scanned by a phone's camera app opens `/verify#…` (no locale: the reader's language is not
 * known when the paper is printed). Offline, the worker sends it to a verify page it keeps, the
 * phone's language first; the `#…` survives the redirect and the page checks it (ADR 0017).
 */
export function verifyPagesFor(language: string): string[] {
  const all = ["/ar/verify", "/fr/verify", "/en/verify"];
  const first = `/${language.slice(0, 2).toLowerCase()}/verify`;
  return all.includes(first) ? [first, ...all.filter((p) => p !== first)] : all;
}

/**
 * Offline, a catalogue address that was never opened on its own is still readable in the
 * one-page documents the worker keeps after a visit of the catalogue home
 * (app/catalogue-data/offline-pages.json): the address of that section, or null. One document
 * per kind compresses far better than one page per address (each repeats ~4.7 kB gzipped of
 * layout), which is what keeps the whole catalogue within the 300 kB offline budget.
 * - a procedure, its checklist ("what to bring"), "houses for this procedure": its section of
 *   /xx/services/all (the documents, the steps, the houses that offer it);
 * - a body, a topic: its section of /xx/services/bodies/all, /xx/services/categories/all;
 * - a house: its section of /xx/houses/all; a governorate: its section of /xx/houses/governorates/all.
 */
const RESERVED_SLUGS = new Set(["all", "search", "bodies", "categories", "for", "governorates", "mobile-units", "find"]);
const SLUG = "([a-z0-9]+(?:-[a-z0-9]+)*)";
const ONE_PAGE_SECTIONS: { pattern: RegExp; section: (lang: string, slug: string) => string }[] = [
  { pattern: new RegExp(`^/(ar|fr|en)/services/${SLUG}$`), section: (l, s) => `/${l}/services/all#service-${s}` },
  { pattern: new RegExp(`^/(ar|fr|en)/services/${SLUG}/checklist$`), section: (l, s) => `/${l}/services/all#${s}-documents` },
  { pattern: new RegExp(`^/(ar|fr|en)/houses/for/${SLUG}$`), section: (l, s) => `/${l}/services/all#${s}-where` },
  { pattern: new RegExp(`^/(ar|fr|en)/services/bodies/${SLUG}$`), section: (l, s) => `/${l}/services/bodies/all#body-${s}` },
  { pattern: new RegExp(`^/(ar|fr|en)/services/categories/${SLUG}$`), section: (l, s) => `/${l}/services/categories/all#category-${s}` },
  { pattern: new RegExp(`^/(ar|fr|en)/houses/${SLUG}$`), section: (l, s) => `/${l}/houses/all#house-${s}` },
  { pattern: new RegExp(`^/(ar|fr|en)/houses/governorates/${SLUG}$`), section: (l, s) => `/${l}/houses/governorates/all#governorate-${s}` },
];

export function onePageSectionFor(pathname: string): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  for (const { pattern, section } of ONE_PAGE_SECTIONS) {
    const m = pattern.exec(path);
    if (m && !RESERVED_SLUGS.has(m[2]!)) return section(m[1]!, m[2]!);
  }
  return null;
}
