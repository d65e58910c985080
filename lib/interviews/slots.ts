/**
 * Free slots, as pure functions over `now`: an official's (or interpreter's) weekly pattern,
 * minus exceptions (holidays, leave), minus what is already reserved, within the booking
 * horizon and after the minimum notice. Times are computed in the host's zone (Africa/Tunis)
 * and returned as UTC instants.
 */
import { addDays, formatLocalDate, isoWeekday, localDateOf, type LocalDate, zonedToUtc } from "@/lib/clock/zone";

export type WeeklyWindow = { /** ISO weekday, Monday 1 … Sunday 7 */ weekday: number; startMinute: number; endMinute: number };
/** Local dates, both inclusive ("2026-08-13"). */
export type DateException = { startsOn: string; endsOn: string };

export type HostRules = {
  slotMinutes: number;
  /** Kept free after each interview. */
  bufferMinutes: number;
  /** How far ahead citizens may book. */
  horizonDays: number;
  /** How soon a slot may start at the earliest. */
  minNoticeMinutes: number;
  weekly: WeeklyWindow[];
  exceptions: DateException[];
};

export type Interval = { start: Date; end: Date };

const MINUTE = 60_000;

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export function isException(date: LocalDate, exceptions: readonly DateException[]): boolean {
  const day = formatLocalDate(date);
  return exceptions.some((e) => e.startsOn <= day && day <= e.endsOn);
}

/** The first and last instant a booking may start at, for these rules at `now`. */
export function bookingWindow(rules: Pick<HostRules, "horizonDays" | "minNoticeMinutes">, now: Date): Interval {
  return {
    start: new Date(now.getTime() + rules.minNoticeMinutes * MINUTE),
    end: new Date(now.getTime() + rules.horizonDays * 24 * 60 * MINUTE),
  };
}

/**
 * The free slots of one host, earliest first. `busy` are the host's reservations, each already
 * including the buffer that follows it.
 */
export function generateSlots(opts: { rules: HostRules; busy: readonly Interval[]; now: Date; timeZone: string; limit?: number }): Interval[] {
  const { rules, busy, now, timeZone } = opts;
  if (rules.slotMinutes <= 0) return [];
  const window = bookingWindow(rules, now);
  const out: Interval[] = [];
  const today = localDateOf(now, timeZone);
  for (let d = 0; d <= rules.horizonDays + 1; d++) {
    const date = addDays(today, d);
    if (isException(date, rules.exceptions)) continue;
    const weekday = isoWeekday(date);
    const windows = rules.weekly.filter((w) => w.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
    const day: Interval[] = [];
    for (const w of windows) {
      for (let m = w.startMinute; m + rules.slotMinutes <= w.endMinute; m += rules.slotMinutes + rules.bufferMinutes) {
        const start = zonedToUtc(date, m, timeZone);
        const end = zonedToUtc(date, m + rules.slotMinutes, timeZone);
        if (start < window.start || start > window.end) continue;
        const held = { start, end: new Date(end.getTime() + rules.bufferMinutes * MINUTE) };
        if (busy.some((b) => overlaps(b, held))) continue;
        if (day.some((s) => s.start.getTime() === start.getTime())) continue; // overlapping patterns
        day.push({ start, end });
      }
    }
    day.sort((a, b) => a.start.getTime() - b.start.getTime());
    out.push(...day);
    if (opts.limit && out.length >= opts.limit) return out.slice(0, opts.limit);
  }
  return out;
}

/**
 * Whether a host is free for the whole of `slot`: inside one of their weekly windows on that
 * (local) day, not on an exception, within their notice and horizon, and clear of their
 * reservations plus their buffer. Used for interpreters, whose pattern need not match the
 * official's slot grid.
 */
export function isFreeFor(opts: { rules: HostRules; busy: readonly Interval[]; slot: Interval; now: Date; timeZone: string }): boolean {
  const { rules, busy, slot, now, timeZone } = opts;
  const window = bookingWindow(rules, now);
  if (slot.start < window.start || slot.start > window.end) return false;
  const date = localDateOf(slot.start, timeZone);
  if (isException(date, rules.exceptions)) return false;
  const weekday = isoWeekday(date);
  const inside = rules.weekly.some((w) => {
    if (w.weekday !== weekday) return false;
    const from = zonedToUtc(date, w.startMinute, timeZone);
    const to = zonedToUtc(date, w.endMinute, timeZone);
    return from <= slot.start && slot.end <= to;
  });
  if (!inside) return false;
  const held = { start: slot.start, end: new Date(slot.end.getTime() + rules.bufferMinutes * MINUTE) };
  return !busy.some((b) => overlaps(b, held));
}

export type Host = { id: string; rules: HostRules; busy: Interval[] };
export type OfferedSlot = Interval & { officialId: string; interpreterId: string | null };

/**
 * The slots a citizen is offered: every free slot of every official, each with the first free
 * interpreter when one is needed (and only where one is free). One entry per start time,
 * earliest first, ties broken by host order (callers put the least busy first).
 */
export function offerSlots(opts: {
  officials: readonly Host[];
  interpreters: readonly Host[] | null;
  now: Date;
  timeZone: string;
  limit?: number;
}): OfferedSlot[] {
  const byStart = new Map<number, OfferedSlot>();
  for (const official of opts.officials) {
    for (const slot of generateSlots({ rules: official.rules, busy: official.busy, now: opts.now, timeZone: opts.timeZone })) {
      const key = slot.start.getTime();
      if (byStart.has(key)) continue;
      if (opts.interpreters === null) {
        byStart.set(key, { ...slot, officialId: official.id, interpreterId: null });
        continue;
      }
      const interpreter = opts.interpreters.find(
        (i) => i.id !== official.id && isFreeFor({ rules: i.rules, busy: i.busy, slot, now: opts.now, timeZone: opts.timeZone }),
      );
      if (interpreter) byStart.set(key, { ...slot, officialId: official.id, interpreterId: interpreter.id });
    }
  }
  const all = [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  return opts.limit ? all.slice(0, opts.limit) : all;
}

/** The free slots closest in time to `target` (for "this slot was just taken"). */
export function nearestSlots<T extends Interval>(slots: readonly T[], target: Date, count: number): T[] {
  return [...slots]
    .sort((a, b) => Math.abs(a.start.getTime() - target.getTime()) - Math.abs(b.start.getTime() - target.getTime()) || a.start.getTime() - b.start.getTime())
    .slice(0, count)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}
