import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import type { CaseActor } from "@/lib/cases/engine";
import { getCaseForViewer } from "@/lib/cases/read";
import type { PermitPayload } from "@/lib/cases/kinds/permit/schema";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { cases, permitDrafts } from "@/lib/db/schema";
import { addDocumentsToCase, inspectSlottedFiles, notYetHeld } from "@/lib/documents/case-documents";
import { listCaseUploads, listDraftUploads, removeDraftUpload, saveUpload, type UploadRow } from "@/lib/documents/uploads/save";
import type { FileStorage } from "@/lib/documents/uploads/storage";
import { PERMIT_DRAFT_PREFIX, PERMIT_UPLOAD_LIMITS } from "@/lib/documents/uploads/limits";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { submitCaseOnce } from "@/lib/outbox/submit";
import {
  documentsOf,
  isComplete,
  isDocumentSlot,
  missingItems,
  requiredDocuments,
  type ApplicationAnswers,
  type ArchitectAnswers,
  type PermitDocument,
  type PermitDraftState,
  type PermitSection,
} from "@/lib/cases/kinds/permit/rules";

/**
 * The citizen's building-permit file while it is built (issue 17): a row per draft tied to the
 * account, its answers saved section by section, its files uploads under the draft's key — so the
 * file is all there another day, on another device. Sending composes the case from the draft and
 * is refused here, on the server, while anything is missing.
 */
export const PERMIT_FILE_LIMITS = { perDocument: PERMIT_UPLOAD_LIMITS.maxPerDocument, total: PERMIT_UPLOAD_LIMITS.maxFiles } as const;

export type PermitDraftRow = typeof permitDrafts.$inferSelect;
export type LoadedDraft = { row: PermitDraftRow; state: PermitDraftState; files: UploadRow[]; caseReference: string | null };

export const draftKeyOf = (draftId: string) => `${PERMIT_DRAFT_PREFIX}${draftId}`;
export const fileField = (slot: PermitDocument) => `doc-${slot}`;

const notFound = () => new AppError("notFound", { messageKey: "Permits.errors.draftUnknown" });

export async function createPermitDraft(opts: { userId: string; now: Date }): Promise<string> {
  const { db } = await getDb();
  const [row] = await db.insert(permitDrafts).values({ userId: opts.userId, values: { application: {}, architect: {} }, createdAt: opts.now, updatedAt: opts.now }).returning({ id: permitDrafts.id });
  return row!.id;
}

export async function listPermitDrafts(userId: string): Promise<PermitDraftRow[]> {
  const { db } = await getDb();
  return db.select().from(permitDrafts).where(and(eq(permitDrafts.userId, userId), isNull(permitDrafts.caseId))).orderBy(desc(permitDrafts.updatedAt)).limit(10);
}

function stateOf(row: PermitDraftRow, files: readonly UploadRow[]): PermitDraftState {
  return { application: row.values.application as ApplicationAnswers, architect: row.values.architect as ArchitectAnswers, files };
}

/** The citizen's own draft (anyone else's is "not found": nothing to learn). */
export async function loadPermitDraft(opts: { userId: string; draftId: string; db?: Db }): Promise<LoadedDraft | null> {
  if (!/^[0-9a-f-]{36}$/i.test(opts.draftId)) return null;
  const db = opts.db ?? (await getDb()).db;
  const [row] = await db.select().from(permitDrafts).where(and(eq(permitDrafts.id, opts.draftId), eq(permitDrafts.userId, opts.userId)));
  if (!row) return null;
  let caseReference: string | null = null;
  if (row.caseId) {
    const [c] = await db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, row.caseId));
    caseReference = c?.reference ?? null;
  }
  const files = row.caseId ? [] : await listDraftUploads({ db, ownerId: opts.userId, draftKey: draftKeyOf(row.id) });
  return { row, state: stateOf(row, files), files, caseReference };
}

async function openDraft(userId: string, draftId: string): Promise<{ db: Db; loaded: LoadedDraft }> {
  const { db } = await getDb();
  const loaded = await loadPermitDraft({ userId, draftId, db });
  if (!loaded) throw notFound();
  if (loaded.row.caseId) throw new AppError("conflict", { messageKey: "Permits.errors.alreadySent" });
  return { db, loaded };
}

/**
 * Saves what the application form says now: an emptied field is "not answered" again. The
 * municipality is checked against lib/municipalities by the caller (the page's action composes
 * the two domains).
 */
export async function saveApplication(opts: { userId: string; draftId: string; answers: ApplicationAnswers; now: Date }) {
  const { db, loaded } = await openDraft(opts.userId, opts.draftId);
  const application = Object.fromEntries(Object.entries(opts.answers).filter(([, v]) => v !== undefined));
  await db.update(permitDrafts).set({ values: { ...loaded.row.values, application }, updatedAt: opts.now }).where(eq(permitDrafts.id, loaded.row.id));
}

export async function saveArchitect(opts: { userId: string; draftId: string; architect: ArchitectAnswers; now: Date }) {
  const { db, loaded } = await openDraft(opts.userId, opts.draftId);
  const architect = Object.fromEntries(Object.entries(opts.architect).filter(([, v]) => v !== undefined));
  await db.update(permitDrafts).set({ values: { ...loaded.row.values, architect }, updatedAt: opts.now }).where(eq(permitDrafts.id, loaded.row.id));
}

