import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { flushVisits } from "./visits";
import { generateReference } from "@/lib/cases/reference";
import { caseEvents, cases, guidanceSessions, interviewBookings, lessonProgress, paymentItems, payments, reportModeration, sectionVisits, serviceRatings, users } from "@/lib/db/schema";

/**
 * A known dataset for the statistics journey (e2e/statistics.spec.ts), written only through the
 * test guard (app/api/test/statistics, TEST_CLOCK=true): February 2023, a month no other journey
 * writes in, at the house of Haidra (its municipality) and at STEG. Written again from scratch on
 * each call (the previous copy removed first, in one transaction), so the figures are exact
 * however often the journey runs. The expected figures are in SEEDED below, next to the rows.
 */
export const SEED_PERIOD = { from: "2023-02-01", to: "2023-02-28" } as const;
const HOUSE = "haidra";
const MUNICIPALITY = "municipality-haidra";
const PHONES = { citizen: "+21629990001", official: "+21629990002", volunteer: "+21629990003" };

/** The figures the dashboard must show for SEED_PERIOD (asserted by the journey). */
export const SEEDED = {
  house: { cases: 7, firstReplyMedianHours: 4, resolutionMedianHours: 96, overdue: 2, withDeadline: 7, caseRatings: [5, 4, 4, 2, 5], guidance: 6 },
  steg: { cases: 3, bookings: 9, noShows: 2, payments: 6, amountMillimes: 75_000, interviewRatings: [5, 5, 4, 3, 1], paymentRatings: [5, 4, 4, 4, 3] },
  national: { cases: 10, payments: 7, amountMillimes: 79_000, bookings: 9, lessons: 5, guidance: 6, visits: { home: 120, services: 45, learn: 3 } },
} as const;

// 2023-02-d at hh:00 in Tunis (UTC+1, no summer time since 2009).
const at = (d: number, h = 9) => new Date(Date.UTC(2023, 1, d, h - 1));
const HOUR = 3_600_000;

/** Real references (check character included) of the year 2023, the same on every run. */
function seedReference(n: number): string {
  let draw = 0;
  return generateReference({ year: 2023, random: (len) => Uint8Array.from({ length: len }, (_, k) => (n * 7 + k * 3 + draw++ * 11 + 1) & 31) });
}

async function seedUser(db: Db, phone: string, role: "citizen" | "official" | "volunteer", extra: { bodyId?: string; houseId?: string } = {}): Promise<string> {
  const [found] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
  if (found) return found.id;
  const [row] = await db.insert(users).values({ phone, role, bodyId: extra.bodyId ?? null, houseId: extra.houseId ?? null, locale: "fr-TN", name: `Seed ${role}`, notifySms: false, onboardedAt: new Date() }).returning({ id: users.id });
  return row!.id;
}

