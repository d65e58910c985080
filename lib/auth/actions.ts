"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { localePath, isLocale, defaultLocale, type Locale } from "@/lib/i18n/routing";
import { minutesOf } from "@/lib/rate-limit";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { pagesRevalidated } from "@/lib/security/csp";
import { createFormAction } from "@/lib/safe-action";
import { sendSms } from "@/lib/notifications/sms";
import { recordAudit } from "@/lib/audit/record";
import { accountOfChallenge, completeOnboarding, homePathFor, updateProfile } from "./accounts";
import { CodeRefused, signIn, signOut } from "./config";
import { CHALLENGE_COOKIE, hostCookie } from "./cookies";
import { OTP_COOKIE_MAX_AGE_SECONDS, OTP_TTL_SECONDS } from "./limits";
import { requestOtp } from "./otp";
import { findChallengePhone } from "./pending";
import { accountSchema, onboardingSchema, requestCodeSchema, resendCodeSchema, verifyCodeSchema } from "./forms";
import { inLocale, safeReturnTo, withReturnTo } from "./return-to";
import { authSecret } from "./secret";
import { revokeAllSessions, revokeSession } from "./sessions";
import { getActor } from "./session";
import { log } from "@/lib/log";

/** Who is signed in shows in every layout: after it changes, nothing rendered before may be reused. */
function refreshShell() {
  revalidatePath("/[locale]", "layout");
  // The prerendered pages will be regenerated: their CSP hashes must be read again.
  pagesRevalidated();
}

/**
 * The server actions of signing in and of the account. Each is a thin shell: validation and
 * translation by lib/safe-action, rules in otp.ts / sessions.ts / accounts.ts.
 */

async function sendCode(phone: string, locale: Locale): Promise<string> {
  const { db } = await getDb();
  const t = await getTranslations({ locale, namespace: "Auth" });
  const ip = clientIp(await headers());
  let result;
  try {
    result = await requestOtp(
      { db, now: await now(), secret: authSecret() },
      {
        phone,
        locale,
        ip,
        perIpSends: env().OTP_PER_IP_SENDS,
        deliver: ({ code, ref }) => sendSms({ to: phone, text: t("sms.code", { code, minutes: OTP_TTL_SECONDS / 60 }), locale, ref }),
      },
    );
  } catch (error) {
    if (isAppError(error) && error.code === "unavailable") {
      log.error("signIn.smsNotSent", error.cause ?? error);
      throw new AppError("unavailable", { fields: { phone: "SignIn.errors.smsFailed" }, messageKey: "SignIn.errors.smsFailed", cause: error });
    }
    throw error;
  }
  if (!result.ok) {
    const key = "SignIn.errors.tooManyCodes";
    throw new AppError("rateLimited", { fields: { phone: key }, messageKey: key, values: { minutes: minutesOf(result.retryAfterSeconds) } });
  }
  (await cookies()).set(CHALLENGE_COOKIE, result.challengeId, { ...hostCookie, maxAge: OTP_COOKIE_MAX_AGE_SECONDS });
  return result.challengeId;
}

/** Step 1: the number. Sends a code and goes to step 2. Says the same whether or not the number has an account. */
export const requestCodeAction = createFormAction({
  access: "public",
  schema: requestCodeSchema,
  async run({ input, locale }) {
    await sendCode(input.phone, locale);
    redirect(withReturnTo(localePath(locale, "/sign-in/code"), safeReturnTo(input.returnTo)));
  },
});

/** "Send a new code" on step 2: to the number of the pending request. */
export const resendCodeAction = createFormAction({
  access: "public",
  schema: resendCodeSchema,
  async run({ input, locale }) {
    const phone = await pendingPhone();
    if (!phone) redirect(withReturnTo(`${localePath(locale, "/sign-in")}`, safeReturnTo(input.returnTo)));
    try {
      await sendCode(phone, locale);
    } catch (error) {
      // Step 2 has no number field: the message belongs to the code field there.
      if (isAppError(error) && error.fields?.phone) throw new AppError(error.code, { fields: { code: error.fields.phone }, messageKey: error.messageKey, values: error.values });
      throw error;
    }
    return { resent: true };
  },
});

