import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomInt, randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { type Database } from "@/lib/db/open";
import { interviewBookings, interviewHolds, users, walkInSessions } from "@/lib/db/schema";
import { inspectUpload } from "@/lib/documents/uploads/inspect";
import { saveUpload } from "@/lib/documents/uploads/save";
import { filesystemStorage, type FileStorage } from "@/lib/documents/uploads/storage";
import { TIME_ZONE } from "@/lib/i18n/format";
import { testDatabases } from "@/lib/testing/db";
import { loadInterpreters, loadOfficials, saveAvailability } from "./availability";
import { bookInterview, reschedule } from "./booking";
import { confirmWalkIn, expireWalkIns, holdWalkIn, linkWalkInSession, WALK_IN_HOLD_MINUTES } from "./walk-in-booking";
import { loadBookingDraft, readableBookingFiles, saveBookingDraft } from "./drafts";
import type { Policy } from "./rules";
import { offerSlots } from "./slots";

/** Documents on a booking (who may read them) and walk-in bookings (held, confirmed by the citizen's code, expired). */
const policy: Policy = { changeCutoffMinutes: 120, roomMarginMinutes: 15, noShowAfterMinutes: 10 };
const now = new Date("2026-06-15T06:00:00Z"); // Monday 07:00 in Tunis
const phone = () => `+2165${String(randomInt(0, 1e7)).padStart(7, "0")}`;

