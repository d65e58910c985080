import "server-only";
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { otpChallenges } from "@/lib/db/schema";
import { consume, peek, pruneRateLimits, refund, resetLimit } from "@/lib/rate-limit";
import {
  OTP_CHECKS_AFTER_LOCK,
  OTP_DIGITS,
  OTP_CODE_SPACE,
  OTP_FAILURES_PER_IP_WINDOW_SECONDS,
  OTP_FAILURES_PER_NUMBER,
  OTP_MAX_TRIES,
  OTP_SENDS_PER_IP_WINDOW_SECONDS,
  OTP_SENDS_AFTER_LOCK,
  OTP_SENDS_PER_NUMBER,
  OTP_TTL_SECONDS,
} from "./limits";

/**
 * One-time sign-in codes (OWASP ASVS 5.0 V6.6):
 * - 6 digits from the CSPRNG (`crypto.randomInt`), never stored: only an HMAC-SHA256 keyed with
 *   AUTH_SECRET over (challenge id, number, code), so a code only ever matches the request that
 *   sent it, and a stolen table reveals nothing a guess can be tested against offline;
 * - valid 5 minutes, single use (consumed atomically), at most 5 checks per code;
 * - 3 codes per number per 15 minutes, 6 wrong codes per number per hour, and per-IP limits,
 *   all counted in the database (lib/rate-limit) so every app instance shares them;
 * - past the wrong-code budget the number is slowed down, never locked (a stranger could lock
 *   the owner out): codes sent before stop working, one code per 15 minutes may still be sent,
 *   and it has a single check of its own (the phone holder reads it; a guesser has one blind try).
 * A failure slot is reserved *before* a code is compared and given back if it was right, so
 * concurrent guesses can never exceed the limit. Results never depend on whether the number has
 * an account: accounts are created only after a right code (lib/auth/sessions).
 *
 * Time and the database are parameters: the app passes lib/clock `now()`, tests pass anything.
 */
export type OtpContext = { db: Db; now: Date; secret: string };

export type RequestOtpResult =
  | { ok: true; challengeId: string }
  | { ok: false; reason: "tooManyCodes"; retryAfterSeconds: number };

export type VerifyOtpResult =
  | { ok: true; phone: string; locale: string }
  | { ok: false; reason: "expired" | "exhausted" }
  | { ok: false; reason: "wrong"; triesLeft: number }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export const otpKeys = {
  sendsPerNumber: (phone: string) => `otp:send:phone:${phone}`,
  sendsPerIp: (ip: string) => `otp:send:ip:${ip}`,
  failuresPerNumber: (phone: string) => `otp:fail:phone:${phone}`,
  failuresPerIp: (ip: string) => `otp:fail:ip:${ip}`,
  sendsAfterLock: (phone: string) => `otp:send-after-lock:phone:${phone}`,
};

export function generateCode(): string {
  return String(randomInt(0, OTP_CODE_SPACE)).padStart(OTP_DIGITS, "0");
}

export function hashCode(secret: string, challengeId: string, phone: string, code: string): string {
  return createHmac("sha256", secret).update(`otp.v1\0${challengeId}\0${phone}\0${code}`).digest("hex");
}

/** A public label of a request (the outbox keeps it so tests find their own code). */
export function challengeRef(challengeId: string): string {
  return createHash("sha256").update(challengeId).digest("hex").slice(0, 16);
}

/**
 * Checks the limits, stores a new challenge and hands the code to `deliver` (which sends the
 * SMS). If delivery throws, the challenge is voided, the counted sends are given back and the
 * error propagates: the person is told, nothing is swallowed.
 */
