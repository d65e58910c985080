import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per code sent (lib/auth/otp). The code itself is never stored: `codeHash` is an
 * HMAC-SHA256 over the challenge id, the number and the code, so a code only works with the
 * request that sent it. The browser holds the id in a short-lived `__Host-` cookie.
 */
export const otpChallenges = pgTable(
  "otp_challenges",
  {
    /** 128 random bits, base64url. */
    id: text("id").primaryKey(),
    /** E.164. */
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    locale: text("locale").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Every check of a code counts, right or wrong; at most OTP_MAX_TRIES. */
    attempts: integer("attempts").notNull().default(0),
    /** Set when the code was used (or its SMS could not be sent): single use. */
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    ip: text("ip"),
    /**
     * Sent while the number's wrong-code budget was spent (someone guessing): one check only, and
     * it needs no slot of that budget — the person holding the phone types the code they read.
     */
    afterLock: boolean("after_lock").notNull().default(false),
  },
  (t) => [index("otp_challenges_created_idx").on(t.createdAt)],
);
