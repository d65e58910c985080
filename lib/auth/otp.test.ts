import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { otpChallenges } from "@/lib/db/schema";
import { testDatabases } from "@/lib/testing/databases";
import { AppError } from "@/lib/errors";
import { challengeRef, findLiveChallenge, generateCode, hashCode, requestOtp, verifyOtp, type OtpContext } from "./otp";
import { maxGuessesPerNumber, OTP_CODE_SPACE, OTP_FAILURES_PER_NUMBER, OTP_MAX_TRIES, OTP_SENDS_PER_NUMBER } from "./limits";

const secret = "unit-test-secret-unit-test-secret-0123";
const t0 = new Date("2026-03-01T10:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let counter = 0;
/** A fresh mobile number per test, so tests never share limits. */
function freshPhone(): string {
  counter += 1;
  return `+2169${String(Date.now() % 1000).padStart(3, "0")}${String(counter).padStart(4, "0")}`.slice(0, 12);
}
const perIp = { perIpSends: 1000, perIpFailures: 1000 };

describe("codes", () => {
  it("are 6 digits, and their hash never equals or contains the code", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCode();
      expect(code).toMatch(/^\d{6}$/);
      const hash = hashCode(secret, "challenge", "+21698123456", code);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).not.toBe(code);
      expect(hash.includes(code)).toBe(false);
    }
  });
  it("are bound to the request, the number and the secret", () => {
    const h = hashCode(secret, "a", "+21698123456", "123456");
    expect(hashCode(secret, "b", "+21698123456", "123456")).not.toBe(h);
    expect(hashCode(secret, "a", "+21698123457", "123456")).not.toBe(h);
    expect(hashCode(secret + "x", "a", "+21698123456", "123456")).not.toBe(h);
  });
  it("cover the whole space (leading zeros kept)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(generateCode()[0]!);
    expect(seen.size).toBe(10);
  });
});

