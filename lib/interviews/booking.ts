import "server-only";
import { getRandomValues } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/open";
import { interviewAdmissions, interviewBookings, interviewHolds, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/i18n/format";
import { getAvailability, holdBlocks } from "./availability";
import { isUniqueViolation } from "@/lib/db/errors";
import { attachDraftToBooking, moveBookingFiles } from "./drafts";
import { noticeBooked, noticeCancelledByCitizen, noticeCancelledByOfficial, noticeRescheduled } from "./notices";
import { makeReference } from "./reference";
import { remindersAlreadyCovered } from "./reminders";
import { citizenChangeRefusal, officialCancelRefusal, type Policy } from "./rules";
import { generateSlots, isFreeFor, type Interval } from "./slots";
import { interviewBodyOfAccount, topicsOf } from "./topics";

export type Booking = typeof interviewBookings.$inferSelect;

/** Who to write in the audit log, in the transaction of the change (none in some unit tests). */
export type AuditBy = { actor: Pick<Actor, "userId" | "role">; ip?: string | null };

export async function audit(tx: Tx, by: AuditBy | undefined, entry: AuditEntry): Promise<void> {
  if (by) await recordAudit(tx, by.actor, entry, by.ip);
}

/** Thrown when the slot was taken by someone else between showing it and confirming it. */
export function slotTaken(): AppError {
  return new AppError("conflict", { messageKey: "Booking.errors.slotTaken" });
}

/** A time offered to the citizen: its start and its hosts. */
export type SlotChoice = { start: Date; officialId: string; interpreterId: string | null };

/**
 * Checks that a slot is one the rules offer (pattern, exceptions, notice, horizon, topic) and
 * returns its end. Whether it is still free is decided by the holds' primary key, not here:
 * reading first and writing later is exactly the race the constraint closes.
 */
async function resolveSlot(tx: Tx, choice: SlotChoice, body: string, topic: string, needsInterpreter: boolean, now: Date): Promise<{ slot: Interval; officialBuffer: number; interpreterBuffer: number }> {
  const [official] = await tx.select({ role: users.role, bodyId: users.bodyId, disabledAt: users.disabledAt }).from(users).where(eq(users.id, choice.officialId));
  if (!official || official.role !== "official" || official.disabledAt || interviewBodyOfAccount(official.bodyId) !== body || !topicsOf(body).includes(topic)) {
    throw new AppError("conflict", { messageKey: "Booking.errors.slotUnavailable" });
  }
  const a = await getAvailability({ db: tx, userId: choice.officialId });
  if (!a.settings.active || !a.settings.topics.includes(topic)) throw new AppError("conflict", { messageKey: "Booking.errors.slotUnavailable" });
  const rules = { ...a.settings, weekly: a.weekly, exceptions: a.exceptions };
  const slot = generateSlots({ rules, busy: [], now, timeZone: TIME_ZONE }).find((s) => s.start.getTime() === choice.start.getTime());
  if (!slot) throw new AppError("conflict", { messageKey: "Booking.errors.slotUnavailable" });

  let interpreterBuffer = 0;
  if (needsInterpreter) {
    if (!choice.interpreterId || choice.interpreterId === choice.officialId) throw new AppError("conflict", { messageKey: "Booking.errors.slotUnavailable" });
    const [interpreter] = await tx.select({ interpreter: users.interpreter, disabledAt: users.disabledAt }).from(users).where(eq(users.id, choice.interpreterId));
    const ia = await getAvailability({ db: tx, userId: choice.interpreterId });
    const iRules = { ...ia.settings, weekly: ia.weekly, exceptions: ia.exceptions };
    if (!interpreter?.interpreter || interpreter.disabledAt || !ia.settings.active || !isFreeFor({ rules: iRules, busy: [], slot, now, timeZone: TIME_ZONE })) {
      throw new AppError("conflict", { messageKey: "Booking.errors.slotUnavailable" });
    }
    interpreterBuffer = ia.settings.bufferMinutes;
  } else if (choice.interpreterId) {
    throw new AppError("validation");
  }
  return { slot, officialBuffer: a.settings.bufferMinutes, interpreterBuffer };
}

type BookingRow = typeof interviewBookings.$inferInsert;

/**
 * Takes a slot: resolves it, inserts the booking with a new reference and the hosts' holds (the
 * primary key of the holds is what refuses a slot taken meanwhile). New bookings and reschedules
 * both come through here; `fields` is what differs between them.
 */
async function placeBooking(
  tx: Tx,
  opts: { choice: SlotChoice; needsInterpreter: boolean; body: string; topic: string; now: Date; fields: Omit<BookingRow, "reference" | "officialId" | "interpreterId" | "bodyId" | "topic" | "needsInterpreter" | "startsAt" | "endsAt"> },
): Promise<Booking> {
  const { slot, officialBuffer, interpreterBuffer } = await resolveSlot(tx, opts.choice, opts.body, opts.topic, opts.needsInterpreter, opts.now);
  const [booking] = await tx
    .insert(interviewBookings)
    .values({
      ...opts.fields,
      reference: makeReference((n) => getRandomValues(new Uint8Array(n))),
      officialId: opts.choice.officialId,
      interpreterId: opts.needsInterpreter ? opts.choice.interpreterId : null,
      bodyId: opts.body,
      topic: opts.topic,
      needsInterpreter: opts.needsInterpreter,
      startsAt: slot.start,
      endsAt: slot.end,
      ...remindersAlreadyCovered(slot.start, opts.now),
    })
    .returning();
  await hold(tx, booking!.id, opts.choice.officialId, slot, officialBuffer);
  if (opts.needsInterpreter && opts.choice.interpreterId) await hold(tx, booking!.id, opts.choice.interpreterId, slot, interpreterBuffer);
  return booking!;
}

async function hold(tx: Tx, bookingId: string, hostId: string, slot: Interval, bufferMinutes: number) {
  await tx.insert(interviewHolds).values(holdBlocks(slot.start, slot.end, bufferMinutes).map((blockStart) => ({ hostId, bookingId, blockStart })));
}

export async function releaseHolds(tx: Tx, bookingId: string) {
  await tx.delete(interviewHolds).where(eq(interviewHolds.bookingId, bookingId));
}

/** Runs a transaction that reserves time; a clash on the holds becomes "slot taken". */
async function reserving<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(run);
  } catch (error) {
    if (isUniqueViolation(error, "interview_holds_pk")) throw slotTaken();
    throw error;
  }
}

