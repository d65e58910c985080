import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { localePrefixes, locales } from "@/lib/i18n/routing";
import { bootScripts } from "./boot-scripts";

/**
 * The Content-Security-Policy and Strict-Transport-Security of every page (docs/adr/0014).
 *
 * Two script policies, because a nonce makes a page dynamic and the public catalogue must stay
 * static and cacheable (docs/adr/0001, 0013):
 * - a page the build prerendered (its HTML is in .next/server/app) gets `script-src 'self'` plus
 *   the SHA-256 of each inline script of that page as served (Next's flight data, the boot script);
 * - every other page (signed-in, staff, a form post's answer) gets a fresh nonce with
 *   'strict-dynamic': Next reads the nonce from the request's CSP header and puts it on its scripts.
 */
export type PageSecurity = {
  /** Headers for the response. */
  headers: Record<string, string>;
  /** For a dynamic page: the policy to hand to the renderer as a request header (it carries the nonce). */
  requestPolicy: string | null;
};

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const bootHashes = bootScripts.map(sha);

type PolicyOptions = { appUrl: string; mapTileUrl?: string; production: boolean };

export function buildPolicy(scripts: { nonce: string } | { hashes: readonly string[] }, opts: PolicyOptions): string {
  const tiles = opts.mapTileUrl ? originOf(opts.mapTileUrl) : null;
  const scriptSrc =
    "nonce" in scripts
      ? ["'self'", `'nonce-${scripts.nonce}'`, "'strict-dynamic'", ...bootHashes]
      : ["'self'", ...new Set([...bootHashes, ...scripts.hashes])];
  // next dev evaluates modules and talks to its websocket; a production build does neither.
  if (!opts.production) scriptSrc.push("'unsafe-eval'");
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": scriptSrc,
    // React sets style attributes (the map's tiles, progress bars): styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    // blob: the photo previews before upload; data: small inline images; the map's tile server.
    "img-src": ["'self'", "blob:", "data:", ...(tiles ? [tiles] : [])],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    // Same-origin fetches, server-sent events and the call signalling; ICE itself is not fetch.
    "connect-src": ["'self'", ...(tiles ? [tiles] : []), ...(opts.production ? [] : ["ws:"])],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
  };
  if (opts.appUrl.startsWith("https:")) directives["upgrade-insecure-requests"] = [];
  return Object.entries(directives)
    .map(([k, v]) => [k, ...v].join(" "))
    .join("; ");
}

function originOf(url: string): string | null {
  try {
    // The template's braces are not valid in a host: take the origin from a filled-in copy.
    return new URL(url.replace(/\{[a-z]\}/g, "0")).origin;
  } catch {
    return null;
  }
}

const EXECUTABLE = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** SHA-256 sources of the inline scripts of a page's HTML (scripts with src, or of a data type, need none). */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(EXECUTABLE)) {
    const attrs = m[1] ?? "";
    const body = m[2] ?? "";
    if (/\ssrc\s*=/i.test(attrs) || body.length === 0) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !["text/javascript", "module", "application/javascript"].includes(type)) continue;
    out.push(sha(body));
  }
  return out;
}

/** The prerendered HTML file of a URL path, if the build made one: `/ar/services/x` → `.next/server/app/ar-TN/services/x.html`. */
export function prerenderedFile(pathname: string, appDir = path.join(process.cwd(), ".next", "server", "app")): string | null {
  const clean = pathname.replace(/\/+$/, "") || "/";
  if (clean.includes("..") || clean.includes("\\")) return null;
  for (const locale of locales) {
    const prefix = localePrefixes[locale];
    if (clean === prefix || clean.startsWith(prefix + "/")) {
      const rest = clean.slice(prefix.length);
      let decoded: string;
      try {
        decoded = decodeURIComponent(rest);
      } catch {
        return null;
      }
      return path.join(appDir, `${locale}${decoded}.html`);
    }
  }
  return null;
}

// The header a page is read with to learn its inline scripts (below); a per-process secret, so no
// one outside can ask for a page without its policy.
export const PROBE_HEADER = "x-idarti-csp-probe";
const probeToken = randomBytes(18).toString("base64url");

/**
 * Next serves a prerendered page with the router's prefetch hints filled in, and regenerates it
 * after `revalidatePath` (signing in and out revalidate the layout) with the URL of the request
 * that triggered it inside the flight data: the HTML on disk is not what the browser gets, and
 * what it gets changes. So the hashes are taken from the page as served, read from this very
 * server over loopback (PORT) with a per-process secret header:
 * - once per path, and again after `pagesRevalidated()` says pages were revalidated;
 * - a read that Next answers from a stale entry (it regenerates the page meanwhile) is read again
 *   until the fresh page is there, so the visitor after it gets the page the hashes are for;
 * - hashes of earlier versions stay allowed (they are the server's own output): a visitor served
 *   a version a moment older is never blocked.
 */