/** Every file sent for the given documents, checked by content (the one upload pipeline) before anything is stored. */
const inspectFiles = (slots: readonly PermitDocument[], files: Record<string, File[]>) => inspectSlottedFiles(slots, files, { field: fileField, maxPerDocument: PERMIT_FILE_LIMITS.perDocument });

/** Nothing twice: the same bytes already held for the same document are not stored again. */
const fresh = notYetHeld;

/** A documents section: files taken back are removed, new ones kept under the draft's key as their document. */
export async function saveSectionFiles(opts: { userId: string; draftId: string; section: PermitSection; files: Record<string, File[]>; remove: readonly string[]; storage: FileStorage; now: Date }) {
  const { db, loaded } = await openDraft(opts.userId, opts.draftId);
  const key = draftKeyOf(loaded.row.id);
  const slots = documentsOf(opts.section, loaded.state.application);
  const mine = new Set(loaded.files.filter((f) => slots.includes(f.slot as PermitDocument)).map((f) => f.id));
  for (const id of opts.remove) if (mine.has(id)) await removeDraftUpload({ db, storage: opts.storage, ownerId: opts.userId, id, now: opts.now, draftKey: key });
  const held = await listDraftUploads({ db, ownerId: opts.userId, draftKey: key });
  const chosen = fresh(await inspectFiles(slots, opts.files), held);
  if (held.length + chosen.length > PERMIT_FILE_LIMITS.total) throw new AppError("validation", { fields: { [fileField(chosen[0]?.slot ?? slots[0]!)]: "Uploads.errors.tooMany" }, values: { max: PERMIT_FILE_LIMITS.total } });
  for (const c of chosen) {
    await saveUpload({ db, storage: opts.storage, ownerId: opts.userId, uploadedBy: opts.userId, target: { draftKey: key }, file: c.file, slot: c.slot, maxFiles: PERMIT_FILE_LIMITS.total, now: opts.now });
  }
  await db.update(permitDrafts).set({ updatedAt: opts.now }).where(eq(permitDrafts.id, loaded.row.id));
}

/** The case's payload from a complete draft. */
export function permitPayloadOf(draftId: string, state: PermitDraftState): PermitPayload {
  const a = state.application;
  return {
    draftId,
    bodyId: a.municipality!,
    addressArea: a.addressArea!,
    address: a.address!,
    worksType: a.worksType!,
    floorArea: a.floorArea!,
    townPlanUnderStudy: a.townPlanUnderStudy!,
    protectedSite: a.protectedSite!,
    architect: { name: state.architect.name!, registration: state.architect.registration! },
    documents: requiredDocuments(a),
  };
}

/**
 * Sends the file: refused while anything is missing (the check page says what); once per draft
 * (its key is the submission's idempotency key: a second press shows the case it made).
 */
export async function sendPermitDraft(opts: { actor: Actor; draftId: string; storage: FileStorage; locale: Locale; now: Date; ip: string | null }): Promise<string> {
  const { db } = await getDb();
  const loaded = await loadPermitDraft({ userId: opts.actor.userId, draftId: opts.draftId, db });
  if (!loaded) throw notFound();
  if (loaded.caseReference) return loaded.caseReference;
  if (!isComplete(loaded.state)) throw new AppError("validation", { messageKey: "Permits.errors.incomplete", values: { count: missingItems(loaded.state).length } });
  const payload = permitPayloadOf(loaded.row.id, loaded.state);
  // Files of a document that no longer applies (the floor area went down) are not part of the file.
  for (const f of loaded.files) {
    if (!isDocumentSlot(f.slot) || !payload.documents.includes(f.slot)) await removeDraftUpload({ db, storage: opts.storage, ownerId: opts.actor.userId, id: f.id, now: opts.now, draftKey: draftKeyOf(loaded.row.id) });
  }
  const { result } = await submitCaseOnce({ db, actor: opts.actor, key: draftKeyOf(loaded.row.id), kind: "permit", payload, locale: opts.locale, now: opts.now, ip: opts.ip, composed: true });
  await db.update(permitDrafts).set({ caseId: result.id, updatedAt: opts.now }).where(eq(permitDrafts.id, loaded.row.id));
  return result.reference;
}

/**
 * The citizen adds the document(s) the municipality asked for: stored on the case, as their
 * documents, in the transaction that brings it back to the completeness check. Bytes whose
 * transaction fails are removed.
 */
export async function addPermitDocuments(opts: { storage: FileStorage; actor: CaseActor; reference: string; files: Record<string, File[]>; now: Date; ip?: string | null }) {
  const { db } = await getDb();
  const view = await getCaseForViewer({ db, reference: opts.reference, viewer: opts.actor, now: opts.now });
  if (!view || view.row.kind !== "permit" || view.row.citizenId !== opts.actor.userId) throw new AppError("notFound", { messageKey: "Cases.errors.notFound" });
  const payload = view.row.payload as PermitPayload;
  const onCase = await listCaseUploads({ db, caseId: view.row.id, includeInternal: true });
  const chosen = fresh(await inspectFiles(payload.documents, opts.files), onCase);
  if (chosen.length === 0) throw new AppError("validation", { messageKey: "Permits.errors.nothingAdded", fields: { [fileField(payload.documents[0]!)]: "Permits.errors.nothingAdded" } });
  return addDocumentsToCase({ db, storage: opts.storage, caseRow: view.row, chosen, to: "received", actor: opts.actor, now: opts.now, ip: opts.ip });
}
