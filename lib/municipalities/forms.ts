/**
 * The admin's placement forms (staff/admin/municipalities): a case or an account still on "the
 * municipality" in general, and the town's municipality chosen for it. Plain zod: the phone
 * checks them too (components/forms/schemas.ts).
 */
import { z } from "zod";
import { caseReference } from "@/lib/cases/forms";
import { isMunicipalityBody } from "./municipalities";

const chosenMunicipality = z.string({ error: "Municipalities.errors.unknown" }).refine((v) => isMunicipalityBody(v), "Municipalities.errors.unknown");

export const placeCaseSchema = z.object({ reference: caseReference, municipalityId: chosenMunicipality });
export const placeAccountSchema = z.object({ userId: z.uuid(), municipalityId: chosenMunicipality });
