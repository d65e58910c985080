import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { contentBodySettings, contentRevision, contentVersions, users } from "@/lib/db/schema";
import type { Db, Tx } from "@/lib/db/open";
import { AppError } from "@/lib/errors";
import { missingTranslations } from "./diff";
import { ADMIN_CONTENT, choiceErrors, keyOf, kindSchemas, ownerBodyOf, type ContentData, type ContentKind } from "./kinds";
import { isEditor, mayEdit, publishRefusal, type Editor } from "./permissions";
import { buildSnapshot, fingerprint, seedDocuments, type Snapshot } from "./snapshot";

/**
 * The versioned content store (docs/adr/0023): drafts and published versions of each document,
 * who wrote and who published each, the revision counter the instances watch.
 */

function seedNumber(data: ContentData): number {
  const n = (data.version as { number?: unknown } | undefined)?.number;
  return typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : 1;
}

/** Version 1 (or the file's own version number) of every document of the data files that has no version yet; the revision row. Idempotent. */
export async function seedContent(db: Db): Promise<number> {
  const docs = seedDocuments();
  const inserted = await db
    .insert(contentVersions)
    // A data file that already counts its versions (a procedure at version 2) starts there.
    .values(docs.map((d) => ({ kind: d.kind, key: d.key, number: seedNumber(d.data), status: "published" as const, data: d.data, ownerBody: ownerBodyOf(d.kind, d.data), note: "seed", publishedAt: sql`now()` })))
    .onConflictDoNothing()
    .returning({ id: contentVersions.id });
  await db.insert(contentRevision).values({ id: 1, revision: 1 }).onConflictDoNothing();
  return inserted.length;
}

export async function readRevision(db: Db): Promise<number> {
  const [row] = await db.select({ revision: contentRevision.revision }).from(contentRevision).where(eq(contentRevision.id, 1));
  return row?.revision ?? 0;
}

export async function loadPublished(db: Db): Promise<{ revision: number; snapshot: Snapshot; fingerprint: string }> {
  // The revision first: a publish landing between the two reads is read again at the next check.
  const revision = await readRevision(db);
  const rows = await db.select({ kind: contentVersions.kind, key: contentVersions.key, data: contentVersions.data }).from(contentVersions).where(eq(contentVersions.status, "published"));
  // The case categories' earlier versions, for the names of categories removed since.
  const archived = await db
    .select({ kind: contentVersions.kind, key: contentVersions.key, data: contentVersions.data })
    .from(contentVersions)
    .where(and(eq(contentVersions.status, "archived"), inArray(contentVersions.kind, ["complaint-categories", "report-categories"])))
    .orderBy(asc(contentVersions.number));
  const snapshot = buildSnapshot(new Map(rows.map((r) => [`${r.kind}:${r.key}`, r.data])), archived);
  return { revision, snapshot, fingerprint: fingerprint(snapshot) };
}

export async function editorFor(db: Db, actor: { userId: string; role: Editor["role"]; bodyId: string | null }): Promise<Editor> {
  const [row] = await db.select({ contentEditor: users.contentEditor }).from(users).where(eq(users.id, actor.userId));
  return { userId: actor.userId, role: actor.role, bodyId: actor.bodyId, contentEditor: row?.contentEditor ?? false };
}

export async function setContentEditor(db: Db, userId: string, on: boolean): Promise<boolean> {
  const rows = await db.update(users).set({ contentEditor: on }).where(and(eq(users.id, userId), eq(users.role, "official"))).returning({ id: users.id });
  return rows.length > 0;
}

export async function listContentEditors(db: Db): Promise<Set<string>> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.contentEditor, true), eq(users.role, "official")));
  return new Set(rows.map((r) => r.id));
}

export async function reviewRequired(db: Db | Tx, ownerBody: string | null): Promise<boolean> {
  const [row] = await db.select({ on: contentBodySettings.reviewRequired }).from(contentBodySettings).where(eq(contentBodySettings.bodyId, ownerBody ?? ADMIN_CONTENT));
  return row?.on ?? true;
}

export async function setReviewRequired(db: Db, ownerBody: string, on: boolean, by: string): Promise<void> {
  await db
    .insert(contentBodySettings)
    .values({ bodyId: ownerBody, reviewRequired: on, updatedBy: by })
    .onConflictDoUpdate({ target: contentBodySettings.bodyId, set: { reviewRequired: on, updatedBy: by, updatedAt: sql`now()` } });
}

export type VersionRow = {
  id: string;
  number: number;
  status: "draft" | "published" | "archived" | "discarded";
  data: ContentData;
  ownerBody: string | null;
  note: string | null;
  basedOn: number | null;
  restoredFrom: number | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  publishedByName: string | null;
  publishedAt: Date | null;
};

