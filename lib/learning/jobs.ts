import "server-only";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { sweepGroupReminders } from "./groups";
import { getLesson } from "./lessons";
import { isLocale, defaultLocale } from "@/lib/i18n/routing";

/**
 * The learning space's background work, on the notification dispatcher's beat (as the interviews'
 * reminders): the day-before SMS of group sessions, which the dispatcher then delivers. Each
 * reminder is claimed by one conditional UPDATE, so several instances send it once.
 */
export function startLearningJobs(): void {
  every("learning", env().NOTIFY_INTERVAL_SECONDS, async () => {
    const [{ db }, at] = await Promise.all([getDb(), now()]);
    const sent = await sweepGroupReminders({ db, now: at, lessonTitle: (slug, locale) => getLesson(slug, isLocale(locale) ? locale : defaultLocale)?.title ?? null });
    if (sent > 0) nudgeDispatcher();
  });
}
