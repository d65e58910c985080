import { describe, expect, it } from "vitest";
import { parseTextSize, safeReturnPath, textSizeBootScript, textSizeCookie } from "./text-size";

describe("text size", () => {
  it("accepts only the three sizes", () => {
    expect(parseTextSize("larger")).toBe("larger");
    expect(parseTextSize("huge")).toBeNull();
    expect(parseTextSize(null)).toBeNull();
  });

  it("goes back only to a path of this site", () => {
    expect(safeReturnPath("/ar/houses?x=1")).toBe("/ar/houses?x=1");
    expect(safeReturnPath("//evil.example/x")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath("https://evil.example/")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  it("forgets the cookie when the normal size is chosen", () => {
    expect(textSizeCookie("normal", false)).toContain("Max-Age=0");
    expect(textSizeCookie("larger", true)).toMatch(/idarti\.textSize=larger; Path=\/; Max-Age=31536000; SameSite=Lax; Secure/);
  });

  it("the boot script applies the cookie's size before paint", () => {
    const html = { dataset: {} as Record<string, string> };
    const run = (cookie: string, stored: string | null = null) => {
      html.dataset = {};
      new Function("document", "localStorage", textSizeBootScript)({ cookie, documentElement: html }, { getItem: () => stored });
      return html.dataset.textSize;
    };
    expect(run("a=1; idarti.textSize=larger")).toBe("larger");
    expect(run("idarti.textSize=large; b=2")).toBe("large");
    expect(run("")).toBeUndefined();
    expect(run("", "larger")).toBe("larger");
    expect(run("idarti.textSize=normal", "larger")).toBeUndefined();
  });
});
