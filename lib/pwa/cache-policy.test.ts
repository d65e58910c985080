import { describe, expect, it } from "vitest";
import { isCacheablePage, isCacheableResponse, offlinePageFor, onePageSectionFor, verifyPagesFor } from "./cache-policy";

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

describe("offline, the one-page section of an address never opened on its own", () => {
  it("leads a procedure, its checklist and its houses to the one-page catalogue", () => {
    expect(onePageSectionFor("/ar/services/building-permit")).toBe("/ar/services/all#service-building-permit");
    expect(onePageSectionFor("/fr/services/building-permit/checklist")).toBe("/fr/services/all#building-permit-documents");
    expect(onePageSectionFor("/en/houses/for/pay-steg-bill/")).toBe("/en/services/all#pay-steg-bill-where");
  });

  it("leads a body and a topic to their one-page lists", () => {
    expect(onePageSectionFor("/ar/services/bodies/steg")).toBe("/ar/services/bodies/all#body-steg");
    expect(onePageSectionFor("/fr/services/categories/bills")).toBe("/fr/services/categories/all#category-bills");
    expect(onePageSectionFor("/fr/services/categories/all")).toBeNull();
  });

  it("leads a house and a governorate to their one-page lists", () => {
    expect(onePageSectionFor("/ar/houses/haidra")).toBe("/ar/houses/all#house-haidra");
    expect(onePageSectionFor("/fr/houses/governorates/sfax")).toBe("/fr/houses/governorates/all#governorate-sfax");
  });

  it("leaves the lists themselves, other pages and other languages alone", () => {
    for (const path of ["/ar/services/all", "/ar/services/search", "/ar/houses/mobile-units", "/ar/houses/governorates/all", "/ar/houses/for", "/ar/services/bodies/all",
      "/ar/services/building-permit/guide", "/ar/learn/online-safety", "/de/services/building-permit", "/ar/services/../my", "/ar/services/Building"]) {
      expect(onePageSectionFor(path), path).toBeNull();
    }
  });
});
