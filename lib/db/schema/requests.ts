import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./users";

/**
 * Citizens who added themselves to a municipal report ("it is one of these"): the body sees how
 * many people are affected. One row per citizen and report.
 */
export const reportSupporters = pgTable(
  "report_supporters",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index("report_supporters_user_idx").on(t.userId)],
);

/**
 * Moderation of the public list of municipal reports: nothing of a report beyond its category,
 * delegation, status and dates is public until approved; a report can be hidden or marked
 * abusive, with a reason (every decision is also in the audit log).
 */
export const reportModeration = pgTable("report_moderation", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  /** The description (and approved photos) may be shown publicly. */
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  hiddenAt: timestamp("hidden_at", { withTimezone: true }),
  abusive: boolean("abusive").notNull().default(false),
  reason: text("reason"),
  decidedBy: uuid("decided_by").references(() => users.id),
  decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
});
