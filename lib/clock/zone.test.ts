import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, endOfLocalDay, localDateOf, localDateString, offsetMinutes, parseLocalDate, shiftDay, startOfLocalDay, zonedParts, zonedToUtc } from "./zone";

// Instants across a whole DST-free Tunis year (2026) and the next, to the millisecond.
const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31, 23, 59, 59, 999) }).map((t) => new Date(t));

describe("the one time-zone module (Africa/Tunis)", () => {
  it("is UTC+1 all year, with no DST since 2009", () => {
    fc.assert(fc.property(instant, (t) => offsetMinutes(t) === 60), { numRuns: 500 });
    expect(offsetMinutes(new Date("2008-07-01T12:00:00Z"))).toBe(120); // summer time, until 2008
  });

  it("names the next local day from 23:00 UTC: a UTC midnight is 01:00 in Tunis", () => {
    expect(localDateString(new Date("2026-03-01T22:59:59.999Z"))).toBe("2026-03-01");
    expect(localDateString(new Date("2026-03-01T23:00:00Z"))).toBe("2026-03-02");
    expect(zonedParts(new Date("2026-03-02T00:00:00Z"))).toMatchObject({ year: 2026, month: 3, day: 2, hour: 1, minute: 0 });
    expect(localDateString(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });

  it("maps wall time to the instant and back, to the second", () => {
    fc.assert(
      fc.property(instant, (t) => {
        const p = zonedParts(t);
        const back = zonedToUtc(p, p.hour * 60 + p.minute);
        return back.getTime() === Math.floor(t.getTime() / 60_000) * 60_000;
      }),
      { numRuns: 500 },
    );
  });

  it("puts every instant inside its own local day", () => {
    fc.assert(
      fc.property(instant, (t) => {
        const day = localDateOf(t);
        return startOfLocalDay(day) <= t && t <= endOfLocalDay(day) && endOfLocalDay(day).getTime() - startOfLocalDay(day).getTime() === 86_400_000 - 1;
      }),
      { numRuns: 500 },
    );
  });

  it("moves days across months and years, and counts them back", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -400, max: 400 }), (t, n) => {
        const day = localDateOf(t);
        const moved = addDays(day, n);
        return daysBetween(day, moved) === n && shiftDay(localDateString(t), n) === localDateString(startOfLocalDay(moved));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses days that do not exist", () => {
    expect(parseLocalDate("2026-02-29")).toBeNull();
    expect(parseLocalDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(() => shiftDay("2026-13-01", 1)).toThrow(RangeError);
  });
});
