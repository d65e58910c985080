import { localDateString } from "@/lib/clock/zone";

/**
 * Visits of the public sections, counted by the server without trackers: proxy.ts calls
 * `countVisit` for each page a browser asks for (no cookie read or set, no address, no agent
 * string kept: only "one more visit of section S on day D"), into a counter in memory that a
 * background job adds to the database every minute (lib/statistics/visits.ts). The counter lives
 * on globalThis, which proxy.ts and the instrumentation's job share in one server process.
 * Lean pages are answered by proxy.ts itself, so counting there counts them too.
 */
export const SECTIONS = ["home", "services", "houses", "learn", "life-events", "reports", "help", "verify", "permit-decisions", "open-data", "accessibility"] as const;
export type Section = (typeof SECTIONS)[number];

const LOCALE_PREFIX = /^\/(ar|fr|en)(?=\/|$)/;

/** The public section a path belongs to, or null (signed-in pages, staff pages, anything else). */
export function sectionOf(pathname: string): Section | null {
  const m = LOCALE_PREFIX.exec(pathname);
  if (!m) return null;
  const rest = pathname.slice(m[0].length).replace(/\/+$/, "");
  if (rest === "") return "home";
  const first = rest.split("/")[1] ?? "";
  return (SECTIONS as readonly string[]).includes(first) && first !== "home" ? (first as Section) : null;
}

/**
 * A visit is a page a person opened: a full load or a client navigation, not a prefetch (the
 * router's or the browser's speculative ones), not a server action.
 */
export function isVisit(method: string, headers: Headers): boolean {
  if (method !== "GET") return false;
  if (headers.has("next-router-prefetch") || headers.has("next-router-segment-prefetch") || headers.has("next-action")) return false;
  if (headers.get("purpose") === "prefetch" || /prefetch/.test(headers.get("sec-purpose") ?? "")) return false;
  // A page's own script or the service worker fetching a page (to keep it for offline use) is no
  // visit: a browser says "navigate" for a page opened, the router sends "rsc" for its moves;
  // clients without fetch metadata send neither header and count.
  const mode = headers.get("sec-fetch-mode");
  return mode === null || mode === "navigate" || headers.has("rsc");
}

type Counts = Map<string, number>; // "YYYY-MM-DD|section" → visits
const KEY = Symbol.for("idarti.statistics.visits");
const holder = globalThis as Record<symbol, Counts | undefined>;

function counts(): Counts {
  return (holder[KEY] ??= new Map());
}

export function countVisit(pathname: string, at: Date = new Date()): void {
  const section = sectionOf(pathname);
  if (!section) return;
  const key = `${localDateString(at)}|${section}`;
  const c = counts();
  c.set(key, (c.get(key) ?? 0) + 1);
}

/** Takes the counts gathered so far (the counter starts again at zero). */
export function takeVisits(): { day: string; section: string; visits: number }[] {
  const c = counts();
  const out = [...c].map(([key, visits]) => {
    const [day, section] = key.split("|") as [string, string];
    return { day, section, visits };
  });
  c.clear();
  return out;
}

/** Puts counts back when they could not be written (nothing is lost to a failed flush). */
export function returnVisits(rows: { day: string; section: string; visits: number }[]): void {
  const c = counts();
  for (const r of rows) c.set(`${r.day}|${r.section}`, (c.get(`${r.day}|${r.section}`) ?? 0) + r.visits);
}
