import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of lib/rate-limit, shared by every app instance. One row per key, holding the instants
 * (epoch milliseconds) of the hits still inside the caller's rolling window (see
 * lib/rate-limit/index.ts). `hits`, `window_start` and `expires_at` summarise them for people
 * reading the table and for pruning.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  /** The oldest hit still in the window (or the last write, when none is). */
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  /** How many hits are in the window. */
  hits: integer("hits").notNull(),
  /** Newest hit + window: rows past it are free to delete. */
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  /** Instants of the hits in the window, oldest first (at most `limit` of them). */
  stamps: jsonb("stamps").$type<number[]>().notNull().default([]),
});
