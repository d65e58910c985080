import "server-only";
import { getRandomValues } from "node:crypto";
import { and, eq, inArray, lt } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { submitCase } from "@/lib/cases/engine";
import type { Db, Tx } from "@/lib/db/open";
import { interviewAdmissions, interviewBookings, interviewHolds, users, walkInSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/i18n/format";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { getAvailability, holdBlocks } from "./availability";
import { isUniqueViolation } from "@/lib/db/errors";
import { attachDraftToBooking, moveBookingFiles } from "./drafts";
import { noticeBooked, noticeCancelledByCitizen, noticeCancelledByOfficial, noticeRescheduled } from "./notices";
import { makeReference } from "./reference";
import { remindersAlreadyCovered } from "./reminders";
import { citizenChangeRefusal, noShowRefusal, officialCancelRefusal, outcomeRefusal, type Policy } from "./rules";
import { generateSlots, isFreeFor, type Interval } from "./slots";
import { interviewBodyOfAccount, topicsOf } from "./topics";

export type Booking = typeof interviewBookings.$inferSelect;

/** Who to write in the audit log, in the transaction of the change (none in some unit tests). */
export type AuditBy = { actor: Pick<Actor, "userId" | "role">; ip?: string | null };

async function audit(tx: Tx, by: AuditBy | undefined, entry: AuditEntry): Promise<void> {
  if (by) await recordAudit(tx, by.actor, entry, by.ip);
}

/** Thrown when the slot was taken by someone else between showing it and confirming it. */
export function slotTaken(): AppError {
  return new AppError("conflict", { messageKey: "Booking.errors.slotTaken" });
}

type SlotChoice = { officialId: string; interpreterId: string | null; start: Date };

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

async function hold(tx: Tx, bookingId: string, hostId: string, slot: Interval, bufferMinutes: number) {
  await tx.insert(interviewHolds).values(holdBlocks(slot.start, slot.end, bufferMinutes).map((blockStart) => ({ hostId, bookingId, blockStart })));
}

async function releaseHolds(tx: Tx, bookingId: string) {
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
      const { slot, officialBuffer, interpreterBuffer } = await resolveSlot(tx, input.choice, input.body, input.topic, input.needsInterpreter, input.now);
      const [booking] = await tx
        .insert(interviewBookings)
        .values({
          reference: makeReference((n) => getRandomValues(new Uint8Array(n))),
          citizenId: input.citizenId,
          officialId: input.choice.officialId,
          interpreterId: input.needsInterpreter ? input.choice.interpreterId : null,
          bodyId: input.body,
          topic: input.topic,
          needsInterpreter: input.needsInterpreter,
          subject: input.subject,
          startsAt: slot.start,
          endsAt: slot.end,
          status: input.walkIn ? "pendingCode" : "confirmed",
          reminderChannels: input.reminderChannels,
          idempotencyKey: input.idempotencyKey,
          bookedById: input.walkIn?.bookedById ?? null,
          walkInCodeExpiresAt: input.walkIn?.codeExpiresAt ?? null,
          walkInSessionId: input.walkIn?.sessionId ?? null,
          ...remindersAlreadyCovered(slot.start, input.now),
        })
        .returning();
      if (input.draftKey) await attachDraftToBooking(tx, { userId: input.citizenId, key: input.draftKey, bookingId: booking!.id });
      await hold(tx, booking!.id, input.choice.officialId, slot, officialBuffer);
      if (input.needsInterpreter && input.choice.interpreterId) await hold(tx, booking!.id, input.choice.interpreterId, slot, interpreterBuffer);
      // A walk-in booking is announced when the citizen gives the code (confirmWalkIn).
      if (!input.walkIn) await noticeBooked(tx, booking!, input.now);
      await audit(tx, input.audit, { action: "interview.book", subjectType: "interview", subjectId: booking!.id });
      return booking!;
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

async function lockBooking(tx: Tx, bookingId: string): Promise<Booking> {
  const [booking] = await tx.select().from(interviewBookings).where(eq(interviewBookings.id, bookingId)).for("update");
  if (!booking) throw new AppError("notFound");
  return booking;
}

export async function cancelByCitizen(opts: { db: Db; bookingId: string; citizenId: string; reason: string; now: Date; policy: Policy; audit?: AuditBy }): Promise<Booking> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.citizenId !== opts.citizenId) throw new AppError("notFound");
    const refusal = citizenChangeRefusal(b, opts.now, opts.policy);
    if (refusal) throw new AppError("conflict", { messageKey: `Booking.refusals.${refusal}` });
    await releaseHolds(tx, b.id);
    const [updated] = await tx
      .update(interviewBookings)
      .set({ status: "cancelled", cancelledAt: opts.now, cancelledById: opts.citizenId, cancelReason: opts.reason, sequence: b.sequence + 1 })
      .where(eq(interviewBookings.id, b.id))
      .returning();
    await noticeCancelledByCitizen(tx, updated!, opts.now);
    await audit(tx, opts.audit, { action: "interview.cancel", subjectType: "interview", subjectId: b.id, detail: { by: "citizen" } });
    return updated!;
  });
}

