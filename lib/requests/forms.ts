import { z } from "zod";
import { caseMessage, caseReference } from "@/lib/cases/forms";
import { text } from "@/lib/text/input";

/**
 * The schemas of the requests kinds' forms after sending — the staff's (a refusal with its
 * reason, a forwarding with its e-people reference, a redirection, the extension, moderation of
 * a public report) and the citizen's (escalate, reopen, withdraw, appeal; the rating): zod only,
 * so the server actions parse with them and the form kit checks the same answers on the phone
 * (components/forms/schemas.ts, ADR 0017). The engine checks machines and guards on the server.
 */
export const staffDataTransitionSchema = z.object({
  reference: caseReference,
  to: z.enum(["refused", "forwarded"]),
  message: caseMessage,
  reason: text().max(60).optional(),
  epeopleReference: text().max(60).optional(),
});

export const staffRedirectSchema = z.object({ reference: caseReference, toBodyId: text().min(1, "Cases.errors.unknownBody").max(80), message: caseMessage });
export const staffExtendSchema = z.object({ reference: caseReference, message: caseMessage });
export const moderateReportSchema = z.object({ reference: caseReference, action: z.enum(["approve", "hide", "restore"]), reason: text().max(500).optional().default(""), abusive: text().optional() });
export const moderateReportPhotoSchema = z.object({ reference: caseReference, uploadId: z.uuid(), action: z.enum(["hide", "approve"]), reason: text().max(500).optional().default("") });

export const citizenTransitionSchema = z.object({
  reference: caseReference,
  to: z.enum(["escalated", "inProgress", "acknowledged", "withdrawn", "appealed"]),
  message: caseMessage,
});

export const rateSchema = z.object({
  reference: caseReference,
  stars: z.coerce.number({ error: "Cases.errors.starsRange" }).int("Cases.errors.starsRange").min(1, "Cases.errors.starsRange").max(5, "Cases.errors.starsRange"),
  comment: text().max(1000, "Cases.errors.messageTooLong").optional().default(""),
});
