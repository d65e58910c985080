import { z } from "zod";
import { addDays, isoWeekday, localDateOf, zonedToUtc } from "@/lib/clock/zone";
import { text } from "@/lib/text/input";
import { interviewBodyIds, topicsOf } from "./topics";

/**
 * The practice booking's form (lib/interviews/practice.ts): the real bodies and topics, the real
 * subject rule and messages; the times offered are practice times (the next working days), since
 * a practice booking must never hold an official's real slot.
 */
export const practiceBookSchema = z
  .object({
    body: z.enum(interviewBodyIds, { message: "Booking.errors.bodyRequired" }),
    topic: text().min(1, "Booking.errors.topicRequired"),
    slot: text().regex(/^\d{12,14}$/, "Booking.errors.slotRequired"),
    subject: text().trim().min(3, "Booking.errors.subjectRequired").max(1000, "Booking.errors.subjectTooLong"),
  })
  .refine((v) => topicsOf(v.body).includes(v.topic), { path: ["topic"], message: "Booking.errors.topicRequired" });

const TIMES = [9 * 60, 10 * 60 + 30, 14 * 60];

/** The practice times: the next three working days (Monday to Friday, Tunis) at three times. */
export function practiceSlots(now: Date): Date[] {
  const out: Date[] = [];
  let day = addDays(localDateOf(now), 1);
  while (out.length < 9) {
    if (isoWeekday(day) <= 5) for (const m of TIMES) out.push(zonedToUtc(day, m));
    day = addDays(day, 1);
  }
  return out;
}
