import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { type Database } from "@/lib/db/open";
import { interviewBookings, interviewHolds, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/i18n/format";
import { loadInterpreters, loadOfficials, saveAvailability } from "./availability";
import { bookInterview, cancelByCitizen, cancelByOfficial, reschedule } from "./booking";
import { recordOutcome } from "./outcome";
import type { Policy } from "./rules";
import { offerSlots } from "./slots";
import { testDatabases } from "@/lib/testing/db";

/**
 * The booking transaction on embedded PGlite, and on a real PostgreSQL when TEST_DATABASE_URL is
 * set (CI): there the 20 bookings really race on 10 pooled connections.
 */
const targets = testDatabases();

const policy: Policy = { changeCutoffMinutes: 120, roomMarginMinutes: 15, noShowAfterMinutes: 10 };
// Monday 15 June 2026, 07:00 in Tunis
const now = new Date("2026-06-15T06:00:00Z");
const phone = () => `+2165${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

for (const target of targets) {
  describe(`booking on ${target.name}`, () => {
    let database: Database;
    let officialId: string;
    let interpreterId: string;
    const citizens: string[] = [];

    beforeAll(async () => {
      database = await target.open();
      const { db } = database;
      const body = `steg`;
      const [official] = await db.insert(users).values({ phone: phone(), role: "official", bodyId: body, officialLevel: "regional" }).returning();
      const [interpreter] = await db.insert(users).values({ phone: phone(), role: "volunteer", interpreter: true }).returning();
      officialId = official!.id;
      interpreterId = interpreter!.id;
      const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60 }));
      await saveAvailability({ db, userId: officialId, settings: { slotMinutes: 30, bufferMinutes: 10, horizonDays: 14, minNoticeMinutes: 60, topics: ["billing"], active: true }, weekly });
      await saveAvailability({ db, userId: interpreterId, settings: { slotMinutes: 30, bufferMinutes: 0, horizonDays: 14, minNoticeMinutes: 60, topics: [], active: true }, weekly });
      for (let i = 0; i < 22; i++) {
        const [c] = await db.insert(users).values({ phone: phone() }).returning();
        citizens.push(c!.id);
      }
    });
    afterAll(async () => {
      // Leave a shared PostgreSQL as we found it.
      if (database && target.name === "PostgreSQL") {
        await database.db.execute(sql`delete from interview_bookings where official_id = ${officialId}`);
      }
      await database?.close();
    });

    const slotsFor = async (needsInterpreter: boolean) => {
      const officials = (await loadOfficials({ db: database.db, bodyIds: ["steg"], topic: "billing", now })).filter((o) => o.id === officialId);
      const interpreters = needsInterpreter ? (await loadInterpreters({ db: database.db, now })).filter((i) => i.id === interpreterId) : null;
      return offerSlots({ officials, interpreters, now, timeZone: TIME_ZONE });
    };

    const book = (citizenId: string, slot: { start: Date; officialId: string; interpreterId: string | null }, key = crypto.randomUUID()) =>
      bookInterview({
        db: database.db,
        citizenId,
        body: "steg",
        topic: "billing",
        needsInterpreter: slot.interpreterId !== null,
        choice: { officialId: slot.officialId, interpreterId: slot.interpreterId, start: slot.start },
        subject: "Ma facture est trop élevée",
        reminderChannels: ["sms"],
        idempotencyKey: key,
        now,
      });

    it("20 simultaneous bookings of one slot: exactly one wins, the others are told it was taken", async () => {
      const [slot] = await slotsFor(false);
      const results = await Promise.allSettled(citizens.slice(0, 20).map((c) => book(c, slot!)));
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const l of lost) {
        expect(l.reason).toBeInstanceOf(AppError);
        expect((l.reason as AppError).messageKey).toBe("Booking.errors.slotTaken");
      }
      const rows = await database.db.select().from(interviewBookings).where(eq(interviewBookings.startsAt, slot!.start));
      expect(rows.filter((r) => r.officialId === officialId)).toHaveLength(1);
      // The slot is no longer offered; its neighbours are.
      const after = await slotsFor(false);
      expect(after.some((s) => s.start.getTime() === slot!.start.getTime())).toBe(false);
      expect(after[0]!.start.getTime()).toBeGreaterThan(slot!.start.getTime());
    });

    it("replaying the same submission returns the first booking", async () => {
      const [slot] = await slotsFor(false);
      const key = crypto.randomUUID();
      const [a, b] = await Promise.all([book(citizens[20]!, slot!, key), book(citizens[20]!, slot!, key)]);
      expect(a.id).toBe(b.id);
    });

    it("refuses a time the rules never offered (outside the pattern, or before the notice)", async () => {
      const [slot] = await slotsFor(false);
      await expect(book(citizens[21]!, { ...slot!, start: new Date(slot!.start.getTime() + 5 * 60000) })).rejects.toMatchObject({ messageKey: "Booking.errors.slotUnavailable" });
      await expect(book(citizens[21]!, { ...slot!, start: new Date("2026-06-15T06:30:00Z") })).rejects.toMatchObject({ messageKey: "Booking.errors.slotUnavailable" });
    });

    it("with an interpreter, reserves both; 20 racing for it still give one booking", async () => {
      const offered = await slotsFor(true);
      const slot = offered[0]!;
      expect(slot.interpreterId).toBe(interpreterId);
      const results = await Promise.allSettled(citizens.slice(0, 20).map((c) => book(c, slot)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const booking = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<Awaited<ReturnType<typeof book>>>).value;
      const holds = await database.db.select().from(interviewHolds).where(eq(interviewHolds.bookingId, booking.id));
      expect(new Set(holds.map((h) => h.hostId))).toEqual(new Set([officialId, interpreterId]));
      // 30 min + 10 buffer for the official (8 blocks), 30 min for the interpreter (6 blocks).
      expect(holds.filter((h) => h.hostId === officialId)).toHaveLength(8);
      expect(holds.filter((h) => h.hostId === interpreterId)).toHaveLength(6);
      // Neither is offered at that time any more, with or without interpreter.
      expect((await slotsFor(true)).some((s) => s.start.getTime() === slot.start.getTime())).toBe(false);
    });

    it("an interpreter taken by another official's booking is not offered, and cannot be booked", async () => {
      const [other] = await database.db.insert(users).values({ phone: phone(), role: "official", bodyId: "steg", officialLevel: "central" }).returning();
      const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60 }));
      await saveAvailability({ db: database.db, userId: other!.id, settings: { slotMinutes: 30, bufferMinutes: 10, horizonDays: 14, minNoticeMinutes: 60, topics: ["billing"], active: true }, weekly });
      const mine = (await slotsFor(true))[0]!;
      await book(citizens[1]!, mine);
      await expect(book(citizens[2]!, { start: mine.start, officialId: other!.id, interpreterId })).rejects.toMatchObject({ messageKey: "Booking.errors.slotTaken" });
      // The failed attempt left nothing behind: the other official is still free then.
      const otherSlots = offerSlots({ officials: (await loadOfficials({ db: database.db, bodyIds: ["steg"], topic: "billing", now })).filter((o) => o.id === other!.id), interpreters: null, now, timeZone: TIME_ZONE });
      expect(otherSlots.some((s) => s.start.getTime() === mine.start.getTime())).toBe(true);
      await database.db.execute(sql`delete from interview_weekly where user_id = ${other!.id}`);
    });

    it("reschedule: a new booking (old link dead), old time released; a cancelled booking cannot be moved", async () => {
      const offered = await slotsFor(false);
      const first = await book(citizens[3]!, offered[0]!);
      const moved = await reschedule({ db: database.db, bookingId: first.id, citizenId: citizens[3]!, choice: { ...offered[1]!, interpreterId: null }, reason: "Empêchement", now, policy });
      expect(moved.id).not.toBe(first.id);
      expect(moved.rescheduledFromId).toBe(first.id);
      expect(moved.sequence).toBe(1);
      const [old] = await database.db.select().from(interviewBookings).where(eq(interviewBookings.id, first.id));
      expect(old!.status).toBe("rescheduled");
      expect(old!.rescheduledToId).toBe(moved.id);
      expect(await database.db.select().from(interviewHolds).where(eq(interviewHolds.bookingId, first.id))).toHaveLength(0);
      expect((await slotsFor(false)).some((s) => s.start.getTime() === offered[0]!.start.getTime())).toBe(true);
      // The old booking cannot be moved again.
      await expect(reschedule({ db: database.db, bookingId: first.id, citizenId: citizens[3]!, choice: { ...offered[2]!, interpreterId: null }, reason: "Empêchement", now, policy })).rejects.toMatchObject({ messageKey: "Booking.refusals.notActive" });

      const cancelled = await cancelByCitizen({ db: database.db, bookingId: moved.id, citizenId: citizens[3]!, reason: "Empêchement", now, policy });
      expect(cancelled.status).toBe("cancelled");
      await expect(reschedule({ db: database.db, bookingId: moved.id, citizenId: citizens[3]!, choice: { ...offered[2]!, interpreterId: null }, reason: "Empêchement", now, policy })).rejects.toMatchObject({ messageKey: "Booking.refusals.notActive" });
      expect((await slotsFor(false)).some((s) => s.start.getTime() === offered[1]!.start.getTime())).toBe(true);
    });

    it("a reschedule onto a taken slot changes nothing", async () => {
      const offered = await slotsFor(false);
      const mine = await book(citizens[4]!, offered[0]!);
      await book(citizens[5]!, offered[1]!);
      await expect(reschedule({ db: database.db, bookingId: mine.id, citizenId: citizens[4]!, choice: { ...offered[1]!, interpreterId: null }, reason: "Empêchement", now, policy })).rejects.toMatchObject({ messageKey: "Booking.errors.slotTaken" });
      const [still] = await database.db.select().from(interviewBookings).where(eq(interviewBookings.id, mine.id));
      expect(still!.status).toBe("confirmed");
      expect(await database.db.select().from(interviewHolds).where(eq(interviewHolds.bookingId, mine.id))).toHaveLength(8);
    });

    it("cut-off, someone else's booking, official cancel and outcome", async () => {
      const offered = await slotsFor(false);
      const b = await book(citizens[6]!, offered[0]!);
      const late = new Date(b.startsAt.getTime() - 60 * 60000);
      await expect(cancelByCitizen({ db: database.db, bookingId: b.id, citizenId: citizens[6]!, reason: "x", now: late, policy })).rejects.toMatchObject({ messageKey: "Booking.refusals.pastCutoff" });
      await expect(cancelByCitizen({ db: database.db, bookingId: b.id, citizenId: citizens[7]!, reason: "x", now, policy })).rejects.toMatchObject({ code: "notFound" });
      await expect(recordOutcome({ db: database.db, bookingId: b.id, officialId, outcome: "ok", now })).rejects.toMatchObject({ messageKey: "Booking.refusals.notStarted" });
      const done = await recordOutcome({ db: database.db, bookingId: b.id, officialId, outcome: "Dossier à compléter", now: b.startsAt });
      expect(done.status).toBe("completed");

      const c = await book(citizens[8]!, offered[1]!);
      const off = await cancelByOfficial({ db: database.db, bookingId: c.id, officialId, reason: "Absence", now: late });
      expect(off.status).toBe("cancelled");
      expect(off.cancelledById).toBe(officialId);
    });
  });
}
