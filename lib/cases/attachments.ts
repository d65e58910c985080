import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { cases } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { inspectUpload, UploadRefused, type InspectedUpload } from "@/lib/documents/uploads/inspect";
import { UPLOAD_LIMITS } from "@/lib/documents/uploads/limits";
import { saveUpload, type UploadRow } from "@/lib/documents/uploads/save";
import type { FileStorage } from "@/lib/documents/uploads/storage";

/**
 * Files staff attach to what they send (a reply, an answer to an information request): every
 * file is checked before anything is written, so a refused file refuses the whole action.
 */
export async function inspectFiles(files: File[]): Promise<InspectedUpload[]> {
  if (files.length > UPLOAD_LIMITS.maxFiles) throw new AppError("validation", { fields: { attachments: "Uploads.errors.tooMany" }, values: { max: UPLOAD_LIMITS.maxFiles } });
  const out: InspectedUpload[] = [];
  for (const file of files) {
    try {
      out.push(await inspectUpload(Buffer.from(await file.arrayBuffer()), { name: file.name, keepLocation: false }));
    } catch (error) {
      if (error instanceof UploadRefused) throw new AppError("validation", { fields: { attachments: `Uploads.errors.${error.reason}` }, values: { max: UPLOAD_LIMITS.maxFiles, ...error.detail } });
      throw error;
    }
  }
  return out;
}

/** Stores checked files on a case, from a staff member: public ones reach the citizen, internal ones stay with the body. */
export async function attachStaffFiles(opts: {
  db: Db | Tx;
  storage: FileStorage;
  caseId: string;
  staffId: string;
  files: InspectedUpload[];
  visibility: "public" | "internal";
  now: Date;
  /** Told of each file as it is stored (so a caller can remove the bytes if the transaction fails later). */
  onSaved?: (row: UploadRow) => void;
}): Promise<UploadRow[]> {
  if (opts.files.length === 0) return [];
  const [c] = await opts.db.select({ citizenId: cases.citizenId }).from(cases).where(eq(cases.id, opts.caseId));
  if (!c) throw new AppError("notFound");
  const rows: UploadRow[] = [];
  for (const file of opts.files) {
    const row = await saveUpload({ db: opts.db, storage: opts.storage, ownerId: c.citizenId, uploadedBy: opts.staffId, target: { caseId: opts.caseId }, visibility: opts.visibility, file, now: opts.now });
    opts.onSaved?.(row);
    rows.push(row);
  }
  return rows;
}

/**
 * A staff change (a reply, an answer) and its files, committed together or not at all: the files'
 * rows are written inside the change's transaction (`withinTx` of the engine's verbs), so an
 * answer never reaches the citizen without its files, and files never land on a refused change.
 * Bytes are stored before their row; if the transaction then rolls back, they are removed.
 */
export async function withStaffFiles<T>(
  opts: { storage: FileStorage; staffId: string; files: InspectedUpload[]; visibility: "public" | "internal"; now: Date },
  change: (withinTx: ((tx: Tx, c: { id: string }) => Promise<void>) | undefined) => Promise<T>,
): Promise<T> {
  if (opts.files.length === 0) return change(undefined);
  const saved: UploadRow[] = [];
  try {
    return await change(async (tx, c) => {
      await attachStaffFiles({ db: tx, storage: opts.storage, caseId: c.id, staffId: opts.staffId, files: opts.files, visibility: opts.visibility, now: opts.now, onSaved: (row) => saved.push(row) });
    });
  } catch (error) {
    await Promise.all(saved.map((row) => opts.storage.remove(row.storageKey).catch(() => undefined)));
    throw error;
  }
}
