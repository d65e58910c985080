import "server-only";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/open";
import { cases, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { GENERIC_MUNICIPALITY, isMunicipalityBody } from "@/lib/municipalities/municipalities";
import { appendEvents, lockCase, notFoundCase, type CaseActor, type CaseRow } from "./core";
import { requireKind } from "./payload";

/**
 * What is still on "the municipality" in general: cases sent before each town had its own
 * office, whose place did not say which town (the 0018 migration placed the others), and the
 * accounts of municipal staff without a town. An admin places each (staff/admin/municipalities).
 */
export async function listUnplaced(db: Db | Tx, limit = 200) {
  const [caseRows, [total], accounts] = await Promise.all([
    db.select().from(cases).where(eq(cases.bodyId, GENERIC_MUNICIPALITY)).orderBy(asc(cases.submittedAt)).limit(limit),
    db.select({ n: count() }).from(cases).where(eq(cases.bodyId, GENERIC_MUNICIPALITY)),
    db
      .select({ id: users.id, name: users.name, phone: users.phone, role: users.role, houseId: users.houseId })
      .from(users)
      .where(and(eq(users.bodyId, GENERIC_MUNICIPALITY), inArray(users.role, ["agent", "official"])))
      .orderBy(asc(users.createdAt)),
  ]);
  return { cases: caseRows, totalCases: Number(total?.n ?? 0), accounts };
}

function requireAdmin(actor: CaseActor): void {
  if (actor.role !== "admin") throw new AppError("forbidden");
}

function requireMunicipality(id: string): void {
  if (!isMunicipalityBody(id)) throw new AppError("validation", { fields: { municipalityId: "Municipalities.errors.unknown" } });
}

/** An admin moves a case from "the municipality" to one town's: written in its timeline, audited. */
export async function placeCaseInMunicipality(opts: { db: Db | Tx; actor: CaseActor; reference: string; municipalityId: string; now: Date; ip?: string | null }): Promise<CaseRow> {
  requireAdmin(opts.actor);
  requireMunicipality(opts.municipalityId);
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, { reference: opts.reference });
    if (!c) throw notFoundCase();
    // Placed meanwhile (another admin, a second press): nothing moves twice.
    if (c.bodyId !== GENERIC_MUNICIPALITY) throw new AppError("conflict", { messageKey: "Municipalities.errors.notToPlace" });
    await tx.update(cases).set({ bodyId: opts.municipalityId }).where(eq(cases.id, c.id));
    const updated = await appendEvents(tx, { ...c, bodyId: opts.municipalityId }, requireKind(c.kind), opts.actor, opts.now, [
      { type: "placed", visibility: "public", data: { fromBodyId: GENERIC_MUNICIPALITY, toBodyId: opts.municipalityId, by: "admin" } },
    ]);
    await recordAudit(tx, opts.actor, { action: "municipality.placeCase", subjectType: "case", subjectId: c.reference, detail: { kind: c.kind, from: GENERIC_MUNICIPALITY, to: opts.municipalityId } }, opts.ip);
    return updated;
  });
}

/** An admin gives a municipal account without a town its municipality: audited. */
export async function placeAccountInMunicipality(opts: { db: Db | Tx; actor: CaseActor; userId: string; municipalityId: string; ip?: string | null }): Promise<void> {
  requireAdmin(opts.actor);
  requireMunicipality(opts.municipalityId);
  await opts.db.transaction(async (tx) => {
    const [moved] = await tx
      .update(users)
      .set({ bodyId: opts.municipalityId })
      .where(and(eq(users.id, opts.userId), eq(users.bodyId, GENERIC_MUNICIPALITY)))
      .returning({ id: users.id });
    if (!moved) throw new AppError("conflict", { messageKey: "Municipalities.errors.notToPlace" });
    await recordAudit(tx, opts.actor, { action: "municipality.placeAccount", subjectType: "user", subjectId: opts.userId, detail: { from: GENERIC_MUNICIPALITY, to: opts.municipalityId } }, opts.ip);
  });
}
