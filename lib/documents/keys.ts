import "server-only";
import { env } from "@/lib/env";
import { resolveSigningKey, verifyingKeyFromRaw, type SigningKey, type VerifyingKey } from "./signing";

let cached: SigningKey | undefined;

/** The platform's document-signing key (DOCUMENT_SIGNING_KEY, or the development key). */
export function documentSigningKey(): SigningKey {
  cached ??= resolveSigningKey({ documentSigningKey: env().DOCUMENT_SIGNING_KEY, authSecret: env().AUTH_SECRET });
  return cached;
}

let verifying: VerifyingKey[] | undefined;

/**
 * Every key whose signatures still count: the current one first, then the retired ones
 * (DOCUMENT_RETIRED_PUBLIC_KEYS). A rotated key stops signing but keeps verifying what it signed.
 */
export function documentVerifyingKeys(): VerifyingKey[] {
  verifying ??= [
    documentSigningKey(),
    ...(env().DOCUMENT_RETIRED_PUBLIC_KEYS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => verifyingKeyFromRaw(Buffer.from(s, "base64url"))),
  ];
  return verifying;
}
