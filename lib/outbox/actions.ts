"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { IDEMPOTENCY_KEY } from "./idempotency";
import { submitCaseOnce } from "./submit";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { text, formValue } from "@/lib/text/input";

/**
 * The same submission as POST /api/v1/submissions, for forms without JavaScript: the form carries
 * the idempotency key the server made when it rendered the page (a double click, a resent POST
 * or the back button and send again make one case). Every other field is the kind's payload.
 */
const input = z
  .object({
    idempotencyKey: z.string().regex(IDEMPOTENCY_KEY, "Outbox.errors.badKey"),
    kind: text().min(1).max(60),
  })
  .catchall(formValue);

export const submitCaseForm = createFormAction({
  schema: input,
  access: ["citizen"],
  run: async ({ input: { idempotencyKey, kind, ...payload }, actor, locale, ip }) => {
    const { db } = await getDb();
    const { result, replayed } = await submitCaseOnce({ db, actor: actor, key: idempotencyKey, kind, payload, locale, now: await now(), ip });
    if (!replayed) nudgeDispatcher();
    redirect(`${localePath(locale, `/my/cases/${result.reference}`)}?sent=1`);
  },
});
