import "server-only";
import { getDb } from "@/lib/db/client";
import { documentVerifyingKeys } from "./keys";
import { verifyDocument, type Verification } from "./store";
import { log } from "@/lib/log";

/** Public verification: is this code one of our signed documents, unaltered? */
export async function verifyCode(opts: { code: string }): Promise<Verification> {
  const { db } = await getDb();
  const [key, ...retired] = documentVerifyingKeys();
  const result = await verifyDocument(db, { code: opts.code, key: key!, retired });
  if (!result.genuine && result.why !== "malformed" && result.why !== "unknown" && result.why !== "revoked") log.error("document.verificationFailed", undefined, { why: result.why });
  return result;
}
