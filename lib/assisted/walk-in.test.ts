import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { auditLog, caseEvents, cases, users } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { fileWalkIn, pruneWalkIns, startWalkIn, verifyWalkIn, WALK_IN } from "./walk-in";
import { walkInSessions } from "@/lib/db/schema";

const secret = "walk-in-test-secret";
const at = (minutes: number) => new Date(Date.UTC(2026, 4, 4, 8, minutes));
const phone = () => `+2165${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
const complaint = { bodyId: "steg", category: "billing", description: "La facture de février compte la consommation deux fois." };

for (const target of testDatabases()) {
  describe(`walk-in filing on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let agent: Actor;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      agent = { ...(await makeUser(db, { role: "agent", bodyId: "municipality-haidra" })), houseId: "haidra" };
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    async function start(p = phone(), now = at(0)) {
      const sent: { to: string; code: string }[] = [];
      const s = await startWalkIn({ db, now, secret }, { agent, phone: p, deliver: async (m) => void sent.push(m) });
      return { ...s, code: sent[0]!.code, to: sent[0]!.to };
    }

    it("sends a code to the citizen's phone and accepts only that code, within its tries", async () => {
      const s = await start();
      expect(s.code).toMatch(/^\d{6}$/);
      const wrong = s.code === "000000" ? "111111" : "000000";
      expect(await verifyWalkIn({ db, now: at(1), secret }, { agent, sessionId: s.sessionId, code: wrong })).toEqual({ ok: false, reason: "wrong", triesLeft: WALK_IN.maxTries - 1 });
      expect(await verifyWalkIn({ db, now: at(1), secret }, { agent, sessionId: s.sessionId, code: ` ${s.code.slice(0, 3)} ${s.code.slice(3)} ` })).toEqual({ ok: true });
      const [citizen] = await db.select().from(users).where(eq(users.phone, s.to));
      expect(citizen?.role).toBe("citizen");
    });

    it("refuses an expired code, and a code after too many wrong tries", async () => {
      const late = await start();
      expect(await verifyWalkIn({ db, now: at(11), secret }, { agent, sessionId: late.sessionId, code: late.code })).toEqual({ ok: false, reason: "expired" });
      const guessed = await start();
      const wrong = guessed.code === "000000" ? "111111" : "000000";
      for (let i = 0; i < WALK_IN.maxTries; i++) await verifyWalkIn({ db, now: at(1), secret }, { agent, sessionId: guessed.sessionId, code: wrong });
      expect(await verifyWalkIn({ db, now: at(1), secret }, { agent, sessionId: guessed.sessionId, code: guessed.code })).toEqual({ ok: false, reason: "exhausted" });
    });

    it("housekeeping forgets sessions whose code was never given, once past the retention, and keeps verified ones", async () => {
      const never = await start(phone(), at(0));
      const verified = await start(phone(), at(0));
      await verifyWalkIn({ db, now: at(1), secret }, { agent, sessionId: verified.sessionId, code: verified.code });
      const exists = async (id: string) => (await db.select().from(walkInSessions).where(eq(walkInSessions.id, id))).length === 1;
      await pruneWalkIns({ db, before: at(5) }); // the code is still valid until at(10)
      expect(await exists(never.sessionId)).toBe(true);
      await pruneWalkIns({ db, before: at(11) });
      expect(await exists(never.sessionId)).toBe(false);
      expect(await exists(verified.sessionId)).toBe(true);
    });

    it("another agent cannot use the session; a volunteer cannot start one", async () => {
      const s = await start();
      const other = { ...(await makeUser(db, { role: "agent", bodyId: "steg" })), houseId: null };
      await expect(verifyWalkIn({ db, now: at(1), secret }, { agent: other, sessionId: s.sessionId, code: s.code })).rejects.toMatchObject({ code: "notFound" });
      const volunteer = await makeUser(db, { role: "volunteer" });
      await expect(startWalkIn({ db, now: at(0), secret }, { agent: volunteer, phone: phone(), deliver: async () => undefined })).rejects.toMatchObject({ code: "forbidden" });
    });

    it("files one case for the citizen, recording the agent and the house; audited; not before the code", async () => {
      const s = await start();
      const key = crypto.randomUUID();
      const early = await fileWalkIn({ db, now: at(1), secret }, { agent, sessionId: s.sessionId, key, kind: "complaint", payload: complaint, locale: "fr-TN" }).catch((e: unknown) => e);
      expect(isAppError(early) && early.code).toBe("conflict");
      await verifyWalkIn({ db, now: at(1), secret }, { agent, sessionId: s.sessionId, code: s.code });
      const filed = await fileWalkIn({ db, now: at(2), secret }, { agent, sessionId: s.sessionId, key, kind: "complaint", payload: complaint, locale: "fr-TN" });
      const [c] = await db.select().from(cases).where(eq(cases.reference, filed.reference));
      const [citizen] = await db.select().from(users).where(eq(users.phone, s.to));
      expect(c?.citizenId).toBe(citizen!.id);
      const [first] = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c!.id), eq(caseEvents.type, "submitted")));
      expect(first?.data).toMatchObject({ filedBy: agent.userId, houseId: "haidra" });
      const audits = await db.select().from(auditLog).where(eq(auditLog.actorId, agent.userId));
      expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["walkIn.start", "walkIn.verify", "walkIn.file"]));
      // The session files one case.
      const again = await fileWalkIn({ db, now: at(3), secret }, { agent, sessionId: s.sessionId, key: crypto.randomUUID(), kind: "complaint", payload: complaint, locale: "fr-TN" }).catch((e: unknown) => e);
      expect(isAppError(again) && again.code).toBe("conflict");
    });
  });
}
