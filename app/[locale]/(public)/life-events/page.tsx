import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listLifeEvents } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: PageProps<"/[locale]/life-events">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "LifeEvents" });
  return { title: t("title"), description: t("description") };
}

export default async function LifeEventsPage({ params }: PageProps<"/[locale]/life-events">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "LifeEvents" });
  const c = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/services"), text: c("title") }, { text: t("title") }]} />
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("lead")}</p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {listLifeEvents().map((e) => (
          <li key={e.slug}>
            <Card href={localePath(locale, `/life-events/${e.slug}`)} title={localized(e.title, locale)} headingLevel={2}>
              {localized(e.summary, locale)}
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
