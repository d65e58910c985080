import { existsSync } from "node:fs";
import { generation, leanPageSecurity, prerenderedFile, readOwnPage } from "@/lib/security/csp";
import { bootScripts } from "@/lib/security/boot-scripts";
import { clientLeaves, leanHtml } from "./strip";
import { CONTROL_PATH, ENHANCEMENTS, scriptsFor } from "./routes";

/**
 * Lean pages are made from the page this server itself serves (read over loopback, as the CSP
 * hashes are: docs/adr/0014), once per path and again after pages were revalidated. Kept in
 * memory: a few hundred public pages of ~15 kB each. A page whose client leaves are not all
 * enhanced is remembered as "full" and left to Next.
 */
type Entry = { generation: number; html: string | null; cacheControl: string | null; missing: string[] };
const entries = new Map<string, Entry>();
const reading = new Map<string, Promise<Entry | null>>();
const MAX_ENTRIES = 2000;
let control: { generation: number; leaves: Set<string> } | null = null;

/** Headers Next gives a prerendered page that still hold for its lean copy. */
const VARY = "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding";

async function controlLeaves(port: number): Promise<Set<string> | null> {
  const at = generation();
  if (control && control.generation === at) return control.leaves;
  const page = await readOwnPage(CONTROL_PATH, port);
  if (!page) return null;
  control = { generation: at, leaves: clientLeaves(page.html) };
  return control.leaves;
}

async function make(key: string, port: number): Promise<Entry | null> {
  const at = generation();
  const [page, layout] = await Promise.all([readOwnPage(key, port), controlLeaves(port)]);
  if (!page || !layout) return null;
  const added = [...clientLeaves(page.html)].filter((leaf) => !layout.has(leaf));
  const scripts = scriptsFor(added);
  const missing = scripts ? [] : added.map((leaf) => leaf.slice(leaf.indexOf(":") + 1)).filter((name) => !ENHANCEMENTS[name]);
  const entry: Entry = { generation: at, html: scripts ? leanHtml(page.html, { keepInline: bootScripts, add: scripts }) : null, cacheControl: page.headers.get("cache-control"), missing };
  // A stale read (Next is regenerating the page) is served once but not kept.
  if (!page.stale) {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, entry);
  }
  return entry;
}

/**
 * The lean page of a path; or, when there is none, why (`full`: the client leaves that have no
 * enhancement, shown in the `x-idarti-lean` header of the framework's page; null: not prerendered,
 * not found, the server unreachable).
 */
export async function leanPage(pathname: string, port: number): Promise<Response | { full: string[] } | null> {
  const file = prerenderedFile(pathname);
  if (!file || !existsSync(file)) return null;
  const key = pathname.replace(/\/+$/, "") || "/";
  let entry: Entry | null | undefined = entries.get(key);
  if (!entry || entry.generation !== generation()) {
    let pending = reading.get(key);
    if (!pending) {
      pending = make(key, port).finally(() => reading.delete(key));
      reading.set(key, pending);
    }
    entry = await pending;
  }
  if (!entry) return null;
  if (!entry.html) return { full: entry.missing };
  return new Response(entry.html, {
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": entry.cacheControl ?? "public, max-age=0, must-revalidate",
      vary: VARY,
      "x-idarti-lean": "1",
      ...leanPageSecurity(),
    },
  });
}
