import { encodeBody, signedBytes, splitToken, fromBase64Url, type OfflineDocument } from "./compact";

/**
 * Checks a QR token against the keys and revocations this phone holds (the trust list, fetched
 * from /api/documents/trust when online and kept). Isomorphic and network-free: the verify page
 * runs it in the browser, the tests in node. docs/adr/0017.
 */
export type TrustList = {
  v: 1;
  /** When the server produced the list: what "as of" means for a revocation. */
  asOf: string;
  keys: { id: string; publicKey: string; retiredAt: string | null }[];
  /**
   * Withdrawn documents by the SHA-256 of their code (hex, first 32 characters), not the code: the
   * list is public, and a code opens the document's details on /verify/CODE.
   */
  revoked: { codeHash: string; at: string }[];
};

export type Outcome =
  | { status: "genuine"; doc: OfflineDocument }
  | { status: "revoked"; doc: OfflineDocument; revokedAt: string; asOf: string }
  | { status: "altered" }
  | { status: "unknownKey"; keyId: string }
  | { status: "malformed" };

export type Ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>;

export async function verifyToken(input: string, trust: TrustList, ed25519: Ed25519Verify): Promise<Outcome> {
  const split = splitToken(input);
  if (!split) return { status: "malformed" };
  const { body, signature, doc } = split;
  if (!doc) return { status: "altered" };
  const key = trust.keys.find((k) => k.id === doc.keyId);
  if (!key) {
    // A key id one of ours but for a changed character is an altered document, not a stranger's:
    // put each of our ids back and see whether the signature then holds.
    for (const k of trust.keys) {
      const pk = fromBase64Url(k.publicKey);
      if (k.id.length === doc.keyId.length && pk && (await safely(ed25519, pk, signedBytes(encodeBody({ ...doc, keyId: k.id })), signature))) return { status: "altered" };
    }
    return { status: "unknownKey", keyId: doc.keyId };
  }
  const publicKey = fromBase64Url(key.publicKey);
  if (!publicKey || !(await safely(ed25519, publicKey, signedBytes(body), signature))) return { status: "altered" };
  const hash = await revocationHash(doc.code);
  const revoked = trust.revoked.find((r) => r.codeHash === hash);
  if (revoked) return { status: "revoked", doc, revokedAt: revoked.at, asOf: trust.asOf };
  return { status: "genuine", doc };
}

async function safely(ed25519: Ed25519Verify, pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): Promise<boolean> {
  if (pk.length !== 32 || sig.length !== 64) return false;
  try {
    return await ed25519(pk, msg, sig);
  } catch {
    return false;
  }
}

/** Is this a trust list as the server sends it? (What the phone kept may be old or damaged.) */
export function isTrustList(v: unknown): v is TrustList {
  if (!v || typeof v !== "object") return false;
  const t = v as Partial<TrustList>;
  return (
    t.v === 1 &&
    typeof t.asOf === "string" &&
    Array.isArray(t.keys) &&
    t.keys.every((k) => typeof k?.id === "string" && typeof k.publicKey === "string") &&
    Array.isArray(t.revoked) &&
    t.revoked.every((r) => typeof r?.codeHash === "string" && typeof r.at === "string")
  );
}

/** How a code appears in the revocation list: SHA-256 of its UTF-8, hex, first 128 bits. */
export async function revocationHash(code: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(code)));
  return [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
