import "server-only";
import { and, desc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { guidanceSessions } from "@/lib/db/schema";

/**
 * Whether a volunteer is guiding this citizen right now: the session they consented to, not ended,
 * not expired (lib/assisted/guidance.ts opens and ends them). In the kernel because filing
 * (lib/outbox/submit.ts) records who helped, and the engine never imports a domain.
 */
export type ActiveGuidance = typeof guidanceSessions.$inferSelect;

export async function activeGuidanceFor(db: Db | Tx, citizenId: string, now: Date): Promise<ActiveGuidance | null> {
  const [s] = await db
    .select()
    .from(guidanceSessions)
    .where(and(eq(guidanceSessions.citizenId, citizenId), isNotNull(guidanceSessions.consentedAt), isNull(guidanceSessions.endedAt), gt(guidanceSessions.expiresAt, now)))
    .orderBy(desc(guidanceSessions.consentedAt))
    .limit(1);
  return s ?? null;
}

/** What a filing made while a session runs records: the volunteer and the house (the citizen filed it). */
export async function guidedFiling(db: Db | Tx, citizenId: string, now: Date): Promise<{ volunteerId: string; houseId: string | null; sessionId: string } | null> {
  const s = await activeGuidanceFor(db, citizenId, now);
  return s ? { volunteerId: s.volunteerId, houseId: s.houseId, sessionId: s.id } : null;
}
