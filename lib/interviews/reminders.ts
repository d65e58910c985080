import "server-only";
import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { interviewBookings } from "@/lib/db/schema";
import { noticeReminder } from "./notices";

const MINUTE = 60_000;
/** The day-before reminder is due 24 h before the start… */
export const DAY_BEFORE_MS = 24 * 60 * MINUTE;
/** …and no longer worth sending within the last hour (the 15-minute one follows). */
const DAY_LATEST_MS = 60 * MINUTE;
export const SOON_BEFORE_MS = 15 * MINUTE;

/**
 * What a new (or moved) booking needs no reminder for: a booking confirmed less than a day
 * ahead was just told its time by the confirmation, so that reminder counts as given.
 */
export function remindersAlreadyCovered(startsAt: Date, now: Date): { remindedDayAt: Date | null; remindedSoonAt: Date | null } {
  const ahead = startsAt.getTime() - now.getTime();
  return { remindedDayAt: ahead <= DAY_BEFORE_MS ? now : null, remindedSoonAt: ahead <= SOON_BEFORE_MS ? now : null };
}

/**
 * Writes the due reminders of confirmed bookings, each exactly once: the reminder and the
 * `reminded_*_at` mark are one transaction, and the mark is set by an update that only matches
 * while it is still null and the booking still confirmed, so two sweeps (two instances, or a
 * sweep racing a cancellation) cannot both send it, and a cancelled or moved booking gets none.
 * Run by the interviews' background job (jobs.ts); reminders go by the channels chosen at booking.
 */
export async function sweepInterviewReminders(opts: { db: Db; now: Date; limit?: number }): Promise<{ day: number; soon: number }> {
  const { db, now } = opts;
  const at = (ms: number) => new Date(now.getTime() + ms);
  const dayDue = and(isNull(interviewBookings.remindedDayAt), gt(interviewBookings.startsAt, at(DAY_LATEST_MS)), lte(interviewBookings.startsAt, at(DAY_BEFORE_MS)));
  const soonDue = and(isNull(interviewBookings.remindedSoonAt), gt(interviewBookings.startsAt, now), lte(interviewBookings.startsAt, at(SOON_BEFORE_MS)));
  const candidates = await db
    .select({ id: interviewBookings.id })
    .from(interviewBookings)
    .where(and(eq(interviewBookings.status, "confirmed"), or(dayDue, soonDue)))
    .limit(opts.limit ?? 500);
  const sent = { day: 0, soon: 0 };
  for (const { id } of candidates) {
    // The two windows do not overlap: at most one of these matches.
    for (const which of ["day", "soon"] as const) {
      const done = await db.transaction(async (tx) => {
        const column = which === "day" ? interviewBookings.remindedDayAt : interviewBookings.remindedSoonAt;
        const [b] = await tx
          .update(interviewBookings)
          .set(which === "day" ? { remindedDayAt: now } : { remindedSoonAt: now })
          .where(and(eq(interviewBookings.id, id), eq(interviewBookings.status, "confirmed"), isNull(column), which === "day" ? dayDue : soonDue))
          .returning();
        if (!b) return false;
        await noticeReminder(tx, b, which, now);
        return true;
      });
      if (done) sent[which]++;
    }
  }
  return sent;
}
