"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { zonedToUtc, parseLocalDate } from "@/lib/clock/zone";
import { normalisePhone } from "@/lib/auth/phone";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { createAction, createFormAction } from "@/lib/safe-action";
import { lessonProgressMergeSchema, lessonScoreSchema, registerGroupByPhoneSchema, registerGroupSchema, scheduleGroupSchema } from "./forms";
import { registerByPhone, registerForSession, scheduleGroupSession } from "./groups";
import { readScores, saveScores } from "./progress-store";
import { recordScore, type Progress } from "./progress";

/** A volunteer schedules a group session at their own house (the house comes from their account). */
export const scheduleGroupAction = createFormAction({
  schema: scheduleGroupSchema,
  access: ["volunteer"],
  audit: (input) => ({ action: "groupSession.schedule", detail: { startsAt: input.startsAt, seats: input.seats } }),
  run: async ({ input, actor, locale }) => {
    const [day, time] = input.startsAt.split("T") as [string, string];
    const date = parseLocalDate(day);
    if (!date) throw new AppError("validation", { fields: { startsAt: "Groups.errors.dateRequired" } });
    const startsAt = zonedToUtc(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
    const { db } = await getDb();
    await scheduleGroupSession({ db, volunteerId: actor.userId, houseId: actor.houseId, startsAt, lessonSlug: input.lessonSlug, topic: input.topic, seats: input.seats, now: await now() });
    redirect(`${localePath(locale, "/volunteer/groups")}?scheduled=1`);
  },
});

/** A signed-in citizen registers from the lessons' group sessions page. */
export const registerGroupAction = createFormAction({
  schema: registerGroupSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    const { db } = await getDb();
    const { seat } = await registerForSession({ db, sessionId: input.sessionId, userId: actor.userId, via: "learn", now: await now() });
    redirect(`${localePath(locale, "/learn/groups")}?registered=${input.sessionId}&seat=${seat}`);
  },
});

/** At the corner, a volunteer registers a citizen by their phone number, for their own house's sessions. */
export const registerGroupByPhoneAction = createFormAction({
  schema: registerGroupByPhoneSchema,
  access: ["volunteer"],
  audit: (input) => ({ action: "groupSession.registerByPhone", subjectType: "groupSession", subjectId: input.sessionId }),
  run: async ({ input, actor, locale }) => {
    const phone = normalisePhone(input.phone);
    if (!phone.ok) throw new AppError("validation", { fields: { phone: "Auth.phone.errors.invalid" } });
    const { db } = await getDb();
    const { seat } = await registerByPhone({ db, sessionId: input.sessionId, phone: phone.e164, locale, now: await now(), volunteer: { userId: actor.userId, houseId: actor.houseId } });
    redirect(`${localePath(locale, "/volunteer/groups")}?registered=${input.sessionId}&seat=${seat}`);
  },
});

/** A quiz answered while signed in: the score goes to the account too (the best one stays). */
export const saveLessonScoreAction = createAction({
  schema: lessonScoreSchema,
  access: "signed-in",
  run: async ({ input, actor }) => {
    const { db } = await getDb();
    await saveScores({ db, userId: actor.userId, progress: { [input.slug]: { right: input.right, total: input.total } }, now: await now() });
    return null;
  },
});

/** On sign-in (the first page that finds a session): the device's progress and the account's, merged both ways. */
export const mergeLessonProgressAction = createAction({
  schema: lessonProgressMergeSchema,
  access: "signed-in",
  run: async ({ input, actor }) => {
    const { db } = await getDb();
    const at = await now();
    await saveScores({ db, userId: actor.userId, progress: input.progress, now: at });
    let merged: Progress = await readScores({ db, userId: actor.userId });
    for (const [slug, p] of Object.entries(input.progress)) merged = recordScore(merged, slug, p.right, p.total);
    return merged;
  },
});
