import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkCallbackSignature, signCallback } from "./signature";

const secret = "test-webhook-secret-0123456789";
const body = '{"eventId":"ev_1","status":"paid"}';
const now = 1_772_442_843_000;
const ts = Math.floor(now / 1000);

describe("D17 callback signatures", () => {
  it("accepts the signature of the raw body with a fresh timestamp", () => {
    const signature = signCallback(secret, ts, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(checkCallbackSignature({ secret, rawBody: body, timestamp: String(ts), signature, nowMs: now })).toEqual({ ok: true });
  });

  it("refuses a timestamp more than 5 minutes away, either way", () => {
    for (const offset of [-301, 301, -3600]) {
      const t = ts + offset;
      const r = checkCallbackSignature({ secret, rawBody: body, timestamp: String(t), signature: signCallback(secret, t, body), nowMs: now });
      expect(r).toEqual({ ok: false, problem: "staleTimestamp" });
    }
    const edge = ts - 299;
    expect(checkCallbackSignature({ secret, rawBody: body, timestamp: String(edge), signature: signCallback(secret, edge, body), nowMs: now }).ok).toBe(true);
  });

  it("refuses any change to the body, the timestamp or the secret", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (other) => {
        fc.pre(other !== body);
        const signature = signCallback(secret, ts, body);
        expect(checkCallbackSignature({ secret, rawBody: other, timestamp: String(ts), signature, nowMs: now }).ok).toBe(false);
      }),
    );
    const signature = signCallback(secret, ts, body);
    expect(checkCallbackSignature({ secret, rawBody: body, timestamp: String(ts - 1), signature, nowMs: now }).ok).toBe(false);
    expect(checkCallbackSignature({ secret: secret + "x", rawBody: body, timestamp: String(ts), signature, nowMs: now }).ok).toBe(false);
  });

  it("refuses missing or malformed headers", () => {
    expect(checkCallbackSignature({ secret, rawBody: body, timestamp: null, signature: "v1=00", nowMs: now })).toEqual({ ok: false, problem: "missingHeaders" });
    expect(checkCallbackSignature({ secret, rawBody: body, timestamp: "12a", signature: "v1=00", nowMs: now })).toEqual({ ok: false, problem: "missingHeaders" });
    expect(checkCallbackSignature({ secret, rawBody: body, timestamp: String(ts), signature: "v1=00", nowMs: now })).toEqual({ ok: false, problem: "badSignature" });
  });
});
