import "server-only";
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/open";
import { cases, reportModeration, reportSupporters, uploads } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { canView, isCaseStaff } from "@/lib/cases/access";
import { DUPLICATE_RADIUS_METRES } from "@/lib/cases/kinds/municipal-report/categories";
import { boundingBox, nearbyDuplicates, type Point } from "@/lib/cases/kinds/municipal-report/nearby";
import { parseReference } from "@/lib/cases/reference";
import { moderateUpload } from "@/lib/documents/uploads/save";
import { limitFiling } from "@/lib/outbox/submit";

const KIND = "municipal-report";
const lat = sql<number>`((${cases.payload} -> 'location' ->> 'lat')::double precision)`;
const lon = sql<number>`((${cases.payload} -> 'location' ->> 'lon')::double precision)`;

export type NearbyReport = { id: string; reference: string; category: string; status: string; submittedAt: Date; distance: number; supporters: number };

/**
 * "Is it one of these?": open reports of the same category within the radius (data: 100 m) of
 * a point. The bounding box narrows the rows in the database; the haversine decides.
 */
export async function findNearbyReports(opts: { db: Db | Tx; point: Point; category: string; radiusMetres?: number }): Promise<NearbyReport[]> {
  const radius = opts.radiusMetres ?? DUPLICATE_RADIUS_METRES;
  const box = boundingBox(opts.point, radius);
  const rows = await opts.db
    .select({ id: cases.id, reference: cases.reference, status: cases.status, submittedAt: cases.submittedAt, payload: cases.payload, lat, lon })
    .from(cases)
    .where(
      and(
        eq(cases.kind, KIND),
        isNull(cases.closedAt),
        sql`${cases.payload} ->> 'category' = ${opts.category}`,
        sql`${lat} between ${box.minLat} and ${box.maxLat}`,
        sql`${lon} between ${box.minLon} and ${box.maxLon}`,
      ),
    )
    .limit(200);
  const found = nearbyDuplicates({
    point: opts.point,
    category: opts.category,
    radiusMetres: radius,
    candidates: rows.map((r) => ({ ...r, category: String(r.payload.category), open: true, point: { lat: Number(r.lat), lon: Number(r.lon) } })),
  });
  const counts = await supporterCounts(opts.db, found.map((f) => f.id));
  return found.map((f) => ({ id: f.id, reference: f.reference, category: f.category, status: f.status, submittedAt: f.submittedAt, distance: Math.round(f.distance), supporters: counts.get(f.id) ?? 0 }));
}

/**
 * "Is it one of these?" for any way of giving the place: near the point (GPS, map), or — when
 * the citizen described the place — open reports of the same category in the same delegation.
 */
export async function findSimilarReports(opts: { db: Db | Tx; category: string; governorate: string; delegation: string; point: Point | null }): Promise<NearbyReport[]> {
  if (opts.point) return findNearbyReports({ db: opts.db, point: opts.point, category: opts.category });
  const rows = await opts.db
    .select({ id: cases.id, reference: cases.reference, status: cases.status, submittedAt: cases.submittedAt })
    .from(cases)
    .leftJoin(reportModeration, eq(reportModeration.caseId, cases.id))
    .where(
      and(
        eq(cases.kind, KIND),
        isNull(cases.closedAt),
        isNull(reportModeration.hiddenAt),
        sql`${cases.payload} ->> 'category' = ${opts.category}`,
        sql`${cases.payload} ->> 'governorate' = ${opts.governorate}`,
        sql`${cases.payload} ->> 'delegation' = ${opts.delegation}`,
      ),
    )
    .orderBy(desc(cases.submittedAt))
    .limit(5);
  const counts = await supporterCounts(opts.db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, category: opts.category, distance: -1, supporters: counts.get(r.id) ?? 0 }));
}

/** Joining counts like filing: per citizen and per address (lib/rate-limit). */
export const JOIN_LIMIT = { perCitizen: { limit: 20, windowSeconds: 3600 }, perIp: { limit: 240, windowSeconds: 3600 } } as const;

async function supporterCounts(db: Db | Tx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ caseId: reportSupporters.caseId, n: count() }).from(reportSupporters).where(inArray(reportSupporters.caseId, ids)).groupBy(reportSupporters.caseId);
  return new Map(rows.map((r) => [r.caseId, Number(r.n)]));
}

