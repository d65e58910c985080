import "server-only";
import { env } from "@/lib/env";
import { resolveSigningKey, type SigningKey } from "./signing";

let cached: SigningKey | undefined;

/** The platform's document-signing key (DOCUMENT_SIGNING_KEY, or the development key). */
export function documentSigningKey(): SigningKey {
  cached ??= resolveSigningKey({ documentSigningKey: env().DOCUMENT_SIGNING_KEY, authSecret: env().AUTH_SECRET });
  return cached;
}
