/**
 * The "which municipality?" answer of the forms (complaints, information requests, questions,
 * suggestions, municipal reports): a `municipality-<slug>` of the data, or nothing. Plain module:
 * the forms' schemas run on the phone too.
 */
import { z } from "zod";
import { GENERIC_MUNICIPALITY, isMunicipalityBody } from "./municipalities";

/** Optional in the payload: an empty select sends "". */
export const municipalityField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string({ error: "Municipalities.errors.unknown" }).refine((v) => isMunicipalityBody(v), "Municipalities.errors.unknown").optional(),
);

/**
 * Addressed to "the municipality" (the catalogue's generic body), the citizen says which one: the
 * form's select, or — at a service house's counter — the house's town, put there as its default.
 */
export function requireMunicipalityChoice(p: { bodyId: string; municipalityId?: string | undefined }, ctx: z.RefinementCtx): void {
  if (p.bodyId === GENERIC_MUNICIPALITY && !p.municipalityId) {
    ctx.addIssue({ code: "custom", path: ["municipalityId"], message: "Municipalities.errors.required" });
  }
}
