/**
 * A lean page is a prerendered public page as the browser gets it without the React/Next client
 * runtime (docs/adr/0021): the same HTML and CSS the build rendered, minus every script of the
 * framework (its chunks, the inline flight data, the nomodule polyfill, their preload hints),
 * plus the small enhancement scripts the page's interactive leaves need. Pure string work on the
 * server's own output: the HTML comes from this server, never from a user.
 */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;

export type LeanOptions = {
  /** Inline scripts kept by their exact text (the app's boot scripts, lib/security/boot-scripts.ts). */
  keepInline: readonly string[];
  /** Same-origin scripts added (deferred, in order) before </head>. */
  add: readonly string[];
};

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, "i").exec(tag)?.[1]?.toLowerCase() ?? null;

/** True for `<link rel="preload" as="script">` and `<link rel="modulepreload">`: hints for scripts that are gone. */
function isScriptHint(tag: string): boolean {
  const rel = attr(tag, "rel")?.split(/\s+/) ?? [];
  return rel.includes("modulepreload") || (rel.includes("preload") && attr(tag, "as") === "script");
}

const JS_TYPES = new Set(["", "text/javascript", "module", "application/javascript"]);

/** Which scripts stay: the kept inline ones, same-origin scripts of the app's own (not Next's), data blocks (JSON-LD). */
function keepScript(attrs: string, body: string, kept: Set<string>): boolean {
  const type = attr(`<script${attrs}>`, "type") ?? "";
  if (!JS_TYPES.has(type)) return true;
  const src = attr(`<script${attrs}>`, "src");
  if (src !== null) return src.startsWith("/") && !src.startsWith("//") && !src.startsWith("/_next/");
  return kept.has(body);
}

export function leanHtml(html: string, opts: LeanOptions): string {
  const kept = new Set(opts.keepInline);
  let out = html.replace(SCRIPT, (whole, attrs: string, body: string) => (keepScript(attrs, body, kept) ? whole : ""));
  out = out.replace(LINK, (tag) => (isScriptHint(tag) ? "" : tag));
  const added = opts.add.map((src) => `<script src="${src.replace(/[^\w./-]/g, "")}" defer></script>`).join("");
  const head = out.search(/<\/head>/i);
  return head < 0 ? out : out.slice(0, head) + added + out.slice(head);
}

/** The scripts a lean page still runs (for tests and the bench): inline bodies and src URLs. */
export function remainingScripts(html: string): { inline: string[]; src: string[] } {
  const inline: string[] = [];
  const src: string[] = [];
  for (const m of html.matchAll(SCRIPT)) {
    const s = attr(m[0].slice(0, m[0].indexOf(">") + 1), "src");
    if (s) src.push(s);
    else if ((m[2] ?? "").length > 0) inline.push(m[2]!);
  }
  return { inline, src };
}

/**
 * The client components a page renders, as "module:export" from the flight data of the page as
 * Next serves it (`I[module,[chunks],"Export"]`, escaped inside the inline scripts). Compared with
 * the control route's (the layout alone), it tells which leaves a page adds: a page is served lean
 * only when each of them has an enhancement script (lib/lean/routes.ts), so no page ever loses a
 * behaviour by being lean.
 */
export function clientLeaves(html: string): Set<string> {
  // An export name used twice is written once as a row of its own (`23:"Name"`) and referred to
  // as "$23"; row numbers differ from page to page, the names do not.
  const rows = new Map<string, string>();
  for (const m of html.matchAll(/(?:^|\\n|\n|")([0-9a-f]+):\\?"([^"\\]*)\\?"(?=\\n|\n)/g)) rows.set(m[1]!, m[2]!);
  const out = new Set<string>();
  for (const m of html.matchAll(/I\[([^,\]]+),\[[^\]]*\],\\?"([^"\\]*)\\?"/g)) {
    const name = m[2]!.startsWith("$") ? (rows.get(m[2]!.slice(1)) ?? m[2]!) : m[2]!;
    out.add(`${m[1]}:${name}`);
  }
  return out;
}
