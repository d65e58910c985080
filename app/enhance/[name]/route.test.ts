import { describe, expect, it } from "vitest";
import { ENHANCE_SCRIPTS } from "@/lib/lean/routes";
import { GET, generateStaticParams } from "./route";

/**
 * Each script stays small (bytes as served, before gzip). The verify page's checker carries the
 * Ed25519 fallback (@noble/ed25519) for the phones whose WebCrypto has none: 8.2 kB gzipped.
 */
const LIMITS: Record<string, number> = { "verifier.js": 24 * 1024 };

describe("the lean pages' enhancement scripts", () => {
  it("builds every enhancement script the pages name, small, without React", async () => {
    const names = generateStaticParams().map((p) => `/enhance/${p.name}`);
    expect(new Set(names)).toEqual(new Set(ENHANCE_SCRIPTS));
    for (const p of generateStaticParams()) {
      const res = await GET(new Request(`http://x/enhance/${p.name}`), { params: Promise.resolve(p) });
      const text = await res.text();
      expect(res.headers.get("content-type")).toContain("javascript");
      expect(text.length).toBeGreaterThan(50);
      expect(text.length, p.name).toBeLessThan(LIMITS[p.name] ?? 8 * 1024);
      expect(text).not.toMatch(/react|__next/i);
    }
  });
});
