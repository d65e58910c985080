import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { generateCode } from "@/lib/auth/otp";
import { authSecret } from "@/lib/auth/secret";
import { normalisePhone, phoneErrorKey } from "@/lib/auth/phone";
import { recordAudit } from "@/lib/audit/record";
import { now as clockNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { users, walkInSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import type { SubmittedCase } from "@/lib/cases/engine";
import { submitCaseOnce } from "@/lib/outbox/submit";
import { missingDocuments } from "@/lib/cases/kinds/document-submission/checklist";
import { documentField, type DocumentSubmissionPayload } from "@/lib/cases/kinds/document-submission/schema";
import { keepScannedDraftFiles } from "@/lib/documents/scanned-submissions";
import { getStorage } from "@/lib/documents/uploads/storage";
import { consume, minutesOf } from "@/lib/rate-limit";

/**
 * Walk-in filing: an agent at a service house files a request for a citizen at the counter.
 * 1. the agent types the citizen's phone; a code goes to that phone by SMS (only its HMAC is kept);
 * 2. the citizen reads the code out or types it: it proves the phone is theirs, here, now;
 * 3. the agent fills the form; the case is the citizen's (created for them if they have no
 *    account yet) and its first event records the agent and the house.
 * Every step is audited; codes are valid 10 minutes with 5 tries; a verified session files one
 * case within 30 minutes. Time, database, secret and SMS delivery are parameters.
 */
export const WALK_IN = { codeTtlSeconds: 600, maxTries: 5, fileWithinMinutes: 30 } as const;
const SENDS_PER_AGENT = { limit: 30, windowSeconds: 3600 };
const SENDS_PER_PHONE = { limit: 3, windowSeconds: 900 };

export type WalkInContext = { db: Db; now: Date; secret: string; ip?: string | null };
type Agent = Pick<Actor, "userId" | "role" | "houseId">;

export function walkInCodeHash(secret: string, sessionId: string, phone: string, code: string): string {
  return createHmac("sha256", secret).update(`walkin.v1\0${sessionId}\0${phone}\0${code}`).digest("hex");
}

function requireAgent(agent: Agent) {
  if (agent.role !== "agent") throw new AppError("forbidden");
}

export async function startWalkIn(
  ctx: WalkInContext,
  opts: { agent: Agent; phone: string; deliver: (m: { to: string; code: string; locale: Locale }) => Promise<void> },
): Promise<{ sessionId: string; phone: string }> {
  requireAgent(opts.agent);
  const parsed = normalisePhone(opts.phone);
  if (!parsed.ok) throw new AppError("validation", { fields: { phone: phoneErrorKey[parsed.reason] } });
  const phone = parsed.e164;
  for (const rule of [
    { key: `walkin:send:agent:${opts.agent.userId}`, ...SENDS_PER_AGENT },
    { key: `walkin:send:phone:${phone}`, ...SENDS_PER_PHONE },
  ]) {
    const r = await consume({ ...rule, db: ctx.db, now: ctx.now });
    if (!r.ok) throw new AppError("rateLimited", { messageKey: "WalkIn.errors.tooManyCodes", values: { minutes: minutesOf(r.retryAfterSeconds) } });
  }
  const [known] = await ctx.db.select({ id: users.id, role: users.role, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(eq(users.phone, phone));
  if (known && (known.role !== "citizen" || known.disabledAt)) throw new AppError("validation", { fields: { phone: "WalkIn.errors.notACitizen" } });
  const code = generateCode();
  const id = crypto.randomUUID();
  await ctx.db.insert(walkInSessions).values({
    id,
    agentId: opts.agent.userId,
    houseId: opts.agent.houseId ?? null,
    phone,
    citizenId: known?.id ?? null,
    codeHash: walkInCodeHash(ctx.secret, id, phone, code),
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + WALK_IN.codeTtlSeconds * 1000),
  });
  await recordAudit(ctx.db, opts.agent, { action: "walkIn.start", subjectType: "walkIn", subjectId: id, detail: { houseId: opts.agent.houseId ?? null, knownCitizen: Boolean(known) } }, ctx.ip);
  try {
    await opts.deliver({ to: phone, code, locale: known && isLocale(known.locale) ? known.locale : defaultLocale });
  } catch (error) {
    await ctx.db.update(walkInSessions).set({ expiresAt: ctx.now }).where(eq(walkInSessions.id, id));
    throw error;
  }
  return { sessionId: id, phone };
}

export type VerifyWalkInResult = { ok: true } | { ok: false; reason: "wrong"; triesLeft: number } | { ok: false; reason: "expired" | "exhausted" };

/** Checks the code the citizen gave; a right code ties the session to the citizen (an account is made if they have none). */
export async function verifyWalkIn(ctx: WalkInContext, opts: { agent: Agent; sessionId: string; code: string }): Promise<VerifyWalkInResult> {
  requireAgent(opts.agent);
  const code = opts.code.replace(/\s/g, "");
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(walkInSessions).where(and(eq(walkInSessions.id, opts.sessionId), eq(walkInSessions.agentId, opts.agent.userId))).for("update");
    if (!s) throw new AppError("notFound");
    if (s.verifiedAt) return { ok: true } as const;
    if (s.expiresAt.getTime() <= ctx.now.getTime()) return { ok: false, reason: "expired" } as const;
    if (s.tries >= WALK_IN.maxTries) return { ok: false, reason: "exhausted" } as const;
    await tx.update(walkInSessions).set({ tries: sql`${walkInSessions.tries} + 1` }).where(eq(walkInSessions.id, s.id));
    const expected = Buffer.from(s.codeHash, "hex");
    const given = Buffer.from(walkInCodeHash(ctx.secret, s.id, s.phone, code), "hex");
    if (!/^\d{6}$/.test(code) || !timingSafeEqual(expected, given)) {
      const triesLeft = WALK_IN.maxTries - s.tries - 1;
      await recordAudit(tx, opts.agent, { action: "walkIn.verify.wrong", subjectType: "walkIn", subjectId: s.id, detail: { triesLeft } }, ctx.ip);
      return triesLeft > 0 ? ({ ok: false, reason: "wrong", triesLeft } as const) : ({ ok: false, reason: "exhausted" } as const);
    }
    await tx.insert(users).values({ phone: s.phone, locale: defaultLocale, createdAt: ctx.now }).onConflictDoNothing({ target: users.phone });
    const [citizen] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.phone, s.phone));
    if (!citizen || citizen.role !== "citizen") throw new AppError("forbidden");
    await tx.update(walkInSessions).set({ verifiedAt: ctx.now, citizenId: citizen.id }).where(eq(walkInSessions.id, s.id));
    await recordAudit(tx, opts.agent, { action: "walkIn.verify", subjectType: "walkIn", subjectId: s.id, detail: { citizenId: citizen.id } }, ctx.ip);
    return { ok: true } as const;
  });
}

