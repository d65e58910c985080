import { describe, expect, it } from "vitest";
import fc from "fast-check";
import QRCode from "qrcode";
import { encodeBody, extractToken, fromBase64Url, joinToken, maskName, readReceiptCertifies, receiptCertifies, splitToken, toBase64Url, type Json, type OfflineDocument } from "./compact";
import { nobleVerify, verifyEd25519, webCryptoVerify } from "./ed25519-browser";
import { signOfflineToken, offlineVerificationUrl } from "./offline-token";
import { revocationHash, verifyToken, type TrustList } from "./offline-verify";
import { createHash } from "node:crypto";
import { resolveSigningKey, type SigningKey } from "./signing";

const key = resolveSigningKey({ authSecret: "unit" });
const other = resolveSigningKey({ authSecret: "another platform" });
const trustOf = (...keys: SigningKey[]): TrustList => ({
  v: 1,
  asOf: "2026-12-07T09:00:00.000Z",
  keys: keys.map((k) => ({ id: k.keyId, publicKey: k.publicKeyRaw.toString("base64url"), retiredAt: null })),
  revoked: [],
});
const trust = trustOf(key);

const receipt: Omit<OfflineDocument, "keyId"> = {
  kind: "payment-receipt",
  code: "K7Q2-9XMD-3HRT-WB4P",
  issuedAt: 1_765_000_000,
  holder: maskName("أمينة بن صالح"),
  certifies: receiptCertifies({ paymentReference: "PAY-7K3F-9Q2M", totalMillimes: 87_950, items: [{ payee: "steg", reference: "1234567890", amountMillimes: 87_450 }] }),
  validUntil: null,
};

