"use client";

import { useEffect, useState } from "react";
import { nextVisits, tunisMoment } from "@/lib/houses/hours";
import type { Calendar, TourStop } from "@/lib/houses/schema";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

type Labels = { caption: string; place: string; when: string; hours: string; nextVisit: string; visitToday: string; visitOn: string; noVisit: string };

/**
 * A mobile unit's tour: where it stops and on which days (rendered on the server, readable
 * without JavaScript), plus the next visit date at each stop, worked out on the device so the
 * static page stays right as the weeks go by.
 */
export function TourTable({ stops, calendar, locale, labels }: {
  stops: { stop: TourStop; place: string; rule: string }[];
  calendar: Calendar;
  locale: Locale;
  labels: Labels;
}) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => setNow(new Date()), []);
  const today = now ? tunisMoment(now).date : null;
  const fill = (t: string, v: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? "");
  return (
    // On a phone each stop is a card (each cell says its column): four columns do not fit 320 px.
    <table className="w-full max-w-4xl border-collapse text-start max-sm:block">
      <caption className="mb-2 text-start text-xl font-bold max-sm:block">{labels.caption}</caption>
      <thead className="max-sm:sr-only">
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pe-3 text-start">{labels.place}</th>
          <th scope="col" className="py-2 pe-3 text-start">{labels.when}</th>
          <th scope="col" className="py-2 pe-3 text-start">{labels.hours}</th>
          {now ? <th scope="col" className="py-2 text-start">{labels.nextVisit}</th> : null}
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {stops.map(({ stop, place, rule }) => {
          const next = now ? nextVisits(stop, calendar, now, 1)[0] : undefined;
          return (
            <tr key={stop.id} id={`stop-${stop.id}`} className="border-b border-line align-top max-sm:block max-sm:py-2">
              <th scope="row" className="py-2 pe-3 text-start font-semibold max-sm:block">{place}</th>
              <td data-label={labels.when} className="py-2 pe-3 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]">{rule}</td>
              <td data-label={labels.hours} className="py-2 pe-3 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]"><bdi dir="ltr" className="whitespace-nowrap">{stop.hours.replace("-", "–")}</bdi></td>
              {now ? (
                <td data-label={labels.nextVisit} className="py-2 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]" data-next-visit={next?.date ?? ""}>
                  {next
                    ? next.date === today
                      ? fill(labels.visitToday, { from: next.from, to: next.to })
                      : fill(labels.visitOn, { date: formatDate(`${next.date}T12:00:00Z`, locale, "weekdayDate"), from: next.from, to: next.to })
                    : labels.noVisit}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
