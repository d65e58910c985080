import { describe, expect, it } from "vitest";
import { missingDocumentReportPath, parseMissingDocumentReport } from "./missing-document";

describe("missing-document report link", () => {
  it("builds the complaint URL with the service, its version and its body", () => {
    const href = missingDocumentReportPath("ar-TN", { serviceSlug: "building-permit", serviceVersion: 3, bodyId: "municipality" });
    expect(href).toBe("/ar/requests/complaint/new?service=building-permit&reason=document-not-listed&version=3&body=municipality");
  });

  it("round-trips through the query string, document included", () => {
    const report = { serviceSlug: "steg-contract-transfer", serviceVersion: 1, bodyId: "steg", documentAskedFor: "شهادة سكنى & co" };
    const href = missingDocumentReportPath("fr-TN", report);
    expect(href.startsWith("/fr/requests/complaint/new?")).toBe(true);
    expect(parseMissingDocumentReport(new URLSearchParams(href.split("?")[1]))).toEqual(report);
  });

  it("refuses anything that is not a well-formed report", () => {
    expect(parseMissingDocumentReport(new URLSearchParams("service=x&reason=other&version=1&body=y"))).toBeNull();
    expect(parseMissingDocumentReport(new URLSearchParams("service=X Y&reason=document-not-listed&version=1&body=y"))).toBeNull();
    expect(parseMissingDocumentReport(new URLSearchParams("service=x&reason=document-not-listed&version=0&body=y"))).toBeNull();
  });
});
