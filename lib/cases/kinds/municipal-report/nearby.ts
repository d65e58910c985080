/**
 * "Is it one of these?": open reports of the same category within ~100 m of the new one.
 * Pure functions; the query narrows candidates with a bounding box, this decides.
 */
export type Point = { lat: number; lon: number };

const EARTH_RADIUS_M = 6_371_008.8; // mean radius (IUGG)

export function haversineMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that contains every point within `metres` of `p` (for an index-friendly first filter). */
export function boundingBox(p: Point, metres: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.max(Math.cos((p.lat * Math.PI) / 180), 1e-6);
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLon: p.lon - dLon, maxLon: p.lon + dLon };
}

export type Candidate = { id: string; category: string; open: boolean; point: Point | null };

/** Open reports of the same category within the radius, nearest first, with their distance. */
export function nearbyDuplicates<C extends Candidate>(opts: { point: Point; category: string; candidates: readonly C[]; radiusMetres: number; limit?: number }): (C & { distance: number })[] {
  return opts.candidates
    .filter((c) => c.open && c.category === opts.category && c.point)
    .map((c) => ({ ...c, distance: haversineMetres(opts.point, c.point!) }))
    .filter((c) => c.distance <= opts.radiusMetres)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, opts.limit ?? 5);
}
