import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listBodies, listCategories, listLifeEvents, listServices, servicesInCategory, servicesOfBody } from "@/lib/catalogue/catalogue";
import { contentLocale, localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { CatalogueSearch } from "@/components/catalogue/search-box-server";
import { OfflineSave } from "@/components/catalogue/offline-save";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: PageProps<"/[locale]/services">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  return { title: t("title"), description: t("description") };
}

export default async function CataloguePage({ params }: PageProps<"/[locale]/services">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const lang = contentLocale(locale);
  const collator = new Intl.Collator(locale);
  const services = [...listServices()].sort((a, b) => collator.compare(a.title[lang], b.title[lang]));
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/"), text: t("home") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("lead")}</p>
      <CatalogueSearch locale={locale} />

      <section aria-labelledby="life-events" className="mb-10">
        <h2 id="life-events" className="mb-4 text-2xl font-bold">{t("lifeEventsHeading")}</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {listLifeEvents().map((e) => (
            <li key={e.slug}>
              <Card href={localePath(locale, `/life-events/${e.slug}`)} title={localized(e.title, locale)}>
                {localized(e.summary, locale)}
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <div className="mb-10 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="by-body">
          <h2 id="by-body" className="mb-3 text-2xl font-bold">{t("bodiesHeading")}</h2>
          <ul className="flex flex-col">
            {listBodies().map((b) => (
              <li key={b.id}>
                <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/bodies/${b.id}`)}>
                  {localized(b.shortName, locale)}
                </Link>
                <span className="ms-2 text-sm text-muted">({t("servicesCount", { count: servicesOfBody(b.id).length })})</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-category">
          <h2 id="by-category" className="mb-3 text-2xl font-bold">{t("categoriesHeading")}</h2>
          <ul className="flex flex-col">
            {listCategories().map((c) => (
              <li key={c.id}>
                <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/categories/${c.id}`)}>
                  {localized(c.name, locale)}
                </Link>
                <span className="ms-2 text-sm text-muted">({t("servicesCount", { count: servicesInCategory(c.id).length })})</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="all-services">
        <h2 id="all-services" className="mb-3 text-2xl font-bold">{t("allHeading")}</h2>
        <ul className="columns-1 sm:columns-2">
          {services.map((s) => (
            <li key={s.slug} className="break-inside-avoid">
              <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${s.slug}`)}>
                {localized(s.title, locale)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {/* Last on the page: it appears after hydration, and nothing below it can be pushed (CLS 0). */}
      <OfflineSave
        lang={lang}
        labels={{ ask: t("offline.ask"), saving: t("offline.saving"), saved: t("offline.saved"), failed: t("offline.failed"), button: t("offline.button") }}
      />
    </>
  );
}
