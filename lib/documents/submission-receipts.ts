import "server-only";
import { and, asc, eq, isNotNull, isNull, like, or } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { documents, uploads, users, type cases } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { missingDocuments } from "@/lib/cases/kinds/document-submission/checklist";
import { documentField, type DocumentSubmissionPayload } from "@/lib/cases/kinds/document-submission/schema";
import { documentSigningKey } from "./keys";
import { issueDocument, type IssuedDocument } from "./store";

/**
 * The signed receipts of a scanned-document submission (issue 16). The moment of receipt is the
 * date that counts: the first receipt fixes it (the case's submitted_at, stored UTC), listing every
 * file sent with its SHA-256; each later addition (a document staff asked for) gets a receipt of
 * its own, dated when it arrived, listing only the files it added and repeating the original date,
 * which never moves. Issued in the transaction that receives the files (the kind's `onEnter` of
 * "received"), so a case never exists without its receipt, nor files without theirs.
 */
export const SUBMISSION_RECEIPT_KIND = "submission-receipt";
const ORIGINAL = "case";
const ADDITION = "case-addition";

type CaseRow = typeof cases.$inferSelect;

export type ReceiptFile = { upload: string; name: string; document: string; mediaType: string; bytes: number; sha256: string };

export type SubmissionReceiptData = {
  reference: string;
  service: string;
  version: number;
  bodyId: string;
  title: { ar: string; fr: string; en: string };
  holder: string;
  /** When these files were received (UTC ISO): the case's date for the first receipt. */
  receivedAt: string;
  /** The case's date of receipt, the one that counts; the same on every receipt of the case. */
  originalReceivedAt: string;
  /** 0 for the submission itself, then 1, 2… for each addition. */
  addition: number;
  documents: { id: string; name: { ar: string; fr: string; en: string } }[];
  files: ReceiptFile[];
};

export type SubmissionReceipt = IssuedDocument & { data: SubmissionReceiptData };

/** Every receipt of a case, the original first. */
export async function receiptsOfCase(db: Db | Tx, caseId: string): Promise<SubmissionReceipt[]> {
  const rows = await db
    .select({ code: documents.code })
    .from(documents)
    .where(
      and(
        eq(documents.kind, SUBMISSION_RECEIPT_KIND),
        or(and(eq(documents.subjectType, ORIGINAL), eq(documents.subjectId, caseId)), and(eq(documents.subjectType, ADDITION), like(documents.subjectId, `${caseId}:%`))),
      ),
    )
    .orderBy(asc(documents.issuedAt));
  const out: SubmissionReceipt[] = [];
  for (const r of rows) {
    const doc = await receiptByCode(db, r.code);
    if (doc) out.push(doc);
  }
  return out.sort((a, b) => a.data.addition - b.data.addition);
}

export async function receiptByCode(db: Db | Tx, code: string): Promise<SubmissionReceipt | null> {
  const [row] = await db.select().from(documents).where(and(eq(documents.code, code), eq(documents.kind, SUBMISSION_RECEIPT_KIND)));
  if (!row) return null;
  const payload = row.payload as { data?: SubmissionReceiptData };
  if (!payload.data) return null;
  return { id: row.id, code: row.code, kind: row.kind, subjectType: row.subjectType, subjectId: row.subjectId, ownerUserId: row.ownerUserId, issuedAt: row.issuedAt, data: payload.data };
}

/**
 * Issues the receipt of what the case has just received: on submission, every file (a mandatory
 * document without a file refuses the whole submission, on that document's field); on an
 * addition, the files no earlier receipt lists (none refuses the addition).
 */
export async function issueSubmissionReceipt(opts: { tx: Tx; caseRow: CaseRow; now: Date }): Promise<SubmissionReceipt> {
  const c = opts.caseRow;
  const payload = c.payload as DocumentSubmissionPayload;
  const earlier = await receiptsOfCase(opts.tx, c.id);
  const covered = new Set(earlier.flatMap((r) => r.data.files.map((f) => f.upload)));
  const files = (
    await opts.tx
      .select()
      .from(uploads)
      .where(and(eq(uploads.caseId, c.id), isNotNull(uploads.slot), isNull(uploads.removedAt)))
      .orderBy(asc(uploads.createdAt), asc(uploads.id))
  ).filter((f) => !covered.has(f.id));
  const addition = earlier.length;
  if (addition === 0) {
    const missing = missingDocuments(payload.documents, files);
    if (missing.length) throw new AppError("validation", { fields: Object.fromEntries(missing.map((d) => [documentField(d.id), "DocumentSubmission.errors.missing"])) });
  } else if (files.length === 0) {
    throw new AppError("validation", { messageKey: "DocumentSubmission.errors.nothingAdded" });
  }
  const [holder] = await opts.tx.select({ name: users.name }).from(users).where(eq(users.id, c.citizenId));
  const data: SubmissionReceiptData = {
    reference: c.reference,
    service: payload.service,
    version: payload.version,
    bodyId: payload.bodyId,
    title: payload.title,
    holder: holder?.name?.trim() || "—",
    receivedAt: (addition === 0 ? c.submittedAt : opts.now).toISOString(),
    originalReceivedAt: c.submittedAt.toISOString(),
    addition,
    documents: payload.documents.map((d) => ({ id: d.id, name: d.name })),
    files: files.map((f) => ({ upload: f.id, name: f.label, document: f.slot!, mediaType: f.mediaType, bytes: f.bytes, sha256: f.sha256 })),
  };
  const doc = await issueDocument({
    db: opts.tx,
    key: documentSigningKey(),
    kind: SUBMISSION_RECEIPT_KIND,
    subjectType: addition === 0 ? ORIGINAL : ADDITION,
    subjectId: addition === 0 ? c.id : `${c.id}:${addition}`,
    ownerUserId: c.citizenId,
    data,
    issuedAt: addition === 0 ? c.submittedAt : opts.now,
  });
  return doc as SubmissionReceipt;
}
