import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/open";
import { caseEvents, cases } from "@/lib/db/schema";
import { AppError, validationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { notify } from "@/lib/notifications/enqueue";
import { canCorrespond, canView, isCaseStaff } from "./access";
import { computeDeadline, opsForStateChange, type ClockOp, type Deadline } from "./deadline";
import type { AnyKind } from "./kind";
import { getKind } from "./kinds";
import { allowedTransitions, findTransition, partyOf, stateOf, type Clock, type GuardContext } from "./machine";
import { generateReference, parseReference } from "./reference";
import { localDateOf } from "./deadline";

/**
 * The case engine's verbs. Each runs in one transaction (a savepoint when given a transaction):
 * the case row is locked, the rule of the kind is checked, the event is written, the deadline is
 * recomputed from the whole timeline, the citizen is notified (same transaction) and staff
 * actions are audited (same transaction). A refused action throws before anything is written.
 */
/** houseId: an agent's service house (they follow the cases filed there; lib/cases/access.ts). */
export type CaseActor = Pick<Actor, "userId" | "role" | "bodyId"> & { houseId?: string | null };
export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseRef = { id: string } | { reference: string };

export type EventType =
  | "submitted"
  | "statusChanged"
  | "reply"
  | "note"
  | "citizenMessage"
  | "viewed"
  | "deadlineAdjusted"
  | "dueSoon"
  | "overdue"
  | "assigned"
  | "redirected"
  | "rated";
export type Visibility = "public" | "internal";

export type SubmittedCase = {
  id: string;
  reference: string;
  kind: string;
  bodyId: string;
  status: string;
  submittedAt: string;
  dueAt: string | null;
};

export function requireKind(id: string): AnyKind {
  const kind = getKind(id);
  if (!kind) throw new AppError("validation", { messageKey: "Cases.errors.unknownKind" });
  return kind;
}

/** Validates a payload with the kind's schema; field errors carry message keys. */
export function parsePayload(kind: AnyKind, payload: unknown): Record<string, unknown> {
  const parsed = kind.schema.safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data as Record<string, unknown>;
}

function casePath(reference: string): string {
  return `/my/cases/${reference}`;
}

function caseData(kind: AnyKind, c: Pick<CaseRow, "reference" | "status">, extra: Record<string, string> = {}): Record<string, string> {
  const state = stateOf(kind.machine, c.status);
  return { reference: c.reference, kindKey: kind.messages.name, statusKey: state?.label ?? "Cases.status.unknown", ...extra };
}

// ── Submit ────────────────────────────────────────────────────────────────────────────────

export type SubmitCaseOptions = {
  db: Db | Tx;
  kind: string;
  payload: unknown;
  citizen: Pick<Actor, "userId" | "role">;
  locale: Locale;
  /** The volunteer who guided the citizen in an assisted session (the citizen still confirms). */
  volunteerId?: string | null;
  /** An agent who filed it for a walk-in citizen at a service house (the case is still the citizen's). */
  filedBy?: { agentId: string; houseId: string | null } | null;
  now: Date;
};

/** Creates a case: validated payload, routed body, reference, first event, receipt notification. */
export async function submitCase(opts: SubmitCaseOptions): Promise<SubmittedCase> {
  if (opts.citizen.role !== "citizen") throw new AppError("forbidden", { messageKey: "Cases.errors.citizensOnly" });
  const kind = requireKind(opts.kind);
  const payload = parsePayload(kind, opts.payload);
  const route = kind.route(payload);
  const bodyId = route.bodyId;
  // The counter it was filed at wins over a house the payload names: that is where the citizen comes back.
  const houseId = opts.filedBy?.houseId ?? route.houseId ?? null;
  const initial = kind.machine.initial;
  const initialClock = stateOf(kind.machine, initial)!.clock;
  const deadline = computeDeadline({
    submittedAt: opts.now,
    initial: kind.deadline.initial(payload),
    ops: opsForStateChange(opts.now, "running", initialClock),
  });

  return opts.db.transaction(async (tx) => {
    let row: CaseRow | undefined;
    for (let attempt = 0; attempt < 8 && !row; attempt++) {
      const reference = generateReference({ year: localDateOf(opts.now).y });
      [row] = await tx
        .insert(cases)
        .values({
          reference,
          kind: kind.id,
          bodyId,
          houseId,
          status: initial,
          citizenId: opts.citizen.userId,
          volunteerId: opts.volunteerId ?? null,
          payload,
          locale: opts.locale,
          submittedAt: opts.now,
          dueAt: deadline.dueAt,
          clock: clockOf(deadline),
          updatedAt: opts.now,
          version: 1,
        })
        .onConflictDoNothing({ target: cases.reference })
        .returning();
    }
    if (!row) throw new AppError("unavailable");
    await tx.insert(caseEvents).values({
      caseId: row.id,
      seq: 1,
      at: opts.now,
      type: "submitted",
      visibility: "public",
      actorId: opts.citizen.userId,
      actorRole: opts.citizen.role,
      toStatus: initial,
      data: opts.volunteerId || opts.filedBy
        ? { ...(opts.volunteerId ? { assistedBy: opts.volunteerId } : {}), ...(opts.filedBy ? { filedBy: opts.filedBy.agentId, houseId: opts.filedBy.houseId } : {}) }
        : null,
    });
    await notify({ tx, userId: row.citizenId, type: "caseReceived", data: caseData(kind, row), link: casePath(row.reference), caseId: row.id, now: opts.now });
    return {
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      bodyId: row.bodyId,
      status: row.status,
      submittedAt: row.submittedAt.toISOString(),
      dueAt: row.dueAt?.toISOString() ?? null,
    };
  });
}

function clockOf(deadline: Deadline): Clock {
  return deadline.halted ? deadline.halted.why === "paused" ? "paused" : "stopped" : "running";
}

// ── Locked changes ────────────────────────────────────────────────────────────────────────

async function lockCase(tx: Tx, ref: CaseRef): Promise<CaseRow | undefined> {
  if ("id" in ref) {
    const [row] = await tx.select().from(cases).where(eq(cases.id, ref.id)).for("update");
    return row;
  }
  const reference = parseReference(ref.reference);
  if (!reference) return undefined;
  const [row] = await tx.select().from(cases).where(eq(cases.reference, reference)).for("update");
  return row;
}

type NewEvent = {
  type: EventType;
  visibility: Visibility;
  message?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  data?: Record<string, unknown> | null;
};

/** The deadline from the kind's rule and every event that moves it. */
export function deadlineOf(kind: AnyKind, c: Pick<CaseRow, "submittedAt" | "payload">, events: readonly Pick<CaseEventRow, "type" | "at" | "fromStatus" | "toStatus" | "data">[], now?: Date): Deadline {
  const clockOfState = (s: string | null) => (s ? stateOf(kind.machine, s)?.clock ?? "running" : "running");
  const ops: ClockOp[] = [...opsForStateChange(c.submittedAt, "running", clockOfState(kind.machine.initial))];
  for (const e of events) {
    if (e.type === "statusChanged") ops.push(...opsForStateChange(e.at, clockOfState(e.fromStatus), clockOfState(e.toStatus)));
    if (e.type === "deadlineAdjusted") {
      const name = String(e.data?.adjustment ?? "");
      const adj = kind.deadline.adjustments?.[name];
      if (adj) ops.push({ at: e.at, op: adj.op, allowance: adj.allowance });
    }
  }
  return computeDeadline({ submittedAt: c.submittedAt, initial: kind.deadline.initial(c.payload), ops, now });
}

async function appendEvents(tx: Tx, c: CaseRow, kind: AnyKind, actor: CaseActor, now: Date, events: NewEvent[], status?: string) {
  let seq = c.version;
  const rows = events.map((e) => ({
    caseId: c.id,
    seq: ++seq,
    at: now,
    type: e.type,
    visibility: e.visibility,
    actorId: actor.userId,
    actorRole: actor.role,
    actorBodyId: actor.role === "citizen" ? null : actor.bodyId,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    message: e.message ?? null,
    data: e.data ?? null,
  }));
  await tx.insert(caseEvents).values(rows);
  const movesDeadline = events.some((e) => e.type === "statusChanged" || e.type === "deadlineAdjusted");
  const patch: Partial<typeof cases.$inferInsert> = { version: seq, updatedAt: now };
  if (status !== undefined) {
    patch.status = status;
    patch.closedAt = stateOf(kind.machine, status)?.final ? now : null;
  }
  if (movesDeadline) {
    const history = await tx
      .select({ type: caseEvents.type, at: caseEvents.at, fromStatus: caseEvents.fromStatus, toStatus: caseEvents.toStatus, data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), inArray(caseEvents.type, ["statusChanged", "deadlineAdjusted"])))
      .orderBy(asc(caseEvents.seq));
    const deadline = deadlineOf(kind, c, history);
    patch.dueAt = deadline.dueAt;
    patch.clock = clockOf(deadline);
  }
  const [updated] = await tx.update(cases).set(patch).where(eq(cases.id, c.id)).returning();
  return updated!;
}

