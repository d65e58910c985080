import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A group session of a house's digital-skills space: a volunteer teaches a lesson (or a free
 * topic) to several citizens at once, at their house.
 */
export const groupSessions = pgTable(
  "group_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    houseId: text("house_id").notNull(),
    volunteerId: uuid("volunteer_id").notNull().references(() => users.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    /** One of the lessons (lib/learning/data), or null with a free-text topic. */
    lessonSlug: text("lesson_slug"),
    topic: text("topic"),
    seats: integer("seats").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    index("group_sessions_house_idx").on(t.houseId, t.startsAt),
    index("group_sessions_volunteer_idx").on(t.volunteerId, t.startsAt),
    check("group_sessions_seats_ck", sql`${t.seats} between 1 and 200`),
    check("group_sessions_topic_ck", sql`${t.lessonSlug} is not null or ${t.topic} is not null`),
  ],
);

/**
 * One seat taken: the primary key (session, seat number) is what refuses an overbooking, as the
 * interviews' holds do — a seat number is only ever chosen within 1..seats, and two people taking
 * the same number at once cannot both commit.
 */
export const groupRegistrations = pgTable(
  "group_registrations",
  {
    sessionId: uuid("session_id").notNull().references(() => groupSessions.id, { onDelete: "cascade" }),
    seat: integer("seat").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id),
    /** Where they registered: the lessons page (signed in) or the corner (phone number). */
    via: text("via").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "group_registrations_pk", columns: [t.sessionId, t.seat] }),
    uniqueIndex("group_registrations_person_uq").on(t.sessionId, t.userId),
    index("group_registrations_user_idx").on(t.userId),
    check("group_registrations_seat_ck", sql`${t.seat} >= 1`),
  ],
);

/** A lesson's best score in a person's account (the device keeps its own copy; merged on sign-in). */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    right: integer("right").notNull(),
    total: integer("total").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "lesson_progress_pk", columns: [t.userId, t.slug] }), check("lesson_progress_score_ck", sql`${t.total} between 1 and 20 and ${t.right} between 0 and ${t.total}`)],
);

/**
 * Practice mode (docs/adr/0022-practice-mode.md): a practice run and what was done in it. These
 * two tables are the ONLY place practice writes: no case, payment, booking, notification or SMS
 * row is ever made for practice, so no real queue, ledger, agenda or outbox can show one.
 */
export const practiceRuns = pgTable(
  "practice_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonSlug: text("lesson_slug"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("practice_runs_expires_idx").on(t.expiresAt)],
);

export const practiceItems = pgTable(
  "practice_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id").notNull().references(() => practiceRuns.id, { onDelete: "cascade" }),
    /** complaint | payment | booking */
    kind: text("kind").notNull(),
    reference: text("reference").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("practice_items_run_idx").on(t.runId), uniqueIndex("practice_items_reference_uq").on(t.reference)],
);
