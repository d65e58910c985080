// First: no `new Function` in the browser (CSP), before any schema below is built.
import "@/lib/security/zod-jitless";
import { z } from "zod";
import { text } from "@/lib/text/input";

/**
 * The citizen's forms after sending, as zod schemas (messages are message keys). A plain module:
 * the server actions (./actions.ts) parse with these, and the form kit checks the same answers on
 * the phone (components/forms/schemas.ts).
 */
export const caseReference = text().min(1).max(40);

/** Rate the answer, 1 to 5, with an optional comment. */
export const rateSchema = z.object({
  reference: caseReference,
  stars: z.coerce.number({ error: "Cases.errors.starsRange" }).int("Cases.errors.starsRange").min(1, "Cases.errors.starsRange").max(5, "Cases.errors.starsRange"),
  comment: text().max(1000, "Cases.errors.messageTooLong").optional().default(""),
});
