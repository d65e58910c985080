import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { now as clockNow } from "@/lib/clock";

/**
 * A small rate limiter whose counters live in the database, so every app instance shares them.
 *
 * Each key has a fixed window that opens at its first hit and lasts `windowSeconds`; within it at
 * most `limit` hits pass. The count is one atomic upsert, so concurrent requests on PostgreSQL
 * can never let more than `limit` through. A window that starts in the future (the test clock
 * was moved back) counts as over, so a clock jump never locks anyone out for days.
 *
 * Over any span of D seconds a key lets at most (⌊D / windowSeconds⌋ + 1) × limit hits through:
 * windows never overlap, and D covers at most that many of them.
 *
 *     const r = await consume({ key: `filing:${actor.userId}`, limit: 20, windowSeconds: 3600 });
 *     if (!r.ok) throw new AppError("rateLimited", { values: { minutes: minutesOf(r.retryAfterSeconds) } });
 */
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type RateLimitRule = {
  /** Namespaced by its user, e.g. `otp:send:phone:+21698123456`. */
  key: string;
  limit: number;
  windowSeconds: number;
};

type Options = {
  /** Run in the caller's transaction; default: the app's database. */
  db?: Db | Tx;
  /** Default: lib/clock `now()` (the test clock in tests). */
  now?: Date;
};

async function resolve(opts: Options): Promise<{ db: Db | Tx; at: Date }> {
  const db = opts.db ?? (await getDb()).db;
  const at = opts.now ?? (await clockNow());
  return { db, at };
}

/** Counts `cost` hits (default 1) and says whether they are within the limit. */
export async function consume(opts: RateLimitRule & Options & { cost?: number }): Promise<RateLimitResult> {
  const { key, limit, windowSeconds } = opts;
  const cost = opts.cost ?? 1;
  if (!Number.isInteger(cost) || cost < 1) throw new RangeError("cost must be a positive integer");
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError("bad rule");
  const { db, at } = await resolve(opts);
  const nowIso = at.toISOString();
  const expiresIso = new Date(at.getTime() + windowSeconds * 1000).toISOString();
  const cutoffIso = new Date(at.getTime() - windowSeconds * 1000).toISOString();
  // Window over: it started at or before now − window, or (clock moved back) after now.
  const over = sql`(${rateLimits.windowStart} <= ${cutoffIso}::timestamptz or ${rateLimits.windowStart} > ${nowIso}::timestamptz)`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: at, hits: cost, expiresAt: new Date(expiresIso) })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${over} then ${cost}::int else ${rateLimits.hits} + ${cost}::int end`,
        windowStart: sql`case when ${over} then ${nowIso}::timestamptz else ${rateLimits.windowStart} end`,
        expiresAt: sql`case when ${over} then ${expiresIso}::timestamptz else ${rateLimits.expiresAt} end`,
      },
    })
    .returning({ hits: rateLimits.hits, windowStart: rateLimits.windowStart });
  if (!row) throw new Error("rate limit upsert returned nothing");
  return judge(row, { limit, windowSeconds, at, afterThis: true });
}

/** Whether one more hit would pass, without counting it. */
export async function peek(opts: RateLimitRule & Options): Promise<RateLimitResult> {
  const { db, at } = await resolve(opts);
  const [row] = await db.select({ hits: rateLimits.hits, windowStart: rateLimits.windowStart }).from(rateLimits).where(eq(rateLimits.key, opts.key));
  if (!row || isOver(row.windowStart, at, opts.windowSeconds)) return { ok: true, remaining: opts.limit };
  return judge(row, { limit: opts.limit, windowSeconds: opts.windowSeconds, at, afterThis: false });
}

/**
 * Gives back hits counted in advance, e.g. a failure slot reserved before checking a code that
 * turned out right. Never below zero; a window that has ended is left alone.
 */
export async function refund(opts: { key: string; windowSeconds: number; cost?: number } & Options): Promise<void> {
  const { db, at } = await resolve(opts);
  const cost = opts.cost ?? 1;
  const cutoff = new Date(at.getTime() - opts.windowSeconds * 1000);
  await db
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - ${cost}::int, 0)` })
    .where(and(eq(rateLimits.key, opts.key), gt(rateLimits.windowStart, cutoff)));
}

/** Forgets a key (an admin unlocking a number). */
export async function resetLimit(opts: { key: string } & Pick<Options, "db">): Promise<void> {
  const db = opts.db ?? (await getDb()).db;
  await db.delete(rateLimits).where(eq(rateLimits.key, opts.key));
}

/** Deletes rows whose window ended before `before` (default: a day ago). Returns how many. */
export async function pruneRateLimits(opts: Options & { before?: Date } = {}): Promise<number> {
  const { db, at } = await resolve(opts);
  const before = opts.before ?? new Date(at.getTime() - 24 * 3600 * 1000);
  const rows = await db.delete(rateLimits).where(lt(rateLimits.expiresAt, before)).returning({ key: rateLimits.key });
  return rows.length;
}

/** Minutes to show a person, rounded up, at least 1. */
export function minutesOf(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

function isOver(windowStart: Date, at: Date, windowSeconds: number): boolean {
  return windowStart.getTime() <= at.getTime() - windowSeconds * 1000 || windowStart.getTime() > at.getTime();
}

function judge(
  row: { hits: number; windowStart: Date },
  o: { limit: number; windowSeconds: number; at: Date; afterThis: boolean },
): RateLimitResult {
  // consume: the hits already include this one; peek: would one more fit?
  const within = o.afterThis ? row.hits <= o.limit : row.hits < o.limit;
  if (within) return { ok: true, remaining: Math.max(0, o.limit - row.hits) };
  const endsAt = row.windowStart.getTime() + o.windowSeconds * 1000;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - o.at.getTime()) / 1000)) };
}
