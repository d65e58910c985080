import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { documents } from "@/lib/db/schema";
import { canonicalJson, type Canonical } from "./canonical";
import { newCode, parseCode } from "./codes";
import { signBytes, verifyBytes, type SigningKey, type VerifyingKey } from "./signing";

/**
 * Signed documents: issued once per subject, verified by anyone with the code. The code is 16
 * characters (75 random bits and a check character): unguessable, and a mistyped or altered code
 * is caught by its check character before the database is asked.
 */
export const VERIFICATION_CODE_LENGTH = 16;

export type DocumentPayload = { [key: string]: Canonical };

export type IssuedDocument = {
  id: string;
  code: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  ownerUserId: string | null;
  issuedAt: Date;
  data: DocumentPayload;
};

export async function issueDocument(opts: {
  db: Db | Tx;
  key: SigningKey;
  kind: string;
  subjectType: string;
  subjectId: string;
  ownerUserId: string | null;
  data: DocumentPayload;
  issuedAt: Date;
}): Promise<IssuedDocument> {
  const existing = await findDocument(opts.db, { kind: opts.kind, subjectType: opts.subjectType, subjectId: opts.subjectId });
  if (existing) return existing;
  const code = newCode({ length: VERIFICATION_CODE_LENGTH });
  const signed = { v: 1, kind: opts.kind, code, issuedAt: opts.issuedAt.toISOString(), keyId: opts.key.keyId, data: opts.data };
  const canonical = canonicalJson(signed);
  const [row] = await opts.db
    .insert(documents)
    .values({
      code,
      kind: opts.kind,
      ownerUserId: opts.ownerUserId,
      subjectType: opts.subjectType,
      subjectId: opts.subjectId,
      payload: signed,
      canonical,
      signature: signBytes(opts.key, canonical),
      keyId: opts.key.keyId,
      issuedAt: opts.issuedAt,
    })
    .onConflictDoNothing({ target: [documents.kind, documents.subjectType, documents.subjectId] })
    .returning();
  if (row) return toIssued(row);
  // Someone issued it at the same moment: theirs is the one.
  const theirs = await findDocument(opts.db, { kind: opts.kind, subjectType: opts.subjectType, subjectId: opts.subjectId });
  if (!theirs) throw new Error("document vanished after a conflict");
  return theirs;
}

export async function findDocument(db: Db | Tx, where: { kind: string; subjectType: string; subjectId: string }): Promise<IssuedDocument | null> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.kind, where.kind), eq(documents.subjectType, where.subjectType), eq(documents.subjectId, where.subjectId)));
  return row ? toIssued(row) : null;
}

export type Verification =
  | { genuine: true; document: IssuedDocument }
  | { genuine: false; why: "revoked"; document: IssuedDocument; revokedAt: Date }
  | { genuine: false; why: "malformed" | "unknown" | "badSignature" | "unknownKey" };

/**
 * Is this a document we issued, unaltered, not withdrawn? A code with a wrong check character, a
 * code we never issued, a stored document whose bytes no longer match its signature, and a
 * document signed by a key we do not hold all answer "not genuine" — with the reason kept for
 * logs, not shown. A revoked one is genuine but withdrawn: the page says so, with the date.
 * `retired` are former keys (ADR 0017): what they signed before a rotation still verifies.
 */
export async function verifyDocument(db: Db, opts: { code: string; key: VerifyingKey; retired?: VerifyingKey[] }): Promise<Verification> {
  const code = parseCode(opts.code, { length: VERIFICATION_CODE_LENGTH });
  if (!code) return { genuine: false, why: "malformed" };
  const [row] = await db.select().from(documents).where(eq(documents.code, code));
  if (!row) return { genuine: false, why: "unknown" };
  const key = [opts.key, ...(opts.retired ?? [])].find((k) => k.keyId === row.keyId);
  if (!key) return { genuine: false, why: "unknownKey" };
  if (!verifyBytes(key, row.canonical, row.signature)) return { genuine: false, why: "badSignature" };
  // What we show must be what was signed, not a column that could have been edited since.
  const signed = JSON.parse(row.canonical) as { code: string; kind: string; issuedAt: string; data: DocumentPayload };
  if (signed.code !== row.code) return { genuine: false, why: "badSignature" };
  const document = { ...toIssued(row), kind: signed.kind, issuedAt: new Date(signed.issuedAt), data: signed.data };
  if (row.revokedAt) return { genuine: false, why: "revoked", document, revokedAt: row.revokedAt };
  return { genuine: true, document };
}

/**
 * Withdraws a document (the issuer's decision, audited by the caller). Idempotent: revoking twice
 * keeps the first date. False when no such document exists.
 */
export async function revokeDocument(db: Db | Tx, opts: { code: string; at: Date; reason: string }): Promise<boolean> {
  const code = parseCode(opts.code, { length: VERIFICATION_CODE_LENGTH });
  if (!code) return false;
  await db
    .update(documents)
    .set({ revokedAt: opts.at, revokedReason: opts.reason })
    .where(and(eq(documents.code, code), isNull(documents.revokedAt)));
  const [row] = await db.select({ id: documents.id }).from(documents).where(eq(documents.code, code));
  return Boolean(row);
}

/** Every revoked document's code and date: the list phones keep for checking offline. */
export async function revokedDocuments(db: Db): Promise<{ code: string; at: Date }[]> {
  const rows = await db.select({ code: documents.code, at: documents.revokedAt }).from(documents).where(isNotNull(documents.revokedAt));
  return rows.map((r) => ({ code: r.code, at: r.at! }));
}

function toIssued(row: typeof documents.$inferSelect): IssuedDocument {
  const payload = row.payload as { data?: DocumentPayload };
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    ownerUserId: row.ownerUserId,
    issuedAt: row.issuedAt,
    data: payload.data ?? {},
  };
}
