import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { notificationDeliveries, users } from "@/lib/db/schema";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { notify } from "./enqueue";
import { renderNotification } from "./render";

/** The channels of one notification: the person's settings, or the ones given for it. */
for (const target of testDatabases()) {
  describe(`notify's channels on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    const channelsOf = async (id: string) =>
      (await db.select({ channel: notificationDeliveries.channel }).from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, id))).map((d) => d.channel).sort();
    const data = { reference: "RDV-AAAA-BBBB", bodyKey: "Interviews.bodies.steg", topicKey: "Interviews.topics.billing", startsAt: "2026-06-17T09:00:00.000Z" };

    it("uses the person's settings unless the notification names its own channels ([] = inbox only); none for a disabled account", async () => {
      const person = await makeUser(db, { notifySms: true });
      const now = new Date();
      const plain = await notify({ tx: db, userId: person.userId, type: "interviewBooked", data, now });
      expect(await channelsOf(plain.id)).toEqual(["sms"]);
      const own = await notify({ tx: db, userId: person.userId, type: "interviewReminderDay", data, channels: ["push", "sms", "push"], now });
      expect(await channelsOf(own.id)).toEqual(["push", "sms"]);
      const inboxOnly = await notify({ tx: db, userId: person.userId, type: "interviewReminderSoon", data, channels: [], now });
      expect(await channelsOf(inboxOnly.id)).toEqual([]);
      await db.update(users).set({ disabledAt: now }).where(eq(users.id, person.userId));
      const disabled = await notify({ tx: db, userId: person.userId, type: "interviewReminderSoon", data, channels: ["sms"], now });
      expect(await channelsOf(disabled.id)).toEqual([]);
    });
  });
}

describe("rendering", () => {
  it("writes values named …At as a date and time in Africa/Tunis, in the reader's language", () => {
    const data = { reference: "RDV-AAAA-BBBB", bodyKey: "Interviews.bodies.steg", topicKey: "Interviews.topics.billing", startsAt: "2026-06-17T09:00:00.000Z" };
    const fr = renderNotification({ type: "interviewBooked", data, locale: "fr-TN" });
    expect(fr.title).toMatch(/17 juin 2026.*10:00/);
    expect(fr.body).toContain("STEG");
    const en = renderNotification({ type: "interviewBooked", data, locale: "en" });
    expect(en.sms).toMatch(/June 17, 2026.*10:00|17 June 2026.*10:00/);
    const ar = renderNotification({ type: "interviewBooked", data, locale: "ar-TN" });
    expect(ar.title).toContain("2026");
    expect(ar.title).not.toContain("2026-06-17T");
  });
});
