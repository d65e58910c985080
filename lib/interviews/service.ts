import "server-only";
import { z } from "zod";
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { interviewBookings, users } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { normalisePhone, phoneErrorKey } from "@/lib/auth/phone";
import { receiveFormFiles } from "@/lib/documents/uploads/form-files";
import { uploadResponse } from "@/lib/documents/uploads/http";
import type { UploadRow } from "@/lib/documents/uploads/save";
import { getStorage } from "@/lib/documents/uploads/storage";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { recordAudit } from "@/lib/audit/record";
import { TIME_ZONE } from "@/lib/i18n/format";
import { addException, getAvailability, loadInterpreters, loadOfficials, removeException, saveAvailability, type HostSettings } from "./availability";
import { bookInterview, cancelByCitizen, cancelByOfficial, getBooking, participationOf, reschedule, type Booking, type Participation } from "./booking";
import { confirmWalkIn, holdWalkIn, linkWalkInSession, releaseWalkIn } from "./walk-in-booking";
import { openCaseFromOutcome, recordNoShow, recordOutcome } from "./outcome";
import { buildIcs } from "./ics";
import { isDraftKey, loadBookingDraft, readableBookingFiles, saveBookingDraft, type BookingDraft } from "./drafts";
import { policy } from "./policy";
import { citizenChangeRefusal, noShowRefusal, officialCancelRefusal, outcomeRefusal, roomState, type RoomState } from "./rules";
import { nearestSlots, offerSlots, type OfferedSlot, type WeeklyWindow } from "./slots";
import { interviewBodyOfAccount, isInterviewBody, topicsOf } from "./topics";

/**
 * What pages and actions call: each function opens the database, reads the server clock and
 * checks who is asking. The functions they build on (booking.ts, availability.ts) take the
 * database and `now` as arguments and are tested directly.
 */

export type SlotChoice = { start: Date; officialId: string; interpreterId: string | null };

