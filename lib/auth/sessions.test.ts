import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { auditLog, kioskDevices, sessions, users } from "@/lib/db/schema";
import { testDatabases } from "@/lib/testing/databases";
import { loadActor, revokeAllSessions, revokeSession, sessionState, startSession } from "./sessions";

const t0 = new Date("2026-03-01T08:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const MIN = 60;
const HOUR = 3600;

describe("sessionState", () => {
  const s = { revokedAt: null, expiresAt: at(12 * HOUR), lastSeenAt: at(0) };
  it("ends 12 hours after sign-in for everyone", () => {
    const busy = { ...s, lastSeenAt: at(12 * HOUR - 60) };
    expect(sessionState(busy, "citizen", at(12 * HOUR - 1))).toBe("active");
    expect(sessionState(busy, "citizen", at(12 * HOUR))).toBe("expired");
  });
  it("ends after 30 idle minutes for staff and volunteers, 60 for citizens", () => {
    for (const role of ["agent", "official", "admin", "volunteer"] as const) {
      expect(sessionState(s, role, at(30 * MIN - 1))).toBe("active");
      expect(sessionState(s, role, at(30 * MIN))).toBe("idle");
    }
    expect(sessionState(s, "citizen", at(60 * MIN - 1))).toBe("active");
    expect(sessionState(s, "citizen", at(60 * MIN))).toBe("idle");
  });
  it("at a corner, ends after the corner's idle time, its 30-second countdown and the server's margin", () => {
    expect(sessionState(s, "citizen", at(180 + 30 + 90 - 1), 180)).toBe("active");
    expect(sessionState(s, "citizen", at(180 + 30 + 90), 180)).toBe("idle");
  });
  it("a revoked session stays revoked", () => {
    expect(sessionState({ ...s, revokedAt: at(1) }, "citizen", at(2))).toBe("revoked");
  });
});

for (const target of testDatabases()) {
  describe(`sessions on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });
    let n = 0;
    const phone = () => `+2162${String(Date.now() % 100000).padStart(5, "0")}${String(++n).padStart(2, "0")}`.slice(0, 12);

    it("creates the account at the first sign-in, in the language used, and audits it", async () => {
      const p = phone();
      const first = await startSession({ db: database.db, now: at(0), phone: p, locale: "fr-TN", ip: "1.2.3.4", userAgent: "test" });
      expect(first).toMatchObject({ role: "citizen", newAccount: true, onboarded: false });
      const again = await startSession({ db: database.db, now: at(10), phone: p, locale: "ar-TN", ip: null, userAgent: null });
      expect(again).toMatchObject({ userId: first!.userId, newAccount: false });
      expect(again!.sessionId).not.toBe(first!.sessionId);
      const [u] = await database.db.select().from(users).where(eq(users.phone, p));
      expect(u!.locale).toBe("fr-TN");
      const audit = await database.db.select().from(auditLog).where(eq(auditLog.actorId, first!.userId));
      expect(audit.filter((a) => a.action === "auth.signIn")).toHaveLength(2);

      const actor = await loadActor({ db: database.db, sessionId: first!.sessionId, now: at(20) });
      expect(actor).toMatchObject({ userId: first!.userId, phone: p, role: "citizen", needsOnboarding: true, locale: "fr-TN" });
    });

    it("refuses a revoked session, and sign-out of all devices ends every one", async () => {
      const p = phone();
      const a = await startSession({ db: database.db, now: at(0), phone: p, locale: "ar-TN", ip: null, userAgent: null });
      const b = await startSession({ db: database.db, now: at(0), phone: p, locale: "ar-TN", ip: null, userAgent: null });
      const c = await startSession({ db: database.db, now: at(0), phone: p, locale: "ar-TN", ip: null, userAgent: null });
      await revokeSession({ db: database.db, sessionId: a!.sessionId, now: at(5), reason: "signOut" });
      expect(await loadActor({ db: database.db, sessionId: a!.sessionId, now: at(6) })).toBeNull();
      expect(await loadActor({ db: database.db, sessionId: b!.sessionId, now: at(6) })).not.toBeNull();
      expect(await revokeAllSessions({ db: database.db, userId: b!.userId, now: at(7), reason: "signOutAll" })).toBe(2);
      expect(await loadActor({ db: database.db, sessionId: b!.sessionId, now: at(8) })).toBeNull();
      expect(await loadActor({ db: database.db, sessionId: c!.sessionId, now: at(8) })).toBeNull();
    });

    it("expires after 12 hours; signs staff out after 30 idle minutes, for good; touches at most once a minute", async () => {
      const p = phone();
      await database.db.insert(users).values({ phone: p, role: "agent", name: "Agent", bodyId: "steg", onboardedAt: at(0) });
      const s = await startSession({ db: database.db, now: at(0), phone: p, locale: "fr-TN", ip: null, userAgent: null });
      const lastSeen = async () => (await database.db.select().from(sessions).where(eq(sessions.id, s!.sessionId)))[0]!.lastSeenAt;
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(30) })).toMatchObject({ role: "agent", bodyId: "steg" });
      expect(await lastSeen()).toEqual(at(0)); // 30 s: no write
      await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(29 * MIN) });
      expect(await lastSeen()).toEqual(at(29 * MIN));
      // Active 29 minutes later again: still in.
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(58 * MIN) })).not.toBeNull();
      // 30 idle minutes: out, and the session is closed even if the clock goes back.
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(88 * MIN) })).toBeNull();
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(60 * MIN) })).toBeNull();
      const [row] = await database.db.select().from(sessions).where(eq(sessions.id, s!.sessionId));
      expect(row!.revokedReason).toBe("idle");

      // A citizen active all day stays in until the 12 hours are over.
      const citizen = await startSession({ db: database.db, now: at(0), phone: phone(), locale: "ar-TN", ip: null, userAgent: null });
      for (let m = 50; m < 12 * 60; m += 50) expect(await loadActor({ db: database.db, sessionId: citizen!.sessionId, now: at(m * MIN) })).not.toBeNull();
      expect(await loadActor({ db: database.db, sessionId: citizen!.sessionId, now: at(12 * HOUR - 1) })).not.toBeNull();
      expect(await loadActor({ db: database.db, sessionId: citizen!.sessionId, now: at(12 * HOUR) })).toBeNull();
      // A citizen who walks away is out after 60 idle minutes.
      const away = await startSession({ db: database.db, now: at(0), phone: phone(), locale: "ar-TN", ip: null, userAgent: null });
      expect(await loadActor({ db: database.db, sessionId: away!.sessionId, now: at(60 * MIN) })).toBeNull();
    });

    it("binds a corner's session to that corner and ends it when the corner is revoked", async () => {
      const [device] = await database.db.insert(kioskDevices).values({ houseId: "haidra", label: "t", idleSeconds: 120, createdAt: at(0) }).returning();
      const s = await startSession({ db: database.db, now: at(0), phone: phone(), locale: "ar-TN", ip: null, userAgent: null, kioskDeviceId: device!.id });
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(10), deviceId: device!.id })).not.toBeNull();
      // The same cookie from another browser (no device, or another one) opens nothing.
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(10), deviceId: null })).toBeNull();
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(10), deviceId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
      // The corner's idle limit (+ countdown + margin), not the citizen's hour.
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(10 + 120 + 30 + 90), deviceId: device!.id })).toBeNull();
      const t = await startSession({ db: database.db, now: at(0), phone: phone(), locale: "ar-TN", ip: null, userAgent: null, kioskDeviceId: device!.id });
      await database.db.update(kioskDevices).set({ revokedAt: at(5) }).where(eq(kioskDevices.id, device!.id));
      expect(await loadActor({ db: database.db, sessionId: t!.sessionId, now: at(10), deviceId: device!.id })).toBeNull();
      const [row] = await database.db.select().from(sessions).where(eq(sessions.id, t!.sessionId));
      expect(row!.revokedReason).toBe("kioskRevoked");
    });

    it("refuses a disabled account", async () => {
      const p = phone();
      const s = await startSession({ db: database.db, now: at(0), phone: p, locale: "ar-TN", ip: null, userAgent: null });
      await database.db.update(users).set({ disabledAt: at(1) }).where(eq(users.phone, p));
      expect(await loadActor({ db: database.db, sessionId: s!.sessionId, now: at(2) })).toBeNull();
      expect(await startSession({ db: database.db, now: at(3), phone: p, locale: "ar-TN", ip: null, userAgent: null })).toBeNull();
    });
  });
}
