import "server-only";
import type { Db } from "@/lib/db/open";
import { AppError } from "@/lib/errors";
import { inspectUpload, UploadRefused } from "./inspect";
import { UPLOAD_LIMITS } from "./limits";
import { listDraftUploads, removeDraftUpload, saveUpload, type UploadRow } from "./save";
import type { FileStorage } from "./storage";

/**
 * The files a form sent (its `attachments` field) and the ones the citizen took back
 * (`removeUpload`): each checked by content and stored under the form's key; a refusal names the
 * field and the limit. At most 5 per form, counted with those already there.
 */
export async function receiveFormFiles(opts: {
  db: Db;
  storage: FileStorage;
  userId: string;
  key: string;
  files: File[];
  remove: string[];
  now: Date;
}): Promise<UploadRow[]> {
  for (const id of opts.remove) await removeDraftUpload({ db: opts.db, storage: opts.storage, ownerId: opts.userId, id, now: opts.now, draftKey: opts.key }).catch(() => undefined);
  const existing = await listDraftUploads({ db: opts.db, ownerId: opts.userId, draftKey: opts.key });
  if (existing.length + opts.files.length > UPLOAD_LIMITS.maxFiles) {
    throw new AppError("validation", { fields: { attachments: "Uploads.errors.tooMany" }, values: { max: UPLOAD_LIMITS.maxFiles } });
  }
  for (const file of opts.files) {
    try {
      const inspected = await inspectUpload(Buffer.from(await file.arrayBuffer()), { name: file.name, keepLocation: false });
      await saveUpload({ db: opts.db, storage: opts.storage, ownerId: opts.userId, uploadedBy: opts.userId, target: { draftKey: opts.key }, file: inspected, now: opts.now });
    } catch (error) {
      if (error instanceof UploadRefused) {
        throw new AppError("validation", { fields: { attachments: `Uploads.errors.${error.reason}` }, values: { max: UPLOAD_LIMITS.maxFiles, ...error.detail } });
      }
      throw error;
    }
  }
  return listDraftUploads({ db: opts.db, ownerId: opts.userId, draftKey: opts.key });
}
