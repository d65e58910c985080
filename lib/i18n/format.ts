/**
 * Formatting that citizens read: dates in Africa/Tunis with Tunisian month names, money from
 * integer millimes, phone numbers grouped as Tunisians write them. Pure functions over Intl, so
 * server and browser agree (both ship ICU with CLDR's ar-TN data).
 */
import type { Locale } from "./routing";

export { TIME_ZONE } from "@/lib/clock/zone";
import { TIME_ZONE } from "@/lib/clock/zone";

export type DateStyle = "date" | "dateLong" | "dateTime" | "time" | "weekdayDate";

const dateOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: "numeric", month: "long", year: "numeric" },
  dateLong: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  weekdayDate: { weekday: "long", day: "numeric", month: "long" },
  dateTime: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
};

export function formatDate(value: Date | string | number, locale: Locale, style: DateStyle = "date"): string {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(locale, { ...dateOptions[style], timeZone: TIME_ZONE }).format(date);
}

/** Money is integer millimes (1 TND = 1000 millimes); never a float on the way in. */
export function formatMoney(millimes: number, locale: Locale): string {
  if (!Number.isSafeInteger(millimes)) throw new RangeError("money must be an integer number of millimes");
  const abs = Math.abs(millimes);
  // Intl formats a decimal string exactly (NumberFormat v3): no binary floating point on the way.
  const decimal = `${millimes < 0 ? "-" : ""}${Math.trunc(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
  return moneyFormat(locale).format(decimal as unknown as number);
}

const moneyFormats = new Map<Locale, Intl.NumberFormat>();
function moneyFormat(locale: Locale): Intl.NumberFormat {
  let f = moneyFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency: "TND", minimumFractionDigits: 3, maximumFractionDigits: 3 });
    moneyFormats.set(locale, f);
  }
  return f;
}

/** +21698123456 → «+216 98 123 456». Anything else is returned as it came. */
export function formatPhone(e164: string): string {
  const m = /^\+216(\d{2})(\d{3})(\d{3})$/.exec(e164);
  return m ? `+216 ${m[1]} ${m[2]} ${m[3]}` : e164;
}

/** A Tunisian number as people read it locally: «98 123 456». */
export function formatPhoneLocal(e164: string): string {
  const m = /^\+216(\d{2})(\d{3})(\d{3})$/.exec(e164);
  return m ? `${m[1]} ${m[2]} ${m[3]}` : e164;
}