export async function seedStatistics(db: Db): Promise<typeof SEEDED & { unratedInterviewId: string }> {
  let unratedInterviewId = "";
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(20230201)`);
    const t = tx as unknown as Db;
    const citizen = await seedUser(t, PHONES.citizen, "citizen");
    const official = await seedUser(t, PHONES.official, "official", { bodyId: "steg" });
    const volunteer = await seedUser(t, PHONES.volunteer, "volunteer", { houseId: HOUSE });

    // The previous copy, whole.
    await tx.delete(serviceRatings).where(eq(serviceRatings.userId, citizen));
    await tx.delete(cases).where(eq(cases.citizenId, citizen));
    await tx.delete(interviewBookings).where(eq(interviewBookings.citizenId, citizen));
    await tx.delete(payments).where(eq(payments.userId, citizen));
    await tx.delete(guidanceSessions).where(eq(guidanceSessions.volunteerId, volunteer));
    await tx.delete(lessonProgress).where(eq(lessonProgress.userId, citizen));
    await tx.delete(sectionVisits).where(and(gte(sectionVisits.day, SEED_PERIOD.from), sql`${sectionVisits.day} <= ${SEED_PERIOD.to}`));

    // House of Haidra: 7 cases, all closed (none waits in a real queue). Replies after 2, 4 and
    // 10 hours (median 4); closed after 1…7 days (median 96 h); due after 5 days (2 late).
    const houseCases = Array.from({ length: 7 }, (_, i) => {
      const submittedAt = at(2 + i);
      const kind = i < 4 ? "complaint" : "municipal-report";
      return {
        reference: seedReference(i),
        kind,
        bodyId: MUNICIPALITY,
        houseId: HOUSE,
        status: "resolved",
        citizenId: citizen,
        payload:
          kind === "complaint"
            ? { subject: "Seeded complaint", description: "Seeded complaint for the statistics journey." }
            : { category: i === 4 ? "lighting" : "waste", governorate: "kasserine", delegation: "haidra", location: { mode: "gps", lat: 35.56789, lon: 8.45678 }, description: `Seeded report ${i}`, hideName: true, sharePhotoLocation: false },
        locale: "fr-TN",
        submittedAt,
        dueAt: new Date(submittedAt.getTime() + 5 * 24 * HOUR),
        clock: "stopped",
        closedAt: new Date(submittedAt.getTime() + (i + 1) * 24 * HOUR),
        updatedAt: new Date(submittedAt.getTime() + (i + 1) * 24 * HOUR),
        version: 1,
      };
    });
    const stegCases = Array.from({ length: 3 }, (_, i) => ({
      reference: seedReference(10 + i),
      kind: "complaint",
      bodyId: "steg",
      houseId: null,
      status: "resolved",
      citizenId: citizen,
      payload: { subject: "Seeded complaint", description: "Seeded complaint for the statistics journey." },
      locale: "fr-TN",
      submittedAt: at(20 + i),
      dueAt: null,
      clock: "stopped",
      closedAt: at(25),
      updatedAt: at(25),
      version: 1,
    }));
    const inserted = await tx.insert(cases).values([...houseCases, ...stegCases]).returning({ id: cases.id, submittedAt: cases.submittedAt, houseId: cases.houseId, kind: cases.kind });
    const house = inserted.filter((c) => c.houseId === HOUSE);
    const events: (typeof caseEvents.$inferInsert)[] = [];
    [2, 4, 10].forEach((h, i) => events.push({ caseId: house[i]!.id, seq: 1, at: new Date(house[i]!.submittedAt.getTime() + h * HOUR), type: "reply", visibility: "public", actorId: official, actorRole: "official", message: "Seeded reply" }));
    SEEDED.house.caseRatings.forEach((stars, i) => events.push({ caseId: house[i]!.id, seq: 2, at: at(15, 10 + i), type: "rated", visibility: "public", actorId: citizen, actorRole: "citizen", data: { stars } }));
    await tx.insert(caseEvents).values(events);
    // Two reports approved by moderation (their words are public), one not.
    const reports = house.filter((c) => c.kind === "municipal-report");
    await tx.insert(reportModeration).values(reports.slice(0, 2).map((r) => ({ caseId: r.id, approvedAt: at(10), decidedBy: official, decidedAt: at(10) })));

    // STEG: 9 bookings (6 completed, 2 missed, 1 cancelled) + 1 moved (not counted).
    const statuses = ["completed", "completed", "completed", "completed", "completed", "completed", "noShow", "noShow", "cancelled", "rescheduled"] as const;
    const bookings = await tx
      .insert(interviewBookings)
      .values(statuses.map((status, i) => ({ reference: `SEED-STAT-${i}`, citizenId: citizen, officialId: official, bodyId: "steg", topic: "billing", subject: "Seeded interview", startsAt: at(3 + i, 10), endsAt: at(3 + i, 11), status })))
      .returning({ id: interviewBookings.id });
    // The sixth is over and not rated: the journey's citizen rates it.
    unratedInterviewId = bookings[5]!.id;
    await tx.insert(serviceRatings).values(SEEDED.steg.interviewRatings.map((stars, i) => ({ subject: "interview", subjectId: bookings[i]!.id, userId: citizen, bodyId: "steg", stars, createdAt: at(16, 9 + i) })));

    // Payments: 6 paid to STEG (12.500 TND each), 1 paid to SONEDE (4.000 TND), 1 declined.
    const paid = [...Array.from({ length: 6 }, () => ({ payee: "steg", amount: 12_500, state: "paid" as const })), { payee: "sonede", amount: 4_000, state: "paid" as const }, { payee: "steg", amount: 9_000, state: "declined" as const }];
    const rows = await tx
      .insert(payments)
      .values(
        paid.map((p, i) => ({
          reference: `PAY-SEED-${i}`,
          userId: citizen,
          idempotencyKey: `seed-stat-${i}`,
          gateway: "seed",
          gatewayPaymentId: `seed-stat-${i}`,
          payerPhone: PHONES.citizen,
          amountMillimes: p.amount,
          feeMillimes: 0,
          totalMillimes: p.amount,
          state: p.state,
          locale: "fr-TN",
          createdAt: at(15, 9 + i),
          updatedAt: at(15, 9 + i),
          expiresAt: at(15, 10 + i),
          paidAt: p.state === "paid" ? at(15, 9 + i) : null,
          nextCheckAt: at(15, 10 + i),
          fulfilledAt: at(15, 10 + i),
        })),
      )
      .returning({ id: payments.id });
    await tx.insert(paymentItems).values(paid.map((p, i) => ({ paymentId: rows[i]!.id, payee: p.payee, reference: `SEEDBILL${i}`, customer: "Seed", amountMillimes: p.amount, active: false })));
    await tx.insert(serviceRatings).values(SEEDED.steg.paymentRatings.map((stars, i) => ({ subject: "payment", subjectId: rows[i]!.id, userId: citizen, bodyId: "steg", stars, createdAt: at(16, 15 + i) })));

    // Guidance at the house: 6 sessions the citizen agreed to, 1 never agreed (not counted).
    await tx.insert(guidanceSessions).values(
      Array.from({ length: 7 }, (_, i) => ({ volunteerId: volunteer, houseId: HOUSE, phone: PHONES.citizen, citizenId: citizen, codeHash: "seed", createdAt: at(5 + i), expiresAt: at(5 + i, 10), consentedAt: i < 6 ? at(5 + i, 9) : null, endedAt: at(5 + i, 11), endedBy: "volunteer" })),
    );
    await tx.insert(lessonProgress).values(["online-safety", "seed-a", "seed-b", "seed-c", "seed-d"].map((slug, i) => ({ userId: citizen, slug, right: 3, total: 4, updatedAt: at(12 + i) })));
    await tx.insert(sectionVisits).values(Object.entries(SEEDED.national.visits).map(([section, visits]) => ({ day: "2023-02-10", section, visits })));
  });
  return { ...SEEDED, unratedInterviewId };
}


/** For the test route: the seed, or the visit counters flushed now, in the app's database. */
export async function statisticsTestHook(action: "seed" | "flushVisits") {
  const { db } = await getDb();
  return action === "seed" ? seedStatistics(db) : { flushed: await flushVisits(db) };
}
