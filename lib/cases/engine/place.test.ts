import { describe, expect, it } from "vitest";
import { getKind } from "../kinds";
import { placeCase } from "./place";

describe("placeCase: the body of a new case sent to the municipality", () => {
  const report = getKind("municipal-report")!;
  const submission = getKind("document-submission")!;
  const payload = { governorate: "kasserine", delegation: "haidra", location: { mode: "place", place: "x" } };

  it("leaves other bodies alone", () => {
    expect(placeCase(report, payload, "steg", null)).toBe("steg");
  });

  it("places by the citizen's choice, then the place, then the counter's house", () => {
    expect(placeCase(report, { ...payload, municipalityId: "municipality-thala" }, "municipality", null)).toBe("municipality-thala");
    expect(placeCase(report, payload, "municipality", null)).toBe("municipality-haidra");
    // Scanned documents for "the municipality": the citizen's choice, else the counter's house — never the national queue.
    expect(placeCase(submission, { municipalityId: "municipality-sfax" }, "municipality", "haidra")).toBe("municipality-sfax");
    expect(placeCase(submission, {}, "municipality", "demo-sfax-kiosk")).toBe("municipality-sfax");
    expect(() => placeCase(submission, {}, "municipality", null)).toThrow(expect.objectContaining({ fields: { municipalityId: "Municipalities.errors.required" } }));
  });

  it("keeps the admin's queue for a kind that cannot ask, filed away from any house", () => {
    const cannotAsk = { ...submission, place: undefined } as unknown as typeof submission;
    expect(placeCase(cannotAsk, {}, "municipality", null)).toBe("municipality");
  });

  it("asks, on the municipality field, when the place could be in several towns", () => {
    expect(() => placeCase(report, { ...payload, delegation: "foussana" }, "municipality", "haidra")).toThrow(expect.objectContaining({ fields: { municipalityId: "Municipalities.errors.ask" } }));
    expect(() => placeCase(report, { ...payload, municipalityId: "municipality-nowhere" }, "municipality", null)).toThrow(expect.objectContaining({ fields: { municipalityId: "Municipalities.errors.unknown" } }));
  });
});
