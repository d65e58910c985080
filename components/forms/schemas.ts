import type { z } from "zod";

/**
 * The zod schemas a form checks on the phone, by name — each the very schema its server action
 * parses (ADR 0018). A server page names the schema (a schema cannot cross from server to client
 * as a prop); the form loads it on its own, in a chunk of its own, when it is first shown, so a
 * page carries only its form's rules. Add a schema here when a form gets one.
 */
export const formSchemas = {
  complaint: () => import("@/lib/cases/kinds/complaint").then((m) => m.complaintSchema),
  suggestion: () => import("@/lib/cases/kinds/suggestion").then((m) => m.suggestionSchema),
  "info-request": () => import("@/lib/cases/kinds/info-request").then((m) => m.infoRequestSchema),
  "municipal-report": () => import("@/lib/cases/kinds/municipal-report").then((m) => m.municipalReportSchema),
  question: () => import("@/lib/cases/kinds/question").then((m) => m.questionSchema),
  // The certificate kind issues documents when approved (server code): its schema has a module of its own.
  "certificate-request": () => import("@/lib/cases/kinds/certificate-request/schema").then((m) => m.certificateRequestSchema),
  // Scanned-document submissions (issue 16): the form sends the procedure and its key (the files beside them); the addition, the case.
  "document-submission": () => import("@/lib/cases/kinds/document-submission/schema").then((m) => m.documentSubmissionFormSchema),
  "document-addition": () => import("@/lib/cases/kinds/document-submission/schema").then((m) => m.documentAdditionFormSchema),
} satisfies Record<string, () => Promise<z.ZodType>>;

export type FormSchemaName = keyof typeof formSchemas;
