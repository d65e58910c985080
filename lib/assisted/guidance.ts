import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, gte, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { generateCode } from "@/lib/auth/otp";
import { normalisePhone, phoneErrorKey } from "@/lib/auth/phone";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/open";
import { getDb } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { caseEvents, cases, guidanceSessions, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { consume, minutesOf } from "@/lib/rate-limit";
import { journeyOf, type StepKey } from "./guidance-steps";
import { activeGuidanceFor } from "@/lib/auth/guided";

export { activeGuidanceFor };

/**
 * Guidance sessions (issue 18): a volunteer guides a citizen who drives Idarti signed in as
 * themselves. Built on the walk-in's phone proof (lib/assisted/walk-in.ts): the citizen types their
 * phone, a code goes to it by SMS (only its HMAC is kept), and typing it on the consent screen is
 * their consent. Until then, and after the end or the expiry, the volunteer sees nothing of them.
 * The volunteer never acts (lib/assisted/volunteer-refusal.ts); what the citizen files during the
 * session records the volunteer and the house (lib/auth/guided.ts, read by lib/outbox/submit.ts).
 * Time, database, secret and SMS delivery are parameters; every step is audited.
 */
export const GUIDANCE = { codeTtlSeconds: 600, maxTries: 5, sessionMinutes: 120 } as const;
const SENDS_PER_VOLUNTEER = { limit: 30, windowSeconds: 3600 };
const SENDS_PER_PHONE = { limit: 3, windowSeconds: 900 };

export type GuidanceContext = { db: Db; now: Date; secret: string; ip?: string | null };
type Volunteer = Pick<Actor, "userId" | "role" | "houseId">;
export type GuidanceSession = typeof guidanceSessions.$inferSelect;
export type GuidanceState = "awaitingConsent" | "active" | "ended" | "expired";

export function guidanceCodeHash(secret: string, sessionId: string, phone: string, code: string): string {
  return createHmac("sha256", secret).update(`guidance.v1\0${sessionId}\0${phone}\0${code}`).digest("hex");
}

function requireVolunteer(actor: Pick<Actor, "role">) {
  if (actor.role !== "volunteer") throw new AppError("forbidden");
}

export function guidanceState(s: GuidanceSession, now: Date): GuidanceState {
  if (s.endedAt) return "ended";
  const live = s.expiresAt.getTime() > now.getTime();
  if (!s.consentedAt) return live && s.tries < GUIDANCE.maxTries ? "awaitingConsent" : "expired";
  return live ? "active" : "expired";
}

export async function startGuidance(
  ctx: GuidanceContext,
  opts: { volunteer: Volunteer; phone: string; deliver: (m: { to: string; code: string; locale: Locale }) => Promise<void> },
): Promise<{ sessionId: string }> {
  requireVolunteer(opts.volunteer);
  const parsed = normalisePhone(opts.phone);
  if (!parsed.ok) throw new AppError("validation", { fields: { phone: phoneErrorKey[parsed.reason] } });
  const phone = parsed.e164;
  for (const rule of [
    { key: `guidance:send:volunteer:${opts.volunteer.userId}`, ...SENDS_PER_VOLUNTEER },
    { key: `guidance:send:phone:${phone}`, ...SENDS_PER_PHONE },
  ]) {
    const r = await consume({ ...rule, db: ctx.db, now: ctx.now });
    if (!r.ok) throw new AppError("rateLimited", { messageKey: "Guidance.errors.tooManyCodes", values: { minutes: minutesOf(r.retryAfterSeconds) } });
  }
  const [known] = await ctx.db.select({ id: users.id, role: users.role, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(eq(users.phone, phone));
  if (known && (known.role !== "citizen" || known.disabledAt)) throw new AppError("validation", { fields: { phone: "Guidance.errors.notACitizen" } });
  const code = generateCode();
  const id = crypto.randomUUID();
  await ctx.db.insert(guidanceSessions).values({
    id,
    volunteerId: opts.volunteer.userId,
    houseId: opts.volunteer.houseId ?? null,
    phone,
    citizenId: known?.id ?? null,
    codeHash: guidanceCodeHash(ctx.secret, id, phone, code),
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + GUIDANCE.codeTtlSeconds * 1000),
  });
  await recordAudit(ctx.db, opts.volunteer, { action: "guidance.start", subjectType: "guidance", subjectId: id, detail: { houseId: opts.volunteer.houseId ?? null, knownCitizen: Boolean(known) } }, ctx.ip);
  try {
    await opts.deliver({ to: phone, code, locale: known && isLocale(known.locale) ? known.locale : defaultLocale });
  } catch (error) {
    await ctx.db.update(guidanceSessions).set({ expiresAt: ctx.now }).where(eq(guidanceSessions.id, id));
    throw error;
  }
  return { sessionId: id };
}

export type ConsentResult = { ok: true } | { ok: false; reason: "wrong"; triesLeft: number } | { ok: false; reason: "expired" | "exhausted" };

/**
 * The citizen's consent: the code sent to their phone, typed on the consent screen. A right code
 * ties the session to the citizen (an account is made if they have none) and starts its clock.
 */
export async function consentGuidance(ctx: GuidanceContext, opts: { volunteer: Volunteer; sessionId: string; code: string }): Promise<ConsentResult> {
  requireVolunteer(opts.volunteer);
  const code = opts.code.replace(/\s/g, "");
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(guidanceSessions).where(and(eq(guidanceSessions.id, opts.sessionId), eq(guidanceSessions.volunteerId, opts.volunteer.userId))).for("update");
    if (!s) throw new AppError("notFound");
    if (s.consentedAt) return guidanceState(s, ctx.now) === "active" ? ({ ok: true } as const) : ({ ok: false, reason: "expired" } as const);
    if (s.endedAt || s.expiresAt.getTime() <= ctx.now.getTime()) return { ok: false, reason: "expired" } as const;
    if (s.tries >= GUIDANCE.maxTries) return { ok: false, reason: "exhausted" } as const;
    await tx.update(guidanceSessions).set({ tries: sql`${guidanceSessions.tries} + 1` }).where(eq(guidanceSessions.id, s.id));
    const expected = Buffer.from(s.codeHash, "hex");
    const given = Buffer.from(guidanceCodeHash(ctx.secret, s.id, s.phone, code), "hex");
    if (!/^\d{6}$/.test(code) || !timingSafeEqual(expected, given)) {
      const triesLeft = GUIDANCE.maxTries - s.tries - 1;
      await recordAudit(tx, opts.volunteer, { action: "guidance.consent.wrong", subjectType: "guidance", subjectId: s.id, detail: { triesLeft } }, ctx.ip);
      return triesLeft > 0 ? ({ ok: false, reason: "wrong", triesLeft } as const) : ({ ok: false, reason: "exhausted" } as const);
    }
    await tx.insert(users).values({ phone: s.phone, locale: defaultLocale, createdAt: ctx.now }).onConflictDoNothing({ target: users.phone });
    const [citizen] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.phone, s.phone));
    if (!citizen || citizen.role !== "citizen") throw new AppError("forbidden");
    // One running session per citizen: a new consent ends the one before.
    await tx
      .update(guidanceSessions)
      .set({ endedAt: ctx.now, endedBy: "replaced" })
      .where(and(eq(guidanceSessions.citizenId, citizen.id), isNotNull(guidanceSessions.consentedAt), isNull(guidanceSessions.endedAt), gt(guidanceSessions.expiresAt, ctx.now)));
    await tx
      .update(guidanceSessions)
      .set({ consentedAt: ctx.now, citizenId: citizen.id, expiresAt: new Date(ctx.now.getTime() + GUIDANCE.sessionMinutes * 60_000) })
      .where(eq(guidanceSessions.id, s.id));
    await recordAudit(tx, opts.volunteer, { action: "guidance.consent", subjectType: "guidance", subjectId: s.id, detail: { citizenId: citizen.id } }, ctx.ip);
    return { ok: true } as const;
  });
}

