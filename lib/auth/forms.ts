import { z } from "zod";
import { locales } from "@/lib/i18n/routing";
import { toLatinDigits } from "@/lib/i18n/digits";
import { text, nameText } from "@/lib/text/input";
import { normalisePhone, phoneErrorKey } from "./phone";

/**
 * What the sign-in and account forms send, as zod schemas (messages are message keys). A plain
 * module: the server actions (./actions.ts) parse with these, and the form kit checks the same
 * answers on the phone (components/forms/schemas.ts) — a "use server" file cannot export them.
 */

const phoneField = z
  .string({ message: "Auth.phone.errors.empty" })
  .max(40, "Auth.phone.errors.invalid")
  .transform((value, ctx) => {
    const r = normalisePhone(value);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: phoneErrorKey[r.reason] });
      return z.NEVER;
    }
    return r.e164;
  });

const returnToField = text().max(500).optional();

const codeField = z
  .string({ message: "SignIn.errors.codeEmpty" })
  .transform((v) => toLatinDigits(v).replace(/[\s\-.]/g, ""))
  .pipe(z.string().min(1, "SignIn.errors.codeEmpty").regex(/^\d{6}$/, "SignIn.errors.codeFormat"));

const nameField = nameText().min(1, "Welcome.errors.nameEmpty").max(100, "Welcome.errors.nameTooLong");
const localeField = z.enum(locales, { message: "Welcome.errors.languageEmpty" });

/** Step 1 of signing in: the number. */
export const requestCodeSchema = z.object({ phone: phoneField, returnTo: returnToField });

/** "Send a new code" on step 2. */
export const resendCodeSchema = z.object({ returnTo: returnToField });

/** Step 2: the code from the SMS. */
export const verifyCodeSchema = z.object({ code: codeField, returnTo: returnToField });

/** First sign-in: name and language. */
export const onboardingSchema = z.object({ name: nameField, language: localeField, returnTo: returnToField });

/** The account page: name, language, SMS notifications. */
export const accountSchema = z.object({ name: nameField, language: localeField, notifySms: z.literal("on").optional() });
