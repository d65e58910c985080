import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Documents the platform issues and signs (payment receipts today; certificates and case
 * receipts later). `canonical` is exactly the signed text, kept so that verification never
 * depends on how JSON is re-serialised; `payload` is the same data for queries.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The verification code printed and carried by the QR (grouped, with a check character). */
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    canonical: text("canonical").notNull(),
    signature: text("signature").notNull(),
    keyId: text("key_id").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    /** Set when the issuer withdraws the document; verification then says "revoked" (online, and offline once the phone has the list). */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    uniqueIndex("documents_code_uq").on(t.code),
    // One document of a kind per subject: issuing twice returns the first.
    uniqueIndex("documents_subject_uq").on(t.kind, t.subjectType, t.subjectId),
    index("documents_owner_idx").on(t.ownerUserId, t.issuedAt),
    // The revocation list phones fetch: only the revoked rows.
    index("documents_revoked_idx").on(t.revokedAt).where(sql`${t.revokedAt} is not null`),
  ],
);
