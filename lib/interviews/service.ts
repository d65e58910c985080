import "server-only";
import { z } from "zod";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { interviewBookings, users } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { receiveFormFiles } from "@/lib/documents/uploads/form-files";
import { uploadResponse } from "@/lib/documents/uploads/http";
import type { UploadRow } from "@/lib/documents/uploads/save";
import { getStorage } from "@/lib/documents/uploads/storage";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { TIME_ZONE } from "@/lib/i18n/format";
import { loadInterpreters, loadOfficials } from "./availability";
import { bookInterview, cancelByCitizen, cancelByOfficial, getBooking, participationOf, reschedule, type Booking, type Participation, type SlotChoice } from "./booking";
import { buildIcs } from "./ics";
import { isDraftKey, loadBookingDraft, readableBookingFiles, saveBookingDraft, type BookingDraft } from "./drafts";
import { policy } from "./policy";
import { citizenChangeRefusal, noShowRefusal, officialCancelRefusal, outcomeRefusal, roomState, type RoomState } from "./rules";
import { nearestSlots, offerSlots, type OfferedSlot } from "./slots";
import { isInterviewBody, topicsOf } from "./topics";

/**
 * What pages and actions call: each function opens the database, reads the server clock and
 * checks who is asking. The functions they build on (booking.ts, availability.ts) take the
 * database and `now` as arguments and are tested directly.
 */

export type { SlotChoice };

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

export { nearestSlots };
