import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * D17 callback signatures (docs/contracts/d17-request-to-pay.md): `v1=` + hex HMAC-SHA256 of
 * `<timestamp>.<raw body>`, timestamp in Unix seconds, 300 s tolerance either way. Used by the
 * adapter to verify and by the simulator to sign, so both sides share one definition.
 */
export const CALLBACK_TOLERANCE_SECONDS = 300;

export function signCallback(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex")}`;
}

export type CallbackCheck = { ok: true } | { ok: false; problem: "missingHeaders" | "staleTimestamp" | "badSignature" };

export function checkCallbackSignature(opts: {
  secret: string;
  rawBody: string;
  timestamp: string | null;
  signature: string | null;
  nowMs: number;
}): CallbackCheck {
  if (!opts.timestamp || !opts.signature || !/^\d{1,12}$/.test(opts.timestamp)) return { ok: false, problem: "missingHeaders" };
  const ts = Number(opts.timestamp);
  if (Math.abs(opts.nowMs / 1000 - ts) > CALLBACK_TOLERANCE_SECONDS) return { ok: false, problem: "staleTimestamp" };
  const expected = Buffer.from(signCallback(opts.secret, ts, opts.rawBody), "utf8");
  const given = Buffer.from(opts.signature.trim(), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "badSignature" };
  return { ok: true };
}
