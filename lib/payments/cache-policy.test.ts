import { describe, expect, it } from "vitest";
import { isCacheablePage } from "@/lib/pwa/cache-policy";

describe("payments and the service worker", () => {
  it("never caches payment, bill, receipt or verification pages", () => {
    for (const path of ["/ar/pay", "/fr/pay/find", "/ar/pay/check/x", "/ar/pay/status/x", "/en/pay/receipt/x", "/ar/bills", "/fr/bills/add", "/ar/verify", "/ar/verify/K7Q2-9XMD-3HRT-WB4P"]) {
      expect(isCacheablePage(path), path).toBe(false);
    }
  });
});
