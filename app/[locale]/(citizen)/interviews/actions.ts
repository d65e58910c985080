"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createFormAction } from "@/lib/safe-action";
import { isAppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { cancelBooking, createBooking, decodeSlot, rescheduleBooking } from "@/lib/interviews/service";
import { interviewBodyIds, topicsOf } from "@/lib/interviews/topics";

const slot = z.string().transform((v, ctx) => {
  const s = decodeSlot(v);
  if (!s) {
    ctx.addIssue({ code: "custom", message: "Booking.errors.slotRequired" });
    return z.NEVER;
  }
  return s;
});

const bookSchema = z
  .object({
    body: z.enum(interviewBodyIds, { message: "Booking.errors.bodyRequired" }),
    topic: z.string().min(1, "Booking.errors.topicRequired"),
    interpreter: z.enum(["yes", "no"], { message: "Booking.errors.interpreterRequired" }),
    slot,
    subject: z.string().trim().min(3, "Booking.errors.subjectRequired").max(1000, "Booking.errors.subjectTooLong"),
    reminders: z.union([z.enum(["sms", "push"]), z.array(z.enum(["sms", "push"]))]).optional(),
    idempotencyKey: z.uuid(),
  })
  .refine((v) => topicsOf(v.body).includes(v.topic), { path: ["topic"], message: "Booking.errors.topicRequired" });

export const bookAction = createFormAction({
  schema: bookSchema,
  access: "signed-in",
  run: async ({ input, actor, locale }) => {
    const reminders = input.reminders === undefined ? [] : Array.isArray(input.reminders) ? input.reminders : [input.reminders];
    let id: string;
    try {
      const booking = await createBooking({
        actor: actor!,
        body: input.body,
        topic: input.topic,
        needsInterpreter: input.interpreter === "yes",
        slot: input.slot,
        subject: input.subject,
        reminderChannels: [...new Set(reminders)],
        idempotencyKey: input.idempotencyKey,
      });
      id = booking.id;
    } catch (error) {
      // Taken a moment ago: back to the times, the nearest free ones first.
      if (isAppError(error) && error.code === "conflict") {
        const q = new URLSearchParams({ body: input.body, topic: input.topic, interpreter: input.interpreter, taken: String(input.slot.start.getTime()) });
        redirect(`${localePath(locale, "/interviews/book")}?${q}`);
      }
      throw error;
    }
    redirect(`${localePath(locale, `/interviews/${id}`)}?booked=1`);
  },
});

const reasonSchema = z.object({
  bookingId: z.uuid(),
  reason: z.string().trim().min(2, "Booking.errors.reasonRequired").max(500, "Booking.errors.reasonTooLong"),
});

export const cancelAction = createFormAction({
  schema: reasonSchema,
  access: "signed-in",
  run: async ({ input, actor, locale, ip }) => {
    await cancelBooking({ actor: actor!, bookingId: input.bookingId, reason: input.reason, ip });
    redirect(localePath(locale, `/interviews/${input.bookingId}`));
  },
});

export const rescheduleAction = createFormAction({
  schema: reasonSchema.extend({ slot }),
  access: "signed-in",
  run: async ({ input, actor, locale, ip }) => {
    let id: string;
    try {
      id = (await rescheduleBooking({ actor: actor!, bookingId: input.bookingId, slot: input.slot, reason: input.reason, ip })).id;
    } catch (error) {
      if (isAppError(error) && error.code === "conflict" && error.messageKey === "Booking.errors.slotTaken") {
        redirect(`${localePath(locale, `/interviews/${input.bookingId}/reschedule`)}?taken=${input.slot.start.getTime()}`);
      }
      throw error;
    }
    redirect(`${localePath(locale, `/interviews/${id}`)}?moved=1`);
  },
});
