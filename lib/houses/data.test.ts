import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { houseFiles } from "./data/houses";
import { getCalendar, getHouse, housesForDelegation, listGovernorates, listHouses, listMobileUnits } from "./houses";

const houseFileNames = readdirSync(path.join(__dirname, "data", "houses")).filter((f) => f.endsWith(".json"));

describe("geography (from tunisia-kit, MIT, corrected)", () => {
  const governorates = listGovernorates();
  it("has the 24 governorates with unique ids and codes", () => {
    expect(governorates).toHaveLength(24);
    expect(new Set(governorates.map((g) => g.id)).size).toBe(24);
    expect(new Set(governorates.map((g) => g.code)).size).toBe(24);
  });

  it("has about 264 delegations, unique within each governorate", () => {
    const count = governorates.reduce((n, g) => n + g.delegations.length, 0);
    expect(count).toBeGreaterThan(250);
    expect(count).toBeLessThan(280);
    for (const g of governorates) expect(new Set(g.delegations.map((d) => d.id)).size, g.id).toBe(g.delegations.length);
  });

  it("fixes the source's known slips", () => {
    const tunis = governorates.find((g) => g.id === "tunis")!;
    expect(tunis.delegations.map((d) => d.name.fr)).not.toContain("Sidi Bou Said");
    const benArous = governorates.find((g) => g.id === "ben-arous")!;
    expect(benArous.delegations.filter((d) => d.name.ar === "المروج")).toHaveLength(1);
    const kasserine = governorates.find((g) => g.id === "kasserine")!;
    expect(kasserine.delegations.find((d) => d.id === "haidra")?.name.ar).toBe("حيدرة");
  });
});

describe("house data files", () => {
  it("every house file is listed and valid", () => {
    expect(houseFiles).toHaveLength(houseFileNames.length);
    expect(new Set(listHouses().map((h) => `${h.slug}.json`))).toEqual(new Set(houseFileNames));
  });

  it("no house slug shadows a fixed route under /houses", () => {
    for (const h of listHouses()) expect(["all", "find", "for", "governorates", "mobile-units"]).not.toContain(h.slug);
  });

  it("every governorate and delegation reference exists", () => {
    const governorates = new Map(listGovernorates().map((g) => [g.id, new Set(g.delegations.map((d) => d.id))]));
    for (const h of listHouses()) {
      expect(governorates.get(h.governorate)?.has(h.delegation), `${h.slug} → ${h.governorate}/${h.delegation}`).toBe(true);
      for (const d of h.servesDelegations) expect(governorates.get(h.governorate)?.has(d), `${h.slug} serves ${d}`).toBe(true);
      for (const s of h.tour ?? []) expect(governorates.get(s.governorate)?.has(s.delegation), `${h.slug} stop ${s.id}`).toBe(true);
    }
  });

  it("seeds Haidra as the source documents describe it", () => {
    const haidra = getHouse("haidra")!;
    expect(haidra.demo).toBe(false);
    expect(haidra.phone).toBe("+21677486040");
    expect(haidra.email).toBe("hhcommune@gmail.com");
    expect(haidra.web).toBe("http://commune-haidra.gov.tn");
    expect(haidra.servesDelegations).toEqual(expect.arrayContaining(["thala", "foussana", "el-ayoun"]));
    expect(housesForDelegation("kasserine", "thala").map((x) => x.house.slug)).toContain("haidra");
  });

  it("marks every other house as demonstration data, with at least one mobile unit on tour", () => {
    for (const h of listHouses()) if (h.slug !== "haidra") expect(h.demo, h.slug).toBe(true);
    expect(listMobileUnits().length).toBeGreaterThanOrEqual(1);
    for (const unit of listMobileUnits()) expect(new Set(unit.tour!.map((s) => s.id)).size).toBe(unit.tour!.length);
  });

  it("the calendar covers the coming year with all the fixed public holidays", () => {
    const dates = new Set(getCalendar().holidays.map((h) => h.date));
    for (const md of ["01-01", "03-20", "04-09", "05-01", "07-25", "08-13", "10-15", "12-17"]) expect(dates.has(`2026-${md}`)).toBe(true);
    expect(getCalendar().ramadan.some((r) => r.from.startsWith("2027"))).toBe(true);
  });
});