const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string(),
    fc.maxSafeInteger(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

const doc: fc.Arbitrary<Omit<OfflineDocument, "keyId">> = fc.record({
  kind: fc.constantFrom("payment-receipt", "certificate", "submission-receipt", "permit-decision"),
  code: fc.string({ minLength: 1, maxLength: 24 }),
  issuedAt: fc.integer({ min: 0, max: 4_102_444_800 }),
  holder: fc.string({ maxLength: 30 }),
  certifies: json,
  validUntil: fc.option(fc.integer({ min: 0, max: 4_102_444_800 }), { nil: null }),
});

describe("the QR token", () => {
  it("round-trips any document: what is signed is what is read back, and it verifies", async () => {
    await fc.assert(
      fc.asyncProperty(doc, async (d) => {
        const token = signOfflineToken(key, d);
        const split = splitToken(offlineVerificationUrl("https://idarti.tn", token));
        expect(split?.doc).toEqual({ ...d, keyId: key.keyId });
        expect(await verifyToken(token, trust, verifyEd25519)).toEqual({ status: "genuine", doc: { ...d, keyId: key.keyId } });
      }),
      { numRuns: 150 },
    );
  });

  it("says altered for one flipped bit anywhere in the signed content or the signature", async () => {
    const token = signOfflineToken(key, receipt);
    const { body, signature } = splitToken(token)!;
    const all = new Uint8Array([...body, ...signature]);
    await fc.assert(
      fc.asyncProperty(fc.nat(all.length - 1), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const changed = all.slice();
        changed[at]! ^= 1 << bit;
        const forged = joinToken(changed.subarray(0, body.length), changed.subarray(body.length));
        expect((await verifyToken(forged, trust, verifyEd25519)).status).toBe("altered");
      }),
      { numRuns: 300 },
    );
  });

  it("says altered for every single changed character of the token as typed, when it still reads as a token", async () => {
    const token = signOfflineToken(key, receipt);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < token.length; i += 3) {
      if (token[i] === ".") continue;
      const c = alphabet[(alphabet.indexOf(token[i]!) + 17) % 64]!;
      const outcome = await verifyToken(token.slice(0, i) + c + token.slice(i + 1), trust, verifyEd25519);
      expect(outcome.status, `position ${i}`).toBe("altered");
    }
  });

  it("says unknown key for a token another key signed, and genuine once that key is trusted", async () => {
    const token = signOfflineToken(other, receipt);
    expect(await verifyToken(token, trust, verifyEd25519)).toEqual({ status: "unknownKey", keyId: other.keyId });
    expect((await verifyToken(token, trustOf(key, other), verifyEd25519)).status).toBe("genuine");
  });

  it("does not take a signature under our key for a document naming another key id", async () => {
    // Someone re-signs our receipt with their own key but keeps our key id: altered, not genuine.
    const body = encodeBody({ ...receipt, keyId: key.keyId });
    const { sign } = await import("node:crypto");
    const { signedBytes } = await import("./compact");
    const forged = joinToken(body, sign(null, signedBytes(body), other.privateKey));
    expect((await verifyToken(forged, trust, verifyEd25519)).status).toBe("altered");
  });

  it("says revoked, with the date and the list's date, for a withdrawn document", async () => {
    const token = signOfflineToken(key, receipt);
    const codeHash = createHash("sha256").update(receipt.code).digest("hex").slice(0, 32);
    expect(await revocationHash(receipt.code)).toBe(codeHash);
    const list = { ...trust, revoked: [{ codeHash, at: "2026-12-06T08:00:00.000Z" }] };
    expect(await verifyToken(token, list, verifyEd25519)).toMatchObject({ status: "revoked", revokedAt: "2026-12-06T08:00:00.000Z", asOf: trust.asOf });
    expect((await verifyToken(token, { ...trust, revoked: [{ codeHash: await revocationHash("OTHER"), at: "2026-12-06T08:00:00.000Z" }] }, verifyEd25519)).status).toBe("genuine");
  });

  it("says malformed for text that is not a token", async () => {
    for (const s of ["", "K7Q2-9XMD-3HRT-WB4P", "hello.world", "https://idarti.tn/verify#"]) expect((await verifyToken(s, trust, verifyEd25519)).status).toBe("malformed");
  });

  it("reads the token out of the link, with spaces or line breaks a paste may add", () => {
    const token = signOfflineToken(key, receipt);
    expect(extractToken(`https://idarti.tn/verify#${token}`)).toBe(token);
    expect(extractToken(`${token.slice(0, 40)}\n ${token.slice(40)}`)).toBe(token);
  });

  it("verifies the same with WebCrypto and with the fallback library", async () => {
    const token = signOfflineToken(key, receipt);
    const { body, signature } = splitToken(token)!;
    const { signedBytes } = await import("./compact");
    const msg = signedBytes(body);
    expect(await webCryptoVerify(key.publicKeyRaw, msg, signature)).toBe(true);
    expect(await nobleVerify(key.publicKeyRaw, msg, signature)).toBe(true);
    const bad = signature.slice();
    bad[10]! ^= 1;
    expect(await webCryptoVerify(key.publicKeyRaw, msg, bad)).toBe(false);
    expect(await nobleVerify(key.publicKeyRaw, msg, bad)).toBe(false);
  });

  it("is small: a one-bill receipt with its link fits a version 13 QR at level M (ADR 0017)", () => {
    const url = offlineVerificationUrl("https://idarti.tn", signOfflineToken(key, receipt));
    const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
    console.info(`QR token for a one-bill receipt: ${new TextEncoder().encode(url).length} bytes with its link, QR version ${qr.version}`);
    expect(qr.version).toBeLessThanOrEqual(13);
  });

  it("reads back a receipt's certified facts and refuses other shapes", () => {
    expect(readReceiptCertifies(receipt.certifies)).toEqual(["PAY-7K3F-9Q2M", 87_950, [["steg", "1234567890", 87_450]]]);
    expect(readReceiptCertifies(["PAY", 1.5, []])).toBeNull();
    expect(readReceiptCertifies({ a: 1 })).toBeNull();
  });
});

describe("masked names", () => {
  it("keep two letters of the first word and the initials of the others, in Arabic and Latin", () => {
    expect(maskName("Amina Ben Salah")).toBe("Am*** B. S.");
    expect(maskName("  أمينة   بن صالح ")).toBe("أم*** ب. ص.");
    expect(maskName("")).toBe("");
  });
});

describe("base64url", () => {
  it("round-trips any bytes and refuses what is not canonical", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const s = toBase64Url(bytes);
        expect(s).toBe(Buffer.from(bytes).toString("base64url"));
        expect(fromBase64Url(s)).toEqual(bytes);
      }),
    );
    expect(fromBase64Url("AB")).toBeNull(); // leftover bits not zero
    expect(fromBase64Url("A")).toBeNull();
    expect(fromBase64Url("A+")).toBeNull();
  });
});
