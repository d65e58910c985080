import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { auditLog } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { submitCase, transitionCase } from "@/lib/cases/engine";
import { affectedCount, findNearbyReports, joinReport, listPublicReports, moderateReport } from "./reports";

const here = { lat: 35.5667, lon: 8.4667 };
const north = (m: number) => ({ lat: here.lat + (m / 6_371_008.8) * (180 / Math.PI), lon: here.lon });
const report = (over: Record<string, unknown> = {}) => ({
  category: "waste",
  governorate: "kasserine",
  delegation: "haidra",
  location: { mode: "gps", lat: here.lat, lon: here.lon },
  description: "Bins not collected for a week near the market; Mr Karim's shop is flooded with rubbish.",
  ...over,
});

for (const target of testDatabases()) {
  describe(`municipal reports on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let amina: Actor;
    let karim: Actor;
    let agent: Actor;
    let steg: Actor;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      amina = await makeUser(db, { name: "Amina Ben Salah" });
      karim = await makeUser(db);
      agent = await makeUser(db, { role: "agent", bodyId: "municipality" });
      steg = await makeUser(db, { role: "agent", bodyId: "steg" });
    });
    afterAll(async () => database?.close());

    it("shows open reports of the same category within 100 m, and lets another citizen join one", async () => {
      const delegation = `haidra-${Date.now()}`;
      const first = await submitCase({ db, kind: "municipal-report", payload: report({ delegation }), citizen: amina, locale: "ar-TN", now: new Date() });
      await submitCase({ db, kind: "municipal-report", payload: report({ delegation, category: "lighting" }), citizen: amina, locale: "ar-TN", now: new Date() });
      await submitCase({ db, kind: "municipal-report", payload: report({ delegation, location: { mode: "gps", ...north(150) } }), citizen: amina, locale: "ar-TN", now: new Date() });
      const found = await findNearbyReports({ db, point: north(60), category: "waste" });
      const mine = found.filter((f) => f.reference === first.reference);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.distance).toBeGreaterThanOrEqual(59);
      expect(mine[0]!.distance).toBeLessThanOrEqual(61);
      expect(found.every((f) => f.category === "waste" && f.distance <= 100)).toBe(true);
      expect(await joinReport({ db, reference: first.reference, citizen: karim, now: new Date() })).toEqual({ reference: first.reference, affected: 2 });
      expect(await joinReport({ db, reference: first.reference, citizen: karim, now: new Date() })).toEqual({ reference: first.reference, affected: 2 });
      expect(await joinReport({ db, reference: first.reference, citizen: amina, now: new Date() })).toEqual({ reference: first.reference, affected: 2 });
      expect(await affectedCount({ db, caseId: first.id })).toBe(2);
      // A closed report is no longer offered.
      await transitionCase({ db, case: first, to: "resolved", actor: agent, message: "Collected.", now: new Date() });
      expect((await findNearbyReports({ db, point: north(60), category: "waste" })).some((f) => f.reference === first.reference)).toBe(false);
    });

    it("the public list has no names and no words or photos before moderation; hidden reports disappear; decisions are audited", async () => {
      const delegation = `thala-${Date.now()}`;
      const c = await submitCase({ db, kind: "municipal-report", payload: report({ delegation }), citizen: amina, locale: "ar-TN", now: new Date() });
      let list = await listPublicReports({ db, delegation });
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ reference: c.reference, category: "waste", description: null, place: null, photoIds: [], affected: 1 });
      expect(JSON.stringify(list)).not.toContain("Amina");
      expect(JSON.stringify(list)).not.toContain("Karim");
      await expect(moderateReport({ db, reference: c.reference, actor: steg, decision: { action: "approve" }, now: new Date() })).rejects.toMatchObject({ code: "notFound" });
      await moderateReport({ db, reference: c.reference, actor: agent, decision: { action: "approve" }, now: new Date() });
      list = await listPublicReports({ db, delegation });
      expect(list.items[0]!.description).toContain("Bins not collected");
      await moderateReport({ db, reference: c.reference, actor: agent, decision: { action: "hide", reason: "Names a person", abusive: false }, now: new Date() });
      expect((await listPublicReports({ db, delegation })).items).toHaveLength(0);
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, c.reference), eq(auditLog.subjectType, "case")));
      expect(audits.map((a) => a.action).sort()).toEqual(["report.moderate.approve", "report.moderate.hide"]);
      await expect(moderateReport({ db, reference: c.reference, actor: agent, decision: { action: "hide", reason: " ", abusive: true }, now: new Date() })).rejects.toMatchObject({ code: "validation" });
    });
  });
}
