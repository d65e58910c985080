import "server-only";
import { getDb } from "@/lib/db/client";
import { documentSigningKey } from "./keys";
import { verifyDocument, type Verification } from "./store";

/** Public verification: is this code one of our signed documents, unaltered? */
export async function verifyCode(opts: { code: string }): Promise<Verification> {
  const { db } = await getDb();
  const result = await verifyDocument(db, { code: opts.code, key: documentSigningKey() });
  if (!result.genuine && result.why !== "malformed" && result.why !== "unknown") console.error(`document ${opts.code} failed verification: ${result.why}`);
  return result;
}
