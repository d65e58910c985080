import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Timestamped HMAC signatures, as D17 signs its callbacks (docs/contracts/d17-request-to-pay.md)
 * and as Idarti signs its webhooks to partner bodies (lib/partner-api/webhooks.ts): `v1=` + hex
 * HMAC-SHA256 of `<timestamp>.<raw body>`, timestamp in Unix seconds, 300 s tolerance either way.
 * One definition for both directions, so a receiver of ours checks exactly what D17's does.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signTimestamped(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex")}`;
}

export type SignatureCheck = { ok: true } | { ok: false; problem: "missingHeaders" | "staleTimestamp" | "badSignature" };

export function checkTimestampedSignature(opts: { secret: string; rawBody: string; timestamp: string | null; signature: string | null; nowMs: number }): SignatureCheck {
  if (!opts.timestamp || !opts.signature || !/^\d{1,12}$/.test(opts.timestamp)) return { ok: false, problem: "missingHeaders" };
  const ts = Number(opts.timestamp);
  if (Math.abs(opts.nowMs / 1000 - ts) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, problem: "staleTimestamp" };
  const expected = Buffer.from(signTimestamped(opts.secret, ts, opts.rawBody), "utf8");
  const given = Buffer.from(opts.signature.trim(), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "badSignature" };
  return { ok: true };
}
