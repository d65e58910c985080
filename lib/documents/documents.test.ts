import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { execFileSync, spawnSync } from "node:child_process";
import { inflateSync } from "node:zlib";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { type Database } from "@/lib/db/open";
import { documents } from "@/lib/db/schema";
import { canonicalJson } from "./canonical";
import { ALPHABET, checkCharacter, hasValidCheck, newCode, normalizeCode, parseCode } from "./codes";
import { resolveSigningKey, signBytes, verifyBytes, verifyingKeyFromRaw } from "./signing";
import { issueDocument, revokeDocument, revokedDocuments, verifyDocument } from "./store";
import { renderSignedPdf } from "./pdf";
import { testDatabases } from "@/lib/testing/db";

describe("verification codes", () => {
  it("catch every single wrong character and every swap of neighbours (but 0↔Z, Luhn's known blind spot)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 15, maxLength: 15 }), fc.nat(14), fc.nat(31), (body, pos, delta) => {
        const code = body + checkCharacter(body);
        expect(hasValidCheck(code)).toBe(true);
        const chars = [...code];
        const changed = ALPHABET[(ALPHABET.indexOf(chars[pos]!) + 1 + (delta % 31)) % 32]!;
        const typo = [...chars];
        typo[pos] = changed;
        expect(hasValidCheck(typo.join(""))).toBe(false);
        const pair = [chars[pos], chars[pos + 1]].sort().join("");
        if (chars[pos] !== chars[pos + 1] && pair !== "0Z") {
          const swapped = [...chars];
          [swapped[pos], swapped[pos + 1]] = [swapped[pos + 1]!, swapped[pos]!];
          expect(hasValidCheck(swapped.join(""))).toBe(false);
        }
      }),
    );
  });
  it("are grouped, read back whatever the case and dashes, and confusable letters become digits", () => {
    const code = newCode({ length: 16 });
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(parseCode(code.toLowerCase().replace(/-/g, " "), { length: 16 })).toBe(code);
    expect(normalizeCode("o1-il")).toBe("0111");
    expect(parseCode("PAY-" + "ABCD", { length: 16 })).toBeNull();
    const ref = newCode({ length: 8, prefix: "PAY" });
    expect(ref).toMatch(/^PAY-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(parseCode(ref, { length: 8, prefix: "PAY" })).toBe(ref);
  });
});

describe("signatures", () => {
  const key = resolveSigningKey({ authSecret: "unit" });
  it("cover canonical bytes: key order does not matter, any change does", () => {
    const a = canonicalJson({ b: 1, a: { y: "ي", x: [1, 2] } });
    const b = canonicalJson({ a: { x: [1, 2], y: "ي" }, b: 1 });
    expect(a).toBe(b);
    const sig = signBytes(key, a);
    expect(verifyBytes(key, b, sig)).toBe(true);
    expect(verifyBytes(key, a.replace("1", "2"), sig)).toBe(false);
    expect(verifyBytes(resolveSigningKey({ authSecret: "other" }), a, sig)).toBe(false);
    expect(() => canonicalJson({ amount: 1.5 })).toThrow(/integers/);
  });
  it("use a configured seed when one is given", () => {
    const seed = Buffer.alloc(32, 7).toString("base64url");
    expect(resolveSigningKey({ documentSigningKey: seed }).keyId).toBe(resolveSigningKey({ documentSigningKey: seed, authSecret: "x" }).keyId);
    expect(resolveSigningKey({ documentSigningKey: seed }).keyId).not.toBe(key.keyId);
  });
});

const targets = testDatabases();

