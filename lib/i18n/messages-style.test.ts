import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { autoRun, FSI, LRI, ltrRun, PDI } from "./bidi";

/** Every message string with its key path. */
function strings(node: unknown, path = ""): [string, string][] {
  if (typeof node === "string") return [[path, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe("the translators' style note, checked (docs/translation-style.md)", () => {
  it("a phone number written inside an Arabic message is one isolated left-to-right run", () => {
    const loose = strings(ar).filter(([, s]) => /(?<!\u2066)(?:\+216 )?\b\d{2} \d{3} \d{3}\b(?!\u2069)/.test(s));
    expect(loose).toEqual([]);
  });

  it("no full stop after an amount at the end of an Arabic sentence (the amount ends with «د.ت.»)", () => {
    expect(strings(ar).filter(([, s]) => /\{amount\}\.|\{total\}\./.test(s))).toEqual([]);
  });

  it("the service-level line agrees whatever the body, and speaks of complaints in the plural", () => {
    const line = (ar as { ServiceLevel: { line: string } }).ServiceLevel.line;
    expect(line).toContain("تتمّ الإجابة");
    expect(line).toContain("{kind, select, complaint {الشكاوى}");
    expect(line).not.toMatch(/يجيب \{body\}/);
    // A verb that agrees with {body} guesses its gender: the sentence is built around another word.
    expect(strings(ar).filter(([, s]) => /(?:يجيب|تجيب|يعالجه|تعالجه) \{body\}|من \{kind\}/.test(s))).toEqual([]);
  });

  it("«على الساعة» only before a bare time, never before a date", () => {
    expect(strings(ar).filter(([, s]) => /على الساعة \{(?!time\})/.test(s))).toEqual([]);
  });

  it("every route title and the error prefix exist in the three languages", () => {
    for (const ns of ["Titles", "A11y", "ServiceLevel"] as const) {
      const keys = (m: Record<string, unknown>) => Object.keys(m[ns] as object).sort();
      expect(keys(ar), ns).toEqual(keys(en));
      expect(keys(fr), ns).toEqual(keys(en));
    }
  });
});

describe("direction isolation of strings", () => {
  it("wraps a value in an isolate that ends where it began", () => {
    expect(ltrRun("+216 98 123 456")).toBe(`${LRI}+216 98 123 456${PDI}`);
    expect(autoRun("\u202Eexe.png")).toBe(`${FSI}\u202Eexe.png${PDI}`);
  });
});
