import { describe, expect, it } from "vitest";
import { isCacheablePage, isCacheableResponse, offlinePageFor, verifyPagesFor } from "./cache-policy";

describe("what the service worker may cache", () => {
  it("caches public sections in every locale", () => {
    for (const p of ["/ar", "/fr/", "/en/services", "/ar/services/steg-new-contract", "/fr/houses/haidra", "/en/offline", "/ar/learn/online-safety", "/fr/help", "/en/accessibility"]) {
      expect(isCacheablePage(p), p).toBe(true);
    }
  });
  it("never caches personal, staff, sign-in or unknown sections", () => {
    for (const p of ["/ar/my", "/ar/my/cases/IDR-26-7K3F-9Q", "/fr/staff", "/en/account", "/ar/sign-in", "/ar/dev/sms", "/ar/pay", "/api/x", "/", "/ar/servicesX", "/xx/services", "/ar/helpers", "/fr/help/x"]) {
      expect(isCacheablePage(p), p).toBe(false);
    }
  });
  it("honours no-store and private", () => {
    expect(isCacheableResponse(new Headers({ "cache-control": "s-maxage=31536000" }))).toBe(true);
    expect(isCacheableResponse(new Headers({ "cache-control": "private, no-cache, no-store" }))).toBe(false);
    expect(isCacheableResponse(new Headers({ "cache-control": "private, max-age=0" }))).toBe(false);
  });
  it("picks the offline page of the request's locale", () => {
    expect(offlinePageFor("/fr/anything")).toBe("/fr/offline");
    expect(offlinePageFor("/en")).toBe("/en/offline");
    expect(offlinePageFor("/weird")).toBe("/ar/offline");
  });
  it("sends an offline /verify#… to a kept verify page, the phone's language first", () => {
    expect(verifyPagesFor("fr-FR")).toEqual(["/fr/verify", "/ar/verify", "/en/verify"]);
    expect(verifyPagesFor("de")).toEqual(["/ar/verify", "/fr/verify", "/en/verify"]);
  });
});
