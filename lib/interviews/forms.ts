import { z } from "zod";
import { typedPhone } from "@/lib/auth/phone";
import { parseLocalDate } from "@/lib/clock/zone";
import { formValue, text } from "@/lib/text/input";
import { interviewBodyIds, topicsOf } from "./topics";

/**
 * The schemas of the interview forms (booking, its changes, the official's agenda and
 * availability, the agent's walk-in booking): zod and pure helpers only, so the server actions
 * parse with them and the form kit (components/forms/schemas.ts) checks the same answers on the
 * phone, with the same messages (ADR 0017).
 */

import type { SlotChoice } from "./booking";

export type { SlotChoice };

/** A slot as a form value: "<start ms>.<official>.<interpreter or ->". */
export function encodeSlot(s: SlotChoice): string {
  return `${s.start.getTime()}.${s.officialId}.${s.interpreterId ?? "-"}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function decodeSlot(value: string): SlotChoice | null {
  const [ms, officialId, interpreter] = value.split(".");
  if (!ms || !/^\d{12,14}$/.test(ms) || !officialId || !UUID.test(officialId) || !interpreter) return null;
  if (interpreter !== "-" && !UUID.test(interpreter)) return null;
  return { start: new Date(Number(ms)), officialId, interpreterId: interpreter === "-" ? null : interpreter };
}

/** The form field of a chosen slot, for the actions that take one (citizen and walk-in booking). */
export const slotField = z.string().transform((v, ctx) => {
  const s = decodeSlot(v);
  if (!s) {
    ctx.addIssue({ code: "custom", message: "Booking.errors.slotRequired" });
    return z.NEVER;
  }
  return s;
});

const choice = {
  body: z.enum(interviewBodyIds, { message: "Booking.errors.bodyRequired" }),
  topic: text().min(1, "Booking.errors.topicRequired"),
  interpreter: z.enum(["yes", "no"], { message: "Booking.errors.interpreterRequired" }),
  slot: slotField,
};
const topicOfBody = { path: ["topic"], message: "Booking.errors.topicRequired" };
const draftKey = z.uuid({ message: "Outbox.errors.badKey" });
const subject = text().trim().min(3, "Booking.errors.subjectRequired").max(1000, "Booking.errors.subjectTooLong");
const reason = text().trim().min(2, "Booking.errors.reasonRequired").max(500, "Booking.errors.reasonTooLong");

/** The subject step: subject, reminders, files to remove (the files themselves go to the server). */
export const reviewBookingSchema = z
  .object({
    ...choice,
    slot: z.string().regex(/^[0-9a-f.-]{20,100}$/i),
    draft: draftKey,
    subject,
    reminders: z.union([z.enum(["sms", "push"]), z.array(z.enum(["sms", "push"]))]).optional(),
    removeUpload: formValue.optional(),
  })
  .refine((v) => topicsOf(v.body).includes(v.topic), topicOfBody);

/** Confirm on the check page (hidden answers only). */
export const bookSchema = z.object({ ...choice, draft: draftKey }).refine((v) => topicsOf(v.body).includes(v.topic), topicOfBody);

/** The citizen cancels, with a reason. */
export const cancelBookingSchema = z.object({ bookingId: z.uuid(), reason });
/** The citizen moves it, with a reason. */
export const rescheduleBookingSchema = cancelBookingSchema.extend({ slot: slotField });

/** The official cancels, with a reason. */
export const officialCancelSchema = z.object({ bookingId: z.uuid(), reason });
/** What the citizen should know or do next. */
export const outcomeSchema = z.object({ bookingId: z.uuid(), outcome: text().trim().min(2, "Booking.errors.reasonRequired").max(2000, "Booking.errors.subjectTooLong") });

// The weekly pattern: up to two ranges a day, "HH:MM" on the quarter hour (or empty).
const time = z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5][05]$|^24:00$/, "Availability.errors.time")]);
/** "HH:MM" → minutes of the day; "" → null. */
export const minutesOf = (v: string) => (v ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)) : null);
const int = (min: number, max: number, step = 1) =>
  z.coerce.number({ message: "Availability.errors.number" }).int("Availability.errors.number").min(min, "Availability.errors.number").max(max, "Availability.errors.number").refine((n) => n % step === 0, "Availability.errors.number");
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const RANGES = ["a", "b"] as const;
const weeklyFields = Object.fromEntries(WEEKDAYS.flatMap((d) => RANGES.flatMap((p) => [[`w${d}${p}_from`, time.default("")], [`w${d}${p}_to`, time.default("")]])));

export const availabilitySchema = z
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
    for (const d of WEEKDAYS)
      for (const p of RANGES) {
        const from = minutesOf(rec[`w${d}${p}_from`] ?? "");
        const to = minutesOf(rec[`w${d}${p}_to`] ?? "");
        if ((from === null) !== (to === null)) ctx.addIssue({ code: "custom", path: [`w${d}${p}_${from === null ? "from" : "to"}`], message: "Availability.errors.time" });
        else if (from !== null && to !== null && from >= to) ctx.addIssue({ code: "custom", path: [`w${d}${p}_to`], message: "Availability.errors.order" });
      }
  });

const date = z.string().refine((v) => parseLocalDate(v) !== null, "Availability.errors.date");
export const dayOffSchema = z.object({ startsOn: date, endsOn: date, reason: text().trim().max(200).optional() }).refine((v) => v.startsOn <= v.endsOn, { path: ["endsOn"], message: "Availability.errors.dateOrder" });

/** The agent holds a time for the citizen at the counter. */
export const walkInHoldSchema = z
  .object({ ...choice, phone: typedPhone, subject, idempotencyKey: z.uuid() })
  .refine((v) => topicsOf(v.body).includes(v.topic), topicOfBody);

/** The code the citizen reads out. */
export const walkInCodeSchema = z.object({ bookingId: z.uuid(), code: text().max(20) });