export async function listVersions(db: Db, kind: ContentKind, key: string): Promise<VersionRow[]> {
  const author = alias(users, "author");
  const publisher = alias(users, "publisher");
  return db
    .select({
      id: contentVersions.id,
      number: contentVersions.number,
      status: contentVersions.status,
      data: contentVersions.data,
      ownerBody: contentVersions.ownerBody,
      note: contentVersions.note,
      basedOn: contentVersions.basedOn,
      restoredFrom: contentVersions.restoredFrom,
      authorId: contentVersions.authorId,
      authorName: author.name,
      createdAt: contentVersions.createdAt,
      publishedByName: publisher.name,
      publishedAt: contentVersions.publishedAt,
    })
    .from(contentVersions)
    .leftJoin(author, eq(author.id, contentVersions.authorId))
    .leftJoin(publisher, eq(publisher.id, contentVersions.publishedBy))
    .where(and(eq(contentVersions.kind, kind), eq(contentVersions.key, key)))
    .orderBy(desc(contentVersions.number));
}

export type DocumentSummary = { kind: ContentKind; key: string; ownerBody: string | null; published: ContentData | null; publishedNumber: number | null; drafts: number };

/** The documents this editor may change, with their published version and their drafts. */
export async function listDocuments(db: Db, editor: Editor, kind?: ContentKind): Promise<DocumentSummary[]> {
  if (!isEditor(editor)) return [];
  const rows = await db
    .select({ kind: contentVersions.kind, key: contentVersions.key, number: contentVersions.number, status: contentVersions.status, ownerBody: contentVersions.ownerBody, data: contentVersions.data })
    .from(contentVersions)
    .where(and(inArray(contentVersions.status, ["published", "draft"]), kind ? eq(contentVersions.kind, kind) : undefined));
  const docs = new Map<string, DocumentSummary>();
  for (const r of rows) {
    const id = `${r.kind}:${r.key}`;
    const doc = docs.get(id) ?? { kind: r.kind, key: r.key, ownerBody: r.ownerBody, published: null, publishedNumber: null, drafts: 0 };
    if (r.status === "published") Object.assign(doc, { published: r.data, publishedNumber: r.number, ownerBody: r.ownerBody });
    else doc.drafts += 1;
    docs.set(id, doc);
  }
  return [...docs.values()].filter((d) => mayEdit(editor, d.ownerBody)).sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}

/** Drafts this editor may publish (not their own where a review is required). */
export async function reviewQueue(db: Db, editor: Editor): Promise<{ kind: ContentKind; key: string; number: number; authorName: string | null; createdAt: Date; data: ContentData }[]> {
  if (!isEditor(editor)) return [];
  const author = alias(users, "author");
  const drafts = await db
    .select({ kind: contentVersions.kind, key: contentVersions.key, number: contentVersions.number, authorId: contentVersions.authorId, authorName: author.name, ownerBody: contentVersions.ownerBody, createdAt: contentVersions.createdAt, data: contentVersions.data })
    .from(contentVersions)
    .leftJoin(author, eq(author.id, contentVersions.authorId))
    .where(eq(contentVersions.status, "draft"))
    .orderBy(contentVersions.createdAt);
  const out = [];
  for (const d of drafts) if (publishRefusal(editor, d, await reviewRequired(db, d.ownerBody)) === null) out.push(d);
  return out;
}

/** Zod issues as form fields: the path is the field's name (lib/content/form-model.ts). */
function schemaFields(issues: z.core.$ZodIssue[], ignoreEmptyTexts: boolean): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const last = issue.path.at(-1);
    // An empty translation is allowed in a draft, and warned about; publishing refuses it.
    if (ignoreEmptyTexts && issue.code === "too_small" && (last === "ar" || last === "fr" || last === "en")) continue;
    // A required text left empty in every language was taken out of the document
    // (form-model.ts): its message goes on its first language's field.
    if (issue.code === "invalid_type" && issue.expected === "object" && issue.path.length > 0) {
      fields[`${issue.path.map(String).join(".")}.ar`] ??= "ContentEditing.errors.required";
      continue;
    }
    const name = issue.path.map(String).join(".") || "_form";
    // A schema's own rule names its message (two categories with one id).
    if (issue.code === "custom" && issue.message.startsWith("ContentEditing.errors.")) {
      fields[name] ??= issue.message;
      continue;
    }
    const code = issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_format" || issue.code === "too_small" || issue.code === "too_big" || issue.code === "unrecognized_keys" ? issue.code : "invalid";
    fields[name] ??= `ContentEditing.errors.${code}`;
  }
  return fields;
}

export function checkDraft(kind: ContentKind, data: ContentData): void {
  const parsed = kindSchemas[kind].safeParse(data);
  const fields = { ...(parsed.success ? {} : schemaFields(parsed.error.issues, true)), ...choiceErrors(kind, data) };
  if (Object.keys(fields).length > 0) throw new AppError("validation", { fields, messageKey: "ContentEditing.errors.summary" });
}

async function versionOf(db: Db | Tx, kind: ContentKind, key: string, number: number) {
  const [row] = await db.select().from(contentVersions).where(and(eq(contentVersions.kind, kind), eq(contentVersions.key, key), eq(contentVersions.number, number)));
  return row;
}

