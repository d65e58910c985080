/**
 * Which pages may be served lean (docs/adr/0021): the public pages a citizen reads — catalogue,
 * houses, life events, lessons, help — when the build prerendered them. Whether a given page IS
 * served lean is decided from the page itself (lib/lean/serve.ts): every client component it
 * adds to the layout's must have an enhancement script below, or it is served by the framework
 * as before. So a new interactive leaf can never silently stop working on a lean page.
 */
const LOCALE = "(?:ar|fr|en)";

/** The public sections, by their first path segment after the locale ("" is the home page). */
const SECTIONS = ["", "services", "houses", "life-events", "learn", "help", "accessibility", "offline"];

/** The verify form alone: its answers (/xx/verify/CODE) are the server's, per code, never prerendered. */
const PUBLIC = new RegExp(`^/${LOCALE}(?:/(?:${SECTIONS.filter(Boolean).join("|")})(?:/[a-z0-9-]+)*|/verify)?$`);

/** The script every lean page carries: the service worker, the offline notice, text size in place. */
export const BASE_SCRIPT = "/enhance/base.js";

/**
 * The client components of the public pages that have a lean enhancement, by their export name
 * (as the flight data names them), and the script that does their work without React. The
 * shell's leaves (SwUpdate, LanguageSwitch, TextSize) are the control route's and BASE_SCRIPT's.
 */
export const ENHANCEMENTS: Readonly<Record<string, string>> = {
  PrintButton: "/enhance/print.js",
  OpenNow: "/enhance/open-now.js",
  TourTable: "/enhance/tour-table.js",
  LessonDone: "/enhance/lesson-done.js",
  NearMe: "/enhance/near-me.js",
  SearchBox: "/enhance/search-box.js",
  OfflineSave: "/enhance/offline-save.js",
  LessonQuiz: "/enhance/lesson-quiz.js",
  ReadAloud: "/enhance/read-aloud.js",
  OfflineVerifier: "/enhance/verifier.js",
};

/** Every enhancement script (the service worker precaches them: tiny, versioned by the build). */
export const ENHANCE_SCRIPTS: readonly string[] = [BASE_SCRIPT, ...new Set(Object.values(ENHANCEMENTS))];

export function isLeanCandidate(pathname: string): boolean {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return PUBLIC.test(clean);
}

/** A router request (client navigation, prefetch, server action) wants Next's own answer, never a lean page. */
export function isRouterRequest(headers: Headers, search: URLSearchParams): boolean {
  return (
    headers.has("rsc") ||
    headers.has("next-router-prefetch") ||
    headers.has("next-router-state-tree") ||
    headers.has("next-router-segment-prefetch") ||
    headers.has("next-action") ||
    search.has("_rsc") ||
    headers.has(ROUTER_MARK_HEADER)
  );
}

/** Set by the HTTP server on router requests (lib/lean/router-mark-server.ts): proxy.ts no longer sees the router's own headers. */
export const ROUTER_MARK_HEADER = "x-idarti-router";

/** Asked for the framework's page on purpose (the bench's side-by-side measurement). */
export const FULL_PAGE_HEADER = "x-idarti-full-page";

/** The route the layout's own client leaves are read from: the layout and nothing else. */
export const CONTROL_PATH = "/ar/control";

/**
 * The scripts a lean page needs, given the client leaves it adds to the control's ("module:Export"),
 * or null when one of them has no enhancement (the page is then served in full).
 */
export function scriptsFor(added: Iterable<string>): string[] | null {
  const scripts = [BASE_SCRIPT];
  for (const leaf of added) {
    const name = leaf.slice(leaf.indexOf(":") + 1);
    const script = ENHANCEMENTS[name];
    if (!script) return null;
    if (!scripts.includes(script)) scripts.push(script);
  }
  return scripts;
}
