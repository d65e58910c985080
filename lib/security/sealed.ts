import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets the server must read back (a webhook's signing secret: it signs with it) sealed at rest
 * with AES-256-GCM (docs/adr/0027-sealed-secrets.md). A stored value is
 * `sealed:v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url parts): the key id names the key that
 * sealed it, so a rotated key keeps opening what it sealed until everything is resealed. The
 * `context` (e.g. the table, column and row id) is authenticated with the value, so a sealed value
 * copied into another row does not open there.
 *
 * Pure: the keys are passed in. lib/security/sealing-keys.ts reads them from configuration.
 */
export type SealingKey = { id: string; key: Buffer };
export type SealingKeys = { current: SealingKey; retired: readonly SealingKey[] };

export type UnsealProblem = "malformed" | "unknownKey" | "tampered";
export class UnsealError extends Error {
  constructor(readonly problem: UnsealProblem) {
    super(`sealed value refused: ${problem}`);
    this.name = "UnsealError";
  }
}

const PREFIX = "sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key from its 32 raw bytes; its id is a short fingerprint (never the key itself). */
export function sealingKey(raw: Buffer): SealingKey {
  if (raw.length !== 32) throw new Error("a sealing key is 32 bytes");
  const id = createHash("sha256").update("idarti-sealing-key-id|").update(raw).digest("base64url").slice(0, 8);
  return { id, key: raw };
}

/** The development/demo key, derived from AUTH_SECRET with HKDF (production requires SEALING_KEY). */
export function developmentSealingKey(authSecret: string): SealingKey {
  return sealingKey(Buffer.from(hkdfSync("sha256", authSecret, "idarti", "idarti/sealed/development", 32)));
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function seal(keys: SealingKeys, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${PREFIX}${keys.current.id}:${iv.toString("base64url")}:${ciphertext.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}`;
}

/** The clear value; throws UnsealError when the value is not ours, its key is unknown, or it was altered. */
export function unseal(keys: SealingKeys, stored: string, context: string): string {
  if (!isSealed(stored)) throw new UnsealError("malformed");
  const parts = stored.slice(PREFIX.length).split(":");
  if (parts.length !== 4) throw new UnsealError("malformed");
  const [keyId, ivText, ciphertextText, tagText] = parts as [string, string, string, string];
  const key = [keys.current, ...keys.retired].find((k) => k.id === keyId);
  if (!key) throw new UnsealError("unknownKey");
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new UnsealError("malformed");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError("tampered");
  }
}

/**
 * A stored value as it should be now: a clear value from before sealing (rows written before
 * ADR 0027) or one sealed with a retired key gets sealed with the current key; null when the
 * value is already sealed with the current key. Throws UnsealError as `unseal` does.
 */
export function resealed(keys: SealingKeys, stored: string, context: string): string | null {
  if (!isSealed(stored)) return seal(keys, stored, context);
  if (stored.startsWith(`${PREFIX}${keys.current.id}:`)) return null;
  return seal(keys, unseal(keys, stored, context), context);
}

/** Reads a value that may still be clear (written before sealing): sealed values are opened, clear ones returned as they are. */
export function openStored(keys: SealingKeys, stored: string, context: string): string {
  return isSealed(stored) ? unseal(keys, stored, context) : stored;
}
