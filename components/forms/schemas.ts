import type { z } from "zod";

/**
 * The zod schemas a form checks on the phone, by name — each the very schema its server action
 * parses (ADR 0017). A server page names the schema (a schema cannot cross from server to client
 * as a prop); the form loads it on its own, in a chunk of its own, when it is first shown, so a
 * page carries only its form's rules. Add a schema here when a form gets one.
 */
export const formSchemas = {
  complaint: () => import("@/lib/cases/kinds/complaint").then((m) => m.complaintSchema),
  suggestion: () => import("@/lib/cases/kinds/suggestion").then((m) => m.suggestionSchema),
  "info-request": () => import("@/lib/cases/kinds/info-request").then((m) => m.infoRequestSchema),
  "municipal-report": () => import("@/lib/cases/kinds/municipal-report").then((m) => m.municipalReportSchema),
  question: () => import("@/lib/cases/kinds/question").then((m) => m.questionSchema),
  // Sign-in and account, payments and bills, self-service corners, rating an answer (forms-a).
  "sign-in-phone": () => import("@/lib/auth/forms").then((m) => m.requestCodeSchema),
  "sign-in-code": () => import("@/lib/auth/forms").then((m) => m.verifyCodeSchema),
  welcome: () => import("@/lib/auth/forms").then((m) => m.onboardingSchema),
  account: () => import("@/lib/auth/forms").then((m) => m.accountSchema),
  "staff-account": () => import("@/lib/auth/staff-schema").then((m) => m.newStaffAccountSchema),
  "bill-add": () => import("@/lib/bills/forms").then((m) => m.addContractSchema),
  "bills-choose": () => import("@/lib/payments/forms").then((m) => m.chooseBillsSchema),
  "pay-find": () => import("@/lib/payments/forms").then((m) => m.findBillSchema),
  "pay-check": () => import("@/lib/payments/forms").then((m) => m.paySchema),
  "kiosk-enrol": () => import("@/lib/kiosk/forms").then((m) => m.enrolSchema),
  "case-rate": () => import("@/lib/requests/forms").then((m) => m.rateSchema),
} satisfies Record<string, () => Promise<z.ZodType>>;

export type FormSchemaName = keyof typeof formSchemas;
