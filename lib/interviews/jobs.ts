import "server-only";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { expireWalkIns } from "./walk-in-booking";
import { pruneBookingDrafts } from "./drafts";
import { sweepInterviewReminders } from "./reminders";
import { log } from "@/lib/log";

/**
 * The interviews' background work, on the notification dispatcher's beat (NOTIFY_INTERVAL_SECONDS;
 * 0 turns it off): releases the slots of walk-in bookings whose code was never given, and writes
 * the reminders that are due (the day before, 15 minutes before), which the dispatcher then
 * delivers. Each claims its rows with one conditional UPDATE, so several instances running it at
 * once act on each booking once.
 */
export function startInterviewJobs(): void {
  every("interviews", env().NOTIFY_INTERVAL_SECONDS, async () => {
    const [{ db }, at] = await Promise.all([getDb(), now()]);
    const released = await expireWalkIns({ db, now: at });
    if (released > 0) log.info("interviews.walkInsReleased", { count: released });
    const reminded = await sweepInterviewReminders({ db, now: at });
    if (reminded.day + reminded.soon > 0) nudgeDispatcher();
  });
}

/** Housekeeping: subject steps never confirmed go after DRAFT_RETENTION_DAYS. */
export function startInterviewHousekeeping(): void {
  every("interviews-housekeeping", env().HOUSEKEEPING_INTERVAL_SECONDS, async () => {
    const [{ db }, at] = await Promise.all([getDb(), now()]);
    const pruned = await pruneBookingDrafts({ db, before: new Date(at.getTime() - env().DRAFT_RETENTION_DAYS * 86_400_000) });
    if (pruned > 0) log.info("interviews.draftsPruned", { count: pruned });
  });
}
