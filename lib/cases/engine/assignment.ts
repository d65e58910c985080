import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { cases } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { canView, isCaseStaff } from "../access";
import { appendEvents, auditStaff, lockCase, notFoundCase, type CaseActor, type CaseRef, type CaseRow } from "./core";
import { requireKind } from "./payload";

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