for (const target of targets) {
  describe(`signed documents on ${target.name}`, () => {
    let database: Database;
    const key = resolveSigningKey({ authSecret: "unit" });
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => database?.close());

    it("issues once per subject and verifies as genuine", async () => {
      const subjectId = `s-${Math.random()}`;
      const issue = () => issueDocument({ db: database.db, key, kind: "test", subjectType: "t", subjectId, ownerUserId: null, data: { amountMillimes: 87450, ref: "PAY-X" }, issuedAt: new Date("2026-06-23T10:00:00Z") });
      const [a, b] = await Promise.all([issue(), issue()]);
      expect(a.code).toBe(b.code);
      const v = await verifyDocument(database.db, { code: a.code, key });
      expect(v.genuine).toBe(true);
      if (v.genuine) expect(v.document.data).toEqual({ amountMillimes: 87450, ref: "PAY-X" });
    });

    it("says not genuine for a tampered code, an unknown code, an altered record, another key", async () => {
      const doc = await issueDocument({ db: database.db, key, kind: "test", subjectType: "t", subjectId: `s-${Math.random()}`, ownerUserId: null, data: { amountMillimes: 1000 }, issuedAt: new Date() });
      const chars = [...doc.code];
      chars[0] = chars[0] === "A" ? "B" : "A";
      expect(await verifyDocument(database.db, { code: chars.join(""), key })).toEqual({ genuine: false, why: "malformed" });
      const body = "0000000000000000".slice(0, 15);
      expect(await verifyDocument(database.db, { code: body + checkCharacter(body), key })).toEqual({ genuine: false, why: "unknown" });
      expect(await verifyDocument(database.db, { code: doc.code, key: resolveSigningKey({ authSecret: "other" }) })).toMatchObject({ genuine: false });
      await database.db.update(documents).set({ canonical: sql`replace(${documents.canonical}, '1000', '9000')` }).where(eq(documents.id, doc.id));
      expect(await verifyDocument(database.db, { code: doc.code, key })).toEqual({ genuine: false, why: "badSignature" });
    });

    it("says revoked (with the date, the first one) once the issuer withdraws a document, and lists it for phones", async () => {
      const doc = await issueDocument({ db: database.db, key, kind: "test", subjectType: "t", subjectId: `s-${Math.random()}`, ownerUserId: null, data: { amountMillimes: 500 }, issuedAt: new Date() });
      const at = new Date("2026-12-06T08:00:00Z");
      expect(await revokeDocument(database.db, { code: doc.code, at, reason: "issued in error" })).toBe(true);
      expect(await revokeDocument(database.db, { code: doc.code, at: new Date("2026-12-07T08:00:00Z"), reason: "again" })).toBe(true);
      expect(await verifyDocument(database.db, { code: doc.code, key })).toMatchObject({ genuine: false, why: "revoked", revokedAt: at, document: { code: doc.code } });
      expect(await revokedDocuments(database.db)).toContainEqual({ code: doc.code, at });
      const body = "1111111111111111".slice(0, 15);
      expect(await revokeDocument(database.db, { code: body + checkCharacter(body), at, reason: "x" })).toBe(false);
    });

    it("still verifies what a retired key signed after a rotation, and only with that key listed", async () => {
      const old = resolveSigningKey({ authSecret: "the key before the rotation" });
      const doc = await issueDocument({ db: database.db, key: old, kind: "test", subjectType: "t", subjectId: `s-${Math.random()}`, ownerUserId: null, data: { amountMillimes: 700 }, issuedAt: new Date() });
      expect(await verifyDocument(database.db, { code: doc.code, key })).toEqual({ genuine: false, why: "unknownKey" });
      const retired = verifyingKeyFromRaw(Buffer.from(old.publicKeyRaw.toString("base64url"), "base64url"));
      expect(retired.keyId).toBe(old.keyId);
      expect((await verifyDocument(database.db, { code: doc.code, key, retired: [retired] })).genuine).toBe(true);
    });
  });
}

