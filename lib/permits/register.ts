import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { cases } from "@/lib/db/schema";
import { PERMIT_DECISIONS, type PermitDecision } from "@/lib/cases/kinds/permit/schema";

/**
 * The public register of decided building permits (issue 17), as municipalities publish on
 * paper: reference, address area, decision, date — read from the case row, never a name, an
 * address line or a document.
 */
export type RegisterEntry = { reference: string; bodyId: string; addressArea: string; decision: PermitDecision; decidedAt: Date };

export async function permitRegister(opts: { bodyId: string | null; limit?: number }): Promise<{ entries: RegisterEntry[]; counts: { bodyId: string; n: number }[] }> {
  const { db } = await getDb();
  const decided = and(eq(cases.kind, "permit"), inArray(cases.status, [...PERMIT_DECISIONS]));
  const rows = await db
    .select({ reference: cases.reference, bodyId: cases.bodyId, addressArea: sql<string>`${cases.payload}->>'addressArea'`, status: cases.status, closedAt: cases.closedAt })
    .from(cases)
    .where(opts.bodyId ? and(decided, eq(cases.bodyId, opts.bodyId)) : decided)
    .orderBy(desc(cases.closedAt))
    .limit(opts.limit ?? 200);
  const counts = await db.select({ bodyId: cases.bodyId, n: sql<number>`count(*)::int` }).from(cases).where(decided).groupBy(cases.bodyId);
  return {
    entries: rows.map((r) => ({ reference: r.reference, bodyId: r.bodyId, addressArea: r.addressArea ?? "", decision: r.status as PermitDecision, decidedAt: r.closedAt ?? new Date(0) })),
    counts,
  };
}
