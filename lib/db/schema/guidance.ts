import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Guidance sessions (issue 18, lib/assisted/guidance.ts): a volunteer guides a citizen who drives
 * Idarti signed in as themselves. The citizen consents with the code sent to their phone; until
 * then (and after the end or the expiry) the volunteer sees nothing of them. The volunteer never
 * acts: what the citizen files during the session records the volunteer and the house.
 */
export const guidanceSessions = pgTable(
  "guidance_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => users.id),
    /** The volunteer's house (a houses id), or null for a volunteer not attached to one. */
    houseId: text("house_id"),
    phone: text("phone").notNull(),
    citizenId: uuid("citizen_id").references(() => users.id),
    /** HMAC of the consent code (never the code itself). */
    codeHash: text("code_hash").notNull(),
    tries: integer("tries").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** The code's end; once consented, the session's own end (it expires by itself). */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** "citizen" | "volunteer": who ended it (null: expired or still running). */
    endedBy: text("ended_by"),
    /** The explanations of each step, switched on by the volunteer for this session. */
    guidanceOn: boolean("guidance_on").notNull().default(true),
    /** Where the citizen is: a journey and a step of lib/assisted/guidance-steps.ts. */
    journey: text("journey"),
    step: text("step"),
    stepAt: timestamp("step_at", { withTimezone: true }),
    /** The journeys the citizen walked in this session (the house's digital-skills topics). */
    topics: jsonb("topics").$type<string[]>().notNull().default([]),
  },
  (t) => [index("guidance_volunteer_idx").on(t.volunteerId, t.createdAt), index("guidance_citizen_idx").on(t.citizenId, t.consentedAt)],
);
