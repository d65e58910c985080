import "server-only";
import { auditLog } from "@/lib/db/schema";
import type { Db, Tx } from "@/lib/db/open";
import type { Actor } from "@/lib/auth/roles";

export type AuditEntry = {
  action: string;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
};

/** Writes one audit row, in the caller's transaction when given one. */
export async function recordAudit(db: Db | Tx, actor: Pick<Actor, "userId" | "role"> | null, entry: AuditEntry, ip?: string | null): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? null,
    ip: ip ?? null,
  });
}
