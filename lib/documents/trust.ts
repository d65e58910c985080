import "server-only";
import { getDb } from "@/lib/db/client";
import { documentVerifyingKeys } from "./keys";
import { createHash } from "node:crypto";
import type { TrustList } from "./offline-verify";
import { revokedDocuments } from "./store";

/**
 * What a phone needs to check QR codes offline: our public keys by id (the current one and the
 * retired ones) and the revoked documents (by hash of their code), dated so the page can say "as of".
 * Public data only.
 */
export async function trustList(now: Date): Promise<TrustList> {
  const { db } = await getDb();
  const [current, ...retired] = documentVerifyingKeys();
  return {
    v: 1,
    asOf: now.toISOString(),
    keys: [
      { id: current!.keyId, publicKey: current!.publicKeyRaw.toString("base64url"), retiredAt: null },
      // A retired key verifies what it signed; when it was retired is not known here, only that it was.
      ...retired.map((k) => ({ id: k.keyId, publicKey: k.publicKeyRaw.toString("base64url"), retiredAt: "retired" })),
    ],
    revoked: (await revokedDocuments(db)).map((r) => ({ codeHash: codeHash(r.code), at: r.at.toISOString() })),
  };
}

/** The same as revocationHash (offline-verify.ts), synchronously: the tests hold them equal. */
export function codeHash(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex").slice(0, 32);
}
