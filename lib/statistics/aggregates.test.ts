import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "@/lib/db/open";
import { testDatabases } from "@/lib/testing/db";
import { loadDashboard } from "./aggregates";
import { loadDataset } from "./open-data";
import { findRequests } from "./open311";
import { SEEDED, SEED_PERIOD, seedStatistics } from "./test-seed";
import { DATASET_IDS } from "./datasets";
import { isSmallCount } from "./suppress";
import { open311RequestSchema } from "./open311-schema";

const now = new Date("2026-12-07T09:00:00Z");
const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);

// Isolated on PostgreSQL: the figures are of whole tables (national scope).
for (const target of testDatabases({ isolated: true })) {
  describe(`statistics on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
      await seedStatistics(database.db);
      // Twice: the seed replaces itself, the figures do not double.
      await seedStatistics(database.db);
    });
    afterAll(async () => {
      await database?.close();
    });

    it("a house: cases, medians, overdue share, case ratings, guidance sessions — the known figures exactly", async () => {
      const d = await loadDashboard({ db: database.db, scope: { level: "house", id: "haidra" }, period: SEED_PERIOD, now });
      expect(d.cases.total).toBe(SEEDED.house.cases);
      expect(d.cases.byKind).toEqual(expect.arrayContaining([{ kind: "complaint", total: 4, open: 0 }, { kind: "municipal-report", total: 3, open: 0 }]));
      expect(d.firstReply).toEqual({ count: 3, medianHours: SEEDED.house.firstReplyMedianHours });
      expect(d.resolution).toEqual({ count: 7, medianHours: SEEDED.house.resolutionMedianHours });
      expect(d.overdue).toEqual({ withDeadline: SEEDED.house.withDeadline, overdue: SEEDED.house.overdue });
      expect(d.satisfaction.case).toEqual({ count: 5, sum: sum(SEEDED.house.caseRatings), satisfied: 4 });
      expect(d.guidanceSessions).toBe(SEEDED.house.guidance);
      // A house has no bookings or payments of its own: not a zero, no figure.
      expect(d.bookings).toBeNull();
      expect(d.payments).toBeNull();
      expect(d.cases.daily.reduce((a, x) => a + x.count, 0)).toBe(7);
    });

    it("a body: bookings and no-shows, payments to it (count, millimes), ratings after interviews and payments", async () => {
      const d = await loadDashboard({ db: database.db, scope: { level: "body", id: "steg" }, period: SEED_PERIOD, now });
      expect(d.cases.total).toBe(SEEDED.steg.cases);
      expect(d.bookings).toEqual({ total: SEEDED.steg.bookings, completed: 6, noShows: SEEDED.steg.noShows, cancelled: 1 });
      expect(d.payments).toEqual({ count: SEEDED.steg.payments, amountMillimes: SEEDED.steg.amountMillimes });
      expect(d.satisfaction.interview).toEqual({ count: 5, sum: sum(SEEDED.steg.interviewRatings), satisfied: 3 });
      expect(d.satisfaction.payment).toEqual({ count: 5, sum: sum(SEEDED.steg.paymentRatings), satisfied: 4 });
      expect(d.visits).toBeNull();
    });

    it("the country: everything, visits and lessons included; another period sees none of it", async () => {
      const d = await loadDashboard({ db: database.db, scope: { level: "national" }, period: SEED_PERIOD, now });
      expect(d.cases.total).toBe(SEEDED.national.cases);
      expect(d.payments).toEqual({ count: SEEDED.national.payments, amountMillimes: SEEDED.national.amountMillimes });
      expect(d.bookings!.total).toBe(SEEDED.national.bookings);
      expect(d.lessonsCompleted).toBe(SEEDED.national.lessons);
      expect(d.guidanceSessions).toBe(SEEDED.national.guidance);
      expect(d.visits).toEqual({ total: 168, bySection: [{ section: "home", visits: 120 }, { section: "learn", visits: 3 }, { section: "services", visits: 45 }] });
      const march = await loadDashboard({ db: database.db, scope: { level: "national" }, period: { from: "2023-03-01", to: "2023-03-31" }, now });
      expect(march.cases.total).toBe(0);
      expect(march.payments).toEqual({ count: 0, amountMillimes: 0 });
    });

    it("open data: daily rows, small counts withheld, large ones published", async () => {
      for (const id of DATASET_IDS) {
        const rows = await loadDataset({ db: database.db, id, period: SEED_PERIOD });
        for (const row of rows) for (const v of Object.values(row)) expect(isSmallCount(v), `${id} ${JSON.stringify(row)}`).toBe(false);
      }
      expect(await loadDataset({ db: database.db, id: "visits", period: SEED_PERIOD })).toEqual([
        { date: "2023-02-10", section: "home", visits: 120 },
        { date: "2023-02-10", section: "learn", visits: null },
        { date: "2023-02-10", section: "services", visits: 45 },
      ]);
      expect(await loadDataset({ db: database.db, id: "payments", period: SEED_PERIOD })).toEqual([{ date: "2023-02-15", payments: 7, amount_millimes: 79_000 }]);
      // One case a day: every count withheld.
      const cases = await loadDataset({ db: database.db, id: "cases", period: SEED_PERIOD });
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.every((r) => r.submitted === null || r.submitted === 0)).toBe(true);
    });

    it("Open311: only public fields; words and a rounded point only after moderation approved", async () => {
      const found = await findRequests({
        db: database.db,
        now,
        lang: "fr",
        statusNote: (s) => `status ${s}`,
        agency: () => "Municipalité de Haïdra",
        query: { jurisdiction: "municipality-haidra", start: new Date("2023-02-01T00:00:00+01:00"), end: new Date("2023-03-01T00:00:00+01:00") },
      });
      expect(found).toHaveLength(3);
      for (const r of found) expect(open311RequestSchema.parse(r)).toEqual(r);
      const approved = found.filter((r) => r.description !== null);
      expect(approved).toHaveLength(2);
      expect(approved[0]).toMatchObject({ status: "closed", lat: 35.568, long: 8.457 });
      const hidden = found.find((r) => r.description === null)!;
      expect(hidden).toMatchObject({ lat: null, long: null, address: null });
      expect(JSON.stringify(found)).not.toMatch(/\+216|Seed citizen/);
      // By id: the same request; an unknown id: nothing.
      const one = await findRequests({ db: database.db, now, lang: "ar", statusNote: (s) => s, agency: () => null, query: { ids: [found[0]!.service_request_id] } });
      expect(one.map((r) => r.service_request_id)).toEqual([found[0]!.service_request_id]);
      expect(await findRequests({ db: database.db, now, lang: "ar", statusNote: (s) => s, agency: () => null, query: { ids: ["nope"] } })).toEqual([]);
      // The default window is the last 90 days: the 2023 reports are not in it.
      expect(await findRequests({ db: database.db, now, lang: "ar", statusNote: (s) => s, agency: () => null, query: {} })).toEqual([]);
      expect(z.array(open311RequestSchema).safeParse(found).success).toBe(true);
    });
  });
}
