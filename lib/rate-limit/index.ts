import "server-only";
import { eq, lt, sql } from "drizzle-orm";
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
 * Each call is one short transaction that locks the key's row (an upsert: `insert … on conflict do update`), so
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

/**
 * Locks the keys' rows (creating the missing ones) and hands each key's instants in the window to
 * `change`; then writes what it answered. Two statements whatever the number of keys (a filing
 * counts against two or three): one upsert that creates, locks (in key order, so two callers never
 * wait on each other crosswise) and reads the rows, and one update of them all.
 */
async function withRows<T>(
  db: Db | Tx,
  rows: readonly { key: string; windowSeconds: number }[],
  at: Date,
  change: (kept: number[], index: number) => { stamps: number[]; result: T },
): Promise<T[]> {
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  if (keys.length !== rows.length) throw new RangeError("one rule per key");
  return db.transaction(async (tx) => {
    const locked = await tx
      .insert(rateLimits)
      .values(keys.map((key) => ({ key, expiresAt: at, stamps: [] })))
      // A no-op update: it locks an existing row (as `select … for update` would) and returns it.
      .onConflictDoUpdate({ target: rateLimits.key, set: { key: sql`excluded.key` } })
      .returning({ key: rateLimits.key, stamps: rateLimits.stamps });
    const current = new Map(locked.map((r) => [r.key, r.stamps]));
    const writes: { key: string; stamps: number[]; expiresAt: Date }[] = [];
    const results = rows.map((rule, i) => {
      const { stamps, result } = change(inWindow(current.get(rule.key) ?? [], at, rule.windowSeconds), i);
      const newest = stamps.at(-1);
      writes.push({ key: rule.key, stamps, expiresAt: new Date((newest ?? at.getTime()) + rule.windowSeconds * 1000) });
      return result;
    });
    const values = sql.join(
      writes.map((w) => sql`(${w.key}::text, ${JSON.stringify(w.stamps)}::jsonb, ${w.expiresAt.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`update ${rateLimits} set stamps = v.stamps, expires_at = v.expires_at from (values ${values}) as v(key, stamps, expires_at) where ${rateLimits.key} = v.key`);
    return results;
  });
}

function checkRule(limit: number, windowSeconds: number, cost: number): void {
  if (!Number.isInteger(cost) || cost < 1) throw new RangeError("cost must be a positive integer");
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError("bad rule");
}

/** Counts `cost` hits (default 1) if they fit within the limit, and says whether they did. */
export async function consume(opts: RateLimitRule & Options & { cost?: number }): Promise<RateLimitResult> {
  const [result] = await consumeAll([opts], opts);
  return result!;
}

/**
 * `consume` for several keys at once (one rule per key), in one short transaction of two
 * statements: each key is counted or refused on its own, as by separate calls.
 */
export async function consumeAll(rules: readonly (RateLimitRule & { cost?: number })[], opts: Options = {}): Promise<RateLimitResult[]> {
  for (const r of rules) checkRule(r.limit, r.windowSeconds, r.cost ?? 1);
  if (rules.length === 0) return [];
  const { db, at } = await resolve(opts);
  return withRows<RateLimitResult>(db, rules, at, (kept, i) => {
    const { limit, windowSeconds } = rules[i]!;
    const cost = rules[i]!.cost ?? 1;
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
  await withRows(db, [opts], at, (kept) => ({ stamps: kept.slice(0, Math.max(0, kept.length - cost)), result: undefined }));
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