/** Step 2: the code. Signs in (next-auth), then goes where the person was going. */
export const verifyCodeAction = createFormAction({
  access: "public",
  schema: verifyCodeSchema,
  async run({ input, locale }) {
    const jar = await cookies();
    const challengeId = jar.get(CHALLENGE_COOKIE)?.value;
    if (!challengeId) throw new AppError("validation", { fields: { code: "SignIn.errors.expired" } });
    try {
      await signIn("phone-code", { challengeId, code: input.code, redirect: false });
    } catch (error) {
      if (error instanceof CodeRefused) throw refusal(error.result);
      throw error;
    }
    jar.set(CHALLENGE_COOKIE, "", { ...hostCookie, maxAge: 0 });
    refreshShell();
    const { db } = await getDb();
    const account = await accountOfChallenge(db, challengeId);
    const target = safeReturnTo(input.returnTo) ?? localePath(locale, homePathFor(account?.role ?? "citizen"));
    redirect(account && !account.onboarded ? withReturnTo(localePath(locale, "/welcome"), target) : target);
  },
});

function refusal(result: CodeRefused["result"]): AppError {
  switch (result.reason) {
    case "wrong":
      return new AppError("validation", { fields: { code: "SignIn.errors.wrong" }, values: { tries: result.triesLeft } });
    case "locked":
      return new AppError("rateLimited", { fields: { code: "SignIn.errors.locked" }, messageKey: "SignIn.errors.locked", values: { minutes: minutesOf(result.retryAfterSeconds) } });
    case "exhausted":
      return new AppError("validation", { fields: { code: "SignIn.errors.exhausted" } });
    case "disabled":
      return new AppError("forbidden", { fields: { code: "SignIn.errors.disabled" }, messageKey: "SignIn.errors.disabled" });
    default:
      return new AppError("validation", { fields: { code: "SignIn.errors.expired" } });
  }
}

async function pendingPhone(): Promise<string | null> {
  const id = (await cookies()).get(CHALLENGE_COOKIE)?.value;
  return id ? findChallengePhone(id) : null;
}

function formLocale(form: FormData): Locale {
  const value = form.get("locale");
  return typeof value === "string" && isLocale(value) ? value : defaultLocale;
}

/** Sign out of this device: the session row is ended, so a copied cookie is refused too. */
export async function signOutAction(form: FormData): Promise<void> {
  const locale = formLocale(form);
  const actor = await getActor();
  if (actor) {
    const { db } = await getDb();
    const at = await now();
    await revokeSession({ db, sessionId: actor.sessionId, now: at, reason: "signOut" });
    await recordAudit(db, actor, { action: "auth.signOut", subjectType: "session", subjectId: actor.sessionId }, clientIp(await headers()));
  }
  await signOut({ redirect: false });
  refreshShell();
  redirect(`${localePath(locale, "/sign-in")}?signedOut=1`);
}

/** Sign out of every device (lost phone, shared computer). */
export async function signOutEverywhereAction(form: FormData): Promise<void> {
  const locale = formLocale(form);
  const actor = await getActor();
  if (actor) {
    const { db } = await getDb();
    const count = await revokeAllSessions({ db, userId: actor.userId, now: await now(), reason: "signOutAll" });
    await recordAudit(db, actor, { action: "auth.signOutAll", subjectType: "user", subjectId: actor.userId, detail: { sessions: count } }, clientIp(await headers()));
  }
  await signOut({ redirect: false });
  refreshShell();
  redirect(`${localePath(locale, "/sign-in")}?signedOut=all`);
}

/** First sign-in: name and language, then on to where the person was going (in that language). */
export const completeOnboardingAction = createFormAction({
  schema: onboardingSchema,
  async run({ input, actor }) {
    const { db } = await getDb();
    await completeOnboarding(db, { userId: actor.userId, name: input.name, locale: input.language, now: await now() });
    refreshShell();
    const target = safeReturnTo(input.returnTo) ?? localePath(input.language, homePathFor(actor.role));
    redirect(inLocale(target, input.language));
  },
});

/** The account page: name, language, SMS notifications. */
export const updateAccountAction = createFormAction({
  schema: accountSchema,
  audit: (input) => ({ action: "account.update", detail: { language: input.language, notifySms: input.notifySms === "on" } }),
  async run({ input, actor }) {
    const { db } = await getDb();
    await updateProfile(db, { userId: actor.userId, name: input.name, locale: input.language, notifySms: input.notifySms === "on" });
    refreshShell();
    return { saved: true, language: input.language };
  },
});
