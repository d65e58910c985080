"use server";

import { z } from "zod";
import { createFormAction } from "@/lib/safe-action";
import { addDayOff, removeDayOff, updateAvailability } from "@/lib/interviews/host-service";
import { parseLocalDate } from "@/lib/clock/zone";
import { formValue, text } from "@/lib/text/input";

const hostRoles = ["official", "volunteer", "agent", "admin"] as const;
const time = z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5][05]$|^24:00$/, "Availability.errors.time")]);
const minutes = (v: string) => (v ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)) : null);
const int = (min: number, max: number, step = 1) =>
  z.coerce.number({ message: "Availability.errors.number" }).int("Availability.errors.number").min(min, "Availability.errors.number").max(max, "Availability.errors.number").refine((n) => n % step === 0, "Availability.errors.number");

const weeklyFields = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].flatMap((d) => ["a", "b"].flatMap((p) => [[`w${d}${p}_from`, time.default("")], [`w${d}${p}_to`, time.default("")]])));

const schema = z
  .object({
    slotMinutes: int(10, 120, 5),
    bufferMinutes: int(0, 60, 5),
    horizonDays: int(1, 90),
    minNoticeHours: int(0, 336),
    active: z.literal("on").optional(),
    topics: formValue.optional(),
    ...weeklyFields,
  })
  .superRefine((v, ctx) => {
    const rec = v as unknown as Record<string, string>;
    for (let d = 1; d <= 7; d++)
      for (const p of ["a", "b"]) {
        const from = minutes(rec[`w${d}${p}_from`] ?? "");
        const to = minutes(rec[`w${d}${p}_to`] ?? "");
        if ((from === null) !== (to === null)) ctx.addIssue({ code: "custom", path: [`w${d}${p}_${from === null ? "from" : "to"}`], message: "Availability.errors.time" });
        else if (from !== null && to !== null && from >= to) ctx.addIssue({ code: "custom", path: [`w${d}${p}_to`], message: "Availability.errors.order" });
      }
  });

export const saveAvailabilityAction = createFormAction({
  schema,
  access: hostRoles,
  audit: () => ({ action: "interview.availability" }),
  run: async ({ input, actor }) => {
    const rec = input as unknown as Record<string, string>;
    const weekly = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
      ["a", "b"].flatMap((p) => {
        const from = minutes(rec[`w${weekday}${p}_from`] ?? "");
        const to = minutes(rec[`w${weekday}${p}_to`] ?? "");
        return from !== null && to !== null ? [{ weekday, startMinute: from, endMinute: to }] : [];
      }),
    );
    const topics = input.topics === undefined ? [] : Array.isArray(input.topics) ? input.topics : [input.topics];
    await updateAvailability({
      actor: actor,
      settings: { slotMinutes: input.slotMinutes, bufferMinutes: input.bufferMinutes, horizonDays: input.horizonDays, minNoticeMinutes: input.minNoticeHours * 60, topics, active: input.active === "on" },
      weekly,
    });
    return { saved: true };
  },
});

const date = z.string().refine((v) => parseLocalDate(v) !== null, "Availability.errors.date");

export const addDayOffAction = createFormAction({
  schema: z.object({ startsOn: date, endsOn: date, reason: text().trim().max(200).optional() }).refine((v) => v.startsOn <= v.endsOn, { path: ["endsOn"], message: "Availability.errors.dateOrder" }),
  access: hostRoles,
  audit: () => ({ action: "interview.dayOff.add" }),
  run: async ({ input, actor }) => {
    await addDayOff({ actor: actor, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason || null });
    return { saved: true };
  },
});

export const removeDayOffAction = createFormAction({
  schema: z.object({ id: z.uuid() }),
  access: hostRoles,
  audit: (input) => ({ action: "interview.dayOff.remove", subjectId: input.id }),
  run: async ({ input, actor }) => {
    await removeDayOff({ actor: actor, id: input.id });
    return { saved: true };
  },
});
