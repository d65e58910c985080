import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { uploads } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { inspectUpload, UploadRefused, type InspectedUpload } from "./inspect";
import { draftUploadLimits, UPLOAD_LIMITS } from "./limits";
import { newStorageKey, type FileStorage } from "./storage";

export type UploadRow = typeof uploads.$inferSelect;

/** The refusal as the edge shows it: a message on the file field, with the limit that applies. */
export function uploadError(error: UploadRefused, field = "file"): AppError {
  return new AppError("validation", { fields: { [field]: `Uploads.errors.${error.reason}` }, values: { max: UPLOAD_LIMITS.maxFiles, ...error.detail } });
}

type Target = { draftKey: string; caseId?: undefined } | { caseId: string; draftKey?: undefined };

/**
 * Stores an inspected file and records it. Before a case exists the file belongs to the form
 * being filled (its idempotency key); at most 5 per form. Bytes first, row second: a failed
 * insert removes the bytes, a crash between the two leaves an orphan file, never a row without one.
 */
export async function saveUpload(opts: {
  db: Db | Tx;
  storage: FileStorage;
  ownerId: string;
  uploadedBy: string;
  target: Target;
  visibility?: "public" | "internal";
  file: InspectedUpload;
  now: Date;
  /** Which listed document the file is (a scanned submission's checklist). */
  slot?: string | null;
  /** Files a form may hold (a scanned submission lists more documents than a complaint takes photos). */
  maxFiles?: number;
}): Promise<UploadRow> {
  const where = opts.target.draftKey !== undefined
    ? and(eq(uploads.ownerId, opts.ownerId), eq(uploads.draftKey, opts.target.draftKey), isNull(uploads.caseId), isNull(uploads.removedAt))
    : and(eq(uploads.caseId, opts.target.caseId), eq(uploads.uploadedBy, opts.uploadedBy), isNull(uploads.removedAt));
  const [existing] = await opts.db.select({ n: count() }).from(uploads).where(where);
  if ((existing?.n ?? 0) >= (opts.maxFiles ?? UPLOAD_LIMITS.maxFiles) && opts.target.draftKey !== undefined) throw uploadError(new UploadRefused("tooMany"));

  const storageKey = newStorageKey({ extension: opts.file.extension, now: opts.now });
  await opts.storage.put(storageKey, opts.file.bytes);
  try {
    const [row] = await opts.db
      .insert(uploads)
      .values({
        ownerId: opts.ownerId,
        uploadedBy: opts.uploadedBy,
        draftKey: opts.target.draftKey ?? null,
        caseId: opts.target.caseId ?? null,
        visibility: opts.visibility ?? "public",
        storageKey,
        mediaType: opts.file.mediaType,
        bytes: opts.file.bytes.length,
        sha256: opts.file.sha256,
        originalSha256: opts.file.originalSha256,
        width: opts.file.width,
        height: opts.file.height,
        label: opts.file.label,
        slot: opts.slot ?? null,
        location: opts.file.location,
        createdAt: opts.now,
      })
      .returning();
    return row!;
  } catch (error) {
    await opts.storage.remove(storageKey).catch(() => undefined);
    throw error;
  }
}

export async function listDraftUploads(opts: { db: Db | Tx; ownerId: string; draftKey: string }): Promise<UploadRow[]> {
  return opts.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.ownerId, opts.ownerId), eq(uploads.draftKey, opts.draftKey), isNull(uploads.caseId), isNull(uploads.removedAt)))
    .orderBy(asc(uploads.createdAt));
}

/** The citizen takes a file back before sending; after sending, attachments are part of the record. */
export async function removeDraftUpload(opts: { db: Db | Tx; storage: FileStorage; ownerId: string; id: string; now: Date; draftKey?: string }): Promise<void> {
  const [row] = await opts.db
    .update(uploads)
    .set({ removedAt: opts.now })
    .where(and(eq(uploads.id, opts.id), eq(uploads.ownerId, opts.ownerId), isNull(uploads.caseId), isNull(uploads.removedAt), opts.draftKey === undefined ? undefined : eq(uploads.draftKey, opts.draftKey)))
    .returning();
  if (!row) throw new AppError("notFound");
  await opts.storage.remove(row.storageKey);
}