export async function cancelByOfficial(opts: { db: Db; bookingId: string; officialId: string; reason: string; now: Date; audit?: AuditBy }): Promise<Booking> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.officialId !== opts.officialId) throw new AppError("notFound");
    const refusal = officialCancelRefusal(b, opts.now);
    if (refusal) throw new AppError("conflict", { messageKey: `Booking.refusals.${refusal}` });
    await releaseHolds(tx, b.id);
    const [updated] = await tx
      .update(interviewBookings)
      .set({ status: "cancelled", cancelledAt: opts.now, cancelledById: opts.officialId, cancelReason: opts.reason, sequence: b.sequence + 1 })
      .where(eq(interviewBookings.id, b.id))
      .returning();
    await noticeCancelledByOfficial(tx, updated!, opts.now);
    await audit(tx, opts.audit, { action: "interview.cancel", subjectType: "interview", subjectId: b.id, detail: { by: "official" } });
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
    const { slot, officialBuffer, interpreterBuffer } = await resolveSlot(tx, opts.choice, old.bodyId, old.topic, old.needsInterpreter, opts.now);
    await releaseHolds(tx, old.id);
    const [created] = await tx
      .insert(interviewBookings)
      .values({
        reference: makeReference((n) => getRandomValues(new Uint8Array(n))),
        citizenId: old.citizenId,
        officialId: opts.choice.officialId,
        interpreterId: old.needsInterpreter ? opts.choice.interpreterId : null,
        bodyId: old.bodyId,
        topic: old.topic,
        needsInterpreter: old.needsInterpreter,
        subject: old.subject,
        startsAt: slot.start,
        endsAt: slot.end,
        status: "confirmed",
        sequence: old.sequence + 1,
        reminderChannels: old.reminderChannels,
        bookedById: old.bookedById,
        rescheduledFromId: old.id,
        ...remindersAlreadyCovered(slot.start, opts.now),
      })
      .returning();
    await hold(tx, created!.id, opts.choice.officialId, slot, officialBuffer);
    if (old.needsInterpreter && opts.choice.interpreterId) await hold(tx, created!.id, opts.choice.interpreterId, slot, interpreterBuffer);
    const [left] = await tx
      .update(interviewBookings)
      .set({ status: "rescheduled", rescheduledToId: created!.id, rescheduleReason: opts.reason, sequence: old.sequence + 1 })
      .where(eq(interviewBookings.id, old.id))
      .returning();
    await noticeRescheduled(tx, left!, created!, opts.now);
    await audit(tx, opts.audit, { action: "interview.reschedule", subjectType: "interview", subjectId: old.id, detail: { to: created!.id, reason: opts.reason } });
    await moveBookingFiles(tx, { from: old.id, to: created!.id });
    return created!;
  });
}

