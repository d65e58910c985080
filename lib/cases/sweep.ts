import "server-only";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { caseEvents, cases } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/enqueue";
import { deadlineStatusOf } from "./read";
import { getKind, listKinds } from "./kinds";
import { stateOf } from "./machine";

const SYSTEM = { userId: null, role: "system" } as const;

function allowanceMs(a: { days: number } | { hours: number }): number {
  return "days" in a ? a.days * 86_400_000 : a.hours * 3_600_000;
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
    const kind = getKind(candidate.kind);
    if (!kind) continue;
    const dueAt = candidate.dueAt!.toISOString();
    const done = await opts.db.transaction(async (tx) => {
      const [c] = await tx.select().from(cases).where(eq(cases.id, candidate.id)).for("update");
      if (!c || c.dueAt?.toISOString() !== dueAt) return false;
      const already = await tx
        .select({ data: caseEvents.data })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "dueSoon")));
      if (already.some((e) => e.data?.dueAt === dueAt)) return false;
      const seq = c.version + 1;
      await tx.insert(caseEvents).values({
        caseId: c.id,
        seq,
        at: opts.now,
        type: "dueSoon",
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
        type: "caseDueSoon",
        data: { reference: c.reference, kindKey: kind.messages.name, statusKey: state?.label ?? "Cases.status.unknown", dueAt },
        link: `/my/cases/${c.reference}`,
        caseId: c.id,
        now: opts.now,
      });
      return true;
    });
    if (done) marked++;
  }
  return marked;
}
