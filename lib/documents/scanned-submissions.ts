import "server-only";
import type { CaseActor } from "@/lib/cases/engine";
import { getCaseForViewer } from "@/lib/cases/read";
import { documentField, type DocumentSubmissionPayload, type SubmittedDocument } from "@/lib/cases/kinds/document-submission/schema";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { AppError } from "@/lib/errors";
import { addDocumentsToCase, inspectSlottedFiles, notYetHeld, type SlottedFile } from "./case-documents";
import { listCaseUploads, listDraftUploads, removeDraftUpload, saveUpload, type UploadRow } from "./uploads/save";
import type { FileStorage } from "./uploads/storage";
import { SCAN_LIMITS } from "./uploads/limits";
import { parseCode } from "./codes";
import { VERIFICATION_CODE_LENGTH } from "./store";
import { receiptByCode, receiptsOfCase, type SubmissionReceipt } from "./submission-receipts";

/**
 * The files of a scanned-document submission (issue 16), through the one upload pipeline (type by
 * content, images re-encoded, PDFs parsed object by object, SHA-256): each file is stored as the
 * document of the list it was chosen for (`slot`). A refused file is an error on its document.
 */
export { SCAN_LIMITS };

/** Nothing twice (lib/documents/case-documents.ts). */
export const newFiles = notYetHeld;

/** Every file the form sent for a listed document, checked before anything is stored. */
export function inspectScannedFiles(documents: readonly SubmittedDocument[], files: Record<string, File[]>): Promise<SlottedFile[]> {
  return inspectSlottedFiles(documents.map((d) => d.id), files, { field: documentField, maxPerDocument: SCAN_LIMITS.maxPerDocument });
}

/**
 * Before sending: the files chosen are kept under the form's key (its idempotency key), each as
 * its document; files the citizen takes back are removed. Returns what the form now holds.
 */
export async function keepScannedDraftFiles(opts: {
  db: Db;
  storage: FileStorage;
  userId: string;
  draftKey: string;
  documents: readonly SubmittedDocument[];
  files: Record<string, File[]>;
  remove: readonly string[];
  now: Date;
  /** Who attached them, when not the citizen: the agent at the counter. */
  uploadedBy?: string;
}): Promise<UploadRow[]> {
  for (const id of opts.remove) await removeDraftUpload({ db: opts.db, storage: opts.storage, ownerId: opts.userId, id, now: opts.now, draftKey: opts.draftKey }).catch(() => undefined);
  const held = await listDraftUploads({ db: opts.db, ownerId: opts.userId, draftKey: opts.draftKey });
  const chosen = newFiles(await inspectScannedFiles(opts.documents, opts.files), held);
  if (held.length + chosen.length > SCAN_LIMITS.maxFiles) {
    const field = documentField(chosen[0]?.slot ?? opts.documents[0]!.id);
    throw new AppError("validation", { fields: { [field]: "Uploads.errors.tooMany" }, values: { max: SCAN_LIMITS.maxFiles } });
  }
  for (const c of chosen) {
    await saveUpload({ db: opts.db, storage: opts.storage, ownerId: opts.userId, uploadedBy: opts.uploadedBy ?? opts.userId, target: { draftKey: opts.draftKey }, file: c.file, slot: c.slot, maxFiles: SCAN_LIMITS.maxFiles, now: opts.now });
  }
  return listDraftUploads({ db: opts.db, ownerId: opts.userId, draftKey: opts.draftKey });
}

/** What the form holds so far (the page's checklist). */
export async function scannedDraftFiles(opts: { userId: string; draftKey: string }): Promise<UploadRow[]> {
  const { db } = await getDb();
  return listDraftUploads({ db, ownerId: opts.userId, draftKey: opts.draftKey });
}

/**
 * The citizen adds the document(s) staff asked for: the files are stored on the case, as their
 * documents, in the transaction that brings the case back to "received" — which issues the
 * addition's own signed receipt (the kind's onEnter). Bytes whose transaction fails are removed.
 */
export async function addScannedDocuments(opts: { storage: FileStorage; actor: CaseActor; reference: string; files: Record<string, File[]>; now: Date; ip?: string | null }) {
  const { db } = await getDb();
  const view = await getCaseForViewer({ db, reference: opts.reference, viewer: opts.actor, now: opts.now });
  if (!view || view.row.kind !== "document-submission" || view.row.citizenId !== opts.actor.userId) throw new AppError("notFound", { messageKey: "Cases.errors.notFound" });
  const payload = view.row.payload as DocumentSubmissionPayload;
  const onCase = await listCaseUploads({ db, caseId: view.row.id, includeInternal: true });
  const chosen = newFiles(await inspectScannedFiles(payload.documents, opts.files), onCase);
  if (chosen.length === 0) throw new AppError("validation", { messageKey: "DocumentSubmission.errors.nothingAdded", fields: { [documentField(payload.documents[0]!.id)]: "DocumentSubmission.errors.nothingAdded" } });
  if (chosen.length > SCAN_LIMITS.maxFiles) throw new AppError("validation", { messageKey: "Uploads.errors.tooMany", values: { max: SCAN_LIMITS.maxFiles } });
  return addDocumentsToCase({ db, storage: opts.storage, caseRow: view.row, chosen, to: "received", actor: opts.actor, now: opts.now, ip: opts.ip });
}

/** The receipts of a case its viewer may see (the citizen, staff of the case). */
export async function caseReceipts(caseId: string): Promise<SubmissionReceipt[]> {
  const { db } = await getDb();
  return receiptsOfCase(db, caseId);
}

/** A receipt for whoever may see its case; null for anyone else (a 404, not a 403: nothing to learn). */
export async function downloadableReceipt(opts: { code: string; viewer: CaseActor; now: Date }): Promise<SubmissionReceipt | null> {
  // Stored grouped (XXXX-XXXX-…); a code typed without dashes or with a wrong check character is read or refused here.
  const code = parseCode(decodeURIComponent(opts.code), { length: VERIFICATION_CODE_LENGTH });
  if (!code) return null;
  const { db } = await getDb();
  const doc = await receiptByCode(db, code);
  if (!doc) return null;
  const view = await getCaseForViewer({ db, reference: doc.data.reference, viewer: opts.viewer, now: opts.now });
  return view && view.row.kind === "document-submission" ? doc : null;
}

