import { z } from "zod";
import { isMunicipalityBody } from "@/lib/municipalities/municipalities";
import { PERMIT_DOCUMENTS, WORKS_TYPES } from "./rules";

/**
 * A building permit's case payload, composed on the server from the citizen's complete draft
 * (lib/permits/drafts.ts) when it is sent: the plot, the facts that decide the delay, the
 * architect and the documents the file holds. Never typed as such by anyone (the kind is formOnly).
 */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80);

export const permitPayloadSchema = z.object({
  draftId: z.string().uuid(),
  /** The municipality of the plot, whose staff decide (municipality-<slug> of lib/municipalities). */
  bodyId: slug.refine(isMunicipalityBody, "Permits.errors.municipality"),
  addressArea: z.string().min(1).max(120),
  address: z.string().min(1).max(300),
  worksType: z.enum(WORKS_TYPES),
  floorArea: z.number().int().min(1).max(1_000_000),
  townPlanUnderStudy: z.boolean(),
  protectedSite: z.boolean(),
  architect: z.object({ name: z.string().min(1).max(120), registration: z.string().min(1).max(30) }),
  documents: z.array(z.enum(PERMIT_DOCUMENTS)).min(1).max(PERMIT_DOCUMENTS.length),
});
export type PermitPayload = z.infer<typeof permitPayloadSchema>;

/** The decisions (the states that end the file) and what each one's signed PDF says. */
export const PERMIT_DECISIONS = ["granted", "grantedWithConditions", "refused"] as const;
export type PermitDecision = (typeof PERMIT_DECISIONS)[number];
