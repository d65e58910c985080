import "server-only";
import { and, desc, eq, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog, users } from "@/lib/db/schema";
import type { Db } from "@/lib/db/open";
import { parseLocalDate, startOfLocalDay, addDays } from "@/lib/clock/zone";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "./record";

/**
 * The audit log as administrators read it (issue 20: "every admin action audited, and an audit
 * page to read it"). Newest first, 50 a page, a keyset cursor on (at, id) so a page never
 * repeats or skips a row while new ones are written above it.
 */
export const AUDIT_PAGE_SIZE = 50;

/** The first segment of an action code ("case.reply" → "case"): the areas offered as a filter. */
export const auditAreas = ["auth", "account", "users", "case", "report", "interview", "walkIn", "guidance", "groupSession", "kiosk", "municipality", "permit", "push", "content", "apiKey", "webhook", "audit"] as const;

export const auditFilters = z.object({
  area: z.enum(auditAreas).optional().catch(undefined),
  /** An actor's or a subject's id, or a case reference: matched exactly. */
  subject: z.string().trim().max(80).optional().catch(undefined),
  /** Local days (Africa/Tunis), inclusive. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  /** The cursor: "<iso instant>_<uuid>" of the last row of the page before. */
  after: z.string().regex(/^[0-9TZ:.\-+]+_[0-9a-f-]{36}$/).optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  actorPhone: string | null;
  subjectType: string | null;
  subjectId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
};

function conditions(f: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (f.area) where.push(or(eq(auditLog.action, f.area), like(auditLog.action, `${f.area}.%`))!);
  if (f.subject) where.push(or(eq(auditLog.subjectId, f.subject), sql`${auditLog.actorId}::text = ${f.subject}`)!);
  const from = f.from ? parseLocalDate(f.from) : null;
  if (from) where.push(gte(auditLog.at, startOfLocalDay(from)));
  const to = f.to ? parseLocalDate(f.to) : null;
  if (to) where.push(lt(auditLog.at, startOfLocalDay(addDays(to, 1))));
  if (f.after) {
    const [iso, id] = f.after.split("_") as [string, string];
    const at = new Date(iso);
    if (!Number.isNaN(at.getTime())) where.push(or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, id)))!);
  }
  return where;
}

/** One page of the log, and the cursor of the next one (null on the last page). */
export async function listAudit(db: Db, filters: AuditFilters): Promise<{ rows: AuditRow[]; next: string | null }> {
  const where = conditions(filters);
  const found = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorId: auditLog.actorId,
      actorRole: auditLog.actorRole,
      actorName: users.name,
      actorPhone: users.phone,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      detail: auditLog.detail,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const rows = found.slice(0, AUDIT_PAGE_SIZE);
  const last = rows.at(-1);
  return { rows, next: found.length > AUDIT_PAGE_SIZE && last ? `${last.at.toISOString()}_${last.id}` : null };
}

/** A row's detail as short "key: value" pairs for the table (values cut, nested values as JSON). */
export function detailPairs(detail: Record<string, unknown> | null): [string, string][] {
  if (!detail) return [];
  return Object.entries(detail).map(([k, v]) => {
    const text = typeof v === "string" ? v : JSON.stringify(v);
    return [k, text.length > 120 ? `${text.slice(0, 119)}…` : text];
  });
}

/**
 * The page's read: administrators only (checked here too, not only by the page), and a filtered
 * read is itself written to the log — who looked for what.
 */
export async function readAuditLog(actor: Actor, filters: AuditFilters): Promise<{ rows: AuditRow[]; next: string | null }> {
  if (actor.role !== "admin") throw new AppError("forbidden");
  const { db } = await getDb();
  const page = await listAudit(db, filters);
  if (filters.area || filters.subject || filters.from || filters.to) {
    await recordAudit(db, actor, { action: "audit.read", detail: { area: filters.area ?? null, subject: filters.subject ?? null, from: filters.from ?? null, to: filters.to ?? null } });
  }
  return page;
}