/** Ends a session: its citizen or its volunteer may; anyone else gets a 404. Ending twice is a no-op. */
export async function endGuidance(ctx: Omit<GuidanceContext, "secret">, opts: { actor: Pick<Actor, "userId" | "role">; sessionId: string }): Promise<void> {
  const [s] = await ctx.db.select().from(guidanceSessions).where(eq(guidanceSessions.id, opts.sessionId));
  const by = s && opts.actor.role === "volunteer" && s.volunteerId === opts.actor.userId ? "volunteer" : s && opts.actor.role === "citizen" && s.citizenId === opts.actor.userId && s.consentedAt ? "citizen" : null;
  if (!s || !by) throw new AppError("notFound");
  const ended = await ctx.db
    .update(guidanceSessions)
    .set({ endedAt: ctx.now, endedBy: by })
    .where(and(eq(guidanceSessions.id, s.id), isNull(guidanceSessions.endedAt)))
    .returning({ id: guidanceSessions.id });
  if (ended.length) await recordAudit(ctx.db, opts.actor, { action: "guidance.end", subjectType: "guidance", subjectId: s.id, detail: { by } }, ctx.ip);
}

/** The volunteer switches the explanations on or off for the session. */
export async function setGuidanceLayer(ctx: Omit<GuidanceContext, "secret">, opts: { volunteer: Volunteer; sessionId: string; on: boolean }): Promise<void> {
  requireVolunteer(opts.volunteer);
  const changed = await ctx.db
    .update(guidanceSessions)
    .set({ guidanceOn: opts.on })
    .where(and(eq(guidanceSessions.id, opts.sessionId), eq(guidanceSessions.volunteerId, opts.volunteer.userId)))
    .returning({ id: guidanceSessions.id });
  if (!changed.length) throw new AppError("notFound");
  await recordAudit(ctx.db, opts.volunteer, { action: "guidance.layer", subjectType: "guidance", subjectId: opts.sessionId, detail: { on: opts.on } }, ctx.ip);
}

