import { z } from "zod";
import { typedPhone } from "@/lib/auth/phone";
import { text } from "@/lib/text/input";

/**
 * The schemas of the agent's walk-in filing (the citizen's phone, then the code they read out):
 * zod only, so the server actions (actions.ts) parse with them and the form kit checks the same
 * answers on the phone (components/forms/schemas.ts, ADR 0017). The complaint itself is checked
 * by its kind's schema (lib/cases/kinds/complaint).
 */
export const walkInSessionId = z.string().regex(/^[0-9a-f-]{36}$/);
export const startWalkInSchema = z.object({ phone: typedPhone });
export const verifyWalkInSchema = z.object({ sessionId: walkInSessionId, code: text().max(20) });
