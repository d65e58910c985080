import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import type { Database, Db } from "@/lib/db/open";
import { auditLog, cases, interviewBookings, notificationDeliveries, notifications } from "@/lib/db/schema";
import { TIME_ZONE } from "@/lib/i18n/format";
import { renderNotification } from "@/lib/notifications/render";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { loadOfficials, saveAvailability } from "./availability";
import { bookInterview, cancelByCitizen, cancelByOfficial, reschedule, type Booking } from "./booking";
import { openCaseFromOutcome, recordNoShow, recordOutcome } from "./outcome";
import { sweepInterviewReminders } from "./reminders";
import type { Policy } from "./rules";
import { offerSlots } from "./slots";

/**
 * What a booking tells people (in the transaction of the change), the reminders the sweep writes
 * (each once, never for a cancelled or moved booking), the case opened from an outcome, and the
 * audit of the official's acts. The server clock is the `now` each call is given.
 */
const tn = (s: string) => new Date(`${s}+01:00`);
const policy: Policy = { changeCutoffMinutes: 120, roomMarginMinutes: 15, noShowAfterMinutes: 10 };
// Monday 15 June 2026, 07:00 in Tunis
const monday = tn("2026-06-15T07:00:00");

for (const target of testDatabases()) {
  describe(`interview notifications and reminders on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let official: Actor;

    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      official = await makeUser(db, { role: "official", bodyId: "steg", name: "Responsable STEG", locale: "fr-TN" });
      const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60 }));
      await saveAvailability({ db, userId: official.userId, settings: { slotMinutes: 30, bufferMinutes: 0, horizonDays: 14, minNoticeMinutes: 60, topics: ["billing"], active: true }, weekly });
    }, 180_000);
    afterAll(async () => {
      if (database && target.name === "PostgreSQL") await db.execute(sql`delete from interview_bookings where official_id = ${official.userId}`);
      await database?.close();
    });

    /** The slot of this official starting at `start` (Tunis wall time), offered at `now`. */
    const slotAt = async (start: Date, now = monday) => {
      const officials = (await loadOfficials({ db, bodyIds: ["steg"], topic: "billing", now })).filter((o) => o.id === official.userId);
      const slot = offerSlots({ officials, interpreters: null, now, timeZone: TIME_ZONE, limit: 500 }).find((s) => s.start.getTime() === start.getTime());
      if (!slot) throw new Error(`no slot at ${start.toISOString()}`);
      return { start: slot.start, officialId: official.userId, interpreterId: null };
    };
    type Choice = Awaited<ReturnType<typeof slotAt>>;
    const book = async (citizen: Actor, start: Date | Choice, opts: { now?: Date; reminders?: ("sms" | "push")[] } = {}) =>
      bookInterview({
        db,
        citizenId: citizen.userId,
        body: "steg",
        topic: "billing",
        needsInterpreter: false,
        choice: start instanceof Date ? await slotAt(start, opts.now) : start,
        subject: "Ma facture de mai est trop élevée",
        reminderChannels: opts.reminders ?? ["sms"],
        idempotencyKey: crypto.randomUUID(),
        now: opts.now ?? monday,
        audit: { actor: citizen },
      });
    const inbox = (userId: string, type?: string) =>
      db
        .select()
        .from(notifications)
        .where(type ? and(eq(notifications.userId, userId), eq(notifications.type, type)) : eq(notifications.userId, userId));
    const channelsOf = async (notificationId: string) =>
      (await db.select({ channel: notificationDeliveries.channel }).from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notificationId))).map((d) => d.channel).sort();
    const audits = (subjectId: string, action: string) => db.select().from(auditLog).where(and(eq(auditLog.subjectId, subjectId), eq(auditLog.action, action)));

    it("a booking tells the citizen (by their channels, in their language, Tunis time) and the official (inbox only)", async () => {
      const citizen = await makeUser(db, { locale: "fr-TN", notifySms: true, name: "Amel" });
      const b = await book(citizen, tn("2026-06-17T10:00:00"));
      const [mine] = await inbox(citizen.userId, "interviewBooked");
      expect(mine!.link).toBe(`/interviews/${b.id}`);
      expect(await channelsOf(mine!.id)).toEqual(["sms"]);
      const fr = renderNotification({ type: mine!.type, data: mine!.data, locale: "fr-TN" });
      expect(fr.title).toContain("17 juin 2026");
      expect(fr.title).toContain("10:00");
      expect(fr.body).toContain(b.reference);
      expect(fr.sms).toContain("10:00");
      const ar = renderNotification({ type: mine!.type, data: mine!.data, locale: "ar-TN" });
      expect(ar.title).toContain("حُجزت المقابلة");
      const [theirs] = await inbox(official.userId, "interviewOfficialBooked");
      expect(theirs).toBeDefined();
      expect(theirs!.link).toBe(`/staff/agenda/${b.id}`);
      expect(renderNotification({ type: theirs!.type, data: theirs!.data, locale: "fr-TN" }).body).toContain("Amel");
      expect(await channelsOf(theirs!.id)).toEqual([]);
      expect(await audits(b.id, "interview.book")).toHaveLength(1);
    });

    it("a booking that loses the race notifies nobody", async () => {
      const first = await makeUser(db);
      const second = await makeUser(db);
      // Both saw the slot free; the second confirms after the first.
      const start = await slotAt(tn("2026-06-17T10:30:00"));
      await book(first, start);
      await expect(book(second, start)).rejects.toMatchObject({ messageKey: "Booking.errors.slotTaken" });
      expect(await inbox(second.userId)).toHaveLength(0);
    });

    it("cancel by the citizen, by the official (with a link to book again), and reschedule (with its reason) each notify", async () => {
      const citizen = await makeUser(db, { locale: "ar-TN" });
      const a = await book(citizen, tn("2026-06-17T11:00:00"));
      await cancelByCitizen({ db, bookingId: a.id, citizenId: citizen.userId, reason: "Réglé", now: monday, policy, audit: { actor: citizen } });
      expect(await inbox(citizen.userId, "interviewCancelled")).toHaveLength(1);
      const [told] = (await inbox(official.userId, "interviewOfficialCancelled")).filter((n) => n.data.reference === a.reference);
      expect(told!.data.reason).toBe("Réglé");

      const b = await book(citizen, tn("2026-06-17T11:00:00"));
      await cancelByOfficial({ db, bookingId: b.id, officialId: official.userId, reason: "Réunion imprévue", now: monday, audit: { actor: official } });
      const [off] = await inbox(citizen.userId, "interviewCancelledByOfficial");
      expect(off!.link).toBe("/interviews/book?body=steg&topic=billing&interpreter=no");
      expect(renderNotification({ type: off!.type, data: off!.data, locale: "fr-TN" }).body).toContain("Réunion imprévue");
      // Audited once, by the change itself.
      expect(await audits(b.id, "interview.cancel")).toHaveLength(1);

      const c = await book(citizen, tn("2026-06-17T11:00:00"));
      const moved = await reschedule({ db, bookingId: c.id, citizenId: citizen.userId, choice: await slotAt(tn("2026-06-18T09:30:00")), reason: "Un empêchement", now: monday, policy, audit: { actor: citizen } });
      const [old] = await db.select().from(interviewBookings).where(eq(interviewBookings.id, c.id));
      expect(old!.rescheduleReason).toBe("Un empêchement");
      const [re] = await inbox(citizen.userId, "interviewRescheduled");
      expect(re!.link).toBe(`/interviews/${moved.id}`);
      const text = renderNotification({ type: re!.type, data: re!.data, locale: "fr-TN" });
      expect(text.title).toContain("18 juin 2026");
      expect(text.body).toContain("17 juin 2026");
      const [movedNote] = (await inbox(official.userId, "interviewOfficialMoved")).filter((n) => n.data.reference === moved.reference);
      expect(movedNote!.data.reason).toBe("Un empêchement");
      expect((await audits(c.id, "interview.reschedule"))[0]!.detail).toMatchObject({ to: moved.id, reason: "Un empêchement" });
    });

    describe("reminders", () => {
      const reminders = async (citizen: Actor) => ({
        day: (await inbox(citizen.userId, "interviewReminderDay")).length,
        soon: (await inbox(citizen.userId, "interviewReminderSoon")).length,
      });

      it("the day before at the start time less 24 h, then 15 minutes before, each once, by the channels chosen for the booking", async () => {
        // The person's general settings say push; for this booking they chose SMS.
        const citizen = await makeUser(db, { notifyPush: true });
        const b = await book(citizen, tn("2026-06-18T10:00:00"), { reminders: ["sms"] });
        await sweepInterviewReminders({ db, now: tn("2026-06-17T09:59:00") });
        expect(await reminders(citizen)).toEqual({ day: 0, soon: 0 });
        // Two instances sweeping at once, then again later: one reminder.
        await Promise.all([sweepInterviewReminders({ db, now: tn("2026-06-17T10:00:00") }), sweepInterviewReminders({ db, now: tn("2026-06-17T10:00:00") })]);
        await sweepInterviewReminders({ db, now: tn("2026-06-17T18:00:00") });
        expect(await reminders(citizen)).toEqual({ day: 1, soon: 0 });
        const [day] = await inbox(citizen.userId, "interviewReminderDay");
        expect(await channelsOf(day!.id)).toEqual(["sms"]);
        expect(day!.link).toBe(`/interviews/${b.id}`);
        expect(renderNotification({ type: day!.type, data: day!.data, locale: "ar-TN" }).sms).toContain("10:00");

        await sweepInterviewReminders({ db, now: tn("2026-06-18T09:44:00") });
        expect(await reminders(citizen)).toEqual({ day: 1, soon: 0 });
        await sweepInterviewReminders({ db, now: tn("2026-06-18T09:45:00") });
        await sweepInterviewReminders({ db, now: tn("2026-06-18T09:50:00") });
        expect(await reminders(citizen)).toEqual({ day: 1, soon: 1 });
        const [soon] = await inbox(citizen.userId, "interviewReminderSoon");
        expect(await channelsOf(soon!.id)).toEqual(["sms"]);
        // Inbox only when no channel was chosen.
        const quiet = await makeUser(db, { notifySms: true });
        await book(quiet, tn("2026-06-18T10:30:00"), { reminders: [] });
        await sweepInterviewReminders({ db, now: tn("2026-06-18T10:15:00") });
        const [q] = await inbox(quiet.userId, "interviewReminderSoon");
        expect(await channelsOf(q!.id)).toEqual([]);
      });

      it("none for a cancelled booking, nor for the booking a reschedule left", async () => {
        const citizen = await makeUser(db);
        const a = await book(citizen, tn("2026-06-19T09:00:00"));
        await cancelByCitizen({ db, bookingId: a.id, citizenId: citizen.userId, reason: "Réglé", now: monday, policy });
        const b = await book(citizen, tn("2026-06-19T09:30:00"));
        const moved = await reschedule({ db, bookingId: b.id, citizenId: citizen.userId, choice: await slotAt(tn("2026-06-22T09:00:00")), reason: "Empêchement", now: monday, policy });
        for (const at of ["2026-06-18T09:00:00", "2026-06-18T09:30:00", "2026-06-19T08:50:00", "2026-06-19T09:20:00"]) await sweepInterviewReminders({ db, now: tn(at) });
        expect(await reminders(citizen)).toEqual({ day: 0, soon: 0 });
        // The moved booking gets its own, at its own time.
        await sweepInterviewReminders({ db, now: tn("2026-06-21T09:00:00") });
        const [day] = await inbox(citizen.userId, "interviewReminderDay");
        expect(day!.link).toBe(`/interviews/${moved.id}`);
      });

      it("no day-before reminder for a booking made less than a day ahead (its confirmation said it)", async () => {
        const citizen = await makeUser(db);
        const now = tn("2026-06-23T07:00:00");
        await book(citizen, tn("2026-06-23T11:00:00"), { now });
        await sweepInterviewReminders({ db, now: tn("2026-06-23T08:00:00") });
        await sweepInterviewReminders({ db, now: tn("2026-06-23T10:45:00") });
        expect(await reminders(citizen)).toEqual({ day: 0, soon: 1 });
      });
    });

    it("opens a case from the outcome in one step: the citizen's question with the outcome, linked and audited, once", async () => {
      const citizen = await makeUser(db, { locale: "fr-TN" });
      const b: Booking = await book(citizen, tn("2026-06-24T09:00:00"));
      const during = tn("2026-06-24T09:20:00");
      await expect(openCaseFromOutcome({ db, bookingId: b.id, officialId: official.userId, now: during })).rejects.toMatchObject({ messageKey: "Agenda.errors.outcomeFirst" });
      await recordOutcome({ db, bookingId: b.id, officialId: official.userId, outcome: "ok", now: during, audit: { actor: official } });
      // Too short to be a question: said on the outcome field, nothing created.
      await expect(openCaseFromOutcome({ db, bookingId: b.id, officialId: official.userId, now: during })).rejects.toMatchObject({ fields: { outcome: "Agenda.errors.outcomeTooShortForCase" } });
      expect(await db.select().from(cases).where(eq(cases.citizenId, citizen.userId))).toHaveLength(0);

      const outcome = "Un relevé de compteur sera fait cette semaine ; la facture sera corrigée.";
      await recordOutcome({ db, bookingId: b.id, officialId: official.userId, outcome, now: during, audit: { actor: official } });
      expect(await audits(b.id, "interview.outcome")).toHaveLength(2);
      const other = await makeUser(db, { role: "official", bodyId: "steg" });
      await expect(openCaseFromOutcome({ db, bookingId: b.id, officialId: other.userId, now: during })).rejects.toMatchObject({ code: "notFound" });

      const reference = await openCaseFromOutcome({ db, bookingId: b.id, officialId: official.userId, now: during, audit: { actor: official } });
      const [c] = await db.select().from(cases).where(eq(cases.reference, reference));
      expect(c).toMatchObject({ kind: "question", bodyId: "steg", citizenId: citizen.userId, locale: "fr-TN" });
      expect(c!.payload).toMatchObject({ bodyId: "steg", subject: "Ma facture de mai est trop élevée", question: outcome });
      const [linked] = await db.select().from(interviewBookings).where(eq(interviewBookings.id, b.id));
      expect(linked!.caseReference).toBe(reference);
      expect(await audits(b.id, "interview.openCase")).toHaveLength(1);
      expect(await inbox(citizen.userId, "caseReceived")).toHaveLength(1);
      // Again: the same case, nothing new.
      expect(await openCaseFromOutcome({ db, bookingId: b.id, officialId: official.userId, now: during, audit: { actor: official } })).toBe(reference);
      expect(await db.select().from(cases).where(eq(cases.citizenId, citizen.userId))).toHaveLength(1);
      expect(await audits(b.id, "interview.openCase")).toHaveLength(1);
    });

    it("a no-show is audited once", async () => {
      const citizen = await makeUser(db);
      const b = await book(citizen, tn("2026-06-24T10:00:00"));
      await recordNoShow({ db, bookingId: b.id, officialId: official.userId, now: tn("2026-06-24T10:15:00"), policy, audit: { actor: official } });
      const rows = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, b.id), inArray(auditLog.action, ["interview.noShow"])));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.actorId).toBe(official.userId);
    });
  });
}
