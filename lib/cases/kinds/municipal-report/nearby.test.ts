import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DUPLICATE_RADIUS_METRES } from "./categories";
import { boundingBox, haversineMetres, nearbyDuplicates, type Point } from "./nearby";

// Haïdra (Kasserine), by the municipality.
const here: Point = { lat: 35.5667, lon: 8.4667 };
/** A point `metres` north (bearing 0) or east (bearing 90) of p. */
function move(p: Point, metres: number, bearing: 0 | 90): Point {
  const d = metres / 6_371_008.8;
  if (bearing === 0) return { lat: p.lat + (d * 180) / Math.PI, lon: p.lon };
  return { lat: p.lat, lon: p.lon + ((d * 180) / Math.PI) / Math.cos((p.lat * Math.PI) / 180) };
}

describe("nearby reports", () => {
  it("measures distances on the Earth (Tunis–Sfax ≈ 234 km; 100 m north and east)", () => {
    expect(haversineMetres({ lat: 36.8065, lon: 10.1815 }, { lat: 34.7406, lon: 10.7603 }) / 1000).toBeCloseTo(235.2, 0);
    expect(haversineMetres(here, move(here, 100, 0))).toBeCloseTo(100, 1);
    expect(haversineMetres(here, move(here, 100, 90))).toBeCloseTo(100, 0);
  });

  it("finds open reports of the same category within 100 m, nearest first; not closed ones, other categories or 101 m", () => {
    const candidates = [
      { id: "far", category: "waste", open: true, point: move(here, 101, 0) },
      { id: "near", category: "waste", open: true, point: move(here, 40, 90) },
      { id: "nearer", category: "waste", open: true, point: move(here, 10, 0) },
      { id: "edge", category: "waste", open: true, point: move(here, 99.5, 90) },
      { id: "closed", category: "waste", open: false, point: move(here, 5, 0) },
      { id: "lighting", category: "lighting", open: true, point: move(here, 5, 0) },
      { id: "no-point", category: "waste", open: true, point: null },
    ];
    const found = nearbyDuplicates({ point: here, category: "waste", candidates, radiusMetres: DUPLICATE_RADIUS_METRES });
    expect(found.map((f) => f.id)).toEqual(["nearer", "near", "edge"]);
    expect(found[0]!.distance).toBeCloseTo(10, 0);
  });

  it("the bounding box holds every point within the radius (so the database filter loses none)", () => {
    fc.assert(
      fc.property(fc.double({ min: 30, max: 37.5, noNaN: true }), fc.double({ min: 7.5, max: 11.6, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0 as const, 90 as const), (lat, lon, m, bearing) => {
        const p = { lat, lon };
        const q = move(p, m, bearing);
        const box = boundingBox(p, 100);
        return q.lat >= box.minLat && q.lat <= box.maxLat && q.lon >= box.minLon && q.lon <= box.maxLon;
      }),
    );
  });
});
