import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { type Database } from "@/lib/db/open";
import { documents } from "@/lib/db/schema";
import { canonicalJson } from "./canonical";
import { ALPHABET, checkCharacter, hasValidCheck, newCode, normalizeCode, parseCode } from "./codes";
import { resolveSigningKey, signBytes, verifyBytes } from "./signing";
import { issueDocument, verifyDocument } from "./store";
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
  });
}

const hasPoppler = spawnSync("pdftotext", ["-v"]).status === 0 && spawnSync("zbarimg", ["--version"]).status === 0;

describe("PDF with Arabic", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "idarti-pdf-"));
    file = path.join(dir, "receipt.pdf");
    const pdf = await renderSignedPdf({
      dir: "rtl",
      lang: "ar-TN",
      title: "وصل خلاص",
      sections: [{ rows: [{ label: "مرجع الدفع", value: "PAY-7K3F-9Q2M" }, { label: "الجهة", value: "الشركة التونسية للكهرباء والغاز (STEG)" }] }],
      verification: { url: "http://localhost:3000/verify/K7Q2-9XMD-3HRT-WB4P", code: "K7Q2-9XMD-3HRT-WB4P", heading: "رمز التحقق", text: "امسح الرمز للتأكد من صحة الوصل." },
      footer: ["وثيقة صادرة إلكترونيا."],
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    writeFileSync(file, pdf);
  });

  it("joins Arabic letters (contextual forms, not isolated ones)", async () => {
    type Fontkit = { create(b: Buffer): { layout(s: string, features: string[]): { glyphs: { id: number }[] } } };
    const moduleName = "fontkit"; // pdfkit's own shaper, untyped
    const fontkit = (await import(moduleName)) as Fontkit & { default?: Fontkit };
    const font = (fontkit.default ?? fontkit).create(readFileSync(path.join(process.cwd(), "lib/documents/fonts/Amiri-Regular.ttf")));
    const glyphs = (s: string) => font.layout(s, []).glyphs.map((g) => g.id);
    // ب ن ت in one word: initial, medial, final forms — none is the isolated letter's glyph.
    const joined = glyphs("بنت");
    const isolated = ["ب", "ن", "ت"].map((c) => glyphs(c)[0]);
    expect(joined).toHaveLength(3);
    for (const id of joined) expect(isolated).not.toContain(id);
  });

  it.skipIf(!hasPoppler)("draws Arabic right to left, with a Latin reference in its place", () => {
    const words = [...execFileSync("pdftotext", ["-bbox", file, "-"]).toString().matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]+)<\/word>/g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));
    const x = (t: string) => words.find((w) => w.text === t)!.x;
    // Extracted text comes in drawing order: «وصل» reads «لصو». The first word is the rightmost.
    expect(x("لصو")).toBeGreaterThan(x("صالخ"));
    expect(x("ةكرشلا")).toBeGreaterThan(x("ةيسنوتلا"));
    // «(STEG)» ends the Arabic phrase, so it sits at its left end, brackets the right way round.
    expect(x("(STEG)")).toBeLessThan(x("زاغلاو"));
    expect(words.some((w) => w.text === "PAY-7K3F-9Q2M")).toBe(true);
  });

  it.skipIf(!hasPoppler)("carries a QR that decodes to the verification link", () => {
    execFileSync("pdftoppm", ["-r", "100", "-png", "-f", "1", "-l", "1", file, path.join(dir, "page")]);
    const png = path.join(dir, "page-1.png");
    expect(existsSync(png)).toBe(true);
    const out = execFileSync("zbarimg", ["-q", "--raw", png], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    expect(out).toBe("http://localhost:3000/verify/K7Q2-9XMD-3HRT-WB4P");
  });
});
