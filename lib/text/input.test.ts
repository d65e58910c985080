import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CONTROL_CHARACTERS_KEY, formValue, hasControlCharacters, nameText, stripBidiControls, text } from "./input";

const issues = (s: z.ZodType, v: unknown) => {
  const r = s.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("text(): control characters are a field error, never a database error", () => {
  it("refuses NUL and the other C0/C1 controls with the translated key", () => {
    for (const c of ["\u0000", "\u0001", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085", "\u009f"]) {
      expect(issues(text().max(5000), `a complaint ${c} here`)).toEqual([CONTROL_CHARACTERS_KEY]);
    }
  });
  it("keeps tabs, line breaks and every letter", () => {
    expect(text().parse("سطر\nligne\r\n\tline")).toBe("سطر\nligne\r\n\tline");
  });
  it("the control error comes before length errors (it is the one to fix)", () => {
    expect(issues(text().min(10, "short"), "\u0000")).toEqual([CONTROL_CHARACTERS_KEY]);
  });
  it("property: a string with a control anywhere is refused; without, accepted unchanged", () => {
    const control = fc.constantFrom("\u0000", "\u0007", "\u001f", "\u007f", "\u0090");
    fc.assert(
      fc.property(fc.string(), control, fc.string(), (a, c, b) => {
        const clean = (s: string) => [...s].filter((ch) => !hasControlCharacters(ch)).join("");
        expect(issues(text(), clean(a) + c + clean(b))).toEqual([CONTROL_CHARACTERS_KEY]);
        expect(text().parse(clean(a) + clean(b))).toBe(clean(a) + clean(b));
      }),
    );
  });
  it("form values (one or repeated) are checked too", () => {
    expect(issues(formValue, ["ok", "x\u0000"])).toEqual([CONTROL_CHARACTERS_KEY]);
    expect(formValue.parse(["ok", "fine"])).toEqual(["ok", "fine"]);
  });
});

describe("nameText(): bidi controls cannot reorder what stands beside a name", () => {
  it("removes overrides, embeddings, isolates and marks", () => {
    expect(nameText().parse("Ali \u202e101 000 12 612+")).toBe("Ali 101 000 12 612+");
    expect(nameText().parse("\u2066report\u2069\u200f gnp.exe\u200e")).toBe("report gnp.exe");
    expect(stripBidiControls("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200fx")).toBe("x");
  });
  it("an empty name after stripping is still empty (min applies after)", () => {
    expect(issues(nameText().min(1, "empty"), "\u202e \u200f")).toEqual(["empty"]);
  });
  it("keeps Arabic, French and joiners that belong in words", () => {
    expect(nameText().parse("  محمد   بن علي — Élodie ")).toBe("محمد بن علي — Élodie");
    expect(nameText().parse("می\u200cخواهم")).toBe("می\u200cخواهم"); // ZWNJ is spelling, not direction
  });
});
