import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { SESSION_COOKIE, hostCookie } from "./cookies";
import { SESSION_MAX_AGE_SECONDS } from "./limits";
import { verifyOtp, type VerifyOtpResult } from "./otp";
import { authSecret } from "./secret";
import { startSession } from "./sessions";
import { deviceIdFromCookieHeader } from "./device-token";
import { activeKioskDevice } from "./kiosk-device";
import { log } from "@/lib/log";

/** A refused code, carrying why (the sign-in action turns it into a message). */
export class CodeRefused extends CredentialsSignin {
  readonly result: Exclude<VerifyOtpResult, { ok: true }> | { ok: false; reason: "disabled" };
  constructor(result: CodeRefused["result"]) {
    super();
    this.code = result.reason;
    this.result = result;
  }
}

const credentials = z.object({
  challengeId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  code: z.string().regex(/^\d{6}$/),
});

/**
 * next-auth v5: one Credentials provider (a code from lib/auth/otp), JWT sessions in a
 * `__Host-` cookie whose token carries only the server-side session id (`sid`). No HTTP route is
 * mounted: sign-in and sign-out happen in server actions (lib/auth/actions.ts), so the
 * credentials endpoint is not reachable from outside.
 *
 * The configuration is built per request (lazily) so that the build never needs AUTH_SECRET.
 */
export const { auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  useSecureCookies: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  cookies: {
    sessionToken: { name: SESSION_COOKIE, options: hostCookie },
    callbackUrl: { name: "__Host-idarti.auth-callback", options: hostCookie },
    csrfToken: { name: "__Host-idarti.auth-csrf", options: hostCookie },
  },
  providers: [
    Credentials({
      id: "phone-code",
      credentials: { challengeId: {}, code: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CodeRefused({ ok: false, reason: "expired" });
        const { db } = await getDb();
        const at = await now();
        const ip = clientIp(request.headers);
        const result = await verifyOtp(
          { db, now: at, secret: authSecret() },
          { challengeId: parsed.data.challengeId, code: parsed.data.code, ip, perIpFailures: env().OTP_PER_IP_FAILURES },
        );
        if (!result.ok) throw new CodeRefused(result);
        // At an enrolled corner the session is bound to it (and ends with its wipe).
        const claimed = deviceIdFromCookieHeader(request.headers.get("cookie"));
        const kioskDeviceId = claimed && (await activeKioskDevice(db, claimed)) ? claimed : null;
        const session = await startSession({ db, now: at, phone: result.phone, locale: result.locale, ip, userAgent: request.headers.get("user-agent"), kioskDeviceId });
        if (!session) throw new CodeRefused({ ok: false, reason: "disabled" });
        return { id: session.userId, sid: session.sessionId } as { id: string };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const sid = (user as { sid?: unknown } | undefined)?.sid;
      if (typeof sid === "string") token.sid = sid;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  logger: {
    // A refused code is an answer, not an incident; a stale or foreign cookie is not either.
    error(error: Error) {
      if (error instanceof CredentialsSignin) return;
      if (error.name === "JWTSessionError") {
        log.warn("auth.unreadableCookie");
        return;
      }
      log.error("auth.error", error);
    },
    warn(code: string) {
      if (code !== "debug-enabled") log.warn("auth.warning", { warning: code });
    },
    debug() {},
  },
}));