export type WalkInSession = typeof walkInSessions.$inferSelect;

/** The agent's own session, if still usable for filing (verified, not used, recent). */
export async function usableWalkIn(ctx: Pick<WalkInContext, "db" | "now">, opts: { agent: Agent; sessionId: string }): Promise<WalkInSession | null> {
  if (!/^[0-9a-f-]{36}$/.test(opts.sessionId)) return null;
  const [s] = await ctx.db.select().from(walkInSessions).where(and(eq(walkInSessions.id, opts.sessionId), eq(walkInSessions.agentId, opts.agent.userId)));
  return s ?? null;
}

function filable(s: WalkInSession, now: Date): boolean {
  return Boolean(s.verifiedAt && s.citizenId && !s.caseReference && now.getTime() - s.verifiedAt.getTime() <= WALK_IN.fileWithinMinutes * 60_000);
}

export function walkInState(s: WalkInSession, now: Date): "awaitingCode" | "ready" | "filed" | "expired" {
  if (s.caseReference) return "filed";
  if (!s.verifiedAt) return s.expiresAt.getTime() > now.getTime() && s.tries < WALK_IN.maxTries ? "awaitingCode" : "expired";
  return filable(s, now) ? "ready" : "expired";
}

/** Files the case for the citizen of a verified session, once (the form's idempotency key), and closes the session. */
export async function fileWalkIn(
  ctx: WalkInContext,
  opts: { agent: Agent; sessionId: string; key: string; kind: string; payload: unknown; locale: Locale; composed?: boolean },
): Promise<SubmittedCase> {
  requireAgent(opts.agent);
  const s = await usableWalkIn(ctx, opts);
  if (!s) throw new AppError("notFound");
  if (!filable(s, ctx.now)) throw new AppError("conflict", { messageKey: "WalkIn.errors.sessionOver" });
  const { result } = await submitCaseOnce({
    db: ctx.db,
    actor: { userId: s.citizenId!, role: "citizen" },
    key: opts.key,
    kind: opts.kind,
    payload: opts.payload,
    locale: opts.locale,
    now: ctx.now,
    ip: ctx.ip,
    filedBy: { agentId: opts.agent.userId, houseId: s.houseId },
    // A payload the server composed (a scanned submission's list of documents, from the catalogue).
    composed: opts.composed,
  });
  const claimed = await ctx.db
    .update(walkInSessions)
    .set({ caseReference: result.reference })
    .where(and(eq(walkInSessions.id, s.id), isNull(walkInSessions.caseReference)))
    .returning({ id: walkInSessions.id });
  if (claimed.length) {
    await recordAudit(ctx.db, opts.agent, { action: "walkIn.file", subjectType: "case", subjectId: result.reference, detail: { walkIn: s.id, kind: opts.kind, houseId: s.houseId, citizenId: s.citizenId } }, ctx.ip);
  }
  return result;
}

