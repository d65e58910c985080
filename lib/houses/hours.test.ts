import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, intervalsOn, nextVisits, openingStatus, parseInterval, regimeOn, tunisMoment, weekdayOf } from "./hours";
import { weekdays, type Calendar, type HouseHours, type TourStop } from "./schema";

const L = (s: string) => ({ ar: s, fr: s, en: s });

/** Tunisia keeps UTC+1 all year (no summer time since 2009): a wall-clock time in Tunis as an instant. */
const tunis = (date: string, time: string) => new Date(`${date}T${time}:00+01:00`);

const calendar: Calendar = {
  summer: [{ from: "2026-07-01", to: "2026-08-31" }],
  ramadan: [
    { from: "2026-02-18", to: "2026-03-19", approximate: true },
    // An imaginary Ramadan inside the summer, to check which timetable wins.
    { from: "2026-08-20", to: "2026-08-25", approximate: true },
  ],
  holidays: [
    { date: "2026-05-01", name: L("Labour Day"), approximate: false },
    { date: "2026-05-09", name: L("Test Saturday"), approximate: false },
  ],
};

const office: HouseHours = {
  confirmed: true,
  regular: { mon: ["08:00-12:30", "13:30-17:00"], tue: ["08:00-12:30", "13:30-17:00"], wed: ["08:00-12:30", "13:30-17:00"], thu: ["08:00-12:30", "13:30-17:00"], fri: ["08:00-12:30", "14:30-17:00"] },
  summer: { mon: ["08:00-14:00"], tue: ["08:00-14:00"], wed: ["08:00-14:00"], thu: ["08:00-14:00"], fri: ["08:00-14:00"] },
  ramadan: { mon: ["09:00-14:30"], tue: ["09:00-14:30"], wed: ["09:00-14:30"], thu: ["09:00-14:30"], fri: ["09:00-14:30"] },
  openOnHolidays: false,
};

describe("Tunis wall-clock time", () => {
  it("reads the date and minute in Africa/Tunis whatever the machine's zone", () => {
    expect(tunisMoment(new Date("2026-05-03T23:30:00Z"))).toEqual({ date: "2026-05-04", weekday: "mon", minutes: 30 });
    expect(tunisMoment(new Date("2026-12-31T23:59:00Z"))).toEqual({ date: "2027-01-01", weekday: "fri", minutes: 59 });
  });

  it("date arithmetic", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(weekdayOf("2026-05-04")).toBe("mon");
    expect(parseInterval("20:00-02:00")).toEqual([1200, 1560]);
    expect(parseInterval("00:00-24:00")).toEqual([0, 1440]);
  });
});

