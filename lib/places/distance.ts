/**
 * Great-circle distance (haversine). The "near me" button of the houses computes distances in the
 * browser (the position never leaves the phone); the municipalities route a report's GPS point to
 * the nearest town (lib/municipalities).
 */
export type Point = { lat: number; lon: number };

/** Mean Earth radius (IUGG), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  // atan2 rather than asin(√h): asin loses about half the digits near antipodal points, where a
  // property test found the triangle inequality broken by 0.1 m.
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(h), Math.sqrt(Math.max(0, 1 - h)));
}

export function nearest<T extends Point>(from: Point, places: T[], count = 5): (T & { km: number })[] {
  return places
    .map((p) => ({ ...p, km: distanceKm(from, p) }))
    .sort((x, y) => x.km - y.km)
    .slice(0, count);
}
