import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/**
 * Ed25519 signatures over a document's canonical bytes. The private key is a 32-byte seed
 * (base64url) from configuration; the key id is the start of the SHA-256 of the raw public key,
 * stored with each document so that a rotated key is recognised as "another key", not as a forgery.
 */
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const DOMAIN = "idarti.document.v1\n";

export type SigningKey = { keyId: string; privateKey: KeyObject; publicKey: KeyObject; publicKeyRaw: Buffer };
/** A key that verifies: the current one, or a retired one kept so that what it signed still checks (ADR 0017). */
export type VerifyingKey = { keyId: string; publicKey: KeyObject; publicKeyRaw: Buffer };

const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

function keyIdOf(publicKeyRaw: Buffer): string {
  return createHash("sha256").update(publicKeyRaw).digest("hex").slice(0, 16);
}

/** A retired key from configuration: the raw 32-byte public key, base64url. */
export function verifyingKeyFromRaw(raw: Buffer): VerifyingKey {
  if (raw.length !== 32) throw new RangeError("an Ed25519 public key is 32 bytes");
  const publicKey = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: "der", type: "spki" });
  return { keyId: keyIdOf(raw), publicKey, publicKeyRaw: Buffer.from(raw) };
}

export function signingKeyFromSeed(seed: Buffer): SigningKey {
  if (seed.length !== 32) throw new RangeError("an Ed25519 seed is 32 bytes");
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ format: "der", type: "spki" });
  const publicKeyRaw = Buffer.from(spki.subarray(spki.length - 32));
  const keyId = keyIdOf(publicKeyRaw);
  return { keyId, privateKey, publicKey, publicKeyRaw };
}

/**
 * The configured key. Without DOCUMENT_SIGNING_KEY (development, tests, the demo) the seed is
 * derived from AUTH_SECRET so that receipts stay verifiable across restarts; lib/env refuses to
 * start in production without a real key.
 */
export function resolveSigningKey(opts: { documentSigningKey?: string; authSecret?: string }): SigningKey {
  if (opts.documentSigningKey) return signingKeyFromSeed(Buffer.from(opts.documentSigningKey, "base64url"));
  const seed = createHash("sha256").update(`idarti-development-document-key|${opts.authSecret ?? ""}`).digest();
  return signingKeyFromSeed(seed);
}

export function signBytes(key: SigningKey, canonical: string): string {
  return sign(null, Buffer.from(DOMAIN + canonical, "utf8"), key.privateKey).toString("base64url");
}

export function verifyBytes(key: VerifyingKey, canonical: string, signature: string): boolean {
  const sig = Buffer.from(signature, "base64url");
  if (sig.length !== 64) return false;
  return verify(null, Buffer.from(DOMAIN + canonical, "utf8"), key.publicKey, sig);
}
