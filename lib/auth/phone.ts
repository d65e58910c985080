/**
 * Tunisian mobile numbers as people type them → E.164 (+216 and 8 digits).
 *
 * Accepted: «98 123 456», «98123456», «+216 98123456», «+216 98-123-456», «00216 98 123 456»,
 * «216 98123456», Arabic-Indic digits «٩٨١٢٣٤٥٦» (and the Persian forms ۰–۹), with spaces, dots,
 * dashes, brackets and the invisible direction marks that pasting from Arabic text brings.
 * Mobile numbers start with 2, 3, 4, 5 or 9 (numbers are portable: no operator is inferred);
 * 7x numbers are landlines; anything with another country code is foreign.
 */
import { toLatinDigits } from "@/lib/i18n/digits";
import { text } from "@/lib/text/input";

export type PhoneResult =
  | { ok: true; e164: string }
  | { ok: false; reason: "empty" | "invalid" | "landline" | "foreign" };

const MOBILE_FIRST_DIGITS = new Set(["2", "3", "4", "5", "9"]);

export function normalisePhone(input: string): PhoneResult {
  const cleaned = toLatinDigits(input)
    // direction marks and invisible joiners
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b-\u200d\ufeff]/g, "")
    .replace(/[\s.\-()/\u00a0]/g, "");
  if (cleaned === "") return { ok: false, reason: "empty" };
  if (!/^\+?\d+$/.test(cleaned)) return { ok: false, reason: "invalid" };

  let national: string;
  if (cleaned.startsWith("+")) {
    if (!cleaned.startsWith("+216")) return { ok: false, reason: "foreign" };
    national = cleaned.slice(4);
  } else if (cleaned.startsWith("00")) {
    if (!cleaned.startsWith("00216")) return { ok: false, reason: "foreign" };
    national = cleaned.slice(5);
  } else if (cleaned.length === 11 && cleaned.startsWith("216")) {
    national = cleaned.slice(3);
  } else {
    national = cleaned;
  }

  if (!/^\d{8}$/.test(national)) return { ok: false, reason: "invalid" };
  const first = national[0]!;
  if (first === "7") return { ok: false, reason: "landline" };
  if (!MOBILE_FIRST_DIGITS.has(first)) return { ok: false, reason: "invalid" };
  return { ok: true, e164: `+216${national}` };
}

/** Message key of each refusal, in the `Auth.phone` namespace. */
export const phoneErrorKey: Record<Exclude<PhoneResult, { ok: true }>["reason"], string> = {
  empty: "Auth.phone.errors.empty",
  invalid: "Auth.phone.errors.invalid",
  landline: "Auth.phone.errors.landline",
  foreign: "Auth.phone.errors.foreign",
};

/**
 * A mobile number typed in a form whose server normalises it itself (the walk-in counter): the
 * text as typed, refused with the message of `normalisePhone`'s refusal — so the phone, which runs
 * the same schema, says on the field what the server would.
 */
export const typedPhone = text()
  .max(40, "Auth.phone.errors.invalid")
  .superRefine((value, ctx) => {
    const r = normalisePhone(value);
    if (!r.ok) ctx.addIssue({ code: "custom", message: phoneErrorKey[r.reason] });
  });
