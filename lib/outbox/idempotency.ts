import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { idempotencyKeys } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * The server half of the outbox: a key (made when the form was opened) and the citizen identify
 * one submission. The first successful result is stored in the same transaction as the thing it
 * created; a replay of the key returns that result and creates nothing.
 *
 * Two requests with one key at the same moment: on PostgreSQL the second INSERT waits on the
 * unique key until the first transaction ends, then finds its row; on PGlite transactions run one
 * at a time. A failed attempt (validation, crash) rolls back with its key, so it can be retried.
 */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;

export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === "string" && IDEMPOTENCY_KEY.test(value);
}

/** A stable hash of a JSON value (object keys sorted), to refuse a key reused for another request. */
export function requestHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export type Idempotent<T> = { result: T; replayed: boolean };

export async function withIdempotency<T extends Record<string, unknown>>(opts: {
  db: Db | Tx;
  userId: string;
  key: string;
  /** What the key is used for, e.g. "case:question": the same key in another scope is refused. */
  scope: string;
  /** The request as sent (hashed): the same key with a different request is refused. */
  request: unknown;
  run: (tx: Tx) => Promise<T>;
}): Promise<Idempotent<T>> {
  if (!isIdempotencyKey(opts.key)) throw new AppError("validation", { messageKey: "Outbox.errors.badKey" });
  const hash = requestHash({ scope: opts.scope, request: opts.request });
  return opts.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId: opts.userId, key: opts.key, scope: opts.scope, requestHash: hash, result: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [row] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, opts.userId), eq(idempotencyKeys.key, opts.key)));
      if (!row) throw new AppError("conflict"); // the other attempt rolled back between our two statements: retry
      if (row.requestHash !== hash) throw new AppError("conflict", { messageKey: "Outbox.errors.keyReused" });
      return { result: row.result as T, replayed: true };
    }
    const result = await opts.run(tx);
    await tx
      .update(idempotencyKeys)
      .set({ result })
      .where(and(eq(idempotencyKeys.userId, opts.userId), eq(idempotencyKeys.key, opts.key)));
    return { result, replayed: false };
  });
}

/** The stored result of a key already used by this person (a page that sent it and is shown again). */
export async function resultOfKey<T>(opts: { db: Db | Tx; userId: string; key: string }): Promise<T | null> {
  if (!isIdempotencyKey(opts.key)) return null;
  const [row] = await opts.db
    .select({ result: idempotencyKeys.result })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, opts.userId), eq(idempotencyKeys.key, opts.key)));
  return row && Object.keys(row.result as object).length ? (row.result as T) : null;
}