async function nextNumber(tx: Tx, kind: ContentKind, key: string): Promise<number> {
  const [row] = await tx.select({ max: sql<number>`coalesce(max(${contentVersions.number}), 0)::int` }).from(contentVersions).where(and(eq(contentVersions.kind, kind), eq(contentVersions.key, key)));
  return (row?.max ?? 0) + 1;
}

/**
 * Saves an editor's change as a draft: over their own draft when that is what they edited, else
 * as a new version. The key and the owner never change by editing.
 */
export async function saveDraft(db: Db, editor: Editor, input: { kind: ContentKind; key: string; from: number; data: ContentData; note?: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const from = await versionOf(tx, input.kind, input.key, input.from);
    if (!from) throw new AppError("notFound");
    if (!mayEdit(editor, from.ownerBody)) throw new AppError("forbidden");
    if (keyOf(input.kind, input.data) !== input.key || ownerBodyOf(input.kind, input.data) !== from.ownerBody) throw new AppError("badRequest");
    checkDraft(input.kind, input.data);
    if (from.status === "draft" && from.authorId === editor.userId) {
      await tx.update(contentVersions).set({ data: input.data, note: input.note ?? from.note, createdAt: sql`now()` }).where(eq(contentVersions.id, from.id));
      return from.number;
    }
    const number = await nextNumber(tx, input.kind, input.key);
    await tx.insert(contentVersions).values({ kind: input.kind, key: input.key, number, status: "draft", data: input.data, ownerBody: from.ownerBody, note: input.note ?? null, basedOn: from.number, authorId: editor.userId });
    return number;
  });
}

/** An earlier version's content as a new draft (to be reviewed and published like any other). */
export async function restoreVersion(db: Db, editor: Editor, input: { kind: ContentKind; key: string; number: number }): Promise<number> {
  return db.transaction(async (tx) => {
    const old = await versionOf(tx, input.kind, input.key, input.number);
    if (!old) throw new AppError("notFound");
    if (!mayEdit(editor, old.ownerBody)) throw new AppError("forbidden");
    const number = await nextNumber(tx, input.kind, input.key);
    await tx.insert(contentVersions).values({ kind: input.kind, key: input.key, number, status: "draft", data: old.data, ownerBody: old.ownerBody, basedOn: old.number, restoredFrom: old.number, authorId: editor.userId });
    return number;
  });
}

export async function discardDraft(db: Db, editor: Editor, input: { kind: ContentKind; key: string; number: number }): Promise<void> {
  const draft = await versionOf(db, input.kind, input.key, input.number);
  if (!draft || draft.status !== "draft") throw new AppError("notFound");
  // The author drops their own draft; a reviewer may drop one they will not publish.
  if (!mayEdit(editor, draft.ownerBody)) throw new AppError("forbidden");
  await db.update(contentVersions).set({ status: "discarded" }).where(and(eq(contentVersions.id, draft.id), eq(contentVersions.status, "draft")));
}

/**
 * Publishes a draft: checked by the schema in full (no missing translation), by someone else than
 * its author when the body asks for review; the published one before it is archived; the
 * version stamp a procedure's page shows ("version n, last checked on …") is written; the
 * revision the instances watch moves. All in one transaction.
 */
export async function publishDraft(db: Db, editor: Editor, input: { kind: ContentKind; key: string; number: number; today: string }): Promise<{ revision: number; previous: number | null }> {
  return db.transaction(async (tx) => {
    const draft = await versionOf(tx, input.kind, input.key, input.number);
    if (!draft || draft.status !== "draft") throw new AppError("conflict", { messageKey: "ContentEditing.errors.notDraft" });
    const refusal = publishRefusal(editor, draft, await reviewRequired(tx, draft.ownerBody));
    if (refusal === "ownDraft") throw new AppError("forbidden", { messageKey: "ContentEditing.errors.ownDraft" });
    if (refusal) throw new AppError("forbidden");
    if (missingTranslations(draft.data).length > 0) throw new AppError("validation", { messageKey: "ContentEditing.errors.missingTranslations" });
    const data: ContentData = { ...draft.data };
    if (input.kind === "service" || input.kind === "life-event") data.version = { number: draft.number, checkedOn: input.today };
    const parsed = kindSchemas[input.kind].safeParse(data);
    if (!parsed.success || Object.keys(choiceErrors(input.kind, data)).length > 0) throw new AppError("validation", { messageKey: "ContentEditing.errors.summary" });
    const [previous] = await tx
      .update(contentVersions)
      .set({ status: "archived" })
      .where(and(eq(contentVersions.kind, input.kind), eq(contentVersions.key, input.key), eq(contentVersions.status, "published")))
      .returning({ number: contentVersions.number });
    await tx.update(contentVersions).set({ status: "published", data, publishedBy: editor.userId, publishedAt: sql`now()` }).where(eq(contentVersions.id, draft.id));
    const [rev] = await tx
      .insert(contentRevision)
      .values({ id: 1, revision: 2 })
      .onConflictDoUpdate({ target: contentRevision.id, set: { revision: sql`${contentRevision.revision} + 1`, changedAt: sql`now()` } })
      .returning({ revision: contentRevision.revision });
    return { revision: rev!.revision, previous: previous?.number ?? null };
  });
}
