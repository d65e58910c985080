import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deviceIdFromCookieHeader, KIOSK_COOKIE, signDeviceToken, verifyDeviceToken } from "./device-token";

const secret = "a-test-secret-of-at-least-thirty-two-characters";
const id = "0b6f3f0e-5b1a-4c7e-9d2a-2f1e3c4b5a69";

describe("kiosk device token", () => {
  it("names the device it was signed for", () => {
    expect(verifyDeviceToken(signDeviceToken(id, secret), secret)).toBe(id);
    expect(deviceIdFromCookieHeader(`a=b; ${KIOSK_COOKIE}=${signDeviceToken(id, secret)}; c=d`, secret)).toBe(id);
  });
  it("refuses another secret, another id under the same mac, and any change", () => {
    const token = signDeviceToken(id, secret);
    expect(verifyDeviceToken(token, `${secret}!`)).toBeNull();
    const other = "1b6f3f0e-5b1a-4c7e-9d2a-2f1e3c4b5a69";
    expect(verifyDeviceToken(`${other}${token.slice(id.length)}`, secret)).toBeNull();
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), (i, c) => {
        const changed = token.slice(0, i) + c + token.slice(i + 1);
        if (changed === token) return;
        const out = verifyDeviceToken(changed, secret);
        // Only a change of case in the id's hex digits may still name the same device.
        if (out !== null) expect(changed.slice(0, 36).toLowerCase()).toBe(id);
      }),
    );
  });
  it("refuses garbage", () => {
    for (const bad of [undefined, null, "", ".", id, `${id}.`, "x".repeat(300)]) expect(verifyDeviceToken(bad, secret)).toBeNull();
    expect(deviceIdFromCookieHeader(null, secret)).toBeNull();
  });
});
