import { integer, pgTable, timestamp } from "drizzle-orm/pg-core";

/** The controllable clock used by tests (TEST_CLOCK=true only): one row, id 1. */
export const testClock = pgTable("test_clock", {
  id: integer("id").primaryKey(),
  frozenAt: timestamp("frozen_at", { withTimezone: true }),
});
