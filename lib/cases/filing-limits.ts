import "server-only";
import type { Db, Tx } from "@/lib/db/open";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consumeAll, minutesOf } from "@/lib/rate-limit";

/**
 * How many cases may be filed in a window: per citizen (a person writes a few a day at most), per
 * IP (a service house's counter shares one address, hence the higher figure) and per agent filing
 * for walk-in citizens. Counted in the database, shared by every instance; a replay of an
 * idempotency key counts nothing (the caller checks inside the key's first run).
 */
export const FILING_LIMITS = {
  perCitizen: { limit: 10, windowSeconds: 3600 },
  /** The default of FILING_PER_IP_PER_HOUR. */
  perIp: { limit: 120, windowSeconds: 3600 },
  perAgent: { limit: 40, windowSeconds: 3600 },
} as const;

export function filingLimitError(retryAfterSeconds: number): AppError {
  return new AppError("rateLimited", { messageKey: "Requests.errors.rateLimited", values: { minutes: minutesOf(retryAfterSeconds) }, retryAfterSeconds });
}

/** Counts one filing against each rule that applies; throws the "wait N minutes" error when one is over. */
export async function checkFilingLimits(opts: { db: Db | Tx; citizenId: string; ip?: string | null; agentId?: string | null; now: Date; perIp?: number }): Promise<void> {
  const perIp = opts.perIp ?? env().FILING_PER_IP_PER_HOUR;
  const rules = [
    { key: `filing:citizen:${opts.citizenId}`, ...FILING_LIMITS.perCitizen },
    ...(opts.ip ? [{ key: `filing:ip:${opts.ip}`, ...FILING_LIMITS.perIp, limit: perIp }] : []),
    ...(opts.agentId ? [{ key: `filing:agent:${opts.agentId}`, ...FILING_LIMITS.perAgent }] : []),
  ];
  // Every rule counts (as separate calls would), in two statements (lib/rate-limit consumeAll).
  let wait = 0;
  for (const r of await consumeAll(rules, { db: opts.db, now: opts.now })) if (!r.ok) wait = Math.max(wait, r.retryAfterSeconds);
  if (wait > 0) throw filingLimitError(wait);
}
