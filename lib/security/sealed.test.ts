import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { developmentSealingKey, isSealed, openStored, resealed, seal, sealingKey, unseal, UnsealError, type SealingKeys } from "./sealed";

const keyA = sealingKey(randomBytes(32));
const keyB = sealingKey(randomBytes(32));
const onlyA: SealingKeys = { current: keyA, retired: [] };
const onlyB: SealingKeys = { current: keyB, retired: [] };
const ctx = "partner_webhooks.secret|7f0c2f6e-0000-4000-8000-000000000001";

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UnsealError) return e.problem;
    throw e;
  }
  return "opened";
}

describe("sealed secrets", () => {
  it("round trip: any text comes back as it went in, and the stored value never contains it", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (secret) => {
        const stored = seal(onlyA, secret, ctx);
        expect(isSealed(stored)).toBe(true);
        expect(stored.startsWith(`sealed:v1:${keyA.id}:`)).toBe(true);
        if (secret.length >= 4) expect(stored).not.toContain(secret);
        expect(unseal(onlyA, stored, ctx)).toBe(secret);
      }),
    );
    // A fresh IV each time: the same secret sealed twice gives two different values.
    expect(seal(onlyA, "whsec_x", ctx)).not.toBe(seal(onlyA, "whsec_x", ctx));
  });

  it("refuses a tampered value: any changed character of the ciphertext, tag or IV", () => {
    const stored = seal(onlyA, "whsec_the-secret-of-steg", ctx);
    const head = `sealed:v1:${keyA.id}:`;
    for (let i = head.length; i < stored.length; i++) {
      if (stored[i] === ":") continue;
      const flipped = stored.slice(0, i) + (stored[i] === "A" ? "B" : "A") + stored.slice(i + 1);
      // A changed last base64url character may only touch padding bits: then the bytes are the same.
      if (Buffer.from(flipped.slice(head.length).split(":").join(""), "base64url").equals(Buffer.from(stored.slice(head.length).split(":").join(""), "base64url"))) continue;
      expect(["tampered", "malformed"]).toContain(refused(() => unseal(onlyA, flipped, ctx)));
    }
    // Moved to another row (another context): refused.
    expect(refused(() => unseal(onlyA, stored, "partner_webhooks.secret|another-id"))).toBe("tampered");
    expect(refused(() => unseal(onlyA, "sealed:v1:garbage", ctx))).toBe("malformed");
  });

  it("refuses a wrong key: an unknown key id, or a known id over another key's bytes", () => {
    const stored = seal(onlyA, "whsec_the-secret-of-steg", ctx);
    expect(refused(() => unseal(onlyB, stored, ctx))).toBe("unknownKey");
    // The same id pointing at other key bytes (a wrong SEALING_KEY with a forged id) fails authentication.
    const impostor: SealingKeys = { current: { id: keyA.id, key: keyB.key }, retired: [] };
    expect(refused(() => unseal(impostor, stored, ctx))).toBe("tampered");
    // Derived development keys differ with AUTH_SECRET.
    expect(developmentSealingKey("a".repeat(40)).id).not.toBe(developmentSealingKey("b".repeat(40)).id);
  });

  it("rotation: a retired key still opens what it sealed; resealing moves it to the current key", () => {
    const old = seal(onlyA, "whsec_rotated", ctx);
    const rotated: SealingKeys = { current: keyB, retired: [keyA] };
    expect(unseal(rotated, old, ctx)).toBe("whsec_rotated");
    const again = resealed(rotated, old, ctx)!;
    expect(again.startsWith(`sealed:v1:${keyB.id}:`)).toBe(true);
    expect(unseal(onlyB, again, ctx)).toBe("whsec_rotated");
    expect(resealed(rotated, again, ctx)).toBeNull();
  });

  it("an old clear value is read as is, then sealed", () => {
    const clear = "whsec_stored-before-adr-0027";
    expect(openStored(onlyA, clear, ctx)).toBe(clear);
    const sealedNow = resealed(onlyA, clear, ctx)!;
    expect(isSealed(sealedNow)).toBe(true);
    expect(sealedNow).not.toContain(clear);
    expect(openStored(onlyA, sealedNow, ctx)).toBe(clear);
  });
});
