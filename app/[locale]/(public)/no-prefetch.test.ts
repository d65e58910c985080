import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Public pages are what a citizen on a metered 3G phone meets first: no `<Link>` there may
 * prefetch its target on page load (Next's default: every link in the viewport), bytes nobody
 * asked for (issue 19: 81 kB on /ar/houses). Each one says `prefetch={false}`; LinkButton does it
 * for its callers (components/ui/button.tsx).
 */
const root = path.resolve(__dirname, "../../..");
const places = ["app/[locale]/(public)", "components/catalogue", "components/houses", "components/shell", "components/auth", "components/ui", "app/not-found.tsx"];

function files(p: string): string[] {
  const full = path.join(root, p);
  if (statSync(full).isFile()) return [p];
  return readdirSync(full).flatMap((f) => files(path.join(p, f))).filter((f) => f.endsWith(".tsx"));
}

describe("links on public pages", () => {
  const sources = places.flatMap(files).map((f) => ({
    f,
    // Comments blanked (same lines): a comment that names <Link> is not a link.
    text: readFileSync(path.join(root, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, " ")),
  }));

  it("finds the public pages' links", () => {
    expect(sources.filter((s) => s.text.includes("<Link")).length).toBeGreaterThan(15);
  });

  it("never prefetch on page load", () => {
    const offenders: string[] = [];
    for (const { f, text } of sources) {
      for (const m of text.matchAll(/<Link\b/g)) {
        // The opening tag: up to the first `>` that is not part of `=>` nor inside braces.
        let depth = 0;
        let end = m.index!;
        for (; end < text.length; end++) {
          const c = text[end];
          if (c === "{") depth++;
          else if (c === "}") depth--;
          else if (c === ">" && depth === 0) break;
        }
        const tag = text.slice(m.index!, end);
        if (!/\bprefetch=\{false\}/.test(tag)) offenders.push(`${f}:${text.slice(0, m.index!).split("\n").length}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
