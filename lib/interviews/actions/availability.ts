"use server";

import { z } from "zod";
import { createFormAction } from "@/lib/safe-action";
import { addDayOff, removeDayOff, updateAvailability } from "@/lib/interviews/host-service";
import { availabilitySchema, dayOffSchema, minutesOf, RANGES, WEEKDAYS } from "@/lib/interviews/forms";

const hostRoles = ["official", "volunteer", "agent", "admin"] as const;

export const saveAvailabilityAction = createFormAction({
  schema: availabilitySchema,
  access: hostRoles,
  audit: () => ({ action: "interview.availability" }),
  run: async ({ input, actor }) => {
    const rec = input as unknown as Record<string, string>;
    const weekly = WEEKDAYS.flatMap((weekday) =>
      RANGES.flatMap((p) => {
        const from = minutesOf(rec[`w${weekday}${p}_from`] ?? "");
        const to = minutesOf(rec[`w${weekday}${p}_to`] ?? "");
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

export const addDayOffAction = createFormAction({
  schema: dayOffSchema,
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