export type BookInput = {
  db: Db;
  citizenId: string;
  body: string;
  topic: string;
  needsInterpreter: boolean;
  choice: SlotChoice;
  subject: string;
  reminderChannels: ("sms" | "push")[];
  idempotencyKey: string;
  now: Date;
  /** The subject step's files (uploads under the form's key) move to the booking, and its draft goes. */
  draftKey?: string;
  /** Staff booking for a walk-in citizen: the booking waits for the code sent to the citizen. */
  walkIn?: { bookedById: string; sessionId?: string | null; codeExpiresAt: Date };
  audit?: AuditBy;
};

/**
 * Books an interview: one transaction inserts the booking and the official's (and the
 * interpreter's) holds. Two people confirming the same slot at once: one commits, the other's
 * insert of the same (host, block) fails and nothing of theirs remains.
 * Replaying the same idempotency key returns the first booking.
 */
export async function bookInterview(input: BookInput): Promise<Booking> {
  const { db } = input;
  const [existing] = await db
    .select()
    .from(interviewBookings)
    .where(and(eq(interviewBookings.citizenId, input.citizenId), eq(interviewBookings.idempotencyKey, input.idempotencyKey)));
  if (existing) return existing;

  try {
    return await reserving(db, async (tx) => {
      const booking = await placeBooking(tx, {
        choice: input.choice,
        needsInterpreter: input.needsInterpreter,
        body: input.body,
        topic: input.topic,
        now: input.now,
        fields: {
          citizenId: input.citizenId,
          subject: input.subject,
          status: input.walkIn ? "pendingCode" : "confirmed",
          reminderChannels: input.reminderChannels,
          idempotencyKey: input.idempotencyKey,
          bookedById: input.walkIn?.bookedById ?? null,
          walkInCodeExpiresAt: input.walkIn?.codeExpiresAt ?? null,
          walkInSessionId: input.walkIn?.sessionId ?? null,
        },
      });
      if (input.draftKey) await attachDraftToBooking(tx, { userId: input.citizenId, key: input.draftKey, bookingId: booking.id });
      // A walk-in booking is announced when the citizen gives the code (confirmWalkIn).
      if (!input.walkIn) await noticeBooked(tx, booking, input.now);
      await audit(tx, input.audit, { action: "interview.book", subjectType: "interview", subjectId: booking.id });
      return booking;
    });
  } catch (error) {
    // A replay racing its twin: the first one's booking is the answer.
    if (isUniqueViolation(error, "interview_bookings_idem_uq")) {
      const [first] = await db.select().from(interviewBookings).where(and(eq(interviewBookings.citizenId, input.citizenId), eq(interviewBookings.idempotencyKey, input.idempotencyKey)));
      if (first) return first;
    }
    throw error;
  }
}

export async function lockBooking(tx: Tx, bookingId: string): Promise<Booking> {
  const [booking] = await tx.select().from(interviewBookings).where(eq(interviewBookings.id, bookingId)).for("update");
  if (!booking) throw new AppError("notFound");
  return booking;
}

export async function cancelByCitizen(opts: { db: Db; bookingId: string; citizenId: string; reason: string; now: Date; policy: Policy; audit?: AuditBy }): Promise<Booking> {
  return cancel(opts, {
    by: "citizen",
    userId: opts.citizenId,
    owns: (b) => b.citizenId === opts.citizenId,
    refusal: (b) => citizenChangeRefusal(b, opts.now, opts.policy),
    notice: noticeCancelledByCitizen,
  });
}

