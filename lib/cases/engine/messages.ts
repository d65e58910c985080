import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/open";
import { caseEvents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/enqueue";
import { canCorrespond, canView } from "../access";
import { appendEvents, auditStaff, caseData, casePath, lockCase, notFoundCase, type CaseActor, type CaseRef, type CaseRow, type WithinTx } from "./core";
import { requireKind } from "./payload";

/** What is said on a case without deciding it: messages and notes, staff views, the citizen's rating. */

// ── Messages and notes ────────────────────────────────────────────────────────────────────

export type AddMessageOptions = {
  db: Db | Tx;
  case: CaseRef;
  actor: CaseActor;
  /** reply: staff → citizen (public); note: staff only (internal); citizenMessage: citizen → staff. */
  type: "reply" | "note" | "citizenMessage";
  message: string;
  /** What must be committed with the message or not at all (its attachments). */
  withinTx?: WithinTx;
  now: Date;
  ip?: string | null;
};

export async function addCaseMessage(opts: AddMessageOptions): Promise<CaseRow> {
  const message = opts.message.trim();
  if (!message) throw new AppError("validation", { fields: { message: "Cases.errors.messageRequired" } });
  if (message.length > 5000) throw new AppError("validation", { fields: { message: "Cases.errors.messageTooLong" } });
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.case);
    if (!c || !canView(opts.actor, c)) throw notFoundCase();
    // Replies and notes are open to agents of the filing house too; decisions are not (access.ts).
    const staff = canCorrespond(opts.actor, c);
    if (opts.type === "citizenMessage" ? opts.actor.userId !== c.citizenId : !staff) throw new AppError("forbidden");
    const kind = requireKind(c.kind);
    if (opts.type === "citizenMessage" && c.closedAt) throw new AppError("conflict", { messageKey: "Cases.errors.closed" });
    const updated = await appendEvents(tx, c, kind, opts.actor, opts.now, [
      { type: opts.type, visibility: opts.type === "note" ? "internal" : "public", message },
    ]);
    await opts.withinTx?.(tx, updated);
    if (opts.type === "reply") {
      await notify({ tx, userId: c.citizenId, type: "caseReply", data: caseData(kind, updated), link: casePath(c.reference), caseId: c.id, now: opts.now });
    }
    await auditStaff(tx, opts.actor, `case.${opts.type}`, c, { length: message.length }, opts.ip);
    return updated;
  });
}

// ── Staff views ───────────────────────────────────────────────────────────────────────────

/** Views closer together than this, by the same person, make one timeline entry (every view is audited). */
export const VIEW_COALESCE_MS = 30 * 60 * 1000;

/**
 * Records that a staff member opened a case: an audit row every time, and a public timeline
 * entry ("seen by an agent of STEG on …") unless the same person's last view is recent.
 */
export async function recordStaffView(opts: { db: Db | Tx; case: CaseRef; actor: CaseActor; now: Date; ip?: string | null }): Promise<void> {
  if (opts.actor.role === "citizen") return;
  await opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.case);
    if (!c || !canCorrespond(opts.actor, c)) throw notFoundCase();
    const kind = requireKind(c.kind);
    const [last] = await tx
      .select({ at: caseEvents.at })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "viewed"), eq(caseEvents.actorId, opts.actor.userId)))
      .orderBy(asc(caseEvents.seq))
      .then((rows) => rows.slice(-1));
    if (!last || opts.now.getTime() - last.at.getTime() >= VIEW_COALESCE_MS) {
      await appendEvents(tx, c, kind, opts.actor, opts.now, [{ type: "viewed", visibility: "public" }]);
    }
    await recordAudit(tx, opts.actor, { action: "case.view", subjectType: "case", subjectId: c.reference, detail: { kind: c.kind, bodyId: c.bodyId } }, opts.ip);
  });
}

// ── The citizen's rating of the answer ────────────────────────────────────────────────────

/**
 * One rating per case (1–5 and an optional comment), by its citizen, once the case is closed.
 * Kept as a public event of the timeline; statistics count them by kind and body.
 */
export async function rateCase(opts: { db: Db | Tx; case: CaseRef; actor: CaseActor; stars: number; comment?: string | null; now: Date }): Promise<CaseRow> {
  if (!Number.isInteger(opts.stars) || opts.stars < 1 || opts.stars > 5) throw new AppError("validation", { fields: { stars: "Cases.errors.starsRange" } });
  const comment = opts.comment?.trim() || null;
  if (comment && comment.length > 1000) throw new AppError("validation", { fields: { comment: "Cases.errors.messageTooLong" } });
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.case);
    if (!c || !canView(opts.actor, c)) throw notFoundCase();
    if (opts.actor.userId !== c.citizenId) throw new AppError("forbidden");
    if (!c.closedAt) throw new AppError("conflict", { messageKey: "Cases.errors.notClosedYet" });
    const [already] = await tx.select({ id: caseEvents.id }).from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "rated")));
    if (already) throw new AppError("conflict", { messageKey: "Cases.errors.alreadyRated" });
    return appendEvents(tx, c, requireKind(c.kind), opts.actor, opts.now, [{ type: "rated", visibility: "public", message: comment, data: { stars: opts.stars } }]);
  });
}