function notFoundCase(): AppError {
  return new AppError("notFound", { messageKey: "Cases.errors.notFound" });
}

async function auditStaff(tx: Tx, actor: CaseActor, action: string, c: CaseRow, detail: Record<string, unknown>, ip?: string | null) {
  if (actor.role === "citizen") return;
  await recordAudit(tx, actor, { action, subjectType: "case", subjectId: c.reference, detail: { kind: c.kind, bodyId: c.bodyId, ...detail } }, ip);
}

// ── History for guards ────────────────────────────────────────────────────────────────────

export type CaseHistory = GuardContext["history"];

export async function historyOf(db: Db | Tx, caseId: string): Promise<CaseHistory> {
  return db
    .select({ type: caseEvents.type, at: caseEvents.at, fromStatus: caseEvents.fromStatus, toStatus: caseEvents.toStatus, data: caseEvents.data })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), inArray(caseEvents.type, ["statusChanged", "deadlineAdjusted", "redirected"])))
    .orderBy(asc(caseEvents.seq));
}

export function guardContext(c: CaseRow, history: CaseHistory, now: Date): GuardContext {
  return { payload: c.payload, status: c.status, submittedAt: c.submittedAt, dueAt: c.dueAt, closedAt: c.closedAt, clock: c.clock, now, history };
}

