import "server-only";
import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { interviewBookings, interviewHolds, users, walkInSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { bookInterview, lockBooking, releaseHolds, type BookInput, type Booking } from "./booking";
import { noticeBooked } from "./notices";

/**
 * Booking for a walk-in citizen at a house's counter: the agent holds a slot, the citizen gives
 * the code sent to their own phone, and only then is the booking confirmed and announced. A hold
 * whose code never came is released by the interviews' job.
 */
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
