import "server-only";
import { getDb } from "@/lib/db/client";
import { getCaseForViewer } from "@/lib/cases/read";
import type { CaseActor } from "@/lib/cases/engine";
import { certificateOfCase, type CertificateData } from "./certificates";
import type { IssuedDocument } from "./store";

// Who may have a certificate, read through the case's own access rules (lib/cases/access.ts).
/**
 * The certificate a person may download: the citizen it was issued to, or staff of its case —
 * only while it stands (issued, not revoked). Null for anyone else, and for anything else.
 */
export async function downloadableCertificate(opts: { reference: string; viewer: CaseActor; now: Date }): Promise<{ reference: string; doc: IssuedDocument & { data: CertificateData } } | null> {
  const { db } = await getDb();
  const view = await getCaseForViewer({ db, reference: opts.reference, viewer: opts.viewer, now: opts.now });
  const c = view?.row;
  if (!c || c.kind !== "certificate-request" || c.status !== "issued") return null;
  const doc = await certificateOfCase(db, c.id);
  return doc ? { reference: c.reference, doc } : null;
}

/** The verification code of a case's certificate, to show on its page. */
export async function certificateCode(caseId: string): Promise<string | null> {
  const { db } = await getDb();
  return (await certificateOfCase(db, caseId))?.code ?? null;
}
