import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** The kinds of editable content (lib/content): what the public pages and the offline catalogue are made from. */
export const contentKindEnum = pgEnum("content_kind", ["service", "body", "category", "life-event", "house", "lesson", "certificate-type", "complaint-categories", "report-categories"]);
/**
 * draft: saved by an editor, waiting for review; published: what the public sees (one per
 * document); archived: published before; discarded: a draft dropped without publishing.
 */
export const contentStatusEnum = pgEnum("content_status", ["draft", "published", "archived", "discarded"]);

/**
 * Every version of every editable document, drafts included: numbered 1, 2, 3… per document,
 * never updated in their data once written (a restore writes a new version with the old data).
 * Version 1 of each document is the repository's JSON file (lib/content/seed.ts).
 */
export const contentVersions = pgTable(
  "content_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: contentKindEnum("kind").notNull(),
    key: text("key").notNull(),
    number: integer("number").notNull(),
    status: contentStatusEnum("status").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** The body whose editors may change it (a service's body); null: admins only. */
    ownerBody: text("owner_body"),
    /** What the editor says they changed (optional). */
    note: text("note"),
    /** The version this one was edited from, or restored from. */
    basedOn: integer("based_on"),
    restoredFrom: integer("restored_from"),
    /** Null for version 1 (the repository's file). */
    authorId: uuid("author_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("content_versions_doc_number_uq").on(t.kind, t.key, t.number),
    // One published version per document, enforced by the database.
    uniqueIndex("content_versions_published_uq").on(t.kind, t.key).where(sql`${t.status} = 'published'`),
    index("content_versions_status_idx").on(t.status),
  ],
);

/** Per body: whether a second person must review a draft before it is published (default: yes). */
export const contentBodySettings = pgTable("content_body_settings", {
  bodyId: text("body_id").primaryKey(),
  reviewRequired: boolean("review_required").notNull().default(true),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row: a counter bumped by every publish. Each app instance compares it with the revision of
 * its in-memory snapshot (lib/content/sync.ts) to learn that another instance published.
 */
export const contentRevision = pgTable(
  "content_revision",
  {
    id: integer("id").primaryKey(),
    revision: integer("revision").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("content_revision_one_row", sql`${t.id} = 1`)],
);
