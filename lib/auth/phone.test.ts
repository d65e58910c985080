import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toLatinDigits } from "@/lib/i18n/digits";
import { normalisePhone } from "./phone";

describe("normalisePhone", () => {
  const accepted: [string, string][] = [
    ["98 123 456", "+21698123456"],
    ["98123456", "+21698123456"],
    ["+216 98123456", "+21698123456"],
    ["+216 98-123-456", "+21698123456"],
    ["+216 98.123.456", "+21698123456"],
    ["(+216) 98 123 456", "+21698123456"],
    ["0021698123456", "+21698123456"],
    ["00216 98 123 456", "+21698123456"],
    ["216 98 123 456", "+21698123456"],
    ["  55 123 456  ", "+21655123456"],
    ["20 000 001", "+21620000001"],
    ["29 999 999", "+21629999999"],
    ["31 234 567", "+21631234567"],
    ["40 123 456", "+21640123456"],
    ["٩٨١٢٣٤٥٦", "+21698123456"],
    ["+٢١٦ ٩٨ ١٢٣ ٤٥٦", "+21698123456"],
    ["۹۸۱۲۳۴۵۶", "+21698123456"],
    ["\u200f98 123 456\u200f", "+21698123456"],
    ["98\u00a0123\u00a0456", "+21698123456"],
  ];
  it.each(accepted)("accepts «%s» as %s", (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, e164 });
  });

  const refused: [string, string][] = [
    ["", "empty"],
    ["   ", "empty"],
    ["71 234 567", "landline"],
    ["+216 71 234 567", "landline"],
    ["77 486 040", "landline"],
    ["+33 6 12 34 56 78", "foreign"],
    ["0033612345678", "foreign"],
    ["+213 551 23 45 67", "foreign"],
    ["9812345", "invalid"],
    ["981234567", "invalid"],
    ["+216 9812345", "invalid"],
    ["+2169812345678", "invalid"],
    ["80 100 200", "invalid"],
    ["12 345 678", "invalid"],
    ["61 234 567", "invalid"],
    ["98 12a 456", "invalid"],
    ["+", "invalid"],
    ["98+123456", "invalid"],
  ];
  it.each(refused)("refuses «%s» (%s)", (input, reason) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason });
  });

  it("always gives +216 and 8 digits starting 2, 3, 4, 5 or 9, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = normalisePhone(s);
        if (!r.ok) return;
        expect(r.e164).toMatch(/^\+216[23459]\d{7}$/);
        expect(normalisePhone(r.e164)).toEqual(r);
      }),
    );
  });

  it("accepts every mobile number in every written form", () => {
    fc.assert(
      fc.property(fc.constantFrom("2", "3", "4", "5", "9"), fc.stringMatching(/^\d{7}$/), fc.constantFrom("", "+216 ", "00216", "216"), (first, rest, prefix) => {
        const n = first + rest;
        const spaced = `${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`;
        expect(normalisePhone(prefix + spaced)).toEqual({ ok: true, e164: `+216${n}` });
      }),
    );
  });
});

describe("toLatinDigits", () => {
  it("maps both Arabic-Indic digit sets", () => {
    expect(toLatinDigits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 42")).toBe("0123456789 0123456789 42");
  });
});
