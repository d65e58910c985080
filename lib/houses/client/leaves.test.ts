import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { calendarWindow } from "@/lib/houses/hours";
import { formatDate } from "@/lib/i18n/format";
import { getCalendar, getHouse, listMobileUnits } from "@/lib/houses/houses";
import { openNowText, type OpenNowProps } from "./open-now";
import { nextVisitText, type TourTableProps } from "./tour-table";

/** A wall-clock time in Tunis (UTC+1 all year) as an instant. */
const tunis = (iso: string) => new Date(`${iso}:00+01:00`);
const calendar = calendarWindow(getCalendar(), "2027-01-01", 550);
const live = en.Houses.live;

function props(slug: string, m = en, locale: OpenNowProps["locale"] = "en"): OpenNowProps {
  const l = m.Houses.live;
  return {
    hours: getHouse(slug)!.hours,
    calendar,
    locale,
    lang: locale === "en" ? "en" : "fr",
    labels: { openUntil: l.openUntil, openUntilDay: l.openUntilDay, openAlways: l.openAlways, opensToday: l.opensToday, opensTomorrow: l.opensTomorrow, opensDay: l.opensDay, closed: l.closed, holiday: l.holiday, exception: m.HouseExceptions.live },
    weekdayNames: m.Houses.weekdays,
  };
}

describe("the open-now line (the leaf's and the lean page's one implementation)", () => {
  it("says when the house closes or opens next, in Tunis time", () => {
    expect(openNowText(props("haidra"), tunis("2027-01-04T09:00"))).toEqual({ state: "open", text: live.openUntil.replace("{time}", "12:30"), holiday: null });
    expect(openNowText(props("haidra"), tunis("2027-01-04T12:45"))).toEqual({ state: "closed", text: live.opensToday.replace("{time}", "13:30"), holiday: null });
    expect(openNowText(props("demo-sfax-kiosk"), tunis("2027-04-09T03:00")).text).toBe(live.openAlways);
    // Ramadan hours in French: closed after 14:00, open tomorrow at 08:00.
    expect(openNowText(props("haidra", fr, "fr-TN"), tunis("2027-02-15T15:00")).text).toBe(fr.Houses.live.opensTomorrow.replace("{time}", "08:00"));
  });

  it("names the public holiday and the weekday it opens again", () => {
    const line = openNowText(props("haidra"), tunis("2027-04-09T10:00"));
    expect(line.state).toBe("closed");
    expect(line.text).toBe(live.opensDay.replace("{day}", "Monday").replace("{time}", "08:00"));
    expect(line.holiday).toContain("Martyrs");
  });
});

describe("the open-now line on a house's own closure", () => {
  it("says closed, why, and when it opens again (with other hours that day)", () => {
    const line = openNowText(props("demo-tunis-bab-souika"), tunis("2027-02-01T10:00"));
    expect(line).toEqual({ state: "closed", text: live.opensDay.replace("{day}", "Thursday").replace("{time}", "09:00"), holiday: `${en.HouseExceptions.live} Works in the hall.` });
    expect(openNowText(props("demo-tunis-bab-souika"), tunis("2027-02-04T11:00"))).toEqual({ state: "open", text: live.openUntil.replace("{time}", "12:00"), holiday: null });
  });
});

describe("a tour's next visit", () => {
  const unit = listMobileUnits()[0]!;
  const tour: TourTableProps = { stops: unit.tour ?? [], calendar, locale: "en", labels: { visitToday: live.visitToday, visitOn: live.visitOn, noVisit: live.noVisit } };
  const stop = (place: string) => tour.stops.find((s) => s.place.en.startsWith(place))!;

  it("is today, or the date of the next visit", () => {
    const now = tunis("2027-01-04T10:00");
    expect(nextVisitText(tour, stop("Thala"), now)).toEqual({ date: "2027-01-04", text: "Today, 09:00–13:00" });
    const next = nextVisitText(tour, stop("Foussana"), now);
    expect(next.date).toBe("2027-01-05");
    expect(next.text).toBe(live.visitOn.replace("{date}", formatDate("2027-01-05T12:00:00Z", "en", "weekdayDate")).replace("{from}", "09:00").replace("{to}", "13:00"));
  });

  it("says so when no visit is planned", () => {
    // No month has a sixth week: this stop is never visited.
    expect(nextVisitText(tour, { ...stop("Thala"), weeksOfMonth: [6] }, tunis("2027-01-04T10:00"))).toEqual({ date: "", text: live.noVisit });
  });
});
