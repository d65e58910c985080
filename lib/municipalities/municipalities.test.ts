import fc from "fast-check";
import { describe, expect, it } from "vitest";
import geography from "@/lib/places/geography.json";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getMunicipality, isMunicipalityBody, listMunicipalities, municipalitiesByGovernorate, municipalityForPlace, municipalityOfHouse } from "./municipalities";

const delegations = geography.governorates.flatMap((g) => g.delegations.map((d) => ({ governorateId: g.id, delegationId: d.id })));
const ids = new Set(listMunicipalities().map((m) => m.id));

describe("municipalities data", () => {
  const all = listMunicipalities();

  it("has unique ids `municipality-<French name slug>`, each governorate's seat, the houses' towns and Aïn Draham", () => {
    expect(ids.size).toBe(all.length);
    expect(all.filter((m) => m.governorateSeat).map((m) => m.governorate).sort()).toEqual(geography.governorates.map((g) => g.id).sort());
    for (const id of ["municipality-haidra", "municipality-ain-draham", "municipality-kasserine", "municipality-sfax", "municipality-tunis"]) expect(ids, id).toContain(id);
    for (const m of all) {
      // The slug is the French name in kebab-case ASCII ("Commune du Kef" → le-kef, "Aïn Draham" → ain-draham).
      const french = m.name.fr.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      for (const word of m.id.replace(/^municipality-/, "").split("-")) expect(french.split(/[^a-z0-9]+/), m.id).toContain(word === "le" ? "du" : word);
    }
  });

  it("covers delegations of its own governorate only", () => {
    for (const m of all) {
      const g = geography.governorates.find((x) => x.id === m.governorate);
      expect(g, m.id).toBeDefined();
      for (const d of m.delegations) expect(g!.delegations.map((x) => x.id), `${m.id} ${d}`).toContain(d);
    }
  });

  it("places every service house of lib/houses/data in exactly one municipality", () => {
    // The houses' data files, read as files: this kernel module does not import the houses domain.
    const dir = path.join(process.cwd(), "lib/houses/data/houses");
    const houses = readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { slug: string });
    expect(houses.length).toBeGreaterThanOrEqual(10);
    for (const h of houses) {
      expect(all.filter((m) => m.houses.includes(h.slug)).length, h.slug).toBe(1);
      expect(municipalityOfHouse(h.slug), h.slug).not.toBeNull();
    }
    expect(municipalityOfHouse("haidra")).toBe("municipality-haidra");
  });

  it("groups by governorate in the official order, every municipality once", () => {
    const groups = municipalitiesByGovernorate();
    expect(groups[0]!.governorate).toBe("tunis");
    expect(groups.flatMap((g) => g.municipalities).length).toBe(all.length);
  });

  it("tells specific municipalities from the generic body and other bodies", () => {
    expect(isMunicipalityBody("municipality-haidra")).toBe(true);
    expect(isMunicipalityBody("municipality")).toBe(false);
    expect(isMunicipalityBody("municipality-nowhere")).toBe(false);
    expect(isMunicipalityBody("steg")).toBe(false);
    expect(getMunicipality("municipality-haidra")?.name.fr).toBe("Commune de Haïdra");
  });
});

describe("municipalityForPlace", () => {
  it("every delegation leads to exactly one existing municipality or to ask (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...delegations), fc.boolean(), (d, withGovernorate) => {
        const r = municipalityForPlace({ delegationId: d.delegationId, governorateId: withGovernorate ? d.governorateId : undefined });
        if (r.kind === "one") {
          expect(ids).toContain(r.id);
          const m = getMunicipality(r.id)!;
          expect(m.delegations).toContain(d.delegationId);
          if (withGovernorate) expect(m.governorate).toBe(d.governorateId);
        } else {
          expect(r.kind).toBe("ask");
          for (const c of r.candidates) expect(ids).toContain(c);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("with a point too: still one existing municipality of the governorate, or ask (property)", () => {
    const point = fc.record({ lat: fc.double({ min: 30.2, max: 37.5, noNaN: true }), lon: fc.double({ min: 7.5, max: 11.6, noNaN: true }) });
    fc.assert(
      fc.property(fc.constantFrom(...delegations), point, (d, p) => {
        const r = municipalityForPlace({ ...d, point: p });
        if (r.kind === "one") expect(getMunicipality(r.id)?.governorate).toBe(d.governorateId);
        else for (const c of r.candidates) expect(getMunicipality(c)?.governorate).toBe(d.governorateId);
      }),
    );
  });

  it("routes a covered delegation to its municipality", () => {
    expect(municipalityForPlace({ governorateId: "kasserine", delegationId: "haidra" })).toEqual({ kind: "one", id: "municipality-haidra" });
    expect(municipalityForPlace({ governorateId: "sfax", delegationId: "sfax-ville" })).toEqual({ kind: "one", id: "municipality-sfax" });
    expect(municipalityForPlace({ governorateId: "tunis", delegationId: "ezzouhour" })).toEqual({ kind: "one", id: "municipality-tunis" });
    expect(municipalityForPlace({ governorateId: "kasserine", delegationId: "ezzouhour" })).toEqual({ kind: "one", id: "municipality-kasserine" });
  });

  it("asks when a delegation id is ambiguous without its governorate (Ezzouhour of Tunis and of Kasserine)", () => {
    const r = municipalityForPlace({ delegationId: "ezzouhour" });
    expect(r.kind).toBe("ask");
    expect(r.kind === "ask" && r.candidates.sort()).toEqual(["municipality-kasserine", "municipality-tunis"]);
  });

  it("places a point in an uncovered delegation near a town of the governorate, and asks between towns", () => {
    // Foussana (no municipality in the data yet): a point 2 km from Kasserine's centre.
    expect(municipalityForPlace({ governorateId: "kasserine", delegationId: "foussana", point: { lat: 35.18, lon: 8.82 } })).toEqual({ kind: "one", id: "municipality-kasserine" });
    // Halfway between Haïdra and Thala (18 km apart): ask, nearest first.
    const between = municipalityForPlace({ governorateId: "kasserine", delegationId: "foussana", point: { lat: 35.57, lon: 8.57 } });
    expect(between.kind).toBe("ask");
    expect(between.kind === "ask" && between.candidates.slice(0, 2).sort()).toEqual(["municipality-haidra", "municipality-thala"]);
    // Without a point, the governorate's municipalities are offered.
    const none = municipalityForPlace({ governorateId: "kasserine", delegationId: "foussana" });
    expect(none).toEqual({ kind: "ask", candidates: ["municipality-kasserine", "municipality-haidra", "municipality-thala"] });
  });

  it("a point alone goes to the town it is in; a house alone to its town; nothing → ask", () => {
    expect(municipalityForPlace({ point: { lat: 34.741, lon: 10.761 } })).toEqual({ kind: "one", id: "municipality-sfax" });
    expect(municipalityForPlace({ point: { lat: 32.0, lon: 9.0 } }).kind).toBe("ask");
    expect(municipalityForPlace({ houseId: "haidra" })).toEqual({ kind: "one", id: "municipality-haidra" });
    expect(municipalityForPlace({}).kind).toBe("ask");
  });
});
