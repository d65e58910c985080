import "server-only";
import { transitionCase, type CaseActor } from "@/lib/cases/engine";
import type { Db } from "@/lib/db/open";
import { AppError } from "@/lib/errors";
import { inspectUpload, UploadRefused, type InspectedUpload } from "./uploads/inspect";
import { saveUpload, type UploadRow } from "./uploads/save";
import type { FileStorage } from "./uploads/storage";

/**
 * Files that are listed documents of a file (a scanned submission's, a building permit's): each
 * is stored as the document it was chosen for (`slot`), through the one upload pipeline (type by
 * content, images re-encoded, PDFs parsed, SHA-256). One implementation for every kind that has
 * a list of documents (lib/documents/scanned-submissions.ts, lib/permits/drafts.ts).
 */
export type SlottedFile<S extends string = string> = { slot: S; file: InspectedUpload };

/** Every file the form sent for the listed documents (field `field(slot)`), checked before anything is stored; a refused file is an error on its document. */
export async function inspectSlottedFiles<S extends string>(
  slots: readonly S[],
  files: Record<string, File[]>,
  opts: { field: (slot: S) => string; maxPerDocument: number },
): Promise<SlottedFile<S>[]> {
  const out: SlottedFile<S>[] = [];
  for (const slot of slots) {
    const field = opts.field(slot);
    const sent = files[field] ?? [];
    if (sent.length > opts.maxPerDocument) throw new AppError("validation", { fields: { [field]: "Uploads.errors.tooMany" }, values: { max: opts.maxPerDocument } });
    for (const file of sent) {
      try {
        out.push({ slot, file: await inspectUpload(Buffer.from(await file.arrayBuffer()), { name: file.name, keepLocation: false }) });
      } catch (error) {
        if (error instanceof UploadRefused) throw new AppError("validation", { fields: { [field]: `Uploads.errors.${error.reason}` }, values: { max: opts.maxPerDocument, ...error.detail } });
        throw error;
      }
    }
  }
  return out;
}

/**
 * Nothing twice: a file already held for the same document (the same bytes once checked — a form
 * sent again after an error still has its files chosen) is not stored again.
 */
export function notYetHeld<T extends SlottedFile>(chosen: readonly T[], held: readonly { slot: string | null; sha256: string }[]): T[] {
  const seen = new Set(held.map((h) => `${h.slot}:${h.sha256}`));
  return chosen.filter((c) => {
    const id = `${c.slot}:${c.file.sha256}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Documents the citizen adds after staff asked for them: stored on the case in the transaction
 * that moves it back (`to`), so the kind's onEnter effects (a dated receipt, the clock) see them.
 * Bytes whose transaction fails are removed.
 */
export async function addDocumentsToCase(opts: {
  db: Db;
  storage: FileStorage;
  caseRow: { id: string; citizenId: string };
  chosen: readonly SlottedFile[];
  to: string;
  actor: CaseActor;
  now: Date;
  ip?: string | null;
}) {
  const saved: UploadRow[] = [];
  try {
    return await transitionCase({
      db: opts.db,
      case: { id: opts.caseRow.id },
      to: opts.to,
      actor: opts.actor,
      now: opts.now,
      ip: opts.ip,
      withinTx: async (tx, c) => {
        for (const ch of opts.chosen) {
          saved.push(await saveUpload({ db: tx, storage: opts.storage, ownerId: opts.caseRow.citizenId, uploadedBy: opts.actor.userId, target: { caseId: c.id }, file: ch.file, slot: ch.slot, now: opts.now }));
        }
      },
    });
  } catch (error) {
    await Promise.all(saved.map((row) => opts.storage.remove(row.storageKey).catch(() => undefined)));
    throw error;
  }
}
