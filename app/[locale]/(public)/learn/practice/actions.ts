"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { complaintSchema } from "@/lib/cases/kinds/complaint";
import { practiceComplaint } from "@/lib/cases/practice";
import { lessonSlugs } from "@/lib/learning/lessons";
import { practicePaySchema, practiceStartSchema } from "@/lib/learning/forms";
import { practiceBookSchema } from "@/lib/interviews/practice-forms";
import { practiceBooking } from "@/lib/interviews/practice";
import { endPracticePayments, payInPractice } from "@/lib/payments/practice";
import { currentPracticeRun, endCurrentPractice, enterPractice } from "@/lib/practice/context";

/**
 * Practice mode's actions (docs/adr/0022-practice-mode.md). Each needs the browser's practice
 * run (its signed cookie) and calls a domain's practice function, which validates with the real
 * schema and writes to the practice store only. Public: a learner needs no account, and nothing
 * here is anyone's.
 */
async function run() {
  const r = await currentPracticeRun();
  if (!r) throw new AppError("notFound", { messageKey: "Practice.errors.notInPractice" });
  return r;
}

export const startPracticeAction = createFormAction({
  schema: practiceStartSchema,
  access: "public",
  run: async ({ input, locale }) => {
    const lesson = lessonSlugs().includes(input.lesson) ? input.lesson : null;
    await enterPractice({ lessonSlug: lesson });
    redirect(localePath(locale, "/learn/practice"));
  },
});

export const endPracticeAction = createFormAction({
  schema: z.object({}),
  access: "public",
  run: async ({ locale }) => {
    const r = await currentPracticeRun();
    if (r) await endPracticePayments(r.id);
    await endCurrentPractice(r);
    redirect(`${localePath(locale, r?.lessonSlug ? `/learn/${r.lessonSlug}` : "/learn")}`);
  },
});

export const practiceComplaintAction = createFormAction({
  schema: complaintSchema,
  access: "public",
  run: async ({ input, locale }) => {
    const r = await run();
    const done = await practiceComplaint(r.id, input);
    redirect(`${localePath(locale, "/learn/practice")}?done=${encodeURIComponent(done.reference)}`);
  },
});

export const practicePayAction = createFormAction({
  schema: practicePaySchema,
  access: "public",
  run: async ({ input, locale }) => {
    const r = await run();
    const p = await payInPractice({ runId: r.id, payerPhone: input.payerPhone, idempotencyKey: input.idempotencyKey });
    redirect(localePath(locale, `/learn/practice/pay/${encodeURIComponent(p.reference)}`));
  },
});

export const practiceBookAction = createFormAction({
  schema: practiceBookSchema,
  access: "public",
  run: async ({ input, locale }) => {
    const r = await run();
    const done = await practiceBooking(r.id, input);
    redirect(`${localePath(locale, "/learn/practice")}?done=${encodeURIComponent(done.reference)}`);
  },
});
