import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getService } from "@/lib/catalogue/catalogue";
import { tunisMoment } from "@/lib/houses/hours";
import { getCalendar, getGovernorate, getHouse, listHouses } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { formatDate, formatPhone } from "@/lib/i18n/format";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { StatusTag } from "@/components/ui/status-tag";
import { OpenNow } from "@/components/houses/open-now";
import { TourTable } from "@/components/houses/tour-table";
import { WeekHoursTable } from "@/components/houses/week-hours";
import { clientCalendar, openNowLabels, tourLabels, tourRows, weekLabels } from "@/components/houses/house-labels";

export const dynamicParams = false;

export function generateStaticParams() {
  return listHouses().map((h) => ({ slug: h.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/houses/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const house = getHouse(slug);
  if (!isLocale(locale) || !house) return {};
  return { title: localized(house.name, locale), description: localized(house.address, locale) };
}

export default async function HousePage({ params }: PageProps<"/[locale]/houses/[slug]">) {
  const { locale, slug } = await params;
  const house = getHouse(slug);
  if (!isLocale(locale) || !house) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Houses" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const L = (text: Parameters<typeof localized>[0]) => localized(text, locale);
  const gov = getGovernorate(house.governorate)!;
  const delegationName = (id: string) => L(gov.delegations.find((d) => d.id === id)!.name);
  const week = await weekLabels(locale);
  const calendar = getCalendar();
  const today = tunisMoment(new Date()).date;
  const day = (iso: string) => formatDate(`${iso}T12:00:00Z`, locale);
  const upcoming = <P extends { to: string }>(periods: P[]) => periods.filter((p) => p.to >= today).slice(0, 2);
  const services = house.services.map((s) => getService(s)).filter((s) => s !== undefined);
  const planned = house.plannedServices.map((s) => getService(s)).filter((s) => s !== undefined);

  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[
          { href: localePath(locale, "/houses"), text: t("title") },
          { href: localePath(locale, `/houses/governorates/${gov.id}`), text: L(gov.name) },
          { text: L(house.name) },
        ]}
      />
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl">{L(house.name)}</h1>
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
        <section aria-labelledby="address">
          <h2 id="address" className="mb-2 text-2xl font-bold">{t("addressHeading")}</h2>
          <p>{L(house.address)}</p>
          <p className="text-muted">
            {delegationName(house.delegation)} — {L(gov.name)}
          </p>
          {house.directions ? (
            <>
              <h3 className="mt-3 text-lg font-bold">{t("directionsHeading")}</h3>
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

        <section aria-labelledby="contact">
          <h2 id="contact" className="mb-2 text-2xl font-bold">{t("contactHeading")}</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4">
            {house.phone ? (
              <>
                <dt className="py-2 font-semibold">{t("phone")}</dt>
                <dd>
                  <a className="link inline-flex min-h-11 items-center" href={`tel:${house.phone}`}>
                    <bdi dir="ltr">{formatPhone(house.phone)}</bdi>
                  </a>
                </dd>
              </>
            ) : null}
            {house.email ? (
              <>
                <dt className="py-2 font-semibold">{t("email")}</dt>
                <dd>
                  <a className="link inline-flex min-h-11 items-center" href={`mailto:${house.email}`}>
                    <bdi dir="ltr">{house.email}</bdi>
                  </a>
                </dd>
              </>
            ) : null}
            {house.web ? (
              <>
                <dt className="py-2 font-semibold">{t("web")}</dt>
                <dd>
                  <a className="link inline-flex min-h-11 items-center" href={house.web}>
                    <bdi dir="ltr">{house.web.replace(/^https?:\/\//, "")}</bdi>
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section aria-labelledby="hours" className="mt-8">
        <h2 id="hours" className="mb-2 text-2xl font-bold">{t("hoursHeading")}</h2>
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
      </section>

      {house.tour ? (
        <section aria-label={t("tourHeading")} className="mt-8">
          <TourTable stops={await tourRows(locale, house)} calendar={clientCalendar()} locale={locale} labels={await tourLabels(locale, t("tourHeading"))} />
        </section>
      ) : null}

      <section aria-labelledby="services" className="mt-8">
        <h2 id="services" className="mb-2 text-2xl font-bold">{t("servicesHeading")}</h2>
        <ul className="columns-1 sm:columns-2">
          {services.map((s) => (
            <li key={s.slug} className="break-inside-avoid">
              <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${s.slug}`)}>
                {L(s.title)}
              </Link>
            </li>
          ))}
        </ul>
        {planned.length > 0 ? (
          <>
            <h3 className="mt-4 mb-2 text-lg font-bold">{t("plannedHeading")}</h3>
            <ul className="list-disc ps-6">
              {planned.map((s) => (
                <li key={s.slug}>
                  <Link className="link" href={localePath(locale, `/services/${s.slug}`)}>
                    {L(s.title)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {house.servesDelegations.length > 0 ? (
        <section aria-labelledby="serves" className="mt-8">
          <h2 id="serves" className="mb-2 text-2xl font-bold">{t("servesHeading")}</h2>
          <p>{new Intl.ListFormat(locale, { type: "conjunction" }).format(house.servesDelegations.map(delegationName))}</p>
        </section>
      ) : null}

      <section aria-labelledby="access" className="mt-8">
        <h2 id="access" className="mb-2 text-2xl font-bold">{t("accessibilityHeading")}</h2>
        <p className="max-w-3xl">{L(house.accessibility)}</p>
        {house.opened ? <p className="mt-4 text-muted">{t("opened", { date: day(house.opened) })}</p> : null}
      </section>
      <p className="no-print mt-8">
        <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, "/houses")}>
          {t("allHouses")}
        </Link>
      </p>
    </article>
  );
}