export async function cancelByOfficial(opts: { db: Db; bookingId: string; officialId: string; reason: string; now: Date; audit?: AuditBy }): Promise<Booking> {
  return cancel(opts, {
    by: "official",
    userId: opts.officialId,
    owns: (b) => b.officialId === opts.officialId,
    refusal: (b) => officialCancelRefusal(b, opts.now),
    notice: noticeCancelledByOfficial,
  });
}

/** One cancellation, whoever asks: their booking (or "not found"), their rule, the holds freed, the other side told. */
async function cancel(
  opts: { db: Db; bookingId: string; reason: string; now: Date; audit?: AuditBy },
  who: { by: "citizen" | "official"; userId: string; owns: (b: Booking) => boolean; refusal: (b: Booking) => string | null; notice: (tx: Tx, b: Booking, now: Date) => Promise<void> },
): Promise<Booking> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (!who.owns(b)) throw new AppError("notFound");
    const refusal = who.refusal(b);
    if (refusal) throw new AppError("conflict", { messageKey: `Booking.refusals.${refusal}` });
    await releaseHolds(tx, b.id);
    const [updated] = await tx
      .update(interviewBookings)
      .set({ status: "cancelled", cancelledAt: opts.now, cancelledById: who.userId, cancelReason: opts.reason, sequence: b.sequence + 1 })
      .where(eq(interviewBookings.id, b.id))
      .returning();
    await who.notice(tx, updated!, opts.now);
    await audit(tx, opts.audit, { action: "interview.cancel", subjectType: "interview", subjectId: b.id, detail: { by: who.by } });
    return updated!;
  });
}

/**
 * Moves a booking to another slot: a new booking (new id, so every link to the old one stops
 * working) takes the new holds, and the old one is marked rescheduled and releases its own —
 * all or nothing. A cancelled (or already moved) booking cannot be rescheduled.
 */
export async function reschedule(opts: { db: Db; bookingId: string; citizenId: string; choice: SlotChoice; reason: string; now: Date; policy: Policy; audit?: AuditBy }): Promise<Booking> {
  return reserving(opts.db, async (tx) => {
    const old = await lockBooking(tx, opts.bookingId);
    if (old.citizenId !== opts.citizenId) throw new AppError("notFound");
    const refusal = citizenChangeRefusal(old, opts.now, opts.policy);
    if (refusal) throw new AppError("conflict", { messageKey: `Booking.refusals.${refusal}` });
    // Free the old slot first: moving to an overlapping time of the same official must not collide with itself.
    await releaseHolds(tx, old.id);
    const created = await placeBooking(tx, {
      choice: opts.choice,
      needsInterpreter: old.needsInterpreter,
      body: old.bodyId,
      topic: old.topic,
      now: opts.now,
      fields: {
        citizenId: old.citizenId,
        subject: old.subject,
        status: "confirmed",
        sequence: old.sequence + 1,
        reminderChannels: old.reminderChannels,
        bookedById: old.bookedById,
        rescheduledFromId: old.id,
      },
    });
    const [left] = await tx
      .update(interviewBookings)
      .set({ status: "rescheduled", rescheduledToId: created.id, rescheduleReason: opts.reason, sequence: old.sequence + 1 })
      .where(eq(interviewBookings.id, old.id))
      .returning();
    await noticeRescheduled(tx, left!, created, opts.now);
    await audit(tx, opts.audit, { action: "interview.reschedule", subjectType: "interview", subjectId: old.id, detail: { to: created.id, reason: opts.reason } });
    await moveBookingFiles(tx, { from: old.id, to: created.id });
    return created;
  });
}

export type Participation = "citizen" | "official" | "interpreter";

export function participationOf(b: Pick<Booking, "citizenId" | "officialId" | "interpreterId">, userId: string): Participation | null {
  if (b.officialId === userId) return "official";
  if (b.interpreterId && b.interpreterId === userId) return "interpreter";
  if (b.citizenId === userId) return "citizen";
  return null;
}

export async function getBooking(opts: { db: Db | Tx; bookingId: string }): Promise<Booking | null> {
  if (!/^[0-9a-f-]{36}$/i.test(opts.bookingId)) return null;
  const [b] = await opts.db.select().from(interviewBookings).where(eq(interviewBookings.id, opts.bookingId));
  return b ?? null;
}

export async function admit(opts: { db: Db; bookingId: string; userId: string }): Promise<void> {
  await opts.db.insert(interviewAdmissions).values({ bookingId: opts.bookingId, userId: opts.userId }).onConflictDoNothing();
}

export async function admittedUsers(opts: { db: Db | Tx; bookingId: string }): Promise<Set<string>> {
  const rows = await opts.db.select({ userId: interviewAdmissions.userId }).from(interviewAdmissions).where(eq(interviewAdmissions.bookingId, opts.bookingId));
  return new Set(rows.map((r) => r.userId));
}

