import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of lib/rate-limit, shared by every app instance. One row per key, holding the instants
 * (epoch milliseconds) of the hits still inside the caller's rolling window (see
 * lib/rate-limit/index.ts); `expires_at` is when the row may be pruned.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  /** Newest hit + window: rows past it are free to delete. */
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  /** Instants of the hits in the window, oldest first (at most `limit` of them). */
  stamps: jsonb("stamps").$type<number[]>().notNull().default([]),
});
