import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Answers waiting on "check your answers" (forms without JavaScript): the form's idempotency key
 * names them, so the check page, the change links and the send all speak of one submission.
 * Deleted when the case is sent; old ones are pruned.
 */
export const requestDrafts = pgTable(
  "request_drafts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    kind: text("kind").notNull(),
    /** The answers as the form sent them (strings), validated by the kind's schema before saving. */
    values: jsonb("values").$type<Record<string, string | string[]>>().notNull(),
    /** The form's path without the locale (a change link goes back there). */
    formPath: text("form_path").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * Walk-in filing: an agent at a service house files for a citizen standing at the counter. The
 * citizen proves the phone is theirs with a code sent to it (only its HMAC is kept); the case is
 * the citizen's and records the agent and the house.
 */
export const walkInSessions = pgTable(
  "walk_in_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => users.id),
    houseId: text("house_id"),
    phone: text("phone").notNull(),
    citizenId: uuid("citizen_id").references(() => users.id),
    codeHash: text("code_hash").notNull(),
    tries: integer("tries").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /** The case filed in this session (one session, one case). */
    caseReference: text("case_reference"),
    meta: jsonb("meta").$type<Record<string, unknown>>(),
  },
  (t) => [index("walk_in_agent_idx").on(t.agentId, t.createdAt)],
);