/** In the transaction that creates the case: the form's files become the case's. */
export async function attachDraftUploads(opts: { db: Db | Tx; ownerId: string; draftKey: string; caseId: string }): Promise<number> {
  const rows = await opts.db
    .update(uploads)
    .set({ caseId: opts.caseId })
    .where(and(eq(uploads.ownerId, opts.ownerId), eq(uploads.draftKey, opts.draftKey), isNull(uploads.caseId), isNull(uploads.removedAt)))
    .returning({ id: uploads.id });
  return rows.length;
}

/**
 * In the transaction that creates something other than a case (an interview booking): the form's
 * files leave the form (no draft key, so they can no longer be listed or taken back as a draft's)
 * and the caller links their ids to what it created.
 */
export async function claimDraftUploads(opts: { db: Db | Tx; ownerId: string; draftKey: string }): Promise<string[]> {
  const rows = await opts.db
    .update(uploads)
    .set({ draftKey: null })
    .where(and(eq(uploads.ownerId, opts.ownerId), eq(uploads.draftKey, opts.draftKey), isNull(uploads.caseId), isNull(uploads.removedAt)))
    .returning({ id: uploads.id });
  return rows.map((r) => r.id);
}

export async function listCaseUploads(opts: { db: Db | Tx; caseId: string; includeInternal: boolean }): Promise<UploadRow[]> {
  const rows = await opts.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.caseId, opts.caseId), isNull(uploads.removedAt)))
    .orderBy(asc(uploads.createdAt));
  return opts.includeInternal ? rows : rows.filter((r) => r.visibility === "public");
}

export async function getUpload(opts: { db: Db | Tx; id: string }): Promise<UploadRow | null> {
  if (!/^[0-9a-f-]{36}$/.test(opts.id)) return null;
  const [row] = await opts.db.select().from(uploads).where(and(eq(uploads.id, opts.id), isNull(uploads.removedAt)));
  return row ?? null;
}

/** Moderation of a public photo (audited by the caller): approve it for the public list, or hide it with a reason. */
export async function moderateUpload(opts: { db: Db | Tx; id: string; by: string; decision: { approve: true } | { hide: string }; now: Date }): Promise<UploadRow> {
  const set = "approve" in opts.decision
    ? { publicAt: opts.now, hiddenAt: null, hiddenBy: null, hiddenReason: null }
    : { publicAt: null, hiddenAt: opts.now, hiddenBy: opts.by, hiddenReason: opts.decision.hide };
  const [row] = await opts.db.update(uploads).set(set).where(eq(uploads.id, opts.id)).returning();
  if (!row) throw new AppError("notFound");
  return row;
}

/**
 * A whole file received (in one request above, or in pieces: ./resumable.ts) becomes an
 * attachment of the form being filled: the same checks (type by content, size, images
 * re-encoded, PDFs parsed), then the same record.
 */
export async function acceptUpload(opts: {
  db: Db | Tx;
  storage: FileStorage;
  bytes: Buffer;
  name: string;
  keepLocation: boolean;
  draftKey: string;
  ownerId: string;
  now: Date;
  /** Which listed document the file is (a scanned submission): such a form holds more files. */
  slot?: string | null;
}): Promise<UploadRow> {
  let inspected;
  try {
    inspected = await inspectUpload(opts.bytes, { name: opts.name, keepLocation: opts.keepLocation });
  } catch (error) {
    if (error instanceof UploadRefused) throw uploadError(error);
    throw error;
  }
  return saveUpload({ db: opts.db, storage: opts.storage, ownerId: opts.ownerId, uploadedBy: opts.ownerId, target: { draftKey: opts.draftKey }, file: inspected, now: opts.now, slot: opts.slot ?? null, maxFiles: draftUploadLimits(opts.draftKey, Boolean(opts.slot)).maxFiles });
}
