import { z } from "zod";
import { municipalityField } from "@/lib/municipalities/fields";

/**
 * A scanned-document submission (issue 16). Two shapes: what the citizen's form sends (the
 * procedure's slug and the form's key — the files travel beside it, one file field per listed
 * document), checked on the phone by the form kit and on the server; and the case's payload, which
 * the server composes from the catalogue entry as it stood when the case was sent (its version,
 * its body, its list of documents), so the record says what was asked for on that day.
 */
const T = (key: string) => `DocumentSubmission.${key}`;
const slug = z.string({ error: T("errors.serviceUnknown") }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, T("errors.serviceUnknown")).max(80, T("errors.serviceUnknown"));

/** The name of a document's file field: one per document of the catalogue's list. */
export const documentField = (documentId: string) => `doc-${documentId}`;

export const documentSubmissionFormSchema = z.object({
  service: slug,
  draftKey: z.string({ error: "Outbox.errors.badKey" }).regex(/^[A-Za-z0-9_-]{16,100}$/, "Outbox.errors.badKey"), // the outbox's key shape (lib/outbox/idempotency.ts, server-only)
  /** Which municipality, for a procedure of "the municipality" (asked on the form; placed by lib/cases/engine/place.ts). */
  municipalityId: municipalityField,
});
export type DocumentSubmissionForm = z.infer<typeof documentSubmissionFormSchema>;

/** The citizen adds the document(s) staff asked for, on the case's page. */
export const documentAdditionFormSchema = z.object({
  reference: z.string({ error: "Cases.errors.notFound" }).min(1, "Cases.errors.notFound").max(40, "Cases.errors.notFound"),
});

const localized = z.object({ ar: z.string().min(1).max(300), fr: z.string().min(1).max(300), en: z.string().min(1).max(300) });

export const submittedDocument = z.object({
  id: slug,
  name: localized,
  /** Needed in every case; a document the catalogue lists "only if …" is not. */
  mandatory: z.boolean(),
});
export type SubmittedDocument = z.infer<typeof submittedDocument>;

export const documentSubmissionPayloadSchema = z.object({
  service: slug,
  version: z.number().int().min(1),
  bodyId: slug,
  /** The municipality it is addressed to, when the procedure's body is "the municipality". */
  municipalityId: municipalityField,
  title: localized,
  documents: z.array(submittedDocument).min(1).max(20),
});
export type DocumentSubmissionPayload = z.infer<typeof documentSubmissionPayloadSchema>;