/** The citizen's page shows a step: the session follows it (and counts the journey as a topic). */
export async function recordGuidanceStep(db: Db, opts: { session: GuidanceSession; step: StepKey; now: Date }): Promise<void> {
  const journey = journeyOf(opts.step, opts.session.journey);
  const topics = journey && !opts.session.topics.includes(journey) ? [...opts.session.topics, journey] : opts.session.topics;
  await db.update(guidanceSessions).set({ journey, step: opts.step, stepAt: opts.now, topics }).where(eq(guidanceSessions.id, opts.session.id));
}

/** The volunteer's own session, whatever its state; null for anyone else's (a 404). */
export async function volunteerSession(db: Db, opts: { volunteer: Pick<Actor, "userId">; sessionId: string }): Promise<GuidanceSession | null> {
  if (!/^[0-9a-f-]{36}$/.test(opts.sessionId)) return null;
  const [s] = await db.select().from(guidanceSessions).where(and(eq(guidanceSessions.id, opts.sessionId), eq(guidanceSessions.volunteerId, opts.volunteer.userId)));
  return s ?? null;
}

/**
 * The citizen's file as the volunteer may see it: only while the session the citizen consented to
 * runs (null otherwise: the page answers 404). Requests only (kind, reference, status, date): no
 * messages, documents or payments.
 */
export async function citizenFileForVolunteer(db: Db, opts: { volunteer: Pick<Actor, "userId">; sessionId: string; now: Date }) {
  const s = await volunteerSession(db, opts);
  if (!s || !s.citizenId || guidanceState(s, opts.now) !== "active") return null;
  const [citizen] = await db.select({ name: users.name }).from(users).where(eq(users.id, s.citizenId));
  const rows = await db
    .select({ reference: cases.reference, kind: cases.kind, status: cases.status, submittedAt: cases.submittedAt })
    .from(cases)
    .where(eq(cases.citizenId, s.citizenId))
    .orderBy(desc(cases.submittedAt))
    .limit(20);
  return { session: s, citizenName: citizen?.name ?? null, cases: rows };
}

