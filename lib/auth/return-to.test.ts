import { describe, expect, it } from "vitest";
import { inLocale, safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it.each([
    ["/ar/my", "/ar/my"],
    ["/fr/account?tab=1", "/fr/account?tab=1"],
    ["/en", "/en"],
    ["/ar/cases/IDR-26-7K3F", "/ar/cases/IDR-26-7K3F"],
  ])("keeps %s", (input, out) => expect(safeReturnTo(input)).toBe(out));

  it.each([
    "https://evil.example/ar/my",
    "//evil.example/ar/my",
    "/\\evil.example",
    "/%2F%2Fevil.example",
    "javascript:alert(1)",
    "ar/my",
    "/de/my",
    "/ar/sign-in",
    "/ar/sign-in/code",
    "/fr/welcome",
    "/ar/my\nSet-Cookie: x",
    "",
    "/" + "a".repeat(600),
  ])("refuses %s", (input) => expect(safeReturnTo(input)).toBeNull());

  it("refuses non-strings", () => {
    expect(safeReturnTo(undefined)).toBeNull();
    expect(safeReturnTo(["/ar/my"])).toBeNull();
  });
});

describe("inLocale", () => {
  it("moves a path to another language", () => {
    expect(inLocale("/ar/my?x=1", "fr-TN")).toBe("/fr/my?x=1");
    expect(inLocale("/fr", "ar-TN")).toBe("/ar");
    expect(inLocale("/en/account", "en")).toBe("/en/account");
  });
});
