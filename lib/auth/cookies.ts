/**
 * Names and attributes of the cookies of sign-in. `__Host-` makes the browser refuse them unless
 * they are Secure, for this host only (no Domain) and for the whole site (Path=/); browsers treat
 * http://localhost as secure, so development works too.
 */
export const SESSION_COOKIE = "__Host-idarti.session";
/** The id of the pending code request (binds the code to this browser). */
export const CHALLENGE_COOKIE = "__Host-idarti.otp";

export const hostCookie = { httpOnly: true, secure: true, sameSite: "lax", path: "/" } as const;