export async function requestOtp(
  ctx: OtpContext,
  opts: { phone: string; locale: string; ip: string; perIpSends: number; deliver: (d: { code: string; ref: string }) => Promise<void> },
): Promise<RequestOtpResult> {
  const { db, now } = ctx;
  const ipRule = { key: otpKeys.sendsPerIp(opts.ip), windowSeconds: OTP_SENDS_PER_IP_WINDOW_SECONDS };
  const byIp = await consume({ ...ipRule, limit: opts.perIpSends, db, now });
  if (!byIp.ok) return { ok: false, reason: "tooManyCodes", retryAfterSeconds: byIp.retryAfterSeconds };
  const numberRule = { key: otpKeys.sendsPerNumber(opts.phone), windowSeconds: OTP_SENDS_PER_NUMBER.windowSeconds };
  const byNumber = await consume({ ...numberRule, limit: OTP_SENDS_PER_NUMBER.limit, db, now });
  if (!byNumber.ok) {
    await refund({ ...ipRule, db, now });
    return { ok: false, reason: "tooManyCodes", retryAfterSeconds: byNumber.retryAfterSeconds };
  }
  // Someone spent the number's wrong-code budget: slow down (one code per 15 minutes, one check
  // each) rather than lock the owner out.
  const budget = await peek({ key: otpKeys.failuresPerNumber(opts.phone), ...OTP_FAILURES_PER_NUMBER, db, now });
  const afterLock = !budget.ok;
  const slowRule = { key: otpKeys.sendsAfterLock(opts.phone), windowSeconds: OTP_SENDS_AFTER_LOCK.windowSeconds };
  if (afterLock) {
    const slow = await consume({ ...slowRule, limit: OTP_SENDS_AFTER_LOCK.limit, db, now });
    if (!slow.ok) {
      await refund({ ...numberRule, db, now });
      await refund({ ...ipRule, db, now });
      return { ok: false, reason: "tooManyCodes", retryAfterSeconds: slow.retryAfterSeconds };
    }
  }

  const challengeId = randomBytes(16).toString("base64url");
  const code = generateCode();
  await db.insert(otpChallenges).values({
    id: challengeId,
    phone: opts.phone,
    codeHash: hashCode(ctx.secret, challengeId, opts.phone, code),
    locale: opts.locale,
    createdAt: now,
    expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
    ip: opts.ip,
    afterLock,
  });
  try {
    await opts.deliver({ code, ref: challengeRef(challengeId) });
  } catch (error) {
    await db.update(otpChallenges).set({ consumedAt: now }).where(eq(otpChallenges.id, challengeId));
    await refund({ ...numberRule, db, now });
    await refund({ ...ipRule, db, now });
    if (afterLock) await refund({ ...slowRule, db, now });
    throw error;
  }
  if (Math.random() < 0.02) await pruneOtp(ctx).catch(() => undefined);
  return { ok: true, challengeId };
}

/** The number a live challenge was sent to (for "we sent a code to …"), or null. */
export async function findLiveChallenge(ctx: Omit<OtpContext, "secret">, challengeId: string): Promise<{ phone: string; triesLeft: number } | null> {
  const [row] = await ctx.db.select().from(otpChallenges).where(eq(otpChallenges.id, challengeId));
  const max = row?.afterLock ? OTP_CHECKS_AFTER_LOCK : OTP_MAX_TRIES;
  if (!row || row.consumedAt || row.expiresAt <= ctx.now || row.attempts >= max) return null;
  return { phone: row.phone, triesLeft: max - row.attempts };
}

