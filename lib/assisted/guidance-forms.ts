import { z } from "zod";
import { typedPhone } from "@/lib/auth/phone";
import { text } from "@/lib/text/input";

/**
 * The schemas of a guidance session's forms (lib/assisted/guidance-actions.ts): zod only, so the
 * form kit checks the same answers on the phone (components/forms/schemas.ts).
 */
export const guidanceSessionId = z.string().regex(/^[0-9a-f-]{36}$/);
export const startGuidanceSchema = z.object({ phone: typedPhone });
export const consentGuidanceSchema = z.object({ sessionId: guidanceSessionId, code: text().max(20) });
export const endGuidanceSchema = z.object({ sessionId: guidanceSessionId });
export const guidanceLayerSchema = z.object({ sessionId: guidanceSessionId, on: z.enum(["on", "off"]) });
