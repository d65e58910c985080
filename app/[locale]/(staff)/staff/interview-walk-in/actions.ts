"use server";

// Composes two domains (the walk-in citizen of lib/assisted, the booking of lib/interviews): app/ is where domains meet.

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { checkWalkInCode, sendWalkInCode } from "@/lib/assisted/walk-in";
import { AppError, isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { walkInCodeSchema, walkInHoldSchema } from "@/lib/interviews/forms";
import { confirmWalkInBooking, holdWalkInBooking, linkWalkInBookingSession, releaseWalkInBooking, walkInBookingView } from "@/lib/interviews/walk-in-service";
import { sendSms } from "@/lib/notifications/sms";
import { createFormAction } from "@/lib/safe-action";

/**
 * An agent books an interview for the citizen at the counter. Two domains meet here (app/ is
 * where they may): lib/interviews holds the slot and confirms it; lib/assisted's walk-in session
 * sends the code to the citizen's phone and checks it (its rate limits, tries, expiry and audit),
 * so there is one way of proving a phone at the counter, not two.
 */
const bookingId = z.uuid();

function walkInPath(locale: Locale, q: Record<string, string>) {
  return `${localePath(locale, "/staff/interview-walk-in")}?${new URLSearchParams(q)}`;
}

export const holdWalkInBookingAction = createFormAction({
  schema: walkInHoldSchema,
  access: ["agent"],
  // lib/interviews (hold, confirm, release) and lib/assisted (code sent, code checked) audit each step.
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    let booking;
    try {
      booking = await holdWalkInBooking({ actor: actor, phone: input.phone, body: input.body, topic: input.topic, needsInterpreter: input.interpreter === "yes", slot: input.slot, subject: input.subject, idempotencyKey: input.idempotencyKey });
    } catch (error) {
      if (isAppError(error) && error.code === "conflict") {
        redirect(walkInPath(locale, { body: input.body, topic: input.topic, interpreter: input.interpreter, taken: String(input.slot.start.getTime()) }));
      }
      throw error;
    }
    if (booking.status === "pendingCode" && !booking.walkInSessionId) {
      try {
        const { sessionId } = await sendWalkInCode({
          agent: actor,
          phone: input.phone,
          ip,
          deliver: async (m) => {
            const t = await getTranslations({ locale: m.locale, namespace: "InterviewWalkIn" });
            const when = `${formatDate(booking.startsAt, m.locale, "dateLong")} ${formatDate(booking.startsAt, m.locale, "time")}`;
            await sendSms({ to: m.to, text: t("sms", { code: m.code, when }), locale: m.locale, ref: "interview-walk-in" });
          },
        });
        await linkWalkInBookingSession({ actor: actor, bookingId: booking.id, sessionId });
      } catch (error) {
        // No code reached the citizen (too many codes, a staff number, the SMS gateway): the time goes back.
        await releaseWalkInBooking({ actor: actor, bookingId: booking.id });
        throw error;
      }
    }
    redirect(localePath(locale, `/staff/interview-walk-in/${booking.id}`));
  },
});

export const confirmWalkInBookingAction = createFormAction({
  schema: walkInCodeSchema,
  access: ["agent"],
  // lib/interviews (hold, confirm, release) and lib/assisted (code sent, code checked) audit each step.
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    const view = await walkInBookingView({ actor: actor, bookingId: input.bookingId });
    if (!view) throw new AppError("notFound");
    if (view.booking.status === "pendingCode") {
      if (!view.booking.walkInSessionId || view.expired) throw new AppError("validation", { fields: { code: "WalkIn.errors.expired" } });
      const r = await checkWalkInCode({ agent: actor, sessionId: view.booking.walkInSessionId, code: input.code, ip });
      if (!r.ok) {
        if (r.reason === "wrong") throw new AppError("validation", { fields: { code: "WalkIn.errors.wrongCode" }, values: { triesLeft: r.triesLeft } });
        throw new AppError("validation", { fields: { code: r.reason === "expired" ? "WalkIn.errors.expired" : "WalkIn.errors.exhausted" } });
      }
      await confirmWalkInBooking({ actor: actor, bookingId: input.bookingId });
    }
    redirect(localePath(locale, `/staff/interview-walk-in/${input.bookingId}`));
  },
});

export const releaseWalkInBookingAction = createFormAction({
  schema: z.object({ bookingId }),
  access: ["agent"],
  // lib/interviews (hold, confirm, release) and lib/assisted (code sent, code checked) audit each step.
  audit: false,
  run: async ({ input, actor, locale }) => {
    await releaseWalkInBooking({ actor: actor, bookingId: input.bookingId });
    redirect(localePath(locale, `/staff/interview-walk-in/${input.bookingId}`));
  },
});
