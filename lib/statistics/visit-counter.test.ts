import { describe, expect, it } from "vitest";
import { countVisit, isVisit, returnVisits, sectionOf, takeVisits } from "./visit-counter";

describe("server-side visit counting", () => {
  it("knows the public sections, and nothing else", () => {
    expect(sectionOf("/ar")).toBe("home");
    expect(sectionOf("/fr/")).toBe("home");
    expect(sectionOf("/ar/services/pay-steg-bill")).toBe("services");
    expect(sectionOf("/en/houses/haidra")).toBe("houses");
    expect(sectionOf("/fr/open-data")).toBe("open-data");
    expect(sectionOf("/ar/my/cases")).toBeNull();
    expect(sectionOf("/fr/staff/statistics")).toBeNull();
    expect(sectionOf("/ar/home")).toBeNull();
    expect(sectionOf("/de/services")).toBeNull();
    expect(sectionOf("/services")).toBeNull();
  });

  it("a visit is a page opened, not a prefetch nor an action", () => {
    expect(isVisit("GET", new Headers())).toBe(true);
    expect(isVisit("GET", new Headers({ rsc: "1" }))).toBe(true); // a client navigation
    expect(isVisit("POST", new Headers())).toBe(false);
    expect(isVisit("GET", new Headers({ "next-router-prefetch": "1" }))).toBe(false);
    expect(isVisit("GET", new Headers({ "sec-purpose": "prefetch;prerender" }))).toBe(false);
    expect(isVisit("GET", new Headers({ purpose: "prefetch" }))).toBe(false);
    expect(isVisit("GET", new Headers({ "sec-fetch-mode": "navigate" }))).toBe(true);
    expect(isVisit("GET", new Headers({ "sec-fetch-mode": "cors", rsc: "1" }))).toBe(true);
    // The page fetched by a script or the service worker (kept for offline use): no visit.
    expect(isVisit("GET", new Headers({ "sec-fetch-mode": "cors" }))).toBe(false);
    expect(isVisit("GET", new Headers({ "sec-fetch-mode": "same-origin" }))).toBe(false);
  });

  it("counts per local day and section; nothing about the visitor; nothing lost on a failed write", () => {
    takeVisits();
    const evening = new Date("2026-12-06T23:30:00Z"); // 00:30 on the 7th in Tunis
    countVisit("/ar/services", evening);
    countVisit("/fr/services/x", evening);
    countVisit("/ar/my", evening);
    countVisit("/ar", new Date("2026-12-06T10:00:00Z"));
    const taken = takeVisits();
    expect(taken.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: "2026-12-06", section: "home", visits: 1 },
      { day: "2026-12-07", section: "services", visits: 2 },
    ]);
    expect(takeVisits()).toEqual([]);
    returnVisits(taken);
    countVisit("/ar/services", evening);
    expect(takeVisits().find((r) => r.section === "services")!.visits).toBe(3);
  });
});
