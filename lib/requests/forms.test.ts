import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { validationError } from "@/lib/errors";
import { formDataToObject } from "@/lib/http/form-data";
import { staffMessageSchema } from "@/lib/cases/forms";
import { citizenTransitionSchema, rateSchema } from "./forms";

/** The form kit checks these on the phone: the message keys it shows are the server's own. */
function fieldErrors(schema: z.ZodType, entries: [string, string][]): Record<string, string> {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  const parsed = schema.safeParse(formDataToObject(form));
  return parsed.success ? {} : (validationError(parsed.error.issues).fields ?? {});
}

describe("the forms after sending", () => {
  it("a rating is 1 to 5 stars; none chosen says so on the stars", () => {
    expect(fieldErrors(rateSchema, [["reference", "IDR-2026-000001"], ["comment", ""]])).toEqual({ stars: "Cases.errors.starsRange" });
    expect(fieldErrors(rateSchema, [["reference", "IDR-2026-000001"], ["stars", "6"]])).toEqual({ stars: "Cases.errors.starsRange" });
    expect(fieldErrors(rateSchema, [["reference", "IDR-2026-000001"], ["stars", "4"], ["comment", ""]])).toEqual({});
  });
  it("a message over 5000 characters is refused on the message, for the citizen and the staff", () => {
    const long = "a".repeat(5001);
    expect(fieldErrors(citizenTransitionSchema, [["reference", "IDR-2026-000001"], ["to", "inProgress"], ["message", long]])).toEqual({ message: "Cases.errors.messageTooLong" });
    expect(fieldErrors(staffMessageSchema, [["reference", "IDR-2026-000001"], ["type", "reply"], ["message", long]])).toEqual({ message: "Cases.errors.messageTooLong" });
  });
  it("control characters in a message are a field error in the person's language", () => {
    expect(fieldErrors(staffMessageSchema, [["reference", "IDR-2026-000001"], ["type", "note"], ["message", "a\u0000b"]])).toEqual({ message: "TextInput.errors.controlCharacters" });
  });
});
