import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listMobileUnits } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { StatusTag } from "@/components/ui/status-tag";
import { TourTable } from "@/components/houses/tour-table";
import { clientCalendar, tourLabels, tourRows } from "@/components/houses/house-labels";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Houses.mobileUnitsLink", {}, { staticPage: true });

/** "When does the mobile unit come to my place next?" — every tour, with the next date worked out on the device. */
export default async function MobileUnitsPage({ params }: PageProps<"/[locale]/houses/mobile-units">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Houses" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const calendar = clientCalendar();
  const units = listMobileUnits();
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/houses"), text: t("title") }, { text: t("mobileUnitsHeading") }]} />
      <h1 className="mb-3 text-3xl font-bold">{t("mobileUnitsLink")}</h1>
      <p className="mb-8 max-w-3xl text-lg">{t("mobileUnitsLead")}</p>
      {await Promise.all(
        units.map(async (unit) => (
          <section key={unit.slug} aria-labelledby={`unit-${unit.slug}`} className="mb-10">
            <h2 id={`unit-${unit.slug}`} className="mb-1 text-2xl font-bold">
              <Link prefetch={false} className="link" href={localePath(locale, `/houses/${unit.slug}`)}>
                {localized(unit.name, locale)}
              </Link>
              {unit.demo ? <span className="ms-2 align-middle text-base"><StatusTag tone="yellow">{t("demoTag")}</StatusTag></span> : null}
            </h2>
            <p className="mb-3 text-muted">{localized(unit.address, locale)}</p>
            <TourTable stops={await tourRows(locale, unit)} calendar={calendar} locale={locale} labels={await tourLabels(locale, t("tourHeading"))} />
          </section>
        )),
      )}
    </>
  );
}
