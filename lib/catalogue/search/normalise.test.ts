import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalise, stem, stripArabicPrefix, tokens } from "./normalise";

describe("normalise", () => {
  it.each([
    // diacritics (tashkeel) and tatweel
    ["شَهَادَةٌ", "شهاده"],
    ["فـــاتـورة", "فاتوره"],
    // hamza carriers
    ["أريانة", "اريانه"],
    ["إدارتي", "ادارتي"],
    ["آجال", "اجال"],
    ["مؤسسة", "موسسه"],
    ["رئاسة", "رياسه"],
    ["ٱلمعلومة", "المعلومه"],
    // bare hamza dropped (people type "الكهربا")
    ["الكهرباء", "الكهربا"],
    // ta marbuta / ha, alef maqsura / ya
    ["شهادة", "شهاده"],
    ["على", "علي"],
    ["مستشفى", "مستشفي"],
    // Persian keyboard look-alikes and Arabic-Indic digits
    ["کهرباء", "كهربا"],
    ["یوم", "يوم"],
    ["٢٠١٦-٢٢", "2016 22"],
    ["۴۵ يوما", "45 يوما"],
    // presentation forms and the lam-alef ligature
    ["\uFEFB", "لا"],
    // French accents, case, apostrophes and ligatures
    ["Facture d'Électricité", "facture d electricite"],
    ["Œuvre", "oeuvre"],
    ["  Réclamation,   suggestion !  ", "reclamation suggestion"],
    ["Maison de services — Haïdra", "maison de services haidra"],
    // punctuation of both scripts
    ["ماذا؟ شكوى، مقترح", "ماذا شكوي مقترح"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => normalise(normalise(s)) === normalise(s)), { numRuns: 2000 });
    const arabic = fc.string({ unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCodePoint(c)) });
    fc.assert(fc.property(arabic, (s) => normalise(normalise(s)) === normalise(s)), { numRuns: 2000 });
  });

  it("never leaves a diacritic, a tatweel or a hamza carrier", () => {
    const arabic = fc.string({ unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCodePoint(c)) });
    fc.assert(fc.property(arabic, (s) => !/[\u064B-\u065F\u0670\u0640\u0622\u0623\u0625\u0624\u0626\u0629\u0649]/.test(normalise(s))));
  });

  it("ignores diacritics: adding marks to a word does not change it", () => {
    const marks = ["\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B", "\u0640"];
    fc.assert(
      fc.property(fc.constantFrom("شهادة", "فاتورة", "الكهرباء", "رخصة", "بلدية"), fc.array(fc.constantFrom(...marks), { maxLength: 6 }), (word, extra) => {
        const chars = [...word];
        const decorated = chars.map((c, i) => c + (extra[i] ?? "")).join("");
        return normalise(decorated) === normalise(word);
      }),
    );
  });
});

describe("tokens", () => {
  it("drops the article and stop words in all three languages", () => {
    expect(tokens("خلاص فاتورة الكهرباء والغاز")).toEqual(["خلاص", "فاتوره", "كهربا", "غاز"]);
    expect(tokens("Payer une facture d'électricité et de gaz")).toEqual(["payer", "facture", "electricite", "gaz"]);
    expect(tokens("Pay an electricity and gas bill")).toEqual(["pay", "electricity", "gas", "bill"]);
    expect(tokens("طلب إلى البلدية")).toEqual(["طلب", "بلديه"]);
  });

  it("keeps short words whole", () => {
    expect(stripArabicPrefix("الف")).toBe("الف");
    expect(stripArabicPrefix(normalise("للماء"))).toBe("ما");
    expect(tokens("فاتورة الماء")).toEqual(["فاتوره", "ما"]);
  });
});

describe("stem", () => {
  it("merges plural and feminine endings", () => {
    expect(stem("شهادات")).toBe(stem("شهاده"));
    expect(stem("factures")).toBe("facture");
    expect(stem("gaz")).toBe("gaz");
  });
});
