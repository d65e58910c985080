import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { uploads } from "./uploads";
import { users } from "./users";

/**
 * An attachment being sent in pieces with the tus protocol (lib/documents/uploads/resumable.ts).
 * The bytes received so far are pieces in the file storage under the owner's own area
 * (`partials/<ownerId>/<id>/…`, never served), listed here in order; `offset` is how many bytes
 * arrived, and moves only by a conditional update, so two instances never both append. Once all
 * bytes are in, the file goes through the usual checks and becomes an `uploads` row (`uploadId`).
 * Abandoned ones are pruned after RESUMABLE_RETENTION_HOURS without a new piece.
 */
export const resumableUploads = pgTable(
  "resumable_uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    /** The form the file was started for; the form sending the last piece may give its own (after a reload). */
    draftKey: text("draft_key").notNull(),
    name: text("name").notNull(),
    keepLocation: boolean("keep_location").notNull().default(false),
    /** Which listed document the file is (a scanned submission's field), kept on the finished upload. */
    slot: text("slot"),
    /** SHA-256 of the whole file as the phone computed it: the assembled bytes must match. */
    sha256: text("sha256"),
    length: integer("length").notNull(),
    offset: integer("offset").notNull().default(0),
    parts: jsonb("parts").$type<{ key: string; bytes: number }[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    uploadId: uuid("upload_id").references(() => uploads.id, { onDelete: "set null" }),
  },
  (t) => [index("resumable_uploads_owner_idx").on(t.ownerId), index("resumable_uploads_updated_idx").on(t.updatedAt)],
);
