import "server-only";
import { getDb } from "@/lib/db/client";
import { getCaseForViewer } from "@/lib/cases/read";
import type { CaseActor } from "@/lib/cases/engine";
import { permitDecisionOfCase } from "./permit-decisions";

// Apart from permit-decisions.ts: the permit kind imports that one, and the case reader imports the kinds.
/** The decision a person may download: the applicant and staff of the case (its own access rules); null for anyone else. */
export async function downloadablePermitDecision(opts: { reference: string; viewer: CaseActor; now: Date }) {
  const { db } = await getDb();
  const view = await getCaseForViewer({ db, reference: opts.reference, viewer: opts.viewer, now: opts.now });
  const c = view?.row;
  if (!c || c.kind !== "permit") return null;
  const doc = await permitDecisionOfCase(db, c.id);
  return doc ? { reference: c.reference, doc } : null;
}

/** The decision of a case, for its pages (their viewer already checked by the case's loader). */
export async function permitDecisionFor(caseId: string) {
  const { db } = await getDb();
  return permitDecisionOfCase(db, caseId);
}
