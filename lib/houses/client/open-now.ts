/**
 * "Open now — closes at 17:00" (components/houses/open-now.tsx renders the element, hidden). The
 * page around it is static (built once, cached offline), so the status is computed here, on the
 * device, in Africa/Tunis time, and refreshed every minute. Without JavaScript nothing is shown
 * and the weekly hours on the page still say everything.
 */
import { addDays, openingStatus, tunisMoment, weekdayOf } from "@/lib/houses/hours";
import type { Calendar, HouseHours, Weekday } from "@/lib/houses/schema";
import { formatDate } from "@/lib/i18n/format";
import type { ContentLocale, Locale } from "@/lib/i18n/routing";
import { fill, readProps } from "@/lib/shell/enhance";

export type OpenNowLabels = {
  openUntil: string;
  openUntilDay: string;
  openAlways: string;
  opensToday: string;
  opensTomorrow: string;
  opensDay: string;
  closed: string;
  holiday: string;
  /** The line under "closed" on a day of the house's own closure. */
  exception: string;
};

export type OpenNowProps = {
  hours: HouseHours;
  calendar: Calendar;
  locale: Locale;
  /** The language of the holiday names (the locale without its country). */
  lang: ContentLocale;
  labels: OpenNowLabels;
  weekdayNames: Record<Weekday, string>;
};

/** What the status line says at an instant: open or closed, the sentence, and the holiday's line. */
export function openNowText(props: OpenNowProps, now: Date): { state: "open" | "closed"; text: string; holiday: string | null } {
  const { hours, calendar, locale, lang, labels, weekdayNames } = props;
  const status = openingStatus(hours, calendar, now);
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
  const holiday =
    status.state !== "closed" ? null
    : status.exception ? (status.exception.note?.[lang] ? `${labels.exception} ${status.exception.note[lang]}` : labels.exception)
    : status.holiday ? fill(labels.holiday, { holiday: status.holiday.name[lang] })
    : null;
  return { state: status.state, text, holiday };
}

/** Shows the status line in its element and keeps it right every minute; returns the cleanup. */
export function enhanceOpenNow(el: HTMLElement): () => void {
  const props = readProps<OpenNowProps>(el);
  if (!props) return () => {};
  const show = () => {
    const { state, text, holiday } = openNowText(props, new Date());
    el.dataset.openState = state;
    el.textContent = text;
    if (holiday) {
      const line = document.createElement("span");
      line.className = "block font-normal";
      line.textContent = holiday;
      el.append(line);
    }
    el.hidden = false;
  };
  show();
  const timer = setInterval(show, 60_000);
  return () => {
    clearInterval(timer);
    el.hidden = true;
    el.textContent = "";
  };
}
