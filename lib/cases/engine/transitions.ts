import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { caseEvents, cases } from "@/lib/db/schema";
import { AppError, validationError } from "@/lib/errors";
import { notify } from "@/lib/notifications/enqueue";
import { canView, isCaseStaff } from "../access";
import { getKind } from "../kinds";
import { allowedTransitions, findTransition, partyOf } from "../machine";
import {
  appendEvents,
  auditStaff,
  caseData,
  casePath,
  guardContext,
  historyOf,
  lockCase,
  notFoundCase,
  type CaseActor,
  type CaseHistory,
  type CaseRef,
  type CaseRow,
  type NewEvent,
  type WithinTx,
} from "./core";
import { requireKind } from "./payload";

/** The decisions on a case: moving it through its kind's machine, its deadline, its body. */

export type TransitionOptions = {
  db: Db | Tx;
  case: CaseRef;
  to: string;
  actor: CaseActor;
  /** A public message with the change (required by some transitions, e.g. an answer). */
  message?: string | null;
  /** Structured facts of the change kept on its event (a refusal reason code, an e-people reference…). */
  data?: Record<string, unknown> | null;
  /** What must be committed with the change or not at all (the files of an answer): runs in its transaction. */
  withinTx?: WithinTx;
  now: Date;
  ip?: string | null;
};


/** Moves a case through its kind's machine; refuses (and writes nothing) what the machine does not allow. */
export async function transitionCase(opts: TransitionOptions): Promise<CaseRow> {
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.case);
    if (!c || !canView(opts.actor, c)) throw notFoundCase();
    // The machine's "staff" moves are the body's decisions: an agent of the filing house may not.
    if (opts.actor.role !== "citizen" && !isCaseStaff(opts.actor, c)) throw new AppError("forbidden");
    const kind = requireKind(c.kind);
    const party = partyOf(opts.actor.role);
    const transition = party ? findTransition(kind.machine, c.status, opts.to, party) : null;
    if (!transition) {
      const someoneMay = kind.machine.transitions.some((t) => t.to === opts.to && (t.from as readonly string[]).includes(c.status));
      throw new AppError(someoneMay ? "forbidden" : "conflict", {
        messageKey: "Cases.errors.transitionNotAllowed",
        values: { from: c.status, to: opts.to },
      });
    }
    if (transition.guard) {
      const refusal = transition.guard(guardContext(c, await historyOf(tx, c.id), opts.now));
      if (refusal) throw new AppError("conflict", { messageKey: refusal });
    }
    const message = opts.message?.trim() || null;
    if (transition.requiresMessage && !message) throw new AppError("validation", { fields: { message: "Cases.errors.messageRequired" } });
    let data: Record<string, unknown> | null = opts.data ?? null;
    if (transition.data) {
      const parsed = transition.data.safeParse(opts.data ?? {});
      if (!parsed.success) throw validationError(parsed.error.issues);
      data = parsed.data;
    }
    const events: NewEvent[] = [{ type: "statusChanged", visibility: "public", fromStatus: c.status, toStatus: opts.to, message, data }];
    if (transition.adjustment) events.push({ type: "deadlineAdjusted", visibility: "public", data: { adjustment: transition.adjustment } });
    const updated = await appendEvents(tx, c, kind, opts.actor, opts.now, events, opts.to);
    // The change's own work (its files) first: the state's effects see everything that came with it.
    await opts.withinTx?.(tx, updated);
    await kind.onEnter?.[opts.to]?.({ tx, case: updated, now: opts.now, message });
    if (opts.actor.userId !== c.citizenId) {
      await notify({
        tx,
        userId: c.citizenId,
        type: "caseStatusChanged",
        data: caseData(kind, updated),
        link: casePath(c.reference),
        caseId: c.id,
        now: opts.now,
      });
    }
    await auditStaff(tx, opts.actor, "case.transition", c, { from: c.status, to: opts.to }, opts.ip);
    return updated;
  });
}

/**
 * The transitions an actor may make now (for the buttons of the case pages). With `guards`, the
 * transitions whose guard refuses (out of time, not yet overdue…) are left out.
 */
export function transitionsFor(c: Pick<CaseRow, "kind" | "status">, actor: CaseActor, guards?: { case: CaseRow; history: CaseHistory; now: Date }) {
  const kind = getKind(c.kind);
  const party = partyOf(actor.role);
  if (!kind || !party) return [];
  const all = allowedTransitions(kind.machine, c.status, party);
  if (!guards) return all;
  const ctx = guardContext(guards.case, guards.history, guards.now);
  return all.filter((t) => !t.guard || t.guard(ctx) === null);
}

// ── Deadline adjustments ──────────────────────────────────────────────────────────────────

