import { z } from "zod";
import { toLatinDigits } from "@/lib/i18n/digits";

/**
 * What the enrol form of a self-service corner sends, as a zod schema (messages are message
 * keys). A plain module: the server action (./actions.ts) parses with it, and the form kit checks
 * the same answers on the phone (components/forms/schemas.ts).
 */

/** Minutes without a touch before a corner ends its visit (the enrol form's default, and its bounds). */
export const DEFAULT_IDLE_MINUTES = 3;
export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 30;

export const enrolSchema = z.object({
  houseId: z.string({ message: "KioskAdmin.errors.house" }).regex(/^[a-z0-9-]{1,80}$/, "KioskAdmin.errors.house"),
  label: z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "KioskAdmin.errors.labelEmpty").max(60, "KioskAdmin.errors.labelTooLong")),
  idleMinutes: z
    .string()
    .transform((v) => Number(toLatinDigits(v).trim()))
    .pipe(z.number({ message: "KioskAdmin.errors.idle" }).int("KioskAdmin.errors.idle").min(MIN_IDLE_MINUTES, "KioskAdmin.errors.idle").max(MAX_IDLE_MINUTES, "KioskAdmin.errors.idle")),
});
