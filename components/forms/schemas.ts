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
  // Interviews, case pages, requests after sending, walk-in (forms-b)
  "interview-details": () => import("@/lib/interviews/forms").then((m) => m.reviewBookingSchema),
  "interview-cancel": () => import("@/lib/interviews/forms").then((m) => m.cancelBookingSchema),
  "interview-reschedule": () => import("@/lib/interviews/forms").then((m) => m.rescheduleBookingSchema),
  "agenda-cancel": () => import("@/lib/interviews/forms").then((m) => m.officialCancelSchema),
  "agenda-outcome": () => import("@/lib/interviews/forms").then((m) => m.outcomeSchema),
  availability: () => import("@/lib/interviews/forms").then((m) => m.availabilitySchema),
  "availability-day-off": () => import("@/lib/interviews/forms").then((m) => m.dayOffSchema),
  "interview-walk-in-hold": () => import("@/lib/interviews/forms").then((m) => m.walkInHoldSchema),
  "interview-walk-in-code": () => import("@/lib/interviews/forms").then((m) => m.walkInCodeSchema),
  "case-staff-message": () => import("@/lib/cases/forms").then((m) => m.staffMessageSchema),
  "case-staff-transition": () => import("@/lib/cases/forms").then((m) => m.staffTransitionSchema),
  "case-citizen-message": () => import("@/lib/cases/forms").then((m) => m.citizenMessageSchema),
  "request-refuse-forward": () => import("@/lib/requests/forms").then((m) => m.staffDataTransitionSchema),
  "request-redirect": () => import("@/lib/requests/forms").then((m) => m.staffRedirectSchema),
  "request-extend": () => import("@/lib/requests/forms").then((m) => m.staffExtendSchema),
  "report-moderate": () => import("@/lib/requests/forms").then((m) => m.moderateReportSchema),
  "report-photo-moderate": () => import("@/lib/requests/forms").then((m) => m.moderateReportPhotoSchema),
  "request-citizen-transition": () => import("@/lib/requests/forms").then((m) => m.citizenTransitionSchema),
  "request-rate": () => import("@/lib/requests/forms").then((m) => m.rateSchema),
  "walk-in-start": () => import("@/lib/assisted/forms").then((m) => m.startWalkInSchema),
  "walk-in-code": () => import("@/lib/assisted/forms").then((m) => m.verifyWalkInSchema),
  // Sign-in and account, payments and bills, self-service corners, rating an answer (forms-a).
  "sign-in-phone": () => import("@/lib/auth/forms").then((m) => m.requestCodeSchema),
  "sign-in-code": () => import("@/lib/auth/forms").then((m) => m.verifyCodeSchema),
  welcome: () => import("@/lib/auth/forms").then((m) => m.onboardingSchema),
  account: () => import("@/lib/auth/forms").then((m) => m.accountSchema),
  "staff-account": () => import("@/lib/auth/staff-schema").then((m) => m.newStaffAccountSchema),
  "staff-account-change": () => import("@/lib/auth/staff-schema").then((m) => m.staffAccountChangeSchema),
  "bill-add": () => import("@/lib/bills/forms").then((m) => m.addContractSchema),
  "bills-choose": () => import("@/lib/payments/forms").then((m) => m.chooseBillsSchema),
  "pay-find": () => import("@/lib/payments/forms").then((m) => m.findBillSchema),
  "pay-check": () => import("@/lib/payments/forms").then((m) => m.paySchema),
  "kiosk-enrol": () => import("@/lib/kiosk/forms").then((m) => m.enrolSchema),
  // Scanned-document submissions (issue 16): the form sends the procedure and its key (the files beside them); the addition, the case.
  "document-submission": () => import("@/lib/cases/kinds/document-submission/schema").then((m) => m.documentSubmissionFormSchema),
  "document-addition": () => import("@/lib/cases/kinds/document-submission/schema").then((m) => m.documentAdditionFormSchema),
  // Building permits (issue 17): the task list's sections, the check and send, the addition, the commission.
  "permit-application": () => import("@/lib/permits/forms").then((m) => m.applicationFormSchema),
  "permit-architect": () => import("@/lib/permits/forms").then((m) => m.architectFormSchema),
  "permit-documents": () => import("@/lib/permits/forms").then((m) => m.documentsFormSchema),
  "permit-send": () => import("@/lib/permits/forms").then((m) => m.sendPermitSchema),
  "permit-addition": () => import("@/lib/permits/forms").then((m) => m.permitAdditionSchema),
  "permit-commission": () => import("@/lib/permits/forms").then((m) => m.commissionFormSchema),
  "permit-opinion": () => import("@/lib/permits/forms").then((m) => m.opinionFormSchema),
  // Municipalities as bodies (issue 17): an admin places a case or an account in a town's municipality.
  "municipality-place-case": () => import("@/lib/municipalities/forms").then((m) => m.placeCaseSchema),
  "municipality-place-account": () => import("@/lib/municipalities/forms").then((m) => m.placeAccountSchema),
  // Guidance sessions (issue 18): the citizen's phone, then the consent code they type.
  "guidance-start": () => import("@/lib/assisted/guidance-forms").then((m) => m.startGuidanceSchema),
  "guidance-consent": () => import("@/lib/assisted/guidance-forms").then((m) => m.consentGuidanceSchema),
  // Learning (issue 18): practice mode, group sessions.
  "practice-pay": () => import("@/lib/learning/forms").then((m) => m.practicePaySchema),
  "practice-book": () => import("@/lib/interviews/practice-forms").then((m) => m.practiceBookSchema),
  "group-schedule": () => import("@/lib/learning/forms").then((m) => m.scheduleGroupSchema),
  "group-register-phone": () => import("@/lib/learning/forms").then((m) => m.registerGroupByPhoneSchema),
  // Partner API (issue 20): an admin creates a body's API key.
  "partner-api-key": () => import("@/lib/partner-api/forms").then((m) => m.createKeySchema),
  "partner-webhook": () => import("@/lib/partner-api/forms").then((m) => m.registerWebhookSchema),
  // Statistics (issue 20): satisfaction after an interview or a payment.
  "service-rating": () => import("@/lib/statistics/forms").then((m) => m.ratingSchema),
} satisfies Record<string, () => Promise<z.ZodType>>;

export type FormSchemaName = keyof typeof formSchemas;
