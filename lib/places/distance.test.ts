import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { distanceKm, nearest } from "./distance";

const tunis = { lat: 36.8065, lon: 10.1815 };
const sfax = { lat: 34.7406, lon: 10.7603 };
const haidra = { lat: 35.5667, lon: 8.4667 };

describe("haversine distance", () => {
  it("matches known distances", () => {
    // Tunis–Sfax as the crow flies is about 235 km.
    expect(distanceKm(tunis, sfax)).toBeGreaterThan(230);
    expect(distanceKm(tunis, sfax)).toBeLessThan(240);
    // One degree of latitude is about 111.2 km.
    expect(distanceKm({ lat: 35, lon: 9 }, { lat: 36, lon: 9 })).toBeCloseTo(111.19, 1);
    // Half the circumference between antipodes.
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });

  it("is symmetric, zero on the same point and obeys the triangle inequality", () => {
    const point = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        const ab = distanceKm(a, b);
        return (
          Math.abs(ab - distanceKm(b, a)) < 1e-6 &&
          distanceKm(a, a) < 1e-9 &&
          ab >= 0 &&
          // Within a metre: near antipodal points any floating-point haversine loses a few digits.
          ab <= distanceKm(a, c) + distanceKm(c, b) + 1e-3
        );
      }),
    );
  });

  it("sorts places by distance", () => {
    const result = nearest({ lat: 35.2, lon: 8.8 }, [
      { ...tunis, id: "tunis" },
      { ...sfax, id: "sfax" },
      { ...haidra, id: "haidra" },
    ], 2);
    expect(result.map((r) => r.id)).toEqual(["haidra", "sfax"]);
    expect(result[0]!.km).toBeLessThan(result[1]!.km);
  });
});
