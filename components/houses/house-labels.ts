import { getTranslations } from "next-intl/server";
import { tunisMoment, calendarWindow } from "@/lib/houses/hours";
import { getCalendar } from "@/lib/houses/houses";
import { weekdays, type Calendar, type House, type TourStop, type Weekday } from "@/lib/houses/schema";
import { localized } from "@/lib/i18n/content";
import type { Locale } from "@/lib/i18n/routing";
import type { OpenNowLabels } from "./open-now";

export async function weekLabels(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "Houses" });
  return {
    day: t("day"),
    hours: t("hours"),
    closed: t("closed"),
    weekdays: Object.fromEntries(weekdays.map((d) => [d, t(`weekdays.${d}`)])) as Record<Weekday, string>,
  };
}

export async function openNowLabels(locale: Locale): Promise<OpenNowLabels> {
  const t = await getTranslations({ locale, namespace: "Houses.live" });
  // Placeholders stay as {time} / {day} / {holiday}: the client leaf fills them.
  const keep = { time: "{time}", day: "{day}", holiday: "{holiday}" };
  return {
    openUntil: t("openUntil", keep),
    openUntilDay: t("openUntilDay", keep),
    openAlways: t("openAlways"),
    opensToday: t("opensToday", keep),
    opensTomorrow: t("opensTomorrow", keep),
    opensDay: t("opensDay", keep),
    closed: t("closed"),
    holiday: t("holiday", keep),
    exception: (await getTranslations({ locale, namespace: "HouseExceptions" }))("live"),
  };
}

/**
 * The calendar a client leaf needs: from the build date for about a year and a half. Pages are
 * rebuilt with every release, and the calendar file itself must be renewed every year anyway.
 */
export function clientCalendar(): Calendar {
  return calendarWindow(getCalendar(), tunisMoment(new Date()).date, 550);
}

export async function tourRows(locale: Locale, house: House): Promise<{ stop: TourStop; place: string; rule: string }[]> {
  const t = await getTranslations({ locale, namespace: "Houses" });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return (house.tour ?? []).map((stop) => {
    const weekday = t(`weekdays.${stop.weekday}`);
    const rule = stop.weeksOfMonth
      ? t("someWeeks", { weekday, weeks: list.format(stop.weeksOfMonth.map((n) => t(`ordinals.${n as 1 | 2 | 3 | 4 | 5}`))) })
      : t("everyWeek", { weekday });
    return { stop, place: localized(stop.place, locale), rule };
  });
}

export async function tourLabels(locale: Locale, caption: string) {
  const t = await getTranslations({ locale, namespace: "Houses" });
  return {
    caption,
    place: t("place"),
    when: t("when"),
    hours: t("hours"),
    nextVisit: t("nextVisit"),
    visitToday: t("live.visitToday", { from: "{from}", to: "{to}" }),
    visitOn: t("live.visitOn", { date: "{date}", from: "{from}", to: "{to}" }),
    noVisit: t("live.noVisit"),
  };
}
