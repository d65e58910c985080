"use server";

import { redirect } from "next/navigation";
import { createFormAction } from "@/lib/safe-action";
import { isAppError } from "@/lib/errors";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { bookSchema, cancelBookingSchema, rescheduleBookingSchema, reviewBookingSchema } from "@/lib/interviews/forms";
import { cancelBooking, createBooking, rescheduleBooking, reviewBookingDraft } from "@/lib/interviews/service";


const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Where the booking pages are, with the answers given so far (GET, so back and no-JS work). */
function bookPath(locale: Locale, q: Record<string, string>) {
  return `${localePath(locale, "/interviews/book")}?${new URLSearchParams(q)}`;
}

/** The subject step: subject, reminders and files are kept under the form's key, then the check page. */
export const reviewBookingAction = createFormAction({
  schema: reviewBookingSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale, files }) => {
    const reminders = asList(input.reminders) as ("sms" | "push")[];
    await reviewBookingDraft({ actor: actor, key: input.draft, subject: input.subject, reminderChannels: [...new Set(reminders)], files: files.attachments ?? [], remove: asList(input.removeUpload) });
    redirect(bookPath(locale, { body: input.body, topic: input.topic, interpreter: input.interpreter, slot: input.slot, draft: input.draft, step: "check" }));
  },
});

/** Confirm on the check page: only now is the slot reserved. */
export const bookAction = createFormAction({
  schema: bookSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    let id: string;
    try {
      const booking = await createBooking({ actor: actor, body: input.body, topic: input.topic, needsInterpreter: input.interpreter === "yes", slot: input.slot, draftKey: input.draft });
      id = booking.id;
    } catch (error) {
      // Taken a moment ago: back to the times, the nearest free ones first; the subject and files stay in the draft.
      if (isAppError(error) && error.code === "conflict") {
        redirect(bookPath(locale, { body: input.body, topic: input.topic, interpreter: input.interpreter, draft: input.draft, taken: String(input.slot.start.getTime()) }));
      }
      throw error;
    }
    redirect(`${localePath(locale, `/interviews/${id}`)}?booked=1`);
  },
});

export const cancelAction = createFormAction({
  schema: cancelBookingSchema,
  access: "signed-in",
  run: async ({ input, actor, locale, ip }) => {
    await cancelBooking({ actor: actor, bookingId: input.bookingId, reason: input.reason, ip });
    redirect(localePath(locale, `/interviews/${input.bookingId}`));
  },
});

export const rescheduleAction = createFormAction({
  schema: rescheduleBookingSchema,
  access: "signed-in",
  run: async ({ input, actor, locale, ip }) => {
    let id: string;
    try {
      id = (await rescheduleBooking({ actor: actor, bookingId: input.bookingId, slot: input.slot, reason: input.reason, ip })).id;
    } catch (error) {
      if (isAppError(error) && error.code === "conflict" && error.messageKey === "Booking.errors.slotTaken") {
        redirect(`${localePath(locale, `/interviews/${input.bookingId}/reschedule`)}?taken=${input.slot.start.getTime()}`);
      }
      throw error;
    }
    redirect(`${localePath(locale, `/interviews/${id}`)}?moved=1`);
  },
});
