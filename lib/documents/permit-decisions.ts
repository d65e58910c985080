import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { caseEvents, users, type cases } from "@/lib/db/schema";
import type { PermitDecision, PermitPayload } from "@/lib/cases/kinds/permit/schema";
import { documentSigningKey } from "./keys";
import { findDocument, issueDocument, type IssuedDocument } from "./store";

/**
 * A building permit's decision as a signed document (issue 17): issued in the transaction that
 * decides (the permit kind's onEnter), so a decided case never exists without it. What is signed
 * is what the decision says: the municipality, the plot, the works, the decision and its
 * conditions or reasons, the applicant's name as on the account, the date. The PDF and /verify
 * are made from the signed document only.
 */
export const PERMIT_DECISION_KIND = "permit-decision";

type CaseRow = typeof cases.$inferSelect;

export type PermitDecisionData = {
  reference: string;
  bodyId: string;
  decision: PermitDecision;
  /** Conditions (granted with conditions) or reasons (refused); empty when granted plainly. */
  text: string;
  holder: string;
  addressArea: string;
  address: string;
  worksType: string;
  floorArea: number;
  architectRegistration: string;
  /** When the file was found complete (the delay ran from then), UTC ISO; empty if never. */
  completeOn: string;
  decidedAt: string;
};

export async function issuePermitDecision(opts: { tx: Tx; caseRow: CaseRow; decision: PermitDecision; text: string | null; now: Date }): Promise<IssuedDocument> {
  const c = opts.caseRow;
  const p = c.payload as PermitPayload;
  const [holder] = await opts.tx.select({ name: users.name }).from(users).where(eq(users.id, c.citizenId));
  const [complete] = await opts.tx
    .select({ at: caseEvents.at })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.toStatus, "underReview")))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  const data: PermitDecisionData = {
    reference: c.reference,
    bodyId: c.bodyId,
    decision: opts.decision,
    text: (opts.text ?? "").slice(0, 4000),
    holder: holder?.name?.trim() || "—",
    addressArea: p.addressArea,
    address: p.address,
    worksType: p.worksType,
    floorArea: p.floorArea,
    architectRegistration: p.architect.registration,
    completeOn: complete?.at.toISOString() ?? "",
    decidedAt: opts.now.toISOString(),
  };
  return issueDocument({ db: opts.tx, key: documentSigningKey(), kind: PERMIT_DECISION_KIND, subjectType: "case", subjectId: c.id, ownerUserId: c.citizenId, data, issuedAt: opts.now });
}

export async function permitDecisionOfCase(db: Db | Tx, caseId: string): Promise<(IssuedDocument & { data: PermitDecisionData }) | null> {
  const doc = await findDocument(db, { kind: PERMIT_DECISION_KIND, subjectType: "case", subjectId: caseId });
  return doc ? (doc as IssuedDocument & { data: PermitDecisionData }) : null;
}
