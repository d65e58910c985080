/**
 * The one time-zone module: wall-clock time in Africa/Tunis (or another named zone, for tests),
 * with Intl only (no offset is hard-coded: Tunisia has no DST today, but it had some until 2008
 * and could again). Pure functions, the same in Node and the browser, so client leaves (open now,
 * the unsent list) and the server agree. Everything that stores time stores UTC; everything that
 * counts days or shows hours goes through here.
 */
export const TIME_ZONE = "Africa/Tunis";

export type LocalDate = { year: number; month: number; day: number };

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partFormats.set(timeZone, f);
  }
  return f;
}

export type ZonedParts = LocalDate & { hour: number; minute: number; second: number; /** ISO: Monday 1 … Sunday 7 */ weekday: number };

export function zonedParts(instant: Date, timeZone: string = TIME_ZONE): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(instant)) if (p.type !== "literal") out[p.type] = Number(p.value);
  const date = { year: out.year!, month: out.month!, day: out.day! };
  return { ...date, hour: out.hour! % 24, minute: out.minute!, second: out.second!, weekday: isoWeekday(date) };
}

/** Minutes to add to UTC to get the zone's wall time at that instant. */
export function offsetMinutes(instant: Date, timeZone: string = TIME_ZONE): number {
  const p = zonedParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant at which the zone's clocks show `date` + `minuteOfDay`. A wall time skipped by a
 * spring-forward change maps to the instant just after the gap; a repeated one to its first
 * occurrence.
 */
export function zonedToUtc(date: LocalDate, minuteOfDay: number, timeZone: string = TIME_ZONE): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // The offsets half a day either side bracket any change on that day.
  const candidates = [...new Set([wall - 12 * 3600_000, wall, wall + 12 * 3600_000].map((t) => wall - offsetMinutes(new Date(t), timeZone) * 60000))];
  const exact = candidates.filter((c) => c + offsetMinutes(new Date(c), timeZone) * 60000 === wall);
  if (exact.length) return new Date(Math.min(...exact));
  return new Date(Math.max(...candidates));
}

export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "2026-06-15" */
export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function parseLocalDate(value: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return formatLocalDate(addDays(date, 0)) === value ? date : null;
}

export function localDateOf(instant: Date, timeZone: string = TIME_ZONE): LocalDate {
  const { year, month, day } = zonedParts(instant, timeZone);
  return { year, month, day };
}

/** "2026-06-15": the local day of an instant, as the simulators and reconciliation name days. */
export function localDateString(instant: Date, timeZone: string = TIME_ZONE): string {
  return formatLocalDate(localDateOf(instant, timeZone));
}

/** The first instant of a local day. */
export function startOfLocalDay(date: LocalDate, timeZone: string = TIME_ZONE): Date {
  return zonedToUtc(date, 0, timeZone);
}

/** The last millisecond of a local day (deadlines run to 23:59:59.999). */
export function endOfLocalDay(date: LocalDate, timeZone: string = TIME_ZONE): Date {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1);
}

/** Whole local days from a to b (negative when b is before a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** "2026-06-15" + 3 → "2026-06-18" (a local day named as text, moved by whole days). */
export function shiftDay(day: string, days: number): string {
  const date = parseLocalDate(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return formatLocalDate(addDays(date, days));
}