export async function adjustDeadline(opts: { db: Db | Tx; case: CaseRef; actor: CaseActor; adjustment: string; message?: string | null; now: Date; ip?: string | null }): Promise<CaseRow> {
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.case);
    if (!c || !canView(opts.actor, c)) throw notFoundCase();
    if (!isCaseStaff(opts.actor, c)) throw new AppError("forbidden");
    const kind = requireKind(c.kind);
    const adj = kind.deadline.adjustments?.[opts.adjustment];
    if (!adj) throw new AppError("conflict", { messageKey: "Cases.errors.adjustmentNotAllowed" });
    if (c.closedAt) throw new AppError("conflict", { messageKey: "Cases.errors.closed" });
    if (adj.guard) {
      const refusal = adj.guard(guardContext(c, await historyOf(tx, c.id), opts.now));
      if (refusal) throw new AppError("conflict", { messageKey: refusal });
    }
    if (adj.max !== undefined) {
      const done = await tx
        .select({ data: caseEvents.data })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "deadlineAdjusted")));
      if (done.filter((e) => e.data?.adjustment === opts.adjustment).length >= adj.max) {
        throw new AppError("conflict", { messageKey: "Cases.errors.adjustmentNotAllowed" });
      }
    }
    const updated = await appendEvents(tx, c, kind, opts.actor, opts.now, [
      { type: "deadlineAdjusted", visibility: "public", message: opts.message?.trim() || null, data: { adjustment: opts.adjustment } },
    ]);
    await notify({
      tx,
      userId: c.citizenId,
      type: "caseDeadlineChanged",
      data: caseData(kind, updated, { dueAt: updated.dueAt?.toISOString() ?? "" }),
      link: casePath(c.reference),
      caseId: c.id,
      now: opts.now,
    });
    await auditStaff(tx, opts.actor, "case.adjustDeadline", c, { adjustment: opts.adjustment }, opts.ip);
    return updated;
  });
}

// ── Redirection to another body ───────────────────────────────────────────────────────────

export type RedirectOptions = {
  db: Db | Tx;
  case: CaseRef;
  actor: CaseActor;
  toBodyId: string;
  /** Why (shown to the citizen), e.g. "this information is held by the municipality". */
  message: string;
  now: Date;
  ip?: string | null;
};

/**
 * Moves a case to another body's queue (a complaint sent to the wrong body; a request the body
 * is not competent for). The kind says whether it may (`redirect.guard`) and which deadline
 * adjustment applies (law 2016-22: the competent body's clock starts again). Staff of the body
 * that holds the case lose sight of it; the citizen is told where it went.
 */
export async function redirectCase(opts: RedirectOptions): Promise<CaseRow> {
  const message = opts.message.trim();
  if (!message) throw new AppError("validation", { fields: { message: "Cases.errors.messageRequired" } });
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(opts.toBodyId)) throw new AppError("validation", { fields: { toBodyId: "Cases.errors.unknownBody" } });
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.case);
    if (!c || !canView(opts.actor, c)) throw notFoundCase();
    if (!isCaseStaff(opts.actor, c)) throw new AppError("forbidden");
    const kind = requireKind(c.kind);
    if (!kind.redirect) throw new AppError("conflict", { messageKey: "Cases.errors.redirectNotAllowed" });
    if (c.closedAt) throw new AppError("conflict", { messageKey: "Cases.errors.closed" });
    if (opts.toBodyId === c.bodyId) throw new AppError("validation", { fields: { toBodyId: "Cases.errors.sameBody" } });
    const history = await historyOf(tx, c.id);
    const refusal = kind.redirect.guard?.(guardContext(c, history, opts.now)) ?? null;
    if (refusal) throw new AppError("conflict", { messageKey: refusal });
    const adjustment = kind.redirect.adjustment?.(c.payload) ?? null;
    const events: NewEvent[] = [{ type: "redirected", visibility: "public", message, data: { fromBodyId: c.bodyId, toBodyId: opts.toBodyId } }];
    if (adjustment) events.push({ type: "deadlineAdjusted", visibility: "public", data: { adjustment } });
    await tx.update(cases).set({ bodyId: opts.toBodyId }).where(eq(cases.id, c.id));
    const updated = await appendEvents(tx, { ...c, bodyId: opts.toBodyId }, kind, opts.actor, opts.now, events, kind.redirect.toStatus);
    await notify({
      tx,
      userId: c.citizenId,
      type: "caseRedirected",
      data: caseData(kind, updated, { toBodyId: opts.toBodyId, dueAt: updated.dueAt?.toISOString() ?? "" }),
      link: casePath(c.reference),
      caseId: c.id,
      now: opts.now,
    });
    await auditStaff(tx, opts.actor, "case.redirect", c, { from: c.bodyId, to: opts.toBodyId, adjustment }, opts.ip);
    return updated;
  });
}
