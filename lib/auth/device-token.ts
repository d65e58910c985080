import "server-only";
import { signIdToken, verifyIdToken } from "@/lib/security/id-token";
import { authSecret } from "./secret";

/**
 * The token of a browser enrolled as a self-service corner (lib/kiosk): the device's id and an
 * HMAC over it, in a `__Host-` cookie (HttpOnly: page scripts never read it). It only says which
 * row of `kiosk_devices` this browser claims; the row says whether the device is still enrolled,
 * so revoking the row is enough, whatever copies of the cookie exist. Here (the kernel) because
 * a session opened at a corner is bound to it.
 */
export const KIOSK_COOKIE = "__Host-idarti.kiosk";
/** Readable by scripts (not HttpOnly, nothing secret): tells the page to load the kiosk leaf. */
export const KIOSK_MARKER_COOKIE = "idarti-kiosk";
/** A corner stays enrolled until revoked; the browser keeps the cookie a year. */
export const KIOSK_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

const LABEL = "idarti-kiosk-device";

export function signDeviceToken(deviceId: string, secret: string = authSecret()): string {
  return signIdToken(LABEL, deviceId, secret);
}

/** The device id a token names, or null when it is not one we signed. */
export function verifyDeviceToken(token: string | undefined | null, secret: string = authSecret()): string | null {
  return verifyIdToken(LABEL, token, secret);
}

/** The device id of a request's Cookie header (for code that only has the headers). */
export function deviceIdFromCookieHeader(header: string | null, secret?: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === KIOSK_COOKIE) return verifyDeviceToken(decodeURIComponent(rest.join("=")), secret);
  }
  return null;
}
