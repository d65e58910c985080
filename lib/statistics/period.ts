import { z } from "zod";
import { addDays, daysBetween, formatLocalDate, localDateOf, parseLocalDate, startOfLocalDay } from "@/lib/clock/zone";

/** A span of whole local days (Africa/Tunis), both ends included. */
export type Period = { from: string; to: string };

export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 30;

const day = z.string().refine((v) => parseLocalDate(v) !== null, "Statistics.errors.date");

const bothDays = (p: { from?: string; to?: string }) => !!p.from && !!p.to && parseLocalDate(p.from) !== null && parseLocalDate(p.to) !== null;

/** The period filter's fields (a GET form): both optional, a day each. */
export const periodSchema = z
  .object({ from: day.optional().or(z.literal("").transform(() => undefined)), to: day.optional().or(z.literal("").transform(() => undefined)) })
  // Zod runs these even when a day above failed: each compares only two days that exist.
  .refine((p) => !bothDays(p) || p.from! <= p.to!, { path: ["to"], message: "Statistics.errors.order" })
  .refine((p) => !bothDays(p) || daysBetween(parseLocalDate(p.from!)!, parseLocalDate(p.to!)!) < MAX_PERIOD_DAYS, { path: ["to"], message: "Statistics.errors.tooLong" });

/**
 * The period asked for, or the default: the last `fallbackDays` days up to `today` (the dashboard
 * includes today; open data stops at yesterday, a day being published once it is over).
 */
export function resolvePeriod(input: { from?: string; to?: string }, today: Date, fallbackDays = DEFAULT_PERIOD_DAYS, endOffsetDays = 0): Period {
  const end = input.to ?? formatLocalDate(addDays(localDateOf(today), endOffsetDays));
  const start = input.from ?? formatLocalDate(addDays(parseLocalDate(end)!, -(fallbackDays - 1)));
  return { from: start, to: end };
}

/** The instants [start, end) the period covers. */
export function periodBounds(p: Period): { start: Date; end: Date } {
  return { start: startOfLocalDay(parseLocalDate(p.from)!), end: startOfLocalDay(addDays(parseLocalDate(p.to)!, 1)) };
}

/** Every day of the period, in order (for charts: a day without rows is a zero, not a gap). */
export function daysOf(p: Period): string[] {
  const from = parseLocalDate(p.from)!;
  const n = daysBetween(from, parseLocalDate(p.to)!) + 1;
  return Array.from({ length: Math.max(0, n) }, (_, i) => formatLocalDate(addDays(from, i)));
}