/** "It is this one": the citizen is counted among the people affected (once), instead of sending a new report. */
export async function joinReport(opts: { db: Db | Tx; reference: string; citizen: Pick<Actor, "userId" | "role">; now: Date; ip?: string | null }): Promise<{ reference: string; affected: number }> {
  if (opts.citizen.role !== "citizen") throw new AppError("forbidden");
  await limitFiling(opts.db, "report:join", JOIN_LIMIT, { actor: opts.citizen, now: opts.now, ip: opts.ip });
  const reference = parseReference(opts.reference);
  if (!reference) throw new AppError("notFound");
  const [row] = await opts.db.select().from(cases).where(and(eq(cases.reference, reference), eq(cases.kind, KIND), isNull(cases.closedAt)));
  if (!row) throw new AppError("notFound");
  if (row.citizenId !== opts.citizen.userId) {
    await opts.db.insert(reportSupporters).values({ caseId: row.id, userId: opts.citizen.userId, at: opts.now }).onConflictDoNothing();
  }
  const counts = await supporterCounts(opts.db, [row.id]);
  return { reference: row.reference, affected: 1 + (counts.get(row.id) ?? 0) };
}

/** How many people a report concerns: its author and those who joined it (for the body's queue and case page). */
export async function affectedCount(opts: { db: Db | Tx; caseId: string }): Promise<number> {
  return 1 + ((await supporterCounts(opts.db, [opts.caseId])).get(opts.caseId) ?? 0);
}

export type PublicReport = {
  reference: string;
  category: string;
  governorate: string;
  delegation: string;
  status: string;
  submittedAt: Date;
  updatedAt: Date;
  closed: boolean;
  affected: number;
  /** Only once moderation approved it. */
  description: string | null;
  place: string | null;
  photoIds: string[];
};

/**
 * The public list: never a name, never the citizen's own words or photos before moderation,
 * never a hidden or abusive report. Filterable by delegation and open/closed.
 */
export async function listPublicReports(opts: { db: Db | Tx; governorate?: string | null; delegation?: string | null; status?: "open" | "closed" | null; reference?: string | null; page?: number; pageSize?: number }) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 50);
  const page = Math.max(opts.page ?? 1, 1);
  const conditions: SQL[] = [eq(cases.kind, KIND), isNull(reportModeration.hiddenAt), sql`${cases.status} <> 'withdrawn'`];
  if (opts.governorate) conditions.push(sql`${cases.payload} ->> 'governorate' = ${opts.governorate}`);
  if (opts.delegation) conditions.push(sql`${cases.payload} ->> 'delegation' = ${opts.delegation}`);
  if (opts.reference != null) conditions.push(eq(cases.reference, parseReference(opts.reference ?? "") ?? "-"));
  if (opts.status === "open") conditions.push(isNull(cases.closedAt));
  if (opts.status === "closed") conditions.push(sql`${cases.closedAt} is not null`);
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    opts.db
      .select({ c: cases, approvedAt: reportModeration.approvedAt })
      .from(cases)
      .leftJoin(reportModeration, eq(reportModeration.caseId, cases.id))
      .where(where)
      .orderBy(desc(cases.submittedAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    opts.db.select({ n: count() }).from(cases).leftJoin(reportModeration, eq(reportModeration.caseId, cases.id)).where(where),
  ]);
  const ids = rows.map((r) => r.c.id);
  const counts = await supporterCounts(opts.db, ids);
  const photos = ids.length
    ? await opts.db
        .select({ id: uploads.id, caseId: uploads.caseId })
        .from(uploads)
        .where(and(inArray(uploads.caseId, ids), sql`${uploads.publicAt} is not null`, isNull(uploads.hiddenAt), isNull(uploads.removedAt), eq(uploads.visibility, "public")))
    : [];
  const items: PublicReport[] = rows.map(({ c, approvedAt }) => {
    const p = c.payload as { category?: string; governorate?: string; delegation?: string; description?: string; location?: { place?: string } };
    return {
      reference: c.reference,
      category: String(p.category ?? ""),
      governorate: String(p.governorate ?? ""),
      delegation: String(p.delegation ?? ""),
      status: c.status,
      submittedAt: c.submittedAt,
      updatedAt: c.updatedAt,
      closed: c.closedAt !== null,
      affected: 1 + (counts.get(c.id) ?? 0),
      description: approvedAt ? String(p.description ?? "") : null,
      place: approvedAt ? (p.location?.place ?? null) : null,
      photoIds: approvedAt ? photos.filter((ph) => ph.caseId === c.id).map((ph) => ph.id) : [],
    };
  });
  return { items, total: Number(total?.n ?? 0), page, pageSize };
}