const hasPoppler = spawnSync("pdftotext", ["-v"]).status === 0 && spawnSync("zbarimg", ["--version"]).status === 0;
// CI installs poppler and zbar (.ci/run): there, a missing tool fails the tests instead of skipping them.
const runPopplerTests = hasPoppler || process.env.CI === "true";
const needPoppler = () => expect(hasPoppler, "pdftotext, pdftoppm (poppler-utils) and zbarimg (zbar-tools) must be installed").toBe(true);

describe("PDF with Arabic", () => {
  let dir: string;
  let file: string;
  let drawn: DrawnText[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "idarti-pdf-"));
    file = path.join(dir, "receipt.pdf");
    const pdf = await renderSignedPdf({
      dir: "rtl",
      lang: "ar-TN",
      title: "وصل خلاص",
      sections: [
        { rows: [{ label: "مرجع الدفع", value: "PAY-7K3F-9Q2M" }, { label: "الجهة", value: "الشركة التونسية للكهرباء والغاز (STEG)" }] },
        // One word whose letters join, and the same letters standing alone, in the same font.
        { rows: [{ label: "بنت", value: "1" }, { label: "ب ن ت", value: "2" }] },
      ],
      verification: { url: "http://localhost:3000/verify/K7Q2-9XMD-3HRT-WB4P", code: "K7Q2-9XMD-3HRT-WB4P", heading: "رمز التحقق", text: "امسح الرمز للتأكد من صحة الوصل." },
      footer: ["وثيقة صادرة إلكترونيا."],
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    writeFileSync(file, pdf);
    drawn = drawnTexts(pdf);
  });

  it("draws Arabic joined (contextual glyphs, not the isolated letters) and right to left", () => {
    const word = drawn.find((d) => d.text === "تنب");
    // Absent when the word is drawn in reading order ("بنت": left to right) or letter by letter.
    expect(word, `drawn: ${drawn.map((d) => d.text).join(" | ")}`).toBeDefined();
    const alone = drawn.find((d) => d.font === word!.font && d.text === "ت ن ب");
    expect(alone).toBeDefined();
    const glyphOf = (d: DrawnText, letter: string) => d.glyphs[[...d.text].indexOf(letter)]!;
    for (const letter of ["ب", "ن", "ت"]) expect(glyphOf(word!, letter), letter).not.toBe(glyphOf(alone!, letter));
    // The receipt's own words too: the two lāms of «خلاص» and «وصل» take different forms.
    const title = drawn.find((d) => d.text.startsWith("صالخ"))!;
    const lams = title.glyphs.filter((_, i) => [...title.text][i] === "ل");
    expect(lams).toHaveLength(2);
    expect(new Set(lams).size).toBe(2);
  });

  it.skipIf(!runPopplerTests)("draws Arabic right to left, with a Latin reference in its place", () => {
    needPoppler();
    const words = [...execFileSync("pdftotext", ["-bbox", file, "-"]).toString().matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]+)<\/word>/g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));
    const x = (t: string) => words.find((w) => w.text === t)!.x;
    // Extracted text comes in drawing order: «وصل» reads «لصو». The first word is the rightmost.
    expect(x("لصو")).toBeGreaterThan(x("صالخ"));
    expect(x("ةكرشلا")).toBeGreaterThan(x("ةيسنوتلا"));
    // «(STEG)» ends the Arabic phrase, so it sits at its left end, brackets the right way round.
    expect(x("(STEG)")).toBeLessThan(x("زاغلاو"));
    expect(words.some((w) => w.text === "PAY-7K3F-9Q2M")).toBe(true);
  });

  it.skipIf(!runPopplerTests)("carries a QR that decodes to the verification link", () => {
    needPoppler();
    execFileSync("pdftoppm", ["-r", "100", "-png", "-f", "1", "-l", "1", file, path.join(dir, "page")]);
    const png = path.join(dir, "page-1.png");
    expect(existsSync(png)).toBe(true);
    const out = execFileSync("zbarimg", ["-q", "--raw", png], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    expect(out).toBe("http://localhost:3000/verify/K7Q2-9XMD-3HRT-WB4P");
  });
});

