import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getService } from "@/lib/catalogue/catalogue";
import { tunisMoment } from "@/lib/houses/hours";
import { getCalendar, getGovernorate } from "@/lib/houses/houses";
import type { House } from "@/lib/houses/schema";
import { localized } from "@/lib/i18n/content";
import { formatDate, formatPhone } from "@/lib/i18n/format";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { StatusTag } from "@/components/ui/status-tag";
import { OpenNow } from "./open-now";
import { TourTable } from "./tour-table";
import { WeekHoursTable } from "./week-hours";
import { clientCalendar, openNowLabels, tourLabels, tourRows, weekLabels } from "./house-labels";
import { Ltr } from "@/components/ui/user-text";

/**
 * Everything about a house below its name: shared by the house's own page (level 2 headings) and
 * the one-page list of houses kept for offline reading (level 3).
 */
export async function HouseDetails({ locale, house, level = 2 }: { locale: Locale; house: House; level?: 2 | 3 }) {
  const H2 = level === 2 ? "h2" : "h3";
  const H3 = level === 2 ? "h3" : "h4";
  const t = await getTranslations({ locale, namespace: "Houses" });
  const L = (text: Parameters<typeof localized>[0]) => localized(text, locale);
  const gov = getGovernorate(house.governorate)!;
  const delegationName = (id: string) => L(gov.delegations.find((d) => d.id === id)!.name);
  const week = await weekLabels(locale);
  const calendar = getCalendar();
  const today = tunisMoment(new Date()).date;
  const day = (iso: string) => formatDate(`${iso}T12:00:00Z`, locale);
  const upcoming = <P extends { to: string }>(periods: P[]) => periods.filter((p) => p.to >= today).slice(0, 2);
  // The house's own closures and other hours still to come (the page is revalidated at each publish).
  const exceptions = (house.hours.exceptions ?? []).filter((e) => e.to >= today).sort((a, b) => a.from.localeCompare(b.from));
  const tx = await getTranslations({ locale, namespace: "HouseExceptions" });
  const services = house.services.map((s) => getService(s)).filter((s) => s !== undefined);
  const planned = house.plannedServices.map((s) => getService(s)).filter((s) => s !== undefined);

  return (
    <>
      <p className="mb-4 flex flex-wrap items-center gap-2 text-muted">
        {house.kinds.map((k) => (
          <StatusTag key={k} tone="blue">{t(`kinds.${k}`)}</StatusTag>
        ))}
        {house.demo ? <StatusTag tone="yellow">{t("demoTag")}</StatusTag> : null}
      </p>
      {house.demo ? (
        <NotificationBanner title={t("demoTag")} tone="warning">
          <p>{t("demoNotice")}</p>
        </NotificationBanner>
      ) : null}
      {house.note ? <p className="mb-4 max-w-3xl">{L(house.note)}</p> : null}

      <OpenNow hours={house.hours} calendar={clientCalendar()} locale={locale} labels={await openNowLabels(locale)} weekdayNames={week.weekdays} />

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby={`${house.slug}-address`}>
          <H2 id={`${house.slug}-address`} className="mb-2 text-2xl font-bold">{t("addressHeading")}</H2>
          <p>{L(house.address)}</p>
          <p className="text-muted">
            {delegationName(house.delegation)} — {L(gov.name)}
          </p>
          {house.directions ? (
            <>
              <H3 className="mt-3 text-lg font-bold">{t("directionsHeading")}</H3>
              <p>{L(house.directions)}</p>
            </>
          ) : null}
          {house.coordinates ? (
            <p className="mt-2">
              {/* A geo: link opens the phone's own maps app; no map is loaded by this page. */}
              <a className="link inline-flex min-h-11 items-center" href={`geo:${house.coordinates.lat},${house.coordinates.lon}`}>
                {t("openInMaps")}
              </a>
              {house.coordinates.approximate ? <span className="block text-sm text-muted">{t("approximatePosition")}</span> : null}
            </p>
          ) : null}
        </section>

        <section aria-labelledby={`${house.slug}-contact`}>
          <H2 id={`${house.slug}-contact`} className="mb-2 text-2xl font-bold">{t("contactHeading")}</H2>
          {/* Label above value on a phone: a phone number never has to break to fit beside its label. */}
          <dl className="grid grid-cols-1 gap-x-4 sm:grid-cols-[auto_minmax(0,1fr)]">
            {house.phone ? (
              <>
                <dt className="py-2 font-semibold">{t("phone")}</dt>
                <dd>
                  <a className="link inline-flex min-h-11 items-center" href={`tel:${house.phone}`}>
                    <Ltr nowrap>{formatPhone(house.phone)}</Ltr>
                  </a>
                </dd>
              </>
            ) : null}
            {house.email ? (
              <>
                <dt className="py-2 font-semibold">{t("email")}</dt>
                <dd>
                  <a className="link inline-flex min-h-11 items-center" href={`mailto:${house.email}`}>
                    <Ltr>{house.email}</Ltr>
                  </a>
                </dd>
              </>
            ) : null}
            {house.web ? (
              <>
                <dt className="py-2 font-semibold">{t("web")}</dt>
                <dd>
                  <a className="link inline-flex min-h-11 items-center" href={house.web}>
                    <Ltr>{house.web.replace(/^https?:\/\//, "")}</Ltr>
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section aria-labelledby={`${house.slug}-hours`} className="mt-8">
        <H2 id={`${house.slug}-hours`} className="mb-2 text-2xl font-bold">{t("hoursHeading")}</H2>
        {!house.hours.confirmed ? (
          <p className="mb-2">
            <StatusTag tone="yellow">{t("hoursUnconfirmed")}</StatusTag>
          </p>
        ) : null}
        {house.hours.note ? <p className="mb-4 max-w-3xl">{L(house.hours.note)}</p> : null}
        <div className="grid gap-x-8 md:grid-cols-2">
          <WeekHoursTable caption={t("regularHours")} week={house.hours.regular} labels={week} />
          {house.hours.summer ? (
            <div>
              <WeekHoursTable caption={t("summerHours")} week={house.hours.summer} labels={week} />
              <ul className="-mt-4 mb-6 text-sm text-muted">
                {upcoming(calendar.summer).map((p) => (
                  <li key={p.from}>{t("periods", { from: day(p.from), to: day(p.to) })}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {house.hours.ramadan ? (
            <div>
              <WeekHoursTable caption={t("ramadanHours")} week={house.hours.ramadan} labels={week} />
              <ul className="-mt-4 mb-2 text-sm text-muted">
                {upcoming(calendar.ramadan).map((p) => (
                  <li key={p.from}>{t("periods", { from: day(p.from), to: day(p.to) })}</li>
                ))}
              </ul>
              <p className="mb-6 text-sm text-muted">{t("approximateDates")}</p>
            </div>
          ) : null}
        </div>
        <p className="font-semibold">{house.hours.openOnHolidays ? t("holidaysOpen") : t("holidaysClosed")}</p>
        {exceptions.length > 0 ? (
          <section aria-labelledby={`${house.slug}-exceptions`} className="mt-6">
            <H3 id={`${house.slug}-exceptions`} className="mb-2 text-xl font-bold">{tx("heading")}</H3>
            <ul className="list-disc ps-6">
              {exceptions.map((e) => (
                <li key={`${e.from}-${e.to}`} className="mb-1">
                  <span className="font-semibold">{e.from === e.to ? day(e.from) : tx("range", { from: day(e.from), to: day(e.to) })}</span>
                  {" — "}
                  {e.hours.length === 0 ? tx("closed") : <>{tx("open")} <Ltr>{e.hours.map((h) => h.replace("-", "–")).join(", ")}</Ltr></>}
                  {e.note ? <>{". "}{L(e.note)}</> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </section>

      {house.tour ? (
        <section aria-label={t("tourHeading")} className="mt-8">
          <TourTable stops={await tourRows(locale, house)} calendar={clientCalendar()} locale={locale} labels={await tourLabels(locale, t("tourHeading"))} />
        </section>
      ) : null}

      <section aria-labelledby={`${house.slug}-services`} className="mt-8">
        <H2 id={`${house.slug}-services`} className="mb-2 text-2xl font-bold">{t("servicesHeading")}</H2>
        <ul className="columns-1 sm:columns-2">
          {services.map((s) => (
            <li key={s.slug} className="break-inside-avoid">
              <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${s.slug}`)}>
                {L(s.title)}
              </Link>
            </li>
          ))}
        </ul>
        {planned.length > 0 ? (
          <>
            <H3 className="mt-4 mb-2 text-lg font-bold">{t("plannedHeading")}</H3>
            <ul className="list-disc ps-6">
              {planned.map((s) => (
                <li key={s.slug}>
                  <Link prefetch={false} className="link" href={localePath(locale, `/services/${s.slug}`)}>
                    {L(s.title)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {house.servesDelegations.length > 0 ? (
        <section aria-labelledby={`${house.slug}-serves`} className="mt-8">
          <H2 id={`${house.slug}-serves`} className="mb-2 text-2xl font-bold">{t("servesHeading")}</H2>
          <p>{new Intl.ListFormat(locale, { type: "conjunction" }).format(house.servesDelegations.map(delegationName))}</p>
        </section>
      ) : null}

      <section aria-labelledby={`${house.slug}-access`} className="mt-8">
        <H2 id={`${house.slug}-access`} className="mb-2 text-2xl font-bold">{t("accessibilityHeading")}</H2>
        <p className="max-w-3xl">{L(house.accessibility)}</p>
        {house.opened ? <p className="mt-4 text-muted">{t("opened", { date: day(house.opened) })}</p> : null}
      </section>
    </>
  );
}
