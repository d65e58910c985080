import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { isCaseStaff } from "@/lib/cases/access";
import { transitionCase, type CaseActor } from "@/lib/cases/engine";
import { lockCase } from "@/lib/cases/engine/core";
import { parseLocalDate, zonedToUtc } from "@/lib/clock/zone";
import { getDb } from "@/lib/db/client";
import { permitCommissions, permitOpinions, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { OPINIONS } from "./forms";

/**
 * The municipality's technical commission on a permit (issue 17): a session (its date, its members
 * — staff users of the municipality) and each member's opinion. Convening moves the file to
 * "commission"; every write is audited in its own transaction. The members meet remotely in the
 * session's call room (commission-room.ts, lib/calls).
 */
const notFound = () => new AppError("notFound", { messageKey: "Cases.errors.notFound" });

/** Staff who may sit on the municipality's commission: its agents and officials. */
export async function commissionCandidates(bodyId: string) {
  const { db } = await getDb();
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.bodyId, bodyId), inArray(users.role, ["agent", "official"])))
    .orderBy(asc(users.name))
    .limit(50);
}

/** "YYYY-MM-DDTHH:MM" read as Tunis wall time. */
export function meetingInstant(value: string): Date | null {
  const [d, t] = value.split("T");
  const date = d ? parseLocalDate(d) : null;
  const m = t ? /^(\d{2}):(\d{2})$/.exec(t) : null;
  if (!date || !m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return zonedToUtc(date, Number(m[1]) * 60 + Number(m[2]));
}

export async function recordCommission(opts: { actor: CaseActor; reference: string; meetsAt: string; members: string[]; now: Date; ip: string | null }) {
  const meetsAt = meetingInstant(opts.meetsAt);
  if (!meetsAt) throw new AppError("validation", { fields: { meetsAt: "Permits.errors.meetsAt" } });
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockCase(tx, { reference: opts.reference });
    if (!c || c.kind !== "permit" || !isCaseStaff(opts.actor, c)) throw notFound();
    if (c.status !== "underReview" && c.status !== "commission") throw new AppError("conflict", { messageKey: "Permits.errors.notUnderReview" });
    const members = [...new Set(opts.members)];
    const valid = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, members), eq(users.bodyId, c.bodyId), inArray(users.role, ["agent", "official"])));
    if (valid.length !== members.length || members.length < 2) throw new AppError("validation", { fields: { members: "Permits.errors.members" } });
    const [session] = await tx.insert(permitCommissions).values({ caseId: c.id, meetsAt, memberIds: members, createdBy: opts.actor.userId, createdAt: opts.now }).returning();
    await recordAudit(tx, opts.actor, { action: "permit.commission", subjectType: "case", subjectId: c.reference, detail: { kind: c.kind, bodyId: c.bodyId, commission: session!.id, meetsAt: meetsAt.toISOString(), members } }, opts.ip);
    if (c.status === "underReview") await transitionCase({ db: tx, case: { id: c.id }, to: "commission", actor: opts.actor, now: opts.now, ip: opts.ip });
    return session!;
  });
}

export async function recordOpinion(opts: { actor: CaseActor; reference: string; commissionId: string; opinion: (typeof OPINIONS)[number]; remarks: string; now: Date; ip: string | null }) {
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockCase(tx, { reference: opts.reference });
    if (!c || c.kind !== "permit" || !isCaseStaff(opts.actor, c)) throw notFound();
    if (c.status !== "commission") throw new AppError("conflict", { messageKey: "Permits.errors.notInCommission" });
    const [session] = await tx.select().from(permitCommissions).where(and(eq(permitCommissions.id, opts.commissionId), eq(permitCommissions.caseId, c.id)));
    if (!session) throw notFound();
    // Only a member speaks for themself.
    if (!session.memberIds.includes(opts.actor.userId)) throw new AppError("forbidden", { messageKey: "Permits.errors.notAMember" });
    await tx
      .insert(permitOpinions)
      .values({ commissionId: session.id, memberId: opts.actor.userId, opinion: opts.opinion, remarks: opts.remarks, at: opts.now })
      .onConflictDoUpdate({ target: [permitOpinions.commissionId, permitOpinions.memberId], set: { opinion: opts.opinion, remarks: opts.remarks, at: opts.now } });
    await recordAudit(tx, opts.actor, { action: "permit.opinion", subjectType: "case", subjectId: c.reference, detail: { kind: c.kind, bodyId: c.bodyId, commission: session.id, opinion: opts.opinion } }, opts.ip);
  });
}

export type CommissionView = {
  id: string;
  meetsAt: Date;
  members: { id: string; name: string | null; opinion: string | null; remarks: string; at: Date | null }[];
};

/** The sessions of a case, latest last, with each member's opinion (staff pages only). */
export async function commissionsOfCase(caseId: string): Promise<CommissionView[]> {
  const { db } = await getDb();
  const sessions = await db.select().from(permitCommissions).where(eq(permitCommissions.caseId, caseId)).orderBy(asc(permitCommissions.createdAt));
  if (!sessions.length) return [];
  const ids = [...new Set(sessions.flatMap((s) => s.memberIds))];
  const names = new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]));
  const opinions = await db.select().from(permitOpinions).where(inArray(permitOpinions.commissionId, sessions.map((s) => s.id)));
  return sessions.map((s) => ({
    id: s.id,
    meetsAt: s.meetsAt,
    members: s.memberIds.map((m) => {
      const o = opinions.find((x) => x.commissionId === s.id && x.memberId === m);
      return { id: m, name: names.get(m) ?? null, opinion: o?.opinion ?? null, remarks: o?.remarks ?? "", at: o?.at ?? null };
    }),
  }));
}