for (const target of testDatabases()) {
  describe(`booking documents and walk-in bookings on ${target.name}`, () => {
    let database: Database;
    let storage: FileStorage;
    let officialId: string;
    let otherOfficialId: string;
    let interpreterId: string;
    let agentId: string;
    let otherAgentId: string;
    const citizen: string[] = [];

    beforeAll(async () => {
      database = await target.open();
      storage = filesystemStorage(await mkdtemp(path.join(os.tmpdir(), "idarti-iv-")));
      const { db } = database;
      const insert = async (v: Partial<typeof users.$inferInsert>) => (await db.insert(users).values({ phone: phone(), ...v }).returning())[0]!.id;
      officialId = await insert({ role: "official", bodyId: "cnam", officialLevel: "regional" });
      otherOfficialId = await insert({ role: "official", bodyId: "cnam", officialLevel: "central" });
      interpreterId = await insert({ role: "volunteer", interpreter: true });
      agentId = await insert({ role: "agent" });
      otherAgentId = await insert({ role: "agent" });
      for (let i = 0; i < 3; i++) citizen.push(await insert({}));
      const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60 }));
      await saveAvailability({ db, userId: officialId, settings: { slotMinutes: 30, bufferMinutes: 0, horizonDays: 14, minNoticeMinutes: 60, topics: ["reimbursement"], active: true }, weekly });
      await saveAvailability({ db, userId: interpreterId, settings: { slotMinutes: 30, bufferMinutes: 0, horizonDays: 14, minNoticeMinutes: 60, topics: [], active: true }, weekly });
    });
    afterAll(async () => {
      if (database && target.name === "PostgreSQL") await database.db.execute(sql`delete from interview_bookings where official_id = ${officialId}`);
      await database?.close();
    });

    const slots = async (needsInterpreter: boolean, at = now) => {
      const officials = (await loadOfficials({ db: database.db, bodyIds: ["cnam"], topic: "reimbursement", now: at })).filter((o) => o.id === officialId);
      const interpreters = needsInterpreter ? (await loadInterpreters({ db: database.db, now: at })).filter((i) => i.id === interpreterId) : null;
      return offerSlots({ officials, interpreters, now: at, timeZone: TIME_ZONE });
    };
    const base = { body: "cnam", topic: "reimbursement", subject: "Remboursement en retard", reminderChannels: ["sms" as const] };

    it("moves the subject step's files to the booking on confirm; only its citizen, official and interpreter read them", async () => {
      const { db } = database;
      const key = randomUUID();
      const file = await inspectUpload(await sharp({ create: { width: 16, height: 16, channels: 3, background: "#0a0" } }).png().toBuffer(), { name: "ordonnance.png" });
      await saveBookingDraft({ db, userId: citizen[0]!, key, subject: "Remboursement", reminderChannels: ["push"], now });
      for (let i = 0; i < 2; i++) await saveUpload({ db, storage, ownerId: citizen[0]!, uploadedBy: citizen[0]!, target: { draftKey: key }, file, now });
      expect((await loadBookingDraft({ db, userId: citizen[0]!, key }))?.uploads).toHaveLength(2);
      // Nothing is reserved before confirming: the slot is still offered.
      const slot = (await slots(true))[0]!;
      const booking = await bookInterview({ db, citizenId: citizen[0]!, ...base, needsInterpreter: true, choice: slot, idempotencyKey: key, draftKey: key, now });
      expect(await loadBookingDraft({ db, userId: citizen[0]!, key })).toBeNull();

      const read = (userId: string, bookingId = booking.id) => readableBookingFiles({ db, bookingId, userId });
      for (const reader of [citizen[0]!, officialId, interpreterId]) expect((await read(reader))?.map((f) => f.label)).toEqual(["ordonnance", "ordonnance"]);
      for (const outsider of [citizen[1]!, otherOfficialId, agentId]) expect(await read(outsider)).toBeNull();

      // Rescheduled: the documents follow the booking to its new id; the old id shows none.
      const later = (await slots(true)).find((s) => s.start > slot.start)!;
      const moved = await reschedule({ db, bookingId: booking.id, citizenId: citizen[0]!, choice: later, reason: "Un empêchement", now, policy });
      expect(await read(citizen[0]!, moved.id)).toHaveLength(2);
      expect(await read(citizen[0]!, booking.id)).toEqual([]);
    });

    it("walk-in: the agent holds a slot for a new citizen; only a verified code of the agent's session confirms it", async () => {
      const { db } = database;
      const walkInPhone = phone();
      const slot = (await slots(false))[0]!;
      const held = await holdWalkIn({ db, agentId, phone: walkInPhone, ...base, needsInterpreter: false, choice: slot, idempotencyKey: randomUUID(), now });
      expect(held).toMatchObject({ status: "pendingCode", bookedById: agentId });
      expect(held.walkInCodeExpiresAt!.getTime() - now.getTime()).toBe(WALK_IN_HOLD_MINUTES * 60_000);
      const [made] = await db.select().from(users).where(eq(users.phone, walkInPhone));
      expect(made).toMatchObject({ id: held.citizenId, role: "citizen" });
      // The slot is held: nobody else gets it meanwhile.
      await expect(bookInterview({ db, citizenId: citizen[1]!, ...base, needsInterpreter: false, choice: slot, idempotencyKey: randomUUID(), now })).rejects.toMatchObject({ messageKey: "Booking.errors.slotTaken" });

      // No session yet, or a session not verified: refused.
      await expect(confirmWalkIn({ db, bookingId: held.id, agentId, now })).rejects.toMatchObject({ code: "conflict" });
      const [session] = await db
        .insert(walkInSessions)
        .values({ agentId, phone: walkInPhone, codeHash: "x".repeat(64), createdAt: now, expiresAt: new Date(now.getTime() + 600_000) })
        .returning();
      await linkWalkInSession({ db, bookingId: held.id, agentId, sessionId: session!.id });
      await expect(confirmWalkIn({ db, bookingId: held.id, agentId, now })).rejects.toMatchObject({ code: "validation" });
      // What lib/assisted's verifyWalkIn records once the right code is typed.
      await db.update(walkInSessions).set({ verifiedAt: now, citizenId: held.citizenId }).where(eq(walkInSessions.id, session!.id));
      await expect(confirmWalkIn({ db, bookingId: held.id, agentId: otherAgentId, now })).rejects.toMatchObject({ code: "notFound" });
      const confirmed = await confirmWalkIn({ db, bookingId: held.id, agentId, now });
      expect(confirmed).toMatchObject({ status: "confirmed", bookedById: agentId, citizenId: held.citizenId });

      // A staff number is not a walk-in citizen.
      const [staff] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, otherOfficialId));
      await expect(holdWalkIn({ db, agentId, phone: staff!.phone, ...base, needsInterpreter: false, choice: (await slots(false))[0]!, idempotencyKey: randomUUID(), now })).rejects.toMatchObject({ code: "validation", fields: { phone: "WalkIn.errors.notACitizen" } });
    });

    it("walk-in: a hold whose code is never given is released by the sweep, and its slot is offered again", async () => {
      const { db } = database;
      const slot = (await slots(false))[0]!;
      const held = await holdWalkIn({ db, agentId, phone: phone(), ...base, needsInterpreter: false, choice: slot, idempotencyKey: randomUUID(), now });
      expect(await expireWalkIns({ db, now })).toBe(0);
      const after = new Date(now.getTime() + (WALK_IN_HOLD_MINUTES + 1) * 60_000);
      expect(await expireWalkIns({ db, now: after })).toBe(1);
      const [row] = await db.select().from(interviewBookings).where(eq(interviewBookings.id, held.id));
      expect(row!.status).toBe("cancelled");
      expect(await db.select().from(interviewHolds).where(eq(interviewHolds.bookingId, held.id))).toHaveLength(0);
      expect((await slots(false)).some((s) => s.start.getTime() === slot.start.getTime())).toBe(true);
      // Confirmed bookings are never touched by the sweep.
      expect(await expireWalkIns({ db, now: new Date(after.getTime() + 86_400_000) })).toBe(0);
      await expect(confirmWalkIn({ db, bookingId: held.id, agentId, now: after })).rejects.toMatchObject({ code: "conflict" });
    });
  });
}
