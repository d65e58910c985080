"use client";

import { useEffect, useState } from "react";
import { addDays, openingStatus, tunisMoment, weekdayOf, type OpeningStatus } from "@/lib/houses/hours";
import type { Calendar, HouseHours, Weekday } from "@/lib/houses/schema";
import { formatDate } from "@/lib/i18n/format";
import { contentLocale, type Locale } from "@/lib/i18n/routing";

export type OpenNowLabels = {
  openUntil: string;
  openUntilDay: string;
  openAlways: string;
  opensToday: string;
  opensTomorrow: string;
  opensDay: string;
  closed: string;
  holiday: string;
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}

/**
 * "Open now — closes at 17:00". The page around it is static (built once, cached offline), so the
 * status is computed here, on the device, in Africa/Tunis time, and refreshed every minute.
 * Without JavaScript nothing is shown and the weekly hours on the page still say everything.
 */
export function OpenNow({ hours, calendar, locale, labels, weekdayNames }: {
  hours: HouseHours;
  calendar: Calendar;
  locale: Locale;
  labels: OpenNowLabels;
  weekdayNames: Record<Weekday, string>;
}) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!now) return null;

  const status: OpeningStatus = openingStatus(hours, calendar, now);
  const today = tunisMoment(now).date;
  const dayName = (date: string) =>
    date === addDays(today, 1) || date > addDays(today, 6) ? formatDate(`${date}T12:00:00Z`, locale, "weekdayDate") : weekdayNames[weekdayOf(date)];
  let text: string;
  if (status.state === "open") {
    if (!status.closesAt) text = labels.openAlways;
    else if (status.closesAt.date === today) text = fill(labels.openUntil, { time: status.closesAt.time });
    else text = fill(labels.openUntilDay, { day: dayName(status.closesAt.date), time: status.closesAt.time });
  } else if (!status.opensAt) text = labels.closed;
  else if (status.opensAt.date === today) text = fill(labels.opensToday, { time: status.opensAt.time });
  else if (status.opensAt.date === addDays(today, 1)) text = fill(labels.opensTomorrow, { time: status.opensAt.time });
  else text = fill(labels.opensDay, { day: dayName(status.opensAt.date), time: status.opensAt.time });
  const lang = contentLocale(locale);

  return (
    <p role="status" data-open-state={status.state} className={`mb-4 inline-block border-s-8 px-3 py-2 font-bold ${status.state === "open" ? "border-success bg-[#cce2d8]" : "border-ink bg-canvas"}`}>
      {text}
      {status.state === "closed" && status.holiday ? (
        <span className="block font-normal">{fill(labels.holiday, { holiday: status.holiday.name[lang] })}</span>
      ) : null}
    </p>
  );
}
