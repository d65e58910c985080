import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { parseScope, scopeFor, scopeKey } from "./scope";
import { daysOf, periodBounds, periodSchema, resolvePeriod } from "./period";

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isAppError(e) && e.code === "forbidden";
  }
  return false;
};

describe("whose figures a staff member sees", () => {
  it("admins: any scope, the country by default", () => {
    const admin = { role: "admin" as const, bodyId: null, houseId: null };
    expect(scopeFor(admin, null)).toEqual({ level: "national" });
    expect(scopeFor(admin, parseScope("house:haidra"))).toEqual({ level: "house", id: "haidra" });
    expect(scopeFor(admin, parseScope("body:municipality-sfax"))).toEqual({ level: "body", id: "municipality-sfax" });
  });
  it("officials: their body only; agents: their house (or body without one); others: nothing", () => {
    expect(scopeFor({ role: "official", bodyId: "steg", houseId: null }, null)).toEqual({ level: "body", id: "steg" });
    expect(refused(() => scopeFor({ role: "official", bodyId: "steg", houseId: null }, parseScope("national")))).toBe(true);
    expect(refused(() => scopeFor({ role: "official", bodyId: "steg", houseId: null }, parseScope("body:sonede")))).toBe(true);
    expect(scopeFor({ role: "agent", bodyId: "municipality-haidra", houseId: "haidra" }, parseScope("house:haidra"))).toEqual({ level: "house", id: "haidra" });
    expect(refused(() => scopeFor({ role: "agent", bodyId: "municipality-haidra", houseId: "haidra" }, parseScope("house:other")))).toBe(true);
    expect(scopeFor({ role: "agent", bodyId: "municipality-sfax", houseId: null }, null)).toEqual({ level: "body", id: "municipality-sfax" });
    for (const role of ["citizen", "volunteer"] as const) expect(refused(() => scopeFor({ role, bodyId: null, houseId: "haidra" }, null))).toBe(true);
  });
  it("parses only well-formed scopes", () => {
    expect(parseScope("body:../x")).toBeNull();
    expect(parseScope("town:sfax")).toBeNull();
    expect(parseScope("")).toBeNull();
    expect(scopeKey({ level: "house", id: "haidra" })).toBe("house:haidra");
  });
});

describe("the period", () => {
  it("defaults to the last 30 days up to today (Tunis); days in order; bounds at local midnight", () => {
    const p = resolvePeriod({}, new Date("2026-12-06T23:30:00Z"));
    expect(p).toEqual({ from: "2026-11-08", to: "2026-12-07" });
    expect(daysOf({ from: "2023-02-27", to: "2023-03-01" })).toEqual(["2023-02-27", "2023-02-28", "2023-03-01"]);
    expect(periodBounds({ from: "2023-02-01", to: "2023-02-28" })).toEqual({ start: new Date("2023-01-31T23:00:00Z"), end: new Date("2023-02-28T23:00:00Z") });
  });
  it("refuses a bad day, a reversed or too long period, with a message key on the field", () => {
    expect(periodSchema.safeParse({ from: "2023-02-30", to: "" }).error?.issues[0]).toMatchObject({ path: ["from"], message: "Statistics.errors.date" });
    expect(periodSchema.safeParse({ from: "2023-03-01", to: "2023-02-01" }).error?.issues[0]).toMatchObject({ path: ["to"], message: "Statistics.errors.order" });
    expect(periodSchema.safeParse({ from: "2022-01-01", to: "2023-02-01" }).error?.issues[0]).toMatchObject({ path: ["to"], message: "Statistics.errors.tooLong" });
    expect(periodSchema.parse({ from: "", to: "2023-02-01" })).toEqual({ from: undefined, to: "2023-02-01" });
  });
});
