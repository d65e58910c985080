import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateSlots, isFreeFor, nearestSlots, offerSlots, type HostRules, type Interval } from "./slots";
import { localDateOf, offsetMinutes, zonedParts, zonedToUtc } from "@/lib/clock/zone";

const TUNIS = "Africa/Tunis";
const rules = (over: Partial<HostRules> = {}): HostRules => ({
  slotMinutes: 30,
  bufferMinutes: 10,
  horizonDays: 14,
  minNoticeMinutes: 120,
  // Monday to Friday, 09:00–12:00 local
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60 })),
  exceptions: [],
  ...over,
});
const local = (iso: string, tz = TUNIS) => {
  const p = zonedParts(new Date(iso), tz);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
};

describe("zoned time", () => {
  it("reads Tunis time from Intl, not from a constant", () => {
    expect(offsetMinutes(new Date("2026-06-15T10:00:00Z"), TUNIS)).toBe(60);
    // Tunisia kept summer time in 2008 (UTC+2): Intl knows, so do we.
    expect(offsetMinutes(new Date("2008-07-01T10:00:00Z"), TUNIS)).toBe(120);
    expect(zonedToUtc({ year: 2026, month: 6, day: 15 }, 9 * 60, TUNIS).toISOString()).toBe("2026-06-15T08:00:00.000Z");
  });

  it("handles daylight-saving changes (Paris: gap in March, repeat in October)", () => {
    expect(zonedToUtc({ year: 2026, month: 3, day: 29 }, 9 * 60, "Europe/Paris").toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(zonedToUtc({ year: 2026, month: 3, day: 28 }, 9 * 60, "Europe/Paris").toISOString()).toBe("2026-03-28T08:00:00.000Z");
    // 02:30 does not exist on 29 March: the instant just after the gap.
    expect(zonedToUtc({ year: 2026, month: 3, day: 29 }, 150, "Europe/Paris").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 happens twice on 25 October: the first one.
    expect(zonedToUtc({ year: 2026, month: 10, day: 25 }, 150, "Europe/Paris").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips any wall time in several zones", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }),
          // around the 2026 changes in Paris and New York
          fc.integer({ min: -180, max: 180 }).map((m) => new Date(Date.parse("2026-10-25T01:00:00Z") + m * 60000)),
          fc.integer({ min: -180, max: 180 }).map((m) => new Date(Date.parse("2026-11-01T06:00:00Z") + m * 60000)),
        ),
        fc.constantFrom(TUNIS, "Europe/Paris", "America/New_York", "Asia/Kathmandu"),
        (d, tz) => {
          const instant = new Date(Math.floor(d.getTime() / 60000) * 60000);
          const p = zonedParts(instant, tz);
          const back = zonedToUtc(p, p.hour * 60 + p.minute, tz);
          // Equal, or (in a repeated hour) the first of the two instants showing that wall time.
          expect(back.getTime() <= instant.getTime()).toBe(true);
          expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(3600_000);
          expect(local(back.toISOString(), tz)).toBe(local(instant.toISOString(), tz));
        },
      ),
    );
  });
});

