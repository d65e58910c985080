import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { kioskDevices, sessions, users } from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { isLocale, defaultLocale } from "@/lib/i18n/routing";
import {
  CITIZEN_IDLE_SECONDS,
  KIOSK_COUNTDOWN_SECONDS,
  KIOSK_SERVER_MARGIN_SECONDS,
  KIOSK_SESSION_MAX_AGE_SECONDS,
  SESSION_MAX_AGE_SECONDS,
  SESSION_TOUCH_SECONDS,
  STAFF_IDLE_SECONDS,
} from "./limits";
import type { Actor, Role } from "./roles";

/**
 * Server-side sessions. The cookie holds an encrypted token naming a row here; every request
 * checks the row, so signing out (or out of all devices) really ends a session, even for someone
 * who kept a copy of the cookie. Sessions last 12 hours; staff and volunteers (who work on shared
 * devices in service houses) are signed out after 30 idle minutes, citizens after 60. A session
 * opened at a self-service corner is bound to that browser and ends with the corner's idle limit.
 */
export type SessionState = "active" | "revoked" | "expired" | "idle";

/** Seconds without a request after which a session ends. */
export function idleLimitSeconds(role: Role, kioskIdleSeconds?: number | null): number {
  if (kioskIdleSeconds != null) return kioskIdleSeconds + KIOSK_COUNTDOWN_SECONDS + KIOSK_SERVER_MARGIN_SECONDS;
  return role === "citizen" ? CITIZEN_IDLE_SECONDS : STAFF_IDLE_SECONDS;
}

export function sessionState(
  s: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date },
  role: Role,
  now: Date,
  kioskIdleSeconds?: number | null,
): SessionState {
  if (s.revokedAt) return "revoked";
  if (s.expiresAt.getTime() <= now.getTime()) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= idleLimitSeconds(role, kioskIdleSeconds) * 1000) return "idle";
  return "active";
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_SECONDS * 1000;
}

/**
 * After a right code: finds or creates the account of the number and opens a session. Returns
 * null when the account is disabled. New accounts take the language the person signed in with.
 */
export async function startSession(opts: {
  db: Db;
  now: Date;
  phone: string;
  locale: string;
  ip: string | null;
  userAgent: string | null;
  /** The enrolled corner this sign-in happens at (checked by the caller), if any. */
  kioskDeviceId?: string | null;
}): Promise<{ userId: string; sessionId: string; role: Role; newAccount: boolean; onboarded: boolean } | null> {
  return opts.db.transaction(async (tx) => {
    const created = await tx
      .insert(users)
      .values({ phone: opts.phone, locale: isLocale(opts.locale) ? opts.locale : defaultLocale, createdAt: opts.now })
      .onConflictDoNothing({ target: users.phone })
      .returning({ id: users.id });
    const [user] = await tx.select().from(users).where(eq(users.phone, opts.phone));
    if (!user) throw new Error("account vanished");
    if (user.disabledAt) {
      await recordAudit(tx, { userId: user.id, role: user.role }, { action: "auth.signIn.refused", subjectType: "user", subjectId: user.id, detail: { reason: "disabled" } }, opts.ip);
      return null;
    }
    const [session] = await tx
      .insert(sessions)
      .values({
        userId: user.id,
        createdAt: opts.now,
        lastSeenAt: opts.now,
        expiresAt: new Date(opts.now.getTime() + (opts.kioskDeviceId ? KIOSK_SESSION_MAX_AGE_SECONDS : SESSION_MAX_AGE_SECONDS) * 1000),
        ip: opts.ip,
        userAgent: opts.userAgent?.slice(0, 300) ?? null,
        kioskDeviceId: opts.kioskDeviceId ?? null,
      })
      .returning({ id: sessions.id });
    const newAccount = created.length > 0;
    await recordAudit(
      tx,
      { userId: user.id, role: user.role },
      { action: "auth.signIn", subjectType: "session", subjectId: session!.id, detail: opts.kioskDeviceId ? { newAccount, kioskDeviceId: opts.kioskDeviceId } : { newAccount } },
      opts.ip,
    );
    return { userId: user.id, sessionId: session!.id, role: user.role, newAccount, onboarded: user.onboardedAt !== null };
  });
}

/**
 * The person behind a session id, if the session is still good. Refreshes `lastSeenAt` at most
 * once a minute; an idle session is closed for good (a later clock cannot revive it). A session
 * of a corner is only good from that corner (`deviceId`: the enrolled device this request comes
 * from), while the corner is still enrolled.
 */
export async function loadActor(opts: { db: Db; sessionId: string; now: Date; deviceId?: string | null }): Promise<Actor | null> {
  const [row] = await opts.db
    .select({ session: sessions, user: users, device: { idleSeconds: kioskDevices.idleSeconds, revokedAt: kioskDevices.revokedAt } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(kioskDevices, eq(kioskDevices.id, sessions.kioskDeviceId))
    .where(eq(sessions.id, opts.sessionId));
  if (!row || row.user.disabledAt) return null;
  if (row.session.kioskDeviceId) {
    // A copy of the cookie taken away from the corner opens nothing.
    if (opts.deviceId !== row.session.kioskDeviceId) return null;
    if (!row.device || row.device.revokedAt) {
      await revokeSession({ db: opts.db, sessionId: row.session.id, now: opts.now, reason: "kioskRevoked" });
      return null;
    }
  }
  const state = sessionState(row.session, row.user.role, opts.now, row.session.kioskDeviceId ? (row.device?.idleSeconds ?? 0) : null);
  if (state === "idle") {
    await revokeSession({ db: opts.db, sessionId: row.session.id, now: opts.now, reason: "idle" });
    return null;
  }
  if (state !== "active") return null;
  if (needsTouch(row.session.lastSeenAt, opts.now)) {
    await opts.db.update(sessions).set({ lastSeenAt: opts.now }).where(eq(sessions.id, row.session.id));
  }
  const u = row.user;
  return {
    userId: u.id,
    sessionId: row.session.id,
    role: u.role,
    name: u.name,
    phone: u.phone,
    locale: isLocale(u.locale) ? u.locale : defaultLocale,
    bodyId: u.bodyId,
    houseId: u.houseId,
    interpreter: u.interpreter,
    needsOnboarding: u.onboardedAt === null,
  };
}

export async function revokeSession(opts: { db: Db | Tx; sessionId: string; now: Date; reason: string }): Promise<void> {
  await opts.db
    .update(sessions)
    .set({ revokedAt: opts.now, revokedReason: opts.reason })
    .where(and(eq(sessions.id, opts.sessionId), isNull(sessions.revokedAt)));
}

/** Ends every open session of a person; returns how many. */
export async function revokeAllSessions(opts: { db: Db | Tx; userId: string; now: Date; reason: string }): Promise<number> {
  const rows = await opts.db
    .update(sessions)
    .set({ revokedAt: opts.now, revokedReason: opts.reason })
    .where(and(eq(sessions.userId, opts.userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Open sessions of a person (for the account page). */
export async function countOpenSessions(opts: { db: Db; userId: string; now: Date }): Promise<number> {
  const rows = await opts.db
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.userId, opts.userId), isNull(sessions.revokedAt)));
  return rows.filter((r) => r.expiresAt > opts.now).length;
}
