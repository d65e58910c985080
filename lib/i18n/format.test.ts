import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatPhone, formatPhoneLocal } from "./format";

// Intl puts invisible right-to-left marks (U+200F) around Arabic currency: pin them explicitly.
const RLM = "\u200f";
// …and no-break spaces: U+00A0 before the currency, U+202F between French thousands.
const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("formatDate (Africa/Tunis, Tunisian month names)", () => {
  const june = new Date("2022-06-23T09:30:00Z"); // 10:30 in Tunis (UTC+1, no DST)
  it("uses جوان, not يونيو, and Latin digits", () => {
    expect(formatDate(june, "ar-TN")).toBe("23 جوان 2022");
    expect(formatDate(june, "ar-TN", "dateLong")).toBe("الخميس، 23 جوان 2022");
  });
  it("formats French and English", () => {
    expect(formatDate(june, "fr-TN")).toBe("23 juin 2022");
    expect(formatDate(june, "en")).toBe("June 23, 2022");
  });
  it("shows Tunis time, not UTC", () => {
    expect(formatDate(june, "fr-TN", "time")).toBe("10:30");
    // 23:30 UTC on 31 Dec is already 1 January in Tunis.
    expect(formatDate(new Date("2025-12-31T23:30:00Z"), "fr-TN")).toBe("1 janvier 2026");
  });
  it("names every Tunisian month", () => {
    const months = Array.from({ length: 12 }, (_, m) => formatDate(new Date(Date.UTC(2026, m, 15, 12)), "ar-TN").split(" ")[1]);
    expect(months).toEqual(["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]);
  });
});

describe("formatMoney (integer millimes)", () => {
  it("pins the three locales", () => {
    expect(formatMoney(1_234_500, "ar-TN")).toBe(`${RLM}1.234,500${NBSP}د.ت.${RLM}`);
    expect(formatMoney(1_234_500, "fr-TN")).toBe(`1${NNBSP}234,500${NBSP}DT`);
    expect(formatMoney(1_234_500, "en")).toBe(`TND${NBSP}1,234.500`);
  });
  it("keeps every millime, also for large and small amounts", () => {
    expect(formatMoney(1, "en")).toBe(`TND${NBSP}0.001`);
    expect(formatMoney(999, "en")).toBe(`TND${NBSP}0.999`);
    expect(formatMoney(0, "fr-TN")).toBe(`0,000${NBSP}DT`);
    expect(formatMoney(9_007_199_254_740_991, "en")).toBe(`TND${NBSP}9,007,199,254,740.991`);
    expect(formatMoney(-2_500, "en")).toBe(`-TND${NBSP}2.500`);
  });
  it("refuses fractions of a millime", () => {
    expect(() => formatMoney(1.5, "en")).toThrow(RangeError);
  });
});

describe("formatPhone", () => {
  it("groups Tunisian numbers", () => {
    expect(formatPhone("+21698123456")).toBe("+216 98 123 456");
    expect(formatPhoneLocal("+21698123456")).toBe("98 123 456");
  });
  it("leaves anything else alone", () => {
    expect(formatPhone("+33612345678")).toBe("+33612345678");
  });
});
