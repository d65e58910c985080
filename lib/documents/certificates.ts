import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/open";
import { users, type cases } from "@/lib/db/schema";
import { findCertificateType } from "@/lib/cases/kinds/certificate-request/types";
import { documentSigningKey } from "./keys";
import { findDocument, issueDocument, revokeDocument, type IssuedDocument } from "./store";

/**
 * Administrative certificates as signed documents (issue 16): issued when the issuing body
 * approves the request (the certificate kind's `onEnter.issued`, in the transaction of the
 * approval), revoked when it revokes it. What is signed is what the certificate says: its type,
 * its holder's name as on the account, the language it is written in, the request it answers,
 * its dates. The PDF and the QR are made from the signed document, never from the live case.
 */
export const CERTIFICATE_KIND = "certificate";

type CaseRow = typeof cases.$inferSelect;

export type CertificateData = {
  type: string;
  bodyId: string;
  holder: string;
  language: "ar" | "fr";
  reference: string;
  purpose: string;
  validUntil: string;
  demo: boolean;
};

export async function issueCertificate(opts: { tx: Tx; caseRow: CaseRow; payload: { certificateType: string; language: "ar" | "fr"; purpose?: string }; now: Date }): Promise<IssuedDocument> {
  const type = findCertificateType(opts.payload.certificateType);
  if (!type) throw new Error(`unknown certificate type ${opts.payload.certificateType}`);
  const [holder] = await opts.tx.select({ name: users.name }).from(users).where(eq(users.id, opts.caseRow.citizenId));
  const data: CertificateData = {
    type: type.id,
    bodyId: type.bodyId,
    holder: holder?.name?.trim() || "—",
    language: opts.payload.language,
    reference: opts.caseRow.reference,
    purpose: opts.payload.purpose ?? "",
    validUntil: new Date(opts.now.getTime() + type.validDays * 86_400_000).toISOString(),
    demo: type.demo,
  };
  return issueDocument({ db: opts.tx, key: documentSigningKey(), kind: CERTIFICATE_KIND, subjectType: "case", subjectId: opts.caseRow.id, ownerUserId: opts.caseRow.citizenId, data, issuedAt: opts.now });
}

export async function revokeCertificate(opts: { tx: Tx; caseRow: CaseRow; now: Date; reason: string }): Promise<void> {
  const doc = await findDocument(opts.tx, { kind: CERTIFICATE_KIND, subjectType: "case", subjectId: opts.caseRow.id });
  if (doc) await revokeDocument(opts.tx, { code: doc.code, at: opts.now, reason: opts.reason.slice(0, 500) });
}

/** The certificate of a case, when one was issued (its owner and the issuing body may download it). */
export async function certificateOfCase(tx: Tx | Parameters<typeof findDocument>[0], caseId: string): Promise<(IssuedDocument & { data: CertificateData }) | null> {
  const doc = await findDocument(tx, { kind: CERTIFICATE_KIND, subjectType: "case", subjectId: caseId });
  return doc ? (doc as IssuedDocument & { data: CertificateData }) : null;
}

