import { createHmac, timingSafeEqual } from "node:crypto";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(runId: string, secret: string): string {
  // A label of its own, so that no other HMAC of the same secret can stand in for this one.
  return createHmac("sha256", secret).update(`idarti-practice-run:${runId}`).digest("base64url");
}

export function signPracticeToken(runId: string, secret: string): string {
  if (!UUID.test(runId)) throw new Error("not a practice run id");
  return `${runId}.${mac(runId, secret)}`;
}

export function verifyPracticeToken(token: string | undefined | null, secret: string): string | null {
  if (!token || token.length > 200) return null;
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  if (!UUID.test(id)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id.toLowerCase() : null;
}

/** Whether a reference (a payment's merchant reference, a case's) was made in practice. */
export function isPracticeReference(reference: string): boolean {
  return reference.startsWith(PRACTICE_PREFIX);
}
