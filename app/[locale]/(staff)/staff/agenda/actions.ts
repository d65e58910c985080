"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createFormAction } from "@/lib/safe-action";
import { localePath } from "@/lib/i18n/routing";
import { cancelBooking, markNoShow, saveOutcome } from "@/lib/interviews/service";

const officialOnly = ["official"] as const;

export const officialCancelAction = createFormAction({
  schema: z.object({ bookingId: z.uuid(), reason: z.string().trim().min(2, "Booking.errors.reasonRequired").max(500, "Booking.errors.reasonTooLong") }),
  access: officialOnly,
  audit: (input) => ({ action: "interview.officialCancel", subjectType: "interview", subjectId: input.bookingId }),
  run: async ({ input, actor, locale }) => {
    await cancelBooking({ actor: actor!, bookingId: input.bookingId, reason: input.reason });
    redirect(`${localePath(locale, `/staff/agenda/${input.bookingId}`)}?done=cancelled`);
  },
});

export const noShowAction = createFormAction({
  schema: z.object({ bookingId: z.uuid() }),
  access: officialOnly,
  run: async ({ input, actor, locale }) => {
    await markNoShow({ actor: actor!, bookingId: input.bookingId });
    redirect(`${localePath(locale, `/staff/agenda/${input.bookingId}`)}?done=noShow`);
  },
});

export const outcomeAction = createFormAction({
  schema: z.object({ bookingId: z.uuid(), outcome: z.string().trim().min(2, "Booking.errors.reasonRequired").max(2000, "Booking.errors.subjectTooLong") }),
  access: officialOnly,
  run: async ({ input, actor, locale }) => {
    await saveOutcome({ actor: actor!, bookingId: input.bookingId, outcome: input.outcome });
    redirect(`${localePath(locale, `/staff/agenda/${input.bookingId}`)}?done=outcome`);
  },
});