/** The citizen's sessions, for their file: who, where, when, and whether it still runs. */
export async function citizenGuidanceSessions(db: Db, opts: { citizenId: string; now: Date }) {
  const rows = await db
    .select({ session: guidanceSessions, volunteerName: users.name })
    .from(guidanceSessions)
    .innerJoin(users, eq(users.id, guidanceSessions.volunteerId))
    .where(and(eq(guidanceSessions.citizenId, opts.citizenId), isNotNull(guidanceSessions.consentedAt)))
    .orderBy(desc(guidanceSessions.consentedAt))
    .limit(20);
  return rows.map((r) => ({ ...r.session, volunteerName: r.volunteerName, state: guidanceState(r.session, opts.now) }));
}

/**
 * The volunteer's home: today's sessions, the citizens they helped (ever), and the topics walked
 * (journeys, counted per session) — the figures of the house's digital-skills statistics.
 */
export async function volunteerOverview(db: Db, opts: { volunteerId: string; now: Date; dayStart: Date }) {
  const today = await db
    .select({ session: guidanceSessions, citizenName: users.name })
    .from(guidanceSessions)
    .leftJoin(users, eq(users.id, guidanceSessions.citizenId))
    .where(and(eq(guidanceSessions.volunteerId, opts.volunteerId), gte(guidanceSessions.createdAt, opts.dayStart)))
    .orderBy(desc(guidanceSessions.createdAt));
  const [helped] = await db
    .select({ n: sql<number>`count(distinct ${guidanceSessions.citizenId})::int` })
    .from(guidanceSessions)
    .where(and(eq(guidanceSessions.volunteerId, opts.volunteerId), isNotNull(guidanceSessions.consentedAt)));
  const topicRows = await db
    .select({ topic: sql<string>`t.topic`, n: sql<number>`count(*)::int` })
    .from(sql`${guidanceSessions}, jsonb_array_elements_text(${guidanceSessions.topics}) as t(topic)`)
    .where(eq(guidanceSessions.volunteerId, opts.volunteerId))
    .groupBy(sql`t.topic`)
    .orderBy(sql`count(*) desc`);
  return {
    today: today.map((r) => ({ ...r.session, citizenName: r.citizenName, state: guidanceState(r.session, opts.now) })),
    citizensHelped: helped?.n ?? 0,
    topics: topicRows.map((r) => ({ topic: r.topic, count: Number(r.n) })),
  };
}

/** The volunteer and house a case was filed with (its first event says so), for the case page. */
export async function caseGuidance(db: Db, opts: { caseId: string; volunteerId: string | null }): Promise<{ volunteerName: string | null; houseId: string | null } | null> {
  if (!opts.volunteerId) return null;
  const [v] = await db.select({ name: users.name }).from(users).where(eq(users.id, opts.volunteerId));
  const [first] = await db.select({ data: caseEvents.data }).from(caseEvents).where(and(eq(caseEvents.caseId, opts.caseId), eq(caseEvents.seq, 1)));
  const data = (first?.data ?? null) as { guidedAt?: string | null } | null;
  return { volunteerName: v?.name ?? null, houseId: data?.guidedAt ?? null };
}

/**
 * A citizen's journey page asks: is a volunteer guiding me? If so the step is recorded for the
 * volunteer's page, and the answer says whether the explanations are switched on, and by whom.
 */
export async function guideCitizenStep(opts: { citizenId: string; step: StepKey }): Promise<{ on: boolean; volunteerName: string | null } | null> {
  const { db } = await getDb();
  const at = await clockNow();
  const session = await activeGuidanceFor(db, opts.citizenId, at);
  if (!session) return null;
  await recordGuidanceStep(db, { session, step: opts.step, now: at });
  const [v] = await db.select({ name: users.name }).from(users).where(eq(users.id, session.volunteerId));
  return { on: session.guidanceOn, volunteerName: v?.name ?? null };
}

/** Sessions never consented to are of no use after their code expired: pruned with the walk-ins. */
export async function pruneGuidance(opts: { db: Db; before: Date }): Promise<void> {
  await opts.db.delete(guidanceSessions).where(and(isNull(guidanceSessions.consentedAt), lt(guidanceSessions.expiresAt, opts.before)));
}
