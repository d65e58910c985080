import { describe, expect, it } from "vitest";
import { periodSchema, resolvePeriod } from "./period";

const issues = (input: { from: string; to: string }) => {
  const r = periodSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("the period filter", () => {
  it("a day that does not exist is said on its field, whatever the other field holds (never a crash)", () => {
    expect(issues({ from: "2023-02-30", to: "2023-02-28" })).toEqual([["from", "Statistics.errors.date"]]);
    expect(issues({ from: "2023-02-01", to: "2023-13-01" })).toEqual([["to", "Statistics.errors.date"]]);
    expect(issues({ from: "x", to: "" })).toEqual([["from", "Statistics.errors.date"]]);
  });

  it("two days in order, at most a year apart; both optional", () => {
    expect(issues({ from: "2023-02-01", to: "2023-02-28" })).toEqual([]);
    expect(issues({ from: "", to: "" })).toEqual([]);
    expect(issues({ from: "2023-03-01", to: "2023-02-28" })).toEqual([["to", "Statistics.errors.order"]]);
    expect(issues({ from: "2022-01-01", to: "2023-02-28" })).toEqual([["to", "Statistics.errors.tooLong"]]);
  });

  it("without days: the last 30 days up to today", () => {
    expect(resolvePeriod({}, new Date("2026-12-07T10:00:00Z"))).toEqual({ from: "2026-11-08", to: "2026-12-07" });
  });
});
