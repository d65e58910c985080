import { describe, expect, it } from "vitest";
import { parseComplaintPrefill } from "./prefill";

describe("complaint opened from a service page", () => {
  it("reads the catalogue's query: service, version, body, reason and the document asked for", () => {
    expect(parseComplaintPrefill({ service: "birth-certificate", reason: "document-not-listed", version: "3", body: "municipality", document: "Copie CIN légalisée" })).toEqual({
      bodyId: "municipality",
      serviceSlug: "birth-certificate",
      serviceVersion: 3,
      reason: "document-not-listed",
      documentAskedFor: "Copie CIN légalisée",
      category: "document-not-listed",
    });
  });

  it("ignores what it does not expect", () => {
    expect(parseComplaintPrefill({ service: "../x", body: "nasa", version: "-1", reason: "other", document: "x" })).toEqual({
      bodyId: null,
      serviceSlug: null,
      serviceVersion: null,
      reason: null,
      documentAskedFor: null,
      category: null,
    });
  });
});
