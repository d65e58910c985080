import { describe, expect, it } from "vitest";
import { isCacheablePage } from "@/lib/pwa/cache-policy";

describe("payments and the service worker", () => {
  it("never caches payment, bill, receipt or verification-result pages", () => {
    for (const path of ["/ar/pay", "/fr/pay/find", "/ar/pay/check/x", "/ar/pay/status/x", "/en/pay/receipt/x", "/ar/bills", "/fr/bills/add", "/ar/verify/K7Q2-9XMD-3HRT-WB4P", "/ar/verifyX"]) {
      expect(isCacheablePage(path), path).toBe(false);
    }
  });
  it("keeps the verify form itself, which checks QR codes offline (ADR 0017)", () => {
    for (const path of ["/ar/verify", "/fr/verify/", "/en/verify"]) expect(isCacheablePage(path), path).toBe(true);
  });
});
