import "server-only";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { caseEvents, reportModeration } from "@/lib/db/schema";
import { historyOf, transitionsFor } from "@/lib/cases/engine";
import { timelineOf } from "@/lib/cases/kinds/info-request";
import type { LegalTimeline } from "@/lib/cases/kinds/info-request/law-2016-22";
import type { CaseView } from "@/lib/cases/read";
import { affectedCount, reportPhotos } from "./reports";

export const REQUEST_KINDS = ["complaint", "suggestion", "municipal-report", "info-request"] as const;

export function isRequestKind(kind: string): boolean {
  return (REQUEST_KINDS as readonly string[]).includes(kind);
}

/**
 * What the citizen may do on their case now, by the kind's machine and its guards (escalate
 * once overdue, reopen within 30 days of the resolution, appeal in its window), the law's
 * timeline for an information request, and whether they have rated the answer.
 */
export async function loadAfterSending(opts: { actor: Actor; caseView: CaseView }) {
  const { db } = await getDb();
  const at = await now();
  const row = opts.caseView.row;
  const history = await historyOf(db, row.id);
  const transitions = transitionsFor(row, opts.actor, { case: row, history, now: at }).map((t) => ({ to: t.to, label: t.label, requiresMessage: t.requiresMessage === true }));
  const law: LegalTimeline | null = row.kind === "info-request" ? timelineOf({ payload: row.payload, submittedAt: row.submittedAt, history, now: at }) : null;
  const [rated] = await db.select({ id: caseEvents.id }).from(caseEvents).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.type, "rated")));
  return { now: at, transitions, law, rated: Boolean(rated) };
}

export type StaffReportExtras = {
  affected: number;
  approved: boolean;
  hidden: boolean;
  reason: string | null;
  photos: { id: string; publicAt: Date | null; hiddenAt: Date | null; hiddenReason: string | null; location: { lat: number; lon: number } | null }[];
};

/** For the staff case page: the law's windows (redirect, extend), the people affected, the moderation of a report. */
export async function loadStaffExtras(opts: { caseView: CaseView }) {
  const { db } = await getDb();
  const at = await now();
  const row = opts.caseView.row;
  const history = await historyOf(db, row.id);
  const law: LegalTimeline | null = row.kind === "info-request" ? timelineOf({ payload: row.payload, submittedAt: row.submittedAt, history, now: at }) : null;
  let report: StaffReportExtras | null = null;
  if (row.kind === "municipal-report") {
    const [m] = await db.select().from(reportModeration).where(eq(reportModeration.caseId, row.id));
    report = { affected: await affectedCount({ db, caseId: row.id }), approved: Boolean(m?.approvedAt), hidden: Boolean(m?.hiddenAt), reason: m?.reason ?? null, photos: await reportPhotos({ db, caseId: row.id }) };
  }
  const redirectable = Boolean(opts.caseView.kind.redirect) && !row.closedAt && (!law || law.canRedirect);
  return { law, report, redirectable };
}
