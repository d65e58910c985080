// The houses and the catalogue are separate domains that only the app composes; this checks
// the one place they meet: a house's services are catalogue slugs.
import { describe, expect, it } from "vitest";
import { listServices } from "@/lib/catalogue/catalogue";
import { listHouses } from "@/lib/houses/houses";

describe("houses → catalogue references", () => {
  const slugs = new Set(listServices().map((s) => s.slug));

  it("every service a house offers or announces exists in the catalogue", () => {
    for (const h of listHouses()) {
      for (const s of [...h.services, ...h.plannedServices]) expect(slugs.has(s), `${h.slug} → ${s}`).toBe(true);
      expect(h.services.filter((s) => h.plannedServices.includes(s)), `${h.slug}: offered and planned`).toEqual([]);
    }
  });

  it("every service that can be done at a house counter is offered by at least one house", () => {
    const offered = new Set(listHouses().flatMap((h) => [...h.services, ...h.plannedServices]));
    for (const s of listServices()) if (s.channels.includes("house")) expect(offered.has(s.slug), s.slug).toBe(true);
  });
});
