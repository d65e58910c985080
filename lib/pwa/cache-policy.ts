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
