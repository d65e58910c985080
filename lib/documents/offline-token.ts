import { sign } from "node:crypto";
import { encodeBody, joinToken, signedBytes, type OfflineDocument } from "./compact";
import type { SigningKey } from "./signing";

/** Signs what a QR carries (format: compact.ts, docs/adr/0017) with the platform's document key. */
export function signOfflineToken(key: SigningKey, doc: Omit<OfflineDocument, "keyId">): string {
  const body = encodeBody({ ...doc, keyId: key.keyId });
  return joinToken(body, sign(null, signedBytes(body), key.privateKey));
}

/** The link a QR carries: the token after `#`, so it never reaches a server's logs, and the verify page reads it. */
export function offlineVerificationUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/$/, "")}/verify#${token}`;
}