for (const target of testDatabases()) {
  describe(`sign-in codes on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });
    const ctx = (seconds: number): OtpContext => ({ db: database.db, now: at(seconds), secret });

    async function send(phone: string, seconds = 0, ip = "10.0.0.1") {
      let code = "";
      const r = await requestOtp(ctx(seconds), {
        phone,
        locale: "ar-TN",
        ip,
        ...perIp,
        deliver: async (d) => {
          code = d.code;
        },
      });
      return { r, code };
    }
    const wrongFor = (code: string) => String((Number(code) + 1) % OTP_CODE_SPACE).padStart(6, "0");

    it("signs in with the right code, once", async () => {
      const phone = freshPhone();
      const { r, code } = await send(phone);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const [row] = await database.db.select().from(otpChallenges).where(eq(otpChallenges.id, r.challengeId));
      expect(row!.codeHash).not.toBe(code);
      expect(await findLiveChallenge(ctx(1), r.challengeId)).toEqual({ phone, triesLeft: 5 });
      expect(await verifyOtp(ctx(1), { challengeId: r.challengeId, code, ip: "10.0.0.1", ...perIp })).toEqual({ ok: true, phone, locale: "ar-TN" });
      expect(await verifyOtp(ctx(2), { challengeId: r.challengeId, code, ip: "10.0.0.1", ...perIp })).toEqual({ ok: false, reason: "expired" });
      expect(await findLiveChallenge(ctx(2), r.challengeId)).toBeNull();
    });

    it("expires exactly 5 minutes after it was sent", async () => {
      const phone = freshPhone();
      const a = await send(phone, 0);
      const b = await send(phone, 0);
      if (!a.r.ok || !b.r.ok) throw new Error("send failed");
      expect(await verifyOtp(ctx(299.999), { challengeId: a.r.challengeId, code: a.code, ip: "x", ...perIp })).toMatchObject({ ok: true });
      expect(await verifyOtp(ctx(300), { challengeId: b.r.challengeId, code: b.code, ip: "x", ...perIp })).toEqual({ ok: false, reason: "expired" });
    });

    it("works only with the request that sent it", async () => {
      const phone = freshPhone();
      const a = await send(phone);
      const b = await send(phone);
      if (!a.r.ok || !b.r.ok) throw new Error("send failed");
      if (a.code === b.code) return; // one chance in a million: nothing to show
      expect(await verifyOtp(ctx(1), { challengeId: b.r.challengeId, code: a.code, ip: "x", ...perIp })).toEqual({ ok: false, reason: "wrong", triesLeft: 4 });
      expect(await verifyOtp(ctx(1), { challengeId: b.r.challengeId, code: b.code, ip: "x", ...perIp })).toMatchObject({ ok: true });
    });

    it("dies after 5 wrong tries, even for the right code", async () => {
      const phone = freshPhone();
      const { r, code } = await send(phone);
      if (!r.ok) throw new Error("send failed");
      for (let i = 1; i <= 4; i++) {
        expect(await verifyOtp(ctx(i), { challengeId: r.challengeId, code: wrongFor(code), ip: "x", ...perIp })).toEqual({ ok: false, reason: "wrong", triesLeft: 5 - i });
      }
      expect(await verifyOtp(ctx(5), { challengeId: r.challengeId, code: wrongFor(code), ip: "x", ...perIp })).toEqual({ ok: false, reason: "exhausted" });
      expect(await verifyOtp(ctx(6), { challengeId: r.challengeId, code, ip: "x", ...perIp })).toEqual({ ok: false, reason: "exhausted" });
    });

    it("sends 3 codes per number per 15 minutes, then says how long to wait", async () => {
      const phone = freshPhone();
      for (let i = 0; i < OTP_SENDS_PER_NUMBER.limit; i++) expect((await send(phone, i * 60)).r.ok).toBe(true);
      expect((await send(phone, 300)).r).toEqual({ ok: false, reason: "tooManyCodes", retryAfterSeconds: 600 });
      expect((await send(phone, 900)).r.ok).toBe(true);
    });

    it("past 6 wrong codes in an hour the codes already sent stop working, but the number is not locked: a code sent afterwards works for the phone holder", async () => {
      const phone = freshPhone();
      let failures = 0;
      let last: Awaited<ReturnType<typeof verifyOtp>> | undefined;
      let pending: { challengeId: string; code: string } | undefined;
      for (let round = 0; failures < OTP_FAILURES_PER_NUMBER.limit; round++) {
        const { r, code } = await send(phone, round * 900);
        if (!r.ok) throw new Error("send failed");
        pending = { challengeId: r.challengeId, code };
        for (let i = 0; i < OTP_MAX_TRIES && failures < OTP_FAILURES_PER_NUMBER.limit; i++) {
          last = await verifyOtp(ctx(round * 900 + i), { challengeId: r.challengeId, code: wrongFor(code), ip: `ip-${round}`, ...perIp });
          failures++;
        }
      }
      // The 6th wrong code (at 900 + 0 s) spends the budget of the window opened at 0 s.
      expect(last).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 3600 - 900 });
      // A code sent before does not work any more, even the right one…
      expect(await verifyOtp(ctx(901), { challengeId: pending!.challengeId, code: pending!.code, ip: "z", ...perIp })).toMatchObject({ ok: false, reason: "locked" });
      // …but the owner asks for a new one at once and signs in with it (the old rule: locked for the hour).
      const owner = await send(phone, 1000, "owner");
      expect(owner.r.ok).toBe(true);
      if (owner.r.ok) expect(await verifyOtp(ctx(1001), { challengeId: owner.r.challengeId, code: owner.code, ip: "owner", ...perIp })).toMatchObject({ ok: true });
      // Slowed down: one code per 15 minutes while the budget is spent, and one check each.
      expect((await send(phone, 1002)).r).toEqual({ ok: false, reason: "tooManyCodes", retryAfterSeconds: 898 });
      const guess = await send(phone, 1900);
      if (!guess.r.ok) throw new Error("send failed");
      expect(await findLiveChallenge(ctx(1900), guess.r.challengeId)).toEqual({ phone, triesLeft: 1 });
      expect(await verifyOtp(ctx(1901), { challengeId: guess.r.challengeId, code: wrongFor(guess.code), ip: "y", ...perIp })).toEqual({ ok: false, reason: "exhausted" });
      expect(await verifyOtp(ctx(1902), { challengeId: guess.r.challengeId, code: guess.code, ip: "y", ...perIp })).toEqual({ ok: false, reason: "exhausted" });
      // A new hour: the ordinary rules again.
      const later = await send(phone, 3600);
      expect(later.r.ok).toBe(true);
      if (later.r.ok) expect(await findLiveChallenge(ctx(3601), later.r.challengeId)).toEqual({ phone, triesLeft: OTP_MAX_TRIES });
    });

    it("a right code gives its failure slot back", async () => {
      const phone = freshPhone();
      for (let i = 0; i < 6; i++) {
        const { r, code } = await send(phone, Math.floor(i / 3) * 900 + (i % 3));
        if (!r.ok) throw new Error("send failed");
        if (i < 5) await verifyOtp(ctx(Math.floor(i / 3) * 900 + 10 + i), { challengeId: r.challengeId, code: wrongFor(code), ip: "x", ...perIp });
        else {
          // 5 failures so far; the right code must not count as a sixth.
          expect(await verifyOtp(ctx(1000), { challengeId: r.challengeId, code, ip: "x", ...perIp })).toMatchObject({ ok: true });
        }
      }
      const a = await send(phone, 2000);
      const b = await send(phone, 2001);
      if (!a.r.ok || !b.r.ok) throw new Error("send failed");
      // The sixth failure spends the budget; the code sent before it no longer works.
      expect(await verifyOtp(ctx(2002), { challengeId: a.r.challengeId, code: wrongFor(a.code), ip: "x", ...perIp })).toMatchObject({ reason: "locked" });
      expect(await verifyOtp(ctx(2003), { challengeId: b.r.challengeId, code: wrongFor(b.code), ip: "x", ...perIp })).toMatchObject({ reason: "locked" });
    });

    it("limits sends and wrong codes per IP address", async () => {
      const ip = `ip-${freshPhone()}`;
      const opts = { locale: "fr-TN", ip, perIpSends: 2, perIpFailures: 3, deliver: async () => undefined };
      expect((await requestOtp(ctx(0), { ...opts, phone: freshPhone() })).ok).toBe(true);
      expect((await requestOtp(ctx(1), { ...opts, phone: freshPhone() })).ok).toBe(true);
      expect(await requestOtp(ctx(2), { ...opts, phone: freshPhone() })).toEqual({ ok: false, reason: "tooManyCodes", retryAfterSeconds: 898 });

      const victims = [freshPhone(), freshPhone(), freshPhone(), freshPhone()];
      const challenges: string[] = [];
      for (const phone of victims) {
        const r = await requestOtp(ctx(10), { ...opts, ip: `other-${phone}`, phone });
        if (r.ok) challenges.push(r.challengeId);
      }
      const results = [];
      for (const id of challenges) results.push(await verifyOtp(ctx(20), { challengeId: id, code: "000000", ip, perIpFailures: 3 }));
      expect(results.slice(0, 3).every((r) => !r.ok && r.reason === "wrong")).toBe(true);
      expect(results[3]).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 3600 });
    });

    it("voids the code and gives the send back when the SMS cannot be sent", async () => {
      const phone = freshPhone();
      let id = "";
      const failing = requestOtp(ctx(0), {
        phone,
        locale: "ar-TN",
        ip: "x",
        ...perIp,
        deliver: async (d) => {
          id = d.ref;
          throw new AppError("unavailable");
        },
      });
      await expect(failing).rejects.toMatchObject({ code: "unavailable" });
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      const rows = await database.db.select().from(otpChallenges).where(eq(otpChallenges.phone, phone));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.consumedAt).not.toBeNull();
      expect(challengeRef(rows[0]!.id)).toBe(id);
      // All three sends are still there.
      for (let i = 0; i < 3; i++) expect((await send(phone, 1 + i)).r.ok).toBe(true);
    });

    it("counts at most 5 checks of a code, even in parallel", async () => {
      const phone = freshPhone();
      const { r, code } = await send(phone);
      if (!r.ok) throw new Error("send failed");
      const guesses = Array.from({ length: 30 }, (_, i) => wrongFor(String((Number(code) + i) % OTP_CODE_SPACE)));
      const results = await Promise.all(guesses.map((g, i) => verifyOtp(ctx(1), { challengeId: r.challengeId, code: g, ip: `p${i}`, ...perIp })));
      expect(results.every((x) => !x.ok)).toBe(true);
      const [row] = await database.db.select().from(otpChallenges).where(eq(otpChallenges.id, r.challengeId));
      expect(row!.attempts).toBe(OTP_MAX_TRIES);
    });

    it("an attacker enumerating codes is held to ≤ 250 checks a day, and cannot shut the owner out", async () => {
      const perDay = maxGuessesPerNumber(24 * 3600);
      // min(97 windows × 3 codes × 5 checks, 25 windows × 6 failures) + 97 codes sent after the
      // lock × 1 check = 247: 0.025 % of the codes.
      expect(perDay).toBe(247);
      expect(perDay).toBeLessThanOrEqual(250);
      expect(OTP_CODE_SPACE / perDay).toBeGreaterThan(3650); // years to cover the space

      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: OTP_CODE_SPACE - 1 }),
          fc.integer({ min: 1, max: 999_983 }),
          fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 20 }),
          fc.boolean(),
          fc.integer({ min: 300, max: 3600 }),
          async (start, stride, pauses, rotateIps, impatience) => {
            const phone = freshPhone();
            const base = 30 * 24 * 3600 + counter * 7 * 24 * 3600; // each run in its own week
            const day = 24 * 3600;
            let t = 0;
            let n = 0;
            let signedIn = false;
            const ip = () => (rotateIps ? `attacker-${n}` : "attacker");
            while (t < day) {
              let real = "";
              const sent = await requestOtp(ctx(base + t), { phone, locale: "ar-TN", ip: ip(), ...perIp, deliver: async (d) => void (real = d.code) });
              if (!sent.ok) {
                // An attacker does not have to believe the wait time: it comes back when it likes.
                t += Math.min(sent.retryAfterSeconds, impatience);
                continue;
              }
              for (;;) {
                let guess = String((start + n * stride) % OTP_CODE_SPACE).padStart(6, "0");
                n++;
                // Measure coverage, not luck: the simulated attacker never happens on the real code.
                if (guess === real) guess = wrongFor(real);
                const v = await verifyOtp(ctx(base + t), { challengeId: sent.challengeId, code: guess, ip: ip(), ...perIp });
                signedIn ||= v.ok;
                t += pauses[n % pauses.length]! / 100;
                if (!v.ok && v.reason === "locked") {
                  t += Math.min(v.retryAfterSeconds, impatience);
                  continue;
                }
                if (!v.ok && v.reason !== "wrong") break;
              }
            }
            const rows = await database.db.select({ attempts: otpChallenges.attempts }).from(otpChallenges).where(eq(otpChallenges.phone, phone));
            const checked = rows.reduce((s, r) => s + r.attempts, 0);
            expect(signedIn).toBe(false);
            // The last lock-out may run past the day; count what the limits allow in that span.
            expect(checked).toBeLessThanOrEqual(maxGuessesPerNumber(Math.max(t, day)));
            expect(checked).toBeGreaterThan(0);

            // The owner, who holds the phone, comes right after whatever the attacker did: asked
            // to wait at most once, for at most 15 minutes, then the code they read signs them in.
            let waited = 0;
            let ownerIn = false;
            for (let i = 0; i < 3 && !ownerIn; i++) {
              let code = "";
              const at0 = base + t + waited;
              const s = await requestOtp(ctx(at0), { phone, locale: "ar-TN", ip: "owner", ...perIp, deliver: async (d) => void (code = d.code) });
              if (!s.ok) {
                waited += s.retryAfterSeconds;
                continue;
              }
              const v = await verifyOtp(ctx(at0 + 40), { challengeId: s.challengeId, code, ip: "owner", ...perIp });
              ownerIn = v.ok;
            }
            expect(ownerIn).toBe(true);
            expect(waited).toBeLessThanOrEqual(OTP_SENDS_PER_NUMBER.windowSeconds);
          },
        ),
        // Each run walks a whole day of the attacker (~600 sequential round trips): one run is
        // enough on PostgreSQL, which adds SQL compatibility here, not new behaviour.
        { numRuns: target.name === "PGlite" ? 2 : 1 },
      );
      // A day of simulated attack is a few thousand database round trips: slow on a loaded CI machine.
    }, 180_000);
  });
}
