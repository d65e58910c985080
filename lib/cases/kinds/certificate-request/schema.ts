import { z } from "zod";
import { nameText, text } from "@/lib/text/input";
import { municipalityField } from "@/lib/municipalities/fields";
import { certificateTypeIds, findCertificateType } from "./types";

/** What a citizen sends to ask for a certificate; checked on the phone (the form kit) and on the server. */
const T = (key: string) => `CertificateRequest.${key}`;

export const certificateRequestSchema = z
  .object({
    certificateType: z.enum(certificateTypeIds, { error: T("errors.typeRequired") }),
    /** Which municipality issues it, for a certificate of "the municipality" (lib/municipalities). */
    municipalityId: municipalityField,
    language: z.enum(["ar", "fr"], { error: T("errors.languageRequired") }),
    purpose: nameText().max(200, T("errors.purposeTooLong")).optional().default(""),
    // The citizen confirms the request is theirs (volunteers guide; the citizen acts and confirms).
    confirm: text({ error: T("errors.confirmRequired") }).refine((v) => v === "true", T("errors.confirmRequired")),
  })
  .refine((p) => findCertificateType(p.certificateType)?.languages.includes(p.language) ?? false, { path: ["language"], message: T("errors.languageNotIssued") })
  .refine((p) => p.municipalityId || findCertificateType(p.certificateType)?.bodyId !== "municipality", { path: ["municipalityId"], message: "Municipalities.errors.required" });
export type CertificateRequestPayload = z.infer<typeof certificateRequestSchema>;