describe("opening status", () => {
  it("open in the morning, closing at lunch", () => {
    expect(openingStatus(office, calendar, tunis("2026-05-04", "09:00"))).toEqual({ state: "open", closesAt: { date: "2026-05-04", time: "12:30" } });
  });

  it("closed at lunch, opening again the same afternoon", () => {
    expect(openingStatus(office, calendar, tunis("2026-05-04", "12:45"))).toEqual({ state: "closed", opensAt: { date: "2026-05-04", time: "13:30" } });
  });

  it("the opening and closing minutes: open at 08:00, closed at 17:00", () => {
    expect(openingStatus(office, calendar, tunis("2026-05-04", "08:00")).state).toBe("open");
    expect(openingStatus(office, calendar, tunis("2026-05-04", "07:59")).state).toBe("closed");
    expect(openingStatus(office, calendar, tunis("2026-05-04", "17:00")).state).toBe("closed");
  });

  it("Friday evening: next opening is Monday morning", () => {
    expect(openingStatus(office, calendar, tunis("2026-05-08", "17:30"))).toEqual({ state: "closed", opensAt: { date: "2026-05-11", time: "08:00" } });
  });

  it("a public holiday closes the house and is named", () => {
    const status = openingStatus(office, calendar, tunis("2026-05-01", "10:00"));
    expect(status).toMatchObject({ state: "closed", opensAt: { date: "2026-05-04", time: "08:00" }, holiday: { date: "2026-05-01" } });
    expect(regimeOn(office, calendar, "2026-05-01").regime).toBe("holiday");
  });

  it("a house open on holidays ignores them", () => {
    const always: HouseHours = { ...office, openOnHolidays: true };
    expect(openingStatus(always, calendar, tunis("2026-05-01", "10:00")).state).toBe("open");
  });

  it("Ramadan hours replace the regular ones", () => {
    expect(regimeOn(office, calendar, "2026-03-04").regime).toBe("ramadan");
    expect(openingStatus(office, calendar, tunis("2026-03-04", "08:30"))).toEqual({ state: "closed", opensAt: { date: "2026-03-04", time: "09:00" } });
    expect(openingStatus(office, calendar, tunis("2026-03-04", "14:00"))).toEqual({ state: "open", closesAt: { date: "2026-03-04", time: "14:30" } });
    expect(openingStatus(office, calendar, tunis("2026-03-04", "15:00")).state).toBe("closed");
    // The day after Ramadan, regular hours again.
    expect(openingStatus(office, calendar, tunis("2026-03-20", "15:00")).state).toBe("open");
  });

  it("summer hours (séance unique), and Ramadan wins over summer", () => {
    expect(openingStatus(office, calendar, tunis("2026-07-15", "15:00"))).toEqual({ state: "closed", opensAt: { date: "2026-07-16", time: "08:00" } });
    expect(regimeOn(office, calendar, "2026-08-21").regime).toBe("ramadan");
    expect(openingStatus(office, calendar, tunis("2026-08-21", "14:15")).state).toBe("open");
  });

  describe("across midnight", () => {
    const night: HouseHours = { confirmed: true, regular: { fri: ["20:00-02:00"], sat: ["20:00-02:00"] }, openOnHolidays: false };

    it("is open after midnight on the interval that started the evening before", () => {
      expect(openingStatus(night, calendar, tunis("2026-05-08", "23:59"))).toEqual({ state: "open", closesAt: { date: "2026-05-09", time: "02:00" } });
      expect(openingStatus(night, calendar, tunis("2026-05-09", "01:00"))).toEqual({ state: "open", closesAt: { date: "2026-05-09", time: "02:00" } });
    });

    it("closes at the end of the night", () => {
      // Saturday 9 May is a (test) holiday: no evening opening that day, next is Friday 15.
      expect(openingStatus(night, calendar, tunis("2026-05-09", "02:00"))).toMatchObject({ state: "closed", opensAt: { date: "2026-05-15", time: "20:00" } });
    });

    it("a holiday closes the interval that starts on it, not the one that spills into it", () => {
      expect(intervalsOn(night, calendar, "2026-05-09")).toEqual([]);
      expect(openingStatus(night, calendar, tunis("2026-05-09", "01:30")).state).toBe("open");
    });
  });

  it("a corner open 24 hours a day never announces a closing time", () => {
    const allDay: HouseHours = { confirmed: true, regular: Object.fromEntries(weekdays.map((d) => [d, ["00:00-24:00"]])), openOnHolidays: true };
    expect(openingStatus(allDay, calendar, tunis("2026-05-04", "03:00"))).toEqual({ state: "open", closesAt: null });
  });

  it("never opens: no next opening", () => {
    expect(openingStatus({ confirmed: false, regular: {}, openOnHolidays: false }, calendar, tunis("2026-05-04", "10:00"))).toEqual({ state: "closed", opensAt: null });
  });

  it("property: closed until `opensAt`, which is open; open until `closesAt`, which is closed", () => {
    const time = fc.integer({ min: 0, max: 47 }).map((h) => h * 30);
    const day = fc.uniqueArray(time, { minLength: 0, maxLength: 4 }).map((ts) => {
      const sorted = [...ts].sort((a, b) => a - b);
      const out: string[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        const f = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        out.push(`${f(sorted[i]!)}-${f(sorted[i + 1]!)}`);
      }
      return out;
    });
    const week = fc.record(Object.fromEntries(weekdays.map((d) => [d, day]))).map((w) =>
      Object.fromEntries(Object.entries(w).filter(([, v]) => (v as string[]).length > 0)),
    );
    const instant = fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2026-12-31T00:00:00Z") }).map((ms) => new Date(ms - (ms % 60_000)));
    fc.assert(
      fc.property(week, instant, (regular, at) => {
        const hours: HouseHours = { confirmed: true, regular, openOnHolidays: false };
        const status = openingStatus(hours, calendar, at);
        if (status.state === "closed" && status.opensAt) {
          const then = tunis(status.opensAt.date, status.opensAt.time);
          if (!(then > at)) return false;
          if (openingStatus(hours, calendar, then).state !== "open") return false;
          const before = new Date(then.getTime() - 60_000);
          if (before > at && openingStatus(hours, calendar, before).state !== "closed") return false;
        }
        if (status.state === "open" && status.closesAt) {
          const then = tunis(status.closesAt.date, status.closesAt.time);
          if (openingStatus(hours, calendar, then).state !== "closed") return false;
          if (openingStatus(hours, calendar, new Date(then.getTime() - 60_000)).state !== "open") return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe("mobile unit tours", () => {
  const stop: TourStop = { id: "smar", place: L("Smar"), governorate: "tataouine", delegation: "smar", weekday: "mon", weeksOfMonth: [1, 3], hours: "08:30-13:00" };

  it("comes on the first and third Monday of the month", () => {
    expect(nextVisits(stop, calendar, tunis("2026-05-04", "10:00")).map((v) => v.date)).toEqual(["2026-05-04", "2026-05-18", "2026-06-01"]);
  });

  it("today's stop no longer counts once it is over", () => {
    expect(nextVisits(stop, calendar, tunis("2026-05-04", "13:00")).map((v) => v.date)).toEqual(["2026-05-18", "2026-06-01", "2026-06-15"]);
  });

  it("skips public holidays", () => {
    const weekly: TourStop = { ...stop, weekday: "fri", weeksOfMonth: undefined };
    expect(nextVisits(weekly, calendar, tunis("2026-04-30", "10:00"), 2)).toEqual([
      { date: "2026-05-08", from: "08:30", to: "13:00" },
      { date: "2026-05-15", from: "08:30", to: "13:00" },
    ]);
  });
});

describe("the house's own closures and other hours", () => {
  const withExceptions: HouseHours = {
    ...office,
    exceptions: [
      // Tuesday 2026-05-05 to Wednesday 2026-05-06: closed for works.
      { from: "2026-05-05", to: "2026-05-06", hours: [], note: L("Works") },
      // Thursday 2026-05-07: a morning only.
      { from: "2026-05-07", to: "2026-05-07", hours: ["09:00-11:00"] },
      // Labour Day (a holiday the house is usually closed on): open this time.
      { from: "2026-05-01", to: "2026-05-01", hours: ["10:00-12:00"] },
    ],
  };

  it("closes the house on the days of a closure, and says which closure", () => {
    expect(regimeOn(withExceptions, calendar, "2026-05-05")).toEqual({ regime: "exception", week: {} });
    const status = openingStatus(withExceptions, calendar, tunis("2026-05-05", "10:00"));
    expect(status).toMatchObject({ state: "closed", opensAt: { date: "2026-05-07", time: "09:00" }, exception: { from: "2026-05-05" } });
    expect(status).not.toHaveProperty("holiday");
  });

  it("keeps the other hours of the day instead of the timetable", () => {
    expect(intervalsOn(withExceptions, calendar, "2026-05-07")).toEqual([[540, 660]]);
    expect(openingStatus(withExceptions, calendar, tunis("2026-05-07", "10:00"))).toEqual({ state: "open", closesAt: { date: "2026-05-07", time: "11:00" } });
    expect(openingStatus(withExceptions, calendar, tunis("2026-05-07", "11:30"))).toMatchObject({ state: "closed", opensAt: { date: "2026-05-08", time: "08:00" } });
  });

  it("wins over a public holiday", () => {
    expect(openingStatus(withExceptions, calendar, tunis("2026-05-01", "11:00"))).toEqual({ state: "open", closesAt: { date: "2026-05-01", time: "12:00" } });
  });

  it("changes nothing outside its dates", () => {
    for (const date of ["2026-05-04", "2026-05-08", "2026-07-06", "2026-03-02"]) {
      expect(intervalsOn(withExceptions, calendar, date)).toEqual(intervalsOn(office, calendar, date));
    }
  });
});
