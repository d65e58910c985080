import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { uploads } from "./uploads";
import { users } from "./users";

/**
 * Remote interviews (lib/interviews). Officials and sign-language interpreters publish when they
 * can be booked; a booking reserves them through `interview_holds`, whose primary key makes a
 * double booking impossible at the database level, whatever the number of app instances.
 */
export const interviewHosts = pgTable(
  "interview_hosts",
  {
    userId: uuid("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
    slotMinutes: integer("slot_minutes").notNull().default(30),
    bufferMinutes: integer("buffer_minutes").notNull().default(10),
    horizonDays: integer("horizon_days").notNull().default(21),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(120),
    /** Topic ids of the body's catalogue this official handles (empty for interpreters). */
    topics: text("topics").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Every length is a multiple of the hold block (5 minutes), so holds tile time exactly.
    check("interview_hosts_slot_ck", sql`${t.slotMinutes} between 10 and 120 and ${t.slotMinutes} % 5 = 0`),
    check("interview_hosts_buffer_ck", sql`${t.bufferMinutes} between 0 and 60 and ${t.bufferMinutes} % 5 = 0`),
    check("interview_hosts_horizon_ck", sql`${t.horizonDays} between 1 and 90`),
    check("interview_hosts_notice_ck", sql`${t.minNoticeMinutes} between 0 and 20160`),
  ],
);

export const interviewWeekly = pgTable(
  "interview_weekly",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** ISO weekday: Monday 1 … Sunday 7. */
    weekday: smallint("weekday").notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
  },
  (t) => [
    index("interview_weekly_user_idx").on(t.userId),
    check("interview_weekly_day_ck", sql`${t.weekday} between 1 and 7`),
    check(
      "interview_weekly_time_ck",
      sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute} and ${t.startMinute} % 5 = 0 and ${t.endMinute} % 5 = 0`,
    ),
  ],
);

/** Days off (holidays, leave): local dates in Africa/Tunis, both inclusive. */
export const interviewExceptions = pgTable(
  "interview_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    reason: text("reason"),
  },
  (t) => [index("interview_exceptions_user_idx").on(t.userId), check("interview_exceptions_range_ck", sql`${t.startsOn} <= ${t.endsOn}`)],
);

export const interviewStatusEnum = pgEnum("interview_status", ["confirmed", "pendingCode", "cancelled", "rescheduled", "completed", "noShow"]);

export const interviewBookings = pgTable(
  "interview_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    citizenId: uuid("citizen_id").notNull().references(() => users.id),
    officialId: uuid("official_id").notNull().references(() => users.id),
    interpreterId: uuid("interpreter_id").references(() => users.id),
    bodyId: text("body_id").notNull(),
    topic: text("topic").notNull(),
    needsInterpreter: boolean("needs_interpreter").notNull().default(false),
    subject: text("subject").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: interviewStatusEnum("status").notNull().default("confirmed"),
    /** Bumped on each change, for the .ics SEQUENCE. */
    sequence: integer("sequence").notNull().default(0),
    /** Reminder channels the citizen chose besides the inbox: "sms", "push". */
    reminderChannels: text("reminder_channels").array().notNull().default(sql`'{}'::text[]`),
    /** Staff who booked for a walk-in citizen; null when the citizen booked. */
    bookedById: uuid("booked_by_id").references(() => users.id),
    walkInCodeHash: text("walk_in_code_hash"),
    walkInCodeExpiresAt: timestamp("walk_in_code_expires_at", { withTimezone: true }),
    /** The walk-in session (lib/assisted) whose code, once given, confirms this booking. */
    walkInSessionId: uuid("walk_in_session_id"),
    idempotencyKey: text("idempotency_key"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledById: uuid("cancelled_by_id").references(() => users.id),
    cancelReason: text("cancel_reason"),
    rescheduledFromId: uuid("rescheduled_from_id"),
    rescheduledToId: uuid("rescheduled_to_id"),
    /** Why the citizen moved this booking (set on the booking that was left). */
    rescheduleReason: text("reschedule_reason"),
    outcome: text("outcome"),
    outcomeAt: timestamp("outcome_at", { withTimezone: true }),
    caseReference: text("case_reference"),
    noShowAt: timestamp("no_show_at", { withTimezone: true }),
    /**
     * When each reminder was written (the day before, 15 minutes before). Set in the same
     * transaction as the reminder, by an update that only matches while it is null: sent once.
     * Set at booking time without a reminder when the confirmation itself came less than a day ahead.
     */
    remindedDayAt: timestamp("reminded_day_at", { withTimezone: true }),
    remindedSoonAt: timestamp("reminded_soon_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("interview_bookings_reference_uq").on(t.reference),
    uniqueIndex("interview_bookings_idem_uq").on(t.citizenId, t.idempotencyKey),
    index("interview_bookings_citizen_idx").on(t.citizenId, t.startsAt),
    index("interview_bookings_official_idx").on(t.officialId, t.startsAt),
    index("interview_bookings_interpreter_idx").on(t.interpreterId, t.startsAt),
    index("interview_bookings_reminders_idx").on(t.startsAt).where(sql`${t.status} = 'confirmed' and ${t.remindedSoonAt} is null`),
    check("interview_bookings_time_ck", sql`${t.startsAt} < ${t.endsAt}`),
    check("interview_bookings_interpreter_ck", sql`${t.interpreterId} is null or ${t.interpreterId} <> ${t.officialId}`),
  ],
);

/**
 * The double-booking guard. An active booking holds every 5-minute block of its host's time
 * (interview plus buffer), one row per block and host; the primary key (host, block) makes two
 * overlapping bookings of one host impossible: the second transaction fails with a unique
 * violation and rolls back whole, interpreter's holds included.
 */
export const interviewHolds = pgTable(
  "interview_holds",
  {
    hostId: uuid("host_id").notNull().references(() => users.id),
    blockStart: timestamp("block_start", { withTimezone: true }).notNull(),
    bookingId: uuid("booking_id").notNull().references(() => interviewBookings.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "interview_holds_pk", columns: [t.hostId, t.blockStart] }),
    index("interview_holds_booking_idx").on(t.bookingId),
    check("interview_holds_block_ck", sql`(extract(epoch from ${t.blockStart})::bigint % 300) = 0`),
  ],
);

/** The official let this person into the call; kept so that a dropped call rejoins without waiting. */
export const interviewAdmissions = pgTable(
  "interview_admissions",
  {
    bookingId: uuid("booking_id").notNull().references(() => interviewBookings.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id),
    admittedAt: timestamp("admitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "interview_admissions_pk", columns: [t.bookingId, t.userId] })],
);

/**
 * What the citizen typed on the subject step, kept under the form's idempotency key until they
 * confirm: the check page shows it, "change" links bring it back, a slot lost to someone else
 * keeps it. Files of the same form are uploads with this key as their draft key.
 */
export const interviewDrafts = pgTable(
  "interview_drafts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    subject: text("subject").notNull(),
    reminderChannels: text("reminder_channels").array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "interview_drafts_pk", columns: [t.userId, t.key] })],
);

/** Documents attached to a booking (uploads of lib/documents): its participants read them, nobody else. */
export const interviewFiles = pgTable(
  "interview_files",
  {
    uploadId: uuid("upload_id")
      .primaryKey()
      .references(() => uploads.id, { onDelete: "cascade" }),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => interviewBookings.id, { onDelete: "cascade" }),
  },
  (t) => [index("interview_files_booking_idx").on(t.bookingId)],
);