export async function recordOutcome(opts: { db: Db; bookingId: string; officialId: string; outcome: string; now: Date; audit?: AuditBy }): Promise<Booking> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.officialId !== opts.officialId) throw new AppError("notFound");
    const refusal = outcomeRefusal(b, opts.now);
    if (refusal) throw new AppError("conflict", { messageKey: `Booking.refusals.${refusal}` });
    const [updated] = await tx
      .update(interviewBookings)
      .set({ status: "completed", outcome: opts.outcome, outcomeAt: opts.now })
      .where(eq(interviewBookings.id, b.id))
      .returning();
    await audit(tx, opts.audit, { action: "interview.outcome", subjectType: "interview", subjectId: b.id });
    return updated!;
  });
}

/** Interview bodies are all question bodies: a follow-up case goes to the same body's queue. */
const CASE_KIND = "question";
const CASE_SUBJECT_MAX = 120;

/**
 * "Open a case" from an interview's outcome, in one step and one transaction: a case (a question
 * to the booking's body) in the citizen's name, filed by the official, whose content is the
 * outcome; the booking keeps its reference; the official's act is audited. Opening twice returns
 * the case already opened.
 */
export async function openCaseFromOutcome(opts: { db: Db; bookingId: string; officialId: string; now: Date; audit?: AuditBy }): Promise<string> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.officialId !== opts.officialId) throw new AppError("notFound");
    if (b.caseReference) return b.caseReference;
    if (b.status !== "completed" || !b.outcome) throw new AppError("conflict", { messageKey: "Agenda.errors.outcomeFirst" });
    const [citizen] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, b.citizenId));
    const subject = b.subject.replace(/\s+/g, " ").trim();
    const created = await submitCase({
      db: tx,
      kind: CASE_KIND,
      payload: {
        bodyId: b.bodyId,
        subject: subject.length > CASE_SUBJECT_MAX ? `${subject.slice(0, CASE_SUBJECT_MAX - 1)}…` : subject,
        question: b.outcome,
      },
      citizen: { userId: b.citizenId, role: "citizen" },
      locale: isLocale(citizen?.locale ?? "") ? (citizen!.locale as Locale) : defaultLocale,
      filedBy: { agentId: opts.officialId, houseId: null },
      now: opts.now,
    }).catch((error: unknown) => {
      // The outcome is the case's content: too short for a question, it must be written out first.
      if (error instanceof AppError && error.code === "validation") throw new AppError("validation", { fields: { outcome: "Agenda.errors.outcomeTooShortForCase" } });
      throw error;
    });
    await tx.update(interviewBookings).set({ caseReference: created.reference }).where(eq(interviewBookings.id, b.id));
    await audit(tx, opts.audit, { action: "interview.openCase", subjectType: "interview", subjectId: b.id, detail: { case: created.reference } });
    return created.reference;
  });
}

export async function recordNoShow(opts: { db: Db; bookingId: string; officialId: string; now: Date; policy: Policy; audit?: AuditBy }): Promise<Booking> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.officialId !== opts.officialId) throw new AppError("notFound");
    const refusal = noShowRefusal(b, opts.now, opts.policy);
    if (refusal) throw new AppError("conflict", { messageKey: `Booking.refusals.${refusal}` });
    const [updated] = await tx.update(interviewBookings).set({ status: "noShow", noShowAt: opts.now }).where(eq(interviewBookings.id, b.id)).returning();
    await audit(tx, opts.audit, { action: "interview.noShow", subjectType: "interview", subjectId: b.id });
    return updated!;
  });
}

// ---- walk-in citizens (staff books, the citizen confirms with a code sent to their phone) ----

/** How long a walk-in booking holds its slot while waiting for the citizen's code. */
export const WALK_IN_HOLD_MINUTES = 15;

/**
 * An agent holds a slot for the citizen at the counter: the booking is the citizen's (an account
 * with just the phone is made if they have none, as a verified walk-in session would), it waits
 * for their code and holds the slot for WALK_IN_HOLD_MINUTES. Staff numbers are refused.
 */
