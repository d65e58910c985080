import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { formDataToObject } from "@/lib/http/form-data";
import { validationError } from "@/lib/errors";
import { availabilitySchema, dayOffSchema, decodeSlot, encodeSlot, reviewBookingSchema, walkInHoldSchema } from "./forms";

/** The field errors (message keys) a schema gives on a form, read as the kit and the action read it. */
function fieldErrors(schema: z.ZodType, entries: [string, string][]): Record<string, string> {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  const parsed = schema.safeParse(formDataToObject(form));
  return parsed.success ? {} : (validationError(parsed.error.issues).fields ?? {});
}

const UUID = "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b";
const OTHER = "6f1c3a52-8c0e-4e0b-9a57-3d2b1c9e8f70";

describe("slots as form values", () => {
  it("decodes what it encodes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1e12, max: 9e12 }), fc.boolean(), (ms, interpreter) => {
        const slot = { start: new Date(ms), officialId: UUID, interpreterId: interpreter ? OTHER : null };
        expect(decodeSlot(encodeSlot(slot))).toEqual(slot);
      }),
    );
  });
  it("refuses anything else", () => {
    for (const v of ["", "1.2.3", `abc.${UUID}.-`, `1733000000000.not-a-uuid.-`, `1733000000000.${UUID}.x`]) expect(decodeSlot(v)).toBeNull();
  });
});

describe("the booking's subject step", () => {
  const hidden: [string, string][] = [
    ["body", "steg"],
    ["topic", "billing"],
    ["interpreter", "no"],
    ["slot", `1733000000000.${UUID}.-`],
    ["draft", UUID],
  ];
  it("asks for a subject, on the subject (a form sends the empty field)", () => {
    expect(fieldErrors(reviewBookingSchema, [...hidden, ["subject", "  "]])).toEqual({ subject: "Booking.errors.subjectRequired" });
  });
  it("takes a subject and reminders (one or several)", () => {
    expect(fieldErrors(reviewBookingSchema, [...hidden, ["subject", "Facture de mai"], ["reminders", "sms"], ["reminders", "push"]])).toEqual({});
  });
  it("refuses a topic of another body", () => {
    expect(fieldErrors(reviewBookingSchema, [...hidden.filter(([k]) => k !== "topic"), ["topic", "pension"], ["subject", "Facture de mai"]])).toEqual({ topic: "Booking.errors.topicRequired" });
  });
});

describe("availability", () => {
  const settings: [string, string][] = [
    ["slotMinutes", "30"],
    ["bufferMinutes", "5"],
    ["horizonDays", "30"],
    ["minNoticeHours", "2"],
  ];
  it("takes ranges in order, on the 5 minutes", () => {
    expect(fieldErrors(availabilitySchema, [...settings, ["w1a_from", "08:00"], ["w1a_to", "12:00"], ["w1b_from", ""], ["w1b_to", ""]])).toEqual({});
  });
  it("names the half of a range that is missing, and an end before its start", () => {
    expect(fieldErrors(availabilitySchema, [...settings, ["w2a_from", "08:00"], ["w3a_from", "12:00"], ["w3a_to", "09:00"]])).toEqual({
      w2a_to: "Availability.errors.time",
      w3a_to: "Availability.errors.order",
    });
  });
  it("refuses numbers out of range or off the step", () => {
    expect(fieldErrors(availabilitySchema, [["slotMinutes", "33"], ["bufferMinutes", "5"], ["horizonDays", "91"], ["minNoticeHours", "x"]])).toEqual({
      slotMinutes: "Availability.errors.number",
      horizonDays: "Availability.errors.number",
      minNoticeHours: "Availability.errors.number",
    });
  });
  it("wants the last day off on or after the first", () => {
    expect(fieldErrors(dayOffSchema, [["startsOn", "2026-12-20"], ["endsOn", "2026-12-19"]])).toEqual({ endsOn: "Availability.errors.dateOrder" });
    expect(fieldErrors(dayOffSchema, [["startsOn", "2026-02-30"], ["endsOn", "2026-03-01"]])).toEqual({ startsOn: "Availability.errors.date" });
  });
});

describe("the walk-in booking", () => {
  const answers = (phone: string): [string, string][] => [
    ["body", "steg"],
    ["topic", "billing"],
    ["interpreter", "no"],
    ["slot", `1733000000000.${UUID}.-`],
    ["idempotencyKey", UUID],
    ["subject", "Facture incomprise"],
    ["phone", phone],
  ];
  it("says on the phone field what the server would of the number (the one parser)", () => {
    expect(fieldErrors(walkInHoldSchema, answers(""))).toEqual({ phone: "Auth.phone.errors.empty" });
    expect(fieldErrors(walkInHoldSchema, answers("71 234 567"))).toEqual({ phone: "Auth.phone.errors.landline" });
    expect(fieldErrors(walkInHoldSchema, answers("+33 6 12 34 56 78"))).toEqual({ phone: "Auth.phone.errors.foreign" });
    expect(fieldErrors(walkInHoldSchema, answers("٩٨ ١٢٣ ٤٥٦"))).toEqual({});
  });
  it("keeps the number as typed: the server normalises it", () => {
    const parsed = walkInHoldSchema.parse(formDataToObject((() => {
      const f = new FormData();
      for (const [k, v] of answers("98 123 456")) f.append(k, v);
      return f;
    })()));
    expect(parsed.phone).toBe("98 123 456");
  });
});