// ── Transitions ───────────────────────────────────────────────────────────────────────────

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

/** Work that belongs to a change (e.g. its attachments), run inside the change's transaction once it is written. */
export type WithinTx = (tx: Tx, updated: CaseRow) => Promise<void>;

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

// ── Assignment ────────────────────────────────────────────────────────────────────────────

/**
 * "Assign to me": a staff member of the case's body takes it (or gives it back with `release`).
 * Kept on the case (the queue's "mine" filter), told in the timeline, audited.
 */
export async function assignCase(opts: { db: Db | Tx; case: CaseRef; actor: CaseActor; release?: boolean; now: Date; ip?: string | null }): Promise<CaseRow> {
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.case);
    if (!c || !canView(opts.actor, c)) throw notFoundCase();
    if (!isCaseStaff(opts.actor, c)) throw new AppError("forbidden");
    if (c.closedAt) throw new AppError("conflict", { messageKey: "Cases.errors.closed" });
    const assigneeId = opts.release ? null : opts.actor.userId;
    if (c.assigneeId === assigneeId) return c;
    await tx.update(cases).set({ assigneeId }).where(eq(cases.id, c.id));
    const updated = opts.release
      ? await tx.update(cases).set({ updatedAt: opts.now }).where(eq(cases.id, c.id)).returning().then((r) => r[0]!)
      : await appendEvents(tx, { ...c, assigneeId }, requireKind(c.kind), opts.actor, opts.now, [{ type: "assigned", visibility: "public" }]);
    await auditStaff(tx, opts.actor, opts.release ? "case.release" : "case.assign", c, {}, opts.ip);
    return updated;
  });
}
