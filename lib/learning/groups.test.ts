import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { groupRegistrations, notificationDeliveries, notifications } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { GROUP_REMINDER_MS, listVolunteerSessions, registerByPhone, registerForSession, scheduleGroupSession, sweepGroupReminders } from "./groups";

/**
 * Group sessions: seats enforced by the database under concurrency (no overbooking, on PGlite and
 * on PostgreSQL), registering twice is one seat, and the day-before SMS reminder is written once.
 */
const HOUSE = "haidra";

for (const target of testDatabases()) {
  describe(`group sessions on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    async function session(seats: number, startsInMs = 3 * 24 * 3_600_000) {
      const volunteer = await makeUser(database.db, { role: "volunteer", houseId: HOUSE });
      const now = new Date();
      const { id } = await scheduleGroupSession({ db: database.db, volunteerId: volunteer.userId, houseId: HOUSE, startsAt: new Date(now.getTime() + startsInMs), lessonSlug: "online-safety", seats, now });
      return { id, volunteer };
    }

    it("never gives more seats than the session has, with everyone registering at once", async () => {
      const { id } = await session(3);
      const people = await Promise.all(Array.from({ length: 12 }, () => makeUser(database.db)));
      const results = await Promise.allSettled(people.map((p) => registerForSession({ db: database.db, sessionId: id, userId: p.userId, via: "learn", now: new Date() })));
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(3);
      for (const r of refused) expect(isAppError(r.reason) && r.reason.messageKey).toBe("Groups.errors.full");
      const rows = await database.db.select().from(groupRegistrations).where(eq(groupRegistrations.sessionId, id));
      expect(rows.map((r) => r.seat).sort()).toEqual([1, 2, 3]);
    });

    it("registering twice (two tabs at once) is one seat", async () => {
      const { id } = await session(5);
      const p = await makeUser(database.db);
      const both = await Promise.all([1, 2, 3].map(() => registerForSession({ db: database.db, sessionId: id, userId: p.userId, via: "learn", now: new Date() })));
      expect(new Set(both.map((b) => b.seat)).size).toBe(1);
      expect(await database.db.select().from(groupRegistrations).where(eq(groupRegistrations.sessionId, id))).toHaveLength(1);
    });

    it("refuses a past session, and a volunteer registering by phone for another house's session", async () => {
      const { id } = await session(5, 60_000);
      const p = await makeUser(database.db);
      await expect(registerForSession({ db: database.db, sessionId: id, userId: p.userId, via: "learn", now: new Date(Date.now() + 120_000) })).rejects.toMatchObject({ messageKey: "Groups.errors.closed" });
      const other = await makeUser(database.db, { role: "volunteer", houseId: "another-house" });
      await expect(registerByPhone({ db: database.db, sessionId: id, phone: "+21620000001", locale: "ar-TN", now: new Date(), volunteer: { userId: other.userId, houseId: "another-house" } })).rejects.toMatchObject({ code: "notFound" });
    });

    it("registers a citizen at the corner by phone (an account made if none) and shows them to the volunteer only", async () => {
      const { id, volunteer } = await session(4);
      const phone = `+2165${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
      const r = await registerByPhone({ db: database.db, sessionId: id, phone, locale: "fr-TN", now: new Date(), volunteer: { userId: volunteer.userId, houseId: HOUSE } });
      expect(r.seat).toBe(1);
      const mine = await listVolunteerSessions({ db: database.db, volunteerId: volunteer.userId, now: new Date() });
      expect(mine.find((s) => s.id === id)?.registrations.map((x) => x.phone)).toEqual([phone]);
      const stranger = await makeUser(database.db, { role: "volunteer", houseId: HOUSE });
      expect(await listVolunteerSessions({ db: database.db, volunteerId: stranger.userId, now: new Date() })).toEqual([]);
    });

    it("writes the day-before SMS reminder once, even with two sweeps at once", async () => {
      const { id } = await session(3, GROUP_REMINDER_MS + 3 * 3_600_000);
      const people = await Promise.all([1, 2].map(() => makeUser(database.db)));
      for (const p of people) await registerForSession({ db: database.db, sessionId: id, userId: p.userId, via: "learn", now: new Date() });
      const lessonTitle = () => "Rester en sécurité en ligne";
      // Not yet: more than a day ahead.
      await sweepGroupReminders({ db: database.db, now: new Date(), lessonTitle });
      const ids = people.map((p) => p.userId);
      const sent = () => database.db.select().from(notifications).where(and(inArray(notifications.userId, ids), eq(notifications.type, "groupSessionReminder")));
      expect(await sent()).toHaveLength(0);
      const later = new Date(Date.now() + 4 * 3_600_000);
      await Promise.all([sweepGroupReminders({ db: database.db, now: later, lessonTitle }), sweepGroupReminders({ db: database.db, now: later, lessonTitle })]);
      const rows = await sent();
      expect(rows).toHaveLength(2);
      expect(rows[0]!.data.topic).toBe("Rester en sécurité en ligne");
      const deliveries = await database.db.select().from(notificationDeliveries).where(inArray(notificationDeliveries.notificationId, rows.map((r) => r.id)));
      expect(deliveries.map((d) => d.channel)).toEqual(["sms", "sms"]);
      await sweepGroupReminders({ db: database.db, now: new Date(later.getTime() + 60_000), lessonTitle });
      expect(await sent()).toHaveLength(2);
    });
  });
}
