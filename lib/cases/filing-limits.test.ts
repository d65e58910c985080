import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Database, Db } from "@/lib/db/open";
import { isAppError } from "@/lib/errors";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { FILING_LIMITS, checkFilingLimits, filingLimitError } from "./filing-limits";

describe("the filing limit's message", () => {
  it("says how long to wait, in minutes rounded up, in each language", () => {
    const e = filingLimitError(11 * 60 + 5);
    expect(e.code).toBe("rateLimited");
    const say = (messages: typeof en, locale: "en" | "fr-TN" | "ar-TN") => createTranslator({ locale, messages })(e.messageKey as "Requests.errors.rateLimited", e.values);
    expect(say(en, "en")).toContain("12 minutes");
    expect(say(fr, "fr-TN")).toContain("12 minutes");
    expect(say(ar, "ar-TN")).toContain("12");
    expect(say(en, "en").length).toBeGreaterThan(20);
    expect(createTranslator({ locale: "en", messages: en })("Requests.errors.rateLimited", { minutes: 1 })).toContain("1 minute");
  });
});

for (const target of testDatabases()) {
  describe(`filing limits on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    it("lets a citizen file up to the limit in the window, then tells them how long to wait", async () => {
      const citizen = await makeUser(db);
      const t0 = new Date("2026-05-04T08:00:00Z");
      for (let i = 0; i < FILING_LIMITS.perCitizen.limit; i++) await checkFilingLimits({ db, citizenId: citizen.userId, now: t0 });
      const refused = await checkFilingLimits({ db, citizenId: citizen.userId, now: new Date(t0.getTime() + 10 * 60_000) }).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.code).toBe("rateLimited");
      expect(isAppError(refused) && refused.values).toEqual({ minutes: 50 });
      // The window over, it passes again.
      await expect(checkFilingLimits({ db, citizenId: citizen.userId, now: new Date(t0.getTime() + 3601_000) })).resolves.toBeUndefined();
    });

    it("counts per IP across citizens", async () => {
      const ip = `198.51.100.${Math.floor(Math.random() * 200)}`;
      const t0 = new Date("2026-05-04T08:00:00Z");
      for (let i = 0; i < 5; i++) await checkFilingLimits({ db, citizenId: crypto.randomUUID(), ip, now: t0, perIp: 5 });
      const refused = await checkFilingLimits({ db, citizenId: crypto.randomUUID(), ip, now: t0, perIp: 5 }).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.code).toBe("rateLimited");
    });
  });
}
