import { z } from "zod";
import { text } from "@/lib/text/input";

/**
 * The schemas of the case page's forms (a reply, a note, a change of status, the citizen's
 * message): zod only, so the server actions (actions.ts) parse with them and the form kit checks
 * the same answers on the phone (components/forms/schemas.ts, ADR 0017). Whether a message is
 * required is the kind's machine's rule, checked by the engine on the server.
 */
export const caseReference = text().min(1).max(40);
export const caseMessage = text().max(5000, "Cases.errors.messageTooLong").optional().default("");

export const staffMessageSchema = z.object({ reference: caseReference, type: z.enum(["reply", "note"]), message: caseMessage });
export const staffTransitionSchema = z.object({ reference: caseReference, to: text().min(1).max(60, "Cases.errors.transitionNotAllowed"), message: caseMessage });
export const citizenMessageSchema = z.object({ reference: caseReference, message: caseMessage });