/** A slot as a form value: "<start ms>.<official>.<interpreter or ->". */
export function encodeSlot(s: SlotChoice): string {
  return `${s.start.getTime()}.${s.officialId}.${s.interpreterId ?? "-"}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function decodeSlot(value: string): SlotChoice | null {
  const [ms, officialId, interpreter] = value.split(".");
  if (!ms || !/^\d{12,14}$/.test(ms) || !officialId || !UUID.test(officialId) || !interpreter) return null;
  if (interpreter !== "-" && !UUID.test(interpreter)) return null;
  return { start: new Date(Number(ms)), officialId, interpreterId: interpreter === "-" ? null : interpreter };
}

/** The form field of a chosen slot, for the actions that take one (citizen and walk-in booking). */
export const slotField = z.string().transform((v, ctx) => {
  const s = decodeSlot(v);
  if (!s) {
    ctx.addIssue({ code: "custom", message: "Booking.errors.slotRequired" });
    return z.NEVER;
  }
  return s;
});

export async function findSlots(opts: { body: string; topic: string; needsInterpreter: boolean; limit?: number }): Promise<OfferedSlot[]> {
  if (!isInterviewBody(opts.body) || !topicsOf(opts.body).includes(opts.topic)) return [];
  const { db } = await getDb();
  const now = await clockNow();
  const bodyIds = await accountBodyIds(opts.body);
  const officials = await loadOfficials({ db, bodyIds, topic: opts.topic, now });
  const interpreters = opts.needsInterpreter ? await loadInterpreters({ db, now }) : null;
  return offerSlots({ officials, interpreters, now, timeZone: TIME_ZONE, limit: opts.limit ?? 120 });
}

/** Account body ids that belong to an interview body ("municipality" covers every town's). */
async function accountBodyIds(body: string): Promise<string[]> {
  if (body !== "municipality") return [body];
  const { db } = await getDb();
  const rows = await db.selectDistinct({ bodyId: users.bodyId }).from(users).where(and(eq(users.role, "official"), sql`${users.bodyId} like 'municipality-%'`));
  return rows.flatMap((r) => (r.bodyId ? [r.bodyId] : []));
}

export async function nearestFreeSlots(opts: { body: string; topic: string; needsInterpreter: boolean; around: Date; count: number }): Promise<OfferedSlot[]> {
  return nearestSlots(await findSlots(opts), opts.around, opts.count);
}

/** The subject step sent: its answers are kept under the form's key, with its files (checked, at most 5). */
export async function reviewBookingDraft(opts: { actor: Actor; key: string; subject: string; reminderChannels: ("sms" | "push")[]; files: File[]; remove: string[] }): Promise<void> {
  if (opts.actor.role !== "citizen") throw new AppError("forbidden");
  if (!isDraftKey(opts.key)) throw new AppError("validation", { messageKey: "Outbox.errors.badKey" });
  const { db } = await getDb();
  const at = await clockNow();
  await saveBookingDraft({ db, userId: opts.actor.userId, key: opts.key, subject: opts.subject, reminderChannels: opts.reminderChannels, now: at });
  await receiveFormFiles({ db, storage: getStorage(), userId: opts.actor.userId, key: opts.key, files: opts.files, remove: opts.remove, now: at });
}

export async function bookingDraft(opts: { actor: Actor; key: string | undefined }): Promise<BookingDraft | null> {
  if (!opts.key) return null;
  const { db } = await getDb();
  return loadBookingDraft({ db, userId: opts.actor.userId, key: opts.key });
}

/** The booking a form's key already made (a second click, the back button after confirming). */
export async function bookingOfKey(opts: { actor: Actor; key: string }): Promise<Booking | null> {
  if (!isDraftKey(opts.key)) return null;
  const { db } = await getDb();
  const [b] = await db.select().from(interviewBookings).where(and(eq(interviewBookings.citizenId, opts.actor.userId), eq(interviewBookings.idempotencyKey, opts.key)));
  return b ?? null;
}

/**
 * Confirms the checked answers: the slot is reserved only now, in one transaction with the
 * draft's files. Replaying the key returns the first booking.
 */
export async function createBooking(opts: { actor: Actor; body: string; topic: string; needsInterpreter: boolean; slot: SlotChoice; draftKey: string }): Promise<Booking> {
  if (opts.actor.role !== "citizen") throw new AppError("forbidden");
  const { db } = await getDb();
  const done = await bookingOfKey({ actor: opts.actor, key: opts.draftKey });
  if (done) return done;
  const draft = await loadBookingDraft({ db, userId: opts.actor.userId, key: opts.draftKey });
  if (!draft) throw new AppError("notFound", { messageKey: "Booking.errors.draftGone" });
  const booking = await bookInterview({
    db,
    citizenId: opts.actor.userId,
    body: opts.body,
    topic: opts.topic,
    needsInterpreter: opts.needsInterpreter,
    choice: opts.slot,
    subject: draft.subject,
    reminderChannels: draft.reminderChannels,
    idempotencyKey: opts.draftKey,
    draftKey: opts.draftKey,
    now: await clockNow(),
    audit: { actor: opts.actor },
  });
  nudgeDispatcher();
  return booking;
}

// ---- documents attached to a booking ----

/** The booking's documents, for its participants (citizen, official, interpreter); null for anyone else. */
export async function bookingFiles(opts: { actor: Actor; bookingId: string }): Promise<UploadRow[] | null> {
  const { db } = await getDb();
  return readableBookingFiles({ db, bookingId: opts.bookingId, userId: opts.actor.userId });
}

/** One of the booking's documents as a download; 404 for anyone not on the booking, and for a file of another booking. */
export async function bookingFileResponse(opts: { actor: Actor | null; bookingId: string; fileId: string }): Promise<Response> {
  if (!opts.actor) throw new AppError("notFound");
  const files = await bookingFiles({ actor: opts.actor, bookingId: opts.bookingId });
  const row = files?.find((f) => f.id === opts.fileId);
  if (!row) throw new AppError("notFound");
  return uploadResponse(row, "private");
}

// ---- walk-in citizens, booked by an agent at a service house ----

function requireAgent(actor: Actor) {
  if (actor.role !== "agent") throw new AppError("forbidden");
}

/** Holds the slot for the citizen at the counter; the caller then sends them the code (lib/assisted's walk-in session). */
export async function holdWalkInBooking(opts: { actor: Actor; phone: string; body: string; topic: string; needsInterpreter: boolean; slot: SlotChoice; subject: string; idempotencyKey: string }): Promise<Booking> {
  requireAgent(opts.actor);
  const parsed = normalisePhone(opts.phone);
  if (!parsed.ok) throw new AppError("validation", { fields: { phone: phoneErrorKey[parsed.reason] } });
  const { db } = await getDb();
  const booking = await holdWalkIn({
    db,
    agentId: opts.actor.userId,
    phone: parsed.e164,
    body: opts.body,
    topic: opts.topic,
    needsInterpreter: opts.needsInterpreter,
    choice: opts.slot,
    subject: opts.subject,
    reminderChannels: ["sms"],
    idempotencyKey: opts.idempotencyKey,
    now: await clockNow(),
  });
  await recordAudit(db, opts.actor, { action: "interview.walkIn.hold", subjectType: "interview", subjectId: booking.id, detail: { houseId: opts.actor.houseId ?? null, citizenId: booking.citizenId } });
  return booking;
}

export async function linkWalkInBookingSession(opts: { actor: Actor; bookingId: string; sessionId: string }): Promise<void> {
  requireAgent(opts.actor);
  const { db } = await getDb();
  await linkWalkInSession({ db, bookingId: opts.bookingId, agentId: opts.actor.userId, sessionId: opts.sessionId });
}

export async function confirmWalkInBooking(opts: { actor: Actor; bookingId: string }): Promise<Booking> {
  requireAgent(opts.actor);
  const { db } = await getDb();
  const booking = await confirmWalkIn({ db, bookingId: opts.bookingId, agentId: opts.actor.userId, now: await clockNow() });
  await recordAudit(db, opts.actor, { action: "interview.walkIn.confirm", subjectType: "interview", subjectId: booking.id, detail: { houseId: opts.actor.houseId ?? null, citizenId: booking.citizenId } });
  // The citizen is told of the booking now (its notice was written with the confirmation).
  nudgeDispatcher();
  return booking;
}

export async function releaseWalkInBooking(opts: { actor: Actor; bookingId: string }): Promise<void> {
  requireAgent(opts.actor);
  const { db } = await getDb();
  await releaseWalkIn({ db, bookingId: opts.bookingId, agentId: opts.actor.userId, now: await clockNow() });
  await recordAudit(db, opts.actor, { action: "interview.walkIn.release", subjectType: "interview", subjectId: opts.bookingId });
}

/** A walk-in booking as the agent who made it sees it (null for anyone else). */
export async function walkInBookingView(opts: { actor: Actor; bookingId: string }): Promise<{ booking: Booking; citizenPhone: string; expired: boolean } | null> {
  if (opts.actor.role !== "agent") return null;
  const { db } = await getDb();
  const booking = await getBooking({ db, bookingId: opts.bookingId });
  if (!booking || booking.bookedById !== opts.actor.userId) return null;
  const [citizen] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, booking.citizenId));
  const at = await clockNow();
  return { booking, citizenPhone: citizen?.phone ?? "", expired: booking.status === "pendingCode" && !!booking.walkInCodeExpiresAt && booking.walkInCodeExpiresAt < at };
}

export type Person = { id: string; name: string | null; phone: string };
export type BookingView = {
  booking: Booking;
  role: Participation;
  citizen: Person;
  official: Person & { level: "regional" | "central" | null };
  interpreter: Person | null;
  room: RoomState;
  opensAt: Date;
  canChange: boolean;
  canOfficialCancel: boolean;
  canNoShow: boolean;
  canOutcome: boolean;
  /** The booking this one replaced, or that replaced it. */
  movedTo: string | null;
};

async function people(ids: string[]) {
  const { db } = await getDb();
  const rows = ids.length ? await db.select({ id: users.id, name: users.name, phone: users.phone, level: users.officialLevel }).from(users).where(inArray(users.id, ids)) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The booking as one participant sees it; null for anybody else (they learn nothing). */
export async function viewBooking(opts: { actor: Actor; bookingId: string }): Promise<BookingView | null> {
  const { db } = await getDb();
  const booking = await getBooking({ db, bookingId: opts.bookingId });
  if (!booking) return null;
  const role = participationOf(booking, opts.actor.userId);
  if (!role) return null;
  const now = await clockNow();
  const p = policy();
  const map = await people([booking.citizenId, booking.officialId, ...(booking.interpreterId ? [booking.interpreterId] : [])]);
  const person = (id: string): Person => ({ id, name: map.get(id)?.name ?? null, phone: map.get(id)?.phone ?? "" });
  return {
    booking,
    role,
    citizen: person(booking.citizenId),
    official: { ...person(booking.officialId), level: map.get(booking.officialId)?.level ?? null },
    interpreter: booking.interpreterId ? person(booking.interpreterId) : null,
    room: roomState(booking, now, p),
    opensAt: new Date(booking.startsAt.getTime() - p.roomMarginMinutes * 60_000),
    canChange: role === "citizen" && citizenChangeRefusal(booking, now, p) === null,
    canOfficialCancel: role === "official" && officialCancelRefusal(booking, now) === null,
    canNoShow: role === "official" && noShowRefusal(booking, now, p) === null,
    canOutcome: role === "official" && outcomeRefusal(booking, now) === null,
    movedTo: booking.rescheduledToId,
  };
}

/** Bookings where this person is the citizen or the interpreter, upcoming first. */
export async function myBookings(opts: { actor: Actor }): Promise<Booking[]> {
  const { db } = await getDb();
  return db
    .select()
    .from(interviewBookings)
    .where(or(eq(interviewBookings.citizenId, opts.actor.userId), eq(interviewBookings.interpreterId, opts.actor.userId)))
    .orderBy(desc(interviewBookings.startsAt))
    .limit(100);
}

export async function agenda(opts: { actor: Actor; from: Date; to: Date }): Promise<(Booking & { citizenName: string | null })[]> {
  const { db } = await getDb();
  const rows = await db
    .select({ b: interviewBookings, citizenName: users.name })
    .from(interviewBookings)
    .innerJoin(users, eq(users.id, interviewBookings.citizenId))
    .where(
      and(
        or(eq(interviewBookings.officialId, opts.actor.userId), eq(interviewBookings.interpreterId, opts.actor.userId)),
        gte(interviewBookings.startsAt, opts.from),
        lt(interviewBookings.startsAt, opts.to),
        inArray(interviewBookings.status, ["confirmed", "pendingCode", "completed", "noShow", "cancelled"]),
      ),
    )
    .orderBy(asc(interviewBookings.startsAt));
  return rows.map((r) => ({ ...r.b, citizenName: r.citizenName }));
}

export async function icsFor(opts: { actor: Actor; bookingId: string; summary: string; description: string; url: string; host: string }): Promise<string | null> {
  const view = await viewBooking(opts);
  if (!view) return null;
  const b = view.booking;
  return buildIcs(
    {
      uid: `${b.rescheduledFromId ?? b.id}@${opts.host}`,
      sequence: b.sequence,
      start: b.startsAt,
      end: b.endsAt,
      stamp: await clockNow(),
      summary: opts.summary,
      description: opts.description,
      url: opts.url,
      cancelled: b.status === "cancelled",
    },
    TIME_ZONE,
  );
}

export async function cancelBooking(opts: { actor: Actor; bookingId: string; reason: string; ip?: string | null }): Promise<Booking> {
  const { db } = await getDb();
  const booking = await getBooking({ db, bookingId: opts.bookingId });
  const role = booking ? participationOf(booking, opts.actor.userId) : null;
  const now = await clockNow();
  let result: Booking;
  const audit = { actor: opts.actor, ip: opts.ip };
  if (role === "citizen") result = await cancelByCitizen({ db, bookingId: opts.bookingId, citizenId: opts.actor.userId, reason: opts.reason, now, policy: policy(), audit });
  else if (role === "official") result = await cancelByOfficial({ db, bookingId: opts.bookingId, officialId: opts.actor.userId, reason: opts.reason, now, audit });
  else throw new AppError("notFound");
  nudgeDispatcher();
  return result;
}

export async function rescheduleBooking(opts: { actor: Actor; bookingId: string; slot: SlotChoice; reason: string; ip?: string | null }): Promise<Booking> {
  const { db } = await getDb();
  const moved = await reschedule({
    db,
    bookingId: opts.bookingId,
    citizenId: opts.actor.userId,
    choice: opts.slot,
    reason: opts.reason,
    now: await clockNow(),
    policy: policy(),
    audit: { actor: opts.actor, ip: opts.ip },
  });
  nudgeDispatcher();
  return moved;
}

export async function saveOutcome(opts: { actor: Actor; bookingId: string; outcome: string; ip?: string | null }): Promise<Booking> {
  const { db } = await getDb();
  return recordOutcome({ db, bookingId: opts.bookingId, officialId: opts.actor.userId, outcome: opts.outcome, now: await clockNow(), audit: { actor: opts.actor, ip: opts.ip } });
}

export async function markNoShow(opts: { actor: Actor; bookingId: string; ip?: string | null }): Promise<Booking> {
  const { db } = await getDb();
  return recordNoShow({ db, bookingId: opts.bookingId, officialId: opts.actor.userId, now: await clockNow(), policy: policy(), audit: { actor: opts.actor, ip: opts.ip } });
}

/** The official opens a case from the outcome; returns the case's reference. */
export async function openCase(opts: { actor: Actor; bookingId: string; ip?: string | null }): Promise<string> {
  const { db } = await getDb();
  const reference = await openCaseFromOutcome({ db, bookingId: opts.bookingId, officialId: opts.actor.userId, now: await clockNow(), audit: { actor: opts.actor, ip: opts.ip } });
  nudgeDispatcher();
  return reference;
}

// ---- availability (officials and interpreters) ----

export function canHost(actor: Actor): boolean {
  return (actor.role === "official" && interviewBodyOfAccount(actor.bodyId) !== null) || actor.interpreter;
}

export async function myAvailability(opts: { actor: Actor }) {
  if (!canHost(opts.actor)) throw new AppError("forbidden");
  const { db } = await getDb();
  return getAvailability({ db, userId: opts.actor.userId });
}

export async function updateAvailability(opts: { actor: Actor; settings: HostSettings; weekly: WeeklyWindow[] }): Promise<void> {
  if (!canHost(opts.actor)) throw new AppError("forbidden");
  const body = interviewBodyOfAccount(opts.actor.bodyId);
  const topics = opts.actor.role === "official" && body ? opts.settings.topics.filter((t) => topicsOf(body).includes(t)) : [];
  const { db } = await getDb();
  await saveAvailability({ db, userId: opts.actor.userId, settings: { ...opts.settings, topics }, weekly: opts.weekly });
}

export async function addDayOff(opts: { actor: Actor; startsOn: string; endsOn: string; reason: string | null }): Promise<void> {
  if (!canHost(opts.actor)) throw new AppError("forbidden");
  const { db } = await getDb();
  await addException({ db, userId: opts.actor.userId, ...opts });
}

export async function removeDayOff(opts: { actor: Actor; id: string }): Promise<void> {
  if (!canHost(opts.actor)) throw new AppError("forbidden");
  const { db } = await getDb();
  await removeException({ db, userId: opts.actor.userId, id: opts.id });
}

export { nearestSlots };
