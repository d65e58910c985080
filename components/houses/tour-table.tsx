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
    <table className="w-full max-w-4xl border-collapse text-start">
      <caption className="mb-2 text-start text-xl font-bold">{labels.caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pe-3 text-start">{labels.place}</th>
          <th scope="col" className="py-2 pe-3 text-start">{labels.when}</th>
          <th scope="col" className="py-2 pe-3 text-start">{labels.hours}</th>
          {now ? <th scope="col" className="py-2 text-start">{labels.nextVisit}</th> : null}
        </tr>
      </thead>
      <tbody>
        {stops.map(({ stop, place, rule }) => {
          const next = now ? nextVisits(stop, calendar, now, 1)[0] : undefined;
          return (
            <tr key={stop.id} id={`stop-${stop.id}`} className="border-b border-line align-top">
              <th scope="row" className="py-2 pe-3 text-start font-semibold">{place}</th>
              <td className="py-2 pe-3">{rule}</td>
              <td className="py-2 pe-3"><bdi dir="ltr">{stop.hours.replace("-", "–")}</bdi></td>
              {now ? (
                <td className="py-2" data-next-visit={next?.date ?? ""}>
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
