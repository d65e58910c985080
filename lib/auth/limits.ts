/**
 * The sign-in code rules (OWASP ASVS 5.0, V6.6: out-of-band authenticators). Per-number limits
 * are what bound an attacker; per-IP limits only slow a single host spraying many numbers.
 */
export const OTP_DIGITS = 6;
export const OTP_CODE_SPACE = 10 ** OTP_DIGITS;
/** A code is valid for 5 minutes after it was sent. */
export const OTP_TTL_SECONDS = 5 * 60;
/** Checks of one code, right or wrong: the fifth wrong one kills it. */
export const OTP_MAX_TRIES = 5;
/** Codes sent to one number per 15 minutes. */
export const OTP_SENDS_PER_NUMBER = { limit: 3, windowSeconds: 15 * 60 } as const;
/**
 * Wrong codes for one number per hour. Past it the number is not locked (anyone could lock a
 * stranger out with a few guesses): the codes already sent stop working, and new ones are slowed
 * down to OTP_SENDS_AFTER_LOCK, each good for a single check that needs no slot of this budget —
 * the person holding the phone types the code they read; a guesser gets one blind try per SMS.
 */
export const OTP_FAILURES_PER_NUMBER = { limit: 6, windowSeconds: 60 * 60 } as const;
/** Codes sent to one number per 15 minutes while its wrong-code budget is spent. */
export const OTP_SENDS_AFTER_LOCK = { limit: 1, windowSeconds: 15 * 60 } as const;
/** Checks of a code sent while the budget is spent. */
export const OTP_CHECKS_AFTER_LOCK = 1;
export const OTP_SENDS_PER_IP_WINDOW_SECONDS = 15 * 60;
export const OTP_FAILURES_PER_IP_WINDOW_SECONDS = 60 * 60;
/** How long the browser keeps the request id of a code (a little over its validity). */
export const OTP_COOKIE_MAX_AGE_SECONDS = 10 * 60;

/**
 * Sessions: 12 hours at most; staff and volunteers are also signed out after 30 idle minutes,
 * citizens after 60 (a phone left on a café table, a shared family computer). At a self-service
 * corner the corner's own idle limit applies (lib/kiosk: minutes of the device, then a 30-second
 * countdown); the server ends such a session a little after that, in case the screen could not.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 3600;
export const STAFF_IDLE_SECONDS = 30 * 60;
export const CITIZEN_IDLE_SECONDS = 60 * 60;
/** The countdown of a corner, and the margin the server leaves on top (touches are written once a minute). */
export const KIOSK_COUNTDOWN_SECONDS = 30;
export const KIOSK_SERVER_MARGIN_SECONDS = 90;
/** A session at a corner lasts at most an hour, whatever happens. */
export const KIOSK_SESSION_MAX_AGE_SECONDS = 3600;
/** `lastSeenAt` is written at most this often (one write a minute per active person). */
export const SESSION_TOUCH_SECONDS = 60;

/** Windows of a fixed-window limiter that a span of `seconds` can touch. */
function windowsIn(seconds: number, windowSeconds: number): number {
  return Math.floor(seconds / windowSeconds) + 1;
}

/**
 * The most codes an attacker can check against one number in `seconds`, whatever they do: a
 * check of an ordinary code needs a code that was sent (≤ OTP_MAX_TRIES checks each) and a slot
 * of the per-number failure budget (reserved before the check, atomically); past the budget, one
 * check per code sent after the lock, and those sends are OTP_SENDS_AFTER_LOCK.
 */
export function maxGuessesPerNumber(seconds: number): number {
  const bySends = windowsIn(seconds, OTP_SENDS_PER_NUMBER.windowSeconds) * OTP_SENDS_PER_NUMBER.limit * OTP_MAX_TRIES;
  const byFailures = windowsIn(seconds, OTP_FAILURES_PER_NUMBER.windowSeconds) * OTP_FAILURES_PER_NUMBER.limit;
  const afterLock = windowsIn(seconds, OTP_SENDS_AFTER_LOCK.windowSeconds) * OTP_SENDS_AFTER_LOCK.limit * OTP_CHECKS_AFTER_LOCK;
  return Math.min(bySends, byFailures) + afterLock;
}
