"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { rateCase, transitionCase } from "@/lib/cases/engine";
import { localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { text } from "@/lib/text/input";
import { caseReference, rateSchema } from "./forms";

/**
 * The citizen's actions after sending (escalate, reopen, withdraw, appeal; rate the answer).
 * The engine checks the kind's machine and guards: a refusal comes back as a message.
 */
const reference = caseReference;

export const citizenTransitionAction = createFormAction({
  schema: z.object({
    reference,
    to: z.enum(["escalated", "inProgress", "acknowledged", "withdrawn", "appealed"]),
    message: text().max(5000, "Cases.errors.messageTooLong").optional().default(""),
  }),
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    const { db } = await getDb();
    const updated = await transitionCase({ db, case: { reference: input.reference }, to: input.to, actor: actor, message: input.message, now: await now() });
    redirect(`${localePath(locale, `/my/cases/${updated.reference}`)}?done=status`);
  },
});

export const rateAction = createFormAction({
  schema: rateSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    const { db } = await getDb();
    const updated = await rateCase({ db, case: { reference: input.reference }, actor: actor, stars: input.stars, comment: input.comment, now: await now() });
    redirect(`${localePath(locale, `/my/cases/${updated.reference}`)}?done=rated`);
  },
});
