/**
 * Load shedding: a bound on the expensive work one instance does at once, and a fast 503 with
 * Retry-After beyond it, so that an overloaded instance keeps answering quickly instead of
 * making everyone wait (measured before: 200 signed-in requests at once were all answered after
 * 17.7 s, and another visitor's prerendered home page took 9.2 s).
 *
 * What is bounded: writes (any method but GET/HEAD/OPTIONS: server actions, the outbox's posts,
 * uploads) and the renders of signed-in pages (a GET with the session cookie). What is never
 * bounded: static files, Next's own assets, the service worker, pages for visitors without a
 * session (prerendered or cached, ADR 0001), the call's event stream (long-lived by design) and
 * D17's signed callbacks (cheap, and a payment waits on them). Router prefetches of signed-in
 * pages are shed first (at half the bound): the page is fetched again when it is opened.
 *
 * Nothing is lost: the client outbox treats 503 as "retry later" (lib/outbox/client/outbox.ts).
 * No imports beyond the messages: instrumentation.ts installs it around Node's HTTP server.
 */
export type Weight = "free" | "bounded" | "prefetch";

const FREE_PREFIXES = ["/_next/", "/serwist/", "/icons/", "/api/payments/d17/callback"];
// Every call room's stream (lib/calls/routes.ts): an interview's, a permit commission's.
const EVENT_STREAM = /^\/api\/(?:interviews|permits\/commissions)\/[^/]+\/events$/;
const SESSION_COOKIE = /(?:^|;\s*)__Host-idarti\.session=/;

export function weigh(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }): Weight {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (FREE_PREFIXES.some((p) => path.startsWith(p)) || EVENT_STREAM.test(path)) return "free";
  // A file (favicon.ico, sw.js, manifest.webmanifest, robots.txt): static.
  if (/\.[a-z0-9]+$/i.test(path)) return "free";
  const method = (req.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") return "bounded";
  const cookie = req.headers.cookie;
  if (!SESSION_COOKIE.test(Array.isArray(cookie) ? cookie.join("; ") : (cookie ?? ""))) return "free";
  return req.headers["next-router-prefetch"] ? "prefetch" : "bounded";
}

/** Counts the bounded work in flight. Not a queue: beyond the bound the answer is "later", now. */
export class Gate {
  private inFlight = 0;
  constructor(readonly limit: number) {}

  /** True when the request may go in (and must `leave()` once answered). */
  tryEnter(weight: Exclude<Weight, "free">): boolean {
    if (this.limit <= 0) {
      this.inFlight++;
      return true;
    }
    const bound = weight === "prefetch" ? Math.max(1, Math.floor(this.limit / 2)) : this.limit;
    if (this.inFlight >= bound) return false;
    this.inFlight++;
    return true;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  get current(): number {
    return this.inFlight;
  }
}

type Texts = { title: string; body: string; retry: string };

/** The 503 itself: JSON for the API and the outbox, a small page (in the page's language) for a browser. */
export function shedResponse(opts: { url: string; method: string; accept: string; retryAfterSeconds: number; texts: (prefix: string) => Texts }): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { "retry-after": String(opts.retryAfterSeconds), "cache-control": "no-store" };
  const path = opts.url.split("?")[0] ?? "/";
  if (path.startsWith("/api/") || !opts.accept.includes("text/html")) {
    return { headers: { ...headers, "content-type": "application/json; charset=utf-8" }, body: JSON.stringify({ error: { code: "unavailable", retryAfterSeconds: opts.retryAfterSeconds } }) };
  }
  const prefix = /^\/(ar|fr|en)(?:\/|$)/.exec(path)?.[1] ?? "ar";
  const t = opts.texts(prefix);
  const dir = prefix === "ar" ? "rtl" : "ltr";
  const lang = prefix === "ar" ? "ar-TN" : prefix === "fr" ? "fr-TN" : "en";
  // A GET page reloads itself after the pause; a POST is not sent again behind the person's back.
  const refresh = opts.method === "GET" ? `<meta http-equiv="refresh" content="${opts.retryAfterSeconds}">` : "";
  const body = `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${refresh}<title>${escape(t.title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><h1>${escape(t.title)}</h1><p>${escape(t.body)}</p><p>${escape(t.retry)}</p></body></html>`;
  return { headers: { ...headers, "content-type": "text/html; charset=utf-8" }, body };
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
