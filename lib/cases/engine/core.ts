import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/open";
import { caseEvents, cases } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { computeDeadline, opsForStateChange, type ClockOp, type Deadline } from "../deadline";
import type { AnyKind } from "../kind";
import { stateOf, type Clock, type GuardContext } from "../machine";
import { parseReference } from "../reference";

/**
 * What every verb of the engine shares: the locked read of a case, the writing of its events
 * (with the deadline recomputed from the whole timeline), the history guards read, the
 * notification's data and the staff audit.
 */

/**
 * houseId: an agent's service house (they follow the cases filed there; lib/cases/access.ts).
 * apiKeyId: a body's own system acting through the partner API (lib/partner-api) as the body's
 * staff: no person, so its events carry no actor id and its audit rows name the key.
 */
export type CaseActor = Pick<Actor, "userId" | "role" | "bodyId"> & { houseId?: string | null; apiKeyId?: string };
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
  | "rated"
  // Sent to "the municipality" and placed in one town's (an admin, or the 0018 migration): lib/municipalities.
  | "placed";
export type Visibility = "public" | "internal";

/** Work that belongs to a change (e.g. its attachments), run inside the change's transaction once it is written. */
export type WithinTx = (tx: Tx, updated: CaseRow) => Promise<void>;

export function casePath(reference: string): string {
  return `/my/cases/${reference}`;
}

export function caseData(kind: AnyKind, c: Pick<CaseRow, "reference" | "status">, extra: Record<string, string> = {}): Record<string, string> {
  const state = stateOf(kind.machine, c.status);
  return { reference: c.reference, kindKey: kind.messages.name, statusKey: state?.label ?? "Cases.status.unknown", ...extra };
}

export function clockOf(deadline: Deadline): Clock {
  return deadline.halted ? deadline.halted.why === "paused" ? "paused" : "stopped" : "running";
}

export async function lockCase(tx: Tx, ref: CaseRef): Promise<CaseRow | undefined> {
  if ("id" in ref) {
    const [row] = await tx.select().from(cases).where(eq(cases.id, ref.id)).for("update");
    return row;
  }
  const reference = parseReference(ref.reference);
  if (!reference) return undefined;
  const [row] = await tx.select().from(cases).where(eq(cases.reference, reference)).for("update");
  return row;
}

export type NewEvent = {
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

export async function appendEvents(tx: Tx, c: CaseRow, kind: AnyKind, actor: CaseActor, now: Date, events: NewEvent[], status?: string) {
  let seq = c.version;
  const rows = events.map((e) => ({
    caseId: c.id,
    seq: ++seq,
    at: now,
    type: e.type,
    visibility: e.visibility,
    actorId: actor.apiKeyId ? null : actor.userId,
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

export function notFoundCase(): AppError {
  return new AppError("notFound", { messageKey: "Cases.errors.notFound" });
}

export async function auditStaff(tx: Tx, actor: CaseActor, action: string, c: CaseRow, detail: Record<string, unknown>, ip?: string | null) {
  if (actor.role === "citizen") return;
  const via = actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {};
  await recordAudit(tx, actor.apiKeyId ? null : actor, { action, subjectType: "case", subjectId: c.reference, detail: { kind: c.kind, bodyId: c.bodyId, ...detail, ...via } }, ip);
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
