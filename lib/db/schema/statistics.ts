import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./users";

/**
 * Satisfaction after an interview or a payment (lib/statistics/ratings.ts): one rating per thing
 * rated, by the citizen it belongs to. Cases keep theirs in their timeline ("rated" events). The
 * body and house are copied at rating time so the dashboards aggregate without joining the
 * domain's tables; the comment-free design keeps it free of personal text.
 */
export const serviceRatings = pgTable(
  "service_ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** interview | payment */
    subject: text("subject").notNull(),
    subjectId: uuid("subject_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The body of the interview, or the payee of the payment (null when it had several). */
    bodyId: text("body_id"),
    houseId: text("house_id"),
    stars: integer("stars").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("service_ratings_subject_uq").on(t.subject, t.subjectId),
    index("service_ratings_created_idx").on(t.createdAt),
    check("service_ratings_stars_ck", sql`${t.stars} between 1 and 5`),
  ],
);

/**
 * Visits of the public sections, counted by the server (lib/statistics/visits.ts): one counter a
 * day (Africa/Tunis) per section, no cookie, no address, nothing about the visitor.
 */
export const sectionVisits = pgTable(
  "section_visits",
  {
    day: date("day").notNull(),
    section: text("section").notNull(),
    visits: integer("visits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.section] })],
);
