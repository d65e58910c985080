import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { normalisePhone, phoneErrorKey } from "@/lib/auth/phone";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { recordAudit } from "@/lib/audit/record";
import { getBooking, type Booking } from "./booking";
import { confirmWalkIn, holdWalkIn, linkWalkInSession, releaseWalkIn } from "./walk-in-booking";
import type { SlotChoice } from "./service";

/** Booking for a walk-in citizen at a house's counter, as the agent's pages call it. */
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
