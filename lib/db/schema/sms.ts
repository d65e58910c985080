import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Messages of the `outbox` SMS driver (development, tests, demos): stored instead of sent, and
 * shown at /dev/sms in demo mode. The `http` driver never writes here.
 */
export const smsOutbox = pgTable(
  "sms_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    text: text("text").notNull(),
    locale: text("locale").notNull(),
    /** An opaque label from the sender (sign-in codes: a hash of the request), for tests. */
    ref: text("ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sms_outbox_to_idx").on(t.to, t.createdAt)],
);
