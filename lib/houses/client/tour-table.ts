/**
 * A mobile unit's tour (components/houses/tour-table.tsx renders the table, readable without
 * JavaScript): the next visit at each stop, worked out on the device so the static page stays
 * right as the weeks go by. The column is on the page, hidden, until this fills it.
 */
import { nextVisits, tunisMoment } from "@/lib/houses/hours";
import type { Calendar, TourStop } from "@/lib/houses/schema";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { fill, readProps } from "@/lib/shell/enhance";

export type TourTableProps = {
  /** In the table's row order. */
  stops: TourStop[];
  calendar: Calendar;
  locale: Locale;
  labels: { visitToday: string; visitOn: string; noVisit: string };
};

/** What the "next visit" cell of a stop says at an instant, and the date (for tests and styling). */
export function nextVisitText(props: TourTableProps, stop: TourStop, now: Date): { date: string; text: string } {
  const next = nextVisits(stop, props.calendar, now, 1)[0];
  if (!next) return { date: "", text: props.labels.noVisit };
  if (next.date === tunisMoment(now).date) return { date: next.date, text: fill(props.labels.visitToday, { from: next.from, to: next.to }) };
  return { date: next.date, text: fill(props.labels.visitOn, { date: formatDate(`${next.date}T12:00:00Z`, props.locale, "weekdayDate"), from: next.from, to: next.to }) };
}

/** Fills and shows the "next visit" column of a tour table; returns the cleanup. */
export function enhanceTourTable(table: HTMLElement): () => void {
  const props = readProps<TourTableProps>(table);
  const cells = [...table.querySelectorAll<HTMLElement>("[data-next-visit]")];
  if (!props || cells.length !== props.stops.length) return () => {};
  const now = new Date();
  cells.forEach((cell, i) => {
    const { date, text } = nextVisitText(props, props.stops[i]!, now);
    cell.dataset.nextVisit = date;
    cell.textContent = text;
  });
  const column = [...table.querySelectorAll<HTMLElement>("[data-next-visit-column]"), ...cells];
  for (const el of column) el.hidden = false;
  return () => {
    for (const el of column) el.hidden = true;
    for (const cell of cells) cell.textContent = "";
  };
}
