import { KIOSK_COOKIE, KIOSK_COOKIE_MAX_AGE_SECONDS, KIOSK_MARKER_COOKIE } from "@/lib/auth/device-token";
import { CHALLENGE_COOKIE, SESSION_COOKIE, hostCookie } from "@/lib/auth/cookies";
import { PRACTICE_COOKIE } from "@/lib/practice/token";

/** The cookies of a corner: the signed token (HttpOnly) and the marker the page script reads. */
export function enrolCookies(token: string) {
  return [
    { name: KIOSK_COOKIE, value: token, options: { ...hostCookie, maxAge: KIOSK_COOKIE_MAX_AGE_SECONDS } },
    { name: KIOSK_MARKER_COOKIE, value: "1", options: { secure: true, sameSite: "lax" as const, path: "/", maxAge: KIOSK_COOKIE_MAX_AGE_SECONDS } },
  ];
}

/**
 * Everything a person's visit leaves in cookies (the corner's own two stay) — a practice run too:
 * what someone typed while practising is theirs, and the next person must not find it.
 */
export const personCookies = [SESSION_COOKIE, CHALLENGE_COOKIE, "__Host-idarti.auth-callback", "__Host-idarti.auth-csrf", PRACTICE_COOKIE];
export const deviceCookies = [KIOSK_COOKIE, KIOSK_MARKER_COOKIE];

/**
 * What the server sends when a person finishes at a corner. `storage` empties IndexedDB, Local
 * and Session Storage, Cache Storage and unregisters the service worker; `cache` empties the
 * HTTP cache and the back/forward cache. Not `cookies`: it would also drop the corner's
 * enrolment (the person's cookies are expired one by one instead). See docs/adr/0016.
 */
export const KIOSK_CLEAR_SITE_DATA = '"cache", "storage"';
/** After an ordinary sign-out (own phone): only the HTTP and back/forward caches (ADR 0016). */
export const SIGN_OUT_CLEAR_SITE_DATA = '"cache"';
