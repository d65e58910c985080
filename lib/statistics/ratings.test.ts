import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { interviewBookings, paymentItems, payments, serviceRatings } from "@/lib/db/schema";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { ratingState, rateService } from "./ratings";
import { ratingSchema } from "./forms";

const now = new Date("2026-12-07T10:00:00Z");
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string; messageKey?: string }) => `${e.code}:${e.messageKey}`);

describe("the rating form", () => {
  it("1 to 5 stars, a message key otherwise", () => {
    const id = "0b9f0c9e-4a35-4f1e-9d0b-2f8e0f3b9a11";
    expect(ratingSchema.parse({ subject: "payment", subjectId: id, stars: "4" }).stars).toBe(4);
    for (const stars of ["0", "6", "", "x", "2.5"]) expect(ratingSchema.safeParse({ subject: "payment", subjectId: id, stars }).error?.issues[0]?.message).toBe("Ratings.errors.stars");
  });
});

for (const target of testDatabases()) {
  describe(`ratings after interviews and payments on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    it("an interview once it is over, by its citizen, once; not before, not someone else's", async () => {
      const db = database.db;
      const citizen = await makeUser(db);
      const other = await makeUser(db);
      const official = await makeUser(db, { role: "official", bodyId: "steg" });
      const book = async (startsAt: Date, status: "confirmed" | "completed" | "noShow") => {
        const [b] = await db
          .insert(interviewBookings)
          .values({ reference: `R-${Math.random()}`, citizenId: citizen.userId, officialId: official.userId, bodyId: "steg", topic: "billing", subject: "x", startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), status })
          .returning();
        return b!.id;
      };
      const past = await book(new Date("2026-12-06T09:00:00Z"), "confirmed");
      const future = await book(new Date("2026-12-08T09:00:00Z"), "confirmed");
      const missed = await book(new Date("2026-12-05T09:00:00Z"), "noShow");
      expect(await ratingState({ db, subject: "interview", subjectId: future, userId: citizen.userId, now })).toEqual({ may: false });
      expect(await ratingState({ db, subject: "interview", subjectId: past, userId: citizen.userId, now })).toEqual({ may: true });
      expect(await code(rateService({ db, subject: "interview", subjectId: future, userId: citizen.userId, stars: 5, now }))).toBe("notFound:Ratings.errors.notYours");
      expect(await code(rateService({ db, subject: "interview", subjectId: missed, userId: citizen.userId, stars: 5, now }))).toBe("notFound:Ratings.errors.notYours");
      expect(await code(rateService({ db, subject: "interview", subjectId: past, userId: other.userId, stars: 5, now }))).toBe("notFound:Ratings.errors.notYours");
      expect(await code(rateService({ db, subject: "interview", subjectId: past, userId: citizen.userId, stars: 4, now }))).toBe("ok");
      expect(await code(rateService({ db, subject: "interview", subjectId: past, userId: citizen.userId, stars: 1, now }))).toBe("conflict:Ratings.errors.already");
      expect(await ratingState({ db, subject: "interview", subjectId: past, userId: citizen.userId, now })).toEqual({ stars: 4 });
      const [row] = await db.select().from(serviceRatings).where(eq(serviceRatings.subjectId, past));
      expect(row).toMatchObject({ subject: "interview", bodyId: "steg", stars: 4, createdAt: now });
    });

    it("a payment once paid; its body when it paid one biller only", async () => {
      const db = database.db;
      const citizen = await makeUser(db);
      const pay = async (state: "paid" | "pending", payees: string[]) => {
        const key = `k-${Math.random()}`;
        const [p] = await db
          .insert(payments)
          .values({ reference: key, userId: citizen.userId, idempotencyKey: key, gateway: "t", payerPhone: citizen.phone, amountMillimes: 1000, feeMillimes: 0, totalMillimes: 1000, state, locale: "ar-TN", createdAt: now, updatedAt: now, expiresAt: now, nextCheckAt: now, paidAt: state === "paid" ? now : null, fulfilledAt: now })
          .returning();
        await db.insert(paymentItems).values(payees.map((payee) => ({ paymentId: p!.id, payee, reference: `${payee}${Math.random()}`, customer: "x", amountMillimes: 500, active: false })));
        return p!.id;
      };
      const pending = await pay("pending", ["steg"]);
      const one = await pay("paid", ["steg"]);
      const two = await pay("paid", ["steg", "sonede"]);
      expect(await code(rateService({ db, subject: "payment", subjectId: pending, userId: citizen.userId, stars: 5, now }))).toBe("notFound:Ratings.errors.notYours");
      await rateService({ db, subject: "payment", subjectId: one, userId: citizen.userId, stars: 5, now });
      await rateService({ db, subject: "payment", subjectId: two, userId: citizen.userId, stars: 3, now });
      const rows = await db.select().from(serviceRatings).where(eq(serviceRatings.userId, citizen.userId));
      expect(rows.map((r) => [r.subjectId === one ? "one" : "two", r.bodyId]).sort()).toEqual([["one", "steg"], ["two", null]]);
    });
  });
}
