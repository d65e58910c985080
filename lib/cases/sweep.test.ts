import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { caseEvents, notifications } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { submitCase, transitionCase } from "./engine";
import { sweepOverdue } from "./sweep";

const tn = (s: string) => new Date(`${s}+01:00`);
const complaint = { bodyId: "steg", category: "billing", description: "La facture de février compte la consommation deux fois." };

for (const target of testDatabases()) {
  describe(`the overdue sweep on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let staff: Actor;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db);
      staff = await makeUser(db, { role: "official", bodyId: "steg" });
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    const overdueOf = async (caseId: string) => {
      const events = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "overdue")));
      const sent = await db.select().from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.type, "caseOverdue")));
      return { events: events.length, notifications: sent.length };
    };

    it("marks an overdue case once, however often (or concurrently) it runs", async () => {
      const c = await submitCase({ db, kind: "complaint", payload: complaint, citizen, locale: "fr-TN", now: tn("2026-01-05T09:00:00") });
      const before = new Date(new Date(c.dueAt!).getTime() - 60_000);
      await sweepOverdue({ db, now: before });
      expect(await overdueOf(c.id)).toEqual({ events: 0, notifications: 0 });
      const after = new Date(new Date(c.dueAt!).getTime() + 60_000);
      await Promise.all([sweepOverdue({ db, now: after }), sweepOverdue({ db, now: after })]);
      await sweepOverdue({ db, now: new Date(after.getTime() + 86_400_000) });
      expect(await overdueOf(c.id)).toEqual({ events: 1, notifications: 1 });
    });

    it("leaves closed and paused cases alone", async () => {
      const closed = await submitCase({ db, kind: "complaint", payload: complaint, citizen, locale: "fr-TN", now: tn("2026-01-05T09:00:00") });
      await transitionCase({ db, case: { id: closed.id }, to: "resolved", actor: staff, message: "Corrigé.", now: tn("2026-01-06T09:00:00") });
      const paused = await submitCase({ db, kind: "complaint", payload: complaint, citizen, locale: "fr-TN", now: tn("2026-01-05T09:00:00") });
      await transitionCase({ db, case: { id: paused.id }, to: "waitingForCitizen", actor: staff, message: "Envoyez la facture.", now: tn("2026-01-06T09:00:00") });
      await sweepOverdue({ db, now: tn("2026-06-01T09:00:00") });
      expect(await overdueOf(closed.id)).toEqual({ events: 0, notifications: 0 });
      expect(await overdueOf(paused.id)).toEqual({ events: 0, notifications: 0 });
    });

  });
}
