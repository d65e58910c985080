import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./users";

/**
 * Building permits (issue 17, lib/permits). A draft is the citizen's file being built section by
 * section, kept on the server as they go (back another day or on another device, it is all
 * there); its files are uploads under the draft key `permit-<id>` (lib/documents/uploads). Sending
 * turns it into a `permit` case and records the case on the draft.
 */
export const permitDrafts = pgTable(
  "permit_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The answers of the application form and the architect section (lib/permits/rules.ts). */
    values: jsonb("values").$type<{ application: Record<string, unknown>; architect: Record<string, unknown> }>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    caseId: uuid("case_id").references(() => cases.id),
  },
  (t) => [index("permit_drafts_user_idx").on(t.userId, t.updatedAt)],
);

/** A session of the municipality's technical commission on a permit: its date and its members (staff users). */
export const permitCommissions = pgTable(
  "permit_commissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    meetsAt: timestamp("meets_at", { withTimezone: true }).notNull(),
    memberIds: jsonb("member_ids").$type<string[]>().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("permit_commissions_case_idx").on(t.caseId, t.meetsAt)],
);

/** Each member's opinion in a session, once (changing it is a new audited write of the same row). */
export const permitOpinions = pgTable(
  "permit_opinions",
  {
    commissionId: uuid("commission_id")
      .notNull()
      .references(() => permitCommissions.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => users.id),
    opinion: text("opinion").notNull(),
    remarks: text("remarks").notNull().default(""),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.commissionId, t.memberId] })],
);
