import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listHouses } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { formatPhone } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { Ltr } from "@/components/ui/user-text";

export const generateMetadata = titled("Help.title", {}, { staticPage: true });

/**
 * Help for a first-time user: where to ask, the houses' phones (lib/houses data), what volunteers
 * do and never do, how to report a problem with the app. Static, kept offline.
 */
export default async function HelpPage({ params }: PageProps<"/[locale]/help">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Help" });
  const houses = listHouses().filter((h) => !h.kinds.includes("mobile-unit"));
  const link = "link inline-flex min-h-11 items-center";
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 text-lg">{t("lead")}</p>

      <section aria-labelledby="at-house" className="mb-8">
        <h2 id="at-house" className="mb-3 text-2xl font-bold">{t("atHouseHeading")}</h2>
        <ul className="flex list-disc flex-col gap-2 ps-6">
          <li>{t("atHouse1")}</li>
          <li>{t("atHouse2")}</li>
          <li>{t("atHouse3")}</li>
        </ul>
      </section>

      <section aria-labelledby="phones" className="mb-8">
        <h2 id="phones" className="mb-3 text-2xl font-bold">{t("phonesHeading")}</h2>
        <p className="mb-3">{t("phonesLead")}</p>
        <ul className="mb-3 flex flex-col divide-y divide-line border-y border-line">
          {houses.map((h) => (
            <li key={h.slug} className="flex flex-wrap items-center justify-between gap-x-4 py-1">
              <Link prefetch={false} className={link} href={localePath(locale, `/houses/${h.slug}`)}>
                {localized(h.name, locale)}
                {h.demo ? ` (${t("demo")})` : ""}
              </Link>
              {h.phone ? (
                <a className={link} href={`tel:${h.phone}`}>
                  <Ltr nowrap>{formatPhone(h.phone)}</Ltr>
                </a>
              ) : (
                <span className="text-muted">{t("noPhone")}</span>
              )}
            </li>
          ))}
        </ul>
        <Link prefetch={false} className={link} href={localePath(locale, "/houses")}>
          {t("allHouses")}
        </Link>
      </section>

      <section aria-labelledby="volunteers" className="mb-8">
        <h2 id="volunteers" className="mb-3 text-2xl font-bold">{t("volunteersHeading")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="border-s-8 border-brand bg-canvas p-4">
            <h3 className="mb-2 text-xl font-bold">{t("volunteersDo")}</h3>
            <ul className="flex list-disc flex-col gap-2 ps-6">
              <li>{t("volunteersDo1")}</li>
              <li>{t("volunteersDo2")}</li>
              <li>{t("volunteersDo3")}</li>
            </ul>
          </div>
          <div className="border-s-8 border-danger bg-canvas p-4">
            <h3 className="mb-2 text-xl font-bold">{t("volunteersDont")}</h3>
            <ul className="flex list-disc flex-col gap-2 ps-6">
              <li>{t("volunteersDont1")}</li>
              <li>{t("volunteersDont2")}</li>
              <li>{t("volunteersDont3")}</li>
            </ul>
          </div>
        </div>
        <p className="mt-4">
          <Link prefetch={false} className={link} href={localePath(locale, "/learn")}>
            {t("lessonsLink")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="problem" className="mb-8">
        <h2 id="problem" className="mb-3 text-2xl font-bold">{t("problemHeading")}</h2>
        <ul className="flex list-disc flex-col gap-2 ps-6">
          <li>{t("problem1")}</li>
          <li>{t("problem2")}</li>
          <li>{t("problem3")}</li>
        </ul>
      </section>

      <p>
        <Link prefetch={false} className={link} href={localePath(locale, "/accessibility")}>
          {t("a11yLink")}
        </Link>
      </p>
    </div>
  );
}
