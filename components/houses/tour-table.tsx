"use client";

import { useEffect, useRef } from "react";
import type { Calendar, TourStop } from "@/lib/houses/schema";
import type { Locale } from "@/lib/i18n/routing";
import { enhanceTourTable, type TourTableProps } from "@/lib/houses/client/tour-table";

type Labels = { caption: string; place: string; when: string; hours: string; nextVisit: string; visitToday: string; visitOn: string; noVisit: string };

/**
 * A mobile unit's tour: where it stops and on which days (rendered on the server, readable
 * without JavaScript), plus the next visit date at each stop, worked out on the device so the
 * static page stays right as the weeks go by (lib/houses/client/tour-table.ts: that column is
 * rendered hidden and empty here, and filled after hydration or, on a lean page (docs/adr/0021),
 * by /enhance/tour-table.js).
 */
export function TourTable({ stops, calendar, locale, labels }: {
  stops: { stop: TourStop; place: string; rule: string }[];
  calendar: Calendar;
  locale: Locale;
  labels: Labels;
}) {
  const ref = useRef<HTMLTableElement>(null);
  const props = JSON.stringify({
    stops: stops.map((s) => s.stop),
    calendar,
    locale,
    labels: { visitToday: labels.visitToday, visitOn: labels.visitOn, noVisit: labels.noVisit },
  } satisfies TourTableProps);
  useEffect(() => (ref.current ? enhanceTourTable(ref.current) : undefined), [props]);
  return (
    // On a phone each stop is a card (each cell says its column): four columns do not fit 320 px.
    <table ref={ref} data-enhance="tour-table" data-props={props} className="w-full max-w-4xl border-collapse text-start max-sm:block">
      <caption className="mb-2 text-start text-xl font-bold max-sm:block">{labels.caption}</caption>
      <thead className="max-sm:sr-only">
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pe-3 text-start">{labels.place}</th>
          <th scope="col" className="py-2 pe-3 text-start">{labels.when}</th>
          <th scope="col" className="py-2 pe-3 text-start">{labels.hours}</th>
          <th scope="col" hidden data-next-visit-column="" className="py-2 text-start">{labels.nextVisit}</th>
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {stops.map(({ stop, place, rule }) => (
          <tr key={stop.id} id={`stop-${stop.id}`} className="border-b border-line align-top max-sm:block max-sm:py-2">
            <th scope="row" className="py-2 pe-3 text-start font-semibold max-sm:block">{place}</th>
            <td data-label={labels.when} className="py-2 pe-3 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]">{rule}</td>
            <td data-label={labels.hours} className="py-2 pe-3 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]"><bdi dir="ltr" className="whitespace-nowrap">{stop.hours.replace("-", "–")}</bdi></td>
            <td hidden data-label={labels.nextVisit} className="py-2 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]" data-next-visit="" />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
