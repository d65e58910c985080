import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./users";

/**
 * Attachments (lib/documents/uploads): checked by content, images re-encoded, stored through the
 * storage adapter under `storageKey`, SHA-256 recorded. Before the case exists, an upload belongs
 * to the form that is being filled (`draftKey`, the submission's idempotency key); sending the
 * case attaches it (`caseId`). Nothing is public unless moderation made it so (`publicAt`).
 */
export const uploads = pgTable(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The citizen the file belongs to (the one who sends the case). */
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    /** Who sent the bytes: the citizen, or an agent filing for a walk-in citizen, or staff answering. */
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    draftKey: text("draft_key"),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    /** public: the citizen of the case and its body see it; internal: the body only. */
    visibility: text("visibility").notNull().default("public"),
    storageKey: text("storage_key").notNull(),
    mediaType: text("media_type").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    originalSha256: text("original_sha256").notNull(),
    width: integer("width"),
    height: integer("height"),
    label: text("label").notNull(),
    /** Which document of the procedure's catalogue list the file is (a scanned submission), e.g. "birth-certificate". */
    slot: text("slot"),
    /** The photo's GPS position, kept only when the citizen chose to share it. */
    location: jsonb("location").$type<{ lat: number; lon: number }>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Approved by moderation for the public list of reports. */
    publicAt: timestamp("public_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenBy: uuid("hidden_by").references(() => users.id),
    hiddenReason: text("hidden_reason"),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("uploads_draft_idx").on(t.ownerId, t.draftKey), index("uploads_case_idx").on(t.caseId)],
);
