import "server-only";
import { getDb } from "@/lib/db/client";
import { documentVerifyingKeys } from "./keys";
import { verifyDocument, type Verification } from "./store";

/** Public verification: is this code one of our signed documents, unaltered? */
export async function verifyCode(opts: { code: string }): Promise<Verification> {
  const { db } = await getDb();
  const [key, ...retired] = documentVerifyingKeys();
  const result = await verifyDocument(db, { code: opts.code, key: key!, retired });
  if (!result.genuine && result.why !== "malformed" && result.why !== "unknown" && result.why !== "revoked") console.error(`document ${opts.code} failed verification: ${result.why}`);
  return result;
}
