/**
 * The document a QR carries, signed, so that a phone checks it with no network (like the EU's
 * digital COVID certificates). Isomorphic: the server signs (offline-token.ts, node:crypto), the
 * browser verifies (offline-verify.ts, WebCrypto). Format and the choices behind it: docs/adr/0017.
 *
 *   token = base64url(body) "." base64url(signature)
 *   body  = UTF-8 JSON array [1, kind, code, keyId, issuedAt, holder, certifies, validUntil]
 *           (issuedAt / validUntil in Unix seconds, validUntil null when it does not expire)
 *   signature = Ed25519 over DOMAIN ‖ body bytes, DOMAIN = "idarti.qr.v1\n"
 *
 * The signature covers the body's bytes as carried, so nothing has to be re-canonicalised on the
 * phone: JSON.parse only ever reads bytes that were already checked. The domain string keeps a
 * QR signature from ever being valid as a stored document's signature (and back): same key,
 * different statements.
 */
export const QR_DOMAIN = "idarti.qr.v1\n";
export const QR_VERSION = 1;

/** Short kind codes (a QR byte each, not twenty); kinds not listed travel as their full name. */
const KIND_CODES: Record<string, string> = { "payment-receipt": "r", certificate: "c", "submission-receipt": "s" };
const KIND_NAMES = Object.fromEntries(Object.entries(KIND_CODES).map(([k, v]) => [v, k]));

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type OfflineDocument = {
  kind: string;
  code: string;
  keyId: string;
  /** Unix seconds. */
  issuedAt: number;
  /** The holder's name masked (maskName): enough to compare with an ID card, not to learn it. */
  holder: string;
  /** What the document certifies, kind-specific and small (a receipt: receiptCertifies). */
  certifies: Json;
  validUntil: number | null;
};

export function encodeBody(doc: OfflineDocument): Uint8Array {
  const kind = KIND_CODES[doc.kind] ?? doc.kind;
  return new TextEncoder().encode(JSON.stringify([QR_VERSION, kind, doc.code, doc.keyId, doc.issuedAt, doc.holder, doc.certifies, doc.validUntil]));
}

/** The bytes the signature covers: the domain, then the body. */
export function signedBytes(body: Uint8Array): Uint8Array {
  const domain = new TextEncoder().encode(QR_DOMAIN);
  const out = new Uint8Array(domain.length + body.length);
  out.set(domain, 0);
  out.set(body, domain.length);
  return out;
}

export function joinToken(body: Uint8Array, signature: Uint8Array): string {
  return `${toBase64Url(body)}.${toBase64Url(signature)}`;
}

export type SplitToken = { body: Uint8Array; signature: Uint8Array; doc: OfflineDocument | null };

/**
 * Reads a token's parts without trusting them (the caller verifies the signature before showing
 * anything). Null when the text is not shaped like one of ours at all; `doc` null when it is
 * shaped like one but its content does not read (a changed character: "altered", not "unknown").
 * Pasted text may carry the link around the token.
 */
export function splitToken(input: string): SplitToken | null {
  const token = extractToken(input);
  if (!token) return null;
  const [b, s] = token.split(".");
  const body = fromBase64Url(b!) ?? new Uint8Array();
  const signature = fromBase64Url(s!) ?? new Uint8Array();
  return { body, signature, doc: signature.length === 64 ? readBody(parseJson(body)) : null };
}

const TOKEN = /([A-Za-z0-9_-]{16,})\.([A-Za-z0-9_-]{86})(?![A-Za-z0-9_-])/;

/** The token from what was pasted or scanned: the token itself, or the link `…/verify#token`. */
export function extractToken(input: string): string | null {
  const m = TOKEN.exec(input.replace(/\s+/g, ""));
  return m ? `${m[1]}.${m[2]}` : null;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

function readBody(v: unknown): OfflineDocument | null {
  if (!Array.isArray(v) || v.length !== 8 || v[0] !== QR_VERSION) return null;
  const [, kind, code, keyId, issuedAt, holder, certifies, validUntil] = v as unknown[];
  if (typeof kind !== "string" || typeof code !== "string" || typeof keyId !== "string" || typeof holder !== "string") return null;
  if (!Number.isSafeInteger(issuedAt) || !(validUntil === null || Number.isSafeInteger(validUntil))) return null;
  return { kind: KIND_NAMES[kind] ?? kind, code, keyId, issuedAt: issuedAt as number, holder, certifies: (certifies ?? null) as Json, validUntil: validUntil as number | null };
}

/**
 * A name shown on a QR anyone may read: the first word's first two letters, the other words'
 * initials ("Amina Ben Salah" → "Am*** B. S."). Letters are counted as code points, so Arabic
 * and Latin are treated alike.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  return words
    .map((w, i) => {
      const chars = [...w];
      return i === 0 ? `${chars.slice(0, 2).join("")}***` : `${chars[0]}.`;
    })
    .join(" ");
}

/**
 * What a payment receipt certifies, positional: [payment reference, total, [[payee, bill reference, amount]…]].
 * The time paid is the receipt's issuedAt (issued in the same transaction), so it is not repeated.
 */
export type ReceiptCertifies = [string, number, [string, string, number][]];

export function receiptCertifies(r: { paymentReference: string; totalMillimes: number; items: { payee: string; reference: string; amountMillimes: number }[] }): ReceiptCertifies {
  return [r.paymentReference, r.totalMillimes, r.items.map((i) => [i.payee, i.reference, i.amountMillimes])];
}

export function readReceiptCertifies(c: Json): ReceiptCertifies | null {
  if (!Array.isArray(c) || c.length !== 3) return null;
  const [ref, total, items] = c;
  if (typeof ref !== "string" || !Number.isSafeInteger(total) || !Array.isArray(items)) return null;
  const ok = items.every((i) => Array.isArray(i) && i.length === 3 && typeof i[0] === "string" && typeof i[1] === "string" && Number.isSafeInteger(i[2]));
  return ok ? (c as ReceiptCertifies) : null;
}

// base64url without padding, on Uint8Array (no Buffer in the browser).
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

export function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const c of s) {
    const v = B64_INDEX.get(c);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  // Leftover bits must be zero: otherwise two strings would decode to the same bytes.
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