describe("slot generation", () => {
  // Monday 15 June 2026, 07:00 in Tunis
  const now = new Date("2026-06-15T06:00:00Z");

  it("gives the week's slots in Tunis time, after the notice, with buffers between", () => {
    const slots = generateSlots({ rules: rules(), busy: [], now, timeZone: TUNIS });
    // 09:00, 09:40, 10:20, 11:00 (11:40 + 30 > 12:00)
    expect(slots.slice(0, 4).map((s) => local(s.start.toISOString()))).toEqual(["2026-06-15 09:00", "2026-06-15 09:40", "2026-06-15 10:20", "2026-06-15 11:00"]);
    expect(slots[0]!.end.getTime() - slots[0]!.start.getTime()).toBe(30 * 60000);
    // No weekend slot.
    expect(slots.some((s) => [6, 7].includes(zonedParts(s.start, TUNIS).weekday))).toBe(false);
  });

  it("respects the minimum notice and the horizon", () => {
    const at1015 = new Date("2026-06-15T09:15:00Z"); // 10:15 local
    const slots = generateSlots({ rules: rules({ minNoticeMinutes: 60, horizonDays: 2 }), busy: [], now: at1015, timeZone: TUNIS });
    expect(slots[0]!.start.getTime()).toBeGreaterThanOrEqual(at1015.getTime() + 60 * 60000);
    expect(slots.every((s) => s.start.getTime() <= at1015.getTime() + 2 * 86400000)).toBe(true);
    expect(local(slots[0]!.start.toISOString())).toBe("2026-06-16 09:00");
  });

  it("skips exception days (holidays, leave), inclusive of both ends", () => {
    const slots = generateSlots({ rules: rules({ exceptions: [{ startsOn: "2026-06-16", endsOn: "2026-06-17" }] }), busy: [], now, timeZone: TUNIS });
    const days = new Set(slots.map((s) => local(s.start.toISOString()).slice(0, 10)));
    expect(days.has("2026-06-15")).toBe(true);
    expect(days.has("2026-06-16")).toBe(false);
    expect(days.has("2026-06-17")).toBe(false);
    expect(days.has("2026-06-18")).toBe(true);
  });

  it("leaves out reserved time and the buffer around it", () => {
    const busy: Interval[] = [{ start: new Date("2026-06-15T08:40:00Z"), end: new Date("2026-06-15T09:20:00Z") }]; // 09:40–10:20 local, buffer included
    const slots = generateSlots({ rules: rules(), busy, now, timeZone: TUNIS });
    const monday = slots.filter((s) => local(s.start.toISOString()).startsWith("2026-06-15")).map((s) => local(s.start.toISOString()).slice(11));
    expect(monday).toEqual(["09:00", "10:20", "11:00"]);
  });

  it("keeps local hours across a DST change in a zone that has one", () => {
    const paris = rules({ weekly: [{ weekday: 7, startMinute: 9 * 60, endMinute: 10 * 60 + 30 }, { weekday: 6, startMinute: 9 * 60, endMinute: 10 * 60 + 30 }], minNoticeMinutes: 0 });
    const slots = generateSlots({ rules: paris, busy: [], now: new Date("2026-03-27T12:00:00Z"), timeZone: "Europe/Paris" });
    expect(slots.slice(0, 2).map((s) => s.start.toISOString())).toEqual(["2026-03-28T08:00:00.000Z", "2026-03-28T08:40:00.000Z"]);
    expect(slots.slice(2, 4).map((s) => s.start.toISOString())).toEqual(["2026-03-29T07:00:00.000Z", "2026-03-29T07:40:00.000Z"]);
  });

  it("properties: inside the pattern, clear of busy time, sorted, unique, within notice and horizon", () => {
    const windowArb = fc
      .record({ weekday: fc.integer({ min: 1, max: 7 }), start: fc.integer({ min: 0, max: 276 }), len: fc.integer({ min: 2, max: 60 }) })
      .map((w) => ({ weekday: w.weekday, startMinute: w.start * 5, endMinute: Math.min(1440, w.start * 5 + w.len * 5) }));
    fc.assert(
      fc.property(
        fc.array(windowArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 12 }).map((n) => n * 5),
        fc.integer({ min: 0, max: 6 }).map((n) => n * 5),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 14 * 24 * 12 }), len: fc.integer({ min: 1, max: 24 }) }), { maxLength: 8 }),
        fc.constantFrom(TUNIS, "Europe/Paris"),
        (weekly, slotMinutes, bufferMinutes, minNoticeMinutes, busySpec, tz) => {
          const r = rules({ weekly, slotMinutes, bufferMinutes, minNoticeMinutes, horizonDays: 10 });
          const busy = busySpec.map((b) => ({ start: new Date(now.getTime() + b.at * 300000), end: new Date(now.getTime() + (b.at + b.len) * 300000) }));
          const slots = generateSlots({ rules: r, busy, now, timeZone: tz });
          for (let i = 0; i < slots.length; i++) {
            const s = slots[i]!;
            if (i > 0) expect(s.start.getTime()).toBeGreaterThan(slots[i - 1]!.start.getTime());
            expect(s.start.getTime()).toBeGreaterThanOrEqual(now.getTime() + minNoticeMinutes * 60000);
            expect(s.start.getTime()).toBeLessThanOrEqual(now.getTime() + 10 * 86400000);
            const held = { start: s.start, end: new Date(s.end.getTime() + bufferMinutes * 60000) };
            expect(busy.some((b) => b.start < held.end && held.start < b.end)).toBe(false);
            expect(isFreeFor({ rules: r, busy, slot: s, now, timeZone: tz })).toBe(true);
            const p = zonedParts(s.start, tz);
            const startMin = p.hour * 60 + p.minute;
            expect(weekly.some((w) => w.weekday === p.weekday && w.startMinute <= startMin)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("interpreter intersection", () => {
  const now = new Date("2026-06-15T06:00:00Z");
  const official = { id: "o1", rules: rules(), busy: [] };

  it("offers only slots where an interpreter is free too, and names them", () => {
    // Interpreter: Monday 10:00–11:35 and Tuesday all morning, but busy Tuesday 09:00–10:00.
    const interpreter = {
      id: "i1",
      rules: rules({ weekly: [{ weekday: 1, startMinute: 600, endMinute: 695 }, { weekday: 2, startMinute: 480, endMinute: 780 }], bufferMinutes: 0 }),
      busy: [{ start: new Date("2026-06-16T08:00:00Z"), end: new Date("2026-06-16T09:00:00Z") }],
    };
    const offered = offerSlots({ officials: [official], interpreters: [interpreter], now, timeZone: TUNIS });
    const mondayAndTuesday = offered.filter((s) => ["2026-06-15", "2026-06-16"].includes(local(s.start.toISOString()).slice(0, 10)));
    expect(mondayAndTuesday.map((s) => local(s.start.toISOString()))).toEqual([
      "2026-06-15 10:20",
      "2026-06-15 11:00",
      "2026-06-16 10:20",
      "2026-06-16 11:00",
    ]);
    expect(offered.every((s) => s.interpreterId === "i1" && s.officialId === "o1")).toBe(true);
  });

  it("offers nothing when no interpreter is free, and everything without the need", () => {
    expect(offerSlots({ officials: [official], interpreters: [], now, timeZone: TUNIS })).toEqual([]);
    const all = offerSlots({ officials: [official], interpreters: null, now, timeZone: TUNIS });
    expect(all.length).toBe(generateSlots({ rules: official.rules, busy: [], now, timeZone: TUNIS }).length);
    expect(all.every((s) => s.interpreterId === null)).toBe(true);
  });

  it("never pairs an official with themself", () => {
    const both = { id: "o1", rules: rules(), busy: [] };
    expect(offerSlots({ officials: [official], interpreters: [both], now, timeZone: TUNIS })).toEqual([]);
  });

  it("unions officials of a body, one entry per start time", () => {
    const other = { id: "o2", rules: rules({ weekly: [{ weekday: 1, startMinute: 14 * 60, endMinute: 15 * 60 }] }), busy: [] };
    const offered = offerSlots({ officials: [official, other], interpreters: null, now, timeZone: TUNIS });
    const monday = offered.filter((s) => local(s.start.toISOString()).startsWith("2026-06-15"));
    expect(monday.map((s) => `${local(s.start.toISOString()).slice(11)} ${s.officialId}`)).toEqual(["09:00 o1", "09:40 o1", "10:20 o1", "11:00 o1", "14:00 o2"]);
  });

  it("the nearest slots to a taken one come in time order", () => {
    const all = generateSlots({ rules: rules(), busy: [], now, timeZone: TUNIS });
    const near = nearestSlots(all, all[5]!.start, 3);
    expect(near.map((s) => s.start.getTime())).toEqual([all[4]!, all[5]!, all[6]!].map((s) => s.start.getTime()));
    expect(localDateOf(near[0]!.start, TUNIS).day).toBe(16);
  });
});