type Entry = { generation: number; hashes: Set<string> };
const entries = new Map<string, Entry>();
const reading = new Map<string, Promise<string[] | null>>();
const KEPT_HASHES_PER_PATH = 200;

const shared = globalThis as typeof globalThis & { __idartiPagesGeneration?: number };
/** Bumped by `pagesRevalidated()`: what was read from a prerendered page before it is stale. */
export const generation = () => shared.__idartiPagesGeneration ?? 0;

/** Call after revalidating prerendered pages (their HTML will change): their hashes are read again. */
export function pagesRevalidated(): void {
  shared.__idartiPagesGeneration = generation() + 1;
}

/**
 * A prerendered page as this server serves it, read over loopback with the probe header (which
 * passes proxy.ts untouched). Also the source of the lean pages (lib/lean/serve.ts).
 */
export async function readOwnPage(pathname: string, port: number): Promise<{ html: string; stale: boolean; headers: Headers } | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${pathname}`, { headers: { [PROBE_HEADER]: probeToken }, redirect: "manual", signal: AbortSignal.timeout(10_000) });
    if (res.status !== 200) return null;
    return { html: await res.text(), stale: res.headers.get("x-nextjs-cache") === "STALE", headers: res.headers };
  } catch {
    return null;
  }
}

async function readServed(pathname: string, port: number): Promise<{ hashes: string[]; stale: boolean } | null> {
  const page = await readOwnPage(pathname, port);
  return page ? { hashes: inlineScriptHashes(page.html), stale: page.stale } : null;
}

async function refresh(key: string, port: number): Promise<string[] | null> {
  const at = generation();
  const entry = entries.get(key) ?? { generation: -1, hashes: new Set<string>() };
  for (let attempt = 0; attempt < 20; attempt++) {
    const read = await readServed(key, port);
    if (!read) return entry.hashes.size > 0 ? [...entry.hashes] : null;
    for (const h of read.hashes) entry.hashes.add(h);
    if (!read.stale) {
      entry.generation = at;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // Next is regenerating it
  }
  while (entry.hashes.size > KEPT_HASHES_PER_PATH) entry.hashes.delete(entry.hashes.values().next().value!);
  if (entries.size > 5000) entries.clear();
  entries.set(key, entry);
  return [...entry.hashes];
}

function staticHashes(pathname: string, port: number): Promise<string[] | null> {
  const file = prerenderedFile(pathname);
  if (!file || !existsSync(file)) return Promise.resolve(null);
  const key = pathname.replace(/\/+$/, "") || "/";
  const entry = entries.get(key);
  if (entry && entry.generation === generation()) return Promise.resolve([...entry.hashes]);
  let pending = reading.get(key);
  if (!pending) {
    pending = refresh(key, port).finally(() => reading.delete(key));
    reading.set(key, pending);
  }
  return pending;
}

/** Is this request the server reading its own page for its hashes? */
export function isProbe(headers: Headers): boolean {
  return headers.get(PROBE_HEADER) === probeToken;
}

/** The headers of a lean page (lib/lean): its only inline scripts are the app's boot scripts. */
export function leanPageSecurity(): Record<string, string> {
  const e = env();
  const headers: Record<string, string> = {};
  if (e.APP_URL.startsWith("https:")) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  headers["Content-Security-Policy"] = buildPolicy({ hashes: [] }, { appUrl: e.APP_URL, mapTileUrl: e.MAP_TILE_URL, production: e.NODE_ENV === "production" });
  return headers;
}

/** What proxy.ts applies to a page request. */
export async function pageSecurity(request: { method: string; pathname: string }): Promise<PageSecurity> {
  const e = env();
  const opts: PolicyOptions = { appUrl: e.APP_URL, mapTileUrl: e.MAP_TILE_URL, production: e.NODE_ENV === "production" };
  const headers: Record<string, string> = {};
  if (e.APP_URL.startsWith("https:")) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  // A form post is answered by a fresh render (dynamic), whatever the page.
  const hashes = request.method === "GET" || request.method === "HEAD" ? await staticHashes(request.pathname, e.PORT) : null;
  if (hashes) {
    headers["Content-Security-Policy"] = buildPolicy({ hashes }, opts);
    return { headers, requestPolicy: null };
  }
  const nonce = randomBytes(16).toString("base64");
  const policy = buildPolicy({ nonce }, opts);
  headers["Content-Security-Policy"] = policy;
  return { headers, requestPolicy: policy };
}