/** The places (governorate, delegation) that have reports, for the filter. */
export async function reportDelegations(opts: { db: Db | Tx }): Promise<{ governorate: string; delegation: string }[]> {
  const rows = await opts.db
    .selectDistinct({ g: sql<string>`${cases.payload} ->> 'governorate'`, d: sql<string>`${cases.payload} ->> 'delegation'` })
    .from(cases)
    .where(eq(cases.kind, KIND));
  return rows.filter((r) => r.g && r.d).map((r) => ({ governorate: r.g, delegation: r.d }));
}

export type ModerationDecision = { action: "approve" } | { action: "hide"; reason: string; abusive: boolean } | { action: "restore" };

/** Staff of the municipality approve a report (its words and photos become public), or hide it with a reason. Audited. */
export async function moderateReport(opts: { db: Db; reference: string; actor: Actor; decision: ModerationDecision; now: Date; ip?: string | null }): Promise<void> {
  const reference = parseReference(opts.reference);
  if (!reference) throw new AppError("notFound");
  if (opts.decision.action === "hide" && !opts.decision.reason.trim()) throw new AppError("validation", { fields: { reason: "PublicReports.errors.reasonRequired" } });
  await opts.db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(and(eq(cases.reference, reference), eq(cases.kind, KIND)));
    if (!c || !canView(opts.actor, c) || !isCaseStaff(opts.actor, c)) throw new AppError("notFound");
    const d = opts.decision;
    const values =
      d.action === "approve"
        ? { approvedAt: opts.now, hiddenAt: null, abusive: false, reason: null }
        : d.action === "hide"
          ? { approvedAt: null, hiddenAt: opts.now, abusive: d.abusive, reason: d.reason.trim() }
          : { approvedAt: null, hiddenAt: null, abusive: false, reason: null };
    await tx
      .insert(reportModeration)
      .values({ caseId: c.id, ...values, decidedBy: opts.actor.userId, decidedAt: opts.now })
      .onConflictDoUpdate({ target: reportModeration.caseId, set: { ...values, decidedBy: opts.actor.userId, decidedAt: opts.now } });
    // The report's photos follow its publication.
    await tx
      .update(uploads)
      .set(d.action === "approve" ? { publicAt: opts.now, hiddenAt: null, hiddenReason: null } : { publicAt: null, hiddenAt: d.action === "hide" ? opts.now : null, hiddenReason: d.action === "hide" ? d.reason.trim() : null, hiddenBy: opts.actor.userId })
      .where(and(eq(uploads.caseId, c.id), eq(uploads.visibility, "public")));
    await recordAudit(tx, opts.actor, { action: `report.moderate.${d.action}`, subjectType: "case", subjectId: c.reference, detail: d.action === "hide" ? { reason: d.reason, abusive: d.abusive } : {} }, opts.ip ?? null);
  });
}

/** One photo of a report hidden from the public (or shown again), with its reason. Staff of the report's body; audited. */
export async function moderateReportPhoto(opts: { db: Db; reference: string; uploadId: string; actor: Actor; decision: { action: "hide"; reason: string } | { action: "approve" }; now: Date; ip?: string | null }): Promise<void> {
  const reference = parseReference(opts.reference);
  if (!reference) throw new AppError("notFound");
  const d = opts.decision;
  if (d.action === "hide" && !d.reason.trim()) throw new AppError("validation", { fields: { reason: "PublicReports.errors.reasonRequired" } });
  await opts.db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(and(eq(cases.reference, reference), eq(cases.kind, KIND)));
    if (!c || !canView(opts.actor, c) || !isCaseStaff(opts.actor, c)) throw new AppError("notFound");
    const [photo] = await tx.select({ id: uploads.id }).from(uploads).where(and(eq(uploads.id, opts.uploadId), eq(uploads.caseId, c.id)));
    if (!photo) throw new AppError("notFound");
    await moderateUpload({ db: tx, id: photo.id, by: opts.actor.userId, decision: d.action === "hide" ? { hide: d.reason.trim() } : { approve: true }, now: opts.now });
    await recordAudit(tx, opts.actor, { action: `report.photo.${d.action}`, subjectType: "upload", subjectId: photo.id, detail: { reference: c.reference, ...(d.action === "hide" ? { reason: d.reason } : {}) } }, opts.ip ?? null);
  });
}

/** A report's photos for its staff page, with their moderation. */
export async function reportPhotos(opts: { db: Db | Tx; caseId: string }) {
  return opts.db
    .select({ id: uploads.id, width: uploads.width, height: uploads.height, publicAt: uploads.publicAt, hiddenAt: uploads.hiddenAt, hiddenReason: uploads.hiddenReason, location: uploads.location })
    .from(uploads)
    .where(and(eq(uploads.caseId, opts.caseId), isNull(uploads.removedAt), eq(uploads.visibility, "public")));
}