export async function verifyOtp(ctx: OtpContext, opts: { challengeId: string; code: string; ip: string; perIpFailures: number }): Promise<VerifyOtpResult> {
  const { db, now } = ctx;
  const [challenge] = await db.select().from(otpChallenges).where(eq(otpChallenges.id, opts.challengeId));
  if (!challenge || challenge.consumedAt || challenge.expiresAt <= now) return { ok: false, reason: "expired" };
  const maxTries = challenge.afterLock ? OTP_CHECKS_AFTER_LOCK : OTP_MAX_TRIES;
  if (challenge.attempts >= maxTries) return { ok: false, reason: "exhausted" };

  // Reserve a failure slot for the number (not for a code sent after the lock: its single check
  // is bounded by its sends), then for the requesting address, before looking at the code.
  const numberRule = { key: otpKeys.failuresPerNumber(challenge.phone), windowSeconds: OTP_FAILURES_PER_NUMBER.windowSeconds };
  if (!challenge.afterLock) {
    const byNumber = await consume({ ...numberRule, limit: OTP_FAILURES_PER_NUMBER.limit, db, now });
    if (!byNumber.ok) return { ok: false, reason: "locked", retryAfterSeconds: byNumber.retryAfterSeconds };
  }
  const ipRule = { key: otpKeys.failuresPerIp(opts.ip), windowSeconds: OTP_FAILURES_PER_IP_WINDOW_SECONDS };
  const byIp = await consume({ ...ipRule, limit: opts.perIpFailures, db, now });
  if (!byIp.ok) {
    if (!challenge.afterLock) await refund({ ...numberRule, db, now });
    return { ok: false, reason: "locked", retryAfterSeconds: byIp.retryAfterSeconds };
  }
  const giveBack = async () => {
    if (!challenge.afterLock) await refund({ ...numberRule, db, now });
    await refund({ ...ipRule, db, now });
  };

  // Count the check on the challenge itself (atomic: never more than OTP_MAX_TRIES).
  const [counted] = await db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(
      and(
        eq(otpChallenges.id, challenge.id),
        isNull(otpChallenges.consumedAt),
        gt(otpChallenges.expiresAt, now),
        lt(otpChallenges.attempts, maxTries),
      ),
    )
    .returning({ attempts: otpChallenges.attempts, codeHash: otpChallenges.codeHash });
  if (!counted) {
    await giveBack();
    return { ok: false, reason: "expired" };
  }

  if (sameHash(counted.codeHash, hashCode(ctx.secret, challenge.id, challenge.phone, opts.code))) {
    const [used] = await db
      .update(otpChallenges)
      .set({ consumedAt: now })
      .where(and(eq(otpChallenges.id, challenge.id), isNull(otpChallenges.consumedAt)))
      .returning({ phone: otpChallenges.phone, locale: otpChallenges.locale });
    await giveBack();
    return used ? { ok: true, phone: used.phone, locale: used.locale } : { ok: false, reason: "expired" };
  }

  if (!challenge.afterLock) {
    const afterFailure = await peek({ ...numberRule, limit: OTP_FAILURES_PER_NUMBER.limit, db, now });
    if (!afterFailure.ok) return { ok: false, reason: "locked", retryAfterSeconds: afterFailure.retryAfterSeconds };
  }
  const triesLeft = maxTries - counted.attempts;
  return triesLeft > 0 ? { ok: false, reason: "wrong", triesLeft } : { ok: false, reason: "exhausted" };
}

/** Deletes challenges older than a day, and ended rate-limit windows. */
export async function pruneOtp(ctx: Omit<OtpContext, "secret">): Promise<void> {
  const dayAgo = new Date(ctx.now.getTime() - 24 * 3600 * 1000);
  await ctx.db.delete(otpChallenges).where(lt(otpChallenges.createdAt, dayAgo));
  await pruneRateLimits({ db: ctx.db, now: ctx.now });
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Tests only (the route that calls it exists only with TEST_CLOCK=true): forgets one number's
 * sign-in counters. The demo accounts are shared by every journey of a test run, which would
 * otherwise spend their 3 codes per 15 minutes between them; every other number keeps the limits
 * exactly as in production (and e2e/sign-in.spec.ts tests them on its own numbers).
 */
export async function resetSignInLimitsForTests(opts: { phone: string }): Promise<void> {
  for (const key of [otpKeys.sendsPerNumber(opts.phone), otpKeys.failuresPerNumber(opts.phone), otpKeys.sendsAfterLock(opts.phone)]) await resetLimit({ key });
}
