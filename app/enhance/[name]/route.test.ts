import { describe, expect, it } from "vitest";
import { ENHANCE_SCRIPTS } from "@/lib/lean/routes";
import { GET, generateStaticParams } from "./route";

describe("the lean pages' enhancement scripts", () => {
  it("builds every enhancement script the pages name, small, without React", async () => {
    const names = generateStaticParams().map((p) => `/enhance/${p.name}`);
    expect(new Set(names)).toEqual(new Set(ENHANCE_SCRIPTS));
    for (const p of generateStaticParams()) {
      const res = await GET(new Request(`http://x/enhance/${p.name}`), { params: Promise.resolve(p) });
      const text = await res.text();
      expect(res.headers.get("content-type")).toContain("javascript");
      expect(text.length).toBeGreaterThan(50);
      expect(text.length).toBeLessThan(8 * 1024);
      expect(text).not.toMatch(/react|__next/i);
    }
  });
});
