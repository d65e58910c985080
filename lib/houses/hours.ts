/**
 * Opening hours: which hours apply on a day (regular, summer, Ramadan, public holiday), whether a
 * house is open at an instant, and when it next opens. Time is Africa/Tunis wall-clock time,
 * read through Intl, so the answer is the same in the browser and on the server, whatever their
 * own time zone.
 *
 * Pure and data-free: it runs in the small client leaf that says "open now" on a static page.
 */
import { formatLocalDate, shiftDay, zonedParts } from "@/lib/clock/zone";
import type { Calendar, HouseHours, HoursException, TourStop, WeekHours, Weekday } from "./schema";

const WEEKDAY_BY_UTC_DAY: Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const DAY = 24 * 60;

export type LocalMoment = { date: string; weekday: Weekday; minutes: number };

/** The wall-clock date, weekday and minute of the day in Tunis at an instant. */
export function tunisMoment(instant: Date): LocalMoment {
  const p = zonedParts(instant);
  const date = formatLocalDate(p);
  return { date, weekday: weekdayOf(date), minutes: p.hour * 60 + p.minute };
}

export function weekdayOf(isoDate: string): Weekday {
  return WEEKDAY_BY_UTC_DAY[new Date(`${isoDate}T00:00:00Z`).getUTCDay()]!;
}

export const addDays = shiftDay;

/** "08:30-17:00" → [510, 1020]; a closing time before the opening time belongs to the next day. */
export function parseInterval(value: string): [number, number] {
  const [from, to] = value.split("-") as [string, string];
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = toMinutes(from);
  let end = toMinutes(to);
  if (end <= start) end += DAY;
  return [start, end];
}

export function formatMinutes(minutes: number): string {
  const m = ((minutes % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

export type Regime = "regular" | "summer" | "ramadan" | "holiday" | "exception";

function inPeriod(isoDate: string, period: { from: string; to: string }): boolean {
  return period.from <= isoDate && isoDate <= period.to;
}

export function holidayOn(calendar: Calendar, isoDate: string) {
  return calendar.holidays.find((h) => h.date === isoDate);
}

/** The house's own closure or other hours on a date (the first listed, if two overlap). */
export function exceptionOn(hours: HouseHours, isoDate: string): HoursException | undefined {
  return hours.exceptions?.find((e) => inPeriod(isoDate, e));
}

/**
 * Which timetable applies on a date. The house's own exception wins (it was written for that
 * date), then a public holiday (unless the house opens on holidays), then Ramadan, then summer:
 * Ramadan hours apply even when Ramadan falls in summer.
 */
export function regimeOn(hours: HouseHours, calendar: Calendar, isoDate: string): { regime: Regime; week: WeekHours } {
  const exception = exceptionOn(hours, isoDate);
  if (exception) return { regime: "exception", week: exception.hours.length > 0 ? { [weekdayOf(isoDate)]: exception.hours } : {} };
  if (!hours.openOnHolidays && holidayOn(calendar, isoDate)) return { regime: "holiday", week: {} };
  if (hours.ramadan && calendar.ramadan.some((p) => inPeriod(isoDate, p))) return { regime: "ramadan", week: hours.ramadan };
  if (hours.summer && calendar.summer.some((p) => inPeriod(isoDate, p))) return { regime: "summer", week: hours.summer };
  return { regime: "regular", week: hours.regular };
}

/** The opening intervals that start on a date, in minutes from that date's midnight (end may pass 1440). */
export function intervalsOn(hours: HouseHours, calendar: Calendar, isoDate: string): [number, number][] {
  const { week } = regimeOn(hours, calendar, isoDate);
  return (week[weekdayOf(isoDate)] ?? []).map(parseInterval).sort((a, b) => a[0] - b[0]);
}

export type LocalTime = { date: string; time: string };

export type OpeningStatus =
  | { state: "open"; closesAt: LocalTime | null }
  | { state: "closed"; opensAt: LocalTime | null; holiday?: Calendar["holidays"][number]; exception?: HoursException };

const LOOKAHEAD_DAYS = 14;

/** Absolute minutes from the start of `base`'s day, for comparing across days. */
function absolute(base: string, isoDate: string, minutes: number): number {
  const days = Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${base}T00:00:00Z`)) / 86_400_000);
  return days * DAY + minutes;
}

function toLocalTime(base: string, abs: number): LocalTime {
  const days = Math.floor(abs / DAY);
  return { date: addDays(base, days), time: formatMinutes(abs - days * DAY) };
}

/** All opening intervals from the day before `base` to LOOKAHEAD_DAYS after, on one absolute axis. */
function timeline(hours: HouseHours, calendar: Calendar, base: string): [number, number][] {
  const out: [number, number][] = [];
  for (let d = -1; d <= LOOKAHEAD_DAYS; d++) {
    const date = addDays(base, d);
    for (const [s, e] of intervalsOn(hours, calendar, date)) out.push([absolute(base, date, s), absolute(base, date, e)]);
  }
  out.sort((a, b) => a[0] - b[0]);
  // Touching or overlapping intervals are one opening (a 24-hour corner open every day never "closes at 24:00").
  const merged: [number, number][] = [];
  for (const iv of out) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}

export function openingStatus(hours: HouseHours, calendar: Calendar, instant: Date): OpeningStatus {
  const now = tunisMoment(instant);
  const lines = timeline(hours, calendar, now.date);
  const horizon = absolute(now.date, addDays(now.date, LOOKAHEAD_DAYS), DAY);
  for (const [start, end] of lines) {
    if (start <= now.minutes && now.minutes < end) {
      return { state: "open", closesAt: end >= horizon ? null : toLocalTime(now.date, end) };
    }
  }
  const next = lines.find(([start]) => start > now.minutes);
  const exception = exceptionOn(hours, now.date);
  const holiday = exception || hours.openOnHolidays ? undefined : holidayOn(calendar, now.date);
  return { state: "closed", opensAt: next ? toLocalTime(now.date, next[0]) : null, ...(holiday ? { holiday } : {}), ...(exception ? { exception } : {}) };
}

export type Visit = { date: string; from: string; to: string };

/** The next days a mobile unit stops at a place, skipping public holidays. Includes today until the stop ends. */
export function nextVisits(stop: TourStop, calendar: Calendar, instant: Date, count = 3, lookaheadDays = 120): Visit[] {
  const now = tunisMoment(instant);
  const [start, end] = parseInterval(stop.hours);
  const visits: Visit[] = [];
  for (let d = 0; d <= lookaheadDays && visits.length < count; d++) {
    const date = addDays(now.date, d);
    if (weekdayOf(date) !== stop.weekday) continue;
    const occurrence = Math.ceil(Number(date.slice(8, 10)) / 7);
    if (stop.weeksOfMonth && !stop.weeksOfMonth.includes(occurrence)) continue;
    if (holidayOn(calendar, date)) continue;
    if (d === 0 && now.minutes >= end) continue;
    visits.push({ date, from: formatMinutes(start), to: formatMinutes(end) });
  }
  return visits;
}

/** The calendar entries that matter in the next days: what a client leaf needs, and no more. */
export function calendarWindow(calendar: Calendar, fromDate: string, days: number): Calendar {
  const to = addDays(fromDate, days);
  const overlaps = (p: { from: string; to: string }) => p.from <= to && p.to >= fromDate;
  return {
    summer: calendar.summer.filter(overlaps),
    ramadan: calendar.ramadan.filter(overlaps),
    holidays: calendar.holidays.filter((h) => h.date >= fromDate && h.date <= to),
  };
}