type DrawnText = { font: string; glyphs: number[]; text: string };

/**
 * What a PDF written by pdfkit draws: each text-showing operator's glyph ids (Identity-H) and
 * their text through the font's ToUnicode map, in drawing order (left to right). A small reader
 * for pdfkit's own output, not for PDFs in general.
 */
function drawnTexts(pdf: Buffer): DrawnText[] {
  const s = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const m of s.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n)?/g)) {
    let stream: string | null = null;
    if (m[3]) {
      const start = m.index + m[0].length;
      const length = Number(/\/Length (\d+)/.exec(m[2]!)![1]);
      const raw = Buffer.from(s.slice(start, start + length), "latin1");
      stream = (/\/FlateDecode/.test(m[2]!) ? inflateSync(raw) : raw).toString("latin1");
    }
    objects.set(Number(m[1]), { dict: m[2]!, stream });
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)![1]);
  const page = [...objects.values()].find((o) => /\/Type \/Page\b/.test(o.dict))!;
  const resources = objects.get(ref(page.dict, "Resources"))!.dict;
  const fontRefs = new Map([...resources.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
  const toUnicode = new Map<string, Map<number, string>>();
  for (const [name, id] of fontRefs) {
    const cmap = objects.get(ref(objects.get(id)!.dict, "ToUnicode"))!.stream!;
    const map = new Map<number, string>();
    const hexText = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
    for (const r of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/gi)) {
      [...r[3]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => map.set(parseInt(r[1]!, 16) + i, hexText(u[1]!)));
    }
    for (const r of cmap.matchAll(/^<([0-9a-f]{4})> <([0-9a-f]{4})> <([0-9a-f]{4})>$/gim)) {
      for (let g = parseInt(r[1]!, 16); g <= parseInt(r[2]!, 16); g++) map.set(g, String.fromCodePoint(parseInt(r[3]!, 16) + g - parseInt(r[1]!, 16)));
    }
    toUnicode.set(name, map);
  }
  const content = objects.get(ref(page.dict, "Contents"))!.stream!;
  const out: DrawnText[] = [];
  for (const bt of content.matchAll(/BT([\s\S]*?)ET/g)) {
    const font = /\/(F\d+) [\d.]+ Tf/.exec(bt[1]!)![1]!;
    const glyphs = [...bt[1]!.matchAll(/<([0-9a-f]+)>/gi)].flatMap((h) => (h[1]!.match(/.{4}/g) ?? []).map((g) => parseInt(g, 16)));
    out.push({ font, glyphs, text: glyphs.map((g) => toUnicode.get(font)!.get(g) ?? "\uFFFD").join("") });
  }
  return out;
}

describe("a long document", () => {
  it("goes on to further pages instead of off the bottom of the first: every row and the verification block are drawn", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const rows = Array.from({ length: 60 }, (_, i) => ({ label: `ملف ${i + 1}`, value: `scan-${i + 1}.pdf — SHA-256 ${"ab".repeat(32)}` }));
    const pdf = await renderSignedPdf({
      dir: "rtl",
      lang: "ar-TN",
      title: "وصل إيداع",
      sections: [{ heading: "الملفات", rows }],
      verification: { url: "https://idarti.example/verify/ABCD", code: "ABCD-EFGH-JKMN-PQRS", heading: "التثبّت", text: "امسح الرمز" },
      footer: ["إدارتي"],
    });
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    if (runPopplerTests) {
      needPoppler();
      const dir = mkdtempSync(path.join(os.tmpdir(), "idarti-long-"));
      const file = path.join(dir, "long.pdf");
      writeFileSync(file, pdf);
      const text = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
      // The last file and the code are on a page, not lost below the first one.
      expect(text).toContain("scan-60.pdf");
      expect(text).toContain("ABCD-EFGH-JKMN-PQRS");
    }
  });
});
