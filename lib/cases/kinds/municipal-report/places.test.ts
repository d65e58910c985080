import { describe, expect, it } from "vitest";
import { GOVERNORATES, delegationsOf, isDelegationOf, placeNames } from "./places";

describe("places of a report", () => {
  it("lists the 24 governorates, each with its delegations", () => {
    expect(GOVERNORATES).toHaveLength(24);
    expect(delegationsOf("kasserine").map((d) => d.id)).toContain("haidra");
    expect(delegationsOf("nowhere")).toEqual([]);
  });

  it("accepts a delegation only in its own governorate", () => {
    expect(isDelegationOf("kasserine", "haidra")).toBe(true);
    expect(isDelegationOf("tunis", "haidra")).toBe(false);
    expect(isDelegationOf("nowhere", "haidra")).toBe(false);
    for (const g of GOVERNORATES) for (const d of g.delegations) expect(isDelegationOf(g.id, d.id)).toBe(true);
  });

  it("names a place by governorate and delegation (Ezzouhour exists in Tunis and in Kasserine)", () => {
    expect(placeNames("kasserine", "haidra")?.delegation.ar).toBe("حيدرة");
    expect(placeNames("tunis", "ezzouhour")?.governorate.fr).toBe("Tunis");
    expect(placeNames("kasserine", "ezzouhour")?.governorate.fr).toBe("Kasserine");
    expect(placeNames("tunis", "haidra")).toBeNull();
  });
});

describe("the report's schema and places", () => {
  it("refuses a delegation of another governorate, on the delegation field", async () => {
    const { municipalReportSchema } = await import("./index");
    const base = { category: "waste", description: "Bins not collected for a week.", locationMode: "place", place: "Behind the market" };
    expect(municipalReportSchema.safeParse({ ...base, governorate: "kasserine", delegation: "haidra" }).success).toBe(true);
    const wrong = municipalReportSchema.safeParse({ ...base, governorate: "tunis", delegation: "haidra" });
    expect(wrong.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["delegation", "MunicipalReport.errors.delegationNotInGovernorate"]]);
    const missing = municipalReportSchema.safeParse({ ...base, governorate: "", delegation: "" });
    expect(missing.error?.issues.map((i) => i.message)).toContain("MunicipalReport.errors.governorateRequired");
  });
});