export async function holdWalkIn(opts: Omit<BookInput, "citizenId" | "walkIn"> & { agentId: string; phone: string }): Promise<Booking> {
  const { db } = opts;
  const [known] = await db.select({ id: users.id, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.phone, opts.phone));
  if (known && (known.role !== "citizen" || known.disabledAt)) throw new AppError("validation", { fields: { phone: "WalkIn.errors.notACitizen" } });
  let citizenId = known?.id;
  if (!citizenId) {
    await db.insert(users).values({ phone: opts.phone, createdAt: opts.now }).onConflictDoNothing({ target: users.phone });
    const [made] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.phone, opts.phone));
    if (!made || made.role !== "citizen") throw new AppError("validation", { fields: { phone: "WalkIn.errors.notACitizen" } });
    citizenId = made.id;
  }
  const { agentId, phone: _phone, ...rest } = opts;
  return bookInterview({ ...rest, citizenId, walkIn: { bookedById: agentId, codeExpiresAt: new Date(opts.now.getTime() + WALK_IN_HOLD_MINUTES * 60_000) } });
}

/** Ties the booking to the walk-in session whose code the citizen will give (the session is made after the hold). */
export async function linkWalkInSession(opts: { db: Db; bookingId: string; agentId: string; sessionId: string }): Promise<void> {
  await opts.db
    .update(interviewBookings)
    .set({ walkInSessionId: opts.sessionId })
    .where(and(eq(interviewBookings.id, opts.bookingId), eq(interviewBookings.bookedById, opts.agentId), eq(interviewBookings.status, "pendingCode")));
}

/**
 * Confirms a walk-in booking once its session (lib/assisted: the code sent to the citizen's
 * phone) is verified, by the agent who booked it, for the citizen whose phone it is, before the
 * hold expires. The code itself is checked by the session, with its tries and its expiry.
 */
export async function confirmWalkIn(opts: { db: Db; bookingId: string; agentId: string; now: Date }): Promise<Booking> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.bookedById !== opts.agentId) throw new AppError("notFound");
    if (b.status === "confirmed") return b;
    if (b.status !== "pendingCode" || !b.walkInSessionId || !b.walkInCodeExpiresAt) throw new AppError("conflict", { messageKey: "Booking.refusals.notActive" });
    if (opts.now > b.walkInCodeExpiresAt) throw new AppError("conflict", { messageKey: "Booking.errors.codeExpired" });
    const [session] = await tx.select().from(walkInSessions).where(eq(walkInSessions.id, b.walkInSessionId));
    if (!session?.verifiedAt || session.agentId !== opts.agentId || session.citizenId !== b.citizenId) throw new AppError("validation", { fields: { code: "Booking.errors.codeWrong" } });
    const [updated] = await tx.update(interviewBookings).set({ status: "confirmed", walkInCodeExpiresAt: null }).where(eq(interviewBookings.id, b.id)).returning();
    await noticeBooked(tx, updated!, opts.now);
    return updated!;
  });
}

/**
 * Walk-in bookings whose code was never given release their slot (the periodic runner calls this).
 * The status is changed first and only the rows it changed lose their holds, so a booking
 * confirmed a moment before keeps its slot.
 */
export async function expireWalkIns(opts: { db: Db; now: Date }): Promise<number> {
  return opts.db.transaction(async (tx) => {
    const expired = await tx
      .update(interviewBookings)
      .set({ status: "cancelled", cancelledAt: opts.now, cancelReason: "walk-in code not given" })
      .where(and(eq(interviewBookings.status, "pendingCode"), lt(interviewBookings.walkInCodeExpiresAt, opts.now)))
      .returning({ id: interviewBookings.id });
    const ids = expired.map((e) => e.id);
    if (ids.length) await tx.delete(interviewHolds).where(inArray(interviewHolds.bookingId, ids));
    return ids.length;
  });
}

/** The agent gives up a walk-in hold (the code could not be sent, or the citizen left). */
export async function releaseWalkIn(opts: { db: Db; bookingId: string; agentId: string; now: Date }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.bookedById !== opts.agentId) throw new AppError("notFound");
    if (b.status !== "pendingCode") return;
    await releaseHolds(tx, b.id);
    await tx.update(interviewBookings).set({ status: "cancelled", cancelledAt: opts.now, cancelledById: opts.agentId, cancelReason: "walk-in released" }).where(eq(interviewBookings.id, b.id));
  });
}

// ---- reading ----

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

