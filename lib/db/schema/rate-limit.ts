import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of lib/rate-limit, shared by every app instance. One row per key; a window opens at
 * the first hit and lasts the caller's `windowSeconds` (see lib/rate-limit/index.ts).
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
  /** window_start + window: rows past it are free to delete. */
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
