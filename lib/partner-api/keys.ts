import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/open";
import { partnerApiKeys } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { Scope } from "./contract";
import { parseKey } from "./key-format";

/**
 * Per-body API keys. `idk_<prefix>_<secret>`: the prefix (public, unique) finds the row, the
 * SHA-256 of the whole key is compared in constant time. The whole key exists only in the answer
 * to the admin who created it; a lost key is revoked and replaced, never shown again.
 */
export type ApiKey = typeof partnerApiKeys.$inferSelect;

export function hashKey(whole: string): string {
  return createHash("sha256").update(whole, "utf8").digest("hex");
}

export async function createApiKey(opts: {
  db: Db;
  actor: Pick<Actor, "userId" | "role">;
  bodyId: string;
  label: string;
  scopes: readonly Scope[];
  perMinute: number;
  now: Date;
  ip?: string | null;
}): Promise<{ key: ApiKey; secret: string }> {
  if (opts.actor.role !== "admin") throw new AppError("forbidden");
  // 9 bytes → 12 characters of prefix; 32 bytes (256 bits) of secret.
  const prefix = randomBytes(9).toString("base64url").replace(/[-_]/g, "x");
  const whole = `idk_${prefix}_${randomBytes(32).toString("base64url")}`;
  return opts.db.transaction(async (tx) => {
    const [key] = await tx
      .insert(partnerApiKeys)
      .values({ prefix, secretHash: hashKey(whole), bodyId: opts.bodyId, label: opts.label, scopes: [...opts.scopes], perMinute: opts.perMinute, createdBy: opts.actor.userId, createdAt: opts.now })
      .returning();
    await recordAudit(tx, opts.actor, { action: "partnerApi.keyCreated", subjectType: "apiKey", subjectId: key!.id, detail: { bodyId: opts.bodyId, prefix, scopes: opts.scopes, perMinute: opts.perMinute } }, opts.ip);
    return { key: key!, secret: whole };
  });
}

/** Revoked at once: the next call with it is 401. Revoking twice changes nothing. */
export async function revokeApiKey(opts: { db: Db; actor: Pick<Actor, "userId" | "role">; id: string; now: Date; ip?: string | null }): Promise<void> {
  if (opts.actor.role !== "admin") throw new AppError("forbidden");
  await opts.db.transaction(async (tx: Tx) => {
    const [key] = await tx
      .update(partnerApiKeys)
      .set({ revokedAt: opts.now, revokedBy: opts.actor.userId })
      .where(and(eq(partnerApiKeys.id, opts.id), isNull(partnerApiKeys.revokedAt)))
      .returning();
    if (!key) return;
    await recordAudit(tx, opts.actor, { action: "partnerApi.keyRevoked", subjectType: "apiKey", subjectId: key.id, detail: { bodyId: key.bodyId, prefix: key.prefix } }, opts.ip);
  });
}

export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  return db.select().from(partnerApiKeys).orderBy(asc(partnerApiKeys.revokedAt), desc(partnerApiKeys.createdAt));
}

/** The key an `Authorization: Bearer …` header names, if it is known, right and not revoked. */
export async function authenticate(db: Db, authorization: string | null): Promise<ApiKey | null> {
  const parsed = parseKey(authorization);
  if (!parsed) return null;
  const [key] = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.prefix, parsed.prefix));
  if (!key || key.revokedAt) return null;
  const given = Buffer.from(hashKey(parsed.whole), "hex");
  const kept = Buffer.from(key.secretHash, "hex");
  return given.length === kept.length && timingSafeEqual(given, kept) ? key : null;
}
