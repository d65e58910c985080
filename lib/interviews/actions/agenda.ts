"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createFormAction } from "@/lib/safe-action";
import { localePath } from "@/lib/i18n/routing";
import { cancelBooking } from "@/lib/interviews/service";
import { markNoShow, openCase, saveOutcome } from "@/lib/interviews/host-service";
import { officialCancelSchema, outcomeSchema } from "@/lib/interviews/forms";

/*
 * Each action is audited once, by lib/interviews in the transaction of the change (with the
 * booking and what was done), not by the action wrapper (`audit: false`).
 */

const officialOnly = ["official"] as const;

export const officialCancelAction = createFormAction({
  schema: officialCancelSchema,
  access: officialOnly,
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    await cancelBooking({ actor: actor, bookingId: input.bookingId, reason: input.reason, ip });
    redirect(`${localePath(locale, `/staff/agenda/${input.bookingId}`)}?done=cancelled`);
  },
});

export const noShowAction = createFormAction({
  schema: z.object({ bookingId: z.uuid() }),
  access: officialOnly,
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    await markNoShow({ actor: actor, bookingId: input.bookingId, ip });
    redirect(`${localePath(locale, `/staff/agenda/${input.bookingId}`)}?done=noShow`);
  },
});

export const outcomeAction = createFormAction({
  schema: outcomeSchema,
  access: officialOnly,
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    await saveOutcome({ actor: actor, bookingId: input.bookingId, outcome: input.outcome, ip });
    redirect(`${localePath(locale, `/staff/agenda/${input.bookingId}`)}?done=outcome`);
  },
});

export const openCaseAction = createFormAction({
  schema: z.object({ bookingId: z.uuid() }),
  access: officialOnly,
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    await openCase({ actor: actor, bookingId: input.bookingId, ip });
    redirect(`${localePath(locale, `/staff/agenda/${input.bookingId}`)}?done=caseOpened`);
  },
});
