import "server-only";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { caseEvents, cases } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/enqueue";
import type { NotificationType } from "@/lib/notifications/types";
import { deadlineStatusOf } from "./read";
import { getKind, listKinds } from "./kinds";
import { stateOf } from "./machine";

const SYSTEM = { userId: null, role: "system" } as const;

function allowanceMs(a: { days: number } | { hours: number }): number {
  return "days" in a ? a.days * 86_400_000 : a.hours * 3_600_000;
}

type CaseRow = typeof cases.$inferSelect;

/**
 * Writes one system event of `type` for the case's current deadline and notifies the citizen, in
 * one transaction with the case row locked. Nothing is written when an event of that type already
 * names this deadline, or when the deadline moved since the candidate was read: running the sweep
 * twice (or on two instances at once) marks a case once.
 */
async function markOnce(db: Db, candidate: CaseRow, type: "dueSoon" | "overdue", notification: NotificationType, now: Date): Promise<boolean> {
  const kind = getKind(candidate.kind);
  if (!kind || !candidate.dueAt) return false;
  const dueAt = candidate.dueAt.toISOString();
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.id, candidate.id)).for("update");
    if (!c || c.closedAt || c.dueAt?.toISOString() !== dueAt) return false;
    const already = await tx
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, type)));
    if (already.some((e) => e.data?.dueAt === dueAt)) return false;
    const seq = c.version + 1;
    await tx.insert(caseEvents).values({
      caseId: c.id,
      seq,
      at: now,
      type,
      visibility: "public",
      actorId: SYSTEM.userId,
      actorRole: SYSTEM.role,
      data: { dueAt },
    });
    await tx.update(cases).set({ version: seq }).where(eq(cases.id, c.id));
    const state = stateOf(kind.machine, c.status);
    await notify({
      tx,
      userId: c.citizenId,
      type: notification,
      data: { reference: c.reference, kindKey: kind.messages.name, statusKey: state?.label ?? "Cases.status.unknown", dueAt },
      link: `/my/cases/${c.reference}`,
      caseId: c.id,
      now,
    });
    return true;
  });
}

/**
 * Marks cases whose deadline is near ("due soon") once per deadline: a public timeline event and a
 * notification to the citizen, in one transaction per case. Run by the dispatcher's timer.
 */
export async function sweepDueSoon(opts: { db: Db; now: Date }): Promise<number> {
  const horizon = Math.max(0, ...listKinds().map((k) => allowanceMs(k.deadline.dueSoon)));
  const candidates = await opts.db
    .select()
    .from(cases)
    .where(and(eq(cases.clock, "running"), isNull(cases.closedAt), gt(cases.dueAt, opts.now), lte(cases.dueAt, new Date(opts.now.getTime() + horizon))));
  let marked = 0;
  for (const candidate of candidates) {
    if (deadlineStatusOf(candidate, opts.now) !== "dueSoon") continue;
    if (await markOnce(opts.db, candidate, "dueSoon", "caseDueSoon", opts.now)) marked++;
  }
  return marked;
}

/**
 * Marks open cases whose deadline has passed with the clock running ("overdue"), once per
 * deadline: a public timeline event and the `caseOverdue` notification (the citizen may now
 * escalate). A deadline moved later (an extension) and passed again is marked again.
 */
export async function sweepOverdue(opts: { db: Db; now: Date; limit?: number }): Promise<number> {
  const candidates = await opts.db
    .select()
    .from(cases)
    .where(and(eq(cases.clock, "running"), isNull(cases.closedAt), lte(cases.dueAt, opts.now)))
    .limit(opts.limit ?? 500);
  let marked = 0;
  for (const candidate of candidates) {
    if (await markOnce(opts.db, candidate, "overdue", "caseOverdue", opts.now)) marked++;
  }
  return marked;
}
