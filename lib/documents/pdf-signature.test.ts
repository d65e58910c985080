import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { maskName, receiptCertifies } from "./compact";
import { verifyEd25519 } from "./ed25519-browser";
import { offlineVerificationUrl, signOfflineToken } from "./offline-token";
import { verifyToken } from "./offline-verify";
import { renderSignedPdf } from "./pdf";
import forge from "node-forge";
import { certificateFromP12, certificateFromPem, demoCertificate, makeSelfSignedCertificate, signPdf } from "./pdf-signature";
import { resolveSigningKey } from "./signing";

/**
 * An issued receipt as any PDF reader sees it: poppler's pdfsig checks the embedded signature,
 * zbarimg reads the QR off the rendered page, and the offline check (the verify page's code)
 * says genuine. Without the tools the tests are skipped with a warning; in CI (.ci/run installs
 * poppler-utils and zbar-tools) they fail instead.
 */
const tool = (bin: string, arg: string) => spawnSync(bin, [arg]).error === undefined;
const hasPdfsig = tool("pdfsig", "-v");
const hasZbar = tool("zbarimg", "--version") && tool("pdftoppm", "-v");
const inCi = process.env.CI === "true";
if (!hasPdfsig && !inCi) console.warn("pdfsig (poppler-utils) is not installed: the PDF signature tests are skipped");
if (!hasZbar && !inCi) console.warn("zbarimg or pdftoppm is not installed: the QR reading test is skipped");

const key = resolveSigningKey({ authSecret: "unit" });
const cert = makeSelfSignedCertificate({ commonName: "Idarti documents (TEST)", organization: "Idarti test" });
const signingTime = new Date("2026-12-07T09:30:00Z");
const code = "K7Q2-9XMD-3HRT-WB4P";
const token = signOfflineToken(key, {
  kind: "payment-receipt",
  code,
  issuedAt: Math.floor(signingTime.getTime() / 1000),
  holder: maskName("أمينة بن صالح"),
  certifies: receiptCertifies({ paymentReference: "PAY-7K3F-9Q2M", totalMillimes: 87_950, items: [{ payee: "steg", reference: "1234567890", amountMillimes: 87_450 }] }),
  validUntil: null,
});

function pdfsig(file: string): { status: number | null; out: string } {
  const r = spawnSync("pdfsig", [file], { encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("an issued receipt PDF", () => {
  let dir: string;
  let unsigned: Buffer;
  let signed: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "idarti-pdfsig-"));
    unsigned = await renderSignedPdf({
      dir: "rtl",
      lang: "ar-TN",
      title: "وصل خلاص",
      subtitle: "خلاص فاتورة عبر D17",
      sections: [
        { rows: [{ label: "مرجع الدفع", value: "PAY-7K3F-9Q2M" }, { label: "طريقة الدفع", value: "D17 (+216 20 *** 456)" }] },
        { heading: "الشركة التونسية للكهرباء والغاز (STEG)", rows: [{ label: "مرجع الفاتورة", value: "1234567890" }, { label: "المبلغ", value: "87,450 د.ت" }] },
        { rows: [{ label: "المجموع", value: "87,950 د.ت" }] },
      ],
      verification: { url: `http://localhost:3000/verify/${code}`, qr: offlineVerificationUrl("http://localhost:3000", token), code, heading: "رمز التحقق", text: "امسح الرمز للتأكد من صحة الوصل." },
      footer: ["وثيقة صادرة إلكترونيا."],
    });
    signed = await signPdf(unsigned, cert, { reason: "Issued and signed by Idarti", location: "Tunisia", signingTime });
    console.info(`receipt PDF: ${unsigned.length} bytes unsigned, ${signed.length} bytes signed`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasPdfsig && !inCi)("is reported valid and whole by pdfsig, and broken once one byte changes", () => {
    const file = path.join(dir, "receipt.pdf");
    writeFileSync(file, signed);
    const ok = pdfsig(file);
    console.info(`pdfsig on the issued receipt:\n${ok.out}`);
    expect(ok.out).toContain("Signature is Valid.");
    expect(ok.out).toContain("Total document signed");
    expect(ok.out).toMatch(/Signature Type: ETSI\.CAdES\.detached/);

    // One byte of the page's content stream (inside the signed range, before the signature) changes.
    const at = signed.indexOf("stream") + 20;
    const tampered = Buffer.from(signed);
    tampered[at] = tampered[at]! ^ 0x01;
    const bad = path.join(dir, "tampered.pdf");
    writeFileSync(bad, tampered);
    const broken = pdfsig(bad);
    console.info(`pdfsig after one byte changed:\n${broken.out}`);
    expect(broken.out).not.toContain("Signature is Valid.");
    expect(broken.out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);

    // And one byte after the signature (an appended update would be "not total").
    const tail = Buffer.from(signed);
    tail[tail.length - 30] = tail[tail.length - 30]! ^ 0x01;
    writeFileSync(bad, tail);
    expect(pdfsig(bad).out).not.toContain("Signature is Valid.");
  });

  it.skipIf(!hasZbar && !inCi)("carries a QR that zbarimg reads and the offline check finds genuine", async () => {
    const file = path.join(dir, "receipt-qr.pdf");
    writeFileSync(file, signed);
    execFileSync("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", file, path.join(dir, "page")]);
    const png = path.join(dir, "page-1.png");
    const read = execFileSync("zbarimg", ["-q", "--raw", png], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    expect(read).toBe(offlineVerificationUrl("http://localhost:3000", token));
    const trust = { v: 1 as const, asOf: signingTime.toISOString(), keys: [{ id: key.keyId, publicKey: key.publicKeyRaw.toString("base64url"), retiredAt: null }], revoked: [] };
    const outcome = await verifyToken(read, trust, verifyEd25519);
    expect(outcome).toMatchObject({ status: "genuine", doc: { code, kind: "payment-receipt", holder: "أم*** ب. ص." } });
  });
});

describe("the PDF certificate", () => {
  it("is made once in demo mode and read back the same at the next start", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "idarti-keys-"));
    try {
      const first = demoCertificate(dir);
      const again = demoCertificate(dir);
      expect(again.p12.equals(first.p12)).toBe(true);
      expect(first.subject).toContain("DEMO");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("is read from PEM (certificate and key) as well, and signs the same", async () => {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(cert.p12.toString("binary"))), cert.passphrase);
    const certPem = forge.pki.certificateToPem(p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]![0]!.cert!);
    const keyBag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]![0]!;
    const keyPem = forge.pki.privateKeyToPem(keyBag.key!);
    const fromPem = certificateFromPem(certPem, keyPem);
    expect(fromPem.subject).toBe("Idarti documents (TEST)");
    const pdf = await renderSignedPdf({ dir: "ltr", lang: "fr-TN", title: "Reçu", sections: [], verification: { url: "http://localhost:3000/verify/X", code: "X", heading: "h", text: "t" }, footer: [] });
    const signed = await signPdf(pdf, fromPem, { reason: "r", location: "TN", signingTime });
    if (!hasPdfsig && !inCi) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), "idarti-pem-"));
    try {
      writeFileSync(path.join(dir, "pem.pdf"), signed);
      expect(pdfsig(path.join(dir, "pem.pdf")).out).toContain("Signature is Valid.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("refuses a PKCS#12 with the wrong passphrase at start", () => {
    expect(() => certificateFromP12(cert.p12, "wrong")).toThrow();
  });
});

