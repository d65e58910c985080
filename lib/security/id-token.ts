import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A row's id and an HMAC over it, for a cookie that only says which row a browser claims (a
 * self-service corner's device, a practice run): `<uuid>.<base64url mac>`. The row itself says
 * whether the claim still holds. Each use has a label of its own, so that no other HMAC of the
 * same secret can stand in for it.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(label: string, id: string, secret: string): string {
  return createHmac("sha256", secret).update(`${label}:${id}`).digest("base64url");
}

export function signIdToken(label: string, id: string, secret: string): string {
  if (!UUID.test(id)) throw new Error(`not an id for ${label}`);
  return `${id}.${mac(label, id, secret)}`;
}

/** The id a token names (lower case), or null when it is not one signed with this label and secret. */
export function verifyIdToken(label: string, token: string | undefined | null, secret: string): string | null {
  if (!token || token.length > 200) return null;
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  if (!UUID.test(id)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(label, id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id.toLowerCase() : null;
}
