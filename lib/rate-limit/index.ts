import "server-only";
import { eq, lt } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { now as clockNow } from "@/lib/clock";

/**
 * A small rate limiter whose counters live in the database, so every app instance shares them.
 *
 * Rolling windows: a key remembers the instants of its accepted hits, and a hit passes only if,
 * with it, no more than `limit` hits fall in the last `windowSeconds`. So "3 codes per 15 minutes"
 * holds for *every* 15-minute span — a fixed window opened at the first hit would let 6 through
 * around its edge. Refused hits are not remembered: someone who keeps trying is told the same
 * wait, which never grows. At most `limit` instants are stored per key.
 *
 * Each call is one short transaction that locks the key's row (`select … for update`), so
 * concurrent requests on PostgreSQL can never let more than `limit` through. Instants after "now"
 * (the test clock was moved back) are dropped, so a clock jump never locks anyone out for days.
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

/** The instants still inside the window ending at `at`, oldest first. */
export function inWindow(stamps: readonly number[], at: Date, windowSeconds: number): number[] {
  const t = at.getTime();
  return stamps.filter((s) => s > t - windowSeconds * 1000 && s <= t).sort((a, b) => a - b);
}

/** Seconds until `cost` more hits would fit, given the instants in the window. */
export function waitFor(kept: readonly number[], cost: number, limit: number, at: Date, windowSeconds: number): number {
  const mustLeave = kept.length + cost - limit;
  if (mustLeave <= 0) return 0;
  const last = kept[mustLeave - 1];
  // More than the limit at once can never pass: the whole window.
  if (last === undefined) return windowSeconds;
  return Math.max(1, Math.ceil((last + windowSeconds * 1000 - at.getTime()) / 1000));
}

/** Locks the key's row (creating it) and hands its instants in the window to `change`. */
async function withRow<T>(
  db: Db | Tx,
  key: string,
  at: Date,
  windowSeconds: number,
  change: (kept: number[]) => { stamps: number[]; result: T },
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.insert(rateLimits).values({ key, expiresAt: at, stamps: [] }).onConflictDoNothing();
    const [row] = await tx.select({ stamps: rateLimits.stamps }).from(rateLimits).where(eq(rateLimits.key, key)).for("update");
    const { stamps, result } = change(inWindow(row?.stamps ?? [], at, windowSeconds));
    const newest = stamps.at(-1);
    await tx
      .update(rateLimits)
      .set({
        stamps,
        expiresAt: new Date((newest ?? at.getTime()) + windowSeconds * 1000),
      })
      .where(eq(rateLimits.key, key));
    return result;
  });
}

function checkRule(limit: number, windowSeconds: number, cost: number): void {
  if (!Number.isInteger(cost) || cost < 1) throw new RangeError("cost must be a positive integer");
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError("bad rule");
}

/** Counts `cost` hits (default 1) if they fit within the limit, and says whether they did. */
export async function consume(opts: RateLimitRule & Options & { cost?: number }): Promise<RateLimitResult> {
  const { key, limit, windowSeconds } = opts;
  const cost = opts.cost ?? 1;
  checkRule(limit, windowSeconds, cost);
  const { db, at } = await resolve(opts);
  return withRow<RateLimitResult>(db, key, at, windowSeconds, (kept) => {
    if (kept.length + cost > limit) return { stamps: kept, result: { ok: false, retryAfterSeconds: waitFor(kept, cost, limit, at, windowSeconds) } };
    const stamps = [...kept, ...Array.from({ length: cost }, () => at.getTime())];
    return { stamps, result: { ok: true, remaining: limit - stamps.length } };
  });
}

/** Whether one more hit would pass, without counting it. */
export async function peek(opts: RateLimitRule & Options): Promise<RateLimitResult> {
  const { db, at } = await resolve(opts);
  const [row] = await db.select({ stamps: rateLimits.stamps }).from(rateLimits).where(eq(rateLimits.key, opts.key));
  const kept = inWindow(row?.stamps ?? [], at, opts.windowSeconds);
  if (kept.length < opts.limit) return { ok: true, remaining: opts.limit - kept.length };
  return { ok: false, retryAfterSeconds: waitFor(kept, 1, opts.limit, at, opts.windowSeconds) };
}

/**
 * Gives back hits counted in advance, e.g. a failure slot reserved before checking a code that
 * turned out right: the newest `cost` instants in the window are forgotten. Never below zero.
 */
export async function refund(opts: { key: string; windowSeconds: number; cost?: number } & Options): Promise<void> {
  const { db, at } = await resolve(opts);
  const cost = opts.cost ?? 1;
  await withRow(db, opts.key, at, opts.windowSeconds, (kept) => ({ stamps: kept.slice(0, Math.max(0, kept.length - cost)), result: undefined }));
}

/** Forgets a key (an admin unlocking a number). */
export async function resetLimit(opts: { key: string } & Pick<Options, "db">): Promise<void> {
  const db = opts.db ?? (await getDb()).db;
  await db.delete(rateLimits).where(eq(rateLimits.key, opts.key));
}

/** Deletes rows whose last hit left its window before `before` (default: a day ago). Returns how many. */
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
