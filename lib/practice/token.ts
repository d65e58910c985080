import { signIdToken, verifyIdToken } from "@/lib/security/id-token";

/**
 * The practice context: a practice run's id and an HMAC over it, in an HttpOnly cookie. It only
 * says which practice run this browser is in; every practice page and action refuses to run
 * without a valid one, and they write only to the practice tables (docs/adr/0022-practice-mode.md).
 */
export const PRACTICE_COOKIE = "__Host-idarti.practice";
/** A practice lasts an hour at most; housekeeping deletes what is left after that. */
export const PRACTICE_TTL_MS = 60 * 60_000;
/** Every reference made in practice starts so: the gateway, the receipts and the people see it. */
export const PRACTICE_PREFIX = "PRACTICE-";

// The label keeps a kiosk device's token (same secret) from standing in for a practice run's.
const LABEL = "idarti-practice-run";

export const signPracticeToken = (runId: string, secret: string): string => signIdToken(LABEL, runId, secret);

export const verifyPracticeToken = (token: string | undefined | null, secret: string): string | null => verifyIdToken(LABEL, token, secret);

/** Whether a reference (a payment's merchant reference, a case's) was made in practice. */
export function isPracticeReference(reference: string): boolean {
  return reference.startsWith(PRACTICE_PREFIX);
}