/**
 * At the counter, a procedure's scanned documents for a walk-in citizen (issue 16): the files are
 * kept as the citizen's (attached by the agent) under the form's key, each as its document; with a
 * mandatory one missing, that document's field says so and what was attached stays; complete, the
 * case and its signed receipt are filed once per key, as every walk-in filing is.
 */
export async function fileWalkInDocuments(opts: {
  agent: Agent;
  sessionId: string;
  key: string;
  /** Composed on the server from the procedure's catalogue entry (its documents, its body). */
  payload: DocumentSubmissionPayload;
  files: Record<string, File[]>;
  remove: readonly string[];
  locale: Locale;
  ip: string | null;
}): Promise<SubmittedCase> {
  requireAgent(opts.agent);
  const { db } = await getDb();
  const ctx: WalkInContext = { db, now: await clockNow(), secret: authSecret(), ip: opts.ip };
  const s = await usableWalkIn(ctx, opts);
  if (!s || !s.citizenId) throw new AppError("notFound");
  if (!filable(s, ctx.now)) throw new AppError("conflict", { messageKey: "WalkIn.errors.sessionOver" });
  const held = await keepScannedDraftFiles({ db, storage: getStorage(), userId: s.citizenId, uploadedBy: opts.agent.userId, draftKey: opts.key, documents: opts.payload.documents, files: opts.files, remove: opts.remove, now: ctx.now });
  const missing = missingDocuments(opts.payload.documents, held);
  if (missing.length) throw new AppError("validation", { fields: Object.fromEntries(missing.map((d) => [documentField(d.id), "DocumentSubmission.errors.missing"])) });
  return fileWalkIn(ctx, { agent: opts.agent, sessionId: opts.sessionId, key: opts.key, kind: "document-submission", payload: opts.payload, locale: opts.locale, composed: true });
}

/** Sessions never verified are of no use after their code expired: pruned with the rest. */
export async function pruneWalkIns(opts: { db: Db; before: Date }): Promise<void> {
  await opts.db.delete(walkInSessions).where(and(isNull(walkInSessions.verifiedAt), lt(walkInSessions.expiresAt, opts.before)));
}

/** What the walk-in pages read (they never open the database themselves). */
export async function loadWalkIn(opts: { agent: Agent; sessionId: string }): Promise<{ session: WalkInSession; state: ReturnType<typeof walkInState>; citizenName: string | null } | null> {
  const { db } = await getDb();
  const at = await clockNow();
  const s = await usableWalkIn({ db, now: at }, opts);
  if (!s) return null;
  const [citizen] = s.citizenId ? await db.select({ name: users.name }).from(users).where(eq(users.id, s.citizenId)) : [];
  return { session: s, state: walkInState(s, at), citizenName: citizen?.name ?? null };
}

/**
 * The phone proof on its own, for other walk-in services composed in app/ (an interview booked at
 * the counter): the same session, code, tries, rate limits and audit as a walk-in filing; the
 * caller says what the SMS reads.
 */
export async function sendWalkInCode(opts: { agent: Agent; phone: string; ip?: string | null; deliver: (m: { to: string; code: string; locale: Locale }) => Promise<void> }): Promise<{ sessionId: string }> {
  const { db } = await getDb();
  const { sessionId } = await startWalkIn({ db, now: await clockNow(), secret: authSecret(), ip: opts.ip }, { agent: opts.agent, phone: opts.phone, deliver: opts.deliver });
  return { sessionId };
}

export async function checkWalkInCode(opts: { agent: Agent; sessionId: string; code: string; ip?: string | null }): Promise<VerifyWalkInResult> {
  const { db } = await getDb();
  return verifyWalkIn({ db, now: await clockNow(), secret: authSecret(), ip: opts.ip }, { agent: opts.agent, sessionId: opts.sessionId, code: opts.code });
}
