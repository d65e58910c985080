import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The case engine (lib/cases): every thing a citizen sends is one row here, whatever its kind;
 * its timeline is `case_events`. Body ids are catalogue slugs stored as text.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Canonical form, e.g. IDR-26-7K3F-9Q (lib/cases/reference.ts). */
    reference: text("reference").notNull(),
    kind: text("kind").notNull(),
    bodyId: text("body_id").notNull(),
    status: text("status").notNull(),
    citizenId: uuid("citizen_id")
      .notNull()
      .references(() => users.id),
    /** The volunteer who guided the citizen, when the case was sent in an assisted session. */
    volunteerId: uuid("volunteer_id").references(() => users.id),
    /**
     * The service house it was filed at or for (a houses id): set when an agent files for a
     * walk-in citizen, or when the kind's routing knows a house. Agents of that house see it in
     * their queue and may correspond on it; the body still decides (lib/cases/access.ts).
     */
    houseId: text("house_id"),
    /** The staff member who took the case ("assign to me"); null = anyone of the body. */
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** Validated by the kind's schema before it is stored. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The language the citizen used to send it. */
    locale: text("locale").notNull(),
    /** The legal electronic date of sending (تاريخ الإرسال الإلكتروني). */
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    /** Computed by lib/cases/deadline.ts from the kind's rule and the timeline; null = none. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    /** running | paused | stopped: whether the deadline clock runs in the current state. */
    clock: text("clock").notNull().default("running"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** Number of events; each event takes the next number, so concurrent changes conflict. */
    version: integer("version").notNull().default(0),
  },
  (t) => [
    uniqueIndex("cases_reference_uq").on(t.reference),
    index("cases_citizen_idx").on(t.citizenId, t.submittedAt.desc()),
    index("cases_queue_idx").on(t.bodyId, t.status, t.dueAt),
    index("cases_kind_idx").on(t.kind, t.submittedAt),
    index("cases_house_idx").on(t.houseId, t.status, t.dueAt),
  ],
);

export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** 1, 2, 3… per case: the order of the timeline, and a guard against lost updates. */
    seq: integer("seq").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** submitted | statusChanged | reply | note | citizenMessage | viewed | deadlineAdjusted | … */
    type: text("type").notNull(),
    /** public: the citizen sees it; internal: staff only. */
    visibility: text("visibility").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorRole: text("actor_role"),
    /** The body the acting staff member belonged to (for "seen by an agent of STEG"). */
    actorBodyId: text("actor_body_id"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    message: text("message"),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex("case_events_case_seq_uq").on(t.caseId, t.seq), index("case_events_type_idx").on(t.type, t.at)],
);

/**
 * Idempotency of submissions (lib/outbox/server): the first successful result for a key, per
 * citizen. A replay of the same key returns it and creates nothing.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** What the key was used for, e.g. "case:question". */
    scope: text("scope").notNull(),
    /** SHA-256 of the canonical request: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

