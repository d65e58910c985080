/**
 * The shape of the houses' data files (lib/houses/data). Like the catalogue, houses are content
 * that the programme edits: opening hours, tours and services change without a release of code.
 */
import { z } from "zod";
import { localizedText } from "@/lib/i18n/content";

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case slug");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

/** "08:00-12:30"; a closing time earlier than the opening time runs past midnight; 24:00 is the end of the day. */
export const interval = z.string().refine((v) => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/.exec(v);
  if (!m) return false;
  if (m[3] === "24" && m[4] !== "00") return false;
  return `${m[1]}:${m[2]}` !== `${m[3]}:${m[4]}`;
}, "HH:MM-HH:MM with different ends");

export const weekHours = z.partialRecord(z.enum(weekdays), z.array(interval).min(1));
export type WeekHours = z.infer<typeof weekHours>;

/**
 * A date range on which a house keeps other hours than its timetable: closed (no hours: works,
 * an inventory, a local feast) or open at other times. It wins over every timetable, holidays
 * included, on each day from `from` to `to`.
 */
export const hoursException = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    /** The hours of each of these days; none: closed. */
    hours: z.array(interval),
    note: localizedText.optional(),
  })
  .refine((e) => e.from <= e.to, { message: "from ≤ to", path: ["to"] });
export type HoursException = z.infer<typeof hoursException>;

export const houseHours = z.strictObject({
  /** false when the hours are the administration's usual hours, not confirmed by the house itself. */
  confirmed: z.boolean(),
  regular: weekHours,
  /** Summer hours (séance unique), in the periods of the calendar. */
  summer: weekHours.optional(),
  ramadan: weekHours.optional(),
  openOnHolidays: z.boolean(),
  note: localizedText.optional(),
  /** Closures and other hours on given dates (lib/houses/hours.ts exceptionOn). */
  exceptions: z.array(hoursException).optional(),
});
export type HouseHours = z.infer<typeof houseHours>;

export const calendar = z.strictObject({
  summer: z.array(z.strictObject({ from: isoDate, to: isoDate })),
  ramadan: z.array(z.strictObject({ from: isoDate, to: isoDate, approximate: z.boolean() })),
  holidays: z.array(z.strictObject({ date: isoDate, name: localizedText, approximate: z.boolean() })),
});
export type Calendar = z.infer<typeof calendar>;

export const houseKinds = ["multi-window", "single-interlocutor", "cooperative", "municipal", "digital", "mobile-unit", "self-service-corner"] as const;
export type HouseKind = (typeof houseKinds)[number];

export const tourStop = z.strictObject({
  id: slug,
  place: localizedText,
  governorate: slug,
  delegation: slug,
  weekday: z.enum(weekdays),
  /** Only these occurrences of the weekday in the month (1 = the first Monday, …); every week when absent. */
  weeksOfMonth: z.array(z.number().int().min(1).max(5)).min(1).optional(),
  hours: interval,
  note: localizedText.optional(),
});
export type TourStop = z.infer<typeof tourStop>;

export const house = z
  .strictObject({
    slug,
    /** Example data, shown as such on the page: not a real house. */
    demo: z.boolean(),
    name: localizedText,
    kinds: z.array(z.enum(houseKinds)).min(1),
    governorate: slug,
    delegation: slug,
    /** Other delegations whose people this house serves. */
    servesDelegations: z.array(slug),
    address: localizedText,
    directions: localizedText.optional(),
    coordinates: z.strictObject({ lat: z.number().min(30).max(38), lon: z.number().min(7).max(12), approximate: z.boolean() }).optional(),
    phone: z.string().regex(/^\+216\d{8}$/, "E.164").optional(),
    email: z.email().optional(),
    web: z.url({ protocol: /^https?$/ }).optional(),
    hours: houseHours,
    services: z.array(slug).min(1),
    /** Announced, not yet offered. */
    plannedServices: z.array(slug),
    accessibility: localizedText,
    opened: isoDate.optional(),
    note: localizedText.optional(),
    tour: z.array(tourStop).min(1).optional(),
  })
  .refine((h) => h.kinds.includes("mobile-unit") === Boolean(h.tour), { message: "a mobile unit has a tour, and only a mobile unit" });
export type House = z.infer<typeof house>;

export const geography = z.strictObject({
  source: z.strictObject({ name: z.string(), url: z.url(), files: z.array(z.string()), licence: z.string(), corrections: z.array(z.string()) }),
  governorates: z
    .array(
      z.strictObject({
        id: slug,
        code: z.number().int().min(1).max(24),
        name: localizedText,
        delegations: z.array(z.strictObject({ id: slug, name: localizedText })).min(1),
      }),
    )
    .length(24),
});
export type Geography = z.infer<typeof geography>;
export type Governorate = Geography["governorates"][number];
export type Delegation = Governorate["delegations"][number];
