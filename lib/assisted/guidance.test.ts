import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { auditLog, caseEvents, cases, guidanceSessions, users } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { submitCaseOnce } from "@/lib/outbox/submit";
import {
  GUIDANCE,
  activeGuidanceFor,
  caseGuidance,
  citizenFileForVolunteer,
  citizenGuidanceSessions,
  consentGuidance,
  pruneGuidance,
  endGuidance,
  recordGuidanceStep,
  startGuidance,
  volunteerOverview,
  volunteerSession,
} from "./guidance";

const secret = "guidance-test-secret";
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 8, minutes));
const phone = () => `+2165${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
const complaint = { bodyId: "steg", category: "billing", description: "La facture de février compte la consommation deux fois." };

for (const target of testDatabases()) {
  describe(`guidance sessions on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let volunteer: Actor;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      volunteer = await makeUser(db, { role: "volunteer", houseId: "haidra", name: "Amel" });
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    async function start(p = phone(), now = at(0), who: Actor = volunteer) {
      const sent: { to: string; code: string }[] = [];
      const s = await startGuidance({ db, now, secret }, { volunteer: who, phone: p, deliver: async (m) => void sent.push(m) });
      return { ...s, code: sent[0]!.code, to: sent[0]!.to };
    }
    const citizenOf = async (p: string) => (await db.select().from(users).where(eq(users.phone, p)))[0]!;

    it("the citizen consents only with the code sent to their phone; the volunteer sees nothing before", async () => {
      const s = await start();
      expect(await citizenFileForVolunteer(db, { volunteer, sessionId: s.sessionId, now: at(1) })).toBeNull();
      const wrong = s.code === "000000" ? "111111" : "000000";
      expect(await consentGuidance({ db, now: at(1), secret }, { volunteer, sessionId: s.sessionId, code: wrong })).toEqual({ ok: false, reason: "wrong", triesLeft: GUIDANCE.maxTries - 1 });
      expect(await consentGuidance({ db, now: at(1), secret }, { volunteer, sessionId: s.sessionId, code: s.code })).toEqual({ ok: true });
      const citizen = await citizenOf(s.to);
      expect(citizen.role).toBe("citizen");
      expect((await activeGuidanceFor(db, citizen.id, at(2)))?.id).toBe(s.sessionId);
      expect(await citizenFileForVolunteer(db, { volunteer, sessionId: s.sessionId, now: at(2) })).not.toBeNull();
    });

    it("refuses an expired code and too many wrong tries", async () => {
      const late = await start();
      expect(await consentGuidance({ db, now: at(11), secret }, { volunteer, sessionId: late.sessionId, code: late.code })).toEqual({ ok: false, reason: "expired" });
      const guessed = await start();
      const wrong = guessed.code === "000000" ? "111111" : "000000";
      for (let i = 0; i < GUIDANCE.maxTries; i++) await consentGuidance({ db, now: at(1), secret }, { volunteer, sessionId: guessed.sessionId, code: wrong });
      expect(await consentGuidance({ db, now: at(1), secret }, { volunteer, sessionId: guessed.sessionId, code: guessed.code })).toEqual({ ok: false, reason: "exhausted" });
    });

    it("expires by itself: after its time the volunteer sees nothing and filings record no volunteer", async () => {
      const s = await start();
      await consentGuidance({ db, now: at(1), secret }, { volunteer, sessionId: s.sessionId, code: s.code });
      const after = new Date(at(1).getTime() + GUIDANCE.sessionMinutes * 60_000 + 1000);
      const citizen = await citizenOf(s.to);
      expect(await activeGuidanceFor(db, citizen.id, after)).toBeNull();
      expect(await citizenFileForVolunteer(db, { volunteer, sessionId: s.sessionId, now: after })).toBeNull();
      const { result } = await submitCaseOnce({ db, actor: { userId: citizen.id, role: "citizen" }, key: crypto.randomUUID(), kind: "complaint", payload: complaint, locale: "fr-TN", now: after });
      const [c] = await db.select().from(cases).where(eq(cases.reference, result.reference));
      expect(c?.volunteerId).toBeNull();
    });

    it("the citizen or the volunteer ends it; nobody else can, and another volunteer never sees the citizen", async () => {
      const s = await start();
      await consentGuidance({ db, now: at(1), secret }, { volunteer, sessionId: s.sessionId, code: s.code });
      const citizen = await citizenOf(s.to);
      const other = await makeUser(db, { role: "volunteer" });
      expect(await volunteerSession(db, { volunteer: other, sessionId: s.sessionId })).toBeNull();
      expect(await citizenFileForVolunteer(db, { volunteer: other, sessionId: s.sessionId, now: at(2) })).toBeNull();
      await expect(endGuidance({ db, now: at(2) }, { actor: other, sessionId: s.sessionId })).rejects.toMatchObject({ code: "notFound" });
      const stranger = await makeUser(db);
      await expect(endGuidance({ db, now: at(2) }, { actor: stranger, sessionId: s.sessionId })).rejects.toMatchObject({ code: "notFound" });
      await endGuidance({ db, now: at(3) }, { actor: { userId: citizen.id, role: "citizen" }, sessionId: s.sessionId });
      expect(await activeGuidanceFor(db, citizen.id, at(4))).toBeNull();
      expect(await citizenFileForVolunteer(db, { volunteer, sessionId: s.sessionId, now: at(4) })).toBeNull();
      const [listed] = await citizenGuidanceSessions(db, { citizenId: citizen.id, now: at(4) });
      expect(listed).toMatchObject({ id: s.sessionId, state: "ended", endedBy: "citizen", volunteerName: "Amel", houseId: "haidra" });
      const s2 = await start(s.to, at(20));
      await consentGuidance({ db, now: at(21), secret }, { volunteer, sessionId: s2.sessionId, code: s2.code });
      await endGuidance({ db, now: at(22) }, { actor: volunteer, sessionId: s2.sessionId });
      expect(await activeGuidanceFor(db, citizen.id, at(23))).toBeNull();
      const audits = await db.select().from(auditLog).where(eq(auditLog.subjectId, s2.sessionId));
      expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["guidance.start", "guidance.consent", "guidance.end"]));
    });

    it("housekeeping forgets sessions never consented to, once their code is long past, and keeps the others", async () => {
      const never = await start(phone(), at(0));
      const kept = await start(phone(), at(0));
      await consentGuidance({ db, now: at(1), secret }, { volunteer, sessionId: kept.sessionId, code: kept.code });
      await pruneGuidance({ db, before: at(5) }); // the code is still valid until at(10)
      expect(await volunteerSession(db, { volunteer, sessionId: never.sessionId })).not.toBeNull();
      await pruneGuidance({ db, before: at(11) });
      expect(await volunteerSession(db, { volunteer, sessionId: never.sessionId })).toBeNull();
      expect(await volunteerSession(db, { volunteer, sessionId: kept.sessionId })).not.toBeNull();
    });

    it("only a volunteer opens a session, and only for a citizen's number", async () => {
      const agent = await makeUser(db, { role: "agent", bodyId: "municipality" });
      await expect(startGuidance({ db, now: at(0), secret }, { volunteer: agent, phone: phone(), deliver: async () => undefined })).rejects.toMatchObject({ code: "forbidden" });
      const [staff] = await db.select().from(users).where(eq(users.id, agent.userId));
      const refused = await startGuidance({ db, now: at(0), secret }, { volunteer, phone: staff!.phone, deliver: async () => undefined }).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.fields).toEqual({ phone: "Guidance.errors.notACitizen" });
    });

    it("what the citizen files during the session records the volunteer and the house; the volunteer's own filing is refused", async () => {
      const s = await start();
      await consentGuidance({ db, now: at(1), secret }, { volunteer, sessionId: s.sessionId, code: s.code });
      const citizen = await citizenOf(s.to);
      const refused = await submitCaseOnce({ db, actor: volunteer, key: crypto.randomUUID(), kind: "complaint", payload: complaint, locale: "fr-TN", now: at(2) }).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.messageKey).toBe("Guidance.errors.volunteerCannotAct");
      expect(await db.select().from(cases).where(eq(cases.citizenId, volunteer.userId))).toHaveLength(0);
      const [session] = await db.select().from(guidanceSessions).where(eq(guidanceSessions.id, s.sessionId));
      await recordGuidanceStep(db, { session: session!, step: "complaint.describe", now: at(2) });
      const { result } = await submitCaseOnce({ db, actor: { userId: citizen.id, role: "citizen" }, key: crypto.randomUUID(), kind: "complaint", payload: complaint, locale: "fr-TN", now: at(3) });
      const [c] = await db.select().from(cases).where(eq(cases.reference, result.reference));
      expect(c).toMatchObject({ citizenId: citizen.id, volunteerId: volunteer.userId });
      const [first] = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c!.id), eq(caseEvents.seq, 1)));
      expect(first?.data).toMatchObject({ assistedBy: volunteer.userId, guidedAt: "haidra", guidanceSession: s.sessionId });
      expect(await caseGuidance(db, { caseId: c!.id, volunteerId: c!.volunteerId })).toEqual({ volunteerName: "Amel", houseId: "haidra" });
      const overview = await volunteerOverview(db, { volunteerId: volunteer.userId, now: at(4), dayStart: at(0) });
      expect(overview.today.some((x) => x.id === s.sessionId && x.state === "active")).toBe(true);
      expect(overview.citizensHelped).toBeGreaterThanOrEqual(1);
      expect(overview.topics.find((x) => x.topic === "complaint")?.count).toBeGreaterThanOrEqual(1);
    });
  });
}
